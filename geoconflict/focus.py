"""The geographic focus of a report, and resolutions that fall far outside it.

A report about Rakhine that names "Kyaukphyu" should not put it in China
because GeoNames lists the name as an alias of a Chinese town, and a report
about Upper Nile should not put "Ulang" in France.  Such resolutions are weak
(a low ranking score) *and* far from every place the report names with
confidence *and* in a country none of those places is in.  Each condition
alone is normal -- a report may rightly name a small town a thousand
kilometres away -- but together they mark a wrong guess.  The honest answer is
then "not located": the mention stays in the output, unresolved and flagged
ambiguous, with the rejected candidate kept among its alternatives.
"""

from __future__ import annotations

import dataclasses
import unicodedata
from collections.abc import Sequence

import numpy as np

from geoconflict.actors import capital_country
from geoconflict.facts import geodesics
from geoconflict.mentions import Mention

__all__ = ["ANCHOR_SCORE", "WEAK_SCORE", "FAR_KM", "MAJOR_POPULATION", "CUED_CITY_POPULATION", "focus_anchors", "drop_far_outliers"]

#: A resolution at least this sure (and not ambiguous) anchors the focus.
ANCHOR_SCORE = 0.7
#: A resolution below this score is weak enough to be overruled by the focus.
WEAK_SCORE = 0.7
#: Farther than this from every anchor (geodesic, WGS84) is outside the focus.
FAR_KM = 1000.0
#: Cities at least this populous, and national capitals, are never
#: overruled: reports name them as actors ("Moscow is concerned", "Islamabad
#: said") far from the scene.
MAJOR_POPULATION = 1_000_000


def _fold(name: str) -> str:
    letters = "".join(c for c in unicodedata.normalize("NFKD", name) if c.isalpha()).casefold()
    for article in ("al", "el", "ad", "ar", "as", "ash", "at", "az"):
        if letters.startswith(article) and len(letters) > len(article) + 3:
            if name.casefold().startswith((article + "-", article + " ")):
                return letters[len(article):]
    return letters


def _resembles(surface: str, name: str) -> bool:
    """Whether the mention is written like the place's own name (Qamishli ~
    Al Qamishli), not matched through an unrelated alias (Kyaukphyu -> Qufu)."""
    from rapidfuzz import fuzz

    return fuzz.ratio(_fold(surface), _fold(name)) >= 75


def _major(p) -> bool:
    return (p.population or 0) >= MAJOR_POPULATION or (
        p.country_code is not None and capital_country(p.name) == p.country_code)

_POINTLIKE = ("city", "area", "landmark", "admin1")
#: A city at least this populous, written as its own name of several words
#: with a locative cue ("the court in The Hague"), is meant even far from the scene.
CUED_CITY_POPULATION = 100_000


def _cued_city(m: Mention) -> bool:
    """Whether the text writes the place as a city of its own weight: its own
    name of several words, unambiguous, with a locative cue ("in The Hague").
    One word is too often a namesake ("Palma" in Mozambique is not the
    Spanish city)."""
    p = m.place
    return (p.feature_type == "city" and (p.population or 0) >= CUED_CITY_POPULATION and not m.ambiguous
            and " " in m.text.strip() and "X" in (m.cue or "") and _fold(m.text) == _fold(p.name))


def _key(m: Mention) -> str:
    return " ".join(m.text.casefold().split())


def focus_anchors(mentions: Sequence[Mention]) -> list[Mention]:
    """Mentions confident enough to define where the report is about.

    Countries are left out: reports name them as actors and reactors
    ("Russia said ...") far more often than as the scene.

    Examples
    --------
    >>> from gazetteer import Place
    >>> kabul = Place("Kabul", 34.53, 69.17, "AF", "Kabul", "city", "t:kabul", score=0.95)
    >>> [m.text for m in focus_anchors([Mention(0, 5, "Kabul", kabul)])]
    ['Kabul']
    """
    return [
        m for m in mentions
        if m.place is not None and not m.ambiguous and m.place.score >= ANCHOR_SCORE
        and m.place.feature_type != "country"
    ]


def drop_far_outliers(mentions: Sequence[Mention]) -> list[Mention]:
    """Unresolve weak resolutions far outside the report's focus.

    A name is unresolved when every mention of it scored below
    :data:`WEAK_SCORE`, its place lies more than :data:`FAR_KM` from every
    anchor (see :func:`focus_anchors`; at least two are needed; an area's
    extent, ``precision_m``, counts towards the distance) and in a
    country no anchor is in -- nor one the report names, when the mention is
    written like the place's own name --, and it is neither a national
    capital nor a city of :data:`MAJOR_POPULATION` or more, nor a city of
    :data:`CUED_CITY_POPULATION` or more written as its own name of several
    words with a locative cue ("the court in The Hague").
    Such mentions keep their span, get ``place=None`` and ``ambiguous=True``,
    and list the rejected place first among ``alternatives``.  Returns a new
    list; the input is not modified.

    Examples
    --------
    >>> from gazetteer import Place
    >>> sittwe = Place("Sittwe", 20.15, 92.9, "MM", "Rakhine", "city", "t:sittwe", score=0.99)
    >>> ann = Place("Ann", 19.78, 94.03, "MM", "Rakhine", "city", "t:ann", score=0.95)
    >>> qufu = Place("Qufu", 35.6, 116.99, "CN", "Shandong", "city", "t:qufu", score=0.51)
    >>> out = drop_far_outliers([Mention(0, 6, "Sittwe", sittwe), Mention(10, 13, "Ann", ann),
    ...                          Mention(20, 29, "Kyaukphyu", qufu)])
    >>> [(m.text, m.resolved) for m in out]
    [('Sittwe', True), ('Ann', True), ('Kyaukphyu', False)]
    >>> out[2].alternatives[0].name
    'Qufu'
    """
    anchors = focus_anchors(mentions)
    if len(anchors) < 2:
        return list(mentions)  # one confident place is too little to call a focus
    strong = {_key(m) for m in mentions if m.place is not None and m.place.score >= WEAK_SCORE}
    anchor_countries = {m.place.country_code for m in anchors}
    # a country the report names vouches for places in it that are written
    # like their own names ("In Syria, ... Qamishli"), not for alias matches
    named = {m.place.country_code for m in mentions
             if m.place is not None and m.place.feature_type == "country" and m.place.score >= WEAK_SCORE}
    suspects = [
        i for i, m in enumerate(mentions)
        if m.place is not None and m.place.feature_type in _POINTLIKE and _key(m) not in strong
        and m.place.country_code not in anchor_countries and not _major(m.place)
        and not (m.place.country_code in named and _resembles(m.text, m.place.name))
        and not _cued_city(m)
    ]
    if not suspects:
        return list(mentions)
    a_lat = np.array([m.place.lat for m in anchors], dtype="float64")
    a_lon = np.array([m.place.lon for m in anchors], dtype="float64")
    out = list(mentions)
    for i in suspects:
        p = mentions[i].place
        km, _ = geodesics(np.full(len(anchors), p.lat), np.full(len(anchors), p.lon), a_lat, a_lon)
        # an area (a sea, a strait) reaches the anchors with its extent, not its centre:
        # the Red Sea's centre is 1,000 km from Hodeidah, its shore is not
        reach = (p.precision_m or 0.0) / 1000.0 if p.feature_type == "area" else 0.0
        if np.nanmin(km) - reach > FAR_KM:
            m = mentions[i]
            others = tuple(a for a in m.alternatives if a.gazetteer_id != p.gazetteer_id)
            out[i] = dataclasses.replace(m, place=None, ambiguous=True, alternatives=(p, *others))
    return out
