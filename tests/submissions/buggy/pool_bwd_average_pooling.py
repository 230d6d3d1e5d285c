"""The student spread each window's gradient evenly over the whole window (the average-pooling gradient) instead of sending it to the maximum.

bug-in: max_pool_backward_naive
mistake: gradient-spread-evenly
triggers: any pool larger than 1x1
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
                    hs, ws = i * stride, j * stride
                    dx[n, c, hs:hs + ph, ws:ws + pw] += dout[n, c, i, j] / (ph * pw)
    return dx
