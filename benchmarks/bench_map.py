"""Map size and load time for 1k / 10k / 100k incidents.

For each size: build the offline map of a synthetic ACLED-like report, write
it, and open it in headless Debian Chromium (Playwright, all network blocked),
timing until the page is interactive: every layer is filled
(``window.__gcReady``) and a click on an incident has opened its popup.

Run: ``.venv/bin/python benchmarks/bench_map.py [SIZES...]``  (prints a table)
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "tests"))

from _maps import synthetic_report  # noqa: E402

from geoconflict.maps import report_map, save_map  # noqa: E402

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--no-first-run", "--disable-sync"]


def _block(route):
    if route.request.url.startswith(("http://", "https://")):
        route.abort()
    else:
        route.continue_()


def load_seconds(browser, path: Path) -> tuple[float, float]:
    """(seconds until every layer is drawn, seconds until a click shows a popup)."""
    page = browser.new_page(viewport={"width": 1280, "height": 860})
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.route("**/*", _block)
    start = time.perf_counter()
    page.goto(path.as_uri(), wait_until="commit")
    page.wait_for_function("window.__gcReady === true", timeout=120_000, polling=50)
    ready = time.perf_counter() - start
    # Interactive: the first incident's popup opens on a click at its position.
    x, y = page.evaluate("""async () => {
        const i = 0, c = GC.data.inc, frame = () => new Promise(r => requestAnimationFrame(r));
        GC.map.stop();
        GC.map.setView([c.lat[i], c.lon[i]], 9, {animate: false});
        await frame(); await frame();
        const p = GC.map.latLngToContainerPoint([c.lat[i], c.lon[i]]);
        const r = GC.map.getContainer().getBoundingClientRect();
        return [p.x + r.left, p.y + r.top];
    }""")
    click = time.perf_counter()
    page.mouse.click(x, y)
    page.wait_for_selector(".leaflet-popup-content .gc-popup", timeout=60_000)
    interactive = ready + (time.perf_counter() - click)
    page.close()
    if errors:
        raise RuntimeError(f"page errors: {errors[:3]}")
    return ready, interactive


def main(sizes: list[int]) -> None:
    from playwright.sync_api import sync_playwright

    rows = []
    with tempfile.TemporaryDirectory() as tmp, sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        # Warm-up (boundary data, browser start) so every row measures the same work.
        load_seconds(browser, save_map(report_map(synthetic_report(10), offline=True),
                                       Path(tmp) / "warm.html", offline=True))
        for n in sizes:
            report = synthetic_report(n)
            t0 = time.perf_counter()
            m = report_map(report, offline=True)
            path = save_map(m, Path(tmp) / f"map_{n}.html", offline=True)
            build = time.perf_counter() - t0
            size_mb = path.stat().st_size / 1e6
            ready, interactive = load_seconds(browser, path)
            rows.append((n, size_mb, build, ready, interactive))
        browser.close()

    import os

    print(f"offline map of N synthetic incidents (headless Chromium, network blocked; "
          f"{os.cpu_count()} CPUs, load average {os.getloadavg()[0]:.1f})")
    print(f"{'incidents':>10} {'HTML MB':>8} {'build s':>8} {'drawn s':>8} {'popup s':>8}")
    for n, size_mb, build, ready, interactive in rows:
        print(f"{n:>10,} {size_mb:>8.2f} {build:>8.2f} {ready:>8.2f} {interactive:>8.2f}")
    print("targets: 100,000 incidents -> <= 15 MB and interactive (popup on click) within 5 s")


if __name__ == "__main__":
    main([int(a) for a in sys.argv[1:]] or [1_000, 10_000, 100_000])
