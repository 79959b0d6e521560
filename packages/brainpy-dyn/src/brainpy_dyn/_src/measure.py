"""Measures of recorded activity: population firing rate and spike-train synchrony."""

from __future__ import annotations

from typing import Any

import jax.numpy as jnp
import numpy as np

import brainpy_math as bm

__all__ = ["firing_rate", "cross_correlation"]


def _spikes_2d(spikes: Any, who: str) -> Any:
    x = bm.as_jax(spikes)
    if np.ndim(x) == 1:
        x = x[:, None]
    if np.ndim(x) != 2:
        raise ValueError(
            f"{who}: spikes must have shape (time steps, neurons), got shape {np.shape(x)}."
        )
    return x


def _dt(dt: Any, who: str) -> float:
    dt = bm.get_dt() if dt is None else dt
    if isinstance(dt, bool) or not isinstance(dt, (int, float)) or not dt > 0:
        raise ValueError(f"{who}: dt must be a positive number, got dt={dt!r}.")
    return float(dt)


def firing_rate(spikes: Any, width: float, dt: float | None = None, numpy: bool = True) -> Any:
    """The population firing rate (Hz), smoothed with a rectangular window.

    BrainPy implementation of ``brainpy.measure.firing_rate`` (2.3.5): the fraction of
    neurons that fire in each step is averaged over a centred window of
    ``2 * round(width / (2 dt)) + 1`` steps and converted to Hz (``dt`` in ms).

    Args:
      spikes: the recorded spikes, shape ``(time steps, neurons)`` (a 1-D train is one
        neuron).
      width: the window width (ms, ``> 0``).
      dt: the step (default :func:`brainpy_math.get_dt`).
      numpy: return a NumPy array (else a JAX array).

    Returns:
      The rate at every step, shape ``(time steps,)``. Near both ends the window is
      zero-padded (``mode='same'`` convolution), as in 2.3.5.

    Raises:
      ValueError: ``spikes`` is not 1-D/2-D, or ``width``/``dt`` is not positive.

    Note:
      2.3.5 scales the window by ``1000 / width``, which is off by the rounding of the
      window length; here it is scaled by ``1000 / (window steps * dt)``, so a neuron
      firing once every ``k`` steps has a rate of ``1000 / (k dt)`` Hz whenever the
      window holds a whole number of periods.

    Examples:
      >>> import numpy as np
      >>> import brainpy_dyn as bd
      >>> # 10 neurons fire in turn, one per step: each fires every 1 ms (1000 Hz).
      >>> spikes = np.eye(10, dtype=bool)[np.arange(100) % 10]
      >>> rate = bd.measure.firing_rate(spikes, width=5., dt=0.1)
      >>> round(float(rate[50]), 6)
      1000.0
    """
    who = "firing_rate"
    dt = _dt(dt, who)
    if isinstance(width, bool) or not isinstance(width, (int, float)) or not width > 0:
        raise ValueError(f"{who}: width must be a positive number (ms), got width={width!r}.")
    x = _spikes_2d(spikes, who)
    n_win = 2 * int(round(width / (2 * dt))) + 1
    scale = 1000.0 / (n_win * dt)
    if numpy:
        pop = np.mean(np.asarray(x, dtype=np.float64), axis=1)
        return np.convolve(pop, np.full(n_win, scale), mode="same")
    pop = jnp.mean(jnp.asarray(x, dtype=bm.get_float()), axis=1)
    return jnp.convolve(pop, jnp.full(n_win, scale, dtype=pop.dtype), mode="same")


def cross_correlation(
    spikes: Any, bin: float, dt: float | None = None, numpy: bool = True, method: str = "loop"
) -> Any:
    """The synchrony index of Wang & Buzsáki (1996): mean pairwise coherence of binned trains.

    BrainPy implementation of ``brainpy.measure.cross_correlation`` (2.3.5). The time
    axis is cut into bins of ``round(bin / dt)`` steps (a last partial bin is dropped);
    ``X_i(l) = 1`` when neuron ``i`` fires in bin ``l``. For each pair ``i ≠ j``,
    ``κ_ij = Σ_l X_i(l) X_j(l) / sqrt(Σ_l X_i(l) · Σ_l X_j(l))``; the result is the mean
    over pairs (pairs with a silent neuron count as 0).

    The value is computed by the same JAX operations in the default float type whether
    ``numpy`` is set or not, and whether or not the call is under ``jit``, so the NumPy
    and JAX results are equal.

    Args:
      spikes: shape ``(time steps, neurons)``, at least two neurons.
      bin: the bin width (ms); at least one step.
      dt: the step (default :func:`brainpy_math.get_dt`).
      numpy: return a NumPy scalar (else a JAX scalar).
      method: ``'loop'`` or ``'vmap'``, 2.3.5's two ways of computing the pairs; both
        give the same value here (the pairs are one matrix product).

    Returns:
      A value in ``[0, 1]``: 1 for identical trains.

    Examples:
      >>> import numpy as np
      >>> import brainpy_dyn as bd
      >>> spikes = np.zeros((100, 3), dtype=bool)
      >>> spikes[::10] = True
      >>> float(bd.measure.cross_correlation(spikes, bin=1., dt=0.1))
      1.0
    """
    who = "cross_correlation"
    dt = _dt(dt, who)
    if method not in ("loop", "vmap"):
        raise ValueError(f"{who}: method must be 'loop' or 'vmap', got {method!r}.")
    x = _spikes_2d(spikes, who)
    steps = int(round(bin / dt)) if isinstance(bin, (int, float)) else 0
    t, n = np.shape(x)
    if steps < 1:
        raise ValueError(f"{who}: bin must be at least one step ({dt} ms), got bin={bin!r}.")
    if n < 2:
        raise ValueError(f"{who}: needs at least two neurons, got {n}.")
    ftype = bm.get_float()
    nb = t // steps
    binned = (jnp.asarray(x)[: nb * steps].reshape(nb, steps, n) != 0).any(axis=1).astype(ftype)
    joint = binned.T @ binned
    counts = jnp.diag(joint)
    denom = jnp.sqrt(jnp.outer(counts, counts))
    kappa = jnp.where(denom > 0, joint / jnp.where(denom > 0, denom, 1.0), 0.0)
    off = ~jnp.eye(n, dtype=bool)
    result = jnp.sum(jnp.where(off, kappa, 0.0)) / (n * (n - 1))
    return np.asarray(result) if numpy else result
