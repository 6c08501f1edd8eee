"""Reading many reports at once: read_reports, ReportCollection, extract's batch mode."""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd
import pytest

from geoconflict import InputError, ReportCollection, read_report, read_reports
from geoconflict.cli import main
from geoconflict.schema import KIND_COLUMNS

REPORTS = Path(__file__).parent / "reports"
TABLES = {"places": "place", "incidents": "incident", "claims": "claim", "stances": "stance"}


@pytest.fixture(scope="module")
def texts() -> dict[str, str]:
    return {p.stem: p.read_text(encoding="utf-8") for p in sorted(REPORTS.glob("*.txt"))}


@pytest.fixture(scope="module")
def collection(texts) -> ReportCollection:
    return read_reports(texts)


def test_each_report_of_a_collection_equals_read_report(texts, collection):
    # the batch path builds its tables once for all reports; a report taken
    # back out of it must be what read_report gives, dtypes included
    assert len(collection) == len(texts) >= 5
    for rid, text in texts.items():
        alone, batched = read_report(text), collection[rid]
        for attr, kind in TABLES.items():
            cols = list(KIND_COLUMNS[kind])
            pd.testing.assert_frame_equal(getattr(alone, attr)[cols], getattr(batched, attr)[cols], obj=f"{rid}.{attr}")
        assert (batched.title, batched.published, batched.source, batched.text) == (
            alone.title, alone.published, alone.source, alone.text)


def test_collection_tables_carry_report_ids_and_unique_qualified_ids(texts, collection):
    for attr in TABLES:
        table = getattr(collection, attr)
        assert list(table.columns)[0] == "report_id"
        assert table["id"].is_unique
        assert all(i.startswith(f"{r}/") for r, i in zip(table["report_id"], table["id"]))
    counts = collection.reports.set_index("report_id")["incidents"]
    assert counts.sum() == len(collection.incidents)
    assert list(collection.reports["report_id"]) == list(texts)


def test_responds_to_points_at_an_incident_of_the_same_report(collection):
    inc = collection.incidents
    linked = inc[inc["responds_to"].notna()]
    assert len(linked), "the test reports include at least one retaliation"
    ids = set(inc["id"])
    for rid, targets in zip(linked["report_id"], linked["responds_to"]):
        for target in targets.split():
            assert target in ids and target.startswith(f"{rid}/")


def test_positional_and_id_indexing_agree_and_fail_clearly(collection):
    first = collection.reports["report_id"].iloc[0]
    assert collection[0].text == collection[first].text == collection[-len(collection)].text
    with pytest.raises(KeyError, match="report ids are"):
        collection["no-such-report"]
    with pytest.raises(IndexError):
        collection[len(collection)]
    with pytest.raises(TypeError):
        collection[1.5]
    assert [r.title for r in collection] == list(collection.reports["title"])


def test_published_can_be_given_per_report():
    rc = read_reports(["Drones struck El Fasher on Sunday.", "Drones struck El Fasher on Sunday."],
                      published=["2025-03-04", None])
    assert str(rc.incidents["event_date"].iloc[0].date()) == "2025-03-02"
    assert pd.isna(rc.incidents["event_date"].iloc[1])
    with pytest.raises(InputError, match="one per report"):
        read_reports(["a", "b"], published=["2025-03-04"])


@pytest.mark.parametrize(
    "texts, kwargs, match",
    [
        ("one text", {}, "use read_report"),
        (["a", "b"], {"ids": ["x", "x"]}, "used twice"),
        (["a"], {"ids": ["a/b"]}, "contains '/'"),
        (["a", "b"], {"ids": ["x"]}, "one id per report"),
        ({"a": "x"}, {"ids": ["b"]}, "not both"),
        (["a"], {"on_error": "ignore"}, "choose 'raise' or 'record'"),
    ],
)
def test_bad_arguments_raise_input_error(texts, kwargs, match):
    with pytest.raises(InputError, match=match):
        read_reports(texts, **kwargs)


def test_a_bad_report_stops_the_batch_or_is_recorded():
    good = "Shelling hit Kharkiv overnight."
    with pytest.raises(InputError, match="report 'R2'"):
        read_reports([good, b"\xff\xfe\x00bad", good], published="2025-03-04")
    rc = read_reports([good, good, good], published=["2025-03-04", "4 March", None], on_error="record")
    assert list(rc.errors) == ["R2"] and "YYYY-MM-DD" in rc.errors["R2"]
    assert list(rc.incidents["report_id"]) == ["R1", "R3"]
    assert "1 failed" in repr(rc)


def test_an_empty_batch_gives_empty_tables_with_the_schema():
    rc = read_reports([])
    assert len(rc) == 0
    for attr, kind in TABLES.items():
        table = getattr(rc, attr)
        assert table.empty and list(table.columns) == ["report_id", *KIND_COLUMNS[kind]]


@pytest.mark.parametrize("suffix", ["geojson", "gpkg", "csv", "kml", "parquet"])
def test_a_collection_exports_like_a_report_and_keeps_report_ids(collection, tmp_path, suffix):
    path = tmp_path / f"corpus.{suffix}"
    collection.to_file(path)
    assert path.is_file()
    if suffix == "kml":
        assert collection.incidents["id"].iloc[0] in path.read_text(encoding="utf-8")
        return
    from geoconflict import read_file

    back = read_file(path)
    assert sorted(back.incidents["report_id"].astype(str)) == sorted(collection.incidents["report_id"].astype(str))
    assert sorted(back.incidents["id"].astype(str)) == sorted(collection.incidents["id"].astype(str))


@pytest.mark.parametrize("suffix", ["geojson", "gpkg", "csv", "parquet"])
def test_a_collection_export_lists_its_reports(collection, tmp_path, suffix):
    # titles, dates and outlets live in the report list, keyed by report_id
    path = tmp_path / f"corpus.{suffix}"
    collection.to_file(path)
    if suffix == "geojson":
        listed = json.loads(path.read_text(encoding="utf-8"))["geoconflict"]["reports"]
        listed = pd.DataFrame(listed)
    elif suffix == "gpkg":
        import pyogrio

        listed = pyogrio.read_dataframe(path, layer="report", read_geometry=False)
    else:
        sibling = tmp_path / f"corpus.reports.{suffix}"
        listed = pd.read_csv(sibling) if suffix == "csv" else pd.read_parquet(sibling)
    assert list(listed["report_id"]) == list(collection.reports["report_id"])
    assert list(listed["title"]) == list(collection.reports["title"])
    if suffix == "gpkg":
        from geoconflict import read_file

        # reading it back does not pass off the first report's title as the file's
        assert read_file(path).title == f"{len(collection)} reports"


def test_a_collection_maps_with_every_report_on_it(collection):
    html = collection.explore().get_root().render()
    for rid in collection.incidents["id"]:
        assert json.dumps(rid)[1:-1] in html


def test_cli_extracts_several_files_into_one_output(tmp_path, capsys):
    files = sorted(REPORTS.glob("*.txt"))[:3]
    out = tmp_path / "corpus.geojson"
    assert main(["extract", *map(str, files), "--no-progress", "-o", str(out)]) == 0
    features = json.loads(out.read_text(encoding="utf-8"))["features"]
    # area footprints repeat their place's qualified id instead
    records = [f["properties"] for f in features if f["properties"].get("role") != "footprint"]
    assert {r["report_id"] for r in records} == {p.stem for p in files}
    assert all(r["id"].startswith(r["report_id"] + "/") for r in records)
    assert "wrote" in capsys.readouterr().err


def test_cli_jsonl_batch_records_bad_lines_and_exits_1(tmp_path, capsys):
    src = tmp_path / "in.jsonl"
    src.write_text(
        json.dumps({"id": "a", "text": "Drones struck El Fasher on Sunday.", "published": "2025-03-04"}) + "\n"
        + "not json\n"
        + json.dumps({"id": "c", "text": "Shelling hit Kharkiv overnight.", "published": "March 4"}) + "\n",
        encoding="utf-8",
    )
    out = tmp_path / "out.csv"
    assert main(["extract", "--jsonl", str(src), "--on-error", "record", "--no-progress", "-o", str(out)]) == 1
    err = capsys.readouterr().err
    assert "skipped line2" in err and "skipped c" in err and "YYYY-MM-DD" in err
    rows = pd.read_csv(out)
    assert list(rows["event_id_cnty"]) == ["a/I1"]
    # the default stops at the first bad line, and writes nothing
    assert main(["extract", "--jsonl", str(src), "--no-progress", "-o", str(tmp_path / "none.csv")]) == 1
    assert not (tmp_path / "none.csv").exists()


def test_cli_rejects_files_and_jsonl_together(tmp_path, capsys):
    src = tmp_path / "in.jsonl"
    src.write_text("{}\n", encoding="utf-8")
    assert main(["extract", str(next(REPORTS.glob("*.txt"))), "--jsonl", str(src)]) == 1
    assert "not both" in capsys.readouterr().err


def test_cli_maps_several_reports_on_one_map(tmp_path, capsys):
    files = sorted(REPORTS.glob("*.txt"))[:2]
    out = tmp_path / "corpus.html"
    assert main(["map", *map(str, files), "-o", str(out), "--offline"]) == 0
    html = out.read_text(encoding="utf-8")
    assert "<title>2 reports</title>" in html
    printed = capsys.readouterr().out
    assert "ReportCollection: 2 reports" in printed and " 0 incidents" not in printed


def test_cli_map_refuses_to_mix_data_files_into_a_report_collection(tmp_path, capsys):
    data = tmp_path / "x.geojson"
    data.write_text('{"type": "FeatureCollection", "features": []}', encoding="utf-8")
    report = next(REPORTS.glob("*.txt"))
    assert main(["map", str(report), str(data), "-o", str(tmp_path / "m.html")]) == 1
    assert "must all be reports" in capsys.readouterr().err
