"""responds_to: a retaliation answers what its report says it answers."""

from __future__ import annotations

from datetime import date

import pytest

from _extract import PLACES, mentions, place
from geoconflict.events import extract_incidents
from geoconflict.responses import CAUSE_CLAUSE

PUBLISHED = date(2026, 3, 4)
GARDEZ = place("Gardez", 33.597, 69.226, "AF", admin1="Paktia")


def _rows(text, places=None):
    ms = mentions(text, places or PLACES)
    rows = extract_incidents(text, ms, published=PUBLISHED)
    by_place = {}
    for row in rows:
        by_place.setdefault(row["location"], row)
    return by_place


def test_a_named_cause_is_followed_rather_than_every_unclaimed_attack():
    rows = _rows(
        "Drones struck Kandahar on Sunday. Gunmen attacked Kabul on Monday, killing four. "
        "On Tuesday, Pakistani jets bombed Paktia in retaliation for the Kabul attack."
    )
    assert rows["Paktia"]["layer"] == "retaliation"
    # without the cause clause both unclaimed attacks would be taken
    assert rows["Paktia"]["responds_to"] == rows["Kabul"]["id"]


def test_a_cause_named_by_its_province_finds_the_incident_inside_it():
    places = {**PLACES, "Gardez": GARDEZ}
    rows = _rows(
        "Militants attacked a police post in Gardez on Sunday. "
        "On Monday, Pakistani jets bombed Kandahar in response to the Paktia attack.",
        places,
    )
    assert rows["Kandahar"]["responds_to"] == rows["Gardez"]["id"]


def test_a_cause_told_in_the_next_sentence_makes_the_strike_a_retaliation():
    rows = _rows(
        "Russian artillery shelled Kharkiv on Sunday, killing three. "
        "On Monday, Ukrainian drones struck an oil depot in Belgorod. "
        "Kyiv said the operation was a 'mirror response' to the shelling of Kharkiv."
    )
    assert rows["Belgorod"]["layer"] == "retaliation"
    assert rows["Belgorod"]["responds_to"] == rows["Kharkiv"]["id"]


def test_a_plural_subject_takes_in_the_paragraphs_attacks():
    rows = _rows(
        "Soldiers raided a village near Kabul on Sunday, killing two suspects.\n\n"
        "Bombs exploded in Kandahar on Monday. Gunmen attacked a checkpoint in Paktia on Tuesday. "
        "Officials said the attacks were retaliation for the raid near Kabul."
    )
    kabul = rows["Kabul"]["id"]
    assert rows["Kandahar"]["responds_to"] == kabul and rows["Paktia"]["responds_to"] == kabul
    assert rows["Kabul"]["responds_to"] is None


def test_a_cue_in_another_paragraph_far_away_links_nothing():
    rows = _rows(
        "Russian artillery shelled Kharkiv on Sunday. Ukrainian drones struck Belgorod on Monday.\n\n"
        + "Diplomats met for talks that went on for hours without any agreement. " * 8
        + "In response to questions about Kharkiv, the minister declined to comment."
    )
    assert rows["Belgorod"]["layer"] != "retaliation" and rows["Belgorod"]["responds_to"] is None


@pytest.mark.parametrize(
    "phrase, is_cue",
    [
        ("in retaliation for the Bannu attack", True),
        ("a response to the attack on Erbil", True),
        ("a 'mirror response' to the bombing", True),
        ("appeared to be retaliation for the killing", True),
        ("to avenge the deaths", True),
        ("the response was slow", False),
        ("retaliated on Monday", False),
    ],
)
def test_cause_cues(phrase, is_cue):
    assert (CAUSE_CLAUSE.search(phrase) is not None) is is_cue


def test_attacks_named_a_retaliation_paragraphs_later_answer_the_cause():
    rows = _rows(
        "Bombs exploded in Kandahar overnight. Gunmen attacked a checkpoint in Paktia on Tuesday.\n\n"
        "No group said it carried out the bombings.\n\n"
        "A spokesman said the attacks appeared to be retaliation for a raid near Kabul on Sunday."
    )
    kabul = rows["Kabul"]["id"]
    assert rows["Kandahar"]["responds_to"] == kabul and rows["Paktia"]["responds_to"] == kabul
    assert rows["Kandahar"]["layer"] == "retaliation"


def test_a_state_speaking_of_the_strikes_means_its_own_strikes():
    rows = _rows(
        "Pakistani drones struck Kandahar on Tuesday.\n\n"
        "Separately, Russian jets struck Belgorod overnight.\n\n"
        "Pakistan's defence ministry said the strikes were a response to an attack on a base near Kabul on Sunday."
    )
    kabul = rows["Kabul"]["id"]
    assert rows["Kandahar"]["responds_to"] == kabul
    assert rows["Belgorod"]["responds_to"] is None and rows["Belgorod"]["layer"] != "retaliation"


def test_a_strike_hours_after_an_attack_on_its_side_answers_it():
    rows = _rows("Militants fired rockets at Islamabad on Sunday evening, killing two. "
                 "Hours later, Pakistani drones struck vehicles near Kandahar.")
    assert rows["Kandahar"]["layer"] == "retaliation"
    assert rows["Kandahar"]["responds_to"] == rows["Islamabad"]["id"]


@pytest.mark.parametrize(
    "text",
    [
        # the same side striking twice is no answer
        "Pakistani jets bombed Kandahar on Sunday. Hours later, Pakistani drones struck Kabul.",
        # no cue that the strike came right after
        "Militants fired rockets at Islamabad on Sunday, killing two. Pakistani drones struck vehicles near Kandahar on Tuesday.",
    ],
)
def test_a_later_strike_without_the_cue_or_by_the_same_side_is_no_retaliation(text):
    rows = _rows(text)
    assert all(r["layer"] == "strike" and r["responds_to"] is None for r in rows.values())


def test_a_strike_that_followed_a_killing_answers_it_across_a_paragraph():
    rows = _rows("Afghan artillery shelled Faizabad on Monday night, wounding five.\n\n"
                 "The shelling followed the killing of three Afghan soldiers near Kandahar on Monday afternoon.")
    assert rows["Faizabad"]["layer"] == "retaliation"
    assert rows["Faizabad"]["responds_to"] == rows["Kandahar"]["id"]


def test_strikes_that_targeted_those_who_fired_on_a_town_answer_that_attack():
    text = ("Rockets struck Islamabad on Sunday evening, killing a man. "
            "On Monday, Pakistani drones struck vehicles near Kandahar. "
            'A security source said the strikes targeted "the militants who fired on Islamabad".')
    rows = _rows(text)
    assert rows["Kandahar"]["layer"] == "retaliation"
    assert rows["Kandahar"]["responds_to"] == rows["Islamabad"]["id"]
    # the cue retells the Islamabad attack: no second incident there
    assert len(extract_incidents(text, mentions(text, PLACES), published=PUBLISHED)) == 2
