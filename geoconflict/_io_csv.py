"""CSV (GDAL's CSV driver) and GeoParquet (geopandas/pyarrow): one file per kind.

Neither format holds several tables, so a report becomes a set of sibling
files named after the output path ``OUT.csv`` / ``OUT.parquet``:

=======================  =================================================
``OUT.csv``              incidents, ACLED columns in ACLED's order, then
                         geoconflict's extra columns, then ``WKT``
``OUT.places.csv``       places (``footprint`` as WKT text), then ``WKT``
``OUT.claims.csv``       claims, then ``WKT`` (the LineString)
``OUT.stances.csv``      stances, then ``WKT`` (empty)
=======================  =================================================

The geometry is a ``WKT`` column at the end rather than GDAL's
``GEOMETRY=AS_WKT`` (which puts it first), so the incident file keeps ACLED's
column order; GDAL reads it back as geometry (``GEOM_POSSIBLE_NAMES=WKT``).
CSV cannot tell an empty string from a missing value: both read back as
missing.  ACLED's ``timestamp`` column stays blank unless the incidents came
from an ACLED file, so the same report gives the same bytes.

GeoParquet: ``OUT.parquet`` (incidents), ``OUT.places.parquet`` (with
``footprint`` as a second geometry column), ``OUT.claims.parquet``,
``OUT.stances.parquet``; types, dates and nulls are kept exactly.
"""

from __future__ import annotations

from pathlib import Path

import geopandas as gpd
import pandas as pd
import pyarrow as pa
import pyogrio
import shapely

from geoconflict.errors import InputError
from geoconflict.schema import CRS
from geoconflict._io_acled import acled_to_incidents, incidents_to_acled
from geoconflict._io_common import KINDS, LAYER_NAMES, restore, to_arrow, write_layer

__all__: list[str] = []

_CSV_READ = {
    "GEOM_POSSIBLE_NAMES": "WKT",
    "KEEP_GEOM_COLUMNS": "NO",
    "EMPTY_STRING_AS_NULL": "YES",
    "AUTODETECT_TYPE": "NO",
}


def sibling_paths(path: Path) -> dict[str, Path]:
    """The file of each kind for an output path ``OUT.ext``."""
    stem, suffix = path.name[: -len(path.suffix)] if path.suffix else path.name, path.suffix
    out = {"incident": path}
    for kind in KINDS[1:]:
        out[kind] = path.with_name(f"{stem}.{LAYER_NAMES[kind]}{suffix}")
    return out


def reports_path(path: Path) -> Path:
    """``OUT.csv`` -> ``OUT.reports.csv``: the report list of a collection."""
    stem = path.name[: -len(path.suffix)] if path.suffix else path.name
    return path.with_name(f"{stem}.reports{path.suffix}")


def write_report_list(reports: list[dict], path: Path, format: str) -> None:
    """One row per report of a collection (report_id, title, published, source, error)."""
    columns = ("report_id", "title", "published", "source", "error")
    table = pa.table({c: pa.array([r.get(c) for r in reports], type=pa.string()) for c in columns})
    if format == "parquet":
        import pyarrow.parquet as pq

        pq.write_table(table, path, compression="zstd")
        return
    write_layer(table, path, driver="CSV", layer="reports", geometry=False,
                layer_options={"LINEFORMAT": "LF", "STRING_QUOTING": "IF_NEEDED"})


def main_path(path: Path) -> Path:
    """``OUT.places.csv`` -> ``OUT.csv`` (reading a sibling reads the set)."""
    parts = path.name.split(".")
    if len(parts) >= 3 and parts[-2] in LAYER_NAMES.values() and parts[-2] != "incidents":
        return path.with_name(".".join(parts[:-2] + parts[-1:]))
    return path


def _with_wkt(frame: gpd.GeoDataFrame) -> pd.DataFrame:
    body = pd.DataFrame(frame.drop(columns="geometry"))
    body["WKT"] = [
        None if g is None else shapely.to_wkt(g, rounding_precision=-1) for g in frame.geometry
    ]
    return body


def _iso_dates(column: pd.Series) -> pd.Series:
    valid = column.dropna()
    midnight = bool((valid.dt.normalize() == valid).all())
    return pd.Series(
        [None if pd.isna(v) else (v.date().isoformat() if midnight else v.isoformat()) for v in column],
        index=column.index,
        dtype="string",
    )


def write_csv(tables: dict[str, gpd.GeoDataFrame], meta: dict, paths: dict[str, Path]) -> None:
    for kind in KINDS:
        frame = tables[kind]
        body = _with_wkt(frame)
        if kind == "incident":
            body = incidents_to_acled(frame).assign(WKT=body["WKT"])
        for name in body.columns:
            # GDAL writes dates as 2024/03/05; ACLED and spreadsheets want ISO
            if pd.api.types.is_datetime64_any_dtype(body[name].dtype):
                body[name] = _iso_dates(body[name])
        table = to_arrow(gpd.GeoDataFrame(body, geometry=gpd.GeoSeries([None] * len(body), crs=CRS)))
        table = table.drop_columns(["geometry"])
        write_layer(
            table,
            paths[kind],
            driver="CSV",
            layer=LAYER_NAMES[kind],
            geometry=False,
            layer_options={"LINEFORMAT": "LF", "STRING_QUOTING": "IF_NEEDED"},
        )


def read_csv(path: Path) -> tuple[dict[str, gpd.GeoDataFrame], dict]:
    """Read a set written by :func:`write_csv`; ``path`` is the incident file
    (or any sibling).  Siblings that are absent are empty tables."""
    from geoconflict._io_acled import read_acled

    main = main_path(path)
    paths = sibling_paths(main)
    if not main.exists():
        raise InputError(f"{main} does not exist (it holds the incidents of {path.name})")
    header = _header(main)
    if "WKT" not in header and "layer" not in header:
        # an export downloaded from ACLED itself
        report = read_acled(main)
        return {"incident": report.incidents, "place": report.places}, {
            "title": report.title,
            "source": report.source,
        }
    tables = {}
    for kind, file in paths.items():
        if not file.exists():
            continue
        frame = pd.DataFrame(pyogrio.read_dataframe(file, **_CSV_READ))
        if kind == "incident":
            frame = acled_to_incidents(frame, where=str(file))
        tables[kind] = restore(frame, kind, where=str(file))
    return tables, {}


def _header(path: Path) -> list[str]:
    info = pyogrio.read_info(path, **_CSV_READ)
    return list(info["fields"]) + (["WKT"] if info.get("geometry_type") else [])


def write_parquet(tables: dict[str, gpd.GeoDataFrame], meta: dict, paths: dict[str, Path]) -> None:
    for kind in KINDS:
        frame = tables[kind].copy()
        if kind == "place":
            frame["footprint"] = gpd.GeoSeries(
                [None if g is None or (isinstance(g, float)) else g for g in frame["footprint"]],
                index=frame.index,
                crs=CRS,
            )
        frame.to_parquet(paths[kind], index=False, compression="zstd", write_covering_bbox=False)


def read_parquet(path: Path) -> tuple[dict[str, gpd.GeoDataFrame], dict]:
    main = main_path(path)
    if not main.exists():
        raise InputError(f"{main} does not exist (it holds the incidents of {path.name})")
    tables = {}
    for kind, file in sibling_paths(main).items():
        if not file.exists():
            continue
        try:
            frame = gpd.read_parquet(file)
        except ValueError as exc:  # not GeoParquet (no geo metadata)
            raise InputError(f"{file} is not a GeoParquet file: {exc}") from None
        frame = pd.DataFrame(frame)
        if kind == "place" and "footprint" in frame.columns:
            frame["footprint"] = pd.Series(list(frame["footprint"]), index=frame.index, dtype=object)
        tables[kind] = restore(frame, kind, where=str(file))
    return tables, {}
