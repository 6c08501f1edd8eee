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
QUALITY_REPORTS = REPO / "benchmarks" / "quality" / "reports"


def _sources() -> list[str]:
    """Texts to build benchmark reports from: the bundled example, the test
    reports and the 34 reports of the quality benchmark (HTML decoded)."""
    from geoconflict.text import decode_input

    paths = [EXAMPLE, *sorted(TEST_REPORTS.glob("*.txt")), *sorted(QUALITY_REPORTS.glob("*"))]
    return [decode_input(p.read_bytes()) for p in paths if p.is_file()]


def _corpus(words: int = 500, n: int = 100) -> list[str]:
    """``n`` distinct reports of about ``words`` words.

    Report ``i`` takes the paragraphs of source ``i``, then of source ``i+7``,
    ``i+14`` ... until it has ``words`` words, so no two reports are the same
    text and the names in them vary as in a real feed.
    """
    sources = [[p for p in t.split("\n\n") if p.strip()] for t in _sources()]
    sources = [s for s in sources if s]
    out = []
    for i in range(n):
        body, count, k = [], 0, 0
        while count < words:
            paras = sources[(i + 7 * k) % len(sources)]
            for para in paras:
                body.append(para)
                count += len(para.split())
                if count >= words:
                    break
            k += 1
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
    parser.add_argument("--batch", type=int, default=100, help="reports per read_reports call (distinct texts)")
    args = parser.parse_args(argv)

    from gazetteer import get_gazetteer
    from geoconflict.extract import read_report, read_reports

    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {sorted(os.sched_getaffinity(0))[0]})  # one core
    print(f"machine: {platform.machine()} {platform.processor() or ''}, {os.cpu_count()} cpus, "
          f"Python {platform.python_version()}, pinned to one core")

    s = time.perf_counter()
    gaz = get_gazetteer()
    corpus = _corpus(n=max(100, args.batch))
    # warm up outside the corpus: gazetteer index, its fuzzy-match buckets (a
    # misspelt name builds them), boundaries, regexes -- but no name of the
    # corpus is in any cache yet
    gaz.resolve("Kandahr")
    read_report("Drones struck Kabul and Kandahar on Sunday, about 450 km apart, officials in Islamabad said.",
                "2026-03-01", gazetteer=gaz)
    print(f"warm-up (gazetteer load, boundaries, one short report): {time.perf_counter() - s:.2f} s")

    words = statistics.mean(len(t.split()) for t in corpus)
    batch = corpus[: args.batch]
    # wall-clock and CPU time: on a shared machine the CPU figure is the one
    # that does not move with other jobs' load
    s, c = time.perf_counter(), time.process_time()
    read_reports(batch, gazetteer=gaz)
    first, first_cpu = len(batch) / (time.perf_counter() - s), len(batch) / (time.process_time() - c)
    print(f"throughput, read_reports, first reading of {len(batch)} distinct reports of ~{words:.0f} words: "
          f"{first:.1f} reports/s wall ({1000 / first:.2f} ms each), {first_cpu:.1f}/s CPU "
          f"({1000 / first_cpu:.2f} ms each; target >= 200/s); load average {os.getloadavg()[0]:.2f}")
    rates, cpu_rates = [], []
    deadline = time.perf_counter() + args.seconds
    while time.perf_counter() < deadline or not rates:
        s, c = time.perf_counter(), time.process_time()
        read_reports(batch, gazetteer=gaz)
        rates.append(len(batch) / (time.perf_counter() - s))
        cpu_rates.append(len(batch) / (time.process_time() - c))
    rate, cpu_rate = statistics.median(rates), statistics.median(cpu_rates)
    print(f"throughput, read_reports, the same reports again (names already resolved once): {rate:.1f} reports/s "
          f"wall ({1000 / rate:.2f} ms each), {cpu_rate:.1f}/s CPU ({1000 / cpu_rate:.2f} ms each), "
          f"median of {len(rates)} batches; load average {os.getloadavg()[0]:.2f}")

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
