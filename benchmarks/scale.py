"""verzamel side by side with pandoc, on the example and on synthetic dossiers of 20 and 200 letters.

    python benchmarks/scale.py [--sizes 20 200] [--runs 3]

Every figure is a ratio measured in the same run, because this machine is shared and noisy:
pandoc (converting Markdown to .docx with the same reference document) is the yardstick. Each
verzamel figure is a whole command in a fresh process, as a user types it. Pandoc's time for many
documents is measured on a sample of documents and scaled by their number (said so in the
output). A one-fragment change is a new word in a sentence of a fragment, each run another, so
the letter's documents really change. At each size the full build (from nothing), the no-change
build and the one-fragment build are taken in turns over `--runs` rounds and each figure is their
median, so a busy spell falls on all three alike. Peak memory is the largest resident set of the
process or of any worker it started (ru_maxrss). The targets are those of issue 13;
`docs/performance.md` records the results and the machine.
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


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="*", default=[20, 200])
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    print(f"python {sys.version.split()[0]}, {os.cpu_count()} cores")
    with tempfile.TemporaryDirectory() as scratch:
        work = Path(scratch)
        example = generate(0, work / "example")
        out = work / "example-out"
        timed(verzamel("build", "--root", str(example), "--out", str(out), "-q"))
        one_letter = median(
            verzamel("build", EXAMPLE_LETTER, "--root", str(example), "--out", str(out), "-q"),
            args.runs,
            lambda: change_fragment(example, "terugkeer.md"),
        )
        check = median(verzamel("check", "--root", str(example)), args.runs)
        pandoc_two, pandoc_memory = pandoc_seconds(work, 2, args.runs)
        pandoc_one = pandoc_two / 2
        print("example (ratios to pandoc in the same run):")
        row(
            "build of one letter after a one-fragment change / pandoc, 2 docs",
            one_letter / pandoc_two,
            "≤ 1.5",
        )
        row("check / one pandoc run", check / pandoc_one, "≤ 1.5")
        per_letter = {}
        for size in args.sizes:
            dossier = generate(size, work / f"dossier-{size}")
            out = work / f"out-{size}"
            letters = size + 2
            command = verzamel("build", "--root", str(dossier), "--out", str(out), "-q")
            full, memory, unchanged, changed = rounds(command, dossier, out, args.runs)
            checked, _ = timed(verzamel("check", "--root", str(dossier)))
            pandoc_all, _ = pandoc_seconds(work, 3 * letters, args.runs)
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


if __name__ == "__main__":
    main()
