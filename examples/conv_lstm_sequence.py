"""Train a convolutional LSTM to tell which way a dot moves across a short movie.

Each sample is ``T`` frames of an ``S x S`` image in which one bright pixel moves one step per
frame to the right, left, down or up (the four classes), over a little noise. The model is a
:class:`brainpy_layers.Conv2dLSTMCell` run over the frames with ``bm.for_loop``, followed by a
:class:`~brainpy_layers.Flatten` and a :class:`~brainpy_layers.Dense` readout of the last
hidden state. Gradients come from ``bm.grad`` with respect to ``model.train_vars()``; the Adam
update is written by hand on those TrainVars, and the whole training step is one ``bm.jit``.

Run it with the three packages importable, for example from the repository root::

    PYTHONPATH=packages/brainpy-math/src:packages/brainpy-dyn/src:packages/brainpy-layers/src \\
        python examples/conv_lstm_sequence.py

It prints the loss as it falls and exits with status 1 if it does not fall.
"""

from __future__ import annotations

import sys
import time

import jax
import jax.numpy as jnp
import numpy as np

import brainpy_layers as bl
import brainpy_math as bm

SIZE, FRAMES, HIDDEN, CLASSES = 10, 4, 4, 4
BATCH, STEPS, LEARNING_RATE = 32, 60, 0.02
MOVES = np.array([(0, 1), (0, -1), (1, 0), (-1, 0)])  # right, left, down, up


def make_movies(n: int, rng: np.random.Generator) -> tuple[np.ndarray, np.ndarray]:
    """``n`` movies ``(FRAMES, n, SIZE, SIZE, 1)`` and their direction labels ``(n,)``."""
    labels = rng.integers(0, CLASSES, n)
    start = rng.integers(FRAMES - 1, SIZE - FRAMES + 1, (n, 2))
    movies = rng.normal(0.0, 0.1, (FRAMES, n, SIZE, SIZE, 1)).astype(np.float32)
    for t in range(FRAMES):
        row, col = (start + t * MOVES[labels]).T
        movies[t, np.arange(n), row, col, 0] += 1.0
    return movies, labels


class DirectionNet(bl.Layer):
    """Conv2dLSTMCell over the frames, then a dense readout of the last hidden state."""

    def __init__(self) -> None:
        super().__init__(mode=bm.training_mode)
        self.cell = bl.Conv2dLSTMCell((SIZE, SIZE), 1, HIDDEN, 3, mode=self.mode)
        self.flatten = bl.Flatten(mode=self.mode)
        self.readout = bl.Dense(SIZE * SIZE * HIDDEN, CLASSES, mode=self.mode)

    def update(self, movies: jax.Array) -> jax.Array:
        self.cell.reset_state(movies.shape[1])
        hs = bm.for_loop(self.cell, movies)  # (FRAMES, N, SIZE, SIZE, HIDDEN)
        return self.readout(self.flatten(hs[-1]))


def main() -> int:
    start_time = time.perf_counter()
    bm.random.seed(0)
    rng = np.random.default_rng(0)
    model = DirectionNet()
    params = dict(model.train_vars())
    print(f"{len(params)} trainable arrays, {sum(p.size for p in params.values())} numbers")

    def loss_fn(movies, labels):
        logits = model(movies)
        logp = jax.nn.log_softmax(logits)
        return -jnp.mean(jnp.take_along_axis(logp, labels[:, None], axis=1))

    grad_fn = bm.grad(loss_fn, grad_vars=params, return_value=True)
    # Adam moments and the step count live in Variables, so bm.jit carries them.
    moment1 = {k: bm.Variable(jnp.zeros_like(v.value)) for k, v in params.items()}
    moment2 = {k: bm.Variable(jnp.zeros_like(v.value)) for k, v in params.items()}
    count = bm.Variable(jnp.zeros((), jnp.float32))

    @bm.jit
    def train_step(movies, labels):
        grads, loss = grad_fn(movies, labels)
        count.value = count.value + 1.0
        for key, param in params.items():
            g = grads[key]
            moment1[key].value = 0.9 * moment1[key].value + 0.1 * g
            moment2[key].value = 0.999 * moment2[key].value + 0.001 * g * g
            m_hat = moment1[key].value / (1.0 - 0.9**count.value)
            v_hat = moment2[key].value / (1.0 - 0.999**count.value)
            param.value = param.value - LEARNING_RATE * m_hat / (jnp.sqrt(v_hat) + 1e-8)
        return loss

    test_movies, test_labels = make_movies(256, rng)
    losses = []
    for step in range(STEPS):
        movies, labels = make_movies(BATCH, rng)
        losses.append(float(train_step(movies, labels)))
        if step % 10 == 0 or step == STEPS - 1:
            print(f"step {step:3d}  loss {losses[-1]:.4f}")
    accuracy = float(jnp.mean(jnp.argmax(model(test_movies), axis=-1) == test_labels))
    first, last = np.mean(losses[:5]), np.mean(losses[-5:])
    print(f"loss {first:.4f} -> {last:.4f}; held-out accuracy {accuracy:.2f}")
    print(f"({time.perf_counter() - start_time:.1f} s)")
    if not last < 0.5 * first:
        print("FAILED: the loss did not fall", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
