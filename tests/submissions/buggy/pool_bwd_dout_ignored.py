"""The student added 1 at each window's maximum instead of the upstream gradient dout, as if every upstream derivative were 1.

bug-in: max_pool_backward_naive
mistake: pool-upstream-dout-ignored
triggers: any dout that is not all ones
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
                    dx[n, c, i * stride + r, j * stride + q] += 1
    return dx
