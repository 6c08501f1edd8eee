"""Reading and writing reports: GeoJSON, GeoPackage, CSV, KML, GeoParquet, ACLED.

Every format goes through pyogrio/GDAL (GeoParquet through geopandas and
pyarrow) and every write is atomic: files are written in a temporary
directory next to the target and moved into place with :func:`os.replace`
only when all of them are complete, so a failure never leaves a partial
file; an existing output is never overwritten unless ``force=True``.

What each format holds
----------------------
=========  ===================================================================
geojson    One RFC 7946 FeatureCollection; ``properties.kind`` tells incident /
           place / claim / stance; footprints of areal places are extra
           ``place`` features with ``role: "footprint"``; unresolved places and
           stances have null geometry.  Every value and type round-trips;
           coordinates are rounded to 7 decimals (about 1 cm).
gpkg       One layer per kind (``incidents``, ``places``, ``claims``,
           ``stances``) plus ``place_footprints`` and a ``report`` table.
           Everything round-trips exactly.
csv        ``OUT.csv`` holds incidents with ACLED's columns and order, then
           geoconflict's extra columns, then ``WKT``; places, claims and
           stances go to ``OUT.places.csv``, ``OUT.claims.csv``,
           ``OUT.stances.csv``.  Round-trips values and types, except that an
           empty string reads back as missing.
kml        One folder per kind plus ``place_footprints`` (GDAL LIBKML); name =
           location / mention text, description = sentence / quote.  Values
           and types are restored on reading (KML itself stores dates as text
           and integers as 32-bit), empty strings read back as missing, and
           report metadata (title, published, source) is not kept.
parquet    GeoParquet, one file per kind named like the CSV set
           (``OUT.parquet`` = incidents); footprints are a second geometry
           column of the places file.  Everything round-trips exactly.
=========  ===================================================================

Columns beyond the schema (working columns added by extraction, ACLED's
``inter1``/``admin2``/...) are written too and come back with their values;
their types are kept where the format has types (not CSV, where they read
back as text).  The report ``text`` itself is not stored in any format.
"""

from __future__ import annotations

from datetime import date
from os import PathLike
from pathlib import Path

import pandas as pd

from geoconflict.errors import FormatError, InputError
from geoconflict._io_acled import ACLED_COLUMNS, EXTRA_COLUMNS
from geoconflict._io_acled import read_acled as _read_acled
from geoconflict._io_common import atomic_outputs, report_tables

__all__ = [
    "FORMATS",
    "ACLED_COLUMNS",
    "CSV_EXTRA_COLUMNS",
    "format_for",
    "output_paths",
    "write_report",
    "read_file",
    "read_acled",
]

#: Format name -> file suffixes it is recognised by (first one is canonical).
FORMATS: dict[str, tuple[str, ...]] = {
    "geojson": (".geojson", ".json"),
    "gpkg": (".gpkg",),
    "csv": (".csv",),
    "kml": (".kml",),
    "parquet": (".parquet", ".geoparquet"),
}

#: geoconflict columns written after ACLED's in a CSV export.
CSV_EXTRA_COLUMNS = EXTRA_COLUMNS

_MULTI_FILE = ("csv", "parquet")


def format_for(path: str | PathLike, format: str | None = None) -> str:
    """The format name for ``path``, from ``format`` or from the file suffix.

    Raises
    ------
    FormatError
        The format (or suffix) is not one of :data:`FORMATS`; the message
        lists the valid choices.

    Examples
    --------
    >>> format_for("outputs/report.gpkg")
    'gpkg'
    >>> format_for("report.data", "GeoJSON")
    'geojson'
    """
    valid = ", ".join(FORMATS)
    if format is not None:
        name = str(format).strip().lower().lstrip(".")
        aliases = {"json": "geojson", "geopackage": "gpkg", "geoparquet": "parquet"}
        name = aliases.get(name, name)
        if name not in FORMATS:
            raise FormatError(f"unknown format {format!r}; choose one of {valid}")
        return name
    suffix = Path(path).suffix.lower()
    for name, suffixes in FORMATS.items():
        if suffix in suffixes:
            return name
    raise FormatError(
        f"cannot tell the format of {str(path)!r} from its suffix {suffix or '(none)'!r}; "
        f"use one of {', '.join(s for v in FORMATS.values() for s in v)} or pass format= "
        f"(one of {valid})"
    )


def output_paths(path: str | PathLike, format: str | None = None) -> list[Path]:
    """Every file :func:`write_report` creates for ``path``.

    CSV and GeoParquet hold one table per file, so they add sibling files for
    places, claims and stances.

    Examples
    --------
    >>> [p.name for p in output_paths("out/report.csv")]
    ['report.csv', 'report.places.csv', 'report.claims.csv', 'report.stances.csv']
    >>> [p.name for p in output_paths("report.gpkg")]
    ['report.gpkg']
    """
    from geoconflict._io_csv import sibling_paths

    path = Path(path)
    name = format_for(path, format)
    if name in _MULTI_FILE:
        return list(sibling_paths(path).values())
    return [path]


def write_report(report, path: str | PathLike, *, format: str | None = None, force: bool = False) -> Path:
    """Write every table of ``report`` to ``path``.

    Parameters
    ----------
    report : Report
        The report to write (see :class:`geoconflict.report.Report`).
    path : str or PathLike
        Output file; its suffix picks the format unless ``format`` is given.
        Missing parent directories are created.
    format : {"geojson", "gpkg", "csv", "kml", "parquet"}, optional
        Overrides the suffix.
    force : bool
        Replace existing files.  Without it an existing output raises
        :class:`~geoconflict.errors.OutputExistsError` and nothing is written.

    Returns
    -------
    Path
        ``path`` (for CSV and GeoParquet, the incident file; the other tables
        are siblings, see :func:`output_paths`).

    Raises
    ------
    FormatError
        Unknown format; the message lists the valid ones.
    OutputExistsError
        An output file exists and ``force`` is false.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> from shapely import Point
    >>> from geoconflict.report import Report
    >>> from geoconflict.schema import conform
    >>> report = Report(places=conform([{"id": "P1", "text": "Kabul", "resolved": True,
    ...                                  "geometry": Point(69.1783, 34.5281)}], "place"))
    >>> out = pathlib.Path(tempfile.mkdtemp()) / "kabul.geojson"
    >>> write_report(report, out).name
    'kabul.geojson'
    >>> read_file(out).places.loc[0, "text"]
    'Kabul'
    """
    if not all(hasattr(report, t) for t in ("places", "incidents", "claims", "stances")):
        raise InputError(
            f"write_report expects a geoconflict Report, not {type(report).__name__}; "
            "wrap tables with Report(incidents=..., places=...)"
        )
    path = Path(path)
    name = format_for(path, format)
    tables = report_tables(report)
    meta = _meta(report)
    targets = output_paths(path, name)
    if name in _MULTI_FILE and "reports" in meta:
        from geoconflict._io_csv import reports_path

        targets.append(reports_path(path))
    with atomic_outputs(targets, force=force) as scratch:
        if name == "geojson":
            from geoconflict._io_geojson import write_geojson

            write_geojson(tables, meta, scratch(path))
        elif name == "gpkg":
            from geoconflict._io_ogr import write_gpkg

            write_gpkg(tables, meta, scratch(path))
        elif name == "kml":
            from geoconflict._io_ogr import write_kml

            write_kml(tables, meta, scratch(path))
        else:
            from geoconflict._io_csv import sibling_paths, write_csv, write_parquet

            paths = {k: scratch(p) for k, p in sibling_paths(path).items()}
            (write_csv if name == "csv" else write_parquet)(tables, meta, paths)
            if "reports" in meta:
                from geoconflict._io_csv import write_report_list

                write_report_list(meta["reports"], scratch(reports_path(path)), name)
    return path


def _meta(report) -> dict:
    published = getattr(report, "published", None)
    if published is not None and not isinstance(published, str):
        published = pd.Timestamp(published).date().isoformat()
    meta = {
        "title": getattr(report, "title", "") or None,
        "published": published or None,
        "source": getattr(report, "source", "") or None,
    }
    reports = getattr(report, "reports", None)
    if isinstance(reports, pd.DataFrame):
        # a ReportCollection: which report each report_id is
        meta["reports"] = _report_list(reports)
    return meta


def _report_list(reports: pd.DataFrame) -> list[dict]:
    out = []
    for row in reports.to_dict("records"):
        item = {}
        for key in ("report_id", "title", "published", "source", "error"):
            value = row.get(key)
            if value is None or (pd.api.types.is_scalar(value) and pd.isna(value)):
                value = None
            elif isinstance(value, pd.Timestamp):
                value = value.date().isoformat()
            item[key] = None if value is None else str(value)
        out.append(item)
    return out


def read_file(path: str | PathLike, *, format: str | None = None):
    """Read a file written by :func:`write_report` (or an ACLED CSV export)
    back into a :class:`~geoconflict.report.Report`.

    Tables are conformed to :mod:`geoconflict.schema`: dates are
    ``datetime64[ms]``, counts ``Int64``, flags ``boolean``, null geometries
    stay null, and kinds missing from the file are empty tables.

    Parameters
    ----------
    path : str or PathLike
        A ``.geojson``, ``.gpkg``, ``.csv`` (ours or ACLED's), ``.kml`` or
        ``.parquet`` file.  For CSV and GeoParquet, name the incident file or
        any of its siblings; the whole set is read.
    format : str, optional
        Overrides the suffix.

    Raises
    ------
    FormatError
        Unknown format.
    InputError
        Missing file, or content that is not what the format promises (the
        message names the column and row).

    Examples
    --------
    >>> from importlib.resources import files
    >>> report = read_file(files("geoconflict") / "examples" / "acled_sample.csv")
    >>> report.incidents["event_date"].dtype
    dtype('<M8[ms]')
    """
    from geoconflict.report import Report

    path = Path(path)
    name = format_for(path, format)
    if not path.exists():
        raise InputError(f"{path} does not exist")
    if path.is_dir():
        raise InputError(f"{path} is a directory, not a {name} file")
    if name == "geojson":
        from geoconflict._io_geojson import read_geojson as reader
    elif name == "gpkg":
        from geoconflict._io_ogr import read_gpkg as reader
    elif name == "kml":
        from geoconflict._io_ogr import read_kml as reader
    elif name == "csv":
        from geoconflict._io_csv import read_csv as reader
    else:
        from geoconflict._io_csv import read_parquet as reader
    try:
        tables, meta = reader(path)
    except InputError:
        raise
    except Exception as exc:  # GDAL/pyarrow errors on damaged files
        if type(exc).__module__.split(".")[0] in ("pyogrio", "pyarrow", "json", "shapely"):
            raise InputError(f"cannot read {path} as {name}: {exc}") from None
        raise
    kwargs = {
        "incidents": tables.get("incident"),
        "places": tables.get("place"),
        "claims": tables.get("claim"),
        "stances": tables.get("stance"),
    }
    published = meta.get("published")
    report = Report(
        **{k: v for k, v in kwargs.items() if v is not None},
        title=meta.get("title") or "",
        source=meta.get("source") or "",
        published=date.fromisoformat(published) if published else None,
    )
    return report


def read_acled(source: str | PathLike | pd.DataFrame):
    """Read an ACLED export (CSV as downloaded from acleddata.com, or a
    DataFrame with its columns) into a :class:`~geoconflict.report.Report`.

    Incidents keep ACLED's columns (``event_id_cnty`` becomes ``id``; columns
    the schema does not model, such as ``assoc_actor_1`` or ``admin2``, are
    kept as extra columns and written back by the CSV export).  ``layer``
    comes from ``event_type``: Battles -> clash, Protests and Riots -> protest,
    Explosions/Remote violence -> strike, anything else -> other.  ``iso`` (ISO
    3166 numeric) also gives ``country_code``.  Places are the distinct
    locations, with ``mentions`` = number of events there.

    Dates may be ``2024-03-05`` or ``05 March 2024``.  A row whose latitude,
    longitude, date or count is unusable is *kept*: the bad value is blanked
    (null geometry when a coordinate is bad), the original text goes to an
    extra ``problems`` column, a :class:`UserWarning` lists the rows and the
    same note is appended to ``report.source``.

    Raises
    ------
    InputError
        The file is missing, not CSV, not UTF-8, or lacks a required column
        (``event_date``, ``latitude``, ``longitude``); the message names the
        missing columns.

    Examples
    --------
    >>> from importlib.resources import files
    >>> report = read_acled(files("geoconflict") / "examples" / "acled_sample.csv")
    >>> sorted(set(report.incidents["layer"])) <= ["clash", "other", "protest", "strike"]
    True
    """
    return _read_acled(source)
