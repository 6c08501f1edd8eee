"""What answered what: the ``responds_to`` links between incidents.

A retaliation answers the incidents its report says it answers.  The text
says so most plainly with a cause clause that names the place of the earlier
attack ("in retaliation for the Bannu attack", "a response to the attack on
Erbil", "a 'mirror response' to the bombing of Zaporizhzhia"), sometimes in
the sentence after the strike itself ("The operation was a response to ...").
Those named places are followed first.  Without them the sides decide: the
incidents by the side the retaliation hits, or against the retaliating side,
or any earlier attack by another side, or -- when the report never names who
attacked -- the unclaimed attacks told before it.

Two more cues told after a strike make it a retaliation of what they name:
"The shelling followed the killing of three soldiers near X" (the definite
subject points back to the strike just told, even in the paragraph before)
and "the strikes targeted 'the militia that fired on X'".  A strike opening
with "Hours later" / "The next day" (or saying "in turn") told right after an
attack on its side, or an attack nobody claimed, answers that attack.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from functools import lru_cache
from typing import Any

from geoconflict.actors import _fold, actor_country
from geoconflict.dates import _CASE_TRAPS
from geoconflict.facts import geodesic
from geoconflict.mentions import Mention

__all__ = ["CAUSE_CLAUSE", "CITY_MATCH_KM", "link_responses"]

#: The words that introduce what an action answers: "in retaliation for",
#: "in response to", "a 'mirror response' to", "to avenge", "responding to".
CAUSE_CLAUSE = re.compile(
    r"\b(?:(?:retaliation|response|revenge|reprisals?)[\"'”’]?\s+(?:for|to|against|over)"
    r"|to\s+avenge|avenging|responding\s+to|retaliating\s+(?:for|against))\b",
    re.IGNORECASE,
)
# Cues that name, after a strike, what it answered, without the words of
# CAUSE_CLAUSE: "The shelling followed the killing of three soldiers near X",
# "the strikes targeted 'the militia that fired on X'".  Only read after the
# strike (events.py does not split a sentence on them).
_FOLLOWING_CAUSE = re.compile(
    r"\b(?:the|this|that|these|those)\s+(?:[\w-]+\s+)?(?:shelling|strikes?|air\s*strikes?|attacks?|raids?|"
    r"bombings?|bombardment|assault|operation|offensive|fire)\s+followed\b"
    r"|\b(?:target(?:ed|ing|s)?|aimed\s+at|against|pursu(?:ed|ing))\s+[\"'“‘]?(?:the\s+|those\s+)?"
    r"(?:[\w-]+\s+){0,4}?(?:that|who|which)\s+(?:had\s+)?"
    r"(?:fired\s+(?:on|at|into)|attacked|shelled|bombed|raided|ambushed|struck|hit)\b",
    re.IGNORECASE,
)
# A strike told right after an attack, opening with "Hours later", "The next
# day", ... or saying "in turn": the other side striking back
_SEQUEL_START = re.compile(
    r"\W*(?:(?:hours|minutes)\s+later|(?:the\s+)?(?:next|following)\s+(?:day|morning|night|evening)"
    r"|later\s+(?:that|the\s+same)\s+(?:day|night|evening)|shortly\s+(?:after(?:wards)?|afterwards))\b",
    re.IGNORECASE,
)
_IN_TURN = re.compile(r"\bin\s+turn\b", re.IGNORECASE)
# how far back (characters) a sequel strike looks for the attack it answers
_SEQUEL_REACH = 600

# "the attacks appeared to be retaliation for ...": a plural subject before
# the cue takes in every incident told before it in the paragraph
_PLURAL_SUBJECT = re.compile(r"\b(?:attacks|strikes|air\s*strikes|bombings|raids|operations|assaults|killings)\b",
                             re.IGNORECASE)
# how far back (characters) "the attacks were retaliation for X" reaches
_PLURAL_REACH = 1500
#: An incident this close (geodesic, WGS84) to a town named as the cause is
#: the incident meant ("the Erbil attack" hit Erbil's airport, 6 km out).
CITY_MATCH_KM = 25.0

_SENTENCE_END = re.compile(r"[.!?](?:[\"'”’)]+)?(?:\s|$)")

# The whole report is scanned for cause clauses; case-sensitive copies of
# the two cue patterns (all in lower case) read the case-folded report
# (actors._fold keeps every offset) with a look-ahead on the letters a match
# can start with: half the time of an IGNORECASE scan.  Case-insensitive
# matching differs from folding only on text with dates._CASE_TRAPS, which is
# read with the original patterns.
_CAUSE_CLAUSE_F = re.compile("(?=[rta])" + CAUSE_CLAUSE.pattern)
_FOLLOWING_CAUSE_F = re.compile("(?=[tap])" + _FOLLOWING_CAUSE.pattern)
# Every match of CAUSE_CLAUSE contains one of _CAUSE_WORDS, and every match of
# _FOLLOWING_CAUSE contains "followed" or a relative pronoun right before an
# attack verb (_RELATIVE_ATTACK, a superset of that part of it): a report
# without them is not scanned at all.
_CAUSE_WORDS = ("retaliati", "respon", "revenge", "reprisal", "aveng")
_RELATIVE_ATTACK = re.compile(
    r"(?:that|who|which)\s+(?:had\s+)?(?:fired\s+(?:on|at|into)|attacked|shelled|bombed|raided|ambushed|struck|hit)")


def _norm(name: Any) -> str:
    if not isinstance(name, str):
        return ""
    return _norm_str(name)


@lru_cache(maxsize=4096)  # the same few place names are compared for every cause
def _norm_str(name: str) -> str:
    folded = unicodedata.normalize("NFKD", name)
    return "".join(c for c in folded if c.isalnum()).casefold()


def _cause_clauses(text: str, start: int, end: int, cue: re.Pattern[str] = CAUSE_CLAUSE) -> list[tuple[int, int]]:
    """Spans from each ``cue`` in ``text[start:end]`` to the end of its sentence."""
    out = []
    for m in cue.finditer(text, start, end):
        stop = _SENTENCE_END.search(text, m.end(), end)
        out.append((m.end(), stop.start() if stop else end))
    return out


def _named_causes(mentions: Sequence[Mention], span: tuple[int, int]) -> list[Mention]:
    lo, hi = span
    return [m for m in mentions if m.place is not None and lo <= m.start < hi
            and m.place.feature_type != "country"]


def _is_at(row: dict[str, Any], cause: Mention) -> bool:
    """Whether an incident took place at the place a cause clause names."""
    p = cause.place
    if row.get("gazetteer_id") and row["gazetteer_id"] == p.gazetteer_id:
        return True
    if _norm(row.get("location")) in (_norm(p.name), _norm(cause.text)):
        return True
    if row.get("country_code") != p.country_code:
        return False
    if p.feature_type == "admin1":
        # "the Hakkari attack" when the attack was placed at a district of Hakkari
        return _norm(row.get("admin1")) == _norm(p.name)
    lat, lon = row.get("latitude"), row.get("longitude")
    if lat is None or lon is None:
        return False
    return geodesic(p.lat, p.lon, lat, lon)[0] <= CITY_MATCH_KM


def _answered_at(incidents, i: int, causes: list[Mention]) -> list[int]:
    return [j for j, other in enumerate(incidents)
            if j != i and any(_is_at(other.row, c) for c in causes)]


def _by_sides(incidents, i: int) -> list[int]:
    """The earlier incidents a retaliation answers, judged by who fought whom."""
    from geoconflict.events import _same_side

    r = incidents[i]
    me = r.row["actor1"]
    side = actor_country(me)
    rdate = r.row["event_date"]
    earlier, unclaimed = [], []
    for j, other in enumerate(incidents):
        if j == i:
            continue
        o = other.row
        later = rdate is not None and o["event_date"] is not None and o["event_date"] > rdate
        if o["actor1"] is None:
            if j < i and o["layer"] != "retaliation" and not later:
                unclaimed.append(j)
            continue
        if o["actor1"] == me or _same_side(me, o["actor1"]):
            continue
        if (o["layer"] == "retaliation" and j > i) or later:
            continue
        if j > i and r.order[0] != other.order[0]:
            # told later: only when the retaliation's own sentence names it as the cause
            continue
        earlier.append(j)
    target = r.row["actor2"]
    named = [j for j in earlier if target is not None and incidents[j].row["actor1"] == target]
    hit_us = [j for j in earlier if side is None or incidents[j].row["country_code"] == side
              or actor_country(incidents[j].row["actor2"]) == side]
    return named or hit_us or earlier or unclaimed


def link_responses(incidents: list, text: str = "", mentions: Sequence[Mention] = (),
                   folded_text: str | None = None) -> None:
    """Fill ``answers`` (indices into ``incidents``) of every retaliation.

    ``incidents`` are extraction records with ``row`` (the incident's
    columns), ``order`` and ``answers``; ``text`` and ``mentions`` are the
    report and its geoparsed places, used to read cause clauses.  A cause
    clause after a strike that is not itself marked as a retaliation ("...
    struck a fuel depot in Klintsy. The operation was a response to the
    bombing of Zaporizhzhia.") makes the strikes of the sentence before it
    retaliations.  An incident drawn from a cause clause that names a place
    where an incident was already told ("in retaliation for the Kabul
    attack" after the Kabul attack) is a retelling and is removed from
    ``incidents``.  A strike told with "Hours later" / "The next day" right
    after an attack on its side is a retaliation of that attack.
    ``folded_text`` is ``actors._fold(text)`` when the caller has it.
    """
    # every cause clause of the report, found once for both passes below
    # (each scan of the whole report only where its words occur)
    if _CASE_TRAPS.search(text):
        scanned, cue, following_cue = text, CAUSE_CLAUSE, _FOLLOWING_CAUSE
        low = None
    else:
        low = _fold(text) if folded_text is None else folded_text
        scanned, cue, following_cue = low, _CAUSE_CLAUSE_F, _FOLLOWING_CAUSE_F
    clauses = _cause_clauses(scanned, 0, len(text), cue) if text and (
        low is None or any(w in low for w in _CAUSE_WORDS)) else []
    following = _cause_clauses(scanned, 0, len(text), following_cue) if text and (
        low is None or "followed" in low or _RELATIVE_ATTACK.search(low)) else []
    if clauses or following:
        _drop_retellings(incidents, clauses + following)
    covered: list[tuple[int, int]] = []
    for i, r in enumerate(incidents):
        if r.row["layer"] != "retaliation":
            continue
        start, end = r.row.get("source_start"), r.row.get("source_end")
        answered: list[int] = []
        if clauses and start is not None and end is not None:
            for span in _cause_clauses(scanned, start, end, cue):
                covered.append(span)
                answered += [j for j in _answered_at(incidents, i, _named_causes(mentions, span))
                             if j not in answered]
        r.answers.extend(answered or _by_sides(incidents, i))
    if clauses or following:
        # "The shelling followed ...": the definite subject points back to the
        # strike just told, even across a paragraph break
        anaphoric = {a for a, _ in following if text[a - 8 : a].lower().endswith("followed")}
        _link_following_causes(incidents, text, mentions, covered, sorted(clauses + following), anaphoric)
    if text:
        _link_sequels(incidents, text)


def _link_sequels(incidents: list, text: str) -> None:
    """ "Gunmen shelled X. Hours later, Moroccan drones struck Y": a strike by
    one side told right after an attack on that side (or an attack nobody
    claimed), opening with "Hours later" / "The next day" or saying "in
    turn", answers that attack and is a retaliation."""
    from geoconflict.events import _same_side

    for inc in incidents:
        row = inc.row
        me, start = row["actor1"], row.get("source_start")
        if row["layer"] != "strike" or inc.answers or me is None or start is None:
            continue
        head = text[start : row["source_end"]]
        if not (_SEQUEL_START.match(head) or ("turn" in head and _IN_TURN.search(head))):
            continue
        side = actor_country(me)
        told = [j for j, o in enumerate(incidents) if o is not inc and o.row.get("source_end") is not None
                and o.row["source_end"] <= start and start - o.row["source_end"] <= _SEQUEL_REACH
                and o.row["layer"] != "protest"]
        if not told:
            continue
        # the attacks of the last sentence told before it
        last = max(incidents[j].row["source_start"] for j in told)
        answered = []
        for j in told:
            o = incidents[j].row
            if o["source_start"] != last or o["actor1"] == me or _same_side(me, o["actor1"]):
                continue
            hit_us = side is not None and (o["country_code"] == side or actor_country(o["actor2"]) == side)
            if o["actor1"] is None or hit_us or row["actor2"] == o["actor1"]:
                answered.append(j)
        if answered:
            row["layer"] = "retaliation"
            inc.answers.extend(answered)


def _speaker_side(text: str, start: int, end: int) -> str | None:
    """The state whose voice a cue sentence reports ("Turkey's defence ministry
    said the strikes were ..."), if one is named before the cue."""
    from geoconflict.actors import find_actors

    for a in find_actors(text[start:end]):
        if a.kind in ("country", "military", "capital", "demonym") and a.country_code:
            return a.country_code
    return None


def _drop_retellings(incidents: list, spans: list[tuple[int, int]]) -> None:
    keep = []
    for inc in incidents:
        pos = inc.order[1]
        retold = any(a <= pos < b for a, b in spans) and any(
            other.order < inc.order and other.row.get("gazetteer_id") == inc.row.get("gazetteer_id")
            for other in keep
        )
        if not retold:
            keep.append(inc)
    incidents[:] = keep


def _link_following_causes(incidents, text, mentions, covered, clauses, anaphoric=frozenset()) -> None:
    for span in clauses:
        if any(a <= span[0] < b for a, b in covered):
            continue
        causes = _named_causes(mentions, span)
        if not causes:
            continue
        before = [j for j, inc in enumerate(incidents)
                  if inc.row.get("source_end") is not None and inc.row["source_end"] <= span[0]
                  and not any(_is_at(inc.row, c) for c in causes)]
        if not before:
            continue
        last_end = max(incidents[j].row["source_end"] for j in before)
        para_start = text.rfind("\n\n", 0, span[0]) + 1
        sentence_start = max(text.rfind(". ", 0, span[0]), para_start)
        plural = _PLURAL_SUBJECT.search(text, sentence_start, span[0]) is not None
        # a paragraph that tells no incident before its cue looks back further
        looks_back = plural and not any(para_start <= incidents[j].row["source_start"] for j in before)
        if span[0] - last_end > (_PLURAL_REACH if looks_back else 400):
            continue
        speaker_side = _speaker_side(text, sentence_start, span[0]) if looks_back else None
        for j in before:
            inc = incidents[j]
            if looks_back:
                # "the attacks appeared to be retaliation for ...", told a few
                # paragraphs after the attacks: every attack told before it,
                # within reach, that is not itself a retaliation
                if span[0] - inc.row["source_start"] > _PLURAL_REACH or inc.row["layer"] == "retaliation":
                    continue
                if speaker_side is not None and actor_country(inc.row["actor1"]) != speaker_side:
                    continue  # "Turkey's ministry said the strikes were a response": Turkey's strikes
            elif inc.row["source_end"] != last_end and not (plural and inc.row["source_start"] >= para_start):
                # the sentence just before the cue, or with a plural subject
                # ("the attacks were retaliation for ...") the whole paragraph
                continue
            elif inc.row["source_end"] <= para_start and last_end <= para_start and not plural \
                    and span[0] not in anaphoric:
                continue
            answered = [k for k in _answered_at(incidents, j, causes) if k not in inc.answers]
            if answered:
                inc.row["layer"] = "retaliation"
                inc.answers.extend(answered)
