"""Every check of the brainpy monorepo; ``nox -l`` lists the sessions.

The sessions install what they test from wheels built out of ``packages/*``, never from the
checkout, so a test only sees what a user's ``pip install`` would give. Wheels are built once per
``nox`` run into one temporary wheelhouse and shared by the sessions of that run.

Quick reference::

    nox                                            # the default sessions
    nox -s lint check_pins tests integration doctests   # the README's test command
    nox -s "tests(package='brainpy-math')" -- -k jit    # one package; the rest goes to pytest
    nox -s docs demo bench dev
"""

from __future__ import annotations

import ast
import atexit
import json
import os
import re
import runpy
import shutil
import subprocess
import sys
import tempfile
import zipfile
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import nox
from packaging import tags
from packaging.requirements import Requirement
from packaging.specifiers import SpecifierSet
from packaging.utils import canonicalize_name, parse_wheel_filename
from packaging.version import InvalidVersion, Version

nox.needs_version = ">=2026.10.20"
nox.options.default_venv_backend = "uv|virtualenv"
nox.options.download_python = "never"  # CLI: --download-python never; we never fetch interpreters
nox.options.error_on_missing_interpreters = True  # a missing Python fails; it never skips quietly
nox.options.sessions = ["lint", "check_pins", "build", "tests", "integration", "doctests", "docs"]

ROOT = Path(__file__).parent.resolve()
# Every session runs on the floor; CI adds the ceiling with `nox --force-python 3.13 ...`. A string
# (not a one-item list) keeps the short names: `nox -s "tests(package='brainpy-math')"`.
PYTHON = "3.11"
# The distributions, dependencies first. check_pins asserts this matches packages/*.
PACKAGES = ["brainpy-math", "brainpy-dyn", "brainpy-layers", "brainpy-checkpoints", "brainpy"]
ROOT_PYPROJECT = nox.project.load_toml(ROOT / "pyproject.toml")
# Requirements that must come from a wheel in one of pip's find-links folders, never from an
# index: a bare `torch` from PyPI is a multi-GB CUDA build. Point pip at a folder holding the CPU
# wheel (`pip config set global.find-links DIR` or PIP_FIND_LINKS=DIR); without one, the oracle
# tests that need it are skipped, and under CI=true the session fails instead.
LOCAL_ONLY = {canonicalize_name("torch")}
# pytest-xdist workers of the test sessions: one per core by default (BRAINPY_TEST_WORKERS=0 runs
# the tests in one process, for debugging).
PARALLEL = ("-n", os.environ.get("BRAINPY_TEST_WORKERS", "auto"))


# --------------------------------------------------------------------------- package metadata
@dataclass(frozen=True)
class Package:
    """One distribution under ``packages/``, as its ``pyproject.toml`` declares it.

    Attributes:
      name: distribution name, ``brainpy-math``.
      path: its folder, ``packages/brainpy-math``.
      pyproject: the parsed ``pyproject.toml``.
    """

    name: str
    path: Path
    pyproject: dict[str, Any]

    @property
    def import_name(self) -> str:
        """The one top-level import package, ``brainpy_math``."""
        return self.name.replace("-", "_")

    @property
    def version(self) -> str:
        """The version in ``src/<import_name>/_version.py``."""
        return read_version(self.version_file)

    @property
    def version_file(self) -> Path:
        """``src/<import_name>/_version.py``."""
        return self.path / "src" / self.import_name / "_version.py"

    @property
    def requirements(self) -> list[Requirement]:
        """``[project] dependencies``, parsed."""
        return [Requirement(r) for r in self.pyproject["project"].get("dependencies", [])]

    @property
    def siblings(self) -> dict[str, Requirement]:
        """The requirements on other packages of this repository, by distribution name."""
        names = {canonicalize_name(p): p for p in PACKAGES}
        return {
            names[canonicalize_name(r.name)]: r
            for r in self.requirements
            if canonicalize_name(r.name) in names
        }

    @property
    def tests_dir(self) -> Path:
        """``tests/<component>``; the meta-package's tests live in ``tests/meta``."""
        return ROOT / "tests" / (self.name.removeprefix("brainpy-") if "-" in self.name else "meta")

    def group(self, name: str) -> tuple[str, ...]:
        """Return a ``[dependency-groups]`` entry, or nothing when the package has no such group."""
        if name not in self.pyproject.get("dependency-groups", {}):
            return ()
        return nox.project.dependency_groups(self.pyproject, name)


@cache
def load(name: str) -> Package:
    """Load ``packages/<name>``."""
    path = ROOT / "packages" / name
    return Package(name, path, nox.project.load_toml(path / "pyproject.toml"))


def read_version(path: Path) -> str:
    """Read ``__version__ = "X.Y.Z"``, the only statement a ``_version.py`` may hold.

    Raises:
      ValueError: the file holds anything else, or the version is not PEP 440.
    """
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    body = [node for node in tree.body if not isinstance(node, ast.Expr)]  # docstring allowed
    if not (
        len(body) == 1
        and isinstance(body[0], ast.Assign)
        and [ast.unparse(t) for t in body[0].targets] == ["__version__"]
        and isinstance(body[0].value, ast.Constant)
        and isinstance(body[0].value.value, str)
    ):
        raise ValueError(f'{path}: expected a single `__version__ = "X.Y.Z"` assignment')
    text = body[0].value.value
    try:
        normalized = str(Version(text))
    except InvalidVersion as error:
        raise ValueError(f"{path}: {text!r} is not a PEP 440 version") from error
    if normalized != text:
        raise ValueError(f"{path}: write the version normalized, {normalized!r} not {text!r}")
    return text


def closure(name: str) -> list[str]:
    """Return ``name`` and every sibling it declares, transitively, dependencies first.

    Raises:
      ValueError: the sibling dependencies form a cycle (``check_pins`` reports it in full).
    """
    graph = {package: list(load(package).siblings) for package in PACKAGES}
    if cycle := find_cycle(graph):
        raise ValueError("sibling dependencies form a cycle: " + " -> ".join(cycle))
    order: list[str] = []

    def visit(current: str) -> None:
        for sibling in graph[current]:
            if sibling not in order:
                visit(sibling)
        if current not in order:
            order.append(current)

    visit(name)
    return order


# --------------------------------------------------------------------------- shared helpers
def setup(session: nox.Session) -> None:
    """Environment shared by every session: CPU JAX, no interpreter downloads by uv."""
    session.env["JAX_PLATFORMS"] = "cpu"
    session.env["UV_PYTHON_DOWNLOADS"] = "never"
    session.env["PYTHONDONTWRITEBYTECODE"] = "1"


def compile_bytecode_on_install(session: nox.Session) -> None:
    """Install with compiled bytecode, as ``pip install`` does, so start-up times are a user's.

    Without it (uv's default, with ``PYTHONDONTWRITEBYTECODE`` set above) every process
    recompiles JAX's sources and starts about 1.5 s slower.
    """
    session.env["UV_COMPILE_BYTECODE"] = "1"


@cache
def uv_binary() -> str | None:
    """Return uv: on PATH, or the one the `uv` package put next to nox; ``None`` without uv."""
    if found := shutil.which("uv"):
        return found
    try:
        from uv import find_uv_bin  # the `uv` PyPI package, as installed by `pip install uv`
    except ImportError:
        return None
    try:
        return find_uv_bin()
    except FileNotFoundError:
        return None


@cache
def wheelhouse() -> Path:
    """One temporary folder per nox run for the wheels that the sessions install."""
    path = Path(tempfile.mkdtemp(prefix="brainpy-wheels-"))
    atexit.register(shutil.rmtree, path, ignore_errors=True)
    return path


def build_dists(session: nox.Session, name: str, out_dir: Path, *, sdist: bool) -> None:
    """Build ``packages/<name>`` into ``out_dir``: a wheel, and with ``sdist`` an sdist first.

    With uv this is ``uv build``; without it, ``python -m build`` in the session.
    """
    source = str(load(name).path)
    kinds = [] if sdist else ["--wheel"]
    if uv := uv_binary():
        session.run(uv, "build", *kinds, "--out-dir", str(out_dir), source, external=True)
    else:
        session.install("build>=1.2")
        session.run("python", "-m", "build", *kinds, "--outdir", str(out_dir), source)


def wheels(session: nox.Session, names: Iterable[str]) -> list[str]:
    """Return the wheel paths for ``names``, building those not yet in this run's wheelhouse."""
    paths = []
    for name in names:
        pattern = f"{load(name).import_name}-{load(name).version}-*.whl"
        found = sorted(wheelhouse().glob(pattern))
        if not found:
            build_dists(session, name, wheelhouse(), sdist=False)
            found = sorted(wheelhouse().glob(pattern))
        if len(found) != 1:
            session.error(f"expected one wheel {pattern} in {wheelhouse()}, found {found}")
        paths.append(str(found[0]))
    return paths


@cache
def pip_find_links() -> tuple[str, ...]:
    """The find-links entries of pip's own configuration: ``PIP_FIND_LINKS`` and pip.conf files."""
    entries = os.environ.get("PIP_FIND_LINKS", "").split()
    try:
        listing = subprocess.run(
            [sys.executable, "-m", "pip", "config", "list"],
            capture_output=True,
            text=True,
            check=False,
        ).stdout
    except OSError:
        listing = ""
    for line in listing.splitlines():
        key, _, value = line.partition("=")
        if key.rsplit(".", 1)[-1] == "find-links":
            entries += value.strip().strip("'\"").split()
    return tuple(dict.fromkeys(entries))


def find_links_dirs() -> Iterator[Path]:
    """Yield the local wheel folders pip is configured with."""
    for entry in pip_find_links():
        path = Path(entry.removeprefix("file://")).expanduser()
        if path.is_dir():
            yield path


def local_wheel(requirement: Requirement, python: str) -> Path | None:
    """Find a wheel on this machine that satisfies ``requirement`` and installs on ``python``."""
    version_info = tuple(int(part) for part in python.split(".")[:2])
    supported = {*tags.cpython_tags(version_info), *tags.compatible_tags(version_info)}
    for directory in find_links_dirs():
        for path in sorted(directory.glob("*.whl")):
            name, version, _, wheel_tags = parse_wheel_filename(path.name)
            if (
                name == canonicalize_name(requirement.name)
                and requirement.specifier.contains(version, prereleases=True)
                and not supported.isdisjoint(wheel_tags)
            ):
                return path
    return None


def installables(session: nox.Session, requirements: Iterable[str]) -> list[str]:
    """Map requirements to what to install: local-only ones (torch) become a wheel path.

    A local-only requirement with no wheel in pip's find-links folders is left out with a
    warning (an error under ``CI``); the tests that need it skip through ``pytest.importorskip``,
    and the test summary reports them (failing the run under ``CI``).
    """
    result = []
    for line in requirements:
        requirement = Requirement(line)
        if canonicalize_name(requirement.name) not in LOCAL_ONLY:
            result.append(line)
            continue
        wheel = local_wheel(requirement, str(session.python))
        if wheel is None:
            message = (
                f"no wheel for {requirement} in pip's find-links folders "
                f"({', '.join(pip_find_links()) or 'none configured'}); it is never installed "
                "from an index (a CUDA build of several GB), so its oracle tests would be skipped"
            )
            if os.environ.get("CI"):
                session.error(message)
            session.warn(f"WARNING: {message}")
        else:
            result.append(str(wheel))
    return result


def install_closure(session: nox.Session, name: str, *, groups: Iterable[str] = ()) -> None:
    """Install the wheels of ``name`` and its declared siblings, plus dependency groups.

    One resolver call: a sibling range that does not admit the local sibling fails here.
    """
    members = closure(name)
    requirements = [r for group in groups for r in load(name).group(group)]
    session.install(*wheels(session, members), *installables(session, requirements))
    assert_isolated(session, members)


_ISOLATION_CHECK = """
import importlib.metadata, importlib.util, json, sys
expected = json.loads(sys.argv[1])
problems = []
for dist, (module, version) in expected.items():
    spec = importlib.util.find_spec(module)
    try:
        installed = importlib.metadata.version(dist)
    except importlib.metadata.PackageNotFoundError:
        installed = None
    if version is None and (spec is not None or installed is not None):
        problems.append(f"{module} must not be importable here, found {spec and spec.origin}")
    if version is not None and (spec is None or installed != version):
        problems.append(f"{dist} {version} must be installed, found {installed}")
    if spec is not None and not spec.origin.startswith(sys.prefix):
        problems.append(f"{module} imports from {spec.origin}, not from the environment")
if problems:
    sys.exit("isolation check failed:\\n  " + "\\n  ".join(problems))
present = [f"{d} {v}" for d, (_, v) in expected.items() if v is not None]
absent = [d for d, (_, v) in expected.items() if v is None]
print(f"isolation check passed; installed: {', '.join(present)}; absent: {', '.join(absent)}")
"""


def assert_isolated(session: nox.Session, members: list[str]) -> None:
    """Assert the environment has exactly ``members`` of this repository, from their wheels."""
    expected = {
        name: (load(name).import_name, load(name).version if name in members else None)
        for name in PACKAGES
    }
    script = wheelhouse() / "isolation_check.py"
    script.write_text(_ISOLATION_CHECK, encoding="utf-8")
    session.run("python", str(script), json.dumps(expected))


def install_all(session: nox.Session, *extra: str) -> None:
    """Install every package's wheel (the full ``pip install brainpy``) and ``extra``."""
    session.install(*wheels(session, PACKAGES), *extra)
    assert_isolated(session, PACKAGES)


# --------------------------------------------------------------------------- sessions
@nox.session(python=PYTHON)
def lint(session: nox.Session) -> None:
    """Run ruff's linter and formatter check over the whole repository."""
    setup(session)
    session.install(*nox.project.dependency_groups(ROOT_PYPROJECT, "lint"))
    session.run("ruff", "check", ".", *session.posargs)
    session.run("ruff", "format", "--check", ".")


@nox.session(python=PYTHON)
def check_pins(session: nox.Session) -> None:
    """Check the sibling graph: a DAG of ranges that admit the current versions.

    Also: the meta-package lists every component with the ranges of its ``_components.py``,
    every ``_version.py`` is valid, and no two wheels share an import package. With
    ``-- --tag <dist>-v<version>`` (the release workflow), the tag must equal ``_version.py``.
    """
    setup(session)
    problems = pin_problems()
    if session.posargs[:1] == ["--tag"] and len(session.posargs) == 2:
        problems += tag_problems(session.posargs[1])
    elif session.posargs:
        session.error("usage: nox -s check_pins [-- --tag <dist>-v<version>]")
    if problems:
        session.error("check_pins found problems:\n  " + "\n  ".join(problems))
    session.log(f"check_pins: {len(PACKAGES)} packages, graph and ranges consistent")


def pin_problems() -> list[str]:
    """Return every violation of the packaging rules (CONTRIBUTING.md), empty when none."""
    problems: list[str] = []
    on_disk = sorted(p.parent.name for p in (ROOT / "packages").glob("*/pyproject.toml"))
    if on_disk != sorted(PACKAGES):
        problems.append(f"packages/ holds {on_disk}, noxfile.PACKAGES lists {sorted(PACKAGES)}")
    versions: dict[str, Version] = {}
    for name in PACKAGES:
        pkg = load(name)
        project = pkg.pyproject.get("project", {})
        hatch = pkg.pyproject.get("tool", {}).get("hatch", {})
        if project.get("name") != name:
            problems.append(f"{name}: [project] name is {project.get('name')!r}")
        if project.get("dynamic") != ["version"] or "version" in project:
            problems.append(f"{name}: the version must be dynamic, read from _version.py")
        if hatch.get("version", {}).get("path") != f"src/{pkg.import_name}/_version.py":
            problems.append(
                f"{name}: [tool.hatch.version] path must be src/{pkg.import_name}/_version.py"
            )
        wheel_packages = hatch.get("build", {}).get("targets", {}).get("wheel", {}).get("packages")
        if wheel_packages != [f"src/{pkg.import_name}"]:
            problems.append(
                f"{name}: the wheel must hold exactly src/{pkg.import_name}, got {wheel_packages}"
            )
        if not pkg.tests_dir.is_dir():
            problems.append(f"{name}: no test folder {pkg.tests_dir.relative_to(ROOT)}")
        try:
            versions[name] = Version(pkg.version)
        except (OSError, ValueError) as error:
            problems.append(f"{name}: {error}")
    if problems:
        return problems

    for name in PACKAGES:
        for sibling, requirement in load(name).siblings.items():
            specifier = requirement.specifier
            if requirement.url or requirement.extras or requirement.marker:
                problems.append(f"{name}: {requirement} must be a plain version range")
            if not any(s.operator in ("<", "<=") for s in specifier) or not any(
                s.operator in (">=", ">") for s in specifier
            ):
                problems.append(f"{name}: {requirement} must be a range `>=X.Y.Z,<X.(Y+1)`")
            if not specifier.contains(versions[sibling], prereleases=True):
                problems.append(
                    f"{name}: {requirement} does not admit {sibling} {versions[sibling]} "
                    f"(packages/{sibling}/src/{load(sibling).import_name}/_version.py)"
                )
    if cycle := find_cycle({name: list(load(name).siblings) for name in PACKAGES}):
        problems.append("sibling dependencies form a cycle: " + " -> ".join(cycle))
    problems += meta_problems()
    return problems


def find_cycle(graph: dict[str, list[str]]) -> list[str]:
    """Return one cycle of ``graph`` as a path that ends where it starts, or ``[]``."""
    state: dict[str, str] = {}  # "active" while on the stack, "done" after
    stack: list[str] = []

    def visit(node: str) -> list[str]:
        state[node] = "active"
        stack.append(node)
        for child in graph.get(node, []):
            if state.get(child) == "active":
                return [*stack[stack.index(child) :], child]
            if child not in state and (found := visit(child)):
                return found
        stack.pop()
        state[node] = "done"
        return []

    for node in graph:
        if node not in state and (found := visit(node)):
            return found
    return []


def meta_problems() -> list[str]:
    """Check the meta-package against its components and its ``_components.py`` table."""
    meta = load("brainpy")
    components = [name for name in PACKAGES if name != meta.name]
    problems = []
    if sorted(meta.siblings) != sorted(components):
        problems.append(
            f"brainpy must depend on every component {components}, has {list(meta.siblings)}"
        )
    table_file = meta.path / "src" / "brainpy" / "_components.py"
    table = runpy.run_path(str(table_file))["COMPONENTS"]
    if sorted(c.distribution for c in table) != sorted(components):
        problems.append(f"{table_file.name} must list every component {components}")
    clause = re.compile(r"(>=|<=|==|!=|>|<)\d+(\.\d+)*")  # what brainpy._version_guard parses
    for component in table:
        requirement = meta.siblings.get(component.distribution)
        if requirement is None:
            continue
        if component.module != load(component.distribution).import_name:
            problems.append(
                f"{table_file.name}: {component.distribution} imports as "
                f"{load(component.distribution).import_name}, not {component.module}"
            )
        if SpecifierSet(component.requirement) != requirement.specifier:
            problems.append(
                f"{table_file.name} says {component.distribution}{component.requirement}, "
                f"packages/brainpy/pyproject.toml says {requirement}: keep them equal"
            )
        if not all(clause.fullmatch(c.strip()) for c in component.requirement.split(",")):
            problems.append(f"{table_file.name}: {component.requirement!r} uses unsupported syntax")
    return problems


def tag_problems(tag: str) -> list[str]:
    """Check a release tag ``<dist>-v<version>`` against that package's ``_version.py``."""
    match = re.fullmatch(r"(?P<dist>[a-z-]+)-v(?P<version>.+)", tag)
    if match is None or match["dist"] not in PACKAGES:
        return [f"tag {tag!r} is not <dist>-v<version> for a dist in {PACKAGES}"]
    actual = load(match["dist"]).version
    if Version(match["version"]) != Version(actual):
        return [f"tag {tag} does not match {match['dist']} {actual} in _version.py"]
    return []


@nox.session(python=PYTHON)
def build(session: nox.Session) -> None:
    """Build every sdist and wheel into dist/, run `twine check --strict`, inspect the wheels."""
    setup(session)
    dist = ROOT / "dist"
    shutil.rmtree(dist, ignore_errors=True)
    for name in PACKAGES:
        build_dists(session, name, dist, sdist=True)
    session.install(*nox.project.dependency_groups(ROOT_PYPROJECT, "build"))
    built = sorted(str(p) for p in dist.iterdir() if p.name.endswith((".whl", ".tar.gz")))
    session.run("twine", "check", "--strict", *built)
    problems = []
    owners: dict[str, str] = {}
    for name in PACKAGES:
        pkg = load(name)
        wheel = dist / f"{pkg.import_name}-{pkg.version}-py3-none-any.whl"
        if not wheel.is_file():
            problems.append(f"{name}: no {wheel.name} among {built}")
            continue
        with zipfile.ZipFile(wheel) as archive:
            files = archive.namelist()
        top = {f.split("/", 1)[0] for f in files if not f.split("/", 1)[0].endswith(".dist-info")}
        if top != {pkg.import_name}:
            problems.append(f"{wheel.name} must hold {pkg.import_name}/ only, holds {sorted(top)}")
        for owned in top:
            if owned in owners:
                problems.append(f"{owned} is in the wheels of both {owners[owned]} and {name}")
            owners[owned] = name
        wanted = [f"{pkg.import_name}/py.typed", f"{pkg.import_name}/_version.py"]
        if name == "brainpy":
            wanted += [f"brainpy/{stub}.pyi" for stub in ("math", "dyn", "layers", "checkpoints")]
        problems += [f"{wheel.name} lacks {f}" for f in wanted if f not in files]
    if problems:
        session.error("build found problems:\n  " + "\n  ".join(problems))
    session.log(f"build: {len(built)} files in {dist}, each wheel one import package")


@nox.session(python=PYTHON)
@nox.parametrize("package", PACKAGES)
def tests(session: nox.Session, package: str) -> None:
    """Test one package installed alone with its declared siblings, from wheels.

    Installs the wheels of the package and of its sibling closure (nothing else of this
    repository: the session asserts the other packages are not importable), its ``test``
    dependency group and, where present, its ``test-compat`` group (torch from a local wheel
    only), then runs ``pytest tests/<component>``. Arguments after ``--`` go to pytest. pytest's
    exit 5 (no test collected) fails the session like any other non-zero exit.
    """
    setup(session)
    install_closure(session, package, groups=("test", "test-compat"))
    tests_dir = str(load(package).tests_dir.relative_to(ROOT))
    session.run("pytest", *PARALLEL, tests_dir, *session.posargs)


@nox.session(python=PYTHON)
def integration(session: nox.Session) -> None:
    """Test the full install: all five wheels, `pytest tests/meta tests/integration`."""
    setup(session)
    install_all(session, *load("brainpy").group("test"))
    session.run("pytest", *PARALLEL, "tests/meta", "tests/integration", *session.posargs)


@nox.session(python=PYTHON)
def doctests(session: nox.Session) -> None:
    """Run the docstring examples of every installed package."""
    setup(session)
    install_all(session, *load("brainpy").group("test"))
    modules = [load(name).import_name for name in PACKAGES]
    session.run("pytest", *PARALLEL, "--doctest-modules", "--pyargs", *modules, *session.posargs)


@nox.session(python=PYTHON)
def docs(session: nox.Session) -> None:
    """Build the Sphinx site into docs/_build/html, failing on any warning."""
    setup(session)
    install_all(session, "-r", "docs/requirements.txt")
    html = ["-b", "html", "docs", "docs/_build/html"]
    session.run("sphinx-build", "-W", "--keep-going", "-n", "-E", *html, *session.posargs)


@nox.session(python=PYTHON)
def demo(session: nox.Session) -> None:
    """Install the full set of packages and run the release-notes network, examples/ei_net.py."""
    setup(session)
    script = ROOT / "examples" / "ei_net.py"
    if not script.is_file():
        session.error(f"{script.relative_to(ROOT)} does not exist yet: there is no demo to run")
    compile_bytecode_on_install(session)
    install_all(session)
    session.run("python", str(script.relative_to(ROOT)), *session.posargs)


@nox.session(python=PYTHON)
def bench(session: nox.Session) -> None:
    """Install the full set of packages and run benchmarks/run.py with the arguments after --."""
    setup(session)
    script = ROOT / "benchmarks" / "run.py"
    if not script.is_file():
        session.error(f"{script.relative_to(ROOT)} does not exist yet: there is no benchmark")
    extra = ROOT / "benchmarks" / "requirements.txt"
    compile_bytecode_on_install(session)
    install_all(session, *(["-r", str(extra)] if extra.is_file() else []))
    session.run("python", str(script.relative_to(ROOT)), *session.posargs)


@nox.session(python=PYTHON)
def typecheck(session: nox.Session) -> None:
    """Run mypy over the installed packages (not a default session yet)."""
    setup(session)
    install_all(session, *nox.project.dependency_groups(ROOT_PYPROJECT, "typecheck"))
    modules = [arg for name in PACKAGES for arg in ("-p", load(name).import_name)]
    session.run("mypy", *modules, *session.posargs)


@nox.session(python=PYTHON, venv_backend="none")
def dev(session: nox.Session) -> None:
    """Create .venv with every package installed editable, plus the test, lint and docs tools."""
    setup(session)
    venv = ROOT / ".venv"
    python = venv / "bin" / "python"
    requirements = [
        *(r for name in PACKAGES for r in load(name).group("test")),
        *installables(session, (r for name in PACKAGES for r in load(name).group("test-compat"))),
        *nox.project.dependency_groups(ROOT_PYPROJECT, "lint", "typecheck"),
        "nox",
        "-r",
        "docs/requirements.txt",
    ]
    editables = [arg for name in PACKAGES for arg in ("-e", str(load(name).path))]
    compile_bytecode_on_install(session)
    if uv := uv_binary():
        session.run(uv, "venv", "--allow-existing", "--python", str(session.python), str(venv))
        session.run(uv, "pip", "install", "--python", str(python), *editables, *requirements)
    else:
        session.run(f"python{session.python}", "-m", "venv", str(venv))
        session.run(str(python), "-m", "pip", "install", *editables, *requirements)
    session.log(f"ready: `source {venv.relative_to(ROOT)}/bin/activate`")
