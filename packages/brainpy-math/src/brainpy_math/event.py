"""Event-driven sparse operators: cost grows with spikes, not with synapses."""

from brainpy_math._src.event_csr import csr_matvec as csr_matvec
from brainpy_math._src.event_ell import EllTable as EllTable
from brainpy_math._src.event_ell import csr_to_ell as csr_to_ell
from brainpy_math._src.event_ell import ell_event_matvec as ell_event_matvec
from brainpy_math._src.event_ell import split_ell_by_target as split_ell_by_target

__all__ = [
    "EllTable",
    "csr_matvec",
    "csr_to_ell",
    "ell_event_matvec",
    "split_ell_by_target",
]
