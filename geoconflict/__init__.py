"""geoconflict: turn conflict reporting into verified, mapped incidents, offline.

Heavy modules (geopandas, folium) are imported lazily on first use so that
the CLI starts quickly.
"""

from importlib import import_module

from geoconflict.errors import (
    AssetsNotFoundError,
    FormatError,
    GeoconflictError,
    InputError,
    OutputExistsError,
    UnknownPlaceError,
)
from geoconflict.mentions import Mention

# public name -> module that defines it
_LAZY = {
    "Report": "geoconflict.report",
    "geoparse": "geoconflict.geoparsing",
    "resolve_mentions": "geoconflict.geoparsing",
    "read_report": "geoconflict.extract",
    "read_reports": "geoconflict.extract",
    "ReportCollection": "geoconflict.collection",
    "report_map": "geoconflict.maps",
    "save_map": "geoconflict.maps",
    "write_report": "geoconflict.io",
    "read_file": "geoconflict.io",
    "read_acled": "geoconflict.io",
}

__all__ = [
    "AssetsNotFoundError",
    "FormatError",
    "GeoconflictError",
    "InputError",
    "Mention",
    "OutputExistsError",
    "UnknownPlaceError",
    *_LAZY,
]


def __getattr__(name: str):
    if name in _LAZY:
        value = getattr(import_module(_LAZY[name]), name)
        globals()[name] = value
        return value
    raise AttributeError(f"module 'geoconflict' has no attribute {name!r}")


def __dir__():
    return sorted(__all__)
