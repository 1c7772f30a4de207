"""Looking physicians up as the front desk does: by NPI, phone or fax, practice or hospital
name, and a name beside a specialty; and shorthand that must not be read as a name."""

from __future__ import annotations

import html
from collections import Counter, defaultdict

import pytest
from conftest import make_app

from directory.accuracy.values import normalise_phone
from directory.vocabulary import default_vocabulary


def api(client, **params) -> dict:
    response = client.get("/api/v1/physicians", query_string=params)
    assert response.status_code == 200
    return response.get_json()


def npis(found: dict) -> list[str]:
    return [hit["npi"] for hit in found["results"]]


@pytest.fixture(scope="module")
def by_phone(demo_profiles) -> dict[str, set[str]]:
    """Every location phone and fax of the demo data → the NPIs listed with it."""
    found: dict[str, set[str]] = defaultdict(set)
    for profile in demo_profiles:
        for location in profile["locations"]:
            for key in ("phone", "fax"):
                if location.get(key):
                    found[normalise_phone(location[key])].add(profile["npi"])
    return found


@pytest.mark.parametrize("typed", ["{npi}", "npi {npi}", "NPI: {a}-{b}-{c}", "{a} {b} {c}"])
def test_front_desk_typing_an_npi_finds_that_physician_first(client, demo_profiles, typed):
    profile = demo_profiles[123]
    npi = profile["npi"]
    text = typed.format(npi=npi, a=npi[:4], b=npi[4:7], c=npi[7:])
    # Typed at a desk on the other coast: the NPI names the physician wherever they are.
    found = api(client, q=text, location="Los Angeles, CA", per_page=10)
    assert npis(found) == [npi]
    assert f"NPI {npi}" in found["interpretation"]["description"]
    assert ("npi", f"NPI {npi}") in [(m["kind"], m["name"]) for m in found["results"][0]["matched"]]


def test_a_mistyped_npi_says_so_instead_of_check_the_spelling(client, demo_profiles):
    npi = demo_profiles[123]["npi"]
    wrong = npi[:9] + str((int(npi[9]) + 1) % 10)
    found = api(client, q=wrong)
    assert found["total"] == 0
    assert "not valid" in found["interpretation"]["description"]


@pytest.mark.parametrize(
    "layout", ["({a}) {b}-{c}", "{a}.{b}.{c}", "{a}{b}{c}", "+1 {a} {b} {c}", "fax {a}-{b}-{c}"]
)
def test_a_phone_or_fax_number_finds_the_physicians_at_that_number(client, by_phone, layout):
    phone, expected = sorted(by_phone.items())[len(by_phone) // 2]
    a, b, c = phone.split("-")
    found = api(client, q=layout.format(a=a, b=b, c=c), per_page=50)
    assert set(npis(found)) == expected
    assert phone in found["interpretation"]["description"]
    assert all(
        ("phone", phone) in [(m["kind"], m["id"]) for m in h["matched"]] for h in found["results"]
    )


@pytest.mark.parametrize(
    ("shorthand", "plain"),
    [("r/o melanoma", "melanoma"), ("f/u knee pain", "knee pain"), ("s/p CABG", "CABG")],
)
def test_shorthand_letters_rank_like_the_plain_concept(client, shorthand, plain):
    """ "r", "o", "s", "p" are not middle initials: the shorthand ranks like the concept."""
    with_shorthand = api(client, q=shorthand, location="Boston, MA", per_page=10)
    alone = api(client, q=plain, location="Boston, MA", per_page=10)
    assert alone["total"] > 0
    assert npis(with_shorthand) == npis(alone)
    assert with_shorthand["total"] == alone["total"]


def _surname_in_and_out_of(demo_profiles, code: str) -> str:
    """A surname some physicians of the specialty and some others share."""
    inside, outside = set(), set()
    for profile in demo_profiles:
        last = profile["name"]["last"]
        codes = {s["code"] for s in profile["specialties"]}
        (inside if code in codes else outside).add(last)
    return sorted(inside & outside)[0]


def test_a_name_beside_a_specialty_means_both(client, demo_profiles):
    surname = _surname_in_and_out_of(demo_profiles, "207RC0000X")  # cardiology
    found = api(client, q=f"dr {surname} cardiology", per_page=50)
    assert found["interpretation"]["description"] == f"Cardiologists named {surname}"
    assert found["total"] > 0
    assert surname in found["results"][0]["name"]
    # Only cardiologists, the exact name first (near spellings may follow, still cardiologists).
    for hit in found["results"]:
        assert any(s["code"] == "207RC0000X" for s in hit["specialties"]), hit


def test_nobody_matching_both_shows_who_has_the_name_and_says_so(client, demo_profiles):
    """'Carlos Rodriguez Galindo oncology' listed medical oncologists named Charles: the
    physician of that name is a pediatric hematologist-oncologist. The front desk asked for
    him; the specialty's physicians are one click away."""
    cardiology = {p["name"]["last"] for p in demo_profiles if "207RC0000X" in _codes(p)}
    surname = sorted({p["name"]["last"] for p in demo_profiles} - cardiology)[0]
    found = api(client, q=f"dr {surname} cardiology", per_page=20)
    assert found["total"] > 0
    for hit in found["results"]:
        assert surname.lower() in hit["name"].lower().split(), hit["name"]
    (said,) = [s for s in found["suggestions"] if s["kind"] == "name_fallback"]
    assert f"these are the physicians named {surname}" in said["message"]
    page = client.get("/search", query_string={"q": f"dr {surname} cardiology"})
    assert "Search for “cardiology” alone" in page.get_data(as_text=True)


def test_nobody_of_that_name_falls_back_to_the_specialty_and_says_so(client, demo_profiles):
    """'dr farmington sports medicine': a town read as a name nobody has; the specialty's
    physicians, the name left out."""
    found = api(client, q="dr zyxwood cardiology", per_page=20)
    assert found["total"] > 0
    for hit in found["results"]:
        assert any(s["code"] == "207RC0000X" for s in hit["specialties"]), hit
    (said,) = [s for s in found["suggestions"] if s["kind"] == "name_fallback"]
    assert "leave out the name zyxwood" in said["message"].lower()
    page = client.get("/search", query_string={"q": "dr zyxwood cardiology"})
    assert "Search for Zyxwood alone" in page.get_data(as_text=True)  # the name as read


def _codes(profile: dict) -> set[str]:
    return {s["code"] for s in profile["specialties"]}


def test_a_practice_name_finds_its_physicians_first(client, demo_profiles):
    at: dict[str, set[str]] = defaultdict(set)
    for profile in demo_profiles:
        for location in profile["locations"]:
            at[location["name"]].add(profile["npi"])
    # A practice named for its town ("Houston Internal Medicine"), whose physicians are
    # not all its only ones: the name must beat the town and the specialty alone.
    name, expected = next(
        (n, found) for n, found in sorted(at.items()) if n.startswith("Houston ") and len(found) > 1
    )
    found = api(client, q=name, per_page=len(expected))
    assert set(npis(found)) == expected


def test_a_practice_named_for_a_physician_typed_before_its_town_finds_them_first(
    client, demo_profiles
):
    """'Riley Internal Medicine Berlin' read 'Internal Medicine Berlin' as a person's name
    and found nobody."""
    at: dict[tuple[str, str], set[str]] = defaultdict(set)
    for profile in demo_profiles:
        for location in profile["locations"]:
            at[(location["name"], location["city"])].add(profile["npi"])
    (name, city), expected = next(
        ((n, c), found)
        for (n, c), found in sorted(at.items())
        if n.endswith(" Internal Medicine") and len(n.split()) == 3 and " " not in c
    )
    found = api(client, q=f"{name} {city}", per_page=10)
    assert set(npis(found)[: len(expected)]) == expected, (name, city)


def test_a_hospital_name_with_a_place_word_finds_its_physicians(client, demo_profiles):
    affiliated = {
        p["npi"] for p in demo_profiles if "Hartford Hospital" in p.get("hospital_affiliations", [])
    }
    assert affiliated
    found = api(client, q="Hartford Hospital", per_page=10)
    assert found["total"] > 0
    assert set(npis(found)) <= affiliated
    # "Why this physician" names the hospital the desk typed.
    for hit in found["results"]:
        assert ("practice", "Hartford Hospital") in [(m["kind"], m["name"]) for m in hit["matched"]]


def test_a_specialty_at_a_hospital_lists_that_hospitals_specialists(client, demo_profiles):
    """'cardiologist at hartford hospital' searched near Hartford with 'hospital' unread,
    and listed cardiologists of every hospital."""
    at: dict[str, set[str]] = defaultdict(set)
    for p in demo_profiles:
        if p["specialties"][0]["code"] == "207RC0000X":
            for hospital in p.get("hospital_affiliations", []):
                at[hospital].add(p["npi"])
    hospital = max(sorted(at), key=lambda h: len(at[h]))
    found = api(client, q=f"cardiologist at {hospital.lower()}", per_page=50)
    assert found["interpretation"]["description"] == f"Cardiologists at {hospital}"
    affiliated = {p["npi"] for p in demo_profiles if hospital in p.get("hospital_affiliations", [])}
    assert at[hospital] <= set(npis(found)) <= affiliated  # every cardiologist there, no one else
    for hit in found["results"]:
        assert ("practice", hospital) in [(m["kind"], m["name"]) for m in hit["matched"]]
    page = client.get("/search", query_string={"q": f"cardiologist at {hospital}"})
    assert f"Cardiologists at {html.escape(hospital)}" in page.get_data(as_text=True)


def test_one_word_of_a_hospitals_name_beside_a_specialty_puts_its_physicians_first(
    client, demo_profiles
):
    """'oncology breast cancer Northwestern', 'hepatology emory': the hospital's one
    distinctive word was left unread and the list held every state's specialists. Those
    at the hospital come first; the others stay (the word may be a surname or a town)."""
    from directory.understanding import Hospitals

    at: dict[tuple[str, str], set[str]] = defaultdict(set)
    for p in demo_profiles:
        for hospital in p.get("hospital_affiliations", []):
            at[hospital, p["specialties"][0]["code"]].add(p["npi"])
    table = Hospitals.of(sorted({hospital for hospital, _ in at}))
    checked = 0
    for (hospital, code), there in sorted(at.items(), key=lambda kv: -len(kv[1])):
        word = next((w for w, names in sorted(table.single.items()) if names == (hospital,)), None)
        name = default_vocabulary().specialty_name(code)
        if word is None or len(there) < 2 or not name:
            continue
        found = api(client, q=f"{name} {word}", per_page=20)
        if [w["text"] for w in found["interpretation"]["unplaced"]] != [word]:
            continue  # read as something else ("good": filler)
        assert found["total"] > len(there), (name, word)  # nobody else hidden
        first = [hit["npi"] for hit in found["results"][: len(there)]]
        assert set(first) <= there | _affiliated(demo_profiles, hospital), (name, word)
        checked += 1
        if checked == 3:
            break
    assert checked, "no specialty with two physicians at a hospital one word names"


def _affiliated(profiles: list[dict], hospital: str) -> set[str]:
    return {p["npi"] for p in profiles if hospital in p.get("hospital_affiliations", [])}


def test_a_mistyped_npi_page_asks_to_check_the_number_not_the_spelling(client, demo_profiles):
    npi = demo_profiles[123]["npi"]
    wrong = npi[:9] + str((int(npi[9]) + 1) % 10)
    page = client.get("/search", query_string={"q": wrong}).get_data(as_text=True)
    assert "not valid" in page and "Check the number" in page
    assert "Check the spelling" not in page


@pytest.mark.parametrize("nickname", ["bill", "liz", "bob", "kathy", "jim"])
def test_a_nickname_and_surname_find_the_physician(client, demo_profiles, nickname):
    """'bill ingram newburyport', 'kathy davila friendswood' found nobody: the front desk
    writes the name the patient says, the directory the one on the license."""
    from nicknames import NickNamer

    full = NickNamer().canonicals_of(nickname)
    surnames = Counter(p["name"]["last"].lower() for p in demo_profiles)
    known = [
        p for p in demo_profiles
        if p["name"]["first"].lower() in full and surnames[p["name"]["last"].lower()] == 1
    ]  # fmt: skip
    assert known, f"no {nickname} with a surname of their own in the demo data"
    profile = known[0]
    surname = profile["name"]["last"].lower()
    found = api(client, q=f"{nickname} {surname}")["results"]
    npis = [hit["npi"] for hit in found]
    assert profile["npi"] in npis[:3], profile["name"]
    # Only namesakes before them (the directory's own data may hold another James Brennan).
    for hit in found[: npis.index(profile["npi"])]:
        words = hit["name"].lower().split()
        assert surname in words and full & set(words), hit["name"]


def test_the_start_of_a_surname_finds_the_physician(client, demo_profiles):
    """A surname half-read from a fax header: "Schuss" finds Dr. Schussheim."""
    surnames = sorted({p["name"]["last"] for p in demo_profiles if len(p["name"]["last"]) >= 9})
    surname = surnames[len(surnames) // 2]
    found = api(client, q=surname[:6], per_page=50)
    assert any(surname in hit["name"] for hit in found["results"]), surname


def test_an_index_built_before_the_lookup_fields_answers_without_failing(
    es, alias, demo_profiles, monkeypatch
):
    """The app is deployed before the rebuild: lookups find nothing yet, nothing fails."""
    from directory.accuracy import overlay
    from directory.lookup import LOOKUP_PROPERTIES
    from directory.vocabulary import default_vocabulary
    from indexer import mapping
    from indexer.load import rebuild_all

    older = {k: v for k, v in mapping.PHYSICIAN_PROPERTIES.items() if k not in LOOKUP_PROPERTIES}
    monkeypatch.setattr(mapping, "PHYSICIAN_PROPERTIES", older)
    # The document's lookup fields come with its accuracy fields (overlay.accuracy_fields).
    monkeypatch.setattr(overlay, "lookup_fields", lambda profile: {})
    rebuild_all(es, alias, demo_profiles[:200], default_vocabulary())
    client = make_app(alias).test_client()
    profile = demo_profiles[10]
    assert npis(api(client, q=profile["npi"])) == [profile["npi"]]  # the NPI was always there
    for text in (
        profile["locations"][0]["phone"],
        profile["locations"][0]["name"],
        "Hartford Hospital",
    ):
        assert client.get("/api/v1/physicians", query_string={"q": text}).status_code == 200


def test_autocomplete_offers_the_physician_an_npi_or_phone_belongs_to(client, demo_profiles):
    profile = demo_profiles[123]
    name = " ".join(filter(None, (profile["name"]["first"], profile["name"].get("middle"))))
    for typed in (profile["npi"], profile["locations"][0]["phone"]):
        body = client.get("/api/v1/suggest", query_string={"q": typed}).get_json()
        offered = [s["label"] for s in body["suggestions"] if s["kind"] == "physician"]
        assert any(label.startswith(name) for label in offered), (typed, offered)


@pytest.mark.parametrize("typed", ["dr o'dea", "Patrick O’Dea", "odea", "O'Dea gastroenterology"])
def test_a_surname_with_an_apostrophe_is_found_however_it_is_typed(client, typed):
    """NPPES writes O'DEA; a front desk types O'Dea, O’Dea (a phone's keyboard) or Odea."""
    found = api(client, q=typed)
    assert npis(found)[:1] == ["1427051366"]
    assert any(m["kind"] == "name" for m in found["results"][0]["matched"])


def _in_a_town(demo_profiles) -> list[tuple[dict, str, str]]:
    """Demo physicians with a surname nobody else has, each with a town and state of theirs
    (one word, not a metro's big city), in NPI order."""
    counts: dict[str, int] = defaultdict(int)
    for profile in demo_profiles:
        counts[profile["name"]["last"].lower()] += 1
    found = []
    for profile in sorted(demo_profiles, key=lambda p: p["npi"]):
        surname = profile["name"]["last"]
        town = profile["locations"][0]["city"]
        if counts[surname.lower()] == 1 and surname.isalpha() and town.isalpha():
            if town.lower() not in {"houston", "chicago", "atlanta", "boston", "cleveland"}:
                found.append((profile, town, profile["locations"][0]["state"]))
    return found


@pytest.mark.parametrize("typed", ["dr {surname} {town}", "dr {surname} {town} {state}"])
def test_a_title_a_name_and_a_town_find_that_physician(client, demo_profiles, typed):
    """Front desks type 'dr dandrea farmington': the town read as part of the name found
    nobody. When nobody has the whole name, the page shows the name near the town, and
    says so."""
    for profile, town, state in _in_a_town(demo_profiles)[:5]:
        surname = profile["name"]["last"]
        text = typed.format(surname=surname.lower(), town=town.lower(), state=state)
        found = api(client, q=text)
        assert found["total"] > 0, text
        assert found["results"][0]["npi"] == profile["npi"], text
        notices = [s for s in found["suggestions"] if s["kind"] == "reread"]
        if notices:  # the parser took the town into the name: the page says what it did
            assert notices[0]["message"].startswith("No one is named"), text
            assert f"named {surname.lower()}" in notices[0]["message"].lower(), text


def test_a_capitalised_surname_and_town_without_a_title_find_that_physician(client, demo_profiles):
    """'Weisbrod Cambridge' was read as one two-word name and found nobody: as with a
    title, the name near the town, said on the page."""
    for profile, town, _ in _in_a_town(demo_profiles)[:5]:
        text = f"{profile['name']['last']} {town}"
        found = api(client, q=text)
        assert found["results"] and found["results"][0]["npi"] == profile["npi"], text
        parts = found["interpretation"]["parts"]
        if [p["kind"] for p in parts] == ["name"]:  # read as one two-word name
            notice = found["suggestions"][0]
            assert notice["kind"] == "reread" and town in notice["message"], text


def test_a_surname_beside_a_typed_place_finds_that_physician(client, demo_profiles):
    """'giordano near farmington ct' found nobody: the place's words were matched against
    names with the surname."""
    for profile, town, state in _in_a_town(demo_profiles)[:5]:
        surname = profile["name"]["last"].lower()
        for text in (f"{surname} near {town} {state}", f"{surname} in {town}, {state}"):
            found = api(client, q=text)
            assert found["results"] and found["results"][0]["npi"] == profile["npi"], text
            assert "name" in {m["kind"] for m in found["results"][0]["matched"]}, text


def test_a_reread_name_is_said_on_the_page(client, demo_profiles):
    reread = []
    for profile, town, _ in _in_a_town(demo_profiles)[:10]:
        text = f"dr {profile['name']['last'].lower()} {town.lower()}"
        if any(s["kind"] == "reread" for s in api(client, q=text)["suggestions"]):
            reread.append((profile, text))
    assert reread, "no title, name and town read as one name among the first ten"
    profile, text = reread[0]
    html = client.get("/search", query_string={"q": text}).get_data(as_text=True)
    assert "No one is named" in html and profile["npi"] in html


@pytest.mark.parametrize(
    ("code", "word"), [("207RC0000X", "cardiology"), ("207N00000X", "dermatology")]
)
def test_a_misspelled_surname_beside_a_specialty_ranks_that_physician_first(
    client, demo_profiles, code, word
):
    """'bilgrammi oncology' listed every oncologist but Dr. Bilgrami first: a word nothing
    explained counted only when spelled exactly."""
    surnames = defaultdict(list)
    for profile in demo_profiles:
        surnames[profile["name"]["last"].lower()].append(profile)
    chosen = [
        p[0]
        for name, p in sorted(surnames.items())
        if len(p) == 1
        and len(name) >= 7
        and name.isalpha()
        and p[0]["specialties"][0]["code"] == code
    ][:3]
    assert chosen
    for profile in chosen:
        surname = profile["name"]["last"].lower()
        typo = surname[:4] + surname[3] + surname[4:]  # one letter doubled, as typed in a hurry
        found = api(client, q=f"{typo} {word}")
        assert found["results"][0]["npi"] == profile["npi"], (typo, found["results"][0]["name"])


@pytest.mark.parametrize(
    ("text", "everyday"),
    [
        ("chiropractor for back pain from lifting weights", "weights"),
        ("dermatologist for a rash from working outdoors", "outdoors"),
    ],
)
def test_an_everyday_word_left_unread_is_no_near_spelling_of_a_surname(
    client, demo_profiles, text, everyday
):
    """'chiropractor for lower back pain from lifting weights' listed three physicians named
    Wright first, a chiropractor among them: 'weights' is a word, not a misspelled name."""
    found = api(client, q=text)
    assert everyday in [w["text"] for w in found["interpretation"]["unplaced"]] or any(
        everyday in p["text"] for p in found["interpretation"]["parts"]
    )
    surnames = {p["name"]["last"].lower() for p in demo_profiles}
    for hit in found["results"][:10]:
        last = hit["name"].split()[-1].lower()
        assert last not in surnames or last == everyday or _far(last, everyday), hit["name"]


def _far(name: str, word: str) -> bool:
    """More than two letters apart: what the fuzzy name match would never join."""
    from rapidfuzz.distance import Levenshtein

    return Levenshtein.distance(name, word) > 2


def test_a_place_name_shared_by_several_shows_the_one_with_physicians_and_says_so(client):
    """'near farmington' asked which Farmington and listed the whole country: only
    Farmington, CT has physicians for the search, so the page shows those within 25 miles,
    and keeps the other Farmingtons one click away."""
    found = api(client, q="neurologist near farmington")
    notice = found["suggestions"][0]
    assert notice["kind"] == "reread"
    assert notice["message"] == (
        "Showing Farmington, CT, the only Farmington with physicians for this search"
    )
    assert found["total"] > 0
    distances = [hit["distance_miles"] for hit in found["results"]]
    assert None not in distances and all(miles <= 25 for miles in distances)
    others = [s["label"] for s in found["suggestions"] if s["kind"] == "choose_place"]
    assert others and "Farmington, CT" not in others


def _unread_town(text: str) -> bool:
    """The parser alone leaves the town typed last out of the place (a small town, or one
    that is also a word or a name): the class the search itself settles."""
    from directory.understanding import interpret

    return interpret(text).location is None


def test_a_surname_and_its_town_without_a_state_find_that_physician(client, demo_profiles):
    """'destefano shelton' found nobody: the town the parser does not read alone was
    matched as part of the name. Typed last with no other place, it is where."""
    cases = [
        (profile, f"{profile['name']['last'].lower()} {town.lower()}")
        for profile, town, _ in _in_a_town(demo_profiles)
        if _unread_town(f"{profile['name']['last'].lower()} {town.lower()}")
    ][:5]
    assert cases, "no surname and town the parser leaves unread in the demo data"
    for profile, text in cases:
        found = api(client, q=text)
        assert npis(found)[:1] == [profile["npi"]], text
        assert found["suggestions"][0]["kind"] == "reread", text


def _family_doctor_towns(demo_profiles) -> list[str]:
    """The one-word towns demo family doctors practise in."""
    return sorted(
        {
            p["locations"][0]["city"]
            for p in demo_profiles
            if p["specialties"][0]["code"] == "207Q00000X" and p["locations"][0]["city"].isalpha()
        }
    )


def test_a_specialty_and_a_town_typed_last_search_near_that_town(client, demo_profiles):
    """'need a pap smear providence', 'knee hurts katy': with no place given, unread words
    typed last that name a town are where, and the page says so; before, the list was the
    whole country's."""
    towns = _family_doctor_towns(demo_profiles)
    cases = [t for t in towns if _unread_town(f"family doctor {t.lower()}")][:3]
    assert cases, "no town the parser leaves unread in the demo data"
    for town in cases:
        found = api(client, q=f"family doctor {town.lower()}")
        assert found["total"] > 0, town
        first = found["suggestions"][0]
        if first["kind"] == "choose_place":  # several towns of that name have physicians
            labels = [s["label"] for s in found["suggestions"] if s["kind"] == "choose_place"]
            assert len(labels) > 1 and all(label.startswith(f"{town}, ") for label in labels)
            continue
        distances = [hit["distance_miles"] for hit in found["results"]]
        assert None not in distances and max(distances) <= 25, town
        assert first["kind"] == "reread" and town in first["message"], (town, first)


@pytest.mark.parametrize(
    "shape", ["{town} family doctor", "new pt, family doctor, {town}, moved here"]
)
def test_a_town_typed_first_or_between_commas_is_where(client, demo_profiles, shape):
    """'torrance neurologist alzheimers', 'spine appt for sciatica, torrance, pt just moved
    from az': an unread town typed first, or set off by commas, had left the list the whole
    country's; only a town typed last was read as where."""
    towns = _family_doctor_towns(demo_profiles)
    cases = [t for t in towns if _unread_town(shape.format(town=t.lower()))][:3]
    assert cases, "no town the parser leaves unread in the demo data"
    for town in cases:
        found = api(client, q=shape.format(town=town.lower()))
        first = found["suggestions"][0]
        if first["kind"] == "choose_place":
            continue
        distances = [hit["distance_miles"] for hit in found["results"]]
        assert found["total"] > 0 and None not in distances and max(distances) <= 25, town
        assert first["kind"] == "reread" and town in first["message"], (town, first)


def test_a_surname_that_is_also_a_town_stays_the_physician(client, demo_profiles):
    """'family doctor warren' ranks Dr. Warren first: a word typed last that names one of
    the top physicians is the name, not a town of that name."""
    from directory.geography import city_places

    by_name = defaultdict(set)
    for p in demo_profiles:
        if p["specialties"][0]["code"] == "207Q00000X":
            by_name[p["name"]["last"].lower()].add(p["npi"])
    cases = [
        name
        for name in sorted(by_name)
        if name.isalpha() and city_places(name) and _unread_town(f"family doctor {name}")
    ][:3]
    assert cases, "no family doctor whose surname is also a town in the demo data"
    for name in cases:
        found = api(client, q=f"family doctor {name}")
        assert npis(found)[0] in by_name[name], name
        assert "reread" not in [s["kind"] for s in found["suggestions"]], name


def test_a_title_before_a_city_nobody_is_named_is_a_doctor_near_that_city(client, demo_profiles):
    """'need a new dr atlanta' read "dr atlanta" as a name and listed practices with the
    city in their names, anywhere; it means a doctor near the city. A city that is a
    physician's surname stays the name ('dr houston': Dr. Houston)."""
    surnames = {p["name"]["last"].lower() for p in demo_profiles}
    assert "hartford" not in surnames
    found = api(client, q="need a new dr hartford")
    first = found["suggestions"][0]
    assert first["kind"] == "reread" and "Hartford, CT" in first["message"]
    distances = [hit["distance_miles"] for hit in found["results"]]
    assert found["total"] > 0 and None not in distances and max(distances) <= 25
    primary = {"207Q00000X", "207R00000X", "208D00000X"}
    assert {s["code"] for s in found["results"][0]["specialties"]} & primary

    from directory.geography import city_places

    named = sorted(n for n in surnames if n.isalpha() and city_places(n))[:2]
    assert named, "no demo surname that is also a city"
    for name in named:
        found = api(client, q=f"dr {name}")
        assert name.capitalize() in found["results"][0]["name"], name
        assert "reread" not in [s["kind"] for s in found["suggestions"]], name


@pytest.mark.parametrize(
    ("text", "city"),
    [("lowerback pain dr clevland", "Cleveland, OH"), ("knee pain dr chicgo", "Chicago, IL")],
)
def test_a_title_before_a_big_city_misspelled_is_a_doctor_near_that_city(client, text, city):
    """'lowerback pain dr clevland' looked for a Dr. Clevland, found nobody, and listed
    back doctors anywhere (blind probe 113). Nobody has the name, and a big city is one
    slip away: a doctor near the city. A slip of a small town's name stays a surname
    ('dr soucier' is not Saucier, MS)."""
    found = api(client, q=text)
    first = found["suggestions"][0]
    assert first["kind"] == "reread" and city in first["message"]
    distances = [hit["distance_miles"] for hit in found["results"]]
    assert found["total"] > 0 and None not in distances and max(distances) <= 25


def _unique_surnames(demo_profiles, min_letters: int) -> list[dict]:
    """Demo physicians whose surname nobody else has, as a surname or a first name."""
    counts: dict[str, int] = defaultdict(int)
    for profile in demo_profiles:
        counts[profile["name"]["last"].lower()] += 1
        counts[profile["name"]["first"].lower()] += 1
    return [
        p
        for p in sorted(demo_profiles, key=lambda p: p["npi"])
        if counts[p["name"]["last"].lower()] == 1
        and p["name"]["last"].isalpha()
        and len(p["name"]["last"]) >= min_letters
    ]


def test_a_surname_typed_as_two_words_finds_that_physician(client, demo_profiles):
    """'dr lakshmi narayanan farmington' found nobody: the surname is Lakshminarayanan."""
    for profile in _unique_surnames(demo_profiles, 9)[:5]:
        last = profile["name"]["last"].lower()
        text = f"dr {last[:4]} {last[4:]}"
        found = api(client, q=text)
        assert found["results"] and last in found["results"][0]["name"].lower(), text
        assert profile["npi"] in npis(found)[:3], text


def test_the_start_of_a_first_name_finds_that_physician(client, demo_profiles):
    """'ray hill' is Raymond J Hill: a nickname is often the start of the name."""
    cases = [p for p in _unique_surnames(demo_profiles, 5) if len(p["name"]["first"]) >= 6][:5]
    for profile in cases:
        text = f"dr {profile['name']['first'][:3].lower()} {profile['name']['last'].lower()}"
        assert profile["npi"] in npis(api(client, q=text))[:3], text


def test_a_word_read_into_a_name_beside_a_specialty_still_finds_that_physician_first(
    client, demo_profiles
):
    # "dr peck winsted dermatology": a small town is read into the name, and nobody has
    # both words; the dermatologist named Peck still comes first. (A made-up word stands in
    # for the town: a town the fixture knows would be read as the place.)
    surname = _surname_in_and_out_of(demo_profiles, "207RC0000X")  # cardiology
    found = api(client, q=f"dr {surname} zyxwood cardiology", per_page=20)
    (said,) = [s for s in found["suggestions"] if s["kind"] == "name_fallback"]
    assert "those with one of its words first" in said["message"]
    assert surname in found["results"][0]["name"]
    assert "207RC0000X" in {s["code"] for s in found["results"][0]["specialties"]}


def test_a_name_typed_with_words_nobody_has_shows_the_named_physician(client, demo_profiles):
    """'clayton mcdonald rush': the front desk adds the hospital to tell physicians apart;
    nobody's name has it, and the page showed nobody. It now shows the physicians with the
    name, and says which words it left out."""
    profile = _unique_surnames(demo_profiles, min_letters=6)[0]
    name = f"{profile['name']['first']} {profile['name']['last']}".lower()
    for extra in ("zyxwood", "zyxwood qvarn"):
        found = api(client, q=f"{name} {extra}")
        assert npis(found)[:1] == [profile["npi"]], extra
        notice = found["suggestions"][0]
        assert notice["kind"] == "reread" and f"leaving out “{extra}”" in notice["message"]
    # Typed in capitals, the whole is read as one name: the same ("Wendy Graham Tufts").
    capitals = f"{profile['name']['first']} {profile['name']['last']} Zyxwood"
    found = api(client, q=capitals)
    assert [p["kind"] for p in found["interpretation"]["parts"]] == ["name"], capitals
    assert npis(found)[:1] == [profile["npi"]], capitals
    assert "leaving out “Zyxwood”" in found["suggestions"][0]["message"]
    # With a title before the name ("Dr. Emily Arellano Emory" had shown nobody: the
    # title was counted as a word of the name the physicians must carry).
    titled = f"Dr. {profile['name']['first']} {profile['name']['last']} Zyxwood"
    assert npis(api(client, q=titled))[:1] == [profile["npi"]], titled
    # Words that are nobody's and no name: still nobody.
    assert api(client, q="zyxwood qvarn plimbo")["total"] == 0


@pytest.mark.parametrize("typed", ["{last} phone number", "{last} fax", "fax number for {last}"])
def test_a_surname_asked_with_its_phone_or_fax_finds_that_physician(client, demo_profiles, typed):
    """'rabinowe phone number' found nobody: the words for what the front desk wants to
    read off the card were required in the physician's name."""
    for profile in _unique_surnames(demo_profiles, 6)[:4]:
        text = typed.format(last=profile["name"]["last"].lower())
        found = api(client, q=text)
        assert npis(found)[:1] == [profile["npi"]], text


def test_a_town_typed_before_a_filter_is_still_where(client, demo_profiles):
    """'cardiology marietta accepting new patients' listed cardiologists of every state:
    a town the search reads when typed last was lost when a filter followed it."""
    towns = _family_doctor_towns(demo_profiles)
    cases = [t for t in towns if _unread_town(f"family doctor {t.lower()} telehealth")][:3]
    assert cases, "no town the parser leaves unread in the demo data"
    for town in cases:
        found = api(client, q=f"family doctor {town.lower()} accepting new patients")
        assert found["total"] > 0, town
        if found["suggestions"][0]["kind"] == "choose_place":
            continue  # several towns of that name have physicians: each is offered
        distances = [hit["distance_miles"] for hit in found["results"]]
        assert None not in distances and max(distances) <= 25, town
        assert all(hit["accepting_new_patients"] for hit in found["results"]), town


def test_a_bare_town_whose_biggest_namesake_has_nobody_offers_the_namesakes_that_do(
    client, demo_profiles
):
    """'neuro brookfield' read Brookfield, WI (the biggest), found nobody and offered only a
    wider radius, while Brookfield, IL has neurologists: a namesake with physicians for
    the search is offered, and shown when it is the only one or has the most."""
    from directory.understanding import interpret

    towns = {(p["locations"][0]["city"], p["locations"][0]["state"]) for p in demo_profiles}
    cases = []
    for city, state in sorted(towns):
        reading = interpret(f"family doctor {city.lower()}").location
        if reading is None or reading.place is None or not city.isalpha():
            continue
        labels = [c.label for c in reading.candidates]
        if reading.place.label != f"{city}, {state}" and f"{city}, {state}" in labels:
            cases.append((city, state))
    assert cases, "no demo town read as a bigger namesake elsewhere"
    checked = 0
    for city, state in cases[:6]:
        found = api(client, q=f"family doctor {city.lower()}")
        offered = {s["label"]: s["count"] for s in found["suggestions"]}
        if found["suggestions"] and found["suggestions"][0]["kind"] == "reread":
            shown = found["suggestions"][0]["label"]
            assert found["total"] > 0 and shown.startswith(f"{city}, "), (city, shown)
            others = [n for label, n in offered.items() if label.startswith(f"{city}, ")]
            assert all(found["total"] > n for n in others[1:]), (city, shown, offered)
            checked += 1
        elif not found["total"]:
            assert offered.get(f"{city}, {state}"), (city, offered)
            assert all(offered[label] for label in offered if label.startswith(f"{city}, "))
            checked += 1
    assert checked, "no case where the biggest namesake had nobody"


@pytest.mark.parametrize("typed", ["{practice} phone number", "fax number for {practice}"])
def test_a_practice_asked_with_its_phone_or_fax_finds_its_physician(client, demo_profiles, typed):
    """'Mantua Spine Center phone number' listed spine specialists of every state: the
    practice's name was matched with "phone number" in it."""
    practices: dict[str, list[dict]] = defaultdict(list)
    for profile in demo_profiles:
        for location in profile["locations"]:
            practices[location["name"]].append(profile)
    alone = sorted(name for name, at in practices.items() if len(at) == 1)[:4]
    assert alone, "no practice with one physician in the demo data"
    for practice in alone:
        found = api(client, q=typed.format(practice=practice))
        assert npis(found)[:1] == [practices[practice][0]["npi"]], practice


def test_a_name_beside_a_town_several_places_share_shows_the_one_where_that_physician_is(
    client, demo_profiles
):
    """'mchugh podiatrist watertown' showed podiatrists of Watertown, MA (the namesake with
    the most), while Dr McHugh practises in Watertown, CT: the name typed picks the town."""
    from directory.understanding import interpret

    vocabulary = default_vocabulary()
    cases = []
    for profile in _unique_surnames(demo_profiles, 5):
        city, state = profile["locations"][0]["city"], profile["locations"][0]["state"]
        specialty = vocabulary.specialties.get(profile["specialties"][0]["code"])
        if not city.isalpha() or specialty is None or not specialty.lay_name:
            continue
        text = f"{profile['name']['last'].lower()} {specialty.lay_name.lower()} {city.lower()}"
        where = interpret(text).location
        labels = [c.label for c in where.candidates] if where else []
        if f"{city}, {state}" in labels[1:]:  # a bigger place of that name comes first
            cases.append((text, profile["npi"], f"{city}, {state}"))
    assert cases, "no demo physician in a town a bigger namesake shares"
    for text, npi, town in cases[:4]:
        found = api(client, q=text)
        assert npis(found)[:1] == [npi], text
        notice = found["suggestions"][0]
        assert notice["kind"] == "reread" and notice["label"] == town, (text, notice)
