"""A sequence labeller that finds the attributions the rules miss.

The rules in ``attribution`` read the shapes of speech reporting precisely ("X said Y"), but real
news attributes in a long tail of other shapes: beliefs and intentions ("hopes", "is expected
to"), nominal cues ("fears of", "his claim that"), positions ("called ... a", "praised"). A
linear-chain CRF (CRFsuite) trained on the PolNeAR train split tags each token of a sentence as
source, cue or content (BIO), with the rules' own reading of the sentence among its features,
and the tags are decoded into extra attributions where the rules found none.

The model is built by ``make model`` (``python -m verifier.text.train_attribution``) and shipped
in ``verifier/text/data``; loading it costs a few milliseconds and happens on first use.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable, Sequence
from functools import cache, lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from verifier.models import Stance
from verifier.text import cues as C
from verifier.text.kinds import DOCUMENT_HEADS, cue_kind, kind_words
from verifier.text.lexicon import words as W
from verifier.text.lexicon import wordset

if TYPE_CHECKING:
    import pycrfsuite
    from nltk.stem import PorterStemmer

    from verifier.text.attribution import _Raw, _Sent

DATA = Path(__file__).resolve().parent / "data"
MODEL_PATH = DATA / "attribution.crfsuite"
CUES_PATH = DATA / "attribution_cues.txt"

# Token roles, as the rules read them (features) and as the model tags them (labels).
SOURCE, CUE, CONTENT, OUTSIDE = "S", "C", "T", "O"
# The least marginal probability of a tagged cue for its attribution to be kept: below it the
# model's guesses cost more precision than they add recall. Measured on held-out train (every
# 10th article; cue / no-source thresholds -> content P / F1): 0.5/0.6 0.835 / 0.666,
# 0.4/0.5 0.829 / 0.672, 0.3/0.4 0.826 / 0.673; the F1 flattens below 0.4 while precision
# keeps falling.
MIN_CONFIDENCE = 0.4
# A cue with no source tagged ("is expected to", "appears", "was asked about": PolNeAR's
# attributions without a source, 7% of its gold) needs more confidence: without a source a
# wrong cue has nothing to anchor it.
MIN_CONFIDENCE_NO_SOURCE = 0.5
# Longer "sentences" are segmentation failures (a table, a list run together), not the prose the
# model learnt from; they are left to the rules, which bound their own scans.
MAX_TOKENS = 200
_RELATIVES = frozenset({"who", "which", "that", "whom"})
LABELS = ("O", "B-S", "I-S", "B-C", "I-C", "B-T", "I-T")


def _shape(tok: str) -> str:
    if tok[0].isupper():
        return "X" if tok.isupper() and len(tok) > 1 else "Xx"
    if tok[0].islower():
        return "x"
    if tok[0].isdigit():
        return "d"
    return tok if len(tok) == 1 else "p"


_Positioned = tuple[tuple[str, ...], ...]


@cache
def _stemmer() -> PorterStemmer:
    from nltk.stem import PorterStemmer

    return PorterStemmer()


@lru_cache(maxsize=65536)
def _word_features(tok: str) -> _Positioned:
    """Everything a token's own form says, positioned for the token itself (0) and for its
    neighbours (-2..+2), computed once per distinct form: a sentence's features are then list
    concatenations, which keeps the model within the extractor's speed budget.

    The stem lets a cue seen in one inflection count for the others ("alleging", "alleged");
    the cue lexicon's kind (speech, document, position, belief) lets a rare cue word borrow
    what the model learnt from the common ones of its kind."""

    low = tok.lower()
    triggers = C.trigger_words()
    stem = _stemmer().stem(low) if low.isalpha() else low
    kind = cue_kind(low) if low.isalpha() else None
    own = [f"w={low}", f"s3={low[-3:]}", f"sh={_shape(tok)}", f"st={stem}"]
    if low in triggers:
        own.append("trig")
    if low in C.CUE_NOUNS:
        own.append("noun")
    before = [f"w-1={low}", f"sh-1={_shape(tok)}"]
    after = [f"w+1={low}", f"sh+1={_shape(tok)}"]
    if kind is not None:
        own.append(f"k={kind}")
        before.append(f"k-1={kind}")
        after.append(f"k+1={kind}")
    return (tuple(own), tuple(before), tuple(after), (f"w-2={low}",), (f"w+2={low}",))


@lru_cache(maxsize=65536)
def _cueish(low: str) -> bool:
    """Whether a word may carry an attribution: a rule trigger or a word of the kind lexicon."""

    return low in C.trigger_words() or (low.isalpha() and cue_kind(low) is not None)


# Signed distance (in tokens) from a token to the nearest cue-like word, bucketed: what lets
# the model tell a content clause right after "hopes" from the same words far from any cue.
_DISTANCE = {d: f"dc={d}" for d in range(-3, 4)}
_FAR_LEFT, _FAR_RIGHT, _NO_CUE = "dc=<-3", "dc=>3", "dc=none"
_AT_CUE = _DISTANCE[0]


def _cue_distances(low: Sequence[str]) -> list[str]:
    """Each token's bucketed distance to the nearest cue-like word: one pass each way."""
    n = len(low)
    far = 1 << 30
    after = [far] * n  # tokens to the next cue-like word at or after i
    nxt = -1
    for i in range(n - 1, -1, -1):
        if _cueish(low[i]):
            nxt = i
        if nxt >= 0:
            after[i] = nxt - i
    if nxt < 0:
        return [_NO_CUE] * n
    out: list[str] = []
    prev = -far
    for i in range(n):
        if after[i] == 0:
            prev = i
            out.append(_AT_CUE)
            continue
        back = i - prev
        if back <= after[i]:
            out.append(_DISTANCE[back] if back <= 3 else _FAR_RIGHT)
        else:
            out.append(_DISTANCE[-after[i]] if after[i] <= 3 else _FAR_LEFT)
    return out


def rule_roles(s: _Sent, raws: Iterable[_Raw]) -> list[str]:
    """Each token's role in the rules' attributions for this sentence (cue over source over
    content where they nest)."""
    roles = [OUTSIDE] * s.n
    rank = {OUTSIDE: 0, CONTENT: 1, SOURCE: 2, CUE: 3}
    for raw in raws:
        for role, (a, b) in ((CONTENT, raw.content), (SOURCE, raw.source), (CUE, raw.cue)):
            for x in token_range(s, a, b):
                if rank[role] > rank[roles[x]]:
                    roles[x] = role
    return roles


def token_range(s: _Sent, a: int, b: int) -> range:
    """Tokens of the sentence starting inside the character span [a, b)."""
    if b <= a:
        return range(0)
    return range(bisect.bisect_left(s.st, a), bisect.bisect_left(s.st, b))


_LEFT: _Positioned = ((), ("w-1=<s>",), (), ("w-2=<s>",), ())
_RIGHT: _Positioned = ((), (), ("w+1=</s>",), (), ("w+2=</s>",))
_ROLE_AT = {r: "r=" + r for r in (SOURCE, CUE, CONTENT, OUTSIDE)}
_ROLE_BEFORE = {r: "r-1=" + r for r in (SOURCE, CUE, CONTENT, OUTSIDE, "<s>")}
_ROLE_AFTER = {r: "r+1=" + r for r in (SOURCE, CUE, CONTENT, OUTSIDE, "</s>")}


def features(s: _Sent, roles: Sequence[str]) -> list[list[str]]:
    """CRFsuite attribute lists, one per token: the token's and its neighbours' forms, the
    rules' roles around it, and its quotation state. Built from per-form tuples and padded
    neighbours so that a token costs one list display, not a dozen string operations."""
    n = s.n
    pad = [_LEFT, _LEFT, *map(_word_features, s.toks), _RIGHT, _RIGHT]
    rp = ["<s>", *roles, "</s>"]
    found = "any=1" if any(r != OUTSIDE for r in roles) else "any=0"
    # "Cruz continued:" — a sentence ending in a colon hands its content to the next one
    ending = "end=:" if n and s.low[n - 1] == ":" else "end=."
    distance = _cue_distances(s.low)
    qreg, qmark = s.qreg, s.qmark
    out: list[list[str]] = []
    for i in range(n):
        f = [
            *pad[i + 2][0],
            *pad[i + 1][1],
            *pad[i + 3][2],
            *pad[i][3],
            *pad[i + 4][4],
            _ROLE_AT[rp[i + 1]],
            _ROLE_BEFORE[rp[i]],
            _ROLE_AFTER[rp[i + 2]],
            distance[i],
            ending,
        ]
        if qreg[i] >= 0:
            f.append("q")
            if qmark[i]:
                f.append(f"qm{qmark[i]}")
        f.append(found)
        out.append(f)
    return out


def _segments(tags: Sequence[str]) -> list[tuple[str, int, int]]:
    """(role, first token, end token) runs of one role; an I- tag without a B- starts one."""
    segs: list[tuple[str, int, int]] = []
    for i, tag in enumerate(tags):
        if tag == "O":
            continue
        kind, role = tag[0], tag[2:]
        if kind == "I" and segs and segs[-1][0] == role and segs[-1][2] == i:
            segs[-1] = (role, segs[-1][1], i + 1)
        else:
            segs.append((role, i, i + 1))
    return segs


def _stance(cue_words: Sequence[str]) -> Stance:
    for rd in C.verb_readings(cue_words[0]):
        return rd.stance
    stance = C.CUE_NOUNS.get(cue_words[-1])
    return stance if stance is not None else "asserts"


# Prepositions that give a quote-only verb its other sense: "responded with artillery fire",
# "added to traffic", "noted for its beaches".
_OTHER_SENSE = frozenset({"with", "to", "into", "by", "from", "for", "against", "upon"})


def _frames_forbid(s: _Sent, ca: int, cb: int, ta: int, tb: int) -> bool:
    """Whether the rules' verb lexicon rules this cue out: a verb with a common non-reporting
    sense (``Q``: "added", "responded") followed by a preposition ("responded with artillery
    fire", "added to traffic"), unless that preposition names the listener of a clause
    ("complained to reporters that the count was rigged") or opens an infinitive ("continued
    to warn that"); or a verb that reports only with its particle (``O``: "dismissed ... as")
    without it before a person ("dismissed the director"). Before anything else the particle
    verb rejects what it names ("dismissed the proposal"), as PolNeAR reads it. On held-out
    train articles (every 10th, from the 1st and from the 6th) these exceptions raised
    content F1 0.698 -> 0.701 and 0.735 -> 0.737, precision unchanged.

    The that-only frame (``H``) is not applied to the model's cues: PolNeAR attributes with a
    that-only verb before a noun phrase ("found the e-mails", "maintained his innocence"), and
    on held-out train articles (every 10th) the cues it removed were right about four times
    in five."""
    from verifier.text.lexicon import verbs as V

    for x in range(ca, cb):
        readings = C.verb_readings(s.low[x])
        if not readings:
            continue
        if all("Q" in r.frames and "C" not in r.frames for r in readings):
            if tb <= ca or x + 2 >= s.n or s.low[x + 1] not in _OTHER_SENSE:
                return False
            if s.low[x + 1] == "to" and C.verb_readings(s.low[x + 2]):
                return False  # "continued to warn that": an infinitive, not a preposition
            # "complained to reporters that ...": the preposition's object is the listener
            listener = cb == x + 1 and ("that" in s.low[x + 2 : ta + 1] or s.qmark[ta] == 1)
            return not listener
        if all("O" in r.frames and r.particles for r in readings):
            window = set(s.low[cb : min(s.n, cb + V.PARTICLE_WINDOW.get(readings[0].lemma, 16))])
            if not any(p in window for r in readings for p in r.particles):
                return _names_a_person(s, ta, tb)
        return False
    return False


_PEOPLE = W.OBJECT_PRONOUNS - {"it"}


def _names_a_person(s: _Sent, ta: int, tb: int) -> bool:
    """Whether a content is a person ("the director", "him", "Jon Reyes"): the object of a
    particle verb used without its particle in its other sense ("dismissed the director")."""
    from verifier.text.attribution import _PERSON_KINDS

    words = s.low[ta : min(tb, ta + 3)]
    if any(w in _PERSON_KINDS or w in _PEOPLE for w in words):
        return True
    return all(tok[:1].isupper() for tok in s.toks[ta:tb])


def _asserted_from(s: _Sent, ca: int, cb: int) -> int:
    """Where a cue starts once its negation is read into it, or -1 for a future cue.

    A future cue ("will announce") reports nothing said yet. A negated one ("did not mention",
    "doesn't believe") is an attribution in its own right, as PolNeAR annotates it, and the
    fact-checker must see the negation: the cue is widened left over the auxiliary and the
    negation, so its text says "did not mention", never "mention". The walk starts at the
    cue's verb, over what the cue holds, and passes adverbs ("did not even mention")."""
    head = next((x for x in range(ca, cb) if C.verb_readings(s.low[x])), cb - 1)
    start, negated = ca, False
    j = head - 1
    while j >= 0:
        w = s.low[j]
        if w in _FUTURE:
            return -1
        if _negated((w,)):
            negated = True
        elif w not in W.AUXILIARIES and w not in W.ADVERBS:
            break
        if w not in W.ADVERBS:
            start = min(start, j)
        j -= 1
    return start if negated else ca


def _negated_stance(s: _Sent, head: int, ca: int, cb: int) -> Stance:
    """The cue's stance, a negation on its verb making an assertion a denial.

    "does not believe the tax will pass" holds the content false: corroboration must read it
    as the speaker's denial, never as the claim it negates. Only a negation before the cue's
    first verb counts ("offered no proof that" asserts); a lexical double negative ("never
    missed a chance to remind") is read as a denial too, which the cue's text shows."""
    stance = _stance(s.low[ca:cb])
    verb = next(
        (
            x
            for x in range(head, cb)
            if s.low[x] not in W.AUXILIARIES
            and s.low[x] not in W.ADVERBS
            and not _negated(s.low[x : x + 1])
        ),
        None,
    )
    if stance != "asserts" or verb is None:
        return stance
    before = s.low[head:verb]
    on_verb = all(w in W.AUXILIARIES or w in W.ADVERBS or _negated((w,)) for w in before)
    return "denies" if on_verb and any(w != "no" and _negated((w,)) for w in before) else stance


def _negated(words: Sequence[str]) -> bool:
    return any(w in W.NEGATIONS or w.endswith(("n't", "n’t")) for w in words)


_FUTURE = frozenset({"will", "’ll", "'ll", "shall", "won't", "won’t"})
# What a negated cue leaves open ("did not say whether the border would close"): no claim.
_OPEN_QUESTION = wordset("whether if how why when where what who which")


def _perception_only(s: _Sent, ca: int, cb: int) -> bool:
    """Whether the cue's verb reports only with a picture or document as its subject ("shows"),
    as the rules' verb lexicon reads it."""
    for x in range(ca, cb):
        readings = C.verb_readings(s.low[x])
        if readings:
            return all("V" in r.frames for r in readings)
    return False


def _shows(source: str) -> bool:
    """A source a perception verb reports for: a picture, a video or a document ("the poll")."""
    from verifier.text.attribution import _shows_something

    head = source.lower().replace(",", " ").split()
    return bool(source) and (_shows_something(source) or any(w in DOCUMENT_HEADS for w in head))


def _main_subject(
    rule: Sequence[_Raw], added: Sequence[_Raw], before: int, default: tuple[int, int]
) -> tuple[int, int]:
    """The source tokens of the attribution whose cue comes last before ``before`` (a char
    offset) in the sentence, or ``default`` when none has a source."""
    best, at = default, -1
    for raw in (*rule, *added):
        a, b = raw.src_tok
        if b > a >= 0 and at < raw.cue[1] <= before:
            best, at = (a, b), raw.cue[1]
    return best


def _subject_before(s: _Sent, ca: int, default: tuple[int, int]) -> tuple[int, int]:
    """The subject the rules read left of a cue the model tagged without a source ("Voters
    prefer to back a winner"), or ``default``: none for a passive or an infinitive cue ("is
    expected to", "to portray"), whose subject is not who holds the view."""
    from verifier.text.attribution import _skip_left, _subject_left

    k, _, be_at, infinitive, _ = _skip_left(s, ca)
    if be_at >= 0 or infinitive:
        return default
    subject = _subject_left(s, k)
    if subject is None:
        return default
    return subject.a, subject.e


_OPENERS = frozenset({",", "that", ":"})
_DANGLING = W.DETERMINERS | W.PREPOSITIONS | W.RELATIVE_PRONOUNS | {"what"}


def _rest_of_sentence(s: _Sent, cb: int) -> tuple[int, int] | None:
    """Tokens from right after a cue (and the comma, "that" or colon opening its clause) to
    the sentence's end, when at least three words are left: a cue's complement where the model
    tagged none."""
    x = cb + 1 if cb < s.n and s.low[cb] in _OPENERS else cb
    return (x, s.last) if s.last - x >= 3 else None


# Words that may end a clause's run inside a sentence: a content stopping right before one of
# them may stop there ("..., who", "... and").
_CLAUSE_WORDS = wordset(
    "and but or nor which who whom whose where while because although though as after before "
    "since when if unless until according so yet than"
)
_CLAUSE_MARKS = frozenset({",", ";", ":", "—", "–", "--", "(", ")"})


def _clause_end(s: _Sent, tb: int) -> int:
    """Where a content right of its cue ends once its clause is read to the end: the model's
    content runs often stop inside a clause ("the survey shows that the mayor | leads by four
    points"), a fragment the claim cannot be read from. A run stopping before a word that opens
    no new clause goes on to the next comma, dash, colon, quotation mark or the sentence's end
    (on held-out train articles, every 10th, this raised content precision and recall both)."""
    if tb >= s.last or not s.toks[tb][:1].isalpha() or s.low[tb] in _CLAUSE_WORDS:
        return tb
    if s.qreg[tb] >= 0 and s.qreg[tb] != s.qreg[tb - 1]:
        return tb
    x = tb
    while x < s.last and s.low[x] not in _CLAUSE_MARKS and not s.qmark[x]:
        x += 1
    return x


# The fewest words a belief's content needs to be a claim rather than a mood.
_MIN_BELIEF_WORDS = 3


def _mood_only(s: _Sent, ca: int, cb: int, ta: int, tb: int) -> bool:
    """Whether a belief cue's content is too short to hold a clause ("feared the worst", "hoped
    so"): the rules read no attribution there, and a fact-checker has nothing to check. On
    held-out train articles (every 10th, from the 1st and from the 6th) dropping these left
    content F1 as it was (0.720 and 0.755 -> 0.720 and 0.754)."""

    words = sum(1 for x in range(ta, tb) if s.toks[x][:1].isalnum())
    return words < _MIN_BELIEF_WORDS and cue_kind(" ".join(s.low[ca:cb])) == "belief"


def _cut_short(s: _Sent, tb: int) -> bool:
    """Whether a content ends on a word that cannot end a phrase (a determiner, preposition or
    relative word, outside quotation marks): the model's tags stopped in mid-phrase, and the
    span they give is a fragment, not the claim."""
    return s.qreg[tb - 1] < 0 and s.low[tb - 1] in _DANGLING


class AttributionTagger:
    """The trained model and the words that can start a cue, which decide whether a sentence
    is worth tagging at all."""

    def __init__(self, model: Path = MODEL_PATH, cue_words: Path = CUES_PATH) -> None:
        import pycrfsuite

        self._tagger: pycrfsuite.Tagger = pycrfsuite.Tagger()
        self._tagger.open(str(model))
        words = cue_words.read_text(encoding="utf-8").split()
        self.cue_words = frozenset(words)
        # The model reads a sentence holding a learned cue word or a word of the kind lexicon
        # (``tag_words``); the extractor reads one holding those or a rule trigger (``gate``).
        # Learned cue words alone (heads of at least three train cues) leave out the long tail
        # of beliefs and positions ("reckons", "resent"), which the model tags well once it
        # reads the sentence. On held-out train articles (every 10th, from the 1st and from the
        # 6th) the kind words raised content recall 0.612 -> 0.633 and 0.654 -> 0.669 (belief
        # 0.373 -> 0.411, 0.416 -> 0.470) for precision 0.850 -> 0.836 and 0.869 -> 0.858,
        # content F1 0.711 -> 0.720 and 0.746 -> 0.752; the extraction benchmark tags half as
        # many sentences again, about 3% of extraction time.
        self.tag_words = self.cue_words | kind_words()
        self.gate = self.tag_words | C.trigger_words()
        self.min_confidence = MIN_CONFIDENCE
        self.min_confidence_no_source = MIN_CONFIDENCE_NO_SOURCE

    def worth_tagging(self, s: _Sent, rule: Sequence[_Raw]) -> bool:
        """Whether the sentence holds a cue word (``tag_words``) outside every rule attribution's
        cue, source and content: only then is the model likely to add one (a cue word inside a
        content the rules read is mostly the speaker's own words), and tagging every sentence
        would cost more than the rules do."""
        if s.n > MAX_TOKENS:
            return False
        low = s.low
        hits = self.tag_words.intersection(low)
        if not hits or not rule:
            return bool(hits)
        read = [span for r in rule for span in (r.cue, r.source, r.content)]
        st = s.st
        for w in hits:
            x = low.index(w)
            while True:
                at = st[x]
                if not any(a <= at < b for a, b in read):
                    return True
                try:
                    x = low.index(w, x + 1)
                except ValueError:
                    break
        return False

    def tags(self, s: _Sent, roles: Sequence[str]) -> list[str]:
        return list(self._tagger.tag(features(s, roles)))

    def confidence(self, tags: Sequence[str], a: int, b: int) -> float:
        """The model's marginal probability of its own tags over tokens ``a:b``, at the
        weakest token: how sure it is of a cue (valid right after ``tags``)."""
        return min(self._tagger.marginal(tags[x], x) for x in range(a, b))

    def raws(self, s: _Sent, rule: Sequence[_Raw]) -> list[_Raw]:
        """Attributions the model finds in the sentence that no rule attribution already has.

        Each tagged cue takes the nearest tagged source and every content run nearer to it
        than to another cue, and needs a content to count. Without a source tagged, a participle
        ("..., adding that") takes the source of the attribution before it, a cue with a subject
        left of it takes that subject as the rules read it, and any other cue counts with no
        source only when the model is surer of it (``min_confidence_no_source``).
        """
        from verifier.text.attribution import _Raw

        if s.n == 0:
            return []
        tags = self.tags(s, rule_roles(s, rule))
        segs = _segments(tags)
        cues = [(a, b) for role, a, b in segs if role == CUE]
        if not cues:
            return []

        def nearest(a: int, b: int) -> int:
            best, dist = 0, 1 << 30
            for k, (ca, cb) in enumerate(cues):
                d = ca - b if ca >= b else a - cb if a >= cb else 0
                if d < dist:
                    best, dist = k, d
            return best

        sources: dict[int, tuple[int, int, int]] = {}
        contents: dict[int, list[tuple[int, int]]] = {}
        for role, a, b in segs:
            if role == CUE:
                continue
            k = nearest(a, b)
            if role == SOURCE:
                ca, cb = cues[k]
                d = ca - b if ca >= b else a - cb
                if k not in sources or d < sources[k][2]:
                    sources[k] = (a, b, d)
            else:
                contents.setdefault(k, []).append((a, b))
        # a cue inside a rule's source is part of a description ("an official who asked not
        # to be named said ..."), not an attribution of its own
        taken_cues = [r.cue for r in rule] + [r.source for r in rule]
        taken_contents = [r.content for r in rule]
        out: list[_Raw] = []
        for k, (ca, cb) in enumerate(cues):
            confidence = self.confidence(tags, ca, cb)
            if confidence < self.min_confidence:
                continue
            if k not in sources and confidence < self.min_confidence_no_source:
                continue
            cue = (s.st[ca], s.en[cb - 1])
            if any(a < cue[1] and cue[0] < b for a, b in taken_cues):
                continue
            if k not in contents:
                # a confident cue with its source tagged but no content ("As the Post observed,
                # Republicans now control ..."): its complement runs to the end of the sentence,
                # unless another attribution the rules read lies there ("found no evidence, and
                # staff said ...")
                rest = _rest_of_sentence(s, cb) if k in sources else None
                if rest is None or any(
                    a < s.en[rest[1] - 1] and s.st[rest[0]] < b for a, b in taken_cues
                ):
                    continue
                contents[k] = [rest]
            # the content lies on one side of its cue: the side the model tagged more of
            left = [(a, b) for a, b in contents[k] if b <= ca]
            right = [(a, b) for a, b in contents[k] if a >= cb]
            side = left if sum(b - a for a, b in left) > sum(b - a for a, b in right) else right
            if not side:
                continue
            ta = min(a for a, _ in side)
            tb = max(b for _, b in side)
            sa, sb, _ = sources.get(k, (ca, ca, 0))
            if sb == sa and s.low[ca].endswith("ing"):
                # "Trump said ..., adding that ...": the participle's speaker is the subject
                # of the clause it hangs on, the nearest attribution before it
                sa, sb = _main_subject(rule, out, s.st[ca], (sa, sb))
            if sb == sa:
                subject = _subject_before(s, ca, (sa, sb))
                if not (ta < subject[1] and subject[0] < tb):
                    sa, sb = subject
            if ta < sb and sa < tb:
                continue  # a source inside its own content: the tags are confused
            if s.low[ta] == "as" or s.low[cb - 1] == "as":
                continue  # "described the war as a “proxy war”", "known as": a label, not a claim
            if _frames_forbid(s, ca, cb, ta, tb):
                continue
            head = _asserted_from(s, ca, cb)
            if head < 0 or (s.low[ta] in _OPEN_QUESTION and _negated(s.low[head:cb])):
                continue  # "will announce", "did not say whether": nothing said
            if _cut_short(s, tb):
                continue  # "recalled what happened in": the tags stopped mid-phrase
            if ta >= cb:
                tb = _clause_end(s, tb)
            content = (s.st[ta], s.en[tb - 1])
            if _mood_only(s, ca, cb, ta, tb):
                continue  # "feared the worst", "hoped so": a state of mind, no claim
            if any(a <= content[0] and content[1] <= b for a, b in taken_contents):
                continue
            if sb - sa == 1 and s.low[sa] in _RELATIVES:
                continue  # "..., who has ruled the country": the rules resolve relative clauses
            source = (s.st[sa], s.en[sb - 1]) if sb > sa else (cue[0], cue[0])
            if _perception_only(s, ca, cb) and not _shows(s.text[source[0] : source[1]]):
                continue  # "the crisis shows the limits": no picture or document to report
            cue = (s.st[head], cue[1])
            out.append(
                _Raw(s.unit, cue, source, content, _negated_stance(s, head, ca, cb), (sa, sb), ca)
            )
        return out


@cache
def default_tagger() -> AttributionTagger | None:
    """The shipped model, or None when the package was built without it."""
    if not MODEL_PATH.exists() or not CUES_PATH.exists():
        return None
    return AttributionTagger()
