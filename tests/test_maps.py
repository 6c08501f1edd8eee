"""HTML-tier tests of the interactive map: the saved page, read as text.

The page is parsed (HTML parser, the embedded JSON payload) rather than
compared with a stored copy, so the tests say what a user relies on: layers,
legend, escaping, offline self-containment, determinism and safe writes.
"""

from __future__ import annotations

import base64
import json
import os
import re
import zlib
from html.parser import HTMLParser

import pytest

from _maps import PAKTIA_FOOTPRINT, border_report, hostile_report, synthetic_report
from common import HOSTILE_STRINGS
from geoconflict import maps
from geoconflict.errors import AssetsNotFoundError, FormatError, InputError, OutputExistsError
from geoconflict.maps import render_html, report_map, save_map


# --------------------------------------------------------------------------- helpers
class _Tags(HTMLParser):
    """Collects start tags with their attributes (script/style bodies are not tags)."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))


def tags(html: str) -> list[tuple[str, dict[str, str | None]]]:
    parser = _Tags()
    parser.feed(html)
    return parser.tags


def payload(html: str) -> dict:
    """The map's data payload (the ``gc-data`` JSON script element)."""
    start = html.index('<script type="application/json" id="gc-data">')
    start = html.index(">", start) + 1
    data = json.loads(html[start: html.index("</script>", start)])
    if "z" in data:
        data = json.loads(zlib.decompress(base64.b64decode(data["z"])).decode("utf-8"))
    return data


def layer_names(html: str) -> list[str]:
    """Names listed in the LayerControl (base layers and overlays)."""
    block = html[html.index("_layers = {"):]
    block = block[: block.index("L.control.layers(")]
    return [json.loads(m) for m in re.findall(r'("(?:[^"\\]|\\.)*")\s*:\s*\w+,', block)]


def legend_texts(html: str) -> list[str]:
    start = html.index('class="gc-legend')
    block = html[start: html.index("</details>", start)]
    return [re.sub(r"\s+", " ", t).strip() for t in re.findall(r"<span>(.*?)</span>", block, flags=re.S)]


@pytest.fixture(scope="module")
def report():
    return border_report()


@pytest.fixture(scope="module")
def online_html(report):
    return render_html(report_map(report))


@pytest.fixture(scope="module")
def offline_html(report):
    return render_html(report_map(report, offline=True), offline=True)


@pytest.fixture(scope="module")
def hostile_html():
    return render_html(report_map(hostile_report(HOSTILE_STRINGS), offline=True), offline=True)


# --------------------------------------------------------------------------- layers, legend, content
def test_one_layer_per_incident_layer_present_and_overlays(online_html):
    names = layer_names(online_html)
    assert "Strikes" in names and "Retaliations" in names
    # only layers that have incidents get a toggle
    assert "Clashes" not in names and "Protests" not in names
    assert {"Retaliation links", "Distance claims", "Areas (provinces and other areal places)"} <= set(names)
    assert "OpenStreetMap.Mapnik" in names  # the tile layer is a base layer


def test_legend_lists_actors_event_types_and_precision(online_html):
    texts = legend_texts(online_html)
    assert "Military Forces of Pakistan" in texts and "Taliban" in texts
    assert "Explosions/Remote violence" in texts
    assert "3: province or larger" in texts and "1: town" in texts
    assert "consistent" in texts
    assert any(t.startswith("Not located: Tabbasum Road") for t in re.findall(
        r'<li class="gc-note">(.*?)</li>', online_html))


def test_actor_colours_are_deterministic_and_distinct(report):
    a = payload(render_html(report_map(report, tiles=None)))
    cols = a["inc"]["col"]
    pakistan, taliban = cols[0], cols[3]
    assert pakistan != taliban
    assert a["colors"][pakistan] != a["colors"][taliban]
    assert payload(render_html(report_map(border_report(), tiles=None)))["colors"] == a["colors"]


def test_popup_fields_travel_with_each_incident(online_html, report):
    data = payload(online_html)
    s, inc = data["s"], data["inc"]
    k = [s[i] for i in inc["id"]].index("I3")
    assert s[inc["n"][k]] == report.incidents.loc[2, "notes"]
    assert s[inc["loc"][k]] == "Paktia"
    assert inc["gp"][k] == 3
    assert data["dates"][inc["d"][k]] == "2026-02-27"
    assert (inc["lat"][k], inc["lon"][k]) == (33.6, 69.4)
    assert s[inc["a1"][k]] == "Military Forces of Pakistan"


def test_areal_place_drawn_as_polygon_with_its_point(online_html):
    areas = payload(online_html)["areas"]["features"]
    assert [f["properties"]["name"] for f in areas] == ["Paktia"]
    ring = areas[0]["geometry"]["coordinates"][0]
    xs, ys = [p[0] for p in ring], [p[1] for p in ring]
    minx, miny, maxx, maxy = PAKTIA_FOOTPRINT.bounds
    assert (min(xs), min(ys), max(xs), max(ys)) == pytest.approx((minx, miny, maxx, maxy), abs=1e-4)
    assert areas[0]["properties"]["point"] == [33.6, 69.4]


def test_claim_line_and_ring_of_stated_distance(online_html):
    (claim,) = payload(online_html)["claims"]
    assert claim["ring_m"] == 6.0 * 1000
    assert claim["verdict"] == "consistent"
    assert claim["computed_km"] == 6.9
    assert claim["ref"] == [33.7257, 73.1002] and claim["tgt"] == [33.66444, 73.08694]


def test_retaliation_linked_to_each_incident_it_answers(online_html):
    data = payload(online_html)
    ids = [data["s"][i] for i in data["inc"]["id"]]
    pairs = {(ids[a], ids[b]) for a, b in data["links"]}
    assert pairs == {("I1", "I4"), ("I2", "I4"), ("I3", "I4")}
    assert "leaflet-ant-path" in online_html  # animated direction along the links


def test_time_slider_only_when_dates_differ():
    several = render_html(report_map(border_report(second_day="2026-02-28"), tiles=None))
    one = render_html(report_map(border_report(second_day=None), tiles=None))
    assert "GC.timeSlider();" in several
    assert "GC.timeSlider();" not in one


def test_controls_present(online_html):
    for needle in ("L.control.fullscreen", "L.Control.Measure", "L.Control.MiniMap", "L.control.layers",
                   "fitBounds"):
        assert needle in online_html, needle


def test_tiles_by_xyzservices_name_and_none(report):
    topo = render_html(report_map(report, tiles="OpenTopoMap"))
    assert "tile.opentopomap.org" in topo
    bare = render_html(report_map(report, tiles=None))
    assert "L.tileLayer" not in bare


def test_unknown_tiles_name_lists_valid_ones(report):
    with pytest.raises(InputError) as info:
        report_map(report, tiles="NoSuch.Provider")
    assert "OpenTopoMap" in str(info.value)


def test_tiles_needing_a_key_are_refused_with_alternatives(report):
    with pytest.raises(InputError, match="API key") as info:
        report_map(report, tiles="CartoDB.Positron")
    assert "OpenStreetMap.Mapnik" in str(info.value)


def test_not_a_report_is_a_typed_error():
    with pytest.raises(InputError, match="Report"):
        report_map({"incidents": []})


def test_empty_report_still_renders():
    from geoconflict.report import Report

    html = render_html(report_map(Report(), tiles=None))
    assert payload(html)["inc"]["lon"] == []
    assert "fitBounds" not in html


# --------------------------------------------------------------------------- offline
def test_offline_page_loads_nothing_from_the_network(offline_html):
    for tag, attrs in tags(offline_html):
        if tag == "script":
            assert "src" not in attrs, attrs
        if tag == "link":
            assert not re.match(r"\s*(https?:)?//", attrs.get("href") or ""), attrs
        for name in ("src", "href"):
            assert not re.match(r"\s*(https?:)?//", attrs.get(name) or ""), (tag, attrs)
    css = "".join(re.findall(r"<style>(.*?)</style>", offline_html, flags=re.S))
    assert not re.search(r"url\(\s*['\"]?(https?:)?//", css)
    assert "@import" not in css
    assert "L.tileLayer" not in offline_html


def test_offline_vector_basemap_around_the_data(offline_html):
    basemap = payload(offline_html)["basemap"]
    countries = {f["properties"]["name"] for f in basemap["countries"]["features"]}
    assert {"Afghanistan", "Pakistan"} <= countries
    assert "Brazil" not in countries  # clipped to the data extent
    assert len(basemap["admin1"]["features"]) > 10
    assert payload(offline_html)["world"]["features"]  # coarse outlines for the mini-map


def test_stances_shade_countries_and_list_the_rest(online_html):
    features = payload(online_html)["stances"]["features"]
    by_code = {f["properties"]["code"]: f["properties"] for f in features}
    assert by_code["US"]["stance"] == "supports" and by_code["IN"]["stance"] == "condemns"
    assert by_code["US"]["entries"][0]["quote"] == "Pakistan has a right to defend itself."
    assert "not shaded: United Nations: calls for restraint" in legend_texts(online_html)


def test_offline_inlines_leaflet_and_plugins_and_drops_unused(offline_html):
    assert "L.Control.Measure =" in offline_html or "L.Control.Measure=" in offline_html
    assert "antPath" in offline_html and "MiniMap" in offline_html
    assert "fullscreen" in offline_html.lower()
    for unused in ("jquery", "bootstrap", "font-awesome", "awesome-markers"):
        assert unused not in offline_html.lower(), unused
    # CSS images (layer control icon) are inlined as data URIs
    assert "data:image/png;base64," in offline_html


def test_offline_without_node_modules_says_how_to_fix(report, monkeypatch, tmp_path):
    import geoconflict._assets as assets

    monkeypatch.setattr(assets, "_REPO_ROOT", tmp_path)
    monkeypatch.setenv("GEOCONFLICT_ASSETS", str(tmp_path / "nothing-here"))
    with pytest.raises(AssetsNotFoundError, match="npm ci"):
        render_html(report_map(report, offline=True), offline=True)


def test_assets_found_through_environment_variable(report, monkeypatch, tmp_path):
    import geoconflict._assets as assets

    real = assets.node_modules_dir()
    monkeypatch.setattr(assets, "_REPO_ROOT", tmp_path)
    monkeypatch.setenv("GEOCONFLICT_ASSETS", str(real.parent))
    assert assets.node_modules_dir() == real


# --------------------------------------------------------------------------- security
def test_hostile_text_never_appears_raw(hostile_html):
    raw = [s for s in HOSTILE_STRINGS if "<" in s or ">" in s]
    for bad in raw:
        assert bad not in hostile_html, bad
    for sep in ("\u2028", "\u2029"):
        assert sep not in hostile_html
    # escaped forms are present where the text is shown in markup (legend)
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in hostile_html
    # ...and the data still carries the exact strings for the popups
    data = payload(hostile_html)
    for bad in HOSTILE_STRINGS:
        assert bad in data["s"], bad


def test_hostile_text_does_not_change_page_structure(hostile_html):
    benign = render_html(report_map(hostile_report(["benign-1", "benign-2", "benign-3", "benign-4",
                                                    "benign-5", "benign-6"]), offline=True), offline=True)
    def shape(html):
        return [t for t, _ in tags(html) if t in ("script", "style", "div", "img", "iframe", "a")]
    assert shape(hostile_html) == shape(benign)
    assert not any(t == "img" for t, _ in tags(hostile_html))


def test_no_javascript_urls_in_attributes(hostile_html):
    for _, attrs in tags(hostile_html):
        for value in attrs.values():
            assert not (value or "").strip().lower().startswith("javascript:")


def test_template_syntax_in_report_is_not_evaluated():
    # branca compiles macro output as a Jinja template again; report text must never reach it raw
    bad = ["{{ 7*7 }}", "{% if true %}JINJA{% endif %}", "{# c #}"]
    html = render_html(report_map(hostile_report(bad), tiles=None))
    assert "<span>49</span>" not in html
    assert html.count("JINJA") == html.count("%}JINJA") + html.count("%&#125;JINJA")
    data = payload(html)
    for text in bad:
        assert text in data["s"]
        assert f"<span>{text}</span>".replace("{", "&#123;").replace("}", "&#125;") in html


def test_runtime_code_holds_no_template_syntax():
    from geoconflict._map_runtime import RUNTIME_CSS, RUNTIME_JS

    for opener in ("{{", "{%", "{#"):
        assert opener not in RUNTIME_JS and opener not in RUNTIME_CSS


def test_page_title_escaped():
    html = render_html(report_map(hostile_report(["</title><script>alert(1)</script>"]), tiles=None))
    assert "<title>&lt;/title&gt;&lt;script&gt;" in html


# --------------------------------------------------------------------------- determinism, writes
def test_two_renders_are_byte_identical(report):
    a = render_html(report_map(report, offline=True), offline=True)
    b = render_html(report_map(border_report(), offline=True), offline=True)
    assert a == b
    assert not re.search(r"[0-9a-f]{32}", a)  # no random folium/uuid ids left


def test_saved_files_are_byte_identical(report, tmp_path):
    one = save_map(report, tmp_path / "one.html")
    two = save_map(border_report(), tmp_path / "two.html")
    assert one.read_bytes() == two.read_bytes()


def test_saved_map_is_readable_as_the_umask_allows(report, tmp_path):
    # an atomic write must not leave the map private to its owner: it is
    # meant to be shared or served
    old = os.umask(0o022)
    try:
        path = save_map(report, tmp_path / "shared.html")
    finally:
        os.umask(old)
    assert path.stat().st_mode & 0o777 == 0o644
    assert [p.name for p in tmp_path.iterdir()] == ["shared.html"]  # no temporary file left


def test_render_twice_from_same_map_is_stable(report):
    m = report_map(report, offline=True)
    assert render_html(m, offline=True) == render_html(m, offline=True)


def test_refuses_to_overwrite_without_force(report, tmp_path):
    path = tmp_path / "map.html"
    path.write_text("keep me")
    with pytest.raises(OutputExistsError, match="force"):
        save_map(report, path)
    assert path.read_text() == "keep me"
    save_map(report, path, force=True)
    assert path.read_text().startswith("<!DOCTYPE html>")


def test_failed_write_leaves_no_partial_file(report, tmp_path, monkeypatch):
    path = tmp_path / "map.html"

    def boom(fd):
        raise OSError("disk full")

    monkeypatch.setattr(maps.os, "fsync", boom)
    with pytest.raises(OSError, match="disk full"):
        save_map(report, path)
    assert list(tmp_path.iterdir()) == []

    path.write_text("old")
    with pytest.raises(OSError):
        save_map(report, path, force=True)
    assert path.read_text() == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["map.html"]


def test_online_map_cannot_be_saved_as_offline(report, tmp_path):
    with pytest.raises(InputError, match="offline=True"):
        save_map(report_map(report), tmp_path / "x.html", offline=True)


# --------------------------------------------------------------------------- scale
def test_large_payload_is_compressed_and_round_trips(monkeypatch):
    rep = synthetic_report(300)
    plain = payload(render_html(report_map(rep, tiles=None)))
    monkeypatch.setattr(maps, "_COMPRESS_ABOVE", 1000)
    html = render_html(report_map(rep, tiles=None))
    assert '<script type="application/json" id="gc-data">{"z":"' in html
    assert payload(html) == plain
    assert len(plain["inc"]["lon"]) == 300


def test_shared_sentence_stored_once(online_html, report):
    data = payload(online_html)
    assert len(data["s"]) == len(set(data["s"]))
    assert data["s"].count(report.incidents.loc[0, "notes"]) == 1
    assert len({data["inc"]["n"][k] for k in range(3)}) == 1  # three strikes, one sentence


# --------------------------------------------------------------------------- CLI
def test_cli_unknown_suffix_lists_valid_ones(tmp_path):
    from geoconflict._commands.map import load_input

    with pytest.raises(FormatError) as info:
        load_input(tmp_path / "report.docx")
    assert ".txt" in str(info.value) and ".gpkg" in str(info.value)


def test_cli_maps_a_data_file(tmp_path, capsys):
    from geoconflict.cli import main

    from geoconflict import io

    src = tmp_path / "report.geojson"
    io.write_report(border_report(), src)
    out = tmp_path / "report.html"
    assert main(["map", str(src), "-o", str(out), "--offline"]) == 0
    data = payload(out.read_text(encoding="utf-8"))
    assert len(data["inc"]["lon"]) == 4
    assert main(["map", str(src), "-o", str(out)]) == 1  # exists, no --force
    assert "--force" in capsys.readouterr().err


def test_cli_bad_published_date(tmp_path, capsys):
    from geoconflict.cli import main

    src = tmp_path / "r.txt"
    src.write_text("Text.")
    assert main(["map", str(src), "-o", str(tmp_path / "o.html"), "--published", "28/02/2026"]) == 1
    assert "YYYY-MM-DD" in capsys.readouterr().err


# --------------------------------------------------------------------------- end to end
@pytest.fixture(scope="module")
def example_report(example_path):
    from geoconflict import extract

    return extract.read_report(example_path.read_text(encoding="utf-8"), source=example_path.name)


def test_example_report_maps_everything_it_extracted(example_report):
    rep = example_report
    data = payload(render_html(report_map(rep, offline=True), offline=True))
    located = rep.incidents.dropna(subset=["latitude", "longitude"])
    assert len(data["inc"]["lon"]) == len(located) > 0
    # one layer toggle per incident layer in the report
    names = layer_names(render_html(report_map(rep)))
    from geoconflict._map_data import LAYER_NAMES
    for layer in set(located["layer"].dropna()):
        assert LAYER_NAMES[layer] in names
    # every responds_to reference between located incidents becomes a link
    ids = set(located["id"])
    expected = sum(1 for v in located["responds_to"].dropna() for t in str(v).split() if t in ids)
    assert len(data["links"]) == expected
    # claims drawn with their stated ring
    for claim in data["claims"]:
        if claim["stated_km"]:
            assert claim["ring_m"] == pytest.approx(claim["stated_km"] * 1000)
    # the sentence of each incident travels with it
    s = data["s"]
    assert {s[i] for i in data["inc"]["n"] if i >= 0} <= set(rep.incidents["notes"].dropna())


def test_report_displays_as_its_map_in_jupyter(report):
    html = report._repr_html_()
    assert "<iframe" in html and "srcdoc=" in html
    assert "GC.init(" in html  # the escaped page of report_map(report)
    assert type(report.explore()).__name__ == "_ReportMap"


def test_cli_maps_report_text(tmp_path, example_path):
    from geoconflict.cli import main

    out = tmp_path / "example.html"
    assert main(["map", str(example_path), "-o", str(out), "--offline", "--published", "2026-02-28"]) == 0
    html = out.read_text(encoding="utf-8")
    assert payload(html)["inc"]["lon"]
    assert "<script src=" not in html


def test_acled_csv_maps_every_located_event(tmp_path):
    from common import EXAMPLES_DIR
    from geoconflict import io

    csv = EXAMPLES_DIR / "acled_sample.csv"
    rep = io.read_file(csv)
    data = payload(render_html(report_map(rep)))
    assert len(data["inc"]["lon"]) == int(rep.incidents[["latitude", "longitude"]].notna().all(axis=1).sum())
    assert set(data["s"][i] for i in data["inc"]["a1"] if i >= 0) == set(rep.incidents["actor1"].dropna())


@pytest.mark.parametrize(
    "bounds",
    [
        (34.2, 23.8, 90.4, 31.5),     # Gaza to Dhaka: the clip box takes in Russia's Arctic coast
        (-180.0, -60.0, 180.0, 80.0),  # the whole world
    ],
)
def test_wide_basemaps_clip_every_outline(bounds):
    from geoconflict._map_basemap import basemap_geojson

    layers = basemap_geojson(bounds)
    names = {f["properties"]["name"] for f in layers["countries"]["features"]}
    assert {"Russia", "India", "Bangladesh"} <= names
