"""What refusals about looking after a member in the back office say, in English and Simplified Chinese.

Part of the catalogue in ``domain.reasons``; placeholders name the details.
"""

from __future__ import annotations

from loyalty_desktop.domain.wording import Wording

MEMBER_RECORDS = {
    "member_closed_no_edit": Wording(
        "member {member_no} is {status}; the profile cannot be edited",
        "会员 {member_no} {status}，不能修改资料",
    ),
    "member_edit_nothing": Wording(
        "say what to change: --name, --phone, --email, --birthday or --consent/--no-consent",
        "请指定要修改的内容：--name、--phone、--email、--birthday 或 --consent/--no-consent",
    ),
}
