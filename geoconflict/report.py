"""The :class:`Report`: everything extracted from one text, as GeoDataFrames."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from os import PathLike
from typing import Any

import geopandas as gpd

from geoconflict.schema import empty_frame

__all__ = ["Report"]


@dataclass
class Report:
    """Places, incidents, claims and stances extracted from one report.

    Each table is a GeoDataFrame whose columns are defined in
    :mod:`geoconflict.schema`.  In Jupyter a ``Report`` displays as its map.
    """

    places: gpd.GeoDataFrame = field(default_factory=lambda: empty_frame("place"))
    incidents: gpd.GeoDataFrame = field(default_factory=lambda: empty_frame("incident"))
    claims: gpd.GeoDataFrame = field(default_factory=lambda: empty_frame("claim"))
    stances: gpd.GeoDataFrame = field(default_factory=lambda: empty_frame("stance"))
    text: str = ""
    published: date | None = None
    title: str = ""
    source: str = ""

    @property
    def unresolved(self) -> list[str]:
        """Names the report mentions that the gazetteer could not place."""
        return _unresolved(self.places)

    def explore(self, **kwargs: Any):
        """Interactive folium map of the report (see :func:`geoconflict.maps.report_map`)."""
        from geoconflict.maps import report_map

        return report_map(self, **kwargs)

    def to_file(self, path: str | PathLike, *, force: bool = False, **kwargs: Any) -> None:
        """Write every table to ``path``; the format follows the suffix
        (see :func:`geoconflict.io.write_report`)."""
        from geoconflict.io import write_report

        write_report(self, path, force=force, **kwargs)

    def _repr_html_(self) -> str:
        return self.explore()._repr_html_()

    def __repr__(self) -> str:
        return (
            f"<Report: {len(self.incidents)} incidents, {len(self.places)} places "
            f"({len(self.unresolved)} unresolved), {len(self.claims)} claims, "
            f"{len(self.stances)} stances>"
        )


def _unresolved(places) -> list[str]:
    """The ``text`` of every place row with ``resolved`` false or null."""
    if places.empty:
        return []
    return [str(t) for t in places.loc[~places["resolved"].fillna(False).astype(bool), "text"]]
