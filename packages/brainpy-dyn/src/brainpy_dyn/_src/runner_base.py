"""``Runner``: BrainPy 2.3.5's base class of the runners (``DSRunner``, ``IntegratorRunner``)."""

from __future__ import annotations

from typing import Any

import brainpy_math as bm
from brainpy_dyn._src.context import DotDict
from brainpy_dyn._src.errors import RunnerTypeError
from brainpy_dyn._src.runner_monitors import build_monitors

__all__ = ["Runner"]


class Runner:
    """Base class of the runners: a target, what to monitor, and ``run``.

    BrainPy implementation of ``brainpy.Runner`` (2.3.5). A subclass implements
    :meth:`run` (and usually its own ``__init__``); calling a runner runs it. This base
    keeps the options every runner shares and turns ``monitors``/``fun_monitors`` into
    ``(key, getter)`` pairs (a getter takes the shared data and returns the value to
    record); ``mon`` receives the records.

    Args:
      target: the object to run.
      monitors: the Variables to record: names of the target's Variables, ``(name,
        index)`` pairs, ``(name, Variable)`` pairs, or a dict ``{key: name or Variable}``.
      fun_monitors: ``{key: f(shared)}`` functions whose results are recorded.
      jit: compile the run (a dict ``{'predict': bool}`` is accepted too).
      progress_bar: show a progress bar.
      dyn_vars: accepted for 2.3.5 compatibility; the Variables are found automatically.
      numpy_mon_after_run: turn the records into NumPy arrays after a run.

    Raises:
      RunnerTypeError: ``jit`` or ``progress_bar`` of the wrong type.

    Examples:
      >>> import brainpy_math as bm
      >>> import brainpy_dyn as bd
      >>> class Counter(bd.Runner):
      ...     def run(self, n):
      ...         self.mon['x'] = [float(self.target.x.value + k) for k in range(n)]
      ...         return self.mon['x']
      >>> class Box(bd.DynamicalSystem):
      ...     def __init__(self):
      ...         super().__init__()
      ...         self.x = bm.Variable(bm.zeros(()))
      >>> Counter(Box(), monitors=['x'])(3)
      [0.0, 1.0, 2.0]
      >>> issubclass(bd.DSRunner, bd.Runner)
      True
    """

    mon: DotDict

    def __init__(
        self,
        target: Any,
        monitors: Any = None,
        fun_monitors: dict[str, Any] | None = None,
        jit: bool | dict[str, bool] = True,
        progress_bar: bool = True,
        dyn_vars: Any = None,
        numpy_mon_after_run: bool = True,
    ):
        del dyn_vars
        who = type(self).__name__
        self.target = target
        if isinstance(jit, dict):
            jit = jit.get("predict", True)
        if not isinstance(jit, (bool, int)):
            raise RunnerTypeError(f"{who}: jit must be a bool or a dict, got {jit!r}.")
        self.jit = bool(jit)
        if not isinstance(progress_bar, (bool, dict)):
            raise RunnerTypeError(
                f"{who}: progress_bar must be a bool or a dict, got {progress_bar!r}."
            )
        self.progress_bar = progress_bar
        self.numpy_mon_after_run = bool(numpy_mon_after_run)
        self._monitors = build_monitors(target, monitors, fun_monitors)
        self.mon = DotDict()

    def run(self, *args: Any, **kwargs: Any) -> Any:
        """Run the target; subclasses implement it."""
        raise NotImplementedError(f"{type(self).__name__} must implement run().")

    def __call__(self, *args: Any, **kwargs: Any) -> Any:
        """Same as :meth:`run`."""
        return self.run(*args, **kwargs)


bm.set_module("brainpy_dyn", Runner)
