"""GeoPackage and KML through pyogrio/GDAL: one layer (folder) per kind.

GeoPackage layers: ``incidents``, ``places``, ``claims``, ``stances`` (always
all four, empty ones included, so QGIS shows the same layer list for every
report), ``place_footprints`` (polygons of areal places: ``id``, ``name``,
``text``) and a non-spatial ``report`` table (``title``, ``published``,
``source``).  Dates are GeoPackage DATE fields, booleans are boolean
sub-typed integers, stances have a geometry column that is null.  The
``last_change`` timestamps GeoPackage stores are pinned (to the report's
publication date, else 1970-01-01) so the same report gives the same bytes.

KML (GDAL's LIBKML driver): one folder per kind plus ``place_footprints``;
``<name>`` is the location (incidents), the mention text (places),
"reference to target" (claims) or "actor stance toward" (stances) and
``<description>`` the source sentence or quote; every column also goes to
``ExtendedData`` typed by a ``<Schema>``.  GDAL escapes the text (CDATA).
KML has no date or 64-bit integer type: dates are written as text and
integers as 32-bit ``int``; both are restored on reading.  Columns whose
names LIBKML maps onto KML elements (``name``, ``end``, ``timestamp``, ...)
travel as ``name_``, ``end_``, ``timestamp_`` and are renamed back on
reading.  Empty strings cannot be told from missing values in KML, and
C0 control characters (other than tab and newline), which XML cannot hold,
are written as U+FFFD.  A ``]]>`` in the text is split across two CDATA
sections (libkml leaves it unsplit, which would break the file).
"""

from __future__ import annotations

from pathlib import Path

import geopandas as gpd
import pandas as pd
import pyarrow as pa
import pyogrio

from geoconflict.errors import InputError
from geoconflict._io_common import (
    FOOTPRINT_LAYER,
    KIND_OF_LAYER,
    KINDS,
    LAYER_NAMES,
    REPORT_TABLE,
    footprints,
    restore,
    to_arrow,
    write_layer,
)

__all__: list[str] = []

# Field names LIBKML maps onto KML elements (<name>, <TimeSpan><end>, ...)
# instead of ExtendedData; our columns with these names travel as NAME_.
_KML_RESERVED = (
    "name", "description", "timestamp", "begin", "end", "altitudeMode", "tessellate",
    "extrude", "visibility", "drawOrder", "icon", "snippet",
)
# ... and what LIBKML hands back for them when reading.
_KML_BOOKKEEPING = ("Name", *_KML_RESERVED)


# --------------------------------------------------------------------------- GeoPackage


def write_gpkg(tables: dict[str, gpd.GeoDataFrame], meta: dict, path: Path) -> None:
    published = meta.get("published")
    stamp = f"{published}T00:00:00.000Z" if published else "1970-01-01T00:00:00.000Z"
    previous = pyogrio.get_gdal_config_option("OGR_CURRENT_DATE")
    pyogrio.set_gdal_config_options({"OGR_CURRENT_DATE": stamp})
    try:
        for kind in KINDS:
            frame = tables[kind].drop(columns=["footprint"], errors="ignore")
            write_layer(to_arrow(frame), path, driver="GPKG", layer=LAYER_NAMES[kind])
        write_layer(to_arrow(footprints(tables["place"])), path, driver="GPKG", layer=FOOTPRINT_LAYER)
        if "reports" in meta:
            # a collection: one row per report, keyed by the tables' report_id
            rows = meta["reports"]
            keys = ("report_id", "title", "published", "source", "error")
            info = pa.table({k: pa.array([r.get(k) for r in rows], type=pa.string()) for k in keys})
        else:
            info = pa.table({k: pa.array([meta.get(k)], type=pa.string()) for k in ("title", "published", "source")})
        write_layer(info, path, driver="GPKG", layer=REPORT_TABLE, geometry=False)
    finally:
        pyogrio.set_gdal_config_options({"OGR_CURRENT_DATE": previous})


def read_gpkg(path: Path) -> tuple[dict[str, gpd.GeoDataFrame], dict]:
    layers = {str(name) for name, _ in pyogrio.list_layers(path)}
    found = [layer for layer in LAYER_NAMES.values() if layer in layers]
    if not found:
        # A GeoPackage from elsewhere: its first layer, as incidents if it
        # looks like events, else places.
        first = sorted(layers)[0] if layers else None
        if first is None:
            raise InputError(f"{path} has no layers")
        frame = pyogrio.read_dataframe(path, layer=first)
        kind = "incident" if {"event_date", "event_type", "layer"} & set(frame.columns) else "place"
        return {kind: restore(frame, kind, where=f"{path}:{first}")}, {}
    tables = {}
    for layer in found:
        kind = KIND_OF_LAYER[layer]
        frame = pyogrio.read_dataframe(path, layer=layer)
        tables[kind] = restore(frame, kind, where=f"{path}:{layer}")
    if FOOTPRINT_LAYER in layers and "place" in tables:
        shapes = pyogrio.read_dataframe(path, layer=FOOTPRINT_LAYER)
        _attach_footprints(tables["place"], shapes)
    meta = {}
    if REPORT_TABLE in layers:
        info = pyogrio.read_dataframe(path, layer=REPORT_TABLE, read_geometry=False)
        if "report_id" in info.columns:
            meta = {"title": f"{len(info)} reports"}  # written from a collection
        elif len(info):
            meta = {k: (None if pd.isna(v) else str(v)) for k, v in info.iloc[0].items()}
    return tables, meta


def _attach_footprints(places: gpd.GeoDataFrame, shapes: pd.DataFrame) -> None:
    if "id" not in shapes.columns:  # an empty layer may come back without fields
        return
    by_id = {str(i): g for i, g in zip(shapes["id"], shapes["geometry"]) if g is not None}
    import shapely

    places["footprint"] = pd.Series(
        [
            shapely.force_2d(by_id[str(i)]) if (not pd.isna(i) and str(i) in by_id) else None
            for i in places["id"]
        ],
        index=places.index,
        dtype=object,
    )


# --------------------------------------------------------------------------- KML


def _label(kind: str, frame: pd.DataFrame) -> tuple[pd.Series, pd.Series]:
    def text(col):
        return frame[col].astype("string").fillna("")

    if kind == "incident":
        name = frame["location"].astype("string").fillna(frame["id"].astype("string"))
        return name, frame["notes"].astype("string")
    if kind == "place":
        return frame["text"].astype("string"), frame["name"].astype("string")
    if kind == "claim":
        return (text("reference") + " to " + text("target")).astype("string"), frame["notes"].astype("string")
    return (
        (text("actor") + " " + text("stance") + " " + text("toward")).str.strip().astype("string"),
        frame["quote"].astype("string"),
    )


# libkml wraps text containing markup characters in CDATA but does not split a
# "]]>" inside it, which ends the section early and breaks the file (and lets
# report text inject XML).  Such text is written with a marker after "]]" and
# the marker is turned into a proper CDATA split afterwards: the text still
# contains ">", so libkml always puts it in CDATA.
_CDATA_MARK = "\ue000\ue001gc\ue002"
_CDATA_SPLIT = "]]]]><![CDATA["
# XML 1.0 cannot hold C0 control characters other than tab, newline, return.
_XML_INVALID = {c: "\ufffd" for c in range(32) if c not in (9, 10, 13)}


def _kml_text(value):
    if not isinstance(value, str):
        return value
    if _CDATA_MARK in value:
        raise InputError("text contains geoconflict's private KML marker U+E000 U+E001; cannot write KML")
    return value.replace("]]>", "]]" + _CDATA_MARK + ">").translate(_XML_INVALID)


def _kml_safe(frame: pd.DataFrame) -> pd.DataFrame:
    out = frame.copy()
    for name in out.columns:
        if name != "geometry" and (out[name].dtype == object or pd.api.types.is_string_dtype(out[name].dtype)):
            out[name] = out[name].map(_kml_text).astype(out[name].dtype)
    return out


def write_kml(tables: dict[str, gpd.GeoDataFrame], meta: dict, path: Path) -> None:
    _write_kml_layers(tables, path)
    text = path.read_text(encoding="utf-8")
    if _CDATA_MARK in text:
        path.write_text(text.replace("]]" + _CDATA_MARK + ">", _CDATA_SPLIT + ">"), encoding="utf-8")


def _write_kml_layers(tables: dict[str, gpd.GeoDataFrame], path: Path) -> None:
    for kind in KINDS:
        frame = tables[kind].drop(columns=["footprint"], errors="ignore")
        frame = frame.rename(columns={c: f"{c}_" for c in _KML_RESERVED if c in frame.columns})
        name, description = _label(kind, tables[kind])
        frame.insert(0, "name", name.to_numpy())
        frame.insert(1, "description", description.to_numpy())
        write_layer(to_arrow(_kml_safe(frame), int32=True), path, driver="LIBKML", layer=LAYER_NAMES[kind])
    shapes = footprints(tables["place"]).rename(columns={"id": "place_id", "name": "name_"})
    shapes.insert(0, "name", shapes["text"].to_numpy())
    write_layer(to_arrow(_kml_safe(shapes), int32=True), path, driver="LIBKML", layer=FOOTPRINT_LAYER)


def read_kml(path: Path) -> tuple[dict[str, gpd.GeoDataFrame], dict]:
    layers = {str(name) for name, _ in pyogrio.list_layers(path)}
    tables = {}
    for layer, kind in KIND_OF_LAYER.items():
        if layer not in layers:
            continue
        frame = pd.DataFrame(pyogrio.read_dataframe(path, layer=layer))
        frame = frame.drop(columns=[c for c in _KML_BOOKKEEPING if c in frame.columns])
        frame = frame.rename(columns={f"{c}_": c for c in _KML_RESERVED if f"{c}_" in frame.columns})
        tables[kind] = restore(frame, kind, where=f"{path}:{layer}")
    if not tables:
        raise InputError(
            f"{path} has no geoconflict folders ({', '.join(LAYER_NAMES.values())}); "
            "KML import reads files written by geoconflict export"
        )
    if FOOTPRINT_LAYER in layers and "place" in tables:
        shapes = pyogrio.read_dataframe(path, layer=FOOTPRINT_LAYER).drop(columns=["id"], errors="ignore")
        shapes = shapes.rename(columns={"place_id": "id"})
        _attach_footprints(tables["place"], shapes)
    return tables, {}
