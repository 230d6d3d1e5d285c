"""`grader assign`: build the student files from the answer key.

The answer key `solutions/layers.py` is the only source. In the student version:
- the code between each START and END line becomes a stub that raises NotImplementedError
  naming the function, so a student who runs an unfinished function is told which one;
- lines starting with `# answer-key:` are dropped;
- everything else (docstrings, TODO banners, imports) is copied unchanged.
"""
import argparse
import re
import sys
from pathlib import Path

START = "# *****START OF YOUR CODE (DO NOT DELETE/MODIFY THIS LINE)*****"
END = "# *****END OF YOUR CODE (DO NOT DELETE/MODIFY THIS LINE)*****"
ANSWER_KEY_PREFIX = "# answer-key:"

_DEF = re.compile(r"^\s*def\s+(\w+)\s*\(")


class AssignError(Exception):
    """The answer key cannot be turned into a student file."""


def stub_message(function):
    return (f"{function} is not implemented yet: write it in layers.py "
            "between its START and END lines")


def student_source(solution_text):
    """Return the student version of the answer key's text."""
    out, function, inside = [], None, False
    for number, line in enumerate(solution_text.splitlines(keepends=True), start=1):
        stripped = line.strip()
        if stripped.startswith(ANSWER_KEY_PREFIX):
            continue
        match = _DEF.match(line)
        if match and not inside:
            function = match.group(1)
        if stripped == START:
            if inside or function is None:
                raise AssignError(f"line {number}: START line outside a function or nested")
            inside = True
            indent = line[:len(line) - len(line.lstrip())]
            out.append(line)
            out.append("\n")
            out.append(f'{indent}raise NotImplementedError(\n'
                       f'{indent}    "{stub_message(function)}"\n'
                       f'{indent})\n')
            out.append("\n")
            continue
        if stripped == END:
            if not inside:
                raise AssignError(f"line {number}: END line without a START line")
            inside = False
        if not inside:
            out.append(line)
    if inside:
        raise AssignError("the last START line has no END line")
    return "".join(out)


def add_parser(subparsers):
    parser = subparsers.add_parser(
        "assign", help="generate the student layers.py from the answer key",
        description="Generate the student layers.py from solutions/layers.py: solution "
                    "regions become stubs. With --check, only report whether it is up to date.")
    parser.add_argument("--solution", default="solutions/layers.py", type=Path,
                        help="the answer key (default: %(default)s)")
    parser.add_argument("--out", default="layers.py", type=Path,
                        help="the student file to write (default: %(default)s)")
    parser.add_argument("--check", action="store_true",
                        help="write nothing; exit 1 if --out differs from what would be generated")
    parser.set_defaults(run=run)


def run(args):
    try:
        text = args.solution.read_text(encoding="utf-8")
        generated = student_source(text)
    except OSError as error:
        print(f"grader assign: cannot read {args.solution}: {error.strerror}", file=sys.stderr)
        return 2
    except AssignError as error:
        print(f"grader assign: {args.solution}: {error}", file=sys.stderr)
        return 2
    if args.check:
        current = args.out.read_text(encoding="utf-8") if args.out.is_file() else None
        if current != generated:
            print(f"{args.out} is out of date: run `grader assign`", file=sys.stderr)
            return 1
        print(f"{args.out} is up to date")
        return 0
    args.out.write_text(generated, encoding="utf-8")
    print(f"wrote {args.out}")
    return 0
