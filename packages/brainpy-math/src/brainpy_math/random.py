"""Random numbers: ``RandomState`` generators and NumPy-named samplers.

BrainPy's :mod:`brainpy.math.random`. A :class:`RandomState` is a
:class:`~brainpy_math.Variable` holding a JAX PRNG key, so ``bm.jit``, ``bm.for_loop`` and
the other transformations advance it by themselves. The module-level functions
(``normal``, ``uniform``, ``randint`` …) draw from the global generator :data:`DEFAULT`;
:func:`seed` re-seeds it together with NumPy's global generator.

Examples:
  >>> import brainpy_math as bm
  >>> bm.random.seed(0)
  >>> bm.random.normal(0., 1., (2, 3)).shape
  (2, 3)
"""

from brainpy_math._src.random.functions import bernoulli as bernoulli
from brainpy_math._src.random.functions import beta as beta
from brainpy_math._src.random.functions import binomial as binomial
from brainpy_math._src.random.functions import categorical as categorical
from brainpy_math._src.random.functions import chisquare as chisquare
from brainpy_math._src.random.functions import choice as choice
from brainpy_math._src.random.functions import dirichlet as dirichlet
from brainpy_math._src.random.functions import exponential as exponential
from brainpy_math._src.random.functions import f as f
from brainpy_math._src.random.functions import gamma as gamma
from brainpy_math._src.random.functions import geometric as geometric
from brainpy_math._src.random.functions import gumbel as gumbel
from brainpy_math._src.random.functions import hypergeometric as hypergeometric
from brainpy_math._src.random.functions import laplace as laplace
from brainpy_math._src.random.functions import loggamma as loggamma
from brainpy_math._src.random.functions import logistic as logistic
from brainpy_math._src.random.functions import lognormal as lognormal
from brainpy_math._src.random.functions import logseries as logseries
from brainpy_math._src.random.functions import maxwell as maxwell
from brainpy_math._src.random.functions import multinomial as multinomial
from brainpy_math._src.random.functions import multivariate_normal as multivariate_normal
from brainpy_math._src.random.functions import negative_binomial as negative_binomial
from brainpy_math._src.random.functions import noncentral_chisquare as noncentral_chisquare
from brainpy_math._src.random.functions import noncentral_f as noncentral_f
from brainpy_math._src.random.functions import normal as normal
from brainpy_math._src.random.functions import orthogonal as orthogonal
from brainpy_math._src.random.functions import pareto as pareto
from brainpy_math._src.random.functions import permutation as permutation
from brainpy_math._src.random.functions import poisson as poisson
from brainpy_math._src.random.functions import power as power
from brainpy_math._src.random.functions import rand as rand
from brainpy_math._src.random.functions import rand_like as rand_like
from brainpy_math._src.random.functions import randint as randint
from brainpy_math._src.random.functions import randint_like as randint_like
from brainpy_math._src.random.functions import randn as randn
from brainpy_math._src.random.functions import randn_like as randn_like
from brainpy_math._src.random.functions import random as random
from brainpy_math._src.random.functions import random_integers as random_integers
from brainpy_math._src.random.functions import random_sample as random_sample
from brainpy_math._src.random.functions import ranf as ranf
from brainpy_math._src.random.functions import rayleigh as rayleigh
from brainpy_math._src.random.functions import sample as sample
from brainpy_math._src.random.functions import shuffle as shuffle
from brainpy_math._src.random.functions import standard_cauchy as standard_cauchy
from brainpy_math._src.random.functions import standard_exponential as standard_exponential
from brainpy_math._src.random.functions import standard_gamma as standard_gamma
from brainpy_math._src.random.functions import standard_normal as standard_normal
from brainpy_math._src.random.functions import standard_t as standard_t
from brainpy_math._src.random.functions import t as t
from brainpy_math._src.random.functions import triangular as triangular
from brainpy_math._src.random.functions import truncated_normal as truncated_normal
from brainpy_math._src.random.functions import uniform as uniform
from brainpy_math._src.random.functions import vonmises as vonmises
from brainpy_math._src.random.functions import wald as wald
from brainpy_math._src.random.functions import weibull as weibull
from brainpy_math._src.random.functions import weibull_min as weibull_min
from brainpy_math._src.random.functions import zipf as zipf
from brainpy_math._src.random.state import DEFAULT as DEFAULT
from brainpy_math._src.random.state import Generator as Generator
from brainpy_math._src.random.state import RandomState as RandomState
from brainpy_math._src.random.state import default_rng as default_rng
from brainpy_math._src.random.state import seed as seed
from brainpy_math._src.random.state import split_key as split_key
from brainpy_math._src.random.state import split_keys as split_keys

__all__ = [
    "DEFAULT",
    "Generator",
    "RandomState",
    "bernoulli",
    "beta",
    "binomial",
    "categorical",
    "chisquare",
    "choice",
    "default_rng",
    "dirichlet",
    "exponential",
    "f",
    "gamma",
    "geometric",
    "gumbel",
    "hypergeometric",
    "laplace",
    "loggamma",
    "logistic",
    "lognormal",
    "logseries",
    "maxwell",
    "multinomial",
    "multivariate_normal",
    "negative_binomial",
    "noncentral_chisquare",
    "noncentral_f",
    "normal",
    "orthogonal",
    "pareto",
    "permutation",
    "poisson",
    "power",
    "rand",
    "rand_like",
    "randint",
    "randint_like",
    "randn",
    "randn_like",
    "random",
    "random_integers",
    "random_sample",
    "ranf",
    "rayleigh",
    "sample",
    "seed",
    "shuffle",
    "split_key",
    "split_keys",
    "standard_cauchy",
    "standard_exponential",
    "standard_gamma",
    "standard_normal",
    "standard_t",
    "t",
    "triangular",
    "truncated_normal",
    "uniform",
    "vonmises",
    "wald",
    "weibull",
    "weibull_min",
    "zipf",
]
