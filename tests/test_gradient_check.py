"""assignment's cs231n-compatible helpers."""
import numpy as np

from assignment import eval_numerical_gradient, eval_numerical_gradient_array, rel_error


def test_rel_error_is_cs231n_definition():
    assert rel_error(np.array([1.0, 2.0]), np.array([1.0, 2.0])) == 0
    assert rel_error(np.array([1.0]), np.array([3.0])) == 0.5
    assert rel_error(np.array([0.0]), np.array([1e-10])) == 1e-10 / 1e-8


def test_numeric_gradient_of_a_scalar_function():
    rng = np.random.default_rng(0)
    x = rng.standard_normal((3, 4))
    original = x.copy()
    grad = eval_numerical_gradient(lambda v: np.sum(v ** 3), x, verbose=False)
    assert rel_error(grad, 3 * original ** 2) < 1e-7
    assert np.array_equal(x, original), "x must be restored"


def test_numeric_gradient_of_an_array_function_projected_on_df():
    rng = np.random.default_rng(1)
    x, matrix = rng.standard_normal((4, 3)), rng.standard_normal((3, 5))
    df = rng.standard_normal((4, 5))
    grad = eval_numerical_gradient_array(lambda v: v @ matrix, x, df)
    assert rel_error(grad, df @ matrix.T) < 1e-8
