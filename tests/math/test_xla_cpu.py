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


REGION = "xla_cpu_copy_insertion_use_region_analysis"


def test_configure_adds_region_analysis_unless_the_user_set_it():
    env = {"XLA_FLAGS": "--x=2"}
    assert xla_cpu.configure_cpu_loop_kernels(env)
    assert env["XLA_FLAGS"].endswith(f"--{REGION}=true")
    env = {"XLA_FLAGS": f"--{REGION}=false"}
    assert xla_cpu.configure_cpu_loop_kernels(env)
    assert env["XLA_FLAGS"].count(REGION) == 1 and f"--{REGION}=false" in env["XLA_FLAGS"]


# A step whose new V reads the old g before g decays in place: without region analysis
# XLA copies g (and h) on every turn of the loop.
_LOOP_COPIES = """
import re, jax, jax.numpy as jnp, brainpy_math
def step(i, c):
    v, g, h = c
    return v + 0.1 * (g * (1. - v) + h * (-1. - v)), g * 0.9, h * 0.8
x = jnp.ones(64)
text = jax.jit(lambda c: jax.lax.fori_loop(0, 9, step, c)).lower((x, x, x)).compile().as_text()
print(len(re.findall(r"= f32\\[64\\]\\{0\\} copy\\(", text)))
"""


def count_loop_copies(**env):
    base = {k: v for k, v in os.environ.items() if k not in ("XLA_FLAGS",)}
    out = subprocess.run(
        [sys.executable, "-c", _LOOP_COPIES],
        env={**base, **env},
        capture_output=True,
        text=True,
        check=True,
    )
    return int(out.stdout.strip())


def test_region_analysis_removes_the_copies_of_the_loop_state():
    with_region = count_loop_copies()
    without = count_loop_copies(XLA_FLAGS=f"--{REGION}=false")
    assert with_region < without, (with_region, without)
