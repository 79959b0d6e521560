"""Phase plane and bifurcation diagram of the FitzHugh-Nagumo model.

The model is the classic two-variable reduction of the Hodgkin-Huxley neuron::

    dV/dt = V - V^3 / 3 - w + I
    dw/dt = (V + a - b w) / tau        (a = 0.7, b = 0.8, tau = 12.5)

Its only fixed point lies where the cubic V-nullcline ``w = V - V^3/3 + I`` meets the straight
w-nullcline ``w = (V + a) / b``; the fixed point loses stability through a Hopf bifurcation as
the input ``I`` grows, and the neuron fires periodically on a limit cycle.

The script draws, with :mod:`brainpy_dyn.analysis`:

* ``fhn_phase_plane.png``: the vector field, both nullclines, the fixed point and its type,
  two trajectories and the limit cycle at ``I = 0.5``;
* ``fhn_bifurcation_V.png`` and ``fhn_bifurcation_w.png``: the fixed points against ``I`` in
  [0, 1.5], by stability, with the extent of the limit cycles found by simulation.

It checks the fixed point against the closed form (the real root of the cubic) and exits with
status 1 if they disagree. Run it from the repository root (no display needed)::

    MPLBACKEND=Agg python examples/phase_plane.py [output folder]
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import matplotlib
import numpy as np

import brainpy_dyn as bd
from brainpy_dyn import analysis

A, B, TAU = 0.7, 0.8, 12.5


def dV(V, t, w, Iext):
    return V - V**3 / 3 - w + Iext


def dw(w, t, V, a=A, b=B):
    return (V + a - b * w) / TAU


def closed_form_fixed_point(Iext: float) -> np.ndarray:
    """The fixed point: the real root of -V^3/3 + (1 - 1/b) V + (I - a/b) = 0, w on its line."""
    roots = np.roots([-1 / 3, 0.0, 1 - 1 / B, Iext - A / B])
    V = roots[np.abs(roots.imag) < 1e-9].real[0]
    return np.array([V, (V + A) / B])


def main(out: Path) -> int:
    if "MPLBACKEND" not in os.environ:  # no display needed
        matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    out.mkdir(parents=True, exist_ok=True)
    model = [bd.odeint(dV, method="rk4"), bd.odeint(dw, method="rk4")]

    # Phase plane at I = 0.5, where the fixed point is an unstable focus.
    plt.figure("phase plane", figsize=(7, 5))
    pp = analysis.PhasePlane2D(
        model,
        target_vars={"V": [-3.0, 3.0], "w": [-1.0, 3.0]},
        pars_update={"Iext": 0.5},
        resolutions=0.02,
    )
    pp.plot_vector_field()
    pp.plot_nullcline()
    fps = pp.plot_fixed_point(with_return=True)
    pp.plot_trajectory({"V": [-2.5, 2.0], "w": [-0.5, 2.5]}, duration=60.0, dt=0.05)
    pp.plot_limit_cycle_by_sim({"V": [1.0], "w": [0.0]}, duration=300.0, dt=0.05)
    plt.title("FitzHugh-Nagumo, I = 0.5")
    plt.savefig(out / "fhn_phase_plane.png", dpi=120)

    # Bifurcation over I: fixed points by stability, and the limit cycles' extent.
    bif = analysis.Bifurcation2D(
        model,
        target_pars={"Iext": [0.0, 1.5]},
        target_vars={"V": [-3.0, 3.0], "w": [-1.0, 3.0]},
        resolutions={"Iext": 0.02, "V": 0.05, "w": 0.05},
    )
    bif_fps, bif_pars, _ = bif.plot_bifurcation(with_return=True, num_rank=20)
    bif.plot_limit_cycle_by_sim(duration=300.0, dt=0.05, tol=0.01)
    for var in ("V", "w"):
        plt.figure(var)
        plt.title(f"FitzHugh-Nagumo: {var} at the fixed points and on the limit cycles")
        plt.savefig(out / f"fhn_bifurcation_{var}.png", dpi=120)

    expected = closed_form_fixed_point(0.5)
    error = float(np.abs(fps - expected).max()) if len(fps) == 1 else np.inf
    branch = max(
        float(np.abs(f - closed_form_fixed_point(p[0])).max())
        for f, p in zip(bif_fps, bif_pars, strict=True)
    )
    print(f"fixed point at I = 0.5: {fps.tolist()}, closed form {expected.tolist()}")
    print(f"largest error along the bifurcation branch: {branch:.2e}")
    print(f"figures written to {out}/")
    return 0 if error < 1e-4 and branch < 1e-4 else 1


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1]) if len(sys.argv) > 1 else Path(".")))
