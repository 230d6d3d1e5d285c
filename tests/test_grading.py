"""The grader both ways: correct code of every style gets full marks, every bug loses points
on exactly its own function, and the stub file gets 0 with 'not implemented yet'."""
import pytest

from conftest import BUGGY, CORRECT, declared, failure_report, fixture_id
from grader.engine import FUNCTIONS


def test_there_are_enough_fixtures():
    assert len(CORRECT) >= 9, [p.name for p in CORRECT]
    assert len(BUGGY) >= 25, len(BUGGY)
    buggy_functions = {declared(p, "bug-in") for p in BUGGY}
    assert buggy_functions == set(FUNCTIONS)


@pytest.mark.parametrize("path", CORRECT, ids=fixture_id)
def test_correct_implementation_gets_full_marks(graded, path):
    result = graded[fixture_id(path)]
    assert result.points == 100, failure_report(result)


@pytest.mark.parametrize("path", BUGGY, ids=lambda p: p.stem)
def test_bug_loses_points_on_its_function_only(graded, path):
    result = graded["buggy/" + path.stem]
    function = declared(path, "bug-in")
    assert function in FUNCTIONS
    lost = result.functions[function]
    assert lost.points < lost.max_points, (
        f"{path.stem} ({declared(path, 'mistake')}) was not caught in {function}")
    for other in FUNCTIONS:
        if other != function:
            assert result.functions[other].points == 25, (
                f"{other} lost points for a bug in {function}:\n{failure_report(result)}")


def test_stub_file_gets_zero_with_not_implemented(graded, grade_source):
    from conftest import REPO
    result = grade_source((REPO / "layers.py").read_bytes())
    assert result.points == 0
    for function in result.functions.values():
        assert function.summary().startswith("not implemented yet"), function.summary()
        assert function.name in function.summary()


def test_cs231n_style_stub_returning_none_says_not_implemented(grade_source):
    source = '''
def conv_forward_naive(x, w, b, conv_param):
    out = None
    cache = (x, w, b, conv_param)
    return out, cache

def conv_backward_naive(dout, cache):
    dx, dw, db = None, None, None
    return dx, dw, db

def max_pool_forward_naive(x, pool_param):
    out = None
    return out, (x, pool_param)

def max_pool_backward_naive(dout, cache):
    dx = None
    return dx
'''
    result = grade_source(source)
    assert result.points == 0
    assert result.functions["conv_forward_naive"].summary() == \
        "returned None for out: not implemented yet?"
    assert result.functions["conv_backward_naive"].summary() == \
        "returned None for dx: not implemented yet?"
    assert result.functions["max_pool_backward_naive"].summary() == \
        "returned None for dx: not implemented yet?"
