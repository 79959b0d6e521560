"""Count the API entries with and without an ``Examples:`` doctest section.

An entry is a class or function that the API pages document (see :mod:`public_api`: each
object once, at its home). The functions generated from ``jax.numpy`` (their docstring is the
shared one of ``brainpy_math._src.wrapping``) are counted apart: their examples are JAX's.

Run from the repository root::

    .venv/bin/python docs/_ext/example_coverage.py            # totals per module
    .venv/bin/python docs/_ext/example_coverage.py --missing  # and the entries without
"""

from __future__ import annotations

import argparse
import importlib
import inspect
import re
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

import public_api  # the folder is not a package: found through sys.path

_EXAMPLES = re.compile(r"^\s*Examples?:\s*$", re.MULTILINE)
_GENERATED = "See the JAX documentation for the parameters."


def _has_example(obj: object) -> bool:
    doc = (obj.__doc__ or "") if inspect.isclass(obj) else (inspect.getdoc(obj) or "")
    return bool(_EXAMPLES.search(doc)) and ">>>" in doc


def main() -> None:
    """Print the counts (and, with ``--missing``, the entries without an example)."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--missing", action="store_true", help="list the entries without")
    args = parser.parse_args()
    total: Counter[str] = Counter()
    with_example: Counter[str] = Counter()
    generated: Counter[str] = Counter()
    missing: dict[str, list[str]] = {}
    for package in public_api.PROJECT_PACKAGES:
        for module in public_api._public_modules(importlib.import_module(package)):
            for name in public_api._public_names(module):
                obj = getattr(module, name)
                home = f"{module.__name__}.{name}"
                if not public_api._documentable(obj) or public_api._home(obj) != home:
                    continue
                if _has_example(obj):
                    total[module.__name__] += 1
                    with_example[module.__name__] += 1
                elif _GENERATED in (obj.__doc__ or ""):
                    generated[module.__name__] += 1
                else:
                    total[module.__name__] += 1
                    missing.setdefault(module.__name__, []).append(name)
    for module, count in total.items():
        extra = f"  (+{generated[module]} generated from jax)" if generated[module] else ""
        print(f"{module:36s} {with_example[module]:4d} / {count:4d}{extra}")
    all_total, all_with = sum(total.values()), sum(with_example.values())
    print(
        f"{all_with} of {all_total} entries have an example ({all_total - all_with} without), "
        f"plus {sum(generated.values())} functions generated from jax"
    )
    if args.missing:
        for module, names in missing.items():
            print(f"{module}: {', '.join(names)}")


if __name__ == "__main__":
    main()
