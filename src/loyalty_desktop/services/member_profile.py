"""Editing a member's profile in the back office: name, phone, e-mail, birthday and marketing consent.

The same rules as enrolment apply (a phone is normalised and stays a phone,
never a member number; an e-mail is roughly checked; a birthday is a past
date). The change is audited and sent to the outbox by field name only: the
values are personal data, which must stay erasable.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from loyalty_desktop.domain.errors import MemberClosed
from loyalty_desktop.domain.members import Member, check_email, check_name, parse_birthday
from loyalty_desktop.domain.phones import normalize_phone
from loyalty_desktop.services.auth import Actor, Permission, require
from loyalty_desktop.services.changes import NOTHING, Changes
from loyalty_desktop.services.context import Shop
from loyalty_desktop.services.events import profile_changed_event
from loyalty_desktop.services.journal import publish, write_audit
from loyalty_desktop.services.lookup import find_member


@dataclass(frozen=True)
class ProfileEdit:
    """What to change; None leaves a field as it is, an empty text clears it (not the name).

    The birthday is written YYYY-MM-DD, as a person types it.
    """

    name: str | None = None
    phone: str | None = None
    email: str | None = None
    birthday: str | None = None
    consent: bool | None = None


@dataclass(frozen=True)
class ProfileEdited:
    """The member after the edit: which fields changed, and other members with the same phone."""

    id: str
    member_no: str
    changed: tuple[str, ...]
    same_phone: tuple[str, ...]
    changes: Changes


def _edited(member: Member, edit: ProfileEdit, shop: Shop) -> Member:
    """The member with the edit applied, every value checked as enrolment checks it."""
    now = shop.clock.now()
    new = member
    if edit.name is not None:
        new = replace(new, name=check_name(edit.name))
    if edit.phone is not None:
        new = replace(new, phone=normalize_phone(edit.phone) if edit.phone.strip() else None)
    if edit.email is not None:
        new = replace(new, email=check_email(edit.email) if edit.email.strip() else None)
    if edit.birthday is not None:
        text = edit.birthday.strip()
        new = replace(new, birthday=parse_birthday(text, now.date()) if text else None)
    if edit.consent is not None and edit.consent != member.consent:
        new = replace(new, consent=edit.consent, consent_at=now if edit.consent else None)
    return new


_FIELDS = ("name", "phone", "email", "birthday", "consent")


def edit_profile(shop: Shop, actor: Actor, ref: str, edit: ProfileEdit) -> ProfileEdited:
    """Change a member's profile (a manager's); an edit that changes nothing records nothing."""
    require(actor, Permission.EDIT_MEMBER)
    with shop.uow() as uow:
        member = find_member(uow, ref, shop.card_keys, for_update=True, follow=False)
        if not member.active:
            raise MemberClosed(
                f"member {member.member_no} is {member.status.value}; the profile cannot be edited",
                reason="member_closed_no_edit",
                member_no=member.member_no,
                status=member.status.value,
            )
        new = _edited(member, edit, shop)
        changed = tuple(f for f in _FIELDS if getattr(new, f) != getattr(member, f))
        others = uow.members.by_phone(new.phone) if new.phone and "phone" in changed else []
        same_phone = tuple(m.member_no for m in others if m.id != member.id)
        if not changed:
            return ProfileEdited(member.id, member.member_no, (), (), NOTHING)
        now = shop.clock.now()
        uow.members.save(new)
        publish(uow, shop.device_id, profile_changed_event(new, changed, now))
        # Field names only: the audit log is never erased, so it must hold no personal data.
        write_audit(
            uow,
            shop,
            actor,
            "member.edit",
            f"member:{member.id}",
            None,
            {"fields": list(changed)},
            now,
        )
        uow.commit()
    return ProfileEdited(
        member.id, member.member_no, changed, same_phone, Changes.of_members(member.id, audit=True)
    )
