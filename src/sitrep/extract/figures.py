"""Killed and injured figures, with their qualifiers and the exact words they came from.

Rules over the language of casualty reporting:

- counts before the verb: "six residents were wounded", "Sixteen people, including 12 civilians,
  were killed" (the total, not its breakdown), "Two teachers were shot and killed";
- counts after the verb: "killing 12 people", "shot dead eleven people", "claimed the lives of five
  civilians and five soldiers" (a list adds up), "left 10 inmates dead";
- nouns: "at least one death and multiple injuries", "five dead", "the bodies of 16 people",
  "resulted in the death of seven persons", "the death toll rose to 9";
- one victim named or described: "The imam ... was killed", "killed the mayor of a town",
  "was killed along with two other men" (3);
- none: "no one was hurt", "no casualties";
- attackers are kept apart from their victims ("three gunmen were killed after killing 10
  villagers": 10 killed, 3 `perpetrators_killed`), and so are tallies over a period ("72 soldiers
  killed this year"), which a clause's own count outranks;
- a figure someone denies ("denied killing 10 civilians") is not asserted;
- whom a figure counts: civilians, combatants or people in general (`victims_class`); the
  non-combatant part of a total where the words separate it (`FigureMatch.civilians`, shares of
  the dead such as "two of those killed were police", `pick_civilians`);
- victims added to an earlier toll ("The bomb killed four others", `adds_to`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from sitrep.extract.numbers import COUNT, COUNT_NC, WORD_NUMBER, parse_count, word_to_int
from sitrep.models import Figure, Span

#: A plain number, in digits or words ("seven", "12").
_PLAIN_COUNT = rf"\d+|{WORD_NUMBER}"

KINDS = ("killed", "injured", "perpetrators_killed")

_WEEKDAY = r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)"

# -- people ---------------------------------------------------------------------------------------

#: The attackers of an event, as opposed to its victims.
_PERP_PL = (
    r"(?:gunm[ae]n|attackers|assailants|(?:suicide\s+)?bombers|shooters|hijackers|kidnappers|abductors|raiders|"
    r"perpetrators|assassins)"
)
_PERP_SG = (
    r"(?:gunman|attacker|assailant|(?:suicide\s+)?bomber|shooter|hijacker|kidnapper|abductor|raider|perpetrator|"
    r"assassin)"
)
_PERP_RE = re.compile(rf"\b(?:{_PERP_PL}|{_PERP_SG})\b", re.I)
_PERP_SG_RE = re.compile(_PERP_SG, re.I)

_PERSON_PL_WORDS = (
    r"people|persons|civilians|residents|inhabitants|villagers|locals|citizens|nationals|soldiers|servicem[ae]n|"
    r"service\s+members|troops|militants|fighters|rebels|insurgents|militiam[ae]n|jihadists|extremists|terrorists|"
    r"police(?:m[ae]n|\s+officers)?|(?:security\s+)?forces|officers|officials|guards|bodyguards|personnel|children|kids|minors|teenagers|"
    r"teens|youths|boys|girls|women|men|males|females|babies|infants|adults|elderly|family\s+members|relatives|members|"
    r"others|individuals|students|pupils|schoolchildren|schoolgirls|schoolboys|teachers|worshippers|protesters|"
    r"protestors|demonstrators|journalists|reporters|workers|employees|staff(?:ers)?|farmers|herders|herdsmen|"
    r"traders|merchants|miners|fishermen|pilgrims|refugees|migrants|IDPs|displaced(?:\s+(?:people|persons))?|"
    r"patients|doctors|medics|nurses|volunteers|rescuers|firefighters|passengers|drivers|bystanders|shoppers|"
    r"inmates|prisoners|detainees|suspects|hostages|captives|elders|chiefs|leaders|clerics|priests|monks|nuns|"
    r"pastors|imams|bishops|sheikhs|"
    r"lawyers|judges|activists|politicians|lawmakers|candidates|voters|supporters|peacekeepers|contractors|"
    r"engineers|labou?rers|siblings|brothers|sisters|sons|daughters|wives|husbands|mothers|fathers|cousins|"
    r"youngsters|vigilantes|hunters|mourners|guests|customers|tourists|foreigners|settlers|smugglers|robbers|"
    r"criminals|bandits|cultists|informants|spies|victims|apostates|indigenes|natives|tribesmen|clansmen|"
    r"Christians|Muslims|Shias?|Shiites|Sunnis|Hindus|Yazidis|Copts|Rohingyas?|Hazaras|Fulanis?|"
    r"combatants|recruits|cadets|conscripts|mercenaries|saboteurs|guerrill?as|scouts|marines|paramilitaries|gendarmes|commandos|sailors|pilots|"
    r"invaders|occupiers|occupants|observers|monitors|militias?|Taliban|"
    # "two Ukrainian military", as translated reports count servicemen
    r"military(?=\s*(?:[,.;:]|$)|\s+(?:were|was|have|had|killed|died|dead|wounded|injured|in|on|at|near|and|"
    r"during|while|amid|as)\b)|"
    r"crew(?:\s+members)?|fellow\s+\w+|\w+ists|owners|shopkeepers|vendors|hawkers|bikers|riders|motorists|"
    r"commuters|travell?ers|campaigners|organi[sz]ers|followers|believers|visitors|neighbou?rs|friends|"
    r"colleagues|partners|dancers|singers|musicians|players|fans|spectators|onlookers|passers-?by|pedestrians|"
    r"delegates|representatives|administrators|commissioners|councill?ors|chairmen|"
    r"more|of\s+them|of\s+whom"
)
_PERSON_SG_WORDS = (
    r"person|civilian|resident|inhabitant|villager|local|citizen|national|soldier|servicem[ae]n|serviceman|"
    r"servicewoman|trooper|militant|fighter|rebel|insurgent|militiam[ae]n|jihadist|police(?:m[ae]n|woman|\s+officer)|"
    r"officer|official|guard|bodyguard|child|kid|minor|teenager|teen|youth|boy|girl|woman|man|baby|infant|toddler|"
    r"adult|relative|member|individual|student|pupil|schoolgirl|schoolboy|teacher|worshipper|protester|protestor|"
    r"demonstrator|journalist|reporter|photographer|cameraman|editor|presenter|broadcaster|blogger|worker|employee|"
    r"farmer|herder|herdsman|trader|merchant|businessman|businesswoman|shopkeeper|vendor|miner|fisherman|pilgrim|"
    r"refugee|migrant|patient|doctor|medic|nurse|paramedic|volunteer|rescuer|firefighter|passenger|driver|"
    r"bystander|inmate|prisoner|detainee|suspect|hostage|captive|elder|chief|chieftain|leader|cleric|imam|priest|"
    r"pastor|reverend|bishop|monk|nun|sheikh|emir|king|ruler|lawyer|judge|prosecutor|activist|environmentalist|"
    r"defender|politician|lawmaker|legislator|candidate|senator|deputy|MP|minister|diplomat|ambassador|envoy|"
    r"consul|governor|mayor|councill?or|councilm[ae]n|councilwoman|chairm[ae]n|chairwoman|chairperson|"
    r"president|commander|general|colonel|major|captain|lieutenant|sergeant|head|director|manager|owner|"
    r"spokesm[ae]n|spokeswoman|spokesperson|secretary|assistant|aide|administrator|conductor|technician|"
    r"engineer|labou?rer|contractor|peacekeeper|sibling|brother|sister|son|daughter|wife|husband|mother|father|"
    r"(?:mother|father|brother|sister|son|daughter)-in-law|cousin|uncle|aunt|nephew|niece|grandfather|"
    r"grandmother|grandson|granddaughter|fiancée?|girlfriend|boyfriend|friend|colleague|companion|partner|"
    r"neighbou?r|classmate|roommate|landlord|tenant|host|guest|delegate|representative|negotiator|mediator|"
    r"organi[sz]er|coordinator|youngster|vigilante|hunter|tribesman|clansman|Christian|Muslim|Hindu|survivor|victim|"
    r"informant|spy|collaborator|recruit|cadet|conscript|gendarme|sailor|pilot|professor|lecturer|academic|"
    r"scholar|researcher|scientist|physician|surgeon|dentist|pharmacist|accountant|banker|cashier|"
    r"bursar|clerk|staffer|agent|inspector|superintendent|commissioner|sheriff|ranger|warden|jailer|"
    r"headman|headmaster|headteacher|principal|nominee|heir|prince|princess|monarch|sultan|writer|poet|author|"
    r"artist|actor|actress|comedian|filmmaker|producer|musician|singer|rapper|footballer|athlete|coach|"
    r"commentator|analyst|critic|figure|personality|celebrity|convict|commandant|pensioner|retiree|mercenary|sapper|saboteur|guerrill?a|scout|marine|partisan|"
    r"paratrooper|"
    r"visitor|dean|"
    r"(?:militia|military)(?=\s+(?:were|was|killed|died|wounded|injured)\b)|\w+ist"
)


def _plurals(words: str) -> str:
    """The plurals of the plain singular person nouns ("ranger" -> "rangers", "sheikh" -> "sheikhs"),
    so that every person counted one by one is also counted in groups."""
    out = []
    for w in words.split("|"):
        if not re.fullmatch(r"[a-z]+", w) or w.endswith(("man", "ist")) or w in _NO_PLURAL:
            continue
        if w.endswith(("s", "x", "ch", "sh")):
            out.append(w + "es")
        elif w.endswith("y") and w[-2] not in "aeiou":
            out.append(w[:-1] + "ies")
        elif w.endswith("f"):
            continue
        else:
            out.append(w + "s")
    return "|".join(sorted(set(out), key=len, reverse=True))


#: Singular nouns whose plural is irregular or names no one ("child", "head", "figure").
_NO_PLURAL = {"child", "head", "figure", "general", "major", "local", "national", "minor", "deputy", "host"}
_PERSON_PL_AUTO = _plurals(_PERSON_SG_WORDS)
_PERSON_PL0 = (
    rf"(?:{_PERSON_PL_WORDS}|{_PERSON_PL_AUTO}|{_PERP_PL}|(?-i:[A-Z][a-z]+(?:ans|ians|ese|is|ites)))"
)
#: "86 people/civilians": alternatives with a slash are one noun.
_PERSON_PL1 = rf"(?:{_PERSON_PL0}(?:/{_PERSON_PL0})?)"
_PERSON_PL = (
    rf"(?:{_PERSON_PL1}(?:\s+(?:and|or)\s+(?!{_PERP_PL}){_PERSON_PL1}(?!\s+(?:were|was|have|had|has)\b))?)"
)
_PERSON_SG = rf"(?:{_PERSON_SG_WORDS}|{_PERP_SG})"

#: Victims who are combatants: armed forces, police and armed groups. Attackers are apart
#: already (`_PERP_PL`); people in general, officials, workers and relatives are not combatants.
_COMBATANT_RE = re.compile(
    r"\b(?:soldiers?|troops?|troopers?|servicem[ae]n|servicewom[ae]n|service\s*members?|police|policem[ae]n|"
    r"policewom[ae]n|constables?|gendarmes?|security\s+(?:forces?|personnel|guards?|agents?|men|escorts?)|"
    r"(?<!customs\s)(?<!safety\s)(?<!health\s)(?<!press\s)(?<!medical\s)(?<!election\s)(?<!information\s)"
    r"officers?|guards?|bodyguards?|escorts?|militants?|fighters?|rebels?|insurgents?|militiam[ae]n|militias?|"
    r"jihadists?|terrorists?|extremists?|combatants?|paramilitar(?:y|ies)|commandos?|marines|recruits?|"
    r"cadets?|conscripts?|mercenar(?:y|ies)|commanders?|army|military|taliban|sappers?|saboteurs?|guerrill?as?|paratroopers?)\b",
    re.IGNORECASE,
)
_POSTMODIFIER = re.compile(
    r"\s+(?:[a-z]+ing|[a-z]+ed\s+(?:to|with|by)|who|whom|which|that|from|with)\b", re.IGNORECASE
)
#: Victims the words call civilians.
_CIVILIAN_RE = re.compile(r"\b(?:civilians?|non-?combatants?)\b", re.IGNORECASE)


def victims_class(words: str) -> str | None:
    """Whom a count of people counts: "civilians" ("five civilians", "civilian staff"),
    "combatants" ("two policemen", "members of the security forces"), else None."""
    words = _POSTMODIFIER.split(words, maxsplit=1)[0]  # "a leader commanding fighters": a leader
    if _CIVILIAN_RE.search(words):
        return "civilians"
    if _COMBATANT_RE.search(words):
        return "combatants"
    return None


#: Things that are counted but are not people.
_OBJECT_WORDS = re.compile(
    r"\b(?:drones?|missiles?|rockets?|houses?|homes?|buildings?|vehicles?|cars?|trucks?|tanks?|shells?|bombs?|"
    r"bullets?|rounds|mortars?|countries|villages|towns|communities|days?|hours?|years?|weeks?|months?|"
    r"minutes?|times|km|kilometres?|kilometers?|miles?|metres?|meters?|percent|per\s+cent|%|cows?|cattle|"
    r"goats?|sheep|camels?|donkeys?|horses?|animals?|livestock|dogs?|birds?|chickens?|"
    r"january|february|march|april|may|june|july|august|september|october|november|december|"
    r"jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec|a\.m\.|p\.m\.|am|pm|o'clock|attacks?|incidents?|"
    r"strikes?|raids?|shootings?|explosions?|blasts?|cases?|trips?|floors?|storeys?|rooms?)\b",
    re.IGNORECASE,
)
_AGE = re.compile(r"\b\d+-(?:year|month)s?-old\b|\baged?\s+\d+\b", re.IGNORECASE)

# -- the pieces of a count phrase -----------------------------------------------------------------

#: Words that end a modifier run: verbs, auxiliaries, prepositions, conjunctions.
_STOP = (
    r"(?:were|was|are|is|be|been|being|have|has|had|got|and|or|but|in|on|at|by|from|with|during|after|before|"
    r"when|while|as|including|of|to|for|killed|dead|died|die|dies|wounded|injured|hurt|slain|said|says|who|"
    r"which|that|than|the|a|an|into|near|inside|outside|among|amid|since|this|these|those|alongside|along|"
    r"together)\b"
)
_MOD = rf"(?:(?!{_STOP})[\w’'.()-]+\s+){{0,4}}?"
_OF_WHOSE = r"(?:of\s+(?:the|his|her|their|its|them)\s+)?"
#: A postmodifier after the noun: "members of a North Darfur family", "people from the same family".
_ING = (
    r"(?:\s+(?:who|that)\s+(?:had\s+been|have\s+been|has\s+been|were|was)\s+"
    r"(?!(?:killed|shot|wounded|injured|hurt|slain|dead|among|also|later|reportedly)\b)[a-z]+ed\b"
    r"(?:\s+(?!(?:were|was|have|had|has|are|is|and|killed)\b)[\w’'-]+){0,6}?"
    r"(?=\s+(?:were|was|have|had|has|are|is)\s)|"
    # "five women, believed to be wives of fighters and a child": the aside may follow a comma
    r"(?:\s+|\s*,\s+(?=(?:suspected|believed|thought|said|alleged|presumed)\s+to\s+be\b))"
    r"(?:(?!(?:including|during|following|according)\b)[a-z]+ing|"
    r"(?:suspected|believed|thought|said|alleged|presumed)\s+to\s+be|"
    r"(?:loyal|close|linked|related|belonging|opposed|sympathetic)\s+to|"
    r"(?!(?:killed|wounded|injured|hurt)\b)[a-z]+ed\s+(?:with|to)\b)"
    r"(?:\s+(?!(?:were|was|have|had|has|are|is|and|killed)\b)[\w’'-]+){1,5}?"
    r"(?=\s+(?:were|was|have|had|has|are|is|and)\b))?"
)
_POST_STOP = (
    r"(?:were|was|have|had|has|are|is|killed|died|dead|wounded|injured|hurt|in|on|at|and|or|but|who|which|"
    r"that)"
)
#: A relative clause of the victims, told in the active: "who live in the camp", "that houses
#: refugees near Adre", "who were building a road" (up to the auxiliary of the main verb).
_REL = (
    r"(?:\s+(?:who|that|which)\s+(?!(?:were|was|have|has|had|are|is)\s+(?:been\s+)?(?:killed|shot|wounded|"
    r"injured|hurt|slain|dead)\b)(?!(?:killed|shot|wounded|injured|died|and)\b)[\w’'-]+"
    r"(?:\s+(?!(?:were|was|have|had|has|are|is|and|killed|died|who|which|that)\b)[\w’'-]+){0,10}?"
    r"(?=\s+(?:were|was|have|had|has|are|is)\s))?"
)
_POST = (
    _ING
    + (rf"(?:\s+(?:of|from)\s+(?:(?!{_POST_STOP}\b)[\w’'.-]+\s+){{0,6}}?(?!{_POST_STOP}\b)[\w’'.-]+)?")
    + _REL
)
#: The same, as long as it goes: splitting a matched list into its units needs the whole phrase
#: ("The head of the development council and a government employee": two people).
_POST_G = (
    _ING
    + rf"(?:\s+(?:of|from)\s+(?:(?!{_POST_STOP}\b)[\w’'.-]+\s+){{0,4}}(?!{_POST_STOP}\b)[\w’'.-]+)?"
    + _REL
)
_DET_PL = r"(?:(?:the|his|her|their|its|all|(?:(?:at\s+least|more\s+than|nearly|about)\s+)?another)\s+)?"
_DET_SG = r"(?:a|an|the|one|another|his|her|their|its|our|my|your)"
_NAME = r"(?-i:[A-Z][\w’'.-]*(?:\s+(?:al-|bin\s+|ibn\s+|de\s+|da\s+|van\s+)?[A-Z][\w’'.-]*){1,4})"
_APPOS = r"(?:\s*,\s*(?:(?!(?:and|were|was|who|which)\b)[^,;:.]){1,80},)?"

#: One count of people: "at least 12 civilians", "six of her children", "a Turkish diplomat", "the mayor".
_SG_END = (
    r"(?![\w’'-])(?![’']s\b)(?!\s+(?:police|security|army|military|family|group|community)\b)"
    # "a local leader": the noun is the last word of the phrase
    r"(?!\s+(?:leader|chief|official|elder|resident|farmer|trader|journalist|teacher|politician|activist|"
    r"businessman|businesswoman|councill?or|administrator|commander|guard|worker|man|woman|boy|girl)s?\b)"
)
_AGE_SG = rf"(?:{_DET_SG}\s+)?\d+[-–\s](?:year|month)s?[-–\s]old\s+{_MOD}{_PERSON_SG}{_SG_END}"
#: "a" counts only as part of "a dozen", "a few", "a hundred" ...; otherwise it is a determiner.
_NOT_ARTICLE = r"(?!(?:a|an)\s+(?!(?:dozen|few|couple|handful|number|hundred|thousand)\b))"
#: Animals and things counted beside people ("Twenty herders and 83 cows were killed"): never victims;
#: nor are spans of time ("seven wounded over 24 hours": 24 counts hours, not people).
_THINGS = (
    r"(?:cows?|cattle|goats?|sheep|camels?|donkeys?|horses?|animals?|livestock|dogs?|chickens?|pigs?|"
    r"herds?|houses?|homes?|huts?|shops?|buildings?|vehicles?|cars?|trucks?|"
    r"minutes|hours|days|weeks|months|years)"
)
_NOT_PREP = r"(?!(?:in|on|at|of|and|or|near|by|from|with|during|after|as|to|for|over)\b)"
#: A bare count followed by one of those things: "83 cows", "800 head of cattle", "20 stray dogs".
_THING_AFTER = re.compile(rf"\s+(?:{_NOT_PREP}[\w-]+\s+|head\s+of\s+)?{_THINGS}\b", re.IGNORECASE)
_UNIT_PL = (
    rf"{_DET_PL}{_NOT_ARTICLE}{COUNT_NC}(?![-–\w])"
    rf"(?:\s+{_OF_WHOSE}{_MOD}{_PERSON_PL}{_POST}|(?!{_THING_AFTER.pattern}))"
)
_THING_UNIT = rf"{COUNT_NC}{_THING_AFTER.pattern}"
#: "Both were killed", "both men died", "killing both of them": two people.
_BOTH = (
    rf"both(?:\s+of\s+(?:them|whom)|\s+{_MOD}{_PERSON_PL})?"
    r"(?=\s+(?:were|was|have|had|are|died|perished|reportedly|also|later)\b|\s*(?:[,.;:)]|$))"
)
_UNIT_SG = rf"{_DET_SG}\s+{_MOD}{_PERSON_SG}{_SG_END}{_POST}"
#: A family counted by its size: "a family of seven", "an entire family of five" (that many people).
_FAMILY_OF = rf"(?:an?|the|one)\s+(?:[\w’'-]+\s+)?family\s+of\s+(?:{_PLAIN_COUNT})(?![\w’'-])"
_ANOTHER = (
    r"(?:one\s+)?another(?=\s+(?:was|were|wounded|injured|hurt|killed|died|dead|in|on|at)\b|\s*(?:[,.;:)]|$))"
)
_UNIT = rf"(?:{_FAMILY_OF}|{_AGE_SG}|{_UNIT_SG}|{_UNIT_PL}|{_ANOTHER}|{_BOTH})"
_AUX_AHEAD = (
    r"(?!\s+(?:were|was|are|is|have|has|had|got|also|reportedly|sustained|suffered|escaped|died|killed|"
    r"wounded|injured|hurt|dead|said|says|told|reported|added|confirmed|stated|claimed|announced)\b)"
)
_SEP = r"(?:\s*,\s*(?:and\s+)?|\s+and\s+|\s+as\s+well\s+as\s+|\s+plus\s+)"
#: A list of counts that add up: "nine men and four women", "Five Ukrainian soldiers, two rebels".
_BARE_END = (
    r"(?=\s*(?:[,.;:)]|$)|\s+(?:and|in|on|at|near|were|was|had|have|has|when|while|after|who|during|outside|"
    r"inside|despite|amid|as|before|following|by|over|with|since|from)\b|\s+(?-i:[A-Z][a-z])|\s+[-–—]\s)"
)
_BARE_SG = rf"{_MOD}{_PERSON_SG}{_SG_END}{_BARE_END}"
_COMMA = r"\s*,\s*(?!and\b)"
_AND = r"(?:\s*,?\s*and\s+|\s+as\s+well\s+as\s+|\s+plus\s+)"
#: After a bare comma only a counted unit continues a list ("nine men, four women"); a described
#: person there is an apposition or a claimant ("injuring five, regional governor X said").
_COUNTED = rf"(?:{_AGE_SG}|{_UNIT_PL}|(?:a|an|one|another)\s+{_MOD}{_PERSON_SG}{_SG_END}{_POST}|{_ANOTHER})"
_MORE = rf"(?:(?:{_COMMA}{_COUNTED}|{_AND}(?:{_UNIT}|{_BARE_SG})){_AUX_AHEAD})"
_LIST = rf"(?:{_UNIT}{_MORE}*)"
_LIST_SUBJ = rf"(?:{_UNIT}(?:{_SEP}(?:{_UNIT}|{_THING_UNIT}|{_MOD}{_PERSON_PL0}(?![\w’'-])))*)"
#: A breakdown or aside between a subject and its verb: ", including 12 civilians,", "(five civilians)".
_ASIDE_END = (
    r"(?<!\bwho)(?<!\bwhich)(?<!\bthat)(?<!\band)(?<!\bor)"
    r"(?=\s*,|\s+(?:were|was|have|has|had|are|is|killed|died|die|dies|dead|wounded|injured|hurt|slain)\b)"
)
_ASIDE1 = (
    r"(?:\s*,?\s+(?:including|among\s+them|among\s+whom|mostly|mainly|many\s+of\s+them|most\s+of\s+them|"
    r"all\s+of\s+them|some\s+of\s+them|of\s+whom|believed\s+to\s+be|said\s+to\s+be|aged)\b"
    rf"(?:(?!\b(?:who|whom|which)\b)[^,;:.!?\"”]){{1,120}}?{_ASIDE_END}"
    r"|\s*,\s*(?!\s*(?:and|or|but|with|after|before|as|while|when|where|amid|during|then|"
    r"according|said|says)\b)(?:(?!\b(?:were|was|have|has|had|are|is|killed|died|dead|wounded|injured|who|which)\b)"
    rf"[^,;:.!?\"”]){{1,80}}?{_ASIDE_END}"
    r"|\s*\([^()]{1,100}\)|\s+[-–—]\s[^-–—]{1,100}?\s[-–—]"
    # where they were: "six civilians on the near side of the border had been killed"
    r"|\s+(?:on|in|at|near|inside|outside)\s+(?:(?!\b(?:were|was|have|has|had|are|is|killed|died|dead|wounded|"
    r"injured|who|which|and|that|said|says|told|reported|added|stated|announced|confirmed)\b)"
    rf"[^,;:.!?\"”\d]){{1,80}}?{_ASIDE_END})"
)
_ASIDE = rf"(?:{_ASIDE1}){{0,2}}"
#: Auxiliaries and adverbs between a subject and its participle: "have reportedly been", "were on
#: Friday night", "have so far been".
_ADV_WORDS = (
    r"reportedly|also|all|both|allegedly|later|subsequently|eventually|so\s+far|now|already|apparently|"
    r"confirmed|feared|believed|said|thought|reported|known|yesterday|today|tonight|earlier|initially|"
    r"immediately|instantly|then|again|just|mostly|mainly|seriously|critically|severely|badly|fatally|"
    r"slightly|lightly|gravely|mortally|brutally|summarily|to|have|has|had|been|be|being|were|was|are|is|"
    rf"got|get|each|either|(?:on\s+)?{_WEEKDAY}(?:\s+(?:night|morning|evening|afternoon))?|last\s+night|"
    r"overnight|early|late|left|remain(?:ed|s)?|still|since"
)
_ADV = (
    rf"(?:(?:{_ADV_WORDS}|(?!(?:only|family|early|ally|rally|supply|assembly)\b)[a-z]{{3,}}ly),?\s+){{0,6}}"
    r"(?:(?!(?:killed|shot)\b)[a-z]+ed\s+and\s+)?"
)

# -- verbs ----------------------------------------------------------------------------------------

_TO_DEATH = (
    r"(?:stabbed|hacked|beaten|burn(?:ed|t)|stoned|crushed|clubbed|macheted|tortured|shot|strangled|bludgeoned)"
    r"\s+to\s+death"
)
_KILLED_SG = (
    r"(?:killed|slain|executed|massacred|murdered|slaughtered|assassinated|beheaded|decapitated|lynched|"
    rf"butchered|gunned\s+down|shot\s+dead|shot\s+down|shot\s+and\s+killed|{_TO_DEATH}|burn(?:ed|t)\s+alive|"
    rf"found\s+(?:dead|murdered|slain|beheaded|(?:shot|stabbed)\s+dead|{_TO_DEATH})|killed\s+in\s+action|"
    r"(?:found|discovered)\s+riddled\s+with\s+bullets?(?:\s+wounds)?|"
    r"(?:confirmed|feared|pronounced|declared)\s+dead|fatally\s+(?:shot|stabbed|wounded|injured|hit)|"
    r"(?:sustained|suffered)\s+fatal\s+(?:injuries|wounds|gunshot\s+wounds)|"
    r"(?:sustained|suffered|received)\s+(?:[\w-]+\s+){0,2}?(?:injuries|wounds)\s+incompatible\s+with\s+life)"
)
_KILLED_P = (
    rf"(?:{_KILLED_SG}|dead|died|die|dies|perished|lost\s+(?:their|his|her)\s+li(?:ves|fe)|KIA|martyred)"
)
_INJURED_P = (
    r"(?:wounded|injured|hurt|hospitali[sz]ed|maimed|shot\s+and\s+(?:wounded|injured)|"
    r"(?:sustained|suffered|received)\s+(?:[\w-]+\s+){0,4}?(?:injuries|wounds)|"
    r"treated\s+for\s+(?:[\w-]+\s+){0,3}?(?:injuries|wounds)|WIA|"
    r"in\s+(?:a\s+)?(?:critical|serious|grave|stable)\s+condition|in\s+(?:the\s+)?hospital)"
)
_INJURED_SG = r"(?:wounded|injured|hurt|hospitali[sz]ed|maimed|shot\s+and\s+(?:wounded|injured))"
_KILL_ACTIVE = (
    r"(?:kill(?:s|ed|ing)?|shot\s+dead|shoot(?:s|ing)\s+dead|shot\s+and\s+killed|shooting\s+and\s+killing|"
    r"gunned\s+down|gunning\s+down|guns\s+down|massacr(?:ed|ing|es)|murder(?:ed|ing|s)|execut(?:ed|ing|es)|"
    r"slaughter(?:ed|ing|s)|behead(?:ed|ing|s)|assassinat(?:ed|ing|es)|lynch(?:ed|ing|es)|"
    r"(?:hack(?:ed|ing|s)|stabb(?:ed|ing)|stabs|beat(?:ing|s)?|burn(?:ed|t|ing|s)|ston(?:ed|ing)|club(?:bed|bing)|"
    r"shot|shoot(?:ing|s)|tortur(?:ed|ing)|strangl(?:ed|ing))\s+to\s+death|"
    r"(?:claim(?:ed|ing|s)?|t(?:ook|aking|akes)|cost(?:ing|s)?)\s+the\s+li(?:ves|fe)\s+of)"
)
_INJURE_ACTIVE = (
    r"(?:wound(?:s|ed|ing)|injur(?:es|ed|ing)|hurt(?:ing|s)?|maim(?:ed|ing|s)|"
    r"shot\s+and\s+(?:wounded|injured))"
)
_OBJ_END = (
    r"(?=\s*(?:[,.;:)\"”]|$)|\s+(?:on|in|at|near|and|after|before|while|as|when|during|outside|inside|with|who|"
    r"whom|from|of|late|early|last|yesterday|today|this|by|for|amid|over|following|said|says)\b)"
)
_NOT_PERSON = (
    r"(?:engine|bill|deal|plan|idea|project|motion|proposal|talks|process|ceasefire|truce|agreement|story|time|"
    r"rest|momentum|chance|hope|mood|power|lights?|economy|industry|business|trade|growth|program|programme|"
    r"initiative|measure|legislation|law|reform|effort|attempt|attack|offensive|operation|raid|fire|signal|"
    r"virus|disease|infection|pain|noise|music|game|season|career|spirit|dream|buzz|vibe|joke|conversation|"
    # a group is no one person: "shells killed the family" counts nobody by itself
    r"family|household|group|crowd|congregation|gathering|convoy|team|community)"
)
#: The first object of a killing verb, besides counts: "the district chief", "a former electoral
#: delegate", "Pamo Hobobo", "prominent traditional elder".
#: "killing him, his son and two guests": one person, first of a list.
_PRONOUN = (
    r"(?:him|her)(?![\w’'-])"
    r"(?=\s*(?:,|and\b|[.;:]|$)|\s+(?:in|on|at|as|after|before|while|near|outside|inside)\b)"
)
_OBJ_FIRST = (
    rf"(?:{_UNIT}|(?-i:{_NAME}){_OBJ_END}|{_BARE_SG}|{_PRONOUN}"
    rf"|{_DET_SG}\s+(?:[\w’'-]+\s+){{0,3}}?(?!{_NOT_PERSON}\b)(?-i:[a-z][\w-]*[^\Ws])(?<!ss){_OBJ_END})"
)
_LIST_OBJ = rf"(?:{_OBJ_FIRST}{_MORE}*)"
#: Victims named after the verb: "was killed Tuesday along with two other men".
_ALONG = (
    r"(?:\s*,?\s+(?:[\w’'-]+\s+){0,3}?(?:along\s+with|together\s+with|alongside|as\s+well\s+as)\s+"
    rf"(?P<extra>{_LIST}))?"
)
#: What follows a transitive verb in the active voice: an object ("killed prominent writer X"),
#: rather than an adverbial ("killed in ...", "killed Tuesday", "killed, 15 wounded").
_OBJECT_AHEAD = re.compile(
    r"^\s+(?!(?:in|on|at|of|near|by|during|after|before|when|while|as|since|for|with|from|over|amid|outside|"
    r"inside|across|around|and|or|but|overnight|yesterday|today|tonight|late|early|last|this|despite|following|"
    r"because|due|owing|thanks|according|so|reportedly|said|says|until|within|between|among|along|alongside|together|"
    r"ahead|prior|just|shortly|recently|via|through|throughout|toward|towards|per|"
    r"monday|tuesday|wednesday|thursday|friday|saturday|sunday|north|south|east|west|northern|southern|"
    r"eastern|western|central|there|here|when|where|then|again|too|also|instantly|immediately|near|off|"
    r"up|down|out|into|onto|under|behind|without|against|if|what|which|who|whom|not|have|had|has|were|was|is|"
    r"are|be|being|been|will|would|could|can|may|might|to|the\s+(?:day|night|morning|evening|week|weekend|"
    r"previous|same|following)|(?:january|february|march|april|may|june|july|august|september|october|"
    r"november|december)\b)\b)[\w\"“]",
    re.IGNORECASE,
)

#: Where a count can start: not inside a word ("12-year-old", "Haram's"), but after a wire prefix
#: ("UPDATE 2-About 20", "RPT-One civilian") or a quotation mark.
_START = r"(?<!\w)(?<!\w[’'])(?<!(?-i:[a-z])-)(?<!UPDATE\s)(?<!WRAPUP\s)"

#: One person wounded earlier who then died: "A guard, wounded in the raid on Monday, died",
#: "Medic wounded in shelling dies", "a boy who was injured in the blast has died".
_WOUNDED_DIED = (
    rf"{_START}(?P<list>(?:{_DET_SG}\s+)?{_MOD}{_PERSON_SG}{_SG_END})(?:\s+of\s+[\w’'. -]{{1,40}}?)?\s*,?\s+"
    r"(?:who\s+(?:was|had\s+been|has\s+been)\s+)?(?:(?:seriously|critically|badly|gravely|earlier)\s+)?"
    r"(?:wounded|injured)\b(?:(?!\band\s+(?:a|an|the|one|two|three|\d))[^.;!?\n]){1,140}?\s+"
    r"(?:(?:later|has|had|subsequently)\s+)?(?P<verb>died|dies)\b"
)
#: The same told as two verbs of one subject: "A guard was wounded in the raid and later died",
#: "Councillor Ana Ruiz was injured in the attack and subsequently succumbed to her wounds". The
#: subject is a described person (a title and name allowed after the noun) or a name.
_WOUNDED_AND_DIED = (
    rf"{_START}(?P<list>(?:{_DET_SG}\s+)?{_MOD}{_PERSON_SG}{_SG_END}(?:\s+{_NAME})?|{_NAME})\s+"
    r"(?:was|had\s+been|has\s+been)\s+(?:(?:seriously|critically|badly|gravely|fatally|also)\s+)?"
    r"(?:wounded|injured)\b(?:(?!\b(?:and|but|while|whereas)\b)[^.;!?\n]){0,100}?\s+and\s+"
    r"(?:(?:later|subsequently|eventually|then)\s+)?(?P<verb>died|succumbed)\b"
)

#: The qualifier of a count whose words do not say whether its people died: "shot" with no word of
#: wounds or survival, "N civilian casualties". `merge.reconcile` reads it as vague: it
#: stands only when nobody states a death toll, and `pick` passes it over for a clause's own toll.
UNSPECIFIED = "unspecified"
_SHOT_END = (
    r"(?![\w-])(?!\s+(?:at|down|dead|and|to\s+death|up|back|out|into|through|himself|herself|themselves)\b)"
)
#: Words that say a shot person lived (or may have): then "shot" is no death.
_SURVIVED = re.compile(
    r"\b(?:wound\w*|injur\w*|hurt|hospitali[sz]\w*|surviv\w*|critical|stable|recover\w*|treat\w*|legs?|arms?|"
    r"foot|feet|knees?|thighs?|hands?|shoulders?|buttocks|rubber|pellets?|escaped|missed|alive|conscious)\b",
    re.IGNORECASE,
)

#: "Shot down" kills a person ("a farmer was shot down by two men") but downs a pilot's aircraft.
_SHOT_DOWN = re.compile(r"shot\s+down\b", re.IGNORECASE)
_AIRCREW = re.compile(r"\b(?:pilots?|co-?pilots?|crew\w*|airm[ae]n|aviators?|navigators?)\b", re.IGNORECASE)

#: What state bodies are found in: "two burnt bodies", "the decomposing corpses".
_BODY_STATE = (
    r"(?:(?:burnt|burned|charred|decomposed|decomposing|mutilated|bullet-riddled|headless|decapitated|"
    r"lifeless|dismembered|bound|partially\s+buried)\s+)"
)

_PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    ("wounded_died", re.compile(_WOUNDED_DIED, re.IGNORECASE)),
    ("wounded_died", re.compile(_WOUNDED_AND_DIED, re.IGNORECASE)),
    # "the death toll rose to 9", "death toll of 14", "the number of victims ... increased to 20"
    (
        "toll",
        re.compile(
            r"\b(?P<verb>death\s+toll|toll|number\s+of\s+(?:the\s+)?(?:dead|deaths|fatalities|victims|"
            r"(?:[\w’'-]+\s+){1,3}?(?:killed|dead)|killed|casualties)|number\s+of\s+(?:the\s+)?(?:injured|wounded|"
            r"(?:[\w’'-]+\s+){1,3}?(?:injured|wounded)))\b[^.;:\d]{0,120}?\b(?:to|at|of|reached|hit|is|was|"
            r"hits|reaches|tops|topped|passes|passed|exceeds|exceeded|surpasses|surpassed|"
            rf"stands\s+at|stood\s+at|now)\s+{COUNT}\b",
            re.IGNORECASE,
        ),
    ),
    # "Sixteen people, including 12 civilians, were killed", "six residents were wounded", "Five dead"
    (
        "passive",
        re.compile(
            rf"{_START}(?P<list>{_LIST_SUBJ})(?P<aside>{_ASIDE})\s*,?\s+(?P<adv>{_ADV})"
            rf"(?P<verb>{_KILLED_P}|{_INJURED_P})(?![\w-]){_ALONG}",
            re.IGNORECASE,
        ),
    ),
    # "killing 12 people", "shot dead eleven people", "claimed the lives of five civilians and five soldiers"
    (
        "active",
        re.compile(
            rf"\b(?P<verb>{_KILL_ACTIVE}|{_INJURE_ACTIVE})\s+(?:(?:themselves|himself|herself)\s+(?:and|as\s+well\s+as)\s+)?"
            rf"(?P<list>{_LIST_OBJ}){_ALONG}",
            re.IGNORECASE,
        ),
    ),
    # "abducted 11 men from the mosque and then executed them": the people taken are the dead
    (
        "taken_then",
        re.compile(
            r"\b(?:dragged|abducted|kidnapped|seized|rounded\s+up|captured|grabbed|pulled|marched|lined\s+up|"
            r"tied\s+up|singled\s+out)\s+"
            rf"(?P<list>{_LIST_OBJ})[^.;:!?]{{0,100}}?\s+(?:and|before)\s+(?:then\s+|later\s+|subsequently\s+)?"
            r"(?P<verb>executed|killed|murdered|beheaded|shot\s+dead|slaughtered|massacred)\s+them\b",
            re.IGNORECASE,
        ),
    ),
    # "a detained activist killed himself": one death (an attacker's own, after a bomber)
    (
        "self",
        re.compile(
            r"\b(?P<verb>killed|kills)\s+(?P<list>himself|herself)\b(?!\s+(?:and|as\s+well\s+as)\b)", re.I
        ),
    ),
    # "hacked an elderly priest to death", "beat and burnt eight herders to death"
    (
        "to_death",
        re.compile(
            r"\b(?P<verb>(?:hack|stabb?|beat|burn|ston|club|tortur|strangl|bludgeon|shot|shoot|machet)\w*"
            r"(?:\s+and\s+(?:hack|stabb?|beat|burn|ston|club|tortur|strangl|bludgeon|shot|shoot|machet)\w*)?)"
            rf"[\"”]?\s+(?P<list>{_LIST_OBJ})\s+to\s+death\b",
            re.IGNORECASE,
        ),
    ),
    # "was shot ... and died of his wounds", "later succumbed to her injuries": one victim
    (
        "succumbed",
        re.compile(
            r"\b(?P<verb>died|dies|succumbed|succumbs)\s+(?:later\s+)?(?:of|from|to)\s+(?:his|her)\s+"
            r"(?:[\w-]+\s+)?(?:wounds|injuries)\b",
            re.IGNORECASE,
        ),
    ),
    # "leaving 10 people dead", "left three dead and five injured", "leaving dozens killed"
    (
        "leaving",
        re.compile(
            rf"\b(?:leav(?:e|es|ing)|left)\s+(?P<list>{_LIST_SUBJ})\s+"
            r"(?P<verb>dead|killed|injured|wounded|hurt)\b",
            re.IGNORECASE,
        ),
    ),
    # "the death of seven persons", "the bodies of 17 soldiers and 22 civilians", "killing of a journalist"
    (
        "of",
        re.compile(
            r"\b(?P<verb>deaths?|killings?|murders?|massacre|slaughter|executions?|beheadings?|assassination|"
            r"(?:suspected\s+|alleged\s+)?(?:killers|murderers)|"
            rf"bodies|dead\s+bodies|remains|corpses)\s+of\s+(?P<list>{_LIST}|{_NAME}|{_BARE_SG})",
            re.IGNORECASE,
        ),
    ),
    # "his body was found", "the body of a journalist was discovered"
    (
        "body",
        re.compile(
            r"\b(?P<list>(?:his|her|the|a|another)\s+(?:[\w-]+\s+){0,2}?)(?P<verb>body|corpse|remains)"
            r"(?:\s+of\s+[^,;.]{1,120}?)?\s+(?:was\s+|had\s+been\s+|has\s+been\s+)?"
            r"(?:later\s+|then\s+)?(?:found|discovered|recovered|retrieved|dumped|pulled|washed)\b",
            re.IGNORECASE,
        ),
    ),
    # "claimed 31 lives", "cost 12 lives"
    (
        "lives",
        re.compile(
            r"\b(?P<verb>claim(?:ed|ing|s)?|cost(?:ing|s)?|los(?:t|ing)|t(?:ook|aking|akes))\s+(?:the\s+)?"
            rf"{COUNT}\s+lives\b",
            re.IGNORECASE,
        ),
    ),
    # "police found two bodies behind the house", "rescuers recovered 12 more charred bodies"
    (
        "lives",
        re.compile(
            r"\b(?P<verb>found|finds?|finding|recovered|recovers?|recovering|discovered|discovers?|discovering|"
            rf"retrieved|exhumed|pulled\s+out)\s+(?:the\s+)?{COUNT}\s+"
            rf"(?:(?:more|other|further|additional)\s+)?(?:{_BODY_STATE})?(?:bodies|corpses)\b",
            re.I,
        ),
    ),
    # "villagers buried 27 victims of the massacre"
    (
        "lives",
        re.compile(
            rf"\b(?P<verb>buri(?:ed|es)|burying)\s+(?:the\s+)?{COUNT}\s+(?:victims|bodies|dead)\b", re.I
        ),
    ),
    # "at least one death and multiple injuries", "one fatality", "five dead", "16 dead bodies", "One KIA"
    (
        "noun",
        re.compile(
            rf"{_START}{COUNT}\s+(?:(?:more|other|civilian|military|confirmed|reported|additional|further|"
            r"new|people|person|soldiers?|civilians?)\s+){0,2}"
            r"(?P<verb>deaths?|fatalities|fatality|dead(?:\s+bodies)?(?=\s+(?:were|have|had|was|found|lay|lying))|"
            rf"dead(?!\s+bodies)|(?:{_BODY_STATE})?(?:bodies|corpses)(?=\s+(?:(?:were|have|has|had|been|now|later|also|since|reportedly)\s+){{0,3}}(?:found|recovered|discovered|"
            r"retrieved|exhumed|dumped|lying|pulled|washed|buried))|injuries|injured|wounded|KIA|WIA|casualties)\b",
            re.IGNORECASE,
        ),
    ),
    # one victim: "The imam of the mosque was killed", "a municipal worker was wounded"
    (
        "single",
        re.compile(
            rf"\b(?P<aux>was|has\s+been|had\s+been|is\s+being|got)\s+(?P<adv>{_ADV})"
            rf"(?P<verb>{_KILLED_SG}|{_INJURED_SG})(?![\w-]){_ALONG}",
            re.IGNORECASE,
        ),
    ),
    # a headline's one victim: "Russian TV reporter killed in east Ukraine", "..., Ukrainian soldier killed"
    (
        "headline",
        re.compile(
            r"(?:^|(?<=[\n:;,!?]))\s*(?:(?:UPDATE|WRAPUP|RPT)\b[\s\d-]*)?"
            rf"(?P<list>(?:(?!(?:the|a|an|one|his|her|their|no)\b)[\w’'-]+\s+){{0,3}}?{_PERSON_SG}{_SG_END}"
            r"(?:\s+of\s+(?:(?!(?:killed|died|dies|wounded|injured)\b)[\w’'.-]+\s+){0,5}?"
            r"(?!(?:killed|died|dies|wounded|injured)\b)[\w’'.-]+)?)"
            r"\s+(?:reportedly\s+|reported\s+|also\s+)?(?P<verb>killed|dies|died|shot\s+dead|slain|"
            r"wounded|injured)(?![\w-])",
            re.IGNORECASE,
        ),
    ),
    # one named victim: "Ricardo Campos, 30, died in the town of Cumana"
    (
        "named",
        re.compile(
            rf"(?P<list>{_NAME}){_APPOS}\s+(?:(?:has|had)\s+)?(?:(?:also|later|reportedly|subsequently)\s+)?"
            r"(?P<verb>died|dies)\b"
        ),
    ),
    # "shot" alone (not "shot at", "shot and wounded"): `UNSPECIFIED`, see `_shot`
    (
        "shot_passive",
        re.compile(
            rf"{_START}(?P<list>{_LIST_SUBJ})(?P<aside>{_ASIDE})\s*,?\s+(?P<adv>{_ADV})(?P<verb>shot){_SHOT_END}",
            re.IGNORECASE,
        ),
    ),
    (
        "shot_single",
        re.compile(
            rf"\b(?P<aux>was|has\s+been|had\s+been|got)\s+(?P<adv>{_ADV})(?P<verb>shot){_SHOT_END}", re.I
        ),
    ),
    (
        "shot_active",
        re.compile(
            rf"\b(?P<verb>shot|shoots|shooting)\s+(?P<list>{_AGE_SG}|{_UNIT_SG}|"
            rf"{_DET_PL}{COUNT_NC}\s+{_OF_WHOSE}{_MOD}{_PERSON_PL}{_POST}){_SHOT_END}",
            re.IGNORECASE,
        ),
    ),
]

_NONE_RE = re.compile(
    rf"\b(?:(?:no\s+one|nobody|none(?:\s+of\s+(?:the\s+)?[\w-]+(?:\s+[\w-]+)?)?|not\s+a\s+single\s+[\w-]+|"
    rf"no\s+(?:[\w-]+\s+){{0,2}}?(?:{_PERSON_SG}|{_PERSON_PL}))\s+"
    r"(?:(?:was|were|has|have|had|been|got|reportedly|seriously|immediately|actually)\s+){1,3}"
    r"(?P<v1>killed|injured|hurt|wounded|harmed)"
    r"|no\s+(?:(?:immediate|other|further|reported|known|civilian|human|serious|confirmed|official)\s+)*"
    r"(?:reports?\s+of\s+(?:any\s+)?)?(?P<v2>casualties|deaths|fatalities|injuries|victims|loss\s+of\s+(?:human\s+)?life)"
    r"|without\s+(?:any\s+)?(?:causing\s+(?:any\s+)?)?(?P<v3>casualties|injuries|victims|loss\s+of\s+(?:human\s+)?life)"
    r"|\b(?:escaped|was|were|are|is|remained)\s+(?:[\w-]+\s+)?(?P<v4>unhurt|unharmed|uninjured))",
    re.IGNORECASE,
)

#: Words that make a following figure someone's denial, not a claim ("denied killing 10 civilians").
_DENIAL = re.compile(
    r"\b(?:den(?:y|ies|ied|ying)|rejected|rejects|dismissed|refuted|refutes)\b(?:\s+(?:that|reports?|claims?|"
    r"allegations?|having|any|the))*\s*(?:that\s+)?[^.;,]{0,25}$",
    re.IGNORECASE,
)
#: A guard for one-victim wording: "it was not clear whether anyone was hurt".
_UNCERTAIN = re.compile(
    r"\b(?:anyone|anybody|any\s+one|whether|if|no\s+one|nobody|none|not\s+(?:immediately\s+)?(?:clear|known))\b"
    r"[^.;]*$",
    re.IGNORECASE,
)
#: Tallies over a period rather than one event's count ("72 soldiers killed this year").
_PERIOD = re.compile(
    r"\b(?:(?:over|in|during|for|within|throughout)\s+(?:the\s+)?(?:past|last|previous|preceding)\s+"
    r"(?:(?:\d+|two|three|four|five|six|seven|eight|nine|ten|twelve|several|few)\s+)?(?:weeks?|months?|years?)"
    r"|(?:over|in|during|for)\s+(?:the\s+|a\s+|one\s+)?(?:week|month|year)\b(?!\s+(?:of|after|before|since|ago))"
    # daily round-ups: "in the past 24 hours", "over the last day", "in a day", "per day"
    r"|(?:over|in|during|for|within)\s+(?:the\s+)?(?:past|last|previous|preceding)\s+(?:(?:24|48|72)\s+hours|day)"
    r"|(?:in|within|over|during|for)\s+(?:24|48|72)\s+hours"
    r"|(?:(?:in|over)\s+(?:a|one)|during\s+the)\s+day\b(?!\s+(?:of|after|before|when))"
    r"|per\s+day"
    # "in 7 days", "over the past ten days", "within three days"
    r"|(?:over|in|during|for|within)\s+(?:the\s+)?(?:(?:past|last|previous|preceding)\s+)?"
    r"(?:\d+|two|three|four|five|six|seven|eight|nine|ten|several|few)\s+days"
    # "this week" as a tally, not "earlier this week" (one incident on a day of it)
    r"|(?<!earlier\s)(?<!later\s)(?<!on\s)this\s+(?:week|month)\b(?!\s*(?:'s|’s))"
    r"|(?:in|over)\s+(?:a|one)\s+week\s+of\s+(?:fighting|clashes|violence|shelling|attacks|hostilities)"
    r"|since\s+(?:the\s+)?(?:start|beginning)\s+of\s+(?:the\s+)?(?:year|month|week)"
    r"|since\s+(?:the\s+)?year(?:'s|’s)?\s+(?:start|beginning)"
    r"|(?:so\s+far\s+)?this\s+year|so\s+far\s+this\s+month"
    r"|since\s+(?:(?:the\s+)?(?:start|beginning)(?!\s+of\s+the\s+day)|early|late|mid|"
    r"january|february|march|april|may|june|july|august|september|october|november|december|\d{4}|last\s+year|"
    r"the\s+war)|in\s+(?:19|20)\d\d\b|last\s+year|per\s+(?:week|month|year)|a\s+year\s+ago"
    # a running total: "Russia has already killed 400 children", "427 dead have already been exhumed"
    r"|(?:has|have|had)\s+already\s+(?:been\s+)?(?:killed|lost|murdered|claimed|taken|exhumed|buried)"
    # the whole war's toll, not an attack's: "As a result of the armed aggression of X, 400 children
    # were killed"
    r"|as\s+a\s+result\s+of\s+(?:the\s+)?(?:[\w-]+\s+){0,2}?(?:aggression|invasion))\b",
    re.IGNORECASE,
)
#: A war-long toll: "Ukraine lost 9,000 defenders in the war". Only for a count of several people
#: (`_war_long`): "Journalist X died in the war" is one death.
_IN_THE_WAR = re.compile(
    r"\b(?:in|during|throughout)\s+(?:the\s+)?(?:(?:full-scale|whole|entire)\s+)?(?:war|invasion)\b"
    r"(?![-–\s]*(?:zone|torn|area|region)\b)",
    re.IGNORECASE,
)
#: A state or its people as the killer, and no narrower place than a country: "Russia killed 383
#: children in Ukraine", "Russians killed 391 children in Ukraine" state the war's running total,
#: not one attack's toll (an attack names its weapon or place: "Russian strike kills five in Kharkiv").
_NATIONWIDE = re.compile(
    r"^\s*(?P<agent>(?:the\s+)?(?-i:[A-Z][\w-]+)(?:\s+Federation)?)\s+(?:(?:has|have|had)\s+)?(?:already\s+)?"
    r"(?:killed|murdered)\s+[^.;:,]{1,40}?\s+in\s+(?P<where>(?-i:[A-Z][\w-]+))\s*(?:$|[-–—]\s)",
    re.IGNORECASE,
)
#: A breakdown of a count stated elsewhere: "Among the dead were two students".
_PART_BEFORE = re.compile(
    r"\b(?:among|of)\s+(?:the|those)\s+(?:dead|killed|victims|casualties|wounded|injured|people\s+killed|"
    r"fatalities|deceased)\b(?:\s+(?:were|was|are|is|included?))?[^.;]{0,20}$",
    re.IGNORECASE,
)
_CASUALTIES_AFTER = re.compile(r"\s+(?:and|or)\s+(?:wound|injur|hurt|maim)(?!\w*ing\b)", re.IGNORECASE)
_CASUALTIES_BEFORE = re.compile(r"\b(?:kill\w*|dead)\s+(?:and|or)\s+$", re.IGNORECASE)
_PERIOD_NOT = re.compile(
    r"\b(?:deadliest|worst|bloodiest|latest|first|second|third|biggest|largest|highest)\b", re.I
)

_UNIT_ITEM = re.compile(
    rf"(?:(?:an?|the|one)\s+(?:[\w’'-]+\s+)?family\s+of\s+(?P<family>{_PLAIN_COUNT})(?![\w’'-])"
    rf"|(?P<age>{_AGE_SG})|(?P<another>{_ANOTHER})|(?P<both>{_BOTH})|{_DET_SG}\s+{_MOD}(?P<sg>{_PERSON_SG}){_SG_END}{_POST_G}"
    rf"|{_DET_PL}(?!(?:a|an)\s+(?!(?:dozen|few|couple|handful|number|hundred|thousand)\b)){COUNT}"
    rf"(?:\s+{_OF_WHOSE}{_MOD}(?P<pl>{_PERSON_PL}){_POST_G})?(?![\w’'-])"
    rf"|(?P<name>{_NAME})|(?P<pron>{_PRONOUN})"
    rf"|{_DET_SG}\s+(?:[\w’'-]+\s+){{0,3}}?(?P<gen>(?-i:[a-z][\w-]*[^\Ws])){_OBJ_END}"
    rf"|{_MOD}(?P<bare0>{_PERSON_SG}){_SG_END}{_BARE_END})",
    re.IGNORECASE,
)
# -- updated tolls ---------------------------------------------------------------------------------

#: A toll that has grown: "rose to", "has climbed to", "increased to", "hits", "reached", "tops".
_RISEN = re.compile(
    r"\b(?:ris(?:e|es|en|ing)|rose|climb(?:s|ed|ing)?|increas(?:e|es|ed|ing)|jump(?:s|ed|ing)?|"
    r"reach(?:es|ed|ing)?|hit(?:s|ting)?|grow(?:s|n|ing)?|grew|mount(?:s|ed|ing)?|soar(?:s|ed|ing)?|"
    r"went\s+up|gone\s+up|swell(?:s|ed)?|top(?:s|ped)|surpass(?:es|ed)|exceed(?:s|ed)|pass(?:es|ed)|"
    r"rais(?:e|es|ed|ing)|revis(?:e|es|ed|ing)\s+up(?:ward)?)\b",
    re.IGNORECASE,
)
#: Someone updating a toll: "Ukraine raises death toll from rebel attacks to 17".
_RAISED_BEFORE = re.compile(
    r"\b(?:rais(?:e|es|ed|ing)|revis(?:e|es|ed|ing)|updat(?:e|es|ed|ing))\s+(?:the\s+|its\s+|their\s+)?$",
    re.IGNORECASE,
)
#: Qualifier prefix of an updated toll; `merge.reconcile` lets it replace every lower count.
UPDATE = "rose to"
_ORDINALS = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8,
    "ninth": 9,
    "tenth": 10, "eleventh": 11, "twelfth": 12,
}  # fmt: skip
_ORD = "|".join(_ORDINALS)
#: "the body of the fourth victim was found", "the third person who died", "a fifth death".
_ORDINAL_DEAD = re.compile(
    rf"\b(?:bod(?:y|ies)|corpse|remains)\s+of\s+(?:the|a)\s+(?P<o1>{_ORD})\s+(?:[\w-]+\s+)?"
    r"(?:victim|person|man|woman|child|resident|civilian|casualty|dead|deceased)\b"
    rf"|\b(?:the|a)\s+(?P<o2>{_ORD})\s+(?:victim|person|man|woman|child|resident|civilian)\s+"
    r"(?:who\s+|has\s+|had\s+|also\s+)*(?:died|was\s+killed|has\s+been\s+killed)\b"
    rf"|\b(?:(?:the|a|its|their)\s+)?(?P<o3>{_ORD})\s+(?:(?:combat|civilian|military|confirmed)\s+)?"
    r"(?:death|fatality)\b",
    re.IGNORECASE,
)


def as_update(fig: Figure) -> Figure:
    """The figure marked as an updated toll (its qualifier gains the "rose to" prefix)."""
    if (fig.qualifier or "").startswith(UPDATE):
        return fig
    qualifier = f"{UPDATE} {fig.qualifier}" if fig.qualifier else UPDATE
    return Figure(fig.low, fig.high, qualifier, fig.span)


# -- a belligerent's claim of enemy losses --------------------------------------------------------

#: Armed personnel as military reports count them ("military units" is a common rendering of
#: servicemen in translated Russian reports).
_FORCE = (
    r"(?:soldiers|servicem[ae]n|service\s+members|military(?:\s+(?:units|personnel|servicemen))?|troops|"
    r"personnel|militants|mercenaries|nationalists|invaders|occupiers|occupants|orcs|fighters|paratroopers|"
    r"marines|militiam[ae]n|gunners|artillerymen|Russians|defenders)"
)
#: Words only a side uses of the enemy it kills; a count of people under them is that side's claim.
_ENEMY_WORDS = re.compile(
    r"\b(?:invaders|occupiers|occupants|orcs|(?:neo-?)?nazis|nationalists)\b", re.IGNORECASE
)
_ENEMY_VERB = (
    r"(?:destroy(?:ed|ing|s)?|eliminat(?:ed|ing|es?)|liquidat(?:ed|ing|es?)|neutrali[sz](?:ed|ing|es?)|"
    r"annihilat(?:ed|ing|es?)|wip(?:ed|ing|es?)\s+out)"
)
_CLAIM_PATTERNS: list[re.Pattern[str]] = [
    # "destroyed up to 70 Ukrainian soldiers", "eliminated 40 Russians, four tanks and a depot",
    # "destroyed a crossing, a depot, 75 invaders"
    re.compile(
        rf"\b{_ENEMY_VERB}\s+(?:[^.;:!?]{{0,60}}?(?:,|\s+and)\s+)?(?!an?\s){COUNT}\s+"
        rf"(?:[\w’'-]+\s+){{0,3}}?{_FORCE}\b",
        re.IGNORECASE,
    ),
    # "More than 200 invaders were destroyed", "35 military units of the Armed Forces ... destroyed"
    re.compile(
        rf"{_START}{COUNT}\s+(?:[\w’'-]+\s+){{0,3}}?{_FORCE}(?:\s+of\s+[^.;:!?]{{1,60}}?)?"
        rf"\s+(?:(?:were|was|have\s+been|had\s+been|been)\s+)?{_ENEMY_VERB}\b",
        re.IGNORECASE,
    ),
    # "Losses of the Armed Forces ... per day amounted to 50 people", "losses ... were about 20"
    re.compile(
        rf"\blosses\b[^.;:!?\d]{{0,120}}?\b(?:amounted\s+to|totall?ed|reached|were|was|stood\s+at|of)\s+{COUNT}\b",
        re.IGNORECASE,
    ),
    # "Armed Forces of Ukraine lost up to 40 servicemen", "the enemy lost more than 200 soldiers",
    # "Over 250 servicemen lost in Donetsk direction"
    re.compile(
        rf"\blost\s+{COUNT}\s+(?:[\w’'-]+\s+){{0,2}}?(?:{_FORCE}|people|men|persons)\b", re.IGNORECASE
    ),
    re.compile(rf"{_START}{COUNT}\s+(?:[\w’'-]+\s+){{0,2}}?{_FORCE}\s+(?:were\s+)?lost\b", re.IGNORECASE),
]


def _enemy_claims(text: str, offset: int) -> list[tuple[int, int, Figure]]:
    """A belligerent's claims of the enemy's losses: (start, end, figure) each.

    "Destroyed", "eliminated" and "liquidated" people, "losses" and "lost N servicemen" are what
    one side says of the other's dead (or dead and wounded together, for "losses"). Coders do not
    take such a number as the toll (UCDP keeps it only as the high estimate): it says that
    people were killed, so the figure is "at least 2" (the least a plural report supports) up to
    the number claimed, qualified "claimed", and it counts as vague when figures are reconciled.
    """
    out: list[tuple[int, int, Figure]] = []
    for pattern in _CLAIM_PATTERNS:
        for m in pattern.finditer(text):
            if any(m.start() < e and s < m.end() for s, e, _ in out):
                continue
            span = Span(offset + m.start(), offset + m.end(), m.group(0))
            fig = parse_count(m.group("qual"), m.group("num"), span, m.group("num2"))
            if fig is None or fig.low == 0:
                continue
            out.append((m.start(), m.end(), _as_claim(fig)))
    return out


def _as_claim(fig: Figure) -> Figure:
    """A count of people called by an enemy's name ("killing 80 invaders") as a claimed figure."""
    top = fig.high if fig.high is not None else fig.low
    return Figure(min(2, fig.low), top, "claimed", fig.span)


#: A unit that ends where the list goes on (or ends): preferred, so that "A local chief leading a
#: group of elders and his son" is not cut after "A local".
_UNIT_ITEM_SEP = re.compile(rf"(?:{_UNIT_ITEM.pattern})(?=\s*$|{_SEP})", re.IGNORECASE)
_BARE_ITEM = re.compile(rf"{_MOD}(?P<bare>{_PERSON_SG}){_SG_END}{_BARE_END}", re.IGNORECASE)
_SEP_RE = re.compile(_SEP, re.IGNORECASE)


@dataclass
class FigureMatch:
    kind: str  # killed (victims), injured, or perpetrators_killed (attackers killed)
    figure: Figure
    period: bool = False  # a tally over a period ("this year", "over the past month")
    part: bool = False  # a part of a count stated elsewhere ("Among the dead were two students")
    #: Who the figure counts: "civilians" (the words say so), "combatants" (armed forces, police,
    #: armed groups) or None (people in general, or a mix).
    victims: str | None = None
    #: The non-combatant part of the figure when its own words separate it ("10 people, including
    #: five civilians" -> 5; "11 civilians and a soldier" -> 11; "seven people, including a
    #: policeman" -> 6).
    civilians: Figure | None = None
    #: Told as an aside to another count: "the toll rose to 12, with eight civilians killed".
    aside: bool = False
    #: Victims on top of those already counted: "killed four others", "Her driver also died".
    additional: bool = False
    #: An earlier event the text recalls, not its own: "two weeks after the same group killed 11
    #: civilians", "the same group that murdered 15 migrants", "the 2011 killing of five women".
    background: bool = False
    #: An additional victim who died after the first toll was counted: "Another victim died later
    #: in hospital", "two others succumbed to their wounds overnight".
    died_later: bool = False
    #: That victim was counted among the wounded first: "A rescuer injured in the attack died in
    #: hospital" adds to the toll of a report that counted wounded ("one dead, four injured").
    was_wounded: bool = False


#: Verb phrases of the injured ("in critical condition" too).
_INJURY_WORDS = (
    "injur", "wound", "hurt", "hospital", "maim", "sustained", "suffered", "received", "treated", "wia",
    "in ",
)  # fmt: skip


def _kind(verb: str) -> str:
    word = re.sub(r"\s+", " ", verb.lower())
    if "fatal" in word or "incompatible with life" in word:
        return "killed"  # "sustained fatal injuries", "fatally wounded", "injuries incompatible with life"
    if word.startswith(_INJURY_WORDS):
        return "injured"
    if word.startswith("shot and") and word.endswith(("wounded", "injured")):
        return "injured"
    if word.startswith("number of") and ("injured" in word or "wounded" in word):
        return "injured"
    return "killed"


def _units(text: str, base: int) -> list[tuple[Figure, bool]]:
    """The counts of a list phrase ("nine men and four women"): (figure, is_perpetrator) each."""
    out: list[tuple[Figure, bool]] = []
    pos = 0
    prev_comma, prev_named, prev_article = False, False, False
    while True:
        u = (
            _UNIT_ITEM_SEP.match(text, pos)
            or _UNIT_ITEM.match(text, pos)
            or (_BARE_ITEM.match(text, pos) if pos else None)
        )
        if u is None:
            break
        groups = u.groupdict()
        thing = _THING_AFTER.match(text, u.end()) if groups.get("num") is not None else None
        if thing is not None and not any(groups.get(g) for g in ("pl", "sg", "bare", "bare0", "age")):
            sep = _SEP_RE.match(text, thing.end())  # "and 83 cows": not people
            if sep is None:
                break
            pos = sep.end()
            continue
        pos = u.end()
        sep = _SEP_RE.match(text, pos)
        if sep is not None:
            pos = sep.end()
        this_comma = bool(sep) and sep.group(0).strip() == ","
        span = Span(base + u.start(), base + u.end(), u.group(0))
        groups = u.groupdict()
        noun = (
            groups.get("pl")
            or groups.get("sg")
            or groups.get("bare")
            or groups.get("bare0")
            or groups.get("age")
        )
        if groups.get("family"):
            fig = parse_count(None, groups["family"], span)  # "a family of seven": seven people
            if fig is None:
                break
        elif groups.get("num") is not None and re.match(
            r"[-–\s]*(?:year|month)s?[-–\s]*old", text[u.end("num") :]
        ):
            fig = Figure(1, 1, None, span)  # "94-year-old mother-in-law": one person
        elif groups.get("num") is not None:
            if not noun and _OBJECT_WORDS.search(_AGE.sub("", u.group(0))):
                continue
            fig = parse_count(u.group("qual"), u.group("num"), span, u.group("num2"))
            if fig is None or (out and fig.qualifier and not fig.exact and not noun):
                break  # "killed 10 civilians, some with knives": not another count
        elif groups.get("both"):
            fig = Figure(2, 2, None, span)
        elif noun or groups.get("name") or groups.get("gen") or groups.get("another") or groups.get("pron"):
            fig = Figure(1, 1, None, span)
        else:
            continue
        if out and prev_comma and _describes_previous(text[u.start() :], out[-1][0]):
            break  # "One man, a security guard,", "Two men, a farmer and his son,": the same people
        if out and re.match(r"\S+\s+of\s+(?:them|whom|those)\b", u.group(0), re.I):
            if sep is None:
                break
            continue  # "Seven people, six of them children": a part of the count before it
        perp = bool(noun and _PERP_RE.fullmatch(noun.strip()))
        named = bool(groups.get("name"))
        bare = bool(groups.get("bare") or groups.get("bare0"))
        article = bool(groups.get("sg")) and bool(re.match(r"an?\s", u.group(0), re.IGNORECASE))
        if out and prev_comma and fig.low == 1 and fig.high == 1 and named != prev_named:
            prev_named = named  # "Pamo Hobobo, a former acting chairman": one person, described
        elif out and prev_article and bare and not prev_comma:
            pass  # "a prominent elder and businessman": one article, one person with two roles
        else:
            out.append((fig, perp))
            prev_named = named
        prev_comma = this_comma
        prev_article = article
        if sep is None:
            break
    return out


def _describes_previous(rest: str, previous: Figure) -> bool:
    """Whether the last comma-separated part of a list ("a security guard", "a farmer and his son")
    describes the people just counted rather than adding to them: it opens with an article, is the
    list's last part, and names as many people as the count before it."""
    rest = rest.rstrip().rstrip(",").strip()
    if "," in rest or not re.match(r"(?:a|an|the)\s", rest, re.IGNORECASE) or previous.high != previous.low:
        return False
    return len(re.split(r"\s+and\s+", rest)) == previous.low


def _combine(figs: list[Figure], span: Span) -> Figure:
    if len(figs) == 1:
        return Figure(figs[0].low, figs[0].high, figs[0].qualifier, span)
    low = sum(f.low for f in figs)
    high = None if any(f.high is None for f in figs) else sum(f.high for f in figs)  # type: ignore[misc]
    quals = [f.qualifier for f in figs if f.qualifier]
    qualifier = quals[0] if quals and high is None else None
    return Figure(low, high, qualifier, span)


def _window(text: str, start: int, end: int) -> str:
    """A figure's line, up to the sentence's end."""
    line_start = max(text.rfind("\n", 0, start), text.rfind(". ", 0, start), text.rfind(";", 0, start)) + 1
    stops = [i for i in (text.find("\n", end), text.find(". ", end), text.find(";", end)) if i >= 0]
    line_end = min(stops) if stops else len(text)
    return text[line_start:line_end]


def _period(text: str, start: int, end: int) -> bool:
    """Whether the words around a figure (its line, up to the sentence's end) name a period tally."""
    window = _window(text, start, end)
    for m in _PERIOD.finditer(window):
        if not _PERIOD_NOT.search(window[max(0, m.start() - 40) : m.start()]):
            return True
    return False


def _war_long(text: str, start: int, end: int, fig: Figure) -> bool:
    """Whether a count of several people is the whole war's toll: "lost 9,000 defenders in the war"
    (`_IN_THE_WAR`), or a state or its people killing them with no place narrower than a country
    (`_NATIONWIDE`)."""
    if max(fig.low, fig.high or 0) < 2:
        return False
    window = _window(text, start, end)
    if _IN_THE_WAR.search(window):
        return True
    m = _NATIONWIDE.match(window)
    if m is None:
        return False
    from sitrep.geo.gazetteer import get_gazetteer
    from sitrep.geo.recognize import demonym_country

    g = get_gazetteer()
    agent = m.group("agent")
    state = g.country(agent) is not None or (agent.endswith("s") and demonym_country(agent) is not None)
    return state and g.country(m.group("where")) is not None


_PERP_INCLUDED = re.compile(
    r"^\s*,?\s*(?:\(|[-–—]\s*)?(?:including|among\s+them)\s+(?:the\s+)?"
    r"(?:(?P<n>\d+|one|two|three|four|five|six|seven|eight|nine|ten)\s+)?"
    rf"(?:(?:alleged|suspected|suicide|lone|would-be)\s+)?(?P<perp>{_PERP_PL}|{_PERP_SG})\b",
    re.IGNORECASE,
)


_YEAR = re.compile(r"(?:19|20)\d\d")
_MONTH_BEFORE = re.compile(
    r"\b(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|"
    r"Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?\s+$"
)
_ACTIVE_OBJECT = re.compile(rf"\s+(?:{COUNT}\b|(?:the|his|her|their|its)\b)", re.IGNORECASE)


def _is_year(m: re.Match[str], text: str) -> bool:
    """'On 19 September 2023, gunmen shot dead ...': a year is not a count."""
    group = next((g for g in ("num", "list") if m.groupdict().get(g)), None)
    if (
        group is not None
        and re.fullmatch(r"\d{1,2}", m.group(group).strip())
        and _MONTH_BEFORE.search(text[max(0, m.start(group) - 12) : m.start(group)])
    ):
        return True  # "wounded on July 15, dies": a day of the month is not a count either
    if group is None or not _YEAR.fullmatch(m.group(group).strip()):
        return False
    after = text[m.end(group) : m.end(group) + 1]
    before = text[max(0, m.start(group) - 12) : m.start(group)]
    return after == "," or bool(re.search(r"(?:[A-Za-z]{3,}\.?|\b(?:in|since|of|year))\s*$", before))


_DEAD_NOUN = r"(?:killed|dead|victims|casualties|fatalities|deceased|(?:found|confirmed)\s+dead)"
_BE = r"(?:were|was|are|is)"
_SHARE_COUNT = rf"(?:(?:at\s+least|about|some|nearly|almost)\s+)?(?:\d+|{WORD_NUMBER})"
#: A share of the dead: "At least two of those killed were police", "Three of the dead were
#: policemen and six were civilian staff", "Of the 15 people found dead, six are suspected militants
#: and nine are civilians".
_SHARE = re.compile(
    rf"{_START}(?P<n>{_SHARE_COUNT})\s+of\s+(?:the|those)\s+(?:[\w-]+\s+){{0,2}}?{_DEAD_NOUN}"
    rf"(?:\s+(?!{_BE}\b)[^\s,;.]+){{0,6}}?\s+{_BE}\s+(?:also\s+)?(?P<what>[^,;.]{{1,120}})"
    rf"|\bof\s+the\s+(?:\d+|{WORD_NUMBER})\s+(?:[\w-]+\s+){{0,2}}?(?:{_DEAD_NOUN}|bodies)[^,;.]{{0,60}},\s*"
    rf"(?P<n0>{_SHARE_COUNT})\s+{_BE}\s+(?P<what0>[^,;.]{{1,120}})"
    rf"|(?<=,\s)(?P<n1>{_SHARE_COUNT})\s+of\s+(?:which|whom|them)\s+{_BE}\s+(?:also\s+)?(?P<what1>[^,;.]{{1,120}})"
    rf"|\bamong\s+(?:the|those)\s+{_DEAD_NOUN}\s*,\s*(?P<n2>{_SHARE_COUNT})\s+{_BE}\s+(?P<what2>[^,;.]{{1,120}})",
    re.IGNORECASE,
)
#: The sentence before "five of whom were civilians" last counted the dead (not the wounded).
_DEAD_LAST = re.compile(
    r"\b(?:killed|dead|died|deaths?|lives|fatalities)\b(?:(?!\b(?:wound|injur|hurt)\w*)[^.;])*$",
    re.IGNORECASE,
)
_SHARE_MORE = re.compile(
    rf"\s*,?\s+(?:and|while|whereas|but)\s+(?:the\s+(?:other|remaining)\s+)?(?P<n>{_SHARE_COUNT})\s+"
    rf"(?:others?\s+)?{_BE}\s+",
    re.IGNORECASE,
)
#: A list of the dead: "The dead included six civilians and eight police officers", "Among the
#: victims were two soldiers", "One paramilitary soldier was among the dead".
#: Where a listed breakdown ends, so that "four members of the security forces" is read whole.
_LIST_END = r"(?=\s*(?:[,.;:)]|$)|\s+(?:and|in|on|at|who|whom|when|while|after|during|as|near|from|with)\b)"
_INCLUDED = re.compile(
    rf"\b(?:the\s+)?(?:dead|killed|victims|fatalities)\s+(?:includ(?:ed|es|e)|(?:were|was)\s+among\s+them)\s+"
    rf"(?P<list>{_LIST}){_LIST_END}"
    rf"|\bamong\s+(?:the|those)\s+(?:dead|killed|victims|fatalities)\s+{_BE}\s+(?P<list2>{_LIST}){_LIST_END}"
    rf"|{_START}(?P<list3>{_LIST_SUBJ})\s+{_BE}\s+(?:also\s+)?among\s+(?:the|those)\s+(?:dead|killed|victims|fatalities)\b",
    re.IGNORECASE,
)


_SHARE_GROUPS = (("n", "what"), ("n0", "what0"), ("n1", "what1"), ("n2", "what2"))


def _shares(text: str, offset: int) -> list[tuple[int, int, FigureMatch]]:
    """Parts of a toll told apart from it, with whom they count: (start, end, match) each.

    They are `part` figures (never the toll itself); `pick_civilians` reads the non-combatants
    from them."""
    out: list[tuple[int, int, FigureMatch]] = []
    for m in _SHARE.finditer(text):
        if m.group("n1") and not _DEAD_LAST.search(_sentence_before(text, m.start())):
            continue  # "30 were wounded, five of whom were children": not a share of the dead
        n_text, what = next((m.group(n), m.group(w)) for n, w in _SHARE_GROUPS if m.group(n))
        pieces = [(n_text, what)]
        while more := _SHARE_MORE.search(pieces[-1][1]):  # "three were policemen and six were civilian staff"
            head, rest = pieces[-1][1][: more.start()], pieces[-1][1][more.end() :]
            pieces[-1] = (pieces[-1][0], head)
            pieces.append((more.group("n"), rest))
        span = Span(offset + m.start(), offset + m.end(), m.group(0))
        for n_word, words in pieces:
            q = re.match(r"(at\s+least|about|some|nearly|almost)\s+(.+)", n_word, re.IGNORECASE)
            fig = parse_count(q.group(1), q.group(2), span) if q else parse_count(None, n_word, span)
            if fig is None:
                continue
            share = FigureMatch("killed", fig, part=True, victims=victims_class(words))
            out.append((m.start(), m.end(), share))
    for m in _INCLUDED.finditer(text):
        if any(m.start() < e and s < m.end() for s, e, _ in out):
            continue
        group = next(g for g in ("list", "list2", "list3") if m.group(g))
        span = Span(offset + m.start(), offset + m.end(), m.group(0))
        for fig, perp in _units(m.group(group), offset + m.start(group)):
            if perp:
                continue
            cls = victims_class(fig.span.text) if fig.span is not None else None
            share = FigureMatch("killed", Figure(fig.low, fig.high, fig.qualifier, span), False, True, cls)
            out.append((m.start(), m.end(), share))
    return out


def _sentence_before(text: str, start: int) -> str:
    """The words of a match's sentence before it."""
    cut = max(text.rfind(". ", 0, start), text.rfind(";", 0, start), text.rfind("\n", 0, start))
    return text[cut + 1 : start]


#: A subordinate clause that recalls an earlier event: "(came two weeks) after the same group
#: killed", "the same group that murdered", "fired over the 2011 killing of".
_RECALL_BEFORE = re.compile(
    r"\b(?:(?:days?|weeks?|months?|years?)\s+(?:after|before)|the\s+same\s+(?:[\w-]+\s+){0,2}?(?:that|who|which))"
    r"\s+[^,;:.]*$"
    r"|(?:\b(?:19|20)\d\d|\blast\s+(?:year|month)[’']s)\s+(?:(?:killings?|murders?|massacres?|deaths?)\s+of\s+)?$",
    re.IGNORECASE,
)
#: "when seven people died there in rioting earlier this month": a time the text looks back to.
_EARLIER_AFTER = re.compile(
    r"[^,;:.]{0,60}?\b(?:earlier\s+this\s+(?:month|year)|last\s+(?:month|year))\b", re.IGNORECASE
)


def _background(text: str, start: int, end: int) -> bool:
    """Whether a count belongs to an earlier event the clause recalls rather than its own."""
    before = _sentence_before(text, start)
    if _RECALL_BEFORE.search(before):
        return True
    return bool(re.search(r"\bwhen\s+$", before, re.IGNORECASE) and _EARLIER_AFTER.match(text, end))


#: A later or final count of the same event: "Later totals indicate that 13 people were killed".
_LATER_TOTAL = re.compile(
    r"\b(?:later|subsequent|final|updated|revised)\s+(?:totals?|tolls?|figures?|counts?|tall(?:y|ies)|"
    r"reports?|estimates?)\b[^;:]*$",
    re.IGNORECASE,
)

_ADDITIONAL = re.compile(
    r"\b(?:others?|another|also|additional|further)\b|\bmore\b(?!\s+than)", re.IGNORECASE
)
_ASIDE_BEFORE = re.compile(r"\b(?:with|including)\s+$", re.IGNORECASE)
#: Words after a death that place it later than the first count ("died later in hospital").
_DIED_LATER = re.compile(
    r"^[^.;!?\n]{0,40}?\b(?:later|subsequently|overnight|in\s+(?:the\s+)?hospital|(?:of|from|to)\s+"
    r"(?:his|her|their)\s+(?:[\w-]+\s+)?(?:wounds|injuries))\b",
    re.IGNORECASE,
)


#: Deaths told after the wounded were taken to hospital: "21 were taken to the district hospital,
#: where one victim died", "The injured were rushed to hospital and two later died".
_HOSPITAL_WHERE = re.compile(
    r"\b(?:taken|rushed|admitted|evacuated|transferred|brought|airlifted|flown)\s+to\s+"
    r"[^.;!?\n]{0,60}?\bhospitals?\b[^.;!?\n,]{0,30}?,?\s*(?:where|and)\s+(?:(?:later|subsequently)\s+)?$",
    re.IGNORECASE,
)


def find_figures(text: str, offset: int = 0) -> list[FigureMatch]:
    """All casualty figures in `text` (a clause), with spans shifted by `offset` into the report."""
    found: list[FigureMatch] = []
    taken: list[tuple[int, int]] = []

    def free(s: int, e: int) -> bool:
        return not any(s < te and ts < e for ts, te in taken)

    for m in _NONE_RE.finditer(text):
        word = next(g for g in (m.group("v1"), m.group("v2"), m.group("v3"), m.group("v4")) if g).lower()
        span = Span(offset + m.start(), offset + m.end(), m.group(0))
        if word in {"casualties", "victims"}:
            kinds = ["killed", "injured"]
        elif word in {"deaths", "fatalities"} or word.startswith("loss"):
            kinds = ["killed"]
        elif word in {"unhurt", "unharmed", "uninjured", "harmed"}:
            kinds = ["injured"]
        else:
            kinds = [_kind(word)]
        for kind in kinds:
            found.append(FigureMatch(kind, Figure(0, 0, "none", span)))
        taken.append((m.start(), m.end()))

    for m in _ORDINAL_DEAD.finditer(text):
        n = _ORDINALS[(m.group("o1") or m.group("o2") or m.group("o3")).lower()]
        span = Span(offset + m.start(), offset + m.end(), m.group(0))
        found.append(FigureMatch("killed", Figure(n, n, UPDATE, span)))
        taken.append((m.start(), m.end()))

    for start, end, share in _shares(text, offset):
        found.append(share)
        taken.append((start, end))

    for start, end, fig in _enemy_claims(text, offset):
        if free(start, end) and not _DENIAL.search(text[max(0, start - 60) : start]):
            period = _period(text, start, end) or _war_long(text, start, end, fig)
            found.append(FigureMatch("killed", fig, period))
            taken.append((start, end))

    for name, pattern in _PATTERNS:
        for m in pattern.finditer(text):
            if not free(m.start(), m.end()):
                continue
            if _DENIAL.search(text[max(0, m.start() - 60) : m.start()]):
                continue
            if _is_year(m, text):
                continue
            if name in {"passive", "shot_passive"} and _ACTIVE_OBJECT.match(text, m.end("verb")):
                continue  # "A suicide bomber killed at least seven people": the subject is not a victim
            results = _read(name, m, text, offset)
            if not results:
                continue
            verb_start, verb_end = m.start("verb"), m.end("verb")
            if _CASUALTIES_AFTER.match(text, verb_end) or _CASUALTIES_BEFORE.search(
                text[max(0, verb_start - 30) : verb_start]
            ):
                continue  # "killed or wounded 47": dead and wounded together
            if name.startswith("shot") or m.group("verb").lower() == "casualties":
                if name.startswith("shot") and _SURVIVED.search(text):
                    continue
                results = _unspecified(results)
            period = _period(text, m.start(), m.end())
            background = _background(text, m.start(), m.end())
            later = bool(_LATER_TOTAL.search(_sentence_before(text, m.start())))
            part = bool(_PART_BEFORE.search(text[max(0, m.start() - 60) : m.start()]))
            if name == "single" and re.search(
                r"\b(?:he|she)\s+$", text[max(0, m.start() - 10) : m.start()], re.I
            ):
                part = True  # "He was killed by a police gunshot": a victim counted before
            aside = bool(_ASIDE_BEFORE.search(text[max(0, m.start() - 20) : m.start()]))
            before = text[max(0, m.start() - 8) : m.start()]
            more = bool(_ADDITIONAL.search(m.group(0)) or re.search(r"\balso\s+$", before))
            died_later = more and bool(_DIED_LATER.search(text[m.end() - 1 :]))
            was_wounded = name == "wounded_died" or bool(
                _HOSPITAL_WHERE.search(_sentence_before(text, m.start()))
            )
            if was_wounded:
                more = died_later = True  # one of the wounded has died since: a later death
            for kind, fig, whole, civilians in results:
                if fig.low == 0 and fig.high == 0 and fig.qualifier is None:
                    continue
                if kind == "killed" and not period and _war_long(text, m.start(), m.end(), fig):
                    period = True
                if kind == "killed" and fig.span is not None and _ENEMY_WORDS.search(fig.span.text):
                    fig = _as_claim(fig)  # "killing 80 invaders": one side's word for the other's dead
                if later and kind == "killed" and not (fig.qualifier or "").startswith(UPDATE):
                    fig = as_update(fig)  # "Later totals indicate that 13 people were killed"
                found.append(
                    FigureMatch(
                        kind,
                        fig,
                        period,
                        part,
                        whole,
                        civilians,
                        aside,
                        more,
                        background,
                        died_later,
                        was_wounded,
                    )
                )
            taken.append((m.start(), m.end()))
    found.sort(key=lambda f: f.figure.span.start if f.figure.span else 0)
    return found


def _unspecified(
    results: list[tuple[str, Figure, str | None, Figure | None]],
) -> list[tuple[str, Figure, str | None, Figure | None]]:
    """Victims' counts whose words do not say they died, as `UNSPECIFIED` killed figures."""
    out: list[tuple[str, Figure, str | None, Figure | None]] = []
    for kind, fig, whole, civilians in results:
        if kind == "perpetrators_killed":
            continue
        out.append(("killed", Figure(fig.low, fig.high, UNSPECIFIED, fig.span), whole, civilians))
    return out


_INTRANSITIVE = re.compile(r"dead|died|die|dies|perished|lost\s+\w+\s+li(?:ves|fe)|martyred", re.IGNORECASE)
_NO_OBJECT = re.compile(r"dead|died|die|dies|perished|wounded|injured|hurt", re.IGNORECASE)
_PREP_BEFORE = re.compile(r"\b(?:by|of|from|in|at|on|the|with|for|to|against)\s+$", re.IGNORECASE)
#: An active killing verb right before a count: the count is its object, not a passive subject.
_ACTIVE_BEFORE = re.compile(rf"\b(?:{_KILL_ACTIVE}|{_INJURE_ACTIVE})\s+$", re.IGNORECASE)
_MODAL_BEFORE = re.compile(
    r"\b(?:to|will|would|could|can|may|might|must|should|shall|not|never|n't|did|does|do)\s+$", re.IGNORECASE
)


def _not_a_report(name: str, m: re.Match[str], text: str) -> bool:
    """Matches that look like a count but are not one, by the words around them."""
    verb = m.group("verb")
    adv = (m.groupdict().get("adv") or "").lower().split()
    if name in {"passive", "shot_passive"}:
        if _ACTIVE_BEFORE.search(text, 0, m.start()):
            return True  # "shelling kills three people, leaves another three wounded": an object
        if adv and adv[-1] in {"has", "have", "had"} and not _INTRANSITIVE.fullmatch(verb):
            return True  # "a suicide bomber has killed four people": active perfect
        passive_aux = {"were", "was", "been", "be", "being", "is", "are", "got", "get"}.intersection(adv)
        if not passive_aux and not _NO_OBJECT.fullmatch(verb) and _OBJECT_AHEAD.match(text[m.end("verb") :]):
            return True  # "Gunmen on Sunday killed 12 villagers": with an object, the verb is active
        if (
            re.fullmatch(r"\d+", m.group("list").strip())
            and re.search(r",\s*$", text[: m.start()])
            and re.match(r"\s*,", text[m.end("list") :])
        ):
            return True  # "Ricardo Campos, 30, died": an age in apposition
    if name == "named" and _PREP_BEFORE.search(text, 0, m.start()):
        return True  # "an attack by the Russian Federation died ...": the name is not the subject
    # "threatened to kill 100 people": not a report of deaths
    return name == "active" and verb.lower() == "kill" and bool(_MODAL_BEFORE.search(text[: m.start()]))


_HEADLINE_ITEM = re.compile(
    rf"(?:(?!(?:the|a|an|his|her|their|no)\b)[\w’'-]+\s+){{0,3}}?{_PERSON_SG}{_SG_END}", re.I
)


def _headline_list_before(text: str, start: int, offset: int) -> list[Figure]:
    """The other victims of a headline's comma list ("Child, man killed", "Two soldiers, medic
    killed"): the items from the line's start to the last one, each a bare singular person (one)
    or a count of people. Empty unless every item is one of those (prose: "In Kharkiv, a man ...")."""
    line_start = text.rfind("\n", 0, start) + 1
    prefix = text[line_start:start].rstrip()
    if not prefix.endswith(","):
        return []
    prefix = re.sub(r"^\s*(?:(?:UPDATE|WRAPUP|RPT)\b[\s\d-]*)?", "", prefix[:-1])
    out: list[Figure] = []
    pos = line_start + (len(text[line_start:start].rstrip()) - 1 - len(prefix))
    for part in prefix.split(","):
        item = part.strip()
        here = Span(offset + pos, offset + pos + len(part), part)
        pos += len(part) + 1
        if _HEADLINE_ITEM.fullmatch(item):
            out.append(Figure(1, 1, None, here))
            continue
        unit = _UNIT_ITEM.fullmatch(item)
        fig = parse_count(unit.group("qual"), unit.group("num"), here) if unit and unit.group("pl") else None
        if fig is None:
            return []
        out.append(fig)
    return out


def _single(m: re.Match[str], text: str, span: Span) -> list[tuple[Figure, bool]]:
    """One victim of "was killed": none when the clause is unsure ("whether anyone was hurt")."""
    before = text[: m.start()]
    clause_start = max(before.rfind("."), before.rfind(";"), before.rfind("\n")) + 1
    if _UNCERTAIN.search(before[clause_start:]):
        return []
    subject = before[max(clause_start, len(before) - 50) :]
    perp = bool(re.search(rf"\b(?:{_PERP_SG})\b[^,]{{0,12}}$", subject, re.IGNORECASE))
    return [(Figure(1, 1, None, span), perp)]


#: Mob violence: whoever it kills is its victim, even "kidnappers" or "thieves".
_MOB = re.compile(r"lynch|\s+by\s+(?:an?\s+|the\s+)?(?:angry\s+|irate\s+)?mob\b", re.IGNORECASE)


#: A plural verb after the subject: "... and his wife were killed" (two people, not one).
_PLURAL_VERB = re.compile(r"\s*,?\s*(?:were|have\s+been|had\s+been|are|both)\b", re.IGNORECASE)


def _another_conjunct(text: str, m: re.Match[str], figs: list[tuple[Figure, bool]]) -> bool:
    """Whether a one-person subject is the last conjunct of a longer one the list did not read:
    "The deputy head of the city council for housing and his wife were killed" (its head "and",
    then a plural verb): one more victim, so at least two."""
    if len(figs) != 1 or not figs[0][0].exact or figs[0][0].low != 1:
        return False
    if not re.search(r"\w\s+and\s+$", text[max(0, m.start() - 12) : m.start()]):
        return False
    head = re.split(r"[,;:.!?\n]", text[max(0, m.start() - 120) : m.start()])[-1]
    if re.search(r"\b(?:was|were|is|are|has|have|had)\b", head):
        return False  # "the house was hit and his wife ...": "and" joins clauses, not people
    between = text[m.end("list") : m.start("verb")]
    return bool(_PLURAL_VERB.match(between)) and not re.search(r"\b(?:was|is|has)\b", between)


def _read(
    name: str, m: re.Match[str], text: str, offset: int
) -> list[tuple[str, Figure, str | None, Figure | None]]:
    """The figures one pattern match states, as (kind, figure, victims class, civilian part)."""
    span = Span(offset + m.start(), offset + m.end(), m.group(0))
    kind = _kind(m.group("verb"))
    groups = m.groupdict()
    if name in {"toll", "noun", "lives"}:
        between = text[m.start("num") : m.start("verb")] if m.start("verb") > m.start("num") else ""
        if _OBJECT_WORDS.search(_AGE.sub("", between)):
            return []
        fig = parse_count(m.group("qual"), m.group("num"), span, m.group("num2"))
        if (
            fig is not None
            and name == "toll"
            and (
                _RISEN.search(text, m.end("verb"), m.start("num"))
                or _RAISED_BEFORE.search(text, max(0, m.start() - 30), m.start())
            )
        ):
            fig = as_update(fig)  # "the death toll rose to 9": the incident's latest count
        return [(kind, fig, victims_class(m.group(0)), None)] if fig is not None else []
    if _not_a_report(name, m, text):
        return []
    if _SHOT_DOWN.match(groups.get("verb") or "") and _AIRCREW.search(groups.get("list") or ""):
        return []  # "two pilots were shot down": their aircraft was; they may have lived
    if name == "self":
        perp = bool(_PERP_RE.search(_sentence_before(text, m.start())))  # "The bomber killed himself"
        return [("perpetrators_killed" if perp else "killed", Figure(1, 1, None, span), None, None)]
    if name == "wounded_died":
        return [("killed", Figure(1, 1, None, span), victims_class(m.group("list")), None)]
    if name in {"body", "succumbed"}:
        return [("killed", Figure(1, 1, None, span), None, None)]
    if name == "headline":
        if not _NO_OBJECT.fullmatch(m.group("verb")) and _OBJECT_AHEAD.match(text[m.end("verb") :]):
            return []  # "Ukrainian soldier killed three civilians": active
        figs = [(Figure(1, 1, None, span), bool(_PERP_SG_RE.search(m.group("list"))))]
        figs += [(f, False) for f in _headline_list_before(text, m.start("list"), offset)]
    elif name in {"single", "shot_single"}:
        figs = _single(m, text, span)
    else:
        listed, start = m.group("list"), m.start("list")
        day = re.match(r"\d{1,2}\s*,\s*", listed)
        if day and _MONTH_BEFORE.search(text[max(0, start - 12) : start]):
            listed, start = listed[day.end() :], start + day.end()  # "On May 3, 12 people were killed"
        figs = _units(listed, offset + start)
        if name == "passive" and _another_conjunct(text, m, figs):
            figs = [(Figure(1, 1, None, span), False), *figs]
    if not figs:
        return []
    if groups.get("extra"):
        figs += _units(groups["extra"], offset + m.start("extra"))
    if _MOB.search(m.group("verb")) or _MOB.match(text, m.end()):
        figs = [(f, False) for f, _ in figs]  # "Five alleged kidnappers were lynched": a mob's victims
    victims = [f for f, perp in figs if not perp]
    perps = [f for f, perp in figs if perp]
    # "Six people, two Turkish nationals and four Somalis": a total, then its parts
    if (
        len(victims) > 2
        and all(f.exact for f in victims)
        and victims[0].low == sum(f.low for f in victims[1:])
    ):
        victims = victims[:1]
    out: list[tuple[str, Figure, str | None, Figure | None]] = []
    if victims:
        total = _combine(victims, span)
        after = groups.get("aside") or ""
        if name != "passive":
            after += " " + text[m.end() : m.end() + 80]
        inc = _PERP_INCLUDED.match(after) if kind == "killed" else None
        if inc and total.low > 1:
            # "killing 10 people, including the bomber": nine victims and one attacker
            n = word_to_int(inc.group("n")) if inc.group("n") else None
            n = min(n or (1 if _PERP_SG_RE.fullmatch(inc.group("perp")) else 2), total.low - 1)
            high = None if total.high is None else total.high - n
            total = Figure(total.low - n, high, total.qualifier, span)
            perps.append(Figure(n, n, None, span))
        classes = [victims_class(f.span.text) if f.span is not None else None for f in victims]
        whole = classes[0] if len(set(classes)) == 1 else None
        civilians = None
        if kind == "killed":
            tail = (groups.get("aside") or "") + " " + _sentence_rest(text, m.end())
            civilians = _separated(victims, classes, span) or _breakdown(tail, total, span)
        out.append((kind, total, whole, civilians))
    if perps:
        out.append(("perpetrators_killed" if kind == "killed" else kind, _combine(perps, span), None, None))
    return out


def _sentence_rest(text: str, end: int, limit: int = 160) -> str:
    """The words after a match, up to the end of its sentence."""
    rest = text[end : end + limit]
    cut = re.search(r"[.;!?](?:\s|$)|\n", rest)
    return rest[: cut.start()] if cut else rest


def _separated(victims: list[Figure], classes: list[str | None], span: Span) -> Figure | None:
    """A list that names combatants beside other victims: the others are the non-combatants
    ("11 civilians and a soldier" -> 11; "four staff and two policemen" -> 4)."""
    if len(victims) < 2 or "combatants" not in classes or all(c == "combatants" for c in classes):
        return None
    return _combine([f for f, c in zip(victims, classes, strict=True) if c != "combatants"], span)


#: Where a total's breakdown starts: "10 people, including five civilians", "(five civilians and
#: one soldier)", "primarily police but including 8 civilians", "among them a policeman".
_BREAKDOWN_START = re.compile(
    r"(?:\b(?:including|among\s+them|among\s+whom|of\s+whom|among\s+the\s+(?:dead|victims)\s+(?:were|was))"
    r"\s+|\(\s*)",
    re.IGNORECASE,
)


_SOURCE_AFTER = re.compile(
    r"\s*,\s*(?=(?:[\w’'.-]+\s+){0,5}?(?:said|says|told|reported|added|stated|according)\b)|\s+according\b",
    re.IGNORECASE,
)
_OTHER_COUNT = re.compile(r"\b(?:wound|injur|hurt|maim|abduct|kidnap|arrest)", re.IGNORECASE)


def _breakdown(tail: str, total: Figure, span: Span) -> Figure | None:
    """The non-combatant part of `total` that a breakdown after it states: the total less the
    combatants it counts ("seven people, including a policeman" -> 6; "20 people including 15
    police and five civilians" -> 5), else the civilians it counts ("including five civilians" ->
    5). Uncounted parts ("including children") say nothing."""
    m = _BREAKDOWN_START.search(tail)
    if m is None or _NUMERAL.search(tail[: m.start()]) or _OTHER_COUNT.search(tail[: m.start()]):
        return None  # "ten were killed and six injured, including two policemen": not the dead's
    rest = _SOURCE_AFTER.split(tail[m.end() :], maxsplit=1)[0]  # "..., the army said": a source
    units = [f for f, perp in _units(rest, 0) if not perp]
    if not units:
        return None
    classes = [victims_class(f.span.text) if f.span is not None else None for f in units]
    civ = [f for f, c in zip(units, classes, strict=True) if c == "civilians"]
    comb = [f for f, c in zip(units, classes, strict=True) if c == "combatants"]
    if civ and not comb:
        low = sum(f.low for f in civ)
        if low <= total.low:
            high = None if any(f.high is None for f in civ) else sum(f.high or 0 for f in civ)
            return Figure(low, high, next((f.qualifier for f in civ if f.qualifier), None), span)
        return None
    if comb and total.exact or comb and total.qualifier in {"at least", "more than", "about"}:
        n = sum(f.low for f in comb)
        if n < total.low:
            high = None if total.high is None else total.high - n
            return Figure(total.low - n, high, total.qualifier, span)
    return None


def pick(found: list[FigureMatch], kind: str) -> Figure | None:
    """The figure of one kind a clause states: a total wins over its parts (a list adds up and a
    breakdown after "including" is read with its total); the clause's own count wins over a
    tally over a period; else the largest."""
    figures = [f for f in found if f.kind == kind and not f.part and not f.background]
    if not figures:
        return None
    current = [f for f in figures if not f.period] or figures
    current = [f for f in current if f.figure.qualifier != UNSPECIFIED] or current
    if len(current) > 1 and all(
        f.additional and f.figure.exact and f.figure.qualifier is None for f in current
    ):
        # "They also found two bodies outside, while the other body was found in the yard": each
        # count adds victims of its own, so together they are one addition
        spans = [f.figure.span for f in current if f.figure.span is not None]
        span = Span(spans[0].start, spans[-1].end, " … ".join(s.text for s in spans)) if spans else None
        n = sum(f.figure.low for f in current)
        return Figure(n, n, None, span)
    return max(current, key=lambda f: (f.figure.low, f.figure.high or f.figure.low)).figure


def pick_civilians(
    found: list[FigureMatch], total: Figure | None, before: Figure | None = None
) -> Figure | None:
    """The non-combatants among the killed, where the words tell them apart from combatants.

    In order: the total's own breakdown or list ("10 people, including five civilians" -> 5;
    "11 civilians and a soldier" -> 11); a civilians-only count beside a larger total in the same
    clause, beside combatants or as an aside ("killed 35 civilians ... left 80 militants dead" ->
    35; "the toll rose to 12, with eight civilians killed" -> 8); the civilians among the dead
    counted apart ("nine are civilians"); else the total less the combatants counted apart ("At
    least two of those killed were police" -> total - 2). `before` is the toll stated earlier in
    the incident, for shares told in a later sentence. None when the text does not separate them
    (a count of "people", of civilians alone or of soldiers alone).
    """
    killed = [f for f in found if f.kind == "killed" and not f.period and not f.background]
    own = [f for f in killed if not f.part]
    if total is not None:
        match = next((f for f in own if f.figure is total), None)
        if match is not None and match.civilians is not None:
            return match.civilians
        combatants = match is not None and match.victims == "combatants"
        civ = [
            f.figure
            for f in own
            if f.victims == "civilians" and f.figure.low < total.low and (f.aside or combatants)
        ]
        if civ:
            return max(civ, key=lambda f: f.low)
    base = total or before
    parts = [f for f in killed if f.part]
    civ_parts = [f.figure for f in parts if f.victims == "civilians"]
    comb_parts = [f.figure for f in parts if f.victims == "combatants"]
    if civ_parts:
        n = sum(f.low for f in civ_parts)
        if base is None or n <= base.low:
            return Figure(n, n, None, civ_parts[0].span)
    if comb_parts and base is not None:
        n = sum(f.low for f in comb_parts)
        if n < base.low:
            high = None if base.high is None else base.high - n
            return Figure(base.low - n, high, base.qualifier, comb_parts[0].span)
    return None


_NUMERAL = re.compile(rf"\d|\b(?:{WORD_NUMBER})\b", re.IGNORECASE)


_BODIES = re.compile(r"\b(?:bod(?:y|ies)|corpses?)\b", re.IGNORECASE)


def not_among(before: Figure, more: FigureMatch) -> bool:
    """Whether victims told as further ones ("A woman and two children were also killed") cannot
    be among an earlier toll that counted combatants only ("12 police officers were killed"): the
    non-combatants counted apart from the combatants."""
    return (
        more.additional
        and more.victims != "combatants"
        and before.span is not None
        and victims_class(before.span.text) == "combatants"
    )


#: A count that says it comes on top of one already told: "two more people", "three more bodies".
_MORE_WORD = re.compile(rf"\b(?:\d+|{WORD_NUMBER})\s+more\b(?!\s+than\b)", re.IGNORECASE)


def adds_to(before: Figure, more: FigureMatch) -> bool:
    """Whether `more` ("The bomb killed four others", "Her driver also died") counts victims on
    top of an earlier toll `before` of the same incident rather than restating or breaking it
    down: it is marked additional and specific, and the earlier toll described its victims one
    by one ("A tribal elder was killed", "the mayor") instead of giving a number, which would
    already sum them ("killed at least 40 people ... another nine were killed in X"); a victim
    who died later ("Another victim died later in hospital") adds to a number too."""
    if not more.additional or more.figure.qualifier is not None or not more.figure.exact:
        return False
    if more.kind == "killed" and _BODIES.search(more.figure.span.text if more.figure.span else ""):
        # "Two more bodies were found": a further discovery adds even to a number, or to a toll
        # already grown by earlier finds
        return before.exact and (before.qualifier is None or before.qualifier.startswith(UPDATE))
    text = before.span.text if before.span is not None else ""
    if more.died_later and more.kind == "killed":
        return before.exact and before.qualifier is None  # a later death is no part of the first toll
    if _MORE_WORD.search(more.figure.span.text if more.figure.span else ""):
        # "Five were killed in the bombing. Two more people were killed by gunmen": 5 + 2
        return before.qualifier in (None, "at least")
    if more.kind == "killed" and not_among(before, more):
        return before.qualifier in (None, "at least")
    return before.exact and before.qualifier is None and not _NUMERAL.search(text)
