"""``brainpy.<component>`` is the very module object of each component, submodules included."""

from __future__ import annotations

import importlib
import importlib.resources
import importlib.util
import inspect
import json
import pickle
import pkgutil
import sys
from types import ModuleType

import pytest

import brainpy
from brainpy._alias import AliasFinder, install_aliases
from brainpy._components import COMPONENTS, Component

IDS = [c.alias for c in COMPONENTS]


def submodules(component: Component) -> list[str]:
    """Every module of a component below its top level, private ones included, parents first."""
    real = importlib.import_module(component.module)
    found = pkgutil.walk_packages(real.__path__, prefix=f"{component.module}.")
    return sorted(info.name for info in found)


ALL_SUBMODULES = {c.module: submodules(c) for c in COMPONENTS}


@pytest.mark.parametrize("component", COMPONENTS, ids=IDS)
def test_component_attribute_is_the_module(component: Component) -> None:
    real = importlib.import_module(component.module)
    assert getattr(brainpy, component.alias) is real
    assert sys.modules[f"brainpy.{component.alias}"] is real
    assert importlib.import_module(f"brainpy.{component.alias}") is real


@pytest.mark.parametrize(
    "name", [n for n in brainpy.__all__ if isinstance(getattr(brainpy, n), ModuleType)]
)
def test_every_reexported_module_imports_by_its_brainpy_name(name: str) -> None:
    module = getattr(brainpy, name)
    assert importlib.import_module(f"brainpy.{name}") is module
    assert sys.modules[f"brainpy.{name}"] is module
    if name in ("base", "errors", "modes"):
        # 2.3.5's bp.base and bp.errors span several components, and bp.modes adds 2.3.5's
        # older names (and its check_mode) to brainpy.math.modes: modules the meta package
        # holds itself.
        assert module.__spec__ is not None and module.__spec__.name == f"brainpy._{name}"
        return
    assert module.__spec__ is not None and not module.__spec__.name.startswith("brainpy.")


@pytest.mark.parametrize("component", COMPONENTS, ids=IDS)
def test_submodules_are_identical(component: Component) -> None:
    assert ALL_SUBMODULES[component.module], "every component has at least _version"
    for real_name in ALL_SUBMODULES[component.module]:
        alias_name = real_name.replace(component.module, f"brainpy.{component.alias}", 1)
        module = importlib.import_module(alias_name)
        assert module is importlib.import_module(real_name)
        assert sys.modules[alias_name] is module


@pytest.mark.parametrize("component", COMPONENTS, ids=IDS)
def test_spec_keeps_the_real_name(component: Component) -> None:
    for real_name in [component.module, *ALL_SUBMODULES[component.module]]:
        alias_name = real_name.replace(component.module, f"brainpy.{component.alias}", 1)
        module = importlib.import_module(alias_name)
        assert module.__name__ == real_name
        assert module.__spec__ is not None
        assert module.__spec__.name == real_name


_IMPORT_ORDER = """
import importlib, json, sys
order, pairs = sys.argv[1], json.loads(sys.argv[2])
if order == "real-first":
    reals = [importlib.import_module(real) for _, real in pairs]
    aliases = [importlib.import_module(alias) for alias, _ in pairs]
else:
    aliases = [importlib.import_module(alias) for alias, _ in pairs]
    reals = [importlib.import_module(real) for _, real in pairs]
for (alias, real), a, r in zip(pairs, aliases, reals):
    assert a is r, f"{alias} is not {real}"
    assert sys.modules[alias] is r and sys.modules[real] is r, alias
    assert r.__spec__.name == real, f"{real}.__spec__.name is {r.__spec__.name}"
print("identical:", len(pairs))
"""


@pytest.mark.parametrize("order", ["real-first", "alias-first"])
def test_identity_in_both_import_orders(order: str, run_python) -> None:
    pairs = [
        (real.replace(c.module, f"brainpy.{c.alias}", 1), real)
        for c in COMPONENTS
        for real in [c.module, *ALL_SUBMODULES[c.module]]
    ]
    result = run_python(_IMPORT_ORDER, order, json.dumps(pairs))
    assert result.returncode == 0, result.stderr
    assert f"identical: {len(pairs)}" in result.stdout


def test_component_alone_does_not_import_brainpy(run_python) -> None:
    code = (
        "import sys, brainpy_math\n"
        "leaked = sorted(m for m in sys.modules if m == 'brainpy' or m.startswith('brainpy.'))\n"
        "finders = [type(f).__name__ for f in sys.meta_path]\n"
        "assert not leaked, leaked\n"
        "assert 'AliasFinder' not in finders, finders\n"
        "print('alone')\n"
    )
    result = run_python(code)
    assert result.returncode == 0, result.stderr
    assert "alone" in result.stdout


@pytest.mark.parametrize("component", COMPONENTS, ids=IDS)
def test_resources_resolve_through_both_names(component: Component) -> None:
    for name in (component.module, f"brainpy.{component.alias}"):
        files = importlib.resources.files(name)
        assert (files / "py.typed").is_file()
        assert (files / "_version.py").read_text(encoding="utf-8").startswith("__version__")


def public_classes() -> list[type]:
    """Classes in the public ``__all__`` of every component (and of its public submodules)."""
    found = []
    for component in COMPONENTS:
        module = importlib.import_module(component.module)
        for name in getattr(module, "__all__", []):
            value = getattr(module, name)
            if inspect.isclass(value):
                found.append(value)
    return found


def test_classes_pickle_by_reference() -> None:
    classes = public_classes()
    assert classes, "brainpy_math exports at least Array"
    for cls in classes:
        restored = pickle.loads(pickle.dumps(cls))
        assert restored is cls
        assert not cls.__module__.startswith("brainpy."), "pickles name the real module"


def test_missing_submodule_is_a_clean_module_not_found() -> None:
    assert importlib.util.find_spec("brainpy.math.no_such_module") is None
    with pytest.raises(ModuleNotFoundError, match=r"brainpy\.math\.no_such_module"):
        importlib.import_module("brainpy.math.no_such_module")


def test_finder_answers_only_under_its_aliases() -> None:
    finder = AliasFinder("brainpy", {"math": "brainpy_math"})
    for name in ("brainpy", "brainpy._version", "brainpy_math", "brainpy_math.x", "brainpyx.math"):
        assert finder.find_spec(name) is None, name
    spec = finder.find_spec("brainpy.math._version")
    assert spec is not None and spec.name == "brainpy.math._version"


def test_one_finder_even_after_reinstalling() -> None:
    # Reinstall with brainpy's own table, so that later tests keep every alias it has.
    (current,) = [f for f in sys.meta_path if isinstance(f, AliasFinder) and f.package == "brainpy"]
    assert {c.alias: c.module for c in COMPONENTS}.items() <= current.targets.items()
    install_aliases("brainpy", current.targets)
    finders = [f for f in sys.meta_path if isinstance(f, AliasFinder)]
    assert len(finders) == 1
    assert sys.meta_path[0] is finders[0]
    assert importlib.import_module("brainpy.math._version") is sys.modules["brainpy_math._version"]


def test_import_brainpy_is_lazy(run_python) -> None:
    code = (
        "import sys, brainpy\n"
        "loaded = sorted(m for m in ('jax', 'numpy', 'brainpy_math', 'brainpy_dyn',\n"
        "                            'brainpy_layers', 'brainpy_checkpoints') if m in sys.modules)\n"
        "assert not loaded, loaded\n"
        "assert 'DSRunner' in dir(brainpy) and 'math' in dir(brainpy)\n"
        "import brainpy_dyn\n"
        "assert brainpy.DSRunner is brainpy_dyn.DSRunner\n"
        "assert 'DSRunner' in vars(brainpy)\n"
        "print('lazy')\n"
    )
    result = run_python(code)
    assert result.returncode == 0, result.stderr
    assert "lazy" in result.stdout


def test_unknown_attribute_is_an_attribute_error() -> None:
    with pytest.raises(AttributeError, match="no attribute 'no_such_name'"):
        brainpy.no_such_name  # noqa: B018


def test_type_checking_imports_match_the_lazy_table() -> None:
    """The ``if TYPE_CHECKING`` imports type checkers read name what ``__getattr__`` returns."""
    import ast

    tree = ast.parse(inspect.getsource(brainpy))
    block = next(
        node
        for node in tree.body
        if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test)
    )
    spelled: dict[str, object] = {}
    for node in block.body:
        assert isinstance(node, (ast.Import, ast.ImportFrom))
        for alias in node.names:
            if isinstance(node, ast.Import):
                spelled[alias.asname or alias.name] = importlib.import_module(alias.name)
            else:
                module = importlib.import_module(node.module or "")
                spelled[alias.asname or alias.name] = getattr(module, alias.name)
    assert sorted(spelled) == sorted(set(brainpy.__all__) - {"__version__"})
    for name, value in spelled.items():
        assert getattr(brainpy, name) is value, name


def test_import_after_jax_still_turns_on_cpu_loop_kernels(run_python) -> None:
    code = (
        "import os, sys\n"
        "os.environ.pop('XLA_FLAGS', None)\n"
        "import jax\n"
        "import brainpy\n"
        "assert 'brainpy_math' in sys.modules\n"
        "import brainpy_math as bm\n"
        "assert bm.cpu_loop_kernels_enabled()\n"
        "print('kernels on')\n"
    )
    result = run_python(code)
    assert result.returncode == 0, result.stderr
    assert "kernels on" in result.stdout
