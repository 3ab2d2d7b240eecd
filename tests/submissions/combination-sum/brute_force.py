class Solution:
    def combinationSum(self, candidates: List[int], target: int) -> List[List[int]]:
        # every multiset of candidates, size by size, kept when it sums to target
        answer = []
        for size in range(1, target // min(candidates) + 1):
            for combo in itertools.combinations_with_replacement(sorted(candidates), size):
                if sum(combo) == target:
                    answer.append(list(combo))
        return answer
