"""The cheap relevance filter that runs before any heavy NLP.

One compiled regular expression over a conflict lexicon (violence, weapons, casualties, security
forces, protest, diplomacy). Text with no hit is stored as a report but never reaches the model:
in a firehose of news most items stop here.
"""

from __future__ import annotations

import re

_LEXICON = re.compile(
    r"\b(?:kill(?:s|ed|ing)?|dead|deaths?|died|wound(?:s|ed|ing)?|injur(?:ed|ies|y|ing)|casualt(?:y|ies)|"
    r"fatalit(?:y|ies)|attack(?:s|ed|ers)?|strikes?|struck|shell(?:s|ed|ing)|artillery|mortars?|missiles?|"
    r"rockets?|drones?|UAVs?|bomb(?:s|ed|ing|ings|ers)?|explosi(?:on|ons|ves?)|blasts?|air ?raids?|"
    r"airstrikes?|clash(?:es|ed)?|fighting|battles?|gun(?:men|fire|shots?)|shot|shooting|troops|soldiers|"
    r"militants?|insurgents?|rebels?|militias?|army|military|forces|offensive|ceasefire|truce|"
    r"hostages?|kidnapp(?:ed|ing)|abduct(?:ed|ion)|massacre|executed|protest(?:s|ers|ed)?|demonstrat(?:ion|ors)|"
    r"riots?|looting|arrest(?:s|ed)?|detained|intercepted|shot down|air defen[cs]es?|talks|negotiations?|"
    r"summit|peace|sanctions|war|conflict|occupied|captured|liberated|front ?line|"
    r"обстріл|вибух|загин|поранен|атак|удар|дрон|ракет|обстрел|взрыв|погиб|ранен|беспилотник)",
    re.IGNORECASE,
)


def is_relevant(text: str) -> bool:
    """True when the text mentions anything an event could be extracted from."""
    return _LEXICON.search(text) is not None
