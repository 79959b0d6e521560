from brainpy_checkpoints import *
from brainpy_checkpoints import __version__ as __version__
