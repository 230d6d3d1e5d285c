"""The student typed stride for the bottom padding in np.pad; it only shows when the padding is larger than the stride and the last windows reach the missing zero rows.

bug-in: conv_forward_naive
mistake: bottom-padding-uses-stride
triggers: pad > stride with windows reaching the bottom padding (large pad, large kernel)
"""
import numpy as np


def conv_forward_naive(x, w, b, conv_param):
    N, C, H, W = x.shape
    F, _, HH, WW = w.shape
    stride, pad = conv_param['stride'], conv_param['pad']
    H_out = 1 + (H + 2 * pad - HH) // stride
    W_out = 1 + (W + 2 * pad - WW) // stride
    x_pad = np.pad(x, ((0, 0), (0, 0), (pad, stride), (pad, pad)), mode='constant')
    out = np.zeros((N, F, H_out, W_out))
    for n in range(N):
        for f in range(F):
            for i in range(H_out):
                for j in range(W_out):
                    patch = x_pad[n, :, i * stride:i * stride + HH, j * stride:j * stride + WW]
                    out[n, f, i, j] = np.sum(patch * w[f]) + b[f]
    cache = (x, w, b, conv_param)
    return out, cache
