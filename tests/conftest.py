"""Settings and fixtures shared by every test session.

This file must import no brainpy package: it is loaded by every session, and each session
installs only the package under test and its declared siblings.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

# Run JAX on the CPU, with eight host devices so that sharding tests have devices to shard over
# (see tests/dyn/test_sharding.py). Both must be set before JAX is imported.
os.environ.setdefault("JAX_PLATFORMS", "cpu")
if "xla_force_host_platform_device_count" not in os.environ.get("XLA_FLAGS", ""):
    os.environ["XLA_FLAGS"] = (
        os.environ.get("XLA_FLAGS", "") + " --xla_force_host_platform_device_count=8"
    ).strip()

RunPython = Callable[..., "subprocess.CompletedProcess[str]"]

# Oracles whose absence must not pass unnoticed: a test skipped because one cannot be imported is
# listed at the end of the run, and under CI=true the run fails.
ORACLES = ("torch",)
_SKIPPED_ORACLE_TESTS: list[str] = []


def pytest_runtest_logreport(report: pytest.TestReport) -> None:
    if report.skipped and isinstance(report.longrepr, tuple):
        reason = str(report.longrepr[2])
        if any(f"import '{name}'" in reason for name in ORACLES):
            _SKIPPED_ORACLE_TESTS.append(report.nodeid)


def pytest_terminal_summary(terminalreporter: Any) -> None:
    if _SKIPPED_ORACLE_TESTS:
        terminalreporter.write_line(
            f"ORACLE MISSING: {len(_SKIPPED_ORACLE_TESTS)} tests skipped because "
            f"{' or '.join(ORACLES)} cannot be imported (first: {_SKIPPED_ORACLE_TESTS[0]})",
            red=True,
        )


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    if _SKIPPED_ORACLE_TESTS and os.environ.get("CI") and exitstatus == 0:
        session.exitstatus = pytest.ExitCode.TESTS_FAILED


@pytest.fixture
def run_python(tmp_path: Path) -> RunPython:
    """Run ``python -c CODE ARGS...`` in a fresh interpreter of this environment.

    The child starts in an empty folder, so nothing from the checkout is importable by accident;
    it returns the completed process with text ``stdout`` and ``stderr``.
    """

    def run(code: str, *args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-c", code, *args],
            cwd=tmp_path,
            capture_output=True,
            text=True,
            timeout=600,
            check=False,
        )

    return run


# A user's script, whose first random draw may come inside a compiled function. The global key
# is either made on the device up front ("eager") or left to the first draw ("lazy"); the
# script prints what it drew inside the transformation (``first``) and eagerly afterwards.
_FIRST_DRAW_SCRIPT = """
import json, sys
import jax
import numpy as np
import brainpy_math as bm

bm.random.seed(7)
{setup}
if sys.argv[1] == "eager":
    bm.random.DEFAULT.value  # the key goes to the device now, outside any trace
else:
    assert bm.random.DEFAULT._host_key is not None, "the key was made before the first draw"
{code}
later = bm.random.uniform(size=4)
assert not isinstance(bm.random.DEFAULT.value, jax.core.Tracer)
print(json.dumps({{"first": np.asarray(first).tolist(), "later": np.asarray(later).tolist()}}))
"""


@pytest.fixture
def first_draw(run_python: RunPython) -> Callable[[str, str], dict[str, dict]]:
    """Run ``setup`` then ``code`` (which sets ``first``) in two fresh interpreters.

    Returns the draws of both, ``{"lazy": ..., "eager": ...}``, each ``{"first", "later"}``: in
    "lazy" the very first use of the global key happens in ``code``; in "eager" the key was put
    on the device before. A child that fails fails the test with its stderr.
    """

    def run(setup: str, code: str) -> dict[str, dict]:
        script = _FIRST_DRAW_SCRIPT.format(setup=setup, code=code)
        results = {}
        for mode in ("lazy", "eager"):
            done = run_python(script, mode)
            assert done.returncode == 0, f"{mode} run failed:\n{done.stderr[-3000:]}"
            results[mode] = json.loads(done.stdout.strip().splitlines()[-1])
        return results

    return run
