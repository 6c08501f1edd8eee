"""Real-browser tests of the map: Debian's Chromium driven by Playwright.

Every page is opened from a file with all http(s) requests aborted, so the
offline map must render from its own bytes.  One browser per module.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from _maps import RETALIATION_SENTENCE, STRIKE_SENTENCE, border_report, hostile_report
from common import HOSTILE_STRINGS, REPO_ROOT
from geoconflict.maps import report_map, save_map

pytestmark = pytest.mark.browser

CHROMIUM = os.environ.get("GEOCONFLICT_CHROMIUM", "/usr/bin/chromium")
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--no-first-run", "--disable-sync"]
OUTPUTS = REPO_ROOT / "outputs"


@pytest.fixture(scope="module")
def browser():
    from playwright import sync_api  # a dev dependency: missing means a broken set-up

    if not (Path(CHROMIUM).is_file() or shutil.which(CHROMIUM)):
        # A silent skip would report the browser tier as passing; `./dev test`
        # installs chromium through scripts/ensure_system_deps.sh.
        pytest.fail(f"Chromium not installed at {CHROMIUM}: run scripts/ensure_system_deps.sh "
                    "(apt-get install chromium) or set GEOCONFLICT_CHROMIUM")
    with sync_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield b
        b.close()


class Page:
    """A page with its console errors, dialogs and blocked network requests recorded."""

    def __init__(self, browser, path: Path):
        self.page = browser.new_page(viewport={"width": 1280, "height": 860})
        self.errors: list[str] = []
        self.dialogs: list[str] = []
        self.blocked: list[str] = []
        self.page.on("console", lambda m: self.errors.append(m.text) if m.type == "error" else None)
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))
        self.page.on("dialog", self._dialog)
        self.page.route("**/*", self._route)
        self.page.goto(path.as_uri())
        self.page.wait_for_function("window.__gcReady === true", timeout=15000)

    def _dialog(self, dialog):
        self.dialogs.append(dialog.message)
        dialog.dismiss()

    def _route(self, route):
        url = route.request.url
        if url.startswith(("http://", "https://")):
            self.blocked.append(url)
            route.abort()
        else:
            route.continue_()

    def close(self):
        self.page.close()

    def popup_text(self) -> str:
        self.page.wait_for_selector(".leaflet-popup-content .gc-popup", timeout=5000)
        return self.page.inner_text(".leaflet-popup-content")

    def click_incident(self, ident: str):
        # Ids may hold any text, so find the shape in JS rather than through a CSS selector.
        x, y = self.page.evaluate(
            "id => { const el = Array.from(document.querySelectorAll('path.gc-incident'))"
            ".find(e => e.getAttribute('data-gc-id') === id); const r = el.getBoundingClientRect();"
            " return [r.left + r.width / 2, r.top + r.height / 2]; }", ident)
        self.page.mouse.click(x, y)

    def close_popup(self):
        self.page.evaluate("() => { GC.map.closePopup(); }")  # returning the map would serialise it
        self.page.wait_for_selector(".leaflet-popup", state="detached", timeout=5000)

    def click_at(self, lat: float, lon: float):
        x, y = self.page.evaluate("([lat, lon]) => { const p = GC.map.latLngToContainerPoint([lat, lon]);"
                                  " const r = GC.map.getContainer().getBoundingClientRect();"
                                  " return [p.x + r.left, p.y + r.top]; }", [lat, lon])
        self.page.mouse.click(x, y)


@pytest.fixture(scope="module")
def files(tmp_path_factory):
    folder = tmp_path_factory.mktemp("maps")
    return {
        "offline": save_map(report_map(border_report(), offline=True), folder / "offline.html", offline=True),
        "canvas": save_map(report_map(border_report(), offline=True, max_incidents_as_markers=0),
                           folder / "canvas.html", offline=True),
        "hostile": save_map(report_map(hostile_report(HOSTILE_STRINGS), offline=True), folder / "hostile.html",
                            offline=True),
    }


@pytest.fixture(scope="module")
def offline_page(browser, files):
    page = Page(browser, files["offline"])
    yield page
    page.close()


def test_offline_map_renders_without_network(offline_page):
    page = offline_page.page
    assert page.locator(".folium-map.leaflet-container").count() == 1
    assert page.locator(".leaflet-control-minimap").count() == 1  # drawn from the bundled outlines
    assert page.locator("path.gc-incident").count() == 4
    assert page.locator("path.gc-area-point").count() == 1  # Paktia's representative point
    assert offline_page.blocked == []
    assert offline_page.errors == []
    OUTPUTS.mkdir(exist_ok=True)
    page.screenshot(path=str(OUTPUTS / "test_map_offline.png"))


def test_layer_control_lists_layers(offline_page):
    labels = offline_page.page.eval_on_selector_all(
        ".leaflet-control-layers label", "els => els.map(e => e.textContent.trim())")
    for name in ("Strikes", "Retaliations", "Retaliation links", "Distance claims",
                 "Areas (provinces and other areal places)"):
        assert name in labels


def test_click_incident_opens_popup_with_sentence(offline_page):
    offline_page.click_incident("I3")
    text = offline_page.popup_text()
    assert STRIKE_SENTENCE in text
    assert "3 \u2013 province or larger" in text
    assert "33.60000, 69.40000" in text
    offline_page.close_popup()


def test_legend_is_on_the_map(offline_page):
    legend = offline_page.page.locator(".leaflet-control-container .gc-legend")
    assert legend.is_visible()
    assert "Military Forces of Pakistan" in legend.inner_text()


def test_toggling_a_layer_hides_its_incidents(offline_page):
    page = offline_page.page
    box = page.locator(".leaflet-control-layers label", has_text="Strikes").locator("input")
    box.uncheck()
    assert page.locator("path.gc-incident").count() == 1
    box.check()
    assert page.locator("path.gc-incident").count() == 4
    # a layer hidden at start is filled when first switched on
    places = page.locator(".leaflet-control-layers label", has_text="Places named").locator("input")
    before = page.locator("path.leaflet-interactive").count()
    places.check()
    assert page.locator("path.leaflet-interactive").count() == before + 3  # three located places
    places.uncheck()


def test_time_slider_filters_by_date(offline_page):
    page = offline_page.page
    slider = page.locator(".gc-time input[type=range]")
    slider.fill("0")  # first date only: the retaliation of the next day disappears
    assert page.locator("path.gc-incident").count() == 3
    assert "2026-02-27" in page.inner_text(".gc-time")
    slider.fill("1")
    assert page.locator("path.gc-incident").count() == 4


def test_measure_and_fullscreen_controls_work_offline(browser, files):
    page = Page(browser, files["offline"])
    try:
        p = page.page
        failed: list[str] = []
        p.on("requestfailed", lambda r: failed.append(r.url))
        box = p.locator(".leaflet-control-measure-toggle").bounding_box()
        p.mouse.move(box["x"] + 5, box["y"] + 5)  # the control opens on hover
        p.click(".leaflet-control-measure .js-start")
        p.mouse.click(300, 300)
        p.mouse.click(500, 420)
        p.click(".leaflet-control-measure .js-finish")
        assert "Kilometers" in p.inner_text(".leaflet-popup-content")
        p.click(".leaflet-control-zoom-fullscreen")
        assert failed == [] and page.errors == [] and page.blocked == []
    finally:
        page.close()


def test_canvas_mode_popups(browser, files):
    page = Page(browser, files["canvas"])
    try:
        assert page.page.locator("path.gc-incident").count() == 0  # painted on a canvas
        assert page.page.locator(".leaflet-container canvas").count() >= 1
        for name in ("Retaliation links", "Distance claims"):  # SVG lines above the canvas
            page.page.locator(".leaflet-control-layers label", has_text=name).locator("input").uncheck()
        page.click_at(33.66444, 73.08694)
        assert RETALIATION_SENTENCE in page.popup_text()
        page.close_popup()
        page.page.locator(".gc-time input[type=range]").fill("0")  # before the retaliation's date
        page.click_at(33.66444, 73.08694)
        page.page.wait_for_timeout(300)
        assert page.page.locator(".leaflet-popup").count() == 0
        assert page.errors == [] and page.blocked == []
    finally:
        page.close()


def test_hostile_report_stays_inert(browser, files):
    page = Page(browser, files["hostile"])
    try:
        p = page.page
        assert p.locator(".folium-map.leaflet-container").count() == 1
        assert p.locator('img[src="x"]').count() == 0
        page.click_incident(f"I0{HOSTILE_STRINGS[0]}")
        text = page.popup_text()
        assert HOSTILE_STRINGS[0] in text  # shown literally, as text
        page.close_popup()
        page.click_incident(f"I1{HOSTILE_STRINGS[1]}")
        assert HOSTILE_STRINGS[1] in page.popup_text()
        assert "javascript:alert" in p.locator(".gc-legend").inner_text()
        assert p.locator(".leaflet-popup-content a, .leaflet-popup-content img").count() == 0
        assert page.dialogs == []
        assert page.errors == []
        assert page.blocked == []
        p.screenshot(path=str(OUTPUTS / "test_map_hostile.png"))
    finally:
        page.close()


def test_example_report_end_to_end(browser, example_path, tmp_path):
    from geoconflict import extract
    report = extract.read_report(example_path.read_text(encoding="utf-8"), source=example_path.name)
    path = save_map(report_map(report, offline=True), tmp_path / "example.html", offline=True)
    page = Page(browser, path)
    try:
        located = report.incidents.dropna(subset=["latitude", "longitude"])
        assert page.page.locator("path.gc-incident").count() == len(located)
        first = located.iloc[0]
        page.click_incident(str(first["id"]))
        assert str(first["notes"]) in page.popup_text()
        page.close_popup()
        assert page.errors == [] and page.dialogs == [] and page.blocked == []
        page.page.mouse.move(640, 5)  # no hover tooltip in the picture
        page.page.evaluate("() => { GC.map.closeTooltip(GC.tip); }")
        page.page.screenshot(path=str(OUTPUTS / "example_map.png"))
    finally:
        page.close()
