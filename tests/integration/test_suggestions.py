"""A way forward from every search: each offer's count is what following it finds."""

from __future__ import annotations

import html
import re

import pytest

HARTFORD = "06106"


def api(client, **params) -> dict:
    response = client.get("/api/v1/physicians", query_string=params)
    assert response.status_code == 200, response.get_json()
    return response.get_json()


def follow(client, params: dict, suggestion: dict) -> dict:
    """The search a suggestion leads to: its changes applied (None removes a parameter)."""
    changed = dict(params)
    for name, value in suggestion["changes"].items():
        if value is None:
            changed.pop(name, None)
        else:
            changed[name] = value
    return api(client, **changed)


def kinds(body) -> list[str]:
    return [s["kind"] for s in body["suggestions"]]


@pytest.mark.parametrize(
    "params",
    [
        {"q": "spinal cord stimulator", "location": "Hartford, CT", "radius": 1},
        # The place typed in the box: a wider radius keeps it (in the field).
        {"q": "spinal cord stimulator near 06106", "radius": 1},
        {"q": "pain pump", "location": HARTFORD, "radius": 10, "language": "Vietnamese"},
        {"q": "vietnamese speaking pain pump near 06106"},
        {"q": "pediatric neurosurgeon in bozeman montana"},
        {"q": "pediatric cardiologist near 06106"},
        {"q": "cardiologist", "location": "Springfield"},
        {"q": "xqztv glorbnak", "location": HARTFORD},
        {"q": "dermatolojee"},
    ],
)
def test_every_offer_finds_as_many_physicians_as_it_says(client, params):
    body = api(client, **params)
    assert body["suggestions"], body["interpretation"]
    for suggestion in body["suggestions"]:
        assert isinstance(suggestion["label"], str) and suggestion["message"]
        if suggestion["kind"] in ("choose_place", "add_location"):
            continue  # checked below: a place choice may honestly say 0
        assert suggestion["count"] > 0, suggestion
        assert follow(client, params, suggestion)["total"] == suggestion["count"], suggestion


def test_a_zero_result_search_offers_a_wider_radius_that_reaches_the_nearest_match(client):
    params = {"q": "spinal cord stimulator", "location": "Hartford, CT", "radius": 1}
    body = api(client, **params)
    assert body["total"] == 0
    widen = next(s for s in body["suggestions"] if s["kind"] == "widen_radius")
    assert widen["changes"]["radius"] > 1 and "nearest match is" in widen["message"]
    assert follow(client, params, widen)["total"] == widen["count"] > 0


def test_an_ambiguous_place_typed_in_the_box_shows_the_one_with_physicians(client):
    """Only Springfield, MA has cardiologists in the directory: the page shows them and
    says so, and keeps every other Springfield one click away (each link searches there)."""
    params = {"q": "cardiologist springfield"}
    body = api(client, **params)
    notice = body["suggestions"][0]
    assert notice["kind"] == "reread" and notice["label"] == "Springfield, MA"
    assert "the only Springfield with physicians" in notice["message"]
    assert body["total"] > 0 and all(h["distance_miles"] <= 25 for h in body["results"])
    places = [s for s in body["suggestions"] if s["kind"] == "choose_place"]
    labels = [s["label"] for s in places]
    assert "Springfield, IL" in labels and "Springfield, MA" not in labels
    for place in places[:3]:
        assert place["changes"] == {"q": "cardiologist", "location": place["label"]}
        assert follow(client, params, place)["total"] == place["count"] == 0


# Town names several US places share, near and far from the demo's metros.
SHARED_TOWNS = ["brookline", "glendale", "cambridge", "franklin", "newton", "salem",
                "arlington", "burlington", "lexington", "milton", "auburn", "manchester",
                "bristol", "quincy", "pasadena", "hammond", "marietta", "bedford"]  # fmt: skip


def test_a_place_several_namesakes_with_physicians_share_shows_the_one_with_the_most(client):
    """'chiropractor near brookline' listed chiropractors of every state because Brookline,
    MA and Brookline, NH both have some: the one with the most is shown and said, and each
    other is one click away with its count."""
    checked = 0
    for town in SHARED_TOWNS:
        params = {"q": f"family doctor near {town}"}
        body = api(client, **params)
        others = [s for s in body["suggestions"] if s["kind"] == "choose_place"]
        if not body["suggestions"] or not any(s["count"] for s in others):
            continue  # one namesake or none has family doctors: covered above
        notice = body["suggestions"][0]
        assert notice["kind"] == "reread", (town, body["suggestions"])
        assert "with the most physicians for this search" in notice["message"]
        assert body["total"] == notice["count"] > max(s["count"] for s in others), town
        assert body["resolved"]["location"]["label"] == notice["label"]
        assert all(h["distance_miles"] <= 25 for h in body["results"]), town
        for place in others[:2]:
            assert follow(client, params, place)["total"] == place["count"], town
        checked += 1
    assert checked, "no shared town with physicians near two of its namesakes"


def test_an_ambiguous_place_in_the_location_field_asks_too(client):
    """The biggest Springfield (IL) has no cardiologist here: the page shows the one that
    has, says so, and offers the others."""
    body = api(client, q="cardiologist", location="Springfield")
    assert body["total"] > 0 and body["resolved"]["location"]["label"] == "Springfield, MA"
    assert body["suggestions"][0]["kind"] == "reread"
    places = {s["label"]: s["count"] for s in body["suggestions"] if s["kind"] == "choose_place"}
    assert "Springfield, IL" in places and "Springfield, MA" not in places
    assert "choose_place" not in kinds(api(client, q="cardiologist", location="Springfield, MA"))


def test_a_page_of_a_few_offers_the_radius_that_reaches_more(client, demo_profiles):
    """'gastro doc akron ohio' listed one gastroenterologist, with four more a little
    further and nothing said: a page of fewer than five offers the first wider radius
    that reaches more, with how many more."""
    towns = sorted({(p["locations"][0]["city"], p["locations"][0]["state"]) for p in demo_profiles})
    checked = 0
    for city, state in towns[::7]:
        params = {"q": "cardiologist", "location": f"{city}, {state}", "radius": 5}
        body = api(client, **params)
        if not 0 < body["total"] < 5 or {"broadened", "reread"} & set(kinds(body)):
            continue  # not a few cardiologists: nobody, or others shown instead
        widen = [s for s in body["suggestions"] if s["kind"] == "widen_radius"]
        if not widen:  # nobody more within the widest radius
            assert follow(client, params, {"changes": {"radius": 250}})["total"] == body["total"]
            continue
        more = widen[0]["count"] - body["total"]
        assert more > 0 and f"{more} more" in widen[0]["message"], widen[0]
        assert follow(client, params, widen[0])["total"] == widen[0]["count"]
        checked += 1
        if checked == 3:
            break
    assert checked, "no town with a few cardiologists within 5 miles"


def test_a_page_of_a_few_subspecialists_offers_their_broader_specialty(client, demo_profiles):
    """'hand surgery' near Hartford listed the one hand surgeon, with orthopedic surgeons
    around and no way to them but retyping: a page of fewer than five offers the broader
    specialty, with how many it finds, on the page as in the API."""
    towns = sorted({(p["locations"][0]["city"], p["locations"][0]["state"]) for p in demo_profiles})
    checked = 0
    for city, state in towns[::5]:
        params = {"q": "spine surgeon", "location": f"{city}, {state}", "radius": 10}
        body = api(client, **params)
        if not 0 < body["total"] < 5 or {"broadened", "reread"} & set(kinds(body)):
            continue
        broader = [s for s in body["suggestions"] if s["kind"] == "broader_specialty"]
        assert broader, (city, body["suggestions"])
        assert {s["label"] for s in broader} == {"Orthopedic surgeon"}
        for offer in broader:
            assert follow(client, params, offer)["total"] == offer["count"] > 0
        html = client.get("/search", query_string=params).get_data(as_text=True)
        assert 'data-suggestion="broader_specialty"' in html
        checked += 1
        if checked == 2:
            break
    assert checked, "no town with a few spine surgeons within 10 miles"


def test_a_condition_without_a_location_asks_for_one(client):
    body = api(client, q="sciatica")
    ask = [s for s in body["suggestions"] if s["kind"] == "add_location"]
    assert ask and ask[0]["count"] == body["total"] > 0 and ask[0]["changes"] == {}
    assert "add_location" not in kinds(api(client, q="sciatica", location=HARTFORD))
    assert "add_location" not in kinds(api(client, q="dr whitford"))
    # At a hospital, the hospital says where ("cardiologist at hartford hospital").
    at_a_hospital = api(client, q="cardiologist at hartford hospital")
    assert at_a_hospital["total"] and "add_location" not in kinds(at_a_hospital)
    # So does one word of its name, left unread ("cardiologist grady": Grady Memorial).
    one_word = api(client, q="cardiologist grady")
    assert [w["text"] for w in one_word["interpretation"]["unplaced"]] == ["grady"]
    assert one_word["total"] and "add_location" not in kinds(one_word)


def test_words_nobody_understood_get_the_closest_concepts_with_counts(client):
    params = {"q": "dermatolojee", "location": HARTFORD, "radius": 5}
    body = api(client, **params)
    assert body["total"] == 0
    closest = next(s for s in body["suggestions"] if s["kind"] == "closest_concept")
    assert closest["label"] == "Dermatologist" and closest["changes"] == {"q": "Dermatologist"}
    assert body["resolved"]["did_you_mean"][0] == "Dermatologist"
    found = follow(client, params, closest)
    assert found["total"] == closest["count"] > 0
    assert found["results"][0]["specialties"][0]["name"].startswith("Dermatolog")


@pytest.mark.parametrize("text", ["pediatric cardiologist", "kids heart doctor"])
def test_a_specialty_nobody_here_practises_shows_the_broader_one_and_offers_the_next(client, text):
    params = {"q": f"{text} near 06106"}
    body = api(client, **params)
    # Seeing pediatricians beats seeing nobody: the page shows them and says so.
    shown = body["suggestions"][0]
    assert shown["kind"] == "broadened" and shown["label"] == "Pediatrician"
    assert body["total"] == shown["count"] > 0
    assert all("Pediatrician" in {s["name"] for s in hit["specialties"]} for hit in body["results"])
    # The next broader specialty stays one click away, near the same place.
    broader = [s for s in body["suggestions"] if s["kind"] == "broader_specialty"]
    assert [s["label"] for s in broader] == ["Cardiologist"]
    found = follow(client, params, broader[0])
    assert found["total"] == broader[0]["count"] > 0
    assert found["interpretation"]["location"]["label"].endswith("06106")
    assert "Cardiologist" in {s["name"] for s in found["results"][0]["specialties"]}


def test_a_typed_filter_is_dropped_with_its_words(client):
    params = {"q": "vietnamese speaking pain pump near 06106"}
    body = api(client, **params)
    assert body["total"] == 0
    drop = next(s for s in body["suggestions"] if s["kind"] == "drop_filter")
    assert "vietnamese" not in (drop["changes"]["q"] or "").lower()
    assert follow(client, params, drop)["total"] == drop["count"] > 0


def test_all_counts_cost_one_msearch(search_app):
    es = search_app.extensions["elasticsearch"]
    sent: list[str] = []
    perform = es.transport.perform_request

    def counting(method, url, *args, **kwargs):
        sent.append(url)
        return perform(method, url, *args, **kwargs)

    es.transport.perform_request = counting
    try:
        body = api(
            search_app.test_client(), q="spinal cord stimulator", location=HARTFORD, radius=1
        )
    finally:
        es.transport.perform_request = perform
    assert len(body["suggestions"]) >= 2
    assert [url.rsplit("/", 1)[-1] for url in sent] == ["_search", "_msearch"]


def test_the_page_asks_which_place_and_where_to_look(client):
    page = client.get("/search?q=cardiologist+springfield").get_data(as_text=True)
    assert "Showing Springfield, MA, the only Springfield with physicians" in page
    assert "Which Springfield did you mean?" in page  # the others stay one click away
    assert re.search(r"Springfield, IL</a> <span class=\"count\">\(0 physicians\)", page)
    asked = client.get("/search?q=sciatica").get_data(as_text=True)
    assert "Where should we look?" in asked
    form = re.search(r"<form[^>]*data-ask-location.*?</form>", asked, re.S).group(0)
    assert 'name="location"' in form and 'name="q" value="sciatica"' in form
    assert 'data-use-location="ask-location" hidden' in form  # JavaScript shows it


def test_a_zero_result_page_links_each_way_forward_with_its_count(client):
    response = client.get(f"/search?q=spinal+cord+stimulator&location={HARTFORD}&radius=1")
    page = response.get_data(as_text=True)
    links = re.findall(r'<a href="([^"]+)" data-suggestion="widen_radius">', page)
    assert links, page
    followed = client.get(html.unescape(links[0])).get_data(as_text=True)
    assert "No physicians found" not in followed and "physicians found" in followed


def test_a_word_with_two_common_readings_offers_the_other_one(client):
    """ "therapist" is read as mental health; someone after physical therapy is one link away,
    and the link finds as many as it says."""
    params = {"q": "therapist", "location": HARTFORD}
    body = api(client, **params)
    (other,) = [s for s in body["suggestions"] if s["kind"] == "other_reading"]
    assert other["label"] == "Physical therapist" and other["count"] > 0
    followed = follow(client, params, other)
    assert followed["total"] == other["count"]
    first = followed["results"][0]["specialties"]
    assert [s["code"] for s in first if s["primary"]] == ["225100000X"]
    page = client.get(f"/search?q=therapist&location={HARTFORD}").get_data(as_text=True)
    assert re.search(
        r'data-suggestion="other_reading">Did you mean physical therapist\?</a> '
        r'<span class="count">\(\d[\d,]* physicians?\)',
        page,
    )


def test_a_childs_specialist_finds_the_pediatric_subspecialty_and_the_allergists(client):
    """Allergists see children too: beside the few pediatric allergists they are the
    child's answer (one pediatric allergist had been the whole page), and nobody else is."""
    body = api(client, q="kids allergist", per_page=50)
    (part,) = [p for p in body["interpretation"]["parts"] if p["kind"] == "specialty"]
    assert (part["label"], part["text"]) == ("Pediatric allergist", "kids allergist")
    names = [{s["name"] for s in hit["specialties"]} for hit in body["results"]]
    allergy = {"Pediatric allergist", "Allergist and immunologist", "Allergy Physician"}
    assert all(n & allergy for n in names), names
    kids = [n for n in names if "Pediatric allergist" in n]
    assert 0 < len(kids) < len(names)


def test_a_title_before_a_city_no_endocrinologist_here_is_named_shows_the_place(client):
    # "endo dr houston": no endocrinologist is named Houston, so the page shows the
    # endocrinologists near Houston, TX and says so (a Dr. Houston would have come first).
    body = api(client, q="endo dr houston")
    notice = body["suggestions"][0]
    assert notice["kind"] == "reread" and "Houston, TX" in notice["message"]
    assert body["total"] == notice["count"] > 0
    assert body["results"][0]["specialties"][0]["name"] == "Endocrinologist"
    assert all(hit["distance_miles"] is not None for hit in body["results"])


def test_a_reading_the_rest_of_the_text_rules_out_is_not_offered(client):
    body = api(client, q="therapy for my back pain", location=HARTFORD)
    assert "other_reading" not in kinds(body)


@pytest.mark.parametrize(
    ("params", "language"),
    [
        ({"q": "docteur qui parle espanol a hartford"}, "Spanish"),  # a town typed too
        ({"q": "doctor who speaks vietnamese in zzyzxville"}, "Vietnamese"),  # no place read
    ],
)
def test_a_language_among_unread_words_shows_who_speaks_it_and_says_so(client, params, language):
    body = api(client, **params)
    # The unread words were searched as a name nobody has; what was read still says who.
    notice = body["suggestions"][0]
    assert notice["kind"] == "reread" and notice["message"].startswith("Nothing matched")
    assert f"{language}-speaking" in notice["message"]
    assert body["total"] == notice["count"] > 0
    assert all(language in hit["languages"] for hit in body["results"])


def test_words_nobody_understood_beside_only_a_place_show_nobody(client):
    # A place alone says nothing of who is wanted: the page offers every physician there
    # rather than showing them as if that were the answer.
    body = api(client, q="asdf qwerty", location=HARTFORD)
    assert body["total"] == 0
    assert "drop_text" in kinds(body)


@pytest.mark.parametrize(
    "q", ["dr for my thingamajig, its been weird", "mi abuela tiene algo raro"]
)
def test_someone_asking_for_care_in_words_nobody_read_sees_primary_care(client, q):
    """'dr for my sugar, its been over 300' found nobody and offered every physician: a
    person asking for care is shown primary care doctors near them, and told why."""
    body = api(client, q=q, location=HARTFORD)
    notice = body["suggestions"][0]
    assert notice["kind"] == "reread" and notice["message"].startswith("Nothing matched")
    assert "primary care doctors" in notice["message"]
    assert body["total"] == notice["count"] > 0
    primary_care = {"207Q00000X", "207R00000X", "208D00000X"}
    assert all({s["code"] for s in hit["specialties"]} & primary_care for hit in body["results"])


def test_a_place_typed_beside_another_in_the_box_is_named_and_one_click_away(client):
    """ "sciatica near boston" with Houston, TX in the location box: the box wins, and the
    page says so, with Boston one click away (it searched Houston and said nothing)."""
    params = {"q": "sciatica near boston", "location": "Houston, TX"}
    body = api(client, **params)
    assert body["resolved"]["location"]["label"] == "Houston, TX"
    [said] = [s for s in body["suggestions"] if s["kind"] == "place_in_text"]
    assert said["message"] == "Searching near Houston, TX: you also wrote “near boston”"
    assert said["label"] == "Boston, MA"
    instead = follow(client, params, said)
    assert instead["resolved"]["location"]["label"] == "Boston, MA"
    assert instead["total"] == said["count"] > 0
    assert [t["id"] for t in instead["resolved"]["terms"]] == ["sciatica"]

    page = client.get("/search", query_string=params).get_data(as_text=True)
    assert "Searching near Houston, TX: you also wrote “near boston”" in page
    link = re.search(r'<a href="([^"]+)" data-suggestion="place_in_text">', page).group(1)
    followed = client.get(html.unescape(link)).get_data(as_text=True)
    assert "within 25 miles of Boston, MA" in followed and "you also wrote" not in followed


@pytest.mark.parametrize(
    "params",
    [
        {"q": "knee pain hartford", "location": HARTFORD},  # the box's own town
        {"q": "knee pain near 06105", "location": "Hartford, CT"},  # a ZIP next door
        {"q": "knee pain in texas", "location": "Houston, TX"},  # the state around it
        {"q": "knee pain near houston", "location": "Texas"},  # a city in the state
        {"q": "knee pain near me", "location": HARTFORD},  # "me" is where the box says
    ],
)
def test_a_place_typed_that_the_search_takes_in_needs_no_word(client, params):
    assert "place_in_text" not in kinds(api(client, **params))


def test_a_place_name_several_share_typed_beside_the_box_goes_to_the_box_to_choose(client):
    body = api(client, q="cardiologist springfield", location="Houston, TX")
    [said] = [s for s in body["suggestions"] if s["kind"] == "place_in_text"]
    assert said["changes"] == {"q": "cardiologist", "location": "Springfield"}
    assert body["resolved"]["location"]["label"] == "Houston, TX"


@pytest.mark.parametrize(
    ("typed", "label"), [("NYC", "New York, NY"), ("philly", "Philadelphia, PA")]
)
def test_a_citys_nickname_in_the_location_box_is_the_city(client, typed, label):
    """'NYC' in the location box offered 'Nyack, NY or Nye, MT'; the search box knew it."""
    body = api(client, q="cardiologist", location=typed)
    assert body["resolved"]["location"]["label"] == label


@pytest.mark.parametrize(
    ("typed", "label"),
    [
        ("The Woodlands", "The Woodlands, TX"),
        ("Cleveland Heights", "Cleveland Heights, OH"),
        ("East Los Angeles", "East Los Angeles, CA"),
        ("Pilsen, Chicago", "Chicago, IL"),
        ("the Heights, Houston", "Houston, TX"),
        ("Back Bay, Boston", "Boston, MA"),
        ("koreatown los angeles", "Los Angeles, CA"),  # read as the search box reads it
        ("Koreatown Los Angeles", "Los Angeles, CA"),  # capitals: a place, not a name
        ("Buckhead", "Atlanta, GA"),  # not Buckhead, GA, a hamlet with nobody near
        ("Silver Lake", "Los Angeles, CA"),  # not Silver Lake, NH
        ("east la", "East Los Angeles, CA"),
        ("South End Boston", "Boston, MA"),  # a neighbourhood we don't know, then its city
    ],
)
def test_a_suburb_or_neighbourhood_in_the_location_box_is_found(client, typed, label):
    """'The Woodlands', 'Pilsen, Chicago' and 'Cleveland Heights' were a form error: USPS
    files such towns under another city's name, and a neighbourhood before its city's
    name was read as a town of that city's state. 'Buckhead' found nobody: the box took
    the hamlet of that name, the search box Atlanta's neighbourhood."""
    body = api(client, q="cardiologist", location=typed)
    assert body["resolved"]["location"]["label"] == label


def test_a_states_code_that_is_a_citys_nickname_shows_the_city_where_the_state_has_nobody(
    client,
):
    """'kaiser obgyn' and 'cataract eval 82yo medicare' near 'LA' found nobody, with no
    offer at all: the box read Louisiana, where the directory has no physicians, while the
    search box reads 'in LA' as Los Angeles."""
    body = api(client, q="cardiologist", location="LA")
    assert body["total"] > 0
    assert body["resolved"]["location"]["label"] == "Los Angeles, CA"
    notice = body["suggestions"][0]
    assert notice["kind"] == "reread" and "Louisiana has no physicians" in notice["message"]
    back = [s for s in body["suggestions"] if s["kind"] == "choose_place"]
    assert [s["label"] for s in back] == ["Louisiana"]  # one click back to the state


def test_a_town_in_the_box_several_places_share_is_the_one_with_physicians(client):
    """'my mom is 82 keeps falling' near 'Park Ridge' found nobody: the box took Park
    Ridge, NJ, and only offered Park Ridge, IL, where 297 physicians treat falls."""
    body = api(client, q="neurologist", location="Park Ridge")
    assert body["total"] > 0
    assert body["resolved"]["location"]["label"] == "Park Ridge, IL"
    notice = body["suggestions"][0]
    assert notice["kind"] == "reread" and "Park Ridge, IL" in notice["message"]


@pytest.mark.parametrize(
    "typed",
    ["Paris, France", "Paris France", "Fakeville, LA", "Fakeville LA", "Mary", "cardiology"],
)
def test_a_place_we_do_not_know_is_still_a_form_error(client, typed):
    response = client.get(
        "/api/v1/physicians", query_string={"q": "cardiologist", "location": typed}
    )
    assert response.status_code == 400
    assert "couldn't find" in response.get_json()["detail"]


def test_a_referring_offices_number_beside_the_need_shows_who_treats_the_need(client):
    """A faxed referral's header carries the sender's number: the lookup by it found nobody,
    and the page fell back to every physician taking the plan, of any specialty."""
    q = (
        "FAX From Sunrise Family Med ph (713) 555-0142 RE: MRN 00482913. "
        "Referral: Cardiology. Dx R07.9 chest pain. Ins UHC"
    )
    body = api(client, q=q, location=HARTFORD)
    notice = body["suggestions"][0]
    assert notice["kind"] == "reread"
    assert "No physician in the directory has the phone 713-555-0142" in notice["message"]
    assert body["total"] == notice["count"] > 0
    assert body["results"][0]["specialties"][0]["name"] == "Cardiologist"


@pytest.mark.parametrize(
    ("text", "city", "typed"),
    [
        ("cardioligist in huston", "Houston, TX", "Huston, ID"),
        ("knee pain huston", "Houston, TX", "Huston, ID"),
        ("dermatologist in harford", "Hartford, CT", "Harford"),
    ],
)
def test_a_hamlet_one_slip_from_a_big_city_shows_the_city(client, text, city, typed):
    """'cardioligist in huston' found nobody: Huston, ID (one ZIP) is a real name, so the
    slip of Houston was read as that hamlet, with only 'search without a location' offered.
    Where nobody near the hamlet fits, the big city it is one slip from is shown, and said."""
    body = api(client, q=text)
    assert body["total"] > 0
    assert body["resolved"]["location"]["label"] == city
    notice = body["suggestions"][0]
    assert notice["kind"] == "reread" and f"{typed} has no physicians" in notice["message"]
    assert all(h["distance_miles"] <= 25 for h in body["results"])


def test_a_surname_one_slip_from_a_big_city_stays_the_name(client):
    """'huston' alone found the physicians named Houston; it is no slip of the city."""
    for text in ("huston", "dr huston"):
        body = api(client, q=text)
        assert "Houston" in body["results"][0]["name"]
        assert body["resolved"]["location"] is None and not body["suggestions"]


def test_a_surname_nobody_here_has_is_not_offered_the_need_its_title_spells(client):
    """ "dr" reads like "dry", "drug" or "drop": a name nobody has is said so, with no
    "Dry Socket" or "Gastroenterologist" to follow; a misspelled need stays offered."""
    body = api(client, q="dr sockol")
    assert body["total"] == 0 and "closest_concept" not in kinds(body), body["suggestions"]
    body = api(client, q="dr socket")
    offered = [s for s in body["suggestions"] if s["kind"] == "closest_concept"]
    assert [s["label"] for s in offered][:1] == ["Dry Socket (Pain After Tooth Extraction)"]
    assert offered[0]["count"] > 0
