"""The columns of every table geoconflict produces, defined once.

Extraction, maps, exports and imports all build their frames through
:func:`empty_frame` / :func:`conform`, so a column added here reaches all of
them.  Incident columns use ACLED's names where ACLED has one.

Dtypes are pandas dtype strings; ``"geometry"`` marks the active geometry
column (WGS84, EPSG:4326) and ``"object"`` columns hold Python values
(shapely geometries for ``footprint``).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

import geopandas as gpd
import numpy as np
import pandas as pd
import pyarrow as pa
from pandas.arrays import ArrowStringArray
from geopandas.array import GeometryArray, from_shapely
from pyproj import CRS as _ProjCRS

__all__ = [
    "CRS",
    "INCIDENT_COLUMNS",
    "PLACE_COLUMNS",
    "CLAIM_COLUMNS",
    "STANCE_COLUMNS",
    "KIND_COLUMNS",
    "LAYERS",
    "STANCES",
    "VERDICTS",
    "GEO_PRECISION",
    "empty_frame",
    "conform",
]

CRS = "EPSG:4326"
# parsed once: building a CRS from its string for every frame is costly
_CRS_OBJ = _ProjCRS.from_user_input(CRS)

#: Incident layers (map layers and the ``layer`` column).
LAYERS = ("strike", "retaliation", "clash", "protest", "other")

#: Stance vocabulary for ``stances.stance``.
STANCES = ("supports", "condemns", "calls_for_restraint", "concern", "engages")

#: Claim verdicts.
VERDICTS = ("consistent", "overstated", "understated", "unverifiable")

#: ACLED geo_precision codes.
GEO_PRECISION = {1: "town", 2: "part of a region / near a town", 3: "province or larger"}

INCIDENT_COLUMNS: dict[str, str] = {
    "id": "string",                  # stable within a report, e.g. "I1" (ACLED event_id_cnty on export)
    "layer": "string",               # one of LAYERS
    "event_date": "datetime64[ms]",  # ACLED event_date (date, midnight)
    "time_precision": "Int64",       # ACLED: 1 day, 2 week, 3 month
    "disorder_type": "string",       # ACLED: Political violence / Demonstrations ...
    "event_type": "string",          # ACLED: Explosions/Remote violence, Battles, ...
    "sub_event_type": "string",      # ACLED: Air/drone strike, Shelling/artillery/missile attack ...
    "actor1": "string",
    "actor2": "string",
    "country": "string",
    "iso": "Int64",                  # ACLED: ISO 3166-1 numeric code of ``country``
    "country_code": "string",        # ISO 3166-1 alpha-2 of ``country``
    "admin1": "string",
    # a scene the gazetteer lacks keeps its own name here and takes, as ACLED
    # does, the point of the province, nearby town or country the report
    # places it in (geo_precision 2 or 3; gazetteer_id is that place's)
    "location": "string",
    "latitude": "float64",
    "longitude": "float64",
    "geo_precision": "Int64",        # ACLED: 1 town, 2 near town / part of region, 3 province+
    "fatalities": "Int64",
    "source": "string",
    "notes": "string",               # the source sentence
    "source_start": "Int64",         # character offsets of ``notes`` in the report text
    "source_end": "Int64",
    "confidence": "float64",         # 0..1
    "responds_to": "string",         # space-separated ids of the incidents answered
    "gazetteer_id": "string",
    "border_distance_km": "float64", # geodesic distance to the nearest international border
    "geometry": "geometry",
}

PLACE_COLUMNS: dict[str, str] = {
    "id": "string",                  # "P1", ...
    "text": "string",                # the mention as written
    "start": "Int64",                # character offsets of the first mention
    "end": "Int64",
    "mentions": "Int64",             # how many times the report names it
    "resolved": "boolean",           # False: listed, never dropped, null geometry
    "name": "string",                # gazetteer name
    "feature_type": "string",        # country / admin1 / city / landmark / area
    "country_code": "string",
    "country": "string",
    "admin1": "string",
    "latitude": "float64",
    "longitude": "float64",
    "gazetteer_id": "string",
    "score": "float64",
    "ambiguous": "boolean",
    "fuzzy": "boolean",
    "precision_m": "float64",
    "footprint": "object",           # shapely polygon for areal places, else None
    "geometry": "geometry",          # representative point
}

CLAIM_COLUMNS: dict[str, str] = {
    "id": "string",
    "reference": "string",           # place the distance is measured from
    "target": "string",              # place the distance is measured to
    "stated_km": "float64",
    "stated_text": "string",         # "six kilometres", "roughly 40 miles"
    "hedge": "string",               # exact / approximate / at_most / at_least / vague
    "stated_direction": "string",    # N, NE, ..., or null
    "computed_km": "float64",
    "computed_bearing_deg": "float64",
    "direction_ok": "boolean",       # null when no direction was stated
    "tolerance_km": "float64",
    "verdict": "string",             # one of VERDICTS
    "notes": "string",               # the sentence
    "source_start": "Int64",
    "source_end": "Int64",
    "geometry": "geometry",          # LineString reference -> target
}

STANCE_COLUMNS: dict[str, str] = {
    "id": "string",
    "actor": "string",               # country or organisation
    "actor_country_code": "string",  # ISO2 when the actor is (or speaks for) a country
    "toward": "string",
    "toward_country_code": "string",
    "stance": "string",              # one of STANCES
    "quote": "string",
    "source_start": "Int64",
    "source_end": "Int64",
    "geometry": "geometry",          # null: stances have no location of their own
}

KIND_COLUMNS: dict[str, dict[str, str]] = {
    "incident": INCIDENT_COLUMNS,
    "place": PLACE_COLUMNS,
    "claim": CLAIM_COLUMNS,
    "stance": STANCE_COLUMNS,
}


def _columns_for(kind: str) -> dict[str, str]:
    try:
        return KIND_COLUMNS[kind]
    except KeyError:
        from geoconflict.errors import InputError

        raise InputError(
            f"unknown table kind {kind!r}; choose one of {', '.join(KIND_COLUMNS)}"
        ) from None


def empty_frame(kind: str) -> gpd.GeoDataFrame:
    """An empty GeoDataFrame with the columns and dtypes of ``kind``.

    Examples
    --------
    >>> list(empty_frame("stance").columns)[:3]
    ['id', 'actor', 'actor_country_code']
    """
    return conform([], kind)


def conform(rows: Iterable[Mapping] | pd.DataFrame, kind: str) -> gpd.GeoDataFrame:
    """Build a GeoDataFrame of ``kind`` from records, in schema column order.

    Missing columns are filled with nulls, unknown columns are kept after the
    schema columns, and every schema column is cast to its dtype.

    Examples
    --------
    >>> from shapely import Point
    >>> df = conform([{"id": "P1", "text": "Kabul", "geometry": Point(69.2, 34.5)}], "place")
    >>> df.crs.to_string(), df.loc[0, "resolved"] is pd.NA
    ('EPSG:4326', True)
    """
    columns = _columns_for(kind)
    # Each column is built once as a typed array and the frame is assembled in
    # one go: casting column by column on a DataFrame costs ~20 ms per table,
    # which dominated extraction time.
    if isinstance(rows, pd.DataFrame):
        frame = rows
        index = frame.index
        n = len(frame)
        extra = [c for c in frame.columns if c not in columns]

        def values_of(name):
            if name not in frame.columns:
                return None
            col = frame[name]
            if name == "geometry" and isinstance(col, gpd.GeoSeries):
                return col.array
            return col.array if name in extra else col.to_numpy(dtype=object)
    else:
        records = rows if isinstance(rows, list) else list(rows)
        index = pd.RangeIndex(len(records))
        n = len(records)
        seen = dict.fromkeys(k for r in records for k in r)
        extra = [k for k in seen if k not in columns]

        def values_of(name):
            if name not in seen:
                return None
            return [r.get(name) for r in records]

    data = {}
    for name, dtype in columns.items():
        data[name] = _typed(values_of(name), dtype, n)
    for name in extra:
        values = values_of(name)
        # extra working columns keep the dtype pandas infers for them
        data[name] = values if isinstance(values, pd.api.extensions.ExtensionArray) else pd.Series(
            values, dtype=None if n else object
        ).array
    return gpd.GeoDataFrame(data, index=index, geometry="geometry", crs=_CRS_OBJ)


def _objects(values, n: int) -> np.ndarray:
    out = np.empty(n, dtype=object)
    if values is not None:
        out[:] = list(values) if not isinstance(values, np.ndarray) else values
    return out


_DTYPES: dict[str, object] = {}


def _pandas_dtype(dtype: str):
    # resolving "Int64"/"string" to dtype objects once keeps conform cheap
    try:
        return _DTYPES[dtype]
    except KeyError:
        return _DTYPES.setdefault(dtype, pd.api.types.pandas_dtype(dtype))


def _typed(values, dtype_name: str, n: int):
    dtype = dtype_name
    if dtype == "geometry":
        if isinstance(values, GeometryArray):
            return values if values.crs is not None else GeometryArray(values._data, crs=_CRS_OBJ)
        return from_shapely(_objects(values, n), crs=_CRS_OBJ)
    if dtype == "object":
        return _objects(values, n)
    dtype = _pandas_dtype(dtype_name)
    if values is None:
        return pd.array([None] * n, dtype=dtype) if n else pd.array([], dtype=dtype)
    try:
        if dtype_name.startswith("datetime64"):
            return pd.to_datetime(pd.Series(values, dtype=object), errors="coerce").astype(dtype).array
        if dtype_name == "float64":
            return np.asarray(values, dtype="float64")
        if dtype_name == "string" and getattr(dtype, "storage", None) == "pyarrow":
            # straight to Arrow: pandas' own string constructor costs ~3x more
            try:
                return ArrowStringArray(pa.array(values, type=pa.large_string(), from_pandas=True))
            except (pa.ArrowException, TypeError, ValueError):
                pass
        return pd.array(values, dtype=dtype)
    except (TypeError, ValueError):
        # mixed or textual values (e.g. "3" for an Int64 column): pandas'
        # casting rules, at the slower Series path
        return pd.Series(values, dtype=object).astype(dtype).array
