"""Nobody practises the specialty asked for nearby: the page shows the broader one that
someone does, says so, and keeps the way to the specialty asked for. The list exported or
printed is the list the page shows."""

from __future__ import annotations

import csv
import io
import re
from html import unescape

GASTROENTEROLOGY = "207RG0100X"
PSYCHIATRY = "2084P0800X"
NEPHROLOGY = "207RN0300X"


def _codes(hit: dict) -> set[str]:
    return {s["code"] for s in hit["specialties"]}


def _broadened_notice(body: dict) -> str:
    """The page's first suggestion says it shows a broader specialty, counting the page."""
    notice = body["suggestions"][0]
    assert notice["kind"] == "broadened" and notice["count"] == body["total"]
    return notice["message"]


def test_a_specialty_nobody_practises_nearby_shows_the_broader_one_and_says_so(client):
    body = client.get("/api/v1/physicians", query_string={"q": "hepatologist near hartford ct"})
    body = body.get_json()
    assert body["total"] > 0
    assert all(GASTROENTEROLOGY in _codes(hit) for hit in body["results"])
    message = _broadened_notice(body)
    assert message.startswith("No hepatologists near Hartford, CT")
    assert "gastroenterologists, a broader specialty" in message
    assert [t["id"] for t in body["resolved"]["terms"]] == [GASTROENTEROLOGY]
    # What was read is still what was typed: the notice says what was searched instead.
    assert body["interpretation"]["text"] == "hepatologist near hartford ct"


def test_the_page_says_so_and_keeps_the_way_to_the_specialty_asked_for(client):
    html = client.get("/search?q=sleep+medicine+doctor&location=06106").get_data(as_text=True)
    words = " ".join(unescape(re.sub(r"<[^>]+>", " ", html)).split())
    assert "No sleep medicine doctors within 25 miles of Hartford, CT 06106, so these are" in words
    assert re.search(r"\d+ physicians found within 25 miles", words)
    assert 'value="sleep medicine doctor"' in html  # the box keeps what was typed
    assert "We read your search as: Sleep medicine doctors" in words
    # The sleep physician farther out is one click away: the same words, a wider radius.
    widen = re.search(r'href="([^"]+)" data-suggestion="widen_radius"', html)
    assert widen and "q=sleep+medicine+doctor" in unescape(widen.group(1))
    assert "radius=50" in unescape(widen.group(1))


def test_a_specialty_someone_practises_is_never_broadened(client):
    body = client.get("/api/v1/physicians", query_string={"q": "gastroenterologist near 06106"})
    body = body.get_json()
    assert body["total"] > 0 and "broadened" not in {s["kind"] for s in body["suggestions"]}


def test_nothing_broader_within_reach_leaves_the_ways_forward(client):
    """A place so far from anyone that no broader specialty is inside the radius either."""
    body = client.get(
        "/api/v1/physicians",
        query_string={"q": "hepatologist", "location": "Kodiak, AK", "radius": 5},
    ).get_json()
    assert body["total"] == 0 and body["results"] == []
    assert "broadened" not in {s["kind"] for s in body["suggestions"]}


def test_the_exported_list_is_the_list_the_page_shows(client):
    """A place, a filter or a specialty typed in the box is read for the export as for the
    page: the export used to read the whole box as one term and send an empty file."""
    for typed in (
        "cardiologist near hartford ct",
        "spanish speaking cardiologist hartford",
        "hepatologist near hartford ct",
    ):
        total = client.get("/api/v1/physicians", query_string={"q": typed}).get_json()["total"]
        assert total > 0, typed
        csv_text = client.get("/search.csv", query_string={"q": typed}).get_data(as_text=True)
        rows = list(csv.DictReader(io.StringIO(csv_text.lstrip("\ufeff"))))
        assert len(rows) == total, typed
        page = client.get("/api/v1/physicians", query_string={"q": typed, "per_page": 50})
        assert {r["NPI"] for r in rows} == {h["npi"] for h in page.get_json()["results"]}


def test_a_general_practitioner_is_any_primary_care_doctor(client):
    """People say "general practitioner" or "GP" for their primary care doctor: the NUCC
    'General Practice' code alone found nobody near Hartford."""
    for typed in ("general practitioner hartford", "GP near 06106", "pcp hartford"):
        body = client.get("/api/v1/physicians", query_string={"q": typed}).get_json()
        assert body["total"] > 0, typed
        codes = {"207Q00000X", "207R00000X", "208D00000X"}
        assert all(_codes(hit) & codes for hit in body["results"]), typed
        assert "broadened" not in {s["kind"] for s in body["suggestions"]}, typed


def test_no_midwife_nearby_shows_obstetricians_and_says_midwives(client):
    body = client.get("/api/v1/physicians", query_string={"q": "midwife in boston"}).get_json()
    assert body["total"] > 0 and body["suggestions"][0]["kind"] == "broadened"
    assert body["suggestions"][0]["message"].startswith("No midwives near Boston, MA")
    assert all("207V" in " ".join(_codes(hit)) for hit in body["results"])


def _kinds(body: dict) -> list[str]:
    return [s["kind"] for s in body["suggestions"]]


def test_a_need_nobody_treats_within_reach_shows_the_broader_specialty_for_it(client):
    """Bunions are treated by podiatrists and foot and ankle surgeons; where none is within
    any radius, orthopedic surgeons (their broader specialty) operate on bunions too, and
    'bunion surgery atlanta' found nobody."""
    body = client.get("/api/v1/physicians", query_string={"q": "bunion surgery atlanta"})
    body = body.get_json()
    assert body["total"] > 0
    assert all(any(c.startswith("207X") for c in _codes(hit)) for hit in body["results"])
    message = _broadened_notice(body)
    assert message.startswith("No physicians for bunions near Atlanta, GA")
    assert "orthopedic surgeons, a broader specialty" in message
    # The specialists who do treat bunions stay reachable, farther away.
    assert "remove_location" in _kinds(body)


def test_a_board_that_does_not_do_what_was_asked_is_never_offered_for_it(client):
    """Facial plastic surgeons are ENTs and some plastic surgeons general surgeons, but
    neither an ENT nor a general surgeon is an answer to a rhinoplasty: the plastic surgeon
    farther away is."""
    body = client.get("/api/v1/physicians", query_string={"q": "rhinoplasty near hartford"})
    body = body.get_json()
    assert body["total"] == 0
    assert _kinds(body)[0] == "widen_radius"
    assert "broadened" not in _kinds(body) and "broader_specialty" not in _kinds(body)


def test_a_childs_autism_near_any_city_lists_those_who_see_children_for_it(client):
    """'F84.0 r/o ASD 3yo, dev peds eval' near Los Angeles showed family doctors: the words
    saying the patient is three were replaced by the pediatrician's 'broader' specialty.
    And 'is it autism?' for a 2-year-old near Decatur, GA found nobody: the pediatrician,
    who screens for autism at checkups and refers, was not in the condition's map."""
    from directory.vocabulary import default_vocabulary

    autism = {s.code for s in default_vocabulary().concepts["autism"].specialties}
    assert "208000000X" in autism
    for place in ("los angeles ca", "houston tx", "chicago il", "atlanta ga", "hartford ct"):
        body = api_body(client, f"autism 3yo near {place}")
        assert body["results"], place
        assert not any(_codes(hit) == {"207Q00000X"} for hit in body["results"]), place
        assert all(_codes(hit) & autism for hit in body["results"]), place


def api_body(client, text: str) -> dict:
    return client.get("/api/v1/physicians", query_string={"q": text}).get_json()


def test_a_psychiatric_subspecialty_nobody_practises_nearby_shows_psychiatrists(client):
    """'geri psych referral' near a Boston ZIP found nobody: geriatric psychiatry shares its
    NUCC classification with neurology, so nothing said which broader board to show."""
    body = client.get(
        "/api/v1/physicians", query_string={"q": "geri psych referral near boston"}
    ).get_json()
    assert body["total"] > 0 and body["suggestions"][0]["kind"] == "broadened"
    assert body["suggestions"][0]["message"].startswith("No geriatric psychiatrists near Boston")
    assert all(PSYCHIATRY in _codes(hit) for hit in body["results"])


def test_a_few_of_the_specialty_asked_for_a_little_further_come_before_a_broader_one(client):
    """No nephrologist within 25 miles of Palmdale, CA, a few a little further: the page
    reaches 50 miles, says so, and keeps the broader specialty near one click away (a
    sleep physician 45 miles from Hartford is too far: pulmonologists near, above)."""
    html = client.get("/search?q=nephrologist&location=Palmdale,+CA").get_data(as_text=True)
    words = " ".join(unescape(re.sub(r"<[^>]+>", " ", html)).split())
    assert (
        "No nephrologists within 25 miles of Palmdale, CA, so these are nephrologists within "
        "50 miles" in words
    )
    broader = re.search(r'href="([^"]+)" data-suggestion="broader_specialty"', html)
    assert broader and "location=Palmdale" in unescape(broader.group(1))
    body = client.get(
        "/api/v1/physicians", query_string={"q": "nephrologist", "location": "Palmdale, CA"}
    ).get_json()
    assert body["suggestions"][0]["kind"] == "widened"
    assert len(body["results"]) >= 3
    assert all(NEPHROLOGY in _codes(hit) for hit in body["results"])
    assert all(25 < hit["distance_miles"] <= 50 for hit in body["results"])


def test_a_specialist_typed_beside_a_need_a_little_further_comes_first(client):
    """The same nephrologists, typed beside kidney disease: they come first, before the
    others near who also treat it."""
    body = client.get(
        "/api/v1/physicians",
        query_string={"q": "ckd stage 4 kidney doctor", "location": "Palmdale, CA"},
    ).get_json()
    notice = body["suggestions"][0]
    assert notice["kind"] == "widened"
    assert notice["message"].startswith(
        "No nephrologists within 25 miles of Palmdale, CA, so the search reaches 50 miles"
    )
    assert all(NEPHROLOGY in _codes(hit) for hit in body["results"][:3])
    assert any(NEPHROLOGY not in _codes(hit) for hit in body["results"])  # the others after


def test_a_specialist_typed_beside_a_need_far_away_leaves_the_others_near(client):
    body = client.get(
        "/api/v1/physicians",
        query_string={"q": "sleep apnea sleep medicine doctor", "location": "06106"},
    ).get_json()
    assert body["suggestions"][0]["kind"] == "broadened"
    assert all(hit["distance_miles"] <= 25 for hit in body["results"])


def test_a_little_further_is_the_next_distance_the_form_offers(client):
    """Asked within 10 miles of Naperville, IL, the nearest nephrologists are 14 to 24 miles
    out: the page reaches 25 miles, the next distance in the form, as it reaches 50 from 25.
    The broader specialty had been shown instead, as if 25 were out of reach (two times 10
    was the limit)."""
    body = client.get(
        "/api/v1/physicians",
        query_string={"q": "nephrologist", "location": "Naperville, IL", "radius": 10},
    ).get_json()
    notice = body["suggestions"][0]
    assert notice["kind"] == "widened"
    assert "within 10 miles of Naperville, IL" in notice["message"]
    assert "within 25 miles" in notice["message"]
    assert all(NEPHROLOGY in _codes(hit) for hit in body["results"])
    assert all(10 < hit["distance_miles"] <= 25 for hit in body["results"])


def test_a_teens_sports_doctor_where_no_pediatric_one_practises_is_a_sports_medicine_doctor(
    client,
):
    """'sports medicine doctor for teenage athletes' listed pediatricians: nobody practises
    pediatric sports medicine here, and the pediatrician was its only broader specialty.
    Sports medicine doctors of the other boards see teens, and come first."""
    params = {"q": "sports medicine doctor for teenage athletes", "location": "Chicago, IL"}
    body = client.get("/api/v1/physicians", query_string=params).get_json()
    notice = body["suggestions"][0]
    assert notice["kind"] == "broadened" and notice["label"].startswith("Sports medicine")
    sports = {"207QS0010X", "207RS0010X", "2081S0010X"}
    assert body["results"] and all(
        sports & {s["code"] for s in hit["specialties"]} for hit in body["results"]
    )


def test_a_procedure_rare_specialists_perform_finds_the_surgeons_who_also_do_it(client):
    """'carpal tunnel surgery chicago' found nobody: only hand surgeons were listed for the
    release, and none practises near Chicago; orthopedic surgeons do it too."""
    params = {"q": "carpal tunnel surgery", "location": "Chicago, IL"}
    body = client.get("/api/v1/physicians", query_string=params).get_json()
    assert body["total"] > 0
    assert all(
        {"207X00000X", "207XS0106X"} & {s["code"] for s in hit["specialties"]}
        for hit in body["results"][:5]
    )


def test_a_foot_doctor_where_no_podiatrist_practises_is_an_orthopedic_surgeon(client):
    """ "foot doctor in chicago" found nobody: every podiatrist practises in New England, and
    a podiatrist had no broader specialty. Orthopedic surgeons (foot and ankle surgeons
    first, where any is near) treat feet too, and the page says so."""
    body = client.get("/api/v1/physicians", query_string={"q": "foot doctor in chicago"})
    body = body.get_json()
    assert body["total"] > 0
    assert all(any(c.startswith("207X") for c in _codes(hit)) for hit in body["results"])
    message = _broadened_notice(body)
    assert message.startswith("No podiatrists near Chicago, IL")


def test_where_podiatrists_practise_orthopedic_surgeons_never_come_between_them(client):
    """The orthopedic surgeons a podiatrist's search turns to where none practises are
    another profession, not the broader board right behind it: beside a need they had led
    'diabetic foot doctor callus on my foot wont heal', and filled its list."""
    text = "diabetic foot doctor callus on my foot wont heal"
    first = client.get("/api/v1/physicians", query_string={"q": text}).get_json()
    assert first["total"] > 0
    listed = []
    for page in range(1, (first["total"] - 1) // 50 + 2):  # every physician listed
        params = {"q": text, "per_page": 50, "page": page}
        listed += client.get("/api/v1/physicians", query_string=params).get_json()["results"]
    assert len(listed) == first["total"]
    assert any(c.startswith("213E") for c in _codes(listed[0]))
    assert not any(hit["specialties"][0]["code"].startswith("207X") for hit in listed)


def test_an_insomnia_doctor_is_followed_by_those_who_treat_insomnia(client):
    """ "insomnia doctor" names sleep physicians; behind them had come pulmonologists (their
    broader board), who treat sleep apnea, not sleeplessness."""
    body = client.get("/api/v1/physicians", query_string={"q": "insomnia doctor"}).get_json()
    assert body["results"]
    for hit in body["results"]:  # a pulmonologist only as a sleep physician too
        names = " ".join(s["name"] for s in hit["specialties"]).lower()
        assert "pulmonologist" not in names or "sleep" in names, names


def test_a_body_part_nobody_treats_within_reach_shows_a_broader_specialty_for_it(client):
    """'i have the sugar in blood very high houston' found nobody: the blood's specialists
    (hematologists) practise near Hartford only, and a body part was never broadened."""
    body = api_body(client, "doctor for blood problems houston")
    assert body["total"] > 0
    assert _broadened_notice(body).startswith("No physicians for blood problems near Houston")
    assert all(hit["distance_miles"] <= 25 for hit in body["results"])
