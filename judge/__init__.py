"""judge: a LeetCode-compatible practice judge that runs on your own machine."""

__version__ = "0.1.0"
