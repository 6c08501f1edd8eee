"""Throughput and latency of ``read_report`` with a warm gazetteer.

Prints:

* reports of about 500 words per second on one core (target >= 200/s), for
  ``read_reports`` (a batch: tables built once for all reports, which is how
  ``geoconflict extract`` reads several reports) and for ``read_report``
  called once per report,
* the latency of the sample report in ../shared/seed, or of the bundled
  example when the sample is absent (target <= 50 ms),
* where the time goes, stage by stage (geoparse, incidents, stances, claims,
  containment, table building), so a slow stage can be found.

Run: ``.venv/bin/python benchmarks/bench_extract.py [--seconds 5]``
"""

from __future__ import annotations

import argparse
import os
import platform
import statistics
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SEED = REPO.parent / "shared" / "seed"
EXAMPLE = REPO / "geoconflict" / "examples" / "border_strikes.txt"
TEST_REPORTS = REPO / "tests" / "reports"


def _corpus(words: int = 500) -> list[str]:
    """Reports of about ``words`` words built from the bundled and test reports."""
    sources = [EXAMPLE, *sorted(TEST_REPORTS.glob("*.txt"))]
    out = []
    for path in sources:
        text = path.read_text(encoding="utf-8")
        paragraphs = [p for p in text.split("\n\n") if p.strip()]
        body, n, i = [], 0, 0
        while n < words:
            para = paragraphs[i % len(paragraphs)]
            body.append(para)
            n += len(para.split())
            i += 1
        out.append("\n\n".join(body))
    return out


def _stage_times(text: str, gaz) -> dict[str, float]:
    """Seconds per pipeline stage for one report (mirrors extract._extract)."""
    from geoconflict.actors import find_actors
    from geoconflict.claims import extract_claims
    from geoconflict.dates import find_published
    from geoconflict.events import extract_incidents
    from geoconflict.extract import _assemble, _Extraction, _place_rows
    from geoconflict.geoparsing import geoparse
    from geoconflict.stances import extract_stances
    from geoconflict.text import split_sentences

    t = {}

    def timed(stage, fn, *a, **kw):
        s = time.perf_counter()
        out = fn(*a, **kw)
        t[stage] = t.get(stage, 0.0) + time.perf_counter() - s
        return out

    published = timed("dates+sentences", find_published, text)
    sentences = timed("dates+sentences", split_sentences, text)
    mentions = timed("geoparse", geoparse, text, gazetteer=gaz)
    actors = timed("actors", find_actors, text)
    incidents = timed("incidents", extract_incidents, text, mentions, published=published,
                      sentences=sentences, actors=actors)
    stances = timed("stances", extract_stances, text, sentences=sentences, incidents=incidents,
                    mentions=mentions, actors=actors)
    claims = timed("claims", extract_claims, text, mentions, gazetteer=gaz)
    places = timed("place rows", _place_rows, mentions, gaz)
    meta = {"text": text, "published": published, "title": "", "source": ""}
    timed("tables, one report", _assemble, [_Extraction(meta, places, incidents, claims, stances)])
    return t


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--seconds", type=float, default=5.0, help="time budget of the throughput run")
    parser.add_argument("--batch", type=int, default=200, help="reports per read_reports call")
    args = parser.parse_args(argv)

    from gazetteer import get_gazetteer
    from geoconflict.extract import read_report, read_reports

    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {sorted(os.sched_getaffinity(0))[0]})  # one core
    print(f"machine: {platform.machine()} {platform.processor() or ''}, {os.cpu_count()} cpus, "
          f"Python {platform.python_version()}, pinned to one core")

    s = time.perf_counter()
    gaz = get_gazetteer()
    corpus = _corpus()
    for text in corpus:  # warm caches: gazetteer index, boundaries, regexes
        read_report(text, gazetteer=gaz)
    print(f"warm-up (gazetteer load + one pass): {time.perf_counter() - s:.2f} s")

    words = statistics.mean(len(t.split()) for t in corpus)
    batch = [corpus[i % len(corpus)] for i in range(args.batch)]
    rates = []
    deadline = time.perf_counter() + args.seconds
    while time.perf_counter() < deadline or not rates:
        s = time.perf_counter()
        read_reports(batch, gazetteer=gaz)
        rates.append(len(batch) / (time.perf_counter() - s))
    rate = statistics.median(rates)
    print(f"throughput, read_reports in batches of {len(batch)}: {rate:.1f} reports/s of ~{words:.0f} words "
          f"({1000 / rate:.2f} ms each, median of {len(rates)} batches; target >= 200/s)")

    n = 0
    s = time.perf_counter()
    while time.perf_counter() - s < args.seconds:
        read_report(corpus[n % len(corpus)], gazetteer=gaz)
        n += 1
    elapsed = time.perf_counter() - s
    rate = n / elapsed
    print(f"throughput, read_report one at a time: {rate:.1f} reports/s ({1000 / rate:.1f} ms each)")

    if sorted(SEED.glob("*.txt")):
        sample, label = sorted(SEED.glob("*.txt"))[0].read_text(encoding="utf-8"), "sample report"
    else:
        sample, label = EXAMPLE.read_text(encoding="utf-8"), "bundled example (sample absent)"
    runs = []
    for _ in range(20):
        s = time.perf_counter()
        read_report(sample, gazetteer=gaz)
        runs.append(time.perf_counter() - s)
    print(f"latency, {label} ({len(sample.split())} words): median {1000 * statistics.median(runs):.1f} ms, "
          f"best {1000 * min(runs):.1f} ms (target <= 50 ms)")

    totals: dict[str, float] = {}
    for text in corpus:
        for stage, sec in _stage_times(text, gaz).items():
            totals[stage] = totals.get(stage, 0.0) + sec
    print("time per ~500-word report by stage (read_report; read_reports replaces the last stage "
          "by one table build per batch):")
    for stage, sec in sorted(totals.items(), key=lambda kv: -kv[1]):
        print(f"  {stage:16s} {1000 * sec / len(corpus):7.2f} ms")
    return 0


if __name__ == "__main__":
    sys.exit(main())
