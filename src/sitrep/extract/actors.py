"""Who did it and to whom: perpetrator and target names in ACLED's actor style.

ACLED names an actor by what it is, not by how a report words it: "Military Forces of Russia
(2000-)", "Police Forces of Nigeria", "Civilians (Ukraine)", "Unidentified Armed Group (Mali)",
"Fulani Ethnic Militia (Nigeria)", "Protesters (Kenya)", or a named group ("Al Shabaab"). This
module maps the words of one clause onto that vocabulary with a lexicon of named armed groups and
patterns for state forces, identity militias, unnamed attackers, crowds and civilians. The
vocabulary, and why each rule exists, is in docs/ACTORS.md.

Which mention is the perpetrator is decided by its grammatical position, approximated by the words
around it: the agent of a passive ("killed by Boko Haram"), the subject before a violent verb
("gunmen opened fire"), an attributive ("a Taliban attack"), a suspicion ("suspected Fulani
herdsmen") or a responsibility claim. A mention in victim position ("attack on soldiers",
"five policemen were killed") is a target, never the perpetrator.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from sitrep import taxonomy as tx
from sitrep.geo.gazetteer import get_gazetteer
from sitrep.geo.recognize import demonym_country

#: ACLED's regime period for the state forces sitrep reports most; other states carry no period.
STATE_PERIODS: dict[str, str] = {
    "Russia": "2000-",
    "Ukraine": "2019-",
    "Israel": "2022-",
    "Belarus": "1994-",
    "Syria": "2000-2024",
    "Iran": "1979-",
}

#: Named armed groups: pattern (case-insensitive, whole words) -> actor name. A "{country}" in the
#: name is filled with the event's country (ACLED names franchises by country).
NAMED_GROUPS: tuple[tuple[str, str], ...] = (
    (r"islamic state west africa(?: province)?|iswap", "Islamic State West Africa Province (ISWAP)"),
    (
        r"islamic state(?: group)?|isis|isil|daesh|\bis\b(?= (?:militants|fighters|group|jihadists))",
        "Islamic State ({country})",
    ),
    (r"boko haram", "Boko Haram - Jamaatu Ahli is-Sunnah lid-Dawati wal-Jihad"),
    (r"al[- ]?shabaa?b|shabaab", "Al Shabaab"),
    (r"taliban", "Taliban"),
    (r"al[- ]qaeda in the arabian peninsula|aqap", "Al Qaeda in the Arabian Peninsula"),
    (r"al[- ]qaeda in the islamic maghreb|aqim", "Al Qaeda in the Islamic Maghreb"),
    (r"jnim|jama'?at nus?rat al[- ]islam", "JNIM: Group for Support of Islam and Muslims"),
    (r"al[- ]qaeda", "Al Qaeda"),
    (r"houthis?|ansar ?allah", "Houthi Movement (Ansar Allah)"),
    (r"hamas", "Hamas"),
    (r"hezbollah|hizbollah", "Hezbollah"),
    (r"allied democratic forces|adf", "Allied Democratic Forces (ADF)"),
    (
        r"fdlr|democratic forces for the liberation of rwanda",
        "FDLR: Democratic Forces for the Liberation of Rwanda",
    ),
    (r"m23|march 23 movement", "M23: March 23 Movement"),
    (r"codeco", "CODECO: Cooperative for Development of Congo"),
    (r"mai[- ]mai", "Mai-Mai Militia ({country})"),
    (r"anti[- ]balaka", "Anti-Balaka"),
    (r"ex[- ]seleka|seleka", "Ex-Seleka Militia"),
    (r"pkk|kurdistan workers'? party", "PKK: Kurdistan Workers Party"),
    (r"hayat tahrir al[- ]sham|hts|nusra front|al[- ]nusra", "Hayat Tahrir al-Sham"),
    (r"wagner(?: group)?", "Wagner Group"),
    (r"rapid support forces|rsf", "Rapid Support Forces"),
    (r"janjaweed", "Janjaweed Militia"),
    (r"arakan army", "Arakan Army"),
    (r"new people'?s army|npa", "NPA: New People's Army"),
    (r"abu sayyaf", "Abu Sayyaf Group"),
    (r"eln|national liberation army", "ELN: National Liberation Army"),
    (r"donetsk people'?s republic|dpr|dnr", "DNR: Donetsk People's Republic"),
    (r"luhansk people'?s republic|lugansk people'?s republic|lpr|lnr", "LNR: Luhansk People's Republic"),
)

#: Identity groups whose armed men ACLED codes as an ethnic militia of the event's country.
ETHNIC_GROUPS = (
    "Fulani", "Tiv", "Berom", "Dogon", "Bambara", "Hema", "Lendu", "Twa", "Luba", "Nuer", "Dinka",
    "Murle", "Hawiye", "Darod", "Marehan", "Pokot", "Turkana", "Borana", "Oromo", "Amhara", "Somali",
    "Masalit", "Misseriya", "Rizeigat", "Kuki", "Meitei", "Bunu", "Jukun", "Adara", "Bachama", "Eggon",
)  # fmt: skip

_STATE_NOUNS = (
    r"(?:army|troops|soldiers|forces|military|armed forces|air ?force|warplanes|jets|aircraft|"
    r"helicopters?|gunships?|navy|artillery|drones?|missiles?|rockets?|strikes?|air ?strikes?|airstrikes?|"
    r"shelling|bombardment|bombing|air raids?|raids?|security forces|border guards?|national guard|"
    r"special forces|gendarmes|"
    r"gendarmerie|marines)"
)
_POLICE_NOUNS = r"(?:police(?:men|man)?|police officers|riot police|policemen)"
_BARE_STATE = re.compile(
    r"\b(?:(?:government|regime|pro-government|state|security|federal|coalition) (?:forces|troops|soldiers)|"
    r"regime (?:air ?strikes?|airstrikes?|air raids?|artillery|shelling|warplanes|aircraft|bombardment|fire|"
    r"helicopters?|barrel bombs?)|"
    r"(?:the )?(?:army|military|armed forces|security forces|soldiers|troops|warplanes|gendarmes|"
    r"gendarmerie|air ?force)|(?:saudi|arab)[- ]led coalition)\b",
    re.I,
)
_BARE_POLICE = re.compile(rf"\b{_POLICE_NOUNS}\b", re.I)
_UNIDENTIFIED = re.compile(
    r"\b(?:(?:unknown|unidentified|suspected|masked|armed|hooded)\s+)*"
    r"(?:gunm[ae]n|assailants?|attackers?|militants?|insurgents?|jihadists?|extremists?|terrorists?|"
    r"armed men|armed group|suicide bombers?|bombers?|kidnappers?|abductors?|bandits?|raiders?|"
    r"rebels?|fighters|snipers?|hitm[ae]n|killers?)\b",
    re.I,
)
_CROWD = re.compile(r"\b(?P<who>protesters?|demonstrators?|rioters?|mobs?|rioting crowds?)\b", re.I)
_CIVILIAN_VICTIMS = re.compile(
    r"\b(?:civilians?|villagers?|residents?|people|persons|farmers?|worshippers?|students?|pupils?|women|"
    r"children|men|passengers?|journalists?|teachers?|traders?|shoppers?|pilgrims?|herders?|fishermen|"
    r"family|families|miners?|workers?|displaced|refugees?|inhabitants|locals)\b",
    re.I,
)
_DEMONYM_WORD = r"(?P<dem>[A-Z][a-z]+(?:-[a-z]+)?)"
_STATE_BY_DEMONYM = re.compile(rf"\b{_DEMONYM_WORD}(?:-led)?\s+(?:[a-z-]+\s+){{0,2}}?(?i:{_STATE_NOUNS})\b")
#: A state's forces named by the country ("the Armed Forces of the Russian Federation", "RF Armed
#: Forces", "Armed Forces of Ukraine"), as official bulletins and their translations do.
_STATE_BY_COUNTRY = re.compile(
    r"\b(?:(?P<abbr>RF|Russian\s+Federation)\s+)?(?i:armed\s+forces|army|military|troops)"
    r"(?(abbr)|\s+of\s+(?:the\s+)?(?P<country>(?:[A-Z][\w'-]+)(?:\s+[A-Z][\w'-]+){0,2}))\b"
)
_POLICE_BY_DEMONYM = re.compile(rf"\b{_DEMONYM_WORD}\s+{_POLICE_NOUNS}\b")
_ETHNIC = re.compile(
    r"\b(?P<group>" + "|".join(ETHNIC_GROUPS) + r")\s+(?:ethnic\s+)?"
    r"(?:herdsmen|herders|gunmen|militia(?:men)?|militants|fighters|attackers|youths?|assailants)\b"
)
_CLAN = re.compile(r"\b(?P<group>[A-Z][a-z]+)\s+(?:clan|sub-clan)\s+(?:militia(?:men)?|fighters|gunmen)\b")
_NAMED = [(re.compile(rf"\b(?:{pattern})\b", re.I), name) for pattern, name in NAMED_GROUPS]

#: Words just before a mention that make it the agent (perpetrator).
_AGENT_BEFORE = re.compile(
    r"(?:\bby|\bsuspected|\bblamed on|\battributed to|\bbelieved to be|\bthought to be|\bsaid to be|"
    r"\bbelonging to|\blinked to|\bhallmarks of|\bresponsibility of|\bfrom)\s+"
    r"(?:the\s+|a\s+|an\s+|some\s+|suspected\s+|\w+\s+){0,2}$",
    re.I,
)
#: Words just before a mention that make it a victim.
_VICTIM_BEFORE = re.compile(
    r"(?:\bon|\bagainst|\btargeting|\btargeted|\bkilling|\bkilled|\bkill|\bkills|\bwounding|\bwounded|"
    r"\binjuring|\bshot|\bambushed|\babducted|\bkidnapped|\bexecuted|\bbeheaded|\bmassacred|\bat)\s+"
    # "killed two soldiers", not "killed in Russian air strikes" (the instrument)
    r"(?:the\s+|a\s+|an\s+|at least\s+|some\s+|\d+\s+|"
    r"(?!in\b|by\b|during\b|after\b|from\b|when\b)[a-z]+\s+){0,3}$",
    re.I,
)
#: Words just after a mention that make it a victim ("soldiers were killed", "police officer died").
_VICTIM_AFTER = re.compile(
    r"^\s*(?:\w+\s+){0,2}?(?:were|was|have been|had been|got|are|is)\s+(?:\w+\s+)?(?:killed|shot|wounded|"
    r"injured|abducted|kidnapped|attacked|ambushed|targeted|murdered|executed|beheaded)|"
    # "soldiers killed in an ambush", "three rebels dead": not "gunmen shot dead a man", "gunmen killed five"
    r"^\s*(?:(?!shot\b|gunned\b|stabbed\b|beaten\b|hacked\b|burn\w*\b|stoned\b)\w+\s+)?"
    r"(?:died|dead\b|killed(?=\s*(?:in|by|when|as|during|after|on|at|near|while|overnight|,|\.|:|;|$)))",
    re.I,
)
#: Words just after a mention that make it the agent ("gunmen opened fire", "Taliban attack").
_AGENT_AFTER = re.compile(
    r"^\s*(?:\w+\s+){0,3}?(?:killed|kill|kills|attacked|attack|attacks|stormed|raided|opened fire|shot|"
    r"abducted|kidnapped|ambushed|bombed|shelled|struck|launched|detonated|set fire|burned|torched|"
    r"massacred|executed|beheaded|fired|hit|targeted|carried out|claimed|claims|seized|overran|"
    r"(?:is|are|were|was) (?:suspected|blamed|believed responsible)|"
    r"blew|exploded|set off|rammed|hurled|threw|planted|hacked|stabbed|looted|besieged|invaded|"
    r"raid|raids|assault|offensive|strike|strikes|air ?strikes?|shelling|bombardment|ambush|"
    r"militants|fighters|gunmen|insurgents)\b",
    re.I,
)


@dataclass(frozen=True)
class Mention:
    """One actor mention in a clause: where it is and the ACLED-style name it maps to."""

    start: int
    end: int
    name: str
    kind: str  # "state", "police", "group", "ethnic", "unidentified", "crowd"


def _country_name(code: str | None) -> str | None:
    if not code:
        return None
    place = get_gazetteer().country(code)
    return place.name if place is not None else None


def _country_by_name(words: str) -> str | None:
    """The gazetteer's name of the country ``words`` begin with ("Russian Federation", "Ukraine near")."""
    parts = words.split()
    for n in range(len(parts), 0, -1):
        place = get_gazetteer().country(" ".join(parts[:n]))
        if place is not None:
            return place.name
    return None


def state_forces(country: str, police: bool = False) -> str:
    """ "Military Forces of Russia (2000-)", "Police Forces of Kenya"."""
    period = STATE_PERIODS.get(country)
    kind = "Police Forces" if police else "Military Forces"
    return f"{kind} of {country} ({period})" if period else f"{kind} of {country}"


def _with_country(name: str, country: str | None) -> str:
    if "{country}" not in name:
        return name
    return name.replace(" ({country})", "") if not country else name.format(country=country)


def mentions(clause: str, country: str | None) -> list[Mention]:
    """Every actor mention in a clause, longest first where they overlap, in text order."""
    found: list[Mention] = []
    for rx, name in _NAMED:
        for m in rx.finditer(clause):
            found.append(Mention(m.start(), m.end(), _with_country(name, country), "group"))
    for m in _ETHNIC.finditer(clause):
        where = f" ({country})" if country else ""
        found.append(Mention(m.start(), m.end(), f"{m.group('group')} Ethnic Militia{where}", "ethnic"))
    for m in _CLAN.finditer(clause):
        where = f" ({country})" if country else ""
        found.append(Mention(m.start(), m.end(), f"{m.group('group')} Clan Militia{where}", "ethnic"))
    for rx, police in ((_POLICE_BY_DEMONYM, True), (_STATE_BY_DEMONYM, False)):
        for m in rx.finditer(clause):
            code = demonym_country(m.group("dem").split("-")[0])
            state = _country_name(code)
            if state:
                kind = "police" if police else "state"
                found.append(Mention(m.start(), m.end(), state_forces(state, police), kind))
    for m in _STATE_BY_COUNTRY.finditer(clause):
        named = "Russia" if m.group("abbr") else _country_by_name(m.group("country"))
        if named:
            found.append(Mention(m.start(), m.end(), state_forces(named), "state"))
    if country:
        for m in _BARE_POLICE.finditer(clause):
            found.append(Mention(m.start(), m.end(), state_forces(country, police=True), "police"))
        for m in _BARE_STATE.finditer(clause):
            text = m.group(0).lower()
            state = "Saudi Arabia" if "coalition" in text and ("saudi" in text or "arab" in text) else country
            found.append(Mention(m.start(), m.end(), state_forces(state), "state"))
    for m in _UNIDENTIFIED.finditer(clause):
        where = f" ({country})" if country else ""
        found.append(Mention(m.start(), m.end(), f"Unidentified Armed Group{where}", "unidentified"))
    for m in _CROWD.finditer(clause):
        who = "Rioters" if m.group("who").lower().startswith(("riot", "mob")) else "Protesters"
        found.append(Mention(m.start(), m.end(), f"{who} ({country})" if country else who, "crowd"))
    # Keep the most specific reading of overlapping spans: a named or ethnic group beats "gunmen".
    rank = {"group": 0, "ethnic": 1, "police": 2, "state": 3, "crowd": 4, "unidentified": 5}
    found.sort(key=lambda m: (rank[m.kind], m.start - m.end))
    kept: list[Mention] = []
    for m in found:
        if not any(m.start < k.end and k.start < m.end for k in kept):
            kept.append(m)
    return sorted(kept, key=lambda m: m.start)


#: Words just after a mention that make it a source, not a party ("police said", "police suspect").
_SPEAKER_AFTER = re.compile(
    r"^\s*(?:\w+\s+)?(?:said|says|say|told|tell|reported|report|suspects?|suspected|believes?|believed|"
    r"confirmed|confirms|announced|added|stated|spokes\w+|sources?|officials?)\b",
    re.I,
)


def _role(clause: str, m: Mention) -> str:
    """'agent', 'victim', 'speaker' or '' (unknown) from the words around a mention."""
    before, after = clause[max(0, m.start - 60) : m.start], clause[m.end : m.end + 60]
    if _SPEAKER_AFTER.search(after):
        return "speaker"
    if _AGENT_BEFORE.search(before):
        return "agent"
    if _VICTIM_AFTER.search(after):
        return "victim"
    if _AGENT_AFTER.search(after):
        return "agent"
    if _VICTIM_BEFORE.search(before):
        return "victim"
    return ""


def perpetrator(clause: str, country: str | None = None) -> str | None:
    """The ACLED-style name of who carried out the violence a clause reports, or None (see
    `perpetrator_mention`)."""
    found = perpetrator_mention(clause, country)
    return found.name if found is not None else None


def perpetrator_mention(clause: str, country: str | None = None) -> Mention | None:
    """The ACLED-style name of who carried out the violence a clause reports, or None.

    ``country`` is the event's country name (for "Unidentified Armed Group (Mali)" and for bare
    "soldiers", "police"). An agent-position mention wins; failing that, the first mention not in
    victim position (crowds only as agents: "protesters" are more often the ones attacked).
    """
    found = mentions(clause, country)
    roles = [(m, _role(clause, m)) for m in found]
    for m, role in roles:
        if role == "agent":
            return m
    for m, role in roles:  # named actors, and nouns that only ever name attackers ("gunmen")
        if role == "" and m.kind != "crowd":
            return m
    return None


def named_agent(text: str, country: str | None = None) -> str | None:
    """The first identified actor anywhere in ``text`` that is plainly the agent ("blamed on Boko
    Haram", "the Taliban claimed responsibility"): it names the "suicide bomber" or "gunmen" of
    the clause that reports the attack, and the perpetrator of a clause that names none."""
    for m in mentions(text, country):
        if m.kind not in ("crowd", "unidentified") and _role(text, m) == "agent":
            return m.name
    return None


def target(clause: str, event_type: str | None, country: str | None = None) -> str | None:
    """The ACLED-style name of who was hit: an armed actor in victim position for battles and
    attacks on forces, else civilians of the event's country when the clause names civilian victims
    (always for Violence against civilians)."""
    found = mentions(clause, country)
    for m in found:
        if _role(clause, m) == "victim" and m.kind != "crowd":
            return m.name
    if event_type == tx.VIOLENCE_AGAINST_CIVILIANS or (
        event_type in tx.VIOLENT_TYPES and _CIVILIAN_VICTIMS.search(clause)
    ):
        return f"Civilians ({country})" if country else "Civilians"
    return None


#: Sub-event types whose unattributed perpetrator ACLED codes as an unidentified armed group. Air
#: and drone strikes, shelling and battles are left without one: those come from a state or a
#: known party, and guessing "unidentified" would hide that the report did not say.
UNATTRIBUTED_AS_UNIDENTIFIED = frozenset(
    {"Attack", "Abduction/forced disappearance", "Sexual violence", "Suicide bomb",
     "Remote explosive/landmine/IED", "Grenade"}
)  # fmt: skip


def default_perpetrator(sub_event_type: str | None, country: str | None) -> str | None:
    """ACLED's name for an attacker the reports do not identify ("Unidentified Armed Group (Iraq)")."""
    if sub_event_type not in UNATTRIBUTED_AS_UNIDENTIFIED:
        return None
    return f"Unidentified Armed Group ({country})" if country else "Unidentified Armed Group"
