"""The curated landmark layer (gazetteer/data/curated.csv): every row sourced, valid and where it says it is."""

from __future__ import annotations

import csv
import re
from pathlib import Path

import pytest
from pyproj import Geod

from gazetteer import boundaries as b

CURATED = Path(b.__file__).resolve().parent / "data" / "curated.csv"
COLUMNS = ["id", "name", "aliases", "feature_type", "lat", "lon", "radius_m", "country_code", "admin1", "source"]
GEOD = Geod(ellps="WGS84")
#: Extra slack (km) for sites on a border: crossings straddle the line, and
#: the bundled line is within ~1 km of the real one.
BORDER_SLACK_KM = 3.0
#: Islets too small for Natural Earth 10m still belong to the nearest country within this distance.
ISLET_KM = 60.0


def _rows() -> list[dict]:
    with open(CURATED, encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


ROWS = _rows()
IDS = [r["id"] for r in ROWS]


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
    assert 0 < radius <= 100_000
    aliases = row["aliases"].split("|") if row["aliases"] else []
    assert all(a.strip() == a and a for a in aliases), f"{row['id']}: empty or padded alias"
    assert len(aliases) == len(set(aliases)), f"{row['id']}: duplicate alias"


@pytest.mark.parametrize("row", ROWS, ids=IDS)
def test_row_lies_in_its_stated_country_and_admin1(row):
    lat, lon = float(row["lat"]), float(row["lon"])
    cc, admin1 = row["country_code"], row["admin1"]
    if not cc:
        # Only maritime areas (straits, a bridge over one) have no country.
        assert row["feature_type"] == "area" and not admin1
        assert b.country_at(lat, lon, max_distance_km=0) is None
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
