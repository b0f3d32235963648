"""English words the extraction rules lean on: titles, role nouns, speech verbs, name heads.

These describe the language, not a corpus: a briefing on any subject in English uses them.
Corpus knowledge (aliases, organisations, stance cues, glossary) lives in `briefing.yml`.
"""

from __future__ import annotations


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# Titles written before a name ("Secretary of State Antony Blinken", "U.S. Rep. Jason Crow").
TITLE_WORDS = (
    r"President|Vice President|Prime Minister|Minister|Secretary(?: of (?:State|Defense|Defence"
    r"|the Treasury|[A-Z][a-z]+))?|General|Gen\.|Lt\. Gen\.|Admiral|Adm\.|Colonel|Col\.|Major|"
    r"Maj\.|Captain|Capt\.|Sergeant|Sgt\.|Director|Deputy Director|Rep\.|Representative|Sen\."
    r"|Senator|Governor|Gov\.|Mayor|Ambassador|Chancellor|Judge|Justice|Speaker|Chairman|"
    r"Chairwoman|Chair|Commissioner|Councillor|Councilor|Dr\.|Mr\.|Mrs\.|Ms\.|Prof\.|Professor"
    r"|King|Queen|Prince|Pope|Patriarch|Commander|Chief|Coach|Bishop|Father|Sister"
)
# Words that qualify a title: "Ukrainian President", "Defense Secretary", "U.S. Rep.".
TITLE_QUALIFIERS = (
    r"U\.S\.|US|U\.K\.|UK|EU|UN|NATO|Former|former|Acting|acting|Deputy|Assistant|Vice|Foreign"
    r"|Defense|Defence|State|Interior|Finance|Health|Trade|Justice|Energy|Home|Prime|Senior"
    r"|[A-Z][a-z]+(?:ian|ean|ese|ish|ch|an|i)"
)
# Nouns that end a role phrase: "deputy adviser for national security", "council leader".
ROLE_NOUNS = _words(
    """
    minister secretary director adviser advisor leader spokesman spokeswoman spokesperson
    official chief head president ambassador commander analyst consultant editor correspondent
    reporter senator governor mayor chair chairman chairwoman councillor councilor general admiral
    representative member deputy manager founder owner researcher professor expert economist
    envoy diplomat negotiator prosecutor judge lawyer attorney officer strategist planner
    executive ceo coach captain scientist physician doctor spokesperson president
    """
)
SPEECH_VERBS = _words(
    """
    said says say told tells added adds wrote writes stated states explained explains noted notes
    warned warns argued argues insisted insists claimed claims asked asks denounced denounces
    declared declares replied replies acknowledged acknowledges stressed stresses remarked
    tweeted posted continued continues according announced announces admitted admits
    """
)
# Words that open an anonymous source: "a US official", "two senior officials", "the document".
ANONYMOUS_OPENERS = _words("a an the another one two three four several some senior other")
# Last words that make a capitalised phrase an organisation: "Human Rights Watch".
ORG_HEADS = _words(
    """
    Department Ministry Agency Committee Council Commission Watch Office Army Navy Parliament
    Senate Institute Foundation Bank Court Union Party Organization Organisation Alliance Command
    Corps Administration Government Assembly Federation Authority Bureau Board Cabinet Pentagon
    """
)
# Lowercase heads after a name: "the Biden administration", "the Ukrainian government".
ORG_LOWER_HEADS = _words("administration government cabinet campaign")
# Words that make an untitled capitalised phrase a place or a thing ("Quay Street"); a title
# before it still makes a person ("Dr. Helen Park").
PLACE_WORDS = _words(
    """
    Street Road Avenue Square Hill River City County Bridge Station Hospital Park Lane Sea Ocean
    Island Mountain Valley Bay Lake Port Airport Centre Center University College School Club
    Press Post Times Journal News Herald Gazette Tribune Telegraph Guardian Agency Convention
    Treaty Munitions War Act
    """
)
# Capitalised words that never belong to a name: days, months, sentence openers.
NOT_NAME_WORDS = _words(
    """
    Day Week Monday Tuesday Wednesday Thursday Friday Saturday Sunday
    January February March April May June July August September October November December The
    This That These Those It Its Our We They He She His Her And But Or If In On At Of For With
    Despite According Since Both However Thus So Some Many Most
    """
)
# Outlets are cited, they do not act: names ending so are never actors.
OUTLET_HEADS = _words("Post Times Journal News Herald Gazette Tribune Telegraph Guardian Press")
# Plural nouns that name a group acting together: "human rights groups", "U.S. allies".
GROUP_NOUNS = _words(
    """
    groups allies Democrats Republicans lawmakers legislators opponents critics activists senators
    councillors councilors traders shopkeepers residents campaigners unions governments ministers
    """
)
# Lowercase words that may qualify a group noun: "human rights groups", "key Democrats".
GROUP_MODIFIERS = _words(
    """
    human rights civil key leading senior local foreign western european bipartisan opposition
    conservative liberal progressive moderate environmental aid humanitarian business trade labor
    labour community campaign advocacy religious military
    """
)
# Words before a group that are not part of its name: "some key Democrats" is "key Democrats".
GROUP_DROP = _words("some many several most the other all few certain as well from and also")
