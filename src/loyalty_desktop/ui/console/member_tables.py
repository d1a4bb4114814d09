"""The tables of a member's record: points ledger (with running balance), lots, tiers, purchases, stages.

Each is a ``RecordModel`` over a service: the ledger and purchases page
through the database (``browsing.member_ledger``/``member_sales``); lots,
tier changes and lifecycle stages are one member's few rows, read at once.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import datetime
from typing import Any

from PySide6.QtCore import QObject

from loyalty_desktop.domain.ledger import MovementKind
from loyalty_desktop.domain.money import Currency, format_money
from loyalty_desktop.domain.tier_changes import TierCause
from loyalty_desktop.services import browsing, member_record
from loyalty_desktop.services.auth import Actor
from loyalty_desktop.services.context import Shop
from loyalty_desktop.services.member_record import LotLine
from loyalty_desktop.services.read_models import LedgerRow, SaleRow
from loyalty_desktop.ui.console.record_model import Column, RecordModel
from loyalty_desktop.ui.console.reports.lifecycle_texts import LifecycleTexts
from loyalty_desktop.ui.tasks import Tasks

PAGE = 100


def local_time(moment: datetime) -> str:
    """A stored (UTC) moment on this computer's clock, to the minute."""
    return f"{moment.astimezone():%Y-%m-%d %H:%M}"


def _all_at_once(read: Callable[[], Sequence[Any]]) -> Callable[[Any], tuple[Sequence[Any], Any]]:
    return lambda _cursor: (read(), None)


class MemberTables(QObject):
    """The record's tables for the member ``ref`` names; ``reload`` reads them all again."""

    def __init__(
        self, shop: Shop, tasks: Tasks, actor: Actor, ref: str, currency: Currency | None
    ) -> None:
        super().__init__()
        self.currency = currency
        self._kinds = {
            MovementKind.EARN: self.tr("earned"),
            MovementKind.REDEEM: self.tr("redeemed"),
            MovementKind.EXPIRE: self.tr("expired"),
            MovementKind.ADJUST: self.tr("adjusted"),
            MovementKind.ACTIVITY: self.tr("activity"),
            MovementKind.REFUND_REVERSAL: self.tr("refund"),
            MovementKind.REFUND_RESTORE: self.tr("refund (points back)"),
            MovementKind.RETURN_REVERSAL: self.tr("return"),
            MovementKind.MERGE_IN: self.tr("merged in"),
            MovementKind.MERGE_OUT: self.tr("merged out"),
        }

        def ledger_page(cursor: Any) -> tuple[Sequence[LedgerRow], Any]:
            page = browsing.member_ledger(shop, actor, ref, before=cursor, limit=PAGE)
            return page.rows, page.next

        def sales_page(cursor: Any) -> tuple[Sequence[SaleRow], Any]:
            page = browsing.member_sales(shop, actor, ref, before=cursor, limit=PAGE)
            return page.rows, page.next

        self.ledger = RecordModel(tasks, self._ledger_columns(), ledger_page)
        self.lots = RecordModel(
            tasks,
            self._lot_columns(),
            _all_at_once(lambda: member_record.member_lots(shop, actor, ref)),
        )
        self.tiers = RecordModel(
            tasks,
            self._tier_columns(),
            _all_at_once(lambda: member_record.tier_history(shop, actor, ref)),
        )
        self.sales = RecordModel(tasks, self._sale_columns(), sales_page)
        self.stage_texts = LifecycleTexts(self)
        self.stages = RecordModel(
            tasks,
            self._stage_columns(),
            _all_at_once(lambda: member_record.stage_changes(shop, actor, ref)),
        )

    def models(self) -> tuple[RecordModel, ...]:
        """Ledger, lots, tier changes, purchases, lifecycle stages."""
        return (self.ledger, self.lots, self.tiers, self.sales, self.stages)

    def reload(self) -> None:
        """Read every table again from its first page."""
        for model in self.models():
            model.reload()

    def _money(self, minor: int) -> str:
        return format_money(minor, self.currency) if self.currency else str(minor)

    def _ledger_columns(self) -> list[Column]:
        return [
            Column(self.tr("When"), lambda r: local_time(r.at)),
            Column(self.tr("What"), lambda r: self._kinds.get(r.kind, r.kind.value)),
            Column(self.tr("Points"), lambda r: f"{r.points:+d}", number=True),
            Column(self.tr("Balance after"), lambda r: str(r.balance_after), number=True),
            Column(self.tr("Reason"), lambda r: r.reason or r.activity or ""),
            Column(self.tr("Staff"), lambda r: r.actor or ""),
        ]

    def _lot_columns(self) -> list[Column]:
        def state(lot: LotLine) -> str:
            if lot.expired:
                return self.tr("expired, not spendable")
            return self.tr("from a merge or refund") if lot.carried else self.tr("open")

        return [
            Column(self.tr("Credited"), lambda lot: local_time(lot.at)),
            Column(self.tr("Points"), lambda lot: str(lot.points), number=True),
            Column(self.tr("Left"), lambda lot: str(lot.remaining), number=True),
            Column(
                self.tr("Expires"),
                lambda lot: local_time(lot.expires_at) if lot.expires_at else self.tr("never"),
            ),
            Column(self.tr("State"), state),
        ]

    def _tier_columns(self) -> list[Column]:
        def tier(name: str | None) -> str:
            return name or self.tr("(none)")

        causes = {
            TierCause.SALE: self.tr("sale"),
            TierCause.REFUND: self.tr("refund"),
            TierCause.ACTIVITY: self.tr("activity points"),
            TierCause.REVIEW: self.tr("daily review"),
            TierCause.MERGE: self.tr("merged duplicate"),
        }
        return [
            Column(self.tr("When"), lambda c: local_time(c.at)),
            Column(self.tr("From"), lambda c: tier(c.before)),
            Column(self.tr("To"), lambda c: tier(c.after)),
            Column(self.tr("Why"), lambda c: causes[c.cause]),
            Column(self.tr("Sale, refund or member"), lambda c: c.ref or ""),
        ]

    def _sale_columns(self) -> list[Column]:
        def refunded(s: SaleRow) -> str:
            return self._money(s.refunded_net) if s.refunded_net else ""

        return [
            Column(self.tr("When"), lambda s: local_time(s.at)),
            Column(self.tr("Sale"), lambda s: s.sale_no),
            Column(self.tr("Lines"), lambda s: str(s.lines), number=True),
            Column(self.tr("Net"), lambda s: self._money(s.net), number=True),
            Column(self.tr("Paid"), lambda s: self._money(s.paid), number=True),
            Column(self.tr("Earned"), lambda s: str(s.earned), number=True),
            Column(self.tr("Redeemed"), lambda s: str(s.redeemed), number=True),
            Column(self.tr("Refunded"), refunded, number=True),
        ]

    def _stage_columns(self) -> list[Column]:
        texts = self.stage_texts
        return [
            Column(self.tr("Since"), lambda c: c.day.isoformat()),
            Column(self.tr("Stage"), lambda c: texts.name(c.stage)),
            Column(self.tr("Suggested action"), lambda c: texts.action(c.stage)),
        ]
