"""Argument normalisation and size arithmetic shared by the convolution layers.

Padding forms accepted everywhere (BrainPy 2.3.5's):

* ``'SAME'`` or ``'VALID'`` (any case);
* an int ``p``: ``(p, p)`` on every spatial dimension;
* a pair of ints ``(lo, hi)``: the **same pair on every spatial dimension** (2.3.5's rule; note
  that PyTorch reads ``padding=(1, 2)`` as one value per dimension);
* a sequence of pairs, one per spatial dimension (or one pair for all of them).
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import Any

import numpy as np

from brainpy_layers._src.errors import (
    LayerArgumentError,
    LayerArgumentTypeError,
    LayerInputShapeError,
)

__all__ = [
    "PaddingLike",
    "Pads",
    "AXES",
    "DIMENSION_NUMBERS",
    "replicate",
    "normalize_padding",
    "conv_output_size",
    "transpose_padding",
    "explicit_padding",
    "check_input",
    "check_groups",
]

PaddingLike = str | int | Sequence[int] | Sequence[Sequence[int]]
"""What a ``padding`` argument may be (see the module docstring)."""

Pads = str | tuple[tuple[int, int], ...]
"""A normalised padding: ``'SAME'``, ``'VALID'`` or one ``(lo, hi)`` pair per dimension."""

AXES = {1: ("W",), 2: ("H", "W"), 3: ("D", "H", "W")}
"""The names of the spatial axes of 1-, 2- and 3-D layers."""

DIMENSION_NUMBERS = {
    1: ("NWC", "WIO", "NWC"),
    2: ("NHWC", "HWIO", "NHWC"),
    3: ("NDHWC", "DHWIO", "NDHWC"),
}
"""Channels-last ``lax`` dimension numbers (input, kernel, output) per spatial rank."""


def _is_int(x: Any) -> bool:
    return isinstance(x, int | np.integer) and not isinstance(x, bool)


def replicate(value: Any, n: int, layer: str, arg: str, minimum: int = 1) -> tuple[int, ...]:
    """``value`` (an int, or a sequence of 1 or ``n`` ints) as a tuple of ``n`` ints.

    Raises:
      LayerArgumentTypeError: ``value`` is neither an int nor a sequence of ints.
      LayerArgumentError: the sequence has neither 1 nor ``n`` entries, or an entry is below
        ``minimum``.
    """
    if _is_int(value):
        items: tuple[Any, ...] = (value,) * n
    elif isinstance(value, Sequence) and not isinstance(value, str):
        items = tuple(value)
        if not all(_is_int(v) for v in items):
            raise LayerArgumentTypeError(
                f"{layer}: {arg} must be an int or a sequence of ints, got {value!r}."
            )
        if len(items) == 1:
            items = items * n
        elif len(items) != n:
            raise LayerArgumentError(
                f"{layer}: {arg} must be an int or a sequence of 1 or {n} ints (one per "
                f"spatial dimension), got {value!r} of length {len(items)}."
            )
    else:
        raise LayerArgumentTypeError(
            f"{layer}: {arg} must be an int or a sequence of ints, got "
            f"{type(value).__name__}: {value!r}."
        )
    if any(v < minimum for v in items):
        raise LayerArgumentError(f"{layer}: {arg} must be >= {minimum} everywhere, got {value!r}.")
    return tuple(int(v) for v in items)


def _is_pair(x: Any) -> bool:
    return (
        isinstance(x, Sequence)
        and not isinstance(x, str)
        and len(x) == 2
        and all(_is_int(v) for v in x)
    )


def normalize_padding(padding: Any, n: int, layer: str) -> Pads:
    """``padding`` as ``'SAME'``, ``'VALID'`` or ``n`` pairs ``(lo, hi)`` of ints >= 0.

    Raises:
      LayerArgumentTypeError: ``padding`` has none of the accepted forms.
      LayerArgumentError: an unknown string, a negative amount or a sequence of pairs of the
        wrong length.
    """
    if isinstance(padding, str):
        name = padding.upper()
        if name not in ("SAME", "VALID"):
            raise LayerArgumentError(
                f"{layer}: padding must be 'SAME', 'VALID', an int, a pair (lo, hi) or a "
                f"sequence of {n} pairs, got {padding!r}."
            )
        return name
    if _is_int(padding):
        pairs: tuple[Any, ...] = ((padding, padding),) * n
    elif _is_pair(padding):
        pairs = (tuple(padding),) * n
    elif isinstance(padding, Sequence) and padding and all(_is_pair(p) for p in padding):
        pairs = tuple(tuple(p) for p in padding)
        if len(pairs) == 1:
            pairs = pairs * n
        elif len(pairs) != n:
            raise LayerArgumentError(
                f"{layer}: padding must hold 1 or {n} (lo, hi) pairs (one per spatial "
                f"dimension), got {padding!r} with {len(pairs)} pairs."
            )
    else:
        raise LayerArgumentTypeError(
            f"{layer}: padding must be 'SAME', 'VALID', an int, a pair (lo, hi) of ints or a "
            f"sequence of {n} pairs, got {type(padding).__name__}: {padding!r}."
        )
    if any(v < 0 for pair in pairs for v in pair):
        raise LayerArgumentError(f"{layer}: padding must be >= 0, got {padding!r}.")
    return tuple((int(lo), int(hi)) for lo, hi in pairs)


def conv_output_size(
    size: int,
    kernel: int,
    stride: int,
    padding: str | tuple[int, int],
    lhs_dilation: int = 1,
    rhs_dilation: int = 1,
) -> int:
    """The output length of a convolution along one spatial dimension.

    With ``L = (size - 1) * lhs_dilation + 1`` and ``K = (kernel - 1) * rhs_dilation + 1``:
    ``'SAME'`` gives ``ceil(L / stride)``, ``'VALID'`` gives ``ceil((L - K + 1) / stride)``
    and ``(lo, hi)`` gives ``floor((L + lo + hi - K) / stride) + 1``.

    Examples:
      >>> conv_output_size(8, 3, 2, 'SAME'), conv_output_size(8, 3, 1, (1, 1))
      (4, 8)
    """
    dilated = (size - 1) * lhs_dilation + 1 if size > 0 else 0
    k = (kernel - 1) * rhs_dilation + 1
    if isinstance(padding, str):
        if padding == "SAME":
            return math.ceil(dilated / stride)
        return max(math.ceil((dilated - k + 1) / stride), 0)
    lo, hi = padding
    return max((dilated + lo + hi - k) // stride + 1, 0)


def explicit_padding(
    size: int, kernel: int, stride: int, padding: str, lhs_dilation: int, rhs_dilation: int
) -> tuple[int, int]:
    """The ``(lo, hi)`` pair that ``'SAME'`` or ``'VALID'`` stands for along one dimension.

    ``lax.conv_general_dilated`` accepts strings only without input dilation, so the layers
    spell them out when ``lhs_dilation > 1``: ``'VALID'`` is ``(0, 0)``; ``'SAME'`` pads the
    dilated input to ``(ceil(L / stride) - 1) * stride + K`` rows, the odd row at the end.

    Examples:
      >>> explicit_padding(4, 3, 1, 'SAME', 2, 1), explicit_padding(5, 4, 2, 'SAME', 1, 1)
      ((1, 1), (1, 2))
    """
    if padding == "VALID":
        return 0, 0
    dilated = (size - 1) * lhs_dilation + 1
    k = (kernel - 1) * rhs_dilation + 1
    total = max((math.ceil(dilated / stride) - 1) * stride + k - dilated, 0)
    return total // 2, total - total // 2


def transpose_padding(
    kernel: int, stride: int, dilation: int, padding: str | tuple[int, int], output_padding: int
) -> tuple[int, int]:
    """The ``lax`` padding of the stride-dilated input that gives a transposed convolution.

    A transposed convolution here is ``lax.conv_general_dilated`` with ``lhs_dilation=stride``,
    ``rhs_dilation=dilation``, unit window strides and the returned ``(lo, hi)`` padding:

    * numeric ``(p_lo, p_hi)`` in PyTorch's meaning (rows cropped from the full output):
      ``(K - 1 - p_lo, K - 1 - p_hi + output_padding)`` with ``K = dilation * (kernel - 1) + 1``,
      so the output length is ``(in - 1) * stride - p_lo - p_hi + K + output_padding``;
    * ``'SAME'`` and ``'VALID'``: the padding of :func:`jax.lax.conv_transpose` (BrainPy
      2.3.5), output length ``in * stride`` and ``in * stride + max(K - stride, 0)``.

    Examples:
      >>> transpose_padding(3, 2, 1, (1, 1), 1)
      (1, 2)
      >>> transpose_padding(3, 1, 1, 'SAME', 0), transpose_padding(3, 1, 1, 'VALID', 0)
      ((1, 1), (2, 2))
    """
    k = dilation * (kernel - 1) + 1
    if isinstance(padding, str):
        if padding == "SAME":
            total = k + stride - 2
            lo = k - 1 if stride > k - 1 else math.ceil(total / 2)
            return lo, total - lo
        total = k + stride - 2 + max(k - stride, 0)
        return k - 1, total - (k - 1)
    p_lo, p_hi = padding
    return k - 1 - p_lo, k - 1 - p_hi + output_padding


def check_input(
    layer: str,
    shape: tuple[int, ...],
    batching: bool,
    mode_name: str,
    n: int,
    channels: int,
    spatial: tuple[int, ...] | None = None,
) -> None:
    """Check a channels-last input shape: rank, channel count and (optionally) spatial shape.

    Raises:
      LayerInputShapeError: the message names the layer, the expected layout and the shape.
    """
    axes = (("N",) if batching else ()) + AXES[n] + ("C",)
    layout = f"({', '.join(axes)})"
    if len(shape) != len(axes):
        raise LayerInputShapeError(
            f"{layer}: expected input of rank {len(axes)} {layout} in {mode_name}, got shape "
            f"{tuple(shape)}."
        )
    if shape[-1] != channels:
        raise LayerInputShapeError(
            f"{layer}: expected {channels} input channels (the last axis of {layout}), got "
            f"shape {tuple(shape)}."
        )
    got = tuple(shape[1:-1] if batching else shape[:-1])
    if spatial is not None and got != tuple(spatial):
        raise LayerInputShapeError(
            f"{layer}: expected the spatial shape {tuple(spatial)} (input_shape) in {layout}, "
            f"got shape {tuple(shape)}."
        )


def check_groups(layer: str, groups: Any, **channels: int) -> int:
    """Check that ``groups`` is a positive int dividing every given channel count.

    Raises:
      LayerArgumentTypeError: ``groups`` is not an int.
      LayerArgumentError: ``groups < 1`` or it does not divide a channel count.
    """
    if not _is_int(groups):
        raise LayerArgumentTypeError(
            f"{layer}: groups must be an int, got {type(groups).__name__}: {groups!r}."
        )
    if groups < 1:
        raise LayerArgumentError(f"{layer}: groups must be >= 1, got {groups}.")
    for arg, count in channels.items():
        if not _is_int(count) or count < 1:
            raise LayerArgumentError(f"{layer}: {arg} must be a positive int, got {count!r}.")
        if count % groups:
            raise LayerArgumentError(
                f"{layer}: {arg}={count} must be divisible by groups={groups}."
            )
    return int(groups)
