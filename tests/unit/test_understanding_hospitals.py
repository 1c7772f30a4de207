"""Hospitals typed in the box, read with the names the directory's physicians give."""

from __future__ import annotations

import pytest

from directory.understanding import Hospitals, interpret
from directory.understanding.hospitals import named_by

NAMES = (
    "Hartford Hospital",
    "Saint Francis Hospital and Medical Center",
    "Cedars-Sinai Medical Center",
    "Children's Hospital Los Angeles",
    "Texas Children's Hospital",
    "Baylor St. Luke's Medical Center",
    "Houston Methodist Hospital",
    "Massachusetts General Hospital",
    "Emory University Hospital",
    "Rush University Medical Center",
    "Boston Medical Center",
    "Memorial Hermann-Texas Medical Center",
    "Grady Memorial Hospital",
)
HOSPITALS = Hospitals.of(NAMES)


def read(text: str):
    understood = interpret(text, hospitals=HOSPITALS)
    return [(p.kind, p.label) for p in understood.parts], understood


@pytest.mark.parametrize(
    ("text", "hospital"),
    [
        ("cardiologist at hartford hospital", "Hartford Hospital"),
        ("neurologist at cedars sinai", "Cedars-Sinai Medical Center"),
        ("pediatrician at texas children's", "Texas Children's Hospital"),
        ("pediatrician texas childrens hospital", "Texas Children's Hospital"),
        ("st lukes cardiology", "Baylor St. Luke's Medical Center"),
        ("saint francis hospital", "Saint Francis Hospital and Medical Center"),
        ("cardiologist at mass general", "Massachusetts General Hospital"),
        ("knee surgeon at emory", "Emory University Hospital"),
        # near a hospital is among its doctors ("near emory" searched Emory, VA), and a
        # name that starts with a generic word is known by its first two ("memorial hermann")
        ("found a lump in my breast, near emory", "Emory University Hospital"),
        ("urologist near memorial hermann", "Memorial Hermann-Texas Medical Center"),
        ("urgent care near grady", "Grady Memorial Hospital"),
    ],
)
def test_a_hospital_in_the_directory_is_read_as_the_hospital_not_a_place(text, hospital):
    """'neurologist at cedars sinai' searched near Cedars, PA with 'sinai' unread."""
    parts, understood = read(text)
    assert ("filter", hospital) in parts, parts
    assert understood.location is None and not understood.unplaced
    assert understood.filters["hospital"] == (hospital,)
    assert understood.describe().endswith(f"at {hospital}")


def test_words_several_hospitals_share_read_as_any_of_them():
    parts, understood = read("pediatrician at childrens hospital")
    assert set(understood.filters["hospital"]) == {
        "Children's Hospital Los Angeles",
        "Texas Children's Hospital",
    }


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("cardiologist at houston", "Houston, TX"),
        ("oncologist los angeles", "Los Angeles, CA"),
        ("dermatologist boston", "Boston, MA"),
        ("cardiologist hartford ct", "Hartford, CT"),
    ],
)
def test_a_city_a_hospital_is_named_after_stays_the_city(text, place):
    parts, understood = read(text)
    assert understood.location is not None and understood.location.label.startswith(place)
    assert "hospital" not in understood.filters


@pytest.mark.parametrize(
    "text", ["rush of blood to my head", "emory", "medical center", "memorial hospital"]
)
def test_one_word_of_a_name_is_a_hospital_only_after_at(text):
    """'rush' and 'emory' are words and names first; 'medical center' names no hospital."""
    assert "hospital" not in read(text)[1].filters


@pytest.mark.parametrize(
    ("text", "kind"),
    [("emory cardiology", "specialty"), ("emory midtown neuro", "specialty")],
)
def test_a_word_of_a_hospitals_name_is_not_a_typo_of_a_medical_word(text, kind):
    """'emory cardiology' searched cardiologists for dementia and memory loss ('emory' one
    letter from 'memory'): the words stay unread, so the hospital's physicians rank first."""
    named = Hospitals.of((*NAMES, "Emory University Hospital Midtown"))
    understood = interpret(text, hospitals=named)
    assert [p.kind for p in understood.parts] == [kind], understood.parts
    assert "Emory University Hospital" in named_by(named, [w.text for w in understood.unplaced])


def test_without_the_directorys_hospitals_nothing_is_read_as_one():
    understood = interpret("cardiologist at hartford hospital")
    assert "hospital" not in understood.filters
    assert understood.location is not None


@pytest.mark.parametrize(
    ("text", "hospital"),
    [
        ("BMC cardiology", "Boston Medical Center"),
        ("bmc cardiology", "Boston Medical Center"),
        ("knee surgeon at the emory", "Emory University Hospital"),
    ],
)
def test_a_hospitals_initials_and_at_the_name_read_as_the_hospital(text, hospital):
    """The front desk's 'MGH cardiology', a patient's 'knee surgeon at the brigham'."""
    assert read(text)[1].filters["hospital"] == (hospital,)


@pytest.mark.parametrize(
    ("text", "hospital"),
    [
        ("MDA med onc breast", "MD Anderson Cancer Center"),
        ("mdacc sarcoma referral", "MD Anderson Cancer Center"),
        ("cardiology at khusc", "Keck Hospital of USC"),
    ],
)
def test_a_name_written_with_its_own_initials_is_known_by_them(text, hospital):
    """'MDA med onc breast' listed oncologists anywhere: a word that is itself initials
    ("MD") counts each of its letters, and referrals drop the generic words it ends with."""
    named = Hospitals.of((*NAMES, "MD Anderson Cancer Center", "Keck Hospital of USC"))
    assert interpret(text, hospitals=named).filters["hospital"] == (hospital,)


def test_initials_that_are_a_word_stay_the_word():
    moms = Hospitals.of(["Mercy Outpatient Medical"])  # initials "mom"
    understood = interpret("pediatrician for my mom", hospitals=moms)
    assert "hospital" not in understood.filters


@pytest.mark.parametrize("text", ["KNEE PAIN RUSH", "ucla"])
def test_one_word_in_capitals_is_a_hospital_only_in_mixed_case(text):
    ucla = Hospitals.of(["Ronald Reagan UCLA Medical Center", "Rush University Medical Center"])
    assert "hospital" not in interpret(text, hospitals=ucla).filters
    assert interpret("UCLA cardiology", hospitals=ucla).filters["hospital"] == (
        "Ronald Reagan UCLA Medical Center",
    )


def test_an_unread_word_names_the_hospitals_it_is_the_distinctive_word_of():
    """The search ranks their physicians first (query._at_the_hospital_named)."""
    assert named_by(HOSPITALS, ["Emory"]) == ("Emory University Hospital",)
    assert named_by(HOSPITALS, ["cedars", "pain"]) == ("Cedars-Sinai Medical Center",)
    # Words many hospitals' names share, and places, name none of them.
    assert named_by(HOSPITALS, ["medical", "center", "hartford"]) == ()
    assert named_by(None, ["emory"]) == ()


def test_a_university_hospital_is_its_u_and_city():
    """'uchicago GI': the University of Chicago calls itself UChicago."""
    table = Hospitals.of(["University of Chicago Medical Center"])
    assert read_with(table, "uchicago GI")[0] == [
        ("filter", "University of Chicago Medical Center"),
        ("specialty", "Gastroenterologist"),
    ]


def test_an_unread_town_word_of_a_hospitals_name_still_ranks_it():
    """'MD Anderson medical oncology': Anderson is a town too (IN, SC), so alone it is no
    hospital filter; unread, it ranks MD Anderson's physicians first."""
    table = Hospitals.of(["MD Anderson Cancer Center"])
    assert named_by(table, ["Anderson"]) == ("MD Anderson Cancer Center",)
    assert "anderson" not in table.single  # never the filter by itself
    assert named_by(table, ["texas", "cancer"]) == ()  # a state, a word many names share


def read_with(table, text: str):
    understood = interpret(text, hospitals=table)
    return [(p.kind, p.label) for p in understood.parts], understood


def test_a_first_name_in_a_referrals_capitals_is_no_hospital():
    """'Pt: DOE, JOHN' read as UConn John Dempsey Hospital, a filter that left 0 results."""
    hospitals = Hospitals.of(["UConn John Dempsey Hospital", "Ronald Reagan UCLA Medical Center"])
    said = interpret("Pt: DOE, JOHN cardiology", hospitals=hospitals).filters
    assert "hospital" not in said
    ucla = interpret("UCLA cardiology", hospitals=hospitals).filters
    assert ucla["hospital"] == ("Ronald Reagan UCLA Medical Center",)


@pytest.mark.parametrize(
    "text",
    [
        "nephrologist kaiser permanente long beach",
        "endocrinology kaiser permanente",
        "kaiser permanente pediatrician",
    ],
)
def test_an_insurers_name_is_the_insurer_not_the_hospital_it_begins(text):
    """'nephrologist kaiser permanente long beach' kept only the 2 nephrologists affiliated
    with Kaiser Permanente Los Angeles Medical Center, of the 9 nearby who take the plan."""
    kaiser = Hospitals.of((*NAMES, "Kaiser Permanente Los Angeles Medical Center"))
    understood = interpret(text, hospitals=kaiser)
    assert understood.filters.get("insurance") == ("Kaiser Permanente",)
    assert "hospital" not in understood.filters


def test_the_hospitals_longer_name_stays_the_hospital():
    kaiser = Hospitals.of((*NAMES, "Kaiser Permanente Los Angeles Medical Center"))
    understood = interpret("kaiser permanente los angeles medical center", hospitals=kaiser)
    assert understood.filters["hospital"] == ("Kaiser Permanente Los Angeles Medical Center",)
