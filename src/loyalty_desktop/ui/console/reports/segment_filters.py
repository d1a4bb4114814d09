"""Beside the segment picker: a lifecycle stage and a tier that narrow the segment's members.

Tiers come with the segments' figures (each member's tier as their record
holds it now). A stage's members are read when the stage is first picked,
on the view's worker, as of the end of the period shown, and kept until the
figures are computed again; ``changed`` says the members to list changed.
"""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QComboBox

from loyalty_desktop.analytics.lifecycle import STAGE_KEYS
from loyalty_desktop.domain.errors import LoyaltyError
from loyalty_desktop.services import segment_suggestions
from loyalty_desktop.services.auth import Actor
from loyalty_desktop.services.context import Shop
from loyalty_desktop.services.segment_suggestions import MemberGroup, MemberTiers
from loyalty_desktop.ui.console.reports.lifecycle_texts import LifecycleTexts
from loyalty_desktop.ui.tasks import Tasks

ALL = ""


class GroupFilters(QObject):
    """The stage and tier pickers and which members they keep."""

    changed = Signal()
    failed = Signal(object)  # LoyaltyError

    def __init__(self, shop: Shop, actor: Actor, tasks: Tasks, parent: QObject) -> None:
        super().__init__(parent)
        self.shop, self.actor, self.tasks = shop, actor, tasks
        texts = LifecycleTexts(self)
        self.stage = QComboBox()
        self.stage.addItem(self.tr("All stages"), ALL)
        for key in STAGE_KEYS:
            self.stage.addItem(texts.name(key), key)
        self.stage.setToolTip(self.tr("Only members in this lifecycle stage at the period's end"))
        self.tier = QComboBox()
        self.tier.addItem(self.tr("All tiers"), ALL)
        self.tier.setToolTip(self.tr("Only members in this tier (as they are now)"))
        self._tiers: dict[str, str] = {}
        self._stages: dict[str, frozenset[str]] = {}
        self._at: datetime | None = None
        self.stage.activated.connect(lambda _: self._stage_picked())
        self.tier.activated.connect(lambda _: self.changed.emit())

    def chosen_stage(self) -> str:
        """The stage picked (``ALL``: any)."""
        return str(self.stage.currentData() or ALL)

    def chosen_tier(self) -> str:
        """The tier picked (``ALL``: any)."""
        return str(self.tier.currentData() or ALL)

    @property
    def narrowed(self) -> bool:
        """Whether a stage or a tier is picked."""
        return self.chosen_stage() != ALL or self.chosen_tier() != ALL

    @property
    def reading(self) -> bool:
        """Whether the picked stage's members are still being read."""
        stage = self.chosen_stage()
        return stage != ALL and stage not in self._stages

    def set_figures(self, tiers: MemberTiers, at: datetime) -> None:
        """New figures: the programme's tiers and members' tiers; stages as of ``at``, read again."""
        chosen = self.chosen_tier()
        self.tier.clear()
        self.tier.addItem(self.tr("All tiers"), ALL)
        for name in tiers.names:
            self.tier.addItem(name, name)
        self.tier.setCurrentIndex(max(self.tier.findData(chosen), 0))
        self._tiers = dict(tiers.of_member)
        self._stages.clear()
        self._at = at
        if self.chosen_stage() != ALL:
            self._read(self.chosen_stage())

    def keeps(self, member_no: str) -> bool:
        """Whether the member is in the stage and tier picked (nobody while a stage is read)."""
        stage, tier = self.chosen_stage(), self.chosen_tier()
        if tier != ALL and self._tiers.get(member_no) != tier:
            return False
        return stage == ALL or member_no in self._stages.get(stage, frozenset())

    def _stage_picked(self) -> None:
        stage = self.chosen_stage()
        if stage != ALL and stage not in self._stages:
            self._read(stage)
        self.changed.emit()

    def _read(self, stage: str) -> None:
        shop, actor, at = self.shop, self.actor, self._at

        def work() -> tuple[str, datetime | None, tuple[str, ...]]:
            found = segment_suggestions.group_members(shop, actor, MemberGroup(stage=stage), at)
            return stage, at, found

        self.tasks.submit(work, self._arrived, self._refused, owner=self)

    def _arrived(self, answer: tuple[str, datetime | None, tuple[str, ...]]) -> None:
        stage, at, found = answer
        if at != self._at:
            return  # the figures were computed again meanwhile
        self._stages[stage] = frozenset(found)
        if stage == self.chosen_stage():
            self.changed.emit()

    def _refused(self, error: LoyaltyError) -> None:
        self.failed.emit(error)
