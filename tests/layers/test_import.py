"""brainpy_layers installs and imports on its own, with the version its metadata declares."""

from __future__ import annotations

import importlib.metadata
import importlib.resources
import importlib.util

from packaging.version import Version

import brainpy_layers
from brainpy_layers import _version


def test_version_is_single_sourced() -> None:
    assert brainpy_layers.__version__ == _version.__version__
    assert brainpy_layers.__version__ == importlib.metadata.version("brainpy-layers")
    assert str(Version(brainpy_layers.__version__)) == brainpy_layers.__version__


def test_public_names_resolve() -> None:
    assert "__version__" in brainpy_layers.__all__
    assert len(set(brainpy_layers.__all__)) == len(brainpy_layers.__all__)
    for name in brainpy_layers.__all__:
        assert hasattr(brainpy_layers, name), name


def test_is_a_typed_package() -> None:
    spec = importlib.util.find_spec("brainpy_layers")
    assert spec is not None and spec.submodule_search_locations
    assert importlib.resources.files("brainpy_layers").joinpath("py.typed").is_file()
