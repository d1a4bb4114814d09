"""The till's look: large type readable at arm's length, touch-sized buttons, a light theme with strong contrast."""

from __future__ import annotations

# Body text 24 px and totals 36 px (TILL.md: readable at 80 cm); dark text on white is
# about 15:1, placeholders 6:1 (Qt's own grey is 3.4:1); buttons are at least 48 px high
# (over 10 mm on a 96 dpi screen). tests/unit/ui/test_theme.py holds every rule to this.
STYLE = """
QWidget { font-size: 24px; color: #1a1a1a; background: #ffffff; }
QLineEdit, QSpinBox, QTableView {
    border: 2px solid #5a5a5a; border-radius: 6px; padding: 6px; background: #ffffff;
}
QComboBox { min-height: 40px; border: 2px solid #5a5a5a; border-radius: 6px; padding: 2px 8px; }
QLineEdit, QSpinBox, QPlainTextEdit { placeholder-text-color: #5f5f5f; }
QLineEdit:focus, QSpinBox:focus, QTableView:focus, QComboBox:focus { border: 3px solid #0b57d0; }
QCheckBox::indicator { width: 28px; height: 28px; }
/* Points and minutes are typed; without this rule Qt's style sheets squeeze a
   button-less spin box's text to one pixel wide (seen on Qt 6.11). */
QSpinBox::up-button, QSpinBox::down-button { subcontrol-origin: border; width: 0px; }
QPushButton {
    min-height: 48px; padding: 4px 18px; border: 2px solid #3c3c3c; border-radius: 8px;
    background: #eef1f5;
}
QPushButton:focus { border: 3px solid #0b57d0; }
QPushButton:disabled { color: #5f5f5f; border-color: #8a8a8a; }
QPushButton#primary { background: #0b57d0; color: #ffffff; border-color: #0842a0; font-weight: bold; }
QPushButton#primary:disabled { background: #c9d3e3; color: #3c3c3c; }
QLabel#title { font-size: 32px; font-weight: bold; }
QLabel#total { font-size: 36px; font-weight: bold; }
QLabel#points { font-size: 36px; font-weight: bold; color: #0842a0; }
QLabel#notice { color: #8a1c00; font-weight: bold; }
QLabel#ok { color: #0d5c2e; font-weight: bold; }
QLabel#demo { background: #ffe08a; color: #1a1a1a; font-weight: bold; padding: 4px 12px; }
QLabel#sync[tone="ok"] { color: #0d5c2e; padding: 0 8px; }
QLabel#sync[tone="warn"] { color: #7a4a00; font-weight: bold; padding: 0 8px; }
QLabel#sync[tone="bad"] { color: #8a1c00; font-weight: bold; padding: 0 8px; }
QFrame#panel { border: 2px solid #c4c4c4; border-radius: 10px; }
QHeaderView::section { font-size: 24px; padding: 4px; background: #eef1f5; border: 1px solid #c4c4c4; }
"""

# The back office is read at a desk, not at arm's length: denser type so a table shows
# a screenful of members, still at least 17 px. Applied to the console widget only.
CONSOLE_STYLE = """
QWidget { font-size: 17px; }
QLabel#title { font-size: 26px; font-weight: bold; }
QLabel#section { font-size: 20px; font-weight: bold; }
QPushButton { min-height: 34px; padding: 2px 14px; }
QComboBox { min-height: 30px; }
QLineEdit, QSpinBox, QTableView { padding: 3px; }
QHeaderView::section { font-size: 17px; padding: 3px; }
QListWidget#console_nav { border: none; background: #eef1f5; font-size: 19px; }
QListWidget#console_nav::item { padding: 10px 14px; color: #1a1a1a; }
QListWidget#console_nav::item:selected { background: #0b57d0; color: #ffffff; }
QLabel#caption { font-weight: bold; }
QTabWidget#report_tabs QTabBar::tab { min-height: 34px; padding: 0px 14px; }
QFrame#tile { border: 1px solid #c4c4c4; border-radius: 8px; background: #f4f6f9; }
QLabel#tile_caption { font-size: 17px; color: #3c3c3c; background: #f4f6f9; min-height: 42px; }
QLabel#tile_value { font-size: 26px; font-weight: bold; color: #0842a0; background: #f4f6f9; }
"""
