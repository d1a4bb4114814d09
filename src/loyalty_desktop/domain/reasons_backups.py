"""What refusals about backups, restores and the audit log's viewer say, in English and Simplified Chinese.

Part of the catalogue in ``domain.reasons``; placeholders name the details.
"""

from __future__ import annotations

from loyalty_desktop.domain.wording import Wording

_NOTHING = "Nothing was changed"
_NOTHING_ZH = "没有做任何更改"

BACKUPS = {
    "backups_need_sqlite_file": Wording(
        "backups are made of a SQLite database file; a server database is backed up by its own tools",
        "备份只针对 SQLite 数据库文件；服务器数据库请用它自己的工具备份",
    ),
    "backup_folder_unwritable": Wording(
        "cannot make the backups folder {folder}", "无法创建备份文件夹 {folder}"
    ),
    "backup_copy_failed": Wording(
        "the database could not be copied ({detail})", "无法复制数据库（{detail}）"
    ),
    "backup_outside_folder": Wording(
        "{file} is not in the backups folder; it is not deleted",
        "{file} 不在备份文件夹里，不会删除",
    ),
    "backup_unreadable": Wording("cannot read {file}", "无法读取 {file}"),
    "backup_keep_range": Wording(
        "keep between {minimum} and {maximum} daily backups",
        "自动备份保留份数须在 {minimum} 到 {maximum} 之间",
    ),
    "backup_not_sqlite": Wording(
        f"{{file}} is not a database file (it is not SQLite). {_NOTHING}",
        f"{{file}} 不是数据库文件（不是 SQLite 格式）。{_NOTHING_ZH}",
    ),
    "backup_damaged": Wording(
        f"{{file}} is damaged: {{problem}}. {_NOTHING}",
        f"{{file}} 已损坏：{{problem}}。{_NOTHING_ZH}",
    ),
    "backup_not_loyalty": Wording(
        f"{{file}} is a database, but not a loyalty database (missing: {{missing}}). {_NOTHING}",
        f"{{file}} 是数据库，但不是会员积分数据库（缺少：{{missing}}）。{_NOTHING_ZH}",
    ),
    "backup_schema_too_new": Wording(
        f"{{file}} was written by a newer version of the program (schema {{revision}}); "
        f"restore it with that version. {_NOTHING}",
        f"{{file}} 由更新版本的程序写入（结构版本 {{revision}}），请用该版本恢复。{_NOTHING_ZH}",
    ),
    "backup_other_shop": Wording(
        f"{{file}} belongs to another shop (its keys are not this installation's); "
        f"its member cards and audit log would not check. {_NOTHING}",
        f"{{file}} 属于另一家店（密钥与本机不符），会员卡和审计日志都无法核验。{_NOTHING_ZH}",
    ),
    "backup_audit_broken": Wording(
        f"the audit log in {{file}} does not check (first break at entry {{seq}}). {_NOTHING}",
        f"{{file}} 中的审计日志校验不通过（第 {{seq}} 条起断开）。{_NOTHING_ZH}",
    ),
    "restore_same_file": Wording(
        "{file} is the database in use; choose a backup",
        "{file} 就是正在使用的数据库，请选择一个备份",
    ),
    "restore_needs_admin": Wording(
        f"{{file}} holds other staff accounts or till rules than the shop has now; only an admin "
        f"may restore it. {_NOTHING}",
        f"{{file}} 中的员工账号或收银规则与当前不同，只有管理员可以恢复它。{_NOTHING_ZH}",
    ),
    "restore_database_in_use": Wording(
        f"another program (another till or the loyalty command) has the database open; "
        f"close it and restore again. {_NOTHING}",
        f"另一个程序（其他收银台或 loyalty 命令）正在使用数据库，请关闭后再恢复。{_NOTHING_ZH}",
    ),
    "restore_needs_confirm": Wording(
        "restoring replaces the database with {file} (a copy of the current one is kept); "
        "run again with --force to go ahead",
        "恢复会用 {file} 替换当前数据库（当前数据库会先保留一份副本）；确认请加 --force 再运行",
    ),
}
