"""Reporting verbs: the lemma, how it takes its complement, and what stance it signals.

Frames (one letter each, combined in a string):

``C``  takes a clause or an object directly ("said it was", "announced a truce", "said that").
``Q``  only counts with a quote, a colon, "that", or when inverted ("“...,” he added"); the bare
       verb is too often non-reporting ("added to tensions", "responded with airstrikes").
``O``  takes an object and then a complement ("accused X of", "urged X to", "told X that"); the
       content starts right after the verb and includes the object.
``T``  a "tell"-type verb whose object is the hearer, skipped before the content.
``V``  a perception verb that only reports when its subject is a picture, video or document.
``N``  the written form is also a common noun ("claim", "report", "state"); needs verbal context.
``H``  "that" or a quote must follow (the verb has common non-reporting senses: "found", "feel").
``I``  a to-infinitive is its content ("declined to comment", "plans to sail"); with no other
       frame letter nothing else is ("the shares declined 5%", "a plan for the city").
``B``  a verb of belief or argument whose "that" is often left out: with ``H``, a clause with
       its own subject and verb may follow directly ("I think it is over", "Trump believes
       the system is rigged").

Stances follow the shared vocabulary: asserts, denies, accuses, calls_for.
"""

from __future__ import annotations

from verifier.text.lexicon import wordset

# lemma -> (frames, stance)
REPORTING_VERBS: dict[str, tuple[str, str]] = {
    # --- plain assertion -------------------------------------------------------------------
    "say": ("C", "asserts"),
    "state": ("HN", "asserts"),
    "claim": ("CN", "asserts"),
    "announce": ("C", "asserts"),
    "confirm": ("C", "asserts"),
    "assert": ("C", "asserts"),
    "affirm": ("C", "asserts"),
    "reaffirm": ("C", "asserts"),
    "declare": ("C", "asserts"),
    "report": ("CN", "asserts"),
    "note": ("QN", "asserts"),
    "explain": ("Q", "asserts"),
    "insist": ("C", "asserts"),
    "maintain": ("HB", "asserts"),
    "stress": ("CN", "asserts"),
    "emphasize": ("C", "asserts"),
    "emphasise": ("C", "asserts"),
    "underline": ("H", "asserts"),
    "underscore": ("H", "asserts"),
    "reiterate": ("C", "asserts"),
    "repeat": ("H", "asserts"),
    "warn": ("CT", "asserts"),
    "caution": ("HN", "asserts"),
    "acknowledge": ("C", "asserts"),
    "admit": ("C", "asserts"),
    "concede": ("C", "asserts"),
    "confess": ("H", "asserts"),
    "allege": ("C", "asserts"),
    "argue": ("HB", "asserts"),
    "contend": ("HB", "asserts"),
    "suggest": ("HB", "asserts"),
    "indicate": ("H", "asserts"),
    "reveal": ("H", "asserts"),
    "disclose": ("H", "asserts"),
    "testify": ("H", "asserts"),
    "recount": ("H", "asserts"),
    "recall": ("Q", "asserts"),
    "describe": ("O", "asserts"),
    "characterize": ("O", "asserts"),
    "characterise": ("O", "asserts"),
    "portray": ("O", "asserts"),
    "estimate": ("CN", "asserts"),
    "predict": ("HB", "asserts"),
    "forecast": ("HN", "asserts"),
    "project": ("HN", "asserts"),
    "promise": ("CN", "asserts"),
    "pledge": ("CN", "asserts"),
    "vow": ("CN", "asserts"),
    "threaten": ("C", "asserts"),
    "boast": ("Q", "asserts"),
    "brag": ("Q", "asserts"),
    "complain": ("Q", "asserts"),
    "lament": ("Q", "asserts"),
    "respond": ("Q", "asserts"),
    "reply": ("QN", "asserts"),
    "retort": ("Q", "asserts"),
    "answer": ("QN", "asserts"),
    "counter": ("QN", "asserts"),
    "comment": ("QN", "asserts"),
    "remark": ("QN", "asserts"),
    "observe": ("H", "asserts"),
    "mention": ("H", "asserts"),
    "write": ("Q", "asserts"),
    "post": ("QN", "asserts"),
    "tweet": ("QN", "asserts"),
    "call": ("ON", "asserts"),
    "add": ("Q", "asserts"),
    "continue": ("Q", "asserts"),
    # "Hospital officials put the death toll at 31": how casualty figures are often sourced
    "put": ("O", "asserts"),
    "tell": ("CT", "asserts"),
    "inform": ("CT", "asserts"),
    "notify": ("CT", "asserts"),
    "assure": ("CT", "asserts"),
    "reassure": ("CT", "asserts"),
    "remind": ("CT", "asserts"),
    "brief": ("HTN", "asserts"),
    "signal": ("HN", "asserts"),
    "hint": ("HN", "asserts"),
    "imply": ("H", "asserts"),
    "speculate": ("HB", "asserts"),
    "believe": ("HB", "asserts"),
    "think": ("HB", "asserts"),
    "know": ("HB", "asserts"),
    "feel": ("HB", "asserts"),
    "worry": ("HB", "asserts"),
    "guess": ("HB", "asserts"),
    "suppose": ("HB", "asserts"),
    "assume": ("HB", "asserts"),
    "fear": ("HNB", "asserts"),
    "hope": ("HNBI", "asserts"),
    "expect": ("HB", "asserts"),
    "doubt": ("HNB", "asserts"),
    "conclude": ("HB", "asserts"),
    "find": ("HB", "asserts"),
    "determine": ("H", "asserts"),
    "calculate": ("H", "asserts"),
    "certify": ("H", "asserts"),
    "attest": ("H", "asserts"),
    "swear": ("H", "asserts"),
    "guarantee": ("HN", "asserts"),
    "proclaim": ("C", "asserts"),
    "profess": ("H", "asserts"),
    "pronounce": ("H", "asserts"),
    "specify": ("H", "asserts"),
    "clarify": ("H", "asserts"),
    "elaborate": ("Q", "asserts"),
    "detail": ("HN", "asserts"),
    "outline": ("HN", "asserts"),
    "summarize": ("Q", "asserts"),
    "summarise": ("Q", "asserts"),
    "quip": ("Q", "asserts"),
    "joke": ("QN", "asserts"),
    "muse": ("Q", "asserts"),
    "posit": ("H", "asserts"),
    "theorize": ("H", "asserts"),
    "hypothesize": ("H", "asserts"),
    "opine": ("Q", "asserts"),
    "reckon": ("HB", "asserts"),
    "purport": ("H", "asserts"),
    "relay": ("H", "asserts"),
    "convey": ("H", "asserts"),
    "echo": ("HN", "asserts"),
    "exclaim": ("Q", "asserts"),
    "shout": ("QN", "asserts"),
    "scream": ("QN", "asserts"),
    "yell": ("QN", "asserts"),
    "whisper": ("QN", "asserts"),
    "mutter": ("Q", "asserts"),
    "ask": ("QTW", "asserts"),
    "wonder": ("Q", "asserts"),
    "concur": ("Q", "asserts"),
    "agree": ("HBI", "asserts"),
    "publish": ("H", "asserts"),
    "broadcast": ("HN", "asserts"),
    "document": ("HN", "asserts"),
    "record": ("HN", "asserts"),
    "verify": ("H", "asserts"),
    "corroborate": ("H", "asserts"),
    "recognize": ("H", "asserts"),
    "recognise": ("H", "asserts"),
    "highlight": ("HN", "asserts"),
    "hail": ("O", "asserts"),
    "confide": ("H", "asserts"),
    "divulge": ("H", "asserts"),
    "attribute": ("O", "asserts"),
    "label": ("ON", "asserts"),
    "dub": ("O", "asserts"),
    "brand": ("ON", "asserts"),
    "term": ("ON", "asserts"),
    # --- perception (visual sources) -------------------------------------------------------
    "show": ("V", "asserts"),
    "depict": ("V", "asserts"),
    "capture": ("V", "asserts"),
    # --- denial ----------------------------------------------------------------------------
    "deny": ("C", "denies"),
    "refute": ("O", "denies"),
    "reject": ("O", "denies"),
    "dismiss": ("O", "denies"),
    "rebut": ("O", "denies"),
    "dispute": ("ON", "denies"),
    "contest": ("HN", "denies"),
    "contradict": ("O", "denies"),
    "disavow": ("O", "denies"),
    "repudiate": ("O", "denies"),
    "debunk": ("O", "denies"),
    "disprove": ("O", "denies"),
    "downplay": ("O", "denies"),
    "rebuff": ("ON", "denies"),
    "disclaim": ("O", "denies"),
    "negate": ("O", "denies"),
    # --- accusation ------------------------------------------------------------------------
    "accuse": ("O", "accuses"),
    "blame": ("ON", "accuses"),
    "fault": ("ON", "accuses"),
    "charge": ("HN", "accuses"),
    "implicate": ("O", "accuses"),
    "condemn": ("O", "accuses"),
    "denounce": ("O", "accuses"),
    "criticize": ("O", "accuses"),
    "criticise": ("O", "accuses"),
    "slam": ("ON", "accuses"),
    "blast": ("ON", "accuses"),
    "lambast": ("O", "accuses"),
    "lambaste": ("O", "accuses"),
    "castigate": ("O", "accuses"),
    "rebuke": ("ON", "accuses"),
    "decry": ("O", "accuses"),
    "censure": ("ON", "accuses"),
    "chastise": ("O", "accuses"),
    "berate": ("O", "accuses"),
    "assail": ("O", "accuses"),
    # --- calls -----------------------------------------------------------------------------
    "urge": ("O", "calls_for"),
    "demand": ("CN", "calls_for"),
    "appeal": ("HN", "calls_for"),
    "plead": ("H", "calls_for"),
    "implore": ("O", "calls_for"),
    "beg": ("O", "calls_for"),
    "beseech": ("O", "calls_for"),
    "exhort": ("O", "calls_for"),
    "request": ("ON", "calls_for"),
    "press": ("ON", "calls_for"),
    "recommend": ("H", "calls_for"),
    "advise": ("H", "calls_for"),
    "instruct": ("O", "calls_for"),
    # --- positions: the object is what the source stands for or against --------------------
    "endorse": ("O", "asserts"),
    "support": ("ON", "asserts"),
    "defend": ("O", "asserts"),
    "praise": ("ON", "asserts"),
    "oppose": ("O", "denies"),
    "propose": ("C", "calls_for"),
    "question": ("ON", "denies"),
    "mock": ("O", "accuses"),
    "applaud": ("O", "asserts"),
    "commend": ("O", "asserts"),
    "tout": ("O", "asserts"),
    "champion": ("ON", "asserts"),
    "welcome": ("O", "asserts"),
    "thank": ("O", "asserts"),
    "ridicule": ("O", "accuses"),
    "challenge": ("ON", "denies"),
    # --- intentions: a to-infinitive is what the source means to do -------------------------
    "decline": ("I", "denies"),
    "refuse": ("I", "denies"),
    "plan": ("IN", "asserts"),
    "seek": ("I", "calls_for"),
    "intend": ("I", "asserts"),
    "want": ("C", "calls_for"),
    "decide": ("I", "asserts"),
    "order": ("ON", "calls_for"),
    "offer": ("C", "asserts"),
    "encourage": ("O", "calls_for"),
    "see": ("O", "asserts"),
    "view": ("ON", "asserts"),
    "regard": ("ON", "asserts"),
}

IRREGULAR: dict[str, tuple[str, ...]] = {
    # lemma -> its past and past-participle forms, replacing the regular -ed
    "say": ("said",),
    "tell": ("told",),
    "write": ("wrote", "written"),
    "think": ("thought",),
    "know": ("knew",),  # ("known" is an adjective as often: "well known", "is known for")
    "feel": ("felt",),
    "find": ("found",),
    "swear": ("swore", "sworn"),
    "show": ("showed", "shown"),
    "forecast": ("forecast", "forecasted"),
    "broadcast": ("broadcast", "broadcasted"),
    "plead": ("pleaded", "pled"),
    "put": ("put",),
    "seek": ("sought",),
    "see": ("saw", "seen"),
}

# Final consonant doubled before -ed/-ing (stress-final verbs the spelling rule cannot guess).
DOUBLED: frozenset[str] = wordset(
    "admit rebut slam dub beg quip put concur confer refer omit regret submit commit transmit "
    "permit aver abet plan"
)

# Multi-word verbal cues: the first word, then the rest as a tuple; stance and frame as above.
PHRASAL: dict[tuple[str, ...], tuple[str, str]] = {
    ("call", "on"): ("O", "calls_for"),
    ("call", "upon"): ("O", "calls_for"),
    ("call", "for"): ("O", "calls_for"),
    ("appeal", "for"): ("O", "calls_for"),
    ("appeal", "to"): ("O", "calls_for"),
    ("plead", "for"): ("O", "calls_for"),
    ("push", "for"): ("O", "calls_for"),
    ("point", "out"): ("C", "asserts"),
    ("make", "clear"): ("C", "asserts"),
    ("warn", "of"): ("O", "asserts"),
    ("warn", "against"): ("O", "calls_for"),
    ("go", "on", "to", "say"): ("C", "asserts"),
    ("appear", "to", "show"): ("V", "asserts"),
    ("seem", "to", "show"): ("V", "asserts"),
    ("speak", "of"): ("O", "asserts"),
    ("lash", "out", "at"): ("O", "accuses"),
    ("brush", "off"): ("O", "denies"),
    ("shrug", "off"): ("O", "denies"),
    ("rule", "out"): ("O", "denies"),
}

IRREGULAR_PHRASAL_HEADS: dict[str, tuple[str, ...]] = {
    "make": ("made", "makes", "making", "make"),
    "go": ("went", "goes", "going", "go", "gone"),
    "speak": ("spoke", "speaks", "speaking", "speak", "spoken"),
    "seem": ("seemed", "seems", "seeming", "seem"),
    "lash": ("lashed", "lashes", "lashing", "lash"),
    "brush": ("brushed", "brushes", "brushing", "brush"),
    "shrug": ("shrugged", "shrugs", "shrugging", "shrug"),
    "rule": ("ruled", "rules", "ruling", "rule"),
    "push": ("pushed", "pushes", "pushing", "push"),
}

# Verbs of position and intention ("endorsed", "opposes", "declined to", "wants"): inside what
# another cue reports ("She said she was tired of it and wanted a new candidate") they are part
# of that content, not a second attribution.
STANCE_VERBS: frozenset[str] = wordset(
    "endorse support defend praise oppose propose question mock applaud commend tout champion "
    "welcome thank ridicule challenge decline refuse plan seek intend want decide order offer "
    "encourage see view regard"
)

# Verbs whose object is what a document reports when a poll, report or study is their subject
# ("the survey found no record of the class", "the audit finds wide support for the levy"),
# though a person "found the keys".
FINDING: frozenset[str] = wordset("find")

# Verbs that commonly stand after a quotation with the subject inverted ("..., said X").
INVERTIBLE: frozenset[str] = wordset(
    "say add write ask explain continue reply respond answer insist warn note claim state "
    "declare announce report tweet post recall concede acknowledge admit argue conclude "
    "complain retort counter observe remark stress confirm exclaim shout whisper quip joke "
    "muse elaborate allege predict boast lament emphasize emphasise reiterate promise vow "
    "pledge deny agree wonder mutter yell scream estimate suggest contend maintain"
)

# Nouns that carry an attribution on their own ("the ministry's claim that", "a statement by").
CUE_NOUNS: dict[str, str] = {
    "claim": "asserts",
    "claims": "asserts",
    "statement": "asserts",
    "statements": "asserts",
    "allegation": "accuses",
    "allegations": "accuses",
    "accusation": "accuses",
    "accusations": "accuses",
    "assertion": "asserts",
    "assertions": "asserts",
    "announcement": "asserts",
    "warning": "asserts",
    "warnings": "asserts",
    "denial": "denies",
    "denials": "denies",
    "insistence": "asserts",
    "contention": "asserts",
    "estimate": "asserts",
    "estimates": "asserts",
    "assessment": "asserts",
    "admission": "asserts",
    "testimony": "asserts",
    "account": "asserts",
    "report": "asserts",
    "reports": "asserts",
    "call": "calls_for",
    "calls": "calls_for",
    "appeal": "calls_for",
    "demand": "calls_for",
    "demands": "calls_for",
    "charge": "accuses",
    "charges": "accuses",
    "pledge": "asserts",
    "promise": "asserts",
    "threat": "asserts",
    "rejection": "denies",
    "rebuttal": "denies",
    "suggestion": "asserts",
    "argument": "asserts",
    "prediction": "asserts",
    "insinuation": "accuses",
    "acknowledgment": "asserts",
    "acknowledgement": "asserts",
}

# Adjuncts written between a verb and its content: "said in a statement on Telegram that".
ADJUNCT_NOUNS: frozenset[str] = wordset(
    "statement statements interview interviews briefing briefings conference post posts tweet "
    "tweets video videos speech address remarks message messages letter release broadcast "
    "telegram x twitter facebook instagram tiktok youtube truth social weibo media television "
    "tv radio channel meeting session call calls news reporters journalists parliament summit "
    "appearance hearing court report communique communiqué note email e-mail text phone "
    "podcast op-ed column editorial website channels platform forum rally ceremony visit trip "
    "event sermon declaration document filing testimony decree bulletin update thread "
    "livestream debate audience crowd supporters lawmakers parliamentarians tribunal "
    "newspaper agency broadcaster network outlet daily service telephone link videolink "
    "messaging app apps sms whatsapp signal"
)

# Object-taking verbs that only report when a particular word follows the object
# ("accused X of", "urged X to", "dismissed X as"); any other use ("dismissed the minister",
# "pressed ahead") is not an attribution.
REQUIRED_PARTICLE: dict[str, frozenset[str]] = {
    "accuse": frozenset({"of"}),
    "blame": frozenset({"for", "on"}),
    "urge": frozenset({"to", "that"}),
    "press": frozenset({"to", "for"}),
    "implore": frozenset({"to", "that"}),
    "beg": frozenset({"to", "for"}),
    "exhort": frozenset({"to"}),
    "instruct": frozenset({"to"}),
    "characterize": frozenset({"as"}),
    "characterise": frozenset({"as"}),
    "portray": frozenset({"as"}),
    "hail": frozenset({"as"}),
    "label": frozenset({"as"}),
    "brand": frozenset({"as"}),
    "dismiss": wordset(
        "as claims claim reports report allegations accusations suggestions speculation rumours "
        "rumors"
    ),
    "attribute": frozenset({"to"}),
    "put": frozenset({"toll", "tally"}),
    "fault": frozenset({"for"}),
    "implicate": frozenset({"in"}),
    "request": frozenset({"to", "that"}),
    "encourage": frozenset({"to"}),
    "see": frozenset({"as"}),
    "view": frozenset({"as"}),
    "regard": frozenset({"as"}),
}

# How far after the verb its required word may stand (default 16 tokens): "put" counts only
# when the figure's noun is its object ("put the death toll at"), not somewhere later.
PARTICLE_WINDOW: dict[str, int] = {"put": 5, "see": 10, "view": 10, "regard": 10}

# Verbs that, whatever else a sentence says, pin it on someone: a sentence holding one of them
# (or a quotation) is attributed even when the extractor could not read the attribution.
# Narrower than REPORTING_VERBS, whose "find", "show", "capture" or "continue" are as often
# plain narrative ("a bank employee found the bomb").
SPEECH_VERBS: frozenset[str] = wordset(
    "say tell testify quote cite add announce claim report tweet write explain insist declare "
    "confirm comment reply respond answer exclaim recount allege acknowledge admit deny argue "
    "warn stress reiterate"
)
