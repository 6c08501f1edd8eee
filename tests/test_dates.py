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
