"""A filter the words only prefer orders the list and hides no one."""

from __future__ import annotations

import pytest

from directory.understanding import interpret


@pytest.mark.parametrize(
    ("text", "preferred"),
    [
        ("neuro referral, mandarin speaking preferred", {"language": ("Mandarin",)}),
        ("urology consult, pt prefers a male doctor", {"gender": ("male",)}),
        ("dermatologist, video visit if possible", {"telehealth": True}),
        ("therapist ideally spanish speaking", {"language": ("Spanish",)}),
    ],
)
def test_a_preference_is_no_filter(text, preferred):
    understood = interpret(text)
    assert understood.preferred == preferred
    assert not set(preferred) & set(understood.filters)


@pytest.mark.parametrize(
    ("text", "required"),
    [
        ("spanish speaking pediatrician", {"language": ("Spanish",)}),
        # the preference is another clause's: the language is still required
        ("prefers mornings, spanish speaking pediatrician", {"language": ("Spanish",)}),
        ("female dermatologist who takes aetna", {"gender": ("female",), "insurance": ("Aetna",)}),
    ],
)
def test_a_filter_said_plainly_is_still_required(text, required):
    understood = interpret(text)
    assert understood.preferred == {}
    assert {k: understood.filters[k] for k in required} == required


def test_the_heading_says_who_comes_first():
    described = interpret("cardiology referral, medicare, hindi speaking if possible").describe()
    assert described == "Cardiologists taking Medicare; Hindi speakers first"
