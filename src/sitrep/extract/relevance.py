"""The cheap relevance filter that runs before any heavy NLP.

Two compiled regular expressions: a conflict lexicon (violence, weapons, casualties, security
forces, protest, strategic developments, diplomacy, in English, Ukrainian and Russian) and every
trigger the event classifier (`classify.TRIGGERS`) can type a clause by, so that nothing the
classifier would recognise is dropped here. Text with no hit is stored as a report but never
reaches the model: in a firehose of news most items stop here.
"""

from __future__ import annotations

import re

from sitrep.extract.classify import TRIGGERS

_LEXICON = re.compile(
    r"\b(?:kill(?:s|ed|ing)?|dead|deaths?|died|wound(?:s|ed|ing)?|injur(?:ed|ies|y|ing)|casualt(?:y|ies)|"
    r"fatalit(?:y|ies)|(?-i:KIA|WIA)(?:[’']?s)?\b|attack(?:s|ed|ers)?|strikes?|struck|shell(?:s|ed|ing)|artillery|mortars?|missiles?|"
    r"rockets?|drones?|UAVs?|bomb(?:s|ed|ing|ings|ers)?|explosi(?:on|ons|ves?)|blasts?|air ?raids?|"
    r"airstrikes?|clash(?:es|ed)?|fighting|battles?|gun(?:men|fire|shots?)|shot|shooting|troops|soldiers|"
    r"militants?|insurgents?|rebels?|militias?|army|military|forces|offensive|ceasefire|truce|"
    r"massacre|executed|bod(?:y|ies)|corpses?|tortur(?:e|ed|ing)|murder\w*|stabb\w*|mass graves?|exhum\w*|"
    r"rubble|fired|firing|destroy(?:s|ed|ing)?|liquidat\w*|invaders|occupiers|enemy|"
    r"protest(?:s|ers|ed)?|demonstrat(?:ion|ors)|"
    r"riots?|looting|arrest(?:s|ed)?|intercepted|shot down|air defen[cs]es?|talks|negotiations?|"
    r"summit|peace|sanctions|war|conflict|occupied|captured|liberated|front ?line|"
    r"rap(?:e|ed|es|ing)|sexual(?:ly)?|molest(?:ed|ation)|loot(?:s|ed|ing|ers)?|torched|ransack(?:ed|ing)|"
    r"set (?:\w+ ){0,3}(?:ablaze|alight|on fire|afire)|vandali[sz]ed|arson|unrest|mobs?|lynch(?:ed|ing)?|"
    r"weapons?|arms|ammunitions?|ammo|guns?|pistols?|rifles?|grenades?|mines?|IEDs?|cache|arsenal|"
    r"(?:poison(?:ous)?|toxic|mustard|chlorine) gas(?:es)?|chemical|sarin|tear ?-?gas|"
    r"rall(?:y|ies)|march(?:ed|es)|sit-ins?|strikers|riot(?:ed|ing|ers)|police|"
    r"detain\w*|jailed|custody|abduct\w*|kidnap\w*|hostages?|"
    r"bases?|outposts?|(?:military|observation) (?:posts?|points?)|headquarters|deploy\w*|reinforc\w*|"
    r"defect\w*|recruit\w*|mobili[sz]\w*|surrender\w*|withdr(?:ew|awn|awal)|pulled out|hand(?:ed )?over|"
    r"handover|cease-?fire|ceasfire|agreement|deal|prisoners?|seized|terrorists?|"
    r"обстріл|вибух|загин|поранен|атак|удар|дрон|ракет|обстрел|взрыв|погиб|ранен|беспилотник)",
    re.IGNORECASE,
)


def is_relevant(text: str) -> bool:
    """True when the text mentions anything an event could be extracted from."""
    return _LEXICON.search(text) is not None or TRIGGERS.search(text) is not None
