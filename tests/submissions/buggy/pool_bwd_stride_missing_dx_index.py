"""The student found the maximum in the right window but wrote its gradient to dx[i + r, j + q], leaving the stride out of the dx index.

bug-in: max_pool_backward_naive
mistake: stride-missing-dx-index
triggers: stride > 1 with more than one window along an axis (H' > 1 or W' > 1)
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
                    dx[n, c, i + r, j + q] += dout[n, c, i, j]
    return dx
