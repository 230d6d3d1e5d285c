"""The student sliced each window as pool_width rows by pool_height columns, swapping the pool's height and width, which only shows when the pool is not square.

bug-in: max_pool_backward_naive
mistake: window-height-width-swapped
triggers: non-square pools (pool_height != pool_width)
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
                    window = x[n, c, i * stride:i * stride + pw, j * stride:j * stride + ph]
                    r, q = np.unravel_index(np.argmax(window), window.shape)
                    dx[n, c, i * stride + r, j * stride + q] += dout[n, c, i, j]
    return dx
