"""Last-argmax style: max-pool backward gives each window's gradient to its LAST tied
maximum; pool forward reshapes when the windows tile the input exactly (pool size equal to
the stride), loops otherwise.

Convolution is shift-and-add: one loop over kernel offsets (kh, kw), each contracting a
strided slice of the padded input with the filters' (kh, kw) tap.
"""
import numpy as np


def conv_forward_naive(x, w, b, conv_param):
    N, C, H, W = x.shape
    F, _, HH, WW = w.shape
    stride, pad = conv_param['stride'], conv_param['pad']
    H_out = 1 + (H + 2 * pad - HH) // stride
    W_out = 1 + (W + 2 * pad - WW) // stride

    x_pad = np.pad(x, ((0, 0), (0, 0), (pad, pad), (pad, pad)), mode='constant')
    out = np.zeros((N, F, H_out, W_out))
    for kh in range(HH):
        for kw in range(WW):
            shifted = x_pad[:, :, kh:kh + stride * H_out:stride, kw:kw + stride * W_out:stride]
            out += np.einsum('nchw,fc->nfhw', shifted, w[:, :, kh, kw])
    out += b[None, :, None, None]
    return out, (x, w, b, conv_param)


def conv_backward_naive(dout, cache):
    x, w, b, conv_param = cache
    N, C, H, W = x.shape
    F, _, HH, WW = w.shape
    stride, pad = conv_param['stride'], conv_param['pad']
    H_out, W_out = dout.shape[2], dout.shape[3]

    x_pad = np.pad(x, ((0, 0), (0, 0), (pad, pad), (pad, pad)), mode='constant')
    dx_pad = np.zeros(x_pad.shape)
    dw = np.zeros(w.shape)
    for kh in range(HH):
        for kw in range(WW):
            rows = slice(kh, kh + stride * H_out, stride)
            cols = slice(kw, kw + stride * W_out, stride)
            dw[:, :, kh, kw] = np.einsum('nfhw,nchw->fc', dout, x_pad[:, :, rows, cols])
            dx_pad[:, :, rows, cols] += np.einsum('nfhw,fc->nchw', dout, w[:, :, kh, kw])
    db = dout.sum(axis=(0, 2, 3))
    return dx_pad[:, :, pad:pad + H, pad:pad + W], dw, db


def _tiles(pool_param):
    ph, pw, stride = pool_param['pool_height'], pool_param['pool_width'], pool_param['stride']
    return ph == stride and pw == stride


def _last_argmax(flat_windows):
    """Index of the last maximum along the last axis."""
    size = flat_windows.shape[-1]
    return size - 1 - np.argmax(flat_windows[..., ::-1], axis=-1)


def max_pool_forward_naive(x, pool_param):
    N, C, H, W = x.shape
    ph, pw, stride = pool_param['pool_height'], pool_param['pool_width'], pool_param['stride']
    H_out, W_out = 1 + (H - ph) // stride, 1 + (W - pw) // stride
    if _tiles(pool_param):
        # Crop the rows/cols no window reaches, then one reshape gives every tile.
        tiles = x[:, :, :H_out * ph, :W_out * pw].reshape(N, C, H_out, ph, W_out, pw)
        out = tiles.max(axis=(3, 5))
    else:
        out = np.empty((N, C, H_out, W_out))
        for i in range(H_out):
            for j in range(W_out):
                window = x[:, :, i * stride:i * stride + ph, j * stride:j * stride + pw]
                out[:, :, i, j] = window.max(axis=(2, 3))
    return out, (x, pool_param)


def max_pool_backward_naive(dout, cache):
    x, pool_param = cache
    N, C, H, W = x.shape
    ph, pw, stride = pool_param['pool_height'], pool_param['pool_width'], pool_param['stride']
    H_out, W_out = dout.shape[2], dout.shape[3]
    dx = np.zeros(x.shape)
    if _tiles(pool_param):
        tiles = x[:, :, :H_out * ph, :W_out * pw].reshape(N, C, H_out, ph, W_out, pw)
        flat = tiles.transpose(0, 1, 2, 4, 3, 5).reshape(N, C, H_out, W_out, ph * pw)
        onehot = np.arange(ph * pw) == _last_argmax(flat)[..., None]
        grad = (onehot * dout[..., None]).reshape(N, C, H_out, W_out, ph, pw)
        dx[:, :, :H_out * ph, :W_out * pw] = \
            grad.transpose(0, 1, 2, 4, 3, 5).reshape(N, C, H_out * ph, W_out * pw)
    else:
        for i in range(H_out):
            for j in range(W_out):
                top, left = i * stride, j * stride
                window = x[:, :, top:top + ph, left:left + pw].reshape(N, C, ph * pw)
                last = _last_argmax(window)                        # (N, C)
                n_idx, c_idx = np.indices((N, C))
                dx[n_idx, c_idx, top + last // pw, left + last % pw] += dout[:, :, i, j]
    return dx
