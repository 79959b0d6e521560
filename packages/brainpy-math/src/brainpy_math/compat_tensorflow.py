"""TensorFlow-compatible operators (BrainPy 2.3.5's ``brainpy.math.compat_tensorflow``).

``import brainpy_math as bm`` exposes all of them; ``concat`` replaces the NumPy-style
``concat`` there.
"""

from brainpy_math._src.tf_ops import cast as cast
from brainpy_math._src.tf_ops import clip_by_value as clip_by_value
from brainpy_math._src.tf_ops import concat as concat
from brainpy_math._src.tf_reductions import reduce_all as reduce_all
from brainpy_math._src.tf_reductions import reduce_any as reduce_any
from brainpy_math._src.tf_reductions import reduce_max as reduce_max
from brainpy_math._src.tf_reductions import reduce_mean as reduce_mean
from brainpy_math._src.tf_reductions import reduce_min as reduce_min
from brainpy_math._src.tf_reductions import reduce_prod as reduce_prod
from brainpy_math._src.tf_reductions import reduce_sum as reduce_sum
from brainpy_math._src.tf_segments import segment_max as segment_max
from brainpy_math._src.tf_segments import segment_mean as segment_mean
from brainpy_math._src.tf_segments import segment_min as segment_min
from brainpy_math._src.tf_segments import segment_prod as segment_prod
from brainpy_math._src.tf_segments import segment_sum as segment_sum
from brainpy_math._src.tf_statistics import reduce_euclidean_norm as reduce_euclidean_norm
from brainpy_math._src.tf_statistics import reduce_logsumexp as reduce_logsumexp
from brainpy_math._src.tf_statistics import reduce_std as reduce_std
from brainpy_math._src.tf_statistics import reduce_variance as reduce_variance
from brainpy_math._src.tf_unsorted_segments import unsorted_segment_max as unsorted_segment_max
from brainpy_math._src.tf_unsorted_segments import unsorted_segment_mean as unsorted_segment_mean
from brainpy_math._src.tf_unsorted_segments import unsorted_segment_min as unsorted_segment_min
from brainpy_math._src.tf_unsorted_segments import unsorted_segment_prod as unsorted_segment_prod
from brainpy_math._src.tf_unsorted_segments import (
    unsorted_segment_sqrt_n as unsorted_segment_sqrt_n,
)
from brainpy_math._src.tf_unsorted_segments import unsorted_segment_sum as unsorted_segment_sum

__all__ = [
    "cast",
    "clip_by_value",
    "concat",
    "reduce_all",
    "reduce_any",
    "reduce_euclidean_norm",
    "reduce_logsumexp",
    "reduce_max",
    "reduce_mean",
    "reduce_min",
    "reduce_prod",
    "reduce_std",
    "reduce_sum",
    "reduce_variance",
    "segment_max",
    "segment_mean",
    "segment_min",
    "segment_prod",
    "segment_sum",
    "unsorted_segment_max",
    "unsorted_segment_mean",
    "unsorted_segment_min",
    "unsorted_segment_prod",
    "unsorted_segment_sqrt_n",
    "unsorted_segment_sum",
]
