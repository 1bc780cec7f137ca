"""Who says so: the claimant of each clause ("Governor X said on Telegram", "according to the
Defence Ministry", "She said"), and the clauses a sentence splits into, one per claimant.

Rules over reporting verbs and the noun phrase before them (or after "according to"), helped by
the NER model's PERSON and ORG spans. A sentence with no reporting verb has the outlet as claimant.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from sitrep.geo.gazetteer import get_gazetteer
from sitrep.geo.recognize import demonym_country
from sitrep.models import Claimant

_SPEECH = re.compile(
    r"\b(?:said|says|say|reported|reports|reporting|wrote|writes|stated|states|announced|announces|"
    r"told|added|confirmed|confirms|warned|warns|claimed|claims|described|citing|cited|noted|posted|"
    r"declared|insisted|denied|denies|alleged|accused|informed|tweeted|estimated|put the toll|"
    # the plural present ("Rebels claim ...", "Separatists accuse Kiev of ...")
    r"claim|accuse|deny|confirm|allege|"
    r"spoke about|speaks about|spoke of|speaks of)\b",
    re.IGNORECASE,
)
# "States" capitalised after a capitalised word ("United States", "Newly Independent States",
# "Baltic States") is a plural noun, not the reporting verb.
_NOUN_STATES = re.compile(r"\b[A-Z][\w’'.-]*\s+States$")
_ACCORDING = re.compile(r"\baccording to\s+", re.IGNORECASE)
_DENIAL = re.compile(r"\b(?:denied|denies|deny|rejected|dismissed|refuted)\b", re.IGNORECASE)

TITLES = (
    r"(?:(?:British|Ukrainian|Russian|US|U\.S\.|American|French|German|Israeli|Turkish|Polish|Deputy|Acting|"
    r"Regional|Foreign|Defen[cs]e|Interior|Prime|Vice|Former|Chief|Senior|Local|Military|State)\s+)*"
    r"(?:Governor|Mayor|President|Prime Minister|Minister|Secretary|Spokes(?:man|woman|person)|"
    r"General|Gen\.|Colonel|Col\.|Commander|Chancellor|Ambassador|Envoy|Head|Chief|Director|Chairman|"
    r"Senator|Lieutenant|Major|Captain|Adviser|Advisor|Prosecutor|Ombudsman|Official|Lt\.|Maj\.)"
)
_TITLE_BEFORE = re.compile(rf"({TITLES})\s*$")
_APPOSITION = re.compile(r"^\s*,\s*(?P<role>[^,]{2,100}?),\s*(?:(?:also|later|earlier|then)\s+)?$")
_GAP = re.compile(r"^\s*,?\s*(?:(?:also|later|earlier|then|previously|separately|had|has|have)\s+)*$", re.I)
# "the city's mayor, Ihor Sydorenko, said": a role in apposition before the name.
_ROLE_BEFORE = re.compile(
    r"(?P<role>(?:[Tt]he\s+)?(?:[\w’'-]+\s+){0,4}?(?:governor|mayor|spokes(?:man|woman|person)|commander|minister|"
    r"head|chief|president|adviser|advisor|official|prosecutor|ombudsman|director))\s*,\s*$"
)
_PRONOUN = re.compile(r"\b(?P<p>[Ss]he|[Hh]e|[Tt]hey|[Ii]t)\s+(?:(?:also|later|then|had|has)\s+)*$")
# "the region's governor said", "a military spokesman said": a role without a name.
_ROLE_ONLY = re.compile(
    r"(?P<org>(?:[Tt]he\s+|[Aa]n?\s+)?(?:[\w’'-]+\s+){0,3}?(?:governor|mayor|spokes(?:man|woman|person)|"
    r"commander|minister|head of [\w’' -]{3,60}?administration|police chief|prosecutor|official))"
    r"\s*(?:(?:also|later|earlier|then|had|has)\s+)*$"
)
_ORG = re.compile(
    r"(?P<org>(?:[Tt]he\s+)?(?:(?:[A-Z][\w’'.-]*|of|and|for|regional|local|national|city|military|state)\s+){0,6}"
    r"(?:Ministry|Headquarters|Force|Forces|Administration|Command|Service|Office|Staff|Council|Police|"
    r"Army|Guard|Agency|Kremlin|Government|Committee|Department|Navy|Military|Authority|Authorities|"
    r"Centre|Center|Mission|Commission|Directorate|Inspectorate|Corps|Brigade|Battalion|Group|"
    r"Administration of [A-Z][\w’'-]+)(?:\s+of\s+(?:the\s+)?[A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+)*)?)"
    r"\s*(?:(?:also|later|earlier|then|had|has|have)\s+)*$"
)
_POSSESSIVE_ORG = re.compile(
    r"(?P<org>[A-Z][\w-]+[’']s\s+(?:[A-Z][\w-]*\s+){0,4}[A-Z][\w-]*)\s*(?:(?:also|later|then)\s+)*$"
)
_GENERIC = re.compile(
    r"(?P<org>(?:(?:[A-Z][a-z]+|local|regional|government|military|Western|security|medical|hospital|"
    r"emergency|state|other|some)\s+){0,2}(?:officials|authorities|sources|residents|witnesses|police|"
    r"rescuers|medics|doctors|emergency services|media|state media|analysts|critics|observers|"
    r"monitors|activists|the military|the army|prosecutors|investigators|the government|government|govt|"
    r"[Rr]ebels|"
    r"[Ss]eparatists|[Ii]nsurgents|[Mm]ilitants|[Mm]ilitias|[Mm]ilitiamen)(?:\s+in\s+(?:eastern\s+)?[A-Z][\w’'-]+)?)\s*"
    r"(?:(?:also|later|then|had|have)\s+)*$"
)
# "Ukraine says ...", "NATO said ...", "..., Kiev says": a bare proper name as subject (tried last).
_BARE_NAME = re.compile(
    r"(?:^|[.:;!?,]\s+|\s[-–—]\s+|^\W*)(?P<org>[A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+){0,2})\s*$"
)
# A headline's source after a colon or dash at its end ('- OK "South"' keeps its quotes).
_TRAILING = re.compile(
    r"(?:[:]|\s[-–—]|[-–—]\s)\s*(?P<who>(?:[A-Z][\w’'.-]*|[a-z][\w’'-]*)(?:\s+[\w’'.\"“”«»-]+){0,5})"
    r"[\"“”»]?\s*$"
)
# What follows a headline's closing dash or colon but is news, not a source: a count, a verb.
_NOT_A_SOURCE = re.compile(
    r"\d|\b(?:killed|killing|kills|wounded|injured|dead|died|dies|hit|shell\w*|attack\w*|strikes?|destroyed|there|"
    r"is|are|was|were|has|have|no|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|"
    r"\w+teen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundreds?|dozens?|scores|several|"
    r"casualties|fighting|"
    r"clashes|toll|bodies|victims)\b",
    re.I,
)
# What follows an inverted verb but names nobody: "..., said on Tuesday", "..., said that ...".
_NOT_INVERTED = re.compile(r"(?:on|in|at|that|it|he|she|they|later|earlier|yesterday|today)\b", re.I)
# A bulletin's source heading the line: "General Staff: ...", "JFO: ...", "ATO HQ: ...".
_LEADING = re.compile(
    # at the line's start, or after a wire's section heading ("Newly Independent States; DPR: ...")
    r"(?:^\W*|;\s+)(?!(?:WRAP|UPDATE|BREAKING|URGENT|FLASH|REFILE|CORRECTED|EXCLUSIVE|ANALYSIS|FACTBOX|VIDEO|PHOTOS)\b)"
    r"(?P<who>(?:[A-Z][\w’'-]*\s+){0,3}(?:Staff|Command|HQ|Headquarters|Ministry|Service|Directorate|"
    r"Intelligence)|[A-Z]{2,5}(?:\s+HQ)?)\s*:\s+\S"
)
#: News agencies that head a line with their own name ("TASS: ..."), relaying someone else's words.
_AGENCY = re.compile(r"TASS|RIA|AFP|AP|UNIAN|Interfax|Ukrinform|RBC|BBC|CNN|DPA|ANSA|EFE|PAP", re.I)
# Inverted attribution at a clause's end: "..., say militias", "..., says DPR's military spokesman".
_INVERTED = re.compile(
    r"(?:,|\s[-–—])\s*(?:says?|said|reports?|reported|claims?|claimed)\s+"
    r"(?P<who>(?:the\s+)?[\w’'\"“”.-]+(?:\s+[\w’'\"“”.-]+){0,5}?)\s*[.!]?\s*$",
    re.I,
)
# A body named by its common noun, qualified or not: "DPR command reports", "the republic reported",
# "- Headquarters", "- agency". Its side comes from its qualifier, else from the text (`implied_side`).
_BODY_NOUNS = (
    r"(?i:operational command|operations command|command|headquarters|ministry|militias?|"
    r"spokes(?:man|woman|person)|agency|republic|military|army|official|source|municipality|report|"
    r"media|task force)|HQ|MO|MoD"
)
_BARE_BODY = re.compile(
    rf"(?P<org>(?:[Tt]he\s+)?(?:(?:[A-Z][\w’'-]*|military|defen[cs]e|emergencies|health|people[’']s|"
    rf"republic[’']s|operational|operations|press|army|regional)\s+){{0,3}}(?:{_BODY_NOUNS}))\s*"
    r"(?:(?:also|later|then|had|has|have)\s+)*$"
)
# What a bare body word means: a command or headquarters is a military one.
_BODY_ROLES = {
    "command": "military command", "operational command": "military command",
    "operations command": "military command", "headquarters": "military headquarters",
    "hq": "military headquarters", "mo": "defence ministry", "mod": "defence ministry",
    "militia": "militia command", "militias": "militia command", "municipality": "city administration",
    "report": "media report", "media": "media report", "force": "military task force",
}  # fmt: skip
# The last word of a closing attribution in lower case ("- ministry", ": officials"): a source noun.
_SOURCE_WORD = re.compile(
    r"\b(?:ministry|command|headquarters|hq|military|army|militias?|officials?|authorities|"
    r"spokes(?:man|woman|person)|police|agency|sources?|media|reports?|mayor|governor|council|"
    r"municipality|administration|rebels|separatists|insurgents|government|govt|president|leader|"
    r"chief|witnesses|residents|doctors?|medics?|paramedics|rescuers|hospital|staff|services?|office|"
    r"opposition|intelligence|hall|prosecutors?|republic|newspaper|monitors|mission|observers|"
    r"ombuds(?:man|woman|person)|aides?|advis[eo]rs?|representatives?|task\s+force)"
    # "- the mayor of the city", "- mayor of Gorlovka", "- adviser to the head of the republic",
    # "- representative office in the JCCC": the noun qualified by its place or principal
    r"(?:\s+(?:of|to|in|at)\s+[^,;:\n]{2,50})?$",
    re.I,
)
# The separatist republics and their fighters named as such (Ukrainian sources write "so-called",
# "occupied", "ORDLO"): the wording of the republics' own statements and of Russian media.
_SEPARATIST = re.compile(
    # "Donetsk leader", "Lugansk premier": the republics' heads (a Ukrainian region has a governor)
    r"(?<!so-called )\b(?:(?P<lpr>LPR|LNR|Lu[gh]ansk\s+(?:(?:People[’']s\s+)?Republic|leader|premier))|"
    r"DPR|DNR|Donetsk\s+(?:(?:People[’']s\s+)?Republic|leader|premier)|militiam[ae]n|people[’']s\s+militia|"
    r"self-defen[cs]e\s+(?:fighters?|forces))\b",
    re.I,
)
#: The separatists as either side names them ("rebels", "militias"; Ukrainian sources: "militants").
_REBELS = re.compile(r"\b(?:rebels?|separatists?|insurgents?|militants?|militias?)\b", re.I)
#: The separatist republics' capitals, named alone as a speaker.
_REPUBLIC_CAPITAL = re.compile(r"Donetsk|(?P<lpr>Lu[gh]ansk)")
#: People killed or hurt, or places bombarded, with Ukraine's forces as the agent ("woman killed by
#: Kiev troops", "militiaman killed by Ukrainian shelling", "bombardments by Kiev forces"): the
#: victims' side's wording, as with "shelling by Ukrainian troops" (`_SEPARATIST_VOICE`).
_KILLED_BY_UKRAINE = re.compile(
    r"\b(?:killed|wounded|injured|hurt|died|bombard\w*|bombing)\s+(?:[\w’'-]+\s+){0,3}?by\s+(?:the\s+)?"
    r"(?:Kiev|Kyiv|Ukrainian|Ukraine|Armed\s+Forces\s+of\s+Ukraine|AFU|APU)(?:[’']s)?\b",
    re.I,
)
#: A victim named as Russian before the phrase ("Russian soldier killed by Ukrainian drone"): a
#: Ukrainian or Russian claim, not the separatists'.
_RUSSIAN_VICTIM = re.compile(r"\b(?:Russian|Russia[’']s|occupiers?|invaders?)\b", re.I)
#: Newspapers and magazines named as the source ("The Daily Telegraph reported"): the media.
_NEWSPAPER = re.compile(
    r"(?:[A-Z][\w’'.-]*\s+){0,3}(?:Telegraph|Times|Guardian|Post|Journal|Gazette|Herald|Tribune|"
    r"Observer|Izvestia|Kommersant|Pravda|Vedomosti|Spiegel|Monde|Bild)"
)
_CHANNELS = [
    (re.compile(r"\bTelegram\b", re.I), "Telegram"),
    (re.compile(r"\bon (?:X|Twitter)\b|\btweet", re.I), "X"),
    (re.compile(r"\bFacebook\b", re.I), "Facebook"),
    (re.compile(r"\bin a (?:written )?statement\b|\bstatement\b", re.I), "statement"),
    (re.compile(r"\btold reporters\b|\bpress conference\b|\bbriefing\b", re.I), "press briefing"),
    (re.compile(r"\btold (?:state )?(?:TV|television|media)\b|\bin an interview\b", re.I), "interview"),
    (re.compile(r"\bin a video\b|\bvideo address\b", re.I), "video"),
]
_DEMONYM_SIDE = {
    "russian": "Russia", "ukrainian": "Ukraine", "ukraine": "Ukraine", "russia": "Russia",
    "kremlin": "Russia", "israeli": "Israel", "palestinian": "Palestine", "syrian": "Syria",
    "us": "United States", "american": "United States", "british": "United Kingdom",
    "belarusian": "Belarus", "moscow": "Russia", "kyiv": "Ukraine", "kiev": "Ukraine", "rf": "Russia",
    "jfo": "Ukraine", "ato": "Ukraine",  # Ukraine's operation in the east ("JFO zone", "ATO area")
}  # fmt: skip


@dataclass
class Anchor:
    """A claimant found in a sentence: where its clause starts (report offsets) and who it is."""

    start: int
    claimant: Claimant
    pronoun: bool = False
    denial: bool = False


def side_of(phrase: str) -> str | None:
    """The side a claimant's words name: 'Russian Defense Ministry' -> 'Russia'."""
    for word in re.findall(r"[A-Za-z]+", phrase):
        side = _DEMONYM_SIDE.get(word.lower())
        if side:
            return side
    for word in re.findall(r"[A-Z][a-z]+", phrase):
        code = demonym_country(word)
        if code:
            country = get_gazetteer().country(code)
            return country.name if country else None
    return None


def claimant_side(phrase: str) -> str | None:
    """The side a claimant's own words name; a separatist body ("DPR command", "Ukraine rebels")
    belongs to its republic, not to the country named beside it. A seat of government named as the
    speaker stands for who governs from it ("Kiev says" is Ukraine's government): "Donetsk" and
    "Lugansk" alone are the separatist republics' capitals ("Donetsk reports ...", "... - Donetsk";
    Ukraine's regional bodies are named as such: "Donetsk governor", "Donetsk region")."""
    m = _SEPARATIST.search(phrase)
    if m:
        return "LPR" if m.group("lpr") else "DPR"
    if m := _REPUBLIC_CAPITAL.fullmatch(phrase.strip(" ,.;:")):
        return "LPR" if m.group("lpr") else "DPR"
    if _REBELS.search(phrase):
        return "separatists"
    return side_of(phrase)


def implied_side(text: str) -> str | None:
    """The side of a claimant its words leave unqualified ("- command", "the ministry said"): the
    text's separatist republic when it names one as such ("DPR militiaman killed ... - command": a
    Ukrainian source would not call him a militiaman of the DPR), Ukraine when the text speaks of
    "occupiers" or "the enemy", the separatists when Ukraine's forces are the shelling side, else
    the first national name (which may be the attacker's: the weakest rule)."""
    m = _SEPARATIST.search(text)
    if m:
        return "LPR" if m.group("lpr") else "DPR"
    if _UKRAINIAN_VOICE.search(text):
        return "Ukraine"  # "occupation forces", "the enemy": a Ukrainian body's words
    if _SEPARATIST_VOICE.search(text) or _killed_by_ukraine(text):
        return "separatists"
    return side_of(text)


def _killed_by_ukraine(text: str) -> bool:
    """Whether the text has people killed or hurt (or places bombarded) by Ukraine's forces, the
    victims not named as Russian on that line (`_KILLED_BY_UKRAINE`)."""
    for m in _KILLED_BY_UKRAINE.finditer(text):
        line_start = text.rfind("\n", 0, m.start()) + 1
        if not _RUSSIAN_VICTIM.search(text, line_start, m.start()):
            return True
    return False


def _body(name: str) -> Claimant:
    """A claimant named by a body noun; a bare "command" is a military one (its role says so)."""
    role = _BODY_ROLES.get(name.split()[-1].lower()) if name else None
    if role is None:
        role = _BODY_ROLES.get(name.lower())
    return Claimant(name=name, role=role, kind="organisation", affiliation=claimant_side(name))


def _channel(text: str) -> str | None:
    for rx, name in _CHANNELS:
        if rx.search(text):
            return name
    return None


#: Abbreviated words in the names of bodies ("- Gen. Staff", "Def. Ministry"), spelt out.
_ABBREVIATIONS = [
    (re.compile(r"\bGen\.\s*(?=Staff\b)"), "General "),
    (re.compile(r"\bDef\.\s*(?=Ministry\b)"), "Defence "),
]


def _clean(name: str) -> str:
    name = re.sub(r"^(?:[Tt]he)\s+", "", name.strip(" ,"))
    for rx, full in _ABBREVIATIONS:
        name = rx.sub(full, name)
    return re.sub(r"[’']s$", "", name)


def _person_before(window: str, w0: int, persons: list[tuple[int, int]]) -> tuple[int, Claimant] | None:
    """A PERSON entity that ends just before the verb, with an optional title or apposition."""
    for start, end in reversed(persons):
        if not (w0 <= start and end <= w0 + len(window)):
            continue
        tail = window[end - w0 :]
        role = None
        m = _APPOSITION.match(tail)
        if m:
            role = m.group("role").strip()
        elif not _GAP.match(tail):
            continue
        name = window[start - w0 : end - w0]
        title = _TITLE_BEFORE.search(window[: start - w0])
        role_before = None if title else _ROLE_BEFORE.search(window[: start - w0])
        clause_start = start
        if title:
            clause_start = w0 + title.start(1)
            role = role or title.group(1).strip()
        elif role_before:
            clause_start = w0 + role_before.start("role")
            role = role or re.sub(r"^[Tt]he\s+", "", role_before.group("role"))
        name = re.sub(rf"^{TITLES}\s+", "", name)
        return clause_start, Claimant(name=_clean(name), role=role, kind="person")
    return None


def find_anchors(
    sentence: str, offset: int, persons: list[tuple[int, int]], orgs: list[tuple[int, int]]
) -> list[Anchor]:
    """Claimants named in a sentence, in order. Entity spans are in report offsets."""
    anchors: list[Anchor] = []
    last_boundary = 0
    lead = _LEADING.search(sentence)
    if lead and not _AGENCY.fullmatch(lead.group("who")):
        # "General Staff: ...", "JFO: Ukraine reports ...": the bulletin's source heads the line.
        who = _clean(lead.group("who"))
        return [Anchor(offset, _named(who, offset + lead.start("who"), persons))]
    for verb in _SPEECH.finditer(sentence):
        if _NOUN_STATES.search(sentence, 0, verb.end()):
            continue  # "Newly Independent States; ...", "the United States": a noun, not a verb
        window = sentence[last_boundary : verb.start()]
        w0 = offset + last_boundary
        found: tuple[int, Claimant] | None = _person_before(window, w0, persons)
        pronoun = False
        if found is None and (m := _PRONOUN.search(window)):
            found, pronoun = (w0 + m.start("p"), Claimant(name=m.group("p"), kind="person")), True
        if found is None:
            for rx, kind in (
                (_POSSESSIVE_ORG, "organisation"),
                (_ORG, "organisation"),
                (_GENERIC, "group"),
                (_ROLE_ONLY, "person"),
                (_BARE_BODY, "body"),
                (_BARE_NAME, "organisation"),
            ):
                m = rx.search(window)
                if m and rx in (_BARE_BODY, _BARE_NAME) and _NOT_A_SOURCE.search(m.group("org")):
                    continue  # "Four reported killed", "Casualties confirmed"
                if m:
                    name = _clean(m.group("org"))
                    if kind == "body":
                        found = (w0 + m.start("org"), _body(name))
                        break
                    role = name if kind == "person" else None
                    found = (w0 + m.start("org"), Claimant(name=name, role=role, kind=kind))
                    break
        if found is None:
            for start, end in reversed(orgs):
                if (
                    w0 <= start
                    and end <= w0 + len(window)
                    and _GAP.match(sentence[end - offset : verb.start()])
                ):
                    found = (
                        start,
                        Claimant(name=_clean(sentence[start - offset : end - offset]), kind="organisation"),
                    )
                    break
        if found is None:
            continue
        clause_start, claimant = found
        _newspaper_role(claimant)
        rest = sentence[verb.start() :]
        claimant.channel = _channel(rest[:160])
        claimant.affiliation = claimant_side(sentence[clause_start - offset : verb.start()])
        anchors.append(Anchor(clause_start, claimant, pronoun, bool(_DENIAL.match(verb.group(0)))))
        last_boundary = verb.end()
    inverted = None if anchors else _INVERTED.search(sentence)
    if inverted and (_NOT_A_SOURCE.search(who := inverted.group("who")) or _NOT_INVERTED.match(who)):
        inverted = None
    if inverted is not None:
        # "Kiev troops shelled the village twice, say militias": the whole clause is theirs.
        who = _clean(re.sub(r"[\"“”«»]", "", inverted.group("who")))
        anchors.append(Anchor(offset, _named(who, offset + inverted.start("who"), persons)))
    elif (
        not anchors
        and (m := _TRAILING.search(sentence))
        and not _NOT_A_SOURCE.search(m.group("who"))
        and (m.group("who")[:1].isupper() or _SOURCE_WORD.search(m.group("who")))
    ):
        # Headline style: "Six soldiers killed in ambush: ministry", "... - Donetsk leader".
        who = _clean(re.sub(r"[\"“”«»]", "", m.group("who")))
        anchors.append(Anchor(offset, _named(who, offset + m.start("who"), persons)))
    if lead and not anchors:
        # "TASS: ...": a news agency heading the line is the source only when the line names no
        # other ("TASS: ... - Russian Defense Ministry" is the ministry's claim, relayed).
        anchors.append(Anchor(offset, _named(lead.group("who"), offset + lead.start("who"), persons)))
    for m in _ACCORDING.finditer(sentence):
        after = sentence[m.end() :]
        who = re.match(
            r"(?P<org>[^,.;:()]{2,80}?)(?=\s*[,.;:()]|\s+(?:who|which|that|on|in|as|after)\b|$)", after
        )
        if who and who.group("org").strip():
            name = _clean(who.group("org"))
            kind = "person" if any(offset + m.end() == s for s, _ in persons) else "organisation"
            claimant = Claimant(
                name=name, kind=kind, affiliation=side_of(name), channel=_channel(after[:120])
            )
            # "according to" qualifies its own clause: the clause starts at the sentence start
            # unless an earlier anchor already claimed that part.
            start = offset if not anchors else offset + m.start()
            anchors.append(Anchor(start, claimant))
    for anchor in anchors:
        _own_losses_body(anchor.claimant, sentence)
    anchors.sort(key=lambda a: a.start)
    return anchors


_COUNTRY_ONLY = re.compile(r"(?:Ukraine|Kiev|Kyiv|Russia|Moscow)")
#: A government named by its common noun alone ("... soldiers die in rebel fire: govt").
_GOVERNMENT_ONLY = re.compile(r"(?i:govt|gov't|government)")
_ADJECTIVE = {"Ukraine": "Ukrainian", "Russia": "Russian"}
#: Soldiers' losses and the front's daily count: what a country's military announces ("13 military
#: personnel killed", "first combat death", "casualties", "truce breaches", "KIA").
_SOLDIERS = re.compile(
    r"\b(?:soldiers?|troops?|servicem[ae]n|paratroopers?|KIA|WIA|military\s+personnel|combat\s+deaths?|"
    r"casualties|(?:ceasefire|cease-fire|truce)\s+(?:violations|breaches)|violations\s+of\s+(?:the\s+)?"
    r"(?:ceasefire|cease-fire|truce))\b",
    re.I,
)
#: Ground taken or held ("Ukraine says it captured new positions", "Kiev claims to have retaken the
#: airport"): what a country's military announces, like its losses.
_OPERATIONS = re.compile(
    r"\b(?:captur\w+|recaptur\w+|retook|retak\w+|took\s+control|(?:gain\w*|regain\w*|winning)\s+"
    r"(?:control|ground)|liberat\w+|repel\w*|repuls\w+|counter-?attack\w*|counter-?offensive|"
    r"(?:new|enemy|rebel|separatist)\s+positions)\b",
    re.I,
)
#: An unqualified spokesperson ("... soldiers killed in east - spokesperson").
_BARE_SPOKESMAN = re.compile(r"(?i:(?:a\s+)?spokes(?:man|woman|person))")
#: An unqualified plural body ("- authorities", ": officials") counting the dead at home.
_BARE_AUTHORITIES = re.compile(r"(?i:authorities|officials)")


def _own_losses_body(claimant: Claimant, sentence: str) -> None:
    """A country (or its government, unnamed) named as claimant of soldiers' losses ("Ukraine says
    two soldiers killed", "... troops killed: Kiev", "Kiev reports first combat death") speaks
    through its military, which announces them: the role says so, as an inference; so does a
    country reporting ground taken or held ("Ukraine says it captured new positions"); a country
    reporting anything else stays the government. Unqualified "authorities" or "officials"
    reporting people killed ("a woman died as a result of shelling - authorities") are the local
    authorities that count a town's dead; so are unqualified "authorities" reporting on a named town
    or region ("Kherson is calm - authorities"). An unnamed "ministry" reporting soldiers' losses
    ("Six soldiers killed in ambush: ministry") is the defence ministry, an unnamed spokesperson
    reporting them ("... soldier killed in east - spokesperson") the military's."""
    if claimant.role:
        return
    if claimant.name.lower() == "ministry" and _SOLDIERS.search(sentence):
        claimant.role = "defence ministry (inferred: a ministry reporting soldiers' losses)"
        return
    if _BARE_SPOKESMAN.fullmatch(claimant.name) and _SOLDIERS.search(sentence):
        claimant.role = "military spokesperson (inferred: a spokesperson reporting soldiers' losses)"
        return
    if _BARE_AUTHORITIES.fullmatch(claimant.name):
        if _CIVILIAN_DEATHS.search(sentence):
            claimant.role = "local authorities (inferred: unqualified authorities reporting people killed)"
        elif claimant.name.lower() == "authorities" and (
            _SUBNATIONAL.search(sentence) or _ukrainian_place(sentence)
        ):
            claimant.role = "local authorities (inferred: unqualified authorities reporting on a place)"
        return
    if _GOVERNMENT_ONLY.fullmatch(claimant.name):
        side = claimant.affiliation or implied_side(sentence)
    elif _COUNTRY_ONLY.fullmatch(claimant.name):
        side = side_of(claimant.name)
    else:
        return
    if side in _ADJECTIVE and _SOLDIERS.search(sentence):
        claimant.role = f"{_ADJECTIVE[side]} military (inferred: a country reporting soldiers' losses)"
    elif side in _ADJECTIVE and _OPERATIONS.search(sentence):
        claimant.role = f"{_ADJECTIVE[side]} military (inferred: a country reporting ground taken or held)"


#: Military(-civil) administrations by their initials (VGA, VTsA, CAA, OVA, ODA, MVA, RVA): the
#: bodies that run a region, city or district in wartime, whichever side holds it.
_ADMINISTRATION_INITIALS = re.compile(r"\b(?:VGA|VTsA|VCA|CAA|CMA|OVA|ODA|MVA|RVA|MCA)\b")

#: Ukraine's armed forces by their initials (Ukrainian ZSU / VSU, English AFU, Russian APU).
_FORCES_INITIALS = re.compile(r"ZSU|VSU|AFU|APU")


def _named(who: str, start: int, persons: list[tuple[int, int]]) -> Claimant:
    """A claimant given by name alone (a headline's closing source, an inverted "says X"): a person
    when NER says so, a wartime administration by its initials, a body when its last word is a
    body noun, else an organisation."""
    if any(start <= s < start + len(who) + 2 for s, _ in persons):
        return Claimant(name=who, kind="person", affiliation=claimant_side(who))
    if _FORCES_INITIALS.fullmatch(who):
        # "... - ZSU", "... - AFU": Ukraine's armed forces by their initials
        return Claimant(name=who, role="Ukrainian armed forces", kind="organisation", affiliation="Ukraine")
    if _ADMINISTRATION_INITIALS.search(who):
        role = "regional military-civil administration"
        return Claimant(name=who, role=role, kind="organisation", affiliation=claimant_side(who))
    if _BARE_BODY.fullmatch(who):
        return _body(who)
    return _newspaper_role(Claimant(name=who, kind="organisation", affiliation=claimant_side(who)))


def _newspaper_role(claimant: Claimant) -> Claimant:
    """A claimant named like a newspaper ("Daily Telegraph", "Kommersant") is the media."""
    if claimant.kind == "organisation" and claimant.role is None and _NEWSPAPER.fullmatch(claimant.name):
        claimant.role = "newspaper"
    return claimant


def outlet_claimant(source: str | None) -> Claimant:
    """The default claimant: the outlet that published the report."""
    return Claimant(name=source or "the report", kind="outlet")


_LINES = re.compile(r"[^\n]+")


def report_claimant(text: str, source: str | None) -> Claimant:
    """The report's own claimant when no clause yields a claim: the first source its lines name
    ("... destroyed 70 soldiers in a day - Defence Ministry" names its source even when the clause
    gives no event), its side taken from the line when the name leaves it open; else the outlet."""
    for line in _LINES.finditer(text):
        for anchor in find_anchors(line.group(), line.start(), persons=[], orgs=[]):
            if anchor.pronoun:
                continue
            claimant = anchor.claimant
            if claimant.affiliation is None:
                claimant.affiliation = implied_side(line.group())
            return claimant
    outlet = outlet_claimant(source)
    return infer_claimant(text, outlet) or outlet


# -- unnamed claimants inferred from wording ----------------------------------------------------------
#
# A report that names no source often still speaks in one side's voice: Russian Defence Ministry
# bulletins ("Russian troops destroyed ... units of the Armed Forces of Ukraine"), the separatist
# republics' statements ("Ukrainian military's shelling kills DPR militiaman"), Ukrainian official
# releases ("the invaders", "the enemy", "the Russians shelled ..."). Such a claimant is stored as
# `kind="inferred"`: the outlet stays the name (it is the reporter), the role says which unnamed
# body the wording points to and that it was inferred. No person is ever invented.

_INFERRED = " (unnamed; inferred from wording)"
#: A neutral report's likely source, inferred from what it reports rather than from its wording.
_NEUTRAL_INFERRED = " (unnamed; inferred from a neutral report)"
_RU_MOD_VOICE = re.compile(
    r"\b(?:Russian|RF)\s+(?:(?:Armed|Aerospace|airborne|missile)\s+)?(?:Forces|forces|troops|aviation|"
    r"artillerymen|military|servicemen|army|air defen[cs]e|units|gunners)\s+(?:\w+\s+)?"
    r"(?:destroyed|eliminated|defeated|inflicted|repelled|liquidated|neutrali[sz]ed|shot\s+down|liberated)\b"
    r"|\b(?:artillerymen|gunners|troops|forces|units|aviation|servicemen|military)\s+of\s+the\s+Russian\s+"
    r"Federation\s+(?:[\w-]+\s+){0,4}?(?:destroyed|eliminated|defeated|repelled|liquidated|hit|struck|"
    r"thwarted|shot\s+down)\b"
    r"|\b(?:losses|units|militants|formations|personnel)\s+of\s+the\s+(?:Armed\s+Forces\s+of\s+Ukraine|AFU)\b"
    r"|\b(?:destroyed|eliminated)\s+(?:up\s+to|over|more\s+than|about)\s+\d+\s+(?:\w+\s+){0,2}"
    r"(?:militants|nationalists|mercenaries|servicemen|soldiers|military\s+personnel)\b"
    # a withdrawal worded as the ministry words its own ("withdrawn to more advantageous lines")
    r"|\bto\s+more\s+advantageous\s+(?:lines|positions|frontiers|boundaries)\b",
    re.I,
)
#: A separatist republic's own forces named as the side fighting Ukraine's ("losses of the Armed Forces
#: of Ukraine in battles with the forces of the LPR", "allied forces in DPR"): the republic's count,
#: even in the Russian Defence Ministry's bulletin wording.
_REPUBLIC_FORCES = re.compile(
    r"\b(?:forces|military|militia|troops|units|servicemen|people[’']s\s+militia)\s+of\s+the\s+"
    r"(?:(?P<lpr1>LPR|LNR)|DPR|DNR)\b"
    r"|\b(?:(?P<lpr2>LPR|LNR)|DPR|DNR)\s+(?:forces|military|militia|troops|units)\b"
    r"|\ballied\s+forces\s+in\s+(?:the\s+)?(?:(?P<lpr3>LPR|LNR)|DPR|DNR)\b"
)
#: A district of a city ("the Kalininsky district of Donetsk"): the city's administration reports it.
_CITY_DISTRICT = re.compile(r"\b[A-Z][\w’'-]+\s+district\s+of\s+(?:the\s+city\s+of\s+)?[A-Z][\w’'-]+")
#: Bodies exhumed, mass graves, torture chambers: war-crime investigations, which Ukraine's police
#: and prosecutors run and report ("bodies exhumed in the liberated town", "a torture pit found").
_INVESTIGATION = re.compile(
    r"\b(?:exhum\w+|mass\s+graves?|burial\s+sites?|torture\s+(?:pit|chamber|room|cell)s?|tortured|"
    r"war\s+crimes?|criminal\s+(?:case|proceedings)|pre-trial\s+investigation)\b",
    re.I,
)
#: Wording of the separatist side: the republics named as such, their fighters as "militiamen",
#: Ukraine's forces as the attacker ("Ukrainian military's shelling", "shelling by Ukrainian troops").
_SEPARATIST_VOICE = re.compile(
    r"\b(?:Ukrainian|Ukraine|Kiev|Kyiv)(?:['’]s)?\s+(?:military|army|troops|armed\s+forces|forces|"
    r"militaries)(?:['’]s?)?\s+(?:shelling|shelled|fire|fired|open(?:ed)?\s+fire|attacks?|attacked|mortar|"
    r"artillery)\b"
    r"|\b(?:shelling|attacks?|strikes?|fire)\s+(?:of|from)\s+(?:the\s+)?(?:Armed\s+Forces\s+of\s+Ukraine|AFU|APU|"
    r"Ukrainian\s+(?:Armed\s+Forces|army|troops|military))\b"
    r"|\b(?:shellings?|shelled|attack(?:s|ed)?|fire)\s+(?:\w+\s+){0,3}by\s+(?:the\s+)?(?:Ukrainian|Kiev|"
    r"Armed\s+Forces\s+of\s+Ukraine|AFU|APU)\b"
    r"|\bKiev\s+(?:regime|punishers)\b|\bpunitive\s+(?:battalions?|operation)\b",
    re.I,
)
#: Wording of Ukrainian official releases about the Russian side.
_UKRAINIAN_VOICE = re.compile(
    r"\b(?:invaders|occupiers|occupation\s+forces|occupying\s+forces|the\s+enemy|enemy|[Rr]ussians|"
    r"Russia-led|Russian-led|ru[sc]{1,2}ists?|rashists?|racists|orcs|so-called)\b"
    # "as a result of Russian aggression", "the aggression of the Russian Federation": Kyiv's term
    r"|\b(?:Russian|Russia[’']s)\s+(?:armed\s+|military\s+)?aggression\b"
    r"|\baggression\s+of\s+(?:the\s+)?(?:Russian\s+Federation|Russia)\b",
    re.I,
)
#: Ukraine's forces as the subject of a success ("the Armed Forces of Ukraine sank a barge"): the
#: Ukrainian military's own bulletin.
_UA_MILITARY_VOICE = re.compile(
    r"\b(?:Armed\s+Forces\s+of\s+Ukraine|Ukrainian\s+(?:forces|defenders|aviation|artillery(?:men)?|"
    r"paratroopers|fighters|border\s+guards)|(?:APU|AFU|ZSU)|Defen[cs]e\s+Forces|[Bb]order\s+guards|"
    r"[Pp]aratroopers|National\s+Guard|[Aa]viation\s+of\s+the\s+Armed\s+Forces\s+of\s+Ukraine)\s+"
    r"(?:\w+\s+)?(?:hit|destroyed|sank|eliminated|shot\s+down|liberated|repelled|struck|made|took|"
    r"neutrali[sz]ed|killed|inflicted|completed|carried\s+out|got\s+into|ousted|forced|stopped|"
    r"counterattacked|captured|regained|pushed\s+back|did\s+not\s+allow)\b"
    r"|\b(?:[Cc]ounteroffensive|[Cc]ounter-offensive)\s+of\s+the\s+Armed\s+Forces\s+of\s+Ukraine\b"
)
#: The National Guard as the subject of a success: it serves under the Interior Ministry, which
#: publishes its results ("units of the National Guard eliminated 40 invaders").
_NATIONAL_GUARD_VOICE = re.compile(
    r"\bNational\s+Guard(?:smen)?\s+(?:\w+\s+)?(?:hit|destroyed|eliminated|shot\s+down|repelled|killed|"
    r"stopped|captured|neutrali[sz]ed)\b"
)
#: Ukrainian releases' names for Russia's troops: with Ukraine's forces as the subject of a success
#: ("APU destroyed more than 40 soldiers of the invaders"), a count of enemy dead is Ukraine's.
_INVADERS = re.compile(r"\b(?:invaders|occupiers|rashists|ru[sc]{1,2}ists|orcs)\b", re.I)
#: Russia's forces as the side that kills or shells ("the Russian army killed six civilians",
#: "a night attack by the Russian Federation"): the wording of Ukrainian releases.
_RUSSIAN_AGENT = re.compile(
    r"\b(?:Russian|Russia['’]s|(?:of|by)\s+the\s+Russian\s+Federation)\s*(?:\w+\s+)?"
    r"(?:army|military|troops|forces|shelling|strikes?|attacks?|drones?|missiles?|rockets?|MLRS|"
    r"killed|kills|attacked|shelled|fired|wounded|injured)\b",
    re.I,
)
#: The enemy's losses or attacks beaten off, in Ukrainian wording ("the enemy lost 127 people killed",
#: "about 60 invaders liquidated", "repelled enemy attacks near seven settlements"): the military's
#: count, even when its words ("people", "settlements", a region) would otherwise point to civilians.
_ENEMY_LOSSES = re.compile(
    r"\b(?:the\s+)?(?:enemy|invaders|occupiers|rashists|ru[sc]{1,2}ists|orcs)\s+lost\b"
    r"|\b(?:invaders|occupiers|rashists|ru[sc]{1,2}ists|orcs)\s+(?:were\s+)?(?:liquidated|eliminated|"
    r"neutrali[sz]ed|destroyed)\b"
    r"|\b(?:liquidated|eliminated|neutrali[sz]ed|destroyed|killed)\s+(?:about\s+|over\s+|more\s+than\s+|"
    r"up\s+to\s+|almost\s+)?\d+\s+(?:invaders|occupiers|rashists|ru[sc]{1,2}ists|orcs)\b"
    r"|\brepelled\s+(?:\d+\s+|several\s+|all\s+)?enemy\s+attacks?\b",
    re.I,
)
#: Non-combatants or homes named as such (not "people" or "settlements", which enemy counts use too).
_NAMED_CIVILIANS = re.compile(
    r"\b(?:civilians?|residents?|inhabitants|wom[ae]n|child(?:ren)?|girl|boy|teenager|pensioners?|"
    r"houses?|homes?|residential|hospital|school)\b",
    re.I,
)
#: A town fired at with people hurt, counted without saying who ("Invaders fired at Mykolaiv at night,
#: nine wounded"): a town's casualties, which its administration reports, unless soldiers are named.
_TOWN_CASUALTIES = re.compile(
    r"\b(?:fired\s+(?:at|on)|shelled|struck|hit|attacked)\s+(?:the\s+)?(?:city\s+of\s+)?[A-Z][a-z’'-]{3,}"
    r"(?![^\n]*\b(?:soldiers?|servicem[ae]n|troops|defenders)\b)[^\n]*\b(?:killed|wounded|injured|dead)\b"
)
#: A force's own losses, as neutral wires word them: "Three Ukrainian soldiers killed".
_OWN_LOSSES = re.compile(
    r"\b(?:Ukrainian|Ukraine|government|Kiev|Kyiv)\s+(?:(?:army|military|government|border)\s+)?"
    r"(?:soldiers?|troops?|servicem[ae]n|paratroopers?|border\s+guards?|marines?|fighters?)\b"
    r"|\b(?:serviceman|servicemen|soldiers?|troops)\s+(?:\w+\s+)?(?:killed|wounded|injured|dead|die[sd]?)\b",
    re.I,
)
#: Harm to people or homes: the other side's wording when Ukraine's forces did it.
_CIVILIAN_HARM = re.compile(
    r"\b(?:civilians?|residents?|inhabitants|people|wom[ae]n|child(?:ren)?|residential|houses?|homes?|"
    r"hospital|school|ambulance|apartment|humanitarian|market|bus)\b",
    re.I,
)
#: A place below the country: what a regional administration reports on ("Kharkiv Oblast",
#: "in Nikopol", "Ukraine's Donetsk", "Shelling of Dnipro:", "offensive on Lugansk").
_SUBNATIONAL = re.compile(
    r"\b(?i:oblast|region|district|city|town|village|community|settlements?)\b|\b(?:[Ii]n|[Oo]f|[Aa]t|[Nn]ear|[Oo]n)\s+"
    # not a country or its people ("of Russian aggression", "in Ukraine"), nor a day or month
    r"(?!(?:Ukraine|Ukrainian|Russia|Russian|Kremlin|[A-Z][a-z]+day|January|February|March|April|May|June|"
    r"July|August|September|October|November|December)\b)[A-Z][a-z]{3,}|\bUkraine[’']s\s+(?:[a-z]+\s+)?[A-Z][a-z]{3,}"
)
#: The war in Ukraine: what the neutral-report rules below are about.
_UKRAINE_WAR = re.compile(r"\b(?:Ukrain\w*|Kyiv|Kiev|Donbas+|Donetsk|Luhansk|Lugansk|Oblast)\b", re.I)
_PLACE_WORD = re.compile(r"(?<=[a-z,:] )[A-Z][a-z’'-]{3,}")


def _place_in(text: str, country_code: str) -> bool:
    """Whether a text names a town or region the gazetteer knows in that country ("hit Nikopol")."""
    gazetteer = get_gazetteer()
    return any(
        p.country_code == country_code and p.kind not in {"feature", "country"}
        for m in _PLACE_WORD.finditer(text)
        for p in gazetteer.lookup(m.group())[:3]
    )


def _ukrainian_place(text: str) -> bool:
    return _place_in(text, "UA")


def _about_ukraine(text: str) -> bool:
    """Whether a text is about the war in Ukraine: it names Ukraine (or Kyiv, Donbas, an oblast) or
    a place the gazetteer knows in Ukraine ("Shelling of Nikopol: ...")."""
    return bool(_UKRAINE_WAR.search(text)) or _ukrainian_place(text)


#: People killed or hurt whom the words call civilians or name as non-combatants.
_CIVILIAN_DEATHS = re.compile(
    r"\b(?:civilians?|residents?|inhabitants|wom[ae]n|m[ae]n|child(?:ren)?|girl|boy|teenager|people|"
    r"person|pensioners?|brothers|sisters|famil(?:y|ies)|victims)\b(?:[^.;\n]{0,80}?)\b(?:killed|died|dies|die|"
    r"dead|wounded|injured|bodies|body)\b"
    r"|\b(?:killed|kills?|died|dies|dead|wounded|injured|bodies|body)\b(?:[^.;\n]{0,60}?)\b(?:civilians?|"
    r"residents?|wom[ae]n|child(?:ren)?|girl|boy|people|person|deceased)\b"
    r"|\b(?:residential|house|houses|building|stop|market|hospital|school)\b[^.;\n]{0,60}?\bthere\s+(?:are|is|were|was)"
    r"\s+(?:a\s+)?(?:dead|killed|victims|casualties)\b",
    re.I,
)
#: Deaths in fighting with no one's words: "Four killed in fresh east Ukraine clashes".
_FIGHTING_DEATHS = re.compile(
    r"\b(?:killed|kill|kills|dead|died|die|dies|deaths?|casualties|death\s+toll)\b", re.I
)
_FIGHTING = re.compile(
    r"\b(?:fighting|clash(?:es)?|battles?|skirmish(?:es)?|shelling|violence|truce|ceasefire|cease-fire|"
    r"confrontation|attacks?|offensive|hostilities|war-torn|frontline)\b",
    re.I,
)

#: Bombardment of a place (shells, rockets, missiles, strikes): what a town's administration reports.
_SHELLING = re.compile(
    r"\b(?:shell(?:s|ed|ing)?|artillery|rockets?|missiles?|air\s*strikes?|strikes?|bombard\w*|explosions?)\b",
    re.I,
)

#: Harm to civilians or settlements: a regional (military) administration's report.
_CIVILIAN = re.compile(
    r"\b(?:civilians?|residents?|inhabitants|wom[ae]n|m[ae]n|child(?:ren)?|girl|boy|teenager|people|"
    r"person|pensioners?|houses?|homes?|buildings?|infrastructure|hospital|school|settlements?|"
    r"villages?|communit(?:y|ies)|oblast|region|district|city|town|dead|victims|humanitarian|market|"
    r"bus|apartment|residential)\b",
    re.I,
)


def _republic_forces(text: str) -> str | None:
    """The republic ("DPR", "LPR") whose own forces the text names as a fighting side, or None."""
    m = _REPUBLIC_FORCES.search(text)
    if m is None:
        return None
    return "LPR" if m.group("lpr1") or m.group("lpr2") or m.group("lpr3") else "DPR"


def _russian_bulletin(text: str) -> bool:
    """Russian Defence Ministry wording, unless Ukraine's forces are the subject of the success
    and the other side are "invaders" (a Ukrainian count of enemy dead worded alike)."""
    if not _RU_MOD_VOICE.search(text):
        return False
    return not (_UA_MILITARY_VOICE.search(text) and _INVADERS.search(text))


def infer_claimant(text: str, outlet: Claimant) -> Claimant | None:
    """The unnamed body whose wording a report uses (rules above, first that fits), or None.

    Order: a separatist republic's own forces named as a fighting side (the republic); Russian
    Defence Ministry bulletin wording; the separatist side's wording (a republic named as such,
    Ukraine's forces as the shelling side; people killed in a city's district: its administration);
    exhumations, mass graves and torture (war-crime investigations: the Ukrainian police);
    Ukraine's forces as the subject of a success unless people or homes were hit (the Ukrainian
    military; the Interior Ministry for its National Guard); Ukrainian official wording, or
    Russia's forces as the side that kills or shells (civilians or settlements hit: a regional
    administration when a place below the country is named, else the national authorities;
    otherwise the military); a neutral report of Ukrainian soldiers' losses (a force's own losses
    come from its command)."""
    if republic := _republic_forces(text):
        side, body = republic, f"{republic} authorities"
    elif _russian_bulletin(text):
        side, body = "Russia", "Russian Defence Ministry"
    elif (
        (m := _SEPARATIST.search(text))
        or _SEPARATIST_VOICE.search(text)
        or (_killed_by_ukraine(text) and not _UKRAINIAN_VOICE.search(text))
    ):
        side = "LPR" if m and m.group("lpr") else "DPR" if m else "separatists"
        body = f"{side} authorities" if side != "separatists" else "separatist authorities"
        if _CITY_DISTRICT.search(text) and _CIVILIAN_DEATHS.search(text):
            body = "city administration"  # a city's districts count their dead through its mayor
        elif m is None and _place_in(text, "RU") and not _ukrainian_place(text):
            # Ukraine's forces attacking places in Russia itself (Belgorod, Rostov): a Russian
            # region's authorities speak, not the separatist republics'.
            side, body = "Russia", "Russian regional authorities"
    elif _INVESTIGATION.search(text) and _about_ukraine(text):
        side, body = "Ukraine", "Ukrainian police"
    elif _UA_MILITARY_VOICE.search(text) and not _CIVILIAN_HARM.search(text):
        side = "Ukraine"
        body = "Ukrainian Interior Ministry" if _NATIONAL_GUARD_VOICE.search(text) else "Ukrainian military"
    elif _UKRAINIAN_VOICE.search(text) or _RUSSIAN_AGENT.search(text):
        side = "Ukraine"
        if (not _CIVILIAN.search(text) and not _TOWN_CASUALTIES.search(text)) or (
            _ENEMY_LOSSES.search(text) and not _NAMED_CIVILIANS.search(text)
        ):
            body = "Ukrainian military"
        elif _SUBNATIONAL.search(text) or _ukrainian_place(text):
            body = "Ukrainian regional administration"
        else:
            body = "Ukrainian authorities"  # a country-wide civilian toll
    elif _OWN_LOSSES.search(text):
        side, body = "Ukraine", "Ukrainian military"
    elif (
        (_CIVILIAN_DEATHS.search(text) and _SUBNATIONAL.search(text))
        or (_SHELLING.search(text) and (_SUBNATIONAL.search(text) or _ukrainian_place(text)))
    ) and _about_ukraine(text):
        # Civilians killed, or a town shelled, at a named place, in nobody's words: the place's own
        # administration (a mayor, a regional administration) is who counts the dead and the damage
        # there; its side is left open.
        body = "local administration" + _NEUTRAL_INFERRED
        return Claimant(name=outlet.name, role=body, affiliation=None, kind="inferred")
    elif (_FIGHTING_DEATHS.search(text) or _FIGHTING.search(text)) and _about_ukraine(text):
        # Deaths in fighting, in nobody's words and with no civilians named: the Ukrainian
        # military's daily casualty reports are where such counts come from.
        side, body = "Ukraine", "Ukrainian military"
        return Claimant(name=outlet.name, role=body + _NEUTRAL_INFERRED, affiliation=side, kind="inferred")
    else:
        return None
    return Claimant(name=outlet.name, role=body + _INFERRED, affiliation=side, kind="inferred")
