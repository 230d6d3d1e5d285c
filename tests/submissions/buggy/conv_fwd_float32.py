"""The student cast the input and weights to float32 to save memory, so the output has only single-precision accuracy.

bug-in: conv_forward_naive
mistake: float32-arithmetic
triggers: any input (rel_error ~1e-8..1e-5 on typical inputs, as low as ~1e-9 when only a few outputs are computed)
"""
import numpy as np


def conv_forward_naive(x, w, b, conv_param):
    N, C, H, W = x.shape
    F, _, HH, WW = w.shape
    stride = conv_param['stride']
    pad = conv_param['pad']
    H_out = 1 + (H + 2 * pad - HH) // stride
    W_out = 1 + (W + 2 * pad - WW) // stride

    x32 = x.astype(np.float32)
    w32 = w.astype(np.float32)
    b32 = b.astype(np.float32)
    x_pad = np.pad(x32, ((0, 0), (0, 0), (pad, pad), (pad, pad)), mode='constant')
    out = np.zeros((N, F, H_out, W_out), dtype=np.float32)
    for n in range(N):
        for f in range(F):
            for i in range(H_out):
                for j in range(W_out):
                    window = x_pad[n, :, i * stride:i * stride + HH, j * stride:j * stride + WW]
                    out[n, f, i, j] = np.sum(window * w32[f]) + b32[f]
    cache = (x, w, b, conv_param)
    return out, cache
