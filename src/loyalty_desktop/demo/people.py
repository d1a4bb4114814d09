"""The demo shop's members: who they are, what they like to buy, and how loyal they turn out.

Every member gets a persona (what and when they shop) and a segment (how
often, and for how long): a loyal core buying every week, regulars, occasional
buyers, members who lapsed months ago, one-time buyers and a few who never
came back after signing up. Segments are handed out by quota, so even a small
demo has some of each.
"""

from __future__ import annotations

import math
import random
from collections.abc import Mapping
from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta
from enum import StrEnum
from itertools import accumulate

from loyalty_desktop.demo.catalogue import CATALOGUE, CATEGORIES, Product
from loyalty_desktop.demo.shop_calendar import Calendar, time_of_day

_SURNAMES = (
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁"
    "任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤"
)
_GIVEN: Mapping[str, str] = {
    "m": "伟强磊军洋勇杰涛明超刚平辉鹏华飞鑫波斌宇浩凯健俊帆帅旭宁龙林博文志国建海峰成晨阳亮东坤然轩睿泽",
    "f": "芳娜敏静丽艳娟霞燕玲桂英秀兰红梅琳雪婷慧颖倩欣佳悦怡萱晶璐蕾丹萍瑶琪雯洁蓉薇月彤诗涵琳璇",
    "x": "子梓一嘉思雨晓家若安心语天可书明佳欣宏永春晨",
}
# Mobile number blocks 13x, 15x (154 was never issued) and 18x.
_PHONE_PREFIXES = (
    tuple(f"13{d}" for d in range(10))
    + tuple(f"15{d}" for d in range(10) if d != 4)
    + tuple(f"18{d}" for d in range(10))
)
_MAIL_DOMAINS = ("163.com", "126.com", "sina.com", "foxmail.com", "outlook.com")
_HANDLES = ("sunny", "happy", "lucky", "xiaoyu", "tiger", "panda", "coco", "momo", "leo", "amy")


class Segment(StrEnum):
    """How a member's buying turns out over the demo's history."""

    LOYAL = "loyal"  # buys most weeks
    REGULAR = "regular"  # every few weeks
    OCCASIONAL = "occasional"  # every month or two
    LAPSED = "lapsed"  # bought for a while, then stopped months ago
    ONE_TIME = "one_time"  # bought once, when signing up
    DORMANT = "dormant"  # signed up and never bought


# Share of members, and visits per week while they shop (log-normal around it).
SEGMENTS: Mapping[Segment, tuple[float, float]] = {
    Segment.LOYAL: (0.03, 0.9),
    Segment.REGULAR: (0.12, 0.18),
    Segment.OCCASIONAL: (0.30, 0.035),
    Segment.LAPSED: (0.22, 0.12),
    Segment.ONE_TIME: (0.20, 0.0),
    Segment.DORMANT: (0.13, 0.0),
}


@dataclass(frozen=True)
class Persona:
    """A kind of shopper: what they buy, when, and how big their basket is."""

    name: str
    share: float
    categories: Mapping[str, float]
    hours: Mapping[int, float]  # shop-local hour of the visit -> weight
    lines: float  # mean basket lines
    ages: tuple[int, int]


PERSONAS: tuple[Persona, ...] = (
    Persona(
        "office_worker",
        0.28,
        {"drinks": 3, "bakery": 3, "fresh": 3, "dairy": 1.5, "snacks": 1.5, "instant": 1},
        {7: 2, 8: 4, 9: 2, 11: 1, 12: 4, 13: 2, 17: 1, 18: 3, 19: 2, 20: 1},
        2.0,
        (23, 45),
    ),
    Persona(
        "family",
        0.24,
        {
            "dairy": 3,
            "fresh": 3,
            "household": 2,
            "personal_care": 1.5,
            "bakery": 1.5,
            "frozen": 1,
            "snacks": 1.5,
            "drinks": 1,
        },
        {9: 2, 10: 3, 11: 2, 15: 1, 16: 2, 17: 3, 18: 3, 19: 2, 20: 1},
        4.0,
        (28, 55),
    ),
    Persona(
        "student",
        0.14,
        {"snacks": 3, "drinks": 3, "instant": 2, "frozen": 1.5, "bakery": 1},
        {7: 1, 12: 2, 16: 2, 17: 3, 18: 2, 19: 2, 20: 2, 21: 2, 22: 1},
        2.5,
        (15, 24),
    ),
    Persona(
        "night_owl",
        0.12,
        {"tobacco": 3, "drinks": 2, "alcohol": 2, "snacks": 1, "instant": 1.5},
        {18: 1, 19: 2, 20: 2, 21: 3, 22: 3, 23: 2, 0: 1},
        2.0,
        (22, 50),
    ),
    Persona(
        "health",
        0.10,
        {"dairy": 3, "fresh": 3, "drinks": 2, "bakery": 1, "personal_care": 0.5},
        {6: 2, 7: 3, 8: 2, 18: 2, 19: 2, 20: 1},
        2.5,
        (22, 45),
    ),
    Persona(
        "senior",
        0.12,
        {"fresh": 3, "dairy": 2, "bakery": 2, "household": 1.5, "instant": 0.5},
        {7: 3, 8: 3, 9: 2, 10: 1, 15: 1, 16: 2, 17: 1},
        3.0,
        (58, 78),
    ),
)


@dataclass(frozen=True)
class Person:
    """A demo member as planned: profile, habits and how their membership goes."""

    index: int
    name: str
    phone: str
    email: str | None
    birthday: date | None
    consent: bool
    persona: Persona
    segment: Segment
    enrolled_at: datetime
    visits_per_week: float
    stops_at: datetime | None  # lapsed members buy nothing after this
    category_weights: tuple[float, ...]  # aligned with CATEGORIES
    favourites: tuple[Product, ...]
    redeems: float  # chance of paying with points when they may
    app_user: bool  # checks in with the shop's app
    referred_by: int | None = None


def quotas(count: int, shares: list[float]) -> list[int]:
    """Split ``count`` by ``shares`` (largest remainder); every share gets one when there is room."""
    total = sum(shares)
    exact = [count * s / total for s in shares]
    result = [math.floor(x) for x in exact]
    order = sorted(range(len(shares)), key=lambda i: exact[i] - result[i], reverse=True)
    for i in order[: count - sum(result)]:
        result[i] += 1
    if count >= len(shares):
        for i, n in enumerate(result):
            if n == 0:
                result[i] = 1
                result[result.index(max(result))] -= 1
    return result


def chinese_name(rng: random.Random) -> str:
    """A common surname with a one- or two-character given name."""
    sex = rng.choice("mf")
    pool = _GIVEN[sex] + _GIVEN["x"]
    # Surnames at the front of the list are far more common (王, 李, 张 ...).
    surname = _SURNAMES[min(int(rng.expovariate(1 / 18)), len(_SURNAMES) - 1)]
    given = rng.choice(pool) if rng.random() < 0.3 else rng.choice(pool) + rng.choice(pool)
    return surname + given


def _email(rng: random.Random) -> str:
    if rng.random() < 0.6:
        return f"{rng.randint(10**5, 10**10 - 1)}@qq.com"
    return f"{rng.choice(_HANDLES)}{rng.randint(1, 9999)}@{rng.choice(_MAIL_DOMAINS)}"


def _enrolment(rng: random.Random, segment: Segment, persona: Persona, cal: Calendar) -> datetime:
    """When someone signs up: a third at the launch, then steadily fewer, a few just now.

    People join at the till, so busy days see more sign-ups.
    """
    days = cal.last_index
    # lapsed members need time to buy for a while and then stop
    latest = days if segment is not Segment.LAPSED else max(days - 150, days // 5)
    top = max(cal.footfall)
    while True:
        draw = rng.random()
        if draw < 0.3:  # the programme's launch month
            day = rng.uniform(0, min(30, latest))
        elif draw < 0.33 and segment is not Segment.LAPSED:  # the last fortnight
            day = rng.uniform(max(days - 14, 0), days + 1)
        else:  # fewer and fewer as the neighbourhood has joined
            day = min(30, latest) + max(latest - 30, 0) * rng.random() ** 1.4
        index = min(int(day), days)
        if rng.random() * top >= cal.footfall[index]:
            continue
        at = cal.moment(index, time_of_day(rng, persona.hours))
        if at <= cal.end:
            return at


def _staples() -> Mapping[str, tuple[list[Product], list[float]]]:
    """Products on the shelf all year, by category, with cumulative popularity for quick drawing."""
    shelves: dict[str, tuple[list[Product], list[float]]] = {}
    for category in CATEGORIES:
        products = [
            p
            for p in CATALOGUE
            if p.category == category
            and p.category != "gift_card"
            and p.season in (None, "summer", "winter")  # on the shelf all year
        ]
        shelves[category] = (products, list(accumulate(p.popularity for p in products)))
    return shelves


_STAPLES = _staples()


def _favourites(rng: random.Random, weights: tuple[float, ...]) -> tuple[Product, ...]:
    """The few products a member buys again and again, mostly from the categories they like."""
    cumulative = list(
        accumulate(w if _STAPLES[c][0] else 0 for c, w in zip(CATEGORIES, weights, strict=True))
    )
    chosen: dict[str, Product] = {}
    for _ in range(rng.randint(3, 7)):
        category = rng.choices(CATEGORIES, cum_weights=cumulative)[0]
        products, popularity = _STAPLES[category]
        pick = rng.choices(products, cum_weights=popularity)[0]
        chosen[pick.sku] = pick
    return tuple(chosen.values())


def make_people(rng: random.Random, count: int, cal: Calendar) -> list[Person]:
    """``count`` members who joined during the calendar, numbered in order of enrolment."""
    segments = [
        s
        for s, n in zip(SEGMENTS, quotas(count, [v[0] for v in SEGMENTS.values()]), strict=True)
        for _ in range(n)
    ]
    rng.shuffle(segments)
    phones: set[str] = set()
    drafts = []
    for segment in segments:
        persona = rng.choices(PERSONAS, weights=[p.share for p in PERSONAS])[0]
        phone = ""
        while not phone or phone in phones:
            phone = rng.choice(_PHONE_PREFIXES) + f"{rng.randrange(10**8):08d}"
        phones.add(phone)
        enrolled = _enrolment(rng, segment, persona, cal)
        stops = None
        if segment is Segment.LAPSED:
            earliest = enrolled + timedelta(days=21)
            stops = earliest + (cal.end - timedelta(days=90) - earliest) * rng.random()
            stops = max(stops, earliest)
        age = rng.randint(*persona.ages)
        born = date(cal.end.year - age, 1, 1) + timedelta(days=rng.randrange(365))
        weights = tuple(
            persona.categories.get(c, 0.15) * rng.lognormvariate(0, 0.5) for c in CATEGORIES
        )
        consent = rng.random() < 0.7
        drafts.append(
            Person(
                index=0,
                name=chinese_name(rng),
                phone=phone,
                email=_email(rng) if rng.random() < 0.3 else None,
                birthday=born if rng.random() < 0.85 else None,
                consent=consent,
                persona=persona,
                segment=segment,
                enrolled_at=enrolled,
                visits_per_week=SEGMENTS[segment][1] * rng.lognormvariate(0, 0.35),
                stops_at=stops,
                category_weights=weights,
                favourites=_favourites(rng, weights),
                redeems=0.0 if rng.random() < 0.25 else rng.uniform(0.15, 0.7),
                app_user=consent
                and segment in (Segment.LOYAL, Segment.REGULAR)
                and rng.random() < 0.06,
            )
        )
    drafts.sort(key=lambda p: p.enrolled_at)
    people: list[Person] = []
    for index, draft in enumerate(drafts):
        referrer = _referrer(rng, people, draft, cal.start)
        people.append(replace(draft, index=index, referred_by=referrer))
    return people


def _referrer(
    rng: random.Random, earlier: list[Person], person: Person, start: datetime
) -> int | None:
    """Now and then a member was brought in by a loyal member (who gets referral points)."""
    if person.enrolled_at < start + timedelta(days=14) or rng.random() >= 0.015:
        return None
    fans = [
        p.index
        for p in earlier[-400:]
        if p.consent and p.segment in (Segment.LOYAL, Segment.REGULAR)
    ]
    return rng.choice(fans) if fans else None
