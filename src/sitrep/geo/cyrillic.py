"""Place names in Ukrainian and Russian text: capitalised words, lemmatised, looked up in the gazetteer.

The English recogniser (``sitrep.geo.recognize``) leans on an English NER model and English context
words, and Slavic names are inflected ("у Києві", "в Харьковской области", "Донеччині"), so neither
the NER spans nor the raw words reach the gazetteer, which holds names in the nominative. Here:

  1. tokens are words of letters (with inner hyphens and apostrophes: "Ростов-на-Дону", "Слов'янськ");
     a candidate is a run of up to four tokens starting with a capital letter, which may go on with
     more capitalised words, a lowercase connector ("Боснія і Герцеговина") or end with a unit word
     ("Харківській області", "Бахмутського району", "Краснодарском крае");
  2. each run is brought to the nominative with pymorphy3 (the document's language first: Ukrainian
     when it has і/ї/є/ґ, Russian when it has ы/э/ъ/ё): every parse's normal form for one word, and for
     a phrase the inflection of each word to the nominative in the case the words share ("Великої
     Британії" -> "велика британія");
  3. the nominative forms are looked up: country and continent names in Ukrainian and Russian from the
     CLDR data that ships with Babel, a few common short and alternate names ("США", "РФ", "Британія"),
     then the gazetteer itself (its GeoNames alternate names include Cyrillic ones); a unit named by an
     adjective ("Харківська область", "Курська область") or the colloquial "-щина" form
     ("Донеччина", "Житомирщина") that the gazetteer lacks is found through its seat town;
  4. the longest run that resolves wins; a single word that is a person's name in the dictionary
     ("Путіна", "Володимир"), a common word at the start of a sentence, or a small place met only
     through transliteration needs a place word or preposition before it ("у", "біля", "село", "м.");
  5. names the gazetteer lacks are still kept as places (with no point) after a settlement word
     ("село Новоселівка") and, with their street word, after a street word ("вул. Гагаріна").

Only texts with Cyrillic letters come here (``recognize.find_toponyms`` routes them); candidates of
the English recogniser that contain no Cyrillic letter are kept where they overlap none of these.
The lemmatiser dictionaries ship inside the ``pymorphy3-dicts-uk`` and ``pymorphy3-dicts-ru``
packages: nothing is downloaded. Without them (or pymorphy3) the words are looked up as written.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from sitrep.geo.build import K_ADMIN1, K_ADMIN2, K_CITY, K_COUNTRY, K_FEATURE, Q_ALT, Q_MAIN, Q_STEM
from sitrep.geo.text import fold, is_cyrillic, translit_uk

if TYPE_CHECKING:
    from sitrep.geo.gazetteer import Gazetteer

__all__ = ["CyrillicName", "cyrillic_candidates", "cyrillic_names", "document_language"]

_UK_ONLY = re.compile(r"[іїєґІЇЄҐ]")
_RU_ONLY = re.compile(r"[ыэъёЫЭЪЁ]")
_CYR_LETTER = re.compile(r"[\u0400-\u052f]")
_LATIN_LETTER = re.compile(r"[A-Za-z]")
_TOKEN = re.compile(r"[^\W\d_]+(?:(?:[-‑'’ʼ]|-на-|-он-)[^\W\d_]+)*")

# Unit words that end a name and belong to its span ("Харківській області", "Бахмутського району").
_ADMIN1_WORDS = {"область", "обл", "край", "округ", "республіка", "республика", "автономія", "автономия"}
_ADMIN2_WORDS = {"район", "р-н", "громада", "улус"}
_UNIT_EN = {"область": "Oblast", "обл": "Oblast", "край": "Krai", "район": "Raion"}
# Words that end the name of a sea, lake, reservoir, strait, spit, island or bridge of the feature list
# ("над Чорним морем", "Каховського водосховища", "Кримського мосту").
_FEATURE_WORDS = {
    "море", "водосховище", "водохранилище", "затока", "залив", "протока", "пролив", "озеро", "коса",
    "стрілка", "стрелка", "острів", "остров", "острови", "острова", "міст", "мост",
}  # fmt: skip
_FEATURE_HEADS = tuple(sorted({w[:3] for w in _FEATURE_WORDS}))
# Lowercase words allowed inside a name.
_CONNECTORS = {"і", "й", "та", "и", "де", "на", "дель", "ла", "ель", "эль", "аль"}

# Words before a name that make it a place.
_PREP_BEFORE = re.compile(
    r"(?:^|[\s(«\"„])(?:в|у|во|на|по|під|пiд|под|біля|около|возле|поблизу|неподалік|поблизости|близ|з|із|зі|"
    r"из|изо|со|до|від|от|через|між|между|над|поруч|рядом\s+с|неподалеку\s+от|у\s+напрямку|"
    r"в\s+направлении|в\s+районе|в\s+районі|поблизу\s+від)\s+$",
    re.I,
)
_SETTLEMENT_BEFORE = re.compile(
    r"(?:^|[\s(«\"„])(?:міст[оаіуом]|містечк[оаіу]|м\.|сел[оаіуом]|с\.|смт|селищ[еаіуом]|сел\.|"
    r"город[аеуом]?|г\.|посел(?:ок|ка|ке|ку|ком)|пос[её]лок|пос\.|п\.|деревн[яиеюей]|д\.|"
    r"станиц[аыеуей]|хутор[аеуом]?|аул[аеу]?|столиц[аіеиуюей]|областн\w+\s+центр\w*|"
    r"обласн\w+\s+центр\w*|населен\w+\s+пункт\w*|населеном\w+\s+пункт\w*)\s+$",
    re.I,
)
_STREET = re.compile(
    r"(?:вул|ул|просп|пр|пл|пров|пер|бульв|б-р|наб|ш)\s?\.|вулиц\w*|улиц\w*|проспект\w*|площ[аіеиуью]\w*|"
    r"бульвар\w*|провул\w*|переул\w*|набережн\w*|шосе|шоссе|узвіз\w*|майдан\w*",
    re.I,
)
_SENT_END = re.compile(r"(?:^|[.!?…:;\n\"«»—–-])\s*$")

# Short and alternate names of countries that the CLDR territory names lack (general, not per record).
_EXTRA = {
    "сша": "US",
    "сполучені штати": "US",
    "сполучені штати америки": "US",
    "соединенные штаты": "US",
    "соединенные штаты америки": "US",
    "америка": "US",
    "рф": "RU",
    "российская федерация": "RU",
    "російська федерація": "RU",
    "британія": "GB",
    "британия": "GB",
    "великобританія": "GB",
    "сполучене королівство": "GB",
    "соединенное королевство": "GB",
    "кнр": "CN",
    "кндр": "KP",
    "оае": "AE",
    "оаэ": "AE",
    "белоруссия": "BY",
    "білорусія": "BY",
    "молдавия": "MD",
    "киргизия": "KG",
    "голландия": "NL",
    "голландія": "NL",
    "чехія": "CZ",
    "чехия": "CZ",
    "карабах": "AZ",
}
# Names the CLDR tables give to countries that GeoNames holds as a unit ("Англія": England).
_EXTRA_PLACES = {
    "англія": "England",
    "англия": "England",
    "шотландія": "Scotland",
    "шотландия": "Scotland",
    "уельс": "Wales",
    "уэльс": "Wales",
    "північна ірландія": "Northern Ireland",
    "северная ирландия": "Northern Ireland",
    "днр": "Donetsk Oblast",
    "лнр": "Luhansk Oblast",
}
# Capitalised words that are never places on their own in Ukrainian / Russian news.


def _words(block: str) -> frozenset[str]:
    return frozenset(block.split())


_STOP = _words(
    """
    бог господь президент прем'єр міністр мер голова глава уряд рада дума кремль нато оон єс ес євросоюз
    евросоюз зсу всу сбу фсб мвс мвд тсн рбк тасс тасс інтерфакс интерфакс укрінформ фото відео видео
    новини новости telegram телеграм ютуб фейсбук твіттер твиттер понеділок вівторок середа четвер
    п'ятниця субота неділя понедельник вторник среда четверг пятница суббота воскресенье січень лютий
    березень квітень травень червень липень серпень вересень жовтень листопад грудень январь февраль
    март апрель май июнь июль август сентябрь октябрь ноябрь декабрь в во у на з із зі зо из со по до
    від от о об про під под над за для при без між между через і й та и а але но не ні ни як как що что
    це это той тот та ця эта ці эти цей этот вони они він он вона она ми мы ви вы я ти ты його его її ее
    їх их наш ваш свій свой весь вся все всі цього этого також также тому поэтому але однак однако тут
    там де где коли когда якщо если хоча хотя після после перед
    """
)


@dataclass
class CyrillicName:
    """A place name found in Cyrillic text.

    ``lookup`` is the name to resolve (a nominative Cyrillic name the gazetteer holds, or an English
    name for countries, continents and units found another way); None for names the gazetteer lacks.
    """

    start: int
    end: int
    lookup: str | None
    kind_hint: str | None = None
    country: str | None = None  # ISO code when the name is a country's
    unknown: bool = False
    descriptor: str | None = None


def document_language(text: str) -> str:
    """'uk' or 'ru' by the letters only one of the two alphabets has (Ukrainian on a tie)."""
    return "ru" if len(_RU_ONLY.findall(text)) > len(_UK_ONLY.findall(text)) else "uk"


def mostly_cyrillic(text: str) -> bool:
    """Whether Cyrillic letters outnumber Latin ones."""
    return len(_CYR_LETTER.findall(text)) >= len(_LATIN_LETTER.findall(text))


# -- lemmatiser ------------------------------------------------------------------------------------


@lru_cache(maxsize=2)
def _analyzer(lang: str) -> Any:
    """pymorphy3's analyser for 'uk' or 'ru', or None when it (or its dictionary) is not installed."""
    try:
        import pymorphy3

        return pymorphy3.MorphAnalyzer(lang=lang)
    except Exception:  # pragma: no cover - optional at run time
        return None


_PERSON_TAGS = ("Name", "Surn", "Patr")


@dataclass(frozen=True)
class _Form:
    text: str  # nominative (lowercase) form
    person: bool  # a parse that gave it reads the word as a person's name
    geo: bool  # the dictionary marks it as a place name (Russian 'Geox')
    common: bool  # a known common word (not a proper name) gives it
    adj: bool  # only adjective readings give it


@lru_cache(maxsize=50_000)
def _word_forms(word: str, lang: str) -> tuple[_Form, ...]:
    """Nominative readings of one word, the document language's analyser first; the word as written
    comes first when no dictionary knows it or it is a nominative itself."""
    low = word.lower()
    flags: dict[str, list[bool]] = {}  # form -> [person, geo, common, all adjective]
    known = False
    for code in (lang, "ru" if lang == "uk" else "uk"):
        morph = _analyzer(code)
        if morph is None:
            continue
        if code != lang and (_UK_ONLY if code == "ru" else _RU_ONLY).search(word):
            continue
        for p in morph.parse(low):
            tag = str(p.tag)
            if "UNKN" in tag or "LATN" in tag:
                continue
            known = known or p.is_known
            person = any(t in tag for t in _PERSON_TAGS)
            geo = "Geox" in tag
            # The Ukrainian dictionary does not mark place names (no 'Geox'): only its non-nouns count
            # as common words there.
            common = (
                p.is_known
                and not person
                and not geo
                and "Abbr" not in tag
                and "Orgn" not in tag
                and (code == "ru" or p.tag.POS not in ("NOUN", "ADJF", "ADJS", "PRTF"))
            )
            adj = p.tag.POS in ("ADJF", "PRTF")
            f = flags.setdefault(p.normal_form, [False, False, False, True])
            f[0] |= person
            f[1] |= geo
            f[2] |= common
            f[3] &= adj
    out = [_Form(t, *v) for t, v in flags.items()]
    if not known or low in flags:
        if low in flags:
            out.insert(0, out.pop(list(flags).index(low)))
        else:
            out.insert(0, _Form(low, False, False, False, False))
    return tuple(out)


@lru_cache(maxsize=50_000)
def _phrase_forms(words: tuple[str, ...], lang: str) -> tuple[str, ...]:
    """Nominative readings of a phrase: each word inflected to the nominative in a case they share."""
    out: list[str] = [" ".join(w.lower() for w in words)]
    for code in (lang, "ru" if lang == "uk" else "uk"):
        morph = _analyzer(code)
        if morph is None:
            continue
        parses = [[p for p in morph.parse(w.lower()) if "UNKN" not in str(p.tag)] for w in words]
        cases: list[str] = []
        for p in parses[-1]:
            c = p.tag.case
            if c and c not in cases:
                cases.append(c)
        for case in cases[:4]:
            built = []
            for w, ps in zip(words, parses, strict=True):
                if w.lower() in _CONNECTORS:
                    built.append(w.lower())
                    continue
                pick = next((p for p in ps if p.tag.case == case), None)
                if pick is None:
                    built.append(w.lower())
                    continue
                grams = {"nomn"}
                if pick.tag.number:
                    grams.add(pick.tag.number)
                inf = pick.inflect(grams) or pick.inflect({"nomn"})
                built.append(inf.word if inf is not None else pick.normal_form)
            form = " ".join(built)
            if form not in out:
                out.append(form)
        # each word's own normal form ("Покровського району" -> "покровський район")
        norm = " ".join(
            w.lower() if w.lower() in _CONNECTORS or not ps else ps[0].normal_form
            for w, ps in zip(words, parses, strict=True)
        )
        if norm not in out:
            out.append(norm)
    return tuple(out)


# -- lookup ----------------------------------------------------------------------------------------


@lru_cache(maxsize=1)
def _country_names() -> dict[str, tuple[str, str | None]]:
    """Folded Ukrainian / Russian country and continent names -> (English name, ISO code or None)."""
    out: dict[str, tuple[str, str | None]] = {}
    english: dict[str, str] = {}
    try:
        from babel import Locale

        english = dict(Locale.parse("en").territories)
        for loc in ("uk", "ru"):
            for code, name in Locale.parse(loc).territories.items():
                if len(code) == 2 and code.isalpha():
                    out.setdefault(fold(name), (english.get(code, code), code))
                elif code in ("002", "003", "005", "009", "142", "150", "419", "053"):
                    out.setdefault(fold(name), (english[code], None))
    except Exception:  # pragma: no cover - Babel is a dependency; stay usable without it
        pass
    for name, code in _EXTRA.items():
        out[fold(name)] = (english.get(code, code), code)
    for name, place in _EXTRA_PLACES.items():
        out[fold(name)] = (place, None)
    return out


@dataclass(frozen=True)
class _Hit:
    lookup: str
    kind: int  # K_COUNTRY ... K_DISTRICT
    population: int
    quality: int
    country: str | None = None
    kind_hint: str | None = None


def _best(name: str, g: Gazetteer, hint: str | None = None) -> _Hit | None:
    """The gazetteer's best entry for a name: a unit word's kind first, then kind, population."""
    m = g.match(name)
    if not m.cands:
        return None
    want = {"admin1": K_ADMIN1, "admin2": K_ADMIN2}.get(hint or m.hint or "")
    best = min(
        m.cands,
        key=lambda iq: (
            want is not None and int(g.kind[iq[0]]) != want,
            iq[1] > Q_ALT,
            -int(g.pop[iq[0]]) - (10**9 if int(g.kind[iq[0]]) in (K_COUNTRY, K_ADMIN1) else 0),
        ),
    )
    i, q = best
    if want is not None and int(g.kind[i]) != want and hint is not None:
        return None
    return _Hit(name, int(g.kind[i]), int(g.pop[i]), q, kind_hint=hint or m.hint)


# Ukrainian / Russian adjective endings of units named after their seat ("Харківська", "Курская").
_ADJ_ENDINGS = (
    "ська", "цька", "зька", "ський", "цький", "зький", "ське", "цьке",
    "ская", "цкая", "зкая", "ский", "цкий", "зкий", "ское", "цкое",
)  # fmt: skip
_SEAT_FROM_ADJ = {"сь": ("", "ськ", "а", "и", "е", "о", "я", "ь", "і"), "ць": ("цьк", "ця", "ці", "к"),
                  "зь": ("з", "зьк", "г"), "с": ("", "ск", "а", "ы", "о", "и", "ь", "я"),
                  "ц": ("цк", "ца", "к"), "з": ("з", "зк", "г")}  # fmt: skip
_REGION_COLLOQ = re.compile(r"^(.+?)(щина|ччина|чина)$")


def _seat_names(stem_adj: str) -> list[str]:
    """Towns a unit adjective may be named after: 'харківська' -> 'харків', 'курська' -> 'курськ'."""
    for end in _ADJ_ENDINGS:
        if stem_adj.endswith(end) and len(stem_adj) > len(end) + 2:
            root = stem_adj[: -len(end)]
            key = end[:2] if end[1] == "ь" else end[0]
            return [root + tail for tail in _SEAT_FROM_ADJ.get(key, ("",))]
    return []


def _unit_via_seat(seats: list[str], g: Gazetteer) -> _Hit | None:
    """The unit whose seat is one of these towns: the admin1 of the largest such town found."""
    for seat in seats:
        hit = _best(seat, g)
        if hit is None or hit.kind != K_CITY or hit.quality > Q_ALT:
            continue
        idxs = [i for i, q in g.match(seat).cands if int(g.kind[i]) == K_CITY and q <= Q_ALT]
        if not idxs:
            continue
        i = max(idxs, key=lambda j: int(g.pop[j]))
        unit = g.admin1_of(g.place(i))
        if unit is not None and unit.kind == "admin1":
            return _Hit(unit.name, K_ADMIN1, unit.population, Q_ALT, None, "admin1")
    return None


# A front sector named after its town: "на Покровському напрямку", "на Покровском направлении".
_DIRECTION_WORDS = ("напрям", "направлен")
_OBLAST_WORDS = ("област",)
_LIST_BREAK = re.compile(r"[.!?…;:\n]")
_MASC_ADJ = ("ський", "цький", "зький", "ский", "цкий", "зкий")


def _town_of_adjective(
    forms: tuple[_Form, ...], g: Gazetteer, endings: tuple[str, ...] = _MASC_ADJ
) -> _Hit | None:
    """The largest town an adjective names ("покровський" -> Pokrovsk, not the village Pokrovske;
    "курахівський" -> Kurakhove, with the -ів-/-ов- alternation of Ukrainian; "курская" -> Kursk,
    not Chur)."""
    best: _Hit | None = None
    for f in forms:
        if not f.text.endswith(endings):
            continue
        seats = _seat_names(f.text)
        seats += [x[:-2] + "ове" for x in seats if x.endswith("ів")]
        for seat in seats:
            hit = _best(seat, g)
            if hit is None or hit.kind != K_CITY or hit.quality > Q_ALT:
                continue
            if best is None or hit.population > best.population:
                best = hit
    return best


# Masculine nominative adjective endings and the neuter and feminine ones a feature noun may need.
_ADJ_GENDERS = (("ий", ("е", "а", "ое", "ая", "ее", "яя")), ("ій", ("є", "я")), ("ый", ("ое", "ая")),
                ("ой", ("ое", "ая")))  # fmt: skip


def _agreeing(words: list[str]) -> list[str]:
    """The phrase with its adjective in each gender: the lemmatiser reads "Азовському морі" as the
    masculine "азовський море"; the sea is "азовське море"."""
    out = [" ".join(words)]
    if len(words) == 2:
        adj, noun = words
        for end, others in _ADJ_GENDERS:
            if adj.endswith(end):
                out += [f"{adj[: -len(end)]}{o} {noun}" for o in others]
    return out


def _lookup(forms: tuple[str, ...], g: Gazetteer) -> _Hit | None:
    """The first nominative form that names a known place."""
    countries = _country_names()
    for form in forms:
        key = fold(form)
        if not key:
            continue
        if key in countries:
            name, code = countries[key]
            if code is not None:
                return _Hit(name, K_COUNTRY, 10**8, 0, code)
            hit = _best(name, g)
            if hit is not None:
                hint = "admin1" if hit.kind == K_ADMIN1 else None
                return _Hit(name, hit.kind, hit.population, 0, None, hint)
        words = key.split()
        unit = words[-1] if len(words) > 1 else None
        if unit in _FEATURE_WORDS:  # "чорне море": only a feature of that name, never a town
            for variant in _agreeing(form.lower().split()):  # before folding: "й" is still itself
                hit = _best(variant, g)
                if hit is not None and hit.kind == K_FEATURE:
                    return hit
            continue
        if unit in _ADMIN1_WORDS or unit in _ADMIN2_WORDS:
            hint = "admin1" if unit in _ADMIN1_WORDS else "admin2"
            hit = _best(key, g, hint)
            if hit is not None:
                return hit
            if len(words) == 2:
                adj = words[0]
                latin = fold(translit_uk(adj))
                en = _UNIT_EN.get(unit)
                if en:
                    hit = _best(f"{latin} {en}", g, hint)
                    if hit is not None:
                        return _Hit(f"{latin} {en}", hit.kind, hit.population, hit.quality, kind_hint=hint)
                if hint == "admin1":
                    hit = _unit_via_seat(_seat_names(adj), g)
                    if hit is not None:
                        return hit
            continue
        hit = _best(key, g)
        if hit is not None and not (hit.kind == K_CITY and hit.quality > Q_STEM and hit.population < 20_000):
            return hit
        m = _REGION_COLLOQ.match(key) if len(words) == 1 else None
        if m:  # "Донеччина": the oblast of Donetsk
            root = m.group(1)
            seats = [root, root + "ськ", root + "а", root + "и", root + "ь", root + "я"]
            if m.group(2) == "ччина":
                seats = [root[:-1] + "цьк", root + "цьк", *seats]
            hit = _unit_via_seat(seats, g)
            if hit is not None:
                return hit
    return None


# -- scan ------------------------------------------------------------------------------------------


def _is_cap(tok: str) -> bool:
    return tok[:1].isupper()


# Every inflected form of a unit word begins as its nominative does ("області", "краю", "району"):
# other words need no lemmatising to be told apart from them.
_UNIT_HEADS = tuple(sorted({w[:3] for w in _ADMIN1_WORDS | _ADMIN2_WORDS}))


def _unit_word(tok: str, lang: str) -> str | None:
    """'область' for 'області'/'области'/'обл', 'район' for 'району', else None."""
    low = tok.lower()
    if low in ("обл", "р-н"):
        return "обл" if low == "обл" else "район"
    if not low.startswith(_UNIT_HEADS):
        return None
    for f in _word_forms(tok, lang):
        if f.text in _ADMIN1_WORDS or f.text in _ADMIN2_WORDS:
            return f.text
    return None


def _feature_word(tok: str, lang: str) -> str | None:
    """'море' for 'морем'/'моря', 'міст' for 'мосту', else None (see _FEATURE_WORDS)."""
    low = tok.lower()
    if not low.startswith(_FEATURE_HEADS):
        return None
    for f in _word_forms(tok, lang):
        if f.text in _FEATURE_WORDS:
            return f.text
    return None


def _runs(text: str, toks: list[tuple[int, int, str]], lang: str) -> list[list[int]]:
    """Runs of tokens that may form a name: capitalised Cyrillic words, inner connectors, a closing
    unit word."""
    runs = []
    i, n = 0, len(toks)
    while i < n:
        w = toks[i][2]
        if not _is_cap(w) or not is_cyrillic(w) or w.lower() in _STOP:
            i += 1
            continue
        run = [i]
        j = i + 1
        while j < n and len(run) < 5:
            gap = text[toks[j - 1][1] : toks[j][0]]
            prev = toks[j - 1][2]
            if gap.strip(" ") not in ("", ".") or "\n" in gap or ("." in gap and len(prev) > 1):
                break  # a full stop only after an abbreviation ("С.-Петербург")
            tw = toks[j][2]
            name_word = _is_cap(tw) and is_cyrillic(tw) and tw.lower() not in _STOP
            if name_word or (tw.lower() in _CONNECTORS and j + 1 < n and _is_cap(toks[j + 1][2])):
                run.append(j)
            elif _unit_word(tw, lang) or _feature_word(tw, lang):
                run.append(j)
                break
            else:
                break
            j += 1
        runs.append(run)
        i = run[-1] + 1
    return runs


def _person_run(toks: list[tuple[int, int, str]], run: list[int], lang: str) -> bool:
    """A run of two or three capitalised words one of which reads only as a person's name
    ("Володимир Зеленський", "Тереза Мей")."""
    words = [toks[k][2] for k in run if _is_cap(toks[k][2])]
    if not 2 <= len(words) <= 4 or _unit_word(toks[run[-1]][2], lang):
        return False
    return any(f.person and not f.geo for w in words for f in _word_forms(w, lang)[:2])


class _Scan:
    """One text's scan (see the module doc): runs, person names, the document's countries."""

    def __init__(self, text: str, g: Gazetteer) -> None:
        self.text = text
        self.g = g
        self.lang = document_language(text)
        self.toks = [(m.start(), m.end(), m.group()) for m in _TOKEN.finditer(text)]
        self.runs = _runs(text, self.toks, self.lang)
        self.persons: set[str] = set()  # folded words met inside a person's name
        self.person_runs: set[int] = set()
        for r, run in enumerate(self.runs):
            if _person_run(self.toks, run, self.lang):
                self.person_runs.add(r)
                for k in run:
                    if not self.placey(self.toks[k][2]):
                        self.persons.add(fold(self.toks[k][2]))
        self.home: set[str] = set()

    def names(self) -> list[CyrillicName]:
        strong: list[CyrillicName | None] = []
        weak: dict[int, list[tuple[CyrillicName, _Hit]]] = {}
        for r, run in enumerate(self.runs):
            found, pending = self.scan_run(r, run)
            strong.extend(found)
            if pending:
                weak[r] = pending
        for c in strong:
            if c is not None and c.country:
                self.home.add(c.country)
            elif c is not None and c.lookup:
                p = self._place(c.lookup, c.kind_hint)
                if p is not None and p.country_code and (p.kind != "city" or p.population >= 100_000):
                    self.home.add(p.country_code)
        out = [c for c in strong if c is not None]
        for pending in weak.values():
            for c, hit in pending:
                if c.lookup and (self._at_home(c.lookup) or (not self.home and hit.population >= 100_000)):
                    out.append(c)
        out.extend(_streets(self.text, out))
        out.sort(key=lambda c: c.start)
        return out

    def placey(self, word: str) -> bool:
        """Whether a word reads, other than as a person's name, as a marked or notable place."""
        for f in _word_forms(word, self.lang):
            if f.person:
                continue
            hit = _lookup((f.text,), self.g)
            if hit is not None and (f.geo or hit.kind in (K_COUNTRY, K_ADMIN1) or hit.population >= 100_000):
                return True
        return False

    def _place(self, name: str, hint: str | None) -> Any:
        from sitrep.geo.resolve import resolve_detail

        return resolve_detail(name, kind_hint=hint, gazetteer=self.g).place

    def _at_home(self, name: str) -> bool:
        cands = self.g.match(name).cands
        return any(self.g.place(i).country_code in self.home for i, q in cands if q <= Q_ALT)

    def scan_run(self, r: int, run: list[int]) -> tuple[list[CyrillicName], list[tuple[CyrillicName, _Hit]]]:
        """Names found in one run, longest first, and single-word town readings that need the
        document's countries to be believed."""
        toks, text = self.toks, self.text
        found: list[CyrillicName] = []
        pending: list[tuple[CyrillicName, _Hit]] = []
        a = 0
        while a < len(run):
            got = None
            for length in range(len(run) - a, 0, -1):
                idxs = run[a : a + length]
                if toks[idxs[-1]][2].lower() in _CONNECTORS:
                    continue
                got = self.try_span(idxs, r in self.person_runs)
                if got is not None:
                    break
            if got is None:
                a += 1
                continue
            cand, hit, sure = got
            first_only = a == 1 and bool(_SENT_END.search(_before(text, toks[run[0]][0])))
            if (
                a > 0
                and not first_only
                and not found
                and not pending
                and len(idxs) == 1
                and not cand.unknown
                and not self._direction_after(idxs[-1])
            ):
                # "Верховної Ради України", "НАН України": a name that closes an organisation's
                a += 1
                continue
            if sure:
                found.append(cand)
            else:
                pending.append((cand, hit))
            a += len(idxs)
        if not found and not pending:
            unk = _unknown(text, toks, run, self.lang)
            if unk is not None:
                found.append(unk)
        return found, pending

    def _list_then(self, k: int, heads: tuple[str, ...]) -> bool:
        """Whether a word starting with one of `heads` follows token k, directly or after a list of
        capitalised words in the same sentence ("на Курахівському та Лиманському напрямках", "над
        Белгородской, Курской и Брянской областями")."""
        for j in range(k + 1, min(k + 8, len(self.toks))):
            word = self.toks[j][2]
            if _LIST_BREAK.search(self.text[self.toks[j - 1][1] : self.toks[j][0]]):
                return False
            if word.lower().startswith(heads):
                return True
            if word.lower() not in _CONNECTORS and not _is_cap(word):
                return False
        return False

    def _direction_after(self, k: int) -> bool:
        """Whether "напрямок" / "направление" follows token k (see ``_list_then``)."""
        return self._list_then(k, _DIRECTION_WORDS)

    def try_span(self, idxs: list[int], in_person: bool) -> tuple[CyrillicName, _Hit, bool] | None:
        """(name, hit, sure) for a span of tokens that names a place; sure=False for a town that
        counts only if the document's countries hold a namesake."""
        text, toks, g, lang = self.text, self.toks, self.g, self.lang
        s, e = toks[idxs[0]][0], toks[idxs[-1]][1]
        words = tuple(toks[k][2] for k in idxs)
        before = _before(text, s)
        supported = bool(_PREP_BEFORE.search(before) or _SETTLEMENT_BEFORE.search(before))
        if len(words) > 1:
            hit = _lookup(_phrase_forms(words, lang), g)
            if hit is None:
                return None
            return CyrillicName(s, e, hit.lookup, hit.kind_hint, hit.country), hit, True
        w = words[0]
        if len(w) < 2 or fold(w) in _STOP or not _is_cap(w):  # a run's closing "області", "острова"
            return None
        if w.isupper() and len(w) >= 4:  # "КИЇВ": a word in capitals
            w = w.capitalize()
        if w.isupper() or any(c.isupper() for c in w[1:]):  # abbreviations: only the country table
            hit = _lookup((w.lower(),), g) if w.isupper() else None
            if hit is None or hit.kind not in (K_COUNTRY, K_ADMIN1) or hit.quality > Q_MAIN:
                return None
            return CyrillicName(s, e, hit.lookup, hit.kind_hint, hit.country), hit, True
        wforms = _word_forms(w, lang)
        if self._direction_after(idxs[-1]):  # "на Покровському напрямку": the front sector of Pokrovsk
            town = _town_of_adjective(wforms, g)
            if town is not None:
                return CyrillicName(s, e, town.lookup, "town", town.country), town, True
        if self._list_then(idxs[-1], _OBLAST_WORDS):  # "над Курской и Брянской областями": Kursk Oblast
            seat = _town_of_adjective(wforms, g, _ADJ_ENDINGS)
            unit = _unit_via_seat([seat.lookup], g) if seat is not None else None
            if unit is not None:
                return CyrillicName(s, e, unit.lookup, "admin1", unit.country), unit, True
        initial = bool(_SENT_END.search(before))
        common = any(f.common for f in wforms)
        person = fold(w) in self.persons or (in_person and not self.placey(w))
        for f in wforms:
            if fold(f.text) in _STOP:
                return None
            if not supported and ((f.person and not f.geo) or (f.adj and not f.geo)):
                continue
            hit = _lookup((f.text,), g)
            if hit is None:
                continue
            big = hit.kind in (K_COUNTRY, K_ADMIN1) and hit.quality <= Q_ALT
            cand = CyrillicName(s, e, hit.lookup, hit.kind_hint, hit.country)
            if supported and not person:
                return cand, hit, True
            if person and not (big and not f.person):
                return None
            if common and (initial or not f.geo):
                return None
            if big or f.geo:
                return cand, hit, True
            if hit.quality > Q_STEM or hit.population < 1_000:
                return None
            return cand, hit, hit.population >= 1_000_000
        if supported and not person and not common and any(f.geo for f in wforms):
            return CyrillicName(s, e, None, None, unknown=True), _Hit("", K_CITY, 0, 9), True
        return None


def cyrillic_names(text: str, g: Gazetteer) -> list[CyrillicName]:
    """Place names in the Cyrillic parts of a text (see the module doc)."""
    return _Scan(text, g).names()


def _before(text: str, s: int) -> str:
    return text[max(0, s - 40) : s]


def _unknown(text: str, toks: list[tuple[int, int, str]], run: list[int], lang: str) -> CyrillicName | None:
    """A name the gazetteer lacks after a settlement word ("село Новоселівка"), or a unit
    ("Зіньківського району") whose adjective it lacks."""
    s = toks[run[0]][0]
    names = [k for k in run if _is_cap(toks[k][2])]
    if not names:
        return None
    unit = _unit_word(toks[run[-1]][2], lang) if len(run) > 1 else None
    if unit is not None:
        hint = "admin1" if unit in _ADMIN1_WORDS else "admin2"
        return CyrillicName(s, toks[run[-1]][1], None, hint, unknown=True)
    if _SETTLEMENT_BEFORE.search(_before(text, s)):
        end = toks[names[0]][1]
        return CyrillicName(s, end, None, None, unknown=True, descriptor="settlement")
    return None


def _streets(text: str, found: list[CyrillicName]) -> list[CyrillicName]:
    """'вул. Гагаріна', 'проспекту Перемоги', 'площі Фердинанда': kept as unknown places."""
    out = []
    taken = [(c.start, c.end) for c in found]
    for m in re.finditer(
        rf"(?<![^\W\d_])(?:{_STREET.pattern})\s*((?:[A-ZА-ЯІЇЄҐЁ][^\W\d_'’ʼ-]*(?:[-'’ʼ][^\W\d_]+)*\s*){{1,3}})",
        text,
    ):
        s, e = m.start(), m.end(1)
        while e > s and text[e - 1].isspace():
            e -= 1
        if not m.group(0)[:1].isalpha() or any(a < e and s < b for a, b in taken):
            continue
        out.append(CyrillicName(s, e, None, None, unknown=True, descriptor="street"))
    return out


def cyrillic_candidates(text: str, english: Callable[[], list[Any]], g: Gazetteer) -> list[Any]:
    """The recogniser's candidates for a text with Cyrillic letters: the names found here, plus the
    English recogniser's candidates (``english()``, run only when there are Latin words) that hold no
    Cyrillic letter and overlap none of them."""
    from sitrep.geo.recognize import _UNION_CYR, _Cand

    names = cyrillic_names(text, g)
    cands = [
        _Cand(
            c.start,
            c.end,
            "LOC" if not c.unknown else "cyrillic",
            kind_hint=c.kind_hint,
            descriptor=c.descriptor,
            unknown=c.unknown,
            fixed_place=c.lookup,
            fixed_country=c.country,
        )
        for c in names
    ]
    for m in _UNION_CYR.finditer(text):  # "до ЄС", "санкции Евросоюза": the EU, as in English
        if not any(o.start < m.end() and m.start() < o.end for o in cands):
            cands.append(
                _Cand(
                    m.start(),
                    m.end(),
                    "metonym",
                    role="attributive",
                    descriptor="union",
                    fixed_place="Europe",
                )
            )
    if _LATIN_LETTER.search(text) and not mostly_cyrillic(text):
        for c in english():
            span = text[c.start : c.end]
            if is_cyrillic(span) or any(o.start < c.end and c.start < o.end for o in cands):
                continue
            cands.append(c)
    kept = {id(c) for c in cands}
    for c in cands:  # links to dropped candidates go
        if c.container is not None and id(c.container) not in kept:
            c.container = None
        if c.parent is not None and id(c.parent) not in kept:
            c.parent = None
    return sorted(cands, key=lambda c: c.start)
