"""Word lists the claim-fact extractor (``verifier.text.facts``) is built from.

General English only: number words, the qualifiers reporters put before a figure, the event
verbs casualty and conflict reporting uses, calendar words. Nothing is fitted to one article.
"""

from __future__ import annotations

from verifier.text.lexicon import wordset

UNITS: dict[str, int] = {
    "zero": 0,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
}
TENS: dict[str, int] = {
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
}
SCALES: dict[str, int] = {
    "hundred": 100,
    "thousand": 1_000,
    "million": 1_000_000,
    "billion": 1_000_000_000,
    "trillion": 1_000_000_000_000,
}
SUFFIX_SCALES: dict[str, int] = {"k": 1_000, "m": 1_000_000, "mn": 1_000_000, "bn": 1_000_000_000}
"""Scales written straight after digits, as in "1.5m" or "3bn"."""

VAGUE: dict[str, float] = {
    "dozens": 24,
    "scores": 40,
    "hundreds": 200,
    "thousands": 2_000,
    "tens of thousands": 20_000,
    "hundreds of thousands": 200_000,
    "millions": 2_000_000,
    "tens of millions": 20_000_000,
    "hundreds of millions": 200_000_000,
    "billions": 2_000_000_000,
}
"""Plural scale words and the least they can mean ("dozens" is at least two dozen)."""

QUALIFIERS: dict[str, str] = {
    # the figure is a floor
    "at least": "min",
    "more than": "min",
    "over": "min",
    "just over": "min",
    "well over": "min",
    "no fewer than": "min",
    "no less than": "min",
    "upwards of": "min",
    "in excess of": "min",
    # the figure is a ceiling
    "up to": "max",
    "at most": "max",
    "as many as": "max",
    "fewer than": "max",
    "less than": "max",
    "under": "max",
    "just under": "max",
    "no more than": "max",
    # the figure is an estimate
    "nearly": "approx",
    "almost": "approx",
    "about": "approx",
    "around": "approx",
    "approximately": "approx",
    "roughly": "approx",
    "some": "approx",
    "close to": "approx",
    "an estimated": "approx",
    "estimated": "approx",
    "an estimate of": "approx",
}

EVENT_STEMS: dict[str, str] = {
    # stems as nltk's PorterStemmer gives them (after IRREGULAR), mapped to one event name
    "kill": "killed",
    "die": "killed",
    "death": "killed",
    "fatal": "killed",
    "injur": "injured",
    "injuri": "injured",
    "wound": "injured",
    "hurt": "injured",
    "displac": "displaced",
    "flee": "displaced",
    "evacu": "displaced",
    "arrest": "arrested",
    "detain": "arrested",
    "detent": "arrested",
    "strike": "struck",
    "hit": "struck",
    "shell": "struck",
    "bomb": "struck",
    "bombard": "struck",
    "target": "struck",
    "seiz": "seized",
    "seizur": "seized",
    "captur": "seized",
    "overrun": "seized",
    "enter": "entered",
    "missing": "missing",
    "abduct": "abducted",
    "kidnap": "abducted",
}
IRREGULAR: dict[str, str] = {
    "dead": "die",
    "died": "die",
    "dying": "die",
    "fled": "flee",
    "struck": "strike",
    "overran": "overrun",
    "missing": "missing",
}
"""Forms the stemmer cannot bring to the stem above."""

EVENT_PREFIXES: tuple[str, ...] = (
    "kill",
    "dead",
    "die",
    "dy",
    "death",
    "fatal",
    "injur",
    "wound",
    "hurt",
    "displac",
    "fle",
    "evacu",
    "arrest",
    "detain",
    "detent",
    "struck",
    "strik",
    "hit",
    "shell",
    "bomb",
    "target",
    "seiz",
    "captur",
    "overr",
    "enter",
    "missing",
    "abduct",
    "kidnap",
)
"""Cheap first filter: only words starting with one of these are stemmed at all."""

TRANSITIVE_EVENTS: frozenset[str] = frozenset({"struck", "seized", "entered"})
"""Events whose object is what the claim is about ("struck the hospital")."""

MONTHS: dict[str, int] = {
    "jan": 1,
    "january": 1,
    "feb": 2,
    "february": 2,
    "mar": 3,
    "march": 3,
    "apr": 4,
    "april": 4,
    "may": 5,
    "jun": 6,
    "june": 6,
    "jul": 7,
    "july": 7,
    "aug": 8,
    "august": 8,
    "sep": 9,
    "sept": 9,
    "september": 9,
    "oct": 10,
    "october": 10,
    "nov": 11,
    "november": 11,
    "dec": 12,
    "december": 12,
}
WEEKDAYS: dict[str, int] = {
    "monday": 0,
    "tuesday": 1,
    "wednesday": 2,
    "thursday": 3,
    "friday": 4,
    "saturday": 5,
    "sunday": 6,
}

PLACE_KINDS: tuple[str, ...] = (
    "city",
    "town",
    "village",
    "province",
    "region",
    "district",
    "governorate",
    "countryside",
    "neighbourhood",
    "neighborhood",
    "suburb",
    "camp",
    "port",
    "state",
    "county",
    "border",
    "capital",
    "outskirts",
    "area",
)
"""Words that make the capitalised name next to them a place: "the city of X", "X province"."""

PLACE_SUFFIXES: tuple[str, ...] = (
    "city",
    "town",
    "village",
    "province",
    "region",
    "district",
    "governorate",
    "countryside",
    "neighbourhood",
    "neighborhood",
    "suburbs?",
    "camp",
    "county",
    "outskirts",
)
"""Lower-case words after a name that make it a place: "Idlib countryside", "Aleppo city".
Narrower than PLACE_KINDS: "Syria's state news agency" must not make "Syria's" a place."""

DURATIONS: frozenset[str] = wordset(
    "seconds minutes hours days weeks months years decades centuries"
    " second minute hour day week month year decade century"
)
"""Counts that measure time, not a toll: "three days into the offensive" has no event."""

NOT_PLACES: frozenset[str] = wordset(
    "january february march april may june july august september october november december"
    " monday tuesday wednesday thursday friday saturday sunday"
    " arabic english french hebrew russian spanish persian farsi turkish kurdish chinese german"
    " the a an this that these those it he she they we i you his her their our its"
    " but and or if when while after before as at in on by for from to with"
    " congress parliament telegram twitter facebook instagram youtube tiktok whatsapp x god"
    " president prime minister governor general colonel mayor mr mrs ms dr sir lord king queen"
    " prince sheikh senator spokesman spokeswoman spokesperson commander chief"
)
"""Capitalised words after "in"/"from" that are not places (months, languages, titles...)."""

ORG_TAILS: frozenset[str] = wordset(
    "ministry army forces force agency news council committee party front brigade brigades"
    " command government post times press office department company group network unit corps"
    " guard guards movement organization organisation union court police service services"
    " association authority authorities commission institute foundation bank tv radio channel"
    " newspaper television report statement"
)
"""Last words that mark a capitalised span as an organisation, not a place."""

GENERIC_COUNTS: frozenset[str] = wordset("people persons others individuals them those ones")
"""Nouns that add nothing to a gist: "4 killed" says what "4 people killed" does."""

COUNT_STOP: frozenset[str] = wordset(
    "a an the and or but nor of in on at to from by with for as into onto over under about"
    " who whom whose which that this these those than then there here"
    " was were is are be been being has have had do does did will would could should may"
    " might must can shall ago earlier later before after since during while when where also"
    " still just only even north south east west northern southern eastern western"
    " north-east north-west south-east south-west including among per"
    " not no never i we you he she it they me us him her"
    " within without through against toward towards around out up down off"
)
"""Words that end the noun phrase after a figure ("15 civilians were ...")."""

TARGET_STOP: frozenset[str] = wordset(
    "in on at after before during near into with by for from since as while amid amidst"
    " and but or which that who where when than just also again earlier later overnight"
    " yesterday today tonight this last killing injuring wounding leaving causing using"
    " to early late shortly"
    " monday tuesday wednesday thursday friday saturday sunday"
)
"""Words that end the object of "struck"/"seized"/"entered"."""


INCIDENTS: dict[str, str] = {
    word: group
    for group, words in {
        "armed violence": "shelling shell shells shelled artillery strike strikes airstrike "
        "airstrikes bombardment bombing bombings bomb bombs blast blasts explosion explosions "
        "attack attacks raid raids missile missiles rocket rockets drone drones mortar mortars "
        "gunfire shooting shootings clashes fighting offensive ambush massacre",
        "flood": "flood floods flooding flooded deluge",
        "earthquake": "earthquake earthquakes quake quakes tremor tremors aftershock aftershocks",
        "storm": "storm storms hurricane hurricanes cyclone cyclones typhoon typhoons tornado "
        "tornadoes",
        "wildfire": "blaze blazes wildfire wildfires inferno",
        "crash": "crash crashes collision collisions derailment derailed",
        "landslide": "landslide landslides mudslide mudslides avalanche avalanches",
        "epidemic": "outbreak outbreaks epidemic cholera",
        "stampede": "stampede stampedes",
    }.items()
    for word in words.split()
}
"""Words naming the kind of incident a figure counts, by kind. Two reports of one number
that name different kinds ("flash floods" / "a bus crash") are about different events;
kinds within a group stay compatible (a shelling is reported as "blasts" and "strikes")."""
