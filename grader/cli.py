"""`grader`: one subcommand per job, each in the module of the same name."""
import argparse
import os
import sys

from grader import assign, check, grade

EXIT_CODES = """exit codes:
  0  success (check: full marks; grade: every submission graded)
  1  check: not full marks; assign --check: the student file is out of date
  2  usage error: bad option, missing path, unreadable file
"""


class Parser(argparse.ArgumentParser):
    """Usage errors in one line, exit code 2."""

    def error(self, message):
        print(f"{self.prog}: {message} (see {self.prog} --help)", file=sys.stderr)
        sys.exit(2)


def build_parser():
    parser = Parser(
        prog="grader", epilog=EXIT_CODES, formatter_class=argparse.RawDescriptionHelpFormatter,
        description="Check and grade cs231n-style convolution and max-pooling layers.")
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    for module in (check, grade, assign):
        module.add_parser(subparsers)
    return parser


def main(argv=None):
    # Student code's messages may hold characters the terminal cannot show: escape them.
    for stream in (sys.stdout, sys.stderr):
        if hasattr(stream, "reconfigure"):
            stream.reconfigure(errors="backslashreplace")
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "run", None):
        parser.print_help(sys.stderr)
        return 2
    try:
        return args.run(args)
    except KeyboardInterrupt:
        print("grader: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:  # `grader check | head`: the reader left; say nothing more
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 1
