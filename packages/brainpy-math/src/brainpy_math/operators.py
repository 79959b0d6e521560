"""Operators under BrainPy 2.3.5's module name ``brainpy.math.operators``.

Synaptic gathering and scattering (``pre2post_*``, ``pre2syn``, ``syn2post_*``), the
sparse and event-driven matrix products, in pure JAX, and :class:`XLACustomOp` (an operator
from a NumPy function); the same objects as at the top level of :mod:`brainpy_math`.

Examples:
  >>> import brainpy_math as bm
  >>> bm.operators.syn2post_sum is bm.syn2post_sum
  True
"""

from brainpy_math._src.custom_op import XLACustomOp as XLACustomOp
from brainpy_math._src.event_csr import event_csr_matvec as event_csr_matvec
from brainpy_math._src.operators_pre_syn_post import (
    pre2post_coo_event_sum as pre2post_coo_event_sum,
)
from brainpy_math._src.operators_pre_syn_post import pre2post_event_prod as pre2post_event_prod
from brainpy_math._src.operators_pre_syn_post import pre2post_event_sum as pre2post_event_sum
from brainpy_math._src.operators_pre_syn_post import pre2post_max as pre2post_max
from brainpy_math._src.operators_pre_syn_post import pre2post_mean as pre2post_mean
from brainpy_math._src.operators_pre_syn_post import pre2post_min as pre2post_min
from brainpy_math._src.operators_pre_syn_post import pre2post_prod as pre2post_prod
from brainpy_math._src.operators_pre_syn_post import pre2post_sum as pre2post_sum
from brainpy_math._src.operators_pre_syn_post import pre2syn as pre2syn
from brainpy_math._src.operators_pre_syn_post import syn2post as syn2post
from brainpy_math._src.operators_pre_syn_post import syn2post_max as syn2post_max
from brainpy_math._src.operators_pre_syn_post import syn2post_mean as syn2post_mean
from brainpy_math._src.operators_pre_syn_post import syn2post_min as syn2post_min
from brainpy_math._src.operators_pre_syn_post import syn2post_prod as syn2post_prod
from brainpy_math._src.operators_pre_syn_post import syn2post_softmax as syn2post_softmax
from brainpy_math._src.operators_pre_syn_post import syn2post_sum as syn2post_sum
from brainpy_math._src.sparse_csr import csr_matvec as csr_matvec
from brainpy_math._src.sparse_csr import cusparse_csr_matvec as cusparse_csr_matvec
from brainpy_math._src.sparse_csr import sparse_matmul as sparse_matmul

__all__ = [
    "XLACustomOp",
    "csr_matvec",
    "cusparse_csr_matvec",
    "event_csr_matvec",
    "pre2post_coo_event_sum",
    "pre2post_event_prod",
    "pre2post_event_sum",
    "pre2post_max",
    "pre2post_mean",
    "pre2post_min",
    "pre2post_prod",
    "pre2post_sum",
    "pre2syn",
    "sparse_matmul",
    "syn2post",
    "syn2post_max",
    "syn2post_mean",
    "syn2post_min",
    "syn2post_prod",
    "syn2post_softmax",
    "syn2post_sum",
]
