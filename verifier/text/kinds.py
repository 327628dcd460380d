"""What kind of attribution a cue makes: speech, document, position or belief.

A fact-checker weighs these differently: a belief ("thinks", "hopes", "fears") is a state of
mind, rarely a checkable statement; a position ("denies", "accuses", "calls for") is a stance a
source took; a document ("a poll shows", "the report found") points at evidence to read; speech
("said", "told", "according to", a quote) is a statement someone made. The kind is read from the
cue's words (every inflection of a lemma, generated) and, for "document", from the source's head.
"""

from __future__ import annotations

import re
from functools import cache, lru_cache

from verifier.models import AttributionKind as Kind
from verifier.text.cues import inflect
from verifier.text.lexicon import wordset

_BELIEF_VERBS = (
    "think believe hope fear want expect seem appear feel know worry doubt suspect wonder "
    "assume imagine consider view regard see intend plan wish prefer like love hate dislike "
    "trust understand realize recognize remember forget predict anticipate envision favor "
    "aim seek desire guess presume reckon"
)
_BELIEF_WORDS = (
    "belief beliefs hope hopes fear fears view views concern concerns concerned worried "
    "confident convinced skeptical sceptical optimistic pessimistic afraid aware unaware "
    "eager keen hopeful doubtful certain sure unsure expected likely unlikely willing "
    "reluctant determined interested inclined opinion opinions thoughts sense feeling "
    "knew known saw seen felt thought mean means meant seemingly apparently"
)
_POSITION_VERBS = (
    "accuse deny call urge criticize criticise praise support endorse oppose defend blame "
    "reject question demand condemn decline refuse promise vow pledge propose dispute "
    "challenge attack slam blast back welcome applaud thank credit dismiss denounce "
    "threaten insist argue contend agree disagree approve disapprove object protest "
    "complain accept apologize hail commend castigate rebuke chide mock ridicule lambaste "
    "push advocate champion tout back vote sue ask request recommend seek offer order "
    "decide sign charge pass nominate name compare portray assail rail allege decry lament "
    "encourage allow restrict rule invoke file"
)
_POSITION_WORDS = (
    "allegation allegations accusation accusations denial denials call calls demand demands "
    "criticism support opposition endorsement refusal promise promises pledge proposal "
    "appeal complaint complaints argument position stance decision sought cast"
)
_DOCUMENT_VERBS = "show find indicate reveal suggest document confirm estimate project"
DOCUMENT_HEADS = wordset(
    "poll polls survey surveys report reports study studies data document documents record "
    "records email emails memo filing filings analysis figures statistics video footage photo "
    "photos image images transcript transcripts letter letters research review audit tally "
    "count census model forecast chart map maps numbers results release statement"
)


def _forms(lemmas: str) -> frozenset[str]:
    out: set[str] = set()
    for lemma in lemmas.split():
        for forms in inflect(lemma).values():
            out.update(forms)
        out.add(lemma)
    return frozenset(out)


@cache
def _tables() -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    belief = _forms(_BELIEF_VERBS) | wordset(_BELIEF_WORDS)
    position = _forms(_POSITION_VERBS) | wordset(_POSITION_WORDS)
    return belief, position, _forms(_DOCUMENT_VERBS)


_WORD_RE = re.compile(r"[a-z]+")


@lru_cache(maxsize=8192)
def cue_kind(cue: str, source: str = "") -> Kind | None:
    """The kind a cue's words make, or None when no word of it is known (a colon, "in").

    A document verb ("shows", "found") makes a document kind only with a document source ("a
    poll", "the report"), or with no source known; "he found" is a position of a person.
    """
    words = _WORD_RE.findall(cue.lower())
    if not words:
        return "speech" if cue.strip() in (":", "—") else None
    belief, position, document = _tables()
    head = _WORD_RE.findall(source.lower())
    from_document = any(w in DOCUMENT_HEADS for w in head[-3:]) or not head
    for w in words:
        if w in document and from_document:
            return "document"
    for w in words:
        if w in belief:
            return "belief"
    for w in words:
        if w in position:
            return "position"
    if any(w in DOCUMENT_HEADS for w in head[-3:]) and not any(
        w in ("said", "says") for w in words
    ):
        return "document"
    return "speech" if _speech(words) else None


@cache
def _speech_forms() -> frozenset[str]:
    return _forms(
        "say tell write add note report announce state explain reply respond recall continue "
        "declare remark comment testify mention stress warn claim acknowledge admit tweet post "
        "ask quote cite describe assert suggest emphasize insist conclude answer repeat "
        "reiterate speak talk disclose reveal concede boast brag joke muse observe point "
        "predict learn hear refer read express discuss shout chant yell email retweet echo "
        "recount remind caution assure highlight imply indicate publish release list"
    ) | wordset(
        "according quoting citing statement interview remarks words told wrote said spoke "
        "spoken reportedly put"
    )


@cache
def kind_words() -> frozenset[str]:
    """Every word that gives a cue a kind (each inflection of the belief, position, document
    and speech lemmas): a sentence holding none of them rarely attributes anything."""
    belief, position, document = _tables()
    return belief | position | document | _speech_forms()


def _speech(words: list[str]) -> bool:
    forms = _speech_forms()
    return any(w in forms for w in words)


def attribution_kind(cue: str, source: str = "") -> Kind:
    """The kind of an extracted attribution: an unknown cue word reports speech, the default
    reading of a cue the extractor found."""
    return cue_kind(cue, source) or "speech"
