"""The student multiplied each window by the filter in place (window *= w[f]), which corrupts the padded input for later filters and overlapping windows and, when pad == 0 (no copy made), overwrites x itself.

bug-in: conv_forward_naive
mistake: x-modified-in-place
triggers: pad == 0 (x is overwritten), F > 1, or overlapping windows (stride < HH with H' > 1, or stride < WW with W' > 1)
"""
import numpy as np


def conv_forward_naive(x, w, b, conv_param):
    N, C, H, W = x.shape
    F, _, HH, WW = w.shape
    stride = conv_param['stride']
    pad = conv_param['pad']
    H_out = 1 + (H + 2 * pad - HH) // stride
    W_out = 1 + (W + 2 * pad - WW) // stride

    if pad > 0:
        x_pad = np.pad(x, ((0, 0), (0, 0), (pad, pad), (pad, pad)), mode='constant')
    else:
        x_pad = x  # nothing to pad, no need for a copy
    out = np.zeros((N, F, H_out, W_out))
    for n in range(N):
        for f in range(F):
            for i in range(H_out):
                for j in range(W_out):
                    window = x_pad[n, :, i * stride:i * stride + HH, j * stride:j * stride + WW]
                    window *= w[f]  # no temporary array
                    out[n, f, i, j] = np.sum(window) + b[f]
    cache = (x, w, b, conv_param)
    return out, cache
