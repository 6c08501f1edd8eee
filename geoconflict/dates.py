"""Dates in report text: the dateline and the day each incident happened.

A report's *anchor* date is its publication date: the caller's ``published``
value or, failing that, the dateline found by :func:`find_published`
("date 2026-02-28", "KABUL, Feb 28 (Reuters)", "Bogotá, Sep 8 (EFE).-",
"28 February 2026", "February 27, 2026").  Weekday and relative references in a sentence
("on Sunday", "overnight", "yesterday", "last week", "earlier this month")
are resolved against it by :func:`resolve_event_date`, which also returns an
ACLED ``time_precision``: 1 = the day is known, 2 = within a week, 3 = within
a month.

Conventions (documented because newsrooms differ):

* "on Sunday" / "last Sunday" is the most recent Sunday on or before the
  anchor.
* "overnight", "last night" and "early today" refer to the night that ends on
  the anchor day, so they resolve to the anchor itself; "yesterday" and
  "last night" are precise to the day (anchor - 1 for "yesterday").
* A sentence opening with "A day before the Bandiagara attack," (or "Two
  days after the attack on X,") happened that many days before (after) the
  incident at the place named, given in ``earlier``, else the event just
  told; a lower-case "a day after X ..." clause split off a sentence tells
  X itself, that many days before the event just told.
* A sentence with no temporal expression happened on or shortly before the
  anchor: the anchor with precision 2 (within the week).
* No anchor at all: no date (``None``/``None``); today's date is never
  invented.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from collections.abc import Mapping
from datetime import date, datetime, timedelta

__all__ = [
    "EventDate",
    "parse_published",
    "find_published",
    "resolve_event_date",
    "DATELINE_WINDOW",
]

#: How far into a report (characters) a dateline is looked for.
DATELINE_WINDOW = 600

_MONTHS = {
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6,
    "july": 7, "august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8,
    "sep": 9, "sept": 9, "oct": 10, "nov": 11, "dec": 12,
}
_WEEKDAYS = {
    "monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3,
    "friday": 4, "saturday": 5, "sunday": 6,
}
_NUMBERS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "several": 3, "a few": 3, "few": 3,
}

_MONTH_RE = (
    r"(?P<month>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|"
    r"aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
_DAY_RE = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
_YEAR_RE = r"(?P<year>(?:19|20)\d\d)"

_ISO = re.compile(r"(?<!\d)(?P<year>(?:19|20)\d\d)-(?P<month>[01]\d)-(?P<day>[0-3]\d)(?!\d)")
# "February 27, 2026" / "Feb. 27 2026" / "Feb 28" (year optional)
_MDY = re.compile(rf"\b{_MONTH_RE}\s+{_DAY_RE}\b(?:,?\s+{_YEAR_RE}\b)?", re.IGNORECASE)
# "28 February 2026" / "28 Feb" (year optional)
_DMY = re.compile(rf"\b{_DAY_RE}\s+(?:of\s+)?{_MONTH_RE}\b(?:,?\s+{_YEAR_RE}\b)?", re.IGNORECASE)
# "in February" / "in February 2026"
# not "since": "fighting since August 2023" dates the start of a conflict, not an event
_MONTH_ONLY = re.compile(rf"\b(?:in|during|throughout)\s+{_MONTH_RE}(?:\s+{_YEAR_RE})?\b", re.IGNORECASE)
# "The attacks came a day after Russian forces captured X": X is dated from the previous event
_DAYS_AFTER = re.compile(
    r"\b(?:came|comes|happened|occurred|took\s+place|followed)\s+(?P<n>a|one|two|three|\d)\s+days?\s+after\b",
    re.IGNORECASE,
)
_SINCE = re.compile(r"\b(?:since|from)\s+$", re.IGNORECASE)
# A clause that opens with "a day after ..." (events.py keeps it whole): its
# event happened n days before the one just told
_LEADING_AFTER = re.compile(
    r"^\W*(?P<n>a|an|one|two|three|four|five|six|\d)\s+(?P<unit>days?|weeks?)\s+(?P<dir>after|before)\b",
    re.IGNORECASE,
)
# "A day before the Bandiagara attack, gunmen ...": a leading phrase that dates
# this sentence's event from another incident named by its place
_EVENT_NOUNS = (r"(?:attacks?|raids?|bombings?|ambush(?:es)?|massacres?|assaults?|strikes?|air\s*strikes?|"
                r"shelling|killings?|clashes|offensive|explosions?|blasts?)")
_NAMED_ANCHOR = re.compile(
    # it opens the sentence (capitalised): a lower-case "a day after the attack
    # on X, ..." is a clause events.py split off, telling the X attack itself;
    # names are capitalised, so only the words around them match in any case
    r"^\W*(?P<n>A|An|One|Two|Three|Four|Five|Six|\d)\s+(?i:(?P<unit>days?|weeks?)\s+(?P<dir>after|before)\s+the)\s+"
    rf"(?:(?P<name>[A-Z][\w'’-]*(?:[\s-][A-Z][\w'’-]*){{0,3}})\s+(?:\w+\s+)?{_EVENT_NOUNS}"
    rf"|(?:\w+\s+)?{_EVENT_NOUNS}(?:\s+(?:on|in|at|near)\s+(?P<name2>[A-Z][\w'’-]*(?:[\s-][A-Z][\w'’-]*){{0,3}}))?)\s*,"
)

# "... the next day": one day after the event just told, not after the report
_NEXT_DAY = re.compile(
    r"\b(?:the\s+(?:next|following)\s+(?:day|morning|night|evening)|a\s+day\s+later|the\s+day\s+after)\b",
    re.IGNORECASE,
)
_WEEKDAY_NAMES = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_WEEKDAY_ALT = "|".join(_WEEKDAY_NAMES)  # the alternation every weekday pattern uses
# when a speaker talked is not when the event happened: "the ministry said late
# Wednesday", "officials said on Monday"
_SAID_ON = re.compile(
    r"\b(?:said|says|told\s+\w+|announced|reported|confirmed|added|stated|claimed|denied)\s+"
    rf"(?:(?:on|late|early|last|this)\s+)*(?P<w>{_WEEKDAY_ALT})\b"
    r"(?:\s+(?:morning|evening|night|afternoon))?",
    re.IGNORECASE,
)
_SPEECH_STEMS = ("said", "says", "told", "announced", "reported", "confirmed", "added", "stated", "claimed", "denied")
# a relative clause about another event: its dates are not this event's
# ("bombed villages on Monday, in a response to the attack, in which ... last week")
_OTHER_EVENT_CLAUSE = re.compile(r",\s+(?:in\s+which|during\s+which|which)\b", re.IGNORECASE)
# "overnight from Saturday to Sunday": the night starts on the first day named
_OVERNIGHT_SPAN = re.compile(
    rf"\b(?:overnight|night)\s+(?:from|between|of)\s+(?P<w>{_WEEKDAY_ALT})\b",
    re.IGNORECASE,
)
_WEEKDAY = re.compile(
    rf"\b(?P<last>last\s+|this\s+past\s+|past\s+)?(?P<weekday>{_WEEKDAY_ALT})s?\b",
    re.IGNORECASE,
)
_AGO = re.compile(
    r"\b(?P<n>\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|several|a few)\s+"
    r"(?P<unit>day|days|week|weeks|month|months)\s+(?:ago|earlier|before)\b",
    re.IGNORECASE,
)
# Relative expressions, most specific first: (pattern, days back, precision, cue)
_RELATIVE: tuple[tuple[re.Pattern[str], int | str, int, str], ...] = tuple(
    (re.compile(p, re.IGNORECASE), back, prec, cue)
    for p, back, prec, cue in (
        (r"\b(?:the\s+day\s+before\s+yesterday)\b", 2, 1, "day before yesterday"),
        (r"\byesterday\b|\blast\s+night\b", 1, 1, "yesterday"),
        (r"\bovernight\b|\bearly\s+(?:on\s+)?today\b|\bthis\s+morning\b|\btonight\b|"
         r"\bearlier\s+today\b|\btoday\b", 0, 1, "today/overnight"),
        (r"\b(?:hours|minutes|moments)\s+(?:later|after(?:wards)?|earlier)\b|\blater\s+(?:that|the\s+same)\s+day\b|"
         r"\b(?:the\s+)?same\s+day\b|\bshortly\s+(?:after|afterwards|before)\b", "previous", 1, "same day as previous"),
        (r"\blast\s+week\b|\bthe\s+previous\s+week\b|\ba\s+week\s+(?:ago|earlier)\b", 7, 2, "last week"),
        (r"\b(?:earlier\s+)?this\s+week\b|\bin\s+recent\s+days\b|\bthis\s+weekend\b|\blast\s+weekend\b", 0, 2, "this week"),
        (r"\blast\s+month\b|\bthe\s+previous\s+month\b", "last_month", 3, "last month"),
        (r"\b(?:earlier\s+)?this\s+month\b|\bin\s+recent\s+weeks\b", 0, 3, "this month"),
    )
)
# A dateline: "date 2026-02-28", "Published: 28 Feb 2026", "KABUL, Feb 28 (Reuters) -"
_DATELINE_LABEL = re.compile(
    r"\b(?:date[d]?|published(?:\s+on)?|updated(?:\s+on)?|posted(?:\s+on)?|last\s+updated)\s*:?\s*",
    re.IGNORECASE,
)
# the city may hold any letter ("Bogotá, Sep 8 (EFE).-", "SÃO PAULO, 8 Sep (Reuters) -")
_DATELINE_CITY = r"^[ \t]*[^\W\d_](?:[^\W\d_]|[ .'’\-]){1,40}"
_WIRE_DATELINE = re.compile(
    rf"{_DATELINE_CITY},\s+(?:{_MONTH_RE}\s+{_DAY_RE}|{_DAY_RE.replace('day>', 'dday>')}\s+"
    rf"{_MONTH_RE.replace('month>', 'dmonth>')})\b(?:,?\s+{_YEAR_RE})?\s*(?:\(|[-–—])",
    re.IGNORECASE | re.MULTILINE,
)


# Cheap pre-check on the lower-cased sentence: without a digit or one of these
# words there is no temporal expression to resolve (false positives only cost
# the full scan).  Substring tests are faster than one alternation of them,
# and the words found also say which patterns below can match at all.
_MONTH_STEMS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
_HINT_WORDS = (  # every weekday name contains "day"
    "yesterday", "today", "tonight", "overnight", "night", "morning", "hours", "minutes", "moments", "later",
    "same", "shortly", "week", "month", "recent", "ago", "earlier", "before", "day", *_MONTH_STEMS,
)
# Each IGNORECASE pattern starting with \b costs several microseconds per
# sentence, and most sentences hold few date words; so a pattern is searched
# only when the sentence contains a hint word that every match of it contains.
# This is exact: on text without the characters in _CASE_TRAPS, an IGNORECASE
# match of an ASCII word implies that word in ``sentence.lower()``.
_RELATIVE_NEEDS: tuple[frozenset[str], ...] = tuple(map(frozenset, (
    ("yesterday",),
    ("yesterday", "night"),
    ("night", "today", "morning"),
    ("hours", "minutes", "moments", "later", "same", "shortly"),
    ("week",),
    ("week", "recent"),
    ("month",),
    ("month", "recent"),
)))
assert len(_RELATIVE_NEEDS) == len(_RELATIVE)
_AGO_NEEDS = frozenset({"ago", "earlier", "before"})
# characters that IGNORECASE matches to an ASCII letter but lower() does not
# turn into it (dotted and dotless i, long s): the word tests are skipped then
_CASE_TRAPS = re.compile("[\u0130\u0131\u017f]")
_DIGIT = re.compile(r"\d")  # every explicit date (ISO, day-month, month-day) has one


@dataclass(frozen=True)
class EventDate:
    """A resolved date with its ACLED ``time_precision`` and the cue used.

    ``date`` and ``precision`` are both None when the report gives no date.
    """

    date: date | None
    precision: int | None
    cue: str


def parse_published(value: date | datetime | str | None) -> date | None:
    """Validate a caller-supplied publication date.

    Parameters
    ----------
    value : date, datetime, str or None
        A :class:`datetime.date`, or a string ``YYYY-MM-DD``.

    Returns
    -------
    date or None

    Raises
    ------
    geoconflict.errors.InputError
        When the string is not a valid ``YYYY-MM-DD`` date.

    Examples
    --------
    >>> parse_published("2026-02-28")
    datetime.date(2026, 2, 28)
    >>> parse_published(None) is None
    True
    """
    if value is None:
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    from geoconflict.errors import InputError

    text = str(value).strip()
    try:
        if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
            raise ValueError
        return date.fromisoformat(text)
    except ValueError:
        raise InputError(
            f"invalid published date {text[:40]!r}: expected the format YYYY-MM-DD, e.g. 2026-02-28"
        ) from None


def _make_date(year: int | None, month: int, day: int, anchor: date | None) -> date | None:
    if year is None:
        if anchor is None:
            return None
        year = anchor.year
        try:
            candidate = date(year, month, day)
        except ValueError:
            return None
        # "Feb 28" in a report published in January refers to last year.
        if candidate > anchor + timedelta(days=1):
            try:
                candidate = date(year - 1, month, day)
            except ValueError:
                return None
        return candidate
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _match_date(m: re.Match[str], anchor: date | None) -> date | None:
    month_text = m.group("month")
    month = int(month_text) if month_text.isdigit() else _MONTHS[month_text.lower().rstrip(".")]
    year = m.group("year")
    return _make_date(int(year) if year else None, month, int(m.group("day")), anchor)


def _any_in(text: str, words: tuple[str, ...]) -> bool:
    """Whether one of ``words`` is a substring of ``text`` (a loop beats any()
    over a generator for a few dozen short words)."""
    for w in words:
        if w in text:
            return True
    return False


def _explicit_dates(text: str, anchor: date | None) -> list[tuple[int, date, bool]]:
    """(offset, date, has_year) of every explicit calendar date in ``text``."""
    found: list[tuple[int, date, bool]] = []
    taken: list[tuple[int, int]] = []
    # the case-insensitive month patterns are slow; a text without a month
    # stem (or without "-" for ISO) cannot match them, so they are skipped
    low = text.lower()
    months = _any_in(low, _MONTH_STEMS) or _CASE_TRAPS.search(text) is not None
    patterns = ((_ISO,) if "-" in text else ()) + ((_MDY, _DMY) if months else ())
    for pattern in patterns:
        for m in pattern.finditer(text):
            if any(a < m.end() and m.start() < b for a, b in taken):
                continue
            d = _match_date(m, anchor)
            if d is not None:
                found.append((m.start(), d, bool(m.group("year"))))
                taken.append((m.start(), m.end()))
    found.sort(key=lambda item: item[0])
    return found


def find_published(text: str) -> date | None:
    """The report's own date, from its dateline or its first full date.

    Looks in the first :data:`DATELINE_WINDOW` characters for a labelled date
    ("date 2026-02-28", "Published: 28 February 2026"), a wire dateline
    ("KABUL, Feb 28 (Reuters) -", year taken from the nearest full date in the
    text) or any full day-month-year date.  Returns None when there is none.

    Examples
    --------
    >>> find_published("date 2026-02-28 Home\\n\\nKabul: ...")
    datetime.date(2026, 2, 28)
    >>> find_published("KHARTOUM, March 3, 2025 (AP) - Drones struck ...")
    datetime.date(2025, 3, 3)
    >>> find_published("No date here.") is None
    True
    """
    head = text[:DATELINE_WINDOW]
    # 1. labelled: "date 2026-02-28", "Published: 28 February 2026"
    for label in _DATELINE_LABEL.finditer(head):
        rest = head[label.end(): label.end() + 40]
        dates = _explicit_dates(rest, None)
        if dates and dates[0][0] == 0 and dates[0][2]:
            return dates[0][1]
    # 2. wire dateline "CITY, Feb 28 (Reuters)": the year may be missing
    wire = _WIRE_DATELINE.search(head)
    if wire:
        month = _MONTHS[(wire.group("month") or wire.group("dmonth")).lower().rstrip(".")]
        day = int(wire.group("day") or wire.group("dday"))
        if wire.group("year"):
            return _make_date(int(wire.group("year")), month, day, None)
        years = [d.year for _, d, has_year in _explicit_dates(text[:20000], None) if has_year]
        if years:
            return _make_date(years[0], month, day, None)
    # 3. the first full date near the top
    for _, d, has_year in _explicit_dates(head, None):
        if has_year:
            return d
    return None


def _weekday_on_or_before(anchor: date, weekday: int) -> date:
    return anchor - timedelta(days=(anchor.weekday() - weekday) % 7)


def _months_back(anchor: date, n: int) -> date:
    month = anchor.month - n
    year = anchor.year
    while month <= 0:
        month += 12
        year -= 1
    return date(year, month, 1)


def _named_anchor(sentence: str, anchor: date | None, previous: EventDate | None,
                  earlier: Mapping[str, EventDate] | None) -> EventDate | None:
    """ "A day before the Bandiagara attack, ...": n days before (after) the
    incident at the place named, looked up in ``earlier`` (case-folded place
    name -> date), else counted from the event just told."""
    m = _NAMED_ANCHOR.match(sentence)
    if m is None:
        return None
    name = m.group("name") or m.group("name2")
    base = (earlier or {}).get(name.casefold()) if name else None
    if base is None or base.date is None:
        base = previous
    if anchor is None or base is None or base.date is None:
        return None
    n_text = m.group("n").lower()
    n = (int(n_text) if n_text.isdigit() else _NUMBERS[n_text]) * (7 if m.group("unit").lower().startswith("week") else 1)
    sign = -1 if m.group("dir").lower() == "before" else 1
    day = base.date + timedelta(days=sign * n)
    if day > anchor + timedelta(days=1):
        return None  # the event just told was not the one named: no date from it
    # the cue ends with the event noun, not "before"/"after": this is not a
    # flashback clause of the sentence before (see events._FLASHBACK_CUE)
    return EventDate(day, base.precision, m.group(0).strip(" ,"))


def resolve_event_date(
    sentence: str, anchor: date | None, *, previous: EventDate | None = None,
    earlier: Mapping[str, EventDate] | None = None,
) -> EventDate:
    """The date an incident described in ``sentence`` happened.

    Parameters
    ----------
    sentence : str
        The sentence describing the incident.
    anchor : date or None
        The report's publication date (see :func:`find_published`).
    previous : EventDate, optional
        The date of the previous incident, used by "hours later" and
        "the same day".
    earlier : mapping of str to EventDate, optional
        Dates of the incidents told so far, keyed by the case-folded place
        name as written, used by "A day before the Bandiagara attack, ...".
        Without it such a phrase counts from ``previous``.

    Returns
    -------
    EventDate
        ``precision`` is 1 (day), 2 (week) or 3 (month); both fields are None
        when there is no anchor and no explicit full date.

    Examples
    --------
    >>> from datetime import date
    >>> resolve_event_date("Drones struck the city on Sunday.", date(2026, 3, 3))
    EventDate(date=datetime.date(2026, 3, 1), precision=1, cue='on Sunday')
    >>> resolve_event_date("Shelling continued.", date(2026, 3, 3)).precision
    2
    >>> resolve_event_date("Shelling continued.", None).date is None
    True
    """
    low = sentence.lower()
    words = {w for w in _HINT_WORDS if w in low}
    digit = _DIGIT.search(low) is not None
    if not words and not digit:
        if anchor is None:
            return EventDate(None, None, "no date in report")
        return EventDate(anchor, 2, "report date")
    if anchor is not None and ("after" in low or "before" in low):
        named = _named_anchor(sentence, anchor, previous, earlier)
        if named is not None:
            return named
    if anchor is not None and previous is not None and previous.date is not None:
        lead = _LEADING_AFTER.match(sentence) if "after" in low or "before" in low else None
        if lead is not None:
            n_text = lead.group("n").lower()
            n = (int(n_text) if n_text.isdigit() else _NUMBERS[n_text]) * (7 if lead.group("unit").lower().startswith("week") else 1)
            sign = -1 if lead.group("dir").lower() == "after" else 1
            return EventDate(previous.date + timedelta(days=sign * n), previous.precision, lead.group(0).strip())
        if ("next" in low or "following" in low or "later" in low or "after" in low) and _NEXT_DAY.search(sentence):
            return EventDate(previous.date + timedelta(days=1), previous.precision, "the next day")
    said = _SAID_ON.search(sentence) if (
        "day" in words and _any_in(low, _SPEECH_STEMS) and _any_in(low, _WEEKDAY_NAMES)) else None
    if said is not None:
        # dates of the telling are blanked out; if nothing else dates the
        # event, the telling's day bounds it (precision 2)
        rest = _SAID_ON.sub(lambda m: " " * len(m.group()), sentence)
        found = resolve_event_date(rest, anchor, previous=previous)
        if found.cue != "report date" or anchor is None:
            return found
        day = _weekday_on_or_before(anchor, _WEEKDAYS[said.group("w").lower()])
        return EventDate(day, 2, "said " + said.group("w").capitalize())
    clause = _OTHER_EVENT_CLAUSE.search(sentence) if "which" in low else None
    if clause is not None and clause.start() > 0:
        # the main clause's own date wins; with none, "in which ... last week"
        # dates the other event, so this one keeps the report's date
        found = resolve_event_date(sentence[:clause.start()], anchor, previous=previous)
        if found.cue != "report date" or clause.group().lower().rstrip().endswith(("in which", "during which")):
            return found
    if _CASE_TRAPS.search(sentence):
        words = set(_HINT_WORDS) | {"after", *_WEEKDAYS}  # no word test is safe then: search every pattern
    else:
        # the words the two slowest patterns also need ("days after", weekday names)
        if "day" in words:
            if "after" in low:
                words.add("after")
            words.update(w for w in _WEEKDAYS if w in low)
    # a date after "since" starts a period: it is not when this incident happened
    explicit = [
        e for e in (_explicit_dates(sentence, anchor) if digit else ())
        if not _SINCE.search(sentence[max(0, e[0] - 8):e[0]])
    ]
    if explicit:
        # a date far after the anchor is a forecast, not the event: ignore it
        usable = [d for _, d, _ in explicit if anchor is None or d <= anchor + timedelta(days=1)]
        if usable:
            return EventDate(usable[0], 1, "explicit date")
    if anchor is None:
        return EventDate(None, None, "no date in report")
    m = _DAYS_AFTER.search(sentence) if previous is not None and previous.date is not None and "after" in words else None
    if m:
        n_text = m.group("n").lower()
        n = int(n_text) if n_text.isdigit() else _NUMBERS[n_text]
        return EventDate(previous.date - timedelta(days=n), previous.precision, m.group(0))
    m = None if words.isdisjoint(_AGO_NEEDS) else _AGO.search(sentence)
    if m:
        n_text = m.group("n").lower()
        n = int(n_text) if n_text.isdigit() else _NUMBERS[n_text]
        unit = m.group("unit").lower()
        # "five days earlier": before the event just told, when there is one ("ago" counts from the report)
        base = anchor
        if previous is not None and previous.date is not None and not m.group(0).lower().endswith("ago"):
            base = previous.date
        if unit.startswith("day"):
            return EventDate(base - timedelta(days=n), 1 if n <= 3 else 2, m.group(0))
        if unit.startswith("week"):
            return EventDate(base - timedelta(days=7 * n), 2, m.group(0))
        return EventDate(_months_back(anchor, n), 3, m.group(0))
    weekday = None if words.isdisjoint(_WEEKDAYS) else _WEEKDAY.search(sentence)
    for (pattern, back, precision, cue), needles in zip(_RELATIVE, _RELATIVE_NEEDS):
        if words.isdisjoint(needles) or not pattern.search(sentence):
            continue
        if weekday is not None and cue == "today/overnight":
            # "protested on Monday ... set on fire overnight", "overnight from
            # Saturday to Sunday": the named day dates the event
            span = _OVERNIGHT_SPAN.search(sentence)
            w = (span or weekday).group("w" if span else "weekday")
            return EventDate(_weekday_on_or_before(anchor, _WEEKDAYS[w.lower()]), 1, f"on {w.capitalize()}")
        if back == "previous":
            if previous is not None and previous.date is not None:
                return EventDate(previous.date, previous.precision, cue)
            continue
        if back == "last_month":
            return EventDate(_months_back(anchor, 1), precision, cue)
        return EventDate(anchor - timedelta(days=int(back)), precision, cue)
    m = weekday
    if m:
        day = _weekday_on_or_before(anchor, _WEEKDAYS[m.group("weekday").lower()])
        return EventDate(day, 1, f"on {m.group('weekday').capitalize()}")
    m = None if words.isdisjoint(_MONTH_STEMS) else _MONTH_ONLY.search(sentence)
    if m:
        month = _MONTHS[m.group("month").lower().rstrip(".")]
        year = int(m.group("year")) if m.group("year") else anchor.year
        if not m.group("year") and (year, month) > (anchor.year, anchor.month):
            year -= 1
        return EventDate(date(year, month, 1), 3, f"in {m.group('month')}")
    return EventDate(anchor, 2, "report date")
