"""The workings of RFM and churn as JSON text and back: per-member arrays the nightly job keeps.

The arrays (member numbers, moments, figures, risks, the model's training
rows) are written as NumPy's own ``.npy`` bytes in base64, read back with
``allow_pickle=False``: numbers and text only, bit for bit, and nothing in
the text can name code to run. The model itself is not stored: fitting it
again on its training rows gives the same model (fixed seed, one thread).
"""

from __future__ import annotations

import base64
import dataclasses
import io
import json
from datetime import datetime
from typing import Any

import numpy as np
import pandas as pd

from loyalty_desktop.analytics.churn import ChurnBacktest, ChurnWorkings
from loyalty_desktop.analytics.churn_features import FEATURES
from loyalty_desktop.analytics.report_update import StoredChurn

FORMAT = 1  # a stored text of another format is ignored (the report is computed in full)


def _array(values: np.ndarray) -> str:
    buffer = io.BytesIO()
    np.save(buffer, values, allow_pickle=False)
    return base64.b64encode(buffer.getvalue()).decode("ascii")


def _read(text: str) -> np.ndarray:
    found: np.ndarray = np.load(io.BytesIO(base64.b64decode(text)), allow_pickle=False)
    return found


def _moments(values: pd.Series) -> dict[str, Any]:
    """UTC moments as integers in their own unit (nanoseconds or microseconds)."""
    naive = values.dt.tz_convert(None)
    return {"unit": naive.dt.unit, "values": _array(naive.to_numpy().view(np.int64))}


def _read_moments(found: dict[str, Any]) -> pd.Series:
    unit = str(found["unit"])
    stamps = _read(found["values"]).astype(np.int64).view(f"datetime64[{unit}]")
    return pd.Series(stamps).dt.tz_localize("UTC")


def _dump_backtest(backtest: ChurnBacktest) -> dict[str, Any]:
    """The back-test's fields; moments as ISO text, floats exactly (``json`` writes the shortest repr)."""
    fields = dataclasses.asdict(backtest)
    return {
        name: value.isoformat() if isinstance(value, datetime) else value
        for name, value in fields.items()
    }


def _load_backtest(found: dict[str, Any]) -> ChurnBacktest:
    return ChurnBacktest(
        train_cutoff=datetime.fromisoformat(found["train_cutoff"]),
        test_cutoff=datetime.fromisoformat(found["test_cutoff"]),
        end=datetime.fromisoformat(found["end"]),
        train_members=int(found["train_members"]),
        train_churned=int(found["train_churned"]),
        test_members=int(found["test_members"]),
        test_churned=int(found["test_churned"]),
        auc=float(found["auc"]),
        auc_recency=float(found["auc_recency"]),
        auc_bgnbd=None if found["auc_bgnbd"] is None else float(found["auc_bgnbd"]),
    )


def dump_rfm(figures: pd.DataFrame, at: datetime) -> str:
    """``rfm.rfm_figures`` as of ``at`` as text."""
    return json.dumps(
        {
            "format": FORMAT,
            "at": at.isoformat(),
            "members": _array(np.asarray(figures.index.astype(str), dtype=str)),
            "last_at": _moments(figures["last_at"]),
            "frequency": _array(figures["frequency"].to_numpy(dtype=np.int64)),
            "monetary": _array(figures["monetary"].to_numpy(dtype=np.int64)),
        }
    )


def _stored(text: str) -> Any:
    """The JSON of workings written in this module's format (ValueError otherwise)."""
    found = json.loads(text)
    if found.get("format") != FORMAT:
        raise ValueError("another format")
    return found


def load_rfm(text: str) -> pd.DataFrame:
    """The figures written by ``dump_rfm``.

    Raises:
        ValueError: the text is not such figures (another format, or damaged).
    """
    try:
        found = _stored(text)
        index = pd.Index(_read(found["members"]).astype(object), dtype=object, name="member_no")
        last = _read_moments(found["last_at"]).set_axis(index)
        return pd.DataFrame(
            {
                "last_at": last,
                "frequency": pd.Series(_read(found["frequency"]), index=index),
                "monetary": pd.Series(_read(found["monetary"]), index=index),
            }
        )
    except (KeyError, TypeError, AttributeError, ValueError, OSError) as exc:
        raise ValueError(f"not stored RFM figures: {exc}") from exc


def dump_churn(workings: ChurnWorkings) -> str:
    """``churn.ChurnWorkings`` as text (the risks in the report's order)."""
    report = workings.report
    return json.dumps(
        {
            "format": FORMAT,
            "at": report.at.isoformat(),
            "horizon_days": report.horizon_days,
            "day_start": workings.day_start.isoformat(),
            "reference": workings.reference.isoformat(),
            "tiers": list(workings.tiers),
            "past_tiers": list(workings.past_tiers),
            "backtest": _dump_backtest(report.backtest),
            "train": _array(workings.train[list(FEATURES)].to_numpy(dtype=np.float64)),
            "train_churned": _array(workings.train_churned.astype(bool)),
            "members": _array(np.asarray([r.member_no for r in report.members], dtype=str)),
            "risks": _array(np.asarray([r.risk for r in report.members], dtype=np.float64)),
            "tier_codes": _array(workings.tier_codes.astype(np.float64)),
        }
    )


def load_churn(text: str) -> StoredChurn:
    """The workings written by ``dump_churn``.

    Raises:
        ValueError: the text is not such workings (another format, or damaged).
    """
    try:
        found = _stored(text)
        return StoredChurn(
            at=datetime.fromisoformat(found["at"]),
            horizon_days=int(found["horizon_days"]),
            day_start=datetime.fromisoformat(found["day_start"]),
            reference=datetime.fromisoformat(found["reference"]),
            tiers=tuple(str(name) for name in found["tiers"]),
            past_tiers=tuple(str(name) for name in found["past_tiers"]),
            backtest=_load_backtest(found["backtest"]),
            train=pd.DataFrame(_read(found["train"]), columns=list(FEATURES)),
            train_churned=_read(found["train_churned"]),
            members=_read(found["members"]),
            risks=_read(found["risks"]),
            tier_codes=_read(found["tier_codes"]),
        )
    except (KeyError, TypeError, AttributeError, ValueError, OSError) as exc:
        raise ValueError(f"not stored churn workings: {exc}") from exc
