"""Shared edge cases for the test suite (in the spirit of shapely's tests/common.py).

Import these constants in any test module; fixtures wrapping them live in
``conftest.py``.
"""

from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[1]
#: The sample report handed to the project; tests that read it skip when absent.
SEED_DIR = REPO_ROOT.parent / "shared" / "seed"
EXAMPLES_DIR = REPO_ROOT / "geoconflict" / "examples"

#: Names a user may type that are not place names at all.
BAD_NAMES = [
    "",
    "   ",
    "\t\n",
    "x" * 10_000,
    "Kabul\x00",
    "\x07\x1b[31m",
]

#: Place names in scripts other than Latin (GeoNames alternate names).
NON_LATIN_NAMES = {
    "Кабул": "AF",      # Cyrillic
    "كابل": "AF",       # Arabic
    "イスラマバード": "PK",  # Katakana
}

#: Strings that must stay inert when they reach HTML, JS, CSV or KML.
HOSTILE_STRINGS = [
    "<script>alert(1)</script>",
    '"><img src=x onerror=alert(1)>',
    "</div></div></script><!--",
    "javascript:alert(document.domain)",
    "line one\nline two, with \"quotes\" and 'apostrophes'",
    "\u2028\u2029 separators",
]


def seed_reports() -> list[Path]:
    """The sample report files, or an empty list when the seed folder is absent."""
    if not SEED_DIR.is_dir():
        return []
    return sorted(SEED_DIR.glob("*.txt"))
