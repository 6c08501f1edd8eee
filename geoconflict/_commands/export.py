"""``geoconflict export``: convert a report or a file to GeoJSON, GeoPackage,
CSV, KML or GeoParquet."""

from __future__ import annotations

import argparse
from pathlib import Path

__all__ = ["register", "run"]

def register(subparsers) -> None:
    p = subparsers.add_parser(
        "export",
        help="write a report's tables as GeoJSON, GeoPackage, CSV, KML or GeoParquet",
        description=(
            "Convert INPUT to a GIS file.  INPUT is a report text (.txt/.md/.html: its "
            "places, incidents, claims and stances are extracted first) or a file written "
            "by geoconflict (.geojson/.gpkg/.csv/.kml/.parquet) or an ACLED CSV export.  "
            "The output format follows the suffix of -o.  CSV and GeoParquet write one "
            "file per table: OUT.csv (incidents, ACLED columns), OUT.places.csv, "
            "OUT.claims.csv, OUT.stances.csv."
        ),
        epilog=(
            "examples:\n"
            "  geoconflict export report.txt --published 2026-02-28 -o outputs/report.gpkg\n"
            "  geoconflict export outputs/report.geojson -o outputs/report.kml\n"
            "  geoconflict export acled_export.csv -o outputs/acled.parquet --force\n"
        ),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument("input", help="report text (.txt/.md/.html) or a .geojson/.gpkg/.csv/.kml/.parquet file")
    p.add_argument(
        "-o", "--output", required=True,
        help="output file: .geojson, .gpkg, .csv, .kml or .parquet",
    )
    p.add_argument("--format", help="output format when the suffix does not say (geojson, gpkg, csv, kml, parquet)")
    p.add_argument("--force", action="store_true", help="replace existing output files")
    p.add_argument("--published", help="publication date YYYY-MM-DD of a report text without a dateline")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from geoconflict._commands.map import REPORT_SUFFIXES, load_input
    from geoconflict.errors import InputError
    from geoconflict.io import format_for, output_paths, read_file, write_report

    source = Path(args.input)
    fmt = format_for(args.output, args.format)  # fail on a bad -o before any work
    from geoconflict.dates import parse_published

    published = parse_published(args.published)
    if not source.is_file():
        raise InputError(f"input {source} does not exist or is not a file")
    # report text is read exactly as `geoconflict map` reads it; any other
    # input is a file geoconflict.io.read_file knows
    if source.suffix.lower() in REPORT_SUFFIXES:
        report = load_input(source, published=published)
    else:
        report = read_file(source)
        if published is not None:
            report.published = published
    write_report(report, args.output, format=fmt, force=args.force)
    for path in output_paths(args.output, fmt):
        print(path)
    return 0

