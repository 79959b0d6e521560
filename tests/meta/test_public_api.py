"""Snapshot of the public surface of the ``brainpy`` meta-package.

Adding a re-export to ``brainpy/__init__.py`` means adding its name here too.
"""

from __future__ import annotations

import importlib.metadata
import importlib.resources

import brainpy

EXPECTED_ALL = [
    "ArrayCollector",
    "BPFF",
    "BPTT",
    "Base",
    "BrainPyObject",
    "Channel",
    "Collector",
    "CondNeuGroup",
    "Container",
    "DSRunner",
    "DSTrainer",
    "Delay",
    "DynamicalSystem",
    "DynamicalSystemNS",
    "ForceTrainer",
    "Integrator",
    "IntegratorRunner",
    "JointEq",
    "LoopOverTime",
    "Network",
    "NeuGroup",
    "NeuGroupNS",
    "NoSharedArg",
    "OfflineTrainer",
    "OnlineTrainer",
    "RidgeTrainer",
    "Runner",
    "Sequential",
    "SynConn",
    "SynLTP",
    "SynOut",
    "SynSTP",
    "TensorCollector",
    "TwoEndConn",
    "__version__",
    "algorithms",
    "analysis",
    "base",
    "channels",
    "check",
    "checkpoints",
    "conn",
    "connect",
    "dyn",
    "encoding",
    "errors",
    "experimental",
    "fde",
    "fdeint",
    "init",
    "initialize",
    "inputs",
    "integrators",
    "layers",
    "losses",
    "math",
    "measure",
    "modes",
    "neurons",
    "not_pass_shared",
    "ode",
    "odeint",
    "optim",
    "optimizers",
    "rates",
    "running",
    "sde",
    "sdeint",
    "share",
    "synapses",
    "synouts",
    "synplast",
    "tools",
    "train",
    "types",
    "visualize",
]


def test_all_snapshot() -> None:
    assert sorted(brainpy.__all__) == EXPECTED_ALL


def test_all_is_sorted_unique_and_resolves() -> None:
    assert brainpy.__all__ == sorted(set(brainpy.__all__))
    for name in brainpy.__all__:
        assert hasattr(brainpy, name), name


def test_no_public_name_outside_all() -> None:
    for name in brainpy.__all__:  # resolve the lazy names first
        getattr(brainpy, name)
    public = {name for name in vars(brainpy) if not name.startswith("_")}
    assert public == set(brainpy.__all__) - {"__version__"}


def test_version_is_the_distribution_version() -> None:
    assert brainpy.__version__ == importlib.metadata.version("brainpy")


def test_wheel_ships_type_stubs() -> None:
    files = importlib.resources.files("brainpy")
    assert (files / "py.typed").is_file()
    for alias in ("math", "dyn", "layers", "checkpoints"):
        stub = (files / f"{alias}.pyi").read_text(encoding="utf-8")
        assert f"from brainpy_{alias} import *" in stub


def test_using_every_component_starts_no_jax_backend(run_python) -> None:
    """Scripts may still choose devices (bm.set_host_device_count …) after the imports."""
    code = (
        "import brainpy as bp\n"
        "bp.neurons, bp.layers.Dense, bp.checkpoints.save_pytree, bp.math.random.DEFAULT\n"
        "from jax._src import xla_bridge\n"
        "print(xla_bridge.backends_are_initialized())\n"
    )
    done = run_python(code)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "False"
