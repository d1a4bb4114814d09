"""The back office's Events page: member-only events, sign-ups, and the door check-in.

At the door a member's card is scanned with focus anywhere on the page (the
window's scan listener hands the code here) or typed into the check-in field;
either checks the member in to the chosen event, and the attendance points
are paid once however often the card is scanned.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from PySide6.QtCore import QDateTime, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDateTimeEdit,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
)

from loyalty_desktop.domain.errors import LoyaltyError
from loyalty_desktop.services import member_events, programs
from loyalty_desktop.services.auth import Actor, Permission
from loyalty_desktop.services.context import Shop
from loyalty_desktop.services.member_events import CheckedIn, EventSummary
from loyalty_desktop.ui.console.events_model import EventTableModel
from loyalty_desktop.ui.console.page import ConsolePage, pick_list
from loyalty_desktop.ui.scanner import disable_ime
from loyalty_desktop.ui.screens.messages import spoken, tell
from loyalty_desktop.ui.tasks import Tasks


def _utc(edit: QDateTimeEdit) -> datetime:
    return datetime.fromtimestamp(edit.dateTime().toSecsSinceEpoch(), UTC)


class EventsPage(ConsolePage):
    """Events soonest first, a form for a new one, and the sign-up and door fields."""

    def __init__(self, shop: Shop, tasks: Tasks, actor: Actor) -> None:
        super().__init__(shop, tasks, actor)
        heading = QLabel(self.tr("Events"))
        heading.setObjectName("title")
        guide = QLabel(
            self.tr(
                "Member-only events: choose one, sign members up, and at the door scan their "
                "card. Attendance points are given once, however often a card is scanned."
            )
        )
        guide.setWordWrap(True)
        self.model = EventTableModel()
        self.table = pick_list(self.model)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)

        self.door = QLineEdit()
        self.door.setPlaceholderText(self.tr("Scan the member's card, or type their number"))
        disable_ime(self.door)
        self.signup_ref = QLineEdit()
        self.signup_ref.setPlaceholderText(self.tr("Member number, phone or card"))
        self.signup = QPushButton(self.tr("Sign up"))
        door_row = QHBoxLayout()
        door_row.addWidget(QLabel(self.tr("Door check-in:")))
        door_row.addWidget(self.door, 2)
        door_row.addSpacing(16)
        door_row.addWidget(self.signup_ref, 1)
        door_row.addWidget(self.signup)

        self.message = QLabel()
        self.message.setObjectName("notice")
        self.message.setWordWrap(True)

        box = QVBoxLayout(self)
        box.addWidget(heading)
        box.addWidget(guide)
        box.addWidget(self.table, 1)
        box.addLayout(door_row)
        box.addWidget(self.message)
        box.addWidget(self._new_event_form())

        self.door.returnPressed.connect(lambda: self.check_in(self.door.text()))
        self.signup.clicked.connect(self.sign_up)
        self.signup_ref.returnPressed.connect(self.sign_up)
        self.add_event.clicked.connect(self.create_event)
        self.table.selectionModel().selectionChanged.connect(self._chosen)
        self._chosen()

    def _new_event_form(self) -> QGroupBox:
        form_box = QGroupBox(self.tr("New event"))
        form_box.setVisible(self.actor.may(Permission.PROGRAM))
        self.name = QLineEdit()
        self.name.setMaxLength(100)
        now = QDateTime.currentDateTime()
        self.starts = QDateTimeEdit(now.addDays(7))
        self.ends = QDateTimeEdit(now.addDays(7).addSecs(3 * 3600))
        for edit in (self.starts, self.ends):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd HH:mm")
        self.capacity = QSpinBox()
        self.capacity.setRange(1, 100_000)
        self.capacity.setValue(30)
        self.tiers = QLineEdit()
        self.tiers.setPlaceholderText(self.tr("Empty: every tier; else names, comma-separated"))
        self.activity = QComboBox()
        self.activity.addItem(self.tr("No points"), None)
        self.add_event = QPushButton(self.tr("Create event"))
        self.add_event.setObjectName("primary")
        form = QFormLayout(form_box)
        form.addRow(self.tr("Name"), self.name)
        times = QHBoxLayout()
        times.addWidget(self.starts)
        times.addWidget(QLabel(self.tr("to")))
        times.addWidget(self.ends)
        times.addStretch(1)
        form.addRow(self.tr("When"), times)
        form.addRow(self.tr("Places"), self.capacity)
        form.addRow(self.tr("Open to tiers"), self.tiers)
        form.addRow(self.tr("Attendance points for"), self.activity)
        form.addRow("", self.add_event)
        return form_box

    def shown(self) -> None:
        """Fetch the events and the programme's activities afresh."""
        self.refresh()
        shop, actor = self.shop, self.actor
        self.tasks.submit(
            lambda: programs.show_program(shop, actor).program,
            lambda program: self._activities([name for name, _ in program.activity]),
            self._refused,
            owner=self,
        )

    def _activities(self, names: list[str]) -> None:
        chosen = self.activity.currentData()
        self.activity.clear()
        self.activity.addItem(self.tr("No points"), None)
        for name in names:
            self.activity.addItem(name, name)
        self.activity.setCurrentIndex(max(self.activity.findData(chosen), 0))

    def refresh(self, keep: str | None = None) -> None:
        """Load the events not yet over; ``keep`` (an event id) stays chosen."""
        shop, actor = self.shop, self.actor
        after = datetime.now(UTC) - timedelta(days=1)
        self.tasks.submit(
            lambda: tuple(member_events.list_events(shop, actor, ending_after=after)),
            lambda events: self._listed(events, keep),
            self._refused,
            owner=self,
        )

    def _listed(self, events: tuple[EventSummary, ...], keep: str | None) -> None:
        chosen = keep or (self.chosen.event.id if self.chosen else None)
        self.model.show(events)
        rows = [i for i, s in enumerate(events) if s.event.id == chosen]
        if rows or events:
            self.table.selectRow(rows[0] if rows else 0)
        self._chosen()

    @property
    def chosen(self) -> EventSummary | None:
        """The event selected in the table."""
        rows = self.table.selectionModel().selectedRows()
        if not rows or rows[0].row() >= len(self.model.events):
            return None
        return self.model.events[rows[0].row()]

    def _chosen(self, *_: object) -> None:
        has = self.chosen is not None
        for widget in (self.door, self.signup_ref, self.signup):
            widget.setEnabled(has)

    def _refused(self, error: LoyaltyError) -> None:
        tell(self.message, spoken(error))

    def scanned(self, code: str) -> None:
        """A card scanned anywhere on the page checks its member in to the chosen event."""
        self.check_in(code)

    def check_in(self, code: str) -> None:
        """Check the member in to the chosen event; say who, and the points given."""
        summary = self.chosen
        if summary is None or not code.strip():
            tell(self.message, self.tr("Choose an event first."))
            return
        self.door.clear()
        shop, actor, event_id = self.shop, self.actor, summary.event.id
        self.tasks.submit(
            lambda: member_events.check_in(shop, actor, event_id, code),
            self._came,
            self._refused,
            owner=self,
        )

    def _came(self, came: CheckedIn) -> None:
        if not came.first_time:
            said = self.tr("Member {member_no} is already checked in (no more points).")
        elif came.earned:
            said = self.tr("Welcome, member {member_no}: checked in, {earned} points.")
        elif came.no_points_reason:
            said = self.tr("Welcome, member {member_no}: checked in; no points today ({why}).")
        else:
            said = self.tr("Welcome, member {member_no}: checked in.")
        why = came.no_points_message or ""
        tell(
            self.message,
            said.format(member_no=came.member_no, earned=came.earned, why=why),
            ok=True,
        )
        self.refresh(keep=came.event.id)
        self.door.setFocus(Qt.FocusReason.OtherFocusReason)

    def sign_up(self) -> None:
        """Give the member typed beside the button a place at the chosen event."""
        summary, ref = self.chosen, self.signup_ref.text().strip()
        if summary is None or not ref:
            return
        shop, actor, event_id = self.shop, self.actor, summary.event.id

        def done(signup: object) -> None:
            self.signup_ref.clear()
            tell(
                self.message,
                self.tr("Signed up: member {member_no}.").format(
                    member_no=getattr(signup, "member_no", "")
                ),
                ok=True,
            )
            self.refresh(keep=event_id)

        self.tasks.submit(
            lambda: member_events.sign_up(shop, actor, event_id, ref),
            done,
            self._refused,
            owner=self,
        )

    def create_event(self) -> None:
        """Create the event the form describes, and choose it."""
        shop, actor = self.shop, self.actor
        name, capacity = self.name.text(), self.capacity.value()
        starts, ends = _utc(self.starts), _utc(self.ends)
        tiers = tuple(t.strip() for t in self.tiers.text().split(",") if t.strip())
        activity = self.activity.currentData()

        def done(event: object) -> None:
            self.name.clear()
            tell(self.message, self.tr("The event was created."), ok=True)
            self.refresh(keep=getattr(event, "id", None))

        self.tasks.submit(
            lambda: member_events.create_event(
                shop, actor, name, starts, ends, capacity, tiers, activity
            ),
            done,
            self._refused,
            owner=self,
        )
