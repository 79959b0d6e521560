"""BrainPy 2.3.5's private module layout of ``brainpy._src.math.object_transform``.

Some 2.3.5 scripts import from those private paths (``from
brainpy._src.math.object_transform.base import BrainPyObject``); the meta package maps
``brainpy._src.math`` to ``brainpy_math._src``, and these modules re-export the same objects as
the public API. New code should use :mod:`brainpy_math` (or ``brainpy.math``) instead.
"""
