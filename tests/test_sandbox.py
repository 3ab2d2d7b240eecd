"""Real misbehaving submissions: the judge finishes with the right verdict and message."""

from __future__ import annotations

import os
import tempfile

import pytest

from conftest import SUBMISSIONS, write
from judge import sandbox
from judge.grading import Finished, grade
from judge.references import prepare_cases
from judge.submission import read_submission

SLUG = "container-with-most-water"
HEAD = "class Solution:\n    def maxArea(self, height: List[int]) -> int:\n"


def judge_source(catalog, tmp_path, source: str | bytes, name: str = "s.py"):
    path = tmp_path / name
    if isinstance(source, bytes):
        path.write_bytes(source)
    else:
        write(path, source)
    problem = catalog.get(SLUG)
    events = list(grade(problem, read_submission(path), prepare_cases(problem)))
    assert isinstance(events[-1], Finished)
    return events[-1].result


def body(code: str) -> str:
    return HEAD + "".join(f"        {line}\n" for line in code.splitlines())


@pytest.mark.parametrize(
    "source, message",
    [
        (HEAD + "        return (\n", "SyntaxError"),
        ("class Solution:\n    pass\n", "no method `maxArea`"),
        ("def maxArea(height):\n    return 0\n", "no `class Solution`"),
        ("", "the file is empty"),
        (b"\x89PNG\r\n\x1a\n\x00\x00binary", "binary"),
        (b"class Solution:\n    x = '\xff\xfe'\n", "not UTF-8"),
    ],
    ids=["syntax", "no-method", "no-class", "empty", "binary", "bad-utf8"],
)
def test_compile_errors(catalog, tmp_path, source, message):
    result = judge_source(catalog, tmp_path, source)
    assert result.verdict.value == "CE"
    assert message in result.failure.message


def test_syntax_error_names_the_line(catalog, tmp_path):
    result = judge_source(catalog, tmp_path, HEAD + "        x = = 1\n")
    assert "line 3" in result.failure.message


def test_missing_method_shows_the_expected_signature(catalog, tmp_path):
    result = judge_source(
        catalog, tmp_path, "class Solution:\n    def maxarea(self, h):\n        pass\n"
    )
    assert "def maxArea(self, height: List[int]) -> int:" in result.failure.message


@pytest.mark.parametrize(
    "code, verdict, message",
    [
        ("return height[len(height)]", "RE", "IndexError: list index out of range"),
        ("import no_such_module_here", "RE", "ModuleNotFoundError"),
        ("return int(input())", "RE", "EOFError"),
        ("import sys; sys.exit(3)", "RE", "exited"),
        ("raise SystemExit", "RE", "exited"),
        ("import os; os._exit(0)", "RE", "exited with code 0"),
        ("import os, signal; os.kill(os.getpid(), signal.SIGSEGV)", "RE", "SIGSEGV"),
        ("import os, signal; os.kill(os.getpid(), signal.SIGKILL)", "RE", "SIGKILL"),
        ("def f(n): return f(n + 1)\nreturn f(0)", "RE", "RecursionError"),
        ("while True: pass", "TLE", "time limit"),
        ("import time; time.sleep(60)", "TLE", "time limit"),
        ("x = bytearray(10**10)", "MLE", "memory limit"),
        ("x = []\nwhile True: x.append([0] * 100_000)", "MLE", "memory limit"),
        ("while True: print('spam' * 1000)", "OLE", "output limit"),
        ("return '7'", "WA", "expected int"),
    ],
    ids=[
        "index-error",
        "missing-module",
        "input",
        "sys-exit",
        "raise-systemexit",
        "os-exit",
        "sigsegv",
        "sigkill",
        "recursion",
        "endless-loop",
        "sleep",
        "huge-allocation",
        "gradual-growth",
        "output-flood",
        "wrong-type",
    ],
)
def test_misbehaviour_gets_its_verdict(catalog, tmp_path, code, verdict, message):
    result = judge_source(catalog, tmp_path, body(code))
    assert result.verdict.value == verdict, result.failure
    assert message in result.failure.message


def test_runtime_error_shows_the_solutions_own_traceback(catalog, tmp_path):
    result = judge_source(catalog, tmp_path, body("x = 1\nreturn height[10**9]"))
    assert result.failure.traceback == ["line 4, in maxArea", "    return height[10**9]"]
    assert result.failure.case == "example-1"
    assert result.failure.input.startswith("height = [1,8,6,2,5,4,8,3,7]")


def test_import_time_loop_is_tle(catalog, tmp_path):
    result = judge_source(
        catalog, tmp_path, "while True:\n    pass\n" + HEAD + "        return 0\n"
    )
    assert result.verdict.value == "TLE" and "loading" in result.failure.message


def test_stdout_of_the_failing_case_is_shown_cut(catalog, tmp_path):
    result = judge_source(catalog, tmp_path, body("print('x' * 100000)\nreturn -1"))
    assert result.verdict.value == "WA"
    assert result.failure.stdout.startswith("xxxx") and "more bytes" in result.failure.stdout
    assert len(result.failure.stdout) < 5000


def test_mutating_input_and_class_state_do_not_leak_between_cases(catalog, tmp_path):
    source = (
        "class Solution:\n"
        "    calls = 0\n"
        "    def maxArea(self, height):\n"
        "        Solution.calls += 1\n"
        "        i, j, best = 0, len(height) - 1, 0\n"
        "        while i < j:\n"
        "            best = max(best, min(height[i], height[j]) * (j - i))\n"
        "            if height[i] < height[j]: i += 1\n"
        "            else: j -= 1\n"
        "        height.clear()\n"
        "        return best\n"
    )
    assert judge_source(catalog, tmp_path, source).verdict.value == "AC"


def test_custom_eq_never_counts_as_equal(catalog, tmp_path):
    source = (
        "class Yes(int):\n"
        "    def __eq__(self, other): return True\n"
        "    __hash__ = int.__hash__\n" + HEAD + "        return Yes(-1)\n"
    )
    result = judge_source(catalog, tmp_path, source)
    assert result.verdict.value == "WA" and result.failure.output == -1


def test_deep_recursion_on_a_path_tree_is_accepted(catalog, tmp_path):
    source = (
        "class Solution:\n"
        "    def lowestCommonAncestor(self, root, p, q):\n"
        "        if root is None or root is p or root is q:\n"
        "            return root\n"
        "        left = self.lowestCommonAncestor(root.left, p, q)\n"
        "        right = self.lowestCommonAncestor(root.right, p, q)\n"
        "        return root if left and right else left or right\n"
    )
    problem = catalog.get("lowest-common-ancestor")
    path = write(tmp_path / "rec.py", source)
    events = list(grade(problem, read_submission(path), prepare_cases(problem)))
    assert events[-1].result.verdict.value == "AC"


def _workers(scratch_parent: str) -> set[int]:
    """Live processes whose working directory is a scratch directory under `scratch_parent`."""
    found = set()
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                if os.readlink(f"/proc/{entry}/cwd").startswith(scratch_parent):
                    found.add(int(entry))
            except OSError:
                pass
    return found


@pytest.fixture(autouse=True)
def leaves_nothing_behind(tmp_path_factory, monkeypatch):
    """After every run here, no process and no scratch directory of the run remains."""
    parent = tmp_path_factory.mktemp("scratch")
    monkeypatch.setattr(tempfile, "tempdir", str(parent))
    yield
    sandbox.settle()  # workers are ended in the background once released
    assert list(parent.iterdir()) == []
    assert _workers(str(parent)) == set()


def _sleeping(pid: int) -> bool:
    """Whether `pid` is still a live `sleep` process."""
    try:
        with open(f"/proc/{pid}/stat") as stat, open(f"/proc/{pid}/cmdline") as cmdline:
            alive = stat.read().rpartition(")")[2].split()[0] != "Z"
            return alive and cmdline.read() == "sleep\x00377.25\x00"
    except OSError:
        return False


SPAWNERS = {
    "subprocess": "import subprocess\nsubprocess.Popen(['sleep', '377.25'])\n",
    "fork": "import os\nif os.fork() == 0:\n    os.execvp('sleep', ['sleep', '377.25'])\n",
    "detached": (
        "import os, time\n"
        "if os.fork() == 0:\n"
        "    os.setsid()\n"
        "    if os.fork() == 0:\n"
        "        os.execvp('sleep', ['sleep', '377.25'])\n"
        "    os._exit(0)\n"
    ),
}


@pytest.fixture(params=["namespaces", "fallback"])
def isolation_mode(request, monkeypatch):
    """Run a test with the kernel's namespaces, and again with the fallback without them."""
    if request.param == "fallback":
        monkeypatch.setenv("JUDGE_NO_NAMESPACES", "1")
    return request.param


@pytest.mark.parametrize("kind", sorted(SPAWNERS))
def test_started_processes_do_not_outlive_the_run(catalog, tmp_path, kind, isolation_mode):
    # Each spawned process reports its pid as the judge's side of the system sees it.
    source = (
        "import os, time\n"
        "class Solution:\n"
        "    def maxArea(self, height):\n"
        + "".join(f"        {line}\n" for line in SPAWNERS[kind].splitlines())
        + "        time.sleep(0.2)\n"
        "        for pid in os.listdir('/proc'):\n"
        "            if pid.isdigit():\n"
        "                try:\n"
        "                    if open(f'/proc/{pid}/cmdline').read() == 'sleep\\x00377.25\\x00':\n"
        "                        print('host-pid', pid)\n"
        "                except OSError:\n"
        "                    pass\n"
        "        return -1\n"
    )
    result = judge_source(catalog, tmp_path, source)
    assert result.verdict.value == "WA"
    pids = [
        int(line.split()[1])
        for line in result.failure.stdout.splitlines()
        if line.startswith("host-pid")
    ]
    import time

    time.sleep(0.2)
    assert pids, result.failure.stdout
    assert not [pid for pid in pids if _sleeping(pid)]


def test_spinning_thread_after_a_correct_answer_does_not_hang(catalog, tmp_path):
    import time

    accepted = SUBMISSIONS / "container-with-most-water" / "accepted" / "two_pointers.py"
    source = accepted.read_text() + (
        "\n\nimport threading\n"
        "def _spin():\n"
        "    while True:\n"
        "        pass\n"
        "_original = Solution.maxArea\n"
        "def _answer_then_spin(self, height):\n"
        "    if threading.active_count() == 1:\n"
        "        threading.Thread(target=_spin).start()\n"
        "    return _original(self, height)\n"
        "Solution.maxArea = _answer_then_spin\n"
    )
    start = time.monotonic()
    result = judge_source(catalog, tmp_path, source)
    assert result.verdict.value in ("AC", "TLE")
    assert time.monotonic() - start < 30


def test_killing_the_parent_does_not_stop_the_judge(catalog, tmp_path, isolation_mode):
    result = judge_source(
        catalog,
        tmp_path,
        body("import os, signal\nos.kill(os.getppid(), signal.SIGKILL)\nreturn -1"),
    )
    assert result.verdict.value in ("WA", "RE")


def test_fake_results_on_every_descriptor_never_become_accepted(catalog, tmp_path):
    fake = '{"t":"ok","i":0,"cpu":0,"so":0,"out":49}\\n'
    code = (
        "import os, sys\n"
        f"line = {fake!r}.encode()\n"
        "print(line.decode()); sys.stderr.write(line.decode())\n"
        "for fd in range(3, 1024):\n"
        "    try:\n"
        "        os.write(fd, line * 40)\n"
        "    except OSError:\n"
        "        pass\n"
        "return -1"
    )
    result = judge_source(catalog, tmp_path, body(code))
    assert result.verdict.value in ("WA", "RE")


def test_monkeypatching_serialisers_and_builtins_never_becomes_accepted(catalog, tmp_path):
    code = (
        "import json, pickle, marshal, builtins\n"
        'json.dumps = lambda *a, **k: \'{"t":"ok","i":0,"cpu":0,"out":49}\'\n'
        "json.JSONEncoder.encode = lambda self, o: '49'\n"
        "pickle.dumps = marshal.dumps = lambda *a, **k: b'49'\n"
        "builtins.isinstance = lambda *a: True\n"
        "builtins.int = lambda *a: 49\n"
        "return -1"
    )
    result = judge_source(catalog, tmp_path, body(code))
    assert result.verdict.value in ("WA", "RE")


def test_exit_at_import_is_a_runtime_error(catalog, tmp_path):
    result = judge_source(catalog, tmp_path, "import sys\nsys.exit(0)\n" + body("return 0"))
    assert result.verdict.value == "RE" and "exited" in result.failure.message


def test_writes_outside_the_scratch_directory_and_network_are_refused(catalog, tmp_path):
    target = tmp_path / "escaped.txt"
    code = (
        "import socket\n"
        f"try:\n    open({str(target)!r}, 'w').write('x')\n"
        "except OSError:\n    print('write refused')\n"
        "try:\n    socket.create_connection(('127.0.0.1', 9), timeout=1)\n"
        "except OSError:\n    print('network refused')\n"
        "return -1"
    )
    result = judge_source(catalog, tmp_path, body(code))
    from judge.doctor import probe

    active = {p.name for p in probe() if p.active}
    if "Landlock" in active:
        assert not target.exists() and "write refused" in result.failure.stdout
    if "network namespace" in active:
        assert "network refused" in result.failure.stdout


def test_output_flood_keeps_the_judge_small(catalog, tmp_path):
    import resource

    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    result = judge_source(
        catalog, tmp_path, body("import sys\nwhile True: sys.stdout.write('x' * 65536)")
    )
    assert result.verdict.value == "OLE"
    grown_mb = (resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before) / 1024
    assert grown_mb < 50 and len(result.failure.stdout) < 5000


def test_cpu_spent_in_other_threads_is_charged_to_the_case(catalog, tmp_path):
    # The per-case clock is the calling thread's; work handed to a helper thread must still
    # count, or a solution could hide its cost from the reported time.
    code = (
        "import threading, time\n"
        "def spin():\n"
        "    end = time.thread_time() + 0.3\n"
        "    while time.thread_time() < end:\n"
        "        pass\n"
        "t = threading.Thread(target=spin)\n"
        "t.start()\n"
        "t.join()\n"
        "return 0\n"
    )
    result = judge_source(catalog, tmp_path, body(code))
    assert result.cases[0].time_ms >= 250


def test_a_run_that_changes_the_interpreter_leaves_the_next_run_clean(catalog, tmp_path):
    # Runs are forked from one interpreter: whatever a run changes stays in its own process.
    vandal = body(
        "import builtins, heapq, sys\n"
        "builtins.max = lambda *a, **k: -1\n"
        "heapq.heappush = None\n"
        "sys.modules['collections'] = None\n"
        "globals()['List'] = None\n"  # LeetCode's scope, which every run is given
        "return -1"
    )
    assert judge_source(catalog, tmp_path, vandal, "vandal.py").verdict.value == "WA"
    accepted = SUBMISSIONS / SLUG / "accepted" / "two_pointers.py"
    assert judge_source(catalog, tmp_path, accepted.read_text()).verdict.value == "AC"


def test_every_run_gets_fresh_random_numbers(catalog, tmp_path):
    source = body("import random\nprint('drawn', random.random())\nreturn -1")
    drawn = {judge_source(catalog, tmp_path, source).failure.stdout for _ in range(3)}
    assert len(drawn) == 3


def test_a_killed_fork_server_is_replaced(catalog, tmp_path):
    import signal

    from judge import forkserver

    accepted = (SUBMISSIONS / SLUG / "accepted" / "two_pointers.py").read_text()
    assert judge_source(catalog, tmp_path, accepted).verdict.value == "AC"
    server = forkserver.shared()
    os.kill(server._pid, signal.SIGKILL)
    os.waitpid(server._pid, 0)
    assert judge_source(catalog, tmp_path, accepted).verdict.value == "AC"


def test_a_job_sent_ahead_runs_only_when_started(catalog, tmp_path):
    import time

    from judge.grading import load_ahead
    from judge.sandbox import Worker

    path = tmp_path / "loud.py"
    accepted = (SUBMISSIONS / SLUG / "accepted" / "two_pointers.py").read_text()
    write(path, "print('loaded')\n" + accepted)
    problem, submission = catalog.get(SLUG), read_submission(path)
    cases = prepare_cases(problem)
    with Worker() as worker:
        load_ahead(worker, problem, submission, cases)
        time.sleep(0.3)
        assert worker.stdout_size() == 0  # read its cases, ran nothing
        events = list(grade(problem, submission, cases, spare=worker))
    assert events[-1].result.verdict.value == "AC"


def test_a_worker_starts_only_the_job_it_was_loaded_with(catalog):
    from dataclasses import replace

    from judge.doctor import PROBE
    from judge.limits import Limits
    from judge.sandbox import Worker

    with Worker() as worker:
        worker.load(PROBE, [b"x"], Limits(1000, 256))
        with pytest.raises(ValueError):
            worker.start(replace(PROBE, source="b"), [b"x"], Limits(1000, 256))


def test_a_script_using_the_library_leaves_no_scratch_directory(tmp_path):
    # Workers are ended on a background thread; a script that just exits still waits for it.
    import subprocess
    import sys

    accepted = SUBMISSIONS / SLUG / "accepted" / "two_pointers.py"
    script = (
        "from judge import runner\nfrom judge.catalog import Catalog\n"
        f"print(list(runner.submit(Catalog(), {str(accepted)!r}, {SLUG!r}))[-1].result.verdict)\n"
    )
    scratch = tmp_path / "tmp"
    scratch.mkdir()
    env = {**os.environ, "TMPDIR": str(scratch)}
    done = subprocess.run([sys.executable, "-c", script], env=env, capture_output=True, text=True)
    assert "AC" in done.stdout, done.stderr
    assert list(scratch.iterdir()) == []


@pytest.mark.parametrize("results_taken", [0, 1])
def test_judging_closed_early_leaves_nothing(catalog, results_taken):
    # Judging starts when it is made: files made ready but never judged are cleaned up too.
    from judge import pipeline

    accepted = sorted((SUBMISSIONS / SLUG / "accepted").glob("*.py"))
    entries = [pipeline.Entry(path, catalog.get(SLUG)) for path in accepted]
    with pipeline.Judging(entries, jobs=2) as judging:
        got = [result for _, (_, result) in zip(range(results_taken), judging)]
    assert [r.verdict.value for r in got] == ["AC"] * results_taken


def test_a_worker_with_no_cases_waits_to_be_measured():
    # `judge doctor` starts one with no cases: it must stay until the judge has seen it, or a
    # busy judge finds it gone and reports every protection as missing.
    import time

    from judge import procfs, protocol
    from judge.doctor import PROBE
    from judge.limits import Limits
    from judge.sandbox import Worker

    with Worker().start(PROBE, [], Limits(cpu_ms=1000, memory_mb=256)) as worker:
        time.sleep(0.3)  # a judge slowed down by other load reads its messages late
        assert worker.receive().message == protocol.Ready(0)
        assert worker.pid != worker.keeper and not procfs.gone(worker.pid)


def test_a_worker_gone_before_the_judge_reads_it_still_gets_its_verdict(catalog, tmp_path):
    # On a busy machine the judge may read the worker's first words after it has ended: a
    # solution that kills itself at once is still a Runtime Error by SIGKILL, not "garbled".
    import signal
    import time

    from judge import protocol
    from judge.grading import Execution, limits_for
    from judge.sandbox import Stop, Worker

    path = tmp_path / "s.py"
    write(path, body("import os, signal; os.kill(os.getpid(), signal.SIGKILL)"))
    problem = catalog.get(SLUG)
    cases = prepare_cases(problem)
    execution = Execution(problem, read_submission(path), cases, limits_for(problem))
    with Worker().start(execution.call(), [c.job for c in cases], execution.limits) as worker:
        time.sleep(0.5)  # long gone by now
        assert worker.receive().message == protocol.Ready(0)
        assert worker.receive().stop is Stop.EOF
        assert worker.finish() == -signal.SIGKILL
