"""Reading import files: rows cut to the header's width, and which encodings are taken or refused."""

from __future__ import annotations

from pathlib import Path

import pytest

from loyalty_desktop.services.csv_files import CsvRow, CsvTable, RowProblem

COLUMNS = ("member_no", "name", "consent")


def table(tmp_path: Path, data: bytes) -> CsvTable:
    path = tmp_path / "import.csv"
    path.write_bytes(data)
    return CsvTable(path, COLUMNS)


# ---------------------------------------------------------------- rows


@pytest.mark.parametrize(
    "lines",
    [
        ["member_no,name,consent", "M1,张三,yes", "M2,李四,no,,,", "M3,王五,,, ,"],
        ["member_no,name,consent,,,", "M1,张三,yes,,,", "M2,李四,no,,,", "M3,王五,,, ,"],
        ["consent,name,member_no,,", "yes,张三,M1,,", "no,李四,M2,,,", ",王五,M3, ,"],
    ],
    ids=["plain", "header-with-empty-cells", "columns-reordered"],
)
def test_every_row_is_as_wide_as_the_columns_whatever_empty_cells_excel_added(
    tmp_path: Path, lines: list[str]
) -> None:
    text = "\r\n".join(lines) + "\r\n"
    found = list(table(tmp_path, text.encode("utf-8-sig")).rows())
    assert all(isinstance(row, CsvRow) for row in found), found
    assert [row.values for row in found if isinstance(row, CsvRow)] == [
        ("M1", "张三", "yes"),
        ("M2", "李四", "no"),
        ("M3", "王五", ""),
    ]


def test_a_value_after_the_last_column_is_a_problem_not_dropped(tmp_path: Path) -> None:
    text = "member_no,name,consent,,\nM1,张三,yes,,\nM2,Smith,yes,John,\n"
    found = list(table(tmp_path, text.encode()).rows())
    assert isinstance(found[0], CsvRow)
    assert isinstance(found[1], RowProblem)
    assert (found[1].row, found[1].code) == (3, "bad_row")
    assert "needs quotes" in found[1].error
