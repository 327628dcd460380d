"""Who is speaking: whether two source names denote one speaker, or a speaker is an outlet.

Corroboration needs it to tell an independent source from the claim's own (or a relay of
it); provenance to tell a consistent attribution from a misattribution; both must agree, or a
claim is "consistent" in one place and "independently supported by its own source" in the
other. So there is one reading of source names, here, with one pattern for the body a person
speaks for ("Mira Oduya, a spokesperson for the ministry" speaks for the ministry).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from functools import lru_cache

from verifier.models import ClaimRecord
from verifier.text.cues import trigger_words
from verifier.text.lexicon import wordset as _wordset
from verifier.text.retelling import FILLER
from verifier.text.terms import fold, tokens

GENERIC_SOURCE_WORDS = frozenset(
    [
        "ministry",
        "government",
        "army",
        "military",
        "group",
        "agency",
        "police",
        "official",
        "officials",
        "spokesman",
        "spokesperson",
        "spokeswoman",
        "residents",
        "media",
        "video",
        "state",
        "news",
        "office",
        "authorities",
        "forces",
    ]
)
"""Words that name a kind of body, not a body: "the ministry" alone is no one in particular."""

_NAME_GLUE = frozenset({"the", "of", "and", "for", "s", "a", "an"})
_AFFILIATION = re.compile(
    r"\b(?:spokes(?:man|woman|person)|official|officer|minister|head|director|chief|"
    r"coordinator|member|representative|president|secretary)s?\s+(?:for|of|at|with|from)\s+"
    r"(?:the\s+)?(?P<org>[A-Za-z][^,;()]{1,59})",
    re.IGNORECASE,
)
# "a navy spokesman", "an Interior Department official": the body named before the role.
_ROLE_AFTER_BODY = re.compile(
    r"\b(?:an?|the)\s+(?P<org>[A-Za-z][\w\-]*(?:\s+[A-Za-z][\w\-]*){0,3}?)\s+"
    r"(?:spokes(?:man|woman|person)|official|officer)s?\b",
    re.IGNORECASE,
)
_POSSESSIVE_ROLE = re.compile(r"(?P<org>[A-Z][\w\s\-]{1,50}?)['\u2019]s\s+[a-z]", re.UNICODE)
_WORD = re.compile(r"[a-z]+")
_DETERMINERS = frozenset(["the", "a", "an", "its", "their", "his", "her"])
_OF_NAME = re.compile(r"^(?P<head>[\w\s]+?)\s+of\s+(?P<tail>[\w\s]+)$")
_NAME_RUN = re.compile(r"[A-Z][\w’'-]*(?:\s+(?:(?:of|the|for|and|al|de)\s+)*[A-Z][\w’'-]*)*")
_NOT_NAMES = frozenset({"the", "a", "an", "he", "she", "it", "they", "we", "i", "this", "that"})


@lru_cache(maxsize=4096)
def source_words(name: str) -> tuple[str, ...]:
    """A source name's words, folded (remembered: a story names few sources, many times)."""
    return tuple(w for w in (fold(t) for t in tokens(name)) if w not in _NAME_GLUE)


def _initials(words: Sequence[str]) -> str:
    return "".join(w[0] for w in words if w and w not in _NAME_GLUE)


def same_source(a: str, b: str) -> bool:
    """Do two source names denote one source? Equal words, an acronym, or a longer form."""
    wa, wb = source_words(a), source_words(b)
    if not wa or not wb:
        return False
    sa, sb = set(wa), set(wb)
    if sa == sb:
        return True
    if len(wa) == 1 and len(wb) > 2 and wa[0] == _initials(wb):
        return True
    if len(wb) == 1 and len(wa) > 2 and wb[0] == _initials(wa):
        return True
    small, large = (sa, sb) if len(sa) <= len(sb) else (sb, sa)
    # "Syrian military" is the "official Syrian military"; "Northwold News" is not "video
    # filmed by a Northwold News stringer".
    return (
        small <= large
        and len(large) - len(small) <= 2
        and (len(small) >= 2 or not (small & GENERIC_SOURCE_WORDS))
    )


def is_generic_body(name: str) -> bool:
    """Is ``name`` only a kind of body ("the ministry"), which the article names in full
    elsewhere ("the Ministry of Health")?"""
    words = set(source_words(name))
    return bool(words) and words <= GENERIC_SOURCE_WORDS


def affiliations(source: str) -> list[str]:
    """The bodies a source speaks for: "Mira Oduya, a spokesperson for the ministry" ->
    ["ministry"]; "an official of the Marren Liberation Front" -> ["Marren Liberation Front"];
    "Commodore Nirad Sinha, a navy spokesman" -> ["navy"]."""
    found = [m.group("org").strip() for m in _AFFILIATION.finditer(source)]
    return found + [m.group("org").strip() for m in _ROLE_AFTER_BODY.finditer(source)]


def name_key(name: str) -> str:
    """ "the Ministry of Health" and "the health ministry" give one key."""
    words = [w for w in _WORD.findall(name.lower()) if w not in _DETERMINERS]
    text = " ".join(words)
    m = _OF_NAME.match(text)
    if m and len(m.group("head").split()) == 1:
        text = f"{m.group('tail')} {m.group('head')}"
    return text


def speaker_keys(claim: ClaimRecord) -> set[str]:
    """Every name the claim's speaker goes by, with the body a spokesperson speaks for."""
    return set(_speaker_keys(claim.canonical_source, claim.resolved_source, claim.source))


@lru_cache(maxsize=4096)
def _speaker_keys(
    canonical: str | None, resolved: str | None, source: str | None
) -> frozenset[str]:
    """``speaker_keys`` of these three names (remembered: tracking compares the same few
    speakers of a story hundreds of thousands of times on a one-story desk)."""
    names = {canonical, resolved, source}
    for text in (source, resolved):
        names.update(affiliations(text or ""))
        for m in _POSSESSIVE_ROLE.finditer(text or ""):
            names.add(m.group("org"))
    return frozenset(k for k in (name_key(n) for n in names if n) if k)


def _same_head(a: str, b: str) -> bool:
    """ "ministry" and "health ministry" share a head and one's modifiers are the other's."""
    wa, wb = a.split(), b.split()
    if not wa or not wb or wa[-1] != wb[-1]:
        return False
    return set(wa) <= set(wb) or set(wb) <= set(wa)


def same_speaker(a: ClaimRecord, b: ClaimRecord) -> bool:
    """Do two attributions name one speaker, allowing for the forms news uses?"""
    if a.source_type == b.source_type and a.source_type in ("eyewitness", "anonymous"):
        # Residents, witnesses, unnamed officials: the same kind of voice, never a conflict.
        return True
    keys_a, keys_b = speaker_keys(a), speaker_keys(b)
    if keys_a & keys_b:
        return True
    return any(same_source(x, y) or _same_head(x, y) for x in keys_a for y in keys_b)


def is_outlet_voice(claim: ClaimRecord, outlet: str | None) -> bool:
    """Is the claim's speaker the outlet itself? An NGO's release or a ministry's statement
    states its own claims without a cue."""
    if not outlet:
        return False
    mine = name_key(outlet)
    return any(
        mine == k or same_source(mine, k) or set(k.split()) <= set(mine.split())
        for k in speaker_keys(claim)
    )


def named_parties(text: str) -> list[tuple[str, ...]]:
    """The names a text mentions, as folded words: "accused the Marren Liberation Front of
    firing" names ("marren", "liberation", "front")."""
    out = []
    for m in _NAME_RUN.finditer(text):
        words = tuple(w for w in source_words(m.group(0)) if w not in _NOT_NAMES)
        if words:
            out.append(words)
    return out


def speaks_for(names: Iterable[str], parties: Sequence[tuple[str, ...]]) -> bool:
    """Whether a source going by ``names`` is one of ``parties`` or speaks for it ("Arvid
    Kolan, a spokesman for the Marren Liberation Front"; "the group", resolved to the Front)."""
    mine: set[str] = set()
    for name in names:
        mine.update(source_words(name))
    return any(set(words) <= mine for words in parties)


__all__ = [
    "GENERIC_SOURCE_WORDS",
    "affiliations",
    "is_generic_body",
    "is_outlet_voice",
    "name_key",
    "named_parties",
    "same_source",
    "same_speaker",
    "source_words",
    "speaker_keys",
    "speaks_for",
]


# -- named speakers, for provenance: who could be the same voice -------------------------------

_NAME = re.compile(r"\b[A-Z][\w\-]+")
# Capitalised words that name no one in particular: titles, kinds of body, sentence starts.
_NAMELESS = _wordset(
    "the a an he she they it we i his her their its mr mrs ms dr lt lieutenant capt captain col "
    "colonel gen general sgt president prime minister ministry secretary senator sen rep governor "
    "gov chief police department state national news agency office officials official "
    "authorities spokesman spokeswoman spokesperson director head commissioner judge attorney "
    "district federal county city senior trooper public interior defence defense health foreign "
    "united un new some other according speaking"
)
_PRONOUNS = _wordset("he she they it we i him her them his their its")


def _names(claim: ClaimRecord) -> frozenset[str]:
    return _names_in(claim.source, claim.resolved_source, claim.canonical_source)


@lru_cache(maxsize=16384)
def _names_in(*sources: str) -> frozenset[str]:
    """The names in a claim's source as written, resolved and canonical: asked for the same
    few speakers again and again (tracking compares a claim with every claim of a copy)."""
    found: set[str] = set()
    for text in sources:
        for m in _NAME.finditer(text or ""):
            word = m.group(0).rstrip("-").lower()
            if word not in _NAMELESS and len(word) > 2:
                # "India's navy" and "the Indian navy": forms of one name share their start.
                found.add(word[:5])
    return frozenset(found)


def shares_a_name(a: ClaimRecord, b: ClaimRecord) -> bool:
    """ "Hastings" and "Lt. Gregg Hastings of the Oregon State Police" are one speaker."""
    return bool(_names(a) & _names(b))


def unknown_speaker(claim: ClaimRecord) -> bool:
    """A bare pronoun names nobody: our reading of whom it stands for is a guess, so it never
    makes a conflict (the article said "he said", not who)."""
    source = claim.source
    words = [w.lower() for w in re.findall(r"[A-Za-z]+", source)]
    if not words or _QUOTE_MARK.search(source) or len(words) > _LONGEST_NAME:
        # Not a name the extractor read: a quotation or a clause taken for the speaker.
        return True
    if _CLAUSE.search(source):
        # "statement that the Alaska governor": a clause's head taken for the speaker.
        return True
    if _CUT_AT_INITIAL.search(source):
        # "General Manager A.J": the sentence was cut inside the name; who it is, is unread.
        return True
    return words[-1] in _PRONOUNS  # "he", "Additionally, it"


_CLAUSE = re.compile(r"^(?:the\s+|a\s+|an\s+)?[a-z]+\s+that\s", re.IGNORECASE)
_CUT_AT_INITIAL = re.compile(r"\b[A-Z]\.[A-Z]\.?\s*$|\s[A-Z]\.?\s*$")
_QUOTE_MARK = re.compile(r"[\"“”«»`]|''")
_LONGEST_NAME = 12  # words: longer "sources" are clauses ("the Tabar fired at and sank ...")


# Head nouns of bodies that speak through people: a spokesman and his ministry are one voice.
_BODIES = _wordset(
    "ministry department agency survey center centre society academy union council committee "
    "office army military forces government organisation organization group commission service "
    "institute university court media television tv radio news newspaper press network "
    "association federation party front league bureau authority administration embassy "
    "police patrol navy guard guards directorate mission programme program fund foundation company "
    "corporation bank hospital school board"
)
_ACRONYM = re.compile(r"\b[A-Z]{2,}\b")
_ORG_TYPES = frozenset({"ngo", "intl_org", "state_media", "media", "armed_group"})
_GENERIC = _wordset(
    "officials official authorities police sources source reports report residents witnesses "
    "people experts analysts critics observers media officers investigators prosecutors "
    "federal state local government some others many"
)


def is_body(claim: ClaimRecord) -> bool:
    """Does the source name an organisation rather than a person (an acronym: USGS, ISNA)?"""
    words = set(re.findall(r"[a-z]+", claim.source.lower()))
    acronym = any(len(w) > 1 for w in _ACRONYM.findall(claim.source))
    return claim.source_type in _ORG_TYPES or acronym or bool(words & _BODIES)


def specific(claim: ClaimRecord) -> bool:
    """A named person or body; "officials", "an 18-year-old gang member" or "the convicted
    killer" may be anyone, the named speaker of the other telling included."""
    if unknown_speaker(claim) or claim.source_type in ("anonymous", "eyewitness"):
        return False  # "One witness", "a resident": an unnamed person may be anyone
    words = re.findall(r"[a-z]+", claim.source.lower())
    if all(w in _GENERIC or w in FILLER for w in words):
        return False
    return bool(_names(claim)) or is_body(claim)


def may_be_one_voice(a: ClaimRecord, b: ClaimRecord) -> bool:
    """Could two differently named sources be one voice: a vague or unresolved one, or a person
    and a body they may speak for ("Hastings" and "Oregon State Police")?"""
    if not (specific(a) and specific(b)):
        return True
    if is_media(a) or is_media(b):
        return True  # a newspaper passing on what someone said relays, it does not contradict
    return is_body(a) != is_body(b)


_MEDIA_WORDS = _wordset(
    "newspaper paper daily times post news advocate herald tribune journal gazette telegraph "
    "television tv radio agency wire reuters ap afp magazine website blog"
)


def is_media(claim: ClaimRecord) -> bool:
    """An outlet or agency as the source: it relays what others told it."""
    words = set(re.findall(r"[a-z]+", claim.source.lower()))
    return claim.source_type in ("media", "state_media", "outlet") or bool(words & _MEDIA_WORDS)


_STARTS = _wordset("when after before while once since if although though then there here")


def named_in(text: str) -> frozenset[str]:
    """The names a passage mentions: capitalised words that are not titles, kinds of body,
    pronouns or the function words a sentence starts with ("When", "The")."""
    found = set()
    for m in _NAME.finditer(text):
        word = m.group(0).rstrip("-").lower()
        if word not in _NAMELESS and word not in FILLER and word not in _STARTS and len(word) > 2:
            found.add(word)
    return frozenset(found)


def same_names(a: str, b: str) -> bool:
    """Do two tellings name the same people and places? "Jackson was on probation" and "He was
    on probation" may be about two men; a copy of one statement names whom it names."""
    return named_in(a) == named_in(b)


_SUBJECT_WORDS = 5  # words a sentence's subject opens with: "Former Attorney General Mr. LaRue"
_OPENING = re.compile(r"[\w’'\-.]+")
_SUBJECT_GLUE = _wordset("the a an of for at de al and")
_BEFORE_VERB = _wordset(
    "has have had did does do is was were are be been not never also always still again later "
    "repeatedly only had n't"
)


def names_speaker(claim: ClaimRecord, text: str) -> bool:
    """Does a sentence open with the claim's speaker as the subject of a cue ("Mr. LaRue
    denied that he was Deep Throat", "The coroner believes LaRue died Saturday", "..., with
    opinion polls showing on Sunday that ...")?

    The account is then the speaker's own, told where the extractor did not read it:
    attributed in its subject, not stated bare. The verb must be a cue: "Syrian armed rebels
    have entered Aleppo" names the rebels as the actors of what they claimed, and states it
    bare. A pronoun ("he said") names no one, so it never counts.
    """
    if not claim.source or claim.source.split()[-1].lower() in _PRONOUNS:
        return False
    opening = text.lstrip(" \"'“‘`(")
    source = claim.source.strip()
    if opening.lower().startswith(source.lower()):
        return _cue_follows(_OPENING.findall(opening[len(source) :]))
    names = _names(claim)
    if not names:
        return False
    words = _OPENING.findall(opening)
    for i, word in enumerate(words[:_SUBJECT_WORDS]):
        word = word.strip(".’'-")
        if not word[:1].isupper():
            if word.lower() in _NAMELESS or word.lower() in _SUBJECT_GLUE:
                continue  # "the", "of", a title: still the subject
            return False  # the verb: what follows it is no longer the subject
        if word.lower() not in _NAMELESS and word.lower()[:5] in names:
            rest = words[i + 1 :]
            while rest and rest[0][:1].isupper():
                rest = rest[1:]  # the rest of the name: "LaRue" of "Fred LaRue"
            return _cue_follows(rest)
    return False


def _cue_follows(words: Sequence[str]) -> bool:
    """Is the first verb among ``words`` (past auxiliaries, negation, adverbs) a cue?"""
    for word in words[:_SUBJECT_WORDS]:
        w = word.lower().strip(".,’'")
        if w in _BEFORE_VERB or (w.endswith("ly") and len(w) > 4):
            continue
        return w in trigger_words() or w in _KNOWING
    return False


# What a speaker knows or recalls is their account too: "Hastings did not know why the
# officers took it inside" is Hastings's, not the outlet's.
_KNOWING = _wordset(
    "know knew known knows recall recalled recalls remember remembered remembers understand "
    "understood understands"
)


_PERSON_TITLES = _wordset(
    "mr mrs ms miss dr rev reverend lt lieutenant sgt sergeant capt captain cmdr commander chief "
    "officer constable inspector detective spokesman spokeswoman spokesperson pastor father "
    "sister senator sen rep gov governor president minister secretary judge"
)


def names_a_person(claim: ClaimRecord) -> bool:
    """Does the source name a person: a first and last name ("Larry Kroon"), or a title or
    role ("Mr Steele", "the pastor")? "Microsoft" or "the Indian navy" name a body or a
    group, which speaks through people."""
    words = re.findall(r"[A-Za-z][\w\-]*", claim.source)
    if any(w.lower() in _PERSON_TITLES for w in words):
        return True
    named = [w for w in words if w[0].isupper() and w.lower() not in _NAMELESS]
    return len(named) >= 2
