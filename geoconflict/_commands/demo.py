"""``geoconflict demo``: the main job on the bundled example, end to end."""

from __future__ import annotations

import argparse
from pathlib import Path

__all__ = ["register", "run"]

_EXAMPLE = Path(__file__).resolve().parents[1] / "examples" / "border_strikes.txt"
_EXPORTS = ("geojson", "gpkg", "csv", "kml")


def register(subparsers) -> None:
    p = subparsers.add_parser(
        "demo",
        help="extract, check, map and export the bundled example report",
        description=(
            "Run the whole pipeline on a report (default: the bundled example): "
            "resolve its places, extract incidents, claims and stances, write an "
            "offline HTML map and GIS exports."
        ),
        epilog=(
            "examples:\n"
            "  geoconflict demo\n"
            "  geoconflict demo my_report.txt --outdir outputs --published 2026-02-28\n"
        ),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument("report", nargs="?", default=str(_EXAMPLE), help="report text (.txt/.md/.html)")
    p.add_argument("--outdir", default="outputs", help="folder for the map and exports (default: outputs)")
    p.add_argument("--published", help="publication date YYYY-MM-DD when the text has no dateline")
    p.add_argument("--online", action="store_true", help="use web tiles instead of the offline vector basemap")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from tqdm import tqdm

    from geoconflict.extract import read_report
    from geoconflict.io import output_paths, write_report
    from geoconflict.maps import save_map
    from geoconflict.errors import InputError
    from geoconflict.text import decode_input

    source = Path(args.report)
    outdir = Path(args.outdir)
    outdir.mkdir(parents=True, exist_ok=True)
    stem = source.stem
    steps = tqdm(total=2 + len(_EXPORTS), desc="geoconflict demo", unit="step", leave=False)

    try:
        data = source.read_bytes()
    except OSError as exc:
        raise InputError(f"cannot read report {source}: {exc.strerror}; pass a readable .txt/.md/.html file") from None
    report = read_report(decode_input(data), published=args.published, source=source.name)
    steps.update()
    html_path = outdir / f"{stem}.html"
    # The demo owns these file names, so re-running it replaces them.
    save_map(report, html_path, offline=not args.online, force=True)
    steps.update()
    written = [html_path]
    for fmt in _EXPORTS:
        write_report(report, outdir / f"{stem}.{fmt}", force=True)
        written.extend(output_paths(outdir / f"{stem}.{fmt}"))
        steps.update()
    steps.close()

    print(_summary(report))
    print("\nwrote:")
    for path in written:
        print(f"  {path}")
    return 0


def _summary(report) -> str:
    lines = [repr(report), "", "places:"]
    for row in report.places.itertuples():
        if row.resolved:
            lines.append(
                f"  {row.text:<28} -> {row.name} ({row.feature_type}, {row.country_code}"
                f"{', ' + row.admin1 if isinstance(row.admin1, str) else ''}) "
                f"{row.latitude:.4f}, {row.longitude:.4f}"
            )
        else:
            lines.append(f"  {row.text:<28} -> UNRESOLVED")
    lines.append("\nincidents:")
    for row in report.incidents.itertuples():
        answers = f" responds_to={row.responds_to}" if isinstance(row.responds_to, str) else ""
        lines.append(
            f"  {row.id} {row.layer:<11} {row.sub_event_type} by {row.actor1} at {row.location}"
            f" ({row.event_date.date() if hasattr(row.event_date, 'date') else row.event_date}){answers}"
        )
    lines.append("\nclaims:")
    for row in report.claims.itertuples():
        lines.append(
            f"  {row.target} from {row.reference}: stated {row.stated_km} km, computed "
            f"{row.computed_km:.1f} km -> {row.verdict}"
        )
    lines.append("\nstances:")
    for row in report.stances.itertuples():
        lines.append(f"  {row.actor} {row.stance} {row.toward}")
    return "\n".join(lines)
