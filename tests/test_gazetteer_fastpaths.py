"""The gazetteer's fast paths give exactly what the plain computations give.

Each speed-up of resolving new names (the ``folds`` table, the narrow-integer
fuzzy prefilter, the neighbourhood probe, scalar geodesics) is checked here
against a straightforward reference on the real index.
"""

from __future__ import annotations

import math
import random

import pytest

from gazetteer import Gazetteer, get_gazetteer
from gazetteer.core import _FUZZY_CUTOFF, _SUGGEST_CUTOFF, _letter_column
from gazetteer.model import Place
from gazetteer.normalize import normalize_name, translit_of_normalized
from gazetteer import resolve as _resolve_mod
from gazetteer.resolve import (
    AMBIGUITY_MARGIN,
    MATCH_EXACT,
    MATCH_TRANSLIT,
    MATCH_TRANSLIT_PRIMARY,
    PRIMARY_SPELLING_BONUS,
    CandidateList,
    Context,
    _geod,
    _proximities,
    alias_quality,
    prior,
)

TRICKY = ["Kabul", "Islamabad", "Faizabad", "Fayzabad", "Paktya", "Paktia", "Kandahar", "Red Sea", "Persian Gulf",
          "San Jose", "Tripoli", "Georgia", "Khan Younis", "Mazar-e Sharif", "Al Qaim", "Rafah", "Tawila", "Goma",
          "Springfield", "Al-Fashir", "Qiryat Shmona", "Gaza", "Sanaa"]


@pytest.fixture(scope="module")
def gaz():
    return Gazetteer(index_path=get_gazetteer().index_path)  # no user layers


_SQL = "SELECT p.*, n.kind, n.tkey FROM names n JOIN places p ON p.id = n.place WHERE n.{}"


def _rows_by_tkey(gaz, norms: list[str]) -> dict[str, list[tuple]]:
    """``names JOIN places`` rows per transliteration key, in one scan (names
    has no index on tkey any more: ``folds`` serves those lookups)."""
    keys = sorted({translit_of_normalized(n) for n in norms})
    out: dict[str, list[tuple]] = {k: [] for k in keys}
    for row in gaz._con.execute(_SQL.format(f"tkey IN ({','.join('?' * len(keys))})"), keys):
        out[row[13]].append(row)
    return out


def _reference_lookup(gaz, norm: str, by_tkey: dict[str, list[tuple]]) -> tuple[list[tuple[str, float]], frozenset]:
    """Candidates and loose ids the way lookups worked before ``folds``: an
    exact query and a transliteration query on ``names JOIN places``."""
    best: dict[str, list] = {}
    exact_ids: set[str] = set()
    tkey = translit_of_normalized(norm)
    rows = [(r, False) for r in gaz._con.execute(_SQL.format("norm = ?"), (norm,))]
    rows += [(r, True) for r in by_tkey[tkey]]
    for row, translit in rows:
        place, kind = gaz._place_from_row(row), row[12]
        if not translit:
            exact_ids.add(place.gazetteer_id)
        if translit:
            q = MATCH_TRANSLIT_PRIMARY if kind == 0 else MATCH_TRANSLIT
        else:
            q = MATCH_EXACT if kind == 0 else alias_quality(place)
        cur = best.setdefault(place.gazetteer_id, [place, q, False])
        cur[1] = max(cur[1], q)
        cur[2] = cur[2] or (translit and kind == 0)
    out = []
    for p, q, primary_folds in best.values():
        if primary_folds and q < MATCH_EXACT:
            q = min(MATCH_EXACT, max(q, MATCH_TRANSLIT_PRIMARY) + PRIMARY_SPELLING_BONUS)
        out.append((p, prior(p.feature_type, p.population) * q))
    capitals: dict[str, float] = {}
    for p, b in out:
        if p.feature_type == "city" and p.admin1_code and p.population >= 50_000:
            capitals[p.admin1_code] = max(b, capitals.get(p.admin1_code, 0.0))
    out = [(p, min(b, capitals[p.admin1_code] - 0.02)) if p.feature_type == "admin1" and p.admin1_code in capitals
           else (p, b) for p, b in out]
    water = max((b for p, b in out if p.feature_type == "area" and not p.country_code
                 and p.gazetteer_id in exact_ids), default=None)
    if water is not None:
        out = [(p, min(b, water - AMBIGUITY_MARGIN - 0.01)) if p.feature_type == "admin1" else (p, b)
               for p, b in out]
    out.sort(key=lambda pb: (-pb[1], -pb[0].population, pb[0].gazetteer_id))
    return [(p.gazetteer_id, b) for p, b in out[:200]], frozenset(best.keys() - exact_ids)


def _sample_norms(gaz, k: int = 400) -> list[str]:
    rng = random.Random(7)
    n = gaz._con.execute("SELECT max(rowid) FROM names").fetchone()[0]
    rows = [gaz._con.execute("SELECT norm FROM names WHERE rowid = ?", (rng.randint(1, n),)).fetchone()
            for _ in range(k)]
    return [r[0] for r in rows if r] + [normalize_name(t) for t in TRICKY]


def test_folds_lookup_matches_names_join_places(gaz):
    norms = _sample_norms(gaz)
    by_tkey = _rows_by_tkey(gaz, norms)
    for norm in norms:
        cands = gaz._lookup_uncached(norm)
        assert isinstance(cands, CandidateList)
        expected, loose = _reference_lookup(gaz, norm, by_tkey)
        assert [(p.gazetteer_id, b) for p, b in cands] == expected, norm
        assert cands.loose == loose, norm


def test_folds_cover_every_exact_name(gaz):
    # A name's own key is where its exact matches are found -- all of them,
    # unless the list is cut at its cap (a key shared by 200+ places, "bola")
    from gazetteer.core import _MAX_CANDIDATES

    for norm in _sample_norms(gaz, 200):
        gids = {r[0] for r in gaz._con.execute(
            "SELECT p.gid FROM names n JOIN places p ON p.id = n.place WHERE n.norm = ?", (norm,))}
        cands = gaz._lookup_uncached(norm)
        if len(cands) < _MAX_CANDIDATES:
            assert gids <= {p.gazetteer_id for p, _ in cands} | cands.loose, norm


def test_name_bucket_prefilter_keeps_every_close_name(gaz):
    from rapidfuzz import fuzz

    gaz._names_near_length("kandahr", _FUZZY_CUTOFF)  # builds the buckets
    rng = random.Random(3)
    for norm in ["kandahr", "islamabd", "maungdaw", "mathiang", "north waziristan", "zamzam", "deraluk"]:
        bucket = gaz._by_length[norm[:1]]
        for cutoff in (_FUZZY_CUTOFF, _SUGGEST_CUTOFF):
            kept = bucket.near(norm, cutoff)
            # bucket order, and nothing that reaches the cutoff is dropped
            pos = {n: i for i, n in enumerate(bucket.names)}
            assert [pos[n] for n in kept] == sorted(pos[n] for n in kept)
            kept_set = set(kept)
            sample = rng.sample(bucket.names, min(20_000, len(bucket.names)))
            for name in sample:
                if fuzz.ratio(norm, name) >= cutoff:
                    assert name in kept_set, (norm, name)
            # the same survivors as the wide-integer formulation
            f = 200.0 / cutoff - 1.0
            a = len(norm)
            lo = next((i for i, n in enumerate(bucket.lengths) if n >= math.ceil(a / f)), len(bucket.lengths))
            hi = max((i + 1 for i, n in enumerate(bucket.lengths) if n <= math.floor(a * f)), default=0)
            if hi - lo >= bucket.FILTER_MIN:
                counts, lens = bucket._letter_counts()
                query: dict[int, int] = {}
                for ch in norm:
                    query[_letter_column(ch)] = query.get(_letter_column(ch), 0) + 1
                wide = []
                for i in range(lo, hi):
                    shared = sum(min(int(counts[col, i]), k) for col, k in query.items())
                    if 200 * shared >= (cutoff - 1) * (int(lens[i]) + a):
                        wide.append(bucket.names[i])
                assert kept == wide


def _place(gid: str, lat: float, lon: float, cc: str = "AF") -> Place:
    return Place(gid, lat, lon, cc, None, "city", gid, 1000, 0.0, "test", admin1_code=f"{cc}.01")


def test_neighbourhood_probe_equals_near_cells():
    rng = random.Random(11)
    for trial in range(200):
        pts = [_place(f"c{trial}:{i}", rng.uniform(20, 40), rng.uniform(40, 80)) for i in range(rng.randint(1, 30))]
        cands = CandidateList(
            sorted(((_place(f"k{trial}:{i}", rng.uniform(15, 45), rng.uniform(35, 85)), rng.random())
                    for i in range(rng.randint(1, 40))), key=lambda pb: -pb[1]))
        ctx = Context.from_places(pts)
        n = len(cands)
        probed = cands.near(ctx, n)  # fresh context: the probe (when candidates have fewer cells)
        ctx.near_cells()
        assert probed == cands.near(ctx, n)  # now through near_cells()


def test_proximities_scalar_and_vector_distances_agree(monkeypatch):
    rng = random.Random(5)
    pts = [_place(f"p:{i}", rng.uniform(30, 36), rng.uniform(65, 72)) for i in range(40)]
    cands = [_place(f"q:{i}", rng.uniform(28, 38), rng.uniform(63, 74)) for i in range(60)]
    monkeypatch.setattr(_resolve_mod, "_SCALAR_PAIRS", 10**9)
    scalar = _proximities(cands, Context.from_places(pts))
    monkeypatch.setattr(_resolve_mod, "_SCALAR_PAIRS", 0)
    vector = _proximities(cands, Context.from_places(pts))
    assert scalar == vector
    geod = _geod()
    for c, px in zip(cands, vector):
        ds = [geod.inv(c.lon, c.lat, p.lon, p.lat)[2] for p in pts
              if abs(math.floor(p.lat / 2) - math.floor(c.lat / 2)) <= 1
              and abs(math.floor(p.lon / 2) - math.floor(c.lon / 2)) <= 1]
        assert px == (math.exp(-min(ds) / 1000.0 / 150.0) if ds else 0.0)
