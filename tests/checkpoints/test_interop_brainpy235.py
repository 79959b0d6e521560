"""Files move both ways between this package and a real BrainPy 2.3.5 installation.

Needs an interpreter where ``import brainpy`` is BrainPy 2.3.5 (with jax 0.4.13), named by the
environment variable ``BRAINPY235_PYTHON``; without it the tests are skipped and say why. The
byte-level layout itself is checked without BrainPy 2.3.5 in ``test_interop.py``.
"""

from __future__ import annotations

import os
import subprocess
import textwrap

import numpy as np
import pytest

import brainpy_checkpoints as bc

PEER = os.environ.get("BRAINPY235_PYTHON")
pytestmark = pytest.mark.skipif(
    not PEER, reason="set BRAINPY235_PYTHON to a BrainPy 2.3.5 interpreter to run these"
)

TREE = {
    "w": np.arange(12, dtype=np.float32).reshape(3, 4),
    "layer": {"b": np.array([1, -2, 3], np.int64), "mask": np.array([True, False])},
    "step": 42,
    "lr": np.float64(0.125),
}


def _peer(code: str, *args: str) -> str:
    done = subprocess.run(
        [PEER, "-c", textwrap.dedent(code), *args],
        capture_output=True,
        text=True,
        timeout=300,
        env={**os.environ, "JAX_PLATFORMS": "cpu"},
    )
    assert done.returncode == 0, done.stderr[-3000:]
    return done.stdout


def test_brainpy235_reads_our_files_checksum_included(tmp_path):
    path = bc.save_pytree(tmp_path / "ours", TREE, verbose=False)
    folder = tmp_path / "dir"
    bc.save(folder, TREE, step=5)
    out = _peer(
        """
        import sys
        import numpy as np
        import brainpy as bp
        state = bp.checkpoints.load_pytree(sys.argv[1])
        target = {"w": np.zeros((3, 4), np.float32), "step": 0,
                  "layer": {"b": np.zeros(3, np.int64), "mask": np.zeros(2, bool)},
                  "lr": np.float64(0)}
        restored = bp.checkpoints.load(sys.argv[2], target=target)
        print(sorted(state), state["w"].sum(), int(state["step"]))
        print(sorted(restored), restored["layer"]["b"].tolist(), float(restored["lr"]))
        """,
        path,
        str(folder),
    )
    lines = out.strip().splitlines()
    assert lines[-2] == "['__brainpy_checkpoint_crc32__', 'layer', 'lr', 'step', 'w'] 66.0 42"
    assert lines[-1] == "['layer', 'lr', 'step', 'w'] [1, -2, 3] 0.125"


def test_we_read_brainpy235_files(tmp_path, tree_equal):
    _peer(
        """
        import sys
        import numpy as np
        import brainpy as bp
        tree = {"w": np.arange(12, dtype=np.float32).reshape(3, 4),
                "layer": {"b": np.array([1, -2, 3], np.int64), "mask": np.array([True, False])},
                "step": 42, "lr": np.float64(0.125)}
        bp.checkpoints.save_pytree(sys.argv[1] + "/theirs.bp", tree, verbose=False)
        bp.checkpoints.save(sys.argv[1] + "/dir", tree, step=5)
        """,
        str(tmp_path),
    )
    tree_equal(bc.load_pytree(tmp_path / "theirs.bp", target=TREE), TREE)
    tree_equal(bc.load(tmp_path / "dir", target=TREE), TREE)
