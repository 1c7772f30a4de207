"""Surgery declined in the words ("NOT looking for a surgeon", "no quiero cirujano"): the
surgeons rank after everyone else who treats the need, and nobody is left out. So does
other care declined ("no more injections please", "want therapy, not meds", "NOT a
chiropractor"): who gives it comes after the others."""

from __future__ import annotations

import pytest

from directory.vocabulary import default_vocabulary


def _search(client, q: str) -> dict:
    response = client.get(
        "/api/v1/physicians", query_string={"q": q, "location": "Boston, MA", "per_page": 20}
    )
    assert response.status_code == 200
    return response.get_json()


def _surgeon(hit: dict) -> bool:
    specialties = default_vocabulary().specialties
    first = hit["specialties"][0]["code"]  # the physician's main practice
    return first in specialties and specialties[first].is_surgical


@pytest.mark.parametrize(
    ("declined", "plain"),
    [
        ("spinal stenosis, NOT looking for a surgeon, want other options", "spinal stenosis"),
        ("knee pain, no surgeon please", "knee pain"),
        ("me duele la rodilla, no quiero cirujano", "me duele la rodilla"),
    ],
)
def test_a_surgeon_declined_lists_the_surgeons_after_the_others(client, declined, plain):
    """'spinal stenosis lower back ... NOT looking for a surgeon' listed three spine
    surgeons and a neurosurgeon first."""
    asked, usual = _search(client, declined), _search(client, plain)
    assert any(_surgeon(hit) for hit in usual["results"][:5])  # surgeons lead without it
    assert asked["total"] == usual["total"]  # nobody left out
    first = asked["results"][:5]
    assert len(first) == 5 and not any(_surgeon(hit) for hit in first)


@pytest.mark.parametrize(
    ("declined", "plain"),
    [
        ("herniated disc, want to avoid surgery", "herniated disc"),
        ("spinal stenosis, non surgical options", "spinal stenosis"),
    ],
)
def test_the_operation_declined_lists_fewer_surgeons_first(client, declined, plain):
    """Surgery declined, not the surgeon: orthopedic and spine surgeons treat without
    operating too, so they follow the others rather than leave the page."""
    asked, usual = _search(client, declined), _search(client, plain)
    assert asked["total"] == usual["total"]
    assert _surgeon(usual["results"][0]) and not _surgeon(asked["results"][0])

    def surgeons(found):
        return sum(_surgeon(hit) for hit in found["results"][:10])

    assert 0 < surgeons(asked) < surgeons(usual)


@pytest.mark.parametrize(
    ("declined", "plain"),
    [
        ("need someone for my moms back, she wont do surgery", "need someone for my moms back"),
        ("back doctor that doesnt push surgery", "back doctor"),
    ],
)
def test_the_operation_declined_beside_a_body_part_or_a_board_lists_others_first(
    client, declined, plain
):
    """'my moms back ... wont do surgery' had listed orthopedic and spine surgeons first, as
    for any back."""
    asked, usual = _search(client, declined), _search(client, plain)
    assert asked["total"] == usual["total"]  # nobody left out
    assert any(_surgeon(hit) for hit in usual["results"][:5])
    first = asked["results"][:5]
    assert len(first) == 5 and not any(_surgeon(hit) for hit in first)


def test_the_surgery_declined_is_no_surgeon_asked_for(client):
    """'i dont want back surgery what kind of doctor treats sciatica without surgery' had
    read 'back surgery' as a spine surgeon asked for, and listed ten."""
    first = _search(client, "i dont want back surgery, who treats sciatica")["results"][:3]
    assert len(first) == 3 and not any(_surgeon(hit) for hit in first)


@pytest.mark.parametrize(
    "text",
    ["failed back surgery, no relief after surgery", "no surgical hx, new knee pain"],
)
def test_surgery_had_or_a_history_declines_nothing(client, text):
    """Surgery done ('no relief after surgery') or a referral's history is no wish."""
    plain = text.replace("no relief after surgery", "").replace("no surgical hx, ", "")
    assert [h["npi"] for h in _search(client, text)["results"]] == [
        h["npi"] for h in _search(client, plain.strip(", "))["results"]
    ]


INJECTORS = {"208VP0014X", "208VP0000X", "207LP2900X"}
PSYCHIATRY = "2084P08"


def _main(hit: dict) -> str:
    return hit["specialties"][0]["code"]


def _only_injects(hit: dict) -> bool:
    """A pain doctor who injects and practises nothing else (a physiatrist who also
    injects still treats without needles)."""
    return all(s["code"] in INJECTORS for s in hit["specialties"])


def test_injections_declined_list_the_pain_doctors_who_inject_after_the_others(client):
    asked = _search(client, "sciatica down my leg, no more injections please")
    usual = _search(client, "sciatica down my leg")
    assert asked["total"] == usual["total"]  # nobody left out
    assert any(_only_injects(h) for h in usual["results"][:5])
    first = asked["results"][:5]
    assert len(first) == 5 and not any(_only_injects(h) for h in first)


def test_medication_declined_lists_therapists_before_psychiatrists(client):
    asked = _search(client, "panic attacks at work, want therapy, not meds")
    first = asked["results"][:3]
    assert len(first) == 3 and not any(_main(h).startswith(PSYCHIATRY) for h in first)


def test_a_chiropractor_declined_lists_doctors_first(client):
    asked = _search(client, "neck pain after a car accident, NOT a chiropractor")
    first = asked["results"][:5]
    assert len(first) == 5 and not any(_main(h).startswith("111N") for h in first)
