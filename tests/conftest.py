"""Shared fixtures: the suites, the oracle's answers, and every fixture submission graded once.

Fixture submissions live in tests/submissions/:
- correct/*.py: complete layers.py files in different styles, each must get 100;
- buggy/*.py: one realistic buggy function each, declared in the docstring with
  `bug-in: <function>`; the submission is the answer key with that function appended, so
  that the other three functions stay correct.
"""
import re
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SUBMISSIONS = Path(__file__).resolve().parent / "submissions"
HIDDEN_SEED = "tests-hidden-seed"

if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

from grader import engine, suites  # noqa: E402

CORRECT = sorted((SUBMISSIONS / "correct").glob("*.py")) + [REPO / "solutions" / "layers.py"]
BUGGY = sorted((SUBMISSIONS / "buggy").glob("*.py"))


def fixture_id(path):
    return "answer-key" if path.parent.name == "solutions" else path.stem


def declared(path, key):
    """A `key: value` line from a buggy fixture's docstring."""
    match = re.search(rf"^\s*{key}:\s*(.+)$", path.read_text(), re.MULTILINE)
    assert match, f"{path.name} declares no {key}"
    return match.group(1).strip()


def buggy_source(path):
    answer_key = (REPO / "solutions" / "layers.py").read_text()
    return (answer_key + "\n\n# --- the buggy function ---\n" + path.read_text()).encode()


@pytest.fixture(scope="session")
def all_cases():
    return suites.public_cases() + suites.hidden_cases(HIDDEN_SEED)


@pytest.fixture(scope="session")
def answers(all_cases):
    return engine.expected_answers(all_cases)


@pytest.fixture(scope="session")
def graded(all_cases, answers):
    """Every fixture submission graded on the public and hidden suites, keyed by fixture id."""
    sources = {fixture_id(p): p.read_bytes() for p in CORRECT}
    sources.update({"buggy/" + p.stem: buggy_source(p) for p in BUGGY})

    def grade(item):
        name, source = item
        return name, engine.grade(source, all_cases, answers, name=name)

    with ThreadPoolExecutor(max_workers=2) as pool:
        return dict(pool.map(grade, sources.items()))


@pytest.fixture
def grade_source(all_cases, answers):
    """Grade one submission given as text (or bytes) on both suites."""
    def grade(text, cases=None, limits=None):
        source = text.encode() if isinstance(text, str) else text
        chosen = cases or all_cases
        return engine.grade(source, chosen, answers, limits=limits)
    return grade


def failure_report(result):
    """Every failing case, for assertion messages."""
    lines = []
    for function in result.functions.values():
        for failure in function.failures():
            lines.append(f"{function.name} / {failure.case.name} ({failure.case.family}): "
                         + "; ".join(failure.problems))
    return "\n".join(lines) or "no failures"
