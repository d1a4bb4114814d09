"""What the services need from the outside world, as Protocols: storage, clock, card keys.

The database adapter (``loyalty_desktop.db``) and the in-memory fakes of the
unit tests both implement these.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import AbstractContextManager
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING, Protocol, TypedDict

from loyalty_desktop.domain.coupons import IssuedCoupon
from loyalty_desktop.domain.errors import BadDatabase
from loyalty_desktop.domain.json_data import JsonValue
from loyalty_desktop.domain.ledger import Lot, Movement
from loyalty_desktop.domain.member_events import MemberEvent, Signup
from loyalty_desktop.domain.members import Member
from loyalty_desktop.domain.offers import Offer, OfferTarget
from loyalty_desktop.domain.products import Product
from loyalty_desktop.domain.sales import Refund, Sale
from loyalty_desktop.domain.surveys import SurveyAnswer
from loyalty_desktop.domain.tier_changes import TierChange

if TYPE_CHECKING:
    from loyalty_desktop.services.context import Shop


class KeyFingerprints(TypedDict):
    """One-way names of the installation's keys: card keys by id, and the audit key."""

    card: dict[str, str]
    audit: str


class Conflict(Exception):
    """A unique key was taken by a concurrent writer; the transaction was rolled back."""


class Clock(Protocol):
    """Tells the time; tests pass a fixed one."""

    def now(self) -> datetime:
        """The current moment, timezone-aware, in UTC."""
        ...


@dataclass(frozen=True)
class StaffRecord:
    """A staff account as stored."""

    id: str
    name: str
    role: str
    pin_hash: str
    active: bool = True
    failed_attempts: int = 0
    locked_until: datetime | None = None
    last_sign_in: datetime | None = None


@dataclass(frozen=True)
class OutboxEvent:
    """An immutable fact for the central server, with a key that makes any replay harmless.

    ``services/events.py`` builds every kind, with its schema ``version``.
    """

    id: str
    kind: str
    key: str
    at: datetime
    payload: Mapping[str, JsonValue]
    version: int = 1


@dataclass(frozen=True)
class AuditEntry:
    """One line of the hash-chained audit log."""

    seq: int
    at: datetime
    actor: str
    action: str
    subject: str
    reason: str | None
    details: Mapping[str, JsonValue]
    prev_hash: str
    hash: str


@dataclass(frozen=True)
class SpendWindow:
    """A member's purchases in a window: net money paid after refunds, and the number of visits."""

    spend: int
    visits: int


@dataclass(frozen=True)
class SpendEntry:
    """Money a member paid (a sale) or got back (a refund, ``paid`` negative), for spend windows.

    A window ``(start, end]`` counts an entry whose sale is inside it and that
    happened by ``end``; a sale worth more than nothing is a visit.
    """

    member_id: str
    sale_at: datetime
    at: datetime
    paid: int
    visit: bool


class MemberRepository(Protocol):
    """Members by any of the ways a till finds them."""

    def get(self, member_id: str, *, for_update: bool = False) -> Member | None:
        """The member with this id; ``for_update`` locks the row until commit."""
        ...

    def by_number(self, member_no: str, *, for_update: bool = False) -> Member | None:
        """The member with this member number (``for_update`` locks the row)."""
        ...

    def by_card(self, card_no: int, *, for_update: bool = False) -> Member | None:
        """The member holding this card number (``for_update`` locks the row)."""
        ...

    def by_numbers(self, member_nos: Sequence[str]) -> list[Member]:
        """The members holding any of these member numbers (one query per few hundred)."""
        ...

    def by_phone(self, phone: str, limit: int = 10) -> list[Member]:
        """Active members with this (normalized) phone number."""
        ...

    def by_phone_tail(self, tail: str, limit: int = 5) -> list[Member]:
        """Active members whose phone ends in these four digits."""
        ...

    def add(self, member: Member) -> None:
        """Store a new member."""
        ...

    def save(self, member: Member) -> None:
        """Store a member's changed profile and cached totals."""
        ...

    def save_totals(self, member: Member) -> None:
        """Store only a member's cached ledger totals and tier (what a sale or refund changes)."""
        ...

    def get_many(self, member_ids: Sequence[str], *, for_update: bool = False) -> list[Member]:
        """The members with these ids that exist (``for_update`` locks their rows)."""
        ...

    def add_many(self, members: Sequence[Member]) -> None:
        """Store new members, in one batch."""
        ...

    def save_totals_many(self, members: Sequence[Member]) -> None:
        """``save_totals`` for each of these members, in one batch."""
        ...

    def next_card_no(self, within: tuple[int, int] | None = None) -> int:
        """A card number no member holds yet: one more than the highest held.

        ``within``: only card numbers from its first to its last count (a store's block);
        its first when none is held there. The answer may be past its last (the caller
        says the block is used up).
        """
        ...

    def merged_into(self, member_id: str) -> list[str]:
        """Ids of every member merged (directly or not) into this one."""
        ...

    def active(self) -> Iterator[Member]:
        """Every active member, in batches."""
        ...

    def add_tier_change(self, change: TierChange) -> None:
        """Record that a member moved to another tier."""
        ...

    def add_tier_changes(self, changes: Sequence[TierChange]) -> None:
        """Record tier changes in order, in one go (an import's chunk)."""
        ...

    def tier_changes(self, member_id: str) -> list[TierChange]:
        """The member's tier changes, oldest first."""
        ...


class LedgerRepository(Protocol):
    """Append-only movements, the lots they open and what they take from lots.

    ``add`` stores each new lot with ``remaining = points`` and then applies every
    allocation of the movement, so a lot's remaining is always its points minus
    its allocations.
    """

    def add(self, movement: Movement) -> None:
        """Append a movement with its new lots and allocations."""
        ...

    def add_many(self, movements: Sequence[Movement]) -> None:
        """Append movements in this order, as ``add`` one after the other would, in one batch."""
        ...

    def lots(self, member_id: str) -> list[Lot]:
        """The member's lots that still hold points (expired or not)."""
        ...

    def lots_of(self, member_ids: Sequence[str]) -> dict[str, list[Lot]]:
        """``lots`` of each of these members (a member without open lots is left out)."""
        ...

    def lots_by_ids(self, lot_ids: Sequence[str]) -> list[Lot]:
        """Lots by id, whatever they hold."""
        ...

    def known(self, movement_ids: Sequence[str]) -> set[str]:
        """Which of these movement ids are already in the ledger."""
        ...

    def opened_by(self, lot_ids: Sequence[str], actor: str) -> set[str]:
        """Which of these lots were opened by a movement of ``actor`` (pulled lots: services/pull.py)."""
        ...

    def history(self, member_ids: Sequence[str]) -> list[Movement]:
        """Every movement of these members, oldest first, with lots and allocations."""
        ...

    def by_request(self, request_id: str) -> Movement | None:
        """The adjustment posted with this request id."""
        ...

    def for_sale(self, sale_ref: str) -> list[Movement]:
        """The movements a sale and its refunds caused."""
        ...

    def descendants(self, lot_ids: Sequence[str]) -> list[Lot]:
        """Lots whose points came (directly or not) from these lots: merge copies, restores."""
        ...

    def expired_from(self, lot_ids: Sequence[str]) -> int:
        """Points the expiry took from these lots."""
        ...

    def lapsed_members(self, at: datetime) -> list[str]:
        """Members holding points in lots expired by ``at``."""
        ...

    def count_kind(
        self,
        member_ids: Sequence[str],
        kind: str,
        start: datetime,
        end: datetime,
        activity: str | None = None,
    ) -> int:
        """How many movements of a kind these members have in (start, end]."""
        ...

    def points_earned(self, member_ids: Sequence[str], until: datetime) -> int:
        """Points earned (purchases and activities, less refund reversals) up to ``until``."""
        ...


class SaleRepository(Protocol):
    """Sales, their lines and refunds."""

    def get(self, sale_no: str) -> Sale | None:
        """The sale with this sale number, with its lines."""
        ...

    def any(self) -> bool:
        """Whether any sale was ever recorded."""
        ...

    def existing(self, sale_nos: Sequence[str]) -> set[str]:
        """Which of these sale numbers are already recorded."""
        ...

    def add(self, sale: Sale) -> None:
        """Store a new sale and its lines."""
        ...

    def add_many(self, sales: Sequence[Sale]) -> None:
        """Store new sales and their lines, in one batch."""
        ...

    def spend_since(self, member_ids: Sequence[str], since: datetime) -> list[SpendEntry]:
        """The sales after ``since`` of these members and every refund of them (for spend windows)."""
        ...

    def save_refund_state(self, sale: Sale) -> None:
        """Store what refunds have taken back from a sale and its lines."""
        ...

    def refund(self, refund_no: str) -> Refund | None:
        """The refund with this refund number."""
        ...

    def add_refund(self, refund: Refund) -> None:
        """Store a new refund."""
        ...

    def refunds_of(self, sale_ref: str) -> list[Refund]:
        """Every refund of a sale, oldest first."""
        ...

    def window(self, member_id: str, start: datetime, end: datetime) -> SpendWindow:
        """A member's net paid spend and visits in (start, end]."""
        ...

    def spend_until(self, member_id: str, until: datetime) -> int:
        """A member's net paid spend up to ``until``."""
        ...

    def of_member(self, member_id: str) -> list[Sale]:
        """Every sale of a member, oldest first."""
        ...

    def reassign(self, from_member: str, to_member: str) -> int:
        """Move every sale of one member to another; returns how many."""
        ...

    def reward_taken(self, name: str) -> int:
        """How many sales took the reward ``name`` and are not refunded in full."""
        ...


class ProgramRepository(Protocol):
    """Programme versions; the newest is in force."""

    def current(self) -> tuple[int, str] | None:
        """The newest programme version and its text, if any was loaded."""
        ...

    def text(self, program_id: int) -> str | None:
        """The text of a programme version."""
        ...

    def versions(self) -> list[tuple[int, str]]:
        """Every programme version and its text, oldest first."""
        ...

    def add(self, text: str, at: datetime) -> int:
        """Store a new programme version; returns its id."""
        ...


class StaffRepository(Protocol):
    """Staff accounts."""

    def by_name(self, name: str) -> StaffRecord | None:
        """The staff account with this name."""
        ...

    def add(self, staff: StaffRecord) -> None:
        """Store a new staff account."""
        ...

    def save(self, staff: StaffRecord) -> None:
        """Store a changed staff account."""
        ...

    def all(self) -> list[StaffRecord]:
        """Every staff account, by name."""
        ...


class ProductRepository(Protocol):
    """The product catalogue, by SKU."""

    def get(self, sku: str) -> Product | None:
        """The product with exactly this SKU."""
        ...

    def by_barcode(self, barcode: str) -> Product | None:
        """The product with exactly this barcode."""
        ...

    def by_code_any_case(self, code: str, limit: int) -> list[Product]:
        """Products whose SKU or barcode is ``code`` in any letter case (at most ``limit``)."""
        ...

    def search(self, text: str, limit: int) -> list[Product]:
        """Active products whose SKU starts with or whose name holds ``text`` (any case).

        Prefix matches first, then by name; an empty text gives the first by name.
        """
        ...

    def all(self) -> list[Product]:
        """Every product, active or not, by SKU."""
        ...

    def add(self, product: Product) -> None:
        """Store a new product."""
        ...

    def save(self, product: Product) -> None:
        """Store a changed product (same SKU)."""
        ...

    def listing(
        self, text: str, sort: str, descending: bool, offset: int, limit: int
    ) -> list[Product]:
        """Products, active or not, whose SKU, name, category or barcode holds ``text`` (any case).

        Sorted by the column ``sort`` names (then SKU); ``limit`` from ``offset``.
        """
        ...

    def count(self, text: str) -> int:
        """How many products ``listing`` finds for ``text``."""
        ...


class OutboxRepository(Protocol):
    """Events waiting for the central server, numbered per device."""

    def add(self, event: OutboxEvent, device_id: str) -> int:
        """Queue an event under the device's next sequence number; returns it."""
        ...

    def add_many(self, events: Sequence[OutboxEvent], device_id: str) -> list[int]:
        """Queue events in this order under the device's next sequence numbers; returns them."""
        ...

    def last_seq(self, device_id: str) -> int:
        """The sequence number of the device's newest event (0 before the first)."""
        ...

    def queued(self, key: str) -> OutboxEvent | None:
        """The event queued under this key, sent or not; None if there is none."""
        ...

    def count(self) -> int:
        """How many events are queued."""
        ...


class AuditRepository(Protocol):
    """The append-only, hash-chained audit log."""

    def last(self) -> AuditEntry | None:
        """The newest audit entry."""
        ...

    def append(self, entry: AuditEntry) -> None:
        """Append a sealed audit entry."""
        ...

    def all(self) -> Iterator[AuditEntry]:
        """Every audit entry, oldest first."""
        ...

    def reseal(self, entry: AuditEntry) -> None:
        """Store new seals for an existing entry (once, when the audit key is first adopted)."""
        ...


class SettingsRepository(Protocol):
    """Small installation facts: device id, shop name."""

    def get(self, key: str) -> str | None:
        """A setting's value."""
        ...

    def set(self, key: str, value: str) -> None:
        """Store a setting."""
        ...


class MemberEventRepository(Protocol):
    """Member events and their sign-ups."""

    def add(self, event: MemberEvent) -> None:
        """Store a new event."""
        ...

    def get(self, event_id: str) -> MemberEvent | None:
        """An event by id."""
        ...

    def listing(self, ending_after: datetime | None, limit: int) -> list[MemberEvent]:
        """Events by start (only those ending after ``ending_after`` when given)."""
        ...

    def counts(self, event_ids: Sequence[str]) -> dict[str, tuple[int, int]]:
        """Signed-up and checked-in members of each event that has any."""
        ...

    def places_of(self, member_ids: Sequence[str]) -> list[tuple[MemberEvent, Signup]]:
        """Every event these members signed up for, with their place (oldest event first)."""
        ...

    def hold_places(self, event_id: str) -> None:
        """Keep other transactions from giving this event's places until this one ends.

        Counting the places taken and then adding one is a race on a database that lets
        two writers in at once (PostgreSQL): both count the last place as free.
        """
        ...

    def add_signup(self, signup: Signup) -> None:
        """Give a member a place (a second place for the same member is a ``Conflict``)."""
        ...

    def signup(self, event_id: str, member_id: str) -> Signup | None:
        """A member's place at an event."""
        ...

    def signups(self, event_id: str) -> list[Signup]:
        """Everyone signed up for an event, in the order they signed up."""
        ...

    def erase_places(self, member_ids: Sequence[str]) -> int:
        """Delete these members' places at every event (erasure); how many went."""
        ...

    def check_in(self, event_id: str, member_id: str, at: datetime) -> bool:
        """Mark a signed-up member in at ``at``; False when they already were."""
        ...


class SurveyRepository(Protocol):
    """Satisfaction survey answers."""

    def add_many(self, answers: Sequence[SurveyAnswer]) -> None:
        """Store answers (a second answer for a sale is a ``Conflict``)."""
        ...

    def for_sales(self, sale_nos: Sequence[str]) -> dict[str, SurveyAnswer]:
        """The answer about each of these sales that has one."""
        ...

    def of_members(self, member_ids: Sequence[str]) -> list[SurveyAnswer]:
        """Every answer of these members, oldest first (an export)."""
        ...

    def between(self, start: datetime, end: datetime) -> list[SurveyAnswer]:
        """Answers given in (start, end], oldest first."""
        ...

    def erase(self, member_ids: Sequence[str]) -> int:
        """Delete every answer of these members (an erasure); how many went."""
        ...


class OfferRepository(Protocol):
    """Targeted offers, the members each chose, their coupons, and opt-outs of personalised offers."""

    def add(self, offer: Offer) -> None:
        """Store a new offer."""
        ...

    def get(self, offer_id: str) -> Offer | None:
        """An offer by id."""
        ...

    def listing(self, limit: int) -> list[Offer]:
        """Offers, newest first."""
        ...

    def targets(self, offer_id: str) -> dict[str, OfferTarget]:
        """The members the offer chose so far, by member id."""
        ...

    def add_targets(self, targets: Sequence[OfferTarget]) -> None:
        """Record members an issue chose (a member chosen twice is a ``Conflict``)."""
        ...

    def add_coupons(self, issued: Sequence[IssuedCoupon]) -> None:
        """Store new coupons."""
        ...

    def last_coupon_number(self, within: tuple[int, int] | None = None) -> int:
        """The highest coupon number held here, within the range if given (0: none)."""
        ...

    def coupons_named(self, numbers: Sequence[int], ids: Sequence[str]) -> list[tuple[int, str]]:
        """The (number, id) of coupons here holding one of these numbers or ids."""
        ...

    def coupon(self, number: int) -> IssuedCoupon | None:
        """A coupon by number."""
        ...

    def coupon_of_sale(self, sale_no: str) -> IssuedCoupon | None:
        """The coupon a sale used, if any."""
        ...

    def coupons(self, offer_id: str, member_id: str | None = None) -> list[IssuedCoupon]:
        """An offer's coupons (one member's only, if given), by number."""
        ...

    def open_coupons_of(self, member_id: str, limit: int) -> list[IssuedCoupon]:
        """A member's unused coupons, oldest first."""
        ...

    def redeem(self, number: int, at: datetime, sale_no: str, money_off: int, points: int) -> bool:
        """Mark an unused coupon used by a sale; False when it was already used."""
        ...

    def used_elsewhere(self, coupon_id: str, at: datetime, sale_no: str) -> bool:
        """Mark the coupon with this id used by another store's sale; False if unknown or used."""
        ...

    def unprinted_coupons_of(self, member_id: str, at: datetime, limit: int) -> list[IssuedCoupon]:
        """A member's unused coupons whose offer has not ended at ``at``, on no receipt yet, oldest first.

        None when the member opted out of personalised offers.
        """
        ...

    def put_on_receipt(self, numbers: Sequence[int], sale_no: str) -> int:
        """Mark coupons printed on the sale's receipt, unless another receipt has them; how many."""
        ...

    def on_receipt(self, sale_no: str) -> list[IssuedCoupon]:
        """The coupons the sale's receipt prints, by number."""
        ...

    def lock(self, offer_id: str) -> None:
        """Hold the offer until the transaction ends, so two tills never spend its budget at once."""
        ...

    def spent(self, offer_id: str) -> tuple[int, int]:
        """Money off and points the offer's coupons gave so far."""
        ...

    def counts(self, offer_ids: Sequence[str]) -> dict[str, tuple[int, int, int]]:
        """Members given the offer, in its control group, and coupons redeemed, per offer."""
        ...

    def of_member(self, member_id: str) -> list[tuple[Offer, OfferTarget]]:
        """Every offer whose audience chose the member, newest first."""
        ...

    def member_numbers(self, member_ids: Sequence[str]) -> dict[str, str]:
        """Member numbers by member id."""
        ...

    def forget_rules(self, member_ids: Sequence[str], said: str) -> int:
        """Replace the rule that chose these members by ``said`` (an erasure); how many rows."""
        ...

    def set_opt_out(self, member_id: str, at: datetime | None) -> None:
        """Opt a member out of personalised offers (``at``), or back in (None)."""
        ...

    def opted_out(self) -> dict[str, datetime]:
        """Members opted out of personalised offers, and since when."""
        ...

    def opt_out_of(self, member_id: str) -> datetime | None:
        """When the member opted out of personalised offers (None: they did not)."""
        ...


class UnitOfWork(Protocol):
    """One transaction over every repository: all of it commits, or none of it."""

    @property
    def members(self) -> MemberRepository:
        """Members."""
        ...

    @property
    def ledger(self) -> LedgerRepository:
        """The points ledger."""
        ...

    @property
    def sales(self) -> SaleRepository:
        """Sales and refunds."""
        ...

    @property
    def programs(self) -> ProgramRepository:
        """Programme versions."""
        ...

    @property
    def staff(self) -> StaffRepository:
        """Staff accounts."""
        ...

    @property
    def products(self) -> ProductRepository:
        """The product catalogue."""
        ...

    @property
    def outbox(self) -> OutboxRepository:
        """Events for the central server."""
        ...

    @property
    def audit(self) -> AuditRepository:
        """The audit log."""
        ...

    @property
    def settings(self) -> SettingsRepository:
        """Installation settings."""
        ...

    @property
    def member_events(self) -> MemberEventRepository:
        """Member events and sign-ups."""
        ...

    @property
    def surveys(self) -> SurveyRepository:
        """Satisfaction survey answers."""
        ...

    @property
    def offers(self) -> OfferRepository:
        """Targeted offers and coupons."""
        ...

    def __enter__(self) -> UnitOfWork:
        """Begin the transaction."""
        ...

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        """Roll back whatever was not committed."""
        ...

    def commit(self) -> None:
        """Make every change permanent at once, then run what waited for the commit."""
        ...

    def rollback(self) -> None:
        """Throw every change away."""
        ...

    def after_commit(self, action: Callable[[], None]) -> None:
        """Run ``action`` once this unit of work has committed (never if it rolls back)."""
        ...

    def savepoint(self) -> AbstractContextManager[None]:
        """A part of the transaction undone alone if it raises (the transaction goes on).

        A taken unique key inside it comes out as ``Conflict``, a row the database
        refuses as a ``LoyaltyError`` (storage refusal), like a commit's.
        """
        ...


class UnitOfWorkFactory(Protocol):
    """Opens a unit of work; ``write=True`` takes the write lock at once."""

    def __call__(self, *, write: bool = True, durable: bool = True) -> UnitOfWork:
        """A new unit of work.

        ``durable=False`` lets the commit skip waiting for the disk: a power cut
        may lose it (never half of it). Only for work that is run again safely,
        such as a resumable import's chunks.
        """
        ...


class CardKeys(Protocol):
    """The installation's card-signing keys (kept outside the database)."""

    @property
    def active_id(self) -> int:
        """The key id new cards are signed with."""
        ...

    def keys(self) -> Mapping[int, bytes]:
        """Every accepted key by id."""
        ...


class AuditSeal(Protocol):
    """Seals audit entries with a key outside the database, and remembers the newest one elsewhere."""

    def seal(self, previous: str, body: Mapping[str, JsonValue]) -> str:
        """The entry's seal over the previous entry's seal."""
        ...

    def head(self) -> tuple[int, str] | None:
        """The newest entry (sequence number and seal) recorded outside the database."""
        ...

    def record_head(self, seq: int, seal: str) -> None:
        """Remember a committed entry as the newest, if the log's head is known here.

        A log whose head was never recorded (its device id changed, the head
        file was lost or damaged) is not adopted by writing to it: the check
        keeps saying so until the log is sealed again on purpose.
        """
        ...

    def restart_head(self, seq: int, seal: str) -> None:
        """Record the newest entry of a log just sealed again with the key (whatever was known)."""
        ...


class Housekeeping(Protocol):
    """Storage chores the services ask for at the right moment."""

    def purge_old_versions(self) -> bool:
        """Make sure no earlier version of changed rows is left in the storage's files.

        Called after an erasure. Returns False when another program held the
        files and some old versions could not be purged yet.
        """
        ...

    def tidy_while_idle(self) -> None:
        """Do now, while nobody waits, the upkeep a write would otherwise pay for (a WAL checkpoint)."""
        ...


class NothingToPurge:
    """Housekeeping for storage that keeps no old versions (the in-memory fakes)."""

    def purge_old_versions(self) -> bool:
        """Nothing is kept, so nothing is left."""
        return True

    def tidy_while_idle(self) -> None:
        """Nothing to tidy."""


class Integrity(Protocol):
    """Storage-level checks the integrity service cannot do through repositories."""

    def storage_problems(self) -> list[str]:
        """Problems with the database file itself."""
        ...

    def ledger_problems(self) -> list[str]:
        """Ledger totals that disagree with balances, lots or sales."""
        ...


@dataclass(frozen=True)
class BackupFile:
    """A copy of the database in the backups folder: its file, when it was taken, its size."""

    path: Path
    taken_at: datetime
    size: int
    label: str  # manual, daily, before-restore, or the schema revision a migration left


@dataclass(frozen=True)
class BackupFacts:
    """What a file offered for a restore turned out to be, read without changing it."""

    sqlite: bool
    problems: tuple[str, ...]  # SQLite's integrity check; empty when the file is sound
    revision: str | None
    revision_known: bool  # one of this program's schema revisions (older or the same)
    missing_tables: tuple[str, ...]
    settings: Mapping[str, str]
    members: int
    audit_entries: tuple[AuditEntry, ...]
    # The accounts in the file: a restore puts them back, so who may restore depends on them.
    staff: tuple[StaffFacts, ...] = ()


@dataclass(frozen=True)
class StaffFacts:
    """A staff account as a backup holds it: what decides who may sign in and do what."""

    name: str
    role: str
    active: bool
    pin_hash: str


class DatabaseBackups(Protocol):
    """Consistent copies of the live database (SQLite's online backup) and putting one back."""

    def folder(self) -> Path:
        """The backups folder (made on first use)."""
        ...

    def listed(self) -> list[BackupFile]:
        """The backups in the folder, newest first."""
        ...

    def make(self, label: str, at: datetime, target: Path | None = None) -> BackupFile:
        """Copy the database while tills write; into the folder with a timestamped name, or ``target``."""
        ...

    def remove(self, backup: BackupFile) -> None:
        """Delete a backup (pruning)."""
        ...

    def inspect(self, path: Path) -> BackupFacts:
        """Read a candidate file's schema, tables, integrity and settings without changing it."""
        ...

    def staged(self, candidate: Path) -> AbstractContextManager[Path]:
        """A private copy of ``candidate`` as SQLite reads it (a -wal beside it applied), removed on exit.

        Checks read this copy, and it is what ``replace_with`` puts in place: a
        file changed after its check, or a log beside it, cannot slip past them.
        """
        ...

    def replace_with(self, candidate: Path, safety: Path) -> None:
        """Put the staged ``candidate`` in place of the database, first copying the database to ``safety``.

        The program's own connections are closed first; another program
        holding the file open is a refusal, and nothing is changed.
        """
        ...

    def safety_target(self, at: datetime) -> Path:
        """Where the copy of the database taken before a restore goes."""
        ...

    def is_live(self, path: Path) -> bool:
        """Whether ``path`` is the database in use (under any name)."""
        ...

    def reopen(self) -> AbstractContextManager[Shop]:
        """The database just restored, migrated and wired like at start-up, closed on exit."""
        ...


class NoBackups:
    """Backups where the database is not a SQLite file (a server database, the in-memory fakes)."""

    def _refuse(self) -> BadDatabase:
        return BadDatabase(
            "backups are made of a SQLite database file; a server database is backed up "
            "by its own tools",
            reason="backups_need_sqlite_file",
        )

    def folder(self) -> Path:
        """No folder."""
        raise self._refuse()

    def listed(self) -> list[BackupFile]:
        """No backups."""
        return []

    def make(self, label: str, at: datetime, target: Path | None = None) -> BackupFile:
        """Refused."""
        raise self._refuse()

    def remove(self, backup: BackupFile) -> None:
        """Refused."""
        raise self._refuse()

    def inspect(self, path: Path) -> BackupFacts:
        """Refused."""
        raise self._refuse()

    def staged(self, candidate: Path) -> AbstractContextManager[Path]:
        """Refused."""
        raise self._refuse()

    def replace_with(self, candidate: Path, safety: Path) -> None:
        """Refused."""
        raise self._refuse()

    def safety_target(self, at: datetime) -> Path:
        """Refused."""
        raise self._refuse()

    def is_live(self, path: Path) -> bool:
        """No file is."""
        return False

    def reopen(self) -> AbstractContextManager[Shop]:
        """Refused."""
        raise self._refuse()
