"""Offline gazetteer: GeoNames places, Natural Earth countries and admin-1
areas, a curated landmark layer and user layers, with context-aware resolution.

Knows places and nothing about conflicts; ``geoconflict`` builds on it.
Heavy modules are imported lazily so that ``import gazetteer`` stays cheap.
"""

from importlib import import_module

from gazetteer.errors import (
    GazetteerDataError,
    GazetteerError,
    InvalidNameError,
    LayerFormatError,
    UnknownPlaceError,
)
from gazetteer.model import FEATURE_TYPES, Place, Resolution

# public name -> module that defines it
_LAZY = {
    "Gazetteer": "gazetteer.core",
    "get_gazetteer": "gazetteer.core",
    "normalize_name": "gazetteer.normalize",
    "country_at": "gazetteer.boundaries",
    "admin1_at": "gazetteer.boundaries",
    "distance_to_border_km": "gazetteer.boundaries",
}

__all__ = [
    "FEATURE_TYPES",
    "Place",
    "Resolution",
    "GazetteerError",
    "GazetteerDataError",
    "InvalidNameError",
    "LayerFormatError",
    "UnknownPlaceError",
    *_LAZY,
]


def __getattr__(name: str):
    if name in _LAZY:
        value = getattr(import_module(_LAZY[name]), name)
        globals()[name] = value
        return value
    raise AttributeError(f"module 'gazetteer' has no attribute {name!r}")


def __dir__():
    return sorted(__all__)
