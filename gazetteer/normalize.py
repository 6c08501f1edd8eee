"""Name normalisation: the keys under which the gazetteer stores and looks up names.

Two keys are used:

* :func:`normalize_name` folds case, diacritics, apostrophes, hyphens and
  spacing, so ``"Kandahār"``, ``"KANDAHAR"`` and ``"kandahar"`` meet, and
  ``"Ts'khinvali"`` meets ``"Tskhinvali"``.  Non-Latin scripts are kept
  (case-folded), so ``"Кабул"`` still matches the Cyrillic alternate name.
* :func:`translit_key` additionally collapses the spelling variants that
  romanising Arabic, Persian, Pashto, Urdu and Russian names produces
  (vowel quality and length, ``q``/``k``, ``kh``/``k``, ``ph``/``f``,
  ``w``/``v``, doubled letters, ``al-``/``el-`` articles, a silent final
  ``h``).  It is deliberately lossy; a match on it ranks below an exact match.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

__all__ = ["normalize_name", "translit_key", "translit_of_normalized", "tokenize"]

# Apostrophes and the modifier letters romanisations use for ayn/hamza.
_APOSTROPHES = "'\u2019\u2018\u02bb\u02bc\u02bd\u02be\u02bf\u0060\u00b4\u2032\u055a"
_DROP = str.maketrans("", "", _APOSTROPHES)
# Hyphens, dashes, underscores, dots and slashes separate words.
_SEPARATORS = re.compile(r"[\s\-\u2010-\u2015\u2212_./\\,;:()\[\]\"\u201c\u201d\u00ab\u00bb]+")
# Letters that NFKD does not decompose but readers treat as plain Latin.
_SPECIAL = str.maketrans(
    {
        "ß": "ss", "ø": "o", "đ": "d", "ħ": "h", "ı": "i", "ł": "l", "æ": "ae",
        "œ": "oe", "þ": "th", "ð": "d", "ŧ": "t", "ŋ": "ng", "ə": "a", "ʿ": "",
    }
)


@lru_cache(maxsize=200_000)
def normalize_name(name: str) -> str:
    """Fold a place name to its lookup key.

    Case-folds, strips diacritics (NFKD, combining marks removed), drops
    apostrophes of every kind, turns hyphens, underscores, dots and other
    punctuation into spaces and collapses whitespace.  Letters of non-Latin
    scripts are kept, case-folded.

    Parameters
    ----------
    name : str
        Any place name.

    Returns
    -------
    str
        The normalised key ("" when nothing letter-like remains).

    Examples
    --------
    >>> normalize_name("Kandahār")
    'kandahar'
    >>> normalize_name("Ts’khinvali")
    'tskhinvali'
    >>> normalize_name("Mazar-i-Sharif")
    'mazar i sharif'
    >>> normalize_name("  Khān   Yūnis ")
    'khan yunis'
    >>> normalize_name("Кабул")
    'кабул'
    """
    return _normalize(name)


@lru_cache(maxsize=1)
def _combining_table() -> dict[int, None]:
    # Accents on Latin/Greek/Cyrillic letters and the optional vowel marks of
    # Arabic and Hebrew; Indic vowel signs and viramas are part of the
    # spelling and stay.  str.translate with a table is much faster than
    # testing each character.
    ranges = ((0x300, 0x370), (0x591, 0x5C8), (0x610, 0x61B), (0x64B, 0x660), (0x670, 0x671),
              (0x1AB0, 0x1B00), (0x1DC0, 0x1E00), (0x20D0, 0x2100), (0xFE20, 0xFE30))
    return {cp: None for a, b in ranges for cp in range(a, b) if unicodedata.combining(chr(cp))}


_SIMPLE = re.compile(r"[A-Za-z]+(?: [A-Za-z]+)*")


def _normalize(name: str) -> str:
    if _SIMPLE.fullmatch(name):
        return name.lower()  # the common case, and the hot path of index builds
    s = name.casefold().translate(_DROP)
    if not s.isascii():
        s = unicodedata.normalize("NFKD", s.translate(_SPECIAL)).translate(_combining_table())
        # NFKD may re-introduce compatibility apostrophes; drop them again.
        s = s.translate(_DROP)
    s = _SEPARATORS.sub(" ", s)
    return " ".join(s.split())


def tokenize(normalized: str) -> list[str]:
    """Split a normalised name into its word tokens.

    Examples
    --------
    >>> tokenize("mazar i sharif")
    ['mazar', 'i', 'sharif']
    """
    return normalized.split()


# Arabic/Persian articles written as separate words after normalisation
# ("al-Qaim" -> "al qaim", "Ar Raqqah", "ad-Dawr").
_ARTICLES = frozenset({"al", "el", "ul", "ad", "ar", "as", "at", "an", "az", "ash", "ed", "er", "es", "ez", "il"})
# Consonant spellings that romanisation systems disagree on.
_REPLACEMENTS = (
    ("sch", "sh"), ("tch", "ch"), ("dzh", "j"), ("dj", "j"), ("kh", "k"), ("gh", "g"), ("ph", "f"),
    ("ck", "k"), ("q", "k"), ("w", "v"), ("x", "ks"),
)
# "Raqqah"/"Raqqa", "Ramadah": a final h after a vowel is not pronounced.
_FINAL_H = re.compile(r"(?<=[a-z]{2}[aeiouy])h\b")
# An initial y before a vowel is a consonant (Yunis, Yemen); elsewhere y is a
# vowel (Paktya, Fyzabad).  Upper-case Y shields it from the vowel rule.
_INITIAL_Y = re.compile(r"\by(?=[aeiou])")
# Vowel quality and length vary most between romanisations: keep only where
# a vowel is, not which one (Faizabad/Fayzabad/Feyzabad -> fazabad).
_VOWEL_RUN = re.compile(r"[aeiouy]+")
_DOUBLE = re.compile(r"(.)\1+")
_HAS_LATIN = re.compile(r"[a-z]")


@lru_cache(maxsize=200_000)
def translit_key(name: str) -> str:
    """Collapse romanisation variants of a name to one key.

    Applied on top of :func:`normalize_name` (accepts raw or normalised
    input).  Word boundaries are removed, so ``"Khan Yunis"`` and
    ``"Khanyunis"`` also meet.

    Parameters
    ----------
    name : str
        A place name.

    Returns
    -------
    str
        The transliteration key.

    Examples
    --------
    >>> translit_key("Paktia") == translit_key("Paktiya") == translit_key("Paktya")
    True
    >>> translit_key("Faizabad") == translit_key("Fayzabad") == translit_key("Feyzabad")
    True
    >>> translit_key("Kandahar") == translit_key("Qandahar")
    True
    >>> translit_key("Mazar-i-Sharif") == translit_key("Mazar-e Sharif")
    True
    >>> translit_key("Khan Younis") == translit_key("Khan Yunis")
    True
    >>> translit_key("Paktia") == translit_key("Paktika")
    False
    """
    return translit_of_normalized(normalize_name(name))


def translit_of_normalized(normalized: str) -> str:
    """:func:`translit_key` of a string already passed through :func:`normalize_name`.

    Examples
    --------
    >>> translit_of_normalized("al qaim")
    'kam'
    """
    if not _HAS_LATIN.search(normalized):
        return normalized.replace(" ", "")  # other scripts: nothing to fold
    toks = normalized.split()
    kept = [t for t in toks if t not in _ARTICLES]
    s = " ".join(kept or toks)
    # Plain str.replace guarded by `in` is several times faster than one
    # regex with a callback, and this runs a million times per index build.
    for a, b in _REPLACEMENTS:
        if a in s:
            s = s.replace(a, b)
    if "c" in s:
        s = s.replace("ch", "\x01").replace("c", "k").replace("\x01", "ch")
    if "h" in s:
        s = _FINAL_H.sub("", s)
    if "y" in s:
        s = _INITIAL_Y.sub("Y", s)
    s = _VOWEL_RUN.sub("a", s).replace(" ", "").replace("Y", "y")
    return _DOUBLE.sub(r"\1", s)


def _normalize_many(names: list[str]) -> list[str]:
    """``[_normalize(n) for n in names]``, several times faster for index builds.

    Every step of :func:`_normalize` maps characters without looking past a
    name's own characters (NUL, which no name contains, is neither a
    separator nor changed by any step), so the steps run once over all
    names joined by NUL.  Falls back to one call per name if a name does
    contain NUL.
    """
    joined = "\x00".join(names)
    if joined.count("\x00") != len(names) - 1:
        return [_normalize(n) for n in names]
    # str.translate does a dict lookup per character on non-ASCII text;
    # a regex class scan is far cheaper over megabytes (no table output is
    # another table's key, so mapping matches one by one is equivalent).
    s = _drop_apostrophes(joined.casefold())
    if not s.isascii():
        # NFKD leaves ASCII alone and the tables only hold non-ASCII keys,
        # so all-ASCII names pass through unchanged, as in the per-name path.
        special, table = _special_pattern()
        s = special.sub(lambda m: table[m.group()], s)
        s = _combining_pattern().sub("", unicodedata.normalize("NFKD", s))
        s = _drop_apostrophes(s)
    # Runs of separators become one space, so stripping the ends of each
    # name equals " ".join(name.split()).
    s = _SEPARATORS.sub(" ", s)
    out = [p.strip(" ") for p in s.split("\x00")] if names else []
    return out


_APOSTROPHE_RUN = re.compile("[" + re.escape(_APOSTROPHES) + "]+")


def _drop_apostrophes(s: str) -> str:
    return _APOSTROPHE_RUN.sub("", s)


@lru_cache(maxsize=1)
def _special_pattern() -> tuple[re.Pattern, dict[str, str]]:
    table = {chr(k): v or "" for k, v in _SPECIAL.items()}
    return re.compile("[" + "".join(re.escape(k) for k in table) + "]"), table


@lru_cache(maxsize=1)
def _combining_pattern() -> re.Pattern:
    return re.compile("[" + "".join(re.escape(chr(cp)) for cp in sorted(_combining_table())) + "]+")


def _translit_many(normalized: list[str]) -> list[str]:
    """``[translit_of_normalized(n) for n in normalized]`` in one pass per rule.

    Normalised names never contain a newline (it is a separator), and no
    replacement or pattern of :func:`translit_of_normalized` matches across
    one, so the rules run once over the newline-joined names.
    """
    out: list[str] = [""] * len(normalized)
    idx: list[int] = []
    latin: list[str] = []
    arts = _ARTICLES
    for i, n in enumerate(normalized):
        if not _HAS_LATIN.search(n):
            out[i] = n.replace(" ", "")
            continue
        toks = n.split()
        kept = [t for t in toks if t not in arts]
        idx.append(i)
        latin.append(" ".join(kept or toks))
    s = "\n".join(latin)
    for a, b in _REPLACEMENTS:
        s = s.replace(a, b)
    s = s.replace("ch", "\x01").replace("c", "k").replace("\x01", "ch")
    s = _FINAL_H.sub("", s)
    s = _INITIAL_Y.sub("Y", s)
    s = _VOWEL_RUN.sub("a", s).replace(" ", "").replace("Y", "y")
    s = _DOUBLE.sub(r"\1", s)
    for i, t in zip(idx, s.split("\n") if latin else ()):
        out[i] = t
    return out
