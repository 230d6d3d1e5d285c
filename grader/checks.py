"""Checks: compare what a submission returned with the oracle's answer.

Every function returns a list of problems, one readable line each; an empty list passes.

Accuracy is cs231n's relative error, max(|a - e| / max(floor, |a| + |e|)), with the floor
raised from 1e-8 to 1e-4 of the expected array's largest magnitude. The floor keeps
round-off on entries whose true value is zero (an FFT-based solution never gets exact zeros)
from counting as a relative error, while every entry that matters is still held to
TOLERANCE. Correct float64 code of any style lands below 1e-12; float32 arithmetic lands
between 1e-8 and 1e-5, so TOLERANCE fails it.
"""
import numpy as np

TOLERANCE = 1e-9
SCALE_FLOOR = 1e-4


def relative_error(actual, expected):
    """(error, index of the worst element) of two float arrays of the same shape."""
    if expected.size == 0:
        return 0.0, ()
    floor = max(1e-8, SCALE_FLOOR * float(np.max(np.abs(expected))))
    errors = np.abs(actual - expected) / np.maximum(floor, np.abs(actual) + np.abs(expected))
    worst = np.unravel_index(int(np.argmax(errors)), errors.shape)
    return float(errors[worst]), tuple(int(i) for i in worst)


def _index(index):
    return "[" + ", ".join(str(i) for i in index) + "]"


def compare(name, actual, expected, show_values=True):
    """Problems with one returned array: shape, NaN or inf, then relative error."""
    if actual.shape != expected.shape:
        return [f"{name} has shape {tuple(actual.shape)}, expected {tuple(expected.shape)}"]
    if actual.dtype.kind == "f" and actual.dtype != np.float64:
        note = f" ({name} is {actual.dtype}: compute in float64)"
    else:
        note = ""
    values = actual.astype(np.float64)
    bad = ~np.isfinite(values)
    if bad.any():
        first = tuple(int(i) for i in np.argwhere(bad)[0])
        what = "NaN" if np.isnan(values[first]) else "inf"
        return [f"{name} contains {what} ({int(bad.sum())} of {values.size} elements, "
                f"first at {_index(first)})"]
    error, worst = relative_error(values, expected)
    if error <= TOLERANCE:
        return []
    where = f"worst at {name}{_index(worst)}"
    if show_values:
        where += f": got {values[worst]:.8g}, expected {expected[worst]:.8g}"
    return [f"{name}: relative error {error:.1e} > {TOLERANCE:.0e}, {where}{note}"]


def compare_unchanged(name, after, before):
    """Problems if an input array was modified (values, shape or dtype) by the call."""
    if after.shape != before.shape:
        return [f"changed the shape of its input {name} from {tuple(before.shape)} "
                f"to {tuple(after.shape)}"]
    if after.dtype != before.dtype:
        return [f"changed the dtype of its input {name} from {before.dtype} to {after.dtype}"]
    changed = ~((after == before) | (np.isnan(after) & np.isnan(before)))
    if changed.any():
        return [f"modified its input {name} in place ({int(changed.sum())} of "
                f"{before.size} elements changed): work on a copy"]
    return []


def compare_param(name, after, before):
    """Problems if the parameter dict was changed by the call."""
    if after == before:
        return []
    added = sorted(set(after) - set(before))
    removed = sorted(set(before) - set(after))
    changed = sorted(k for k in set(after) & set(before) if after[k] != before[k])
    parts = ([f"added {', '.join(map(repr, added))}"] if added else []) + \
            ([f"removed {', '.join(map(repr, removed))}"] if removed else []) + \
            ([f"changed {', '.join(map(repr, changed))}"] if changed else [])
    return [f"modified {name} ({'; '.join(parts)}): do not change the parameter dict"]
