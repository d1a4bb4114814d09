"""Every refusal the source builds has a catalogued reason and passes what its templates need.

Read from the syntax tree of ``src/loyalty_desktop`` (see ``tests/error_sites.py``),
so a new ``raise InvalidRequest(f"...")`` without a reason fails here before a
screen shows it in English only. The checker itself is shown failing on
planted bad sites.
"""

from __future__ import annotations

from pathlib import Path

import pytest

import loyalty_desktop
from loyalty_desktop.domain.reasons import COMMAND_LINE_REASONS, FIELDS, REASONS, placeholders
from tests.error_sites import Module, error_classes, find_sites, modules_under, problems

SOURCE = Path(loyalty_desktop.__file__).parent

MODULES = modules_under(SOURCE)
CLASSES = error_classes(modules_under(SOURCE))
SITES = find_sites(MODULES, CLASSES)


def test_the_check_sees_the_refusals_of_every_layer() -> None:
    assert {"InvalidRequest", "BadProgram", "FontMissing", "StorageError"} <= set(CLASSES)
    places = {site.where.split("/")[0] for site in SITES}
    assert {"domain", "services", "db", "cli", "printing", "demo"} <= places
    assert len(SITES) > 180, "a refusal built through a factory (_Reader.fail) counts at each call"


def test_every_refusal_has_a_catalogued_reason_with_the_details_its_templates_name() -> None:
    assert problems(SITES, placeholders) == []


def test_every_field_a_refusal_names_has_words_for_a_screen() -> None:
    named = {site.field_value for site in SITES if site.field_value is not None}
    assert named <= set(FIELDS), sorted(named - set(FIELDS))


def test_every_catalogued_reason_is_given_somewhere() -> None:
    given = {site.reason for site in SITES}
    assert set(REASONS) - given - COMMAND_LINE_REASONS == set()


# What the check must refuse, each planted in a module of its own.
PLANTED = {
    "an InvalidRequest with no reason": (
        'raise InvalidRequest(f"line {n} has no SKU")',
        "needs a specific reason",
    ),
    "an InvalidRequest whose reason is the shared code": (
        'raise InvalidRequest("x", reason="invalid_request")',
        "needs a specific reason",
    ),
    "a bare LoyaltyError with only a message": (
        'raise LoyaltyError("no")',
        "needs a specific reason",
    ),
    "a reason the catalogue does not know": (
        'raise InvalidCard("x", reason="card_from_mars")',
        "'card_from_mars' is not in the catalogue",
    ),
    "a code whose default reason the catalogue does not know": (
        'raise BadFile("x", code="brand_new_code")',
        "'brand_new_code' is not in the catalogue",
    ),
    "a placeholder not passed": (
        'raise InvalidRequest("x", reason="pin_format", field="pin", minimum=4)',
        "needs the details ['maximum']",
    ),
    "a placeholder hidden in **details": (
        'raise InvalidRequest("x", reason="pin_format", field="pin", **limits)',
        "which **details hide from this check",
    ),
    "a reason that is not a literal": (
        'raise InvalidRequest("x", reason=choose(n))',
        "reason= is not a literal string",
    ),
    "a returned refusal with no reason": (
        'return InvalidRequest("x")',
        "needs a specific reason",
    ),
    "a phone in the details": (
        'raise UnknownMember("x", reason="member_not_found", phone=text)',
        "would print personal data",
    ),
    "the typed e-mail as the value": (
        'raise InvalidRequest("x", reason="email_format", field="email", value=text)',
        "repeats the email typed",
    ),
}


@pytest.mark.parametrize("case", sorted(PLANTED))
def test_the_check_fails_on_a_planted_bad_site(case: str) -> None:
    statement, says = PLANTED[case]
    planted = Module.of("planted.py", f"def refuse(n, text, limits):\n    {statement}\n")
    found = problems(find_sites([planted], CLASSES), placeholders)
    assert len(found) == 1, found
    assert found[0].startswith("planted.py:2: ")
    assert says in found[0]


def test_the_check_passes_a_planted_good_site() -> None:
    planted = Module.of(
        "planted.py",
        "def refuse(text):\n"
        '    raise InvalidRequest("x", reason="pin_format", field="pin", minimum=4, maximum=12)\n',
    )
    assert problems(find_sites([planted], CLASSES), placeholders) == []


FACTORY = """
class Reader:
    def fail(self, path, problem, *, reason, **details) -> BadProgram:
        refusal = BadProgram(
            problem, reason=reason, key=path, line=1, where="f.toml:1", document="programme"
        )
        refusal.details.update(details)
        return refusal

    def integer(self, value, path):
        if value < 0:
            raise self.fail(path, "must be at least 0", reason="program_too_small", minimum=0)
        if value > 9:
            raise self.fail(path, "must be at most 9", reason="program_too_large")
        if value == 5:
            raise self.fail(path, "five", reason="program_five")
        raise self.fail(path, "no reason")
"""


def test_a_factorys_calls_are_checked_with_the_details_the_factory_adds() -> None:
    found = problems(find_sites([Module.of("factory.py", FACTORY)], CLASSES), placeholders)
    assert found == [
        "factory.py:14: BadProgram: reason 'program_too_large' needs the details ['maximum']",
        "factory.py:16: BadProgram: reason 'program_five' is not in the catalogue",
        "factory.py:17: BadProgram: passes no reason=",
    ]
