"""Scoring rules of the quality benchmark (benchmarks/bench_quality.py).

The figures the developers track come from this scorer, so its rules are
checked on tiny hand-made gold and tool records; read_report is never run here.
"""

import json
import sys
from pathlib import Path

import pytest

BENCHMARKS = Path(__file__).resolve().parents[1] / "benchmarks"
sys.path.insert(0, str(BENCHMARKS))

import bench_quality as bq  # noqa: E402


def _place(text, cc=None, name=None, ft="city", gid=None):
    return {"text": text, "country_code": cc, "name": name or (text if cc else None), "feature_type": ft,
            "resolved": cc is not None, "gazetteer_id": gid}


def _gold_place(text, cc, optional=False):
    return {"text": text, "country_code": cc, "feature_type": None, "optional": optional}


def _incident(id_, location, layer="strike", cc="UA", **extra):
    row = {"id": id_, "location": location, "layer": layer, "country_code": cc, "gazetteer_id": None,
           "actor1": None, "sub_event_type": None, "event_date": None, "responds_to": None, "notes": "",
           "latitude": None, "longitude": None}
    row.update(extra)
    return row


def _gold_incident(location, layer=("strike",), cc="UA", optional=False, **extra):
    row = {"location": [location], "country_code": cc, "layer": list(layer), "actor1": None,
           "sub_event_type": None, "date": [None], "responds_to": None, "optional": optional}
    row.update(extra)
    return row


def _incidents(gold, tool, places=()):
    tally = bq.Tally()
    bq.score_incidents(gold, tool, list(places), tally)
    return tally


def test_name_matching_folds_accents_case_and_articles():
    assert bq.names_match(["Leposavić"], ["LEPOSAVIC"])
    assert bq.names_match(["al-Qaim"], ["Qaim"])
    assert bq.names_match(["Zaporizhzhia"], ["Zaporizhzhia Oblast"])


def test_short_names_must_be_a_whole_word():
    assert bq.names_match(["US"], ["US-led coalition"])
    assert not bq.names_match(["US"], ["Russia"])


def test_one_to_one_counts_a_duplicate_incident_as_false_positive():
    gold = [_gold_incident("Kharkiv")]
    tool = [_incident("I1", "Kharkiv"), _incident("I2", "Kharkiv")]
    tally = _incidents(gold, tool)
    loose, strict = tally.counts["incidents_loc"], tally.counts["incidents_loc_1to1"]
    assert (loose.tp_tool, loose.n_tool) == (2, 2)  # by location both rows name a gold place
    assert (strict.tp_tool, strict.n_tool) == (1, 2)  # one gold event credits one row
    assert strict.recall == 1.0
    assert any("DUPLICATE" in line for line in tally.lines)


def test_one_to_one_credits_the_row_with_the_right_layer():
    gold = [_gold_incident("Kharkiv", layer=("retaliation",))]
    tool = [_incident("I1", "Kharkiv", layer="strike"), _incident("I2", "Kharkiv", layer="retaliation")]
    tally = _incidents(gold, tool)
    assert tally.counts["incidents_loc_layer"].tp_gold == 1
    assert tally.counts["incidents_loc_layer"].tp_tool == 1


def test_incident_names_include_places_with_the_same_gazetteer_id():
    places = [_place("Gaza City", "PS", name="Gaza", gid="gn:1")]
    tool = [_incident("I1", "Gaza", cc="PS", gazetteer_id="gn:1")]
    tally = _incidents([_gold_incident("Gaza City", cc="PS")], tool, places)
    assert tally.counts["incidents_loc"].recall == 1.0


def test_unresolved_tool_place_naming_a_gold_place_is_not_a_false_positive():
    gold = [_gold_place("Masisi", "CD"), _gold_place("Goma", "CD")]
    tool = [_place("Masisi"), _place("Goma", "CD")]
    tally = bq.Tally()
    bq.score_places(gold, tool, tally)
    c = tally.counts["places"]
    assert c.precision == 1.0
    assert (c.tp_gold, c.n_gold) == (1, 2)  # but the unresolved required place is still missed
    assert any("MISS place: Masisi" in line for line in tally.lines)


def test_unresolved_tool_place_naming_nothing_in_gold_is_a_false_positive():
    tally = bq.Tally()
    bq.score_places([_gold_place("Goma", "CD")], [_place("Goma", "CD"), _place("Houston")], tally)
    assert (tally.counts["places"].tp_tool, tally.counts["places"].n_tool) == (1, 2)


def test_place_in_the_wrong_country_is_a_miss_and_a_false_positive():
    tally = bq.Tally()
    bq.score_places([_gold_place("Palma", "MZ")], [_place("Palma", "ES")], tally)
    c = tally.counts["places"]
    assert (c.tp_tool, c.tp_gold) == (0, 0)


def test_optional_items_count_neither_way():
    tally = bq.Tally()
    bq.score_places([_gold_place("Goma", "CD"), _gold_place("Sake", "CD", optional=True)],
                    [_place("Goma", "CD"), _place("Sake", "CD")], tally)
    c = tally.counts["places"]
    assert (c.tp_tool, c.n_tool, c.tp_gold, c.n_gold) == (2, 2, 1, 1)  # present: not an FP

    tally = bq.Tally()
    bq.score_places([_gold_place("Goma", "CD"), _gold_place("Sake", "CD", optional=True)],
                    [_place("Goma", "CD")], tally)
    c = tally.counts["places"]
    assert (c.tp_gold, c.n_gold) == (1, 1)  # absent: not a miss

    gold = [_gold_incident("Kharkiv"), _gold_incident("Tabriz", cc="IR", optional=True)]
    tally = _incidents(gold, [_incident("I1", "Kharkiv"), _incident("I2", "Tabriz", cc="IR")])
    c = tally.counts["incidents_loc_1to1"]
    assert (c.tp_tool, c.n_tool, c.tp_gold, c.n_gold) == (2, 2, 1, 1)


def test_near_rejects_a_same_name_place_far_away():
    gold = [_gold_incident("Duhok", cc="IQ", near=[37.1, 43.3, 150])]
    far = _incident("I1", "Duhok", cc="IQ", latitude=31.3, longitude=45.3)
    close = _incident("I1", "Duhok", cc="IQ", latitude=36.87, longitude=42.95)
    assert _incidents(gold, [far]).counts["incidents_loc"].tp_gold == 0
    assert _incidents(gold, [close]).counts["incidents_loc"].tp_gold == 1


def test_cue_rejects_an_incident_from_another_sentence():
    gold = [_gold_incident("Bria", cc="CF", cue="attacked army positions")]
    other = _incident("I1", "Bria", cc="CF", notes="The fighting cut the road between Bambari and Bria.")
    right = _incident("I1", "Bria", cc="CF", notes="Rebels attacked army positions in Bria on Saturday.")
    assert _incidents(gold, [other]).counts["incidents_loc"].tp_gold == 0
    assert _incidents(gold, [right]).counts["incidents_loc"].tp_gold == 1


def test_responds_to_is_checked_by_the_linked_incident_location():
    gold = [_gold_incident("Hakkari", cc="TR"),
            _gold_incident("Duhok", layer=("retaliation",), cc="IQ", responds_to=["Hakkari"])]
    linked = [_incident("I1", "Hakkari", cc="TR"), _incident("I2", "Duhok", "retaliation", "IQ", responds_to="I1")]
    unlinked = [_incident("I1", "Hakkari", cc="TR"), _incident("I2", "Duhok", "retaliation", "IQ")]
    assert _incidents(gold, linked).accuracy["responds_to"] == [1, 1]
    assert _incidents(gold, unlinked).accuracy["responds_to"] == [0, 1]


def test_claims_match_in_either_order_and_verdict_is_scored():
    gold = [{"reference": ["Bangui"], "target": ["Bria"], "stated_km": 600, "verdict": ["overstated"],
             "optional": False, "note": ""}]
    tool = [{"reference": "Bria", "target": "Bangui", "stated_km": 600, "verdict": "consistent"}]
    tally = bq.Tally()
    bq.score_claims(gold, tool, tally)
    assert tally.counts["claims"].recall == 1.0
    assert tally.accuracy["claim_verdict"] == [0, 1]


def test_stance_needs_actor_stance_and_target():
    gold = [{"actor": ["European Union", "EU"], "stance": ["condemns"], "toward": ["ADF"], "optional": False}]
    wrong_target = [{"actor": "EU", "stance": "condemns", "toward": "DR Congo"}]
    tally = bq.Tally()
    bq.score_stances(gold, wrong_target, tally)
    c = tally.counts["stances"]
    assert (c.tp_tool, c.n_tool, c.tp_gold, c.n_gold) == (0, 1, 0, 1)


def test_a_crash_scores_every_required_item_as_missed():
    gold = {"published": "2026-01-05", "places": [_gold_place("Goma", "CD")],
            "incidents": [_gold_incident("Goma", cc="CD")], "claims": [], "stances": []}
    tally = bq.score_report("x", gold, {"error": "Traceback ..."})
    assert tally.crashes == 1
    assert tally.counts["places"].recall == 0.0
    assert tally.counts["incidents_loc"].recall == 0.0


@pytest.mark.parametrize("rnd", bq.ROUNDS)
def test_every_report_has_gold_in_the_documented_format(rnd):
    cases = bq.load_cases((rnd,))
    assert cases, f"no reports for round {rnd}"
    for _, name, report, expected in cases:
        assert report.read_text(encoding="utf-8").strip(), name
        gold = json.loads(expected.read_text(encoding="utf-8"))
        assert {"published", "places", "incidents", "claims", "stances"} <= set(gold), name
        assert all(isinstance(e["optional"], bool) for t in ("places", "incidents", "claims", "stances")
                   for e in gold[t]), name


@pytest.mark.parametrize("no_actor", [None, [None]])
def test_gold_without_an_actor_does_not_score_actor1(no_actor):
    gold = [_gold_incident("Shwebo", cc="MM", actor1=no_actor)]
    for actor in (None, "Military Forces of Myanmar (2021-)"):
        tally = _incidents(gold, [_incident("I1", "Shwebo", cc="MM", actor1=actor)])
        assert tally.accuracy["actor1"] == [0, 0]
