"""'counselor lowell ma for depression' read the talk-therapy procedure, and psychiatrists
and family doctors who also treat depression came before the counselors, psychologists and
social workers asked for (blind probe 115). A counselor or "someone to talk to" is a
therapist asked for by name: they come first, and the psychiatrists follow."""

from __future__ import annotations

THERAPISTS = ("101Y", "103T", "1041C", "106H")  # counselors, psychologists, social workers, MFTs


def test_a_counselor_asked_for_lists_the_therapists_first(client):
    params = {"q": "counselor for depression", "location": "Boston, MA", "per_page": 10}
    found = client.get("/api/v1/physicians", query_string=params).get_json()
    assert found["interpretation"]["description"].startswith("Therapists")
    first = [hit["specialties"][0]["code"] for hit in found["results"][:4]]
    assert len(first) == 4 and all(code.startswith(THERAPISTS) for code in first), first
