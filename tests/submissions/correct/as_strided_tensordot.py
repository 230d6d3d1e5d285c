"""as_strided + tensordot style: read-only np.lib.stride_tricks.as_strided window views
contracted with np.tensordot.

dx is the transposed convolution: the stride-dilated, padded upstream gradient viewed as
windows and contracted with the flipped filters. Max-pool backward gives each window's
gradient to its first maximum.
"""
import numpy as np
from numpy.lib.stride_tricks import as_strided


def _strided_windows(a, height, width, stride):
    """Read-only view (N, C, H', W', height, width) of a 4-d array's windows."""
    a = np.ascontiguousarray(a)
    N, C, H, W = a.shape
    H_out, W_out = 1 + (H - height) // stride, 1 + (W - width) // stride
    sN, sC, sH, sW = a.strides
    return as_strided(a, shape=(N, C, H_out, W_out, height, width),
                      strides=(sN, sC, sH * stride, sW * stride, sH, sW),
                      writeable=False)


def _pad(a, top, bottom, left, right):
    return np.pad(a, ((0, 0), (0, 0), (top, bottom), (left, right)), mode='constant')


def conv_forward_naive(x, w, b, conv_param):
    F, _, HH, WW = w.shape
    stride, pad = conv_param['stride'], conv_param['pad']
    fields = _strided_windows(_pad(x, pad, pad, pad, pad), HH, WW, stride)
    out = np.tensordot(fields, w, axes=([1, 4, 5], [1, 2, 3]))    # (N, H', W', F)
    out = out.transpose(0, 3, 1, 2) + b.reshape(1, -1, 1, 1)
    return np.ascontiguousarray(out), (x, w, b, conv_param)


def conv_backward_naive(dout, cache):
    x, w, b, conv_param = cache
    N, C, H, W = x.shape
    F, _, HH, WW = w.shape
    stride, pad = conv_param['stride'], conv_param['pad']
    H_out, W_out = dout.shape[2], dout.shape[3]
    Hp, Wp = H + 2 * pad, W + 2 * pad

    fields = _strided_windows(_pad(x, pad, pad, pad, pad), HH, WW, stride)
    db = dout.sum(axis=(0, 2, 3))
    dw = np.tensordot(dout, fields, axes=([0, 2, 3], [0, 2, 3]))  # (F, C, HH, WW)

    span_h, span_w = (H_out - 1) * stride + 1, (W_out - 1) * stride + 1
    dilated = np.zeros((N, F, span_h, span_w))
    dilated[:, :, ::stride, ::stride] = dout
    spread = _pad(dilated, HH - 1, Hp - span_h, WW - 1, Wp - span_w)
    back_fields = _strided_windows(spread, HH, WW, 1)             # (N, F, Hp, Wp, HH, WW)
    dx_pad = np.tensordot(back_fields, w[:, :, ::-1, ::-1], axes=([1, 4, 5], [0, 2, 3]))
    dx = dx_pad.transpose(0, 3, 1, 2)[:, :, pad:pad + H, pad:pad + W]
    return np.ascontiguousarray(dx), dw, db


def max_pool_forward_naive(x, pool_param):
    ph, pw, stride = pool_param['pool_height'], pool_param['pool_width'], pool_param['stride']
    out = _strided_windows(x, ph, pw, stride).max(axis=(4, 5))
    return out, (x, pool_param)


def max_pool_backward_naive(dout, cache):
    x, pool_param = cache
    N, C = x.shape[:2]
    ph, pw, stride = pool_param['pool_height'], pool_param['pool_width'], pool_param['stride']
    H_out, W_out = dout.shape[2], dout.shape[3]
    fields = _strided_windows(x, ph, pw, stride).reshape(N, C, H_out, W_out, ph * pw)
    first = fields.argmax(axis=4)

    dx = np.zeros(x.shape)
    for k in range(ph * pw):
        kh, kw = divmod(k, pw)
        rows = slice(kh, kh + stride * H_out, stride)
        cols = slice(kw, kw + stride * W_out, stride)
        dx[:, :, rows, cols] += np.where(first == k, dout, 0.0)
    return dx
