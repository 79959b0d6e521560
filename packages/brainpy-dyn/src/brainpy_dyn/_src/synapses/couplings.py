"""Delayed couplings between population (rate) models: diffusive and additive.

``DelayCoupling`` keeps a ring buffer of the coupled Variable's past values; each update
first stores the current value, then reads it back ``delay_steps`` updates late (``0`` is the
current value). The delays are one int for every connection, or one per connection in a
``(pre, post)`` integer matrix, the layout of ``conn_mat``.
"""

from __future__ import annotations

import numbers
from collections.abc import Sequence
from typing import Any

import jax
import jax.numpy as jnp
import numpy as np

import brainpy_math as bm
from brainpy_dyn._src.dynsys import DynamicalSystem
from brainpy_dyn._src.params import check_finite

__all__ = ["AdditiveCoupling", "DelayCoupling", "DiffusiveCoupling"]


def _variable(value: Any, arg: str, who: str) -> bm.Variable:
    if not isinstance(value, bm.Variable):
        raise TypeError(
            f"{who}: {arg} must be a brainpy.math.Variable, got {type(value).__name__}: {value!r}."
        )
    return value


class DelayCoupling(DynamicalSystem):
    """Base of the delayed couplings: the delay buffer, the weights and the targets.

    BrainPy implementation of ``brainpy.synapses.DelayCoupling`` (2.3.5).

    Args:
      delay_var: the Variable whose past values the coupling reads (1-D, ``pre`` elements).
      var_to_output: the Variable, or a sequence of Variables, that receive the coupling.
      conn_mat: the coupling weights, shape ``required_shape`` (``(pre, post)``).
      required_shape: the shape ``conn_mat`` (and a matrix of delays) must have.
      delay_steps: ``None`` (no delay), an int ``>= 0`` for every connection, an integer
        array of shape ``required_shape``, or an initializer/callable that makes one from
        the shape.
      initial_delay_data: the values of ``delay_var`` before the first update: ``None``
        (zeros), a number, an array of shape ``(max_delay, pre)`` (row ``k``: ``k + 1``
        updates before the first) or broadcasting to it, or an initializer/callable called
        with that shape.
      name: the object name.
      mode: the computing mode.

    Raises:
      TypeError: a Variable argument that is not a Variable.
      ValueError: ``conn_mat`` or the delays have the wrong shape, or a delay is negative.

    Examples:
      >>> import brainpy_math as bm
      >>> import brainpy_dyn as bd
      >>> x = bm.Variable(bm.asarray([1., 2.]))
      >>> y = bm.Variable(bm.zeros(2))
      >>> c = bd.synapses.AdditiveCoupling(x, y, bm.ones((2, 2)), delay_steps=2)
      >>> isinstance(c, bd.synapses.DelayCoupling), c.max_delay, c.delay_type
      (True, 2, 'int')
    """

    def __init__(
        self,
        delay_var: bm.Variable,
        var_to_output: bm.Variable | Sequence[bm.Variable],
        conn_mat: Any,
        required_shape: tuple[int, ...],
        delay_steps: Any = None,
        initial_delay_data: Any = None,
        name: str | None = None,
        mode: bm.Mode | None = None,
    ):
        super().__init__(name=name, mode=mode)
        who = self.name
        self.delay_var = _variable(delay_var, "delay_var", who)
        outputs = [var_to_output] if isinstance(var_to_output, bm.Variable) else var_to_output
        if not isinstance(outputs, (list, tuple)) or not outputs:
            raise TypeError(
                f"{who}: var_to_output must be a Variable or a sequence of Variables, "
                f"got {var_to_output!r}."
            )
        self.output_var = [_variable(v, "var_to_output", who) for v in outputs]
        self.required_shape = tuple(int(s) for s in required_shape)
        conn = jnp.asarray(bm.as_jax(conn_mat))
        if tuple(conn.shape) != self.required_shape:
            raise ValueError(
                f"{who}: conn_mat must have the shape {self.required_shape}, "
                f"got {tuple(conn.shape)}."
            )
        check_finite(conn, who, "conn_mat")
        self.conn_mat = conn
        self.delay_steps, self.delay_type, self.max_delay = self._delays(delay_steps)
        check_finite(initial_delay_data, who, "initial_delay_data")
        self.initial_delay_data = initial_delay_data
        self.reset_state(self.mode)

    def _delays(self, delay_steps: Any) -> tuple[Any, str, int]:
        who = self.name
        if delay_steps is None:
            return None, "none", 0
        if isinstance(delay_steps, numbers.Integral) and not isinstance(delay_steps, bool):
            if delay_steps < 0:
                raise ValueError(f"{who}: delay_steps must be >= 0, got {delay_steps!r}.")
            return int(delay_steps), "int", int(delay_steps)
        if callable(delay_steps) and not isinstance(delay_steps, (bm.Array, jax.Array)):
            delay_steps = delay_steps(self.required_shape)
        steps = np.asarray(bm.as_numpy(delay_steps))
        if not np.issubdtype(steps.dtype, np.integer):
            if not np.all(steps == np.round(steps)):
                raise ValueError(f"{who}: delay_steps must be whole numbers of steps.")
            steps = steps.astype(np.int64)
        if steps.ndim == 0:
            return self._delays(int(steps))
        if steps.shape != self.required_shape:
            raise ValueError(
                f"{who}: an array of delay_steps must have the shape {self.required_shape}, "
                f"got {steps.shape}."
            )
        if steps.min() < 0:
            raise ValueError(f"{who}: delay_steps must be >= 0, got a minimum {steps.min()}.")
        return jnp.asarray(steps, jnp.int32), "array", int(steps.max())

    def _initial_history(self, shape: tuple[int, ...], dtype: Any) -> jax.Array:
        init = self.initial_delay_data
        if init is None:
            return jnp.zeros(shape, dtype)
        if callable(init) and not isinstance(init, (bm.Array, jax.Array)):
            init = init(shape)
        return jnp.broadcast_to(jnp.asarray(bm.as_jax(init), dtype), shape)

    def reset_state(self, batch_size: Any = None) -> None:
        """Refill the delay buffer with ``initial_delay_data``.

        Row ``k`` of the history is the value ``k + 1`` updates before the first one.
        """
        if self.delay_type == "none":
            return
        value = bm.as_jax(self.delay_var.value)
        history = self._initial_history((self.max_delay, *value.shape), value.dtype)
        # slot 0 is written by the first update; the newest history row sits just before it
        data = jnp.concatenate([value[None], history[::-1]], axis=0)
        self.delay_data = bm.Variable(data)
        self.delay_index = bm.Variable(jnp.asarray(self.max_delay, jnp.int32))

    def _push(self) -> None:
        """Store the current value of ``delay_var`` as the newest entry."""
        length = self.max_delay + 1
        index = (self.delay_index.value + 1) % length
        self.delay_index.value = index
        current = bm.as_jax(self.delay_var.value).astype(self.delay_data.dtype)
        self.delay_data.value = self.delay_data.value.at[index].set(current)

    def delayed(self) -> jax.Array:
        """``delay_var`` as seen through the delays: shape ``(pre,)`` or ``(pre, post)``.

        Call after this step's value was stored (``update`` does so first).
        """
        if self.delay_type == "none":
            return bm.as_jax(self.delay_var.value)
        length = self.max_delay + 1
        rows = (self.delay_index.value - self.delay_steps) % length
        if self.delay_type == "int":
            return self.delay_data.value[rows]
        pre = jnp.arange(self.required_shape[0])[:, None]
        return self.delay_data.value[rows, pre]

    def _emit(self, coupling: jax.Array) -> None:
        for target in self.output_var:
            target.value = target.value + coupling.reshape(target.shape).astype(target.dtype)


class DiffusiveCoupling(DelayCoupling):
    r"""Diffusive coupling: ``y_k += Σ_j C_jk (x_j(t − D_jk) − z_k(t))``.

    BrainPy implementation of ``brainpy.synapses.DiffusiveCoupling`` (2.3.5), the coupling
    of whole-brain models (e.g. ``bp.rates.FHN`` areas): ``coupling_var1`` is read through
    the delays, ``coupling_var2`` now.

    Args:
      coupling_var1: the delayed Variable ``x`` (``pre`` elements).
      coupling_var2: the present Variable ``z`` (``post`` elements).
      var_to_output: the Variable(s) ``y`` that receive the coupling.
      conn_mat: the weights ``C``, shape ``(pre, post)``.
      delay_steps: ``None``, an int, a ``(pre, post)`` integer matrix ``D`` or an
        initializer.
      initial_delay_data: ``coupling_var1`` before the first update (see
        :class:`DelayCoupling`).
      name: the object name.
      mode: the computing mode.

    Examples:
      >>> import brainpy_math as bm
      >>> import brainpy_dyn as bd
      >>> x = bm.Variable(bm.asarray([1., 2.]))
      >>> y = bm.Variable(bm.zeros(2))
      >>> c = bd.synapses.DiffusiveCoupling(x, x, y, conn_mat=bm.ones((2, 2)))
      >>> c({'t': 0., 'dt': 0.1})
      >>> y.value.tolist()
      [1.0, -1.0]
    """

    def __init__(
        self,
        coupling_var1: bm.Variable,
        coupling_var2: bm.Variable,
        var_to_output: bm.Variable | Sequence[bm.Variable],
        conn_mat: Any,
        delay_steps: Any = None,
        initial_delay_data: Any = None,
        name: str | None = None,
        mode: bm.Mode | None = None,
    ):
        _variable(coupling_var1, "coupling_var1", type(self).__name__)
        self.coupling_var2 = _variable(coupling_var2, "coupling_var2", type(self).__name__)
        self.coupling_var1 = coupling_var1
        shape = (int(np.prod(coupling_var1.shape)), int(np.prod(coupling_var2.shape)))
        super().__init__(
            coupling_var1,
            var_to_output,
            conn_mat,
            shape,
            delay_steps=delay_steps,
            initial_delay_data=initial_delay_data,
            name=name,
            mode=mode,
        )

    def update(self, tdi: Any = None) -> None:
        """Store ``coupling_var1``, then add the diffusive coupling to the outputs."""
        if self.delay_type != "none":
            self._push()
        x = self.delayed()
        z = bm.as_jax(self.coupling_var2.value).reshape(-1)
        if x.ndim == 1:
            x = x.reshape(-1)[:, None]
        self._emit(((x - z[None, :]) * self.conn_mat).sum(axis=0))


class AdditiveCoupling(DelayCoupling):
    r"""Additive coupling: ``y_k += Σ_j C_jk x_j(t − D_jk)``.

    BrainPy implementation of ``brainpy.synapses.AdditiveCoupling`` (2.3.5).

    Args:
      coupling_var: the delayed Variable ``x`` (``pre`` elements).
      var_to_output: the Variable(s) ``y`` that receive the coupling (``post`` elements).
      conn_mat: the weights ``C``, shape ``(pre, post)``.
      delay_steps: ``None``, an int, a ``(pre, post)`` integer matrix ``D`` or an
        initializer.
      initial_delay_data: ``coupling_var`` before the first update (see
        :class:`DelayCoupling`).
      name: the object name.
      mode: the computing mode.

    Examples:
      >>> import brainpy_math as bm
      >>> import brainpy_dyn as bd
      >>> x = bm.Variable(bm.asarray([1., 2.]))
      >>> y = bm.Variable(bm.zeros(2))
      >>> c = bd.synapses.AdditiveCoupling(x, y, bm.asarray([[0., 1.], [1., 0.]]),
      ...                                  delay_steps=1, initial_delay_data=5.)
      >>> c({'t': 0., 'dt': 0.1})
      >>> y.value.tolist()
      [5.0, 5.0]
    """

    def __init__(
        self,
        coupling_var: bm.Variable,
        var_to_output: bm.Variable | Sequence[bm.Variable],
        conn_mat: Any,
        delay_steps: Any = None,
        initial_delay_data: Any = None,
        name: str | None = None,
        mode: bm.Mode | None = None,
    ):
        self.coupling_var = _variable(coupling_var, "coupling_var", type(self).__name__)
        first = var_to_output if isinstance(var_to_output, bm.Variable) else None
        if first is None and isinstance(var_to_output, (list, tuple)) and var_to_output:
            first = var_to_output[0]
        post = int(np.prod(getattr(first, "shape", (0,))))
        shape = (int(np.prod(coupling_var.shape)), post)
        super().__init__(
            coupling_var,
            var_to_output,
            conn_mat,
            shape,
            delay_steps=delay_steps,
            initial_delay_data=initial_delay_data,
            name=name,
            mode=mode,
        )

    def update(self, tdi: Any = None) -> None:
        """Store ``coupling_var``, then add the additive coupling to the outputs."""
        if self.delay_type != "none":
            self._push()
        x = self.delayed()
        if x.ndim == 1:
            x = x.reshape(-1)[:, None]
        self._emit((x * self.conn_mat).sum(axis=0))
