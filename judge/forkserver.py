"""Start runs quickly: one pristine worker interpreter per judge process forks every run.

A new interpreter costs about 40 ms of CPU before it can run anything; forking one that is
already loaded costs about a millisecond. The fork server never runs solution code, so each run
still starts from a clean copy. It is started on first use and ends when the judge does (it
exits when its socket closes).

Both halves live here: `ForkServer` is the judge's end, `serve` the server's main loop (in its
own `python -I` interpreter), and `_start_run` the first steps of each forked run. They speak
over a Unix socket: `S` + JSON (the run's directory, environment and isolation) with the run's
four descriptors attached (job pipe, stdout file, result pipe, status pipe), or `R` + a pid the
judge is done with, for the server to reap.
"""

from __future__ import annotations

import _socket
import array
import os
import select
import sys
import threading

from judge.errors import SandboxError

TYPE_CHECKING = False  # not typing's: that costs an import before the server can start
if TYPE_CHECKING:
    from typing import NoReturn

# (os.path, not pathlib: this module is loaded first, before anything else, to start the server)
_PACKAGE_PARENT = os.path.dirname(os.path.dirname(os.path.realpath(__file__)))
# The collector waits while the server loads (as the judge's does, see `judge.__main__`): what
# it loads lives as long as the server, and `serve` freezes it before turning the collector on.
BOOT = (
    "import gc; gc.disable(); import sys; sys.path.insert(0, sys.argv[1]); "
    "import judge.forkserver as f; del sys.path[0]; f.serve(int(sys.argv[2]))"
)
# The server's own environment; each run gets its own HOME and TMPDIR on top.
ENV = {"PATH": "/usr/bin:/bin", "LANG": "C.UTF-8", "MALLOC_ARENA_MAX": "2"}


# The Unix socket is `_socket`'s own: `socket` only wraps it, and loading that module (its
# enums, its selectors) costs each process some 5 ms before the server can serve a run.
if sys.platform.startswith("linux"):  # SEQPACKET also tells the server that the judge left
    _KIND = _socket.SOCK_SEQPACKET
else:  # message boundaries are kept either way
    _KIND = _socket.SOCK_DGRAM


def _send_fds(sock: _socket.socket, data: bytes, fds: list[int]) -> None:
    """One message with descriptors attached (as `socket.send_fds` sends it)."""
    sock.sendmsg([data], [(_socket.SOL_SOCKET, _socket.SCM_RIGHTS, array.array("i", fds))])


def _recv_fds(sock: _socket.socket, size: int, most: int) -> tuple[bytes, list[int]]:
    """One message and the descriptors attached to it (as `socket.recv_fds` reads them)."""
    fds = array.array("i")
    data, ancillary, _, _ = sock.recvmsg(size, _socket.CMSG_LEN(most * fds.itemsize))
    for level, kind, payload in ancillary:
        if level == _socket.SOL_SOCKET and kind == _socket.SCM_RIGHTS:
            fds.frombytes(payload[: len(payload) - len(payload) % fds.itemsize])
    return data, list(fds)


class ForkServer:
    """The judge's end of the fork server; safe to share between threads."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._socket: _socket.socket | None = None
        self._pid: int | None = None

    def spawn(self, fds: list[int], cwd: str, env: dict[str, str], isolate: bool) -> None:
        """Ask for a new run with these descriptors (job, stdout, results, status). Returns at
        once: the run says its pid on the status pipe when it exists."""
        import json  # not at the top: the server is started before anything else is loaded

        request = json.dumps({"cwd": cwd, "env": env, "isolate": isolate}).encode()
        with self._lock:
            for _ in range(2):  # a server that died (killed from outside) is replaced once
                server = self._socket or self._start()
                try:
                    _send_fds(server, b"S" + request, fds)
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

    def _start(self) -> _socket.socket:
        ours, theirs = _socket.socketpair(_socket.AF_UNIX, _KIND)
        try:
            os.set_inheritable(theirs.fileno(), True)
            argv = [sys.executable, "-I", "-c", BOOT, _PACKAGE_PARENT, str(theirs.fileno())]
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


# The server's side: runs in its own interpreter, never in the judge. --------------------------


def serve(server_fd: int) -> None:
    """The fork server's main loop: a pristine interpreter, which never runs solution code,
    forks a keeper for every run. A run then starts in a millisecond, not a new interpreter's
    40 ms, and still gets a process of its own with nothing in it from any other run.

    A `R` request names a keeper to reap once the judge has finished with it (until then its
    pid cannot be reused). EOF: the judge is gone, so this exits, and its keepers with it (they
    die with their parent); it also exits when its parent, the judge, is gone. A scratch folder
    the judge left (it was killed before it removed one) is removed on the way out.
    """
    import gc
    import json

    from judge import keeper, worker

    parent = os.getppid()
    os.chdir("/")
    worker.preload()
    del keeper  # loaded once here, not by every run's first process (`_start_run`)
    server = _socket.socket(fileno=server_fd)
    waiting = select.poll()
    waiting.register(server_fd, select.POLLIN)
    gc.freeze()  # the keepers share these pages instead of copying them when they collect
    gc.enable()  # (off while loading: see BOOT) every run starts with it on, as Python does
    keepers: set[int] = set()  # every keeper not reaped yet: its pid is still its group's id
    unreaped: set[int] = set()
    folders: dict[int, str] = {}  # each run's scratch folder, by its keeper
    while True:
        if not waiting.poll(1000):
            if os.getppid() != parent:  # where a closed socket is not seen (datagrams)
                _leave(keepers, folders)
            continue
        try:
            data, fds = _recv_fds(server, 1 << 16, 8)
        except OSError:
            _leave(keepers, folders)
        if not data:
            _leave(keepers, folders)
        if data[:1] == b"R":
            unreaped.add(int(data[1:]))
        elif data[:1] == b"S" and len(fds) == 4:
            request = json.loads(data[1:])
            try:
                child = os.fork()
            except OSError:
                child = -1  # the judge sees the status pipe close without a pid
            if child == 0:
                try:
                    server.close()
                    _start_run(fds, request)
                finally:
                    os._exit(70)
            if child > 0:
                keepers.add(child)
                folders[child] = request["cwd"]
        for fd in fds:
            os.close(fd)
        for pid in list(unreaped):
            try:
                if os.waitpid(pid, os.WNOHANG)[0]:
                    unreaped.discard(pid)
                    keepers.discard(pid)
            except ChildProcessError:
                unreaped.discard(pid)
                keepers.discard(pid)


def _leave(keepers: set[int], folders: dict[int, str]) -> NoReturn:
    """The judge is gone: kill every run still going, then exit. A keeper dies with this
    process, but a worker without a PID namespace does not die with its keeper (see
    `keeper.main`): each is killed here with its process group, the keeper's. A judge that was
    killed may have left scratch folders (even of runs it had ended: it removes a folder last):
    each still there is removed once its keeper is gone."""
    from judge import procfs  # (loaded already, by the keeper)

    for pid in keepers:
        try:
            os.killpg(pid, procfs.SIGKILL)
        except OSError:
            pass
    for pid, folder in folders.items():
        if not os.path.lexists(folder):
            continue  # removed by the judge, as every folder is when it ends normally
        try:
            os.waitpid(pid, 0)
        except ChildProcessError:
            pass  # reaped already
        remove_scratch(folder)
    os._exit(0)


def remove_scratch(path: str) -> None:
    """Remove a run's scratch folder: usually its files only (a link is removed, never
    followed); anything more, such as folders the solution made, is left to shutil (which,
    like tempfile, the judge does not load at start-up in the usual case)."""
    try:
        for name in os.listdir(path):
            os.unlink(os.path.join(path, name))
        os.rmdir(path)
    except OSError:
        import shutil

        shutil.rmtree(path, ignore_errors=True)


def _start_run(fds: list[int], request: dict) -> None:
    """A new run's first process: take the run's descriptors, scratch directory and
    environment, say its pid on the status pipe, then go on as the run's keeper."""
    from judge import keeper, protocol

    job, out, channel_fd, status_fd = fds
    os.setsid()  # its own process group: the judge kills the run's processes as a group
    os.dup2(job, 0)
    os.dup2(out, 1)
    os.dup2(out, 2)
    os.close(job)
    os.close(out)
    os.chdir(request["cwd"])
    os.environ.clear()
    os.environ.update(request["env"])
    os.write(status_fd, protocol.pid_line(os.getpid()))
    keeper.main(channel_fd, status_fd, bool(request["isolate"]))
