"""Name folding, Cyrillic transliteration and generic-word handling shared by the gazetteer and resolver.

Everything that turns a place name into an index key lives here, so that building the index and
querying it can never disagree about how "Kharkiv’s", "Харків" or "Zaporizhzhia Oblast" are spelt.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

# Letters that NFKD does not decompose into a base letter plus a combining mark.
_SPECIAL = str.maketrans(
    {
        "ø": "o",
        "Ø": "o",
        "æ": "ae",
        "Æ": "ae",
        "œ": "oe",
        "Œ": "oe",
        "đ": "d",
        "Đ": "d",
        "ł": "l",
        "Ł": "l",
        "ı": "i",
        "ß": "ss",
        "þ": "th",
        "Þ": "th",
        "ð": "d",
        "Ð": "d",
        "ё": "е",
        "Ё": "Е",
    }
)
# Apostrophes and quotes vanish ("Pechers'k" = "Pechersk", "Kam’yanske" = "Kamyanske").
_DROP = dict.fromkeys(map(ord, "'’ʼ`´‘ʹʻ\"“”«»„"), None)
_SEP = re.compile(r"[\s\-‐‑‒–—_.,;:/()\[\]!?&+]+")


@lru_cache(maxsize=200_000)
def fold(name: str) -> str:
    """Case-, accent- and punctuation-folded key: 'Zaporizhzhia–Oblast’' -> 'zaporizhzhia oblast'."""
    s = name.translate(_SPECIAL)
    if not s.isascii():
        s = unicodedata.normalize("NFKD", s)
        s = "".join(c for c in s if not unicodedata.combining(c))
    s = s.translate(_DROP).casefold()
    return _SEP.sub(" ", s).strip()


def script_ok(name: str) -> bool:
    """True for names written in Latin or Cyrillic letters only: the index keeps no other scripts."""
    for c in name:
        o = ord(c)
        if o < 0x250 or 0x1E00 <= o <= 0x1EFF or 0x400 <= o <= 0x52F or 0x2000 <= o <= 0x206F:
            continue
        if c.isalpha():
            return False
    return True


_CYRILLIC = re.compile("[\u0400-\u052f]")


def is_cyrillic(name: str) -> bool:
    """Whether a string holds any Cyrillic letter (U+0400-U+052F)."""
    return _CYRILLIC.search(name) is not None


# Russian (BGN/PCGN-like, simplified) and Ukrainian (2010 national system) romanisation.
_RU = {
    "а": "a",
    "б": "b",
    "в": "v",
    "г": "g",
    "д": "d",
    "е": "e",
    "ё": "e",
    "ж": "zh",
    "з": "z",
    "и": "i",
    "й": "y",
    "к": "k",
    "л": "l",
    "м": "m",
    "н": "n",
    "о": "o",
    "п": "p",
    "р": "r",
    "с": "s",
    "т": "t",
    "у": "u",
    "ф": "f",
    "х": "kh",
    "ц": "ts",
    "ч": "ch",
    "ш": "sh",
    "щ": "shch",
    "ъ": "",
    "ы": "y",
    "ь": "",
    "э": "e",
    "ю": "yu",
    "я": "ya",
    "і": "i",
    "ї": "yi",
    "є": "ye",
    "ґ": "g",
    "ў": "u",
}
_UK = dict(_RU)
_UK.update({"г": "h", "и": "y", "і": "i", "ї": "i", "й": "i", "є": "ie", "ю": "iu", "я": "ia", "ь": ""})
# Word-initial forms of the Ukrainian iotated letters.
_UK_INITIAL = {"є": "ye", "ї": "yi", "й": "y", "ю": "yu", "я": "ya"}


def _translit(name: str, table: dict[str, str], initial: dict[str, str] | None = None) -> str:
    out: list[str] = []
    prev_alpha = False
    for ch in name:
        low = ch.lower()
        if low in table:
            rep = initial[low] if initial and not prev_alpha and low in initial else table[low]
            out.append(rep.capitalize() if ch != low and rep else rep)
            prev_alpha = True
        else:
            out.append(ch)
            prev_alpha = ch.isalpha()
    return "".join(out)


def translit_ru(name: str) -> str:
    """Romanise a Russian (or Belarusian) name: 'Харьков' -> 'Khar'kov' style without apostrophes."""
    return _translit(name, _RU)


def translit_uk(name: str) -> str:
    """Romanise a Ukrainian name with the national system: 'Запоріжжя' -> 'Zaporizhzhia'."""
    return _translit(name.replace("зг", "zgh").replace("Зг", "Zgh"), _UK, _UK_INITIAL)


_UK_LETTERS = set("іїєґІЇЄҐ")
_RU_LETTERS = set("ыэъёЫЭЪЁ")


def translits(name: str) -> set[str]:
    """Latin renderings of a Cyrillic name under the schemes its letters allow."""
    chars = set(name)
    out: set[str] = set()
    if not chars & _RU_LETTERS:
        out.add(translit_uk(name))
    if not chars & _UK_LETTERS:
        out.add(translit_ru(name))
    return out


_SKEL_STEPS = (
    ("shch", "sh"),
    ("kh", "h"),
    ("zh", "z"),
    ("tz", "c"),
    ("ts", "c"),
    ("w", "v"),
    ("j", "i"),
    ("x", "ks"),
)
_DOUBLE = re.compile(r"(.)\1+")


@lru_cache(maxsize=100_000)
def skeleton(key: str) -> str:
    """A coarse spelling skeleton of a folded Latin key, so that transliteration variants meet.

    kh/h, zh/z, ts/c, w/v, x/ks and y/i/j merge, 'ie' becomes 'e' and doubled letters collapse:
    Zaporizhzhia, Zaporizhia and Zaporizhzhya all become 'zaporizia'; Kharkiv and Harkiv 'harkiv';
    Avdiivka and Avdiyivka 'avdivka'.
    """
    s = key
    for a, b in _SKEL_STEPS:
        s = s.replace(a, b)
    s = s.replace("y", "i").replace("ie", "e")
    return _DOUBLE.sub(r"\1", s)


# Generic words of administrative units, folded. A key ending (or, for "republic of", starting) with one
# is also indexed without it, and a query like "Kursk region" is looked up as "Kursk" among admin units.
GENERIC_ADMIN1 = frozenset(
    {
        "oblast",
        "oblasti",
        "oblast'",
        "krai",
        "kray",
        "kraj",
        "region",
        "regione",
        "province",
        "provincia",
        "state",
        "governorate",
        "muhafazah",
        "okrug",
        "republic",
        "respublika",
        "territory",
        "prefecture",
        "voivodeship",
        "oblysy",
        "voblasts",
        "voblasc",
        "iqlim",
        "wilayat",
        "wilayah",
        "muhafazat",
        "ostan",
        "mintaqat",
        "autonomous",
        "avtonomnyy",
        "avtonomnaya",
        "federal",
        "область",
        "обл",
        "край",
        "округ",
        "республика",
        "республіка",
        "регион",
        "автономный",
        "автономна",
    }
)
GENERIC_ADMIN2 = frozenset(
    {
        "district",
        "raion",
        "rayon",
        "rajon",
        "county",
        "municipality",
        "department",
        "municipal",
        "urban",
        "gorodskoy",
        "munitsipalnyy",
        "район",
        "муниципальный",
        "городской",
        "міська",
        "громада",
        "hromada",
        "community",
        "borough",
        "parish",
        "canton",
        "commune",
        "lga",
    }
)
# Generic phrases of more than one word, and the generic word each stands for.
_MULTI_GENERIC = (
    (" local government area", "lga"),
    (" local government council", "lga"),
    (" local government", "lga"),
    (" regional state", "state"),
)
GENERIC = GENERIC_ADMIN1 | GENERIC_ADMIN2 | {"city", "of", "the", "misto", "город", "місто"}


def strip_generic(key: str) -> tuple[str, str | None]:
    """Split a folded key into its proper-name stem and the generic word removed, if any.

    'kursk region' -> ('kursk', 'region'); 'republic of karelia' -> ('karelia', 'republic');
    'nenetskiy avtonomnyy okrug' -> ('nenetskiy', 'okrug'); 'keana local government area' -> ('keana',
    'lga'); 'kyiv' -> ('kyiv', None).
    """
    generic: str | None = None
    for phrase, word in _MULTI_GENERIC:
        if key.endswith(phrase) and len(key) > len(phrase):
            key, generic = key[: -len(phrase)], word
            break
    words = key.split()
    while len(words) > 1 and words[-1] in GENERIC and words[-1] not in ("of", "the"):
        generic = generic or words[-1]
        words.pop()
    while len(words) > 1 and words[0] in GENERIC:
        if words[0] not in ("of", "the", "city"):
            generic = generic or words[0]
        words.pop(0)
    return " ".join(words), generic


# Adjectival endings of units named after their seat: 'Millerovsky' (Millerovo), 'Zolochivskyi' (Zolochiv).
SEAT_SUFFIXES = ("skiy", "skyy", "skyi", "skij", "skoy", "skaya", "sky", "ska", "iy", "yi", "yy", "ij")


def seat_variants(stem: str) -> list[str]:
    """Folded names the seat of a unit called ``stem`` may bear, the stem itself first: 'millerovsky'
    -> [..., 'millerovo', ...], 'kamensky' -> [..., 'kamensk', ...], 'pokrovsk' -> ['pokrovsk']."""
    variants = [stem]
    for suf in SEAT_SUFFIXES:
        if stem.endswith(suf) and len(stem) > len(suf) + 2:
            root = stem[: -len(suf)]
            for v in (root, root + "o", root + "a", root + "e", root + "sk", root + "i", root + "y"):
                if v not in variants:
                    variants.append(v)
    return variants


def hint_for_generic(word: str | None) -> str | None:
    """Kind hint implied by a generic word: 'oblast' -> 'admin1', 'raion' -> 'admin2'."""
    if word is None:
        return None
    if word in ("district",):
        return "district"
    if word in GENERIC_ADMIN2:
        return "admin2"
    if word in GENERIC_ADMIN1:
        return "admin1"
    return None


# Arabic articles ("al-", "el", "ash") that romanisations of one name keep or drop at will.
ARTICLES = frozenset({"al", "el", "ad", "ar", "as", "an", "ash", "at", "az", "ed", "ul", "ud", "es", "et"})
_LOOSE_STEPS = (
    ("kh", "h"),
    ("gh", "g"),
    ("ph", "f"),
    ("dh", "d"),
    ("th", "t"),
    ("sh", "s"),
    ("dj", "j"),
    ("q", "k"),
)
_VOWELS = str.maketrans("", "", "aeiouy")


@lru_cache(maxsize=100_000)
def loose(key: str) -> str:
    """A consonant skeleton of a folded Latin key for names romanised many ways (Arabic, Pashto,
    Somali, Hausa ...): generic words and Arabic articles dropped; kh/h, dh/d, q/k, w/v merged;
    doubled letters merged; vowels after the first letter dropped (an initial vowel becomes 'a');
    a final 'h' dropped. 'konar province' and 'kunar' -> 'knr'; 'al hodaida' and 'al hudaydah'
    -> 'hdd'; 'bulo burde' and 'buulobarde' -> 'blbrd'. Empty for non-Latin keys."""
    if not key.isascii():
        return ""
    words = [w for w in key.split() if w not in GENERIC and w not in ARTICLES]
    s = "".join(words) or key.replace(" ", "")
    s = "".join(ch for ch in s if ch.isalpha())
    if not s:
        return ""
    for a, b in _LOOSE_STEPS:
        s = s.replace(a, b)
    s = _DOUBLE.sub(r"\1", s.replace("w", "v"))
    head = "a" if s[0] in "aeiouy" else s[0]
    s = head + s[1:].translate(_VOWELS)
    return s.rstrip("h") if len(s) > 2 else s
