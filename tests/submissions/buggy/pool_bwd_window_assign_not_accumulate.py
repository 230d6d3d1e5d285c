"""The student assigned each window's masked gradient to the whole dx window (dx[window] = mask * dout) instead of adding it, so overlapping windows overwrite earlier gradients, even with zeros.

bug-in: max_pool_backward_naive
mistake: window-assign-not-accumulate
triggers: overlapping pool windows (stride < pool_height with H' > 1, or stride < pool_width with W' > 1)
"""
import numpy as np


def max_pool_backward_naive(dout, cache):
    x, pool_param = cache
    N, C, H, W = x.shape
    ph = pool_param['pool_height']
    pw = pool_param['pool_width']
    stride = pool_param['stride']
    _, _, H_out, W_out = dout.shape

    dx = np.zeros_like(x)
    for n in range(N):
        for c in range(C):
            for i in range(H_out):
                for j in range(W_out):
                    hs, ws = i * stride, j * stride
                    window = x[n, c, hs:hs + ph, ws:ws + pw]
                    mask = np.zeros_like(window)
                    mask[np.unravel_index(np.argmax(window), window.shape)] = 1
                    dx[n, c, hs:hs + ph, ws:ws + pw] = mask * dout[n, c, i, j]
    return dx
