"""``phi1(z) = (e^z - 1)/z`` of exponential Euler: within two ulps of ``expm1(z)/z`` everywhere."""

from __future__ import annotations

import jax.numpy as jnp
import numpy as np

from brainpy_dyn._src.integrators.exponential import phi1

Z = np.concatenate([-np.logspace(-7, 1.5, 3000), [0.0], np.logspace(-7, 1.5, 3000)])


def test_float32_is_within_two_ulps_of_expm1():
    z = Z.astype(np.float32)
    exact = np.where(z == 0, 1.0, np.expm1(z.astype(np.float64)) / np.where(z == 0, 1, z))
    got = np.asarray(phi1(jnp.asarray(z)), np.float64)
    ulps = np.abs(got - exact) / np.spacing(exact.astype(np.float32))
    assert ulps.max() <= 2.0, (ulps.max(), z[ulps.argmax()])


def test_float64_is_within_two_ulps_of_expm1(run_python):
    done = run_python(
        "import jax; jax.config.update('jax_enable_x64', True)\n"
        "import numpy as np, jax.numpy as jnp\n"
        "from brainpy_dyn._src.integrators.exponential import phi1\n"
        "z = np.concatenate([-np.logspace(-7, 1.5, 3000), np.logspace(-7, 1.5, 3000)])\n"
        "got = np.asarray(phi1(jnp.asarray(z)))\n"
        "exact = np.expm1(z) / z\n"
        "print(float((np.abs(got - exact) / np.spacing(exact)).max()))"
    )
    assert done.returncode == 0, done.stderr[-2000:]
    assert float(done.stdout.strip()) <= 2.0
