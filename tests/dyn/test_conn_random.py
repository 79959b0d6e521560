"""Random connectors: degrees, duplicates, seeds, uniformity and errors."""

from __future__ import annotations

import math

import numpy as np
import pytest

import brainpy_math as bm
from brainpy_dyn import conn
from brainpy_dyn._src.connect import block_sampling
from brainpy_dyn._src.connect.sampling import sample_rows

# FixedProb(0.1, seed=0, pre=3, post=40): its targets, drawn by blocks of targets
PINNED_FIXED_PROB = [9, 14, 26, 27, 0, 3, 16, 24, 19, 30, 31, 32]


def _csr(c):
    indices, indptr = c.require("csr")
    return np.asarray(indices), np.asarray(indptr)


def _rows(c):
    indices, indptr = _csr(c)
    return [indices[indptr[r] : indptr[r + 1]] for r in range(c.pre_num)]


# ----------------------------------------------------------------------------- FixedProb
@pytest.mark.parametrize(
    ("prob", "pre", "post", "k"),
    [(0.02, 100, 300, 6), (0.29, 50, 100, 29), (0.0, 10, 10, 0), (1.0, 10, 12, 12),
     (0.5, 40, 33, 16), (0.9, 30, 50, 45), (0.02, 4000, 4000, 80)],
)  # fmt: skip
def test_fixed_prob_out_degree(prob, pre, post, k):
    c = conn.FixedProb(prob, seed=0, pre=pre, post=post)
    indices, indptr = _csr(c)
    assert (np.diff(indptr) == k).all()
    for row in _rows(c)[:200]:
        assert np.all(np.diff(row) > 0)  # sorted, no duplicates
    assert indices.min(initial=0) >= 0 and indices.max(initial=0) < post
    assert int(np.asarray(c.require("conn_mat")).sum()) == pre * k


def test_fixed_prob_include_self_false():
    c = conn.FixedProb(0.3, include_self=False, seed=1, pre=200, post=200)
    mat = np.asarray(c.require("conn_mat"))
    assert not mat.diagonal().any()
    deg = np.diff(_csr(c)[1])
    assert set(np.unique(deg).tolist()) == {59, 60}  # 60 drawn, minus i -> i when drawn
    # same draw as include_self=True with that seed, diagonal removed
    full = np.array(conn.FixedProb(0.3, seed=1, pre=200, post=200).require("conn_mat"))
    np.fill_diagonal(full, False)
    np.testing.assert_array_equal(mat, full)


def test_fixed_prob_pre_ratio():
    c = conn.FixedProb(0.1, pre_ratio=0.25, seed=2, pre=40, post=50)
    indices, indptr = _csr(c)
    assert indptr.shape == (41,)
    deg = np.diff(indptr)
    assert (deg > 0).sum() == 10 and set(np.unique(deg).tolist()) == {0, 5}
    mat = np.asarray(c.require("conn_mat"))
    np.testing.assert_array_equal(mat.sum(axis=1), deg)
    assert conn.FixedProb(0.1, pre_ratio=0.0, seed=2, pre=4, post=50).require("pre_ids").size == 0


def test_fixed_prob_multi_conn():
    c = conn.FixedProb(0.8, allow_multi_conn=True, seed=3, pre=50, post=10)
    indices, indptr = _csr(c)
    assert (np.diff(indptr) == 8).all()
    rows = _rows(c)
    assert all(np.all(np.diff(r) >= 0) for r in rows)
    assert any(np.any(np.diff(r) == 0) for r in rows)  # repeats do occur
    mat = np.asarray(c.require("conn_mat"))  # the dense matrix marks pairs once
    assert all(mat[i].sum() == np.unique(r).size for i, r in enumerate(rows))


def test_fixed_prob_seeds():
    a = _csr(conn.FixedProb(0.05, seed=10, pre=300, post=300))
    b = _csr(conn.FixedProb(0.05, seed=10, pre=300, post=300))
    c = _csr(conn.FixedProb(0.05, seed=11, pre=300, post=300))
    np.testing.assert_array_equal(a[0], b[0])
    assert not np.array_equal(a[0], c[0])


@pytest.mark.parametrize("seeding", [bm.random.seed, np.random.seed])
def test_fixed_prob_global_seed(seeding):
    seeding(5)
    a = conn.FixedProb(0.05, pre=300, post=300)
    b = conn.FixedProb(0.05, pre=300, post=300)
    seeding(5)
    a2 = conn.FixedProb(0.05, pre=300, post=300)
    assert a.seed == a2.seed and a.seed != b.seed
    np.testing.assert_array_equal(_csr(a)[0], _csr(a2)[0])
    assert f"seed={a.seed}" in repr(a)


def test_fixed_prob_uniform_targets():
    c = conn.FixedProb(0.1, seed=4, pre=5000, post=40)
    counts = np.bincount(_csr(c)[0], minlength=40)
    expected = 5000 * 4 / 40
    chi2 = ((counts - expected) ** 2 / expected).sum()
    assert chi2 < 39 + 6 * math.sqrt(2 * 39)  # ~6 sigma above the mean of chi2(39)


@pytest.mark.parametrize(
    ("kwargs", "match"),
    [
        (dict(prob=-0.1), "prob"),
        (dict(prob=1.5), "prob"),
        (dict(prob="0.1"), "prob"),
        (dict(prob=True), "prob"),
        (dict(prob=0.1, pre_ratio=2.0), "pre_ratio"),
        (dict(prob=0.1, seed=-1), "seed"),
        (dict(prob=0.1, seed=1.5), "seed"),
        (dict(prob=0.1, include_self="no"), "include_self"),
        (dict(prob=0.1, allow_multi_conn=None), "allow_multi_conn"),
    ],
)
def test_fixed_prob_argument_errors(kwargs, match):
    with pytest.raises(ValueError, match=match):
        conn.FixedProb(**kwargs)


def test_fixed_prob_include_self_needs_same_sizes():
    with pytest.raises(conn.ConnectorError, match="include_self=False") as info:
        conn.FixedProb(0.1, include_self=False, pre=10, post=20)
    assert "pre_size=(10,)" in str(info.value)
    c = conn.FixedProb(0.1, include_self=False)
    with pytest.raises(conn.ConnectorError, match="include_self"):
        c(10, 20)


# ----------------------------------------------------------------------------- FixedPost/PreNum
@pytest.mark.parametrize("include_self", [True, False])
@pytest.mark.parametrize("num", [1, 7, 20, 29])
def test_fixed_post_num(num, include_self):
    c = conn.FixedPostNum(num, include_self=include_self, seed=0, pre=30, post=30)
    assert (np.diff(_csr(c)[1]) == num).all()  # exact, also without self
    mat = np.asarray(c.require("conn_mat"))
    assert (mat.sum(axis=1) == num).all()
    if not include_self:
        assert not mat.diagonal().any()


def test_fixed_post_num_fraction_and_multi():
    c = conn.FixedPostNum(0.25, seed=0, pre=8, post=40)
    assert (np.diff(_csr(c)[1]) == 10).all()
    c = conn.FixedPostNum(15, allow_multi_conn=True, seed=0, pre=8, post=10)
    assert (np.diff(_csr(c)[1]) == 15).all()


@pytest.mark.parametrize("include_self", [True, False])
def test_fixed_pre_num(include_self):
    c = conn.FixedPreNum(6, include_self=include_self, seed=1, pre=25, post=25)
    _, cindptr = (np.asarray(a) for a in c.require("csc"))
    assert (np.diff(cindptr) == 6).all()
    mat = np.asarray(c.require("conn_mat"))
    assert (mat.sum(axis=0) == 6).all()
    if not include_self:
        assert not mat.diagonal().any()


@pytest.mark.parametrize(
    ("make", "match"),
    [
        (
            lambda: conn.FixedPostNum(11, pre=5, post=10),
            "num=11 asks for 11 distinct neurons out of 10",
        ),
        (lambda: conn.FixedPostNum(10, include_self=False, pre=10, post=10), "out of 9"),
        (lambda: conn.FixedPreNum(6, pre=5, post=10), "num=6"),
        (lambda: conn.FixedTotalNum(51, pre=5, post=10), "num=51"),
    ],
)
def test_fixed_num_too_many(make, match):
    c = make()
    with pytest.raises(conn.ConnectorError, match=match) as info:
        c.require("csr")
    assert "allow_multi_conn=True" in str(info.value)


@pytest.mark.parametrize("num", [-1, 1.5, "3", None, True])
@pytest.mark.parametrize("cls", [conn.FixedPostNum, conn.FixedPreNum, conn.FixedTotalNum])
def test_fixed_num_bad_num(cls, num):
    with pytest.raises(ValueError, match="num"):
        cls(num)


def test_fixed_total_num():
    c = conn.FixedTotalNum(300, seed=0, pre=20, post=30)
    pre_ids, post_ids = (np.asarray(a) for a in c.require("coo"))
    assert pre_ids.size == 300
    assert np.unique(pre_ids * 30 + post_ids).size == 300
    c = conn.FixedTotalNum(0.5, seed=0, pre=20, post=30)
    assert c.require("pre_ids").size == 300
    c = conn.FixedTotalNum(700, allow_multi_conn=True, seed=0, pre=20, post=30)
    assert c.require("pre_ids").size == 700


def test_fixed_post_num_seeds():
    a = _csr(conn.FixedPostNum(5, seed=3, pre=50, post=60))[0]
    np.testing.assert_array_equal(a, _csr(conn.FixedPostNum(5, seed=3, pre=50, post=60))[0])
    assert not np.array_equal(a, _csr(conn.FixedPostNum(5, seed=4, pre=50, post=60))[0])


# ----------------------------------------------------------------------------- the sampler
@pytest.mark.parametrize("k", [1, 2, 3, 4, 5, 6, 7])  # the three regimes at n = 8
def test_sample_rows_uniform_subsets(k):
    n, rows = 8, 40_000
    x = sample_rows(np.random.default_rng(k), rows, n, k)
    assert x.shape == (rows, k) and (np.diff(x, axis=1) > 0).all()
    codes = (x.astype(np.int64) << (3 * np.arange(k))).sum(axis=1)
    _, counts = np.unique(codes, return_counts=True)
    df = math.comb(n, k) - 1
    assert counts.size == df + 1
    expected = rows / (df + 1)
    chi2 = ((counts - expected) ** 2 / expected).sum()
    assert chi2 < df + 6 * math.sqrt(2 * df)


def test_sample_rows_skip_and_replace():
    rng = np.random.default_rng(0)
    skip = np.arange(1000) % 10
    x = sample_rows(rng, 1000, 10, 9, skip=skip)
    assert (x != skip[:, None]).all() and (np.diff(x, axis=1) > 0).all()
    x = sample_rows(rng, 100, 3, 10, replace=True)
    assert x.shape == (100, 10) and (np.diff(x, axis=1) >= 0).all()
    with pytest.raises(ValueError, match="cannot draw 4 distinct values out of 3"):
        sample_rows(rng, 2, 3, 4)


# ------------------------------------------------------- FixedProb drawn by blocks of targets
@pytest.fixture
def tiny_leaves(monkeypatch):
    """Blocks of targets of about one connection per row: many blocks even for small n."""
    monkeypatch.setattr(block_sampling, "_PER_LEAF", 1)
    monkeypatch.setattr(block_sampling, "_MIN_LEAF", 1)


@pytest.mark.parametrize("k", [1, 3, 5])
def test_block_rows_are_uniform_subsets(tiny_leaves, k):
    n, rows = 8, 40_000  # leaves of ceil(8 / k) targets: 1, 3 and 4 leaves
    counts = np.full(rows, k)
    (first, indptr, x), *more = block_sampling.iter_block_rows(7, 0, counts, n, k)
    assert first == 0 and not more and (np.diff(indptr) == k).all()
    x = x.reshape(rows, k)
    assert (np.diff(x, axis=1) > 0).all()
    codes = (x.astype(np.int64) << (3 * np.arange(k))).sum(axis=1)
    _, seen = np.unique(codes, return_counts=True)
    df = math.comb(n, k) - 1
    assert seen.size == df + 1
    expected = rows / (df + 1)
    chi2 = ((seen - expected) ** 2 / expected).sum()
    assert chi2 < df + 6 * math.sqrt(2 * df)  # ~6 sigma above the mean of chi2(df)


def test_block_rows_with_replacement_are_multinomial(tiny_leaves):
    rows, n, k = 20_000, 6, 4  # leaves of 2 targets; counts per target ~ Binomial(k, 1/6)
    (_, _, x), *_ = block_sampling.iter_block_rows(3, 0, np.full(rows, k), n, k, replace=True)
    x = x.reshape(rows, k)
    assert (np.diff(x, axis=1) >= 0).all()
    per_target = np.stack([(x == t).sum(axis=1) for t in range(n)])  # (n, rows)
    np.testing.assert_allclose(per_target.mean(axis=1), k / n, atol=0.03)
    np.testing.assert_allclose(per_target.var(axis=1), k * (1 / n) * (1 - 1 / n), rtol=0.08)


def test_fixed_prob_uniform_targets_over_many_blocks():
    c = conn.FixedProb(0.2, seed=6, pre=2000, post=400)  # k = 80: blocks of 160 targets
    assert block_sampling.block_plan(400, 80)[0] == 160
    counts = np.bincount(_csr(c)[0], minlength=400)
    expected = 2000 * 80 / 400
    chi2 = ((counts - expected) ** 2 / expected).sum()
    assert chi2 < 399 + 6 * math.sqrt(2 * 399)


@pytest.mark.parametrize(
    "options",
    [{}, {"include_self": False}, {"pre_ratio": 0.4}, {"allow_multi_conn": True}, {"prob": 0.7}],
)
@pytest.mark.parametrize("n_parts", [2, 3, 7])
def test_fixed_prob_targets_drawn_apart_are_its_network(options, n_parts):
    kwargs = {"prob": 0.1, **options}
    indices, indptr = _csr(conn.FixedProb(**kwargs, seed=8, pre=300, post=300))
    c = conn.FixedProb(**kwargs, seed=8, pre=300, post=300)
    bounds = np.linspace(0, 300, n_parts + 1).astype(int)  # uneven parts, cutting blocks
    rows: list[list[np.ndarray]] = [[] for _ in range(300)]
    for lo, hi in zip(bounds[:-1], bounds[1:], strict=True):
        for first, ptr, ind in c.iter_csr_targets(int(lo), int(hi)):
            assert ((ind >= lo) & (ind < hi)).all()
            for r in range(ptr.size - 1):
                rows[first + r].append(ind[ptr[r] : ptr[r + 1]])
    joined = [np.concatenate(parts) for parts in rows]
    np.testing.assert_array_equal(np.concatenate(joined), indices)
    np.testing.assert_array_equal([j.size for j in joined], np.diff(indptr))
    assert c._csr_cache is None  # nothing kept


def test_fixed_prob_draw_pinned():
    """The network of a seed (drawn by blocks of targets) stays what it is."""
    indices, indptr = _csr(conn.FixedProb(0.1, seed=0, pre=3, post=40))
    assert indptr.tolist() == [0, 4, 8, 12]
    assert indices.tolist() == PINNED_FIXED_PROB


@pytest.mark.parametrize(
    "options",
    [{}, {"include_self": False}, {"allow_multi_conn": True}, {"num": 0.7, "include_self": False}],
)
@pytest.mark.parametrize("n_parts", [2, 7])
def test_fixed_post_num_targets_drawn_apart_are_its_network(options, n_parts):
    kwargs = {"num": 9, **options}
    indices, indptr = _csr(conn.FixedPostNum(**kwargs, seed=2, pre=300, post=300))
    assert np.unique(np.diff(indptr)).size == 1  # the out-degree is exact
    c = conn.FixedPostNum(**kwargs, seed=2, pre=300, post=300)
    assert c._known_count() == indices.size
    bounds = np.linspace(0, 300, n_parts + 1).astype(int)
    rows: list[list[np.ndarray]] = [[] for _ in range(300)]
    for lo, hi in zip(bounds[:-1], bounds[1:], strict=True):
        for first, ptr, ind in c.iter_csr_targets(int(lo), int(hi)):
            for r in range(ptr.size - 1):
                rows[first + r].append(ind[ptr[r] : ptr[r + 1]])
    np.testing.assert_array_equal(np.concatenate([np.concatenate(p) for p in rows]), indices)


def test_fixed_post_num_without_self_is_uniform_over_the_others(tiny_leaves):
    n, k = 400, 40  # blocks of 10 positions among the 399 others of each source
    indices, indptr = _csr(conn.FixedPostNum(k, include_self=False, seed=5, pre=n, post=n))
    sources = np.repeat(np.arange(n), np.diff(indptr))
    assert (indices != sources).all()
    offsets = np.bincount((indices - sources) % n, minlength=n)[1:]  # 1 .. n-1 after i
    expected = n * k / (n - 1)
    chi2 = ((offsets - expected) ** 2 / expected).sum()
    assert chi2 < (n - 2) + 6 * math.sqrt(2 * (n - 2))
