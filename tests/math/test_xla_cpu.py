"""brainpy_math turns on XLA:CPU loop kernels only when it is safe, and says so."""

import os
import subprocess
import sys

import pytest

from brainpy_math._src import xla_cpu

OPTION = "xla_cpu_small_while_loop_byte_threshold"


@pytest.mark.parametrize(
    "flags, expected",
    [
        ("", f"--xla_backend_extra_options={OPTION}=1000000000"),
        (
            "--xla_force_host_platform_device_count=8",
            f"--xla_force_host_platform_device_count=8 --xla_backend_extra_options={OPTION}=1000000000",
        ),
        (
            "--xla_backend_extra_options=a=1 --x=2",
            f"--xla_backend_extra_options=a=1,{OPTION}=1000000000 --x=2",
        ),
    ],
)
def test_merged_flags_keep_the_users_flags(flags, expected):
    assert xla_cpu.merged_flags(flags) == expected


def test_configure_respects_opt_out_and_existing_option():
    assert not xla_cpu.configure_cpu_loop_kernels({"BRAINPY_CPU_LOOP_KERNELS": "0"})
    env = {"XLA_FLAGS": f"--xla_backend_extra_options={OPTION}=5"}
    assert not xla_cpu.configure_cpu_loop_kernels(env)
    assert env["XLA_FLAGS"] == f"--xla_backend_extra_options={OPTION}=5"


def flags_after_import(**env):
    base = {
        k: v for k, v in os.environ.items() if k not in ("XLA_FLAGS", "BRAINPY_CPU_LOOP_KERNELS")
    }
    code = "import os, brainpy_math as bm; bm.zeros(1); print(os.environ.get('XLA_FLAGS', ''))"
    out = subprocess.run(
        [sys.executable, "-c", code],
        env={**base, **env},
        capture_output=True,
        text=True,
        check=True,
    )
    return out.stdout.strip()


def test_a_fresh_process_gets_loop_kernels_unless_told_otherwise():
    assert OPTION in flags_after_import()
    assert flags_after_import(BRAINPY_CPU_LOOP_KERNELS="0") == ""
    mine = f"--xla_backend_extra_options={OPTION}=123"
    assert flags_after_import(XLA_FLAGS=mine) == mine
