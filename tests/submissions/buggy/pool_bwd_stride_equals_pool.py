"""The student stepped the windows by the pool size (i * pool_height, j * pool_width) instead of by the stride, assuming the two are equal.

bug-in: max_pool_backward_naive
mistake: stride-assumed-equal-to-pool
triggers: stride != pool_height with H' > 1, or stride != pool_width with W' > 1
"""
import numpy as np


def max_pool_backward_naive(dout, cache):
    x, pool_param = cache
    N, C, H, W = x.shape
    ph = pool_param['pool_height']
    pw = pool_param['pool_width']
    _, _, H_out, W_out = dout.shape

    dx = np.zeros_like(x)
    for n in range(N):
        for c in range(C):
            for i in range(H_out):
                for j in range(W_out):
                    window = x[n, c, i * ph:(i + 1) * ph, j * pw:(j + 1) * pw]
                    r, q = np.unravel_index(np.argmax(window), window.shape)
                    dx[n, c, i * ph + r, j * pw + q] += dout[n, c, i, j]
    return dx
