"""The student never used pool_param['stride'] and slid the pool one pixel at a time, as if the stride were always 1.

bug-in: max_pool_forward_naive
mistake: stride-ignored
triggers: stride > 1 with the input larger than the pool (H > pool_height or W > pool_width)
"""
import numpy as np


def max_pool_forward_naive(x, pool_param):
    N, C, H, W = x.shape
    ph = pool_param['pool_height']
    pw = pool_param['pool_width']
    H_out = H - ph + 1
    W_out = W - pw + 1

    out = np.zeros((N, C, H_out, W_out))
    for n in range(N):
        for c in range(C):
            for i in range(H_out):
                for j in range(W_out):
                    out[n, c, i, j] = np.max(x[n, c, i:i + ph, j:j + pw])
    cache = (x, pool_param)
    return out, cache
