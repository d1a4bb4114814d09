"""Satisfaction surveys: the shop's question setting, and a member's answer recorded once.

An answer about a sale must be the sale's member's, and a sale has at most one
answer. The same answer sent again (a retry, a file imported twice) replays
the first; a different score for an answered sale is refused, because the
first answer is the customer's and a later one is usually a second guess by
someone else (and would let a till polish its own figures).
"""

from __future__ import annotations

import json
import uuid
from dataclasses import dataclass, replace
from datetime import datetime
from zoneinfo import ZoneInfo

from loyalty_desktop.domain.cards import repeatable
from loyalty_desktop.domain.errors import InvalidRequest, MemberClosed, UnknownSale
from loyalty_desktop.domain.json_data import JsonValue
from loyalty_desktop.domain.members import Member
from loyalty_desktop.domain.moments import local_iso
from loyalty_desktop.domain.sales import Sale
from loyalty_desktop.domain.surveys import (
    SurveyAnswer,
    SurveyScale,
    SurveySettings,
    check_score,
)
from loyalty_desktop.services.auth import Actor, Permission, require
from loyalty_desktop.services.baskets import same_id
from loyalty_desktop.services.context import Shop
from loyalty_desktop.services.journal import write_audit
from loyalty_desktop.services.lookup import find_member
from loyalty_desktop.services.moments import request_moment
from loyalty_desktop.services.ports import CardKeys, Conflict, UnitOfWork
from loyalty_desktop.services.programs import program_in_force
from loyalty_desktop.services.report_period import SurveyAnswers

SETTING = "survey"


@dataclass(frozen=True)
class Recorded:
    """An answer stored now, or the same answer stored before (``replayed``)."""

    answer: SurveyAnswer
    replayed: bool


def settings_in(uow: UnitOfWork) -> SurveySettings:
    """The stored setting; a shop that never set it asks for stars, and not at the till."""
    stored = uow.settings.get(SETTING)
    saved = json.loads(stored) if stored else {}
    return SurveySettings(
        scale=SurveyScale(saved.get("scale", SurveyScale.STARS.value)),
        ask_at_till=bool(saved.get("ask_at_till", False)),
    )


def survey_settings(shop: Shop, actor: Actor) -> SurveySettings:
    """What the shop asks, and whether the till asks it (anyone signed in: the till reads it)."""
    require(actor, Permission.SELL)
    with shop.uow(write=False) as uow:
        return settings_in(uow)


def set_survey_settings(
    shop: Shop,
    actor: Actor,
    *,
    scale: SurveyScale | None = None,
    ask_at_till: bool | None = None,
) -> SurveySettings:
    """Change the scale or switch the till's question on or off (a manager's; audited)."""
    require(actor, Permission.PROGRAM)
    with shop.uow() as uow:
        before = settings_in(uow)
        after = SurveySettings(
            scale=before.scale if scale is None else scale,
            ask_at_till=before.ask_at_till if ask_at_till is None else ask_at_till,
        )
        if after == before:
            return after
        stored = {"scale": after.scale.value, "ask_at_till": after.ask_at_till}
        uow.settings.set(SETTING, json.dumps(stored))
        write_audit(
            uow, shop, actor, "survey.settings", "settings:survey", None, stored, shop.clock.now()
        )
        uow.commit()
    return after


def answering_member(uow: UnitOfWork, ref: str, keys: CardKeys) -> Member:
    """The member who answers; an erased or closed member gives no more answers (nor data)."""
    member = find_member(uow, ref, keys)
    if not member.active:
        raise MemberClosed(
            f"member {member.member_no} is {member.status.value}",
            member_no=member.member_no,
            status=member.status.value,
        )
    return member


def answered_sale(
    uow: UnitOfWork, member: Member, sale_ref: str
) -> tuple[Sale, SurveyAnswer | None]:
    """The member's sale ``sale_ref`` and its answer if it has one.

    Raises:
        UnknownSale: no sale with that number was recorded here.
        InvalidRequest: the sale was made to someone else (or to no member).
    """
    wanted = same_id(sale_ref)
    sale = uow.sales.get(wanted) if wanted else None
    if sale is None:
        raise UnknownSale(
            f"no sale {wanted!r} was recorded here", field="sale", sale_id=repeatable(wanted)
        )
    if sale.member_id != member.id:
        raise InvalidRequest(
            f"sale {sale.sale_no} was not made to member {member.member_no}",
            code="sale_of_another_member",
            reason="survey_sale_other_member",
            field="sale",
            sale=sale.sale_no,
        )
    return sale, uow.surveys.for_sales([sale.sale_no]).get(sale.sale_no)


def after_sale(sale: Sale, at: datetime, timezone: str) -> datetime:
    """When an answer about ``sale`` was given: never before the sale (it would count as a return).

    A survey file often gives only the day: an answer on the sale's own shop day but
    before its time is taken as given at the sale; a day before the sale is refused.
    """
    if at >= sale.at:
        return at
    zone = ZoneInfo(timezone)
    if at.astimezone(zone).date() == sale.at.astimezone(zone).date():
        return sale.at
    raise InvalidRequest(
        f"the answer about sale {sale.sale_no} is dated {local_iso(at, timezone)}, before the "
        f"sale itself ({local_iso(sale.at, timezone)})",
        code="before_sale",
        reason="survey_before_sale",
        field="at",
        sale=sale.sale_no,
        at=local_iso(at, timezone),
        sale_at=local_iso(sale.at, timezone),
    )


def already_answered(first: SurveyAnswer, timezone: str) -> InvalidRequest:
    """The refusal of a different score for a sale that has its answer."""
    taken = local_iso(first.at, timezone)
    return InvalidRequest(
        f"sale {first.sale_no} already has an answer ({first.score}, taken {taken}); "
        "the first answer stands",
        code="already_answered",
        reason="survey_sale_answered",
        field="score",
        sale=first.sale_no,
        value=first.score,
        at=taken,
    )


def record_answer(
    shop: Shop,
    actor: Actor,
    member_ref: str,
    score: int,
    *,
    sale_ref: str | None = None,
    at: datetime | None = None,
) -> Recorded:
    """Record a member's answer on the shop's scale, about one of their sales if given.

    Without ``at`` an answer about a sale is dated now (the question follows the
    sale). A backdated answer is a manager's, as every backdated change is.
    """
    require(actor, Permission.AWARD)
    when = request_moment(shop, actor, at)
    try:
        return _record(shop, actor, member_ref, score, sale_ref, when)
    except _Raced as race:
        # Another till answered the same sale at the same moment: its answer stands. The
        # taken key shows at the insert (PostgreSQL) or at the commit (SQLite): both land here.
        return _after_race(shop, race.answer, race.timezone)


class _Raced(Exception):
    """The answer lost the sale's unique key to another till's."""

    def __init__(self, answer: SurveyAnswer, timezone: str) -> None:
        super().__init__(answer.sale_no)
        self.answer, self.timezone = answer, timezone


def _record(
    shop: Shop, actor: Actor, member_ref: str, score: int, sale_ref: str | None, when: datetime
) -> Recorded:
    answer: SurveyAnswer | None = None
    timezone = "UTC"
    try:
        with shop.uow() as uow:
            _, program = program_in_force(uow)
            timezone = program.timezone
            scale = settings_in(uow).scale
            check_score(score, scale)
            member = answering_member(uow, member_ref, shop.card_keys)
            store, first = shop.device_id, None
            sale_no = None
            if sale_ref is not None:
                sale, first = answered_sale(uow, member, sale_ref)
                when = after_sale(sale, when, timezone)
                store, sale_no = sale.device_id or shop.device_id, sale.sale_no
            if first is not None:
                if first.score == score and first.scale is scale:
                    return Recorded(first, replayed=True)
                raise already_answered(first, timezone)
            answer = SurveyAnswer(
                id=str(uuid.uuid4()),
                member_id=member.id,
                member_no=member.member_no,
                score=score,
                scale=scale,
                sale_no=sale_no,
                store=store,
                staff=actor.name if actor.staff_id else None,
                tier=member.tier,
                at=when,
                recorded_at=shop.clock.now(),
            )
            uow.surveys.add_many([answer])
            uow.commit()
    except Conflict:
        if answer is None or answer.sale_no is None:
            raise
        raise _Raced(answer, timezone) from None
    return Recorded(answer, replayed=False)


def _after_race(shop: Shop, mine: SurveyAnswer, timezone: str) -> Recorded:
    assert mine.sale_no is not None
    with shop.uow(write=False) as uow:
        first = uow.surveys.for_sales([mine.sale_no])[mine.sale_no]
    if first.score == mine.score and first.scale is mine.scale:
        return Recorded(replace(first), replayed=True)
    raise already_answered(first, timezone)


def survey_answers(
    uow: UnitOfWork, start: datetime, end: datetime, store: str | None
) -> SurveyAnswers:
    """The scale and the answers given in (start, end] (at ``store`` only, if given).

    An answer of a member merged away since is counted under the member who
    kept their history, as their sales are.
    """
    kept: dict[str, str] = {}

    def keeper(member_id: str, number: str) -> str:
        if member_id not in kept:
            member, seen = uow.members.get(member_id), {member_id}
            while member is not None and member.merged_into and member.merged_into not in seen:
                seen.add(member.merged_into)
                member = uow.members.get(member.merged_into) or member
            kept[member_id] = member.member_no if member is not None else number
        return kept[member_id]

    answers = tuple(
        replace(a, member_no=keeper(a.member_id, a.member_no))
        for a in uow.surveys.between(start, end)
        if store is None or a.store == store
    )
    return SurveyAnswers(settings_in(uow).scale, answers)


def answers_of(uow: UnitOfWork, member_ids: list[str], timezone: str) -> list[JsonValue]:
    """A member's answers as their data export carries them."""
    return [
        {
            "at": local_iso(a.at, timezone),
            "score": a.score,
            "scale": a.scale.value,
            "sale_id": a.sale_no,
            "tier": a.tier,
        }
        for a in uow.surveys.of_members(member_ids)
    ]
