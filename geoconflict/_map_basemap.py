"""Country and province outlines for the map, from the bundled boundaries.

Used for the offline vector basemap (clipped to the data extent so the file
stays small), the offline mini-map (coarse world outlines) and the stance layer
(countries shaded by stance).  The boundaries come from
:mod:`gazetteer.boundaries` (a Natural Earth derivative shipped with the
package); when that module or its data is unavailable every function returns
``None`` and the map says so in its legend instead of failing.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

import numpy as np
import shapely
from shapely.geometry import box, mapping

__all__ = ["basemap_geojson", "world_geojson", "country_geometry", "rounded_geojson", "BoundariesUnavailable",
           "unwrap_antimeridian"]


class BoundariesUnavailable(Exception):
    """The bundled boundaries could not be loaded (reason in the message)."""


@lru_cache(maxsize=2)
def _frame(kind: str):
    try:
        from gazetteer import boundaries
    except ImportError as exc:
        raise BoundariesUnavailable(f"gazetteer.boundaries is not available ({exc})") from None
    loader = getattr(boundaries, "load_countries" if kind == "countries" else "load_admin1", None)
    if loader is None:
        raise BoundariesUnavailable(f"gazetteer.boundaries has no loader for {kind}")
    try:
        frame = loader()
    except Exception as exc:  # noqa: BLE001 - data files missing or unreadable: degrade, say why
        raise BoundariesUnavailable(f"cannot load {kind} boundaries ({exc})") from None
    return frame


def unwrap_antimeridian(geom):
    """Polygon parts drawn across the antimeridian (longitudes jumping from
    -180 to 180 within one ring, e.g. Chukotka, Fiji) moved east of 180 so a
    web map draws them in place instead of as a band around the world."""
    if geom is None or geom.is_empty:
        return geom
    minx, _, maxx, _ = geom.bounds
    if maxx - minx <= 180:
        return geom
    parts = []
    for part in shapely.get_parts(geom):
        pminx, _, pmaxx, _ = part.bounds
        if pmaxx - pminx > 180:
            part = shapely.transform(part, lambda xy: np.where(xy[:, :1] < 0, xy + [360.0, 0.0], xy))
        parts.append(part)
    return shapely.multipolygons(parts) if all(p.geom_type == "Polygon" for p in parts) else \
        shapely.union_all(parts)


def _polygonal(geom):
    """Only the polygons of ``geom`` (clipping can leave lines and points behind)."""
    if geom.geom_type in ("Polygon", "MultiPolygon"):
        return geom
    polys = [p for p in shapely.get_parts(geom) if p.geom_type in ("Polygon", "MultiPolygon")]
    if not polys:
        return None
    return shapely.union_all(polys) if len(polys) > 1 else polys[0]


def rounded_geojson(geom, decimals: int) -> dict[str, Any] | None:
    """GeoJSON mapping of ``geom`` with coordinates rounded (smaller files, same look).

    Polygonal input stays polygonal: slivers and collapsed parts are dropped.
    """
    if geom is None or geom.is_empty:
        return None
    polygonal = geom.geom_type in ("Polygon", "MultiPolygon", "GeometryCollection")
    if polygonal:
        geom = _polygonal(geom)
        if geom is None:
            return None
    geom = shapely.transform(geom, lambda xy: np.round(xy, decimals))
    if polygonal and not geom.is_valid:
        try:
            geom = shapely.make_valid(geom)
        except shapely.errors.GEOSException:
            geom = geom.buffer(0)
        geom = _polygonal(geom)
    if geom is None or geom.is_empty:
        return None
    return mapping(geom)


def _features(frame, clip, tolerance: float, decimals: int, keep: tuple[str, ...]) -> dict[str, Any]:
    if clip is not None:
        hits = frame.sindex.query(clip, predicate="intersects")
        hits.sort()
        frame = frame.iloc[hits]
    geoms = np.array([unwrap_antimeridian(g) for g in frame.geometry.values], dtype=object)
    if clip is not None:
        try:
            geoms = shapely.intersection(geoms, clip)
        except shapely.errors.GEOSException:
            # a self-touching ring in a bundled outline breaks the overlay
            # (seen on wide maps, e.g. Dhaka + Gaza); repair, then clip
            geoms = shapely.intersection(shapely.make_valid(geoms), clip)
    geoms = shapely.simplify(geoms, tolerance, preserve_topology=True)
    features = []
    for geom, (_, row) in zip(geoms, frame.iterrows()):
        # Outlines only: polygons become their boundaries, which is all a basemap draws.
        gj = rounded_geojson(geom, decimals)
        if gj is None or gj["type"] not in ("Polygon", "MultiPolygon", "GeometryCollection"):
            continue
        props = {k: (None if row.get(k) is None else str(row.get(k))) for k in keep}
        features.append({"type": "Feature", "properties": props, "geometry": gj})
    return {"type": "FeatureCollection", "features": features}


def basemap_geojson(bounds: tuple[float, float, float, float] | None) -> dict[str, Any]:
    """Countries and admin-1 outlines around ``bounds`` (minx, miny, maxx, maxy).

    The outlines are clipped to the data extent plus a margin and simplified in
    proportion to it, so a map of one city is not weighed down by the world.

    Raises
    ------
    BoundariesUnavailable
        When the bundled boundaries cannot be read.
    """
    if bounds is None:  # nothing located: world outlines only
        return {"countries": world_geojson(), "admin1": None}
    return _basemap(tuple(round(v, 2) for v in bounds))


@lru_cache(maxsize=8)
def _basemap(bounds: tuple[float, float, float, float]) -> dict[str, Any]:
    minx, miny, maxx, maxy = bounds
    extent = max(maxx - minx, maxy - miny, 0.5)
    margin = max(extent * 0.75, 3.0)
    clip = box(max(minx - margin, -180), max(miny - margin, -90),
               min(maxx + margin, 180), min(maxy + margin, 90))
    extent = max(clip.bounds[2] - clip.bounds[0], clip.bounds[3] - clip.bounds[1])
    tolerance = extent / 1500
    decimals = 3 if tolerance >= 0.005 else 4
    out = {"countries": _features(_frame("countries"), clip, tolerance, decimals, ("name",))}
    try:
        out["admin1"] = _features(_frame("admin1"), clip, tolerance, decimals, ("name",))
    except BoundariesUnavailable:
        out["admin1"] = None
    return out


@lru_cache(maxsize=1)
def _world() -> dict[str, Any]:
    return _features(_frame("countries"), None, 0.6, 1, ())


def world_geojson() -> dict[str, Any]:
    """Coarse world country outlines for the mini-map (about 100 kB)."""
    return _world()


def country_geometry(code: str):
    """Polygon of the country with ISO 3166-1 alpha-2 ``code``, or ``None``."""
    try:
        from gazetteer import boundaries
    except ImportError as exc:
        raise BoundariesUnavailable(f"gazetteer.boundaries is not available ({exc})") from None
    fn = getattr(boundaries, "country_polygon", None)
    if fn is None:
        raise BoundariesUnavailable("gazetteer.boundaries has no country_polygon()")
    try:
        return fn(code)
    except LookupError:
        return None
    except Exception as exc:  # noqa: BLE001 - degrade with a reason rather than lose the map
        raise BoundariesUnavailable(f"cannot load the outline of {code} ({exc})") from None
