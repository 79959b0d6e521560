"""Times three training workloads under any brainpy with 2.3.5's API (this project or 2.3.5).

The workloads follow the reservoir-computing examples users bring from BrainPy 2.3.5 (written
here from the public API):

* ``force``: FORCE learning. A ``bp.layers.Reservoir`` of 500 units with a
  ``bp.layers.Dense`` readout in training mode, fitted online by ``bp.train.ForceTrainer`` to
  predict the next value of a sum of sines (4,000 steps), then ``predict`` on 1,000 more.
* ``ngrc``: next-generation reservoir computing in batching mode. Eight Lorenz trajectories
  are integrated with ``bp.odeint`` (RK4) by ``bp.IntegratorRunner``; a ``bp.layers.NVAR``
  (delay 2, order 2, constant) feeds a ``Dense`` readout that ``bp.train.RidgeTrainer`` fits
  to the next state (eight series of 3,000 steps at once), then ``predict`` on the rest.
* ``esn``: an echo-state network: a ``Reservoir`` of 800 units, ``RidgeTrainer`` over two
  series of 4,000 steps of a sine-mixture signal, then ``predict``.

Each phase is timed to completion (results pulled to NumPy, the fitted weights included).
Prints one line ``RESULT {json}`` with the import time, the seconds of each phase,
``train_s`` (fit and predict), ``work_s`` (everything after the import: building, data,
fitting, predicting, compilation included, as a user's script pays it) and the normalised
mean squared error of the test prediction (both versions must learn the same task).

Usage: ``python trainers_brainpy.py --workload force|ngrc|esn --label ours [--seed 0]``
"""

import argparse
import json
import sys
import time

START = time.perf_counter()
import numpy as np  # noqa: E402

import brainpy as bp  # noqa: E402
import brainpy.math as bm  # noqa: E402

IMPORT_S = time.perf_counter() - START


class ReservoirNet(bp.DynamicalSystemNS):
    """A reservoir followed by a trainable linear readout."""

    def __init__(self, num_in, num_hidden, num_out, **reservoir):
        super().__init__(mode=bm.batching_mode)
        self.r = bp.layers.Reservoir(num_in, num_hidden, mode=bm.batching_mode, **reservoir)
        self.o = bp.layers.Dense(
            num_hidden, num_out, W_initializer=bp.init.ZeroInit(), mode=bm.training_mode
        )

    def update(self, x):
        return self.o(self.r(x))


class NGRC(bp.DynamicalSystemNS):
    """NVAR features and a readout that predicts the change of the state over one step."""

    def __init__(self, num_in):
        super().__init__(mode=bm.batching_mode)
        self.r = bp.layers.NVAR(num_in, delay=2, order=2, constant=True, mode=bm.batching_mode)
        self.o = bp.layers.Dense(self.r.num_out, num_in, b_initializer=None, mode=bm.training_mode)

    def update(self, x):
        return x + self.o(self.r(x))


def sine_mixture(batch, steps, dt, rng):
    """``(batch, steps + 1, 1)`` float32 series: sums of three sines with random phases."""
    t = np.arange(steps + 1) * dt
    freqs = np.array([1.0, 2.3, 3.7])
    phases = rng.uniform(0, 2 * np.pi, size=(batch, 1, 3))
    series = np.sin(2 * np.pi * freqs * t[None, :, None] / 10.0 + phases).sum(-1) / 3.0
    return series[..., None].astype(np.float32)


def nmse(pred, target):
    pred, target = np.asarray(pred, np.float64), np.asarray(target, np.float64)
    return float(np.mean((pred - target) ** 2) / np.var(target))


def run_force(seed, times):
    rng = np.random.default_rng(seed)
    t = time.perf_counter()
    model = ReservoirNet(
        1,
        500,
        1,
        leaky_rate=0.3,
        Win_initializer=bp.init.Uniform(-0.5, 0.5),
        Wrec_initializer=bp.init.Normal(scale=0.1),
        in_connectivity=0.5,
        rec_connectivity=0.1,
        spectral_radius=1.2,
        seed=seed,
    )
    trainer = bp.train.ForceTrainer(model, alpha=1.0, progress_bar=False)
    times["build_s"] = time.perf_counter() - t

    t = time.perf_counter()
    data = sine_mixture(1, 5000, 0.1, rng)
    x_train, y_train = data[:, :4000], data[:, 1:4001]
    x_test, y_test = data[:, 4000:-1], data[:, 4001:]
    times["data_s"] = time.perf_counter() - t

    t = time.perf_counter()
    bm.as_numpy(trainer.fit([bm.asarray(x_train), bm.asarray(y_train)], reset_state=True))
    bm.as_numpy(model.o.W)  # the solve may still run asynchronously
    times["fit_s"] = time.perf_counter() - t

    t = time.perf_counter()
    pred = bm.as_numpy(trainer.predict(bm.asarray(x_test), reset_state=True))
    times["predict_s"] = time.perf_counter() - t
    return nmse(pred[:, 100:], y_test[:, 100:])


def lorenz_trajectories(batch, steps, dt, rng):
    """``(batch, steps, 3)`` float32 Lorenz-63 states, integrated by ``bp.odeint`` (RK4)."""

    def lorenz(x, y, z, t, sigma=10.0, rho=28.0, beta=8.0 / 3.0):
        dx = sigma * (y - x)
        dy = x * (rho - z) - y
        dz = x * y - beta * z
        return dx, dy, dz

    integral = bp.odeint(lorenz, method="rk4")
    inits = [bm.asarray(rng.uniform(-15, 15, batch).astype(np.float32)) for _ in range(2)]
    inits.append(bm.asarray(rng.uniform(10, 40, batch).astype(np.float32)))
    runner = bp.IntegratorRunner(
        integral, monitors=["x", "y", "z"], inits=inits, dt=dt, progress_bar=False
    )
    runner.run(steps * dt)
    states = np.stack([np.asarray(runner.mon[k]) for k in ("x", "y", "z")], axis=-1)
    states = np.moveaxis(states[-steps:], 0, 1)  # (batch, time, 3)
    return (states / np.std(states)).astype(np.float32)


def run_ngrc(seed, times):
    rng = np.random.default_rng(seed)
    t = time.perf_counter()
    model = NGRC(3)
    trainer = bp.train.RidgeTrainer(model, alpha=1e-5, progress_bar=False)
    times["build_s"] = time.perf_counter() - t

    t = time.perf_counter()
    data = lorenz_trajectories(8, 4000, 0.025, rng)
    # the readout learns the change over one step; the model adds it to the state
    x_train, y_train = data[:, :3000], data[:, 1:3001] - data[:, :3000]
    x_test, y_test = data[:, 3000:-1], data[:, 3001:]
    times["data_s"] = time.perf_counter() - t

    t = time.perf_counter()
    bm.as_numpy(trainer.fit([bm.asarray(x_train), bm.asarray(y_train)], reset_state=True))
    bm.as_numpy(model.o.W)  # the solve may still run asynchronously
    times["fit_s"] = time.perf_counter() - t

    t = time.perf_counter()
    pred = bm.as_numpy(trainer.predict(bm.asarray(x_test), reset_state=True))
    times["predict_s"] = time.perf_counter() - t
    return nmse(pred[:, 10:], y_test[:, 10:])


def run_esn(seed, times):
    rng = np.random.default_rng(seed)
    t = time.perf_counter()
    model = ReservoirNet(
        1,
        800,
        1,
        leaky_rate=0.3,
        Win_initializer=bp.init.Uniform(-0.5, 0.5),
        Wrec_initializer=bp.init.Normal(scale=0.1),
        in_connectivity=0.5,
        rec_connectivity=0.1,
        spectral_radius=0.95,
        seed=seed,
    )
    trainer = bp.train.RidgeTrainer(model, alpha=1e-6, progress_bar=False)
    times["build_s"] = time.perf_counter() - t

    t = time.perf_counter()
    data = sine_mixture(2, 5000, 0.1, rng)
    x_train, y_train = data[:, :4000], data[:, 1:4001]
    x_test, y_test = data[:, 4000:-1], data[:, 4001:]
    times["data_s"] = time.perf_counter() - t

    t = time.perf_counter()
    bm.as_numpy(trainer.fit([bm.asarray(x_train), bm.asarray(y_train)], reset_state=True))
    bm.as_numpy(model.o.W)  # the solve may still run asynchronously
    times["fit_s"] = time.perf_counter() - t

    t = time.perf_counter()
    pred = bm.as_numpy(trainer.predict(bm.asarray(x_test), reset_state=True))
    times["predict_s"] = time.perf_counter() - t
    return nmse(pred[:, 100:], y_test[:, 100:])


WORKLOADS = {"force": run_force, "ngrc": run_ngrc, "esn": run_esn}


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--workload", choices=sorted(WORKLOADS), required=True)
    parser.add_argument("--label", default="ours")
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args()
    bm.random.seed(args.seed)
    times = {}
    start = time.perf_counter()
    error = WORKLOADS[args.workload](args.seed, times)
    result = {
        "label": args.label,
        "version": bp.__version__,
        "workload": args.workload,
        "import_s": IMPORT_S,
        "work_s": time.perf_counter() - start,
        "nmse": error,
        "train_s": times["fit_s"] + times["predict_s"],
        **times,
    }
    print("RESULT " + json.dumps(result), flush=True)


if __name__ == "__main__":
    sys.exit(main())
