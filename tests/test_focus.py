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
    assert _located([_m(SITTWE), _m(suspect, "X", start=10)])["X"] == suspect.name, why


def test_a_name_resolved_confidently_once_is_kept_everywhere():
    strong = place("Qufu", 35.60, 116.99, "CN", score=0.9)
    located = _located([_m(SITTWE), _m(strong, "Qufu", start=10), _m(QUFU, "Qufu", start=30)])
    assert located["Qufu"] == "Qufu"


def test_countries_and_ambiguous_mentions_do_not_anchor_the_focus():
    assert focus_anchors([_m(CHINA), _m(SITTWE, ambiguous=True)]) == []
    # with no anchor there is no focus to judge by: nothing changes
    assert _located([_m(CHINA), _m(QUFU, "Kyaukphyu", start=10)])["Kyaukphyu"] == "Qufu"


def test_unresolved_mentions_pass_through():
    mentions = [_m(SITTWE), Mention(10, 17, "Maungdaw")]
    assert drop_far_outliers(mentions) == mentions


def test_read_report_applies_the_focus(monkeypatch):
    import geoconflict.geoparsing as geoparsing
    from geoconflict import read_report

    text = "Aircraft bombed Kyaukphyu on Monday, officials in Sittwe said."
    k, s = text.index("Kyaukphyu"), text.index("Sittwe")
    fake = [Mention(k, k + 9, "Kyaukphyu", QUFU), Mention(s, s + 6, "Sittwe", SITTWE)]
    monkeypatch.setattr(geoparsing, "geoparse", lambda text, gazetteer=None: list(fake))
    report = read_report(text, "2026-05-04")
    row = report.places.set_index("text").loc["Kyaukphyu"]
    assert not row["resolved"] and row["ambiguous"]
    assert "CN" not in set(report.incidents["country_code"].dropna())
