"""The programme editor's tabs: every key of the programme file, as fields and tables.

The editor turns what is typed into the programme file's tables and hands
them to the file's own reader; the reader's refusal names a key
(``tiers.levels[2].threshold``) and the editor shows it beside that field or
cell. Keys the editor has no field for (the score scale) are kept as loaded.
"""

from __future__ import annotations

import copy
import re
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QTabWidget, QVBoxLayout, QWidget

from loyalty_desktop.domain.errors import BadProgram, LoyaltyError
from loyalty_desktop.domain.program import CampaignPolicy, Program, TierBasis
from loyalty_desktop.domain.program_file import parse_program
from loyalty_desktop.domain.program_writer import program_data
from loyalty_desktop.domain.toml_writer import dump_toml
from loyalty_desktop.ui.console.programme_activity import (
    activity_model,
    activity_rows,
    activity_tables,
)
from loyalty_desktop.ui.console.programme_campaigns import (
    campaign_rows,
    campaign_tables,
    campaigns_model,
)
from loyalty_desktop.ui.console.programme_fields import FieldForm
from loyalty_desktop.ui.console.programme_rewards import reward_rows, reward_tables, rewards_model
from loyalty_desktop.ui.console.programme_rows import RowsEditor
from loyalty_desktop.ui.console.programme_tiers import tier_rows, tier_tables, tiers_model
from loyalty_desktop.ui.screens.messages import spoken

SOURCE = "back office"  # how a refusal names the edited programme


def key_parts(key: str) -> list[str | int]:
    """``tiers.levels[2].threshold`` as ``["tiers", "levels", 2, "threshold"]``."""
    return [int(p[1:-1]) if p.startswith("[") else p for p in re.findall(r"\[\d+\]|[^.\[\]]+", key)]


def field_message(error: LoyaltyError) -> str:
    """The refusal in the UI language without the file and line it names (the field shows where)."""
    text = spoken(error)
    where = str(error.details.get("where", ""))
    for prefix in (f"{where}: ", f"方案文件 {where}：", f"{where}："):
        if where and text.startswith(prefix):
            return text[len(prefix) :]
    return text


class ProgrammeEditor(QTabWidget):
    """Tabs of fields and tables; ``edited`` on every change a person makes."""

    edited = Signal()

    def __init__(self) -> None:
        super().__init__()
        self._base: dict[str, Any] = program_data(Program())
        self.earning = FieldForm()
        self.earning.line("shop_name", self.tr("Shop name"))
        self.earning.line("currency", self.tr("Currency"), hint="CNY")
        self.earning.line("timezone", self.tr("Time zone"), hint="Asia/Shanghai")
        self.earning.line("earn.points", self.tr("Points"), kind="int")
        self.earning.line("earn.per", self.tr("… for each full"), hint="1.00")
        self.earning.line("earn.min_order", self.tr("Minimum order"), hint="0.00")
        hint = self.tr("Separate with commas")
        self.earning.line(
            "earn.exclude_categories", self.tr("Categories earning nothing"), kind="list", hint=hint
        )
        self.earning.line(
            "earn.exclude_skus", self.tr("SKUs earning nothing"), kind="list", hint=hint
        )
        self.activity = RowsEditor(activity_model(), self.tr("Add activity"), self.tr("Remove"))
        self.expiry = FieldForm()
        self.expiry.line(
            "expiry.days",
            self.tr("Points expire after (days)"),
            kind="int",
            hint=self.tr("0: never"),
        )
        self.expiry.line(
            "birthday_award.window_days",
            self.tr("Birthday points may be given within (days)"),
            kind="int",
        )
        self.redeem = FieldForm()
        self.redeem.line("redeem.point_value", self.tr("Value of one point"), hint="0.01")
        self.redeem.line("redeem.min_points", self.tr("Fewest points per redemption"), kind="int")
        self.redeem.line(
            "redeem.max_share", self.tr("Most of a sale points may pay"), hint=self.tr("0.5 = half")
        )
        self.tier_rule = FieldForm()
        bases = {
            TierBasis.LIFETIME_SPEND: self.tr("Spend since joining"),
            TierBasis.ROLLING_SPEND: self.tr("Spend in the last days (window)"),
            TierBasis.POINTS_EARNED: self.tr("Points earned"),
            TierBasis.SCORE: self.tr("Score (spend, visits, activity)"),
        }
        self.tier_rule.choice(
            "tiers.basis",
            self.tr("Tiers are measured on"),
            [(b.value, t) for b, t in bases.items()],
        )
        self.tier_rule.line("tiers.window_days", self.tr("Window (days)"), kind="int")
        # The score basis: each part reaches full marks at these amounts, then is weighed.
        self.score_keys = (
            ("tiers.score.spend_full", self.tr("Score: spend for full marks"), "text", "10000"),
            ("tiers.score.visits_full", self.tr("Score: visits for full marks"), "int", "24"),
            (
                "tiers.score.interactions_full",
                self.tr("Score: activities for full marks"),
                "int",
                "12",
            ),
            ("tiers.score.spend_weight", self.tr("Score: weight of spend"), "text", "0.6"),
            ("tiers.score.activity_weight", self.tr("Score: weight of visits"), "text", "0.3"),
            (
                "tiers.score.interaction_weight",
                self.tr("Score: weight of activities"),
                "text",
                "0.1",
            ),
        )
        for key, label, kind, hint in self.score_keys:
            self.tier_rule.line(key, label, kind=kind, hint=hint)
        basis = self.tier_rule.fields["tiers.basis"].editor
        assert isinstance(basis, QComboBox)
        basis.currentIndexChanged.connect(lambda _: self._show_score_fields())
        self.tiers = RowsEditor(tiers_model(), self.tr("Add tier"), self.tr("Remove"))
        self.policy = FieldForm()
        self.policy.choice(
            "campaign_policy",
            self.tr("When several campaigns apply"),
            [
                (CampaignPolicy.BEST.value, self.tr("Only the best one counts")),
                (
                    CampaignPolicy.STACK.value,
                    self.tr("All count: multipliers multiply, bonuses add"),
                ),
            ],
        )
        self.campaigns = RowsEditor(campaigns_model(), self.tr("Add campaign"), self.tr("Remove"))
        self.rewards = RowsEditor(rewards_model(), self.tr("Add reward"), self.tr("Remove"))
        self.lifecycle = FieldForm()
        for key, label in (
            ("new_days", self.tr("New: first purchase within (days)")),
            ("window_days", self.tr("Recent visits and spend are counted over (days)")),
            ("loyal_visits", self.tr("Loyal: purchase days in that window, at least")),
            ("decline_pct", self.tr("Declining: spend down against the window before (%)")),
            ("quiet_days", self.tr("Declining: no purchase for more than (days)")),
            ("lapsed_days", self.tr("Lapsed: no purchase for more than (days)")),
            ("won_back_days", self.tr("Won back: for (days) after returning")),
            (
                "overdue_times",
                self.tr("Declining (churn risk): gone this many times their usual gap (0: off)"),
            ),
        ):
            self.lifecycle.line(f"lifecycle.{key}", label, kind="int")
        self.forms = (
            self.earning,
            self.expiry,
            self.redeem,
            self.tier_rule,
            self.policy,
            self.lifecycle,
        )
        self.tables = {"tiers": self.tiers, "campaigns": self.campaigns, "rewards": self.rewards}
        self._tab(self.tr("Earning"), self.earning)
        self._tab(self.tr("Activities and expiry"), self.expiry, self.activity)
        self._tab(self.tr("Redeeming"), self.redeem)
        self._tab(self.tr("Tiers"), self.tier_rule, self.tiers)
        self._tab(self.tr("Campaigns"), self.policy, self.campaigns)
        self._tab(self.tr("Rewards"), self.rewards)
        self._tab(self.tr("Lifecycle"), self.lifecycle)
        for form in self.forms:
            form.edited.connect(self.edited.emit)
        for table in (self.activity, *self.tables.values()):
            table.edited.connect(self.edited.emit)

    def _show_score_fields(self) -> None:
        """The score's scale only matters (and only shows) when tiers are measured on the score."""
        basis = self.tier_rule.fields["tiers.basis"].editor
        on = isinstance(basis, QComboBox) and basis.currentData() == TierBasis.SCORE.value
        for key, *_ in self.score_keys:
            self.tier_rule.form.setRowVisible(self.tier_rule.row_of(key), on)

    def _tab(self, title: str, *parts: QWidget) -> None:
        page = QWidget()
        box = QVBoxLayout(page)
        for part in parts:
            box.addWidget(part, 1 if isinstance(part, RowsEditor) else 0)
        if not any(isinstance(p, RowsEditor) for p in parts):
            box.addStretch(1)
        self.addTab(page, title)

    def fill(self, program: Program) -> None:
        """Show ``program`` in every field and table."""
        self._base = program_data(program)
        for form in self.forms:
            form.fill(self._base)
        self._show_score_fields()
        self.activity.model.set_rows(activity_rows(self._base))
        self.tiers.model.set_rows(tier_rows(self._base["tiers"]["levels"]))
        self.campaigns.model.set_rows(campaign_rows(self._base.get("campaigns", [])))
        self.rewards.model.set_rows(reward_rows(self._base.get("rewards", [])))
        self.show_error(None)

    def tables_data(self) -> dict[str, Any]:
        """The programme file's tables as the editor holds them (what is typed, not yet checked)."""
        data = copy.deepcopy(self._base)
        for form in self.forms:
            form.collect(data)
        data["activity"], data["activity_limits"] = activity_tables(self.activity.model.rows)
        data["tiers"]["levels"] = tier_tables(self.tiers.model.rows)
        data["campaigns"] = campaign_tables(self.campaigns.model.rows)
        data["rewards"] = reward_tables(self.rewards.model.rows)
        return data

    def text(self) -> str:
        """The edited programme as a programme file."""
        return dump_toml(self.tables_data())

    def program(self) -> Program:
        """The edited programme, checked by the file's reader; its refusal is shown at its field.

        Raises:
            BadProgram: what is typed does not make a programme.
        """
        try:
            program = parse_program(self.text(), SOURCE)
        except BadProgram as refused:
            self.show_error(refused)
            raise
        self.show_error(None)
        return program

    def show_error(self, error: LoyaltyError | None) -> QWidget | None:
        """Show a refusal beside the field or in the table it names (None clears); the widget, if found."""
        key = str(error.details.get("key", "")) if error else ""
        text = field_message(error) if error else ""
        parts = key_parts(key)
        found: QWidget | None = None
        for form in self.forms:
            shown = form.show_error(_field_key(parts) if error else None, text)
            found = found or shown
        rows = _table_cell(parts) if error else None
        for name, table in self.tables.items():
            if rows and rows[0] == name:
                table.show_error(rows[1], rows[2], text)
                found = table
            else:
                table.show_error(None, None, "")
        if error and parts and parts[0] in ("activity", "activity_limits"):
            names = [r.get("name") for r in self.activity.model.rows]
            row = names.index(parts[1]) if len(parts) > 1 and parts[1] in names else -1
            self.activity.show_error(
                row, "limit" if parts[0] == "activity_limits" else "points", text
            )
            found = self.activity
        else:
            self.activity.show_error(None, None, "")
        return found

    def reveal(self, widget: QWidget) -> None:
        """Bring the tab holding ``widget`` into view and put the cursor in it."""
        for i in range(self.count()):
            page = self.widget(i)
            if page is not None and page.isAncestorOf(widget):
                self.setCurrentIndex(i)
        widget.setFocus()


def _field_key(parts: list[str | int]) -> str:
    """The dotted key of a single field (``earn.exclude_categories[1]`` is that list's field)."""
    names = []
    for part in parts:
        if isinstance(part, int):
            break
        names.append(part)
    return ".".join(names)


def _table_cell(parts: list[str | int]) -> tuple[str, int, str | None] | None:
    """The table, row and column a key points at, if it is in a table."""
    if parts[:2] == ["tiers", "levels"]:
        name, rest = "tiers", parts[2:]
    elif parts[:1] in (["campaigns"], ["rewards"]):
        name, rest = str(parts[0]), parts[1:]
    else:
        return None
    row = rest[0] if rest and isinstance(rest[0], int) else -1
    column = rest[1] if len(rest) > 1 and isinstance(rest[1], str) else None
    return name, row, column
