"""User layers: extra places from CSV, GeoJSON or a GeoNames dump file.

Every reader returns :class:`gazetteer.sources.PlaceRecord` rows and raises
:class:`gazetteer.errors.LayerFormatError` naming the line (or feature) and
column that is wrong and the format that was expected.  The bundled curated
layer (``gazetteer/data/curated.csv``) goes through the same CSV reader.
"""

from __future__ import annotations

import csv
import io
import math
import re
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from gazetteer.errors import LayerFormatError
from gazetteer.model import FEATURE_TYPES
from gazetteer.sources import PlaceRecord, radius_from_area, radius_from_population

__all__ = [
    "CSV_FORMAT",
    "GEONAMES_FORMAT",
    "records_from_csv",
    "records_from_rows",
    "records_from_geojson",
    "records_from_geonames_dump",
    "read_layer",
    "layer_name_for",
]

CSV_FORMAT = (
    "CSV with a header row: name,lat,lon required; optional aliases ('|'-separated), "
    f"feature_type (one of {', '.join(FEATURE_TYPES)}), country_code (ISO alpha-2), admin1, radius_m, source, id"
)
GEONAMES_FORMAT = (
    "GeoNames dump (allCountries.txt / citiesN.txt): UTF-8, tab-separated, 19 columns "
    "geonameid, name, asciiname, alternatenames, latitude, longitude, feature class, feature code, "
    "country code, cc2, admin1 code, admin2 code, admin3 code, admin4 code, population, elevation, dem, "
    "timezone, modification date"
)
_LAYER_NAME = re.compile(r"[^A-Za-z0-9_.-]+")


def layer_name_for(name: Any = None, source: Any = None) -> str:
    """A safe layer name: the given ``name``, else the file stem of ``source``.

    Examples
    --------
    >>> layer_name_for(source="/tmp/My Places.csv")
    'My_Places'
    >>> layer_name_for("field notes v2.1")
    'field_notes_v2.1'
    """
    if name:
        raw = str(name)
    elif isinstance(source, (str, Path)):
        raw = Path(source).stem
    else:
        raw = "dataframe"
    return _LAYER_NAME.sub("_", raw).strip("_") or "layer"


def _float(value: Any, where: str, column: str, fmt: str, lo: float, hi: float) -> float:
    try:
        x = float(value)
    except (TypeError, ValueError):
        raise LayerFormatError(f"{where}, column {column!r}: {value!r} is not a number; expected {fmt}") from None
    if not math.isfinite(x) or not lo <= x <= hi:
        raise LayerFormatError(f"{where}, column {column!r}: {x} is outside {lo}..{hi}; expected {fmt}")
    return x


def _text(value: Any) -> str:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return ""
    return str(value).strip()


def records_from_rows(
    rows: Iterable[dict[str, Any]],
    *,
    id_prefix: str,
    default_source: str,
    where: str = "row",
    first_line: int = 1,
    admin1_lookup=None,
) -> list[PlaceRecord]:
    """Turn dict rows with the CSV layer columns into :class:`PlaceRecord` rows.

    Parameters
    ----------
    rows : iterable of dict
        Keys ``name``, ``lat``, ``lon`` and optionally ``aliases``,
        ``feature_type``, ``country_code``, ``admin1``, ``radius_m``,
        ``source``, ``id``.
    id_prefix : str
        Prefix of the gazetteer ids (``"curated"``, ``"user:mylayer"``).
    default_source : str
        ``source`` for rows that do not give one.
    where : str
        How to name a row in error messages (``"line"`` for files).
    first_line : int
        Number of the first row in error messages.
    """
    out: list[PlaceRecord] = []
    seen_ids: set[str] = set()
    for i, row in enumerate(rows, start=first_line):
        loc = f"{where} {i}"
        name = _text(row.get("name"))
        if not name:
            raise LayerFormatError(f"{loc}, column 'name': empty place name; expected {CSV_FORMAT}")
        lat = _float(row.get("lat"), loc, "lat", CSV_FORMAT, -90, 90)
        lon = _float(row.get("lon"), loc, "lon", CSV_FORMAT, -180, 180)
        ftype = _text(row.get("feature_type")) or "landmark"
        if ftype not in FEATURE_TYPES:
            raise LayerFormatError(
                f"{loc}, column 'feature_type': {ftype!r} is not one of {', '.join(FEATURE_TYPES)}"
            )
        radius_raw = _text(row.get("radius_m"))
        radius = _float(radius_raw, loc, "radius_m", CSV_FORMAT, 0, 2.1e7) if radius_raw else 0.0
        cc = _text(row.get("country_code")).upper() or None
        if cc is not None and not re.fullmatch(r"[A-Z]{2}", cc):
            raise LayerFormatError(f"{loc}, column 'country_code': {cc!r} is not an ISO 3166-1 alpha-2 code like 'PK'")
        admin1 = _text(row.get("admin1")) or None
        admin1_code = None
        if admin1_lookup is not None:
            if admin1:
                admin1, admin1_code = admin1_lookup.by_name(cc, admin1)
            else:
                admin1, admin1_code = admin1_lookup.at(lat, lon)
        raw_id = _text(row.get("id")) or str(i - first_line + 1)  # default: data row number
        if raw_id.startswith(id_prefix + ":"):
            raw_id = raw_id[len(id_prefix) + 1 :]
        gid = f"{id_prefix}:{raw_id}"
        if gid in seen_ids:
            raise LayerFormatError(f"{loc}, column 'id': duplicate id {raw_id!r}; ids must be unique within a layer")
        seen_ids.add(gid)
        aliases = [a.strip() for a in _text(row.get("aliases")).split("|") if a.strip()]
        names = [(name, 0)] + [(a, 1) for a in dict.fromkeys(aliases) if a != name]
        out.append(
            PlaceRecord(
                gazetteer_id=gid,
                name=name,
                lat=lat,
                lon=lon,
                country_code=cc,
                admin1=admin1,
                admin1_code=admin1_code,
                feature_type=ftype,
                population=0,
                precision_m=radius,
                source=_text(row.get("source")) or default_source,
                names=names,
            )
        )
    return out


def records_from_csv(path, *, id_prefix: str, default_source: str, admin1_lookup=None) -> list[PlaceRecord]:
    """Read a CSV layer (see :data:`CSV_FORMAT`)."""
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError as exc:
        raise LayerFormatError(f"{path}: not UTF-8 text ({exc}); expected {CSV_FORMAT}") from None
    except OSError as exc:
        raise LayerFormatError(f"{path}: cannot read ({exc.strerror})") from None
    reader = csv.DictReader(io.StringIO(text))
    header = [h.strip() for h in (reader.fieldnames or [])]
    missing = [c for c in ("name", "lat", "lon") if c not in header]
    if missing:
        raise LayerFormatError(
            f"{path}, line 1: header lacks column(s) {', '.join(missing)}; expected {CSV_FORMAT}"
        )
    reader.fieldnames = header

    def rows():
        for row in reader:
            if None in row:
                raise LayerFormatError(
                    f"{path}, line {reader.line_num}: more fields than the {len(header)} header columns; "
                    f"expected {CSV_FORMAT}"
                )
            yield row

    return records_from_rows(
        rows(), id_prefix=id_prefix, default_source=default_source, where=f"{path}, line", first_line=2,
        admin1_lookup=admin1_lookup,
    )


def records_from_geojson(path, *, id_prefix: str, default_source: str) -> tuple[list[PlaceRecord], dict[str, Any]]:
    """Read a GeoJSON layer of Points or Polygons with a ``name`` property.

    Returns the records and ``{gazetteer_id: shapely geometry}`` for areal
    features (their representative point becomes ``lat``/``lon`` and the
    farthest vertex the precision radius).
    """
    import pyogrio
    import shapely
    from pyproj import Geod

    path = Path(path)
    fmt = "a GeoJSON FeatureCollection of Point/Polygon/MultiPolygon features with a 'name' property"
    try:
        df = pyogrio.read_dataframe(path)
    except Exception as exc:  # pyogrio raises several DataSource/field errors
        raise LayerFormatError(f"{path}: cannot read as GeoJSON ({exc}); expected {fmt}") from None
    if "name" not in df.columns:
        raise LayerFormatError(f"{path}: features have no 'name' property; expected {fmt}")
    if df.crs is not None and df.crs.to_epsg() not in (4326, None):
        df = df.to_crs(4326)
    geod = Geod(ellps="WGS84")
    rows, shapes = [], {}
    for i, rec in enumerate(df.itertuples(index=False), start=1):
        d = rec._asdict()
        geom = d.pop("geometry", None)
        if geom is None or geom.is_empty:
            raise LayerFormatError(f"{path}, feature {i} ({_text(d.get('name'))!r}): no geometry; expected {fmt}")
        gtype = geom.geom_type
        row = dict(d)
        if gtype == "Point":
            row["lat"], row["lon"] = geom.y, geom.x
        elif gtype in ("Polygon", "MultiPolygon"):
            pt = geom.representative_point()
            row["lat"], row["lon"] = pt.y, pt.x
            if not _text(row.get("radius_m")):
                coords = shapely.get_coordinates(geom.exterior if gtype == "Polygon" else geom.convex_hull.exterior)
                _, _, dist = geod.inv([pt.x] * len(coords), [pt.y] * len(coords), coords[:, 0], coords[:, 1])
                row["radius_m"] = float(max(dist)) if len(dist) else 0.0
            row.setdefault("feature_type", None)
            if not _text(row.get("feature_type")):
                row["feature_type"] = "area"
        else:
            raise LayerFormatError(f"{path}, feature {i}: geometry type {gtype} not supported; expected {fmt}")
        rows.append((row, geom if gtype != "Point" else None))
    recs = records_from_rows(
        [r for r, _ in rows], id_prefix=id_prefix, default_source=default_source, where=f"{path}, feature"
    )
    for rec, (_, geom) in zip(recs, rows):
        if geom is not None:
            shapes[rec.gazetteer_id] = geom
    return recs, shapes


_FEATURE_CODE_TYPES = {"PCLI": "country", "PCLD": "country", "PCLIX": "country", "PCLS": "country", "PCLF": "country", "ADM1": "admin1"}


def records_from_geonames_dump(path, *, id_prefix: str, default_source: str = "GeoNames") -> list[PlaceRecord]:
    """Read a GeoNames dump (``allCountries.txt``, ``cities500.txt``...; :data:`GEONAMES_FORMAT`)."""
    path = Path(path)
    out: list[PlaceRecord] = []
    try:
        f = path.open("r", encoding="utf-8", newline="\n")
    except OSError as exc:
        raise LayerFormatError(f"{path}: cannot read ({exc.strerror})") from None
    with f:
        try:
            for lineno, line in enumerate(f, start=1):
                line = line.rstrip("\r\n")
                if not line or line.startswith("#"):
                    continue
                cols = line.split("\t")
                where = f"{path}, line {lineno}"
                if len(cols) != 19:
                    raise LayerFormatError(f"{where}: {len(cols)} tab-separated columns, expected 19 ({GEONAMES_FORMAT})")
                gid, name, ascii_name, alts = cols[0], cols[1].strip(), cols[2].strip(), cols[3]
                if not gid.strip().isdigit():
                    raise LayerFormatError(f"{where}, column 1 (geonameid): {gid!r} is not an integer; expected {GEONAMES_FORMAT}")
                if not name:
                    raise LayerFormatError(f"{where}, column 2 (name): empty; expected {GEONAMES_FORMAT}")
                lat = _float(cols[4], where, "5 (latitude)", GEONAMES_FORMAT, -90, 90)
                lon = _float(cols[5], where, "6 (longitude)", GEONAMES_FORMAT, -180, 180)
                fclass, fcode, cc, a1 = cols[6], cols[7], cols[8].strip().upper() or None, cols[10].strip()
                pop_raw = cols[14].strip()
                try:
                    pop = int(pop_raw) if pop_raw else 0
                except ValueError:
                    raise LayerFormatError(f"{where}, column 15 (population): {pop_raw!r} is not an integer") from None
                ftype = _FEATURE_CODE_TYPES.get(fcode) or ("city" if fclass == "P" else "area" if fclass in ("A", "L") else "landmark")
                names = [(name, 0)]
                for n in [ascii_name, *alts.split(",")]:
                    n = n.strip()
                    if n and n != name and (n, 1) not in names:
                        names.append((n, 1))
                out.append(
                    PlaceRecord(
                        gazetteer_id=f"{id_prefix}:{gid.strip()}",
                        name=name,
                        lat=lat,
                        lon=lon,
                        country_code=cc,
                        admin1=None,
                        admin1_code=f"{cc}.{a1}" if cc and a1 else None,
                        feature_type=ftype,
                        population=pop,
                        precision_m=radius_from_population(pop) if ftype == "city" else 0.0,
                        source=default_source,
                        names=names,
                    )
                )
        except UnicodeDecodeError as exc:
            raise LayerFormatError(f"{path}: not UTF-8 text ({exc}); expected {GEONAMES_FORMAT}") from None
    if not out:
        raise LayerFormatError(f"{path}: no places found; expected {GEONAMES_FORMAT}")
    return out


def _sniff(path: Path) -> str:
    suffix = "".join(path.suffixes[-2:]).lower()
    if path.suffix.lower() in (".geojson", ".json"):
        return "geojson"
    if path.suffix.lower() == ".csv":
        return "csv"
    if path.suffix.lower() == ".txt" or suffix.endswith(".tsv"):
        return "geonames"
    try:
        head = path.open("r", encoding="utf-8", errors="replace").readline()
    except OSError as exc:
        raise LayerFormatError(f"{path}: cannot read ({exc.strerror})") from None
    if head.lstrip().startswith("{"):
        return "geojson"
    if head.count("\t") == 18:
        return "geonames"
    return "csv"


def read_layer(source: Any, layer: str, admin1_lookup=None) -> tuple[list[PlaceRecord], dict[str, Any]]:
    """Read a user layer from a path (CSV, GeoJSON, GeoNames dump) or a DataFrame.

    Returns the records (ids ``user:<layer>:<id>``) and the polygons of areal
    features keyed by gazetteer id.
    """
    prefix = f"user:{layer}"
    source_label = f"user layer {layer}"
    if hasattr(source, "to_dict") and hasattr(source, "columns"):
        df = source
        rows = []
        if "geometry" in df.columns and not {"lat", "lon"} <= set(df.columns):
            for rec in df.to_dict("records"):
                geom = rec.pop("geometry", None)
                if geom is not None and not geom.is_empty:
                    pt = geom if geom.geom_type == "Point" else geom.representative_point()
                    rec["lat"], rec["lon"] = pt.y, pt.x
                rows.append(rec)
        else:
            rows = df.to_dict("records")
        missing = [c for c in ("name", "lat", "lon") if not rows or c not in rows[0]]
        if missing:
            raise LayerFormatError(f"DataFrame lacks column(s) {', '.join(missing)}; expected {CSV_FORMAT}")
        return records_from_rows(rows, id_prefix=prefix, default_source=source_label, admin1_lookup=admin1_lookup), {}
    path = Path(source)
    if not path.exists():
        raise LayerFormatError(f"{path}: no such file; pass a CSV, GeoJSON or GeoNames dump path")
    kind = _sniff(path)
    if kind == "csv":
        return records_from_csv(path, id_prefix=prefix, default_source=source_label, admin1_lookup=admin1_lookup), {}
    if kind == "geojson":
        return records_from_geojson(path, id_prefix=prefix, default_source=source_label)
    return records_from_geonames_dump(path, id_prefix=prefix), {}
