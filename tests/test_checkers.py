"""Comparators: exact, any order, any order at both levels, node value."""

from __future__ import annotations

from judge.checkers import CHECKERS, any_order, exact, nested_any_order, same_val


def test_exact_is_order_and_type_sensitive():
    assert exact([1, 2, 3], [1, 2, 3]).ok
    assert not exact([1, 2, 3], [1, 3, 2]).ok
    assert not exact(1, True).ok
    assert exact([1, 2], [1, 2, 3]).hint == "expected 2 elements, got 3"
    assert exact([1, 2], [1, 3]).hint == "first difference at index 1"


def test_any_order_counts_multiplicity():
    assert any_order([1, 2, 2], [2, 1, 2]).ok
    assert not any_order([1, 2, 2], [1, 1, 2]).ok
    assert not any_order([1, 2], 3).ok


def test_nested_any_order_is_a_set_of_multisets():
    expected = [[2, 2, 3], [7]]
    assert nested_any_order(expected, [[7], [3, 2, 2]]).ok
    assert not nested_any_order(expected, [[7]]).ok
    assert not nested_any_order(expected, [[2, 3, 2], [7], [2, 2, 3]]).ok
    assert "appears 2 times" in nested_any_order(expected, [[2, 3, 2], [7], [2, 2, 3]]).hint
    assert not nested_any_order([[1, 1]], [[1]]).ok


def test_node_value_compares_values():
    assert same_val(3, 3).ok
    assert not same_val(3, 5).ok
    assert not same_val(3, None).ok


def test_every_spec_checker_name_is_registered():
    assert set(CHECKERS) == {"exact", "any_order", "nested_any_order", "node_value"}
