"""Armed groups a report names itself (geoconflict.actors.with_named_groups)."""

import pytest

from geoconflict.actors import find_actors, with_named_groups


def groups(text):
    return [(a.text, a.name) for a in with_named_groups(text, find_actors(text)) if a.kind == "group"]


@pytest.mark.parametrize(
    "text, name",
    [
        ("Fighters of the Union for Peace and Liberation Front (UPLF) attacked the town.",
         "UPLF: Union for Peace and Liberation Front"),
        ("On Monday, MAKUTANO militiamen raided two villages.", "MAKUTANO"),
        ("Suspected Kata Ibrahim remnants fired on a ferry.", "Kata Ibrahim"),
        ("The bombing was blamed on Harakat al-Nour, a Salafist militant group based in the hills.", "Harakat al-Nour"),
        ("Officials said members of Los Halcones stormed the prison wing.", "Los Halcones"),
        ("The attack was claimed by the 300 Chats gang on social media.", "300 Chats"),
    ],
)
def test_a_group_introduced_by_the_report_is_an_armed_actor(text, name):
    assert name in [n for _, n in groups(text)]


def test_the_acronym_and_later_mentions_name_the_same_group():
    text = ("Fighters of the Movement for the Liberation of the North (MLN) attacked Kaya. "
            "MLN fighters withdrew at dawn.")
    names = {n for _, n in groups(text)}
    assert names == {"MLN: Movement for the Liberation of the North"}
    assert len(groups(text)) == 2


def test_known_groups_and_descriptions_are_not_new_groups():
    # a table group keeps its table name, whatever the report's description
    text = "Jihadists from the Al-Qaeda-linked JNIM group attacked a base."
    assert {n for _, n in groups(text)} == {"JNIM: Group for Support of Islam and Muslims"}
    # a sentence-initial word or a bare capitalised word before "militants" is no name
    assert groups("Suspected militants attacked. Sunday militants fled.") == []
    # an international body's acronym is no armed group
    text = "The Economic Community of West African States (ECOWAS) and the Peace and Security Council (PSC) met."
    assert groups(text) == []


def test_a_name_ending_in_army_or_front_is_a_group_unless_it_names_a_state():
    assert groups("Fighters of the Free Kivu Army attacked the town.") == [("Free Kivu Army", "Free Kivu Army")]
    assert ("Patriotic Liberation Front", "Patriotic Liberation Front") in groups(
        "The Patriotic Liberation Front seized a base.")
    # a nationality or a country before "Army" is that state's army; lists stay apart
    text = "The Syrian Army and the Pakistan Army fought; the Arakan Army and the Indian Army met."
    names = {a.name: a.kind for a in with_named_groups(text, find_actors(text))}
    assert names["Military Forces of Syria"] == "military" and names["Military Forces of India"] == "military"
    assert names["Arakan Army"] == "group"
    assert groups("On Monday the Army said.") == []


@pytest.mark.parametrize(
    "text, name",
    [
        # an acronym whose words say nothing armed, described as a rebel group
        ("The Patriotic Council for National Renewal (PCNR), a rebel group based in the north, claimed the raid.",
         "PCNR: Patriotic Council for National Renewal"),
        # ... or named as the body an armed unit belongs to
        ("The convoy was ambushed by a unit of the so-called Popular Workers Party (PWP), police said.",
         "PWP: Popular Workers Party"),
        # a group noun after a describing word, then the name
        ("Gunmen from the vigilante group Black Scorpions torched houses.", "Black Scorpions"),
        ("Armed men believed to belong to the Garo group Achik Volunteers opened fire.", "Achik Volunteers"),
    ],
)
def test_a_group_the_sentence_describes_as_armed_is_an_armed_actor(text, name):
    assert name in [n for _, n in groups(text)]


def test_a_rights_group_is_no_armed_group():
    assert groups("The rights group Amnesty International and the advocacy group Open Doors said so.") == []
    assert groups("The Peace Council for the North (PCN), an advisory body, met.") == []


@pytest.mark.parametrize("text", [
    "Both armies pledged to respect the Algiers agreement signed last year.",
    "Rebels walked out of the Nairobi peace process on Monday.",
    "Envoys revived the Lusaka protocol and the Abuja talks.",
])
def test_a_capital_naming_an_agreement_or_talks_is_no_actor(text):
    assert [a for a in find_actors(text) if a.kind == "capital"] == []


def test_a_capital_speaking_is_still_an_actor():
    text = "Nairobi said the talks would resume; Kyiv talks of victory."
    assert [(a.text, a.kind) for a in find_actors(text)] == [("Nairobi", "capital"), ("Kyiv", "capital")]
