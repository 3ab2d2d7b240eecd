"""Records declared as dataclasses are (`@record`): what the judge's results, specs and views
rely on of them."""

from __future__ import annotations

import pickle

import pytest

from judge.records import FrozenError, asdict, field, record


@record(frozen=True)
class Point:
    x: int
    y: int = 0
    tags: list[str] = field(default_factory=list)
    note: str = field(default="", repr=False, compare=False)


@record(frozen=True)
class Pair:
    a: int
    b: str = field(default="", compare=False)


@record
class Path:
    name: str
    points: list[Point] = field(default_factory=list)


def test_fields_take_defaults_and_each_record_gets_a_fresh_list():
    a, b = Point(1), Point(2, 3)
    assert (a.x, a.y, b.x, b.y) == (1, 0, 2, 3)
    a.tags.append("first")
    assert b.tags == [] and Point(4).tags == []
    assert Point(x=5, note="n").note == "n"


def test_a_missing_or_unknown_field_is_a_type_error():
    with pytest.raises(TypeError):
        Point()
    with pytest.raises(TypeError):
        Point(1, z=2)


def test_equality_and_hashing_look_at_the_compared_fields_of_the_same_type():
    assert Point(1, note="a") == Point(1, note="b")
    assert Point(1) != Point(2)
    assert Point(1) != Path("p")
    assert hash(Pair(1, "a")) == hash(Pair(1, "b"))
    assert len({Pair(1), Pair(1, "x"), Pair(2)}) == 2


def test_a_frozen_record_refuses_changes_and_a_plain_one_is_not_hashable():
    point = Point(1)
    with pytest.raises(FrozenError):
        point.x = 2
    with pytest.raises(FrozenError):
        del point.y
    path = Path("p")
    path.name = "q"
    assert path.name == "q"
    with pytest.raises(TypeError):
        hash(path)


def test_repr_shows_the_shown_fields():
    assert repr(Point(1, 2, note="hidden")) == "Point(x=1, y=2, tags=[])"


def test_asdict_turns_nested_records_into_plain_data():
    path = Path("p", [Point(1, tags=["a"]), Point(2)])
    assert asdict(path) == {
        "name": "p",
        "points": [
            {"x": 1, "y": 0, "tags": ["a"], "note": ""},
            {"x": 2, "y": 0, "tags": [], "note": ""},
        ],
    }


def test_a_record_survives_pickling_as_the_spec_cache_stores_problems():
    path = Path("p", [Point(1, 2, ["a"], "n")])
    again = pickle.loads(pickle.dumps(path, pickle.HIGHEST_PROTOCOL))
    assert again == path and again.points[0].note == "n"
    with pytest.raises(FrozenError):
        again.points[0].x = 3


def test_a_field_without_a_default_may_not_follow_one_with():
    with pytest.raises(TypeError):

        @record
        class Broken:
            first: int = 0
            second: int


def test_the_first_record_of_a_class_is_made_as_every_later_one():
    # `__init__` is compiled when the first record is made: a wrong first call, or a first
    # record made through a subclass, must not change what later calls do.
    @record
    class Base:
        a: int
        b: int = 2

    class Child(Base):
        pass

    with pytest.raises(TypeError):
        Base(1, 2, 3)
    child = Child(5)
    assert (child.a, child.b) == (5, 2) and type(child) is Child
    assert Base(1) == Base(1, 2) and Base(b=4, a=3).b == 4
    assert Base.__init__.__qualname__.endswith("Base.__init__")
    with pytest.raises(TypeError):
        Base()
