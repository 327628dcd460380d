"""Closed-class English words: enough grammar to find noun-phrase edges without a tagger.

NLTK's tagger models cannot be downloaded where verifier runs, and a reporting clause only
needs a handful of distinctions: where a noun phrase starts and stops, which words open a new
clause, and which small words (auxiliaries, adverbs) may sit between a subject and its verb.
"""

from __future__ import annotations

from verifier.text.lexicon import wordset

DETERMINERS: frozenset[str] = wordset(
    "the a an this that these those his her its their our my your some many several multiple "
    "another each every both all no any few most other such one two three four five six seven "
    "eight nine ten dozens hundreds thousands numerous various certain"
)

PREPOSITIONS: frozenset[str] = wordset(
    "of for from in on at with by to about into onto near among amongst between against under "
    "over after before during within without across through throughout around via per amid "
    "amidst despite since until till toward towards outside inside behind beyond along upon "
    "following including excluding like unlike than off past regarding concerning"
)

# Prepositions that may open an introductory adverbial before the subject: "On Thursday the...".
INTRO_PREPOSITIONS: frozenset[str] = wordset(
    "on in at during after before since following amid amidst despite by for with over under "
    "through throughout earlier later late early last this"
)

PRONOUNS: frozenset[str] = wordset("he she they it we i you")
OBJECT_PRONOUNS: frozenset[str] = wordset("him her them us me you it")

# Words that open a new clause; a subject never extends to their left.
CLAUSE_OPENERS: frozenset[str] = wordset(
    "but while although though whereas because unless if when whenever whether so yet "
    "where as once nor hence thus therefore meanwhile however moreover instead until "
    "before after since lest whereby"
)

RELATIVE_PRONOUNS: frozenset[str] = wordset("who which that whom whose")

AUXILIARIES: frozenset[str] = wordset(
    "is are was were be been being am has have had having will would shall should can could "
    "may might must do does did 've 'd ’ve ’d"
)

BE_FORMS: frozenset[str] = wordset("is are was were be been being am")

NEGATIONS: frozenset[str] = wordset("not n't never no nobody neither nor")

# Adverbs that may stand between a subject and its reporting verb or after the verb.
ADVERBS: frozenset[str] = wordset(
    "also earlier later previously again still already then now once twice further too "
    "first initially subsequently separately repeatedly recently since ultimately eventually "
    "quickly immediately often frequently long last late even just yet meanwhile today "
    "yesterday tonight overnight soon afterwards afterward instead however "
    "originally officially publicly privately jointly reportedly allegedly purportedly "
    "apparently categorically flatly strongly firmly vehemently angrily openly explicitly "
    "initially subsequently swiftly"
)

TIME_WORDS: frozenset[str] = wordset(
    "monday tuesday wednesday thursday friday saturday sunday mon tue tues wed thu thurs fri "
    "sat sun january february march april may june july august september october november "
    "december jan feb mar apr jun jul aug sep sept oct nov dec today yesterday tonight "
    "morning afternoon evening night weekend week month year day hours days weeks months "
    "years decade earlier later overnight midday midnight dawn noon"
)

TIME_MODIFIERS: frozenset[str] = wordset(
    "on late early earlier later last this next that the previous following same by "
    "in at around from until"
)

# Subordinators after which "what X described as" is a label, not a claim.
FREE_RELATIVES: frozenset[str] = wordset("what whatever")

# Lemmas whose "what X <verb> as" use is a borrowed label ("what observers described as").
LABEL_VERBS: frozenset[str] = wordset(
    "describe call term dub label brand characterize characterise portray"
)

# Common verbs (past and present forms) that end a forward noun-phrase scan: the subject of
# a sentence stops at its first verb.
COMMON_VERBS: frozenset[str] = wordset(
    "took made went came gave began fought hit struck shot led left held kept met ran sent set "
    "won lost brought built bought caught chose drew drove fell fled flew got grew hid knew laid "
    "meant paid put rose sat saw sold shook shut spent spread stood stole swept threw tore "
    "understood woke wore became become broke burned burnt hung lay lit overran overtook "
    "seized launched killed captured attacked entered retreated withdrew advanced "
    "is are was were has have had will would can could may might must should shall does did do "
    "take make go come give begin fight hold keep meet run send win lose bring build buy catch "
    "continue continues continued remain remains remained appear appears appeared seem seems "
    "seemed try tries tried want wants wanted need needs needed plan plans planned"
)

# Title words stripped from the front of a person's name to find the name itself.
TITLES: frozenset[str] = wordset(
    "president vice prime minister foreign defense defence interior finance health secretary "
    "general gen gen. lt lt. col col. maj maj. brig brig. brigadier colonel major lieutenant "
    "captain capt capt. sergeant sgt admiral adm adm. commander chief spokesman spokeswoman "
    "spokesperson ambassador envoy senator sen sen. rep rep. representative governor gov "
    "gov. mayor king queen prince princess sheikh sheik emir sultan pope cardinal bishop "
    "rabbi imam ayatollah dr dr. mr mr. mrs mrs. ms ms. mx prof prof. professor judge justice "
    "chancellor premier deputy acting former late sir dame lord lady chairman chairwoman "
    "chair director head leader official officer agent inspector superintendent constable "
    "minister-president secretary-general under-secretary-general high commissioner "
    "coordinator rapporteur attorney counsel lawyer editor founder ceo chief-of-staff "
    "field marshal marshal commissioner supreme state-owned"
)

# Nationality and regional adjectives: capitalised but not names of a source by themselves.
DEMONYMS: frozenset[str] = wordset(
    "american british english french german italian spanish portuguese dutch belgian swiss "
    "austrian swedish norwegian danish finnish polish czech slovak hungarian romanian "
    "bulgarian greek turkish russian ukrainian belarusian georgian armenian azerbaijani "
    "iranian iraqi syrian lebanese israeli palestinian jordanian egyptian libyan tunisian "
    "algerian moroccan sudanese ethiopian eritrean somali kenyan ugandan rwandan congolese "
    "nigerian ghanaian malian senegalese south north east west saudi emirati qatari kuwaiti "
    "bahraini omani yemeni afghan pakistani indian bangladeshi sri lankan nepali chinese "
    "japanese korean taiwanese vietnamese thai burmese cambodian malaysian indonesian filipino "
    "australian canadian mexican brazilian argentine argentinian chilean colombian venezuelan "
    "peruvian cuban haitian european african asian arab western eastern northern southern "
    "kurdish serbian croatian bosnian albanian kosovar moldovan latvian lithuanian estonian "
    "irish scottish welsh gazan houthi sunni shiite shia alawite druze christian muslim "
    "jewish islamic catholic orthodox federal national local regional provincial "
    "international"
)
