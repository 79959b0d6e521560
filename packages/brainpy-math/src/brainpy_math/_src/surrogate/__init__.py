"""Surrogate-gradient spike functions, by family (public names: :mod:`brainpy_math.surrogate`).

* ``_core``: the ``custom_jvp`` machinery and argument checks shared by all of them;
* ``smooth_steps``: sigmoid-like steps (``sigmoid``, ``soft_sign``, ``arctan``, ``erf`` …);
* ``piecewise``: piecewise quadratic, exponential and linear surrogates, leaky ReLUs, logs;
* ``slope_only``: surrogates given by their gradient alone (``inv_square_grad``, Gaussians …);
* ``two_inputs``: threshold-crossing spikes of two arguments (``inv_square_grad2`` …);
* ``legacy``: the deprecated ``spike_with_*_grad`` functions of ``brainpy_math``.
"""
