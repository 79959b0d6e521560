"""The errors that brainpy_math raises.

Every class follows the ``<Object><Kind>Error`` naming rule, subclasses a built-in
exception that describes the same kind of failure (so ``except ValueError`` keeps
working), and its docstring says how to fix it.
"""

from __future__ import annotations

from brainpy_math._src.public_path import set_module

__all__ = [
    "BrainPyError",
    "MathError",
    "VariableShapeError",
    "VariableDtypeError",
    "TracerLeakError",
    "ObjectNameError",
    "StateDictError",
]


class BrainPyError(Exception):
    """Base class of the errors of brainpy_math and the packages built on it.

    BrainPy 2.3.5's ``brainpy.errors.BrainPyError``: ``except BrainPyError`` catches the
    errors of brainpy_math (:class:`MathError`) and brainpy_dyn (``DynError``).

    Examples:
      >>> import brainpy_math as bm
      >>> try:
      ...     bm.Variable(bm.zeros(2)).value = bm.zeros(3)
      ... except bm.errors.BrainPyError as err:  # any error of BrainPy's packages
      ...     print(type(err).__name__)
      VariableShapeError
    """


class MathError(BrainPyError):
    """Base class of every error raised by brainpy_math.

    Examples:
      >>> import brainpy_math as bm
      >>> try:
      ...     bm.Variable(bm.zeros(2)).value = bm.zeros(3)
      ... except bm.errors.MathError as err:
      ...     print(type(err).__name__)
      VariableShapeError
    """


class VariableShapeError(MathError, ValueError):
    """A value assigned to a :class:`~brainpy_math.Variable` has the wrong shape.

    A Variable keeps its shape for its whole life (the batch axis excepted), because
    compiled functions are specialised on it. Assign a value of the same shape, or
    create a new Variable.

    Examples:
      >>> import brainpy_math as bm
      >>> try:
      ...     bm.Variable(bm.zeros(2)).value = bm.zeros(3)
      ... except ValueError as err:
      ...     print(type(err).__name__)
      VariableShapeError
    """


class VariableDtypeError(MathError, TypeError):
    """A value assigned to a :class:`~brainpy_math.Variable` has the wrong dtype.

    Cast the value first, for example ``var.value = x.astype(var.dtype)``.

    Examples:
      >>> import brainpy_math as bm
      >>> try:
      ...     bm.Variable(bm.zeros(2)).value = bm.arange(2)  # int32 into float32
      ... except TypeError as err:
      ...     print(type(err).__name__)
      VariableDtypeError
    """


class TracerLeakError(MathError, RuntimeError):
    """A traced value was about to be stored where it would outlive its trace.

    Inside ``jit``, ``for_loop`` and the other transformations, only
    :class:`~brainpy_math.Variable` objects may be updated: turn the array you are
    writing to into a ``Variable``.

    Examples:
      >>> import brainpy_math as bm
      >>> a = bm.zeros(2)  # an Array, not a Variable
      >>> def write(x):
      ...     a.value = x
      >>> try:
      ...     bm.jit(write)(bm.ones(2))
      ... except RuntimeError as err:
      ...     print(type(err).__name__)
      TracerLeakError
      >>> v = bm.Variable(bm.zeros(2))  # a Variable may be updated
      >>> def write(x):
      ...     v.value = x
      >>> bm.jit(write)(bm.ones(2))
      >>> v
      Variable([1., 1.], dtype=float32)
    """


class ObjectNameError(MathError, ValueError):
    """An object name is invalid or already taken by another live object.

    Names identify objects in ``vars()``, ``nodes()`` and state dicts, so they must be unique
    non-empty strings without dots. Pick another name, or leave ``name=None`` for an automatic
    ``ClassNameN`` name. (BrainPy 2.3.5 called this error ``UniqueNameError``.)

    Examples:
      >>> import brainpy_math as bm
      >>> try:
      ...     a, b = bm.BrainPyObject(name='twin'), bm.BrainPyObject(name='twin')
      ... except ValueError as err:
      ...     print(type(err).__name__)
      ObjectNameError
    """


class StateDictError(MathError, ValueError):
    """A state dict cannot be loaded: a value has the wrong shape or dtype, or bad options.

    Nothing is written when this is raised: the model keeps the state it had. Check that the
    state dict was saved from the same model (same sizes, same dtypes).

    Examples:
      >>> import brainpy_math as bm
      >>> import brainpy_dyn as bd
      >>> group = bd.neurons.LIF(2, name='exc')
      >>> try:
      ...     group.load_state_dict({'exc': {'exc.V': bm.zeros(3)}})  # saved from 3 neurons
      ... except ValueError as err:
      ...     print(type(err).__name__)
      StateDictError
    """


set_module(
    "brainpy_math.errors",
    BrainPyError,
    MathError,
    VariableShapeError,
    VariableDtypeError,
    TracerLeakError,
    ObjectNameError,
    StateDictError,
)
