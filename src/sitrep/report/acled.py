"""ACLED-compatible CSV: the 31 columns of ACLED's current export, in ACLED's order, so that
scripts written for ACLED downloads read sitrep's events unchanged.

Where each column comes from (the README's "Exports" section says the same for users):

- `event_id_cnty`: ISO alpha-3 of the event's country + sitrep's event id as a decimal number
  (`tabular.numeric_id`; "XXX" when the country is unknown). `f"ev{n:012x}"` of the number is the
  sitrep id, for `sitrep show`.
- `event_date` (YYYY-MM-DD), `year`, `time_precision` (`DatePrecision.acled`: 1 day, 2 week,
  3 month or coarser).
- `disorder_type` from the event type (`DISORDER_TYPE`); `event_type`, `sub_event_type` as stored.
- `actor1`, `actor2` as stored; a protest or riot nobody attributed gets ACLED's default actor
  "Protesters (<Country>)" / "Rioters (<Country>)". `inter1`, `inter2` are ACLED's text
  categories of those names (`actor_category`); `interaction` the two joined in ACLED's order
  ("State forces-Civilians", "Protesters only"). `assoc_actor_1`, `assoc_actor_2`: empty (sitrep
  keeps no associated actors).
- `civilian_targeting`: "Civilian targeting" when actor2 is civilians.
- `iso` (ISO 3166 numeric), `region` (ACLED's world region, `countries.ACLED_REGION`), `country`,
  `admin1`, `admin2`, `location` (the place's name), `latitude`, `longitude` (4 decimals),
  `geo_precision` (`Precision.acled`: 1 town, 2 near/district, 3 region/country); `admin3` empty.
- `source`: the outlets that published the event's claims, "; "-joined. `source_scale`: empty
  (sitrep does not know an outlet's reach).
- `notes`: one sentence (date, what, where, who, figures) and, when the claimants disagree, each
  claimant's figure ("Oleh Syniehubov (Governor) via Telegram: 1 killed; Yevgeny Poddubny via
  Telegram: 2 killed").
- `fatalities`: ACLED's figure, the lowest specific count any claimant gives.
- `tags`: empty (ACLED's tags, such as crowd size, are not extracted).
- `timestamp`: Unix time of the event's last update.

Events of sitrep's Diplomacy extension, and events with no ACLED type, are left out: ACLED does
not code them.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from typing import IO, Any

from sitrep import taxonomy as tx
from sitrep.models import Event
from sitrep.report import countries
from sitrep.report.tabular import ReportLookup, event_outlets, event_place, numeric_id, write_rows

ACLED_COLUMNS = [
    "event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type",
    "sub_event_type", "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2",
    "interaction", "civilian_targeting", "iso", "region", "country", "admin1", "admin2", "admin3",
    "location", "latitude", "longitude", "geo_precision", "source", "source_scale", "notes",
    "fatalities", "tags", "timestamp",
]  # fmt: skip

STATE_FORCES = "State forces"
REBEL_GROUP = "Rebel group"
POLITICAL_MILITIA = "Political militia"
IDENTITY_MILITIA = "Identity militia"
RIOTERS = "Rioters"
PROTESTERS = "Protesters"
CIVILIANS = "Civilians"
EXTERNAL = "External/Other forces"

#: ACLED's inter codes; the interaction of two actors lists the lower code first.
INTER_CODE = {STATE_FORCES: 1, REBEL_GROUP: 2, POLITICAL_MILITIA: 3, IDENTITY_MILITIA: 4, RIOTERS: 5,
              PROTESTERS: 6, CIVILIANS: 7, EXTERNAL: 8}  # fmt: skip

#: Categories of the named armed groups of `extract.actors.NAMED_GROUPS` (names without the
#: "(<Country>)" of franchises), as ACLED codes them. Insurgents fighting a government are rebel
#: groups; militias serving a party or a community's politics are political militias; a private
#: military company abroad is an external force. A name missing here is a political militia,
#: ACLED's most common non-state category.
GROUP_CATEGORY: dict[str, str] = {
    "Islamic State West Africa Province (ISWAP)": REBEL_GROUP,
    "Islamic State": REBEL_GROUP,
    "Boko Haram - Jamaatu Ahli is-Sunnah lid-Dawati wal-Jihad": REBEL_GROUP,
    "Al Shabaab": REBEL_GROUP,
    "Taliban": REBEL_GROUP,
    "Al Qaeda in the Arabian Peninsula": REBEL_GROUP,
    "Al Qaeda in the Islamic Maghreb": REBEL_GROUP,
    "JNIM: Group for Support of Islam and Muslims": REBEL_GROUP,
    "Al Qaeda": REBEL_GROUP,
    "Houthi Movement (Ansar Allah)": REBEL_GROUP,
    "Hamas": REBEL_GROUP,
    "Hezbollah": POLITICAL_MILITIA,
    "Allied Democratic Forces (ADF)": REBEL_GROUP,
    "FDLR: Democratic Forces for the Liberation of Rwanda": REBEL_GROUP,
    "M23: March 23 Movement": REBEL_GROUP,
    "CODECO: Cooperative for Development of Congo": POLITICAL_MILITIA,
    "Mai-Mai Militia": POLITICAL_MILITIA,
    "Anti-Balaka": POLITICAL_MILITIA,
    "Ex-Seleka Militia": REBEL_GROUP,
    "PKK: Kurdistan Workers Party": REBEL_GROUP,
    "Hayat Tahrir al-Sham": REBEL_GROUP,
    "Wagner Group": EXTERNAL,
    "Rapid Support Forces": REBEL_GROUP,
    "Janjaweed Militia": POLITICAL_MILITIA,
    "Arakan Army": REBEL_GROUP,
    "NPA: New People's Army": REBEL_GROUP,
    "Abu Sayyaf Group": REBEL_GROUP,
    "ELN: National Liberation Army": REBEL_GROUP,
    "DNR: Donetsk People's Republic": REBEL_GROUP,
    "LNR: Luhansk People's Republic": REBEL_GROUP,
}

#: ACLED's disorder type of each event type; two sub-types are both political violence and
#: demonstrations (violence by or against a crowd).
DISORDER_TYPE = {
    tx.BATTLES: "Political violence",
    tx.EXPLOSIONS: "Political violence",
    tx.VIOLENCE_AGAINST_CIVILIANS: "Political violence",
    tx.PROTESTS: "Demonstrations",
    tx.RIOTS: "Demonstrations",
    tx.STRATEGIC: "Strategic developments",
}
BOTH_DISORDERS = {"Mob violence", "Excessive force against protesters"}

_STATE = re.compile(r"^(?:Military|Police) Forces of (?P<state>.+?)(?: \([^()]*\))?$")
_COUNTRY_SUFFIX = re.compile(r" \([^()]*\)$")


def state_of(actor: str | None) -> str | None:
    """The state whose forces an actor name denotes ("Military Forces of Russia (2000-)" -> Russia)."""
    m = _STATE.match(actor or "")
    return m.group("state") if m else None


def actor_category(actor: str | None, country: str | None = None) -> str | None:
    """ACLED's category (the text of inter1/inter2) of a sitrep actor name.

    A state's military or police forces are State forces in their own country and
    External/Other forces abroad (ACLED's rule for forces operating outside their country, e.g.
    Russia's forces in Ukraine); `country` is the event's country name.
    """
    if not actor:
        return None
    state = state_of(actor)
    if state is not None:
        return EXTERNAL if country and state != country else STATE_FORCES
    for prefix, category in (("Civilians", CIVILIANS), ("Protesters", PROTESTERS), ("Rioters", RIOTERS)):
        if actor == prefix or actor.startswith(prefix + " ("):
            return category
    if "Ethnic Militia" in actor or "Clan Militia" in actor:
        return IDENTITY_MILITIA
    if actor.startswith("Unidentified Armed Group"):
        return POLITICAL_MILITIA
    return (
        GROUP_CATEGORY.get(actor) or GROUP_CATEGORY.get(_COUNTRY_SUFFIX.sub("", actor)) or POLITICAL_MILITIA
    )


def interaction(inter1: str | None, inter2: str | None) -> str | None:
    """ACLED's interaction text: the two categories, lower inter code first ("State
    forces-Civilians"), except that ACLED writes "External/Other forces-Civilians"; one actor
    alone is "<category> only"; no actor1, no interaction (ACLED always names actor1)."""
    if not inter1:
        return None
    cats = [c for c in (inter1, inter2) if c]
    if len(cats) == 1:
        return f"{cats[0]} only"
    cats.sort(key=INTER_CODE.__getitem__)
    if cats == [CIVILIANS, EXTERNAL]:
        cats.reverse()
    return "-".join(cats)


def disorder_type(event_type: str | None, sub_event_type: str | None) -> str | None:
    if sub_event_type in BOTH_DISORDERS:
        return "Political violence; Demonstrations"
    return DISORDER_TYPE.get(event_type or "")


def is_acled_event(event: Event) -> bool:
    """Only ACLED's own event types are exported (not Diplomacy, not untyped events)."""
    return event.event_type in tx.ACLED_TYPES


def default_actor1(event: Event, country: str | None) -> str | None:
    """ACLED always names a crowd: an unattributed protest or riot is by Protesters/Rioters."""
    if event.actor1:
        return event.actor1
    crowd = {tx.PROTESTS: "Protesters", tx.RIOTS: "Rioters"}.get(event.event_type or "")
    if crowd is None:
        return None
    return f"{crowd} ({country})" if country else crowd


def _figures_by_claimant(label: str, by_claimant: dict[str, str]) -> list[str]:
    return [f"{who}: {figure} {label}" for who, figure in by_claimant.items()] if len(by_claimant) > 1 else []


def notes(event: Event, actor1: str | None = None) -> str:
    """One sentence on the event, then, when its claimants disagree, what each of them says."""
    when = f"On {event.date.day} {event.date:%B %Y}, " if event.date else ""
    what = (event.summary or event.sub_event_type or event.event_type or "event").strip()
    who = actor1 if actor1 is not None else event.actor1
    parties = f" ({who} against {event.actor2})" if who and event.actor2 else f" ({who})" if who else ""
    sentence = f"{when}{what[:1].lower() if when else what[:1].upper()}{what[1:]}{parties}."
    if not event.contested:
        return sentence
    disputes = _figures_by_claimant("killed", event.fatalities.by_claimant) + _figures_by_claimant(
        "injured", event.injured.by_claimant
    )
    reason = event.contested_reason or ""
    denied = [part.strip() for part in reason.split("|") if part.strip().startswith("denied by")]
    disputes += denied
    if not disputes and reason:
        disputes = [reason]
    return f"{sentence} Claims differ: {'; '.join(disputes)}." if disputes else sentence


def acled_row(event: Event, reports: ReportLookup | None = None) -> dict[str, Any]:
    """One event as an ACLED row (see the module docstring for each column)."""
    loc, place, point, name, country, code = event_place(event)
    actor1 = default_actor1(event, country)
    inter1 = actor_category(actor1, country)
    inter2 = actor_category(event.actor2, country)
    return {
        "event_id_cnty": f"{countries.iso3(code) or 'XXX'}{numeric_id(event.id)}",
        "event_date": event.date.isoformat() if event.date else None,
        "year": event.date.year if event.date else None,
        "time_precision": event.date_precision.acled,
        "disorder_type": disorder_type(event.event_type, event.sub_event_type),
        "event_type": event.event_type,
        "sub_event_type": event.sub_event_type,
        "actor1": actor1,
        "assoc_actor_1": None,
        "inter1": inter1,
        "actor2": event.actor2,
        "assoc_actor_2": None,
        "inter2": inter2,
        "interaction": interaction(inter1, inter2),
        "civilian_targeting": "Civilian targeting" if inter2 == CIVILIANS else None,
        "iso": countries.iso_numeric(code),
        "region": countries.acled_region(code),
        "country": country,
        "admin1": place.admin1 if place else None,
        "admin2": place.admin2 if place else None,
        "admin3": None,
        "location": name,
        "latitude": round(point[0], 4) if point else None,
        "longitude": round(point[1], 4) if point else None,
        "geo_precision": loc.precision.acled if loc else None,
        "source": "; ".join(event_outlets(event, reports)),
        "source_scale": None,
        "notes": notes(event, actor1),
        "fatalities": event.fatalities.acled,
        "tags": None,
        "timestamp": int(event.updated.timestamp()) if event.updated else None,
    }


def acled_rows(events: Iterable[Event], reports: ReportLookup | None = None) -> Iterator[dict[str, Any]]:
    """ACLED rows of the events ACLED would code (Diplomacy and untyped events left out)."""
    for event in events:
        if is_acled_event(event):
            yield acled_row(event, reports)


def write_acled(events: Iterable[Event], out: IO[str], reports: ReportLookup | None = None) -> int:
    """Write the ACLED CSV to `out`; return the number of rows. `reports` (e.g.
    `Store.get_report`) supplies the outlets of the `source` column; events need their claims."""
    return write_rows(acled_rows(events, reports), ACLED_COLUMNS, out)
