"""Geodesics, containment and reference distances."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from pyproj import Geod
from shapely import Point

from geoconflict.errors import InputError
from geoconflict.facts import (
    annotate_incidents,
    annotate_places,
    geodesic,
    geodesics,
    iso_numeric,
    reference_distances,
)
from geoconflict.schema import conform, empty_frame

KABUL = (34.5553, 69.2075)
ISLAMABAD = (33.6844, 73.0479)


def test_geodesic_matches_pyproj_wgs84_kabul_islamabad():
    az, _back, metres = Geod(ellps="WGS84").inv(KABUL[1], KABUL[0], ISLAMABAD[1], ISLAMABAD[0])
    km, bearing = geodesic(*KABUL, *ISLAMABAD)
    assert km == pytest.approx(metres / 1000)
    assert bearing == pytest.approx(az % 360)
    # an independent sanity range: the two capitals are some 360-380 km apart, Islamabad to the ESE
    assert 350 < km < 390 and 90 < bearing < 120


def test_bearing_is_normalised_to_0_360():
    _km, bearing = geodesic(0.0, 1.0, 0.0, 0.0)  # due west
    assert bearing == pytest.approx(270.0)


def test_geodesic_rejects_impossible_latitudes():
    with pytest.raises(InputError):
        geodesic(91.0, 0.0, 0.0, 0.0)


def test_vectorised_equals_scalar_and_broadcasts():
    rng = np.random.default_rng(7)
    lats1, lats2 = rng.uniform(-80, 80, 50), rng.uniform(-80, 80, 50)
    lons1, lons2 = rng.uniform(-180, 180, 50), rng.uniform(-180, 180, 50)
    km, brg = geodesics(lats1, lons1, lats2, lons2)
    for i in range(50):
        k, b = geodesic(lats1[i], lons1[i], lats2[i], lons2[i])
        assert km[i] == pytest.approx(k) and brg[i] == pytest.approx(b)
    # one reference against many targets
    km_b, _ = geodesics(KABUL[0], KABUL[1], lats2, lons2)
    assert km_b.shape == (50,)
    assert km_b[3] == pytest.approx(geodesic(*KABUL, lats2[3], lons2[3])[0])


def test_vectorised_handles_empty_and_nan():
    km, brg = geodesics([], [], [], [])
    assert km.shape == (0,) and brg.shape == (0,)
    km, _ = geodesics([np.nan, 0.0], [0.0, 0.0], [1.0, 0.0], [0.0, 1.0])
    assert np.isnan(km[0]) and km[1] > 100


def test_iso_numeric_codes():
    assert (iso_numeric("AF"), iso_numeric("pk"), iso_numeric("SD")) == (4, 586, 729)
    assert iso_numeric(None) is None and iso_numeric("ZZ") is None


def _places(rows):
    return conform(
        [dict(r, geometry=None if r.get("latitude") is None else Point(r["longitude"], r["latitude"])) for r in rows],
        "place",
    )


def test_annotate_places_point_in_polygon():
    places = _places(
        [
            {"id": "P1", "text": "Kabul", "latitude": KABUL[0], "longitude": KABUL[1]},
            {"id": "P2", "text": "Karachi", "latitude": 24.8607, "longitude": 67.0011},
            {"id": "P3", "text": "Tabbasum Road", "latitude": None, "longitude": None},
        ]
    )
    out = annotate_places(places)
    assert list(out["country_code"][:2]) == ["AF", "PK"]
    assert list(out["iso"][:2]) == [4, 586]
    assert out.loc[0, "country"] == "Afghanistan"
    assert out.loc[1, "admin1"] == "Sindh"
    assert out.loc[0, "border_distance_km"] > 10
    assert pd.isna(out.loc[2, "country_code"]) and np.isnan(out.loc[2, "border_distance_km"])
    assert len(out) == 3  # nothing dropped


def test_annotate_incidents_empty_frame():
    assert len(annotate_incidents(empty_frame("incident"))) == 0


def test_reference_distances_excludes_own_place_and_sorts():
    incidents = pd.DataFrame(
        {"id": ["I1"], "latitude": [33.66444], "longitude": [73.08694], "gazetteer_id": ["curated:fz"]}
    )
    places = pd.DataFrame(
        {
            "id": ["P1", "P2", "P3", "P4"],
            "name": ["Faizabad", "Prime Minister's Office", "Kabul", "Tabbasum Road"],
            "latitude": [33.66444, 33.7257, KABUL[0], None],
            "longitude": [73.08694, 73.1002, KABUL[1], None],
            "gazetteer_id": ["curated:fz", "curated:pmo", "geonames:1138958", None],
        }
    )
    out = reference_distances(incidents, places)
    assert list(out["reference"]) == ["Prime Minister's Office", "Kabul"]
    assert out.loc[0, "km"] == pytest.approx(geodesic(33.7257, 73.1002, 33.66444, 73.08694)[0])
    assert 6.5 < out.loc[0, "km"] < 7.3
    # bearing from the reference to the incident: Faizabad lies south of the PMO
    assert 160 < out.loc[0, "bearing_deg"] < 220


def test_reference_distances_empty_inputs():
    out = reference_distances(pd.DataFrame(columns=["id", "latitude", "longitude"]), pd.DataFrame())
    assert list(out.columns) == ["incident_id", "place_id", "reference", "km", "bearing_deg"]
    assert len(out) == 0


def test_border_town_keeps_its_gazetteer_country():
    # Kobani (Syria) lies ~0.6 km from the Turkish border: simplified polygons
    # put it in Turkey, the gazetteer knows better.  Far from a border the
    # polygons win over a wrong label.
    places = _places(
        [
            {"id": "P1", "text": "Kobani", "latitude": 36.8909, "longitude": 38.3536,
             "country_code": "SY", "admin1": "Aleppo"},
            {"id": "P2", "text": "Kabul", "latitude": KABUL[0], "longitude": KABUL[1],
             "country_code": "PK", "admin1": "Punjab"},
        ]
    )
    out = annotate_places(places)
    assert out.loc[0, "country_code"] == "SY" and out.loc[0, "admin1"] == "Aleppo"
    assert out.loc[0, "border_distance_km"] < 3
    assert out.loc[1, "country_code"] == "AF" and out.loc[1, "admin1"] != "Punjab"


def test_a_whole_country_gets_no_province():
    # an incident located only as "Lebanon" sits at the country's centre, which
    # falls in one province; naming that province would invent a precision
    inc = conform([
        {"id": "I1", "location": "Lebanon", "latitude": 33.8869, "longitude": 35.885, "geo_precision": 3,
         "gazetteer_id": "country:LB", "geometry": Point(35.885, 33.8869)},
        {"id": "I2", "location": "Zahle", "latitude": 33.8497, "longitude": 35.9042, "geo_precision": 1,
         "gazetteer_id": "geonames:265", "geometry": Point(35.9042, 33.8497)},
    ], "incident")
    out = annotate_incidents(inc)
    assert out["country_code"].tolist() == ["LB", "LB"]
    assert pd.isna(out.loc[0, "admin1"]) and out.loc[1, "admin1"] == "Beqaa"


def test_read_report_leaves_a_country_level_incident_without_province():
    from geoconflict import read_report

    r = read_report("Iranian drones and missiles struck Israel on Sunday.", "2026-04-20")
    row = r.incidents.iloc[0]
    assert row["location"] == "Israel" and row["geo_precision"] == 3 and pd.isna(row["admin1"])


def test_containment_is_remembered_per_point_with_the_same_answers():
    from geoconflict import facts

    facts._CONTAINED.clear()
    lats, lons = np.array([KABUL[0], 24.8607, np.nan]), np.array([KABUL[1], 67.0011, np.nan])
    first = facts._containment(lats, lons)
    assert len(facts._CONTAINED) == 2  # the missing point is not stored
    again = facts._containment(lats, lons)
    assert first[:2] == again[:2] and np.array_equal(first[2], again[2], equal_nan=True)
