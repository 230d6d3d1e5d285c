"""The student used the mask window == window.max(), which gives the full upstream gradient to every tied maximum and so multiplies the gradient on ties.

bug-in: max_pool_backward_naive
mistake: mask-gives-every-tie-full-gradient
triggers: windows whose maximum is tied (two or more elements equal to the window's maximum)
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
                    window = x[n, c, hs:hs + ph, ws:ws + pw]
                    mask = (window == np.max(window))
                    dx[n, c, hs:hs + ph, ws:ws + pw] += mask * dout[n, c, i, j]
    return dx
