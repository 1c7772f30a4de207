"""Deterministic synthetic physician profiles for demos, tests and benchmarks.

``python -m indexer.demo --count 5000 --seed 42 --out data/demo/physicians.jsonl``
writes canonical profiles (see docs/data-format.md) around seven real metro areas.
The same arguments always give byte-identical output: one seeded ``random.Random``
drives every choice, Faker contributes only its weighted name lists, and dates count
back from a fixed reference date. Profiles stream to disk one line at a time and NPIs
come from a bijection over a counter, so 3,000,000 profiles need no more memory than 30.
"""

from __future__ import annotations

import argparse
import itertools
import json
import os
import random
import sys
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from functools import cache
from pathlib import Path
from typing import Any

from faker.providers.person.en_US import Provider as FakerPerson

from directory import geography
from directory.npi import npi_check_digit
from indexer.demo_scheduling import demo_scheduling
from indexer.sources import proper_case

Claims = Mapping[str, tuple[Sequence[str], Sequence[str]]]

SOURCE = "synthetic-demo"
REFERENCE_DATE = date(2025, 1, 1)  # last_verified counts back from here, never from today
VERIFIED_WITHIN_DAYS = 547  # 18 months
METRO_RADIUS_MILES = 30
# Generated NPI bodies are "1" + 8 digits: OFFSET + (counter * MULTIPLIER + shift) mod SPACE.
# MULTIPLIER is coprime with SPACE, so the map is a bijection; bodies below OFFSET are the
# hand-placed physicians' own.
NPI_OFFSET = 1000
NPI_SPACE = 10**8 - NPI_OFFSET
NPI_MULTIPLIER = 39_916_801


@dataclass(frozen=True)
class Metro:
    city: str
    state: str
    center: tuple[float, float]
    weight: float  # roughly metro population in millions; Hartford, the demo home, a bit more
    area_codes: tuple[str, ...]
    hospitals: tuple[str, ...]
    spanish: float  # share of physicians who speak Spanish
    languages: tuple[str, ...]  # other languages common locally
    insurers: tuple[str, ...]  # regional plans


METROS = (
    Metro("Hartford", "CT", (41.7637, -72.6851), 2.0, ("860", "959"),
          ("Hartford Hospital", "Saint Francis Hospital and Medical Center",
           "UConn John Dempsey Hospital", "Connecticut Children's",
           "The Hospital of Central Connecticut"),
          0.18, ("Polish", "Portuguese"), ("ConnectiCare",)),
    Metro("Cleveland", "OH", (41.4993, -81.6944), 2.1, ("216", "440"),
          ("Cleveland Clinic", "University Hospitals Cleveland Medical Center",
           "MetroHealth Medical Center", "Fairview Hospital", "Lutheran Hospital"),
          0.12, ("Arabic", "Polish"), ("Medical Mutual",)),
    Metro("Los Angeles", "CA", (34.0522, -118.2437), 13.0, ("213", "310", "323", "818"),
          ("Cedars-Sinai Medical Center", "Ronald Reagan UCLA Medical Center",
           "Keck Hospital of USC", "Kaiser Permanente Los Angeles Medical Center",
           "Good Samaritan Hospital", "Children's Hospital Los Angeles"),
          0.45, ("Korean", "Mandarin", "Vietnamese", "Tagalog"), ("Kaiser Permanente",)),
    Metro("Houston", "TX", (29.7604, -95.3698), 7.1, ("713", "281", "832"),
          ("Houston Methodist Hospital", "Memorial Hermann-Texas Medical Center",
           "Baylor St. Luke's Medical Center", "Ben Taub Hospital",
           "Texas Children's Hospital", "MD Anderson Cancer Center"),
          0.42, ("Vietnamese", "Hindi", "Arabic"), ()),
    Metro("Boston", "MA", (42.3601, -71.0589), 4.9, ("617", "781", "857"),
          ("Massachusetts General Hospital", "Brigham and Women's Hospital",
           "Beth Israel Deaconess Medical Center", "Boston Medical Center",
           "Tufts Medical Center"),
          0.15, ("Portuguese", "Haitian Creole", "Mandarin"), ()),
    Metro("Chicago", "IL", (41.8781, -87.6298), 9.5, ("312", "773", "847"),
          ("Northwestern Memorial Hospital", "Rush University Medical Center",
           "University of Chicago Medical Center", "Advocate Illinois Masonic Medical Center",
           "Loyola University Medical Center"),
          0.28, ("Polish", "Hindi", "Arabic"), ()),
    Metro("Atlanta", "GA", (33.7490, -84.3880), 6.1, ("404", "470", "678", "770"),
          ("Emory University Hospital", "Grady Memorial Hospital", "Piedmont Atlanta Hospital",
           "Northside Hospital", "Children's Healthcare of Atlanta"),
          0.12, ("Korean", "Vietnamese", "Hindi"), ()),
)  # fmt: skip


@dataclass(frozen=True)
class Specialty:
    code: str
    title: str  # "a <title> in Hartford, CT"
    weight: float
    kind: str  # "md" (MD/DO physician) | "pt" (physical therapist) | "dc" (chiropractor)
    board: str
    practice: str  # practice name: "<City> <practice>" or "<Surname> <practice>"
    related: tuple[str, ...] = ()  # plausible second specialties


_ABIM = "American Board of Internal Medicine"
_ABFM = "American Board of Family Medicine"
_ABA = "American Board of Anesthesiology"
_ABPN = "American Board of Psychiatry and Neurology"
_ABOS = "American Board of Orthopaedic Surgery"
_ABPMR = "American Board of Physical Medicine and Rehabilitation"
_IM = ("207R00000X",)
SPECIALTIES = (
    Specialty("207Q00000X", "family medicine physician", 14, "md", _ABFM, "Family Practice",
              ("207QS0010X",)),
    Specialty("207R00000X", "internist", 14, "md", _ABIM, "Internal Medicine",
              ("207RC0000X", "207RE0101X", "207RG0100X", "207RP1001X", "207RN0300X", "207RR0500X")),
    Specialty("208000000X", "pediatrician", 8, "md", "American Board of Pediatrics", "Pediatrics"),
    Specialty("207V00000X", "obstetrician-gynecologist", 5, "md",
              "American Board of Obstetrics and Gynecology", "Women's Health"),
    Specialty("2084P0800X", "psychiatrist", 5, "md", _ABPN, "Behavioral Health"),
    Specialty("207RC0000X", "cardiologist", 4, "md", _ABIM, "Heart & Vascular", _IM),
    Specialty("207X00000X", "orthopaedic surgeon", 4, "md", _ABOS, "Orthopedics",
              ("207XS0117X", "207QS0010X")),
    Specialty("207W00000X", "ophthalmologist", 3, "md", "American Board of Ophthalmology",
              "Eye Care"),
    Specialty("207N00000X", "dermatologist", 2.5, "md", "American Board of Dermatology",
              "Dermatology"),
    Specialty("207RG0100X", "gastroenterologist", 2, "md", _ABIM, "Digestive Health", _IM),
    Specialty("207RX0202X", "medical oncologist", 2, "md", _ABIM, "Cancer Care", _IM),
    Specialty("2084N0400X", "neurologist", 2, "md", _ABPN, "Neurology"),
    Specialty("207Y00000X", "ear, nose and throat doctor", 1.5, "md",
              "American Board of Otolaryngology - Head and Neck Surgery", "Ear, Nose & Throat"),
    Specialty("208800000X", "urologist", 1.5, "md", "American Board of Urology", "Urology"),
    Specialty("207RP1001X", "pulmonologist", 1.5, "md", _ABIM, "Lung & Sleep", _IM),
    Specialty("208100000X", "physiatrist (PM&R)", 1.2, "md", _ABPMR,
              "Physical Medicine & Rehabilitation", ("208VP0000X", "207QS0010X")),
    Specialty("207RE0101X", "endocrinologist", 1, "md", _ABIM, "Endocrinology & Diabetes", _IM),
    Specialty("207RN0300X", "nephrologist", 1, "md", _ABIM, "Kidney Care", _IM),
    Specialty("207RR0500X", "rheumatologist", 0.8, "md", _ABIM, "Arthritis & Rheumatology", _IM),
    Specialty("207XS0117X", "spine surgeon", 0.8, "md", _ABOS, "Spine Center", ("207X00000X",)),
    Specialty("208VP0014X", "interventional pain specialist", 0.8, "md", _ABA,
              "Spine & Pain Center", ("208VP0000X", "208100000X")),
    Specialty("207T00000X", "neurosurgeon", 0.7, "md", "American Board of Neurological Surgery",
              "Neurosurgery", ("207XS0117X",)),
    Specialty("207K00000X", "allergist", 0.7, "md", "American Board of Allergy and Immunology",
              "Allergy & Asthma"),
    Specialty("208VP0000X", "pain medicine physician", 0.6, "md", _ABA, "Pain Management",
              ("208VP0014X", "208100000X")),
    Specialty("207QS0010X", "sports medicine physician", 0.6, "md", _ABFM, "Sports Medicine",
              ("207Q00000X",)),
    Specialty("225100000X", "physical therapist", 10, "pt",
              "American Board of Physical Therapy Specialties", "Physical Therapy"),
    Specialty("111N00000X", "chiropractor", 5, "dc", "", "Chiropractic"),
)  # fmt: skip
SPECIALTY_BY_CODE = {s.code: s for s in SPECIALTIES}

SCHOOLS = {
    "MD": ("University of Connecticut School of Medicine",
           "Case Western Reserve University School of Medicine",
           "David Geffen School of Medicine at UCLA", "Baylor College of Medicine",
           "Harvard Medical School", "Boston University Chobanian & Avedisian School of Medicine",
           "Northwestern University Feinberg School of Medicine",
           "Emory University School of Medicine", "University of Michigan Medical School",
           "Johns Hopkins University School of Medicine"),
    "DO": ("Philadelphia College of Osteopathic Medicine",
           "Ohio University Heritage College of Osteopathic Medicine",
           "Chicago College of Osteopathic Medicine", "Western University of Health Sciences"),
    "PT": ("University of Connecticut", "Northeastern University", "Emory University",
           "University of Southern California", "Texas Woman's University",
           "Northwestern University"),
    "DC": ("Palmer College of Chiropractic", "Logan University", "Life University",
           "Southern California University of Health Sciences",
           "National University of Health Sciences"),
}  # fmt: skip
INSURERS = (
    ("Medicare", 0.9), ("Medicaid", 0.55), ("Aetna", 0.7), ("Blue Cross Blue Shield", 0.75),
    ("Cigna", 0.65), ("UnitedHealthcare", 0.7), ("Humana", 0.4), ("Tricare", 0.2),
)  # fmt: skip
OTHER_LANGUAGES = ("Mandarin", "Hindi", "French", "Russian", "Arabic", "Portuguese", "ASL")
STREET_NAMES = ("Main", "Park", "Oak", "Maple", "Washington", "Church", "Elm", "Franklin",
                "Lincoln", "Highland", "Prospect", "Center", "Broad", "Medical Center")  # fmt: skip
STREET_SUFFIXES = ("St", "Ave", "Rd", "Blvd", "Dr", "Ln", "Way", "Pkwy", "Pl", "Ct")
LOCATION_COUNTS = ((1, 70), (2, 22), (3, 8))  # share of physicians with 1, 2 or 3 practices
SECOND_SPECIALTY = 0.3  # of those with a related specialty: ~15% of everyone


def claims_from_vocabulary() -> dict[str, tuple[list[str], list[str]]]:
    """Specialty code -> (condition ids, procedure ids) that the vocabulary ranks it for."""
    from directory.vocabulary import default_vocabulary

    vocabulary = default_vocabulary()
    claims = {}
    for specialty in SPECIALTIES:
        concepts = [concept for concept, _rank in vocabulary.concepts_for_specialty(specialty.code)]
        claims[specialty.code] = (
            [c.id for c in concepts if c.kind == "condition"],
            [c.id for c in concepts if c.kind == "procedure"],
        )
    return claims


def demo_npi(counter: int, shift: int) -> str:
    """The ``counter``-th generated NPI: distinct for every counter below NPI_SPACE."""
    body = "1" + f"{NPI_OFFSET + (counter * NPI_MULTIPLIER + shift) % NPI_SPACE:08d}"
    return body + npi_check_digit(body)


def named_npi(number: int) -> str:
    """Hand-placed physicians' fixed NPIs, from bodies no generated NPI uses."""
    body = f"1{number:08d}"
    return body + npi_check_digit(body)


@cache
def metro_zips(metro: Metro) -> tuple[tuple[str, geography.ZipInfo], ...]:
    return geography.zips_within(metro.center, METRO_RADIUS_MILES)


@cache
def _cumulative(weights: tuple[float, ...]) -> tuple[float, ...]:
    return tuple(itertools.accumulate(weights))


def _weighted(rng: random.Random, items: Sequence[Any], weights: tuple[float, ...]) -> Any:
    return rng.choices(items, cum_weights=_cumulative(weights))[0]


@cache
def _name_pool(kind: str) -> tuple[tuple[str, ...], tuple[float, ...]]:
    names = {
        "male": FakerPerson.first_names_male,
        "female": FakerPerson.first_names_female,
        "last": FakerPerson.last_names,
    }[kind]
    return tuple(proper_case(name) for name in names), tuple(names.values())  # "McClain"


def _pick_name(rng: random.Random, kind: str) -> str:
    names, weights = _name_pool(kind)
    return _weighted(rng, names, weights)


def _subset(rng: random.Random, items: Sequence[str]) -> list[str]:
    """A random 40-90% of ``items``, in their original order: nobody does everything."""
    if not items:
        return []
    keep = max(1, round(len(items) * rng.uniform(0.4, 0.9)))
    return [items[i] for i in sorted(rng.sample(range(len(items)), keep))]


def _claims(rng: random.Random, codes: list[str], claims: Claims) -> tuple[list, list]:
    conditions: dict[str, None] = {}
    procedures: dict[str, None] = {}
    for code in codes:
        condition_ids, procedure_ids = claims.get(code, ((), ()))
        conditions.update(dict.fromkeys(_subset(rng, condition_ids)))
        procedures.update(dict.fromkeys(_subset(rng, procedure_ids)))
    return list(conditions), list(procedures)


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


def _profile(fields: dict[str, Any]) -> dict[str, Any]:
    """Fields in the canonical order, with the demo's source and ``active``."""
    keys = ("npi", "name", "credentials", "gender", "specialties", "conditions", "procedures",
            "languages", "insurance", "accepting_new_patients", "telehealth", "locations",
            "hospital_affiliations", "education", "board_certifications", "bio")  # fmt: skip
    return {
        **{key: fields[key] for key in keys},
        "source": SOURCE,
        "last_verified": fields["last_verified"],
        "active": True,
        "freshness": {},
        "scheduling": demo_scheduling(fields["npi"]),
    }


def _location_at(zip5: str, name: str, street: str, suite: str, phone: str, fax: str,
                 jitter: tuple[float, float] = (0.0, 0.0)) -> dict[str, Any]:  # fmt: skip
    info = geography.zip_info(zip5)
    assert info is not None, zip5  # demo ZIPs all come from the ZIP table
    return {
        "name": name, "address_line1": street, "address_line2": suite,
        "city": info.city, "state": info.state, "zip": zip5, "phone": phone, "fax": fax,
        "lat": round(info.lat + jitter[0], 5), "lon": round(info.lon + jitter[1], 5),
    }  # fmt: skip


def _bio(title: str, name: str, city: str, state: str, since: int, languages: list[str]) -> str:
    spoken = [lang for lang in languages if lang != "English"]
    extra = f" Sees patients in English and {', '.join(spoken)}." if spoken else ""
    article = "an" if title[0] in "aeiou" else "a"
    return f"{name} is {article} {title} in {city}, {state}, in practice since {since}.{extra}"


def _school_kind(credential: str) -> str:
    return {"DPT": "PT", "PT": "PT", "DC": "DC", "DO": "DO"}.get(credential, "MD")


def _named_profile(number: int, who: NamedPhysician) -> dict[str, Any]:
    specialties = [SPECIALTY_BY_CODE[code] for code in who.specialties]
    area_code = next(
        m.area_codes[0] for m in METROS if m.state == geography.zip_info(who.zip5).state
    )
    phone = f"{area_code}-555-01{number:02d}"  # 555-01xx numbers are reserved for fiction
    location = _location_at(who.zip5, who.practice, who.street, "Suite 200", phone, "")
    display = f"Dr. {who.first} {who.last}"
    schools = SCHOOLS[_school_kind(who.credential)]
    return _profile({
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
        "bio": _bio(specialties[0].title, display, location["city"], location["state"],
                    1999 + number, list(who.languages)),
        "last_verified": (REFERENCE_DATE - timedelta(days=30 * number)).isoformat(),
    })  # fmt: skip


def _random_specialties(rng: random.Random) -> list[Specialty]:
    primary = _weighted(rng, SPECIALTIES, tuple(s.weight for s in SPECIALTIES))
    if primary.related and rng.random() < SECOND_SPECIALTY:
        return [primary, SPECIALTY_BY_CODE[rng.choice(primary.related)]]
    return [primary]


def _credentials(rng: random.Random, specialty: Specialty) -> list[str]:
    if specialty.kind == "pt":
        return ["DPT"] if rng.random() < 0.7 else ["PT"]
    if specialty.kind == "dc":
        return ["DC"]
    degree = "MD" if rng.random() < 0.8 else "DO"
    return [degree, "PhD"] if rng.random() < 0.03 else [degree]


def _languages(rng: random.Random, metro: Metro) -> list[str]:
    spoken = ["English"]
    if rng.random() < metro.spanish:
        spoken.append("Spanish")
    spoken += [lang for lang in metro.languages if rng.random() < 0.06]
    spoken += [lang for lang in OTHER_LANGUAGES if lang not in spoken and rng.random() < 0.015]
    return spoken


def _insurance(rng: random.Random, metro: Metro, state: str) -> list[str]:
    plans = [name for name, share in INSURERS if rng.random() < share]
    if state == metro.state:  # ConnectiCare is for Hartford, not its Massachusetts suburbs
        plans += [name for name in metro.insurers if rng.random() < 0.6]
    return plans or ["Medicare"]


def _phone(rng: random.Random, metro: Metro) -> str:
    return f"{rng.choice(metro.area_codes)}-{rng.randint(200, 999)}-{rng.randint(0, 9999):04d}"


def _random_location(rng: random.Random, metro: Metro, practice: str, surname: str) -> dict:
    zip5, info = rng.choice(metro_zips(metro))
    street = (
        f"{rng.randint(1, 2999)} {rng.choice((*STREET_NAMES, surname, _pick_name(rng, 'last')))}"
    )
    street += f" {rng.choice(STREET_SUFFIXES)}"
    suite = f"Suite {rng.randint(100, 499)}" if rng.random() < 0.5 else ""
    owner = info.city if rng.random() < 0.5 else surname
    fax = _phone(rng, metro) if rng.random() < 0.6 else ""
    jitter = (rng.uniform(-0.009, 0.009), rng.uniform(-0.009, 0.009))
    return _location_at(zip5, f"{owner} {practice}", street, suite, _phone(rng, metro), fax, jitter)


def _random_profile(rng: random.Random, npi: str, claims: Claims) -> dict[str, Any]:
    metro = _weighted(rng, METROS, tuple(m.weight for m in METROS))
    specialties = _random_specialties(rng)
    main = specialties[0]
    gender = "female" if rng.random() < 0.5 else "male"
    first, last = _pick_name(rng, gender), _pick_name(rng, "last")
    credentials = _credentials(rng, main)
    conditions, procedures = _claims(rng, [s.code for s in specialties], claims)
    count = _weighted(rng, [n for n, _ in LOCATION_COUNTS], tuple(w for _, w in LOCATION_COUNTS))
    locations = [_random_location(rng, metro, main.practice, last) for _ in range(count)]
    languages = _languages(rng, metro)
    hospitals = rng.sample(metro.hospitals, rng.choice((1, 1, 2))) if main.kind == "md" else []
    graduated = rng.randint(1978, 2019)
    schools = SCHOOLS[_school_kind(credentials[0])]
    boards = dict.fromkeys(s.board for s in specialties if s.board and rng.random() < 0.85)
    prefix = "" if credentials[0] == "PT" else "Dr."
    display = f"{prefix} {first} {last}".strip()
    home = locations[0]
    return _profile({
        "npi": npi,
        "name": {"prefix": prefix, "first": first,
                 "middle": rng.choice("ABCDEFGHJKLMNPRSTW") if rng.random() < 0.6 else "",
                 "last": last, "suffix": "Jr." if rng.random() < 0.02 else ""},
        "credentials": credentials, "gender": gender,
        "specialties": [{"code": s.code, "primary": i == 0} for i, s in enumerate(specialties)],
        "conditions": conditions, "procedures": procedures, "languages": languages,
        "insurance": _insurance(rng, metro, home["state"]),
        "accepting_new_patients": rng.random() < 0.7,
        "telehealth": rng.random() < (0.45 if main.kind == "md" else 0.2),
        "locations": locations, "hospital_affiliations": hospitals,
        "education": [{"degree": credentials[0], "school": rng.choice(schools), "year": graduated}],
        "board_certifications": list(boards),
        "bio": _bio(main.title, display, home["city"], home["state"], graduated + 4, languages),
        "last_verified": (REFERENCE_DATE - timedelta(days=rng.randint(0, VERIFIED_WITHIN_DAYS))
                          ).isoformat(),
    })  # fmt: skip


def generate(count: int, seed: int, claims_by_specialty: Claims) -> Iterator[dict[str, Any]]:
    """``count`` profiles: the hand-placed physicians first, then seeded random ones."""
    if not 0 <= count <= NPI_SPACE:
        raise ValueError(f"count must be between 0 and {NPI_SPACE:,}")
    rng = random.Random(seed)
    shift = rng.randrange(NPI_SPACE)
    for index in range(count):
        if index < len(NAMED_PHYSICIANS):
            yield _named_profile(index + 1, NAMED_PHYSICIANS[index])
        else:
            yield _random_profile(rng, demo_npi(index, shift), claims_by_specialty)


def write_jsonl(profiles: Iterator[dict[str, Any]], out: Path) -> int:
    """Write one JSON object per line via a temporary file, so ``out`` is never half-written."""
    out.parent.mkdir(parents=True, exist_ok=True)
    partial_out = out.with_name(out.name + ".partial")
    written = 0
    with open(partial_out, "w", encoding="utf-8", newline="\n") as handle:
        for profile in profiles:
            handle.write(json.dumps(profile, ensure_ascii=False, separators=(",", ":")) + "\n")
            written += 1
    os.replace(partial_out, out)
    return written


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--count", type=int, default=5000, help="profiles to write")
    parser.add_argument("--seed", type=int, default=42, help="same seed, same bytes")
    parser.add_argument("--out", type=Path, default=Path("data/demo/physicians.jsonl"))
    args = parser.parse_args(argv)
    written = write_jsonl(generate(args.count, args.seed, claims_from_vocabulary()), args.out)
    print(f"wrote {written:,} synthetic profiles to {args.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
