"""Two tills answer the same sale at the same moment: one answer is stored, and the other till is told."""

from __future__ import annotations

import threading
from datetime import UTC, datetime

from loyalty_desktop.app import Opened
from loyalty_desktop.domain.errors import InvalidRequest
from loyalty_desktop.services import checkout, members, programs, surveys
from loyalty_desktop.services.auth import LOCAL_ADMIN
from loyalty_desktop.services.baskets import SaleRequest
from loyalty_desktop.services.surveys import Recorded
from tests.conftest import FixedClock
from tests.databases import Database
from tests.integration.conftest import PROGRAM

ROUNDS = 6


def _till(
    opened: Opened,
    member_no: str,
    score: int,
    sale_no: str,
    line: threading.Barrier,
    results: list[Recorded | BaseException],
) -> None:
    line.wait()
    try:
        results.append(
            surveys.record_answer(opened.shop, LOCAL_ADMIN, member_no, score, sale_ref=sale_no)
        )
    except BaseException as failed:
        results.append(failed)


def test_two_tills_answering_one_sale_at_once_store_one_answer(
    database: Database, clock: FixedClock
) -> None:
    first, second = database.open(clock), database.open(clock)
    shop = first.shop
    programs.load_program(shop, LOCAL_ADMIN, PROGRAM, "t")
    member = members.enrol(shop, LOCAL_ADMIN, members.NewMember(name="王芳"))
    for n in range(ROUNDS):
        sale_no = f"S{n}"
        checkout.checkout(shop, LOCAL_ADMIN, SaleRequest(sale_no, member.member_no, total="10.00"))
        same = n % 2 == 0  # the same score from both (a retry) or two different ones
        line = threading.Barrier(2)
        results: list[Recorded | BaseException] = []
        tills = [
            threading.Thread(
                target=_till, args=(o, member.member_no, score, sale_no, line, results)
            )
            for o, score in ((first, 4), (second, 4 if same else 2))
        ]
        for t in tills:
            t.start()
        for t in tills:
            t.join(30)
        stored = [r for r in results if isinstance(r, Recorded)]
        if same:
            assert len(stored) == 2, results
            assert sorted(r.replayed for r in stored) == [False, True]
            assert stored[0].answer.id == stored[1].answer.id
        else:
            refused = [r for r in results if isinstance(r, InvalidRequest)]
            assert (len(stored), len(refused)) == (1, 1), results
            assert refused[0].reason == "survey_sale_answered"
    with shop.uow(write=False) as uow:
        answers = uow.surveys.between(
            datetime(2000, 1, 1, tzinfo=UTC), datetime(2100, 1, 1, tzinfo=UTC)
        )
    assert sorted(a.sale_no or "" for a in answers) == [f"S{n}" for n in range(ROUNDS)]
