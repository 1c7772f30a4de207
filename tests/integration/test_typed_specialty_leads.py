"""A specialty typed beside a condition or a body part leads the page, through the API."""

from __future__ import annotations

import pytest

from directory.accuracy.ages import youngest_seen


def _primaries(
    client, q: str, location: str, age: int | None = None, per_page: int = 10
) -> list[str]:
    """The primary specialty of each result; with ``age``, only of those who see a child
    that old (their "ages seen" note admits it, or says nothing)."""
    response = client.get(
        "/api/v1/physicians", query_string={"q": q, "location": location, "per_page": per_page}
    )
    assert response.status_code == 200
    return [
        next(s["name"] for s in hit["specialties"] if s["primary"])
        for hit in response.get_json()["results"]
        if age is None or (youngest_seen(hit["scheduling"]["ages_seen"]) or 0) <= age
    ]


def _lead(found: list[str], first: str) -> int:
    """How many results come first with the specialty ``first``."""
    count = 0
    while count < len(found) and found[count] == first:
        count += 1
    return count


@pytest.mark.parametrize(
    ("q", "location", "typed", "age"),
    [
        ("rheum consult joint pain", "44106", "Rheumatologist", None),
        ("hand surgery referral trigger finger", "06106", "Hand surgeon", None),
        # Of the dermatologists, those who see a 14-year-old (not "16 and older") lead.
        ("dermatologist 14 yo acne", "77030", "Dermatologist", 14),
    ],
)
def test_the_specialty_typed_comes_first(client, q, location, typed, age):
    found = _primaries(client, q, location)
    alone = _primaries(client, typed.lower(), location, age, per_page=50)
    assert _lead(found, typed) == min(len(alone), len(found)) > 0


def test_the_hand_surgeons_orthopedic_surgeons_follow_before_primary_care(client):
    found = _primaries(client, "hand surgery referral trigger finger", "06106")
    assert found[1] == "Orthopedic surgeon"
    assert "Family medicine doctor" not in found[:3]


@pytest.mark.parametrize(
    ("q", "location", "adults", "age"),
    [
        ("recurrent OM peds ENT", "02115", "Ear, nose and throat", None),
        # The child's age typed too: it said who the patient is, and had put pediatricians
        # (the ones referring) ahead of every ENT who sees children. (Not so for those
        # trained for adults only: test_a_young_childs_need.)
        ("ENT peds recurrent AOM 2yo", "Chicago, IL", "Ear, nose and throat", 2),
    ],
)
def test_with_no_childrens_specialist_near_the_adults_ones_come_before_pediatricians(
    client, q, location, adults, age
):
    """Of those who see a child that old (an adults-only note ranks after, as it should)."""
    found = _primaries(client, q, location, age, per_page=20)
    specialists = [i for i, name in enumerate(found) if name.startswith(adults)]
    pediatricians = [i for i, name in enumerate(found) if name == "Pediatrician"]
    assert specialists and (not pediatricians or max(specialists) < min(pediatricians)), found


@pytest.mark.parametrize(
    ("q", "location", "specialist"),
    [
        ("lupus specialist", "Boston, MA", "Rheumatologist"),
        ("acne doctor", "77030", "Dermatologist"),
    ],
)
def test_a_conditions_specialist_leads_when_asked_for_by_the_condition(
    client, q, location, specialist
):
    """'lupus specialist' spread page 1 across nephrologists, dermatologists and
    rheumatologists; the specialist asked for now comes first: everyone whose main
    specialty it is, as many as a search for the specialty alone lists first."""
    found = _primaries(client, q, location)
    alone = _primaries(client, specialist.lower(), location)
    assert _lead(found, specialist) == min(_lead(alone, specialist), len(found)) > 0


def test_saying_primary_care_has_tried_puts_the_specialists_first(client):
    """'blood pressure wont come down even on 3 meds' listed family doctors first, as for
    'high blood pressure': the condition map's first answer, and the one that had not worked."""
    primary_care = {"Family medicine doctor", "Internal medicine doctor"}
    usual = _primaries(client, "high blood pressure", "Houston, TX")
    assert usual[0] in primary_care
    tried = _primaries(client, "blood pressure wont come down even on 3 meds", "Houston, TX")
    assert not primary_care & set(tried[:3]), tried


@pytest.mark.parametrize(
    "q",
    [
        "what doctor do i see for hashimotos when my pcp just keeps raising my levothyroxine",
        "hypothyroid, my family doctor keeps changing the dose",
        "PCP referral for hypothyroidism",
    ],
)
def test_primary_care_the_patient_already_has_is_no_ask(client, q):
    """'... hashimotos when my pcp just keeps raising my levothyroxine' listed seven family
    doctors first: their own primary care, read as the doctor asked for, and the condition
    map's first answer besides. Said that way, the patient asks past it."""
    assert _primaries(client, "hypothyroidism", "Atlanta, GA")[0] == "Family medicine doctor"
    found = _primaries(client, q, "Atlanta, GA")
    assert found[0] == "Endocrinologist" and "Family medicine doctor" not in found[:3], found


@pytest.mark.parametrize("where", ["Houston, TX", "Los Angeles, CA"])
def test_a_child_hurting_herself_is_for_mental_health_specialists_not_her_pediatrician(
    client, where
):
    """'my 15 year old daughter is depressed and has been cutting herself' listed seven
    pediatricians among three psychiatrists: the child read as the patient brought hers."""
    found = _primaries(
        client, "my 15 year old daughter is depressed and has been cutting herself", where
    )
    assert found and "Pediatrician" not in found[:5], found


def test_a_board_typed_by_its_name_finds_its_specializations_after_it(client, demo_profiles):
    """'foot doctor boston' missed the podiatrists registered only as foot and ankle
    surgeons; 'ortho' the orthopedic spine surgeons. They come after the board's own."""
    from directory.vocabulary import default_vocabulary

    vocabulary = default_vocabulary()
    boards = {}
    for profile in demo_profiles:
        codes = {s["code"] for s in profile["specialties"]}
        for board in ("207X00000X", "213E00000X", "207N00000X", "207Y00000X"):
            narrower = set(vocabulary.narrower_specialties(board))
            if codes & narrower and board not in codes:
                boards.setdefault(board, profile)
    assert boards, "no demo physician registered only under a board's specialization"
    for board, profile in boards.items():
        where = profile["locations"][0]
        found = client.get(
            "/api/v1/physicians",
            query_string={
                "q": vocabulary.specialties[board].lay_name,
                "location": f"{where['city']}, {where['state']}",
                "per_page": 50,
            },
        ).get_json()
        npis = [hit["npi"] for hit in found["results"]]
        assert profile["npi"] in npis, (board, profile["npi"])
        assert board in {s["code"] for s in found["results"][0]["specialties"]}, board


@pytest.mark.parametrize(
    ("q", "location"),
    [("ovarian cancer doctor", "Los Angeles, CA"), ("liver cancer doctor", "Chicago, IL")],
)
def test_a_specialist_the_need_names_where_none_practises_leaves_the_needs_own_order(
    client, q, location
):
    """'ovarian cancer doctor' names gynecologic oncologists; none near Los Angeles, the
    page had put OB/GYNs (their broader board) ahead of the medical oncologists the
    condition lists next. The condition's own first specialists lead the page."""
    found = _primaries(client, q, location)
    alone = _primaries(client, q.removesuffix(" doctor"), location)
    assert found[:3] == [alone[0]] * 3, (found, alone)
