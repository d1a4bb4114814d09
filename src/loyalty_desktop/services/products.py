"""The product catalogue: the till finds products by SKU, barcode or name; managers add, edit and import them.

Prices are stored in the programme currency's minor units and read exactly
from text (``"12.50"``), never through a float. An import is one transaction:
every row is checked first, and any rejected row means nothing is written.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from loyalty_desktop.domain.errors import InvalidRequest, LoyaltyError, UnknownProduct
from loyalty_desktop.domain.json_data import JsonObject
from loyalty_desktop.domain.money import Currency
from loyalty_desktop.domain.products import (
    Product,
    check_code,
    check_product_name,
    new_product,
    optional_text,
    parse_price,
    same_code,
)
from loyalty_desktop.services import recommendations
from loyalty_desktop.services.auth import Actor, Permission, require
from loyalty_desktop.services.context import Shop
from loyalty_desktop.services.csv_files import CsvRow, CsvTable, RowCheck, RowProblem
from loyalty_desktop.services.import_report import ImportReport, audit_import, rejected
from loyalty_desktop.services.journal import write_audit
from loyalty_desktop.services.long_jobs import Job
from loyalty_desktop.services.ports import UnitOfWork
from loyalty_desktop.services.programs import program_in_force
from loyalty_desktop.services.retry import once_more_on_conflict

PRODUCT_COLUMNS = ("sku", "name", "price", "category", "barcode")
MAX_SEARCH = 100  # a till's pick list, never the whole catalogue
DEFAULT_SEARCH = 20


@dataclass(frozen=True)
class ProductView:
    """A product as the till shows it: ``price`` in minor units of ``currency``."""

    sku: str
    name: str
    price: int
    currency: Currency
    category: str | None
    barcode: str | None
    active: bool


@dataclass(frozen=True)
class SavedProduct:
    """What ``save_product`` did: the product as stored, and whether it is new."""

    product: ProductView
    created: bool
    changed: bool


def product_view(product: Product, currency: Currency) -> ProductView:
    """A stored product as screens show it."""
    return ProductView(
        product.sku,
        product.name,
        product.price,
        currency,
        product.category,
        product.barcode,
        product.active,
    )


def shop_currency(uow: UnitOfWork) -> Currency:
    """The currency prices are kept in: the programme's."""
    return program_in_force(uow)[1].currency


def find_product(shop: Shop, actor: Actor, code: str) -> ProductView:
    """The product whose SKU, else whose barcode, is ``code`` as typed or scanned.

    Exact after NFKC; failing that, the one product whose SKU or barcode it is in
    another letter case (two such products are a miss, never a guess).
    """
    require(actor, Permission.SELL)
    wanted = same_code(code)
    with shop.uow(write=False) as uow:
        found = (uow.products.get(wanted) or uow.products.by_barcode(wanted)) if wanted else None
        if found is None and wanted:
            # A scanner with Caps Lock on swaps the letters' case: take the one product it can be.
            either = uow.products.by_code_any_case(wanted, 2)
            found = either[0] if len(either) == 1 else None
        if found is None:
            raise UnknownProduct(
                "no product has this SKU or barcode", reason="unknown_product", field="product"
            )
        return product_view(found, shop_currency(uow))


def search_products(
    shop: Shop, actor: Actor, text: str = "", limit: int = DEFAULT_SEARCH
) -> tuple[ProductView, ...]:
    """Active products whose SKU starts with ``text`` or whose name holds it, any case.

    SKU and name prefix matches come first; empty text lists the first by name.
    ``limit`` is capped at 100.
    """
    require(actor, Permission.SELL)
    if limit < 1:
        raise InvalidRequest(
            f"a page holds 1 to {MAX_SEARCH} rows",
            reason="page_size_range",
            field="limit",
            minimum=1,
            maximum=MAX_SEARCH,
        )
    with shop.uow(write=False) as uow:
        found = uow.products.search(same_code(text), min(limit, MAX_SEARCH))
        currency = shop_currency(uow)
    return tuple(product_view(p, currency) for p in found)


def _barcode_free(uow: UnitOfWork, product: Product) -> None:
    if product.barcode is None:
        return
    holder = uow.products.by_barcode(product.barcode)
    if holder is not None and holder.sku != product.sku:
        raise InvalidRequest(
            f"another product ({holder.sku}) already has this barcode",
            reason="barcode_taken",
            field="barcode",
            sku=holder.sku,
        )


def _audit_details(product: Product, currency: Currency) -> JsonObject:
    return {
        "name": product.name,
        "price": product.price,
        "currency": currency.code,
        "category": product.category,
        "barcode": product.barcode,
        "active": product.active,
    }


def save_product(
    shop: Shop,
    actor: Actor,
    sku: str,
    *,
    name: str,
    price: str,
    category: str | None = None,
    barcode: str | None = None,
    active: bool = True,
) -> SavedProduct:
    """Add a product, or replace every value of the one with this SKU (manager)."""
    require(actor, Permission.PRODUCTS)

    def attempt() -> SavedProduct:
        with shop.uow() as uow:
            currency = shop_currency(uow)
            product = new_product(
                sku, name, price, currency, category=category, barcode=barcode, active=active
            )
            before = uow.products.get(product.sku)
            if before == product:
                return SavedProduct(product_view(product, currency), created=False, changed=False)
            _barcode_free(uow, product)
            if before is None:
                uow.products.add(product)
            else:
                uow.products.save(product)
            write_audit(
                uow,
                shop,
                actor,
                "product.add" if before is None else "product.edit",
                f"product:{product.sku}",
                None,
                _audit_details(product, currency),
                shop.clock.now(),
            )
            uow.commit()
        recommendations.products_changed(shop)  # switched off: no longer suggested, now
        return SavedProduct(product_view(product, currency), created=before is None, changed=True)

    return once_more_on_conflict(attempt)


def _product_row(row: CsvRow, currency: Currency) -> Product | RowProblem:
    """A file row checked column by column with the till's rules; every wrong column is reported."""
    sku, name, price, category, barcode = row.values
    check = RowCheck(row.number)
    code = check.value("sku", lambda: check_code(sku, "sku"))
    shown = check.value("name", lambda: check_product_name(name))
    minor = check.value("price", lambda: parse_price(price, currency))
    kind = check.value("category", lambda: optional_text(category, "category"))
    scanned = check.value("barcode", lambda: optional_text(barcode, "barcode"))
    if check.problem is not None or code is None or shown is None or minor is None:
        return check.problem or RowProblem(row.number, "incomplete row", "bad_row")
    return Product(code, shown, minor, kind, scanned)


def _problem(row: int, column: str, error: LoyaltyError) -> RowProblem:
    return RowProblem.of(row, column, error)


def _read_file(
    table: CsvTable, currency: Currency, job: Job
) -> tuple[dict[str, tuple[int, Product]], list[RowProblem]]:
    """The file's products by SKU with their row numbers, and the rows that cannot be imported."""
    wanted: dict[str, tuple[int, Product]] = {}
    problems: list[RowProblem] = []
    for done, row in enumerate(table.rows()):
        if done % 500 == 0:
            job.step("checking", done)
        if isinstance(row, RowProblem):
            problems.append(row)
            continue
        parsed = _product_row(row, currency)
        if isinstance(parsed, RowProblem):
            problems.append(parsed)
        elif parsed.sku in wanted:
            first = wanted[parsed.sku][0]
            twice = InvalidRequest(
                f"{parsed.sku} is already in the file at row {first}",
                reason="product_twice_in_file",
                field="sku",
                sku=parsed.sku,
                row=first,
            )
            problems.append(_problem(row.number, "sku", twice))
        else:
            wanted[parsed.sku] = (row.number, parsed)
    return wanted, problems


def _barcodes_taken(
    stored: dict[str, Product], wanted: Iterable[tuple[int, Product]]
) -> list[tuple[int, str]]:
    """Rows (numbered) whose barcode another product keeps or took earlier, with that product's SKU.

    Barcodes as they will be: the new products', and those of stored products left alone.
    """
    rows = list(wanted)
    listed = {product.sku for _, product in rows}
    holders = {p.barcode: p.sku for p in stored.values() if p.barcode and p.sku not in listed}
    taken: list[tuple[int, str]] = []
    for number, product in rows:
        holder = holders.get(product.barcode) if product.barcode else None
        if holder is not None and holder != product.sku:
            taken.append((number, holder))
        elif product.barcode:
            holders[product.barcode] = product.sku
    return taken


def _write(uow: UnitOfWork, stored: dict[str, Product], wanted: Sequence[Product]) -> int:
    """Add or replace the products that differ from what is stored; how many did."""
    changed = [(stored.get(p.sku), p) for p in wanted if stored.get(p.sku) != p]
    # A barcode moving between products is let go first, as the unique index wants.
    for before, product in changed:
        if before is not None and before.barcode and before.barcode != product.barcode:
            uow.products.save(replace(before, barcode=None))
    for before, product in changed:
        if before is None:
            uow.products.add(product)
        else:
            uow.products.save(product)
    return len(changed)


def stock_products(shop: Shop, actor: Actor, items: Sequence[Product], source: str) -> int:
    """Add or replace many checked products in one transaction and one audit entry (manager).

    For a catalogue that comes from the program itself (the demo shop's
    shelves); a file goes through ``import_products``. Returns how many
    products were added or changed.
    """
    require(actor, Permission.PRODUCTS)
    wanted = {p.sku: p for p in items}
    with shop.uow() as uow:
        currency = shop_currency(uow)
        stored = {p.sku: p for p in uow.products.all()}
        taken = _barcodes_taken(stored, enumerate(wanted.values(), start=1))
        if taken:
            holder = taken[0][1]
            raise InvalidRequest(
                f"another product ({holder}) already has this barcode",
                reason="barcode_taken",
                field="barcode",
                sku=holder,
            )
        changed = _write(uow, stored, list(wanted.values()))
        details: JsonObject = {
            "products": len(wanted),
            "changed": changed,
            "currency": currency.code,
        }
        write_audit(
            uow,
            shop,
            actor,
            "product.stock",
            f"source:{source}"[:120],
            None,
            details,
            shop.clock.now(),
        )
        uow.commit()
    recommendations.products_changed(shop)
    return changed


def import_products(
    shop: Shop,
    actor: Actor,
    path: Path,
    encoding: str | None = None,
    *,
    mapping: Mapping[str, str] | None = None,
    skip_invalid: bool = False,
    job: Job | None = None,
) -> ImportReport:
    """Add or replace products from a CSV file or workbook with the columns ``sku,name,price,category,barcode``.

    Prices are in the programme's currency. A product already stored with the
    same values is counted as skipped; one the file lists is active again. A
    SKU twice in the file, or a barcode another product keeps, rejects the row;
    any rejected row means nothing is imported, unless ``skip_invalid``. The
    file is read in ``encoding`` if given, else as UTF-8 or Chinese GBK;
    ``mapping`` names the file's column for each field (see ``import_columns``).
    One transaction: ``job`` cancelled part-way leaves the catalogue unchanged.
    """
    require(actor, Permission.PRODUCTS)
    job = job or Job()
    table = CsvTable(path, PRODUCT_COLUMNS, encoding, mapping)
    job.step("reading", 0)
    with shop.uow() as uow:
        currency = shop_currency(uow)
        wanted, problems = _read_file(table, currency, job)
        stored = {p.sku: p for p in uow.products.all()}
        for number, holder in _barcodes_taken(stored, wanted.values()):
            taken = InvalidRequest(
                f"another product ({holder}) already has this barcode",
                reason="barcode_taken",
                field="barcode",
                sku=holder,
            )
            problems.append(_problem(number, "barcode", taken))
        if problems and not skip_invalid:
            return ImportReport(rejected=rejected(problems))
        bad = {p.row for p in problems}
        good = [p for number, p in wanted.values() if number not in bad]
        job.step("writing", 0, len(good), final=True)
        changed = _write(uow, stored, good)
        report = ImportReport(
            imported=changed, skipped=len(good) - changed, rejected=rejected(problems)
        )
        audit_import(uow, shop, actor, "import.products", table, report)
        job.check("writing")
        uow.commit()
    recommendations.products_changed(shop)
    return report
