"""Boundary-query benchmark: load times and throughput of ``gazetteer.boundaries``.

Prints, each measured in a NEW process so module caches do not help:

* loading all three layers (countries, admin-1, borders) from the bundled
  ``.geojson.gz`` files into an empty cache folder (first use), and again
  from the WKB cache (every later process); plus the border index build
* ``countries_at`` / ``admin1s_at`` / ``distances_to_border_km`` points per
  second for points on land, warm, one process

Run: ``.venv/bin/python benchmarks/bench_boundaries.py [--points N]``.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import subprocess
import sys
import tempfile

__all__ = ["main"]

_LOAD = r"""
import json, time
t0 = time.perf_counter()
from gazetteer import boundaries as b
t1 = time.perf_counter()
c1 = time.process_time()
for kind in ("countries", "admin1", "borders"):
    b._layer(kind)
t2 = time.perf_counter()
cpu = time.process_time() - c1
b._borders()
t3 = time.perf_counter()
b.load_admin1()
t4 = time.perf_counter()
print(json.dumps({"import_s": t1 - t0, "layers_s": t2 - t1, "border_index_s": t3 - t2, "admin1_frame_s": t4 - t3, "layers_cpu_s": cpu}))
"""

_QUERIES = r"""
import json, sys, time
import numpy as np
from gazetteer import boundaries as b
n = int(sys.argv[1])
rng = np.random.default_rng(0)
lats, lons = rng.uniform(-50, 65, 4 * n), rng.uniform(-170, 170, 4 * n)
on_land = np.array([c is not None for c in b.countries_at(lats, lons, max_distance_km=0)])
lats, lons = lats[on_land][:n], lons[on_land][:n]
for fn in (b.countries_at, b.admin1s_at, b.distances_to_border_km):
    fn(lats[:5], lons[:5])  # build the trees and the border index first
out = {"points": int(lats.size)}
for name, fn in (("countries_at", b.countries_at), ("admin1s_at", b.admin1s_at),
                 ("distances_to_border_km", b.distances_to_border_km)):
    t = time.perf_counter()
    fn(lats, lons)
    out[name + "_per_s"] = lats.size / (time.perf_counter() - t)
t = time.perf_counter()
for la, lo in zip(lats[:200], lons[:200]):
    b.distance_to_border_km(la, lo)
out["distance_to_border_km_scalar_per_s"] = 200 / (time.perf_counter() - t)
print(json.dumps(out))
"""


def _run(code: str, env: dict, *args: str) -> dict:
    done = subprocess.run([sys.executable, "-c", code, *args], env=env, capture_output=True, text=True, check=True)
    return json.loads(done.stdout.strip().splitlines()[-1])


def main(argv: list[str] | None = None) -> int:
    """Print the benchmark figures; returns the process exit status."""
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--points", type=int, default=5000, help="points on land per vectorised call (default 5000)")
    args = ap.parse_args(argv)
    print(
        f"machine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}, "
        f"load average {os.getloadavg()[0]:.1f} (wall times grow with it; CPU times less so)"
    )
    with tempfile.TemporaryDirectory(prefix="bench-boundaries-") as cache:
        env = dict(os.environ, GEOCONFLICT_CACHE=cache, OMP_NUM_THREADS="1")
        first = _run(_LOAD, env)
        warm = _run(_LOAD, env)
        queries = _run(_QUERIES, env, str(args.points))
    for label, r in (("first use (parse .geojson.gz, write cache)", first), ("later processes (WKB cache)", warm)):
        total = r["layers_s"] + r["border_index_s"]
        print(
            f"{label}: import {r['import_s']:.2f} s, three layers {r['layers_s']:.2f} s "
            f"(CPU {r['layers_cpu_s']:.2f} s), "
            f"border index {r['border_index_s']:.2f} s -> {total:.2f} s; admin-1 GeoDataFrame +{r['admin1_frame_s']:.2f} s"
        )
    print(f"queries on {queries['points']} points on land (warm, one process):")
    for key in ("countries_at", "admin1s_at", "distances_to_border_km"):
        print(f"  {key}: {queries[key + '_per_s']:,.0f} points/s")
    print(f"  distance_to_border_km (scalar): {queries['distance_to_border_km_scalar_per_s']:,.0f} calls/s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
