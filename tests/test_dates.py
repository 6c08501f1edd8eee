"""Datelines and event dates (geoconflict.dates)."""

from datetime import date

import pytest

from geoconflict.dates import EventDate, find_published, parse_published, resolve_event_date
from geoconflict.errors import InputError

# 2026-03-03 is a Tuesday
TUESDAY = date(2026, 3, 3)


@pytest.mark.parametrize(
    "text, expected",
    [
        ("date 2026-02-28 Home\n\nKabul: tensions rose.", date(2026, 2, 28)),
        ("Published: 28 February 2026\nStrikes hit Kabul.", date(2026, 2, 28)),
        ("KABUL, Feb 28 (Reuters) - Strikes hit Kabul. Later, on February 27, 2026, ...", date(2026, 2, 28)),
        ("KHARTOUM, March 3, 2025 (AP) - Drones struck El Fasher.", date(2025, 3, 3)),
        ("By staff\nFebruary 27, 2026\n\nShelling continued.", date(2026, 2, 27)),
        ("BAMAKO, 21 September 2024 (Wire) - Soldiers clashed.", date(2024, 9, 21)),
    ],
)
def test_find_published_reads_datelines(text, expected):
    assert find_published(text) == expected


def test_find_published_none_without_a_full_date():
    assert find_published("Shelling continued on Sunday near the city.") is None
    # a wire dateline without a year and no year anywhere: unknown, not guessed
    assert find_published("KABUL, Feb 28 (Reuters) - Strikes hit Kabul.") is None


def test_parse_published_accepts_dates_and_iso_strings():
    assert parse_published("2026-02-28") == date(2026, 2, 28)
    assert parse_published(date(2026, 2, 28)) == date(2026, 2, 28)
    assert parse_published(None) is None


@pytest.mark.parametrize("bad", ["28/02/2026", "2026-13-01", "yesterday", "2026-2-8", ""])
def test_parse_published_rejects_other_formats_naming_the_expected_one(bad):
    with pytest.raises(InputError, match="YYYY-MM-DD"):
        parse_published(bad)


@pytest.mark.parametrize(
    "sentence, expected, precision",
    [
        ("Drones struck the city on Sunday.", date(2026, 3, 1), 1),
        ("Missiles hit Kharkiv on Tuesday night.", TUESDAY, 1),           # on/before the anchor
        ("Shelling resumed last Wednesday.", date(2026, 2, 25), 1),
        ("The army said yesterday that it shelled the town.", date(2026, 3, 2), 1),
        ("Rockets were fired overnight.", TUESDAY, 1),
        ("Clashes erupted last week.", date(2026, 2, 24), 2),
        ("A car bomb exploded earlier this month.", TUESDAY, 3),
        ("Protests were held last month.", date(2026, 2, 1), 3),
        ("The raid took place on February 26.", date(2026, 2, 26), 1),
        ("The raid took place on 26 February 2026.", date(2026, 2, 26), 1),
        ("Two days ago gunmen attacked a convoy.", date(2026, 3, 1), 1),
        ("Shelling continued.", TUESDAY, 2),
    ],
)
def test_resolve_event_date_against_the_anchor(sentence, expected, precision):
    got = resolve_event_date(sentence, TUESDAY)
    assert (got.date, got.precision) == (expected, precision)


def test_hours_later_takes_the_previous_incident_date():
    previous = EventDate(date(2026, 3, 1), 1, "on Sunday")
    got = resolve_event_date("Hours later, drones struck Belgorod.", TUESDAY, previous=previous)
    assert (got.date, got.precision) == (date(2026, 3, 1), 1)


def test_month_without_year_before_the_anchor_rolls_back_a_year():
    got = resolve_event_date("The strike happened on December 30.", date(2026, 1, 5))
    assert got.date == date(2025, 12, 30)


def test_no_anchor_gives_no_date_never_today():
    got = resolve_event_date("Drones struck the city on Sunday.", None)
    assert got.date is None and got.precision is None
    explicit = resolve_event_date("The raid took place on 26 February 2026.", None)
    assert explicit.date == date(2026, 2, 26)


def test_since_a_month_or_date_is_not_the_event_date():
    anchor = date(2026, 3, 3)
    got = resolve_event_date("Rebels have been fighting the army in the hills since June 2024.", anchor)
    assert got.date == anchor and got.cue == "report date"
    got = resolve_event_date("Shelling has continued since 12 January 2026.", anchor)
    assert got.date == anchor


def test_came_a_day_after_dates_the_event_from_the_previous_one():
    previous = EventDate(date(2026, 3, 1), 1, "on Sunday")
    got = resolve_event_date("The raid came two days after troops captured the hill town.", date(2026, 3, 3),
                             previous=previous)
    assert (got.date, got.precision) == (date(2026, 2, 27), 1)


# anchors for the tests below: Thursday 2026-07-16; the event told before was on Tuesday 07-14
_THU = date(2026, 7, 16)
_TUE = EventDate(date(2026, 7, 14), 1, "on Tuesday")


def test_clause_opening_with_a_day_after_is_dated_before_the_event_just_told():
    got = resolve_event_date("a day after rebels raided a border post, the governor said Wednesday.", _THU,
                             previous=_TUE)
    assert got.date == date(2026, 7, 13)
    got = resolve_event_date("two days before the convoy was hit.", _THU, previous=_TUE)
    assert got.date == date(2026, 7, 16)


def test_the_next_day_counts_from_the_event_just_told_not_the_report():
    got = resolve_event_date("The air force hit back the next day with strikes on rebel camps.", _THU,
                             previous=_TUE)
    assert (got.date, got.precision) == (date(2026, 7, 15), 1)


def test_the_day_a_speaker_talked_is_not_the_event_date():
    # the sentence names another day for the event: that one wins
    got = resolve_event_date("Gunmen stormed a school on Monday, police said on Wednesday.", _THU)
    assert got.date == date(2026, 7, 13)
    # only the telling is dated: the event happened by then (within the week)
    got = resolve_event_date("Gunmen killed 12 herders in an ambush, the ministry said late Wednesday.", _THU)
    assert (got.date, got.precision) == (date(2026, 7, 15), 2)


def test_a_named_day_beats_overnight():
    got = resolve_event_date("Crowds marched on Tuesday, and a bus was torched overnight.", _THU)
    assert got.date == date(2026, 7, 14)
    got = resolve_event_date("Nine villagers were killed overnight from Monday to Tuesday.", _THU)
    assert got.date == date(2026, 7, 13)
    # with no day named, overnight is still the night ending on the anchor
    assert resolve_event_date("Drones struck the port overnight.", _THU).date == _THU


def test_date_in_a_clause_about_another_event_does_not_date_this_one():
    text = "Jets bombed three villages, in retaliation for the raid, in which militiamen overran a base last week."
    got = resolve_event_date(text, _THU)
    assert got.cue == "report date"
    text = "Jets bombed three villages on Tuesday, in which militiamen had hidden last week."
    assert resolve_event_date(text, _THU).date == date(2026, 7, 14)


def test_in_a_month_before_the_anchor_is_that_month():
    got = resolve_event_date("The group was blamed for an attack on a police station in November.", date(2026, 1, 8))
    assert (got.date, got.precision) == (date(2025, 11, 1), 3)


def test_days_earlier_counts_back_from_the_event_just_told_but_ago_from_the_report():
    got = resolve_event_date("Rebels had raided the town three days earlier.", _THU, previous=_TUE)
    assert got.date == date(2026, 7, 11)
    got = resolve_event_date("Rebels raided the town three days ago.", _THU, previous=_TUE)
    assert got.date == date(2026, 7, 13)
    # with no event told before, the report is the reference
    assert resolve_event_date("Rebels had raided the town three days earlier.", _THU).date == date(2026, 7, 13)


@pytest.mark.parametrize(
    "text, expected",
    [
        # a city with accents, a dotted month and a ".-" after the agency
        ("Quibdó, Mar 2 (EFE).- Troops clashed with rebels on Sunday. Talks began on 12 January 2026.",
         date(2026, 3, 2)),
        ("Cusco, Mar. 2 (AGENCY). Police said on 1 March 2026 that ...", date(2026, 3, 2)),
        # day before month, no year in the dateline
        ("Valparaíso, 2 Mar (Reuters) - Protests spread after 28 February 2026.", date(2026, 3, 2)),
    ],
)
def test_find_published_reads_datelines_of_any_city_spelling(text, expected):
    assert find_published(text) == expected


def test_a_dateline_with_a_dash_and_no_date_gives_no_date():
    assert find_published("Nairobi – The county said on Sunday that ...") is None


def test_a_day_before_a_named_attack_counts_from_that_attack():
    sentence = "Two days before the Garissa raid, gunmen had burned a school near Mandera."
    just_told = EventDate(date(2026, 3, 2), 1, "on Monday")  # another incident, told last
    garissa = EventDate(date(2026, 2, 28), 1, "on Saturday")
    found = resolve_event_date(sentence, TUESDAY, previous=just_told, earlier={"garissa": garissa})
    assert found.date == date(2026, 2, 26) and found.precision == 1
    # without the incidents told so far, the event just told stands in for it
    assert resolve_event_date(sentence, TUESDAY, previous=just_told).date == date(2026, 2, 28)


def test_a_day_after_the_attack_follows_it():
    told = EventDate(date(2026, 2, 28), 1, "on Saturday")
    found = resolve_event_date("A day after the attack on Lamu, troops raided Kiunga.", TUESDAY, previous=told)
    assert found.date == date(2026, 3, 1)
    # a split-off clause "a day after X ..." still tells X, a day before the event told
    assert resolve_event_date("a day after gunmen attacked Lamu", TUESDAY, previous=told).date == date(2026, 2, 27)
