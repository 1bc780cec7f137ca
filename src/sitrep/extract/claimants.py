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
    r"declared|insisted|denied|denies|alleged|accused|informed|tweeted|estimated|put the toll)\b",
    re.IGNORECASE,
)
_ACCORDING = re.compile(r"\baccording to\s+", re.IGNORECASE)
_DENIAL = re.compile(r"\b(?:denied|denies|rejected|dismissed|refuted)\b", re.IGNORECASE)

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
    r"monitors|activists|the military|the army|prosecutors|investigators|the government))\s*"
    r"(?:(?:also|later|then|had|have)\s+)*$"
)
# "Ukraine says ...", "NATO said ...": a bare proper name as subject (tried last).
_BARE_NAME = re.compile(r"(?:^|[.:;!?]\s+|^\W*)(?P<org>[A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+){0,2})\s*$")
# A headline's source after a colon or dash at its end.
_TRAILING = re.compile(
    r"(?:[:]|\s[-–—]|[-–—]\s)\s*(?P<who>(?:[A-Z][\w’'.-]*|[a-z][\w’'-]*)(?:\s+[\w’'.-]+){0,5})\s*$"
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
    "belarusian": "Belarus", "moscow": "Russia", "kyiv": "Ukraine",
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


def _channel(text: str) -> str | None:
    for rx, name in _CHANNELS:
        if rx.search(text):
            return name
    return None


def _clean(name: str) -> str:
    name = re.sub(r"^(?:[Tt]he)\s+", "", name.strip(" ,"))
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
    for verb in _SPEECH.finditer(sentence):
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
                (_BARE_NAME, "organisation"),
            ):
                m = rx.search(window)
                if m:
                    name = _clean(m.group("org"))
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
        rest = sentence[verb.start() :]
        claimant.channel = _channel(rest[:160])
        claimant.affiliation = side_of(sentence[clause_start - offset : verb.start()])
        anchors.append(Anchor(clause_start, claimant, pronoun, bool(_DENIAL.match(verb.group(0)))))
        last_boundary = verb.end()
    if not anchors and (m := _TRAILING.search(sentence)):
        # Headline style: "Six soldiers killed in ambush: ministry", "... - Donetsk leader".
        who = _clean(m.group("who"))
        kind = (
            "person"
            if any(offset + m.start("who") <= s < offset + m.end("who") for s, _ in persons)
            else "organisation"
        )
        anchors.append(Anchor(offset, Claimant(name=who, kind=kind, affiliation=side_of(who))))
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
    anchors.sort(key=lambda a: a.start)
    return anchors


def outlet_claimant(source: str | None) -> Claimant:
    """The default claimant: the outlet that published the report."""
    return Claimant(name=source or "the report", kind="outlet")
