"""The search box read whole, as people type it: parts, typed places and filters, chips."""

from __future__ import annotations

import html
import re
from urllib.parse import parse_qs, urlsplit

import pytest

from directory.vocabulary import PEDIATRICS, default_vocabulary


def api(client, **params) -> dict:
    response = client.get("/api/v1/physicians", query_string=params)
    assert response.status_code == 200
    return response.get_json()


def test_filler_and_a_typed_place_never_zero_a_search(client):
    found = api(client, q="who treats sciatica near hartford ct")
    assert found["total"] > 0
    kinds = [part["kind"] for part in found["interpretation"]["parts"]]
    assert kinds == ["condition", "location"]
    assert found["resolved"]["location"]["label"].startswith("Hartford, CT")
    assert all(hit["distance_miles"] <= 25 for hit in found["results"])


def test_a_condition_ranks_specialists_not_look_alike_surnames(client):
    found = api(client, q="acne", per_page=10)
    assert found["total"] > 0
    assert not any(m["kind"] == "name" for hit in found["results"] for m in hit["matched"])
    assert found["results"][0]["specialties"][0]["name"].lower().startswith("dermatolog")


def test_page_one_of_a_condition_shows_the_range_of_specialties_that_treat_it(client):
    found = api(client, q="sciatica", location="06106", per_page=10)
    primaries = {hit["specialties"][0]["code"] for hit in found["results"]}
    assert len(primaries) >= 3  # not ten of one kind


def test_filters_typed_in_the_box_apply(client):
    found = api(client, q="spanish speaking pediatrician", per_page=20)
    assert found["total"] > 0
    assert all("Spanish" in hit["languages"] for hit in found["results"])


def test_each_understood_part_is_a_chip_that_can_be_removed(client):
    page = client.get("/search?q=spine+surgeon+hartford+ct").get_data(as_text=True)
    assert "We read your search as:" in page
    chips = re.findall(r'<a class="part-chip__remove" href="([^"]+)"', page)
    assert len(chips) == 2
    remaining = [parse_qs(urlsplit(html.unescape(href)).query)["q"][0] for href in chips]
    assert remaining == ["hartford ct", "spine surgeon"]
    without_place = client.get(html.unescape(chips[1])).get_data(as_text=True)
    assert "physicians found" in without_place and "miles of Hartford" not in without_place


def test_removing_a_part_typed_with_brackets_leaves_no_stray_bracket(client):
    """A specialty's full name ends in a bracket the part does not cover; taking the part
    out must not search for ")"."""
    page = client.get("/search?q=Ear,+nose+and+throat+doctor+(ENT)+hartford+ct")
    chips = re.findall(r'<a class="part-chip__remove" href="([^"]+)"', page.get_data(as_text=True))
    remaining = [parse_qs(urlsplit(html.unescape(href)).query)["q"][0] for href in chips]
    assert remaining == ["hartford ct", "Ear, nose and throat doctor (ENT)"]


def test_removing_one_of_two_readings_of_a_word_keeps_the_other(client):
    """'doctora' is a woman and a doctor: removing the woman must not drop the doctor."""
    page = client.get("/search?q=busco+doctora+hartford+ct").get_data(as_text=True)
    chips = re.findall(r'<a class="part-chip__remove" href="([^"]+)"', page)
    remaining = [parse_qs(urlsplit(html.unescape(href)).query)["q"][0] for href in chips]
    assert remaining[:2] == ["busco primary care doctor hartford ct", "busco female hartford ct"]
    found = api(client, q=remaining[0])
    assert found["total"] > 0 and not found["interpretation"]["filters"].get("gender")


def test_a_place_typed_in_the_box_is_in_the_heading_the_summary_and_the_sheet(client):
    """The h1, the one-line summary and the referral sheet say where, as the field would."""
    page = html.unescape(client.get("/search?q=sciatica+near+06106").get_data(as_text=True))
    heading = re.search(r'<h1 id="page-title">(.*?)</h1>', page).group(1)
    assert heading == "Physicians for Sciatica near Hartford, CT 06106"
    summary = re.search(r'<span class="search-edit__line">(.*?)</span>', page).group(1)
    assert summary == "Sciatica · near Hartford, CT 06106 · 25 mi"
    sheet = html.unescape(client.get("/sheet?q=sciatica+near+06106").get_data(as_text=True))
    assert "Hartford, CT 06106" in sheet and "25 miles" in sheet


def test_a_condition_doctor_lists_its_specialists_first_then_who_else_treats_it(client):
    """ "sleep apnea doctor" names sleep medicine, which few places have: its physicians
    come first, then the pulmonologists and ENTs who treat sleep apnea, never an empty page."""
    specialists = api(client, q="sleep medicine doctor", per_page=50)
    named = {hit["npi"] for hit in specialists["results"]}
    assert 0 < len(named) < 10
    found = api(client, q="sleep apnea doctor", per_page=20)
    assert {hit["npi"] for hit in found["results"][: len(named)]} == named
    assert found["total"] > len(named)
    assert found["interpretation"]["description"] == "Sleep medicine doctors for sleep apnea"


def test_a_childs_search_lists_physicians_who_see_only_older_patients_after(client):
    """'my baby has a heart murmur' listed cardiologists who see "18 and older" first: the
    child's age (from the words) ranks whoever sees only older patients after the rest."""
    from directory.accuracy.ages import youngest_seen

    def older_only(found: dict, age: int) -> list[bool]:
        notes = [hit["scheduling"]["ages_seen"] for hit in found["results"][:5]]
        return [(youngest_seen(note) or 0) > age for note in notes]

    before = 0
    for place in ("Houston, TX", "Boston, MA", "Chicago, IL", "Los Angeles, CA"):
        plain = api(client, q="heart murmur", location=place)
        before += sum(older_only(plain, 1))
        for text, age in (("my baby has a heart murmur", 1), ("heart murmur 4 year old", 4)):
            found = api(client, q=text, location=place)
            assert found["total"] >= 5 and not any(older_only(found, age)), (text, place)
    assert before, "the plain search never listed a physician who sees only adults first"


def test_a_degree_alone_lists_the_physicians_near_the_place(client):
    """ "md", "DO" or "M.D." typed into the box found nobody: it names the kind of
    clinician only, so it lists the physicians (MD/DO) near the place, as browsing with
    the physician filter does, and the page says so."""
    browse = api(client, location="06106", clinician_type="Physician", per_page=50)
    assert browse["total"] > 0
    for typed in ("md", "DO", "M.D.", "md or do"):
        found = api(client, q=typed, location="06106", per_page=50)
        assert found["total"] == browse["total"], typed
        assert {h["npi"] for h in found["results"]} == {h["npi"] for h in browse["results"]}
        assert found["interpretation"]["description"] == "Physicians (MD/DO)"
    page = client.get("/search?q=md&location=06106").get_data(as_text=True)
    heading = re.search(r"<h1[^>]*>(.*?)</h1>", page, re.S).group(1)
    assert "Physicians (MD/DO) near Hartford, CT 06106" in heading
    assert "We read your search as: <strong>Physicians (MD/DO)</strong>" in page


def test_care_only_women_receive_is_not_listed_for_a_man(client):
    """'my son is 15 and his acne is really bad' listed seven OB/GYNs after three
    dermatologists: acne's map has gynecologists for hormonal acne in women."""
    from directory.vocabulary import default_vocabulary

    specialties = default_vocabulary().specialties
    womens = api(client, q="acne", location="77030", per_page=50)["results"]
    assert any(specialties[s["code"]].sees_only_women for h in womens for s in h["specialties"])
    found = api(client, q="my son is 15 and his acne is bad", location="77030", per_page=50)
    assert found["results"]
    for hit in found["results"]:
        assert not any(specialties[s["code"]].sees_only_women for s in hit["specialties"]), hit


def test_the_usual_care_tried_for_a_child_with_nothing_else_read_still_finds_pediatricians(
    client,
):
    """'mi hijo de 8 ... ya tried everything' found nobody: 'tried everything' asks for a
    specialist over primary care, and the child's pediatrician was all that was read."""
    found = api(client, q="my son is 8, we tried everything", location="77030")
    assert found["total"] > 0
    assert found["results"][0]["specialties"][0]["name"] == "Pediatrician"


@pytest.mark.parametrize(
    "text",
    [
        "adult autism evaluation",
        "im 34 and think i have aspergers, who diagnoses that",
        "my husband might be on the spectrum, where do we go",
    ],
)
def test_a_grown_patients_need_is_not_listed_for_childrens_doctors(client, text):
    """'adult autism evaluation' listed ten pediatricians: the autism map leads with the
    children's developmental specialists. A grown patient's goes to those who see adults."""
    children = default_vocabulary().childrens_codes | {PEDIATRICS}
    found = api(client, q=text, location="Chicago, IL", per_page=10)["results"]
    child = api(client, q="autism evaluation for my 3 year old", location="Chicago, IL")
    assert child["results"][0]["specialties"][0]["code"] in children  # a child's: theirs
    assert len(found) == 10
    assert not any(h["specialties"][0]["code"] in children for h in found)


def test_a_young_childs_need_lists_no_general_psychiatrists_first(client):
    """'F84.0 autism screen failed MCHAT 2yo developmental eval' near Houston listed ten
    general psychiatrists, there for grown patients, before the pediatricians."""
    found = api(client, q="autism screen failed MCHAT 2yo developmental eval", location="77030")
    first = [h["specialties"][0]["code"] for h in found["results"][:5]]
    assert len(first) == 5 and "2084P0800X" not in first
