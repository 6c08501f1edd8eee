"""From report text to a :class:`~geoconflict.report.Report`.

:func:`read_report` runs the whole pipeline: decode (HTML and bytes
accepted), find the dateline, geoparse, extract incidents, claims and
stances, annotate incidents with containment and border distance, and build
the four tables with :func:`geoconflict.schema.conform`.
"""

from __future__ import annotations

import re
from datetime import date
from functools import lru_cache
from typing import Any

from geoconflict.dates import find_published, parse_published
from geoconflict.errors import InputError
from geoconflict.report import Report
from geoconflict.schema import conform

__all__ = ["read_report", "MAX_REPORT_CHARS"]

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
        return Report(places=_table([], "place"), incidents=_table([], "incident"),
                      claims=_table([], "claim"), stances=_table([], "stance"), **meta)

    from geoconflict.actors import find_actors
    from geoconflict.claims import extract_claims
    from geoconflict.events import extract_incidents
    from geoconflict.facts import annotate_incidents
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
    frame = _table(incidents, "incident")
    # the Report is built once with all four tables: its default factories
    # would build four empty frames first, which costs more than the extraction
    return Report(
        places=_table(_place_rows(mentions, gazetteer), "place"),
        incidents=annotate_incidents(frame) if len(frame) else frame,
        claims=_table(extract_claims(text, mentions, gazetteer=gazetteer), "claim"),
        stances=_table(stances, "stance"),
        **meta,
    )


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
