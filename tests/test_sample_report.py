"""Acceptance on the sample report in ../shared/seed (skipped when absent)."""

import pytest

from common import seed_reports
from geoconflict.extract import read_report


@pytest.fixture(scope="module")
def report():
    reports = seed_reports()
    if not reports:
        pytest.skip("sample report ../shared/seed/*.txt not present")
    from gazetteer import get_gazetteer

    return read_report(reports[0].read_bytes(), gazetteer=get_gazetteer())


def _norm(name):
    import unicodedata

    return "".join(c for c in unicodedata.normalize("NFKD", name) if c.isalpha()).lower()


def test_three_pakistani_air_strikes(report):
    inc = report.incidents
    strikes = inc[(inc["actor1"] == "Military Forces of Pakistan") & (inc["sub_event_type"] == "Air/drone strike")]
    places = {_norm(loc): row for loc, (_, row) in zip(strikes["location"], strikes.iterrows())}
    assert set(places) == {"kabul", "kandahar", "paktia"}
    assert places["paktia"]["geo_precision"] == 3
    assert set(strikes["layer"]) == {"strike"}
    assert set(strikes["country_code"]) == {"AF"}


def test_taliban_retaliation_at_faizabad_answers_the_strikes(report):
    inc = report.incidents
    ret = inc[inc["layer"] == "retaliation"]
    assert len(ret) == 1
    row = ret.iloc[0]
    assert row["actor1"] == "Taliban"
    assert _norm(row["location"]) == "faizabad"
    assert row["country_code"] == "PK"
    strikes = inc[inc["actor1"] == "Military Forces of Pakistan"]
    assert sorted(row["responds_to"].split()) == sorted(strikes["id"])


def test_dates_come_from_the_dateline(report):
    assert str(report.published) == "2026-02-28"
    assert (report.incidents["event_date"].dt.date.astype(str) == "2026-02-28").all()


def test_pmo_claim_is_consistent(report):
    claims = report.claims
    pmo = claims[claims["reference"].str.contains("Prime Minister", na=False)
                 | claims["reference"].str.contains("PMO", na=False)]
    assert len(pmo) >= 1
    c = pmo.iloc[0]
    assert c["stated_km"] == 6
    assert 6.4 <= c["computed_km"] <= 7.4
    assert c["verdict"] == "consistent"


def test_stances(report):
    got = set(zip(report.stances["actor"], report.stances["stance"], report.stances["toward"]))
    assert ("United States", "supports", "Pakistan") in got
    assert ("India", "condemns", "Pakistan") in got
    assert ("Afghanistan", "condemns", "Pakistan") in got
    for actor in ("China", "Russia", "United Nations"):
        assert any(a == actor and s == "calls_for_restraint" for a, s, _ in got), actor
    for actor in ("Turkey", "Saudi Arabia"):
        assert (actor, "engages", "Pakistan") in got
    karzai = report.stances[report.stances["actor"] == "Afghanistan"]
    assert karzai["speaker"].eq("Hamid Karzai").any()
    # no country is invented as a speaker for "several countries"
    assert not any(a == "Pakistan" for a, _, _ in got)


def test_tabbasum_road_is_an_unresolved_place(report):
    assert "Tabbasum Road" in report.unresolved
    row = report.places[report.places["text"] == "Tabbasum Road"].iloc[0]
    assert not bool(row["resolved"])
    assert row["geometry"] is None or row["geometry"].is_empty
