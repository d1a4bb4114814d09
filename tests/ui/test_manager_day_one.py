"""A new manager's first day, in English and in Chinese, through the back office only.

Issue 11's "done when": on a fresh database a manager sets up a programme
from the built-in defaults, imports members and past sales from files a
Chinese spreadsheet wrote (GBK, Chinese headers), corrects a member's points
with a reason, merges two duplicates after the preview, exports and erases a
member, and finds every one of these in the audit log, whose chain is intact.
Every step is what a person does on the screens: typing, clicking, choosing
from lists; the native file choosers and the erase question are answered as
a person would answer them. Each step is one helper below, in the order of
the day. Screenshots of every page at the end go to /tmp/e2e11/<language>/.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication, QFileDialog, QLabel, QLineEdit, QMessageBox, QWidget
from pytestqt.exceptions import TimeoutError
from pytestqt.qtbot import QtBot

from loyalty_desktop.app import Opened, open_database
from loyalty_desktop.services import staff
from loyalty_desktop.services.auth import LOCAL_ADMIN
from loyalty_desktop.ui.console.audit_model import AuditModel
from loyalty_desktop.ui.console.audit_page import AuditPage
from loyalty_desktop.ui.console.import_page import ImportPage
from loyalty_desktop.ui.console.member_actions import AdjustDialog, MergeDialog
from loyalty_desktop.ui.console.member_detail import MemberDetailDialog
from loyalty_desktop.ui.console.members_page import MembersPage
from loyalty_desktop.ui.console.page import ConsolePage
from loyalty_desktop.ui.console.pages import PAGES
from loyalty_desktop.ui.console.programme_page import ProgrammePage
from loyalty_desktop.ui.console.programme_rows import RowsEditor
from loyalty_desktop.ui.console.screen import ConsoleScreen
from loyalty_desktop.ui.main_window import MainWindow

PIN = "2580"
MANAGER = "Mei"
SHOTS = Path("/tmp/e2e11")
LEFT = Qt.MouseButton.LeftButton

# What a shop's old system exported: Chinese headers, GBK bytes, CRLF (Excel's "CSV").
# 联系方式 is no header the import knows: the manager maps it to the phone by hand.
# M003 is M001 again (a second card); M004 asks to be forgotten.
MEMBERS_CSV = (
    "会员号,姓名,联系方式,生日\r\n"
    "M001,张伟,13800138000,1990-03-14\r\n"
    "M002,李娜,13900139000,\r\n"
    "M003,张伟,13700137000,1990-03-14\r\n"
    "M004,王芳,13600136000,\r\n"
)
SALES_CSV = (
    "单号,会员号,销售时间,商品编码,数量,单价,类别\r\n"
    "OLD-1,M001,2024-03-01 10:15,TEA-1,2,300.00,茶叶\r\n"
    "OLD-2,M002,2024-03-02 11:00,CUP-1,1,80.00,茶具\r\n"
    "OLD-3,M003,2024-03-03 16:30,TEA-2,1,500.00,茶叶\r\n"
    "OLD-4,M004,2024-03-04 09:45,TEA-1,1,300.00,茶叶\r\n"
)
REASON = "旧系统漏记的小票 / receipt the old system missed"


@dataclass(frozen=True)
class Words:
    """What the screens say in one language: the test reads them to know the language is on."""

    code: str
    defaults: str  # the programme page before any programme is saved
    preview: str  # the preview of a 100.00 sale by a Silver member (2 % off, × 1.5)
    saved: str
    detected_gbk: str
    rows_imported: str  # {n}
    give_reason: str
    corrected: str  # {points}
    merged: str  # {points}
    exported: str
    erased: str
    intact: str
    audit_title: str


ENGLISH = Words(
    code="en",
    defaults="The built-in defaults are in force",
    preview="pays 98.00 and earns 147 points",
    saved="Saved as version 1; it is in force from now.",
    detected_gbk="Detected: GBK (Chinese)",
    rows_imported="Rows imported: {n}.",
    give_reason="Give a reason first",
    corrected="Points corrected: now {points}.",
    merged="Merged: now {points} points.",
    exported="Exported to ",
    erased="erased (personal data removed)",
    intact="The audit log is intact: all {count} entries check.",
    audit_title="Audit log",
)
CHINESE = Words(
    code="zh_CN",
    defaults="正在使用内置默认方案",
    preview="实付 98.00，获得 147 积分",
    saved="已保存为第 1 版，即时生效。",
    detected_gbk="识别为：GBK（简体中文）",
    rows_imported="已导入 {n} 行。",
    give_reason="请先填写原因",
    corrected="积分已调整：现为 {points}。",
    merged="已合并：现有 {points} 积分。",
    exported="已导出到 ",
    erased="已注销（个人资料已删除）",
    intact="审计日志完好：全部 {count} 条校验通过。",
    audit_title="审计日志",
)


# -- the shop: a fresh database, its owner and the new manager --------------------------------


@pytest.fixture
def fresh_shop(tmp_path: Path) -> Iterator[Opened]:
    """No programme, no members: only the owner's account and the manager they took on."""
    opened = open_database(tmp_path / "shop.db", keys_dir=tmp_path / "keys")
    staff.add_staff(opened.shop, LOCAL_ADMIN, "Owner", "admin", "9999")
    owner = staff.sign_in(opened.shop, "Owner", "9999")
    staff.add_staff(opened.shop, owner, MANAGER, "manager", PIN)
    yield opened
    opened.engine.dispose()


@pytest.fixture
def till(qtbot: QtBot, fresh_shop: Opened) -> Iterator[MainWindow]:
    shown = MainWindow(fresh_shop.shop)
    qtbot.addWidget(shown)
    shown.resize(1366, 768)
    shown.show()
    qtbot.waitUntil(lambda: shown.stack.currentWidget() is shown.sign_in)
    yield shown
    shown.tasks.wait()


# -- the steps ---------------------------------------------------------------------------------


def sign_in_as_manager(qtbot: QtBot, window: MainWindow) -> None:
    qtbot.keyClicks(window.sign_in.name, MANAGER)
    window.sign_in.pin.setText(PIN)  # a PIN is typed into a password field
    qtbot.keyClick(window.sign_in.pin, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.checkout is not None and window.checkout.isVisible())


def choose_language(qtbot: QtBot, window: MainWindow, words: Words) -> None:
    """F10, pick the language, Ctrl+S: the till rebuilds its screens in it."""
    assert window.checkout is not None
    qtbot.keyClick(window.checkout.scan, Qt.Key.Key_F10)
    qtbot.waitUntil(lambda: window.settings is not None and window.settings.isVisible())
    settings = window.settings
    assert settings is not None
    settings.language.setCurrentIndex(settings.language.findData(words.code))
    qtbot.keyClick(settings.language, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: window.settings is None and window.checkout is not None)


def open_back_office(qtbot: QtBot, window: MainWindow) -> ConsoleScreen:
    assert window.checkout is not None
    qtbot.keyClick(window.checkout.scan, Qt.Key.Key_F11)
    console = window.console
    assert console is not None
    assert window.stack.currentWidget() is console
    return console


def go_to(qtbot: QtBot, console: ConsoleScreen, key: str) -> ConsolePage:
    """Click the page's name in the list on the left."""
    row = next(i for i, e in enumerate(PAGES) if e.key == key)
    item = console.nav.item(row)
    assert item is not None
    qtbot.mouseClick(console.nav.viewport(), LEFT, pos=console.nav.visualItemRect(item).center())
    page = console.stack.currentWidget()
    assert isinstance(page, ConsolePage)
    assert page is console.pages[key]
    return page


def wait_for_text(qtbot: QtBot, label: QLabel, wanted: str, *, whole: bool = False) -> None:
    """Wait until ``label`` says ``wanted`` (in it, or all of it); on timeout, say what it says."""

    def said() -> bool:
        return label.text() == wanted if whole else wanted in label.text()

    try:
        qtbot.waitUntil(said, timeout=10_000)
    except TimeoutError:
        raise AssertionError(f"{wanted!r} never shown; the screen says {label.text()!r}") from None


def type_text(qtbot: QtBot, field: QWidget, text: str) -> None:
    """Keys for Latin text; Chinese arrives as a Pinyin input method commits it."""
    if text.isascii():
        qtbot.keyClicks(field, text)
        return
    typed = QInputMethodEvent()
    typed.setCommitString(text)
    QApplication.sendEvent(field, typed)


def type_into(qtbot: QtBot, field: QLineEdit, text: str) -> None:
    """Select what the field holds and type over it, as a person does."""
    field.setFocus()
    field.selectAll()
    qtbot.keyClick(field, Qt.Key.Key_Delete)
    type_text(qtbot, field, text)
    try:
        qtbot.waitUntil(lambda: field.text() == text)  # the scanner's listener holds keys a moment
    except TimeoutError:
        raise AssertionError(f"typed {text!r}, the field holds {field.text()!r}") from None


def type_in_cell(qtbot: QtBot, rows: RowsEditor, row: int, key: str, text: str) -> None:
    """Click the cell, F2, type, Enter: the table's own editor writes it."""
    table, model = rows.table, rows.model
    index = model.index(row, model.column_of(key))
    table.scrollTo(index)
    rect = table.visualRect(index)
    qtbot.mouseClick(table.viewport(), LEFT, pos=rect.center())
    qtbot.keyClick(table, Qt.Key.Key_F2)
    editor = QApplication.focusWidget()
    assert isinstance(editor, QLineEdit), editor
    editor.selectAll()
    type_text(qtbot, editor, text)
    qtbot.waitUntil(lambda: editor.text() == text)
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: model.rows[row].get(key) == text)


def set_up_programme(qtbot: QtBot, page: ProgrammePage, words: Words) -> None:
    """From the built-in defaults: a point per yuan, two tiers (Silver from 1,000 spent), saved."""
    qtbot.waitUntil(lambda: page.in_force is not None)
    assert page.version.text() == words.defaults
    editor = page.editor
    editor.setCurrentIndex(0)  # Earning
    fields = editor.earning.fields
    for key, value in (
        ("shop_name", "Mei's Tea House 梅茶坊"),
        ("timezone", "Asia/Shanghai"),
        ("earn.points", "1"),
        ("earn.per", "1.00"),
    ):
        line = fields[key].editor
        assert isinstance(line, QLineEdit)
        type_into(qtbot, line, value)
    editor.setCurrentIndex(3)  # Tiers
    tiers = editor.tiers
    assert tiers.model.rowCount() == 1  # the defaults have one tier for everyone
    type_in_cell(qtbot, tiers, 0, "name", "Bronze")
    qtbot.mouseClick(tiers.add, LEFT)
    qtbot.waitUntil(lambda: tiers.model.rowCount() == 2)
    opened = QApplication.focusWidget()  # Add opens the new row's first cell for typing
    assert isinstance(opened, QLineEdit)
    qtbot.keyClick(opened, Qt.Key.Key_Escape)  # each cell is typed below the same way
    for key, value in (
        ("name", "Silver"),
        ("threshold", "1000"),
        ("discount_pct", "2"),
        ("earn_multiplier", "1.5"),
        ("colour", "#C0C0C0"),
    ):
        type_in_cell(qtbot, tiers, 1, key, value)
    assert tiers.error.isHidden(), tiers.error.text()
    preview = page.preview
    qtbot.waitUntil(lambda: preview.tier.findData("Silver") >= 0)
    preview.tier.setCurrentIndex(preview.tier.findData("Silver"))
    wait_for_text(qtbot, preview.result, words.preview)
    assert page.save.isEnabled(), page.status.text()
    qtbot.mouseClick(page.save, LEFT)
    wait_for_text(qtbot, page.status, words.saved, whole=True)
    assert page.in_force is not None
    assert [t.name for t in page.in_force.tiers.levels] == ["Silver", "Bronze"]  # highest first
    assert [r["name"] for r in tiers.model.rows] == ["Bronze", "Silver"]  # as the file lists them
    assert (page.in_force.earn.points, page.in_force.timezone) == (1, "Asia/Shanghai")


def gbk_file(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.write_bytes(text.encode("gbk"))
    return path


def choose_import_file(
    qtbot: QtBot, page: ImportPage, path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Click "Choose file…" and pick ``path`` in the (native, so answered here) chooser."""
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(path), ""))
    page.preview = None
    qtbot.mouseClick(page.browse, LEFT)
    qtbot.waitUntil(lambda: page.preview is not None and page.preview.file == path.name)


def run_import(qtbot: QtBot, page: ImportPage, words: Words, rows: int) -> None:
    assert page.start.isEnabled(), page.message.text()
    qtbot.mouseClick(page.start, LEFT)
    qtbot.waitUntil(lambda: page.job is None and page.report is not None, timeout=20_000)
    assert page.rejected.model.rowCount() == 0, page.message.text()
    assert page.message.text() == words.rows_imported.format(n=rows)


def import_members(
    qtbot: QtBot, page: ImportPage, words: Words, folder: Path, mp: pytest.MonkeyPatch
) -> None:
    """The members file: GBK detected, 联系方式 mapped to the phone by hand, four imported."""
    page.kind.setCurrentIndex(page.kind.findData("members"))
    choose_import_file(qtbot, page, gbk_file(folder, "会员资料.csv", MEMBERS_CSV), mp)
    assert page.read_as.text() == words.detected_gbk
    assert page.preview_model.rowCount() == 4
    assert page.preview_model.rows[0][1] == "张伟"  # read as GBK, not mojibake
    assert page.mapping.mapping()["phone"] == ""  # nobody told it what 联系方式 is
    box = page.mapping.boxes["phone"]
    box.setCurrentIndex(box.findData("联系方式"))
    assert page.mapping.mapping()["phone"] == "联系方式"
    run_import(qtbot, page, words, 4)


def import_sales(
    qtbot: QtBot, page: ImportPage, words: Words, folder: Path, mp: pytest.MonkeyPatch
) -> None:
    """Past sales for those members; unknown member numbers are not enrolled."""
    page.kind.setCurrentIndex(page.kind.findData("sales"))
    assert page.create_members.isVisibleTo(page)
    assert not page.create_members.isChecked()
    choose_import_file(qtbot, page, gbk_file(folder, "销售记录.csv", SALES_CSV), mp)
    assert page.read_as.text() == words.detected_gbk
    assert not page.mapping.unmapped_required()  # every header is one the import knows
    run_import(qtbot, page, words, 4)


def open_member(qtbot: QtBot, page: MembersPage, number: str) -> MemberDetailDialog:
    """Type the number in the search box, Enter, Enter again on the row found."""
    type_into(qtbot, page.search, number)
    qtbot.keyClick(page.search, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: page.model.rowCount() == 1 and page.model.index(0, 0).data() == number)
    page.table.selectRow(0)
    qtbot.keyClick(page.table, Qt.Key.Key_Return)
    detail = page.detail
    assert detail is not None
    qtbot.waitUntil(
        lambda: (
            detail.view is not None
            and detail.view.member_no == number
            and detail.export_button.isEnabled()  # the record is filled in
        )
    )
    return detail


def correct_points(qtbot: QtBot, page: MembersPage, words: Words) -> None:
    """M002's points +50, which Save refuses until a reason is typed."""
    detail = open_member(qtbot, page, "M002")
    assert detail.view is not None
    assert detail.view.points == 80  # the imported 80.00 sale, at a point per yuan
    qtbot.mouseClick(detail.adjust_button, LEFT)
    form = detail.findChild(AdjustDialog)
    assert form is not None
    assert form.isVisible()
    type_into(qtbot, form.points.lineEdit(), "50")
    assert form.points.value() == 50
    assert not form.save.isEnabled()
    assert form.save.toolTip() == words.give_reason
    type_into(qtbot, form.reason, "   ")
    assert not form.save.isEnabled()  # blanks are no reason
    type_into(qtbot, form.reason, REASON)
    assert form.save.isEnabled()
    qtbot.mouseClick(form.save, LEFT)
    wait_for_text(qtbot, detail.message, words.corrected.format(points=130), whole=True)
    qtbot.waitUntil(lambda: detail.view is not None and detail.view.points == 130)
    detail.close()


def merge_duplicates(qtbot: QtBot, page: MembersPage, words: Words) -> None:
    """M003 is M001 again: preview the merge, then merge it into M001, who reaches Silver."""
    detail = open_member(qtbot, page, "M001")
    qtbot.mouseClick(detail.merge_button, LEFT)
    form = detail.findChild(MergeDialog)
    assert form is not None
    assert form.isVisible()
    qtbot.keyClicks(form.other, "M003")
    qtbot.waitUntil(lambda: form.other.text() == "M003")
    assert not form.save.isEnabled()  # no merge before its preview
    qtbot.mouseClick(form.preview_button, LEFT)
    qtbot.waitUntil(form.save.isEnabled)
    outcome = form.outcome.text()
    assert "M001" in outcome
    assert "M003" in outcome
    assert "13800138000" in outcome  # the kept member's phone stays
    assert "1100" in outcome  # 600 + 500 points
    qtbot.mouseClick(form.save, LEFT)
    wait_for_text(qtbot, detail.message, words.merged.format(points=1100), whole=True)
    qtbot.waitUntil(lambda: detail.view is not None and detail.view.points == 1100)
    assert detail.view is not None
    assert detail.view.tier == "Silver"  # 1,100.00 spent together: the tier set up this morning
    detail.close()


def export_member(
    qtbot: QtBot, page: MembersPage, words: Words, folder: Path, mp: pytest.MonkeyPatch
) -> None:
    """M001's data to a JSON file chosen in the save dialog; the file holds their record."""
    detail = open_member(qtbot, page, "M001")
    target = folder / "M001.json"
    mp.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    qtbot.mouseClick(detail.export_button, LEFT)
    qtbot.waitUntil(lambda: detail.message.text().startswith(words.exported))
    data = json.loads(target.read_text(encoding="utf-8"))
    assert data["member"]["member_no"] == "M001"
    assert data["member"]["name"] == "张伟"
    assert data["member"]["phone"] == "13800138000"
    detail.close()


def answer_erase_box(qtbot: QtBot, detail: QWidget, asked: list[str]) -> None:
    """When the question shows, note what it asks and press its "Erase for good" button."""
    tries = iter(range(500))

    def press() -> None:
        box = detail.findChild(QMessageBox)
        if box is None or not box.isVisible():
            if next(tries, None) is not None:
                QTimer.singleShot(10, press)
            return
        asked.append(box.text())
        button = next(b for b in box.buttons() if b.objectName() == "erase")
        qtbot.mouseClick(button, LEFT)

    QTimer.singleShot(0, press)


def erase_member(qtbot: QtBot, page: MembersPage, words: Words) -> None:
    """M004 asked to be forgotten: Erase, confirm, and the record says so."""
    detail = open_member(qtbot, page, "M004")
    asked: list[str] = []
    answer_erase_box(qtbot, detail, asked)
    qtbot.mouseClick(detail.erase_button, LEFT)
    wait_for_text(qtbot, detail.fields["status"], words.erased, whole=True)
    assert len(asked) == 1
    assert "M004" in asked[0]
    assert "王芳" not in detail.heading.text()
    assert not detail.adjust_button.isEnabled()
    detail.close()


def show_action(qtbot: QtBot, page: AuditPage, action: str) -> list[str]:
    """Pick the action in the list, press Show: the reasons of the entries listed."""
    qtbot.waitUntil(lambda: page.action.findData(action) >= 0)
    page.action.setCurrentIndex(page.action.findData(action))
    qtbot.mouseClick(page.apply, LEFT)
    qtbot.waitUntil(lambda: not page.model.loading and page.model.rowCount() > 0)
    return [page.model.line(r).reason or "" for r in range(page.model.rowCount())]


THE_DAY = [  # newest first, as the log lists them
    "member.erase",
    "member.export",
    "member.merge",
    "points.adjust",
    "import.sales",
    "import.members",
    "program.load",
]


def check_audit_log(qtbot: QtBot, page: AuditPage, words: Words) -> None:
    """Every action of the day is there, the correction with its reason; the chain is intact."""
    qtbot.waitUntil(lambda: not page.model.loading and page.model.rowCount() > 0)
    for action in THE_DAY:
        reasons = show_action(qtbot, page, action)
        assert len(reasons) == 1, action
    assert show_action(qtbot, page, "points.adjust") == [REASON]
    assert page.model.line(0).member_no == "M002"
    page.table.selectRow(0)
    assert REASON in page.details.toPlainText()
    page.action.setCurrentIndex(0)  # all actions, of one member
    type_into(qtbot, page.member, "M001")
    qtbot.keyClick(page.member, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not page.model.loading and page.model.rowCount() == 2)
    assert [page.model.line(r).action for r in range(2)] == ["member.export", "member.merge"]
    page.member.clear()
    page.staff.setCurrentIndex(page.staff.findData(MANAGER))  # all the manager did today
    qtbot.mouseClick(page.apply, LEFT)
    qtbot.waitUntil(lambda: not page.model.loading and page.model.rowCount() > 0)
    assert [page.model.line(r).action for r in range(page.model.rowCount())] == THE_DAY
    for row in range(page.model.rowCount()):
        shown = page.model.index(row, AuditModel.ACTION).data()
        assert shown != page.model.line(row).action, f"{shown} is a code, not a name"
    qtbot.mouseClick(page.verify, LEFT)
    qtbot.waitUntil(lambda: page.verify.isEnabled() and page.chain.text() != "")
    # The day and the owner taking on two accounts (Owner, then Mei).
    assert page.chain.text() == words.intact.format(count=len(THE_DAY) + 2)


def grab_pages(qtbot: QtBot, console: ConsoleScreen, window: MainWindow, words: Words) -> None:
    """Each page the manager used, as it is left, and M001's record, saved to look at."""
    folder = SHOTS / words.code
    folder.mkdir(parents=True, exist_ok=True)

    def grab(widget: QWidget, name: str) -> None:
        qtbot.waitUntil(lambda: window.tasks.pending == 0)  # what the page asked for is shown
        qtbot.wait(50)
        widget.grab().save(str(folder / f"{name}.png"))

    programme = go_to(qtbot, console, "programme")
    assert isinstance(programme, ProgrammePage)
    programme.editor.setCurrentIndex(0)
    grab(window, "programme-earning")
    programme.editor.setCurrentIndex(3)
    grab(window, "programme-tiers")
    for key in ("import", "audit"):
        go_to(qtbot, console, key)
        grab(window, key)
    members = go_to(qtbot, console, "members")
    assert isinstance(members, MembersPage)
    members.search.clear()  # the active members the day left: M001 (with M003 in it) and M002
    qtbot.keyClick(members.search, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: members.model.rowCount() == 2)
    grab(window, "members")
    detail = open_member(qtbot, members, "M001")
    qtbot.waitUntil(lambda: detail.tables is not None and detail.tables.ledger.rowCount() > 0)
    detail.tabs.setCurrentIndex(1)  # the points ledger
    grab(detail, "member-M001")
    detail.close()


# -- the day -----------------------------------------------------------------------------------


@pytest.mark.parametrize("words", [ENGLISH, CHINESE], ids=["en", "zh_CN"])
def test_a_new_manager_sets_up_the_shop_and_every_step_is_in_the_audit_log(
    qtbot: QtBot, till: MainWindow, words: Words, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    sign_in_as_manager(qtbot, till)
    choose_language(qtbot, till, words)
    console = open_back_office(qtbot, till)

    programme = go_to(qtbot, console, "programme")
    assert isinstance(programme, ProgrammePage)
    set_up_programme(qtbot, programme, words)

    imports = go_to(qtbot, console, "import")
    assert isinstance(imports, ImportPage)
    import_members(qtbot, imports, words, tmp_path, monkeypatch)
    import_sales(qtbot, imports, words, tmp_path, monkeypatch)

    members = go_to(qtbot, console, "members")
    assert isinstance(members, MembersPage)
    correct_points(qtbot, members, words)
    merge_duplicates(qtbot, members, words)
    export_member(qtbot, members, words, tmp_path, monkeypatch)
    erase_member(qtbot, members, words)

    audit = go_to(qtbot, console, "audit")
    assert isinstance(audit, AuditPage)
    assert console.nav.currentItem().text() == words.audit_title
    check_audit_log(qtbot, audit, words)

    grab_pages(qtbot, console, till, words)
