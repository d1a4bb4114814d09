"""What receipts' refusals say, in English and Simplified Chinese.

Part of the catalogue in ``domain.reasons``; placeholders name the details.
"""

from __future__ import annotations

from loyalty_desktop.domain.wording import Wording

RECEIPTS = {
    "receipt_header_control": Wording(
        "the receipt header may not hold control characters",
        "小票抬头不能包含控制字符",
    ),
    "receipt_header_lines": Wording(
        "the receipt header may have at most {maximum} lines",
        "小票抬头最多 {maximum} 行",
    ),
    "receipt_header_long": Wording(
        "the receipt header may have at most {maximum} characters",
        "小票抬头最多 {maximum} 个字",
    ),
}
