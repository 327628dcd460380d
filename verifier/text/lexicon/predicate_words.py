"""What happened, as news says it: verbs (and the nouns naming their act) by kind of act.

Each kind lists base forms; ``verifier.text.predicates`` adds their inflections ("kill" ->
"kills", "killed", "killing"). Two reports of one event word its act differently ("rocked" /
"hit", "nabbed" / "detained", "heist" / "robbed"), so the kinds are broad; they are kept apart
where one report can state one and not the other ("shot" is not "killed", "charged" is a stage
of its own: ``text.passage.stages``). General English only; nothing here names a person, a
place or an article.
"""

from __future__ import annotations

from verifier.text.lexicon import wordset

PREDICATE_VERBS: dict[str, frozenset[str]] = {
    "kill": wordset("kill slay murder massacre execute perish die"),
    "injure": wordset("injure wound hurt maim"),
    "shoot": wordset("shoot gun"),
    "stab": wordset("stab knife"),
    "explode": wordset("explode detonate bomb"),
    "attack": wordset("attack assault raid ambush storm"),
    "arrest": wordset("arrest detain apprehend capture nab nail"),
    "escape": wordset("escape"),
    "rob": wordset("rob steal loot burgle burglarize"),
    "hijack": wordset("hijack kidnap abduct"),
    "rescue": wordset("rescue"),
    "strike": wordset("strike hit jolt shake rock rattle"),
    "destroy": wordset("destroy level flatten raze collapse demolish gut"),
    "damage": wordset("damage"),
    "burn": wordset("burn torch"),
    "crash": wordset("crash collide derail sink capsize"),
    "resign": wordset("resign quit"),
    "dismiss": wordset("sack dismiss oust axe"),
    "appoint": wordset("appoint hire nominate name pick select choose enlist recruit"),
    "host": wordset("host emcee"),
    "win": wordset("win beat defeat rout clinch"),
    "ram": wordset("ram smash"),
    "cut": wordset("cut sever"),
    "riot": wordset("riot protest"),
    "marry": wordset("marry wed"),
    "divorce": wordset("divorce"),
    "acquire": wordset("acquire buy purchase"),
    "sue": wordset("sue"),
    "evacuate": wordset("evacuate"),
    "rehab": wordset("rehab"),
    "foil": wordset("foil thwart repel prevent intercept interdict"),
    "restrain": wordset("handcuff restrain"),
    "replace": wordset("replace succeed"),
}
"""Kinds of act and the verbs stating them, as base forms."""

VERB_FORMS: dict[str, str] = {
    # irregular forms the inflection rules miss; each is a verb wherever it stands
    "slain": "kill",
    "slew": "kill",
    "died": "kill",
    "dying": "kill",
    "succumbed": "kill",
    "shot": "shoot",
    "gunned": "shoot",
    "fled": "escape",
    "stole": "rob",
    "stolen": "rob",
    "struck": "strike",
    "shook": "strike",
    "shaken": "strike",
    "burnt": "burn",
    "sank": "crash",
    "sunk": "crash",
    "chose": "appoint",
    "chosen": "appoint",
    "won": "win",
    "beaten": "win",
    "bought": "acquire",
    "hanged": "hang",
    "canned": "dismiss",
}
"""Irregular verb forms, by kind of act."""

ACT_NOUNS: dict[str, str] = {
    # nouns (and adjectives) that name the act: a report states it with them ("killed in the
    # blast"), but a claim's act is its verb ("a heart attack" is not what the claim says
    # happened)
    "dead": "kill",
    "death": "kill",
    "deaths": "kill",
    "fatal": "kill",
    "fatally": "kill",
    "fatalities": "kill",
    "homicide": "kill",
    "body": "kill",  # "his body was found": a report of the death
    "bodies": "kill",
    "killer": "kill",
    "injury": "injure",
    "injuries": "injure",
    "gunfire": "shoot",
    "gunman": "shoot",
    "gunmen": "shoot",
    "shootout": "shoot",
    "stabbing": "stab",
    "shootings": "shoot",
    "explosion": "explode",
    "blast": "explode",
    "bomber": "explode",
    "custody": "arrest",
    "escapee": "escape",
    "robbery": "rob",
    "robberies": "rob",
    "robber": "rob",
    "robbers": "rob",
    "heist": "rob",
    "theft": "rob",
    "thieves": "rob",
    "thief": "rob",
    "burglary": "rob",
    "hijackers": "hijack",
    "kidnapping": "hijack",
    "abduction": "hijack",
    "hostage": "hijack",
    "hostages": "hijack",
    "destruction": "destroy",
    "damages": "damage",
    "fire": "burn",
    "fires": "burn",
    "flames": "burn",
    "inferno": "burn",
    "ablaze": "burn",
    "blaze": "burn",
    "hanging": "hang",  # "found hanging in his cell"
    "arson": "arson",
    "arsonist": "arson",
    "arsonists": "arson",
    "collision": "crash",
    "resignation": "resign",
    "appointment": "appoint",
    "nominee": "appoint",
    "nomination": "appoint",
    "victory": "win",
    "rioters": "riot",
    "protesters": "riot",
    "wedding": "marry",
    "acquisition": "acquire",
    "takeover": "acquire",
    "lawsuit": "sue",
    "evacuation": "evacuate",
    "rehabilitation": "rehab",
    "treatment": "rehab",
    # "has left the clinic" states a leaving, but a claim's "left" is mostly "left three dead"
    "left": "leave",
    "leaving": "leave",
}
"""Nouns of the act, by kind."""

PREDICATE_IMPLIES: dict[str, frozenset[str]] = {
    "hang": frozenset({"kill"}),
    "host": frozenset({"appoint"}),  # "will host the gala" states that she was named host
    "appoint": frozenset({"replace"}),  # "hired Orme" states that Orme replaced someone
    "replace": frozenset({"appoint", "dismiss"}),  # "replaced him with Orme"
    "destroy": frozenset({"damage"}),
    "arson": frozenset({"burn"}),
}
"""A kind of act that states another: a hanging is a death, arson a fire."""

REACTIONS: frozenset[str] = wordset(
    """devastated thrilled delighted blindsided shocked saddened stunned heartbroken
    pleased happy excited disappointed upset angry furious outraged grateful proud honored
    honoured relieved sad sorry surprised horrified dismayed appalled elated overjoyed
    humbled distraught ecstatic gutted"""
)
"""How a party feels about what happened ("is heartbroken", "we are delighted"): a reaction, an
act of its own when a claim reports it (``tests/gold/README.md``)."""

REACTION_LINKS: frozenset[str] = wordset(
    """am is are was were be been being feel feels felt remain remains remained 're 'm"""
)
"""Verbs that state a reaction of their subject ("he was devastated", "we're thrilled")."""

NOUN_MARKERS: frozenset[str] = wordset(
    """a an the this that these those its his her their our my your another each every
    heart petrol gas car suicide terror terrorist pirate piracy bank armed"""
)
"""Words after which a verb's base or -ing form is a noun ("the shooting", "a heart attack",
"petrol bombs"): the act named, not stated by the sentence's verb."""

VERB_MARKERS: frozenset[str] = wordset(
    """to will would may might could can shall should must did does do not never""",
)
"""Words after which a base form is a verb ("to host", "will host", "did not kill")."""

NAMING_NOUNS: frozenset[str] = wordset(
    """man men woman women boy boys girl girls person people child suspect teen teenager
    officer student worker dog company group firm"""
)
""""a man named Smith": after these, "named" gives a name, not an appointment."""

PHRASES: dict[tuple[str, str], str] = {
    ("passed", "away"): "kill",
    ("passes", "away"): "kill",
    ("opened", "fire"): "shoot",
    ("open", "fire"): "shoot",
    ("opens", "fire"): "shoot",
    ("checked", "into"): "rehab",
    ("checks", "into"): "rehab",
    ("check", "into"): "rehab",
    ("roped", "in"): "appoint",
    ("hung", "himself"): "hang",
    ("hung", "herself"): "hang",
    ("critical", "condition"): "injure",
    ("stepped", "down"): "resign",
    ("steps", "down"): "resign",
    ("made", "off"): "rob",
    ("making", "off"): "rob",
    ("committed", "suicide"): "hang",  # the act a hanging states: a suicide (README's rule)
    ("commits", "suicide"): "hang",
    ("set", "fire"): "burn",
    ("sets", "fire"): "burn",
    ("checked", "out"): "leave",
    ("checks", "out"): "leave",
    ("check", "out"): "leave",
    ("walked", "out"): "leave",
}
"""Two-word verbs, by kind: the first word is the verb."""

FIRE_FORMS: frozenset[str] = wordset("fire fires fired firing")
"""Forms of "fire", which dismisses a person ("the Hornets fired their coach", "Orme was
fired Saturday") as often as it names a blaze or shots ("fired on the crowd", "shots were
fired"): ``predicates.read_acts`` reads which from the words around it."""

FIRED_PERSONS: frozenset[str] = wordset(
    """coach coaches manager managers head chief ceo director president boss him her them
    staff employee employees worker workers official officials minister"""
)
"""Who "fire" dismisses when they follow it: "fire coach", "fired head coach", "fired him"."""

FIRED_THINGS: frozenset[str] = wordset(
    """shot shots round rounds bullet bullets rocket rockets missile missiles shell shells
    gun guns weapon weapons teargas gas canister canisters flare flares salvo volley"""
)
"""What "was fired" leaves undismissed: "shots were fired", "a rocket was fired"."""

FIRED_AT: frozenset[str] = wordset(
    "on at upon into from toward towards back off up over across through in"
)
"""Words after "fired" that make it shooting ("fired on", "fired into the air")."""
