"""The database schema (SQLAlchemy Core). Alembic migrations create and evolve it."""

from __future__ import annotations

from sqlalchemy import (
    BigInteger,
    Boolean,
    Column,
    Date,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    SmallInteger,
    String,
    Table,
    Text,
    UniqueConstraint,
    text,
)

from loyalty_desktop.db.types import Serial, UTCDateTime

metadata = MetaData(
    naming_convention={
        "ix": "ix_%(table_name)s_%(column_0_N_name)s",
        "uq": "uq_%(table_name)s_%(column_0_N_name)s",
        "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
        "pk": "pk_%(table_name)s",
    }
)

Money = BigInteger  # minor units
Points = BigInteger
Uuid = String(36)

settings = Table(
    "settings",
    metadata,
    Column("key", String(64), primary_key=True),
    Column("value", Text, nullable=False),
)

devices = Table(
    "devices",
    metadata,
    Column("id", Uuid, primary_key=True),
    Column("next_seq", BigInteger, nullable=False, server_default="0"),
)

programs = Table(
    "programs",
    metadata,
    Column("id", Serial, primary_key=True, autoincrement=True),
    Column("loaded_at", UTCDateTime, nullable=False),
    Column("source", Text, nullable=False),
)

members = Table(
    "members",
    metadata,
    Column("id", Uuid, primary_key=True),
    Column("member_no", String(20), nullable=False, unique=True),
    Column("card_no", BigInteger, nullable=False, unique=True),
    Column("card_serial", Integer, nullable=False, server_default="0"),
    Column("name", String(100), nullable=False),
    Column("phone", String(20), index=True),
    Column("phone_tail", String(4)),
    Column("email", String(254)),
    Column("birthday", Date),
    Column("consent", Boolean, nullable=False, server_default="0"),
    Column("consent_at", UTCDateTime),
    Column("status", String(10), nullable=False, server_default="active"),
    Column("merged_into", Uuid, index=True),
    Column("tier", String(60)),
    Column("balance", Points, nullable=False, server_default="0"),
    Column("lifetime_spend", Money, nullable=False, server_default="0"),
    Column("points_earned", Points, nullable=False, server_default="0"),
    Column("last_movement_at", UTCDateTime),
    Column("created_at", UTCDateTime, nullable=False),
    # The till lists the first few members by number for a phone's last four digits.
    Index("ix_members_phone_tail_member_no", "phone_tail", "member_no"),
    # The member list pages through these sorts (keyset: the value, then the id).
    Index("ix_members_name_id_status", "name", "id", "status"),  # counts name matches unread
    # The few closed and erased members, so "how many are active" is all minus these.
    Index(
        "ix_members_inactive",
        "status",
        sqlite_where=text("status != 'active'"),
        postgresql_where=text("status != 'active'"),
    ),
    Index("ix_members_created_at_id", "created_at", "id"),
    Index("ix_members_balance_id", "balance", "id"),
    Index("ix_members_lifetime_spend_id", "lifetime_spend", "id"),
)

tier_changes = Table(
    "tier_changes",
    metadata,
    Column("seq", Serial, primary_key=True, autoincrement=True),
    Column("member_id", Uuid, ForeignKey("members.id"), nullable=False, index=True),
    Column("at", UTCDateTime, nullable=False),
    Column("tier_before", String(60)),
    Column("tier_after", String(60)),
    Column("cause", String(20), nullable=False),
    Column("ref", String(64)),  # the sale or refund number, when one made the change
)

sales = Table(
    "sales",
    metadata,
    Column("id", Uuid, primary_key=True),
    Column("sale_id", String(64), nullable=False, unique=True),  # the domain's Sale.sale_no
    Column("member_id", Uuid, ForeignKey("members.id")),
    Column("at", UTCDateTime, nullable=False),
    Column("recorded_at", UTCDateTime, nullable=False),
    Column("currency", String(3), nullable=False),
    Column("subtotal", Money, nullable=False),
    Column("order_discount", Money, nullable=False),
    Column("tier_discount", Money, nullable=False),
    Column("net", Money, nullable=False),
    Column("points_redeemed", Points, nullable=False),
    Column("points_value", Money, nullable=False),
    Column("paid", Money, nullable=False),
    Column("earned", Points, nullable=False),
    Column("program_id", BigInteger, nullable=False),
    Column("tier_before", String(60)),
    Column("local_date", Date, nullable=False),
    Column("birthday_month", SmallInteger),
    Column("campaigns", Text, nullable=False, server_default="[]"),
    Column("points_after", Points, nullable=False, server_default="0"),
    Column("tier_after", String(60)),
    Column("refunded_net", Money, nullable=False, server_default="0"),
    Column("reversed", Points, nullable=False, server_default="0"),
    Column("restored", Points, nullable=False, server_default="0"),
    Column("paid_back", Money, nullable=False, server_default="0"),
    Column("device_id", Uuid, nullable=False),
    Column(
        "request_hash", String(64)
    ),  # what was asked, so a reused sale number with another basket is refused
    # rewards taken, JSON [{"name", "points", "value"}]: inside points_redeemed and points_value
    Column("rewards", Text, nullable=False, server_default="[]"),
    # The reports read a period's sales, and each member's, from these indexes alone.
    Index("ix_sales_member_id_at", "member_id", "at", "net", "device_id"),
    Index("ix_sales_at", "at", "device_id", "member_id", "net", "local_date", "id"),
)

sale_lines = Table(
    "sale_lines",
    metadata,
    Column("sale_ref", Uuid, ForeignKey("sales.id"), primary_key=True),
    Column("line_no", Integer, primary_key=True),
    Column("sku", String(64), nullable=False),
    Column("qty", String(24), nullable=False),
    Column("unit_price", String(32), nullable=False),
    Column("category", String(64)),
    Column("amount", Money, nullable=False),
    Column("net", Money, nullable=False),
    Column("refunded_qty", String(24), nullable=False, server_default="0"),
    Column("refunded_net", Money, nullable=False, server_default="0"),
)

refunds = Table(
    "refunds",
    metadata,
    Column("id", Uuid, primary_key=True),
    Column("refund_id", String(64), nullable=False, unique=True),  # Refund.refund_no
    Column("sale_ref", Uuid, ForeignKey("sales.id"), nullable=False, index=True),
    Column("at", UTCDateTime, nullable=False),
    Column("recorded_at", UTCDateTime, nullable=False),
    Column("amount", Money, nullable=False),
    Column("reversed", Points, nullable=False),
    Column("restored", Points, nullable=False),
    Column("paid_back", Money, nullable=False),
    Column("points_after", Points),
    Column("lines", Text, nullable=False, server_default="[]"),
    Column("request_hash", String(64)),
)

movements = Table(
    "movements",
    metadata,
    Column("seq", Serial, primary_key=True, autoincrement=True),
    Column("id", Uuid, nullable=False, unique=True),
    Column("member_id", Uuid, ForeignKey("members.id"), nullable=False),
    Column("kind", String(20), nullable=False),
    Column("points", Points, nullable=False),
    Column("at", UTCDateTime, nullable=False),
    Column("recorded_at", UTCDateTime, nullable=False),
    Column("sale_ref", Uuid, index=True),
    Column("refund_ref", Uuid),
    Column("request_id", String(64), unique=True),
    Column("reason", Text),
    Column("actor", String(60)),
    Column("activity", String(40)),
    Column("points_after", Points),
    Column("request_hash", String(64)),
    Index("ix_movements_member_id_at", "member_id", "at"),
    # KPIs sum a period's points by kind from this index alone (migration 0019).
    Index("ix_movements_at_kind_points", "at", "kind", "points"),
)

lots = Table(
    "lots",
    metadata,
    Column("id", Uuid, primary_key=True),
    Column("member_id", Uuid, ForeignKey("members.id"), nullable=False),
    Column("movement_id", Uuid, nullable=False),
    Column("at", UTCDateTime, nullable=False),
    Column("expires_at", UTCDateTime),
    Column("points", Points, nullable=False),
    Column("remaining", Points, nullable=False),
    # The lot these points came from: a merged duplicate's lot, or the lot a refund gives back to.
    Column("source_lot", Uuid, index=True),
    # Only lots with points left are ever searched; keep those indexes small.
    Index(
        "ix_lots_open_member",
        "member_id",
        sqlite_where=text("remaining > 0"),
        postgresql_where=text("remaining > 0"),
    ),
    Index(
        "ix_lots_open_expiry",
        "expires_at",
        "remaining",
        "at",  # the open points are summed from this index alone
        sqlite_where=text("remaining > 0"),
        postgresql_where=text("remaining > 0"),
    ),
)

allocations = Table(
    "allocations",
    metadata,
    Column("movement_id", Uuid, primary_key=True),
    Column("lot_id", Uuid, ForeignKey("lots.id"), primary_key=True, index=True),
    Column("points", Points, nullable=False),
)

outbox = Table(
    "outbox",
    metadata,
    Column("id", Uuid, primary_key=True),
    Column("device_id", Uuid, nullable=False),
    Column("seq", BigInteger, nullable=False),
    Column("kind", String(40), nullable=False),
    # The schema version of the event's kind (services/events.py).
    Column("version", SmallInteger, nullable=False, server_default="1"),
    Column("key", String(120), nullable=False, unique=True),
    Column("at", UTCDateTime, nullable=False),
    Column("payload", Text, nullable=False),
    Column("sent_at", UTCDateTime),
    UniqueConstraint("device_id", "seq"),
    # The few unsent events (the pump's queue, a connected till's redemption limits), so
    # neither reads the whole history of sent ones.
    Index(
        "ix_outbox_unsent",
        "device_id",
        "seq",
        sqlite_where=text("sent_at IS NULL"),
        postgresql_where=text("sent_at IS NULL"),
    ),
    # The unsent programme files, which the pump sends ahead of the rest (db/sync_queue.py).
    Index(
        "ix_outbox_unsent_programs",
        "device_id",
        "seq",
        sqlite_where=text("sent_at IS NULL AND kind = 'program.loaded'"),
        postgresql_where=text("sent_at IS NULL AND kind = 'program.loaded'"),
    ),
)

audit = Table(
    "audit",
    metadata,
    Column("seq", BigInteger, primary_key=True, autoincrement=False),
    Column("at", UTCDateTime, nullable=False),
    Column("actor", String(60), nullable=False),
    Column("action", String(40), nullable=False),
    Column("subject", String(120), nullable=False),
    Column("reason", Text),
    Column("details", Text, nullable=False),
    Column("prev_hash", String(64), nullable=False),
    Column("hash", String(64), nullable=False),
)

staff = Table(
    "staff",
    metadata,
    Column("id", Uuid, primary_key=True),
    Column("name", String(60), nullable=False, unique=True),
    Column("role", String(10), nullable=False),
    Column("pin_hash", String(200), nullable=False),
    Column("active", Boolean, nullable=False, server_default="1"),
    Column("failed_attempts", Integer, nullable=False, server_default="0"),
    Column("locked_until", UTCDateTime),
    Column("last_sign_in", UTCDateTime),
)

products = Table(
    "products",
    metadata,
    Column("sku", String(64), primary_key=True),
    Column("name", String(100), nullable=False, index=True),  # the till's search by name
    Column("price", Money, nullable=False),
    Column("category", String(64), index=True),
    Column("barcode", String(64), unique=True),  # NULLs never clash
    Column("active", Boolean, nullable=False, server_default="1"),
)

member_events = Table(
    "member_events",
    metadata,
    Column("id", Uuid, primary_key=True),
    Column("name", String(100), nullable=False),
    Column("starts_at", UTCDateTime, nullable=False, index=True),
    Column("ends_at", UTCDateTime, nullable=False),
    Column("capacity", Integer, nullable=False),
    Column("tiers", Text, nullable=False, server_default=""),  # names, one a line; empty: all
    Column("activity", String(40)),  # the programme activity attendance earns points for
    Column("created_at", UTCDateTime, nullable=False),
)

event_signups = Table(
    "event_signups",
    metadata,
    Column("event_id", Uuid, ForeignKey("member_events.id"), primary_key=True),
    Column("member_id", Uuid, ForeignKey("members.id"), primary_key=True, index=True),
    Column("signed_up_at", UTCDateTime, nullable=False),
    Column("checked_in_at", UTCDateTime),
)

survey_answers = Table(
    "survey_answers",
    metadata,
    Column("id", Uuid, primary_key=True),
    Column("member_id", Uuid, ForeignKey("members.id"), nullable=False, index=True),
    Column("score", SmallInteger, nullable=False),
    Column("scale", String(8), nullable=False),  # stars | nps: the scale it was given on
    Column("sale_no", String(64), unique=True),  # one answer per sale; NULLs never clash
    Column("store", Uuid, nullable=False),  # the device that rang the sale up
    Column("staff", String(60)),
    Column("tier", String(60)),
    Column("at", UTCDateTime, nullable=False, index=True),
    Column("recorded_at", UTCDateTime, nullable=False),
)
# Reports the nightly job computed ahead, read back while nothing they depend on has changed.
report_snapshots = Table(
    "report_snapshots",
    metadata,
    Column("key", String(120), primary_key=True),  # the report and its options
    Column("at", UTCDateTime, nullable=False),  # the moment the report is as of
    Column("start", UTCDateTime, nullable=False),  # its period's start
    Column("computed_at", UTCDateTime, nullable=False),
    Column("data_version", String(400), nullable=False),  # what the tables held then
    Column("payload", Text, nullable=False),  # the report as JSON
)

offers = Table(
    "offers",
    metadata,
    Column("id", Uuid, primary_key=True),
    Column("name", String(100), nullable=False),
    Column("kind", String(20), nullable=False),
    Column("starts_at", UTCDateTime, nullable=False),
    Column("ends_at", UTCDateTime, nullable=False),
    Column("terms", Text, nullable=False),  # JSON: what a coupon gives and the audience rules
    Column("created_at", UTCDateTime, nullable=False, index=True),
)

offer_targets = Table(
    "offer_targets",
    metadata,
    Column("offer_id", Uuid, ForeignKey("offers.id"), primary_key=True),
    Column("member_id", Uuid, ForeignKey("members.id"), primary_key=True, index=True),
    Column("control", Boolean, nullable=False),  # the control group: chosen, given nothing
    Column("rule", String(400), nullable=False),  # the audience rule that chose the member
    Column("issued_at", UTCDateTime, nullable=False),
)

coupons = Table(
    "coupons",
    metadata,
    Column("number", BigInteger, primary_key=True, autoincrement=False),
    Column("id", Uuid, nullable=False, unique=True),  # the redemption fact's key across stores
    Column("offer_id", Uuid, ForeignKey("offers.id"), nullable=False, index=True),
    Column("member_id", Uuid, ForeignKey("members.id"), nullable=False, index=True),
    Column("key_id", SmallInteger, nullable=False),
    Column("issued_at", UTCDateTime, nullable=False),
    Column("redeemed_at", UTCDateTime),
    Column("sale_no", String(64), unique=True),  # one coupon per sale
    Column("receipt_sale_no", String(64), index=True),  # the sale whose receipt printed it
    Column("money_off", Money, nullable=False, server_default="0"),
    Column("points", Points, nullable=False, server_default="0"),
)

offer_opt_outs = Table(
    "offer_opt_outs",
    metadata,
    Column("member_id", Uuid, ForeignKey("members.id"), primary_key=True),
    Column("at", UTCDateTime, nullable=False),
)
