"""``geoconflict distance A B``: geodesic distance and bearing between two places."""

from __future__ import annotations

import argparse
import json

from geoconflict._commands.resolve import add_place_arguments, place_json

__all__ = ["register", "run", "distance"]

_EPILOG = """\
examples:
  geoconflict distance "Prime Minister's Office, Islamabad" "Faizabad, Islamabad" --json
  geoconflict distance Kabul Kandahar
  geoconflict distance PMO Faizabad --context "Islamabad's Faizabad area, six km from the PMO"

Distances are geodesics on the WGS84 ellipsoid (pyproj); bearing_deg is the
initial bearing from A to B, clockwise from north (0-360).
"""


def register(subparsers) -> None:
    p = subparsers.add_parser(
        "distance",
        help="geodesic distance and bearing between two place names",
        description="Resolve two place names and print the WGS84 geodesic distance and initial bearing A->B.",
        epilog=_EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument("a", help="first place (from)")
    p.add_argument("b", help="second place (to)")
    add_place_arguments(p)
    p.set_defaults(func=run)


def distance(a, b) -> tuple[float, float]:
    """Geodesic distance in km and initial bearing A->B in degrees [0, 360).

    Examples
    --------
    >>> from gazetteer import Place
    >>> a = Place("A", 0.0, 0.0, None, None, "city", "x:a")
    >>> b = Place("B", 0.0, 1.0, None, None, "city", "x:b")
    >>> km, bearing = distance(a, b)
    >>> round(km, 1), round(bearing)
    (111.3, 90)
    """
    from pyproj import Geod

    az12, _, metres = Geod(ellps="WGS84").inv(a.lon, a.lat, b.lon, b.lat)
    return metres / 1000.0, az12 % 360.0


def run(args: argparse.Namespace) -> int:
    from gazetteer import get_gazetteer

    gaz = get_gazetteer()
    ra = gaz.resolve_or_raise(args.a, context=args.context)
    rb = gaz.resolve_or_raise(args.b, context=args.context)
    km, bearing = distance(ra.best, rb.best)
    if args.json:
        out = {
            "km": round(km, 3),
            "bearing_deg": round(bearing, 2),
            "a": place_json(ra.best, ra.ambiguous),
            "b": place_json(rb.best, rb.ambiguous),
        }
        print(json.dumps(out, ensure_ascii=False))
    else:
        print(f"{ra.best.name} ({ra.best.country_code}) -> {rb.best.name} ({rb.best.country_code}): "
              f"{km:.2f} km, initial bearing {bearing:.1f}°")
    return 0
