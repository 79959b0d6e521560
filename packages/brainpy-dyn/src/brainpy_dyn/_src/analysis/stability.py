"""Stability of a fixed point from its Jacobian: the names of the fixed-point types.

BrainPy implementation of ``brainpy.analysis.stability`` (2.3.5). A fixed point of
``dx/dt = f(x)`` is classified from the Jacobian ``J = df/dx`` there: in 1-D from the sign
of ``f'(x*)``, in 2-D from the trace ``p`` and determinant ``q`` of ``J`` (the Poincaré
diagram), in 3-D from the eigenvalues of ``J``.

Examples:
  >>> from brainpy_dyn.analysis import stability
  >>> stability.stability_analysis(-1.0)
  'stable point'
  >>> stability.stability_analysis([[-1.0, 0.0], [0.0, -2.0]])
  'stable node'
"""

from __future__ import annotations

from typing import Any

import numpy as np

__all__ = [
    "get_1d_stability_types",
    "get_2d_stability_types",
    "get_3d_stability_types",
    "stability_analysis",
    "CENTER_MANIFOLD",
    "SADDLE_NODE",
    "STABLE_POINT_1D",
    "UNSTABLE_POINT_1D",
    "CENTER_2D",
    "STABLE_NODE_2D",
    "STABLE_FOCUS_2D",
    "STABLE_STAR_2D",
    "STABLE_DEGENERATE_2D",
    "UNSTABLE_NODE_2D",
    "UNSTABLE_FOCUS_2D",
    "UNSTABLE_STAR_2D",
    "UNSTABLE_DEGENERATE_2D",
    "UNSTABLE_LINE_2D",
    "STABLE_POINT_3D",
    "UNSTABLE_POINT_3D",
    "STABLE_NODE_3D",
    "UNSTABLE_SADDLE_3D",
    "UNSTABLE_NODE_3D",
    "STABLE_FOCUS_3D",
    "UNSTABLE_FOCUS_3D",
    "UNSTABLE_CENTER_3D",
    "UNKNOWN_3D",
]

CENTER_MANIFOLD = "center manifold"
SADDLE_NODE = "saddle node"
STABLE_POINT_1D = "stable point"
UNSTABLE_POINT_1D = "unstable point"
CENTER_2D = "center"
STABLE_NODE_2D = "stable node"
STABLE_FOCUS_2D = "stable focus"
STABLE_STAR_2D = "stable star"
STABLE_DEGENERATE_2D = "stable degenerate"
UNSTABLE_NODE_2D = "unstable node"
UNSTABLE_FOCUS_2D = "unstable focus"
UNSTABLE_STAR_2D = "unstable star"
UNSTABLE_DEGENERATE_2D = "unstable degenerate"
UNSTABLE_LINE_2D = "unstable line"
STABLE_POINT_3D = "unclassified stable point"
UNSTABLE_POINT_3D = "unclassified unstable point"
STABLE_NODE_3D = "stable node"
UNSTABLE_SADDLE_3D = "unstable saddle"
UNSTABLE_NODE_3D = "unstable node"
STABLE_FOCUS_3D = "strongly stable focus"
UNSTABLE_FOCUS_3D = "unstable focus"
UNSTABLE_CENTER_3D = "unstable center"
UNKNOWN_3D = "unknown 3d"


def get_1d_stability_types() -> list[str]:
    """The fixed-point types of a 1-D system.

    Examples:
      >>> from brainpy_dyn.analysis import stability
      >>> stability.get_1d_stability_types()
      ['saddle node', 'stable point', 'unstable point']
    """
    return [SADDLE_NODE, STABLE_POINT_1D, UNSTABLE_POINT_1D]


def get_2d_stability_types() -> list[str]:
    """The fixed-point types of a 2-D system.

    Examples:
      >>> from brainpy_dyn.analysis import stability
      >>> 'stable focus' in stability.get_2d_stability_types()
      True
    """
    return [
        SADDLE_NODE,
        CENTER_2D,
        STABLE_NODE_2D,
        STABLE_FOCUS_2D,
        STABLE_STAR_2D,
        CENTER_MANIFOLD,
        UNSTABLE_NODE_2D,
        UNSTABLE_FOCUS_2D,
        UNSTABLE_STAR_2D,
        UNSTABLE_LINE_2D,
        STABLE_DEGENERATE_2D,
        UNSTABLE_DEGENERATE_2D,
    ]


def get_3d_stability_types() -> list[str]:
    """The fixed-point types of a 3-D system.

    Examples:
      >>> from brainpy_dyn.analysis import stability
      >>> 'unstable saddle' in stability.get_3d_stability_types()
      True
    """
    return [
        SADDLE_NODE,
        STABLE_POINT_3D,
        UNSTABLE_POINT_3D,
        STABLE_NODE_3D,
        UNSTABLE_SADDLE_3D,
        UNSTABLE_NODE_3D,
        STABLE_FOCUS_3D,
        UNSTABLE_FOCUS_3D,
        UNSTABLE_CENTER_3D,
        UNKNOWN_3D,
    ]


def _classify_2d(jac: np.ndarray) -> str:
    a, b = jac[0]
    c, d = jac[1]
    p = a + d  # trace
    q = a * d - b * c  # determinant
    if q < 0:
        return SADDLE_NODE
    if q == 0:
        return UNSTABLE_LINE_2D if p > 0 else CENTER_MANIFOLD
    if p == 0:
        return CENTER_2D
    e = p * p - 4 * q  # discriminant of the characteristic polynomial
    if e < 0:
        return STABLE_FOCUS_2D if p < 0 else UNSTABLE_FOCUS_2D
    if e > 0:
        return STABLE_NODE_2D if p < 0 else UNSTABLE_NODE_2D
    # A repeated eigenvalue: a star when J is a multiple of the identity, else degenerate.
    star = b == 0 and c == 0
    if p < 0:
        return STABLE_STAR_2D if star else STABLE_DEGENERATE_2D
    return UNSTABLE_STAR_2D if star else UNSTABLE_DEGENERATE_2D


def _classify_3d(jac: np.ndarray) -> str:
    eig = np.linalg.eigvals(jac)
    re, im = eig.real, eig.imag
    scale = max(1.0, float(np.max(np.abs(eig))))
    tol = 1e-12 * scale
    complex_pair = bool(np.any(np.abs(im) > tol))
    if np.any(np.abs(re) <= tol):
        if complex_pair and np.all(re[np.abs(re) > tol] < 0):
            return UNSTABLE_CENTER_3D
        return UNKNOWN_3D
    if np.all(re < 0):
        return STABLE_FOCUS_3D if complex_pair else STABLE_NODE_3D
    if np.all(re > 0):
        return UNSTABLE_FOCUS_3D if complex_pair else UNSTABLE_NODE_3D
    return UNSTABLE_SADDLE_3D


def stability_analysis(derivatives: Any) -> str:
    """Classify a fixed point from the derivative (1-D) or Jacobian (2-D, 3-D) there.

    Args:
      derivatives: ``f'(x*)`` as a number for a 1-D system, or the Jacobian
        ``[[df1/dx1, df1/dx2], [df2/dx1, df2/dx2]]`` (2 x 2) or a 3 x 3 Jacobian.

    Returns:
      One of the type names of this module, such as ``'stable point'`` (1-D),
      ``'unstable focus'`` (2-D) or ``'unstable saddle'`` (3-D).

    Raises:
      ValueError: ``derivatives`` is not a number, a 2 x 2 or a 3 x 3 matrix.

    Examples:
      >>> from brainpy_dyn.analysis import stability
      >>> stability.stability_analysis(1.0)
      'unstable point'
      >>> stability.stability_analysis([[0.0, 1.0], [-1.0, 0.0]])
      'center'
    """
    jac = np.asarray(derivatives, dtype=float)
    if jac.size == 1:
        d = float(jac.reshape(()))
        if d == 0:
            return SADDLE_NODE
        return STABLE_POINT_1D if d < 0 else UNSTABLE_POINT_1D
    if jac.size == 4:
        return _classify_2d(jac.reshape(2, 2))
    if jac.size == 9:
        return _classify_3d(jac.reshape(3, 3))
    raise ValueError(
        "stability_analysis: derivatives must be a number (1-D), a 2 x 2 or a 3 x 3 "
        f"Jacobian, got an array of shape {jac.shape}."
    )
