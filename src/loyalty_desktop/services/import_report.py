"""What an import did, and the audit entry that records it."""

from __future__ import annotations

import io
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from loyalty_desktop.domain.json_data import JsonObject
from loyalty_desktop.output_files import write_new_file
from loyalty_desktop.services.auth import Actor, Permission, require
from loyalty_desktop.services.context import Shop
from loyalty_desktop.services.csv_files import CsvTable, RowProblem
from loyalty_desktop.services.journal import write_audit
from loyalty_desktop.services.ports import UnitOfWork
from loyalty_desktop.services.spreadsheet_cells import SafeCsvWriter


@dataclass
class ImportReport:
    """Rows imported, skipped (already there) and rejected (row number, reason, code).

    ``stopped``: a sale was refused while writing and the import stopped there;
    the rows counted in ``imported`` were written before it. Without it, a
    report with rejected rows means nothing was written (unless invalid rows
    were to be skipped).
    """

    imported: int = 0
    rejected: list[RowProblem] = field(default_factory=list)
    skipped: int = 0
    created_members: int = 0
    stopped: bool = False


def rejected(problems: Iterable[RowProblem]) -> list[RowProblem]:
    """Problems in row order, as a report lists them."""
    return sorted(problems, key=lambda p: p.row)


def audit_import(
    uow: UnitOfWork, shop: Shop, actor: Actor, action: str, table: CsvTable, report: ImportReport
) -> None:
    """Record who imported which file and what came of it."""
    details: JsonObject = {
        "file": table.path.name,
        "encoding": table.encoding,
        "imported": report.imported,
        "rejected": len(report.rejected),
        "skipped": report.skipped,
        "created_members": report.created_members,
        "stopped": report.stopped,
    }
    subject = f"file:{table.path.name}"[:120]
    write_audit(uow, shop, actor, action, subject, None, details, shop.clock.now())


def save_rejections(
    shop: Shop, actor: Actor, path: Path, header: Sequence[str], lines: Iterable[Sequence[object]]
) -> Path:
    """Write the rejected rows (as the screen words them) to a CSV file Excel opens in Chinese too.

    UTF-8 with a byte order mark, so Excel reads the Chinese reasons; an
    existing file is replaced (the save dialog asked), never the shop's own files.
    """
    require(actor, Permission.IMPORT)
    text = io.StringIO()
    writer = SafeCsvWriter(text, lineterminator="\r\n")
    writer.writerow(header)
    writer.writerows(lines)
    data = "\ufeff" + text.getvalue()
    return write_new_file(path, data, force=True, protected=shop.own_files())
