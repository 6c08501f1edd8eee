"""Shared plumbing of the file formats: table conversion, type restoration,
atomic multi-file writes.

Every writer turns the four schema tables into Arrow tables (so nullable
integers, booleans and dates reach GDAL with their types) and every reader
goes back through :func:`restore`, which parses whatever the format kept
(strings in CSV and KML, numbers in GPKG) into the schema dtypes and refuses
values it cannot parse instead of turning them into nulls.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import tempfile
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path

import geopandas as gpd
import numpy as np
import pandas as pd
import pyarrow as pa
import pyogrio
import shapely

from geoconflict.errors import InputError, OutputExistsError
from geoconflict.schema import CRS, KIND_COLUMNS, conform

__all__: list[str] = []  # private module; the public facade is geoconflict.io

KINDS = ("incident", "place", "claim", "stance")
#: Layer / folder / sibling-file name of each kind.
LAYER_NAMES = {"incident": "incidents", "place": "places", "claim": "claims", "stance": "stances"}
KIND_OF_LAYER = {v: k for k, v in LAYER_NAMES.items()}
FOOTPRINT_LAYER = "place_footprints"
REPORT_TABLE = "report"

_TRUE = {"true", "t", "yes", "y", "1"}
_FALSE = {"false", "f", "no", "n", "0"}


def report_tables(report) -> dict[str, gpd.GeoDataFrame]:
    """The four tables of ``report`` conformed to the schema, keyed by kind."""
    out = {}
    for kind in KINDS:
        try:
            out[kind] = conform(getattr(report, LAYER_NAMES[kind]), kind).reset_index(drop=True)
        except (TypeError, ValueError) as exc:
            raise InputError(
                f"report.{LAYER_NAMES[kind]} does not fit the {kind} schema "
                f"(geoconflict.schema.{kind.upper()}_COLUMNS): {exc}"
            ) from None
    return out


def footprints(places: gpd.GeoDataFrame) -> gpd.GeoDataFrame:
    """Areal places' polygons as their own table (``id``, ``name``, ``text``, geometry)."""
    keep = places["footprint"].map(lambda g: g is not None and not _is_missing(g) and not g.is_empty)
    rows = places.loc[keep]
    return gpd.GeoDataFrame(
        {
            "id": rows["id"].astype("string").to_numpy(),
            "name": rows["name"].astype("string").to_numpy(),
            "text": rows["text"].astype("string").to_numpy(),
        },
        geometry=gpd.GeoSeries(list(rows["footprint"]), crs=CRS),
        crs=CRS,
    )


def _is_missing(value) -> bool:
    try:
        return bool(pd.isna(value))
    except (TypeError, ValueError):
        return False


def to_arrow(
    frame: gpd.GeoDataFrame,
    *,
    dates: bool = True,
    int32: bool = False,
    object_as_wkt: bool = True,
) -> pa.Table:
    """Arrow table of ``frame`` for pyogrio.write_arrow.

    ``dates``: datetime columns holding only midnights become ``date32`` (a
    DATE field in GDAL) — ACLED dates are days, not instants.  ``int32``:
    nullable integers narrowed for drivers without 64-bit ints (KML).
    ``object_as_wkt``: shapely values in object columns (``footprint``) become
    WKT text; other objects become strings.
    """
    out = frame.copy()
    for name in out.columns:
        if name == out.geometry.name:
            continue
        col = out[name]
        if isinstance(col.dtype, gpd.array.GeometryDtype):
            out[name] = _wkt(col)
        elif pd.api.types.is_datetime64_any_dtype(col.dtype):
            valid = col.dropna()
            if dates and (valid.dt.normalize() == valid).all():
                days = pa.array([None if pd.isna(v) else v.date() for v in col], type=pa.date32())
                out[name] = pd.Series(days, index=out.index, dtype=pd.ArrowDtype(pa.date32()))
        elif str(col.dtype) == "Int64" and int32:
            out[name] = col.astype("Int32")
        elif col.dtype == object:
            if object_as_wkt and col.map(lambda v: isinstance(v, shapely.Geometry)).any():
                out[name] = _wkt(col)
            else:
                out[name] = col.map(lambda v: None if _is_missing(v) else str(v)).astype("string")
    return pa.table(out.to_arrow(geometry_encoding="WKB", index=False))


def _wkt(col: pd.Series) -> pd.Series:
    values = [
        None if (g is None or _is_missing(g)) else shapely.to_wkt(g, rounding_precision=-1)
        for g in col
    ]
    return pd.Series(values, index=col.index, dtype="string")


def write_layer(table: pa.Table, path, *, driver: str, layer: str, geometry: bool = True, **options) -> None:
    """pyogrio.write_arrow with this project's defaults."""
    kwargs = {}
    if geometry:
        kwargs = {"geometry_name": "geometry", "crs": CRS}
        geom_col = table.column("geometry")
        kwargs["geometry_type"] = _arrow_geometry_type(geom_col)
    pyogrio.write_arrow(table, path, driver=driver, layer=layer, **kwargs, **options)


def _arrow_geometry_type(column: pa.ChunkedArray) -> str:
    values = [v for v in column.to_pylist() if v is not None]
    types = set(shapely.get_type_id(shapely.from_wkb(values)).tolist()) if values else set()
    names = {
        0: "Point", 1: "LineString", 3: "Polygon", 4: "MultiPoint", 5: "MultiLineString",
        6: "MultiPolygon", 7: "GeometryCollection",
    }
    if len(types) == 1 and next(iter(types)) in names:
        return names[next(iter(types))]
    return "Unknown"


# --------------------------------------------------------------------------- reading


def restore(frame: pd.DataFrame, kind: str, *, where: str = "") -> gpd.GeoDataFrame:
    """Parse a table read from a file back into the schema dtypes of ``kind``.

    Columns the file kept as text (CSV, KML) or as other numeric types (GPKG)
    are converted; a value that cannot be converted raises
    :class:`~geoconflict.errors.InputError` naming the column and the row,
    because turning it into a null would lose data silently.
    """
    frame = pd.DataFrame(frame).copy()
    if "geometry" not in frame.columns:
        frame["geometry"] = None
    geom = frame["geometry"]
    if isinstance(geom.dtype, gpd.array.GeometryDtype) or geom.map(lambda g: isinstance(g, shapely.Geometry)).any():
        # KML and some drivers hand back 3D points with z=0
        arr = np.asarray(list(geom), dtype=object)
        mask = np.array([isinstance(g, shapely.Geometry) for g in arr], dtype=bool)
        if mask.any():
            arr[mask] = shapely.force_2d(arr[mask].astype(object))
        frame["geometry"] = list(arr)
    columns = KIND_COLUMNS[kind]
    for name, dtype in columns.items():
        if name not in frame.columns or dtype == "geometry":
            continue
        frame[name] = coerce(frame[name], dtype, column=name, where=where)
    from geoconflict._io_acled import ACLED_ONLY

    for name in frame.columns:
        if name in columns:
            continue
        dtype = frame[name].dtype
        if kind == "incident" and name in ACLED_ONLY:
            frame[name] = coerce(frame[name], ACLED_ONLY[name], column=name, where=where)
        elif isinstance(dtype, gpd.array.GeometryDtype):
            continue
        elif dtype == object or pd.api.types.is_string_dtype(dtype):
            if frame[name].map(lambda v: isinstance(v, (str, type(None))) or _is_missing(v)).all():
                frame[name] = coerce(frame[name], "string", column=name, where=where)
    return conform(frame.reset_index(drop=True), kind)


def coerce(series: pd.Series, dtype: str, *, column: str = "", where: str = "") -> pd.Series:
    """Convert one column to a schema dtype, refusing unparseable values."""
    have = series.dtype
    if have == object and pd.api.types.infer_dtype(series, skipna=True) in ("string", "empty"):
        series = series.astype("string")  # plain text: take the vectorised paths below
        have = series.dtype
    # Fast paths: the driver already returned the right kind of values.
    if dtype == "string" and have != object and pd.api.types.is_string_dtype(have):
        return series.astype("string")
    if dtype == "float64" and pd.api.types.is_float_dtype(have):
        return series.astype("float64")
    if dtype == "Int64" and pd.api.types.is_integer_dtype(have) and not pd.api.types.is_bool_dtype(have):
        return series.astype("Int64")
    if dtype == "boolean" and pd.api.types.is_bool_dtype(have):
        return series.astype("boolean")
    if dtype not in ("string", "object") and have != object and pd.api.types.is_string_dtype(have):
        # text from CSV/KML: blank cells are missing values
        stripped = series.astype("string").str.strip()
        values = stripped.mask(stripped == "").astype(object).where(stripped.notna() & (stripped != ""), None)
    else:
        values = series.astype(object).map(
            lambda v: None if _is_missing(v) or (isinstance(v, str) and v.strip() == "" and dtype != "string")
            else (v.strip() if isinstance(v, str) and dtype != "string" else v)
        )
    present = values.notna()
    if dtype == "object":
        return pd.Series(
            [None if _is_missing(v) else _geometry_value(v) for v in values], index=series.index, dtype=object
        )
    if dtype == "string":
        return pd.Series(
            [None if _is_missing(v) else _as_text(v) for v in values], index=series.index, dtype="string"
        )
    if dtype == "boolean":
        out = values.map(_as_bool)
        bad = present & out.isna()
        _check(series, bad, column, where, "true/false")
        return out.astype("boolean")
    if dtype.startswith("datetime64"):
        if pd.api.types.is_datetime64_any_dtype(series.dtype):
            out = series
            if getattr(out.dt, "tz", None) is not None:
                out = out.dt.tz_localize(None)
        else:
            out = pd.to_datetime(
                values.map(lambda v: v.isoformat() if hasattr(v, "isoformat") else v),
                errors="coerce",
                format="mixed",
            )
        bad = present & out.isna()
        _check(series, bad, column, where, "a date such as 2024-03-05")
        return out.astype(dtype)
    # numeric
    out = pd.to_numeric(values, errors="coerce")
    bad = present & out.isna()
    _check(series, bad, column, where, "a number")
    if dtype == "Int64":
        floats = out.astype("float64")
        frac = floats.notna() & (floats != np.round(floats))
        _check(series, frac, column, where, "a whole number")
        return floats.round().astype("Int64")
    return out.astype(dtype)


def _geometry_value(value):
    if value is None:
        return None
    if isinstance(value, shapely.Geometry):
        return shapely.force_2d(value)
    if isinstance(value, (bytes, bytearray)):
        return shapely.from_wkb(bytes(value))
    if isinstance(value, str):
        try:
            return shapely.from_wkt(value)
        except shapely.errors.GEOSException as exc:
            raise InputError(f"footprint {value[:60]!r} is not valid WKT: {exc}") from None
    return value


def _as_text(value) -> str:
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if hasattr(value, "isoformat") and not isinstance(value, str):
        return value.isoformat()
    return str(value)


def _as_bool(value):
    if value is None:
        return None
    if isinstance(value, (bool, np.bool_)):
        return bool(value)
    if isinstance(value, (int, float, np.integer, np.floating)):
        return None if value not in (0, 1) else bool(value)
    text = str(value).strip().lower()
    if text in _TRUE:
        return True
    if text in _FALSE:
        return False
    return None


def _check(series: pd.Series, bad: pd.Series, column: str, where: str, expected: str) -> None:
    if not bad.any():
        return
    rows = list(np.flatnonzero(bad.to_numpy()))[:5]
    examples = ", ".join(f"row {i + 1}: {series.iloc[i]!r}" for i in rows)
    place = f" in {where}" if where else ""
    raise InputError(
        f"column {column!r}{place} holds values that are not {expected} ({examples}); "
        "fix or blank those cells"
    )


def drop_empty_extras(frame: pd.DataFrame, kind: str) -> pd.DataFrame:
    """Drop non-schema columns that are entirely null (other kinds' columns in a
    mixed file)."""
    columns = KIND_COLUMNS[kind]
    drop = [c for c in frame.columns if c not in columns and frame[c].isna().all()]
    return frame.drop(columns=drop)


# --------------------------------------------------------------------------- atomic writes


@contextlib.contextmanager
def atomic_outputs(targets: Sequence[Path], *, force: bool) -> Iterator[Callable[[Path], Path]]:
    """Write several files so that none of them is ever left half-written.

    Yields ``scratch(target) -> temporary path``; the caller writes each file
    to its temporary path (same directory as the target, so ``os.replace`` is
    an atomic rename).  When the block finishes, every temporary file replaces
    its target; when it raises, the temporary directory is removed and no
    target is touched.
    """
    targets = [Path(t) for t in targets]
    if not force:
        existing = [str(t) for t in targets if t.exists()]
        if existing:
            raise OutputExistsError(
                f"refusing to overwrite {', '.join(existing)}; pass force=True (CLI: --force) "
                "or choose another output path"
            )
    parent = targets[0].parent
    for t in targets:
        if t.is_dir():
            raise InputError(f"output {t} is a directory; give a file name such as {t / 'report.geojson'}")
    try:
        parent.mkdir(parents=True, exist_ok=True)
        scratch_dir = Path(tempfile.mkdtemp(prefix=".geoconflict-", dir=parent))
    except OSError as exc:
        raise InputError(f"cannot write to {parent}: {exc.strerror}; choose a writable folder") from None
    try:
        mapping = {t: scratch_dir / t.name for t in targets}

        def scratch(target: Path) -> Path:
            return mapping[Path(target)]

        yield scratch
        for target, tmp in mapping.items():
            if not tmp.exists():
                raise RuntimeError(f"internal error: {target.name} was not written")
        for target, tmp in mapping.items():
            os.replace(tmp, target)
    finally:
        shutil.rmtree(scratch_dir, ignore_errors=True)
