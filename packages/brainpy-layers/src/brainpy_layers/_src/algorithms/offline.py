"""Offline fitting algorithms: solve readout weights from all the collected data at once.

An offline algorithm is called as ``method(targets, inputs, outputs=None)`` with 2-D
``inputs`` ``(num_sample, num_in)`` and ``targets`` ``(num_sample, num_out)`` (higher-rank
data are flattened to 2-D over the leading axes) and returns the weights
``(num_in, num_out)`` that map the inputs to the targets.
"""

from __future__ import annotations

import math
from typing import Any

import jax
import jax.numpy as jnp

import brainpy_math as bm
from brainpy_layers._src.train.errors import TrainerArgumentError, TrainerArgumentTypeError

__all__ = [
    "OfflineAlgorithm",
    "LinearRegression",
    "RidgeRegression",
    "get_supported_offline_methods",
    "get_offline_method",
]


def as_2d(x: Any, name: str, owner: str) -> jax.Array:
    """``x`` as a 2-D JAX array ``(samples, features)``, leading axes flattened."""
    x = jnp.asarray(bm.as_jax(x))
    if x.ndim < 2:
        raise TrainerArgumentError(
            f"{owner}: {name} must be at least 2-D (samples, features), got shape {tuple(x.shape)}."
        )
    return x.reshape(-1, x.shape[-1])


class OfflineAlgorithm:
    """Base class of the offline fitting algorithms.

    BrainPy implementation of ``brainpy.algorithms.OfflineAlgorithm`` (2.3.5). Subclasses
    implement :meth:`call`.

    Args:
      name: a name for the algorithm (the class name by default).

    Examples:
      >>> import jax.numpy as jnp
      >>> from brainpy_layers import algorithms
      >>> class Zero(algorithms.OfflineAlgorithm):
      ...     def call(self, targets, inputs, outputs=None):
      ...         return jnp.zeros((inputs.shape[-1], targets.shape[-1]))
      >>> Zero()(jnp.ones((5, 2)), jnp.ones((5, 3))).shape
      (3, 2)
    """

    def __init__(self, name: str | None = None):
        self.name = type(self).__name__ if name is None else str(name)

    def __call__(self, targets: Any, inputs: Any, outputs: Any = None) -> jax.Array:
        """Fit: the weights ``(num_in, num_out)`` mapping ``inputs`` to ``targets``.

        Args:
          targets: the desired outputs, ``(num_sample, num_out)`` (or more leading axes).
          inputs: the inputs, ``(num_sample, num_in)`` (or more leading axes).
          outputs: the current outputs (unused by the regressions).

        Returns:
          The weights, a JAX array of shape ``(num_in, num_out)``.

        Raises:
          TrainerArgumentError: data of rank below 2, or disagreeing sample counts.
        """
        owner = type(self).__name__
        x = as_2d(inputs, "inputs", owner)
        y = as_2d(targets, "targets", owner)
        if x.shape[0] != y.shape[0]:
            raise TrainerArgumentError(
                f"{owner}: inputs and targets must have the same number of samples, got "
                f"inputs {tuple(x.shape)} and targets {tuple(y.shape)} (flattened to 2-D)."
            )
        return self.call(y, x, outputs)

    def call(self, targets: jax.Array, inputs: jax.Array, outputs: Any = None) -> jax.Array:
        """Solve for the weights from 2-D ``targets`` and ``inputs``; subclasses implement it."""
        raise NotImplementedError(f"{type(self).__name__} must implement call().")

    def __repr__(self) -> str:
        return f"{type(self).__name__}()"


class LinearRegression(OfflineAlgorithm):
    """Least-squares regression: the ``W`` minimising ``||X W - Y||²``.

    BrainPy implementation of ``brainpy.algorithms.LinearRegression`` (2.3.5), solved by
    :func:`jax.numpy.linalg.lstsq` (the minimum-norm solution when ``X`` is rank-deficient).

    Args:
      name: a name for the algorithm.

    Examples:
      >>> import numpy as np
      >>> from brainpy_layers import algorithms
      >>> x = np.array([[1., 0.], [0., 1.], [1., 1.]], np.float32)
      >>> y = x @ np.array([[2.], [-1.]], np.float32)
      >>> np.round(algorithms.LinearRegression()(y, x), 4)
      Array([[ 2.],
             [-1.]], dtype=float32)
    """

    def call(self, targets: jax.Array, inputs: jax.Array, outputs: Any = None) -> jax.Array:
        """Return ``lstsq(inputs, targets)``."""
        return jnp.linalg.lstsq(inputs, targets)[0]


class RidgeRegression(OfflineAlgorithm):
    r"""Ridge regression (Tikhonov regularisation): :math:`W = (X^T X + \alpha I)^{-1} X^T Y`.

    BrainPy implementation of ``brainpy.algorithms.RidgeRegression`` (2.3.5).

    Args:
      alpha: the regularisation coefficient, a finite number >= 0.
      name: a name for the algorithm.

    Raises:
      TrainerArgumentError: a negative or non-finite ``alpha``.

    Note:
      2.3.5 multiplied with the pseudo-inverse of :math:`X^T X + \alpha I`; this computes
      the same closed form through the SVD of :math:`X` (stabler in float32, where
      :math:`X^T X` loses half the digits), and uses ``lstsq`` for ``alpha == 0``. Its
      ``beta`` and gradient-descent options are not provided.

    Examples:
      >>> import numpy as np
      >>> from brainpy_layers import algorithms
      >>> x = np.array([[1., 0.], [0., 1.], [1., 1.]], np.float32)
      >>> y = np.array([[1.], [2.], [3.]], np.float32)
      >>> w = algorithms.RidgeRegression(alpha=0.5)(y, x)
      >>> ref = np.linalg.solve(x.T @ x + 0.5 * np.eye(2), x.T @ y)
      >>> bool(np.allclose(w, ref, atol=1e-5))
      True
    """

    def __init__(self, alpha: float = 1e-7, name: str | None = None):
        super().__init__(name)
        if (
            isinstance(alpha, bool)
            or not isinstance(alpha, (int, float))
            or not math.isfinite(alpha)
            or alpha < 0
        ):
            raise TrainerArgumentError(
                f"RidgeRegression: alpha must be a finite number >= 0, got {alpha!r}."
            )
        self.alpha = float(alpha)

    def call(self, targets: jax.Array, inputs: jax.Array, outputs: Any = None) -> jax.Array:
        """Return ``(XᵀX + αI)⁻¹ XᵀY`` (``lstsq`` when ``alpha`` is 0)."""
        if self.alpha == 0:
            return jnp.linalg.lstsq(inputs, targets)[0]
        # Through the SVD X = U S Vᵀ: W = V diag(s / (s² + α)) Uᵀ Y, the same closed form
        # without forming XᵀX, whose squared condition number float32 cannot hold.
        u, sv, vt = jnp.linalg.svd(inputs, full_matrices=False)
        return vt.T @ ((sv / (sv**2 + self.alpha))[:, None] * (u.T @ targets))

    def __repr__(self) -> str:
        return f"RidgeRegression(alpha={self.alpha})"


_METHODS: dict[str, type[OfflineAlgorithm]] = {
    "linear": LinearRegression,
    "lstsq": LinearRegression,
    "ridge": RidgeRegression,
}


def get_supported_offline_methods() -> tuple[str, ...]:
    """The names that ``OfflineTrainer(fit_method=...)`` accepts.

    Examples:
      >>> from brainpy_layers import algorithms
      >>> algorithms.get_supported_offline_methods()
      ('linear', 'lstsq', 'ridge')
    """
    return tuple(_METHODS)


def get_offline_method(method: Any, owner: str = "OfflineTrainer") -> Any:
    """An offline algorithm from a name, a ``{'name': ..., **kwargs}`` dict or a callable.

    Args:
      method: ``None`` (ridge regression, ``alpha=1e-7``), a name from
        :func:`get_supported_offline_methods`, a dict ``{'name': name, **init_kwargs}``, an
        :class:`OfflineAlgorithm` or any callable ``f(targets, inputs, outputs)``.
      owner: who asks (for error messages).

    Returns:
      The callable algorithm.

    Raises:
      TrainerArgumentError: an unknown name.
      TrainerArgumentTypeError: anything else that is not callable.

    Examples:
      >>> from brainpy_layers import algorithms
      >>> algorithms.get_offline_method({'name': 'ridge', 'alpha': 0.1})
      RidgeRegression(alpha=0.1)
    """
    if method is None:
        return RidgeRegression(alpha=1e-7)
    if isinstance(method, dict):
        kwargs = dict(method)
        name = kwargs.pop("name", None)
        return _by_name(name, owner)(**kwargs)
    if isinstance(method, str):
        return _by_name(method, owner)()
    if not callable(method):
        raise TrainerArgumentTypeError(
            f"{owner}: fit_method must be an OfflineAlgorithm, a callable f(targets, inputs, "
            f"outputs), a name in {list(_METHODS)} or a dict, got {type(method).__name__}."
        )
    return method


def _by_name(name: Any, owner: str) -> type[OfflineAlgorithm]:
    if name not in _METHODS:
        raise TrainerArgumentError(
            f"{owner}: fit_method name must be one of {list(_METHODS)}, got {name!r}."
        )
    return _METHODS[name]


for _obj in (
    OfflineAlgorithm,
    LinearRegression,
    RidgeRegression,
    get_supported_offline_methods,
    get_offline_method,
):
    _obj.__module__ = "brainpy_layers.algorithms"
