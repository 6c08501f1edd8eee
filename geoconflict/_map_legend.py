"""The map legend: a branca element saved inside the HTML.

Labels come from report data and are escaped here (:func:`html_text`, which
also escapes braces: branca re-reads macro output as a Jinja template).  The
only raw markup is the small SVG symbol of each entry, drawn here from numbers
and validated colours -- never from report text.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field

from branca.element import MacroElement
from folium.template import Template

from geoconflict._map_security import html_text

__all__ = ["Legend", "LegendSection", "LegendItem", "shape_svg", "swatch_svg", "line_svg"]

_COLOR_RE = re.compile(r"^#[0-9a-fA-F]{6}$")


def _flat(text: str) -> str:
    """Escaped label text (see html_text); U+2028/2029 read as a space."""
    return html_text(str(text).replace("\u2028", " ").replace("\u2029", " "))


def _color(value: str) -> str:
    if not _COLOR_RE.match(value):
        raise ValueError(f"not a #rrggbb colour: {value!r}")
    return value


def shape_svg(sides: int, rotation: float, fill: str, *, stroke: str = "#222222",
              dash: str | None = None, size: int = 16, fill_opacity: float = 0.9) -> str:
    """An inline SVG of an incident symbol (circle when ``sides`` is 0)."""
    c = size / 2
    r = size / 2 - 2
    dash_attr = f' stroke-dasharray="{float(dash.split()[0]):g} {float(dash.split()[1]):g}"' if dash else ""
    style = (f'fill="{_color(fill)}" fill-opacity="{fill_opacity:g}" stroke="{_color(stroke)}" '
             f'stroke-width="1.5"{dash_attr}')
    if not sides:
        body = f'<circle cx="{c:g}" cy="{c:g}" r="{r:g}" {style}/>'
    else:
        pts = " ".join(
            f"{c + r * math.cos(rotation + k * 2 * math.pi / sides):.2f},"
            f"{c + r * math.sin(rotation + k * 2 * math.pi / sides):.2f}"
            for k in range(sides)
        )
        body = f'<polygon points="{pts}" {style}/>'
    return (f'<svg width="{size}" height="{size}" viewBox="0 0 {size} {size}" aria-hidden="true">'
            f"{body}</svg>")


def swatch_svg(fill: str, *, opacity: float = 0.9, stroke: str = "#333333") -> str:
    """A filled square swatch."""
    return (f'<svg width="14" height="14" viewBox="0 0 14 14" aria-hidden="true"><rect x="1" y="1" '
            f'width="12" height="12" fill="{_color(fill)}" fill-opacity="{opacity:g}" '
            f'stroke="{_color(stroke)}"/></svg>')


def line_svg(color: str, *, dash: str | None = None, ring: bool = False) -> str:
    """A short line (or a ring) symbol."""
    dash_attr = f' stroke-dasharray="{dash}"' if dash and re.fullmatch(r"[0-9 ]+", dash) else ""
    shape = (f'<circle cx="9" cy="7" r="5.5" fill="none" stroke="{_color(color)}" stroke-width="2"{dash_attr}/>'
             if ring else
             f'<line x1="1" y1="7" x2="17" y2="7" stroke="{_color(color)}" stroke-width="3"{dash_attr}/>')
    return f'<svg width="18" height="14" viewBox="0 0 18 14" aria-hidden="true">{shape}</svg>'


@dataclass
class LegendItem:
    label: str
    svg: str = ""


@dataclass
class LegendSection:
    title: str
    items: list[LegendItem] = field(default_factory=list)


class Legend(MacroElement):
    """A collapsible categorical legend shown as a Leaflet control."""

    _template = Template(
        """
        {% macro html(this, kwargs) %}
        <div id="{{ this.get_name() }}" class="gc-legend leaflet-control" hidden>
          <details open>
            <summary>{{ this.title }}</summary>
            {% for section in this.sections %}
            <h5>{{ section.title }}</h5>
            <ul>
              {% for item in section.items %}
              <li>{{ item.svg }}<span>{{ item.label }}</span></li>
              {% endfor %}
            </ul>
            {% endfor %}
            {% if this.notes %}
            <h5>Notes</h5>
            <ul>
              {% for note in this.notes %}<li class="gc-note">{{ note }}</li>{% endfor %}
            </ul>
            {% endif %}
          </details>
        </div>
        {% endmacro %}
        {% macro script(this, kwargs) %}
        GC.legend(document.getElementById({{ this.get_name()|tojson }}));
        {% endmacro %}
        """
    )

    def __init__(self, title: str, sections: list[LegendSection], notes: list[str]):
        super().__init__()
        self._name = "GcLegend"
        # U+2028/2029 are line breaks to JavaScript; as labels a space reads the same.
        self.title = _flat(title)
        self.sections = [LegendSection(_flat(s.title), [LegendItem(_flat(i.label), i.svg) for i in s.items])
                         for s in sections]
        self.notes = [_flat(n) for n in notes]
