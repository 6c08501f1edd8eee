"""Write and read times of every export format for synthetic reports.

Usage: python benchmarks/bench_io.py [N ...]   (default: 1000 10000 100000)

Prints, per format and size, the seconds to write (write_report) and to read
back (read_file), and the bytes written.  Incidents are spread over the globe
with a fixed seed, so runs are comparable.
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

import numpy as np
import pandas as pd
from shapely import points

from geoconflict.io import FORMATS, output_paths, read_file, write_report
from geoconflict.report import Report
from geoconflict.schema import LAYERS, conform


def synthetic(n: int) -> Report:
    rng = np.random.default_rng(42)
    lat = rng.uniform(-60, 70, n).round(5)
    lon = rng.uniform(-180, 180, n).round(5)
    frame = pd.DataFrame(
        {
            "id": [f"I{i}" for i in range(n)],
            "layer": rng.choice(LAYERS, n),
            "event_date": pd.Timestamp("2024-01-01") + pd.to_timedelta(rng.integers(0, 365, n), unit="D"),
            "time_precision": rng.integers(1, 4, n),
            "actor1": rng.choice(["Army", "Rebels", "Police", "Militia"], n),
            "location": [f"Town {i % 5000}" for i in range(n)],
            "latitude": lat,
            "longitude": lon,
            "geo_precision": rng.integers(1, 4, n),
            "fatalities": rng.integers(0, 20, n),
            "notes": ["Synthetic event, with a comma and \"quotes\"."] * n,
            "confidence": rng.uniform(0, 1, n),
            "geometry": points(lon, lat),
        }
    )
    return Report(incidents=conform(frame, "incident"))


def main(sizes: list[int]) -> None:
    print(f"{'format':8} {'incidents':>9} {'write s':>8} {'read s':>8} {'MB':>7}")
    for n in sizes:
        report = synthetic(n)
        for fmt in FORMATS:
            with tempfile.TemporaryDirectory() as tmp:
                path = Path(tmp) / f"bench.{fmt}"
                t0 = time.perf_counter()
                write_report(report, path)
                t1 = time.perf_counter()
                back = read_file(path)
                t2 = time.perf_counter()
                assert len(back.incidents) == n
                size = sum(p.stat().st_size for p in output_paths(path)) / 1e6
                print(f"{fmt:8} {n:9d} {t1 - t0:8.2f} {t2 - t1:8.2f} {size:7.1f}", flush=True)


if __name__ == "__main__":
    main([int(a) for a in sys.argv[1:]] or [1000, 10000, 100000])
