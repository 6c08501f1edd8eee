"""Interactive maps of reports: :func:`report_map` and :func:`save_map`.

A map has one toggleable layer per incident layer (strikes, retaliations,
clashes, protests, other), coloured by actor and shaped by event type, plus
retaliation links, claim checks (line labelled with the computed distance and a
ring at the stated distance), areal places, countries shaded by stance, a
legend, a time slider when incidents span several dates, and the usual
controls (layers, fullscreen, measure, mini-map).

Report text is untrusted: it reaches the page only as escaped JSON and is
shown with ``textContent`` (see :mod:`geoconflict._map_security`).  The same
report always renders to the same bytes: element ids are numbered, not random.
With ``offline=True`` the page inlines Leaflet and its plugins from the npm
packages in ``node_modules`` and draws a vector basemap of country and
province borders instead of fetching tiles.
"""

from __future__ import annotations

import base64
from collections import OrderedDict
import os
import zlib
from os import PathLike
from pathlib import Path
from typing import Any

import folium
from branca.element import Element
from folium.plugins import Fullscreen, MeasureControl, MiniMap

from geoconflict._assets import leaflet_icon_script, resolve_assets
from geoconflict._files import temp_beside
from geoconflict._map_basemap import BoundariesUnavailable, basemap_geojson, world_geojson
from geoconflict._map_data import (
    LAYER_NAMES,
    LINK_COLOR,
    PRECISION_STYLE,
    STANCE_COLORS,
    STANCE_OPACITY,
    VERDICT_COLORS,
    build_map_data,
)
from geoconflict._map_elements import (
    DataLayer,
    DataScript,
    Done,
    InlineAsset,
    LinkLayer,
    Runtime,
    TimeSlider,
    VectorMiniMap,
)
from geoconflict._map_legend import Legend, LegendItem, LegendSection, line_svg, shape_svg, swatch_svg
from geoconflict._map_runtime import RUNTIME_CSS, RUNTIME_JS
from geoconflict._map_security import html_text, script_json
from geoconflict.errors import InputError, OutputExistsError
from geoconflict.schema import GEO_PRECISION

__all__ = ["report_map", "save_map", "DEFAULT_TILES", "MAX_INCIDENTS_AS_MARKERS"]

#: Tile provider of online maps (an xyzservices name).
DEFAULT_TILES = "OpenStreetMap.Mapnik"
#: Up to this many incidents are drawn as individual SVG shapes (one DOM node
#: each); more are painted on a canvas, which stays fast at 100,000.
MAX_INCIDENTS_AS_MARKERS = 2000
#: JSON payloads above this size are deflate-compressed (and inflated by the browser).
_COMPRESS_ABOVE = 1_000_000
_DEFAULT = object()


class _ReportMap(folium.Map):
    """A folium Map that renders deterministically and resolves its assets.

    Before each render the element tree is renumbered (folium gives every
    element a random id) and every ``default_js``/``default_css`` link is
    replaced by a pinned CDN link or, offline, by inline code.
    """

    _gc_offline = False

    def render(self, **kwargs):
        root = self.get_root()
        # Rendering appends to the figure's header/html/script; start each render
        # from the state before the first one so a second render repeats the first.
        parts = (root.header, root.html, root.script)
        if getattr(self, "_gc_snapshot", None) is None:
            self._gc_snapshot = tuple(OrderedDict(p._children) for p in parts)
        else:
            for part, snapshot in zip(parts, self._gc_snapshot):
                part._children = OrderedDict(snapshot)
        _renumber(root)
        _apply_assets(root, offline=self._gc_offline)
        super().render(**kwargs)


def _walk(element, seen: set[int] | None = None):
    """Every element under ``element`` in a fixed order: children, then elements
    held as attributes (a MiniMap's tile layer).  The figure's header/html/script
    are render output, rebuilt on each render, so they are not walked."""
    seen = set() if seen is None else seen
    if id(element) in seen:
        return
    seen.add(id(element))
    yield element
    for child in list(element._children.values()):
        yield from _walk(child, seen)
    for name in sorted(vars(element)):
        value = vars(element)[name]
        if isinstance(value, Element) and name not in ("_parent", "header", "html", "script"):
            yield from _walk(value, seen)


def _renumber(root) -> None:
    """Give every element a counter id in tree order, once.

    Rendering adds helper elements (e.g. a layer's ``ElementAddToElement``);
    they are numbered after the original ones on a later render, so rendering
    the same map twice gives the same page."""
    counter = getattr(root, "_gc_counter", 0)
    for element in _walk(root):
        if not getattr(element, "_gc_numbered", False):
            counter += 1
            element._id = f"{counter:05d}"
            element._gc_numbered = True
    root._gc_counter = counter


def _apply_assets(root, *, offline: bool) -> None:
    js, css = [], []
    for element in _walk(root):
        if not hasattr(element, "default_js"):
            continue
        if not hasattr(element, "_gc_js"):
            element._gc_js = list(element.default_js)
            element._gc_css = list(element.default_css)
        js += resolve_assets(element._gc_js, "js", offline=offline)
        css += resolve_assets(element._gc_css, "css", offline=offline)
        if offline:
            element.default_js, element.default_css = [], []
        else:
            element.default_js = [(a.name, a.url) for a in resolve_assets(element._gc_js, "js", offline=False)]
            element.default_css = [(a.name, a.url) for a in resolve_assets(element._gc_css, "css", offline=False)]
    if not offline:
        return
    done: set[str] = set()
    for asset in css + js:
        if asset.name in done:
            continue
        done.add(asset.name)
        root.header.add_child(InlineAsset(asset.code, asset.kind), name=f"gc_inline_{asset.name}")
        if asset.name == "leaflet_js":
            root.header.add_child(InlineAsset(leaflet_icon_script(), "js"), name="gc_inline_leaflet_icons")


_SUGGESTED_TILES = ("OpenStreetMap.Mapnik", "OpenTopoMap", "Esri.WorldImagery", "Esri.WorldStreetMap",
                    "OpenStreetMap.HOT")


def _tile_provider(name: str):
    """The xyzservices provider called ``name``; a typed error lists usable ones."""
    import xyzservices

    try:
        provider = xyzservices.providers.query_name(name)
    except ValueError:
        raise InputError(
            f"unknown tile provider {name!r}; use an xyzservices name such as "
            f"{', '.join(_SUGGESTED_TILES)} (all: xyzservices.providers.flatten()), "
            "or tiles=None (CLI: --tiles none) for no tiles"
        ) from None
    if provider.requires_token():
        raise InputError(
            f"tile provider {name!r} needs an API key, which geoconflict does not pass on; "
            f"use one without a key such as {', '.join(_SUGGESTED_TILES)}, or tiles=None"
        )
    return provider


def _payload_json(payload: dict[str, Any]) -> str:
    text = script_json(payload)
    if len(text) <= _COMPRESS_ABOVE:
        return text
    # Large maps (ACLED exports) carry their data deflated; the browser inflates it
    # with DecompressionStream. zlib output is deterministic for a given input.
    packed = base64.b64encode(zlib.compress(text.encode("utf-8"), 6)).decode("ascii")
    return script_json({"z": packed})


def _legend(data, *, title: str, notes: list[str]) -> Legend:
    sections: list[LegendSection] = []
    if data.actors:
        sections.append(LegendSection("Actor (colour)", [
            LegendItem(label, swatch_svg(color)) for label, color in data.actors]))
    if data.shapes:
        sections.append(LegendSection("Event type (symbol)", [
            LegendItem(label, shape_svg(sides, rot, "#ffffff")) for label, _, sides, rot in data.shapes]))
    if data.precisions:
        items = []
        for gp in data.precisions:
            style = PRECISION_STYLE.get(str(gp))
            if style is None:
                continue
            items.append(LegendItem(f"{gp}: {GEO_PRECISION.get(gp, '?')}",
                                    shape_svg(0, 0, "#9e9e9e", stroke=style["stroke"] or "#555555",
                                              dash=style["dash"], fill_opacity=style["fill"])))
        sections.append(LegendSection("Location precision (geo_precision)", items))
    if data.n_links:
        sections.append(LegendSection("Links", [
            LegendItem("Retaliation \u2192 incident it answers (arrow points to the response)",
                       line_svg(LINK_COLOR, dash="8 6"))]))
    if data.verdicts:
        items = [LegendItem(v.replace("_", " "), line_svg(VERDICT_COLORS[v], dash="6 4"))
                 for v in data.verdicts]
        items.append(LegendItem("ring: stated distance around the reference",
                                line_svg("#555555", dash="2 4", ring=True)))
        sections.append(LegendSection("Distance claims (line labelled with computed km)", items))
    if data.stances or data.stance_off_map:
        items = [LegendItem(s.replace("_", " "), swatch_svg(STANCE_COLORS[s], opacity=STANCE_OPACITY))
                 for s in data.stances]
        items += [LegendItem(f"not shaded: {entry}") for entry in data.stance_off_map]
        sections.append(LegendSection("Stances (countries shaded)", items))
    return Legend(title or "Report map", sections, notes)


def report_map(
    report,
    *,
    tiles: str | None = _DEFAULT,  # type: ignore[assignment]
    offline: bool = False,
    max_incidents_as_markers: int = MAX_INCIDENTS_AS_MARKERS,
    title: str | None = None,
    height: str = "100%",
) -> folium.Map:
    """Interactive folium map of a :class:`~geoconflict.report.Report`.

    Parameters
    ----------
    report : Report
        Places, incidents, claims and stances to draw.
    tiles : str or None
        xyzservices provider name (``"OpenStreetMap.Mapnik"``, ``"OpenTopoMap"`` ...; providers
        that need an API key are refused);
        ``None`` draws no tiles.  Defaults to OpenStreetMap online and to no
        tiles offline (a vector basemap of borders is drawn instead).
    offline : bool
        Inline Leaflet and plugins from ``node_modules`` so that the saved file
        needs no network; raises :class:`~geoconflict.errors.AssetsNotFoundError`
        when they are not installed (run ``./dev setup``).
    max_incidents_as_markers : int
        Up to this many incidents become individual SVG shapes; beyond it they
        are painted on one canvas (fast for 100,000).
    title : str, optional
        Legend title and page title (defaults to the report's title).
    height : str
        CSS height of the map.

    Returns
    -------
    folium.Map

    Raises
    ------
    InputError
        For an unknown tile provider or something that is not a Report.

    Examples
    --------
    >>> import folium
    >>> from geoconflict.report import Report
    >>> isinstance(report_map(Report(), tiles=None), folium.Map)
    True
    """
    for attr in ("incidents", "places", "claims", "stances"):
        if not hasattr(report, attr):
            raise InputError(
                f"report_map() needs a geoconflict Report (with .incidents, .places, .claims, "
                f".stances), not {type(report).__name__}; build one with geoconflict.read_report(text) "
                "or geoconflict.read_file(path)"
            )
    if tiles is _DEFAULT:
        tiles = None if offline else DEFAULT_TILES
    provider = _tile_provider(tiles) if tiles else None
    title = title if title is not None else (getattr(report, "title", "") or "")

    data = build_map_data(report)
    notes = list(data.notes)

    m = _ReportMap(location=None, tiles=None, max_zoom=18, min_zoom=1, height=height,
                   control_scale=True, zoom_start=2)
    m._gc_offline = bool(offline)
    root = m.get_root()
    root.title = html_text(title or "geoconflict map")

    basemap = world = None
    if offline or provider is None:
        try:
            basemap = basemap_geojson(data.bounds)
            world = world_geojson()
        except BoundariesUnavailable as exc:
            notes.append(f"No vector basemap: {exc}.")
    payload = dict(data.payload)
    if data.n_places > max_incidents_as_markers:
        # An ACLED export names a place per event; the incidents already show them.
        payload["places"] = []
        data.n_places = 0
        notes.append("The named places are not drawn as their own layer: there are too many; "
                     "each incident shows its location.")
    payload["basemap"] = basemap
    payload["world"] = world
    options = script_json({"maxMarkers": int(max_incidents_as_markers)})
    root.header.add_child(DataScript(_payload_json(payload)), name="gc_data")
    m.add_child(Runtime(RUNTIME_JS, RUNTIME_CSS, options, bool(offline)), name="gc_runtime")

    if basemap is not None:
        m.add_child(DataLayer("Borders (offline basemap)", "fillBasemap", overlay=False), name="gc_basemap")
    if provider is not None:
        folium.TileLayer(
            tiles=provider.build_url(scale_factor="{r}") if "{r}" in provider.url else provider.build_url(),
            attr=provider.html_attribution, name=provider.name,
            max_zoom=provider.get("max_zoom", 19), overlay=False, control=True,
        ).add_to(m)

    if data.n_stance_countries:
        m.add_child(DataLayer("Stances", "fillStances"), name="gc_stances")
    if data.n_areas:
        m.add_child(DataLayer("Areas (provinces and other areal places)", "fillAreas"), name="gc_areas")
    if data.n_places:
        m.add_child(DataLayer("Places named", "fillPlaces", show=data.n_incidents == 0), name="gc_places")
    if data.n_claims:
        m.add_child(DataLayer("Distance claims", "fillClaims"), name="gc_claims")
    if data.n_links:
        m.add_child(LinkLayer("Retaliation links", "fillLinks"), name="gc_links")
    from geoconflict.schema import LAYERS

    for code in data.layers_present:
        m.add_child(DataLayer(LAYER_NAMES[code], "fillIncidents", str(LAYERS.index(code))),
                    name=f"gc_layer_{code}")

    if len(data.dates) > 1:
        m.add_child(TimeSlider(), name="gc_time")
    Fullscreen(position="topleft").add_to(m)
    MeasureControl(position="topleft", primary_length_unit="kilometers",
                   secondary_length_unit="miles", primary_area_unit="sqkilometers").add_to(m)
    if provider is not None:
        MiniMap(tile_layer=folium.TileLayer(tiles=provider.build_url(), attr=provider.html_attribution),
                toggle_display=True, position="bottomleft").add_to(m)
    elif world is not None:  # no tiles: the overview is drawn from the bundled outlines
        m.add_child(VectorMiniMap(), name="gc_minimap")
    else:
        notes.append("No mini-map: it needs tiles or the bundled country outlines.")
    m.add_child(_legend(data, title=title, notes=notes), name="gc_legend")
    folium.LayerControl(collapsed=False, position="topright").add_to(m)

    if data.bounds is not None:
        minx, miny, maxx, maxy = data.bounds
        pad = 0.05 if (maxx - minx) or (maxy - miny) else 0.5
        # Leave room for the zoom buttons (left), layer control (top right), legend
        # (bottom right) and the mini-map and time slider (bottom left).
        m.fit_bounds([[miny - pad, minx - pad], [maxy + pad, maxx + pad]], max_zoom=12,
                     padding_top_left=(60, 40), padding_bottom_right=(300, 200))
    m.add_child(Done(), name="gc_done")
    return m


def render_html(m_or_report, *, offline: bool = False, **kwargs: Any) -> str:
    """The complete HTML page of a map (or of a report's map)."""
    m = m_or_report if isinstance(m_or_report, folium.Map) else report_map(m_or_report, offline=offline, **kwargs)
    if offline and isinstance(m, _ReportMap) and not m._gc_offline:
        raise InputError("this map was built online; build it with report_map(report, offline=True)")
    return m.get_root().render()


def save_map(m_or_report, path: str | PathLike, *, offline: bool = False, force: bool = False,
             **kwargs: Any) -> Path:
    """Write a map (or a report's map) to one HTML file, atomically.

    Parameters
    ----------
    m_or_report : folium.Map or Report
        A map from :func:`report_map`, or a Report to map with ``offline`` and ``kwargs``.
    path : str or path-like
        Destination ``.html`` file; its folder is created when missing.
    offline : bool
        Only used when a Report is given (see :func:`report_map`).
    force : bool
        Overwrite an existing file.

    Returns
    -------
    pathlib.Path
        The written path.

    Raises
    ------
    OutputExistsError
        When ``path`` exists and ``force`` is false.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> from geoconflict.report import Report
    >>> out = pathlib.Path(tempfile.mkdtemp()) / "map.html"
    >>> save_map(Report(), out, offline=False, tiles=None).name
    'map.html'
    """
    path = Path(path)
    if path.exists() and not force:
        raise OutputExistsError(f"{path} already exists; pass force=True (CLI: --force) to overwrite it")
    html = render_html(m_or_report, offline=offline, **kwargs)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = temp_beside(path)  # (not mkstemp: a map must be readable by others, as the umask allows)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as fh:
            fh.write(html)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except FileNotFoundError:
            pass
        raise
    return path
