"""The first start of an installed till: the settings file the wizard writes, and the shop it makes.

``settings.json`` in the per-user configuration folder (platformdirs; a shared
till may put one in the per-machine folder instead, which is read when the
user has none) says where the shop's database lives, so later starts open it
without asking. While there is no settings file, no database chosen
(``--db``, ``LOYALTY_DB``) and none in the default place, ``loyalty-desktop``
shows the first-run wizard.

No Qt here: the wizard collects a :class:`ShopSetup` and :func:`make_shop`
builds the database from it through the services.
"""

from __future__ import annotations

import contextlib
import json
import os
from dataclasses import dataclass, replace
from pathlib import Path

from loyalty_desktop import __version__
from loyalty_desktop.app import open_database
from loyalty_desktop.demo.build import build_demo
from loyalty_desktop.domain.money import Currency
from loyalty_desktop.domain.program_writer import write_program
from loyalty_desktop.installation import config_dir, data_dir, machine_config_dir
from loyalty_desktop.services import programs, staff

SETTINGS_FILE = "settings.json"
# Currencies with two decimals only: the demo's prices and rewards keep their meaning in any of them.
CURRENCIES = ("CNY", "HKD", "TWD", "SGD", "MYR", "USD", "EUR", "GBP", "AUD", "CAD", "CHF")
DEMO_MEMBERS = 300  # built in a few seconds on a shop PC
DEMO_SEED = 7


@dataclass(frozen=True)
class ShopSetup:
    """What the first-run wizard asks."""

    shop_name: str
    currency: str
    timezone: str
    language: str  # "" follows the PC, else "en" or "zh_CN"
    admin_name: str
    admin_pin: str
    demo: bool
    database: Path
    shared: bool = False  # every user of this PC opens this shop: the per-machine settings file


def settings_path() -> Path:
    """The per-user settings file the wizard writes."""
    return config_dir() / SETTINGS_FILE


def machine_settings_path() -> Path:
    """The per-machine settings file of a shared till (read when the user has none of their own)."""
    return machine_config_dir() / SETTINGS_FILE


def can_write_machine_settings() -> bool:
    """Whether this user may write the per-machine settings (usually only an administrator)."""
    try:
        _check_writable(machine_config_dir())
    except OSError:
        return False
    return True


def _check_writable(folder: Path) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    probe = folder / f".write-check-{os.getpid()}"
    probe.write_bytes(b"")
    probe.unlink()


def check_settings_folder(setup: ShopSetup) -> None:
    """Raise OSError if the settings file could not be written: checked before the shop is made.

    Otherwise the shop would be made, the settings fail, and Finish pressed again
    would be refused (the database has its staff already) with nothing pointing at it.
    """
    path = machine_settings_path() if setup.shared else settings_path()
    _check_writable(path.parent)


def default_database() -> Path:
    """Where the wizard proposes to keep the shop: the per-user data folder."""
    return data_dir() / "loyalty.db"


def read_settings() -> dict[str, object] | None:
    """The settings file's contents (the user's, else the machine's), or None when there is none.

    A damaged file (unreadable, or naming no database) counts as none: the
    machine's is read next, else the wizard runs again, and the database it
    names is never touched by that.
    """
    for path in (settings_path(), machine_settings_path()):
        with contextlib.suppress(OSError, ValueError):
            found = json.loads(path.read_text(encoding="utf-8"))
            usable = isinstance(found, dict) and isinstance(found.get("database"), str)
            if usable and found["database"] and "\x00" not in found["database"]:
                # A hand-edited relative path means next to the settings file, never the
                # folder a shortcut happens to start in.
                database = path.parent / Path(found["database"]).expanduser()
                return {**found, "database": str(database)}
    return None


def settings_database() -> str | None:
    """The database the settings file names, if any."""
    found = read_settings()
    value = found.get("database") if found else None
    return value if isinstance(value, str) and value else None


def needs_wizard(chosen: str | None) -> bool:
    """Whether this start is a first start: nothing chosen, no settings, no database made yet."""
    return (
        chosen is None
        and "LOYALTY_DB" not in os.environ
        and read_settings() is None
        and not default_database().exists()
    )


def write_settings(setup: ShopSetup) -> Path:
    """Write the settings file, the user's or the machine's (atomically: the old one or the new one)."""
    path = machine_settings_path() if setup.shared else settings_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    body = {
        "database": str(setup.database),
        "language": setup.language,
        "shop_name": setup.shop_name,
        "currency": setup.currency,
        "timezone": setup.timezone,
        "written_by": __version__,
    }
    temporary = path.with_name(path.name + ".new")
    # Made afresh ("x": never through a link or a file someone left there).
    temporary.unlink(missing_ok=True)
    with temporary.open("x", encoding="utf-8") as out:
        out.write(json.dumps(body, ensure_ascii=False, indent=2) + "\n")
    os.replace(temporary, path)
    return path


def make_shop(setup: ShopSetup) -> None:
    """Create the database: demo data if asked, the programme's name, currency and zone, the admin.

    A demo shop keeps its currency (yuan): its sales were recorded in it.
    The admin account comes last: until it exists the local administrator may
    build the demo and load the programme; afterwards only a signed-in admin can.
    An existing database with staff is refused by ``add_staff`` and left as it was.
    """
    setup.database.parent.mkdir(parents=True, exist_ok=True)
    opened = open_database(setup.database)
    try:
        shop = opened.shop
        local = staff.unsigned_actor(shop)
        if setup.demo:
            build_demo(shop, local, members=DEMO_MEMBERS, seed=DEMO_SEED)
        program = programs.show_program(shop, local).program
        # The demo's sales are in yuan; a stored amount never changes currency.
        currency = program.currency if setup.demo else Currency.of(setup.currency)
        program = replace(
            program, shop_name=setup.shop_name, currency=currency, timezone=setup.timezone
        )
        programs.load_program(shop, local, write_program(program), "first-run wizard")
        staff.add_staff(shop, local, setup.admin_name, "admin", setup.admin_pin)
    finally:
        opened.engine.dispose()
