"""Exceptions raised by the gazetteer.

Every exception derives from :class:`GazetteerError` and from the builtin it
most resembles, so callers may catch either (the pattern of geopy's ``exc.py``).
"""

__all__ = [
    "GazetteerError",
    "InvalidNameError",
    "UnknownPlaceError",
    "GazetteerDataError",
    "LayerFormatError",
]


class GazetteerError(Exception):
    """Root of every error raised by ``gazetteer`` (and, through
    ``geoconflict.GeoconflictError``, by the whole project)."""


class InvalidNameError(GazetteerError, ValueError):
    """A place name that cannot be looked up (empty, too long, control characters)."""


class UnknownPlaceError(GazetteerError, LookupError):
    """No gazetteer entry matches a name; ``suggestions`` lists near misses."""

    def __init__(self, message: str, suggestions: "list[str] | None" = None):
        super().__init__(message)
        self.suggestions = list(suggestions or [])


class GazetteerDataError(GazetteerError, OSError):
    """Bundled or cached gazetteer data is missing or unreadable."""


class LayerFormatError(GazetteerError, ValueError):
    """A user layer (CSV, GeoJSON, GeoNames dump) is malformed."""
