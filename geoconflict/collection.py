"""Many reports read together: one table per kind for a whole corpus.

:func:`geoconflict.read_reports` returns a :class:`ReportCollection`.  Its
``places``, ``incidents``, ``claims`` and ``stances`` hold the rows of every
report, with a leading ``report_id`` column and ids qualified by it
(``"R2/I1"``; ``responds_to`` likewise), so the tables can be mapped and
exported like one report's.  Indexing gives back a single
:class:`~geoconflict.report.Report` with the ids :func:`read_report` would
have given it.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from os import PathLike
from typing import Any

import geopandas as gpd
import pandas as pd

from geoconflict.errors import InputError
from geoconflict.report import Report, _unresolved
from geoconflict.schema import empty_frame

__all__ = ["ReportCollection", "REPORT_COLUMNS"]

#: Columns of :attr:`ReportCollection.reports`, one row per input report.
REPORT_COLUMNS: dict[str, str] = {
    "report_id": "string",
    "title": "string",
    "published": "datetime64[ms]",
    "source": "string",
    "incidents": "Int64",
    "places": "Int64",
    "unresolved": "Int64",
    "claims": "Int64",
    "stances": "Int64",
    "error": "string",   # why the report could not be read (on_error="record"), else null
}

_TABLES = ("places", "incidents", "claims", "stances")
_ID_SEP = "/"


@dataclass
class ReportCollection:
    """Places, incidents, claims and stances of many reports.

    Each table has a ``report_id`` column first; ``id`` (and an incident's
    ``responds_to``) are qualified as ``"<report_id>/<id>"`` so that they are
    unique across the collection.  ``reports`` has one row per input report,
    in input order, with its title, date, outlet, row counts and, for a
    report that could not be read, the error.

    Examples
    --------
    >>> from geoconflict import read_reports
    >>> rc = read_reports({"a": "Drones struck El Fasher on Sunday.",
    ...                    "b": "Protesters marched in Nairobi on Monday."}, published="2025-03-04")
    >>> len(rc), list(rc.incidents["id"])
    (2, ['a/I1', 'b/I1'])
    >>> rc["b"].incidents.loc[0, "location"]
    'Nairobi'
    """

    places: gpd.GeoDataFrame = field(default_factory=lambda: _empty("place"))
    incidents: gpd.GeoDataFrame = field(default_factory=lambda: _empty("incident"))
    claims: gpd.GeoDataFrame = field(default_factory=lambda: _empty("claim"))
    stances: gpd.GeoDataFrame = field(default_factory=lambda: _empty("stance"))
    reports: pd.DataFrame = field(default_factory=lambda: _report_table([]))
    texts: list[str] = field(default_factory=list, repr=False)
    title: str = ""
    source: str = ""
    published: Any = None

    def __len__(self) -> int:
        return len(self.reports)

    def __iter__(self) -> Iterator[Report]:
        for i in range(len(self)):
            yield self[i]

    def __getitem__(self, key: int | str) -> Report:
        """The report at position ``key`` (int) or with ``report_id`` ``key`` (str)."""
        ids = self.reports["report_id"].tolist()
        if isinstance(key, str):
            if key not in ids:
                shown = ", ".join(map(str, ids[:5])) + (" ..." if len(ids) > 5 else "")
                raise KeyError(f"no report with id {key!r}; report ids are: {shown}")
            pos = ids.index(key)
        elif isinstance(key, int) and not isinstance(key, bool):
            if not -len(ids) <= key < len(ids):
                raise IndexError(f"report position {key} out of range for {len(ids)} reports")
            pos = key % len(ids)
        else:
            raise TypeError(f"index a ReportCollection by position (int) or report_id (str), not {type(key).__name__}")
        rid = ids[pos]
        meta = self.reports.iloc[pos]
        published = meta["published"]
        return Report(
            **{name: _one_report(getattr(self, name), rid) for name in _TABLES},
            text=self.texts[pos] if pos < len(self.texts) else "",
            published=None if pd.isna(published) else published.date(),
            title="" if pd.isna(meta["title"]) else str(meta["title"]),
            source="" if pd.isna(meta["source"]) else str(meta["source"]),
        )

    @property
    def unresolved(self) -> list[str]:
        """Names that could not be placed, across all reports (with repeats)."""
        return _unresolved(self.places)

    @property
    def errors(self) -> dict[str, str]:
        """``report_id -> message`` for the reports that could not be read."""
        bad = self.reports[self.reports["error"].notna()]
        return dict(zip(bad["report_id"].astype(str), bad["error"].astype(str)))

    def explore(self, **kwargs: Any):
        """Interactive folium map of every report (see :func:`geoconflict.maps.report_map`)."""
        from geoconflict.maps import report_map

        return report_map(self, **kwargs)

    def to_file(self, path: str | PathLike, *, force: bool = False, **kwargs: Any) -> None:
        """Write every table to ``path`` (see :func:`geoconflict.io.write_report`)."""
        from geoconflict.io import write_report

        write_report(self, path, force=force, **kwargs)

    def _repr_html_(self) -> str:
        return self.explore()._repr_html_()

    def __repr__(self) -> str:
        failed = len(self.errors)
        return (
            f"<ReportCollection: {len(self)} reports{f' ({failed} failed)' if failed else ''}, "
            f"{len(self.incidents)} incidents, {len(self.places)} places "
            f"({len(self.unresolved)} unresolved), {len(self.claims)} claims, {len(self.stances)} stances>"
        )


def _empty(kind: str) -> gpd.GeoDataFrame:
    frame = empty_frame(kind)
    frame.insert(0, "report_id", pd.array([], dtype="string"))
    return frame


def _report_table(rows: list[dict[str, Any]]) -> pd.DataFrame:
    data = {}
    for name, dtype in REPORT_COLUMNS.items():
        values = [r.get(name) for r in rows]
        if dtype.startswith("datetime"):
            data[name] = pd.to_datetime(pd.Series(values, dtype=object), errors="coerce").astype(dtype)
        else:
            data[name] = pd.Series(values, dtype=dtype if rows else dtype)
    return pd.DataFrame(data)


def _qualify(rid: str, value: Any) -> Any:
    if not isinstance(value, str) or not value:
        return value
    return " ".join(f"{rid}{_ID_SEP}{token}" for token in value.split())


def _unqualify(rid: str, values: pd.Series) -> pd.Series:
    prefix = f"{rid}{_ID_SEP}"

    def strip(value):
        if not isinstance(value, str):
            return value
        return " ".join(t[len(prefix):] if t.startswith(prefix) else t for t in value.split())

    return pd.Series([strip(v) for v in values], index=values.index, dtype="string")


def _one_report(table: gpd.GeoDataFrame, rid: str) -> gpd.GeoDataFrame:
    """Rows of one report, with the ids :func:`read_report` gives them."""
    rows = table[table["report_id"] == rid].drop(columns="report_id").reset_index(drop=True)
    for col in ("id", "responds_to"):
        if col in rows.columns:
            rows[col] = _unqualify(rid, rows[col])
    return rows


def _check_ids(ids: list[str]) -> None:
    seen: set[str] = set()
    for rid in ids:
        if not rid or _ID_SEP in rid or any(ch.isspace() for ch in rid):
            raise InputError(
                f"report id {rid!r} is empty or contains '{_ID_SEP}' or whitespace; use ids such as "
                "'R1', 'dawn-2026-02-27' or a file stem"
            )
        if rid in seen:
            raise InputError(f"report id {rid!r} is used twice; give every report a distinct id")
        seen.add(rid)
