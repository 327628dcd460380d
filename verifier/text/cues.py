"""The cue lexicon: every written form of a reporting verb, noun or preposition, and hedges.

Journalists signal attribution with a small closed set of words used in a large open set of
sentences, so the lexicon is generated once from lemmas (``lexicon/verbs.py``) into plain
dictionaries keyed by the lower-cased surface form. Looking a token up is then one dict access,
which keeps extraction fast on megabytes of text; no per-token loop ever walks the lexicon.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Literal, cast

from verifier.models import Stance
from verifier.text.lexicon import source_types, verbs

Tense = Literal["base", "s", "ed", "ing"]

__all__ = [
    "CUE_NOUNS",
    "PREPOSITIONAL",
    "PhrasalCue",
    "VerbReading",
    "find_hedges",
    "inflect",
    "phrasal_readings",
    "trigger_words",
    "verb_readings",
]


@dataclass(frozen=True, slots=True)
class VerbReading:
    """One way a surface form can be a reporting verb: lemma, tense and how it behaves."""

    lemma: str
    tense: Tense
    frames: str
    stance: Stance
    particles: frozenset[str] = frozenset()

    def has(self, frame: str) -> bool:
        return frame in self.frames


@dataclass(frozen=True, slots=True)
class PhrasalCue:
    """A multi-word cue ("called on", "appeared to show"), matched word by word."""

    lemma: str
    tense: Tense
    rest: tuple[str, ...]
    frames: str
    stance: Stance


_VOWELS = set("aeiou")


def inflect(lemma: str) -> dict[Tense, tuple[str, ...]]:
    """Regular English inflections of a verb, with the irregular table taking precedence.

    Generated rather than listed so that adding a lemma to the lexicon is one line and no
    inflection is ever forgotten.
    """
    if lemma.endswith(("s", "sh", "ch", "x", "z", "o")):
        third = lemma + "es"
    elif lemma.endswith("y") and len(lemma) > 1 and lemma[-2] not in _VOWELS:
        third = lemma[:-1] + "ies"
    else:
        third = lemma + "s"
    doubled = lemma in verbs.DOUBLED
    if lemma.endswith("e"):
        past = lemma + "d"
    elif lemma.endswith("y") and len(lemma) > 1 and lemma[-2] not in _VOWELS:
        past = lemma[:-1] + "ied"
    elif doubled:
        past = lemma + lemma[-1] + "ed"
    else:
        past = lemma + "ed"
    if lemma.endswith("ie"):
        ing = lemma[:-2] + "ying"
    elif lemma.endswith("e") and not lemma.endswith(("ee", "ye", "oe")):
        ing = lemma[:-1] + "ing"
    elif doubled:
        ing = lemma + lemma[-1] + "ing"
    else:
        ing = lemma + "ing"
    pasts = verbs.IRREGULAR.get(lemma, (past,))
    return {"base": (lemma,), "s": (third,), "ed": pasts, "ing": (ing,)}


@lru_cache(maxsize=1)
def _verb_table() -> dict[str, tuple[VerbReading, ...]]:
    table: dict[str, list[VerbReading]] = {}
    for lemma, (frames, stance) in verbs.REPORTING_VERBS.items():
        particles = verbs.REQUIRED_PARTICLE.get(lemma, frozenset())
        for tense, forms in inflect(lemma).items():
            for form in forms:
                reading = VerbReading(lemma, tense, frames, cast(Stance, stance), particles)
                table.setdefault(form, []).append(reading)
    return {form: tuple(readings) for form, readings in table.items()}


@lru_cache(maxsize=1)
def _phrasal_table() -> dict[str, tuple[PhrasalCue, ...]]:
    table: dict[str, list[PhrasalCue]] = {}
    for words, (frames, stance) in verbs.PHRASAL.items():
        head, rest = words[0], words[1:]
        if head in verbs.IRREGULAR_PHRASAL_HEADS:
            forms = verbs.IRREGULAR_PHRASAL_HEADS[head]
            tenses: list[tuple[Tense, str]] = []
            for form in forms:
                tense: Tense = (
                    "ing"
                    if form.endswith("ing")
                    else "s"
                    if form.endswith("s") and form != head
                    else "base"
                    if form == head
                    else "ed"
                )
                tenses.append((tense, form))
        else:
            tenses = [(t, f) for t, fs in inflect(head).items() for f in fs]
        for tense, form in tenses:
            cue = PhrasalCue(head, tense, rest, frames, cast(Stance, stance))
            table.setdefault(form, []).append(cue)
    # Longest phrase first so "go on to say" wins over a shorter reading.
    return {form: tuple(sorted(cues, key=lambda c: -len(c.rest))) for form, cues in table.items()}


def verb_readings(form: str) -> tuple[VerbReading, ...]:
    """Every reporting-verb reading of a lower-cased surface form (empty when none)."""
    return _verb_table().get(form, ())


def phrasal_readings(form: str) -> tuple[PhrasalCue, ...]:
    """Multi-word cues starting with this lower-cased form, longest first."""
    return _phrasal_table().get(form, ())


CUE_NOUNS: dict[str, Stance] = {k: cast(Stance, v) for k, v in verbs.CUE_NOUNS.items()}

# Prepositional cues: the words, and whether the source follows (True) or precedes them.
PREPOSITIONAL: dict[tuple[str, ...], str] = {
    ("according", "to"): "according",
    ("citing",): "citing",
    ("quoting",): "citing",
    ("as", "reported", "by"): "according",
    ("as", "quoted", "by"): "according",
    ("quoted", "by"): "according",
    ("cited", "by"): "according",
    ("in", "the", "words", "of"): "according",
}


@lru_cache(maxsize=1)
def trigger_words() -> frozenset[str]:
    """Lower-cased words at least one of which must occur in a sentence for it to hold a cue.

    Checking a sentence's word set against this one set is far cheaper than tokenising and
    parsing every sentence, and most sentences of an article carry no attribution at all.
    """
    words: set[str] = set(_verb_table())
    words.update(_phrasal_table())
    words.update(CUE_NOUNS)
    common = {"in", "the", "of", "as", "by", "to"}
    words.update(w for phrase in PREPOSITIONAL for w in phrase if w not in common)
    words.update({"quoted", "cited", "reported", "according", "citing", "quoting"})
    return frozenset(words)


@lru_cache(maxsize=1)
def _hedge_res() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """Hedges split in two: plain words, and negated-verification phrases.

    The phrases need a bounded look-ahead that is slow to run everywhere, so they are only
    tried on text that holds a negation at all.
    """
    slow = [p for p in source_types.HEDGES if "[^" in p]
    fast = [p for p in source_types.HEDGES if "[^" not in p]
    return (
        re.compile("|".join(f"(?:{p})" for p in fast), re.IGNORECASE),
        re.compile("|".join(f"(?:{p})" for p in slow), re.IGNORECASE),
    )


# Every hedge pattern holds one of these fragments; a sentence with none (most of them) skips
# the hedge regexes altogether. Kept in step with lexicon.source_types.HEDGES by a test.
_HEDGE_HINTS = (
    "claim",
    "alleg",
    "reported",
    "purport",
    "suppos",
    "apparent",
    "ostensib",
    "unverif",
    "unconfirm",
    "unsubstant",
    "evidence",
    "clear",
    "said to",
    "appear",
    "possib",
    "disput",
    "able to",
    "cannot",
    "n't",
    "n\u2019t",
    "not ",
)

# The hints as one literal alternation: a single C-level scan instead of one substring test
# per hint (the two agree on every text: both ask whether any hint occurs in it).
_HINT_RE = re.compile("|".join(re.escape(hint) for hint in _HEDGE_HINTS))

_NEGATION_HINT = re.compile(r"n[o'’]t\b|cannot", re.IGNORECASE)


def find_hedges(*texts: str) -> tuple[str, ...]:
    """Distinct hedging expressions in the given texts, lower-cased, in order of appearance.

    A fact-checker reads "claimed", "reportedly" or "could not independently verify" as a
    warning that the outlet itself does not vouch for the content.
    """
    fast, slow = _hedge_res()
    seen: dict[int, str] = {}
    offset = 0
    for text in texts:
        low = text.lower()
        if _HINT_RE.search(low) is None:
            offset += len(text) + 1
            continue
        for m in fast.finditer(text):
            seen.setdefault(offset + m.start(), m.group(0))
        if _NEGATION_HINT.search(text):
            for m in slow.finditer(text):
                seen.setdefault(offset + m.start(), m.group(0))
        offset += len(text) + 1
    out: dict[str, None] = {}
    for _, phrase in sorted(seen.items()):
        out.setdefault(re.sub(r"\s+", " ", phrase.lower()).replace("’", "'"), None)
    return tuple(out)


# Quotation marks, straight, curly and the `` '' of some wire feeds.
_QUOTATION = re.compile(r"[\"“”«»]|``|''")
_WORDS = re.compile(r"[a-z]+")


@lru_cache(maxsize=1)
def _speech_forms() -> frozenset[str]:
    """The past, -ing and "says"/"tells"/"writes" forms of the speech verbs, and "according".

    Base and other -s forms are left out: "state", "reports", "claims" are as often nouns.
    """
    # -s forms that are seldom nouns: "The coroner believes LaRue died Saturday."
    forms = {"says", "tells", "writes", "according", "believes", "thinks", "insists", "adds"}
    for lemma in verbs.SPEECH_VERBS:
        table = inflect(lemma)
        forms.update(table["ed"])
        forms.update(table["ing"])
    return frozenset(forms)


def reads_as_attributed(text: str) -> bool:
    """Does a sentence pin its words on someone: a quotation or a speech verb in it?

    A sentence like this whose attribution the extractor did not resolve ("... testified
    Armstead", a quotation whose "Trump said." follows) is unread, not unattributed.
    """
    if _QUOTATION.search(text) or _BASE_FORM_CUE.search(text):
        return True
    return not _speech_forms().isdisjoint(_WORDS.findall(text.lower()))


def quote_marks(text: str) -> int:
    """How many quotation marks a sentence holds: an odd count opens (or closes) a quotation
    that runs on into the next sentences."""
    return len(_QUOTATION.findall(text))


# Base forms that attribute all the same: a cue after its content with the speaker after it
# ("..., say sources.", "..., claim the rebels)"), and a named subject declining to say.
_BASE_FORM_CUE = re.compile(
    r",\s*(?:say|tell|claim|report|allege)\s+(?:the\s+)?[A-Za-z][\w’'\-]*(?:\s+[\w’'\-]+){0,4}"
    r"\s*[.!?]?\s*[)\]]?\s*$"
    r"|\b(?:declined|refused)\s+to\s+(?:say|comment|confirm|discuss|elaborate|specify)\b",
    re.IGNORECASE,
)


def is_reporting_cue(cue: str | None) -> bool:
    """Is a cue one the lexicon reads as reporting: a speech or belief verb, a cue noun, a
    prepositional cue? A reading that took "approved" or "was appointed" for a cue found an
    actor of the story, not someone whose words could be pinned on another."""
    if not cue:
        return False
    words = _WORDS.findall(cue.lower())
    if any(verb_readings(w) or phrasal_readings(w) or w in CUE_NOUNS for w in words):
        return True
    return any(tuple(words[i : i + len(k)]) == k for k in PREPOSITIONAL for i in range(len(words)))


# How strongly a cue vouches for its content: hedged < reported < confirmed.
HEDGED_CUES = frozenset(
    [
        "claim",
        "claims",
        "claimed",
        "claiming",
        "allege",
        "alleges",
        "alleged",
        "alleging",
        "allegedly",
        "purported",
        "purports",
        "purportedly",
        "insist",
        "insists",
        "insisted",
        "insisting",
    ]
)
CONFIRMING_CUES = frozenset(
    [
        "confirm",
        "confirms",
        "confirmed",
        "confirming",
        "verified",
        "verify",
        "verifies",
        "established",
        "establish",
        "establishes",
        "proved",
        "proven",
        "showed",
        "shown",
        "found",
    ]
)
RELAY_CUES = frozenset({"citing", "quoting", "quoted by", "cited by", "as reported by"})
_CUE_WORD = re.compile(r"[a-z]+")


def cue_strength(cue: str | None, source_type: str | None) -> int:
    """How strongly a cue vouches for its content: 0 hedged ("claimed"), 1 reported ("said"),
    2 confirmed ("confirmed", or the outlet's own verification, or no cue at all)."""
    if not cue:
        return 2  # stated as fact
    words = set(_CUE_WORD.findall(cue.lower()))
    if words & HEDGED_CUES:
        return 0
    if words & CONFIRMING_CUES or source_type == "outlet":
        return 2
    return 1


def is_relay_cue(cue: str) -> bool:
    """Does the cue pass another's words on ("X reported, citing SANA")?"""
    return cue.lower() in RELAY_CUES
