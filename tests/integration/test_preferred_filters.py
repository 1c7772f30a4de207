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


def test_a_need_written_in_spanish_ranks_spanish_speakers_first_and_hides_no_one(client):
    """ "medico para dolor de espalda" found back doctors in any language: someone who
    writes in Spanish most likely would rather be seen in it (blind probe 107)."""
    text, place = "medico para dolor de espalda", "Houston, TX"
    spanish = api(client, q=text, location=place, per_page=50)
    only_speakers = api(client, q=text, location=place, language="Spanish")
    assert spanish["interpretation"]["written_in"] == "Spanish"
    assert "Spanish speakers first" in spanish["interpretation"]["description"]
    assert spanish["total"] > only_speakers["total"] >= 3  # no one hidden
    english = api(client, q="doctor for back pain", location=place, per_page=50)
    assert english["total"] == spanish["total"]  # the same need, read alike

    def speakers(found):
        return [("Spanish" in h["languages"]) for h in found["results"][:10]]

    assert speakers(spanish)[0] and sum(speakers(spanish)) > sum(speakers(english))


def test_a_need_written_in_english_or_asking_a_language_ranks_as_before(client):
    found = api(client, q="back pain doctor in los angeles")
    assert found["interpretation"]["written_in"] is None
    text, place = "medico para dolor de espalda", "Houston, TX"
    asked = api(client, q=f"{text} que hable español", location=place)
    assert asked["interpretation"]["filters"]["language"] == ["Spanish"]
    assert "Spanish speakers first" not in asked["interpretation"]["description"]
    assert asked["total"] < api(client, q=text, location=place)["total"]
