"""Campaign lists: the members of a report's group who agreed to marketing, with a name and phone to reach.

A report (an RFM segment, say) names members by number; a campaign may only
contact those who gave marketing consent. The consent is read here, from the
member records as they are now (consent is not versioned), so a screen can
never hand out a list that forgot to drop someone. The names and phones are
personal data, so this asks for the same right as exporting a member's data.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from loyalty_desktop.services.auth import Actor, Permission, require
from loyalty_desktop.services.context import Shop
from loyalty_desktop.services.report_files import Cell, ExportTable, csv_bytes, xlsx_bytes

CAMPAIGN_HEADERS = ("member_no", "name", "phone", "email")
FORMATS = ("csv", "xlsx")
# A member's suggested items for the file: (sku, name) pairs, best first.
SuggestedItems = Mapping[str, Sequence[tuple[str, str]]]


@dataclass(frozen=True)
class CampaignContact:
    """A member who may be contacted about offers."""

    member_no: str
    name: str
    phone: str | None
    email: str | None


def consenting_members(
    shop: Shop, actor: Actor, member_nos: Iterable[str]
) -> tuple[CampaignContact, ...]:
    """Of ``member_nos``, the active members with marketing consent, in the order given.

    Numbers of members who withdrew consent, were erased or merged away are left out.
    """
    require(actor, Permission.EXPORT)
    wanted = list(dict.fromkeys(member_nos))
    with shop.uow(write=False) as uow:
        agreed = {m.member_no: m for m in uow.members.active() if m.consent}
    return tuple(
        CampaignContact(m.member_no, m.name, m.phone, m.email)
        for m in (agreed.get(number) for number in wanted)
        if m is not None
    )


def campaign_table(
    contacts: Iterable[CampaignContact], suggested: SuggestedItems | None = None, k: int = 0
) -> ExportTable:
    """The contacts as a table; with ``suggested``, ``k`` more column pairs ``item_N``, ``item_N_sku``.

    A mail merge fills "we think you will like {item_1}" from them; a member
    with fewer suggestions gets empty cells.
    """
    headers: tuple[str, ...] = CAMPAIGN_HEADERS
    if suggested is not None:
        headers += tuple(h for n in range(1, k + 1) for h in (f"item_{n}", f"item_{n}_sku"))
    rows = []
    for c in contacts:
        row: tuple[Cell, ...] = (c.member_no, c.name, c.phone, c.email)
        if suggested is not None:
            items = list(suggested.get(c.member_no, ()))[:k]
            items += [("", "")] * (k - len(items))
            row += tuple(cell for sku, name in items for cell in (name, sku))
        rows.append(row)
    return ExportTable("campaign", headers, tuple(rows))


def campaign_csv(
    contacts: Iterable[CampaignContact], suggested: SuggestedItems | None = None, k: int = 0
) -> bytes:
    """The contacts as a CSV file for a mailing tool (UTF-8 with a BOM, formulas defused)."""
    return csv_bytes([campaign_table(contacts, suggested, k)])


def campaign_file(
    contacts: Iterable[CampaignContact],
    file_format: str,
    suggested: SuggestedItems | None = None,
    k: int = 0,
) -> bytes:
    """The contacts as ``csv`` or ``xlsx`` (an Excel workbook, every text cell as text)."""
    table = campaign_table(contacts, suggested, k)
    return xlsx_bytes([table]) if file_format == "xlsx" else csv_bytes([table])
