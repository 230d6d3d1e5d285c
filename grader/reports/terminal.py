"""The readable report `grader check` prints: a line per function, then the first failing case."""
import os
import sys

GREEN, RED, BOLD, DIM, RESET = "\033[32m", "\033[31m", "\033[1m", "\033[2m", "\033[0m"
OTHER_FAILURES_SHOWN = 3


def wants_color(stream=sys.stdout):
    """Colour on a terminal, never in a pipe or a file; NO_COLOR turns it off."""
    return hasattr(stream, "isatty") and stream.isatty() and "NO_COLOR" not in os.environ


def _points(value):
    return f"{value:.1f}".rstrip("0").rstrip(".") if value != int(value) else f"{int(value)}"


def render(result, title, color=False):
    paint = (lambda code, text: f"{code}{text}{RESET}") if color else (lambda code, text: text)
    width = max(len(name) for name in result.functions)
    lines = [paint(BOLD, title), ""]
    for function in result.functions.values():
        mark = paint(GREEN, "PASS") if function.passed else paint(RED, "FAIL")
        points = f"{_points(function.points):>4}/{_points(function.max_points)}"
        lines.append(f"{mark}  {function.name:<{width}}  {points}  {function.summary()}")
        failures = function.failures()
        if not failures or function.uniform_problem():
            continue
        first = failures[0]
        lines.append(f"      {first.case.name}: {first.case.family}")
        lines.append(paint(DIM, f"        {first.case.describe()}"))
        lines += [f"        {problem}" for problem in first.problems]
        others = failures[1:]
        for other in others[:OTHER_FAILURES_SHOWN]:
            lines.append(f"      also {other.case.name}: {other.case.family}")
        if len(others) > OTHER_FAILURES_SHOWN:
            lines.append(f"      and {len(others) - OTHER_FAILURES_SHOWN} more failing cases")
    total = f"Total: {_points(result.points)}/{_points(result.max_points)}"
    lines += ["", paint(BOLD, total)]
    return "\n".join(lines)
