"""Short reports about several conflicts, written for the geoparsing tests.

Each entry: text, places that must be found (surface -> (country code,
feature type or None)), surfaces that must not be mentions, and surfaces
that must be listed but unresolved.
"""

from __future__ import annotations

REPORTS = {
    "sudan": dict(
        text=(
            "PORT SUDAN, Sudan (Reuters) - The Rapid Support Forces shelled the Abu Shouk camp on the northern "
            "edge of El Fasher on Tuesday, killing at least 12 people, local activists said. The paramilitary "
            "group, which has besieged the city for months, also attacked Nyala, about 180 km south of El Fasher, "
            "according to the Sudanese Armed Forces.\n\nAid agencies said thousands fled towards Tawila, some 60 km "
            "west of El Fasher. UN Secretary-General Antonio Guterres called for an immediate ceasefire. The "
            "African Union and the European Union condemned the attacks in North Darfur."
        ),
        places={"El Fasher": ("SD", "city"), "Nyala": ("SD", "city"), "North Darfur": ("SD", "admin1"),
                "Sudan": ("SD", "country")},
        not_places=["Rapid Support Forces", "Sudanese", "Antonio", "Guterres", "African Union", "European Union",
                    "UN", "Aid", "Reuters", "Abu"],
        unresolved=["Abu Shouk"],
    ),
    "ukraine": dict(
        text=(
            "KYIV, Ukraine (AP) — Russian drones struck an energy facility in Kharkiv overnight, Governor Oleh "
            "Syniehubov said on Telegram. Another strike hit Izium, roughly 120 km south-east of Kharkiv, killing "
            "two civilians.\n\nPresident Volodymyr Zelensky said Moscow must be held accountable. The Kremlin said "
            "the strikes targeted military infrastructure. In the Belgorod region of Russia, just across the "
            "border, officials reported shelling of the village of Shebekino."
        ),
        places={"Kharkiv": ("UA", "city"), "Izium": ("UA", "city"), "Moscow": ("RU", "city"),
                "Belgorod": ("RU", "admin1"), "Shebekino": ("RU", "city"), "Russia": ("RU", "country")},
        not_places=["Russian", "Oleh", "Syniehubov", "Telegram", "Volodymyr", "Zelensky", "Kremlin",
                    "The Kremlin", "AP"],
        unresolved=[],
    ),
    "gaza": dict(
        text=(
            "Israeli air strikes hit a house in Rafah on Sunday, killing nine people, the Gaza Health Ministry said. "
            "Witnesses said tanks advanced towards Khan Younis, which lies about 10 kilometres north-east of Rafah. "
            "The Israeli military said it targeted Hamas militants.\n\nEgyptian officials at the Rafah crossing "
            "said aid trucks were waiting. The White House said it was concerned."
        ),
        places={"Rafah": ("PS", "city"), "Khan Younis": ("PS", "city")},
        not_places=["Israeli", "Hamas", "Egyptian", "White House", "Witnesses", "The"],
        unresolved=[],
    ),
    "somalia": dict(
        text=(
            "MOGADISHU - Al-Shabaab fighters attacked a military base in Baidoa, some 250 km north-west of "
            "Mogadishu, on Friday, officials said. Government troops backed by African Union forces repelled the "
            "attack. A separate roadside bomb exploded near Afgooye, within 30 km of the capital."
        ),
        places={"Baidoa": ("SO", "city"), "Mogadishu": ("SO", "city"), "Afgooye": ("SO", "city")},
        not_places=["Al-Shabaab", "African Union", "Government"],
        unresolved=[],
    ),
    "myanmar": dict(
        text=(
            "Myanmar's military carried out air strikes on villages in Sagaing Region on Wednesday, the National "
            "Unity Government said. The Arakan Army said it had captured Paletwa in Chin State. Fighting also "
            "continued near Lashio in northern Shan State, residents told Radio Free Asia."
        ),
        places={"Sagaing Region": ("MM", "admin1"), "Chin State": ("MM", "admin1"), "Lashio": ("MM", "city"),
                "Shan State": ("MM", "admin1"), "Myanmar": ("MM", "country")},
        not_places=["Arakan Army", "Arakan", "Radio Free Asia", "National Unity Government", "Fighting"],
        unresolved=[],
    ),
    "colombia": dict(
        text=(
            "BOGOTA (Reuters) - ELN rebels attacked a police station in Tibu, in Norte de Santander province near "
            "the Venezuelan border, President Gustavo Petro said on Thursday. Clashes between the ELN and FARC "
            "dissidents have displaced thousands in the Catatumbo region since January. Cucuta, about 40 miles "
            "south of Tibu, received many of the displaced."
        ),
        places={"Tibu": ("CO", "city"), "Norte de Santander": ("CO", "admin1"), "Cucuta": ("CO", "city")},
        not_places=["ELN", "FARC", "Venezuelan", "Gustavo", "Petro", "Gustavo Petro", "January", "Clashes"],
        unresolved=[],
    ),
    "sahel": dict(
        text=(
            "BAMAKO, Mali - Jihadists linked to al-Qaeda attacked an army post near Boulkessi in central Mali, "
            "close to the border with Burkina Faso, the army said. In Niger, gunmen killed 20 civilians in the "
            "Tillaberi region. Chad's president Mahamat Deby visited N'Djamena's main hospital. Mobile phone "
            "networks were cut across the region."
        ),
        places={"Mali": ("ML", "country"), "Burkina Faso": ("BF", "country"), "Niger": ("NE", "country"),
                "Tillaberi": ("NE", "admin1"), "Chad": ("TD", "country"), "N'Djamena": ("TD", "city")},
        not_places=["Mobile", "Jihadists", "Mahamat", "Deby", "al-Qaeda"],
        unresolved=[],
    ),
}
