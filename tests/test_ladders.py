"""Growth families' inputs: the sizes of a ladder, and the cache that keeps them."""

from __future__ import annotations

import itertools
import marshal

import pytest

from judge import ladders
from judge.spec import GrowthFamily


def family(low: int, high: int, step: float = 2.0) -> GrowthFamily:
    return GrowthFamily("f", "words", "gen", low, high, step)


@pytest.mark.parametrize(
    ("low", "high", "step", "sizes"),
    [
        (64, 1024, 2.0, [64, 128, 256, 512, 1024]),
        (64, 1000, 2.0, [64, 128, 256, 512, 1000]),  # 1000 is close to 1024: it takes its place
        (64, 800, 2.0, [64, 128, 256, 512, 800]),
        (8, 100, 2.0, [8, 16, 32, 64, 100]),
        (8, 40, 1.25, [8, 10, 12, 16, 20, 24, 31, 40]),
        (10, 40, 4.0, [10, 40]),
    ],
)
def test_sizes_double_up_to_the_largest(low, high, step, sizes):
    assert ladders.sizes(family(low, high, step)) == sizes


def test_every_ladder_of_every_problem_is_strictly_increasing(catalog):
    for problem in catalog.all():
        for f in problem.growth:
            sizes = ladders.sizes(f)
            assert sizes[0] == f.low and sizes[-1] == f.high, (problem.slug, f.name)
            assert all(a < b for a, b in itertools.pairwise(sizes)), (problem.slug, f.name)


def test_inputs_are_generated_once_then_read_from_the_cache(catalog, own_cache):
    problem = catalog.get("container-with-most-water")
    fresh = ladders.load(problem)
    assert [ladder.family.name for ladder in fresh] == [f.name for f in problem.growth]
    assert all(c.span is None for ladder in fresh for c in ladder.cases)
    first = fresh[0]
    assert [c.name for c in first.cases] == [f"n = {n}" for n in first.sizes]
    # the input at each size has that size, as the generator drew it with random.Random(n)
    assert [len(marshal.loads(c.payload)[0]) for c in first.cases] == first.sizes
    first.reference = {"times_ms": [1.0] * len(first.sizes)}
    ladders.store(problem, fresh)

    cached = ladders.load(problem)
    assert all(c.span is not None for ladder in cached for c in ladder.cases)
    assert [bytes(c.payload) for ladder in cached for c in ladder.cases] == [
        c.payload for ladder in fresh for c in ladder.cases
    ]
    assert cached[0].reference == first.reference and cached[1].reference is None


def test_a_damaged_cache_is_generated_again(catalog, own_cache):
    problem = catalog.get("merge-sorted-array")
    ladders.store(problem, ladders.load(problem))
    (stored,) = (own_cache / "growth").glob("merge-sorted-array-*.ladders")
    stored.write_bytes(stored.read_bytes()[:-3])
    again = ladders.load(problem)
    assert all(c.span is None for ladder in again for c in ladder.cases)
    ladders.store(problem, again)  # and the damaged file is replaced, not kept beside it
    assert len(list((own_cache / "growth").glob("merge-sorted-array-*.ladders"))) == 1
