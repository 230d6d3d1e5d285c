"""The student did the backward pass in float32 to save memory, so dx, dw and db have only single-precision accuracy.

bug-in: conv_backward_naive
mistake: float32-gradients
triggers: any input (rel_error ~1e-8..1e-5 on typical inputs, as low as ~1e-9 when only a few outputs are computed)
"""
import numpy as np


def conv_backward_naive(dout, cache):
    x, w, b, conv_param = cache
    N, C, H, W = x.shape
    F, _, HH, WW = w.shape
    stride = conv_param['stride']
    pad = conv_param['pad']
    _, _, H_out, W_out = dout.shape

    dout = dout.astype(np.float32)
    w = w.astype(np.float32)
    x_pad = np.pad(x.astype(np.float32), ((0, 0), (0, 0), (pad, pad), (pad, pad)), mode='constant')
    dx_pad = np.zeros_like(x_pad)
    dw = np.zeros_like(w)
    db = np.zeros(F, dtype=np.float32)
    for n in range(N):
        for f in range(F):
            db[f] += np.sum(dout[n, f])
            for i in range(H_out):
                for j in range(W_out):
                    hs = i * stride
                    ws = j * stride
                    dw[f] += dout[n, f, i, j] * x_pad[n, :, hs:hs + HH, ws:ws + WW]
                    dx_pad[n, :, hs:hs + HH, ws:ws + WW] += dout[n, f, i, j] * w[f]
    dx = dx_pad[:, :, pad:pad + H, pad:pad + W]
    return dx, dw, db
