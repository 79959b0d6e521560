"""``Delay``: the recent history of a Variable, read back ``d`` updates later.

Semantics: :meth:`Delay.update` pushes a value as the newest; ``at(entry)`` returns the
value pushed ``d`` updates ago, ``d`` being the entry's delay in steps. The newest pushed value
counts as "0 ago"; an entry with delay ``0`` (or ``None``) reads the target's live value. With
the usual order in a step (read the delayed value, update the target, push the target), ``at``
returns the target's value as it was exactly ``d`` updates ago.

Buffer layout: ``data`` has ``length + 1`` rows (``length`` = the longest registered delay),
each the shape of the target (batch axis included, at ``target.batch_axis + 1``).

* ``method='rotation'`` (default): a ring buffer. The int32 Variable ``ptr`` holds the row of
  the newest value; ``update`` advances it (``ptr ← (ptr + 1) mod (length + 1)``) and writes
  that row with one ``dynamic_update_slice``; the value ``d`` ago is row
  ``(ptr − d) mod (length + 1)``, read with one ``dynamic_slice``. No copy of the buffer per
  step. The pointer is state of the delay, independent of ``share`` (works outside runners
  and after resets).
* ``method='concat'``: row ``d`` holds the value ``d`` ago; ``update`` shifts the whole buffer
  (``[latest, data[:-1]]``). Simpler, slower for long buffers.

Times become steps with ``round(time / dt)`` where ``dt`` is ``share.dt`` (the global
``brainpy_math.get_dt()`` unless one was saved) at registration: build models after setting
``dt``. Registering an entry longer than the buffer grows it in place (same Variable),
keeping the recorded history; the new, older rows are filled from ``before_t0`` as at a reset
(for a callable, row ``k - 1`` for the value ``k`` updates ago). Growing before the first
update, the usual case, is exact.
"""

from __future__ import annotations

import numbers
from typing import Any

import jax
import jax.numpy as jnp
import numpy as np
from jax import lax

import brainpy_math as bm
from brainpy_dyn._src.context import share
from brainpy_dyn._src.dynsys import DynamicalSystemNS, batch_size_of
from brainpy_dyn._src.errors import DelayEntryError, DelayTypeError, DelayValueError
from brainpy_dyn._src.params import check_finite

__all__ = ["Delay"]

Steps = int | np.ndarray | None


def _raw(x: Any) -> Any:
    """The JAX value of a brainpy Array; anything else as is."""
    return x.value if isinstance(x, bm.Array) else x


def _is_array(x: Any) -> bool:
    return isinstance(x, (np.ndarray, jax.Array, bm.Array, list, tuple))


class Delay(DynamicalSystemNS):
    """A delayed view of ``target``, with one or more named delay entries.

    Args:
      target: the Variable to delay (a neuron group's ``spike`` …).
      length: the initial number of delay steps the buffer holds (grows with the entries).
      before_t0: what the target was before the first update: ``None`` (zeros), a scalar,
        an array broadcast to ``target.shape``, or a callable ``f(shape, dtype=...)`` called
        with ``(length,) + target.shape`` whose row ``k − 1`` is the value ``k`` steps ago.
      entries: ``{name: delay time}`` registered at construction (see
        :meth:`register_entry`); ``None`` for none.
      name: the object name.
      method: ``'rotation'`` (ring buffer) or ``'concat'`` (shift); ``None`` picks
        ``'concat'`` in a TrainingMode and ``'rotation'`` otherwise.

    Examples:
      >>> import brainpy_math as bm
      >>> import brainpy_dyn as bd
      >>> x = bm.Variable(bm.zeros((), dtype=bm.int32))
      >>> delay = bd.Delay(x, entries={'two': 0.2})       # 0.2 ms at dt = 0.1 -> 2 steps
      >>> seen = []
      >>> for step in range(1, 5):
      ...     x.value = bm.asarray(step, dtype=bm.int32)   # the target updates ...
      ...     delay.update()                              # ... then the delay records it
      ...     seen.append(int(delay.at('two')))
      >>> seen
      [0, 0, 1, 2]
    """

    def __init__(
        self,
        target: bm.Variable,
        length: int = 0,
        before_t0: Any = None,
        entries: dict[str, Any] | None = None,
        name: str | None = None,
        method: str | None = "rotation",
    ):
        super().__init__(name=name)
        if not isinstance(target, bm.Variable):
            raise DelayTypeError(
                f"{self.name}: target must be a brainpy_math.Variable, got {type(target).__name__}."
            )
        self.target = target
        if method is None:
            method = "concat" if isinstance(self.mode, bm.TrainingMode) else "rotation"
        if method not in ("rotation", "concat"):
            raise DelayValueError(
                f"{self.name}: method must be 'rotation' or 'concat', got {method!r}."
            )
        self.method = method
        if not isinstance(length, numbers.Integral) or isinstance(length, bool) or length < 0:
            raise DelayValueError(f"{self.name}: length must be an int >= 0, got {length!r}.")
        self._check_before_t0(before_t0)
        self.before_t0 = before_t0
        self.length = 0
        self.data: bm.Variable | None = None
        self.ptr: bm.Variable | None = None
        self._steps: dict[str, Steps] = {}
        self._dts: dict[str, float] = {}  # the dt that turned each entry's time into steps
        if length > 0:
            self._grow(int(length))
        if entries is not None:
            if not isinstance(entries, dict):
                raise DelayTypeError(
                    f"{self.name}: entries must be a dict {{name: delay time}} or None, got "
                    f"{type(entries).__name__}."
                )
            for entry, time in entries.items():
                self.register_entry(entry, time)

    def __repr__(self) -> str:
        return (
            f"{type(self).__name__}(num_delay_step={self.length}, "
            f"delay_target_shape={self.target.shape}, update_method={self.method})"
        )

    @property
    def entry_steps(self) -> dict[str, Steps]:
        """``{entry: delay in steps}`` (an int, a per-neuron int array, or ``None``)."""
        return dict(self._steps)

    # ----------------------------------------------------------- registration
    def register_entry(self, entry: str, delay_time: Any = None, delay_step: Any = None) -> Delay:
        """Register a named delay, given as a time (ms) or as a number of steps.

        Args:
          entry: the entry name, unique within this delay.
          delay_time: a number (one delay, ``round(time / dt)`` steps), a 1-d array of
            per-neuron times (length ``target.shape[0]``, batch axis excluded), or a callable
            ``f((n,))`` returning one; ``None`` or ``0`` read the live target.
          delay_step: the same in steps (integers); exclusive with ``delay_time``.

        Returns:
          This delay, so calls can be chained.

        Raises:
          DelayEntryError: ``entry`` is already registered.
          DelayValueError: both arguments given, or a negative, NaN or infinite delay, or a
            per-neuron array of the wrong length.
          DelayTypeError: an unsupported type, or non-integer steps.
        """
        if entry in self._steps:
            raise DelayEntryError(f"{self.name}: entry {entry!r} is already registered.")
        if delay_time is not None and delay_step is not None:
            raise DelayValueError(
                f"{self.name}: entry {entry!r}: give delay_time or delay_step, not both "
                f"(got {delay_time!r} and {delay_step!r})."
            )
        if delay_step is not None:
            steps = self._as_steps(entry, delay_step, "delay_step", None)
        elif delay_time is not None:
            dt = share.dt
            if not isinstance(dt, numbers.Real):
                raise DelayTypeError(f"{self.name}: dt must be a concrete number, got {dt!r}.")
            steps = self._as_steps(entry, delay_time, "delay_time", float(dt))
            self._dts[entry] = float(dt)
        else:
            steps = None
        longest = 0 if steps is None else int(np.max(steps))
        if longest > self.length:
            self._grow(longest)
        self._steps[entry] = steps
        return self

    def _as_steps(self, entry: str, value: Any, arg: str, dt: float | None) -> Steps:
        where = f"{self.name}: entry {entry!r}: {arg}"
        if callable(value) and not _is_array(value):
            value = value(self._neuron_shape(where))
        if isinstance(value, bool) or not (isinstance(value, numbers.Real) or _is_array(value)):
            raise DelayTypeError(
                f"{where} must be a number, an array or a callable, got {value!r}."
            )
        try:
            arr = np.asarray(_raw(value))
        except (TypeError, jax.errors.ConcretizationTypeError) as err:
            raise DelayTypeError(f"{where} must be concrete (not traced), got {value!r}.") from err
        if dt is None and not np.issubdtype(arr.dtype, np.integer):
            raise DelayTypeError(f"{where} must be integer steps, got {value!r} ({arr.dtype}).")
        if not np.issubdtype(arr.dtype, np.number) or np.issubdtype(arr.dtype, np.complexfloating):
            raise DelayTypeError(f"{where} must be real numbers, got dtype {arr.dtype}.")
        arr = arr.astype(np.float64)
        if not np.all(np.isfinite(arr)) or np.any(arr < 0):
            raise DelayValueError(f"{where} must be finite and >= 0, got {value!r}.")
        if arr.ndim > 1 or (arr.ndim == 1 and arr.shape[0] != self._neuron_shape(where)[0]):
            raise DelayValueError(
                f"{where}: a per-neuron delay must be 1-d of length "
                f"{self._neuron_shape(where)[0]} (the target's first non-batch axis), got shape "
                f"{arr.shape}."
            )
        steps = np.round(arr if dt is None else arr / dt).astype(np.int32)
        if steps.ndim == 0 or np.all(steps == steps.flat[0]):
            return int(steps.flat[0])
        return steps

    def _neuron_shape(self, where: str) -> tuple[int]:
        shape = self.target.nobatch_shape
        if not shape:
            raise DelayValueError(f"{where}: per-neuron delays need a target with an axis.")
        return (shape[0],)

    # ---------------------------------------------------------------- buffer
    def _check_before_t0(self, before_t0: Any) -> None:
        if before_t0 is None or callable(before_t0) and not _is_array(before_t0):
            return
        try:  # a NaN history would spread into every delayed read
            check_finite(before_t0, self.name, "before_t0", allow_inf=True)
        except ValueError as err:
            raise DelayValueError(str(err)) from None
        if isinstance(before_t0, numbers.Number):
            return
        if _is_array(before_t0):
            shape = np.shape(_raw(before_t0))
            try:
                np.broadcast_shapes(shape, self.target.shape)
            except ValueError:
                raise DelayValueError(
                    f"{self.name}: before_t0 of shape {shape} does not broadcast to the target "
                    f"shape {self.target.shape}."
                ) from None
            return
        raise DelayTypeError(
            f"{self.name}: before_t0 must be None, a number, an array or a callable, got "
            f"{type(before_t0).__name__}."
        )

    def _before_rows(self, n: int) -> jax.Array:
        """The values 1..n steps before t0, shape ``(n,) + target.shape``."""
        shape, dtype = (n, *self.target.shape), self.target.dtype
        init = self.before_t0
        if init is None:
            return jnp.zeros(shape, dtype)
        if callable(init) and not _is_array(init):
            try:
                rows = init(shape, dtype=dtype)
            except TypeError:
                rows = init(shape)
            rows = jnp.asarray(_raw(rows))
            if rows.shape != shape:
                raise DelayValueError(
                    f"{self.name}: before_t0 returned shape {rows.shape}, expected {shape}."
                )
            return rows.astype(dtype)
        return jnp.broadcast_to(jnp.asarray(_raw(init)).astype(dtype), shape)

    def _history(self) -> jax.Array:
        """The buffer as rows ``k`` = value ``k`` updates ago."""
        data = self.data.value
        if self.method == "concat":
            return data
        rows = (self.ptr.value - jnp.arange(self.length + 1)) % (self.length + 1)
        return data[rows]

    def _layout(self, history: jax.Array) -> jax.Array:
        """The buffer holding ``history`` (rows k ago) with the pointer at row 0."""
        if self.method == "concat":
            return history
        n = history.shape[0]
        return history[(-np.arange(n)) % n]

    def _grow(self, length: int) -> None:
        if self.data is None:
            history = jnp.concatenate([self.target.value[None], self._before_rows(length)])
            axis = None if self.target.batch_axis is None else self.target.batch_axis + 1
            self.data = bm.Variable(self._layout(history), batch_axis=axis)
            if self.method == "rotation":
                self.ptr = bm.Variable(jnp.zeros((), jnp.int32))
        else:
            old = self._history()
            extra = self._before_rows(length)[self.length :]
            # Grow in place: the Variable keeps its identity, so compiled functions that
            # already carry it stay valid (they retrace for the new shape). Only this object
            # owns the buffer, so bypassing the shape check of ``.value`` is safe here.
            self.data._value = self._layout(jnp.concatenate([old, extra]))
            if self.ptr is not None:
                self.ptr.value = jnp.zeros((), jnp.int32)
        self.length = length

    def reset_state(self, batch_size: int | bm.Mode | None = None) -> None:
        """Refill the buffer: newest row = the target's value, older rows = ``before_t0``.

        Args:
          batch_size: checked against the target's batch size when both exist (reset the
            target first); the buffer always follows the target's shape.
        """
        size = batch_size_of(batch_size)
        if (
            isinstance(size, numbers.Integral)
            and not isinstance(batch_size, bm.Mode)
            and self.target.batch_axis is not None
            and self.target.batch_size != size
        ):
            raise DelayValueError(
                f"{self.name}: batch_size={size} differs from the target's batch size "
                f"{self.target.batch_size}; reset the target first."
            )
        if self.data is None:
            return
        history = jnp.concatenate([self.target.value[None], self._before_rows(self.length)])
        self.data.value = self._layout(history)
        if self.ptr is not None:
            self.ptr.value = jnp.zeros((), jnp.int32)

    # ------------------------------------------------------------ read/write
    def at(self, entry: str, *indices: Any) -> jax.Array:
        """The target's value ``d`` updates ago for ``entry``, indexed by ``indices``.

        ``at(entry, *indices)`` equals ``at(entry)[indices]``; indices index the target's
        shape (batch axis included) and must be integers, integer arrays or slices.

        Raises:
          DelayEntryError: ``entry`` is not registered; the message lists the entries.
          DelayTypeError: an index is not an integer.
        """
        if entry not in self._steps:
            raise DelayEntryError(
                f"{self.name}: no delay entry named {entry!r}; registered entries: "
                f"{list(self._steps)}."
            )
        _check_indices(self.name, indices)
        self._check_dt(entry)
        steps = self._steps[entry]
        if steps is None or self.data is None or (isinstance(steps, int) and steps == 0):
            value = self.target.value
        else:
            value = self._read(steps)
            if not isinstance(steps, int) and np.any(steps == 0):
                value = jnp.where(self._per_neuron(steps == 0), self.target.value, value)
        return value[tuple(_raw(i) for i in indices)] if indices else value

    def _check_dt(self, entry: str) -> None:
        """An entry given as a time is only right at the ``dt`` it was registered with."""
        built = self._dts.get(entry)
        now = share.dt
        if built is None or not isinstance(now, numbers.Real) or np.isclose(now, built, 1e-9, 0):
            return
        steps = self._steps[entry]
        raise DelayValueError(
            f"{self.name}: entry {entry!r} was registered at dt={built:g} ms "
            f"({steps} steps), but the model now runs at dt={float(now):g} ms, where those "
            "steps are another delay. Build the model after setting dt (bm.set_dt, or the "
            "runner's dt), or register the entry with delay_step=."
        )

    def retrieve(self, delay_step: Any, *indices: Any) -> jax.Array:
        """The value pushed ``delay_step`` updates ago (``0``: the newest push).

        Args:
          delay_step: an int, a per-neuron int array, or a traced int scalar.
          *indices: integer indices into the target's shape.

        Raises:
          DelayValueError: a concrete step is negative or longer than the buffer.
          DelayTypeError: a non-integer step or index.
        """
        _check_indices(self.name, indices)
        if isinstance(delay_step, bool) or not (
            isinstance(delay_step, numbers.Integral) or _is_array(delay_step)
        ):
            raise DelayTypeError(
                f"{self.name}: delay_step must be an int or int array, got {delay_step!r}."
            )
        if isinstance(delay_step, numbers.Integral):
            step: Any = int(delay_step)
        else:
            step = _raw(delay_step)
            step = np.asarray(step) if not isinstance(step, jax.core.Tracer) else step
            if not np.issubdtype(step.dtype, np.integer):
                raise DelayTypeError(
                    f"{self.name}: delay_step must be integers, got dtype {step.dtype}."
                )
        if not isinstance(step, jax.core.Tracer):
            bad = np.asarray(step)
            if np.any(bad < 0) or np.any(bad > self.length):
                raise DelayValueError(
                    f"{self.name}: delay_step must lie in [0, {self.length}] (the buffer length), "
                    f"got {delay_step!r}."
                )
        if self.data is None:
            value = self.target.value
        else:
            value = self._read(step if isinstance(step, int) or step.ndim else jnp.asarray(step))
        return value[tuple(_raw(i) for i in indices)] if indices else value

    def _per_neuron(self, values: Any) -> jax.Array:
        """Reshape a per-neuron vector to broadcast against the target's shape."""
        shape = [1] * self.target.ndim
        shape[1 if self.target.batch_axis == 0 else 0] = -1
        return jnp.reshape(jnp.asarray(values), shape)

    def _read(self, steps: Any) -> jax.Array:
        data = self.data.value
        size = self.length + 1
        if isinstance(steps, int) and self.method == "concat":
            return data[steps]
        if self.method == "rotation":
            rows = (self.ptr.value - jnp.asarray(steps, jnp.int32)) % size
        else:
            rows = jnp.asarray(steps, jnp.int32)
        if rows.ndim == 0:
            return lax.dynamic_index_in_dim(data, rows, 0, keepdims=False)
        idx = jnp.broadcast_to(self._per_neuron(rows)[None], (1, *data.shape[1:]))
        return jnp.take_along_axis(data, idx, axis=0)[0]

    def update(self, latest_value: Any = None) -> None:
        """Push ``latest_value`` (default: the target's value) as the newest value.

        Raises:
          DelayValueError: ``latest_value`` does not have the target's shape.
        """
        if self.data is None:
            return
        x = self.target.value if latest_value is None else jnp.asarray(_raw(latest_value))
        if x.shape != self.data.shape[1:]:
            raise DelayValueError(
                f"{self.name}: latest_value must have the target's shape {self.data.shape[1:]}, "
                f"got {x.shape}."
            )
        x = x.astype(self.data.dtype)
        if self.method == "rotation":
            ptr = (self.ptr.value + 1) % (self.length + 1)
            self.data.value = lax.dynamic_update_index_in_dim(self.data.value, x, ptr, 0)
            self.ptr.value = ptr
        else:
            self.data.value = jnp.concatenate([x[None], self.data.value[:-1]], axis=0)


def _check_indices(owner: str, indices: tuple) -> None:
    for pos, idx in enumerate(indices):
        if idx is None or idx is Ellipsis or isinstance(idx, slice):
            continue
        if isinstance(idx, bool) or not (isinstance(idx, numbers.Integral) or _is_array(idx)):
            raise DelayTypeError(
                f"{owner}: index {pos} must be an integer, an integer array or a slice, got "
                f"{type(idx).__name__}: {idx!r}."
            )
        if not isinstance(idx, numbers.Integral):
            dtype = (
                jnp.result_type(_raw(idx))
                if not isinstance(idx, (list, tuple))
                else np.asarray(idx).dtype
            )
            if not np.issubdtype(dtype, np.integer):
                raise DelayTypeError(
                    f"{owner}: index {pos} must have an integer dtype, got {dtype}."
                )


# Show the public path in reprs, docs and pickles (CONTRIBUTING.md, convention 5).
bm.set_module("brainpy_dyn", Delay)
