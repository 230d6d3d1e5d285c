"""The oracle: the grader's own trusted answers.

Forward passes are vectorized (sliding windows and one tensordot), written independently of
the loop-based answer key in solutions/, and cross-checked against it by the tests.

Expected gradients are numeric: central differences of the oracle's forward, projected on
the upstream derivative dout, exactly as cs231n's `eval_numerical_gradient_array` defines
them. All perturbations of one array are evaluated in a few batched forward calls, so this
stays fast. The step h is chosen so that the differences are exact up to rounding:
- convolution is linear in x, w and b, so any step gives the exact derivative; h = 1 keeps
  the rounding error relative to the step at the level of machine precision;
- max pooling is linear as long as no step changes a window's maximum, so h is a quarter of
  the smallest gap between a window's maximum and any other element of that window.
Pooling cases with exact ties have no derivative; `tie_expected_dx` grades them by SPEC.md's
rule instead.
"""
import numpy as np
from numpy.lib.stride_tricks import sliding_window_view

CONV_STEP = 1.0
BATCH_ELEMENTS = 1 << 22  # bound on the elements of one batched forward's window copy


def _pad(x, pad):
    return np.pad(x, ((0, 0), (0, 0), (pad, pad), (pad, pad)), mode="constant")


def _windows(x, height, width, stride):
    """View of shape (N, C, H', W', height, width): every window the layer reads."""
    view = sliding_window_view(x, (height, width), axis=(2, 3))
    return view[:, :, ::stride, ::stride]


def conv_forward(x, w, b, conv_param):
    """out (N, F, H', W') of a cross-correlation with zero padding, as SPEC.md defines it."""
    _, _, kernel_h, kernel_w = w.shape
    windows = _windows(_pad(x, conv_param["pad"]), kernel_h, kernel_w, conv_param["stride"])
    out = np.tensordot(windows, w, axes=([1, 4, 5], [1, 2, 3]))  # (N, H', W', F)
    return out.transpose(0, 3, 1, 2) + b[None, :, None, None]


def pool_forward(x, pool_param):
    """out (N, C, H', W'): the maximum of every pooling window."""
    windows = _windows(x, pool_param["pool_height"], pool_param["pool_width"],
                       pool_param["stride"])
    return windows.max(axis=(4, 5))


def conv_output_shape(x_shape, w_shape, conv_param):
    (n, _, h, w), (f, _, hh, ww) = x_shape, w_shape
    stride, pad = conv_param["stride"], conv_param["pad"]
    return (n, f, 1 + (h + 2 * pad - hh) // stride, 1 + (w + 2 * pad - ww) // stride)


def pool_output_shape(x_shape, pool_param):
    n, c, h, w = x_shape
    stride = pool_param["stride"]
    return (n, c, 1 + (h - pool_param["pool_height"]) // stride,
            1 + (w - pool_param["pool_width"]) // stride)


def numeric_gradient(batched_forward, point, dout, step):
    """Central differences of sum(forward(p) * dout) with respect to every element of point.

    batched_forward takes a stack of K perturbed copies of point, shape (K, *point.shape),
    and returns the K outputs stacked, shape (K, *dout.shape).
    """
    flat = point.reshape(-1)
    size = flat.size
    per_copy = max(1, point.size * max(1, dout.size // max(1, point.shape[0])))
    chunk = max(1, min(size, BATCH_ELEMENTS // per_copy))
    grad = np.empty(size)
    for start in range(0, size, chunk):
        indices = np.arange(start, min(size, start + chunk))
        copies = np.repeat(flat[None, :], len(indices), axis=0)
        rows = np.arange(len(indices))
        copies[rows, indices] += step
        plus = batched_forward(copies.reshape((-1,) + point.shape))
        copies[rows, indices] -= 2 * step
        minus = batched_forward(copies.reshape((-1,) + point.shape))
        difference = (plus - minus).reshape(len(indices), -1)
        grad[start:start + len(indices)] = difference @ dout.reshape(-1) / (2 * step)
    return grad.reshape(point.shape)


def _per_image(gradient_of_one, x, dout):
    """dx one image at a time: an image's outputs depend on that image only, so perturbing it
    leaves every other output unchanged and its difference exactly zero."""
    return np.concatenate([gradient_of_one(x[i:i + 1], dout[i:i + 1]) for i in range(len(x))])


def conv_numeric_gradients(x, w, b, conv_param, dout):
    """(dx, dw, db) of sum(conv_forward(x, w, b) * dout) by central differences."""
    n, f = x.shape[0], w.shape[0]

    def dx_of_one(image, image_dout):
        def over_x(xs):
            return conv_forward(xs.reshape((-1,) + x.shape[1:]), w, b, conv_param)[:, None]
        return numeric_gradient(over_x, image, image_dout, CONV_STEP)

    def over_w(ws):
        k = ws.shape[0]
        out = conv_forward(x, ws.reshape((k * f,) + w.shape[1:]), np.tile(b, k), conv_param)
        return out.reshape((n, k) + dout.shape[1:]).swapaxes(0, 1)

    def over_b(bs):
        k = bs.shape[0]
        out = conv_forward(x, np.tile(w, (k, 1, 1, 1)), bs.reshape(-1), conv_param)
        return out.reshape((n, k) + dout.shape[1:]).swapaxes(0, 1)

    return (_per_image(dx_of_one, x, dout),
            numeric_gradient(over_w, w, dout, CONV_STEP),
            numeric_gradient(over_b, b, dout, CONV_STEP))


def window_gap(x, pool_param):
    """Smallest difference between a window's maximum and another element of that window.

    Zero when some window has a tied maximum; infinity when every window has one element.
    """
    windows = _windows(x, pool_param["pool_height"], pool_param["pool_width"],
                       pool_param["stride"])
    flat = windows.reshape(windows.shape[:4] + (-1,))
    if flat.shape[-1] < 2:
        return np.inf
    top_two = -np.partition(-flat, 1, axis=-1)[..., :2]
    return float(np.min(top_two[..., 0] - top_two[..., 1]))


def pool_numeric_gradient(x, pool_param, dout):
    """dx of sum(pool_forward(x) * dout) by central differences; x must have no ties."""
    gap = window_gap(x, pool_param)
    if not gap > 0:
        raise ValueError("pooling input has a tied window maximum: no derivative")
    step = min(1.0, gap / 4)

    def dx_of_one(image, image_dout):
        def over_x(xs):
            return pool_forward(xs.reshape((-1,) + x.shape[1:]), pool_param)[:, None]
        return numeric_gradient(over_x, image, image_dout, step)

    return _per_image(dx_of_one, x, dout)


def _window_positions(x_shape, pool_param):
    """For every window, the flat indices into x of its elements: (N, C, H', W', ph*pw)."""
    index = np.arange(int(np.prod(x_shape))).reshape(x_shape)
    windows = _windows(index, pool_param["pool_height"], pool_param["pool_width"],
                       pool_param["stride"])
    return windows.reshape(windows.shape[:4] + (-1,))


def tie_groups(x, pool_param):
    """Describe how max pooling routes gradients when windows may have tied maxima.

    Returns (unique_targets, tie_windows): unique_targets holds, for every window whose
    maximum is unique, (window index, flat index of its maximum); tie_windows lists
    (window index, flat indices of its tied maxima) for the others.

    SPEC.md's tie rule lets a tied window split its gradient in any proportions among its
    maxima. That is checkable one window at a time only when no tied maximum is also a
    maximum of another window; tie cases are built so, and this raises if one is not.
    """
    positions = _window_positions(x.shape, pool_param)
    values = x.reshape(-1)[positions]
    is_max = values == values.max(axis=-1, keepdims=True)
    count = is_max.sum(axis=-1).reshape(-1)
    positions = positions.reshape(-1, positions.shape[-1])
    is_max = is_max.reshape(-1, is_max.shape[-1])
    owners = np.zeros(x.size, dtype=int)
    np.add.at(owners, positions[is_max], 1)
    unique_windows = np.flatnonzero(count == 1)
    unique_targets = (unique_windows, positions[unique_windows][is_max[unique_windows]])
    tie_windows = []
    for window in np.flatnonzero(count > 1):
        tied = positions[window][is_max[window]]
        if np.any(owners[tied] > 1):
            raise ValueError("a tied maximum is shared by several windows")
        tie_windows.append((window, tied))
    return unique_targets, tie_windows


def tie_expected_dx(x, pool_param, dout, student_dx):
    """The valid dx closest in spirit to the student's, for pooling inputs with exact ties.

    Windows with a unique maximum route their dout to it. For each tied window, the
    student's values on its maxima are kept in proportion when they form a valid split (all
    between 0 and the upstream value, with a non-zero sum), rescaled to add up to the
    upstream value; otherwise the expected split is even. Comparing the student's dx with
    this array passes every valid split and fails everything else, e.g. the full value given
    to every tied maximum (their sum is then a multiple of the upstream value).
    """
    (windows, targets), tie_windows = tie_groups(x, pool_param)
    upstream = dout.reshape(-1)
    expected = np.zeros(x.size)
    np.add.at(expected, targets, upstream[windows])
    student = np.asarray(student_dx, dtype=float).reshape(-1)
    for window, tied in tie_windows:
        d = upstream[window]
        share = student[tied]
        fractions = share / d if d != 0 else np.full(len(tied), np.nan)
        valid = (np.all(np.isfinite(fractions)) and np.all(fractions >= -1e-9)
                 and np.all(fractions <= 1 + 1e-9) and share.sum() != 0)
        expected[tied] += d * (share / share.sum() if valid else 1.0 / len(tied))
    return expected.reshape(x.shape)
