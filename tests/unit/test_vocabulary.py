"""The curated clinical vocabulary: external code sets, cross-references and the model page.

Checks every data/vocabulary/*.json file that is present (spine_pain.json always; general.json
when it exists) against the CMS ICD-10-CM code set (simple_icd_10_cm) and the NUCC taxonomy,
and data/lexicon.json (the query parser's everyday words) against the vocabulary and NUCC.
"""

from __future__ import annotations

import csv
import json
import shutil
from collections import defaultdict
from pathlib import Path

import pytest
import simple_icd_10_cm as icd

from directory.text import normalize_term
from directory.understanding.lexicon import Lexicon
from directory.understanding.lexicon_file import LEXICON_FILE, read_lexicon_file
from directory.vocabulary import (
    DATA_DIR,
    SECTION_KEYS,
    Concept,
    Vocabulary,
    default_vocabulary,
    load_vocabulary,
)

VOCABULARY_DIR = DATA_DIR / "vocabulary"
GENERAL = VOCABULARY_DIR / "general.json"
SPINE_PAIN = VOCABULARY_DIR / "spine_pain.json"
FBSS = "failed-back-surgery-syndrome"

INTERVENTIONAL_PAIN = "208VP0014X"
SPINE_SURGERY = "207XS0117X"
NEUROSURGERY = "207T00000X"
PMR_PAIN = "2081P2900X"
PMR = "208100000X"
PHYSICAL_THERAPIST = "225100000X"


@pytest.fixture(scope="module")
def vocab() -> Vocabulary:
    return load_vocabulary()


@pytest.fixture(scope="module")
def nucc_codes() -> set[str]:
    with (DATA_DIR / "nucc-provider-taxonomy.csv").open(encoding="utf-8-sig", newline="") as f:
        return {row["Code"] for row in csv.DictReader(f)}


def _fbss(vocab: Vocabulary) -> Concept:
    return vocab.concepts[FBSS]


def test_every_icd10_code_is_in_the_cms_code_set(vocab):
    codes = {(c.id, code) for c in vocab.concepts.values() for code in c.icd10}
    invalid = sorted(pair for pair in codes if not icd.is_valid_item(pair[1]))
    assert len(codes) > 100
    assert invalid == []


def test_procedures_carry_no_icd10_codes(vocab):
    assert [p.id for p in vocab.procedures() if p.icd10] == []


def test_every_concept_specialty_code_is_in_nucc(vocab, nucc_codes):
    unknown = sorted(
        (c.id, s.code)
        for c in vocab.concepts.values()
        for s in c.specialties
        if s.code not in nucc_codes
    )
    assert unknown == []


def test_specialties_json_codes_are_in_nucc_and_named_for_patients(vocab, nucc_codes):
    document = json.loads((DATA_DIR / "specialties.json").read_text(encoding="utf-8"))
    codes = [s["code"] for s in document["specialties"]]
    assert len(codes) >= 45
    assert len(codes) == len(set(codes))
    assert sorted(set(codes) - nucc_codes) == []
    assert "spine surgeon" in vocab.specialties[SPINE_SURGERY].synonyms
    assert "neurosurgeon" in vocab.specialties[NEUROSURGERY].synonyms
    assert {"interventional pain management", "pain doctor", "pain management"} <= set(
        vocab.specialties[INTERVENTIONAL_PAIN].synonyms
    )
    assert {"physiatrist", "rehab doctor"} <= set(vocab.specialties[PMR].synonyms)
    assert vocab.specialties["213E00000X"].lay_name == "Podiatrist"


def test_specialty_synonyms_do_not_collide(vocab):
    owners: dict[str, set[str]] = defaultdict(set)
    for specialty in vocab.specialties.values():
        for term in (specialty.lay_name or "", *specialty.synonyms):
            if normalize_term(term):
                owners[normalize_term(term)].add(specialty.code)
    shared = {term: sorted(codes) for term, codes in owners.items() if len(codes) > 1}
    assert shared == {}


def test_a_term_belongs_to_one_concept_unless_declared_ambiguous(vocab):
    owners: dict[str, set[str]] = defaultdict(set)
    for concept in vocab.concepts.values():
        for term in concept.terms:
            owners[term].add(concept.id)
    declared = {normalize_term(term) for term in vocab.ambiguous_synonyms}
    undeclared = {t: sorted(ids) for t, ids in owners.items() if len(ids) > 1 and t not in declared}
    assert undeclared == {}
    assert "pinched nerve" in declared
    assert {c.id for c in vocab.lookup("pinched nerve")} == {
        "cervical-radiculopathy",
        "lumbar-radiculopathy",
    }


def test_every_declared_ambiguity_has_a_reason_and_is_really_shared(vocab):
    unshared = [t for t in vocab.ambiguous_synonyms if len(vocab.lookup(t)) < 2]
    unexplained = [t for t, reason in vocab.ambiguous_synonyms.items() if len(reason) < 20]
    assert unshared == []
    assert unexplained == []


def test_no_entry_repeats_its_own_name_as_a_synonym(vocab):
    # Case-insensitive: variant spellings ("Sjogren's" for "Sjögren's") are wanted synonyms.
    repeats = [
        c.id
        for c in vocab.concepts.values()
        if c.name.casefold() in {s.casefold() for s in c.synonyms}
    ]
    assert repeats == []


def test_related_ids_exist_and_have_the_opposite_kind(vocab):
    broken = [
        (c.id, r)
        for c in vocab.concepts.values()
        for r in c.related
        if r not in vocab.concepts or vocab.concepts[r].kind == c.kind
    ]
    assert broken == []


def test_every_condition_has_a_specialty_a_summary_and_all_five_sections(vocab):
    incomplete = [
        c.id
        for c in vocab.conditions()
        if not c.specialties
        or not c.summary.strip()
        or set(c.sections) != set(SECTION_KEYS["condition"])
        or not all(text.strip() for text in c.sections.values())
    ]
    assert incomplete == []


def test_vocabulary_is_big_enough(vocab):
    spine_pain = [c for c in vocab.conditions() if c.body_system in ("spine", "pain")]
    assert len(spine_pain) >= 35
    assert len(vocab.procedures()) >= 20
    if GENERAL.exists():
        assert len(vocab.conditions()) >= 150
    else:
        assert len(spine_pain) >= 40


@pytest.mark.parametrize(
    "term",
    [
        FBSS,
        "Failed Back Surgery Syndrome",
        "failed back syndrome",
        "post laminectomy syndrome",
        "Post-Laminectomy Syndrome",
        "postlaminectomy syndrome",
        "pain after back surgery",
        "FBSS",
    ],
)
def test_failed_back_surgery_syndrome_is_reachable_by(vocab, term):
    assert [c.id for c in vocab.lookup(term)] == [FBSS]


def test_failed_back_surgery_syndrome_is_reachable_by_icd10_code(vocab):
    assert _fbss(vocab).icd10 == ("M96.1",)
    assert FBSS in [c.id for c in vocab.concepts_for_icd10("m96.1")]


def test_failed_back_surgery_syndrome_lists_its_treatments(vocab):
    related = set(_fbss(vocab).related)
    assert {
        "revision-spine-surgery",
        "physical-therapy",
        "epidural-steroid-injection",
        "spinal-cord-stimulation",
        "intrathecal-drug-delivery",
    } <= related
    assert FBSS in vocab.concepts["spinal-cord-stimulation"].related


def test_failed_back_surgery_syndrome_ranks_specialties_sensibly(vocab):
    codes = [s.code for s in _fbss(vocab).specialties]
    assert codes[0] == INTERVENTIONAL_PAIN
    assert {SPINE_SURGERY, NEUROSURGERY, PMR_PAIN, PMR, PHYSICAL_THERAPIST} <= set(codes)
    # Surgeons come before rehabilitation physicians, and every physician before the therapist.
    assert max(codes.index(SPINE_SURGERY), codes.index(NEUROSURGERY)) < codes.index(PMR_PAIN)
    physicians = [i for i, code in enumerate(codes) if vocab.specialties[code].is_physician]
    assert max(physicians) < codes.index(PHYSICAL_THERAPIST)
    assert all(s.reason for s in _fbss(vocab).specialties)


def test_failed_back_surgery_syndrome_is_the_model_page(vocab):
    sections = _fbss(vocab).sections
    assert list(sections) == list(SECTION_KEYS["condition"])
    assert all(text.count(". ") + 1 >= 4 for text in sections.values())


def test_concepts_for_specialty_returns_ranked_concepts(vocab):
    pairs = vocab.concepts_for_specialty(INTERVENTIONAL_PAIN)
    assert (_fbss(vocab), 0) in pairs
    assert [rank for _, rank in pairs] == sorted(rank for _, rank in pairs)
    assert (_fbss(vocab), 1) in vocab.concepts_for_specialty(SPINE_SURGERY)
    assert vocab.concepts_for_specialty("not-a-code") == []


def test_specialty_name_prefers_the_lay_name(vocab):
    assert vocab.specialty_name(SPINE_SURGERY) == "Spine surgeon"
    assert vocab.specialty_name("193200000X") == "Multi-Specialty Group"
    assert vocab.specialty_name("XXXXXXXXXX") == "XXXXXXXXXX"
    assert vocab.specialties["207RC0000X"].is_physician
    assert not vocab.specialties[PHYSICAL_THERAPIST].is_physician


def test_default_vocabulary_is_loaded_once():
    assert default_vocabulary() is default_vocabulary()
    assert FBSS in default_vocabulary().concepts


def _data_dir(tmp_path: Path, vocabulary_files: dict[str, dict]) -> Path:
    shutil.copy(DATA_DIR / "nucc-provider-taxonomy.csv", tmp_path)
    shutil.copy(DATA_DIR / "specialties.json", tmp_path)
    (tmp_path / "vocabulary").mkdir()
    for name, document in vocabulary_files.items():
        (tmp_path / "vocabulary" / name).write_text(json.dumps(document), encoding="utf-8")
    return tmp_path


def _spine_pain() -> dict:
    return json.loads(SPINE_PAIN.read_text(encoding="utf-8"))


def test_loads_without_general_json(tmp_path):
    spine_pain = _spine_pain()
    vocab = load_vocabulary(_data_dir(tmp_path, {"spine_pain.json": spine_pain}))
    assert len(vocab.concepts) == len(spine_pain["entries"])
    assert FBSS in vocab.concepts


def test_duplicate_id_across_files_names_the_file_and_entry(tmp_path):
    spine_pain = _spine_pain()
    copy = {"entries": [e for e in spine_pain["entries"] if e["id"] == FBSS]}
    data_dir = _data_dir(tmp_path, {"a.json": copy, "spine_pain.json": spine_pain})
    with pytest.raises(ValueError, match=rf"spine_pain\.json.*{FBSS}.*duplicate id"):
        load_vocabulary(data_dir)


def test_schema_error_names_the_file_and_entry(tmp_path):
    spine_pain = _spine_pain()
    entry = next(e for e in spine_pain["entries"] if e["id"] == "sciatica")
    del entry["sections"]["diagnosis"]
    with pytest.raises(ValueError, match=r"spine_pain\.json.*'sciatica'.*sections"):
        load_vocabulary(_data_dir(tmp_path, {"spine_pain.json": spine_pain}))


# data/lexicon.json: the parser's everyday words (directory/understanding/lexicon_file.py).


def test_lexicon_file_references_known_concepts_and_nucc_codes(vocab, nucc_codes):
    data = read_lexicon_file()
    codes = {c for g in data.specialty_terms for c in g.codes}
    codes |= {c for p in data.body_parts for c in (*p.specialties, *p.surgeons)}
    codes |= {c for s in data.symptoms for c in s.specialties}
    concepts = {c for g in data.concept_terms for c in g.concepts}
    concepts |= {c for p in data.body_parts for c in p.concepts}
    # A context's concept "" means it reads only beside a body system it lists.
    concepts |= {c for x in data.contexts for c in (x.concept, *x.by_body_system.values()) if c}
    assert sorted(codes - nucc_codes) == []
    assert sorted(concepts - set(vocab.concepts)) == []
    assert {p.body_system for p in data.body_parts} <= {
        c.body_system for c in vocab.concepts.values()
    }
    Lexicon.build(vocab, data=data)  # checks the same references itself


def test_every_lexicon_term_keeps_the_meaning_its_section_gives_it(vocab):
    lexicon = Lexicon.build(vocab)
    data = lexicon.data
    sections = {
        ("body_part",): [t for p in data.body_parts for t in p.terms],
        ("symptom",): [t for s in data.symptoms for t in s.terms],
        ("specialty",): [t for g in data.specialty_terms for t in g.terms],
        ("condition", "procedure"): [t for g in data.concept_terms for t in g.terms],
        ("context",): [t for c in data.contexts for t in c.terms],
        ("near_me",): list(data.near_me),
        ("filter",): [t for terms in data.filters.values() for t in terms],
    }
    shadowed = {
        term: lexicon.phrases[term].kind
        for kinds, terms in sections.items()
        for term in terms
        if lexicon.phrases[term].kind not in kinds
    }
    assert shadowed == {}


def test_lexicon_body_parts_and_symptoms_do_not_share_terms():
    data = read_lexicon_file()
    owners: dict[str, set[str]] = defaultdict(set)
    for owner in (*data.body_parts, *data.symptoms):
        for term in owner.terms:
            owners[term].add(owner.id)
    assert {t: sorted(ids) for t, ids in owners.items() if len(ids) > 1} == {}


def test_a_broken_lexicon_file_names_the_file_and_the_entry(tmp_path):
    document = json.loads(LEXICON_FILE.read_text(encoding="utf-8"))
    document["body_parts"][0]["terms"] = "knee"
    broken = tmp_path / "lexicon.json"
    broken.write_text(json.dumps(document), encoding="utf-8")
    with pytest.raises(ValueError, match=r"lexicon\.json.*body part 'back'.*list of strings"):
        read_lexicon_file(broken)


def test_a_lexicon_naming_an_unknown_code_is_refused(vocab, tmp_path):
    document = json.loads(LEXICON_FILE.read_text(encoding="utf-8"))
    document["specialty_terms"][0]["codes"] = ["999999999X"]
    broken = tmp_path / "lexicon.json"
    broken.write_text(json.dumps(document), encoding="utf-8")
    with pytest.raises(ValueError, match=r"lexicon\.json.*999999999X"):
        Lexicon.build(vocab, data=read_lexicon_file(broken))


def test_a_listed_specialty_brings_its_own_boards_codes_it_also_means(vocab):
    """A mammogram listed "Gynecology" only, so obstetrician-gynecologists (most
    gynecologists' code) were never its physicians: 'where can i get a mamogram' listed
    family doctors. Only the same board's codes are added; another board's (pain medicine's
    PM&R) are left to the map."""
    listed = [s.code for s in vocab.concepts["mammography"].specialties]
    assert listed.index("207V00000X") == listed.index("207VG0400X") + 1
    raw = {
        entry["id"]: [s["code"] for s in entry["specialties"]]
        for path in sorted((DATA_DIR / "vocabulary").glob("*.json"))
        for entry in json.loads(path.read_text())["entries"]
    }
    added = 0
    for concept in vocab.concepts.values():
        codes = [s.code for s in concept.specialties]
        for at, code in enumerate(codes):
            if code in raw[concept.id]:
                continue
            added += 1
            before = vocab.specialties[codes[at - 1]]
            board = lambda s: (s.grouping, s.classification)  # noqa: E731
            assert code in before.also and board(vocab.specialties[code]) == board(before)
    assert added >= 10
