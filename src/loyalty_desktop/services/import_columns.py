"""Which column of an import file holds which of our fields: guessed from the headers, or named by the person.

A shop's spreadsheet rarely has our column names: it says 会员号, 手机 or
"Customer ID". ``guess_mapping`` matches headers to fields by the names shops
use (Chinese and English); the person may correct it (the import page's
drop-downs, ``--map phone=手机``). A field left unmapped is read as empty, which
only an optional field may be; columns nobody mapped are ignored.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Mapping, Sequence

from loyalty_desktop.domain.errors import BadFile

# Fields a file may leave out (read as empty); every other field must be mapped.
OPTIONAL_FIELDS = frozenset(
    {"phone", "email", "birthday", "consent", "member_ref", "category", "barcode"}
)

# Headers shops write for each field, compared without case, spaces, "_" or "-".
HEADER_WORDS: Mapping[str, tuple[str, ...]] = {
    "member_no": (
        "member_no",
        "member number",
        "member id",
        "membership no",
        "card no",
        "会员号",
        "会员编号",
        "会员卡号",
        "卡号",
        "会员ID",
    ),
    "name": (
        "name",
        "full name",
        "member name",
        "customer name",
        "product name",
        "description",
        "姓名",
        "名字",
        "会员姓名",
        "客户姓名",
        "商品名称",
        "品名",
        "名称",
    ),
    "phone": (
        "phone",
        "mobile",
        "mobile phone",
        "tel",
        "telephone",
        "手机",
        "手机号",
        "手机号码",
        "电话",
        "电话号码",
        "联系电话",
    ),
    "email": ("email", "e-mail", "mail", "邮箱", "电子邮箱", "联系邮箱", "邮件", "电子邮件"),
    "birthday": ("birthday", "birth date", "date of birth", "dob", "生日", "出生日期"),
    "consent": ("consent", "marketing consent", "同意", "是否同意", "同意营销", "营销同意"),
    "sale_id": (
        "sale_id",
        "sale no",
        "invoice",
        "invoice no",
        "order",
        "order id",
        "order no",
        "receipt no",
        "单号",
        "销售单号",
        "订单号",
        "小票号",
        "流水号",
    ),
    "member_ref": (
        "member_ref",
        "member",
        "member no",
        "customer",
        "customer id",
        "会员",
        "会员号",
        "会员编号",
        "会员卡号",
        "卡号",
    ),
    "score": (
        "score",
        "rating",
        "stars",
        "nps",
        "satisfaction",
        "评分",
        "分数",
        "满意度",
        "星级",
        "推荐度",
    ),
    "at": (
        "at",
        "date",
        "time",
        "datetime",
        "invoice date",
        "sale time",
        "order date",
        "日期",
        "时间",
        "销售时间",
        "交易时间",
        "销售日期",
        "下单时间",
    ),
    "sku": (
        "sku",
        "stock code",
        "item code",
        "product code",
        "code",
        "商品编码",
        "商品编号",
        "货号",
        "编码",
        "商品代码",
    ),
    "qty": ("qty", "quantity", "count", "数量", "件数"),
    "unit_price": ("unit_price", "unit price", "price", "单价", "价格", "售价"),
    "price": ("price", "unit price", "retail price", "价格", "售价", "单价", "零售价"),
    "category": ("category", "department", "品类", "类别", "分类", "商品类别"),
    "barcode": ("barcode", "ean", "upc", "条码", "条形码", "商品条码"),
}


def header_key(text: str) -> str:
    """A header as compared: NFKC, no case, no spaces, underscores or dashes."""
    folded = unicodedata.normalize("NFKC", text).casefold()
    return "".join(c for c in folded if c not in " _-\t")


def guess_mapping(columns: Sequence[str], headers: Sequence[str]) -> dict[str, str]:
    """For each field, the file's header that names it (first match wins); "" when none does."""
    keys = [header_key(h) for h in headers]
    taken: set[int] = set()
    found: dict[str, str] = {}
    for column in columns:
        words = [header_key(column), *(header_key(w) for w in HEADER_WORDS.get(column, ()))]
        found[column] = ""
        for word in words:  # the field's own name first, then the usual names in order
            index = next((i for i, k in enumerate(keys) if k == word and i not in taken), None)
            if index is not None:
                taken.add(index)
                found[column] = headers[index]
                break
    return found


def column_order(
    name: str,
    columns: Sequence[str],
    headers: Sequence[str],
    mapping: Mapping[str, str],
    optional: frozenset[str] = OPTIONAL_FIELDS,
) -> list[int]:
    """Where each field is in a row (-1: not in the file), from a mapping completed by guessing.

    Fields the mapping leaves out are guessed; a field mapped to "" is left
    empty on purpose. A required field without a column, a field we do not
    have or a header the file does not have is refused.
    """
    unknown = sorted(set(mapping) - set(columns))
    if unknown:
        raise BadFile(
            f"{', '.join(unknown)} is not a column of this import; the columns are "
            f"{', '.join(columns)}",
            reason="import_map_field_unknown",
            file=name,
            fields=unknown,
            expected=",".join(columns),
        )
    chosen = {**guess_mapping(columns, headers), **mapping}
    keys = [header_key(h) for h in headers]
    order: list[int] = []
    for column in columns:
        header = chosen.get(column, "")
        if not header:
            if column not in optional:
                raise BadFile(
                    f"no column of {name} is chosen for {column}, which every row needs "
                    f"(name it like --map {column}=COLUMN)",
                    reason="import_field_unmapped",
                    file=name,
                    field=column,
                )
            order.append(-1)
            continue
        exact = [i for i, h in enumerate(headers) if h.strip() == header.strip()]
        loose = [i for i, k in enumerate(keys) if k == header_key(header)]
        if not exact and not loose:
            raise BadFile(
                f"{name} has no column {header!r} (for {column}); its columns are "
                f"{', '.join(headers)}",
                reason="import_map_column_missing",
                file=name,
                column=header,
                found=",".join(headers),
            )
        order.append((exact or loose)[0])
    return order
