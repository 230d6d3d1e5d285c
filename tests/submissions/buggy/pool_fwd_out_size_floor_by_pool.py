"""The student sized the output as H // pool_height and W // pool_width, assuming the stride equals the pool size.

bug-in: max_pool_forward_naive
mistake: out-size-assumes-stride-equals-pool
triggers: stride != pool size where it changes the output size (H // pool_height != H' or W // pool_width != W'), e.g. overlapping pools
"""
import numpy as np


def max_pool_forward_naive(x, pool_param):
    N, C, H, W = x.shape
    ph = pool_param['pool_height']
    pw = pool_param['pool_width']
    stride = pool_param['stride']
    H_out = H // ph
    W_out = W // pw

    out = np.zeros((N, C, H_out, W_out))
    for n in range(N):
        for c in range(C):
            for i in range(H_out):
                for j in range(W_out):
                    window = x[n, c, i * stride:i * stride + ph, j * stride:j * stride + pw]
                    out[n, c, i, j] = np.max(window)
    cache = (x, pool_param)
    return out, cache
