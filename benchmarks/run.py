"""Run every benchmark of the repository, one process each (``nox -s bench``).

Usage: ``python benchmarks/run.py [name ...]`` where a name is a file stem such as
``core_bench``; without names, every ``*_bench.py`` here runs. Each benchmark prints
its own medians and ratios; this script only fails when one of them fails.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).parent


def main(argv: list[str]) -> int:
    names = argv or sorted(p.stem for p in HERE.glob("*_bench.py"))
    failed = []
    for name in names:
        path = HERE / f"{name}.py"
        if not path.exists():
            print(
                f"unknown benchmark {name!r}; have {sorted(p.stem for p in HERE.glob('*_bench.py'))}"
            )
            return 2
        print(f"=== {name} ===", flush=True)
        if subprocess.call([sys.executable, str(path)]) != 0:
            failed.append(name)
    if failed:
        print(f"FAILED: {failed}")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
