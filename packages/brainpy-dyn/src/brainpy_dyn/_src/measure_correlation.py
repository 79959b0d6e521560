"""Correlation measures: voltage synchrony, functional connectivity, matrix and weighted correlation.

Every measure computes with JAX in the default float type (or the input's, if wider) and
returns a NumPy value when ``numpy=True`` (the default, as in 2.3.5), a JAX value otherwise;
both forms work under ``jax.jit`` when ``numpy=False``.
"""

from __future__ import annotations

from typing import Any

import jax
import jax.numpy as jnp
import numpy as np

import brainpy_math as bm

__all__ = [
    "voltage_fluctuation",
    "functional_connectivity",
    "matrix_correlation",
    "weighted_correlation",
    "raster_plot",
]


def _float(x: Any) -> Any:
    x = jnp.asarray(bm.as_jax(x))
    if jnp.issubdtype(x.dtype, jnp.floating) and jnp.finfo(x.dtype).bits >= 32:
        return x
    return x.astype(bm.get_float())


def _out(x: Any, numpy: bool) -> Any:
    return np.asarray(x) if numpy else x


def _check_method(method: str, who: str) -> None:
    if method not in ("loop", "vmap"):
        raise ValueError(f"{who}: method must be 'loop' or 'vmap', got {method!r}.")


def voltage_fluctuation(potentials: Any, numpy: bool = True, method: str = "loop") -> Any:
    r"""The synchrony measure of Golomb & Rinzel (1993) from membrane potentials.

    BrainPy implementation of ``brainpy.measure.voltage_fluctuation`` (2.3.5). With the
    population mean :math:`V(t) = \frac{1}{N}\sum_i V_i(t)` and the time variances
    :math:`\sigma_V^2 = \langle V(t)^2\rangle_t - \langle V(t)\rangle_t^2` and
    :math:`\sigma_{V_i}^2` of each neuron,

    .. math::

        \chi^2(N) = \frac{\sigma_V^2}{\frac{1}{N}\sum_i \sigma_{V_i}^2},

    1 for fully synchronous activity and about :math:`1/N` for independent neurons. When
    every neuron is constant (the denominator is 0) the result is 1, as in 2.3.5.

    Args:
      potentials: the membrane potentials, shape ``(time steps, neurons)``.
      numpy: return a NumPy scalar (else a JAX scalar).
      method: ``'loop'`` or ``'vmap'`` (2.3.5's two implementations; the same value).

    Returns:
      :math:`\chi^2(N)`.

    Raises:
      ValueError: ``potentials`` is not 2-D, or a bad ``method``.

    Examples:
      >>> import numpy as np
      >>> import brainpy_dyn as bd
      >>> v = np.sin(np.linspace(0, 10, 200))[:, None] * np.ones((1, 5))
      >>> round(float(bd.measure.voltage_fluctuation(v)), 5)
      1.0
    """
    who = "voltage_fluctuation"
    _check_method(method, who)
    v = _float(potentials)
    if v.ndim != 2:
        raise ValueError(f"{who}: potentials must have shape (time steps, neurons), got {v.shape}.")
    avg = jnp.mean(v, axis=1)
    avg_var = jnp.mean(avg * avg) - jnp.mean(avg) ** 2
    neuron_var = jnp.mean(v * v, axis=0) - jnp.mean(v, axis=0) ** 2
    var_mean = jnp.mean(neuron_var)
    r = jnp.where(
        var_mean == 0.0, jnp.ones((), v.dtype), avg_var / jnp.where(var_mean == 0.0, 1.0, var_mean)
    )
    return _out(r, numpy)


def functional_connectivity(activities: Any, numpy: bool = True) -> Any:
    """The functional connectivity matrix: Pearson correlations between signals.

    BrainPy implementation of ``brainpy.measure.functional_connectivity`` (2.3.5):
    ``fc[i, j]`` is the Pearson correlation of the time courses of signals ``i`` and
    ``j``; a constant signal correlates with nothing (its row and column are 0, where
    the raw formula gives NaN).

    Args:
      activities: the signals, shape ``(time steps, signals)``.
      numpy: return a NumPy array (else a JAX array).

    Returns:
      The ``(signals, signals)`` correlation matrix.

    Raises:
      ValueError: ``activities`` is not 2-D.

    Examples:
      >>> import numpy as np
      >>> import brainpy_dyn as bd
      >>> t = np.linspace(0, 1, 50)
      >>> bd.measure.functional_connectivity(np.stack([t, -t], axis=1)).round(6)
      array([[ 1., -1.],
             [-1.,  1.]], dtype=float32)
    """
    x = _float(activities)
    if x.ndim != 2:
        raise ValueError(
            "functional_connectivity: activities must have shape (time steps, signals), got "
            f"{x.shape}."
        )
    return _out(_correlation_matrix(x), numpy)


# The kernels below are compiled as one program whether the measure is called eagerly or inside
# ``jit``, so both give the same float32 rounding (op-by-op and fused summation orders differ
# by an ulp or so, which near-zero correlations of long signals make visible).
@jax.jit
def _correlation_matrix(x: jax.Array) -> jax.Array:
    centred = x - jnp.mean(x, axis=0)
    cov = centred.T @ centred
    std = jnp.sqrt(jnp.diag(cov))
    denom = jnp.outer(std, std)
    return jnp.where(denom > 0, cov / jnp.where(denom > 0, denom, 1.0), 0.0)


@jax.jit
def _pearson(x: jax.Array, y: jax.Array) -> jax.Array:
    xc, yc = x - jnp.mean(x), y - jnp.mean(y)
    denom = jnp.sqrt(jnp.sum(xc * xc) * jnp.sum(yc * yc))
    return jnp.sum(xc * yc) / denom


def matrix_correlation(x: Any, y: Any, numpy: bool = True) -> Any:
    """The Pearson correlation of the upper-triangular entries of two matrices.

    BrainPy implementation of ``brainpy.measure.matrix_correlation`` (2.3.5): the
    entries above the diagonal (``numpy.triu_indices_from(x, k=1)``) of ``x`` and ``y``
    are correlated as two vectors, to compare two connectivity matrices.

    Args:
      x: a square ``(n, n)`` matrix.
      y: a matrix of the same shape.
      numpy: return a NumPy scalar (else a JAX scalar).

    Returns:
      The correlation coefficient, in ``[-1, 1]`` (NaN if either triangle is constant).

    Raises:
      ValueError: the matrices are not 2-D of one square shape.

    Examples:
      >>> import numpy as np
      >>> import brainpy_dyn as bd
      >>> a = np.arange(16.).reshape(4, 4)
      >>> round(float(bd.measure.matrix_correlation(a, 2 * a + 1)), 6)
      1.0
    """
    x, y = _float(x), _float(y)
    if x.ndim != 2 or x.shape[0] != x.shape[1] or x.shape != y.shape:
        raise ValueError(
            "matrix_correlation: x and y must be square matrices of one shape, got shapes "
            f"{x.shape} and {y.shape}."
        )
    rows, cols = np.triu_indices(x.shape[0], k=1)
    return _out(_pearson(x[rows, cols], y[rows, cols]), numpy)


def weighted_correlation(x: Any, y: Any, w: Any, numpy: bool = True) -> Any:
    r"""The weighted Pearson correlation of two vectors.

    BrainPy implementation of ``brainpy.measure.weighted_correlation`` (2.3.5). With the
    weighted mean :math:`m(x; w) = \sum_i w_i x_i / \sum_i w_i` and the weighted
    covariance :math:`\mathrm{cov}(x, y; w) = \sum_i w_i (x_i - m(x; w))(y_i - m(y; w)) /
    \sum_i w_i`,

    .. math::

        \rho(x, y; w) = \frac{\mathrm{cov}(x, y; w)}
                              {\sqrt{\mathrm{cov}(x, x; w)\,\mathrm{cov}(y, y; w)}}.

    Args:
      x: a 1-D array.
      y: a 1-D array of the same length.
      w: the non-negative weights, of the same length.
      numpy: return a NumPy scalar (else a JAX scalar).

    Returns:
      The weighted correlation, in ``[-1, 1]``; equal weights give the Pearson correlation.

    Raises:
      ValueError: ``x``, ``y`` and ``w`` are not 1-D arrays of one length.

    Examples:
      >>> import numpy as np
      >>> import brainpy_dyn as bd
      >>> x = np.array([1., 2., 3., 4.])
      >>> round(float(bd.measure.weighted_correlation(x, x ** 2, np.ones(4))), 6)
      0.984374
    """
    x, y, w = _float(x), _float(y), _float(w)
    if x.ndim != 1 or x.shape != y.shape or x.shape != w.shape:
        raise ValueError(
            "weighted_correlation: x, y and w must be 1-D arrays of one length, got shapes "
            f"{x.shape}, {y.shape} and {w.shape}."
        )
    total = jnp.sum(w)

    def mean(a: Any) -> Any:
        return jnp.sum(w * a) / total

    def cov(a: Any, b: Any) -> Any:
        return jnp.sum(w * (a - mean(a)) * (b - mean(b))) / total

    return _out(cov(x, y) / jnp.sqrt(cov(x, x) * cov(y, y)), numpy)


def raster_plot(sp_matrix: Any, times: Any) -> tuple[np.ndarray, np.ndarray]:
    """The neuron indices and times of every spike of a recorded spike matrix.

    BrainPy implementation of ``brainpy.measure.raster_plot`` (2.3.5): the data of a
    raster plot, without drawing it (see :func:`brainpy_dyn.visualize.raster_plot`).

    Args:
      sp_matrix: the spikes, shape ``(time steps, neurons)``.
      times: the time of each step, shape ``(time steps,)``.

    Returns:
      ``(index, time)``: the neuron index and the time of each spike, in time order.

    Raises:
      ValueError: ``sp_matrix`` is not 2-D or ``times`` does not have one entry per step.

    Examples:
      >>> import numpy as np
      >>> import brainpy_dyn as bd
      >>> index, time = bd.measure.raster_plot(np.eye(3, dtype=bool), np.array([0., .1, .2]))
      >>> index.tolist(), time.tolist()
      ([0, 1, 2], [0.0, 0.1, 0.2])
    """
    sp = bm.as_numpy(sp_matrix)
    t = bm.as_numpy(times)
    if sp.ndim != 2 or t.shape != (sp.shape[0],):
        raise ValueError(
            "raster_plot: sp_matrix must have shape (time steps, neurons) and times one entry "
            f"per step, got shapes {sp.shape} and {t.shape}."
        )
    steps, index = np.nonzero(sp)
    return index, t[steps]
