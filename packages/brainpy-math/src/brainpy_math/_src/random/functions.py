"""The module-level samplers: ``bm.random.normal(...)`` is ``DEFAULT.normal(...)``.

Each function draws from the global generator :data:`DEFAULT` (so it advances it, also
inside ``bm.jit`` and ``bm.for_loop``), has the signature of the
:class:`~brainpy_math.random.RandomState` method of the same name, and takes its
docstring, with the examples rewritten to use the module functions.
"""

from __future__ import annotations

import inspect
import re
from collections.abc import Callable
from typing import Any, TypeVar

from brainpy_math._src.array import Array
from brainpy_math._src.public_path import set_module
from brainpy_math._src.random._utils import ArrayLike, Size
from brainpy_math._src.random.state import DEFAULT, RandomState

_F = TypeVar("_F", bound=Callable[..., Any])

_SEEDED = re.compile(r"rng = bm\.random\.RandomState\((\d+)\)")


def _module_doc(name: str, method_doc: str) -> str:
    """The method's docstring, adapted to the module-level function ``name``."""
    summary, _, rest = inspect.cleandoc(method_doc).partition("\n")
    head, sep, examples = rest.lstrip("\n").partition("Examples:\n")
    examples = _SEEDED.sub(r"bm.random.seed(\1)", examples).replace("rng.", "bm.random.")
    note = (
        f"Draws from the global generator ``DEFAULT``: the same as ``DEFAULT.{name}(...)`` "
        f"(see :meth:`RandomState.{name}`)."
    )
    body = head + sep + examples
    return f"{summary}\n\n{note}" + (f"\n\n{body}" if body else "")


def _draws_from_default(fn: _F) -> _F:
    """Give ``fn`` the public module and the docstring of its ``RandomState`` method."""
    method = getattr(RandomState, fn.__name__)
    fn.__doc__ = _module_doc(fn.__name__, method.__doc__ or "")
    return set_module("brainpy_math.random")(fn)


@_draws_from_default
def random(size: Size = None, key: Any = None) -> Any:
    return DEFAULT.random(size, key=key)


@_draws_from_default
def random_sample(size: Size = None, key: Any = None) -> Any:
    return DEFAULT.random_sample(size, key=key)


@_draws_from_default
def ranf(size: Size = None, key: Any = None) -> Any:
    return DEFAULT.ranf(size, key=key)


@_draws_from_default
def sample(size: Size = None, key: Any = None) -> Any:
    return DEFAULT.sample(size, key=key)


@_draws_from_default
def rand(*dn: int, key: Any = None) -> Any:
    return DEFAULT.rand(*dn, key=key)


@_draws_from_default
def uniform(low: ArrayLike = 0.0, high: ArrayLike = 1.0, size: Size = None, key: Any = None) -> Any:
    return DEFAULT.uniform(low, high, size, key=key)


@_draws_from_default
def randint(
    low: ArrayLike,
    high: ArrayLike | None = None,
    size: Size = None,
    dtype: Any = int,
    key: Any = None,
) -> Any:
    return DEFAULT.randint(low, high, size, dtype, key=key)


@_draws_from_default
def random_integers(
    low: ArrayLike, high: ArrayLike | None = None, size: Size = None, key: Any = None
) -> Any:
    return DEFAULT.random_integers(low, high, size, key=key)


@_draws_from_default
def choice(
    a: ArrayLike,
    size: Size = None,
    replace: bool = True,
    p: ArrayLike | None = None,
    key: Any = None,
) -> Any:
    return DEFAULT.choice(a, size, replace, p, key=key)


@_draws_from_default
def permutation(x: ArrayLike, axis: int = 0, independent: bool = False, key: Any = None) -> Any:
    return DEFAULT.permutation(x, axis, independent, key=key)


@_draws_from_default
def shuffle(x: Array, axis: int = 0, key: Any = None) -> None:
    DEFAULT.shuffle(x, axis, key=key)


@_draws_from_default
def rand_like(input: ArrayLike, *, dtype: Any = None, key: Any = None) -> Any:
    return DEFAULT.rand_like(input, dtype=dtype, key=key)


@_draws_from_default
def randint_like(
    input: ArrayLike,
    low: ArrayLike = 0,
    high: ArrayLike | None = None,
    *,
    dtype: Any = None,
    key: Any = None,
) -> Any:
    return DEFAULT.randint_like(input, low, high, dtype=dtype, key=key)


@_draws_from_default
def standard_normal(size: Size = None, key: Any = None) -> Any:
    return DEFAULT.standard_normal(size, key=key)


@_draws_from_default
def randn(*dn: int, key: Any = None) -> Any:
    return DEFAULT.randn(*dn, key=key)


@_draws_from_default
def randn_like(input: ArrayLike, *, dtype: Any = None, key: Any = None) -> Any:
    return DEFAULT.randn_like(input, dtype=dtype, key=key)


@_draws_from_default
def normal(loc: ArrayLike = 0.0, scale: ArrayLike = 1.0, size: Size = None, key: Any = None) -> Any:
    return DEFAULT.normal(loc, scale, size, key=key)


@_draws_from_default
def lognormal(
    mean: ArrayLike = 0.0, sigma: ArrayLike = 1.0, size: Size = None, key: Any = None
) -> Any:
    return DEFAULT.lognormal(mean, sigma, size, key=key)


@_draws_from_default
def truncated_normal(
    lower: ArrayLike,
    upper: ArrayLike,
    size: Size = None,
    scale: ArrayLike | None = None,
    key: Any = None,
    *,
    loc: ArrayLike = 0.0,
) -> Any:
    return DEFAULT.truncated_normal(lower, upper, size, scale, key, loc=loc)


@_draws_from_default
def multivariate_normal(
    mean: ArrayLike, cov: ArrayLike, size: Size = None, method: str = "cholesky", key: Any = None
) -> Any:
    return DEFAULT.multivariate_normal(mean, cov, size, method, key=key)


@_draws_from_default
def orthogonal(n: int, size: Size = None, key: Any = None) -> Any:
    return DEFAULT.orthogonal(n, size, key=key)


@_draws_from_default
def standard_exponential(size: Size = None, key: Any = None) -> Any:
    return DEFAULT.standard_exponential(size, key=key)


@_draws_from_default
def exponential(scale: ArrayLike = 1.0, size: Size = None, key: Any = None) -> Any:
    return DEFAULT.exponential(scale, size, key=key)


@_draws_from_default
def standard_gamma(shape: ArrayLike, size: Size = None, key: Any = None) -> Any:
    return DEFAULT.standard_gamma(shape, size, key=key)


@_draws_from_default
def gamma(shape: ArrayLike, scale: ArrayLike = 1.0, size: Size = None, key: Any = None) -> Any:
    return DEFAULT.gamma(shape, scale, size, key=key)


@_draws_from_default
def beta(a: ArrayLike, b: ArrayLike, size: Size = None, key: Any = None) -> Any:
    return DEFAULT.beta(a, b, size, key=key)


@_draws_from_default
def chisquare(df: ArrayLike, size: Size = None, key: Any = None) -> Any:
    return DEFAULT.chisquare(df, size, key=key)


@_draws_from_default
def noncentral_chisquare(df: ArrayLike, nonc: ArrayLike, size: Size = None, key: Any = None) -> Any:
    return DEFAULT.noncentral_chisquare(df, nonc, size, key=key)


@_draws_from_default
def f(dfnum: ArrayLike, dfden: ArrayLike, size: Size = None, key: Any = None) -> Any:
    return DEFAULT.f(dfnum, dfden, size, key=key)


@_draws_from_default
def noncentral_f(
    dfnum: ArrayLike, dfden: ArrayLike, nonc: ArrayLike, size: Size = None, key: Any = None
) -> Any:
    return DEFAULT.noncentral_f(dfnum, dfden, nonc, size, key=key)


@_draws_from_default
def standard_t(df: ArrayLike, size: Size = None, key: Any = None) -> Any:
    return DEFAULT.standard_t(df, size, key=key)


@_draws_from_default
def t(df: ArrayLike, size: Size = None, key: Any = None) -> Any:
    return DEFAULT.t(df, size, key=key)


@_draws_from_default
def loggamma(a: ArrayLike, size: Size = None, key: Any = None) -> Any:
    return DEFAULT.loggamma(a, size, key=key)


@_draws_from_default
def dirichlet(alpha: ArrayLike, size: Size = None, key: Any = None) -> Any:
    return DEFAULT.dirichlet(alpha, size, key=key)


@_draws_from_default
def standard_cauchy(size: Size = None, key: Any = None) -> Any:
    return DEFAULT.standard_cauchy(size, key=key)


@_draws_from_default
def gumbel(loc: ArrayLike = 0.0, scale: ArrayLike = 1.0, size: Size = None, key: Any = None) -> Any:
    return DEFAULT.gumbel(loc, scale, size, key=key)


@_draws_from_default
def laplace(
    loc: ArrayLike = 0.0, scale: ArrayLike = 1.0, size: Size = None, key: Any = None
) -> Any:
    return DEFAULT.laplace(loc, scale, size, key=key)


@_draws_from_default
def logistic(
    loc: ArrayLike = 0.0, scale: ArrayLike = 1.0, size: Size = None, key: Any = None
) -> Any:
    return DEFAULT.logistic(loc, scale, size, key=key)


@_draws_from_default
def rayleigh(scale: ArrayLike = 1.0, size: Size = None, key: Any = None) -> Any:
    return DEFAULT.rayleigh(scale, size, key=key)


@_draws_from_default
def maxwell(size: Size = None, key: Any = None) -> Any:
    return DEFAULT.maxwell(size, key=key)


@_draws_from_default
def pareto(a: ArrayLike, size: Size = None, key: Any = None) -> Any:
    return DEFAULT.pareto(a, size, key=key)


@_draws_from_default
def power(a: ArrayLike, size: Size = None, key: Any = None) -> Any:
    return DEFAULT.power(a, size, key=key)


@_draws_from_default
def weibull(a: ArrayLike, size: Size = None, key: Any = None) -> Any:
    return DEFAULT.weibull(a, size, key=key)


@_draws_from_default
def weibull_min(a: ArrayLike, scale: ArrayLike = 1.0, size: Size = None, key: Any = None) -> Any:
    return DEFAULT.weibull_min(a, scale, size, key=key)


@_draws_from_default
def triangular(
    left: ArrayLike | Size = None,
    mode: ArrayLike | None = None,
    right: ArrayLike | None = None,
    size: Size = None,
    key: Any = None,
) -> Any:
    return DEFAULT.triangular(left, mode, right, size, key=key)


@_draws_from_default
def wald(mean: ArrayLike, scale: ArrayLike, size: Size = None, key: Any = None) -> Any:
    return DEFAULT.wald(mean, scale, size, key=key)


@_draws_from_default
def bernoulli(p: ArrayLike = 0.5, size: Size = None, key: Any = None) -> Any:
    return DEFAULT.bernoulli(p, size, key=key)


@_draws_from_default
def binomial(n: ArrayLike, p: ArrayLike, size: Size = None, key: Any = None) -> Any:
    return DEFAULT.binomial(n, p, size, key=key)


@_draws_from_default
def poisson(lam: ArrayLike = 1.0, size: Size = None, key: Any = None) -> Any:
    return DEFAULT.poisson(lam, size, key=key)


@_draws_from_default
def geometric(p: ArrayLike, size: Size = None, key: Any = None) -> Any:
    return DEFAULT.geometric(p, size, key=key)


@_draws_from_default
def negative_binomial(n: ArrayLike, p: ArrayLike, size: Size = None, key: Any = None) -> Any:
    return DEFAULT.negative_binomial(n, p, size, key=key)


@_draws_from_default
def multinomial(n: ArrayLike, pvals: ArrayLike, size: Size = None, key: Any = None) -> Any:
    return DEFAULT.multinomial(n, pvals, size, key=key)


@_draws_from_default
def categorical(logits: ArrayLike, axis: int = -1, size: Size = None, key: Any = None) -> Any:
    return DEFAULT.categorical(logits, axis, size, key=key)


@_draws_from_default
def vonmises(mu: ArrayLike, kappa: ArrayLike, size: Size = None, key: Any = None) -> Any:
    return DEFAULT.vonmises(mu, kappa, size, key=key)


@_draws_from_default
def zipf(a: ArrayLike, size: Size = None, key: Any = None) -> Any:
    return DEFAULT.zipf(a, size, key=key)


@_draws_from_default
def logseries(p: ArrayLike, size: Size = None, key: Any = None) -> Any:
    return DEFAULT.logseries(p, size, key=key)


@_draws_from_default
def hypergeometric(
    ngood: ArrayLike, nbad: ArrayLike, nsample: ArrayLike, size: Size = None, key: Any = None
) -> Any:
    return DEFAULT.hypergeometric(ngood, nbad, nsample, size, key=key)
