"""How limits are set and enforced: the rules, and the kernel's limits on a real process."""

from __future__ import annotations

import subprocess
import sys

import pytest

from judge import calibration, limits
from judge.limits import Limits


def test_a_case_over_its_cpu_limit_or_seen_over_the_kill_limit_is_over_time():
    lim = Limits(cpu_ms=100, memory_mb=256)
    assert not lim.over_time(100_000_000, 0)
    assert lim.over_time(100_000_001, 0)
    # The judge's own reading of /proc leaves room for decoding inputs: at least 250 ms.
    assert lim.kill_cpu_ns == 350_000_000
    assert not lim.over_time(1, lim.kill_cpu_ns)
    assert lim.over_time(1, lim.kill_cpu_ns + 1)
    assert Limits(cpu_ms=4000, memory_mb=256).kill_cpu_ns == 5_000_000_000  # a quarter more


def test_wall_time_is_generous():
    assert Limits(cpu_ms=100, memory_mb=1).wall_s == pytest.approx(4.1)
    assert Limits(cpu_ms=3000, memory_mb=1).wall_s == pytest.approx(12.0)


def test_rlimits_cover_the_interpreter_and_every_case():
    address_space, output, cpu_s = Limits(cpu_ms=1000, memory_mb=256).rlimits(cases=10)
    assert address_space == (256 + limits.BASE_ADDRESS_SPACE_MB) * 1024 * 1024
    assert output == limits.OUTPUT_BYTES
    assert cpu_s == 12 * 1000 // 1000 + 10


def test_a_spec_limit_is_scaled_by_the_machine_and_the_user(own_cache):
    calibration.pin(1.5)
    assert limits.for_problem(1000, 256).cpu_ms == 1500
    assert limits.for_problem(1000, 256, time_scale=2).cpu_ms == 3000
    assert limits.for_problem(1, 256, time_scale=0.05).cpu_ms == 1  # never below 1 ms


def test_applied_limits_hold_in_a_real_process():
    script = (
        "import resource, sys\n"
        "from judge import limits\n"
        "limits.apply((300 * 1024 * 1024, 1000, 20))\n"
        "print(resource.getrlimit(resource.RLIMIT_AS)[0], resource.getrlimit(resource.RLIMIT_CPU))"
        "\n"
        "try:\n"
        "    bytearray(400 * 1024 * 1024)\n"
        "except MemoryError:\n"
        "    print('MemoryError')\n"
    )
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True)
    lines = done.stdout.splitlines()
    assert lines[0] == f"{300 * 1024 * 1024} (20, 20)"
    assert lines[1:] == ["MemoryError"]
