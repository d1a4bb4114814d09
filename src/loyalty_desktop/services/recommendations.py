"""What a member will likely buy next: the recommender, cached per shop, rebuilt in the background.

The model reads every member sale line, so it is built once and kept
(``_Cache``); a request never waits for a build. When the model is older
than ``MAX_AGE``, was built on an earlier shop day (the nightly rebuild), or
was marked stale (``invalidate``: after an import or a merge, by the daily
expiry job) a thread builds a new one and the old one answers meanwhile. The
first request of a shop starts a build and answers from a quick model of the
last ``QUICK_DAYS`` days' lines (popular items, and what those members bought
lately) until the full one is ready; only ``wait=True`` (the command line,
one request per process) waits for it. A moment in the past (``at``) builds
its own model from the lines up to it, and waits.
"""

from __future__ import annotations

import logging
import threading
import weakref
from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import numpy as np

from loyalty_desktop.analytics.recommend import Reason, Recommender, Settings, build
from loyalty_desktop.services.auth import Actor, Permission, require
from loyalty_desktop.services.campaign_lists import consenting_members
from loyalty_desktop.services.context import Shop
from loyalty_desktop.services.lookup import find_member
from loyalty_desktop.services.moments import request_moment
from loyalty_desktop.services.programs import program_in_force
from loyalty_desktop.services.recommend_options import (
    RecommendOptions,
    check_skip_days,
    options_in_force,
)

MAX_AGE = timedelta(hours=6)
_log = logging.getLogger(__name__)
QUICK_DAYS = 90
MAX_K = 50


@dataclass(frozen=True)
class RecommendedItem:
    """One suggestion: the product, a score to order by, and why in a few words."""

    sku: str
    name: str
    score: float
    reason: str
    kind: str  # "again", "with", "category" or "popular"
    related: str | None = None  # the name of the item it goes with (with), or the category


@dataclass(frozen=True)
class Recommendations:
    """A member's suggestions, best first; ``provisional``: from the quick model, a build under way."""

    member_no: str | None
    items: tuple[RecommendedItem, ...]
    provisional: bool


@dataclass(frozen=True)
class _Built:
    """A model with the product facts read when it was built."""

    model: Recommender
    names: dict[str, str]
    inactive: np.ndarray  # mask over the model's items
    built_at: datetime
    provisional: bool
    zone: ZoneInfo  # the shop's: the model counts days from its day there

    def out_of_date(self, now: datetime) -> bool:
        """Older than ``MAX_AGE``, or built on an earlier shop day (the nightly rebuild)."""
        day = self.model.matrices.day.date()
        return now - self.built_at > MAX_AGE or now.astimezone(self.zone).date() != day


class _Cache:
    """One shop's model, and the thread building the next one."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.built: _Built | None = None
        self.stale = False
        self.thread: threading.Thread | None = None
        self.started = 0  # builds started, ever: how a caller tells that a request began one

    def wait_idle(self) -> None:
        """Wait for the build under way, if any (tests, and a shop closing down)."""
        with self.lock:
            thread = self.thread
        if thread is not None:
            thread.join()

    def current(self, shop: Shop, *, wait: bool) -> _Built | None:
        now = shop.clock.now()
        with self.lock:
            built = self.built
            due = built is None or built.provisional or self.stale or built.out_of_date(now)
            if due and self.thread is None:
                self.stale = False
                self.started += 1
                self.thread = threading.Thread(
                    target=self._rebuild, args=(shop, built is None), daemon=True
                )
                self.thread.start()
            thread = self.thread
        if wait and thread is not None and (built is None or built.provisional):
            thread.join()
            with self.lock:
                built = self.built
        return built

    def _rebuild(self, shop: Shop, quick_first: bool) -> None:
        # A failed build (the database closed under it, a disk error) keeps the model there
        # was: suggestions are a nicety, and the next request after MAX_AGE tries again.
        try:
            if quick_first:
                quick = _build(shop, shop.clock.now(), quick_days=QUICK_DAYS)
                with self.lock:
                    if self.built is None:
                        self.built = quick
            full = _build(shop, shop.clock.now())
            with self.lock:
                self.built = full
        except Exception:
            _log.exception("building the recommendations model failed")
        finally:
            with self.lock:
                self.thread = None


_CACHES: dict[int, _Cache] = {}
_CACHES_LOCK = threading.Lock()


def _cache(shop: Shop) -> _Cache:
    with _CACHES_LOCK:
        found = _CACHES.get(id(shop))
        if found is None:
            found = _CACHES[id(shop)] = _Cache()
            weakref.finalize(shop, _CACHES.pop, id(shop), None)
        return found


def invalidate(shop: Shop) -> None:
    """Mark the shop's model stale: the next request starts a rebuild (after an import, nightly)."""
    _cache(shop).stale = True


def products_changed(shop: Shop) -> None:
    """Take the catalogue's names and switched-off products into the model there is, at once.

    A product switched off (out of stock) must leave the till's suggestions now, not at
    the next rebuild; this reads the products only, never the sales.
    """
    cache = _cache(shop)
    with cache.lock:
        built = cache.built
        if cache.thread is not None:
            cache.stale = True  # a build under way may have read the products before the change
    if built is None:
        return
    with shop.uow(write=False) as uow:
        found = uow.products.all()
    names = {p.sku: p.name for p in found}
    inactive = built.model.item_mask([p.sku for p in found if not p.active])
    with cache.lock:
        if cache.built is built:
            cache.built = replace(built, names=names, inactive=inactive)


def _build(shop: Shop, at: datetime, quick_days: int | None = None) -> _Built:
    with shop.uow(write=False) as uow:
        _, program = program_in_force(uow)
        products = uow.products.all()
    since = None if quick_days is None else at - timedelta(days=quick_days)
    lines = shop.reports.purchase_lines(at, since)  # a quick model reads only its window
    zone = ZoneInfo(program.timezone)
    model = build(lines, at.astimezone(zone).date(), Settings())
    switched_off = [p.sku for p in products if not p.active]
    return _Built(
        model=model,
        names={p.sku: p.name for p in products},
        inactive=model.item_mask(switched_off),
        built_at=shop.clock.now(),
        provisional=quick_days is not None,
        zone=zone,
    )


def _reason(kind: Reason, related: str | None, names: dict[str, str]) -> str:
    if kind is Reason.AGAIN:
        return "you often buy"
    if kind is Reason.WITH and related is not None:
        return f"often bought with {names.get(related, related)}"
    if kind is Reason.CATEGORY and related is not None:
        return f"popular in {related}"
    return "popular"


def _category_mask(model: Recommender, categories: frozenset[str]) -> np.ndarray:
    names = np.asarray(model.matrices.categories)[model.matrices.item_category]
    return np.isin(names, list(categories))


def _items(
    built: _Built, member_no: str | None, k: int, options: RecommendOptions
) -> tuple[RecommendedItem, ...]:
    model = built.model
    exclude = built.inactive.copy() if options.active_only else np.zeros(len(model.items), bool)
    if options.excluded_categories:
        exclude |= _category_mask(model, options.excluded_categories)
    consumable = (
        _category_mask(model, options.consumable_categories)
        if options.consumable_categories
        else None
    )
    found = model.recommend(
        member_no,
        k,
        exclude=exclude,
        skip_bought_within_days=options.skip_bought_within_days,
        consumable=consumable,
    )
    return tuple(
        RecommendedItem(
            s.sku,
            built.names.get(s.sku, s.sku),
            s.score,
            _reason(s.reason, s.related, built.names),
            s.reason.value,
            None if s.related is None else built.names.get(s.related, s.related),
        )
        for s in found
    )


def recommend(
    shop: Shop,
    actor: Actor,
    ref: str,
    k: int = 5,
    at: datetime | None = None,
    options: RecommendOptions | None = None,
    *,
    wait: bool = False,
) -> Recommendations:
    """The ``k`` items the member named by ``ref`` will most likely buy next, with reasons.

    Never waits for a model build unless ``wait`` (or ``at`` names a past moment);
    with no model yet it answers with nothing, marked provisional. ``options``: the
    manager's stored ones (``recommend_options``) unless given.
    """
    require(actor, Permission.FIND_MEMBER)
    k = max(1, min(int(k), MAX_K))
    if options is not None:
        check_skip_days(options.skip_bought_within_days)
    with shop.uow(write=False) as uow:
        member_no = find_member(uow, ref, shop.card_keys).member_no
        options = options or options_in_force(uow)
    if at is not None:
        moment = request_moment(shop, actor, at)
        built: _Built | None = _build(shop, moment)
    else:
        built = _cache(shop).current(shop, wait=wait)
    if built is None:
        return Recommendations(member_no, (), provisional=True)
    return Recommendations(member_no, _items(built, member_no, k, options), built.provisional)


@dataclass(frozen=True)
class ManyRecommendations:
    """Several members' suggestions (by member number, in the order asked) from one model."""

    members: dict[str, tuple[RecommendedItem, ...]]
    provisional: bool


def recommend_many(
    shop: Shop,
    actor: Actor,
    member_nos: Iterable[str] | None,
    k: int = 5,
    at: datetime | None = None,
    options: RecommendOptions | None = None,
    *,
    wait: bool = True,
) -> ManyRecommendations:
    """Each member's ``k`` suggestions (``member_nos`` None: every active member who has bought).

    For reports and campaigns (the reports right): numbers the model does not know
    get the popular items, as a new member would. Waits for the shop's first model
    unless ``wait`` is False (then nothing, provisional, while it is built).
    """
    require(actor, Permission.REPORTS)
    k = max(1, min(int(k), MAX_K))
    if options is not None:
        check_skip_days(options.skip_bought_within_days)
    if options is None:
        with shop.uow(write=False) as uow:
            options = options_in_force(uow)
    if at is not None:
        built: _Built | None = _build(shop, request_moment(shop, actor, at))
    else:
        built = _cache(shop).current(shop, wait=wait)
    if built is None:
        return ManyRecommendations({}, provisional=True)
    if member_nos is None:  # those the model knows who are members still (not erased, merged)
        with shop.uow(write=False) as uow:
            current = {m.member_no for m in uow.members.active()}
        wanted = [no for no in built.model.member_row if no in current]
    else:
        wanted = list(member_nos)
    return ManyRecommendations(
        {no: _items(built, no, k, options) for no in dict.fromkeys(wanted)}, built.provisional
    )


def campaign_recommendations(
    shop: Shop,
    actor: Actor,
    member_nos: Iterable[str],
    k: int = 5,
    options: RecommendOptions | None = None,
) -> dict[str, tuple[RecommendedItem, ...]]:
    """Suggestions for a campaign list: only members who agreed to marketing (an export right)."""
    contacts = consenting_members(shop, actor, member_nos)
    return recommend_many(shop, actor, [c.member_no for c in contacts], k, None, options).members
