"""A sentence's predicate: what it says happened ("killed", "arrested", "struck"), by kind.

Two reports of one event share its place, its day and its people, and still state different
things: "the coast guard detained 12 smugglers" does not say "a cutter fired on two skiffs",
"two were killed in the blast" does not say the chief was injured. Support needs the claim's
act stated; shared names only show the event is one. So each sentence's acts are read here
once, at ingest, as kinds (``lexicon.predicate_words``): "rocked" and "hit" are one kind,
"nabbed" and "detained" another, "the heist" names the robbery its verb would. An act under a
negation in its clause ("no one was hurt", "has not been arrested") is read as its own kind,
``"not " + kind``, so "not injure" is never "injure".

Cheap by design: one dictionary look-up per word, no stemmer, no tagger.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from verifier.text.lexicon import wordset
from verifier.text.lexicon.facts_words import INCIDENTS
from verifier.text.lexicon.predicate_words import (
    ACT_NOUNS,
    FIRE_FORMS,
    FIRED_AT,
    FIRED_PERSONS,
    FIRED_THINGS,
    NAMING_NOUNS,
    NOUN_MARKERS,
    PHRASES,
    PREDICATE_IMPLIES,
    PREDICATE_VERBS,
    REACTION_LINKS,
    REACTIONS,
    VERB_FORMS,
    VERB_MARKERS,
)

NEGATED = "not "
"""The prefix of an act read under a negation."""
REACT = "react"
"""The kind of a party's reaction ("is heartbroken", "we are delighted")."""
_REACTION_REACH = 3
"""Words between a linking verb and the reaction it states: "was 'completely gutted'"."""


@dataclass(frozen=True, slots=True)
class Acts:
    """What a sentence says happened: ``predicates`` are the acts its verbs state (what a
    claim asserts), ``named`` every act it names, by a verb or by a noun ("killed in the
    blast" names the explosion): what a report states."""

    predicates: frozenset[str] = frozenset()
    named: frozenset[str] = frozenset()


def _inflections(base: str) -> dict[str, bool]:
    """A verb's forms by the regular rules, each with whether it is a verb wherever it stands
    (inflected) or only after a word that makes it one (the base form: "to host", not "the
    host"; the -ing form: "killing three", not "the shooting")."""
    forms: dict[str, bool] = {base: False}
    if base.endswith("e"):
        forms |= {base + "s": True, base + "d": True, base[:-1] + "ing": False}
    elif base.endswith(("sh", "ch", "ss", "x")):
        forms |= {base + "es": True, base + "ed": True, base + "ing": False}
    elif base.endswith("y") and base[-2:-1] not in "aeiou":
        forms |= {base[:-1] + "ies": True, base[:-1] + "ied": True, base + "ing": False}
    else:
        forms |= {base + "s": True, base + "ed": True, base + "ing": False}
        if re.fullmatch(r"[^aeiou]*[aeiou][bdgmnprt]", base):  # stab, rob, nab, ram, gun
            forms |= {base + base[-1] + "ed": True, base + base[-1] + "ing": False}
        if base.endswith("l"):  # "levelled" beside "leveled"
            forms |= {base + "led": True, base + "ling": False}
    return forms


def _forms() -> dict[str, tuple[str, bool]]:
    out: dict[str, tuple[str, bool]] = {}
    for kind, verbs in PREDICATE_VERBS.items():
        for verb in sorted(verbs):
            for form, verb_anywhere in _inflections(verb).items():
                out.setdefault(form, (kind, verb_anywhere))
    out.update({form: (kind, True) for form, kind in VERB_FORMS.items()})
    for form, kind in ACT_NOUNS.items():
        out.setdefault(form, (kind, False))
    return out


_FORMS: dict[str, tuple[str, bool]] = _forms()
_WORD = re.compile(r"[A-Za-z][A-Za-z'’]*|\d[\d,.]*|[,;:.!?—–()]")
_BREAKS = frozenset(",;:.!?—–()")
_NEGATORS = frozenset(
    {
        "not",
        "no",
        "never",
        "without",
        "nobody",
        "none",
        "neither",
        "nor",
        "dodging",
        "avoiding",
        "evading",
        "denied",
        "denies",
        "deny",
    }
)
_NEGATION_REACH = 3
"""Words a negation reaches forward in its clause: "no one was hurt", "did not kill"."""


_PREPOSITIONS = wordset(
    """in on of for during after before by from with about amid against over into at as
    than like"""
)
_HYPOTHETICAL = wordset("may might could would should")
_BE = wordset("is are was were be been being 's and then")
_OBJECT_STARTS = wordset(
    """a an the his her their its two three four five six seven eight nine ten dozens
    hundreds at least more him them herself himself themselves down up off out"""
)
_ATTEMPTS = wordset(
    """try tries tried trying attempt attempts attempted attempting sought seek seeking
    plan plans planned planning want wants wanted threaten threatened threatening"""
)
_AUX = wordset("is are was were have has had will would")
_SUBJECTS = wordset(
    """two three four five six seven eight nine ten dozens hundreds thousands they we who
    i you people"""
)
_DEATH_AFTER = frozenset({"to", "shot", "stabbed", "beaten", "found", "burned", "left"})


def _verb(word: str, verb: bool, prev: str, nxt: str, nxt_name: bool, before: str) -> bool:
    """Does ``word`` state its act as the sentence's verb, rather than name it ("the
    shooting", "in attacks on", "a heart attack") or only allow it ("may name", "tried to
    hijack")? ``before`` is the word before ``prev``."""
    if prev in _HYPOTHETICAL or prev in NOUN_MARKERS or prev in _PREPOSITIONS:
        return False
    if prev == "to" and before in _ATTEMPTS:
        return False
    if word in ACT_NOUNS:
        return word in ("dead", "death") and prev in _DEATH_AFTER  # "stabbed to death"
    if prev in VERB_MARKERS or prev in _AUX or prev in _BE:
        return True  # "to host", "will kill", "did not kill", "was hurt"
    if word.endswith("ing"):  # "killing three", "was killing", "gunning down"
        return (
            prev in _BE
            or prev in _BREAKS
            or nxt in _OBJECT_STARTS
            or nxt[:1].isdigit()
            or nxt_name  # "killing Ben Banky"
        )
    if prev in _SUBJECTS:
        return True  # "Three die", "five hurt", "who host"
    if verb and word.endswith("s") and word not in VERB_FORMS:
        # "Quake hits island", not "during Greek riots": a plural noun ends its phrase
        return bool(nxt) and nxt not in _BREAKS and nxt not in _PREPOSITIONS and nxt not in _AUX
    return verb


_DAYS = wordset(
    """monday tuesday wednesday thursday friday saturday sunday january february march april
    may june july august september october november december"""
)
_BE_FIRED = wordset("was were been be being is are get got gets getting")


def _fire_dismisses(words: list[str], raw: list[str], i: int, title: bool) -> bool:
    """Does the form of "fire" at ``i`` dismiss someone? "The Hornets fired coach Orme",
    "fired Vance", "Orme was fired on Saturday"; not "fired on the crowd", "shots were
    fired", "opened fire", "the fire"."""
    prev = words[i - 1] if i else ""
    nxt = words[i + 1] if i + 1 < len(words) else ""
    when = words[i + 2] if i + 2 < len(words) else ""
    if nxt in FIRED_AT and not (nxt == "on" and when in _DAYS):  # "was fired on Monday"
        return False
    if prev in NOUN_MARKERS or prev in _PREPOSITIONS or prev == "opened":
        return False
    if nxt in FIRED_PERSONS or (not title and i + 1 < len(raw) and raw[i + 1][:1].isupper()):
        return True
    if prev in _BE_FIRED and words[i] == "fired":
        return not any(w in FIRED_THINGS for w in words[max(0, i - 4) : i])
    return False


def _idiom(words: list[str], i: int) -> bool:
    """Is the act word at ``i`` part of an idiom that states no such act ("shot to fame",
    "dismissed as a sham")?"""
    word = words[i]
    if word == "shot" and words[i + 1 : i + 3] == ["to", "fame"]:
        return True
    return word.startswith("dismiss") and "as" in words[i + 1 : i + 5]


def _set_on_fire(words: list[str], i: int) -> bool:
    """ "set the depot on fire": a verb "set" whose phrase ends "on fire" states a burning."""
    if words[i] not in ("set", "sets", "setting"):
        return False
    rest = words[i + 1 : i + 6]
    return any(rest[k : k + 2] == ["on", "fire"] for k in range(len(rest) - 1))


@lru_cache(maxsize=8192)
def read_acts(text: str) -> Acts:
    """The kinds of act ``text`` states and names, a negated one as ``"not " + kind``."""
    raw = _WORD.findall(text.replace("’", "'"))
    words = [w.lower() for w in raw]
    # In a headline every word is capitalised: a capital is no name there.
    title = sum(w[:1].isupper() for w in raw) * 2 > len(raw)
    predicates: set[str] = set()
    named: set[str] = set()
    for i, word in enumerate(words):
        if word.rstrip("'") in REACTIONS and not _damage(words, i):  # "'gutted'"
            _react(words, i, predicates, named)
            continue
        found = _FORMS.get(word)
        nxt = words[i + 1] if i + 1 < len(words) else ""
        phrase = PHRASES.get((word, nxt))
        if word in FIRE_FORMS and _fire_dismisses(words, raw, i, title):
            phrase = "dismiss"
        elif _set_on_fire(words, i):
            phrase = "burn"
        if phrase:
            found = (phrase, True)
        if found is None or _idiom(words, i):
            continue
        kind, verb = found
        prev = words[i - 1] if i else ""
        if word == "named" and prev in NAMING_NOUNS:
            continue  # "a man named Smith"
        if word.startswith("pick") and "up" in words[i + 1 : i + 4]:
            continue  # "picked her daughter up"
        if not phrase:
            name = not title and i + 1 < len(raw) and raw[i + 1][:1].isupper()
            verb = _verb(word, verb, prev, nxt, name, words[i - 2] if i > 1 else "")
        if _negated(words, i):
            kind = NEGATED + kind
        named.add(kind)
        if verb:
            predicates.add(kind)
    return Acts(frozenset(predicates), frozenset(named))


def _negated(words: list[str], i: int) -> bool:
    """Is the act at ``i`` under a negation in its clause ("no one was hurt", "did not
    kill")?"""
    for j in range(i - 1, max(-1, i - 1 - _NEGATION_REACH), -1):
        w = words[j]
        if w in _BREAKS:
            return False
        if w in _NEGATORS or w.endswith("n't"):
            return True
    return False


def _damage(words: list[str], i: int) -> bool:
    """Is the reaction word at ``i`` said of a thing an incident struck ("a church was
    devastated by fire"): damage, not how anyone feels?"""
    rest = [w for w in words[i + 1 : i + 4] if w not in ("a", "an", "the")]
    return len(rest) >= 2 and rest[0] == "by" and (rest[1] in INCIDENTS or rest[1] in _FIRES)


_FIRES = wordset("fire fires flames")
"""Incidents that damage, beside ``INCIDENTS`` (where "fire" is not one: "opened fire")."""


def _react(words: list[str], i: int, predicates: set[str], named: set[str]) -> None:
    """Read the reaction word at ``i``: named wherever it stands ("a saddened crowd"),
    stated when a linking verb before it in its clause gives it to a subject ("he is
    heartbroken", "we are delighted", "was 'completely gutted'")."""
    kind = NEGATED + REACT if _negated(words, i) else REACT
    linked = False
    for j in range(i - 1, max(-1, i - 1 - _REACTION_REACH), -1):
        if words[j] in _BREAKS:
            break
        if words[j] in REACTION_LINKS:
            linked = True
            break
    named.add(kind)
    if linked:
        predicates.add(kind)


def stated(kinds: frozenset[str]) -> frozenset[str]:
    """The kinds ``kinds`` state, with those they imply (a hanging states a death)."""
    out = set(kinds)
    for kind in kinds:
        out |= PREDICATE_IMPLIES.get(kind, frozenset())
    return frozenset(out)


__all__ = ["NEGATED", "Acts", "read_acts", "stated"]
