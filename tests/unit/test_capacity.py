"""The in-flight limit that keeps a thread free for /healthz: who waits, who is shed."""

from __future__ import annotations

import threading

from app.capacity import InFlight


def test_requests_within_the_limit_go_straight_through():
    in_flight = InFlight(limit=2, shed_after=5)
    first, second = in_flight.enter(), in_flight.enter()
    assert first is not None and second is not None and first is not second


def test_one_more_waits_for_a_place_and_takes_it_when_one_frees():
    in_flight = InFlight(limit=1, shed_after=30)
    holder = in_flight.enter()
    entered = threading.Event()
    waiting = threading.Thread(target=lambda: in_flight.enter() and entered.set())
    waiting.start()
    assert not entered.wait(0.2)  # still waiting: the place is taken
    in_flight.leave(holder)
    assert entered.wait(5)  # woken by the leave, long before shed_after
    waiting.join()


def test_one_more_is_shed_when_no_place_frees_in_time():
    in_flight = InFlight(limit=1, shed_after=0.05)
    assert in_flight.enter() is not None
    assert in_flight.enter() is None


def test_once_the_oldest_is_stuck_newcomers_are_shed_without_waiting():
    clock = [100.0]
    in_flight = InFlight(limit=1, shed_after=30, clock=lambda: clock[0])
    assert in_flight.enter() is not None
    clock[0] += 31  # the request in flight has run longer than shed_after: the node stalls
    assert in_flight.enter() is None  # at once: this would hang for 30 s if it waited


def test_leaving_gives_the_place_back():
    in_flight = InFlight(limit=1, shed_after=0.05)
    token = in_flight.enter()
    in_flight.leave(token)
    assert in_flight.enter() is not None
