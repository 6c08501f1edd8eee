"""Escaping for text that reaches the map's HTML and JavaScript.

Report text is untrusted.  Everything the map shows from a report travels in
one of two ways, and each has exactly one escaper here:

* into HTML markup (legend entries, the page title): :func:`html_text`;
  braces are escaped too, because branca compiles the output of every
  MacroElement macro as a Jinja template once more (``{{ ... }}`` in report
  text would otherwise be evaluated while rendering);
* into a ``<script>`` element as data: :func:`script_json`, which emits JSON
  that cannot end the script element, open an HTML comment or break a
  JavaScript string (``<``, ``>``, ``&``, U+2028 and U+2029 become ``\\uXXXX``),
  and that holds no Jinja opener (``{{``, ``{%``, ``{#``).

Popups and tooltips are built in the browser with ``textContent`` from that
data (see ``_map_runtime.js``), so no report string is ever parsed as HTML.
"""

from __future__ import annotations

import html
import json
import math
import re
from typing import Any

__all__ = ["html_text", "script_json", "inline_code", "clean"]

_JSON_ESCAPES = {
    "<": "\\u003c",
    ">": "\\u003e",
    "&": "\\u0026",
    "\u2028": "\\u2028",
    "\u2029": "\\u2029",
    "{": "\\u007b",
}
_JSON_ESCAPE_RE = re.compile("[<>&\u2028\u2029]|\\{(?=[{%#])")


def html_text(value: Any) -> str:
    """Escape ``value`` for an HTML text node or a quoted attribute.

    Examples
    --------
    >>> html_text('"><img src=x onerror=alert(1)>')
    '&quot;&gt;&lt;img src=x onerror=alert(1)&gt;'
    >>> html_text('{{ 7*7 }}')
    '&#123;&#123; 7*7 &#125;&#125;'
    """
    text = html.escape("" if value is None else str(value), quote=True)
    return text.replace("{", "&#123;").replace("}", "&#125;")


def clean(value: Any) -> Any:
    """Turn pandas/numpy scalars and NaN into plain JSON values (NaN -> None)."""
    if value is None:
        return None
    try:
        import pandas as pd

        if value is pd.NA or value is pd.NaT:
            return None
    except ImportError:  # pragma: no cover - pandas is a hard dependency
        pass
    if hasattr(value, "item") and not isinstance(value, (str, bytes)):
        value = value.item()
    if isinstance(value, float) and not math.isfinite(value):
        return None
    return value


def script_json(obj: Any) -> str:
    """JSON safe to embed verbatim inside an HTML ``<script>`` element.

    Examples
    --------
    >>> script_json({"t": "</script><!-- \u2028"})
    '{"t":"\\\\u003c/script\\\\u003e\\\\u003c!-- \\\\u2028"}'
    """
    text = json.dumps(obj, ensure_ascii=False, separators=(",", ":"), allow_nan=False)
    return _JSON_ESCAPE_RE.sub(lambda m: _JSON_ESCAPES[m.group(0)], text)


_CLOSE_SCRIPT_RE = re.compile(r"</(script)", re.IGNORECASE)
_CLOSE_STYLE_RE = re.compile(r"</(style)", re.IGNORECASE)


def inline_code(code: str, kind: str) -> str:
    """Make third-party JS/CSS safe to place inside ``<script>``/``<style>``.

    Only a closing tag can end those elements early; ``<\\/script`` means the
    same inside JavaScript strings and regular expressions.
    """
    if kind == "js":
        return _CLOSE_SCRIPT_RE.sub(r"<\\/\1", code)
    return _CLOSE_STYLE_RE.sub(r"<\\/\1", code)
