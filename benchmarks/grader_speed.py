"""Print how fast the grader is; figures, not pass/fail (run: python benchmarks/grader_speed.py).

- `grader check solutions/layers.py`: wall time of the whole command, median of --runs;
- `grader grade` of one correct loop-based submission with the full hidden suite: wall time
  of the whole command, and the time spent grading that submission alone, median of --runs.
"""
import argparse
import json
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


def wall_time(command):
    started = time.perf_counter()
    result = subprocess.run(command, capture_output=True, text=True, cwd=REPO)
    elapsed = time.perf_counter() - started
    if result.returncode not in (0, 1):
        sys.exit(f"benchmark command failed: {' '.join(command)}\n{result.stderr}")
    return elapsed


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    grader = [sys.executable, "-m", "grader"]

    check = [wall_time(grader + ["check", "solutions/layers.py"]) for _ in range(args.runs)]
    print(f"grader check solutions/layers.py: median {statistics.median(check):.3f} s "
          f"(min {min(check):.3f}, max {max(check):.3f}, {args.runs} runs; goal <= 0.5 s)")

    with tempfile.TemporaryDirectory() as folder:
        submission = Path(folder) / "student" / "layers.py"
        submission.parent.mkdir()
        submission.write_bytes((REPO / "solutions" / "layers.py").read_bytes())
        whole, alone = [], []
        for run in range(args.runs):
            out = Path(folder) / f"out{run}"
            whole.append(wall_time(grader + ["grade", str(submission.parent), "--out", str(out),
                                             "--seed", "benchmark"]))
            results = json.loads((out / "student" / "results.json").read_text())
            assert results["score"] == 100, results["output"]
            alone.append(results["execution_time"])
    print(f"grader grade, one loop submission, public + hidden suites (50 cases): "
          f"median {statistics.median(whole):.3f} s for the command "
          f"(min {min(whole):.3f}, max {max(whole):.3f}; goal <= 1 s), "
          f"{statistics.median(alone):.3f} s grading the submission itself")


if __name__ == "__main__":
    main()
