"""Leaflet and plugin assets: online CDN links or offline inline copies.

folium names its JavaScript/CSS dependencies as ``(name, url)`` pairs
(``default_js`` / ``default_css``).  :func:`resolve_assets` maps each URL to
one file of an npm package listed in the repository's ``package.json`` and
installed under ``node_modules/`` by ``./dev setup`` (``npm ci``):

* online maps link the same package version on jsDelivr;
* offline maps get the file content inlined (CSS images become ``data:``
  URIs), read at run time from ``node_modules`` -- nothing is copied into the
  repository.

Assets the map does not use (jQuery, Bootstrap, Font Awesome, glyphicons) are
dropped in both modes.  ``node_modules`` is looked up in
``$GEOCONFLICT_ASSETS`` (the folder itself or its parent), then in the
repository root.
"""

from __future__ import annotations

import base64
import json
import os
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from geoconflict._map_security import inline_code
from geoconflict.errors import AssetsNotFoundError

__all__ = ["Asset", "resolve_assets", "node_modules_dir", "asset_text", "leaflet_icon_script"]

_REPO_ROOT = Path(__file__).resolve().parents[1]

#: Asset key -> (npm package, file inside the package, "js" or "css").
_FILES: dict[str, tuple[str, str, str]] = {
    "leaflet_js": ("leaflet", "dist/leaflet.js", "js"),
    "leaflet_css": ("leaflet", "dist/leaflet.css", "css"),
    "markercluster_js": ("leaflet.markercluster", "dist/leaflet.markercluster.js", "js"),
    "markercluster_css": ("leaflet.markercluster", "dist/MarkerCluster.css", "css"),
    "markercluster_default_css": ("leaflet.markercluster", "dist/MarkerCluster.Default.css", "css"),
    "fullscreen_js": ("leaflet.fullscreen", "Control.FullScreen.js", "js"),
    "fullscreen_css": ("leaflet.fullscreen", "Control.FullScreen.css", "css"),
    "minimap_js": ("leaflet-minimap", "dist/Control.MiniMap.min.js", "js"),
    "minimap_css": ("leaflet-minimap", "dist/Control.MiniMap.min.css", "css"),
    "measure_js": ("leaflet-measure", "dist/leaflet-measure.js", "js"),
    "measure_css": ("leaflet-measure", "dist/leaflet-measure.css", "css"),
    "antpath_js": ("leaflet-ant-path", "dist/leaflet-ant-path.js", "js"),
}

#: URL file-name pattern -> asset key; checked in order against folium's URLs.
_URL_PATTERNS: list[tuple[re.Pattern[str], str]] = [
    (re.compile(p, re.IGNORECASE), key)
    for p, key in [
        (r"/leaflet(\.min)?\.js$", "leaflet_js"),
        (r"/leaflet(\.min)?\.css$", "leaflet_css"),
        (r"/leaflet\.markercluster(-src)?\.js$", "markercluster_js"),
        (r"/MarkerCluster\.css$", "markercluster_css"),
        (r"/MarkerCluster\.Default\.css$", "markercluster_default_css"),
        (r"/Control\.FullScreen(\.min)?\.js$", "fullscreen_js"),
        (r"/Control\.FullScreen(\.min)?\.css$", "fullscreen_css"),
        (r"/Control\.MiniMap(\.min)?\.js$", "minimap_js"),
        (r"/Control\.MiniMap(\.min)?\.css$", "minimap_css"),
        (r"/leaflet-measure(\.min)?\.js$", "measure_js"),
        (r"/leaflet-measure(\.min)?\.css$", "measure_css"),
        (r"/leaflet-ant-path(\.min)?\.js$", "antpath_js"),
    ]
]

#: Assets folium loads by default that geoconflict maps never use.
_UNUSED = re.compile(r"jquery|bootstrap|awesome|glyphicons|fontawesome", re.IGNORECASE)

_MIME = {".png": "image/png", ".svg": "image/svg+xml", ".gif": "image/gif", ".jpg": "image/jpeg"}
_CSS_URL_RE = re.compile(r"""url\(\s*(['"]?)([^'")]+)\1\s*\)""")


@dataclass(frozen=True)
class Asset:
    """One resolved dependency: a URL to link, or code to inline."""

    name: str
    kind: str  # "js" or "css"
    url: str | None = None
    code: str | None = None


def node_modules_dir() -> Path:
    """The ``node_modules`` folder holding the npm asset packages.

    Raises
    ------
    AssetsNotFoundError
        When no folder is found (run ``./dev setup`` or ``npm ci``).
    """
    candidates = []
    env = os.environ.get("GEOCONFLICT_ASSETS")
    if env:
        base = Path(env)
        candidates += [base / "node_modules", base]
    candidates.append(_REPO_ROOT / "node_modules")
    for path in candidates:
        if (path / "leaflet" / "package.json").is_file():
            return path
    raise AssetsNotFoundError(
        "offline maps need the Leaflet assets from npm, but no node_modules folder with "
        f"'leaflet' was found (looked in: {', '.join(str(p) for p in candidates)}). "
        "Run `./dev setup` (or `npm ci` in the repository root), or point "
        "$GEOCONFLICT_ASSETS at a folder containing node_modules/."
    )


@lru_cache(maxsize=1)
def _pinned_versions() -> dict[str, str]:
    """Versions from the repository's package.json (used for online links)."""
    try:
        manifest = json.loads((_REPO_ROOT / "package.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return {k: str(v).lstrip("^~=") for k, v in manifest.get("dependencies", {}).items()}


def _asset_key(url: str) -> str | None:
    for pattern, key in _URL_PATTERNS:
        if pattern.search(url):
            return key
    return None


def _data_uri(path: Path) -> str:
    mime = _MIME.get(path.suffix.lower(), "application/octet-stream")
    return f"data:{mime};base64,{base64.b64encode(path.read_bytes()).decode('ascii')}"


@lru_cache(maxsize=64)
def _read_asset(path_str: str, kind: str, mtime_ns: int) -> str:
    path = Path(path_str)
    code = path.read_text(encoding="utf-8")
    if kind == "css":

        def replace(match: re.Match[str]) -> str:
            target = match.group(2).strip()
            if target.startswith(("data:", "#")):
                return match.group(0)
            if re.match(r"^[a-z]+:", target, re.IGNORECASE) or target.startswith("//"):
                raise AssetsNotFoundError(
                    f"{path.name} refers to the remote resource {target}; offline maps cannot load it"
                )
            image = (path.parent / target.split("?")[0].split("#")[0]).resolve()
            if not image.is_file():
                raise AssetsNotFoundError(
                    f"{path.name} needs {target}, which is not installed at {image}; "
                    "run `./dev setup` (npm ci) again"
                )
            return f'url("{_data_uri(image)}")'

        code = _CSS_URL_RE.sub(replace, code)
    # Source-map comments point at files that an inlined copy does not have.
    code = re.sub(r"^\s*//# sourceMappingURL=.*$", "", code, flags=re.MULTILINE)
    code = re.sub(r"/\*# sourceMappingURL=.*?\*/", "", code)
    return inline_code(code, kind)


def asset_text(key: str) -> str:
    """Content of asset ``key`` read from ``node_modules`` (CSS with images inlined).

    Raises
    ------
    AssetsNotFoundError
        When the npm package or file is missing.
    """
    package, file, kind = _FILES[key]
    path = node_modules_dir() / package / file
    if not path.is_file():
        raise AssetsNotFoundError(
            f"offline map asset {package}/{file} is missing from {path.parent}; "
            "run `./dev setup` (npm ci) to install the packages listed in package.json"
        )
    return _read_asset(str(path), kind, path.stat().st_mtime_ns)


def leaflet_icon_script() -> str:
    """JS pointing Leaflet's default marker icon at inlined images.

    Leaflet finds its marker images through the path of leaflet.css; once the
    CSS is inlined that path is gone and plugins that place default markers
    (the measure tool) would request ``marker-icon.png`` from disk.
    """
    images = node_modules_dir() / "leaflet" / "dist" / "images"
    urls = {}
    for option, name in (("iconUrl", "marker-icon.png"), ("iconRetinaUrl", "marker-icon-2x.png"),
                         ("shadowUrl", "marker-shadow.png")):
        path = images / name
        if not path.is_file():
            raise AssetsNotFoundError(f"Leaflet image {path} is missing; run `./dev setup` (npm ci) again")
        urls[option] = _data_uri(path)
    return ("L.Icon.Default.imagePath = '';\nL.Icon.Default.mergeOptions("
            + json.dumps(urls, sort_keys=True) + ");")


def resolve_assets(pairs: list[tuple[str, str]], kind: str, *, offline: bool) -> list[Asset]:
    """Map folium ``(name, url)`` dependency pairs to links or inline code.

    Examples
    --------
    >>> [a.url for a in resolve_assets([("jq", "https://code.jquery.com/jquery-3.7.1.min.js")],
    ...                                "js", offline=False)]
    []
    """
    out: list[Asset] = []
    for name, url in pairs:
        if _UNUSED.search(name) or _UNUSED.search(url):
            continue
        key = _asset_key(url)
        if offline:
            if key is None:
                raise AssetsNotFoundError(
                    f"no offline copy is known for {url} ({name}); offline maps can only use "
                    f"assets from these npm packages: {', '.join(sorted({p for p, _, _ in _FILES.values()}))}"
                )
            out.append(Asset(name=key, kind=kind, code=asset_text(key)))
            continue
        version = _pinned_versions().get(_FILES[key][0]) if key else None
        if key and version:
            package, file, _ = _FILES[key]
            url = f"https://cdn.jsdelivr.net/npm/{package}@{version}/{file}"
        out.append(Asset(name=key or name, kind=kind, url=url))
    return out
