"""A run's first processes: isolate the run, start the worker, and report how it ended.

The fork server forks a keeper for every run (`forkserver.serve`). The keeper enters the
namespaces the kernel allows (`isolation`) and forks the worker, so that the solution is never a
child of the judge: it cannot signal it or outlive the judge's view of it. With a PID namespace
the namespace's first process supervises the worker, and when it exits the kernel kills
whatever the solution left; without one the keeper is a subreaper and kills the orphans itself.
The supervisor writes how the worker ended on the status pipe (`protocol.status_line`).

Runs inside the sandbox, so it imports only the standard library and the worker's side.
"""

from __future__ import annotations

import os
import time

from judge import isolation, procfs, protocol


def main(channel_fd: int, status_fd: int, isolate: bool) -> None:
    """Isolate, then run the worker in a child; never returns."""
    isolation.die_with_parent()
    entered = isolation.enter_namespaces() if isolate else set()
    if "pid" not in entered:
        isolation.become_subreaper()
    child = os.fork()
    if child:  # the keeper, outside the namespaces
        os.close(channel_fd)
        if "pid" in entered:
            os.close(status_fd)  # the namespace's init reports instead
            os.waitpid(child, 0)
            os._exit(0)
        _supervise(child, status_fd, init=False)
    if "pid" in entered:  # this process is PID 1 of the new namespace: the worker is PID 2
        isolation.die_with_parent()  # and with it, everything in the namespace
        child = os.fork()
        if child:
            os.close(channel_fd)
            _supervise(child, status_fd, init=True)
        isolation.die_with_parent()
    # Without a PID namespace the worker's parent is the keeper, which the solution can kill:
    # a worker that died with it would race its answer against its own death. It outlives
    # the keeper instead; the judge ends it with the run, the fork server if the judge goes.
    os.close(status_fd)
    from judge import worker

    worker.serve(channel_fd, entered, isolate)


def _supervise(child: int, status_fd: int, init: bool) -> None:
    """Wait for the worker, report how it ended on the status pipe, then exit.

    As the first process of a PID namespace (`init`), reap every orphan; when it exits, the
    kernel kills whatever the solution left in the namespace. Without a namespace this process
    is a subreaper: orphans of the solution become its children, and it kills them all.
    """
    while True:
        try:
            pid, status = os.wait()
        except ChildProcessError:
            os._exit(0)
        if pid == child:
            if not init:
                _kill_children()
            os.write(status_fd, protocol.status_line(status))
            os._exit(0)


def _kill_children() -> None:
    """Kill and reap every child of this process, including orphans adopted as a subreaper."""
    me = os.getpid()
    for _ in range(100):
        found = procfs.children(me)
        for pid in found:
            try:
                os.kill(pid, procfs.SIGKILL)
            except OSError:
                pass
        try:
            while os.waitpid(-1, os.WNOHANG)[0]:
                pass
        except ChildProcessError:
            pass
        if not found:
            return
        time.sleep(0.005)  # killed ones may still be leaving; new orphans may arrive
