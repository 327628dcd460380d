"""A generated news corpus with the traps corroboration must see through.

Events happen in invented places (names made of random syllables, so nothing is real and each
event has words of its own); each event is reported by several outlets:

* an original report, sometimes followed by a later **version** from the same outlet (a
  raised toll, a paragraph added);
* **copies** in other outlets: verbatim or lightly edited (a paragraph dropped, two swapped);
* independent reports with their own sources and **conflicting figures** for the same toll,
  and now and then a denial.

``generate(n)`` yields ``(Document, Truth)``: the truth says which article a copy or version
repeats, so a benchmark can score near-duplicate detection as well as time it.
"""

from __future__ import annotations

import random
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, timedelta

from verifier.models import Document

_SYLLABLES = [
    "ka",
    "ri",
    "mo",
    "lan",
    "ves",
    "tor",
    "ba",
    "del",
    "sun",
    "ar",
    "ei",
    "pol",
    "nam",
    "ith",
    "ru",
    "gor",
    "sel",
    "ma",
    "tan",
    "vik",
    "oro",
]
_FACILITIES = ("hospital", "market", "school", "bridge", "power station", "bakery", "camp")
_WEAPONS = ("Artillery shells", "A drone strike", "Airstrikes", "Rockets", "A car bomb")
_OUTLET_WORDS = ("Herald", "Courier", "Observer", "Ledger", "Times", "Wire", "Post", "Daily")


@dataclass(frozen=True, slots=True)
class Truth:
    """What an article really is: ``kind`` original | version | copy, and of which article."""

    name: str
    event: int
    kind: str
    of: str | None = None


def _name(rng: random.Random, parts: int = 2) -> str:
    return "".join(rng.choice(_SYLLABLES) for _ in range(parts)).capitalize()


@dataclass(slots=True)
class _Event:
    number: int
    town: str
    region: str
    facility: str
    weapon: str
    day: date
    toll: int
    wounded: int
    ministry: str
    ngo: str
    spokesman: str
    group: str


def _event(rng: random.Random, number: int, start: date) -> _Event:
    return _Event(
        number=number,
        town=_name(rng, rng.randint(2, 3)),
        region=_name(rng, 2),
        facility=rng.choice(_FACILITIES),
        weapon=rng.choice(_WEAPONS),
        day=start + timedelta(days=rng.randint(0, 700)),
        toll=rng.randint(3, 40),
        wounded=rng.randint(5, 90),
        ministry=f"{_name(rng)} Ministry of Health",
        ngo=f"{_name(rng)} Relief Committee",
        spokesman=f"{_name(rng)} {_name(rng, 3)}",
        group=f"{_name(rng)} Liberation Front",
    )


def _paragraphs(
    ev: _Event, outlet: str, rng: random.Random, toll: int, style: int = 0
) -> list[str]:
    """One outlet's report. ``style`` 0 is the original wording; 1 and 2 are independent
    reporters who word the same facts their own way (a copy keeps style 0)."""
    weekday = ev.day.strftime("%A")
    more = rng.randint(2, 6)
    bodies = toll + rng.choice((-2, -1, 0, 0, 1, 3))
    variants = [
        [
            f"{ev.weapon} hit the {ev.facility} in the town of {ev.town} on {weekday}, killing"
            f" at least {toll} people, according to the {ev.ministry}.",
            f"At least {toll} people died when the {ev.facility} in {ev.town} came under attack"
            f" on {weekday}, the {ev.ministry} said.",
            f"The {ev.ministry} put the death toll from {weekday}'s attack on {ev.town}'s"
            f" {ev.facility} at {toll}.",
        ],
        [
            f"{ev.wounded} people were wounded, {ev.spokesman}, a spokesman for the ministry,"
            f" said in a statement, blaming the {ev.group} for the attack.",
            f"Ministry spokesman {ev.spokesman} accused the {ev.group} of carrying out the"
            f" strike and said {ev.wounded} were injured.",
            f"Officials blamed the {ev.group}; {ev.spokesman} told reporters that {ev.wounded}"
            f" people had been hurt.",
        ],
        [
            f"The {ev.group} denied any role in the attack and called the accusation"
            f" “baseless lies.”",
            f"A spokesman for the {ev.group} rejected the accusation.",
            f"The {ev.group} said it had not fired on {ev.town}.",
        ],
        [
            f"Residents of {ev.town} said the first blast came shortly before noon and that"
            f" {more} more followed within minutes.",
            f"“We heard one explosion, then {more} more,” said a shopkeeper in {ev.town}.",
            f"Witnesses in {ev.town} described {more + 1} explosions in quick succession.",
        ],
        [
            f"The {ev.ngo}, a volunteer rescue group, said its teams had recovered {bodies}"
            f" bodies from the {ev.facility}.",
            f"Rescuers from the {ev.ngo} said they had pulled {bodies} bodies from the rubble.",
            f"The {ev.ngo} said {bodies} people were killed at the {ev.facility}.",
        ],
        [
            f"{outlet} could not independently verify the figures.",
            f"The figures could not be independently confirmed by {outlet}.",
            f"{outlet} was unable to verify either account.",
        ],
        [
            f"Fighting in {ev.region} province has intensified since the spring, with both"
            f" sides accusing each other of targeting civilian sites.",
            f"Clashes across {ev.region} have displaced thousands this year.",
            f"The {ev.region} front has seen heavy fighting for months.",
        ],
    ]
    paras = [v[style] if style == 0 else v[rng.choice((1, 2))] for v in variants]
    if rng.random() < 0.5:
        paras.append(
            f"A video verified by {outlet} shows smoke rising over the {ev.facility} in"
            f" {ev.town} as rescuers carry the wounded to ambulances."
        )
    return paras


def _text(headline: str, byline: str, paragraphs: list[str]) -> str:
    return "\n\n".join([headline, byline, *paragraphs])


def generate(
    articles: int, *, seed: int = 4, outlets: int = 40
) -> Iterator[tuple[Document, Truth]]:
    """``articles`` documents about ``articles // 6`` events, with versions and copies."""
    rng = random.Random(seed)
    names = [f"The {_name(rng)} {rng.choice(_OUTLET_WORDS)}" for _ in range(outlets)]
    start = date(2023, 1, 1)
    produced = 0
    number = 0
    while produced < articles:
        ev = _event(rng, number, start)
        number += 1
        reporters = rng.sample(names, k=min(len(names), rng.randint(3, 6)))
        original_outlet = reporters[0]
        base = _paragraphs(ev, original_outlet, rng, ev.toll)
        headline = f"{ev.weapon} kill {ev.toll} at {ev.town} {ev.facility}"
        items: list[tuple[str, str, str, date, str, str | None]] = []
        first = f"ev{ev.number:06d}_a.txt"
        items.append(
            (
                first,
                original_outlet,
                _text(headline, f"By {_name(rng)}, {original_outlet}", base),
                ev.day,
                "original",
                None,
            )
        )
        if rng.random() < 0.3:  # a later version of the same story, toll raised
            raised = ev.toll + rng.randint(1, 6)
            updated = [p.replace(f"at least {ev.toll} ", f"at least {raised} ") for p in base]
            updated.insert(
                2,
                f"Rescuers were still searching the rubble of the {ev.facility} "
                f"on {(ev.day + timedelta(days=1)).strftime('%A')}.",
            )
            items.append(
                (
                    f"ev{ev.number:06d}_v2.txt",
                    original_outlet,
                    _text(
                        headline.replace(str(ev.toll), str(raised)),
                        f"By {_name(rng)}, {original_outlet}",
                        updated,
                    ),
                    ev.day + timedelta(days=1),
                    "version",
                    first,
                )
            )
        for k, outlet in enumerate(reporters[1:], start=1):
            day = ev.day + timedelta(days=rng.randint(0, 2))
            if rng.random() < 0.4:  # a copy: verbatim or lightly edited
                copied = [p.replace(original_outlet, outlet) for p in base]
                if rng.random() < 0.5 and len(copied) > 4:
                    copied.pop(rng.randrange(3, len(copied)))
                    i = rng.randrange(1, len(copied) - 1)
                    copied[i], copied[i + 1] = copied[i + 1], copied[i]
                items.append(
                    (
                        f"ev{ev.number:06d}_c{k}.txt",
                        outlet,
                        _text(
                            f"{ev.town}: {ev.facility} attack",
                            f"By {outlet} staff, {outlet}",
                            copied,
                        ),
                        day,
                        "copy",
                        first,
                    )
                )
            else:  # an independent report with its own figure
                toll = ev.toll + rng.choice((0, 0, 2, -1, 5))
                own = _paragraphs(ev, outlet, rng, toll, style=1)
                rng.shuffle(own)
                items.append(
                    (
                        f"ev{ev.number:06d}_i{k}.txt",
                        outlet,
                        _text(f"Deadly strike on {ev.town}", f"By {_name(rng)}, {outlet}", own),
                        day,
                        "original",
                        None,
                    )
                )
        for name, outlet, text, day, kind, of in items:
            if produced >= articles:
                return
            produced += 1
            yield (
                Document(
                    name=name,
                    text=text,
                    content_hash=f"gen4-{seed}-{name}",
                    outlet=outlet,
                    published=day.isoformat(),
                ),
                Truth(name, ev.number, kind, of),
            )


def generate_breaking(
    articles: int, *, seed: int = 7, outlets: int = 60
) -> Iterator[tuple[Document, Truth]]:
    """A breaking-story desk: ``articles`` documents about **one** event, as a newsroom sees
    it in its first days. Wire originals are picked up verbatim or lightly edited by many
    outlets, the wire files new versions as the toll rises (each picked up again), and the
    rest are independent reports with their own figures. Articles run to news length
    (1.5-4 k characters): background, quotes and the rolling toll, so per-story work that is
    quadratic in the story's size shows up as it would on a real desk.
    """
    rng = random.Random(seed)
    names = [f"The {_name(rng)} {rng.choice(_OUTLET_WORDS)}" for _ in range(outlets)]
    ev = _event(rng, 0, date(2024, 3, 1))
    background = [
        f"{ev.town} lies in {ev.region} province, about {rng.randint(20, 90)} kilometres from"
        f" the front line, and had been spared the worst of the fighting until {_name(rng)}.",
        f"The {ev.facility} had served {rng.randint(2, 40)} thousand people from {ev.town} and"
        f" the surrounding villages of {_name(rng)} and {_name(rng, 3)}.",
        f"In {rng.choice(('January', 'February', 'March'))}, an attack on {_name(rng, 3)} killed"
        f" {rng.randint(3, 30)} people; the {ev.group} was blamed then too.",
        f"Aid groups say {rng.randint(10, 400)} thousand people have fled {ev.region} since the"
        f" fighting began, many of them to camps near {_name(rng)}.",
        f"The {ev.ministry} has counted {rng.randint(100, 900)} civilian deaths in {ev.region}"
        f" this year, a figure the {ev.group} disputes.",
    ]
    for _ in range(20):  # reactions and on-the-ground detail, each sentence its own voice
        who = f"{_name(rng)} {_name(rng, 3)}"
        background.append(
            rng.choice(
                (
                    f"{who}, a {rng.choice(('teacher', 'nurse', 'driver', 'farmer'))} from"
                    f" {ev.town}, said {rng.randint(2, 9)} of her neighbours were still missing"
                    f" and that the {ev.facility} had been the only one for miles.",
                    f"{who}, the governor of {ev.region}, called the attack a crime and said"
                    f" {rng.randint(2, 12)} ambulances had been sent from {_name(rng)}.",
                    f"The {_name(rng)} embassy condemned the attack on {ev.town}, and {who},"
                    f" its spokesperson, called for an independent inquiry within"
                    f" {rng.randint(2, 30)} days.",
                    f"Doctors at the {_name(rng)} clinic said they had treated"
                    f" {rng.randint(5, 60)} patients by nightfall, {who} told reporters.",
                )
            )
        )
    wire = [names[0], names[1]]  # two agencies file the originals the desk's outlets copy
    produced = 0
    pool: list[tuple[str, str, list[str], int]] = []  # (name, outlet, paragraphs, toll)
    version = 0
    toll = ev.toll
    while produced < articles:
        roll = rng.random()
        day = ev.day + timedelta(days=min(produced * 3 // max(articles, 1), 2))
        if not pool or roll < 0.08:  # the wire files a (new version of its) story
            version += 1
            toll += rng.randint(0, 4) if pool else 0
            agency = wire[version % 2]
            paras = _paragraphs(ev, agency, rng, toll)
            paras += rng.sample(background, k=rng.randint(12, len(background)))
            of = next((p[0] for p in pool if p[1] == agency), None)
            name = f"wire{version:03d}.txt"
            pool.append((name, agency, paras, toll))
            kind, headline, outlet = ("version" if of else "original"), f"{toll} killed", agency
        elif roll < 0.7:  # a pick-up: verbatim or lightly edited copy of a wire story
            source, _agency, paras, toll_then = rng.choice(pool)
            outlet = rng.choice(names[2:])
            paras = [p.replace(_agency, outlet) for p in paras]
            if rng.random() < 0.6 and len(paras) > 5:
                paras.pop(rng.randrange(3, len(paras)))
                i = rng.randrange(1, len(paras) - 1)
                paras[i], paras[i + 1] = paras[i + 1], paras[i]
            name, kind, of = f"copy{produced:04d}.txt", "copy", source
            headline = f"{ev.town}: {toll_then} dead in attack on {ev.facility}"
        else:  # an independent report, its own wording and figure
            outlet = rng.choice(names[2:])
            own_toll = toll + rng.choice((0, 0, 2, -1, 5))
            paras = _paragraphs(ev, outlet, rng, own_toll, style=1)
            paras += rng.sample(background, k=rng.randint(8, 16))
            rng.shuffle(paras)
            name, kind, of = f"own{produced:04d}.txt", "original", None
            headline = f"Deadly strike on {ev.town}"
        produced += 1
        yield (
            Document(
                name=name,
                text=_text(headline, f"By {_name(rng)}, {outlet}", paras),
                content_hash=f"breaking-{seed}-{name}",
                outlet=outlet,
                published=day.isoformat(),
            ),
            Truth(name, ev.number, kind, of),
        )
