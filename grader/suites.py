"""The cases the grader runs: a fixed public suite and a hidden suite drawn from a seed.

Every case holds the inputs of one layer (conv or pool) and the upstream derivative dout, so
one case grades both the forward and the backward function of its layer.

The public suite is what students run with `grader check`; it includes the classic checks of
the cs231n notebook. The hidden suite is drawn from a seed the instructor keeps secret: the
same seed always gives the same cases. Together they cover SPEC.md's valid domain; the
families are listed in HIDDEN_CONV_FAMILIES and HIDDEN_POOL_FAMILIES.

Pooling inputs are built with well-separated values, so that numeric gradients are exact,
except in tie cases, which have exact ties that never share a maximum between two windows
(see oracle.tie_groups).
"""
import hashlib
from dataclasses import dataclass, field

import numpy as np
from numpy.lib.stride_tricks import sliding_window_view

LAYERS = ("conv", "pool")


@dataclass(frozen=True)
class Case:
    layer: str  # "conv" or "pool"
    suite: str  # "public" or "hidden"
    number: int
    family: str  # what the case exercises, in a few words
    arrays: dict = field(repr=False)  # x, w, b (conv) or x (pool), and dout
    param: dict = field(default_factory=dict)  # conv_param or pool_param
    ties: bool = False

    @property
    def name(self):
        return f"{self.suite} {self.layer} case {self.number}"

    def describe(self):
        """Shapes and parameters, never values: safe to show for hidden cases."""
        shapes = ", ".join(f"{k} {tuple(v.shape)}" for k, v in self.arrays.items()
                           if k != "dout")
        params = ", ".join(f"{k} {v}" for k, v in self.param.items())
        return f"{shapes}, {params}"


def _conv(suite, number, family, x, w, b, stride, pad, rng):
    param = {"stride": stride, "pad": pad}
    out_h = 1 + (x.shape[2] + 2 * pad - w.shape[2]) // stride
    out_w = 1 + (x.shape[3] + 2 * pad - w.shape[3]) // stride
    dout = rng.standard_normal((x.shape[0], w.shape[0], out_h, out_w))
    return Case("conv", suite, number, family, {"x": x, "w": w, "b": b, "dout": dout}, param)


def _pool(suite, number, family, x, height, width, stride, rng, ties=False, dout=None):
    param = {"pool_height": height, "pool_width": width, "stride": stride}
    if dout is None:
        out_h = 1 + (x.shape[2] - height) // stride
        out_w = 1 + (x.shape[3] - width) // stride
        dout = rng.standard_normal((x.shape[0], x.shape[1], out_h, out_w))
    return Case("pool", suite, number, family, {"x": x, "dout": dout}, param, ties)


def spaced_values(rng, shape):
    """Distinct values in about [-1, 1], any two at least half a grid step apart."""
    size = int(np.prod(shape))
    grid = rng.permutation(size) + rng.uniform(-0.25, 0.25, size)
    return ((2 * grid - size) / max(size, 1)).reshape(shape)


# -- the public suite ----------------------------------------------------------------------

def public_cases():
    """The fixed cases students run; the first two of each layer are the notebook's."""
    rng = np.random.default_rng(231)
    classic = np.random.RandomState(231)
    cases = [
        _conv("public", 1, "the notebook's forward check",
              np.linspace(-0.1, 0.5, num=96).reshape(2, 3, 4, 4),
              np.linspace(-0.2, 0.3, num=144).reshape(3, 3, 4, 4),
              np.linspace(-0.1, 0.2, num=3), 2, 1, rng),
    ]
    x, w, b = classic.randn(4, 3, 5, 5), classic.randn(2, 3, 3, 3), classic.randn(2)
    cases.append(Case("conv", "public", 2, "the notebook's backward check",
                      {"x": x, "w": w, "b": b, "dout": classic.randn(4, 2, 5, 5)},
                      {"stride": 1, "pad": 1}))
    normal = rng.standard_normal
    cases += [
        _conv("public", 3, "pad 0", normal((2, 3, 6, 6)), normal((2, 3, 3, 3)), normal(2),
              1, 0, rng),
        _conv("public", 4, "non-square input and kernel, stride 2 that does not divide evenly",
              normal((2, 2, 7, 9)), normal((3, 2, 3, 2)), normal(3), 2, 1, rng),
        _conv("public", 5, "one image, channel and filter; padding wider than the kernel",
              normal((1, 1, 5, 4)), normal((1, 1, 2, 3)), normal(1), 1, 2, rng),
        _pool("public", 1, "the notebook's forward check",
              np.linspace(-0.3, 0.4, num=96).reshape(2, 3, 4, 4), 2, 2, 2, rng),
    ]
    x = classic.randn(3, 2, 8, 8)
    cases += [
        _pool("public", 2, "the notebook's backward check", x, 2, 2, 2, rng,
              dout=classic.randn(3, 2, 4, 4)),
        _pool("public", 3, "overlapping windows (3x3, stride 2)",
              spaced_values(rng, (2, 2, 7, 7)), 3, 3, 2, rng),
        _pool("public", 4, "non-square input and pool, gaps between windows, sizes that floor",
              spaced_values(rng, (1, 3, 7, 10)), 2, 3, 3, rng),
        _pool("public", 5, "tied maxima", rng.integers(0, 3, (2, 2, 6, 6)).astype(float),
              2, 2, 2, rng, ties=True),
    ]
    return cases


# -- the hidden suite ----------------------------------------------------------------------
# A conv family draws (x shape, w shape, stride, pad) from rng; sizes stay small so that
# loop solutions run fast, and every kernel fits the padded input.

def _int(rng, low, high):
    return int(rng.integers(low, high + 1))


def _conv_random(rng):
    pad, stride = _int(rng, 0, 2), _int(rng, 1, 3)
    hh, ww = _int(rng, 1, 4), _int(rng, 1, 4)
    h = _int(rng, max(1, hh - 2 * pad), 8)
    w = _int(rng, max(1, ww - 2 * pad), 8)
    return (_int(rng, 1, 3), _int(rng, 1, 3), h, w), (_int(rng, 1, 3), hh, ww), stride, pad


def _conv_pad0(rng):
    (n, c, h, w), (f, hh, ww), stride, _ = _conv_random(rng)
    return (n, c, max(h, hh), max(w, ww)), (f, hh, ww), stride, 0


def _conv_uneven_stride(rng):
    while True:
        shape, kernel, stride, pad = _conv_random(rng)
        stride = _int(rng, 2, 3)
        if (shape[2] + 2 * pad - kernel[1]) % stride or (shape[3] + 2 * pad - kernel[2]) % stride:
            return shape, kernel, stride, pad


def _conv_nonsquare_input(rng):
    (n, c, h, _), (f, hh, ww), stride, pad = _conv_random(rng)
    h = max(h, hh)
    w = max(h + _int(rng, 2, 5), ww)
    return (n, c, h, w), (f, hh, ww), stride, pad


def _conv_nonsquare_kernel(rng):
    (n, c, h, w), _, stride, pad = _conv_random(rng)
    hh = _int(rng, 1, 2)
    ww = hh + _int(rng, 1, 2)
    if rng.random() < 0.5:
        hh, ww = ww, hh
    return (n, c, max(h, hh), max(w, ww)), (_int(rng, 1, 3), hh, ww), stride, pad


def _conv_single(rng):
    _, (_, hh, ww), stride, pad = _conv_random(rng)
    return (1, 1, _int(rng, max(1, hh), 7), _int(rng, max(1, ww), 7)), (1, hh, ww), stride, pad


def _conv_one_by_one(rng):
    (n, c, h, w), (f, _, _), stride, pad = _conv_random(rng)
    return (n, c, h, w), (f, 1, 1), stride, pad


def _conv_kernel_fills_input(rng):
    (n, c, h, w), (f, _, _), stride, pad = _conv_random(rng)
    h, w = min(h, 5), min(w, 5)
    return (n, c, h, w), (f, h + 2 * pad, w + 2 * pad), stride, pad


def _conv_wide_padding(rng):
    (n, c, h, w), (f, _, _), stride, _ = _conv_random(rng)
    hh, ww = _int(rng, 1, 2), _int(rng, 1, 3)
    return (n, c, max(h, 3), max(w, 3)), (f, hh, ww), stride, max(hh, ww) + 1


def _conv_large_padding(rng):
    (n, c, h, w), (f, _, _), _, _ = _conv_random(rng)
    pad = _int(rng, 3, 4)
    hh, ww = _int(rng, 3, 5), _int(rng, 3, 5)
    return (n, c, h, w), (f, hh, ww), _int(rng, 1, pad - 2), pad


def _conv_stride_past_kernel(rng):
    (n, c, h, w), (f, _, _), _, pad = _conv_random(rng)
    hh, ww = _int(rng, 1, 2), _int(rng, 1, 2)
    return (n, c, max(h, 5), max(w, 5)), (f, hh, ww), max(hh, ww) + 1, pad


HIDDEN_CONV_FAMILIES = [  # (family, how many cases, draw)
    ("random valid shapes", 3, _conv_random),
    ("pad 0", 3, _conv_pad0),
    ("stride that does not divide evenly", 2, _conv_uneven_stride),
    ("non-square input", 3, _conv_nonsquare_input),
    ("non-square kernel", 3, _conv_nonsquare_kernel),
    ("N = C = F = 1", 1, _conv_single),
    ("1x1 kernel", 1, _conv_one_by_one),
    ("kernel as large as the padded input", 1, _conv_kernel_fills_input),
    ("padding wider than the kernel", 1, _conv_wide_padding),
    ("large padding and kernel", 1, _conv_large_padding),
    ("stride larger than the kernel", 1, _conv_stride_past_kernel),
]


# A pool family draws (x shape, pool height, pool width, stride).

def _pool_random(rng):
    ph, pw, stride = _int(rng, 1, 3), _int(rng, 1, 3), _int(rng, 1, 3)
    return (_int(rng, 1, 3), _int(rng, 1, 3), _int(rng, ph, 8), _int(rng, pw, 8)), ph, pw, stride


def _pool_overlapping(rng):
    ph, pw = _int(rng, 2, 3), _int(rng, 2, 3)
    stride = _int(rng, 1, min(ph, pw) - 1)
    return (_int(rng, 1, 2), _int(rng, 1, 3), _int(rng, ph + 2, 8), _int(rng, pw + 2, 8)), ph, pw, stride


def _pool_gaps(rng):
    ph, pw = _int(rng, 1, 2), _int(rng, 1, 2)
    stride = max(ph, pw) + _int(rng, 1, 2)
    return (_int(rng, 1, 2), _int(rng, 1, 3), _int(rng, ph + stride, 9), _int(rng, pw + stride, 9)), ph, pw, stride


def _pool_nonsquare_pool(rng):
    shape, _, _, stride = _pool_random(rng)
    ph = _int(rng, 1, 2)
    pw = ph + _int(rng, 1, 2)
    if rng.random() < 0.5:
        ph, pw = pw, ph
    return shape[:2] + (max(shape[2], ph + 1), max(shape[3], pw + 1)), ph, pw, stride


def _pool_nonsquare_input(rng):
    shape, ph, pw, stride = _pool_random(rng)
    h = max(shape[2], ph)
    return shape[:2] + (h, max(h, pw) + _int(rng, 2, 4)), ph, pw, stride


def _pool_height_equals_stride(rng):
    """Windows that tile along the rows only: catches shortcuts taken when the pool merely
    looks like it tiles the input (e.g. a reshape guarded by the wrong condition)."""
    stride = _int(rng, 2, 3)
    width = stride - 1  # never a multiple of the stride: a wrong shortcut changes the shape
    shape = (_int(rng, 1, 2), _int(rng, 1, 3), stride * _int(rng, 2, 3), width * _int(rng, 2, 3))
    return shape, stride, width, stride


def _pool_width_equals_stride(rng):
    (n, c, h, w), ph, pw, stride = _pool_height_equals_stride(rng)
    return (n, c, w, h), pw, ph, stride


def _pool_tiles_but_rows_left(rng):
    """A pool equal to the stride (where reshape shortcuts are tempting) and rows that no
    window reaches, while the columns tile exactly."""
    stride = _int(rng, 2, 3)
    shape = (_int(rng, 1, 2), _int(rng, 1, 3), stride * _int(rng, 1, 3) + _int(rng, 1, stride - 1),
             stride * _int(rng, 1, 3))
    return shape, stride, stride, stride


def _pool_tiles_but_columns_left(rng):
    (n, c, h, w), ph, pw, stride = _pool_tiles_but_rows_left(rng)
    return (n, c, w, h), pw, ph, stride


def _pool_single(rng):
    shape, ph, pw, stride = _pool_random(rng)
    return (1, 1) + shape[2:], ph, pw, stride


def _pool_global(rng):
    shape, _, _, stride = _pool_random(rng)
    return shape, shape[2], shape[3], stride


def _pool_one_by_one(rng):
    shape, _, _, _ = _pool_random(rng)
    return shape, 1, 1, _int(rng, 2, 3)


HIDDEN_POOL_FAMILIES = [
    ("random valid shapes", 2, _pool_random),
    ("pool height equal to the stride, width not", 1, _pool_height_equals_stride),
    ("pool width equal to the stride, height not", 1, _pool_width_equals_stride),
    ("overlapping windows", 3, _pool_overlapping),
    ("gaps between windows", 1, _pool_gaps),
    ("non-square pool", 2, _pool_nonsquare_pool),
    ("non-square input", 2, _pool_nonsquare_input),
    ("pool equal to the stride, rows that no window reaches", 1, _pool_tiles_but_rows_left),
    ("pool equal to the stride, columns that no window reaches", 1,
     _pool_tiles_but_columns_left),
    ("N = C = 1", 1, _pool_single),
    ("pool as large as the input", 1, _pool_global),
    ("1x1 pool with stride > 1", 1, _pool_one_by_one),
]
HIDDEN_TIE_CASES = [("tied maxima, windows that touch", 2), ("tied maxima, overlapping windows", 1)]


def _tied_touching(rng):
    """Small integers: many exact ties; windows tile without overlap, so no tie is shared."""
    ph, pw = _int(rng, 1, 3), _int(rng, 2, 3)
    stride = max(ph, pw)
    shape = (_int(rng, 1, 2), _int(rng, 1, 3), _int(rng, ph + stride, 8), _int(rng, pw + stride, 8))
    return rng.integers(0, 3, shape).astype(float), ph, pw, stride


def _tied_overlapping(rng):
    """Distinct values, then ties made inside overlapping windows at positions no other
    window reads, so that each tie belongs to one window only."""
    ph, pw, stride = 3, 3, 2
    shape = (_int(rng, 1, 2), _int(rng, 1, 2), _int(rng, 7, 9), _int(rng, 7, 9))
    x = spaced_values(rng, shape)
    index = np.arange(x.size).reshape(shape)
    windows = sliding_window_view(index, (ph, pw), axis=(2, 3))[:, :, ::stride, ::stride]
    windows = windows.reshape(-1, ph * pw)
    readers = np.bincount(windows.reshape(-1), minlength=x.size)
    flat = x.reshape(-1)
    for members in windows:
        top = members[np.argmax(flat[members])]
        own = [m for m in members if readers[m] == 1 and m != top]
        if readers[top] == 1 and own and rng.random() < 0.7:
            flat[rng.choice(own)] = flat[top]
    return x, ph, pw, stride


def seed_number(seed):
    """The instructor's seed, any string, as an integer for numpy's generator."""
    return int.from_bytes(hashlib.sha256(str(seed).encode("utf-8")).digest()[:8], "big")


def hidden_cases(seed):
    """The hidden suite for a seed: the same seed always gives the same cases."""
    rng = np.random.default_rng(seed_number(seed))
    cases, number = [], 0
    for family, count, draw in HIDDEN_CONV_FAMILIES:
        for _ in range(count):
            number += 1
            (n, c, h, w), (f, hh, ww), stride, pad = draw(rng)
            cases.append(_conv("hidden", number, family, rng.standard_normal((n, c, h, w)),
                               rng.standard_normal((f, c, hh, ww)), rng.standard_normal(f),
                               stride, pad, rng))
    number = 0
    for family, count, draw in HIDDEN_POOL_FAMILIES:
        for _ in range(count):
            number += 1
            shape, ph, pw, stride = draw(rng)
            cases.append(_pool("hidden", number, family, spaced_values(rng, shape), ph, pw,
                               stride, rng))
    for (family, count), draw in zip(HIDDEN_TIE_CASES, (_tied_touching, _tied_overlapping)):
        for _ in range(count):
            number += 1
            x, ph, pw, stride = draw(rng)
            cases.append(_pool("hidden", number, family, x, ph, pw, stride, rng, ties=True))
    return cases
