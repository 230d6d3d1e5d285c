"""Convolution and max-pooling layers, written with loops (cs231n assignment 2).

Fill in each function between its START and END lines, then test your work with
`grader check` (or the checks in the ConvolutionalNetworks notebook).
"""
from builtins import range

import numpy as np


def conv_forward_naive(x, w, b, conv_param):
    """Forward pass of a convolutional layer, written with loops.

    The input has N data points, each with C channels, height H and width W. Each of the
    F filters spans all C channels and has height HH and width WW. The layer computes a
    cross-correlation (the filter is not flipped):

        out[n, f, i, j] = sum(x_pad[n, :, i*s : i*s + HH, j*s : j*s + WW] * w[f]) + b[f]

    where x_pad is x padded with `pad` zeros on all four sides and s is the stride.

    Inputs:
    - x: Input data of shape (N, C, H, W), float64
    - w: Filter weights of shape (F, C, HH, WW)
    - b: Biases of shape (F,)
    - conv_param: A dictionary with the following keys:
      - 'stride': The number of pixels between adjacent receptive fields in the
        horizontal and vertical directions, an integer >= 1.
      - 'pad': The number of pixels that will be used to zero-pad the input on all
        four sides, an integer >= 0. pad = 0 is valid and means no padding.

    The output sizes use floor division; rows and columns that no window reaches are
    ignored:
      H' = 1 + (H + 2 * pad - HH) // stride
      W' = 1 + (W + 2 * pad - WW) // stride
    Inputs, kernels and strides need not be square: keep heights and widths apart.

    Do not modify the inputs: not x, w or b (use np.pad, which returns a new array), not
    conv_param (add no keys).

    Returns a tuple of:
    - out: Output data, of shape (N, F, H', W'), float64
    - cache: (x, w, b, conv_param), the values conv_backward_naive needs
    """
    out = None
    ###########################################################################
    # TODO: Implement the convolutional forward pass.                         #
    # Hint: np.pad with mode='constant' pads with zeros. Compute H' and W'    #
    # with integer division (//) so that they are ints.                       #
    ###########################################################################
    # *****START OF YOUR CODE (DO NOT DELETE/MODIFY THIS LINE)*****

    raise NotImplementedError(
        "conv_forward_naive is not implemented yet: write it in layers.py between its START and END lines"
    )

    # *****END OF YOUR CODE (DO NOT DELETE/MODIFY THIS LINE)*****
    ###########################################################################
    #                             END OF YOUR CODE                            #
    ###########################################################################
    cache = (x, w, b, conv_param)
    return out, cache


def conv_backward_naive(dout, cache):
    """Backward pass of a convolutional layer, written with loops.

    Inputs:
    - dout: Upstream derivatives, of shape (N, F, H', W')
    - cache: The cache conv_forward_naive returned, (x, w, b, conv_param)

    Every input pixel that a window covers receives, for every output that window
    produces, that output's upstream derivative times the matching filter weight; pixels
    covered by several windows add up their contributions (+=, not =). The padding is not
    part of x: cut it off the gradient with explicit bounds, x_pad[..., pad:pad + H, ...],
    because x_pad[..., pad:-pad, ...] is empty when pad = 0. Rows and columns that no
    window reaches get a zero gradient.

    Do not modify dout or anything in the cache.

    Returns a tuple of:
    - dx: Gradient with respect to x, of shape (N, C, H, W)
    - dw: Gradient with respect to w, of shape (F, C, HH, WW), summed over the batch
    - db: Gradient with respect to b, of shape (F,), summed over the batch
    """
    dx, dw, db = None, None, None
    ###########################################################################
    # TODO: Implement the convolutional backward pass.                        #
    ###########################################################################
    # *****START OF YOUR CODE (DO NOT DELETE/MODIFY THIS LINE)*****

    raise NotImplementedError(
        "conv_backward_naive is not implemented yet: write it in layers.py between its START and END lines"
    )

    # *****END OF YOUR CODE (DO NOT DELETE/MODIFY THIS LINE)*****
    ###########################################################################
    #                             END OF YOUR CODE                            #
    ###########################################################################
    return dx, dw, db


def max_pool_forward_naive(x, pool_param):
    """Forward pass of a max-pooling layer, written with loops.

    Each output is the maximum of one pool_height x pool_width window of one channel:

        out[n, c, i, j] = max(x[n, c, i*s : i*s + pool_height, j*s : j*s + pool_width])

    There is no padding. Windows may overlap (stride < pool size), touch, or leave gaps
    (stride > pool size); pools need not be square.

    Inputs:
    - x: Input data, of shape (N, C, H, W)
    - pool_param: A dictionary with the following keys:
      - 'pool_height': The height of each pooling region
      - 'pool_width': The width of each pooling region
      - 'stride': The distance between adjacent pooling regions, an integer >= 1

    The output sizes use floor division; rows and columns that no window reaches are
    ignored:
      H' = 1 + (H - pool_height) // stride
      W' = 1 + (W - pool_width) // stride

    Do not modify x or pool_param.

    Returns a tuple of:
    - out: Output data, of shape (N, C, H', W'), the maxima (not their positions)
    - cache: (x, pool_param), the values max_pool_backward_naive needs
    """
    out = None
    ###########################################################################
    # TODO: Implement the max-pooling forward pass.                           #
    ###########################################################################
    # *****START OF YOUR CODE (DO NOT DELETE/MODIFY THIS LINE)*****

    raise NotImplementedError(
        "max_pool_forward_naive is not implemented yet: write it in layers.py between its START and END lines"
    )

    # *****END OF YOUR CODE (DO NOT DELETE/MODIFY THIS LINE)*****
    ###########################################################################
    #                             END OF YOUR CODE                            #
    ###########################################################################
    cache = (x, pool_param)
    return out, cache


def max_pool_backward_naive(dout, cache):
    """Backward pass of a max-pooling layer, written with loops.

    Inputs:
    - dout: Upstream derivatives, of shape (N, C, H', W')
    - cache: The cache max_pool_forward_naive returned, (x, pool_param)

    Each window sends its upstream derivative to the element that holds its maximum.
    Where windows overlap, an element can be the maximum of several windows: add up
    their derivatives (+=, not =). Ties: when several elements of one window equal its
    maximum, the window's derivative goes only to those elements and adds up to the
    upstream value: give it all to one of them (the first, as np.argmax does) or split it
    evenly, but never give the full value to each of them. Elements that are no window's
    maximum, and rows and columns that no window reaches, get zero.

    Do not modify dout or anything in the cache.

    Returns:
    - dx: Gradient with respect to x, of shape (N, C, H, W)
    """
    dx = None
    ###########################################################################
    # TODO: Implement the max-pooling backward pass.                          #
    ###########################################################################
    # *****START OF YOUR CODE (DO NOT DELETE/MODIFY THIS LINE)*****

    raise NotImplementedError(
        "max_pool_backward_naive is not implemented yet: write it in layers.py between its START and END lines"
    )

    # *****END OF YOUR CODE (DO NOT DELETE/MODIFY THIS LINE)*****
    ###########################################################################
    #                             END OF YOUR CODE                            #
    ###########################################################################
    return dx
