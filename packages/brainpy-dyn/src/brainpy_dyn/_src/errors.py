"""The errors that brainpy_dyn raises.

Every class follows the ``<Object><Kind>Error`` naming rule and subclasses the built-in
exception that describes the same kind of failure (``except ValueError`` keeps working).
Messages name the argument, what was expected and what came; each class docstring says how
to fix the problem.
"""

from __future__ import annotations

import brainpy_math as bm

# Raised by the object system of brainpy_math (names, state dicts); the same classes.
from brainpy_math.errors import BrainPyError
from brainpy_math.errors import ObjectNameError as ObjectNameError
from brainpy_math.errors import StateDictError as StateDictError

__all__ = [
    "DynError",
    "RunningError",
    "MonitorError",
    "UnsupportedError",
    "PackageMissingError",
    "ObjectNameError",
    "ModeTypeError",
    "ModeSupportError",
    "StateDictError",
    "NeuGroupSizeError",
    "ContainerChildError",
    "ShareKeyError",
    "ShareValueError",
    "ShareTypeError",
    "DelayEntryError",
    "DelayValueError",
    "DelayTypeError",
    "RunnerTypeError",
    "RunnerValueError",
    "MonitorKeyError",
    "MonitorValueError",
    "InputKeyError",
    "InputValueError",
    "InputShapeError",
    "PlotValueError",
    "AnalyzerError",
]


class DynError(BrainPyError):
    """Base class of every error raised by brainpy_dyn (a ``BrainPyError``)."""


class RunningError(DynError):
    """Base class of the errors of runners: their arguments, inputs and monitors.

    BrainPy 2.3.5's ``brainpy.errors.RunningError``.
    """


class MonitorError(RunningError):
    """Base class of the errors of a runner's monitors (2.3.5's ``MonitorError``)."""


class UnsupportedError(DynError, ValueError):
    """Something asked for is not supported, such as a model in a mode it cannot run in.

    BrainPy 2.3.5's ``brainpy.errors.UnsupportedError``.
    """


class PackageMissingError(DynError, ImportError):
    """An optional package a feature needs is not installed; the message says which."""


class _PlainKeyError(KeyError):
    """A KeyError whose message prints without the quotes ``KeyError`` adds."""

    def __str__(self) -> str:
        return str(self.args[0]) if self.args else ""


class ModeTypeError(DynError, TypeError):
    """``mode`` is not a :class:`brainpy_math.Mode`.

    Pass an instance such as ``bm.nonbatching_mode`` or ``bm.TrainingMode()``, or ``None`` for
    the global default (``bm.get_mode()``).
    """


class ModeSupportError(UnsupportedError):
    """The model does not support the requested computing mode (see ``supported_modes``)."""


class NeuGroupSizeError(DynError, ValueError):
    """A neuron group ``size`` is not a positive int or a tuple of positive ints."""


class ContainerChildError(DynError, TypeError):
    """A container child is not a :class:`DynamicalSystem` (or a list/dict of them)."""


class ShareKeyError(DynError, _PlainKeyError):
    """``share.load(key)`` found no shared value named ``key`` and no default was given.

    Save the value first (``share.save(key=value)``; runners save ``t``, ``i``, ``dt`` and
    ``fit`` before each step), or pass a default: ``share.load(key, None)``.
    """


class ShareValueError(DynError, ValueError):
    """``share.save`` got positional arguments that are not ``(name, value)`` pairs, or a bad dt."""


class ShareTypeError(DynError, TypeError):
    """A shared value name is not a string."""


class DelayEntryError(DynError, _PlainKeyError):
    """A delay entry name is unknown (``at``) or already registered (``register_entry``)."""


class DelayValueError(DynError, ValueError):
    """A delay length, time or step is negative, NaN, infinite, too long, or badly shaped."""


class DelayTypeError(DynError, TypeError):
    """A delay target, time, step or index has the wrong type (indices must be integers)."""


class RunnerTypeError(RunningError, TypeError):
    """A runner argument has the wrong type (``target`` must be a DynamicalSystem, …)."""


class RunnerValueError(RunningError, ValueError):
    """A runner argument has a bad value (``dt`` must be positive, ``duration`` too, …)."""


class MonitorKeyError(MonitorError, _PlainKeyError):
    """A monitor names no Variable of the target; the message lists the Variables it has."""


class MonitorValueError(MonitorError, ValueError):
    """A monitor is malformed: bad index, unsupported value, or a reserved key (``ts``)."""


class InputKeyError(RunningError, _PlainKeyError):
    """An input names no Variable of the target; the message lists the Variables it has."""


class InputValueError(RunningError, ValueError):
    """An input is malformed: bad ``type``, ``op``, arity or value kind."""


class InputShapeError(RunningError, ValueError):
    """An input value does not broadcast to its Variable, or an ``iter`` input is too short."""


class PlotValueError(DynError, ValueError):
    """A plotting argument is missing or has a shape that does not match the others."""


class AnalyzerError(DynError, ValueError):
    """A dynamics analyzer (``brainpy_dyn.analysis``) got a model or setting it cannot use.

    Check the model (integrators made by ``odeint``), that ``target_vars``/``fixed_vars``
    name its variables and ``target_pars``/``pars_update`` its parameters, and that every
    variable and parameter has a range or a value.
    """


bm.set_module(
    "brainpy_dyn.errors",
    DynError,
    *(globals()[_n] for _n in __all__[1:] if _n not in ("ObjectNameError", "StateDictError")),
)
