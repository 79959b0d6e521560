"""PyTorch-compatible operators (BrainPy 2.3.5's ``brainpy.math.compat_pytorch``).

``import brainpy_math as bm`` exposes all of them; the torch-style ``abs``, ``absolute``,
``add``, ``angle``, ``arccos``, ``arccosh``, ``arcsin`` and ``arctan`` replace the NumPy-style
functions of the same name there, as in BrainPy 2.3.5.
"""

from brainpy_math._src.array import Tensor as Tensor
from brainpy_math._src.torch_ops import abs as abs
from brainpy_math._src.torch_ops import absolute as absolute
from brainpy_math._src.torch_ops import acos as acos
from brainpy_math._src.torch_ops import acosh as acosh
from brainpy_math._src.torch_ops import add as add
from brainpy_math._src.torch_ops import addcdiv as addcdiv
from brainpy_math._src.torch_ops import addcmul as addcmul
from brainpy_math._src.torch_ops import angle as angle
from brainpy_math._src.torch_ops import arccos as arccos
from brainpy_math._src.torch_ops import arccosh as arccosh
from brainpy_math._src.torch_ops import arcsin as arcsin
from brainpy_math._src.torch_ops import arctan as arctan
from brainpy_math._src.torch_ops import asin as asin
from brainpy_math._src.torch_ops import asinh as asinh
from brainpy_math._src.torch_ops import atan as atan
from brainpy_math._src.torch_ops import atan2 as atan2
from brainpy_math._src.torch_ops import atanh as atanh
from brainpy_math._src.torch_shapes import cat as cat
from brainpy_math._src.torch_shapes import flatten as flatten
from brainpy_math._src.torch_shapes import unsqueeze as unsqueeze

__all__ = [
    "Tensor",
    "abs",
    "absolute",
    "acos",
    "acosh",
    "add",
    "addcdiv",
    "addcmul",
    "angle",
    "arccos",
    "arccosh",
    "arcsin",
    "arctan",
    "asin",
    "asinh",
    "atan",
    "atan2",
    "atanh",
    "cat",
    "flatten",
    "unsqueeze",
]
