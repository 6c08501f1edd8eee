"""read_report end to end on reports about several regions, bad input, and the CLI."""

import json
from datetime import date
from pathlib import Path

import pytest

from geoconflict.cli import main
from geoconflict.errors import InputError
from geoconflict.extract import MAX_REPORT_CHARS, read_report

REPORTS = Path(__file__).resolve().parent / "reports"


@pytest.fixture(scope="module")
def gaz():
    from gazetteer import get_gazetteer

    return get_gazetteer()


@pytest.fixture(scope="module")
def read(gaz):
    cache = {}

    def _read(name, **kw):
        key = (name, tuple(sorted(kw.items())))
        if key not in cache:
            cache[key] = read_report((REPORTS / name).read_bytes(), gazetteer=gaz, **kw)
        return cache[key]

    return _read


def _by_location(report):
    return {row["location"]: row for _, row in report.incidents.iterrows()}


def _stances(report):
    return set(zip(report.stances["actor"], report.stances["stance"], report.stances["toward"]))


def test_sudan_drone_strike(read):
    r = read("sudan_el_fasher.txt")
    inc = _by_location(r)
    fasher = inc["El Fasher"]
    assert fasher["actor1"] == "Rapid Support Forces"
    assert fasher["actor2"] == "Civilians (Sudan)"
    assert fasher["sub_event_type"] == "Air/drone strike"
    assert fasher["fatalities"] == 14
    assert (fasher["event_date"].date(), fasher["time_precision"]) == (date(2025, 3, 2), 1)  # "on Sunday"
    nyala = inc["Nyala"]
    assert nyala["actor1"] == "Military Forces of Sudan"
    assert nyala["sub_event_type"] == "Shelling/artillery/missile attack"
    assert nyala["geo_precision"] == 2  # "near Nyala"
    # a place named without an event is a place, not an incident
    assert "Kutum" not in inc
    assert "Kutum" in set(r.places["text"])
    assert ("African Union", "condemns", "Rapid Support Forces") in _stances(r)


def test_ukraine_strike_and_retaliation(read):
    r = read("ukraine_kharkiv_belgorod.txt")
    inc = _by_location(r)
    kharkiv, belgorod = inc["Kharkiv"], inc["Belgorod"]
    assert kharkiv["actor1"] == "Military Forces of Russia" and kharkiv["layer"] == "strike"
    assert kharkiv["event_date"].date() == date(2025, 11, 2)
    assert belgorod["actor1"] == "Military Forces of Ukraine"
    assert belgorod["layer"] == "retaliation"
    assert belgorod["responds_to"] == kharkiv["id"]
    assert belgorod["event_date"].date() == date(2025, 11, 2)  # "hours later"
    assert belgorod["country_code"] == "RU"
    assert inc["Pokrovsk"]["layer"] == "clash"
    got = _stances(r)
    assert ("Germany", "condemns", "Russia") in got
    assert ("Poland", "supports", "Ukraine") in got
    assert {("Turkey", "calls_for_restraint", "Ukraine"), ("Turkey", "calls_for_restraint", "Russia")} <= got


def test_gaza_strikes_and_rocket_response(read):
    r = read("gaza_rafah.txt")
    inc = r.incidents
    strikes = inc[inc["layer"] == "strike"]
    assert set(strikes["actor1"]) == {"Military Forces of Israel"}
    assert len(strikes) == 2  # Rafah and Khan Younis
    (response,) = inc[inc["layer"] == "retaliation"].itertuples()
    assert response.actor1 == "Hamas"
    assert response.responds_to.split() == list(strikes["id"])
    got = _stances(r)
    assert ("Egypt", "condemns", "Israel") in got
    assert ("United States", "supports", "Israel") in got


def test_somalia_clash_and_suicide_bomb(read):
    r = read("somalia_shabaab.txt")
    inc = r.incidents
    clash = inc[inc["actor1"] == "Al Shabaab"].iloc[0]
    assert clash["layer"] == "clash" and clash["event_type"] == "Battles"
    assert clash["actor2"] == "Military Forces of Somalia"
    assert clash["event_date"].date() == date(2024, 6, 7)
    bomb = inc[inc["sub_event_type"] == "Suicide bomb"].iloc[0]
    assert bomb["location"] == "Mogadishu" and bomb["time_precision"] == 3  # "earlier this month"
    assert ("Kenya", "condemns", "Al Shabaab") in _stances(r)
    assert len(r.claims) >= 1 and 330.0 in set(r.claims["stated_km"])


def test_dhaka_protest_and_riot(read):
    r = read("dhaka_protest.txt")
    by_layer = {row["sub_event_type"]: row for _, row in r.incidents.iterrows()}
    protest = by_layer["Protest with intervention"]
    assert protest["actor1"] == "Protesters (Bangladesh)" and protest["layer"] == "protest"
    assert protest["actor2"] == "Police Forces of Bangladesh"
    assert protest["event_type"] == "Protests" and protest["disorder_type"] == "Demonstrations"
    riot = by_layer["Violent demonstration"]
    assert riot["actor1"] == "Rioters (Bangladesh)"
    # "concern about the violence" names no party: its topic, as written (stances module docstring)
    assert ("United Nations", "concern", "violence") in _stances(r)


def test_sahel_clash(read):
    r = read("sahel_mali_clash.txt")
    gao = _by_location(r)["Gao"]
    assert (gao["actor1"], gao["actor2"]) == ("Military Forces of Mali", "JNIM: Group for Support of Islam and Muslims")
    assert (gao["event_date"].date(), gao["time_precision"]) == (date(2024, 9, 20), 1)  # "yesterday"
    assert gao["geo_precision"] == 2


def test_undated_report_keeps_dates_null(read):
    r = read("undated_kenya_protest.txt")
    assert r.published is None
    assert len(r.incidents) == 1
    assert r.incidents["event_date"].isna().all() and r.incidents["time_precision"].isna().all()
    dated = read("undated_kenya_protest.txt", published="2024-06-25")
    assert dated.incidents.loc[0, "event_date"].date() == date(2024, 6, 25)


def test_tables_follow_the_schema(read):
    from geoconflict.schema import CLAIM_COLUMNS, INCIDENT_COLUMNS, PLACE_COLUMNS, STANCE_COLUMNS

    r = read("ukraine_kharkiv_belgorod.txt")
    for frame, columns in ((r.incidents, INCIDENT_COLUMNS), (r.places, PLACE_COLUMNS),
                           (r.claims, CLAIM_COLUMNS), (r.stances, STANCE_COLUMNS)):
        assert list(frame.columns)[: len(columns)] == list(columns)
        assert frame.crs.to_string() == "EPSG:4326"
    assert list(r.incidents["id"]) == [f"I{i}" for i in range(1, len(r.incidents) + 1)]
    # the outlet in the dateline "KYIV, ... (Geoconflict Test Wire) -" is the source
    assert r.incidents["source"].eq("Geoconflict Test Wire").all()
    assert r.source == "Geoconflict Test Wire"


def test_source_argument_when_the_text_names_no_outlet(gaz):
    r = read_report("Russian missiles struck Kharkiv on Sunday.", "2025-11-04", gazetteer=gaz, source="my-file.txt")
    assert set(r.incidents["source"]) == {"my-file.txt"}


def test_areal_places_have_footprints(read):
    r = read("sudan_el_fasher.txt")
    darfur = r.places[r.places["feature_type"] == "admin1"]
    assert len(darfur) >= 1
    assert all(f is not None and f.geom_type in ("Polygon", "MultiPolygon") for f in darfur["footprint"])
    towns = r.places[r.places["feature_type"] == "city"]
    assert all(f is None for f in towns["footprint"])


def test_same_input_same_output(read, gaz):
    a = read("gaza_rafah.txt")
    b = read_report((REPORTS / "gaza_rafah.txt").read_text(encoding="utf-8"), gazetteer=gaz)
    assert a.incidents.drop(columns="geometry").equals(b.incidents.drop(columns="geometry"))
    assert a.stances.drop(columns="geometry").equals(b.stances.drop(columns="geometry"))


# --------------------------------------------------------------- bad input
def test_empty_text_gives_empty_tables(gaz):
    for text in ("", "   \n", b""):
        r = read_report(text, gazetteer=gaz)
        assert r.incidents.empty and r.places.empty and r.claims.empty and r.stances.empty


def test_text_without_places_is_not_an_error(gaz):
    r = read_report("The committee met and agreed on a budget for next year.", gazetteer=gaz)
    assert r.incidents.empty and r.places.empty


def test_non_utf8_bytes_raise_input_error(gaz):
    with pytest.raises(InputError):
        read_report(b"Kabul \xff\xfe\xfa strikes", gazetteer=gaz)


def test_invalid_published_names_the_format(gaz):
    with pytest.raises(InputError, match="YYYY-MM-DD"):
        read_report("Strikes hit Kabul.", published="28/02/2026", gazetteer=gaz)


def test_oversized_report_is_refused_with_the_limit(gaz):
    big = "Quiet day. " * (MAX_REPORT_CHARS // 10)
    with pytest.raises(InputError, match="limit"):
        read_report(big, gazetteer=gaz)
    with pytest.raises(InputError, match="limit"):
        read_report(("x" * (10 * 1024 * 1024)).encode(), gazetteer=gaz)


def test_html_input(gaz):
    html = ("<html><head><title>t</title><script>var a='Kabul';</script></head><body>"
            "<h1>Strikes</h1><p>Russian missiles struck <b>Kharkiv</b> on Sunday.</p></body></html>")
    r = read_report(html, published="2025-11-04", gazetteer=gaz)
    (row,) = r.incidents.itertuples()
    assert row.location == "Kharkiv" and row.event_date.date() == date(2025, 11, 2)
    assert r.text[row.source_start:row.source_end] == row.notes


def test_unresolved_mentions_are_listed_not_dropped(gaz):
    r = read_report("Drones struck near Qqqzzy Road in Kharkiv on Sunday.", published="2025-11-04", gazetteer=gaz)
    assert r.places["resolved"].any()
    for _, row in r.places[~r.places["resolved"].astype(bool)].iterrows():
        assert row["geometry"] is None or row["geometry"].is_empty


# --------------------------------------------------------------------- CLI
def test_cli_prints_a_json_summary(capsys):
    assert main(["extract", str(REPORTS / "ukraine_kharkiv_belgorod.txt")]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["published"] == "2025-11-04"
    assert {i["location"] for i in out["incidents"]} >= {"Kharkiv", "Belgorod"}
    assert out["counts"]["incidents"] == len(out["incidents"])


def test_cli_reads_stdin(capsys, monkeypatch):
    import io
    import sys

    data = (REPORTS / "sahel_mali_clash.txt").read_bytes()
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data)))
    assert main(["extract", "-"]) == 0
    assert json.loads(capsys.readouterr().out)["counts"]["incidents"] >= 1


def test_cli_bad_input_exits_1(tmp_path, capsys):
    assert main(["extract", str(tmp_path / "missing.txt")]) == 1
    assert "cannot read report" in capsys.readouterr().err
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"\xff\xfe\x00bad")
    assert main(["extract", str(bad)]) == 1
    assert main(["extract", str(REPORTS / "gaza_rafah.txt"), "--published", "12 May"]) == 1
    assert "YYYY-MM-DD" in capsys.readouterr().err


def test_cli_writes_one_feature_collection(tmp_path, capsys):
    pytest.importorskip("geoconflict.io")
    out = tmp_path / "out.geojson"
    src = str(REPORTS / "ukraine_kharkiv_belgorod.txt")
    assert main(["extract", src, "-o", str(out)]) == 0
    doc = json.loads(out.read_text(encoding="utf-8"))
    assert doc["type"] == "FeatureCollection"
    kinds = {f["properties"]["kind"] for f in doc["features"]}
    assert {"incident", "place", "stance"} <= kinds
    # refuses to overwrite without --force
    assert main(["extract", src, "-o", str(out)]) == 1
    assert main(["extract", src, "-o", str(out), "--force"]) == 0


def test_bundled_example(gaz):
    example = Path(__file__).resolve().parents[1] / "geoconflict" / "examples" / "border_strikes.txt"
    r = read_report(example.read_bytes(), gazetteer=gaz)
    assert str(r.published) == "2026-02-28"
    inc = r.incidents
    strikes = inc[inc["layer"] == "strike"]
    assert set(strikes["actor1"]) == {"Military Forces of Pakistan"}
    assert len(strikes) == 3 and set(strikes["country_code"]) == {"AF"}
    assert sorted(strikes["geo_precision"]) == [1, 1, 3]  # Paktia province
    (ret,) = inc[inc["layer"] == "retaliation"].itertuples()
    assert ret.actor1 == "Taliban" and ret.country_code == "PK"
    assert sorted(ret.responds_to.split()) == sorted(strikes["id"])
    # "Fayzabad in Badakhshan was calm": a place, not an incident
    assert not inc["admin1"].fillna("").str.contains("Badakhshan").any()
    got = _stances(r)
    assert ("United States", "supports", "Pakistan") in got
    assert ("India", "condemns", "Pakistan") in got
    assert ("Afghanistan", "condemns", "Pakistan") in got
    assert {("Turkey", "engages", "Pakistan"), ("Saudi Arabia", "engages", "Pakistan")} <= got
    for actor in ("China", "Russia", "United Nations"):
        assert any(a == actor and s == "calls_for_restraint" for a, s, _ in got)


@pytest.mark.parametrize("collector_on", [True, False])
def test_reading_restores_the_collector_state(gaz, collector_on):
    # extraction pauses automatic full collections for speed; the caller's
    # setting must come back, also after an error
    import gc

    from geoconflict.extract import read_reports

    was = gc.isenabled()
    try:
        (gc.enable if collector_on else gc.disable)()
        read_report("Drones struck El Fasher on Sunday.", "2025-03-04", gazetteer=gaz)
        assert gc.isenabled() is collector_on
        with pytest.raises(InputError):
            read_reports(["Shelling hit Kharkiv.", b"\xff\xfe\xfa"], gazetteer=gaz)
        assert gc.isenabled() is collector_on
    finally:
        (gc.enable if was else gc.disable)()

