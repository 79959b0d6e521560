r"""Distance-decaying recurrent weights: ``GaussianDecay`` and ``DOGDecay``.

Both initializers place the neurons of a group on the grid of the group size and give the
pair :math:`(i, j)` a weight that decays with the distance between their positions. Neuron
``k`` of a group of size ``(n_0, n_1, ...)`` sits at the grid coordinates
``numpy.unravel_index(k, size)`` (row-major, as in :mod:`brainpy_dyn.conn`). Axis ``a``
encodes the coordinate ``c`` as the value

* ``c`` without ``encoding_values`` (the axis period is ``n_a``);
* ``low + (high - low) * c / n_a`` with the range ``(low, high)`` (period ``high - low``),

and the squared distance of two neurons is :math:`d^2 = \sum_a \delta_a^2`, where
:math:`\delta_a` is the difference of their values along axis ``a``, or, with
``periodic_boundary``, :math:`\min(\delta_a, \text{period}_a - \delta_a)`.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import Any

import jax.numpy as jnp
import numpy as np

import brainpy_math as bm
from brainpy_dyn._src.initialize.base import (
    IntraLayerInitializer,
    Shape,
    check_number,
    is_real,
    public,
    to_float_dtype,
    to_shape,
)

__all__ = ["GaussianDecay", "DOGDecay"]


def _check_bool(who: str, arg: str, value: Any) -> bool:
    if not isinstance(value, bool | np.bool_):
        raise ValueError(f"{who}: {arg} must be True or False, got {value!r}.")
    return bool(value)


def _check_ranges(who: str, encoding_values: Any) -> Any:
    """Validate ``encoding_values``: ``None``, one ``(low, high)`` or one pair per axis."""
    if encoding_values is None:
        return None

    def pair(v: Any) -> tuple[float, float] | None:
        if (
            isinstance(v, Sequence | np.ndarray)
            and len(v) == 2
            and all(is_real(x) and math.isfinite(x) for x in v)
            and v[0] < v[1]
        ):
            return float(v[0]), float(v[1])
        return None

    if isinstance(encoding_values, Sequence | np.ndarray) and len(encoding_values) > 0:
        single = pair(encoding_values)
        if single is not None:
            return single
        ranges = [pair(v) for v in encoding_values]
        if all(r is not None for r in ranges):
            return tuple(ranges)
    raise ValueError(
        f"{who}: encoding_values must be None, one (low, high) pair with low < high, or one "
        f"such pair per axis of the group size, got {encoding_values!r}."
    )


def _squared_distances(
    who: str, size: tuple[int, ...], encoding_values: Any, periodic: bool, dtype: Any
) -> np.ndarray:
    """The ``(n, n)`` squared distances between the neurons of a group of ``size``.

    Computed in ``dtype`` (float32 or float64), in place, so that a group of a few thousand
    neurons needs a few ``(n, n)`` buffers at most.
    """
    if encoding_values is None:
        ranges: list[tuple[float, float] | None] = [None] * len(size)
    elif isinstance(encoding_values[0], tuple):
        if len(encoding_values) != len(size):
            raise ValueError(
                f"{who}: encoding_values gives {len(encoding_values)} ranges for a group of "
                f"size {size} ({len(size)} axes); give one range per axis, or one for all."
            )
        ranges = list(encoding_values)
    else:
        ranges = [encoding_values] * len(size)
    n = math.prod(size)
    coords = np.unravel_index(np.arange(n), size)
    total = np.zeros((n, n), dtype=dtype)
    delta = np.empty((n, n), dtype=dtype)
    for c, length, rng in zip(coords, size, ranges, strict=True):
        if rng is None:
            values, period = c.astype(dtype), float(length)
        else:
            low, high = rng
            period = high - low
            values = (low + period * c / length).astype(dtype)
        np.subtract.outer(values, values, out=delta)
        np.abs(delta, out=delta)
        if periodic:
            np.minimum(delta, period - delta, out=delta)
        np.square(delta, out=delta)
        total += delta
    return total


class _DecayInit(IntraLayerInitializer):
    """What both decay initializers share: positions, cut-off, self-connections."""

    _who = "Decay"

    def _common(
        self,
        min_w: Any,
        encoding_values: Any,
        periodic_boundary: Any,
        normalize: Any,
        include_self: Any,
    ) -> None:
        who = self._who
        self.min_w = None if min_w is None else check_number(min_w, who, "min_w")
        self.encoding_values = _check_ranges(who, encoding_values)
        self.periodic_boundary = _check_bool(who, "periodic_boundary", periodic_boundary)
        self.normalize = _check_bool(who, "normalize", normalize)
        self.include_self = _check_bool(who, "include_self", include_self)

    def _profile(self, d2: np.ndarray) -> np.ndarray:
        raise NotImplementedError

    def __call__(self, shape: Shape, dtype: Any = None) -> bm.Array:
        """Make the ``(n, n)`` weights of a group of size ``shape`` (``n = prod(shape)``).

        Args:
          shape: the size of the group (an int or a tuple of ints: the grid's shape).
          dtype: the dtype of the result; ``None`` means :func:`brainpy_math.get_float`.

        Returns:
          A :class:`brainpy_math.Array` of shape ``(n, n)``; row ``i`` holds the weights
          from neuron ``i`` to every neuron.
        """
        size = to_shape(shape, self._who, "shape")
        if len(size) == 0:
            raise ValueError(f"{self._who}: shape must have at least one axis, got {shape!r}.")
        dtype = to_float_dtype(dtype)
        work = np.float64 if np.dtype(dtype) == np.float64 else np.float32
        d2 = _squared_distances(self._who, size, self.encoding_values, self.periodic_boundary, work)
        w = self._profile(d2)
        del d2
        if self.normalize:
            peak = np.max(np.abs(w)) if w.size else 0.0
            if peak > 0:
                w /= peak
        if self.min_w is not None:
            w[np.abs(w) < self.min_w] = 0.0
        if not self.include_self:
            np.fill_diagonal(w, 0.0)
        return bm.Array(jnp.asarray(w, dtype=dtype))


@public
class GaussianDecay(_DecayInit):
    r"""Recurrent weights that decay as a Gaussian of the distance between neurons.

    BrainPy implementation of ``brainpy.init.GaussianDecay`` (2.3.5). The weight between
    neurons ``i`` and ``j`` at squared distance :math:`d^2_{ij}` (see
    :mod:`this module <brainpy_dyn.init>` notes: grid positions, optional value ranges
    and periodic axes) is

    .. math::

        w_{ij} = w_{max} \exp\left(-\frac{d^2_{ij}}{2\sigma^2}\right).

    Args:
      sigma: the width :math:`\sigma` of the Gaussian, in encoded units (``> 0``).
      max_w: the weight :math:`w_{max}` at distance 0.
      min_w: weights smaller in magnitude than this are set to 0 (``None``: keep all).
      encoding_values: ``None`` (a neuron's value along an axis is its coordinate), one
        ``(low, high)`` range for every axis, or one range per axis: coordinate ``c`` of an
        axis of length ``n`` encodes ``low + (high - low) * c / n``.
      periodic_boundary: whether every axis wraps around (its period is ``high - low``,
        or its length).
      include_self: whether neurons keep a weight to themselves (``False``: a zero
        diagonal).
      normalize: divide the weights by their largest magnitude (then the weight at
        distance 0 is 1, whatever ``max_w``), before the ``min_w`` cut.

    Raises:
      ValueError: a non-positive ``sigma``, a non-number ``max_w``/``min_w``, malformed
        ``encoding_values`` or a flag that is not a bool.

    Examples:
      >>> import brainpy_dyn as bd
      >>> w = bd.init.GaussianDecay(sigma=1.0, max_w=2.0)(3)
      >>> w.shape
      (3, 3)
      >>> round(float(w[0, 1]), 4)  # 2 exp(-1/2)
      1.2131
    """

    _who = "GaussianDecay"

    def __init__(
        self,
        sigma: float,
        max_w: float,
        min_w: float | None = None,
        encoding_values: Any = None,
        periodic_boundary: bool = False,
        include_self: bool = True,
        normalize: bool = False,
    ):
        self.sigma = check_number(sigma, self._who, "sigma", positive=True)
        self.max_w = check_number(max_w, self._who, "max_w")
        self._common(min_w, encoding_values, periodic_boundary, normalize, include_self)

    def _arguments(self) -> dict[str, Any]:
        return {
            "sigma": self.sigma,
            "max_w": self.max_w,
            "min_w": self.min_w,
            "encoding_values": self.encoding_values,
            "periodic_boundary": self.periodic_boundary,
            "include_self": self.include_self,
            "normalize": self.normalize,
        }

    def _profile(self, d2: np.ndarray) -> np.ndarray:
        w = np.multiply(d2, -1.0 / (2.0 * self.sigma**2), dtype=d2.dtype)
        np.exp(w, out=w)
        w *= d2.dtype.type(self.max_w)
        return w


@public
class DOGDecay(_DecayInit):
    r"""Recurrent weights shaped as a difference of Gaussians ("Mexican hat") of distance.

    BrainPy implementation of ``brainpy.init.DOGDecay`` (2.3.5). With the neuron positions
    and squared distances :math:`d^2_{ij}` of :class:`GaussianDecay`,

    .. math::

        w_{ij} = w_1 \exp\left(-\frac{d^2_{ij}}{2\sigma_1^2}\right)
               - w_2 \exp\left(-\frac{d^2_{ij}}{2\sigma_2^2}\right),

    where ``sigmas = (σ1, σ2)`` and ``max_ws = (w1, w2)``: local excitation and wider
    inhibition when :math:`\sigma_1 < \sigma_2`.

    Args:
      sigmas: the two widths :math:`(\sigma_1, \sigma_2)` (``> 0``).
      max_ws: the two amplitudes :math:`(w_1, w_2)`.
      min_w: weights smaller in magnitude than this are set to 0 (``None``: keep all).
      encoding_values: as in :class:`GaussianDecay`.
      periodic_boundary: whether every axis wraps around.
      normalize: divide the weights by their largest magnitude (so it becomes 1), before
        the ``min_w`` cut.
      include_self: whether neurons keep a weight to themselves.

    Raises:
      ValueError: ``sigmas`` or ``max_ws`` not pairs of numbers (positive for
        ``sigmas``), or any argument :class:`GaussianDecay` rejects.

    Examples:
      >>> import brainpy_dyn as bd
      >>> w = bd.init.DOGDecay(sigmas=(1.0, 2.0), max_ws=(1.0, 0.5), normalize=False)(5)
      >>> round(float(w[0, 0]), 4)  # 1 - 0.5
      0.5
    """

    _who = "DOGDecay"

    def __init__(
        self,
        sigmas: Sequence[float],
        max_ws: Sequence[float],
        min_w: float | None = None,
        encoding_values: Any = None,
        periodic_boundary: bool = False,
        normalize: bool = True,
        include_self: bool = True,
    ):
        for arg, value in (("sigmas", sigmas), ("max_ws", max_ws)):
            if not isinstance(value, Sequence | np.ndarray) or len(value) != 2:
                raise ValueError(f"DOGDecay: {arg} must be a pair of numbers, got {value!r}.")
        self.sigma1 = check_number(sigmas[0], self._who, "sigmas[0]", positive=True)
        self.sigma2 = check_number(sigmas[1], self._who, "sigmas[1]", positive=True)
        self.max_w1 = check_number(max_ws[0], self._who, "max_ws[0]")
        self.max_w2 = check_number(max_ws[1], self._who, "max_ws[1]")
        self._common(min_w, encoding_values, periodic_boundary, normalize, include_self)

    def _arguments(self) -> dict[str, Any]:
        return {
            "sigmas": (self.sigma1, self.sigma2),
            "max_ws": (self.max_w1, self.max_w2),
            "min_w": self.min_w,
            "encoding_values": self.encoding_values,
            "periodic_boundary": self.periodic_boundary,
            "normalize": self.normalize,
            "include_self": self.include_self,
        }

    def _profile(self, d2: np.ndarray) -> np.ndarray:
        g1 = np.exp(np.multiply(d2, -1.0 / (2.0 * self.sigma1**2), dtype=d2.dtype))
        g1 *= d2.dtype.type(self.max_w1)
        g2 = np.exp(np.multiply(d2, -1.0 / (2.0 * self.sigma2**2), dtype=d2.dtype))
        g2 *= d2.dtype.type(self.max_w2)
        g1 -= g2
        return g1
