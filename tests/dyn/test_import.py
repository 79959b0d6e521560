"""brainpy_dyn installs and imports on its own, with the version its metadata declares."""

from __future__ import annotations

import importlib.metadata
import importlib.resources
import importlib.util

from packaging.version import Version

import brainpy_dyn
from brainpy_dyn import _version


def test_version_is_single_sourced() -> None:
    assert brainpy_dyn.__version__ == _version.__version__
    assert brainpy_dyn.__version__ == importlib.metadata.version("brainpy-dyn")
    assert str(Version(brainpy_dyn.__version__)) == brainpy_dyn.__version__


def test_public_names_resolve() -> None:
    assert "__version__" in brainpy_dyn.__all__
    assert len(set(brainpy_dyn.__all__)) == len(brainpy_dyn.__all__)
    for name in brainpy_dyn.__all__:
        assert hasattr(brainpy_dyn, name), name


def test_is_a_typed_package() -> None:
    spec = importlib.util.find_spec("brainpy_dyn")
    assert spec is not None and spec.submodule_search_locations
    assert importlib.resources.files("brainpy_dyn").joinpath("py.typed").is_file()
