"""The learned event decision: its shipped weights, its arithmetic, and how training fits."""

from __future__ import annotations

import math

import pytest

from verifier.corroborate.event_model import (
    FEATURES,
    LABEL_AT,
    MODEL_PATH,
    EventModel,
    likely_apart,
    lone,
    model_apart,
    shipped_model,
)
from verifier.corroborate.train_events import Example, _half, fit, ranking_auc


def _model(weights: tuple[float, ...], bias: float = 0.0) -> EventModel:
    n = len(weights)
    return EventModel(tuple(f"f{i}" for i in range(n)), (0.0,) * n, (1.0,) * n, weights, bias)


def test_shipped_model_is_small_and_reads_todays_features() -> None:
    assert MODEL_PATH.stat().st_size < 1_000_000
    model = shipped_model()
    assert model is not None, "event_model.json is missing or built for other features"
    assert model.features == FEATURES
    assert len(model.weights) == len(model.mean) == len(model.scale) == len(FEATURES)
    assert all(s > 0 for s in model.scale)


def test_probability_is_the_logistic_of_standardised_features() -> None:
    model = EventModel(("a", "b"), (1.0, 0.0), (2.0, 1.0), (1.5, -0.5), 0.25)
    z = 0.25 + 1.5 * (3.0 - 1.0) / 2.0 - 0.5 * 4.0
    assert model.probability([3.0, 4.0]) == pytest.approx(1.0 / (1.0 + math.exp(-z)))
    assert _model((1.0,), bias=-100.0).probability([0.0]) == 0.0  # no overflow far out


def test_model_round_trips_through_json() -> None:
    model = EventModel(("a", "b"), (1.0, 0.5), (2.0, 1.0), (1.5, -0.5), 0.25)
    assert EventModel.from_json(model.to_json()) == model


def test_fit_learns_which_feature_tells_the_events_apart() -> None:
    # Feature 0 tells another event (mostly), feature 1 is noise: deterministic data.
    rows = []
    labels = []
    for i in range(200):
        other = i % 2 == 0
        signal = (1.0 if other else -1.0) + (0.8 if i % 7 == 0 else 0.0) * (-1 if other else 1)
        rows.append([signal, float((i * 37) % 11) / 5.0 - 1.0])
        labels.append(other)
    w = fit(rows, labels)
    assert w[0] > 1.0
    assert abs(w[1]) < 0.5 * w[0]
    model = _model(tuple(w[:-1]), w[-1])
    assert model.probability([1.0, 0.0]) > 0.8 > 0.2 > model.probability([-1.0, 0.0])
    assert fit(rows, labels) == w  # no random start: the same data, the same weights


def _example(other: bool, rule: float, rank: int = 0) -> Example:
    return Example(1, True, other, rank, [rule])


def test_ranking_auc_reads_what_the_rules_leave_in_the_first_ten() -> None:
    data = [
        _example(True, 0.0),
        _example(True, 0.0),
        _example(False, 0.0),
        _example(False, 0.0),
        _example(True, 1.0),  # set apart by the rules already: not read
        _example(False, 0.0, rank=12),  # beyond the first ten: not read
    ]
    assert ranking_auc(data, [0.9, 0.8, 0.1, 0.2, 0.0, 0.95]) == 1.0
    assert ranking_auc(data, [0.1, 0.2, 0.9, 0.8, 1.0, 0.0]) == 0.0
    assert ranking_auc(data, [0.5, 0.5, 0.5, 0.5, 0.5, 0.5]) == 0.5


def test_doc_names_give_topic_and_half() -> None:
    assert _half("12_3ecb.md") == (12, False)
    assert _half("12_3ecbplus.md") == (12, True)


def test_a_hit_likely_enough_of_another_event_is_set_apart() -> None:
    chance = {1: LABEL_AT, 2: 0.9, 3: LABEL_AT / 2, 4: 0.0}
    assert likely_apart(chance) == {1, 2}
    assert likely_apart(chance, at=0.95) == frozenset()


def _features(same_story: float, near_own_story: float) -> list[float]:
    x = [0.5] * len(FEATURES)
    x[FEATURES.index("same_story")] = same_story
    x[FEATURES.index("near_own_story")] = near_own_story
    return x


def test_a_lone_report_is_never_set_apart_by_the_model_but_its_chance_still_ranks() -> None:
    """A report outside the claim's story with no report of its own story near it: the
    model's story features read nothing there (a one-event desk's independent reports)."""
    assert lone(_features(0.0, 0.0))
    assert not lone(_features(1.0, 0.0))  # in the claim's story
    assert not lone(_features(0.0, 0.4))  # in a story of its own with reports near it
    features = {1: _features(0.0, 0.0), 2: _features(0.0, 0.4), 3: _features(1.0, 0.0)}
    chance = {1: 0.9, 2: 0.9, 3: LABEL_AT / 2}
    assert model_apart(features, chance) == {2}
    assert model_apart(features, chance, at=0.95) == frozenset()
