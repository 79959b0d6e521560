r"""The kernel LFP of Telenczuk et al. (2020): each spike adds a delayed Gaussian "unitary" field.

A spike of neuron ``i`` at time :math:`t_s` adds to the potential at the electrode

.. math::

    A_i \exp\left(-\frac{(t - t_s - d_i)^2}{2\sigma^2}\right),
    \qquad A_i = A_0 \, e^{-r_i/\lambda}, \qquad d_i = 10.4\,\text{ms} + \frac{r_i}{v_a},

where :math:`r_i` is the distance (mm) from the neuron to the electrode, :math:`v_a` the
axonal velocity, :math:`\lambda` the space constant, :math:`A_0` the amplitude of the
unitary field of the neuron type at the recording depth, and :math:`\sigma` its width.
"""

from __future__ import annotations

from typing import Any

import numpy as np

import brainpy_math as bm

__all__ = ["unitary_LFP"]

# A_0 (µV) of the excitatory and inhibitory unitary fields at each recording depth.
_AMPLITUDES = {
    "soma layer": (0.48, 3.0),
    "deep layer": (-0.16, -0.2),
    "superficial layer": (0.24, -1.2),
    "surface layer": (-0.08, 0.3),
}
_CHUNK = 1 << 22  # (time steps × spikes) handled at once


def _positive(value: Any, who: str, arg: str) -> float:
    if isinstance(value, bool) or not isinstance(value, (int, float, np.number)) or not value > 0:
        raise ValueError(f"{who}: {arg} must be a positive number, got {arg}={value!r}.")
    return float(value)


def unitary_LFP(
    times: Any,
    spikes: Any,
    spike_type: str = "exc",
    xmax: float = 0.2,
    ymax: float = 0.2,
    va: float = 200.0,
    lambda_: float = 0.2,
    sig_i: float = 2.1,
    sig_e: float = 2.1 * 1.5,
    location: str = "soma layer",
    seed: int | None = None,
) -> np.ndarray:
    """The local field potential of a population from its spikes (kernel method).

    BrainPy implementation of ``brainpy.measure.unitary_LFP`` (2.3.5), after Telenczuk,
    Telenczuk & Destexhe (2020), "A kernel-based method to calculate local field potentials
    from networks of spiking neurons", J. Neurosci. Methods. The neurons are placed
    uniformly at random (for ``seed``) on an ``xmax`` × ``ymax`` mm sheet with the electrode
    at its centre; see the module notes for the kernel.

    Args:
      times: the time of each step (ms), shape ``(time steps,)``.
      spikes: the spikes, shape ``(time steps, neurons)``.
      spike_type: ``'exc'`` or ``'inh'``: the neuron type (amplitude and width).
      xmax: the width of the sheet (mm).
      ymax: the height of the sheet (mm).
      va: the axonal velocity (mm/s).
      lambda_: the space constant of the amplitude decay (mm).
      sig_i: the width of the inhibitory unitary field (ms).
      sig_e: the width of the excitatory unitary field (ms).
      location: the recording depth, ``'soma layer'``, ``'deep layer'``,
        ``'superficial layer'`` or ``'surface layer'``.
      seed: the seed of the neuron positions (``None``: a fresh draw).

    Returns:
      The LFP (µV) at each time, shape ``(time steps,)``.

    Raises:
      ValueError: mismatched shapes, an unknown ``spike_type`` or ``location``, or a
        non-positive size, velocity, space constant or width.

    Examples:
      >>> import numpy as np
      >>> import brainpy_dyn as bd
      >>> times = np.arange(0, 50, 0.1)
      >>> spikes = np.zeros((500, 4), dtype=bool)
      >>> spikes[10] = True
      >>> lfp = bd.measure.unitary_LFP(times, spikes, seed=0)
      >>> lfp.shape, bool(lfp.max() > 0)
      ((500,), True)
    """
    who = "unitary_LFP"
    t = np.asarray(bm.as_numpy(times), dtype=np.float64)
    sp = bm.as_numpy(spikes)
    if sp.ndim != 2 or t.shape != (sp.shape[0],):
        raise ValueError(
            f"{who}: spikes must have shape (time steps, neurons) and times one entry per step, "
            f"got shapes {sp.shape} and {t.shape}."
        )
    if spike_type not in ("exc", "inh"):
        raise ValueError(f"{who}: spike_type must be 'exc' or 'inh', got {spike_type!r}.")
    if location not in _AMPLITUDES:
        raise ValueError(f"{who}: location must be one of {sorted(_AMPLITUDES)}, got {location!r}.")
    xmax, ymax = _positive(xmax, who, "xmax"), _positive(ymax, who, "ymax")
    va, lambda_ = _positive(va, who, "va"), _positive(lambda_, who, "lambda_")
    sig = _positive(
        sig_e if spike_type == "exc" else sig_i, who, "sig_e" if spike_type == "exc" else "sig_i"
    )
    amp0 = _AMPLITUDES[location][0 if spike_type == "exc" else 1]

    rng = np.random.default_rng(seed)
    n = sp.shape[1]
    x = rng.uniform(0.0, xmax, n)
    y = rng.uniform(0.0, ymax, n)
    dist = np.hypot(x - xmax / 2, y - ymax / 2)  # mm
    delay = 10.4 + dist / va * 1000.0  # ms
    amp = amp0 * np.exp(-dist / lambda_)

    steps, neurons = np.nonzero(sp)
    centres = t[steps] + delay[neurons]
    weights = amp[neurons]
    lfp = np.zeros_like(t)
    per_chunk = max(1, _CHUNK // max(t.size, 1))
    for start in range(0, centres.size, per_chunk):
        c = centres[start : start + per_chunk]
        w = weights[start : start + per_chunk]
        lfp += np.exp(-((t[:, None] - c[None, :]) ** 2) / (2.0 * sig**2)) @ w
    return lfp
