"""The back office's product list: a page of the catalogue at a time, filtered and sorted by the database.

A shop may have tens of thousands of products; the list screen asks for the
rows it shows (``list_products``) and how many match (``count_products``),
never for the whole catalogue. Inactive products are listed too, marked, so a
manager can find one to bring back.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from loyalty_desktop.domain.errors import InvalidRequest
from loyalty_desktop.domain.products import same_code
from loyalty_desktop.services.auth import Actor, Permission, require
from loyalty_desktop.services.context import Shop
from loyalty_desktop.services.products import ProductView, product_view, shop_currency

MAX_PAGE = 500


class ProductSort(StrEnum):
    """The columns the list sorts by."""

    SKU = "sku"
    NAME = "name"
    PRICE = "price"
    CATEGORY = "category"
    BARCODE = "barcode"


@dataclass(frozen=True)
class ProductQuery:
    """Which products, in which order: ``text`` in the SKU, name, category or barcode (any case)."""

    text: str = ""
    sort: ProductSort = ProductSort.SKU
    descending: bool = False


@dataclass(frozen=True)
class ProductPage:
    """Products from ``offset`` on, in the query's order."""

    offset: int
    products: tuple[ProductView, ...]


def list_products(
    shop: Shop, actor: Actor, query: ProductQuery, *, offset: int = 0, limit: int = 200
) -> ProductPage:
    """A page of the catalogue (manager): ``limit`` products from ``offset`` in the query's order."""
    require(actor, Permission.PRODUCTS)
    if not 1 <= limit <= MAX_PAGE or offset < 0:
        raise InvalidRequest(
            f"a page holds 1 to {MAX_PAGE} rows",
            reason="page_size_range",
            field="limit",
            minimum=1,
            maximum=MAX_PAGE,
        )
    with shop.uow(write=False) as uow:
        found = uow.products.listing(
            same_code(query.text), query.sort.value, query.descending, offset, limit
        )
        currency = shop_currency(uow)
    return ProductPage(offset, tuple(product_view(p, currency) for p in found))


def count_products(shop: Shop, actor: Actor, query: ProductQuery) -> int:
    """How many products the query matches (manager)."""
    require(actor, Permission.PRODUCTS)
    with shop.uow(write=False) as uow:
        return uow.products.count(same_code(query.text))
