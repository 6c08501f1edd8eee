"""gazetteer.boundaries: containment, border distances, polygons, and the bundled boundary files."""

from __future__ import annotations

import csv
import gzip
import json
import math
import re
from pathlib import Path

import numpy as np
import pytest
import shapely
from pyproj import Geod

from gazetteer import boundaries as b
from gazetteer.errors import GazetteerDataError, InvalidNameError, UnknownPlaceError

DATA = Path(b.__file__).resolve().parent / "data"
SOURCES_MD = Path(b.__file__).resolve().parent / "SOURCES.md"
GEOD = Geod(ellps="WGS84")

# (label, lat, lon, ISO2, NE admin-1 name) -- city centres on four continents
CITIES = [
    ("Kabul", 34.5553, 69.2075, "AF", "Kabul"),
    ("Kandahar", 31.6289, 65.7372, "AF", "Kandahar"),
    ("Islamabad", 33.6844, 73.0479, "PK", "Islamabad Capital Territory"),
    ("Karachi", 24.8607, 67.0011, "PK", "Sindh"),
    ("Khartoum", 15.5007, 32.5599, "SD", "Khartoum"),
    ("Kyiv", 50.4501, 30.5234, "UA", "Kyiv"),
    ("Bogotá", 4.7110, -74.0721, "CO", "Bogotá"),
    ("Gaza City", 31.5017, 34.4668, "PS", "Gaza"),
    ("Sydney", -33.8688, 151.2093, "AU", "New South Wales"),
]


def _curated(name: str) -> dict:
    with open(DATA / "curated.csv", encoding="utf-8", newline="") as f:
        for row in csv.DictReader(f):
            if row["name"] == name:
                return row
    raise AssertionError(f"curated row {name!r} missing")


# --------------------------------------------------------------------------- containment
@pytest.mark.parametrize("label,lat,lon,cc,admin1", CITIES, ids=[c[0] for c in CITIES])
def test_city_lies_in_its_country_and_province(label, lat, lon, cc, admin1):
    assert b.country_at(lat, lon) == cc
    hit = b.admin1_at(lat, lon)
    assert hit is not None and hit["name"] == admin1 and hit["country_code"] == cc
    assert set(hit) == {"id", "name", "country_code", "iso_3166_2"}
    assert hit["id"].startswith("ne:")


def test_paktia_label_point_lies_in_paktia_not_paktika():
    a1 = b.load_admin1()
    for iso in ("AF-PKA", "AF-PIA"):  # Paktia, Paktika (NE lists "Paktya" as an alternate of both)
        row = a1[a1["iso_3166_2"] == iso].iloc[0]
        assert b.admin1_at(row["label_lat"], row["label_lon"])["id"] == row["id"]
    paktia = a1[a1["iso_3166_2"] == "AF-PKA"].iloc[0]
    assert paktia["name"] == "Paktia" and "Paktya" in list(paktia["names"])


def test_every_admin1_label_point_lies_in_its_own_unit():
    a1 = b.load_admin1()
    found = b.admin1s_at(a1["label_lat"].to_numpy(), a1["label_lon"].to_numpy(), max_distance_km=0)
    wrong = [uid for uid, hit in zip(a1["id"], found) if hit is None or hit["id"] != uid]
    assert wrong == []


def test_crimea_follows_iso_3166_2_and_geonames():
    # Natural Earth's de facto layers say RU; ISO 3166-2 (UA-43, UA-40) and
    # GeoNames say UA, and the gazetteer's cities come from GeoNames.
    for lat, lon, iso in [(44.952, 34.102, "UA-43"), (44.600, 33.520, "UA-40")]:  # Simferopol, Sevastopol
        assert b.country_at(lat, lon) == "UA"
        assert b.admin1_at(lat, lon)["iso_3166_2"] == iso
    borders = b.load_borders()
    ru_ua = borders[(borders["left"] == "RU") & (borders["right"] == "UA")].geometry.iloc[0]
    perekop = shapely.Point(33.69, 46.15)  # the isthmus joining Crimea to the mainland
    assert shapely.distance(ru_ua, perekop) > 2.0  # degrees: no border there


def test_open_ocean_has_no_country():
    assert b.country_at(30.0, -40.0) is None  # mid-Atlantic
    assert b.admin1_at(30.0, -40.0) is None
    assert b.countries_at([30.0], [-40.0]).tolist() == [None]


def test_point_just_offshore_gets_the_nearest_country_within_the_limit():
    lat, lon = 31.52, 34.40  # ~3 km off the Gaza coast
    assert b.country_at(lat, lon, max_distance_km=0) is None
    assert b.country_at(lat, lon) == "PS"
    assert b.admin1_at(lat, lon)["country_code"] == "PS"
    assert b.country_at(lat, lon, max_distance_km=0.5) is None


def test_vectorised_and_scalar_agree():
    rng = np.random.default_rng(7)
    lats = np.concatenate([rng.uniform(-55, 70, 60), [c[1] for c in CITIES]])
    lons = np.concatenate([rng.uniform(-180, 180, 60), [c[2] for c in CITIES]])
    codes = b.countries_at(lats, lons)
    admin = b.admin1s_at(lats, lons)
    dists = b.distances_to_border_km(lats, lons)
    assert codes.dtype == object and len(codes) == len(admin) == len(dists) == len(lats)
    for la, lo, c, a, d in zip(lats, lons, codes, admin, dists):
        assert b.country_at(la, lo) == c
        assert b.admin1_at(la, lo) == a
        assert b.distance_to_border_km(la, lo) == pytest.approx(d, abs=1e-6)


def test_repeated_locations_give_the_same_answer_as_single_ones():
    lats = [34.5553, 31.5017, 34.5553, float("nan"), 31.5017]
    lons = [69.2075, 34.4668, 69.2075, 1.0, 34.4668]
    d = b.distances_to_border_km(lats, lons)
    assert d[0] == d[2] == b.distance_to_border_km(34.5553, 69.2075)
    assert d[1] == d[4] == b.distance_to_border_km(31.5017, 34.4668)
    assert math.isnan(d[3])


def test_vectorised_nan_entries_are_missing_values():
    codes = b.countries_at([np.nan, 34.5553], [69.0, 69.2075])
    assert codes.tolist() == [None, "AF"]
    assert b.admin1s_at([np.nan], [0.0]) == [None]
    d = b.distances_to_border_km([np.nan, 34.5553], [0.0, 69.2075])
    assert math.isnan(d[0]) and d[1] > 0


@pytest.mark.parametrize(
    "lat,lon",
    [(float("nan"), 69.0), (34.0, float("nan")), (91.0, 0.0), (-90.5, 0.0), (0.0, 180.5), ("north", 1.0), (None, 1.0)],
)
def test_bad_scalar_coordinates_raise_a_typed_error(lat, lon):
    for fn in (b.country_at, b.admin1_at, b.distance_to_border_km, b.nearest_border):
        with pytest.raises(InvalidNameError) as info:
            fn(lat, lon)
        assert isinstance(info.value, ValueError)
        assert "lat" in str(info.value).lower() or "coordinates" in str(info.value).lower()


def test_bad_vector_input_raises_a_typed_error():
    with pytest.raises(InvalidNameError, match="swap"):
        b.countries_at([34.0, 120.0], [69.0, 10.0])
    with pytest.raises(InvalidNameError, match="length"):
        b.distances_to_border_km([34.0, 35.0], [69.0])


# --------------------------------------------------------------------------- borders
def test_torkham_crossing_is_on_the_afghanistan_pakistan_border():
    row = _curated("Torkham border crossing")
    nb = b.nearest_border(float(row["lat"]), float(row["lon"]))
    assert nb["countries"] == ("AF", "PK")
    assert nb["km"] < 3


def test_kabul_is_about_85_km_from_the_parrots_beak():
    # The nearest border to Kabul is not the Torkham road crossing (~150 km
    # away) but the tip of Kurram's "Parrot's Beak", which reaches to within
    # roughly 85-95 km ESE of the city.
    nb = b.nearest_border(34.5553, 69.2075)
    assert nb["countries"] == ("AF", "PK")
    assert 70 < nb["km"] < 110
    az, _, _ = GEOD.inv(69.2075, 34.5553, nb["lon"], nb["lat"])
    assert 90 < az % 360 < 160  # east-south-east


def test_nearest_border_point_lies_on_that_border_and_matches_the_distance():
    borders = b.load_borders()
    for _, lat, lon, _, _ in CITIES:
        nb = b.nearest_border(lat, lon)
        left, right = nb["countries"]
        line = borders[(borders["left"] == left) & (borders["right"] == right)].geometry.iloc[0]
        assert shapely.distance(line, shapely.Point(nb["lon"], nb["lat"])) < 1e-4  # degrees (~10 m)
        _, _, metres = GEOD.inv(lon, lat, nb["lon"], nb["lat"])
        assert metres / 1000 == pytest.approx(nb["km"], abs=0.01)
        assert b.distance_to_border_km(lat, lon) == pytest.approx(nb["km"])


def test_border_distance_matches_brute_force_over_every_border_vertex():
    borders = b.load_borders()
    dense = shapely.segmentize(borders.geometry.to_numpy(), 0.01)  # <= ~1.1 km between vertices
    xy = shapely.get_coordinates(dense)
    rng = np.random.default_rng(3)
    lats, lons = rng.uniform(-40, 60, 6), rng.uniform(-20, 120, 6)
    got = b.distances_to_border_km(lats, lons)
    for la, lo, km in zip(lats, lons, got):
        _, _, d = GEOD.inv(np.full(len(xy), lo), np.full(len(xy), la), xy[:, 0], xy[:, 1])
        vertex_min = d.min() / 1000
        # the nearest border point is never farther than the nearest vertex,
        # and at most half a vertex spacing nearer
        assert vertex_min - 0.6 <= km <= vertex_min + 1e-6


def test_border_distance_is_zero_on_the_border():
    borders = b.load_borders()
    line = borders[(borders["left"] == "AF") & (borders["right"] == "PK")].geometry.iloc[0]
    x, y = shapely.get_coordinates(line)[len(shapely.get_coordinates(line)) // 2]
    assert b.distance_to_border_km(y, x) < 0.01


# --------------------------------------------------------------------------- polygons and loaders
def test_polygons_by_code_and_id():
    af = b.country_polygon("af")
    assert af.contains(shapely.Point(69.2075, 34.5553))
    paktia_id = b.admin1_at(33.575, 69.3826)["id"]
    assert b.admin1_polygon(paktia_id).contains(shapely.Point(69.3826, 33.575))


@pytest.mark.parametrize("code", ["XX", "", "Afghanistan", None])
def test_unknown_country_code_raises_with_a_hint(code):
    with pytest.raises(UnknownPlaceError) as info:
        b.country_polygon(code)
    assert isinstance(info.value, LookupError)
    assert "two-letter" in str(info.value)


def test_unknown_admin1_id_raises():
    with pytest.raises(UnknownPlaceError, match="ne:AFG-3413"):
        b.admin1_polygon("ne:NOPE-1")


def test_loaders_return_wgs84_geodataframes():
    countries, admin1, borders = b.load_countries(), b.load_admin1(), b.load_borders()
    for frame in (countries, admin1, borders):
        assert frame.crs is not None and frame.crs.to_epsg() == 4326
    assert {"id", "country_code", "iso3", "name", "names", "label_lat", "label_lon", "area_km2"} <= set(countries)
    assert {"id", "name", "names", "country_code", "iso_3166_2", "type_en", "gn_a1_code", "gn_id"} <= set(admin1)
    assert {"left", "right"} <= set(borders)
    assert countries["country_code"].is_unique and admin1["id"].is_unique


def test_missing_data_file_says_how_to_rebuild(tmp_path, monkeypatch):
    saved = dict(b._layers)
    monkeypatch.setattr(b, "DATA_DIR", tmp_path)
    b._layers.clear()
    try:
        with pytest.raises(GazetteerDataError, match="build_gazetteer_data.py"):
            b.country_at(34.5, 69.2)
    finally:
        b._layers.clear()
        b._layers.update(saved)


def test_damaged_cache_is_rebuilt(tmp_path, monkeypatch):
    saved = dict(b._layers)
    monkeypatch.setenv("GEOCONFLICT_CACHE", str(tmp_path))
    b._layers.clear()
    try:
        assert b.country_at(34.5553, 69.2075) == "AF"  # writes the cache
        caches = list(tmp_path.glob("boundaries-countries-*.npz"))
        assert len(caches) == 1
        caches[0].write_bytes(b"not a cache")
        b._layers.clear()
        assert b.country_at(34.5553, 69.2075) == "AF"
    finally:
        b._layers.clear()
        b._layers.update(saved)


# --------------------------------------------------------------------------- the bundled files
@pytest.fixture(scope="module")
def boundary_docs() -> dict[str, tuple[bytes, str, dict]]:
    docs = {}
    for kind in ("admin1", "countries", "borders"):
        raw = (DATA / f"{kind}.geojson.gz").read_bytes()
        text = gzip.decompress(raw).decode("utf-8")
        docs[kind] = (raw, text, json.loads(text))
    return docs


def test_gzip_headers_carry_no_timestamp_or_file_name(boundary_docs):
    for kind, (raw, _, _) in boundary_docs.items():
        assert raw[:2] == b"\x1f\x8b", kind
        assert raw[4:8] == b"\x00\x00\x00\x00", f"{kind}: gzip mtime must be 0 for byte-identical rebuilds"
        assert not raw[3] & 0x08, f"{kind}: no original file name in the gzip header"


def test_json_is_canonical_sorted_and_compact(boundary_docs):
    for kind, (_, text, doc) in boundary_docs.items():
        canonical = json.dumps(doc, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
        assert text == canonical, f"{kind} is not in the canonical form the build script writes"
        assert not re.search(r"\d\.\d{6,}", text), f"{kind}: more than 5 decimals somewhere"


def test_files_stay_small(boundary_docs):
    total = sum(len(raw) for raw, _, _ in boundary_docs.values())
    assert total <= 4_600_000


def test_every_admin1_unit_has_a_valid_polygon_and_a_country(boundary_docs):
    feats = boundary_docs["admin1"][2]["features"]
    assert len(feats) > 4000
    geoms = shapely.from_geojson([json.dumps(f["geometry"]) for f in feats])
    assert shapely.is_valid(geoms).all()
    assert not shapely.is_empty(geoms).any()
    assert (shapely.area(geoms) > 0).all()
    assert set(shapely.get_type_id(geoms)) <= {3, 6}  # Polygon, MultiPolygon
    keys = {"id", "name", "names", "country_code", "iso_3166_2", "type_en", "gn_a1_code", "gn_id",
            "label_lat", "label_lon", "area_km2"}
    documented = SOURCES_MD.read_text(encoding="utf-8")
    for f in feats:
        p = f["properties"]
        assert set(p) == keys, p["id"]
        assert p["name"] and p["name"] in p["names"]
        assert p["area_km2"] >= 0  # geodesic, 0.1 km2 steps: the Vatican rounds to 0.0
        # the only units without a country are the contested ones SOURCES.md names
        assert p["country_code"] or p["id"] in documented, p["id"]


def test_countries_and_borders_are_consistent(boundary_docs):
    countries = boundary_docs["countries"][2]["features"]
    codes = {f["properties"]["country_code"] for f in countries}
    assert len(codes) == len(countries) > 230
    geoms = shapely.from_geojson([json.dumps(f["geometry"]) for f in countries])
    assert shapely.is_valid(geoms).all() and not shapely.is_empty(geoms).any()
    for f in countries:
        p = f["properties"]
        assert re.fullmatch(r"[A-Z]{2}", p["country_code"]) and p["id"] == "country:" + p["country_code"]
        assert p["name"] in p["names"]
    for f in boundary_docs["borders"][2]["features"]:
        left, right = f["properties"]["left"], f["properties"]["right"]
        assert left < right and {left, right} <= codes
        assert f["geometry"]["type"] in ("LineString", "MultiLineString")


def test_no_country_carries_another_countrys_name():
    # Moving a territory between countries (Crimea) must not move the donor's
    # name with it: "Russia" once resolved to Ukraine through such an alias.
    countries = b.load_countries()
    primary = {row.name.casefold(): row.country_code for row in countries.itertuples()}
    for row in countries.itertuples():
        for alias in row.names:
            owner = primary.get(alias.casefold())
            assert owner in (None, row.country_code), f"{row.country_code} lists {alias!r} of {owner}"
