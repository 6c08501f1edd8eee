"""``geoconflict extract``: a report's incidents, places, claims and stances."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from geoconflict._commands._inputs import read_report_file, report_files

__all__ = ["register", "run"]


def register(subparsers) -> None:
    p = subparsers.add_parser(
        "extract",
        help="extract incidents, places, distance claims and stances from a report",
        description=(
            "Read a news report (plain text, Markdown or HTML; '-' for standard input) and write "
            "one GeoJSON FeatureCollection whose features carry properties.kind in "
            "{incident, place, claim, stance}.  Without -o, print a JSON summary.  "
            "Several reports (files, or --jsonl lines {\"id\", \"text\", \"published\"}) are read "
            "as one batch: every table gets a report_id column and ids become REPORT/I1."
        ),
        epilog=(
            "examples:\n"
            "  geoconflict extract report.txt -o outputs/report.geojson\n"
            "  geoconflict extract report.txt --published 2026-02-28 --source Reuters -o out.geojson --force\n"
            "  cat report.txt | geoconflict extract -\n"
            "  geoconflict extract reports/*.txt -o outputs/corpus.gpkg\n"
            "  geoconflict extract --jsonl articles.jsonl --on-error record -o outputs/corpus.csv\n"
        ),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument("report", nargs="*", help="report file(s) (.txt/.md/.html), or - for standard input")
    p.add_argument("--jsonl", metavar="IN.jsonl", help="batch input: one JSON object per line with id and text")
    p.add_argument(
        "--on-error", choices=("stop", "record"), default="stop",
        help="a report that cannot be read in a batch: stop (default) or list it and go on (exit status 1)",
    )
    p.add_argument("--no-progress", action="store_true", help="no progress bar on stderr in batch mode")
    p.add_argument("--published", metavar="YYYY-MM-DD", help="publication date (default: the report's dateline)")
    p.add_argument("--source", metavar="NAME", help="outlet name for the incidents' source column")
    p.add_argument("-o", "--output", metavar="OUT.geojson", help="output file (format from the suffix)")
    p.add_argument("--force", action="store_true", help="overwrite an existing output file")
    p.set_defaults(func=run)


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
    from geoconflict.errors import InputError
    from geoconflict.extract import read_report

    if args.jsonl and args.report:
        raise InputError("give report files or --jsonl IN.jsonl, not both")
    if args.jsonl or len(args.report) > 1:
        return _run_batch(args)
    if not args.report:
        raise InputError("no input: give a report file (or - for standard input), several files, or --jsonl IN.jsonl")
    data, name = read_report_file(args.report[0])
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


def _jsonl_documents(src: str, on_error: str) -> tuple[dict[str, tuple[str, str | None]], dict[str, str]]:
    """Report id -> (text, published) from a JSONL file, and the lines that failed."""
    from geoconflict._commands._jsonl import parse_line
    from geoconflict.errors import InputError

    if src != "-" and not Path(src).is_file():
        raise InputError(f"no such file: {src}; give a JSONL file with one {{\"id\", \"text\"}} object per line")
    docs: dict[str, tuple[str, str | None]] = {}
    failed: dict[str, str] = {}
    stream = sys.stdin.buffer if src == "-" else open(src, "rb")
    with stream:
        for lineno, raw in enumerate(stream, start=1):
            if not raw.strip():
                continue
            try:
                doc = parse_line(raw, lineno)
                rid = f"line{lineno}" if doc["id"] is None else str(doc["id"])
                if rid in docs:
                    raise InputError(f"line {lineno}: id {rid!r} is used by an earlier line; ids must be distinct")
                docs[rid] = (doc["text"], doc["published"])
            except InputError as exc:
                if on_error == "stop":
                    raise
                failed[f"line{lineno}"] = str(exc)
    return docs, failed


def _run_batch(args: argparse.Namespace) -> int:
    from geoconflict.extract import read_reports

    if args.jsonl:
        docs, failed = _jsonl_documents(args.jsonl, args.on_error)
    else:
        docs, failed = report_files(args.report), {}
    rc = read_reports(
        {rid: text for rid, (text, _) in docs.items()},
        published=[when or args.published for _, when in docs.values()],
        source=args.source,
        progress=not args.no_progress,
        on_error="raise" if args.on_error == "stop" else "record",
    )
    problems = {**failed, **rc.errors}
    for rid, message in problems.items():
        print(f"geoconflict: skipped {rid}: {message}", file=sys.stderr)
    if args.output:
        from geoconflict.io import write_report

        path = write_report(rc, args.output, force=args.force)
        print(
            f"wrote {path}: {len(rc) - len(rc.errors)} reports, {len(rc.incidents)} incidents, "
            f"{len(rc.places)} places ({len(rc.unresolved)} unresolved), {len(rc.claims)} claims, "
            f"{len(rc.stances)} stances",
            file=sys.stderr,
        )
    else:
        summary = {"reports": [dict(_summary(report), id=rid) for rid, report in zip(rc.reports["report_id"], rc)
                               if rid not in rc.errors],
                   "errors": problems}
        json.dump(summary, sys.stdout, indent=2, ensure_ascii=False, default=str)
        sys.stdout.write("\n")
    return 1 if problems else 0
