"""RFM, CLV, churn and lifecycle as the command's JSON (shared/CONTRACT.md's fields first, more beside them)."""

from __future__ import annotations

from dataclasses import asdict
from datetime import datetime
from typing import Any

from loyalty_desktop.analytics.churn import ChurnReport
from loyalty_desktop.analytics.clv import ClvReport
from loyalty_desktop.analytics.lifecycle import STAGE_KEYS, LifecycleReport
from loyalty_desktop.analytics.rfm import RfmReport
from loyalty_desktop.domain.money import Currency, format_money


def _freshness(updated_from: datetime | None, not_updated: str | None) -> dict[str, Any]:
    """How the report was made after the nightly job: brought up to date from it, or why not."""
    return {
        "updated_from": None if updated_from is None else updated_from.isoformat(),
        "not_updated": not_updated,
    }


def rfm(result: RfmReport, cur: Currency) -> dict[str, Any]:
    """``loyalty report rfm``: each member's scores and segment, then the ten segments."""
    return {
        "report": "rfm",
        "at": result.at.isoformat(),
        "computed_at": None if result.computed_at is None else result.computed_at.isoformat(),
        **_freshness(result.updated_from, result.not_updated),
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
        "computed_at": None if result.computed_at is None else result.computed_at.isoformat(),
        **_freshness(result.updated_from, result.not_updated),
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


def lifecycle(result: LifecycleReport, cur: Currency) -> dict[str, Any]:
    """``loyalty report lifecycle``: each buyer's stage, the stage sizes, the monthly stage flow."""
    return {
        "report": "lifecycle",
        "from": result.start.isoformat(),
        "at": result.at.isoformat(),
        "currency": cur.code,
        "rules": asdict(result.rule),
        "members": [
            {
                "member_no": m.member_no,
                "stage": m.stage,
                "first_purchase": m.first_purchase.isoformat(),
                "last_purchase": m.last_purchase.isoformat(),
                "days_since": m.days_since,
                "visits": m.visits,
                "recent_spend": format_money(m.recent_spend, cur),
                "previous_spend": format_money(m.previous_spend, cur),
            }
            for m in result.members
        ],
        "stages": [
            {"name": s.name, "key": s.key, "members": s.members, "action": s.action}
            for s in result.stages
        ],
        "months": [
            {
                "month": month.month,
                "members": dict(zip(STAGE_KEYS, month.counts, strict=True)),
                "moved": month.moved,
                "moves": [
                    {"from": move.from_stage, "to": move.to_stage, "members": move.members}
                    for move in month.moves
                ],
            }
            for month in result.months
        ],
    }
