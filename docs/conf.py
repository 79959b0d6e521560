"""Sphinx configuration: one site for the five brainpy distributions.

The site documents the installed wheels (the ``docs`` nox session installs them); only the
site's own extension comes from this folder. There is no intersphinx: the build must work
without network access, so references into other libraries render as plain text.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import brainpy

sys.path.insert(0, str(Path(__file__).parent / "_ext"))

project = "brainpy"
author = "brainpy developers"
copyright = "2026, brainpy developers"
release = version = brainpy.__version__

extensions = [
    "sphinx.ext.autodoc",
    "sphinx.ext.autosummary",
    "sphinx.ext.napoleon",
    "myst_nb",  # MyST markdown, and the user guide's pages as notebooks run at build time
    "public_api",
]
source_suffix = {".rst": "restructuredtext", ".md": "myst-nb"}
exclude_patterns = ["_build", "jupyter_execute", ".jupyter_cache"]
nitpicky = True

# Google-style docstrings only.
napoleon_google_docstring = True
napoleon_numpy_docstring = False
napoleon_use_rtype = False
napoleon_use_ivar = True  # "Attributes:" as fields, so autodoc members are not described twice

autodoc_member_order = "bysource"
autodoc_typehints_format = "short"
autosummary_generate = False  # the public-api directive writes the entries itself

# No intersphinx (no network at build time): references to the standard library and third-party
# packages cannot resolve, so they are not reported. References into this project must resolve.
_EXTERNAL = sorted(
    set(sys.stdlib_module_names)
    | {"jax", "jaxlib", "jnp", "numpy", "np", "torch", "msgpack", "matplotlib", "tqdm"}
    | {"ml_dtypes", "optree", "typing_extensions", "ArrayLike", "DTypeLike"}
    | {"scipy", "tf", "tensorflow", "brian2", "flax", "optax", "orbax", "brainpy2"}
)
_BUILTINS = ("dict", "list", "tuple", "set", "frozenset", "str", "bytes", "object", "type")
nitpick_ignore_regex = [(r"py:.*", rf"({'|'.join(_EXTERNAL + sorted(_BUILTINS))})(\..*)?")]

myst_heading_anchors = 3

# The user guide: MyST notebooks (``.md`` files with a ``kernelspec`` header) executed at build
# time, headless, with their figures; a failing cell fails the build. Results are cached by
# cell content in the build folder, so an unchanged page is not run again.
# The kernels draw with matplotlib-inline: headless (Agg underneath) and each figure is kept
# as the cell's PNG output. A plain ``MPLBACKEND=Agg`` would drop the figures.
os.environ["MPLBACKEND"] = "module://matplotlib_inline.backend_inline"
nb_execution_mode = "cache"
nb_execution_raise_on_error = True
nb_execution_show_tb = True
nb_execution_timeout = 600
nb_merge_streams = True

html_theme = "furo"
html_title = f"brainpy {release}"
html_static_path: list[str] = []
