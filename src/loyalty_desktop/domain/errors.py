"""Refusals a person can cause: a stable code, a specific reason with its details, a message for a person."""

from __future__ import annotations


class LoyaltyError(Exception):
    """A request the shop's rules refuse; nothing was changed.

    ``code`` is stable and coarse (scripts match on it); ``reason`` is stable
    and specific (``pin_format``, ``refund_exceeds_sale_left``): a screen looks
    it up in ``domain.reasons`` to say the refusal in the person's language,
    filling the template from ``details`` (``field``, ``limit``, ``step``…).
    ``message`` is the English sentence the command prints. Details never
    hold a member's personal data or a payment code: they are printed.
    """

    code = "refused"

    def __init__(
        self,
        message: str,
        *,
        code: str | None = None,
        reason: str | None = None,
        **details: object,
    ) -> None:
        super().__init__(message)
        self.message = message
        if code is not None:
            self.code = code
        self.reason = reason or self.code
        self.details = details


class InvalidAmount(LoyaltyError):
    """Money or points text that cannot be taken as written."""

    code = "invalid_amount"


class UnknownMember(LoyaltyError):
    """No member matches the reference."""

    code = "unknown_member"


class UnknownProduct(LoyaltyError):
    """No product has the SKU or barcode."""

    code = "unknown_product"


class AmbiguousMember(LoyaltyError):
    """Several members match (a shared phone number); the cashier must choose."""

    code = "ambiguous_member"


class InvalidCard(LoyaltyError):
    """A scanned code that is not a valid member card of this shop."""

    code = "invalid_card"


class PaymentCode(LoyaltyError):
    """A payment code (WeChat, Alipay, UnionPay) scanned where a member card was expected."""

    code = "payment_code"


class InsufficientPoints(LoyaltyError):
    """More points asked for than the member can spend."""

    code = "insufficient_points"


class RedemptionNotAllowed(LoyaltyError):
    """A redemption the programme forbids (below minimum, above the allowed share)."""

    code = "redemption_not_allowed"


class DuplicateMember(LoyaltyError):
    """A member number that is already taken."""

    code = "duplicate_member"


class BadProgram(LoyaltyError):
    """A programme file that cannot be used as written."""

    code = "bad_program"


class BadFile(LoyaltyError):
    """An input file (CSV, JSON) that cannot be read as a whole."""

    code = "bad_file"


class InvalidRequest(LoyaltyError):
    """Arguments that contradict each other or the stored facts."""

    code = "invalid_request"


class UnknownSale(LoyaltyError):
    """A sale this shop never recorded (asked to refund it, or for its receipt)."""

    code = "unknown_sale"


class RefundTooLarge(LoyaltyError):
    """A refund of more than is left of the sale."""

    code = "refund_exceeds_sale"


class PermissionDenied(LoyaltyError):
    """The signed-in staff member's role does not allow this."""

    code = "permission_denied"


class SignInFailed(LoyaltyError):
    """Wrong name or PIN, or a locked account."""

    code = "sign_in_failed"


class MemberClosed(LoyaltyError):
    """The member was erased or closed and cannot take part in new activity."""

    code = "member_closed"


class BadDatabase(LoyaltyError):
    """A database file this program cannot use (not ours, damaged, or from a newer version)."""

    code = "bad_database"


class IdConflict(LoyaltyError):
    """A sale, refund or request id already used for a different request."""

    code = "id_conflict"


class StorageBusy(LoyaltyError):
    """The database is in use by another program in a way that blocks this request; try again."""

    code = "busy"


class BadInstallation(LoyaltyError):
    """The installation's secrets (card and audit keys) are missing, damaged or not this database's."""

    code = "bad_installation"


class StorageError(LoyaltyError):
    """The database could not do what was asked (read-only file, full disk, damaged file).

    Its message says what a person can do about it and never repeats the
    statement or its values, which may hold members' personal data.
    """

    code = "storage_error"
