"""Connection tables built in parts: chunked drawing and per-process parts of a split table.

A process of a multi-process run builds only the targets its devices hold
(``local_table_parts``: ``FixedProb`` draws only those, the other connectors cut them from
their chunks) and the per-synapse weights of those (``local_weights``): the result must equal
the parts of splitting the whole table (``split_ell_by_target``), so a seed gives the same
network and the same spikes whatever the number of processes.
"""

from __future__ import annotations

import jax
import numpy as np
import pytest
from jax.sharding import AxisType

import brainpy_dyn as bd
from brainpy_dyn._src.connect import block_sampling, sampling
from brainpy_dyn._src.synapses.sharded_table import (
    agreed_max,
    by_part,
    local_part_ids,
    local_parts,
    local_table_parts,
    local_weights,
    place,
)
from brainpy_math.event import csr_to_ell, split_ell_by_target


@pytest.fixture
def small_blocks(monkeypatch):
    """Small drawing blocks, so that even small networks come in many chunks."""
    monkeypatch.setattr(sampling, "_BLOCK_ELEMENTS", 900)
    monkeypatch.setattr(sampling, "_MASK_ELEMENTS", 4000)
    monkeypatch.setattr(block_sampling, "_ROW_ELEMENTS", 900)  # FixedProb: 256 rows a chunk


@pytest.mark.parametrize(
    ("n", "k", "replace"), [(100, 5, False), (100, 80, False), (100, 50, False), (50, 7, True)]
)
def test_row_blocks_join_into_sample_rows(small_blocks, n, k, replace):
    whole = sampling.sample_rows(np.random.default_rng(3), 300, n, k, replace=replace)
    blocks = list(sampling.iter_sample_rows(np.random.default_rng(3), 300, n, k, replace=replace))
    assert [start for start, _ in blocks] == list(
        np.cumsum([0] + [b.shape[0] for _, b in blocks[:-1]])
    )
    np.testing.assert_array_equal(np.concatenate([b for _, b in blocks]), whole)


@pytest.mark.parametrize(
    "options",
    [{}, {"pre_ratio": 0.3}, {"include_self": False}, {"allow_multi_conn": True}, {"prob": 0.6}],
)
def test_fixed_prob_chunks_are_its_network(small_blocks, options):
    options = {"prob": 0.05, **options}
    chunks = list(bd.conn.FixedProb(**options, seed=5, pre=400, post=400).iter_csr())
    indices, indptr = bd.conn.FixedProb(**options, seed=5, pre=400, post=400).require("pre2post")
    first_rows = np.cumsum([0] + [len(ptr) - 1 for _, ptr, _ in chunks[:-1]])
    assert [first for first, _, _ in chunks] == first_rows.tolist()
    np.testing.assert_array_equal(np.concatenate([ind for _, _, ind in chunks]), indices)
    lengths = np.concatenate([np.diff(ptr) for _, ptr, _ in chunks])
    np.testing.assert_array_equal(lengths, np.diff(indptr))


@pytest.mark.parametrize(
    "options", [{}, {"include_self": False}, {"allow_multi_conn": True}, {"num": 0.7}]
)
def test_fixed_post_num_chunks_are_its_network(small_blocks, options):
    options = {"num": 9, **options}
    chunks = list(bd.conn.FixedPostNum(**options, seed=2, pre=300, post=300).iter_csr())
    indices, indptr = bd.conn.FixedPostNum(**options, seed=2, pre=300, post=300).require("csr")
    assert len(chunks) > 1 or options.get("allow_multi_conn")
    np.testing.assert_array_equal(np.concatenate([ind for _, _, ind in chunks]), indices)
    lengths = np.concatenate([np.diff(ptr) for _, ptr, _ in chunks])
    np.testing.assert_array_equal(lengths, np.diff(indptr))


def test_chunked_drawing_caches_nothing(small_blocks):
    conn = bd.conn.FixedProb(0.05, seed=1, pre=300, post=200)
    assert len(list(conn.iter_csr())) > 1
    assert conn._csr_cache is None


@pytest.mark.parametrize("n_parts", [1, 2, 4, 5])
def test_local_parts_equal_the_split_of_the_whole_table(small_blocks, n_parts):
    conn = bd.conn.FixedProb(0.1, seed=9, pre=300, post=200)
    split = split_ell_by_target(csr_to_ell(*conn.require("pre2post"), n_post=200), n_parts)
    mine = [p for p in range(n_parts) if p % 2 == 0]  # this "process" holds the even parts
    parts = local_parts(conn.iter_csr(), 300, 200, n_parts, mine)
    assert sorted(parts) == mine
    width = max(a.shape[1] for a in parts.values())
    assert width <= split.indices.shape[2]
    for p in mine:
        np.testing.assert_array_equal(parts[p], split.indices[p][:, : parts[p].shape[1]])
        assert (split.indices[p][:, parts[p].shape[1] :] == 200 // n_parts).all()


def test_placed_parts_form_the_global_table():
    n = 4
    mesh = jax.make_mesh((n,), ("neuron",), axis_types=(AxisType.Auto,), devices=jax.devices()[:n])
    sharding = by_part(mesh, "neuron")
    assert local_part_ids(sharding, n) == [0, 1, 2, 3]  # one process holds every part
    parts = {p: np.full((3, p + 1), p, np.int32) for p in range(n)}
    table = place(parts, n, agreed_max(4), -1, sharding)
    assert table.shape == (4, 3, 4) and table.sharding == sharding
    got = np.asarray(table)
    for p in range(n):
        assert (got[p, :, : p + 1] == p).all() and (got[p, :, p + 1 :] == -1).all()


def test_local_parts_check_the_chunks():
    with pytest.raises(RuntimeError, match="out of order"):
        local_parts(iter([(1, np.array([0, 1]), np.array([0]))]), 2, 4, 2, [0])
    with pytest.raises(RuntimeError, match="cover 1 rows, expected 2"):
        local_parts(iter([(0, np.array([0, 1]), np.array([0]))]), 2, 4, 2, [0])


def test_sharded_projection_holds_the_split_table_in_hidden_variables():
    mesh = jax.make_mesh((4,), ("neuron",), axis_types=(AxisType.Auto,), devices=jax.devices()[:4])
    conn = bd.conn.FixedProb(0.1, seed=4, pre=60, post=80)
    syn = bd.experimental.Exponential(conn, g_max=0.5, tau=5.0, out=bd.experimental.CUBA())
    whole = split_ell_by_target(csr_to_ell(*conn.require("pre2post"), n_post=80), 4)
    names = set(syn.vars())
    bd.shard_neurons(syn, mesh)
    table = syn.projection.device_table
    np.testing.assert_array_equal(np.asarray(table.indices.value), whole.indices)
    assert table.indices.value.sharding == by_part(mesh, "neuron")
    assert set(syn.vars()) == names  # state dicts and checkpoints do not change


@pytest.mark.parametrize("n_parts", [2, 4])
def test_each_part_draws_only_its_targets(monkeypatch, n_parts):
    """FixedProb's part p costs the connections to its own targets, and is the split's part."""
    monkeypatch.setattr(block_sampling, "_PER_LEAF", 1)  # blocks of 10 targets
    monkeypatch.setattr(block_sampling, "_MIN_LEAF", 1)
    drawn = [0]
    leaf_draw = block_sampling._leaf_draw

    def counting(gen, counts, *args):
        drawn[0] += int(counts.sum())
        return leaf_draw(gen, counts, *args)

    monkeypatch.setattr(block_sampling, "_leaf_draw", counting)
    conn = bd.conn.FixedProb(0.1, seed=3, pre=300, post=200)
    split = split_ell_by_target(csr_to_ell(*conn.require("pre2post"), n_post=200), n_parts)
    conn = bd.conn.FixedProb(0.1, seed=3, pre=300, post=200)
    for p in range(n_parts):
        drawn[0] = 0
        part = local_table_parts(conn, 300, 200, n_parts, [p])[p]
        np.testing.assert_array_equal(part, split.indices[p][:, : part.shape[1]])
        # its targets' connections and no more (blocks of 10 targets align with the parts)
        assert drawn[0] == (part != 200 // n_parts).sum() < 300 * 20 * 0.6


def test_other_connectors_are_cut_while_built():
    conn = bd.conn.FixedPreNum(5, seed=2, pre=120, post=60)
    split = split_ell_by_target(csr_to_ell(*conn.require("pre2post"), n_post=60), 3)
    conn = bd.conn.FixedPreNum(5, seed=2, pre=120, post=60)
    parts = local_table_parts(conn, 120, 60, 3, [0, 2])
    for p in (0, 2):
        np.testing.assert_array_equal(parts[p], split.indices[p][:, : parts[p].shape[1]])
    assert conn._csr_cache is None  # the whole network was not kept


@pytest.mark.parametrize("options", [{}, {"include_self": False}, {"pre_ratio": 0.5}])
def test_local_weights_are_the_split_weights(options):
    conn = bd.conn.FixedProb(0.1, **options, seed=5, pre=90, post=90)
    indices, indptr = conn.require("pre2post")
    weights = np.arange(np.asarray(indices).size, dtype=np.float32) + 1.0  # CSR positions
    split = split_ell_by_target(csr_to_ell(indices, indptr, 90, weights), 3)
    parts = local_table_parts(conn, 90, 90, 3, [0, 1, 2])
    got = local_weights(parts, weights, 90, 3, 30)
    for p in range(3):
        np.testing.assert_array_equal(got[p], split.weights[p][:, : got[p].shape[1]])
    with pytest.raises(ValueError, match="holds .* connections, but the weights have"):
        local_weights(parts, weights[:-1], 90, 3, 30)
