"""GeoJSON (RFC 7946): one FeatureCollection holding every kind of record.

GDAL's GeoJSON driver writes one layer per file and would pad every feature
with the properties of all kinds, so each kind is written by GDAL on its own
(``RFC7946=YES``: WGS84 lon/lat, no ``crs`` member, counter-clockwise exterior
rings, 7 decimals) and the features are then concatenated into one collection.
Coordinates are never formatted here: Python's ``json`` re-emits each number
GDAL wrote as the shortest text that denotes the same double, so nothing
beyond GDAL's 7 decimals appears.

Layout of the collection
------------------------
- ``properties.kind`` is ``incident``, ``place``, ``claim`` or ``stance``;
  each feature carries only the columns of its kind.
- Areal places (a province) appear twice: their representative point as the
  ``place`` feature, and their polygon as an extra feature with
  ``kind: "place"``, ``role: "footprint"`` and the same ``id`` (plus
  ``name``/``text``).  Readers that want points only skip ``role``.
- Unresolved places and stances have ``"geometry": null``.
- A foreign member ``"geoconflict"`` holds the report's ``title``,
  ``published`` and ``source`` (allowed by RFC 7946 section 6.1).
"""

from __future__ import annotations

import io
import json
from pathlib import Path

import geopandas as gpd
import pandas as pd
import pyogrio

from geoconflict.errors import InputError
from geoconflict._io_common import (
    KINDS,
    drop_empty_extras,
    footprints,
    restore,
    to_arrow,
    write_layer,
)

__all__: list[str] = []

_LAYER_OPTIONS = {"RFC7946": "YES", "COORDINATE_PRECISION": "7", "WRITE_NON_FINITE_VALUES": "NO"}


def _gdal_features(frame: gpd.GeoDataFrame, layer: str) -> list[dict]:
    buf = io.BytesIO()
    write_layer(to_arrow(frame), buf, driver="GeoJSON", layer=layer, layer_options=_LAYER_OPTIONS)
    return json.loads(buf.getvalue().decode("utf-8"))["features"]


def write_geojson(tables: dict[str, gpd.GeoDataFrame], meta: dict, path: Path) -> None:
    features: list[dict] = []
    for kind in KINDS:
        frame = tables[kind]
        if frame.empty:
            continue
        body = frame.drop(columns=["footprint"], errors="ignore")
        body.insert(0, "kind", kind)
        features.extend(_gdal_features(body, kind))
        if kind == "place":
            polygons = footprints(frame)
            if not polygons.empty:
                polygons.insert(0, "kind", "place")
                polygons.insert(1, "role", "footprint")
                features.extend(_gdal_features(polygons, "place_footprints"))
    # Fixed key order and one feature per line: diff-friendly and byte-stable.
    header = {
        "type": "FeatureCollection",
        "name": "geoconflict",
        "geoconflict": {k: meta[k] for k in ("title", "published", "source", "reports") if k in meta},
    }
    lines = ["{"]
    for key, value in header.items():
        lines.append(f"{json.dumps(key)}: {json.dumps(value, ensure_ascii=False, allow_nan=False)},")
    lines.append('"features": [')
    body = [json.dumps(f, ensure_ascii=False, allow_nan=False) for f in features]
    lines.append(",\n".join(body))
    lines.append("]")
    lines.append("}")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def _read_meta(path: Path) -> dict:
    """The ``geoconflict`` foreign member, which write_geojson puts on its own
    line before the features (so a large file need not be parsed twice)."""
    try:
        with open(path, encoding="utf-8") as fh:
            head = [fh.readline() for _ in range(8)]
    except UnicodeDecodeError:
        raise InputError(f"{path} is not UTF-8 text; GeoJSON must be UTF-8 (RFC 7946)") from None
    for line in head:
        if line.startswith('"geoconflict": '):
            try:
                value = json.loads(line[len('"geoconflict": '):].rstrip().rstrip(","))
            except json.JSONDecodeError:
                return {}
            return value if isinstance(value, dict) else {}
    return {}


def read_geojson(path: Path) -> tuple[dict[str, gpd.GeoDataFrame], dict]:
    meta = _read_meta(path)
    # Dates stay text so that GDAL's guessing cannot turn a note into a date.
    frame = pd.DataFrame(pyogrio.read_dataframe(path, DATE_AS_STRING="YES"))
    if frame.empty:
        return {}, meta
    if "kind" not in frame.columns:
        # A plain FeatureCollection from elsewhere: incidents if it looks like
        # events, else places.
        guess = "incident" if {"event_date", "event_type", "layer"} & set(frame.columns) else "place"
        frame["kind"] = guess
    unknown = sorted(set(frame["kind"].dropna().astype(str)) - set(KINDS))
    if unknown or frame["kind"].isna().any():
        raise InputError(
            f"{path}: properties.kind must be one of {', '.join(KINDS)}; found "
            f"{', '.join(unknown) if unknown else 'features without kind'}"
        )
    role = frame["role"] if "role" in frame.columns else pd.Series(None, index=frame.index, dtype=object)
    is_footprint = role.astype("string").fillna("") == "footprint"
    tables: dict[str, gpd.GeoDataFrame] = {}
    for kind in KINDS:
        rows = frame.loc[(frame["kind"] == kind) & ~is_footprint].drop(columns=["kind", "role"], errors="ignore")
        rows = drop_empty_extras(rows, kind)
        tables[kind] = restore(rows, kind, where=f"{path} ({kind} features)")
    shapes = frame.loc[is_footprint]
    if not shapes.empty:
        by_id = dict(zip(shapes["id"].astype(str), shapes["geometry"]))
        places = tables["place"]
        places["footprint"] = pd.Series(
            [by_id.get(str(i)) if not pd.isna(i) else None for i in places["id"]],
            index=places.index,
            dtype=object,
        )
    return tables, meta
