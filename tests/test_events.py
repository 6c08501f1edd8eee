"""Incidents from text (geoconflict.events) and actor names (geoconflict.actors)."""

from datetime import date

import pytest

from _extract import EL_FASHER, mentions

from geoconflict.actors import actor_country, country_code, find_actors, military_of, with_country
from geoconflict.events import extract_incidents, find_triggers

PUBLISHED = date(2026, 2, 28)  # a Saturday


def incidents(text, published=PUBLISHED, **kw):
    return extract_incidents(text, mentions(text), published=published, **kw)


# ------------------------------------------------------------------ actors
@pytest.mark.parametrize(
    "phrase, name",
    [
        ("Pakistani aircraft", "Military Forces of Pakistan"),
        ("Pakistan's air force", "Military Forces of Pakistan"),
        ("Russian forces", "Military Forces of Russia"),
        ("the Israel Defense Forces", "Military Forces of Israel"),
        ("the Sudanese Armed Forces", "Military Forces of Sudan"),
        ("Ukrainian troops", "Military Forces of Ukraine"),
        ("Taliban forces", "Taliban"),
        ("the Taliban", "Taliban"),
        ("Hamas", "Hamas"),
        ("the Rapid Support Forces", "Rapid Support Forces"),
        ("al-Shabaab fighters", "Al Shabaab"),
        ("M23 rebels", "M23: March 23 Movement"),
        ("Islamic State", "Islamic State"),
        ("ISIS", "Islamic State"),
        ("the Houthis", "Houthis (Ansar Allah)"),
        ("Ansar Allah", "Houthis (Ansar Allah)"),
        ("Kenyan police", "Police Forces of Kenya"),
        ("Burkinabe soldiers", "Military Forces of Burkina Faso"),
        ("Congolese army", "Military Forces of Democratic Republic of Congo"),
    ],
)
def test_actor_phrases_map_to_acled_names(phrase, name):
    found = find_actors(f"Officials said {phrase} attacked.")
    assert [a.name for a in found if a.kind in ("military", "group", "police")] == [name]


def test_capitals_and_countries_are_metonyms_with_their_country():
    found = {a.text: (a.kind, a.country_code) for a in find_actors("Islamabad said Moscow and the US agreed.")}
    assert found == {"Islamabad": ("capital", "PK"), "Moscow": ("capital", "RU"), "US": ("country", "US")}


def test_lowercase_us_is_not_the_united_states():
    assert find_actors("Let us hope.") == []


def test_names_inside_hyphenated_compounds_are_not_actors():
    assert [a.text for a in find_actors("clashes along the Afghanistan-Pakistan border")] == []


def test_actor_helpers():
    assert military_of("SO") == "Military Forces of Somalia"
    assert with_country("Protesters", "BD") == "Protesters (Bangladesh)"
    assert actor_country("Rapid Support Forces") == "SD"
    assert actor_country("Military Forces of Ukraine") == "UA"
    assert country_code("Saudi") == "SA" and country_code("Kyiv") == "UA"
    assert country_code("Atlantis") is None


# ---------------------------------------------------------------- triggers
def test_triggers_carry_acled_types():
    kinds = {t.text.lower(): (t.event_type, t.sub_event_type) for t in find_triggers(
        "An airstrike, shelling, a suicide bomb, an IED, clashes, protests and riots.")}
    assert kinds["airstrike"] == ("Explosions/Remote violence", "Air/drone strike")
    assert kinds["shelling"] == ("Explosions/Remote violence", "Shelling/artillery/missile attack")
    assert kinds["suicide bomb"] == ("Explosions/Remote violence", "Suicide bomb")
    assert kinds["ied"] == ("Explosions/Remote violence", "Remote explosive/landmine/IED")
    assert kinds["clashes"] == ("Battles", "Armed clash")
    assert kinds["protests"] == ("Protests", "Peaceful protest")
    assert kinds["riots"] == ("Riots", "Violent demonstration")


# --------------------------------------------------------------- incidents
def test_one_incident_per_place_struck():
    rows = incidents("Pakistani aircraft bombed Kabul, Kandahar, and Paktia on Friday.")
    assert [r["location"] for r in rows] == ["Kabul", "Kandahar", "Paktia"]
    assert [r["id"] for r in rows] == ["I1", "I2", "I3"]
    for r in rows:
        assert r["actor1"] == "Military Forces of Pakistan"
        assert (r["event_type"], r["sub_event_type"]) == ("Explosions/Remote violence", "Air/drone strike")
        assert r["disorder_type"] == "Political violence"
        assert r["layer"] == "strike"
        assert (r["event_date"], r["time_precision"]) == (date(2026, 2, 27), 1)
        assert r["notes"].startswith("Pakistani aircraft")
        assert 0 < r["confidence"] <= 1
    assert [r["geo_precision"] for r in rows] == [1, 1, 3]  # Paktia is a province


def test_offsets_point_at_the_sentence():
    text = "Officials spoke. Russian missiles struck Kharkiv on Sunday."
    (row,) = incidents(text)
    assert text[row["source_start"]:row["source_end"]] == row["notes"] == "Russian missiles struck Kharkiv on Sunday."


def test_capital_as_subject_is_the_actor_not_the_location():
    rows = incidents("Islamabad declared war on Kabul after carrying out airstrikes in parts of Kabul and Paktia.")
    assert [r["location"] for r in rows] == ["Kabul", "Paktia"]
    assert {r["actor1"] for r in rows} == {"Military Forces of Pakistan"}
    assert rows[0]["geo_precision"] == 2  # "parts of Kabul"


def test_places_without_an_event_are_not_incidents():
    assert incidents("The governor of Badakhshan said Fayzabad was calm and markets opened.") == []


def test_questions_and_hypotheticals_are_not_incidents():
    assert incidents("Will Pakistani jets bomb Kabul again?") == []
    assert incidents("Officials warned that Pakistan could strike Kandahar.") == []
    assert incidents("Both sides accuse each other of strikes in Kabul.") == []


def test_distance_reference_and_parent_are_not_locations():
    text = ("Taliban drones struck military sites in Islamabad's Faizabad area, "
            "about six kilometres from the Prime Minister's Office.")
    (row,) = incidents(text)
    assert row["location"] == "Faizabad"
    assert row["actor1"] == "Taliban"
    assert row["geo_precision"] == 2


def test_country_only_when_nothing_finer():
    rows = incidents("Pakistani jets bombed targets in Afghanistan, including Kandahar.")
    assert [r["location"] for r in rows] == ["Kandahar"]
    (row,) = incidents("Pakistani jets carried out airstrikes in Afghanistan.")
    assert row["location"] == "Afghanistan" and row["geo_precision"] == 3


def test_retelling_in_a_quote_is_merged_with_the_first_telling():
    text = ("Pakistani aircraft bombed Kabul, Kandahar and Paktia.\n\n"
            "Karzai wrote: \u201cThe Pakistani aircraft once again bombed Kabul, Kandahar, and Paktia.\u201d")
    rows = incidents(text)
    assert [r["location"] for r in rows] == ["Kabul", "Kandahar", "Paktia"]


def test_retaliation_responds_to_the_strikes_it_answers():
    text = ("Pakistani aircraft bombed Kabul and Kandahar on Thursday.\n\n"
            "Hours later, the Taliban launched a retaliatory attack against Pakistani positions. "
            "This included drone strikes in Islamabad's Faizabad area.")
    rows = incidents(text)
    by_place = {r["location"]: r for r in rows}
    fz = by_place["Faizabad"]
    assert fz["layer"] == "retaliation"
    assert fz["actor1"] == "Taliban"
    assert fz["actor2"] == "Military Forces of Pakistan"
    assert fz["responds_to"] == f"{by_place['Kabul']['id']} {by_place['Kandahar']['id']}"
    assert fz["event_date"] == date(2026, 2, 26)  # "hours later" than Thursday's strikes
    assert by_place["Kabul"]["responds_to"] is None


def test_retaliation_cause_clause_describes_the_earlier_incident():
    text = "Ukrainian drones struck Belgorod in retaliation for the Russian missile strike on Kharkiv."
    rows = incidents(text)
    by_place = {r["location"]: r for r in rows}
    assert by_place["Belgorod"]["layer"] == "retaliation"
    assert by_place["Belgorod"]["actor1"] == "Military Forces of Ukraine"
    assert by_place["Kharkiv"]["actor1"] == "Military Forces of Russia"
    assert by_place["Belgorod"]["responds_to"] == by_place["Kharkiv"]["id"]


def test_protest_with_intervention_and_fatalities():
    (row,) = incidents("Thousands of protesters marched in Dhaka on Tuesday. Police fired tear gas to disperse them.",
                       published=date(2024, 7, 17))
    assert row["layer"] == "protest"
    assert row["actor1"] == "Protesters (Bangladesh)"
    assert row["sub_event_type"] == "Protest with intervention"
    assert row["actor2"] == "Police Forces of Bangladesh"
    assert row["disorder_type"] == "Demonstrations"
    (strike,) = incidents("A drone strike by the Rapid Support Forces hit a market in El Fasher, killing 14 civilians.")
    assert strike["fatalities"] == 14 and strike["actor2"] == "Civilians (Sudan)"


def test_headlines_are_not_coded():
    text = "Drone strike on El Fasher kills 14\n\nThe governor said schools were closed."
    assert incidents(text) == []


def test_no_published_date_leaves_dates_null():
    (row,) = incidents("Russian missiles struck Kharkiv on Sunday.", published=None)
    assert row["event_date"] is None and row["time_precision"] is None


def test_source_column_and_unresolved_mentions():
    from geoconflict.mentions import Mention

    text = "Russian missiles struck Kharkiv and Tabbasum Road."
    ms = mentions(text) + [Mention(text.index("Tabbasum"), text.index("Tabbasum") + 13, "Tabbasum Road", None)]
    rows = extract_incidents(text, ms, published=PUBLISHED, source="Test Wire")
    assert [r["location"] for r in rows] == ["Kharkiv"]
    assert rows[0]["source"] == "Test Wire"


def test_two_events_in_one_sentence_are_separated_by_clause():
    from _extract import place

    places = {"Beirut": place("Beirut", 33.89, 35.5, "LB"), "Kharkiv": place("Kharkiv", 49.98, 36.25, "UA"),
              "Lebanon": place("Lebanon", 33.9, 35.9, "LB", "country", admin1=None, gid="country:LB")}
    text = ("Israeli airstrikes pounded Beirut's southern suburbs overnight, while Hezbollah fighters "
            "clashed with Israeli troops in southern Lebanon.")
    rows = extract_incidents(text, mentions(text, places), published=PUBLISHED)
    by_place = {r["location"]: r for r in rows}
    assert by_place["Beirut"]["actor1"] == "Military Forces of Israel"
    assert by_place["Beirut"]["geo_precision"] == 2  # part of the city
    assert by_place["Lebanon"]["actor1"] == "Hezbollah" and by_place["Lebanon"]["layer"] == "clash"
    assert by_place["Lebanon"]["actor2"] == "Military Forces of Israel"
    assert {r["notes"] for r in rows} == {text}


def test_dateline_city_is_not_the_scene():
    text = "KABUL, Feb 28, 2026 (Wire) - Pakistani jets bombed Kandahar on Friday."
    rows = incidents(text)
    assert [r["location"] for r in rows] == ["Kandahar"]
    assert rows[0]["event_date"] == date(2026, 2, 27)  # the dateline's date is not the event's


def test_backer_is_not_the_attacker():
    from _extract import place

    goma = {"Goma": place("Goma", -1.68, 29.23, "CD")}
    text = "M23 rebels backed by Rwanda captured the airport in Goma on Monday."
    (row,) = extract_incidents(text, mentions(text, goma), published=date(2025, 1, 28))
    assert row["actor1"] == "M23: March 23 Movement"
    assert row["sub_event_type"] == "Non-state actor overtakes territory"


def test_more_news_patterns():
    from _extract import place

    places = {"Khartoum": place("Khartoum", 15.55, 32.53, "SD"), "Kyiv": place("Kyiv", 50.45, 30.52, "UA"),
              "Peshawar": place("Peshawar", 34.01, 71.58, "PK"), "Pakistan": place(
                  "Pakistan", 30.38, 70.1, "PK", "country", admin1=None, gid="country:PK")}

    def rows(text):
        return extract_incidents(text, mentions(text, places), published=date(2024, 11, 8))

    (clash,) = rows("Fighting between the army and the RSF in Khartoum killed 20 people on Thursday.")
    assert (clash["actor1"], clash["actor2"]) == ("Military Forces of Sudan", "Rapid Support Forces")
    assert clash["fatalities"] == 20 and clash["layer"] == "clash"
    (drones,) = rows("Russia launched dozens of drones at Kyiv overnight.")
    assert (drones["actor1"], drones["sub_event_type"]) == ("Military Forces of Russia", "Air/drone strike")
    (bomb,) = rows("PESHAWAR, Pakistan, Nov. 8, 2024 (Wire) - A suicide bomber blew himself up at a mosque "
                   "in Peshawar on Friday, police said.")
    assert bomb["sub_event_type"] == "Suicide bomb" and bomb["actor1"] is None  # the dateline is no attacker


def test_blasts_and_shootings_of_civilians():
    (blast,) = incidents("A blast ripped through a market in Kandahar on Friday, killing nine.")
    assert blast["sub_event_type"] == "Remote explosive/landmine/IED" and blast["fatalities"] == 9
    (shooting,) = incidents("Gunmen shot dead five people in Kandahar on Friday.")
    assert (shooting["event_type"], shooting["sub_event_type"]) == ("Violence against civilians", "Attack")
    assert shooting["actor1"] == "Unidentified Armed Group (Afghanistan)"
    assert shooting["actor2"] == "Civilians (Afghanistan)"


def test_a_year_in_the_first_sentence_is_not_a_dateline():
    (row,) = incidents("In 2022, Russian forces shelled Kharkiv \u2014 killing 3 people, officials said.",
                       published=date(2022, 12, 1))
    assert row["location"] == "Kharkiv" and row["actor1"] == "Military Forces of Russia"


# ------------------------------------------------------------------ QA regressions (reference places, parents)
from _extract import place as _place  # noqa: E402

_DONETSK = _place("Donetsk", 48.0, 37.8, "UA", "admin1")
_POKROVSK = _place("Pokrovsk", 48.28, 37.18, "UA", admin1="Donetsk")
_KHAN = _place("Khan Younis", 31.34, 34.3, "PS", admin1="Gaza")
_GAZA = _place("Gaza Strip", 31.4, 34.38, "PS", "admin1", admin1="Gaza")


@pytest.mark.parametrize(
    "text",
    [
        "Drones set fire to a fuel depot in Belgorod, some 70 kilometres (43 miles) north of Kharkiv.",
        "Drones set fire to a fuel depot in Belgorod, roughly 70km north of Kharkiv.",
        "Drones set fire to a fuel depot in Belgorod, 70 km from Kharkiv.",
    ],
)
def test_place_in_a_distance_phrase_is_a_reference_not_a_scene(text):
    assert [r["location"] for r in incidents(text)] == ["Belgorod"]


def test_province_that_locates_a_finer_place_is_not_a_second_incident():
    places = {p.name: p for p in (_DONETSK, _POKROVSK, _KHAN, _GAZA)}
    text = ("Russian troops captured a hamlet close to Pokrovsk in the western Donetsk region on Friday. "
            "Israeli jets pounded targets throughout the Gaza Strip, hitting homes in Khan Younis.")
    rows = extract_incidents(text, mentions(text, places), published=PUBLISHED)
    assert [r["location"] for r in rows] == ["Pokrovsk", "Khan Younis"]
    # alone, the province is still the scene
    alone = "Russian shelling hit villages across the Donetsk region on Friday."
    rows = extract_incidents(alone, mentions(alone, places), published=PUBLISHED)
    assert [r["location"] for r in rows] == ["Donetsk"]


# ------------------------------------------------------------------ QA regressions (retaliation links)
_NYALA = _place("Nyala", 12.05, 24.88, "SD", admin1="South Darfur")


def test_retaliation_cue_without_a_scene_carries_to_the_next_sentence():
    text = ("Russian missiles hit Kharkiv on Thursday, killing four people. Shortly afterwards, Ukraine hit back. "
            "Regional officials said Ukrainian drones hit an oil depot in Belgorod.")
    rows = {r["location"]: r for r in incidents(text)}
    assert rows["Kharkiv"]["layer"] == "strike"
    assert rows["Belgorod"]["layer"] == "retaliation"
    assert rows["Belgorod"]["responds_to"] == rows["Kharkiv"]["id"]


def test_retaliation_against_a_group_of_the_same_country_links_to_its_attacks():
    places = {"El Fasher": EL_FASHER, "Nyala": _NYALA}
    text = ("RSF fighters shelled El Fasher on Wednesday. "
            "In response, Sudanese army warplanes bombed RSF positions in Nyala.")
    rows = {r["location"]: r for r in extract_incidents(text, mentions(text, places), published=PUBLISHED)}
    assert rows["Nyala"]["layer"] == "retaliation"
    assert rows["Nyala"]["actor1"] == "Military Forces of Sudan"
    assert rows["Nyala"]["responds_to"] == rows["El Fasher"]["id"]


def test_retaliation_answers_an_unclaimed_attack_told_before_it():
    # Nobody is named for the rocket attack, yet the strikes answer it.
    places = {"Kirkuk": _place("Kirkuk", 35.47, 44.39, "IQ", admin1="Kirkuk"),
              "Mosul": _place("Mosul", 36.34, 43.13, "IQ", admin1="Nineveh")}
    text = ("Rockets slammed into a logistics base in Kirkuk late on Monday. "
            "In retaliation, US aircraft struck militia depots in Mosul on Tuesday.")
    rows = {r["location"]: r for r in extract_incidents(text, mentions(text, places), published=PUBLISHED)}
    assert rows["Kirkuk"]["actor1"] is None and rows["Kirkuk"]["layer"] == "strike"
    assert rows["Mosul"]["layer"] == "retaliation"
    assert rows["Mosul"]["responds_to"] == rows["Kirkuk"]["id"]


# ------------------------------------------------------------------ QA regressions (actors)
def test_blame_in_the_next_sentence_names_the_attacker():
    text = "A car bomb tore through a market in Kandahar on Friday, killing nine people. Officials blamed the TTP."
    (row,) = incidents(text)
    assert row["actor1"] == "TTP: Tehreek-i-Taliban Pakistan"
    claimed = "An explosion hit a bus in Kabul on Friday. Islamic State claimed responsibility."
    (row,) = incidents(claimed)
    assert row["actor1"] == "Islamic State"


def test_blame_in_a_cause_clause_makes_the_blamed_side_the_attacker():
    text = ("Pakistani jets bombed Kandahar on Friday. The army said the raids were a response to an assault on "
            "a Pakistani checkpoint in Kabul on Thursday, which it blamed on the Taliban.")
    rows = {r["location"]: r for r in incidents(text)}
    assert rows["Kabul"]["actor1"] == "Taliban"


def test_nationality_before_fighters_is_not_a_state_army():
    (a,) = find_actors("Afghan fighters said they attacked.")
    assert a.name == "Unidentified Armed Group (Afghanistan)" and a.kind == "group"
    (a,) = find_actors("Palestinian militants from the Qassam Brigades said so.")
    assert a.name == "Hamas"
    assert actor_country("Unidentified Armed Group (Afghanistan)") == "AF"


def test_federal_forces_and_resistance_groups_are_actors():
    rows = incidents("Fierce fighting between Taliban fighters and federal forces was reported in Kandahar on Friday.")
    assert (rows[0]["actor1"], rows[0]["actor2"]) == ("Taliban", "Military Forces of Afghanistan")
    (row,) = incidents("Resistance groups said they had attacked an army outpost in Kandahar on Friday.")
    assert row["actor1"] == "Resistance Forces (Afghanistan)"


# ------------------------------------------------------------------ QA regressions (event types)
def test_assault_on_a_military_base_is_an_armed_clash():
    (row,) = incidents("Militants attacked an army outpost in Kandahar on Friday, killing soldiers and two civilians.")
    assert (row["event_type"], row["sub_event_type"], row["layer"]) == ("Battles", "Armed clash", "clash")


def test_adding_that_starts_a_new_clause_with_its_own_event():
    text = ("Taliban fighters overran a police post, a witness said, adding that Pakistani jets then bombed "
            "the retreating fighters near Kandahar.")
    (row,) = incidents(text)
    assert (row["actor1"], row["sub_event_type"]) == ("Military Forces of Pakistan", "Air/drone strike")


def test_capture_abroad_is_not_government_regaining_territory():
    (row,) = incidents("Pakistani troops captured a ridge near Kandahar on Friday.")
    assert row["sub_event_type"] == "Armed clash"
    (row,) = incidents("Afghan troops captured a ridge near Kandahar on Friday.")
    assert row["sub_event_type"] == "Government regains territory"


def test_dateline_city_with_accents_is_not_a_scene():
    text = "KÂBUL, Afghanistan, Feb 27 2026 (local press) — Fighting between Taliban units and gunmen killed 12 in Kandahar."
    assert [r["location"] for r in incidents(text)] == ["Kandahar"]


def test_weapons_named_as_targets_do_not_type_the_strike():
    (row,) = incidents("US forces carried out strikes on missile launchers and rocket depots in Kandahar on Friday.")
    assert row["sub_event_type"] == "Air/drone strike"


def test_hit_by_a_natural_hazard_is_not_an_attack():
    assert incidents("Families in Kandahar were hit by drought and floods this year.") == []


def test_retaliation_at_another_group_of_the_same_country_names_it_as_target():
    text = ("TTP gunmen stormed a checkpoint in Kabul on Thursday. "
            "The BLA said it had hit back at TTP positions in Kandahar on Friday.")
    rows = {r["location"]: r for r in incidents(text)}
    assert rows["Kabul"]["sub_event_type"] == "Armed clash"  # stormed: an assault, not a takeover
    assert rows["Kandahar"]["actor2"] == "TTP: Tehreek-i-Taliban Pakistan"
    assert rows["Kandahar"]["responds_to"] == rows["Kabul"]["id"]


def test_undated_sentence_after_a_dated_incident_keeps_its_day():
    text = ("Taliban fighters attacked a police post in Kandahar on Wednesday, killing six officers.\n\n"
            "A witness said Pakistani jets later bombed the fighters near Kabul.")
    rows = {r["location"]: r for r in incidents(text)}
    assert rows["Kandahar"]["event_date"] == date(2026, 2, 25)
    assert rows["Kabul"]["event_date"] == date(2026, 2, 25)
    assert rows["Kabul"]["time_precision"] == 2


def test_direction_appositive_after_a_scene_is_a_reference():
    text = "Drones struck a fuel depot in Belgorod, just north of Kharkiv, on Friday."
    assert [r["location"] for r in incidents(text)] == ["Belgorod"]
    # without the appositive the direction phrase still locates the scene
    assert [r["location"] for r in incidents("Russian shelling hit villages north of Kharkiv on Friday.")] == ["Kharkiv"]


def test_event_with_only_a_distance_reference_is_placed_near_it():
    (row,) = incidents("A freighter was struck by a missile about 40 nautical miles west of Kandahar on Friday.")
    assert (row["location"], row["geo_precision"]) == ("Kandahar", 2)
    # a named scene still wins over its reference
    text = "Drones set fire to a fuel depot in Belgorod, some 70 kilometres (43 miles) north of Kharkiv."
    assert [r["location"] for r in incidents(text)] == ["Belgorod"]


def test_unresolved_scene_keeps_the_reference_from_becoming_the_scene():
    from geoconflict.mentions import Mention

    text = "A car bomb exploded at a checkpoint in Zorbakh, about 30 km west of Kandahar, on Friday."
    ms = mentions(text) + [Mention(text.find("Zorbakh"), text.find("Zorbakh") + 7, "Zorbakh", None)]
    # the event is at Zorbakh, only placed near its reference (ACLED geo_precision 2)
    (row,) = extract_incidents(text, ms, published=PUBLISHED)
    assert (row["location"], row["geo_precision"]) == ("Zorbakh", 2)


def test_armed_forces_torching_homes_is_violence_against_civilians_not_a_riot():
    (row,) = incidents("Pakistani troops torched homes in Kandahar on Friday.")
    assert (row["event_type"], row["layer"]) == ("Violence against civilians", "strike")
    (row,) = incidents("Rioters torched shops in Kandahar on Friday.")
    assert row["event_type"] == "Riots"


# ------------------------------------------------ qa3: scenes, actors, triggers
def _with_unresolved(text, *names):
    from geoconflict.mentions import Mention

    extra = [Mention(text.find(n), text.find(n) + len(n), n, None) for n in names]
    return sorted(mentions(text) + extra, key=lambda m: m.start)


def test_a_city_name_starting_like_a_hedge_word_does_not_hide_the_event():
    # "Bangui" once read as "ban...", a prohibition that made the attack hypothetical
    places = {"BANJUL": _place("Banjul", 13.45, -16.58, "GM"), "Brikama": _place("Brikama", 13.27, -16.65, "GM")}
    text = "BANJUL - Rebels attacked Brikama on Saturday."
    (row,) = extract_incidents(text, mentions(text, places), published=PUBLISHED)
    assert row["location"] == "Brikama"
    # a real ban still is no incident
    text = "The government banned protests in Kandahar on Friday."
    assert incidents(text) == []


def test_seat_of_a_speaker_is_not_a_scene():
    rows = incidents("Officials in Kabul said militants attacked a checkpoint in Kandahar on Friday.")
    assert [r["location"] for r in rows] == ["Kandahar"]
    assert incidents("The Foreign Ministry in Kabul said the Pakistani strike was a violation of its airspace.") == []
    rows = incidents("The army told reporters in Kabul that drones struck Kandahar on Friday.")
    assert [r["location"] for r in rows] == ["Kandahar"]
    assert rows[0]["actor1"] is None  # neither the speaker nor the city it spoke from


def test_local_speakers_town_is_the_scene_when_nothing_else_is():
    (row,) = incidents("Police in Kandahar said a bomb exploded at a market, killing five people.")
    assert row["location"] == "Kandahar"
    assert row["actor1"] is None  # the police reported the bomb, they did not plant it


def test_place_inside_an_organisation_name_is_not_a_scene():
    rows = incidents("The strikes targeted positions of the Paktia Liberation Front near Kandahar.")
    assert [r["location"] for r in rows] == ["Kandahar"]
    assert incidents("The UN Assistance Mission in Afghanistan said shelling killed 12 civilians.") == []


def test_towns_at_the_ends_of_a_road_are_not_scenes_unless_the_event_was_on_it():
    assert incidents("Aid agencies said the fighting had cut the road between Kabul and Kandahar.") == []
    (row,) = incidents("On Friday, insurgents ambushed a convoy on the highway between Kandahar and Kabul.")
    assert (row["location"], row["geo_precision"]) == ("Kandahar", 2)


def test_object_of_a_killing_is_the_victim_not_the_attacker():
    (row,) = incidents("Jihadists killed 19 Pakistani soldiers in an attack on an army post near Kandahar.")
    assert row["actor1"] == with_country("Unidentified Armed Group", "AF")
    assert row["actor2"] == military_of("PK")


def test_demonym_with_a_weapon_is_that_states_forces():
    (row,) = incidents("Pakistani long-range drones attacked a fuel depot in Kandahar.")
    assert row["actor1"] == military_of("PK")
    (row,) = incidents("Pakistani warplanes and drones struck hideouts near Kandahar on Friday.")
    assert row["actor1"] == military_of("PK")


def test_rebels_and_militiamen_are_armed_actors():
    for who in ("Rebels", "Militiamen"):
        (row,) = incidents(f"{who} attacked Kandahar on Friday.")
        assert row["actor1"] == with_country("Unidentified Armed Group", "AF")


def test_fired_on_and_falling_bombs_are_events():
    (row,) = incidents("Gunmen fired on a police patrol near Kandahar on Friday.")
    assert (row["location"], row["event_type"]) == ("Kandahar", "Battles")
    (row,) = incidents("Bombs fell on two villages near Kandahar.")
    assert row["sub_event_type"] == "Air/drone strike"


def test_scene_in_the_hills_of_a_province():
    (row,) = incidents("Pakistani jets struck militant hideouts in the mountains of Paktia province on Friday night.")
    assert row["location"] == "Paktia"


def test_unresolved_scene_falls_back_to_the_province_the_sentence_names():
    text = ("Afghan troops fought militants in the hills of Paktia province on Friday, "
            "a day after the gunmen ambushed an army convoy near the village of Zorbakh.")
    rows = extract_incidents(text, _with_unresolved(text, "Zorbakh"), published=PUBLISHED)
    ambush = [r for r in rows if "ambushed" in text[r["source_start"]:r["source_end"]]
              and r["actor1"] == with_country("Unidentified Armed Group", "AF")]
    assert [(r["location"], r["admin1"], r["geo_precision"]) for r in ambush] == [("Zorbakh", "Paktia", 3)]
    # a province named for something else ("the governor of X") is no fallback
    text = "Gunmen ambushed an army convoy near the village of Zorbakh, the governor of Paktia said."
    assert extract_incidents(text, _with_unresolved(text, "Zorbakh"), published=PUBLISHED) == []


def test_retelling_with_only_a_distance_reference_is_not_a_new_incident():
    text = ("Gunmen attacked a police post in Kandahar on Friday. "
            "The assault, about 40 km west of Kabul, was claimed by the TTP.")
    assert [r["location"] for r in incidents(text)] == ["Kandahar"]


def test_a_day_after_clause_is_dated_from_its_sentence_and_the_story_goes_on_from_the_main_event():
    text = ("Pakistani troops shelled Kandahar on Tuesday, a day after militants attacked a checkpoint in Kabul. "
            "Pakistani jets also struck Paktia.")
    rows = {r["location"]: r for r in incidents(text)}
    assert rows["Kandahar"]["event_date"] == date(2026, 2, 24)
    assert rows["Kabul"]["event_date"] == date(2026, 2, 23)
    assert rows["Paktia"]["event_date"] == date(2026, 2, 24)


def test_a_group_the_report_names_itself_is_the_attacker():
    text = "Fighters of the Front for the Liberation of Paktia (FLP) attacked army posts in Kandahar on Friday."
    (row,) = incidents(text)
    assert row["actor1"] == "FLP: Front for the Liberation of Paktia"
    (row,) = incidents("ZAKARA militiamen attacked a displacement camp in Kandahar on Friday.")
    assert row["actor1"] == "ZAKARA"


def test_a_country_that_only_owns_a_province_name_is_not_a_scene():
    text = "Pakistani jets struck hideouts in Afghanistan's Nangrahar province, a day after gunmen attacked Kabul."
    assert [r["location"] for r in incidents(text)] == ["Kabul"]
    # the country alone still is a scene when nothing finer is named
    assert [r["location"] for r in incidents("Pakistani jets struck hideouts in Afghanistan on Friday.")] == ["Afghanistan"]


def test_a_town_name_inside_a_water_feature_name_is_not_the_town():
    text = "In Kandahar, which lies across the Kabul river from the dam, a drone hit a minibus."
    assert [r["location"] for r in incidents(text)] == ["Kandahar"]


def test_the_town_the_text_calls_a_territory_is_a_container_not_a_second_scene():
    places = {"Mabanga": _place("Mabanga", 0.63, 29.4, "CD", admin1="North Kivu"),
              "Lubero": _place("Lubero", 0.16, 29.24, "CD", admin1="North Kivu")}
    text = "Rebels attacked the village of Mabanga in Lubero territory on Friday."
    rows = extract_incidents(text, mentions(text, places), published=PUBLISHED)
    assert [r["location"] for r in rows] == ["Mabanga"]


def test_a_speaker_inside_a_countrys_agency_is_not_a_scene():
    text = "A source in Pakistan's intelligence service said the operation answered the attack."
    assert incidents(text) == []


def test_a_places_history_in_the_perfect_tense_is_not_an_incident():
    assert incidents("Kandahar, some 200 km south of Kabul, has suffered repeated attacks since 2014.") == []
    assert incidents("Villages near Kandahar have been hit by shelling for years.") == []
    # a dated event with "since" is still one
    assert len(incidents("Gunmen attacked a checkpoint in Kandahar on Friday, the first attack since 2021.")) == 1


def test_armed_men_setting_fire_is_an_attack_not_a_riot():
    (row,) = incidents("Gunmen set fire to a market in Kandahar on Friday.")
    assert (row["event_type"], row["layer"]) == ("Violence against civilians", "strike")


def test_a_bare_fighters_noun_after_a_named_group_is_that_group():
    text = ("TTP militants stormed a police post in Kabul on Thursday. "
            "On Friday, militants fired rockets at an army base in Kandahar.")
    rows = {r["location"]: r for r in incidents(text)}
    assert rows["Kandahar"]["actor1"] == "TTP: Tehreek-i-Taliban Pakistan"
    # another noun is not taken as the same group
    text = "TTP militants stormed a police post in Kabul on Thursday. On Friday, gunmen attacked Kandahar."
    rows = {r["location"]: r for r in incidents(text)}
    assert rows["Kandahar"]["actor1"] == with_country("Unidentified Armed Group", "AF")


def test_claiming_the_attack_told_before_is_no_new_incident():
    text = ("Gunmen attacked a police post in Kabul on Friday. "
            "No group has claimed the attack, but militants are active near Kandahar.")
    assert [r["location"] for r in incidents(text)] == ["Kabul"]


def test_a_cause_clause_goes_on_through_in_which():
    text = ("On Friday, Pakistani jets struck Kandahar in response to the Kabul attack, "
            "in which TTP militants fired rockets at an army base in Kabul.")
    rows = {r["location"]: r for r in incidents(text)}
    assert rows["Kabul"]["actor1"] == "TTP: Tehreek-i-Taliban Pakistan"
    assert rows["Kandahar"]["responds_to"] == rows["Kabul"]["id"]


def test_a_retaliation_and_its_cause_are_dated_apart():
    text = ("Pakistani jets struck Kandahar early on Friday, officials said, in retaliation for "
            "a Taliban attack on Kabul four days earlier.")
    rows = {r["location"]: r for r in incidents(text)}
    assert rows["Kandahar"]["event_date"] == date(2026, 2, 27)
    assert rows["Kabul"]["event_date"] == date(2026, 2, 23)


def test_a_strike_a_day_after_the_other_sides_attack_answers_it():
    text = "Pakistani jets struck Kandahar on Friday, a day after Taliban fighters attacked a checkpoint in Kabul."
    rows = {r["location"]: r for r in incidents(text)}
    assert rows["Kandahar"]["layer"] == "retaliation"
    assert rows["Kandahar"]["responds_to"] == rows["Kabul"]["id"]
    # the same side again is a sequence, not an answer
    text = "Pakistani jets struck Kandahar on Friday, a day after Pakistani troops raided a hideout in Kabul."
    rows = {r["location"]: r for r in incidents(text)}
    assert rows["Kandahar"]["layer"] != "retaliation"


def test_navy_ships_are_the_state_forces_of_the_place():
    (row,) = incidents("Navy ships shelled coastal villages near Kandahar on Friday.")
    assert row["actor1"] == military_of("AF")


def test_gangs_are_named_apart_from_political_armed_groups():
    (row,) = incidents("Gang members armed with rifles attacked a police station in Kandahar on Friday.")
    assert row["actor1"] == with_country("Unidentified Gang", "AF")
    assert row["actor2"] == "Police Forces of Afghanistan"


def test_soldiers_listed_among_the_dead_are_victims():
    (row,) = incidents("Separatist fighters killed seven people, including two soldiers, in an attack on a post in Kandahar.")
    assert row["actor1"] == with_country("Unidentified Armed Group", "AF")


def test_a_possessive_retelling_of_a_strike_is_not_a_second_incident():
    text = ("Pakistani jets struck Kandahar on Tuesday. "
            "Pakistan said on Wednesday that its strike near Kandahar was aimed at the TTP.")
    assert [r["location"] for r in incidents(text)] == ["Kandahar"]
    # a new place in such a sentence is still an incident
    text = ("Pakistani jets struck Kandahar on Tuesday. "
            "Pakistan said on Wednesday that its strikes also hit Kabul.")
    assert [r["location"] for r in incidents(text)] == ["Kandahar", "Kabul"]


def test_recapturing_a_town_is_the_state_regaining_it():
    (row,) = incidents("Afghan troops recaptured the town of Kandahar from rebels on Friday, the army said.")
    assert row["sub_event_type"] == "Government regains territory"
    assert row["actor2"] == with_country("Unidentified Armed Group", "AF")


def test_a_speaker_after_a_battle_is_not_a_side():
    (row,) = incidents("Clashes erupted near Kandahar on Friday, police said.")
    assert row["actor1"] is None


def test_the_side_blamed_is_not_also_the_target():
    (row,) = incidents("The bombing of a market in Kandahar, which killed 12, was blamed on the TTP.")
    assert row["actor1"] == "TTP: Tehreek-i-Taliban Pakistan"
    assert row["actor2"] != row["actor1"]


def test_a_bombing_without_aircraft_is_an_explosive_device():
    (row,) = incidents("Two vendors were killed in a bombing at a market in Kandahar on Friday.")
    assert row["sub_event_type"] == "Remote explosive/landmine/IED"
    (row,) = incidents("Pakistani jets carried out a bombing raid on Kandahar on Friday.")
    assert row["sub_event_type"] == "Air/drone strike"
    (row,) = incidents("A string of bomb and arson attacks hit Kandahar overnight.")
    assert row["sub_event_type"] == "Remote explosive/landmine/IED"


def test_a_capital_used_as_a_distance_reference_is_not_the_attacker():
    (row,) = incidents("Clashes broke out in Kandahar, some 45 kilometres west of Kabul, between rival militias.")
    assert row["actor1"] != military_of("AF")


def test_a_town_described_as_in_a_province_makes_the_province_its_container():
    places = {"Spin Boldak": _place("Spin Boldak", 31.0, 66.4, "AF", admin1="Kandahar"),
              "Kandahar": _place("Kandahar", 31.6, 65.7, "AF")}
    text = "In Spin Boldak, a border town in Kandahar, a motorcycle bomb exploded outside a hotel."
    rows = extract_incidents(text, mentions(text, places), published=PUBLISHED)
    assert [r["location"] for r in rows] == ["Spin Boldak"]


def test_a_day_after_clause_does_not_inherit_the_main_clauses_attacker():
    text = "Pakistani jets struck Kandahar on Friday, a day after rockets hit Kabul."
    rows = {r["location"]: r for r in incidents(text)}
    assert rows["Kandahar"]["actor1"] == military_of("PK")
    assert rows["Kabul"]["actor1"] is None


def test_a_nationality_inside_the_place_phrase_still_marks_the_scene():
    text = "Drones struck the southern Afghan city of Kandahar and Kabul on Friday."
    assert [r["location"] for r in incidents(text)] == ["Kandahar", "Kabul"]


def test_an_undated_wire_dateline_is_not_the_attacker_or_a_scene():
    text = "Kabul (AFP) - Heavy clashes between rival armed groups rocked Kandahar on Friday."
    (row,) = incidents(text)
    assert row["location"] == "Kandahar" and row["actor1"] is None


def test_the_seat_of_a_source_given_with_according_to_is_not_a_scene():
    rows = incidents("Pakistani jets bombed militant camps near Kandahar on Sunday, "
                     "according to a military spokesman in Islamabad.")
    assert [r["location"] for r in rows] == ["Kandahar"]
    # the same town after 'according to' but as the scene stays one
    rows = incidents("Shelling hit a market in Kharkiv on Sunday, according to officials.")
    assert [r["location"] for r in rows] == ["Kharkiv"]


def test_places_after_including_are_the_scenes_the_first_one_holds():
    rows = incidents("Pakistani jets struck several districts in Afghanistan on Sunday, including Kabul and Kandahar, "
                     "killing nine people.")
    assert sorted(r["location"] for r in rows) == ["Kabul", "Kandahar"]
    # an earlier item the gazetteer does not know does not break the list
    rows = incidents("Pakistani jets struck several districts in Afghanistan on Sunday, including Zzyzx, Kabul "
                     "and Kandahar.")
    assert sorted(r["location"] for r in rows) == ["Kabul", "Kandahar"]


# ------------------------------------------- scenes, history and stand-ins
def _unresolved(text, *names):
    """Mentions the gazetteer could not place, as geoparse lists them."""
    from geoconflict.mentions import Mention

    return [Mention(text.index(n), text.index(n) + len(n), n, None) for n in names]


from _extract import PLACES as _PLACES_BY_NAME  # noqa: E402


def _read_with_unresolved(text, *names, places=None, published=PUBLISHED):
    ms = sorted(mentions(text, places) + _unresolved(text, *names), key=lambda m: m.start)
    return extract_incidents(text, ms, published=published)


@pytest.mark.parametrize("sentence", [
    "In March 2025, clashes near Kandahar killed at least ten people.",
    "The raid was the deadliest since the governor was killed in Kandahar in 2021.",
    "Fighting has displaced thousands of people around Kandahar since 2019.",
])
def test_events_long_before_the_report_are_background(sentence):
    assert incidents(sentence) == []


def test_recent_year_and_this_report_dates_are_news():
    # a January report telling of late December is news, not history
    rows = incidents("Drones struck Kandahar on December 30, 2025.", published=date(2026, 1, 2))
    assert [r["location"] for r in rows] == ["Kandahar"]


@pytest.mark.parametrize("sentence, scene", [
    # the seat of a body that speaks is not where the event happened
    ("Gunmen attacked a convoy near Kandahar, the governor, based in Kabul, said.", "Kandahar"),
    # nor is the hospital the wounded were taken to
    ("Three soldiers wounded in shelling on Kandahar were taken to hospital in Kabul.", "Kandahar"),
    # a superlative's field of comparison is no second scene
    ("Drones struck Kandahar, one of the deadliest attacks on a city in Afghanistan since 2021.", "Kandahar"),
])
def test_places_that_are_not_the_scene(sentence, scene):
    assert [r["location"] for r in incidents(sentence)] == [scene]


def test_track_between_two_towns_is_a_route():
    rows = incidents("Gunmen ambushed a convoy on the track between Kandahar and Kabul on Friday.")
    assert [(r["location"], r["geo_precision"]) for r in rows] == [("Kandahar", 2)]


def test_shots_fired_is_an_event():
    rows = incidents("Shots were fired at a police post in Kandahar on Friday night.")
    assert [r["location"] for r in rows] == ["Kandahar"]
    assert incidents("A police post in Kandahar came under heavy fire on Friday.")[0]["location"] == "Kandahar"


def test_a_village_the_gazetteer_lacks_keeps_its_name_at_the_town_it_is_measured_from():
    text = "Troops raided the village of Zarghun Kalay, about 10 km from Kandahar, on Friday."
    rows = _read_with_unresolved(text, "Zarghun Kalay")
    assert [(r["location"], r["gazetteer_id"], r["geo_precision"]) for r in rows] == [
        ("Zarghun Kalay", _PLACES_BY_NAME["Kandahar"].gazetteer_id, 2)]


def test_villages_in_a_named_province_are_one_incident_each():
    text = "Jets bombed positions in Zarghun Kalay and Spin Boldak Kalay, in Paktia province, on Friday."
    rows = _read_with_unresolved(text, "Zarghun Kalay", "Spin Boldak Kalay")
    assert [(r["location"], r["admin1"], r["geo_precision"]) for r in rows] == [
        ("Zarghun Kalay", "Paktia", 3), ("Spin Boldak Kalay", "Paktia", 3)]


def test_an_unplaced_container_is_not_a_scene_of_its_own():
    text = "Jets bombed positions in Zarghun Kalay, in Shahwali Kot district, on Friday. Pakistan denied it."
    rows = _read_with_unresolved(text, "Zarghun Kalay", "Shahwali Kot")
    assert [r["location"] for r in rows] == ["Zarghun Kalay"]


def test_a_village_on_one_side_of_a_line_is_in_that_sides_country():
    text = ("Afghan troops clashed with Pakistani forces in Kabul on Thursday. Hours later, Afghan troops fired "
            "on a camp on the Pakistani side near Ghulam Khan, the Pakistani army said. Pakistan protested.")
    rows = _read_with_unresolved(text, "Ghulam Khan")
    ghulam = [r for r in rows if r["location"] == "Ghulam Khan"]
    assert len(ghulam) == 1 and ghulam[0]["country_code"] == "PK" and ghulam[0]["geo_precision"] == 3


def test_an_unplaced_retelling_makes_no_new_incident():
    text = "Gunmen attacked a checkpoint in Kandahar on Friday. The attack took place at the Zarghun junction."
    rows = _read_with_unresolved(text, "Zarghun")
    assert [r["location"] for r in rows] == ["Kandahar"]


def test_a_local_source_places_a_village_the_gazetteer_lacks():
    # "a medical source in Kandahar city tells us": the town of a source on the
    # scene stands in for the village (geo_precision 3), and is not a scene itself
    text = ("Pakistani jets struck Kabul on Thursday. A medical source in Kandahar city tells us two herders "
            "were shot dead near the Zarghun crossing in Shahwali district.")
    rows = _read_with_unresolved(text, "Zarghun", "Shahwali")
    herders = [r for r in rows if "herders" in r["notes"]]
    assert [(r["location"], r["country_code"], r["geo_precision"]) for r in herders] == [("Zarghun", "AF", 3)]
    assert herders[0]["sub_event_type"] == "Attack"  # herders shot dead: violence against civilians


def test_a_states_army_bombing_is_an_air_strike_a_militias_an_explosive():
    assert incidents("The Afghan army bombed a camp near Kandahar on Friday.")[0]["sub_event_type"] == \
        "Air/drone strike"
    assert incidents("Militants bombed a bus in Kandahar on Friday.")[0]["sub_event_type"] == \
        "Remote explosive/landmine/IED"


def test_demanding_the_release_of_detainees_is_a_peaceful_protest():
    row = incidents("Hundreds rallied in Kabul on Friday, demanding the release of detained students.")[0]
    assert row["sub_event_type"] == "Peaceful protest"
    row = incidents("Police detained dozens as hundreds rallied in Kabul on Friday.")[0]
    assert row["sub_event_type"] == "Protest with intervention"


def test_in_the_passive_the_subject_is_the_victim():
    # "a patrol was attacked by X": the attacker follows "by", never the patrol
    row = incidents("An Afghan army patrol was attacked with rifles and grenades by Taliban fighters near Kandahar "
                    "on Friday.")[0]
    assert row["actor1"] == "Taliban"
    row = incidents("A Pakistani police boat was fired on near Kandahar on Friday.")[0]
    assert row["actor1"] is None


def test_a_group_claiming_the_attack_next_names_the_gunmen():
    text = ("Gunmen attacked a checkpoint in Kandahar on Friday, killing two soldiers. "
            "The Taliban, which controls much of the south, claimed the attack.")
    (row,) = incidents(text)
    assert row["actor1"] == "Taliban"


@pytest.mark.parametrize("sentence", [
    # where a group is said to be active is not where the event happened
    "Jets bombed Kandahar, where a militia which operates with smugglers in Kabul was hiding.",
    # nor is where a trend heads
    "Drones struck Kandahar on Friday. Attacks have also spread east towards Kabul.",
])
def test_descriptions_and_trends_are_not_scenes(sentence):
    assert [r["location"] for r in incidents(sentence)] == ["Kandahar"]


def test_a_known_place_listed_with_an_unplaced_village_is_a_scene_too():
    text = "Jets struck positions near Zarghun Kalay and Kandahar on Friday. Afghanistan condemned the raid."
    rows = _read_with_unresolved(text, "Zarghun Kalay")
    assert sorted(r["location"] for r in rows) == ["Kandahar", "Zarghun Kalay"]


def test_a_day_before_a_named_attack_counts_back_from_that_attack():
    text = ("Gunmen attacked a market in Kandahar on Thursday. Jets struck Kabul on Saturday. "
            "A day before the Kandahar attack, militants ambushed a convoy near Paktia.")
    rows = {r["location"]: r["event_date"] for r in incidents(text)}
    assert rows["Kandahar"] == date(2026, 2, 26) and rows["Paktia"] == date(2026, 2, 25)


def test_word_gates_never_skip_a_match():
    """The substring gates before _NOT_SCENE_F, _FALSE_ON_F and the dateline
    pattern only skip windows the patterns cannot match (speed, not rules)."""
    from pathlib import Path

    from geoconflict.actors import _fold
    from geoconflict.dates import _any_in
    from geoconflict.events import (
        _DATELINE_PREFIX, _FALSE_ON_F, _FALSE_ON_WORDS, _NOT_SCENE_F, _NOT_SCENE_WORDS, _dateline_prefix,
    )

    texts = [p.read_text(encoding="utf-8") for p in sorted((Path(__file__).parent / "reports").glob("*.txt"))]
    texts.append("The army, based in Kidal, struck on the road; the deadliest raid in Gao since 2020 was reported on"
                 " Tuesday. KABUL (Reuters) - Strikes. BANNU: Shelling. Addis Abeba – Clashes. Sanctions on Iran.")
    for text in texts:
        folded = _fold(text)
        for i in range(1, len(text)):
            window = folded[max(0, i - 90):i]
            assert _NOT_SCENE_F.search(window) is None or _any_in(window, _NOT_SCENE_WORDS)
            assert _FALSE_ON_F.search(window) is None or _any_in(window, _FALSE_ON_WORDS)
        for line in text.splitlines():
            for start in range(0, len(line), 7):
                chunk = line[start:]
                expected = _DATELINE_PREFIX.match(chunk)
                got = _dateline_prefix(chunk)
                assert (got and got.span()) == (expected and expected.span())


def test_a_weekday_or_a_clause_boundary_is_no_target_phrase():
    # "... on Friday when Taliban fighters attacked": the Taliban are not a target
    (row,) = incidents("Five Afghan soldiers were killed late on Friday when Taliban fighters attacked an army "
                       "checkpoint near Kandahar, officials said.")
    assert row["actor1"] == "Taliban"


@pytest.mark.parametrize("phrase, name", [
    ("Suspected Taliban jihadists", "Taliban"),
    ("Islamic State remnants", "Islamic State"),
    ("Afghan insurgents", "Unidentified Armed Group (Afghanistan)"),
])
def test_a_groups_fighters_are_the_group(phrase, name):
    (row,) = incidents(f"{phrase} attacked a checkpoint near Kandahar on Friday.")
    assert row["actor1"] == name


def test_gunfights_and_gatherings_to_demand_are_events():
    (row,) = incidents("Afghan troops killed two militants in a gunfight near Kandahar on Friday.")
    assert row["event_type"] == "Battles"
    (row,) = incidents("In Kabul, several hundred people gathered on Friday outside the regional government "
                       "building to demand the release of the bodies.")
    assert (row["event_type"], row["actor1"]) == ("Protests", "Protesters (Afghanistan)")


def test_a_crowd_after_a_battle_is_not_the_battles_side():
    text = ("Afghan troops clashed with militants in Kandahar on Thursday. "
            "Residents set fire to the police station in Kabul on Friday.")
    rows = {r["location"]: r for r in incidents(text)}
    assert rows["Kabul"]["actor1"] == "Rioters (Afghanistan)"


def test_a_village_in_a_where_clause_is_placed_near_the_town_before_it():
    text = ("Tension spread to Kandahar, where settlers set fire to at least 20 houses in Zarghun Kalay on "
            "Friday night.")
    (row,) = _read_with_unresolved(text, "Zarghun Kalay")
    assert (row["location"], row["gazetteer_id"], row["geo_precision"]) == (
        "Zarghun Kalay", _PLACES_BY_NAME["Kandahar"].gazetteer_id, 2)


def test_where_people_fled_to_is_not_a_scene():
    rows = incidents("Shelling killed three people in Kandahar on Friday and hundreds of families fled towards "
                     "Kabul.")
    assert [r["location"] for r in rows] == ["Kandahar"]


def test_the_state_fire_came_from_is_the_attacker():
    (row,) = incidents("Rockets fired from Pakistan slammed into a market in Kandahar on Friday, killing three "
                       "civilians, Afghan officials said.")
    assert row["actor1"] == "Military Forces of Pakistan"


@pytest.mark.parametrize("sentence", [
    "Hours later, a mob set fire to shops in Kabul in apparent revenge.",
    "Within hours, Afghan helicopters pursued the attackers and struck a camp near Kabul.",
])
def test_revenge_and_pursuit_make_a_retaliation(sentence):
    rows = incidents("Gunmen attacked a checkpoint in Kandahar on Friday, killing two soldiers. " + sentence)
    kabul = [r for r in rows if r["location"] == "Kabul"]
    assert kabul and kabul[0]["layer"] == "retaliation"


def test_a_mob_is_mob_violence():
    (row,) = incidents("A mob set fire to shops and a petrol pump in Kandahar on Friday.")
    assert (row["event_type"], row["sub_event_type"]) == ("Riots", "Mob violence")


def test_a_third_partys_concern_over_strikes_is_no_new_incident():
    text = ("Pakistani jets struck Kandahar on Friday. Iran expressed concern over repeated Pakistani strikes "
            "in Kabul, and India said it was \"deeply concerned\" about the fighting near Kabul.")
    assert [r["location"] for r in incidents(text)] == ["Kandahar"]


def test_a_local_source_retelling_the_last_event_is_not_a_new_scene():
    text = ("Gunmen raided Kandahar overnight, killing seven people. The assailants torched the town's health "
            "centre and made off with cattle, a security source in Kabul told reporters.")
    assert [r["location"] for r in incidents(text)] == ["Kandahar"]


def test_the_regime_is_the_states_forces():
    (row,) = incidents("The Afghan regime retaliated on Friday with airstrikes on villages near Kandahar.")
    assert row["actor1"] == "Military Forces of Afghanistan"


def test_the_same_group_is_the_last_armed_group_named():
    text = ("Taliban fighters attacked a police post in Kandahar on Friday. "
            "The same group is believed to have attacked a checkpoint near Kabul last week.")
    rows = {r["location"]: r["actor1"] for r in incidents(text)}
    assert rows == {"Kandahar": "Taliban", "Kabul": "Taliban"}


def test_an_event_named_by_its_year_is_background():
    assert incidents("Its 2015 assault on a college in Kandahar killed 148 people.") == []


def test_the_object_of_a_protest_is_not_an_event():
    (row,) = incidents("On Friday, hundreds of people protested in Kabul against the shelling.")
    assert (row["event_type"], row["sub_event_type"]) == ("Protests", "Peaceful protest")


def test_a_sentence_retelling_the_fighting_does_not_make_the_speakers_town_a_scene():
    text = ("Taliban fighters attacked a checkpoint near Kandahar on Friday. "
            "The fighting lasted nearly six hours, a senior official in Kabul said.")
    assert [r["location"] for r in incidents(text)] == ["Kandahar"]


def test_settlers_who_torch_a_village_attack_civilians():
    (row,) = incidents("Dozens of Pakistani settlers stormed a village near Kandahar on Friday, setting fire to "
                       "eight cars and a house.")
    assert (row["actor1"], row["event_type"]) == ("Settlers (Pakistan)", "Violence against civilians")


def test_a_vehicle_hitting_a_bomb_makes_its_passengers_victims_not_attackers():
    (row,) = incidents("Six Afghan police officers were killed on Friday when their vehicle struck an improvised "
                       "explosive device near Kandahar.")
    assert row["actor1"] is None and row["sub_event_type"] == "Remote explosive/landmine/IED"


def test_a_second_clause_hitting_back_is_its_own_retaliation_by_the_side_hit():
    text = ("Taliban fighters killed 12 Afghan soldiers in an attack on an army post at Kandahar, the army said, "
            "and aircraft struck the attackers' hideouts near Kabul in response.")
    rows = {r["location"]: r for r in incidents(text)}
    assert rows["Kandahar"]["layer"] != "retaliation"
    assert (rows["Kabul"]["layer"], rows["Kabul"]["actor1"]) == ("retaliation", "Military Forces of Afghanistan")


def test_an_agency_dateline_without_a_dash_is_a_dateline():
    (row,) = incidents("Kabul, Feb 28 (PTI) Pakistani jets bombed Kandahar on Friday.")
    assert row["location"] == "Kandahar" and row["event_date"] == date(2026, 2, 27)


def test_hitting_a_target_with_a_weapon_keeps_the_attacker():
    # only a bomb or mine the subject runs into makes the subject its victim
    (row,) = incidents("Near Kandahar on Friday, Taliban fighters hit the base with rockets.")
    assert row["actor1"] == "Taliban"
