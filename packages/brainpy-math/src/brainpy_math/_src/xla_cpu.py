"""Compile small-state CPU loops into single native functions (XLA:CPU "kernel mode").

By default XLA:CPU runs the body of a ``while`` loop (what ``lax.scan`` and
``bm.for_loop`` become) as a sequence of separately dispatched operations. With the
backend option ``xla_cpu_small_while_loop_byte_threshold`` raised, a loop whose state
fits under the threshold and holds no scatter, sort, custom call or FFT is compiled
into one LLVM function instead: no per-operation dispatch, nested loops run natively.
For spiking-network simulations, many small element-wise operations per time step,
this halves the run time (measured on the release-notes network).

The trade-off: such a loop runs on one thread. Loops dominated by a few large
operations (big matrix products) may be slower than with XLA's multi-threaded
operations. Hence:

* ``import brainpy_math`` turns the option on only if JAX has not started yet (XLA
  reads its flags once), the user's ``XLA_FLAGS`` do not already set it, and the
  environment variable ``BRAINPY_CPU_LOOP_KERNELS`` is not ``0``;
* it appends to ``XLA_FLAGS`` (keeping any other ``--xla_backend_extra_options``) and
  touches nothing else; GPUs and TPUs ignore it;
* :func:`cpu_loop_kernels_enabled` tells whether this process runs with it.

Set ``BRAINPY_CPU_LOOP_KERNELS=0`` before starting Python to opt out.

Not set, on purpose: ``--xla_cpu_copy_insertion_use_region_analysis=true``. It removes
some copies of a loop's state (about 8% of the release-notes network's run), but on
jaxlib 0.10.2 it miscompiled the CPU event kernel (wrong sums under ``jit``; the case is
in ``tests/math/test_event.py``).
"""

from __future__ import annotations

import os
import re

from brainpy_math._src._compat import backends_are_initialized

__all__ = ["OPTION", "THRESHOLD_BYTES", "configure_cpu_loop_kernels", "cpu_loop_kernels_enabled"]

OPTION = "xla_cpu_small_while_loop_byte_threshold"
THRESHOLD_BYTES = 1_000_000_000
ENV_SWITCH = "BRAINPY_CPU_LOOP_KERNELS"
_EXTRA = re.compile(r"--xla_backend_extra_options=(\S*)")
_state = {"enabled_by_us": False}


def merged_flags(flags: str, threshold: int = THRESHOLD_BYTES) -> str:
    """``flags`` with the loop-kernel option added (to an existing extra-options flag)."""
    entry = f"{OPTION}={threshold}"
    match = _EXTRA.search(flags)
    if match is None:
        return f"{flags} --xla_backend_extra_options={entry}".strip()
    values = ",".join(v for v in (match.group(1), entry) if v)
    return flags[: match.start()] + f"--xla_backend_extra_options={values}" + flags[match.end() :]


def configure_cpu_loop_kernels(environ: dict | None = None) -> bool:
    """Turn the option on when it is safe to (see the module docstring).

    Returns:
      Whether this call added the option.
    """
    env = os.environ if environ is None else environ
    if env.get(ENV_SWITCH, "1").strip().lower() in ("0", "false", "no", "off"):
        return False
    flags = env.get("XLA_FLAGS", "")
    if OPTION in flags or backends_are_initialized():
        return False
    env["XLA_FLAGS"] = merged_flags(flags)
    _state["enabled_by_us"] = True
    return True


def cpu_loop_kernels_enabled() -> bool:
    """Whether ``XLA_FLAGS`` (as this process started JAX) asks for loop kernels.

    Examples:
      >>> import brainpy_math as bm
      >>> isinstance(bm.cpu_loop_kernels_enabled(), bool)
      True
    """
    return OPTION in os.environ.get("XLA_FLAGS", "")


configure_cpu_loop_kernels()
