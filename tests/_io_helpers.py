"""Hand-made reports and comparison helpers for the file-format tests."""

from __future__ import annotations

from datetime import date

import geopandas as gpd
import numpy as np
import pandas as pd
import shapely
from shapely import LineString, Point, Polygon

from common import HOSTILE_STRINGS
from geoconflict.report import Report
from geoconflict.schema import KIND_COLUMNS, conform

FORMATS = ("geojson", "gpkg", "csv", "kml", "parquet")

#: Text that must come back unchanged from every format: markup, quotes,
#: commas, newlines, a CDATA terminator, a spreadsheet formula, non-Latin.
HOSTILE = [
    *HOSTILE_STRINGS,
    "ends a CDATA section ]]> then <b>bold</b> & ampersand",
    "=HYPERLINK(\"http://x\",\"y\"),;\ttab",
    "Ts'khinvali — Khān Yūnis — 喀布尔 — كابل",
]

# Clockwise exterior and counter-clockwise hole: the writers must reorient
# them for RFC 7946 (exterior CCW, holes CW).
_PAKTIA = Polygon(
    [(69.0, 33.3), (69.0, 34.0), (70.0, 34.0), (70.0, 33.3), (69.0, 33.3)],
    holes=[[(69.4, 33.5), (69.6, 33.5), (69.6, 33.7), (69.4, 33.7), (69.4, 33.5)]],
)


def hostile_report() -> Report:
    """Every column type, nulls everywhere they may occur, hostile text."""
    incidents = conform(
        [
            {
                "id": "I1", "layer": "strike", "event_date": "2024-03-05", "time_precision": 1,
                "disorder_type": "Political violence", "event_type": "Explosions/Remote violence",
                "sub_event_type": "Air/drone strike", "actor1": "Military Forces of Pakistan",
                "actor2": HOSTILE[0], "country": "Afghanistan", "iso": 4, "country_code": "AF",
                "admin1": "Kabul", "location": "Kabul", "latitude": 34.52812345678,
                "longitude": 69.17231234567, "geo_precision": 1, "fatalities": 0,
                "source": HOSTILE[1], "notes": HOSTILE[4], "source_start": 0, "source_end": 120,
                "confidence": 0.875, "responds_to": None, "gazetteer_id": "geonames:1138958",
                "border_distance_km": 12.345678901234,
                "geometry": Point(69.17231234567, 34.52812345678),
            },
            {
                "id": "I2", "layer": "retaliation", "event_date": "2024-03-06", "time_precision": 2,
                "actor1": "Taliban", "actor2": None, "country": "Pakistan", "iso": 586,
                "country_code": "PK", "location": "Faizabad, Islamabad", "latitude": 33.66444,
                "longitude": 73.08694, "geo_precision": 2, "fatalities": None,
                "notes": HOSTILE[6], "source_start": 121, "source_end": 300, "confidence": 0.5,
                "responds_to": "I1 I3", "geometry": Point(73.08694, 33.66444),
            },
            {
                # nothing known but the layer: every nullable column null
                "id": "I3", "layer": "other", "notes": HOSTILE[7] + " " + HOSTILE[8],
                "geometry": None,
            },
        ],
        "incident",
    )
    places = conform(
        [
            {
                "id": "P1", "text": "Kabul", "start": 40, "end": 45, "mentions": 2, "resolved": True,
                "name": "Kabul", "feature_type": "city", "country_code": "AF", "country": "Afghanistan",
                "admin1": "Kabul", "latitude": 34.52813, "longitude": 69.17233,
                "gazetteer_id": "geonames:1138958", "score": 0.97, "ambiguous": False, "fuzzy": False,
                "precision_m": 5000.0, "footprint": None, "geometry": Point(69.17233, 34.52813),
            },
            {
                "id": "P2", "text": "Paktia", "start": 60, "end": 66, "mentions": 1, "resolved": True,
                "name": "Paktia", "feature_type": "admin1", "country_code": "AF", "country": "Afghanistan",
                "admin1": "Paktia", "latitude": 33.65, "longitude": 69.5, "gazetteer_id": "ne:AFG-1742",
                "score": 0.9, "ambiguous": True, "fuzzy": False, "precision_m": 60000.0,
                "footprint": _PAKTIA, "geometry": Point(69.5, 33.65),
            },
            {
                "id": "P3", "text": "Tabbasum Road", "start": 200, "end": 213, "mentions": 1,
                "resolved": False, "ambiguous": None, "fuzzy": None, "footprint": None, "geometry": None,
            },
            {
                "id": "P4", "text": HOSTILE[2], "start": 220, "end": 230, "mentions": 1,
                "resolved": True, "name": "Zürich", "country_code": "CH", "fuzzy": True, "score": 0.61,
                "footprint": None, "geometry": Point(8.541694, 47.376887),
            },
        ],
        "place",
    )
    claims = conform(
        [
            {
                "id": "C1", "reference": "Prime Minister's Office", "target": "Faizabad",
                "stated_km": 6.0, "stated_text": "six kilometres", "hedge": "approximate",
                "stated_direction": None, "computed_km": 6.912345678901234,
                "computed_bearing_deg": 161.25, "direction_ok": None, "tolerance_km": 1.5,
                "verdict": "consistent", "notes": HOSTILE[3], "source_start": 130, "source_end": 190,
                "geometry": LineString([(73.1002, 33.7257), (73.08694, 33.66444)]),
            },
            {
                "id": "C2", "reference": "Kabul", "target": "Nowhere", "stated_km": 40.0,
                "stated_text": "roughly 40 miles", "hedge": "approximate", "stated_direction": "NE",
                "direction_ok": False, "verdict": "unverifiable", "geometry": None,
            },
        ],
        "claim",
    )
    stances = conform(
        [
            {
                "id": "S1", "actor": "United States", "actor_country_code": "US", "toward": "Pakistan",
                "toward_country_code": "PK", "stance": "supports", "quote": HOSTILE[4],
                "source_start": 400, "source_end": 480, "geometry": None,
            },
            {
                "id": "S2", "actor": "United Nations", "actor_country_code": None, "toward": None,
                "stance": "calls_for_restraint", "quote": HOSTILE[5], "geometry": None,
            },
        ],
        "stance",
    )
    return Report(
        places=places,
        incidents=incidents,
        claims=claims,
        stances=stances,
        text="(text is not stored by the exports)",
        published=date(2024, 3, 6),
        title="Cross-border strikes — «test» <report>",
        source="hand-made test fixture",
    )


# --------------------------------------------------------------------------- comparison


def assert_geometries_equal(left, right, *, tolerance: float, label: str) -> None:
    left, right = list(left), list(right)
    assert len(left) == len(right), label
    for i, (a, b) in enumerate(zip(left, right)):
        a_missing = a is None or (isinstance(a, float) and np.isnan(a))
        b_missing = b is None or (isinstance(b, float) and np.isnan(b))
        assert a_missing == b_missing, f"{label} row {i}: null geometry not preserved ({a!r} vs {b!r})"
        if a_missing:
            continue
        assert shapely.get_coordinate_dimension(b) == 2, f"{label} row {i}: {b.wkt} is not 2D"
        assert a.geom_type == b.geom_type, f"{label} row {i}: {a.geom_type} became {b.geom_type}"
        assert shapely.normalize(a).equals_exact(shapely.normalize(b), tolerance), (
            f"{label} row {i}: {a.wkt} != {b.wkt}"
        )


def assert_table_equal(
    left: gpd.GeoDataFrame, right: gpd.GeoDataFrame, kind: str, *, tolerance: float, loose_extras: bool = False
) -> None:
    """Same columns in the same order, same dtypes, same values and nulls.

    ``loose_extras``: columns outside the schema only need the same values
    (files without a type system, CSV, give them back as text).
    """
    label = f"{kind}s"
    assert list(right.columns) == list(left.columns), f"{label}: columns differ"
    assert right.crs is not None and right.crs.to_epsg() == 4326, f"{label}: CRS lost"
    schema = KIND_COLUMNS[kind]
    for name in left.columns:
        if loose_extras and name not in schema:
            _assert_same_values(left[name], right[name], f"{label}.{name}")
            continue
        if name in ("geometry", "footprint"):
            assert_geometries_equal(left[name], right[name], tolerance=tolerance, label=f"{label}.{name}")
            continue
        assert str(right[name].dtype) == str(left[name].dtype), (
            f"{label}.{name}: dtype {right[name].dtype} != {left[name].dtype}"
        )
        pd.testing.assert_series_equal(
            pd.Series(right[name]).reset_index(drop=True),
            pd.Series(left[name]).reset_index(drop=True),
            check_exact=False,
            rtol=1e-12,
            obj=f"{label}.{name}",
        )


def tables(report: Report) -> dict[str, gpd.GeoDataFrame]:
    return {kind: getattr(report, f"{kind}s") for kind in KIND_COLUMNS}


def _assert_same_values(left: pd.Series, right: pd.Series, label: str) -> None:
    left = pd.Series(left).reset_index(drop=True)
    right = pd.Series(right).reset_index(drop=True)
    assert left.isna().tolist() == right.isna().tolist(), f"{label}: nulls differ"
    if pd.api.types.is_numeric_dtype(left.dtype) and not pd.api.types.is_bool_dtype(left.dtype):
        np.testing.assert_allclose(
            pd.to_numeric(right).astype(float).to_numpy(), left.astype(float).to_numpy(), rtol=1e-12, err_msg=label
        )
    else:
        assert [str(v) for v in right.dropna()] == [str(v) for v in left.dropna()], label
