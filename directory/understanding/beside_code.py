"""Words beside a diagnosis code name what the code names: "M51.26 herniated disc".

A referral often carries the code and its description together. The code is the precise
statement; its words are looser ("herniated disc" is the lumbar and the cervical one,
"sciatica" what M54.16 calls lumbar radiculopathy). Read as a second concept, the words
widen the search past what the code says. So a condition or procedure typed beside a code
keeps only the concepts it shares with the code's, and when it shares none but is of the
same body system, it is read as the code's concepts: the search is the code's. Words of
another body system ("E11.9 and knee pain") are a second problem and stay as they are, and
so do words beside a code read only by its description.
"""

from __future__ import annotations

from dataclasses import replace

from directory.text import compact_icd10
from directory.understanding.candidates import nearest_category
from directory.understanding.lexicon import Lexicon
from directory.understanding.model import Part

CONCEPTS = ("condition", "procedure")


def words_read_as_the_code(parts: tuple[Part, ...], lexicon: Lexicon) -> tuple[Part, ...]:
    """``parts`` with each worded concept beside a code narrowed to the code's concepts."""
    coded = [p for p in parts if p.kind in CONCEPTS and p.match == "code" and _listed(p, lexicon)]
    if not coded:
        return parts
    code_ids = tuple(dict.fromkeys(i for p in coded for i in p.ids))
    concepts = lexicon.vocabulary.concepts
    systems = {concepts[i].body_system for i in code_ids if i in concepts}
    # A procedure beside a diagnosis is the care asked for ("F33.1 CBT referral"), not a
    # looser name for the diagnosis: only parts of a kind the codes read are narrowed.
    kinds = {p.kind for p in coded}
    read: list[Part] = []
    for part in parts:
        if part.kind in kinds and part.match != "code":
            shared = tuple(i for i in part.ids if i in code_ids)
            alike = {concepts[i].body_system for i in part.ids if i in concepts} <= systems
            ids = shared or (code_ids if alike else part.ids)
            if ids != part.ids:
                label = concepts[ids[0]].name if len(ids) == 1 else coded[0].label
                part = replace(part, ids=ids, label=label)
        read.append(part)
    return tuple(read)


def _listed(part: Part, lexicon: Lexicon) -> bool:
    """A code the vocabulary lists, or one of its category's: what it names is precise. A
    code read by its description (``code_words``) is only as exact as the parser's reading
    of those words: "Z23" (an immunization) does not narrow "travel vaccines" beside it."""
    compact = compact_icd10(part.text)
    return compact is not None and nearest_category(compact, lexicon) > 0
