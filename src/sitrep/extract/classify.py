"""Event typing with ACLED's taxonomy and precedence rules, from trigger words in a clause.

Why rules: ACLED's codebook *is* a set of rules (an interception is Disrupted weapons use; a strike
inside a ground battle is a Battle; shelling vs air strike is decided by the weapon). Writing them
down keeps every decision explainable and lets a statistical model be added behind the same
function later.

How a clause is read
--------------------
Every lexicon below is one compiled regular expression (built once, at import). A cue does not
count when it is negated ("no clashes", "without resistance"), future or intended ("will
withdraw", "threatened to attack", "agreed to"), halted ("stop fighting", "suspend operations")
or a dated past event ("the 2017 chemical attack").

A clause has three layers. *Context* phrases are left out of everything: a prior or expected
event ("ahead of ...", "in the wake of ...", "a week after ...", "following the arrest of ...",
"the arrests came two days after ...", "months of fighting", "that was the scene of ..."), a
relative clause about last month's events, and a fronted "A day after ..., " clause. *Simultaneous*
phrases (", as ...", "amid ...", "while ...") are left out of the main event but kept for its
details (how a demonstration was policed, which weapon a strike used). The main event is looked
for in the foreground (the clause less both) first, then with the simultaneous phrases; the weak
fallbacks (step 11) only after that. Actors (government forces vs non-state groups) are the
nearest actor words before the verb, or the agent of a passive ("captured by rebels", "fell to
the Taliban"); named groups and "[Nationality] forces" are recognised.

Precedence (the first step that fires decides)
----------------------------------------------
1. **Not political violence**: disasters, accidents, industrial explosions and leaks (a chlorine
   leak is no chemical weapon); robbery, theft and family feuds; organised crime without
   violence (drugs, counterfeit goods, smuggling, fraud) — unless the clause also names an armed
   political actor, a demonstration, a battle or a deliberate attack (bomb, gunmen).
2. **Demonstrations** (protest words, not a diplomatic protest or a campaign rally): Violent
   demonstration (protesters throw stones or petrol bombs, torch, block roads with burning tyres,
   clash with police, riot, light fires, a protest that "turned violent"; not a "non-violent"
   one) > Excessive force against protesters (protesters killed, shot, beaten, seriously injured;
   live fire; violent suppression, excessive force, deaths in a crackdown) > Protest with
   intervention (tear gas, water cannon, rubber bullets, dispersal, arrests of protesters,
   suppression) > Peaceful protest. A bombing or a
   strike on a crowd is typed by its weapon, and gunmen killing people at a rally is an Attack.
   Strikes and hunger strikes alone are no demonstration (ACLED). What a protest is against ("against
   the killing of ...", "to mourn ...") is context, not its event; protesters raped is Sexual violence.
3. **Mob violence** (mob, lynching, vigilantes, an angry crowd beating or burning) and **riots**
   without protest words (Violent demonstration; looting and arson alone go to step 10).
4. **Chemical weapon** (chlorine/mustard/poison gas, sarin, nerve agents; tear gas only when
   fired in war, in shells or at troops or fighters, never at a crowd), then **Suicide bomb**
   (suicide bomber, explosive vest, "blew himself up"): these decide over battle wording; a
   foiled suicide attack is Disrupted weapons use.
5. **Territory** (ACLED codes control changes as Battles sub-types, over Armed clash):
   Non-violent transfer of territory (withdrew from, pulled out, handed over a place, "without
   resistance") > Government regains territory / Non-state actor overtakes territory (recaptured,
   retook, liberated, drove out, captured, seized, took control, overran, advanced into, fell to,
   now controls: the actor decides; regain verbs default to the government, capture verbs to
   non-state actors; "X were pushed back" gives the ground to X's enemy). Capturing people is
   Arrests by state forces, Abduction by anyone else; capturing weapons is Disrupted weapons use;
   "the occupied West Bank" and "areas occupied by rebels" are states, not events; a base set up
   in an area is the base.
6. **Disrupted weapons use**, when nobody was harmed: drones, missiles, rockets intercepted or
   shot down (aircraft shot down are attacks); weapons, ammunition or explosives seized, found,
   recovered, defused or destroyed; bomb plots foiled.
7. **Armed clash vs Explosions/Remote violence**: a clash word (clashes, fighting, battle,
   firefight, encounter, ambush of forces, stormed, came under fire) decides when it comes
   before the weapon in the foreground; a remote weapon used in an attack otherwise decides, by
   weapon: Air/drone strike > Shelling/artillery/missile attack (incl. RPGs, per ACLED) > Remote
   explosive/landmine/IED (incl. any bomb that exploded) > Grenade (not stun or smoke grenades).
8. **Weaker battle evidence**: an attack on a military target, or combatants killed, wounded or
   "neutralised" — Armed clash, unless a civilian target is named first; combatants killed after a
   strike the report already named take that strike's weapon.
9. **Violence against civilians**: Sexual violence > Abduction/forced disappearance (an Attack
   when a killing is the lead) > Attack (executions, massacres, shootings, killings by gunmen,
   bandits or militants, attacks on villages, churches, buses).
10. **Strategic developments**: Agreement (ceasefire, peace deal, prisoner exchange, surrender,
    amnesty) > Arrests > Headquarters or base established > Looting/property destruction
    (looting, arson, demolition of homes, land seizure) > Change to group/activity (merger,
    allegiance, new leader, split, recruitment, defection, deployment, reinforcement, formation
    of a group, curfews).
11. Fallbacks: a generic strike or attack word with casualties or with the report's weapons
    (`generic`: the claim may inherit a more specific type from its incident; an unattributed
    explosion is a Remote explosive); somebody killed or shot with nothing else said (Attack, or
    the report's strike); ACLED's **Other** (mass graves, coups, displacement, expulsions); then
    **Diplomacy** (sitrep's extension, never an ACLED type): Call > Talks > Proposal.
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


# -- weapons ------------------------------------------------------------------------------------

WEAPONS: dict[str, re.Pattern[str]] = {
    "drone": _rx(r"drones?", r"UAVs?", r"unmanned aerial vehicles?", r"Shaheds?", r"Gerans?", r"kamikaze"),
    "missile": _rx(
        r"missiles?",
        r"Iskanders?",
        r"Kinzhals?",
        r"Kalibrs?",
        r"ATACMS",
        r"Storm Shadows?",
        r"ballistic",
    ),
    "aircraft": _rx(
        r"air ?strikes?",
        r"air raids?",
        r"aerial (?:bombardment|attacks?|strikes?|raids?|bombing)",
        r"bombing raids?",
        r"warplanes?",
        r"war planes?",
        r"fighter jets?",
        r"jets",
        r"aircraft",
        r"helicopters?(?: gunships?)?",
        r"gunships?",
        r"glide bombs?",
        r"guided bombs?",
        r"aerial bombs?",
        r"barrel bombs?",
        r"(?:strategic|heavy|long-range|stealth|supersonic|Tu-\d+|B-\d+) bombers?",
        r"bombers? (?:jets?|planes?|aircraft)",
        r"choppers?",
        r"KABs?",
        r"bombed from the air",
        r"airstrikes?",
        r"air force",
    ),
    "artillery": _rx(
        r"shellings?",
        r"shelled",
        r"shells?",
        r"artillery",
        r"mortars?",
        r"mortar (?:rounds|shells|bombs)",
        r"howitzers?",
        r"MLRS",
        r"Grads?",
        r"Uragans?",
        r"Smerch",
        r"HIMARS",
        # rocket launchers' names in translation: "fired from 'Hurricanes'" (Uragan), "Grad" (Hail)
        r"(?<=[\"“«'])(?-i:Hurricanes?|Tornado(?:es|s)?|Hail|Whirlwinds?)(?=[\"”»'])",
        r"multiple rocket launchers?",
        r"rockets?",
        r"rocket-propelled grenades?",
        r"RPGs?",
        r"cluster munitions?",
        r"tank (?:fire|shells?|rounds?|attacks?)",
        r"tanks? (?:fired|attacked|shelled|opened fire)",
        r"projectiles?",
        r"bombarded",
        r"bombardments?",
        r"fire (?:defeat|damage) on",  # Russian bulletins: "inflicted a complex fire defeat on units"
    ),
    "ied": _rx(
        r"IEDs?",
        r"improvised explosive devices?",
        r"(?:[\w'-]+ )?explosive devices?",
        r"roadside bombs?",
        r"landmines?",
        r"land mines?",
        r"car bombs?",
        r"VBIEDs?",
        r"booby[- ]?traps?(?:ped)?",
        r"anti-personnel mines?",
        r"(?:ground|sea|naval|buried) mines?",
        r"mines? (?:laid|planted|placed)",
        r"anti-tank mines?",
        r"mine (?:explosion|blast|exploded|went off)",
        r"(?:stepped on|hit|struck|ran over|drove over) (?:an? |the )?(?:land ?)?mines?",
        r"(?<!coal )(?<!gold )(?<!salt )mines? (?:kill(?:s|ed)?|blasts?|explosions?|exploded|went "
        r"off|wound(?:s|ed)?)",
        r"explosives?-(?:laden|packed|rigged)",
        r"(?:magnetic|sticky|time|parcel|pipe|nail) bombs?",
        r"bombs? (?:was |were |had been )?(?:planted|placed|hidden|exploded|went off|detonated|blast)",
        r"(?:planted|placed|hidden|detonated) (?:a |an |two |the )?bombs?",
        r"bomb blasts?",
        r"bombs? (?:[\w'-]+ ){0,5}(?:exploded|went off|detonated|blew up)",
        r"blew up (?:an? |the |their )?(?:[\w'-]+ ){0,2}(?:car|vehicle|bus|truck|van|train|railway|bridge|"
        r"depot|convoy|checkpoint|building)s?",
        r"bomb explosions?",
        r"bombings?",
        r"(?<!petrol )(?<!fire )(?<!smoke )(?<!stink )(?<!gas )(?<!sound )(?<!barrel )(?<!atomic "
        r")(?<!nuclear )bombs?",
        r"explosives?",
    ),
    "suicide": _rx(
        r"suicide (?:[\w-]+ )?bomb(?:er|ers|ing|ings|s)?",
        r"suicide (?:explosions?|blasts?|bombings?)",
        r"suicide attacks?",
        r"suicide attackers?",
        r"blew (?:him|her|them)sel(?:f|ves) up",
        r"suicide (?:vests?|belts?)",
        r"(?:wearing|strapped with|donning|detonated) (?:an? |his |her |their "
        r")?explosives?(?:-laden)? (?:vests?|belts?)",
        r"detonated (?:him|her|them)sel(?:f|ves)",
        r"self-detonat\w*",
        r"suicide (?:[\w-]+ ){0,3}(?:(?:improvised )?explosive devices?|IEDs?)",
        r"SVBIEDs?",
    ),
    "grenade": _rx(r"(?:hand )?grenades?"),
    "chemical": _rx(
        r"chemical weapons?",
        r"chemical (?:attacks?|agents?|munitions?|bombs?|shells?|weapons?)",
        r"chemically[- ]armed",
        r"chlorine",
        r"sarin",
        r"VX",
        r"toxic gas(?:es)?",
        r"nerve agents?",
        r"poison(?:ous)? gas(?:es)?",
        r"mustard gas",
        r"gas attacks?",
        r"toxic (?:substances?|chemicals?) (?:attack|shells?|rockets?|bombs?)",
        r"exposure to (?:an? )?(?:toxic|poisonous|chemical) (?:substances?|agents?|gas(?:es)?)",
        r"chlorine-(?:filled|laden)",
        # symptoms of a chemical agent after shelling: "treated for breathing difficulties and blurred vision"
        r"symptoms (?:of|including|such as|consistent with) (?:[\w'-]+ ){0,3}(?:breathing difficult(?:y|ies)|"
        r"difficulty breathing|suffocation|choking|blurred vision|foaming at the mouth)",
    ),
    "firearm": _rx(
        r"gunmen",
        r"gunfire",
        r"gunshots?",
        r"shot",
        r"shooting",
        r"opened fire",
        r"rifles?",
        r"machine guns?",
        r"guns?",
    ),
}
#: Tear gas fired in war (shells, rockets, at troops or fighters) rather than at a crowd. ACLED's
#: codebook leaves tear gas out of Chemical weapon; CASE-style reporting codes its use in war
#: there, so only this combat use is typed as such (crowd control stays a protest detail).
_TEAR_GAS = _rx(r"tear ?-?gas", r"teargas")
_WAR_GAS = _rx(
    r"shells?",
    r"rockets?",
    r"mortars?",
    r"projectiles?",
    r"militants",
    r"fighters",
    r"insurgents",
    r"rebels",
    r"jihadists",
    r"terrorists",
    r"(?:at|against|on) (?:the )?(?:[\w'-]+ )?(?:troops|soldiers|army|positions)",
)
#: Grenades that are not weapons of war (crowd control) and rocket-propelled ones (artillery).
_NOT_GRENADE = _rx(r"(?:stun|smoke|flash|flash-bang|tear[- ]?gas|sound|rocket-propelled) grenades?", r"RPGs?")
#: An aircraft that is the target or a casualty, not the weapon.
_AIRCRAFT_VICTIM = _rx(
    r"(?:shot|shoot|shooting|brought) down (?:an? |the )?(?:[\w'-]+ ){0,2}(?:helicopter|aircraft|jet|plane)",
    r"(?:helicopter|aircraft|jet|plane) (?:was |were )?(?:shot down|downed|crashed)",
    r"(?:plane|helicopter|aircraft) crash",
)

# -- cue lexicons --------------------------------------------------------------------------------

_NEGATION = re.compile(r"\b(?:no|not|never|without|nor|neither)\b(?:\W+\w+){0,2}\W*$", re.IGNORECASE)

#: Circumstance phrases. Context (a cause, a prior or expected event) is left out of both the
#: main event and its details; simultaneous events (", as ...", "amid ...", "while ...") only of
#: the main event, since they often say how it went ("as police fired tear gas").
_CONTEXT = re.compile(
    r"^\s*(?:a day|a week|[\w'-]+ (?:days|weeks|hours|months)|hours|days|shortly|moments|soon)\s+"
    r"(?:after|before)\b"
    r"|(?P<to_end>\b(?:in anticipation of|ahead of|in the run-up to|in the run up to|in preparation for|"
    r"in the wake of|in the aftermath of|(?:came|comes|come|occurred|"
    r"took place) (?:[\w'-]+ ){0,3}(?:after|following|amid)|"
    r"(?:a|one|two|three|four|five|six|several|few|\d+) (?:days?|weeks?|months?|years?|hours?) "
    r"(?:after|before)|"
    r"(?:after|following) (?:months|years|weeks|days|decades) of|"
    r"(?:ha(?:ve|s|d)|ha(?:ve|s) long) been (?:fighting|battling|waging|at war|clashing)|"
    r"(?:which|that) ha(?:s|ve) (?:killed|claimed|left|displaced|forced)|"
    r"(?:who|which|that) (?:[\w'-]+ ){1,12}?(?:last (?:week|month|year)|(?:weeks|months|years) ago|"
    r"in (?:19|20)\d\d)|"
    r"(?:ha(?:ve|s)|had) (?:repeatedly |frequently |often |previously |already )?(?:carried out|"
    r"claimed|staged|"
    r"launched|conducted|been behind|been blamed for|been responsible for) (?:a |numerous |several "
    r"|many |dozens of "
    r"|scores of |a number of )?(?:series|spate|wave|string|number|attacks|bombings|raids))\b)"
    r"|(?P<short>\bbefore\b(?! (?:dawn|noon|midnight|sunrise|sunset|daybreak|being|it|they|he|she)\b))"
    r"|\b(?:which|that|where) (?:was|were|had been|has been) (?:the )?(?:scene|site) of\b"
    r"|\b(?:[\w'-]+ )?(?:months|years|weeks|decades) of (?:heavy |intense |fierce |bloody "
    r")?(?:fighting|war|warfare|"
    r"conflict|clashes|violence|hostilities|bloodshed|unrest)\b"
    r"|\b(?:in connection with|suspected of|accused of|on suspicion of|charged with|convicted of|"
    r"sentenced (?:for|over)|for (?:their|his|her|its) (?:alleged )?(?:role|involvement|part) in|"
    r"over (?:the|a|an) "
    r"(?:[\w'-]+ )?(?:attack|bombing|killing|murder|shooting|massacre))\b"
    r"|\b(?:following|after) (?:an? |the )?(?:[\w'-]+ ){0,3}(?:fighting|clash(?:es)?|battles?|hostilities)\b"
    r"|\b(?:to mourn|to commemorate|in memory of|undeterred by|in protest (?:at|over|against)|against "
    r"(?:the |an? )?(?:[\w'-]+ )?(?:killings?|deaths?|murders?|executions?|arrests?|detentions?|shootings?|"
    r"massacres?|rapes?|abductions?|kidnappings?|bombings?|attacks?))\b"
    r"|\b(?:following|after) the (?:death|killing|murder|assassination|arrest|release|capture|detention|"
    r"abduction|kidnapping|disappearance|election|announcement|collapse|fall|funeral) of\b",
    re.IGNORECASE,
)
_SIMULTANEOUS = re.compile(
    r"(?P<to_end>,\s*as\s+(?!a result|well|part|such|many|much|long|soon|of\b))|\bamid\b|\bwhile\b",
    re.IGNORECASE,
)
#: Future, intended or threatened events have not happened.
_MODAL = re.compile(
    r"\b(?:will|would|shall|could|might|may|plans? to|planning to|planned to|threaten(?:s|ed|ing)? to|"
    r"vow(?:s|ed)? to|expected to|(?:the )?powers? to|authority to|right to|bid to|"
    r"attempts? to|aim(?:s|ed)? to|intends? to|going to|set to|ready to|prepared to|"
    r"agreed to|agrees? to|pledged to|promised to|refused to|urged \w+ to|ordered \w+ to)"
    r"\s+(?:[\w'-]+\s+)?$",
    re.IGNORECASE,
)
#: Ending or pausing fighting is no fighting ("agreed to stop fighting", "suspend its operations").
_HALTED = re.compile(
    r"\b(?:stop|stopped|stopping|end|ended|ending|halt|halted|halting|cease|ceased|ceasing|suspend|suspended|"
    r"suspending|pause|paused|renounce|renounced)\s+(?:the\s+|its\s+|their\s+|all\s+)?"
    r"(?:[\w'-]+\s+)?$",
    re.IGNORECASE,
)
#: A past event named by its year ("the 2017 chemical attack") is background.
_YEAR_BEFORE = re.compile(
    r"\b(?:the|a|an|deadly|of|in|since)\s+(?:[\w'-]+\s+)?(?:19|20)\d\d\s+(?:[\w'-]+\s+){0,2}$", re.IGNORECASE
)

_STRIKE = _rx(
    r"strikes?",
    r"struck",
    r"hit",
    r"(?<!heart )(?<!panic )(?<!asthma )attacks?",
    r"attacked",
    r"bombardment",
    r"bombed",
    r"bombing",
    r"targeted",
    r"targeting",
    r"pounded",
    r"explosions?",
    r"exploded",
    r"blasts?",
    r"raids?",
    r"fired",
    r"launched",
    r"dropped",
    r"landed",
    r"fell",
    r"detonated",
    r"went off",
    r"blew up",
    r"shelled",
    r"shelling",
    r"kill(?:ed|ing|s)?",
    r"wounds",
    r"injures",
    r"destroys",
    r"wounded",
    r"wounding",
    r"injured",
    r"injuring",
    r"destroyed",
    r"damaged",
    r"hurled",
    r"lobbed",
    r"tossed",
    r"tossing",
    r"thrown",
    r"threw",
    r"carried out",
    r"rained",
    r"slammed",
    r"ripped through",
    r"tore through",
    r"rocked",
    r"crashed into",
    r"impacted",
)
#: Weapon words that are an attack by themselves.
_SELF_ATTACK = _rx(
    r"shelling",
    r"shelled",
    r"air ?strikes?",
    r"air raids?",
    r"bombings?",
    r"bombardments?",
    r"bombarded",
    r"(?:mortar|rocket|artillery|tank) fire",
    r"fire (?:defeat|damage) on",
    r"grenade attacks?",
    r"car bombs?",
    r"roadside bombs?",
    r"drone strikes?",
)
#: A generic attack word, for clauses with casualties but no weapon.
_GENERIC_STRIKE = _rx(
    r"(?<!teachers' )(?<!teacher )(?<!workers' )(?<!labour )(?<!labor )(?<!general )(?<!hunger "
    r")(?<!nationwide )(?<!transport )"
    r"strikes?(?! by (?:teachers|workers|doctors|nurses|drivers|employees|unions?))",
    r"exploded",
    r"detonated",
    r"went off",
    r"struck",
    r"hit",
    r"bombardment",
    r"bombed",
    r"explosions?",
    r"blasts?",
    r"pounded",
    r"targeted",
)
_GENERIC_ATTACK = _rx(
    r"(?<!heart )(?<!panic )(?<!asthma )(?<!anxiety )attacks?",
    r"attacked",
    r"assaults?",
    r"assaulted",
    r"assailants",
    r"attackers",
    r"raids?",
    r"raided",
)

_STRONG_BATTLE = _rx(
    r"clash(?:es|ed|ing)?",
    r"(?<!tasked with )(?<!charged with )(?<!help in )(?<!role in )(?<!aid in )fighting(?! "
    r"(?:against )?(?:terror\w*|extremis\w*|corruption|crime|poverty|the virus|the pandemic|drugs?|"
    r"Daesh|ISIS|ISIL|IS|the Islamic State|insurgen\w+|militan\w+|jihadis\w*)\b)",
    r"fought",
    r"battles?",
    r"battled",
    r"battling",
    r"firefights?",
    r"fire ?fights?",
    r"gun ?battles?",
    r"gunfights?",
    r"shoot-?outs?",
    r"exchange(?:d|s)? (?:of )?(?:gun)?fire",
    r"traded (?:gun)?fire",
    r"under (?:heavy )?(?:gun|machine-gun|sniper|small-arms) ?fire",
    r"encounters? (?:with|between)",
    r"in an? (?:gun ?)?encounter",
    r"(?<!end )(?<!of )(?<!halt )(?<!stop )(?<!cease )(?<!ending )(?<!halting )hostilities",
    r"skirmish(?:es)?",
    r"engaged in combat",
    r"combat",
    r"offensive",
    r"counter-?offensive",
    r"counter-?attack(?:s|ed)?",
    r"assaults? on (?:[\w'-]+ ){0,2}positions",
    r"stormed(?! (?:an? |the )?(?:[\w'-]+ ){0,2}(?:communit(?:y|ies)|villages?|churche?s?|mosques?|schools?|"
    r"markets?|hotels?|homes?|houses?|hospitals?))",
    r"ambush(?:ed|es)?(?! (?:[\w'-]+ ){0,3}(?:civilians?|villagers|farmers|miners|travell?ers|passengers|"
    r"worshippers|traders|herders|workers|motorists|bus|vehicles? carrying civilians)\b)",
    r"(?:repelled|repulsed|fended off|foiled|thwarted|beat back|pushed back) (?:an? |the "
    r")?(?:[\w'-]+ ){0,3}(?:attack|assault|offensive|attempt(?! to (?:smuggle|cross|enter|flee|escape|"
    r"traffic)))",
    # "stopped another attempt to attack", "halted the advance of two dozen Wagnerians" (not "stopped
    # its offensive", a pause)
    r"(?:stopped|halted) (?!(?:its|their|his|her|our|my)\b)(?:an? |the |another )?(?:[\w'-]+ ){0,2}?"
    r"(?:attacks?|assaults?|attempts? to (?:attack|advance|storm|break)|advance of)",
    r"(?:attack|assault|attempt)s? (?:[\w'-]+ ){0,8}(?:was|were) (?:repelled|repulsed|fended off|"
    r"foiled|thwarted)",
    r"came under (?:heavy )?fire",
    r"(?:retreated|withdrew|fled|abandoned(?: [\w'-]+){1,2}|pulled out) under (?:heavy )?fire",
    r"(?<!the )(?<!those )surround(?:ed|s)(?! by (?:[\w'-]+ )?(?:police|supporters|protesters|crowds?|family|"
    r"relatives|journalists|reporters|security|guards|bodyguards))",
    r"encircl(?:ed|es|ing|ement)",
    r"military operations?",
    r"security operations?",
    r"operations? against",
    r"mop-up operations?",
    # front-line bulletins: enemy personnel or units put out of action, failed advances, aircraft downed
    r"(?:destroyed|destroy|destroying|eliminated|eliminate|eliminating|neutrali[sz]ed|liquidated|wiped out) "
    r"(?:[\w'-]+ ){0,4}(?:invaders|occupiers|enemy|assault (?:groups?|units?|detachments?)|sabotage "
    r"(?:(?:and )?reconnaissance )?groups?|mercenaries|servicemen|soldiers|troops|fighters|personnel|"
    r"(?:units|forces|formations) of)\b",
    # the same, told in the passive: "about 60 invaders liquidated in Kharkiv region"
    r"(?:invaders|occupiers|enemy (?:soldiers|troops|fighters|personnel)|mercenaries|sabotage (?:(?:and )?"
    r"reconnaissance )?groups?|assault groups?) (?:(?:were|have been|had been) )?(?:destroyed|eliminated|"
    r"neutrali[sz]ed|liquidated|wiped out)\b",
    # Russian bulletins, translated: "inflicted defeat on units of ..." (a "fire defeat" is shelling)
    r"inflicted (?:an? )?(?:heavy |crushing |serious |major )?defeat on",
    r"(?:tr(?:ying|ied|ies)|attempt(?:ing|ed|s)?) to (?:attack|advance|storm|break through|assault|break into"
    r"|counter-?attack)",
    r"suffer(?:ed|s|ing)? (?:heavy |significant |serious )?losses",
    r"(?:shot|shoot|shooting|brought) down (?:an? |the )?(?:[\w'-]+ ){0,2}"
    r"(?:helicopter|aircraft|(?:fighter )?jet|plane|bomber|gunship)s?",
)
_COMBATANT = (
    r"(?:soldiers?|troops|servicem[ae]n|security (?:forces|personnel|officers|men|guards)|policem[ae]n|"
    r"police(?: officers?)?|officers|jawans?|paramilitar(?:y|ies)(?: personnel)?|personnel|army|"
    r"militiam[ae]n|militias?|fighters?|militants?|terrorists?|insurgents?|rebels?|jihadists?|"
    r"extremists?|guerrillas?|saboteurs?|sappers?|combatants?|commandos?|guards?|recruits|trainees|cadres?|commanders?|"
    r"militiam[ae]n|members of (?:the )?"
    r"(?:[\w'-]+ ){0,3}(?:forces|army|group|militia))"
)
_MILITARY_TARGET = (
    r"(?:positions?|bases?|checkpoints?|check posts?|check-posts?|posts?|outposts?|barracks|convoys?|"
    r"patrols?|patrolling party|camps?|garrisons?|headquarters|police stations?|"
    r"military (?:[\w'-]+ )?(?:vehicles?|installations?|facilit(?:y|ies)|targets?)|"
    r"army (?:[\w'-]+ )?(?:vehicles?|units?)|soldiers|troops|forces|police|army|military)"
)
_QUANTITY = (
    r"(?:(?:at least|more than|over|some|about|dozens of|scores of|several|many|a number of|"
    r"\d+|[a-z]+teen|two|three|four|five|six|seven|eight|nine|ten|twenty|thirty|forty|fifty) )*"
)
#: Weaker battle evidence: an attack on a military target.
_ATTACK_ON_MILITARY = re.compile(
    r"\b(?:attack(?:ed|s)?|raided|assaulted|overran|targeted|ambushed|hit|stormed|charged) (?:on |against )?"
    r"(?!by\b)(?:an? |the |two |three |several |a number of )?(?:(?!by\b)[\w'-]+ ){0,4}"
    + _MILITARY_TARGET
    + r"\b",
    re.IGNORECASE,
)
#: Weaker battle evidence: combatants killed or wounded.
_COMBATANT_VICTIMS = re.compile(
    r"\b(?:kill(?:ed|ing|s)?|wound(?:ed|ing|s)?|injur(?:ed|ing|es)|neutrali[sz]ed|eliminated|shot "
    r"dead|gunned down|"
    r"shot and killed)"
    r"(?: and (?:wound|injur)\w+)? " + _QUANTITY + r"(?:[\w'-]+ )?" + _COMBATANT + r"\b"
    r"|\b"
    + _QUANTITY
    + _COMBATANT
    + r" (?:[\w'-]+ ){0,3}(?:were|was|have been|had been|are) (?:[\w'-]+ )?(?:killed|wounded|"
    r"injured|shot dead|"
    r"gunned down|neutrali[sz]ed|eliminated)\b"
    r"|\b" + _COMBATANT + r" (?:[\w'-]+ ){0,2}(?:died|die|dies|lost their lives)\b"
    # headline style, no auxiliary: "Ukraine soldier killed in rebel attack"
    r"|\b"
    + _COMBATANT
    + r" (?:killed|wounded|injured)"
    + r"(?= in\b| by\b| as\b| after\b| during\b| near\b| at\b| on\b|,|:| -|$)",
    re.IGNORECASE,
)
_CIVILIAN = _rx(
    r"civilians?",
    r"villagers?",
    r"residents?",
    r"farmers?",
    r"worshipp?ers?",
    r"passengers?",
    r"travell?ers?",
    r"shoppers?",
    r"pilgrims?",
    r"students?",
    r"children",
    r"women",
    r"journalists?",
    r"aid workers?",
    r"herders?",
    r"traders?",
    r"people",
    r"persons",
    r"family",
    r"families",
    r"churchgoers",
    r"mourners",
    r"fishermen",
    r"motorists",
    r"teachers",
)

#: Regaining verbs default to the government, capture verbs to non-state actors.
_REGAIN = _rx(
    r"recaptur(?:ed|ing|e)",
    r"re-?took",
    r"re-?taken",
    r"retaking",
    r"regain(?:ed|ing|s)?",
    r"liberat(?:ed|ing) (?=the |a |an |[A-Z0-9])",
    r"liberation of",
    r"re-?took control",
    r"won back",
    r"recover(?:ed|ing)",
    r"reclaim(?:ed|ing)",
    r"restor(?:ed|ing) (?:security|control|stability|state authority|government control|order)",
    r"seized back",
    r"took back",
    r"dislodg(?:ed|ing)",
    r"(?:freed|liberated|cleared) (?:the |a |several |two |three |\d+ )?(?:[\w'-]+ )?(?:towns?|villages?|"
    r"city|cities|"
    r"areas?|districts?|regions?|neighbou?rhoods?|localit(?:y|ies)|settlements?) (?:[\w'-]+ ){0,4}from",
    r"(?:drove|driven|drive|pushed|push|chased|forced|flushed) (?:[\w'-]+ ){0,4}(?:back|out)\b(?: of| from)?",
    r"(?:were|was) (?:pushed|driven|forced) (?:back|out)",
    r"expelled (?:[\w'-]+ ){0,4}from",
    r"cleared (?:the |a )?(?:last |remaining )?(?:[\w'-]+ ){0,2}(?:pockets?|areas?|towns?|"
    r"villages?|districts?|"
    r"neighbou?rhoods?|regions?|strongholds?)",
    r"cleared (?:[\w'-]+ ){0,4}(?:of|from) (?:[\w'-]+ )?(?:militants|terrorists|insurgents|rebels|"
    r"jihadists|fighters)",
    r"purg(?:ed|ing) (?:[\w'-]+ ){0,4}from",
)
_OVERTAKE = _rx(
    r"captur(?:ed|ing|e|es)",
    r"seiz(?:ed|ing|e)",
    r"(?:took|taken|take|taking|gained|gaining|wrested|assumed|established|seized) (?:full |"
    r"complete |total )?control",
    r"took over",
    r"taken over",
    r"overr?an",
    r"overrun",
    r"occupied",
    r"occupying",
    r"(?:advanced|advancing|advance|pushed|made advances|gained ground|made gains|entered|marched) "
    r"(?:in|into|on|to|towards|toward|deeper)\b",
    r"advanced",
    r"(?:by|after|in) (?:fully )?(?:controlling|securing)",
    r"fell to(?! (?:his|her|their) deaths?| the ground| \d)",
    r"in (?:full |complete |total )?control of",
    r"fallen to",
    r"under (?:the |their |its )?control of",
    r"under (?:its|their|the army's|government) (?:full |complete |total )?control",
    r"now control(?:s|led)?",
    r"ha(?:s|ve) (?:full |complete |total )?control (?:of|over)",
    r"stormed and (?:took|captured|seized)",
)
_WITHDRAW = _rx(
    r"withdr(?:ew|awn|awing|awal|aws) (?:[\w'-]+ ){0,3}from",
    r"(?<!to )(?<!and )withdraw (?:[\w'-]+ ){0,3}from",
    r"withdr(?:ew|awn|aw) (?:from )?(?:the )?(?:city|town|village|area|base|region|district|province)",
    r"pulled out\b",
    r"pull(?:ed|ing)? out of",
    r"retreated (?:from|to)",
    r"abandon(?:ed|ing) (?:their |its |the )?(?:positions?|posts?|bases?|town|village|city|area)",
    r"handed (?:[\w'-]+ ){0,3}(?:over|back)",
    r"hand(?:ing|s)? over",
    r"handover",
    r"hand-over",
    r"without (?:any )?(?:resistance|a fight|fighting|a shot|firing a (?:single )?(?:shot|gunshot))",
    r"evacuated (?:their|its|the) (?:positions?|bases?|posts?)",
    r"transferred control",
)
_PERSON_OBJECT = (
    r"(?:commanders?|leaders?|chiefs?|emirs?|militants?|fighters?|soldiers?|members?|suspects?|men|"
    r"people|persons?|civilians|sailors|crew(?: members)?|hostages|operatives?|terrorists?|insurgents?|"
    r"rebels?|jihadists?|officers?|policem[ae]n|journalists?|workers?|children|women|tourists?|"
    r"foreigners?|nationals|citizens|activists?|officials?|spies|spy|gunmen|bandits|pirates|"
    r"individuals|youths?|boys?|girls?|students?|prisoners?|farmers|villagers|traders|herders|fishermen|"
    r"passengers|travell?ers|reporters|teachers|pilgrims|miners|drivers|lawyers|bloggers|protesters|"
    r"demonstrators|supporters|followers|volunteers|engineers|doctors|nurses|loggers|priests?|pastors?)"
)
_WEAPON_OBJECT = (
    r"(?:weapons?|arms|ammunitions?|ammo|projectiles?|rifles?|pistols?|guns?|revolvers?|muskets?|carbines?|"
    r"explosives?|grenades?|mines?|landmines?|land mines?|IEDs?|bombs?|rockets?|missiles?|mortars?|"
    r"rounds|bullets|cartridges|"
    r"caches?|depots?|arsenals?|stockpiles?|munitions?|Kalashnikovs?|AK-?47s?|launchers?|RPGs?|"
    r"military equipment|equipment|firearms?|shells|detonators?|warheads?|drones?|UAVs?|devices?|"
    r"ordnance|UXOs?)"
)
_PLACE_OBJECT = (
    r"(?:towns?|villages?|city|cities|districts?|areas?|neighbou?rhoods?|regions?|provinces?|territor(?:y|"
    r"ies)|"
    r"hills?|hilltops?|heights|mountains?|airports?|air ?bases?|airfields?|oil ?fields?|crossings?|roads?|"
    r"highways?|bridges?|dams?|ports?|islands?|valleys?|counties|county|localit(?:y|ies)|settlements?|"
    r"strongholds?|outskirts|parts|quarters?|pockets?|suburbs?|capital|border|countryside|hill posts?|"
    r"key (?:[\w'-]+ )?(?:town|village|city|junction|road)|junctions?|zones?|lands?|headquarters|HQs?|"
    r"buildings?|police stations?|bases?)"
)
_OBJECT = re.compile(
    r"\b(?:(?P<person>"
    + _PERSON_OBJECT
    + r")|(?P<weapon>"
    + _WEAPON_OBJECT
    + r")|(?P<place>"
    + _PLACE_OBJECT
    + r"))(?![\w-])",
    re.IGNORECASE,
)
_PASSIVE = re.compile(r"\b(?:was|were|been|being|is|are|get|got)\s+(?:\w+ly\s+)?$", re.IGNORECASE)

#: Actors: government forces and non-state armed groups (qualified phrases first).
_ACTOR = re.compile(
    r"(?P<gov>(?i:\b(?:allied|pro-government|pro-regime|loyalist|government-backed|state-backed|"
    r"government|govt|"
    r"regime|state|security|armed|federal|national|army|military)\s+(?:\w+\s+)?(?:forces|troops|fighters|"
    r"militias?|units?|soldiers|groups?)\b"
    r"|\bforces loyal to (?:the )?(?:government|president|regime|state)\b)"
    r"|\b(?:Free Syrian Army|FSA|(?:[\w'-]+ )?(?:Liberation|Independence|Resistance|Revolutionary|Salvation|"
    r"[Ee]thnic|Democratic Alliance|Arakan|Kachin|Kokang|Mahdi|Lord's Resistance) Army)\b(?P<nsa_army>)"
    r"|\b(?:Kurdish|Kurdish-led|Syrian Democratic) (?:[\w-]+ )?[Ff]orces\b(?P<nsa_forces>)"
    r"|\b[A-Z][a-z]+(?:an|ian|ish|i|ese|ch) (?:[Ss]ecurity |[Aa]rmed |[Gg]overnment )?(?:[Ff]orces|"
    r"[Tt]roops|[Aa]rmy|"
    r"[Mm]ilitary|[Ss]oldiers|[Pp]olice)\b"
    r"|(?i:\b(?:army|armies|troops|soldiers|military|servicem[ae]n|police|policem[ae]n|gendarmes?|"
    r"gendarmerie|"
    r"marines|navy|commandos?|paratroopers|peacekeepers|army units?|security forces|authorities)\b)"
    r"|(?i:\b(?:counter-?terrorism|intelligence|security) (?:service|services|agents|agency|units?|"
    r"officers|police)\b)"
    r"|\b(?:SAA|ANP|ANA|ANDSF|KDF|AMISOM|Tatmadaw|IDF|SNA)\b)"
    r"|(?P<nsa>(?i:\b(?:militants?|rebels?|insurgents?|jihadists?|terrorists?|extremists?|militias?|"
    r"militiam[ae]n|fighters|gunmen|separatists?|guerrillas?|bandits|pirates|kidnappers|armed groups?|"
    r"armed men|assailants|attackers|opposition(?: \w+)?|Islamic State|Daesh|Taliban|al-Shabaa?b|Shabaa?b|"
    r"Boko Haram|al-Qaeda|al-Nusra|Nusra(?: Front)?|Tahrir al-Sham|Houthis?|Ansar Allah|Hezbollah|Hamas|"
    r"Maoists?|Naxal(?:ite)?s?|Ambazonians?|Polisario|Janjaweed|Seleka|anti-Balaka|mujahideen|Mujahid\w*|"
    r"Takfiri\w*|herdsmen)\b)"
    r"|\b(?:IS|ISIS|ISIL|AQAP|AQIM|HTS|PKK|YPG|SDF|FARC|ELN|NPA|ADF|M23|RSF|LRA|MNDAA|JNIM|ISWAP)\b)",
)


_VAC_ATTACK = _rx(
    r"executed",
    r"(?:public |summary |extrajudicial |extra-judicial |mass )executions?",
    r"executions? of",
    r"massacred?",
    r"massacres",
    r"lynched",
    r"beheaded",
    r"decapitated",
    r"tortured",
    r"shot dead",
    r"gunned down",
    r"hacked to death",
    r"stabbed",
    r"burned alive",
    r"burnt alive",
    r"killed civilians",
    r"drive-by shooting",
    r"(?:shot|shooting|killed|kills|murdered|assassinated) (?:an? |the |two |three )?(?:[\w'-]+ ){0,3}"
    r"(?:civilians?|villagers|residents|farmers|worshippers|passengers|activists?|journalists?|teachers?|"
    r"students|children|women|man|woman|boy|girl)",
    r"opened fire (?:on|at) (?:an? |the )?(?:[\w'-]+ ){0,3}(?:civilians?|villagers|residents|worshippers|"
    r"passengers|people|crowd|bus|vehicle|car|market|church|mosque|school|wedding|funeral|shoppers|"
    r"(?:[\w'-]+ )?cent(?:er|re)|clinic|bar|restaurant|hotel|office)",
    r"(?:attack(?:ed|s)?|raid(?:ed|s)?|stormed) (?:on )?(?:an? |the |two |three |several )?(?:[\w'-]+ ){0,3}"
    r"(?:villages?|villagers|civilians|communit(?:y|ies)|(?:civilian |local )?population|locals|hamlets?|"
    r"residents|church(?:es)?|mosques?|schools?|markets?|buses|bus|vehicles?|car|travell?ers|passengers|"
    r"worshippers|homes|houses|hospitals?|wedding|funeral|farmers|buildings?|offices?|hotels?|"
    r"restaurant|shop|camp for displaced|IDP camp|refugee camp)",
    r"murder(?:ed|s)?",
    r"assassinat(?:ed|ion)",
    r"(?:killed|murdered|slain|slaughtered|shot(?: and killed| dead)?|gunned down|beheaded|hacked to death|"
    r"stabbed(?: to death)?|executed|burned to death|beaten to death) by (?:[\w'-]+ "
    r"){0,4}(?:gunmen|assailants|"
    r"attackers|militants|men|bandits|herdsmen|herders|assassins|fighters|jihadists|insurgents|rebels|"
    r"terrorists|"
    r"members|gangs?|group|motorcyclists|tribesmen|militia(?:men)?|Boko Haram|al[- ]Shabaa?b|Taliban|"
    r"Islamic State|soldiers|troops|police(?:men)?|security forces|(?:secret |security )?services|agents)",
    r"killed in (?:an? |the )?(?:[\w'-]+ ){0,2}(?:shooting|gun attack|knife attack|machete attack|stabbing|"
    r"drive-by)",
    r"(?:attacked|shot|stabbed|abducted|kidnapped|tortured) and killed",
    r"slaughtered",
    r"slain",
    r"bullet wounds",
    r"execution-style",
    r"targeted killings?",
)
#: Somebody killed or shot, passive or nominal ("was shot", "the killing of six civilians").
_KILLED = _rx(
    r"(?:was|were|has been|have been|had been|being) (?:reportedly |allegedly |later |brutally |fatally )?"
    r"(?:shot(?: dead)?|killed|murdered|stabbed(?: to death)?|gunned down|hacked(?: to death)?|beheaded|"
    r"assassinated|slain|lynched|executed|tortured(?: to death)?|beaten to death|burned to death)",
    r"killing of (?:[\w'-]+ ){0,3}(?:civilians|people|villagers|residents|persons|men|women|children|"
    r"farmers|worshippers|passengers)",
    r"behead(?:s|ed|ing)",
    r"(?:civilians?|people|residents|villagers|persons|children|women|journalists?|reporters?|photographers?|"
    r"singer|activists?|mayor|official|elders?|teachers?|students?|workers?) (?:[\w'-]+ "
    r"){0,4}?(?:killed|die|dies|"
    r"died)(?= in\b| by\b| as\b| after\b| during\b| near\b| at\b| on\b|,|:| -|$)",
    r"killed in (?:an? |the )?(?:[\w'-]+ ){0,2}attacks?",
    r"shot (?:twice|several times|multiple times|in the (?:head|chest|back))",
)
_FATAL = re.compile(
    r"kill|shot dead|murder|behead|massacre|execut|slaughter|hack|slain|death|stab", re.IGNORECASE
)
#: Armed men killing or attacking with no target named: Violence against civilians unless the
#: clause says the victims were combatants.
_ARMED_ATTACKERS = _rx(
    r"(?:bandits|gunmen|armed men|assailants|attackers|militants|herdsmen|herders|unknown men|"
    r"unidentified men|"
    r"jihadists|assassins|(?:armed )?gangs?|motorcyclists|tribesmen|(?:cattle )?rustlers|pirates|militiamen) "
    r"(?:[\w'-]+ ){0,12}?(?:have |had )?(?:killed|shot|attacked|murdered|opened fire|raided|stormed|"
    r"slaughtered|"
    r"beheaded|hacked|massacred|executed)",
)
_ABDUCT = _rx(
    r"abduct(?:ed|ion|ions|s|ing)?",
    r"kidnap(?:ped|ping|pings|s|pers)?",
    r"forcibly disappeared",
    r"enforced disappearances?",
    r"forced disappearances?",
    r"taken hostage",
    r"held hostage",
    r"hostages?",
    r"taken captive",
    r"held captive",
    r"snatched",
    r"(?:ha(?:s|ve)|had) not been seen since",
    r"whereabouts (?:remain |are |is )?unknown",
    r"picked up by (?:unknown|unidentified|armed|masked|gun-wielding) (?:men|gunmen|persons)",
    r"picked up by men in plain ?clothes",
)
#: Hostages set free: the release, not an abduction.
_RELEASED = re.compile(
    r"\b(?:released|freed|release of|freeing|free|swap(?:ped)?|exchange(?:d)?)\s+(?:[\w'-]+\s+){0,3}$", re.I
)
_SEXUAL = _rx(
    r"rap(?:ed|e|es|ing|ist|ists)",
    r"gang[- ]?rap(?:ed|e|es|ing)",
    r"sexual(?:ly)? (?:violence|assault(?:ed|s)?|abuse(?:d|s)?|exploit(?:ed|ation)|harass(?:ed|"
    r"ment)|attacks?)",
    r"molest(?:ed|ation|ing)",
    r"sex slaves?",
    r"sexual slavery",
)
_PROTEST = re.compile(
    r"\b(?:protest(?:s|ed|ers?|ors?|ing)?|demonstrat(?:ion|ions|ors?|ing)|demonstrated (?:\w+ly |"
    r"again )?(?:against|"
    r"in|outside|at|"
    r"for|on|near|across)|rall(?:y|ies)|rallied (?:in|at|outside|against|on|across|near)|sit-ins?|"
    r"pickets?|picketed|picketing|strikers|"
    r"took to the streets|take to the streets|(?:disperse|dispersed|dispersing) (?:an? |the )?(?:[\w'-]+ )?"
    r"(?:crowds?|gatherings?|rally|march)|(?:gathered|turned out|assembled|came out|poured "
    r"into the streets) "
    r"(?:[\w'-]+ ){0,9}(?:to demand|to protest|to denounce|to voice|to oppose|"
    r"to condemn|to call for|demanding|calling for|to express|to voice|chanting)|chant(?:ed|ing) "
    r"slogans|marchers|protest-march|bandh|hartal|"
    r"dharnas?|gheraos?|(?:candle ?light |candle )?vigils?|candle marches|die-ins?|"
    r"(?:police|riot police|officers|security forces) (?:[\w'-]+ ){0,4}(?:fired|used|deployed|sprayed) "
    r"(?:[\w'-]+ ){0,2}(?:tear ?-?gas|teargas|water ?cannons?|rubber bullets|pepper spray))\b"
    r"|\b(?-i:march(?:ed|es|ing)?)\b",
    re.IGNORECASE,
)
#: A diplomatic protest or a campaign rally is no demonstration.
_NOT_PROTEST = _rx(
    r"(?:lodged|lodges|filed|sent|delivered) (?:an? |its )?(?:[\w'-]+ )?protest",
    r"protest notes?",
    r"(?:campaign|election|electoral) rall(?:y|ies)",
    r"(?:President|Prime Minister|party)(?:'s)? (?:[\w'-]+ )?rall(?:y|ies)",
)
#: Protesters' own violence.
_RIOT = re.compile(
    r"\b(?:(?<!anti-)riot(?:s|ed|ers|ing)?(?! (?:police|gear|control|squad|unit|officers))|"
    r"torch(?:ed|ing)|set (?:[\w'-]+ ){0,3}(?:ablaze|alight|on fire)|set(?:ting)? fire to|firebomb(?:ed|ing)|"
    r"pelt(?:ed|ing|s)?|stone[- ](?:throwing|pelting)|(?:threw|throwing|thrown|throws?|hurl(?:ed|"
    r"ing|s)?|lob(?:bed|bing|s)?) "
    r"(?:[\w'-]+ ){0,2}(?:stones?|rocks?|bottles?|bricks?|petrol bombs?|molotov cocktails?|"
    r"molotovs?|firebombs?|"
    r"objects|projectiles|fireworks?|eggs|(?:tear ?gas )?canisters?)|vandali[sz](?:ed|ing)|"
    r"rampag(?:e|ed|ing)|"
    r"smash(?:ed|ing) (?:[\w'-]+ ){0,2}(?:windows|shops?|cars|vehicles)|overturn(?:ed|ing) "
    r"(?:[\w'-]+ )?(?:cars|vehicles)|"
    r"ransack(?:ed|ing)|looted|looting|"
    r"clash(?:ed|es|ing)? (?:[\w'-]+ ){0,4}(?:with|between) (?:[\w'-]+ ){0,3}(?:police|security "
    r"forces|riot police|"
    r"troops|soldiers|protesters|demonstrators|supporters)|(?:protesters|demonstrators|crowds?|youths?) "
    r"(?:[\w'-]+ ){0,3}clash(?:ed)?|burn(?:ed|ing|t)? (?:[\w'-]+ ){0,2}(?:tyres|tires|cars|"
    r"vehicles|buildings|"
    r"offices|police station)|barricad(?:es|ed|ing)|block(?:ed|ing)? (?:[\w'-]+ ){0,2}(?:roads?|"
    r"highways?|streets?|entrances?|bridges?|railway|traffic|thoroughfares?|junctions?)|"
    r"shut down (?:[\w'-]+ ){0,2}(?:roads?|"
    r"highways?|streets?|offices|campus(?:es)?)|pull(?:ed)? down|tore down|broke into|stormed|"
    r"(?:protesters|demonstrators) (?:(?!were\b|was\b|been\b|being\b)[\w'-]+ ){0,3}(?:armed with|attacked|"
    r"beat|injured)|(?<!non-)(?<!non )violent "
    r"(?:protests?|"
    r"demonstrations?)|unrest|turn(?:ed|s|ing)? (?:[\w'-]+ )?violent|"
    r"descended into (?:[\w'-]+ ){0,6}violence|"
    r"violence (?:erupted|broke out)|erupted into violence|(?:fir(?:e|ed|ing)|thr(?:ew|ow|owing)|hurl(?:ed|"
    r"ing)?|launch(?:ed|ing)?) (?:[\w'-]+ ){0,2}(?:firecrackers|fireworks|flares) (?:at|against|towards)|"
    r"(?:lit|light(?:ed|ing)?|start(?:ed|ing)?) (?:[\w'-]+ )?fires|(?:armed )?with (?:stones|rocks|"
    r"sticks|clubs|machetes|"
    r"iron rods))\b",
    re.IGNORECASE,
)
#: Lethal or serious violence against protesters.
_PROTEST_FORCE = re.compile(
    r"\b(?:(?:fired|opened fire|shot) (?:live (?:ammunition|rounds|bullets) )?(?:on|at|into) (?:the |a )?"
    r"(?:[\w'-]+ ){0,2}(?:protesters|demonstrators|crowds?|marchers|students|rally)|live "
    r"(?:ammunition|rounds|"
    r"bullets|fire)|(?:killed|killing|shot dead|shot|shooting|beat|beaten|beating|hits?|struck|"
    r"attacked|assaulted|"
    r"injured|injuring|wounded|wounding|clubbed) (?:at least |more than )?(?:an? |the |two |three |"
    r"several |\d+ )?(?:[\w'-]+ ){0,3}(?:protest\w*|demonstrat\w*|"
    r"marchers|rally)|(?:protesters?|demonstrators?|marchers) (?:[\w'-]+ ){0,3}(?:were |was )?"
    r"(?:killed|shot|died|dead|beaten|wounded|injured|hospitali[sz]ed)|(?:serious|severe|critical) "
    r"injur(?:y|ies)|brutal(?:ly)?|bloody crackdown|with (?:his |their |a )?batons?|gunfire|"
    r"massacre|turned deadly|turned bloody|excessive force|violent(?:ly)? (?:suppress\w*|repress\w*|"
    r"crack\w* down|crackdown)|(?:deadly|lethal|fatal|violent) (?:force|crackdown|"
    r"repression)|(?:die|dies|died|dead|killed|deaths?) in (?:an? |the )?(?:[\w'-]+ ){0,2}crackdown)\b",
    re.IGNORECASE,
)
#: Authorities stepping in without lethal force.
_PROTEST_INTERVENE = _rx(
    r"dispers(?:e|ed|ing|al)",
    r"dispel(?:led)?",
    r"tear ?-?gas",
    r"teargas",
    r"water ?cannons?",
    r"rubber bullets",
    r"plastic bullets",
    r"pellets?",
    r"pepper[- ]?spray(?:ed)?",
    r"pepper (?:balls|canisters)",
    r"(?:stun|smoke|flash) grenades?",
    r"non-?lethal",
    r"less-lethal",
    r"batons?",
    r"baton[- ]charged?",
    r"lathi[- ]?charged?",
    r"(?<!the )(?<!an )arrest(?:s|ed|ing)?(?! of)",
    r"made (?:\d+ |[\w'-]+ )?arrests",
    r"(?<!the )detain(?:s|ed|ing)?",
    r"rounded up",
    r"broke up",
    r"break up",
    r"cut short",
    r"suppress(?:ed|ion|ing)?",
    r"crack(?:ed)? ?down",
    r"crush(?:ed|ing)",
    r"clamp(?:ed|ing)? down",
    r"crackdown",
    r"chased?",
    r"forcibly (?:removed|cleared|evicted)",
    r"cleared (?:the )?(?:square|camp|sit-in|protest|streets?)",
    r"riot police",
    r"police (?:intervened|charged|blocked|prevented|stopped)",
    r"prevented",
    r"blocked by police",
    r"kettled",
    r"push(?:ed|es|ing)? back (?:[\w'-]+ ){0,2}(?:protesters|demonstrators|crowds?|marchers)",
)
_MOB = _rx(
    r"mobs? of (?:[\w'-]+ )?(?:looters|rioters|youths|vigilantes)",
    r"mobs? (?:of [\w'-]+ )?(?:[\w'-]+ )?(?:attacked|beat|lynched|torched|burned|burnt|killed|set|"
    r"stormed|stoned|"
    r"hacked|assaulted|dragged|chased)",
    r"mob (?:violence|attacks?|justice|lynching|killings?)",
    r"(?:by|from) (?:an? |the )?(?:angry |irate )?mob",
    r"lynch(?:ed|ing|ings)?",
    r"vigilantes?",
    r"angry (?:crowds?|residents|villagers|youths|locals)",
    r"jungle justice",
    r"mob justice",
    r"communal (?:clash(?:es)?|violence)",
    r"(?:crowds?|villagers|residents|locals|youths|mobs?) (?:[\w'-]+ ){0,2}(?:set upon|beat|attacked|lynched|"
    r"burned|burnt|hacked|stoned|torched)",
    r"stoned to death",
)

#: Weapons taken out of use: interceptions need a projectile; seizures need a weapon object.
_INTERCEPT = re.compile(
    r"\b(?:shot down|shoot down|downed|intercept(?:ed|ion|ions|s)?|neutrali[sz]ed|destroyed in the air|"
    r"air defen[cs]es? (?:were |was )?(?:active|activated|engaged|working)|jammed|"
    r"suppressed by electronic warfare)\b",
    re.IGNORECASE,
)
_PROJECTILE = _rx(
    r"drones?",
    r"UAVs?",
    r"unmanned aerial vehicles?",
    r"Shaheds?",
    r"missiles?",
    r"rockets?",
    r"projectiles?",
    r"shells?",
    r"ballistic",
    r"air (?:attack|raid)",
    r"(?:aerial )?targets",
    r"devices?",
    r"bombs?",
    r"Iskanders?",
    r"Kinzhals?",
    r"Kalibrs?",
    r"ATACMS",
    r"Storm Shadows?",
    r"HIMARS",
)
_SEIZE = _rx(
    r"seiz(?:ed|ing|ure|ures|e)",
    r"f[oi]und",
    r"finding",
    r"discover(?:ed|y|ies|ing)",
    r"uncover(?:ed|ing)",
    r"unearth(?:ed|ing)",
    r"recover(?:ed|ing|y)",
    r"confiscat(?:ed|ion|ing)",
    r"captured",
    r"impounded",
    r"defus(?:ed|ing|e)",
    r"dismantl(?:ed|ing)",
    r"deactivat(?:ed|ing)",
    r"disarm(?:ed|ing)",
    r"destroy(?:ed|ing)",
    r"cleared",
    r"detonated (?:[\w'-]+ ){0,3}(?:safely|in a controlled)",
    r"controlled explosion",
    r"safely (?:detonated|defused|destroyed|removed|disposed of)",
    r"bomb squad",
    r"removed",
    r"collected",
    r"de-?min(?:ers|ing|ed)",
    r"sappers",
    r"unexploded",
    r"bomb disposal",
    r"haul",
    r"stash(?:es)?",
    r"cache",
    r"hideout",
    r"handed in",
)
_FOILED = _rx(
    r"(?:foiled|thwarted|averted|prevented|disrupted) (?:an? |the |two |several )?(?:[\w'-]+ ){0,3}"
    r"(?:(?:bomb|bombing|suicide|terror|terrorist|IED|car bomb|explosive) (?:attacks?|plots?|attempts?)|"
    r"bombings?|plots?)",
)
_WEAPON_NOUN = re.compile(r"\b" + _WEAPON_OBJECT + r"\b", re.IGNORECASE)

_ARREST = _rx(
    r"arrest(?:ed|s|ing)?",
    r"detain(?:ed|s|ing)?",
    r"detention",
    r"(?:taken|took|take) (?:[\w'-]+ ){0,4}into custody",
    r"in custody",
    r"apprehended",
    r"jailed",
    r"nabbed",
    r"rounded up",
    r"(?:intercepted|caught|held|picked up) (?:\d+ |\w+ ){0,3}(?:suspect(?:ed|s)? )?(?:members|"
    r"suspects|militants|persons|men|people|terrorists|activists)",
)
_AGREEMENT = _rx(
    r"ceasefire",
    r"cease-fire",
    r"ceasfire",
    r"truce",
    r"armistice",
    r"peace (?:deal|agreement|accord|pact|treaty)",
    r"(?:reached|signed|sign|struck|concluded|brokered|clinched|agreed(?: on| to)?) (?:an? |the "
    r")?(?:[\w'-]+ ){0,3}"
    r"(?:agreement|deal|accord|pact|treaty|memorandum|truce|ceasefire)",
    r"agreed to (?:a |an )?(?:[\w'-]+ )?(?:withdraw|exchange|release|end|stop|halt|lay down|hand "
    r"over|evacuat\w+)",
    r"(?:as part of|under|in line with|per|following) (?:the|a|an) (?:[\w'-]+ ){0,3}(?:deal|"
    r"agreement|accord)",
    r"the deal to",
    r"agreed (?:to|on) (?:[\w'-]+ ){0,2}(?:resume|hold|start|begin|open|"
    r"return to) (?:[\w'-]+ ){0,2}(?:peace )?"
    r"(?:talks|negotiations|dialogue)",
    r"prisoner (?:exchange|swap|release)s?",
    r"exchange of (?:prisoners|detainees|bodies|captives)",
    r"exchanged (?:[\w'-]+ ){0,2}(?:prisoners|detainees|bodies|captives)",
    r"swap(?:ped)? (?:of )?(?:prisoners|detainees|bodies)",
    r"release of (?:[\w'-]+ ){0,3}(?:prisoners|detainees)",
    r"surrender(?:ed|s|ing)?",
    r"laid down (?:their |its )?(?:arms|weapons)",
    r"lay down (?:their |its )?(?:arms|weapons)",
    r"reconciliation (?:deal|agreement)",
    r"evacuation deal",
    r"amnesty",
    r"(?:handed|turned) themselves (?:in|over)",
    r"gave themselves up",
)
_LOOTING = re.compile(
    r"\b(?:loot(?:ed|ing|ers)|plunder(?:ed|ing)?|ransack(?:ed|ing)|pillag(?:ed|ing)|"
    r"(?:torched|burn(?:ed|t)(?: down)?|set (?:[\w'-]+ ){0,3}(?:ablaze|alight|on fire|afire)|"
    r"set(?:ting)? fire to|"
    r"razed|demolished|"
    r"destroy(?:ed|ing)|vandali[sz]ed|damag(?:ed|ing)|attacks? on|put (?:[\w'-]+ ){0,3}afire|"
    r"blew up|st(?:ole|olen|eal|eals|ealing)|dismantl(?:ed|ing)) (?:[\w'-]+ ){0,4}(?:propert(?:y|ies)|"
    r"railways?|rails|"
    r"cables|machinery|generators?|infrastructure|homes?|houses?|shops?|stores?|vehicles|cars|buildings?|"
    r"crops|villages?|churches|mosques|offices|markets?|establishments?|schools?|businesses|huts|"
    r"granaries|livestock|telecom masts?|masts?|towers?|pylons?|temples?|shrines?|statues?|"
    r"monuments?|graves?|"
    r"cemeter(?:y|ies)|memorials?|idols?)|land (?:grabs?|seizures?)|seized "
    r"(?:[\w'-]+ ){0,2}land|"
    r"(?:homes?|houses?|shops?|stores?|vehicles|cars|buildings?|huts) (?:[\w'-]+ ){0,3}(?:were |was )?"
    r"(?:looted|torched|set (?:ablaze|alight|on fire)|burned|burnt|razed|vandali[sz]ed|ransacked|afire|"
    r"destroyed|demolished))\b",
    re.IGNORECASE,
)
_BASE_NOUN = (
    r"(?:bases?|military posts?|observation (?:posts?|points?)|outposts?|headquarters|HQs?|military points?|"
    r"points?|garrisons?|barracks|(?:military|army|training) camps?|command cent(?:er|re)s?|positions|posts|"
    r"airstrips?|air ?bases?|naval bases?|checkpoints?|installations?)"
)
_BASE = re.compile(
    r"\b(?:set(?:ting)? up|establish(?:ed|es|ing)?|build(?:s|ing)?|built|open(?:ed|s|ing)|erect(?:ed|ing)|"
    r"construct(?:ed|ing)|install(?:ed|ing)|creat(?:ed|ing)|deploy(?:ed|ing)? (?:to|at) (?:a |the )?new)"
    r" (?:a |an |the |two |three |several |its |their |\d+ |a total of \d+ )?(?:[\w'-]+ ){0,3}"
    + _BASE_NOUN
    + r"\b"
    r"|\b" + _BASE_NOUN + r" (?:[\w'-]+ ){0,4}(?:was|were|has been|have been|had been|being) "
    r"(?:[\w'-]+ )?(?:set up|established|built|opened|erected|constructed|installed)\b",
    re.IGNORECASE,
)
_NOT_BASE = _rx(
    r"refugees?", r"displacement", r"displaced", r"IDPs?", r"relief", r"medical", r"field hospital"
)
_CHANGE = _rx(
    r"merg(?:ed|er|ing|e) (?:with|into|to form)",
    r"(?:groups?|factions?|militias?) (?:have |has )?merged",
    r"merger",
    r"pledg(?:ed|es|ing) (?:allegiance|loyalty)",
    r"swore allegiance",
    r"new (?:leader|commander|chief|emir|head|spokes(?:man|person|woman)|deputy)",
    r"(?:appointed|named|elected|chosen) (?:as )?(?:its |the |their |a )?(?:new )?(?:leader|"
    r"commander|chief|emir|head|"
    r"spokes(?:man|person|woman)|deputy)",
    r"split (?:from|with|off)",
    r"splinter(?:ed)?",
    r"broke away",
    r"recruit(?:ed|ing|ment|s)?",
    r"mobili[sz](?:ed|ing|ation|es|e)",
    r"reinforc(?:ed|ing|ements?|e)",
    r"deploy(?:ed|ing|ment|ments|s)?(?! (?:point|area|site|base|zone|location)s?\b)",
    r"redeploy(?:ed|ing|ment)?",
    r"(?:sent|sending|dispatched|dispatching|forwarded|moved|moving|rushed|rushing|transferred) (?:more |"
    r"additional |new |hundreds of "
    r"|thousands of |\w+ )?"
    r"(?:[\w'-]+ )?(?:troops|forces|fighters|reinforcements|soldiers|units|military equipment|convoys?)",
    r"pull(?:ed|s|ing)? back",
    r"defect(?:ed|ion|ions|ors|s)?",
    r"deserted",
    r"desertions?",
    r"fortif(?:y|ied|ies|ying|ications?)",
    r"(?:formed|formation of|founded|launched|created|set up|established) (?:an? |the )?(?:new "
    r")?(?:[\w'-]+ ){0,3}"
    r"(?:groups?|units?|brigades?|battalions?|forces?|militias?|coalition|alliance|armed wing|regiment|"
    r"organi[sz]ations?|divisions?|corps)",
    r"(?:groups?|units?|brigades?|battalions?|militias?) (?:[\w'-]+ ){0,3}(?:have been|has been|were|was) "
    r"(?:formed|founded|created|set up)",
    r"disband(?:ed|ing)?",
    r"dissolv(?:ed|ing)",
    r"renamed",
    r"changed (?:its|their) name",
    r"new (?:political |armed |military )?wing",
    r"announced (?:the )?(?:creation|formation|launch|establishment) of",
    r"rebrand(?:ed|ing)",
    r"joined (?:the )?(?:ranks|group)",
    r"(?:military )?build-?up",
    r"massing (?:troops|forces)",
    r"troop movements?",
    r"relocat(?:ed|ing|ion)",
    r"suspend(?:ed|s|ing)? (?:its |their |all )?(?:[\w'-]+ )?(?:operations|attacks|activities|"
    r"fighting|offensive)",
    r"(?:announced|declared) (?:a |an )?(?:unilateral )?(?:pause|halt|suspension)",
    r"(?:imposed|declared|extended|lifted) (?:an? |the )?(?:[\w'-]+ ){0,2}(?:curfew|state of "
    r"emergency|martial law)",
)

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

#: Disasters and accidents: no actor means no political violence.
_DISASTER = _rx(
    r"earthquakes?",
    r"quakes?",
    r"aftershocks?",
    r"tremors?",
    r"floods?",
    r"flooding",
    r"flash floods?",
    r"wildfires?",
    r"(?:\d+|dozens of|hundreds of|several|many) fires",
    r"fires? (?:are |were |is |was )?(?:burning|raging|spreading)",
    r"forest fires?",
    r"bush ?fires?",
    r"(?<![\"“«'])hurricanes?(?![\"”»'])",  # not a quoted launcher ("Hurricanes": Uragan)
    r"cyclones?",
    r"typhoons?",
    r"tornado(?:es|s)?",
    r"tsunamis?",
    r"landslides?",
    r"mudslides?",
    r"avalanches?",
    r"volcano(?:es|s)?",
    r"volcanic",
    # a volcano's; "fighting erupted" and "an eruption of communal violence" are no disaster
    r"eruptions?(?! of (?:[\w-]+ ){0,2}(?:violence|fighting|clashes|unrest|protests?|hostilities))",
    r"heavy rains?",
    r"torrential rains?",
    r"heat ?waves?",
    r"cold waves?",
    r"blizzards?",
    r"snowstorms?",
    r"drought",
    r"lightning",
    r"(?:car|bus|road|traffic|train|plane|air|helicopter|boat|vehicle|single-vehicle|truck|motorcycle) "
    r"(?:crash|accident|collision)(?:es|s)?",
    r"crash(?:ed|es)? (?:into|on|in|near)",
    r"(?:killed|died|dead|injured|hurt) in (?:an? |the )?(?:[\w'-]+ ){0,3}(?:crash|collision|accident)",
    r"hit-and-run",
    r"plane crash(?:ed|es)?",
    r"accident(?:s|al|ally)?",
    r"derail(?:ed|ment)",
    r"capsiz(?:ed|ing)",
    r"sank",
    r"collided",
    r"collision",
    r"struck by (?:an? |the )?(?:[\w'-]+ ){0,2}(?:carrier|ship|vessel|car|truck|train|bus|tanker|lightning)",
    r"gas (?:explosion|leak(?:age)?|cylinder)",
    r"(?:chemical|oil|fuel|toxic) (?:spill|leak(?:age)?)s?",
    r"spill(?:ed|t)?",
    r"leak(?:ed|age|ing)?",
    r"boiler",
    r"furnace",
    r"transformer",
    r"short circuit",
    r"(?:factory|plant|warehouse|refinery|industrial (?:area|estate|zone|park|site)|mine|depot) "
    r"(?:fire|blaze|explosion|blast|collapse)",
    r"(?:chemical|power|nuclear|industrial|treatment|manufacturing|processing|fertili[sz]er|steel|iron) "
    r"(?:plant|facility|factory)",
    r"industrial (?:area|estate|zone|park|site|accident)",
    r"fire broke out",
    r"(?:explosion|blast|fire|blaze) (?:at|in) (?:an? |the )?(?:[\w'-]+ ){0,2}(?:factory|plant|warehouse|"
    r"refinery|mine|workshop|facility|chemical plant|power station)",
    r"fireworks?",
    r"caught fire",
    r"catching fire",
    r"blaze",
    r"firefighters?",
    r"fire crews?",
    r"building collapse",
    r"(?:buildings?|house|homes?|bridges?|roofs?|walls?|mines?|tunnels?|dams?|structures?|stands?|"
    r"stages?|towers?|blocks?) (?:[\w'-]+ ){0,2}collapsed",
    r"stampede",
    r"electrocuted",
    r"drowned",
    r"food poisoning",
    r"consum(?:ed|ing) (?:[\w'-]+ ){0,3}(?:toxins?|poison|alcohol)",
    r"(?:alcohol|food|carbon monoxide|mushroom|methanol|lead|mercury) poisoning",
    r"toxins?",
    r"(?:disease|virus|cholera|ebola|measles|covid\S*|coronavirus|flu) (?:outbreak|cases|"
    r"infections|patients)",
    r"outbreak of (?:cholera|ebola|measles|disease|covid\S*|coronavirus|the virus)",
    r"tested positive",
    r"(?:died|deaths?) (?:of|from) (?:covid\S*|coronavirus|cholera|ebola|measles|the virus)",
    r"storms?",
)
#: Accidental releases: a chlorine leak is no chemical attack.
_LEAK = _rx(r"leak(?:ed|age|ing|s)?", r"spill(?:ed|t|s|age)?", r"gas (?:explosion|cylinder)")
#: Robbery and theft: no political violence even when someone is killed.
_THEFT = _rx(
    r"robbery",
    r"robberies",
    r"robbed",
    r"robbers",
    r"armed robbers",
    r"burglar(?:y|ies|s)",
    r"theft",
    r"thieves",
    r"carjack\w*",
)
#: Organised crime without a political actor.
_CRIME = _rx(
    r"steal(?:ing|s)?",
    r"stole",
    r"stolen",
    r"drugs?",
    r"narcotics?",
    r"heroin",
    r"cocaine",
    r"methamphetamine",
    r"meth",
    r"cannabis",
    r"marijuana",
    r"steroids?",
    r"smuggl\w*",
    r"(?:human|drug|people|sex|wildlife|organ) traffick\w*",
    r"trafficking ring",
    r"counterfeit\w*",
    r"fake (?:currency|notes|money|goods|cosmetics|medicines?|drugs)",
    r"fraud\w*",
    r"scam\w*",
    r"embezzl\w*",
    r"money laundering",
    r"bribe\w*",
    r"pornograph\w*",
    r"poach(?:ers|ing|ed)",
    r"illegal (?:immigra\w+|mining|logging|migrants?)",
    r"domestic violence",
    r"cartel",
    r"(?:criminal|drug) gangs?",
    r"ransom(?! by (?:militants|rebels|insurgents|jihadists|terrorists))",
)
#: Private violence: a killing in a family or personal dispute is no political violence.
_DOMESTIC = _rx(
    r"domestic (?:violence|dispute|abuse)",
    r"(?:family|marital|personal|love) (?:dispute|feud|quarrel|row)s?",
    r"(?:killed|murdered|murdering|killing|stabbed|strangled|shot) (?:his|her) (?:own )?(?:wife|"
    r"husband|girlfriend|"
    r"boyfriend|ex-wife|ex-husband|partner|mother|father|son|daughter|brother|sister|children)",
    r"honou?r killings?",
)
#: Signs that a crime or disaster story reports political violence after all.
_POLITICAL = _rx(
    r"militants?",
    r"rebels?",
    r"insurgents?",
    r"jihadists?",
    r"terror\w*",
    r"extremists?",
    r"militias?",
    r"separatists?",
    r"armed groups?",
    r"protest\w*",
    r"demonstrat\w+",
    r"air ?strikes?",
    r"shelling",
    r"suicide",
    r"bombing",
    r"IEDs?",
    r"explosive devices?",
    r"troops",
    r"soldiers",
    r"army",
    r"military",
    r"war",
    r"Islamic State",
    r"ISIS",
    r"ISIL",
    r"Daesh",
    r"Taliban",
    r"al-Qaeda",
    r"Boko Haram",
    r"al-Shabaa?b",
)


def weapons_in(text: str) -> list[str]:
    found = [name for name, rx in WEAPONS.items() if rx.search(text)]
    if "grenade" in found and all(
        _NOT_GRENADE.search(text[max(0, m.start() - 20) : m.end()]) for m in WEAPONS["grenade"].finditer(text)
    ):
        found.remove("grenade")
    if "aircraft" in found and all(
        _AIRCRAFT_VICTIM.search(text[max(0, m.start() - 40) : m.end() + 30])
        for m in WEAPONS["aircraft"].finditer(text)
    ):
        found.remove("aircraft")
    if "chemical" in found and _LEAK.search(text):
        found.remove("chemical")
    return found


#: ACLED's remote-violence sub-types in precedence order (chemical and suicide decide first).
_REMOTE_ORDER = (
    ("chemical", "Chemical weapon"),
    ("suicide", "Suicide bomb"),
    ("drone", "Air/drone strike"),
    ("aircraft", "Air/drone strike"),
    ("missile", "Shelling/artillery/missile attack"),
    ("artillery", "Shelling/artillery/missile attack"),
    ("ied", "Remote explosive/landmine/IED"),
    ("grenade", "Grenade"),
)


def _remote_sub(weapons: list[str]) -> str:
    """ACLED's remote-violence sub-type from the weapons named (precedence top-down)."""
    for weapon, sub in _REMOTE_ORDER:
        if weapon in weapons:
            return sub
    return "Air/drone strike"


# -- reading a clause ----------------------------------------------------------------------------


def _blank(text: str, rx: re.Pattern[str]) -> str:
    """`text` with the phrases `rx` opens blanked out (offsets kept): to the clause end for the
    alternatives with a `to_end` group, else to the next comma."""
    out = text
    for m in rx.finditer(text):
        if m.group("to_end") is not None:
            end = len(text)
        elif "short" in m.groupdict() and m.group("short") is not None:
            words = re.match(r"(?:\W*[\w'-]+){0,7}", text[m.end() :])
            end = m.end() + (words.end() if words else 0)
        else:
            comma = text.find(",", m.end())
            end = comma if comma >= 0 else len(text)
            end = min(end, m.end() + 90)
        out = out[: m.start()] + " " * (end - m.start()) + out[end:]
    return out


def _live(text: str, m: re.Match[str]) -> bool:
    """The cue is not negated ("no clashes", "without a shot") nor a dated past event."""
    before = text[max(0, m.start() - 40) : m.start()]
    return not (
        _NEGATION.search(before[-30:])
        or _YEAR_BEFORE.search(before)
        or _MODAL.search(before[-30:])
        or _HALTED.search(before[-30:])
    )


def _find(rx: re.Pattern[str], text: str) -> re.Match[str] | None:
    for m in rx.finditer(text):
        if _live(text, m):
            return m
    return None


def _side(m: re.Match[str]) -> str:
    nsa = m.group("nsa") is not None or m.group("nsa_army") is not None or m.group("nsa_forces") is not None
    return "nsa" if nsa else "gov"


def _actor_before(text: str, pos: int) -> str | None:
    """'gov' or 'nsa': the nearest actor words before `pos` in the same sentence."""
    start = max(text.rfind(". ", 0, pos) + 1, pos - 160, 0)
    kind = None
    for m in _ACTOR.finditer(text, start, pos):
        kind = _side(m)
    return kind


_BY_AGENT = re.compile(r"\s*(?:[\w'-]+\s+){0,6}?(?:by|to)\s+(?:the\s+)?((?:[\w'-]+\s+){0,3})", re.IGNORECASE)


def _agent_after(text: str, end: int) -> str | None:
    """The agent of a passive: 'captured by rebels', 'fell to the army'."""
    m = _BY_AGENT.match(text, end)
    if not m:
        return None
    a = _ACTOR.search(text, m.start(1), m.end() + 30)
    return _side(a) if a is not None else None


def _object_kind(text: str, m: re.Match[str]) -> str | None:
    """What a verb took: 'person', 'weapon', 'place' (None: unknown)."""
    before = text[max(0, m.start() - 80) : m.start()]
    if _PASSIVE.search(before):
        last = None
        for o in _OBJECT.finditer(before):
            last = o
        return last.lastgroup if last is not None else None
    after = text[m.end() : m.end() + 70]
    if re.match(r"\s+by\b", after):
        return None  # "the area occupied by the rebels": an agent, no object
    head = re.match(r"(?:\W*[\w'-]+){1,6}", after)  # the object phrase: its first words
    o = _OBJECT.search(after, 0, head.end() if head else 0)
    if o is not None:
        return o.lastgroup
    if re.match(r"\s+(?:on \w+\s+)?(?:the\s+)?[A-Z]", after):
        return "place"
    return None


@dataclass
class _Clause:
    text: str
    fg: str  # foreground: where the main event is looked for
    detail: str  # the clause less its context phrases: where details are read
    harm: bool
    weapons: list[str]
    default_weapons: list[str]

    def typed(
        self, sub: str, m: re.Match[str] | None, *, generic: bool = False, ws: list[str] | None = None
    ) -> Typing:
        trigger, start = (m.group(0), m.start()) if m is not None else ("", 0)
        return Typing(
            tx.EVENT_TYPE_OF.get(sub), sub, trigger, start, self.weapons if ws is None else ws, generic
        )


def _remote_attack(c: _Clause) -> tuple[str, re.Match[str]] | None:
    """The remote weapon used in an attack (sub-type and its first mention in the foreground)."""
    remote = [w for w in c.weapons if w not in {"firearm", "chemical", "suicide"}]
    if not remote:
        return None
    if not (c.harm or _find(_STRIKE, c.detail) or _find(_SELF_ATTACK, c.detail)):
        return None
    first: re.Match[str] | None = None
    for text in (c.fg, c.detail):
        for w in remote:
            m = _find(WEAPONS[w], text)
            if m is not None and (first is None or m.start() < first.start()):
                first = m
        if first is not None:
            break
    if first is None:
        return None
    return _remote_sub(remote), first


# -- the steps, in precedence order ----------------------------------------------------------------


#: A disaster word beside an attack ("the block collapsed after an air raid") is the attack's harm.
_DELIBERATE_CAUSE = re.compile(
    r"\b(?:attack(?:s|ed)?|bomb(?:s|ed|ing)?|gunmen|air\s?(?:raid|strike)s?|shell(?:ing|ed)|"
    r"bombard(?:ments?|ed|ing)|(?:missile|rocket|drone)\s+(?:strike|attack)s?|"
    r"(?:fired|firing)\s+(?:at|on|upon)|opened\s+fire)\b",
    re.IGNORECASE,
)


def _not_political(c: _Clause) -> Typing | None:
    if (m := _DISASTER.search(c.text)) is not None:
        deliberate = (
            _find(_POLITICAL, c.text)
            or {"suicide", "ied", "grenade", "chemical"} & set(c.weapons)
            or _DELIBERATE_CAUSE.search(c.text)
        )
        if not deliberate:
            return Typing(None, tx.NOT_POLITICAL_VIOLENCE, m.group(0), m.start(), c.weapons)
    # a robbery or a family feud; but a mob beating a thief is Mob violence
    private = _DOMESTIC.search(c.text) or _THEFT.search(c.text)
    political = _find(_POLITICAL, c.text) or _find(_STRONG_BATTLE, c.text) or _MOB.search(c.text)
    if (m := private) is not None and not political:
        return Typing(None, tx.NOT_POLITICAL_VIOLENCE, m.group(0), m.start(), c.weapons)
    if (m := _CRIME.search(c.text)) is not None and not _find(_POLITICAL, c.text):
        violent = (
            c.harm
            or "firearm" in c.weapons
            or any(_find(rx, c.text) for rx in (_VAC_ATTACK, _ARMED_ATTACKERS, _MOB, _RIOT))
        )
        if not violent and not re.search(r"\bweapons?|\barms\b|ammunition|explosives", c.text, re.IGNORECASE):
            return Typing(None, tx.NOT_POLITICAL_VIOLENCE, m.group(0), m.start(), c.weapons)
    return None


def _demonstration(c: _Clause) -> Typing | None:
    m = _find(_PROTEST, c.fg)
    if m is None:
        # "activists were detained while trying to hold demonstrations": a protest broken up (ACLED)
        held = _find(_PROTEST, c.detail)
        if held is not None and _find(_ARREST, c.fg) and not _NOT_PROTEST.search(c.text):
            return c.typed("Protest with intervention", held)
        return None
    if _NOT_PROTEST.search(c.text[max(0, m.start() - 40) : m.end() + 10]):
        return None
    remote = _remote_attack(c)
    if remote is not None and remote[0] != "Grenade" or {"suicide", "ied"} & set(c.weapons) and c.harm:
        return None  # a bomb or a strike on a crowd: typed by its weapon
    if _find(_ARMED_ATTACKERS, c.fg) or _find(_VAC_ATTACK, c.fg) and not _find(_PROTEST_FORCE, c.detail):
        return None  # gunmen killing people at a rally: an attack, typed below
    if _find(_SEXUAL, c.fg):
        return None  # protesters raped: Sexual violence, typed below
    if _find(_RIOT, c.detail):
        return c.typed("Violent demonstration", m)
    if _find(_PROTEST_FORCE, c.detail):
        return c.typed("Excessive force against protesters", m)
    authority = re.search(
        r"\b(?:police|security|forces|troops|soldiers|army|guards|officers|authorities)\b",
        c.detail,
        re.IGNORECASE,
    )
    if (
        c.harm
        and authority
        and re.search(r"\b(?:killed|died|dead|shot|wounded|injured)\b", c.detail, re.IGNORECASE)
    ):
        return c.typed("Excessive force against protesters", m)
    if _find(_PROTEST_INTERVENE, c.detail):
        return c.typed("Protest with intervention", m)
    return c.typed("Peaceful protest", m)


def _mob_or_riot(c: _Clause) -> Typing | None:
    if (m := _find(_MOB, c.fg)) is not None:
        return c.typed("Mob violence", m)
    if _remote_attack(c) is not None:
        return None
    for m in _RIOT.finditer(c.fg):
        cue = m.group(0).lower()
        if not _live(c.fg, m):
            continue
        if re.match(r"(?:looted|looting|torch|set|ransack|vandal|burn)", cue) and not re.search(
            r"tyres|tires", cue
        ):
            continue  # property destroyed without a crowd: Looting/property destruction
        if re.match(
            r"(?:stormed|broke into|block|shut down|unrest|barricad|pull|tore|rampag|smash|armed|with|"
            r"violence|"
            r"descended|erupted|turn|lit|light|start)",
            cue,
        ):
            continue  # only with protest words
        return c.typed("Violent demonstration", m)
    return None


def _disrupted(c: _Clause) -> Typing | None:
    if c.harm:
        return None
    for m in _INTERCEPT.finditer(c.text):
        if not _live(c.text, m):
            continue
        after = c.text[m.end() : m.end() + 50]
        if re.match(
            r"\s+(?:an? |the )?(?:[\w'-]+ ){0,2}(?:helicopter|aircraft|jet|plane|warplane)s?\b", after
        ):
            continue
        near = c.text[max(0, m.start() - 70) : m.end() + 50]
        if _PROJECTILE.search(near):
            return c.typed("Disrupted weapons use", m)
    if (m := _find(_FOILED, c.fg)) is not None:
        return c.typed("Disrupted weapons use", m)
    for m in _SEIZE.finditer(c.fg):
        if not _live(c.fg, m):
            continue
        kind = _object_kind(c.text, m)
        if kind == "weapon":
            return c.typed("Disrupted weapons use", m)
        if kind is None and not re.match(r"(?:destroy|clear|remov|collect)", m.group(0), re.IGNORECASE):
            # "found ... a hideout with arms": the weapons may come later; "destroyed" needs them as object
            window = c.text[max(0, m.start() - 60) : m.end() + 60]
            if _WEAPON_NOUN.search(window):
                return c.typed("Disrupted weapons use", m)
    return None


def _chemical_or_suicide(c: _Clause) -> Typing | None:
    if _find(_FOILED, c.fg) is not None and not c.harm:
        return None  # a foiled suicide bombing is Disrupted weapons use
    if "chemical" in c.weapons and (m := _find(WEAPONS["chemical"], c.fg)) is not None:
        return c.typed("Chemical weapon", m)
    if (m := _find(_TEAR_GAS, c.fg)) is not None and not _find(_PROTEST, c.text) and _WAR_GAS.search(c.text):
        return c.typed("Chemical weapon", m)  # tear gas as a weapon of war, not crowd control
    if "suicide" in c.weapons and (m := _find(WEAPONS["suicide"], c.fg)) is not None:
        return c.typed("Suicide bomb", m)
    return None


def _territory(c: _Clause) -> Typing | None:
    battle = _find(_STRONG_BATTLE, c.fg)
    w = _find(_WITHDRAW, c.text)
    if (
        w is not None
        and re.match(r"hand", w.group(0), re.I)
        and _object_kind(c.text, w) in {"weapon", "person"}
    ):
        w = None  # weapons or prisoners handed over: no territory
    armed = _ACTOR.search(c.text) is not None  # territory changes hands between armed actors
    if w is not None and not armed and _object_kind(c.text, w) != "place":
        w = None  # "the Russian pulled out with an ankle injury"
    if w is not None and (not (battle or c.harm) or w.group(0).lower().startswith("without")):
        return c.typed("Non-violent transfer of territory", w)
    base = _find(_BASE, c.fg)
    for rx, default in ((_REGAIN, "gov"), (_OVERTAKE, "nsa")):
        for m in rx.finditer(c.fg):
            if not _live(c.fg, m):
                continue
            if base is not None and base.start() < m.start():
                return None  # "set up a base in an area under rebel control": the base is the event
            verb = m.group(0).lower()
            if verb.startswith("occup") and re.search(
                r"(?:\b(?:the|an?|its|their)|-)\s*$", c.text[max(0, m.start() - 6) : m.start()]
            ):
                continue  # "the occupied West Bank": an adjective
            if re.match(r"\s+by\b(?! force)", c.text[m.end() :]) and not _PASSIVE.search(
                c.text[max(0, m.start() - 20) : m.start()]
            ):
                continue  # "lands occupied by the rebels": a state, not an event
            capture = verb.startswith(("captur", "seiz", "occup", "recover", "clear"))
            inside = _OBJECT.search(m.group(0))  # "cleared the last pocket": the object is in the cue
            kind = inside.lastgroup if inside else _object_kind(c.text, m)
            if not capture and kind == "person":
                kind = None  # "drove the militants out": the people are the losers, not the object
            if kind == "weapon" or verb.startswith("recover") and kind != "place":
                continue  # weapons: Disrupted weapons use
            if kind is None and not armed:
                continue  # "regain his form", "advanced to the playoffs": no armed actor, no place
            passive = verb.startswith(("were ", "was ")) or _PASSIVE.search(
                c.text[max(0, m.start() - 20) : m.start()]
            )
            agent = (
                _agent_after(c.text, m.end())
                if passive or verb.startswith(("fell", "fallen", "under"))
                else None
            )
            actor = agent or _actor_before(c.text, m.start())
            if kind == "person":
                if c.harm or battle:
                    continue
                if actor is None:
                    # nobody named: combatants and suspects are arrested, anyone else abducted
                    obj = c.text[m.end() : m.end() + 70] + " " + c.text[max(0, m.start() - 80) : m.start()]
                    combatant = re.search(
                        r"\b(?:commanders?|leaders?|militants?|fighters?|suspects?|terrorists?|"
                        r"insurgents?|rebels?|"
                        r"jihadists?|operatives?|members|gunmen|emirs?|spies|spy)\b",
                        obj,
                        re.IGNORECASE,
                    )
                    named = any(_side(a) == "nsa" for a in _ACTOR.finditer(obj))
                    actor = "gov" if combatant or named else "nsa"
                if actor == "gov":
                    return c.typed("Arrests", m)
                return c.typed("Abduction/forced disappearance", m)
            if (
                kind is None
                and capture
                and not re.search(r"\b(?:control|areas?|towns?|villages?)\b", c.text, re.I)
            ):
                continue
            if verb == "advanced" and not re.search(
                r"\b(?:in|into|on|to|towards)\b", c.text[m.end() : m.end() + 30]
            ):
                continue
            if verb.startswith(("were ", "was ")) and agent is None:
                # "the militants were pushed back": the subject lost the ground
                loser = _actor_before(c.text, m.start())
                actor = {"gov": "nsa", "nsa": "gov"}.get(loser or "")
            side = actor or default
            if side == "gov":
                return c.typed("Government regains territory", m)
            return c.typed("Non-state actor overtakes territory", m)
    return None


def _battle_or_remote(c: _Clause) -> Typing | None:
    battle = _find(_STRONG_BATTLE, c.fg)
    remote = _remote_attack(c)
    if battle is not None and (remote is None or battle.start() <= remote[1].start()):
        return c.typed("Armed clash", battle)
    if remote is not None:
        return c.typed(remote[0], remote[1])
    return None


def _weak_battle(c: _Clause) -> Typing | None:
    """An attack on a military target, or combatants killed, with no civilian target named first."""
    target = _find(_ATTACK_ON_MILITARY, c.fg)
    victims = _find(_COMBATANT_VICTIMS, c.fg)
    civilian = _find(_VAC_ATTACK, c.fg)
    m = min((x for x in (target, victims) if x is not None), key=lambda x: x.start(), default=None)
    if m is None or civilian is not None and civilian.start() < m.start():
        return None
    remote = [w for w in c.default_weapons if w != "firearm"]
    if m is victims and target is None and remote and "firearm" not in c.weapons:
        # "A number of terrorists were killed" after a shelling sentence: the same shelling
        return c.typed(_remote_sub(remote), m, generic=True, ws=remote)
    return c.typed("Armed clash", m)


def _civilians(c: _Clause) -> Typing | None:
    if (m := _find(_SEXUAL, c.fg) or _find(_SEXUAL, c.text)) is not None:
        return c.typed("Sexual violence", m)
    attack = _find(_VAC_ATTACK, c.fg) or _find(_ARMED_ATTACKERS, c.fg)
    for m in _ABDUCT.finditer(c.fg):
        if _live(c.fg, m) and not _RELEASED.search(c.fg[max(0, m.start() - 40) : m.start()]):
            killing = attack if attack is not None and _FATAL.search(attack.group(0)) else None
            killing = killing or _find(_KILLED, c.fg)
            if killing is not None and killing.start() < m.start():
                # the killing is the news, the abduction a detail: ACLED codes an Attack
                return c.typed("Attack", killing)
            return c.typed("Abduction/forced disappearance", m)
    if attack is not None:
        return c.typed("Attack", attack)
    return None


def _killed(c: _Clause) -> Typing | None:
    """Last resort for violence against civilians: someone was killed, shot or stabbed, nobody
    says by what weapon or in what battle."""
    if (m := _find(_KILLED, c.fg)) is not None:
        remote = [w for w in c.default_weapons if w != "firearm"]
        if remote and "firearm" not in c.weapons:
            return c.typed(_remote_sub(remote), m, generic=True, ws=remote)  # killed in the report's strike
        return c.typed("Attack", m, generic=True)
    return None


def _strategic(c: _Clause) -> Typing | None:
    armed = _ACTOR.search(c.text) is not None or _CONFLICT.search(c.text) is not None
    if (m := _find(_AGREEMENT, c.fg)) is not None and (armed or _PEACE.search(m.group(0))):
        other = _find(_BASE, c.fg) or _find(_ARREST, c.fg) or _find(_CHANGE, c.fg)
        if not (_UNDER_DEAL.match(m.group(0)) and other is not None and other.start() < m.start()):
            # a company's "definitive agreement to acquire" is no ACLED event (hence `armed`); a base
            # set up "as part of a deal" is the base
            return c.typed("Agreement", m)
    if (m := _find(_ARREST, c.fg)) is not None:
        return c.typed("Arrests", m)
    if (m := _find(_BASE, c.fg)) is not None and not _NOT_BASE.search(
        c.text[max(0, m.start() - 30) : m.end() + 30]
    ):
        return c.typed("Headquarters or base established", m)
    if (m := _find(_LOOTING, c.fg)) is not None:
        return c.typed("Looting/property destruction", m)
    if (m := _find(_CHANGE, c.fg)) is not None and (armed or _FORCES.search(c.text, m.start(), m.end() + 60)):
        return c.typed("Change to group/activity", m)  # changes of armed groups and forces only
    return None


#: A change's object that makes it a military one ("deployed forces", "moving troops").
_FORCES = _rx(
    r"forces", r"troops", r"soldiers", r"army", r"military", r"fighters", r"units", r"reinforcements"
)
#: An agreement named as the frame of another event ("set up a post as part of a deal").
_UNDER_DEAL = re.compile(r"(?:as part of|under|in line with|per|following)\b", re.IGNORECASE)
#: Agreement cues that are about war by themselves.
_PEACE = _rx(
    r"cease-?fire",
    r"ceasfire",
    r"truce",
    r"armistice",
    r"peace",
    r"prisoners?",
    r"detainees",
    r"captives",
    r"surrender\w*",
    r"amnesty",
    r"arms",
    r"weapons",
    r"themselves",
    r"evacuation",
    r"hostilities",
)
#: Words that put a clause in an armed conflict when no armed actor is named.
_CONFLICT = _rx(
    r"warring",
    r"war",
    r"conflict",
    r"hostilities",
    r"fighting",
    r"factions?",
    r"armed groups?",
    r"(?:armed|rebel|militant|jihadist|separatist|terrorist) (?:group|movement|organi[sz]ation|alliance)s?",
    r"brigades?",
    r"battalions?",
    r"insurgency",
    r"rebellion",
    r"militia",
    r"the group(?:'s)?",
)


#: ACLED's "Other" strategic developments: mass graves, military takeovers, displacement.
_OTHER = _rx(
    r"mass graves?",
    r"(?:staged|launched|carried out|attempted) (?:an? )?(?:military )?coup",
    r"military (?:coup|takeover)",
    r"seized power",
    r"(?:have |has |had )?fled (?:their homes|the (?:fighting|violence|area|town|village|city))",
    r"(?:thousands|hundreds|tens of thousands) (?:of [\w'-]+ )?(?:have |had )?(?:fled|been displaced)",
    r"expell?(?:ed|ing) (?:[\w'-]+ ){0,3}(?:nationals|migrants|refugees|residents)",
    r"mass expulsions?",
)


def _other(c: _Clause) -> Typing | None:
    if (m := _find(_OTHER, c.fg)) is not None:
        return c.typed("Other", m)
    return None


def _generic(c: _Clause) -> Typing | None:
    ws = [w for w in c.default_weapons if w != "firearm"]
    if "firearm" in c.weapons and c.harm:
        m = WEAPONS["firearm"].search(c.text)
        assert m is not None
        return c.typed("Attack", m)
    strike = _find(_GENERIC_STRIKE, c.fg)
    if strike is not None and (c.harm or ws):
        if not ws and re.match(r"(?:explo|blast|bomb|detonat|went off)", strike.group(0), re.IGNORECASE):
            # an explosion nobody attributes to a strike: ACLED's remote explosive
            return c.typed("Remote explosive/landmine/IED", strike, generic=True, ws=ws)
        return c.typed(_remote_sub(ws), strike, generic=True, ws=ws)
    attack = _find(_GENERIC_ATTACK, c.fg)
    if attack is not None and (c.harm or ws):
        if ws:
            return c.typed(_remote_sub(ws), attack, generic=True, ws=ws)
        sides = {_side(a) for a in _ACTOR.finditer(c.text)}
        if sides == {"gov", "nsa"} or re.match(r"assault", attack.group(0), re.IGNORECASE):
            return c.typed("Armed clash", attack, generic=True, ws=ws)
        return c.typed("Attack", attack, generic=True, ws=ws)
    return None


def _diplomacy(c: _Clause) -> Typing | None:
    if (m := _find(_CALL, c.text)) is not None:
        return c.typed("Call", m)
    if (m := _find(_TALKS, c.text)) is not None:
        return c.typed("Talks", m)
    if (m := _find(_PROPOSAL, c.text)) is not None:
        return c.typed("Proposal", m)
    return None


_STEPS = (
    _not_political,
    _demonstration,
    _mob_or_riot,
    _chemical_or_suicide,
    _territory,
    _disrupted,
    _battle_or_remote,
    _weak_battle,
    _civilians,
    _strategic,
)
#: Steps that type by weaker evidence: tried only when no main-event step fired on the
#: foreground or the simultaneous phrases.
_LAST_STEPS = (_generic, _killed, _other, _diplomacy)


#: Every cue that can type a clause as an ACLED event or diplomacy, in one expression: the
#: relevance filter lets through any text that has one.
TRIGGERS = re.compile(
    "|".join(
        f"(?:{rx.pattern})"
        for rx in (
            *WEAPONS.values(),
            _STRONG_BATTLE,
            _ATTACK_ON_MILITARY,
            _COMBATANT_VICTIMS,
            _REGAIN,
            _OVERTAKE,
            _WITHDRAW,
            _VAC_ATTACK,
            _KILLED,
            _ARMED_ATTACKERS,
            _ABDUCT,
            _SEXUAL,
            _PROTEST,
            _RIOT,
            _PROTEST_FORCE,
            _MOB,
            _INTERCEPT,
            _FOILED,
            _WEAPON_NOUN,
            _ARREST,
            _AGREEMENT,
            _LOOTING,
            _BASE,
            _CHANGE,
            _GENERIC_ATTACK,
            _TALKS,
            _CALL,
        )
    ),
    re.IGNORECASE,
)


def classify(text: str, *, harm: bool = False, default_weapons: list[str] | None = None) -> Typing | None:
    """Type one clause. `harm` says the clause reports casualties or damage (decides interceptions);
    `default_weapons` are the weapons of the surrounding report, for a bare "strike"."""
    detail = _blank(text, _CONTEXT)
    fg = _blank(detail, _SIMULTANEOUS)
    if not re.search(r"\w{3}", fg):
        fg = detail if re.search(r"\w{3}", detail) else text
    weapons = weapons_in(text)
    # The main event in the foreground first; failing that, in simultaneous phrases too.
    clauses = [
        _Clause(text, main, detail, harm, weapons, list(default_weapons or []))
        for main in dict.fromkeys((fg, detail))
    ]
    for steps in (_STEPS, _LAST_STEPS):
        for c in clauses:
            for step in steps:
                if (typing := step(c)) is not None:
                    return typing
    return None
