"""Variance-scaling initializers: Xavier (Glorot), Kaiming (He) and LeCun."""

from __future__ import annotations

import math
from typing import Any

import brainpy_math as bm
from brainpy_dyn._src.initialize.base import (
    Shape,
    as_array,
    check_number,
    public,
    to_float_dtype,
    to_shape,
)
from brainpy_dyn._src.initialize.random_inits import RandomInitializer

__all__ = [
    "compute_fans",
    "VarianceScaling",
    "XavierNormal",
    "XavierUniform",
    "KaimingNormal",
    "KaimingUniform",
    "LecunNormal",
    "LecunUniform",
]

_MODES = ("fan_in", "fan_out", "fan_avg")
_DISTRIBUTIONS = ("truncated_normal", "normal", "uniform")
# Standard deviation of a standard normal truncated to [-2, 2].
_TRUNC_STD = 0.87962566103423978


@public
def compute_fans(shape: Shape, in_axis: int = -2, out_axis: int = -1) -> tuple[float, float]:
    """The fan-in and fan-out of a weight of shape ``shape``.

    ``fan_in = shape[in_axis] * receptive_field`` and
    ``fan_out = shape[out_axis] * receptive_field``, where the receptive field is the
    product of all other dimensions (the kernel size of a convolution).

    Args:
      shape: the weight shape, at least 2-D.
      in_axis: the axis of the input features.
      out_axis: the axis of the output features.

    Returns:
      ``(fan_in, fan_out)``.

    Raises:
      ValueError: ``shape`` has fewer than 2 dimensions, an axis is out of range or
        both axes are the same.

    Examples:
      >>> from brainpy_dyn.init import compute_fans
      >>> compute_fans((3, 3, 16, 32))  # a 3x3 conv kernel, 16 -> 32 channels
      (144.0, 288.0)
    """
    shape = to_shape(shape, "compute_fans")
    ndim = len(shape)
    if ndim < 2:
        raise ValueError(
            f"variance scaling needs a shape with at least 2 dimensions (in and out), "
            f"got shape={shape}."
        )
    for name, ax in (("in_axis", in_axis), ("out_axis", out_axis)):
        if not -ndim <= ax < ndim:
            raise ValueError(f"{name}={ax} is out of range for shape {shape}.")
    if in_axis % ndim == out_axis % ndim:
        raise ValueError(f"in_axis={in_axis} and out_axis={out_axis} are the same axis.")
    receptive = math.prod(shape) / (shape[in_axis] * shape[out_axis]) if math.prod(shape) else 0
    return float(shape[in_axis] * receptive), float(shape[out_axis] * receptive)


@public
class VarianceScaling(RandomInitializer):
    """Initialize with a variance that scales with the fans of the weight.

    BrainPy implementation of ``brainpy.init.VarianceScaling`` (2.3.5), the same
    rule as :func:`jax.nn.initializers.variance_scaling`: the target variance is
    ``scale / n`` with ``n`` = fan-in, fan-out or their mean (``mode``), fans counted
    with the receptive field (:func:`compute_fans`). Samples are then

    * ``'truncated_normal'``: standard normal truncated to ``[-2, 2]`` times
      ``sqrt(variance) / 0.87962566`` (the std of that truncated normal);
    * ``'normal'``: normal with std ``sqrt(variance)``;
    * ``'uniform'``: uniform on ``[-sqrt(3 variance), sqrt(3 variance))``.

    Args:
      scale: the scaling factor (``> 0``).
      mode: ``'fan_in'``, ``'fan_out'`` or ``'fan_avg'``.
      distribution: ``'truncated_normal'``, ``'normal'`` or ``'uniform'``.
      in_axis: the axis of the input features.
      out_axis: the axis of the output features.
      seed: ``None`` draws from ``brainpy_math.random.DEFAULT``; an int gives the
        initializer its own generator.

    Raises:
      ValueError: an argument is not one of the allowed values (at construction), or
        the requested shape is not at least 2-D (at call).

    Examples:
      >>> import brainpy_dyn as bd
      >>> init = bd.init.VarianceScaling(2., 'fan_in', 'normal', seed=0)
      >>> init((64, 32)).shape
      (64, 32)
    """

    def __init__(
        self,
        scale: float,
        mode: str,
        distribution: str,
        in_axis: int = -2,
        out_axis: int = -1,
        seed: int | None = None,
    ):
        name = type(self).__name__
        self.scale = check_number(scale, name, "scale", positive=True)
        if mode not in _MODES:
            raise ValueError(f"{name}: mode must be one of {_MODES}, got {mode!r}.")
        if distribution not in _DISTRIBUTIONS:
            raise ValueError(
                f"{name}: distribution must be one of {_DISTRIBUTIONS}, got {distribution!r}."
            )
        for arg, ax in (("in_axis", in_axis), ("out_axis", out_axis)):
            if isinstance(ax, bool) or not isinstance(ax, int):
                raise ValueError(f"{name}: {arg} must be an int, got {ax!r}.")
        self.mode = mode
        self.distribution = distribution
        self.in_axis = in_axis
        self.out_axis = out_axis
        super().__init__(seed)

    def _arguments(self) -> dict[str, Any]:
        return {
            "scale": self.scale,
            "mode": self.mode,
            "distribution": self.distribution,
            "in_axis": self.in_axis,
            "out_axis": self.out_axis,
            "seed": self.seed,
        }

    def variance(self, shape: Shape) -> float:
        """The target variance of the samples for a weight of shape ``shape``."""
        fan_in, fan_out = compute_fans(shape, self.in_axis, self.out_axis)
        denominator = {"fan_in": fan_in, "fan_out": fan_out, "fan_avg": (fan_in + fan_out) / 2}
        n = denominator[self.mode]
        if n == 0:
            raise ValueError(f"{type(self).__name__}: shape {shape} has a zero {self.mode}.")
        return self.scale / n

    def __call__(self, shape: Shape, dtype: Any = None) -> bm.Array:
        shape = to_shape(shape, type(self).__name__)
        variance = self.variance(shape)
        if self.distribution == "truncated_normal":
            std = math.sqrt(variance) / _TRUNC_STD
            x = self.rng.truncated_normal(-2.0, 2.0, size=shape, scale=std)  # one program
        elif self.distribution == "normal":
            x = self.rng.normal(loc=0.0, scale=math.sqrt(variance), size=shape)
        else:
            limit = math.sqrt(3.0 * variance)
            x = self.rng.uniform(low=-limit, high=limit, size=shape)
        return as_array(x, shape, to_float_dtype(dtype))


@public
class XavierNormal(VarianceScaling):
    """Xavier (Glorot) normal initializer.

    BrainPy implementation of ``brainpy.init.XavierNormal`` (2.3.5): :class:`VarianceScaling`
    with the defaults ``scale=1.0``, ``mode='fan_avg'``, ``distribution='truncated_normal'``.

    Examples:
      >>> import brainpy_dyn as bd
      >>> bd.init.XavierNormal(seed=0)((3, 3, 4, 8)).shape
      (3, 3, 4, 8)
    """

    def __init__(
        self,
        scale: float = 1.0,
        mode: str = "fan_avg",
        distribution: str = "truncated_normal",
        in_axis: int = -2,
        out_axis: int = -1,
        seed: int | None = None,
    ):
        super().__init__(scale, mode, distribution, in_axis, out_axis, seed)


@public
class XavierUniform(VarianceScaling):
    """Xavier (Glorot) uniform initializer.

    BrainPy implementation of ``brainpy.init.XavierUniform`` (2.3.5): :class:`VarianceScaling`
    with the defaults ``scale=1.0``, ``mode='fan_avg'``, ``distribution='uniform'``.

    Examples:
      >>> import brainpy_dyn as bd
      >>> bd.init.XavierUniform(seed=0)((3, 3, 4, 8)).shape
      (3, 3, 4, 8)
    """

    def __init__(
        self,
        scale: float = 1.0,
        mode: str = "fan_avg",
        distribution: str = "uniform",
        in_axis: int = -2,
        out_axis: int = -1,
        seed: int | None = None,
    ):
        super().__init__(scale, mode, distribution, in_axis, out_axis, seed)


@public
class KaimingNormal(VarianceScaling):
    """Kaiming (He) normal initializer.

    BrainPy implementation of ``brainpy.init.KaimingNormal`` (2.3.5): :class:`VarianceScaling`
    with the defaults ``scale=2.0``, ``mode='fan_in'``, ``distribution='truncated_normal'``.

    Examples:
      >>> import brainpy_dyn as bd
      >>> bd.init.KaimingNormal(seed=0)((3, 3, 4, 8)).shape
      (3, 3, 4, 8)
    """

    def __init__(
        self,
        scale: float = 2.0,
        mode: str = "fan_in",
        distribution: str = "truncated_normal",
        in_axis: int = -2,
        out_axis: int = -1,
        seed: int | None = None,
    ):
        super().__init__(scale, mode, distribution, in_axis, out_axis, seed)


@public
class KaimingUniform(VarianceScaling):
    """Kaiming (He) uniform initializer.

    BrainPy implementation of ``brainpy.init.KaimingUniform`` (2.3.5): :class:`VarianceScaling`
    with the defaults ``scale=2.0``, ``mode='fan_in'``, ``distribution='uniform'``.

    Examples:
      >>> import brainpy_dyn as bd
      >>> bd.init.KaimingUniform(seed=0)((3, 3, 4, 8)).shape
      (3, 3, 4, 8)
    """

    def __init__(
        self,
        scale: float = 2.0,
        mode: str = "fan_in",
        distribution: str = "uniform",
        in_axis: int = -2,
        out_axis: int = -1,
        seed: int | None = None,
    ):
        super().__init__(scale, mode, distribution, in_axis, out_axis, seed)


@public
class LecunNormal(VarianceScaling):
    """LeCun normal initializer.

    BrainPy implementation of ``brainpy.init.LecunNormal`` (2.3.5): :class:`VarianceScaling`
    with the defaults ``scale=1.0``, ``mode='fan_in'``, ``distribution='truncated_normal'``.

    Examples:
      >>> import brainpy_dyn as bd
      >>> bd.init.LecunNormal(seed=0)((3, 3, 4, 8)).shape
      (3, 3, 4, 8)
    """

    def __init__(
        self,
        scale: float = 1.0,
        mode: str = "fan_in",
        distribution: str = "truncated_normal",
        in_axis: int = -2,
        out_axis: int = -1,
        seed: int | None = None,
    ):
        super().__init__(scale, mode, distribution, in_axis, out_axis, seed)


@public
class LecunUniform(VarianceScaling):
    """LeCun uniform initializer.

    BrainPy implementation of ``brainpy.init.LecunUniform`` (2.3.5): :class:`VarianceScaling`
    with the defaults ``scale=1.0``, ``mode='fan_in'``, ``distribution='uniform'``.

    Examples:
      >>> import brainpy_dyn as bd
      >>> bd.init.LecunUniform(seed=0)((3, 3, 4, 8)).shape
      (3, 3, 4, 8)
    """

    def __init__(
        self,
        scale: float = 1.0,
        mode: str = "fan_in",
        distribution: str = "uniform",
        in_axis: int = -2,
        out_axis: int = -1,
        seed: int | None = None,
    ):
        super().__init__(scale, mode, distribution, in_axis, out_axis, seed)
