"""Numeric gradients and relative error, with the same names and signatures as cs231n's."""
import numpy as np


def rel_error(x, y):
    """Largest elementwise relative error, max(|x - y| / max(1e-8, |x| + |y|))."""
    x, y = np.asarray(x, dtype=float), np.asarray(y, dtype=float)
    return float(np.max(np.abs(x - y) / np.maximum(1e-8, np.abs(x) + np.abs(y))))


def _central_differences(f, x, h, verbose=False):
    """(f(x + h e_i) - f(x - h e_i)) / 2h for every element i of x; f returns a float.

    x is perturbed in place, one element at a time, and restored.
    """
    grad = np.zeros_like(x)
    for index in np.ndindex(x.shape):
        original = x[index]
        x[index] = original + h
        f_plus = f(x)
        x[index] = original - h
        f_minus = f(x)
        x[index] = original
        grad[index] = (f_plus - f_minus) / (2 * h)
        if verbose:
            print(index, grad[index])
    return grad


def eval_numerical_gradient(f, x, verbose=True, h=0.00001):
    """Numeric gradient of a scalar function f at x by central differences.

    Inputs:
    - f: a function of one argument, the array x, returning a float
    - x: the point (a float array), perturbed in place one element at a time and restored
    - verbose: print each element's index and gradient
    - h: the step of the central difference

    Returns grad, an array of the shape of x.
    """
    return _central_differences(f, x, h, verbose)


def eval_numerical_gradient_array(f, x, df, h=1e-5):
    """Numeric gradient of sum(f(x) * df) with respect to x, for an array-valued f.

    This is how a layer's backward pass is checked: df plays the upstream derivative
    dout, and the result should equal the layer's analytic gradient.

    Inputs:
    - f: a function of one argument, the array x, returning an array of df's shape
    - x: the point (a float array), perturbed in place one element at a time and restored
    - df: the upstream derivative
    - h: the step of the central difference

    Returns grad, an array of the shape of x.
    """
    return _central_differences(lambda point: np.sum(f(point) * df), x, h)
