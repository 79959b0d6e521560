"""``XLACustomOp``: an operator made of a NumPy function and a shape function.

BrainPy 2.3.5 compiled ``cpu_func`` with Numba and registered it as an XLA custom call
through brainpylib. Here the function runs on the host through :func:`jax.pure_callback`:
no compiler and no extension module, and the operator still works inside ``jit``,
``bm.jit``, loops and ``vmap`` on every backend (on an accelerator, the inputs travel to the
host and the outputs back). ``cpu_func`` keeps 2.3.5's calling convention: it receives
NumPy arrays and writes its results in place, ``cpu_func(outs, ins)``.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

import jax
import jax.numpy as jnp
import numpy as np

from brainpy_math._src.array import _return, as_jax
from brainpy_math._src.public_path import set_module

__all__ = ["XLACustomOp"]


def _abstract(owner: str, value: Any, where: str) -> jax.ShapeDtypeStruct:
    shape, dtype = getattr(value, "shape", None), getattr(value, "dtype", None)
    if shape is None or dtype is None:
        raise TypeError(
            f"{owner}: eval_shape must return objects with a shape and a dtype (arrays, "
            f"jax.ShapeDtypeStruct or jax.core.ShapedArray), got {type(value).__name__} at "
            f"{where}."
        )
    return jax.ShapeDtypeStruct(tuple(shape), jnp.dtype(dtype))


class XLACustomOp:
    """An operator from a host (NumPy) function and a function giving its output shapes.

    Args:
      eval_shape: ``eval_shape(*ins)`` gets one ``jax.ShapeDtypeStruct`` per input and
        returns the outputs' shapes and dtypes: one object with ``shape`` and ``dtype`` (an
        array, ``jax.ShapeDtypeStruct``, ``jax.core.ShapedArray``) or a sequence of them.
      con_compute: ``con_compute(*ins)`` returns the outputs from NumPy inputs; used when no
        ``cpu_func`` is given.
      cpu_func: ``cpu_func(outs, ins)`` writes the outputs in place. ``ins`` is a tuple of
        NumPy arrays (a scalar input arrives as a 0-d array); ``outs`` is a tuple of
        zero-filled writable arrays (with ``multiple_results=False``, the one array).
      gpu_func: a GPU kernel (a Numba CUDA function in BrainPy 2.3.5). It cannot run
        without Numba: give ``cpu_func``, which runs on the host for every backend.
      apply_cpu_func_to_gpu: accepted for compatibility; ``cpu_func`` always serves every
        backend.
      name: the operator name, used in errors.
      batching_translation: a vmap rule ``(args, dims) -> (outs, out_dims)`` where ``dims``
        holds, per input, the batched axis or ``None``. Without it, ``vmap`` calls the host
        function once per batch element.
      jvp_translation: a JVP rule ``(primals, tangents) -> (outs, out_tangents)``. Without
        it the operator cannot be differentiated (a clear error says so).
      transpose_translation: not supported (it needs a linear primitive of XLA).
      multiple_results: return a list of outputs (BrainPy 2.3.5's default) rather than the
        single output.

    Examples:
      >>> import numpy as np
      >>> import brainpy_math as bm
      >>> def double(outs, ins):
      ...     outs[0][:] = 2 * ins[0]
      >>> op = bm.XLACustomOp(cpu_func=double, eval_shape=lambda x: [x], name='double')
      >>> op(bm.arange(3.))
      [Array([0., 2., 4.], dtype=float32)]
      >>> bm.jit(lambda x: op(x)[0] + 1)(bm.ones(2))
      Array([3., 3.], dtype=float32)
    """

    def __init__(
        self,
        eval_shape: Callable | None = None,
        con_compute: Callable | None = None,
        cpu_func: Callable | None = None,
        gpu_func: Callable | None = None,
        apply_cpu_func_to_gpu: bool | None = None,
        name: str | None = None,
        batching_translation: Callable | None = None,
        jvp_translation: Callable | None = None,
        transpose_translation: Callable | None = None,
        multiple_results: bool = True,
    ):
        fn = cpu_func or con_compute or gpu_func
        self.name = name or getattr(fn, "__name__", None) or "custom_op"
        owner = f"XLACustomOp {self.name!r}"
        if eval_shape is None or not callable(eval_shape):
            raise ValueError(
                f"{owner}: eval_shape must be a function giving the outputs' shapes and "
                f"dtypes, got {eval_shape!r}."
            )
        for arg, value in (
            ("cpu_func", cpu_func),
            ("con_compute", con_compute),
            ("batching_translation", batching_translation),
            ("jvp_translation", jvp_translation),
        ):
            if value is not None and not callable(value):
                raise TypeError(f"{owner}: {arg} must be a function, got {value!r}.")
        if cpu_func is None and con_compute is None:
            if gpu_func is not None:
                raise NotImplementedError(
                    f"{owner}: gpu_func (a Numba CUDA kernel in BrainPy 2.3.5) cannot run "
                    "without Numba; give cpu_func(outs, ins), which runs on the host for "
                    "every backend."
                )
            raise ValueError(f"{owner}: give cpu_func(outs, ins) or con_compute(*ins).")
        if transpose_translation is not None:
            raise NotImplementedError(
                f"{owner}: transpose_translation is not supported: an operator that runs on "
                "the host is not a linear XLA primitive. Give jvp_translation, or write the "
                "operator in JAX (jax.custom_vjp) to differentiate it in reverse mode."
            )
        self.eval_shape = eval_shape
        self.con_compute = con_compute
        self.cpu_func = cpu_func
        self.gpu_func = gpu_func
        self.apply_cpu_func_to_gpu = apply_cpu_func_to_gpu
        self.batching_translation = batching_translation
        self.jvp_translation = jvp_translation
        self.multiple_results = multiple_results
        self._owner = owner

    def __repr__(self) -> str:
        return f"XLACustomOp(name={self.name!r}, multiple_results={self.multiple_results})"

    # ------------------------------------------------------------------ shapes
    def _out_shapes(self, ins: Sequence[jax.Array]) -> list[jax.ShapeDtypeStruct]:
        abstract = [jax.ShapeDtypeStruct(x.shape, x.dtype) for x in ins]
        outs = self.eval_shape(*abstract)
        if hasattr(outs, "shape") and hasattr(outs, "dtype"):
            return [_abstract(self._owner, outs, "the result")]
        if not isinstance(outs, (list, tuple)):
            raise TypeError(
                f"{self._owner}: eval_shape must return a shape-and-dtype object or a list of "
                f"them, got {type(outs).__name__}."
            )
        return [_abstract(self._owner, o, f"position {i}") for i, o in enumerate(outs)]

    # ---------------------------------------------------------------- running
    def _host(self, shapes: list[jax.ShapeDtypeStruct]) -> Callable[..., tuple[np.ndarray, ...]]:
        def run(*arrays: Any) -> tuple[np.ndarray, ...]:
            ins = tuple(np.asarray(a) for a in arrays)
            if self.cpu_func is not None:
                outs = tuple(np.zeros(s.shape, s.dtype) for s in shapes)
                self.cpu_func(outs if self.multiple_results else outs[0], ins)
            else:
                made = self.con_compute(*ins)
                made = made if isinstance(made, (list, tuple)) else (made,)
                outs = tuple(np.asarray(m) for m in made)
            if len(outs) != len(shapes) or any(
                o.shape != s.shape for o, s in zip(outs, shapes, strict=False)
            ):
                raise ValueError(
                    f"{self._owner}: the outputs have shapes {[o.shape for o in outs]}, but "
                    f"eval_shape promised {[s.shape for s in shapes]}."
                )
            return tuple(np.asarray(o, dtype=s.dtype) for o, s in zip(outs, shapes, strict=True))

        return run

    def _callback(self, *ins: jax.Array) -> list[jax.Array]:
        shapes = self._out_shapes(ins)
        out = jax.pure_callback(self._host(shapes), shapes, *ins, vmap_method="sequential")
        return list(out)

    def _batched(self, *ins: jax.Array) -> list[jax.Array]:
        if self.batching_translation is None:
            return self._callback(*ins)

        @jax.custom_batching.custom_vmap
        def op(*args: jax.Array) -> list[jax.Array]:
            return self._callback(*args)

        @op.def_vmap
        def rule(axis_size: int, in_batched: Sequence[bool], *args: jax.Array) -> Any:
            dims = [0 if b else None for b in in_batched]
            outs, out_dims = self.batching_translation(list(args), dims)  # type: ignore[misc]
            outs = list(outs) if isinstance(outs, (list, tuple)) else [outs]
            if not isinstance(out_dims, (list, tuple)):
                out_dims = [out_dims] * len(outs)
            moved = [
                jnp.moveaxis(as_jax(o), d, 0) if d is not None else as_jax(o)
                for o, d in zip(outs, out_dims, strict=True)
            ]
            return moved, [d is not None for d in out_dims]

        return list(op(*ins))

    def __call__(self, *ins: Any) -> Any:
        """Run the operator on ``ins`` (arrays or numbers)."""
        args = [jnp.asarray(as_jax(x)) for x in ins]

        @jax.custom_jvp
        def op(*args: jax.Array) -> list[jax.Array]:
            return self._batched(*args)

        @op.defjvp
        def jvp(primals: Any, tangents: Any) -> Any:
            if self.jvp_translation is None:
                raise NotImplementedError(
                    f"{self._owner} cannot be differentiated: it runs a host function. Give "
                    "jvp_translation=(primals, tangents) -> (outs, out_tangents)."
                )
            outs, tans = self.jvp_translation(list(primals), list(tangents))
            return [as_jax(o) for o in outs], [as_jax(t) for t in tans]

        outs = [_return(o) for o in op(*args)]
        return outs if self.multiple_results else outs[0]


set_module("brainpy_math", XLACustomOp)

# ``__module__`` is the public one, so pytest's doctest finder needs to be told.
__test__ = {"XLACustomOp": XLACustomOp}
