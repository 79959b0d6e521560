"""State dicts of object trees: functions over ``BrainPyObject.state_dict``/``load_state_dict``.

The layout and the checks are those of brainpy_math's object system (see
:meth:`brainpy_math.BrainPyObject.state_dict`).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import brainpy_math as bm
from brainpy_math import BrainPyObject
from brainpy_math import StateLoadResult as StateLoadResult

__all__ = ["StateLoadResult", "state_dict", "load_state_dict"]


def state_dict(obj: BrainPyObject) -> dict[str, dict[str, Any]]:
    """The values of ``obj``'s Variables, ``{node_name: {'node_name.attr': array}}``.

    Examples:
      >>> import brainpy_math as bm
      >>> import brainpy_dyn as bd
      >>> class Cell(bd.DynamicalSystemNS):
      ...     def __init__(self):
      ...         super().__init__(name='sd_cell')
      ...         self.v = bm.Variable(bm.ones(2))
      >>> bd.state_dict(Cell())
      {'sd_cell': {'sd_cell.v': Array([1., 1.], dtype=float32)}}
    """
    return obj.state_dict()


def load_state_dict(
    obj: BrainPyObject, state_dict: Mapping[str, Any], warn: bool = True, compatible: str = "v2"
) -> StateLoadResult:
    """Put the values of ``state_dict`` into ``obj``'s Variables (``obj.load_state_dict``).

    Every value is checked before any Variable is written, so a failing load changes nothing.
    Names that match nothing fall back to matching nodes by position when the structures agree.

    Returns:
      A :class:`StateLoadResult` with the missing and the unexpected keys.

    Examples:
      >>> import numpy as np
      >>> import brainpy_math as bm
      >>> import brainpy_dyn as bd
      >>> class Cell(bd.DynamicalSystemNS):
      ...     def __init__(self):
      ...         super().__init__(name='lsd_cell')
      ...         self.v = bm.Variable(bm.zeros(2))
      >>> bd.load_state_dict(Cell(), {'lsd_cell': {'lsd_cell.v': np.ones(2, np.float32)}})
      StateLoadResult(missing_keys=[], unexpected_keys=[])
    """
    return obj.load_state_dict(state_dict, warn=warn, compatible=compatible)


# Show the public path in reprs, docs and pickles (CONTRIBUTING.md, convention 5).
bm.set_module("brainpy_dyn", state_dict, load_state_dict)
