"""Campaign lists: the members of a report's group who agreed to marketing, with a name and phone to reach.

A report (an RFM segment, say) names members by number; a campaign may only
contact those who gave marketing consent. The consent is read here, from the
member records as they are now (consent is not versioned), so a screen can
never hand out a list that forgot to drop someone. The names and phones are
personal data, so this asks for the same right as exporting a member's data.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from loyalty_desktop.services.auth import Actor, Permission, require
from loyalty_desktop.services.context import Shop
from loyalty_desktop.services.report_files import ExportTable, csv_bytes

CAMPAIGN_HEADERS = ("member_no", "name", "phone", "email")


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


def campaign_csv(contacts: Iterable[CampaignContact]) -> bytes:
    """The contacts as a CSV file for a mailing tool (UTF-8 with a BOM, formulas defused)."""
    rows = tuple((c.member_no, c.name, c.phone, c.email) for c in contacts)
    return csv_bytes([ExportTable("campaign", CAMPAIGN_HEADERS, rows)])
