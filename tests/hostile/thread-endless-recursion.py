# problem: container-with-most-water
# verdict: RE
# message: RecursionError: maximum recursion depth exceeded
# python: 3.11


import threading


def down(n):
    return down(n + 1)


class Solution:
    def maxArea(self, height: List[int]) -> int:
        # Endless recursion in a thread ends at the recursion limit, as in the main thread,
        # not in a crash of the thread's stack.
        box = {}

        def run():
            try:
                box["answer"] = down(0)
            except BaseException as exc:
                box["error"] = exc

        thread = threading.Thread(target=run)
        thread.start()
        thread.join()
        raise box["error"]
