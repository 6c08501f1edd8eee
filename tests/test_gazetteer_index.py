"""The persistent index: hash-named, rebuilt when inputs change, safe under concurrency.

These tests swap the real sources for a three-place world so they never
build the full GeoNames index.
"""

from __future__ import annotations

import sqlite3
import threading

import pytest

from gazetteer import index, sources
from gazetteer.core import Gazetteer
from _gazetteer import tiny_records


@pytest.fixture()
def tiny_world(tmp_path, monkeypatch):
    """GEOCONFLICT_CACHE in tmp_path, one fake data file, a counter of builds."""
    data = tmp_path / "data.csv"
    data.write_text("v1", encoding="utf-8")
    cache = tmp_path / "cache"
    monkeypatch.setenv("GEOCONFLICT_CACHE", str(cache))
    monkeypatch.setattr(sources, "data_files", lambda: [data])
    builds = []

    def fake_records():
        builds.append(data.read_text())
        name = "Testville" if data.read_text() == "v1" else "Newtown"
        return iter(tiny_records(name))

    monkeypatch.setattr(sources, "all_records", fake_records)
    return data, cache, builds


def test_index_lives_in_the_cache_dir_and_is_reused(tiny_world):
    data, cache, builds = tiny_world
    path = index.ensure_index()
    assert path.parent == cache and path.name.startswith("gazetteer-")
    assert index.ensure_index() == path
    assert len(builds) == 1
    gaz = Gazetteer()
    assert gaz.resolve("Testville").best.gazetteer_id == "test:1"


def test_index_rebuilds_when_data_changes(tiny_world):
    data, cache, builds = tiny_world
    first = index.ensure_index()
    data.write_text("v2", encoding="utf-8")
    second = index.ensure_index()
    assert second != first and second.exists()
    assert not first.exists()  # the stale index is removed
    assert len(builds) == 2
    gaz = Gazetteer()
    assert gaz.resolve("Newtown").best is not None
    assert gaz.resolve("Zedland").best.feature_type == "country"


def test_corrupt_index_is_rebuilt(tiny_world):
    data, cache, builds = tiny_world
    path = index.ensure_index()
    path.write_bytes(b"not a database")
    assert index.ensure_index() == path
    assert len(builds) == 2
    with sqlite3.connect(path) as con:
        assert con.execute("SELECT count(*) FROM places").fetchone()[0] == 3


def test_concurrent_first_use_builds_once(tiny_world):
    data, cache, builds = tiny_world
    results, errors = [], []

    def worker():
        try:
            results.append(index.ensure_index())
        except Exception as exc:  # pragma: no cover - reported below
            errors.append(exc)

    threads = [threading.Thread(target=worker) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not errors and len(set(results)) == 1
    assert len(builds) == 1
    assert not list(cache.glob("*.tmp"))  # no half-written files left behind


def test_unwritable_cache_is_a_typed_error(tmp_path, monkeypatch):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    monkeypatch.setenv("GEOCONFLICT_CACHE", str(blocker / "sub"))
    from gazetteer import GazetteerDataError

    with pytest.raises(GazetteerDataError, match="GEOCONFLICT_CACHE"):
        index.ensure_index()


def test_translit_and_articles_in_tiny_index(tiny_world):
    gaz = Gazetteer()
    # "Qaryah" reaches "Al-Qaryah" through the article and translit rules
    assert gaz.resolve("Qarya").best.gazetteer_id == "test:2"
    assert gaz.resolve("Zed").best.gazetteer_id == "country:ZZ"


_BUILDER = r"""
import sys
from pathlib import Path
sys.path.insert(0, sys.argv[2])
from gazetteer import index, sources
from _gazetteer import tiny_records
data = Path(sys.argv[1])
sources.data_files = lambda: [data]
def records():
    with open(data.with_suffix(".builds"), "a") as f:
        f.write("x")
    return iter(tiny_records())
sources.all_records = records
print(index.ensure_index())
"""


def test_two_processes_share_one_build(tmp_path):
    import os
    import subprocess
    import sys
    from pathlib import Path

    data = tmp_path / "data.csv"
    data.write_text("v1", encoding="utf-8")
    env = dict(os.environ, GEOCONFLICT_CACHE=str(tmp_path / "cache"))
    tests_dir = str(Path(__file__).resolve().parent)
    procs = [
        subprocess.Popen([sys.executable, "-c", _BUILDER, str(data), tests_dir], env=env,
                         stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        for _ in range(2)
    ]
    outs = [p.communicate(timeout=120) for p in procs]
    assert all(p.returncode == 0 for p in procs), [o[1] for o in outs]
    paths = {o[0].strip() for o in outs}
    assert len(paths) == 1
    assert data.with_suffix(".builds").read_text() == "x"  # built once, reused by the other
    with sqlite3.connect(paths.pop()) as con:
        assert con.execute("SELECT count(*) FROM places").fetchone()[0] == 3
