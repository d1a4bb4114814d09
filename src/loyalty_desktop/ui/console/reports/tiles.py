"""KPI tiles: a caption and a large figure each, in a grid that keeps its columns at any width."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtWidgets import QFrame, QGridLayout, QLabel, QSizePolicy, QVBoxLayout, QWidget


@dataclass(frozen=True)
class Tile:
    """One figure: what it is, its value as shown, and a sentence saying how it is counted."""

    key: str
    caption: str
    value: str
    tip: str = ""


class _TileBox(QFrame):
    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("tile")
        self.caption = QLabel()
        self.caption.setObjectName("tile_caption")
        self.caption.setWordWrap(True)
        self.value = QLabel()
        self.value.setObjectName("tile_value")
        # The style gives every caption room for two lines (min-height), so a long one wraps
        # instead of being cut, and the tiles in a row are the same height.
        box = QVBoxLayout(self)
        box.setContentsMargins(10, 4, 10, 4)
        box.setSpacing(2)
        box.addWidget(self.caption)
        box.addWidget(self.value)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)


class TileGrid(QWidget):
    """Tiles in ``columns`` columns, filled row by row."""

    def __init__(self, columns: int = 6, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.columns = columns
        self.tiles: tuple[Tile, ...] = ()
        self._boxes: list[_TileBox] = []
        self._grid = QGridLayout(self)
        self._grid.setContentsMargins(0, 0, 0, 0)
        self._grid.setHorizontalSpacing(8)
        self._grid.setVerticalSpacing(8)

    def show_tiles(self, tiles: Sequence[Tile]) -> None:
        """Show these tiles (the boxes are kept and reused)."""
        self.tiles = tuple(tiles)
        while len(self._boxes) < len(tiles):
            box = _TileBox()
            n = len(self._boxes)
            self._grid.addWidget(box, n // self.columns, n % self.columns)
            self._boxes.append(box)
        for column in range(self.columns):
            self._grid.setColumnStretch(column, 1)
        for box, tile in zip(self._boxes, tiles, strict=False):
            box.caption.setText(tile.caption)
            box.value.setText(tile.value)
            box.setToolTip(tile.tip)
            box.show()
        for box in self._boxes[len(tiles) :]:
            box.hide()

    def value_of(self, key: str) -> str:
        """The text shown for tile ``key`` ("" if there is none)."""
        return next((t.value for t in self.tiles if t.key == key), "")
