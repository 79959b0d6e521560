"""``Dropout``: randomly zero inputs while fitting (BrainPy's keep-probability convention)."""

from __future__ import annotations

from typing import Any

import jax
import jax.numpy as jnp
import numpy as np

import brainpy_dyn as bd
import brainpy_math as bm
from brainpy_layers._src.base import Layer, as_input, public
from brainpy_layers._src.errors import LayerArgumentError

__all__ = ["Dropout"]


@public
class Dropout(Layer):
    """Keep each input with probability ``prob`` (scaled by ``1 / prob``) while fitting.

    BrainPy implementation of ``brainpy.layers.Dropout`` (2.3.5). The layer is active only
    when the shared value ``fit`` is true (``brainpy_dyn.share.load('fit', False)``; a
    training runner saves ``fit=True``); otherwise it returns its input unchanged. The
    random mask is drawn from ``brainpy_math.random.DEFAULT`` (or, with a ``seed``, from the
    layer's own ``brainpy_math.random.RandomState``), so under ``bm.jit`` each call draws a
    new one.

    Args:
      prob: the probability to **keep** an element, in ``(0, 1]``.
      seed: ``None`` (the global generator) or the seed of the layer's own generator
        ``rng``, which makes its masks reproducible.
      mode: the computing mode (``None``: :func:`brainpy_math.get_mode`).
      name: the object name.

    Raises:
      LayerArgumentError: ``prob`` is not in ``(0, 1]``.

    Note:
      ``prob`` is the keep probability, the opposite of :class:`torch.nn.Dropout`'s ``p``
      (the drop probability): ``Dropout(0.8)`` here is ``torch.nn.Dropout(p=0.2)``.

    Examples:
      >>> import jax.numpy as jnp
      >>> import brainpy_math as bm
      >>> import brainpy_dyn as bd
      >>> import brainpy_layers as bl
      >>> drop = bl.Dropout(0.5)
      >>> drop(jnp.ones(4))                              # not fitting: identity
      Array([1., 1., 1., 1.], dtype=float32)
      >>> bd.share.save(fit=True)
      >>> y = drop(jnp.ones(1000))
      >>> sorted(set(y.tolist())), 350 < int((y > 0).sum()) < 650
      ([0.0, 2.0], True)
      >>> bd.share.clear_shargs()
    """

    prob: float

    def __init__(
        self,
        prob: float,
        seed: int | None = None,
        mode: bm.Mode | None = None,
        name: str | None = None,
    ):
        if isinstance(seed, bm.Mode) or (isinstance(seed, type) and issubclass(seed, bm.Mode)):
            seed, mode = None, seed  # Dropout(prob, mode): the order before 2.3.5's seed
        super().__init__(name=name, mode=mode)
        if seed is not None and (isinstance(seed, bool) or not isinstance(seed, int | np.integer)):
            raise LayerArgumentError(
                f"{type(self).__name__}: seed must be None or an int, got {seed!r}."
            )
        self.rng = None if seed is None else bm.random.RandomState(int(seed))
        value: object = prob
        ok = isinstance(value, int | float | np.floating | np.integer)
        if not ok or isinstance(value, bool) or not 0.0 < float(prob) <= 1.0:
            raise LayerArgumentError(
                f"{type(self).__name__}: prob (the keep probability) must be a number in "
                f"(0, 1], got {prob!r}."
            )
        self.prob = float(prob)

    def update(self, x: Any) -> jax.Array:
        """Return ``x`` with each element kept (×``1/prob``) with probability ``prob`` when fitting."""
        data = as_input(x, type(self).__name__)
        fit = bd.share.load("fit", False)
        if isinstance(fit, bool | np.bool_) and not fit:
            return data
        rng = bm.random if self.rng is None else self.rng
        keep = bm.as_jax(rng.bernoulli(self.prob, data.shape))
        dropped: jax.Array = jnp.where(keep, data / self.prob, jnp.zeros_like(data))
        if isinstance(fit, bool | np.bool_):
            return dropped
        out: jax.Array = jnp.where(jnp.asarray(bm.as_jax(fit), dtype=bool), dropped, data)
        return out

    def __repr__(self) -> str:
        return f"{type(self).__name__}(prob={self.prob}, mode={self.mode!r})"
