"""The catalog: folders of specs, names, and parsed specs cached until they change."""

from __future__ import annotations

import pytest
from test_spec import GOOD

from judge.catalog import Catalog, load_problem
from judge.errors import SpecError, UsageError


def test_extra_folder_adds_and_overrides(tmp_path, monkeypatch):
    (tmp_path / "add.yaml").write_text(GOOD)
    catalog = Catalog([tmp_path])
    assert "add" in catalog and "merge-sorted-array" in catalog
    monkeypatch.setenv("JUDGE_PROBLEMS", str(tmp_path))
    assert "add" in Catalog()


def test_unknown_slug_suggests_close_names(catalog):
    with pytest.raises(UsageError, match="did you mean merge-sorted-array"):
        catalog.get("merge-sorted-aray")


def test_missing_extra_folder_is_a_usage_error(tmp_path):
    with pytest.raises(UsageError, match="problems folder not found"):
        Catalog([tmp_path / "nope"])


def test_an_edited_spec_is_read_again_not_taken_from_the_cache(tmp_path):
    path = tmp_path / "add.yaml"
    path.write_text(GOOD)
    assert load_problem(path).title == "Add"
    path.write_text(GOOD.replace("title: Add", "title: Add Two"))
    assert load_problem(path).title == "Add Two"
    path.write_text(GOOD.replace("difficulty: Easy", "difficulty: Trivial"))
    with pytest.raises(SpecError, match="difficulty"):
        load_problem(path)  # a broken edit is reported, though a good version was cached


def test_a_damaged_parsed_spec_in_the_cache_is_parsed_again(tmp_path, private_cache):
    path = tmp_path / "add.yaml"
    path.write_text(GOOD)
    load_problem(path)
    for stored in (private_cache / "specs").glob("add-*.pickle"):
        stored.write_bytes(b"not a pickle")
    assert load_problem(path).cases[0].expected == 3
