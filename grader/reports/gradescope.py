"""Gradescope's results.json: one test per function and suite, tagged with the function.

Schema: https://gradescope-autograders.readthedocs.io/en/latest/specs/ (score, output,
tests[] with name, score, max_score, status passed/failed, output, tags, visibility).
"""
import json

SUITES = ("public", "hidden")
VISIBILITY = {"public": "visible", "hidden": "after_published"}


def _round(value):
    return round(value, 4)


def _case_report(result):
    lines = [f"{result.case.name}: {result.case.family}", f"  {result.case.describe()}"]
    return lines + [f"  {problem}" for problem in result.problems]


def results_json(submission, output=""):
    tests = []
    for function in submission.functions.values():
        total = len(function.cases)
        for suite in SUITES:
            cases = [c for c in function.cases if c.case.suite == suite]
            if not cases:
                continue
            passed = sum(c.passed for c in cases)
            lines = [f"{suite} cases: passed {passed} of {len(cases)}"]
            uniform = function.uniform_problem()
            if uniform:
                lines.append(uniform)
            else:
                for failure in (c for c in cases if not c.passed):
                    lines += [""] + _case_report(failure)
            tests.append({
                "name": f"{function.name}: {suite} cases",
                "score": _round(function.max_points * passed / total),
                "max_score": _round(function.max_points * len(cases) / total),
                "status": "passed" if passed == len(cases) else "failed",
                "output": "\n".join(lines),
                "tags": [function.name],
                "visibility": VISIBILITY[suite],
            })
    summary = "\n".join(f"{f.name}: {_round(f.points)}/{_round(f.max_points)}"
                        for f in submission.functions.values())
    return {
        "score": _round(submission.points),
        "execution_time": round(submission.seconds, 3),
        "output": (output + "\n\n" if output else "") + summary,
        "stdout_visibility": "hidden",
        "tests": tests,
    }


def write(submission, path, output=""):
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_suffix(".json.tmp")
    temporary.write_text(json.dumps(results_json(submission, output), indent=2) + "\n",
                         encoding="utf-8")
    temporary.replace(path)
