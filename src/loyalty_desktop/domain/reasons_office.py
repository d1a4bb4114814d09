"""What the back office's refusals say, in English and Simplified Chinese.

Staff and sign-in, the programme file, the database, key files, files
written, reports; and the outcomes only the ``loyalty`` command reports.
Part of the catalogue in ``domain.reasons``; placeholders name the details.
"""

from __future__ import annotations

from loyalty_desktop.domain.wording import Wording

STAFF = {
    "pin_format": Wording(
        "a PIN is {minimum} to {maximum} digits", "PIN 码须为 {minimum} 到 {maximum} 位数字"
    ),
    "pin_mismatch": Wording("the two PINs differ", "两次输入的 PIN 码不一致"),
    "pin_missing": Wording("the PIN is missing", "请输入 PIN 码"),
    "staff_name_length": Wording(
        "a staff name is 1 to {maximum} characters", "员工姓名须为 1 到 {maximum} 个字"
    ),
    "staff_name_no_letter": Wording(
        "a staff name needs at least one letter or digit", "员工姓名里至少要有一个文字或数字"
    ),
    "role_unknown": Wording(
        "the role is one of {choices}",
        "角色只能是收银员（cashier）、店长（manager）或管理员（admin）",
    ),
    "first_staff_admin": Wording(
        "the first staff account must be an admin, who can then add the others",
        "第一个员工账号必须是管理员，之后由管理员添加其他员工",
    ),
    "duplicate_staff": Wording(
        "there is already a staff member with this name", "已经有同名的员工账号"
    ),
    "wrong_name_or_pin": Wording("wrong name or PIN", "员工姓名或 PIN 码不正确"),
    "account_locked": Wording(
        "this account is locked after {wrong_pins} wrong PINs until {locked_until}",
        "PIN 码连续输错 {wrong_pins} 次，账号已锁定到 {locked_until}",
    ),
    "account_locked_now": Wording(
        "wrong PIN; the account is locked for {minutes} minutes",
        "PIN 码错误次数太多，账号锁定 {minutes} 分钟",
    ),
    "sign_in_required": Wording(
        "sign in first to {permission}", "请先登录员工账号，再{permission}"
    ),
    "role_too_low": Wording(
        "a {role} may not {permission}; it needs the {needed} role",
        "{role}没有权限{permission}，请{needed}来操作",
    ),
}

# Which file: the programme file, or an offer file read by the same reader.
_IN = "{document} {where}："

PROGRAMME = {
    "program_not_toml": Wording(
        "{source} is not valid TOML: {problem}", "{document} {source} 不是有效的 TOML：{problem}"
    ),
    "program_not_table": Wording("{where}: {key} must be a table", _IN + "{key} 必须是一个表"),
    "program_unknown_key": Wording(
        "{where}: unknown key {key} (allowed: {allowed})",
        _IN + "不认识的设置项 {key}（可用：{allowed}）",
    ),
    "program_not_integer": Wording(
        "{where}: {key} must be a whole number", _IN + "{key} 必须是整数"
    ),
    "program_too_small": Wording(
        "{where}: {key} must be at least {minimum}", _IN + "{key} 不能小于 {minimum}"
    ),
    "program_too_large": Wording(
        "{where}: {key} must be at most {maximum}", _IN + "{key} 不能大于 {maximum}"
    ),
    "program_decimal_as_float": Wording(
        '{where}: {key}: write decimals as text, e.g. "{example}", so nothing is rounded',
        _IN + '{key} 的小数请加引号写成文本，例如 "{example}"，以免被四舍五入',
    ),
    "program_not_decimal": Wording(
        "{where}: {key} must be a decimal string", _IN + "{key} 必须是加引号的数字"
    ),
    "program_number_extreme": Wording(
        "{where}: {key}: {value} is out of range (at most {maximum} digits either side of the point)",
        _IN + "{key} 的值 {value} 超出范围（小数点前后最多 {maximum} 位）",
    ),
    "program_not_number": Wording(
        "{where}: {key}: {value} is not a number", _IN + "{key} 的值 {value} 不是数字"
    ),
    "program_amount_too_precise": Wording(
        "{where}: {key} has more decimals than {currency} allows ({decimals})",
        _IN + "{key} 的小数位太多，{currency} 最多 {decimals} 位小数",
    ),
    "program_amount_too_large": Wording("{where}: {key} is too large", _IN + "{key} 数值过大"),
    "program_not_text": Wording(
        "{where}: {key} must be non-empty text", _IN + "{key} 必须是非空的文本"
    ),
    "program_not_text_list": Wording(
        "{where}: {key} must be a list of text", _IN + "{key} 必须是文本列表"
    ),
    "program_not_date": Wording(
        "{where}: {key} must be a date like 2025-01-31, not {value}",
        _IN + "{key} 必须是 2025-01-31 这样的日期，现在是 {value}",
    ),
    "program_not_boolean": Wording(
        "{where}: {key} must be true or false", _IN + "{key} 只能是 true 或 false"
    ),
    "program_not_choice": Wording(
        "{where}: {key} must be one of {choices}, not {value}",
        _IN + "{key} 只能是 {choices} 之一，现在是 {value}",
    ),
    "program_currency_unknown": Wording(
        "{where}: unknown currency {value}; use an ISO 4217 code such as CNY",
        _IN + "不认识的币种 {value}，请用 ISO 4217 代码，例如 CNY",
    ),
    "program_timezone_unknown": Wording(
        "{where}: unknown time zone {value}; use e.g. Asia/Shanghai",
        _IN + "不认识的时区 {value}，请写成 Asia/Shanghai 这样的时区名",
    ),
    "program_not_positive": Wording("{where}: {key} must be more than 0", _IN + "{key} 必须大于 0"),
    "program_birthday_limit": Wording(
        "{where}: birthday points come once per birthday; set the window in [birthday_award]",
        _IN + "生日积分每个生日只发一次，不设每日上限；发放时间范围请在 [birthday_award] 里设置",
    ),
    "program_no_tier_levels": Wording(
        "{where}: [tiers] must hold at least one [[tiers.levels]] table",
        _IN + "[tiers] 里至少要有一个 [[tiers.levels]] 会员等级",
    ),
    "program_tier_unnamed": Wording("{where}: a tier needs a name", _IN + "每个会员等级都要有名称"),
    "program_threshold_not_whole": Wording(
        "{where}: points thresholds are whole numbers",
        _IN + "按积分划分等级时，门槛必须是整数",
    ),
    "program_score_threshold_range": Wording(
        "{where}: score thresholds run from 0 to {maximum}",
        _IN + "按综合评分划分等级时，门槛须在 0 到 {maximum} 之间",
    ),
    "program_tier_named_twice": Wording(
        "{where}: tier {tier} is named twice", _IN + "会员等级“{tier}”重复了"
    ),
    "program_threshold_shared": Wording(
        "{where}: two tiers share the threshold {threshold}",
        _IN + "两个会员等级的门槛都是 {threshold}，门槛不能相同",
    ),
    "program_campaigns_not_tables": Wording(
        "{where}: campaigns must be written as [[campaigns]] tables",
        _IN + "促销活动必须写成 [[campaigns]] 表",
    ),
    "program_campaign_ends_before_start": Wording(
        "{where}: the campaign ends ({end}) before it starts ({start})",
        _IN + "促销活动的结束日期 {end} 早于开始日期 {start}",
    ),
    "program_not_weekday": Wording(
        "{where}: {value} is not a weekday; use mon, tue, … sun",
        _IN + "{value} 不是星期几，请写 mon、tue … sun",
    ),
    "program_month_days_not_list": Wording(
        "{where}: {key} must be a list of days of the month",
        _IN + "{key} 必须是每月日期的列表",
    ),
    "program_month_day_range": Wording(
        "{where}: days of the month run from 1 to {maximum}",
        _IN + "每月日期只能是 1 到 {maximum}",
    ),
    "program_unknown_tier": Wording(
        "{where}: no tier is called {tier}", _IN + "没有叫“{tier}”的会员等级"
    ),
    "program_campaign_without_effect": Wording(
        "{where}: campaign {campaign} needs a multiplier or a bonus",
        _IN + "促销活动“{campaign}”需要设置积分倍数（multiplier）或奖励积分（bonus）",
    ),
    "currency_change": Wording(
        "sales were recorded in {recorded}; changing to {wanted} would change what every "
        "stored amount means. Start a new database for a new currency",
        "已有以 {recorded} 记账的销售，不能把币种改成 {wanted}；换币种请使用新的数据库",
    ),
}

DATABASE = {
    "busy": Wording(
        "the database is busy (another till is writing); try again",
        "数据库正忙（另一台收银机正在写入），请稍后再试",
    ),
    "purge_pending": Wording(
        "the member's data was erased, but old copies could not be purged yet; "
        "close the other tills and run the erasure again",
        "会员资料已删除，但其他程序正在读取数据库，旧副本暂时清除不了；"
        "请关闭其他收银机后再执行一次删除",
    ),
    "storage_error": Wording(
        "the database refused the request; nothing was changed",
        "数据库拒绝了这次操作，没有做任何更改",
    ),
    "too_large": Wording(
        "a value is too large to store; nothing was changed", "数值过大无法保存，没有做任何更改"
    ),
    "database_read_only": Wording(
        "the database file is read-only; nothing was changed",
        "数据库文件是只读的，没有做任何更改；请检查文件和所在文件夹的写入权限",
    ),
    "disk_full": Wording(
        "the disk is full; nothing was changed. Free some space and try again",
        "磁盘已满，没有做任何更改；请清理出空间后再试",
    ),
    "database_damaged": Wording(
        "the database file is damaged; restore the newest backup",
        "数据库文件已损坏，请恢复最新的备份，或运行 loyalty check 查看问题",
    ),
    "disk_error": Wording(
        "the disk could not be read or written; nothing was changed. Check the disk",
        "磁盘读写出错，没有做任何更改；请检查磁盘",
    ),
    "cannot_open": Wording(
        "the database file cannot be opened",
        "打不开数据库文件，请确认文件和所在文件夹存在并且可以读写",
    ),
    "server_down": Wording(
        "the database server cannot be reached; check that it is running",
        "连接不上数据库服务器，请确认服务器正在运行",
    ),
    "database_unreadable": Wording(
        "the file cannot be opened as a loyalty database", "这个文件不能作为会员数据库打开"
    ),
    "no_such_folder": Wording(
        "the folder {folder} does not exist; create it first, or check the path",
        "文件夹 {folder} 不存在，请先创建，或检查数据库路径",
    ),
    "database_not_created": Wording(
        "the database file {file} cannot be made or opened ({problem}); "
        "choose a folder this user can write",
        "无法创建或打开数据库文件 {file}（{problem}），请选择当前用户可以写入的文件夹",
    ),
    "database_is_folder": Wording(
        "{file} is a folder; give the database file inside it",
        "{file} 是文件夹，请指定其中的数据库文件",
    ),
    "no_driver": Wording(
        "the database driver is not installed or the database URL is not understood",
        "没有安装数据库驱动，或数据库地址的写法不对",
    ),
    "schema_too_new": Wording(
        "this database was written by a newer version of the program; open it with that version",
        "这个数据库来自更新版本的程序，请用新版本打开",
    ),
    "database_not_ours": Wording("this is not a loyalty database", "这不是会员系统的数据库"),
    "upgrade_failed": Wording(
        "the upgrade failed; the database was put back as it was from the copy {backup}, "
        "and the previous version of the program still opens it",
        "升级失败；数据库已从副本 {backup} 恢复原样，旧版本的程序仍可打开它",
    ),
    "migration_breaks_references": Wording(
        "the upgrade would break {count} references; nothing was changed",
        "升级会破坏 {count} 处数据关联，已停止，没有做任何更改",
    ),
}

KEYS = {
    "card_keys_damaged": Wording(
        "the key file {file} is damaged; restore it from your backup",
        "密钥文件 {file} 已损坏，请从配置目录的备份中恢复",
    ),
    "card_keys_missing": Wording(
        "the key file is missing from {folder}; restore it from your backup",
        "{folder} 里缺少密钥文件，无法核验会员卡；请从备份中恢复",
    ),
    "card_keys_mismatch": Wording(
        "the key file in {folder} is not this shop's; restore this shop's key file",
        "{folder} 里的密钥文件不是本店的，会员卡会全部无法识别；请恢复本店的密钥文件",
    ),
    "card_keys_unusable": Wording(
        "the key file in {folder} is missing or not this shop's; "
        "cards cannot be checked or printed",
        "{folder} 里的密钥文件缺失或不属于本店，无法核验或打印会员卡",
    ),
    "keys_exhausted": Wording(
        "all {maximum} card key ids are in use; reprint the cards before retiring keys",
        "{maximum} 个会员卡密钥编号已全部用完，请先重印会员卡再停用旧密钥",
    ),
    "confirm_required": Wording(
        "replacing the keys makes every printed member card invalid; confirm to go on",
        "更换密钥后，所有已打印的会员卡都会失效；确定密钥文件确实丢失后再确认执行",
    ),
}

FILES = {
    "protected_file": Wording(
        "{file} is the shop's own {file_kind}; it is never overwritten",
        "{file} 是本店的{file_kind}，不能覆盖，请换一个文件名",
    ),
    "protected_file_name": Wording(
        "{file} is a file the program keeps for itself",
        "{file} 是程序自用的文件，不能覆盖，请换一个文件名",
    ),
    "out_is_folder": Wording(
        "{file} is a folder; give a file name", "{file} 是文件夹，请指定文件名"
    ),
    "out_is_database": Wording(
        "{file} is a database; an export never overwrites one",
        "{file} 是数据库文件，导出时绝不会覆盖它",
    ),
    "file_exists": Wording(
        "{file} already exists; replace it or choose another name",
        "{file} 已经存在；可以选择覆盖，或换一个文件名",
    ),
    "out_created_meanwhile": Wording(
        "{file} was created by someone else meanwhile; nothing was overwritten",
        "{file} 刚被其他程序创建，没有覆盖它",
    ),
    "out_write_failed": Wording("cannot write {file}", "无法写入 {file}"),
    "file_not_regular": Wording(
        "{file} is not an ordinary file", "{file} 不是普通文件，请选择一个 CSV 文件"
    ),
    "file_missing": Wording("{file} does not exist", "找不到文件 {file}"),
    "file_is_folder": Wording("{file} is a folder, not a file", "{file} 是文件夹，不是文件"),
    "file_unreadable": Wording("{file} cannot be read", "无法读取 {file}"),
    "file_too_large": Wording(
        "{file} is larger than {maximum} MB; split it into smaller files",
        "{file} 超过 {maximum} MB，请拆成几个小文件",
    ),
    "csv_unreadable": Wording(
        "{file} is not a readable CSV file at row {row}; check the quotes in that row",
        "{file} 第 {row} 行不是有效的 CSV 格式，请检查这一行的引号",
    ),
    "csv_columns": Wording(
        "{file} must have the columns {expected}; it has {found}",
        "{file} 的列必须是 {expected}；现在是 {found}",
    ),
    "encoding_likely": Wording(
        "{file} is not UTF-8 or GBK text; it looks like {likely_encoding}",
        "{file} 不是 UTF-8 或 GBK 编码，看起来是 {likely_encoding}；请另存为 UTF-8，或指定该编码导入",
    ),
    "encoding_unknown": Wording(
        "{file} is not UTF-8 or GBK text and its encoding was not recognised",
        "{file} 不是 UTF-8 或 GBK 编码，也认不出是哪种编码；请另存为 UTF-8 后再导入",
    ),
    "encoding_mismatch": Wording(
        "{file} cannot be read as {encoding} (byte {byte})",
        "{file} 无法按 {encoding} 编码读取（第 {byte} 字节）",
    ),
    "encoding_name_unknown": Wording(
        "{encoding} is not a text encoding", "{encoding} 不是一种文本编码"
    ),
    "encoding_nul": Wording(
        "{file} holds NUL characters; it is not text in that encoding (is it UTF-16?)",
        "{file} 含有空字符，不是该编码的文本（可能是 UTF-16？）",
    ),
    "job_cancelled": Wording(
        "stopped on request; what was finished before stays, run it again to finish",
        "已按要求停止；之前完成的部分已保存，再运行一次即可完成",
    ),
    "import_timezone_changed": Wording(
        "the programme's time zone changed during the import; run it again",
        "导入期间积分方案的时区变了，请重新导入",
    ),
    "import_member_no_invalid": Wording(
        "no member has this {field}, and it cannot be a new member number",
        "没有这个{field}对应的会员，它也不能用作新会员号",
    ),
    "consent_format": Wording(
        "{field} must be yes or no (yes/no, true/false or 1/0)",
        "{field}只能填 是/否（yes/no、true/false、1/0）",
    ),
    "time_missing": Wording(
        "{field} is empty; write it like 2025-03-01 14:30:00",
        "{field}没有填写，请写成 2025-03-01 14:30:00 这样",
    ),
    "time_in_future": Wording("{field} is in the future", "{field}是将来的时间"),
    "line_text_format": Wording(
        "{field} must be at most {maximum} visible characters",
        "{field}最多 {maximum} 个可见字符",
    ),
    "card_out_not_png": Wording(
        "the card is written as PNG; give a file name ending in .png",
        "会员卡保存为 PNG 图片，文件名请以 .png 结尾",
    ),
    "font_missing": Wording(
        "no font can draw {missing}; install a font with every character of the card",
        "找不到能显示“{missing}”的字体；请安装完整的中文字体（如 Noto Sans CJK 或微软雅黑）",
    ),
    "font_override_unreadable": Wording(
        "{variable} names {file}, which is not a font file this program can read",
        "{variable} 指定的 {file} 不是可用的字体文件，请改成 .ttf、.otf 或 .ttc 文件，或取消这项设置",
    ),
}

REPORTS = {
    "report_unknown": Wording(
        "there is no such report (reports: {choices})", "没有这个报表（可用的报表：{choices}）"
    ),
    "horizon_days_range": Wording(
        "{field} must be from {minimum} to {maximum}", "{field}须在 {minimum} 到 {maximum} 天之间"
    ),
    "from_not_before_at": Wording("the start must be before the end", "开始时间必须早于结束时间"),
    "churn_too_few_members": Wording(
        "not enough history for a churn model: {members} members on {cutoff}",
        "历史数据不足，无法建立流失模型：{cutoff} 时只有 {members} 位会员",
    ),
    "churn_one_outcome": Wording(
        "not enough history for a churn model: of {members} members on {cutoff}, {churned} "
        "bought nothing in the next {horizon_days} days; it needs both kinds",
        "历史数据不足，无法建立流失模型：{cutoff} 的 {members} 位会员中有 {churned} 位在之后 "
        "{horizon_days} 天内未消费；需要两类会员都有",
    ),
    "page_size_range": Wording(
        "a page holds {minimum} to {maximum} rows", "每页显示 {minimum} 到 {maximum} 条"
    ),
    "page_cursor_mismatch": Wording(
        "this page continues a list sorted another way", "排序方式变了，请从第一页重新查看"
    ),
    "demo_members_range": Wording(
        "a demo shop has {minimum} to {maximum} members",
        "演示店的会员人数须在 {minimum} 到 {maximum} 之间",
    ),
    "demo_database_not_empty": Wording(
        "the demo fills an empty database, and this one already has members; use a new file",
        "演示数据只能填入空数据库，这个数据库已经有会员了，请使用新的数据库文件",
    ),
}

# Outcomes the ``loyalty`` command reports itself (its JSON ``reason`` equals its ``error``).
COMMAND_LINE = {
    "usage": Wording(
        "the command is not written as it should be; see loyalty --help",
        "命令的写法不对，请查看 loyalty --help",
    ),
    "internal_error": Wording(
        "something went wrong inside the program; nothing was changed unless it said so",
        "程序内部出错；除非另有提示，没有做任何更改",
    ),
    "interrupted": Wording(
        "stopped by Ctrl-C; whatever was not finished was rolled back",
        "已按 Ctrl-C 停止，没做完的部分已全部撤销",
    ),
    "check_failed": Wording("problems were found", "检查发现了问题"),
    "invalid_rows": Wording(
        "some rows cannot be imported; nothing was imported",
        "有些行无法导入，所以什么都没有导入",
    ),
    "import_stopped": Wording(
        "a sale was refused while importing; the rows before it were imported, run the file "
        "again once it is fixed",
        "导入时有一笔销售被拒绝；它之前的行已导入，改正文件后再导入一次即可",
    ),
    "already_running": Wording(
        "the loyalty program is already running on this database; switch to its window, "
        "or close it before starting it again",
        "会员程序已经在这个数据库上运行；请切换到它的窗口，或先关闭它再启动",
    ),
    "not_available": Wording("this is not part of this version yet", "这个版本还没有这项功能"),
    "file_not_utf8": Wording(
        "the file is not UTF-8 text", "文件不是 UTF-8 编码的文本，请另存为 UTF-8 后再试"
    ),
}
