"""The event vocabulary: ACLED's event and sub-event types, and sitrep's diplomacy extension.

Names follow ACLED's spelling so that exports load into ACLED users' scripts unchanged.
Diplomacy (talks, calls, proposals, statements) is not coded by ACLED; sitrep adds it as a sixth
family under the event type "Diplomacy" and never exports it under an ACLED type.
"""

from __future__ import annotations

BATTLES = "Battles"
EXPLOSIONS = "Explosions/Remote violence"
VIOLENCE_AGAINST_CIVILIANS = "Violence against civilians"
PROTESTS = "Protests"
RIOTS = "Riots"
STRATEGIC = "Strategic developments"
DIPLOMACY = "Diplomacy"
NOT_POLITICAL_VIOLENCE = "Not political violence"

ACLED_TYPES: dict[str, list[str]] = {
    BATTLES: ["Armed clash", "Government regains territory", "Non-state actor overtakes territory"],
    EXPLOSIONS: [
        "Chemical weapon",
        "Air/drone strike",
        "Suicide bomb",
        "Shelling/artillery/missile attack",
        "Remote explosive/landmine/IED",
        "Grenade",
    ],
    VIOLENCE_AGAINST_CIVILIANS: ["Sexual violence", "Attack", "Abduction/forced disappearance"],
    PROTESTS: ["Peaceful protest", "Protest with intervention", "Excessive force against protesters"],
    RIOTS: ["Violent demonstration", "Mob violence"],
    STRATEGIC: [
        "Agreement",
        "Arrests",
        "Change to group/activity",
        "Disrupted weapons use",
        "Headquarters or base established",
        "Looting/property destruction",
        "Non-violent transfer of territory",
        "Other",
    ],
}

DIPLOMACY_TYPES = ["Talks", "Call", "Meeting", "Proposal", "Statement"]

EVENT_TYPE_OF: dict[str, str] = {sub: et for et, subs in ACLED_TYPES.items() for sub in subs}
EVENT_TYPE_OF.update({sub: DIPLOMACY for sub in DIPLOMACY_TYPES})

VIOLENT_TYPES = {BATTLES, EXPLOSIONS, VIOLENCE_AGAINST_CIVILIANS}


def family(event_type: str | None) -> str:
    """Coarse family used when grouping claims: violence, demonstrations, strategic, diplomacy."""
    if event_type in VIOLENT_TYPES:
        return "violence"
    if event_type in {PROTESTS, RIOTS}:
        return "demonstration"
    if event_type == DIPLOMACY:
        return "diplomacy"
    return "strategic" if event_type == STRATEGIC else "other"
