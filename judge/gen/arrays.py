"""Random integer arrays: uniform, unique, few distinct values, planted extremes, even ramps."""

from __future__ import annotations

import random
from collections.abc import Iterable, Sequence


def uniform(rng: random.Random, n: int, lo: int, hi: int) -> list[int]:
    """n values drawn independently from [lo, hi]: the plain random array."""
    return [rng.randint(lo, hi) for _ in range(n)]


def unique(rng: random.Random, n: int, lo: int, hi: int) -> list[int]:
    """n different values from [lo, hi] in random order, for inputs whose values must differ."""
    return rng.sample(range(lo, hi + 1), n)


def choose(rng: random.Random, n: int, pool: Sequence[int]) -> list[int]:
    """n values drawn with repetition from `pool`: a small pool gives many equal values."""
    return [rng.choice(pool) for _ in range(n)]


def few_distinct(rng: random.Random, n: int, k: int, lo: int, hi: int) -> list[int]:
    """n values using only k different values of [lo, hi], so equal values are everywhere."""
    return choose(rng, n, unique(rng, k, lo, hi))


def plant(rng: random.Random, nums: list[int], planted: Iterable[int]) -> list[int]:
    """Each planted value (often the range's ends) at its own random position: surely there."""
    # `nums` is changed in place and returned; one shorter than `planted` is left as it is.
    planted = tuple(planted)
    if planted and len(nums) >= len(planted):
        for i, v in zip(rng.sample(range(len(nums)), len(planted)), planted):
            nums[i] = v
    return nums


def maybe_plant(
    rng: random.Random, nums: list[int], choices: Sequence[int], chance: float = 0.2
) -> list[int]:
    """Sometimes one random entry becomes one of `choices`: an extreme among small values."""
    # With probability `chance`; `nums` is changed in place and returned.
    if nums and rng.random() < chance:
        value = rng.choice(choices)
        nums[rng.randrange(len(nums))] = value
    return nums


def values(
    rng: random.Random,
    n: int,
    lo: int,
    hi: int,
    *,
    distinct: int = 0,
    planted: Iterable[int] = (),
) -> list[int]:
    """n values from [lo, hi]: uniform with some planted, or only `distinct` different ones."""
    # With distinct=k nothing is planted: that would add values other than the k.
    if distinct:
        return few_distinct(rng, n, distinct, lo, hi)
    return plant(rng, uniform(rng, n, lo, hi), planted)


def ramp(n: int, lo: int, hi: int, descending: bool = False) -> list[int]:
    """n values rising evenly from lo to hi (or falling): sorted input, nothing random."""
    # Rounded down; no value repeats when n <= hi - lo + 1.
    if n == 1:
        return [lo]
    out = [lo + i * (hi - lo) // (n - 1) for i in range(n)]
    if descending:
        out.reverse()
    return out
