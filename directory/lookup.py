"""What front-desk staff look a physician up by, as index fields: phones and practice names.

A referral or a fax header carries a practice's phone or fax number and its name ("Houston
Internal Medicine", "Hartford Hospital"); the search box finds physicians by them
(``app.search.query``). The fields follow the locations, so both the loader
(``indexer.document``) and a live correction (``accuracy.overlay.accuracy_fields``) write
them from the same profile; an index built before they existed answers no lookup until it
is rebuilt (``put_mapping`` adds them for a live correction), and never fails.
"""

from __future__ import annotations

from directory.accuracy.values import normalise_phone

LOOKUP_PROPERTIES: dict = {
    # Every phone and fax of the locations and the intake lines, as NNN-NNN-NNNN.
    "phones": {"type": "keyword"},
    # Location (practice) names and hospital affiliations, as words: stemmed, stop words
    # out ("Heart & Vascular" = "heart and vascular"), no clinical synonyms (a name is a name).
    "practice_names": {"type": "text", "analyzer": "clinical_text"},
}
_SCHEDULING_PHONES = ("intake_phone", "intake_fax")


def lookup_fields(profile: dict) -> dict:
    """The lookup fields of one profile (validated or overlaid)."""
    locations = profile.get("locations") or []
    scheduling = profile.get("scheduling") or {}
    phones = [loc.get(key) for loc in locations for key in ("phone", "fax")]
    phones += [scheduling.get(key) for key in _SCHEDULING_PHONES]
    names = [loc.get("name") for loc in locations] + list(
        profile.get("hospital_affiliations") or []
    )
    return {
        "phones": sorted({normalise_phone(p) for p in phones if p} - {""}),
        "practice_names": list(dict.fromkeys(filter(None, names))),
    }
