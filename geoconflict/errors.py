"""Exceptions raised by geoconflict.

One root, :class:`GeoconflictError`, which itself derives from
:class:`gazetteer.GazetteerError` so that ``except gazetteer.GazetteerError``
catches every error the project raises.  Each subclass also subclasses the
matching builtin (``InputError`` is a ``ValueError``), as geopy and shapely do.
"""

from gazetteer.errors import (
    GazetteerDataError,
    GazetteerError,
    InvalidNameError,
    LayerFormatError,
    UnknownPlaceError,
)

__all__ = [
    "GeoconflictError",
    "InputError",
    "OutputExistsError",
    "AssetsNotFoundError",
    "FormatError",
    # re-exported from the gazetteer
    "GazetteerError",
    "GazetteerDataError",
    "InvalidNameError",
    "LayerFormatError",
    "UnknownPlaceError",
]


class GeoconflictError(GazetteerError):
    """Root of every error raised by ``geoconflict``."""


class InputError(GeoconflictError, ValueError):
    """Input the toolkit cannot read: wrong encoding, unknown format, bad option."""


class FormatError(GeoconflictError, ValueError):
    """An unsupported file format was requested; the message lists valid ones."""


class OutputExistsError(GeoconflictError, FileExistsError):
    """Refusing to overwrite an existing output file (pass ``force=True`` / ``--force``)."""


class AssetsNotFoundError(GeoconflictError, FileNotFoundError):
    """Offline map assets (Leaflet from npm) are not installed; run ``make setup``."""
