"""Words around a need that say what caused it or what it follows, not a need of their own:
sleep lost to an itch or a pain, an operation the care comes after, botox beside a
migraine."""

from __future__ import annotations

import pytest

from directory.understanding import interpret


def concepts(text: str) -> set[str]:
    return {i for p in interpret(text).parts if p.kind != "specialty" for i in p.ids}


@pytest.mark.parametrize(
    ("text", "cause"),
    [
        ("cant sleep because of itching all night", "rash"),
        ("back pain so bad i cant sleep", "chronic-low-back-pain"),
        ("can't sleep from neck pain radiating down my arm", "chronic-neck-pain"),
        ("hot flashes wake me up all night cant sleep", "menopause"),
        # a need felt at night, then the sleep it costs (sleep physicians had led)
        ("leg cramps at night every night cant sleep", "muscle-cramps"),
        ("burning pain in my feet at night cant sleep", "numbness"),
    ],
)
def test_sleep_lost_to_another_need_is_that_need(text, cause):
    """ "cant sleep because of itching" had listed sleep physicians and pulmonologists."""
    parts = interpret(text).parts
    read = {i for p in parts for i in p.ids} | {p.label.lower() for p in parts}
    assert cause in read
    assert "insomnia" not in concepts(text)
    assert not any("Sleep medicine" in p.label for p in parts)


def test_a_sleep_doctor_named_by_sleeplessness_caused_by_an_itch_is_not_asked_for():
    parts = interpret("mi piel me pica tanto que no puedo dormir, doctor que hable español").parts
    assert not any(p.kind == "specialty" for p in parts)


@pytest.mark.parametrize(
    "text", ["anxiety and cant sleep", "cant sleep at night and my knee hurts"]
)
def test_sleeplessness_said_beside_a_need_with_no_cause_stays(text):
    assert "insomnia" in concepts(text)


@pytest.mark.parametrize(
    ("text", "asked", "before"),
    [
        (
            "pelvic floor therapy for men after prostate surgery",
            "pelvic-floor-therapy",
            "prostate-surgery",
        ),
        ("hand therapy after carpal tunnel surgery", "hand-therapy", "carpal-tunnel-release"),
    ],
)
def test_care_after_an_operation_asks_for_the_care(text, asked, before):
    """Urologists had led "pelvic floor therapy ... after prostate surgery"."""
    read = concepts(text)
    assert asked in read and before not in read


def test_the_botox_doctor_beside_a_migraine_is_the_neurologist():
    parts = interpret("migraine almost every day meds not working need the botox doctor").parts
    specialists = [p.label for p in parts if p.kind == "specialty"]
    assert specialists == ["Neurologist"]
    alone = [p.label for p in interpret("botox doctor").parts if p.kind == "specialty"]
    assert alone == ["Dermatologist"]


def test_botox_shots_for_headaches_read_as_botox_for_a_migraine():
    assert {"migraine", "botox-injections"} <= concepts("who gives botox shots for headaches")


@pytest.mark.parametrize(
    "text",
    [
        "hernia came back after surgery",
        "forgetful and confused after surgery grandpa 80",
        "incision red and leaking after surgery",
        "mom broke her hip last month needs ortho follow up after surgery",
    ],
)
def test_after_surgery_with_no_pain_said_is_no_pain_problem(text):
    """ "after surgery" had read as chronic post-surgical pain wherever it was said, so pain
    doctors came beside a recurrent hernia or a confused grandfather."""
    assert "chronic-postsurgical-pain" not in concepts(text)


@pytest.mark.parametrize(
    "text", ["still in pain 8 months after hernia surgery", "nerve pain since my surgery"]
)
def test_pain_after_surgery_is_still_post_surgical_pain(text):
    assert "chronic-postsurgical-pain" in concepts(text)


@pytest.mark.parametrize(
    "text",
    [
        "had shingles 3 months ago still burning pain on my side where the rash was",
        "stabbing pain in my ribs after shingles rash",
        "my mom is 78 and had shingles now she cant sleep from the pain, who does she see",
        "burning tingling numb skin after shingles on my chest",
        "shingels pain wont stop",
    ],
)
def test_pain_that_outlasts_shingles_is_the_nerve_pain_it_left(text):
    """Read as shingles and pain these had listed family doctors and dermatologists; the
    pain shingles leaves is neurologists' and pain doctors'."""
    found = concepts(text)
    assert "postherpetic-neuralgia" in found
    assert "shingles" not in found


@pytest.mark.parametrize("text", ["shingles rash is so painful", "painful shingles on my back"])
def test_the_pain_of_shingles_now_is_still_shingles(text):
    assert "shingles" in concepts(text)
    assert "postherpetic-neuralgia" not in concepts(text)
