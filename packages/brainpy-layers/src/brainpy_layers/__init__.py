"""brainpy_layers: artificial neural network layers and recurrent cells for brainpy.

Dense and convolution layers (``ConvTranspose{1,2,3}d`` included), pooling (``MaxPool``,
``AvgPool{1,2,3}d``, ``AdaptiveMaxPool{1,2,3}d`` …), normalization (``BatchNorm{1,2,3}d``,
``LayerNorm``, ``GroupNorm``, ``InstanceNorm``), dropout, flatten, ``Activation``/``Identity``,
the recurrent cells (``RNNCell``, ``LSTMCell``, ``GRUCell``, ``Conv{1,2,3}dLSTMCell``) and
reservoir computing (``Reservoir``, ``NVAR``), on :mod:`brainpy_math` and :mod:`brainpy_dyn`. Data are channels-last, ``(N, *spatial, C)``, without the ``N`` in
``NonBatchingMode``; kernels are ``(*kernel_size, in, out)``.
Loss and regularization functions for training are in :mod:`brainpy_layers.losses`, the
trainers (``BPTT``, ``RidgeTrainer``, ``ForceTrainer`` …) in :mod:`brainpy_layers.train` and
their fitting algorithms in :mod:`brainpy_layers.algorithms`.
"""

from brainpy_layers import algorithms as algorithms
from brainpy_layers import errors as errors
from brainpy_layers import losses as losses
from brainpy_layers import train as train
from brainpy_layers._src.adaptive_pooling import AdaptiveAvgPool1d as AdaptiveAvgPool1d
from brainpy_layers._src.adaptive_pooling import AdaptiveAvgPool2d as AdaptiveAvgPool2d
from brainpy_layers._src.adaptive_pooling import AdaptiveAvgPool3d as AdaptiveAvgPool3d
from brainpy_layers._src.adaptive_pooling import AdaptiveMaxPool1d as AdaptiveMaxPool1d
from brainpy_layers._src.adaptive_pooling import AdaptiveMaxPool2d as AdaptiveMaxPool2d
from brainpy_layers._src.adaptive_pooling import AdaptiveMaxPool3d as AdaptiveMaxPool3d
from brainpy_layers._src.base import Layer as Layer
from brainpy_layers._src.batchnorm_aliases import BatchNorm1D as BatchNorm1D
from brainpy_layers._src.batchnorm_aliases import BatchNorm2D as BatchNorm2D
from brainpy_layers._src.batchnorm_aliases import BatchNorm3D as BatchNorm3D
from brainpy_layers._src.conv import Conv1d as Conv1D  # 2.3.5's other spelling, the same class
from brainpy_layers._src.conv import Conv1d as Conv1d
from brainpy_layers._src.conv import Conv2d as Conv2D
from brainpy_layers._src.conv import Conv2d as Conv2d
from brainpy_layers._src.conv import Conv3d as Conv3D
from brainpy_layers._src.conv import Conv3d as Conv3d
from brainpy_layers._src.conv_lstm import Conv1dLSTMCell as Conv1dLSTMCell
from brainpy_layers._src.conv_lstm import Conv2dLSTMCell as Conv2dLSTMCell
from brainpy_layers._src.conv_lstm import Conv3dLSTMCell as Conv3dLSTMCell
from brainpy_layers._src.conv_transpose import ConvTranspose1d as ConvTranspose1d
from brainpy_layers._src.conv_transpose import ConvTranspose2d as ConvTranspose2d
from brainpy_layers._src.conv_transpose import ConvTranspose3d as ConvTranspose3d
from brainpy_layers._src.conv_transpose import weight_from_torch as weight_from_torch
from brainpy_layers._src.dense import Dense as Dense
from brainpy_layers._src.dense import Linear as Linear
from brainpy_layers._src.dropout import Dropout as Dropout
from brainpy_layers._src.flatten import Flatten as Flatten
from brainpy_layers._src.function_layers import Activation as Activation
from brainpy_layers._src.function_layers import FunAsLayer as FunAsLayer
from brainpy_layers._src.function_layers import Identity as Identity
from brainpy_layers._src.normalization import BatchNorm1d as BatchNorm1d
from brainpy_layers._src.normalization import BatchNorm2d as BatchNorm2d
from brainpy_layers._src.normalization import BatchNorm3d as BatchNorm3d
from brainpy_layers._src.normalization import GroupNorm as GroupNorm
from brainpy_layers._src.normalization import InstanceNorm as InstanceNorm
from brainpy_layers._src.normalization import LayerNorm as LayerNorm
from brainpy_layers._src.nvar import NVAR as NVAR
from brainpy_layers._src.pooling import AvgPool as AvgPool
from brainpy_layers._src.pooling import AvgPool1d as AvgPool1d
from brainpy_layers._src.pooling import AvgPool2d as AvgPool2d
from brainpy_layers._src.pooling import AvgPool3d as AvgPool3d
from brainpy_layers._src.pooling import MaxPool as MaxPool
from brainpy_layers._src.pooling import MaxPool1d as MaxPool1d
from brainpy_layers._src.pooling import MaxPool2d as MaxPool2d
from brainpy_layers._src.pooling import MaxPool3d as MaxPool3d
from brainpy_layers._src.pooling import MinPool as MinPool
from brainpy_layers._src.reservoir import Reservoir as Reservoir
from brainpy_layers._src.rnn_cell import RNNCell as RNNCell
from brainpy_layers._src.rnn_cells import GRUCell as GRUCell
from brainpy_layers._src.rnn_cells import LSTMCell as LSTMCell
from brainpy_layers._version import __version__ as __version__

__all__ = [
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
