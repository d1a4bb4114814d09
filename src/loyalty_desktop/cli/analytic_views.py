"""RFM, CLV and churn as the command's JSON (shared/CONTRACT.md's fields first, more beside them)."""

from __future__ import annotations

from typing import Any

from loyalty_desktop.analytics.churn import ChurnReport
from loyalty_desktop.analytics.clv import ClvReport
from loyalty_desktop.analytics.rfm import RfmReport
from loyalty_desktop.domain.money import Currency, format_money


def rfm(result: RfmReport, cur: Currency) -> dict[str, Any]:
    """``loyalty report rfm``: each member's scores and segment, then the ten segments."""
    return {
        "report": "rfm",
        "at": result.at.isoformat(),
        "currency": cur.code,
        "members": [
            {
                "member_no": m.member_no,
                "r": m.r,
                "f": m.f,
                "m": m.m,
                "segment": m.segment,
                "recency_days": m.recency_days,
                "frequency": m.frequency,
                "monetary": format_money(m.monetary, cur),
            }
            for m in result.members
        ],
        "segments": [
            {
                "name": s.name,
                "key": s.key,
                "members": s.members,
                "revenue": format_money(s.revenue, cur),
                "action": s.action,
            }
            for s in result.segments
        ],
    }


def clv(result: ClvReport, cur: Currency) -> dict[str, Any]:
    """``loyalty report clv``: the fitted parameters, the seed formula and every member's forecast."""
    return {"report": "clv", "currency": cur.code, **result.as_dict(lambda v: format_money(v, cur))}


def churn(result: ChurnReport) -> dict[str, Any]:
    """``loyalty report churn``: risks highest first and the back-test with both baselines."""
    b = result.backtest
    return {
        "report": "churn",
        "at": result.at.isoformat(),
        "horizon_days": result.horizon_days,
        "members": [{"member_no": m.member_no, "risk": round(m.risk, 6)} for m in result.members],
        "backtest": {
            "auc": round(b.auc, 4),
            "auc_recency": round(b.auc_recency, 4),
            "auc_bgnbd": None if b.auc_bgnbd is None else round(b.auc_bgnbd, 4),
            "train_cutoff": b.train_cutoff.isoformat(),
            "test_cutoff": b.test_cutoff.isoformat(),
            "end": b.end.isoformat(),
            "train_members": b.train_members,
            "train_churned": b.train_churned,
            "test_members": b.test_members,
            "test_churned": b.test_churned,
        },
    }
