"""Which country and province a point lies in, and how far it is from a border.

Queries run against the bundled Natural Earth derivatives in
``gazetteer/data/`` (built by ``scripts/build_gazetteer_data.py``; see
``gazetteer/SOURCES.md``): 240 countries, 4,596 first-level divisions and the
international land borders between countries.

Loading is lazy and happens once per process.  The first load parses the
gzipped GeoJSON and stores the geometries as WKB in the user's cache folder
(``$GEOCONFLICT_CACHE`` or ``~/.cache/geoconflict``), so later processes load
all three layers in a fraction of a second.  Nothing is fetched over the
network.

Containment
    A point is tested against the polygons with a shapely STRtree.  A point
    that falls in no polygon -- just offshore, or in a sliver left by the
    simplified outlines -- is given the polygon nearest to it when that is
    within ``max_distance_km`` (5 km by default, measured geodesically), so
    coastal cities such as Karachi or Gaza City get their country.  Beyond
    that the honest answer is ``None`` ("in the sea").

Border distance
    Geodesic distance on the WGS84 ellipsoid to the nearest international
    land border.  The border lines are cut into short pieces, each enclosed
    in a spherical cap; cap-to-point angles give lower and upper bounds, and
    only pieces whose lower bound beats the best upper bound (with 1% slack
    for the ellipsoid) are examined.  Their vertices
    are then placed in an azimuthal-equidistant frame centred on the query
    point by :meth:`pyproj.Geod.inv` (distance and azimuth from the point are
    exact there) and the nearest point of each segment is found in that
    plane, then mapped back with :meth:`pyproj.Geod.fwd`.  The border lines are
    densified to at most 0.05 degrees per segment first, which keeps the
    chord-versus-geodesic error of the planar step below about 10 m.  The
    result is therefore exact to ~10 m *for the bundled lines*; those lines
    are within about 0.5 km of Natural Earth 10m (see SOURCES.md), which
    bounds the real-world accuracy.

Coordinates are WGS84 latitude/longitude in degrees.  Scalar functions raise
:class:`~gazetteer.errors.InvalidNameError` (a ``ValueError``) for NaN or
out-of-range coordinates; the vectorised functions return ``None``/``NaN``
for NaN entries (missing values are common in tables) and raise for
out-of-range ones.
"""

from __future__ import annotations

import hashlib
import io
import json
import math
import os
import tempfile
import threading
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np
import shapely
from pyproj import Geod

from gazetteer.errors import GazetteerDataError, InvalidNameError, UnknownPlaceError

if TYPE_CHECKING:  # geopandas is imported only when a GeoDataFrame is asked for
    import geopandas

__all__ = [
    "DATA_DIR",
    "DEFAULT_MAX_DISTANCE_KM",
    "load_admin1",
    "load_countries",
    "load_borders",
    "country_at",
    "countries_at",
    "admin1_at",
    "admin1s_at",
    "distance_to_border_km",
    "distances_to_border_km",
    "nearest_border",
    "country_polygon",
    "admin1_polygon",
]

#: Folder holding the bundled boundary files.
DATA_DIR = Path(__file__).resolve().parent / "data"
#: How far (km) outside every polygon a point may lie and still get the nearest one.
DEFAULT_MAX_DISTANCE_KM = 5.0

_GEOD = Geod(ellps="WGS84")
_FILES = {"countries": "countries.geojson.gz", "admin1": "admin1.geojson.gz", "borders": "borders.geojson.gz"}
_CACHE_FORMAT = 1
#: Longest border segment (degrees) after densification; see the module docstring.
_SEGMENT_DEG = 0.05
#: Vertices per piece of the border index (small pieces -> few candidates).
_CHUNK_VERTICES = 16
_ADMIN1_KEYS = ("id", "name", "country_code", "iso_3166_2")
_lock = threading.RLock()


# --------------------------------------------------------------------------- loading
@dataclass
class _Layer:
    kind: str
    geoms: np.ndarray
    props: list[dict[str, Any]]
    _tree: shapely.STRtree | None = field(default=None, repr=False)
    _areas: np.ndarray | None = field(default=None, repr=False)
    _frame: Any = field(default=None, repr=False)

    @property
    def tree(self) -> shapely.STRtree:
        if self._tree is None:
            shapely.prepare(self.geoms)
            self._tree = shapely.STRtree(self.geoms)
        return self._tree

    @property
    def areas(self) -> np.ndarray:
        if self._areas is None:
            self._areas = shapely.area(self.geoms)
        return self._areas


_layers: dict[str, _Layer] = {}


def _cache_dir() -> Path:
    # Same folder as the name index (gazetteer.index.cache_dir), without importing it.
    env = os.environ.get("GEOCONFLICT_CACHE")
    if env:
        return Path(env).expanduser()
    return Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "geoconflict"


def _source_path(kind: str) -> Path:
    path = DATA_DIR / _FILES[kind]
    if not path.is_file():
        raise GazetteerDataError(
            f"bundled boundary file {path} is missing; rebuild it with "
            "`.venv/bin/python scripts/build_gazetteer_data.py` (needs npm) or restore it from git"
        )
    return path


def _parse_geojson(raw: bytes, path: Path) -> tuple[np.ndarray, list[dict]]:
    import gzip

    try:
        text = gzip.decompress(raw)
        feats = json.loads(text)["features"]
        # GEOS parses the whole collection faster than one geometry at a time;
        # its members come back in feature order.
        geoms = shapely.get_parts(shapely.from_geojson(text))
        if len(geoms) != len(feats):
            raise ValueError(f"{len(feats)} features but {len(geoms)} geometries")
    except (OSError, ValueError, KeyError, TypeError, shapely.errors.GEOSException) as exc:
        raise GazetteerDataError(
            f"cannot read bundled boundary file {path} ({exc}); rebuild it with "
            "`.venv/bin/python scripts/build_gazetteer_data.py` or restore it from git"
        ) from exc
    return np.asarray(geoms, dtype=object), [f["properties"] for f in feats]


def _read_cache(path: Path) -> tuple[np.ndarray, list[dict]] | None:
    try:
        with np.load(path, allow_pickle=False) as z:
            blob = z["wkb"].tobytes()
            offsets = z["offsets"]
            props = json.loads(z["props"].tobytes().decode("utf-8"))
        wkb = [blob[offsets[i] : offsets[i + 1]] for i in range(len(offsets) - 1)]
        geoms = shapely.from_wkb(wkb)
        if len(geoms) != len(props):
            return None
        return np.asarray(geoms, dtype=object), props
    except Exception:  # noqa: BLE001 - a damaged cache is rebuilt, never fatal
        return None


def _write_cache(path: Path, geoms: np.ndarray, props: list[dict]) -> None:
    wkb = shapely.to_wkb(geoms)
    offsets = np.zeros(len(wkb) + 1, dtype=np.int64)
    offsets[1:] = np.cumsum([len(b) for b in wkb])
    buf = io.BytesIO()
    np.savez(
        buf,
        wkb=np.frombuffer(b"".join(wkb), dtype=np.uint8),
        offsets=offsets,
        props=np.frombuffer(json.dumps(props, ensure_ascii=False).encode("utf-8"), dtype=np.uint8),
    )
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=path.name, suffix=".tmp")
        with os.fdopen(fd, "wb") as f:
            f.write(buf.getvalue())
        os.replace(tmp, path)
    except OSError:
        pass  # read-only or full cache folder: keep working from the bundled file


def _layer(kind: str) -> _Layer:
    layer = _layers.get(kind)
    if layer is not None:
        return layer
    with _lock:
        if kind in _layers:
            return _layers[kind]
        path = _source_path(kind)
        raw = path.read_bytes()
        key = hashlib.sha256(raw).hexdigest()[:16]
        cache = _cache_dir() / f"boundaries-{kind}-v{_CACHE_FORMAT}-{key}.npz"
        loaded = _read_cache(cache) if cache.is_file() else None
        if loaded is None:
            loaded = _parse_geojson(raw, path)
            _write_cache(cache, *loaded)
        layer = _Layer(kind, *loaded)
        _layers[kind] = layer
        return layer


def _frame(kind: str) -> "geopandas.GeoDataFrame":
    layer = _layer(kind)
    if layer._frame is None:
        import geopandas

        frame = geopandas.GeoDataFrame(layer.props, geometry=list(layer.geoms), crs="EPSG:4326")
        if "gn_id" in frame:
            frame["gn_id"] = frame["gn_id"].astype("Int64")
        layer._frame = frame
    return layer._frame


def load_countries() -> "geopandas.GeoDataFrame":
    """Country polygons (Natural Earth 10m, simplified), one row per ISO code.

    Columns: ``id`` (``"country:PK"``), ``country_code``, ``iso3``, ``name``,
    ``names``, ``label_lat``, ``label_lon``, ``area_km2``, ``geometry``
    (EPSG:4326).  The frame is shared: copy it before modifying it.

    Raises
    ------
    GazetteerDataError
        If the bundled file is missing or unreadable.

    Examples
    --------
    >>> countries = load_countries()
    >>> countries.set_index("country_code").loc["PK", "iso3"]
    'PAK'
    """
    return _frame("countries")


def load_admin1() -> "geopandas.GeoDataFrame":
    """First-level divisions (Natural Earth 10m admin-1, simplified).

    Columns: ``id`` (``"ne:AFG-3413"``), ``name``, ``names``,
    ``country_code``, ``iso_3166_2``, ``type_en``, ``gn_a1_code``, ``gn_id``,
    ``label_lat``, ``label_lon``, ``area_km2``, ``geometry`` (EPSG:4326).
    The frame is shared: copy it before modifying it.

    Examples
    --------
    >>> a1 = load_admin1()
    >>> a1.loc[a1["iso_3166_2"] == "AF-PKA", "name"].tolist()
    ['Paktia']
    """
    return _frame("admin1")


def load_borders() -> "geopandas.GeoDataFrame":
    """International land borders as (Multi)LineStrings, one row per country pair.

    Columns: ``left``, ``right`` (ISO 3166-1 alpha-2, sorted) and ``geometry``.

    Examples
    --------
    >>> b = load_borders()
    >>> bool(((b["left"] == "AF") & (b["right"] == "PK")).any())
    True
    """
    return _frame("borders")


# --------------------------------------------------------------------------- validation
def _check_scalar(lat: float, lon: float) -> tuple[float, float]:
    try:
        la, lo = float(lat), float(lon)
    except (TypeError, ValueError):
        raise InvalidNameError(f"coordinates must be numbers, got lat={lat!r}, lon={lon!r}") from None
    if math.isnan(la) or math.isnan(lo):
        raise InvalidNameError("coordinates are NaN; pass a latitude in [-90, 90] and a longitude in [-180, 180]")
    _check_range(np.array([la]), np.array([lo]))
    return la, lo


def _check_range(lats: np.ndarray, lons: np.ndarray) -> None:
    with np.errstate(invalid="ignore"):
        bad_lat = np.abs(lats) > 90
        bad_lon = np.abs(lons) > 180
    if bad_lat.any() or bad_lon.any():
        i = int(np.flatnonzero(bad_lat | bad_lon)[0])
        raise InvalidNameError(
            f"coordinate out of range at position {i}: lat={lats[i]!r}, lon={lons[i]!r}; latitude must be in "
            "[-90, 90] and longitude in [-180, 180] (did you swap them?)"
        )


def _as_arrays(lats, lons) -> tuple[np.ndarray, np.ndarray]:
    try:
        la = np.asarray(lats, dtype=float).reshape(-1)
        lo = np.asarray(lons, dtype=float).reshape(-1)
    except (TypeError, ValueError):
        raise InvalidNameError("lats and lons must be sequences of numbers") from None
    if la.shape != lo.shape:
        raise InvalidNameError(f"lats and lons differ in length ({la.size} vs {lo.size})")
    _check_range(la, lo)
    return la, lo


# --------------------------------------------------------------------------- containment
def _deg_radius(km: float, lat: float) -> float:
    # Degrees that surely cover ``km`` around ``lat``: a degree of longitude
    # shrinks with cos(lat); 110 km/deg is below the shortest degree of latitude.
    return km / 110.0 / max(math.cos(math.radians(min(abs(lat) + km / 110.0, 89.9))), 1e-3)


def _geodesic_km(lat: float, lon: float, geom) -> float:
    """Geodesic km from a point to the nearest point of ``geom`` (found in degrees)."""
    p = shapely.Point(lon, lat)
    near = shapely.shortest_line(p, geom)
    (x0, y0), (x1, y1) = near.coords[0], near.coords[-1]
    return _GEOD.inv(x0, y0, x1, y1)[2] / 1000.0


def _locate(layer: _Layer, lats: np.ndarray, lons: np.ndarray, max_distance_km: float) -> np.ndarray:
    """Index of the containing (else nearest within the limit) polygon per point; -1 for none."""
    out = np.full(lats.size, -1, dtype=np.int64)
    ok = ~(np.isnan(lats) | np.isnan(lons))
    if not ok.any():
        return out
    idx = np.flatnonzero(ok)
    pts = shapely.points(lons[idx], lats[idx])
    inp, cand = layer.tree.query(pts)
    if inp.size:
        hit = shapely.intersects(layer.geoms[cand], pts[inp])
        inp, cand = inp[hit], cand[hit]
        # Overlapping units (slivers of the simplified outlines): the smaller,
        # more specific unit wins, deterministically.
        order = np.lexsort((cand, layer.areas[cand], inp))
        inp, cand = inp[order], cand[order]
        first = np.ones(inp.size, dtype=bool)
        first[1:] = inp[1:] != inp[:-1]
        out[idx[inp[first]]] = cand[first]
    missing = np.flatnonzero(out[idx] < 0)
    if max_distance_km > 0 and missing.size:
        # Nearest polygon within the limit: candidates in degrees (radius widened
        # for latitude), then the true geodesic distance decides.
        radius = np.array([_deg_radius(max_distance_km, float(lats[idx[j]])) for j in missing])
        mi, cand = layer.tree.query(pts[missing], predicate="dwithin", distance=radius)
        best_km = np.full(missing.size, np.inf)
        for m, k in sorted(zip(mi.tolist(), cand.tolist())):
            i = idx[missing[m]]
            km = _geodesic_km(float(lats[i]), float(lons[i]), layer.geoms[k])
            if km <= max_distance_km and km < best_km[m]:
                best_km[m] = km
                out[i] = k
    return out


def country_at(lat: float, lon: float, max_distance_km: float = DEFAULT_MAX_DISTANCE_KM) -> str | None:
    """ISO 3166-1 alpha-2 code of the country containing a point.

    Parameters
    ----------
    lat, lon : float
        WGS84 degrees.
    max_distance_km : float, default 5
        A point outside every country polygon gets the nearest country within
        this geodesic distance (coasts, simplified outlines); 0 disables it.

    Returns
    -------
    str or None
        ``None`` when the point is farther than ``max_distance_km`` from any
        country (open sea, or a rock too small for Natural Earth 10m).

    Raises
    ------
    InvalidNameError
        For NaN, non-numeric or out-of-range coordinates.

    Examples
    --------
    >>> country_at(34.5553, 69.2075)   # Kabul
    'AF'
    >>> country_at(24.8607, 67.0011)   # Karachi, on the coast
    'PK'
    >>> country_at(30.0, -40.0) is None  # mid-Atlantic
    True
    """
    la, lo = _check_scalar(lat, lon)
    i = int(_locate(_layer("countries"), np.array([la]), np.array([lo]), max_distance_km)[0])
    return None if i < 0 else _layer("countries").props[i]["country_code"]


def countries_at(lats, lons, max_distance_km: float = DEFAULT_MAX_DISTANCE_KM) -> np.ndarray:
    """Vectorised :func:`country_at`: an object array of ISO codes or ``None``.

    NaN coordinates give ``None``.

    Examples
    --------
    >>> countries_at([34.5553, 15.5007, 30.0], [69.2075, 32.5599, -40.0]).tolist()
    ['AF', 'SD', None]
    """
    la, lo = _as_arrays(lats, lons)
    layer = _layer("countries")
    found = _locate(layer, la, lo, max_distance_km)
    codes = np.array([p["country_code"] for p in layer.props] + [None], dtype=object)
    return codes[found]  # -1 picks the trailing None


def _admin1_record(i: int) -> dict[str, Any] | None:
    if i < 0:
        return None
    p = _layer("admin1").props[i]
    return {k: p.get(k) for k in _ADMIN1_KEYS}


def admin1_at(lat: float, lon: float, max_distance_km: float = DEFAULT_MAX_DISTANCE_KM) -> dict[str, Any] | None:
    """The first-level division containing a point.

    Parameters
    ----------
    lat, lon : float
        WGS84 degrees.
    max_distance_km : float, default 5
        Fallback distance to the nearest division, as in :func:`country_at`.

    Returns
    -------
    dict or None
        Keys ``id`` (``"ne:AFG-1767"``), ``name``, ``country_code``,
        ``iso_3166_2``; ``None`` at sea.

    Raises
    ------
    InvalidNameError
        For NaN, non-numeric or out-of-range coordinates.

    Examples
    --------
    >>> admin1_at(33.6844, 73.0479)["name"]   # Islamabad
    'Islamabad Capital Territory'
    """
    la, lo = _check_scalar(lat, lon)
    return _admin1_record(int(_locate(_layer("admin1"), np.array([la]), np.array([lo]), max_distance_km)[0]))


def admin1s_at(lats, lons, max_distance_km: float = DEFAULT_MAX_DISTANCE_KM) -> list[dict[str, Any] | None]:
    """Vectorised :func:`admin1_at`: one dict (or ``None``) per point.

    Examples
    --------
    >>> [d["name"] for d in admin1s_at([34.5553, 24.8607], [69.2075, 67.0011])]
    ['Kabul', 'Sindh']
    """
    la, lo = _as_arrays(lats, lons)
    return [_admin1_record(int(i)) for i in _locate(_layer("admin1"), la, lo, max_distance_km)]


# --------------------------------------------------------------------------- borders
@dataclass
class _BorderIndex:
    vert: np.ndarray  # (n, 2) lon/lat of every chunk's vertices, chunk after chunk
    chunk_start: np.ndarray  # first vertex of each chunk
    chunk_stop: np.ndarray  # one past its last vertex
    chunk_pair: np.ndarray  # row of the borders layer per chunk
    centre: np.ndarray  # (m, 3) unit vector of each chunk's bounding cap
    radius: np.ndarray  # (m,) angular radius (rad) of the cap
    centre_lonlat: np.ndarray  # (m, 2) the cap centres in degrees
    radius_m: np.ndarray  # (m,) geodesic radius (m) of the cap around its centre


_border_index: _BorderIndex | None = None
#: Points per batch of the chunk-bound matrix (memory: batch x chunks doubles).
_BATCH = 256


def _unit_vectors(lon: np.ndarray, lat: np.ndarray) -> np.ndarray:
    lo, la = np.radians(lon), np.radians(lat)
    return np.stack([np.cos(la) * np.cos(lo), np.cos(la) * np.sin(lo), np.sin(la)], axis=-1)


def _borders() -> _BorderIndex:
    global _border_index
    if _border_index is not None:
        return _border_index
    with _lock:
        if _border_index is not None:
            return _border_index
        layer = _layer("borders")
        verts, pairs = [], []
        for row, geom in enumerate(layer.geoms):
            for line in shapely.get_parts(shapely.segmentize(geom, _SEGMENT_DEG)):
                xy = shapely.get_coordinates(line)
                # consecutive pieces share their end vertex, so no segment is lost
                for s in range(0, len(xy) - 1, _CHUNK_VERTICES - 1):
                    verts.append(xy[s : s + _CHUNK_VERTICES])
                    pairs.append(row)
        counts = np.array([len(v) for v in verts])
        stops = np.cumsum(counts)
        starts = stops - counts
        vert = np.concatenate(verts)
        owner = np.repeat(np.arange(len(verts)), counts)
        unit = _unit_vectors(vert[:, 0], vert[:, 1])
        centre = np.add.reduceat(unit, starts, axis=0)
        centre /= np.linalg.norm(centre, axis=1, keepdims=True)
        angle = np.arccos(np.clip(np.einsum("ij,ij->i", unit, centre[owner]), -1.0, 1.0))
        c_lon = np.degrees(np.arctan2(centre[:, 1], centre[:, 0]))
        c_lat = np.degrees(np.arcsin(np.clip(centre[:, 2], -1.0, 1.0)))
        metres = _GEOD.inv(c_lon[owner], c_lat[owner], vert[:, 0], vert[:, 1])[2]
        _border_index = _BorderIndex(
            vert=vert,
            chunk_start=starts,
            chunk_stop=stops,
            chunk_pair=np.asarray(pairs),
            centre=centre,
            # Segments are straight in lon/lat, not great circles: at <= 0.05 deg
            # they bulge out of the vertices' cap by far less than these margins.
            radius=np.maximum.reduceat(angle, starts) + 1e-5,
            centre_lonlat=np.stack([c_lon, c_lat], axis=1),
            radius_m=np.maximum.reduceat(metres, starts) + 50.0,
        )
        return _border_index


def _candidate_chunks(bi: _BorderIndex, lons: np.ndarray, lats: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """(point, chunk) pairs that may hold the nearest border point of each point.

    Each chunk lies in a cap around its centre.  Distance to the centre minus
    / plus the cap radius bounds the distance to the chunk from below /
    above (triangle inequality), so chunks whose lower bound exceeds the
    best upper bound cannot be nearest.  A cheap pass on the unit sphere
    (with 2% slack, more than the sphere-to-ellipsoid distortion) prunes
    first; the exact pass uses geodesic distances to the cap centres.
    """
    inps, cands = [], []
    for s in range(0, lons.size, _BATCH):
        p = _unit_vectors(lons[s : s + _BATCH], lats[s : s + _BATCH])
        ang = np.arccos(np.clip(p @ bi.centre.T, -1.0, 1.0))
        upper = (ang + bi.radius).min(axis=1)
        i, c = np.nonzero((ang - bi.radius) <= upper[:, None] * 1.02 + 1e-6)
        gi = i + s
        d = _GEOD.inv(lons[gi], lats[gi], bi.centre_lonlat[c, 0], bi.centre_lonlat[c, 1])[2]
        hi = np.full(p.shape[0], np.inf)
        np.minimum.at(hi, i, d + bi.radius_m[c])
        keep = d - bi.radius_m[c] <= hi[i] + 1.0
        inps.append(gi[keep])
        cands.append(c[keep])
    return np.concatenate(inps), np.concatenate(cands)


def _nearest_border(lats: np.ndarray, lons: np.ndarray):
    """(km, nearest lat, nearest lon, borders-layer row) per point; NaN/-1 for NaN input."""
    if lats.size > 1:
        # Event tables repeat locations (ACLED: many events per town): solve
        # each distinct point once.
        uniq, inverse = np.unique(np.stack([lats, lons], axis=1), axis=0, return_inverse=True)
        if len(uniq) < lats.size:
            inverse = inverse.reshape(-1)
            return tuple(a[inverse] for a in _nearest_border_distinct(uniq[:, 0], uniq[:, 1]))
    return _nearest_border_distinct(lats, lons)


def _nearest_border_distinct(lats: np.ndarray, lons: np.ndarray):
    n = lats.size
    km = np.full(n, np.nan)
    nlat = np.full(n, np.nan)
    nlon = np.full(n, np.nan)
    row = np.full(n, -1, dtype=np.int64)
    ok = np.flatnonzero(~(np.isnan(lats) | np.isnan(lons)))
    if ok.size == 0:
        return km, nlat, nlon, row
    bi = _borders()
    inp, cand = _candidate_chunks(bi, lons[ok], lats[ok])
    # every vertex of every candidate chunk, block after block
    counts = bi.chunk_stop[cand] - bi.chunk_start[cand]
    ends = np.cumsum(counts)
    vidx = np.repeat(bi.chunk_start[cand] - ends + counts, counts) + np.arange(ends[-1])
    owner_v = np.repeat(inp, counts)
    chunk_v = np.repeat(cand, counts)
    # azimuthal-equidistant frame centred on each point: exact distance and
    # azimuth to every vertex from pyproj, then planar segment geometry
    az, _, d = _GEOD.inv(lons[ok][owner_v], lats[ok][owner_v], bi.vert[vidx, 0], bi.vert[vidx, 1])
    x, y = d * np.sin(np.radians(az)), d * np.cos(np.radians(az))
    is_start = np.ones(vidx.size, dtype=bool)
    is_start[ends - 1] = False  # a block's last vertex starts no segment
    ia = np.flatnonzero(is_start)
    ax, ay, dx, dy = x[ia], y[ia], x[ia + 1] - x[ia], y[ia + 1] - y[ia]
    len2 = dx * dx + dy * dy
    with np.errstate(invalid="ignore", divide="ignore"):
        t = np.where(len2 > 0, -(ax * dx + ay * dy) / len2, 0.0)
    t = np.clip(t, 0.0, 1.0)
    qx, qy = ax + t * dx, ay + t * dy
    dist = np.hypot(qx, qy)
    owner = owner_v[ia]
    # minimum per point; ties broken by vertex order so results are stable
    order = np.lexsort((vidx[ia], dist, owner))
    owner_s = owner[order]
    first = np.ones(order.size, dtype=bool)
    first[1:] = owner_s[1:] != owner_s[:-1]
    best = order[first]
    who = ok[owner[best]]
    km[who] = dist[best] / 1000.0
    bearing = np.degrees(np.arctan2(qx[best], qy[best]))
    flon, flat, _ = _GEOD.fwd(lons[who], lats[who], bearing, dist[best])
    nlat[who], nlon[who] = flat, flon
    row[who] = bi.chunk_pair[chunk_v[ia][best]]
    return km, nlat, nlon, row


def distance_to_border_km(lat: float, lon: float) -> float:
    """Geodesic distance (km, WGS84) to the nearest international land border.

    See the module docstring for the method; the result is exact to about
    10 m for the bundled border lines, which lie within ~0.5 km of Natural
    Earth 10m.  Points on islands without a land border get the distance to
    the nearest land border anywhere.

    Raises
    ------
    InvalidNameError
        For NaN, non-numeric or out-of-range coordinates.

    Examples
    --------
    >>> distance_to_border_km(34.1147, 71.0847) < 3   # Torkham crossing
    True
    >>> round(distance_to_border_km(34.5553, 69.2075))   # Kabul, to the Parrot's Beak
    85
    """
    la, lo = _check_scalar(lat, lon)
    return float(_nearest_border(np.array([la]), np.array([lo]))[0][0])


def distances_to_border_km(lats, lons) -> np.ndarray:
    """Vectorised :func:`distance_to_border_km`; NaN for NaN coordinates.

    Examples
    --------
    >>> d = distances_to_border_km([34.5553, 31.5017], [69.2075, 34.4668])
    >>> bool(d[1] < d[0])   # Gaza City is nearer a border than Kabul
    True
    """
    la, lo = _as_arrays(lats, lons)
    return _nearest_border(la, lo)[0]


def nearest_border(lat: float, lon: float) -> dict[str, Any]:
    """The nearest international land border to a point.

    Returns
    -------
    dict
        ``km`` (geodesic), ``countries`` (the two ISO codes, sorted),
        ``lat`` and ``lon`` of the nearest point on the border.

    Examples
    --------
    >>> nb = nearest_border(34.5553, 69.2075)   # Kabul
    >>> nb["countries"]
    ('AF', 'PK')
    """
    la, lo = _check_scalar(lat, lon)
    km, nlat, nlon, row = _nearest_border(np.array([la]), np.array([lo]))
    p = _layer("borders").props[int(row[0])]
    return {
        "km": float(km[0]),
        "countries": (p["left"], p["right"]),
        "lat": round(float(nlat[0]), 6),
        "lon": round(float(nlon[0]), 6),
    }


# --------------------------------------------------------------------------- polygons by id
def country_polygon(code: str):
    """Polygon (shapely) of the country with ISO 3166-1 alpha-2 ``code``.

    Raises
    ------
    UnknownPlaceError
        If no bundled country has that code (``suggestions`` lists codes
        sharing its first letter).

    Examples
    --------
    >>> country_polygon("af").geom_type in ("Polygon", "MultiPolygon")
    True
    """
    layer = _layer("countries")
    want = str(code).strip().upper() if code is not None else ""
    for i, p in enumerate(layer.props):
        if p["country_code"] == want:
            return layer.geoms[i]
    similar = sorted(p["country_code"] for p in layer.props if want and p["country_code"][:1] == want[:1])
    raise UnknownPlaceError(
        f"no country with ISO 3166-1 alpha-2 code {code!r} in the bundled boundaries; "
        "use a two-letter code such as 'PK'",
        suggestions=similar,
    )


def admin1_polygon(id: str):  # noqa: A002 - the gazetteer id is the natural name
    """Polygon (shapely) of the admin-1 unit with gazetteer id ``id`` (``"ne:AFG-3413"``).

    Raises
    ------
    UnknownPlaceError
        If no bundled admin-1 unit has that id.

    Examples
    --------
    >>> admin1_polygon("ne:AFG-3413").contains(__import__("shapely").Point(69.38, 33.57))
    True
    """
    layer = _layer("admin1")
    ids = _admin1_ids()
    i = ids.get(str(id))
    if i is None:
        raise UnknownPlaceError(
            f"no admin-1 unit with id {id!r}; ids look like 'ne:AFG-3413' (see load_admin1()['id'])"
        )
    return layer.geoms[i]


_admin1_id_map: dict[str, int] | None = None


def _admin1_ids() -> dict[str, int]:
    global _admin1_id_map
    if _admin1_id_map is None:
        _admin1_id_map = {p["id"]: i for i, p in enumerate(_layer("admin1").props)}
    return _admin1_id_map
