"""Make ``brainpy.<alias>`` and its submodules the very module objects of the components.

``install_aliases("brainpy", {"math": "brainpy_math"})`` puts one :class:`AliasFinder` first on
:data:`sys.meta_path`; it imports nothing. The finder answers only for
``brainpy.math`` and ``brainpy.math.<anything>``: it imports the real ``brainpy_math.<anything>``
and hands back that module object, so ``import brainpy.math.random`` and
``import brainpy_math.random`` give one module, in either order, and its ``__spec__`` keeps the
real name (reprs, pickles and ``importlib.resources`` all see ``brainpy_math``).
"""

from __future__ import annotations

import importlib
import importlib.abc
import importlib.machinery
import importlib.util
import sys
from collections.abc import Mapping, Sequence
from types import ModuleType

__all__ = ["AliasFinder", "install_aliases"]


class _AliasLoader(importlib.abc.Loader):
    """Load an alias name by importing the real module and returning that object."""

    def __init__(self, real_name: str) -> None:
        self._real_name = real_name
        self._real_spec: importlib.machinery.ModuleSpec | None = None

    def create_module(self, spec: importlib.machinery.ModuleSpec) -> ModuleType:
        """Import and return the real module; the import system then files it under the alias."""
        module = importlib.import_module(self._real_name)
        self._real_spec = module.__spec__
        return module

    def exec_module(self, module: ModuleType) -> None:
        """Run nothing; undo the import system's overwrite of the real ``__spec__``."""
        module.__spec__ = self._real_spec


class AliasFinder(importlib.abc.MetaPathFinder):
    """Map ``<package>.<alias>[.<rest>]`` to ``<real>[.<rest>]`` for a fixed alias table.

    Args:
      package: the aliasing package, ``"brainpy"``.
      targets: alias -> real top-level module name, such as ``{"math": "brainpy_math"}``; an
        alias may be dotted (``"_src.math"``), and the longest matching one wins.
    """

    def __init__(self, package: str, targets: Mapping[str, str]) -> None:
        self.package = package
        self.targets = dict(targets)

    def find_spec(
        self,
        fullname: str,
        path: Sequence[str] | None = None,
        target: ModuleType | None = None,
    ) -> importlib.machinery.ModuleSpec | None:
        """Return an alias spec for a name under a known alias, ``None`` for any other name.

        A name under an alias whose real module does not exist gets ``None`` too, so importing
        it raises the usual :class:`ModuleNotFoundError`.
        """
        package, _, alias_and_rest = fullname.partition(".")
        if package != self.package:
            return None
        # The longest alias that prefixes the name wins ("_src.math" before "_src").
        parts = alias_and_rest.split(".")
        for cut in range(len(parts), 0, -1):
            real = self.targets.get(".".join(parts[:cut]))
            if real is not None:
                rest = ".".join(parts[cut:])
                break
        else:
            return None
        real_name = f"{real}.{rest}" if rest else real
        if importlib.util.find_spec(real_name) is None:
            return None
        return importlib.machinery.ModuleSpec(fullname, _AliasLoader(real_name))


def install_aliases(package: str, modules: Mapping[str, str]) -> None:
    """Install the finder that makes ``<package>.<alias>[.<rest>]`` the real modules.

    Nothing is imported here: ``import brainpy.math`` (or ``brainpy.math`` through the lazy
    module attribute) imports ``brainpy_math`` then. Calling it again replaces the previous
    finder of the same package.

    Args:
      package: the aliasing package, ``"brainpy"``.
      modules: alias -> real module name, such as ``{"math": "brainpy_math"}``.
    """
    sys.meta_path[:] = [
        finder
        for finder in sys.meta_path
        if not (isinstance(finder, AliasFinder) and finder.package == package)
    ]
    sys.meta_path.insert(0, AliasFinder(package, modules))
