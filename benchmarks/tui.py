"""The review TUI at 100k claims: time to first paint, and key -> screen updated.

The database is filled with direct inserts (no NLP: this measures the TUI, not ingest), in
the real schema, with evidence for every claim and a share already rated, so the queue, the
unrated set and every pane do the work they do on a real desk. Timings go through
``App.run_test()`` (headless), each key press followed by ``pilot.pause()`` so the time
includes the handlers, the store reads and the repaint the key caused.

``python -m benchmarks --tui [--claims N]``
"""

from __future__ import annotations

import asyncio
import json
import random
import statistics
import tempfile
import time
from pathlib import Path

from verifier.store import Store
from verifier.store.db import now_iso

CLAIMS_PER_ARTICLE = 50
SOURCES = [
    ("SANA", "state_media"),
    ("the Syrian Observatory for Human Rights", "ngo"),
    ("a military official", "anonymous"),
    ("the White Helmets", "ngo"),
    ("HTS", "armed_group"),
    ("the UN", "intl_org"),
    ("residents", "eyewitness"),
    ("the defence ministry", "government"),
]


def fill(path: Path, claims: int, *, seed: int = 7) -> Store:
    """A database holding ``claims`` claims in articles of CLAIMS_PER_ARTICLE, quickly."""
    rng = random.Random(seed)
    store = Store(path)
    articles = max(1, claims // CLAIMS_PER_ARTICLE)
    conn = store.conn
    conn.execute("PRAGMA synchronous = OFF")
    conn.execute("BEGIN")
    made = 0
    for a in range(articles):
        sentences = []
        offset = 0
        parts = []
        count = min(CLAIMS_PER_ARTICLE, claims - made)
        for i in range(count):
            source, _ = SOURCES[(a + i) % len(SOURCES)]
            text = (
                f"At least {rng.randint(2, 400)} people were killed in strikes on district "
                f"{a}-{i} overnight, {source} said."
            )
            sentences.append((i, i // 3, offset, offset + len(text), text))
            parts.append(text)
            offset += len(text) + 1
        body = " ".join(parts)
        cur = conn.execute(
            "INSERT INTO articles (name, path, content_hash, title, outlet, url, published,"
            " byline, fmt, text, ingested_at) VALUES (?,?,?,?,?,?,?,?,?,?,?)",
            (
                f"article-{a:05d}.txt",
                "",
                f"hash-{a}",
                f"Strikes, day {a}",
                f"Outlet {a % 40}",
                None,
                f"2024-{1 + a % 12:02d}-{1 + a % 28:02d}",
                None,
                "txt",
                body,
                now_iso(),
            ),
        )
        article_id = int(cur.lastrowid or 0)
        for idx, paragraph, start, end, text in sentences:
            cur = conn.execute(
                "INSERT INTO sentences (article_id, idx, paragraph, kind, start, end, text)"
                " VALUES (?,?,?,?,?,?,?)",
                (article_id, idx, paragraph, "body", start, end, text),
            )
            sentence_id = int(cur.lastrowid or 0)
            source, source_type = SOURCES[(a + idx) % len(SOURCES)]
            content_end = text.index(f", {source} said")
            source_start = content_end + 2 + start
            claim_id = f"c{a:05d}-{idx:03d}"
            conn.execute(
                "INSERT INTO claims (id, article_id, sentence_id, position, sentence, source,"
                " resolved_source, canonical_source, source_type, cue, content, stance, quote,"
                " hedges, sentence_start, sentence_end, source_start, source_end, cue_start,"
                " cue_end, content_start, content_end, priority, facts, gist)"
                " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                (
                    claim_id,
                    article_id,
                    sentence_id,
                    idx,
                    text,
                    source,
                    source,
                    source,
                    source_type,
                    "said",
                    text[:content_end],
                    "asserts",
                    "indirect",
                    "[]",
                    start,
                    end,
                    source_start,
                    source_start + len(source),
                    end - 5,
                    end - 1,
                    start,
                    start + content_end,
                    round(rng.random(), 4),
                    json.dumps({"quantities": [{"text": text.split(" people")[0]}]}),
                    "",
                ),
            )
            made += 1
    # Three evidence sentences per claim, from neighbouring articles.
    rows = conn.execute("SELECT id, sentence_id FROM claims").fetchall()
    evidence = []
    for claim_id, sentence_id in rows:
        for rank in range(3):
            other = sentence_id + CLAIMS_PER_ARTICLE * (rank + 1)
            if other <= made:
                evidence.append(
                    (claim_id, other, 10.0 - rank, rank + 1, "supports_partly", rank % 2, "[]")
                )
    conn.executemany(
        "INSERT OR IGNORE INTO evidence (claim_id, sentence_id, score, rank, relation,"
        " independent, reasons) VALUES (?,?,?,?,?,?,?)",
        evidence,
    )
    # Claim clusters, as provenance builds them: two thirds of the claims are copies of a
    # claim in the article before (the same statement in three articles in a row), so the
    # queue holds a cluster's first appearance and its rating covers the copies.
    conn.executemany(
        "UPDATE claims SET cluster_id = ? WHERE id = ?",
        [
            (f"c{a - a % 3:05d}-{i:03d}", f"c{a:05d}-{i:03d}")
            for a in range(articles - articles % 3)
            for i in range(CLAIMS_PER_ARTICLE)
        ],
    )
    # A tenth already rated, spread through the queue.
    conn.execute("INSERT INTO sessions (reviewer, started_at) VALUES ('earlier', ?)", (now_iso(),))
    conn.executemany(
        "INSERT INTO verdicts (claim_id, rating, reviewer, session_id, updated_at)"
        " VALUES (?,?,?,?,?)",
        [(r[0], 1 + i % 6, "earlier", 1, now_iso()) for i, r in enumerate(rows) if i % 10 == 0],
    )
    conn.execute("COMMIT")
    conn.execute("PRAGMA synchronous = FULL")
    return store


def _percentiles(samples: list[float]) -> tuple[float, float]:
    ordered = sorted(samples)
    p95 = ordered[min(len(ordered) - 1, int(round(0.95 * (len(ordered) - 1))))]
    return statistics.median(ordered), p95


class FrameClock:
    """Timestamps every frame the screen paints (headless: the compositor's update).

    Textual has no public "frame painted" event, so the benchmark wraps the screen's
    compositor refresh; the latency of a key is the time to the last frame it caused, which
    is what a user waits for. Pilot's own waiting is thereby not counted.
    """

    def __init__(self) -> None:
        self.frames: list[float] = []

    def __enter__(self) -> FrameClock:
        from textual.screen import Screen

        self._original = Screen._compositor_refresh
        frames, original = self.frames, self._original

        def timed(screen: Screen[object]) -> None:
            original(screen)
            frames.append(time.perf_counter())

        Screen._compositor_refresh = timed  # type: ignore[method-assign]
        return self

    def __exit__(self, *exc: object) -> None:
        from textual.screen import Screen

        Screen._compositor_refresh = self._original  # type: ignore[method-assign]

    def last_after(self, start: float) -> float | None:
        later = [t for t in self.frames if t > start]
        return later[-1] if later else None


async def _measure(store: Store, presses: int, clock: FrameClock) -> dict[str, float]:
    from textual.pilot import Pilot

    from verifier.tui import VerifierApp
    from verifier.tui.screens.main import MainScreen

    app = VerifierApp(store, "bench")

    async def key_latency(pilot: Pilot[None], key: str) -> tuple[float, float]:
        """(first frame showing the new claim, last frame the key caused) after the press."""
        started = time.perf_counter()
        await pilot.press(key)
        await pilot.pause()
        await app.settled()
        await pilot.pause()
        shown = _shown_at(app.screen)
        first = next((t for t in clock.frames if t > max(started, shown)), None)
        last = clock.last_after(started)
        end = time.perf_counter()
        return ((first or end) - started, (last or end) - started)

    started = time.perf_counter()
    async with app.run_test(size=(160, 48)) as pilot:
        screen = app.screen
        while not isinstance(screen, MainScreen) or screen.context is None:
            await pilot.pause(0.001)
            screen = app.screen
        # The first frame painted with a claim in the panes.
        while clock.last_after(started) is None or (clock.frames[-1] < _shown_at(screen)):
            await pilot.pause(0.001)
        first_claim = clock.frames[-1] - started
        moves = [(await key_latency(pilot, "j"))[0] for _ in range(presses)]
        rated = [await key_latency(pilot, str(1 + n % 6)) for n in range(presses)]
        ratings = [shown for shown, _ in rated]
        saved = [last for _, last in rated]
        await app.settled()
        await pilot.press("q")
    move50, move95 = _percentiles(moves)
    rate50, rate95 = _percentiles(ratings)
    saved50, saved95 = _percentiles(saved)
    return {
        "first_claim_s": first_claim,
        "next_p50_ms": move50 * 1000,
        "next_p95_ms": move95 * 1000,
        "rate_p50_ms": rate50 * 1000,
        "rate_p95_ms": rate95 * 1000,
        "saved_p50_ms": saved50 * 1000,
        "saved_p95_ms": saved95 * 1000,
    }


def _shown_at(screen: object) -> float:
    return float(getattr(screen, "shown_at", 0.0))


BASELINE_CLAIMS = 1_000
"""The in-run baseline: the same measurements on a small queue, so the figures at scale
read as a cost of size (a ratio) whatever the machine's speed or load."""


def _measure_db(claims: int, presses: int) -> tuple[dict[str, float], float]:
    """Fill a fresh database with ``claims`` claims and measure it: (figures, fill seconds)."""
    with tempfile.TemporaryDirectory() as tmp:
        t = time.perf_counter()
        store = fill(Path(tmp) / "bench.db", claims)
        filled = time.perf_counter() - t
        try:
            with FrameClock() as clock:
                figures = asyncio.run(_measure(store, presses, clock))
        finally:
            store.close()
    return figures, filled


def _ratio(value: float, base: float) -> str:
    return f"{value / base:.1f}x" if base > 0 else "-"


def run(claims: int = 100_000, presses: int = 200) -> dict[str, float]:
    """Measure at ``claims`` and at the 1k baseline in the same run; print both and ratios.

    Returns the figures at ``claims``, with the baseline's under ``baseline_*`` keys.
    """
    base, _ = _measure_db(BASELINE_CLAIMS, presses)
    figures, filled = _measure_db(claims, presses)

    def vs(key: str, unit: str, scale: float = 1.0, digits: int = 1) -> str:
        value, baseline = figures[key] * scale, base[key] * scale
        return (
            f"{value:.{digits}f} {unit} = {_ratio(value, baseline)} the {BASELINE_CLAIMS:,} "
            f"baseline ({baseline:.{digits}f} {unit})"
        )

    print(
        f"tui  {claims:,} claims (filled in {filled:.1f} s) · first paint with a claim "
        f"{vs('first_claim_s', 's', digits=2)}"
    )
    print(f"tui  j -> next claim p50 {vs('next_p50_ms', 'ms')} · p95 {vs('next_p95_ms', 'ms')}")
    print(
        f"tui  rating key -> next unrated p50 {vs('rate_p50_ms', 'ms')} · p95 "
        f"{vs('rate_p95_ms', 'ms')}"
    )
    print(f"tui  ({presses} presses each; targets at 100k: first paint <= 1 s, p95 <= 50 ms)")
    print(
        f"tui  rating key -> verdict committed and shown (fsync included) p50 "
        f"{vs('saved_p50_ms', 'ms')} · p95 {vs('saved_p95_ms', 'ms')}"
    )
    return figures | {f"baseline_{key}": value for key, value in base.items()}
