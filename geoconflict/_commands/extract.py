"""``geoconflict extract``: a report's incidents, places, claims and stances."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

__all__ = ["register", "run"]


def register(subparsers) -> None:
    p = subparsers.add_parser(
        "extract",
        help="extract incidents, places, distance claims and stances from a report",
        description=(
            "Read a news report (plain text, Markdown or HTML; '-' for standard input) and write "
            "one GeoJSON FeatureCollection whose features carry properties.kind in "
            "{incident, place, claim, stance}.  Without -o, print a JSON summary."
        ),
        epilog=(
            "examples:\n"
            "  geoconflict extract report.txt -o outputs/report.geojson\n"
            "  geoconflict extract report.txt --published 2026-02-28 --source Reuters -o out.geojson --force\n"
            "  cat report.txt | geoconflict extract -\n"
        ),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument("report", help="report file (.txt/.md/.html), or - for standard input")
    p.add_argument("--published", metavar="YYYY-MM-DD", help="publication date (default: the report's dateline)")
    p.add_argument("--source", metavar="NAME", help="outlet name for the incidents' source column")
    p.add_argument("-o", "--output", metavar="OUT.geojson", help="output file (format from the suffix)")
    p.add_argument("--force", action="store_true", help="overwrite an existing output file")
    p.set_defaults(func=run)


def _read(path: str) -> tuple[bytes, str | None]:
    from geoconflict.errors import InputError

    if path == "-":
        return sys.stdin.buffer.read(), None
    source = Path(path)
    if source.is_dir():
        raise InputError(f"{source} is a folder; pass a report file (.txt/.md/.html) or - for standard input")
    try:
        return source.read_bytes(), source.name
    except OSError as exc:
        raise InputError(
            f"cannot read report {source}: {exc.strerror or exc}; pass a readable .txt/.md/.html file"
        ) from None


def _summary(report) -> dict:
    import pandas as pd

    inc = report.incidents

    def plain(value):
        if value is None or (pd.api.types.is_scalar(value) and pd.isna(value)):
            return None
        if isinstance(value, pd.Timestamp):
            return value.date().isoformat()
        return value.item() if hasattr(value, "item") else value

    def records(frame, columns):
        return [
            {col: plain(value) for col, value in zip(columns, row)}
            for row in frame[columns].itertuples(index=False)
        ]

    return {
        "title": report.title,
        "published": report.published.isoformat() if report.published else None,
        "source": report.source or None,
        "counts": {
            "incidents": len(inc),
            "places": len(report.places),
            "unresolved_places": len(report.unresolved),
            "claims": len(report.claims),
            "stances": len(report.stances),
        },
        "incidents": records(inc, ["id", "layer", "event_date", "time_precision", "event_type", "sub_event_type",
                                   "actor1", "actor2", "location", "country", "latitude", "longitude",
                                   "geo_precision", "responds_to", "confidence"]),
        "claims": records(report.claims, ["reference", "target", "stated_km", "computed_km", "verdict"]),
        "stances": records(report.stances, ["actor", "stance", "toward"]),
        "unresolved": report.unresolved,
    }


def run(args: argparse.Namespace) -> int:
    from geoconflict.extract import read_report

    data, name = _read(args.report)
    report = read_report(data, published=args.published, source=args.source or name)
    if args.output:
        from geoconflict.io import write_report

        path = write_report(report, args.output, force=args.force)
        print(
            f"wrote {path}: {len(report.incidents)} incidents, {len(report.places)} places "
            f"({len(report.unresolved)} unresolved), {len(report.claims)} claims, {len(report.stances)} stances",
            file=sys.stderr,
        )
        return 0
    json.dump(_summary(report), sys.stdout, indent=2, ensure_ascii=False, default=str)
    sys.stdout.write("\n")
    return 0
