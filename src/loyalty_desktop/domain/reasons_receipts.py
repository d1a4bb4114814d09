"""What receipts and receipt printers' refusals say, in English and Simplified Chinese.

Part of the catalogue in ``domain.reasons``; placeholders name the details.
A printer that is off, unplugged or unreachable is an everyday event at a
till, so each way of failing says what the cashier can check.
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
    "printer_target_invalid": Wording(
        "{target} is not a printer: give a device or file path, or tcp://host:port",
        "{target} 不是打印机地址：请填写设备或文件路径，或 tcp://主机:端口",
    ),
    "printer_not_found": Wording(
        "no printer at {target}; check that it is plugged in and switched on",
        "{target} 没有打印机；请检查打印机是否已连接并开机",
    ),
    "printer_no_permission": Wording(
        "this program may not write to {target}",
        "本程序没有写入 {target} 的权限",
    ),
    "printer_not_ready": Wording(
        "the printer at {target} is not ready to take a receipt",
        "{target} 的打印机还没准备好，请检查是否缺纸或开盖",
    ),
    "printer_refused": Wording(
        "the printer at {target} refused the connection; check that it is on and its port",
        "{target} 的打印机拒绝连接；请检查打印机是否开机、端口是否正确",
    ),
    "printer_unknown_host": Wording(
        "no printer is known by the name {target}",
        "找不到名为 {target} 的打印机",
    ),
    "printer_timeout": Wording(
        "the printer at {target} did not answer within {seconds} seconds",
        "{target} 的打印机在 {seconds} 秒内没有响应",
    ),
    "printer_failed": Wording(
        "the receipt could not be sent to {target} ({problem})",
        "小票没能发送到 {target}（{problem}）",
    ),
}
