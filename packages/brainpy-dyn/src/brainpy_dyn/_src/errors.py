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
    """Base class of every error raised by brainpy_dyn (a ``BrainPyError``).

    Examples:
      >>> import brainpy_dyn as bd
      >>> try:
      ...     bd.neurons.LIF(0)
      ... except bd.errors.DynError as err:  # any error of brainpy_dyn
      ...     print(type(err).__name__)
      NeuGroupSizeError
    """


class RunningError(DynError):
    """Base class of the errors of runners: their arguments, inputs and monitors.

    BrainPy 2.3.5's ``brainpy.errors.RunningError``.

    Examples:
      >>> import brainpy_dyn as bd
      >>> try:
      ...     bd.DSRunner(bd.neurons.LIF(1), monitors=['W'], progress_bar=False)
      ... except bd.errors.RunningError as err:
      ...     print(type(err).__name__)
      MonitorKeyError
    """


class MonitorError(RunningError):
    """Base class of the errors of a runner's monitors (2.3.5's ``MonitorError``).

    Examples:
      >>> import brainpy_dyn as bd
      >>> try:
      ...     bd.DSRunner(bd.neurons.LIF(1), monitors={'V': 1}, progress_bar=False)
      ... except bd.errors.MonitorError as err:
      ...     print(type(err).__name__)
      MonitorValueError
    """


class UnsupportedError(DynError, ValueError):
    """Something asked for is not supported, such as a model in a mode it cannot run in.

    BrainPy 2.3.5's ``brainpy.errors.UnsupportedError``.

    Examples:
      >>> import brainpy_math as bm
      >>> import brainpy_dyn as bd
      >>> try:
      ...     bd.neurons.FractionalNeuron(1, mode=bm.TrainingMode())
      ... except ValueError as err:
      ...     print(type(err).__name__)
      ModeSupportError
    """


class PackageMissingError(DynError, ImportError):
    """An optional package a feature needs is not installed; the message says which.

    Examples:
      >>> import brainpy_dyn as bd
      >>> try:  # code that runs with or without an optional package
      ...     raise bd.errors.PackageMissingError('plotting needs matplotlib: pip install matplotlib')
      ... except ImportError as err:
      ...     print(err)
      plotting needs matplotlib: pip install matplotlib
    """


class _PlainKeyError(KeyError):
    """A KeyError whose message prints without the quotes ``KeyError`` adds."""

    def __str__(self) -> str:
        return str(self.args[0]) if self.args else ""


class ModeTypeError(DynError, TypeError):
    """``mode`` is not a :class:`brainpy_math.Mode`.

    Pass an instance such as ``bm.nonbatching_mode`` or ``bm.TrainingMode()``, or ``None`` for
    the global default (``bm.get_mode()``).

    Examples:
      >>> import brainpy_dyn as bd
      >>> try:
      ...     bd.neurons.LIF(1, mode='training')
      ... except TypeError as err:
      ...     print(type(err).__name__)
      ModeTypeError
    """


class ModeSupportError(UnsupportedError):
    """The model does not support the requested computing mode (see ``supported_modes``).

    Examples:
      >>> import brainpy_math as bm
      >>> import brainpy_dyn as bd
      >>> try:
      ...     bd.neurons.FractionalNeuron(1, mode=bm.TrainingMode())
      ... except ValueError as err:
      ...     print(type(err).__name__)
      ModeSupportError
    """


class NeuGroupSizeError(DynError, ValueError):
    """A neuron group ``size`` is not a positive int or a tuple of positive ints.

    Examples:
      >>> import brainpy_dyn as bd
      >>> try:
      ...     bd.neurons.LIF(0)
      ... except ValueError as err:
      ...     print(type(err).__name__)
      NeuGroupSizeError
    """


class ContainerChildError(DynError, TypeError):
    """A container child is not a :class:`DynamicalSystem` (or a list/dict of them).

    Examples:
      >>> import brainpy_dyn as bd
      >>> try:
      ...     bd.Network(1)
      ... except TypeError as err:
      ...     print(type(err).__name__)
      ContainerChildError
    """


class ShareKeyError(DynError, _PlainKeyError):
    """``share.load(key)`` found no shared value named ``key`` and no default was given.

    Save the value first (``share.save(key=value)``; runners save ``t``, ``i``, ``dt`` and
    ``fit`` before each step), or pass a default: ``share.load(key, None)``.

    Examples:
      >>> import brainpy_dyn as bd
      >>> try:
      ...     bd.share.load('no_such_key')
      ... except KeyError as err:
      ...     print(type(err).__name__)
      ShareKeyError
    """


class ShareValueError(DynError, ValueError):
    """``share.save`` got positional arguments that are not ``(name, value)`` pairs, or a bad dt.

    Examples:
      >>> import brainpy_dyn as bd
      >>> try:
      ...     bd.share.save(dt=-1.)
      ... except ValueError as err:
      ...     print(type(err).__name__)
      ShareValueError
    """


class ShareTypeError(DynError, TypeError):
    """A shared value name is not a string.

    Examples:
      >>> import brainpy_dyn as bd
      >>> try:
      ...     bd.share[1] = 0.5  # shared values are named by strings
      ... except TypeError as err:
      ...     print(type(err).__name__)
      ShareTypeError
    """


class DelayEntryError(DynError, _PlainKeyError):
    """A delay entry name is unknown (``at``) or already registered (``register_entry``).

    Examples:
      >>> import brainpy_math as bm
      >>> import brainpy_dyn as bd
      >>> try:
      ...     bd.Delay(bm.Variable(bm.zeros(2)), length=2).at('nope')
      ... except KeyError as err:
      ...     print(type(err).__name__)
      DelayEntryError
    """


class DelayValueError(DynError, ValueError):
    """A delay length, time or step is negative, NaN, infinite, too long, or badly shaped.

    Examples:
      >>> import brainpy_math as bm
      >>> import brainpy_dyn as bd
      >>> try:
      ...     bd.Delay(bm.Variable(bm.zeros(2)), length=-1)
      ... except ValueError as err:
      ...     print(type(err).__name__)
      DelayValueError
    """


class DelayTypeError(DynError, TypeError):
    """A delay target, time, step or index has the wrong type (indices must be integers).

    Examples:
      >>> import brainpy_math as bm
      >>> import brainpy_dyn as bd
      >>> try:
      ...     bd.Delay(bm.zeros(2))  # an Array, not a Variable
      ... except TypeError as err:
      ...     print(type(err).__name__)
      DelayTypeError
    """


class RunnerTypeError(RunningError, TypeError):
    """A runner argument has the wrong type (``target`` must be a DynamicalSystem, …).

    Examples:
      >>> import brainpy_dyn as bd
      >>> try:
      ...     bd.DSRunner(lambda: None)
      ... except TypeError as err:
      ...     print(type(err).__name__)
      RunnerTypeError
    """


class RunnerValueError(RunningError, ValueError):
    """A runner argument has a bad value (``dt`` must be positive, ``duration`` too, …).

    Examples:
      >>> import brainpy_dyn as bd
      >>> try:
      ...     bd.DSRunner(bd.neurons.LIF(1), progress_bar=False).run(-1.)
      ... except ValueError as err:
      ...     print(type(err).__name__)
      RunnerValueError
    """


class MonitorKeyError(MonitorError, _PlainKeyError):
    """A monitor names no Variable of the target; the message lists the Variables it has.

    Examples:
      >>> import brainpy_dyn as bd
      >>> try:
      ...     bd.DSRunner(bd.neurons.LIF(1), monitors=['W'], progress_bar=False)
      ... except KeyError as err:
      ...     print(type(err).__name__)
      MonitorKeyError
    """


class MonitorValueError(MonitorError, ValueError):
    """A monitor is malformed: bad index, unsupported value, or a reserved key (``ts``).

    Examples:
      >>> import brainpy_dyn as bd
      >>> try:
      ...     bd.DSRunner(bd.neurons.LIF(1), monitors={'V': 1}, progress_bar=False)
      ... except ValueError as err:
      ...     print(type(err).__name__)
      MonitorValueError
    """


class InputKeyError(RunningError, _PlainKeyError):
    """An input names no Variable of the target; the message lists the Variables it has.

    Examples:
      >>> import brainpy_dyn as bd
      >>> try:
      ...     bd.DSRunner(bd.neurons.LIF(1), inputs=('I_x', 1.), progress_bar=False)
      ... except KeyError as err:
      ...     print(type(err).__name__)
      InputKeyError
    """


class InputValueError(RunningError, ValueError):
    """An input is malformed: bad ``type``, ``op``, arity or value kind.

    Examples:
      >>> import brainpy_dyn as bd
      >>> try:
      ...     bd.DSRunner(bd.neurons.LIF(1), inputs=('input', 1., 'weird'), progress_bar=False)
      ... except ValueError as err:
      ...     print(type(err).__name__)
      InputValueError
    """


class InputShapeError(RunningError, ValueError):
    """An input value does not broadcast to its Variable, or an ``iter`` input is too short.

    Examples:
      >>> import brainpy_math as bm
      >>> import brainpy_dyn as bd
      >>> try:
      ...     bd.DSRunner(bd.neurons.LIF(2), inputs=('input', bm.ones(5)), progress_bar=False)
      ... except ValueError as err:
      ...     print(type(err).__name__)
      InputShapeError
    """


class PlotValueError(DynError, ValueError):
    """A plotting argument is missing or has a shape that does not match the others.

    Examples:
      >>> import brainpy_dyn as bd
      >>> try:
      ...     bd.visualize.plot_style1(figsize='wide')
      ... except ValueError as err:
      ...     print(type(err).__name__)
      PlotValueError
    """


class AnalyzerError(DynError, ValueError):
    """A dynamics analyzer (``brainpy_dyn.analysis``) got a model or setting it cannot use.

    Check the model (integrators made by ``odeint``), that ``target_vars``/``fixed_vars``
    name its variables and ``target_pars``/``pars_update`` its parameters, and that every
    variable and parameter has a range or a value.

    Examples:
      >>> import brainpy_dyn as bd
      >>> try:
      ...     bd.analysis.PhasePlane1D(bd.odeint(lambda x, t: -x), target_vars={})
      ... except ValueError as err:
      ...     print(type(err).__name__)
      AnalyzerError
    """


bm.set_module(
    "brainpy_dyn.errors",
    DynError,
    *(globals()[_n] for _n in __all__[1:] if _n not in ("ObjectNameError", "StateDictError")),
)
