"""The comparisons: thresholds that fail float32 and pass float64, readable problems."""
import numpy as np

from grader import checks


def test_float32_arithmetic_fails_and_float64_round_off_passes():
    rng = np.random.default_rng(0)
    expected = rng.standard_normal((2, 3, 5, 5))
    as_float32 = expected.astype(np.float32).astype(np.float64)
    assert checks.relative_error(as_float32, expected)[0] > checks.TOLERANCE
    reordered = expected * (1 + 2e-16 * rng.standard_normal(expected.shape))
    assert checks.compare("out", reordered, expected) == []


def test_round_off_on_true_zeros_does_not_count():
    expected = np.array([3.0, 0.0, -2.0])
    assert checks.compare("dx", np.array([3.0, 1e-16, -2.0]), expected) == []
    assert checks.compare("dx", np.array([3.0, 1e-3, -2.0]), expected)


def test_problem_names_the_worst_element_and_both_values():
    expected = np.zeros((2, 2)) + 1.0
    actual = expected.copy()
    actual[1, 0] = 2.0
    [problem] = checks.compare("out", actual, expected)
    assert "out[1, 0]" in problem and "got 2" in problem and "expected 1" in problem
    [hidden] = checks.compare("out", actual, expected, show_values=False)
    assert "out[1, 0]" in hidden and "expected" not in hidden


def test_shape_nan_inf_and_dtype_problems():
    expected = np.ones((2, 3))
    assert checks.compare("dw", np.ones((3, 2)), expected) == [
        "dw has shape (3, 2), expected (2, 3)"]
    with_nan = expected.copy()
    with_nan[0, 1] = np.nan
    assert "contains NaN" in checks.compare("dw", with_nan, expected)[0]
    with_inf = expected.copy()
    with_inf[1, 2] = np.inf
    assert "contains inf" in checks.compare("dw", with_inf, expected)[0]
    rng = np.random.default_rng(1)
    values = rng.standard_normal((4, 4))
    [problem] = checks.compare("out", values.astype(np.float32), values)
    assert "float32" in problem


def test_mutation_problems():
    before = np.arange(6.0).reshape(2, 3)
    assert checks.compare_unchanged("x", before.copy(), before) == []
    changed = before.copy()
    changed[0, 0] = 9
    assert "modified its input x in place (1 of 6" in checks.compare_unchanged("x", changed,
                                                                                before)[0]
    assert "shape" in checks.compare_unchanged("x", before.reshape(3, 2), before)[0]
    assert checks.compare_param("conv_param", {"stride": 1, "pad": 0},
                                {"stride": 1, "pad": 0}) == []
    [problem] = checks.compare_param("conv_param", {"stride": 1, "pad": 0, "H_out": 3},
                                     {"stride": 1, "pad": 0})
    assert "added 'H_out'" in problem
