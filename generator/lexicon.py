"""English words the extraction rules lean on: role nouns, speech verbs, stance words, name heads.

These describe the language, not a corpus: a briefing on any subject in English uses them.
Corpus knowledge (aliases, organisations, stance cues, glossary) lives in `briefing.yml`.
"""

from __future__ import annotations


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# Nouns that end a role phrase: "deputy adviser for national security", "council leader".
ROLE_NOUNS = _words(
    """
    minister secretary director adviser advisor leader spokesman spokeswoman spokesperson
    official chief head president ambassador commander analyst consultant editor correspondent
    reporter senator governor mayor chair chairman chairwoman councillor councilor general admiral
    representative member deputy manager founder owner researcher professor expert economist
    envoy diplomat negotiator prosecutor judge lawyer attorney officer strategist planner
    executive ceo coach captain scientist physician doctor spokesperson president
    student resident parent worker teacher nurse fan player striker midfielder defender
    goalkeeper agent engineer pilot inspector administrator commissioner comptroller
    treasurer auditor justice trustee organizer organiser activist campaigner advocate
    chairperson coordinator supervisor superintendent surgeon owner shareholder investor
    """
)
SPEECH_VERBS = _words(
    """
    said says say told tells added adds wrote writes stated states explained explains noted notes
    warned warns argued argues insisted insists claimed claims asked asks denounced denounces
    declared declares replied replies acknowledged acknowledges stressed stresses remarked
    tweeted posted continued continues according announced announces admitted admits
    accused accuses called calls described describes urged urges promised promises vowed vows
    pledged pledges conceded concedes countered counters responded responds suggested suggests
    predicted predicts cautioned cautions complained complains lamented laments recalled
    recalls observed emphasized emphasised maintained maintains alleged alleges contended
    contends charged quipped joked boasted agreed agrees concluded concludes reads read found
    finds testified testifies pleaded wrote told
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
    University College Hospital Association Coalition Group Company Corporation Corp Inc Ltd
    Airlines Airways Club Society Network Service Services Trust Fund Police Legislature
    Directorate Secretariat Caucus Chamber Conference League Partners Holdings Railways
    Capital Mutual Insurance Investments Management Advisors Advisers Securities Funds Media
    Energy Motors
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
    Treaty Munitions War Act State Hall Capitol Building Plaza Tower Court Mall Highway Falls
    Heights Springs Beach Harbor Harbour Creek Ridge Grove Village Township Hills Gardens Quarter
    Stadium Arena Stadion Estadio Estádio Stadio Stade Velodrome Dome Ballpark Racecourse
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
# Words that make an organisation's name a news outlet's: "Example Broadcasting Network".
NEWS_WORDS = OUTLET_HEADS | _words(
    "Media Broadcasting Broadcast Radio Television TV Wire Newswire Daily Weekly Magazine"
)
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
# Offices news copy puts before names that `nameparser`'s titles lack ("Minority Whip", "Sen.").
EXTRA_TITLES = _words(
    """
    sen rep reps assemblymember assemblywoman assemblyman councilmember councilwoman councilman
    whip justice justices spokesperson spokesman spokeswoman minister premier chairperson
    superintendent trustee regulator administrator comptroller treasurer auditor ombudsman
    lead head coordinator advisor analyst strategist organiser organizer campaigner chairman
    chairwoman
    """
)
# Lower-case forms of words that open a clause and are capitalised only by position
# ("While Doe", "But Roe"): never part of a name.
CLAUSE_WORDS = _words(
    """
    while but and or so yet as if when after before since until though although because once
    then also still now today yesterday tomorrow meanwhile however instead indeed even only
    where whereas unlike like under over with without within across among between against
    during about above below from into onto upon via per for to of in on at by the a an this
    that these those its his her their our my your we they he she it i you who whom whose which
    what why how ex asked told says said not no nor both either neither each every all any
    some several many most more less few other another such last next first new
    dear thanks thank according despite following amid former late inside outside beyond near
    behind toward towards through throughout around along beside besides except plus ex
    """
)
# Conjunctions that open a new clause: the words after one are not a quotation's attribution.
CONJUNCTIONS = _words(
    "while but and although though whereas because since after before when if so yet"
)
# Political party and faction nouns: "a Texas Republican" describes somebody, it names nobody.
PARTY_WORDS = _words(
    """
    Republican Republicans Democrat Democrats Democratic Conservative Conservatives Tory Tories
    Labour Liberal Liberals Socialist Socialists Independent Independents Progressive
    Progressives Libertarian GOP
    """
)
# Words `nameparser` counts as titles that, capitalised before a name, are more often part of a
# place or an organisation ("United States", "National Press Club", "Supreme Court") or a
# given name ("Grace Doe").
NOT_TITLES = _words(
    """
    united states us uk national state royal supreme right rock radio police navy military
    municipal most me model master mystery private security social software soccer special
    staff strategy tax technical television theater theatre travel voice wing rear risk revenue
    resident political personality opera petty marketing mathematics metropolitan met air army
    blues ballet baseball banner bench business civil classical corporate credit criminal
    customs designated discovery district division docket english british excellent family
    federal field film financial first flag flying foreign grand group her his high hereditary
    information intelligence judicial kingdom knowledge law legal literary award-winning
    advertising analytics appellate behavioral biblical burlesque computer grace duke earl
    """
)
# Words by which anyone, on any question, shows support or opposition: read in an actor's own
# quotations and in the clauses the actor heads. A cue after "not", "never" or "no longer"
# counts for the other side ("does not support"), except in "could not agree more".


def _phrases(text: str) -> tuple[str, ...]:
    return tuple(" ".join(p.split()) for p in text.split(",") if p.strip())


STANCE_SUPPORTS = _phrases(
    """
    supports, supported, supportive, backs, backed, backing, welcome*,
    applaud*, prais*, hailed, hails, endorse*, commend*, championed, champions, favour, favours,
    favoured, favor, favors, favored, celebrat*, defend, defends, defended, defending, cheered,
    lauded, vindicat*, delighted,
    pleased, thrilled, grateful, in favour, in favor, right decision, right call, good news,
    step forward, right direction, a victory, a win, big win, great day, called for,
    pushed for, pressed for, lobbied for, campaigned for, argued for, approve, approved,
    could not agree more, voted for, vote for, voting for, in support, glad, proud, good for,
    great for, a win for, the right thing, makes sense, good deal, fair deal, good outcome,
    right outcome, right move, right choice, best interest, best interests, positive step,
    good result, fair price, fair offer, excited, looking forward, look forward, great news,
    long overdue, common sense, sensible, win-win, will benefit, strengthen, strengthens
    """
)
STANCE_OPPOSES = _phrases(
    """
    oppose, opposes, opposed, opposing, reject*, criticiz*, criticis*, critical of,
    condemn*, denounc*, slammed, slams, blasted, decried, decries, lambast*, disagree*,
    objected, objection*, protest*, mistake, misguided, shortsighted, short-sighted, reckless,
    disappoint*, dismay*, outrage*, unacceptable, unjust, unfair, betrayal, a blow,
    deeply troubling, alarmed, alarming, warned against, vowed to fight, fight this, lawsuit,
    ruled out, not an option,
    veto, vetoed, blocked, scrap, scrapped, skeptical, sceptical, flawed, could not disagree more,
    will not accept, cannot accept, can't accept, won't accept, will fight, keep fighting,
    fight every, back to the drawing board, asking for trouble, should never have, voted against,
    vote against, voting against, at risk, betray*, failed, failure, too low, too little,
    too late, anger, angry, furious, shameful, disgrace*, scandal*, let down, abandoned,
    would rather, cannot afford, can't afford, walk away, walked away, threat, threatens,
    dangerous, damaging, harmful, worried, worry, worries, concerned, bad deal, bad news,
    wrong decision, wrong call, setback, a setback, devastating, regret, regrettable, gutted,
    heartbroken, absurd, ridiculous, nonsense, ignored, neglected, too slow, chaos, chaotic
    """
)
# Head nouns of an appositive that describe an organisation or a place, not a person
# ("Example Capital, an investment firm, …", "Example Falls, a city of 90,000, …").
ORG_TYPE_NOUNS = _words(
    """
    firm company group charity agency union organisation organization bank fund manufacturer
    maker airline carrier club coalition nonprofit non-profit tank consultancy supplier retailer
    chain operator startup start-up lender insurer broker network party body association
    alliance institute foundation publisher newspaper outlet station broadcaster site website
    regulator authority watchdog department ministry office court board council committee
    commission team side league federation business conglomerate giant rival subsidiary unit
    division brand developer provider trust school university college hospital service
    """
)
PLACE_TYPE_NOUNS = _words(
    """
    city town village county state country region suburb neighbourhood neighborhood district
    province island borough community municipality capital port area settlement valley
    """
)
# Words of attitude: negated, they count for the other side ("does not support" opposes);
# any other negated stance word says nothing ("has not yet approved").
ATTITUDES = _words(
    """
    support supports supported supporting backs backed backing welcome welcomed welcomes
    favour favours favoured favor favors favored endorse endorsed endorses agree agreed accept
    oppose opposes opposed opposing object objected reject rejected rejects
    """
)
# Nouns by which any story names the thing actors take a stance on ("the decision").
DECISION_NOUNS = _words(
    """
    decision ruling verdict judgment judgement plan proposal deal offer bid takeover merger
    acquisition move transfer budget order grounding measure policy bill vote response
    handling agreement rollout scheme reform cut
    """
)
# Words of a stance question that say nothing of its object ("… going ahead").
QUESTION_STOP = CLAUSE_WORDS | _words(
    """
    go going goes ahead keep keeping make making take taking get getting give giving put set
    let bring come use do doing be being have having propose proposed whether should
    """
)
# Words of a topic's title and description that say nothing of the topic ("what", "people").
GENERIC_WORDS = QUESTION_STOP | _words(
    """
    people person thing things way ways time times year years day days week weeks month months
    who what which when where why how whose there here their them they its it's and the for
    with from into onto about after before over under more most less least many much some any
    all each every other others such own same new old one two three first last next also just
    only very well still even says said say tell told get got getting gets made make makes
    part parts lot lots kind sort case cases point points issue issues question questions
    side sides story stories article articles news report reports long short high low big small
    large good bad main major minor number numbers amount way whether between against among
    within without across including include includes included like unlike see seen look
    would could should will can may might must shall need needs does did done been were was
    are is has have had not too cannot than again ever never always already soon me him us
    my your our his her hers ours yours theirs mine myself yourself himself herself itself
    ourselves themselves per cent percent hundred thousand million billion four five six seven
    eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen
    twenty thirty forty fifty sixty seventy eighty ninety dozen dozens half quarter
    """
)
# "support" after a subject or an auxiliary is the verb: "we support", "does not support".
SUPPORT_SUBJECTS = _words(  # lower case
    """
    i we they you he she will would to strongly fully also still firmly not do does did don't
    doesn't didn't won't can't don’t doesn’t didn’t won’t can’t
    """
)
# What a speaker writes or issues: "the statement said", "the letter reads".
DOCUMENT_NOUNS = _words(
    """
    statement letter report opinion complaint filing post release memo memorandum testimony
    note email notice submission petition judgment brief
    """
)
# What a country does as an actor: "Norway voted against", "Spain signed".
COUNTRY_ACTS = _words(
    """
    voted votes signed signs ratified ratifies refused refuses declined declines pledged
    pledges agreed agrees condemned condemns criticised criticized urged urges insisted
    opposes opposed supports supported welcomed welcomes rejected rejects
    """
)
# Nouns that describe a source the text does not name: "a senior official", "the spokesman".
SOURCE_NOUNS = _words(
    """
    official officials source sources spokesperson spokesman spokeswoman aide aides adviser
    advisor insider diplomat person people executive member officer analyst expert employee
    worker resident witness lawyer representative staffer
    """
)
