"""File formats: round trips through pyogrio/GDAL, RFC 7946, ACLED, atomic writes."""

from __future__ import annotations

import json
import subprocess
import sys
import warnings
from importlib.resources import files
from pathlib import Path

import pandas as pd
import pyogrio
import pytest
import shapely

from _io_helpers import FORMATS, HOSTILE, assert_table_equal, hostile_report, tables
from geoconflict import io as gio
from geoconflict.errors import FormatError, InputError, OutputExistsError
from geoconflict.report import Report
from geoconflict.schema import KIND_COLUMNS

ACLED_SAMPLE = Path(str(files("geoconflict") / "examples" / "acled_sample.csv"))

#: How far coordinates may move in each format: GeoJSON rounds to 7 decimals
#: (RFC 7946 advice); the others keep full doubles.
TOLERANCE = {"geojson": 1e-7, "gpkg": 0.0, "csv": 0.0, "kml": 0.0, "parquet": 0.0}
#: Formats that keep the report's title / published date / source.
KEEPS_METADATA = {"geojson", "gpkg"}


@pytest.fixture(scope="module")
def report() -> Report:
    return hostile_report()


@pytest.fixture(scope="module")
def acled() -> Report:
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # the sample has no bad rows
        return gio.read_acled(ACLED_SAMPLE)


# --------------------------------------------------------------------------- round trips


@pytest.mark.parametrize("fmt", FORMATS)
def test_round_trip_keeps_every_record(report, tmp_path, fmt):
    path = gio.write_report(report, tmp_path / f"report.{fmt}")
    back = gio.read_file(path)
    for kind, table in tables(report).items():
        assert_table_equal(table, getattr(back, f"{kind}s"), kind, tolerance=TOLERANCE[fmt])
    # spot checks a user relies on, beyond "equal to the input"
    assert back.incidents["event_date"].dtype == "datetime64[ms]"
    assert back.incidents.loc[0, "event_date"] == pd.Timestamp("2024-03-05")
    assert back.incidents.loc[2, "geometry"] is None
    assert back.unresolved == ["Tabbasum Road"]
    assert back.places.loc[1, "footprint"].geom_type == "Polygon"
    assert set(back.incidents["notes"].dropna()) >= {HOSTILE[4], HOSTILE[6]}
    # report metadata, where the format has room for it
    if fmt in KEEPS_METADATA:
        assert (back.title, back.published, back.source) == (report.title, report.published, report.source)
    else:
        assert back.published is None


@pytest.mark.parametrize("fmt", FORMATS)
def test_empty_report_round_trips(tmp_path, fmt):
    back = gio.read_file(gio.write_report(Report(), tmp_path / f"empty.{fmt}"))
    for kind, table in tables(back).items():
        assert table.empty
        assert list(table.columns) == list(KIND_COLUMNS[kind]), kind


@pytest.mark.parametrize("fmt", FORMATS)
def test_same_report_gives_identical_bytes(report, tmp_path, fmt):
    first = gio.output_paths(tmp_path / "a" / f"out.{fmt}")
    second = gio.output_paths(tmp_path / "b" / f"out.{fmt}")
    gio.write_report(report, first[0])
    gio.write_report(report, second[0])
    for a, b in zip(first, second):
        assert a.read_bytes() == b.read_bytes(), a.name


@pytest.mark.parametrize("fmt", ["csv", "kml"])
def test_empty_strings_read_back_as_missing(tmp_path, fmt):
    # documented loss: neither format tells "" from a missing value
    report = hostile_report()
    report.stances.loc[0, "toward"] = ""
    back = gio.read_file(gio.write_report(report, tmp_path / f"r.{fmt}"))
    assert back.stances.loc[0, "toward"] is pd.NA


def test_report_to_file_delegates(report, tmp_path):
    report.to_file(tmp_path / "r.gpkg")
    assert {n for n, _ in pyogrio.list_layers(tmp_path / "r.gpkg")} >= {
        "incidents", "places", "claims", "stances", "place_footprints"
    }


# --------------------------------------------------------------------------- GeoJSON contract


@pytest.fixture(scope="module")
def geojson_doc(report, tmp_path_factory):
    path = gio.write_report(report, tmp_path_factory.mktemp("gj") / "r.geojson")
    text = path.read_text(encoding="utf-8")
    return text, json.loads(text), json.loads(text, parse_float=str, parse_int=str)


def _coordinates(geometry):
    if geometry is None:
        return
    coords = geometry["coordinates"]
    stack = [coords]
    while stack:
        item = stack.pop()
        if item and isinstance(item[0], (list, tuple)):
            stack.extend(item)
        else:
            yield item


def test_geojson_is_one_rfc7946_collection(geojson_doc):
    _, doc, raw = geojson_doc
    assert doc["type"] == "FeatureCollection"
    assert "crs" not in doc
    kinds = [f["properties"]["kind"] for f in doc["features"]]
    assert set(kinds) == {"incident", "place", "claim", "stance"}
    for feature in raw["features"]:
        for position in _coordinates(feature["geometry"]):
            assert len(position) == 2
            for number in position:
                decimals = number.split(".")[1] if "." in number else ""
                assert len(decimals) <= 7, number
    kabul = next(f for f in doc["features"] if f["properties"].get("id") == "I1")
    lon, lat = kabul["geometry"]["coordinates"]
    assert (round(lon, 3), round(lat, 3)) == (69.172, 34.528)  # lon/lat order


def test_geojson_features_carry_only_their_kinds_columns(geojson_doc):
    _, doc, _ = geojson_doc
    for feature in doc["features"]:
        props = feature["properties"]
        kind = props["kind"]
        allowed = set(KIND_COLUMNS[kind]) | {"kind", "role"}
        assert set(props) <= allowed, (kind, set(props) - allowed)


def test_geojson_geometry_per_kind(geojson_doc):
    _, doc, _ = geojson_doc
    by_kind = {}
    for f in doc["features"]:
        key = (f["properties"]["kind"], f["properties"].get("role"))
        by_kind.setdefault(key, []).append(f)
    assert all(f["geometry"] is None for f in by_kind[("stance", None)])
    assert {f["geometry"]["type"] for f in by_kind[("claim", None)] if f["geometry"]} == {"LineString"}
    unresolved = [f for f in by_kind[("place", None)] if f["properties"]["resolved"] is False]
    assert [f["properties"]["text"] for f in unresolved] == ["Tabbasum Road"]
    assert unresolved[0]["geometry"] is None
    (footprint,) = by_kind[("place", "footprint")]
    assert footprint["properties"]["id"] == "P2"
    polygon = shapely.geometry.shape(footprint["geometry"])
    assert shapely.is_ccw(polygon.exterior)
    assert all(not shapely.is_ccw(ring) for ring in polygon.interiors)
    claim = next(f for f in by_kind[("claim", None)] if f["geometry"])
    assert claim["geometry"]["coordinates"][0] == [73.1002, 33.7257]  # from the reference


def test_geojson_text_is_escaped_json(geojson_doc):
    text, doc, _ = geojson_doc
    notes = {f["properties"].get("notes") for f in doc["features"]}
    assert HOSTILE[4] in notes  # newline and quotes survive as JSON escapes
    assert "\nline two" not in text


# --------------------------------------------------------------------------- CSV layout


def test_csv_incidents_use_acled_columns_then_ours_then_wkt(report, tmp_path):
    path = gio.write_report(report, tmp_path / "r.csv")
    header = pd.read_csv(path, nrows=0).columns.tolist()
    n = len(gio.ACLED_COLUMNS)
    assert header[:n] == list(gio.ACLED_COLUMNS)
    assert header[n : n + len(gio.CSV_EXTRA_COLUMNS)] == list(gio.CSV_EXTRA_COLUMNS)
    assert header[-1] == "WKT"
    rows = pd.read_csv(path, dtype=str, keep_default_na=False)
    assert rows.loc[0, "event_id_cnty"] == "I1"
    assert rows.loc[0, "year"] == "2024"
    assert rows["timestamp"].eq("").all()  # never "now"
    assert rows.loc[1, "notes"] == HOSTILE[6]
    assert [p.name for p in gio.output_paths(path)] == [
        "r.csv", "r.places.csv", "r.claims.csv", "r.stances.csv",
    ]
    assert all(p.exists() for p in gio.output_paths(path))


def test_reading_a_sibling_reads_the_whole_set(report, tmp_path):
    gio.write_report(report, tmp_path / "r.csv")
    back = gio.read_file(tmp_path / "r.claims.csv")
    assert len(back.incidents) == 3 and len(back.claims) == 2


# --------------------------------------------------------------------------- ACLED


def test_read_acled_sample(acled):
    incidents = acled.incidents
    raw = pd.read_csv(ACLED_SAMPLE, dtype=str, keep_default_na=False)
    assert len(incidents) == len(raw)
    assert incidents["id"].tolist() == raw["event_id_cnty"].tolist()
    assert incidents["event_date"].dtype == "datetime64[ms]"
    assert incidents["fatalities"].dtype == "Int64"
    expected_layer = {
        "Battles": "clash", "Protests": "protest", "Riots": "protest",
        "Explosions/Remote violence": "strike", "Violence against civilians": "other",
        "Strategic developments": "other",
    }
    assert incidents["layer"].tolist() == [expected_layer[e] for e in raw["event_type"]]
    sudan = incidents[incidents["country"] == "Sudan"]
    assert set(sudan["country_code"]) == {"SD"} and set(sudan["iso"]) == {729}
    first = incidents.iloc[0]
    assert (first.geometry.x, first.geometry.y) == (float(raw.loc[0, "longitude"]), float(raw.loc[0, "latitude"]))
    # ACLED-only columns are kept for the way back
    assert incidents["inter1"].iloc[0] == raw.loc[0, "inter1"]
    places = acled.places
    assert places["text"].tolist().count("Khartoum") == 1  # one place, two events
    khartoum = places[places["text"] == "Khartoum"].iloc[0]
    assert khartoum["mentions"] == (raw["location"] == "Khartoum").sum()
    assert places["mentions"].sum() == len(raw)


def test_acled_export_and_reimport_are_equal(acled, tmp_path):
    path = gio.write_report(acled, tmp_path / "acled_again.csv")
    back = gio.read_file(path)
    assert_table_equal(acled.incidents, back.incidents, "incident", tolerance=0.0)
    assert_table_equal(acled.places, back.places, "place", tolerance=0.0)
    # and the file is still an ACLED file: same columns and cells as the download
    original = pd.read_csv(ACLED_SAMPLE, dtype=str, keep_default_na=False)
    written = pd.read_csv(path, dtype=str, keep_default_na=False)
    assert written.columns[: len(original.columns)].tolist() == original.columns.tolist()
    for column in ("event_id_cnty", "event_date", "year", "actor1", "notes", "iso", "timestamp", "tags"):
        assert written[column].tolist() == original[column].tolist(), column
    assert gio.read_acled(path).incidents["id"].tolist() == acled.incidents["id"].tolist()


def test_read_acled_accepts_day_month_name_dates_and_frames():
    frame = pd.DataFrame(
        {
            "event_date": ["05 March 2024", "2024-03-06"],
            "latitude": ["34.5", "33.6"],
            "longitude": ["69.2", "73.1"],
            "event_type": ["Riots", "Battles"],
            "location": ["Kabul", "Islamabad"],
        }
    )
    report = gio.read_acled(frame)
    assert report.incidents["event_date"].tolist() == [pd.Timestamp("2024-03-05"), pd.Timestamp("2024-03-06")]
    assert report.incidents["layer"].tolist() == ["protest", "clash"]


def test_read_acled_names_missing_columns(tmp_path):
    path = tmp_path / "bad.csv"
    path.write_text("event_id_cnty,location,notes\nX1,Kabul,hi\n", encoding="utf-8")
    with pytest.raises(InputError) as info:
        gio.read_acled(path)
    message = str(info.value)
    for column in ("event_date", "latitude", "longitude"):
        assert column in message


def test_read_acled_keeps_bad_rows_and_says_so(tmp_path):
    path = tmp_path / "bad_rows.csv"
    path.write_text(
        "event_id_cnty,event_date,latitude,longitude,location\n"
        "A1,2024-03-05,34.5,69.2,Kabul\n"
        "A2,2024-03-05,north,69.2,Somewhere\n"
        "A3,not a date,95,69.2,Elsewhere\n",
        encoding="utf-8",
    )
    with pytest.warns(UserWarning, match="A2, A3"):
        report = gio.read_acled(path)
    incidents = report.incidents
    assert incidents["id"].tolist() == ["A1", "A2", "A3"]
    assert incidents.geometry.isna().tolist() == [False, True, True]
    assert "'north'" in incidents.loc[1, "problems"]
    assert "'not a date'" in incidents.loc[2, "problems"] and "'95'" in incidents.loc[2, "problems"]
    assert "A2" in report.source
    assert report.unresolved == ["Somewhere", "Elsewhere"]


def test_read_file_of_an_acled_download_uses_read_acled(acled):
    back = gio.read_file(ACLED_SAMPLE)
    assert_table_equal(acled.incidents, back.incidents, "incident", tolerance=0.0)


# --------------------------------------------------------------------------- safety


def test_unknown_format_lists_the_valid_ones(report, tmp_path):
    with pytest.raises(FormatError) as info:
        gio.write_report(report, tmp_path / "r.xlsx")
    for name in gio.FORMATS:
        assert name in str(info.value)
    with pytest.raises(FormatError, match="geojson, gpkg, csv, kml, parquet"):
        gio.write_report(report, tmp_path / "r.geojson", format="shapefile")
    assert not any(tmp_path.iterdir())


def test_explicit_format_overrides_the_suffix(report, tmp_path):
    path = gio.write_report(report, tmp_path / "r.data", format="geojson")
    assert json.loads(path.read_text(encoding="utf-8"))["type"] == "FeatureCollection"
    assert len(gio.read_file(path, format="geojson").incidents) == 3


@pytest.mark.parametrize("fmt", FORMATS)
def test_existing_output_is_not_overwritten_without_force(report, tmp_path, fmt):
    target = tmp_path / f"r.{fmt}"
    target.write_bytes(b"precious")
    with pytest.raises(OutputExistsError, match="force"):
        gio.write_report(report, target)
    assert target.read_bytes() == b"precious"
    gio.write_report(report, target, force=True)
    assert target.read_bytes() != b"precious"


def test_an_existing_sibling_also_blocks_the_write(report, tmp_path):
    (tmp_path / "r.claims.csv").write_text("keep me", encoding="utf-8")
    with pytest.raises(OutputExistsError, match="r.claims.csv"):
        gio.write_report(report, tmp_path / "r.csv")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["r.claims.csv"]


def test_failed_write_leaves_no_file(report, tmp_path, monkeypatch):
    import geoconflict._io_ogr as ogr

    real = ogr.write_layer
    calls = []

    def failing(table, path, **kwargs):
        calls.append(kwargs["layer"])
        if len(calls) == 3:  # two layers are already on disk
            raise RuntimeError("disk full (simulated)")
        return real(table, path, **kwargs)

    monkeypatch.setattr(ogr, "write_layer", failing)
    target = tmp_path / "r.gpkg"
    with pytest.raises(RuntimeError, match="simulated"):
        gio.write_report(report, target)
    assert list(tmp_path.iterdir()) == []
    # with force, a failure keeps the previous file intact
    target.write_bytes(b"previous")
    calls.clear()
    with pytest.raises(RuntimeError):
        gio.write_report(report, target, force=True)
    assert target.read_bytes() == b"previous"
    assert [p.name for p in tmp_path.iterdir()] == ["r.gpkg"]


def test_failed_multi_file_write_leaves_no_file(report, tmp_path, monkeypatch):
    import geoconflict._io_common as common

    real = common.pyogrio.write_arrow
    calls = []

    def failing(table, path, **kwargs):
        calls.append(kwargs["layer"])
        if kwargs["layer"] == "claims":  # incidents and places are written by now
            raise common.pyogrio.errors.FieldError("unserialisable value (simulated)")
        return real(table, path, **kwargs)

    monkeypatch.setattr(common.pyogrio, "write_arrow", failing)
    with pytest.raises(Exception, match="simulated"):
        gio.write_report(report, tmp_path / "r.csv")
    assert calls == ["incidents", "places", "claims"]
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("fmt", ["geojson", "csv", "kml"])  # the text formats
def test_control_characters(tmp_path, fmt):
    report = hostile_report()
    report.stances.loc[1, "quote"] = "bell\x07 escape\x1b[31m end"
    back = gio.read_file(gio.write_report(report, tmp_path / f"r.{fmt}"))
    # XML (KML) cannot hold them: documented replacement by U+FFFD
    expected = "bell\ufffd escape\ufffd[31m end" if fmt == "kml" else "bell\x07 escape\x1b[31m end"
    assert back.stances.loc[1, "quote"] == expected


def test_plain_geojson_from_elsewhere_is_read_as_incidents(tmp_path):
    path = tmp_path / "events.geojson"
    path.write_text(json.dumps({
        "type": "FeatureCollection",
        "features": [
            {"type": "Feature", "properties": {"event_date": "2024-03-05", "location": "Goma", "fatalities": 2},
             "geometry": {"type": "Point", "coordinates": [29.2203, -1.6585]}},
        ],
    }), encoding="utf-8")
    report = gio.read_file(path)
    assert report.incidents.loc[0, "location"] == "Goma"
    assert report.incidents.loc[0, "fatalities"] == 2
    assert report.incidents["event_date"].dtype == "datetime64[ms]"
    assert report.places.empty


def test_write_errors_are_typed(report, tmp_path):
    with pytest.raises(InputError, match="Report"):
        gio.write_report(report.incidents, tmp_path / "r.geojson")
    broken = hostile_report()
    broken.incidents = broken.incidents.assign(fatalities=["many", None, None])
    with pytest.raises(InputError, match="incident"):
        gio.write_report(broken, tmp_path / "r.geojson")
    assert list(tmp_path.iterdir()) == []


def test_read_file_errors_are_typed(tmp_path):
    with pytest.raises(InputError, match="does not exist"):
        gio.read_file(tmp_path / "missing.gpkg")
    bad = tmp_path / "bad.geojson"
    bad.write_text("{not json", encoding="utf-8")
    with pytest.raises(InputError):
        gio.read_file(bad)
    with pytest.raises(FormatError):
        gio.read_file(tmp_path / "notes.docx")


def test_unparseable_cell_is_an_error_not_a_null(report, tmp_path):
    path = gio.write_report(report, tmp_path / "r.csv")
    text = path.read_text(encoding="utf-8")
    row = text.splitlines()[1]
    path.write_text(text.replace(row, row.replace(",1,Political", ",one,Political"), 1), encoding="utf-8")
    with pytest.raises(InputError, match="time_precision"):
        gio.read_file(path)


# --------------------------------------------------------------------------- CLI


def _cli(capsys, *args):
    """Run ``geoconflict export ARGS`` in this process (the entry point itself is
    exercised by a subprocess in test_cli_export_reads_report_text)."""
    from types import SimpleNamespace

    from geoconflict.cli import main

    code = main(["export", *map(str, args)])
    out, err = capsys.readouterr()
    return SimpleNamespace(returncode=code, stdout=out, stderr=err)


def test_cli_export_converts_and_refuses_to_overwrite(tmp_path, capsys):
    out = tmp_path / "sample.gpkg"
    done = _cli(capsys, ACLED_SAMPLE, "-o", out)
    assert done.returncode == 0, done.stderr
    assert str(out) in done.stdout
    assert len(gio.read_file(out).incidents) == len(pd.read_csv(ACLED_SAMPLE))
    again = _cli(capsys, ACLED_SAMPLE, "-o", out)
    assert again.returncode == 1
    assert "--force" in again.stderr and "Traceback" not in again.stderr
    assert _cli(capsys, ACLED_SAMPLE, "-o", out, "--force").returncode == 0
    bad = _cli(capsys, ACLED_SAMPLE, "-o", tmp_path / "x.shp")
    assert bad.returncode == 1 and "geojson" in bad.stderr and "Traceback" not in bad.stderr


def test_cli_export_from_an_export(report, tmp_path, capsys):
    source = gio.write_report(report, tmp_path / "r.geojson")
    done = _cli(capsys, source, "-o", tmp_path / "r.kml")
    assert done.returncode == 0, done.stderr
    back = gio.read_file(tmp_path / "r.kml")
    assert_table_equal(report.stances, back.stances, "stance", tolerance=1e-7)


# --------------------------------------------------------------------------- real reports

EXAMPLE_REPORT = Path(str(files("geoconflict") / "examples" / "border_strikes.txt"))


def _report_texts():
    from common import seed_reports

    return [EXAMPLE_REPORT, *seed_reports()[:1]]


@pytest.fixture(scope="module", params=_report_texts(), ids=lambda p: p.name)
def extracted(request):
    from geoconflict import extract

    return extract.read_report(request.param.read_text(encoding="utf-8"))


@pytest.mark.parametrize("fmt", FORMATS)
def test_extracted_report_round_trips(extracted, tmp_path, fmt):
    assert len(extracted.incidents) and len(extracted.places)
    back = gio.read_file(gio.write_report(extracted, tmp_path / f"example.{fmt}"))
    for kind, table in tables(extracted).items():
        # extraction adds working columns beyond the schema (cue words, offsets);
        # their values must survive, their dtypes only where the format has types
        assert_table_equal(
            table.reset_index(drop=True), getattr(back, f"{kind}s"), kind,
            tolerance=TOLERANCE[fmt], loose_extras=True,
        )
    assert back.unresolved == extracted.unresolved


def test_cli_export_reads_report_text(tmp_path):
    out = tmp_path / "example.geojson"
    done = subprocess.run(
        [sys.executable, "-m", "geoconflict", "export", str(EXAMPLE_REPORT), "-o", str(out),
         "--published", "2026-02-28"],
        capture_output=True, text=True, timeout=300,
    )
    assert done.returncode == 0, done.stderr
    doc = json.loads(out.read_text(encoding="utf-8"))
    assert {f["properties"]["kind"] for f in doc["features"]} >= {"incident", "place"}
    incidents = [f for f in doc["features"] if f["properties"]["kind"] == "incident"]
    assert all(f["properties"]["event_date"] for f in incidents)


def test_docstring_examples_run():
    import doctest

    result = doctest.testmod(gio, optionflags=doctest.ELLIPSIS)
    assert result.attempted >= 5 and result.failed == 0


def test_output_folder_problems_are_typed(report, tmp_path):
    (tmp_path / "taken").write_text("a file, not a folder", encoding="utf-8")
    with pytest.raises(InputError, match="cannot write"):
        gio.write_report(report, tmp_path / "taken" / "r.geojson")
    (tmp_path / "adir.geojson").mkdir()
    with pytest.raises(InputError, match="directory"):
        gio.write_report(report, tmp_path / "adir.geojson", force=True)


def test_kml_is_well_formed_with_labels_and_folders(report, tmp_path):
    import xml.etree.ElementTree as ET

    path = gio.write_report(report, tmp_path / "r.kml")
    ns = {"k": "http://www.opengis.net/kml/2.2"}
    root = ET.parse(path).getroot()  # a "]]>" in the text must not break the XML
    folders = {d.findtext("k:name", namespaces=ns): d for d in root.iter(f"{{{ns['k']}}}Document")}
    assert {"incidents", "places", "claims", "stances", "place_footprints"} <= set(folders)
    marks = folders["incidents"].findall("k:Placemark", ns)
    assert [m.findtext("k:name", namespaces=ns) for m in marks] == ["Kabul", "Faizabad, Islamabad", "I3"]
    assert [m.findtext("k:description", namespaces=ns) for m in marks][1] == HOSTILE[6]
    places = [m.findtext("k:name", namespaces=ns) for m in folders["places"].findall("k:Placemark", ns)]
    assert places[:3] == ["Kabul", "Paktia", "Tabbasum Road"]
