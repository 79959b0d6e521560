"""Tests of ``brainpy_math.optimizers``: update rules against torch.optim / NumPy, jit, schedulers."""

import math

import jax.numpy as jnp
import numpy as np
import pytest

import brainpy_math as bm
from brainpy_math import optimizers as optim

STEPS = 20
SHAPES = {"a": (3, 4), "b": (5,)}


def _problem(seed=0):
    rng = np.random.default_rng(seed)
    init = {k: rng.normal(size=s).astype(np.float32) for k, s in SHAPES.items()}
    grads = [
        {k: rng.normal(size=s).astype(np.float32) for k, s in SHAPES.items()} for _ in range(STEPS)
    ]
    return init, grads


def _run_ours(make, init, grads):
    params = {k: bm.Variable(jnp.asarray(v)) for k, v in init.items()}
    opt = make(params)
    for g in grads:
        opt.update(g)
    assert int(opt.step_count.value) == len(grads)
    return {k: np.asarray(v.value) for k, v in params.items()}


def _run_torch(make, init, grads):
    torch = pytest.importorskip("torch")
    params = {k: torch.tensor(v, requires_grad=True) for k, v in init.items()}
    opt = make(list(params.values()))
    for g in grads:
        for k, p in params.items():
            p.grad = torch.tensor(g[k])
        opt.step()
    return {k: p.detach().numpy() for k, p in params.items()}


# (id, ours(params), torch(params)) with the same update rule.
TORCH_CASES = [
    ("sgd", lambda p: optim.SGD(0.1, p), lambda t: _t().optim.SGD(t, lr=0.1)),
    (
        "sgd-wd",
        lambda p: optim.SGD(0.1, p, weight_decay=0.05),
        lambda t: _t().optim.SGD(t, lr=0.1, weight_decay=0.05),
    ),
    (
        "momentum",
        lambda p: optim.Momentum(0.05, p, momentum=0.8),
        lambda t: _t().optim.SGD(t, lr=0.05, momentum=0.8),
    ),
    (
        "momentum-wd",
        lambda p: optim.Momentum(0.05, p, weight_decay=0.1),
        lambda t: _t().optim.SGD(t, lr=0.05, momentum=0.9, weight_decay=0.1),
    ),
    (
        "nesterov",
        lambda p: optim.MomentumNesterov(0.05, p),
        lambda t: _t().optim.SGD(t, lr=0.05, momentum=0.9, nesterov=True),
    ),
    (
        "nesterov-wd",
        lambda p: optim.MomentumNesterov(0.05, p, weight_decay=0.1, momentum=0.7),
        lambda t: _t().optim.SGD(t, lr=0.05, momentum=0.7, nesterov=True, weight_decay=0.1),
    ),
    (
        "adagrad-eps0",
        lambda p: optim.Adagrad(0.1, p, epsilon=0.0),
        lambda t: _t().optim.Adagrad(t, lr=0.1, eps=0.0),
    ),
    (
        "adagrad-eps0-wd",
        lambda p: optim.Adagrad(0.1, p, weight_decay=0.05, epsilon=0.0),
        lambda t: _t().optim.Adagrad(t, lr=0.1, eps=0.0, weight_decay=0.05),
    ),
    (
        "rmsprop-eps0",
        lambda p: optim.RMSProp(0.01, p, epsilon=0.0),
        lambda t: _t().optim.RMSprop(t, lr=0.01, alpha=0.9, eps=0.0),
    ),
    (
        "rmsprop-eps0-wd",
        lambda p: optim.RMSProp(0.01, p, weight_decay=0.05, epsilon=0.0, rho=0.8),
        lambda t: _t().optim.RMSprop(t, lr=0.01, alpha=0.8, eps=0.0, weight_decay=0.05),
    ),
    ("adam", lambda p: optim.Adam(0.01, p), lambda t: _t().optim.Adam(t, lr=0.01)),
    (
        "adam-hparams",
        lambda p: optim.Adam(0.05, p, beta1=0.5, beta2=0.9, eps=1e-3),
        lambda t: _t().optim.Adam(t, lr=0.05, betas=(0.5, 0.9), eps=1e-3),
    ),
    (
        "adam-wd",
        lambda p: optim.Adam(0.01, p, weight_decay=0.1),
        lambda t: _t().optim.Adam(t, lr=0.01, weight_decay=0.1),
    ),
    ("adamw", lambda p: optim.AdamW(0.01, p), lambda t: _t().optim.AdamW(t, lr=0.01)),
    (
        "adamw-wd-amsgrad",
        lambda p: optim.AdamW(0.01, p, weight_decay=0.3, amsgrad=True),
        lambda t: _t().optim.AdamW(t, lr=0.01, weight_decay=0.3, amsgrad=True),
    ),
    (  # defaults: BrainPy's rho is 0.95, torch's 0.9
        "adadelta",
        lambda p: optim.Adadelta(train_vars=p),
        lambda t: _t().optim.Adadelta(t, rho=0.95),
    ),
    (
        "adadelta-hparams-wd",
        lambda p: optim.Adadelta(0.5, p, weight_decay=0.05, epsilon=1e-3, rho=0.8),
        lambda t: _t().optim.Adadelta(t, lr=0.5, rho=0.8, eps=1e-3, weight_decay=0.05),
    ),
]


def _t():
    return pytest.importorskip("torch")


@pytest.mark.parametrize(
    "ours, theirs", [c[1:] for c in TORCH_CASES], ids=[c[0] for c in TORCH_CASES]
)
def test_matches_torch_optim(ours, theirs):
    init, grads = _problem()
    expected = _run_torch(theirs, init, grads)
    got = _run_ours(ours, init, grads)
    for k in SHAPES:
        assert not np.allclose(expected[k], init[k])  # the steps did something
        np.testing.assert_allclose(got[k], expected[k], rtol=1e-5, atol=1e-6, err_msg=k)


def _numpy_reference(kind, init, grads, lr, eps, rho=0.9, wd=0.0):
    """The documented BrainPy rules (epsilon inside the square root), in float64."""
    out = {}
    for k, p in init.items():
        p, c = p.astype(np.float64), np.zeros(p.shape)
        for g in grads:
            g = g[k] + wd * p
            c = c + g * g if kind == "adagrad" else rho * c + (1 - rho) * g * g
            p = p - lr * g / np.sqrt(c + eps)
        out[k] = p
    return out


@pytest.mark.parametrize("wd", [None, 0.05])
@pytest.mark.parametrize("kind", ["adagrad", "rmsprop"])
def test_epsilon_inside_sqrt_matches_numpy(kind, wd):
    # Gradients scaled down so that epsilon matters: torch's eps-outside rule would differ.
    init, grads = _problem(1)
    grads = [{k: 1e-3 * v for k, v in g.items()} for g in grads]
    eps, rho = 1e-6, 0.7
    if kind == "adagrad":
        make = lambda p: optim.Adagrad(0.01, p, weight_decay=wd, epsilon=eps)  # noqa: E731
    else:
        make = lambda p: optim.RMSProp(0.01, p, weight_decay=wd, epsilon=eps, rho=rho)  # noqa: E731
    got = _run_ours(make, init, grads)
    ref = _numpy_reference(kind, init, grads, 0.01, eps, rho, wd or 0.0)
    for k in SHAPES:
        np.testing.assert_allclose(got[k], ref[k], rtol=1e-5, atol=1e-7, err_msg=k)
    torch = pytest.importorskip("torch")
    tparams = [torch.tensor(init[k], requires_grad=True) for k in SHAPES]
    if kind == "adagrad":
        topt = torch.optim.Adagrad(tparams, lr=0.01, eps=eps, weight_decay=wd or 0)
    else:
        topt = torch.optim.RMSprop(tparams, lr=0.01, alpha=rho, eps=eps, weight_decay=wd or 0)
    for g in grads:
        for k, p in zip(SHAPES, tparams):
            p.grad = torch.tensor(g[k])
        topt.step()
    # The conventions differ measurably here, so the test would notice a torch-style rule.
    assert not np.allclose(tparams[0].detach().numpy(), got["a"], rtol=1e-4, atol=0)


def _lars_numpy(init, grads, lr, momentum, wd, tc, eps):
    """LARS (You et al. 2017) per Variable, in float64."""
    out = {}
    for k, p in init.items():
        p, m = p.astype(np.float64), np.zeros(p.shape)
        for g in grads:
            g = g[k].astype(np.float64)
            pn, gn = np.linalg.norm(p), np.linalg.norm(g)
            r = 1.0 if pn == 0 or gn == 0 else tc * pn / (gn + wd * pn + eps)
            m = momentum * m + lr * r * (g + wd * p)
            p = p - m
        out[k] = p
    return out


@pytest.mark.parametrize(
    "kwargs",
    [
        dict(lr=0.5, momentum=0.9, weight_decay=1e-4, tc=0.02, eps=1e-5),
        dict(lr=0.1, momentum=0.0, weight_decay=0.1, tc=0.5, eps=0.0),
    ],
    ids=["momentum", "no-momentum-wd"],
)
def test_lars_matches_numpy(kwargs):
    init, grads = _problem(2)
    init["b"] = np.zeros_like(init["b"])  # a zero norm: ratio 1
    grads[3] = {k: np.zeros_like(v) for k, v in grads[3].items()}  # a zero gradient: ratio 1
    got = _run_ours(lambda p: optim.LARS(train_vars=p, **kwargs), init, grads)
    ref = _lars_numpy(
        init, grads, kwargs["lr"], kwargs["momentum"], kwargs["weight_decay"], kwargs["tc"],
        kwargs["eps"],
    )  # fmt: skip
    for k in SHAPES:
        assert not np.allclose(ref[k], init[k])
        np.testing.assert_allclose(got[k], ref[k], rtol=1e-5, atol=1e-6, err_msg=k)


def _adan_numpy(init, grads, lr, betas, eps, weight_decay, no_prox):
    """Adan as the official implementation writes it (its betas are 1 - the paper's)."""
    b1, b2, b3 = (1.0 - b for b in betas)
    out = {}
    for k, p in init.items():
        p = p.astype(np.float64)
        m, v, n, prev = (np.zeros(p.shape) for _ in range(4))
        for t, g in enumerate(grads, start=1):
            g = g[k].astype(np.float64)
            diff = np.zeros_like(g) if t == 1 else g - prev
            m = b1 * m + (1 - b1) * g
            v = b2 * v + (1 - b2) * diff
            n = b3 * n + (1 - b3) * (g + b2 * diff) ** 2
            denom = np.sqrt(n / (1 - b3**t)) + eps
            u = (m / (1 - b1**t) + b2 * v / (1 - b2**t)) / denom
            wd = weight_decay
            p = p * (1 - lr * wd) - lr * u if no_prox else (p - lr * u) / (1 + lr * wd)
            prev = g
        out[k] = p
    return out


@pytest.mark.parametrize(
    "kwargs",
    [
        dict(lr=0.01, betas=(0.02, 0.08, 0.01), eps=1e-8, weight_decay=0.02, no_prox=False),
        dict(lr=0.05, betas=(0.1, 0.3, 0.2), eps=1e-3, weight_decay=0.1, no_prox=True),
        dict(lr=0.05, betas=(1.0, 0.5, 1.0), eps=0.0, weight_decay=0.0, no_prox=False),
    ],
    ids=["defaults", "no-prox", "beta-one"],
)
def test_adan_matches_numpy(kwargs):
    init, grads = _problem(3)
    got = _run_ours(lambda p: optim.Adan(train_vars=p, **kwargs), init, grads)
    ref = _adan_numpy(init, grads, **kwargs)
    for k in SHAPES:
        assert not np.allclose(ref[k], init[k])
        np.testing.assert_allclose(got[k], ref[k], rtol=1e-5, atol=1e-6, err_msg=k)


def test_adan_counts_steps_per_update_under_jit():
    # The bias corrections follow the update count inside one compiled function.
    init, grads = _problem(4)
    params = {k: bm.Variable(jnp.asarray(v)) for k, v in init.items()}
    opt = optim.Adan(0.02, params)
    step = bm.jit(lambda g: opt.update(g))
    for g in grads:
        step({k: jnp.asarray(v) for k, v in g.items()})
    ref = _adan_numpy(init, grads, 0.02, (0.02, 0.08, 0.01), 1e-8, 0.02, False)
    for k in SHAPES:
        np.testing.assert_allclose(params[k].value, ref[k], rtol=1e-5, atol=1e-6, err_msg=k)


# ---------------------------------------------------------------------------- jit training
def _regression(seed=0):
    rng = np.random.default_rng(seed)
    x = rng.normal(size=(64, 3)).astype(np.float32)
    w_true = np.array([[1.5], [-2.0], [0.5]], np.float32)
    y = x @ w_true + 0.3
    return jnp.asarray(x), jnp.asarray(y), w_true


def _trainer(make_opt, jit, seed=0):
    x, y, _ = _regression(seed)
    params = {"w": bm.Variable(jnp.zeros((3, 1))), "b": bm.Variable(jnp.zeros((1,)))}

    def loss():
        pred = x @ params["w"].value + params["b"].value
        return jnp.mean((pred - y) ** 2)

    grad_fn = bm.grad(loss, grad_vars=params, return_value=True)
    opt = make_opt(params)

    def step():
        grads, value = grad_fn()
        opt.update(grads)
        return value

    return params, opt, (bm.jit(step) if jit else step)


@pytest.mark.parametrize(
    "make_opt",
    [
        lambda p: optim.SGD(0.1, p),
        lambda p: optim.Momentum(0.05, p),
        lambda p: optim.RMSProp(0.01, p),
        lambda p: optim.Adam(0.05, p),
        lambda p: optim.AdamW(0.05, p, weight_decay=1e-4),
        lambda p: optim.Adadelta(1.0, p),
        lambda p: optim.LARS(0.5, p, tc=0.05),
        lambda p: optim.Adan(0.05, p),
    ],
    ids=["sgd", "momentum", "rmsprop", "adam", "adamw", "adadelta", "lars", "adan"],
)
def test_jit_step_equals_eager_and_carries_state(make_opt):
    p_eager, opt_eager, eager = _trainer(make_opt, jit=False)
    p_jit, opt_jit, jitted = _trainer(make_opt, jit=True)
    for _ in range(5):
        le, lj = eager(), jitted()
        np.testing.assert_allclose(np.asarray(lj), np.asarray(le), rtol=1e-5)
    assert int(opt_jit.step_count.value) == 5  # the count lives in a Variable jit wrote back
    for k in p_eager:
        np.testing.assert_allclose(p_jit[k].value, p_eager[k].value, rtol=1e-5, atol=1e-7)


def test_jitted_adam_converges_on_linear_regression():
    params, opt, step = _trainer(lambda p: optim.Adam(0.05, p), jit=True)
    _, _, w_true = _regression()
    first = float(step())
    for _ in range(400):
        last = float(step())
    assert last < 1e-4 * first
    np.testing.assert_allclose(params["w"].value, w_true, atol=1e-2)
    np.testing.assert_allclose(params["b"].value, [0.3], atol=1e-2)
    assert float(jnp.abs(opt.m2["w"].value).sum()) > 0


# ---------------------------------------------------------------------------- schedulers
EPOCH_CASES = [
    (
        lambda: optim.StepLR(0.1, step_size=3, gamma=0.5),
        lambda o: _t().optim.lr_scheduler.StepLR(o, step_size=3, gamma=0.5),
    ),
    (
        lambda: optim.MultiStepLR(0.1, milestones=[2, 5, 9]),
        lambda o: _t().optim.lr_scheduler.MultiStepLR(o, milestones=[2, 5, 9]),
    ),
    (
        lambda: optim.CosineAnnealingLR(0.1, T_max=15, eta_min=0.01),
        lambda o: _t().optim.lr_scheduler.CosineAnnealingLR(o, T_max=15, eta_min=0.01),
    ),
    (
        lambda: optim.ExponentialLR(0.1, gamma=0.8),
        lambda o: _t().optim.lr_scheduler.ExponentialLR(o, gamma=0.8),
    ),
]


@pytest.mark.parametrize(
    "ours, theirs", EPOCH_CASES, ids=["step", "multistep", "cosine", "exponential"]
)
def test_epoch_schedulers_match_torch(ours, theirs):
    torch = pytest.importorskip("torch")
    topt = torch.optim.SGD([torch.zeros(1, requires_grad=True)], lr=0.1)
    tsch = theirs(topt)
    sch = ours()
    for epoch in range(16):
        expected = tsch.get_last_lr()[0]
        assert float(sch()) == pytest.approx(expected, rel=1e-5), epoch
        assert float(sch(epoch)) == pytest.approx(expected, rel=1e-5), epoch
        topt.step()
        tsch.step()
        sch.step_epoch()


def test_call_schedulers_follow_documented_formulas():
    i = np.arange(30)
    cases = [
        (optim.ExponentialDecay(0.2, decay_steps=4, decay_rate=0.5), 0.2 * 0.5 ** (i / 4)),
        (optim.InverseTimeDecay(0.2, 5, 0.5), 0.2 / (1 + 0.5 * i / 5)),
        (optim.InverseTimeDecay(0.2, 5, 0.5, staircase=True), 0.2 / (1 + 0.5 * (i // 5))),
        (
            optim.PolynomialDecay(0.2, 10, 0.02, power=2.0),
            (0.2 - 0.02) * (1 - np.minimum(i, 10) / 10) ** 2 + 0.02,
        ),
        (
            optim.PiecewiseConstant([5, 12], [0.3, 0.2, 0.1]),
            np.where(i < 5, 0.3, np.where(i < 12, 0.2, 0.1)),
        ),
        (optim.Constant(0.2), np.full(30, 0.2)),
    ]
    for sch, expected in cases:
        got = []
        for _ in i:
            got.append(float(sch()))
            sch.step_call()
        np.testing.assert_allclose(got, expected, rtol=1e-6, err_msg=type(sch).__name__)
        np.testing.assert_allclose(sch(jnp.asarray(i)), expected, rtol=1e-6)


def test_exponential_decay_with_one_step_equals_torch_exponential_lr():
    torch = pytest.importorskip("torch")
    topt = torch.optim.SGD([torch.zeros(1, requires_grad=True)], lr=0.3)
    tsch = torch.optim.lr_scheduler.ExponentialLR(topt, gamma=0.9)
    sch = optim.ExponentialDecay(0.3, decay_steps=1, decay_rate=0.9)
    for k in range(10):
        assert float(sch(k)) == pytest.approx(tsch.get_last_lr()[0], rel=1e-5)
        topt.step()
        tsch.step()


def test_optimizer_advances_call_scheduler_inside_jit():
    w = bm.Variable(jnp.zeros(1))
    opt = optim.SGD(optim.ExponentialDecay(1.0, decay_steps=1, decay_rate=0.5), {"w": w})
    step = bm.jit(lambda: opt.update({"w": jnp.ones(1)}))
    for _ in range(3):
        step()
    np.testing.assert_allclose(w.value, [-(1 + 0.5 + 0.25)], rtol=1e-6)
    assert int(opt.lr.last_call.value) == 3


def test_epoch_scheduler_drives_optimizer_between_jitted_steps():
    w = bm.Variable(jnp.zeros(1))
    opt = optim.SGD(optim.StepLR(1.0, step_size=1, gamma=0.1), [w])
    step = bm.jit(lambda: opt.update([jnp.ones(1)]))
    step()
    opt.lr.step_epoch()
    step()
    np.testing.assert_allclose(w.value, [-1.1], rtol=1e-6)


def test_float_lr_becomes_constant_and_scheduler_is_kept():
    sch = optim.StepLR(0.1, 2)
    assert optim.SGD(sch).lr is sch
    assert isinstance(optim.Adam(0.01).lr, optim.Constant)


# ---------------------------------------------------------------------------- registration
def test_register_list_dict_and_partial_grads():
    a, b = bm.Variable(jnp.ones(2)), bm.Variable(jnp.ones(3))
    opt = optim.SGD(0.5, [a])
    opt.register_train_vars([b])
    opt.register_train_vars([a][:0])
    assert list(opt.vars_to_train) == [0, 1]
    opt.update([jnp.ones(2), jnp.ones(3)])
    opt.update({1: jnp.ones(3)})  # a gradient-less Variable is left alone
    np.testing.assert_allclose(a.value, [0.5, 0.5])
    np.testing.assert_allclose(b.value, [0.0, 0.0, 0.0])
    named = optim.Adam(0.1, name="adam")
    named.register_train_vars({"a": a})
    named.register_train_vars({"a": a})  # the same Variable again: no-op
    assert named.name == "adam" and set(named.m1) == {"a"}


# ---------------------------------------------------------------------------- errors
@pytest.mark.parametrize(
    "build, exc, word",
    [
        (lambda: optim.SGD(-0.1), ValueError, "lr"),
        (lambda: optim.Adam(float("nan")), ValueError, "lr"),
        (lambda: optim.Adam("fast"), TypeError, "lr"),
        (lambda: optim.Adam(0.1, beta1=1.0), ValueError, "beta1"),
        (lambda: optim.Adam(0.1, beta2=-0.1), ValueError, "beta2"),
        (lambda: optim.AdamW(0.1, beta2=1.5), ValueError, "beta2"),
        (lambda: optim.Adam(0.1, eps=-1.0), ValueError, "eps"),
        (lambda: optim.Momentum(0.1, momentum=1.0), ValueError, "momentum"),
        (lambda: optim.RMSProp(0.1, rho=1.2), ValueError, "rho"),
        (lambda: optim.Adagrad(0.1, epsilon=-1e-3), ValueError, "epsilon"),
        (lambda: optim.SGD(0.1, weight_decay=-0.5), ValueError, "weight_decay"),
        (lambda: optim.AdamW(0.1, weight_decay=None), ValueError, "weight_decay"),
        (lambda: optim.SGD(0.1, train_vars={"w": jnp.ones(2)}), TypeError, "train_vars"),
        (lambda: optim.SGD(0.1, train_vars=jnp.ones(2)), TypeError, "train_vars"),
        (lambda: optim.StepLR(0.1, step_size=0), ValueError, "step_size"),
        (lambda: optim.MultiStepLR(0.1, milestones=[5, 2]), ValueError, "milestones"),
        (lambda: optim.CosineAnnealingLR(0.1, T_max=-1), ValueError, "T_max"),
        (lambda: optim.ExponentialDecay(0.1, 0, 0.5), ValueError, "decay_steps"),
        (lambda: optim.PiecewiseConstant([1, 2], [0.1]), ValueError, "values"),
        (lambda: optim.StepLR(-1.0, 2), ValueError, "lr"),
        (lambda: optim.Adadelta(rho=1.0), ValueError, "rho"),
        (lambda: optim.Adadelta(epsilon=-1e-6), ValueError, "epsilon"),
        (lambda: optim.Adadelta(-1.0), ValueError, "lr"),
        (lambda: optim.LARS(0.1, momentum=-0.1), ValueError, "momentum"),
        (lambda: optim.LARS(0.1, weight_decay=None), ValueError, "weight_decay"),
        (lambda: optim.LARS(0.1, tc=-1e-3), ValueError, "tc"),
        (lambda: optim.LARS(0.1, eps=float("inf")), ValueError, "eps"),
        (lambda: optim.Adan(betas=(0.9, 0.9)), ValueError, "betas"),
        (lambda: optim.Adan(betas=(0.0, 0.08, 0.01)), ValueError, r"betas.*\(0, 1\]"),
        (lambda: optim.Adan(betas=(0.02, 1.5, 0.01)), ValueError, "betas"),
        (lambda: optim.Adan(betas="abc"), ValueError, "betas"),
        (lambda: optim.Adan(eps=-1.0), ValueError, "eps"),
        (lambda: optim.Adan(weight_decay=-0.1), ValueError, "weight_decay"),
    ],
)
def test_bad_arguments_name_the_argument(build, exc, word):
    with pytest.raises(exc, match=word):
        build()


def test_bad_grads_name_the_key():
    opt = optim.Adam(0.1, {"w": bm.Variable(jnp.ones(2))})
    with pytest.raises(KeyError, match="'c'"):
        opt.update({"w": jnp.ones(2), "c": jnp.ones(2)})
    with pytest.raises(ValueError, match=r"grads\['w'\].*\(3,\)"):
        opt.update({"w": jnp.ones(3)})
    with pytest.raises(ValueError, match="grads has 2 entries"):
        opt.update([jnp.ones(2), jnp.ones(2)])
    with pytest.raises(ValueError, match="already registered"):
        opt.register_train_vars({"w": bm.Variable(jnp.ones(2))})
    assert int(opt.step_count.value) == 0  # nothing was applied


def test_public_names():
    assert "optimizers" in bm.__all__ and bm.optimizers is optim
    assert sorted(optim.__all__) == sorted(
        [
            "Adadelta", "Adagrad", "Adam", "AdamW", "Adan", "Constant", "CosineAnnealingLR",
            "CosineAnnealingWarmRestarts", "ExponentialDecay", "ExponentialLR", "InverseTimeDecay", "LARS", "Momentum",
            "MomentumNesterov", "MultiStepLR",
            "Optimizer", "PiecewiseConstant", "PolynomialDecay", "RMSProp", "SGD", "Scheduler",
            "StepLR", "make_schedule",
        ]
    )  # fmt: skip
    for name in optim.__all__:
        assert getattr(optim, name).__module__ == "brainpy_math.optimizers", name
    assert math.isclose(float(optim.make_schedule(0.25)()), 0.25)
