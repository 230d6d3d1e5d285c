"""The student flipped the filter (a true convolution) instead of computing the cross-correlation the layer is defined by.

bug-in: conv_forward_naive
mistake: kernel-flipped
triggers: any kernel that is not symmetric under a 180-degree rotation (every random kernel larger than 1x1)
"""
import numpy as np


def conv_forward_naive(x, w, b, conv_param):
    N, C, H, W = x.shape
    F, _, HH, WW = w.shape
    stride = conv_param['stride']
    pad = conv_param['pad']
    H_out = 1 + (H + 2 * pad - HH) // stride
    W_out = 1 + (W + 2 * pad - WW) // stride

    x_pad = np.pad(x, ((0, 0), (0, 0), (pad, pad), (pad, pad)), mode='constant')
    # convolution = flip the kernel, then slide it over the image
    w_flip = w[:, :, ::-1, ::-1]
    out = np.zeros((N, F, H_out, W_out))
    for n in range(N):
        for f in range(F):
            for i in range(H_out):
                for j in range(W_out):
                    hs = i * stride
                    ws = j * stride
                    window = x_pad[n, :, hs:hs + HH, ws:ws + WW]
                    out[n, f, i, j] = np.sum(window * w_flip[f]) + b[f]
    cache = (x, w, b, conv_param)
    return out, cache
