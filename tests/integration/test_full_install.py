"""The full install (``pip install brainpy``): every component together, mutually consistent."""

from __future__ import annotations

import importlib
import importlib.metadata

import pytest
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

import brainpy

DISTRIBUTIONS = {
    "brainpy-math": "brainpy_math",
    "brainpy-dyn": "brainpy_dyn",
    "brainpy-layers": "brainpy_layers",
    "brainpy-checkpoints": "brainpy_checkpoints",
    "brainpy": "brainpy",
}


@pytest.mark.parametrize("distribution", DISTRIBUTIONS)
def test_each_import_reports_its_distribution_version(distribution: str) -> None:
    module = importlib.import_module(DISTRIBUTIONS[distribution])
    assert module.__version__ == importlib.metadata.version(distribution)


@pytest.mark.parametrize("distribution", DISTRIBUTIONS)
def test_sibling_ranges_admit_the_installed_siblings(distribution: str) -> None:
    siblings = {canonicalize_name(name) for name in DISTRIBUTIONS}
    for line in importlib.metadata.requires(distribution) or []:
        requirement = Requirement(line)
        if canonicalize_name(requirement.name) in siblings:
            installed = importlib.metadata.version(requirement.name)
            assert requirement.specifier.contains(installed, prereleases=True), (
                f"{distribution} requires {requirement}, {installed} is installed"
            )


def test_meta_aliases_are_the_components() -> None:
    import brainpy_checkpoints
    import brainpy_dyn
    import brainpy_layers
    import brainpy_math

    assert brainpy.math is brainpy_math
    assert brainpy.dyn is brainpy_dyn
    assert brainpy.layers is brainpy_layers
    assert brainpy.checkpoints is brainpy_checkpoints
