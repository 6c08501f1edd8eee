"""``geoconflict map INPUT -o OUT.html``: an interactive HTML map of a report or data file."""

from __future__ import annotations

import argparse
from datetime import date
from pathlib import Path

__all__ = ["register", "run", "REPORT_SUFFIXES", "DATA_SUFFIXES"]

#: Report text: extracted with geoconflict.read_report.
REPORT_SUFFIXES = (".txt", ".md", ".html", ".htm")
#: Extracted or tabular data: read with geoconflict.io.read_file.
DATA_SUFFIXES = (".geojson", ".json", ".gpkg", ".csv")


def register(subparsers) -> None:
    p = subparsers.add_parser(
        "map",
        help="write an interactive HTML map of a report or a data file",
        description=(
            "Map the incidents, retaliation links, distance claims, areas and stances of a "
            "report (.txt/.md/.html, extracted first) or of a file written by `geoconflict "
            "extract`/`export` (.geojson/.json/.gpkg) or an ACLED-format CSV."
        ),
        epilog=(
            "examples:\n"
            "  geoconflict map report.txt -o outputs/report.html\n"
            "  geoconflict map report.txt -o outputs/report.html --offline\n"
            "  geoconflict map outputs/report.geojson -o outputs/report.html --tiles OpenTopoMap\n"
            "  geoconflict map acled_export.csv -o outputs/acled.html --offline --force\n"
            "  geoconflict map reports/*.txt -o outputs/corpus.html    # several reports on one map\n"
        ),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument("input", nargs="+",
                   help="report (.txt/.md/.html) or data file (.geojson/.json/.gpkg/.csv); several reports "
                        "are read as one collection")
    p.add_argument("-o", "--output", required=True, help="HTML file to write, e.g. outputs/report.html")
    p.add_argument("--offline", action="store_true",
                   help="one self-contained file: inline Leaflet from node_modules, vector basemap, no tiles")
    p.add_argument("--tiles", default=None,
                   help="xyzservices tile provider, e.g. OpenTopoMap (default: OpenStreetMap.Mapnik "
                        "online, none offline); 'none' for no tiles")
    p.add_argument("--force", action="store_true", help="overwrite OUTPUT if it exists")
    p.add_argument("--published", help="publication date YYYY-MM-DD for reports without a dateline")
    p.set_defaults(func=run)



def load_input(path: Path, *, published: date | None = None):
    """Read ``path`` as a Report, choosing the reader by suffix."""
    from geoconflict.errors import FormatError, InputError

    suffix = path.suffix.lower()
    if suffix in REPORT_SUFFIXES:
        from geoconflict.extract import read_report
        from geoconflict.text import decode_input

        try:
            data = path.read_bytes()
        except OSError as exc:
            raise InputError(f"cannot read {path}: {exc.strerror}") from None
        return read_report(decode_input(data), published=published, source=path.name)
    if suffix in DATA_SUFFIXES:
        from geoconflict.io import read_file

        if not path.exists():
            raise InputError(f"cannot read {path}: no such file")
        return read_file(path)
    raise FormatError(
        f"cannot map {path.name!r}: unknown suffix {suffix or '(none)'}; use a report "
        f"({', '.join(REPORT_SUFFIXES)}) or a data file ({', '.join(DATA_SUFFIXES)})"
    )


def _load_reports(paths: list[str], published: date | None):
    """Several report texts as one :class:`~geoconflict.collection.ReportCollection`."""
    from geoconflict._commands._inputs import report_files
    from geoconflict.errors import FormatError
    from geoconflict.extract import read_reports

    others = [p for p in paths if Path(p).suffix.lower() not in REPORT_SUFFIXES]
    if others:
        raise FormatError(
            f"several inputs must all be reports ({', '.join(REPORT_SUFFIXES)}); "
            f"map data files one at a time: {', '.join(others[:3])}"
        )
    docs = report_files(paths)
    return read_reports({rid: data for rid, (data, _) in docs.items()}, published=published, progress=True)


def run(args: argparse.Namespace) -> int:
    from geoconflict.errors import OutputExistsError
    from geoconflict.maps import report_map, save_map

    out = Path(args.output)
    if out.exists() and not args.force:
        raise OutputExistsError(f"{out} already exists; pass --force to overwrite it")
    from geoconflict.dates import parse_published

    published = parse_published(args.published)
    if len(args.input) == 1:
        report = load_input(Path(args.input[0]), published=published)
    else:
        report = _load_reports(args.input, published)
    kwargs = {}
    if args.tiles is not None:
        kwargs["tiles"] = None if args.tiles.lower() == "none" else args.tiles
    m = report_map(report, offline=args.offline, **kwargs)
    save_map(m, out, offline=args.offline, force=args.force)
    print(f"wrote {out} ({out.stat().st_size / 1e6:.2f} MB): {report!r}")
    return 0
