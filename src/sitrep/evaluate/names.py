"""Name matching for actors and claimants: normalisation and a small, documented mapping.

Gold sets name actors and claimants in their own words ("Government of Russia (Soviet Union)",
"Saudi air force", "official representative of the Russian Defense Ministry, Lieutenant-General
Igor Konashenkov.") while sitrep uses ACLED-style actors ("Military Forces of Russia (2000-)") and
structured claimants (name, role, affiliation, kind). Both sides are reduced to comparable keys.

**Actors** (`actor_keys`, `actor_matches`): a name is case-folded, stripped of punctuation and of
parenthesised qualifiers ("(2000-)", "(Soviet Union)"), and mapped to a canonical key:

- a state's forces or government, "Military Forces of X", "Police Forces of X", "Government of X",
  "X military / army / air force / police / security forces / regime forces", "Syrian regime" with
  X a country or its demonym → ``state:<country>`` ("Military Forces of Russia (2000-)" and
  "Government of Russia (Russian Federation)" are both ``state:russia``);
- group aliases (`GROUP_ALIASES`): "ISIS", "ISIL", "IS", "Islamic State group (IS)" →
  ``islamic state``; "al Shabaab", "Al-Shabab" → ``al shabaab``; "Houthi rebels" → ``houthi``;
- unattributed perpetrators ("Unknown gunmen", "Unidentified Armed Group (Nigeria)") →
  ``unidentified``;
- anything else: the normalised string itself.

A gold value may list several perpetrators ("A; B"): a prediction is right when its key is one of
them. The gold strings "None" and "" mean "not coded" and are not scored.

**Claimants** (`claimant_category`, `gold_claimant_categories`): UCDP's `source_original` is free
text (about a thousand distinct strings in the Ukraine set), so both sides are mapped to the
categories in `CLAIMANT_CATEGORIES` by the ordered patterns in `_CLAIMANT_PATTERNS` (names of the
spokespeople and governors that recur in the gold included). A gold string is split into its
claimants (on ";", ",", new lines and " and ") and gets the union of their categories; a
prediction gets one category (the first pattern that matches its "affiliation role name" text;
an outlet claimant, i.e. no claimant found beyond the publishing outlet, is "Media"; an
unmatched claimant with a Ukrainian or Russian affiliation falls back to that government). The
prediction is right when its category is among the gold's, or when its normalised name equals one
of the gold claimants exactly.
"""

from __future__ import annotations

import re
import unicodedata

# -- normalisation ----------------------------------------------------------------------------------

_PARENS = re.compile(r"\([^)]*\)")
_PUNCT = re.compile(r"[^\w\s]+")
_SPACE = re.compile(r"\s+")


def normalise(name: str | None) -> str:
    """Case-folded, accents and punctuation removed, whitespace collapsed."""
    if not name:
        return ""
    text = unicodedata.normalize("NFKD", name)
    text = "".join(ch for ch in text if not unicodedata.combining(ch)).casefold()
    text = _PUNCT.sub(" ", text.replace("’", "'").replace("'s ", " "))
    return _SPACE.sub(" ", text).strip()


# -- actors -----------------------------------------------------------------------------------------

#: Demonyms and country-name variants, folded, to the country key used in ``state:<country>``.
COUNTRY_WORDS: dict[str, str] = {
    "russia": "russia", "russian": "russia", "russian federation": "russia", "soviet union": "russia",
    "ukraine": "ukraine", "ukrainian": "ukraine", "kiev": "ukraine", "kyiv": "ukraine",
    "syria": "syria", "syrian": "syria", "saudi": "saudi arabia", "saudi arabia": "saudi arabia",
    "turkey": "turkey", "turkish": "turkey", "turkiye": "turkey", "afghanistan": "afghanistan",
    "afghan": "afghanistan", "nigeria": "nigeria", "nigerian": "nigeria", "sudan": "sudan",
    "sudanese": "sudan", "iraq": "iraq", "iraqi": "iraq", "israel": "israel", "israeli": "israel",
    "egypt": "egypt", "egyptian": "egypt", "pakistan": "pakistan", "pakistani": "pakistan",
    "india": "india", "indian": "india", "myanmar": "myanmar", "burmese": "myanmar",
    "yemen": "yemen", "yemeni": "yemen", "iran": "iran", "iranian": "iran", "somalia": "somalia",
    "somali": "somalia", "cameroon": "cameroon", "cameroonian": "cameroon", "mali": "mali",
    "malian": "mali", "ethiopia": "ethiopia", "ethiopian": "ethiopia", "congo": "dr congo",
    "congolese": "dr congo", "drc": "dr congo", "democratic republic of congo": "dr congo",
    "philippines": "philippines", "philippine": "philippines", "filipino": "philippines",
    "burkina faso": "burkina faso", "burkinabe": "burkina faso", "niger": "niger",
    "libya": "libya", "libyan": "libya", "united states": "united states", "us": "united states",
    "american": "united states", "belarus": "belarus", "belarusian": "belarus",
    "south sudan": "south sudan", "south sudanese": "south sudan", "venezuela": "venezuela",
    "venezuelan": "venezuela", "mexico": "mexico", "mexican": "mexico", "colombia": "colombia",
    "colombian": "colombia", "bangladesh": "bangladesh", "bangladeshi": "bangladesh",
    "chad": "chad", "chadian": "chad", "kenya": "kenya", "kenyan": "kenya", "uganda": "uganda",
    "ugandan": "uganda", "mozambique": "mozambique", "mozambican": "mozambique",
    "burundi": "burundi", "burundian": "burundi", "china": "china", "chinese": "china",
}  # fmt: skip

_STATE_FORCES = (
    r"(?:military|army|armed forces|air ?force|airforce|navy|police|security forces|regime forces|"
    r"regime|forces|troops|soldiers|government forces|government|military forces|national guard|"
    r"border guards?|special forces|federal police|state security)"
)
_COUNTRY_ALT = "|".join(sorted((re.escape(k) for k in COUNTRY_WORDS), key=len, reverse=True))
_OF_STATE = re.compile(
    rf"^(?:the )?(?:military forces|police forces|government|armed forces|forces|army|air force)"
    rf" of (?:the )?(?P<c>{_COUNTRY_ALT})$"
)
_STATE_OF = re.compile(rf"^(?:the )?(?P<c>{_COUNTRY_ALT}) {_STATE_FORCES}$")

#: Group names: each normalised alias → its key.
GROUP_ALIASES: dict[str, str] = {
    "isis": "islamic state", "isil": "islamic state", "is": "islamic state", "daesh": "islamic state",
    "islamic state": "islamic state", "islamic state group": "islamic state",
    "islamic state group is": "islamic state", "islamic state iraq and the levant": "islamic state",
    "islamic state west africa province": "islamic state", "iswap": "islamic state",
    "al shabaab": "al shabaab", "al shabab": "al shabaab", "alshabaab": "al shabaab",
    "boko haram": "boko haram", "taliban": "taliban", "afghan taliban": "taliban",
    "houthi": "houthi", "houthis": "houthi", "houthi rebels": "houthi", "ansar allah": "houthi",
    "houthi movement": "houthi", "hamas": "hamas", "hezbollah": "hezbollah",
    "dpr": "dpr", "donetsk people republic": "dpr", "lpr": "lpr", "luhansk people republic": "lpr",
}  # fmt: skip

_UNIDENTIFIED = re.compile(r"^(?:unknown|unidentified|unnamed)\b")
#: Descriptions of unnamed armed men (PITF's perpetrator words): ACLED's Unidentified Armed Group.
_UNNAMED_ATTACKERS = re.compile(
    r"^(?:(?:armed|suspected|masked) )?(?:gunm[ae]n|armed (?:men|persons|group)|bandits?(?: gunmen)?|"
    r"assailants?|attackers?|militants?|jihadists?|bombers?|suicide bombers?|kidnappers?|"
    r"cattle rustlers|rustlers|hitm[ae]n|killers?)$"
)
#: "Fulani herdsmen", "Fulani gunmen", "Fulani Ethnic Militia": one identity militia.
_IDENTITY_MILITIA = re.compile(
    r"^(?:suspected )?(?P<who>\w+) (?:ethnic militia|clan militia|militia|militiamen|herdsmen|herders|gunmen|"
    r"fighters|youths?)$"
)
#: State forces named without their country ("police", "regime forces", "air force").
_BARE_STATE = re.compile(rf"^(?:the )?(?:\w+ )?{_STATE_FORCES}$")


def actor_key(name: str | None, country: str | None = None) -> str:
    """The canonical key of one actor name ("" for none); ``country`` (the record's) completes
    state forces named without one ("police", "regime forces")."""
    # "Boko Haram - Jamaatu Ahli ...", "PKK: Kurdistan Workers Party": ACLED's long form after the mark
    short = re.split(r" - |: ", name or "")[0]
    text = normalise(_PARENS.sub(" ", short).replace("?", " ").replace("/", " "))
    if not text or text == "none":
        return ""
    m = _OF_STATE.match(text) or _STATE_OF.match(text)
    if m:
        return "state:" + COUNTRY_WORDS[m.group("c")]
    text = text.removeprefix("military forces of ").removeprefix("suspected ")
    if _UNIDENTIFIED.match(text) or _UNNAMED_ATTACKERS.match(text):
        return "unidentified"
    m = _IDENTITY_MILITIA.match(text)
    if m and m.group("who") not in ("rival", "armed", "local", "clan", "communal", "ethnic", "pro"):
        return "militia:" + m.group("who")
    if country and _BARE_STATE.match(text) and normalise(country) in COUNTRY_WORDS:
        return "state:" + COUNTRY_WORDS[normalise(country)]
    return GROUP_ALIASES.get(text, text)


def actor_keys(gold: str | None, country: str | None = None) -> set[str]:
    """Keys of every perpetrator a gold value lists ("A; B"), empty when not coded."""
    if not gold:
        return set()
    return {k for part in re.split(r"\s*;\s*", gold) if (k := actor_key(part, country))}


def actor_matches(gold: str | None, pred: str | None, country: str | None = None) -> bool:
    """A predicted actor names one of the gold perpetrators (``country``: the record's, for gold
    state forces named without one)."""
    return bool(pred) and actor_key(pred, country) in actor_keys(gold, country)


# -- claimants --------------------------------------------------------------------------------------

RU_MOD = "Russian Ministry of Defence and military"
RU_GOV = "Russian government"
UA_MIL = "Ukrainian military"
UA_GOV = "Ukrainian government"
SEPARATISTS = "DPR/LPR and occupation authorities"
LOCAL = "Local administration"
EMERGENCY = "Emergency and medical services"
MEDIA = "Media"
WITNESSES = "Witnesses and residents"
INTERNATIONAL = "International organisation or NGO"

#: Categories, in the order a prediction is tested against them (first match wins).
CLAIMANT_CATEGORIES = (RU_MOD, SEPARATISTS, LOCAL, UA_MIL, UA_GOV, RU_GOV, EMERGENCY, INTERNATIONAL,
                       MEDIA, WITNESSES)  # fmt: skip

_RU = r"(?:russia|russian|russian federation|moscow|kremlin)"
_UA = r"(?:ukraine|ukrainian|ukraine s|kiev|kyiv|kiev s|ukrainain|ukranian)"
_DEF = r"(?:defen[cs]e ministry|ministry of defen[cs]e|defen[cs]e department|mod|mo|defen[cs]e)"

_CLAIMANT_PATTERNS: dict[str, str] = {
    RU_MOD: rf"\b(?:konashenkov|shoigu|{_RU}(?: \w+){{0,2}} {_DEF}|ministry of defen[cs]e(?: \w+){{0,3}}"
    rf" (?:of )?(?:the )?{_RU}|{_DEF} of (?:the )?{_RU}|{_RU} (?:\w+ ){{0,2}}(?:military|army|armed forces|"
    rf"forces|troops|air force|aerospace forces|navy|black sea fleet|soldiers))\b",
    SEPARATISTS: r"\b(?:dpr|lpr|dnr|lnr|rebels?|separatists?|insurgents?|militias?|people s militia|"
    r"people s? republic|lugansk republic|luhansk republic|republic s? defen[cs]e|beznosov|"
    r"novorossi\w*|southeast army|basurin|bezsonov|filiponenko|marochko|bugrov|"
    r"pushilin|zakharchenko|pasechnik|plotnitsky|strelkov|borodai|ponomarev|miroshnik|rogov|saldo|"
    r"balitsky|pro russian|self proclaimed|dan|donetsk news agency|luganskinformcenter|"
    r"we are together with russia|occupation authorities)\b",
    LOCAL: r"\b(?:ova|ovo|oda|vga|mva|(?:military |civil |civilian )+administration|"
    r"(?:regional|oblast|city|district|town|village|municipal|local)"
    r"(?: \w+){0,2} (?:administration|administrations|government|authorities|officials|council|"
    r"leader|chief|head)|(?:city|town|municipal|local|village) (?:council|hall|authorities|officials|"
    r"administration|leader)|governor|mayor|mayor s office|city hall|town hall|head of (?:the )?\w+ "
    r"(?:region|oblast|district|community)|kyrylenko|kirilenko|kirilenk|synehubov|sinegubov|syniehubov|"
    r"reznichenko|lysak|starukh|moskal|kulemzin|lukyanchenko|prikhodko|prokudin|yanushevych|kim|vilkul|"
    r"haidai|gaidai|zhyvytskyi|fedorov|terekhov|senkevych|klitschko|sadovyi|filatov|gladkov|bogomaz|"
    r"starovoit|hotlubey|major of \w+|administration of the city district|official in the \w+ district|"
    r"aushev|kolesnyk|tkachenko|yevtushenko|lukashuk|vitaliy kim|council|"
    r"(?:donetsk|luhansk|lugansk|kharkiv|kherson|zaporizhzhia|dnipropetrovsk|sumy|mykolaiv|odesa|odessa|"
    r"chernihiv|belgorod|kursk|bryansk) (?:authorities|officials|administration))\b",
    UA_MIL: rf"\b(?:jfo|ato|anti terror\w*|general staff|armed forces of ukraine|{_DEF} of ukraine|"
    rf"joint forces operation|operational tactical command|ok \w+|dpsu|marine corps|\w+ brigade|malyar|"
    rf"{_UA} (?:\w+ ){{0,2}}(?:military|army|armed forces|air force|navy|defen[cs]e ministry|"
    rf"ministry of defen[cs]e|intelligence|border guards?|border service|national guard|forces|"
    rf"defen[cs]e|spokesman)|operational command|operations? command south|south operational command|"
    rf"yug operational command|military spokes\w+|army spokes\w+|defen[cs]e spokes\w+|"
    rf"(?<!russian )(?<!russia )(?:military s|military statement|the military|military|army)|"
    rf"naval forces|national guard|"
    rf"state border service|border guards?|tactical group|group of forces|eastern group|"
    rf"security operation|military operation|military campaign|military forces|intelligence|"
    rf"main intelligence directorate|hur|gur|air force|territorial defen[cs]e|aidar|donbas battalion|"
    rf"azov|right sector|lysenko|motuzyanyk|seleznyov|seleznev|dmytrashkivsky\w*|polyovy|cherevaty|"
    rf"humeniuk|gumenyuk|ihnat|shtupun|muzhenko|zaluzh\w+|syrsk\w+|gutsuliak|silkin|nsdc|"
    rf"national security and defen[cs]e council)\b",
    UA_GOV: rf"\b(?:{_UA} (?:government|authorities|officials|official|sources|president|prime minister|"
    rf"interior ministry|interior minister|health ministry|foreign ministry|minister|police|ombudsman|"
    rf"prosecutor\w*)|government|governmental|president|presidential office|office of the president|"
    rf"prime minister|interior minist\w+|ministry of internal affairs|ministry of interior|"
    rf"energy minister|national police|police|"
    rf"prosecutor\w*|sbu|state security service|security service of ukraine|ombudsman|"
    rf"foreign ministry|ministry of foreign affairs|tcg|tymoshenko|zelensk\w*|poroshenko|porosenko|"
    rf"turchynov|avakov|yarovy\w*|marchuk|yermak|kuleba|klymenko|lubinets|denisova|kiev authorities|"
    rf"new authorities|government officials)\b",
    RU_GOV: rf"\b(?:{_RU} (?:\w+ ){{0,2}}(?:government|authorities|officials|official|foreign ministry|"
    rf"investigative committee|sources|embassy|president\w*|permanent representative)|kremlin|putin|"
    rf"peskov|lavrov|zakharova|investigative committee|fsb|kadyrov)\b",
    EMERGENCY: r"\b(?:emergenc\w+|rescuers?|rescue service|ses|dsns|medics?|medical|hospital|health "
    r"(?:ministry|authorities|officials|department)|ministry of health|morgue|doctors?|paramedics|"
    r"ambulance|red cross)\b",
    INTERNATIONAL: r"\b(?:osce|smm|un|united nations|ohchr|unhcr|un ohchr|unicef|who|hrw|human rights "
    r"watch|amnesty\w*|icrc|aoav|memorybook|memory book|ngo|charitable fund|nato)\b",
    MEDIA: r"\b(?:afp|reuters|ap|associated press|bbc|cnn|tass|itar tass|ria|ria novosti|interfax|"
    r"unian|ukrinform|kyiv post|euromaidan\w*|hromadske|ukrainska pravda|censor|liga|rt|sputnik|"
    r"xinhua|media|news\w*|agency|journalists?|reporters?|correspondents?|photographer|cameraman|"
    r"tv|television|press|newspaper|livemap|liveuamap|twitter|telegram|facebook|vkontakte|channel)\b",
    WITNESSES: r"\b(?:witness\w*|eyewitness\w*|eye witness\w*|residents?|locals|relatives|"
    r"neighbou?rs|employee|activists?|protesters?|maidan)\b",
}
_COMPILED = {cat: re.compile(pat) for cat, pat in _CLAIMANT_PATTERNS.items()}
_SPLIT_CLAIMANTS = re.compile(r"\s*(?:;|,|\n|\band\b|\(|\)|:)\s*")


_MILITARY_ADMINISTRATION = re.compile(r"\bmilitary (?=(?:civil(?:ian)? )?administration)")
_OTHER_SIDE = {SEPARATISTS, RU_MOD, RU_GOV}


def _categories_of(text: str) -> list[str]:
    """Categories of one claimant's words. A "regional military administration" is a local
    administration, not the military; a claimant marked as separatist or Russian ("DPR operational
    command", "DPR defence spokesman") is not also Ukrainian."""
    folded = _MILITARY_ADMINISTRATION.sub("", normalise(text))
    cats = [cat for cat in CLAIMANT_CATEGORIES if _COMPILED[cat].search(folded)]
    if _OTHER_SIDE & set(cats):
        cats = [c for c in cats if c not in {UA_MIL, UA_GOV}]
    return cats


def gold_claimant_categories(gold: str | None) -> set[str]:
    """The categories of every claimant a UCDP `source_original` string names."""
    if not gold:
        return set()
    found: set[str] = set()
    for part in _SPLIT_CLAIMANTS.split(gold):
        found.update(_categories_of(part))
    # "Ukraine (head of the Donetsk OVA ...)": the side prefix alone names no body; only a gold
    # that is just the side ("Ukraine", "Russia") stands for its government.
    whole = normalise(gold)
    if whole in {"ukraine", "ukrainian side"}:
        found.add(UA_GOV)
    if whole in {"russia", "russian side"}:
        found.add(RU_GOV)
    return found


def gold_claimant_names(gold: str | None) -> set[str]:
    return {n for part in _SPLIT_CLAIMANTS.split(gold or "") if (n := normalise(part))}


def claimant_category(
    name: str | None, role: str | None = None, affiliation: str | None = None, kind: str | None = None
) -> str | None:
    """The category of a sitrep claimant (None when no claimant)."""
    if not name and not role:
        return None
    if kind == "outlet":
        return MEDIA
    own = _categories_of(" ".join(p for p in (role, name) if p))
    if LOCAL in own:
        # A mayor, a city or regional administration is a local administration whichever side holds
        # the town (the gold maps "mayor of Donetsk" there): its side must not override its role.
        return LOCAL
    text = " ".join(p for p in (affiliation, role, name) if p and (p != name or p is name))
    cats = _categories_of(text)
    if cats:
        return cats[0]
    side = normalise(affiliation)
    if side in {"ukraine", "ukrainian"}:
        return UA_GOV
    if side in {"russia", "russian"}:
        return RU_GOV
    return None


def claimant_matches(gold: str | None, category: str | None, name: str | None) -> bool:
    """A predicted claimant (its category and name) is right for a gold `source_original` string."""
    if category is not None and category in gold_claimant_categories(gold):
        return True
    return bool(name) and normalise(name) in gold_claimant_names(gold)
