"""Scalar types of BrainPy 2.3.5's ``brainpy.math.datatypes``, PyTorch names included.

The NumPy names (``float32``, ``int64``, ``bool_`` …) are JAX's scalar types; the PyTorch
names are aliases of them: ``half`` = ``float16``, ``float`` = ``float32``, ``double`` =
``float64``, ``cfloat`` = ``complex64``, ``cdouble`` = ``complex128``, ``short`` =
``int16``, ``int`` = ``int32``, ``long`` = ``int64``, ``bool`` = ``bool_``. Calling one casts:
``bm.float(3)`` is a float32 scalar array.
"""

from __future__ import annotations

import jax.numpy as jnp

__all__ = [
    "bfloat16",
    "bool",
    "bool_",
    "cdouble",
    "cfloat",
    "complex128",
    "complex64",
    "complex_",
    "double",
    "float",
    "float16",
    "float32",
    "float64",
    "float_",
    "half",
    "int",
    "int16",
    "int32",
    "int64",
    "int8",
    "int_",
    "long",
    "short",
    "uint16",
    "uint32",
    "uint64",
    "uint8",
]

int8 = jnp.int8
int16 = jnp.int16
int32 = jnp.int32
int64 = jnp.int64
uint8 = jnp.uint8
uint16 = jnp.uint16
uint32 = jnp.uint32
uint64 = jnp.uint64
float16 = jnp.float16
float32 = jnp.float32
float64 = jnp.float64
bfloat16 = jnp.bfloat16
complex64 = jnp.complex64
complex128 = jnp.complex128
bool_ = jnp.bool_
int_ = jnp.int_
float_ = jnp.float64
complex_ = jnp.complex128

# PyTorch's names (BrainPy 2.3.5 had them too).
half = jnp.float16
float = jnp.float32
double = jnp.float64
cfloat = jnp.complex64
cdouble = jnp.complex128
short = jnp.int16
int = jnp.int32
long = jnp.int64
bool = jnp.bool_
