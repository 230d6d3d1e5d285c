"""`grader check [PATH]`: run the public suite on one layers.py and print a readable report."""
import sys
from pathlib import Path

from grader.submission import Submission, SubmissionError


def add_parser(subparsers):
    parser = subparsers.add_parser(
        "check", help="run the public checks on your layers.py",
        description="Run the public suite on one submission (a layers.py, a folder holding "
                    "one, or a hand-in zip) and print a report per function. Exits 0 only at "
                    "full marks.")
    parser.add_argument("path", nargs="?", default="layers.py",
                        help="the submission to check (default: ./layers.py)")
    parser.add_argument("--color", choices=("auto", "always", "never"), default="auto",
                        help="colour the report (default: on a terminal only)")
    parser.set_defaults(run=run)


def run(args):
    path = Path(args.path)
    if not path.exists():
        print(f"grader check: no such file or folder: {args.path}", file=sys.stderr)
        return 2
    submission = Submission(path.name, path)
    try:
        source = submission.source()
    except SubmissionError as error:
        print(f"grader check: {error}", file=sys.stderr)
        return 2
    except OSError as error:
        print(f"grader check: cannot read {args.path}: {error.strerror}", file=sys.stderr)
        return 2

    # Start the worker first: it imports numpy while this process builds the answers.
    from grader.sandbox.runner import Sandbox
    sandbox = Sandbox(source)

    from grader import engine, suites
    from grader.reports import terminal
    cases = suites.public_cases()
    result = engine.grade(source, cases, engine.expected_answers(cases), name=path.name,
                          sandbox=sandbox)
    color = args.color == "always" or (args.color == "auto" and terminal.wants_color())
    per_function = len(cases) // len(suites.LAYERS)
    title = f"grader check {args.path}: public suite, {per_function} cases per function"
    print(terminal.render(result, title, color))
    return 0 if result.points == result.max_points else 1
