"""What the server refuses at the door and at push, beyond the attack round's own tests.

A refused event is answered `rejected` alone, and its retry `duplicate` (its inbox row
could be written); a balance written before the bound was kept does not turn a later
batch into a 500; a body is refused from its headers (no token, too large) or while it is
read (no Content-Length); a sale's line nets must add up to its net.
"""

from __future__ import annotations

import http.client
import json
import urllib.parse
import uuid
from typing import Any

import sqlalchemy

from tests.integration.conftest import PROGRAM
from tests.server.conftest import Server
from tests.server.events import _wire, enrolled, sale


def _statuses(body: Any) -> list[str]:
    return [r["status"] for r in body["results"]]


def test_a_refused_event_with_a_nul_in_its_key_is_a_duplicate_when_sent_again(
    server: Server,
) -> None:
    member = str(uuid.uuid4())
    bad = sale(member, 3)
    bad["key"] = "sale:\x00" + bad["key"]
    batch = [enrolled(member, 1), sale(member, 2), bad]
    status, body = server.post("/v1/events", {"events": batch})
    assert (status, _statuses(body)) == (200, ["applied", "applied", "rejected"]), body
    assert "NUL" in body["results"][2]["reason"]
    status, body = server.post("/v1/events", {"events": batch})
    assert (status, _statuses(body)) == (200, ["duplicate"] * 3), body
    assert body["results"][2]["first"] == "rejected"


def test_an_unknown_kind_with_a_nul_is_recorded_as_rejected(server: Server) -> None:
    odd = sale(str(uuid.uuid4()), 1)
    odd["kind"] = "sale\x00"
    status, body = server.post("/v1/events", {"events": [odd]})
    assert (status, _statuses(body)) == (200, ["rejected"]), body
    assert server.sql("select kind from inbox") == [("sale\ufffd",)]


def test_a_balance_beyond_the_bound_from_before_refuses_more_points_not_a_500(
    server: Server,
) -> None:
    member = str(uuid.uuid4())
    status, _ = server.post("/v1/events", {"events": [enrolled(member, 1), sale(member, 2)]})
    assert status == 200
    engine = sqlalchemy.create_engine(server.db)
    with engine.begin() as conn:  # a balance an older server let through
        conn.exec_driver_sql(
            f"update balances set points = {2**63 - 10} where member_id = '{member}'"
        )
    engine.dispose()
    status, body = server.post("/v1/events", {"events": [sale(member, 3), sale(member, 4)]})
    assert (status, _statuses(body)) == (200, ["rejected", "rejected"]), body
    assert "balance" in body["results"][0]["reason"]


def test_points_within_the_bound_still_add_up(server: Server) -> None:
    member = str(uuid.uuid4())
    big = sale(member, 2, earned=10**17 - 105)
    _, body = server.post("/v1/events", {"events": [enrolled(member, 1), big]})
    assert _statuses(body) == ["applied", "applied"], body
    _, body = server.post("/v1/events", {"events": [sale(member, 3), sale(member, 4)]})
    assert _statuses(body) == ["applied", "rejected"], body  # 10**17 exactly, then one past
    assert server.sql(f"select points from balances where member_id = '{member}'") == [(10**17,)]


def _raw(server: Server, body: bytes, headers: dict[str, str], chunked: bool) -> int:
    where = urllib.parse.urlsplit(server.url)
    conn = http.client.HTTPConnection(where.hostname, where.port, timeout=60)
    try:
        if chunked:
            conn.putrequest("POST", "/v1/events")
            for name, value in headers.items():
                conn.putheader(name, value)
            conn.putheader("Transfer-Encoding", "chunked")
            conn.endheaders()
            step = 64 * 1024
            for i in range(0, len(body), step):
                part = body[i : i + step]
                conn.send(f"{len(part):x}\r\n".encode() + part + b"\r\n")
            conn.send(b"0\r\n\r\n")
        else:
            conn.request("POST", "/v1/events", body=body, headers=headers)
        return conn.getresponse().status
    finally:
        conn.close()


def _padded(size: int) -> bytes:
    return json.dumps({"events": [], "pad": "x" * size}).encode()


def test_a_large_body_without_a_token_is_refused_401(server: Server) -> None:
    headers = {"Content-Type": "application/json"}
    assert _raw(server, _padded(6_000_000), headers, chunked=False) == 401
    headers["Authorization"] = "Bearer not-a-token"
    assert _raw(server, _padded(6_000_000), headers, chunked=True) == 401


def test_a_body_over_the_limit_without_a_length_is_refused_413(server: Server) -> None:
    headers = {"Content-Type": "application/json", "Authorization": f"Bearer {server.token}"}
    assert _raw(server, _padded(6_000_000), headers, chunked=True) == 413
    assert _raw(server, _padded(3_000_000), headers, chunked=True) == 200  # under 4 MB: read


def test_line_nets_that_do_not_add_up_to_the_sales_net_are_rejected(server: Server) -> None:
    member = str(uuid.uuid4())
    loaded = _wire("program.loaded", "program:1", 2, {"program_version": 1, "source": PROGRAM})
    context = {"program_version": 1, "tier_before": None, "birthday_month": None}
    short = sale(member, 3, earned=50)
    short["payload"]["lines"][0]["net"] = "50.00"  # the sale's net is 105.00
    short["payload"] |= context
    negative = sale(member, 4, earned=0)
    negative["payload"]["lines"][0]["net"] = "-1.00"
    negative["payload"] |= context
    honest = sale(member, 5)
    honest["payload"] |= context
    _, body = server.post(
        "/v1/events", {"events": [enrolled(member, 1), loaded, short, negative, honest]}
    )
    assert _statuses(body) == ["applied", "applied", "rejected", "rejected", "applied"], body
    assert "add up" in body["results"][2]["reason"]
    assert "between 0" in body["results"][3]["reason"]
