"""Member purchase lines as sparse matrices: members × items, days decayed by age.

Each (member, day, item) counts once however many units or sales it held, so
a member who buys milk every week outranks one who bought twelve bottles once.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd
from scipy import sparse

from loyalty_desktop.analytics.ports import LINE_COLUMNS

__all__ = ["LINE_COLUMNS", "NO_CATEGORY", "Matrices", "build_matrices"]
NO_CATEGORY = ""


@dataclass(frozen=True)
class Matrices:
    """The purchase history as of ``day``, indexed by member and by item.

    - ``again``: members × items, the sum over purchase days of ``0.5 ** (age / half_life)``;
    - ``bought``: members × items, 1 where the member ever bought the item;
    - ``day_counts``: members × items, on how many days the member bought it;
    - ``last_day``: members × items, the last purchase day (days since 1970-01-01);
    - ``first_day``: members × items, the first purchase day (same pattern as ``last_day``);
    - ``item_category``: each item's category code; ``categories``: their names;
    - ``baskets``: each member's number of purchase days.
    """

    day: pd.Timestamp
    members: pd.Index
    items: pd.Index
    categories: pd.Index
    item_category: np.ndarray
    again: sparse.csr_matrix
    bought: sparse.csr_matrix
    day_counts: sparse.csr_matrix
    last_day: sparse.csr_matrix
    first_day: sparse.csr_matrix
    baskets: np.ndarray


def _epoch_days(days: pd.Series) -> np.ndarray:
    epoch: np.ndarray = days.to_numpy(dtype="datetime64[D]").astype(np.int64)
    return epoch


def build_matrices(lines: pd.DataFrame, day: pd.Timestamp, half_life_days: float) -> Matrices:
    """``Matrices`` from ``LINE_COLUMNS`` lines on or before ``day`` (later lines are ignored).

    Returns (negative quantities) take their units off the same member, day and item;
    what nets to nothing or less is not a purchase.
    """
    day = pd.Timestamp(day).normalize()
    frame = lines[pd.to_datetime(lines["local_date"]) <= day]
    frame = frame.assign(
        local_date=pd.to_datetime(frame["local_date"]).dt.normalize(),
        qty=pd.to_numeric(frame["qty"], errors="coerce").fillna(0.0).astype(float),
        category=frame["category"].fillna(NO_CATEGORY).astype(str),
        sku=frame["sku"].astype(str),
        member_no=frame["member_no"].astype(str),
    )
    frame = frame[frame["sku"].str.strip() != ""]  # a sale rung up by its total has no item
    days = frame.groupby(["member_no", "local_date", "sku"], sort=False, observed=True)["qty"].sum()
    days = days[days > 0].reset_index()
    # Each item's most frequent category (a till may have typed another one now and then).
    categories_of = (
        frame.groupby(["sku", "category"], observed=True)
        .size()
        .reset_index(name="n")
        .sort_values(["n", "category"], ascending=[False, True], kind="stable")
        .drop_duplicates("sku")
        .set_index("sku")["category"]
    )
    member_codes, members = pd.factorize(days["member_no"], sort=True)
    item_codes, items = pd.factorize(days["sku"], sort=True)
    shape = (len(members), len(items))
    item_cats = categories_of.reindex(items).fillna(NO_CATEGORY).to_numpy()
    cat_codes, categories = pd.factorize(pd.Series(item_cats, dtype=object), sort=True)
    epoch = _epoch_days(days["local_date"])
    age = (_epoch_days(pd.Series([day]))[0] - epoch).astype(float)
    weight = np.power(0.5, age / half_life_days)
    again = sparse.csr_matrix((weight, (member_codes, item_codes)), shape=shape)
    spans = (
        pd.DataFrame({"m": member_codes, "i": item_codes, "d": epoch})
        .groupby(["m", "i"])["d"]
        .agg(["min", "max", "size"])
    )
    cells = (spans.index.get_level_values(0), spans.index.get_level_values(1))
    # All from the same cells in the same order, so their CSR arrays line up entry by entry.
    day_counts = sparse.csr_matrix((spans["size"].to_numpy(dtype=float), cells), shape=shape)
    bought = day_counts.copy()
    bought.data[:] = 1.0
    last_day = sparse.csr_matrix((spans["max"].to_numpy(dtype=np.int64), cells), shape=shape)
    first_day = sparse.csr_matrix((spans["min"].to_numpy(dtype=np.int64), cells), shape=shape)
    baskets = (
        days.drop_duplicates(["member_no", "local_date"])
        .groupby("member_no")
        .size()
        .reindex(members)
        .to_numpy(dtype=np.int64)
    )
    return Matrices(
        day=day,
        members=pd.Index(members),
        items=pd.Index(items),
        categories=pd.Index(categories),
        item_category=np.asarray(cat_codes, dtype=np.int64),
        again=again,
        bought=bought,
        day_counts=day_counts,
        last_day=last_day,
        first_day=first_day,
        baskets=baskets,
    )
