"""Time limits that hold across machines: the machine factor, measured, cached or pinned."""

from __future__ import annotations

import json

from conftest import SUBMISSIONS, cpu_hog
from judge import calibration

CONTAINER = "container-with-most-water"
ACCEPTED = SUBMISSIONS / CONTAINER / "accepted" / "two_pointers.py"
QUADRATIC = SUBMISSIONS / CONTAINER / "time_limit_exceeded" / "all_pairs.py"


def test_calibrate_measures_caches_and_reports(invoke, own_cache):
    result = invoke("calibrate", "--json")
    assert result.exit_code == 0
    data = json.loads(result.stdout)
    assert calibration.LOWEST <= data["factor"] <= calibration.HIGHEST
    assert data["workload_ms"] > 0 and data["pinned"] is False
    assert data["reference_ms"] == calibration.REFERENCE_MS
    cached = calibration.load()
    assert cached is not None and cached.factor == data["factor"]
    assert "Machine factor" in invoke("calibrate").stdout


def test_a_calibration_from_another_machine_or_a_damaged_file_is_measured_again(own_cache):
    measured = calibration.calibrate()
    path = own_cache / "calibration.json"
    data = json.loads(path.read_text())
    path.write_text(json.dumps({**data, "machine": "CPython 2.7, a PDP-11"}))
    assert calibration.load() is None
    path.write_text("{not json")
    assert calibration.load() is None
    calibration._current = None
    assert calibration.current().machine == measured.machine
    assert json.loads(path.read_text())["machine"] == measured.machine


def test_pinned_factor_scales_every_limit(invoke, own_cache):
    assert invoke("calibrate", "--set", "1.5").exit_code == 0
    args = ["submit", str(ACCEPTED), "--problem", CONTAINER, "--json"]
    assert json.loads(invoke(*args).stdout)["time_limit_ms"] == 1500
    assert json.loads(invoke(*args, "--time-scale", "2").stdout)["time_limit_ms"] == 3000
    shown = invoke("show", CONTAINER).stdout
    assert "1000 ms CPU per case on the reference machine (1500 ms on this one)" in shown


def test_time_scale_comes_from_the_environment_too(invoke, own_cache, monkeypatch):
    calibration.pin(1.0)
    monkeypatch.setenv("JUDGE_TIME_SCALE", "0.5")
    args = ["submit", str(ACCEPTED), "--problem", CONTAINER, "--json"]
    assert json.loads(invoke(*args).stdout)["time_limit_ms"] == 500


def test_three_times_slower_machine_keeps_every_verdict(invoke):
    # On a machine 3x slower, calibration triples the limits. Simulated here: limits tripled
    # with another process loading the CPU. The accepted solution passes, the quadratic one
    # still runs out of time: its verdict does not depend on the machine.
    with cpu_hog():
        for path, verdict in [(ACCEPTED, "AC"), (QUADRATIC, "TLE")]:
            args = ["submit", str(path), "--problem", CONTAINER, "--time-scale", "3", "--json"]
            assert json.loads(invoke(*args).stdout)["verdict"] == verdict


def test_a_calibration_of_another_workload_is_measured_again_but_a_pinned_one_stays(own_cache):
    calibration.calibrate()
    path = own_cache / "calibration.json"
    data = json.loads(path.read_text())
    path.write_text(json.dumps({**data, "workload_version": "an older workload"}))
    assert calibration.load() is None
    calibration.pin(1.25)
    data = json.loads(path.read_text())
    path.write_text(json.dumps({**data, "workload_version": "an older workload"}))
    assert calibration.load().factor == 1.25


def test_the_workload_is_timed_with_the_collector_on_as_solutions_run():
    import gc

    gc.disable()  # as the judge starts
    try:
        calibration.measure(repeats=1)
        assert gc.isenabled()
    finally:
        gc.enable()
