"""A referral's shorthand: "pt c/o chest pain", "s/p CABG f/u", "r/o melanoma".

Coordinators paste the words of a referral. Its shorthand ("s/p", "r/o", "hx", "eval") is
filler (``referral_shorthand`` in data/lexicon.json), and "pt" followed by what describes a
patient ("pt c/o", "pt with", "pt 67 yo": ``patient_cues``) is the patient, not a physical
therapist, while "PT eval" and "pt for back pain" keep their therapist.
"""

from __future__ import annotations

from collections.abc import Sequence

from directory.understanding.candidates import Candidate
from directory.understanding.lexicon import Lexicon
from directory.understanding.tokens import Token


def without_patient_readings(
    candidates: list[Candidate], tokens: Sequence[Token], lexicon: Lexicon
) -> list[Candidate]:
    """Drop every reading of a patient word ("pt") that the next word shows is the patient;
    with no reading left it is filler (the lexicon counts patient words as ignorable)."""
    patient, cues = lexicon.word_set("patient_words"), lexicon.word_set("patient_cues")
    meant = {
        i
        for i, token in enumerate(tokens[:-1])
        if token.norm in patient and (tokens[i + 1].norm in cues or tokens[i + 1].norm.isdigit())
    }
    if not meant:
        return candidates
    return [c for c in candidates if not (c.end - c.start == 1 and c.start in meant)]
