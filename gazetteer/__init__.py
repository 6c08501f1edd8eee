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
    **{
        name: "gazetteer.boundaries"
        for name in (
            "country_at",
            "countries_at",
            "admin1_at",
            "admin1s_at",
            "distance_to_border_km",
            "distances_to_border_km",
            "nearest_border",
            "country_polygon",
            "admin1_polygon",
            "load_admin1",
            "load_countries",
            "load_borders",
        )
    },
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
