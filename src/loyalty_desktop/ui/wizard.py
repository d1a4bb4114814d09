"""The first-run wizard: the shop, its administrator and where its data lives, asked once.

Three pages: the shop (name, currency, time zone, language: the wizard speaks
the PC's language from the start and a chosen one at once), the administrator (name and PIN twice, checked
by the same rules as the staff screens), and the data (empty or demo shop, the
database file). Nothing is written until Finish; :meth:`FirstRunWizard.setup`
then hands the answers to ``first_start.make_shop``.
"""

from __future__ import annotations

from pathlib import Path
from zoneinfo import available_timezones

from PySide6.QtCore import QCoreApplication, QEvent, QLocale, Qt, QTimeZone, QTranslator
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from loyalty_desktop.domain.errors import LoyaltyError
from loyalty_desktop.first_start import (
    CURRENCIES,
    ShopSetup,
    can_write_machine_settings,
    default_database,
)
from loyalty_desktop.services import staff
from loyalty_desktop.ui.language import install_translations
from loyalty_desktop.ui.screens.messages import spoken

LANGUAGE_CODES = ("", "en", "zh_CN")

# QWizard names its buttons once, when it is made; Qt's own catalogue (context "QWizard")
# has these words, so they are looked up again whenever the language changes.
_BUTTON_WORDS = (
    (QWizard.WizardButton.BackButton, "< &Back"),
    (QWizard.WizardButton.NextButton, "&Next >"),
    (QWizard.WizardButton.FinishButton, "&Finish"),
    (QWizard.WizardButton.CancelButton, "Cancel"),
)


def _system_zone() -> str:
    zone = bytes(QTimeZone.systemTimeZoneId().data()).decode()
    return zone if zone in available_timezones() else "UTC"


def _notice() -> QLabel:
    label = QLabel()
    label.setObjectName("notice")
    label.setWordWrap(True)
    return label


def _intro() -> QLabel:
    """What the page is for, shown at its top.

    Not QWizard's subtitle: Qt sizes that for two lines of Latin text (of "Pq"), so a
    Chinese one (a taller font) that wraps, or a third line, is cut off.
    """
    label = QLabel()
    label.setWordWrap(True)
    return label


def _page_box(page: QWizardPage, intro: QLabel) -> QVBoxLayout:
    """The page's column, its intro on top."""
    box = QVBoxLayout(page)
    box.addWidget(intro)
    box.addSpacing(8)
    return box


def _form_under(page: QWizardPage, intro: QLabel) -> QFormLayout:
    form = QFormLayout()
    _page_box(page, intro).addLayout(form)
    return form


class ShopPage(QWizardPage):
    """Shop name, currency, time zone and the language of the screens."""

    def __init__(self) -> None:
        super().__init__()
        self.name = QLineEdit()
        self.name.setMaxLength(60)
        self.currency = QComboBox()
        self.currency.addItems(CURRENCIES)
        self.timezone = QComboBox()
        self.timezone.setEditable(True)
        self.timezone.addItems(sorted(available_timezones()))
        self.timezone.setCurrentText(_system_zone())
        self.language = QComboBox()
        self.language.addItems(["", "English", "简体中文"])
        self.message = _notice()
        self.intro = _intro()
        self.form = _form_under(self, self.intro)
        for field in (self.name, self.currency, self.timezone, self.language):
            self.form.addRow(QLabel(), field)
        self.form.addRow(self.message)
        self.name.textChanged.connect(self.completeChanged)
        self.registerField("shop_name*", self.name)

    def label(self) -> None:
        """Put the page's words in the current language."""
        self.setTitle(self.tr("Your shop"))
        self.intro.setText(
            self.tr("These show on receipts and member cards; a manager can change them later.")
        )
        words = (
            self.tr("Shop name"),
            self.tr("Currency"),
            self.tr("Time zone"),
            self.tr("Language"),
        )
        for row, word in enumerate(words):
            item = self.form.itemAt(row, QFormLayout.ItemRole.LabelRole)
            label = item.widget() if item is not None else None
            if isinstance(label, QLabel):
                label.setText(word)
        self.language.setItemText(0, self.tr("Same as this computer"))

    def validatePage(self) -> bool:  # noqa: N802 (Qt's name)
        """Next / Finish only with answers that will be accepted."""
        if not self.name.text().strip():
            self.message.setText(self.tr("Type the shop's name."))
            return False
        if self.timezone.currentText() not in available_timezones():
            self.message.setText(
                self.tr("Choose a time zone from the list, such as Asia/Shanghai.")
            )
            return False
        return True


class AdminPage(QWizardPage):
    """The first account: an administrator, who adds the cashiers and managers later."""

    def __init__(self) -> None:
        super().__init__()
        self.name = QLineEdit()
        self.pin = QLineEdit()
        self.again = QLineEdit()
        for field in (self.pin, self.again):
            field.setEchoMode(QLineEdit.EchoMode.Password)
            field.setAttribute(Qt.WidgetAttribute.WA_InputMethodEnabled, False)
        self.message = _notice()
        self.intro = _intro()
        self.form = _form_under(self, self.intro)
        for field in (self.name, self.pin, self.again):
            self.form.addRow(QLabel(), field)
        self.form.addRow(self.message)

    def label(self) -> None:
        """Put the page's words in the current language."""
        self.setTitle(self.tr("The administrator"))
        self.intro.setText(
            self.tr(
                "The administrator adds the cashiers and managers later. "
                "Choose a PIN of at least 4 digits and keep it safe."
            )
        )
        for row, word in enumerate((self.tr("Name"), self.tr("PIN"), self.tr("PIN again"))):
            item = self.form.itemAt(row, QFormLayout.ItemRole.LabelRole)
            label = item.widget() if item is not None else None
            if isinstance(label, QLabel):
                label.setText(word)

    def validatePage(self) -> bool:  # noqa: N802 (Qt's name)
        """Next / Finish only with answers that will be accepted."""
        try:
            staff.check_staff_name(self.name.text())
            staff.check_pin(self.pin.text())
        except LoyaltyError as error:
            self.message.setText(spoken(error))
            return False
        if self.pin.text() != self.again.text():
            self.message.setText(self.tr("The two PINs differ; type them again."))
            self.again.clear()
            return False
        self.message.clear()
        return True


class DataPage(QWizardPage):
    """An empty shop or the demo, and the database file."""

    def __init__(self) -> None:
        super().__init__()
        self.empty = QRadioButton()
        self.demo = QRadioButton()
        self.empty.setChecked(True)
        self.choice = QButtonGroup(self)
        self.choice.addButton(self.empty)
        self.choice.addButton(self.demo)
        self.path = QLineEdit(str(default_database()))
        self.browse = QPushButton()
        self.browse.clicked.connect(self.choose_file)
        self.where = QLabel()
        self.hint = QLabel()
        self.hint.setWordWrap(True)
        self.shared = QCheckBox()
        self.message = _notice()
        self.intro = _intro()
        row = QHBoxLayout()
        row.addWidget(self.path, 1)
        row.addWidget(self.browse)
        box = _page_box(self, self.intro)
        box.addWidget(self.empty)
        box.addWidget(self.demo)
        box.addSpacing(16)
        box.addWidget(self.where)
        box.addLayout(row)
        box.addWidget(self.hint)
        box.addSpacing(8)
        box.addWidget(self.shared)
        box.addWidget(self.message)
        box.addStretch(1)

    def label(self) -> None:
        """Put the page's words in the current language."""
        self.setTitle(self.tr("Your data"))
        self.intro.setText(
            self.tr("Start with an empty shop, or try the program on a demo shop first.")
        )
        self.empty.setText(self.tr("Start with an empty shop"))
        self.demo.setText(
            self.tr("Start with demo data (300 members and a year of sales, in yuan)")
        )
        self.where.setText(self.tr("The shop's database file"))
        self.browse.setText(self.tr("Choose…"))
        self.hint.setText(
            self.tr(
                "Keep it on this computer's own disk. Backups are made next to it every day; "
                "copy them to a USB stick or another computer now and then."
            )
        )
        self.shared.setText(self.tr("Every user of this computer opens this shop (a shared till)"))

    def choose_file(self) -> None:
        """Pick the database file in a file dialog."""
        chosen, _ = QFileDialog.getSaveFileName(
            self, self.tr("The shop's database file"), self.path.text(), "SQLite (*.db)"
        )
        if chosen:
            self.path.setText(chosen)

    def validatePage(self) -> bool:  # noqa: N802 (Qt's name)
        """Next / Finish only with answers that will be accepted."""
        path = Path(self.path.text()).expanduser()
        if not self.path.text().strip() or path.is_dir():
            return False
        if self.shared.isChecked() and not can_write_machine_settings():
            self.message.setText(
                self.tr(
                    "Only an administrator of this computer can set up a shared till. "
                    "Start the program as administrator once, or untick the shared till."
                )
            )
            return False
        self.message.clear()
        return True


class FirstRunWizard(QWizard):
    """Shop, administrator, data; Finish returns the answers as a :class:`ShopSetup`."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWizardStyle(QWizard.WizardStyle.ModernStyle)
        self.shop, self.admin, self.data = ShopPage(), AdminPage(), DataPage()
        for page in (self.shop, self.admin, self.data):
            self.addPage(page)
        # 900: the demo choice fits on one line in English. 620: the data page in 24 px type with
        # its hint on three lines; Qt leaves word-wrapped labels out of a page's minimum, so a
        # smaller window cuts them off (tests/ui/test_wizard_look.py).
        self.setMinimumSize(900, 620)
        self._translators: list[QTranslator] = []
        # "Same as this computer": the language in force when the wizard opens, which is the
        # PC's own (QLocale.system()) unless the program was told another.
        self._own_locale = QLocale()
        self.shop.language.currentIndexChanged.connect(self.speak)
        self.speak()  # a Chinese PC gets a Chinese wizard before anything is chosen
        self.label()  # now: the LanguageChange that speak() causes arrives only later

    def label(self) -> None:
        """Put the page's words in the current language."""
        self.setWindowTitle(self.tr("Set up loyalty-desktop"))
        for button, words in _BUTTON_WORDS:
            self.setButtonText(button, QCoreApplication.translate("QWizard", words))
        for page in (self.shop, self.admin, self.data):
            page.label()

    def language(self) -> str:
        """The chosen language code (empty: the PC's own)."""
        return LANGUAGE_CODES[max(self.shop.language.currentIndex(), 0)]

    def speak(self) -> None:
        """Switch the wizard to the chosen language now: its words and its refusals."""
        app = QCoreApplication.instance()
        if app is None:
            return
        for translator in self._translators:
            app.removeTranslator(translator)
        code = self.language()
        locale = QLocale(code) if code else self._own_locale
        QLocale.setDefault(locale)  # the refusals (spoken()) are worded in the default locale
        self._translators = install_translations(app, locale)

    def release_language(self) -> None:
        """Take the wizard's translations away again: the till installs the language it keeps."""
        app = QCoreApplication.instance()
        for translator in self._translators:
            if app is not None:
                app.removeTranslator(translator)
        self._translators = []
        QLocale.setDefault(self._own_locale)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt's name)
        """Say everything again when the language changes."""
        if event.type() == QEvent.Type.LanguageChange:
            self.label()
        super().changeEvent(event)

    def setup(self) -> ShopSetup:
        """The answers, as typed (checked by each page's Next / Finish)."""
        return ShopSetup(
            shop_name=self.shop.name.text().strip(),
            currency=self.shop.currency.currentText(),
            timezone=self.shop.timezone.currentText(),
            language=self.language(),
            admin_name=self.admin.name.text(),
            admin_pin=self.admin.pin.text(),
            demo=self.data.demo.isChecked(),
            shared=self.data.shared.isChecked(),
            database=Path(self.data.path.text().strip()).expanduser().resolve(),
        )
