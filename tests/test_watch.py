"""`judge watch`: a verdict on every save that changes the file, and nothing left after Ctrl-C."""

from __future__ import annotations

import json
import os
import queue
import signal
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from conftest import REPO, _workers, write
from judge.catalog import Catalog
from judge.sandbox import STDOUT_NAME
from judge.watch import Watch

MERGE = (REPO / "solutions" / "merge-sorted-array.py").read_text()


def wrong(tag: int) -> str:
    """A file that gives a Wrong Answer and prints `tag`: each save can be told apart."""
    return f"""
class Solution:
    def merge(self, nums1, m, nums2, n):
        print({tag})
"""


def save(path: Path, text: str) -> None:
    """Save as vim and JetBrains do: write a new file, then rename it over the old one."""
    new = path.with_name(path.name + ".new")
    new.write_text(text)
    os.replace(new, path)


def printed(path: Path) -> bytes:
    """What a run has printed so far (nothing, if its folder is gone already)."""
    try:
        return path.read_bytes()
    except OSError:
        return b""


class Watcher:
    """`judge watch` in a real process; its JSON lines are read on a thread."""

    def __init__(self, path: Path, scratch: Path, *args: str) -> None:
        env = {**os.environ, "TMPDIR": str(scratch)}
        self.process = subprocess.Popen(
            [sys.executable, "-m", "judge", "watch", str(path), "--json", *args],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            env=env,
        )
        self.lines: queue.Queue[str | None] = queue.Queue()
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self) -> None:
        assert self.process.stdout is not None
        for line in self.process.stdout:
            self.lines.put(line)
        self.lines.put(None)

    def next(self) -> dict:
        line = self.lines.get(timeout=60)
        assert line is not None, self.process.stderr.read()  # type: ignore[union-attr]
        return json.loads(line)

    def interrupt(self) -> int:
        self.process.send_signal(signal.SIGINT)
        return self.process.wait(timeout=60)


@pytest.fixture
def scratch(tmp_path: Path) -> Path:
    """The folder the watcher's runs make their scratch folders in: empty once it ends."""
    folder = tmp_path / "scratch"
    folder.mkdir()
    yield folder
    assert list(folder.iterdir()) == []
    assert _workers(str(folder)) == set()


def test_each_save_is_judged_and_ctrl_c_leaves_nothing_behind(tmp_path, scratch):
    path = write(tmp_path / "merge-sorted-array.py", MERGE)
    watcher = Watcher(path, scratch)
    assert watcher.next()["verdict"] == "AC"
    save(path, wrong(1))
    first = watcher.next()
    assert first["verdict"] == "WA" and first["failure"]["stdout"] == "1\n"
    # Saved mid-edit, in place as VS Code saves (truncate, then write).
    path.write_text("class Solution:\n    def merge(self, nums1, m, nums2, n)\n")
    assert watcher.next()["verdict"] == "CE"
    save(path, MERGE)  # the next save recovers
    assert watcher.next()["verdict"] == "AC"
    assert watcher.interrupt() == 0
    assert watcher.process.stderr.read() == ""  # type: ignore[union-attr]


def test_quick_saves_judge_the_newest_content_once(tmp_path, scratch):
    path = write(tmp_path / "merge-sorted-array.py", wrong(0))
    watcher = Watcher(path, scratch)
    assert watcher.next()["failure"]["stdout"] == "0\n"
    for tag in range(1, 8):
        save(path, wrong(tag))
    path.write_text(wrong(7))  # saved again unchanged, in place: nothing new to judge
    seen = []
    while not seen or seen[-1] != 7:
        seen.append(int(watcher.next()["failure"]["stdout"]))
    assert seen == sorted(set(seen))  # never the same content twice, never an older one
    save(path, wrong(8))
    assert watcher.next()["failure"]["stdout"] == "8\n"  # nothing stale was queued
    assert watcher.interrupt() == 0


def test_run_mode_prints_the_run_shape_on_each_save(tmp_path, scratch):
    path = write(tmp_path / "merge-sorted-array.py", MERGE)
    watcher = Watcher(path, scratch, "--case", "[2,0]\n1\n[1]\n1")
    first = watcher.next()
    assert first["matched"] == first["total"] == 1
    assert first["cases"][0]["expected"] == [1, 2]
    save(path, wrong(3))
    again = watcher.next()
    assert again["matched"] == 0 and again["cases"][0]["stdout"] == "3\n"
    assert again["cases"][0]["output"] == [2, 0]
    assert watcher.interrupt() == 0


def test_an_unchanged_or_missing_file_is_not_judged_again(tmp_path):
    path = write(tmp_path / "merge-sorted-array.py", MERGE)
    session = Watch(Catalog(), path)
    try:
        assert session.judge().verdict.value == "AC"
        assert session.judge() is None
        path.unlink()
        assert session.judge() is None
        write(path, wrong(1))
        assert session.judge().verdict.value == "WA"
    finally:
        session.close()


def test_ctrl_c_while_a_save_is_being_judged_exits_0_and_leaves_nothing_behind(tmp_path, scratch):
    endless = (
        "class Solution:\n    def merge(self, nums1, m, nums2, n):\n"
        "        print('spinning', flush=True)\n        while True: pass\n"
    )
    path = write(tmp_path / "merge-sorted-array.py", endless)
    watcher = Watcher(path, scratch)
    spinning = threading.Event()  # set once the solution has said it runs
    while watcher.process.poll() is None and not spinning.is_set():
        if any(b"spinning" in printed(p) for p in scratch.glob(f"judge-*/{STDOUT_NAME}")):
            spinning.set()
        else:
            spinning.wait(0.01)
    assert spinning.is_set()
    assert watcher.interrupt() == 0
    assert "Traceback" not in watcher.process.stderr.read()  # type: ignore[union-attr]
