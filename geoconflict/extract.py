"""From report text to a :class:`~geoconflict.report.Report`.

:func:`read_report` runs the whole pipeline: decode (HTML and bytes
accepted), find the dateline, geoparse, extract incidents, claims and
stances, annotate incidents with containment and border distance, and build
the four tables with :func:`geoconflict.schema.conform`.
"""

from __future__ import annotations

import gc
import re
import sys
from collections.abc import Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from datetime import date
from functools import lru_cache
from typing import Any, NamedTuple

from geoconflict.dates import find_published, parse_published
from geoconflict.errors import InputError
from geoconflict.report import Report
from geoconflict.schema import conform

__all__ = ["read_report", "read_reports", "MAX_REPORT_CHARS"]

#: Largest report :func:`read_report` accepts, in characters (about 2 MB of
#: English, some 300,000 words).  Longer texts raise :class:`InputError`;
#: split them into articles first.  The limit bounds memory and run time.
MAX_REPORT_CHARS = 2_000_000

_AREAL = ("country", "admin1", "area")
# The outlet named in the text: a wire dateline "KABUL, Feb 28 (Reuters) -",
# a bare wire credit "(AP)", or a "Source: Dawn" line.
_OUTLET = re.compile(
    r"^[ \t]*[A-Z][\w .,'\-]{1,60}?\((?P<dateline>[A-Z][^()\n]{1,40}?)\)\s*[-–—]"
    r"|\((?P<wire>Reuters|AP|AFP|Xinhua|Anadolu|dpa|UPI|PTI|ANI|IANS|TASS|Bernama)\)"
    r"|^\s*(?i:source|by)\s*:\s*(?P<named>[A-Z][\w&.' -]{1,40}?)\s*$",
    re.MULTILINE,
)


def _decode(text: str | bytes) -> str:
    from geoconflict.text import decode_input, looks_like_html

    if isinstance(text, (bytes, bytearray, memoryview)):
        if len(text) > 4 * MAX_REPORT_CHARS:
            raise _too_long(len(text))
        return decode_input(bytes(text))
    if not isinstance(text, str):
        raise InputError(f"expected the report as str or bytes, got {type(text).__name__}")
    if len(text) > 4 * MAX_REPORT_CHARS:
        raise _too_long(len(text))
    if looks_like_html(text):
        return decode_input(text)
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _too_long(n: int) -> InputError:
    return InputError(
        f"report is {n:,} characters, more than the limit of {MAX_REPORT_CHARS:,} "
        "(geoconflict.extract.MAX_REPORT_CHARS); split it into separate articles"
    )


def _outlet(text: str) -> str | None:
    m = _OUTLET.search(text[:3000])
    if not m:
        return None
    return (m.group("dateline") or m.group("wire") or m.group("named")).strip()


def read_report(
    text: str | bytes,
    published: date | str | None = None,
    *,
    gazetteer=None,
    source: str | None = None,
    title: str | None = None,
) -> Report:
    """Extract places, incidents, claims and stances from one report.

    Parameters
    ----------
    text : str or bytes
        The report: plain text, HTML, or UTF-8 bytes.
    published : date or str, optional
        Publication date (``YYYY-MM-DD``); anchors relative dates ("on Sunday").
        Defaults to the dateline found in the text; with neither, incident
        dates stay null (``time_precision`` null) -- today's date is never
        assumed.
    gazetteer : gazetteer.Gazetteer, optional
        Defaults to :func:`gazetteer.get_gazetteer`.
    source : str, optional
        Outlet name for the incidents' ``source`` column when the text does
        not name one ("(Reuters)").
    title : str, optional
        Report title; defaults to the first line of the text.

    Returns
    -------
    Report
        ``places`` (one row per distinct place, unresolved ones with
        ``resolved=False`` and null geometry), ``incidents``, ``claims`` and
        ``stances``.  A text without places gives empty tables, not an error.

    Raises
    ------
    InputError
        Undecodable bytes, an invalid ``published`` (expected YYYY-MM-DD), or
        a report longer than :data:`MAX_REPORT_CHARS`.

    Examples
    --------
    >>> r = read_report("Drones struck El Fasher on Sunday, killing 12 civilians.", "2025-03-04")
    >>> row = r.incidents.iloc[0]
    >>> row["location"], row["sub_event_type"], int(row["time_precision"])
    ('El Fasher', 'Air/drone strike', 1)
    >>> str(r.incidents.loc[0, "event_date"].date())
    '2025-03-02'
    """
    with _young_collections_only() as collect_young:
        extraction = _extract(text, published, gazetteer, source, title)
        collect_young()
        return _assemble([extraction])[0]


@contextmanager
def _young_collections_only() -> Iterator:
    """Pause the cyclic collector's automatic runs; yield a function that
    collects the young generations.

    Why: the gazetteer keeps hundreds of thousands of long-lived objects
    (its index rows and the caches that grow with every new name), and an
    automatic full collection rescans all of them -- tens of milliseconds,
    several times per hundred reports, about a fifth of extraction time.
    Reading a report makes almost no reference cycles, so collecting only
    the young generations after each report keeps memory bounded.  The
    collector's previous state is restored on exit, and full collections
    resume from there.
    """
    if not gc.isenabled():
        yield _no_collection
        return
    gc.disable()
    try:
        yield _collect_young
    finally:
        gc.enable()


def _collect_young() -> None:
    gc.collect(1)


def _no_collection() -> None:
    pass


class _Extraction(NamedTuple):
    """One report's records before any table is built (see :func:`_assemble`)."""

    meta: dict[str, Any]
    places: list[dict[str, Any]]
    incidents: list[dict[str, Any]]
    claims: list[dict[str, Any]]
    stances: list[dict[str, Any]]


def _extract(text, published, gazetteer, source, title) -> _Extraction:
    """The text stages of :func:`read_report`: records, no DataFrames."""
    anchor = parse_published(published)
    text = _decode(text)
    if len(text) > MAX_REPORT_CHARS:
        raise _too_long(len(text))
    if anchor is None:
        anchor = find_published(text)
    outlet = _outlet(text) or source
    if title is None:
        first = next((line.strip() for line in text.splitlines() if line.strip()), "")
        title = first[:200]
    meta = {"text": text, "published": anchor, "title": title or "", "source": outlet or ""}
    if not text.strip():
        return _Extraction(meta, [], [], [], [])

    from geoconflict.actors import find_actors
    from geoconflict.claims import extract_claims
    from geoconflict.events import extract_incidents
    from geoconflict.geoparsing import geoparse
    from geoconflict.stances import extract_stances
    from geoconflict.text import split_sentences

    if gazetteer is None:
        from gazetteer import get_gazetteer

        gazetteer = get_gazetteer()
    mentions = geoparse(text, gazetteer=gazetteer)
    sentences = split_sentences(text)
    actors = find_actors(text)
    incidents = extract_incidents(
        text, mentions, published=anchor, source=outlet, sentences=sentences, actors=actors
    )
    stances = extract_stances(text, sentences=sentences, incidents=incidents, mentions=mentions, actors=actors)
    return _Extraction(
        meta,
        places=_place_rows(mentions, gazetteer),
        incidents=incidents,
        claims=extract_claims(text, mentions, gazetteer=gazetteer),
        stances=stances,
    )


_KINDS = (("places", "place"), ("incidents", "incident"), ("claims", "claim"), ("stances", "stance"))


def _assemble(extractions: list[_Extraction]) -> list[Report]:
    """One :class:`Report` per extraction (containment annotated)."""
    from geoconflict.facts import _annotate_rows

    out = []
    for ex in extractions:
        _annotate_rows(ex.incidents)
        # the Report is built once with all four tables: its default factories
        # would build four empty frames first, which costs more than the extraction
        out.append(Report(**{attr: _table(getattr(ex, attr), kind) for attr, kind in _KINDS}, **ex.meta))
    return out


def read_reports(
    texts: Mapping[str, str | bytes] | Iterable[str | bytes],
    published: date | str | Sequence[date | str | None] | None = None,
    *,
    ids: Sequence[str] | None = None,
    gazetteer=None,
    source: str | None = None,
    progress: bool = False,
    on_error: str = "raise",
):
    """Extract many reports into one :class:`~geoconflict.collection.ReportCollection`.

    The text of each report goes through the same stages as
    :func:`read_report`; the tables are then built once for the whole batch
    (with one vectorised containment pass), which is several times faster
    than reading the reports one by one.

    Parameters
    ----------
    texts : mapping of id to text, or iterable of texts
        Plain text, HTML or UTF-8 bytes.  With a mapping, its keys are the
        report ids.
    published : date or str, or a sequence of them, optional
        One publication date for all reports, or one per report (``None``
        entries fall back to the report's dateline).
    ids : sequence of str, optional
        Report ids when ``texts`` is not a mapping; defaults to ``R1``, ``R2``...
        Ids must be distinct and contain neither ``/`` nor whitespace.
    gazetteer : gazetteer.Gazetteer, optional
        Defaults to :func:`gazetteer.get_gazetteer`.
    source : str, optional
        Outlet name for reports whose text names none.
    progress : bool
        Show a progress bar on standard error.
    on_error : {"raise", "record"}
        ``"record"`` keeps going past a report that cannot be read (bad bytes,
        too long, bad date) and lists it in ``reports.error``; ``"raise"``
        stops with the :class:`InputError`, naming the report.

    Returns
    -------
    ReportCollection

    Raises
    ------
    InputError
        A report that cannot be read (with ``on_error="raise"``), ids that
        clash, or a ``published`` sequence of the wrong length.

    Examples
    --------
    >>> rc = read_reports(["Drones struck El Fasher on Sunday.", "Shelling hit Kharkiv overnight."],
    ...                   published="2025-03-04")
    >>> rc.incidents[["report_id", "id", "location"]].values.tolist()
    [['R1', 'R1/I1', 'El Fasher'], ['R2', 'R2/I1', 'Kharkiv']]
    """
    from geoconflict.collection import _check_ids

    if on_error not in ("raise", "record"):
        raise InputError(f"on_error={on_error!r} is not valid; choose 'raise' or 'record'")
    if isinstance(texts, (str, bytes, bytearray)):
        raise InputError("read_reports expects several reports (a list or a mapping of id to text); "
                         "use read_report for a single text")
    if isinstance(texts, Mapping):
        if ids is not None:
            raise InputError("give report ids either as the keys of a mapping or as ids=, not both")
        ids = [str(k) for k in texts]
        items = list(texts.values())
    else:
        items = list(texts)
        ids = [f"R{i}" for i in range(1, len(items) + 1)] if ids is None else [str(i) for i in ids]
    if len(ids) != len(items):
        raise InputError(f"{len(ids)} ids were given for {len(items)} reports; give one id per report")
    _check_ids(ids)
    if published is None or isinstance(published, (str, date)):
        dates = [published] * len(items)
    else:
        dates = list(published)
        if len(dates) != len(items):
            raise InputError(
                f"published has {len(dates)} dates for {len(items)} reports; give one date, or one per report"
            )
    if gazetteer is None and items:
        from gazetteer import get_gazetteer

        gazetteer = get_gazetteer()

    extractions: list[tuple[str, _Extraction | None, str | None]] = []
    bar = None
    if progress:
        from tqdm import tqdm

        bar = tqdm(total=len(items), unit="report", desc="extract", file=sys.stderr)
    try:
        with _young_collections_only() as collect_young:
            for rid, text, when in zip(ids, items, dates):
                try:
                    extractions.append((rid, _extract(text, when, gazetteer, source, None), None))
                except InputError as exc:
                    if on_error == "raise":
                        raise InputError(f"report {rid!r}: {exc}") from exc
                    extractions.append((rid, None, str(exc)))
                collect_young()
                if bar is not None:
                    bar.update()
            return _assemble_collection(extractions)
    finally:
        if bar is not None:
            bar.close()


def _assemble_collection(extractions) -> Any:
    """Build the collection's tables once for all reports."""
    from geoconflict.collection import ReportCollection, _qualify, _report_table
    from geoconflict.facts import _annotate_rows

    rows: dict[str, list[dict[str, Any]]] = {attr: [] for attr, _ in _KINDS}
    reports, texts = [], []
    for rid, ex, error in extractions:
        if ex is None:
            reports.append({"report_id": rid, "error": error})
            texts.append("")
            continue
        for attr, _ in _KINDS:
            for row in getattr(ex, attr):
                row["report_id"] = rid
                row["id"] = _qualify(rid, row.get("id"))
                if "responds_to" in row:
                    row["responds_to"] = _qualify(rid, row["responds_to"])
                rows[attr].append(row)
        unresolved = sum(1 for p in ex.places if not p.get("resolved"))
        reports.append({
            "report_id": rid, "title": ex.meta["title"], "published": ex.meta["published"],
            "source": ex.meta["source"] or None, "incidents": len(ex.incidents), "places": len(ex.places),
            "unresolved": unresolved, "claims": len(ex.claims), "stances": len(ex.stances),
        })
        texts.append(ex.meta["text"])
    _annotate_rows(rows["incidents"])
    tables = {}
    for attr, kind in _KINDS:
        if not rows[attr]:
            tables[attr] = _empty_with_report_id(kind)
            continue
        frame = conform(rows[attr], kind)
        tables[attr] = frame[["report_id", *(c for c in frame.columns if c != "report_id")]]
    return ReportCollection(
        **tables, reports=_report_table(reports), texts=texts,
        title=f"{len(reports)} reports", source="",
    )


def _empty_with_report_id(kind: str):
    from geoconflict.collection import _empty as empty

    return empty(kind)


@lru_cache(maxsize=None)
def _empty(kind: str):
    return conform([], kind)


def _table(rows: list[dict[str, Any]], kind: str):
    """``conform(rows, kind)``, with empty tables copied from a cached one."""
    return conform(rows, kind) if rows else _empty(kind).copy()


def _place_rows(mentions, gazetteer) -> list[dict[str, Any]]:
    """One row per distinct place (resolved by gazetteer id, unresolved by name)."""
    from shapely import Point

    from geoconflict.actors import country_name

    rows: dict[str, dict[str, Any]] = {}
    for m in sorted(mentions, key=lambda m: m.start):
        p = m.place
        key = p.gazetteer_id if p is not None else "text:" + " ".join(m.text.lower().split())
        row = rows.get(key)
        if row is not None:
            row["mentions"] += 1
            continue
        if p is None:
            rows[key] = {
                "text": m.text, "start": m.start, "end": m.end, "mentions": 1, "resolved": False,
                "ambiguous": bool(m.ambiguous), "footprint": None, "geometry": None,
            }
            continue
        footprint = None
        if p.feature_type in _AREAL and gazetteer is not None and hasattr(gazetteer, "geometry"):
            try:
                geom = gazetteer.geometry(p)
            except Exception:  # a place without a stored polygon keeps its point
                geom = None
            if geom is not None and geom.geom_type in ("Polygon", "MultiPolygon"):
                footprint = geom
        rows[key] = {
            "text": m.text, "start": m.start, "end": m.end, "mentions": 1, "resolved": True,
            "name": p.name, "feature_type": p.feature_type, "country_code": p.country_code,
            "country": country_name(p.country_code), "admin1": p.admin1,
            "latitude": float(p.lat), "longitude": float(p.lon), "gazetteer_id": p.gazetteer_id,
            "score": float(p.score), "ambiguous": bool(m.ambiguous), "fuzzy": bool(p.fuzzy),
            "precision_m": float(p.precision_m), "footprint": footprint,
            "geometry": Point(float(p.lon), float(p.lat)),
        }
    out = []
    for i, row in enumerate(rows.values(), start=1):
        row["id"] = f"P{i}"
        out.append(row)
    return out
