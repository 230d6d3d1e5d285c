"""The student assumed square pools and used pool_height for the pool width too.

bug-in: max_pool_forward_naive
mistake: pool-assumed-square
triggers: non-square pools (pool_height != pool_width)
"""
import numpy as np


def max_pool_forward_naive(x, pool_param):
    N, C, H, W = x.shape
    pool = pool_param['pool_height']  # pools are square
    stride = pool_param['stride']
    H_out = 1 + (H - pool) // stride
    W_out = 1 + (W - pool) // stride

    out = np.zeros((N, C, H_out, W_out))
    for n in range(N):
        for c in range(C):
            for i in range(H_out):
                for j in range(W_out):
                    window = x[n, c, i * stride:i * stride + pool, j * stride:j * stride + pool]
                    out[n, c, i, j] = np.max(window)
    cache = (x, pool_param)
    return out, cache
