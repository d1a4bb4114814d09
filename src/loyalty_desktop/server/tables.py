"""The server's own tables: stores and their tokens, the inbox, the chain's members and ledger, the change log.

Every unique constraint includes the store or the member, and keys are UUIDs, so the
schema can be spread over several database machines (Citus, CockroachDB, YugabyteDB)
without a global index. The exceptions are claims keyed by what is claimed, one row each
(a coupon's first use, a member number's holder), and the small stores table.
"""

from __future__ import annotations

from sqlalchemy import (
    BigInteger,
    Boolean,
    Column,
    DateTime,
    Index,
    Integer,
    MetaData,
    SmallInteger,
    String,
    Table,
    Text,
    UniqueConstraint,
    Uuid,
)

metadata = MetaData()

stores = Table(
    "stores",
    metadata,
    Column("id", Uuid, primary_key=True),
    Column("name", String(120), nullable=False),
    # sha256 of a random 32-byte token: high entropy, so a slow hash adds nothing
    Column("token_hash", String(64), nullable=False, unique=True),
    Column("created_at", DateTime(timezone=True), nullable=False),
    Column("revoked_at", DateTime(timezone=True)),
    # 1, 2, 3 … in the order stores were registered: the store's block of member numbers
    # (domain/member_numbers.py). A small table of stores, not spread by member.
    Column("store_no", Integer, nullable=False),
    UniqueConstraint("store_no", name="stores_store_no"),
)

# One row per event a store sent, applied or not: the first answer is kept and replayed.
inbox = Table(
    "inbox",
    metadata,
    Column("store_id", Uuid, primary_key=True),
    Column("event_id", Uuid, primary_key=True),
    Column("key", String(200), nullable=False),
    Column("device_id", Uuid, nullable=False),
    Column("seq", BigInteger, nullable=False),
    Column("kind", String(40), nullable=False),
    Column("version", SmallInteger, nullable=False),
    Column("payload_hash", String(64), nullable=False),
    Column("status", String(12), nullable=False),  # applied | rejected
    Column("reason", Text),
    Column("received_at", DateTime(timezone=True), nullable=False),
    UniqueConstraint("store_id", "key", name="inbox_store_key"),
)

# A key sent again with a different payload: kept for a person to look at, never applied.
quarantine = Table(
    "quarantine",
    metadata,
    Column("store_id", Uuid, primary_key=True),
    Column("event_id", Uuid, primary_key=True),
    Column("key", String(200), nullable=False),
    Column("payload", Text, nullable=False),
    Column("received_at", DateTime(timezone=True), nullable=False),
)

members = Table(
    "members",
    metadata,
    Column("id", Uuid, primary_key=True),
    Column("member_no", String(40), nullable=False),
    Column("home_store", Uuid, nullable=False),
    Column("status", String(12), nullable=False),
    Column("consent", Boolean, nullable=False),
    Column("created_at", DateTime(timezone=True), nullable=False),
    # the number the member's card carries, as enrolled (None: an older till's enrolment)
    Column("card_no", BigInteger),
)
Index("members_card_no", members.c.card_no)  # a reprint to another member's card is refused

# A member's personal data as the last profile change the server applied left it: the one
# record of it the server keeps, apart from ``members`` so an erasure deletes it whole (and
# ``changes`` never holds it: the pull reads it from here, docs/sync.md "Profiles").
member_profiles = Table(
    "member_profiles",
    metadata,
    Column("member_id", Uuid, primary_key=True),
    Column("name", String(100), nullable=False),
    Column("phone", String(20)),
    Column("email", String(254)),
    Column("birthday", String(10)),  # YYYY-MM-DD, as the till wrote it
    Column("consent", Boolean, nullable=False),
    Column("consent_at", String(40)),  # the till's ISO moment, as sent
    Column("store_id", Uuid, nullable=False),  # the store whose change it is
    # the till that sent it and the change's place in that till's order: of two changes of
    # one till the later stands, whatever order their batches commit in
    Column("device_id", Uuid, nullable=False),
    Column("seq", BigInteger, nullable=False),
    Column("event_key", String(200), nullable=False),
    Column("received_at", DateTime(timezone=True), nullable=False),
    # JSON: field -> [till, seq] of the change that last set it, so of two changes of one
    # field by one till the later stands (server/profiles.py)
    Column("writers", Text, nullable=False, server_default="{}"),
)

# Every member a store erased, kept even when the erasure arrived before the member's
# enrolment (two batches of one till committed out of order): an enrolment or a profile
# arriving after it finds the member erased, so an erasure always wins (server/profiles.py).
# Member ids only.
erasures = Table(
    "erasures",
    metadata,
    Column("member_id", Uuid, primary_key=True),
    Column("received_at", DateTime(timezone=True), nullable=False),
)

# Each member's newest card as the stores reprinted it (server/cards.py): the pull log carries
# it, so a card revoked at one store is refused at every store. Not personal data.
member_cards = Table(
    "member_cards",
    metadata,
    Column("member_id", Uuid, primary_key=True),
    Column("card_no", BigInteger, nullable=False),
    Column("serial", SmallInteger, nullable=False),
    Column("store_id", Uuid, nullable=False),  # the store that printed it
    Column("device_id", Uuid, nullable=False),  # the till, and its reprint's place in its order
    Column("seq", BigInteger, nullable=False),
    Column("event_key", String(200), nullable=False),
    Column("received_at", DateTime(timezone=True), nullable=False),
)
Index("member_cards_card_no", member_cards.c.card_no)

balances = Table(
    "balances",
    metadata,
    Column("member_id", Uuid, primary_key=True),
    Column("points", BigInteger, nullable=False),
)

# Points movements as the stores reported them (facts, never deltas computed here).
ledger = Table(
    "ledger",
    metadata,
    Column("member_id", Uuid, primary_key=True),
    Column("id", Uuid, primary_key=True),
    Column("store_id", Uuid, nullable=False),
    Column("kind", String(20), nullable=False),
    Column("points", BigInteger, nullable=False),
    Column("at", DateTime(timezone=True), nullable=False),
    Column("event_key", String(200), nullable=False),
)

# The sales the server has recorded, so a refund can tell whether its sale has arrived.
sales = Table(
    "sales",
    metadata,
    Column("member_id", Uuid, primary_key=True),
    Column("id", Uuid, primary_key=True),
    Column("store_id", Uuid, nullable=False),
    # whether its earned points were recomputed from the store's programme (server/programs.py):
    # false when the server had not that version; NULL for sales before s0008
    Column("earn_checked", Boolean),
)
# Each store's programme files by the till's own version id and the text's digest, as the
# till sent them (``program.loaded``): what the store's sales under each must have earned.
# A restored till can send another text under a version it sent before: both are kept.
programs = Table(
    "programs",
    metadata,
    Column("store_id", Uuid, primary_key=True),
    Column("version", Integer, primary_key=True),
    Column("digest", String(64), primary_key=True),  # SHA-256 of source, lowercase hex
    Column("source", Text, nullable=False),
    Column("received_at", DateTime(timezone=True), nullable=False),
)
# What the refunds of each sale that reached the server took back (server/refund_checks.py),
# so the next refund of the sale is worked out from where they left it. Money as decimal
# text (an older till's refund names no currency); ``unchecked``: refunds not worked out.
refund_totals = Table(
    "refund_totals",
    metadata,
    Column("store_id", Uuid, primary_key=True),
    Column("sale_id", Uuid, primary_key=True),
    Column("refunds", Integer, nullable=False),
    Column("unchecked", Integer, nullable=False),
    Column("lines", Text, nullable=False),  # JSON: sale line -> [quantity, net] given back
    Column("reversed", BigInteger, nullable=False),
    Column("restored", BigInteger, nullable=False),
    Column("paid_back", String(40), nullable=False),
    Column("updated_at", DateTime(timezone=True), nullable=False),
)
# A refund that arrived before its sale: its ledger rows (JSON) wait for the sale.
parked = Table(
    "parked",
    metadata,
    Column("member_id", Uuid, primary_key=True),
    Column("sale_id", Uuid, primary_key=True),
    Column("event_key", String(200), primary_key=True),
    Column("store_id", Uuid, nullable=False),
    Column("rows", Text, nullable=False),
    Column("received_at", DateTime(timezone=True), nullable=False),
)
Index("parked_sale", parked.c.sale_id)
# Merges the stores reported: the duplicate (merged once) and the member kept. A chain
# (A into B, B into C) resolves to C; sales recorded here follow the merges (server/merges.py).
merges = Table(
    "merges",
    metadata,
    Column("member_id", Uuid, primary_key=True),
    Column("kept_id", Uuid, nullable=False),
    Column("store_id", Uuid, nullable=False),
    Column("merged_at", DateTime(timezone=True), nullable=False),  # the store's clock
    Column("received_at", DateTime(timezone=True), nullable=False),  # the server's
)
# Points lots as the stores opened them, with the expiry the server keeps (docs/sync.md,
# "Expiry by server time"): the life the store gave a lot (its expires_at less the movement's
# at) counted from when the server received it, so a till's wrong clock neither shortens nor
# stretches it. The device's moments are kept for audit only.
lots = Table(
    "lots",
    metadata,
    Column("member_id", Uuid, primary_key=True),
    Column("id", Uuid, primary_key=True),
    Column("store_id", Uuid, nullable=False),
    Column("points", BigInteger, nullable=False),
    Column("remaining", BigInteger, nullable=False),
    Column("expires_at", DateTime(timezone=True)),  # the server's clock; NULL: never
    Column("received_at", DateTime(timezone=True), nullable=False),
    Column("device_at", DateTime(timezone=True), nullable=False),  # the movement's, as sent
    Column("device_expires_at", DateTime(timezone=True)),  # the lot's, as sent
    Column("expiries", SmallInteger, nullable=False, server_default="0"),  # the server's own
)
Index("lots_due", lots.c.expires_at, postgresql_where=lots.c.remaining > 0)
# What a movement took from a lot the server had not seen opened when it arrived (events of
# one till in another order: a redemption or the till's expiry before the sale that earned
# the lot). Applied to the lot when it opens (lots.py), so the order of arrival changes nothing.
lot_waiting = Table(
    "lot_waiting",
    metadata,
    Column("member_id", Uuid, primary_key=True),
    Column("lot_id", Uuid, primary_key=True),
    Column("movement_id", Uuid, primary_key=True),
    Column("store_id", Uuid, nullable=False),
    Column("kind", String(20), nullable=False),
    Column("points", BigInteger, nullable=False),
    Column("at", DateTime(timezone=True), nullable=False),
    Column("event_key", String(200), nullable=False),
    Column("received_at", DateTime(timezone=True), nullable=False),
)
# Members whose balance went below zero (offline redemptions at two stores): for a person to
# look at. The negative balance itself stands and later earning repays it; nothing is reversed.
reviews = Table(
    "reviews",
    metadata,
    Column("member_id", Uuid, primary_key=True),
    Column("points", BigInteger, nullable=False),  # the balance when it first went negative
    Column("flagged_at", DateTime(timezone=True), nullable=False),
    Column("cleared_at", DateTime(timezone=True)),
)
# The first use of each coupon the stores reported: a coupon is used once across the chain.
coupon_redemptions = Table(
    "coupon_redemptions",
    metadata,
    Column("coupon_id", Uuid, primary_key=True),
    Column("coupon_no", BigInteger, nullable=False),
    Column("offer_id", String(64), nullable=False),
    Column("member_id", Uuid, nullable=False),  # who bought (or whom the coupon's member became)
    Column("store_id", Uuid, nullable=False),
    Column("sale_id", Uuid, nullable=False),
    Column("event_key", String(200), nullable=False),
    Column("at", DateTime(timezone=True), nullable=False),  # the store's clock
    Column("received_at", DateTime(timezone=True), nullable=False),  # the server's
)
# Offers the stores created and the coupons they issued (server/offers.py), so every store
# pulls them and honours a coupon issued elsewhere. The first definition of an offer is kept.
offers = Table(
    "offers",
    metadata,
    Column("id", Uuid, primary_key=True),
    Column("store_id", Uuid, nullable=False),  # the store that sent it first
    Column("name", String(100), nullable=False),
    Column("kind", String(20), nullable=False),
    Column("starts_at", DateTime(timezone=True), nullable=False),
    Column("ends_at", DateTime(timezone=True), nullable=False),
    Column("terms", Text, nullable=False),  # the till's own JSON text (domain/offer_terms.py)
    Column("created_at", DateTime(timezone=True), nullable=False),
    Column("received_at", DateTime(timezone=True), nullable=False),
)
issued_coupons = Table(
    "issued_coupons",
    metadata,
    Column("id", Uuid, primary_key=True),
    Column("number", BigInteger, nullable=False, index=True),
    Column("offer_id", Uuid, nullable=False, index=True),
    Column("member_id", Uuid, nullable=False),
    Column("store_id", Uuid, nullable=False),
    Column("key_id", SmallInteger, nullable=False),
    Column("issued_at", DateTime(timezone=True), nullable=False),
    Column("received_at", DateTime(timezone=True), nullable=False),
)
# A later use of a coupon by another sale (two stores offline, or a till restored from a
# backup): the sale stands; the use is kept here for a person to look at. ``status`` says
# whether its points were applied or its event held in quarantine (a key sent before).
coupon_conflicts = Table(
    "coupon_conflicts",
    metadata,
    Column("coupon_id", Uuid, primary_key=True),
    Column("sale_id", Uuid, primary_key=True),
    Column("member_id", Uuid, nullable=False),
    Column("store_id", Uuid, nullable=False),
    Column("event_key", String(200), nullable=False),
    Column("status", String(12), nullable=False),  # applied | quarantined
    Column("at", DateTime(timezone=True), nullable=False),
    Column("received_at", DateTime(timezone=True), nullable=False),
    Column("cleared_at", DateTime(timezone=True)),
)
# The member each member number belongs to across the chain: the first enrolment to reach
# the server claims it (server/numbers.py). Keyed by the number itself, as a coupon's use is
# keyed by the coupon: one row per number, spread by the number.
member_numbers = Table(
    "member_numbers",
    metadata,
    Column("member_no", String(40), primary_key=True),
    Column("member_id", Uuid, nullable=False),
    Column("store_id", Uuid, nullable=False),  # the store that enrolled the holder
    Column("received_at", DateTime(timezone=True), nullable=False),
)
# A member enrolled with a number another member already holds (typed by hand, or given
# out before the store had a block): the enrolment stands; a person looks at it.
number_clashes = Table(
    "number_clashes",
    metadata,
    Column("member_id", Uuid, primary_key=True),
    Column("member_no", String(40), nullable=False),
    Column("store_id", Uuid, nullable=False),
    Column("other_member_id", Uuid, nullable=False),  # who holds the number
    Column("other_store_id", Uuid, nullable=False),
    Column("received_at", DateTime(timezone=True), nullable=False),
    Column("cleared_at", DateTime(timezone=True)),
)
# Commit-ordered change log for pull: `pos` comes from change_clock, whose one row is
# locked from the moment a transaction takes positions until it commits (docs/sync.md).
changes = Table(
    "changes",
    metadata,
    Column("pos", BigInteger, primary_key=True, autoincrement=False),
    Column("member_id", Uuid, nullable=False),
    Column("store_id", Uuid, nullable=False),
    Column("kind", String(40), nullable=False),
    Column("body", Text, nullable=False),
)

change_clock = Table(
    "change_clock",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=False),
    Column("last", BigInteger, nullable=False),
)

# A redemption a till is about to make online: its points are kept from other stores until
# the sale's event commits it (push), the till releases it, or it expires by the server's
# clock. The till makes the id; the key includes the store (server/holds.py).
holds = Table(
    "holds",
    metadata,
    Column("store_id", Uuid, primary_key=True),
    Column("hold_id", Uuid, primary_key=True),
    Column("member_id", Uuid, nullable=False),
    Column("points", BigInteger, nullable=False),
    Column("body_hash", String(64), nullable=False),  # member and points as asked
    Column("status", String(10), nullable=False),  # held | refused | released | committed
    Column("answer", Text, nullable=False),  # the first answer, given again to a retry
    Column("created_at", DateTime(timezone=True), nullable=False),
    Column("expires_at", DateTime(timezone=True), nullable=False),
    Column("ended_at", DateTime(timezone=True)),  # released or committed
    Column("sale_key", String(200)),  # the sale event that committed it
    Index("holds_member_status", "member_id", "status"),
)
