"""The :class:`Gazetteer`: candidate lookup, context-aware resolution, a text
name matcher, geometries and user layers over the persistent index.

Examples
--------
>>> from gazetteer import get_gazetteer
>>> gaz = get_gazetteer()
>>> gaz.resolve("Paktia").best.feature_type
'admin1'
>>> gaz.resolve("Faizabad", context="Islamabad's Faizabad area").best.country_code
'PK'
"""

from __future__ import annotations

import bisect
import marshal
import math
import re
import threading
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from gazetteer.errors import InvalidNameError, LayerFormatError, UnknownPlaceError
from gazetteer.index import FOLD_KIND0, FOLD_KIND1, MAX_NAME_TOKENS, ensure_index, open_index
from gazetteer.model import Place, Resolution
from gazetteer.normalize import normalize_name, translit_of_normalized
from gazetteer.resolve import (
    AMBIGUITY_MARGIN,
    MATCH_EXACT,
    MATCH_TRANSLIT,
    MATCH_TRANSLIT_PRIMARY,
    PRIMARY_SPELLING_BONUS,
    CandidateList,
    Context,
    alias_quality,
    clean_parent,
    is_ambiguous,
    parents_in_text,
    parse_parent,
    prior,
    rank,
)

__all__ = ["Gazetteer", "get_gazetteer", "MAX_NAME_LENGTH"]

#: Longest name accepted; longer input is not a place name.
MAX_NAME_LENGTH = 300
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
_WORD = re.compile(r"[^\W_]+")
# Text between two words that may still sit inside one name.
_JOINABLE_GAP = re.compile(r"[ \t\-\u2010\u2011.'\u2019\u02bc]{1,3}")
_APOS_ONLY = re.compile(r"['\u2019\u02bc]")
_MAX_CANDIDATES = 200
_KIND_HINT_BONUS = 0.2
_CAPITAL_MIN_POPULATION = 50_000
_KIND_WORDS = (
    (re.compile(r"\b(?:province|state|region|governorate|oblast|prefecture|department|territory|division)\s*$", re.I), "admin1"),
    (re.compile(r"\b(?:city|town|village)\s*$", re.I), "city"),
)


_FUZZY_CUTOFF = 80
_MMAP_BYTES = 1 << 30
_SUGGEST_CUTOFF = 70


def _kind_hint(name: str) -> str | None:
    """The feature kind a trailing word asks for ("Kabul province" -> admin1)."""
    for pat, kind in _KIND_WORDS:
        if pat.search(name):
            return kind
    return None


class _LRU(dict):
    """A bounded cache: the oldest entry goes when it is full.

    First-in-first-out rather than least-recently-used: a hit is then a
    plain dict lookup (OrderedDict.move_to_end on every hit cost more than
    the ranking it saved), and the hot entries of a job are simply
    re-made after they age out.
    """

    def __init__(self, size: int):
        super().__init__()
        self.size = size

    def get_or(self, key, make):
        value = self.get(key, _MISSING)
        if value is _MISSING:
            value = self[key] = make()
            if len(self) > self.size:
                del self[next(iter(self))]
        return value


_MISSING = object()


def _scored(p: Place, score: float, fuzzy: bool, matched_name: str) -> Place:
    """A copy of ``p`` with its ranking fields set.

    Equivalent to ``dataclasses.replace`` but about ten times cheaper: a
    frozen dataclass's ``__init__`` goes through ``object.__setattr__`` per
    field, which dominated a resolve.  Place has no ``__post_init__`` or
    slots, so filling ``__dict__`` gives the same object.
    """
    d = p.__dict__.copy()
    d["score"] = score
    d["fuzzy"] = fuzzy
    d["matched_name"] = matched_name
    q = _new(Place)
    _setattr(q, "__dict__", d)
    return q


_new = object.__new__
_setattr = object.__setattr__


class Gazetteer:
    """Offline gazetteer over GeoNames, Natural Earth, curated and user places.

    Parameters
    ----------
    cache_dir : path, optional
        Folder for the persistent index (default ``$GEOCONFLICT_CACHE`` or
        ``~/.cache/geoconflict``).  Built on first use, reused afterwards.
    index_path : path, optional
        Use an existing index file directly (one built by
        :func:`gazetteer.index.build_index` with the same Python version;
        it holds marshal data, so open only files from a trusted source).
    result_cache : bool
        Remember whole resolutions per (name, context, country, limit)
        (default).  False ranks every call anew over the cached candidate
        lists and document contexts; results are identical, only slower
        for repeated names (the benchmark reports both rates).

    Examples
    --------
    >>> gaz = Gazetteer()
    >>> r = gaz.resolve("Tripoli in northern Lebanon")
    >>> r.best.country_code
    'LB'
    """

    def __init__(
        self, cache_dir: str | Path | None = None, index_path: str | Path | None = None, result_cache: bool = True
    ):
        self.index_path = Path(index_path) if index_path else ensure_index(Path(cache_dir) if cache_dir else None)
        self._con = open_index(self.index_path)
        # Memory-mapped reads: a name never looked up touches a few dozen
        # pages, and mmap spares a read() system call and a copy per page.
        self._con.execute(f"PRAGMA mmap_size={_MMAP_BYTES}")
        self._lock = threading.RLock()
        self._places: dict[int, Place] = {}
        self._cand_cache = _LRU(100_000)
        self._ctx_cache = _LRU(50_000)
        self._doc_cache = _LRU(64)
        self._result_cache = _LRU(100_000)
        self._use_result_cache = bool(result_cache)
        self._bare_cache = _LRU(100_000)
        self._fuzzy_cache = _LRU(10_000)
        self._names: dict[str, None] | None = None
        self._find_calls = 0
        self._by_length: dict[str, _NameBucket] | None = None
        self._first_tokens: dict[str, None] | None = None
        self._user_norm: dict[str, list[tuple[Place, int]]] = {}
        self._user_tkey: dict[str, list[tuple[Place, int]]] = {}
        self._user_by_id: dict[str, Place] = {}
        self._user_shapes: dict[str, Any] = {}
        self._layers: dict[str, int] = {}

    # ------------------------------------------------------------------ lookup
    def _place_from_row(self, row) -> Place:
        pid = row[0]
        place = self._places.get(pid)
        if place is None:
            _, gid, name, lat, lon, cc, a1, a1c, ftype, pop, prec, src = row[:12]
            # Place(...) without its frozen __init__ (see _scored): a new
            # name brings dozens of rows
            place = _new(Place)
            _setattr(place, "__dict__", {
                "name": name, "lat": lat, "lon": lon, "country_code": cc, "admin1": a1, "feature_type": ftype,
                "gazetteer_id": gid, "population": pop, "precision_m": prec, "source": src, "score": 1.0,
                "fuzzy": False, "matched_name": name, "admin1_code": a1c,
            })
            self._places[pid] = place
        return place

    def _lookup(self, norm: str) -> list[tuple[Place, float]]:
        """Exact + transliteration candidates with base scores, best first."""
        cands = self._cand_cache.get(norm)  # hot path: a plain dict hit
        if cands is None:
            cands = self._cand_cache.get_or(norm, lambda: self._lookup_uncached(norm))
        return cands

    def _lookup_uncached(self, norm: str) -> CandidateList:
        if not norm:
            return CandidateList()
        tkey = translit_of_normalized(norm)
        best: dict[str, list] = {}  # gid -> [place, quality, preferred name folds to the query]
        exact_ids: set[str] = set()

        def offer(place: Place, kind: int, translit: bool):
            if not translit:
                exact_ids.add(place.gazetteer_id)
            if translit:
                q = MATCH_TRANSLIT_PRIMARY if kind == 0 else MATCH_TRANSLIT
            else:
                q = MATCH_EXACT if kind == 0 else alias_quality(place)
            cur = best.get(place.gazetteer_id)
            if cur is None:
                best[place.gazetteer_id] = cur = [place, q, False]
            elif q > cur[1]:
                cur[1] = q
            if translit and kind == 0:
                cur[2] = True

        places = self._places
        with self._lock:
            row = self._con.execute("SELECT rows FROM folds WHERE tkey = ?", (tkey,)).fetchone()
            # One record per place with a name folding to ``tkey``; the names
            # spelled like the query are exact matches.  Every exact name also
            # folds to ``tkey`` (a name's key is a function of the name), so
            # this is the union of the exact and the folded matches, with each
            # place's offers merged as :func:`offer` would: the better of its
            # exact and its folded quality (preferred name or alias), flagged
            # when a preferred name folds.
            for rec in marshal.loads(row[0]) if row is not None else ():
                place = places.get(rec[0])
                if place is None:
                    place = self._place_from_row(rec)
                kind0, kind1 = rec[FOLD_KIND0], rec[FOLD_KIND1]
                q = MATCH_TRANSLIT_PRIMARY if kind0 else MATCH_TRANSLIT
                if norm in kind0:
                    q = MATCH_EXACT
                    exact_ids.add(place.gazetteer_id)
                elif norm in kind1:
                    q = max(alias_quality(place), q)
                    exact_ids.add(place.gazetteer_id)
                best[place.gazetteer_id] = [place, q, bool(kind0)]
        # places of user layers, held in memory name by name
        for place, kind in self._user_norm.get(norm, ()):
            offer(place, kind, False)
        for place, kind in self._user_tkey.get(tkey, ()):
            offer(place, kind, True)
        out = []
        # A province named like its capital city (Kandahar, Kabul, Islamabad
        # Capital Territory) is the city in running text unless the text says
        # "province"; alias lists must not flip that.
        capitals: dict[str, float] = {}
        # A province named after the sea it borders (Egypt's and Sudan's Red
        # Sea, Bushehr's alternate name "Persian Gulf") is the sea in running
        # text unless the text says "state" or "governorate" (the kind hint
        # then lifts the province back).  Seas, straits and lakes shared by
        # several countries are the areas without a country; a transliteration
        # match to one is too loose to demote a province.
        water = None
        # one pass gathers the bases and both demotions' evidence
        for p, q, primary_folds in best.values():
            if primary_folds and q < MATCH_EXACT:
                # An alias that is also a spelling of the preferred name
                # (Paktya for Paktia) beats the same alias of another place.
                q = min(MATCH_EXACT, max(q, MATCH_TRANSLIT_PRIMARY) + PRIMARY_SPELLING_BONUS)
            ftype = p.feature_type
            b = prior(ftype, p.population) * q
            out.append((p, b))
            if ftype == "city":
                if p.admin1_code and p.population >= _CAPITAL_MIN_POPULATION:
                    capitals[p.admin1_code] = max(b, capitals.get(p.admin1_code, 0.0))
            elif ftype == "area" and not p.country_code and p.gazetteer_id in exact_ids:
                water = b if water is None else max(water, b)
        if capitals:
            out = [
                (p, min(b, capitals[p.admin1_code] - 0.02))
                if p.feature_type == "admin1" and p.admin1_code in capitals else (p, b)
                for p, b in out
            ]
        if water is not None:
            cap = water - AMBIGUITY_MARGIN - 0.01
            out = [(p, min(b, cap)) if p.feature_type == "admin1" else (p, b) for p, b in out]
        out.sort(key=lambda pb: (-pb[1], -pb[0].population, pb[0].gazetteer_id))
        return CandidateList(out[:_MAX_CANDIDATES], loose=frozenset(best.keys() - exact_ids))

    def candidates(self, name: str) -> list[Place]:
        """Every place whose name or alias matches ``name`` exactly or after
        transliteration folding (unranked beyond the prior order).

        Examples
        --------
        >>> any(p.country_code == "PK" for p in get_gazetteer().candidates("Islamabad"))
        True
        """
        norm = self._check_name(name)
        return [p for p, _ in self._lookup(norm)]

    def place(self, gazetteer_id: str) -> Place:
        """The place with a given gazetteer id (``"geonames:1138958"``).

        Raises
        ------
        UnknownPlaceError
            When no place has that id.

        Examples
        --------
        >>> get_gazetteer().place("geonames:1138958").name
        'Kabul'
        """
        if gazetteer_id in self._user_by_id:
            return self._user_by_id[gazetteer_id]
        with self._lock:
            row = self._con.execute("SELECT * FROM places WHERE gid = ?", (str(gazetteer_id),)).fetchone()
        if row is None:
            raise UnknownPlaceError(f"no place has gazetteer id {gazetteer_id!r}")
        return self._place_from_row(row)

    @staticmethod
    def _check_name(name: Any) -> str:
        if not isinstance(name, str):
            raise InvalidNameError(f"a place name must be a string, not {type(name).__name__}")
        if len(name) > MAX_NAME_LENGTH:
            raise InvalidNameError(
                f"place name of {len(name)} characters is too long (at most {MAX_NAME_LENGTH}); pass one name, not a text"
            )
        if _CONTROL.search(name):
            raise InvalidNameError("place name contains control characters; pass plain text")
        norm = normalize_name(name)
        if not norm:
            raise InvalidNameError(f"empty place name {name!r}; pass a name such as 'Kabul'")
        return norm

    # ------------------------------------------------------------- resolution
    def resolve(
        self,
        name: str,
        context: str | Sequence[Place] | None = None,
        country: str | None = None,
        limit: int = 5,
    ) -> Resolution:
        """Resolve a place name to the most plausible place, using context.

        Parameters
        ----------
        name : str
            The name as written; may embed its parent ("Faizabad, Islamabad",
            "Fayzabad in Badakhshan", "Islamabad's Faizabad").
        context : str or sequence of Place, optional
            The surrounding document (free text) or places already resolved
            in it.  Countries, provinces and positions of those places, and
            parents written next to the name in the text, steer the ranking.
        country : str, optional
            ISO alpha-2 code the place must be in (preferred, not forced,
            when nothing there matches).
        limit : int
            Number of places returned (best plus alternatives).

        Returns
        -------
        Resolution
            ``best`` (None when nothing matches, with ``unresolved_reason``
            and fuzzy ``suggestions``), ``alternatives`` and ``ambiguous``.

        Raises
        ------
        InvalidNameError
            For empty, over-long or control-character names.

        Examples
        --------
        >>> gaz = get_gazetteer()
        >>> gaz.resolve("Islamabad").best.country_code
        'PK'
        >>> gaz.resolve("Georgia", context="talks in Tbilisi").best.feature_type
        'country'
        """
        norm = self._check_name(name)
        if country is not None:
            country = str(country).strip().upper()
            if not re.fullmatch(r"[A-Z]{2}", country):
                raise InvalidNameError(f"country {country!r} is not an ISO 3166-1 alpha-2 code such as 'PK'")
        limit = max(1, int(limit))
        if not self._use_result_cache:
            return self._resolve(name, norm, context, country, limit)
        places = None
        if context is None:
            ckey = None
        elif isinstance(context, str):
            ckey = context
        elif isinstance(context, Context):
            ckey = ("ctx", id(context))
        else:
            places = [p for p in context if isinstance(p, Place)]
            ckey = tuple(p.gazetteer_id for p in places)
        key = (name, ckey, country, limit)
        res = self._result_cache.get(key)
        if res is None or isinstance(context, Context):
            # the ids are at hand: find the places' Context with them now
            # rather than in _context, which would list them again
            ctx = self._places_context(places, ckey) if places is not None else context
            res = self._resolve(name, norm, ctx, country, limit)
            self._result_cache.get_or(key, lambda: res)
        # a fresh object each time: callers may edit what they get
        return Resolution(res.query, res.best, list(res.alternatives), res.ambiguous, res.unresolved_reason,
                          list(res.suggestions))

    def _resolve(self, name: str, norm: str, context, country: str | None, limit: int) -> Resolution:
        ctx = self._context(name, norm, context)
        cands = self._lookup(norm)
        if not cands:
            # The name may embed its parent: "Faizabad, Islamabad".
            for target, parent_text in parse_parent(name):
                if parent_text[:1].islower() and not name.islower():
                    continue  # "Rafah, on the border": a description, not a parent name
                tnorm = normalize_name(target)
                tc = self._lookup(tnorm)
                parent = self._resolve_parent(parent_text)
                if tc and parent is not None:
                    cands, norm = tc, tnorm
                    ctx = self._context(target, tnorm, context) or Context()
                    ctx = Context(ctx.countries, ctx.admin1, ctx.points, [parent, *ctx.parents])
                    break
        if not cands:
            # "Rafah, on the Egyptian border": the name before the comma alone.
            for target, _ in parse_parent(name):
                tnorm = normalize_name(target)
                if self._lookup(tnorm):
                    cands, norm = self._lookup(tnorm), tnorm
                    ctx = self._context(target, tnorm, context)
                    break
        kind_hint = None
        if not cands:
            # "Paktia province", "northern Lebanon", "Kabul city": the bare
            # name, with a preference for the feature kind the word implies.
            bare = clean_parent(name)
            if bare and bare != name.strip():
                bnorm = normalize_name(bare)
                cands = self._lookup(bnorm)
                if cands:
                    norm = bnorm
                    kind_hint = _kind_hint(name)
        if not cands:
            return self._fuzzy(name, norm, ctx, country, limit)
        near = _without_far_loose(cands, ctx)
        if not near:
            return Resolution(
                name, None, [], False,
                unresolved_reason=(
                    f"{name!r} only resembles places outside the countries its context names "
                    f"({', '.join(sorted(ctx.countries))}); add it as a user place if it is real"
                ),
                suggestions=[p.name for p, _ in cands[:3]],
            )
        cands = near
        if kind_hint:
            cands = [(p, b + (_KIND_HINT_BONUS if p.feature_type == kind_hint else 0.0)) for p, b in cands]
        scored = rank(cands, ctx, country, top=limit + 1)
        return self._resolution(name, scored, limit)

    def _resolution(self, name: str, scored, limit: int, fuzzy_scores: dict | None = None) -> Resolution:
        places = []
        matched = name.strip()
        for s, p in scored[:limit]:
            fz = fuzzy_scores.get(p.gazetteer_id) if fuzzy_scores else None
            score = 1.0 if s >= 1.0 else 0.0 if s <= 0.0 else round(s, 4)
            places.append(_scored(p, score, fz is not None, fz[0] if fz else matched))
        return Resolution(name, places[0], places[1:], is_ambiguous(scored[: limit + 1]))

    def resolve_or_raise(self, name: str, context=None, country: str | None = None, limit: int = 5) -> Resolution:
        """Like :meth:`resolve` but raise :class:`UnknownPlaceError` when nothing matches.

        Examples
        --------
        >>> get_gazetteer().resolve_or_raise("Kabul").best.country_code
        'AF'
        """
        res = self.resolve(name, context=context, country=country, limit=limit)
        if res.best is None:
            hint = f"; did you mean {', '.join(repr(s) for s in res.suggestions)}?" if res.suggestions else ""
            raise UnknownPlaceError(f"no place matches {name!r}{hint}", res.suggestions)
        return res

    def _resolve_parent(self, text: str) -> Place | None:
        """Best exact match of a parent phrase, trying shorter prefixes of it."""
        toks = text.split()
        for n in range(min(len(toks), MAX_NAME_TOKENS), 0, -1):
            norm = normalize_name(" ".join(toks[:n]))
            if norm and self._lookup(norm):
                return self._bare(norm)
        return None

    def _bare(self, norm: str) -> Place | None:
        """Best place for a normalised name without context (cached)."""

        def make():
            cands = self._lookup(norm)
            return rank(cands, None)[0][1] if cands else None

        return self._bare_cache.get_or(norm, make)

    def _context(self, name: str, norm: str, context) -> Context | None:
        if context is None:
            return None
        if isinstance(context, Context):
            return context
        if isinstance(context, str):
            key = (norm, context)
            ctx = self._ctx_cache.get(key)  # hot path: a plain dict hit
            if ctx is None:
                ctx = self._ctx_cache.get_or(key, lambda: self._context_for_name(norm, context))
            return ctx
        places = [p for p in context if isinstance(p, Place)]
        return self._places_context(places, tuple(p.gazetteer_id for p in places))

    def _places_context(self, places: list[Place], ids: tuple[str, ...]) -> Context:
        """The Context of resolved places (``ids``: their gazetteer ids), cached.

        Keyed by the places alone, not the name: every name resolved with
        the same places shares one Context, and with it the grid and the
        proximity memo of :func:`gazetteer.resolve._proximities`.
        """
        key = ("places", ids)
        ctx = self._ctx_cache.get(key)  # hot path: a plain dict hit
        if ctx is None:
            ctx = self._ctx_cache.get_or(key, lambda: Context.from_places(places))
        return ctx

    def _document(self, text: str) -> tuple[list[tuple[int, int, str, str, Place | None]], Context]:
        """Names found in a context text with their bare resolutions (cached per text)."""

        def make():
            entries = []
            for start, end, surface in self.find_names(text[:200_000], capitalised_only=True):
                snorm = normalize_name(surface)
                entries.append((start, end, snorm, translit_of_normalized(snorm), self._confident(snorm)))
            return entries, Context.from_places([e[4] for e in entries if e[4] is not None])

        return self._doc_cache.get_or(text, make)

    def _confident(self, norm: str) -> Place | None:
        """Bare reading of a context name, unless it rests on an obscure alias."""
        cands = self._lookup(norm)
        if not cands:
            return None
        best = self._bare(norm)
        quality = next(b for p, b in cands if p is best) / max(prior(best.feature_type, best.population), 1e-9)
        # Context from obscure alternate names is mostly noise.
        if best.feature_type in ("country", "admin1") or quality >= MATCH_TRANSLIT_PRIMARY - 1e-9:
            return best
        return None

    def _context_for_name(self, norm: str, text: str) -> Context:
        entries, base = self._document(text)
        tkey = translit_of_normalized(norm)
        padded = f" {norm} "

        def mentions(e) -> bool:
            return e[2] == norm or e[3] == tkey or padded in f" {e[2]} "

        if not any(mentions(e) for e in entries):
            return base  # the document does not name the query: shared context
        places, parents = [], []
        for e in entries:
            if mentions(e):
                # A mention of the query itself is no evidence for its own
                # reading, but a parent written next to it is.
                for ptext in parents_in_text(text, e[0], e[1]):
                    p = self._resolve_parent(ptext)
                    if p is not None and p not in parents:
                        parents.append(p)
            elif e[4] is not None:
                places.append(e[4])
        return Context.from_places(places, parents)

    def _fuzzy(self, name: str, norm: str, ctx, country, limit) -> Resolution:
        ordered, fuzzy_scores, suggestions = self._fuzzy_cache.get_or(norm, lambda: self._fuzzy_match(norm))
        if ordered is None:
            return Resolution(
                name, None, [], False,
                unresolved_reason=f"no place in the gazetteer is called {name.strip()!r}",
                suggestions=list(suggestions),
            )
        scored = rank(ordered, ctx, country)
        res = self._resolution(name, scored, limit, fuzzy_scores)
        res.suggestions = list(suggestions)
        return res

    def _fuzzy_match(self, norm: str) -> tuple[list | None, dict | None, tuple[str, ...]]:
        """The context-free part of the fuzzy fallback for ``norm``.

        Returns the candidates ``(place, base)`` best first (None when no
        name is similar enough), the matched name and similarity per
        candidate id, and the suggested names.  Cached per name: a
        misspelling recurs across a batch of reports, each time with
        another context, and the edit-distance scan is the costly part.
        """
        from rapidfuzz import fuzz, process

        # Plain edit similarity: partial/token scorers match any long name
        # that merely contains a one-letter alias.
        choices = process.extract(
            norm, self._names_near_length(norm, _FUZZY_CUTOFF), scorer=fuzz.ratio, limit=12, score_cutoff=_FUZZY_CUTOFF
        )
        if not choices:
            near = process.extract(
                norm, self._names_near_length(norm, _SUGGEST_CUTOFF), scorer=fuzz.ratio, limit=5,
                score_cutoff=_SUGGEST_CUTOFF,
            )
            return None, None, tuple(self._suggestions([c[0] for c in near]))
        cands: dict[str, tuple[Place, float]] = {}
        fuzzy_scores: dict[str, tuple[str, float]] = {}
        for cand_norm, score, _ in choices:
            # plain edit similarity keeps token-subset matches ("kabul x") from
            # outranking true near misses
            sim = fuzz.ratio(norm, cand_norm) / 100.0
            for p, base in self._lookup(cand_norm):
                b = base * 0.6 * sim
                if p.gazetteer_id not in cands or b > cands[p.gazetteer_id][1]:
                    cands[p.gazetteer_id] = (p, b)
                    fuzzy_scores[p.gazetteer_id] = (cand_norm, round(score / 100.0, 4))
        ordered = sorted(cands.values(), key=lambda pb: (-pb[1], -pb[0].population, pb[0].gazetteer_id))
        return ordered[:_MAX_CANDIDATES], fuzzy_scores, tuple(self._suggestions([c[0] for c in choices]))

    def _names_near_length(self, norm: str, cutoff: float) -> list[str]:
        """Names sharing the first letter of ``norm`` that may reach a ratio
        >= cutoff with it (a superset of those that do, in bucket order).

        Misspellings rarely change the first letter, and bucketing by it
        makes the fallback ~20 times cheaper; :class:`_NameBucket` then
        drops the names whose length or letters rule the cutoff out.
        """
        if self._by_length is None:
            with self._lock:
                if self._by_length is None:
                    buckets: dict[str, list[str]] = {}
                    for n in self._name_set():
                        buckets.setdefault(n[:1], []).append(n)
                    for b in buckets.values():
                        # by (length, name), in two stable sorts: the index
                        # stores names sorted, so the first is nearly free
                        b.sort()
                        b.sort(key=len)
                    by_length = {k: _NameBucket(b) for k, b in buckets.items()}
                    for b in by_length.values():
                        # ~0.6 s and ~36 MB for all, now rather than in
                        # the middle of the first reports
                        if len(b.names) >= b.FILTER_MIN:
                            b._letter_counts()
                    self._by_length = by_length
        bucket = self._by_length.get(norm[:1])
        return bucket.near(norm, cutoff) if bucket is not None else []

    def _suggestions(self, norms: list[str]) -> list[str]:
        out: list[str] = []
        for n in norms:
            p = self._bare(n)
            if p is not None and p.name not in out:
                out.append(p.name)
        return out[:5]

    # ---------------------------------------------------------- text matching
    def _name_set(self) -> dict[str, None]:
        """The distinct names of the text matcher, as the keys of a dict.

        A dict rather than a set: a dict holding only strings is not
        tracked by the garbage collector, while a set of a million names is
        walked by every full collection (~0.2-0.7 s each, several per
        first reading of a batch of reports).
        """
        if self._names is None:
            with self._lock:
                if self._names is None:
                    names, firsts = _load_name_keys(self._con)
                    names.update(dict.fromkeys(self._user_norm))
                    firsts.update(dict.fromkeys(n.split(" ", 1)[0] for n in self._user_norm))
                    self._first_tokens = firsts
                    self._names = names
        return self._names

    def find_names(
        self, text: str, *, min_population: int = 0, capitalised_only: bool = False
    ) -> list[tuple[int, int, str]]:
        """Find gazetteer names in running text.

        A raw matcher: token n-grams (up to six words) whose normalised form
        is a name or alias of some place; the longest match starting at a
        word wins and matching resumes after it.

        Parameters
        ----------
        text : str
            Any text.
        min_population : int
            Skip names whose most populous city is smaller (countries,
            admin1 areas and curated/user places always pass).
        capitalised_only : bool
            Only names whose first letter is upper case (or uncased script).

        Returns
        -------
        list of (start, end, surface)
            Character offsets into ``text`` and ``text[start:end]``.

        Examples
        --------
        >>> get_gazetteer().find_names("Strikes hit Kabul and Paktia.", capitalised_only=True)
        [(12, 17, 'Kabul'), (22, 28, 'Paktia')]
        """
        if not isinstance(text, str) or not text:
            return []
        words = [(m.start(), m.end(), normalize_name(m.group())) for m in _WORD.finditer(text)]
        n = len(words)
        # glue[j]: how word j joins word j+1 inside a name (None: it cannot)
        glue = []
        for j in range(n - 1):
            gap = text[words[j][1] : words[j + 1][0]]
            if gap == " ":
                glue.append(" ")  # by far the most common gap
            elif _JOINABLE_GAP.fullmatch(gap):
                glue.append("" if _APOS_ONLY.fullmatch(gap) else " ")
            else:
                glue.append(None)
        glue.append(None)
        names = self._names
        if names is None:
            self._find_calls += 1
            if self._find_calls > 2 or len(text) > 20_000:
                names = self._name_set()  # a long-running job: worth ~1 s of loading
        first = self._first_tokens if names is not None else None
        grams: list[list[str]] = []
        for i in range(n):
            s0, _, w0 = words[i]
            keys: list[str] = []
            if (capitalised_only and not _capitalised(text[s0])) or (
                first is not None and w0 not in first and glue[i] != ""
            ):
                grams.append(keys)
                continue
            key, j = w0, i
            keys.append(key)
            while glue[j] is not None and len(keys) < MAX_NAME_TOKENS + 2:
                key = key + glue[j] + words[j + 1][2]
                keys.append(key)
                j += 1
            grams.append(keys)
        if names is None:
            # Few calls so far: ask the index instead of loading every name.
            names = self._present({k for keys in grams for k in keys})
        out = []
        i = 0
        while i < n:
            keys = grams[i]
            best_k = -1
            for k in range(len(keys) - 1, -1, -1):
                if keys[k] in names:
                    best_k = k
                    break
            if best_k < 0 or (min_population and not self._passes_population(keys[best_k], min_population)):
                i += 1
                continue
            start, end = words[i][0], words[i + best_k][1]
            out.append((start, end, text[start:end]))
            i += best_k + 1
        return out

    def _present(self, keys: set[str]) -> set[str]:
        """Which of these normalised strings are names, straight from SQLite."""
        found = {k for k in keys if k in self._user_norm}
        keys = list(keys)
        with self._lock:
            for i in range(0, len(keys), 900):
                chunk = keys[i : i + 900]
                sql = f"SELECT DISTINCT norm FROM names WHERE norm IN ({','.join('?' * len(chunk))})"
                found.update(r[0] for r in self._con.execute(sql, chunk))
        return found

    def _passes_population(self, norm: str, min_population: int) -> bool:
        for p, _ in self._lookup(norm):
            if p.feature_type != "city" or p.population >= min_population:
                return True
        return False

    # -------------------------------------------------------------- geometry
    def geometry(self, place: Place):
        """Shapely geometry of a place: its polygon for countries, admin1 areas
        and areal user places, otherwise its point.

        Examples
        --------
        >>> gaz = get_gazetteer()
        >>> gaz.geometry(gaz.resolve("Kabul").best).geom_type
        'Point'
        """
        from shapely.geometry import Point

        if place.gazetteer_id in self._user_shapes:
            return self._user_shapes[place.gazetteer_id]
        try:
            from gazetteer import boundaries

            if place.feature_type == "admin1" and place.gazetteer_id.startswith("ne:"):
                geom = boundaries.admin1_polygon(place.gazetteer_id)
                if geom is not None:
                    return geom
            if place.feature_type == "country" and place.country_code:
                geom = boundaries.country_polygon(place.country_code)
                if geom is not None:
                    return geom
        except (ImportError, LookupError, AttributeError):
            pass  # no polygon available: fall back to the representative point
        return Point(place.lon, place.lat)

    # ----------------------------------------------------------- user layers
    def add_layer(self, source, name: str | None = None) -> list[Place]:
        """Add user places from a CSV, GeoJSON or GeoNames dump file, or a DataFrame.

        Parameters
        ----------
        source : path or pandas.DataFrame
            CSV with ``name,lat,lon`` (optional ``aliases`` '|'-separated,
            ``feature_type``, ``country_code``, ``admin1``, ``radius_m``,
            ``source``, ``id``); GeoJSON Points/Polygons with a ``name``
            property; or a GeoNames ``allCountries.txt``/``citiesN.txt`` dump.
        name : str, optional
            Layer name used in ids ``user:<layer>:<id>`` (default: file stem).

        Returns
        -------
        list of Place
            The places added.

        Raises
        ------
        LayerFormatError
            Naming the line/feature and column at fault and the expected format.
        """
        from gazetteer.layers import layer_name_for, read_layer

        layer = layer_name_for(name, source)
        if layer in self._layers:
            raise LayerFormatError(f"a layer named {layer!r} was already added; pass another name=")
        records, shapes = read_layer(source, layer)
        added = []
        for r in records:
            p = Place(r.name, r.lat, r.lon, r.country_code, r.admin1, r.feature_type, r.gazetteer_id, r.population,
                      r.precision_m, r.source, 1.0, False, r.name, r.admin1_code)
            self._user_by_id[p.gazetteer_id] = p
            seen = set()
            for raw, kind in r.names:
                norm = normalize_name(raw)
                if not norm or norm in seen:
                    continue
                seen.add(norm)
                self._user_norm.setdefault(norm, []).append((p, kind))
                self._user_tkey.setdefault(translit_of_normalized(norm), []).append((p, kind))
                if self._names is not None:
                    self._names[norm] = None
                    self._first_tokens[norm.split(" ", 1)[0]] = None
            added.append(p)
        self._user_shapes.update(shapes)
        self._layers[layer] = len(added)
        # cached candidate lists and contexts may now be incomplete
        self._cand_cache.clear()
        self._ctx_cache.clear()
        self._doc_cache.clear()
        self._result_cache.clear()
        self._by_length = None
        self._bare_cache.clear()
        self._fuzzy_cache.clear()
        return added

    @property
    def layers(self) -> dict[str, int]:
        """User layers added so far: name -> number of places."""
        return dict(self._layers)


class _NameBucket:
    """Names sharing a first letter, sorted by (length, name), with the
    means to rule most of them out of a fuzzy match cheaply.

    ``fuzz.ratio`` is 200 * LCS / (a + b) for lengths a and b, and the
    longest common subsequence LCS is at most min(a, b) and at most the
    letters the two names share (counted with repetition).  The first bound
    gives a window of lengths (a bisection); the second is summed over
    per-name letter counts in numpy, so rapidfuzz only scores the few
    hundred names of a 30,000-name window that can reach the cutoff.
    Dropping names that cannot reach it leaves rapidfuzz's answer
    unchanged: its top matches are ordered by score, then by position,
    and the survivors keep their order.

    Immutable tuples, and numpy arrays built on first use: the garbage
    collector does not walk them.
    """

    __slots__ = ("names", "lengths", "_counts", "_lens")

    #: Windows smaller than this go to rapidfuzz unfiltered.
    FILTER_MIN = 500

    def __init__(self, names: list[str]):
        self.names = tuple(names)
        self.lengths = tuple(map(len, self.names))
        self._counts = None
        self._lens = None

    def near(self, norm: str, cutoff: float) -> list[str]:
        """Names that may reach ``fuzz.ratio(norm, name) >= cutoff``, in order."""
        # ratio <= 200 min(a, b) / (a + b): lengths outside [a / f, a * f]
        # with f = 200 / cutoff - 1 cannot reach the cutoff
        f = 200.0 / cutoff - 1.0
        a = len(norm)
        lo = bisect.bisect_left(self.lengths, math.ceil(a / f))
        hi = bisect.bisect_right(self.lengths, math.floor(a * f))
        query: dict[int, int] = {}
        for ch in norm:
            col = _letter_column(ch)
            query[col] = query.get(col, 0) + 1
        if hi - lo < self.FILTER_MIN or max(query.values()) > 255:
            return list(self.names[lo:hi])  # (counts are stored saturated at 255)
        import numpy as np

        counts, lens = self._letter_counts()
        # Small integer types and no temporaries: the sums are at most
        # 32 columns * 255, and narrow arrays halve the memory traffic of
        # this, the costly part of a fuzzy lookup.
        shared = np.zeros(hi - lo, dtype=np.int16)
        tmp = np.empty(hi - lo, dtype=np.uint8)
        for col, k in query.items():
            np.minimum(counts[col, lo:hi], k, out=tmp)
            shared += tmp
        # 200 * LCS >= cutoff * (a + b) is needed; one point of slack keeps
        # float rounding in rapidfuzz's score from mattering
        keep = np.flatnonzero(200 * shared.astype(np.int32) >= (cutoff - 1) * (lens[lo:hi] + a))
        names = self.names
        return [names[i] for i in (keep + lo).tolist()]

    def _letter_counts(self):
        """(columns x names) uint8 letter counts and the name lengths."""
        if self._counts is None:
            import numpy as np

            n = len(self.names)
            lens = np.fromiter(self.lengths, dtype=np.int32, count=n)
            cps = np.frombuffer("".join(self.names).encode("utf-32-le", "surrogatepass"), dtype="<u4").astype(np.int64)
            cols = np.where((cps >= 97) & (cps <= 122), cps - 97, np.where(cps == 32, 26, 27 + cps % 5))
            rows = np.repeat(np.arange(n, dtype=np.int64), self.lengths)
            counts = np.bincount(rows * _LETTER_COLUMNS + cols, minlength=n * _LETTER_COLUMNS)
            counts = np.minimum(counts, 255).astype(np.uint8).reshape(n, _LETTER_COLUMNS)
            self._lens = lens
            self._counts = np.ascontiguousarray(counts.T)
        return self._counts, self._lens


#: Letter-count columns: a-z, space, and five shared by every other
#: character (sharing a column only loosens the bound).
_LETTER_COLUMNS = 32


def _letter_column(ch: str) -> int:
    """The column of :meth:`_NameBucket._letter_counts` a character counts in."""
    o = ord(ch)
    if 97 <= o <= 122:
        return o - 97
    return 26 if o == 32 else 27 + o % 5


def _load_name_keys(con) -> tuple[dict[str, None], dict[str, None]]:
    """The text matcher's names and their first words, as dict keys
    (:func:`gazetteer.index.load_names` without the garbage-collected sets)."""
    out = []
    for key in ("names_text", "first_tokens_text"):
        row = con.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
        out.append(dict.fromkeys(row[0].split("\n")) if row and row[0] else {})
    return out[0], out[1]


def _capitalised(surface: str) -> bool:
    ch = surface[0]
    return ch.isupper() or not ch.islower()


_DEFAULT: Gazetteer | None = None
_DEFAULT_LOCK = threading.Lock()


def get_gazetteer() -> Gazetteer:
    """The process-wide default :class:`Gazetteer` (built/opened on first call).

    Examples
    --------
    >>> get_gazetteer() is get_gazetteer()
    True
    """
    global _DEFAULT
    if _DEFAULT is None:
        with _DEFAULT_LOCK:
            if _DEFAULT is None:
                _DEFAULT = Gazetteer()
    return _DEFAULT


def _without_far_loose(cands, ctx: Context | None):
    """Drop spelling-folded matches in countries the context never names.

    Transliteration folding is deliberately loose (Tawila folds like Tuvalu),
    so a folded match is only believable near what the document is about;
    exact names and aliases always stay.
    """
    loose = getattr(cands, "loose", None)
    if not loose or ctx is None or not ctx.countries:
        return cands
    # only a CandidateList has loose members
    return cands.within(frozenset(ctx.countries))
