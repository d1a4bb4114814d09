"""The dashboard's figures: computed on the worker in steps (Cancel works between them), worded for tiles.

Members, points outstanding and the liability belong to no store (members
shop anywhere), so with one store picked those tiles still count the whole
shop, and the points that lapsed are not kept per store at all.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from loyalty_desktop.services.auth import Actor
from loyalty_desktop.services.context import Shop
from loyalty_desktop.services.long_jobs import Job
from loyalty_desktop.services.report_dashboard import Dashboard, dashboard
from loyalty_desktop.services.report_files import Cell
from loyalty_desktop.ui.console.reports.formats import (
    NONE_TEXT,
    count_text,
    money_text,
    money_value,
    percent_text,
    percent_value,
)
from loyalty_desktop.ui.console.reports.ranges import ReportFilter
from loyalty_desktop.ui.console.reports.tiles import Tile


def compute(shop: Shop, actor: Actor, wanted: ReportFilter, bucket: str, job: Job) -> Dashboard:
    """The dashboard's figures for ``wanted``; stops between steps when cancelled."""
    return dashboard(
        shop, actor, start=wanted.start, at=wanted.end, bucket=bucket, store=wanted.store, job=job
    )


def tiles(figures: Dashboard, one_store: bool) -> list[tuple[Tile, Cell]]:
    """Each tile with the exact value a file gets for it."""
    k = figures.kpis
    cur = k.currency
    shop_wide = (
        " " + QCoreApplication.translate("DashboardFigures", "(all stores: members shop anywhere)")
        if one_store
        else ""
    )
    expired_text = NONE_TEXT if one_store else count_text(k.points_expired)
    return [
        (
            Tile(
                "members",
                QCoreApplication.translate("DashboardFigures", "Members"),
                count_text(k.members),
                QCoreApplication.translate(
                    "DashboardFigures", "Active members at the end of the period"
                )
                + shop_wide,
            ),
            k.members,
        ),
        (
            Tile(
                "new_members",
                QCoreApplication.translate("DashboardFigures", "New members"),
                count_text(k.new_members),
                QCoreApplication.translate("DashboardFigures", "Members who joined in the period")
                + shop_wide,
            ),
            k.new_members,
        ),
        (
            Tile(
                "buying_members",
                QCoreApplication.translate("DashboardFigures", "Buying members"),
                count_text(k.buying_members),
                QCoreApplication.translate(
                    "DashboardFigures", "Members who bought at least once in the period"
                ),
            ),
            k.buying_members,
        ),
        (
            Tile(
                "repurchase_rate",
                QCoreApplication.translate("DashboardFigures", "Repurchase rate"),
                percent_text(k.repurchase_rate),
                QCoreApplication.translate(
                    "DashboardFigures",
                    "Share of buying members with two purchases or more in the period",
                ),
            ),
            percent_value(k.repurchase_rate),
        ),
        (
            Tile(
                "revenue",
                QCoreApplication.translate("DashboardFigures", "Revenue ({currency})").format(
                    currency=cur.code
                ),
                money_text(k.revenue, cur),
                QCoreApplication.translate(
                    "DashboardFigures", "Sales in the period, less the refunds made in it"
                ),
            ),
            money_value(k.revenue, cur),
        ),
        (
            Tile(
                "average_order",
                QCoreApplication.translate(
                    "DashboardFigures", "Average basket ({currency})"
                ).format(currency=cur.code),
                money_text(k.average_order, cur),
                QCoreApplication.translate("DashboardFigures", "Revenue per sale"),
            ),
            None if k.average_order is None else money_value(k.average_order, cur),
        ),
        (
            Tile(
                "member_share",
                QCoreApplication.translate("DashboardFigures", "Member share of sales"),
                percent_text(k.member_revenue_share),
                QCoreApplication.translate(
                    "DashboardFigures", "Share of the revenue from sales with a member card"
                ),
            ),
            percent_value(k.member_revenue_share),
        ),
        (
            Tile(
                "points_outstanding",
                QCoreApplication.translate("DashboardFigures", "Points outstanding"),
                count_text(k.points_outstanding),
                QCoreApplication.translate(
                    "DashboardFigures",
                    "Points members hold that have not lapsed, at the end of the period",
                )
                + shop_wide,
            ),
            k.points_outstanding,
        ),
        (
            Tile(
                "liability",
                QCoreApplication.translate(
                    "DashboardFigures", "Points liability ({currency})"
                ).format(currency=cur.code),
                money_text(k.liability, cur),
                QCoreApplication.translate(
                    "DashboardFigures", "What the points outstanding are worth when spent"
                )
                + shop_wide,
            ),
            money_value(k.liability, cur),
        ),
        (
            Tile(
                "points_earned",
                QCoreApplication.translate("DashboardFigures", "Points issued"),
                count_text(k.points_earned),
                QCoreApplication.translate(
                    "DashboardFigures", "Points earned on sales and awarded in the period"
                ),
            ),
            k.points_earned,
        ),
        (
            Tile(
                "points_redeemed",
                QCoreApplication.translate("DashboardFigures", "Points redeemed"),
                count_text(k.points_redeemed),
                QCoreApplication.translate("DashboardFigures", "Points spent in the period"),
            ),
            k.points_redeemed,
        ),
        (
            Tile(
                "points_expired",
                QCoreApplication.translate("DashboardFigures", "Points expired"),
                expired_text,
                QCoreApplication.translate("DashboardFigures", "Points that lapsed in the period")
                + (
                    " " + QCoreApplication.translate("DashboardFigures", "(not kept per store)")
                    if one_store
                    else ""
                ),
            ),
            None if one_store else k.points_expired,
        ),
    ]
