"""Kernel protections a worker can take on without root, each optional with a graceful fallback.

- A user namespace gives an unprivileged process the right to make the others;
- a PID namespace: the solution cannot see or signal the judge, and when the namespace's first
  process ends, the kernel kills everything the solution started, however it detached;
- a network namespace with no interfaces: no network;
- Landlock: no writes outside the scratch directory.

Runs inside the sandbox, so it imports only the standard library.
"""

from __future__ import annotations

import ctypes
import functools
import os
import sys

CLONE_NEWUSER = 0x10000000
CLONE_NEWPID = 0x20000000
CLONE_NEWNET = 0x40000000
PR_SET_PDEATHSIG = 1
PR_SET_NO_NEW_PRIVS = 38
PR_SET_CHILD_SUBREAPER = 36

# Landlock (linux/landlock.h); the syscall numbers are the same on x86_64 and arm64.
_SYS_CREATE_RULESET, _SYS_ADD_RULE, _SYS_RESTRICT_SELF = 444, 445, 446
_LANDLOCK_CREATE_RULESET_VERSION = 1
_LANDLOCK_RULE_PATH_BENEATH = 1
_WRITE_FILE = 1 << 1
_REMOVE_DIR, _REMOVE_FILE = 1 << 4, 1 << 5
_MAKE_CHAR, _MAKE_DIR, _MAKE_REG, _MAKE_SOCK = 1 << 6, 1 << 7, 1 << 8, 1 << 9
_MAKE_FIFO, _MAKE_BLOCK, _MAKE_SYM = 1 << 10, 1 << 11, 1 << 12
_REFER, _TRUNCATE = 1 << 13, 1 << 14


class _RulesetAttr(ctypes.Structure):
    _fields_ = [("handled_access_fs", ctypes.c_uint64)]


class _PathBeneathAttr(ctypes.Structure):
    _pack_ = 1
    _fields_ = [("allowed_access", ctypes.c_uint64), ("parent_fd", ctypes.c_int32)]


@functools.cache
def _libc() -> ctypes.CDLL | None:
    if not sys.platform.startswith("linux"):
        return None
    try:
        return ctypes.CDLL(None, use_errno=True)
    except OSError:
        return None


def prepare() -> None:
    """Look up the C functions now (in the fork server), so that each run's processes only
    call them: every object made in a freshly forked process costs page copies."""
    libc = _libc()
    if libc is not None:
        for name in ("prctl", "unshare", "syscall"):
            getattr(libc, name, None)


def die_with_parent() -> None:
    """Have the kernel kill this process if its parent dies: no orphans if the judge is killed."""
    libc = _libc()
    if libc is not None:
        libc.prctl(PR_SET_PDEATHSIG, 9, 0, 0, 0)


def become_subreaper() -> None:
    """Adopt the orphans of descendants, so none escapes by detaching from its parent."""
    libc = _libc()
    if libc is not None:
        libc.prctl(PR_SET_CHILD_SUBREAPER, 1, 0, 0, 0)


def _write(path: str, text: str) -> None:
    fd = os.open(path, os.O_WRONLY)
    try:
        os.write(fd, text.encode())
    finally:
        os.close(fd)


def enter_namespaces() -> set[str]:
    """Move into new user, PID and network namespaces where allowed; returns those entered.

    The PID namespace applies to the children of the caller, not to the caller itself.
    """
    libc = _libc()
    if libc is None:
        return set()
    uid, gid = os.getuid(), os.getgid()
    flags = CLONE_NEWPID | CLONE_NEWNET
    if libc.unshare(CLONE_NEWUSER | flags) == 0:
        try:
            _write("/proc/self/setgroups", "deny")
            _write("/proc/self/uid_map", f"{uid} {uid} 1")
            _write("/proc/self/gid_map", f"{gid} {gid} 1")
        except OSError:
            pass
        return {"user", "pid", "net"}
    if libc.unshare(flags) == 0:  # root without user namespaces
        return {"pid", "net"}
    return set()


def landlock_abi() -> int:
    """The Landlock ABI version of this kernel, or 0 when Landlock is not available."""
    libc = _libc()
    if libc is None:
        return 0
    version = libc.syscall(
        _SYS_CREATE_RULESET,
        None,
        ctypes.c_size_t(0),
        ctypes.c_uint32(_LANDLOCK_CREATE_RULESET_VERSION),
    )
    return max(0, version)


def restrict_writes(allowed: str) -> bool:
    """Forbid creating, changing or removing files anywhere but beneath `allowed` (Landlock)."""
    abi = landlock_abi()
    if abi < 1:
        return False
    libc = _libc()
    assert libc is not None
    access = (
        _WRITE_FILE
        | _REMOVE_DIR
        | _REMOVE_FILE
        | _MAKE_CHAR
        | _MAKE_DIR
        | _MAKE_REG
        | _MAKE_SOCK
        | _MAKE_FIFO
        | _MAKE_BLOCK
        | _MAKE_SYM
    )
    if abi >= 2:
        access |= _REFER
    if abi >= 3:
        access |= _TRUNCATE
    attr = _RulesetAttr(access)
    ruleset = libc.syscall(_SYS_CREATE_RULESET, ctypes.byref(attr), ctypes.sizeof(attr), 0)
    if ruleset < 0:
        return False
    try:
        directory = os.open(allowed, os.O_PATH | os.O_DIRECTORY)
        try:
            rule = _PathBeneathAttr(access, directory)
            if libc.syscall(
                _SYS_ADD_RULE, ruleset, _LANDLOCK_RULE_PATH_BENEATH, ctypes.byref(rule), 0
            ):
                return False
        finally:
            os.close(directory)
        if libc.prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0):
            return False
        return libc.syscall(_SYS_RESTRICT_SELF, ruleset, 0) == 0
    finally:
        os.close(ruleset)
