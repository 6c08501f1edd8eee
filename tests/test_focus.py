"""A report's geographic focus vetoes weak resolutions far outside it."""

from __future__ import annotations

import pytest

from _extract import place
from geoconflict.focus import FAR_KM, WEAK_SCORE, drop_far_outliers, focus_anchors
from geoconflict.mentions import Mention

SITTWE = place("Sittwe", 20.15, 92.90, "MM", score=0.99)
ANN = place("Ann", 19.78, 94.03, "MM", score=0.95)
QUFU = place("Qufu", 35.60, 116.99, "CN", score=0.51)         # an alias match 2,800 km away
PAUKTAW = place("Pauktaw", 20.18, 93.06, "MM", score=0.45)    # weak but inside the focus
DHAKA = place("Dhaka", 23.81, 90.41, "BD", score=0.55)        # weak, other country, ~500 km away
BANGKOK = place("Bangkok", 13.75, 100.50, "TH", score=0.92)   # far but confident
CHINA = place("China", 35.0, 103.0, "CN", "country", admin1=None, gid="country:CN", score=1.0)
YANGON_WEAK = place("Yangon", 16.80, 96.16, "MM", score=0.40)


def _m(p, text=None, start=0, ambiguous=False) -> Mention:
    text = text or p.name
    return Mention(start, start + len(text), text, p, ambiguous=ambiguous)


def _located(mentions):
    return {m.text: m.place.name if m.place is not None else None for m in drop_far_outliers(mentions)}


def _focus():
    """Two confident places in Rakhine: the report's focus."""
    return [_m(SITTWE), _m(ANN, start=10)]


def test_a_weak_match_far_away_in_another_country_becomes_unresolved_and_is_kept():
    mentions = [_m(SITTWE), _m(ANN, start=10), _m(QUFU, "Kyaukphyu", start=20)]
    out = drop_far_outliers(mentions)
    kyaukphyu = out[2]
    assert (kyaukphyu.text, kyaukphyu.start, kyaukphyu.place, kyaukphyu.ambiguous) == ("Kyaukphyu", 20, None, True)
    assert kyaukphyu.alternatives[0].name == "Qufu", "the rejected candidate stays visible"
    assert mentions[2].place is QUFU, "the input is not modified"


@pytest.mark.parametrize(
    "suspect, why",
    [
        (PAUKTAW, "near the anchors"),
        (DHAKA, f"within {FAR_KM:.0f} km of an anchor"),
        (BANGKOK, f"scored at least {WEAK_SCORE}"),
        (YANGON_WEAK, "in the same country as an anchor"),
    ],
)
def test_plausible_resolutions_are_kept(suspect, why):
    assert _located([*_focus(), _m(suspect, "X", start=20)])["X"] == suspect.name, why


def test_a_name_resolved_confidently_once_is_kept_everywhere():
    strong = place("Qufu", 35.60, 116.99, "CN", score=0.9)
    located = _located([*_focus(), _m(strong, "Qufu", start=20), _m(QUFU, "Qufu", start=30)])
    assert located["Qufu"] == "Qufu"


def test_countries_and_ambiguous_mentions_do_not_anchor_the_focus():
    assert focus_anchors([_m(CHINA), _m(SITTWE, ambiguous=True)]) == []
    # with no anchor there is no focus to judge by: nothing changes
    assert _located([_m(CHINA), _m(QUFU, "Kyaukphyu", start=10)])["Kyaukphyu"] == "Qufu"


def test_unresolved_mentions_pass_through():
    mentions = [*_focus(), Mention(20, 27, "Maungdaw")]
    assert drop_far_outliers(mentions) == mentions


def test_geoparse_and_read_report_apply_the_focus(monkeypatch):
    import geoconflict.geoparsing as geoparsing
    from geoconflict import read_report

    text = "Aircraft bombed Kyaukphyu on Monday, officials in Sittwe and Ann said."
    k, s, a = text.index("Kyaukphyu"), text.index("Sittwe"), text.index("Ann ")
    fake = [Mention(k, k + 9, "Kyaukphyu", QUFU), Mention(s, s + 6, "Sittwe", SITTWE), Mention(a, a + 3, "Ann", ANN)]
    # what the recogniser and resolver found, before the focus is applied
    monkeypatch.setattr(geoparsing, "_to_mentions", lambda parsed: list(fake))
    assert [m.resolved for m in geoparsing.geoparse(text)] == [False, True, True]
    report = read_report(text, "2026-05-04")
    row = report.places.set_index("text").loc["Kyaukphyu"]
    assert not row["resolved"] and row["ambiguous"]
    assert "CN" not in set(report.incidents["country_code"].dropna())


def test_a_world_city_named_far_away_is_kept():
    cairo = place("Cairo", 30.04, 31.24, "EG", score=0.6, population=9_600_000)
    assert _located([*_focus(), _m(cairo, start=20)])["Cairo"] == "Cairo"


def test_a_capital_named_as_an_actor_is_kept():
    islamabad = place("Islamabad", 33.72, 73.04, "PK", score=0.6, population=601_600)
    assert _located([*_focus(), _m(islamabad, start=20)])["Islamabad"] == "Islamabad"


def test_one_confident_place_is_not_a_focus():
    # a round-up naming one city per conflict has no single focus to judge by
    assert _located([_m(SITTWE), _m(QUFU, "Kyaukphyu", start=20)])["Kyaukphyu"] == "Qufu"


@pytest.mark.parametrize("written, kept", [("Qamishli", True), ("Kyaukphyu", False)])
def test_a_named_country_vouches_only_for_names_written_like_the_place(written, kept):
    syria = place("Syria", 35.0, 38.0, "SY", "country", admin1=None, gid="country:SY", score=0.99)
    qamishli = place("Al Qamishli", 37.05, 41.22, "SY", score=0.6)
    located = _located([*_focus(), _m(syria, start=20), _m(qamishli, written, start=30)])
    assert (located[written] is not None) is kept


def test_a_sea_reaching_the_focus_is_kept_but_not_one_far_beyond_its_shores():
    # a shared water is judged by its extent: its centre may be far from the
    # coastal towns the report is about (here ~1,400 km from the Rakhine anchors,
    # its shore within 300 km)
    sea = place("Wide Sea", 10.0, 85.0, None, "area", admin1="", score=0.55, precision_m=1_100_000)
    assert _located([*_focus(), _m(sea, start=20)])["Wide Sea"] == "Wide Sea"
    small = place("Lake Far", 48.0, 20.0, None, "area", admin1="", score=0.55, precision_m=50_000)
    assert _located([*_focus(), _m(small, start=20)])["Lake Far"] is None
