"""The shipped first-name list and how it is drawn from nomquamgender's name data."""

from __future__ import annotations

import pytest

from claimledger.attribution.first_names import clear_genders, first_name_gender


@pytest.mark.parametrize(
    "name, gender",
    [("Hillary", "female"), ("anna", "female"), ("Donald", "male"), ("Andrei", "male"),
     ("Kim", None), ("Jean", None), ("Taylor", None), ("Homeowner", None)],
)
def test_only_names_that_mostly_go_with_one_gender_say_it(name: str, gender: str | None) -> None:
    assert first_name_gender(name) == gender


def test_the_list_keeps_common_names_whose_bearers_are_nine_in_ten_of_one_gender() -> None:
    name_data = {
        "hillary": [24, 32838, 0.922, 3], "andrei": [31, 17318, 0.033, 3], "kim": [32, 280613, 0.665, [0, 2]],
        "crooked": [2, 4, 0.0, 3], "&#304;nci": [1, 900, 1.0, 3], "jean-luc": [3, 800, 0.0, 3],
    }
    assert clear_genders(name_data) == {"hillary": "female", "andrei": "male"}
