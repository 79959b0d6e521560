"""2.3.5's ``brainpy._src.math.object_transform.controls`` (same objects)."""

from brainpy_math._src.transforms.control import cond as cond
from brainpy_math._src.transforms.legacy_control import ifelse as ifelse
from brainpy_math._src.transforms.legacy_control import make_cond as make_cond
from brainpy_math._src.transforms.legacy_control import make_loop as make_loop
from brainpy_math._src.transforms.legacy_control import make_while as make_while
from brainpy_math._src.transforms.loops import for_loop as for_loop
from brainpy_math._src.transforms.loops import while_loop as while_loop

__all__ = ["cond", "for_loop", "ifelse", "make_cond", "make_loop", "make_while", "while_loop"]
