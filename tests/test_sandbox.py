"""Student code that crashes, hangs, exits or returns junk fails its own checks, never the grader."""
import os

import pytest

from conftest import REPO
from grader import suites
from grader.engine import FUNCTIONS, Limits

ANSWER_KEY = (REPO / "solutions" / "layers.py").read_text()


@pytest.fixture(scope="module")
def few_cases():
    cases = suites.public_cases()
    return [c for c in cases if c.number <= 2]


def with_override(function_source):
    return ANSWER_KEY + "\n\n" + function_source


def only_this_function_fails(result, function):
    for name in FUNCTIONS:
        points = result.functions[name].points
        if name == function:
            assert points == 0, result.functions[name].summary()
        else:
            assert points == 25, f"{name}: {result.functions[name].summary()}"
    return result.functions[function].summary()


def test_exception_names_type_message_and_line(grade_source, few_cases):
    source = with_override(
        "def conv_forward_naive(x, w, b, conv_param):\n"
        "    raise ValueError('operands could not be broadcast')\n")
    result = grade_source(source, few_cases)
    summary = only_this_function_fails(result, "conv_forward_naive")
    assert summary.startswith("raised ValueError: operands could not be broadcast (layers.py, line")


def test_infinite_loop_times_out_and_the_rest_is_graded(grade_source, few_cases):
    source = with_override("def max_pool_forward_naive(x, pool_param):\n"
                           "    while True:\n        pass\n")
    result = grade_source(source, few_cases, limits=Limits(time_per_function=1.0))
    only_this_function_fails(result, "max_pool_forward_naive")
    problems = result.functions["max_pool_forward_naive"].cases[0].problems
    assert problems == ["timed out after 1 s in max_pool_forward_naive (the limit for all its cases)"]
    assert "not run" in result.functions["max_pool_forward_naive"].cases[1].problems[0]


def test_hard_exit_in_a_function(grade_source, few_cases):
    source = with_override("import os\n"
                           "def conv_backward_naive(dout, cache):\n    os._exit(3)\n")
    result = grade_source(source, few_cases)
    summary = only_this_function_fails(result, "conv_backward_naive")
    assert "exited with code 3 in conv_backward_naive" in \
        result.functions["conv_backward_naive"].cases[0].problems[0], summary


def test_sys_exit_in_a_function_is_an_error_not_an_exit(grade_source, few_cases):
    source = with_override("import sys\n"
                           "def max_pool_backward_naive(dout, cache):\n    sys.exit(0)\n")
    result = grade_source(source, few_cases)
    assert only_this_function_fails(result, "max_pool_backward_naive").startswith(
        "raised SystemExit")


@pytest.mark.skipif(os.name != "posix", reason="signals")
def test_segfault(grade_source, few_cases):
    source = with_override("import ctypes\n"
                           "def conv_forward_naive(x, w, b, conv_param):\n"
                           "    ctypes.string_at(0)\n")
    result = grade_source(source, few_cases)
    only_this_function_fails(result, "conv_forward_naive")
    assert "killed by SIGSEGV" in result.functions["conv_forward_naive"].cases[0].problems[0]


@pytest.mark.parametrize("returned, expected", [
    ("'hello'", "returned a str, expected a tuple of 2: (out, cache)"),
    ("(np.array([object()]), None)", "out has dtype object, expected float64 numbers"),
    ("(np.full((2, 3, 2, 2), np.nan), None)", "out contains NaN"),
])
def test_junk_return_values(grade_source, few_cases, returned, expected):
    source = with_override("def conv_forward_naive(x, w, b, conv_param):\n"
                           f"    return {returned}\n")
    result = grade_source(source, few_cases)
    only_this_function_fails(result, "conv_forward_naive")
    assert expected in result.functions["conv_forward_naive"].cases[0].problems[0]


def test_ndarray_subclass_cannot_fake_equality(grade_source, few_cases):
    source = with_override(
        "class Liar(np.ndarray):\n"
        "    def __eq__(self, other):\n        return True\n"
        "    def __sub__(self, other):\n        return np.zeros(self.shape)\n"
        "def conv_forward_naive(x, w, b, conv_param):\n"
        "    out = np.zeros((x.shape[0], w.shape[0], 2, 2)).view(Liar)\n"
        "    return out, (x, w, b, conv_param)\n")
    result = grade_source(source, few_cases)
    only_this_function_fails(result, "conv_forward_naive")


def test_syntax_error_fails_everything_with_the_line(grade_source, few_cases):
    result = grade_source("import numpy as np\n\ndef conv_forward_naive(x:\n", few_cases)
    assert result.points == 0
    for function in result.functions.values():
        assert function.summary().startswith("could not import layers.py: SyntaxError")
        assert "line 3" in function.summary()


def test_exit_at_import(grade_source, few_cases):
    result = grade_source("import os\nos._exit(4)\n", few_cases)
    assert result.points == 0
    assert "exited with code 4 while importing layers.py" in \
        result.functions["conv_forward_naive"].summary()


def test_missing_functions(grade_source, few_cases):
    source = ANSWER_KEY.replace("def max_pool_backward_naive", "def max_pool_backward")
    result = grade_source(source, few_cases)
    only_this_function_fails(result, "max_pool_backward_naive")
    assert result.functions["max_pool_backward_naive"].summary() == \
        "layers.py has no function max_pool_backward_naive"


def test_printing_does_not_disturb_grading(grade_source, few_cases):
    source = ANSWER_KEY.replace('    out = None\n', '    out = None\n    print("debug" * 1000)\n', 1)
    assert source != ANSWER_KEY
    assert grade_source(source, few_cases).points == 100


def test_backward_still_graded_when_forward_is_missing(grade_source, few_cases):
    source = ANSWER_KEY.replace("def conv_forward_naive", "def conv_forward_unfinished")
    result = grade_source(source, few_cases)
    only_this_function_fails(result, "conv_forward_naive")


def test_hang_at_import_times_out(grade_source, few_cases):
    result = grade_source("while True:\n    pass\n", few_cases,
                          limits=Limits(time_per_function=1.0, import_time=1.0))
    assert result.points == 0
    assert result.functions["conv_forward_naive"].summary() == \
        "could not import layers.py: timed out after 1 s while importing layers.py"


def test_forged_replies_cannot_crash_the_grader(grade_source, few_cases):
    """Code that writes its own frames on the protocol's pipe gets a failed check, not a crash."""
    source = ANSWER_KEY + '''

def _forge(header):
    import json, os, struct
    head = json.dumps(header).encode()
    frame = b"GRW1" + struct.pack(">I", len(head)) + head
    for fd in range(3, 20):
        try:
            os.write(fd, frame)
        except OSError:
            pass

def max_pool_forward_naive(x, pool_param):
    _forge({"ok": True, "case": "nonsense", "op": "forward", "arrays": []})
    _forge({"ok": True, "functions": 5, "param_after": 7, "arrays": []})
    return np.zeros(1), None
'''
    result = grade_source(source, few_cases)
    assert only_this_function_fails(result, "max_pool_forward_naive") == \
        "the submission's process sent a malformed reply"


def test_a_crash_does_not_cost_the_next_case_its_own_cache(grade_source):
    """After a worker restart, the next forward's own cache must still be used."""
    own_cache = (REPO / "tests" / "submissions" / "correct" / "own_cache.py").read_text()
    crash = ("import os as _os\n"
             "_correct_conv_backward = conv_backward_naive\n"
             "def conv_backward_naive(dout, cache):\n"
             "    if dout.shape[0] == 4:\n"
             "        _os._exit(3)\n"
             "    return _correct_conv_backward(dout, cache)\n")
    result = grade_source(own_cache + "\n" + crash, suites.public_cases())
    assert result.functions["conv_backward_naive"].points == 20  # the notebook's case, N = 4
    for name in ("conv_forward_naive", "max_pool_forward_naive", "max_pool_backward_naive"):
        assert result.functions[name].points == 25, result.functions[name].summary()


def test_backward_on_the_documented_cache_says_so(grade_source, few_cases):
    source = with_override(
        "def conv_forward_naive(x, w, b, conv_param):\n    raise ValueError('unfinished')\n"
        "def conv_backward_naive(dout, cache):\n    return cache['dx'], None, None\n")
    result = grade_source(source, few_cases)
    problems = result.functions["conv_backward_naive"].cases[0].problems
    assert problems[0].startswith("raised TypeError")
    assert "run on cs231n's cache (x, w, b, conv_param)" in problems[1]
