"""FFT style: convolution forward and backward computed in the frequency domain with
np.fft.rfft2 / irfft2, then cropped and subsampled by the stride.

Every transform has the padded input's size (Hp, Wp). Circular correlation and convolution
at that size never wrap around for the entries kept, because every window lies inside the
padded input. Gradient entries that are structurally zero (input rows/cols no window reads,
kernel rows/cols that only ever meet padding) are set to exactly zero instead of keeping the
FFT's rounding noise.
"""
import numpy as np


def _fft_setup(x, w, conv_param):
    N, C, H, W = x.shape
    F, _, HH, WW = w.shape
    stride, pad = conv_param['stride'], conv_param['pad']
    Hp, Wp = H + 2 * pad, W + 2 * pad
    H_out, W_out = 1 + (Hp - HH) // stride, 1 + (Wp - WW) // stride
    x_pad = np.pad(x, ((0, 0), (0, 0), (pad, pad), (pad, pad)), mode='constant')
    return x_pad, (N, C, H, W, F, HH, WW, stride, pad, Hp, Wp, H_out, W_out)


def conv_forward_naive(x, w, b, conv_param):
    x_pad, dims = _fft_setup(x, w, conv_param)
    N, C, H, W, F, HH, WW, stride, pad, Hp, Wp, H_out, W_out = dims

    X = np.fft.rfft2(x_pad)                         # (N, C, Hp, Wp//2+1)
    K = np.fft.rfft2(w, s=(Hp, Wp))                 # (F, C, Hp, Wp//2+1)
    # corr[n, f, a, c] = sum_{ch, k, l} x_pad[n, ch, a+k, c+l] * w[f, ch, k, l]
    corr = np.fft.irfft2(np.einsum('nchw,fchw->nfhw', X, np.conj(K)), s=(Hp, Wp))
    out = corr[:, :, :stride * H_out:stride, :stride * W_out:stride]
    # Windows lying entirely in the padding read only zeros: their sum is exactly 0.
    _, _, sees_h = _coverage(Hp, HH, H_out, stride, pad, H)
    _, _, sees_w = _coverage(Wp, WW, W_out, stride, pad, W)
    out = np.where(sees_h[:, None] & sees_w[None, :], out, 0.0) + b[None, :, None, None]
    return out, (x, w, b, conv_param)


def conv_backward_naive(dout, cache):
    x, w, b, conv_param = cache
    x_pad, dims = _fft_setup(x, w, conv_param)
    N, C, H, W, F, HH, WW, stride, pad, Hp, Wp, H_out, W_out = dims

    # The upstream gradient placed at the window origins of a padded-size grid.
    spread = np.zeros((N, F, Hp, Wp))
    spread[:, :, :stride * H_out:stride, :stride * W_out:stride] = dout
    D = np.fft.rfft2(spread)
    X = np.fft.rfft2(x_pad)
    K = np.fft.rfft2(w, s=(Hp, Wp))

    db = dout.sum(axis=(0, 2, 3))
    # dw[f, c, k, l] = sum_{n, a, b} spread[n, f, a, b] * x_pad[n, c, a+k, b+l]
    dw_full = np.fft.irfft2(np.einsum('nfhw,nchw->fchw', np.conj(D), X), s=(Hp, Wp))
    dw = dw_full[:, :, :HH, :WW]
    # dx_pad[n, c, m, q] = sum_{f, a, b} spread[n, f, a, b] * w[f, c, m-a, q-b]
    dx_pad = np.fft.irfft2(np.einsum('nfhw,fchw->nchw', D, K), s=(Hp, Wp))

    read_h, live_h, _ = _coverage(Hp, HH, H_out, stride, pad, H)
    read_w, live_w, _ = _coverage(Wp, WW, W_out, stride, pad, W)
    dx_pad = np.where(read_h[:, None] & read_w[None, :], dx_pad, 0.0)
    dw = np.where(live_h[:, None] & live_w[None, :], dw, 0.0)
    dx = dx_pad[:, :, pad:pad + H, pad:pad + W].copy()
    return dx, dw, db


def _coverage(size_padded, kernel, n_out, stride, pad, size):
    """Along one axis: which padded positions some window reads, which kernel taps ever
    meet a real (unpadded) input position, and which windows see a real position."""
    origins = stride * np.arange(n_out)
    read = np.zeros(size_padded, dtype=bool)
    for start in origins:
        read[start:start + kernel] = True
    taps = origins[None, :] + np.arange(kernel)[:, None]          # (kernel, n_out)
    real = (taps >= pad) & (taps < pad + size)
    return read, real.any(axis=1), real.any(axis=0)


def max_pool_forward_naive(x, pool_param):
    N, C, H, W = x.shape
    ph, pw, stride = pool_param['pool_height'], pool_param['pool_width'], pool_param['stride']
    H_out, W_out = 1 + (H - ph) // stride, 1 + (W - pw) // stride
    out = np.full((N, C, H_out, W_out), -np.inf)
    for kh in range(ph):
        for kw in range(pw):
            shifted = x[:, :, kh:kh + stride * H_out:stride, kw:kw + stride * W_out:stride]
            out = np.maximum(out, shifted)
    return out, (x, pool_param)


def max_pool_backward_naive(dout, cache):
    x, pool_param = cache
    N, C, H, W = x.shape
    ph, pw, stride = pool_param['pool_height'], pool_param['pool_width'], pool_param['stride']
    H_out, W_out = dout.shape[2], dout.shape[3]
    dx = np.zeros(x.shape)
    for n in range(N):
        for c in range(C):
            for i in range(H_out):
                for j in range(W_out):
                    window = x[n, c, i * stride:i * stride + ph, j * stride:j * stride + pw]
                    r, q = divmod(int(np.argmax(window)), pw)
                    dx[n, c, i * stride + r, j * stride + q] += dout[n, c, i, j]
    return dx
