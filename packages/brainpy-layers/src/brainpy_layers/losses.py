"""Loss and regularization functions for training (BrainPy's ``brainpy.losses``).

Classification losses (the cross-entropy family, with the class axis last), regression losses
(absolute, squared, Huber, log-cosh errors), the CTC loss of sequence labelling and
regularization terms. Each is a pure JAX
function of brainpy Arrays, JAX or NumPy arrays (or matching pytrees of them, as in BrainPy
2.3.5) that returns a :class:`jax.Array`, so it composes with ``jit``, ``grad`` and ``vmap``.

Examples:
  >>> import jax
  >>> import jax.numpy as jnp
  >>> import brainpy_layers as bl
  >>> def loss(w, x, y):
  ...     return bl.losses.cross_entropy_loss(x @ w, y)
  >>> w = jnp.zeros((3, 2))
  >>> x, y = jnp.eye(3), jnp.array([0, 1, 1])
  >>> jax.grad(loss)(w, x, y).shape
  (3, 2)
"""

from brainpy_layers._src.losses.classification import (
    binary_logistic_loss as binary_logistic_loss,
)
from brainpy_layers._src.losses.classification import cross_entropy_loss as cross_entropy_loss
from brainpy_layers._src.losses.classification import (
    cross_entropy_sigmoid as cross_entropy_sigmoid,
)
from brainpy_layers._src.losses.classification import (
    cross_entropy_sparse as cross_entropy_sparse,
)
from brainpy_layers._src.losses.classification import (
    multiclass_logistic_loss as multiclass_logistic_loss,
)
from brainpy_layers._src.losses.classification import nll_loss as nll_loss
from brainpy_layers._src.losses.classification import (
    sigmoid_binary_cross_entropy as sigmoid_binary_cross_entropy,
)
from brainpy_layers._src.losses.classification import (
    softmax_cross_entropy as softmax_cross_entropy,
)
from brainpy_layers._src.losses.ctc import ctc_loss as ctc_loss
from brainpy_layers._src.losses.ctc import (
    ctc_loss_with_forward_probs as ctc_loss_with_forward_probs,
)
from brainpy_layers._src.losses.regression import huber_loss as huber_loss
from brainpy_layers._src.losses.regression import l1_loos as l1_loos
from brainpy_layers._src.losses.regression import l1_loss as l1_loss
from brainpy_layers._src.losses.regression import l2_loss as l2_loss
from brainpy_layers._src.losses.regression import log_cosh_loss as log_cosh_loss
from brainpy_layers._src.losses.regression import mean_absolute_error as mean_absolute_error
from brainpy_layers._src.losses.regression import mean_squared_error as mean_squared_error
from brainpy_layers._src.losses.regression import (
    mean_squared_log_error as mean_squared_log_error,
)
from brainpy_layers._src.losses.regularization import l2_norm as l2_norm
from brainpy_layers._src.losses.regularization import log_cosh as log_cosh
from brainpy_layers._src.losses.regularization import mean_absolute as mean_absolute
from brainpy_layers._src.losses.regularization import mean_square as mean_square
from brainpy_layers._src.losses.regularization import smooth_labels as smooth_labels

__all__ = [
    "binary_logistic_loss",
    "cross_entropy_loss",
    "cross_entropy_sigmoid",
    "cross_entropy_sparse",
    "ctc_loss",
    "ctc_loss_with_forward_probs",
    "huber_loss",
    "l1_loos",
    "l1_loss",
    "l2_loss",
    "l2_norm",
    "log_cosh",
    "log_cosh_loss",
    "mean_absolute",
    "mean_absolute_error",
    "mean_square",
    "mean_squared_error",
    "mean_squared_log_error",
    "multiclass_logistic_loss",
    "nll_loss",
    "sigmoid_binary_cross_entropy",
    "smooth_labels",
    "softmax_cross_entropy",
]
