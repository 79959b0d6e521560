"""Start and join multi-process runs (``python -m brainpy_dyn.launch -n N script.py ...``).

:func:`launch` starts ``N`` cooperating processes of a script on this machine, each with
``JAX_PLATFORMS=cpu``, its own host devices, a free coordinator port and its process id;
:func:`init_distributed`, called first in the script, joins them (or a SLURM, MPI,
Kubernetes or Cloud TPU job) into one JAX run, and does nothing in a plain one-process run.
"""

import sys

from brainpy_dyn._src.distributed import free_port as free_port
from brainpy_dyn._src.distributed import init_distributed as init_distributed
from brainpy_dyn._src.distributed import launch as launch
from brainpy_dyn._src.distributed import main as _main

__all__ = ["free_port", "init_distributed", "launch"]

if __name__ == "__main__":
    sys.exit(_main())
