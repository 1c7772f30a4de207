"""Where a search looks when nobody practises the specialty asked for: the ``broader`` codes
of data/specialties.json, else the NUCC classification people have a name for (after the
sibling subspecialties that treat the same conditions, when that is primary care)."""

from __future__ import annotations

import json
import shutil

import pytest

from directory.understanding import interpret, lexicon_for
from directory.vocabulary import DATA_DIR, default_vocabulary, load_vocabulary

PEDIATRICS, CARDIOLOGY = "208000000X", "207RC0000X"


@pytest.fixture(scope="module")
def vocab():
    return default_vocabulary()


def test_a_curated_list_comes_first():
    assert default_vocabulary().broader_specialties("2085R0204X") == ("2085R0202X",)  # IR
    # No hematologist or hematologist-oncologist nearby: a medical oncologist treats blood
    # disorders too, before an internist.
    assert default_vocabulary().broader_specialties("207RH0000X") == ("207RX0202X", "207R00000X")


def test_with_no_psychologist_nearby_a_child_is_shown_psychiatrists_then_pediatricians(vocab):
    """'psychologist for my kid' found nobody in a city without psychologists: it reaches
    child psychiatrists, psychologists, psychiatrists, then pediatricians."""
    child = vocab.broader_specialties("103TC2200X")
    assert child == ("2084P0804X", "103T00000X", "2084P0800X", PEDIATRICS)
    assert vocab.broader_specialties("103T00000X") == ("2084P0800X",)


def test_a_hematologist_search_includes_hematologist_oncologists():
    part = interpret("hematologist").parts[0]
    assert {"207RH0000X", "207RH0003X"} <= set(part.codes)


def test_without_a_curated_list_the_nucc_classification_is_broader(vocab):
    assert vocab.broader_specialties("207XS0117X") == ("207X00000X",)  # spine -> orthopedic
    assert vocab.broader_specialties("207WX0107X") == ("207W00000X",)  # retina -> eye doctor
    assert vocab.broader_specialties("207RI0200X") == ("207R00000X",)  # infectious -> internist


def test_before_primary_care_the_siblings_that_treat_the_same_conditions(vocab):
    """An internist is the NUCC parent of every medical subspecialty, too broad to be the
    only way forward: a hematologist-oncologist's patients want a medical oncologist."""
    *siblings, internist = vocab.broader_specialties("207RH0003X")
    assert set(siblings) == {"207RX0202X", "207RH0000X"} and internist == "207R00000X"
    assert vocab.broader_specialties("207RS0012X") == ("207RP1001X", "207R00000X")  # sleep
    assert vocab.broader_specialties("207RI0011X") == (CARDIOLOGY, "207R00000X")
    # Siblings that share a condition or two are not alike: an endocrinologist's patients
    # are not a rheumatologist's.
    assert vocab.broader_specialties("207RE0101X") == ("207R00000X",)


def test_a_childs_specialist_widens_to_the_adult_one_and_the_pediatrician(vocab):
    assert vocab.broader_specialties("2080P0202X") == (PEDIATRICS, CARDIOLOGY)
    assert vocab.broader_specialties("207XP3100X") == ("207X00000X", PEDIATRICS)  # orthopedic
    assert vocab.broader_specialties("2084P0804X") == ("2084P0800X", PEDIATRICS)  # psychiatry
    # A pediatrician's own adult counterparts: the doctors who see the whole family.
    assert vocab.broader_specialties(PEDIATRICS) == ("207Q00000X", "208D00000X")
    # Therapists widen to therapists, never to a physician.
    assert vocab.broader_specialties("2251P0200X") == ("225100000X",)


def test_nothing_is_broader_than_a_classification_or_one_people_have_no_name_for(vocab):
    assert vocab.broader_specialties("207Q00000X") == ()  # family medicine
    assert vocab.broader_specialties("2084N0400X") == ()  # "Psychiatry & Neurology" alone
    assert vocab.broader_specialties("not-a-code") == ()


def test_every_broader_specialty_reads_back_as_itself_from_its_name(vocab):
    """The offer searches the broader specialty by its name, so the parser must read it."""
    lexicon = lexicon_for(vocab)
    offered = {b for code in vocab.specialties for b in vocab.broader_specialties(code)}
    assert len(offered) >= 8
    for code in offered:
        reading = interpret(vocab.specialty_name(code), lexicon=lexicon)
        assert [p.ids for p in reading.parts] == [(code,)], (code, reading.parts)


def test_a_broader_code_outside_the_taxonomy_is_refused_naming_the_entry(tmp_path):
    shutil.copy(DATA_DIR / "nucc-provider-taxonomy.csv", tmp_path)
    shutil.copytree(DATA_DIR / "vocabulary", tmp_path / "vocabulary")
    document = json.loads((DATA_DIR / "specialties.json").read_text(encoding="utf-8"))
    document["specialties"][0]["broader"] = ["207ZZ9999X"]
    (tmp_path / "specialties.json").write_text(json.dumps(document), encoding="utf-8")
    code = document["specialties"][0]["code"]
    with pytest.raises(ValueError, match=rf"{code}.*'broader' codes not in the NUCC.*207ZZ9999X"):
        load_vocabulary(tmp_path)


def test_a_need_broadens_to_the_specialist_board_of_those_who_treat_it(vocab):
    """Bunions are treated by podiatrists and foot and ankle surgeons: their board,
    orthopedic surgery, operates on bunions too."""
    assert vocab.boards_beyond("bunions") == ("207X00000X",)
    # Trigger finger's map lists orthopedic surgeons themselves (after hand surgeons): its
    # board is no longer beyond it.
    assert vocab.boards_beyond("trigger-finger") == ()
    assert "207X00000X" in vocab.treating(["trigger-finger"])
    # PCOS's map lists gynecology, whose obstetrician-gynecologists it also means: no board
    # beyond it is needed (files._with_the_same_boards_also).
    assert vocab.boards_beyond("pcos") == () and "207V00000X" in vocab.treating(["pcos"])


@pytest.mark.parametrize(
    "concept",
    ["cosmetic-surgery", "pacemaker-implantation", "coronary-bypass-surgery", "knee-replacement"],
)
def test_a_board_that_does_not_do_the_need_is_never_broader_for_it(vocab, concept):
    """Facial plastic surgeons are ENTs and electrophysiologists internists, but neither an
    ENT nor an internist does a rhinoplasty or implants a pacemaker; a physical therapist's
    board does not replace a knee."""
    boards = vocab.boards_beyond(concept)
    assert not {"207Y00000X", "208600000X", "207R00000X", "225100000X"} & set(boards), boards


def test_every_board_broader_for_a_need_is_a_named_physician_specialty(vocab):
    for concept_id in vocab.concepts:
        for code in vocab.boards_beyond(concept_id):
            specialty = vocab.specialties[code]
            assert specialty.is_physician and specialty.lay_name, (concept_id, code)
            assert code not in {s.code for s in vocab.concepts[concept_id].specialties}


def test_a_boards_narrower_specialties_are_its_adult_specializations():
    vocab = default_vocabulary()
    assert "213ES0103X" in vocab.narrower_specialties("213E00000X")  # foot and ankle surgery
    assert "207XS0117X" in vocab.narrower_specialties("207X00000X")  # spine
    assert "207YP0228X" not in vocab.narrower_specialties("207Y00000X")  # a child's ENT
    # Primary care and pediatrics hold every subspecialty: an internist is no cardiologist.
    assert vocab.narrower_specialties("207R00000X") == ()
    assert vocab.narrower_specialties("208000000X") == ()
    assert vocab.narrower_specialties("207XS0117X") == ()  # already a specialization


def test_a_dental_specialty_broadens_to_the_general_dentist():
    """'orofacial pain specialist' found nobody and offered nothing: NUCC's "Dentist"
    classification has no name people search by, the general dentist (whose ``also`` it is)
    does."""
    vocab = default_vocabulary()
    for code in ("1223X2210X", "1223P0700X", "1223X0400X"):
        assert vocab.broader_specialties(code) == ("1223G0001X",), code


def test_colorectal_surgeons_broaden_to_general_surgeons_then_gastroenterologists():
    """'butt doctor' near Houston found nobody: colorectal surgeons and general surgeons all
    practise in New England here; gastroenterologists treat the same needs without surgery."""
    assert default_vocabulary().broader_specialties("208C00000X") == ("208600000X", "207RG0100X")


def test_behind_a_typed_surgeon_stand_surgeons():
    """'colorectal surgery eval for recurrent sigmoid diverticulitis' listed
    gastroenterologists right behind the three colorectal surgeons: behind a surgeon typed
    beside a need, the general surgeons."""
    from app.search.ranking import broader_behind

    assert broader_behind(default_vocabulary(), ["208C00000X"]) == ["208600000X"]
