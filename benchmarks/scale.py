"""verzamel side by side with pandoc, on the example and on synthetic dossiers of 20 and 200 letters.

    python benchmarks/scale.py [--sizes 20 200] [--runs 3] [--only example dossiers check-one preview]

Every figure is a ratio measured in the same run, because this machine is shared and noisy:
pandoc (converting Markdown to .docx with the same reference document) is the yardstick. Each
verzamel figure is a whole command in a fresh process, as a user types it. Pandoc's time for many
documents is measured on a sample of documents and scaled by their number (said so in the
output). A one-fragment change is a new word in a sentence of a fragment, each run another, so
the letter's documents really change. At each size the full build (from nothing), the no-change
build and the one-fragment build are taken in turns over `--runs` rounds and each figure is their
median, so a busy spell falls on all three alike. Peak memory is the largest resident set of the
process or of any worker it started (ru_maxrss). The targets are those of issue 13;
`docs/dev/performance.md` records the results and the machine. The example's figures are taken
on a copy that is made as the repository is (its sent letter from its lock): a build with nothing
changed, one of a letter after one of its fragments changed, and check.

Two figures of the edit loop (issue 25), on the example and on each synthetic dossier, each taken
in turns with pandoc writing one of the letter's documents (the same yardstick) and the median
of `--runs` rounds, each round a new word in one fragment of the letter:

- check-one: `verzamel check LETTER` in a fresh process (the dossier checked once before).
  Target ≤ 0.5 × pandoc.
- preview: `PreviewState(root).refresh()` in this process, once to start, then timed after the
  change: the time until the new pages exist (the server only serves them). Target ≤ 100 ms on
  the example; the letters made again should be only those that use the changed fragment (the
  state's `remade` when it has one, else the letters whose documents are new objects).

`--only` picks figures, e.g. `python benchmarks/scale.py --only check-one preview --sizes 200`.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from synthetic_dossier import REPO, generate, letter_id  # noqa: E402

EXAMPLE_LETTER = "2025-12-12-terugkeer-oekraine"
PANDOC_SAMPLE = 10


# What a user's installation does: pip compiles verzamel's modules once. (This machine's shell
# sets PYTHONDONTWRITEBYTECODE, which would make every verzamel command compile them again.)
ENVIRONMENT = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}


def timed(argv: list[str], cwd: Path | None = None) -> tuple[float, int]:
    """Wall seconds and peak resident memory (MB) of one process: the largest of it and of the
    worker processes it waited for (ru_maxrss of wait4), not their sum."""
    start = time.perf_counter()
    process = subprocess.Popen(
        argv, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=ENVIRONMENT
    )
    _, status, usage = os.wait4(process.pid, 0)
    seconds = time.perf_counter() - start
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode not in (0, 1):
        raise SystemExit(f"{' '.join(argv)} failed: {process.stderr.read().decode()}")
    return seconds, usage.ru_maxrss // 1024


def verzamel(*args: str) -> list[str]:
    return [sys.executable, "-m", "verzamel", *args]


def median(argv: list[str], runs: int, before=None) -> float:
    times = []
    for _ in range(runs):
        if before:
            before()
        times.append(timed(argv)[0])
    return statistics.median(times)


def rounds(command: list[str], dossier: Path, out: Path, runs: int) -> tuple[float, int, float, float]:
    """The medians over `runs` rounds of a full build (from nothing: no output folder, no cache),
    a no-change build and a build after a one-fragment change, and the full build's peak memory.
    The three are taken in turns, so a busy spell of the machine falls on each of them alike
    rather than on whichever was being measured at the time."""
    full, unchanged, changed, memory = [], [], [], 0
    for _ in range(runs):
        shutil.rmtree(out, ignore_errors=True)
        seconds, peak = timed(command)
        full.append(seconds)
        memory = max(memory, peak)
        unchanged.append(timed(command)[0])
        change_fragment(dossier, f"terugkeer-{1:04d}.md")
        changed.append(timed(command)[0])
    return statistics.median(full), memory, statistics.median(unchanged), statistics.median(changed)


LETTER_FRAGMENTS = (  # the return-policy letter's kamerbrief, as one Markdown file for pandoc
    "inleiding-terugkeer.md",
    "terugkeer.md",
    "appreciatie-clingendael.md",
)


def pandoc_documents(work: Path, count: int) -> list[list[str]]:
    """`count` pandoc conversions of the example letter's Markdown to .docx with the house style."""
    markdown = work / "brief.md"
    bodies = [
        (REPO / "sections" / name).read_text(encoding="utf-8").split("---", 2)[-1]
        for name in LETTER_FRAGMENTS
    ]
    markdown.write_text("\n\n".join(bodies), encoding="utf-8")
    reference = REPO / "templates" / "kamerbrief.docx"
    return [
        ["pandoc", str(markdown), "--reference-doc", str(reference), "-o", str(work / f"brief-{i}.docx")]
        for i in range(count)
    ]


def pandoc_seconds(work: Path, count: int, runs: int) -> tuple[float, int]:
    """Seconds pandoc needs for `count` documents (a sample of at most PANDOC_SAMPLE, scaled),
    and its peak memory in MB."""
    sample = min(count, PANDOC_SAMPLE)
    commands = pandoc_documents(work, sample)
    times, memory = [], 0
    for _ in range(runs):
        start = time.perf_counter()
        for argv in commands:
            memory = max(memory, timed(argv)[1])
        times.append(time.perf_counter() - start)
    return statistics.median(times) * count / sample, memory


CHANGED_SENTENCE = re.compile(r"wanneer dat kan(?: \((\d+)\))?")


def change_fragment(dossier: Path, name: str) -> None:
    """A real change to a sentence of the fragment, a new one each time it is called, so that
    its letter's kamerbrief comes out different (appending a blank line would change nothing)."""
    path = dossier / "sections" / name
    text = path.read_text(encoding="utf-8")
    found = CHANGED_SENTENCE.search(text)
    number = int(found.group(1) or 0) + 1
    changed = text[: found.start()] + f"wanneer dat kan ({number})" + text[found.end() :]
    path.write_text(changed, encoding="utf-8")


def row(label: str, value: float, target: str = "") -> None:
    print(f"  {label:<52} {value:8.3f}  {target}")


FIGURES = ("example", "dossiers", "check-one", "preview")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="*", default=[20, 200])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--only", nargs="*", choices=FIGURES, default=FIGURES, help="which figures")
    args = parser.parse_args()
    print(f"python {sys.version.split()[0]}, {os.cpu_count()} cores")
    with tempfile.TemporaryDirectory() as scratch:
        work = Path(scratch)
        if "example" in args.only:
            example_figures(work, args.runs)
        if "dossiers" in args.only:
            dossier_figures(work, args.sizes, args.runs)
        if not {"check-one", "preview"} & set(args.only):
            return
        dossiers = {"example": (generate(0, work / "example-edits"), "terugkeer.md", EXAMPLE_LETTER)}
        for size in args.sizes:
            dossiers[f"{size} letters"] = (
                generate(size, work / f"dossier-{size}-edits"),
                f"terugkeer-{1:04d}.md",
                letter_id(1),
            )
        yardstick = pandoc_documents(work, 1)[0]
        if "check-one" in args.only:
            check_one_figures(dossiers, yardstick, args.runs)
        if "preview" in args.only:
            preview_figures(dossiers, yardstick, args.runs)


def example_figures(work: Path, runs: int) -> None:
    """The example as the repository is (its sent letter made from its lock: its house style moved
    on since), in a copy: a build with nothing changed, one after a fragment of one letter
    changed, and check."""
    example = generate(0, work / "example-figures")
    out = work / "example-out"
    build = verzamel("build", "--root", str(example), "--out", str(out), "-q")
    timed(build)
    unchanged = median(build, runs)
    one_letter = median(
        verzamel("build", EXAMPLE_LETTER, "--root", str(example), "--out", str(out), "-q"),
        runs,
        lambda: change_fragment(example, "terugkeer.md"),
    )
    check = median(verzamel("check", "--root", str(example)), runs)
    pandoc_two, _ = pandoc_seconds(work, 2, runs)
    pandoc_one = pandoc_two / 2
    print("example (ratios to pandoc in the same run):")
    row("no-change build / pandoc, 2 docs", unchanged / pandoc_two)
    print(f"  no-change build {unchanged:.3f} s, pandoc making 2 documents {pandoc_two:.3f} s")
    row("build of one letter after a one-fragment change / pandoc, 2 docs", one_letter / pandoc_two, "≤ 1.5")
    row("check / one pandoc run", check / pandoc_one, "≤ 1.5")


def dossier_figures(work: Path, sizes: list[int], runs: int) -> None:
    per_letter = {}
    for size in sizes:
        dossier = generate(size, work / f"dossier-{size}")
        out = work / f"out-{size}"
        letters = size + 2
        command = verzamel("build", "--root", str(dossier), "--out", str(out), "-q")
        full, memory, unchanged, changed = rounds(command, dossier, out, runs)
        checked, _ = timed(verzamel("check", "--root", str(dossier)))
        pandoc_all, pandoc_memory = pandoc_seconds(work, 3 * letters, runs)
        per_letter[size] = full / letters
        print(f"{size} synthetic letters ({letters} letters, {3 * letters} documents):")
        row(f"full build on {os.cpu_count()} cores (from nothing, no cache), seconds", full)
        row("full build / pandoc over the same documents", full / pandoc_all, "≤ 0.25")
        row("no-change build / full build", unchanged / full, "≤ 0.05")
        row("one-fragment-changed build / full build", changed / full, "≤ 0.1")
        row("check, seconds", checked)
        row("peak memory of the full build, MB", memory, f"≤ pandoc's {pandoc_memory} MB")
        row(f"pandoc, seconds (sample of {min(3 * letters, PANDOC_SAMPLE)} scaled)", pandoc_all)
        print(f"  (letter {letter_id(1)} had its fragment changed)")
    if len(per_letter) >= 2:
        small, large = min(per_letter), max(per_letter)
        row(f"cost per letter at {large} / at {small}", per_letter[large] / per_letter[small], "≤ 1.10")


def check_one_figures(dossiers: dict, yardstick: list[str], runs: int) -> None:
    """`verzamel check LETTER` in a fresh process after a word changed in one of its fragments,
    against pandoc writing one of its documents, taken in turns. The dossier was built and
    checked once before, as in a writer's edit loop: check keeps what it read in the output
    folder, which exists once a build has made it (a cache alone never makes one)."""
    print("check of one letter after a one-fragment change, fresh process (to pandoc writing one document):")
    for label, (dossier, fragment, letter) in dossiers.items():
        command = verzamel("check", letter, "--root", str(dossier))
        timed(verzamel("build", "--root", str(dossier), "-q"))
        timed(command)
        checks, pandocs = [], []
        for _ in range(runs):
            change_fragment(dossier, fragment)
            checks.append(timed(command)[0])
            pandocs.append(timed(yardstick)[0])
        check, pandoc = statistics.median(checks), statistics.median(pandocs)
        row(f"{label}: check / pandoc", check / pandoc, "≤ 0.5")
        print(f"  {label}: check of {letter} {check:.3f} s, pandoc {pandoc:.3f} s")


def preview_figures(dossiers: dict, yardstick: list[str], runs: int) -> None:
    """The time from saving a fragment until the preview has the new pages: PreviewState.refresh()
    in this process after a word changed (the server only serves what refresh made). Taken in
    turns with pandoc writing one document. Also how many letters refresh made again (the state's
    `remade` when it has one, else the letters whose documents are new objects), beside how many
    letters use the saved fragment."""
    from verzamel.preview.state import PreviewState

    print("preview: a saved fragment reaches the open pages (PreviewState.refresh, in process):")
    for label, (dossier, fragment, _) in dossiers.items():
        state = PreviewState(dossier)
        state.refresh()  # the preview as it is once started: every letter made
        seconds, pandocs, remade = [], [], []
        for _ in range(runs):
            before = {i: dict(view.documents) for i, view in state.letters.items()}
            change_fragment(dossier, fragment)
            start = time.perf_counter()
            if not state.refresh():
                raise SystemExit(f"the preview did not see {fragment} change")
            seconds.append(time.perf_counter() - start)
            remade.append(state.remade if hasattr(state, "remade") else made_again(before, state.letters))
            pandocs.append(timed(yardstick)[0])
        refresh, pandoc = statistics.median(seconds), statistics.median(pandocs)
        target = "≤ 0.100" if label == "example" else ""
        row(f"{label}: refresh after a save, seconds", refresh, target)
        row(f"{label}: refresh / pandoc writing one document", refresh / pandoc)
        using = letters_using(dossier, Path(fragment).stem)
        print(
            f"  {label}: letters made again {max(remade)} of {len(state.letters)}"
            f" (target: only the {using} that use {fragment})"
        )


def made_again(before: dict, letters: dict) -> int:
    """The letters whose documents are other objects than before the refresh (or new letters)."""
    return sum(
        1
        for letter_id, view in letters.items()
        if letter_id not in before
        or any(before[letter_id].get(kind) is not document for kind, document in view.documents.items())
    )


def letters_using(dossier: Path, fragment_id: str) -> int:
    """How many letter manifests list the fragment (a `- id` line), sent letters too."""
    listed = re.compile(rf"^\s*- {re.escape(fragment_id)}\s*$", re.MULTILINE)
    return sum(1 for path in (dossier / "letters").glob("*.yaml") if listed.search(path.read_text("utf-8")))


if __name__ == "__main__":
    main()
