"""Turn a :class:`~geoconflict.report.Report` into the map's compact data payload.

Incidents travel column-wise with a shared string table (a sentence naming
three places is stored once for its three incidents), which keeps 100,000
incidents within a few MB; popups are built from it in the browser on click.
"""

from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

import numpy as np
import pandas as pd
import shapely

from geoconflict._map_basemap import (
    BoundariesUnavailable,
    country_geometry,
    rounded_geojson,
    unwrap_antimeridian,
)
from geoconflict._map_security import clean
from geoconflict.schema import GEO_PRECISION, LAYERS, STANCES, VERDICTS

__all__ = [
    "MapData",
    "build_map_data",
    "LAYER_NAMES",
    "PALETTE",
    "OTHER_ACTOR_COLOR",
    "UNKNOWN_ACTOR_COLOR",
    "SHAPES",
    "OTHER_SHAPE",
    "PRECISION_STYLE",
    "STANCE_COLORS",
    "STANCE_OPACITY",
    "VERDICT_COLORS",
    "LINK_COLOR",
]

#: Map layer title of each incident ``layer`` value.
LAYER_NAMES = {
    "strike": "Strikes",
    "retaliation": "Retaliations",
    "clash": "Clashes",
    "protest": "Protests",
    "other": "Other",
}

#: Categorical palette (Tableau 10 without its grey), assigned to actors by frequency.
PALETTE = ("#4e79a7", "#f28e2b", "#e15759", "#76b7b2", "#59a14f",
           "#edc948", "#b07aa1", "#ff9da7", "#9c755f")
OTHER_ACTOR_COLOR = "#bab0ac"
UNKNOWN_ACTOR_COLOR = "#555555"

#: ACLED event_type -> (symbol name, polygon sides (0 = circle), rotation in radians).
SHAPES: dict[str, tuple[str, int, float]] = {
    "Explosions/Remote violence": ("triangle", 3, -math.pi / 2),
    "Battles": ("square", 4, math.pi / 4),
    "Violence against civilians": ("diamond", 4, 0.0),
    "Protests": ("circle", 0, 0.0),
    "Riots": ("inverted triangle", 3, math.pi / 2),
    "Strategic developments": ("pentagon", 5, -math.pi / 2),
}
OTHER_SHAPE = ("hexagon", 6, 0.0)

#: Marker style by ACLED geo_precision: vaguer locations are larger, paler and dashed.
PRECISION_STYLE: dict[str, dict[str, Any]] = {
    "1": {"radius": 7, "weight": 1.5, "fill": 0.9, "dash": None, "stroke": "#222222"},
    "2": {"radius": 8, "weight": 2, "fill": 0.6, "dash": "4 3", "stroke": None},
    "3": {"radius": 10, "weight": 2.5, "fill": 0.35, "dash": "2 4", "stroke": None},
}

STANCE_COLORS = {
    "supports": "#1a9850",
    "condemns": "#d73027",
    "calls_for_restraint": "#4575b4",
    "concern": "#fdae61",
    "engages": "#9e6ebd",
}
#: Light enough that incidents and borders stay readable on a shaded country.
STANCE_OPACITY = 0.22
VERDICT_COLORS = {
    "consistent": "#1a9850",
    "overstated": "#d95f02",
    "understated": "#7570b3",
    "unverifiable": "#7f7f7f",
}
LINK_COLOR = "#b2182b"
_AREA_STYLE = {"color": "#6a3d9a", "weight": 2, "dashArray": "5 4", "fillColor": "#cab2d6",
               "fillOpacity": 0.25}
_PLACE_STYLE = {"radius": 4, "color": "#333333", "weight": 1, "fillColor": "#ffffff", "fillOpacity": 0.9}


@dataclass
class MapData:
    """Everything the map draws, plus what the legend needs to explain it."""

    payload: dict[str, Any]
    layers_present: list[str]          # incident layer codes with at least one incident
    actors: list[tuple[str, str]]      # (label, colour) in legend order
    shapes: list[tuple[str, str, int, float]]  # (event type, symbol, sides, rotation)
    precisions: list[int]
    verdicts: list[str]
    stances: list[str]
    stance_off_map: list[str]
    n_incidents: int
    n_links: int
    n_claims: int
    n_areas: int
    n_places: int
    n_stance_countries: int
    dates: list[str]
    bounds: tuple[float, float, float, float] | None  # minx, miny, maxx, maxy
    notes: list[str] = field(default_factory=list)


class _Strings:
    """A string table: each distinct string stored once, referenced by index."""

    def __init__(self) -> None:
        self.index: dict[str, int] = {}
        self.values: list[str] = []

    def __call__(self, value: Any) -> int:
        value = clean(value)
        if value is None:
            return -1
        text = str(value)
        if text == "":
            return -1
        idx = self.index.get(text)
        if idx is None:
            idx = self.index[text] = len(self.values)
            self.values.append(text)
        return idx


    def column(self, values: pd.Series) -> list[int]:
        """Indices of a whole column (-1 for missing or empty), interned in row order."""
        text = values.astype("string")
        text = text.where(text.str.strip() != "", None)
        codes, uniques = pd.factorize(text, use_na_sentinel=True)
        index, values = self.index, self.values
        table = np.empty(len(uniques) + 1, dtype=np.int64)
        table[-1] = -1
        for k, u in enumerate(uniques):  # already non-empty strings: no cleaning needed
            idx = index.get(u)
            if idx is None:
                idx = index[u] = len(values)
                values.append(u)
            table[k] = idx
        return table[codes].tolist()  # code -1 picks the trailing -1


def _column(frame: pd.DataFrame, name: str) -> pd.Series:
    if name in frame.columns:
        return frame[name]
    return pd.Series([None] * len(frame), index=frame.index, dtype="object")


def _point_xy(frame: pd.DataFrame) -> tuple[np.ndarray, np.ndarray]:
    """Longitude/latitude of each row (NaN when unknown): the point geometry, else
    the latitude/longitude columns; other geometries give their representative point."""
    n = len(frame)
    x = np.full(n, np.nan)
    y = np.full(n, np.nan)
    if "geometry" in frame.columns and n:
        geoms = np.asarray(frame.geometry.values, dtype=object)
        present = ~(shapely.is_missing(geoms) | shapely.is_empty(geoms))
        if present.any():
            pts = geoms[present]
            not_point = shapely.get_type_id(pts) != 0
            if not_point.any():
                pts = pts.copy()
                pts[not_point] = shapely.point_on_surface(pts[not_point])
            x[present] = shapely.get_x(pts)
            y[present] = shapely.get_y(pts)
    missing = np.isnan(x)
    if missing.any():
        lat = pd.to_numeric(_column(frame, "latitude"), errors="coerce").to_numpy(dtype=float, na_value=np.nan)
        lon = pd.to_numeric(_column(frame, "longitude"), errors="coerce").to_numpy(dtype=float, na_value=np.nan)
        x[missing], y[missing] = lon[missing], lat[missing]
    bad = ~(np.isfinite(x) & np.isfinite(y)) | (np.abs(y) > 90) | (np.abs(x) > 180)
    x[bad] = np.nan
    y[bad] = np.nan
    return np.round(x, 5), np.round(y, 5)


def _ints(values: pd.Series, missing: int) -> list[int]:
    """Whole numbers of a column as Python ints, ``missing`` where absent."""
    num = pd.to_numeric(values, errors="coerce").to_numpy(dtype=float, na_value=np.nan)
    return np.where(np.isfinite(num), np.round(num), missing).astype(np.int64).tolist()


def _date_text(value: Any) -> str | None:
    value = clean(value)
    if value is None:
        return None
    try:
        return pd.Timestamp(value).date().isoformat()
    except (ValueError, TypeError):
        return None


def _int_or_none(value: Any) -> int | None:
    value = clean(value)
    if value is None:
        return None
    try:
        return int(value)
    except (TypeError, ValueError):
        return None


def _float_or_none(value: Any, digits: int | None = None) -> float | None:
    value = clean(value)
    if value is None:
        return None
    try:
        value = float(value)
    except (TypeError, ValueError):
        return None
    if not math.isfinite(value):
        return None
    return round(value, digits) if digits is not None else value


def _extend(bounds: list[float] | None, x: float, y: float) -> list[float]:
    if bounds is None:
        return [x, y, x, y]
    return [min(bounds[0], x), min(bounds[1], y), max(bounds[2], x), max(bounds[3], y)]


def _incidents(report, strings: _Strings, notes: list[str]) -> dict[str, Any]:
    frame = report.incidents
    x, y = _point_xy(frame)
    keep = np.flatnonzero(~np.isnan(x))
    if len(keep) < len(frame):
        notes.append(f"{len(frame) - len(keep)} incident(s) without coordinates are not drawn.")
    sub = frame.iloc[keep]

    def col(name: str) -> pd.Series:
        return _column(sub, name)

    layer = col("layer").astype("string").str.strip().str.lower()
    layer_code = layer.map({name: k for k, name in enumerate(LAYERS)}).fillna(LAYERS.index("other"))
    layer_code = layer_code.astype(int).tolist()

    actor = col("actor1").astype("string")
    actor = actor.where(actor.str.strip() != "", None)
    counts = actor.value_counts(dropna=True)
    ranked = sorted(counts.index.tolist(), key=lambda a: (-int(counts[a]), a))
    colored = ranked if len(ranked) <= len(PALETTE) else ranked[: len(PALETTE) - 1]
    colors = list(PALETTE[: len(colored)])
    actors = [(a, PALETTE[k]) for k, a in enumerate(colored)]
    color_of: dict[str, int] = {a: k for k, a in enumerate(colored)}
    if len(ranked) > len(colored):
        color_of.update({a: len(colors) for a in ranked[len(colored):]})
        colors.append(OTHER_ACTOR_COLOR)
        actors.append((f"Other actors ({len(ranked) - len(colored)})", OTHER_ACTOR_COLOR))
    if actor.isna().any():
        unknown = len(colors)
        colors.append(UNKNOWN_ACTOR_COLOR)
        actors.append(("Unknown actor", UNKNOWN_ACTOR_COLOR))
    else:
        unknown = -1
    col_idx = actor.map(color_of).fillna(unknown).astype(int).tolist()

    event_type = col("event_type").astype("string").str.strip()
    shape_key = event_type.where(event_type.isin(list(SHAPES)), "\0other")
    shape_keys = list(dict.fromkeys(shape_key.tolist()))
    shape_list, shapes_legend = [], []
    for key in shape_keys:
        symbol, sides, rot = SHAPES.get(key, OTHER_SHAPE)
        shape_list.append([sides, round(rot, 4)])
        shapes_legend.append((key if key != "\0other" else "Other or unknown event type", symbol, sides, rot))
    shape_idx = shape_key.map({k: i for i, k in enumerate(shape_keys)}).astype(int).tolist()

    when = pd.to_datetime(col("event_date"), errors="coerce")
    date_text = when.dt.strftime("%Y-%m-%d").astype("string")
    date_codes, dates = pd.factorize(date_text, sort=True, use_na_sentinel=True)
    dates = [str(d) for d in dates]

    gp = _ints(col("geo_precision"), 0)
    cols = {
        "id": strings.column(col("id")),
        "lon": x[keep].tolist(), "lat": y[keep].tolist(),
        "d": date_codes.astype(np.int64).tolist(),
        "a1": strings.column(col("actor1")), "a2": strings.column(col("actor2")),
        "loc": strings.column(col("location")), "n": strings.column(col("notes")),
        "et": strings.column(col("event_type")), "st": strings.column(col("sub_event_type")),
        "gp": gp, "ly": layer_code,
        "src": strings.column(col("source")), "cty": strings.column(col("country")),
        "adm": strings.column(col("admin1")), "fat": _ints(col("fatalities"), -1),
        "rt": strings.column(col("responds_to")), "col": col_idx, "sh": shape_idx,
    }

    # responds_to -> [answered incident, responding incident] as payload positions.
    ids = col("id").astype("string").tolist()
    pos_of_id: dict[str, int] = {}
    for pos, ident in enumerate(ids):
        if ident is not pd.NA and ident is not None:
            pos_of_id.setdefault(str(ident), pos)
    links, missing = [], []
    responds = col("responds_to").astype("string")
    for pos in np.flatnonzero(responds.notna().to_numpy()):
        for target in str(responds.iloc[pos]).replace(",", " ").split():
            src = pos_of_id.get(target)
            if src is None or src == pos:
                missing.append(target)
                continue
            links.append([src, int(pos)])
    if missing:
        notes.append(f"responds_to names incident(s) not on the map: {', '.join(sorted(set(missing))[:5])}.")

    present_codes = set(layer_code)
    return {
        "cols": cols, "colors": colors, "shapes": shape_list, "links": links, "dates": dates,
        "actors": actors, "shapes_legend": shapes_legend,
        "present": [code for k, code in enumerate(LAYERS) if k in present_codes],
        "precisions": sorted(set(gp) - {0}), "n": len(keep),
    }


def _areas_and_places(report, notes: list[str]) -> tuple[dict[str, Any], list[dict[str, Any]], list, list]:
    """Areal places as polygons, and every located place as a point.

    A country's outline is drawn as an area only when an incident is located
    in it as a whole; countries named as actors or reactions are not areas of
    the events (the stance layer shades them).
    """
    frame = report.places
    features, places, points, area_points = [], [], [], []
    if frame is None or frame.empty:
        return {"type": "FeatureCollection", "features": []}, places, points, area_points
    incidents = report.incidents
    incident_ids = {str(v) for v in _column(incidents, "gazetteer_id").dropna()}
    incident_locations = {str(v).casefold() for v in _column(incidents, "location").dropna()}
    lons, lats = _point_xy(frame)
    footprints = list(_column(frame, "footprint"))
    seen_footprints: set[str] = set()
    for pos, (_, row) in enumerate(frame.iterrows()):
        resolved = clean(row.get("resolved"))
        if resolved is False or np.isnan(lons[pos]):
            continue
        precision_m = _float_or_none(row.get("precision_m"), 1)
        place = {
            "text": clean(row.get("text")), "name": clean(row.get("name")),
            "feature_type": clean(row.get("feature_type")), "country": clean(row.get("country")),
            "admin1": clean(row.get("admin1")), "lat": float(lats[pos]), "lon": float(lons[pos]),
            "gazetteer_id": clean(row.get("gazetteer_id")), "precision_m": precision_m,
            "mentions": _int_or_none(row.get("mentions")), "ambiguous": bool(clean(row.get("ambiguous")) or False),
        }
        places.append({k: (str(v) if isinstance(v, str) else v) for k, v in place.items()})
        points.append((float(lons[pos]), float(lats[pos])))
        footprint = footprints[pos]
        if footprint is None or getattr(footprint, "is_empty", True):
            continue
        if isinstance(footprint, str):  # WKT from a file round trip
            try:
                footprint = shapely.from_wkt(footprint)
            except shapely.errors.GEOSException:
                continue
        if footprint.geom_type not in ("Polygon", "MultiPolygon"):
            continue
        if str(place["feature_type"] or "").lower() == "country" and not (
            str(place["gazetteer_id"]) in incident_ids
            or str(place["name"] or "").casefold() in incident_locations
        ):
            continue
        footprint = unwrap_antimeridian(footprint)
        key = str(place["gazetteer_id"] or footprint.wkb_hex[:64])
        if key in seen_footprints:
            continue
        seen_footprints.add(key)
        minx, miny, maxx, maxy = footprint.bounds
        tolerance = max(maxx - minx, maxy - miny) / 400
        geom = rounded_geojson(shapely.simplify(footprint, tolerance, preserve_topology=True), 5)
        if geom is None:
            continue
        label = f"{GEO_PRECISION[3]}"
        if precision_m:
            label += f", about {precision_m / 1000:.0f} km across" if precision_m >= 1000 else ""
        features.append({"type": "Feature", "geometry": geom, "properties": {
            "name": place["name"] or place["text"], "text": place["text"],
            "feature_type": place["feature_type"], "country": place["country"], "admin1": place["admin1"],
            "gazetteer_id": place["gazetteer_id"], "precision": label,
            "point": [place["lat"], place["lon"]],
        }})
        area_points.extend([(minx, miny), (maxx, maxy)])
    return {"type": "FeatureCollection", "features": features}, places, points, area_points


def _claims(report, notes: list[str]) -> tuple[list[dict[str, Any]], list]:
    frame = report.claims
    out, points = [], []
    if frame is None or frame.empty:
        return out, points
    skipped = 0
    for _, row in frame.iterrows():
        geom = row.get("geometry")
        if geom is None or geom.is_empty or geom.geom_type != "LineString":
            skipped += 1
            continue
        (x0, y0), (x1, y1) = geom.coords[0][:2], geom.coords[-1][:2]
        stated = _float_or_none(row.get("stated_km"))
        verdict = clean(row.get("verdict"))
        out.append({
            "ref": [round(y0, 5), round(x0, 5)], "tgt": [round(y1, 5), round(x1, 5)],
            "ring_m": None if stated is None or stated <= 0 else round(stated * 1000, 1),
            "stated_km": stated, "computed_km": _float_or_none(row.get("computed_km"), 3),
            "verdict": verdict if verdict in VERDICTS else "unverifiable",
            "reference": clean(row.get("reference")), "target": clean(row.get("target")),
            "stated_text": clean(row.get("stated_text")), "hedge": clean(row.get("hedge")),
            "direction": clean(row.get("stated_direction")),
            "bearing": _float_or_none(row.get("computed_bearing_deg"), 1),
            "direction_ok": None if clean(row.get("direction_ok")) is None else bool(row.get("direction_ok")),
            "tolerance_km": _float_or_none(row.get("tolerance_km"), 2), "notes": clean(row.get("notes")),
        })
        points.extend([(x0, y0), (x1, y1)])
    if skipped:
        notes.append(f"{skipped} claim(s) without a reference-target line are not drawn.")
    return out, points


@lru_cache(maxsize=64)
def _country_outline(code: str) -> dict[str, Any] | None:
    """Simplified GeoJSON outline of a country (cached: the same countries recur)."""
    geom = unwrap_antimeridian(country_geometry(code))
    if geom is None:
        return None
    minx, miny, maxx, maxy = geom.bounds
    tolerance = min(max(maxx - minx, maxy - miny) / 300, 0.1)
    return rounded_geojson(shapely.simplify(geom, tolerance, preserve_topology=True), 3)


def _stances(report, notes: list[str]) -> tuple[dict[str, Any], list[str], list[str]]:
    frame = report.stances
    empty = {"type": "FeatureCollection", "features": []}
    if frame is None or frame.empty:
        return empty, [], []
    by_country: dict[str, list[dict[str, Any]]] = {}
    off_map: list[str] = []
    present: set[str] = set()
    for _, row in frame.iterrows():
        stance = clean(row.get("stance"))
        if stance not in STANCES:
            continue
        present.add(stance)
        entry = {"actor": clean(row.get("actor")) or "?", "stance": stance,
                 "toward": clean(row.get("toward")), "quote": clean(row.get("quote"))}
        code = clean(row.get("actor_country_code"))
        if code:
            by_country.setdefault(str(code).upper(), []).append(entry)
        else:
            off_map.append(f"{entry['actor']}: {stance.replace('_', ' ')}")
    features = []
    for code in sorted(by_country):
        entries = by_country[code]
        try:
            gj = _country_outline(code)
        except BoundariesUnavailable as exc:
            notes.append(f"Stance countries are not shaded: {exc}.")
            gj = None
        if gj is None:
            off_map.extend(f"{e['actor']}: {e['stance'].replace('_', ' ')}" for e in entries)
            continue
        counts = Counter(e["stance"] for e in entries)
        main = sorted(counts, key=lambda s: (-counts[s], STANCES.index(s)))[0]
        name = ", ".join(dict.fromkeys(str(e["actor"]) for e in entries))
        features.append({"type": "Feature", "geometry": gj,
                         "properties": {"code": code, "name": name, "stance": main, "entries": entries}})
    return {"type": "FeatureCollection", "features": features}, \
        [s for s in STANCES if s in present], list(dict.fromkeys(off_map))


def build_map_data(report) -> MapData:
    """Collect the report's drawable content into one JSON-ready payload."""
    notes: list[str] = []
    strings = _Strings()
    inc = _incidents(report, strings, notes)
    areas, places, place_points, area_points = _areas_and_places(report, notes)
    claims, claim_points = _claims(report, notes)
    stances, stance_present, off_map = _stances(report, notes)
    unresolved = [str(t) for t in report.unresolved] if not report.places.empty else []
    if unresolved:
        shown = ", ".join(dict.fromkeys(unresolved[:8]))
        more = f" and {len(unresolved) - 8} more" if len(unresolved) > 8 else ""
        notes.append(f"Not located: {shown}{more}.")

    bounds = None
    for x, y in zip(inc["cols"]["lon"], inc["cols"]["lat"]):
        bounds = _extend(bounds, x, y)
    for x, y in area_points + claim_points:
        bounds = _extend(bounds, x, y)
    if bounds is None:  # no events: frame the places the report names
        for x, y in place_points:
            bounds = _extend(bounds, x, y)

    payload = {
        "s": strings.values,
        "inc": inc["cols"],
        "colors": inc["colors"],
        "shapes": inc["shapes"],
        "dates": inc["dates"],
        "links": inc["links"],
        "claims": claims,
        "areas": areas,
        "places": places,
        "stances": stances,
        "precision": {str(k): v for k, v in GEO_PRECISION.items()},
        "style": {
            "precision": PRECISION_STYLE, "verdict": VERDICT_COLORS, "stance": STANCE_COLORS,
            "link": LINK_COLOR, "area": _AREA_STYLE, "stanceOpacity": STANCE_OPACITY, "place": _PLACE_STYLE,
            "countries": {"color": "#8c8c8c", "weight": 1, "fillColor": "#f4f1ea", "fillOpacity": 1},
            "admin1": {"color": "#b4b4b4", "weight": 0.6, "fill": False, "dashArray": "3 3"},
        },
    }
    return MapData(
        payload=payload, layers_present=inc["present"], actors=inc["actors"],
        shapes=inc["shapes_legend"], precisions=inc["precisions"],
        verdicts=[v for v in VERDICTS if any(c["verdict"] == v for c in claims)],
        stances=stance_present, stance_off_map=off_map, n_incidents=inc["n"],
        n_links=len(inc["links"]), n_claims=len(claims), n_areas=len(areas["features"]),
        n_places=len(places), n_stance_countries=len(stances["features"]), dates=inc["dates"],
        bounds=None if bounds is None else tuple(bounds), notes=notes,
    )
