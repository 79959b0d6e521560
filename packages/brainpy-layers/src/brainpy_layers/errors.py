"""Errors raised by brainpy_layers (see each class for how to fix it)."""

from brainpy_layers._src.errors import LayerArgumentError as LayerArgumentError
from brainpy_layers._src.errors import LayerArgumentTypeError as LayerArgumentTypeError
from brainpy_layers._src.errors import LayerError as LayerError
from brainpy_layers._src.errors import LayerInputShapeError as LayerInputShapeError
from brainpy_layers._src.errors import LayerModeError as LayerModeError

__all__ = [
    "LayerArgumentError",
    "LayerArgumentTypeError",
    "LayerError",
    "LayerInputShapeError",
    "LayerModeError",
]
