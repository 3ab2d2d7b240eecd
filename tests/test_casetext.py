"""Reading a case as LeetCode users write it: `name = value` pairs, or one value per line."""

from __future__ import annotations

import pytest

from judge.casetext import CaseTextError, parse

PARAMS = ("nums", "k")


@pytest.mark.parametrize(
    "text",
    [
        "nums = [1,3,-1,-3,5,3,6,7], k = 3",
        "nums=[1,3,-1,-3,5,3,6,7],k=3",
        "k = 3, nums = [1, 3, -1, -3, 5, 3, 6, 7]",
        "nums = [1,3,-1,-3,5,3,6,7]\nk = 3\n",
        "  nums = [1,3,-1,-3,5,3,6,7],\r\n  k = 3,  ",
        "[1,3,-1,-3,5,3,6,7]\n3",
        "[1,3,-1,-3,5,3,6,7], 3",
    ],
)
def test_both_of_leetcodes_forms_give_the_input_in_parameter_order(text):
    values = parse(text, PARAMS)
    assert values == {"nums": [1, 3, -1, -3, 5, 3, 6, 7], "k": 3}
    assert list(values) == ["nums", "k"]


def test_values_are_leetcodes_json_text():
    values = parse('root = [3,5,1,null,2], s = "a,b = c", flag = true', ("root", "s", "flag"))
    assert values == {"root": [3, 5, 1, None, 2], "s": "a,b = c", "flag": True}


@pytest.mark.parametrize(
    ("text", "says"),
    [
        ("", "no input given"),
        ("nums = [1,2], kk = 3", "'kk' is not a parameter (parameters: nums, k)"),
        ("nums = [1,2]", "missing k"),
        ("nums = [1], nums = [2], k = 1", "nums is given twice"),
        ("nums = [1,2, k = 1", "cannot read the value of nums at '[1,2, k = 1'"),
        ("nums = [1,None], k = 1", "LeetCode writes null, true and false"),
        ("nums = [1], k = None", "LeetCode writes null, not None"),
        ("nums = ['a'], k = 1", "strings take double quotes"),
        ("nums = [1] k = 1", "expected a comma or a new line after a value, at 'k = 1'"),
        ("nums: [1], k: 1", 'expected "name = value" or a value at'),
        ("[1]\n1\n5", "more values than the 2 parameters (nums, k), from '5'"),
        ("[1]", "missing k: give one value per parameter"),
        ("nums = NaN, k = 1", "cannot read the value of nums"),
    ],
)
def test_a_case_that_cannot_be_read_says_which_part(text, says):
    with pytest.raises(CaseTextError) as caught:
        parse(text, PARAMS)
    assert says in str(caught.value)
    assert "\n" not in str(caught.value)


def test_a_long_value_is_cut_in_the_message():
    with pytest.raises(CaseTextError) as caught:
        parse("nums = [" + "1," * 5000 + ", k = 1", PARAMS)
    assert len(str(caught.value)) < 120
