"""Refuse to import ``brainpy`` next to components outside the ranges it was built for.

pip enforces the meta-package's ranges at install time, but a downstream pin of one component,
``pip install --no-deps`` or "install anyway" can still leave a skewed environment. This module
checks every component at import time (it runs :func:`check_components` when imported, before
``brainpy/__init__.py`` imports any component) and says how to repair the environment.
"""

from __future__ import annotations

import importlib.metadata
import operator
import re
from collections.abc import Callable, Iterable

from brainpy._components import COMPONENTS, Component
from brainpy._version import __version__

__all__ = ["check_components", "version_in_range"]

_RELEASE = re.compile(r"v?(\d+(?:\.\d+)*)")
_CLAUSE = re.compile(r"(>=|<=|==|!=|>|<)\s*(\d+(?:\.\d+)*)")
_COMPARE: dict[str, Callable[[tuple[int, ...], tuple[int, ...]], bool]] = {
    ">=": operator.ge,
    "<=": operator.le,
    "==": operator.eq,
    "!=": operator.ne,
    ">": operator.gt,
    "<": operator.lt,
}


def _release(version: str) -> tuple[int, ...]:
    """Return the release segment of a PEP 440 version (``"0.1.2rc1"`` gives ``(0, 1, 2)``)."""
    match = _RELEASE.match(version.strip())
    if match is None:
        raise ValueError(f"version: expected a PEP 440 version such as '0.1.0', got {version!r}")
    return tuple(int(part) for part in match.group(1).split("."))


def version_in_range(version: str, requirement: str) -> bool:
    """Tell whether ``version`` satisfies every clause of ``requirement``.

    Only the release segment is compared, so ``0.1.0.dev1`` and ``0.1.0rc1`` count as
    ``0.1.0``; that is the precision the component ranges need and keeps this package free of
    third-party dependencies.

    Args:
      version: an installed version, such as ``"0.1.3"``.
      requirement: comma-separated clauses with ``>=``, ``<=``, ``==``, ``!=``, ``>`` or ``<``
        and a release number, such as ``">=0.1.0,<0.2"``.

    Returns:
      ``True`` when every clause holds.

    Raises:
      ValueError: ``version`` or a clause of ``requirement`` cannot be parsed.

    Examples:
      >>> version_in_range("0.1.3", ">=0.1.0,<0.2")
      True
      >>> version_in_range("0.2.0", ">=0.1.0,<0.2")
      False
    """
    release = _release(version)
    for clause in requirement.split(","):
        match = _CLAUSE.fullmatch(clause.strip())
        if match is None:
            raise ValueError(
                f"requirement: expected clauses such as '>=0.1.0' or '<0.2', "
                f"got {clause.strip()!r} in {requirement!r}"
            )
        op, bound_text = match.groups()
        bound = _release(bound_text)
        width = max(len(release), len(bound))
        left = release + (0,) * (width - len(release))
        right = bound + (0,) * (width - len(bound))
        if not _COMPARE[op](left, right):
            return False
    return True


def check_components(components: Iterable[Component] = COMPONENTS) -> None:
    """Check that every component is installed, at a version this release accepts.

    Args:
      components: the components to check; all of them by default.

    Raises:
      ImportError: a component is missing or outside its range. The message names each such
        distribution, the installed version, the required range and the command that fixes it.
    """
    problems: list[str] = []
    wanted: list[str] = []
    for component in components:
        required = f"{component.distribution}{component.requirement}"
        try:
            installed = importlib.metadata.version(component.distribution)
        except importlib.metadata.PackageNotFoundError:
            problems.append(f"{component.distribution} is not installed (requires {required})")
        else:
            if version_in_range(installed, component.requirement):
                continue
            problems.append(
                f"{component.distribution} {installed} is installed, but requires {required}"
            )
        wanted.append(f'"{required}"')
    if problems:
        details = "".join(f"\n  - {problem}" for problem in problems)
        raise ImportError(
            f"brainpy {__version__} cannot be imported with these components:{details}\n"
            f"Fix: `pip install -U brainpy` to get matching versions of everything, or "
            f"`pip install {' '.join(wanted)}` to keep this brainpy release."
        )


check_components()
