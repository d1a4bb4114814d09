"""The product catalogue: exact lookups by SKU or barcode, and the till's search by SKU or name."""

from __future__ import annotations

from typing import Any

from sqlalchemy import Connection, case, func, insert, or_, select, true, update

from loyalty_desktop.db.tables import products
from loyalty_desktop.domain.products import Product

# The back office's list sorts by these; anything else by SKU.
_SORTABLE = frozenset({"sku", "name", "price", "category", "barcode"})


def _product(m: Any) -> Product:
    return Product(
        sku=m["sku"],
        name=m["name"],
        price=int(m["price"]),
        category=m["category"],
        barcode=m["barcode"],
        active=bool(m["active"]),
    )


class SqlProducts:
    """Products, one row per SKU; a barcode belongs to at most one product."""

    def __init__(self, conn: Connection) -> None:
        self.conn = conn

    def get(self, sku: str) -> Product | None:
        row = self.conn.execute(select(products).where(products.c.sku == sku)).first()
        return _product(row._mapping) if row else None

    def by_barcode(self, barcode: str) -> Product | None:
        row = self.conn.execute(select(products).where(products.c.barcode == barcode)).first()
        return _product(row._mapping) if row else None

    def by_code_any_case(self, code: str, limit: int) -> list[Product]:
        folded = code.lower()
        query = (
            select(products)
            .where(
                or_(
                    func.lower(products.c.sku) == folded,
                    func.lower(products.c.barcode) == folded,
                )
            )
            .order_by(products.c.sku)
            .limit(limit)
        )
        return [_product(r._mapping) for r in self.conn.execute(query)]

    def search(self, text: str, limit: int) -> list[Product]:
        folded = text.lower()
        sku = func.lower(products.c.sku)
        name = func.lower(products.c.name)
        query = select(products).where(products.c.active.is_(True))
        if folded:
            query = query.where(
                or_(
                    sku.startswith(folded, autoescape=True),
                    name.contains(folded, autoescape=True),
                )
            )
        # Prefix matches of the SKU or the name first, then the rest by name.
        first = case(
            (
                or_(
                    sku.startswith(folded, autoescape=True),
                    name.startswith(folded, autoescape=True),
                ),
                0,
            ),
            else_=1,
        )
        query = query.order_by(first, products.c.name, products.c.sku).limit(limit)
        return [_product(r._mapping) for r in self.conn.execute(query)]

    def all(self) -> list[Product]:
        query = select(products).order_by(products.c.sku)
        return [_product(r._mapping) for r in self.conn.execute(query)]

    def add(self, product: Product) -> None:
        self.conn.execute(insert(products), product.__dict__)

    def save(self, product: Product) -> None:
        values = dict(product.__dict__)
        self.conn.execute(
            update(products).where(products.c.sku == values.pop("sku")).values(values)
        )

    def _matching(self, text: str) -> Any:
        folded = text.lower()
        if not folded:
            return true()
        return or_(
            func.lower(products.c.sku).contains(folded, autoescape=True),
            func.lower(products.c.name).contains(folded, autoescape=True),
            func.lower(products.c.category).contains(folded, autoescape=True),
            func.lower(products.c.barcode).startswith(folded, autoescape=True),
        )

    def listing(
        self, text: str, sort: str, descending: bool, offset: int, limit: int
    ) -> list[Product]:
        column = products.c[sort] if sort in _SORTABLE else products.c.sku
        ordered = column.desc() if descending else column.asc()
        query = (
            select(products)
            .where(self._matching(text))
            .order_by(ordered, products.c.sku)
            .offset(offset)
            .limit(limit)
        )
        return [_product(r._mapping) for r in self.conn.execute(query)]

    def count(self, text: str) -> int:
        query = select(func.count()).select_from(products).where(self._matching(text))
        return int(self.conn.execute(query).scalar_one())
