"""judge: a LeetCode-compatible practice judge that runs on your own machine."""
