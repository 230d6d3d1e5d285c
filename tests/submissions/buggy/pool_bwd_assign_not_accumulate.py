"""The student wrote dx[...] = dout[...] instead of +=, so an element that is the maximum of several overlapping windows keeps only the last window's gradient.

bug-in: max_pool_backward_naive
mistake: assign-not-accumulate
triggers: overlapping pool windows (stride < pool_height with H' > 1, or stride < pool_width with W' > 1) where one element is the maximum of two windows
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
                    window = x[n, c, i * stride:i * stride + ph, j * stride:j * stride + pw]
                    r, q = np.unravel_index(np.argmax(window), window.shape)
                    dx[n, c, i * stride + r, j * stride + q] = dout[n, c, i, j]
    return dx
