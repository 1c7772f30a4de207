"""Query understanding: what people type becomes parts they would recognise.

Examples are written the way patients, referral coordinators and front-desk staff type:
filler, qualifiers, typos, lay doctor names, codes, names and filters in one box.
Places are in test_understanding_places.py, properties in test_understanding_properties.py.
"""

from __future__ import annotations

import json

import pytest

from directory.understanding import Interpretation, interpret

SCIATICA = "sciatica"
LOW_BACK_PAIN = "chronic-low-back-pain"
FBSS = "failed-back-surgery-syndrome"
SPINE_SURGEON = "207XS0117X"
ORTHOPEDIC_SURGEON = "207X00000X"
PHYSICAL_THERAPIST = "225100000X"


def concepts(interpretation: Interpretation) -> set[str]:
    return set(interpretation.concept_ids)


def only(interpretation: Interpretation, kind: str):
    found = interpretation.of_kind(kind)
    assert len(found) == 1, interpretation.parts
    return found[0]


def words(items) -> list[str]:
    return [w.text for w in items]


@pytest.mark.parametrize(
    "text",
    [
        "who treats sciatica",
        "doctor for sciatica",
        "I need a doctor for my sciatica",
        "best sciatica doctor",
        "SCIATICA???",
        "who can help with sciatica please",
    ],
)
def test_filler_words_never_hide_the_condition(text):
    understood = interpret(text)
    assert concepts(understood) == {SCIATICA}
    assert understood.unplaced == ()


def test_filler_is_reported_and_the_span_points_at_the_condition():
    understood = interpret("who treats sciatica")
    part = only(understood, "condition")
    assert part.span == (11, 19)
    assert part.text == "sciatica"
    assert part.match == "exact"
    assert words(understood.filler) == ["who", "treats"]


def test_qualifiers_and_history_keep_the_back_pain_reading():
    text = "bad pain in my lower back since my fusion"
    understood = interpret(text)
    parts = understood.of_kind("condition")
    assert concepts(understood) == {LOW_BACK_PAIN, FBSS}
    assert [p.text for p in parts] == ["pain in my lower back", "since my fusion"]
    assert words(understood.filler) == ["bad"]
    assert understood.unplaced == ()


def test_pain_after_surgery_elsewhere_is_postsurgical_pain_not_failed_back_surgery():
    assert concepts(interpret("knee pain since my surgery")) >= {"chronic-postsurgical-pain"}
    assert FBSS in concepts(interpret("sciatica after surgery"))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("lower back pain", {LOW_BACK_PAIN}),
        ("pain in my lower back", {LOW_BACK_PAIN}),
        ("my back hurts", {LOW_BACK_PAIN}),
        ("aching back", {LOW_BACK_PAIN}),
        ("arthritis in my knee", {"knee-osteoarthritis"}),
        ("numbness in my feet", {"peripheral-neuropathy"}),
        ("pinched nerve in my neck", {"cervical-radiculopathy"}),
        ("sciatica pain down my left leg", {SCIATICA}),
        ("ringing in my ears", {"tinnitus"}),
    ],
)
def test_body_part_and_symptom_phrasing_reaches_the_condition(text, expected):
    understood = interpret(text)
    assert concepts(understood) == expected
    assert understood.unplaced == ()


def test_a_body_part_with_a_symptom_but_no_condition_means_that_part():
    understood = interpret("left knee pain")
    part = only(understood, "body_part")
    assert part.label == "Knee pain"
    assert "meniscus-tear" in part.ids
    assert ORTHOPEDIC_SURGEON in part.codes
    assert words(understood.filler) == ["left"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("herniated disc", {"lumbar-herniated-disc", "cervical-herniated-disc"}),
        ("lumbar herniated disc", {"lumbar-herniated-disc"}),
        ("herniated disc lumbar", {"lumbar-herniated-disc"}),
        ("herniated disc in my neck", {"cervical-herniated-disc"}),
        ("pinched nerve lower back", {"lumbar-radiculopathy"}),
        ("stenosis neck", {"cervical-spinal-stenosis"}),
    ],
)
def test_a_region_word_narrows_a_term_that_means_several_regions(text, expected):
    assert concepts(interpret(text)) == expected


@pytest.mark.parametrize(
    ("text", "concept"),
    [
        ("sciatca", SCIATICA),
        ("carpel tunel", "carpal-tunnel-syndrome"),
        ("fibromyalgya", "fibromyalgia"),
        ("pian in my bakc", LOW_BACK_PAIN),
        ("backpain", LOW_BACK_PAIN),
        ("planter fasciitis", "plantar-fasciitis"),
    ],
)
def test_misspellings_are_tolerated_and_marked_fuzzy(text, concept):
    understood = interpret(text)
    assert concepts(understood) == {concept}
    assert understood.parts[0].match == "fuzzy"


def test_a_listed_misspelling_is_a_synonym_not_a_guess():
    assert only(interpret("siatica"), "condition").match == "synonym"


def test_short_words_only_tolerate_swapped_letters():
    assert interpret("anne").parts == ()
    assert words(interpret("anne").unplaced) == ["anne"]
    assert concepts(interpret("pian")) == set() and interpret("pian").of_kind("symptom")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("M54.16", {"lumbar-radiculopathy"}),
        ("m5416", {"lumbar-radiculopathy"}),
        ("M96.1", {FBSS}),
        ("m96.1 near me", {FBSS}),
        # an adult's yearly exam, not a child's (both are under Z00): pediatricians were listed
        ("Z00.00", {"adult-checkup"}),
        ("Z00.129", {"well-child-care"}),
    ],
)
def test_icd10_codes_find_the_concepts_listing_them(text, expected):
    understood = interpret(text)
    assert concepts(understood) == expected
    assert understood.of_kind("condition")[0].match == "code"


@pytest.mark.parametrize(
    ("text", "expected"),
    [("ERCP", {"ercp"}), ("ercp for bile duct stones", {"ercp", "gallstones"})],
)
def test_a_bile_duct_endoscopy_is_a_procedure_gastroenterologists_do(text, expected):
    """'ERCP' found nobody: the abbreviation was not read."""
    assert concepts(interpret(text)) == expected


@pytest.mark.parametrize("text", ["annual exam", "yearly exam", "routine physical"])
def test_a_yearly_exam_is_primary_care(text):
    assert [p.label for p in interpret(text).parts] == ["Primary care doctor"]


@pytest.mark.parametrize("text", ["need a docter near me", "need a doc", "i need a docter"])
def test_a_doctor_misspelled_or_short_is_a_doctor(text):
    """'need a docter near me' had listed a neurosurgeon, an OB/GYN and a therapist."""
    assert "Primary care doctor" in [p.label for p in interpret(text).parts]


@pytest.mark.parametrize("text", ["PAD with claudication", "PAD w/ claudication"])
def test_two_names_of_one_condition_joined_by_with_are_one_part(text):
    """'PAD with claudication' showed two chips, both 'Peripheral Artery Disease (PAD)'."""
    assert [p.text for p in interpret(text).parts] == [text]


def test_an_icd10_category_means_every_concept_under_it():
    found = concepts(interpret("M54.1"))
    assert {"lumbar-radiculopathy", "cervical-radiculopathy"} <= found
    assert only(interpret("M54.1"), "condition").label == "ICD-10 M54.1"


def test_a_code_no_code_set_has_is_unplaced_not_a_guess():
    understood = interpret("B12.3")  # shaped like a code, but ICD-10-CM has no B12
    assert understood.parts == ()
    assert words(understood.unplaced) == ["B12.3"]


def test_a_code_whose_words_are_unknown_is_its_chapters_specialists():
    """A00.1, cholera: the parser knows none of its words; the infectious disease
    specialist first sees its chapter's needs (code_words, icd10cm.chapter_specialists)."""
    understood = interpret("A00.1")
    assert only(understood, "specialty").ids == ("207RI0200X",)


@pytest.mark.parametrize("code", ["Z87.891", "Z98.890"])
def test_a_status_z_code_is_no_sibling_of_another(code):
    """Z87.891 (a history of smoking) had read as gender-affirming care (Z87.890), and
    Z98.890 as adjacent segment disease (Z98.1): a Z category groups unrelated statuses."""
    understood = interpret(code)
    assert understood.parts == ()
    assert words(understood.unplaced) == [code]


@pytest.mark.parametrize(
    ("code", "concept"),
    [
        ("Z79.4", "type-2-diabetes"),
        ("Z72.0", "nicotine-dependence"),
        ("Z95.1", "coronary-artery-disease"),
    ],
)
def test_a_referrals_status_code_reads_as_its_condition(code, concept):
    """A coordinator's 'Z79.4' (on insulin) found nobody."""
    assert only(interpret(code), "condition").ids == (concept,)


def test_a_nucc_taxonomy_code_is_its_specialty():
    part = only(interpret("207XS0117X"), "specialty")
    assert (part.ids, part.match, part.label) == ((SPINE_SURGEON,), "code", "Spine surgeon")


@pytest.mark.parametrize(
    ("text", "codes"),
    [
        ("knee doctor", {ORTHOPEDIC_SURGEON, "207XX0005X", "207QS0010X"}),
        ("back doctor", {SPINE_SURGEON, "208100000X", "208VP0014X"}),
        ("spine dr", {SPINE_SURGEON, "208100000X", "208VP0014X"}),
        ("heart doctor", {"207RC0000X"}),
        ("foot doctor", {"213E00000X"}),
        ("skin doctor", {"207N00000X"}),
        ("PT", {PHYSICAL_THERAPIST}),
        ("ortho", {ORTHOPEDIC_SURGEON}),
        ("OBGYN", {"207V00000X"}),
        ("ob gyn", {"207V00000X"}),
        ("OB/GYN", {"207V00000X"}),
        ("PCP", {"207Q00000X"}),
        ("ENT", {"207Y00000X"}),
        ("GI", {"207RG0100X"}),
        ("neuro", {"2084N0400X"}),
        ("dermatologists", {"207N00000X"}),
        ("spine surgeons", {SPINE_SURGEON}),
        ("knee surgeon", {"207XX0005X"}),
        ("rhuematologist", {"207RR0500X"}),
        ("pediatrics", {"208000000X"}),
        ("pain doctor", {"208VP0014X"}),
        ("butt doctor", {"208C00000X"}),  # a proctologist, not the buttock's pain doctors
    ],
)
def test_lay_and_abbreviated_specialty_names(text, codes):
    understood = interpret(text)
    part = only(understood, "specialty")
    assert codes <= set(part.ids)
    assert understood.unplaced == ()


def test_a_geriatrician_search_asks_for_family_medicines_geriatricians_too():
    assert {"207RG0300X", "207QG0300X"} <= set(interpret("geriatrician").specialty_codes)


def test_a_pain_doctor_search_asks_for_every_pain_medicine_code():
    codes = interpret("pain doctor").specialty_codes
    assert {"208VP0014X", "208VP0000X", "207LP2900X", "2081P2900X"} <= set(codes)


def test_specialty_condition_place_and_filter_together():
    understood = interpret("spine surgeon for sciatica near 06106 accepting new patients")
    assert [p.kind for p in understood.parts] == ["specialty", "condition", "location", "filter"]
    assert understood.describe() == (
        "Spine surgeons for sciatica near Hartford, CT 06106, accepting new patients"
    )


@pytest.mark.parametrize(
    ("text", "sentence"),
    [
        ("telehealth psychiatrist", "Psychiatrists offering telehealth"),
        ("female cardiologist in cleveland", "Female cardiologists near Cleveland, OH"),
        ("spanish speaking pediatrician", "Spanish-speaking pediatricians"),
        ("Dr. Soucier", "Physicians named Soucier"),
        ("knee doctor near me", "Knee specialists near you"),
        ("derm that takes aetna", "Dermatologists taking Aetna"),
        ("pediatrician springfield", "Pediatricians near Springfield (IL, MA, MO or another)"),
        ("within 10 miles of 06106", "Physicians within 10 miles of Hartford, CT 06106"),
        ("Parkinsons", "Physicians for Parkinson's disease"),
        ("allergist near me", "Allergists and immunologists near you"),
        ("midwife in boston", "Midwives near Boston, MA"),
        ("general practitioner", "Primary care doctors"),
        ("foot and ankle surgeon", "Foot and ankle surgeons"),
    ],
)
def test_describe_reads_as_a_sentence(text, sentence):
    assert interpret(text).describe() == sentence


@pytest.mark.parametrize(
    ("text", "filters"),
    [
        ("accepting new patients", {"accepting_new_patients": True}),
        ("taking new patients", {"accepting_new_patients": True}),
        ("telehealth", {"telehealth": True}),
        ("virtual visit", {"telehealth": True}),
        ("video visits", {"telehealth": True}),
        ("online", {"telehealth": True}),
        ("spanish speaking", {"language": ("Spanish",)}),
        ("habla español", {"language": ("Spanish",)}),
        ("who speaks Mandarin", {"language": ("Mandarin",)}),
        ("Russian", {"language": ("Russian",)}),
        ("chinese speaking", {"language": ("Mandarin", "Cantonese")}),
        ("sign language", {"language": ("ASL",)}),
        ("female", {"gender": ("female",)}),
        ("a woman doctor", {"gender": ("female",)}),
        ("lady doctor", {"gender": ("female",)}),
        ("male", {"gender": ("male",)}),
        ("takes Aetna", {"insurance": ("Aetna",)}),
        ("Medicare", {"insurance": ("Medicare",)}),
        ("Blue Cross", {"insurance": ("Blue Cross Blue Shield",)}),
        ("BCBS", {"insurance": ("Blue Cross Blue Shield",)}),
        ("accepts medicaid and medicare", {"insurance": ("Medicaid", "Medicare")}),
        # A carrier beside a public program is the carrier's plan, served by its network.
        ("humana medicare advantage", {"insurance": ("Humana",)}),
        ("uhc medicaid", {"insurance": ("UnitedHealthcare",)}),
        ("Medicare-Aetna", {"insurance": ("Aetna",)}),
        ("medicare or humana", {"insurance": ("Medicare", "Humana")}),
        ("medicare, aetna", {"insurance": ("Medicare", "Aetna")}),
        # A referral's shorthand (blind probe 22: "K50.90 crohns adult GI f/u mcaid")
        ("mcaid", {"insurance": ("Medicaid",)}),
        ("mcare", {"insurance": ("Medicare",)}),
        ("within 15 miles", {"radius_miles": 15}),
        ("25mi", {"radius_miles": 25}),
    ],
)
def test_filter_phrases_become_filters_with_stored_values(text, filters):
    understood = interpret(text)
    assert understood.filters == filters
    assert understood.unplaced == ()


def test_filters_combine_with_what_is_searched_for():
    understood = interpret("spine dr near 06106 taking new patients")
    assert understood.filters == {"accepting_new_patients": True}
    assert only(understood, "specialty").text == "spine dr"
    assert only(understood, "location").place.label == "Hartford, CT 06106"


@pytest.mark.parametrize(
    ("text", "name", "span"),
    [
        ("Dr. Soucier", "Soucier", (0, 11)),
        ("dr smith", "Smith", (0, 8)),
        ("Doctor Patel", "Patel", (0, 12)),
        ("John Smith", "John Smith", (0, 10)),
        ("dr. maria lopez", "Maria Lopez", (0, 15)),
        ("dr. o'brien", "O'Brien", (0, 11)),
        ("Mary-Anne Smith", "Mary-Anne Smith", (0, 15)),
    ],
)
def test_names_when_the_text_looks_like_a_name(text, name, span):
    part = only(interpret(text), "name")
    assert (part.label, part.span) == (name, span)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Charles Adams Jr MD", "Charles Adams Jr"),
        ("Adams Jr", "Adams Jr"),
        ("Dr. Robert Smith Jr.", "Robert Smith Jr"),
        ("dr green ext 12", "Green"),
    ],
)
def test_a_suffix_is_part_of_one_name_and_an_extension_is_none(text, name):
    """'Charles Adams Jr MD' was two names, 'Charles Adams' or 'Jr'; a phone extension
    typed after a name was part of it ('Green Ext')."""
    assert interpret(text).names == (name,)


@pytest.mark.parametrize("text", ["back pain md near me", "weight loss md who takes medicaid"])
def test_a_term_before_a_credential_is_the_term_not_a_name(text):
    """'weight loss md medicaid' searched for physicians named Weight Loss and found nobody."""
    understood = interpret(text)
    assert understood.names == () and understood.concept_ids


def test_breast_surgeons_are_surgeons_not_gynecologists():
    assert set(interpret("breast surgeon").specialty_codes) == {"2086X0206X", "208600000X"}
    assert [p.label for p in interpret("breast pain").parts] == ["Breast pain"]


def test_names_beside_other_parts():
    understood = interpret("Dr. Patel cardiology")
    assert understood.names == ("Patel",)
    assert understood.specialty_codes == ("207RC0000X",)
    assert interpret("dr lee hartford").names == ("Lee",)


@pytest.mark.parametrize("text", ["dr hernandez sports medicine", "dr jones sports medicine"])
def test_a_specialty_after_a_titled_name_is_the_specialty(text):
    """'dr hernandez sports medicine' searched for someone named Hernandez Sports Medicine
    and found nobody."""
    understood = interpret(text)
    assert len(understood.names) == 1 and " " not in understood.names[0]
    assert "207QS0010X" in understood.specialty_codes


@pytest.mark.parametrize(
    "text", ["doctor for sciatica", "doctor near me", "i need a doctor", "best doctor in town"]
)
def test_doctor_as_an_ordinary_word_is_no_title(text):
    assert interpret(text).names == ()


def test_a_lone_word_is_a_name_only_when_the_index_knows_it():
    assert interpret("soucier").names == ()
    assert interpret("soucier", known_names={"Soucier"}).names == ("Soucier",)
    assert interpret("soucier", known_names=lambda word: word == "soucier").names == ("Soucier",)


@pytest.mark.parametrize(
    ("text", "kind", "known"),
    [
        ("acne", "condition", {"anne", "acne"}),
        ("carpal tunnel", "condition", {"carla", "turner", "tunnel"}),
        ("pain doctor", "specialty", {"paine", "palin", "pain"}),
        ("bone doctor", "specialty", {"bona", "bone"}),
        ("back doctor", "specialty", {"black", "beck", "back"}),
    ],
)
def test_a_concept_reading_always_beats_a_name(text, kind, known):
    understood = interpret(text, known_names=known)
    assert understood.names == ()
    assert only(understood, kind)


def test_a_known_name_typed_on_purpose_is_not_corrected_into_a_concept():
    assert interpret("Paine", known_names={"paine"}).names == ("Paine",)
    assert interpret("Anne", known_names={"anne"}).names == ("Anne",)
    # Without the index's names, a one-typo word is read as the concept it is closest to.
    assert concepts(interpret("acnee")) == {"acne"}


def test_the_package_docstring_example_holds():
    text = "bad pain in my lower back since my fusion, spanish speaking, near 06106"
    understood = interpret(text)
    assert [p.kind for p in understood.parts] == ["condition", "condition", "filter", "location"]
    assert understood.concept_ids == (LOW_BACK_PAIN, FBSS)
    assert understood.describe() == (
        "Spanish-speaking physicians for chronic low back pain and failed back surgery "
        "syndrome near Hartford, CT 06106"
    )


def test_as_dict_is_json_and_carries_every_part():
    understood = interpret("female spine surgeon for sciatica in springfield, takes medicare")
    data = json.loads(json.dumps(understood.as_dict()))
    assert data["text"] == understood.text
    assert data["description"] == understood.describe()
    assert [p["kind"] for p in data["parts"]] == [
        "filter",
        "specialty",
        "condition",
        "location",
        "filter",
    ]
    sciatica = data["parts"][2]
    assert (sciatica["ids"], sciatica["span"], sciatica["match"]) == (
        ["sciatica"],
        [25, 33],
        "exact",
    )
    assert data["location"]["place"] is None
    assert {"Springfield, MA", "Springfield, IL"} <= {
        c["label"] for c in data["location"]["candidates"]
    }
    assert all({"lat", "lon"} <= set(c) for c in data["location"]["candidates"])
    assert data["filters"] == {"gender": ["female"], "insurance": ["Medicare"]}
    assert data["unplaced"] == []


def test_as_dict_of_a_resolved_place_has_coordinates():
    data = interpret("cardiologist 06106").as_dict()
    assert data["location"]["place"]["label"] == "Hartford, CT 06106"
    assert 41.5 < data["location"]["place"]["lat"] < 42
    assert data["location"]["near_me"] is False


def test_unplaced_words_are_reported_not_fatal():
    understood = interpret("sciatica xyzzy")
    assert concepts(understood) == {SCIATICA}
    assert [(w.text, w.span) for w in understood.unplaced] == [("xyzzy", (9, 14))]


def test_empty_and_punctuation_only_text_has_no_parts():
    for text in ("", "   ", "?!,.", "---"):
        understood = interpret(text)
        assert (understood.parts, understood.unplaced, understood.understood) == ((), (), False)
        assert understood.describe() == "Physicians"


def test_a_common_surname_is_not_a_typo_of_a_filler_word():
    """'Cantu Pediatrics North Hollywood' dropped "Cantu" as a typo of "can't"."""
    assert [w.text for w in interpret("Cantu Pediatrics").filler] == []
    assert "cantu" in [w.text for w in interpret("cantu pediatrics").unplaced]


@pytest.mark.parametrize(
    ("text", "core"),
    [
        ("fax number for Mantua Spine Center", "Mantua Spine Center"),
        ("Mantua Spine Center phone number", "Mantua Spine Center"),
        ("the sporn office", "sporn"),
        ("phone", ""),
    ],
)
def test_the_core_text_leaves_out_the_filler_it_starts_and_ends_with(text, core):
    assert interpret(text).core_text == core


@pytest.mark.parametrize(
    "text", ["they said follow up with new rology, i have medicaid", "new rologist near me"]
)
def test_a_specialty_split_by_voice_typing_is_that_specialty(text):
    """'follow up with new rology' listed urologists first."""
    assert interpret(text).specialty_codes[:1] == ("2084N0400X",)


@pytest.mark.parametrize("text", ["an actual md for my diabetes", "i want a real md"])
def test_an_adjective_before_a_credential_is_no_surname(text):
    """'dont want a nurse practitioner, an actual md' had searched for Dr. Actual."""
    assert interpret(text).names == ()
    assert interpret("whitehead md").names == ("Whitehead",)
