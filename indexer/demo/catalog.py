"""What the demo's synthetic physicians are made of: metros, specialties, schools, plans.

Data only: the generator (``indexer.demo``) draws from these tables with one seeded
``random.Random``, so changing an entry or its order changes every generated profile.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

SOURCE = "synthetic-demo"
# Verification dates count back from an "as of" day: this fixed one for tests and
# benchmarks (same arguments, same bytes), the day of generation for `make run`'s demo.
REFERENCE_DATE = date(2025, 1, 1)
VERIFIED_WITHIN_DAYS = 547  # 18 months
# A directory that keeps the 90-day rule: four in five profiles verified within it.
FRESH_SHARE = 0.8
METRO_RADIUS_MILES = 30


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
