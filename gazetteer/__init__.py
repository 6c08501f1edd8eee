"""Offline gazetteer: GeoNames places, Natural Earth countries and admin-1
areas, a curated landmark layer and user layers, with context-aware resolution.

Knows places and nothing about conflicts; ``geoconflict`` builds on it.
"""

from gazetteer.errors import (
    GazetteerDataError,
    GazetteerError,
    InvalidNameError,
    LayerFormatError,
    UnknownPlaceError,
)
from gazetteer.model import FEATURE_TYPES, Place, Resolution

__all__ = [
    "FEATURE_TYPES",
    "Place",
    "Resolution",
    "GazetteerError",
    "GazetteerDataError",
    "InvalidNameError",
    "LayerFormatError",
    "UnknownPlaceError",
]
