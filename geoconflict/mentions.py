"""The :class:`Mention` record shared by geoparsing, events and claims."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from gazetteer import Place

__all__ = ["Mention"]


@dataclass
class Mention:
    """A place name found in a text, with its resolution.

    ``start``/``end`` are character offsets into the original text, so
    ``text[start:end] == mention.text``.  ``place`` is None when the span could
    not be resolved; the mention is still reported (never silently dropped).
    """

    start: int
    end: int
    text: str
    place: Place | None = None
    alternatives: tuple[Place, ...] = ()
    ambiguous: bool = False
    cue: str | None = None  # why it was taken for a place: "in X", "X province", "gazetteer"...

    @property
    def resolved(self) -> bool:
        return self.place is not None

    def to_dict(self) -> dict[str, Any]:
        """The JSON shape used by ``geoconflict geoparse --json``."""
        p = self.place
        return {
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "lat": None if p is None else round(p.lat, 7),
            "lon": None if p is None else round(p.lon, 7),
            "country_code": None if p is None else p.country_code,
            "admin1": None if p is None else p.admin1,
            "feature_type": None if p is None else p.feature_type,
            "gazetteer_id": None if p is None else p.gazetteer_id,
            "score": None if p is None else round(float(p.score), 4),
        }
