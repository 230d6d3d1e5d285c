"""The student took a reshape shortcut for windows that tile the input, but guarded it by checking only the pool height against the stride, so it also runs when the width does not tile.

bug-in: max_pool_forward_naive
mistake: reshape-shortcut-wrong-condition
triggers: pool_height == stride with H divisible by it, while pool_width != stride
"""
import numpy as np


def max_pool_forward_naive(x, pool_param):
    N, C, H, W = x.shape
    ph, pw = pool_param['pool_height'], pool_param['pool_width']
    stride = pool_param['stride']
    H_out = 1 + (H - ph) // stride
    W_out = 1 + (W - pw) // stride
    if ph == stride and H % ph == 0 and W % pw == 0:
        # windows tile the input: one reshape instead of loops
        out = x.reshape(N, C, H // ph, ph, W // pw, pw).max(axis=(3, 5))
    else:
        out = np.zeros((N, C, H_out, W_out))
        for i in range(H_out):
            for j in range(W_out):
                window = x[:, :, i * stride:i * stride + ph, j * stride:j * stride + pw]
                out[:, :, i, j] = window.max(axis=(2, 3))
    cache = (x, pool_param)
    return out, cache
