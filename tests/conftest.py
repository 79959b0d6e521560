"""Settings and fixtures shared by every test session.

This file must import no brainpy package: it is loaded by every session, and each session
installs only the package under test and its declared siblings.
"""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

# Run JAX on the CPU, with eight host devices so that sharding tests have devices to shard over
# (DESIGN.md section 7). Both must be set before JAX is imported.
os.environ.setdefault("JAX_PLATFORMS", "cpu")
if "xla_force_host_platform_device_count" not in os.environ.get("XLA_FLAGS", ""):
    os.environ["XLA_FLAGS"] = (
        os.environ.get("XLA_FLAGS", "") + " --xla_force_host_platform_device_count=8"
    ).strip()

RunPython = Callable[..., "subprocess.CompletedProcess[str]"]


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
