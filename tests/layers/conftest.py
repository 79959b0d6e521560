"""Fixtures of the brainpy_layers tests: the PyTorch oracle and the mode/jit checker."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import numpy as np
import pytest

import brainpy_dyn as bd
import brainpy_math as bm

MODES = {
    "nonbatching": bm.nonbatching_mode,
    "batching": bm.batching_mode,
    "training": bm.training_mode,
}


@pytest.fixture
def torch() -> Any:
    """PyTorch (CPU), the oracle; the test is skipped where it is not installed."""
    module = pytest.importorskip("torch")
    module.set_num_threads(1)
    return module


@pytest.fixture(autouse=True)
def _clean_share():
    """No shared value (``fit`` …) leaks from one test into the next."""
    bd.share.clear_shargs()
    yield
    bd.share.clear_shargs()


def to_channels_first(x: np.ndarray) -> np.ndarray:
    """``(N, *spatial, C)`` → ``(N, C, *spatial)`` (PyTorch's layout)."""
    return np.ascontiguousarray(np.moveaxis(x, -1, 1))


def to_channels_last(y: np.ndarray) -> np.ndarray:
    """``(N, C, *spatial)`` → ``(N, *spatial, C)``."""
    return np.moveaxis(y, 1, -1)


@pytest.fixture
def layout() -> Any:
    """The two layout converters, as ``layout.first(x)`` and ``layout.last(y)``."""

    class Layout:
        first = staticmethod(to_channels_first)
        last = staticmethod(to_channels_last)

    return Layout


@pytest.fixture
def check_modes() -> Callable[..., None]:
    """Check a stateless layer in every mode, eagerly and under ``bm.jit``.

    ``check_modes(make, x, expected)``: ``make(mode)`` builds the layer, ``x`` is a batched
    input and ``expected`` the batched output. Non-batching layers get ``x[0]`` and must give
    ``expected[0]``; with ``params`` (the default) training layers must hold their parameters
    in TrainVars, and the other modes none.
    """

    def check(
        make: Callable[[bm.Mode], Any],
        x: np.ndarray,
        expected: np.ndarray,
        rtol: float = 1e-5,
        atol: float = 1e-5,
        params: bool = True,
    ) -> None:
        for name, mode in MODES.items():
            for compiled in (False, True):
                layer = make(mode)
                assert layer.mode == mode
                if params and name == "training":
                    assert layer.train_vars(), "TrainingMode layers hold TrainVars"
                else:
                    assert not layer.train_vars()
                fn = bm.jit(layer.update) if compiled else layer
                inp, want = (x[0], expected[0]) if name == "nonbatching" else (x, expected)
                got = np.asarray(fn(inp))
                assert got.shape == want.shape, (name, compiled, got.shape, want.shape)
                np.testing.assert_allclose(
                    got, want, rtol=rtol, atol=atol, err_msg=f"{name}, jit={compiled}"
                )

    return check
