"""The student forgot the stride in the column index, starting each pool window at column j instead of j * stride.

bug-in: max_pool_forward_naive
mistake: pool-stride-missing-column-index
triggers: stride > 1 with more than one output column (W' > 1)
"""
import numpy as np


def max_pool_forward_naive(x, pool_param):
    N, C, H, W = x.shape
    ph = pool_param['pool_height']
    pw = pool_param['pool_width']
    stride = pool_param['stride']
    H_out = 1 + (H - ph) // stride
    W_out = 1 + (W - pw) // stride

    out = np.zeros((N, C, H_out, W_out))
    for n in range(N):
        for c in range(C):
            for i in range(H_out):
                for j in range(W_out):
                    window = x[n, c, i * stride:i * stride + ph, j:j + pw]
                    out[n, c, i, j] = np.max(window)
    cache = (x, pool_param)
    return out, cache
