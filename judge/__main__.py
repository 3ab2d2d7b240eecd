"""The `judge` command's entry point (also `python -m judge`).

A command that runs solutions starts the sandbox's fork server before anything else is loaded:
the server's own start-up (a new interpreter) then overlaps with loading the CLI, instead of
delaying the first run.
"""

from __future__ import annotations

import sys

# The commands that run solutions in the sandbox.
_RUNS_SOLUTIONS = frozenset(
    {"all", "submit", "run", "watch", "stress", "growth", "verify", "doctor"}
)


def main() -> None:
    """Start the fork server early when the command will need it, then run the CLI."""
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
