"""Building blocks for the `generators` source of problem specs: random arrays and binary trees.

Every function that takes an `rng` draws from it and from nothing else, always in the same order,
so a generated case is fixed by its seed and arguments. Standard library only.
"""
