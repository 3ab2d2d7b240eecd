"""Kernel protections a worker can take on without root, each optional with a graceful fallback.

- A user namespace gives an unprivileged process the right to make the others;
- a PID namespace: the solution cannot see or signal the judge, and when the namespace's first
  process ends, the kernel kills everything the solution started, however it detached;
- a network namespace with no interfaces: no network;
- Landlock: no writes outside the scratch directory, and no reads outside it and what
  LeetCode's Python runtime reads (`runtime_paths`): not the problems, the references, the
  cache of expected answers or the user's files.

Runs inside the sandbox, so it imports only the standard library.
"""

from __future__ import annotations

import ctypes
import functools
import os
import stat
import sys
from collections.abc import Sequence

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
_EXECUTE, _WRITE_FILE, _READ_FILE, _READ_DIR = 1 << 0, 1 << 1, 1 << 2, 1 << 3
_REMOVE_DIR, _REMOVE_FILE = 1 << 4, 1 << 5
_MAKE_CHAR, _MAKE_DIR, _MAKE_REG, _MAKE_SOCK = 1 << 6, 1 << 7, 1 << 8, 1 << 9
_MAKE_FIFO, _MAKE_BLOCK, _MAKE_SYM = 1 << 10, 1 << 11, 1 << 12
_REFER, _TRUNCATE = 1 << 13, 1 << 14
_WRITES = (
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
_FILE_RIGHTS = _EXECUTE | _WRITE_FILE | _READ_FILE | _TRUNCATE  # the rights a file rule may hold


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


def runtime_paths(third_party: tuple[str, ...] = ()) -> tuple[str, ...]:
    """What a solution may read besides its scratch directory: what LeetCode's runtime reads.

    The standard library entry by entry (its `site-packages`, where packages such as judge
    itself may be installed, left out), the packages named in `third_party` and nothing else
    of site-packages, the system's shared libraries (a module such as `ssl` loads them),
    `/dev/null` and the time zone files. Computed once, in the fork server.
    """
    from importlib.machinery import PathFinder  # (importlib.util costs the server 3 ms more)

    paths: list[str] = []
    stdlib = os.path.dirname(os.__file__)
    try:
        names = sorted(os.listdir(stdlib))
    except OSError:
        names = []
    paths += [
        os.path.join(stdlib, name)
        for name in names
        if name not in ("site-packages", "dist-packages") and not name.startswith(".")
    ]
    # The interpreter itself: a solution may start a new one (`subprocess`, `multiprocessing`).
    paths.append(os.path.realpath(sys.executable))
    paths.append(os.path.join(sys.prefix, "pyvenv.cfg"))  # a new one reads it when it starts
    paths += _libpython()
    for name in third_party:
        spec = PathFinder.find_spec(name)  # a top-level package: on sys.path
        if spec is not None:
            paths += spec.submodule_search_locations or [spec.origin or ""]
    # The shared libraries the interpreter and its extension modules load, never a folder
    # that also holds Python packages (/usr/lib/python3/dist-packages): the multiarch folders.
    arch = getattr(sys.implementation, "_multiarch", "")
    libdirs = [f"/lib/{arch}", f"/usr/lib/{arch}"] if arch else []
    libdirs += ["/lib64", "/usr/lib64", "/etc/ld.so.cache", "/etc/localtime"]
    libdirs += ["/usr/share/zoneinfo", os.devnull, "/dev/urandom", "/dev/zero"]
    for path in libdirs:
        path = os.path.realpath(path)
        if os.path.isfile(path) or (os.path.isdir(path) and not _holds_packages(path)):
            paths.append(path)
    return tuple(dict.fromkeys(p for p in paths if p))


def _libpython() -> list[str]:
    """The shared libpython this interpreter runs on, if it is one (a new interpreter loads it
    too): as the kernel shows it mapped, else as sysconfig says (which costs the fork server
    some 5 ms to load)."""
    try:
        with open("/proc/self/maps") as maps:
            found = {line.split(maxsplit=5)[5].strip() for line in maps if "/libpython" in line}
        return sorted(found)
    except (OSError, IndexError):
        import sysconfig

        libdir, soname = sysconfig.get_config_var("LIBDIR"), sysconfig.get_config_var("INSTSONAME")
        return [os.path.join(libdir, soname)] if libdir and soname else []


def listable_paths() -> tuple[str, ...]:
    """Folders whose names (not contents) a new interpreter must list to find its standard
    library: the standard library's own folder, whose `site-packages` it holds contents of
    are not readable."""
    return (os.path.dirname(os.__file__),)


def _holds_packages(folder: str) -> bool:
    """Whether a folder holds Python installations (whose site-packages may hold anything)."""
    try:
        return any(name.startswith("python") for name in os.listdir(folder))
    except OSError:
        return True


class Rules:
    """What a run may read, as Landlock rules made ready once, in the fork server: each path
    opened and its rule built, so that a run only hands them to the kernel (a millisecond)."""

    def __init__(self, readable: Sequence[str], listable: Sequence[str] = ()) -> None:
        reads = _EXECUTE | _READ_FILE | _READ_DIR
        wanted = [(path, reads) for path in readable] + [(path, _READ_DIR) for path in listable]
        wanted.append((os.devnull, _WRITE_FILE | _READ_FILE))
        self._kept: list[_PathBeneathAttr] = []  # the rules and their open paths stay alive
        self.refs: list = []
        for path, access in wanted:
            try:
                fd = os.open(path, os.O_PATH | os.O_CLOEXEC)
            except OSError:
                continue  # not on this machine: nothing to allow
            if not stat.S_ISDIR(os.fstat(fd).st_mode):
                access &= _FILE_RIGHTS
            rule = _PathBeneathAttr(access, fd)
            self._kept.append(rule)
            self.refs.append(ctypes.byref(rule))

    def close(self) -> None:
        """Close the opened paths (in a run, once it is confined)."""
        for rule in self._kept:
            try:
                os.close(rule.parent_fd)
            except OSError:
                pass
        self._kept, self.refs = [], []


def _add_rule(libc: ctypes.CDLL, ruleset: int, rule: object) -> bool:
    return libc.syscall(_SYS_ADD_RULE, ruleset, _LANDLOCK_RULE_PATH_BENEATH, rule, 0) == 0


def confine(scratch: str, rules: Rules) -> set[str]:
    """Landlock: create, change or remove files only beneath `scratch`; read only beneath it
    and what `rules` allow. Returns what it applied: {"landlock", "reads"}, or nothing where
    the kernel has no Landlock."""
    abi = landlock_abi()
    if abi < 1:
        return set()
    libc = _libc()
    assert libc is not None
    writes = _WRITES | (_REFER if abi >= 2 else 0) | (_TRUNCATE if abi >= 3 else 0)
    reads = _EXECUTE | _READ_FILE | _READ_DIR
    attr = _RulesetAttr(writes | reads)
    ruleset = libc.syscall(_SYS_CREATE_RULESET, ctypes.byref(attr), ctypes.sizeof(attr), 0)
    if ruleset < 0:
        return set()
    try:
        try:
            directory = os.open(scratch, os.O_PATH | os.O_DIRECTORY | os.O_CLOEXEC)
        except OSError:
            return set()
        try:
            own = _PathBeneathAttr(writes | reads, directory)
            allowed = _add_rule(libc, ruleset, ctypes.byref(own))
        finally:
            os.close(directory)
        for rule in rules.refs:
            _add_rule(libc, ruleset, rule)  # one that fails only leaves less readable
        if not allowed or libc.prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0):
            return set()
        if libc.syscall(_SYS_RESTRICT_SELF, ruleset, 0) != 0:
            return set()
        return {"landlock", "reads"}
    finally:
        os.close(ruleset)
