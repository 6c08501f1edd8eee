"""`geoconflict resolve` and `geoconflict distance`: JSON shape and exit codes."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from geoconflict.cli import main

_KEYS = {"name", "lat", "lon", "country_code", "admin1", "feature_type", "gazetteer_id", "score", "ambiguous",
         "precision_m", "source", "fuzzy"}


def _json(capsys, argv) -> dict:
    assert main(argv) == 0
    out = capsys.readouterr().out
    assert out.count("\n") == 1  # exactly one JSON object
    return json.loads(out)


def test_resolve_json_shape(capsys):
    d = _json(capsys, ["resolve", "Paktia", "--json"])
    assert _KEYS <= set(d) and "alternatives" in d
    assert d["feature_type"] == "admin1" and d["country_code"] == "AF"
    for alt in d["alternatives"]:
        assert _KEYS <= set(alt) and "alternatives" not in alt


def test_resolve_context_and_country_options(capsys):
    d = _json(capsys, ["resolve", "Faizabad", "--context", "Islamabad's Faizabad area", "--json"])
    assert d["gazetteer_id"].startswith("curated:") and d["country_code"] == "PK"
    d = _json(capsys, ["resolve", "Hyderabad", "--country", "PK", "--limit", "2", "--json"])
    assert d["country_code"] == "PK" and len(d["alternatives"]) == 1


def test_resolve_table(capsys):
    assert main(["resolve", "Kabul"]) == 0
    out = capsys.readouterr().out
    assert "Kabul" in out and "AF" in out and "geonames:1138958" in out


@pytest.mark.parametrize("argv", [["resolve", "Qwxzvbnmk Plkj"], ["resolve", "Qwxzvbnmk Plkj", "--json"]])
def test_resolve_no_match_exits_1_with_message(capsys, argv):
    assert main(argv) == 1
    captured = capsys.readouterr()
    assert captured.out == ""
    assert "no place matches" in captured.err


@pytest.mark.parametrize("name", ["", "   ", "x" * 10_000, "Kabul\x00"])
def test_resolve_bad_names_exit_1(capsys, name):
    assert main(["resolve", name, "--json"]) == 1
    assert "error" in capsys.readouterr().err


def test_distance_pmo_to_faizabad(capsys):
    d = _json(capsys, ["distance", "Prime Minister's Office, Islamabad", "Faizabad, Islamabad", "--json"])
    assert set(d) == {"km", "bearing_deg", "a", "b"}
    assert 6.5 < d["km"] < 7.3
    assert 0 <= d["bearing_deg"] < 360
    assert 150 < d["bearing_deg"] < 230  # Faizabad lies south of the PMO
    assert d["a"]["gazetteer_id"] == "curated:pk-pmo"


def test_distance_bearing_reverses(capsys):
    ab = _json(capsys, ["distance", "Kabul", "Kandahar", "--json"])
    ba = _json(capsys, ["distance", "Kandahar", "Kabul", "--json"])
    assert ab["km"] == pytest.approx(ba["km"], rel=1e-6)
    assert 400 < ab["km"] < 500
    assert 180 < ab["bearing_deg"] < 270  # Kandahar is south-west of Kabul


def test_distance_unknown_place(capsys):
    assert main(["distance", "Kabul", "Qwxzvbnmk Plkj", "--json"]) == 1
    assert "Qwxzvbnmk" in capsys.readouterr().err


def test_real_subprocess():
    proc = subprocess.run(
        [sys.executable, "-m", "geoconflict", "resolve", "Islamabad", "--json"],
        capture_output=True, text=True, timeout=300,
    )
    assert proc.returncode == 0, proc.stderr
    d = json.loads(proc.stdout)
    assert d["country_code"] == "PK" and d["feature_type"] == "city"
    proc = subprocess.run(
        [sys.executable, "-m", "geoconflict", "resolve", "Qwxzvbnmk Plkj"], capture_output=True, text=True, timeout=300
    )
    assert proc.returncode == 1 and "no place matches" in proc.stderr and "Traceback" not in proc.stderr
