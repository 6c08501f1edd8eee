"""folium/branca elements that make up a geoconflict map.

Each element renders through a Jinja template whose only inputs from a report
are JSON strings made by :func:`geoconflict._map_security.script_json` or
values escaped with Jinja's ``|e`` filter.
"""

from __future__ import annotations

from branca.element import Element, MacroElement
from folium.elements import JSCSSMixin
from folium.map import Layer
from folium.plugins import MiniMap
from folium.template import Template

__all__ = [
    "Runtime",
    "DataScript",
    "DataLayer",
    "LinkLayer",
    "TimeSlider",
    "VectorMiniMap",
    "Done",
    "InlineAsset",
]


class InlineAsset(Element):
    """A ``<script>`` or ``<style>`` holding third-party code read from node_modules."""

    _template = Template(
        "{% if this.kind == 'js' %}<script>{{ this.code }}</script>"
        "{% else %}<style>{{ this.code }}</style>{% endif %}"
    )

    def __init__(self, code: str, kind: str):
        super().__init__()
        self._name = "InlineAsset"
        self.code = code
        self.kind = kind


class DataScript(Element):
    """The map's data as ``<script type="application/json" id="gc-data">``.

    A plain Element is rendered once; MacroElement output is compiled again as
    a Jinja template by branca, which is slow for megabytes and must never see
    report text."""

    _template = Template('<script type="application/json" id="gc-data">{{ this.json }}</script>')

    def __init__(self, json_text: str):
        super().__init__()
        self._name = "GcData"
        self.json = json_text


class Runtime(MacroElement):
    """Defines ``window.GC`` and hands it the map's data payload."""

    _template = Template(
        """
        {% macro header(this, kwargs) %}<style>{{ this.css }}</style>{% endmacro %}
        {% macro script(this, kwargs) %}
        {{ this.js }}
        GC.init({{ this._parent.get_name() }}, JSON.parse(document.getElementById("gc-data").textContent),
                {{ this.options }});
        {% if this.offline %}{{ this._parent.get_name() }}.getContainer().classList.add("gc-offline");{% endif %}
        {% endmacro %}
        """
    )

    def __init__(self, js: str, css: str, options: str, offline: bool):
        super().__init__()
        self._name = "GcRuntime"
        self.js = js
        self.css = css
        self.options = options
        self.offline = offline


class DataLayer(Layer):
    """A toggleable layer filled by ``GC.<fill>(group[, arg])`` once the data is read."""

    _template = Template(
        """
        {% macro script(this, kwargs) %}
        var {{ this.get_name() }} = L.featureGroup();
        GC.ready.then(function () {
            var group = {{ this.get_name() }}, fill = function () {
                GC.{{ this.fill }}(group{% if this.arg is not none %}, {{ this.arg }}{% endif %});
            };
            // Layers hidden at start are filled the first time they are switched on.
            if (GC.map.hasLayer(group)) { fill(); } else { group.once("add", fill); }
        });
        {% endmacro %}
        """
    )

    def __init__(self, name: str, fill: str, arg: str | None = None, *, overlay: bool = True,
                 show: bool = True):
        super().__init__(name=name, overlay=overlay, control=True, show=show)
        self._name = "GcLayer"
        self.fill = fill
        self.arg = arg


class LinkLayer(JSCSSMixin, DataLayer):
    """Retaliation links, animated with leaflet-ant-path."""

    default_js = [("antpath", "https://cdn.jsdelivr.net/npm/leaflet-ant-path@1.3.0/dist/leaflet-ant-path.js")]


class TimeSlider(MacroElement):
    """A range input that shows incidents up to the chosen date."""

    _template = Template(
        """
        {% macro script(this, kwargs) %}
        GC.ready.then(function () { GC.timeSlider(); });
        {% endmacro %}
        """
    )

    def __init__(self):
        super().__init__()
        self._name = "GcTimeSlider"


class VectorMiniMap(JSCSSMixin, MacroElement):
    """An overview map drawn from the bundled country outlines (no tiles needed)."""

    _template = Template(
        """
        {% macro script(this, kwargs) %}
        GC.ready.then(function () { GC.miniMap(); });
        {% endmacro %}
        """
    )
    default_js = MiniMap.default_js
    default_css = MiniMap.default_css

    def __init__(self):
        super().__init__()
        self._name = "GcMiniMap"


class Done(MacroElement):
    """Marks the page ready (``window.__gcReady``) once every layer is filled."""

    _template = Template(
        """
        {% macro script(this, kwargs) %}
        GC.done();
        {% endmacro %}
        """
    )

    def __init__(self):
        super().__init__()
        self._name = "GcDone"
