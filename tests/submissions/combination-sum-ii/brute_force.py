class Solution:
    def combinationSum2(self, candidates: List[int], target: int) -> List[List[int]]:
        # every subset of entries; equal combinations collapse once sorted into a set
        found = set()
        for size in range(1, len(candidates) + 1):
            for chosen in itertools.combinations(candidates, size):
                if sum(chosen) == target:
                    found.add(tuple(sorted(chosen)))
        return [list(combo) for combo in found]
