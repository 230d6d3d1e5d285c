"""Scalar loops style: 7-deep pure-Python loops (n, f, i, j, c, kh, kw), no slicing.

Arrays are converted to nested lists first so the scalar loops stay fast; padding is
handled by skipping positions that fall outside the image (they would multiply zeros).
"""
import numpy as np


def _zeros(*shape):
    if len(shape) == 1:
        return [0.0] * shape[0]
    return [_zeros(*shape[1:]) for _ in range(shape[0])]


def conv_forward_naive(x, w, b, conv_param):
    N, C, H, W = x.shape
    F, _, HH, WW = w.shape
    stride, pad = conv_param['stride'], conv_param['pad']
    H_out = 1 + (H + 2 * pad - HH) // stride
    W_out = 1 + (W + 2 * pad - WW) // stride
    xs, ws, bs = x.tolist(), w.tolist(), b.tolist()

    out = _zeros(N, F, H_out, W_out)
    for n in range(N):
        for f in range(F):
            for i in range(H_out):
                for j in range(W_out):
                    total = 0.0
                    for c in range(C):
                        for kh in range(HH):
                            r = i * stride + kh - pad
                            if r < 0 or r >= H:
                                continue
                            for kw in range(WW):
                                q = j * stride + kw - pad
                                if q < 0 or q >= W:
                                    continue
                                total += xs[n][c][r][q] * ws[f][c][kh][kw]
                    out[n][f][i][j] = total + bs[f]
    cache = (x, w, b, conv_param)
    return np.array(out, dtype=np.float64), cache


def conv_backward_naive(dout, cache):
    x, w, b, conv_param = cache
    N, C, H, W = x.shape
    F, _, HH, WW = w.shape
    stride, pad = conv_param['stride'], conv_param['pad']
    H_out, W_out = dout.shape[2], dout.shape[3]
    xs, ws, ds = x.tolist(), w.tolist(), dout.tolist()

    dx = _zeros(N, C, H, W)
    dw = _zeros(F, C, HH, WW)
    db = _zeros(F)
    for n in range(N):
        for f in range(F):
            for i in range(H_out):
                for j in range(W_out):
                    g = ds[n][f][i][j]
                    db[f] += g
                    for c in range(C):
                        for kh in range(HH):
                            r = i * stride + kh - pad
                            if r < 0 or r >= H:
                                continue
                            for kw in range(WW):
                                q = j * stride + kw - pad
                                if q < 0 or q >= W:
                                    continue
                                dw[f][c][kh][kw] += g * xs[n][c][r][q]
                                dx[n][c][r][q] += g * ws[f][c][kh][kw]
    return (np.array(dx, dtype=np.float64), np.array(dw, dtype=np.float64),
            np.array(db, dtype=np.float64))


def _argmax_in_window(xs_nc, top, left, ph, pw):
    """(row, col, value) of the first maximum of one window, scanning row by row."""
    best_r, best_q, best = top, left, xs_nc[top][left]
    for kh in range(ph):
        for kw in range(pw):
            v = xs_nc[top + kh][left + kw]
            if v > best:
                best_r, best_q, best = top + kh, left + kw, v
    return best_r, best_q, best


def max_pool_forward_naive(x, pool_param):
    N, C, H, W = x.shape
    ph, pw = pool_param['pool_height'], pool_param['pool_width']
    stride = pool_param['stride']
    H_out = 1 + (H - ph) // stride
    W_out = 1 + (W - pw) // stride
    xs = x.tolist()

    out = _zeros(N, C, H_out, W_out)
    for n in range(N):
        for c in range(C):
            for i in range(H_out):
                for j in range(W_out):
                    out[n][c][i][j] = _argmax_in_window(
                        xs[n][c], i * stride, j * stride, ph, pw)[2]
    return np.array(out, dtype=np.float64), (x, pool_param)


def max_pool_backward_naive(dout, cache):
    x, pool_param = cache
    N, C, H, W = x.shape
    ph, pw = pool_param['pool_height'], pool_param['pool_width']
    stride = pool_param['stride']
    H_out, W_out = dout.shape[2], dout.shape[3]
    xs, ds = x.tolist(), dout.tolist()

    dx = _zeros(N, C, H, W)
    for n in range(N):
        for c in range(C):
            for i in range(H_out):
                for j in range(W_out):
                    r, q, _ = _argmax_in_window(xs[n][c], i * stride, j * stride, ph, pw)
                    dx[n][c][r][q] += ds[n][c][i][j]
    return np.array(dx, dtype=np.float64)
