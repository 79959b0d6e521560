"""Connectors of ``brainpy_dyn.conn``: every format is the same network; sizes; grids; errors."""

from __future__ import annotations

import itertools

import jax
import jax.numpy as jnp
import numpy as np
import pytest

from brainpy_dyn import conn
from brainpy_dyn.errors import DynError

ALL_STRUCTURES = conn.SUPPORTED_SYN_STRUCTURE


def _connectors():
    rng = np.random.default_rng(0)
    mat = rng.random((6, 9)) < 0.3
    i, j = np.nonzero(mat)
    perm = rng.permutation(i.size)
    return {
        "one2one": conn.One2One(pre=5, post=5),
        "one2one_tuple": conn.One2One(pre=(2, 3), post=6),
        "all2all": conn.All2All(pre=4, post=6),
        "all2all_noself": conn.All2All(include_self=False, pre=5, post=5),
        "all2all_noself_rect": conn.All2All(include_self=False, pre=3, post=5),
        "grid4": conn.GridFour(pre=(3, 4)),
        "grid4_periodic": conn.GridFour(periodic_boundary=True, pre=(3, 4)),
        "grid8": conn.GridEight(include_self=True, pre=(4, 5)),
        "gridn2": conn.GridN(N=2, periodic_boundary=True, pre=(5, 6)),
        "prob": conn.FixedProb(0.1, seed=1, pre=30, post=40),
        "prob_tuple": conn.FixedProb(0.2, seed=2, pre=(5, 6), post=(4, 5)),
        "prob_ratio": conn.FixedProb(0.3, pre_ratio=0.5, seed=3, pre=20, post=20),
        "prob_noself": conn.FixedProb(0.5, include_self=False, seed=4, pre=20, post=20),
        "prob_dense": conn.FixedProb(0.6, seed=5, pre=20, post=30),
        "post_num": conn.FixedPostNum(7, seed=6, pre=15, post=25),
        "post_num_noself": conn.FixedPostNum(7, include_self=False, seed=6, pre=15, post=15),
        "pre_num": conn.FixedPreNum(4, seed=7, pre=12, post=18),
        "pre_num_noself": conn.FixedPreNum(0.5, include_self=False, seed=7, pre=12, post=12),
        "total": conn.FixedTotalNum(100, seed=8, pre=20, post=30),
        "mat": conn.MatConn(mat),
        "ij": conn.IJConn(i[perm], j[perm], pre=6, post=9),
        "csr": conn.CSRConn(*conn.mat2csr(mat), post=9),
        "empty": conn.FixedProb(0.0, seed=1, pre=4, post=5),
    }


CONNECTORS = _connectors()


def _dense_from_coo(pre, post, shape):
    m = np.zeros(shape, dtype=bool)
    m[np.asarray(pre), np.asarray(post)] = True
    return m


def check_consistent(c):
    """All structures of ``c`` describe one network (without repeated pairs)."""
    out = dict(zip(ALL_STRUCTURES, c.require(*ALL_STRUCTURES)))
    shape = (c.pre_num, c.post_num)
    mat = np.asarray(out["conn_mat"])
    assert mat.dtype == bool and mat.shape == shape
    for name, value in out.items():
        for a in value if isinstance(value, tuple) else (value,):
            assert isinstance(a, jax.Array)
            if name != "conn_mat":
                assert a.dtype == jnp.int32, name
    indices, indptr = (np.asarray(a) for a in out["csr"])
    assert indptr.shape == (c.pre_num + 1,) and indptr[0] == 0 and indptr[-1] == indices.size
    for r in range(c.pre_num):  # sorted, distinct within rows
        assert np.all(np.diff(indices[indptr[r] : indptr[r + 1]]) > 0)
    pre_ids, post_ids = (np.asarray(a) for a in out["coo"])
    np.testing.assert_array_equal(pre_ids, np.asarray(out["pre_ids"]))
    np.testing.assert_array_equal(post_ids, np.asarray(out["post_ids"]))
    np.testing.assert_array_equal(post_ids, indices)
    np.testing.assert_array_equal(pre_ids, np.repeat(np.arange(c.pre_num), np.diff(indptr)))
    np.testing.assert_array_equal(_dense_from_coo(pre_ids, post_ids, shape), mat)
    for a, b in zip(out["pre2post"], out["csr"]):
        np.testing.assert_array_equal(np.asarray(a), np.asarray(b))
    # CSC: pre ids per post, sorted.
    cindices, cindptr = (np.asarray(a) for a in out["csc"])
    assert cindptr.shape == (c.post_num + 1,) and cindptr[-1] == indices.size
    cpost = np.repeat(np.arange(c.post_num), np.diff(cindptr))
    np.testing.assert_array_equal(_dense_from_coo(cindices, cpost, shape), mat)
    for col in range(c.post_num):
        assert np.all(np.diff(cindices[cindptr[col] : cindptr[col + 1]]) > 0)
    for a, b in zip(out["post2pre"], out["csc"]):
        np.testing.assert_array_equal(np.asarray(a), np.asarray(b))
    # Synapse ids: CSR order; post2syn lists, per post, the ids of its incoming synapses.
    syn, sptr = (np.asarray(a) for a in out["pre2syn"])
    np.testing.assert_array_equal(syn, np.arange(indices.size))
    np.testing.assert_array_equal(sptr, indptr)
    psyn, pptr = (np.asarray(a) for a in out["post2syn"])
    np.testing.assert_array_equal(pptr, cindptr)
    np.testing.assert_array_equal(post_ids[psyn], cpost)
    np.testing.assert_array_equal(pre_ids[psyn], cindices)
    pre_slice = np.asarray(out["pre_slice"])
    np.testing.assert_array_equal(pre_slice, np.stack([indptr[:-1], indptr[1:]], axis=1))


@pytest.mark.parametrize("name", sorted(CONNECTORS))
def test_structures_are_one_network(name):
    check_consistent(CONNECTORS[name])


def test_single_and_several_structures():
    c = conn.FixedProb(0.2, seed=0, pre=10, post=10)
    indices, indptr = c.require("pre2post")
    assert indptr.shape == (11,)
    mat = c.require("conn_mat")
    assert isinstance(mat, jax.Array) and mat.shape == (10, 10)
    both = c.require("conn_mat", "csr")
    assert isinstance(both, tuple) and len(both) == 2
    np.testing.assert_array_equal(np.asarray(both[0]), np.asarray(mat))


def test_sizes_in_require_and_call():
    c = conn.One2One()
    assert c.pre_num is None
    indices, _ = c.require(4, 4, "csr")
    assert c.pre_num == 4 and indices.tolist() == [0, 1, 2, 3]
    c2 = conn.FixedProb(0.5, seed=0)
    assert c2(10, (2, 5)) is c2
    assert c2.pre_size == (10,) and c2.post_size == (2, 5) and c2.post_num == 10
    before = np.asarray(c2.require("conn_mat"))
    c2(20, 20)  # new sizes: new network
    assert np.asarray(c2.require("conn_mat")).shape == (20, 20)
    c2(10, (2, 5))
    np.testing.assert_array_equal(np.asarray(c2.require("conn_mat")), before)


def test_repr():
    assert repr(conn.One2One()) == "One2One()"
    assert (
        repr(conn.All2All(pre=3, post=(2, 2))) == "All2All(include_self=True, pre=3, post=(2, 2))"
    )
    assert type(conn.FixedProb(0.1)).__module__ == "brainpy_dyn.conn"


def test_shared_instances():
    assert isinstance(conn.one2one, conn.One2One)
    assert isinstance(conn.all2all, conn.All2All)


@pytest.mark.parametrize(
    "make",
    [
        conn.One2One,
        conn.All2All,
        lambda: conn.FixedProb(0.1),
        lambda: conn.FixedPreNum(2),
        lambda: conn.FixedPostNum(2),
        lambda: conn.FixedTotalNum(2),
        conn.GridFour,
        lambda: conn.IJConn([0], [0]),
    ],
)
def test_require_without_sizes(make):
    c = make()
    with pytest.raises(conn.ConnectorError, match=type(c).__name__) as info:
        c.require("pre2post")
    msg = str(info.value)
    assert "pre=" in msg and "post=" in msg and "conn(pre_size, post_size)" in msg
    assert isinstance(info.value, ValueError) and isinstance(info.value, DynError)


def test_require_bad_names():
    c = conn.One2One(pre=3, post=3)
    with pytest.raises(ValueError, match="unknown structure 'pre2pots'"):
        c.require("pre2pots")
    with pytest.raises(ValueError, match="at least one structure"):
        c.require()


@pytest.mark.parametrize(
    ("make", "match"),
    [
        (lambda: conn.One2One(pre=3), "both pre= and post="),
        (lambda: conn.One2One(pre=3, post=4), "same number of neurons"),
        (lambda: conn.All2All(pre=-1, post=3), "pre_size"),
        (lambda: conn.All2All(pre=3, post="a"), "post_size"),
        (lambda: conn.All2All(pre=(), post=3), "pre_size"),
        (lambda: conn.All2All(include_self=1), "include_self"),
        (lambda: conn.GridFour(pre=(2, 3), post=(3, 2)), "must be equal"),
        (lambda: conn.GridN(N=0), "N must be"),
        (lambda: conn.MatConn(np.ones(3)), "conn_mat must be a 2-D"),
        (lambda: conn.MatConn(np.ones((2, 3)), pre=3, post=2), "does not match"),
        (lambda: conn.IJConn([0, 1], [0]), "same length"),
        (lambda: conn.IJConn([0, 5], [0, 1], pre=3, post=3), "i contains id 5"),
        (lambda: conn.IJConn([0.5], [1]), "i must be a 1-D array of ints"),
        (lambda: conn.CSRConn([0, 1], [0, 3]), "inptr must start at 0"),
        (lambda: conn.CSRConn([0, 4], [0, 1, 2], post=3), "indices contains id 4"),
        (lambda: conn.CSRConn([0, 1], [0, 1, 2], pre=3, post=3), "2 pre neurons"),
    ],
)
def test_size_and_argument_errors(make, match):
    with pytest.raises(ValueError, match=match):
        make()


# ----------------------------------------------------------------------------- deterministic
def test_one2one_and_all2all():
    np.testing.assert_array_equal(
        np.asarray(conn.One2One(pre=3, post=3).require("conn_mat")), np.eye(3)
    )
    mat = np.asarray(conn.All2All(include_self=False, pre=3, post=4).require("conn_mat"))
    expected = np.ones((3, 4), bool)
    np.fill_diagonal(expected, False)
    np.testing.assert_array_equal(mat, expected)


def _degrees(c):
    return np.diff(np.asarray(c.require("csr")[1])).reshape(c.pre_size)


def test_grid_four_counts():
    deg = _degrees(conn.GridFour(pre=(4, 5)))
    assert deg[0, 0] == deg[0, -1] == deg[-1, 0] == deg[-1, -1] == 2
    assert (deg[0, 1:-1] == 3).all() and (deg[1:-1, 0] == 3).all()
    assert (deg[1:-1, 1:-1] == 4).all()
    assert (_degrees(conn.GridFour(periodic_boundary=True, pre=(4, 5))) == 4).all()
    assert (_degrees(conn.GridFour(include_self=True, pre=(4, 5))) == deg + 1).all()


def test_grid_four_neighbours():
    indices, indptr = conn.GridFour(periodic_boundary=True, pre=(3, 4)).require("csr")
    # neuron (0, 0) = 0: up wraps to (2, 0) = 8, left wraps to (0, 3) = 3
    assert np.asarray(indices[indptr[0] : indptr[1]]).tolist() == [1, 3, 4, 8]
    # the network is symmetric
    mat = np.asarray(conn.GridFour(pre=(3, 4)).require("conn_mat"))
    np.testing.assert_array_equal(mat, mat.T)
    assert not mat.diagonal().any()


def test_grid_eight_and_n_counts():
    deg = _degrees(conn.GridEight(pre=(4, 5)))
    assert deg[0, 0] == 3 and deg[0, 2] == 5 and deg[2, 2] == 8
    assert (_degrees(conn.GridN(N=2, periodic_boundary=True, pre=(6, 7))) == 24).all()
    assert _degrees(conn.GridN(N=2, pre=(6, 7)))[3, 3] == 24


def test_grid_small_and_1d():
    # a periodic 2-wide grid reaches the same neighbour left and right: connected once
    assert (_degrees(conn.GridFour(periodic_boundary=True, pre=(2, 2))) == 2).all()
    deg = _degrees(conn.GridFour(pre=5))  # a 1-D size is one row
    assert deg.tolist() == [1, 2, 2, 2, 1]
    assert conn.GridFour(pre=5).post_size == (5,)
    assert conn.GridFour()(5).post_num == 5


def _grid_pairs_numpy(size, offsets, include_self, periodic):
    """Every (pre, post) of a grid by brute force over all neuron pairs."""
    n = int(np.prod(size))
    coords = np.array(np.unravel_index(np.arange(n), size)).T
    pairs = set()
    for i in range(n):
        for j in range(n):
            if i == j:
                if include_self:
                    pairs.add((i, j))
                continue
            for off in offsets:
                moved = coords[i] + np.array(off)
                if periodic:
                    moved = moved % np.array(size)
                elif ((moved < 0) | (moved >= np.array(size))).any():
                    continue
                if (moved == coords[j]).all():
                    pairs.add((i, j))
    return pairs


@pytest.mark.parametrize("size", [(7,), (3, 4), (3, 4, 5)])
@pytest.mark.parametrize("periodic", [False, True])
@pytest.mark.parametrize("include_self", [False, True])
def test_grids_of_any_dimension_match_brute_force(size, periodic, include_self):
    ndim = len(size)
    unit = [tuple(int(v) for v in s * row) for row in np.eye(ndim, dtype=int) for s in (-1, 1)]
    moore = [o for o in itertools.product((-1, 0, 1), repeat=ndim) if any(o)]
    for connector, offsets in [
        (conn.GridFour(include_self, periodic), unit),
        (conn.GridEight(include_self, periodic), moore),
    ]:
        connector(size, size)
        pre_ids, post_ids = connector.build_coo()
        assert set(zip(pre_ids.tolist(), post_ids.tolist(), strict=True)) == _grid_pairs_numpy(
            size, offsets, include_self, periodic
        )
        mat = np.zeros((int(np.prod(size)),) * 2, dtype=bool)
        mat[pre_ids, post_ids] = True
        np.testing.assert_array_equal(connector.build_mat(), mat)


def test_size_mismatch_of_a_given_matrix_is_also_an_assertion_error():
    """2.3.5 raised AssertionError here; ours is a ConnectorError (ValueError) that is one too."""
    for make in (
        lambda: conn.MatConn(np.ones((5, 3), dtype=bool))(5, 1),
        lambda: conn.CSRConn(indices=np.array([0, 1]), inptr=np.array([0, 1, 2]))(3, 2),
    ):
        for kind in (AssertionError, conn.ConnectorError, ValueError):
            with pytest.raises(kind, match="pre_size|post_size"):
                make()


def test_grid_shared_instances_and_post_slice():
    assert isinstance(conn.grid_four, conn.GridFour)
    assert isinstance(conn.grid_eight, conn.GridEight)
    assert conn.POST_SLICE == "post_slice"
    c = conn.FixedProb(0.3, seed=3)(6, 5)
    post_slice, (syn_ids, _), (pre_ids, post_ids) = c.require("post_slice", "post2syn", "coo")
    post_slice, syn_ids = np.asarray(post_slice), np.asarray(syn_ids)
    assert post_slice.shape == (5, 2)
    for j, (start, end) in enumerate(post_slice):
        assert (np.asarray(post_ids)[syn_ids[start:end]] == j).all()
        assert end - start == int((np.asarray(post_ids) == j).sum())


# ----------------------------------------------------------------------------- conversions
@pytest.mark.parametrize("seed", [0, 1])
def test_format_conversions(seed):
    mat = np.random.default_rng(seed).random((7, 5)) < 0.4
    csr = conn.mat2csr(mat)
    csc = conn.mat2csc(mat)
    coo = conn.mat2coo(mat)
    np.testing.assert_array_equal(conn.csr2mat(csr, 7, 5), mat)
    np.testing.assert_array_equal(conn.coo2mat(coo, 7, 5), mat)
    for a, b in zip(conn.coo2csr(coo, 7), csr):
        np.testing.assert_array_equal(a, b)
    for a, b in zip(conn.csr2coo(csr), coo):
        np.testing.assert_array_equal(a, b)
    for a, b in zip(conn.csr2csc(csr, 5), csc):
        np.testing.assert_array_equal(a, b)
    for a, b in zip(conn.coo2csc(coo, 5), csc):
        np.testing.assert_array_equal(a, b)
    data = np.arange(csr[0].size)
    (_, _), moved = conn.csr2csc(csr, 5, data=data)
    np.testing.assert_array_equal(coo[1][moved], np.repeat(np.arange(5), np.diff(csc[1])))


def test_public_api():
    assert conn.__all__ == [
        "All2All", "CONN_MAT", "COO", "CSC", "CSR", "CSRConn", "ConnectorError", "Connector",
        "FixedPostNum", "FixedPreNum", "FixedProb", "FixedTotalNum", "GaussianProb",
        "GridEight", "GridFour", "GridN", "IJConn", "MatConn", "One2One", "OneEndConnector",
        "POST2PRE", "POST2SYN", "POST_IDS", "POST_SLICE", "PRE2POST", "PRE2SYN", "PRE_IDS", "PRE_SLICE",
        "PowerLaw", "ProbDist", "SUPPORTED_SYN_STRUCTURE", "ScaleFreeBA", "ScaleFreeBADual",
        "SmallWorld", "SparseMatConn", "TwoEndConnector", "all2all", "coo2csc", "coo2csr",
        "coo2mat", "csr2coo", "csr2csc", "csr2mat", "grid_eight", "grid_four", "mat2coo", "mat2csc", "mat2csr", "one2one",
    ]  # fmt: skip
    for name in conn.__all__:
        obj = getattr(conn, name)
        if isinstance(obj, type) or callable(obj) and not isinstance(obj, conn.Connector):
            assert obj.__module__ == "brainpy_dyn.conn", name
            assert obj.__doc__, name
