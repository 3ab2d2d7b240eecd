"""The `judge` command's entry point (also `python -m judge`).

A command that runs solutions starts the sandbox's fork server before anything else is loaded:
the server's own start-up (a new interpreter) then overlaps with loading the CLI, instead of
delaying the first run. The garbage collector waits while the command starts (`_collect_later`).
"""

from __future__ import annotations

import sys

TYPE_CHECKING = False  # not typing's: nothing is loaded before the fork server starts
if TYPE_CHECKING:
    import threading

# The commands that run solutions in the sandbox.
_RUNS_SOLUTIONS = frozenset(
    {"all", "submit", "run", "watch", "stress", "growth", "verify", "doctor"}
)


def _collect_later(delay_s: float = 1.0) -> threading.Timer:
    """Hold the cyclic garbage collector off for the command's first second. Starting up makes
    some hundred thousand objects (modules, classes, functions) that live until the end, and
    the collector would walk them again and again: a tenth of a quick command's time. A command
    still going after a second collects as usual from then on."""
    import gc
    import threading  # (loaded by click and rich in any case)

    gc.disable()
    timer = threading.Timer(delay_s, gc.enable)
    timer.daemon = True
    timer.start()
    return timer


def main() -> None:
    """Start the fork server early when the command will need it, then run the CLI."""
    _collect_later()
    words = [arg for arg in sys.argv[1:] if not arg.startswith("-")]
    if words and words[0] in _RUNS_SOLUTIONS and not {"-h", "--help"} & set(sys.argv):
        from judge import forkserver
        from judge.errors import UsageError

        try:
            forkserver.shared().warm()
        except UsageError:
            pass  # the command itself reports that the sandbox cannot start
    from judge.cli import main as run_cli

    run_cli()


if __name__ == "__main__":
    main()
