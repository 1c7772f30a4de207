"""A coordinator's "russian speaking preferred" ranks the Russian speakers first and hides
nobody; "russian speaking" alone still lists only them."""

from __future__ import annotations


def api(client, **params) -> dict:
    response = client.get("/api/v1/physicians", query_string=params)
    assert response.status_code == 200
    return response.get_json()


def test_a_preferred_language_ranks_its_speakers_first_and_hides_no_one(client):
    for place in ("Houston, TX", "Chicago, IL"):
        plain = api(client, q="family doctor", location=place, per_page=50)
        preferred = api(client, q="family doctor, spanish speaking preferred", location=place)
        required = api(client, q="spanish speaking family doctor", location=place)
        assert preferred["total"] == plain["total"] > required["total"] >= 5, place
        top = preferred["results"][:5]
        assert all("Spanish" in h["languages"] for h in top), place
        speaking = [("Spanish" in h["languages"]) for h in preferred["results"]]
        assert speaking == sorted(speaking, reverse=True), place  # speakers first, then others


def test_a_preferred_gender_ranks_first(client):
    found = api(client, q="GI referral, pt prefers woman provider", location="Boston, MA")
    genders = [h["gender"] for h in found["results"]]
    assert "male" in genders and genders[0] == "female"
    assert genders == sorted(genders, key=lambda g: g != "female")
