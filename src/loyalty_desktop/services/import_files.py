"""The import page's use cases: look at a file before importing it, then import it as one kind of data.

``preview_file`` reads the first rows of a CSV file or workbook, says which
encoding it was read in and guesses which column holds each field;
``import_file`` runs the import of that kind (members, past sales, products)
with the mapping the person settled on (survey answers too).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path

from loyalty_desktop.services import imports, products, survey_import
from loyalty_desktop.services.auth import Actor, Permission, require
from loyalty_desktop.services.context import Shop
from loyalty_desktop.services.csv_files import MEMBER_COLUMNS, SALE_COLUMNS, CsvTable
from loyalty_desktop.services.import_columns import OPTIONAL_FIELDS, guess_mapping
from loyalty_desktop.services.import_report import ImportReport
from loyalty_desktop.services.long_jobs import Job

PREVIEW_ROWS = 20


class ImportKind(StrEnum):
    """What a file holds."""

    MEMBERS = "members"
    SALES = "sales"
    PRODUCTS = "products"
    SURVEYS = "surveys"


COLUMNS: Mapping[ImportKind, tuple[str, ...]] = {
    ImportKind.MEMBERS: MEMBER_COLUMNS,
    ImportKind.SALES: SALE_COLUMNS,
    ImportKind.PRODUCTS: products.PRODUCT_COLUMNS,
    ImportKind.SURVEYS: survey_import.SURVEY_COLUMNS,
}
# Fields a file may lack altogether (a column mapped to nothing), beyond the ones every import allows.
_OPTIONAL = {ImportKind.SURVEYS: survey_import.SURVEY_OPTIONAL}
# Products are a manager's catalogue work; members and sales are imports.
_PERMISSION = {
    ImportKind.MEMBERS: Permission.IMPORT,
    ImportKind.SALES: Permission.IMPORT,
    ImportKind.PRODUCTS: Permission.PRODUCTS,
    ImportKind.SURVEYS: Permission.IMPORT,
}


@dataclass(frozen=True)
class ImportField:
    """One of our fields: its name, and whether every row needs it."""

    name: str
    required: bool


@dataclass(frozen=True)
class FilePreview:
    """The first rows of a file as read, the encoding used and the columns guessed for our fields.

    ``encoding``: ``utf-8``, ``utf-8-sig`` (UTF-8 with a byte order mark),
    ``gbk`` (read as GB18030), ``xlsx`` for a workbook, or the codec named.
    """

    kind: ImportKind
    file: str
    encoding: str
    headers: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    fields: tuple[ImportField, ...]
    guessed: Mapping[str, str]


def fields_of(kind: ImportKind) -> tuple[ImportField, ...]:
    """The fields an import of ``kind`` reads, in order."""
    optional = _OPTIONAL.get(kind, OPTIONAL_FIELDS)
    return tuple(ImportField(c, c not in optional) for c in COLUMNS[kind])


def preview_file(
    shop: Shop,
    actor: Actor,
    kind: ImportKind,
    path: Path,
    encoding: str | None = None,
    rows: int = PREVIEW_ROWS,
) -> FilePreview:
    """The file's header and first rows, read in ``encoding`` (else detected), with a column guess."""
    require(actor, _PERMISSION[kind])
    del shop  # nothing in the database is read: the file is the person's own
    table = CsvTable(path, COLUMNS[kind], encoding, preview=True)
    used = "utf-8-sig" if table.bom and table.encoding == "utf-8" else table.encoding
    return FilePreview(
        kind,
        path.name,
        used,
        tuple(table.headers),
        tuple(tuple(row) for row in table.head(rows)),
        fields_of(kind),
        guess_mapping(COLUMNS[kind], table.headers),
    )


def import_file(
    shop: Shop,
    actor: Actor,
    kind: ImportKind,
    path: Path,
    *,
    encoding: str | None = None,
    mapping: Mapping[str, str] | None = None,
    skip_invalid: bool = False,
    create_members: bool = False,
    job: Job | None = None,
) -> ImportReport:
    """Import ``path`` as ``kind`` with the columns ``mapping`` names (see each import's rules)."""
    if kind is ImportKind.MEMBERS:
        return imports.import_members(
            shop,
            actor,
            path,
            skip_invalid=skip_invalid,
            encoding=encoding,
            mapping=mapping,
            job=job,
        )
    if kind is ImportKind.SALES:
        return imports.import_sales(
            shop,
            actor,
            path,
            create_members=create_members,
            skip_invalid=skip_invalid,
            encoding=encoding,
            mapping=mapping,
            job=job,
        )
    if kind is ImportKind.SURVEYS:
        return survey_import.import_surveys(
            shop,
            actor,
            path,
            skip_invalid=skip_invalid,
            encoding=encoding,
            mapping=mapping,
            job=job,
        )
    return products.import_products(
        shop, actor, path, encoding, mapping=mapping, skip_invalid=skip_invalid, job=job
    )
