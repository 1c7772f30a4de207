"""Care declined in the words lists who gives it after the others who treat the need,
and leaves nobody out: "sciatica, no more injections please" leads with the physiatrists
and surgeons, the pain doctors who inject after them."""

from __future__ import annotations

INJECTORS = {"208VP0014X", "208VP0000X", "207LP2900X"}
PSYCHIATRY = "2084P08"


def _search(client, q: str) -> dict:
    response = client.get(
        "/api/v1/physicians", query_string={"q": q, "location": "Boston, MA", "per_page": 20}
    )
    assert response.status_code == 200
    return response.get_json()


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
