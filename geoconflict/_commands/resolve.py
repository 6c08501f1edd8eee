"""``geoconflict resolve NAME``: one place name to coordinates, offline."""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

__all__ = ["register", "run", "place_json", "resolution_json", "add_place_arguments"]

_EPILOG = """\
examples:
  geoconflict resolve Paktia --json
  geoconflict resolve Faizabad --context "Islamabad's Faizabad area" --json
  geoconflict resolve "Tripoli in northern Lebanon"
  geoconflict resolve Hyderabad --country PK --limit 3

JSON keys: name, lat, lon, country_code, admin1, feature_type, gazetteer_id,
score, ambiguous, precision_m, source, fuzzy, alternatives (same shape).
Exit status 1 (with suggestions on stderr) when no place matches.
"""


def add_place_arguments(p: argparse.ArgumentParser) -> None:
    """Options shared by ``resolve`` and ``distance``."""
    p.add_argument("--context", metavar="TEXT", help="surrounding text (the report) that disambiguates the name")
    p.add_argument("--json", action="store_true", help="print one JSON object instead of a table")


def register(subparsers) -> None:
    p = subparsers.add_parser(
        "resolve",
        help="resolve a place name to coordinates (offline gazetteer)",
        description="Resolve a place name with the offline, context-aware gazetteer.",
        epilog=_EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument("name", help='place name, optionally with its parent ("Faizabad, Islamabad")')
    add_place_arguments(p)
    p.add_argument("--country", metavar="CC", help="ISO 3166-1 alpha-2 code the place should be in, e.g. PK")
    p.add_argument("--limit", type=int, default=5, metavar="N", help="places to return, best first (default 5)")
    p.set_defaults(func=run)


def place_json(place, ambiguous: bool = False) -> dict[str, Any]:
    """The CLI's JSON view of one :class:`gazetteer.Place`."""
    return {
        "name": place.name,
        "lat": round(place.lat, 6),
        "lon": round(place.lon, 6),
        "country_code": place.country_code,
        "admin1": place.admin1,
        "feature_type": place.feature_type,
        "gazetteer_id": place.gazetteer_id,
        "score": round(float(place.score), 4),
        "ambiguous": bool(ambiguous),
        "precision_m": round(float(place.precision_m), 1),
        "source": place.source,
        "fuzzy": bool(place.fuzzy),
        "matched_name": place.matched_name,
        "population": int(place.population),
    }


def resolution_json(res) -> dict[str, Any]:
    """Best place plus ``alternatives`` (same shape, no nesting)."""
    out = place_json(res.best, res.ambiguous)
    out["alternatives"] = [place_json(p) for p in res.alternatives]
    return out


def _table(res) -> str:
    rows = [("", "name", "country", "admin1", "type", "lat", "lon", "score", "±km", "id")]
    for i, p in enumerate([res.best, *res.alternatives]):
        rows.append((
            "*" if i == 0 else str(i + 1), p.name + (" (fuzzy)" if p.fuzzy else ""), p.country_code or "",
            p.admin1 or "", p.feature_type, f"{p.lat:.5f}", f"{p.lon:.5f}", f"{p.score:.3f}",
            f"{p.precision_m / 1000:.1f}", p.gazetteer_id,
        ))
    widths = [max(len(r[c]) for r in rows) for c in range(len(rows[0]))]
    lines = ["  ".join(cell.ljust(w) for cell, w in zip(r, widths)).rstrip() for r in rows]
    if res.ambiguous:
        lines.append("note: ambiguous - the runner-up scores close to the best; add --context or --country")
    return "\n".join(lines)


def run(args: argparse.Namespace) -> int:
    from gazetteer import get_gazetteer

    if args.limit < 1:
        print("geoconflict resolve: error: --limit must be at least 1", file=sys.stderr)
        return 2
    res = get_gazetteer().resolve_or_raise(args.name, context=args.context, country=args.country, limit=args.limit)
    if args.json:
        print(json.dumps(resolution_json(res), ensure_ascii=False))
    else:
        print(_table(res))
    return 0
