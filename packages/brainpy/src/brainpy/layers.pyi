from brainpy_layers import *
from brainpy_layers import __version__ as __version__
