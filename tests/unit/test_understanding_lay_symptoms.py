"""Symptoms in lay words read as the vocabulary's concept (``concept_terms`` in
data/lexicon.json), across body systems."""

from __future__ import annotations

import pytest

from directory.understanding import interpret
from directory.vocabulary import default_vocabulary


@pytest.mark.parametrize(
    ("text", "concept"),
    [
        ("my heart keeps racing", "heart-arrhythmia"),
        ("heart skipping beats", "heart-arrhythmia"),
        ("bladder leaks when i sneeze", "urinary-incontinence"),
        ("peeing a lot at night", "overactive-bladder"),
        ("blood in my pee", "blood-in-urine"),
        ("can't poop", "constipation"),
        ("food gets stuck", "dysphagia"),
        ("foot drop", "foot-drop"),
        ("numb feet", "peripheral-neuropathy"),
        ("passed out twice", "fainting"),
        ("room spinning", "vertigo"),
        ("lump in my breast", "breast-lump"),
        ("losing my hair", "hair-loss"),
        ("feeling down", "depression"),
        ("can't focus at school", "adhd"),
        ("trouble sleeping", "insomnia"),
        ("tired all the time", "chronic-fatigue-syndrome"),
        ("runny nose and sneezing", "allergic-rhinitis"),
        ("my ears ring", "tinnitus"),
        ("jaw pain when chewing", "tmj-disorder"),
        ("double vision", "lazy-eye-and-strabismus"),
        ("weight gain", "obesity"),
        ("baby keeps spitting up", "gerd"),  # "spits" is not "spots" (a rash)
        ("chin hair and irregular periods", "pcos"),
        ("toddler not talking yet", "developmental-delay"),  # found nobody
    ],
)
def test_a_lay_symptom_reads_as_its_concept(text, concept):
    understood = interpret(text)
    assert understood.concept_ids[0] == concept
    assert not understood.unplaced


def test_every_lay_symptom_concept_is_treated_by_someone():
    from directory.understanding import lexicon_for

    vocabulary = default_vocabulary()
    for group in lexicon_for(vocabulary).data.concept_terms:
        for concept_id in group.concepts:
            assert vocabulary.concepts[concept_id].specialties, concept_id


@pytest.mark.parametrize(
    ("text", "concepts"),
    [
        ("arthritus", {"osteoarthritis", "rheumatoid-arthritis"}),
        ("excema on my baby", {"eczema"}),
        ("short of breath", {"dyspnea"}),
        ("painful sex", {"pelvic-pain"}),
    ],
)
def test_common_misspellings_and_symptoms_read_as_their_concepts(text, concepts):
    """'arthritus' was a known word (inside 'knee arthritus') that meant nothing alone, and
    'excema' two letters from eczema: both searched nothing."""
    reading = interpret(text)
    assert reading.unplaced == ()
    assert {i for p in reading.parts if p.kind == "condition" for i in p.ids} == concepts


@pytest.mark.parametrize(
    "text", ["ur closest pediatrician", "pediatrician plz", "pediatrician thx"]
)
def test_texting_words_are_filler(text):
    reading = interpret(text)
    assert reading.unplaced == ()
    assert [p.label for p in reading.parts if p.kind == "specialty"] == ["Pediatrician"]


@pytest.mark.parametrize(
    ("text", "concept"),
    [
        ("everything is blurry", "refractive-errors"),
        ("my hand shakes when i hold a cup", "essential-tremor"),
        ("trouble getting it up", "erectile-dysfunction"),
        ("stiff every morning", "rheumatoid-arthritis"),
        ("cant lift my arm over my head", "rotator-cuff-tear"),
        ("ozempic", "obesity"),
        ("me duele mucho la rodilla", None),  # knee pain, one part
    ],
)
def test_more_lay_words_read_as_their_need(text, concept):
    """A second patient probe: 'blurry', 'hand shakes', slang for erections, morning
    stiffness, 'over my head' (read as head problems) and a GLP-1's brand name were
    unread or misread."""
    reading = interpret(text)
    if concept is None:
        assert [p.label for p in reading.parts] == ["Knee pain"]
    else:
        assert concept in {i for p in reading.parts for i in p.ids}, reading.parts
        assert "head" not in {p.label.split()[0].lower() for p in reading.parts}


@pytest.mark.parametrize(
    ("text", "concept"),
    [
        ("my baby isnt gaining weight", "failure-to-thrive"),  # read as obesity
        ("picky eater toddler", "feeding-problems"),
        ("short for his age", "short-stature"),
        ("tongue tie newborn", "tongue-tie"),
        ("flat spot on head", "flat-head-syndrome"),
        ("kicks legs in sleep", "restless-legs-syndrome"),
        ("lump in my armpit", "armpit-lump"),  # found nobody
        ("elevated LFTs", "abnormal-liver-tests"),
        ("high calcium", "hyperparathyroidism"),
        ("low vitamin d", "vitamin-d-deficiency"),
        ("hyponatremia", "electrolyte-imbalance"),
        ("high platelets", "abnormal-blood-counts"),
        ("protein in urine", "proteinuria"),
        ("hematuria w/u cysto", "cystoscopy"),
        ("afib needs DCCV", "cardioversion"),
        ("calcium score", "cardiac-ct"),
        ("im trans and want to start hormone therapy", "gender-affirming-care"),
        ("cochlear implant eval, profound SNHL", "cochlear-implant"),
        ("melanoma needs WLE + SLNB", "wide-excision"),
        ("11 yo F precocious puberty", "precocious-puberty"),  # "F": the patient's sex
        ("88F recurrent falls", "falls-and-balance"),
        ("murmur, VSD on echo", "congenital-heart-disease"),
        ("34F w/ hx optic neuritis", "optic-neuritis"),  # was neuropathic pain
        ("pre-op cardiac clearance hip replacement", "cardiac-clearance"),  # was dropped
        ("swollen stiff hands in the morning", "rheumatoid-arthritis"),  # was hand surgeons
        ("leaking urine when i cough", "urinary-incontinence"),  # not a chronic cough
        ("abnormal heart rhythm", "heart-arrhythmia"),  # was "heart problems", rhythm unread
    ],
)
def test_a_childs_growth_and_a_referrals_lab_findings_read_as_their_need(text, concept):
    """A child's growth and feeding, nights of jumping legs, a lump under the arm, and the
    lab values and procedures a referral names were unread (nobody found) or misread ('isnt
    gaining weight' as obesity)."""
    reading = interpret(text)
    assert concept in {i for p in reading.parts for i in p.ids}, reading.parts
    assert "obesity" not in reading.concept_ids
    assert reading.unplaced == ()


@pytest.mark.parametrize(
    ("text", "concept"),
    [
        ("sore on my shin wont heal", "chronic-wounds"),
        ("cut on my foot is not healing", "chronic-wounds"),
        ("pain under right ribs after greasy food", "gallstones"),
        ("RUQ pain", "gallstones"),
        ("hives after eating peanut butter", "food-allergy"),
        ("BMI 43 w/ T2DM", "obesity"),
        ("vitamin b 12", "anemia"),
        ("cant stop worrying about everything", "anxiety"),
        ("quiero dejar de tomar alcohol, necesito ayuda", "alcohol-use-disorder"),
        # Everyday words, Spanish ones among them: each read nothing
        ("me siento muy triste y sin ganas de nada", "depression"),
        ("mi azúcar sale muy alta", "type-2-diabetes"),
        ("no puedo dormir", "insomnia"),
        ("granos en la cara", "acne"),
        ("i have a cold", "acute-bronchitis"),
        ("always cold and tired", "hypothyroidism"),
        # 'hooked on pain pills' had read pain and listed pain doctors for an addiction
        ("my son is 19 and hooked on pain pills", "opioid-use-disorder"),
        ("getting off opioids", "opioid-use-disorder"),
        ("bulging blue veins that ache", "varicose-veins"),
        ("lfts elevated", "abnormal-liver-tests"),
        ("BI-RADS 4 L breast mass", "breast-lump"),
        ("they found a spot on my mammogram", "breast-biopsy"),  # the work-up: radiology
        # signs described: each had read nothing or only a body part ('yellow', 'gave')
        ("my eyes are yellow", "abnormal-liver-tests"),
        ("my newborn is yellow", "newborn-jaundice"),
        ("my son sleepwalks", "sleep-study"),
        ("knee gave out playing soccer", "acl-tear"),
        ("bad breath", "gum-disease"),
        ("mood swings", "bipolar-disorder"),
        ("anxious all the time", "anxiety"),
    ],
)
def test_how_people_describe_a_need_reads_as_it(text, concept):
    """A sore that won't heal, pain under the right ribs after fatty food, a reaction to
    peanuts, a BMI on a referral: each had found the wrong specialists or nobody."""
    assert concept in interpret(text).concept_ids, text


def test_a_lump_on_the_skin_is_for_who_looks_at_lumps_not_the_body_parts_specialists():
    """'a lump on my back' left 'lump' unread and listed spine specialists for the back."""
    (part,) = interpret("a lump on my back").parts
    assert part.label == "Lump on back" and "208600000X" in part.codes
    assert not interpret("a lump on my back").unplaced


@pytest.mark.parametrize(
    ("text", "concepts"),
    [
        ("TSH <0.01 FT4 3.8, r/o Graves dz", {"hyperthyroidism"}),
        ("FT4 elevated", {"hyperthyroidism"}),
        ("low TSH", {"hyperthyroidism"}),
        ("TSH elevated", {"hypothyroidism"}),
        ("LDL 190", {"high-cholesterol"}),
        ("Hgb 7.9", {"anemia"}),
        ("plt 40k", {"bleeding-disorders"}),
        ("creatinine 2.1 gfr 28", {"chronic-kidney-disease"}),
        ("uric acid 9", {"gout"}),
        ("BNP 900", {"heart-failure"}),
        ("ALT 200", {"abnormal-liver-tests"}),
        ("vit D 10", {"vitamin-d-deficiency"}),
        ("hx sz", {"epilepsy"}),
    ],
)
def test_a_referrals_lab_or_shorthand_reads_as_the_condition(text, concepts):
    """A coordinator writes the lab and its value: 'TSH <0.01 FT4 3.8' had found nobody."""
    reading = interpret(text)
    assert {i for p in reading.parts if p.kind == "condition" for i in p.ids} >= concepts
    assert not any(w.text.isalpha() for w in reading.unplaced), reading.unplaced


@pytest.mark.parametrize(
    ("text", "label"),
    [
        ("my son is ill", "Primary care doctor"),
        ("not feeling well", "Primary care doctor"),
        ("under the weather", "Primary care doctor"),
        ("sick kid", "Children's doctor"),
    ],
)
def test_being_sick_asks_for_a_primary_care_doctor(text, label):
    """'my son is ill' had searched for a physician named Ill, and found nobody."""
    reading = interpret(text)
    assert [p.label for p in reading.parts if p.kind == "specialty"][-1:] == [label]
    assert not reading.unplaced


def test_sick_beside_a_named_need_keeps_the_need():
    assert interpret("sick to my stomach").concept_ids == ("nausea-and-vomiting",)
    assert "chronic-low-back-pain" in interpret("sick of my back pain").concept_ids


def test_the_front_of_the_neck_is_the_thyroid():
    """'front of my neck looks swollen' had listed internists for the swelling."""
    assert "thyroid-nodules" in interpret("front of my neck looks swollen").concept_ids
    assert "thyroid-nodules" in interpret("lump in the front of my neck").concept_ids


def test_swollen_knuckles_and_morning_stiffness_read_as_inflammatory_arthritis():
    """'hands are stiff and puffy every morning, my knuckles ache' had listed ten
    orthopedic surgeons for a swollen hand; one swollen knee stays the knee."""
    assert "rheumatoid-arthritis" in interpret("my hands are stiff in the morning").concept_ids
    assert "rheumatoid-arthritis" in interpret("swollen knuckles").concept_ids
    knee = interpret("my knee is stiff and swollen")
    assert "rheumatoid-arthritis" not in knee.concept_ids
    assert any(p.kind == "body_part" and p.label.startswith("Knee") for p in knee.parts)


def test_swelling_said_as_a_verb_or_puffy_is_swelling():
    assert "leg-swelling" in interpret("my legs swell up").concept_ids
    assert [p.label for p in interpret("puffy eyes").parts] == ["Eyes swelling"]


def test_a_babys_age_in_months_is_the_patient():
    """'3 mo old w/ murmur' had listed adult cardiologists who see no infants."""
    reading = interpret("3 mo old w/ murmur + poor feeding, peds cards")
    assert reading.patient_age == 0


@pytest.mark.parametrize(
    ("text", "label"),
    [
        ("CHF exacerbation f/u", "Heart Failure"),
        ("MS relapse", "Multiple Sclerosis (MS)"),
        ("mitral regurg", "Heart Valve Disease"),
        ("iron def anemia", "Anemia"),
        ("ITP", "Immune Thrombocytopenia (ITP)"),
        ("HOCM", "Cardiomyopathy"),
        ("SUD", "Addiction specialist"),
        ("recurrent c diff", "Infectious disease or GI doctor"),
        ("pituitary adenoma", "Pituitary Gland Disorders"),
    ],
)
def test_a_referrals_shorthand_is_read_whole(text, label):
    """Each left a word unplaced ('exacerbation', 'regurg', 'def') or read nothing."""
    reading = interpret(text)
    assert label in [p.label for p in reading.parts]
    assert [w.text for w in reading.unplaced] in ([], ["adenoma"])


@pytest.mark.parametrize(
    ("text", "concept"),
    [
        ("my 2 yr old isnt walking yet", "developmental-delay"),
        ("my son has a lisp", "developmental-delay"),
        ("my newborn wont latch", "feeding-problems"),
        ("my kid cant sit still in class", "adhd"),
        ("teen won't get out of bed", "depression"),
        ("my 14 year old is cutting", "depression"),
        ("my dad wanders at night", "dementia"),
        ("dad gets lost driving", "dementia"),
        ("grandpa keeps choking on food", "dysphagia"),
        ("elderly dad incontinent", "urinary-incontinence"),
        ("my dad is not walking since his fall", "falls-and-balance"),
    ],
)
def test_what_families_say_about_a_child_or_a_parent_reads_as_the_need(text, concept):
    """Each read nothing but the child ('isnt', 'latch', 'wanders' unplaced)."""
    reading = interpret(text)
    assert concept in reading.concept_ids
    assert not reading.unplaced


def test_an_adults_words_are_not_a_childs_delay():
    dad = interpret("my dad is not walking since his fall")
    assert "developmental-delay" not in dad.concept_ids
    assert not interpret("my mother in law has shingles").unplaced


def test_a_thyroid_lab_alone_is_the_thyroid():
    """'TSH 12' had found nobody; low or high it names the condition (above), alone the
    gland, for endocrinologists, not hyperthyroidism's eye doctors."""
    (part,) = interpret("TSH 12").parts
    assert (part.kind, part.label) == ("body_part", "Thyroid problems")


def test_falls_and_balance_said_plainly_and_an_adults_age_typed_on():
    """'dad is 82yo fell twice this month balance is bad' read only Medicare: 'fell twice'
    and 'balance is bad' were not the falls, and '82yo' was left to be a name."""
    reading = interpret("dad is 82yo fell twice this month balance is bad, he has medicare")
    assert reading.concept_ids == ("falls-and-balance",)
    assert not reading.unplaced and reading.patient_age is None
    assert interpret("my 7yo").patient_age == 7  # a child's age is still the patient


@pytest.mark.parametrize(
    ("text", "age"),
    [
        ("therapist for my son 16 depressed wont leave his room", 16),
        ("my son, 16, is depressed", 16),
        ("my daughter 3 has a rash", 3),
        ("my son who is 16", 16),
    ],
)
def test_a_childs_age_right_after_son_or_daughter_is_the_patient(text, age):
    """'therapist for my son 16' listed psychiatrists who see adults only."""
    assert interpret(text).patient_age == age


def test_an_adult_sons_age_is_no_child():
    assert interpret("my son 25 has asthma").patient_age is None


@pytest.mark.parametrize(
    ("text", "read"),
    [
        ("skin guy near me", ("specialty", "Dermatologist")),
        ("knee guy", ("specialty", "Orthopedic surgeon")),
        ("heart burn", ("condition", "Acid Reflux (GERD)")),
        ("plan b", ("condition", "Birth Control and Family Planning")),
        ("premature ejaculation", ("condition", "Premature Ejaculation")),
        ("low sex drive", ("condition", "Low Testosterone")),
        ("belly button bulge", ("condition", "Hernia")),
        ("charlie horse", ("condition", "Muscle Cramps (Charley Horses)")),
        ("my ears are clogged", ("condition", "Earwax Buildup")),
        ("lost my taste", ("condition", "Loss of Smell or Taste")),
        ("sore on my tongue", ("condition", "Mouth Sores and Patches")),
        # Spanish: each read nothing, or left its verb unread ('arde', 'pica', 'siento')
        ("me arde al orinar", ("condition", "Urinary Tract Infection (UTI)")),
        ("mi bebe no come", ("condition", "Feeding Problems")),
        ("me pica la piel", ("body_part", "Skin rash")),
        ("me siento deprimida", ("condition", "Depression")),
        ("no puedo respirar bien", ("condition", "Shortness of Breath (Dyspnea)")),
    ],
)
def test_everyday_names_for_a_need_or_a_doctor(text, read):
    """Each read nothing, or the wrong organ ('heart burn' was heart problems)."""
    reading = interpret(text)
    assert read in [(p.kind, p.label) for p in reading.parts]
    assert not reading.unplaced


@pytest.mark.parametrize("text", ["Guy Smith", "dr guy", "Melissa Gal"])
def test_guy_and_gal_stay_names(text):
    assert not [p for p in interpret(text).parts if p.kind == "specialty"]


@pytest.mark.parametrize(
    ("text", "label"),
    [
        ("oculoplastics", "Ophthalmologist"),
        ("PsyD", "Psychologist"),
        ("speech eval", "Speech therapist"),
        ("hospice", "Palliative care doctor"),
    ],
)
def test_a_kind_of_care_named_by_its_short_name(text, label):
    assert [p.label for p in interpret(text).parts] == [label]


def test_slurred_speech_is_a_stroke_sign_not_speech_therapy():
    assert interpret("slurred speech").concept_ids == ("stroke",)


def test_a_late_period_in_spanish_asks_for_a_gynecologist():
    assert ("specialty", "Gynecologist") in [
        (p.kind, p.label) for p in interpret("no me baja la regla").parts
    ]


@pytest.mark.parametrize(
    ("text", "concept"),
    [
        ("my dad forgets things", "dementia"),
        ("se me olvidan las cosas", "dementia"),
        ("always thirsty and tired", "type-2-diabetes"),
        ("her sugar is high", "type-2-diabetes"),
        ("sugar over 400 again", "type-2-diabetes"),
        ("burning in my chest after i eat", "gerd"),
        ("agruras todas las noches", "gerd"),
        ("skin looks yellow", "abnormal-liver-tests"),
        ("positive cologuard", "colonoscopy"),
        ("FIT positive needs scope", "colonoscopy"),
        ("itchy eyes every spring", "allergic-rhinitis"),
        ("sneezing all the time", "allergic-rhinitis"),
        ("chest whistles when she breathes", "asthma"),
        ("a mi niña le silba el pecho", "asthma"),
        ("skin keeps peeling on my fingers", "eczema"),
    ],
)
def test_a_need_said_in_plain_words_reads_as_it(text, concept):
    """Each read nothing, or another need: 'peeling' had been corrected to 'peeing'
    (urologists), 'burning in my chest' read as numbness (cardiologists)."""
    assert concept in interpret(text).concept_ids


def test_sugar_land_stays_a_place():
    reading = interpret("pediatrician sugar land")
    assert reading.location.label == "Sugar Land, TX"
    assert not reading.concept_ids


@pytest.mark.parametrize(
    ("text", "read"),
    [
        ("i hear a buzzing sound", "tinnitus"),
        ("my eyes are red and goopy", "conjunctivitis"),
        ("burping all day", "gerd"),
        ("felt faint getting out of bed", "fainting"),
        ("my legs feel heavy by evening", "varicose-veins"),
        ("hands go numb at night", "carpal-tunnel-syndrome"),
        ("she cant remember things", "dementia"),
        ("tired all the time", "chronic-fatigue-syndrome"),
        ("gaining weight", "obesity"),
        ("losing weight without trying", "unexplained-weight-loss"),
        ("coughing up mucus", "chronic-cough"),
        ("stool is black", "207RG0100X"),
        ("sweaty palms", "207N00000X"),
        ("flat feet", "213E00000X"),
    ],
)
def test_what_a_patient_noticed_reads_as_the_need(text, read):
    """Each read nothing, or a part of the body alone ('legs feel heavy': leg problems;
    'cant stop burping': numbness)."""
    reading = interpret(text)
    assert read in (*reading.concept_ids, *reading.specialty_codes)


@pytest.mark.parametrize("text", ["faint pink rash", "weight loss doctor"])
def test_everyday_words_keep_their_other_sense(text):
    ids = interpret(text).concept_ids
    assert "fainting" not in ids and "unexplained-weight-loss" not in ids


@pytest.mark.parametrize(
    ("text", "concept"),
    [
        ("lump in her brest", "breast-lump"),
        ("my brest hurts", None),  # the breast, not unread
        ("mi papá ronca y deja de respirar", "sleep-apnea"),
        ("me truena la quijada", "tmj-disorder"),
        ("throbbing headache behind my eyes", "migraine"),
        ("blood on the toilet paper", "hemorrhoids"),
        ("racing thoughts at night", "anxiety"),
        ("my hair is falling out", "hair-loss"),
    ],
)
def test_a_need_said_as_people_say_it_or_misspelled_inside_a_known_phrase(text, concept):
    """'brest' is in the vocabulary's 'brest cancer', so it was never corrected elsewhere:
    'a lump in her brest' read a lump anywhere. 'my hair is falling out' read falls."""
    reading = interpret(text)
    assert not reading.unplaced
    if concept:
        assert concept in reading.concept_ids
    assert "falls-and-balance" not in reading.concept_ids


@pytest.mark.parametrize(
    ("text", "concept"),
    [
        ("his legs cramp when he walks", "peripheral-artery-disease"),
        ("bad circulation in my legs", "peripheral-artery-disease"),
        ("the pediatrician says tubes for my son", "ear-tubes"),
    ],
)
def test_what_the_family_was_told_reads_as_the_need(text, concept):
    assert concept in interpret(text).concept_ids
