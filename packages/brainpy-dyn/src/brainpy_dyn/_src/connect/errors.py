"""The error raised when a connector cannot build what is asked of it."""

from __future__ import annotations

import brainpy_math as bm
from brainpy_dyn._src.errors import DynError

__all__ = ["ConnectorError", "ConnectorSizeError"]


class ConnectorError(DynError, ValueError):
    """A connector cannot build the requested connection structure.

    Raised when the sizes of the two groups are not known yet (pass ``pre=`` and
    ``post=`` to the connector, or call it as ``conn(pre_size, post_size)`` first), when
    the sizes do not suit the connector (``One2One`` and ``include_self=False`` need
    groups of the same size; grids need 1-D or 2-D sizes), or when the requested number
    of connections cannot be drawn (``num`` larger than the group without
    ``allow_multi_conn=True``). The message names the connector and the argument.

    It subclasses :class:`brainpy_dyn.errors.DynError` and :class:`ValueError`, so
    ``except ValueError`` catches it too.

    Examples:
      >>> import brainpy_dyn as bd
      >>> try:
      ...     bd.conn.GridFour()(3, 4)  # a one-group connector, two sizes
      ... except ValueError as err:
      ...     print(type(err).__name__)
      ConnectorError
    """


class ConnectorSizeError(ConnectorError, AssertionError):
    """Group sizes that do not fit a connector built from a given matrix or table.

    A :class:`ConnectorError` (so a ``ValueError``) that is also an ``AssertionError``,
    which is what BrainPy 2.3.5 raised there, so 2.3.5 code that catches it still works.
    """


bm.set_module("brainpy_dyn.conn", ConnectorError)
