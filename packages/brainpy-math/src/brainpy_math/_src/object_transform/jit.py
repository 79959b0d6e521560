"""2.3.5's ``brainpy._src.math.object_transform.jit`` (same objects)."""

from brainpy_math._src.transforms.jit import jit as jit

__all__ = ["jit"]
