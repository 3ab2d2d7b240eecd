"""The one reader of /proc: facts about live, finished and unknown processes."""

from __future__ import annotations

import os
import subprocess
import sys
import time

from judge import procfs


def test_this_process_as_the_kernel_sees_it():
    me = os.getpid()
    assert procfs.parent(me) == os.getppid()
    assert not procfs.gone(me)
    assert procfs.started(me) is not None
    assert procfs.peak_memory_kb(me) > 1000


def test_cpu_time_grows_with_work():
    me = os.getpid()
    before = procfs.cpu_ns(me)
    end = time.process_time() + 0.05
    while time.process_time() < end:
        pass
    assert procfs.cpu_ns(me) >= before + 30_000_000  # /proc counts in clock ticks


def test_a_child_is_listed_then_gone_once_it_ends():
    child = subprocess.Popen([sys.executable, "-c", "import sys; sys.stdin.read()"],
                             stdin=subprocess.PIPE)  # fmt: skip
    try:
        assert child.pid in procfs.children(os.getpid())
        assert procfs.parent(child.pid) == os.getpid()
        child.stdin.close()  # it ends now
        procfs.wait_gone(child.pid, 30.0)
        assert procfs.gone(child.pid)  # a zombie not yet reaped has ended too
    finally:
        child.wait()
    assert child.pid not in procfs.children(os.getpid())


def test_a_process_group_lists_its_members():
    child = subprocess.Popen([sys.executable, "-c", "import sys; sys.stdin.read()"],
                             stdin=subprocess.PIPE, start_new_session=True)  # fmt: skip
    try:
        assert procfs.group(child.pid) == [child.pid]
        assert os.getpid() not in procfs.group(child.pid)
    finally:
        child.stdin.close()
        child.wait()
    assert procfs.group(child.pid) == []


def test_an_unknown_process_reads_as_gone():
    assert procfs.stat(2**22 + 1) == []
    assert procfs.gone(2**22 + 1)
    assert procfs.parent(2**22 + 1) is None
    assert procfs.cpu_ns(2**22 + 1) is None
    assert procfs.peak_memory_kb(2**22 + 1) is None


def test_a_name_with_spaces_and_parentheses_does_not_shift_the_fields(tmp_path):
    odd = tmp_path / "a b) (c"
    os.symlink(sys.executable, odd)
    child = subprocess.Popen([str(odd), "-c", "import sys; sys.stdin.read()"],
                             stdin=subprocess.PIPE)  # fmt: skip
    try:
        assert procfs.parent(child.pid) == os.getpid()
    finally:
        child.stdin.close()
        child.wait()
