"""Hand-placed demo physicians: fixed people that demos, tests and docs search for by name.

They come first in every generated file, whatever the count, seed or spread.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from directory import geography
from indexer.demo.catalog import METROS, REFERENCE_DATE, SCHOOLS, SPECIALTY_BY_CODE
from indexer.demo.npis import named_npi
from indexer.demo.shape import bio, location_at, profile, school_kind


@dataclass(frozen=True)
class NamedPhysician:
    """A hand-placed profile that demos and tests can search for by name."""

    first: str
    last: str
    gender: str
    credential: str
    specialties: tuple[str, ...]
    practice: str
    street: str
    zip5: str
    hospital: str
    languages: tuple[str, ...]
    conditions: tuple[str, ...]
    procedures: tuple[str, ...]


# Generic ids as the brief names them, plus the lumbar-specific ids the vocabulary uses;
# the indexer ignores claimed ids its vocabulary doesn't know, so both are safe to list.
_DISC = ("herniated-disc", "lumbar-herniated-disc")
_STENOSIS = ("spinal-stenosis", "lumbar-spinal-stenosis")
_FBSS = "failed-back-surgery-syndrome"
NAMED_PHYSICIANS = (
    NamedPhysician("Nathan", "Whitford", "male", "MD", ("207XS0117X", "207X00000X"),
                   "Hartford Spine Center", "85 Seymour St", "06106", "Hartford Hospital",
                   ("English",),
                   (_FBSS, *_DISC, "sciatica", "lumbar-radiculopathy", *_STENOSIS),
                   ("revision-spine-surgery",)),
    NamedPhysician("Elena", "Marquez", "female", "MD", ("208VP0014X",),
                   "Hartford Spine & Pain Center", "1000 Asylum Ave", "06105",
                   "Saint Francis Hospital and Medical Center", ("English", "Spanish"),
                   (_FBSS, "lumbar-radiculopathy", "sciatica", *_STENOSIS),
                   ("spinal-cord-stimulation", "intrathecal-drug-delivery",
                    "epidural-steroid-injection")),
    NamedPhysician("David", "Kowalski", "male", "DPT", ("225100000X",),
                   "Wethersfield Physical Therapy", "30 Jordan Ln", "06109", "",
                   ("English", "Polish"), (*_DISC, "sciatica", "lumbar-radiculopathy"),
                   ("physical-therapy",)),
    NamedPhysician("Priya", "Raman", "female", "MD", ("208100000X",),
                   "University Circle Spine Rehabilitation", "11100 Euclid Ave", "44106",
                   "University Hospitals Cleveland Medical Center", ("English", "Hindi"),
                   (_FBSS, *_STENOSIS, "sciatica"),
                   ("epidural-steroid-injection", "physical-therapy")),
    NamedPhysician("James", "Whitaker", "male", "MD", ("207T00000X",),
                   "Texas Medical Center Neurosurgery", "6560 Fannin St", "77030",
                   "Houston Methodist Hospital", ("English", "Spanish"),
                   (_FBSS, *_DISC, *_STENOSIS),
                   ("revision-spine-surgery", "spinal-cord-stimulation")),
)  # fmt: skip


def named_profile(number: int, who: NamedPhysician, as_of: date = REFERENCE_DATE) -> dict[str, Any]:
    specialties = [SPECIALTY_BY_CODE[code] for code in who.specialties]
    area_code = next(
        m.area_codes[0] for m in METROS if m.state == geography.zip_info(who.zip5).state
    )
    phone = f"{area_code}-555-01{number:02d}"  # 555-01xx numbers are reserved for fiction
    location = location_at(who.zip5, who.practice, who.street, "Suite 200", phone, "")
    display = f"Dr. {who.first} {who.last}"
    schools = SCHOOLS[school_kind(who.credential)]
    return profile({
        "npi": named_npi(number),
        "name": {"prefix": "Dr.", "first": who.first, "middle": "A" if number == 1 else "",
                 "last": who.last, "suffix": ""},
        "credentials": [who.credential], "gender": who.gender,
        "specialties": [{"code": s.code, "primary": i == 0} for i, s in enumerate(specialties)],
        "conditions": list(who.conditions), "procedures": list(who.procedures),
        "languages": list(who.languages), "insurance": ["Medicare", "Aetna", "Cigna"],
        "accepting_new_patients": True, "telehealth": number % 2 == 0, "locations": [location],
        "hospital_affiliations": [who.hospital] if who.hospital else [],
        "education": [{"degree": who.credential, "school": schools[number % len(schools)],
                       "year": 1995 + number}],
        "board_certifications": [s.board for s in specialties if s.board][:1],
        "bio": bio(specialties[0].title, display, location["city"], location["state"],
                    1999 + number, list(who.languages)),
        "last_verified": (as_of - timedelta(days=12 * number)).isoformat(),  # all recent
    })  # fmt: skip
