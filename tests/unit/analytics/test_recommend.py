"""The recommender on hand-made purchase lines: each model, the blend's choice, reasons, baselines."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pandas as pd

from loyalty_desktop.analytics.recommend import LINE_COLUMNS, Reason, Settings, Weights, build
from loyalty_desktop.analytics.recommend.baselines import (
    global_top,
    personal_then_global,
    personal_top,
)

DAY = pd.Timestamp("2026-03-31")


def lines(rows: Sequence[tuple[str, str, str, float, str | None]]) -> pd.DataFrame:
    """(member_no, day, sku, qty, category) rows as ``ReportSource.purchase_lines`` gives them."""
    frame = pd.DataFrame(rows, columns=list(LINE_COLUMNS))
    return frame.assign(local_date=pd.to_datetime(frame["local_date"]))


def shop_history() -> pd.DataFrame:
    rows: list[tuple[str, str, str, float, str | None]] = []
    # Ten members buy bread and butter together; five of them also jam.
    for n in range(10):
        rows += [(f"M{n}", "2026-03-01", "bread", 1, "bakery")]
        rows += [(f"M{n}", "2026-03-01", "butter", 1, "dairy")]
        if n < 5:
            rows += [(f"M{n}", "2026-03-02", "jam", 1, "pantry")]
    # A: milk every week, and bread once.
    rows += [("A", f"2026-03-{d:02d}", "milk", 2, "dairy") for d in (3, 10, 17, 24)]
    rows += [("A", "2026-03-24", "bread", 1, "bakery")]
    # B bought cheese once (a dairy buyer with little history).
    rows += [("B", "2026-03-20", "cheese", 1, "dairy")]
    # A return that cancels C's only purchase.
    rows += [("C", "2026-03-20", "jam", 1, "pantry"), ("C", "2026-03-20", "jam", -1, "pantry")]
    # A sale rung up by its total: a line without an item.
    rows += [("A", "2026-03-24", "", 1, None)]
    # After the model's day: never seen.
    rows += [("A", "2026-04-02", "caviar", 1, "deli")]
    return lines(rows)


def test_a_regular_gets_what_they_often_buy_first_then_what_goes_with_it() -> None:
    model = build(shop_history(), DAY)
    got = model.recommend("A", 3)
    assert [s.sku for s in got[:2]] == ["milk", "bread"]
    assert got[0].reason is Reason.AGAIN
    butter = next(s for s in model.recommend("A", 5) if s.sku == "butter")
    assert butter.reason is Reason.WITH
    assert butter.related == "bread"
    assert "caviar" not in model.items  # after the model's day


def test_a_new_member_gets_the_popular_items() -> None:
    model = build(shop_history(), DAY)
    got = model.recommend("nobody", 2)
    assert [s.sku for s in got] == ["bread", "butter"]
    assert {s.reason for s in got} == {Reason.POPULAR}
    # A purchase fully returned is no history either.
    assert [s.sku for s in model.recommend("C", 2)] == ["bread", "butter"]


def test_a_member_with_little_history_gets_their_items_then_their_categories() -> None:
    model = build(shop_history(), DAY)
    got = model.recommend("B", 2)
    assert got[0].sku == "cheese"
    assert got[0].reason is Reason.AGAIN
    assert got[1].sku in {"butter", "milk"}  # dairy, the popular first
    assert got[1].reason is Reason.CATEGORY
    assert got[1].related == "dairy"


def test_exclusions_leave_items_out() -> None:
    model = build(shop_history(), DAY)
    skus = [s.sku for s in model.recommend("A", 5, exclude=model.item_mask(["milk"]))]
    assert "milk" not in skus
    assert skus
    recent = [s.sku for s in model.recommend("A", 5, skip_bought_within_days=10)]
    assert "milk" not in recent
    assert "bread" not in recent
    older = [s.sku for s in model.recommend("A", 5, skip_bought_within_days=6)]
    assert older[:2] == ["milk", "bread"]  # last bought 7 days before the model's day
    assert next(s.sku for s in model.recommend("A", 5, skip_bought_within_days=7)) == "butter"


def test_recency_decay_prefers_what_is_bought_lately() -> None:
    rows = [("D", f"2025-0{m}-01", "old", 1, None) for m in (1, 2, 3)]
    rows += [("D", "2026-03-25", "new", 1, None), ("D", "2026-03-28", "new", 1, None)]
    slow = build(lines(rows), DAY, Settings(half_life_days=10_000))
    fast = build(lines(rows), DAY, Settings(half_life_days=30))
    assert slow.recommend("D", 1)[0].sku == "old"
    assert fast.recommend("D", 1)[0].sku == "new"


def test_co_purchase_shrinks_rare_pairs() -> None:
    rows = [(f"M{n}", "2026-03-01", "tea", 1, None) for n in range(30)]
    rows += [(f"M{n}", "2026-03-01", "lemon", 1, None) for n in range(20)]
    rows += [("R", "2026-03-01", "tea", 1, None), ("R", "2026-03-01", "oddity", 1, None)]
    model = build(lines(rows), DAY, Settings(shrink=10))
    row = model.similar[model.items.get_loc("tea")].toarray().ravel()
    assert row[model.items.get_loc("lemon")] > row[model.items.get_loc("oddity")] > 0
    assert row[model.items.get_loc("tea")] == 0


def test_scores_come_in_order_and_only_the_weights_choose() -> None:
    only_again = build(shop_history(), DAY, Settings(weights=Weights(1, 0, 0, 0)))
    got = only_again.recommend("A", 10)
    assert [s.sku for s in got] == ["milk", "bread"]  # nothing else scores above zero
    scores = [s.score for s in got]
    assert scores == sorted(scores, reverse=True)


def test_the_baselines() -> None:
    model = build(shop_history(), DAY)
    top = global_top(model, 3)
    assert top == ["bread", "butter", "jam"]
    assert personal_top(model, "A", 5) == ["milk", "bread"]
    assert personal_then_global(model, "A", 3, top) == ["milk", "bread", "butter"]
    assert personal_then_global(model, "new", 2, top) == ["bread", "butter"]
    assert np.isclose(model.popularity.max(), 1.0)
