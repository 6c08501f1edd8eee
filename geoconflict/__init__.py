"""geoconflict: turn conflict reporting into verified, mapped incidents, offline."""

from geoconflict.errors import (
    AssetsNotFoundError,
    FormatError,
    GeoconflictError,
    InputError,
    OutputExistsError,
    UnknownPlaceError,
)
from geoconflict.mentions import Mention
from geoconflict.report import Report

__all__ = [
    "AssetsNotFoundError",
    "FormatError",
    "GeoconflictError",
    "InputError",
    "Mention",
    "OutputExistsError",
    "Report",
    "UnknownPlaceError",
]
