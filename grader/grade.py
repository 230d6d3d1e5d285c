"""`grader grade SUBMISSION... --out DIR`: public and hidden suites on many submissions.

Writes DIR/<name>/results.json (Gradescope's schema) as each submission finishes, then
DIR/grades.csv. The hidden suite comes from --seed or GRADER_SEED: keep it secret, and reuse
it to reproduce a grading run.
"""
import argparse
import os
import secrets
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from grader.submission import SubmissionError, collect

MAX_TIMEOUT = 3600.0


def _say(text, stream=None):
    """Print progress; a closed pipe (grader grade | head) must not stop the grading."""
    try:
        print(text, file=stream or sys.stdout, flush=True)
    except (BrokenPipeError, ValueError):
        pass


def add_parser(subparsers):
    parser = subparsers.add_parser(
        "grade", help="grade submissions with the public and hidden suites",
        description="Grade submissions (layers.py files, folders holding one, or hand-in "
                    "zips) with the public and hidden suites. Writes OUT/<name>/results.json "
                    "in Gradescope's format and OUT/grades.csv. Exits 0 when every submission "
                    "was graded, whatever the scores.")
    parser.add_argument("submissions", nargs="+", metavar="SUBMISSION",
                        help="a layers.py, a folder holding one, or a .zip")
    parser.add_argument("--out", required=True, type=Path, metavar="DIR",
                        help="where to write results.json files and grades.csv")
    parser.add_argument("--seed", default=None,
                        help="the hidden suite's seed, any string (default: $GRADER_SEED, "
                             "else a new random seed, printed)")
    parser.add_argument("--jobs", type=_positive_int, default=os.cpu_count() or 1, metavar="N",
                        help="submissions graded at once (default: the number of cores)")
    parser.add_argument("--timeout", type=_positive_float, default=20.0, metavar="SECONDS",
                        help="time limit per function, across all its cases; also the "
                             "import limit when above 20 s (default: 20, at most 3600)")
    parser.set_defaults(run=run)


def _positive_int(text):
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a whole number, got {text!r}") from None
    if value < 1:
        raise argparse.ArgumentTypeError(f"expected at least 1, got {value}")
    return value


def _positive_float(text):
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a number of seconds, got {text!r}") from None
    if not 0 < value <= MAX_TIMEOUT:
        raise argparse.ArgumentTypeError(
            f"expected more than 0 and at most {MAX_TIMEOUT:g} seconds, got {text}")
    return value


def run(args):
    out = args.out.resolve()
    paths = [p for p in args.submissions if Path(p).resolve() != out]
    if len(paths) < len(args.submissions):
        print(f"grader grade: skipping {args.out}: it is the output folder", file=sys.stderr)
    if not paths:
        print("grader grade: no submissions to grade", file=sys.stderr)
        return 2
    try:
        submissions = collect(paths)
    except FileNotFoundError as error:
        print(f"grader grade: {error}", file=sys.stderr)
        return 2
    if args.out.exists() and not args.out.is_dir():
        print(f"grader grade: --out {args.out} is a file, not a folder", file=sys.stderr)
        return 2
    try:
        args.out.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        print(f"grader grade: cannot create {args.out}: {error.strerror}", file=sys.stderr)
        return 2

    seed = args.seed if args.seed is not None else os.environ.get("GRADER_SEED")
    if seed is None:
        seed = secrets.token_hex(8)
        print(f"grader grade: hidden suite seed {seed} (pass --seed {seed} to reproduce)",
              file=sys.stderr)

    from grader import engine, suites
    from grader.reports import gradebook, gradescope

    cases = suites.public_cases() + suites.hidden_cases(seed)
    answers = engine.expected_answers(cases)
    limits = engine.Limits(time_per_function=args.timeout,
                           import_time=max(engine.Limits.import_time, args.timeout))

    def grade_one(submission):
        try:
            source = submission.source()
        except (SubmissionError, OSError) as error:  # the student's files, not the grader
            problem = f"cannot grade {submission.path.name}: {error}"
            _say(f"grader grade: {submission.name}: {problem}", sys.stderr)
            result = engine.failed_submission(submission.name, cases, problem)
        else:
            try:
                result = engine.grade(source, cases, answers, name=submission.name,
                                      limits=limits)
            except Exception as error:  # a grader bug must not cost the other submissions
                problem = f"the grader failed on this submission ({type(error).__name__}: {error})"
                _say(f"grader grade: {submission.name}: {problem}", sys.stderr)
                result = engine.failed_submission(submission.name, cases, problem)
        gradescope.write(result, args.out / submission.name / "results.json")
        _say(f"{submission.name}: {result.points:g}/{result.max_points:g} "
             f"({result.seconds:.1f} s)")
        return result

    started = time.monotonic()
    with ThreadPoolExecutor(max_workers=min(args.jobs, len(submissions))) as pool:
        results = list(pool.map(grade_one, submissions))
    gradebook.write(results, args.out / "grades.csv")
    _say(f"graded {len(results)} submission(s) in {time.monotonic() - started:.1f} s: "
         f"{args.out / 'grades.csv'}")
    return 0
