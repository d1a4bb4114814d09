"""Purchase logs written by hand for the CLV tests, in the shape ``ReportSource.purchase_log`` returns."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pandas as pd

from loyalty_desktop.analytics.ports import PURCHASE_COLUMNS

SHANGHAI = timedelta(hours=8)


def purchase_log(*sales: tuple[str, datetime, int]) -> pd.DataFrame:
    """A log of (member_no, UTC moment, amount in fen) sales in a shop eight hours ahead of UTC."""
    moments = [at.astimezone(UTC) for _, at, _ in sales]
    return pd.DataFrame(
        {
            "member_no": pd.Series([m for m, _, _ in sales], dtype=object),
            "at": pd.to_datetime(moments, utc=True),
            "local_date": pd.to_datetime([(at + SHANGHAI).date() for at in moments]),
            "amount": pd.Series([amount for _, _, amount in sales], dtype="int64"),
            "campaign": False,
            "store": "till-1",
        },
        columns=list(PURCHASE_COLUMNS),
    )
