"""Input currents: arrays with one row per time step, to feed a runner or a loop.

Every duration becomes a number of steps with ``round(duration / dt)`` (never
``int``/``ceil``), and section boundaries are rounded from their cumulative times, so
the total length is always ``round(total_duration / dt)``.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import Any

import jax
import jax.numpy as jnp
import numpy as np

import brainpy_math as bm
from brainpy_dyn._src.params import check_finite, check_numbers
from brainpy_math import random as bm_random

__all__ = [
    "section_input",
    "constant_input",
    "spike_input",
    "ramp_input",
    "sinusoidal_input",
    "square_input",
    "wiener_process",
    "ou_process",
]


def _dt(dt: Any, who: str) -> float:
    dt = bm.get_dt() if dt is None else dt
    if isinstance(dt, bool) or not isinstance(dt, (int, float)) or not 0 < dt < math.inf:
        raise ValueError(f"{who}: dt must be a positive number, got dt={dt!r}.")
    return float(dt)


def _time(x: Any, who: str, name: str, *, allow_zero: bool = True) -> float:
    if isinstance(x, bool) or not isinstance(x, (int, float, np.integer, np.floating)):
        raise ValueError(f"{who}: {name} must be a number (ms), got {name}={x!r}.")
    if not math.isfinite(x) or x < 0 or (x == 0 and not allow_zero):
        need = ">= 0" if allow_zero else "> 0"
        raise ValueError(f"{who}: {name} must be finite and {need}, got {name}={x!r}.")
    return float(x)


def _steps(t: float, dt: float) -> int:
    return int(round(t / dt))


def section_input(
    values: Sequence[Any],
    durations: Sequence[Any],
    dt: float | None = None,
    return_length: bool = False,
) -> Any:
    """A piecewise-constant input: ``values[k]`` for ``durations[k]`` ms, one after another.

    BrainPy implementation of ``brainpy.inputs.section_input`` (2.3.5).

    Args:
      values: the value of each section: numbers or arrays (broadcast together; the
        result has shape ``(steps, *broadcast_shape)``).
      durations: the length of each section (ms, ``>= 0``).
      dt: the step (default :func:`brainpy_math.get_dt`).
      return_length: also return the total duration.

    Returns:
      The input array (a :class:`brainpy_math.Array`), and the total duration when
      ``return_length``.

    Raises:
      ValueError: ``values`` and ``durations`` differ in length, a duration is negative,
        or the values do not broadcast together.

    Examples:
      >>> import brainpy_dyn as bd
      >>> bd.inputs.section_input([0., 1., 0.], [0.2, 0.3, 0.1], dt=0.1)
      Array([0., 0., 1., 1., 1., 0.], dtype=float32)
    """
    who = "section_input"
    dt = _dt(dt, who)
    if len(values) != len(durations):
        raise ValueError(
            f"{who}: values and durations must have the same length, got {len(values)} "
            f"values and {len(durations)} durations."
        )
    durations = [_time(d, who, "durations[k]") for d in durations]
    for k, v in enumerate(values):
        check_finite(v, who, f"values[{k}]")
    arrays = [jnp.asarray(bm.as_jax(v)) for v in values]
    try:
        shape = np.broadcast_shapes(*(a.shape for a in arrays)) if arrays else ()
    except ValueError:
        raise ValueError(
            f"{who}: the values must broadcast together, got shapes {[a.shape for a in arrays]}."
        ) from None
    dtype = jnp.result_type(bm.get_float(), *arrays) if arrays else bm.get_float()
    bounds = np.round(np.cumsum([0.0, *durations]) / dt).astype(int)
    pieces = [
        jnp.broadcast_to(a.astype(dtype), (int(n), *shape)) for a, n in zip(arrays, np.diff(bounds))
    ]
    out = bm.Array(jnp.concatenate(pieces) if pieces else jnp.zeros((0, *shape), dtype))
    return (out, float(sum(durations))) if return_length else out


def constant_input(I_and_duration: Sequence[tuple[Any, Any]], dt: float | None = None) -> Any:
    """Constant sections given as ``(value, duration)`` pairs.

    BrainPy implementation of ``brainpy.inputs.constant_input`` (2.3.5).

    Args:
      I_and_duration: ``[(value, duration), ...]``.
      dt: the step (default :func:`brainpy_math.get_dt`).

    Returns:
      ``(current, total_duration)``.

    Examples:
      >>> import brainpy_dyn as bd
      >>> I, duration = bd.inputs.constant_input([(0., 0.1), (2., 0.2)], dt=0.1)
      >>> I, duration
      (Array([0., 2., 2.], dtype=float32), 0.30000000000000004)
    """
    try:
        values, durations = zip(*I_and_duration) if I_and_duration else ((), ())
    except (TypeError, ValueError):
        raise ValueError(
            "constant_input: I_and_duration must be a list of (value, duration) pairs, "
            f"got {I_and_duration!r}."
        ) from None
    return section_input(list(values), list(durations), dt=dt, return_length=True)


def spike_input(
    sp_times: Sequence[float],
    sp_lens: Any,
    sp_sizes: Any,
    duration: float,
    dt: float | None = None,
) -> bm.Array:
    """Rectangular current pulses starting at ``sp_times``.

    BrainPy implementation of ``brainpy.inputs.spike_input`` (2.3.5). Pulse ``k`` covers
    steps ``round(t_k/dt)`` to ``round((t_k + len_k)/dt)`` (exclusive) with amplitude
    ``size_k``; overlapping pulses take the later one's value.

    Args:
      sp_times: the pulse onsets (ms).
      sp_lens: the pulse length (ms): one number or one per pulse.
      sp_sizes: the pulse amplitude: one number or one per pulse.
      duration: the total duration (ms).
      dt: the step (default :func:`brainpy_math.get_dt`).

    Returns:
      An array of shape ``(round(duration/dt),)``.

    Examples:
      >>> import brainpy_dyn as bd
      >>> bd.inputs.spike_input([0.1, 0.4], 0.2, 1.5, duration=0.6, dt=0.1)
      Array([0. , 1.5, 1.5, 0. , 1.5, 1.5], dtype=float32)
    """
    who = "spike_input"
    dt = _dt(dt, who)
    duration = _time(duration, who, "duration")
    times = [_time(t, who, "sp_times[k]") for t in sp_times]
    n = len(times)
    lens = list(sp_lens) if isinstance(sp_lens, (list, tuple)) else [sp_lens] * n
    sizes = list(sp_sizes) if isinstance(sp_sizes, (list, tuple)) else [sp_sizes] * n
    if len(lens) != n or len(sizes) != n:
        raise ValueError(
            f"{who}: sp_lens and sp_sizes must be numbers or have one entry per spike "
            f"({n}), got {len(lens)} lengths and {len(sizes)} sizes."
        )
    out = np.zeros(_steps(duration, dt), dtype=bm.get_float())
    for k, size in enumerate(sizes):
        check_finite(size, who, f"sp_sizes[{k}]")
    for t, length, size in zip(times, lens, sizes):
        length = _time(length, who, "sp_lens[k]")
        out[_steps(t, dt) : _steps(t + length, dt)] = size
    return bm.Array(jnp.asarray(out))


def ramp_input(
    c_start: float,
    c_end: float,
    duration: float,
    t_start: float = 0.0,
    t_end: float | None = None,
    dt: float | None = None,
) -> bm.Array:
    """A linear ramp from ``c_start`` to ``c_end`` between ``t_start`` and ``t_end``, 0 elsewhere.

    BrainPy implementation of ``brainpy.inputs.ramp_input`` (2.3.5).

    Examples:
      >>> import brainpy_dyn as bd
      >>> bd.inputs.ramp_input(0., 3., duration=0.6, t_start=0.1, t_end=0.5, dt=0.1)
      Array([0., 0., 1., 2., 3., 0.], dtype=float32)
    """
    who = "ramp_input"
    dt = _dt(dt, who)
    check_numbers(who, c_start=c_start, c_end=c_end)
    duration = _time(duration, who, "duration")
    t_end = duration if t_end is None else _time(t_end, who, "t_end")
    p1, p2 = _steps(_time(t_start, who, "t_start"), dt), _steps(t_end, dt)
    out = np.zeros(_steps(duration, dt), dtype=bm.get_float())
    out[p1:p2] = np.linspace(c_start, c_end, max(p2 - p1, 0))
    return bm.Array(jnp.asarray(out))


def sinusoidal_input(
    amplitude: float,
    frequency: float,
    duration: float,
    dt: float | None = None,
    t_start: float = 0.0,
    t_end: float | None = None,
    bias: bool = False,
) -> bm.Array:
    """``amplitude * sin(2π f (t - t_start))`` between ``t_start`` and ``t_end`` (f in Hz, t in ms).

    BrainPy implementation of ``brainpy.inputs.sinusoidal_input`` (2.3.5); ``bias=True``
    adds ``amplitude`` so the wave stays non-negative.

    Examples:
      >>> import brainpy_dyn as bd
      >>> x = bd.inputs.sinusoidal_input(2., 250., duration=4., dt=1.)
      >>> x.round(4)
      Array([ 0.,  2.,  0., -2.], dtype=float32)
    """
    who = "sinusoidal_input"
    dt = _dt(dt, who)
    check_numbers(who, amplitude=amplitude, frequency=frequency)
    duration = _time(duration, who, "duration")
    t_end = duration if t_end is None else _time(t_end, who, "t_end")
    p1, p2 = _steps(_time(t_start, who, "t_start"), dt), _steps(t_end, dt)
    out = np.zeros(_steps(duration, dt), dtype=bm.get_float())
    t = np.arange(max(p2 - p1, 0)) * dt
    wave = amplitude * np.sin(2 * np.pi * frequency * t / 1000.0)
    out[p1:p2] = wave + amplitude if bias else wave
    return bm.Array(jnp.asarray(out))


def square_input(
    amplitude: float,
    frequency: float,
    duration: float,
    dt: float | None = None,
    bias: bool = False,
    t_start: float = 0.0,
    t_end: float | None = None,
) -> bm.Array:
    """A square wave of ``amplitude`` and ``frequency`` (Hz) between ``t_start`` and ``t_end`` (ms).

    BrainPy implementation of ``brainpy.inputs.square_input`` (2.3.5): the sign of the sine
    wave of :func:`sinusoidal_input`, ``+amplitude`` over the first half of each period
    (counted from ``t_start``) and ``-amplitude`` over the second; ``bias=True`` adds
    ``amplitude`` (the wave then alternates between ``2 * amplitude`` and 0). Outside the
    window the input is 0.

    Examples:
      >>> import brainpy_dyn as bd
      >>> bd.inputs.square_input(1., 250., duration=8., dt=1.)
      Array([ 1.,  1., -1., -1.,  1.,  1., -1., -1.], dtype=float32)
    """
    who = "square_input"
    dt = _dt(dt, who)
    check_numbers(who, amplitude=amplitude, frequency=frequency)
    total, i0, i1 = _window(duration, t_start, t_end, dt, who)
    cycles = np.arange(i1 - i0) * dt * frequency / 1000.0
    # the fractional part, rounded so that exact half periods land on the second half
    phase = np.round(cycles - np.floor(cycles), 9) % 1.0
    wave = np.where(phase < 0.5, amplitude, -amplitude)
    out = np.zeros(total, dtype=bm.get_float())
    out[i0:i1] = (wave + amplitude if bias else wave)[: max(total - i0, 0)]
    return bm.Array(jnp.asarray(out))


def _window(
    duration: float, t_start: float, t_end: float | None, dt: float, who: str
) -> tuple[int, int, int]:
    duration = _time(duration, who, "duration")
    t_end = duration if t_end is None else _time(t_end, who, "t_end")
    i0, i1 = _steps(_time(t_start, who, "t_start"), dt), _steps(t_end, dt)
    return _steps(duration, dt), i0, max(i1, i0)


def wiener_process(
    duration: float,
    dt: float | None = None,
    n: int = 1,
    t_start: float = 0.0,
    t_end: float | None = None,
    seed: int | None = None,
) -> bm.Array:
    """Increments ``dW ~ N(0, dt)`` of ``n`` independent Wiener processes, 0 outside the window.

    BrainPy implementation of ``brainpy.inputs.wiener_process`` (2.3.5).

    Returns:
      An array of shape ``(round(duration/dt), n)``.

    Examples:
      >>> import brainpy_dyn as bd
      >>> bd.inputs.wiener_process(10., dt=0.1, n=3, seed=0).shape
      (100, 3)
    """
    who = "wiener_process"
    dt = _dt(dt, who)
    total, i0, i1 = _window(duration, t_start, t_end, dt, who)
    rng = bm_random.default_rng(seed)
    noise = bm.as_jax(rng.standard_normal((i1 - i0, n))) * math.sqrt(dt)
    out = jnp.zeros((total, n), dtype=noise.dtype).at[i0:i1].set(noise[: max(total - i0, 0)])
    return bm.Array(out)


def ou_process(
    mean: float,
    sigma: float,
    tau: float,
    duration: float,
    dt: float | None = None,
    n: int = 1,
    t_start: float = 0.0,
    t_end: float | None = None,
    seed: int | None = None,
) -> bm.Array:
    """An Ornstein–Uhlenbeck current ``dx = (mean - x)/tau dt + sigma dW``, 0 outside the window.

    BrainPy implementation of ``brainpy.inputs.ou_process`` (2.3.5), integrated with
    Euler–Maruyama from ``x = mean``.

    Returns:
      An array of shape ``(round(duration/dt), n)``.

    Examples:
      >>> import brainpy_dyn as bd
      >>> x = bd.inputs.ou_process(1., 0., 10., duration=5., dt=0.1, n=2, seed=0)
      >>> x.shape, float(x[0, 0])
      ((50, 2), 1.0)
    """
    who = "ou_process"
    dt = _dt(dt, who)
    tau = _time(tau, who, "tau", allow_zero=False)
    check_numbers(who, mean=mean, sigma=sigma)
    dW = bm.as_jax(wiener_process(duration, dt, n, t_start, t_end, seed))
    _, i0, i1 = _window(duration, t_start, t_end, dt, who)
    xs = _ou_scan(dW[i0:i1], mean, sigma, tau, dt)
    return bm.Array(jnp.zeros_like(dW).at[i0:i1].set(xs))


@jax.jit
def _ou_scan(dW: jax.Array, mean: Any, sigma: Any, tau: Any, dt: Any) -> jax.Array:
    """Euler–Maruyama path from ``x = mean``: the state at the start of each step."""

    def step(x: jax.Array, dw: jax.Array) -> tuple[jax.Array, jax.Array]:
        return x + dt * (mean - x) / tau + sigma * dw, x

    x0 = jnp.full(dW.shape[1:], mean, dtype=dW.dtype)
    return jax.lax.scan(step, x0, dW)[1]
