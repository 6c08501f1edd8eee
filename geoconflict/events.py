"""Incidents from report text: who did what to whom, where and when.

The rules, sentence by sentence:

1. **Triggers** (verbs and nouns) give the ACLED ``event_type`` /
   ``sub_event_type`` (see :data:`TRIGGERS`).  Questions, and triggers in a
   hypothetical or reported-accusation context ("fears of a wider conflict",
   "threatened to strike", "in case of attacks", "accusing one another of
   strikes"), do not make incidents.
2. **Locations** are the resolved place mentions that the syntax marks as
   places where something happened: after a locative word ("in", "at",
   "near", "on", "targeting", "bombed", "struck"...), or continuing such a list
   ("bombed Kabul, Kandahar, and Paktia" -> three incidents).  A capital or a
   country without such a cue is a metonym for its state ("Islamabad
   declared"), a distance reference ("six km from the PMO") is not a target,
   an explicit parent ("Islamabad's Faizabad area") yields to its child, and a
   country is used only when the sentence names nothing finer.
3. **Actors** (:mod:`geoconflict.actors`): the attacker is the nearest actor
   before the trigger that is not itself a target ("against X", "on X"), or the
   agent after "by"; a sentence with no attacker continues the previous
   sentence's event ("This included strikes on ...").
4. **Layer**: ``retaliation`` when the sentence (or the event it continues)
   says so ("retaliatory", "in retaliation", "in response", "responded",
   "hit back", "retaliated"); otherwise ``clash`` for battles, ``protest``
   for demonstrations, ``strike`` for remote violence and attacks.
5. **Dates** with :func:`geoconflict.dates.resolve_event_date`.
6. **Deduplication**: the same strike retold later (a quoted tweet) merges
   with the first telling by (place, attacker, event type, date); the
   best-supported sentence is kept.
7. **responds_to**: a retaliation answers the earlier incidents by the other
   side that hit the retaliating side's territory or forces.

Output rows follow :data:`geoconflict.schema.INCIDENT_COLUMNS`.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import lru_cache
from typing import Any

from geoconflict.actors import (
    ActorMention, _fold, actor_country, country_name, find_actors, military_of, with_country, with_named_groups,
)
from geoconflict.dates import _CASE_TRAPS, _MONTH_RE, _MONTHS, EventDate, _any_in, resolve_event_date
from geoconflict.mentions import Mention
from geoconflict.nonplaces import DEMONYMS
from geoconflict.responses import CAUSE_CLAUSE, link_responses

__all__ = ["TRIGGERS", "RETALIATION_CUES", "extract_incidents", "find_triggers", "Trigger"]

# (pattern, event_type, sub_event_type, rank); higher rank wins within a sentence.
_EXPLOSIONS = "Explosions/Remote violence"
_AIR = "Air/drone strike"
_SHELL = "Shelling/artillery/missile attack"
TRIGGERS: tuple[tuple[str, str, str, int], ...] = (
    (r"suicide\s+(?:bomb(?:ing|ings|er|ers|s)?|attacks?|attackers?|car\s+bombs?|vests?|blasts?)", _EXPLOSIONS, "Suicide bomb", 10),
    (r"(?:IEDs?|improvised\s+explosive\s+devices?|roadside\s+bombs?|car\s+bombs?|landmines?|land\s+mines?|"
     r"bomb\s+blasts?|booby[- ]traps?(?:ped)?|explosive\s+devices?|planted\s+bombs?|"
     r"bombs?\s+(?:planted|hidden|concealed|went\s+off)|(?:motorcycle|motorbike|truck|parcel|pipe|time|sticky)\s+bombs?|"
     r"bomb\s+(?:and\s+\w+\s+)?attacks?|(?:packed|laden|rigged|loaded)\s+with\s+explosives|explosives?-laden)",
     _EXPLOSIONS, "Remote explosive/landmine/IED", 9),
    (r"grenades?", _EXPLOSIONS, "Grenade", 8),
    # an explosion of unknown origin: typed by any more specific trigger in the sentence
    (r"(?:explosions?|blasts?|detonat(?:ed|ion)|exploded|bomb\s+went\s+off|blew\s+up)", _EXPLOSIONS,
     "Remote explosive/landmine/IED", 3),
    (r"(?:air\s*strikes?|air[- ]raids?|aerial\s+(?:bombardments?|attacks?|strikes?|bombing)|drone\s+(?:strikes?|attacks?)|"
     r"drones?\s+(?:struck|hit|attacked|targeted|slammed|at|on|against|towards?)|kamikaze\s+drones?|"
     r"(?:launched|fired|sent)\s+(?:\w+\s+){0,3}drones|warplanes?|fighter\s+jets?|jets|f-16s?(?:\s+jets)?|"
     r"(?:attack\s+|army\s+|military\s+)?helicopters?|"
     r"bomb(?:ed|ing|ings)|bombs?\s+(?:fell|landed|rained|were\s+dropped)|aircraft|helicopter\s+gunships?|"
     r"barrel\s+bombs?)", _EXPLOSIONS, _AIR, 8),
    (r"(?:shell(?:ing|ed|s)?|artillery|missiles?|rockets?|mortars?|ballistic|barrages?|bombardments?|"
     r"projectiles?|howitzers?)", _EXPLOSIONS, _SHELL, 7),
    (r"(?:clash(?:es|ed)?|fighting|fought|firefights?|gun\s*battles?|gun\s*fights?|shoot-?outs?|"
     r"exchanges?\s+of\s+fire|exchanged\s+fire|"
     r"ambush(?:ed|es)?|battles?|battled|skirmish(?:es)?|offensive|stormed|overran|seized\s+control|"
     r"captured|recaptured|retook|regained\s+control)", "Battles", "Armed clash", 5),
    (r"(?:massacre[ds]?|executed|beheaded|abduct(?:ed|ion|ions)|kidnapp(?:ed|ing|ings))", "Violence against civilians", "Attack", 6),
    (r"(?:riot(?:s|ing|ers)?|looting|looted|torched|set(?:ting)?\s+fire\s+to|mob\s+attack)", "Riots",
     "Violent demonstration", 6),
    (r"(?:protest(?:s|ed|ing|ers|ors)?|demonstrat(?:ions?|ors?|ed)|rall(?:y|ies|ied)|marche[ds]|sit-ins?|"
     r"general\s+strike|gathered\s+(?:[\w,]+\s+){0,9}?to\s+(?:demand|protest|denounce|condemn|call\s+for))",
     "Protests", "Peaceful protest", 4),
    (r"(?:strikes?|struck|attack(?:s|ed)?|assaults?|raid(?:s|ed)?|targeted|targeting|pounded|hit|opened\s+fire|"
     r"fired\s+(?:on|upon|at)|shots\s+(?:were\s+)?fired|fired\s+shots|came\s+under\s+(?:\w+\s+)?fire|gunfire|"
     r"shot\s+dead|gunmen|shooting)", "", "", 1),
)
# One non-capturing alternation matched against case-folded text (see
# actors._fold), with a cheap look-ahead so most positions fail at once: about
# five times faster than named groups under re.IGNORECASE.  The match is then
# typed by the first pattern that matches it in full (the one the alternation took).
_TRIGGER_RE = re.compile(r"(?=[a-z])\b(?:" + "|".join(f"(?:{p.lower()})" for p, *_ in TRIGGERS) + r")\b")
_TRIGGER_EACH = tuple(re.compile(p.lower()) for p, *_ in TRIGGERS)
_DISORDER = {
    _EXPLOSIONS: "Political violence",
    "Battles": "Political violence",
    "Violence against civilians": "Political violence",
    "Protests": "Demonstrations",
    "Riots": "Demonstrations",
}
_LAYER_OF = {
    _EXPLOSIONS: "strike",
    "Violence against civilians": "strike",
    "Battles": "clash",
    "Protests": "protest",
    "Riots": "protest",
}

#: Words that make an incident a retaliation.
RETALIATION_CUES = re.compile(
    r"\b(?:retaliat\w*|in\s+response|(?:a|as\s+a)\s+response\s+to|in\s+(?:apparent\s+|possible\s+|suspected\s+)?revenge|"
    r"revenge\s+(?:attack|strike)s?|responded|"
    r"hit\s+back|struck\s+back|counter-?attack\w*|counter-?offensive|to\s+avenge|avenging|reprisal\w*|"
    # going after the attackers answers their attack
    r"(?:pursued|chased|hunted\s+down|tracked\s+down)\s+(?:the\s+)?(?:attackers|assailants|gunmen|militants|raiders))\b",
    re.IGNORECASE,
)
# "in retaliation for the strike on Kharkiv": places after this describe the
# incident being answered, not the retaliation.
_CAUSE_CLAUSE = CAUSE_CLAUSE
# a trigger in these contexts does not report an incident
_IRREALIS = re.compile(
    r"\b(?:threaten\w*|vow\w*|warn\w*|fears?|feared|risk|risks|would|could|(?-i:might|may|will|shall)|"
    r"plans?|planning|intend\w*|in\s+case\s+of|accus\w+|alleg\w+|deni(?:ed|es|al)|deny|prepar\w+|ready\s+to|"
    # "ban", not "Bangui" or "Bangkok": a city's name is no prohibition
    r"ban(?:s|ned|ning)?|prohibit\w*|condemn\w*|slam\w*|denounc\w*|against\s+the\s+use|capabilit\w*|"
    r"ceasefire|restraint)\b[^.;:]{0,60}$",
    re.IGNORECASE,
)
_NEGATED = re.compile(r"\b(?:no|not|never|without|denied|den(?:y|ies))\s+(?:\w+\s+){0,2}$", re.IGNORECASE)

# locative cues immediately before a place (after optional descriptors)
_DESCRIPTOR = (
    r"(?:(?:the|a|an|its|their|his|her)\s+)?(?:(?:(?:north|south|east|west)(?:ern|-?east(?:ern)?|-?west(?:ern)?)?|"
    r"central|outer|upper|lower|parts?|areas?|outskirts|suburbs?|edges?|centre|center|heart|city|town|village|"
    r"province|provinces|district|districts|region|regions|state|county|capital|port|camp|neighbou?rhoods?|"
    r"vicinity|border\s+town|town\s+square|streets|market|coast|waters|shores?|mountains?|hills|valleys?|"
    r"marsh(?:es|lands?)|forests?|jungles?|plains?|desert|countryside|farmland|"
    # a nationality inside the phrase: "near the central Iranian city of Isfahan"
    r"[a-z]{2,}(?:ian|ean|ese|ish|ani|eli|i|an)(?=\s+(?:city|town|village|port|province|region|capital|border))|"
    r"parts\s+of\s+the|several|various|multiple|targets|"
    r"positions|bases?|sites?|hideouts?|locations|military|militant|army|"
    r"[\w’'-]+-(?:held|controlled|run|occupied|besieged|based))\s+(?:of\s+|in\s+|near\s+)?(?:the\s+)?){0,4}"
)
_POSSESSOR = r"(?:[A-Z][\w\-]*(?:\s+[A-Z][\w\-]*){0,3}(?:'s|’s)\s+)?"
_LOCATIVE = re.compile(
    r"(?:\b(?:in|at|near|outside|around|across|into|inside|within|through|throughout|along|over|toward|towards|"
    r"above|overlooking|beyond|"
    r"targeting|targeted|target|hit|hitting|struck|striking|bombed|bombing|shelled|shelling|pounded|pounding|"
    r"attacked|attacking|raided|raiding|stormed|captured|seized|besieged|overran|entered|"
    r"rocked|rocking|killed\s+in|including|off|fell\s+on|such\s+as|streets\s+of|close\s+to|north\s+of|south\s+of|east\s+of|west\s+of|outskirts\s+of)\s+"
    + _DESCRIPTOR + _POSSESSOR + r"|\bon\s+" + _DESCRIPTOR + _POSSESSOR + r")$",
    re.IGNORECASE,
)
# "on" that is not spatial: "declared war on Kabul", "called on Islamabad"
_FALSE_ON = re.compile(
    r"\b(?:war|sanctions?|pressure|call(?:s|ed)?|depend\w*|focus\w*|rel(?:y|ies|ied)|based|comment\w*|"
    r"agreement|talks|views?|position|stance|report\w*|insist\w*|spoke|briefing|statement|crackdown)[\"”’']?\s+on\s+"
    + _DESCRIPTOR + _POSSESSOR + r"$",
    re.IGNORECASE,
)
_LIST_GAP = re.compile(r"^(?:\s*,\s*(?:and\s+|or\s+)?|\s+(?:and|or|as\s+well\s+as)\s+)(?:the\s+)?(?:provinces?\s+of\s+|city\s+of\s+)?$")
# "struck villages in southern Lebanon on Sunday, including Khiam and Bint
# Jbeil": the places after "including" are the scenes the first one holds
_INCLUDING_GAP = re.compile(
    r"^[^.;:]{0,40}?,\s*(?:including|among\s+them|such\s+as|notably)\s+(?:the\s+)?"
    r"(?:(?:towns?|villages?|cities|city|districts?|areas?|camps?|neighbou?rhoods?)\s+(?:of\s+)?)?"
    # earlier items of the same list, which the gazetteer may not know
    r"(?:[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,2}(?:\s*,\s*(?:and\s+)?|\s+and\s+)){0,4}$"
)
# what may sit between a place and the next list item: "Kandahar province, and"
_AFTER_NAME = re.compile(
    r"^(?:\s+(?:province|provinces|district|region|state|governorate|oblast|city|town|camp|area))?", re.IGNORECASE
)
_DISTANCE_REF = re.compile(
    r"(?:\d|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|"
    r"fifty|hundred|dozen|few))[\w\s.,\-]{0,25}?(?:\b|(?<=\d))(?:km|kms|kilomet(?:er|re)s?|miles?|mi|metres|meters|m)\b"
    # "75 kilometers (45 miles) north of X": a unit conversion in brackets
    r"(?:\s*\([^()]{0,30}\))?"
    r"[\w\s\-]{0,30}?\b(?:from|of|off|outside|away\s+from)\s+(?:the\s+)?(?:town\s+of\s+|city\s+of\s+)?$",
    re.IGNORECASE,
)
_APPOSITIVE_REF = re.compile(
    r"\s*,\s+(?:(?:a|the)\s+(?:\w+\s+){0,2}?)?(?:(?:just|some|about|roughly|around|slightly|far)\s+)?"
    r"(?:north|south|east|west|north-?east|north-?west|south-?east|south-?west)\s+of\s+(?:the\s+)?"
    r"(?:(?:town|city|capital|port)\s+of\s+)?",
    re.IGNORECASE,
)
_NEAR = re.compile(
    r"(?:\b(?:near|outside|around|outskirts\s+of|suburbs?\s+of|vicinity\s+of|close\s+to|parts?\s+of|areas?\s+of|"
    r"edge\s+of|(?:north|south|east|west)(?:ern)?\s+(?:part\s+of|of)|(?:north|south)-?(?:east|west)\s+of|"
    r"just\s+(?:north|south|east|west)\s+of)\s+(?:the\s+)?(?:\w+\s+){0,2}$)",
    re.IGNORECASE,
)
_AREA_AFTER = re.compile(
    r"(?:'s|’s)?\s+(?:(?:north|south|east|west)(?:ern)?\s+|outer\s+|central\s+)?"
    r"(?:area|outskirts|suburbs?|district|neighbou?rhoods?|region|parts?)\b",
    re.IGNORECASE,
)
# ("... on Monday when ISIS attacked": a date and a clause boundary are no target phrase)
_TARGET_PREP = re.compile(
    r"\b(?:against|on(?!\s+(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b)|targeting|targeted|at|"
    r"toward|towards|hitting)\s+(?:the\s+)?"
    r"(?:(?!(?:when|as|after|while|before|since|because|but|which|who|where)\b)\w+\s+){0,3}$",
    re.IGNORECASE,
)
_BY_PREP = re.compile(r"\b(?:by|from)\s+(?:the\s+)?(?:\w+\s+){0,1}$", re.IGNORECASE)
_BORDER_AFTER = re.compile(r"\s*(?:[-–—]\s*\w+\s+)?border\b|[-–—]\w", re.IGNORECASE)
_ANAPHORA = re.compile(
    r"^\W*(?:this|these|that|those|it|they|the\s+(?:attacks?|strikes?|raids?|assault|operation|bombardment|barrage|"
    r"shelling|offensive|retaliation|response|fighting|clashes|battle|ambush|bombing|blast|explosion)|"
    r"in\s+(?:the|that)\s+(?:attack|strike|raid)|during\s+the)\b",
    re.IGNORECASE,
)
# "KYIV, Tuesday 4 November 2025 (Wire) - ": its date is the report's, not the event's
# A dateline's place: one to four words ("N'DJAMENA", "PORT-AU-PRINCE", "Addis Abeba").
_DATELINE_PLACE = r"[A-ZÀ-ÖØ-Þ][^\W\d_][^\W\d_'’.\-]*(?:[ '’.\-]+[^\W\d_]+){0,3}"
_DATELINE_PREFIX = re.compile(
    r"^[^\W\d_][^\W\d_ .'\-]*(?:[ .'\-]+[^\W\d_]+){0,5},[^\n]{0,80}?\b(?:19|20)\d\d\b[^\n]{0,40}?(?:\)\s*)?[-–—]+\s+"
    r"|^[A-ZÀ-ÖØ-Þ][A-ZÀ-ÖØ-Þ .'\-]{2,40},\s+[^\n]{0,40}?\([^)]{1,40}\)\s*[-–—]*\s*"
    # a wire credit, with or without a date, closed by a dash, a full stop or
    # both: "Niamey (AFP) - ", "Bogotá, Sep 8 (EFE).- ", "Lima, Oct. 15 (ANDINA). "
    rf"|^{_DATELINE_PLACE}(?:,\s*[^\n()]{{1,40}}?)?\s*\([A-Z][^()\n]{{1,30}}\)\s*(?:\.?\s*[-–—]+|\.|:)\s+"
    # ... or by nothing at all: "Srinagar, Jun 2 (PTI) Three soldiers were killed"
    rf"|^{_DATELINE_PLACE},\s*[^\n()]{{1,40}}?\s*\((?:[A-Z]{{2,8}}|Reuters|Xinhua|Anadolu|Bernama|Lusa|Andina|"
    r"Kyodo|Yonhap|Interfax|Sputnik)\)\s+(?=[A-Z0-9])"
    # a place of capitalised words (and a date) closed by a long dash:
    # "Addis Abeba – ", "MAIDUGURI — ", "Tbilisi, 14 April – "
    r"|^[A-ZÀ-ÖØ-Þ][^\W\d_'’.\-]*(?:[ '’.\-]+[A-ZÀ-ÖØ-Þ][^\W\d_]*){0,3}"
    r"(?:,\s*[^\n–—]{0,30}?\d[^\n–—]{0,10}?)?\s+[–—]+\s+"
    # a capitalised place and a colon: "BANNU: "
    r"|^[A-ZÀ-ÖØ-Þ][A-ZÀ-ÖØ-Þ .'\-]{2,40}:\s+"
    # a capitalised place, its country and any dash: "KANTHARALAK, Thailand - "
    r"|^[A-ZÀ-ÖØ-Þ][A-ZÀ-ÖØ-Þ.'\-]+(?: [A-ZÀ-ÖØ-Þ][A-ZÀ-ÖØ-Þ.'\-]+){0,3},\s+[A-Z][^\W\d_]+(?: [A-Z][^\W\d_]+){0,2}"
    r"\s+[-–—]+\s+"
)


def _dateline_prefix(sentence: str) -> re.Match[str] | None:
    """``_DATELINE_PREFIX.match(sentence)``, skipped for the many sentences
    that hold none of the characters every dateline needs (a bracket, a
    colon, a long dash, or a comma and a hyphen): the pattern backtracks over
    every capitalised opening word before it fails."""
    if "(" in sentence or ":" in sentence or "–" in sentence or "—" in sentence or (
            "-" in sentence and "," in sentence):
        return _DATELINE_PREFIX.match(sentence)
    return None


_FATALITIES = re.compile(
    r"\b(?:killing|killed|kills|left|leaving|claimed\s+the\s+lives\s+of|death\s+toll\s+(?:rose\s+to|of|at))\s+"
    r"(?:at\s+least\s+|some\s+|about\s+|around\s+|nearly\s+|more\s+than\s+|over\s+|up\s+to\s+)?"
    r"(?P<n>\d{1,5}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|dozens?)\b"
    r"|\b(?P<m>\d{1,5}|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\s+(?:\w+\s+){0,2}"
    r"(?:people|civilians|soldiers|fighters|militants|persons|children|protesters|troops)\s+(?:were\s+|have\s+been\s+|had\s+been\s+)?killed",
    re.IGNORECASE,
)
_NUMBER_WORDS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "dozen": 12, "dozens": 24,
}
_MILITARY_TARGET = re.compile(
    r"\b(?:attack(?:s|ed|ing)?|assault(?:s|ed|ing)?|raid(?:s|ed|ing)?)\s+(?:on\s+)?(?:(?:a|an|the|its|their|two|three|several)\s+)?"
    r"(?:[\w-]+\s+){0,2}(?:base|bases|outpost|outposts|barracks|checkpoint|checkpoints|garrison|military\s+camp|"
    r"army\s+camp|posts?|positions?|convoy|convoys|patrol|patrols)\b",
    re.IGNORECASE,
)
# ("demanding the release of the detained villagers" is the protesters' demand, not an arrest)
_INTERVENTION = re.compile(r"\b(?:tear\s*gas|water\s+cannons?|rubber\s+bullets|baton|dispersed|"
                           r"(?<!release of )(?<!release of the )(?:arrested|detained))\b", re.IGNORECASE)
_EXCESSIVE = re.compile(r"\b(?:live\s+(?:ammunition|fire|rounds)|opened\s+fire\s+on\s+(?:the\s+)?(?:protesters|demonstrators)|shot\s+dead|killed)\b", re.IGNORECASE)
_CIVILIAN_TARGET = re.compile(
    r"\b(?:civilians?|villagers|residents|worshippers|displaced|aid\s+workers|market|hospital|school|mosque|church|"
    r"camp|people|passengers|farmers|students|teachers|women|children|pupils|shoppers|commuters|journalists|"
    r"migrants|refugees|asylum\s+seekers|fishermen|miners|traders|herders|shepherds|drivers|pilgrims)\b",
    re.IGNORECASE,
)


def _fast(pattern: re.Pattern[str]) -> re.Pattern[str]:
    """A case-insensitive, end-anchored pattern recompiled for case-folded
    windows (see actors._fold), with a look-ahead that lets most start
    positions fail at once: these run for every mention and trigger, and the
    folded form is about five times faster."""
    return re.compile("(?=[a-z0-9])" + pattern.pattern.replace("[A-Z]", "[a-z]"))


# modal verbs only in lower case: "12 May 2024" is a date, not a hypothetical
_MODAL = re.compile(r"\b(?:might|may|will|shall)\b[^.;:]{0,60}$")
_IRREALIS = re.compile(_IRREALIS.pattern.replace("(?-i:might|may|will|shall)|", ""), re.IGNORECASE)
_IRREALIS_F, _NEGATED_F, _LOCATIVE_F, _FALSE_ON_F, _DISTANCE_REF_F, _NEAR_F, _TARGET_PREP_F = map(
    _fast, (_IRREALIS, _NEGATED, _LOCATIVE, _FALSE_ON, _DISTANCE_REF, _NEAR, _TARGET_PREP)
)
# "dozens of Israeli settlers stormed": a number of them is still the subject
_QUANTITY_OF_F = re.compile(r"(?=[a-z])\b(?:dozens|hundreds|scores|thousands|several|some|many|a\s+group|a\s+band|"
                            r"groups|bands|a\s+mob)\s+of\s+(?:the\s+)?$")
_NOT_SUBJECT_F = re.compile(r"(?=[a-z])\b(?:between|with|of|from|and|about|over|by)\s+(?:the\s+)?$")
_WITH_F = re.compile(r"(?=[a-z])\bwith\s+(?:the\s+)?$")
_FIGHTERS_OF_F = re.compile(
    r"(?=[a-z])\b(?:fighters|members|militants|militiamen|gunmen|units|elements|remnants|troops|jihadists|rebels|"
    r"insurgents)\s+(?:of|from)\s+(?:the\s+)?(?:[\w-]+-(?:linked|backed|aligned|allied|affiliated)\s+)?$"
)
_IN_PLACE_F = re.compile(
    r"(?=[a-z])\b(?:in|at|inside|across|throughout|of|from|near|outside|to|toward|towards)\s+(?:the\s+)?$")
# a reporting verb between an actor and the event verb, unless the report is
# about the speaker's own act ("Pakistan said it had struck ...")
_SPEECH_GAP = re.compile(
    r"[^,;:()\"“”]*?\b(?:said|says|told\s+(?:\w+\s+){0,3}?(?:that\s+)?|reported|announced|stated|confirmed|added)\b"
    r"(?!,?\s+(?:(?:on|late|early)\s+\w+\s+|in\s+a\s+statement\s+|that\s+)*(?:it|they|its|their|he|she|we)\b)"
)
# the object of a violent verb is its victim, not the attacker: "Jihadists
# killed 19 Malian soldiers in an attack on ..."
_VICTIM_BEFORE_F = re.compile(
    r"(?=[a-z])\b(?:kill(?:ed|ing|s)?|wound(?:ed|ing|s)?|injur(?:ed|ing|es)|attack(?:ed|ing)|ambush(?:ed|ing)|"
    r"abduct(?:ed|ing)|kidnapp(?:ed|ing)|shot|shooting|execut(?:ed|ing)|massacr(?:ed|ing)|behead(?:ed|ing)|"
    r"target(?:ed|ing)|overran|overrunning|routed|repelled|including|among\s+them)\s+"
    r"(?:(?:at\s+least|some|about|around|nearly|almost|more\s+than|over|up\s+to)\s+)?"
    r"(?:(?:\d[\d,]*|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|several|many|dozens\s+of|"
    r"scores\s+of|hundreds\s+of)\s+)?(?:(?:the|an?|their|its)\s+)?$"
)


@dataclass(frozen=True)
class Trigger:
    """A word or phrase that reports violence or a demonstration."""

    start: int
    end: int
    text: str
    event_type: str
    sub_event_type: str
    rank: int


@dataclass
class _Frame:
    """The event a sentence describes, which the next sentence may continue."""

    actor1: str | None
    actor2: str | None
    layer: str | None
    event_type: str
    sub_event_type: str
    date: EventDate
    sentence_index: int
    paragraph: int
    placeless: bool = False  # the sentence named no scene ("Hours later, Ukraine hit back.")


@dataclass
class _Incident:
    row: dict[str, Any]
    order: tuple[int, int]       # first telling: (sentence start, mention start)
    key: tuple
    cause_country: str | None = None  # for a retaliation: the side it answers, if named
    answers: list[int] = field(default_factory=list)


# Which TRIGGERS pattern a (folded) trigger match is: the same few words recur,
# and trying up to eleven fullmatches per trigger cost as much as finding them.
_TRIGGER_TYPE: dict[str, int] = {}


def find_triggers(text: str) -> list[Trigger]:
    """Event triggers in ``text`` with their ACLED types (generic ones typed '').

    Examples
    --------
    >>> [(t.text, t.sub_event_type) for t in find_triggers("Drones struck; shelling and clashes. They attacked.")]
    [('Drones struck', 'Air/drone strike'), ('shelling', 'Shelling/artillery/missile attack'), ('clashes', 'Armed clash'), ('attacked', '')]
    """
    out = []
    for m in _TRIGGER_RE.finditer(_fold(text)):
        word = m.group()
        i = _TRIGGER_TYPE.get(word)
        if i is None:
            i = next(k for k, each in enumerate(_TRIGGER_EACH) if each.fullmatch(word))
            if len(_TRIGGER_TYPE) >= 4096:  # bounded: any text could make new spellings
                _TRIGGER_TYPE.clear()
            _TRIGGER_TYPE[word] = i
        _, event_type, sub_type, rank = TRIGGERS[i]
        if word == "general strike":
            event_type, sub_type = "Protests", "Peaceful protest"
        out.append(Trigger(m.start(), m.end(), text[m.start():m.end()], event_type, sub_type, rank))
    return out


def _real_triggers(sentence: str, triggers: list[Trigger], folded_sentence: str | None = None) -> list[Trigger]:
    """Drop triggers in hypothetical, negated or non-event readings.

    ``folded_sentence`` is ``_fold(sentence)`` when the caller has it (a slice
    of the folded report matches the same patterns as a folded slice)."""
    if folded_sentence is None:
        folded_sentence = _fold(sentence)
    # a window is part of its sentence: a word absent from it is absent from each
    irrealis = _any_in(folded_sentence, _IRREALIS_WORDS)
    negated = _any_in(folded_sentence, _NEGATED_WORDS)
    modal = _any_in(sentence, _MODAL_WORDS)
    kept = []
    for t in triggers:
        lo = max(0, t.start - 80)
        before = sentence[lo: t.start]
        folded = folded_sentence[lo: t.start]
        if ((irrealis and _any_in(folded, _IRREALIS_WORDS) and _IRREALIS_F.search(folded))
                or (negated and _any_in(folded, _NEGATED_WORDS) and _NEGATED_F.search(folded))
                or (modal and _any_in(before, _MODAL_WORDS) and _MODAL.search(before))):
            continue
        low = t.text.lower()
        if low in ("hit", "targeted", "targeting", "struck") and re.match(r"\s+(?:out|(?:a\s+)?record|a\s+deal|the\s+(?:market|shelves|headlines))\b", sentence[t.end:]):
            continue
        if low in ("strike", "strikes") and re.match(r"\s+(?:a\s+deal|a\s+balance|action)\b", sentence[t.end:]):
            continue
        if "claim" in folded and _CLAIMED_THE.search(folded) and _BARE_END.match(sentence, t.end):
            continue  # "No group has claimed the attack, but ...": the attack told before
        if t.sub_event_type == _SHELL and _WEAPON_AS_TARGET.match(sentence, t.end):
            continue  # "strikes on missile launchers": the target, not the weapon used
        if low in ("hit", "struck") and _NATURAL_HAZARD.match(sentence, t.end):
            continue  # "families hit by drought"
        if low in _INSTRUMENTS or low.endswith(("helicopter", "helicopters")) or low.startswith("f-16"):
            if not _ATTACK_VERB.search(sentence) or _BACKED_BY_F.search(folded):
                # ("fighter jets had been taking off from the airport": aircraft,
                # no event; "troops backed by helicopters attacked": the ground
                # attack is the event, the aircraft support it)
                continue
        if _REFERRED_F.search(folded):
            continue  # "did not comment on the strikes": the strikes told before
        if t.event_type != "Protests" and _PROTESTED_AGAINST_F.search(folded):
            continue  # "hundreds protested against the shelling": the protest is the event
        kept.append(t)
    return kept


# Aircraft named without an attack verb are no event of their own.
_INSTRUMENTS = frozenset({"aircraft", "warplane", "warplanes", "fighter jet", "fighter jets", "jets"})
_ATTACK_VERB = re.compile(r"\b(?:bomb|strik|struck|hit|attack|raid|fired|pounded|targeted|shell|strafed|pursued)",
                          re.IGNORECASE)
# a definite event or place that points back to what was told before
_TOLD_BEFORE_F = re.compile(
    r"\b(?:by|in|during|from|after)\s+the\s+(?:shelling|strikes?|air\s*strikes?|attacks?|raids?|bombing|bombardment|"
    r"blasts?|explosions?|assault|fighting)\b|\bthe\s+(?:town|village|city|camp)(?:'s|’s)\s")
_SAME_GROUP_F = re.compile(r"\b(?:the\s+same|that|this)\s+(?:armed\s+|militant\s+|rebel\s+|jihadist\s+)?(?:group|faction|militia)\b")
_PROTESTED_AGAINST_F = re.compile(
    r"(?=[a-z])\b(?:protest\w*|demonstrat\w*|rall(?:y|ied|ies)|marched|took\s+to\s+the\s+streets)\s+"
    r"(?:\w+\s+){0,4}?against\s+(?:the\s+|a\s+|recent\s+)*(?:[\w-]+\s+)?$"
)
_BACKED_BY_F = re.compile(r"(?=[a-z])\b(?:backed|supported|covered|escorted)\s+by\s+(?:\w+\s+){0,2}$")
# an event referred to as the object of a comment ("did not comment on the strikes", "denied the attack")
_REFERRED_F = re.compile(
    r"(?=[a-z])\b(?:(?:comment(?:ed|ing)?\s+on|confirm(?:ed)?|den(?:ied|y))\s+(?:the|these|those|any)\s+"
    # a third party's concern is about violence told elsewhere ("concern over repeated Turkish strikes")
    r"|concern(?:ed)?[\"”’']?\s+(?:over|about|at|by)\s+(?:the\s+)?(?:[\w-]+\s+){0,3})$"
)


# Each end-anchored context pattern below costs 5-10 us per 80-character
# window, and most windows contain none of the words it needs; a substring
# test per word is far cheaper and exact (every match contains one of them).
_IRREALIS_WORDS = (
    "threaten", "vow", "warn", "fear", "risk", "would", "could", "plan", "intend", "case", "accus", "alleg",
    "deni", "deny", "prepar", "ready", "ban", "prohibit", "condemn", "slam", "denounc", "against", "capabilit",
    "ceasefire", "restraint",
)
_NEGATED_WORDS = ("no", "never", "without", "deni", "deny")
_MODAL_WORDS = ("might", "may", "will", "shall")
# a distance needs a number (digit or word) and a preposition to its reference
_NUMBER_WORDS_F = (
    "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
    "fifteen", "twenty", "thirty", "forty", "fifty", "hundred", "dozen", "few",
)
_DISTANCE_PREPS = ("of", "from", "outside")
_ASCII_DIGIT = re.compile(r"[0-9]")
_ORG_PREPS = (" in ", " for ", " to ", " on ", " in the ", " for the ", " to the ", " on the ")
_ROUTE_WORDS = ("road", "highway", "route", "corridor", "line", "railway", "motorway", "axis", "pipeline", "track")
_SPEAKER_PREPS = (" in ", " at ", " from ", " in the ", " at the ", " from the ")


# words every match of a case-insensitive pattern contains (see _may_contain)
_FATALITY_WORDS = ("kill", "left", "leaving", "claimed", "death")
_RETALIATION_WORDS = ("retaliat", "respon", "revenge", "back", "counter", "aveng", "reprisal", "pursued", "chased",
                      "hunted", "tracked")


def _may_contain(text: str, words: tuple[str, ...]) -> bool:
    """False only when no case-insensitive match of a pattern needing one of
    ``words`` can exist in ``text`` (exact unless ``text`` has _CASE_TRAPS,
    where the answer is always True)."""
    return _any_in(text.lower(), words) or _CASE_TRAPS.search(text) is not None


def _maybe_distance(folded: str) -> bool:
    """Whether _DISTANCE_REF_F can match ``folded`` (it starts at an ASCII
    digit or a number word and ends with 'of', 'from' or 'outside')."""
    return _any_in(folded, _DISTANCE_PREPS) and (
        _ASCII_DIGIT.search(folded) is not None or _any_in(folded, _NUMBER_WORDS_F))


_CLAIMED_THE = re.compile(r"(?=[a-z])\bclaim(?:ed|s|ing)?\s+(?:responsibility\s+for\s+)?(?:the|this|that|these|those|its)\s+"
                          r"(?:[\w-]+\s+)?$")
_BARE_END = re.compile(r"\s*(?:[,.;:]|$|\s+(?:in\s+a\s+statement|on\s+(?:social|its|their)))")
_WEAPON_AS_TARGET = re.compile(
    r"\s+(?:launchers?|launch\s+sites?|launch\s+pads?|sites?|depots?|stores?|stockpiles?|storage|factor(?:y|ies)|"
    r"facilit(?:y|ies)|warehouses?|production|workshops?)\b",
    re.IGNORECASE,
)
_NATURAL_HAZARD = re.compile(
    r"\s+(?:hard\s+)?by\s+(?:(?:the|a|an)\s+)?(?:\w+\s+)?(?:droughts?|floods?|flooding|earthquakes?|storms?|cyclones?|"
    r"hurricanes?|typhoons?|famine|heatwaves?|landslides?|rains|outbreaks?|epidemics?|inflation|shortages?)\b",
    re.IGNORECASE,
)


_AIR_WORDS = re.compile(
    r"\b(?:air|aerial|jets?|planes?|aircraft|drones?|helicopters?|warplanes?|bombers?|air\s*force|sorties?|airstrikes?)\b",
    re.IGNORECASE,
)


_MOB = re.compile(r"\b(?:mobs?|lynch\w*|vigilantes)\b", re.IGNORECASE)


def _classify(triggers: list[Trigger], sentence: str, attacker: ActorMention | None) -> tuple[str, str]:
    """ACLED (event_type, sub_event_type) for a sentence's triggers."""
    best = max(triggers, key=lambda t: t.rank)
    if best.event_type == "Riots" and attacker is not None and (
            attacker.kind in ("military", "state", "group", "police")
            or (attacker.kind == "crowd" and attacker.name.startswith("Unidentified"))):
        # "troops torched homes": armed forces burning property is violence against civilians, not a riot
        return "Violence against civilians", "Attack"
    if best.event_type == "Riots" and _MOB.search(sentence):
        return "Riots", "Mob violence"  # "a mob set fire to shops": not a demonstration turned violent
    if best.sub_event_type == _AIR and best.text.lower() in ("bombing", "bombings", "bombed") \
            and not _AIR_WORDS.search(sentence) and not (attacker is not None and attacker.kind == "military"):
        # "a bombing at a market", "militants bombed a bus": no aircraft named
        # ("the army bombed a camp": a state's forces bomb from the air)
        return _EXPLOSIONS, "Remote explosive/landmine/IED"
    if best.event_type:
        if best.event_type == "Protests":
            if _EXCESSIVE.search(sentence):
                return "Protests", "Excessive force against protesters"
            if _INTERVENTION.search(sentence):
                return "Protests", "Protest with intervention"
        if best.event_type == "Battles" and best.text.lower() in ("captured", "seized control", "overran", "recaptured",
                                                                   "retook", "regained control"):
            kind = attacker.kind if attacker else None
            if kind == "group":
                return "Battles", "Non-state actor overtakes territory"
            if kind in ("military", "country", "capital", "state"):
                return "Battles", "Government regains territory"
        return best.event_type, best.sub_event_type
    # only generic triggers ("strikes", "attack", "raid")
    words = " ".join(t.text.lower() for t in triggers)
    if attacker is not None and attacker.kind == "crowd" and attacker.name == "Rioters":
        return "Riots", "Mob violence"
    if re.search(r"\bstrikes?\b|\bstruck\b|\bpounded\b", words):
        return _EXPLOSIONS, _AIR
    if _MILITARY_TARGET.search(sentence):
        # an assault on a base or a patrol is a battle, whoever else died
        return "Battles", "Armed clash"
    if _CIVILIAN_TARGET.search(sentence):
        return "Violence against civilians", "Attack"
    return "Battles", "Armed clash"


def _sentences(text: str):
    from geoconflict.text import split_sentences

    return split_sentences(text)


def _paragraph_starts(text: str) -> list[int]:
    return [0] + [m.end() for m in re.finditer(r"\n\s*\n", text)]


def _in_quote(text: str, start: int, end: int, para_start: int) -> bool:
    before = text[max(para_start, start - 2000):start]  # bounded: linear on huge paragraphs
    opened = before.count("“") - before.count("”") + before.count('"') % 2
    inside = text[start:end]
    return opened > 0 or inside.lstrip().startswith(("“", '"', "‘"))


# Where a name is not a scene although a locative word precedes it:
# a route ("the road between Kidal and Gao"), ...
_ROUTE_F = re.compile(
    r"(?=[a-z])\b(?:roads?|highways?|routes?|corridors?|supply\s+lines?|railway|rail\s+line|motorway|axis|"
    r"pipeline|tracks?)\s+(?:between|linking|connecting|joining|from)\s+(?:[\w'’.,-]+\s+){0,4}$"
)
# ... the seat of a speaker ("officials in Kandahar said", "the Foreign
# Office in Islamabad said", "told reporters in Kabul") ...
_SPEAKER_IN_F = re.compile(
    r"(?=[a-z])\b(?P<who>officials?|authorit(?:y|ies)|offices?|ministry|ministries|embassy|government|"
    r"spokes(?:man|woman|person)|party|parties|mission|police|sources?|residents?|witness(?:es)?|command|governor|"
    r"administration|council|journalists?|correspondents?|diplomats?|analysts?|observers?|lawmakers?|leaders?|"
    r"groups?|activists?|monitors?|agency|refugees|doctors|medics|families|people|villagers|locals|elders|"
    r"(?:said|says|told\s+(?:reporters|journalists|a\s+news\s+conference|"
    r"a\s+press\s+conference|parliament|lawmakers)|speaking|briefing|statement\s+issued))"
    r"\s+(?:based\s+)?(?:in|at|from)\s+(?:the\s+)?$"
)
# "..., according to a military spokesman in N'Djamena": attribution, no verb after
_ACCORDING_F = re.compile(r"(?=[a-z])\baccording\s+to\s+(?:an?\s+|the\s+)?(?:[\w'’-]+\s+){0,3}$")
_SPEECH_AFTER = re.compile(
    r"(?:(?:'s|’s)(?:\s+[\w-]+){0,4}?)?(?:\s+(?:city|town|village|province|district|camp))?"
    r"(?:\s*,[^,.;:\"“”]{1,60},)?\s+(?:has\s+|had\s+|have\s+)?(?:said|says|say|told|tells|tell|reported|"
    r"report|announced|confirmed|stated|added|warned|urged|called|condemned|denied|insisted|accused|expressed)\b"
)
# speakers who are on the scene: with no other scene named, their town is it
# ("Police in Quetta said a bomb exploded at a market")
_LOCAL_SPEAKERS = ("police", "resident", "witness", "source", "official", "authorit", "refugee", "doctor", "medic",
                   "famil", "people", "villager", "local", "elder")
# ... or part of an organisation's name ("the Balochistan Liberation Front",
# "the Sinjar Resistance Units", "the UN Mission in South Sudan").
_ORG_AFTER = re.compile(
    r"(?:\s+[A-Z][\w'’-]*){0,3}?\s+(?:Liberation|Front|Army|Party|Movement|Resistance|Units|Brigades?|Forces|"
    r"Council|Alliance|Coalition|Union|Organi[sz]ation|League|Committee|Battalions?|Militia|(?:Defen[cs]e|Police|Air|Naval|Security)\s+Force)\b"
)
# Places named in a sentence that are not where its event happened: the seat
# of a body ("the government, based in Tripoli, said"), where the wounded were
# taken ("was taken to hospital in Gori"), and the field a superlative is
# measured over ("one of the deadliest attacks on a town in X since 2020").
_NOT_SCENE_F = re.compile(
    r"(?=[a-z])\b(?:(?P<seat>based|headquartered|stationed|exiled)\s+in\s+(?:the\s+)?"
    r"|(?P<care>taken|rushed|evacuated|transferred|admitted|airlifted|flown|moved|brought)\s+(?:\w+\s+)?to\s+"
    r"(?:a\s+|the\s+)?(?:[\w-]+\s+){0,2}?(?:hospitals?|clinics?|medical\s+(?:centre|center|facility))\s+(?:in|at)\s+(?:the\s+)?"
    r"|(?P<best>deadliest|worst|bloodiest|heaviest|biggest|largest|most\s+(?:serious|intense|violent))\b[^.;:]{0,60}"
    # where a group is described as active ("..., which works with traffickers
    # in the valley of X"), and where a trend heads ("attacks have spread south towards X")
    r"|(?P<haunt>\b(?:which|who|that)\s+(?:\w+\s+)?(?:works?|operates?|is\s+active|are\s+active|is\s+based|"
    r"are\s+based|holds?\s+sway|is\s+present|are\s+present)\b[^.;:]{0,60})"
    r"|(?P<trend>spread\s+(?:\w+\s+)?towards?\s+(?:the\s+)?)"
    # where people fled to ("hundreds of families fled towards X")
    r"|(?P<refuge>\b(?:fled|flee|flees|fleeing|escaped|evacuated|displaced|sought\s+refuge)\s+(?:\w+\s+){0,3}?"
    r"(?:towards?|to|into)\s+(?:the\s+)?(?:\w+\s+)?))$"
)
_SINCE_AFTER = re.compile(r"[^.;:]{0,40}?\b(?:since|in\s+(?:recent\s+)?(?:years|months|decades)|this\s+year|so\s+far)\b")
_ON_ROUTE_F = re.compile(r"(?=[a-z])\b(?:on|along|near|at|off)\s+(?:the\s+|a\s+)?(?:[\w-]+\s+)?$")
_POSSESSOR_OF_NAME = re.compile(r"(?:'s|’s)\s+(?:[A-Z][\w\-]*\s+){0,3}?(?:[A-Z][\w\-]*)(?=\s+(?:province|region|"
                                r"state|district|governorate|county|oblast|territory|prefecture|department)\b)")
_NAMED_FEATURE = re.compile(r"\s+(?:reservoir|river|lake|canal|dam\s+reservoir)\b")
_ORG_BEFORE = re.compile(
    r"\b(?:Mission|Office|Embassy|Commission|Bureau|Agency|Court|Envoy|Representative|Coordinator|Council)"
    r"\s+(?:in|for|to|on)\s+(?:the\s+)?$"
)


# words every match of _NOT_SCENE_F / _FALSE_ON_F contains: both patterns
# read folded windows case-sensitively, so a window without any of them
# cannot match, and most windows hold none
_NOT_SCENE_WORDS = (
    "based", "headquartered", "stationed", "exiled", "hospital", "clinic", "medical", "deadliest", "worst",
    "bloodiest", "heaviest", "biggest", "largest", "most", "work", "operate", "active", "sway", "present", "spread",
    "fle", "escaped", "evacuated", "displaced", "refuge",
)
_FALSE_ON_WORDS = (
    "war", "sanction", "pressure", "call", "depend", "focus", "rely", "relie", "based", "comment", "agreement",
    "talks", "view", "position", "stance", "report", "insist", "spoke", "briefing", "statement", "crackdown",
)


def _is_location(text: str, m: Mention, prev_loc: Mention | None, sent_start: int,
                 folded_text: str | None = None) -> tuple[bool, str]:
    """Whether a mention is marked as the scene of an event, and how.

    ``folded_text`` is ``_fold(text)`` when the caller has it."""
    lo = max(sent_start, m.start - 90)
    before = text[lo: m.start]
    folded = folded_text[lo: m.start] if folded_text is not None else _fold(before)
    if _ORG_AFTER.match(text, m.end) or (before.endswith(_ORG_PREPS) and _ORG_BEFORE.search(before[-40:])):
        return False, "organisation"
    ft = m.place.feature_type if m.place is not None else None
    if ft == "country" and _POSSESSOR_OF_NAME.match(text, m.end):
        return False, "possessor"  # "in Iran's Sistan-Baluchestan province": the province is the scene
    if ft == "city" and _NAMED_FEATURE.match(text, m.end):
        return False, "feature name"  # "across the Kakhovka reservoir": not the town
    if _any_in(folded, _ROUTE_WORDS):
        route = _ROUTE_F.search(folded)
        if route is not None:
            # "ambushed a convoy on the road between A and B": near A; "cut the
            # road between A and B": neither is a scene
            on_it = _ON_ROUTE_F.search(folded, 0, route.start())
            first = not re.search(r"\b(?:and|to)\s", route.group())
            return (True, "near") if on_it and first else (False, "route")
    if folded.endswith(_SPEAKER_PREPS):
        speaker = _SPEAKER_IN_F.search(folded)
        if speaker is not None and (speaker.group("who").startswith(("said", "says", "told", "speaking", "briefing",
                                                                    "statement"))
                                    or _SPEECH_AFTER.match(text, m.end)
                                    or _ACCORDING_F.search(folded, 0, speaker.start())):
            local = speaker.group("who").startswith(_LOCAL_SPEAKERS)
            return False, "local speaker" if local else "speaker"
    not_scene = _NOT_SCENE_F.search(folded) if _any_in(folded, _NOT_SCENE_WORDS) else None
    if not_scene is not None and (not_scene.group("best") is None or _SINCE_AFTER.match(text, m.end)):
        return False, next(k for k in ("seat", "care", "haunt", "trend", "refuge", "best") if not_scene.group(k))
    if _maybe_distance(folded) and _DISTANCE_REF_F.search(folded):
        return False, "distance reference"
    if prev_loc is not None and _APPOSITIVE_REF.fullmatch(text, prev_loc.end, m.start):
        return False, "distance reference"  # "struck Belgorod, just north of Kharkiv"
    # ("$" also matches before a final newline)
    if _BORDER_AFTER.match(text, m.end) or before.endswith(("-", "–", "-\n", "–\n")):
        return False, "border compound"
    if _any_in(folded, _FALSE_ON_WORDS) and _FALSE_ON_F.search(folded):
        return False, "metonym"
    if _LOCATIVE_F.search(folded):
        return True, "cue"
    if prev_loc is not None:
        gap = text[prev_loc.end: m.start]
        tail = _AFTER_NAME.match(gap)
        rest = gap[tail.end():] if tail else gap
        if _LIST_GAP.match(rest) or _INCLUDING_GAP.match(gap):
            return True, "list"
    return False, "no cue"


def _cued_unresolved(text: str, unresolved: list[Mention], sent, folded_text: str) -> list[Mention]:
    """Names the gazetteer lacks that the sentence marks as a scene ("near the
    town of X"): the event happened there, not at a reference or a speaker's seat.

    The items of a list share its cue ("in Kitshanga and Mweso"); a division
    named after them as their container ("..., in Masisi territory") is not a
    scene of its own.
    """
    out: list[Mention] = []
    for u in unresolved:
        if not sent.start <= u.start < sent.end:
            continue
        if out and _UNRESOLVED_LIST_GAP.fullmatch(text, out[-1].end, u.start):
            out.append(u)
        elif _LOCATIVE_F.search(folded_text[max(sent.start, u.start - 90):u.start]):
            if out and _CONTAINER_GAP.fullmatch(text, out[-1].end, u.start) and _DIVISION_AFTER.match(text, u.end):
                continue
            out.append(u)
    return out


_UNRESOLVED_LIST_GAP = re.compile(r",?\s+and\s+|,\s+")
_CONTAINER_GAP = re.compile(r"(?:\s+[a-z]+)?,?\s+(?:in|of)\s+(?:the\s+)?")
_DIVISION_AFTER = re.compile(
    r"\s+(?:territory|province|district|region|county|state|department|governorate|prefecture|municipality|"
    r"township|commune|area)\b", re.IGNORECASE)


_AREA_CUE = re.compile(r"X (?:province|governorate|region|state|district|county|oblast|department|prefecture)$")


def _container(text: str, mentions: list[Mention], starts: list[int], whole, scene: Mention,
               folded_text: str) -> Mention | None:
    """The province named in ``whole`` (the sentence) nearest to ``scene``,
    if the syntax marks it as a place ("in the hills of X province", not "the
    spokesman for X") and it is not in the dateline."""
    from bisect import bisect_left

    dl = _dateline_prefix(whole.text)
    lo = whole.start + (dl.end() if dl else 0)
    best = None
    for m in mentions[bisect_left(starts, lo): bisect_left(starts, whole.end)]:
        if m.place.feature_type != "admin1":
            continue
        # "the Shada and Razih districts of Saada governorate": a division named
        # with its own head noun is a place, wherever it sits in the sentence
        if not (m.cue and _AREA_CUE.match(m.cue)) and not _is_location(text, m, None, whole.start, folded_text)[0]:
            continue  # "the spokesman for X province": not where anything happened
        if best is None or abs(m.start - scene.start) < abs(best.start - scene.start):
            best = m
    return best


def _stand_ins(text: str, folded_text: str, sent, scenes: list[Mention], container: Mention | None,
               references: list[Mention], mentions: list[Mention],
               fallback: Mention | None) -> list[tuple[Mention, str]]:
    """Scenes the gazetteer lacks, each placed as ACLED does at the nearest
    known place: the province the sentence names with it ("in X, in Y
    province": geo_precision 3), else the town it is measured from ("the
    village of X, 10 km from Y": 2), else the country of the side whose bank
    or side of a line it is on ("near X on the Venezuelan side"), else
    ``fallback``: the town of a local source the sentence quotes ("a medical
    source in Y tells us"), or the country the report is about (3).  Each
    scene keeps its own name and span.
    """
    near_ref = references[0] if references and not _ACROSS_F.search(folded_text, sent.start, sent.end) else None
    if near_ref is None:
        # "spread to X, where settlers set fire to houses in Y": Y is in or near X
        near_ref = next((m for m in mentions if sent.start <= m.start < scenes[0].start and m.place.feature_type
                         in ("city", "admin1", "area") and _WHERE_AFTER.match(text, m.end)), None)
    out = []
    for u in scenes:
        stand_in, how = (container, "container") if container is not None else (near_ref, "near")
        side = _SIDE_OF_F.search(folded_text, max(sent.start, u.start - 80), u.start)
        if side is not None and container is None:
            cc = DEMONYMS.get(text[side.start("who"):side.end("who")])
            stand_in = next((m for m in mentions if m.place.country_code == cc and m.place.feature_type == "country"),
                            None) if cc else None
            how = "stand-in"
            if stand_in is None:
                continue  # a side the report never names as a country: no place to guess
        elif stand_in is None:
            stand_in, how = fallback, "stand-in"
        if stand_in is not None:
            out.append((Mention(u.start, u.end, u.text, stand_in.place, (), False, u.cue), how))
    return out


_WHERE_AFTER = re.compile(r",\s+where\b")
# "on the Venezuelan side of the river", "from the Afghan bank"
_SIDE_OF_F = re.compile(r"\bthe\s+(?P<who>[a-z]+)\s+(?:side|bank|shore|part)\b")
_ACROSS_F = re.compile(r"\b(?:across|beyond)\s+(?:the\s+)?(?:[\w-]+\s+){0,2}?(?:river|border|frontier|line)\b")


def _main_country(mentions: list[Mention]) -> Mention | None:
    """The first mention of the country the report names places in most
    often, to stand in for a scene the gazetteer lacks (None when the report
    never names that country itself)."""
    counts = Counter(m.place.country_code for m in mentions if m.place.country_code)
    if not counts:
        return None
    top = max(counts.values())
    order = [m.place.country_code for m in mentions if counts.get(m.place.country_code) == top]
    cc = order[0]
    return next((m for m in mentions if m.place.country_code == cc and m.place.feature_type == "country"), None)


def _explicit_parent(text: str, parent: Mention, child: Mention) -> bool:
    """'Islamabad's Faizabad', 'Faizabad, Islamabad', 'Fayzabad in Badakhshan'."""
    if parent.place is None or child.place is None:
        return False
    if parent.place.gazetteer_id == child.place.gazetteer_id:
        return False
    if parent.end <= child.start:
        gap = text[parent.end: child.start]
        ok = re.fullmatch(r"(?:'s|’s)\s+", gap) is not None
    elif child.end <= parent.start:
        gap = text[child.end: parent.start]
        ok = re.fullmatch(
            r"(?:\s+(?:area|district|neighbou?rhood|suburb|town|city|village|camp))?"
            r"(?:\s*,\s*|\s+(?:in|of)\s+(?:the\s+)?(?:(?:city|province|district|region|capital|state)\s+of\s+)?|"
            r"\s+area\s+of\s+|"
            # "Sungai Kolok, a border town in Narathiwat"
            r",\s+an?\s+(?:[\w-]+\s+){0,2}?(?:town|city|village|district|suburb|port|area|hamlet)\s+in\s+(?:the\s+)?)",
            gap,
            re.IGNORECASE,
        ) is not None
    else:
        return False
    if not ok:
        return False
    cp, pp = child.place, parent.place
    if child.end <= parent.start and cp.country_code == pp.country_code and (
            (_ADMIN_NOUN_AFTER.match(text, parent.end) and re.match(r"\s+(?:in|of)\s", gap))
            or gap.startswith(",") and gap.rstrip().endswith(("in", "in the"))):
        # "Mangina in Beni territory", "Sungai Kolok, a border town in Narathiwat":
        # the text itself calls it the container
        return True
    if _RANK.get(pp.feature_type, 0) <= _RANK.get(cp.feature_type, 0):
        return False  # "Kabul, Kandahar": a list, not a parent
    if cp.country_code != pp.country_code:
        return False
    if pp.feature_type == "admin1":
        return _norm(cp.admin1) == _norm(pp.admin1 or pp.name)
    return True


_ADMIN_NOUN_AFTER = re.compile(
    r"\s+(?:territory|district|county|province|region|municipality|department|prefecture|governorate|township|"
    r"sub-?district|commune|oblast|raion|state)\b", re.IGNORECASE)
_RANK = {"landmark": 0, "area": 0, "city": 1, "admin1": 2, "country": 3}


@lru_cache(maxsize=4096)  # a few admin1 names per report, NFKD is the slow part
def _norm(name: str | None) -> str:
    import unicodedata

    if not name:
        return ""
    name = unicodedata.normalize("NFKD", name)
    return "".join(c for c in name if c.isalnum()).lower()


#: An area at least this wide (radius, metres) is a region for geo_precision.
_REGION_RADIUS_M = 50_000


def _geo_precision(text: str, m: Mention, head: Mention | None = None, folded_text: str | None = None) -> int:
    """ACLED geo_precision: 1 town or point, 2 part of / near a town, 3 province or larger.

    ``folded_text`` is ``_fold(text)`` when the caller has it."""
    place = m.place
    ft = place.feature_type if place is not None else None
    if ft in ("country", "admin1") or (ft == "area" and (place.precision_m or 0) >= _REGION_RADIUS_M):
        return 3  # (a region the size of a province, such as the Kurdistan Region, counts as one)
    first = head or m
    lo = max(0, first.start - 40)
    folded = folded_text[lo: first.start] if folded_text is not None else _fold(text[lo: first.start])
    if ft == "area" or _NEAR_F.search(folded) or _AREA_AFTER.match(text, m.end):
        return 2
    return 1


def _actor_for(a: ActorMention, location_cc: str | None, sides: dict[str, str] | None = None) -> str | None:
    if a.kind in ("military", "police", "group"):
        return a.name
    if a.kind in ("country", "capital"):
        # a metonym ("Kabul", "Islamabad") stands for the armed actor the report
        # associates with that state (a de-facto authority such as the Taliban)
        if sides and a.country_code in sides:
            return sides[a.country_code]
        return military_of(a.country_code)
    if a.kind == "crowd":
        return with_country(a.name, location_cc)
    if a.kind == "state":
        return military_of(location_cc) if location_cc else None
    if a.kind == "police_generic":
        return f"Police Forces of {country_name(location_cc)}" if location_cc else None
    return None


# a trigger in the passive voice: "was attacked", "were reportedly shot dead", "had been fired on"
_PASSIVE_BEFORE_F = re.compile(r"(?=[a-z])\b(?:was|were|been|being|is|are)\s+(?:\w+ly\s+)?$")
# "their vehicle struck an improvised explosive device": the device right after the verb
_HITS_A_DEVICE = re.compile(r"\b(?:struck|hit|ran\s+over|drove\s+over|stepped\s+on|triggered)\s+(?:an?\s+|the\s+)?"
                            r"(?:[\w-]+\s+)?(?:improvised\s+explosive|IEDs?\b|(?:land)?mines?\b|roadside\s+bomb|"
                            r"explosive\s+device)", re.IGNORECASE)
_FIRED_FROM_F = re.compile(r"(?=[a-z])\b(?:fired|launched)\s+from\s+(?:the\s+)?(?:[\w-]+\s+)?(?:of\s+)?$")
_BY_AGENT_F = re.compile(r"\bby\s+(?:(?:a|an|the)\s+)?(?:[\w'’-]+\s+){0,6}$")


def _pick_attacker(sentence: str, actors: list[ActorMention], anchor: int, locations: set[tuple[int, int]],
                   battle: bool = False) -> ActorMention | None:
    """The attacker: the agent after 'by', else the nearest non-target actor
    before the trigger; in a battle, else the first actor after it."""
    usable = [a for a in actors if (a.start, a.end) not in locations and a.kind != "organisation"]
    for a in usable:
        left = sentence[max(0, a.start - 20): a.start].rstrip().lower()
        if a.start >= anchor and (left.endswith(" by") or left.endswith(" by the")) and a.kind != "demonym":
            return a  # "airstrikes by Pakistan", "attacked by RSF fighters"
    for a in usable:
        if a.kind in ("country", "capital") and _FIRED_FROM_F.search(_fold(sentence[max(0, a.start - 30): a.start])):
            return a  # "rockets fired from Cambodia": the state the fire came from
    if _HITS_A_DEVICE.search(sentence, max(0, anchor - 40), anchor + 60):
        return None  # "their vehicle struck a roadside bomb": the subject is the victim, the bomber unnamed
    if _PASSIVE_BEFORE_F.search(_fold(sentence[max(0, anchor - 30): anchor])):
        # "a patrol was attacked with rifles by a column of the X": the subject is
        # the victim; the agent, if any, follows "by"
        for a in usable:
            if anchor <= a.start <= anchor + 120 and a.kind != "demonym" \
                    and _BY_AGENT_F.search(_fold(sentence[anchor: a.start])):
                return a
        return None
    for a in reversed([a for a in usable if a.start < anchor]):
        if a.kind == "demonym" or (a.kind == "crowd" and a.name == "Civilians"):
            continue
        left = sentence[max(0, a.start - 40): a.start]
        left = _fold(left)
        if (_TARGET_PREP_F.search(left) or (_NOT_SUBJECT_F.search(left) and not _QUANTITY_OF_F.search(left))
                or _VICTIM_BEFORE_F.search(left)) \
                and not (a.kind == "group" and _FIGHTERS_OF_F.search(left)):
            continue  # ("fighters of the CPC attacked": the group is the subject)
        if _SPEECH_GAP.match(sentence, a.end, min(anchor, a.end + 60)):
            continue  # "Police said a bomb exploded": the speaker, not the bomber
        if a.kind in ("capital", "country") and _IN_PLACE_F.search(left):
            continue  # "told reporters in Kabul that ...", "45 km west of Tripoli": a place here, not the state
        return a
    if battle:
        for a in usable:
            if a.start > anchor and a.kind not in ("demonym", "crowd") and not _SPEECH_AFTER.match(sentence, a.end) \
                    and not (a.kind in ("capital", "country")
                             and _IN_PLACE_F.search(_fold(sentence[max(0, a.start - 20): a.start]))):
                return a  # "Fighting continued near X, where Ukrainian troops repelled assaults" (not "..., police said")
    return None


def _pick_target(sentence: str, actors: list[ActorMention], anchor: int, attacker: ActorMention | None,
                 locations: set[tuple[int, int]], battle: bool = False) -> ActorMention | None:
    """The side attacked: 'against X', 'on X', 'targeting X', the object right
    after the trigger verb ('shelled RSF positions'), 'with X' in a battle."""
    for a in actors:
        if a is attacker or (a.start, a.end) in locations or a.kind in ("organisation", "demonym"):
            continue
        if attacker is not None and (a.name == attacker.name or (
                a.country_code and a.country_code == attacker.country_code and a.kind == attacker.kind
                and a.kind != "group")):
            continue  # the attacker named twice; two armed groups of one country are two sides
        if attacker is not None and a.start < attacker.end:
            continue
        left = sentence[max(0, a.start - 40): a.start]
        folded = _fold(left)
        if _TARGET_PREP_F.search(folded) or (battle and _WITH_F.search(folded)):
            return a
        if battle and attacker is not None and re.search(r"\bbetween\s+(?:the\s+)?$", _fold(sentence[max(0, attacker.start - 20):attacker.start])) \
                and re.fullmatch(r"\s+and\s+(?:the\s+)?", sentence[attacker.end:a.start]):
            return a
        if a.start > anchor and (a.kind == "crowd" or re.fullmatch(r"\w+(?:ed|ing)?\s+(?:(?:the|a|an)\s+)?", sentence[anchor:a.start])):
            return a
        if a.start < anchor and _VICTIM_BEFORE_F.search(folded):
            return a  # "Jihadists killed 19 Malian soldiers in an attack": the object is the side attacked
    return None


_BLAME_BEFORE = re.compile(
    r"(?=[a-z])\b(?:blam(?:ed|es|ing)|pinned)\s+(?:(?:it|them|the\s+\w+(?:\s+\w+)?)\s+on\s+|on\s+)?(?:the\s+)?$"
)
_CLAIM_AFTER = re.compile(
    r"(?:\s*\([^()]{0,80}\))?(?:\s*,[^,.;:]{1,80},)?\s+(?:has\s+|had\s+)?(?:claimed|admitted)\s+"
    r"(?:responsibility|the\s+(?:attack|strike|bombing|assault|raid|ambush|killing))",
    re.IGNORECASE,
)


def _blamed(sentence: str, actors: list[ActorMention]) -> ActorMention | None:
    """The side a sentence blames: 'blamed (the attack on) X', 'X claimed responsibility'."""
    if "blam" not in sentence and "claimed" not in sentence and "admitted" not in sentence and "pinned" not in sentence:
        return None
    for a in actors:
        if a.kind in ("organisation", "demonym") or (a.kind == "crowd" and a.name == "Civilians"):
            continue
        if _BLAME_BEFORE.search(_fold(sentence[max(0, a.start - 40): a.start])) or _CLAIM_AFTER.match(sentence, a.end):
            return a
    return None


def _fatalities(sentence: str) -> int | None:
    if not _may_contain(sentence, _FATALITY_WORDS):
        return None
    m = _FATALITIES.search(sentence)
    if not m:
        return None
    word = (m.group("n") or m.group("m")).lower()
    return int(word) if word.isdigit() else _NUMBER_WORDS.get(word)


def extract_incidents(
    text: str,
    mentions: Sequence[Mention],
    *,
    published: date | None = None,
    source: str | None = None,
    sentences=None,
    actors: list[ActorMention] | None = None,
) -> list[dict[str, Any]]:
    """Incident rows (schema ``incident``) found in ``text``.

    Parameters
    ----------
    text : str
        The report text; ``mentions`` and the returned offsets refer to it.
    mentions : sequence of Mention
        Place mentions from :func:`geoconflict.geoparse.geoparse` (unresolved
        ones are ignored here: an incident needs a location).
    published : date, optional
        Anchor for relative dates; without it dates stay null unless the
        sentence gives a full date.
    source : str, optional
        Value of the ``source`` column.
    sentences : list of geoconflict.text.Sentence, optional
        Pre-computed sentences of ``text``.
    actors : list of ActorMention, optional
        Pre-computed :func:`geoconflict.actors.find_actors` of ``text``.

    Returns
    -------
    list of dict
        One row per (event, place), ids ``I1``, ``I2``... in order of first
        telling; a ``geometry`` shapely Point is included.

    Examples
    --------
    >>> from datetime import date
    >>> from gazetteer import Place
    >>> from geoconflict.mentions import Mention
    >>> t = "Russian missiles struck Kharkiv on Sunday."
    >>> kh = Place("Kharkiv", 49.98, 36.25, "UA", "Kharkiv", "city", "geonames:706483")
    >>> rows = extract_incidents(t, [Mention(24, 31, "Kharkiv", kh)], published=date(2025, 3, 4))
    >>> r = rows[0]
    >>> r["actor1"], r["sub_event_type"], r["location"], str(r["event_date"]), r["time_precision"]
    ('Military Forces of Russia', 'Shelling/artillery/missile attack', 'Kharkiv', '2025-03-02', 1)
    """
    import shapely

    if not text:
        return []
    if sentences is None:
        sentences = _sentences(text)
    # a cued name the gazetteer lacks is still the scene: no fallback to a reference then
    unresolved = [m for m in mentions if m.place is None]
    mentions = sorted((m for m in mentions if m.place is not None), key=lambda m: m.start)
    mention_starts = [m.start for m in mentions]
    # the report's own armed groups ("CODECO militiamen") join the table's
    all_actors = _bare_nouns_to_groups(with_named_groups(text, find_actors(text) if actors is None else actors))
    all_triggers = find_triggers(text)
    folded_text = _fold(text)  # windows are sliced from it instead of folded one by one
    ti = 0
    para_starts = _paragraph_starts(text)
    doc_groups = _document_sides(all_actors)
    main_country = _main_country(mentions) if unresolved else None

    incidents: list[_Incident] = []
    # the date of each incident told so far, by place as written and as named
    # ("A day before the Bandiagara attack, ..." counts back from it)
    told_dates: dict[str, EventDate] = {}
    frame: _Frame | None = None
    frame_start = -1
    previous_date: EventDate | None = None
    clause_date: tuple[int, EventDate] | None = None  # (sentence start, date) of the last clause read
    clause_incidents: tuple[int, list[_Incident]] | None = None  # (sentence start, incidents) of the last scene
    last_scene: tuple[int, int, int] | None = None  # (start, end, paragraph) of the last sentence with incidents
    mi = ai = 0
    pi = 0
    for si, (sent, whole) in enumerate(_clauses(sentences)):
        while pi + 1 < len(para_starts) and para_starts[pi + 1] <= sent.start:
            pi += 1
        s_mentions, mi = _within(mentions, mi, sent.start, sent.end)
        in_sent, ai = _within(all_actors, ai, sent.start, sent.end)
        stext = sent.text
        if whole.text.rstrip().endswith("?") or _is_headline(text, whole):
            continue
        # sentence-relative copies, built only for sentences that are read
        s_actors = [ActorMention(a.start - sent.start, a.end - sent.start, a.text, a.name, a.country_code, a.kind)
                    for a in in_sent]
        in_sent, ti = _within(all_triggers, ti, sent.start, sent.end)
        s_triggers = [Trigger(t.start - sent.start, t.end - sent.start, t.text, t.event_type, t.sub_event_type, t.rank)
                      for t in in_sent]
        triggers = _real_triggers(stext, s_triggers, folded_text[sent.start:sent.end]) if s_triggers else []
        if frame is not None and (frame.paragraph != pi or si - frame.sentence_index > 2):
            frame = None
        if frame is not None and frame.event_type == "Protests" and not any(
                t.event_type not in ("", "Protests") for t in triggers) and (
                _INTERVENTION.search(stext) or _EXCESSIVE.search(stext)):
            # "Police fired tear gas to disperse them": the protest met intervention
            _upgrade_protest(incidents, frame_start, stext, s_actors, doc_groups)
            continue
        blamed = _blamed(stext, s_actors)
        if blamed is not None and last_scene is not None and pi - last_scene[2] <= 1 \
                and not text[last_scene[1]:whole.start].strip():
            # "A bomb hit a bus near X. Police blamed al-Shabaab.": attribution told
            # next, also naming the group behind "gunmen" ("The X Army claimed the attack")
            for inc in incidents:
                if inc.row["source_start"] == last_scene[0] and (
                        inc.row["actor1"] is None or (blamed.kind == "group" and (inc.row["actor1"] or "").startswith(
                            "Unidentified Armed Group"))):
                    a1 = _actor_for(blamed, inc.row["country_code"], doc_groups)
                    if a1 is not None:
                        inc.row["actor1"] = a1
                        if _same_side(inc.row["actor2"], a1):
                            inc.row["actor2"] = None
                        inc.key = (inc.key[0], a1, *inc.key[2:])
        if not triggers or (("since" in stext or "for " in stext or "repeated" in stext)
                            and _BACKGROUND.search(stext)):
            continue  # ("X has suffered repeated massacres since 2014": history, not an incident)

        # --- locations (the dateline's city is where the report was filed, not a scene)
        dl = _dateline_prefix(stext)
        if dl:
            s_mentions = [m for m in s_mentions if m.start - sent.start >= dl.end()]
            s_actors = [a for a in s_actors if a.start >= dl.end()]
        located: list[tuple[Mention, str]] = []
        references: list[Mention] = []
        speakers: list[Mention] = []  # "police in X said": the scene only if nothing else is
        prev_loc: Mention | None = None
        head_of: dict[int, Mention] = {}  # list item -> the list's first place ("parts of A, B and C")
        for m in s_mentions:
            ok, how = _is_location(text, m, prev_loc, sent.start, folded_text)
            if ok:
                located.append((m, how))
                if how == "list" and prev_loc is not None:
                    head_of[m.start] = head_of.get(prev_loc.start, prev_loc)
                prev_loc = m
            elif how != "no cue" or m.place.feature_type in ("country",):
                if how == "distance reference" and m.place.feature_type != "country":
                    references.append(m)
                elif how == "local speaker":
                    speakers.append(m)
                prev_loc = None
        # names the gazetteer lacks that the sentence marks as scenes (read once: three rules below use them)
        cued_unresolved = _cued_unresolved(text, unresolved, sent, folded_text) if unresolved else []
        if not located and speakers and not cued_unresolved and not (
                last_scene is not None and (_TOLD_BEFORE_F.search(folded_text, sent.start, sent.end)
                                            or _ANAPHORA.search(stext))):
            # ("killed by the shelling, an administrator in X said", "torched the
            # town's health centre, a source in X said": the event told before)
            located = [(m, "weak") for m in speakers[:1] if m.place.feature_type != "country"]
        # un-cued towns and landmarks (not capitals or countries) as a fallback,
        # unless the sentence marks a place the gazetteer lacks as the scene
        # ("fired from X at a post near the village of Y")
        if not located and not cued_unresolved:
            for m in s_mentions:
                if m.place.feature_type in ("city", "landmark", "area") and not _is_capital_mention(m, s_actors, sent.start):
                    ok, how = _is_location(text, m, None, sent.start, folded_text)
                    if how == "no cue":
                        located.append((m, "weak"))
        mates: set[int] = set()  # known places listed right after such a scene
        if cued_unresolved:
            # "near Dialloube and Tenenkou" (Dialloube not in the gazetteer): a
            # known place listed with a scene the gazetteer lacks is a scene too
            taken = {m.start for m, _ in located}
            for m in s_mentions:
                if m.place.feature_type != "country" and not text.startswith(("'s", "’s"), m.end) and any(
                        u.end <= m.start and _UNRESOLVED_LIST_GAP.fullmatch(text, u.end, m.start) for u in cued_unresolved):
                    mates.add(m.start)
                    if m.start not in taken:
                        located.append((m, "list"))
            located.sort(key=lambda mh: mh[0].start)
        provinces_only = bool(located) and all(m.place.feature_type == "admin1" for m, _ in located)
        mates_only = bool(located) and all(how == "list" and m.start in mates for m, how in located)
        if located and not provinces_only and not mates_only:
            cued_unresolved = []
        stand_ins: set[int] = set()  # starts of scenes the gazetteer lacks, placed at a known place
        if provinces_only and cued_unresolved:
            # "bombed A and B, in X province" (A, B not in the gazetteer): the
            # villages are the scenes, the province only places them
            located = []
        listed_with = located if mates_only else []
        if mates_only:
            located = []
        if not located and cued_unresolved and not (last_scene is not None and _ANAPHORA.search(stext)):
            # "ambushed a convoy near the town of X" (X not in the gazetteer): the
            # event keeps X's name, placed at the province or town the sentence
            # names with it (not for "The attack took place at X": a retelling)
            container = _container(text, mentions, mention_starts, whole, cued_unresolved[0], folded_text)
            # (a source across a river or border is in the other country)
            local = speakers[0] if speakers and not _ACROSS_F.search(folded_text, sent.start, sent.end) else None
            located = _stand_ins(text, folded_text, sent, cued_unresolved, container, references, mentions,
                                 local or main_country)
            stand_ins = {m.start for m, _ in located}
            located = sorted(located + listed_with, key=lambda mh: mh[0].start)
        elif listed_with:
            located = listed_with
        if not located and references and not cued_unresolved and not (
                last_scene is not None and _ANAPHORA.search(stext)):
            # ("The assault on the suburb, 12 km east of X, was claimed by ...":
            # a retelling of the last event, not a new one near its reference)
            # "the vessel was struck 50 miles west of Hodeidah": with no scene of
            # its own, the event happened near its reference (geo_precision 2)
            located = [(references[0], "near")]
        # explicit parents yield to their children
        located = [
            (m, how) for m, how in located
            if not any(_explicit_parent(text, m, c) for c, _ in located if c is not m)
        ]
        if any(m.place.feature_type != "country" for m, _ in located):
            located = [(m, how) for m, how in located if m.place.feature_type != "country" or m.start in stand_ins]
        # a province named to locate a finer place in it is not a second scene:
        # "across the Gaza Strip ... in Khan Younis", "near Pokrovsk in the Donetsk region"
        finer = {(m.place.country_code, _norm(m.place.admin1)) for m, _ in located
                 if m.place.feature_type not in ("admin1", "country") and m.place.admin1}
        if finer:
            located = [(m, how) for m, how in located if m.place.feature_type != "admin1"
                       or (m.place.country_code, _norm(m.place.admin1 or m.place.name)) not in finer]
        loc_spans = {(m.start - sent.start, m.end - sent.start) for m, _ in located}
        # actor tokens that are locations are not actors
        retaliation = _may_contain(stext, _RETALIATION_WORDS) and RETALIATION_CUES.search(stext) is not None
        cause = _CAUSE_CLAUSE.search(stext) if retaliation else None
        main = [t for t in triggers if cause is None or t.start < cause.start()] or triggers
        anchor_t = next((t for t in main if not any(a.start <= t.start < a.end for a in s_actors)), main[0])
        anchor = anchor_t.start
        holder = next((a for a in s_actors if a.start <= anchor < a.end), None)
        if holder is not None:
            anchor = holder.end  # "Pakistani aircraft bombed": the actor holds the trigger
        battle = max(triggers, key=lambda t: t.rank).event_type == "Battles"
        attacker = _pick_attacker(stext, s_actors, anchor, loc_spans, battle)
        target = _pick_target(stext, s_actors, anchor, attacker, loc_spans, battle)
        event_type, sub_type = _classify(triggers, stext, attacker)
        # "..., a day after rockets hit Haifa": another event, not the one before it
        continues = frame is not None and attacker is None and not _OPENS_FLASHBACK.match(stext) and (
            _ANAPHORA.search(stext) is not None or not located or si - frame.sentence_index == 1
        )
        # a later clause of one sentence ("..., a day after X") counts from the
        # clause before it, even when that one named no place
        prev = clause_date[1] if clause_date is not None and clause_date[0] == whole.start else previous_date
        body = stext[dl.end():] if dl else stext
        cause_date = None
        if cause is not None and cause.start() > (dl.end() if dl else 0):
            # "struck Isfahan on Friday, in retaliation for the attack on Tel
            # Aviv five days earlier": each part dates its own event, the
            # answered one counted from the answer
            edate = resolve_event_date(stext[dl.end() if dl else 0:cause.start()], published, previous=prev,
                                       earlier=told_dates)
            if edate.cue == "report date":
                edate = resolve_event_date(body, published, previous=prev, earlier=told_dates)
            cause_date = resolve_event_date(stext[cause.end():], published, previous=edate, earlier=told_dates)
            if cause_date.cue == "report date":
                cause_date = None
        else:
            edate = resolve_event_date(body, published, previous=prev, earlier=told_dates)
        clause_date = (whole.start, edate)
        if _is_history(body, edate, published):
            continue  # ("In March 2025, clashes there killed ten": background, not this report's news)
        same_event = frame is not None and (continues or (
            attacker is not None and frame.actor1 == _actor_for(attacker, None, doc_groups)))
        if same_event and edate.cue == "report date" and frame.date.date is not None:
            edate = frame.date
        elif (edate.cue == "report date" and previous_date is not None and previous_date.date is not None
              and previous_date.cue != "report date" and last_scene is not None and pi - last_scene[2] <= 1):
            # an undated sentence right after a dated incident goes on telling that day
            edate = EventDate(previous_date.date, max(previous_date.precision or 2, 2), "previous incident")
        if not located:
            # an event without a place: remember it for the next sentence
            frame = _Frame(
                actor1=_actor_for(attacker, None, doc_groups) if attacker else (frame.actor1 if continues else None),
                actor2=_actor_for(target, None, doc_groups) if target else (frame.actor2 if continues else None),
                layer="retaliation" if retaliation or (continues and frame.layer == "retaliation") else None,
                event_type=event_type, sub_event_type=sub_type, date=edate,
                sentence_index=si, paragraph=pi, placeless=True,
            )
            continue
        if continues and frame.layer == "retaliation":
            retaliation = True
        elif (frame is not None and frame.placeless and frame.layer == "retaliation"
              and si - frame.sentence_index == 1 and attacker is not None
              and (frame.actor1 is None or _same_side(frame.actor1, _actor_for(attacker, None, doc_groups)))):
            # "Ukraine hit back. Ukrainian drones struck Belgorod ...": the cue
            # without a scene announces the next sentence's strikes by that side
            retaliation = True
        quoted = _in_quote(text, sent.start, sent.end, para_starts[pi])
        fatalities = _fatalities(stext) if len(located) == 1 else None
        new_frame_actor = None
        n_before = len(incidents)
        # "Iran said its strike near Panjgur was aimed at ...": a possessive
        # before the trigger retells an incident already told at that place
        retold = _POSSESSIVE_TRIGGER.search(stext, max(0, anchor_t.start - 12), anchor_t.start) is not None
        told_at = {inc.row["gazetteer_id"] for inc in incidents} if retold else set()
        for m, how in located:
            cc = m.place.country_code
            if m.place.gazetteer_id in told_at:
                continue
            rel = m.start - sent.start
            is_cause = cause is not None and rel > cause.end() and retaliation
            if is_cause:
                # the incident being answered: its own attacker is named in the clause
                # ("in response to the Hakkari attack, in which militants fired ..."
                # goes on telling that attack)
                comma = _CLAUSE_COMMA.search(stext, cause.end())
                clause_end = comma.start() if comma else len(stext)
                clause_actors = [a for a in s_actors if cause.end() <= a.start < clause_end]
                # named forces before a state's name: "the Kabul attack, in which TTP militants ..."
                a1m = blamed if blamed is not None and blamed.start > cause.end() else next(
                    (a for a in clause_actors if a.kind in ("military", "group")), None) or next(
                    (a for a in clause_actors if a.kind in ("country", "capital")), None)
                if a1m is None:
                    a1m = next((a for a in clause_actors if a.kind == "demonym"), None)
                actor1 = military_of(a1m.country_code) if a1m is not None and a1m.kind == "demonym" else (
                    _actor_for(a1m, cc, doc_groups) if a1m else None)
                actor2 = None
                layer = _LAYER_OF.get(event_type, "other")
            else:
                if attacker is None and blamed is not None:
                    actor1 = _actor_for(blamed, cc, doc_groups)
                elif attacker is None and continues and retaliation and frame.layer != "retaliation" \
                        and frame.actor2 is not None and not frame.placeless:
                    # "Jihadists killed 12 soldiers ..., and aircraft struck their hideouts in response":
                    # the side that was hit hits back
                    actor1 = frame.actor2
                else:
                    actor1 = _actor_for(attacker, cc, doc_groups) if attacker else (frame.actor1 if continues else None)
                if actor1 is None and incidents and _SAME_GROUP_F.search(folded_text, sent.start, anchor_t.start):
                    # "The same group is believed to have attacked ...": the last armed group named
                    actor1 = next((i.row["actor1"] for i in reversed(incidents) if i.row["actor1"]
                                   and not i.row["actor1"].startswith(("Military Forces", "Police Forces"))), None)
                actor2 = _actor_for(target, cc, doc_groups) if target else (frame.actor2 if continues else None)
                if actor2 is not None and actor2 == actor1 and continues and frame.actor1 != actor1:
                    actor2 = frame.actor1  # (the hit-back case above: the other side is the attacker answered)
                if event_type in ("Protests", "Riots") and attacker is None and frame is not None \
                        and frame.event_type not in ("Protests", "Riots"):
                    # a crowd after a battle is not the battle's side
                    actor1 = actor2 = None
                if event_type in ("Protests", "Riots") and actor1 is None:
                    actor1 = with_country("Protesters" if event_type == "Protests" else "Rioters", cc)
                if event_type == "Protests" and sub_type != "Peaceful protest" and actor2 is None:
                    police = next((a for a in s_actors if a.kind in ("police", "police_generic", "state", "military")), None)
                    actor2 = _actor_for(police, cc, doc_groups) if police is not None else None
                layer = "retaliation" if retaliation else _LAYER_OF.get(event_type, "other")
                new_frame_actor = actor1
            inc_sub = sub_type
            if sub_type == "Government regains territory" and actor_country(actor1) != cc:
                inc_sub = "Armed clash"  # a state taking ground abroad is not regaining its territory
            if actor2 is not None and actor2 == actor1:
                actor2 = None  # "blamed on X": the attacker, not also its target
            if actor2 is None and actor1 is not None and event_type != "Protests":
                actor2 = doc_groups.get(cc)
                if actor2 == actor1 or (actor2 and actor_country(actor2) == actor_country(actor1)):
                    actor2 = None
            if actor2 is None and event_type == "Violence against civilians":
                actor2 = with_country("Civilians", cc)
            confidence = 0.45
            confidence += 0.15 if attacker is not None or continues else 0.0
            confidence += 0.1 if max(t.rank for t in triggers) >= 5 else 0.0
            confidence += {"cue": 0.15, "list": 0.15, "weak": 0.0}.get(how, 0.0)
            confidence += 0.1 * float(m.place.score or 0.0)
            confidence -= 0.1 if quoted else 0.0
            confidence -= 0.15 if m.place.feature_type == "country" else 0.0
            confidence -= 0.1 if m.ambiguous else 0.0
            row = {
                "layer": layer,
                "event_date": (cause_date if is_cause and cause_date else edate).date,
                "time_precision": (cause_date if is_cause and cause_date else edate).precision,
                "disorder_type": _DISORDER.get(event_type),
                "event_type": event_type,
                "sub_event_type": inc_sub,
                "actor1": actor1,
                "actor2": actor2,
                "country": country_name(cc),
                "country_code": cc,
                "admin1": m.place.admin1,
                "location": m.text if m.start in stand_ins else m.place.name,
                "latitude": float(m.place.lat),
                "longitude": float(m.place.lon),
                "geo_precision": 3 if how == "stand-in" else max(2, _geo_precision(text, m, None, folded_text))
                if how == "near" else _geo_precision(text, m, head_of.get(m.start), folded_text),
                "fatalities": fatalities,
                "source": source,
                "notes": whole.text,
                "source_start": whole.start,
                "source_end": whole.end,
                "confidence": round(min(0.99, max(0.05, confidence)), 3),
                "responds_to": None,
                "gazetteer_id": m.place.gazetteer_id,  # (for a scene the gazetteer lacks: its stand-in's)
                "date_cue": (cause_date if is_cause and cause_date else edate).cue,
            }
            # a scene placed at a stand-in is its own place: two villages near one town are two incidents
            key = (f"{m.place.gazetteer_id}#{m.text}" if m.start in stand_ins else m.place.gazetteer_id, actor1,
                   event_type, row["event_date"])
            inc = _Incident(row=row, order=(whole.start, m.start), key=key)
            if row["event_date"] is not None:
                when = cause_date if is_cause and cause_date else edate
                told_dates.setdefault(m.text.lower(), when)
                told_dates.setdefault(row["location"].lower(), when)
            if layer == "retaliation" and not is_cause:
                inc.cause_country = None
            incidents.append(inc)
        told = incidents[n_before:]
        if (clause_incidents is not None and clause_incidents[0] == whole.start
                and _FLASHBACK_CUE.match(edate.cue) and edate.cue.lower().endswith("after")):
            # "Pakistan struck Saravan on Wednesday, a day after Iranian missiles
            # hit Panjgur": the main clause answers the other side's attack
            other = next((i.row["actor1"] for i in told if i.row["actor1"]), None)
            for inc in clause_incidents[1]:
                if other and inc.row["actor1"] and not _same_side(inc.row["actor1"], other):
                    inc.row["layer"] = "retaliation"
        clause_incidents = (whole.start, told)
        last_scene = (whole.start, whole.end, pi)
        if not _FLASHBACK_CUE.match(edate.cue):
            # "..., a day after X": the story goes on from the main event's day, not X's
            previous_date = edate
        frame_start = sent.start
        frame = _Frame(
            actor1=new_frame_actor if new_frame_actor else (frame.actor1 if frame else None),
            # the side just hit, which may hit back in the next clause ("..., and aircraft struck ... in response")
            actor2=next((i.row["actor2"] for i in told if i.row["actor2"]), None),
            layer="retaliation" if retaliation else None,
            event_type=event_type, sub_event_type=sub_type, date=edate, sentence_index=si, paragraph=pi,
        )
    merged = _deduplicate(incidents)
    link_responses(merged, text, mentions, folded_text)
    rows = []
    for i, inc in enumerate(merged, start=1):
        inc.row["id"] = f"I{i}"
    for inc in merged:
        inc.row["responds_to"] = " ".join(merged[j].row["id"] for j in inc.answers) or None
        rows.append(inc.row)
    if rows:  # one vectorised call instead of a Point per row
        points = shapely.points([r["longitude"] for r in rows], [r["latitude"] for r in rows])
        for row, point in zip(rows, points):
            row["geometry"] = point
    return rows


# a place's history told in the perfect tense: background, not an incident
#: An event dated this many days or more before the report is background
#: the report recalls ("In March 2025, clashes there killed ten"), not news.
HISTORY_DAYS = 90
# "in 2021", "in March 2025", "in late 2019": a past time the sentence's event is set in
_SET_IN_YEAR = re.compile(
    rf"\b(?:in|during|until|by)\s+(?:(?:early|late|mid)[\s-]+)?(?:{_MONTH_RE}\s+)?(?P<year>(?:19|20)\d\d)\b",
    re.IGNORECASE,
)
# "its 2015 assault", "the 2019 massacre": an event named by its year
_YEAR_OF_EVENT = re.compile(
    r"\b(?:its|the|their|a|his|her)\s+(?P<year>(?:19|20)\d\d)\s+(?:attacks?|assaults?|raids?|massacres?|bombings?|"
    r"offensives?|sieges?|strikes?|invasion|war|uprising|insurgency|killings?)\b",
    re.IGNORECASE,
)
# "Fighting has displaced thousands ... since 2019": a present-perfect tally of years
_TALLY_SINCE = re.compile(
    r"\b(?:has|have)\s+(?:\w+\s+){0,2}?\w+(?:ed|en|wn|ght)\b[^.;]{0,120}?\bsince\s+(?:(?:19|20)\d\d|the\s+\d{4}s)\b",
    re.IGNORECASE,
)


def _is_history(body: str, edate: EventDate, published: date | None) -> bool:
    """Whether a sentence tells of an event long before the report's date.

    Reports recall earlier violence to give context ("the deadliest since the
    president was killed in 2021", "In March 2025, clashes in the same area
    killed ten"); ACLED codes those events from their own reports, so they
    are not incidents of this one.  Only a sentence without a date of its
    own nearer the report ("on Sunday") is judged by a past year it names.
    """
    if published is None:
        return False
    if edate.date is not None and edate.cue != "report date":
        return (published - edate.date).days >= HISTORY_DAYS
    if "since" in body and _TALLY_SINCE.search(body):
        return True
    if not any(c.isdigit() for c in body):
        return False
    for m in _YEAR_OF_EVENT.finditer(body):
        if published.year - int(m.group("year")) >= 1 and (published - date(int(m.group("year")), 12, 31)).days \
                >= HISTORY_DAYS:
            return True  # "its 2015 assault on Garissa killed 148 people"
    for m in _SET_IN_YEAR.finditer(body):
        year = int(m.group("year"))
        month = _MONTHS[m.group("month").lower()] if m.group("month") else 12
        first_of_next = date(year + 1, 1, 1) if month == 12 else date(year, month + 1, 1)
        last_day = first_of_next - timedelta(days=1)
        if (published - last_day).days >= HISTORY_DAYS:
            return True
    return False


_BACKGROUND = re.compile(
    r"\b(?:has|have)\s+(?:long\s+|also\s+)?(?:suffered|seen|witnessed|experienced|endured|faced|been\s+(?:"
    r"the\s+scene|the\s+target|the\s+site|hit|plagued|rocked|targeted|attacked))\b[^.;]{0,80}?"
    r"(?:\bsince\s+(?:(?:19|20)\d\d|the\s+\d{4}s)\b|\bfor\s+(?:years|decades|months)\b|\brepeated(?:ly)?\b)"
    r"|\brepeated(?:ly)?\b[^.;]{0,60}\bsince\s+(?:19|20)\d\d\b",
    re.IGNORECASE,
)
_OPENS_FLASHBACK = re.compile(
    r"\W*(?:(?:a|an|one|two|three|four|five|six|\d+)\s+(?:days?|weeks?|hours?)|hours|days|weeks|minutes|shortly|just)\s+"
    r"(?:after|before)\b", re.IGNORECASE)
_POSSESSIVE_TRIGGER = re.compile(r"\b(?:its|their|his|her)\s+(?:own\s+|latest\s+|earlier\s+)?$", re.IGNORECASE)
_CLAUSE_COMMA = re.compile(r",(?!\s+(?:in\s+which|during\s+which|which|where|when|who)\b)")
_FLASHBACK_CUE = re.compile(r"\w+\s+(?:days?|weeks?)\s+(?:after|before)$", re.IGNORECASE)
# Where a sentence holds two events: "X struck A, while Y clashed with Z near B";
# "X struck A; Y shelled B"; "X struck A, a day after Y attacked B".
_CLAUSE_BREAK = re.compile(
    r";\s+|,\s+while\s+|,\s+whereas\s+|,\s+adding\s+(?:that\s+)?|,\s+(?:a\s+day|hours|days|a\s+week|minutes|shortly)\s+(?:after|before)\s+"
    # ", and aircraft struck ... in response": a second event with a subject of its own
    r"|,\s+and\s+(?=(?:the\s+|an?\s+|its\s+|their\s+)?[\w-]+(?:\s+[\w-]+)?\s+(?:struck|hit|attacked|shelled|bombed|"
    r"raided|pounded|retaliated|responded|hit\s+back|fired\s+(?:on|at)|launched)\b)"
)


def _clauses(sentences):
    """(clause, sentence) pairs; a clause is a Sentence-like span of its sentence."""
    from geoconflict.text import Sentence

    for sent in sentences:
        start = 0
        for m in _CLAUSE_BREAK.finditer(sent.text):
            if m.start() > start:
                yield Sentence(sent.start + start, sent.start + m.start(), sent.text[start:m.start()]), sent
            # "a day after ..." stays with its clause: it dates that clause's event
            start = m.start() + 1 if m.group().rstrip().endswith(("after", "before")) else m.end()
        yield Sentence(sent.start + start, sent.end, sent.text[start:]), sent


def _upgrade_protest(incidents, frame_start, stext, s_actors, sides) -> None:
    sub = "Excessive force against protesters" if _EXCESSIVE.search(stext) else "Protest with intervention"
    police = next((a for a in s_actors if a.kind in ("police", "police_generic", "state", "military")), None)
    for inc in incidents:
        if inc.row["source_start"] == frame_start and inc.row["event_type"] == "Protests":
            inc.row["sub_event_type"] = sub
            if police is not None and inc.row["actor2"] is None:
                inc.row["actor2"] = _actor_for(police, inc.row["country_code"], sides)


def _is_headline(text: str, sent) -> bool:
    """A title line: a paragraph of one line without closing punctuation.

    Headlines summarise the body; coding them too would double-count."""
    if sent.text.rstrip()[-1:] in ".!?\"”’)" or len(sent.text) > 300:
        return False
    # only the neighbourhood is looked at, so a report on one huge line stays linear
    before = text[max(0, sent.start - 300): sent.start]
    after = text[sent.end: sent.end + 300]
    head = before[before.rfind("\n") + 1:] if "\n" in before else (before if sent.start > 300 else before)
    tail = after[: after.find("\n")] if "\n" in after else after
    return not head.strip() and not tail.strip()


def _bare_nouns_to_groups(actors: list[ActorMention]) -> list[ActorMention]:
    """"PKK militants attacked ... . Later, the militants fired rockets": a bare
    fighters noun after a named group with the same noun is that group."""
    last: dict[str, ActorMention] = {}
    out = []
    for a in actors:
        noun = a.text.rsplit(None, 1)[-1].lower() if a.text else ""
        if a.kind == "group" and " " in a.text:
            last[noun] = a
        elif a.kind == "crowd" and a.name.startswith("Unidentified") and noun in last:
            g = last[noun]
            a = ActorMention(a.start, a.end, a.text, g.name, g.country_code, "group")
        out.append(a)
    return out


def _is_capital_mention(m: Mention, s_actors: list[ActorMention], sent_start: int) -> bool:
    rel = (m.start - sent_start, m.end - sent_start)
    return any(a.kind in ("capital", "country") and a.start <= rel[0] and a.end >= rel[1] for a in s_actors)


def _document_sides(actors: list[ActorMention]) -> dict[str, str]:
    """For each country, the armed actor the report most often associates with it.

    Used as the target side of a strike on that country's territory when the
    sentence names none (a strike on Kabul in a report about the Taliban).
    """
    counts: dict[str, Counter] = {}
    for a in actors:
        if a.kind in ("group", "military") and a.country_code and not a.name.startswith("Unidentified"):
            counts.setdefault(a.country_code, Counter())[a.name] += 1
    return {cc: c.most_common(1)[0][0] for cc, c in counts.items()}


def _deduplicate(incidents: list[_Incident]) -> list[_Incident]:
    """Merge retellings by (place, attacker, event type, date); keep the best sentence."""
    by_key: dict[tuple, _Incident] = {}
    by_place: dict[tuple, _Incident] = {}  # (place, type, date) -> first attributed telling
    order: list[tuple] = []
    for inc in incidents:
        found = by_key.get(inc.key)
        place_key = (inc.key[0], inc.key[2], inc.key[3])
        if found is None and inc.key[1] is None:
            # an unattributed retelling of an attributed incident at the same place and date
            found = by_place.get(place_key)
        if found is None:
            by_key[inc.key] = inc
            if inc.key[1] is not None:
                by_place.setdefault(place_key, inc)
            order.append(inc.key)
            continue
        keep, other = (found, inc)
        if inc.row["confidence"] > found.row["confidence"]:
            # keep the first telling's position, take the better sentence
            row = dict(inc.row)
            for col in ("actor1", "actor2", "fatalities", "layer"):
                if row.get(col) is None and found.row.get(col) is not None:
                    row[col] = found.row[col]
            if found.row["layer"] == "retaliation":
                row["layer"] = "retaliation"
            found.row = row
        else:
            for col in ("actor2", "fatalities"):
                if found.row.get(col) is None and other.row.get(col) is not None:
                    found.row[col] = other.row[col]
            if other.row["layer"] == "retaliation":
                found.row["layer"] = "retaliation"
        keep.row["confidence"] = round(min(0.99, keep.row["confidence"] + 0.05), 3)
    return sorted((by_key[k] for k in order), key=lambda inc: inc.order)


def _same_side(a: str | None, b: str | None) -> bool:
    """Whether two actor names are one side: equal, or a state's forces and the
    state itself.  Two armed groups of one country are different sides (the
    army and the RSF in Sudan, the ELN and FARC dissidents in Colombia)."""
    if a is None or b is None:
        return False
    if a == b:
        return True
    return _same_state(a, b)


_STATE_FORCES = re.compile(r"(?:Military|Police) Forces of ")


@lru_cache(maxsize=4096)  # asked for every pair of incidents a retaliation may answer
def _same_state(a: str, b: str) -> bool:
    ca, cb = actor_country(a), actor_country(b)
    if ca is None or ca != cb:
        return False
    return all(_STATE_FORCES.match(x) or country_name(ca) == x for x in (a, b))


def _within(items: Sequence, i: int, start: int, end: int) -> tuple[list, int]:
    """Items (sorted by start) lying inside ``[start, end)``, scanning from
    cursor ``i``; returns them and the cursor for the next sentence."""
    while i < len(items) and items[i].start < start:
        i += 1
    j = i
    while j < len(items) and items[j].end <= end:
        j += 1
    return list(items[i:j]), i
