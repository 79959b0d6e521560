"""Lets BrainPy 2.3.5 import on jax 0.4.13 (installed into the peer environment by setup_peers.sh).

BrainPy 2.3.5 imports ``jax.experimental.global_device_array`` at start-up, for its checkpoint
code only; jax 0.4.7 removed that module. When, and only when, no real module of that name can be
found, this finder serves an empty module with a placeholder ``GlobalDeviceArray`` class. Nothing
of jax or brainpy is modified, and nothing the benchmarks time goes through it.
"""

import importlib.abc
import importlib.machinery
import sys
import types

_NAME = "jax.experimental.global_device_array"


class _StandIn(importlib.abc.MetaPathFinder, importlib.abc.Loader):
    def find_spec(self, fullname, path, target=None):
        if fullname != _NAME:
            return None
        for finder in sys.meta_path:
            if finder is not self and _real_spec(finder, fullname, path, target):
                return None
        return importlib.machinery.ModuleSpec(fullname, self)

    def create_module(self, spec):
        module = types.ModuleType(spec.name)
        module.GlobalDeviceArray = type("GlobalDeviceArray", (), {})
        return module

    def exec_module(self, module):
        return None


def _real_spec(finder, fullname, path, target):
    try:
        return finder.find_spec(fullname, path, target)
    except Exception:  # a finder that cannot answer does not provide it
        return None


sys.meta_path.append(_StandIn())
