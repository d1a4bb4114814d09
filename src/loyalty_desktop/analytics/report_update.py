"""RFM and churn brought up to date from earlier workings: only the touched members computed again.

A member's RFM figures (last purchase, purchase days, spend) and churn
features depend on that member's own sales, points and tier alone, and the
churn model and back-test only on data before the report's shop day
(``churn``). So when the nightly job's workings are from the same shop day
and the changes since touch a few members and nothing before that day, the
report now is: the stored rows of everybody else, the touched members'
rows computed from their own history, then what is shared computed again
(RFM quintiles and segments over all members; the churn order). Each step
is the full computation's own function, so the result is the same report
(``tests/integration/test_updated_reports.py`` checks it field for field).
"""

from __future__ import annotations

import hashlib
from collections.abc import Collection
from dataclasses import dataclass
from datetime import datetime

import numpy as np
import pandas as pd
from sklearn.ensemble import HistGradientBoostingClassifier

from loyalty_desktop.analytics.bulk_rows import build_rows
from loyalty_desktop.analytics.churn import (
    ChurnBacktest,
    ChurnReport,
    ChurnRisk,
    churn_day,
    ranked,
)
from loyalty_desktop.analytics.churn_features import churn_features, known_tiers
from loyalty_desktop.analytics.churn_model import churn_probability, fit_churn_model
from loyalty_desktop.analytics.purchase_days import moment, number_log, numbered, until
from loyalty_desktop.analytics.rfm import RfmReport, rfm_figures, rfm_from_table, rfm_scored


@dataclass(frozen=True)
class StoredChurn:
    """What a churn report of earlier that day was computed from (``churn.ChurnWorkings``, kept).

    ``members``, ``risks`` and ``tier_codes`` are in the report's order.
    """

    at: datetime
    horizon_days: int
    day_start: datetime
    reference: datetime
    tiers: tuple[str, ...]
    past_tiers: tuple[str, ...]
    backtest: ChurnBacktest
    train: pd.DataFrame
    train_churned: np.ndarray
    members: np.ndarray
    risks: np.ndarray
    tier_codes: np.ndarray


_MODELS: dict[bytes, HistGradientBoostingClassifier] = {}
"""Models fitted again on stored training rows in this process, by a digest of those rows."""


def _model_of(stored: StoredChurn) -> HistGradientBoostingClassifier:
    """The model the stored rows give: fitted again (the same model: fixed seed, one thread).

    A process that asks again (the reports screen, refreshed through the day) reuses the
    fit: 0.5 s on the benchmark shop's 40,000 training rows.
    """
    digest = hashlib.sha256()
    digest.update(np.ascontiguousarray(stored.train.to_numpy(dtype=np.float64)).tobytes())
    digest.update(np.ascontiguousarray(stored.train_churned, dtype=bool).tobytes())
    key = digest.digest()
    model = _MODELS.get(key)
    if model is None:
        model = fit_churn_model(stored.train, pd.Series(stored.train_churned))
        _MODELS.clear()  # one day's model is all a process needs
        _MODELS[key] = model
    return model


def updated_rfm(
    figures: pd.DataFrame, touched: Collection[str], log: pd.DataFrame, at: datetime
) -> RfmReport:
    """RFM as of ``at``: ``figures`` (``rfm.rfm_figures`` of earlier) with the touched members' own.

    ``log`` is the touched members' purchase log (all of it up to ``at``).
    """
    kept = figures[~figures.index.isin(list(touched))]
    fresh = rfm_figures(log, at)
    if not fresh.empty:
        fresh = fresh.astype({"last_at": kept["last_at"].dtype}) if not kept.empty else fresh
        kept = pd.concat([kept, fresh])
        # In member-number order as the full computation: numpy sorts text by code point,
        # as Python does, 3x quicker than sorting the object index.
        kept = kept.iloc[np.argsort(np.asarray(kept.index, dtype=str), kind="stable")]
    return rfm_from_table(rfm_scored(kept, at), at)


def updated_churn(
    stored: StoredChurn,
    touched: Collection[str],
    log: pd.DataFrame,
    members: pd.DataFrame,
    at: datetime,
    timezone: str,
) -> ChurnReport | str:
    """Churn as of ``at`` from ``stored`` with the touched members scored again, or why it cannot be.

    ``log``/``members``: the touched members' purchase log up to ``at`` and
    live snapshot. The reason is ``another_day`` (``at`` is not in the stored
    day, or counts days to another moment) or ``tiers_changed`` (the tier
    names in use changed, and with them the model's tier codes).
    """
    first, reference = churn_day(at, timezone)
    if moment(first) != moment(stored.day_start) or moment(reference) != moment(stored.reference):
        return "another_day"
    roster = members[pd.to_datetime(members["joined_at"], utc=True) <= moment(at)]
    stay = ~np.isin(stored.members, np.asarray(list(touched), dtype=str))
    names = {stored.tiers[int(code)] for code in np.unique(stored.tier_codes[stay]) if code == code}
    if tuple(sorted({*stored.past_tiers, *names, *known_tiers(roster)})) != stored.tiers:
        return "tiers_changed"
    texts = until(log, at)
    coded, numbers = number_log(texts, [roster])
    current = churn_features(coded, numbered(roster, numbers), at, stored.tiers, reference)
    model = _model_of(stored)
    risks = np.concatenate([stored.risks[stay], churn_probability(model, current)])
    people = np.concatenate(
        [
            stored.members[stay],
            np.asarray(numbers.take(current.index).astype(str), dtype=str),
        ]
    )
    order = ranked(people, risks)
    return ChurnReport(
        at=at,
        horizon_days=stored.horizon_days,
        members=build_rows(ChurnRisk, people[order].tolist(), risks[order].tolist()),
        backtest=stored.backtest,
    )
