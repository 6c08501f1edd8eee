"""Extraction quality of ``read_report`` on the hand-annotated QA reports.

Runs ``geoconflict.read_report(text, published=gold["published"])`` on every
report of ``benchmarks/quality/reports`` in one process, compares the four
tables with the gold answers in ``benchmarks/quality/expected`` and prints:

* a machine line (commit, time, load average) so figures can be compared,
* precision/recall of places, incidents (by location; one tool incident per
  gold incident; location + layer), claims and stances, the accuracy of claim
  verdicts and of four incident attributes (actor1, date, sub_event_type,
  responds_to) and of the published date parsed from the text, for all
  rounds together and, with ``--by-round``, per round,
* with ``-v``, every miss, false positive and wrong attribute per report.

Rounds 1-6 are no longer held out: the developers have tuned on them, so their
figures are a regression benchmark, not an estimate of quality on unseen
reports. Round 7 was scored once, held out, at 0817dcf (r7_heldout_first_score.txt).
``benchmarks/quality/README.md`` documents the gold format and every scoring
rule; this module is their reference implementation.

Run: ``.venv/bin/python benchmarks/bench_quality.py [--round r1|r2|r3|r4|r5|r6|r7] [--by-round] [-v]``
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import re
import subprocess
import sys
import time
import traceback
import unicodedata
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path

from pyproj import Geod

REPO = Path(__file__).resolve().parents[1]
QUALITY = REPO / "benchmarks" / "quality"
ROUNDS = ("r1", "r2", "r3", "r4", "r5", "r6", "r7")

_GEOD = Geod(ellps="WGS84")

#: Table rows in print order: key -> label. Each is scored as precision over
#: the tool's rows and recall over the required gold items.
TABLES = {
    "places": "places (country_code + name)",
    "incidents_loc": "incidents by location",
    "incidents_loc_1to1": "incidents by location, 1:1",
    "incidents_loc_layer": "incidents by location + layer",
    "claims": "claims (reference + target)",
    "stances": "stances (actor + stance + toward)",
}
#: Accuracy rows: key -> label.
ACCURACIES = {
    "claim_verdict": "claim verdict (matched, required)",
    "actor1": "incident actor1 (matched)",
    "date": "incident date (matched)",
    "sub_event_type": "incident sub_event_type (matched)",
    "responds_to": "incident responds_to (matched)",
    "published": "published date parsed by the tool",
}
#: Tool feature types a gold "city" accepts: gazetteers disagree on how big a town must be.
_CITY_LIKE = ("city", "town", "village", "populated place")


# ---------------------------------------------------------------- name matching

def norm(name) -> str:
    """Fold a name for comparison: no accents, case or punctuation, no leading article.

    >>> norm("Al-Qaim"), norm("the Golan"), norm("Leposavić")
    ('qaim', 'golan', 'leposavic')
    """
    if name is None:
        return ""
    s = unicodedata.normalize("NFKD", str(name))
    s = "".join(c for c in s if not unicodedata.combining(c))
    s = s.casefold().replace("\u2019", "'")
    # Arabic and Spanish articles are written in or left out at random in
    # English reporting ("al-Qaim" / "Qaim"); a gold alias should not care.
    s = re.sub(r"^(the|al|el)[ -]", "", s)
    return re.sub(r"[^a-z0-9]", "", s)


def names_match(aliases, values) -> bool:
    """True if a gold alias names one of the tool's values.

    Names of 4+ normalised characters match when equal or when one contains
    the other ("Zaporizhzhia" in "Zaporizhzhia Oblast"), since the tool may
    return a longer official name or the report a shorter form. Shorter names
    ("UN", "US", "IS") must equal a whole word of a value, so "US" does not
    match "Russia".

    >>> names_match(["Gaza"], ["Gaza Strip"]), names_match(["US"], ["Russia"])
    (True, False)
    """
    normalised = [norm(v) for v in values if v]
    for alias in aliases:
        a = norm(alias)
        if any(a == v or (len(a) >= 4 and (a in v or (len(v) >= 4 and v in a))) for v in normalised):
            return True
        if len(a) < 4 and any(a in [norm(w) for w in re.split(r"[^\w]+", str(v))] for v in values if v):
            return True
    return False


# ---------------------------------------------------------------- tallies

@dataclass
class Counts:
    """Matches of one table: tool rows credited / tool rows, gold found / gold required."""

    tp_tool: int = 0
    n_tool: int = 0
    tp_gold: int = 0
    n_gold: int = 0

    @property
    def precision(self) -> float:
        # No tool rows means nothing false was said: precision 1 by convention.
        return self.tp_tool / self.n_tool if self.n_tool else 1.0

    @property
    def recall(self) -> float:
        return self.tp_gold / self.n_gold if self.n_gold else 1.0


@dataclass
class Tally:
    """Scores of one report, or the sum over several, plus the -v lines."""

    counts: dict[str, Counts] = field(default_factory=lambda: {k: Counts() for k in TABLES})
    accuracy: dict[str, list[int]] = field(default_factory=lambda: {k: [0, 0] for k in ACCURACIES})
    lines: list[str] = field(default_factory=list)
    reports: int = 0
    crashes: int = 0

    def count(self, key: str, tp_tool: int, n_tool: int, tp_gold: int, n_gold: int) -> None:
        """Add one report's matches of table ``key``."""
        c = self.counts[key]
        c.tp_tool += tp_tool
        c.n_tool += n_tool
        c.tp_gold += tp_gold
        c.n_gold += n_gold

    def judge(self, key: str, ok: bool) -> None:
        """Count one attribute check."""
        self.accuracy[key][0] += bool(ok)
        self.accuracy[key][1] += 1

    def __iadd__(self, other: Tally) -> Tally:
        for k, c in other.counts.items():
            self.count(k, c.tp_tool, c.n_tool, c.tp_gold, c.n_gold)
        for k, (ok, n) in other.accuracy.items():
            self.accuracy[k][0] += ok
            self.accuracy[k][1] += n
        self.lines += other.lines
        self.reports += other.reports
        self.crashes += other.crashes
        return self


# ---------------------------------------------------------------- scoring, one table at a time

def score_places(gold: list[dict], tool: list[dict], tally: Tally) -> None:
    """Places: a tool place is right if its text or name matches a gold place of the same country.

    Every tool place naming a gold place is credited (a name listed twice is
    not a false positive). An unresolved tool place (no country_code) whose
    text names any gold place is the contract's honest ``resolved: false`` row,
    so it is not a false positive either; a required gold place it names still
    counts as missed. Optional gold places count neither way.
    """
    used: set[int] = set()
    found = required = 0
    for e in gold:
        matches = [i for i, g in enumerate(tool)
                   if names_match([e["text"]], [g["text"], g.get("name")])
                   and (e["country_code"] is None or g.get("country_code") == e["country_code"])]
        required += not e["optional"]
        if matches:
            used.update(matches)
            found += not e["optional"]
            # Report the type of the closest match (same text first); types are not scored.
            matches.sort(key=lambda i: norm(tool[i]["text"]) != norm(e["text"]))
            got = tool[matches[0]].get("feature_type")
            want = e["feature_type"]
            if want and got and got != want and not (want == "city" and got in _CITY_LIKE):
                tally.lines.append(f"  place type: {e['text']} got {got} expected {want}")
        elif not e["optional"]:
            seen = [(g["text"], g.get("country_code"), g.get("feature_type"), g.get("name"))
                    for g in tool if names_match([e["text"]], [g["text"], g.get("name")])]
            tally.lines.append(f"  MISS place: {e['text']} [{e['country_code']}]"
                               + (f"  -> got as {seen}" if seen else ""))
    for i, g in enumerate(tool):
        if i not in used and not g.get("country_code") and any(names_match([e["text"]], [g["text"]]) for e in gold):
            used.add(i)
    tally.lines += [f"  FP place: {g['text']!r} -> {g.get('name')} [{g.get('country_code')}] "
                    f"{g.get('feature_type')} resolved={g.get('resolved')}"
                    for i, g in enumerate(tool) if i not in used]
    tally.count("places", len(used), len(tool), found, required)


def _candidates(e: dict, incidents: list[dict], names_of) -> list[dict]:
    """Tool incidents that may be the gold incident ``e``: by location name, country, cue and distance."""
    found = [g for g in incidents
             if names_match(e["location"], names_of(g))
             # an unresolved incident country is not held against a match; null gold country = any
             and (e["country_code"] is None or g.get("country_code") in (e["country_code"], None))]
    if e.get("cue"):
        # The gold names words of its own sentence, so an incident built from
        # another sentence mentioning the same town is not credited.
        found = [g for g in found if e["cue"].casefold() in (g.get("notes") or "").casefold()]
    if e.get("near"):
        # The gold bounds the location (lat, lon, km), so a same-name place
        # resolved far away is not credited.
        lat, lon, km = e["near"]
        found = [g for g in found if g.get("latitude") is not None
                 and _GEOD.inv(lon, lat, g["longitude"], g["latitude"])[2] / 1000 <= km]
    return found


def score_incidents(gold: list[dict], tool: list[dict], places: list[dict], tally: Tally) -> None:
    """Incidents: matched by location name, then layer and attributes are checked.

    A tool incident's names are its ``location`` plus the text and name of every
    tool place with the same gazetteer id, so "Gaza City" in the text credits an
    incident located at "Gaza". Three rows are kept:

    * by location: every tool incident matching some gold incident is credited;
    * 1:1: each gold incident credits one tool incident (the one with the right
      layer, else the first), so duplicates of an event count as false positives;
    * + layer: the credited incident must also have an accepted layer.

    Attributes (actor1, sub_event_type, date, responds_to) are checked on the
    credited incident of every matched gold incident, optional ones included.
    """
    ids_names: dict = {}
    for p in places:
        if p.get("gazetteer_id") is not None:  # unresolved places share no identity
            ids_names.setdefault(p["gazetteer_id"], set()).update([p["text"], p.get("name")])

    def names_of(g):
        return [g.get("location"), *ids_names.get(g.get("gazetteer_id"), ())]

    by_id = {g["id"]: g for g in tool}
    credit: dict[str, int] = {}  # tool id -> 1 if credited with the right layer, else 0
    one_to_one: set[str] = set()
    found = found_layer = required = 0
    for e in gold:
        matches = _candidates(e, tool, names_of)
        required += not e["optional"]
        where = e["location"][0]
        if not matches:
            if not e["optional"]:
                tally.lines.append(f"  MISS incident: {where} ({e['layer'][0]}, {e['actor1']})")
            continue
        for g in matches:
            credit.setdefault(g["id"], 0)
        if len(matches) > 1:
            tally.lines.append(f"  DUPLICATE incidents for {where}: "
                               f"{[(g['id'], g['layer'], g.get('sub_event_type')) for g in matches]}")
        g = next((g for g in matches if g["layer"] in e["layer"]), matches[0])
        layer_ok = g["layer"] in e["layer"]
        credit[g["id"]] = int(layer_ok)
        one_to_one.add(g["id"])
        if not e["optional"]:
            found += 1
            found_layer += layer_ok
        if not layer_ok:
            tally.lines.append(f"  LAYER {where}: got {g['layer']} expected {e['layer']}  "
                               f"| {(g.get('notes') or '')[:140]!r}")
        _check_attributes(e, g, by_id, names_of, tally)
    for g in tool:
        if g["id"] not in credit:
            tally.lines.append(f"  FP incident: {g['id']} {g['location']} [{g.get('country_code')}] {g['layer']} "
                               f"actor1={g.get('actor1')!r} | {(g.get('notes') or '')[:150]!r}")
    for key, tp_tool, tp_gold in (("incidents_loc", len(credit), found),
                                  ("incidents_loc_1to1", len(one_to_one), found),
                                  ("incidents_loc_layer", sum(credit.values()), found_layer)):
        tally.count(key, tp_tool, len(tool), tp_gold, required)


def _check_attributes(e: dict, g: dict, by_id: dict, names_of, tally: Tally) -> None:
    """Attribute accuracy of the tool incident ``g`` credited to gold incident ``e``."""
    where = e["location"][0]
    # Round 1 wrote "no actor known" as [null] where later rounds write null: neither is scored.
    actors = [a for a in e["actor1"] or () if a]
    if actors:
        ok = names_match(actors, [g.get("actor1")])
        tally.judge("actor1", ok)
        if not ok:
            tally.lines.append(f"  ACTOR1 {where}: got {g.get('actor1')!r} expected ~{e['actor1']}")
    if e["sub_event_type"]:
        ok = g.get("sub_event_type") in e["sub_event_type"]
        tally.judge("sub_event_type", ok)
        if not ok:
            tally.lines.append(f"  SUBTYPE {where}: got {g.get('sub_event_type')!r} expected {e['sub_event_type']}")
    if e["date"] and e["date"][0]:  # [null]: the report gives no date for this event
        day = (g.get("event_date") or "")[:10]
        ok = day in e["date"]
        tally.judge("date", ok)
        if not ok:
            tally.lines.append(f"  DATE {where}: got {day} (cue {g.get('date_cue')!r}, precision "
                               f"{g.get('time_precision')}) expected {e['date']}")
    # responds_to null in gold means "no link": scored only when the tool links anyway.
    if e["responds_to"] is not None or g.get("responds_to"):
        targets = [by_id.get(x) for x in (g.get("responds_to") or "").split()]
        target_names = [n for t in targets if t for n in names_of(t)]
        if e["responds_to"] is None:
            ok = not targets
        else:
            ok = names_match(e["responds_to"], target_names)
        tally.judge("responds_to", ok)
        if not ok:
            tally.lines.append(f"  RESPONDS_TO {where}: got {[t and t['location'] for t in targets]} "
                               f"expected {e['responds_to']}")


def score_claims(gold: list[dict], tool: list[dict], tally: Tally) -> None:
    """Claims: matched by reference and target names, in either order; the verdict is checked.

    Every tool claim matching a gold claim is credited. Verdict accuracy is
    over the matched required claims.
    """
    used: set[int] = set()
    found = required = 0
    for e in gold:
        matches = [i for i, g in enumerate(tool)
                   if (names_match(e["reference"], [g["reference"]]) and names_match(e["target"], [g["target"]]))
                   or (names_match(e["reference"], [g["target"]]) and names_match(e["target"], [g["reference"]]))]
        required += not e["optional"]
        if not matches:
            if not e["optional"]:
                tally.lines.append(f"  MISS claim: {e['target'][0]} {e['stated_km']} km from {e['reference'][0]}")
            continue
        used.update(matches)
        g = tool[matches[0]]
        if not e["optional"]:
            found += 1
            tally.judge("claim_verdict", g["verdict"] in e["verdict"])
        if g["verdict"] not in e["verdict"]:
            tally.lines.append(f"  CLAIM VERDICT {g['reference']}->{g['target']}: stated {g['stated_km']} computed "
                               f"{g.get('computed_km')} tol {g.get('tolerance_km')} -> {g['verdict']} "
                               f"expected {e['verdict']}")
    tally.lines += [f"  FP claim: {g['reference']} -> {g['target']} stated {g['stated_km']} "
                    f"({g.get('stated_text')}) computed {g.get('computed_km')} {g['verdict']}"
                    for i, g in enumerate(tool) if i not in used]
    tally.count("claims", len(used), len(tool), found, required)


def score_stances(gold: list[dict], tool: list[dict], tally: Tally) -> None:
    """Stances: actor, stance and target must all match; every matching tool stance is credited."""
    used: set[int] = set()
    found = required = 0
    for e in gold:
        matches = [i for i, g in enumerate(tool)
                   if names_match(e["actor"], [g["actor"]]) and names_match(e["toward"], [g["toward"]])
                   and g["stance"] in e["stance"]]
        required += not e["optional"]
        if matches:
            used.update(matches)
            found += not e["optional"]
        elif not e["optional"]:
            same_actor = [(g["actor"], g["stance"], g["toward"]) for g in tool if names_match(e["actor"], [g["actor"]])]
            tally.lines.append(f"  MISS stance: {e['actor'][0]} {e['stance'][0]} {e['toward'][0]}"
                               + (f"  -> tool has {same_actor}" if same_actor else ""))
    tally.lines += [f"  FP stance: {g['actor']} {g['stance']} {g['toward']} | {str(g.get('quote'))[:120]!r}"
                    for i, g in enumerate(tool) if i not in used]
    tally.count("stances", len(used), len(tool), found, required)


def score_report(name: str, gold: dict, tool: dict) -> Tally:
    """Score one report's tool records (lists of row dicts per table) against its gold answers.

    ``tool`` may carry ``error`` (a traceback) instead of tables: a crash
    scores every required gold item as missed.
    """
    tally = Tally(reports=1)
    tally.lines.append(f"\n=== {name} ===")
    if "error" in tool:
        tally.crashes += 1
        tally.lines.append("CRASH:\n" + tool["error"])
        tool = {"places": [], "incidents": [], "claims": [], "stances": [], "published": None}
    if gold.get("published_expected"):
        # The report has no published date passed in, so the tool must parse it from the text.
        tally.judge("published", (tool["published"] or "")[:10] == gold["published_expected"])
        tally.lines.append(f"published parsed: {tool['published']} (expected {gold['published_expected']})")
    score_places(gold["places"], tool["places"], tally)
    score_incidents(gold["incidents"], tool["incidents"], tool["places"], tally)
    score_claims(gold["claims"], tool["claims"], tally)
    score_stances(gold["stances"], tool["stances"], tally)
    return tally


# ---------------------------------------------------------------- running the tool

def _records(frame) -> list[dict]:
    """Rows of a table as plain JSON values (ISO dates, None for missing), as a user reading the output sees them."""
    frame = frame.drop(columns=[c for c in ("geometry", "footprint") if c in frame.columns])
    return json.loads(frame.to_json(orient="records", date_format="iso", default_handler=str))


def run_tool(text: str, published) -> dict:
    """``read_report`` on one report, as row dicts per table; a traceback under ``error`` if it raises."""
    import geoconflict

    try:
        report = geoconflict.read_report(text, published=published)
    except Exception:  # a crash is a result to score, not a reason to stop the benchmark
        return {"error": traceback.format_exc()}
    return {"places": _records(report.places), "incidents": _records(report.incidents),
            "claims": _records(report.claims), "stances": _records(report.stances),
            "published": None if report.published is None else str(report.published)}


def load_cases(rounds=ROUNDS) -> list[tuple[str, str, Path, Path]]:
    """(round, name, report path, gold path) for every report of ``rounds``, sorted by name."""
    cases = []
    for path in sorted((QUALITY / "reports").iterdir()):
        rnd = path.name.split("_", 1)[0]
        if rnd in rounds and path.suffix in (".txt", ".html"):
            cases.append((rnd, path.stem, path, QUALITY / "expected" / f"{path.stem}.json"))
    return cases


# ---------------------------------------------------------------- printing

def format_table(tally: Tally) -> str:
    """The score table of ``tally`` in Markdown."""
    out = ["| table | precision | recall | tool rows | gold (required) |", "|---|---|---|---|---|"]
    for key, label in TABLES.items():
        c = tally.counts[key]
        out.append(f"| {label} | {c.precision:.2f} ({c.tp_tool}/{c.n_tool}) | "
                   f"{c.recall:.2f} ({c.tp_gold}/{c.n_gold}) | {c.n_tool} | {c.n_gold} |")
    out.append("| **accuracy** | | | | |")
    for key, label in ACCURACIES.items():
        ok, n = tally.accuracy[key]
        out.append(f"| {label} | {ok / n if n else 1:.2f} ({ok}/{n}) | | | |")
    return "\n".join(out)


def _machine_line() -> str:
    try:
        commit = subprocess.run(["git", "-C", str(REPO), "describe", "--always", "--dirty"],
                                capture_output=True, text=True, check=True).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        commit = "unknown"
    now = datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
    return (f"machine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}, "
            f"load average {os.getloadavg()[0]:.2f}; commit {commit}; {now}")


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--round", choices=ROUNDS, action="append",
                        help="score only this round: r1, r2, r3, r4, r5, r6 or r7 (repeatable; default: all)")
    parser.add_argument("--by-round", action="store_true", help="also print one table per round")
    parser.add_argument("-v", "--verbose", action="store_true", help="print misses and false positives per report")
    args = parser.parse_args(argv)
    rounds = tuple(r for r in ROUNDS if r in (args.round or ROUNDS))  # fixed order, no repeats

    print(_machine_line())
    cases = load_cases(rounds)
    start = time.perf_counter()
    per_round = {r: Tally() for r in rounds}
    for rnd, name, report, expected in cases:
        gold = json.loads(expected.read_text(encoding="utf-8"))
        tool = run_tool(report.read_text(encoding="utf-8"), gold.get("published"))
        per_round[rnd] += score_report(name, gold, tool)
    print(f"read_report on {len(cases)} reports: {time.perf_counter() - start:.1f} s "
          f"(including the gazetteer load); load average {os.getloadavg()[0]:.2f}")

    total = Tally()
    for tally in per_round.values():
        total += tally
    print(f"\n## {'+'.join(rounds)}: {total.reports} reports, {total.crashes} crashed\n")
    print(format_table(total))
    if args.by_round:
        for rnd, tally in per_round.items():
            print(f"\n## {rnd}: {tally.reports} reports, {tally.crashes} crashed\n")
            print(format_table(tally))
    if args.verbose:
        print("\n".join(total.lines))
    return 1 if total.crashes else 0


if __name__ == "__main__":
    sys.exit(main())
