"""Fixtures shared by the whole suite."""

from __future__ import annotations

import pytest

from common import BAD_NAMES, EXAMPLES_DIR, HOSTILE_STRINGS, seed_reports


@pytest.fixture(scope="session")
def seed_text() -> str:
    """Text of the sample report in ../shared/seed (skips when absent)."""
    reports = seed_reports()
    if not reports:
        pytest.skip("sample report ../shared/seed/*.txt not present")
    return reports[0].read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def example_path():
    """The project's own bundled example report."""
    path = EXAMPLES_DIR / "border_strikes.txt"
    assert path.is_file(), "the bundled example report is part of the package"
    return path


@pytest.fixture(scope="session")
def example_text(example_path) -> str:
    return example_path.read_text(encoding="utf-8")


@pytest.fixture(params=BAD_NAMES, ids=lambda s: repr(s[:12]))
def bad_name(request) -> str:
    return request.param


@pytest.fixture(params=HOSTILE_STRINGS, ids=lambda s: repr(s[:12]))
def hostile_string(request) -> str:
    return request.param
