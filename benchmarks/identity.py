"""Whether the current verzamel writes the same bytes as the verzamel of a reference commit.

    python benchmarks/identity.py [--commit 835def9] [--letters 20]

Builds two dossiers twice, once with the verzamel of the reference commit and once with the
verzamel of this checkout, and compares every document they write, byte for byte:

- the example dossier at the repository root (its six documents; the sent letter is built from
  its lock by both), and
- a synthetic dossier of `--letters` letters (benchmarks/synthetic_dossier.py).

Both builds read the same copy of the sources (those of this checkout); only the code differs.
The reference code is a `git worktree add` of the commit into a temporary folder, run with
PYTHONPATH=<worktree>/src, and removed again afterwards, also when something fails. Each build is
`verzamel build --force --out <tmp> -q` in a fresh process. The build cache in the output folder
is not compared (it is not a document).

Prints one row per letter and document (same / DIFFERENT / only in one build) and exits 1 on any
difference or failed build, 0 when every document is identical. The default commit, 835def9, is the one before
the work on issue 25 (the pipeline redesign) began.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from synthetic_dossier import REPO, generate  # noqa: E402

CACHE = ".verzamel-cache"


def build(source: Path, dossier: Path, out: Path) -> bool:
    """`verzamel build --force` of `dossier` into `out` with the verzamel whose package is in `source`;
    whether it succeeded. A failed build (a sent letter no longer matching its lock, say) is told on
    stderr, and the documents it did not write show as missing in the comparison."""
    environment = {**os.environ, "PYTHONPATH": str(source)}
    command = [sys.executable, "-m", "verzamel", "build", "--root", str(dossier), "--force"]
    done = subprocess.run(
        [*command, "--out", str(out), "-q"],
        capture_output=True,
        env=environment,
    )
    if done.returncode != 0:
        print(f"build of {dossier.name} with {source} failed ({done.returncode}):", file=sys.stderr)
        print(done.stderr.decode(), file=sys.stderr)
    return done.returncode == 0


def documents(out: Path) -> dict[str, Path]:
    """Every file the build wrote, by its path under `out`, without the build cache."""
    return {
        path.relative_to(out).as_posix(): path
        for path in sorted(out.rglob("*"))
        if path.is_file() and CACHE not in path.relative_to(out).parts
    }


def compare(reference: Path, current: Path) -> list[tuple[str, str, str]]:
    """(letter, document, verdict) for every file either build wrote."""
    before, after = documents(reference), documents(current)
    rows = []
    for name in sorted(before.keys() | after.keys()):
        letter, _, document = name.rpartition("/")
        if name not in before:
            verdict = "only current"
        elif name not in after:
            verdict = "only reference"
        else:
            verdict = "same" if before[name].read_bytes() == after[name].read_bytes() else "DIFFERENT"
        rows.append((letter, document, verdict))
    return rows


class ReferenceCheckout:
    """The reference commit checked out as a temporary git worktree, removed on leaving."""

    def __init__(self, commit: str, folder: Path):
        self.commit, self.folder = commit, folder

    def __enter__(self) -> Path:
        git("worktree", "add", "--detach", str(self.folder), self.commit)
        return self.folder / "src"

    def __exit__(self, *_) -> None:
        git("worktree", "remove", "--force", str(self.folder))
        git("worktree", "prune")


def git(*args: str) -> None:
    subprocess.run(["git", "-C", str(REPO), *args], check=True, capture_output=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--commit", default="835def9", help="the reference commit (default: 835def9)")
    parser.add_argument("--letters", type=int, default=20, help="letters in the synthetic dossier")
    args = parser.parse_args()
    rows, failed = [], 0
    with tempfile.TemporaryDirectory() as scratch:
        work = Path(scratch)
        dossiers = {
            "example": generate(0, work / "example"),
            f"{args.letters} letters": generate(args.letters, work / "synthetic"),
        }
        with ReferenceCheckout(args.commit, work / "reference") as reference_source:
            for label, dossier in dossiers.items():
                outs = work / f"out-{dossier.name}"
                failed += not build(reference_source, dossier, outs / "reference")
                failed += not build(REPO / "src", dossier, outs / "current")
                rows += [(label, *found) for found in compare(outs / "reference", outs / "current")]
    width = max(len(letter) for _, letter, _, _ in rows)
    print(f"reference {args.commit} against the checkout at {REPO}")
    print(f"{'dossier':<12} {'letter':<{width}} {'document':<26} verdict")
    for label, letter, document, verdict in rows:
        print(f"{label:<12} {letter:<{width}} {document:<26} {verdict}")
    different = [row for row in rows if row[3] != "same"]
    print(f"{len(rows) - len(different)} of {len(rows)} documents identical, {failed} builds failed")
    sys.exit(1 if different or failed else 0)


if __name__ == "__main__":
    main()
