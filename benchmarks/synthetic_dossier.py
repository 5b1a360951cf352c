"""A synthetic dossier of N letters, for measuring verzamel at dossier scale.

    python benchmarks/synthetic_dossier.py N TARGET

TARGET gets a copy of the example dossier at the repository root (its settings, house style,
registry, fragments, both letters and the sent letter's lock, with the versions it was sent with in
git: as_frozen) plus N more letters. Letter i has
fragments of its own (copies of the return-policy letter's fragments under new ids), cites a
kamerstuk of its own, and adds that kamerstuk to the registry, so the registry grows with N as a
real dossier's does. The result checks clean: a figure measured on it is a figure of real work.
"""

from __future__ import annotations

import argparse
import shutil
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
COPIED = ("verzamel.yaml", "templates", "footnotes", "sections", "letters")
# The return-policy letter's own fragments: (file in sections/, front-matter id).
OWN_FRAGMENTS = (
    ("inleiding-terugkeer.md", "inleiding-terugkeer"),
    ("terugkeer.md", "terugkeer"),
    ("appreciatie-clingendael.md", "appreciatie-clingendael"),
    ("beslisnota/toelichting-terugkeer.md", "toelichting-terugkeer"),
)
DOSSIER = 40000  # an invented dossier number, so no id can clash with the example's
SENT = "2025-11-28-verzamelbrief-oekraine"  # the example's sent letter


def letter_id(i: int) -> str:
    return f"2025-12-12-synthetisch-{i:04d}"


def as_frozen(dossier: Path) -> None:
    """A copy of the example with what its sent letter needs to be made as it was sent: the
    versions its lock records that the repository has moved on from since (its house style has),
    read from the repository's git and kept in the copy's own git object store, as `verzamel
    freeze` keeps them (git hash-object -w). The copy's files stay as the repository has them, so
    it is made and checked as the repository is (LOCK004 at what moved on)."""
    import subprocess

    from verzamel.lock.store import Store
    from verzamel.project import open_project
    from verzamel.sources.lockfile import blob_id, read_lock

    name = f"letters/{SENT}.lock"
    lock, problems = read_lock((dossier / name).read_text(encoding="utf-8"), name, SENT)
    assert lock is not None, problems
    moved = {
        source: blob
        for source, blob in lock.sources.items()
        if not (dossier / source).is_file() or blob_id((dossier / source).read_bytes()) != blob
    }
    if not moved:
        return
    subprocess.run(["git", "init", "-q", str(dossier)], check=True)
    for data in Store(open_project(REPO)).read(moved).values():
        subprocess.run(
            ["git", "hash-object", "-w", "--stdin"], cwd=dossier, input=data, check=True, capture_output=True
        )


def generate(n: int, target: Path) -> Path:
    if target.exists():
        shutil.rmtree(target)
    target.mkdir(parents=True)
    for name in COPIED:
        source = REPO / name
        if source.is_dir():
            shutil.copytree(source, target / name)
        else:
            shutil.copy2(source, target / name)
    as_frozen(target)
    registry = ["# Synthetic kamerstukken, one per synthetic letter.\n"]
    manifest = (REPO / "letters" / "2025-12-12-terugkeer-oekraine.yaml").read_text(encoding="utf-8")
    for i in range(1, n + 1):
        own = f"kst-{DOSSIER}-{i}"
        registry.append(f"{own}:\n  date: 2025-10-{1 + i % 28:02d}\n  title: Synthetische brief {i}\n")
        text = manifest
        for path, fragment_id in OWN_FRAGMENTS:
            new_id = f"{fragment_id}-{i:04d}"
            body = (
                (REPO / "sections" / path)
                .read_text(encoding="utf-8")
                .replace(f"id: {fragment_id}\n", f"id: {new_id}\n", 1)
            )
            if fragment_id == "inleiding-terugkeer":
                body = body.replace("references: [kst-19637-9999]", f"references: [kst-19637-9999, {own}]")
                body += f"Zie ook de brief over dit onderwerp.[@{own}]\n"
            new_path = target / "sections" / Path(path).with_name(f"{new_id}.md")
            new_path.write_text(body, encoding="utf-8")
            text = text.replace(f"    - {fragment_id}\n", f"    - {new_id}\n")
        (target / "letters" / f"{letter_id(i)}.yaml").write_text(text, encoding="utf-8")
    (target / "footnotes" / "synthetisch.yaml").write_text("\n".join(registry), encoding="utf-8")
    return target


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("letters", type=int)
    parser.add_argument("target", type=Path)
    args = parser.parse_args()
    generate(args.letters, args.target)
    print(f"{args.target}: the example and {args.letters} synthetic letters")


if __name__ == "__main__":
    main()
