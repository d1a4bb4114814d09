"""The audit log page: filter by staff, member, action and dates; read an entry; verify the chain; export CSV."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path

from PySide6.QtCore import QDate, QItemSelection, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QFileDialog,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
)

from loyalty_desktop.domain.errors import LoyaltyError
from loyalty_desktop.output_files import write_new_file
from loyalty_desktop.services import audit_view
from loyalty_desktop.services.audit_chain import BreakKind, ChainVerdict, verify_chain
from loyalty_desktop.services.audit_view import AuditChoices, AuditExport, AuditLine, AuditQuery
from loyalty_desktop.services.auth import Actor
from loyalty_desktop.services.context import Shop
from loyalty_desktop.ui.console.audit_model import (
    AuditModel,
    action_name,
    local_time,
    subject_text,
)
from loyalty_desktop.ui.console.page import ConsolePage
from loyalty_desktop.ui.screens.messages import spoken, tell
from loyalty_desktop.ui.tasks import Tasks

_NO_DATE = QDate(2000, 1, 1)  # the date fields' "any" value, shown as a dash


class AuditPage(ConsolePage):
    """Filters on top, the entries in a lazy table, the chosen entry's details beside it."""

    def __init__(self, shop: Shop, tasks: Tasks, actor: Actor) -> None:
        super().__init__(shop, tasks, actor)
        title = QLabel(self.tr("Audit log"))
        title.setObjectName("title")
        self.staff = QComboBox()
        self.member = QLineEdit()
        self.member.setPlaceholderText(self.tr("Member number or phone"))
        self.action = QComboBox()
        self.since = self._date_field()
        self.until = self._date_field()
        self.apply = QPushButton(self.tr("Show (Enter)"))
        self.apply.setObjectName("primary")
        self.verify = QPushButton(self.tr("Verify the chain"))
        self.export = QPushButton(self.tr("Export CSV…"))
        self.model = AuditModel(tasks, self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        # Action wide enough for "Member data exported" (the reason keeps the width it had).
        for column, width in enumerate((200, 100, 215, 150)):
            self.table.setColumnWidth(column, width)
        self.details = QPlainTextEdit()
        self.details.setReadOnly(True)
        self.details.setPlaceholderText(self.tr("Choose an entry to read all of it."))
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.chain = QLabel()
        self.chain.setWordWrap(True)
        self._lay_out(title)
        self._fill_choices(AuditChoices((), ()))
        self.apply.clicked.connect(self.show_entries)
        self.member.returnPressed.connect(self.show_entries)
        self.verify.clicked.connect(self.verify_chain)
        self.export.clicked.connect(self.export_csv)
        self.model.failed.connect(self._failed)
        self.model.loaded.connect(self._counted)
        self.table.selectionModel().selectionChanged.connect(self._chosen)
        shortcut = QShortcut(QKeySequence("Ctrl+E"), self)
        shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        shortcut.activated.connect(self.export_csv)
        self._loaded_once = False

    def _date_field(self) -> QDateEdit:
        field = QDateEdit()
        field.setCalendarPopup(True)
        field.setDisplayFormat("yyyy-MM-dd")
        field.setMinimumDate(_NO_DATE)
        field.setSpecialValueText(self.tr("any"))
        field.setDate(_NO_DATE)
        return field

    def _lay_out(self, title: QLabel) -> None:
        filters = QGridLayout()
        filters.addWidget(QLabel(self.tr("Staff")), 0, 0)
        filters.addWidget(self.staff, 0, 1)
        filters.addWidget(QLabel(self.tr("Member")), 0, 2)
        filters.addWidget(self.member, 0, 3)
        filters.addWidget(QLabel(self.tr("Action")), 0, 4)
        filters.addWidget(self.action, 0, 5)
        filters.addWidget(QLabel(self.tr("From")), 1, 0)
        filters.addWidget(self.since, 1, 1)
        filters.addWidget(QLabel(self.tr("Until")), 1, 2)
        filters.addWidget(self.until, 1, 3)
        filters.addWidget(self.apply, 1, 4, 1, 2)
        filters.setColumnStretch(3, 1)
        filters.setColumnStretch(5, 1)
        split = QSplitter(Qt.Orientation.Horizontal)
        split.addWidget(self.table)
        split.addWidget(self.details)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 1)
        split.setSizes([760, 300])
        buttons = QHBoxLayout()
        buttons.addWidget(self.verify)
        buttons.addWidget(self.export)
        buttons.addStretch(1)
        box = QVBoxLayout(self)
        box.addWidget(title)
        box.addLayout(filters)
        box.addWidget(split, 1)
        box.addWidget(self.message)
        box.addWidget(self.chain)
        box.addLayout(buttons)

    def shown(self) -> None:
        """The first time: the lists of staff and actions, and the newest entries."""
        shop, actor = self.shop, self.actor
        self.tasks.submit(
            lambda: audit_view.audit_choices(shop, actor), self._fill_choices, self._failed
        )
        if not self._loaded_once:
            self._loaded_once = True
            self.show_entries()

    def _fill_choices(self, choices: AuditChoices) -> None:
        staff, action = self.staff.currentData(), self.action.currentData()
        self.staff.clear()
        self.staff.addItem(self.tr("Everyone"), "")
        for name in choices.staff:
            self.staff.addItem(name, name)
        self.action.clear()
        self.action.addItem(self.tr("All actions"), "")
        for code in choices.actions:
            self.action.addItem(action_name(code), code)
        self.staff.setCurrentIndex(max(0, self.staff.findData(staff)))
        self.action.setCurrentIndex(max(0, self.action.findData(action)))

    def query(self) -> AuditQuery:
        """The filter as the fields show it; dates are whole local days."""
        since = self.since.date()
        until = self.until.date()
        return AuditQuery(
            staff=str(self.staff.currentData() or "") or None,
            member=self.member.text().strip() or None,
            action=str(self.action.currentData() or "") or None,
            since=_local_midnight(since) if since != _NO_DATE else None,
            until=_local_midnight(until.addDays(1)) - timedelta(microseconds=1)
            if until != _NO_DATE
            else None,
        )

    def show_entries(self) -> None:
        """Read the entries the filter matches, newest first."""
        shop, actor, query = self.shop, self.actor, self.query()
        self.details.clear()
        tell(self.message, self.tr("Reading…"), ok=True)

        def page(before: int | None, limit: int) -> audit_view.AuditLines:
            return audit_view.audit_lines(shop, actor, query, before=before, limit=limit)

        self.model.show_source(page)

    def _counted(self) -> None:
        count = self.model.rowCount()
        more = self.model.canFetchMore(self.table.rootIndex())
        if count == 0:
            tell(self.message, self.tr("No entry matches."))
        elif more:
            tell(
                self.message,
                self.tr("{count} entries shown; scroll down for older ones.").format(count=count),
                ok=True,
            )
        else:
            # Not "{count} entries.": one entry read "1 entries." in English.
            tell(self.message, self.tr("Entries: {count}.").format(count=count), ok=True)

    def _failed(self, error: LoyaltyError) -> None:
        tell(self.message, spoken(error))

    def _chosen(self, selected: QItemSelection, _deselected: QItemSelection) -> None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            self.details.clear()
            return
        self.details.setPlainText(self.describe(self.model.line(rows[0].row())))

    def describe(self, line: AuditLine) -> str:
        """An entry in full: who, what, when, about whom, why, and each detail on its own line."""
        lines = [
            self.tr("Entry {seq}").format(seq=line.seq),
            self.tr("When: {at}").format(at=local_time(line.at)),
            self.tr("Staff: {name}").format(name=line.staff),
            self.tr("Action: {action} ({code})").format(
                action=action_name(line.action), code=line.action
            ),
            self.tr("About: {subject}").format(subject=subject_text(line)),
            self.tr("Reason: {reason}").format(reason=line.reason or "—"),
        ]
        if line.details:
            lines.append(self.tr("Details:"))
            for key, value in sorted(line.details.items()):
                shown = value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)
                lines.append(f"  {key}: {shown}")
        return "\n".join(lines)

    def verify_chain(self) -> None:
        """Check every entry's seal on the worker and say plainly whether the log is intact."""
        shop, actor = self.shop, self.actor
        self.verify.setEnabled(False)
        tell(self.chain, self.tr("Checking every entry…"), ok=True)
        self.tasks.submit(lambda: verify_chain(shop, actor), self._verified, self._not_verified)

    def _verified(self, verdict: ChainVerdict) -> None:
        self.verify.setEnabled(True)
        if verdict.intact:
            tell(
                self.chain,
                self.tr("The audit log is intact: all {count} entries check.").format(
                    count=verdict.entries
                ),
                ok=True,
            )
            return
        said = [self._break_text(b.seq, b.kind) for b in verdict.breaks[:3]]
        tell(
            self.chain,
            self.tr("The audit log is NOT intact. {breaks}").format(breaks=" ".join(said)),
        )

    def _break_text(self, seq: int, kind: BreakKind) -> str:
        texts = {
            BreakKind.MISSING: self.tr("Entry {seq} is missing."),
            BreakKind.ALTERED: self.tr("Entry {seq} was changed after it was written."),
            BreakKind.CUT_OFF: self.tr(
                "Entries up to {seq} were written, but later ones are gone."
            ),
            BreakKind.HEAD_DIFFERS: self.tr("Entry {seq} is not the entry that was written."),
            BreakKind.HEAD_UNKNOWN: self.tr(
                "The newest entry ({seq}) is not recorded outside the database."
            ),
        }
        return texts[kind].format(seq=seq)

    def _not_verified(self, error: LoyaltyError) -> None:
        self.verify.setEnabled(True)
        tell(self.chain, spoken(error))

    def ask_csv_path(self) -> str:
        """The file to export to (a dialog; tests answer it themselves)."""
        chosen, _ = QFileDialog.getSaveFileName(
            self, self.tr("Export the audit log"), "audit-log.csv", self.tr("CSV files (*.csv)")
        )
        return chosen

    def export_csv(self) -> None:
        """Write every entry the filter matches to a CSV file, never over the shop's own files."""
        chosen = self.ask_csv_path()
        if not chosen:
            return
        shop, actor, query = self.shop, self.actor, self.query()
        target = Path(chosen)

        def export() -> tuple[Path, AuditExport]:
            made = audit_view.audit_csv(shop, actor, query)
            # The dialog asked before replacing a file; the shop's own files are refused anyway.
            written = write_new_file(
                target, "\ufeff" + made.text, force=True, protected=shop.own_files()
            )
            return written, made

        self.export.setEnabled(False)
        self.tasks.submit(export, self._exported, self._not_exported)

    def _exported(self, result: tuple[Path, AuditExport]) -> None:
        self.export.setEnabled(True)
        path, made = result
        tell(
            self.message,
            self.tr("{count} entries written to {file}.").format(count=made.entries, file=path),
            ok=True,
        )

    def _not_exported(self, error: LoyaltyError) -> None:
        self.export.setEnabled(True)
        tell(self.message, spoken(error))


def _local_midnight(day: QDate) -> datetime:
    naive = datetime.combine(date(day.year(), day.month(), day.day()), time())
    return naive.astimezone().astimezone(UTC)
