"""Search behaviour on the real node, through the JSON API, as a client would see it."""

from __future__ import annotations

import pytest
from conftest import make_app
from geopy.distance import geodesic

from directory.geography import zip_point
from directory.vocabulary import default_vocabulary

HARTFORD = "06106"
REAL_SOUCIER = "1255334207"  # a real Hartford cardiologist in the NPPES sample


def search(client, **params):
    response = client.get("/api/v1/physicians", query_string=params)
    assert response.status_code == 200, response.get_json()
    return response.get_json()


def resolved(body) -> list[tuple[str, str]]:
    return [(t["id"], t["match"]) for t in body["resolved"]["terms"]]


@pytest.mark.parametrize(
    "text",
    [
        "failed back syndrome",
        "Failed Back Surgery Syndrome",
        "post laminectomy syndrome",
        "post-laminectomy syndrome",
        "pain after back surgery",
        "FBSS",
        "M96.1",
        "m961",
    ],
)
def test_failed_back_family_resolves_exactly(client, text):
    body = search(client, q=text, location=HARTFORD)
    assert [t[0] for t in resolved(body)] == ["failed-back-surgery-syndrome"]
    assert resolved(body)[0][1] in ("exact", "code")
    assert body["total"] > 0


def test_specific_code_resolves_to_its_condition(client):
    body = search(client, q="M54.16")
    assert resolved(body) == [("lumbar-radiculopathy", "code")]


@pytest.mark.parametrize(
    "typo, meant",
    [("sciatca", "sciatica"), ("spinal stenossis", None), ("fibromyalgai", "fibromyalgia")],
)
def test_misspellings_resolve_fuzzily(client, typo, meant):
    body = search(client, q=typo)
    terms = resolved(body)
    assert terms, f"{typo!r} understood as nothing"
    assert all(how in ("fuzzy", "words") for _, how in terms)
    if meant:
        assert meant in [t for t, _ in terms]
    assert body["total"] > 0


def test_fuzzy_never_outranks_an_exact_match(client):
    # "sciatica" is exact; fuzzy neighbours must not be mixed into what it means.
    body = search(client, q="sciatica")
    assert resolved(body) == [("sciatica", "exact")]


def test_claimed_conditions_rank_above_specialty_implied_ones(client):
    body = search(client, q="failed back syndrome", location=HARTFORD, radius=50, per_page=50)
    vias = [
        next(m["via"] for m in hit["matched"] if m["kind"] == "condition")
        for hit in body["results"]
    ]
    assert vias[0] == "profile"
    assert "specialty" in vias, "specialty-implied matches should follow the claims"
    assert vias.index("specialty") > max(i for i, v in enumerate(vias[:10]) if v == "profile") - 10


def test_every_hit_says_why(client):
    body = search(client, q="spinal cord stimulator", location="Los Angeles, CA")
    assert body["results"]
    for hit in body["results"]:
        assert any(
            m["id"] == "spinal-cord-stimulation" and m["kind"] == "procedure"
            for m in hit["matched"]
        ), hit


@pytest.mark.parametrize("text", ["Dr. Soucier", "richard soucier", "soucier md", "SOUCIER"])
def test_names_find_the_physician(client, text):
    body = search(client, q=text)
    assert REAL_SOUCIER in [hit["npi"] for hit in body["results"][:3]]
    assert any(m["kind"] == "name" for m in body["results"][0]["matched"])


def test_distance_filter_and_sort_agree_with_geopy(client):
    origin = zip_point(HARTFORD)
    body = search(client, q="sciatica", location=HARTFORD, radius=15, sort="distance", per_page=50)
    assert body["total"] > 3
    distances = [hit["distance_miles"] for hit in body["results"]]
    assert distances == sorted(distances)
    for hit in body["results"]:
        profile = client.get(f"/api/v1/physicians/{hit['npi']}").get_json()
        nearest = min(
            geodesic(origin, (loc["lat"], loc["lon"])).miles for loc in profile["locations"]
        )
        assert hit["distance_miles"] == pytest.approx(nearest, abs=0.1)
        assert nearest <= 15.1


def test_radius_misses_nobody(client, es, search_alias):
    origin = zip_point(HARTFORD)
    everyone = es.search(
        index=search_alias, size=10000, query={"match_all": {}}, _source=["location_points"]
    )["hits"]["hits"]
    within = [
        h
        for h in everyone
        if min(
            geodesic(origin, (p["lat"], p["lon"])).miles for p in h["_source"]["location_points"]
        )
        <= 9.95
    ]
    body = search(client, location=HARTFORD, radius=10, per_page=1)
    # ES measures on a sphere, geopy on the ellipsoid: allow the hair's breadth at the edge.
    assert len(within) <= body["total"] <= len(within) + 3


@pytest.mark.parametrize(
    "params",
    [
        {"q": "psychiatrist illinois"},
        {"q": "psychiatrist", "location": "Illinois"},
        {"q": "psychiatrist", "location": "IL"},
    ],  # fmt: skip
)
def test_a_state_is_searched_as_the_whole_state(client, es, search_alias, params):
    """'psychiatry telehealth accepting new patients Illinois' found nobody: the state was a
    25-mile circle round its middle, where nobody practises. Every physician with a
    practice in the state is in, nobody outside it, and no distance is claimed."""
    everyone = es.search(
        index=search_alias, size=10000, query={"term": {"specialty_codes": "2084P0800X"}},
        _source=["locations"],
    )["hits"]["hits"]  # fmt: skip
    in_state = {
        h["_id"] for h in everyone if any(loc["state"] == "IL" for loc in h["_source"]["locations"])
    }
    assert in_state, "no psychiatrist in Illinois in the test data"
    body = search(client, **params, per_page=50)
    assert body["resolved"]["location"]["state"] == "IL"
    assert len(in_state) <= 50 and in_state <= {hit["npi"] for hit in body["results"]}
    for hit in body["results"]:
        assert hit["distance_miles"] is None
        profile = client.get(f"/api/v1/physicians/{hit['npi']}").get_json()
        assert "IL" in {loc["state"] for loc in profile["locations"]}, hit["name"]
    page = client.get("/search", query_string=params).get_data(as_text=True)
    assert "in Illinois" in page and "miles of Illinois" not in page


@pytest.mark.parametrize(
    "params", [{"q": "cardiologist cook county"}, {"q": "cardiologist", "location": "Cook County"}]
)
def test_a_county_is_searched_round_its_middle(client, params):
    """'Spine surgeon for sciatica, Orange County' listed spine surgeons of every state."""
    body = search(client, **params, per_page=50)
    assert body["resolved"]["location"]["label"] == "Cook County, IL"
    assert body["total"] > 0 and all(h["distance_miles"] <= 25 for h in body["results"])


@pytest.mark.parametrize("text", ["cardiologist cpt 93000 houston", "cardiologist 99204 katy"])
def test_a_procedure_code_beside_a_town_is_no_zip(client, text):
    """'GI cpt 45378 humana houston' searched near Verona, OH (ZIP 45378) and found nobody."""
    body = search(client, q=text)
    assert body["resolved"]["location"]["label"].endswith(", TX"), body["resolved"]
    assert body["total"] > 0 and all(h["distance_miles"] <= 25 for h in body["results"])


@pytest.mark.parametrize(
    ("text", "location"),
    [("infertility", "Chicago, IL"), ("sciatica", HARTFORD), ("back pain", "Houston, TX")],
)
def test_the_order_of_results_does_not_change_with_the_page_size(client, text, location):
    """The first page is spread across specialties from a window; it was two pages wide, so
    the API's 50 a page showed an endocrinologist third for "trying to get pregnant" near
    Chicago where the 20 a page showed obstetricians. One window for every page size."""

    def npis(per_page, page=1):
        found = search(client, q=text, location=location, per_page=per_page, page=page)
        return [hit["npi"] for hit in found["results"]]

    fifty = npis(50)
    assert len(fifty) == 50
    assert npis(10) + npis(10, 2) + npis(10, 3) + npis(10, 4) + npis(10, 5) == fifty
    assert npis(20) + npis(20, 2) == fifty[:40]
    assert npis(30, 2)[:10] == fifty[30:40]


def test_near_beats_far_for_an_equal_match(client):
    body = search(client, q="knee replacement", location=HARTFORD, radius=100, per_page=50)
    by_score = [
        (hit["distance_miles"], tuple(m["via"] for m in hit["matched"])) for hit in body["results"]
    ]
    equal = [d for d, via in by_score if via == by_score[0][1]]
    assert equal == sorted(equal)


def test_facets_keep_other_values_when_one_is_selected(client):
    base = search(client, q="back pain", location=HARTFORD, radius=50)
    languages = {v["value"]: v["count"] for v in base["facets"]["language"]["values"]}
    assert "Spanish" in languages and len(languages) > 2
    spanish = search(client, q="back pain", location=HARTFORD, radius=50, language="Spanish")
    assert spanish["total"] == languages["Spanish"]
    after = {v["value"]: v["count"] for v in spanish["facets"]["language"]["values"]}
    assert after == languages  # the selected facet still offers every language
    assert (
        next(v for v in spanish["facets"]["language"]["values"] if v["value"] == "Spanish")[
            "selected"
        ]
        is True
    )
    accepting = {
        v["value"]: v["count"] for v in spanish["facets"]["accepting_new_patients"]["values"]
    }
    both = search(
        client,
        q="back pain",
        location=HARTFORD,
        radius=50,
        language="Spanish",
        accepting_new_patients="true",
    )
    assert both["total"] == accepting["true"]
    # A yes filter offers its yes only: 'accepting_new_patients=false' filters nothing, so a
    # facet value "false" with a count was a promise the API did not keep.
    assert set(accepting) == {"true"}


def test_no_results_suggest_a_radius_that_works(client):
    body = search(client, q="spinal cord stimulator", location="Hartford, CT", radius=1)
    if body["total"]:
        pytest.fail("expected nothing within a mile; pick a rarer query")
    widen = [s for s in body["suggestions"] if s["kind"] == "widen_radius"]
    assert widen, body["suggestions"]
    wider = search(
        client,
        q="spinal cord stimulator",
        location="Hartford, CT",
        radius=widen[0]["changes"]["radius"],
    )
    assert wider["total"] > 0


def test_no_results_suggest_dropping_a_filter(client):
    body = search(client, q="pain pump", location=HARTFORD, radius=10, language="Vietnamese")
    assert body["total"] == 0
    drop = [s for s in body["suggestions"] if s["kind"] == "drop_filter"]
    assert drop and drop[0]["changes"] == {"language": None}
    assert search(client, q="pain pump", location=HARTFORD, radius=10)["total"] == drop[0]["count"]


def test_unknown_words_get_a_did_you_mean(client):
    body = search(client, q="sciaticaaaa pains xq")
    assert body["total"] == 0 or body["resolved"]["terms"]
    if body["total"] == 0:
        assert body["resolved"]["did_you_mean"]


def test_autocomplete_offers_conditions_specialties_and_names(client):
    def labels(text):
        response = client.get("/api/v1/suggest", query_string={"q": text})
        assert response.status_code == 200
        return [(s["kind"], s["label"]) for s in response.get_json()["suggestions"]]

    assert any(kind == "condition" and "Herniated" in label for kind, label in labels("herniat"))
    assert any(kind == "specialty" for kind, _ in labels("spine surg"))
    assert ("physician", "Richard Soucier") in labels("souc")


@pytest.mark.parametrize("typed", ["M96", "m96", "M96.", "M96.1", "m961"])
def test_autocomplete_offers_the_conditions_a_code_prefix_starts(client, typed):
    """A coordinator types the code off the referral: M96.1 is failed back surgery syndrome,
    and its category M96 (complications after spine surgery) offers it too."""
    body = client.get("/api/v1/suggest", query_string={"q": typed}).get_json()
    offered = [(s["kind"], s["id"]) for s in body["suggestions"]]
    assert ("condition", "failed-back-surgery-syndrome") in offered


def test_autocomplete_offers_every_entry_by_the_start_of_its_code(client):
    """Every code of the vocabulary, typed to its category and one character further, offers
    its entry, when that prefix names no more entries than the list shows."""
    from directory.text import compact_icd10

    vocabulary = default_vocabulary()
    codes = {}
    for concept in vocabulary.concepts.values():
        for code in filter(None, map(compact_icd10, concept.icd10)):  # ICD-10-CM's shape
            codes.setdefault(code, set()).add(concept.id)
    prefixes = {code[:n] for code in codes for n in (3, 4) if len(code) >= n}
    missing = []
    for prefix in sorted(prefixes)[::5]:  # a fifth of them, every letter of the alphabet
        meant = {i for code, ids in codes.items() if code.startswith(prefix) for i in ids}
        if len(meant) > 8:
            continue
        body = client.get("/api/v1/suggest", query_string={"q": prefix}).get_json()
        offered = {s["id"] for s in body["suggestions"]}
        if not meant <= offered:
            missing.append((prefix, sorted(meant - offered)))
    assert not missing


def test_conditions_endpoint_explains_a_code(client):
    body = client.get("/api/v1/conditions", query_string={"q": "M96.1"}).get_json()
    fbss = body["results"][0]
    assert fbss["id"] == "failed-back-surgery-syndrome" and "M96.1" in fbss["icd10"]
    assert {"208VP0014X", "207XS0117X"} <= {s["code"] for s in fbss["specialties"]}


@pytest.mark.parametrize(
    "params, field",
    [
        ({"radius": 0}, "radius"),
        ({"radius": 251}, "radius"),
        ({"radius": "ten"}, "radius"),
        ({"page": 10**9}, "page"),
        ({"per_page": 500}, "per_page"),
        ({"sort": "price"}, "sort"),
        ({"sort": "distance"}, "sort"),
        ({"location": "Hartfxxd, CT"}, "location"),
        ({"gender": "x"}, "gender"),
        ({"q": "x" * 501}, "q"),
        ({"colour": "red"}, "colour"),
    ],
)
def test_bad_parameters_get_a_problem_json_400(client, params, field):
    response = client.get("/api/v1/physicians", query_string=params)
    assert response.status_code == 400
    assert response.content_type == "application/problem+json"
    problem = response.get_json()
    assert problem["status"] == 400 and field in problem["errors"]


POLITE_PARAGRAPH = (
    "Good afternoon. I am 74 years old and have had arthritus in both of my knees for about "
    "ten years. My family doctor has given me shots but they do not help anymore and she "
    "says I may need my knees replaced. Could you please help me find a good bone doctor "
    "near Hartford who does knee replacements? Thank you kindly."
)


def test_a_patients_polite_paragraph_is_searched_not_refused(client):
    """Past 200 characters the search was refused (the box cut it short): a whole blind
    probe of older adults' paragraphs found nobody for 83 of 100."""
    assert len(POLITE_PARAGRAPH) > 300
    body = search(client, q=POLITE_PARAGRAPH)
    assert body["total"] > 0
    assert "knee-replacement" in [i for i, _ in resolved(body)]
    page = client.get("/", query_string={"q": POLITE_PARAGRAPH}).get_data(as_text=True)
    assert 'maxlength="500"' in page


def test_unknown_location_suggests_the_right_city(client):
    problem = client.get("/api/v1/physicians", query_string={"location": "Hartfxxd, CT"}).get_json()
    assert "Did you mean Hartford, CT" in problem["errors"]["location"][0]


def test_unknown_npi_is_404_problem(client):
    response = client.get("/api/v1/physicians/1234567893")
    assert response.status_code == 404
    assert response.content_type == "application/problem+json"
    assert client.get("/api/v1/physicians/12ab").status_code == 400


def test_cluster_down_is_503_problem_with_retry_after():
    app = make_app("physicians", ELASTICSEARCH_URL="http://127.0.0.1:9", ELASTICSEARCH_TIMEOUT=1)
    response = app.test_client().get("/api/v1/physicians?q=sciatica")
    assert response.status_code == 503
    assert response.content_type == "application/problem+json"
    assert response.headers["Retry-After"]
