"""Own-cache style: the forward passes store what their backward passes need (column
matrix, reshaped filters, shapes; for pooling the flat positions of the chosen maxima)
instead of cs231n's documented (x, w, b, conv_param) / (x, pool_param) caches.

The column matrix is built by a loop over kernel offsets; pool backward accumulates with
np.bincount and gives each window's gradient to its first maximum.
"""
import numpy as np


def conv_forward_naive(x, w, b, conv_param):
    N, C, H, W = x.shape
    F, _, HH, WW = w.shape
    stride, pad = conv_param['stride'], conv_param['pad']
    H_out = 1 + (H + 2 * pad - HH) // stride
    W_out = 1 + (W + 2 * pad - WW) // stride

    x_pad = np.pad(x, ((0, 0), (0, 0), (pad, pad), (pad, pad)), mode='constant')
    # cols[c, kh, kw, n, i, j] = x_pad[n, c, i*stride + kh, j*stride + kw]
    cols = np.empty((C, HH, WW, N, H_out, W_out))
    for kh in range(HH):
        for kw in range(WW):
            part = x_pad[:, :, kh:kh + stride * H_out:stride, kw:kw + stride * W_out:stride]
            cols[:, kh, kw] = part.transpose(1, 0, 2, 3)
    cols = cols.reshape(C * HH * WW, N * H_out * W_out)
    w_mat = w.reshape(F, C * HH * WW).copy()
    out = (w_mat @ cols + b[:, None]).reshape(F, N, H_out, W_out).transpose(1, 0, 2, 3)

    cache = {
        'cols': cols,
        'w_mat': w_mat,
        'padded_shape': x_pad.shape,
        'kernel': (HH, WW),
        'out_hw': (H_out, W_out),
        'stride': stride,
        'pad': pad,
    }
    return np.ascontiguousarray(out), cache


def conv_backward_naive(dout, cache):
    cols, w_mat = cache['cols'], cache['w_mat']
    N, C, Hp, Wp = cache['padded_shape']
    HH, WW = cache['kernel']
    H_out, W_out = cache['out_hw']
    stride, pad = cache['stride'], cache['pad']
    F = w_mat.shape[0]

    dout_mat = dout.transpose(1, 0, 2, 3).reshape(F, N * H_out * W_out)
    db = dout_mat.sum(axis=1)
    dw = (dout_mat @ cols.T).reshape(F, C, HH, WW)
    dcols = (w_mat.T @ dout_mat).reshape(C, HH, WW, N, H_out, W_out)

    dx_pad = np.zeros((N, C, Hp, Wp))
    for kh in range(HH):
        for kw in range(WW):
            dx_pad[:, :, kh:kh + stride * H_out:stride, kw:kw + stride * W_out:stride] += \
                dcols[:, kh, kw].transpose(1, 0, 2, 3)
    dx = dx_pad[:, :, pad:Hp - pad, pad:Wp - pad]
    return dx, dw, db


def max_pool_forward_naive(x, pool_param):
    N, C, H, W = x.shape
    ph, pw, stride = pool_param['pool_height'], pool_param['pool_width'], pool_param['stride']
    H_out, W_out = 1 + (H - ph) // stride, 1 + (W - pw) // stride

    flat_index = np.arange(x.size).reshape(x.shape)
    out = np.empty((N, C, H_out, W_out))
    chosen = np.empty((N, C, H_out, W_out), dtype=np.intp)
    for i in range(H_out):
        for j in range(W_out):
            rows = slice(i * stride, i * stride + ph)
            cols = slice(j * stride, j * stride + pw)
            window = x[:, :, rows, cols].reshape(N, C, ph * pw)
            first = window.argmax(axis=2)
            out[:, :, i, j] = np.take_along_axis(window, first[:, :, None], axis=2)[:, :, 0]
            where = flat_index[:, :, rows, cols].reshape(N, C, ph * pw)
            chosen[:, :, i, j] = np.take_along_axis(where, first[:, :, None], axis=2)[:, :, 0]

    cache = {'x_shape': x.shape, 'chosen': chosen}
    return out, cache


def max_pool_backward_naive(dout, cache):
    x_shape = cache['x_shape']
    size = int(np.prod(x_shape))
    dx = np.bincount(cache['chosen'].ravel(), weights=dout.ravel(), minlength=size)
    return dx.astype(np.float64).reshape(x_shape)
