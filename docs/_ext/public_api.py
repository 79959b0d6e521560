"""Sphinx extension: one API page per public module, written from the modules' ``__all__``.

When the build starts (:func:`write_pages`), every public module of this project
(``brainpy_math``, ``brainpy_math.random``, ``brainpy_dyn.neurons``...) gets a page in
``api/generated/`` (not versioned): its title, its docstring, ``.. public-api:: <module>`` and a
table of contents of its public submodules. New modules therefore need no edit of the docs.

``.. public-api:: brainpy_math`` expands, when the page is read, to:

* a summary table and an autodoc entry for every class and function of this project that the
  module exports (private names, dunders included, are skipped). An object exported under
  several public names is documented once, under its home name (see :func:`_homes`);
* short entries for the other names: constants and instances, aliases (``Tensor`` is
  ``Array``; ``brainpy_dyn.LIF`` is ``brainpy_dyn.neurons.LIF``), modules and re-exports of
  other libraries (``bm.float32`` is ``jax.numpy.float32``), each a reference target.

Submodules have their own pages. With the ``:reexports:`` flag (the ``brainpy`` meta-package)
the directive renders only the short entries, each pointing at the component object documented
on that component's pages.

:func:`resolve_fallbacks` resolves references that name an object through ``bm.``, ``_src`` or
an unqualified type hint.
"""

from __future__ import annotations

import builtins
import importlib
import inspect
import pkgutil
from functools import cache
from pathlib import Path
from types import ModuleType
from typing import Any

from docutils import nodes
from docutils.parsers.rst import directives
from sphinx import addnodes
from sphinx.application import Sphinx
from sphinx.environment import BuildEnvironment
from sphinx.util.docutils import SphinxDirective

PROJECT_PACKAGES = ("brainpy_math", "brainpy_dyn", "brainpy_layers", "brainpy_checkpoints")
_SIMPLE_VALUES = (bool, int, float, complex, str, type(None))


def _ours(obj: Any) -> bool:
    """Tell whether ``obj`` is defined by this project (rather than re-exported from jax, ...)."""
    module = getattr(obj, "__module__", None) or ""
    return module.split(".")[0] in (*PROJECT_PACKAGES, "brainpy")


def _public_names(module: ModuleType) -> list[str]:
    return [name for name in getattr(module, "__all__", ()) if not name.startswith("_")]


def _public_submodules(module: ModuleType) -> list[ModuleType]:
    if not hasattr(module, "__path__"):
        return []
    return [
        importlib.import_module(f"{module.__name__}.{info.name}")
        for info in pkgutil.iter_modules(module.__path__)
        if not info.name.startswith("_")
    ]


def _public_modules(module: ModuleType) -> list[ModuleType]:
    """``module`` and its public submodules, recursively, parents first."""
    found = [module]
    for sub in _public_submodules(module):
        found += _public_modules(sub)
    return found


def _documentable(obj: Any) -> bool:
    """Classes and functions of this project get an autodoc entry; data and modules do not."""
    return not inspect.ismodule(obj) and (inspect.isclass(obj) or callable(obj)) and _ours(obj)


@cache
def _homes(package: str) -> dict[int, str]:
    """Map each documentable object of ``package`` (by id) to its one documented public name.

    Every other public name of the object becomes an alias. Preference: its own ``__name__``
    over an alias (``Array`` over ``Tensor``); the module its ``__module__`` names, which is
    where it says it lives (``brainpy_dyn.neurons.LIF`` over ``brainpy_dyn.LIF``); the package
    namespace over a submodule; a submodule named like the object's source module
    (``synapses`` for ``_src/synapses/...``); then the alphabetical first.
    """
    options: dict[int, list[tuple[tuple[bool, bool, bool, bool, str], str]]] = {}
    for module in _public_modules(importlib.import_module(package)):
        for name in _public_names(module):
            obj = getattr(module, name)
            if not _documentable(obj):
                continue
            rank = (
                name != getattr(obj, "__name__", name),
                module.__name__ != obj.__module__,
                module.__name__ != package,
                module.__name__.rsplit(".", 1)[-1] not in obj.__module__.split("."),
                module.__name__,
            )
            options.setdefault(id(obj), []).append((rank, f"{module.__name__}.{name}"))
    return {key: min(candidates)[1] for key, candidates in options.items()}


def _home(obj: Any) -> str | None:
    """The public name ``obj`` is documented under, or ``None`` if its package exports none."""
    return _homes(obj.__module__.split(".")[0]).get(id(obj))


def _documented_bases(cls: type) -> list[type]:
    """The classes of this project that ``cls`` derives from and that have their own entry."""
    return [base for base in cls.__mro__[1:] if _documentable(base) and _home(base) is not None]


def _autodoc(qualified: str, obj: Any) -> list[str]:
    """An autodoc entry; a class lists its own members and those of undocumented bases.

    Members that a class inherits from a documented class of this project are left to that
    class's entry (the "Bases" line links it): a model does not repeat the thirty methods of
    ``BrainPyObject``. :func:`resolve_fallbacks` resolves ``Model.inherited_method`` there.
    """
    if inspect.isclass(obj):
        # Sphinx drops an inherited member when the class defining it is named here, so the
        # list holds every class at or above a documented base (its mixins included).
        above = {cls.__name__ for base in _documented_bases(obj) for cls in base.__mro__}
        bases = sorted(above - {obj.__name__, "object"})
        options = [
            ":members:",
            ":undoc-members:",
            f":inherited-members: {', '.join(bases)}" if bases else ":inherited-members:",
            ":special-members: __call__",
            ":show-inheritance:",
        ]
        return [f".. autoclass:: {qualified}", *(f"   {option}" for option in options), ""]
    return [f".. autofunction:: {qualified}", ""]


def _data(qualified: str, description: str, option: str = "") -> list[str]:
    """A ``py:data`` entry: a target for references, with one line of description.

    A name that shadows a built-in (``bm.int``, ``bm.float``, ``bm.bool``) is described but
    not indexed: as a target it would capture every ``int`` type hint of the project (and,
    defined in several modules, make each one ambiguous).
    """
    module, name = qualified.rsplit(".", 1)
    return [
        f".. py:data:: {name}",
        f"   :module: {module}",
        *([f"   {option}"] if option else []),
        *(["   :no-index:"] if hasattr(builtins, name) else []),
        "",
        f"   {description}",
        "",
    ]


def _external_name(obj: Any) -> str:
    module = getattr(obj, "__module__", None)
    name = getattr(obj, "__qualname__", None) or getattr(obj, "__name__", None)
    if module and name:
        return f"{module}.{name}" if module != "builtins" else name
    return repr(obj)


def _value_entry(qualified: str, obj: Any) -> list[str]:
    """Describe a data name: its value when simple, else the class it is an instance of."""
    if isinstance(obj, _SIMPLE_VALUES):
        return _data(qualified, "A constant.", f":value: {obj!r}")
    cls = type(obj)
    if _ours(cls):
        return _data(qualified, f"An instance of :py:class:`{cls.__module__}.{cls.__qualname__}`.")
    return _data(qualified, f"An instance of ``{_external_name(cls)}``.")


def _alias_entry(qualified: str, obj: Any) -> list[str]:
    """Describe a name that is documented elsewhere: an alias, a module or a foreign object."""
    if inspect.ismodule(obj):
        return _data(qualified, f"The module :py:mod:`{obj.__name__}`.")
    home = _home(obj) if _ours(obj) else None
    if home is not None:
        return _data(qualified, f"Alias of :py:obj:`{home}`.")
    return _data(qualified, f"Re-export of ``{_external_name(obj)}``.")


def api_lines(module: ModuleType) -> list[str]:
    """Return the reStructuredText that documents ``module``'s public API, submodules excluded."""
    submodules = {sub.__name__ for sub in _public_submodules(module)}
    documented: list[tuple[str, Any]] = []
    values: list[str] = []
    aliases: list[str] = []
    for name in _public_names(module):
        obj = getattr(module, name)
        qualified = f"{module.__name__}.{name}"
        if inspect.ismodule(obj) and obj.__name__ in submodules:
            continue  # documented on its own page
        if _documentable(obj) and _home(obj) in (qualified, None):
            documented.append((qualified, obj))
        elif inspect.ismodule(obj) or inspect.isclass(obj) or callable(obj):
            aliases += _alias_entry(qualified, obj)
        else:
            values += _value_entry(qualified, obj)
    lines: list[str] = [f".. currentmodule:: {module.__name__}", ""]
    if documented:
        lines += [".. autosummary::", "   :nosignatures:", ""]
        lines += [f"   {qualified.rsplit('.', 1)[-1]}" for qualified, _ in documented]
        lines.append("")
        for qualified, obj in documented:
            lines += _autodoc(qualified, obj)
    if values:
        lines += [".. rubric:: Constants and instances", "", *values]
    if aliases:
        lines += [".. rubric:: Aliases and re-exports", "", *aliases]
    return lines


GENERATED = "api/generated"  # relative to the source folder; listed in .gitignore


def page_text(module: ModuleType) -> str:
    """Return the page of one public module: title, docstring, submodules, public API."""
    name = module.__name__
    title = f"``{name}``"
    if name in PROJECT_PACKAGES:
        title += f" (distribution ``{name.replace('_', '-')}``)"
    lines = [title, "=" * len(title), "", f".. automodule:: {name}", ""]
    submodules = sorted(sub.__name__ for sub in _public_submodules(module))
    if submodules:
        lines += [".. rubric:: Submodules", "", ".. toctree::", "   :maxdepth: 1", ""]
        lines += [f"   {sub}" for sub in submodules]
        lines.append("")
    lines += [f".. public-api:: {name}", ""]
    return "\n".join(lines)


def write_pages(app: Sphinx) -> None:
    """Write one page per public module into ``api/generated/``; remove stale pages.

    A page is rewritten only when its text changed, so an incremental build rereads only what
    changed.
    """
    folder = Path(app.srcdir) / GENERATED
    folder.mkdir(parents=True, exist_ok=True)
    pages = {}
    for package in PROJECT_PACKAGES:
        for module in _public_modules(importlib.import_module(package)):
            pages[f"{module.__name__}.rst"] = page_text(module)
    for stale in folder.glob("*.rst"):
        if stale.name not in pages:
            stale.unlink()
    for filename, text in pages.items():
        path = folder / filename
        if not path.is_file() or path.read_text(encoding="utf-8") != text:
            path.write_text(text, encoding="utf-8")


def reexport_lines(module: ModuleType) -> list[str]:
    """Return entries that point each public name of ``module`` at the object it re-exports."""
    lines = [f".. currentmodule:: {module.__name__}", ""]
    for name in _public_names(module):
        obj = getattr(module, name)
        qualified = f"{module.__name__}.{name}"
        if inspect.ismodule(obj) or inspect.isclass(obj) or callable(obj):
            lines += _alias_entry(qualified, obj)
            continue
        homes = [
            p for p in PROJECT_PACKAGES if getattr(importlib.import_module(p), name, None) is obj
        ]
        if homes:  # data such as `share`: point at the component's name
            lines += _data(qualified, f"Alias of :py:obj:`{homes[0]}.{name}`.")
        else:
            lines += _value_entry(qualified, obj)
    return lines


class PublicApi(SphinxDirective):
    """``.. public-api:: <module>`` with an optional ``:reexports:`` flag."""

    required_arguments = 1
    option_spec = {"reexports": directives.flag}

    def run(self) -> list[nodes.Node]:
        """Generate the reStructuredText for the module and parse it in place."""
        module = importlib.import_module(self.arguments[0])
        reexports = "reexports" in self.options
        lines = reexport_lines(module) if reexports else api_lines(module)
        return self.parse_text_to_nodes("\n".join(lines), allow_section_headings=True)


_MODULE_ALIASES = {"bm": "brainpy_math", "bp": "brainpy"}


def _in_signature(node: nodes.Node) -> bool:
    parent = node.parent
    while parent is not None:
        if isinstance(parent, addnodes.desc_signature):
            return True
        parent = parent.parent
    return False


def _lookup(dotted: str) -> Any:
    """The object a dotted public name points at (``brainpy_dyn.neurons.LIF``), or ``None``."""
    parts = dotted.split(".")
    for cut in range(len(parts), 0, -1):
        try:
            obj = importlib.import_module(".".join(parts[:cut]))
        except ImportError:
            continue
        for part in parts[cut:]:
            obj = getattr(obj, part, None)
        return obj
    return None


def _inherited_candidates(node: addnodes.pending_xref, targets: list[str]) -> list[str]:
    """Where ``Class.member`` is documented when ``Class`` inherits it from a documented base.

    A bare ``member`` inside a class's docstring counts as ``Class.member`` of that class.
    """
    found: list[str] = []
    module, cls_name = node.get("py:module") or "", node.get("py:class") or ""
    for target in targets:
        owner, _, member = target.rpartition(".")
        if not owner and module and cls_name:
            owner = f"{module}.{cls_name}"
        elif owner and module and owner.split(".")[0] not in (*PROJECT_PACKAGES, "brainpy"):
            owner = f"{module}.{owner}"  # relative to the current module: ``LIF.update``
        if not owner or not member or owner.split(".")[0] not in (*PROJECT_PACKAGES, "brainpy"):
            continue
        cls = _lookup(owner)
        if not inspect.isclass(cls):
            continue
        for base in _documented_bases(cls):  # nearest first; each lists what it inherits
            if any(member in vars(above) for above in base.__mro__):
                found.append(f"{_home(base)}.{member}")
    return found


def resolve_fallbacks(
    app: Sphinx, env: BuildEnvironment, node: addnodes.pending_xref, contnode: nodes.TextElement
) -> nodes.Node | None:
    """Resolve what Python's usual lookup misses, where the object is documented after all.

    * ``bm.Array`` and ``bp.X`` (the conventional import aliases) as ``brainpy_math.Array``...;
    * ``brainpy.math.random`` (through the meta-package) as ``brainpy_math.random``;
    * ``pkg._src.module.Name`` as the public ``pkg.Name``;
    * an unqualified ``Name`` as ``pkg.Name``, trying the package of the current module first,
      then every component (an inherited docstring names its own package's objects);
    * ``Class.member`` (or a bare ``member`` in ``Class``'s docstring), where ``Class``
      inherits ``member`` from a documented base, as that base's member.

    A type hint in a signature that still does not resolve (a private alias such as ``Size``)
    and a reference into ``_src`` stay plain text; every other miss is reported.
    """
    if node.get("refdomain") != "py":
        return None
    target = node.get("reftarget", "")
    head, _, rest = target.partition(".")
    candidates = []
    if head in _MODULE_ALIASES and rest:
        head, target = _MODULE_ALIASES[head], f"{_MODULE_ALIASES[head]}.{rest}"
        candidates.append(target)
    if head == "brainpy" and "." in rest:  # brainpy.math.random is brainpy_math.random
        alias, _, tail = rest.partition(".")
        component = getattr(importlib.import_module("brainpy"), alias, None)
        if inspect.ismodule(component):
            candidates.append(f"{component.__name__}.{tail}")
    if "._src." in target:
        candidates.append(f"{head}.{target.rsplit('.', 1)[-1]}")
    if not rest:  # the package of the current module first, then every component
        current = (node.get("py:module") or "").split(".")[0]
        packages = [current] if current in PROJECT_PACKAGES else []
        candidates += [f"{package}.{target}" for package in (*packages, *PROJECT_PACKAGES)]
    candidates += _inherited_candidates(node, [target, *candidates])
    domain = env.get_domain("py")
    for candidate in candidates:
        resolved = domain.resolve_xref(
            env, node.get("refdoc", ""), app.builder, node["reftype"], candidate, node, contnode
        )
        if resolved is not None:
            return resolved
    if _in_signature(node) or "._src." in target:
        return contnode
    return None


def skip_member(
    app: Sphinx, what: str, name: str, obj: Any, skip: bool, options: Any
) -> bool | None:
    """Filter the members of a documented class.

    Skipped: methods inherited from outside this project (``tuple.count``, ``Exception``'s),
    and attributes that are only declared (an annotation or a slot, which autodoc cannot import
    when the class's ``__module__`` is its public module); the class docstring's
    ``Attributes:`` section documents those.
    """
    if what != "class" or skip:
        return None
    if type(obj).__module__.startswith("sphinx."):  # autodoc's marker of a declared attribute
        return True
    target = getattr(obj, "fget", obj)  # a property's getter
    target = getattr(target, "__func__", target)  # a classmethod's or staticmethod's function
    if not inspect.isroutine(target):
        return None
    owner = getattr(target, "__objclass__", None)  # methods of built-in types
    return True if not _ours(owner if owner is not None else target) else None


def setup(app: Sphinx) -> dict[str, Any]:
    """Register the page writer, the directive, the reference resolver and the member filter."""
    app.add_directive("public-api", PublicApi)
    app.connect("builder-inited", write_pages)
    app.connect("missing-reference", resolve_fallbacks)
    app.connect("autodoc-skip-member", skip_member)
    return {"version": "1", "parallel_read_safe": True, "parallel_write_safe": True}
