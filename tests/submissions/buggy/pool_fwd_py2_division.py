"""The student computed the output size with / (a Python 2 habit), which gives floats that np.zeros rejects with a TypeError.

bug-in: max_pool_forward_naive
mistake: py2-true-division-pool-output-size
triggers: any input
"""
import numpy as np


def max_pool_forward_naive(x, pool_param):
    N, C, H, W = x.shape
    ph = pool_param['pool_height']
    pw = pool_param['pool_width']
    stride = pool_param['stride']
    H_out = 1 + (H - ph) / stride
    W_out = 1 + (W - pw) / stride

    out = np.zeros((N, C, H_out, W_out))
    for n in range(N):
        for c in range(C):
            for i in range(H_out):
                for j in range(W_out):
                    window = x[n, c, i * stride:i * stride + ph, j * stride:j * stride + pw]
                    out[n, c, i, j] = np.max(window)
    cache = (x, pool_param)
    return out, cache
