"""How long `verzamel build` takes on the example dossier.

    python benchmarks/bench_build.py [--runs N]

Reports the median wall time of the whole command (a fresh Python process each run, as a user
types it) and of the build inside one process (sources -> six .docx files), so start-up cost and
pipeline cost can be told apart. Nothing here is asserted by the tests: speed is measured, not
timed in CI.
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
EXAMPLE = REPO / "example"


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
    with tempfile.TemporaryDirectory() as out:
        command = [sys.executable, "-m", "verzamel", "build", "--root", str(EXAMPLE), "--out", out, "-q"]

        def whole_command():
            subprocess.run(command, check=True)

        from verzamel.build import build
        from verzamel.project import open_project

        def in_process():
            build(open_project(EXAMPLE), [], Path(out))

        in_process()  # warm imports
        print(
            f"verzamel build, whole command: {median_seconds(whole_command, runs) * 1000:.0f} ms "
            f"(median of {runs})"
        )
        print(
            f"build inside one process:      {median_seconds(in_process, runs) * 1000:.0f} ms "
            f"(median of {runs}; 2 letters, 6 documents)"
        )


if __name__ == "__main__":
    main()
