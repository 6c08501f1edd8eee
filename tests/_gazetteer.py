"""Helpers for the gazetteer tests: one shared Gazetteer per session.

The real index is built at most once, in the user's cache (or
``$GEOCONFLICT_CACHE``), and reused by every later run and by other test
modules through :func:`gazetteer.get_gazetteer`.
"""

from __future__ import annotations

from gazetteer.sources import PlaceRecord

__all__ = ["tiny_records"]


def tiny_records(extra_name: str = "Testville") -> list[PlaceRecord]:
    """A three-place world for index tests that must not build the real index."""
    return [
        PlaceRecord("country:ZZ", "Zedland", 10.0, 20.0, "ZZ", None, None, "country", 1000, 50_000.0, "test",
                    [("Zedland", 0), ("Zed", 1)]),
        PlaceRecord("test:1", extra_name, 10.1, 20.1, "ZZ", "North", "ZZ.01", "city", 5000, 1000.0, "test",
                    [(extra_name, 0), ("Tstvl", 1)]),
        PlaceRecord("test:2", "Al-Qaryah", 10.2, 20.2, "ZZ", "North", "ZZ.01", "city", 800, 1000.0, "test",
                    [("Al-Qaryah", 0)]),
    ]
