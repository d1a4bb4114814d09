"""``loyalty offer`` and ``coupon``: a double-points offer for Gold members, used once at the till."""

from __future__ import annotations

import json
from datetime import date, timedelta
from pathlib import Path

from tests.e2e.conftest import Loyalty, days_ago
from tests.integration.test_receipt_coupons import _scanned


def _offer_file(tmp_path: Path, kind_lines: str, audience: str = 'tiers = ["Gold"]') -> Path:
    today = date.today()
    path = tmp_path / "offer.toml"
    path.write_text(
        f'name = "Gold treat"\n{kind_lines}\n'
        f'start = "{(today - timedelta(days=1)).isoformat()}"\n'
        f'end = "{(today + timedelta(days=30)).isoformat()}"\n'
        f'control_share = "0"\n[audience]\n{audience}\n',
        encoding="utf-8",
    )
    return path


def _gold(loyalty: Loyalty, name: str, *, consent: bool = True) -> dict:  # type: ignore[type-arg]
    args = ["member", "add", "--name", name, "--at", days_ago(20)]
    _, member = loyalty(*args, *(["--consent"] if consent else []))
    assert loyalty("sale", f"G-{name}", "--member", member["member_no"], "--total", "1500.00",
                   "--at", days_ago(10))[0] == 0  # fmt: skip
    return member


def test_a_money_off_coupon_is_used_once_even_when_the_sale_is_posted_again(
    shop_cli: Loyalty, tmp_path: Path
) -> None:
    loyalty = shop_cli
    gold = _gold(loyalty, "金")
    _gold(loyalty, "无同意", consent=False)
    code, offer = loyalty(
        "offer", "create", str(_offer_file(tmp_path, 'kind = "money_off"\namount = "20.00"'))
    )
    assert code == 0, offer
    assert offer["audience"] == {"tier": ["Gold"]}
    code, issued = loyalty("offer", "issue", offer["id"])
    assert (code, issued["given"], issued["coupons"], issued["without_consent"]) == (0, 1, 1, 1)
    out = tmp_path / "coupons.csv"
    code, listed = loyalty("offer", "coupons", "Gold treat", "--out", str(out))
    assert (code, listed["coupons"]) == (0, 1)
    coupon = out.read_text(encoding="utf-8-sig").splitlines()[1].split(",")[-1]

    code, printed = loyalty("coupon", "print", coupon, "--out", str(tmp_path / "c.png"))
    assert (code, printed["file"]) == (0, str(tmp_path / "c.png"))
    assert (tmp_path / "c.png").read_bytes()[:4] == b"\x89PNG"
    code, checked = loyalty("coupon", "check", coupon, "--member", gold["member_no"])
    assert (code, checked["gives"], checked["member_no"]) == (0, "20.00 off", gold["member_no"])
    sale = ("sale", "C1", "--member", gold["member_no"], "--total", "100.00", "--coupon", coupon)
    code, first = loyalty(*sale)
    assert code == 0, first
    assert first["coupon"]["money_off"] == "20.00"
    assert first["paid"] == "76.00"  # 20.00 off, then Gold's 5 % off the 80.00 left
    code, again = loyalty(*sale)
    assert (code, again["replayed"], again["paid"], again["coupon"]) == (
        0,
        True,
        "76.00",
        first["coupon"],
    )
    code, reused = loyalty(
        "sale", "C2", "--member", gold["member_no"], "--total", "100.00", "--coupon", coupon
    )
    assert (code, reused["reason"]) == (1, "coupon_used")
    code, other = loyalty("sale", "C1", "--member", gold["member_no"], "--total", "100.00")
    assert (code, other["error"]) == (1, "id_conflict")


def test_coupons_refused_for_another_member_forged_or_opted_out(
    shop_cli: Loyalty, tmp_path: Path
) -> None:
    loyalty = shop_cli
    gold = _gold(loyalty, "金")
    other = _gold(loyalty, "银")
    out_member = _gold(loyalty, "退出")
    code, changed = loyalty("member", "edit", out_member["member_no"], "--no-personalised-offers")
    assert (code, changed["changed"]) == (0, ["personalised_offers"])
    _, offer = loyalty(
        "offer",
        "create",
        str(_offer_file(tmp_path, 'kind = "points_multiplier"\nmultiplier = "2"')),
    )
    code, issued = loyalty("offer", "issue", offer["id"])
    assert (issued["given"], issued["opted_out"]) == (2, 1)
    out = tmp_path / "coupons.csv"
    loyalty("offer", "coupons", offer["id"], "--out", str(out))
    rows = [r.split(",") for r in out.read_text(encoding="utf-8-sig").splitlines()[1:]]
    mine = next(r[-1] for r in rows if r[0] == gold["member_no"])

    code, refused = loyalty("coupon", "check", mine, "--member", other["member_no"])
    assert (code, refused["reason"]) == (1, "coupon_other_member")
    forged = mine[:-12] + "0000000000" + mine[-2:]
    code, refused = loyalty("coupon", "check", forged)
    assert (code, refused["error"]) == (1, "invalid_coupon")
    code, sold = loyalty(
        "sale", "D1", "--member", gold["member_no"], "--total", "100.00", "--coupon", mine
    )
    assert code == 0, sold
    assert sold["coupon"]["points"] == sold["earned"]  # double points: as many again
    assert loyalty("member", "show", gold["member_no"])[1]["points"] == sold["points"]

    export = tmp_path / "gold.json"
    loyalty("member", "export", gold["member_no"], "--out", str(export))
    offers = json.loads(export.read_text(encoding="utf-8"))["personalised_offers"]
    assert offers["offers"][0]["chosen_by"] == "tier=Gold"
    assert offers["offers"][0]["coupons"][0]["sale_id"] == "D1"
    _, report = loyalty("report", "offers")
    row = report["offers"][0]
    assert (row["issued"], row["redeemed"], row["redemption_rate"]) == (2, 1, 0.5)
    assert row["sales_per_member"]["incremental"] is None  # no control group: no lift claimed
    assert row["note"]
    before = sold["points"] - sold["earned"] - sold["coupon"]["points"]
    code, back = loyalty("refund", "RF1", "--sale", "D1", "--amount", "95.00")
    assert code == 0, back
    after = loyalty("member", "show", gold["member_no"])[1]["points"]
    assert after == before  # the sale's points and the coupon's double both taken back
    assert loyalty("check")[1]["ok"]


def test_a_members_open_coupons_print_on_the_receipt_printer_as_qr_codes_that_scan(
    shop_cli: Loyalty, tmp_path: Path
) -> None:
    loyalty = shop_cli
    gold = _gold(loyalty, "金")
    code, offer = loyalty(
        "offer", "create", str(_offer_file(tmp_path, 'kind = "money_off"\namount = "20.00"'))
    )
    assert code == 0, offer
    assert loyalty("offer", "issue", offer["id"])[0] == 0
    out = tmp_path / "coupons.csv"
    assert loyalty("offer", "coupons", "Gold treat", "--out", str(out))[0] == 0
    coupon = out.read_text(encoding="utf-8-sig").splitlines()[1].split(",")[-1]

    code, shown = loyalty("coupon", "slips", gold["member_no"], "--language", "zh_CN")
    assert code == 0, shown
    assert [c["code"] for c in shown["coupons"]] == [coupon]
    assert "立减 20.00" in shown["coupons"][0]["lines"]
    paper = tmp_path / "slips.bin"
    args = ("--out", str(paper), "--encoding", "raster", "--paper", "58")
    code, printed = loyalty("coupon", "slips", gold["member_no"], *args)
    assert (code, printed["coupons"], printed["file"]) == (0, 1, str(paper))
    assert _scanned(paper.read_bytes()) == [coupon]
    code, _ = loyalty(
        "sale", "C1", "--member", gold["member_no"], "--total", "50.00", "--coupon", coupon
    )
    assert code == 0
    code, after = loyalty("coupon", "slips", gold["member_no"])
    assert (code, after["coupons"]) == (0, [])  # used: nothing left to print
