from brainpy_dyn import *
from brainpy_dyn import __version__ as __version__
