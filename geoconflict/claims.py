"""Distance statements in report text, checked against geodesics.

A *claim* is a sentence fragment that states how far one place is from
another: "just six kilometres from the Prime Minister's Office", "about 180 km
south of El Fasher", "within 5 miles of the border".  :func:`extract_claims`
finds them, decides which place is the *reference* (the one after
"from"/"of") and which the *target* (the place the sentence locates), measures
the WGS84 geodesic between the two resolved places and judges the statement
with :func:`judge`.

Hedges
------
``exact``        no qualifier, or "just", "only", "barely"
``approximate``  about, some, roughly, around, nearly, almost, approximately,
                 an estimated, close to, circa, "a couple of"
``at_most``      within, less than, under, up to, no more than, just under
``at_least``     more than, over, at least, beyond, upwards of, just over
``vague``        a few, several, a number of, "just across the border"

Tolerance (documented contract)
-------------------------------
::

    rel       = {exact: 0.15, approximate: 0.30, at_most: 0.15,
                 at_least: 0.15, vague: 0.50}[hedge]
    tolerance = max(rel * min(stated_km, computed_km), 1.0)
                + min(extent_km, 0.5 * computed_km)

``extent_km`` is the sum of the extents of the reference and the target.
An area (a province, a city quarter: ``admin1``, ``area``) counts its radius
``precision_m`` / 1000, because a report may measure from any part of it.  A
settlement or other point place counts its radius (from its population) up
to :data:`POINT_EXTENT_CAP_KM` (3 km): reports measure between town centres,
and a town point sometimes carries the population of its whole district, so
an uncapped radius let a distance misstated by half pass as consistent.
The relative part is taken of the smaller of the two distances, so a figure
inflated by a third ("about 600 km" for 450 km) is *overstated* however large
it is; the areal part is capped at half the computed distance, so a
municipality's radius cannot excuse a town-to-town distance stated at twice
its length.
Verdicts compare ``computed_km`` with ``stated_km``:

* two-sided hedges (exact / approximate / vague):
  ``|computed - stated| <= tolerance`` is *consistent*; a stated distance
  larger than ``computed + tolerance`` is *overstated*, smaller than
  ``computed - tolerance`` *understated*;
* ``at_most`` ("within 5 km") is one-sided: consistent when
  ``computed <= stated + tolerance``, else *understated*;
* ``at_least`` ("more than 20 km"): consistent when
  ``computed >= stated - tolerance``, else *overstated*;
* *unverifiable* when the reference or the target could not be resolved
  (or the statement names no target place), when either is a country (a
  point-to-country distance is not what the text measures), or when the
  extents of areal places exceed twice both the stated and the computed
  distance (any verdict would then come from the tolerance, not from the
  geometry).

A bracket holding only an acronym or a unit conversion ("the Africa Command
(AFRICOM)", "75 kilometers (45 miles)") is not an aside: it neither cuts the
target's noun phrase nor the statement.  A wire-style dateline ("GOMA, Aug 3
(Reuters) -") is skipped when looking for the target.  "the capital" /
"the Somali capital" as a reference is the national capital of the named
country, or of the country most of the report's places lie in (no claim
when no country clearly dominates; "the regional capital" is not one).
"Guyana's capital" (a country named with "'s capital") is that country's
national capital, as target or reference.  An unqualified "the capital" is
first the capital of the target's own country.
When the sentence's subject is an anaphoric place noun ("Both villages lie
about 40 km north-west of X", "The town is ..."), the target is the last
place finer than a province named in the preceding sentence.

The target is the subject of the statement's own clause ("A lies 950 km
north of B, while C is 300 km west of D": C for the second); an earlier
distance phrase of the same clause is an aside ("X, 30 km north of Y, is 60
miles from Z" locates X twice), and a country after the reference only
qualifies it ("south of Cali, Colombia's third city").  An apposition
describing a place ("Sabha, the largest city of the Fezzan, lies ...",
"Pemba, the Cabo Delgado capital, is ...", "Bosaso, Puntland's main port,
...") is an aside: a province or country inside it is neither the target nor
the reference.  A place after the reference is the target only when the
clause has no subject before the statement ("About 30 km from X lies Y");
"K lies 20 km from M, which is 60 km from N" with K unknown to the gazetteer
has no target (not N).
"C is about 110 km to its north-east", "C lies 1,500 km to the south-west"
and "C is 95 km further west" measure from a place named in the clause
before (in the sentence, else the last clause of the sentence before, in
the same paragraph); C must be the subject ("C lies", "C, on the border,
is") or carry the distance as an aside ("..., C, 200 km to the east").
"further" goes on from that clause's subject; "to the" after a clause of
the same sentence that measures from R elides "of R"; otherwise ("its") the
subject or the reference of that clause, whichever the paragraph has named
more often (its topic), the subject on a tie.  The stated figure never
chooses (it would bias the verdict towards *consistent*); no claim when that
clause locates no town.

Border statements are measured from the target to an international border
(bundled Natural Earth boundaries): "20 km from the Afghan border" uses the
border of the named country (``reference = "Afghan border"``) and the usual
tolerance rule; an unqualified "the border" is the border with the country the
report names most after the target's own (when one clearly leads), else the
nearest border; "just across the border" (``reference = "border"``,
``stated_km = 0``) is consistent when the target lies within
:data:`BORDER_TOLERANCE_KM` plus its extent of that border.  "across the border"
right after a distance's reference ("15 km from X across the border") only
says where X lies: it is no claim of its own.

Direction
---------
A stated direction ("south of", "south-west of", "NE of") is checked against
the computed initial bearing *from the reference to the target*: the
direction holds when the bearing lies within :data:`DIRECTION_TOLERANCE_DEG`
(±45°) of the stated compass point, for cardinal and intercardinal points
alike (reporters round to the nearest of eight points, and sectors of ±45°
overlap so a bearing of 200° is both "south" and "south-west").  When the
places are closer than their extents the bearing is meaningless and the
direction is not contradicted (``direction_ok`` True).
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from typing import Any

from geoconflict.actors import _fold
from geoconflict.mentions import Mention
from geoconflict.nonplaces import demonym_country
from geoconflict.text import Sentence, split_sentences

__all__ = [
    "HEDGES",
    "RELATIVE_TOLERANCE",
    "DIRECTION_TOLERANCE_DEG",
    "BORDER_TOLERANCE_KM",
    "POINT_EXTENT_CAP_KM",
    "UNIT_KM",
    "extract_claims",
    "find_distance_statements",
    "judge",
    "direction_matches",
    "parse_number",
]

HEDGES = ("exact", "approximate", "at_most", "at_least", "vague")

#: Relative tolerance (fraction of the stated distance) per hedge.
RELATIVE_TOLERANCE = {
    "exact": 0.15,
    "approximate": 0.30,
    "at_most": 0.15,
    "at_least": 0.15,
    "vague": 0.50,
}
#: Smallest tolerance, so "1 km" is not judged to the metre.
MIN_TOLERANCE_KM = 1.0
#: Half-width of the compass sector a stated direction accepts.
DIRECTION_TOLERANCE_DEG = 45.0
#: Most the radius of a settlement (or another point place) adds to a tolerance, km.
POINT_EXTENT_CAP_KM = 3.0
#: Tolerance for "just across the border" (distance to the nearest border).
BORDER_TOLERANCE_KM = 15.0

#: Kilometres per unit, keyed by lower-case unit spelling.
UNIT_KM = {
    "km": 1.0, "kms": 1.0, "kilometre": 1.0, "kilometres": 1.0, "kilometer": 1.0,
    "kilometers": 1.0, "klicks": 1.0,
    "mile": 1.609344, "miles": 1.609344, "mi": 1.609344,
    "nautical mile": 1.852, "nautical miles": 1.852, "nm": 1.852,
    "metre": 0.001, "metres": 0.001, "meter": 0.001, "meters": 0.001, "m": 0.001,
    "yard": 0.0009144, "yards": 0.0009144,
}

_NUMBER_WORDS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
    "seventy": 70, "eighty": 80, "ninety": 90, "hundred": 100, "a hundred": 100,
    "one hundred": 100, "a dozen": 12, "dozen": 12, "half a": 0.5, "a half": 0.5,
    "a couple of": 2, "a": 1, "an": 1,
}
# vague quantities: value used as the stated distance
_VAGUE_NUMBERS = {"a few": 3.0, "few": 3.0, "several": 5.0, "a number of": 5.0, "a couple of": 2.0}

_COMPASS = {
    "north": 0.0, "north-east": 45.0, "northeast": 45.0, "north east": 45.0, "ne": 45.0,
    "east": 90.0, "south-east": 135.0, "southeast": 135.0, "south east": 135.0, "se": 135.0,
    "south": 180.0, "south-west": 225.0, "southwest": 225.0, "south west": 225.0, "sw": 225.0,
    "west": 270.0, "north-west": 315.0, "northwest": 315.0, "north west": 315.0, "nw": 315.0,
    "n": 0.0, "e": 90.0, "s": 180.0, "w": 270.0,
    "north-northeast": 22.5, "east-northeast": 67.5, "east-southeast": 112.5,
    "south-southeast": 157.5, "south-southwest": 202.5, "west-southwest": 247.5,
    "west-northwest": 292.5, "north-northwest": 337.5,
}
_COMPASS_LABEL = {0.0: "N", 22.5: "NNE", 45.0: "NE", 67.5: "ENE", 90.0: "E", 112.5: "ESE",
                  135.0: "SE", 157.5: "SSE", 180.0: "S", 202.5: "SSW", 225.0: "SW",
                  247.5: "WSW", 270.0: "W", 292.5: "WNW", 315.0: "NW", 337.5: "NNW"}

_HEDGE_WORDS = [
    (r"just\s+under|just\s+short\s+of|less\s+than|fewer\s+than|no\s+more\s+than|not\s+more\s+than|under|up\s+to|within|inside|at\s+most", "at_most"),
    (r"just\s+over|more\s+than|over|at\s+least|no\s+less\s+than|beyond|upwards\s+of|in\s+excess\s+of|further\s+than", "at_least"),
    (r"about|some|roughly|around|nearly|almost|approximately|approx\.?|an\s+estimated|estimated|close\s+to|circa|ca\.|~|perhaps|maybe|barely\s+more\s+than", "approximate"),
    (r"just|only|barely|exactly|precisely", "exact"),
]

_WORD_NUMBER = (
    r"(?:(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[-\s](?:one|two|three|four|five|six|seven|eight|nine))?"
    r"|(?:a|one|two|three|four|five|six|seven|eight|nine)\s+hundred(?:\s+and\s+\w+)?"
    r"|hundred|a\s+dozen|dozen|half\s+a|a\s+couple\s+of|zero|one|two|three|four|five|six|seven|eight|nine|ten"
    r"|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen)"
)
_NUMBER = (
    rf"(?P<num>\d{{1,3}}(?:,\d{{3}})+(?:\.\d+)?|\d+(?:\.\d+)?|{_WORD_NUMBER}|a\s+few|few|several|a\s+number\s+of|an?)"
)
_UNIT = (
    r"(?P<unit>nautical\s+miles?|kilomet(?:re|er)s?|km|kms|klicks|miles?|mi|nm|met(?:re|er)s?|m|yards?)"
)
_DIRECTION = (
    r"(?P<dir>(?:north|south|east|west)(?:[-\s]?(?:north|south|east|west))?(?:[-\s]?(?:north|south|east|west))?"
    r"|NE|NW|SE|SW|N|S|E|W)"
)
_HEDGE = "(?P<hedge>" + "|".join(p for p, _ in _HEDGE_WORDS) + ")"

# "[hedge] NUMBER[-| ]UNIT [away] [(to the) DIRECTION] (from|of|outside) REFERENCE"
_STATEMENT = re.compile(
    rf"(?:\b{_HEDGE}\s+)?\b{_NUMBER}(?:\s*|-){_UNIT}\b\.?"
    # a conversion in brackets: "75 kilometers (45 miles) north of"
    r"(?:\s*\(\s*(?:about\s+|some\s+|roughly\s+)?[\d.,]+\s*(?:nautical\s+miles?|miles?|mi|km|kms|kilomet(?:re|er)s?)\s*\))?"
    rf"(?:\s+(?:away|distant|inland|out|drive|walk|ride|journey|trip|stretch))?"
    rf"(?:(?:\s+(?:to\s+the\s+|(?:further|farther)\s+)?{_DIRECTION}(?:ward|wards)?)?"
    rf"\s*,?\s+(?P<prep>from|of|off|outside(?:\s+of)?|away\s+from|short\s+of|beyond|past|before)\b"
    # "Y lies about 45 miles to its north-east": the reference is a place named before
    rf"|\s+to\s+(?P<its>its|their)\s+{_DIRECTION.replace('?P<dir>', '?P<its_dir>')}\b"
    # "Y lies 1,500 km to the south-west", "Y is 95 km further west": from a place named
    # before too (the statement has no reference of its own)
    rf"|\s+(?P<imp>to\s+the|further|farther)\s+{_DIRECTION.replace('?P<dir>', '?P<imp_dir>')}\b)",
    re.IGNORECASE,
)
_ACROSS_BORDER = re.compile(
    r"\b(?P<hedge>just|right|immediately)?\s*(?:across|over|beyond)\s+the\s+(?:border|frontier)\b",
    re.IGNORECASE,
)
# Every _ACROSS_BORDER match holds this core.  It opens with one case-sensitive class
# (every character re.IGNORECASE equates with a, o or b) so the engine can skip to its
# candidates; the rest is matched case-insensitively.
_ACROSS_CORE = re.compile(
    r"[aAoObB](?i:(?:(?<=a)cross|(?<=o)ver|(?<=b)eyond)\s+the\s+(?:border|frontier)\b)"
)


# A cheap pre-filter: only text near a unit word can hold a distance statement.
_UNIT_HINT = re.compile(
    r"\d\s*-?(?:km|kms|m|mi|nm)\b|kilomet|klicks|\bmiles?\b|\bmet(?:re|er)s?\b|\byards?\b",
    re.IGNORECASE,
)
# Where a _UNIT_HINT match can start: a digit before a unit, or the first letters of a
# unit word in any case (the classes hold every character re.IGNORECASE equates with each
# letter: the Kelvin sign for "k", dotted and dotless i for "i").  A case-insensitive
# alternation cannot use the regex engine's fast first-character scan, so scanning the
# whole text with _UNIT_HINT costs several times more than finding these few positions
# (this pattern starts with one case-sensitive class, which the engine skips to directly)
# and trying _UNIT_HINT there.  Only one character is consumed, so no start is skipped.
_HINT_START = re.compile(
    "[\\dkKmMyY\u212a](?:"
    "(?<=\\d)(?=\\s*-?[kKmMnN\u212a])"  # 5 km, 5-m, 5 nm
    "|(?<=[kK\u212a])(?=[iI\u0130\u0131][lL]|[lL][iI\u0130\u0131])"  # kilomet, klicks
    "|(?<=[mM])(?<!\\w.)(?=[iI\u0130\u0131][lL][eE]|[eE][tT][eErR])"  # mile, metre, meter at a word start
    "|(?<=[yY])(?<!\\w.)(?=[aA][rR][dD]))"  # yard at a word start
)


def _unit_hints(text: str):
    """The matches of ``_UNIT_HINT.finditer(text)``, found faster.

    Tries ``_UNIT_HINT`` only where ``_HINT_START`` says a match may start, and
    resumes after each match exactly as ``finditer`` does.
    """
    pos = 0
    for start in _HINT_START.finditer(text):
        at = start.start()
        if at < pos:
            continue
        m = _UNIT_HINT.match(text, at)  # \b still sees the character before ``at``
        if m is not None:
            pos = m.end()
            yield m


# _STATEMENT searched case-sensitively in _fold()ed text: the same matches, several times
# faster, unless the text holds a character re.IGNORECASE equates with a letter that _fold
# does not lower to it ("İ", "ı" with "i"; "ſ" with "s"), where the original pattern runs.
_STATEMENT_FOLDED = re.compile(_STATEMENT.pattern.replace("|NE|NW|SE|SW|N|S|E|W)", "|ne|nw|se|sw|n|s|e|w)"))
_FOLD_UNSAFE = re.compile("[\u0130\u0131\u017f]")
assert not re.search(r"[A-Z]", _STATEMENT_FOLDED.pattern.replace("(?P<", ""))


def _statement_matches(text: str):
    """``_STATEMENT`` matches, searched only in windows around unit words.

    The matches may come from a lower-cased copy of ``text`` (same offsets): read the
    matched text from ``text`` when its case matters.
    """
    seen: set[int] = set()
    last_end = -1
    if _FOLD_UNSAFE.search(text):
        statement, searched = _STATEMENT, text
    else:
        statement, searched = _STATEMENT_FOLDED, _fold(text)
    for hint in _unit_hints(text):
        if hint.start() < last_end:
            continue
        lo = max(0, hint.start() - 80)
        hi = min(len(text), hint.end() + 60)
        for m in statement.finditer(searched, lo, hi):
            if m.start() in seen or m.start("unit") > hint.end() + 1 or m.end("unit") < hint.start():
                continue
            seen.add(m.start())
            last_end = max(last_end, m.end())
            yield m


def parse_number(text: str) -> float | None:
    """Value of a number written in digits or English words.

    Examples
    --------
    >>> parse_number("six"), parse_number("1,200"), parse_number("twenty-five"), parse_number("a dozen")
    (6.0, 1200.0, 25.0, 12.0)
    >>> parse_number("two hundred and fifty"), parse_number("3.5"), parse_number("several")
    (250.0, 3.5, 5.0)
    """
    t = re.sub(r"\s+", " ", text.strip().lower())
    if not t:
        return None
    if re.fullmatch(r"[\d,]+(?:\.\d+)?", t):
        return float(t.replace(",", ""))
    if t in _VAGUE_NUMBERS:
        return _VAGUE_NUMBERS[t]
    if t in _NUMBER_WORDS:
        return float(_NUMBER_WORDS[t])
    m = re.fullmatch(r"(\w+)[-\s](\w+)", t)
    if m and m.group(1) in _NUMBER_WORDS and m.group(2) in _NUMBER_WORDS and m.group(2) != "hundred":
        tens, ones = _NUMBER_WORDS[m.group(1)], _NUMBER_WORDS[m.group(2)]
        if tens >= 20 and tens % 10 == 0 and 0 < ones < 10:
            return float(tens + ones)
    m = re.fullmatch(r"(a|one|two|three|four|five|six|seven|eight|nine) hundred(?: and (.+))?", t)
    if m:
        rest = parse_number(m.group(2)) if m.group(2) else 0.0
        return float(_NUMBER_WORDS[m.group(1)] * 100 + (rest or 0.0))
    return None


def _hedge_of(word: str | None, number_text: str) -> str:
    nt = number_text.strip().lower()
    if nt in _VAGUE_NUMBERS and nt != "a couple of":
        return "vague"
    if not word:
        return "approximate" if nt == "a couple of" else "exact"
    w = re.sub(r"\s+", " ", word.strip().lower())
    for pattern, hedge in _HEDGE_WORDS:
        if re.fullmatch(pattern, w):
            return hedge
    return "exact"


def _direction_of(word: str | None) -> tuple[str | None, float | None]:
    if not word:
        return None, None
    key = re.sub(r"\s+", " ", word.strip().lower())
    if key not in _COMPASS:
        key = key.replace(" ", "-")
    deg = _COMPASS.get(key)
    if deg is None:
        return None, None
    return _COMPASS_LABEL[deg], deg


def judge(
    stated_km: float,
    computed_km: float | None,
    hedge: str,
    *,
    extent_km: float = 0.0,
) -> tuple[str, float]:
    """Verdict on a stated distance, and the tolerance used (km).

    See the module docstring for the tolerance rule.

    Parameters
    ----------
    stated_km : float
        The distance the text states, in km.
    computed_km : float or None
        The geodesic between the resolved places; None/NaN -> ``unverifiable``.
    hedge : str
        One of :data:`HEDGES`.
    extent_km : float
        Sum of the extents of areal reference/target places.

    Examples
    --------
    >>> judge(6, 6.9, "exact")
    ('consistent', 1.0)
    >>> judge(180, 120, "approximate")
    ('overstated', 36.0)
    >>> judge(5, 12, "at_most")[0], judge(20, 50, "at_least")[0], judge(20, 5, "at_least")[0]
    ('understated', 'consistent', 'overstated')
    """
    if hedge not in RELATIVE_TOLERANCE:
        from geoconflict.errors import InputError

        raise InputError(f"unknown hedge {hedge!r}; choose one of {', '.join(HEDGES)}")
    stated = float(stated_km)
    extent = max(0.0, float(extent_km or 0.0))
    if computed_km is None or not math.isfinite(float(computed_km)):
        return "unverifiable", max(RELATIVE_TOLERANCE[hedge] * stated, MIN_TOLERANCE_KM) + extent
    computed = float(computed_km)
    tolerance = (max(RELATIVE_TOLERANCE[hedge] * min(stated, computed), MIN_TOLERANCE_KM)
                 + min(extent, 0.5 * computed))
    if hedge == "at_most":
        return ("consistent" if computed <= stated + tolerance else "understated"), tolerance
    if hedge == "at_least":
        return ("consistent" if computed >= stated - tolerance else "overstated"), tolerance
    if stated > computed + tolerance:
        return "overstated", tolerance
    if stated < computed - tolerance:
        return "understated", tolerance
    return "consistent", tolerance


def direction_matches(stated_deg: float, bearing_deg: float, *, tolerance_deg: float = DIRECTION_TOLERANCE_DEG) -> bool:
    """True when ``bearing_deg`` lies within ``tolerance_deg`` of ``stated_deg``.

    Examples
    --------
    >>> direction_matches(180, 200), direction_matches(180, 260), direction_matches(0, 350)
    (True, False, True)
    """
    diff = abs((float(bearing_deg) - float(stated_deg) + 180.0) % 360.0 - 180.0)
    return diff <= tolerance_deg + 1e-9


def find_distance_statements(text: str) -> list[dict[str, Any]]:
    """Distance phrases in ``text`` (no places attached yet).

    Each dict has ``start``/``end`` (the phrase), ``stated_text``,
    ``stated_km``, ``hedge``, ``stated_direction``, ``direction_deg``,
    ``prep_end`` (where the reference phrase begins) and ``border`` (True for
    "across the border" statements).

    Examples
    --------
    >>> [s["stated_km"] for s in find_distance_statements("about 40 miles north of Kharkiv")]
    [64.37376]
    >>> s = find_distance_statements("just six kilometers from the PMO")[0]
    >>> s["stated_text"], s["hedge"]
    ('just six kilometers', 'exact')
    """
    out: list[dict[str, Any]] = []
    for m in _statement_matches(text):
        number_text = m.group("num")
        value = parse_number(number_text)
        unit = re.sub(r"\s+", " ", m.group("unit").lower())
        if value is None:
            continue
        if unit in ("m", "mi", "nm", "km", "kms") and not re.match(r"\d", number_text):
            # "a m from" is not a distance; abbreviations need digits
            if unit in ("m", "nm", "mi"):
                continue
        if unit == "m" and text.startswith("M", m.start("unit")):
            continue  # "5 M" (millions), not metres
        if number_text.strip().lower() in ("a", "an") and unit not in (
            "mile", "kilometre", "kilometer", "metre", "meter", "nautical mile", "yard"
        ):
            continue
        km = value * UNIT_KM.get(unit, UNIT_KM.get(unit.rstrip("s"), 1.0))
        its = m.group("its") is not None
        implicit = m.group("imp")
        label, deg = _direction_of(m.group("its_dir") if its else m.group("imp_dir") if implicit else m.group("dir"))
        start = m.start("hedge") if m.group("hedge") else m.start("num")
        stated_end = m.end("unit")
        out.append(
            {
                "start": start,
                "end": m.end(),
                "stated_text": text[start:stated_end],
                "stated_km": km,
                "hedge": _hedge_of(m.group("hedge"), number_text),
                "stated_direction": label,
                "direction_deg": deg,
                "prep_end": m.start("its") if its else m.start("imp") if implicit else m.end("prep"),
                "border": False,
                "pronoun": its,
                # "further" (from the place the clause before located) or "to the"
                "implicit": None if not implicit else "to the" if implicit[:2].lower() == "to" else "further",
            }
        )
    taken = [(d["start"], d["end"]) for d in out]
    # most reports never say "across the border": a fast test for its core spares the
    # slow case-insensitive scan (the test is case-insensitive too, see _ACROSS_CORE)
    for m in _ACROSS_BORDER.finditer(text) if _ACROSS_CORE.search(text) else ():
        if any(a <= m.start() < b for a, b in taken):
            continue
        if any(0 <= m.start() - b <= 40 and _NAME_GAP.fullmatch(text, b, m.start()) for _, b in taken):
            continue  # "15 km from X across the border": says where X is, not another distance
        start = m.start("hedge") if m.group("hedge") else m.start() + (len(m.group(0)) - len(m.group(0).lstrip()))
        out.append(
            {
                "start": start,
                "end": m.end(),
                "stated_text": text[start : m.end()],
                "stated_km": 0.0,
                "hedge": "vague",
                "stated_direction": None,
                "direction_deg": None,
                "prep_end": m.end(),
                "border": True,
                "pronoun": False,
                "implicit": None,
            }
        )
    out.sort(key=lambda d: d["start"])
    return out


# a place name alone, between a distance phrase and "across the border"
_NAME_GAP = re.compile(r"\s*(?:the\s+)?[A-Z][\w'’.-]*(?:[ -][A-Z][\w'’.-]*){0,3}\s*")

_AREAL = {"admin1", "area", "country"}
# a bracket opens an aside unless it only holds an acronym, a short name or a
# unit conversion: "the U.S. Africa Command (AFRICOM) ... near Jilib"
_RELATIVE = re.compile(
    r",?\s+(?:which|that|where|whose)\b"
    r"|\s+\((?!\s*(?:[A-Z][\w.&’'-]{0,15}(?:\s+[A-Z][\w.&’'-]{0,15})?|[\d.,]+\s*[a-z]+)\s*\))",
    re.IGNORECASE,
)
# "MOGADISHU, Aug 3 (Reuters) -": the dateline city is where the story was
# filed, not the target of a distance in the first sentence
_DATELINE = re.compile(
    r"\s*[A-Z][\w'’.]*(?:[ -][A-Z][\w'’.]*){0,3}(?:,\s*[\w .]{1,30}?)?\s*(?:\([^)\n]{1,40}\)\s*)?[-–—]+\s"
)


_CAPITAL_REF = re.compile(
    r"\s*the\s+(?:(?P<dem>[A-Z][\w'’-]+)\s+|(?:country|nation)['’]s\s+|national\s+)?capital\b(?!\s+(?:of|city\s+of)\b)"
)


def _capital_reference(text: str, pos: int, mentions: Sequence[Mention], gazetteer=None,
                       own: str | None = None) -> Mention | None:
    """ "30 km north-west of the capital": the national capital of the country
    a demonym names ("the Somali capital"), else of the country the place the
    statement locates lies in (``own``), else of the country the report's
    resolved places lie in most often; None when that is not clear."""
    m = _CAPITAL_REF.match(text, pos)
    if m is None:
        return None
    country = demonym_country(m.group("dem")) if m.group("dem") else None
    if country is None and m.group("dem"):
        return None  # "the regional capital", "the provincial capital": not the nation's
    if country is None and own is not None:
        # "Bartica, a river town 70 km south-west of the capital": a town is
        # measured from its own country's capital, whichever country the
        # report names most
        country = own
    if country is None:
        counts: dict[str, int] = {}
        for x in mentions:
            if x.place is not None and x.place.country_code:
                counts[x.place.country_code] = counts.get(x.place.country_code, 0) + 1
        ranked = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
        if not ranked or (len(ranked) > 1 and ranked[1][1] * 2 > ranked[0][1]):
            return None  # no clear main country
        country = ranked[0][0]
    place = _capital_place(country, gazetteer)
    if place is None:
        return None
    # the label names the city the phrase was read as: "the capital (Mogadishu)"
    return Mention(m.start() + len(m.group()) - len(m.group().lstrip()), m.end(),
                   f"{m.group().strip()} ({place.name})", place, cue="capital")


# "Guyana's capital lies 1,400 km from Caracas": the capital of the country just named
_POSSESSIVE_CAPITAL = re.compile(r"['’]s?\s+capital\b(?!\s+(?:of|city\s+of|region|district|province)\b)")


def _possessive_capital(text: str, mention: Mention, gazetteer=None) -> Mention:
    """``mention`` itself, or for a country followed by "'s capital" the
    country's national capital, labelled "Guyana's capital (Georgetown)"."""
    p = mention.place
    if p is None or p.feature_type != "country" or text[mention.end : mention.end + 1] not in ("'", "’"):
        return mention
    m = _POSSESSIVE_CAPITAL.match(text, mention.end)
    place = None if m is None else _capital_place(p.country_code, gazetteer)
    if place is None:
        return mention
    return Mention(mention.start, m.end(), f"{text[mention.start:m.end()]} ({place.name})", place, cue="capital")


# Between an implicit statement's target and the statement: "Y lies ", "Y, on the
# border, is " (the target is the clause's subject), or "Y, " (the distance is an aside on Y)
_IMPLICIT_TARGET_GAP = re.compile(
    r"(?:,\s+[^,;:()\n]{1,80},)?\s+(?:lies|lie|lay|is|are|was|were|sits|sit|stands|stand)\s+"
    r"(?:located\s+|situated\s+)?$|,\s*$"
)
_BLANK_LINE = re.compile(r"\n[ \t]*\n")


def _antecedent(stmt: dict, mentions: Sequence[Mention], text: str, sent_start: int,
                target: Mention | None, located: Sequence[tuple]) -> Mention | None:
    """ "C is about 110 km to its north-east", "C lies 1,500 km to the
    south-west", "C is 95 km further west": the place measured from.

    It is named in the clause before: the one before C's clause in the same
    sentence, else the last clause of the sentence before (same paragraph).
    ``located`` holds ``(start, target, reference)`` of the statements read
    so far.  "further" goes on from the place that clause locates (its
    subject).  "to the" right after a clause of the same sentence that
    measures from R elides "of R", as that clause does.  Otherwise ("its",
    or "to the" opening a sentence) it is that clause's subject or its
    reference, whichever the paragraph has named more often so far (the
    topic of the passage), the subject on a tie: "Zouar lies 950 km north of
    N'Djamena, while Bardai is 110 km to its north-east" is about Zouar.  The
    distance to C is not
    consulted, so a misstated figure cannot pick its own reference.  None
    when that clause locates no town (a region, or a name the gazetteer does
    not hold): better no claim than a guessed one.
    """
    lo = target.start if target is not None and target.start < stmt["start"] else stmt["start"]
    breaks = list(_CLAUSE_BREAK.finditer(text, sent_start, lo))
    if breaks:
        p_start = breaks[-2].end() if len(breaks) > 1 else sent_start
        p_end = breaks[-1].start()
    else:
        if sent_start <= 0:
            return None
        p_start, p_end = _sentence_around(text, max(0, sent_start - 2)).start, sent_start
        if _BLANK_LINE.search(text, p_start, p_end):
            return None  # a new paragraph does not point back
        for c in _CLAUSE_BREAK.finditer(text, p_start, p_end):
            p_start = c.end()
    earlier = [x for x in located if p_start <= x[0] < p_end]
    if earlier:
        _, subject, ref = earlier[-1]
    else:
        subject, ref = _clause_subject(text, mentions, p_start, p_end), None

    def town(m: Mention | None) -> bool:
        if m is None or m.place is None or m.place.feature_type in ("country", "admin1"):
            return False
        return target is None or target.place is None or m.place.gazetteer_id != target.place.gazetteer_id

    if not town(subject):
        return None
    best = subject
    if stmt["implicit"] == "further" or not town(ref) or ref.place.gazetteer_id == subject.place.gazetteer_id:
        pass
    elif stmt["implicit"] == "to the" and breaks:
        best = ref  # "X is 100 km south-east of R, while Y lies 1,500 km to the south-west [of R]"
    else:
        para = 0
        for b in _BLANK_LINE.finditer(text, max(0, stmt["start"] - 3000), stmt["start"]):
            para = b.end()

        def named(m: Mention) -> int:
            return sum(1 for x in mentions if para <= x.start < stmt["start"] and x.place is not None
                       and x.place.gazetteer_id == m.place.gazetteer_id)

        if named(ref) > named(subject):
            best = ref
    start = stmt["prep_end"]
    end = stmt["end"] if stmt["implicit"] else start + len(text[start:].split(None, 1)[0])
    return Mention(start, end, f"{' '.join(text[start:end].split())} ({best.text})", best.place, cue="anaphora")


def _clause_subject(text: str, mentions: Sequence[Mention], lo: int, hi: int) -> Mention | None:
    """The first place of ``text[lo:hi]`` that no preposition governs and no
    apposition holds ("Fighting erupted in X" has none)."""
    inside = [m for m in mentions if lo <= m.start and m.end <= hi]
    for m in _outside_appositions(text, inside, hi):
        if not _AFTER_PREPOSITION.search(text, max(lo, m.start - 20), m.start):
            return m
    return None


# "45 km north of the city": a town or city the report has just named
_PLACE_NOUN_REF = re.compile(
    r"\s*the\s+(?:(?:provincial|regional|state|district)\s+capital|city|town)\b(?!\s+(?:of|centre|center|hall)\b)",
    re.IGNORECASE,
)


def _anaphoric_reference(text: str, stmt: dict, mentions: Sequence[Mention], sent_start: int) -> Mention | None:
    """ "Leposavic is 45 km north of the city": the last town or city named
    before the statement in its sentence or the one before, other than the
    place the statement is about (the last place before it)."""
    m = _PLACE_NOUN_REF.match(text, stmt["prep_end"])
    if m is None:
        return None
    prev_start = _sentence_around(text, max(0, sent_start - 2)).start if sent_start > 0 else sent_start
    before = [x for x in mentions if prev_start <= x.start and x.end <= stmt["start"]]
    if not before:
        return None
    subject = before[-1].text
    towns = [x for x in before[:-1] if x.place is not None and x.place.feature_type == "city" and x.text != subject]
    if not towns:
        return None
    town = towns[-1]
    start = m.start() + len(m.group()) - len(m.group().lstrip())
    return Mention(start, m.end(), f"{m.group().strip()} ({town.text})", town.place, cue="anaphora")


def _capital_place(country: str, gazetteer=None):
    try:
        from gazetteer import get_gazetteer
        from geoconflict.facts import _country_table  # GeoNames' country table, read once

        name = _country_table().get(country, {}).get("capital")
        if not name:
            return None
        gaz = gazetteer if gazetteer is not None else get_gazetteer()
        res = gaz.resolve(name, country=country)
    except Exception:  # no capital known: the claim has no reference
        return None
    for p in [res.best, *(res.alternatives or ())]:
        if p is not None and p.country_code == country and p.feature_type == "city":
            return p
    return None


def _too_coarse(rp, tp, stated_km: float, extent: float, computed_km: float | None = None) -> bool:
    """Whether a place-to-place distance cannot be checked: a country at either
    end, or areal places larger than both the stated and the computed
    distance (any verdict would come from the tolerance, not the geometry:
    "25 km" against a whole province).  A large city 20 km from a town stated
    to be "barely 5 km" away is still checked: the areal part of the
    tolerance is capped at half the computed distance."""
    if rp.feature_type == "country" or tp.feature_type == "country":
        return True
    return extent > max(float(stated_km), float(computed_km or 0.0), MIN_TOLERANCE_KM) * 2


def _extent_km(place) -> float:
    if place is None:
        return 0.0
    if place.feature_type in _AREAL:
        return float(place.precision_m or 0.0) / 1000.0
    return min(float(place.precision_m or 0.0) / 1000.0, POINT_EXTENT_CAP_KM)


def _pick_reference(stmt: dict, mentions: Sequence[Mention], text: str, sentence_end: int) -> Mention | None:
    """The first mention that starts right after the preposition."""
    for m in mentions:
        if m.start < stmt["prep_end"]:
            continue
        if m.start >= sentence_end:
            break
        between = text[stmt["prep_end"] : m.start]
        # allow "the", "the town of", "central", "downtown" between
        if len(between) <= 40 and re.fullmatch(
            r"\s*(?:(?:the|a|an|central|downtown|northern|southern|eastern|western|"
            r"outskirts|centre|center|city|town|village|capital|port|border|province|region|"
            r"district|of|contested|frontline|front-line|besieged|embattled|key|strategic)\s+)*",
            between,
            re.IGNORECASE,
        ):
            return m
        break
    return None


def _pick_target(stmt: dict, mentions: Sequence[Mention], text: str, sent_start: int, sent_end: int,
                 reference: Mention | None, skip: Sequence[tuple[int, int]] = ()) -> Mention | None:
    """The place a statement locates: the subject of its clause, else the
    first place after its reference, else (for "The town is ...") the last
    place of the sentence before.  ``skip`` holds the spans of the sentence's
    earlier distance phrases (statement to reference): a place inside one
    is measured from, not the subject ("X, 30 km north of Y, is 60 miles
    from Z" is about X)."""
    before = [m for m in mentions if sent_start <= m.start and m.end <= stmt["start"] and m is not reference]
    # "A lies 950 km north of B, while C is 110 km west of D": each distance
    # is about the subject of its own clause
    cut = None
    for c in _CLAUSE_BREAK.finditer(text, sent_start, stmt["start"]):
        cut = c.end()
    if cut is not None and any(m.start >= cut for m in before):
        before = [m for m in before if m.start >= cut]
    before = _outside_appositions(text, before, stmt["start"])
    if before:
        # a relative clause ("X area, which is ... 6 km from Y") points back to
        # the last place before the relative pronoun
        segment = text[before[0].start : stmt["start"]]
        rel = None
        for r in _RELATIVE.finditer(segment):
            rel = before[0].start + r.start()
            break
        candidates = before
        if rel is not None:
            head = [m for m in before if m.end <= rel]
            if head:
                candidates = head
        else:
            # an earlier distance phrase of the same clause is an aside (a new
            # clause with no place of its own, "..., and the town is 50 km
            # from Y", keeps meaning the last place named)
            clause_start = sent_start if cut is None else cut
            outside = [m for m in candidates
                       if not any(clause_start <= a <= m.start < b for a, b in skip)]
            candidates = outside or candidates
        # a place inside the head noun phrase beats a country that only qualifies it
        finer = [m for m in candidates if m.place is None or m.place.feature_type != "country"]
        pool = finer or candidates
        if len(pool) >= 2 and _CONTAINER_GAP.match(text, pool[-2].end, pool[-1].start):
            # "Sungai Kolok, a border town in Narathiwat, about 110 km ..." and
            # "Tillia is in the Tahoua region, some 400 km ...": the second
            # place only locates the first, which is what the distance is about
            return pool[-2]
        return pool[-1]
    resume = reference.end if reference is not None else stmt["end"]
    nxt = _CLAUSE_BREAK.search(text, resume, sent_end)
    clause_end = sent_end if nxt is None else nxt.start()
    rel = _RELATIVE.search(text, resume, clause_end)
    if rel is not None:
        clause_end = rel.start()  # "..., which is 60 km from Z": Z is that clause's reference
    # a country after the reference qualifies it ("south of Cali, Colombia's
    # third city"); a town-to-country distance is no target anyway
    after = [m for m in mentions if m.start >= resume and m.end <= clause_end
             and (m.place is None or m.place.feature_type != "country")]
    # "Kolofata lies 20 km north-west of Mora": a predicate right before the
    # statement means the clause has a subject of its own, one the gazetteer
    # does not hold; a place after the reference is not it
    if after and not _OWN_SUBJECT.search(text, sent_start if cut is None else cut, stmt["start"]):
        return after[0]
    if _ANAPHORA.match(text, sent_start, stmt["start"]):
        # "Both villages lie about 40 km north-west of Monywa": the last
        # place finer than a province in the preceding sentence
        prev_start = _sentence_around(text, max(0, sent_start - 2)).start if sent_start > 0 else sent_start
        prior = [m for m in mentions if prev_start <= m.start and m.end <= sent_start and m is not reference
                 and (m.place is None or m.place.feature_type not in ("country", "admin1"))]
        if prior:
            return prior[-1]
    return None


# Between two places: the second is where the first lies ("X, a town in Y",
# "X is in the Y region").  Matched on the whole gap between the two names.
_CONTAINER_GAP = re.compile(
    r"(?:,\s+(?:an?|the)\s+[^,.;:()]{0,40}?\s+|\s+(?:is|lies|sits|was|lay)\s+(?:located\s+)?)in\s+(?:the\s+)?$"
    # "Nabire, the capital of Central Papua"
    r"|,\s+(?:the\s+)?(?:[a-z]+\s+)?capital\s+of\s+(?:the\s+)?$",
    re.IGNORECASE,
)
# ", the capital of Y,", ", a border town in Y,", ", Y's main port,", ", on the Y border,":
# an aside describing the place before it (matched from that place's end up to the
# statement).  A place inside it is neither the subject nor the reference.
_APPOSITION = re.compile(
    r",\s+(?:(?:the|a|an|on|in|near|at)\s+|[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,2}['’]s\s+)"
    r"[^,;:()\n]{0,80}?(?:,(?=\s*(?P<pred>lies|lie|lay|is|are|was|were|sits|sit|stands|stand|remains)\b)|,?(?=\s*$))"
)
# a place right after one of these is a complement, not the head of an apposition
_AFTER_PREPOSITION = re.compile(
    r"\b(?:in|at|near|from|of|to|on|outside|around|into|across|by|for|with|towards?)\s+(?:the\s+)?$",
    re.IGNORECASE,
)


def _outside_appositions(text: str, ms: Sequence[Mention], end: int) -> list[Mention]:
    """``ms`` without the places inside an apposition to an earlier one of them
    ("Sabha, the largest city of the Fezzan, lies ..." keeps Sabha only).

    An apposition closes before a predicate ("is", "lies") or at ``end`` (the
    statement): "In Goma, the rebels shelled Sake, 20 km ..." has none, since a
    place after a preposition heads no apposition and the rest is a clause."""
    out: list[Mention] = []
    skip_to = -1
    for m in ms:
        if m.start < skip_to:
            continue
        out.append(m)
        a = _APPOSITION.match(text, m.end, end)
        if a is not None and (a.group("pred") or not _AFTER_PREPOSITION.search(text, max(0, m.start - 20), m.start)):
            skip_to = a.end()
    return out


# Where a new clause with its own subject starts: "..., while X is ...",
# "..., and X lies ...", "...; X is ..."
_CLAUSE_BREAK = re.compile(r";\s+|,\s+(?:while|whilst|whereas|and|but)\s+|\s+(?:while|whilst|whereas)\s+")

# a predicate before the statement: the clause names its subject there
_OWN_SUBJECT = re.compile(r"\b(?:lies|lie|lay|is|are|was|were|sits|sit|stands|stand)\s+(?:located\s+|situated\s+)?$")

_ANAPHORA = re.compile(
    r"\s*(?:Both|The|These|Those|This|That|It|They|Each)\b(?:\s+(?:two|three|both|twin|targeted|attacked|affected))?"
    r"(?:\s+(?:villages?|towns?|camps?|sites?|bases?|areas?|places?|localities|positions?|settlements?|cities|city))?"
    r"\s+(?:lies?|is|are|was|were|sits?|stands?)\b"
)


def _sentence_around(text: str, pos: int) -> Sentence:
    """The sentence of ``text`` containing offset ``pos`` (split locally, so a
    long document is not split whole for a few statements)."""
    lo = max(0, pos - 2000)
    cut = text.rfind("\n\n", lo, pos)
    if cut >= 0:
        lo = cut
    hi = text.find("\n\n", pos)
    hi = len(text) if hi < 0 or hi - pos > 2000 else hi
    best = None
    for sent in split_sentences(text[lo:hi]):
        if sent.start + lo <= pos:
            best = sent
        else:
            break
    if best is None:
        return Sentence(pos, min(len(text), pos + 1), text[pos : pos + 1])
    return Sentence(best.start + lo, best.end + lo, best.text)


_BORDER_REF = re.compile(
    r"\s*(?:the\s+)?(?:(?P<country>[A-Z][\w'’-]+)\s+)?(?:border|frontier)\b(?!\s+(?:town|city|village|crossing|post))"
)


def _other_side(mentions: Sequence[Mention], own: str | None) -> str | None:
    """The country a report names most often after ``own``, when it clearly
    leads (named at least twice, and twice as often as the next one)."""
    counts: dict[str, int] = {}
    for m in mentions:
        cc = m.place.country_code if m.place is not None else None
        if cc and cc != own:
            counts[cc] = counts.get(cc, 0) + 1
    ranked = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
    if not ranked or ranked[0][1] < 2 or (len(ranked) > 1 and ranked[1][1] * 2 > ranked[0][1]):
        return None
    return ranked[0][0]


def _border_distance_km(place, country: str | None = None) -> float | None:
    """Geodesic km from ``place`` to the nearest international border, or to
    the border of ``country`` (ISO2) when the text names one."""
    try:
        from gazetteer import boundaries
    except Exception:  # boundaries not available: the claim stays unverifiable
        return None
    try:
        nearest = boundaries.nearest_border(place.lat, place.lon)
        if country is None or country in nearest["countries"]:
            return float(nearest["km"])
        return _distance_to_country_edge(place, boundaries.country_polygon(country))
    except Exception:  # a point the boundaries cannot place: unverifiable
        return None


def _distance_to_country_edge(place, polygon) -> float | None:
    """Smallest geodesic from a point to the (densified) outline of a polygon."""
    import numpy as np
    import shapely

    from geoconflict.facts import geodesics

    if polygon is None or polygon.is_empty:
        return None
    outline = shapely.segmentize(polygon.boundary, 0.05)
    coords = shapely.get_coordinates(outline)
    if not len(coords):
        return None
    km, _ = geodesics(place.lat, place.lon, coords[:, 1], coords[:, 0])
    return float(np.nanmin(km))


def extract_claims(
    text: str,
    mentions: Sequence[Mention],
    *,
    gazetteer=None,
) -> list[dict[str, Any]]:
    """Distance claims in ``text``, judged against the resolved ``mentions``.

    Parameters
    ----------
    text : str
        The report text the mention offsets refer to.
    mentions : sequence of Mention
        Place mentions of the text (from :func:`geoconflict.geoparsing.geoparse`).
    gazetteer : optional
        Unused except for border statements (boundaries); kept for symmetry.

    Returns
    -------
    list of dict
        Rows for the ``claim`` table (:data:`geoconflict.schema.CLAIM_COLUMNS`)
        plus ``reference_gazetteer_id``, ``target_gazetteer_id``,
        ``stated_start`` and ``stated_end`` (offsets of the distance phrase).
        ``geometry`` is a shapely LineString from reference to target, or
        None when the claim is unverifiable.

    Examples
    --------
    >>> from gazetteer import Place
    >>> pmo = Place("PMO", 33.7257, 73.1002, "PK", "Islamabad", "landmark", "curated:pmo")
    >>> fz = Place("Faizabad", 33.66444, 73.08694, "PK", "Islamabad", "area", "curated:fz", precision_m=1000)
    >>> t = "Drones hit Faizabad, just six kilometres from the PMO."
    >>> ms = [Mention(11, 19, "Faizabad", fz), Mention(50, 53, "PMO", pmo)]
    >>> row = extract_claims(t, ms)[0]
    >>> row["target"], row["reference"], row["stated_km"], round(row["computed_km"], 1), row["verdict"]
    ('Faizabad', 'PMO', 6.0, 6.9, 'consistent')
    """
    from shapely import LineString

    from geoconflict.facts import geodesic

    statements = find_distance_statements(text)
    if not statements:
        return []
    mentions = sorted(mentions, key=lambda m: (m.start, m.end))
    rows: list[dict[str, Any]] = []
    phrases: list[tuple[int, int]] = []  # statement-to-reference spans, for _pick_target's skip
    located: list[tuple] = []  # (statement start, target, reference), for _antecedent
    for stmt in statements:
        sent = _sentence_around(text, stmt["start"])
        s_start, s_end = sent.start, sent.end
        dl = _DATELINE.match(text, s_start, stmt["start"])
        if dl:
            s_start = dl.end()
        skip = [span for span in phrases if s_start <= span[0]]
        border_country = None
        target = None
        if stmt["border"]:
            reference = None
        elif stmt["pronoun"] or stmt["implicit"]:
            target = _pick_target(stmt, mentions, text, s_start, s_end, None, skip)
            if stmt["implicit"] and (target is None or not _IMPLICIT_TARGET_GAP.match(text, target.end, stmt["start"])):
                continue  # "troops pushed 10 km to the east": the statement locates no place
            reference = _antecedent(stmt, mentions, text, s_start, target, located)
            if reference is None:
                continue
        else:
            reference = _pick_reference(stmt, mentions, text, s_end)
            after = text[stmt["prep_end"] : stmt["prep_end"] + 60]
            bm = _BORDER_REF.match(after)
            if bm and (reference is None or reference.end <= stmt["prep_end"] + bm.end()):
                # "60 km from the Afghan border", "5 km from the Pakistan border":
                # measured to the border, not to the country's centre
                word = bm.group("country")
                border_country = demonym_country(word) if word else None
                if border_country is None and reference is not None and reference.place is not None \
                        and reference.place.feature_type == "country":
                    border_country = reference.place.country_code
                stmt = dict(stmt, border=True, border_label=(f"{word} border" if word else "border"))
                reference = None
            elif reference is None:
                subject = _pick_target(stmt, mentions, text, s_start, s_end, None, skip)
                own = None if subject is None or subject.place is None else subject.place.country_code
                reference = _capital_reference(text, stmt["prep_end"], mentions, gazetteer, own) or \
                    _anaphoric_reference(text, stmt, mentions, s_start)
                if reference is None:
                    continue  # "5 km from the scene": not a place-to-place statement
            else:
                reference = _possessive_capital(text, reference, gazetteer)
        if target is None:
            target = _pick_target(stmt, mentions, text, s_start, s_end, reference, skip)
            if target is not None:
                target = _possessive_capital(text, target, gazetteer)
        if reference is not None and reference.start >= stmt["end"]:
            phrases.append((stmt["start"], reference.end))
        located.append((stmt["start"], target, reference))
        if stmt["border"] and target is None:
            continue
        if stmt["border"] and border_country is None and target.place is not None:
            # "some 700 km from the border" in a report about two countries:
            # the border with the other side, not the nearest of any country
            border_country = _other_side(mentions, target.place.country_code)
        row: dict[str, Any] = {
            "id": f"C{len(rows) + 1}",
            "reference": stmt.get("border_label", "border") if stmt["border"] else reference.text,
            "target": None if target is None else target.text,
            "stated_km": float(stmt["stated_km"]),
            "stated_text": stmt["stated_text"],
            "hedge": stmt["hedge"],
            "stated_direction": stmt["stated_direction"],
            "computed_km": None,
            "computed_bearing_deg": None,
            "direction_ok": None,
            "tolerance_km": None,
            "verdict": "unverifiable",
            "notes": sent.text,
            "source_start": s_start,
            "source_end": s_end,
            "stated_start": stmt["start"],
            "stated_end": stmt["end"],
            "reference_gazetteer_id": None if reference is None or reference.place is None else reference.place.gazetteer_id,
            "target_gazetteer_id": None if target is None or target.place is None else target.place.gazetteer_id,
            "geometry": None,
        }
        tp = None if target is None else target.place
        if stmt["border"]:
            computed = None if tp is None else _border_distance_km(tp, border_country)
            if stmt["stated_km"] > 0:  # a stated distance to a border: the usual rule
                verdict, tol = judge(stmt["stated_km"], computed, stmt["hedge"], extent_km=_extent_km(tp))
            else:  # "just across the border"
                tol = BORDER_TOLERANCE_KM + _extent_km(tp)
                verdict = "unverifiable" if computed is None else ("consistent" if computed <= tol else "understated")
            row["tolerance_km"] = tol
            row["verdict"] = verdict if computed is not None and math.isfinite(computed) else "unverifiable"
            if row["verdict"] != "unverifiable":
                row["computed_km"] = computed
            rows.append(row)
            continue
        rp = reference.place
        extent = _extent_km(rp) + _extent_km(tp)
        km, bearing = (None, None) if rp is None or tp is None else geodesic(rp.lat, rp.lon, tp.lat, tp.lon)
        if km is None or _too_coarse(rp, tp, stmt["stated_km"], extent, km):
            row["tolerance_km"] = judge(stmt["stated_km"], None, stmt["hedge"], extent_km=extent)[1]
            rows.append(row)
            continue
        verdict, tol = judge(stmt["stated_km"], km, stmt["hedge"], extent_km=extent)
        row.update(
            computed_km=km,
            computed_bearing_deg=bearing,
            tolerance_km=tol,
            verdict=verdict,
            geometry=LineString([(rp.lon, rp.lat), (tp.lon, tp.lat)]),
        )
        if stmt["direction_deg"] is not None:
            row["direction_ok"] = bool(km <= extent or direction_matches(stmt["direction_deg"], bearing))
        rows.append(row)
    return rows
