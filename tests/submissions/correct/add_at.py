"""Gather/scatter style: forward gathers every window with fancy indexing, backward
scatters the window gradients back with np.add.at (which accumulates repeated indices).

Max-pool backward sends each window's gradient to its first maximum.
"""
import numpy as np


def _window_index(H_out, W_out, kh, kw, stride):
    """rows, cols broadcasting to (H_out, W_out, kh, kw): the input element each window
    position reads."""
    rows = stride * np.arange(H_out)[:, None, None, None] + np.arange(kh)[None, None, :, None]
    cols = stride * np.arange(W_out)[None, :, None, None] + np.arange(kw)[None, None, None, :]
    return rows, cols


def conv_forward_naive(x, w, b, conv_param):
    N, C, H, W = x.shape
    F, _, HH, WW = w.shape
    stride, pad = conv_param['stride'], conv_param['pad']
    H_out = 1 + (H + 2 * pad - HH) // stride
    W_out = 1 + (W + 2 * pad - WW) // stride

    x_pad = np.pad(x, ((0, 0), (0, 0), (pad, pad), (pad, pad)), mode='constant')
    rows, cols = _window_index(H_out, W_out, HH, WW, stride)
    patches = x_pad[:, :, rows, cols]                      # (N, C, H', W', HH, WW)
    out = np.tensordot(patches, w, axes=([1, 4, 5], [1, 2, 3]))   # (N, H', W', F)
    out = out.transpose(0, 3, 1, 2) + b[None, :, None, None]
    return out, (x, w, b, conv_param)


def conv_backward_naive(dout, cache):
    x, w, b, conv_param = cache
    N, C, H, W = x.shape
    F, _, HH, WW = w.shape
    stride, pad = conv_param['stride'], conv_param['pad']
    H_out, W_out = dout.shape[2], dout.shape[3]

    x_pad = np.pad(x, ((0, 0), (0, 0), (pad, pad), (pad, pad)), mode='constant')
    rows, cols = _window_index(H_out, W_out, HH, WW, stride)
    patches = x_pad[:, :, rows, cols]

    db = dout.sum(axis=(0, 2, 3))
    dw = np.tensordot(dout, patches, axes=([0, 2, 3], [0, 2, 3]))  # (F, C, HH, WW)
    dpatches = np.tensordot(dout, w, axes=([1], [0]))               # (N, H', W', C, HH, WW)
    dpatches = dpatches.transpose(0, 3, 1, 2, 4, 5)                 # (N, C, H', W', HH, WW)
    dx_pad = np.zeros(x_pad.shape)
    np.add.at(dx_pad, (slice(None), slice(None), rows, cols), dpatches)
    dx = dx_pad[:, :, pad:pad + H, pad:pad + W]
    return dx, dw, db


def max_pool_forward_naive(x, pool_param):
    N, C, H, W = x.shape
    ph, pw, stride = pool_param['pool_height'], pool_param['pool_width'], pool_param['stride']
    H_out, W_out = 1 + (H - ph) // stride, 1 + (W - pw) // stride
    rows, cols = _window_index(H_out, W_out, ph, pw, stride)
    out = x[:, :, rows, cols].max(axis=(4, 5))
    return out, (x, pool_param)


def max_pool_backward_naive(dout, cache):
    x, pool_param = cache
    N, C, H, W = x.shape
    ph, pw, stride = pool_param['pool_height'], pool_param['pool_width'], pool_param['stride']
    H_out, W_out = dout.shape[2], dout.shape[3]
    rows, cols = _window_index(H_out, W_out, ph, pw, stride)
    windows = x[:, :, rows, cols].reshape(N, C, H_out, W_out, ph * pw)
    first = windows.argmax(axis=-1)                       # (N, C, H', W')

    n_idx, c_idx, i_idx, j_idx = np.indices(first.shape)
    r_idx = stride * i_idx + first // pw
    q_idx = stride * j_idx + first % pw
    dx = np.zeros(x.shape)
    np.add.at(dx, (n_idx, c_idx, r_idx, q_idx), dout)     # overlapping windows accumulate
    return dx
