"""``Activation``, ``FunAsLayer`` and ``Identity``: layers that apply a plain function."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import jax

import brainpy_math as bm
from brainpy_layers._src.activations import get_activation
from brainpy_layers._src.base import Layer, as_input, public
from brainpy_layers._src.errors import LayerArgumentTypeError

__all__ = ["Activation", "FunAsLayer", "Identity"]


@public
class Activation(Layer):
    """Apply ``activate_fun(x, **kwargs)`` to the input.

    BrainPy implementation of ``brainpy.layers.Activation`` (2.3.5). The input may have
    any shape in every mode; the layer has no parameters.

    Args:
      activate_fun: the function (for example :func:`jax.nn.relu`), or one of the
        activation names of the recurrent cells (``'relu'``, ``'tanh'`` …).
      name: the object name.
      mode: the computing mode (``None``: :func:`brainpy_math.get_mode`).
      **kwargs: keyword arguments passed to ``activate_fun`` at every call.

    Raises:
      LayerArgumentTypeError: ``activate_fun`` is neither a callable nor a known name.

    Note:
      2.3.5 took only callables; the names are an addition.

    Examples:
      >>> import jax
      >>> import jax.numpy as jnp
      >>> import brainpy_layers as bl
      >>> bl.Activation(jax.nn.leaky_relu, negative_slope=0.5)(jnp.array([-2., 3.]))
      Array([-1.,  3.], dtype=float32)
      >>> bl.Activation('relu')(jnp.array([-2., 3.]))
      Array([0., 3.], dtype=float32)
    """

    activate_fun: Callable[..., Any]
    kwargs: dict[str, Any]

    def __init__(
        self,
        activate_fun: Callable[..., Any] | str,
        name: str | None = None,
        mode: bm.Mode | None = None,
        **kwargs: Any,
    ):
        super().__init__(name=name, mode=mode)
        self.activate_fun = get_activation(activate_fun, type(self).__name__)
        self.kwargs = kwargs

    def update(self, x: Any) -> jax.Array:
        """Return ``activate_fun(x, **kwargs)``."""
        out: jax.Array = self.activate_fun(as_input(x, type(self).__name__), **self.kwargs)
        return out

    def __repr__(self) -> str:
        fun = getattr(self.activate_fun, "__name__", repr(self.activate_fun))
        return f"{type(self).__name__}(activate_fun={fun}, mode={self.mode!r})"


@public
class Identity(Layer):
    """Return the input unchanged (a placeholder layer).

    BrainPy implementation of ``brainpy.layers.Identity`` (2.3.5), like
    :class:`torch.nn.Identity`.

    Args:
      name: the object name.
      mode: the computing mode (``None``: :func:`brainpy_math.get_mode`).

    Examples:
      >>> import jax.numpy as jnp
      >>> import brainpy_layers as bl
      >>> bl.Identity()(jnp.array([1., 2.]))
      Array([1., 2.], dtype=float32)
    """

    def __init__(self, name: str | None = None, mode: bm.Mode | None = None):
        super().__init__(name=name, mode=mode)

    def update(self, x: Any) -> jax.Array:
        """Return ``x`` (as a JAX array)."""
        return as_input(x, type(self).__name__)


@public
class FunAsLayer(Layer):
    """Wrap any function as a layer: ``update(*args, **kw)`` returns ``fun(*args, **kw, **kwargs)``.

    BrainPy implementation of ``brainpy.layers.FunAsLayer`` (2.3.5), for putting a plain
    function (a reshape, a sum over an axis …) into a :class:`brainpy_dyn.Sequential`. The
    layer has no parameters; the function should be a pure JAX function.

    Args:
      fun: the function.
      name: the object name.
      mode: the computing mode (``None``: :func:`brainpy_math.get_mode`).
      **kwargs: keyword arguments passed to ``fun`` at every call.

    Raises:
      LayerArgumentTypeError: ``fun`` is not callable.

    Examples:
      >>> import jax.numpy as jnp
      >>> import brainpy_layers as bl
      >>> bl.FunAsLayer(jnp.sum, axis=-1)(jnp.ones((2, 3)))
      Array([3., 3.], dtype=float32)
    """

    fun: Callable[..., Any]
    kwargs: dict[str, Any]

    def __init__(
        self,
        fun: Callable[..., Any],
        name: str | None = None,
        mode: bm.Mode | None = None,
        **kwargs: Any,
    ):
        super().__init__(name=name, mode=mode)
        if not callable(fun):
            raise LayerArgumentTypeError(
                f"FunAsLayer: fun must be callable, got {type(fun).__name__}."
            )
        self.fun = fun
        self.kwargs = kwargs

    def update(self, *args: Any, **kwargs: Any) -> Any:
        """Return ``fun(*args, **kwargs, **self.kwargs)``."""
        return self.fun(*args, **kwargs, **self.kwargs)

    def __repr__(self) -> str:
        fun = getattr(self.fun, "__name__", repr(self.fun))
        return f"FunAsLayer(fun={fun}, mode={self.mode!r})"
