"""Find attributed claims in an article: who said what, signalled by which words.

News prose attributes in a few recurring shapes, and each shape is handled by one general
mechanism over a sentence's tokens rather than by rules for particular articles:

* a reporting verb with its subject on the left and its content on the right
  ("The ministry said it ..."), including coordinated verbs sharing one subject
  ("... said A and claimed B"), relative clauses ("..., which blamed ...") and participles
  ("..., adding ...");
* the same verb after its content ("“...,” said X." / "..., X said.");
* prepositional cues ("according to X", "citing X") whose content is the clause they hang on;
* nouns ("X's claim that ...") and perception verbs for pictures ("a video ... shows ...").

Noun-phrase edges come from closed-class word lists (``lexicon/words.py``), capitalisation and
punctuation; quotation marks are tracked over the whole document so that a quote running over
several sentences or paragraphs is one content. Everything is offsets into ``Document.text``.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from dataclasses import dataclass, replace

from verifier.models import Attribution, Document, QuoteKind, SourceType, Span, Stance, Unit
from verifier.text import cues as C
from verifier.text import sources as S
from verifier.text.failures import sentence_failed
from verifier.text.kinds import DOCUMENT_HEADS, attribution_kind
from verifier.text.lexicon import facts_words as F
from verifier.text.lexicon import verbs as V
from verifier.text.lexicon import words as W
from verifier.text.lexicon import wordset

__all__ = ["QuoteRegion", "extract", "find_quotes"]

# ---------------------------------------------------------------------------------------------
# Tokens

# Branches that start with a letter come first (the initialism before the word, as it must);
# the branches' first characters are disjoint otherwise, so the order only saves failed tries.
_TOKEN_RE = re.compile(
    r"[A-Za-z](?:\.[A-Za-z])+\.(?![A-Za-z])"
    r"|[^\W\d_]\w*(?:[-\u2010'\u2019](?![sS]\b)\w+)*"
    r"|\d+(?:[.,:]\d+)*(?:st|nd|rd|th|s)?"
    r"|(?<=\w)['\u2019]s\b"
    r"|''|``|--|\S"
)
_GROUP, _START, _END = re.Match.group, re.Match.start, re.Match.end
_WORD_RE = re.compile(r"[^\W\d_]+")
_ALNUM_RE = re.compile(r"[^\W_]+")
_OPEN_MARKS = frozenset("“«")
_CLOSE_MARKS = frozenset("”»")
_MARKS = frozenset("“”«»\"‘’'")
_HARD = frozenset({";", ":", "—", "–", "--", "!", "?", "…", "|"})
_HARD_OR_COMMA = _HARD | {","}
_FINAL = frozenset({".", "!", "?", "…"})
_TRAIL = frozenset({".", ",", ";", ":", "—", "–", "-", "--", "…"})
_COORD = frozenset({"and", "or", "nor"})
_LY_NOUNS = wordset(
    "family ally assembly italy rally supply monopoly anomaly bully belly jelly lily folly tally "
    "reply homily daily weekly monthly quarterly july emily sicily fly butterfly"
)
_STRONG_VERBS = wordset(
    "said says told tells announced claimed stated reported added confirmed denied accused "
    "blamed warned insisted stressed alleged"
)
# Acronyms spelled like function words: "the WHO" is an organisation, never a pronoun.
_ACRONYMS = frozenset({"WHO", "US", "IT"})


_NAME_PARTICLES = wordset("al el bin ibn de da van von der la le abu")
# What may open a sentence before a participle whose subject is the main clause's.
_INTRO_SUBORDINATORS = wordset("after before while when since upon by in despite")
# Words set off by commas between a subject and its verb that are no part of either.
_ASIDES = wordset("however though too also meanwhile moreover instead nevertheless nonetheless")
_DASHES = frozenset({"—", "–", "--"})
_TIME_ADVERBS = wordset("later earlier also then now previously again first since still")
_AUXILIARIES = wordset("was were is are has have had will would could can may might must")
_APPOS_STOP = wordset(
    "who which that whose where when and but while adding saying citing according as although "
    "though whereas so because including after before in on at during noting claiming "
    "warning accusing calling urging describing stressing insisting if since until"
)
_LEAD_DROP = wordset(
    "and but or so then also meanwhile however still now instead that while as yet plus "
    "nonetheless nevertheless moreover furthermore"
)
_OBJECT_WORDS = wordset(
    "him her them us me you it reporters journalists lawmakers parliament supporters "
    "crowds listeners viewers readers analysts investors shareholders legislators senators "
    "members delegates students staff employees workers congress jurors delegates diplomats "
    "residents villagers mourners troops soldiers officers colleagues"
)
_ADJUNCT_PREPS = wordset(
    "in on at during via through over to from with late early before after outside inside near by"
)
_DOC_HEADS = (
    wordset(
        "documents document records data figures statistics report study survey analysis maps "
        "map logs tracking readings scans results polling"
    )
    | DOCUMENT_HEADS
)
# Where a document's noun phrase stops naming it: "the survey released Monday", "a study by the
# institute that ..." ("of" does not: "a University of Iowa poll", "a rolling average of the
# surveys")
_DOC_HEAD_END = wordset("by from for in on released conducted taken published that which who")
_DOC_HEAD_WORDS = 10
_NAME_CONNECT = wordset("of for the and de al el bin ibn")
# How far (in tokens) any scan looks from a cue: real subjects and clauses are far shorter,
# and the bound keeps a pathological "sentence" of 100k words linear to read.
_WINDOW = 120
_MAX_CONTENT = 5000
# Words before "as" that make it part of a noun phrase ("known as", "identified only as").
_AS_NAMING = wordset(
    "only known identified named such described listed referred same so just well designated "
    "introduced simply better also formerly"
)
_PREP_CUES = frozenset({"citing", "quoting", "according"})
# What follows an -s form that is a plural noun, never a reporting verb needing its content.
_NOUN_FOLLOWERS = frozenset({",", ".", ";", ")", "’", "'", "?", "!"})


def _is_cap(tok: str) -> bool:
    return tok[:1].isupper()


def _is_word(tok: str) -> bool:
    return tok[:1].isalnum()


_FUNCTION_WORDS = (
    W.DETERMINERS
    | W.PREPOSITIONS
    | W.PRONOUNS
    | W.OBJECT_PRONOUNS
    | W.AUXILIARIES
    | W.CLAUSE_OPENERS
    | W.RELATIVE_PRONOUNS
    | W.ADVERBS
    | W.NEGATIONS
    | frozenset({"and", "or", "to", "not"})
)


# Quantities that stand alone as a subject ("Most said", "Several say", "all but two said");
# articles, demonstratives and possessives never do.
_QUANTITIES = wordset(
    "some many several both all most few none half one two three four five six seven eight "
    "nine ten dozens hundreds thousands majority minority"
)


def _quantity_subject(s: _Sent, i: int, j: int) -> bool:
    """Whether the verb at ``i:j`` follows a bare quantity as its subject ("Most said they
    ...", "43 said the same", "About one in five say", "26% say"): the quantity phrase opens
    its clause and what follows the verb is no noun it could describe, as a participle or noun
    after a number would ("the 20 pledged delegates", "60 percent support")."""
    if i == 0 or (j < s.n and _content_word(s.toks[j])):
        return False
    q = i - 1
    counted = False
    while q >= 0:
        w = s.low[q]
        if w in _QUANTITIES or w.rstrip("%").replace(",", "").replace(".", "").isdigit():
            counted = True
        elif w not in _QUANTITY_LINKS:
            break
        q -= 1
    if not counted or q == i - 1:
        return False
    return q < 0 or s.toks[q] in _HARD_OR_COMMA or s.low[q] in ("and", "but", "while")


# Words inside a quantity phrase: "about one in five", "nearly 4 out of 10", "more than half".
_QUANTITY_LINKS = wordset("in of out about nearly almost roughly some more than fewer less percent")
_QUANTITY_LINKS = _QUANTITY_LINKS | {"%"}


_TITLE_MIN_WORDS = 4  # a headline in title case: "Senator Says Vote Was Rigged"
_TITLE_SHARE = 0.8


def _title_cased(s: _Sent) -> bool:
    """Whether the sentence is written in title case, as headlines are: there a capitalised
    present form ("Mayor Says ...", "Group Endorses ...") is the verb, not part of a name."""
    words = [t for t in s.toks if t.isalpha() and len(t) > 3]
    if len(words) < _TITLE_MIN_WORDS:
        return False
    return sum(1 for t in words if t[0].isupper()) >= _TITLE_SHARE * len(words)


def _content_word(tok: str) -> bool:
    """A lower-case word that is not a function word: a noun, adjective or verb."""
    return tok.isalpha() and tok.islower() and tok not in _FUNCTION_WORDS and not _ly_adverb(tok)


def _ly_adverb(tok: str) -> bool:
    return (
        len(tok) > 4 and tok.endswith("ly") and tok.islower() and tok.isalpha()
    ) and tok not in _LY_NOUNS


# ---------------------------------------------------------------------------------------------
# Quotations over the whole document


@dataclass(frozen=True, slots=True)
class QuoteRegion:
    """One quotation: its opening mark, the quoted text, and the end of its closing mark."""

    open: int  # offset of the opening mark
    inner_start: int
    inner_end: int
    end: int  # offset after the closing mark (== inner_end when never closed)


def _mark_role(text: str, pos: int, ch: str) -> str:
    """'open', 'close', 'either' or '' for a quotation mark at ``pos``."""
    prev = text[pos - 1] if pos > 0 else " "
    nxt = text[pos + len(ch)] if pos + len(ch) < len(text) else " "
    if ch in _OPEN_MARKS or ch == "``":
        return "open"
    if ch in _CLOSE_MARKS:
        return "close"
    opener_ctx = prev.isspace() or prev in "([{—–-/“‘\"'"
    closer_ctx = nxt.isspace() or nxt in ".,;:!?)]}—–-”’\"'…"
    if ch == "‘":
        return "open" if opener_ctx or not prev.isalnum() else ""
    if ch in "’'":
        if prev.isalnum() and nxt.isalpha():
            return ""  # apostrophe inside a word
        if ch == "'" and opener_ctx and not nxt.isspace():
            return "open"
        return "close" if closer_ctx and not prev.isspace() else ""
    # straight double quote
    if opener_ctx and not nxt.isspace():
        return "open"
    if closer_ctx and not prev.isspace():
        return "close"
    return "either"


# Two apostrophes are one double mark in typewriter-style copy (''I agree,'' she said), which
# tokenised corpora open with two backticks (`` I agree , '' she said).
_QUOTE_CHARS = re.compile(r"''|``|[“”«»\"‘’']")


def find_quotes(text: str, paragraphs: Sequence[Span]) -> list[QuoteRegion]:
    """Quotation regions of a document, joined across paragraphs the way news prose does.

    A quoted paragraph left open and reopened by a mark at the start of the next paragraph is
    one quotation (the house style of most English-language outlets); an opening mark never
    closed ends with its paragraph so one stray mark cannot swallow the article.
    """
    regions: list[QuoteRegion] = []
    carry: tuple[str, int, int] | None = None  # (family, open offset, mark width) still open
    carry_end = 0
    for para in paragraphs:
        start = para.start
        while start < para.end and text[start].isspace():
            start += 1
        current = None
        skip_at = -1
        if carry is not None:
            ch = text[start] if start < para.end else ""
            if ch and ch in _MARKS and _mark_role(text, start, ch) in ("open", "either"):
                current = carry
                skip_at = start
            else:
                regions.append(QuoteRegion(carry[1], carry[1] + carry[2], carry_end, carry_end))
        carry = None
        for m in _QUOTE_CHARS.finditer(text, start, para.end):
            pos = m.start()
            if pos == skip_at:
                continue
            ch = m.group(0)
            role = _mark_role(text, pos, ch)
            if not role:
                continue
            family = "s" if ch in "‘’'" else "t" if ch in ("''", "``") else "d"
            if current is None:
                if role == "open" or (role == "either" and ch != "''"):
                    if family == "s" and ch == "’":
                        continue
                    current = (family, pos, len(ch))
                continue
            if family != current[0]:
                continue
            if role in ("close", "either"):
                if (
                    family == "s"
                    and pos + 2 < len(text)
                    and text[pos - 1] == "s"
                    and text[pos + 1] == " "
                    and text[pos + 2].islower()
                ):
                    continue  # "the rebels’ advance": a plural possessive, not a closing quote
                regions.append(QuoteRegion(current[1], current[1] + current[2], pos, m.end()))
                current = None
        if current is not None:
            carry = current
            carry_end = para.end
    if carry is not None:
        regions.append(QuoteRegion(carry[1], carry[1] + carry[2], carry_end, carry_end))
    regions.sort(key=lambda r: r.open)
    return regions


class _Quotes:
    """Region lookup by offset, built once per document."""

    __slots__ = ("regions", "starts")

    def __init__(self, regions: list[QuoteRegion]) -> None:
        self.regions = regions
        self.starts = [r.open for r in regions]

    def at(self, pos: int) -> int:
        """Index of the region whose marks-included range holds ``pos``, or -1."""
        i = bisect.bisect_right(self.starts, pos) - 1
        if i >= 0 and pos < self.regions[i].end:
            return i
        return -1


# ---------------------------------------------------------------------------------------------
# Sentence view


class _Sent:
    """One body sentence as tokens with absolute offsets and quotation membership."""

    __slots__ = ("text", "unit", "toks", "low", "st", "en", "n", "qreg", "qmark", "quotes", "last")

    def __init__(self, text: str, unit: Unit, quotes: _Quotes) -> None:
        self.text = text
        self.unit = unit
        self.quotes = quotes
        base = unit.span.start
        if base and text[base] in "'\u2019":
            # the possessive branch looks behind the unit's first character; on the whole text
            # it would see the word before the unit
            found = list(_TOKEN_RE.finditer(unit.text))
            st = [base + m.start() for m in found]
            en = [base + m.end() for m in found]
        else:
            # on the whole text (the unit is its span's slice) offsets come out absolute
            found = list(_TOKEN_RE.finditer(text, base, unit.span.end))
            st = list(map(_START, found))
            en = list(map(_END, found))
        toks = list(map(_GROUP, found))
        self.toks = toks
        self.low = list(map(str.lower, toks))
        line = unit.text
        if "WHO" in line or "US" in line or "IT" in line:  # rare: fix up only then
            for x, tok in enumerate(toks):
                if tok in _ACRONYMS:
                    self.low[x] = tok
        self.st = st
        self.en = en
        self.n = len(toks)
        qreg = [-1] * self.n
        qmark = [0] * self.n
        if quotes.regions and self.n:
            # walk the few regions overlapping this sentence instead of looking up every token
            r = max(0, bisect.bisect_right(quotes.starts, st[0]) - 1)
            regions = quotes.regions
            i = 0
            while r < len(regions) and i < self.n:
                reg = regions[r]
                if reg.end <= st[i]:
                    r += 1
                    continue
                if st[i] < reg.open:
                    i = bisect.bisect_left(st, reg.open, i)
                    continue
                while i < self.n and st[i] < reg.end:
                    qreg[i] = r
                    if st[i] == reg.open:
                        qmark[i] = 1
                    elif st[i] == reg.inner_end and reg.end > reg.inner_end:
                        qmark[i] = 2
                    i += 1
                r += 1
        self.qreg = qreg
        self.qmark = qmark
        last = self.n
        while last > 0 and toks[last - 1] in _FINAL and qreg[last - 1] < 0:
            last -= 1
        self.last = last

    def open_index(self, region: int) -> int:
        """Token index of a region's opening mark in this sentence, or -1."""
        pos = self.quotes.regions[region].open
        i = bisect.bisect_left(self.st, pos)
        return i if i < self.n and self.st[i] == pos else -1

    def words_in(self, a: int, b: int) -> int:
        return sum(1 for t in self.toks[a:b] if _is_word(t))


@dataclass(slots=True)
class _Raw:
    """An attribution while its sentence is still being read; offsets are absolute."""

    unit: Unit
    cue: tuple[int, int]
    source: tuple[int, int]
    content: tuple[int, int]
    stance: Stance
    src_tok: tuple[int, int] = (-1, -1)
    cue_tok: int = -1
    boundary: int = -1  # where this cue's clause begins when it is coordinated with an earlier one
    visual: bool = False
    order: int = -1  # reading position; a citing phrase is listed after the claim it supports
    # what a restrictive relative pronoun source ("voters who said") stands for, or (-1, -1)
    antecedent: tuple[int, int] = (-1, -1)


@dataclass(slots=True)
class _Subject:
    a: int
    e: int
    kind: str  # start | comma | quote | coord | sub | punct | what | cue
    boundary: int  # char offset of the clause boundary, -1 when none applies
    lead_sep: int  # token index of the comma/closing mark just before the subject, or -1


# Frame letters of the verb lexicon (``lexicon/verbs.py`` says what each means).
_F_CLAUSE = "C"  # takes a clause or object directly
_F_QUOTE_ONLY = "Q"  # counts only with a quote, colon or "that", or inverted
_F_OBJECT = "O"  # object then complement: "accused X of"
_F_HEARER = "T"  # "tell"-type: the object is the hearer
_F_PERCEPTION = "V"  # reports only with a picture or document as subject
_F_NOUN = "N"  # the form is also a common noun
_F_THAT_ONLY = "H"  # "that" or a quote must follow
_F_BARE_CLAUSE = "B"  # ... or a clause with its own subject and verb ("think it is over")
_F_QUESTION = "W"  # an indirect question is its content ("asked X whether ...")
_F_INFINITIVE = "I"  # a to-infinitive is its content ("declined to comment")
# What opens an indirect question: "asked the mayor whether ...", "asked about the levy".
_QUESTION_OPENERS = wordset("if whether what how why who whom which when where about")
# Frames whose content may start right after the verb with no "that", colon or quote.
_DIRECT_FRAMES = (_F_CLAUSE, _F_OBJECT, _F_HEARER, _F_PERCEPTION)

# How a verb's clause hangs on the one before it.
_LINK_NONE = "none"
_LINK_PARTICIPLE = "participle"  # ", saying ..."
_LINK_COORDINATED = "coordinated"  # "... and claimed ..."
_LINK_RELATIVE = "relative"  # "..., which blamed ..."


@dataclass(slots=True)
class _Agent:
    """Who speaks for a verb: a subject's tokens, or the source span of an attribution the
    verb's clause is linked to; ``boundary`` is where the verb's clause begins."""

    src_tok: tuple[int, int] | None
    source_span: tuple[int, int] | None
    subj: _Subject | None
    boundary: int
    antecedent: tuple[int, int] | None = None  # character span a relative pronoun stands for

    def text(self, s: _Sent) -> str:
        if self.source_span:
            return s.text[self.source_span[0] : self.source_span[1]]
        if self.subj:
            return s.text[s.st[self.subj.a] : s.en[self.subj.e - 1]]
        return ""


def _shows_something(subject: str) -> bool:
    """A perception verb reports only with a picture, video or document as its subject."""
    head: list[str] = []
    for w in subject.lower().split(",")[0].split()[:_DOC_HEAD_WORDS]:
        if w in _DOC_HEAD_END:
            break
        head.append(w)
    return S.is_visual(subject) or any(h in _DOC_HEADS for h in head)


# ---------------------------------------------------------------------------------------------
# Left side: subjects


def _skip_left(s: _Sent, i: int) -> tuple[int, bool, int, bool, bool]:
    """Walk left from a cue over auxiliaries, adverbs and time phrases.

    Returns (index after the subject, negated, be-auxiliary index or -1, infinitive, future).
    """
    j = i - 1
    negated = False
    be_at = -1
    while j >= 0:
        tok, w = s.toks[j], s.low[j]
        if s.qmark[j] == 1 and j + 1 < s.n and s.qreg[j + 1] == s.qreg[j] and j == i - 1:
            j -= 1
            continue
        if w in W.NEGATIONS or w in ("n't", "n’t"):
            negated = True
        elif w in ("won't", "won’t"):
            return j + 1, True, be_at, False, True
        elif w.endswith(("n't", "n’t")):
            # the tokenizer keeps "didn't" whole: left out, "The senator didn't" was read as
            # the source of a "say" the senator never made
            negated = True
            if w[:-3] in W.BE_FORMS and be_at < 0:
                be_at = j
        elif w in ("to",):
            return j + 1, negated, be_at, True, False
        elif w in ("will", "’ll", "'ll", "shall"):
            return j + 1, negated, be_at, False, True
        elif w in W.AUXILIARIES:
            if w in W.BE_FORMS and be_at < 0:
                be_at = j
        elif w in W.ADVERBS or _ly_adverb(tok):
            pass
        elif w in W.TIME_WORDS and j > 0 and s.low[j - 1] in W.TIME_MODIFIERS:
            j -= 1
            while j > 0 and s.low[j - 1] in W.TIME_MODIFIERS and s.low[j - 1] not in ("the",):
                j -= 1
        else:
            break
        j -= 1
    return j + 1, negated, be_at, False, False


def _comma_before(s: _Sent, k: int) -> bool:
    """A comma just before token ``k``, also when it sits inside a closing quote (“...,”)."""
    return k > 0 and (
        (s.toks[k - 1] == "," and s.qreg[k - 1] < 0)
        or (k > 1 and s.qmark[k - 1] == 2 and s.toks[k - 2] == ",")
    )


def _complementizer(s: _Sent, j: int) -> bool:
    """Whether "that" at ``j`` opens a clause (after a verb) rather than a relative clause."""
    if j == 0:
        return False
    p = s.low[j - 1]
    return (
        p in _STRONG_VERBS
        or bool(C.verb_readings(p))
        or p in W.ADVERBS
        or p in W.TIME_WORDS
        or s.toks[j - 1] in (",", ":")
        or _ly_adverb(s.toks[j - 1])
    )


def _name_quote(s: _Sent, a: int, b: int) -> bool:
    """A short title-case quotation inside a noun phrase: the rebel “Operations Command”."""
    words = [t for t in s.toks[a + 1 : b] if _is_word(t)]
    return 0 < len(words) <= 6 and all(
        _is_cap(w) or w.lower() in _NAME_CONNECT or w[0].isdigit() for w in words
    )


# Every token on which ``_clause_left``'s scan can stop, bracket or branch (lower-cased, and
# punctuation lower-cases to itself): the scan walks past anything else outside quotations.
_CLAUSE_STOPS = (
    _HARD
    | {"(", ")", ",", "but", "yet", "that"}
    | _COORD
    | W.CLAUSE_OPENERS
    | W.FREE_RELATIVES
    | W.RELATIVE_PRONOUNS
    | _STRONG_VERBS
    | {"-"}
)


def _spaced(s: _Sent, j: int) -> bool:
    """Whether token ``j`` stands alone between spaces: a hyphen typed for a dash ("... the
    ruling - he said"), as several outlets type one, and not one joining two words."""
    a, b = s.st[j], s.en[j]
    return a > 0 and b < len(s.text) and s.text[a - 1].isspace() and s.text[b].isspace()


# Speakers named by a bare plural noun, with no determiner or capital to open them: "the plan,
# which economists say ..."; "a man who police say ...".
_BARE_SPEAKERS = wordset(
    "officials authorities police sources residents witnesses people experts analysts critics "
    "observers investigators prosecutors economists scientists researchers historians aides "
    "advisers advisors supporters opponents voters lawmakers democrats republicans doctors "
    "activists diplomats scholars strategists insiders allies"
)


def _relative_subject(s: _Sent, j: int, k: int) -> bool:
    """Whether the relative pronoun at ``j`` opens a clause with its own subject before the cue
    at ``k`` ("the deal, which Trump said was a disaster"; "an interview in which he says";
    "hackers who officials say"): the cue's subject starts after the pronoun, and the noun the
    pronoun stands for is what was said of, not who said it. A pronoun right before its verb
    ("the man who built it") is the subject itself and is no boundary."""
    x = j + 1
    if x >= k or s.qreg[x] >= 0 or s.low[j] == "whose":
        return False
    w = s.low[x]
    if x + 1 == k and w in _BARE_SPEAKERS:
        return True  # "which experts say"
    return w in W.PRONOUNS or (w in W.DETERMINERS and w != "that") or _is_cap(s.toks[x])


def _clause_left(s: _Sent, k: int) -> tuple[int, str, int, list[int]]:
    """Scan left from ``k`` to where the clause holding the subject starts.

    Returns (start token, boundary kind, boundary token, top-level comma positions).
    """
    j = k - 1
    commas: list[int] = []
    paren = 0
    if j > 0 and (s.toks[j] in _DASHES or (s.toks[j] == "-" and _spaced(s, j))):
        # "Kagan — who led the surge — supports": a parenthetical between dashes describes the
        # subject, as one between commas does
        p = next(
            (
                x
                for x in range(j - 1, max(-1, j - 40), -1)
                if s.toks[x] in _HARD or s.qreg[x] >= 0 or (s.toks[x] == "-" and _spaced(s, x))
            ),
            -1,
        )
        if p > 0 and s.toks[p] == s.toks[j] and p + 1 < j:
            commas += [j, p]
            j = p - 1
    if j > 0 and s.toks[j] == ",":
        # "X, speaking on condition of anonymity because ..., said": the segment between the
        # commas describes the subject, whatever clause words it holds
        p = next(
            (
                x
                for x in range(j - 1, max(-1, j - 40), -1)
                if s.toks[x] in _HARD_OR_COMMA or s.qreg[x] >= 0
            ),
            -1,
        )
        if p > 0 and s.toks[p] == "," and p + 1 < j:
            first = s.toks[p + 1]
            if (first.islower() and first.endswith(("ing", "ed"))) or s.low[p + 1] in (
                "who",
                "which",
                "whose",
            ):
                commas += [j, p]
                j = p - 1
    stop = max(0, k - _WINDOW)
    low, qreg = s.low, s.qreg
    while j >= stop:
        if not paren and qreg[j] < 0 and low[j] not in _CLAUSE_STOPS:
            j -= 1  # an ordinary word outside quotes and brackets: none of the tests below hit
            continue
        t, w = s.toks[j], s.low[j]
        if paren:
            if t == "(":
                paren -= 1
            elif t == ")":
                paren += 1
            j -= 1
            continue
        if t == ")":
            paren = 1
            j -= 1
            continue
        if t == "(":
            return j + 1, "punct", j, commas
        if s.qmark[j] == 2:
            oi = s.open_index(s.qreg[j])
            inside_np = (j + 1 < k and s.toks[j + 1] != ",") or (
                oi > 0 and _is_word(s.toks[oi - 1]) and s.low[oi - 1] not in _STRONG_VERBS
            )
            if oi >= 0 and inside_np and _name_quote(s, oi, j):
                j = oi - 1
                continue
            if oi > 0 and j == k - 1 and s.toks[j - 1] == "," and _closes_relative_clause(s, oi):
                # "Ruiz, who calls it “a fraud,” said": the comma inside the closing mark ends
                # a relative clause on the subject
                commas.append(j)
                j = oi - 1
                continue
            return j + 1, "quote", j, commas
        if s.qreg[j] >= 0:
            return j + 1, "quote", j, commas
        if t in _HARD or (t == "-" and _spaced(s, j)):
            return j + 1, "punct", j, commas
        if t == ",":
            commas.append(j)
        elif w in ("but", "yet"):
            b = j - 1 if j > 0 and s.toks[j - 1] == "," and s.qreg[j - 1] < 0 else j
            return j + 1, "coord", b, commas
        elif w in _COORD and j > 0 and s.toks[j - 1] == ",":
            return j + 1, "coord", j - 1, commas
        elif w in W.CLAUSE_OPENERS and not (w == "as" and j > 0 and s.low[j - 1] in _AS_NAMING):
            b = j - 1 if j > 0 and s.toks[j - 1] == "," and s.qreg[j - 1] < 0 else j
            return j + 1, "sub", b, commas
        elif (w == "that" and _complementizer(s, j)) or (
            w in W.RELATIVE_PRONOUNS and _relative_subject(s, j, k)
        ):
            return j + 1, "sub", j, commas
        elif w in W.FREE_RELATIVES:
            return j + 1, "what", j, commas
        elif w in _STRONG_VERBS and j < k - 1:
            return j + 1, "cue", j, commas
        j -= 1
    return stop, "start", -1, commas


def _intro_like(s: _Sent, a: int, e: int) -> bool:
    """Whether the comma segment ``a:e`` is an opening adverbial rather than a noun phrase:
    a preposition, a subordinator, a time, an adverb, or a participle opening the sentence
    ("Speaking on Sunday, ..."; "Asked about the vote, ..."; "Reached by phone, ...")."""
    w, tok = s.low[a], s.toks[a]
    return (
        w in W.INTRO_PREPOSITIONS
        or w in W.CLAUSE_OPENERS
        or w in W.TIME_WORDS
        or w == "like"
        or _ly_adverb(tok)
        or (tok.endswith("ing") and tok[:1].isupper())
        or (
            tok.endswith("ed")
            and tok[:1].isupper()
            and a + 1 < e
            and s.toks[a + 1].islower()
            and s.low[a + 1] in W.PREPOSITIONS
        )
    )


def _verbish(s: _Sent, a: int, e: int) -> bool:
    """Whether a token range holds something that looks like a finite verb."""
    for x in range(max(a, e - _WINDOW), e):
        w = s.low[x]
        if (
            w in W.AUXILIARIES
            or w in W.COMMON_VERBS
            or w in _STRONG_VERBS
            or _ed_verb(s, x)
            or (x > a and _cue_form(w))
        ):
            return True
    return False


# A run of words before ", said Jane Roe" this long is a clause even when its verb is not one
# the word lists know ("The firm uses the same logo, said ..."); a subject set off by commas
# ("Murphy, though, said ...") is shorter.
_MIN_CLAUSE_WORDS = 5


def _named_after_clause(s: _Sent, lo: int, hi: int, a: int, e: int) -> bool:
    """Whether ``lo:hi`` reads as the claim of an inverted ", said Jane Roe": a proper name
    follows the verb and what precedes it is a comma-free run of words too long to be a
    subject set off by commas."""
    if s.low[a] in W.PRONOUNS or not _is_cap(s.toks[a]) or not _name_like(s, a, e):
        return False
    words = [t for t in s.toks[lo:hi] if _is_word(t)]
    return len(words) >= _MIN_CLAUSE_WORDS and "," not in s.toks[lo:hi]


def _name_like(s: _Sent, a: int, e: int) -> bool:
    """A proper name, possibly after a title: "Dr. Jane Roe", "the Northern Command"."""
    words = [t for t in s.toks[a:e] if _is_word(t)]
    while words and words[0].lower() in ("the", "a", "an"):
        words = words[1:]
    return bool(words) and all(_is_cap(w) or w.lower() in _NAME_CONNECT for w in words)


def _apposition(s: _Sent, first: tuple[int, int], second: tuple[int, int]) -> bool:
    """Two adjacent comma segments naming one source: a description and a proper name."""
    (a1, e1), (a2, e2) = first, second
    if (e1 - a1 == 1 and s.low[a1] in W.PRONOUNS) or (e2 - a2 == 1 and s.low[a2] in W.PRONOUNS):
        return False  # "Otherwise, she said, ...": a pronoun takes no apposition
    if e1 - a1 > 8 or e2 - a2 > 8 or _intro_like(s, a1, e1) or _verbish(s, a1, e1):
        return False
    if s.toks[a1].islower() and s.low[a1] not in W.DETERMINERS:
        return False
    n1, n2 = _name_like(s, a1, e1), _name_like(s, a2, e2)
    return n1 != n2


def _trim_lead(s: _Sent, a: int, e: int) -> int:
    while a < e and (s.low[a] in _LEAD_DROP or s.toks[a] in (",", "—", "–", "-", "(")):
        a += 1
    if a < e and (s.low[a] in W.INTRO_PREPOSITIONS or s.low[a] in W.TIME_WORDS):
        b = a + 1
        if b < e and s.low[b] in ("the", "a", "an", "this", "last", "next", "that"):
            b += 1
        while b < e and (_is_cap(s.toks[b]) or s.low[b] in W.TIME_WORDS or s.toks[b][:1].isdigit()):
            b += 1
        if a + 1 < b < e:
            a = b
    return a


def _approximate(s: _Sent, a: int, e: int) -> bool:
    """ "About one in five", "over 40 percent": a preposition rounding the figure after it
    opens a subject, as no other preposition does."""
    return (
        s.low[a] in ("about", "around", "over", "under")
        and a + 1 < e
        and (s.low[a + 1] in _QUANTITIES or s.toks[a + 1][:1].isdigit())
    )


def _valid_subject(s: _Sent, a: int, e: int) -> bool:
    if a >= e or e - a > 40:
        return False
    if not any(_is_word(t) for t in s.toks[a:e]):
        return False
    first, lastw = s.low[a], s.low[e - 1]
    if first in W.PREPOSITIONS and first not in ("like",) and not _approximate(s, a, e):
        return False
    if lastw in W.PREPOSITIONS or lastw in ("the", "a", "an") or lastw in W.AUXILIARIES:
        return False
    if s.toks[a].islower() and s.toks[a].endswith(("ing", "ed")) and first not in W.DETERMINERS:
        return False
    # a subject holding a long quotation is content, not a speaker
    quoted = sum(1 for i in range(a, e) if s.qreg[i] >= 0 and _is_word(s.toks[i]))
    return quoted <= 6


def _subject_left(s: _Sent, k: int) -> _Subject | None:
    """The subject noun phrase ending at token ``k``, with its appositions, or None."""
    if k > 3 and s.toks[k - 1] == "," and s.toks[k - 3] == "," and s.low[k - 2] in _ASIDES:
        k -= 3  # "Proponents of the bill, however, say": an aside between commas
    if k <= 0:
        return None
    start, kind, btok, commas = _clause_left(s, k)
    cuts = sorted(c for c in commas if c >= start)
    segs: list[tuple[int, int]] = []
    a = start
    for c in cuts:
        segs.append((a, c))
        a = c + 1
    segs.append((a, k))
    trailing = segs[-1][0] >= segs[-1][1]
    if trailing:
        segs = [sg for sg in segs[:-1] if sg[0] < sg[1]]
        # "KNNA, citing a military source, reported": the citing phrase is its own cue
        while len(segs) >= 2 and s.low[segs[-1][0]] in _PREP_CUES:
            segs.pop()
        if not segs:
            return None
        if len(segs) >= 2:
            head, appos = segs[-2], segs[-1]
            if s.low[appos[0]] in W.PREPOSITIONS:
                sa, se = head
                idx = len(segs) - 2
            elif _intro_like(s, head[0], head[1]) and len(segs) >= 2:
                sa, se = appos
                idx = len(segs) - 1
            else:
                sa, se = head[0], appos[1]
                idx = len(segs) - 2
        else:
            sa, se = segs[0]
            idx = 0
        while idx > 0 and (s.low[sa] in W.PREPOSITIONS or s.toks[sa][:1].isdigit()):
            # "Cory James, 22, of Flint, Mich., said": an age or a place belongs to the name
            idx -= 1
            sa = segs[idx][0]
    else:
        segs = [sg for sg in segs if sg[0] < sg[1]]
        if not segs:
            return None
        sa, se = segs[-1]
        idx = len(segs) - 1
        if (
            idx > 0
            # the segment right after a subordinator is its clause ("As the vote nears, Stone
            # says"; "... after a riot in its east block, the Post reported"), no apposition
            and not (kind == "sub" and btok == start - 1 and segs[idx - 1][0] == start)
            and _apposition(s, segs[idx - 1], (sa, se))
        ):
            # "..., the hospital's director, Dr. Jane Roe, told reporters."
            sa = segs[idx - 1][0]
            idx -= 1
        elif any(s.low[x] == "and" for x in range(sa, se)):
            while idx > 0:
                pa, pe = segs[idx - 1]
                if (
                    pe - pa <= 4
                    and not _intro_like(s, pa, pe)
                    and (_is_cap(s.toks[pa]) or s.low[pa] in W.DETERMINERS)
                ):
                    sa = pa
                    idx -= 1
                else:
                    break
    sa = _trim_lead(s, sa, se)
    if not _valid_subject(s, sa, se):
        return None
    lead_sep = -1
    if idx > 0 or (sa > start and s.toks[sa - 1] == ","):
        lead_sep = segs[idx][0] - 1 if idx > 0 else sa - 1
    elif kind == "quote" and start > 0 and segs[0][0] == start:
        lead_sep = start - 1
    boundary = -1
    if kind in ("coord", "sub", "punct") and btok >= 0:
        boundary = s.st[btok]
    elif kind == "cue" and lead_sep >= 0 and s.toks[lead_sep] == ",":
        boundary = s.st[lead_sep]
    return _Subject(sa, se, kind, boundary, lead_sep)


# ---------------------------------------------------------------------------------------------
# Right side: noun phrases and complements


def _ed_verb(s: _Sent, e: int) -> bool:
    t = s.toks[e]
    if not (t.islower() and t.endswith("ed") and len(t) > 4):
        return False
    if e + 1 >= s.n:
        return True
    nxt = s.low[e + 1]
    return nxt in W.DETERMINERS or nxt in W.PRONOUNS or s.toks[e + 1][:1].isdigit()


# After an article or a possessive a past form is an adjective ("the company's advanced threat
# researcher"); not after "those"/"these": "those killed in the attack" is a participle.
_POSSESSIVE = frozenset({"'s", "\u2019s"})
_ADJECTIVE_BEFORE = frozenset({"a", "an", "the", "his", "her", "its", "their", "our", "my", "your"})


def _np_seg(s: _Sent, j: int, lim: int) -> int:
    """End of one comma-free noun-phrase segment starting at ``j``: a verb ends it, but not a
    past form right after a determiner or possessive, which describes the noun that follows
    ("said the company's advanced threat researcher Paul Ferguson")."""
    e = j
    lim = min(lim, j + _WINDOW // 2)
    while e < lim:
        t, w = s.toks[e], s.low[e]
        if t in _HARD or t == "," or (t in _FINAL and e >= s.last):
            break
        if t == "(":
            close = next((x for x in range(e + 1, min(lim, e + 10)) if s.toks[x] == ")"), -1)
            if close < 0:
                break
            e = close + 1
            continue
        if s.qmark[e] == 1:
            reg = s.qreg[e]
            close = next(
                (x for x in range(e + 1, min(lim, e + 9)) if s.qmark[x] == 2 and s.qreg[x] == reg),
                -1,
            )
            if close < 0 or not _name_quote(s, e, close):
                break
            e = close + 1
            continue
        if s.qmark[e] == 2 or (s.qreg[e] >= 0 and s.qreg[j] < 0):
            break
        if e > j and (
            w in W.CLAUSE_OPENERS
            or w in W.RELATIVE_PRONOUNS
            or w in W.AUXILIARIES
            or w in _STRONG_VERBS
            or w in ("saying", "adding", "citing", "according")
            or (
                not (
                    w.endswith("ed")
                    and (s.low[e - 1] in _ADJECTIVE_BEFORE or s.low[e - 1] in _POSSESSIVE)
                )
                and (
                    w in W.COMMON_VERBS or _ed_verb(s, e) or (s.toks[e].islower() and _cue_form(w))
                )
            )
        ):
            break
        e += 1
    return e


def _descriptions_end(s: _Sent, e: int) -> int:
    """The end of the descriptions set off by commas after a speaker's name ending at ``e``
    ("Jane Roe, 52, spokeswoman for X, the group's aid arm"): noun-phrase segments, up to a
    clause word, a participle or a quotation."""
    while e + 1 < s.last and s.toks[e] == ",":
        nj = e + 1
        w = s.low[nj]
        if (
            w in _APPOS_STOP
            or s.qmark[nj] == 1
            or (s.toks[nj].islower() and (w.endswith("ing") or w.endswith("ed")))
        ):
            break
        ne = _np_seg(s, nj, s.last)
        if ne <= nj or (ne < s.last and s.toks[ne] not in (",", *_FINAL)):
            break
        e = ne
    return e


def _appositive_like(s: _Sent, a: int, e: int) -> bool:
    if e - a > 14:
        return False
    first = s.low[a]
    if not (first in ("a", "an", "the") or _is_cap(s.toks[a])):
        return False
    if a + 1 < e and s.low[a + 1] == "of":
        return False  # "most of them ...", "all of whom ...": not a name for the source
    text = s.text[s.st[a] : s.en[e - 1]]
    if S.classify_source(text) != "unknown":
        return True
    words = [t for t in s.toks[a:e] if _is_word(t)]
    if words and all(_is_cap(w) or w.lower() in _NAME_CONNECT for w in words):
        return True
    return s.low[a] in ("a", "an") and e - a <= 8


def _agent_left(s: _Sent, comma: int) -> _Subject | None:
    """The agent a ", which said" hangs on when the clause before is passive or names where
    something came from: "The claims were rejected by the army, which said ..." is the army
    speaking, not "The claims were rejected by the army"."""
    for x in range(comma - 1, max(0, comma - 8), -1):
        if s.toks[x] in _HARD_OR_COMMA or s.qmark[x]:
            return None
        if s.low[x] in ("by", "from"):
            a = _trim_lead(s, x + 1, comma)
            if a < comma and _valid_subject(s, a, comma):
                return _Subject(a, comma, "comma", -1, -1)
            return None
    return None


_ACCORDING_TAIL = 8  # words the noun-phrase reader may leave before the comma closing the phrase


def _np_right(s: _Sent, j: int, mode: str) -> tuple[int, int] | None:
    """A noun phrase starting at ``j`` with its appositions.

    ``mode`` is "end" when the phrase closes the sentence (any appositive-looking segment up
    to the end belongs to it, and so does a descriptive relative clause: "Jane Doe, 52, who
    lives nearby") or "start" when a main clause follows (the last comma segment is that
    clause, not an apposition).
    """
    lim = s.last
    while j < lim and s.toks[j] in (",", "—", "–"):
        j += 1
    if j >= lim:
        return None
    e = _np_seg(s, j, lim)
    if e <= j:
        return None
    while e < lim and s.toks[e] == ",":
        nj = e + 1
        if nj >= lim:
            break
        w = s.low[nj]
        if w in _APPOS_STOP or s.qmark[nj] == 1 or (w.endswith("ing") and s.toks[nj].islower()):
            break
        ne = _np_seg(s, nj, lim)
        if ne <= nj:
            break
        if ne == nj + 1 and s.toks[nj][:1].isdigit():
            e = ne  # an age: "Jane Doe, 52, said"
            continue
        if mode == "start":
            if ne >= lim or s.toks[ne] != "," or not _appositive_like(s, nj, ne):
                break
        elif not (ne >= lim or _appositive_like(s, nj, ne)):
            break
        e = ne
    if mode == "end":
        e = _relative_tail(s, e, lim)
    return j, e


def _relative_tail(s: _Sent, e: int, lim: int) -> int:
    """Extend a sentence-final source over a descriptive relative clause without a cue."""
    r = e + 1 if e < lim and s.toks[e] == "," else e
    if r >= lim or s.low[r] not in ("who", "whose", "which", "where"):
        return e
    end = r + 1
    lim = min(lim, r + _WINDOW)
    while end < lim and s.toks[end] not in _HARD:
        if (
            s.toks[end] == ","
            and end + 1 < lim
            and (s.low[end + 1] in _APPOS_STOP or s.low[end + 1].endswith("ing"))
        ):
            break
        end += 1
    if any(_cue_form(s.low[x]) for x in range(r + 1, end)):
        return e  # "..., which blamed ...": a claim of its own
    return end


def _cue_form(w: str) -> bool:
    return w in _STRONG_VERBS or any(rd.tense in ("ed", "s") for rd in C.verb_readings(w))


def _adjunct_end(s: _Sent, b: int, lim: int) -> int:
    """End of an adjunct after a verb ("in a statement", "on Telegram", "to CNN"), or -1."""
    w = s.low[b]
    if w not in _ADJUNCT_PREPS:
        return -1
    strong = False
    lower_seen = False
    x = b + 1
    end = -1
    while x < lim and x <= b + 7:
        t, lw = s.toks[x], s.low[x]
        if t in (",", ":", ";", ".") or s.qmark[x] or lw == "that":
            break
        if lw in V.ADJUNCT_NOUNS or lw in W.TIME_WORDS:
            strong = True
            end = x + 1
        elif _is_cap(t) or lw in W.OBJECT_PRONOUNS or lw in _OBJECT_WORDS or t[:1].isdigit():
            end = x + 1
        elif lw in W.DETERMINERS or lw in (
            "of",
            "with",
            "its",
            "his",
            "her",
            "their",
            "state",
            "local",
            "national",
            "press",
            "news",
            "social",
        ):
            pass
        elif lw in _ADJUNCT_PREPS or strong:
            break
        elif t.isalpha() and t.islower():
            lower_seen = True  # an adjective, kept only before an adjunct noun ("brief call")
        else:
            return -1
        x += 1
    if end < 0:
        return -1
    if strong:
        return end
    if lower_seen:
        return -1
    nxt = s.low[end] if end < lim else ""
    if end >= lim or nxt in ("that", ":", ",") or s.qmark[end] == 1 or nxt in _ADJUNCT_PREPS:
        return end
    return -1


def _object_end(s: _Sent, b: int, lim: int) -> int:
    """End of the hearer after a tell-type verb ("told reporters", "told The Associated Press").

    The hearer is a pronoun, a capitalised name or a short determiner phrase; it must be
    followed by what introduces the content ("that", a colon, a quotation, an adjunct, the end)
    or, after a name, by the start of the content clause itself ("told CNN the city ...").
    """
    if b >= lim:
        return -1
    if s.low[b] in W.OBJECT_PRONOUNS or s.low[b] in _OBJECT_WORDS:
        return b + 1

    def introduces(x: int) -> bool:
        nxt = s.low[x] if x < lim else ""
        return (
            x >= lim
            or nxt in ("that", ":", ",", "if", "whether")
            or s.qmark[x] == 1
            or nxt in _ADJUNCT_PREPS
        )

    x = b
    if _is_cap(s.toks[b]) or s.low[b] in ("state", "local"):
        while (
            x < lim
            and x < b + 6
            and (
                _is_cap(s.toks[x])
                or (s.low[x] in _NAME_CONNECT and x + 1 < lim and _is_cap(s.toks[x + 1]))
                or s.low[x] in ("state", "local", "news")
            )
        ):
            x += 1
        if introduces(x):
            return x
        if x < lim and (s.low[x] in W.DETERMINERS or s.low[x] in W.PRONOUNS):
            return x  # "told CNN the city had ...": the content clause starts here
        for y in range(x + 1, min(lim, x + 3) + 1):  # "told KRS teams that ..."
            if not (s.toks[y - 1].isalpha() and s.low[y - 1] not in _FUNCTION_WORDS):
                break
            if introduces(y):
                return y
        return -1
    if s.low[b] in W.DETERMINERS:
        x = b + 1
        while x < lim and x < b + 5 and s.toks[x].isalpha() and s.low[x] not in _FUNCTION_WORDS:
            x += 1
            if introduces(x):
                return x
        if x == b + 2 and x < lim and s.low[x] in W.DETERMINERS and s.low[x] != "that":
            return x  # "told the newspaper the minister would resign"
    return -1


def _skip_adjuncts(s: _Sent, j: int, frames: str) -> int:
    """Skip adverbs, time phrases, occasions ("in a statement") and a hearer after a verb."""
    lim = s.last
    b = j
    obj_done = "T" not in frames
    for _ in range(8):
        if b >= lim:
            break
        t, w = s.toks[b], s.low[b]
        if w in W.ADVERBS and w not in ("that", "even", "just", "first", "once"):
            b += 1
            continue
        if _ly_adverb(t):
            b += 1
            continue
        if (w in W.TIME_WORDS and w != "may") or (
            w in ("on", "late", "early", "last", "this", "earlier", "later")
            and b + 1 < lim
            and s.low[b + 1] in W.TIME_WORDS
        ):
            b += 1
            while b < lim and (s.low[b] in W.TIME_WORDS or s.toks[b][:1].isdigit()):
                b += 1
            continue
        m = _adjunct_end(s, b, lim)
        if m > b:
            b = m
            continue
        if not obj_done:
            m = _object_end(s, b, lim)
            obj_done = True
            if m > b:
                b = m
                continue
        break
    return b


_QUALIFIER_WORDS = tuple(sorted((tuple(q.split()) for q in F.QUALIFIERS), key=len, reverse=True))
_NUMBER_WORDS = frozenset([*F.UNITS, *F.TENS, *F.SCALES, *(v for v in F.VAGUE if " " not in v)])


def _figure_ahead(s: _Sent, b: int) -> bool:
    """Whether a qualified figure starts at ``b``: "at least 23", "about a dozen", "up to 40".

    Such a content opens with a preposition ("at", "about", "over") that is no place or
    occasion: "the ministry said at least 23 people died" has its content right there.
    """
    for words in _QUALIFIER_WORDS:
        x = b + len(words)
        if x < s.last and tuple(s.low[b:x]) == words:
            nxt = s.low[x]
            if s.toks[x][:1].isdigit() or nxt in _NUMBER_WORDS:
                return True
            if nxt in ("a", "an") and x + 1 < s.last and s.low[x + 1] in _NUMBER_WORDS:
                return True
    return False


def _closes_name_apposition(s: _Sent, comma: int) -> bool:
    """Whether the comma at ``comma`` ends a name set off after a title at the start of the
    sentence ("The Taliban's chief spokesman, Zabihullah Mujahid, denied the report")."""
    x = comma - 1
    while x > 0 and (_is_cap(s.toks[x]) or s.low[x] in _NAME_PARTICLES):
        x -= 1
    if x == comma - 1 or s.toks[x] != "," or comma - x - 1 > 5 or x > 8:
        return False
    # the title before the name is a noun phrase: no quote, break, auxiliary or -ed verb
    return all(
        not s.qmark[y]
        and s.toks[y] not in _HARD_OR_COMMA
        and s.low[y] not in _AUXILIARIES
        and not (s.toks[y].islower() and s.low[y].endswith("ed"))
        for y in range(0, x)
    )


def _closes_relative_clause(s: _Sent, comma: int) -> bool:
    """Whether the comma at ``comma`` ends a ", who ..." clause on the subject: what stands
    before it is a noun phrase, never a content the verb after it could report."""
    for x in range(comma - 1, 0, -1):
        if s.qmark[x] or s.toks[x] in _HARD:
            return False
        if s.toks[x] == ",":
            return s.low[x + 1] in ("who", "whose")  # "which" may hang on a whole clause
    return False


def _skip_citing(s: _Sent, b: int, lim: int) -> int:
    """Past ", citing Y," (or ", quoting Y,", ", according to Y,") when "that" follows.

    "Xinhua reported, citing local officials, that ...": the wire's own cue and the one it
    relays share the content after "that" (the citing phrase is read as its own cue).
    """
    if not (b + 2 < lim and s.toks[b] == "," and s.qreg[b + 1] < 0):
        return b
    w = s.low[b + 1]
    if not (w in ("citing", "quoting") or (w == "according" and s.low[b + 2] == "to")):
        return b
    for x in range(b + 2, min(lim - 1, b + 16)):
        if s.toks[x] in _HARD or s.qmark[x]:
            return b
        if s.toks[x] == ",":
            return x + 1 if s.low[x + 1] == "that" else b
    return b


def _infinitive_at(s: _Sent, c0: int) -> bool:
    """A to-infinitive starts at ``c0`` ("to comment", "to run again"), not "to" as a
    preposition ("to the press", "to Trump", "to 5%")."""
    if c0 + 1 >= s.last or s.low[c0] != "to":
        return False
    nxt = s.toks[c0 + 1]
    return (
        nxt.isalpha()
        and nxt.islower()
        and s.low[c0 + 1] not in W.DETERMINERS
        and s.low[c0 + 1] not in W.PRONOUNS
    )


def _complement(s: _Sent, j: int, frames: str) -> tuple[int, bool]:
    """Where a verb's content starts, after adjuncts and "that"; -1 when it has none.

    The flag says whether the content was introduced by "that", a colon or a quotation mark,
    which verbs with common non-reporting senses require.
    """
    lim = s.last
    b = _skip_adjuncts(s, j, frames)
    b = _skip_citing(s, b, lim)
    if b < lim and s.low[b] != "that":
        # "said in a report released Wednesday that ...": a modifier of the occasion
        for x in range(b, min(lim, b + 6)):
            w = s.low[x]
            if w == "that" and x > b:
                b = x
                break
            if not (
                (s.toks[x].islower() and w.endswith("ed") and x == b)
                or w in W.TIME_WORDS
                or w in ("on", "by", "in", "at", "late", "early", "last", "the", "a")
                or (_is_cap(s.toks[x]) and x > b)
                or s.toks[x][:1].isdigit()
            ):
                break
    marked = False
    if b < lim and s.low[b] == "that" or b < lim and s.toks[b] == ":":
        b += 1
        marked = True
    elif _F_QUESTION in frames and b < lim and s.low[b] in _QUESTION_OPENERS and b > j:
        marked = True  # "asked the mayor whether": the question, its opener kept
    elif _F_QUESTION in frames and b == j and b < lim and s.low[b] in _QUESTION_OPENERS:
        marked = True  # "asked whether ..." with no hearer
    elif b + 1 < lim and s.toks[b] == "," and s.qmark[b + 1] == 1:
        b += 1
    if b < lim and s.qmark[b] == 1:
        marked = True
    if b >= lim or s.toks[b] in (",", ";", ")", "—", "–") or s.qmark[b] == 2:
        return -1, marked
    w = s.low[b]
    if not marked and w in W.CLAUSE_OPENERS and w not in ("if", "whether"):
        return -1, marked  # "Roque said as ambulances arrived": a circumstance, not content
    if _figure_ahead(s, b):
        return b, marked
    if not marked and w in W.PREPOSITIONS and w not in ("to", "of", "about", "like"):
        # a place or occasion before the content: "said in the capital, Kessem, that ..."
        for x in range(b + 1, min(lim, b + 14)):
            if s.low[x] == "that" and s.qreg[x] < 0 or s.toks[x] == ":" or s.qmark[x] == 1:
                # a "that" or colon ending the sentence introduces nothing: no content then
                start = x + 1 if s.qmark[x] != 1 else x
                return (start, True) if start < lim else (-1, marked)
            if s.toks[x] in _HARD:
                break
        return -1, marked
    return b, marked


# ---------------------------------------------------------------------------------------------
# Content spans


def _left_content(s: _Sent, sep: int, atts: list[_Raw]) -> tuple[int, int] | None:
    """Content written before a parenthetical cue: the quotation or clause ending at ``sep``."""
    if sep < 0:
        return None
    close = sep
    if s.toks[sep] == "," and sep > 0 and s.qmark[sep - 1] == 2:
        close = sep - 1
    if s.qmark[close] == 2:
        reg = s.quotes.regions[s.qreg[close]]
        oi = s.open_index(s.qreg[close])
        if oi < 0 or oi == _clause_start(s, oi):
            return reg.inner_start, reg.inner_end
        start = _clause_start(s, oi)
        return s.st[start], s.en[close]
    end = sep if s.toks[sep] == "," else sep + 1
    start = _clause_start(s, end)
    if end <= start:
        return None
    return s.st[start], s.en[end - 1]


def _before_main_verb(s: _Sent, a: int, e: int) -> int:
    """End a sentence's subject at its main verb when the phrase reader ran over it ("Police
    Chief Calvin Williams lobbied to suspend ..., saying"): the first lower-case past form or
    auxiliary after a noun, not after a determiner, a possessive or an adverb ("the embattled
    minister", "the company's advanced threat researcher")."""
    for x in range(a + 1, e):
        w = s.low[x]
        prev = s.low[x - 1]
        if (
            s.toks[x].islower()
            and s.qreg[x] < 0
            and (w in W.AUXILIARIES or (w.endswith("ed") and len(w) > 4))
            and prev not in W.DETERMINERS
            and prev not in _POSSESSIVE
            and prev not in W.ADVERBS
            and not _ly_adverb(prev)
            and _is_word(s.toks[x - 1])
        ):
            return x
    return e


def _np_before(s: _Sent, end: int) -> tuple[int, int] | None:
    """Character span of the noun phrase ending before token ``end`` ("the 30 percent of
    voters" in "among the 30 percent of voters who said"), or None."""
    x = end
    while x > 0:
        w, t = s.low[x - 1], s.toks[x - 1]
        if not _is_word(t) or s.qreg[x - 1] >= 0 or w in W.CLAUSE_OPENERS or w in W.AUXILIARIES:
            break
        if w in W.PREPOSITIONS and w != "of" or w in _STRONG_VERBS or _ed_verb(s, x - 1):
            break
        x -= 1
        if w in W.DETERMINERS:
            break
    if x >= end or not _valid_subject(s, x, end):
        return None
    return s.st[x], s.en[end - 1]


def _quote_after_colon(s: _Sent) -> tuple[int, int] | None:
    """The quotation opening right after a sentence that ends in a colon ("He said:" and the
    quoted passage in the next sentence or paragraph), or None."""
    if not s.n or s.toks[s.n - 1] != ":":
        return None
    pos = s.en[s.n - 1]
    while pos < len(s.text) and s.text[pos].isspace():
        pos += 1
    r = s.quotes.at(pos)
    if r < 0 or s.quotes.regions[r].open != pos:
        return None
    reg = s.quotes.regions[r]
    return (reg.inner_start, reg.inner_end) if reg.inner_end > reg.inner_start else None


def _quote_closes(s: _Sent, sep: int) -> bool:
    """Whether token ``sep`` (a subject's lead separator) closes a quotation: “...,” or “...”,
    or the second mark of a typewriter ''."""
    if sep > 0 and s.toks[sep] == ",":
        sep -= 1
    return sep >= 0 and s.qreg[sep] >= 0 and s.en[sep] == s.quotes.regions[s.qreg[sep]].end


def _clause_start(s: _Sent, end: int) -> int:
    """First token of the clause ending before ``end``: the sentence start or after a ";"."""
    stop = max(0, end - 2 * _WINDOW)
    for x in range(end - 1, stop - 1, -1):
        if s.toks[x] == ";" and s.qreg[x] < 0:
            return x + 1
    return stop


_PREDICATE_AUX = wordset(
    "could can cannot would will has have had is are was were remain remains remained appear "
    "appears appeared seem seems seemed"
)
_PREDICATE_ADJ = wordset(
    "false true unfounded baseless unverified untrue wrong incorrect correct accurate "
    "unsubstantiated misleading"
)


def _last_predicate(s: _Sent, start: int) -> int:
    """Start of the last auxiliary + participle group ("could not be confirmed"), or -1."""
    found = -1
    x = start
    while x < min(s.last, start + 2 * _WINDOW):
        if s.low[x] in _PREDICATE_AUX and s.qreg[x] < 0:
            y = x + 1
            while y < s.last and s.low[y] in (
                "not",
                "n't",
                "never",
                "yet",
                "be",
                "been",
                "also",
                "independently",
                "since",
                "later",
                "widely",
            ):
                y += 1
            if y < s.last and (
                (s.toks[y].islower() and s.toks[y].endswith(("ed", "en")) and y > x + 1)
                or s.low[y] in _PREDICATE_ADJ
            ):
                found = x
                x = y
        x += 1
    return found


_OPENING_SUBORDINATORS = _INTRO_SUBORDINATORS | wordset(
    "if as although though because once until whether unless"
)


def _intro_content(s: _Sent, raw: _Raw) -> _Raw:
    """Cut a content at the comma closing the sentence-opening clause its cue stands in:
    in "After she announced 6,000 layoffs, some workers felt betrayed" or "Refusing to admit
    any fault, Trump ..." what follows the comma is the main clause, said by no one."""
    i = raw.cue_tok
    if i < 0 or raw.content[0] < raw.cue[1] or not s.n:
        return raw
    opener = s.low[0]
    if not (opener in _OPENING_SUBORDINATORS or (i == 0 and s.low[0].endswith(("ing", "ed")))):
        return raw
    if opener == "according":
        return raw  # "According to X, A, B and C": the main clause is the claim, not said by no one
    if any(s.toks[x] in _HARD_OR_COMMA or s.qreg[x] >= 0 for x in range(0, i)):
        return raw
    c0 = bisect.bisect_left(s.st, raw.content[0])
    for x in range(c0, s.last):
        if s.st[x] >= raw.content[1]:
            break
        if s.qreg[x] >= 0:
            continue
        if s.toks[x] in _HARD_OR_COMMA:
            if x > c0 and s.en[x - 1] < raw.content[1]:
                return replace(raw, content=(raw.content[0], s.en[x - 1]))
            break
    return raw


# Subject pronouns with a verb contracted onto them ("it's", "they're", "we'll", "I'm").
_CONTRACTED = re.compile(r"(?:i|you|he|she|it|we|they|there|that)['’](?:m|re|ll|ve|d|s)$")
_CLAUSE_SUBJECTS = W.PRONOUNS | {"there"}


def _clause_ahead(s: _Sent, b: int) -> bool:
    """Whether a finite clause starts at ``b``: a subject (a pronoun, or a short noun phrase
    opening with a determiner or a name) followed by an auxiliary or a verb form. This is
    what "that" would have introduced in "Trump believes the system is rigged"; an object
    ("believes him", "found the bomb") or an infinitive ("expects to win") is not a clause."""
    lim = s.last
    if b >= lim or s.qreg[b] >= 0:
        return False
    w = s.low[b]
    if _CONTRACTED.match(w):
        return True
    if w in _CLAUSE_SUBJECTS:
        x = b + 1
    elif w in ("the", "a", "an", "this", "these", "those", "his", "her", "their", "our", "its") or (
        _is_cap(s.toks[b]) and w not in W.PRONOUNS
    ):
        x = b + 1
        while x < min(lim, b + 6) and (
            (s.toks[x].isalpha() and s.low[x] not in _FUNCTION_WORDS and not _finite(s, x))
            or s.toks[x] in ("'s", "’s", "-")
        ):
            x += 1
        if x == b + 1 and not _is_cap(s.toks[b]):
            return False  # a determiner alone is no subject
    else:
        return False
    return x < lim and s.qreg[x] < 0 and _finite(s, x)


def _relative_clause_end(s: _Sent, c0: int, content: tuple[int, int]) -> tuple[int, int]:
    """The content of a cue in a ", who said ..." clause, cut at the comma that closes the
    clause before the main verb ("The mayor, who said the count was fair, left early"):
    what follows that comma is the narrator's sentence about the subject, not the claim."""
    for x in range(c0 + 1, s.last - 1):
        if s.st[x] >= content[1]:
            break
        closing = s.qmark[x] == 2 and s.toks[x - 1] == ","  # “a fraud,” said
        if not closing and (s.toks[x] != "," or s.qreg[x] >= 0):
            continue
        nxt = s.low[x + 1]
        if s.toks[x + 1].islower() and (
            (_finite(s, x + 1) and nxt not in ("'s", "’s"))
            or any(r.tense in ("ed", "s") for r in C.verb_readings(nxt))
        ):
            return content[0], s.en[x] if closing else s.en[x - 1]
    return content


def _finite(s: _Sent, x: int) -> bool:
    w = s.low[x]
    return (
        w in W.AUXILIARIES
        or w in ("'s", "’s")
        or (w in W.COMMON_VERBS and not w.endswith("ing"))
        or (s.toks[x].islower() and w.endswith("ed") and len(w) > 4)
    )


def _content(s: _Sent, c0: int, tense: str | None = None) -> tuple[int, int]:
    """From ``c0`` to the end of the sentence, or to a contrasting ", while/whereas" clause.

    With the cue's ``tense``, also to "and" before a second reporting verb of that tense
    whose subject is the cue's ("deny shelling the hospital and blame the army"), even when
    that verb is not read as a cue itself.
    """
    end = s.last
    for x in range(c0 + 1, min(s.last - 1, c0 + 2 * _WINDOW)):
        if (
            tense
            and s.low[x] == "and"
            and s.qreg[x] < 0
            and s.toks[x + 1].islower()
            and any(
                # "and reports of ...": an -s form that is also a noun is read as the noun
                r.tense == tense
                and not ("N" in r.frames and tense == "s")
                and r.lemma != "say"
                # "said she was tired of it and wanted a change": a position or intention
                # after "and" goes on with what was said
                and r.lemma not in V.STANCE_VERBS
                for r in C.verb_readings(s.low[x + 1])
            )
        ):
            end = x - 1 if s.toks[x - 1] == "," else x
            break
        if (
            s.toks[x] == ","
            and s.qreg[x] < 0
            and x + 2 < s.last
            and s.low[x + 1] in ("and", "but")
            and s.low[x + 2] in W.PRONOUNS
        ):
            end = x  # "said A, and he railed against B": the narrator's own clause
            break
        closing = s.qmark[x] == 2 and s.toks[x - 1] == ","
        if (
            (closing or (s.toks[x] == "," and s.qreg[x] < 0))
            and s.low[x + 1] in ("while", "whereas")
            and x + 2 < s.last
            and (_is_cap(s.toks[x + 2]) or s.low[x + 2] in W.DETERMINERS)
        ):
            end = x + 1 if closing else x
            break
    return s.st[c0], s.en[end - 1] if end > c0 else s.en[c0]


# ---------------------------------------------------------------------------------------------
# The cue handlers


class _Reader:
    """Reads one sentence's cues left to right, each building on the attributions before it."""

    def __init__(self, s: _Sent) -> None:
        self.s = s
        self.atts: list[_Raw] = []
        self.used: set[int] = set()
        self.pending: list[tuple[_Raw, str]] = []
        self.stance_cues: set[int] = set()  # cue tokens read as verbs of position or intention

    # -- helpers ------------------------------------------------------------------------------
    def _add(
        self,
        cue: tuple[int, int],
        src_tok: tuple[int, int] | None,
        content: tuple[int, int] | None,
        stance: Stance,
        *,
        cue_tok: int,
        boundary: int = -1,
        source_span: tuple[int, int] | None = None,
        visual: bool = False,
        antecedent: tuple[int, int] | None = None,
    ) -> _Raw | None:
        s = self.s
        if content is None or content[1] <= content[0]:
            return None
        if source_span is None:
            if src_tok is None:
                return None
            source_span = (s.st[src_tok[0]], s.en[src_tok[1] - 1])
        raw = _Raw(
            s.unit,
            cue,
            source_span,
            content,
            stance,
            src_tok or (-1, -1),
            cue_tok,
            boundary,
            visual,
            antecedent=antecedent or (-1, -1),
        )
        self.atts.append(raw)
        return raw

    def _previous_source(self) -> _Raw | None:
        for att in reversed(self.atts):
            if att.source[1] > att.source[0]:
                return att
        return None

    # -- the loop -------------------------------------------------------------------------------
    def read(self) -> list[_Raw]:
        s = self.s
        triggers = C.trigger_words()
        # Only trigger words can start a cue, so the loop visits those positions alone (in
        # order, skipping any that an earlier cue consumed or stepped over).
        positions = [x for x, w in enumerate(s.low) if w in triggers]
        at = 0
        i = 0
        while at < len(positions):
            if positions[at] < i:
                at += 1
                continue
            i = positions[at]
            at += 1
            w = s.low[i]
            step = 1
            if i in self.used:
                continue
            if w == "according" and i + 1 < s.n and s.low[i + 1] == "to":
                self._according(i, i + 2)
                step = 2
            elif w in ("citing", "quoting") and i > 0 and s.toks[i - 1] == ",":
                self._citing(i)
            elif w == "quoted" and self._quoted(i):
                pass
            else:
                done = False
                for ph in C.phrasal_readings(w):
                    end = i + 1 + len(ph.rest)
                    if end <= s.n and tuple(s.low[i + 1 : end]) == ph.rest:
                        lemma = " ".join((ph.lemma, *ph.rest))
                        if self._verb(
                            i,
                            end,
                            lemma,
                            ph.tense,
                            ph.frames,
                            ph.stance,
                            V.REQUIRED_PARTICLE.get(lemma, frozenset()),
                        ):
                            done = True
                            step = end - i
                            break
                if not done:
                    for rd in C.verb_readings(w):
                        if self._verb(
                            i, i + 1, rd.lemma, rd.tense, rd.frames, rd.stance, rd.particles
                        ):
                            done = True
                            break
                if not done and w in C.CUE_NOUNS:
                    self._noun(i)
            i += step
        self._truncate()
        self._settle()
        self._drop_descriptions()
        return self.atts

    def _drop_descriptions(self) -> None:
        """Drop a position or intention read inside another attribution's source: "Gov. Lee,
        who has refused to endorse the bill, said ..." describes who speaks (on PolNeAR train
        no gold attribution has its cue inside another's source)."""
        if not self.stance_cues:
            return
        sources = [a.source for a in self.atts if a.source[1] > a.source[0]]
        self.atts = [
            a
            for a in self.atts
            if a.cue_tok not in self.stance_cues
            or not any(lo <= a.cue[0] and a.cue[1] <= hi for lo, hi in sources)
        ]

    def speaker_of(self, raw: _Raw) -> _Raw:
        """A learned attribution with no source tagged, given the speaker the rules read for
        its cue: the subject on its left, or the source its clause is coordinated with ("X
        criticised A and said B"). The tagger finds the cue and the content well but leaves a
        source it did not tag empty, and an empty source is never the right one when the
        sentence names its speaker; a cue with nothing the rules accept stays as it is."""
        s = self.s
        i = raw.cue_tok
        named = any(ch.isalnum() for ch in s.text[raw.source[0] : raw.source[1]])
        if named or i < 0 or raw.content[0] < raw.cue[1]:
            return raw  # (a tagged dash or comma is no source)
        k, negated, _, infinitive, _ = _skip_left(s, i)
        if negated or infinitive:
            return raw
        if k == 0 or (k == 1 and s.low[0] in _INTRO_SUBORDINATORS):
            return self._intro_speaker(raw)
        tense = "ing" if s.low[i].endswith("ing") else "ed"
        agent = self._agent(self._link(k, tense), k, "")
        if agent is None:
            return raw
        if agent.source_span is not None:
            span = agent.source_span
            tok = agent.src_tok or (-1, -1)
        elif agent.src_tok is not None:
            tok = agent.src_tok
            span = (s.st[tok[0]], s.en[tok[1] - 1])
        else:
            return raw
        if span[1] > raw.content[0] or span[1] <= span[0]:
            return raw
        return replace(raw, source=span, src_tok=tok, antecedent=agent.antecedent or (-1, -1))

    def _intro_speaker(self, raw: _Raw) -> _Raw:
        """The speaker of a cue opening the sentence ("Citing X, the spokeswoman told ...",
        "After blasting X, Beck doubled down"): the main clause's subject after the comma that
        closes the cue's content."""
        s = self.s
        x = bisect.bisect_left(s.en, raw.content[1])  # the content's last token
        while x + 1 < s.last and s.qmark[x + 1] == 2:
            x += 1
        y = x
        while y > 0 and s.qmark[y] == 2:
            y -= 1
        closed = s.toks[y] == ","  # “obligations in Tennessee,”
        x += 1
        if x < s.last and s.toks[x] == ",":
            closed = True
            x += 1
        if not closed:
            return raw
        subj = self._subject_right(x)
        if subj is None:
            return raw
        a, e = subj
        return replace(raw, source=(s.st[a], s.en[e - 1]), src_tok=(a, e))

    def _subject_right(self, a: int) -> tuple[int, int] | None:
        """The subject noun phrase of the main clause starting at token ``a``."""
        s = self.s
        if a >= s.last:
            return None
        if s.low[a] in W.PRONOUNS:
            return a, a + 1
        np = _np_right(s, a, "start")
        if np is None:
            return None
        e = _before_main_verb(s, a, np[1])
        if not _valid_subject(s, a, e) or e - a > 10 or e >= s.last:
            return None
        return a, e

    def _truncate(self) -> None:
        """Cut each content where a later coordinated attribution's clause begins."""
        for idx, later in enumerate(self.atts):
            if later.boundary < 0:
                continue
            for att in self.atts[max(0, idx - 12) : idx]:
                a, b = att.content
                if a < later.boundary < b:
                    att.content = (a, later.boundary)

    # -- verbs ---------------------------------------------------------------------------------
    def _verb(
        self,
        i: int,
        j: int,
        lemma: str,
        tense: str,
        frames: str,
        stance: Stance,
        particles: frozenset[str],
    ) -> bool:
        """Read tokens ``i:j`` as a reporting verb: reject the forms that are not verbs here,
        find who speaks (a subject on the left, a shared subject, or an inverted one on the
        right), then where the content starts, and add the attribution."""
        s = self.s
        if self._quoted_word(i) or not self._verb_form(i, j, tense, frames):
            return False
        k, negated, be_at, infinitive, future = _skip_left(s, i)
        if negated or future or (infinitive and tense == "base"):
            return False
        if tense == "ing" and not (_comma_before(s, k) or be_at >= 0):
            return False
        if tense == "ed" and ((s.low[j] if j < s.n else "") == "by" or be_at >= 0):
            return self._passive(i, j, k, be_at, stance)
        link = self._link(k, tense)
        if lemma in V.STANCE_VERBS:
            if self._within_speech(i):
                return False
            self.stance_cues.add(i)
        if (
            link == _LINK_NONE
            and k > 0
            and (s.toks[k - 1] == "," or s.qmark[k - 1] == 2)
            and lemma in V.INVERTIBLE
            and tense in ("ed", "s")
            and self._inverted(i, j, k, lemma, frames, stance)
        ):
            return True
        agent = self._agent(link, k, lemma)
        if agent is None:
            return False
        visual = False
        if _F_PERCEPTION in frames:
            if not _shows_something(agent.text(s)):
                return False
            visual = True
        elif lemma in V.FINDING and _shows_something(agent.text(s)):
            frames = _F_CLAUSE  # "the survey found no record of the class": no "that" needed
        cue = (s.st[i], s.en[j - 1])
        if _F_OBJECT in frames:
            c0 = self._object_start(j, lemma, particles)
            if c0 < 0:
                return False
            marked = True
        else:
            c0, marked = _complement(s, j, frames)
        if (
            0 <= c0 < s.n
            and not marked
            and agent.subj is not None
            and _quote_closes(s, agent.subj.lead_sep)
        ):
            # “...,” Trump told CNN’s Jake Tapper. / “...,” she said of Trump: after a quotation
            # closing before the subject, what follows an unmarked verb is the hearer or the
            # occasion, and the quotation is what was said
            c0 = -1
        if c0 < 0 or c0 >= s.n:  # a cue closing the sentence has no content after it
            # nothing after the verb: the content is what came before ("..., the army said.")
            content = self._content_before(j, frames, agent.subj)
            if content is None:
                content = self._as_clause_content(j, frames, agent.subj)
            if content is None and marked:
                content = _quote_after_colon(s)
            if content is None:
                return False
            # content before the verb: no boundary after it, and no picture shows it
            boundary, visual = -1, False
        else:
            if not self._content_allowed(i, c0, frames, marked):
                return False
            content = _content(s, c0, tense)
            if (
                link == _LINK_RELATIVE
                and s.toks[k - 2] == ","
                and not _verbish(s, _clause_start(s, k - 2), k - 2)
            ):
                # the clause hangs on the sentence's subject: its main verb comes after it
                content = _relative_clause_end(s, c0, content)
            boundary = agent.boundary
        self.used.update(range(i, j))
        return (
            self._add(
                cue,
                agent.src_tok,
                content,
                stance,
                cue_tok=i,
                boundary=boundary,
                source_span=agent.source_span,
                visual=visual,
                antecedent=agent.antecedent,
            )
            is not None
        )

    def _within_speech(self, i: int) -> bool:
        """Whether a verb of position or intention stands inside what an earlier cue reports
        ("She said she was tired of it and wanted a new candidate"): it is part of that
        content. Read as a second attribution it would cut the first one short, and PolNeAR
        annotates no attribution inside another's content (see ``_outermost``); measured on
        train, every verb in the check costs more said-contents than it adds (the speech verbs
        "told", "called" above all)."""
        at = self.s.st[i]
        return any(a.content[0] <= at < a.content[1] for a in self.atts)

    def _quoted_word(self, i: int) -> bool:
        """Inside a quotation only a partial quote opening at the verb counts as a cue."""
        s = self.s
        return (
            s.qreg[i] >= 0
            and not s.qmark[i]
            and not (i >= 2 and s.qmark[i - 1] == 1 and s.qreg[i - 1] == s.qreg[i])
        )

    def _verb_form(self, i: int, j: int, tense: str, frames: str) -> bool:
        """Whether the words read as a verb here, not a name ("United States") or a noun
        ("the claims", "reports say", "a conference call that ...")."""
        s = self.s
        prev = s.low[i - 1] if i > 0 else ""
        nxt = s.low[j] if j < s.n else ""
        if (
            _is_cap(s.toks[i])
            and i > 0
            and s.qmark[i - 1] != 1
            and not (tense == "s" and _title_cased(s))
        ):
            return False  # a capitalised word mid-sentence is a name ("United States")
        if _quantity_subject(s, i, j):
            return True  # "Most said they ...", "43 said the same": a quantity is the subject
        noun_too = _F_NOUN in frames
        if noun_too or tense in ("s", "base"):
            if noun_too and i > 0 and _cue_form(prev) and s.toks[i - 1].islower():
                return False  # "denied reports that ...": a noun after a verb
            if (
                prev in W.DETERMINERS
                or prev in ("’s", "'s")
                or (prev in ("’", "'") and s.qmark[i - 1] != 2)
                or (prev in W.PREPOSITIONS and prev not in ("to",))
            ):
                return False
            if noun_too and nxt in ("of", "by", "from", "about", "against", "over"):
                return False
            if noun_too and nxt in _AUXILIARIES:
                return False  # "the claims and reports were false": the noun is a subject
            if noun_too and tense in ("s", "base") and j < s.n and _content_word(s.toks[j]):
                return False  # "state media", "reports say": a noun before another word
            if noun_too and tense == "s" and (j >= s.n or s.toks[j] in _NOUN_FOLLOWERS):
                return False  # "in swing states, among them", "their home states’ choice"
        if tense == "base" and prev and prev in W.DETERMINERS:
            return False
        if (
            tense == "ed"
            and (prev in W.DETERMINERS or prev[:1].isdigit())
            and s.toks[j - 1].islower()
        ):
            return False  # "the state’s 20 pledged delegates": a participle as an adjective
        return not (
            tense == "base"
            and noun_too
            and i > 0
            and _content_word(s.toks[i - 1])
            and not s.low[i - 1].endswith("s")
            and s.low[i - 1] not in ("people", "police", "children", "men", "women")
        )  # "a conference call that ...": a singular noun has no base verb

    def _link(self, k: int, tense: str) -> str:
        """How the verb's clause hangs on what comes before it (``k``: the clause's first
        token after auxiliaries and adverbs)."""
        s = self.s
        lw = s.low[k - 1] if k > 0 else ""
        if tense == "ing" and _comma_before(s, k):
            return _LINK_PARTICIPLE  # ", saying ..."
        if lw in ("and", "but", "or", "then") and k - 1 > 0 and s.low[k - 2] not in W.DETERMINERS:
            return _LINK_COORDINATED  # "... and claimed ..."
        if lw in ("which", "who") and k >= 2:
            return _LINK_RELATIVE  # "..., which blamed ..."
        return _LINK_NONE

    def _agent(self, link: str, k: int, lemma: str) -> _Agent | None:
        """Who speaks: the subject on the left, or the source of the attribution this clause is
        linked to ("X said A and claimed B", ", saying ...", "..., which blamed ...")."""
        s = self.s
        shared: _Raw | None = None
        subj: _Subject | None = None
        if link == _LINK_PARTICIPLE:
            shared = self._previous_source()
            boundary = s.st[k - 1] if s.toks[k - 1] == "," else s.en[k - 1]
            if shared is None:
                subj = self._main_subject(k - 1)
                if subj is None:
                    return None
        elif link == _LINK_COORDINATED:
            # "X said A and claimed B": the second verb shares the first one's subject
            shared = self._previous_source()
            if shared is None:
                subj = self._main_subject(k - 1)
                if subj is None:
                    return None
            boundary = s.st[k - 2] if s.toks[k - 2] == "," else s.st[k - 1]
        elif link == _LINK_RELATIVE and s.toks[k - 2] != "," and s.qreg[k - 1] < 0:
            # "voters who said ...": a restrictive clause's pronoun is the source as written,
            # and the noun phrase it restricts is who that is
            phrase = _np_before(s, k - 1)
            if phrase is None:
                return None
            return _Agent((k - 1, k), None, None, s.st[k - 1], phrase)
        elif link == _LINK_RELATIVE:
            comma = k - 2 if s.toks[k - 2] == "," else k - 1
            ante = next(
                (a for a in reversed(self.atts) if a.src_tok[1] in (comma, comma + 1)), None
            )
            if ante is not None:
                shared = ante
            else:
                subj = _agent_left(s, comma) or _subject_left(s, comma)
                if subj is None:
                    return None
            boundary = s.st[comma]
            if s.low[k - 1] == "who":
                # "Okafor, who said ...": the pronoun is the source as written, as in a
                # restrictive clause, and the person before the comma is who that is (PolNeAR
                # train: most such sources are the pronoun). "The army, which said ..." keeps
                # the body itself as the source, as the seed and sample gold do.
                if ante is not None:
                    named = (
                        ante.antecedent if ante.antecedent[1] > ante.antecedent[0] else ante.source
                    )
                else:
                    assert subj is not None
                    named = (s.st[subj.a], s.en[subj.e - 1])
                return _Agent((k - 1, k), None, subj, boundary, named)
        else:
            subj = _subject_left(s, k)
            if subj is None:
                return None
            if subj.kind == "what" and lemma in W.LABEL_VERBS:
                return None
            boundary = subj.boundary
        if shared is not None:
            src_tok = shared.src_tok if shared.src_tok[0] >= 0 else None
            return _Agent(src_tok, shared.source, subj, boundary)
        assert subj is not None
        return _Agent((subj.a, subj.e), None, subj, boundary)

    def _object_start(self, j: int, lemma: str, particles: frozenset[str]) -> int:
        """Where the content of an object-taking verb starts ("accused X of ...", "urged X
        to ..."), the object included; -1 when the verb has no such object here."""
        s = self.s
        c0 = j
        while c0 < s.last and (_ly_adverb(s.toks[c0]) or s.low[c0] in ("also", "again")):
            c0 += 1
        if c0 >= s.last or (
            (s.low[c0] in W.PREPOSITIONS or s.low[c0] in ("up", "down", "out", "off", "back"))
            and not _figure_ahead(s, c0)
        ):
            return -1
        if particles:
            window = s.low[c0 : min(s.last, c0 + V.PARTICLE_WINDOW.get(lemma, 16))]
            if not any(p in window for p in particles):
                return -1
        if lemma == "call" and not any(s.qmark[x] == 1 for x in range(c0, min(s.last, c0 + 5))):
            return -1  # "calling them “a fabrication”" labels; "called his counterpart" not
        return c0

    def _content_before(self, j: int, frames: str, subj: _Subject | None) -> tuple[int, int] | None:
        """The content of a verb with nothing after it: the quotation or clause before its
        subject, run on past the verb when the cue is a parenthetical ("The ceasefire, the
        mediators said, would hold")."""
        s = self.s
        if subj is None or subj.lead_sep < 0:
            return None
        content = _left_content(s, subj.lead_sep, self.atts)
        x = _skip_adjuncts(s, j, frames)
        if (
            content is not None
            and x + 1 < s.last
            and s.toks[x] == ","
            and s.qmark[x + 1] != 1
            # "He hoped, he said, that the levy would pass": "that" goes on with the clause
            and (s.low[x + 1] not in _APPOS_STOP or s.low[x + 1] == "that")
            and s.low[x + 1] not in W.PREPOSITIONS  # "..., among them four children"
            and not s.low[x + 1].endswith("ing")
            and s.toks[subj.lead_sep] == ","
        ):
            content = (content[0], s.en[s.last - 1])
        return content

    def _as_clause_content(
        self, j: int, frames: str, subj: _Subject | None
    ) -> tuple[int, int] | None:
        """The content of a cue in an "as" clause opening the sentence ("As the Courier
        reported, the mayor was warned"; "But as one aide noted, ..."): the main clause after
        the comma that closes it."""
        s = self.s
        if subj is None or subj.kind != "sub" or subj.a == 0 or s.low[subj.a - 1] != "as":
            return None
        opener = subj.a - 1
        if opener > 0 and s.low[opener - 1] not in ("but", "and", "so", "yet"):
            return None
        x = _skip_adjuncts(s, j, frames)
        if x + 1 >= s.last or s.toks[x] != ",":
            return None
        return s.st[x + 1], s.en[s.last - 1]

    def _content_allowed(self, i: int, c0: int, frames: str, marked: bool) -> bool:
        """Whether a content starting at ``c0`` suits the verb at ``i``: quote-only and
        that-only verbs need their marker, and a phrase quoted after a verb is no content.

        A belief verb may go without its "that" before a clause, but not inside what another
        source said ("Nine in 10 say they think she could win"): there the belief is part of
        that claim, and annotators leave it so (PolNeAR train: 5 of 73 such were gold)."""
        s = self.s
        if _F_INFINITIVE in frames and not marked and _infinitive_at(s, c0):
            return True
        if (_F_THAT_ONLY in frames or _F_QUOTE_ONLY in frames) and not marked:
            return (
                _F_BARE_CLAUSE in frames
                and _clause_ahead(s, c0)
                and not any(a.content[0] <= s.st[i] < a.content[1] for a in self.atts)
            )
        if (
            _F_NOUN in frames
            and marked
            and s.low[c0 - 1] == "that"
            and not s.qmark[c0]
            and (_finite(s, c0) or s.low[c0] in W.COMMON_VERBS)
        ):
            return False  # "swing states that vote on March 1": a noun and its relative clause
        if (
            _F_QUOTE_ONLY in frames
            and _F_CLAUSE not in frames
            and s.qmark[c0] == 1
            and s.low[c0 - 1] not in (":", ",", "that")  # noted that “as a rule, ...”
            and c0 + 1 < s.last
            and s.toks[c0 + 1][:1].islower()
        ):
            return False  # "would continue “until all objectives are met”": a phrase quoted
        return marked or any(f in frames for f in _DIRECT_FRAMES)

    def _inverted(self, i: int, j: int, k: int, lemma: str, frames: str, stance: Stance) -> bool:
        """ "“...,” said X." and "..., said the minister." — the source follows the verb."""
        s = self.s
        b = j
        while b < s.last and (_ly_adverb(s.toks[b]) or s.low[b] in W.ADVERBS):
            b += 1
        np = _np_right(s, b, "end")
        if np is None:
            return False
        a, e = np
        after_quote = s.qmark[k - 1] == 2 or (
            k > 1 and s.toks[k - 1] == "," and s.qmark[k - 2] == 2
        )
        if after_quote and e < s.last:
            # “...,” said Jane Roe, spokeswoman for X, the group's aid arm, explaining ...: a
            # quotation closing right before the verb is what was said, so the speaker is the
            # name and every description set off after it, whatever clause follows them
            e = _descriptions_end(s, e)
        # the phrase must close the clause: a verb inside means this was "said the X was ..."
        if e < s.last and not after_quote:
            nxt = s.low[e] if s.toks[e] != "," else s.low[e + 1] if e + 1 < s.n else ""
            if (
                s.toks[e] != ","
                and s.toks[e] not in _HARD
                and not (s.low[e] in _ADJUNCT_PREPS and _adjunct_end(s, e, s.last) >= s.last)
            ):
                return False
            if s.toks[e] == "," and nxt not in _APPOS_STOP and not nxt.endswith("ing"):
                return False
        if s.low[a] in ("that",) or s.qmark[a] == 1:
            return False
        if s.low[a] in W.PREPOSITIONS:
            return False  # "..., the director, said in a statement": an occasion, no speaker
        if _closes_relative_clause(s, k - 1) or _closes_name_apposition(s, k - 1):
            return False  # "The Houthis, who control ..., claimed the attack": no inversion
        if after_quote:
            oi = s.open_index(s.qreg[k - 1 if s.qmark[k - 1] == 2 else k - 2])
            if oi > 0 and _closes_relative_clause(s, oi):
                return False  # "Ruiz, who calls it “a fraud,” said he ...": the same
        head = next(
            (x for x in range(a, e) if s.toks[x] == "," or s.low[x] in W.RELATIVE_PRONOUNS), e
        )
        if _before_main_verb(s, a, head) < head:
            return False  # "Kasich, a Republican ..., said the family deserved better"
        content = _left_content(s, k - 1, self.atts)
        if content is not None and s.qmark[k - 1] == 0 and s.qreg[k - 2] < 0:
            lo = bisect.bisect_left(s.st, content[0])
            if not _verbish(s, lo, k - 1) and not _named_after_clause(s, lo, k - 1, a, head):
                return False  # "Murphy, though, said he ...": a subject, not a claim, before it
        self.used.update(range(i, j))
        cue = (s.st[i], s.en[j - 1])
        return self._add(cue, (a, e), content, stance, cue_tok=i) is not None

    def _passive(self, i: int, j: int, k: int, be_at: int, stance: Stance) -> bool:
        """ "It was reported that ..." (no named source, or the by-agent)."""
        s = self.s
        if be_at < 0 or be_at == 0 or s.low[be_at - 1] != "it":
            return False
        b = j
        source_span: tuple[int, int] | None = None
        src_tok: tuple[int, int] | None = None
        if b < s.last and s.low[b] == "by":
            np = _np_seg(s, b + 1, s.last)
            if np <= b + 1:
                return False
            src_tok = (b + 1, np)
            b = np
        if b >= s.last or s.low[b] != "that":
            return False
        c0 = b + 1
        if c0 >= s.last:
            return False
        if src_tok is None:
            source_span = (s.st[be_at - 1], s.st[be_at - 1])
        cue = (s.st[be_at], s.en[j - 1])
        self.used.update(range(i, j))
        return (
            self._add(cue, src_tok, _content(s, c0), stance, cue_tok=i, source_span=source_span)
            is not None
        )

    def _main_subject(self, end: int) -> _Subject | None:
        """Subject of the main clause, for a participle with no earlier attribution."""
        s = self.s
        a = 0
        if s.n and (_intro_like(s, 0, end) or s.low[0] in W.CLAUSE_OPENERS):
            comma = next(
                (x for x in range(min(end, _WINDOW)) if s.toks[x] == "," and s.qreg[x] < 0), -1
            )
            if comma < 0:
                return None
            a = comma + 1
        if a >= end:
            return None
        if s.low[a] in W.PRONOUNS:
            # "He also expressed concern ... and said": a pronoun is the whole subject
            np: tuple[int, int] | None = (a, a + 1)
        else:
            np = _np_right(s, a, "start")
        e = min(np[1], end) if np else a
        e = _before_main_verb(s, a, e)
        a = _trim_lead(s, a, e)
        while e - 1 > a and (s.low[e - 1] in _TIME_ADVERBS or _ly_adverb(s.toks[e - 1])):
            e -= 1  # "The ministry later retracted the figure, saying": not "later"
        if not _valid_subject(s, a, e) or e - a > 10:
            return None
        return _Subject(a, e, "start", -1, -1)

    # -- prepositional cues ----------------------------------------------------------------------
    def _according(self, i: int, j: int) -> None:
        s = self.s
        if s.qreg[i] >= 0:
            return
        cstart = _clause_start(s, i)
        sep = i - 1 if i > 0 and s.toks[i - 1] == "," else i
        lead = cstart
        while lead < sep and (s.low[lead] in _LEAD_DROP or s.toks[lead] in (",", "(")):
            lead += 1
        has_left = s.words_in(lead, sep) > 0
        np = _np_right(s, j, "end" if has_left else "start")
        if np is None:
            return
        a, e = np
        while e < s.last and s.toks[e].islower() and s.low[e].endswith("s") and _cue_form(s.low[e]):
            # "according to court documents", "to fundraising reports": the object of "to" is a
            # noun phrase, so a plural that could be a verb is its head noun
            self.used.add(e)
            e = max(e + 1, _np_seg(s, e + 1, s.last))
        cue = (s.st[i], s.en[j - 1])
        self.used.update(range(i, j))
        if has_left:
            nxt = s.low[e + 1] if e + 1 < s.n else ""
            closes = (
                e >= s.last
                or s.toks[e] in _HARD
                or (s.toks[e] == "," and (nxt in _APPOS_STOP or nxt in _COORD))
            )
            end_tok = sep if closes or _verbish(s, cstart, sep) else s.last
            while end_tok > cstart and s.toks[end_tok - 1] in _TRAIL and s.qreg[end_tok - 1] < 0:
                end_tok -= 1
            if end_tok <= cstart:
                return
            content = (s.st[cstart], s.en[end_tok - 1])
            earlier = [x for x in self.atts if cstart <= x.cue_tok < sep]
            if earlier and end_tok == sep:
                # "Scientists found that A, according to a study": the study backs A, and A
                # no longer runs on into the according phrase
                raw = _Raw(
                    s.unit, cue, (s.st[a], s.en[e - 1]), (0, 0), "asserts", (a, e), i, s.st[sep]
                )
                self.atts.append(raw)
                self.pending.append((raw, "prev"))
                return
        else:
            # "According to the schedule published Monday, ...": the source runs to the comma
            # that closes the phrase, over what the noun-phrase reader stops at (a participle,
            # "that night"), and what follows the comma is the claim, to the sentence's end
            x = e
            while x < min(s.last, e + _ACCORDING_TAIL) and s.toks[x] not in _HARD_OR_COMMA:
                if s.qreg[x] >= 0:
                    break
                x += 1
            if x < s.last and s.toks[x] == ",":
                e = x
            c0 = e + 1 if e < s.last and s.toks[e] == "," else e
            if c0 >= s.last:
                return
            content = (s.st[c0], s.en[s.last - 1])
        self._add(cue, (a, e), content, "asserts", cue_tok=i)

    def _citing(self, i: int) -> None:
        """ "X reported A, citing Y" and "X, citing Y, reported that A": Y vouches for A too.

        The content is the claim the citing phrase hangs on, known only once the whole
        sentence is read, so it is filled in after the other cues (see ``_settle``).
        """
        s = self.s
        if s.qreg[i] >= 0:
            return
        np = _np_right(s, i + 1, "end")
        if np is None:
            return
        a, e = np
        sep = i - 1
        inside_subject = e + 1 < s.last and s.toks[e] == "," and _cue_form(s.low[e + 1])
        raw = _Raw(
            s.unit,
            (s.st[i], s.en[i]),
            (s.st[a], s.en[e - 1]),
            (0, 0),
            "asserts",
            (a, e),
            i,
            -1 if inside_subject else s.st[sep],
        )
        self.used.add(i)
        self.atts.append(raw)
        self.pending.append((raw, "next" if inside_subject else "prev"))

    def _settle(self) -> None:
        """Give each citing phrase the content of the claim it supports."""
        s = self.s
        for raw, where in self.pending:
            content: tuple[int, int] | None = None
            others = [a for a in self.atts if a is not raw and a.content[1] > a.content[0]]
            if where == "next":
                after = [a for a in others if a.cue[0] > raw.cue[0]]
                if after:
                    content = after[0].content
            else:
                before = [a for a in others if a.cue[0] < raw.cue[0]]
                if before and (
                    before[-1].content[1] <= raw.cue[0] or before[-1].content[0] > raw.cue[1]
                ):
                    # "X reported A, citing Y" or "X reported, citing Y, that A"
                    content = before[-1].content
                elif not before and s.toks[raw.cue_tok - 1] == ",":
                    # "Trump proposed a ban, citing fears of terrorism": no report to vouch for,
                    # so what is cited is what the main clause's subject holds up as its
                    # reason, and that subject is the source (PolNeAR train: 29 of 29 such)
                    subj = self._main_subject(raw.cue_tok - 1)
                    if subj is not None:
                        content = raw.source
                        raw.source = (s.st[subj.a], s.en[subj.e - 1])
                        raw.src_tok = (subj.a, subj.e)
            if content is None:
                self.atts.remove(raw)
            else:
                raw.content = content
                if where == "next" and after:
                    raw.order = after[0].cue[0] + 1

    def _quoted(self, i: int) -> bool:
        """ "X was quoted as saying ..." and "Y quoted X as saying ..."."""
        s = self.s
        if s.qreg[i] >= 0:
            return False
        if i + 2 < s.n and s.low[i + 1] == "as" and s.low[i + 2] == "saying":
            k, negated, be_at, _, _ = _skip_left(s, i)
            if negated or be_at < 0:
                return False
            subj = _subject_left(s, be_at if be_at >= 0 else k)
            if subj is None:
                return False
            cue = (s.st[be_at], s.en[i + 2])
            c0, _ = _complement(s, i + 3, "C")
            self.used.update(range(i, i + 3))
            content = _left_content(s, subj.lead_sep, self.atts) if c0 < 0 else _content(s, c0)
            return (
                self._add(
                    cue, (subj.a, subj.e), content, "asserts", cue_tok=i, boundary=subj.boundary
                )
                is not None
            )
        as_at = next(
            (
                x
                for x in range(i + 2, min(s.n - 1, i + 10))
                if s.low[x] == "as" and s.low[x + 1] == "saying"
            ),
            -1,
        )
        if as_at < 0:
            return False
        if s.low[i + 1] == "by":
            # "X was quoted by state media as saying ...": X speaks, the medium relays
            _, negated, be_at, _, _ = _skip_left(s, i)
            subj = _subject_left(s, be_at) if be_at >= 0 and not negated else None
            c0, _ = _complement(s, as_at + 2, "C")
            if subj is None or c0 < 0:
                return False
            self.used.update(range(i, as_at + 2))
            cue = (s.st[be_at], s.en[as_at + 1])
            src_tok = (subj.a, subj.e)
            return self._add(cue, src_tok, _content(s, c0), "asserts", cue_tok=i) is not None
        src = (i + 1, as_at)
        if not _valid_subject(s, *src):
            return False
        c0, _ = _complement(s, as_at + 2, "C")
        if c0 < 0:
            return False
        self.used.update(range(i, as_at + 2))
        return self._add((s.st[i], s.en[i]), src, _content(s, c0), "asserts", cue_tok=i) is not None

    # -- nouns -------------------------------------------------------------------------------
    def _noun(self, i: int) -> None:
        """ "the ministry's claim that ..." and "accusations by X that ..."."""
        s = self.s
        if s.qreg[i] >= 0:
            return
        stance = C.CUE_NOUNS[s.low[i]]
        src: tuple[int, int] | None = None
        after = i + 1
        if i >= 2 and s.toks[i - 1] in ("’s", "'s", "’", "'"):
            e = i - 1
            a = e - 1
            while (
                a > 0
                and e - a < 6
                and s.low[a] not in W.DETERMINERS
                and (
                    _is_cap(s.toks[a - 1])
                    or s.low[a - 1] in W.DETERMINERS
                    or s.low[a - 1] in _NAME_CONNECT
                )
            ):
                a -= 1
            if s.low[a] in W.PREPOSITIONS or not _is_word(s.toks[a]):
                a += 1
            if a < e:
                src = (a, e)
        elif after < s.last and s.low[after] in ("by", "from"):
            e = _np_seg(s, after + 1, s.last)
            if e > after + 1:
                src = (after + 1, e)
                after = e
        if src is None or after >= s.last:
            return
        if s.low[after] == "that":
            c0 = after + 1
        elif s.toks[after] == ":" or s.qmark[after] == 1:
            c0 = after + 1 if s.toks[after] == ":" else after
        else:
            return
        if c0 >= s.last:
            return
        content = _content(s, c0)
        if s.words_in(_clause_start(s, src[0]), min(src[0], i)) == 0:
            # "The rebels' claim that A could not be confirmed": the claim ends where the
            # sentence's own predicate begins
            pred = _last_predicate(s, c0 + 2)
            if pred > 0:
                content = (s.st[c0], s.en[pred - 1])
        self.used.add(i)
        self._add((s.st[i], s.en[i]), src, content, stance, cue_tok=i)


# ---------------------------------------------------------------------------------------------
# Document level


def _paragraph_spans(units: Sequence[Unit]) -> list[Span]:
    bounds: dict[int, list[int]] = {}
    for u in units:
        b = bounds.setdefault(u.paragraph, [u.span.start, u.span.end])
        b[0] = min(b[0], u.span.start)
        b[1] = max(b[1], u.span.end)
    return [Span(a, b) for _, (a, b) in sorted(bounds.items(), key=lambda kv: kv[1][0])]


def _trim_span(text: str, a: int, b: int, quotes: _Quotes) -> tuple[int, int]:
    """Strip spaces and sentence punctuation outside quotation marks from both ends."""
    while a < b and (text[a].isspace() or text[a] in ",;:—–-"):
        a += 1
    while b > a:
        ch = text[b - 1]
        if ch.isspace() or ch in ".,;:—–-…" and quotes.at(b - 1) < 0:
            b -= 1
        else:
            break
    return a, b


def _extend_quote(a: int, b: int, quotes: _Quotes) -> int:
    """Extend a content end that stops inside a quotation to where the quotation closes."""
    if b <= a:
        return b
    r = quotes.at(b - 1)
    if r >= 0:
        reg = quotes.regions[r]
        if reg.open >= a and reg.end > b:
            return reg.end
    return b


_SPLIT_GAP_BACK = re.compile(r"[ \t\xa0]*[,.;:—–]?[ \t\xa0]*$")


def _join_split_quote(
    text: str,
    a: int,
    b: int,
    raw: _Raw,
    quotes: _Quotes,
    contents: Sequence[tuple[int, int]],
) -> tuple[int, int]:
    """Join the two halves of a quotation cut by its cue: in “We are prepared,” he added, “in
    order to ...” (or “...,” he said. “...”) both halves are what the source said.

    Only quotations right beside the cue and source (``_second_half``), and claimed by no
    other attribution, are joined; the content then runs over the cue between them.
    """
    if b <= a:
        return a, b
    first = min(raw.cue[0], raw.source[0]) if raw.source[1] > raw.source[0] else raw.cue[0]
    last = max(raw.cue[1], raw.source[1])
    r = quotes.at(b - 1)
    if r >= 0 and quotes.regions[r].end <= first:
        # the content is the first half: look for the second after the cue
        nxt = _second_half(text, last, raw.unit.span.end, quotes)
        if nxt >= 0 and _unclaimed(
            raw, quotes.regions[nxt].open, quotes.regions[nxt].end, contents
        ):
            return a, quotes.regions[nxt].end
        return a, b
    r = quotes.at(a)
    if r >= 0 and quotes.regions[r].open >= last - 4 and a >= last:
        # the content is the second half: look for the first before the source and cue
        gap = _SPLIT_GAP_BACK.search(text, max(0, first - 4), first)
        j = gap.start() if gap else first
        prev = quotes.at(j - 1) if j > 0 else -1
        if prev >= 0 and quotes.regions[prev].end == j:
            reg = quotes.regions[prev]
            if "\n" not in text[reg.open : first] and _unclaimed(raw, reg.open, j, contents):
                return reg.inner_start, b
    return a, b


# What may run between a cue and the second half of its quotation: the occasion, the hearer,
# an apposition or a participle of the speaker's ("...,” Cruz told reporters after a forum in
# Fort Mill, S.C. “...” / “...,” he said of Trump, “...”), never a new clause of its own.
_TAIL_STOPS = re.compile(r"[!?;]|\b(?:that|but)\b|,\s+and\b")
_TAIL_END = re.compile(r"(?:^|[,.:])\s*$")
_TAIL_WORDS = 30  # an occasion or a hearer is short; a longer tail says something of its own
_TAIL_CHARS = 300  # (a bound on the scan of a runaway "sentence")


def _second_half(text: str, last: int, sentence_end: int, quotes: _Quotes) -> int:
    """The quotation that continues one cut by its cue at ``last``, or -1.

    It opens after a short tail that ends the cue's clause (",", ":") or its sentence ("."),
    in the same sentence or at the start of the next one, in the same paragraph or, after a
    full stop, the next: news prose goes on quoting the same speaker in a new paragraph that
    opens with a quotation mark. Quoted titles inside the tail ("Meet the Press.") are part of
    the tail.
    """
    bound = sentence_end
    while bound < len(text) and text[bound].isspace():
        bound += 1
    bound = min(bound, last + _TAIL_CHARS)
    r = bisect.bisect_left(quotes.starts, last)
    tail: list[str] = []
    at = last
    while r < len(quotes.regions) and quotes.regions[r].open <= bound:
        reg = quotes.regions[r]
        tail.append(text[at : reg.open])
        gap = "".join(tail)
        if "\n" in gap.rstrip() or _TAIL_STOPS.search(gap) or len(gap.split()) > _TAIL_WORDS:
            return -1
        if "\n" in gap and not gap.rstrip().endswith("."):
            return -1
        if _TAIL_END.search(gap):
            return r
        # a quoted title stands for a word, and its full stop (“Meet the Press.”) for the tail's
        stop = text[reg.inner_end - 1 : reg.inner_end]
        tail.append(" title" + (stop if stop in ",.:" else ""))
        at = reg.end
        r += 1
    return -1


def _unclaimed(raw: _Raw, a: int, b: int, contents: Sequence[tuple[int, int]]) -> bool:
    """Whether no attribution but ``raw`` has a content overlapping ``a:b``."""
    k = bisect.bisect_left(contents, (a, -1))
    return not any(
        ca < b and a < cb and (ca, cb) != raw.content for ca, cb in contents[max(0, k - 2) : k + 2]
    )


def _quote_kind(text: str, a: int, b: int, quotes: _Quotes) -> tuple[QuoteKind, int, int]:
    """Direct, partial or indirect; a direct quotation loses its marks."""
    r = max(0, bisect.bisect_right(quotes.starts, a) - 1)
    if not any(
        quotes.regions[x].end > a and quotes.regions[x].open < b
        for x in range(r, min(len(quotes.regions), bisect.bisect_left(quotes.starts, b) + 1))
    ):
        return "indirect", a, b
    words = [m.start() for m in _ALNUM_RE.finditer(text, a, b)]
    if not words:
        return "indirect", a, b
    inside = 0
    while r < len(quotes.regions) and quotes.regions[r].open < b:
        reg = quotes.regions[r]
        lo = bisect.bisect_left(words, reg.inner_start)
        hi = bisect.bisect_left(words, reg.inner_end)
        inside += max(0, hi - lo)
        r += 1
    if inside == 0:
        return "indirect", a, b
    if inside < len(words):
        return "partial", a, b
    r = quotes.at(a)
    if r >= 0:
        reg = quotes.regions[r]
        if reg.open == a and reg.end >= b - 1 and reg.inner_end <= b:
            return "direct", reg.inner_start, reg.inner_end
    return "direct", a, b


def _outlet_of(document: Document, units: Sequence[Unit]) -> str | None:
    """The publishing outlet: from metadata, else a "(CNN) —" dateline or "By ..., CNN" line."""
    if document.outlet:
        return document.outlet
    for u in units[:6]:
        if u.kind == "dateline":
            m = re.search(r"\(([A-Z][\w&.' ]{0,30})\)", u.text)
            if m:
                return m.group(1).strip()
        if u.kind == "byline":
            m = re.search(r",\s*([A-Z][\w&.' ]{1,30})\s*$", u.text)
            if m:
                return m.group(1).strip()
    return None


_GROUP_HEADS = wordset(
    "group militants rebels fighters faction movement coalition alliance militia organization "
    "organisation charity monitor observatory watchdog front society"
)
_ORG_TYPES: dict[str, frozenset[str]] = {
    "agency": frozenset({"state_media", "media", "intl_org"}),
    "army": frozenset({"government"}),
    "military": frozenset({"government"}),
    "forces": frozenset({"government", "armed_group"}),
    "force": frozenset({"government", "armed_group"}),
    "newspaper": frozenset({"media", "state_media"}),
    "broadcaster": frozenset({"media", "state_media"}),
    "outlet": frozenset({"media", "state_media"}),
    "network": frozenset({"media", "state_media"}),
}


class _Entities:
    """Who has been named so far in an article, and what type each name was given.

    One entity gets one type per article (the first description that typed it), reached
    through any of its aliases; pronouns and descriptions ("he", "the group") resolve to the
    most recent compatible source or organisation named before them.
    """

    def __init__(self, text: str, outlet: str | None) -> None:
        self.text = text
        self.outlet = outlet
        self.types: dict[str, SourceType] = {}
        self.full: dict[str, str] = {}
        self.sources: list[tuple[int, str, SourceType]] = []  # (offset, source, type)
        self._ctx: dict[str, SourceType | None] = {}
        self._fallbacks: dict[str, SourceType | None] = {}

    def _context(self, name: str) -> SourceType | None:
        if name not in self._ctx:
            self._ctx[name] = S.context_type(self.text, name)
        return self._ctx[name]

    def type_of_name(self, name: str) -> SourceType:
        key = name.lower()
        if key in self.types:
            return self.types[key]
        typ = S.classify_source(name, outlet=self.outlet)
        if typ == "unknown":
            typ = self._context(name) or "unknown"
        return typ

    def named(self, source: str, context: str, pos: int, visual: bool) -> SourceType:
        """Type a named source and remember it under its aliases."""
        if visual and S.is_visual(source):
            typ: SourceType = "visual"
        else:
            typ = S.classify_source(source, context, outlet=self.outlet)
        names = S.aliases(source)
        known = next((self.types[n.lower()] for n in names if n.lower() in self.types), None)
        if known is not None and known != "unknown" and typ not in ("visual", "anonymous"):
            typ = known
        elif typ == "unknown" or not S.strength(source):
            typ = self._fallback(source, names, pos) or typ
        for n in names:
            if typ != "unknown":
                self.types.setdefault(n.lower(), typ)
            self.full.setdefault(n.lower(), source)
        self.sources.append((pos, source, typ))
        return typ

    def _fallback(self, source: str, names: tuple[str, ...], pos: int) -> SourceType | None:
        """Type from the article's other wording, or from an entity the source mentions."""
        if source in self._fallbacks:
            return self._fallbacks[source]
        found = self._fallback_uncached(source, names, pos)
        self._fallbacks[source] = found
        return found

    def _fallback_uncached(
        self, source: str, names: tuple[str, ...], pos: int
    ) -> SourceType | None:
        for n in names:
            ctx = self._context(n)
            if ctx is not None:
                return ctx
        low = source.lower()
        for alias, typ in self.types.items():
            if len(alias) > 1 and typ != "unknown" and S.mentions(low, alias):
                return typ
        m = re.search(r"\bthe (\w+)(?:’s|'s)\s", source)
        if m and S.anaphor_kind(m.group(0)[:-3].strip()) is not None:
            hit = self.resolve(m.group(1).lower(), m.group(0), pos)
            if hit is not None:
                return hit[1]
        return None

    def resolve(self, kind: str, source: str, pos: int) -> tuple[str, SourceType] | None:
        """The most recent earlier named source or organisation an anaphor can stand for."""
        own = S.classify_source(source) if kind not in ("person", "plural", "org") else "unknown"
        best: tuple[int, str, SourceType] | None = None
        gender = _PRONOUN_GENDER.get(source.strip().lower()) if kind == "person" else None
        for at, text, typ in reversed(self.sources):
            if at >= pos:
                continue
            if self._compatible(kind, own, text, typ) and _gender_agrees(gender, text):
                best = (at, text, typ)
                break
        if kind not in ("person", "plural") and kind not in _PERSON_KINDS:
            lo = max(0, pos - 2000)
            for at, name in reversed(S.org_mentions(self.text, lo, pos)):
                if best is not None and at <= best[0]:
                    break
                typ = self.type_of_name(name)
                if typ in ("visual", "eyewitness", "anonymous"):
                    continue
                if self._compatible(kind, own, name, typ, mention=True):
                    best = (at, self.full.get(name.lower(), name), typ)
                    break
        return (best[1], best[2]) if best else None

    @staticmethod
    def _compatible(kind: str, own: str, text: str, typ: str, *, mention: bool = False) -> bool:
        if kind == "person":
            return S.is_person(text)
        if kind == "plural":
            return not S.is_person(text) or S.is_plural(text)
        if kind == "org":
            return not S.is_person(text) and typ not in ("eyewitness", "visual", "anonymous")
        if S.is_person(text) and kind not in _PERSON_KINDS:
            return False
        if own != "unknown" and typ != "unknown" and typ != own:
            return False
        if kind in text.lower():
            return True
        if kind in _GROUP_HEADS:
            return typ in ("armed_group", "ngo") or (typ == "unknown" and mention)
        if kind in _ORG_TYPES:
            return typ in _ORG_TYPES[kind]
        if kind in _ROLE_KINDS:
            return False  # "the minister" needs an antecedent that was called a minister
        if kind in _PERSON_KINDS:
            return S.is_person(text) and not mention
        return False


_PRONOUN_GENDER = {"he": "m", "him": "m", "his": "m", "she": "f", "her": "f", "hers": "f"}
_MALE_WORDS = wordset(
    "mr mr. sir lord king prince father son brother husband man boy spokesman chairman "
    "congressman councilman businessman policeman uncle grandfather nephew"
)
_FEMALE_WORDS = wordset(
    "mrs mrs. ms ms. miss madam lady queen princess mother daughter sister wife woman girl "
    "spokeswoman chairwoman congresswoman councilwoman businesswoman policewoman aunt "
    "grandmother niece"
)


def _gender_agrees(gender: str | None, text: str) -> bool:
    """Whether "he" or "she" can stand for a source: a title or role word that gives the
    source's gender ("Mr.", "spokeswoman") must agree; a bare name agrees with either."""
    if gender is None:
        return True
    words = set(text.lower().replace(",", " ").split())
    if words & _MALE_WORDS:
        return gender == "m"
    if words & _FEMALE_WORDS:
        return gender == "f"
    return True


_ROLE_KINDS = wordset(
    "spokesman spokeswoman spokesperson minister president commander leader mayor governor "
    "chief director ambassador envoy general"
)
_PERSON_KINDS = _ROLE_KINDS | wordset("official man woman source witness resident")


def extract(
    document: Document,
    units: Sequence[Unit] | None = None,
    *,
    learned: bool = True,
) -> list[Attribution]:
    """Every attributed claim in the article's body text, in reading order.

    Headlines, captions, datelines, bylines and boilerplate never carry claims of the story,
    so only ``body`` units are read; their content may still run into neighbouring units when
    a quotation spans sentences or paragraphs. The rules read each sentence first; the learned
    tagger (``learned``) then adds what they missed (``text.learned``).
    """
    text = document.text
    if units is None:
        from verifier.text.segment import segment

        units = segment(text)[1]
    units = list(units)
    if not text or not units:
        return []
    quotes = _Quotes(find_quotes(text, _paragraph_spans(units)))
    triggers = C.trigger_words()
    tagger = None
    if learned:
        from verifier.text.learned import default_tagger

        tagger = default_tagger()
    gate = tagger.gate if tagger is not None else triggers
    raws: list[_Raw] = []
    raws.extend(_colon_title(units[0]))
    for unit in _reading_units(text, units):
        if _DASH_NAME.search(unit.text):
            raws.extend(_signed_quotes(text, unit, quotes, raws))
        words = _WORD_RE.findall(unit.text.lower())
        if gate.isdisjoint(words):
            continue
        try:
            s = _Sent(text, unit, quotes)
            found = _Reader(s).read() if not triggers.isdisjoint(words) else []
            found = [_intro_content(s, raw) for raw in found]
            if tagger is not None and tagger.worth_tagging(s, found):
                reader = _Reader(s)
                reader.atts = list(found)
                found = found + [
                    _intro_content(s, reader.speaker_of(raw)) for raw in tagger.raws(s, found)
                ]
        except Exception as exc:  # a failure on one sentence costs that sentence only
            sentence_failed(document.name, unit.index, unit.span, exc)
            continue
        raws.extend(found)
    return _finalise(document, units, raws, quotes)


# A quotation signed with a dash and a name, as testimonials, epigraphs and fact-check
# round-ups print them: “...” ― Maria Lopez / "..."\n\n- Bernie Sanders. The name is a run
# of capitalised words ending the line or followed by a comma, a full stop or a bracket.
_NAME_WORD = r"(?:[A-Z][\w'’.-]*|de|van|von|al|bin|la|le|du)"
_DASH_NAME = re.compile(
    r"([―—–-])[ \t\xa0]*([A-Z][\w'’.-]*(?:[ \xa0]+"
    + _NAME_WORD
    + r"){0,5})[ \t\xa0]*(?=$|[,.(\n])",
    re.MULTILINE,
)
_MAX_SIGNATURE_GAP = 4  # spaces and line breaks between the closing mark and the dash


# A headline giving a speaker and what they said across a colon: "Senator Ruiz: Vote Was
# Rigged". The speaker is a short capitalised name (a title may precede it, "at"/"of" may join
# it); "The Latest:" and all-capital kickers ("BREAKING NEWS:") are labels, not speakers.
_COLON_TITLE = re.compile(
    r"^(?!(?:The|A|An)\b)([A-Z][\w’'.&-]*(?:[ \xa0]+(?:[A-Z][\w’'.&-]*|of|at|on|to|the)){0,5})"
    r":[ \xa0]+(\S.*?)\s*$",
    re.DOTALL,
)
_COLON_TITLE_MIN_WORDS = 3  # a content this short is a label's tail ("Part Two")


def _colon_title(unit: Unit) -> list[_Raw]:
    """The attribution of a "Speaker: what they said" headline, or none (the first unit of an
    article only: in the body a colon after a name is a transcript or a list)."""
    if unit.index != 0 or unit.kind not in ("headline", "body"):
        return []
    m = _COLON_TITLE.match(unit.text)
    if m is None:
        return []
    name, said = m.group(1), m.group(2)
    if len(name.split()) > 1 and name.isupper():
        return []  # "FIX IS IN:": a kicker
    if len(_WORD_RE.findall(said)) < _COLON_TITLE_MIN_WORDS:
        return []
    base = unit.span.start
    colon = base + m.end(1)
    source = (base + m.start(1), colon)
    content = (base + m.start(2), base + m.end(2))
    return [_Raw(unit, (colon, colon + 1), source, content, "asserts")]


def _signed_quotes(text: str, unit: Unit, quotes: _Quotes, raws: Sequence[_Raw]) -> list[_Raw]:
    """The quotations a unit signs with a dash and a name (``_DASH_NAME``): the quotation
    must close right before the dash and be claimed by no attribution already read."""
    out: list[_Raw] = []
    for m in _DASH_NAME.finditer(unit.text):
        dash = unit.span.start + m.start(1)
        q = dash
        while q > 0 and dash - q < _MAX_SIGNATURE_GAP and text[q - 1].isspace():
            q -= 1
        r = quotes.at(q - 1) if q > 0 else -1
        if r < 0:
            continue
        reg = quotes.regions[r]
        if reg.end != q or reg.inner_end <= reg.inner_start:
            continue
        content = (reg.inner_start, reg.inner_end)
        if any(a.content[0] < content[1] and content[0] < a.content[1] for a in raws[-8:]):
            continue  # “...,” he said. — the quotation has its source already
        name = (unit.span.start + m.start(2), unit.span.start + m.end(2))
        out.append(_Raw(unit, (dash, dash + 1), name, content, "asserts"))
    return out


def read_sentences(document: Document, units: Sequence[Unit]) -> list[tuple[_Sent, list[_Raw]]]:
    """Every body sentence with the rules' attributions in it: what the learned tagger is
    trained on (``text.train_attribution``)."""
    text = document.text
    quotes = _Quotes(find_quotes(text, _paragraph_spans(units)))
    triggers = C.trigger_words()
    out: list[tuple[_Sent, list[_Raw]]] = []
    for unit in _reading_units(text, units):
        s = _Sent(text, unit, quotes)
        words = _WORD_RE.findall(unit.text.lower())
        out.append((s, _Reader(s).read() if not triggers.isdisjoint(words) else []))
    return out


# A sentence that only signs the quotation before it: a name and a reporting verb, ending
# there or going on after a comma ("Trump said." / "Mr. Biden said, gripping the lectern.").
_SIGNATURE = re.compile(
    r"(?:[A-Z][\w’'.-]*[ \xa0]+){0,3}[A-Z][\w’'.-]*[ \xa0]+"
    r"(?:said|says|added|asked|wrote|explained|continued|recalled|noted|tweeted|insisted)"
    r"[ \xa0]*(?:[.,!]|$)"
)


_OPENING_MARKS = "“‘\"'«"


def _reading_units(text: str, units: Sequence[Unit]) -> list[Unit]:
    """Body units, with a quotation re-joined to the cue a splitter cut off after it.

    Sentence splitters end a sentence at “...?” even when "asked the mayor." follows in lower
    case; the cue needs its quotation, so the two are read as one sentence (indexed by the
    unit holding the cue).
    """
    out: list[Unit] = []
    for unit in units:
        if unit.kind != "body" or not unit.text:
            continue
        if text[unit.span.start : unit.span.end] != unit.text:
            continue  # units from another text: offsets would be meaningless
        prev = out[-1] if out else None
        if (
            prev is not None
            and prev.paragraph == unit.paragraph
            and (
                unit.text[:1].islower()
                # a signature signs a quotation standing alone, not one its own sentence
                # already gave a cue ("Ruiz said, “...” He added, “...”")
                or (_SIGNATURE.match(unit.text) is not None and prev.text[:1] in _OPENING_MARKS)
            )
            and prev.text.rstrip()[-1:] in "”’\"'»"
        ):
            span = Span(prev.span.start, unit.span.end)
            out[-1] = Unit(unit.index, unit.paragraph, "body", span, span.of(text))
        else:
            out.append(unit)
    return out


def _finalise(
    document: Document, units: list[Unit], raws: list[_Raw], quotes: _Quotes
) -> list[Attribution]:
    text = document.text
    outlet = _outlet_of(document, units)
    next_body: dict[int, Unit] = {}
    body = [u for u in units if u.kind == "body"]
    for u, v in zip(body, body[1:], strict=False):
        if u.paragraph == v.paragraph:
            next_body[u.index] = v
    seen: set[tuple[int, int]] = set()
    out: list[Attribution] = []
    entities = _Entities(text, outlet)
    hedge_cache: dict[int, tuple[str, ...]] = {}
    raws.sort(key=lambda r: (r.order if r.order >= 0 else r.cue[0], r.content[0]))
    contents = sorted(r.content for r in raws)
    for raw in raws:
        if raw.cue in seen:
            continue
        a, b = raw.content
        b = _extend_quote(a, b, quotes)
        a, b = _join_split_quote(text, a, b, raw, quotes, contents)
        if b - a > _MAX_CONTENT:
            # no real claim is this long; a runaway "sentence" must not make output quadratic
            cut = text.rfind(" ", a, a + _MAX_CONTENT)
            b = cut if cut > a else a + _MAX_CONTENT
        a, b = _trim_span(text, a, b, quotes)
        a = _drop_connective(text, a, b)
        b = _drop_caveat(text, a, b)
        if b <= a or not _ALNUM_RE.search(text, a, b):
            continue
        quote, a, b = _quote_kind(text, a, b, quotes)
        sa, sb = raw.source
        if sb > sa:
            sa, sb = _trim_span(text, sa, sb, quotes)
            sb = _balance_source(text, sa, sb)
        ca, cb = _cue_extent(text, raw.cue, (sa, sb), (a, b))
        if sa < ca < sb:  # "He’s said": the contracted auxiliary is the cue's, not the source's
            sb = ca
        source = text[sa:sb]
        if source and not _ALNUM_RE.search(source):
            continue  # (a figure is a source: "42% say", "43 said the same")
        seen.add(raw.cue)
        unit = raw.unit
        kind = S.anaphor_kind(source) if source else None
        resolved = source
        typ: SourceType = "unknown"
        if raw.antecedent[1] > raw.antecedent[0]:
            resolved = text[raw.antecedent[0] : raw.antecedent[1]]
            typ = entities.named(resolved, unit.text, raw.antecedent[0], raw.visual)
        elif kind is not None:
            hit = entities.resolve(kind, source, sa)
            if hit is not None:
                resolved, typ = hit
            else:
                typ = S.classify_source(source, unit.text, outlet=outlet)
            entities.sources.append((sa, resolved, typ))
        elif source:
            typ = entities.named(source, unit.text, sa, raw.visual)
        nxt = next_body.get(unit.index)
        hedges = _unit_hedges(unit, hedge_cache)
        if nxt is not None:
            hedges = tuple(dict.fromkeys(hedges + _unit_hedges(nxt, hedge_cache)))
        att = Attribution(
            doc=document.name,
            sentence_index=unit.index,
            sentence=unit.text,
            sentence_span=unit.span,
            source=source,
            source_span=Span(sa, sb),
            cue=text[ca:cb],
            cue_span=Span(ca, cb),
            content=text[a:b],
            content_span=Span(a, b),
            source_type=typ,
            stance=raw.stance,
            quote=quote,
            resolved_source=resolved,
            hedges=hedges,
            canonical_source=S.canonical_source(resolved) if resolved else "",
            kind=attribution_kind(text[ca:cb], source),
        )
        out.append(att)
    return _outermost(out)


def _outermost(atts: list[Attribution]) -> list[Attribution]:
    """The attributions not reported inside another's content.

    "The agency said that the mayor told residents the bridge was safe" is the agency's claim;
    that the mayor told residents so is part of what the agency says, not a second claim the
    article makes, and news attribution annotates it so: on PolNeAR train no attribution
    (776 seen) has its cue inside another's content. Only an outer attribution whose cue comes
    before its content counts: a content ending at a cue after it ("..., she said") was read
    from that cue leftwards and may have run over a clause that is not its own.
    """
    outers = sorted(
        (a.content_span.start, a.content_span.end)
        for a in atts
        if a.cue_span.end <= a.content_span.start
    )
    if not outers:
        return atts
    starts = [start for start, _ in outers]
    reach: list[int] = []  # the furthest end of the outer contents starting at or before each
    for _, end in outers:
        reach.append(max(end, reach[-1]) if reach else end)
    kept = []
    for att in atts:
        lo = min(att.source_span.start, att.cue_span.start, att.content_span.start)
        hi = max(att.cue_span.end, att.content_span.end)
        x = bisect.bisect_right(starts, lo) - 1
        if x < 0 or reach[x] < hi:
            kept.append(att)
    return kept


_CUE_OCCASION = re.compile(r"\s+in\s+an?\s+(?:written\s+|joint\s+)?statement\b", re.IGNORECASE)
_WORD_BEFORE = re.compile(r"(?<![^\W\d_])([^\W\d_]+)[ \t]+$")
# Words standing between a subject and its verb that annotators keep in the cue: the
# auxiliaries ("has said", "is calling for") and adverbs ("later said", "now says").
_CUE_LEFT = (W.AUXILIARIES | W.ADVERBS) - wordset(
    "however instead meanwhile then today yesterday tonight overnight last late long too soon "
    "afterwards afterward further"
)
_CUE_LEFT_WORDS = 4


def _cue_extent(
    text: str, cue: tuple[int, int], source: tuple[int, int], content: tuple[int, int]
) -> tuple[int, int]:
    """The cue with the words that belong to the reporting act: auxiliaries and adverbs
    before the verb ("has repeatedly said", "is calling for", "later said"), "in a
    statement" after it, as annotators of news attribution mark them; never over the source
    or the content."""
    a, b = cue
    for _ in range(_CUE_LEFT_WORDS):
        m = _WORD_BEFORE.search(text, max(0, a - 40), a)
        if m is None:
            break
        w = m.group(1)
        if _contracted_auxiliary(text, m.start(), w, text[a:b]):
            a = m.start() - 1  # "he’s said", "they’ve argued", "we’re calling for"
            break
        if not (w.islower() and (w in _CUE_LEFT or _ly_adverb(w))):
            break
        if (source[0] < a and m.start() < source[1]) or (content[1] > m.start() and content[0] < a):
            break
        a = m.start()
    m = _CUE_OCCASION.match(text, b)
    if (
        m
        and not (source[0] < m.end() and b < source[1])
        and not (content[0] < m.end() and b < content[1])
    ):
        b = m.end()
    return a, b


_PARTICIPLES = wordset("said told written thought known shown found felt been")


def _contracted_auxiliary(text: str, at: int, w: str, cue: str) -> bool:
    """Whether ``w`` at ``at`` is an auxiliary contracted onto the subject ("’ve", "’re",
    "’ll", "’d"; "’s" only before a participle: "Trump’s claim" is a possessive)."""
    if at < 2 or text[at - 1] not in "'’" or not text[at - 2].isalpha():
        return False
    if w in ("ve", "re", "ll", "d"):
        return True
    first = cue.split()[0].lower() if cue.split() else ""
    return w == "s" and (first.endswith(("ed", "ing")) or first in _PARTICIPLES)


def _unit_hedges(unit: Unit, cache: dict[int, tuple[str, ...]]) -> tuple[str, ...]:
    found = cache.get(unit.index)
    if found is None:
        found = cache[unit.index] = C.find_hedges(unit.text)
    return found


_CONNECTIVE = re.compile(
    r"(?:separately|meanwhile|however|moreover|furthermore|additionally|also|in addition|"
    r"nonetheless|nevertheless|still|but|and|yet|instead|elsewhere|overall)\s*,?\s+",
    re.IGNORECASE,
)


def _drop_connective(text: str, a: int, b: int) -> int:
    """Drop a discourse connective opening a content ("Separately, ..."): not the claim."""
    m = _CONNECTIVE.match(text, a, b)
    if (
        m
        and m.end() < b
        and (text[m.end() - 1].isspace())
        and ("," in m.group(0) or m.group(0).split()[0].lower() in ("but", "and", "yet"))
    ):
        return m.end()
    return a


_CAVEAT = re.compile(
    r",\s+(?:a|an|the)\s+(?:claim|assertion|allegation|account|figure|number|toll|report|"
    r"statement|charge|version|assessment|result|move|decision|step|accusation|estimate)s?\b"
    r"(?:[^.;]*?\b(?:not|n't|n’t|unable|cannot)\b[^.;]*?"
    r"\b(?:verif|confirm|corroborat|independently|substantiat)"
    r"|(?:\s+(?:that|which))?\s+(?:the\s+|its\s+|their\s+)?[\w-]+(?:\s+[\w-]+){0,3}?\s+"
    r"(?:\w+ly\s+)?(?:rejects?|rejected|den(?:y|ies|ied)|disputes?|disputed|dismiss(?:es|ed)?|"
    r"contests?|contested|challenges?|challenged|questions?|questioned))"
    # the outlet's note on the evidence: ", without providing evidence"
    r"|,\s+without\s+(?:(?:providing|offering|giving|citing|presenting|producing|showing)\s+)?"
    r"(?:any\s+)?(?:evidence|proof)\b"
    # the source's own refusal, not part of what it said: ", but declined to say how"
    r"|,\s+but\s+(?:declined|refused|(?:did|would|could)\s*(?:not|n't|n’t)\s+"
    r"(?:say|give|elaborate|comment|provide|confirm|specify|disclose|identify|name|offer)\b|"
    r"(?:gave|offered|provided)\s+no\b)",
    re.IGNORECASE,
)


def _drop_caveat(text: str, a: int, b: int) -> int:
    """End a content before the outlet's trailing caveat (", a claim X could not verify",
    ", without providing evidence") or the source's refusal (", but declined to say how")."""
    m = _CAVEAT.search(text, a, b)
    return m.start() if m and m.start() > a else b


def _balance_source(text: str, a: int, b: int) -> int:
    """Keep a source's closing quotation mark when it quotes a name: the rebel “Command,”."""
    if b < len(text) and text[b] in '”"’' and text[a:b].count("“") > text[a:b].count("”"):
        return b + 1
    return b
