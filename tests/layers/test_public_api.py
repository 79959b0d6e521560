"""The public surface of brainpy_layers: names, public module paths, error classes."""

from __future__ import annotations

import inspect

import brainpy_dyn as bd
import brainpy_layers as bl
from brainpy_layers import errors

EXPECTED = [
    "Activation",
    "AdaptiveAvgPool1d",
    "AdaptiveAvgPool2d",
    "AdaptiveAvgPool3d",
    "AdaptiveMaxPool1d",
    "AdaptiveMaxPool2d",
    "AdaptiveMaxPool3d",
    "AvgPool",
    "AvgPool1d",
    "AvgPool2d",
    "AvgPool3d",
    "BatchNorm1D",
    "BatchNorm1d",
    "BatchNorm2D",
    "BatchNorm2d",
    "BatchNorm3D",
    "BatchNorm3d",
    "Conv1D",
    "Conv1d",
    "Conv1dLSTMCell",
    "Conv2D",
    "Conv2d",
    "Conv2dLSTMCell",
    "Conv3D",
    "Conv3d",
    "Conv3dLSTMCell",
    "ConvTranspose1d",
    "ConvTranspose2d",
    "ConvTranspose3d",
    "Dense",
    "Dropout",
    "Flatten",
    "FunAsLayer",
    "GRUCell",
    "GroupNorm",
    "Identity",
    "InstanceNorm",
    "LSTMCell",
    "Layer",
    "LayerNorm",
    "Linear",
    "MaxPool",
    "MaxPool1d",
    "MaxPool2d",
    "MaxPool3d",
    "MinPool",
    "NVAR",
    "RNNCell",
    "Reservoir",
    "__version__",
    "algorithms",
    "errors",
    "losses",
    "train",
    "weight_from_torch",
]


def test_all_snapshot():
    assert bl.__all__ == EXPECTED


def test_public_objects_show_the_public_module():
    for name in bl.__all__:
        obj = getattr(bl, name)
        if inspect.isclass(obj) or inspect.isfunction(obj):
            assert obj.__module__ == "brainpy_layers", name
            assert obj.__doc__ and ">>>" in obj.__doc__, f"{name} has a doctest"
    for name in errors.__all__:
        cls = getattr(errors, name)
        assert cls.__module__ == "brainpy_layers.errors"
        assert issubclass(cls, errors.LayerError)


def test_every_layer_is_a_new_style_dynamical_system():
    for name in bl.__all__:
        obj = getattr(bl, name)
        if inspect.isclass(obj):
            assert issubclass(obj, bl.Layer) and issubclass(obj, bd.DynamicalSystemNS), name


def test_error_classes_keep_the_builtin_kinds():
    assert issubclass(errors.LayerArgumentError, ValueError)
    assert issubclass(errors.LayerInputShapeError, ValueError)
    assert issubclass(errors.LayerModeError, ValueError)
    assert issubclass(errors.LayerArgumentTypeError, TypeError)
