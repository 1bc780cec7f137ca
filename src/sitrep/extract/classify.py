"""Event typing with ACLED's taxonomy and precedence rules, from trigger words in a clause.

Why rules: ACLED's codebook *is* a set of rules (an interception is Disrupted weapons use; a strike
inside a ground battle is a Battle; shelling vs air strike is decided by the weapon). Writing them
down keeps every decision explainable and lets a statistical model be added behind the same
function later.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from sitrep import taxonomy as tx


@dataclass
class Typing:
    event_type: str | None
    sub_event_type: str
    trigger: str  # the words that decided it
    start: int  # trigger offset within the clause
    weapons: list[str] = field(default_factory=list)
    generic: bool = False  # decided by a generic word ("strike", "attack"): may inherit a weapon


def _rx(*words: str) -> re.Pattern[str]:
    return re.compile(r"\b(?:" + "|".join(words) + r")\b", re.IGNORECASE)


WEAPONS: dict[str, re.Pattern[str]] = {
    "drone": _rx(r"drones?", r"UAVs?", r"unmanned aerial vehicles?", r"Shaheds?", r"Gerans?", r"kamikaze"),
    "missile": _rx(r"missiles?", r"Iskanders?", r"Kinzhals?", r"Kalibrs?", r"ATACMS", r"Storm Shadows?"),
    "aircraft": _rx(
        r"air ?strikes?",
        r"air raids?",
        r"warplanes?",
        r"fighter jets?",
        r"jets",
        r"aircraft",
        r"helicopters?(?: gunships?)?",
        r"glide bombs?",
        r"guided bombs?",
        r"aerial bombs?",
        r"bombers?",
        r"KABs?",
        r"bombed from the air",
        r"airstrikes?",
    ),
    "artillery": _rx(
        r"shelling",
        r"shelled",
        r"shells?",
        r"artillery",
        r"mortars?",
        r"howitzers?",
        r"MLRS",
        r"Grads?",
        r"Uragans?",
        r"Smerch",
        r"HIMARS",
        r"multiple rocket launchers?",
        r"rockets?",
        r"cluster munitions?",
        r"tank fire",
    ),
    "ied": _rx(
        r"IEDs?",
        r"improvised explosive devices?",
        r"roadside bombs?",
        r"landmines?",
        r"land mines?",
        r"car bombs?",
        r"VBIEDs?",
        r"explosive devices?",
        r"booby[- ]traps?",
        r"anti-personnel mines?",
        r"anti-tank mines?",
        r"stepped on a mine",
        r"mine exploded",
        r"bomb exploded",
        r"bomb went off",
        r"explosives?-laden",
    ),
    "suicide": _rx(
        r"suicide bomb(?:er|ers|ing|ings)?",
        r"suicide attacks?",
        r"blew (?:him|her|them)sel(?:f|ves) up",
        r"suicide vest",
    ),
    "grenade": _rx(r"grenades?"),
    "chemical": _rx(
        r"chemical weapons?",
        r"chemical attacks?",
        r"chlorine",
        r"sarin",
        r"toxic gas",
        r"nerve agents?",
        r"poison gas",
    ),
    "firearm": _rx(r"gunmen", r"gunfire", r"shot", r"shooting", r"opened fire", r"rifles?", r"machine guns?"),
}

_INTERCEPT = _rx(
    r"shot down",
    r"downed",
    r"intercepted",
    r"intercept(?:ion|ions)",
    r"neutrali[sz]ed",
    r"repelled",
    r"destroyed in the air",
    r"air defen[cs]es? (?:were |was )?(?:active|activated|engaged|working)",
    r"jammed",
    r"suppressed by electronic warfare",
    r"defused",
    r"disarmed",
    r"cleared of mines",
)
_STRIKE = _rx(
    r"strikes?",
    r"struck",
    r"hit",
    r"attacks?",
    r"attacked",
    r"bombardment",
    r"bombed",
    r"bombing",
    r"targeted",
    r"pounded",
    r"explosions?",
    r"blasts?",
    r"raids?",
)
_BATTLE = _rx(
    r"clash(?:es|ed)?",
    r"fighting",
    r"fought",
    r"battles?",
    r"firefights?",
    r"gun ?battles?",
    r"exchange(?:d)? (?:of )?fire",
    r"skirmish(?:es)?",
    r"engaged in combat",
    r"combat",
    r"offensive",
    r"counter-?offensive",
    r"assaults? on (?:\w+ )?positions",
    r"stormed",
    r"ambush(?:ed)?",
)
_REGAIN = _rx(r"recaptured", r"retook", r"regained", r"liberated", r"re-?took control", r"won back")
_OVERTAKE = _rx(
    r"captured",
    r"seized control",
    r"took control",
    r"took over",
    r"overran",
    r"occupied (?:the|a|an)\b",
    r"seized the",
    r"advanced into",
    r"entered the (?:town|village|city)",
)
_VAC_ATTACK = _rx(
    r"executed",
    r"massacred?",
    r"massacre",
    r"lynched",
    r"beheaded",
    r"tortured",
    r"shot dead",
    r"gunned down",
    r"hacked to death",
    r"stabbed",
    r"burned alive",
    r"killed civilians",
    r"attacked (?:a |the )?(?:village|villagers|civilians|residents)",
    r"murdered",
)
_ABDUCT = _rx(
    r"abduct(?:ed|ion|ions|s)?",
    r"kidnap(?:ped|ping|pings|s)?",
    r"forcibly disappeared",
    r"taken hostage",
    r"held hostage",
    r"hostages?",
)
_SEXUAL = _rx(r"rap(?:ed|e|es|ing)", r"sexual(?:ly)? (?:violence|assault(?:ed)?|abuse(?:d)?)")
_PROTEST = _rx(
    r"protest(?:s|ed|ers|ors|ing)?",
    r"demonstrat(?:ion|ions|ors|ed)",
    r"rall(?:y|ies|ied)",
    r"marched",
    r"march",
    r"sit-in",
    r"picket(?:s|ed)?",
    r"strikers",
    r"went on strike",
    r"hunger strike",
    r"walkout",
)
_PROTEST_FORCE = _rx(
    r"(?:fired|opened fire) (?:on|at) (?:the )?(?:protesters|demonstrators|crowd)",
    r"live (?:ammunition|rounds|bullets)",
    r"killed (?:\w+ )?(?:protesters|demonstrators)",
)
_PROTEST_INTERVENE = _rx(
    r"dispersed",
    r"tear gas",
    r"tear-gas",
    r"water cannons?",
    r"rubber bullets",
    r"arrested (?:\w+ )?(?:protesters|demonstrators)",
    r"broke up",
    r"baton",
)
_RIOT = _rx(
    r"riot(?:s|ed|ers|ing)?",
    r"torched",
    r"set (?:ablaze|on fire)",
    r"pelted",
    r"stone-throwing",
    r"threw stones",
    r"looted",
    r"vandali[sz]ed",
    r"clashed with police",
)
_MOB = _rx(r"mob", r"lynch(?:ed|ing)?", r"vigilantes?")
_ARREST = _rx(r"arrest(?:ed|s)?", r"detain(?:ed|s)?", r"detention", r"taken into custody", r"apprehended")
_AGREEMENT = _rx(
    r"ceasefire",
    r"cease-fire",
    r"truce",
    r"peace (?:deal|agreement|accord)",
    r"signed an? agreement",
    r"prisoner (?:exchange|swap)",
    r"exchanged prisoners",
    r"swap of prisoners",
)
_LOOTING = _rx(
    r"loot(?:ed|ing)",
    r"plunder(?:ed)?",
    r"destroyed (?:property|homes|houses|crops)",
    r"burned (?:down )?(?:homes|houses|villages)",
)
_BASE = _rx(r"established (?:a )?(?:base|headquarters|camp)", r"set up (?:a )?(?:base|camp|headquarters)")
_WITHDRAW = _rx(r"withdr(?:ew|awn|awal) from", r"handed over", r"pulled out of", r"retreated from")
_CHANGE = _rx(r"merged with", r"pledged allegiance", r"new leader", r"split from", r"recruit(?:ed|ing|ment)")
_TALKS = _rx(
    r"talks",
    r"negotiations?",
    r"negotiated",
    r"summit",
    r"meetings?",
    r"met with",
    r"hosted",
    r"visit(?:ed)?",
    r"conference",
)
_CALL = _rx(r"(?:phone |video )?call", r"spoke by phone", r"phoned", r"telephone conversation")
_PROPOSAL = _rx(r"proposed", r"proposal", r"put forward", r"plan to end", r"initiative")
_NON_POLITICAL = _rx(
    r"earthquake",
    r"flood(?:s|ing)?",
    r"wildfire",
    r"hurricane",
    r"cyclone",
    r"landslide",
    r"car crash",
    r"road accident",
    r"traffic accident",
    r"train (?:crash|derailment)",
    r"plane crash",
    r"gas explosion",
    r"gas leak",
    r"robbery",
    r"robbed",
    r"burglary",
    r"drug (?:trafficking|smuggling|cartel)",
    r"smuggl(?:ed|ing)",
    r"fraud",
    r"embezzl(?:ed|ement)",
    r"domestic violence",
    r"industrial accident",
    r"mine collapse",
    r"tornado",
    r"storm",
    r"drought",
    r"volcano",
    r"epidemic",
    r"outbreak",
)


def weapons_in(text: str) -> list[str]:
    return [name for name, rx in WEAPONS.items() if rx.search(text)]


def _remote_sub(weapons: list[str]) -> str:
    """ACLED's remote-violence sub-type from the weapons named (precedence top-down)."""
    if "chemical" in weapons:
        return "Chemical weapon"
    if "suicide" in weapons:
        return "Suicide bomb"
    if "drone" in weapons or "aircraft" in weapons:
        return "Air/drone strike"
    if "missile" in weapons or "artillery" in weapons:
        return "Shelling/artillery/missile attack"
    if "ied" in weapons:
        return "Remote explosive/landmine/IED"
    if "grenade" in weapons:
        return "Grenade"
    return "Air/drone strike"


def _first(rx: re.Pattern[str], text: str) -> re.Match[str] | None:
    return rx.search(text)


def classify(text: str, *, harm: bool = False, default_weapons: list[str] | None = None) -> Typing | None:
    """Type one clause. `harm` says the clause reports casualties or damage (decides interceptions);
    `default_weapons` are the weapons of the surrounding report, for a bare "strike"."""
    weapons = weapons_in(text)

    def typed(sub: str, m: re.Match[str], generic: bool = False, ws: list[str] | None = None) -> Typing:
        return Typing(tx.EVENT_TYPE_OF.get(sub), sub, m.group(0), m.start(), ws or weapons, generic)

    if (m := _first(_NON_POLITICAL, text)) and not (weapons and _first(_STRIKE, text)):
        return Typing(None, tx.NOT_POLITICAL_VIOLENCE, m.group(0), m.start(), weapons)
    if m := _first(_PROTEST_FORCE, text):
        return typed("Excessive force against protesters", m)
    if m := _first(_PROTEST, text):
        if _first(_RIOT, text):
            return typed("Violent demonstration", m)
        if _first(_PROTEST_INTERVENE, text) or _first(_ARREST, text):
            return typed("Protest with intervention", m)
        if not (_first(_STRIKE, text) and weapons):
            return typed("Peaceful protest", m)
    if m := _first(_MOB, text):
        return typed("Mob violence", m)
    if (m := _first(_RIOT, text)) and not weapons:
        return typed("Violent demonstration", m)
    if (m := _first(_INTERCEPT, text)) and weapons and not harm:
        return typed("Disrupted weapons use", m)
    if m := _first(_REGAIN, text):
        return typed("Government regains territory", m)
    if m := _first(_OVERTAKE, text):
        return typed("Non-state actor overtakes territory", m)
    if m := _first(_BATTLE, text):
        # A strike inside a ground battle is a Battle (ACLED precedence).
        return typed("Armed clash", m)
    if m := _first(_SEXUAL, text):
        return typed("Sexual violence", m)
    if m := _first(_ABDUCT, text):
        return typed("Abduction/forced disappearance", m)
    remote = [w for w in weapons if w not in {"firearm"}]
    if remote:
        rx = WEAPONS[remote[0]]
        m = _first(_STRIKE, text) or rx.search(text)
        if m is not None and (_first(_STRIKE, text) or harm or remote[0] in {"artillery", "aircraft", "ied"}):
            return typed(_remote_sub(remote), m)
    if m := _first(_VAC_ATTACK, text):
        return typed("Attack", m)
    if "firearm" in weapons and harm:
        m = WEAPONS["firearm"].search(text)
        assert m is not None
        return typed("Attack", m)
    if (m := _first(_STRIKE, text)) and (harm or default_weapons):
        ws = [w for w in (default_weapons or []) if w != "firearm"]
        return typed(_remote_sub(ws), m, generic=True, ws=ws)
    if m := _first(_AGREEMENT, text):
        return typed("Agreement", m)
    if m := _first(_ARREST, text):
        return typed("Arrests", m)
    if m := _first(_LOOTING, text):
        return typed("Looting/property destruction", m)
    if m := _first(_BASE, text):
        return typed("Headquarters or base established", m)
    if m := _first(_WITHDRAW, text):
        return typed("Non-violent transfer of territory", m)
    if m := _first(_CHANGE, text):
        return typed("Change to group/activity", m)
    if m := _first(_CALL, text):
        return typed("Call", m)
    if m := _first(_TALKS, text):
        return typed("Talks", m)
    if m := _first(_PROPOSAL, text):
        return typed("Proposal", m)
    return None
