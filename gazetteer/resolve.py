"""Ranking candidates: priors, explicit parents and document context.

The score of a candidate place for a query is, clipped to 0..1::

    prior(kind, population) * match_quality
      + parent bonus     (the query or context names a containing place)
      + country/admin1 bonus (the document is about that country / province)
      + proximity bonus  (near the other places the document names)

Priors favour countries, then large cities and first-level divisions; a match
on a place's preferred name beats a match on one of its alternate names (so
bare "Islamabad" is Pakistan's capital, not Anantnag, which GeoNames also
calls Islamabad).  Everything here is pure ranking logic; the
:class:`gazetteer.core.Gazetteer` feeds it candidates and context.
"""

from __future__ import annotations

import bisect
import math
import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from gazetteer.model import Place

__all__ = [
    "MATCH_EXACT",
    "MATCH_TRANSLIT_PRIMARY",
    "MATCH_ALIAS",
    "MATCH_TRANSLIT",
    "MATCH_ALIAS_CURATED",
    "PRIMARY_SPELLING_BONUS",
    "alias_quality",
    "Context",
    "prior",
    "parse_parent",
    "clean_parent",
    "parents_in_text",
    "rank",
    "CandidateList",
    "contains",
    "distance_m",
    "is_ambiguous",
]

#: Match quality of the query against a candidate's names.
MATCH_EXACT = 1.0  # preferred name, after normalisation
MATCH_ALIAS_CURATED = 0.92  # alternate name of a country, admin1 area, curated or user place
MATCH_TRANSLIT_PRIMARY = 0.87  # preferred name, after transliteration folding
MATCH_ALIAS = 0.82  # GeoNames alternate name of a populated place
MATCH_TRANSLIT = 0.75  # an alternate name after transliteration folding
#: Added when the query also folds to the preferred name's transliteration key.
PRIMARY_SPELLING_BONUS = 0.03


def alias_quality(place: Place) -> float:
    """Quality of a match on an alternate name of ``place``.

    GeoNames lists thousands of alternate names per big city, some of them
    wrong or belonging to a neighbour (Anantnag is "Islamabad" there);
    Natural Earth's and curated alias lists are short and edited.

    Examples
    --------
    >>> alias_quality(Place("Kabul", 34.5, 69.2, "AF", None, "city", "geonames:1")) < MATCH_ALIAS_CURATED
    True
    """
    return MATCH_ALIAS if place.feature_type == "city" else MATCH_ALIAS_CURATED


_GEOD = None


def _geod():
    # pyproj costs ~0.1 s to import: only pay it when distances are needed
    global _GEOD
    if _GEOD is None:
        from pyproj import Geod

        _GEOD = Geod(ellps="WGS84")
    return _GEOD


def distance_m(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """WGS84 geodesic distance in metres (pyproj).

    Examples
    --------
    >>> round(distance_m(0, 0, 0, 1) / 1000, 1)
    111.3
    """
    return _geod().inv(lon1, lat1, lon2, lat2)[2]

_PARENT_BONUS = 0.45
_PARENT_MISS = -0.15
_COUNTRY_BONUS = 0.15
_ADMIN1_BONUS = 0.10
_PROXIMITY_BONUS = 0.12
_PROXIMITY_SCALE_KM = 150.0
_COUNTRY_FILTER_MISS = -0.5
_MAX_BONUS = _COUNTRY_BONUS + _ADMIN1_BONUS + _PROXIMITY_BONUS
#: Runner-up within this score of the best makes a resolution ambiguous.
AMBIGUITY_MARGIN = 0.05


def prior(feature_type: str, population: int) -> float:
    """Prior plausibility of a place being the one meant, before context.

    Examples
    --------
    >>> prior("country", 0) > prior("admin1", 0) > prior("city", 500)
    True
    >>> prior("city", 4_000_000) > prior("admin1", 0)
    True
    """
    if feature_type == "country":
        return 0.90
    if feature_type == "admin1":
        return 0.66
    if feature_type == "city":
        return min(0.80, max(0.40, 0.35 + 0.06 * math.log10(max(population, 1))))
    return 0.55  # curated and user landmarks/areas


@dataclass
class Context:
    """What the rest of a document says about where it is.

    ``countries`` and ``admin1`` map ISO codes / ``CC.CODE`` admin1 codes to
    weights in 0..1; ``points`` are ``(lat, lon, gazetteer_id)`` of other
    resolved places; ``parents`` are places explicitly named as containing
    the query ("Fayzabad in Badakhshan").
    """

    countries: dict[str, float] = field(default_factory=dict)
    admin1: dict[str, float] = field(default_factory=dict)
    points: list[tuple[float, float, str]] = field(default_factory=list)
    parents: list[Place] = field(default_factory=list)

    @classmethod
    def from_places(cls, places: Sequence[Place], parents: Sequence[Place] = ()) -> "Context":
        """Context from places already resolved elsewhere in the document."""
        cc_count: dict[str, int] = {}
        a1_count: dict[str, int] = {}
        points: dict[str, tuple[float, float, str]] = {}
        for p in places:
            if p is None:
                continue
            if p.country_code:
                cc_count[p.country_code] = cc_count.get(p.country_code, 0) + 1
            if p.admin1_code:
                a1_count[p.admin1_code] = a1_count.get(p.admin1_code, 0) + 1
            if p.feature_type != "country":
                points[p.gazetteer_id] = (p.lat, p.lon, p.gazetteer_id)
        return cls(_weights(cc_count), _weights(a1_count), list(points.values()), list(parents))

    @property
    def empty(self) -> bool:
        return not (self.countries or self.admin1 or self.points or self.parents)

    def near_cells(self) -> frozenset:
        """Grid cells with a context point in their 3x3 neighbourhood."""
        cells = self.__dict__.get("_near_cells")
        if cells is None:
            cells = frozenset(
                (ci + di, cj + dj) for ci, cj in self.grid() for di in (-1, 0, 1) for dj in (-1, 0, 1)
            )
            self.__dict__["_near_cells"] = cells
        return cells

    def grid(self) -> dict[tuple[int, int], list[tuple[float, float, str]]]:
        """Context points bucketed in cells of :data:`_CELL_DEG` degrees."""
        g = self.__dict__.get("_grid")
        if g is None:
            g = {}
            for pt in self.points:
                g.setdefault(_cell(pt[0], pt[1]), []).append(pt)
            self.__dict__["_grid"] = g
        return g


#: Proximity only looks at context points in the 3x3 cells around a
#: candidate; beyond ~2 cells the bonus exp(-d/150 km) is negligible anyway.
_CELL_DEG = 2.0


#: Offsets of a grid cell's 3x3 neighbourhood.
_NEIGHBOURS = tuple((di, dj) for di in (-1, 0, 1) for dj in (-1, 0, 1))


def _cell(lat: float, lon: float) -> tuple[int, int]:
    # math.floor of a float is already an int (called ~40,000 times a batch)
    return _floor(lat / _CELL_DEG), _floor(lon / _CELL_DEG)


_floor = math.floor


def _weights(counts: dict[str, int]) -> dict[str, float]:
    if not counts:
        return {}
    top = max(counts.values())
    return {k: v / top for k, v in counts.items()}


# Words that qualify a parent without being part of its name.
_DIRECTIONS = (
    r"(?:(?:north|south)(?:[- ]?(?:east|west))?(?:ern)?|east(?:ern)?|west(?:ern)?|central|upper|lower|"
    r"greater|mid|middle|far)"
)
_TYPES = (
    r"(?:province|provinces|district|state|region|governorate|city|town|village|area|county|division|territory|"
    r"oblast|prefecture|department|valley|capital|municipality|sector|neighbou?rhood|suburb|outskirts|"
    r"border|border crossing|tehsil|agency)"
)
_LEAD = re.compile(rf"^(?:the\s+)?(?:{_DIRECTIONS}\s+)*(?:part of\s+(?:the\s+)?)?", re.I)
_TRAIL = re.compile(rf"(?:\s+{_TYPES})+$", re.I)
_APOS = "'\u2019\u02bc"

_NAME_PATTERNS = (
    # "Faizabad, Islamabad", "Hyderabad, in Sindh province"
    re.compile(r"^(?P<t>[^,]+?)\s*,\s*(?:(?:in|near)\s+)?(?P<p>.+)$", re.I),
    # "Faizabad area of Islamabad"
    re.compile(rf"^(?P<t>.+?)\s+{_TYPES}\s+of\s+(?P<p>.+)$", re.I),
    # "Fayzabad in Badakhshan", "Tripoli in northern Lebanon"
    re.compile(r"^(?P<t>.+?)\s+(?:in|near|outside|inside|within)\s+(?P<p>.+)$", re.I),
    # "Islamabad's Faizabad (area)"
    re.compile(rf"^(?P<p>.+?)[{_APOS}]s\s+(?P<t>.+)$", re.I),
)


def clean_parent(text: str) -> str:
    """Strip direction and feature-type words around a parent name.

    Examples
    --------
    >>> clean_parent("northern Lebanon")
    'Lebanon'
    >>> clean_parent("Sindh province")
    'Sindh'
    >>> clean_parent("the north-western Khyber Pakhtunkhwa province")
    'Khyber Pakhtunkhwa'
    """
    s = " ".join(text.strip().strip(".;:").split())
    s = _LEAD.sub("", s)
    s = _TRAIL.sub("", s)
    return s.strip(" ,")


def clean_target(text: str) -> str:
    """Strip a trailing feature-type word ("Faizabad area" -> "Faizabad").

    Examples
    --------
    >>> clean_target("Faizabad area")
    'Faizabad'
    """
    s = " ".join(text.split())
    out = _TRAIL.sub("", s)
    return out or s


def parse_parent(name: str) -> list[tuple[str, str]]:
    """Possible ``(target, parent)`` readings of a name that embeds its parent.

    Examples
    --------
    >>> parse_parent("Faizabad, Islamabad")[0]
    ('Faizabad', 'Islamabad')
    >>> parse_parent("Tripoli in northern Lebanon")[0]
    ('Tripoli', 'Lebanon')
    >>> parse_parent("Islamabad's Faizabad area")[0]
    ('Faizabad', 'Islamabad')
    >>> parse_parent("Hyderabad, in Sindh province")[0]
    ('Hyderabad', 'Sindh')
    """
    out = []
    for pat in _NAME_PATTERNS:
        m = pat.match(name.strip())
        if m:
            t, p = clean_target(m.group("t")), clean_parent(m.group("p"))
            if t and p and (t, p) not in out:
                out.append((t, p))
    return out


# In running text, a parent is a capitalised phrase (optionally after a
# direction word) right next to the mention.
_CAP_PHRASE = rf"((?:{_DIRECTIONS}\s+)?[A-Z][\w\-]*(?:\s+(?:of\s+|and\s+)?[A-Z][\w\-]*){{0,3}})"
_AFTER = re.compile(
    rf"^(?:\s+{_TYPES})?(?:\s*,\s*(?:(?:in|near)\s+)?|\s+(?:in|near|outside|of)\s+|\s+{_TYPES}\s+of\s+)(?:the\s+)?"
    + _CAP_PHRASE
)
_BEFORE = re.compile(r"([A-Z][\w\-]*(?:\s+[A-Z][\w\-]*){0,3})[" + _APOS + r"]s\s+$")


def parents_in_text(text: str, start: int, end: int) -> list[str]:
    """Parent phrases written next to the mention ``text[start:end]``.

    Examples
    --------
    >>> t = "strikes in Islamabad's Faizabad area near the capital"
    >>> parents_in_text(t, 23, 31)
    ['Islamabad']
    >>> t = "Tripoli in northern Lebanon was calm"
    >>> parents_in_text(t, 0, 7)
    ['Lebanon']
    """
    out = []
    m = _BEFORE.search(text[max(0, start - 60) : start])
    if m:
        out.append(m.group(1))
    m = _AFTER.match(text[end : end + 80])
    if m:
        out.append(m.group(1))
    cleaned = []
    for p in out:
        c = clean_parent(p)
        if c and c not in cleaned:
            cleaned.append(c)
    return cleaned


def contains(parent: Place, place: Place) -> float:
    """How well ``place`` lies inside ``parent``: 1 inside, 0.5 nearby, 0 not.

    Cities and landmarks count as containing what lies within their
    precision radius (at least 30 km, so a suburb belongs to its city).
    """
    if parent.gazetteer_id == place.gazetteer_id:
        return 0.0
    if parent.feature_type == "country":
        return 1.0 if place.country_code == parent.country_code else 0.0
    if parent.feature_type == "admin1":
        if parent.admin1_code and place.admin1_code == parent.admin1_code:
            return 1.0
        if place.feature_type == "admin1" or place.country_code != parent.country_code:
            return 0.0
        if parent.admin1_code and place.admin1_code:
            return 0.0  # both coded, and the codes differ
        # admin1 codes can be missing or disagree (Natural Earth vs GeoNames):
        # fall back to distance from the area's representative point.
        d = distance_m(parent.lat, parent.lon, place.lat, place.lon)
        return 1.0 if d <= max(parent.precision_m * 1.5, 30_000) else 0.0
    d = distance_m(parent.lat, parent.lon, place.lat, place.lon)
    reach = max(parent.precision_m * 2, 30_000)
    if d <= reach:
        return 1.0
    if d <= 3 * reach:
        return 0.5
    return 0.0


class CandidateList(list):
    """Candidates ``(place, base)`` sorted by base (best first), with the
    per-candidate fields ranking reads precomputed once.

    A plain list to every caller; :func:`rank` uses the parallel tuples so
    a resolve does no attribute lookups on candidates that cannot win.
    Build it only from a list already sorted by descending base.
    """

    __slots__ = ("places", "bases", "neg_bases", "ccs", "a1s", "_by_key", "_by_cell", "loose", "_within", "_loose_at")

    def __init__(self, items: Sequence[tuple[Place, float]] = (), loose: frozenset = frozenset()):
        super().__init__(items)
        #: ids of candidates matched only after transliteration folding
        self.loose = loose
        self.places = tuple(p for p, _ in self)
        self.bases = tuple(b for _, b in self)
        self.neg_bases = [-b for b in self.bases]  # ascending: bisect finds the pruning prefix
        # None never keys a context weight (Context.from_places skips it);
        # a private sentinel keeps that true for hand-made contexts too.
        self.ccs = tuple(p.country_code or _NO_KEY for p in self.places)
        self.a1s = tuple(p.admin1_code or _NO_KEY for p in self.places)
        self._by_key = None
        self._by_cell = None
        self._within = None
        self._loose_at = None

    def within(self, countries: frozenset) -> "CandidateList":
        """The candidates left when loose ones outside ``countries`` go.

        Same order, and still a CandidateList, so :func:`rank` keeps its
        fast path; remembered per set of countries, which the names of one
        document share.
        """
        memo = self._within
        if memo is None:
            memo = self._within = {}
        out = memo.get(countries)
        if out is None:
            loose = self.loose
            if self._loose_at is None:
                # positions and countries of the loose candidates, usually a few
                self._loose_at = tuple(
                    (i, p.country_code) for i, p in enumerate(self.places) if p.gazetteer_id in loose
                )
            drop = {i for i, cc in self._loose_at if cc not in countries}
            if not drop:
                out = _SAME  # not self: a list holding itself would need the collector to go
            else:
                keep = [c for i, c in enumerate(self) if i not in drop]
                out = CandidateList(keep, loose=loose.intersection(p.gazetteer_id for p, _ in keep))
            if len(memo) >= _WITHIN_MEMO:
                memo.clear()
            memo[countries] = out
        return self if out is _SAME else out

    def by_cell(self) -> dict:
        """Ascending candidate indices per proximity grid cell."""
        if self._by_cell is None:
            cells: dict = {}
            for i, p in enumerate(self.places):
                cells.setdefault(_cell(p.lat, p.lon), []).append(i)
            self._by_cell = {k: tuple(v) for k, v in cells.items()}
        return self._by_cell

    def near(self, ctx: "Context", n: int) -> list[int]:
        """Indices below ``n`` of candidates that can have a proximity bonus.

        :func:`_proximities` only measures to context points in the 3x3
        cells around a candidate; a candidate with none there scores 0.
        """
        cells = self.by_cell()
        grid = ctx.grid()
        if len(cells) < len(grid) and "_near_cells" not in ctx.__dict__:
            # Fewer candidate cells than context cells: probing the 3x3
            # neighbourhood of each candidate cell finds the same cells as
            # intersecting with near_cells(), without building that set for
            # a context that most often serves a single name.
            hit = [
                c for c in cells
                if any((c[0] + di, c[1] + dj) in grid for di, dj in _NEIGHBOURS)
            ]
        else:
            hit = cells.keys() & ctx.near_cells()
        if not hit:
            return []
        return sorted(i for c in hit for i in cells[c] if i < n)

    def by_key(self) -> tuple[dict, dict]:
        """Ascending candidate indices per country code and per admin1 code."""
        if self._by_key is None:
            by_cc: dict = {}
            by_a1: dict = {}
            for i, (cc, a1) in enumerate(zip(self.ccs, self.a1s)):
                by_cc.setdefault(cc, []).append(i)
                by_a1.setdefault(a1, []).append(i)
            self._by_key = ({k: tuple(v) for k, v in by_cc.items()}, {k: tuple(v) for k, v in by_a1.items()})
        return self._by_key


_NO_KEY = object()
_SAME = object()
_WITHIN_MEMO = 64


def rank(
    cands: Sequence[tuple[Place, float]],
    context: Context | None,
    country: str | None = None,
    top: int | None = None,
) -> list[tuple[float, Place]]:
    """Score candidates ``(place, base)`` (base = prior * match quality).

    Returns ``(score, place)`` pairs, best first; ties keep the input order
    (sorted by base, population and id), so the order is deterministic.  Scores are raw sums
    (they may leave 0..1); clip them for display.  With ``top``, only
    the first ``top`` entries are guaranteed to be right: candidates that
    cannot reach them are dropped or skip the proximity term.
    """
    ctx = context if context is not None and not context.empty else None
    if isinstance(cands, CandidateList) and not country and (ctx is None or not ctx.parents):
        return _rank_sorted(cands, ctx, top)
    if top is not None and len(cands) > top and not country and (ctx is None or not ctx.parents):
        # Bonuses are then all >= 0 and at most _MAX_BONUS: a candidate whose
        # base trails the top-th base by more cannot reach the top.  Lists
        # arrive sorted by base, so this is a prefix.
        cut = sorted((b for _, b in cands), reverse=True)[top - 1] - (_MAX_BONUS if ctx is not None else 0.0)
        cands = [c for c in cands if c[1] >= cut]
    partial = []
    for place, base in cands:
        s = base
        if ctx is not None:
            if ctx.parents:
                best = max(contains(p, place) for p in ctx.parents)
                s += _PARENT_BONUS * best if best > 0 else _PARENT_MISS
            if place.country_code:
                s += _COUNTRY_BONUS * ctx.countries.get(place.country_code, 0.0)
            if place.admin1_code:
                s += _ADMIN1_BONUS * ctx.admin1.get(place.admin1_code, 0.0)
        if country and place.country_code != country:
            s += _COUNTRY_FILTER_MISS
        partial.append(s)
    if ctx is not None and ctx.points:
        need = range(len(cands))
        if top is not None and len(cands) > top:
            # Skip proximity for candidates that cannot reach the top even with
            # the full bonus: most of a long candidate list.
            kth = sorted(partial, reverse=True)[top - 1]
            need = [i for i, s in enumerate(partial) if s + _PROXIMITY_BONUS >= kth]
        for i, px in zip(need, _proximities([cands[i][0] for i in need], ctx)):
            partial[i] += _PROXIMITY_BONUS * px
    # Raw sums order the list (two readings both past 1.0 stay distinct);
    # callers clip to 0..1 when they report a score.
    # Ties keep the input order (callers pass candidates sorted by base score,
    # population and id), which keeps the result deterministic; sorting plain
    # tuples avoids a Python key function per candidate.
    order = sorted(zip([-x for x in partial], range(len(partial))))
    return [(-neg, cands[i][0]) for neg, i in order]


def _rank_sorted(cands: CandidateList, ctx: Context | None, top: int | None) -> list[tuple[float, Place]]:
    """:func:`rank` for a :class:`CandidateList` without parents or a country
    filter: the same sums in the same order, over precomputed tuples."""
    n = len(cands)
    places, bases = cands.places, cands.bases
    if top is not None and n > top:
        # Every bonus is >= 0 and at most _MAX_BONUS: a candidate whose base
        # trails the top-th base by more cannot reach the top.  Bases are
        # sorted, so the survivors are a prefix.
        cut = bases[top - 1] - (_MAX_BONUS if ctx is not None else 0.0)
        n = bisect.bisect_right(cands.neg_bases, -cut)
    if ctx is None:
        # no bonus: the input order is the ranking
        return [(bases[i], places[i]) for i in range(n if top is None else min(n, top))]
    cget, aget = ctx.countries.get, ctx.admin1.get
    if top is not None and n > top + _SPARSE_MIN_EXTRA and len(ctx.countries) + len(ctx.admin1) < n:
        return _rank_sparse(cands, ctx, top, n)
    partial = [
        b + _COUNTRY_BONUS * cget(cc, 0.0) + _ADMIN1_BONUS * aget(a1, 0.0)
        for b, cc, a1 in zip(bases[:n], cands.ccs, cands.a1s)
    ]
    near = cands.near(ctx, n) if ctx.points else ()
    if near:
        # candidates far from every context point would add 0.0: skip them
        if top is not None and n > top:
            kth = sorted(partial, reverse=True)[top - 1]
            need = [i for i in near if partial[i] + _PROXIMITY_BONUS >= kth]
        else:
            need = near
        for i, px in zip(need, _proximities([places[i] for i in need], ctx)):
            partial[i] += _PROXIMITY_BONUS * px
    order = sorted(zip([-x for x in partial], range(n)))
    if top is not None:
        del order[top:]
    return [(-neg, places[i]) for neg, i in order]


#: Long lists are ranked sparsely (only candidates the context boosts, plus
#: the best unboosted ones) once they exceed ``top`` by this many.
_SPARSE_MIN_EXTRA = 8


def _rank_sparse(cands: CandidateList, ctx: Context, top: int, n: int) -> list[tuple[float, Place]]:
    """The first ``top`` entries of the dense ranking of ``cands[:n]``.

    Only candidates in a country or admin1 area the context names get a
    country/admin1 bonus; every other candidate scores its base (plus
    proximity), and bases are sorted.  So the top can only come from the
    boosted candidates, the first ``top`` unboosted ones, and the unboosted
    ones that proximity could lift past the ``top``-th score; the rest of
    a 200-name list ("San Jose") is never touched.
    """
    places, bases, ccs, a1s = cands.places, cands.bases, cands.ccs, cands.a1s
    by_cc, by_a1 = cands.by_key()
    cget, aget = ctx.countries.get, ctx.admin1.get
    part: dict[int, float] = {}
    for table, keys in ((by_cc, ctx.countries), (by_a1, ctx.admin1)):
        for key in keys:
            for i in table.get(key, ()):
                if i >= n:
                    break  # index tuples are ascending
                if i not in part:
                    # the dense sum, term for term
                    part[i] = bases[i] + _COUNTRY_BONUS * cget(ccs[i], 0.0) + _ADMIN1_BONUS * aget(a1s[i], 0.0)
    # Unboosted candidates score exactly their base: the first ``top`` of
    # them bound every later one (same or lower score, later index).
    j = 0
    head = 0
    while head < top and j < n:
        if j not in part:
            part[j] = bases[j]
            head += 1
        j += 1
    near = cands.near(ctx, n) if ctx.points else ()
    if near:
        # Only candidates near a context point can gain; those past the
        # ``top``-th score by less than the full bonus are measured.
        kth = sorted(part.values(), reverse=True)[top - 1]
        need = []
        for i in near:
            v = part.get(i)
            if v is None:
                v = part[i] = bases[i]  # unboosted, beyond the head
            if v + _PROXIMITY_BONUS >= kth:
                need.append(i)
        for i, px in zip(need, _proximities([places[i] for i in need], ctx)):
            part[i] += _PROXIMITY_BONUS * px
    order = sorted([(-v, i) for i, v in part.items()])
    del order[top:]
    return [(-neg, places[i]) for neg, i in order]


#: Up to this many distances, one scalar pyproj call per pair beats one
#: vectorised call (measured crossover ~24 pairs).
_SCALAR_PAIRS = 16


def _proximities(places: Sequence[Place], ctx: Context) -> list[float]:
    """exp(-d / scale) to the nearest other context point, per place.

    Only points in neighbouring grid cells are measured, in one vectorised
    pyproj call; results are remembered per context, which documents share
    across all the names they contain.
    """
    memo = ctx.__dict__.setdefault("_prox", {})
    try:
        return [memo[c.gazetteer_id] for c in places]  # a document's names share one context
    except KeyError:
        pass
    grid = ctx.grid()
    todo, idx, lat1, lon1, lat2, lon2 = [], [], [], [], [], []
    for c in places:
        if c.gazetteer_id in memo:
            continue
        todo.append(c.gazetteer_id)
        memo[c.gazetteer_id] = 0.0
        ci, cj = _cell(c.lat, c.lon)
        for di in (-1, 0, 1):
            for dj in (-1, 0, 1):
                cell = grid.get((ci + di, cj + dj))
                if not cell:
                    continue
                for plat, plon, gid in cell:
                    if gid != c.gazetteer_id:  # a place is not its own context
                        idx.append(c.gazetteer_id)
                        lat1.append(c.lat)
                        lon1.append(c.lon)
                        lat2.append(plat)
                        lon2.append(plon)
    if idx:
        nearest: dict[str, float] = {}
        inv = _geod().inv
        if len(idx) <= _SCALAR_PAIRS:
            # pyproj spends ~4 us converting lists per call, more than a few
            # scalar calls cost; both run GeographicLib on the same doubles,
            # so the distances are bit-identical.
            dists = [inv(a, b, c, d)[2] for a, b, c, d in zip(lon1, lat1, lon2, lat2)]
        else:
            dists = inv(lon1, lat1, lon2, lat2)[2]
        for gid, d in zip(idx, dists):
            if d < nearest.get(gid, math.inf):
                nearest[gid] = d
        for gid, d in nearest.items():
            memo[gid] = math.exp(-d / 1000.0 / _PROXIMITY_SCALE_KM)
    return [memo[c.gazetteer_id] for c in places]


def is_ambiguous(scored: list[tuple[float, Place]]) -> bool:
    """True when a runner-up elsewhere scores within :data:`AMBIGUITY_MARGIN`.

    A runner-up that contains or is contained by the best (Islamabad city in
    Islamabad Capital Territory) is the same answer at another scale, not a
    competing reading.
    """
    if len(scored) < 2:
        return False
    s0, best = scored[0]
    for s, other in scored[1:]:
        if s0 - s > AMBIGUITY_MARGIN:
            return False
        if contains(other, best) or contains(best, other):
            continue
        return True
    return False
