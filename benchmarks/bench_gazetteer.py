"""Gazetteer benchmark: prints the figures issue 2 asks for.

* one-time index build, in a fresh cache folder (seconds)
* first ``resolve`` in a NEW process over the built index (seconds of
  gazetteer start-up + first answer, and the whole process wall time)
* exact-name resolves per second with document context, on one core:
  ranked on every call (``Gazetteer(result_cache=False)``; candidate lists
  and the parsed context warm, as within one document) and with the
  default result cache (repeated names)
* resident memory of a loaded gazetteer (after the text matcher is loaded)
* ``find_names`` over a ~500-word text, warm

Run: ``.venv/bin/python benchmarks/bench_gazetteer.py [--keep-cache]``.
By default the fresh cache folder is a temporary directory removed at the end.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import subprocess
import sys
import tempfile
import time

__all__ = ["main"]

_CONTEXT = (
    "Pakistani aircraft bombed Kabul, Kandahar and Paktia overnight. The Taliban struck back at military sites in "
    "Islamabad's Faizabad area, six kilometres from the Prime Minister's Office. Officials in Peshawar and Quetta "
    "said the Torkham and Chaman crossings were closed."
)

_CHILD = r"""
import json, os, sys, time
t0, c0 = time.perf_counter(), time.process_time()
from gazetteer import get_gazetteer
gaz = get_gazetteer()
t_open = time.perf_counter()
res = gaz.resolve("Kandahar", context=sys.argv[1])
t_first, c_first = time.perf_counter(), time.process_time()
assert res.best is not None
text = sys.argv[2]
for _ in range(3):
    gaz.find_names(text)  # the third call loads the in-memory name set
runs = 200
t = time.perf_counter()
for _ in range(runs):
    spans = gaz.find_names(text, capitalised_only=True)
t_find = (time.perf_counter() - t) / runs
status = {}
with open("/proc/self/status") as f:
    for line in f:
        if line.startswith(("VmRSS:", "VmHWM:")):
            status[line.split(":")[0]] = int(line.split()[1]) / 1024
print(json.dumps({
    "open_s": t_open - t0, "first_resolve_s": t_first - t0, "first_resolve_cpu_s": c_first - c0, "find_names_ms": t_find * 1000, "spans": len(spans),
    # VmHWM, not ru_maxrss: Linux carries ru_maxrss over from the parent across exec
    "rss_mb": status.get("VmRSS", 0.0), "maxrss_mb": status.get("VmHWM", 0.0),
}))
"""

_THROUGHPUT = r"""
import json, os, sys, time
if hasattr(os, "sched_setaffinity"):
    os.sched_setaffinity(0, {sorted(os.sched_getaffinity(0))[0]})  # one core
from gazetteer import Gazetteer
gaz = Gazetteer()  # the default: whole resolutions cached per (name, context)
ranker = Gazetteer(result_cache=False)  # ranks every call
ctx = sys.argv[1]
rows = gaz._con.execute(
    "SELECT name FROM places WHERE ftype='city' AND population >= 100000 ORDER BY gid LIMIT 2000").fetchall()
names = [r[0] for r in rows] + ["Kabul", "Kandahar", "Paktia", "Islamabad", "Faizabad", "Tripoli", "Hyderabad"]
# CPU time of this process as well as wall time: on a shared machine the
# former is what one core delivers, the latter what this run happened to get.
clock = time.process_time
def rate(n, t0, c0):
    return n / (time.perf_counter() - t0), n / max(clock() - c0, 1e-9)
t, c = time.perf_counter(), clock()
for n in names:
    gaz.resolve(n, context=ctx)
cold = rate(len(names), t, c)
reps = 10
t, c = time.perf_counter(), clock()
for _ in range(reps):
    for n in names:
        gaz.resolve(n, context=ctx)
warm = rate(reps * len(names), t, c)
# candidate lists and the parsed document context cached (as within one
# document), but no result cache: every call ranks its candidates anew
for n in names:
    ranker.resolve(n, context=ctx)
t, c = time.perf_counter(), clock()
for _ in range(reps):
    for n in names:
        ranker.resolve(n, context=ctx)
ranked = rate(reps * len(names), t, c)
print(json.dumps({"names": len(names), "cold": cold, "warm": warm, "ranked": ranked}))
"""


def _child(code: str, env: dict, *args: str) -> tuple[dict, float]:
    t = time.perf_counter()
    proc = subprocess.run([sys.executable, "-c", code, *args], env=env, capture_output=True, text=True, check=False)
    wall = time.perf_counter() - t
    if proc.returncode != 0:
        raise SystemExit(f"benchmark child failed:\n{proc.stderr}")
    return json.loads(proc.stdout.strip().splitlines()[-1]), wall


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--keep-cache", action="store_true", help="keep the fresh cache folder (path is printed)")
    ap.add_argument("--skip-build", action="store_true",
                    help="measure start-up and speed on the existing default cache, without a fresh build")
    args = ap.parse_args(argv)

    if args.skip_build:
        from gazetteer.index import cache_dir

        cache = str(cache_dir())
        args.keep_cache = True
    else:
        cache = tempfile.mkdtemp(prefix="gazetteer-bench-")
    env = dict(os.environ, GEOCONFLICT_CACHE=cache)
    os.environ["GEOCONFLICT_CACHE"] = cache
    from gazetteer.index import ensure_index

    print(f"machine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}, "
          f"load average {os.getloadavg()[0]:.2f}")
    import resource

    def cpu() -> float:
        own, kids = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
        return own.ru_utime + own.ru_stime + kids.ru_utime + kids.ru_stime

    t, c = time.perf_counter(), cpu()
    path = ensure_index()
    build, build_cpu = time.perf_counter() - t, cpu() - c
    if args.skip_build:
        print(f"index build skipped (existing {path})")
    else:
        print(f"index build (fresh cache):            {build:8.1f} s   ({os.path.getsize(path) / 1e6:.0f} MB, {path.name})")
        print(f"index build CPU time (all processes):  {build_cpu:8.1f} s   (main process + its build workers)")

    words = (_CONTEXT + " ") * 9
    text = " ".join(words.split()[:500])
    first, wall = _child(_CHILD, env, _CONTEXT, text)
    print(f"new process: gazetteer open            {first['open_s']:8.3f} s")
    print(f"new process: open + first resolve      {first['first_resolve_s']:8.3f} s   "
          f"({first['first_resolve_cpu_s']:.3f} s CPU; whole process {wall:.2f} s)")
    print(f"find_names, 500-word text, warm        {first['find_names_ms']:8.2f} ms  ({first['spans']} spans)")
    print(f"RSS of a loaded gazetteer (+matcher)   {first['rss_mb']:8.0f} MB  (peak {first['maxrss_mb']:.0f} MB)")
    tp, _ = _child(_THROUGHPUT, env, _CONTEXT)
    print("resolves/s, exact names + context, 1 core   per wall-second  per CPU-second")
    for key, label in (("cold", "first time per name"), ("ranked", "ranked every call (result_cache=False)"),
                       ("warm", f"repeated names (results cached; {tp['names']} names)")):
        print(f"  {label:<44} {tp[key][0]:10.0f} {tp[key][1]:14.0f}")
    print(f"load average at the end: {os.getloadavg()[0]:.2f} (other processes slow every figure)")
    if args.keep_cache:
        print(f"cache kept in {cache}")
    else:
        import shutil

        shutil.rmtree(cache, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
