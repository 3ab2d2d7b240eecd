# problem: container-with-most-water
# verdict: RE
# message: ModuleNotFoundError: No module named 'no_such_module_here'


class Solution:
    def maxArea(self, height: List[int]) -> int:
        import no_such_module_here  # noqa: F401

        return 0
