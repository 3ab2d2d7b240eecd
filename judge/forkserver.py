"""Start runs quickly: one pristine worker interpreter per judge process forks every run.

A new interpreter costs about 40 ms of CPU before it can run anything; forking one that is
already loaded costs about a millisecond. The fork server (`worker.zygote`) never runs solution
code, so each run still starts from a clean copy. It is started on first use and ends when the
judge does (it exits when its socket closes).
"""

from __future__ import annotations

import json
import os
import select
import socket
import sys
import threading
from pathlib import Path

from judge.errors import UsageError

_PACKAGE_PARENT = str(Path(__file__).resolve().parent.parent)
_BOOT = (
    "import sys; sys.path.insert(0, sys.argv[1]); import judge.worker as w; "
    "del sys.path[0]; w.zygote(int(sys.argv[2]))"
)
# The server's own environment; each run gets its own HOME and TMPDIR on top.
ENV = {"PATH": "/usr/bin:/bin", "LANG": "C.UTF-8", "MALLOC_ARENA_MAX": "2"}


class SandboxError(UsageError):
    """This machine cannot start a sandboxed run (out of processes, no interpreter...)."""


class ForkServer:
    """The judge's end of the fork server; safe to share between threads."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._socket: socket.socket | None = None
        self._pid: int | None = None

    def spawn(self, fds: list[int], cwd: str, env: dict[str, str], isolate: bool) -> None:
        """Ask for a new run with these descriptors (job, stdout, results, status). Returns at
        once: the run says its pid on the status pipe when it exists."""
        request = json.dumps({"cwd": cwd, "env": env, "isolate": isolate}).encode()
        with self._lock:
            for _ in range(2):  # a server that died (killed from outside) is replaced once
                server = self._socket or self._start()
                try:
                    socket.send_fds(server, [b"S" + request], fds)
                    return
                except OSError:
                    self._stop()
        raise SandboxError("cannot start the sandbox's worker process")

    def warm(self) -> None:
        """Start the server now, so that its start-up overlaps with the judge's own work."""
        with self._lock:
            if self._socket is None:
                self._start()

    def reap(self, pid: int) -> None:
        """Let the server reap a run's first process, which the judge is done with."""
        with self._lock:
            if self._socket is not None:
                try:
                    self._socket.send(b"R%d" % pid)
                except OSError:
                    self._stop()

    def close(self) -> None:
        """Stop the server and reap it (it exits as soon as its socket closes)."""
        with self._lock:
            pid, self._pid = self._pid, None
            if pid is None:
                return
            try:
                handle = os.pidfd_open(pid)  # before the socket closes: the pid is still ours
            except (AttributeError, OSError):
                handle = -1
            self._stop()
        if handle < 0:
            return  # no way to wait with a timeout: whoever adopts it reaps it
        try:
            waiting = select.poll()
            waiting.register(handle, select.POLLIN)
            if waiting.poll(1000):
                os.waitpid(pid, os.WNOHANG)
        except ChildProcessError:
            pass
        finally:
            os.close(handle)

    def _start(self) -> socket.socket:
        # Message boundaries are kept either way; SEQPACKET also tells the server the judge left.
        kind = socket.SOCK_SEQPACKET if sys.platform.startswith("linux") else socket.SOCK_DGRAM
        ours, theirs = socket.socketpair(socket.AF_UNIX, kind)
        try:
            os.set_inheritable(theirs.fileno(), True)
            argv = [sys.executable, "-I", "-c", _BOOT, _PACKAGE_PARENT, str(theirs.fileno())]
            null = os.devnull
            actions = [
                (os.POSIX_SPAWN_OPEN, 0, null, os.O_RDONLY, 0),
                (os.POSIX_SPAWN_OPEN, 1, null, os.O_WRONLY, 0),
                (os.POSIX_SPAWN_DUP2, 1, 2),
            ]
            # Its own session: Ctrl-C reaches the judge, which then closes the socket.
            try:
                self._pid = os.posix_spawn(
                    sys.executable, argv, ENV, file_actions=actions, setsid=True
                )
            except NotImplementedError:  # no POSIX_SPAWN_SETSID: a process group will do
                self._pid = os.posix_spawn(
                    sys.executable, argv, ENV, file_actions=actions, setpgroup=0
                )
        except OSError as exc:
            ours.close()
            raise SandboxError(f"cannot start the sandbox: {exc.strerror or exc}") from None
        finally:
            theirs.close()
        self._socket = ours
        return ours

    def _stop(self) -> None:
        if self._socket is not None:
            self._socket.close()
            self._socket = None
        if self._pid is not None:
            try:
                os.waitpid(self._pid, os.WNOHANG)
            except ChildProcessError:
                pass
            self._pid = None


_shared = ForkServer()


def shared() -> ForkServer:
    """The fork server of this judge process."""
    return _shared
