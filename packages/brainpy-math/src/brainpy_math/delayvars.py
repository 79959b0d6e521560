"""Delay variables: the recent history of an array, for delay differential equations.

BrainPy's :mod:`brainpy.math.delayvars`. :class:`TimeDelay` is read by time (with linear
interpolation between steps), :class:`LengthDelay` by a number of steps; their state lives in
Variables, so they work inside ``bm.jit`` and ``bm.for_loop``. Every name here is also in
:mod:`brainpy_math` (``bm.delayvars.TimeDelay is bm.TimeDelay``).

Examples:
  >>> import brainpy_math as bm
  >>> delay = bm.delayvars.LengthDelay(bm.zeros(3), delay_len=2, initial_delay_data=1.)
  >>> delay(2)
  Array([1., 1., 1.], dtype=float32)
"""

from brainpy_math._src.delayvars import CONCAT_UPDATE as CONCAT_UPDATE
from brainpy_math._src.delayvars import ROTATE_UPDATE as ROTATE_UPDATE
from brainpy_math._src.delayvars_length import LengthDelay as LengthDelay
from brainpy_math._src.delayvars_length import NeuLenDelay as NeuLenDelay
from brainpy_math._src.delayvars_time import NeuTimeDelay as NeuTimeDelay
from brainpy_math._src.delayvars_time import TimeDelay as TimeDelay

__all__ = [
    "CONCAT_UPDATE",
    "LengthDelay",
    "NeuLenDelay",
    "NeuTimeDelay",
    "ROTATE_UPDATE",
    "TimeDelay",
]
