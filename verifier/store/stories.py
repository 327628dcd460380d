"""Stories, versions, copies, independence counts and figure conflicts in the store.

Functions over a ``Store`` rather than methods on it, so the corroboration stage can grow
without touching the shared ``Store`` class. They fill the schema v2 columns
(``articles.story_id/version_of/copy_of/copy_kind``, ``stories``, ``figure_conflicts``,
``claims.independent_support/independent_contradict``) and the ``article_sketches`` table.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from verifier.models import PassageFacts
from verifier.store.db import Store

COPY_KINDS: tuple[str, ...] = ("version", "copy", "relay")
_CHUNK = 500


def _rows_in(
    store: Store,
    sql: str,
    ids: Sequence[int],
    before: Sequence[object] = (),
    after: Sequence[object] = (),
) -> list[Any]:
    """The rows of ``sql`` for ``ids``, asked ``_CHUNK`` ids at a time (SQLite caps the
    variables in one statement); ``{ids}`` in ``sql`` is where their placeholders go, and
    ``before`` / ``after`` are the parameters around them. Rows come back chunk by chunk."""
    rows: list[Any] = []
    for i in range(0, len(ids), _CHUNK):
        chunk = list(ids[i : i + _CHUNK])
        marks = ",".join("?" * len(chunk))
        rows += store._query(sql.format(ids=marks), [*before, *chunk, *after])
    return rows


@dataclass(frozen=True, slots=True)
class ArticleLink:
    """Where an article sits among the others: its story and what it repeats."""

    id: int
    name: str
    outlet: str | None
    published: str | None
    story_id: int | None
    version_of: int | None
    copy_of: int | None
    copy_kind: str | None

    @property
    def original(self) -> int | None:
        """The article this one is a version or copy of, if any."""
        return self.version_of if self.version_of is not None else self.copy_of


@dataclass(frozen=True, slots=True)
class SourceRef:
    """Who says a sentence: an attribution's source, or the outlet for its own reporting."""

    source: str
    canonical: str
    source_type: str
    stance: str


@dataclass(frozen=True, slots=True)
class FigureConflict:
    """Different figures for one event: ``entries`` is ``(figure, who says it)``, low first."""

    claim_id: str
    event: str
    summary: str
    entries: tuple[tuple[str, str], ...]


@dataclass(frozen=True, slots=True)
class Story:
    id: int
    label: str
    first_published: str | None
    last_published: str | None
    articles: int


# -- sketches ----------------------------------------------------------------------------------


def save_sketch(store: Store, article_id: int, kind: str, hashes: Iterable[int]) -> None:
    """Replace the ``kind`` sketch of one article."""
    rows = [(article_id, kind, int(h)) for h in sorted(set(hashes))]
    with store.transaction() as conn:
        conn.execute(
            "DELETE FROM article_sketches WHERE article_id = ? AND kind = ?", (article_id, kind)
        )
        conn.executemany("INSERT INTO article_sketches (article_id, kind, h) VALUES (?,?,?)", rows)


def has_sketch(store: Store, article_id: int) -> bool:
    rows = store._query(
        "SELECT 1 FROM article_sketches WHERE article_id = ? LIMIT 1", (article_id,)
    )
    return bool(rows)


def sketch_overlaps(
    store: Store, kind: str, hashes: Sequence[int], *, exclude: int, min_shared: int
) -> dict[int, int]:
    """Articles sharing at least ``min_shared`` of ``hashes``, with how many they share."""
    counts: dict[int, int] = {}
    rows = _rows_in(
        store,
        "SELECT article_id, count(*) FROM article_sketches"
        " WHERE kind = ? AND h IN ({ids}) AND article_id != ? GROUP BY article_id",
        sorted(set(hashes)),
        before=[kind],
        after=[exclude],
    )
    for r in rows:  # one row per article and chunk: add the chunks up
        counts[int(r[0])] = counts.get(int(r[0]), 0) + int(r[1])
    return {a: n for a, n in counts.items() if n >= min_shared}


def sketch_of(store: Store, article_id: int, kind: str) -> set[int]:
    """One article's ``kind`` sketch."""
    rows = store._query(
        "SELECT h FROM article_sketches WHERE article_id = ? AND kind = ?", (article_id, kind)
    )
    return {int(r[0]) for r in rows}


def sketch_frequencies(store: Store, kind: str, hashes: Sequence[int]) -> dict[int, int]:
    """In how many articles each hash occurs: rare names tie articles together, common do not."""
    rows = _rows_in(
        store,
        "SELECT h, count(*) FROM article_sketches WHERE kind = ? AND h IN ({ids}) GROUP BY h",
        sorted(set(hashes)),
        before=[kind],
    )
    return {int(r[0]): int(r[1]) for r in rows}


def body_text(store: Store, article_id: int) -> str:
    """The article's body sentences joined: what copies share, without headers and footers."""
    rows = store._query(
        "SELECT text FROM sentences WHERE article_id = ? AND kind = 'body' ORDER BY idx",
        (article_id,),
    )
    return "\n".join(r[0] for r in rows)


# -- links and stories -------------------------------------------------------------------------


def article_links(store: Store, ids: Iterable[int] | None = None) -> dict[int, ArticleLink]:
    """Story and version/copy links of every article (or of ``ids``), without their text."""
    sql = (
        "SELECT id, name, outlet, published, story_id, version_of, copy_of, copy_kind FROM articles"
    )
    if ids is None:
        rows = store._query(sql)
    else:
        rows = _rows_in(store, sql + " WHERE id IN ({ids})", sorted(set(ids)))
    return {
        int(r["id"]): ArticleLink(
            id=int(r["id"]),
            name=r["name"],
            outlet=r["outlet"],
            published=r["published"],
            story_id=_int(r["story_id"]),
            version_of=_int(r["version_of"]),
            copy_of=_int(r["copy_of"]),
            copy_kind=r["copy_kind"],
        )
        for r in rows
    }


def verbatim_originals(store: Store, ids: Iterable[int]) -> dict[int, int]:
    """For each of ``ids`` stored as a verbatim copy, the first article with its text."""
    rows = _rows_in(
        store,
        "SELECT id, verbatim_of FROM articles WHERE verbatim_of IS NOT NULL AND id IN ({ids})",
        sorted(set(ids)),
    )
    return {int(r["id"]): int(r["verbatim_of"]) for r in rows}


def _int(value: object) -> int | None:
    """Schema v2 added the link columns without a type, so SQLite may hand back text."""
    if value is None or value == "":
        return None
    return int(str(value))


def link_article(store: Store, article_id: int, original_id: int, kind: str) -> None:
    """Record that ``article_id`` is a ``kind`` (version, copy, relay) of ``original_id``."""
    if kind not in COPY_KINDS:
        raise ValueError(f"copy kind must be one of {', '.join(COPY_KINDS)}, not {kind!r}")
    if article_id == original_id:
        raise ValueError("an article cannot be a copy of itself")
    version_of = original_id if kind == "version" else None
    copy_of = None if kind == "version" else original_id
    with store.transaction() as conn:
        conn.execute(
            "UPDATE articles SET version_of = ?, copy_of = ?, copy_kind = ? WHERE id = ?",
            (version_of, copy_of, kind, article_id),
        )


def assign_story(store: Store, article_ids: Sequence[int], label: str) -> int:
    """Put ``article_ids`` in one story, merging the stories they are already in.

    The oldest existing story survives a merge, so story ids stay stable as a corpus grows.
    """
    ids = sorted(set(article_ids))
    if not ids:
        raise ValueError("a story needs at least one article")
    marks = ",".join("?" * len(ids))
    with store.transaction() as conn:
        existing = sorted(
            {
                int(r[0])
                for r in conn.execute(
                    f"SELECT story_id FROM articles WHERE id IN ({marks}) AND story_id IS NOT NULL",
                    ids,
                )
            }
        )
        if existing:
            story_id = existing[0]
            others = existing[1:]
            if others:
                omarks = ",".join("?" * len(others))
                conn.execute(
                    f"UPDATE articles SET story_id = ? WHERE story_id IN ({omarks})",
                    [story_id, *others],
                )
                conn.execute(f"DELETE FROM stories WHERE id IN ({omarks})", others)
        else:
            cur = conn.execute("INSERT INTO stories (label) VALUES (?)", (label,))
            story_id = int(cur.lastrowid or 0)
        conn.execute(f"UPDATE articles SET story_id = ? WHERE id IN ({marks})", [story_id, *ids])
        conn.execute(
            "UPDATE stories SET first_published = (SELECT min(published) FROM articles"
            " WHERE story_id = stories.id), last_published = (SELECT max(published) FROM"
            " articles WHERE story_id = stories.id) WHERE id = ?",
            (story_id,),
        )
    return story_id


def stories(store: Store) -> list[Story]:
    rows = store._query(
        "SELECT s.*, (SELECT count(*) FROM articles a WHERE a.story_id = s.id) AS n"
        " FROM stories s ORDER BY s.id"
    )
    return [
        Story(int(r["id"]), r["label"] or "", r["first_published"], r["last_published"], r["n"])
        for r in rows
    ]


# -- who says a sentence -----------------------------------------------------------------------


def sentence_sources(store: Store, sentence_ids: Iterable[int]) -> dict[int, list[SourceRef]]:
    """The attributed sources of each sentence (sentences nobody is quoted in are absent)."""
    out: dict[int, list[SourceRef]] = {}
    rows = _rows_in(
        store,
        "SELECT sentence_id, source, canonical_source, source_type, stance FROM claims"
        " WHERE sentence_id IN ({ids}) ORDER BY position",
        sorted(set(sentence_ids)),
    )
    for r in rows:
        out.setdefault(int(r[0]), []).append(
            SourceRef(r[1] or "", r[2] or r[1] or "", r[3] or "unknown", r[4] or "asserts")
        )
    return out


def sentence_positions(store: Store, sentence_ids: Iterable[int]) -> dict[int, tuple[int, int]]:
    """``(idx, paragraph)`` of each sentence: how far apart two passages of one article are."""
    rows = _rows_in(
        store,
        "SELECT id, idx, paragraph FROM sentences WHERE id IN ({ids})",
        sorted(set(sentence_ids)),
    )
    return {int(r[0]): (int(r[1]), int(r[2])) for r in rows}


def first_body_units(store: Store, article_ids: Iterable[int]) -> dict[int, int]:
    """The place (``idx``) of each article's first body sentence, for articles that have one:
    what comes before it (title, byline, dateline) is not the report itself, so a sentence's
    place in the report counts from there (``events.position_factor``). One index probe per
    article: its units are walked in order until the first body sentence."""
    rows = _rows_in(
        store,
        "SELECT a.id, (SELECT s.idx FROM sentences s WHERE s.article_id = a.id"
        " AND s.kind = 'body' ORDER BY s.idx LIMIT 1) FROM articles a WHERE a.id IN ({ids})",
        sorted(set(article_ids)),
    )
    return {int(r[0]): int(r[1]) for r in rows if r[1] is not None}


def stance_sentences(store: Store, article_ids: Sequence[int], stance: str) -> list[int]:
    """Sentences of these articles that carry a claim of ``stance``, in reading order."""
    rows = _rows_in(
        store,
        "SELECT DISTINCT sentence_id FROM claims WHERE article_id IN ({ids}) AND stance = ?"
        " ORDER BY article_id, position",
        article_ids,
        after=[stance],
    )
    return [int(r[0]) for r in rows]


_EVENT_WORDS = {
    "killed": ("kill", "dead", "death", "died", "bodies", "toll"),
    "wounded": ("wound", "injur", "hurt"),
    "missing": ("missing",),
}


def figure_sentences(store: Store, article_ids: Sequence[int], event: str) -> list[tuple[int, str]]:
    """``(id, text)`` of the body sentences of these articles that may give a figure for
    ``event`` ("killed"): a word of the event and a digit or number word. A prefilter in SQL;
    the caller reads the figures."""
    words = _EVENT_WORDS.get(event, (event,))
    rows = _rows_in(
        store,
        "SELECT id, text FROM sentences WHERE article_id IN ({ids}) AND kind = 'body'"
        f" AND ({' OR '.join('text LIKE ?' for _ in words)}) ORDER BY article_id, idx",
        article_ids,
        after=[f"%{w}%" for w in words],
    )
    return [(int(r[0]), str(r[1])) for r in rows]


BodySentence = tuple[int, int, str, bool]
"""``(id, idx, text, has_claim)`` of one body sentence."""


def body_sentences(store: Store, article_id: int) -> list[BodySentence]:
    """An article's body sentences in reading order, each with whether a claim is in it."""
    rows = store._query(
        "SELECT s.id, s.idx, s.text, EXISTS (SELECT 1 FROM claims c WHERE c.sentence_id = s.id)"
        " FROM sentences s WHERE s.article_id = ? AND s.kind = 'body' ORDER BY s.idx",
        (article_id,),
    )
    return [(int(r[0]), int(r[1]), str(r[2]), bool(r[3])) for r in rows]


# -- independence and figure conflicts ---------------------------------------------------------


def set_independence(store: Store, counts: Mapping[str, tuple[int, int]]) -> None:
    """Store ``claim_id -> (independent supporting, independent contradicting)`` sources.

    The sources provenance found saying the claim too (``also_said_by``) stay counted.
    """
    with store.transaction() as conn:
        conn.executemany(
            "UPDATE claims SET independent_support = ? + also_said_by, independent_contradict = ?"
            " WHERE id = ?",
            [(int(s), int(c), claim_id) for claim_id, (s, c) in counts.items()],
        )


def replace_figure_conflicts(
    store: Store, items: Iterable[tuple[str, Sequence[FigureConflict]]]
) -> None:
    """Replace the figure conflicts of each claim in ``items`` (an empty list clears them)."""
    with store.transaction() as conn:
        for claim_id, conflicts in items:
            conn.execute("DELETE FROM figure_conflicts WHERE claim_id = ?", (claim_id,))
            conn.executemany(
                "INSERT INTO figure_conflicts (claim_id, event, summary, entries) VALUES (?,?,?,?)",
                [
                    (claim_id, c.event, c.summary, json.dumps([list(e) for e in c.entries]))
                    for c in conflicts
                ],
            )


def figure_conflicts(store: Store, claim_id: str) -> list[FigureConflict]:
    rows = store._query(
        "SELECT * FROM figure_conflicts WHERE claim_id = ? ORDER BY id", (claim_id,)
    )
    return [
        FigureConflict(
            claim_id=r["claim_id"],
            event=r["event"] or "",
            summary=r["summary"] or "",
            entries=tuple((str(e[0]), str(e[1])) for e in json.loads(r["entries"] or "[]")),
        )
        for r in rows
    ]


# -- a grouping pass written at once -----------------------------------------------------------


def sketch_sizes(store: Store, kind: str, article_ids: Iterable[int]) -> dict[int, int]:
    """How many ``kind`` hashes each article's sketch holds."""
    rows = _rows_in(
        store,
        "SELECT article_id, count(*) FROM article_sketches WHERE kind = ?"
        " AND article_id IN ({ids}) GROUP BY article_id",
        sorted(set(article_ids)),
        before=[kind],
    )
    return {int(r[0]): int(r[1]) for r in rows}


def apply_grouping(
    store: Store,
    sketches: Iterable[tuple[int, str, Iterable[int]]],
    links: Iterable[tuple[int, int, str]],
    components: Iterable[tuple[Sequence[int], str]],
    names: Iterable[tuple[int, Mapping[str, int]]] = (),
) -> dict[int, int]:
    """Write one grouping pass in one transaction: sketches, event names, copy links, stories.

    ``components`` are groups of article ids that belong to one story (with a label for a new
    story); a group that touches existing stories merges them into the oldest. Returns
    article id -> story id.
    """
    out: dict[int, int] = {}
    with store.transaction() as conn:
        for article_id, kind, hashes in sketches:
            conn.execute(
                "DELETE FROM article_sketches WHERE article_id = ? AND kind = ?",
                (article_id, kind),
            )
            conn.executemany(
                "INSERT INTO article_sketches (article_id, kind, h) VALUES (?,?,?)",
                [(article_id, kind, int(h)) for h in sorted(set(hashes))],
            )
        for article_id, counts in names:
            conn.execute("DELETE FROM article_names WHERE article_id = ?", (article_id,))
            conn.executemany(
                "INSERT INTO article_names (article_id, name, n) VALUES (?,?,?)",
                [(article_id, name, int(n)) for name, n in sorted(counts.items())],
            )
        for article_id, original_id, kind in links:
            if kind not in COPY_KINDS or article_id == original_id:
                raise ValueError(f"bad copy link {article_id} -> {original_id} ({kind})")
            conn.execute(
                "UPDATE articles SET version_of = ?, copy_of = ?, copy_kind = ? WHERE id = ?",
                (
                    original_id if kind == "version" else None,
                    None if kind == "version" else original_id,
                    kind,
                    article_id,
                ),
            )
        for members, label in components:
            ids = sorted(set(members))
            if not ids:
                continue
            existing: set[int] = set()
            for i in range(0, len(ids), _CHUNK):
                chunk = ids[i : i + _CHUNK]
                existing |= {
                    int(r[0])
                    for r in conn.execute(
                        "SELECT story_id FROM articles WHERE story_id IS NOT NULL"
                        f" AND id IN ({','.join('?' * len(chunk))})",
                        chunk,
                    )
                }
            if existing:
                story_id, *others = sorted(existing)
                for other in others:
                    conn.execute(
                        "UPDATE articles SET story_id = ? WHERE story_id = ?", (story_id, other)
                    )
                    conn.execute("DELETE FROM stories WHERE id = ?", (other,))
            else:
                cur = conn.execute("INSERT INTO stories (label) VALUES (?)", (label,))
                story_id = int(cur.lastrowid or 0)
            for i in range(0, len(ids), _CHUNK):
                chunk = ids[i : i + _CHUNK]
                conn.execute(
                    f"UPDATE articles SET story_id = ? WHERE id IN ({','.join('?' * len(chunk))})",
                    [story_id, *chunk],
                )
            conn.execute(
                "UPDATE stories SET first_published = (SELECT min(published) FROM articles"
                " WHERE story_id = stories.id), last_published = (SELECT max(published) FROM"
                " articles WHERE story_id = stories.id) WHERE id = ?",
                (story_id,),
            )
            out.update({a: story_id for a in ids})
    return out


def claims_of_stories(store: Store, article_ids: Iterable[int]) -> list[str]:
    """Claims whose evidence a new article can change: those in its stories (and its own),
    in reading order."""
    wanted = sorted(set(article_ids))
    if not wanted:
        return []
    out: list[str] = []
    for i in range(0, len(wanted), 500):
        chunk = wanted[i : i + 500]
        marks = ",".join("?" * len(chunk))
        rows = store._query(
            "SELECT c.id FROM claims c JOIN articles a ON a.id = c.article_id"
            f" WHERE a.id IN ({marks}) OR a.story_id IN"
            f" (SELECT story_id FROM articles WHERE id IN ({marks}) AND story_id IS NOT NULL)"
            " ORDER BY c.article_id, c.position",
            [*chunk, *chunk],
        )
        out += [r[0] for r in rows]
    return list(dict.fromkeys(out))


def article_source_names(store: Store, article_id: int) -> list[str]:
    """The canonical names of the sources an article quotes, each once."""
    rows = store._query(
        "SELECT DISTINCT canonical_source FROM claims WHERE article_id = ?", (article_id,)
    )
    return [r[0] for r in rows if r[0]]


# -- event identity ----------------------------------------------------------------------------


def name_sketches(store: Store, article_ids: Iterable[int]) -> dict[int, frozenset[int]]:
    """The hashed names each article uses most (sketch kind 't'), by article: who and where
    an article is about, to tell two events of one kind apart without re-reading its text."""
    wanted = sorted(set(article_ids))
    out: dict[int, set[int]] = {a: set() for a in wanted}
    rows = _rows_in(
        store,
        # "+kind": by article, never by scanning every article's names of one kind.
        "SELECT article_id, h FROM article_sketches WHERE article_id IN ({ids}) AND +kind = 't'",
        wanted,
    )
    for article_id, h in rows:
        out[int(article_id)].add(int(h))
    return {a: frozenset(hs) for a, hs in out.items()}


def event_names(store: Store, article_ids: Iterable[int]) -> dict[int, dict[str, int]]:
    """Each article's event reading (``text.events.read_event``): name -> times named.

    An article grouped before readings were stored has none (an empty dict).
    """
    wanted = sorted(set(article_ids))
    out: dict[int, dict[str, int]] = {a: {} for a in wanted}
    rows = _rows_in(
        store, "SELECT article_id, name, n FROM article_names WHERE article_id IN ({ids})", wanted
    )
    for article_id, name, n in rows:
        out[int(article_id)][str(name)] = int(n)
    return out


def name_frequencies(store: Store, names: Iterable[str]) -> dict[str, int]:
    """How many articles' readings hold each name: its rarity on the desk."""
    wanted = sorted(set(names))
    out: dict[str, int] = {}
    for i in range(0, len(wanted), _CHUNK):
        chunk = wanted[i : i + _CHUNK]
        rows = store._query(
            "SELECT name, count(*) FROM article_names"
            f" WHERE name IN ({','.join('?' * len(chunk))}) GROUP BY name",
            chunk,
        )
        out.update({str(r[0]): int(r[1]) for r in rows})
    return out


def named_articles(store: Store) -> int:
    """How many articles have an event reading: the desk the names' rarity is counted on."""
    rows = store._query("SELECT count(DISTINCT article_id) FROM article_names")
    return int(rows[0][0]) if rows else 0


def article_lead(store: Store, article_id: int, sentences: int) -> list[str]:
    """An article's title and its first ``sentences`` body sentences: what it is about."""
    rows = store._query(
        "SELECT text FROM sentences WHERE article_id = ?"
        " AND (kind = 'body' OR (kind = 'headline' AND idx = 0)) ORDER BY idx LIMIT ?",
        (article_id, sentences + 1),
    )
    return [str(r[0]) for r in rows]


def article_lead_facts(store: Store, article_id: int, sentences: int) -> list[PassageFacts]:
    """The stored readings of an article's title and first ``sentences`` body sentences
    (``article_lead``), in order; a sentence stored without one is left out."""
    rows = store._query(
        "SELECT id FROM sentences WHERE article_id = ?"
        " AND (kind = 'body' OR (kind = 'headline' AND idx = 0)) ORDER BY idx LIMIT ?",
        (article_id, sentences + 1),
    )
    ids = [int(r[0]) for r in rows]
    found = store.passage_facts(ids)
    return [found[i] for i in ids if i in found]
