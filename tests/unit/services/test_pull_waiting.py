"""Members waiting for their record during a pull: a failed change leaves the map as it was."""

from __future__ import annotations

from loyalty_desktop.services.pull_waiting import Waiting


def test_the_earliest_position_of_a_member_s_waiting_changes_is_kept() -> None:
    waiting = Waiting({"A": 40})
    waiting.begin()
    waiting.wait("A", 55)
    waiting.wait("B", 70)
    waiting.wait("B", 61)

    assert waiting.as_dict() == {"A": 40, "B": 61}


def test_a_member_who_arrives_gives_their_first_position_once() -> None:
    waiting = Waiting({"A": 40})

    assert (waiting.arrived("A"), waiting.arrived("A"), waiting.arrived("Z")) == (40, None, None)
    assert waiting.as_dict() == {}


def test_undo_puts_back_only_what_the_failed_change_set() -> None:
    waiting = Waiting({"A": 40, "B": 50, "C": 60})
    waiting.begin()
    waiting.wait("D", 90)  # an earlier change of the page: it stands
    waiting.begin()
    waiting.wait("A", 10)  # lowered,
    assert waiting.arrived("B") == 50  # taken,
    waiting.wait("E", 95)  # and added by the change that then fails
    waiting.wait("E", 91)

    waiting.undo()

    assert waiting.as_dict() == {"A": 40, "B": 50, "C": 60, "D": 90}


def test_undo_after_a_member_arrived_and_waited_again_restores_the_first_value() -> None:
    waiting = Waiting({"A": 40})
    waiting.begin()
    waiting.arrived("A")
    waiting.wait("A", 99)

    waiting.undo()

    assert waiting.as_dict() == {"A": 40}


def test_past_the_limit_those_waited_for_longest_are_no_longer_waited_for() -> None:
    waiting = Waiting({"A": 40, "B": 12, "C": 60, "D": 12, "E": 90})

    assert waiting.beyond(5) == []
    assert waiting.beyond(2) == [("B", 12), ("D", 12), ("A", 40)]
    assert waiting.as_dict() == {"C": 60, "E": 90}
