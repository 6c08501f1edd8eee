"""The records the gazetteer returns: :class:`Place` and :class:`Resolution`."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

__all__ = ["Place", "Resolution", "FEATURE_TYPES"]

#: ``Place.feature_type`` vocabulary.
FEATURE_TYPES = ("country", "admin1", "city", "landmark", "area")


@dataclass(frozen=True)
class Place:
    """One gazetteer entry, optionally scored against a query.

    Attributes
    ----------
    name : str
        Preferred name (e.g. ``"Paktia"``).
    lat, lon : float
        WGS84 representative point (degrees).
    country_code : str or None
        ISO 3166-1 alpha-2.
    admin1 : str or None
        Name of the first-level division containing the place (its own name
        for an admin1 entry, None for a country).
    feature_type : str
        One of :data:`FEATURE_TYPES`.
    gazetteer_id : str
        Source-qualified id: ``"geonames:1138958"``, ``"ne:AFG-3413"``,
        ``"country:AF"``, ``"curated:pk-pmo"``, ``"user:..."``.
    population : int
        0 when unknown.
    precision_m : float
        Radius in metres within which the true location lies (0 for exact
        points, the extent for areas).
    source : str
        Human-readable provenance (``"GeoNames"``, ``"Natural Earth 10m admin-1"``, ...).
    score : float
        Ranking score in 0..1 (1.0 when not ranked).
    fuzzy : bool
        True when matched by the fuzzy fallback rather than an exact name.
    matched_name : str
        The name or alias that matched the query.
    """

    name: str
    lat: float
    lon: float
    country_code: str | None
    admin1: str | None
    feature_type: str
    gazetteer_id: str
    population: int = 0
    precision_m: float = 0.0
    source: str = ""
    score: float = 1.0
    fuzzy: bool = False
    matched_name: str = ""
    admin1_code: str | None = None

    def to_dict(self) -> dict[str, Any]:
        """Plain-JSON view (the CLI ``--json`` shape)."""
        d = asdict(self)
        d["score"] = round(float(d["score"]), 4)
        return d


@dataclass
class Resolution:
    """Outcome of resolving one name: the best place and ranked alternatives.

    ``best`` is None when nothing matched; ``unresolved_reason`` then says why.
    ``ambiguous`` is True when the runner-up scores close to the best.
    """

    query: str
    best: Place | None
    alternatives: list[Place] = field(default_factory=list)
    ambiguous: bool = False
    unresolved_reason: str | None = None
    suggestions: list[str] = field(default_factory=list)

    @property
    def resolved(self) -> bool:
        return self.best is not None
