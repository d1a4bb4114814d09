"""The reports the Reports page shows, in tab order: add a report by appending its view here.

A view is made from the shop and the manager signed in (``ReportView``'s
constructor); see ``view.py`` for what it must implement.
"""

from __future__ import annotations

from collections.abc import Callable

from loyalty_desktop.services.auth import Actor
from loyalty_desktop.services.context import Shop
from loyalty_desktop.ui.console.reports.churn_page import ChurnView
from loyalty_desktop.ui.console.reports.clv_page import ClvView
from loyalty_desktop.ui.console.reports.dashboard import DashboardView
from loyalty_desktop.ui.console.reports.liability_page import LiabilityView
from loyalty_desktop.ui.console.reports.lifecycle_page import LifecycleView
from loyalty_desktop.ui.console.reports.satisfaction_page import SatisfactionView
from loyalty_desktop.ui.console.reports.segments_page import SegmentsView
from loyalty_desktop.ui.console.reports.view import ReportView

ViewMaker = Callable[[Shop, Actor], ReportView]

REPORT_VIEWS: tuple[ViewMaker, ...] = (
    DashboardView,
    LiabilityView,
    SegmentsView,
    ClvView,
    ChurnView,
    LifecycleView,
    SatisfactionView,
)
