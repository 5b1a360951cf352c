"""How long `verzamel check`, `build` and `diff` take on the dossier at the repository root.

    python benchmarks/bench_commands.py [--runs N]

Reports the median wall time of each whole command (a fresh Python process each run, as a user
types it) and of the same work inside one process, so start-up cost and pipeline cost can be
told apart. Nothing here is asserted by the tests: speed is measured, not timed in CI.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


def median_seconds(action, runs: int) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=10)
    runs = parser.parse_args().runs
    from verzamel.pipeline.build import build
    from verzamel.pipeline.run import run as run_letters
    from verzamel.project import open_project
    from verzamel.sources import load_sources

    def command(*args, ok=(0,)):
        def run():
            done = subprocess.run([sys.executable, "-m", "verzamel", *args], capture_output=True)
            assert done.returncode in ok, done.stderr.decode()

        return run

    with tempfile.TemporaryDirectory() as out:
        cases = [
            ("verzamel check, whole command", command("check", "--root", str(REPO), "--format", "json")),
            (
                "check inside one process",
                lambda: run_letters(open_project(REPO), load_sources(open_project(REPO))),
            ),
            (
                "verzamel build --force",  # everything made again, as on a first build
                command("build", "--root", str(REPO), "--out", out, "-q", "--force"),
            ),
            (
                "build --force inside one process",
                lambda: build(open_project(REPO), [], Path(out), force=True),
            ),
            ("verzamel build, nothing changed", command("build", "--root", str(REPO), "--out", out, "-q")),
            # Both revisions assembled (the older one read with git archive) and compared.
            ("verzamel diff HEAD~1 HEAD", command("diff", "HEAD~1", "HEAD", "--root", str(REPO), ok=(0, 1))),
        ]
        for _, action in cases:
            action()  # warm imports and caches
        for label, action in cases:
            print(f"{label:<32} {median_seconds(action, runs) * 1000:6.0f} ms (median of {runs})")
        print("(the example: 2 letters, 6 documents, 17 fragments)")


if __name__ == "__main__":
    main()
