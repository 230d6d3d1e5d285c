"""im2col style: precomputed index arrays, matrix multiplication, col2im via np.add.at.

Pooling reuses the same machinery with every channel treated as its own image; the
backward pass routes each window's gradient to its first maximum.
"""
import numpy as np


def _im2col_indices(C, HH, WW, H_out, W_out, stride):
    """Index arrays (k, i, j), each broadcasting to (C*HH*WW, H_out*W_out).

    Row r of the column matrix is (channel, kernel row, kernel col) = unravel(r);
    column q is the output position (q // W_out, q % W_out).
    """
    k = np.repeat(np.arange(C), HH * WW)[:, None]
    i_kernel = np.tile(np.repeat(np.arange(HH), WW), C)
    j_kernel = np.tile(np.arange(WW), HH * C)
    i_out = stride * np.repeat(np.arange(H_out), W_out)
    j_out = stride * np.tile(np.arange(W_out), H_out)
    i = i_kernel[:, None] + i_out[None, :]
    j = j_kernel[:, None] + j_out[None, :]
    return k, i, j


def _im2col(x_pad, HH, WW, H_out, W_out, stride):
    """(N, C*HH*WW, H_out*W_out) column matrix of an already padded input."""
    k, i, j = _im2col_indices(x_pad.shape[1], HH, WW, H_out, W_out, stride)
    return x_pad[:, k, i, j]


def _col2im(cols, padded_shape, HH, WW, H_out, W_out, stride):
    """Adjoint of _im2col: sum every column entry back into its padded-image position."""
    k, i, j = _im2col_indices(padded_shape[1], HH, WW, H_out, W_out, stride)
    x_pad = np.zeros(padded_shape, dtype=np.float64)
    np.add.at(x_pad, (slice(None), k, i, j), cols)
    return x_pad


def _out_size(size, kernel, stride, pad=0):
    return 1 + (size + 2 * pad - kernel) // stride


def conv_forward_naive(x, w, b, conv_param):
    N, C, H, W = x.shape
    F, _, HH, WW = w.shape
    stride, pad = conv_param['stride'], conv_param['pad']
    H_out, W_out = _out_size(H, HH, stride, pad), _out_size(W, WW, stride, pad)

    x_pad = np.pad(x, ((0, 0), (0, 0), (pad, pad), (pad, pad)), mode='constant')
    cols = _im2col(x_pad, HH, WW, H_out, W_out, stride)          # (N, CKK, P)
    out = w.reshape(F, -1) @ cols + b[None, :, None]              # (N, F, P)
    return out.reshape(N, F, H_out, W_out), (x, w, b, conv_param)


def conv_backward_naive(dout, cache):
    x, w, b, conv_param = cache
    N, C, H, W = x.shape
    F, _, HH, WW = w.shape
    stride, pad = conv_param['stride'], conv_param['pad']
    H_out, W_out = dout.shape[2], dout.shape[3]

    x_pad = np.pad(x, ((0, 0), (0, 0), (pad, pad), (pad, pad)), mode='constant')
    cols = _im2col(x_pad, HH, WW, H_out, W_out, stride)
    dout_mat = dout.reshape(N, F, H_out * W_out)

    db = dout_mat.sum(axis=(0, 2))
    dw = (dout_mat @ cols.transpose(0, 2, 1)).sum(axis=0).reshape(w.shape)
    dcols = w.reshape(F, -1).T @ dout_mat                         # (N, CKK, P)
    dx_pad = _col2im(dcols, x_pad.shape, HH, WW, H_out, W_out, stride)
    dx = dx_pad[:, :, pad:pad + H, pad:pad + W]
    return dx, dw, db


def _pool_cols(x, pool_param):
    N, C, H, W = x.shape
    ph, pw, stride = pool_param['pool_height'], pool_param['pool_width'], pool_param['stride']
    H_out, W_out = _out_size(H, ph, stride), _out_size(W, pw, stride)
    cols = _im2col(x.reshape(N * C, 1, H, W), ph, pw, H_out, W_out, stride)
    return cols, (ph, pw, stride, H_out, W_out)   # cols: (N*C, ph*pw, P)


def max_pool_forward_naive(x, pool_param):
    N, C = x.shape[:2]
    cols, (_, _, _, H_out, W_out) = _pool_cols(x, pool_param)
    out = cols.max(axis=1).reshape(N, C, H_out, W_out)
    return out, (x, pool_param)


def max_pool_backward_naive(dout, cache):
    x, pool_param = cache
    N, C, H, W = x.shape
    cols, (ph, pw, stride, H_out, W_out) = _pool_cols(x, pool_param)
    first_max = cols.argmax(axis=1)                               # (N*C, P)
    dcols = np.zeros_like(cols)
    rows, positions = np.indices(first_max.shape)
    dcols[rows, first_max, positions] = dout.reshape(N * C, H_out * W_out)
    dx = _col2im(dcols, (N * C, 1, H, W), ph, pw, H_out, W_out, stride)
    return dx.reshape(N, C, H, W)
