"""brainpy_dyn.tools: 2.3.5's helper functions."""

from __future__ import annotations

import time

import jax.numpy as jnp
import numpy as np
import pytest

import brainpy_math as bm
from brainpy_dyn import check, tools
from brainpy_dyn.tools import checking


def test_dotdict_items_attributes_and_helpers():
    d = tools.DotDict({"a": 1}, b=2)
    d.c = jnp.ones(2)
    assert d.a == 1 and d["c"] is d.c
    d.add_attr_not_key("meta")
    d.meta = "not an item"
    assert set(d.keys()) == {"a", "b", "c"} and d.meta == "not an item"
    c = d.copy()
    assert isinstance(c, tools.DotDict) and c.meta == "not an item" and dict(c) == dict(d)
    assert d.update(e=5) is d and d.e == 5
    assert d.subset(int) == {"a": 1, "b": 2, "e": 5}
    shared = [0]
    assert list(tools.DotDict(x=shared, y=shared, z=[0]).unique()) == ["x", "z"]
    d.to_numpy()
    assert isinstance(d.c, np.ndarray) and d.a == 1
    del d.a
    with pytest.raises(AttributeError, match="no item or attribute 'a'"):
        _ = d.a
    assert (tools.DotDict(a=1) + {"b": 2}) == {"a": 1, "b": 2}


def test_sizes():
    assert tools.size2num((2, 3, 4)) == 24 and tools.size2num(5) == 5
    assert (
        tools.to_size(3) == (3,) and tools.to_size((1, 2)) == (1, 2) and tools.to_size(None) is None
    )
    with pytest.raises(ValueError, match="to_size: x must be None, an int or a sequence of ints"):
        tools.to_size("a")
    assert tools.replicate(2, 3, "k") == (2, 2, 2)
    assert tools.replicate([1, 2, 3], 3, "k") == (1, 2, 3)
    assert tools.replicate([4], 2, "k") == (4, 4)
    with pytest.raises(TypeError, match="k must be a scalar or a sequence of length 1 or 3"):
        tools.replicate((1, 2), 3, "k")


def test_code_strings():
    assert tools.indent("a\n b", 2, spaces_per_tab=2) == "    a\n     b"
    assert tools.deindent("    a\n      b\n    c") == "a\n  b\nc"
    assert tools.deindent("    a\n        b", num_tabs=1) == "a\n    b"
    assert (
        tools.deindent("Summary.\n    body\n      more", docstring=True) == "Summary.\nbody\n  more"
    )
    assert tools.get_identifiers("a + b.c * exp(-d) if e else 3") == {"a", "b.c", "exp", "d", "e"}
    assert tools.get_identifiers("x * 1e-3 + 2", include_numbers=True) == {"x", "1e-3", "2"}
    assert tools.word_replace("v + v2 + self.v + v", {"v": "V"}) == "V + v2 + self.v + V"
    assert tools.word_replace("self.v", {"v": "V"}, exclude_dot=False) == "self.V"
    assert tools.is_lambda_function(lambda: 0) and not tools.is_lambda_function(test_sizes)

    def dv(v, t, tau=10.0):
        """The leak."""
        out = -v / tau
        return out

    assert tools.get_main_code(dv) == "out = -v / tau\nreturn out"
    assert tools.get_func_source(dv).startswith("def dv(v, t, tau=10.0):")
    f = tools.code_lines_to_func(["z = a + b", "return z * k"], "f", "a, b", {"k": 10})
    assert f(1, 2) == 30
    with pytest.raises(ValueError, match="(?s)does not compile.*return \\+\ncheck the equations"):
        tools.code_lines_to_func(["return +"], "g", [], {}, remind="check the equations")
    g = tools.change_func_name(lambda x: x, "renamed")
    assert g.__name__ == "renamed"


def test_names_and_seeds():
    a = tools.get_unique_name("Neuron")
    b = tools.get_unique_name("Neuron")
    assert a.startswith("Neuron") and a != b
    keep = bm.BrainPyObject(name="tools_test_name")
    tools.check_name_uniqueness("tools_test_name", keep)  # its own name is fine
    with pytest.raises(ValueError, match="already used"):
        tools.check_name_uniqueness("tools_test_name", object())
    tools.check_name_uniqueness("tools_free_name", object())
    assert tools.format_seed(3) == 3 and isinstance(tools.format_seed(), int)
    with pytest.raises(TypeError, match="seed must be an int or None"):
        tools.format_seed(1.5)


def test_decorators_and_numba_stand_ins():
    @tools.copy_doc(tools.size2num)
    def f():
        pass

    assert f.__doc__ == tools.size2num.__doc__
    marked = tools.not_customized(lambda self: None)
    assert marked.not_customized and marked.not_implemented

    @tools.numba_jit
    def add(a, b):
        return a + b

    @tools.numba_jit(nopython=True, parallel=True)
    def total(n):
        s = 0
        for i in tools.numba_range(n):
            s += i
        return s

    assert add(1, 2) == 3 and total(4) == 6
    tools.numba_seed(1)
    x = np.random.rand()  # noqa: NPY002 - numba_seed seeds the global generator
    tools.numba_seed(1)
    assert np.random.rand() == x  # noqa: NPY002


def test_timeout_and_progress_bar():
    @tools.timeout(0.05)
    def slow():
        time.sleep(2)

    @tools.timeout(5)
    def fast():
        return 1

    with pytest.raises(TimeoutError, match="slow did not finish within 0.05 s"):
        slow()
    assert fast() == 1
    bar = tools.init_progress_bar(5.0, 0.1, message="run")
    assert bar.total == 50
    bar.update(50)
    bar.close()


def test_checking_module_keeps_the_old_names():
    assert checking.check_float is check.is_float
    assert checking.check_shape_consistency is check.is_shape_consistency
    assert checking.serialize_kwargs is check.serialize_kwargs
    assert tools.checking is checking
    assert "check_integer" in checking.__all__
