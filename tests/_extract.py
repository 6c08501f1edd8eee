"""Helpers for the extraction tests: hand-built places and mentions."""

from __future__ import annotations

from gazetteer import Place
from geoconflict.mentions import Mention


def place(name, lat, lon, cc, feature_type="city", admin1=None, gid=None, **kw) -> Place:
    return Place(name, lat, lon, cc, admin1 if admin1 is not None else name, feature_type,
                 gid or f"test:{name.lower().replace(' ', '-')}", **kw)


KABUL = place("Kabul", 34.528, 69.172, "AF")
KANDAHAR = place("Kandahar", 31.613, 65.71, "AF")
PAKTIA = place("Paktia", 33.575, 69.383, "AF", "admin1")
ISLAMABAD = place("Islamabad", 33.721, 73.043, "PK", admin1="Islamabad Capital Territory")
FAIZABAD = place("Faizabad", 33.664, 73.087, "PK", "area", admin1="Islamabad Capital Territory")
PMO = place("Prime Minister's Office", 33.7257, 73.1002, "PK", "landmark", admin1="Islamabad Capital Territory")
BADAKHSHAN = place("Badakhshan", 36.73, 70.81, "AF", "admin1")
FAYZABAD = place("Fayzabad", 37.117, 70.58, "AF", admin1="Badakhshan")
PAKISTAN = place("Pakistan", 30.38, 70.1, "PK", "country", admin1=None, gid="country:PK")
AFGHANISTAN = place("Afghanistan", 33.93, 65.18, "AF", "country", admin1=None, gid="country:AF")
KHARKIV = place("Kharkiv", 49.98, 36.25, "UA")
BELGOROD = place("Belgorod", 50.61, 36.58, "RU")
EL_FASHER = place("El Fasher", 13.63, 25.35, "SD", admin1="North Darfur")
DHAKA = place("Dhaka", 23.81, 90.41, "BD")

PLACES = {p.name: p for p in (KABUL, KANDAHAR, PAKTIA, ISLAMABAD, FAIZABAD, PMO, BADAKHSHAN, FAYZABAD,
                              PAKISTAN, AFGHANISTAN, KHARKIV, BELGOROD, EL_FASHER, DHAKA)}


def mentions(text: str, places: dict[str, Place] | None = None) -> list[Mention]:
    """Every occurrence in ``text`` of the names in ``places`` (longest first, no overlaps)."""
    places = PLACES if places is None else places
    out: list[Mention] = []
    taken: list[tuple[int, int]] = []
    for name in sorted(places, key=len, reverse=True):
        start = text.find(name)
        while start >= 0:
            end = start + len(name)
            before = text[start - 1] if start else " "
            after = text[end] if end < len(text) else " "
            if not before.isalnum() and not after.isalnum() and all(end <= a or start >= b for a, b in taken):
                out.append(Mention(start, end, name, places[name]))
                taken.append((start, end))
            start = text.find(name, end)
    return sorted(out, key=lambda m: m.start)
