"""The meta-package refuses skewed or missing components and names the fix."""

from __future__ import annotations

import importlib.metadata

import pytest
from packaging.requirements import Requirement
from packaging.specifiers import SpecifierSet

import brainpy
from brainpy._components import COMPONENTS
from brainpy._version_guard import check_components, version_in_range


def fake_versions(monkeypatch: pytest.MonkeyPatch, **overrides: str | None) -> None:
    """Make importlib.metadata.version report ``overrides`` (dist_name=version, None=missing)."""
    real_version = importlib.metadata.version
    table = {name.replace("_", "-"): version for name, version in overrides.items()}

    def version(distribution: str) -> str:
        if distribution not in table:
            return real_version(distribution)
        if table[distribution] is None:
            raise importlib.metadata.PackageNotFoundError(distribution)
        return table[distribution]

    monkeypatch.setattr(importlib.metadata, "version", version)


def test_installed_components_pass() -> None:
    check_components()


def test_skewed_component_names_dist_versions_and_fix(monkeypatch: pytest.MonkeyPatch) -> None:
    fake_versions(monkeypatch, brainpy_math="0.2.0")
    with pytest.raises(ImportError) as caught:
        check_components()
    message = str(caught.value)
    assert f"brainpy {brainpy.__version__}" in message
    assert "brainpy-math 0.2.0 is installed, but requires brainpy-math>=0.1.0,<0.2" in message
    assert "pip install -U brainpy" in message
    assert 'pip install "brainpy-math>=0.1.0,<0.2"' in message
    for other in ("brainpy-dyn", "brainpy-layers", "brainpy-checkpoints"):
        assert other not in message


def test_missing_component_names_the_dist_to_install(monkeypatch: pytest.MonkeyPatch) -> None:
    fake_versions(monkeypatch, brainpy_layers=None)
    with pytest.raises(ImportError) as caught:
        check_components()
    message = str(caught.value)
    assert "brainpy-layers is not installed (requires brainpy-layers>=0.1.0,<0.2)" in message
    assert 'pip install "brainpy-layers>=0.1.0,<0.2"' in message


def test_every_problem_is_reported_at_once(monkeypatch: pytest.MonkeyPatch) -> None:
    fake_versions(monkeypatch, brainpy_dyn="0.0.9", brainpy_checkpoints=None)
    with pytest.raises(ImportError) as caught:
        check_components()
    message = str(caught.value)
    assert "brainpy-dyn 0.0.9 is installed" in message
    assert "brainpy-checkpoints is not installed" in message
    assert '"brainpy-dyn>=0.1.0,<0.2" "brainpy-checkpoints>=0.1.0,<0.2"' in message


def test_import_brainpy_fails_on_skew(run_python) -> None:
    code = (
        "import importlib.metadata as m\n"
        "real = m.version\n"
        "m.version = lambda d: '0.3.1' if d == 'brainpy-dyn' else real(d)\n"
        "import brainpy\n"
    )
    result = run_python(code)
    assert result.returncode != 0
    assert "ImportError" in result.stderr
    assert "brainpy-dyn 0.3.1 is installed, but requires brainpy-dyn>=0.1.0,<0.2" in result.stderr


@pytest.mark.parametrize(
    ("version", "requirement", "expected"),
    [
        ("0.1.0", ">=0.1.0,<0.2", True),
        ("0.1.17", ">=0.1.0,<0.2", True),
        ("0.1", ">=0.1.0,<0.2", True),
        ("0.0.9", ">=0.1.0,<0.2", False),
        ("0.2.0", ">=0.1.0,<0.2", False),
        ("1.0.0", ">=0.1.0,<0.2", False),
        ("0.1.3.dev2", ">=0.1.0,<0.2", True),
        ("1.4.0", ">=1.2,<2", True),
        ("1.4.0", "==1.4", True),
        ("1.4.0", "!=1.4.0", False),
        ("1.4.0", ">1.4,<=1.5", False),
    ],
)
def test_version_in_range(version: str, requirement: str, expected: bool) -> None:
    assert version_in_range(version, requirement) is expected
    # The same answers as PEP 440 (packaging) on these cases.
    assert SpecifierSet(requirement).contains(version, prereleases=True) is expected


@pytest.mark.parametrize(("version", "requirement"), [("abc", ">=0.1"), ("0.1.0", "~=0.1")])
def test_unparsable_input_is_a_clear_error(version: str, requirement: str) -> None:
    with pytest.raises(ValueError, match="expected"):
        version_in_range(version, requirement)


def test_table_matches_the_installed_metadata() -> None:
    declared = {
        Requirement(line).name: Requirement(line).specifier
        for line in importlib.metadata.requires("brainpy") or []
        if Requirement(line).marker is None
    }
    assert {c.distribution for c in COMPONENTS} <= set(declared)
    for component in COMPONENTS:
        assert SpecifierSet(component.requirement) == declared[component.distribution]
