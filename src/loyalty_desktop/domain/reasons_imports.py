"""What refusals about import files say, in English and Simplified Chinese: columns, mapping and rows.

Part of the catalogue in ``domain.reasons``; placeholders name the details.
"""

from __future__ import annotations

from loyalty_desktop.domain.wording import Wording

IMPORTS = {
    "import_row_short": Wording(
        "the row has {found} values, the header {expected}: a value is missing",
        "这一行有 {found} 个值，表头有 {expected} 列：缺少值",
    ),
    "import_row_long": Wording(
        "the row has {found} values, the header {expected}: a value with a comma needs quotes",
        "这一行有 {found} 个值，表头只有 {expected} 列：含逗号的值需要加引号",
    ),
    "import_member_twice": Wording(
        "member number {member_no} is already in row {row}",
        "会员号 {member_no} 在第 {row} 行已经出现过",
    ),
    "import_sale_member_differs": Wording(
        "the member differs from row {row}, the first row of sale {sale}",
        "会员与销售单 {sale} 的第一行（第 {row} 行）不一致",
    ),
    "import_sale_time_spread": Wording(
        "{at} is more than {minutes} minutes after {first}, the first line of sale {sale}",
        "{at} 比销售单 {sale} 的第一行时间 {first} 晚了 {minutes} 分钟以上",
    ),
    "import_sale_has_bad_row": Wording(
        "sale {sale} has a bad row ({rows}); the whole sale was not imported",
        "销售单 {sale} 有错误的行（第 {rows} 行），整笔销售都没有导入",
    ),
    "workbook_unreadable": Wording(
        "{file} is not an Excel workbook that can be read; save it again as .xlsx or CSV UTF-8",
        "{file} 不是可以读取的 Excel 工作簿，请重新另存为 .xlsx 或 CSV UTF-8",
    ),
    "workbook_old_format": Wording(
        "{file} is an Excel 97-2003 workbook (.xls); save it again as .xlsx or CSV UTF-8",
        "{file} 是 Excel 97-2003 工作簿（.xls），请在 Excel 中另存为 .xlsx 或 CSV UTF-8",
    ),
    "import_map_field_unknown": Wording(
        "{fields} is not a column of this import; the columns are {expected}",
        "{fields} 不是这种导入的字段；字段有 {expected}",
    ),
    "import_field_unmapped": Wording(
        "no column of {file} is chosen for {field}, which every row needs",
        "{file} 中没有选择对应“{field}”的列，而每一行都需要它",
    ),
    "import_map_column_missing": Wording(
        "{file} has no column {column}; its columns are {found}",
        "{file} 中没有“{column}”这一列；现有的列是 {found}",
    ),
}
