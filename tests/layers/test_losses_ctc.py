"""brainpy_layers.losses.ctc_loss against torch.nn.functional.ctc_loss and brute force."""

from __future__ import annotations

import itertools

import jax
import jax.numpy as jnp
import numpy as np
import pytest
import torch

from brainpy_layers import losses


def _case(b=4, t=7, k=5, n=3, seed=0, blank=0):
    rng = np.random.default_rng(seed)
    logits = rng.normal(size=(b, t, k)).astype(np.float32)
    choices = [c for c in range(k) if c != blank]
    labels = rng.choice(choices, size=(b, n))
    labels[1, :] = choices[0]  # repeats need a blank between them
    t_len = rng.integers(n * 2, t + 1, size=b)
    t_len[0] = t
    n_len = rng.integers(0, n + 1, size=b)
    n_len[1] = n
    t_pad = (np.arange(t)[None] >= t_len[:, None]).astype(np.float32)
    n_pad = (np.arange(n)[None] >= n_len[:, None]).astype(np.float32)
    return logits, t_pad, labels, n_pad, t_len, n_len


def _torch(logits, labels, t_len, n_len, blank):
    lt = torch.tensor(logits, dtype=torch.float64, requires_grad=True)
    out = torch.nn.functional.ctc_loss(
        torch.log_softmax(lt, -1).transpose(0, 1),
        torch.tensor(labels),
        torch.tensor(t_len),
        torch.tensor(n_len),
        blank=blank,
        reduction="none",
    )
    out.sum().backward()
    return out.detach().numpy(), lt.grad.numpy()


@pytest.mark.parametrize("blank", [0, 2])
@pytest.mark.parametrize("seed", [0, 1, 2])
def test_loss_and_gradient_match_torch(seed, blank):
    logits, t_pad, labels, n_pad, t_len, n_len = _case(seed=seed, blank=blank)
    ref, ref_grad = _torch(logits, labels, t_len, n_len, blank)
    got = losses.ctc_loss(logits, t_pad, labels, n_pad, blank_id=blank)
    assert got.shape == (4,)
    np.testing.assert_allclose(got, ref, rtol=1e-5, atol=1e-5)
    grad = jax.grad(lambda z: losses.ctc_loss(z, t_pad, labels, n_pad, blank_id=blank).sum())
    g = grad(jnp.asarray(logits))
    np.testing.assert_allclose(g, ref_grad, atol=1e-5)
    assert np.all(np.asarray(g)[t_pad.astype(bool)] == 0)  # padded frames get no gradient


def test_brute_force_sum_over_alignments_and_forward_probs():
    rng = np.random.default_rng(5)
    t, k = 4, 3
    logits = rng.normal(size=(1, t, k)).astype(np.float64)
    logp = np.log(np.exp(logits) / np.exp(logits).sum(-1, keepdims=True))[0]
    labels = np.array([[1, 1]])

    def collapse(path):
        merged = [c for i, c in enumerate(path) if i == 0 or c != path[i - 1]]
        return tuple(c for c in merged if c != 0)

    total = sum(
        np.exp(sum(logp[i, c] for i, c in enumerate(path)))
        for path in itertools.product(range(k), repeat=t)
        if collapse(path) == (1, 1)
    )
    loss, phi, emit = losses.ctc_loss_with_forward_probs(
        logits.astype(np.float32), np.zeros((1, t)), labels, np.zeros((1, 2))
    )
    np.testing.assert_allclose(loss[0], -np.log(total), rtol=1e-5)
    assert phi.shape == (t, 1, 3) and emit.shape == (t, 1, 2)
    # After the first frame only the leading blank and the first label are reachable.
    np.testing.assert_allclose(phi[0, 0, 0], logp[0, 0], rtol=1e-5)
    np.testing.assert_allclose(emit[0, 0, 0], logp[0, 1], rtol=1e-5)
    assert phi[0, 0, 1] < -1e4 and emit[0, 0, 1] < -1e4
    np.testing.assert_allclose(-np.logaddexp(phi[-1, 0, 2], emit[-1, 0, 1]), loss[0], rtol=1e-6)


def test_empty_labels_impossible_alignments_and_padded_frames():
    logits = np.random.default_rng(0).normal(size=(3, 3, 3)).astype(np.float32)
    logp = jax.nn.log_softmax(logits)
    t_pad = np.array([[0, 0, 0], [0, 0, 1], [0, 0, 1]], np.float32)
    labels = np.array([[1, 2], [1, 1], [1, 0]])
    n_pad = np.array([[1, 1], [0, 0], [0, 1]], np.float32)
    loss = losses.ctc_loss(logits, t_pad, labels, n_pad)
    np.testing.assert_allclose(loss[0], -logp[0, :, 0].sum(), rtol=1e-5)  # all blanks
    assert loss[1] > 1e4  # 'a a' needs a blank between: 3 frames, and it has 2
    ref, _ = _torch(logits[2:], labels[2:, :1], np.array([2]), np.array([1]), 0)
    np.testing.assert_allclose(loss[2], ref[0], rtol=1e-5)


def test_jit_vmap_and_errors():
    logits, t_pad, labels, n_pad, _, _ = _case()
    eager = losses.ctc_loss(logits, t_pad, labels, n_pad)
    jitted = jax.jit(losses.ctc_loss)(logits, t_pad, labels, n_pad)
    np.testing.assert_allclose(jitted, eager, rtol=1e-6)
    with pytest.raises(ValueError, match="logits must be 3-D.*got shape \\(7, 5\\)"):
        losses.ctc_loss(logits[0], t_pad, labels, n_pad)
    with pytest.raises(ValueError, match="logit_paddings must have shape"):
        losses.ctc_loss(logits, t_pad[:, :3], labels, n_pad)
    with pytest.raises(ValueError, match="label_paddings must have the shape of labels"):
        losses.ctc_loss(logits, t_pad, labels, n_pad[:, :1])
    with pytest.raises(ValueError, match="blank_id must be an int in \\[0, 5\\).*got 5"):
        losses.ctc_loss(logits, t_pad, labels, n_pad, blank_id=5)
    with pytest.raises(ValueError, match="labels must be integer"):
        losses.ctc_loss(logits, t_pad, labels.astype(np.float32), n_pad)
