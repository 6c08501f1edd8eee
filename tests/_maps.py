"""Hand-built Reports for the map tests (no extraction needed).

The numbers are public-knowledge coordinates; the sentences are written for
these tests.  Builders take parameters so tests can vary dates and text.
"""

from __future__ import annotations

from datetime import date

import numpy as np
import pandas as pd
from shapely.geometry import LineString, Point, Polygon

from geoconflict.report import Report
from geoconflict.schema import conform

KABUL = (69.1723, 34.5281)
KANDAHAR = (65.7101, 31.6133)
PAKTIA = (69.4, 33.6)          # representative point of the province
FAIZABAD_ISB = (73.08694, 33.66444)
PMO_ISB = (73.1002, 33.7257)

#: A rough footprint of Paktia (enough to be drawn as an area).
PAKTIA_FOOTPRINT = Polygon([(68.9, 33.2), (70.2, 33.3), (70.3, 34.0), (69.6, 34.2), (68.9, 33.9), (68.9, 33.2)])

STRIKE_SENTENCE = "Pakistani jets struck targets in Kabul, Kandahar and Paktia before dawn."
RETALIATION_SENTENCE = "Hours later the Taliban fired rockets at the Faizabad area of Islamabad."


def _incident(i, layer, x, y, *, when, actor1, actor2=None, location, notes, gp=1,
              event_type="Explosions/Remote violence", sub="Air/drone strike", responds_to=None,
              admin1=None, country=None, gid=None):
    return {
        "id": i, "layer": layer, "event_date": when, "time_precision": 1,
        "event_type": event_type, "sub_event_type": sub, "actor1": actor1, "actor2": actor2,
        "country": country, "admin1": admin1, "location": location, "latitude": y, "longitude": x,
        "geo_precision": gp, "notes": notes, "responds_to": responds_to, "confidence": 0.9,
        "gazetteer_id": gid, "source": "test report", "geometry": Point(x, y),
    }


def border_report(*, second_day: str | None = "2026-02-28", text: str | None = None) -> Report:
    """Strikes on three Afghan places, one Taliban retaliation answering them,
    a distance claim, stances, an areal province and an unresolved name.

    ``second_day`` dates the retaliation (``None``: same day as the strikes).
    """
    day1 = "2026-02-27"
    day2 = second_day or day1
    incidents = conform([
        _incident("I1", "strike", *KABUL, when=day1, actor1="Military Forces of Pakistan",
                  actor2="Taliban", location="Kabul", notes=STRIKE_SENTENCE, country="Afghanistan",
                  admin1="Kabul"),
        _incident("I2", "strike", *KANDAHAR, when=day1, actor1="Military Forces of Pakistan",
                  actor2="Taliban", location="Kandahar", notes=STRIKE_SENTENCE, country="Afghanistan",
                  admin1="Kandahar"),
        _incident("I3", "strike", *PAKTIA, when=day1, actor1="Military Forces of Pakistan",
                  actor2="Taliban", location="Paktia", notes=STRIKE_SENTENCE, gp=3, country="Afghanistan",
                  admin1="Paktia", gid="admin1:AF.PKT"),
        _incident("I4", "retaliation", *FAIZABAD_ISB, when=day2, actor1="Taliban",
                  actor2="Military Forces of Pakistan", location="Faizabad", notes=RETALIATION_SENTENCE,
                  gp=2, event_type="Explosions/Remote violence", sub="Shelling/artillery/missile attack",
                  responds_to="I1 I2 I3", country="Pakistan", admin1="Islamabad"),
    ], "incident")
    places = conform([
        {"id": "P1", "text": "Kabul", "resolved": True, "name": "Kabul", "feature_type": "city",
         "country_code": "AF", "country": "Afghanistan", "latitude": KABUL[1], "longitude": KABUL[0],
         "precision_m": 5000.0, "mentions": 1, "geometry": Point(*KABUL)},
        {"id": "P2", "text": "Paktia", "resolved": True, "name": "Paktia", "feature_type": "admin1",
         "country_code": "AF", "country": "Afghanistan", "admin1": "Paktia", "latitude": PAKTIA[1],
         "longitude": PAKTIA[0], "precision_m": 60000.0, "gazetteer_id": "admin1:AF.PKT",
         "footprint": PAKTIA_FOOTPRINT, "mentions": 2, "geometry": Point(*PAKTIA)},
        {"id": "P3", "text": "Prime Minister's Office", "resolved": True, "name": "Prime Minister's Office",
         "feature_type": "landmark", "country_code": "PK", "latitude": PMO_ISB[1], "longitude": PMO_ISB[0],
         "precision_m": 200.0, "geometry": Point(*PMO_ISB)},
        {"id": "P4", "text": "Tabbasum Road", "resolved": False, "geometry": None},
    ], "place")
    claims = conform([
        {"id": "C1", "reference": "Prime Minister's Office", "target": "Faizabad", "stated_km": 6.0,
         "stated_text": "six kilometres", "hedge": "exact", "computed_km": 6.9, "computed_bearing_deg": 190.0,
         "tolerance_km": 1.5, "verdict": "consistent", "notes": RETALIATION_SENTENCE,
         "geometry": LineString([PMO_ISB, FAIZABAD_ISB])},
    ], "claim")
    stances = conform([
        {"id": "S1", "actor": "United States", "actor_country_code": "US", "toward": "Pakistan",
         "toward_country_code": "PK", "stance": "supports", "quote": "Pakistan has a right to defend itself."},
        {"id": "S2", "actor": "India", "actor_country_code": "IN", "toward": "Pakistan",
         "stance": "condemns", "quote": "India condemns the strikes."},
        {"id": "S3", "actor": "United Nations", "actor_country_code": None, "toward": None,
         "stance": "calls_for_restraint", "quote": "The UN urged restraint."},
    ], "stance")
    return Report(places=places, incidents=incidents, claims=claims, stances=stances,
                  text=text or " ".join([STRIKE_SENTENCE, RETALIATION_SENTENCE]),
                  published=date(2026, 2, 28), title="Border strikes (test)")


def hostile_report(payloads: list[str]) -> Report:
    """A report whose every text field carries an attack string."""
    rows, places, claims, stances = [], [], [], []
    for k, bad in enumerate(payloads):
        x, y = 30.0 + k, 10.0 + k * 0.5
        rows.append(_incident(f"I{k}{bad}", "clash", x, y, when=f"2026-03-0{1 + k % 2}", actor1=bad, actor2=bad,
                              location=bad, notes=f"sentence {k}: {bad}", event_type=bad, sub=bad,
                              admin1=bad, country=bad, responds_to=f"I0{payloads[0]}" if k else None))
        places.append({"id": f"P{k}", "text": bad, "name": bad, "resolved": True, "feature_type": bad,
                       "country": bad, "admin1": bad, "latitude": y, "longitude": x, "gazetteer_id": bad,
                       "footprint": Point(x, y).buffer(0.2), "geometry": Point(x, y)})
        claims.append({"id": f"C{k}", "reference": bad, "target": bad, "stated_km": 10.0, "stated_text": bad,
                       "hedge": bad, "stated_direction": bad, "computed_km": 12.0, "verdict": "overstated",
                       "notes": bad, "geometry": LineString([(x, y), (x + 0.1, y + 0.1)])})
        stances.append({"id": f"S{k}", "actor": bad, "actor_country_code": "FR" if k == 0 else None,
                        "toward": bad, "stance": "condemns", "quote": bad})
    places.append({"id": "PX", "text": payloads[0], "resolved": False, "geometry": None})
    return Report(places=conform(places, "place"), incidents=conform(rows, "incident"),
                  claims=conform(claims, "claim"), stances=conform(stances, "stance"),
                  text="\n".join(payloads), title=payloads[0])


def synthetic_report(n: int, *, seed: int = 0, days: int = 30) -> Report:
    """``n`` ACLED-like incidents spread over a region (for size and speed checks)."""
    rng = np.random.default_rng(seed)
    actors = [f"Armed group {k}" for k in range(14)]
    event_types = ["Battles", "Explosions/Remote violence", "Violence against civilians", "Protests",
                   "Riots", "Strategic developments"]
    layers = ["clash", "strike", "other", "protest", "protest", "other"]
    et = rng.integers(0, len(event_types), n)
    lon = rng.uniform(60, 75, n).round(5)
    lat = rng.uniform(25, 37, n).round(5)
    base = pd.Timestamp("2025-01-01")
    frame = pd.DataFrame({
        "id": [f"SYN{k}" for k in range(n)],
        "layer": [layers[k] for k in et],
        "event_date": base + pd.to_timedelta(rng.integers(0, days, n), unit="D"),
        "event_type": [event_types[k] for k in et],
        "sub_event_type": ["Armed clash"] * n,
        "actor1": [actors[k] for k in rng.integers(0, len(actors), n)],
        "actor2": [actors[k] for k in rng.integers(0, len(actors), n)],
        "location": [f"Village {k % 5000}" for k in range(n)],
        "latitude": lat, "longitude": lon,
        "geo_precision": rng.integers(1, 4, n),
        "notes": [f"On this day armed group {k % 14} attacked positions near village {k % 5000}; "
                  f"{k % 7} fatalities were reported by local sources (event {k})." for k in range(n)],
        "source": ["Synthetic source"] * n,
        "fatalities": rng.integers(0, 7, n),
    })
    frame["geometry"] = [Point(x, y) for x, y in zip(lon, lat)]
    return Report(incidents=conform(frame, "incident"), title=f"{n} synthetic incidents")
