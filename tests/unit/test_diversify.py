"""ranking.diversify: page 1 spread across specialties, the same order however it is computed."""

from __future__ import annotations

from collections import Counter

from hypothesis import given
from hypothesis import strategies as st

from app.search.ranking import REPEAT_FACTOR, REPEAT_FLOOR, diversify


def _share(repeats):
    return max(REPEAT_FACTOR**repeats, REPEAT_FLOOR)


def _by_definition(items, score, kind):
    """The rule as written: repeatedly take the best adjusted score, the earlier on ties."""
    remaining, placed, ordered = list(items), Counter(), []
    while remaining:
        best = max(
            range(len(remaining)),
            key=lambda i: (score(remaining[i]) * _share(placed[kind(remaining[i])]), -i),
        )
        item = remaining.pop(best)
        placed[kind(item)] += 1
        ordered.append(item)
    return ordered


def test_a_second_physician_of_the_same_specialty_gives_way_to_a_near_one_of_another():
    hits = [("a", 10.0, "pain"), ("b", 9.9, "pain"), ("c", 8.0, "physiatry")]
    order = diversify(hits, lambda h: h[1], lambda h: h[2])
    assert [h[0] for h in order] == ["a", "c", "b"]


def test_a_far_weaker_fit_never_jumps_ahead_of_many_strong_ones():
    hits = [(str(i), 10.0, "neurology") for i in range(6)] + [("x", 5.2, "neurosurgery")]
    order = diversify(hits, lambda h: h[1], lambda h: h[2])
    assert order[-1][0] == "x"


@given(
    st.lists(st.tuples(st.sampled_from([1.0, 2.5, 7.2, 10.0]), st.sampled_from("abc")), max_size=40)
)
def test_the_order_is_the_definitions_order_including_ties(raw):
    hits = [(i, score, kind) for i, (score, kind) in enumerate(raw)]
    score, kind = (lambda h: h[1]), (lambda h: h[2])
    assert diversify(hits, score, kind) == _by_definition(hits, score, kind)
