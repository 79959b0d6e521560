"""Online fitting algorithms: update readout weights step by step (FORCE learning).

An online algorithm is called each step as ``method(target, input, output, identifier)``
with 2-D ``input`` ``(batch, num_in)``, ``output`` and ``target`` ``(batch, num_out)``
(1-D data count as a batch of one) and returns the weight change ``dW`` of shape
``(num_in, num_out)``. Its own state (the RLS matrix ``P``) lives in
:class:`~brainpy_math.Variable` s, one set per ``identifier`` registered with
:meth:`OnlineAlgorithm.register_target`, so a compiled loop carries it.
"""

from __future__ import annotations

import math
from typing import Any

import jax
import jax.numpy as jnp
import numpy as np

import brainpy_math as bm
from brainpy_layers._src.train.errors import TrainerArgumentError, TrainerArgumentTypeError

__all__ = [
    "OnlineAlgorithm",
    "RLS",
    "LMS",
    "get_supported_online_methods",
    "get_online_method",
    "register_online_method",
]


def check_alpha(alpha: Any, owner: str) -> float:
    """``alpha`` as a float, or a :class:`TrainerArgumentError` naming ``owner``."""
    if (
        isinstance(alpha, bool)
        or not isinstance(alpha, (int, float))
        or not math.isfinite(alpha)
        or alpha <= 0
    ):
        raise TrainerArgumentError(f"{owner}: alpha must be a finite number > 0, got {alpha!r}.")
    return float(alpha)


def _as_batch(x: Any, name: str, owner: str) -> jax.Array:
    x = jnp.asarray(bm.as_jax(x))
    if x.ndim == 1:
        x = x[None]
    if x.ndim != 2:
        raise TrainerArgumentError(
            f"{owner}: {name} must be 1-D or 2-D (batch, features), got shape {tuple(x.shape)}."
        )
    return x


class OnlineAlgorithm:
    """Base class of the online fitting algorithms.

    BrainPy implementation of ``brainpy.algorithms.OnlineAlgorithm`` (2.3.5). Subclasses
    implement :meth:`call` and, when they keep state, :meth:`register_target`.

    Args:
      name: a name for the algorithm (the class name by default).

    Examples:
      >>> import jax.numpy as jnp
      >>> from brainpy_layers import algorithms
      >>> class Still(algorithms.OnlineAlgorithm):
      ...     def call(self, target, input, output, identifier=''):
      ...         return jnp.zeros((input.shape[-1], target.shape[-1]))
      >>> Still()(jnp.ones(2), jnp.ones(3), jnp.ones(2)).shape
      (3, 2)
    """

    def __init__(self, name: str | None = None):
        self.name = type(self).__name__ if name is None else str(name)

    def register_target(self, feature_in: int, identifier: str = "") -> None:
        """Create the state for a readout with ``feature_in`` inputs (none by default).

        Args:
          feature_in: the number of inputs of the readout (bias column included).
          identifier: the readout's key, passed again to each call.
        """

    def __call__(self, target: Any, input: Any, output: Any, identifier: str = "") -> Any:
        """One update: the weight change ``dW`` ``(num_in, num_out)``.

        Args:
          target: the desired output, ``(batch, num_out)`` or ``(num_out,)``.
          input: the readout's input, ``(batch, num_in)`` or ``(num_in,)``.
          output: the readout's output, like ``target``.
          identifier: the readout's key (as registered).

        Returns:
          The weight change, a JAX array ``(num_in, num_out)``.

        Raises:
          TrainerArgumentError: data that are not 1-D or 2-D, or that disagree on shapes.
        """
        owner = type(self).__name__
        x = _as_batch(input, "input", owner)
        y = _as_batch(target, "target", owner)
        out = _as_batch(output, "output", owner)
        if y.shape != out.shape or x.shape[0] != y.shape[0]:
            raise TrainerArgumentError(
                f"{owner}: target and output must have one shape (batch, num_out) and input "
                f"the same batch, got input {tuple(x.shape)}, target {tuple(y.shape)}, "
                f"output {tuple(out.shape)}."
            )
        return self.call(y, x, out, identifier)

    def call(self, target: Any, input: Any, output: Any, identifier: str = "") -> Any:
        """The update from 2-D data; subclasses implement it."""
        raise NotImplementedError(f"{type(self).__name__} must implement call().")

    def __repr__(self) -> str:
        return f"{type(self).__name__}()"


class RLS(OnlineAlgorithm):
    r"""Recursive least squares, the rule of FORCE learning.

    BrainPy implementation of ``brainpy.algorithms.RLS`` (2.3.5). For each readout a matrix
    :math:`P` (initially :math:`\alpha I`, an estimate of the inverse input correlation)
    is kept; a step with inputs :math:`X` ``(batch, num_in)`` and error
    :math:`E = \mathrm{output} - \mathrm{target}` does

    .. math::

       K = P X^T, \quad G = K (I + X K)^{-1}, \quad P \leftarrow P - G K^T,
       \quad \Delta W = -G E.

    With one sample per step this is the classic rule :math:`k = Px`,
    :math:`c = 1 / (1 + x^T P x)`, :math:`P \leftarrow P - c k k^T`,
    :math:`\Delta W = -c\, k\, e^T`.

    Args:
      alpha: the initial scale of :math:`P` (2.3.5 calls it the learning rate), > 0.
      name: a name for the algorithm.

    Attributes:
      P: the matrices :math:`P`, one :class:`~brainpy_math.Variable` per identifier.

    Raises:
      TrainerArgumentError: a non-positive ``alpha``; a call for an identifier that was
        never registered.

    Note:
      For batches of more than one sample 2.3.5 summed the scalar gains :math:`c` of the
      samples, which is not least squares; this uses the block (Woodbury) update, the exact
      recursive solution, and agrees with 2.3.5 for a batch of one.

    Examples:
      >>> import numpy as np
      >>> from brainpy_layers import algorithms
      >>> rls = algorithms.RLS(alpha=100.0)   # large: a weak prior on the weights
      >>> rls.register_target(2, 'readout')
      >>> w = np.zeros((2, 1), np.float32)
      >>> for x in np.random.default_rng(0).normal(size=(50, 2)).astype(np.float32):
      ...     y = x @ np.array([[3.], [-2.]], np.float32)
      ...     w = w + np.asarray(rls(y, x, x @ w, 'readout'))
      >>> np.round(w[:, 0], 2)
      array([ 3., -2.], dtype=float32)
    """

    def __init__(self, alpha: float = 0.1, name: str | None = None):
        super().__init__(name)
        self.alpha = check_alpha(alpha, "RLS")
        self.P: dict[str, bm.Variable] = {}

    def register_target(self, feature_in: int, identifier: str = "") -> None:
        """Create ``P = alpha * I`` of size ``feature_in`` for ``identifier``.

        Raises:
          TrainerArgumentError: ``feature_in`` is not a positive int.
        """
        if isinstance(feature_in, bool) or not isinstance(feature_in, int) or feature_in < 1:
            raise TrainerArgumentError(
                f"RLS.register_target: feature_in must be a positive int, got {feature_in!r}."
            )
        p = np.eye(feature_in, dtype=bm.get_float()) * np.asarray(self.alpha, bm.get_float())
        self.P[identifier] = bm.Variable(jnp.asarray(p))  # built by NumPy: no eager programs

    def call(self, target: Any, input: Any, output: Any, identifier: str = "") -> Any:
        """Update ``P`` of ``identifier`` and return ``dW`` (see the class docstring)."""
        P = self.P.get(identifier)
        if P is None:
            raise TrainerArgumentError(
                f"RLS: identifier {identifier!r} was never registered (call "
                f"register_target first); registered: {sorted(self.P)}."
            )
        if P.shape[0] != input.shape[-1]:
            raise TrainerArgumentError(
                f"RLS: input of {identifier!r} must have {P.shape[0]} features (as "
                f"registered), got shape {tuple(input.shape)}."
            )
        p = P.value
        k = p @ input.T  # (num_in, batch)
        if input.shape[0] == 1:  # one sample: S is a scalar, no factorisation per step
            g = k / (1.0 + input @ k)
        else:
            s = jnp.eye(input.shape[0], dtype=p.dtype) + input @ k  # (batch, batch)
            g = jnp.linalg.solve(s.T, k.T).T  # K S^{-1}; S is symmetric
        P.value = p - g @ k.T
        return -g @ (output - target)

    def __repr__(self) -> str:
        return f"RLS(alpha={self.alpha})"


class LMS(OnlineAlgorithm):
    r"""Least mean squares (the Widrow-Hoff rule): :math:`\Delta W = -\alpha X^T E`.

    BrainPy implementation of ``brainpy.algorithms.LMS`` (2.3.5), with
    :math:`E = \mathrm{output} - \mathrm{target}` summed over the batch.

    Args:
      alpha: the learning rate, > 0.
      name: a name for the algorithm.

    Raises:
      TrainerArgumentError: a non-positive ``alpha``.

    Examples:
      >>> import numpy as np
      >>> from brainpy_layers import algorithms
      >>> dw = algorithms.LMS(alpha=0.5)(np.ones(1), np.array([1., 2.]), np.zeros(1))
      >>> np.asarray(dw)[:, 0].tolist()
      [0.5, 1.0]
    """

    def __init__(self, alpha: float = 0.1, name: str | None = None):
        super().__init__(name)
        self.alpha = check_alpha(alpha, "LMS")

    def call(self, target: Any, input: Any, output: Any, identifier: str = "") -> Any:
        """Return ``-alpha * inputᵀ (output - target)``."""
        return -self.alpha * (input.T @ (output - target))

    def __repr__(self) -> str:
        return f"LMS(alpha={self.alpha})"


_METHODS: dict[str, type[OnlineAlgorithm] | OnlineAlgorithm] = {"rls": RLS, "lms": LMS}


def register_online_method(name: str, method: OnlineAlgorithm) -> None:
    """Make ``method`` available to ``OnlineTrainer(fit_method=name)``.

    Args:
      name: the new name (not one already registered).
      method: an :class:`OnlineAlgorithm` instance (used as it is) or subclass (built with
        the keyword arguments of a ``{'name': name, ...}`` dict).

    Raises:
      TrainerArgumentError: ``name`` is taken.
      TrainerArgumentTypeError: ``name`` is not a string or ``method`` not an online
        algorithm.

    Examples:
      >>> from brainpy_layers import algorithms
      >>> algorithms.register_online_method('lms_fast', algorithms.LMS(alpha=0.5))
      >>> algorithms.get_online_method('lms_fast')
      LMS(alpha=0.5)
    """
    if not isinstance(name, str):
        raise TrainerArgumentTypeError(
            f"register_online_method: name must be a str, got {type(name).__name__}."
        )
    if name in _METHODS:
        raise TrainerArgumentError(
            f"register_online_method: {name!r} is registered already "
            f"(registered: {list(_METHODS)})."
        )
    is_class = isinstance(method, type) and issubclass(method, OnlineAlgorithm)
    if not (is_class or isinstance(method, OnlineAlgorithm)):
        raise TrainerArgumentTypeError(
            "register_online_method: method must be an OnlineAlgorithm instance or "
            f"subclass, got {method!r}."
        )
    _METHODS[name] = method


def get_supported_online_methods() -> tuple[str, ...]:
    """The names that ``OnlineTrainer(fit_method=...)`` accepts.

    Examples:
      >>> from brainpy_layers import algorithms
      >>> algorithms.get_supported_online_methods()[:2]
      ('rls', 'lms')
    """
    return tuple(_METHODS)


def get_online_method(method: Any, owner: str = "OnlineTrainer") -> Any:
    """An online algorithm from a name, a ``{'name': ..., **kwargs}`` dict or an instance.

    Args:
      method: ``None`` (``RLS(alpha=0.1)``), a name from
        :func:`get_supported_online_methods`, a dict ``{'name': name, **init_kwargs}`` or
        an :class:`OnlineAlgorithm`.
      owner: who asks (for error messages).

    Returns:
      The algorithm.

    Raises:
      TrainerArgumentError: an unknown name.
      TrainerArgumentTypeError: anything else that is not an OnlineAlgorithm.

    Examples:
      >>> from brainpy_layers import algorithms
      >>> algorithms.get_online_method('lms')
      LMS(alpha=0.1)
    """
    if method is None:
        return RLS(alpha=0.1)
    if isinstance(method, (str, dict)):
        kwargs = dict(method) if isinstance(method, dict) else {"name": method}
        name = kwargs.pop("name", None)
        if name not in _METHODS:
            raise TrainerArgumentError(
                f"{owner}: fit_method name must be one of {list(_METHODS)}, got {name!r}."
            )
        entry = _METHODS[name]
        if isinstance(entry, OnlineAlgorithm):
            if kwargs:
                raise TrainerArgumentError(
                    f"{owner}: fit_method {name!r} is a registered instance and takes no "
                    f"arguments, got {sorted(kwargs)}."
                )
            return entry
        return entry(**kwargs)
    if not isinstance(method, OnlineAlgorithm):
        raise TrainerArgumentTypeError(
            f"{owner}: fit_method must be an OnlineAlgorithm (e.g. "
            f"brainpy_layers.algorithms.RLS(alpha=0.1)), a name in {list(_METHODS)} or a dict, "
            f"got {type(method).__name__}."
        )
    return method


bm.set_module(
    "brainpy_layers.algorithms",
    OnlineAlgorithm,
    RLS,
    LMS,
    get_supported_online_methods,
    get_online_method,
    register_online_method,
)
