"""The back office's Offers page: targeted offers, issuing them, their coupons, and their measured lift.

The table lists each offer with who got it, how many coupons were used and
the lift against the control group (from ``loyalty report offers``, worked
out in the background). A manager issues the chosen offer, exports its
coupons as a CSV list for an SMS or WeChat send, or saves each coupon as a
printable QR image. The New offer tab writes the offer file the command reads.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QScrollArea,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from loyalty_desktop.domain.errors import LoyaltyError
from loyalty_desktop.domain.money import Currency
from loyalty_desktop.output_files import write_new_file
from loyalty_desktop.printing.coupon_image import coupon_png
from loyalty_desktop.services import offer_report, offers, programs
from loyalty_desktop.services.auth import Actor, Permission
from loyalty_desktop.services.context import Shop
from loyalty_desktop.services.offers import Issued, OfferSummary
from loyalty_desktop.ui.console.offer_form import OfferForm
from loyalty_desktop.ui.console.offers_model import OfferTableModel
from loyalty_desktop.ui.console.page import ConsolePage, pick_list
from loyalty_desktop.ui.screens.messages import spoken, tell
from loyalty_desktop.ui.tasks import Tasks


class OffersPage(ConsolePage):
    """Offers newest first with their lift; issue, coupon list, coupon images; a form for a new one."""

    def __init__(self, shop: Shop, tasks: Tasks, actor: Actor) -> None:
        super().__init__(shop, tasks, actor)
        heading = QLabel(self.tr("Offers"))
        heading.setObjectName("title")
        guide = QLabel(
            self.tr(
                "Targeted offers give coupons to an audience; prices stay the same for everyone. "
                "A random control group gets nothing, so the lift below is what the offer added."
            )
        )
        guide.setWordWrap(True)
        self.model = OfferTableModel()
        self.table = pick_list(self.model)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)  # long names elide
        self.table.setWordWrap(False)
        self.issue = QPushButton(self.tr("Issue coupons"))
        self.issue.setObjectName("primary")
        self.export = QPushButton(self.tr("Coupon list (CSV)…"))
        self.images = QPushButton(self.tr("Coupon QR images…"))
        self.reload = QPushButton(self.tr("Refresh"))
        for button, allowed in (
            (self.issue, Permission.PROGRAM),
            (self.export, Permission.EXPORT),
            (self.images, Permission.EXPORT),
        ):
            button.setVisible(actor.may(allowed))
        actions = QHBoxLayout()
        for button in (self.issue, self.export, self.images):
            actions.addWidget(button)
        actions.addStretch(1)
        actions.addWidget(self.reload)
        self.message = QLabel()
        self.message.setObjectName("notice")
        self.message.setWordWrap(True)

        listing = QWidget()
        column = QVBoxLayout(listing)
        column.addWidget(self.table, 1)
        column.addLayout(actions)
        self.form = OfferForm()
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.form)
        self.tabs = QTabWidget()
        self.tabs.addTab(listing, self.tr("Offers and lift"))
        if actor.may(Permission.PROGRAM):
            self.tabs.addTab(scroll, self.tr("New offer"))

        box = QVBoxLayout(self)
        box.addWidget(heading)
        box.addWidget(guide)
        box.addWidget(self.tabs, 1)
        box.addWidget(self.message)

        self.issue.clicked.connect(self.issue_chosen)
        self.export.clicked.connect(self.export_list)
        self.images.clicked.connect(self.save_images)
        self.reload.clicked.connect(self.refresh)
        self.form.submitted.connect(self.create_offer)
        self.table.selectionModel().selectionChanged.connect(self._chosen)
        self._chosen()

    def shown(self) -> None:
        """Fetch the offers and their report afresh."""
        self.refresh()

    def refresh(self, keep: str | None = None) -> None:
        """Load the offers, then the report's redemption and lift."""
        shop, actor = self.shop, self.actor
        self.tasks.submit(
            lambda: tuple(offers.list_offers(shop, actor)),
            lambda found: self._listed(found, keep),
            self._refused,
            owner=self,
        )
        if actor.may(Permission.REPORTS):

            def report() -> tuple[offer_report.OfferReport, Currency]:
                found = offer_report.offer_report(shop, actor)
                return found, programs.show_program(shop, actor).program.currency

            self.tasks.submit(
                report,
                lambda done: self.model.show_results(done[0].offers, done[1]),
                self._refused,
                owner=self,
            )

    def _listed(self, found: tuple[OfferSummary, ...], keep: str | None) -> None:
        chosen = keep or (self.chosen.offer.id if self.chosen else None)
        self.model.show(found)
        rows = [i for i, s in enumerate(found) if s.offer.id == chosen]
        if rows or found:
            self.table.selectRow(rows[0] if rows else 0)
        self._chosen()

    @property
    def chosen(self) -> OfferSummary | None:
        """The offer selected in the table."""
        rows = self.table.selectionModel().selectedRows()
        if not rows or rows[0].row() >= len(self.model.offers):
            return None
        return self.model.offers[rows[0].row()]

    def _chosen(self, *_: object) -> None:
        for button in (self.issue, self.export, self.images):
            button.setEnabled(self.chosen is not None)

    def _refused(self, error: LoyaltyError) -> None:
        tell(self.message, spoken(error))

    def create_offer(self, text: str) -> None:
        """Create the offer the form describes, and choose it."""
        shop, actor = self.shop, self.actor

        def done(offer: object) -> None:
            self.form.clear()
            self.tabs.setCurrentIndex(0)
            tell(
                self.message,
                self.tr("The offer was created: issue it to give the coupons."),
                ok=True,
            )
            self.refresh(keep=getattr(offer, "id", None))

        self.tasks.submit(
            lambda: offers.create_offer(shop, actor, text, self.tr("form")),
            done,
            self._refused,
            owner=self,
        )

    def issue_chosen(self) -> None:
        """Give the chosen offer's audience their coupons (again: only members not reached yet)."""
        summary = self.chosen
        if summary is None:
            return
        shop, actor, offer_id = self.shop, self.actor, summary.offer.id

        def done(issued: Issued) -> None:
            tell(
                self.message,
                self.tr(
                    "Issued: {given} members got {coupons} coupons, {control} are the control "
                    "group (nothing); {opted} opted out of personalised offers."
                ).format(
                    given=issued.given,
                    coupons=issued.coupons,
                    control=issued.control,
                    opted=issued.opted_out,
                ),
                ok=True,
            )
            self.refresh(keep=offer_id)

        self.tasks.submit(
            lambda: offers.issue_offer(shop, actor, offer_id), done, self._refused, owner=self
        )

    def export_list(self) -> None:
        """Save the chosen offer's unused coupons as a CSV list (member, name, phone, code)."""
        summary = self.chosen
        if summary is None:
            return
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Coupon list"), "coupons.csv", self.tr("CSV files (*.csv)")
        )
        if path:
            self.write_list(Path(path), summary.offer.id)

    def write_list(self, path: Path, offer_id: str) -> None:
        """Write the coupon list of ``offer_id`` to ``path`` (in the background)."""
        shop, actor = self.shop, self.actor

        def write() -> int:
            lines = offers.coupon_list(shop, actor, offer_id)
            write_new_file(
                path, offers.coupon_list_csv(lines), force=True, protected=shop.own_files()
            )
            return len(lines)

        self.tasks.submit(
            write,
            lambda n: tell(
                self.message,
                self.tr("{n} coupons written to {file}.").format(n=n, file=path),
                ok=True,
            ),
            self._refused,
            owner=self,
        )

    def save_images(self) -> None:
        """Save each unused coupon of the chosen offer as a printable QR image in a folder."""
        summary = self.chosen
        if summary is None:
            return
        folder = QFileDialog.getExistingDirectory(self, self.tr("Folder for the coupon images"))
        if folder:
            self.write_images(Path(folder), summary.offer.id)

    def write_images(self, folder: Path, offer_id: str) -> None:
        """Write one PNG per unused coupon of ``offer_id`` into ``folder`` (in the background)."""
        shop, actor = self.shop, self.actor

        def write() -> int:
            lines = offers.coupon_list(shop, actor, offer_id)
            shop_name = programs.show_program(shop, actor).program.shop_name or ""
            for n, line in enumerate(lines, start=1):
                png = coupon_png(
                    line.code,
                    shop_name=shop_name,
                    offer=line.offer,
                    gives=line.gives,
                    valid_until=line.valid_until,
                    member_no=line.member_no,
                )
                target = folder / f"coupon-{line.member_no}-{n}.png"
                write_new_file(target, png, force=True, protected=shop.own_files())
            return len(lines)

        self.tasks.submit(
            write,
            lambda n: tell(
                self.message,
                self.tr("{n} coupon images saved in {folder}.").format(n=n, folder=folder),
                ok=True,
            ),
            self._refused,
            owner=self,
        )
