"""`geoconflict geoparse`: single documents and JSONL batches."""

from __future__ import annotations

import io
import json
import os
import sys

import pytest

from geoconflict.cli import main

REPORT = "Shelling hit Kharkiv overnight. Residents of Xyzzy Road fled towards Izium, the governor said."


@pytest.fixture(scope="module", autouse=True)
def _warm_gazetteer():
    from gazetteer import get_gazetteer

    get_gazetteer()


def _run(argv, capsys):
    code = main(argv)
    out, err = capsys.readouterr()
    return code, out, err


def test_file_json_lists_mentions_with_resolved_flag(tmp_path, capsys):
    path = tmp_path / "report.txt"
    path.write_text(REPORT, encoding="utf-8")
    code, out, _err = _run(["geoparse", str(path), "--json"], capsys)
    assert code == 0
    mentions = json.loads(out)["mentions"]
    assert [m["text"] for m in mentions] == ["Kharkiv", "Xyzzy Road", "Izium"]
    for m in mentions:
        assert REPORT[m["start"] : m["end"]] == m["text"]
    assert mentions[0]["resolved"] is True and mentions[0]["country_code"] == "UA"
    assert mentions[1]["resolved"] is False and mentions[1]["lat"] is None


def test_stdin_and_plain_output(monkeypatch, capsys):
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(REPORT.encode())))
    code, out, _err = _run(["geoparse", "-"], capsys)
    assert code == 0
    lines = out.splitlines()
    assert lines[0].split("\t")[1] == "Kharkiv" and "unresolved" in lines[1]


def test_non_utf8_file_is_a_clear_error(tmp_path, capsys):
    path = tmp_path / "latin1.txt"
    path.write_bytes("Combats à Goma".encode("latin-1"))
    code, _out, err = _run(["geoparse", str(path), "--json"], capsys)
    assert code == 1 and "UTF-8" in err and "byte offset" in err


def test_missing_input_is_a_clear_error(tmp_path, capsys):
    code, _out, err = _run(["geoparse", str(tmp_path / "nope.txt")], capsys)
    assert code == 1 and "no such file" in err
    code, _out, err = _run(["geoparse"], capsys)
    assert code == 1 and "--jsonl" in err


def _write_jsonl(path, docs):
    path.write_text("".join(json.dumps(d) + "\n" for d in docs), encoding="utf-8")


def test_batch_with_and_without_spans(tmp_path, capsys):
    src, dst = tmp_path / "in.jsonl", tmp_path / "out.jsonl"
    text2 = "Fighting in El Fasher and Nyala."
    _write_jsonl(src, [
        {"id": 1, "text": REPORT},
        {"id": "b", "text": text2, "spans": [[26, 31], [0, 8], [12, 21]]},
        {"id": "empty", "text": ""},
    ])
    code, _out, _err = _run(["geoparse", "--jsonl", str(src), "-o", str(dst)], capsys)
    assert code == 0
    rows = [json.loads(line) for line in dst.read_text(encoding="utf-8").splitlines()]
    assert [r["id"] for r in rows] == [1, "b", "empty"]
    fields = {"start", "end", "text", "lat", "lon", "country_code", "feature_type", "gazetteer_id", "score"}
    assert all(set(m) == fields for r in rows for m in r["mentions"])
    spans = rows[1]["mentions"]
    assert [(m["start"], m["end"]) for m in spans] == [(26, 31), (0, 8), (12, 21)]
    assert [m["text"] for m in spans] == ["Nyala", "Fighting", "El Fasher"]
    assert spans[0]["country_code"] == "SD" and spans[1]["lat"] is None
    assert rows[2]["mentions"] == []
    umask = os.umask(0)
    os.umask(umask)
    assert dst.stat().st_mode & 0o777 == 0o666 & ~umask  # as shareable as any new file, not owner-only


def test_batch_bad_line_names_the_line_and_writes_nothing(tmp_path, capsys):
    src, dst = tmp_path / "in.jsonl", tmp_path / "out.jsonl"
    src.write_text(json.dumps({"id": 1, "text": "Kabul."}) + "\n{not json\n", encoding="utf-8")
    code, _out, err = _run(["geoparse", "--jsonl", str(src), "-o", str(dst)], capsys)
    assert code == 1 and "line 2" in err
    assert not dst.exists() and list(tmp_path.iterdir()) == [src]


@pytest.mark.parametrize(
    "line, message",
    [
        ('{"id": 1}', "missing \"text\""),
        ('[1, 2]', "JSON object"),
        ('{"id": 1, "text": "Kabul", "spans": [[0]]}', "spans"),
        ('{"id": 1, "text": "Kabul", "spans": [[3, 99]]}', "outside the text"),
    ],
)
def test_batch_error_records_when_asked(tmp_path, capsys, line, message):
    src, dst = tmp_path / "in.jsonl", tmp_path / "out.jsonl"
    src.write_text(line + "\n" + json.dumps({"id": 2, "text": "Kabul is calm."}) + "\n", encoding="utf-8")
    code, _out, _err = _run(["geoparse", "--jsonl", str(src), "-o", str(dst), "--on-error", "record"], capsys)
    assert code == 0
    first, second = (json.loads(x) for x in dst.read_text(encoding="utf-8").splitlines())
    assert first["line"] == 1 and message in first["error"]
    assert second["mentions"][0]["text"] == "Kabul"


def test_batch_refuses_to_overwrite_without_force(tmp_path, capsys):
    src, dst = tmp_path / "in.jsonl", tmp_path / "out.jsonl"
    _write_jsonl(src, [{"id": 1, "text": "Kabul."}])
    dst.write_text("keep me", encoding="utf-8")
    code, _out, err = _run(["geoparse", "--jsonl", str(src), "-o", str(dst)], capsys)
    assert code == 1 and "--force" in err and dst.read_text() == "keep me"
    code, _out, _err = _run(["geoparse", "--jsonl", str(src), "-o", str(dst), "--force"], capsys)
    assert code == 0 and json.loads(dst.read_text())["id"] == 1


def test_batch_output_is_deterministic(tmp_path, capsys):
    src = tmp_path / "in.jsonl"
    _write_jsonl(src, [{"id": i, "text": REPORT} for i in range(3)])
    outputs = []
    for name in ("a.jsonl", "b.jsonl"):
        assert _run(["geoparse", "--jsonl", str(src), "-o", str(tmp_path / name)], capsys)[0] == 0
        outputs.append((tmp_path / name).read_bytes())
    assert outputs[0] == outputs[1]


def test_batch_shows_progress_on_stderr_unless_disabled(tmp_path, capsys):
    src = tmp_path / "in.jsonl"
    _write_jsonl(src, [{"id": i, "text": "Kabul."} for i in range(2)])
    _code, out, err = _run(["geoparse", "--jsonl", str(src)], capsys)
    assert "geoparse" in err and "2/2" in err
    assert [json.loads(line)["id"] for line in out.splitlines()] == [0, 1]
    _code, _out, err = _run(["geoparse", "--jsonl", str(src), "--no-progress"], capsys)
    assert err == ""
