"""The curated landmark layer (gazetteer/data/curated.csv): every row sourced, valid and where it says it is.

Also what the rows are for: seas, gulfs, straits and shared lakes resolve by
name (before provinces named after them) and in running text.
"""

from __future__ import annotations

import csv
import re
from pathlib import Path

import pytest
from pyproj import Geod

from gazetteer import boundaries as b
from gazetteer import get_gazetteer

CURATED = Path(b.__file__).resolve().parent / "data" / "curated.csv"
COLUMNS = ["id", "name", "aliases", "feature_type", "lat", "lon", "radius_m", "country_code", "admin1", "source"]
GEOD = Geod(ellps="WGS84")
#: Extra slack (km) for sites on a border: crossings straddle the line, and
#: the bundled line is within ~1 km of the real one.
BORDER_SLACK_KM = 3.0
#: Islets too small for Natural Earth 10m still belong to the nearest country within this distance.
ISLET_KM = 60.0
#: Largest radius of a landmark, and of an area (the Mediterranean is about 4,000 km long).
LANDMARK_MAX_M = 100_000
AREA_MAX_M = 2_500_000


def _rows() -> list[dict]:
    with open(CURATED, encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


ROWS = _rows()
IDS = [r["id"] for r in ROWS]
#: Seas, gulfs, straits and lakes shared by several countries: the rows without a country.
SHARED = [r for r in ROWS if not r["country_code"]]


@pytest.fixture(scope="module")
def gaz():
    return get_gazetteer()


def _row(name: str) -> dict:
    matches = [r for r in ROWS if r["name"] == name]
    assert matches, f"curated row {name!r} is required"
    return matches[0]


def test_header_is_exactly_the_documented_columns():
    with open(CURATED, encoding="utf-8", newline="") as f:
        assert next(csv.reader(f)) == COLUMNS


def test_ids_are_unique_slugs():
    assert len(IDS) == len(set(IDS))
    for rid in IDS:
        assert re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", rid), rid


@pytest.mark.parametrize("row", ROWS, ids=IDS)
def test_row_is_well_formed_and_sourced(row):
    assert row["name"].strip() == row["name"] and row["name"]
    assert row["feature_type"] in ("landmark", "area")
    src = row["source"]
    assert src.startswith(("http://", "https://", "Wikipedia: ")), f"{row['id']}: source must be a URL or a citation"
    lat, lon = float(row["lat"]), float(row["lon"])
    assert -90 <= lat <= 90 and -180 <= lon <= 180
    for value in (row["lat"], row["lon"]):
        assert len(value.split(".")[-1]) <= 5 if "." in value else True
    radius = float(row["radius_m"])
    assert 0 < radius <= (AREA_MAX_M if row["feature_type"] == "area" else LANDMARK_MAX_M)
    aliases = row["aliases"].split("|") if row["aliases"] else []
    assert all(a.strip() == a and a for a in aliases), f"{row['id']}: empty or padded alias"
    assert len(aliases) == len(set(aliases)), f"{row['id']}: duplicate alias"


@pytest.mark.parametrize("row", ROWS, ids=IDS)
def test_row_lies_in_its_stated_country_and_admin1(row):
    lat, lon = float(row["lat"]), float(row["lon"])
    cc, admin1 = row["country_code"], row["admin1"]
    if not cc:
        # Only waters have no country: a sea or strait (or a bridge over one)
        # off every coast, or a lake whose circle crosses a border it straddles.
        assert row["feature_type"] == "area" and not admin1
        if b.country_at(lat, lon, max_distance_km=0) is not None:
            assert b.nearest_border(lat, lon)["km"] < float(row["radius_m"]) / 1000, f"{row['id']}: on land in one country"
        return
    admin = b.load_admin1()
    # (East Jerusalem is PS in the country layer but inside Israel's Jerusalem
    # District in the admin-1 layer, so the unit's own country may differ.)
    assert (admin["name"] == admin1).any(), f"{row['id']}: {admin1!r} is not a Natural Earth admin-1 name"
    found = b.country_at(lat, lon)
    if found is None:  # an islet missing from the 10m polygons
        assert b.country_at(lat, lon, max_distance_km=ISLET_KM) == cc
        assert b.admin1_at(lat, lon, max_distance_km=ISLET_KM)["name"] == admin1
        return
    if found != cc:
        # a site on the border itself: the stated country must be one side of the nearest border
        nb = b.nearest_border(lat, lon)
        assert cc in nb["countries"], f"{row['id']}: in {found}, stated {cc}"
        assert nb["km"] <= float(row["radius_m"]) / 1000 + BORDER_SLACK_KM, f"{row['id']}: in {found}, stated {cc}"
        return
    assert b.admin1_at(lat, lon)["name"] == admin1


def test_required_afghanistan_pakistan_landmarks_are_present():
    for name in [
        "Prime Minister's Office",
        "Faizabad",
        "Torkham border crossing",
        "Chaman border crossing",
        "Red Zone",
        "Parliament House",
        "General Headquarters",
        "Hamid Karzai International Airport",
        "Bagram Airfield",
        "Kandahar International Airport",
        "Arg",
        "PAF Base Nur Khan",
        "Wagah–Attari border crossing",
    ]:
        _row(name)


def test_pmo_matches_the_published_coordinates_and_aliases():
    pmo = _row("Prime Minister's Office")
    assert (float(pmo["lat"]), float(pmo["lon"])) == (33.7257, 73.1002)
    assert {"PMO", "Prime Minister's Office", "Prime Minister's Secretariat"} <= set(pmo["aliases"].split("|"))
    assert pmo["country_code"] == "PK"


def test_faizabad_is_an_area_around_the_interchange_about_7_km_from_the_pmo():
    faizabad, pmo = _row("Faizabad"), _row("Prime Minister's Office")
    assert faizabad["feature_type"] == "area"
    assert 1500 <= float(faizabad["radius_m"]) <= 2500
    assert "Faizabad Interchange" in faizabad["aliases"].split("|")
    _, _, metres = GEOD.inv(float(pmo["lon"]), float(pmo["lat"]), float(faizabad["lon"]), float(faizabad["lat"]))
    assert 6.5 < metres / 1000 < 7.3  # the "about 6.9 km"


def test_border_crossings_are_near_their_border():
    for name, pair in [
        ("Torkham border crossing", ("AF", "PK")),
        ("Chaman border crossing", ("AF", "PK")),
        ("Wagah–Attari border crossing", ("IN", "PK")),
        ("Rafah Border Crossing", ("EG", "PS")),
    ]:
        row = _row(name)
        nb = b.nearest_border(float(row["lat"]), float(row["lon"]))
        assert nb["countries"] == pair, name
        assert nb["km"] <= float(row["radius_m"]) / 1000 + BORDER_SLACK_KM, name


def test_file_is_utf8_with_unix_newlines():
    raw = CURATED.read_bytes()
    raw.decode("utf-8")
    assert b"\r\n" not in raw and raw.endswith(b"\n")


# ------------------------------------------------------- what the rows are for
@pytest.mark.parametrize("row", SHARED, ids=[r["id"] for r in SHARED])
def test_shared_waters_resolve_by_name_and_alias_to_their_row(gaz, row):
    for name in [row["name"], *filter(None, row["aliases"].split("|"))]:
        res = gaz.resolve(name)
        assert res.best is not None, (name, res.unresolved_reason)
        assert res.best.gazetteer_id == f"curated:{row['id']}", (name, res.best)
        assert not res.ambiguous, name
        assert res.best.country_code is None
        assert res.best.precision_m == float(row["radius_m"])


def test_red_sea_is_the_sea_unless_the_text_names_the_province(gaz):
    # Egypt's Red Sea governorate and Sudan's Red Sea state share the sea's name
    sea = gaz.resolve("the Red Sea")
    assert sea.best.gazetteer_id == "curated:red-sea" and not sea.ambiguous
    assert {p.country_code for p in sea.alternatives if p.feature_type == "admin1"} >= {"EG", "SD"}
    for name, cc in [("Red Sea State", "SD"), ("Red Sea Governorate", "EG")]:
        province = gaz.resolve(name, context="Port Sudan" if cc == "SD" else "Hurghada")
        assert (province.best.feature_type, province.best.country_code) == ("admin1", cc), name


def test_persian_gulf_is_not_an_iranian_province(gaz):
    # Natural Earth lists "Persian Gulf" among the names of Iran's Bushehr province
    assert gaz.resolve("Persian Gulf").best.gazetteer_id == "curated:persian-gulf"
    assert gaz.resolve("Arabian Gulf").best.gazetteer_id == "curated:persian-gulf"
    assert gaz.resolve("Bushehr").best.country_code == "IR"


def _resolved(text: str) -> dict[str, str | None]:
    from geoconflict import geoparse

    return {m.text: (m.place.gazetteer_id if m.place else None) for m in geoparse(text)}


def test_lake_chad_in_running_text_is_the_lake():
    found = _resolved("Boko Haram fighters attacked a fishing village on the shores of Lake Chad, killing 12 people.")
    assert found.get("Lake Chad") == "curated:lake-chad"


@pytest.mark.parametrize("text, water", [
    ("The Lake Chad Basin Commission met in N'Djamena on Monday.", "curated:lake-chad"),
    ("Russia's Black Sea Fleet said it had repelled a drone attack overnight.", "curated:black-sea"),
])
def test_organisations_named_after_waters_are_not_places_in_them(text, water):
    assert water not in _resolved(text).values()


def test_red_sea_in_running_text_is_the_sea():
    found = _resolved("Houthi forces fired a missile at a tanker in the Red Sea on Tuesday.")
    assert found.get("Red Sea") == "curated:red-sea"
