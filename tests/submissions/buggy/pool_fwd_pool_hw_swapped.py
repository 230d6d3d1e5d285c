"""The student read pool_height and pool_width the wrong way round, which only shows when the pool is not square.

bug-in: max_pool_forward_naive
mistake: pool-height-width-swapped
triggers: non-square pools (pool_height != pool_width)
"""
import numpy as np


def max_pool_forward_naive(x, pool_param):
    N, C, H, W = x.shape
    HH = pool_param['pool_width']
    WW = pool_param['pool_height']
    stride = pool_param['stride']
    H_out = 1 + (H - HH) // stride
    W_out = 1 + (W - WW) // stride

    out = np.zeros((N, C, H_out, W_out))
    for n in range(N):
        for c in range(C):
            for i in range(H_out):
                for j in range(W_out):
                    window = x[n, c, i * stride:i * stride + HH, j * stride:j * stride + WW]
                    out[n, c, i, j] = np.max(window)
    cache = (x, pool_param)
    return out, cache
