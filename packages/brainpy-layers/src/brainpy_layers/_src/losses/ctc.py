r"""Connectionist temporal classification (CTC): the loss of unsegmented sequence labelling.

For frame scores ``logits`` :math:`(B, T, K)` and label sequences :math:`(B, N)`, the CTC
loss of a sequence is :math:`-\log p(\ell \mid x)`, the probability of the labels summed
over every frame-wise path that reduces to them (merge repeats, then drop blanks). It is
computed by the forward algorithm (Graves et al., 2006) over the extended label sequence
:math:`\ell' = (\varnothing, \ell_1, \varnothing, \ell_2, \dots, \ell_N, \varnothing)` of
:math:`2N + 1` states, in log space, in one :func:`jax.lax.scan` over the frames.

Paddings (``1.0`` for a padded frame or label, ``0.0`` for a real one) mark the trailing
padding of each sequence, as in BrainPy 2.3.5 and Optax; PyTorch passes lengths instead.
"""

from __future__ import annotations

from typing import Any

import jax
import jax.numpy as jnp

from brainpy_layers._src.errors import LayerArgumentError, LayerInputShapeError
from brainpy_layers._src.losses.base import as_array, public

__all__ = ["ctc_loss", "ctc_loss_with_forward_probs"]


def _check(logits, logit_paddings, labels, label_paddings, blank_id, fn):
    logits = as_array(logits, fn, "logits")
    logit_paddings = as_array(logit_paddings, fn, "logit_paddings")
    labels = as_array(labels, fn, "labels")
    label_paddings = as_array(label_paddings, fn, "label_paddings")
    if logits.ndim != 3:
        raise LayerInputShapeError(
            f"{fn}: logits must be 3-D (batch, time, classes), got shape {tuple(logits.shape)}."
        )
    b, t, k = logits.shape
    if logit_paddings.shape != (b, t):
        raise LayerInputShapeError(
            f"{fn}: logit_paddings must have shape (batch, time) = {(b, t)}, "
            f"got {tuple(logit_paddings.shape)}."
        )
    if labels.ndim != 2 or labels.shape[0] != b:
        raise LayerInputShapeError(
            f"{fn}: labels must be 2-D (batch, max_label_length) with batch {b}, "
            f"got shape {tuple(labels.shape)}."
        )
    if label_paddings.shape != labels.shape:
        raise LayerInputShapeError(
            f"{fn}: label_paddings must have the shape of labels {tuple(labels.shape)}, "
            f"got {tuple(label_paddings.shape)}."
        )
    if not jnp.issubdtype(labels.dtype, jnp.integer):
        raise LayerArgumentError(
            f"{fn}: labels must be integer class ids, got dtype {labels.dtype}."
        )
    if isinstance(blank_id, bool) or not isinstance(blank_id, int) or not 0 <= blank_id < k:
        raise LayerArgumentError(
            f"{fn}: blank_id must be an int in [0, {k}) (the number of classes), got {blank_id!r}."
        )
    if not jnp.issubdtype(logits.dtype, jnp.floating):
        logits = logits.astype(jnp.float32)
    return logits, logit_paddings.astype(logits.dtype), labels, label_paddings.astype(logits.dtype)


@public
def ctc_loss_with_forward_probs(
    logits: Any,
    logit_paddings: Any,
    labels: Any,
    label_paddings: Any,
    blank_id: int = 0,
    log_epsilon: float = -1e5,
) -> tuple[jax.Array, jax.Array, jax.Array]:
    r"""The CTC loss of each sequence, with the forward log-probabilities it came from.

    BrainPy implementation of ``brainpy.losses.ctc_loss_with_forward_probs`` (2.3.5).

    Args:
      logits: unnormalised frame scores, ``(B, T, K)`` (a log-softmax is applied).
      logit_paddings: ``(B, T)``, 1.0 for the padded frames at the end of a sequence.
      labels: int class ids, ``(B, N)``.
      label_paddings: ``(B, N)``, 1.0 for the padded labels at the end of a sequence.
      blank_id: the class id of the blank, in ``[0, K)``.
      log_epsilon: the number that stands for :math:`\log 0`.

    Returns:
      ``(loss, logalpha_phi, logalpha_emit)``: the negative log-likelihoods ``(B,)``; the
      forward log-probabilities after each frame of the blank states before, between and
      after the labels, ``(T, B, N + 1)``, and of the label states, ``(T, B, N)``. A padded
      frame repeats the values of the frame before it.

    Raises:
      LayerInputShapeError: shapes that do not fit together.
      LayerArgumentError: non-integer labels or a ``blank_id`` out of range.

    Examples:
      >>> import jax.numpy as jnp
      >>> import brainpy_layers as bl
      >>> logits = jnp.zeros((1, 2, 2))  # two frames, uniform over {blank, 'a'}
      >>> loss, phi, emit = bl.losses.ctc_loss_with_forward_probs(
      ...     logits, jnp.zeros((1, 2)), jnp.array([[1]]), jnp.zeros((1, 1)))
      >>> round(float(jnp.exp(-loss[0])), 4)  # paths 'a a', 'a _', '_ a'
      0.75
      >>> phi.shape, emit.shape
      ((2, 1, 2), (2, 1, 1))
    """
    fn = "ctc_loss_with_forward_probs"
    logits, logit_paddings, labels, label_paddings = _check(
        logits, logit_paddings, labels, label_paddings, blank_id, fn
    )
    b, _, k = logits.shape
    n = labels.shape[1]
    s = 2 * n + 1
    dtype = logits.dtype
    neg = jnp.asarray(log_epsilon, dtype)
    logprobs = jax.nn.log_softmax(logits, axis=-1)

    # The extended label sequence: blanks at even states, the labels at odd ones.
    ext = jnp.full((b, s), blank_id, labels.dtype).at[:, 1::2].set(labels)
    # s-2 -> s may skip a blank only into a label that differs from the label before it.
    can_skip = jnp.zeros((b, s), bool).at[:, 3::2].set(labels[:, 1:] != labels[:, :-1])
    # The log-probability of each state's symbol at each frame: (T, B, S).
    emit = jnp.take_along_axis(
        logprobs, jnp.broadcast_to(ext[:, None, :], (b, logits.shape[1], s)), axis=2
    )
    emit = jnp.moveaxis(emit, 1, 0)
    pads = jnp.moveaxis(logit_paddings, 1, 0)[:, :, None]

    def step(alpha, inputs):
        frame, pad = inputs
        stay = alpha
        prev1 = jnp.concatenate([jnp.full((b, 1), neg, dtype), alpha[:, :-1]], axis=1)
        prev2 = jnp.concatenate([jnp.full((b, 2), neg, dtype), alpha[:, :-2]], axis=1)
        prev2 = jnp.where(can_skip, prev2, neg)
        new = jnp.logaddexp(jnp.logaddexp(stay, prev1), prev2) + frame
        new = jnp.maximum(new, neg)  # keep "log 0" from drifting far below log_epsilon
        new = pad * alpha + (1.0 - pad) * new
        return new, new

    # A path starts in the leading blank or in the first label. Before any frame (a
    # sequence that is all padding) only the empty path, in state 0, has probability 1.
    init = jnp.full((b, s), neg, dtype).at[:, 0].set(0.0)
    first_alpha = jnp.full((b, s), neg, dtype)
    first_alpha = first_alpha.at[:, 0].set(emit[0, :, 0])
    if n > 0:
        first_alpha = first_alpha.at[:, 1].set(emit[0, :, 1])
    first_alpha = pads[0] * init + (1.0 - pads[0]) * first_alpha
    last, alphas = jax.lax.scan(step, first_alpha, (emit[1:], pads[1:]))
    alphas = jnp.concatenate([first_alpha[None], alphas], axis=0)

    label_len = jnp.round(n - jnp.sum(label_paddings, axis=1)).astype(jnp.int32)
    end_blank = jnp.take_along_axis(last, (2 * label_len)[:, None], axis=1)[:, 0]
    end_label = jnp.take_along_axis(last, jnp.maximum(2 * label_len - 1, 0)[:, None], axis=1)[:, 0]
    end_label = jnp.where(label_len > 0, end_label, neg)
    loss = -jnp.logaddexp(end_blank, end_label)
    return loss, alphas[:, :, 0::2], alphas[:, :, 1::2]


@public
def ctc_loss(
    logits: Any,
    logit_paddings: Any,
    labels: Any,
    label_paddings: Any,
    blank_id: int = 0,
    log_epsilon: float = -1e5,
) -> jax.Array:
    r"""The CTC loss :math:`-\log p(\ell \mid x)` of each sequence, ``(B,)``.

    BrainPy implementation of ``brainpy.losses.ctc_loss`` (2.3.5): the negative
    log-likelihood of the labels summed over all alignments, the same numbers as
    :func:`torch.nn.functional.ctc_loss` with ``reduction='none'`` (which takes
    log-probabilities ``(T, B, K)`` and lengths instead of logits and paddings).

    Args:
      logits: unnormalised frame scores, ``(B, T, K)`` (a log-softmax is applied).
      logit_paddings: ``(B, T)``, 1.0 for the padded frames at the end of a sequence.
      labels: int class ids, ``(B, N)``.
      label_paddings: ``(B, N)``, 1.0 for the padded labels at the end of a sequence.
      blank_id: the class id of the blank, in ``[0, K)``.
      log_epsilon: the number that stands for :math:`\log 0`; a sequence that no alignment
        fits (too few frames) gets a loss of about ``-log_epsilon``.

    Examples:
      >>> import jax.numpy as jnp
      >>> import brainpy_layers as bl
      >>> logits = jnp.zeros((1, 3, 3))
      >>> loss = bl.losses.ctc_loss(logits, jnp.zeros((1, 3)), jnp.array([[1, 2]]),
      ...                           jnp.zeros((1, 2)))
      >>> round(float(jnp.exp(-loss[0]) * 27), 3)  # 5 of the 27 paths give 'a b'
      5.0
    """
    return ctc_loss_with_forward_probs(
        logits, logit_paddings, labels, label_paddings, blank_id, log_epsilon
    )[0]
