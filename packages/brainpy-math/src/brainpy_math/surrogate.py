"""Surrogate-gradient spike functions (a step forward, a smooth slope backward)."""

from brainpy_math._src.surrogate import inv_square_grad as inv_square_grad
from brainpy_math._src.surrogate import sigmoid as sigmoid

__all__ = ["inv_square_grad", "sigmoid"]
