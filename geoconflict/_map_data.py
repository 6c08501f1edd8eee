"""Turn a :class:`~geoconflict.report.Report` into the map's compact data payload.

Incidents travel column-wise with a shared string table (a sentence naming
three places is stored once for its three incidents), which keeps 100,000
incidents within a few MB; popups are built from it in the browser on click.
"""

from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

import pandas as pd
import shapely

from geoconflict._map_basemap import BoundariesUnavailable, country_geometry, rounded_geojson
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


def _column(frame: pd.DataFrame, name: str) -> pd.Series:
    if name in frame.columns:
        return frame[name]
    return pd.Series([None] * len(frame), index=frame.index, dtype="object")


def _point_xy(frame: pd.DataFrame) -> tuple[list[float | None], list[float | None]]:
    """Longitude/latitude of each row: the point geometry, else the lat/lon columns."""
    lons: list[float | None] = []
    lats: list[float | None] = []
    geoms = frame.geometry if "geometry" in frame.columns else [None] * len(frame)
    lat_col, lon_col = _column(frame, "latitude"), _column(frame, "longitude")
    for geom, lat, lon in zip(geoms, lat_col, lon_col):
        x = y = None
        if geom is not None and not geom.is_empty:
            point = geom if geom.geom_type == "Point" else geom.representative_point()
            x, y = point.x, point.y
        else:
            lat, lon = clean(lat), clean(lon)
            if lat is not None and lon is not None:
                x, y = float(lon), float(lat)
        if x is None or not (math.isfinite(x) and math.isfinite(y)) or abs(y) > 90 or abs(x) > 180:
            x = y = None
        lons.append(None if x is None else round(x, 5))
        lats.append(None if y is None else round(y, 5))
    return lons, lats


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
    lons, lats = _point_xy(frame)
    keep = [i for i, x in enumerate(lons) if x is not None]
    if len(keep) < len(frame):
        notes.append(f"{len(frame) - len(keep)} incident(s) without coordinates are not drawn.")

    layer_col = [str(clean(v) or "other").strip().lower() for v in _column(frame, "layer")]
    layer_col = [v if v in LAYERS else "other" for v in layer_col]

    actor_col = [clean(v) for v in _column(frame, "actor1")]
    counts = Counter(str(actor_col[i]) for i in keep if actor_col[i] is not None)
    ranked = sorted(counts, key=lambda a: (-counts[a], a))
    colored = ranked[: len(PALETTE)] if len(ranked) <= len(PALETTE) else ranked[: len(PALETTE) - 1]
    colors = list(PALETTE[: len(colored)])
    actor_color = {a: k for k, a in enumerate(colored)}
    actors = [(a, PALETTE[k]) for a, k in actor_color.items()]
    other_idx = unknown_idx = None
    if len(ranked) > len(colored):
        other_idx = len(colors)
        colors.append(OTHER_ACTOR_COLOR)
        actors.append((f"Other actors ({len(ranked) - len(colored)})", OTHER_ACTOR_COLOR))

    et_col = [clean(v) for v in _column(frame, "event_type")]
    shape_keys: dict[str, int] = {}
    shape_list: list[list[float]] = []
    shapes_legend: list[tuple[str, str, int, float]] = []

    dates_col = [_date_text(v) for v in _column(frame, "event_date")]
    dates = sorted({dates_col[i] for i in keep if dates_col[i] is not None})
    date_idx = {d: k for k, d in enumerate(dates)}

    rt_col = [clean(v) for v in _column(frame, "responds_to")]
    cols = {k: [] for k in ("id", "lon", "lat", "d", "a1", "a2", "loc", "n", "et", "st", "gp", "ly",
                            "src", "cty", "adm", "fat", "rt", "col", "sh")}
    series = {name: list(_column(frame, name)) for name in
              ("id", "actor2", "location", "notes", "sub_event_type", "geo_precision", "source",
               "country", "admin1", "fatalities")}
    precisions = set()
    for i in keep:
        actor = actor_col[i]
        if actor is None:
            if unknown_idx is None:
                unknown_idx = len(colors)
                colors.append(UNKNOWN_ACTOR_COLOR)
                actors.append(("Unknown actor", UNKNOWN_ACTOR_COLOR))
            col = unknown_idx
        else:
            col = actor_color.get(str(actor), other_idx)
        et = et_col[i]
        key = str(et) if et is not None and str(et) in SHAPES else "\0other"
        if key not in shape_keys:
            symbol, sides, rot = SHAPES.get(key, OTHER_SHAPE)
            shape_keys[key] = len(shape_list)
            shape_list.append([sides, round(rot, 4)])
            label = key if key != "\0other" else "Other or unknown event type"
            shapes_legend.append((label, symbol, sides, rot))
        gp = _int_or_none(series["geo_precision"][i])
        if gp is not None:
            precisions.add(gp)
        cols["id"].append(strings(series["id"][i]))
        cols["lon"].append(lons[i])
        cols["lat"].append(lats[i])
        cols["d"].append(date_idx.get(dates_col[i], -1))
        cols["a1"].append(strings(actor))
        cols["a2"].append(strings(series["actor2"][i]))
        cols["loc"].append(strings(series["location"][i]))
        cols["n"].append(strings(series["notes"][i]))
        cols["et"].append(strings(et))
        cols["st"].append(strings(series["sub_event_type"][i]))
        cols["gp"].append(gp)
        cols["ly"].append(LAYERS.index(layer_col[i]))
        cols["src"].append(strings(series["source"][i]))
        cols["cty"].append(strings(series["country"][i]))
        cols["adm"].append(strings(series["admin1"][i]))
        cols["fat"].append(_int_or_none(series["fatalities"][i]))
        cols["rt"].append(strings(rt_col[i]))
        cols["col"].append(col)
        cols["sh"].append(shape_keys[key])

    # responds_to -> (answered incident row, responding incident row) in payload positions.
    pos_of_id: dict[str, int] = {}
    for pos, i in enumerate(keep):
        ident = clean(series["id"][i])
        if ident is not None:
            pos_of_id.setdefault(str(ident), pos)
    links = []
    missing = []
    for pos, i in enumerate(keep):
        rt = rt_col[i]
        if rt is None:
            continue
        for target in str(rt).replace(",", " ").split():
            src = pos_of_id.get(target)
            if src is None or src == pos:
                missing.append(target)
                continue
            links.append([src, pos])
    if missing:
        notes.append(f"responds_to names incident(s) not on the map: {', '.join(sorted(set(missing))[:5])}.")

    present_codes = {layer_col[i] for i in keep}
    present = [code for code in LAYERS if code in present_codes]
    return {
        "cols": cols, "colors": colors, "shapes": shape_list, "links": links, "dates": dates,
        "actors": actors, "shapes_legend": shapes_legend, "present": present,
        "precisions": sorted(precisions), "n": len(keep),
    }


def _areas_and_places(report, notes: list[str]) -> tuple[dict[str, Any], list[dict[str, Any]], list]:
    frame = report.places
    features, places, points = [], [], []
    if frame is None or frame.empty:
        return {"type": "FeatureCollection", "features": []}, places, points
    lons, lats = _point_xy(frame)
    footprints = list(_column(frame, "footprint"))
    seen_footprints: set[str] = set()
    for pos, (_, row) in enumerate(frame.iterrows()):
        resolved = clean(row.get("resolved"))
        if resolved is False or lons[pos] is None:
            continue
        precision_m = _float_or_none(row.get("precision_m"), 1)
        place = {
            "text": clean(row.get("text")), "name": clean(row.get("name")),
            "feature_type": clean(row.get("feature_type")), "country": clean(row.get("country")),
            "admin1": clean(row.get("admin1")), "lat": lats[pos], "lon": lons[pos],
            "gazetteer_id": clean(row.get("gazetteer_id")), "precision_m": precision_m,
            "mentions": _int_or_none(row.get("mentions")), "ambiguous": bool(clean(row.get("ambiguous")) or False),
        }
        places.append({k: (str(v) if isinstance(v, str) else v) for k, v in place.items()})
        points.append((lons[pos], lats[pos]))
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
        points.extend([(minx, miny), (maxx, maxy)])
    return {"type": "FeatureCollection", "features": features}, places, points


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
            geom = country_geometry(code)
        except BoundariesUnavailable as exc:
            notes.append(f"Stance countries are not shaded: {exc}.")
            off_map.extend(f"{e['actor']}: {e['stance'].replace('_', ' ')}" for e in entries)
            continue
        if geom is None:
            off_map.extend(f"{e['actor']}: {e['stance'].replace('_', ' ')}" for e in entries)
            continue
        counts = Counter(e["stance"] for e in entries)
        main = sorted(counts, key=lambda s: (-counts[s], STANCES.index(s)))[0]
        minx, miny, maxx, maxy = geom.bounds
        tolerance = min(max(maxx - minx, maxy - miny) / 300, 0.1)
        gj = rounded_geojson(shapely.simplify(geom, tolerance, preserve_topology=True), 3)
        if gj is None:
            continue
        name = ", ".join(dict.fromkeys(str(e["actor"]) for e in entries))
        features.append({"type": "Feature", "geometry": gj,
                         "properties": {"code": code, "name": name, "stance": main, "entries": entries}})
    return {"type": "FeatureCollection", "features": features}, \
        [s for s in STANCES if s in present], off_map


def build_map_data(report) -> MapData:
    """Collect the report's drawable content into one JSON-ready payload."""
    notes: list[str] = []
    strings = _Strings()
    inc = _incidents(report, strings, notes)
    areas, places, place_points = _areas_and_places(report, notes)
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
    for x, y in place_points + claim_points:
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
            "link": LINK_COLOR, "area": _AREA_STYLE, "place": _PLACE_STYLE,
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
