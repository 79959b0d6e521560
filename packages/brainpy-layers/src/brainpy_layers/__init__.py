"""brainpy_layers: artificial neural network layers and recurrent cells for brainpy.

Dense and convolution layers (``ConvTranspose{1,2,3}d`` included), dropout, flatten and the
recurrent cells (``LSTMCell``, ``GRUCell``, ``Conv{1,2,3}dLSTMCell``), on :mod:`brainpy_math`
and :mod:`brainpy_dyn`. Data are channels-last, ``(N, *spatial, C)``, without the ``N`` in
``NonBatchingMode``; kernels are ``(*kernel_size, in, out)``.
"""

from brainpy_layers import errors as errors
from brainpy_layers._src.base import Layer as Layer
from brainpy_layers._src.conv import Conv1d as Conv1d
from brainpy_layers._src.conv import Conv2d as Conv2d
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
from brainpy_layers._src.rnn_cells import GRUCell as GRUCell
from brainpy_layers._src.rnn_cells import LSTMCell as LSTMCell
from brainpy_layers._version import __version__ as __version__

__all__ = [
    "Conv1d",
    "Conv1dLSTMCell",
    "Conv2d",
    "Conv2dLSTMCell",
    "Conv3d",
    "Conv3dLSTMCell",
    "ConvTranspose1d",
    "ConvTranspose2d",
    "ConvTranspose3d",
    "Dense",
    "Dropout",
    "Flatten",
    "GRUCell",
    "LSTMCell",
    "Layer",
    "Linear",
    "__version__",
    "errors",
    "weight_from_torch",
]
