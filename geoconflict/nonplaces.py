"""Words that look like places in news text but are not: demonyms,
organisations, media, titles, and ordinary capitalised words.

The geoparser uses these lists to reject gazetteer matches ("Hindustan" in
"Hindustan Times", "Baloch" in "Amna Baloch", "Afghan" as a demonym).
:data:`DEMONYMS` also maps each demonym to the ISO 3166-1 alpha-2 code of
its country (None for peoples without one), which the stance extractor uses
("Turkish counterpart" -> TR).
"""

from __future__ import annotations

import re

__all__ = [
    "DEMONYMS",
    "ORGANISATIONS",
    "ORG_HEAD_WORDS",
    "PLACE_HEAD_WORDS",
    "PERSON_TITLES",
    "METONYMIC_LANDMARKS",
    "ORDINARY_WORDS",
    "demonym_country",
    "is_organisation",
    "names_an_accord",
]

# demonym -> ISO2 (None: a people, religion or region without a state)
DEMONYMS: dict[str, str | None] = {
    "Afghan": "AF", "Afghans": "AF", "Afghani": "AF", "Pakistani": "PK", "Pakistanis": "PK",
    "Indian": "IN", "Indians": "IN", "Chinese": "CN", "Russian": "RU", "Russians": "RU",
    "Ukrainian": "UA", "Ukrainians": "UA", "Israeli": "IL", "Israelis": "IL",
    "Palestinian": "PS", "Palestinians": "PS", "Iranian": "IR", "Iranians": "IR",
    "Iraqi": "IQ", "Iraqis": "IQ", "Syrian": "SY", "Syrians": "SY", "Lebanese": "LB",
    "Jordanian": "JO", "Turkish": "TR", "Turk": "TR", "Turks": "TR", "Saudi": "SA",
    "Saudis": "SA", "Emirati": "AE", "Emiratis": "AE", "Qatari": "QA", "Kuwaiti": "KW",
    "Bahraini": "BH", "Omani": "OM", "Yemeni": "YE", "Yemenis": "YE", "Egyptian": "EG",
    "Egyptians": "EG", "Libyan": "LY", "Libyans": "LY", "Sudanese": "SD",
    "South Sudanese": "SS", "Ethiopian": "ET", "Ethiopians": "ET", "Eritrean": "ER",
    "Somali": "SO", "Somalis": "SO", "Djiboutian": "DJ", "Kenyan": "KE", "Ugandan": "UG",
    "Tanzanian": "TZ", "Congolese": "CD", "Rwandan": "RW", "Burundian": "BI",
    "Nigerian": "NG", "Nigerians": "NG", "Malian": "ML", "Burkinabe": "BF", "Burkinabé": "BF",
    "Nigerien": "NE", "Chadian": "TD", "Cameroonian": "CM", "Central African": "CF",
    "Algerian": "DZ", "Moroccan": "MA", "Tunisian": "TN", "Mauritanian": "MR",
    "Senegalese": "SN", "Ghanaian": "GH", "Ivorian": "CI", "Beninese": "BJ", "Togolese": "TG",
    "Mozambican": "MZ", "Zimbabwean": "ZW", "South African": "ZA", "Angolan": "AO",
    "American": "US", "Americans": "US", "Canadian": "CA", "Mexican": "MX",
    "Colombian": "CO", "Colombians": "CO", "Venezuelan": "VE", "Venezuelans": "VE",
    "Brazilian": "BR", "Argentine": "AR", "Argentinian": "AR", "Peruvian": "PE",
    "Ecuadorian": "EC", "Bolivian": "BO", "Chilean": "CL", "Cuban": "CU", "Haitian": "HT",
    "Nicaraguan": "NI", "Salvadoran": "SV", "Guatemalan": "GT", "Honduran": "HN",
    "British": "GB", "Briton": "GB", "Britons": "GB", "English": "GB", "Scottish": "GB",
    "Welsh": "GB", "Irish": "IE", "French": "FR", "German": "DE", "Germans": "DE",
    "Italian": "IT", "Spanish": "ES", "Portuguese": "PT", "Dutch": "NL", "Belgian": "BE",
    "Swiss": "CH", "Austrian": "AT", "Swedish": "SE", "Norwegian": "NO", "Danish": "DK",
    "Finnish": "FI", "Polish": "PL", "Czech": "CZ", "Slovak": "SK", "Hungarian": "HU",
    "Romanian": "RO", "Bulgarian": "BG", "Greek": "GR", "Serbian": "RS", "Serb": "RS",
    "Serbs": "RS", "Croatian": "HR", "Bosnian": "BA", "Albanian": "AL", "Kosovar": "XK",
    "Moldovan": "MD", "Belarusian": "BY", "Lithuanian": "LT", "Latvian": "LV",
    "Estonian": "EE", "Georgian": "GE", "Armenian": "AM", "Armenians": "AM",
    "Azerbaijani": "AZ", "Azeri": "AZ", "Kazakh": "KZ", "Uzbek": "UZ", "Tajik": "TJ",
    "Turkmen": "TM", "Kyrgyz": "KG", "Burmese": "MM", "Thai": "TH", "Vietnamese": "VN",
    "Cambodian": "KH", "Laotian": "LA", "Filipino": "PH", "Filipinos": "PH",
    "Indonesian": "ID", "Malaysian": "MY", "Singaporean": "SG", "Japanese": "JP",
    "Korean": None, "North Korean": "KP", "South Korean": "KR", "Taiwanese": "TW",
    "Mongolian": "MN", "Bangladeshi": "BD", "Sri Lankan": "LK", "Nepali": "NP",
    "Nepalese": "NP", "Bhutanese": "BT", "Maldivian": "MV", "Australian": "AU",
    "New Zealand": None,
    # peoples, faiths and regions without a state of their own
    "Kashmiri": None, "Kashmiris": None, "Baloch": None, "Baluch": None, "Balochi": None,
    "Pashtun": None, "Pashtuns": None, "Pakhtun": None, "Kurdish": None, "Kurd": None,
    "Kurds": None, "Hazara": None, "Hazaras": None, "Tamil": None, "Tamils": None,
    "Rohingya": None, "Tigrayan": None, "Tigrayans": None, "Oromo": None, "Uyghur": None,
    "Uighur": None, "Chechen": None, "Tatar": None, "Druze": None, "Alawite": None,
    "Arab": None, "Arabs": None, "Jewish": None, "Jews": None, "Muslim": None,
    "Muslims": None, "Hindu": None, "Hindus": None, "Sikh": None, "Christian": None,
    "Christians": None, "Sunni": None, "Shia": None, "Shiite": None, "Shi'ite": None,
    "Fulani": None, "Tuareg": None, "Masalit": None, "Zaghawa": None, "Fur": None,
    "Rakhine": None, "Karen": None, "Kachin": None, "Shan": None, "Chin": None,
    "European": None, "Europeans": None, "African": None, "Asian": None, "Western": None,
    "Middle Eastern": None, "Latin American": None, "Arabian": None, "Persian": None,
    "Bedouin": None, "Bedouins": None, "Yazidi": None, "Yazidis": None, "Yezidi": None, "Assyrian": None,
    "Assyrians": None, "Chaldean": None, "Coptic": None, "Copts": None, "Maronite": None, "Ismaili": None,
    "Ahmadi": None, "Ahmadis": None, "Berber": None, "Berbers": None, "Amazigh": None, "Sahrawi": None,
    "Sahrawis": None, "Hutu": None, "Hutus": None, "Tutsi": None, "Tutsis": None, "Banyamulenge": None,
    "Dinka": None, "Nuer": None, "Shilluk": None, "Murle": None, "Lendu": None, "Hema": None,
    "Peul": None, "Dogon": None, "Songhai": None, "Kanuri": None, "Igbo": None, "Yoruba": None,
    "Hmong": None, "Uyghurs": None, "Uighurs": None, "Rohingyas": None, "Alawites": None, "Druzes": None,
}

# Names of organisations, armed groups, media and platforms that contain or
# equal a gazetteer name.  Compared case-sensitively on the surface form.
ORGANISATIONS = frozenset(
    s.strip()
    for s in """
    United Nations|UN|U.N.|UNSC|UNGA|UNHCR|UNICEF|UNAMA|UNRWA|OCHA|WFP|WHO|IAEA|ICC|ICJ|ICRC|IOM
    European Union|EU|African Union|AU|Arab League|NATO|OSCE|ASEAN|SCO|BRICS|G7|G20|OIC|IGAD|ECOWAS|SADC
    Security Council|General Assembly|Red Cross|Red Crescent|Doctors Without Borders|MSF
    Human Rights Watch|Amnesty International|International Crisis Group|World Bank|IMF
    Rapid Support Forces|RSF|Sudanese Armed Forces|SAF|Hamas|Hezbollah|Hizbollah|Taliban|Islamic State
    ISIS|ISIL|IS|ISKP|ISIS-K|Islamic State Khorasan|al-Qaeda|Al-Qaeda|al Qaeda|al-Shabaab|Al-Shabaab|al-Shabab|Al-Shabab
    Houthi|Houthis|Ansar Allah|Wagner|Wagner Group|Africa Corps|JNIM|Boko Haram|ISWAP|M23|FARC|ELN|Clan del Golfo
    Gulf Clan|Tatmadaw|Arakan Army|Kachin Independence Army|People's Defence Force|PDF|TTP|Tehreek-e-Taliban Pakistan
    Tehrik-i-Taliban Pakistan|BLA|Balochistan Liberation Army|IDF|Israel Defense Forces|Islamic Jihad
    Hayat Tahrir al-Sham|HTS|SDF|Syrian Democratic Forces|PKK|YPG|Fatah|PLO
    Geo News|Geo TV|Xinhua|Hindustan Times|Times of India|Reuters|AFP|AP|Associated Press|BBC|CNN|Al Jazeera
    Al Arabiya|Dawn|The Dawn|Express Tribune|TASS|RIA Novosti|RIA|Interfax|Ukrinform|Kyiv Independent
    Kyiv Post|New York Times|Washington Post|The Guardian|Guardian|Times of Israel|Haaretz|Jerusalem Post
    Radio Free Europe|RFE/RL|VOA|Voice of America|Tolo News|TOLOnews|Pajhwok|Ariana News|Khaama Press
    Sudan Tribune|Radio Dabanga|Garowe Online|Hiiraan Online|Irrawaddy|The Irrawaddy|Myanmar Now
    El Tiempo|Semana|Bloomberg|Financial Times|Wall Street Journal|The Economist|Anadolu|Anadolu Agency
    IRNA|Tasnim|Fars|Press TV|PTV|ISPR|Radio Pakistan|APP|PTI|ANI|NDTV|WION|Yonhap|Kyodo|Sputnik|RT
    X|Twitter|Facebook|Telegram|WhatsApp|YouTube|Instagram|TikTok|Truth Social
    Foreign Office|Foreign Ministry|State Department|Home Office|Defence Ministry|Defense Ministry
    Ministry of Interior|Interior Ministry|Ministry of Defence|Ministry of Defense|Ministry of Foreign Affairs
    Ministry of External Affairs|External Affairs Ministry|Ministry of Information|Ministry of Health
    Health Ministry|Foreign Affairs|External Affairs|Political Affairs|Member States|Secretary-General
    Parliament|Senate|Congress|Cabinet|Supreme Court|High Court
    """.replace("\n", "|").split("|")
    if s.strip()
)

#: Last words of a capitalised run that make it an organisation name
#: ("Kabul Police", "Pakistan Army", "Hindustan Times").
ORG_HEAD_WORDS = frozenset(
    """
    Ministry Ministries Council Forces Force Army Navy Police Party Front Movement News Times Post
    Agency Commission Committee Organisation Organization Union Bank Company Corporation Brigade
    Brigades Battalion Battalions Division Corps Militia Militias Group Network Radio Television TV Herald
    Tribune Daily Press Association Federation Authority Department Institute Foundation Fund
    Programme Program Mission Service Services Guard Guards Government Administration Alliance
    League Coalition Command Regiment Unit Units Observer Monitor Journal Gazette Express Telegraph
    Review Weekly Online Today Broadcasting Channel Club Team Airlines Airways University College
    Secretariat Embassy Consulate Office Assembly Court Tribunal Parliament Senate Congress Cabinet
    Affairs Secretary Minister President Spokesperson Spokesman Foreign
    """.split()
)

#: Words that make a capitalised run a place even when the gazetteer lacks it
#: ("Tabbasum Road", "Zamzam Camp", "Tahrir Square").
PLACE_HEAD_WORDS = frozenset(
    """
    Road Street St Avenue Ave Boulevard Highway Motorway Expressway Lane Bridge Camp Square District
    Province Governorate Oblast Region County Valley Village Town City Port Harbour Harbor Airport
    Airbase Base Interchange Crossing Checkpoint Market Bazaar Mosque Hospital Station Dam Pass
    Mountains Mountain Hills Hill River Lake Island Islands Gulf Bay Strait Sea Desert Plateau Plain
    Oasis Refugee Corridor Enclave Quarter Neighbourhood Neighborhood Suburb Township Sector Zone
    Park Gate Junction Roundabout Chowk Mandi Colony Raion Hromada
    State Territory Territories Heights Strip Bank Coast Peninsula Basin Delta Canal Fort Castle
    Palace Stadium Prison Jail Cantonment Garrison Barracks Field Fields Front
    """.split()
) - {"Bank", "Front"}

#: Words before a name that make it a person ("Foreign Secretary Baloch").
PERSON_TITLES = frozenset(
    """
    President Minister Secretary Secretary-General Spokesperson Spokesman Spokeswoman spokesperson
    spokesman spokeswoman General Gen Gen. Lt Lt. Col Col. Colonel Major Maj. Captain Capt. Commander
    Chief Mr Mr. Mrs Mrs. Ms Ms. Dr Dr. Prof Prof. Sheikh Shaikh King Queen Prince Princess Emir Amir
    Ambassador Envoy Governor Gov. Mayor Senator Sen. Rep. Representative Judge Justice Pope Bishop
    Archbishop Imam Mullah Maulvi Maulana Mufti Ayatollah Haji Sardar Field Marshal Admiral Adm.
    Brigadier Sergeant Sgt. Lieutenant Chairman Chairwoman Chair Director Leader leader counterpart
    Premier Chancellor Vice Deputy Speaker Commissioner Inspector Superintendent Officer Warlord
    Rev. Reverend Father Sister Brother Saint Lord Lady Sir Dame Mrs Hon. Honourable minister
    secretary president general commander chief director official officials analyst reporter
    correspondent journalist activist
    """.split()
)

#: Landmarks that usually stand for an institution ("the Kremlin said"); they
#: are places only with a locative cue ("strikes near the Kremlin").
METONYMIC_LANDMARKS = frozenset(
    {"Kremlin", "Pentagon", "White House", "Downing Street", "Elysee", "Élysée", "Élysée Palace",
     "Elysee Palace", "Capitol Hill", "Whitehall", "Foggy Bottom", "Blue House", "Zhongnanhai",
     "Bankova", "Quai d'Orsay"}
)

#: Capitalised ordinary words and names that match small gazetteer entries.
ORDINARY_WORDS = frozenset(
    """
    A An The This That These Those It Its He She They We You I Our Their His Her Who What When Where
    Why How Which While After Before During Since Until Amid Amidst Among Against Despite Although
    Though However Meanwhile Furthermore Moreover Also And But Or Nor So Yet If Then Thus Still
    Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April May June
    July August September October November December Ramadan Eid Christmas Easter Passover Diwali
    Hanukkah Lent Muharram Ashura Nowruz God Allah Spoke Said Says Reads According Former Deputy
    Under Over Is Was Are Were Has Have Had Will Would Could Should May Might Must Can One Two Three
    Four Five Six Seven Eight Nine Ten First Second Third Last Next Today Tonight Yesterday Tomorrow
    Home News Video Photo Photos Watch Read More Live Update Updates Breaking Opinion Analysis
    Exclusive Editorial Comment Reporting Editing Writing Additional Sources Source Map Maps
    Member States State Secretary Minister Ministry Office Foreign Affairs Political External
    Interior Defence Defense Government Forces Army Police Military Security Council General
    Federal National International Islamic Democratic Republic People Peoples Popular Royal
    Supreme Central Higher High Low North South East West Northern Southern Eastern Western
    Greater Upper Lower New Old Great Holy Saint Sir Lord Lady Prime Vice Chief Head
    Mr Mrs Ms Dr Gen Col Lt Capt Maj Sgt
    Israel-Hamas Russia-Ukraine Afghanistan-Pakistan
    """.split()
)


def demonym_country(word: str) -> str | None:
    """ISO2 code of the country a demonym refers to, or None.

    Examples
    --------
    >>> demonym_country("Turkish"), demonym_country("Sudanese"), demonym_country("Baloch")
    ('TR', 'SD', None)
    """
    return DEMONYMS.get(word) or DEMONYMS.get(word.strip().title())


def is_organisation(name: str) -> bool:
    """True when ``name`` is a known organisation, group, outlet or platform.

    Examples
    --------
    >>> is_organisation("Rapid Support Forces"), is_organisation("Xinhua"), is_organisation("Kabul")
    (True, True, False)
    """
    return name.strip() in ORGANISATIONS


# A city names an agreement, a negotiation or a format ("the Pretoria
# agreement", "the Minsk II accords", "the Astana format", "the Doha peace
# talks"): the city stands for the meeting, not for its state.  "talks" and
# "deal" may be verbs ("Moscow talks tough"): they need "the" before the city.
_ACCORD_AFTER = re.compile(
    r"\s+(?:(?:peace|ceasefire|nuclear|security|border|trade|grain|prisoner|humanitarian|political|"
    r"normali[sz]ation|I{1,3}|IV|\d)\s+){0,2}"
    r"(?:(?P<noun>agreements?|accords?|process|format|protocols?|declaration|communiqu[eé]|memorandum|"
    r"framework|roadmap|conference|understanding|formula)|(?P<verb>talks|deal))\b"
)
_THE_BEFORE = re.compile(r"\b(?:the|The)\s+$")


def names_an_accord(text: str, start: int, end: int) -> bool:
    """Whether the city at ``text[start:end]`` names an agreement, talks or a format.

    Such a city is neither the scene of the sentence nor an actor.

    Examples
    --------
    >>> t = "Both sides recommitted to the Dayton accords; the Geneva talks resume."
    >>> names_an_accord(t, 30, 36), names_an_accord(t, 50, 56)
    (True, True)
    >>> t = "Kyiv talks of victory."
    >>> names_an_accord(t, 0, 4)
    False
    """
    m = _ACCORD_AFTER.match(text, end)
    if m is None:
        return False
    return m.group("noun") is not None or _THE_BEFORE.search(text, max(0, start - 5), start) is not None
