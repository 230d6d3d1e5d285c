"""The oracle against the loop-based answer key, and its numeric gradients against analytic ones."""
import importlib.util

import numpy as np
import pytest

from conftest import REPO
from grader import checks, oracle


@pytest.fixture(scope="module")
def answer_key():
    spec = importlib.util.spec_from_file_location("answer_key", REPO / "solutions" / "layers.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def assert_close(actual, expected, what):
    assert actual.shape == expected.shape, f"{what}: {actual.shape} != {expected.shape}"
    error, worst = checks.relative_error(actual, expected)
    assert error < 1e-11, f"{what}: relative error {error:.1e} at {worst}"


def random_conv(rng):
    pad, stride = int(rng.integers(0, 3)), int(rng.integers(1, 4))
    n, c, f = (int(v) for v in rng.integers(1, 4, 3))
    h, w = (int(v) for v in rng.integers(1, 8, 2))
    hh, ww = int(rng.integers(1, h + 2 * pad + 1)), int(rng.integers(1, w + 2 * pad + 1))
    return (rng.standard_normal((n, c, h, w)), rng.standard_normal((f, c, hh, ww)),
            rng.standard_normal(f), {"stride": stride, "pad": pad})


def test_conv_forward_and_numeric_gradients_match_the_answer_key(answer_key):
    rng = np.random.default_rng(1)
    for trial in range(60):
        x, w, b, param = random_conv(rng)
        out = oracle.conv_forward(x, w, b, param)
        key_out, cache = answer_key.conv_forward_naive(x, w, b, param)
        assert_close(out, key_out, f"trial {trial} out")
        assert out.shape == oracle.conv_output_shape(x.shape, w.shape, param)
        dout = rng.standard_normal(out.shape)
        for name, mine, theirs in zip("dx dw db".split(),
                                      oracle.conv_numeric_gradients(x, w, b, param, dout),
                                      answer_key.conv_backward_naive(dout, cache)):
            assert_close(mine, theirs, f"trial {trial} {name}")


def test_pool_forward_and_numeric_gradient_match_the_answer_key(answer_key):
    from grader.suites import spaced_values
    rng = np.random.default_rng(2)
    for trial in range(60):
        h, w = (int(v) for v in rng.integers(1, 9, 2))
        param = {"pool_height": int(rng.integers(1, h + 1)),
                 "pool_width": int(rng.integers(1, w + 1)), "stride": int(rng.integers(1, 4))}
        x = spaced_values(rng, (int(rng.integers(1, 3)), int(rng.integers(1, 3)), h, w))
        out = oracle.pool_forward(x, param)
        key_out, cache = answer_key.max_pool_forward_naive(x, param)
        assert_close(out, key_out, f"trial {trial} out")
        assert out.shape == oracle.pool_output_shape(x.shape, param)
        dout = rng.standard_normal(out.shape)
        assert_close(oracle.pool_numeric_gradient(x, param, dout),
                     answer_key.max_pool_backward_naive(dout, cache), f"trial {trial} dx")


def test_pool_numeric_gradient_refuses_ties():
    x = np.zeros((1, 1, 2, 2))
    with pytest.raises(ValueError, match="tied"):
        oracle.pool_numeric_gradient(x, {"pool_height": 2, "pool_width": 2, "stride": 2},
                                     np.ones((1, 1, 1, 1)))


TIE_PARAM = {"pool_height": 2, "pool_width": 2, "stride": 2}
TIE_X = np.array([[[[5., 5., 1., 2.],
                    [0., 1., 3., 0.],
                    [7., 7., 7., 7.],
                    [7., 0., 7., 1.]]]])
TIE_DOUT = np.array([[[[2., -3.], [0.5, 4.]]]])


def valid_split(rule):
    """dx giving each tied window's upstream value by rule: 'first', 'last' or 'even'."""
    dx = np.zeros_like(TIE_X)
    for i in range(2):
        for j in range(2):
            window = TIE_X[0, 0, 2 * i:2 * i + 2, 2 * j:2 * j + 2]
            spots = np.argwhere(window == window.max())
            chosen = {"first": spots[:1], "last": spots[-1:], "even": spots}[rule]
            for r, s in chosen:
                dx[0, 0, 2 * i + r, 2 * j + s] += TIE_DOUT[0, 0, i, j] / len(chosen)
    return dx


@pytest.mark.parametrize("rule", ["first", "last", "even"])
def test_tie_rule_accepts_every_valid_split(rule):
    student = valid_split(rule)
    expected = oracle.tie_expected_dx(TIE_X, TIE_PARAM, TIE_DOUT, student)
    assert checks.compare("dx", student, expected) == []


def test_tie_rule_rejects_full_value_to_every_tied_maximum():
    windows = TIE_X.reshape(1, 1, 2, 2, 2, 2).transpose(0, 1, 2, 4, 3, 5)
    mask = windows == windows.max(axis=(4, 5), keepdims=True)
    student = (mask * TIE_DOUT[..., None, None]).transpose(0, 1, 2, 4, 3, 5).reshape(TIE_X.shape)
    expected = oracle.tie_expected_dx(TIE_X, TIE_PARAM, TIE_DOUT, student)
    problems = checks.compare("dx", student, expected)
    assert problems and "relative error" in problems[0]


def test_tie_rule_rejects_gradient_on_a_non_maximum():
    student = valid_split("first")
    student[0, 0, 1, 0] += 1.0  # an element that is no window's maximum
    expected = oracle.tie_expected_dx(TIE_X, TIE_PARAM, TIE_DOUT, student)
    assert checks.compare("dx", student, expected)


def test_tie_groups_refuse_a_tie_shared_between_overlapping_windows():
    x = np.zeros((1, 1, 3, 3))
    x[0, 0, 1, 1] = x[0, 0, 1, 2] = 1.0  # shared by both 2x2 windows of stride 1
    with pytest.raises(ValueError, match="shared"):
        oracle.tie_groups(x, {"pool_height": 2, "pool_width": 2, "stride": 1})
