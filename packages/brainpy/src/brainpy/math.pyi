from brainpy_math import *
from brainpy_math import __version__ as __version__
