"""User layers in the three formats, and their error messages."""

from __future__ import annotations

import json

import pytest

from gazetteer import LayerFormatError, get_gazetteer
from gazetteer.core import Gazetteer


@pytest.fixture()
def gaz():
    # a private instance over the shared index, so layers do not leak into other tests
    return Gazetteer(index_path=get_gazetteer().index_path)


def _geonames_line(gid, name, ascii_name, alts, lat, lon, fclass="P", fcode="PPL", cc="AF", a1="13", pop="1200"):
    cols = [str(gid), name, ascii_name, alts, str(lat), str(lon), fclass, fcode, cc, "", a1, "", "", "", pop,
            "", "1800", "Asia/Kabul", "2024-01-01"]
    assert len(cols) == 19
    return "\t".join(cols)


def test_csv_layer(gaz, tmp_path):
    path = tmp_path / "sites.csv"
    path.write_text(
        "name,lat,lon,aliases,feature_type,country_code,radius_m,source\n"
        "Qargha Checkpoint,34.55,69.03,Qargha gate|Checkpoint Q,landmark,AF,300,field notes\n"
        "Zorbland Camp,10.5,20.5,,area,,5000,\n",
        encoding="utf-8",
    )
    added = gaz.add_layer(path)
    assert [p.gazetteer_id for p in added] == ["user:sites:1", "user:sites:2"]
    p = gaz.resolve("Qargha Gate", context="Kabul").best
    assert p.gazetteer_id == "user:sites:1" and p.source == "field notes" and p.precision_m == 300
    assert gaz.resolve("Zorbland Camp").best.feature_type == "area"
    # user names join the text matcher
    assert ("Checkpoint Q" in [s for _, _, s in gaz.find_names("near Checkpoint Q today")])
    assert gaz.layers == {"sites": 2}


def test_csv_layer_with_ids_and_a_dataframe(gaz):
    import pandas as pd

    df = pd.DataFrame({"id": ["a1"], "name": ["Blorp Hill"], "lat": [1.0], "lon": [2.0]})
    gaz.add_layer(df, name="hills")
    assert gaz.place("user:hills:a1").name == "Blorp Hill"


def test_geojson_layer_points_and_polygons(gaz, tmp_path):
    doc = {
        "type": "FeatureCollection",
        "features": [
            {"type": "Feature", "properties": {"name": "Vremb Well", "id": "w1"},
             "geometry": {"type": "Point", "coordinates": [69.2, 34.5]}},
            {"type": "Feature", "properties": {"name": "Vremb Valley", "id": "v1"},
             "geometry": {"type": "Polygon",
                          "coordinates": [[[69.0, 34.0], [69.2, 34.0], [69.2, 34.2], [69.0, 34.2], [69.0, 34.0]]]}},
        ],
    }
    path = tmp_path / "vremb.geojson"
    path.write_text(json.dumps(doc), encoding="utf-8")
    gaz.add_layer(path, name="vremb")
    well = gaz.resolve("Vremb Well").best
    assert (well.gazetteer_id, round(well.lat, 3), round(well.lon, 3)) == ("user:vremb:w1", 34.5, 69.2)
    valley = gaz.resolve("Vremb Valley").best
    assert valley.feature_type == "area" and valley.precision_m > 10_000
    geom = gaz.geometry(valley)
    assert geom.geom_type == "Polygon" and geom.contains(__import__("shapely").Point(valley.lon, valley.lat))


def test_geonames_dump_layer(gaz, tmp_path):
    path = tmp_path / "cities500.txt"
    path.write_text(
        _geonames_line(90000001, "Qalat-e Zwarb", "Qalat-e Zwarb", "Zwarb,Qalat Zwarb", 34.1, 69.1) + "\n"
        + _geonames_line(90000002, "Zwarb Province", "Zwarb Province", "", 34.0, 69.0, "A", "ADM1", pop="") + "\n",
        encoding="utf-8",
    )
    gaz.add_layer(path)
    p = gaz.resolve("Qalat Zwarb").best
    assert p.gazetteer_id == "user:cities500:90000001" and p.population == 1200 and p.feature_type == "city"
    assert gaz.resolve("Zwarb Province").best.feature_type == "admin1"


@pytest.mark.parametrize(
    "text, match",
    [
        ("name,lat\nX,1\n", "lon"),  # missing column
        ("name,lat,lon\nX,abc,2\n", "line 2, column 'lat'"),
        ("name,lat,lon\nX,1,2\nY,95,2\n", "line 3, column 'lat'"),
        ("name,lat,lon\n,1,2\n", "column 'name'"),
        ("name,lat,lon,feature_type\nX,1,2,castle\n", "feature_type"),
        ("name,lat,lon,country_code\nX,1,2,Pakistan\n", "country_code"),
        ("name,lat,lon\nX,1,2,3\n", "line 2"),
    ],
)
def test_bad_csv_names_line_and_column(gaz, tmp_path, text, match):
    path = tmp_path / "bad.csv"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(LayerFormatError, match=match) as info:
        gaz.add_layer(path)
    assert isinstance(info.value, ValueError)


def test_bad_geonames_dump(gaz, tmp_path):
    path = tmp_path / "allCountries.txt"
    path.write_text("1\tOnly\tthree\n", encoding="utf-8")
    with pytest.raises(LayerFormatError, match=r"line 1.*expected 19"):
        gaz.add_layer(path)
    path.write_text(_geonames_line(1, "X", "X", "", "north", 2) + "\n", encoding="utf-8")
    with pytest.raises(LayerFormatError, match="latitude"):
        gaz.add_layer(path)


def test_bad_geojson(gaz, tmp_path):
    path = tmp_path / "broken.geojson"
    path.write_text("{not json", encoding="utf-8")
    with pytest.raises(LayerFormatError, match="GeoJSON"):
        gaz.add_layer(path)
    path.write_text(json.dumps({"type": "FeatureCollection", "features": [
        {"type": "Feature", "properties": {"label": "x"}, "geometry": {"type": "Point", "coordinates": [1, 2]}}]}),
        encoding="utf-8")
    with pytest.raises(LayerFormatError, match="name"):
        gaz.add_layer(path)


def test_missing_file_and_duplicate_layer(gaz, tmp_path):
    with pytest.raises(LayerFormatError, match="no such file"):
        gaz.add_layer(tmp_path / "nope.csv")
    path = tmp_path / "one.csv"
    path.write_text("name,lat,lon\nGlimfar,1,2\n", encoding="utf-8")
    gaz.add_layer(path)
    with pytest.raises(LayerFormatError, match="already"):
        gaz.add_layer(path)
