"""Speed of geoparsing, claim checking and vectorised geodesics.

Prints (CPU seconds of this process, so a busy machine skews less):

* geoparse: milliseconds per report of about 500 words with a warm
  gazetteer, and reports per second on one core;
* the sample report in ../shared/seed (or the bundled example);
* extract_claims on the same reports;
* geodesics: one million point pairs through ``pyproj.Geod.inv``;
* a 1 MB document (time and peak traced memory), to show the cost is linear.

Run: ``.venv/bin/python benchmarks/bench_geoparse.py [--seconds 3]``
"""

from __future__ import annotations

import argparse
import os
import platform
import time
import tracemalloc
from pathlib import Path

import numpy as np

REPO = Path(__file__).resolve().parents[1]
SEED = REPO.parent / "shared" / "seed"
EXAMPLE = REPO / "geoconflict" / "examples" / "border_strikes.txt"
TEST_REPORTS = REPO / "tests" / "reports"

from bench_extract import _corpus  # noqa: E402 - the benchmarks share one corpus


def _per_call(fn, items, seconds: float) -> float:
    """CPU seconds per call of ``fn`` over ``items``, repeated for ``seconds``."""
    calls, start = 0, time.process_time()
    while True:
        for item in items:
            fn(item)
        calls += len(items)
        spent = time.process_time() - start
        if spent >= seconds:
            return spent / calls


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=3.0, help="time budget per measurement")
    args = parser.parse_args()

    from gazetteer import get_gazetteer
    from geoconflict.claims import extract_claims
    from geoconflict.facts import geodesics
    from geoconflict.geoparsing import geoparse

    print(f"machine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}, "
          f"load average {os.getloadavg()[0]:.2f}")
    t0 = time.perf_counter()
    gaz = get_gazetteer()
    gaz.resolve("Kandahr")  # builds the fuzzy-match tables
    geoparse("Drones struck Kabul and Kandahar on Sunday, officials in Islamabad said.", gazetteer=gaz)
    corpus = _corpus()  # 100 distinct reports, shared with bench_extract.py
    print(f"warm-up (gazetteer start-up, outside the corpus): {time.perf_counter() - t0:.2f} s")

    words = sum(len(t.split()) for t in corpus) / len(corpus)
    start = time.process_time()
    for text in corpus:
        geoparse(text, gazetteer=gaz)
    first = (time.process_time() - start) / len(corpus)
    print(f"geoparse, first reading of {len(corpus)} distinct {words:.0f}-word reports: {first * 1000:.2f} ms each, "
          f"{1 / first:.0f} reports/s on one core")
    sec = _per_call(lambda t: geoparse(t, gazetteer=gaz), corpus, args.seconds)
    print(f"geoparse, the same reports again: {sec * 1000:.2f} ms each, {1 / sec:.0f} reports/s on one core")

    seed = sorted(SEED.glob("*.txt")) if SEED.is_dir() else []
    sample_path = seed[0] if seed else EXAMPLE
    sample = sample_path.read_text(encoding="utf-8")
    geoparse(sample, gazetteer=gaz)
    sec = _per_call(lambda t: geoparse(t, gazetteer=gaz), [sample], args.seconds / 2)
    print(f"geoparse, {sample_path.name} ({len(sample.split())} words): {sec * 1000:.2f} ms")

    parsed = [(t, geoparse(t, gazetteer=gaz)) for t in corpus]
    sec = _per_call(lambda tm: extract_claims(tm[0], tm[1], gazetteer=gaz), parsed, args.seconds / 2)
    print(f"extract_claims, {words:.0f}-word reports: {sec * 1000:.2f} ms each")

    rng = np.random.default_rng(0)
    n = 1_000_000
    lats1, lats2 = rng.uniform(-80, 80, n), rng.uniform(-80, 80, n)
    lons1, lons2 = rng.uniform(-180, 180, n), rng.uniform(-180, 180, n)
    start = time.process_time()
    geodesics(lats1, lons1, lats2, lons2)
    print(f"geodesics, {n:,} pairs (pyproj Geod.inv, WGS84): {time.process_time() - start:.2f} s")

    big = ("\n\n".join(corpus) + "\n\n") * (1_000_000 // (len("\n\n".join(corpus)) + 2) + 1)
    big = big[:1_000_000]
    tracemalloc.start()
    start = time.process_time()
    mentions = geoparse(big, gazetteer=gaz)
    spent = time.process_time() - start
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    print(f"geoparse, 1 MB document: {spent:.2f} s (traced), {len(mentions):,} mentions, "
          f"peak traced memory {peak / 1e6:.0f} MB")


if __name__ == "__main__":
    main()
