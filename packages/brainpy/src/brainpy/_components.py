"""The components this release of the ``brainpy`` meta-package is built for.

This table is the only place the meta-package's component ranges live. Three readers use it:

* ``brainpy/__init__.py`` aliases ``brainpy.<alias>`` to each component module;
* :mod:`brainpy._version_guard` checks at import that each installed distribution lies in
  its range;
* the ``check_pins`` session of the repository's ``noxfile.py`` asserts the ranges equal the
  sibling dependencies of ``packages/brainpy/pyproject.toml``. It loads this file on its own,
  so it must import nothing but the standard library.
"""

from __future__ import annotations

from typing import Final, NamedTuple


class Component(NamedTuple):
    """One component distribution that the meta-package re-exports.

    Attributes:
      alias: attribute and module name under ``brainpy`` (``brainpy.math``).
      distribution: name of the distribution on PyPI (``brainpy-math``).
      module: top-level import package of that distribution (``brainpy_math``).
      requirement: version range this meta release accepts, in PEP 440 syntax.
    """

    alias: str
    distribution: str
    module: str
    requirement: str


COMPONENTS: Final[tuple[Component, ...]] = (
    Component("math", "brainpy-math", "brainpy_math", ">=0.1.0,<0.2"),
    Component("dyn", "brainpy-dyn", "brainpy_dyn", ">=0.1.0,<0.2"),
    Component("layers", "brainpy-layers", "brainpy_layers", ">=0.1.0,<0.2"),
    Component("checkpoints", "brainpy-checkpoints", "brainpy_checkpoints", ">=0.1.0,<0.2"),
)
