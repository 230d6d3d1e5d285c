"""Sliding-window + einsum style: sliding_window_view gives every receptive field, einsum
contracts it with the filters.

conv backward computes dx as a transposed convolution: the upstream gradient is dilated by
the stride, padded by the kernel size minus one and correlated with the flipped filters.
Max-pool backward hands each window's gradient to its first maximum (row-major order).
"""
import numpy as np
from numpy.lib.stride_tricks import sliding_window_view


def _windows(a, height, width, stride):
    """Read-only view (N, C, H', W', height, width) of the windows a strided layer reads."""
    return sliding_window_view(a, (height, width), axis=(2, 3))[:, :, ::stride, ::stride]


def conv_forward_naive(x, w, b, conv_param):
    F, _, HH, WW = w.shape
    stride, pad = conv_param['stride'], conv_param['pad']
    x_pad = np.pad(x, ((0, 0), (0, 0), (pad, pad), (pad, pad)), mode='constant')
    fields = _windows(x_pad, HH, WW, stride)
    out = np.einsum('nchwkl,fckl->nfhw', fields, w) + b[None, :, None, None]
    return out, (x, w, b, conv_param)


def conv_backward_naive(dout, cache):
    x, w, b, conv_param = cache
    N, C, H, W = x.shape
    F, _, HH, WW = w.shape
    stride, pad = conv_param['stride'], conv_param['pad']
    H_out, W_out = dout.shape[2], dout.shape[3]
    Hp, Wp = H + 2 * pad, W + 2 * pad

    x_pad = np.pad(x, ((0, 0), (0, 0), (pad, pad), (pad, pad)), mode='constant')
    db = np.einsum('nfhw->f', dout)
    dw = np.einsum('nchwkl,nfhw->fckl', _windows(x_pad, HH, WW, stride), dout)

    # Dilate dout into a grid the size of x_pad's window origins, then pad it so that a
    # full correlation with the flipped kernel yields an array of the padded input's size.
    reach_h, reach_w = (H_out - 1) * stride + 1, (W_out - 1) * stride + 1
    dilated = np.zeros((N, F, reach_h, reach_w))
    dilated[:, :, ::stride, ::stride] = dout
    spread = np.pad(dilated, ((0, 0), (0, 0),
                              (HH - 1, Hp - reach_h), (WW - 1, Wp - reach_w)))
    flipped = w[:, :, ::-1, ::-1]
    dx_pad = np.einsum('nfhwkl,fckl->nchw', _windows(spread, HH, WW, 1), flipped)
    dx = dx_pad[:, :, pad:pad + H, pad:pad + W]
    return dx, dw, db


def max_pool_forward_naive(x, pool_param):
    ph, pw, stride = pool_param['pool_height'], pool_param['pool_width'], pool_param['stride']
    out = _windows(x, ph, pw, stride).max(axis=(4, 5))
    return out, (x, pool_param)


def max_pool_backward_naive(dout, cache):
    x, pool_param = cache
    ph, pw, stride = pool_param['pool_height'], pool_param['pool_width'], pool_param['stride']
    H_out, W_out = dout.shape[2], dout.shape[3]
    fields = _windows(x, ph, pw, stride)
    peak = fields.max(axis=(4, 5))

    dx = np.zeros(x.shape)
    claimed = np.zeros(peak.shape, dtype=bool)   # window already gave its gradient away
    for kh in range(ph):
        for kw in range(pw):
            hit = (fields[:, :, :, :, kh, kw] == peak) & ~claimed
            claimed |= hit
            # For one kernel offset the windows touch distinct elements, so += is safe;
            # the loop over offsets accumulates overlapping windows.
            dx[:, :, kh:kh + stride * H_out:stride, kw:kw + stride * W_out:stride] += \
                np.where(hit, dout, 0.0)
    return dx
