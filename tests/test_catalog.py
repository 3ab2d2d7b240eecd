"""The catalog: folders of specs, names, and parsed specs cached until they change."""

from __future__ import annotations

import pytest
from test_spec import GOOD

from conftest import write
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


@pytest.mark.parametrize(
    "typed, suggested",
    [
        ("merg", "merge-sorted-array"),
        ("sorted-array", "merge-sorted-array"),
        ("combination", "combination-sum or combination-sum-ii"),
    ],
)
def test_a_fragment_of_a_slug_suggests_the_slugs_holding_it(catalog, typed, suggested):
    with pytest.raises(UsageError, match=f"did you mean {suggested}[?]"):
        catalog.get(typed)


def test_find_takes_a_slug_or_a_leetcode_number(catalog):
    assert catalog.find("merge-sorted-array").slug == "merge-sorted-array"
    assert catalog.find("88").slug == "merge-sorted-array"
    assert catalog.find("17.14").slug == "smallest-k"
    with pytest.raises(UsageError, match="unknown problem '9999'"):
        catalog.find("9999")


def test_find_refuses_a_number_two_problems_share(tmp_path):
    write(tmp_path / "add.yaml", GOOD)
    write(tmp_path / "plus.yaml", GOOD.replace("slug: add", "slug: plus"))
    with pytest.raises(UsageError, match="problem 9001 is add or plus; pass the slug"):
        Catalog([tmp_path]).find("9001")


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
