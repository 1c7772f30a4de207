"""Body-part rules: readings that combine a body part with the words around it.

People rarely type a vocabulary term whole. They write "pain in my lower back", "my knee
hurts", "arthritis in my knee", "spine dr", "knee surgeon". These rules turn such spans into
one reading:

* body part + symptom or condition, in either order with glue words between ("in my",
  "is"), is looked up as a vocabulary term ("lower back pain", "knee arthritis"), also with
  the symptom's canonical word ("hurts" -> "pain");
* if there is no such term, a condition keeps its meaning and absorbs the body part (which
  drops the neck entry of "herniated disc" when the part is the lower back), and a
  symptom becomes a body-part reading ("knee pain": the knee's conditions and specialties);
* body part + doctor word ("knee doctor", "back specialist") means the specialties the
  lexicon lists for that part, and + surgeon word ("knee surgeon") its surgeons.
"""

from __future__ import annotations

from collections import defaultdict

from directory.understanding.candidates import Candidate
from directory.understanding.lexicon import Lexicon
from directory.understanding.scoring import (
    BODY_PART,
    COHESION,
    COMPOSED,
    CONTENT,
    GLUE,
    span_score,
)
from directory.understanding.tokens import Alternative, Token
from directory.understanding.where import JOINING, REGIONS

MAX_GLUE = 3  # "pain in both of my knees" is as far apart as these rules look
TARGET_KINDS = ("condition", "procedure", "specialty")


def compose(
    candidates: list[Candidate],
    tokens: list[Token],
    alternatives: list[tuple[Alternative, ...]],
    lexicon: Lexicon,
    text: str = "",
) -> list[Candidate]:
    """Extra candidates from the body-part rules, given the direct term candidates. A comma
    or a question mark between them parts them: "tired all the time, thyroid?" asks about
    the thyroid, not about the tiredness of a thyroid."""
    parts = [c for c in candidates if c.kind == "body_part"]
    others = [c for c in candidates if c.kind in ("symptom", "condition", "procedure")]
    by_start: dict[int, list[Candidate]] = defaultdict(list)
    by_end: dict[int, list[Candidate]] = defaultdict(list)
    for other in others:
        by_start[other.start].append(other)
        by_end[other.end].append(other)
    glue = lexicon.word_set("between")
    found: list[Candidate] = []
    for part in parts:
        found += _doctor(part, alternatives, lexicon)
        # "back pain doctor", "knee pain specialist": the part's doctor, not a pain doctor.
        for symptom in by_start.get(part.end, ()):
            if symptom.kind == "symptom":
                found += _doctor(part, alternatives, lexicon, symptom)
        for gap in range(MAX_GLUE + 1):
            after = part.end + gap
            if gap and (after > len(tokens) or not _is_glue(alternatives[after - 1], glue)):
                break
            if _apart(text, tokens, part.end, after):
                break
            found += [_combine(part, x, part, x, gap, lexicon) for x in by_start.get(after, ())]
        found += _shared(part, parts, by_start, alternatives, lexicon)
        if any(x.kind == "symptom" for x in by_start.get(part.end, ())):
            continue  # "swollen ankles knee pain": the knee is the pain's, not the swelling's
        for gap in range(MAX_GLUE + 1):
            before = part.start - gap
            if gap and (before < 0 or not _is_glue(alternatives[before], glue)):
                break
            if _apart(text, tokens, before, part.start):
                break
            found += [_combine(part, x, x, part, gap, lexicon) for x in by_end.get(before, ())]
    return found


def _shared(
    part: Candidate,
    parts: list[Candidate],
    by_start: dict[int, list[Candidate]],
    alternatives: list[tuple[Alternative, ...]],
    lexicon: Lexicon,
) -> list[Candidate]:
    """ "ankles and legs swollen", "knee and hip pain": the symptom or condition after the
    second body part is the first one's too."""
    joint = part.end
    if joint >= len(alternatives) or not {a.word for a in alternatives[joint]} & JOINING:
        return []
    return [
        _combine(part, other, part, part, 0, lexicon)
        for second in parts
        if second.start == joint + 1
        for other in by_start.get(second.end, ())
    ]


CLAUSE_BREAKS = frozenset(",;?!")


def _apart(text: str, tokens: list[Token], end: int, start: int) -> bool:
    """A clause break between the token before ``end`` and the one at ``start``."""
    if not text or end <= 0 or start >= len(tokens) or end > start:
        return False
    return any(c in CLAUSE_BREAKS for c in text[tokens[end - 1].end : tokens[start].start])


def _is_glue(alternatives: tuple[Alternative, ...], glue: frozenset[str]) -> bool:
    """A word between a body part and its symptom: glue itself ("in my"), or a translated
    glue word ("de" -> "of": Spanish particles stay out of the word lists, where they would
    stop "De La Cruz" being a name)."""
    return any(alt.word in glue and not alt.edits for alt in alternatives)


def _combine(
    part: Candidate, other: Candidate, first: Candidate, last: Candidate, gap: int, lexicon: Lexicon
) -> Candidate:
    words = part.words + other.words
    penalty = part.penalty + other.penalty
    match = "fuzzy" if "fuzzy" in (part.match, other.match) else "synonym"
    entry, term = _composed_term(part, other, lexicon)
    if entry is not None and entry.kind in TARGET_KINDS:
        return Candidate(
            first.start, last.end, span_score(CONTENT, words, gap, penalty + COMPOSED),
            entry.kind, entry.ids, entry.label, match, codes=entry.codes, entry=entry,
            term=term, words=words, penalty=penalty,
        )  # fmt: skip
    nerves = other.kind == "symptom" and _of_the_nerves(other, lexicon)
    if nerves or (other.kind == "symptom" and _on_the_skin(part, other, lexicon)):
        # "Rash on arm": the skin's, not the arm's; "Numbness in hands": the nerves'
        label = f"{other.label} {'in' if nerves else 'on'} {part.term}"
        return Candidate(
            first.start, last.end, span_score(BODY_PART, words, gap, penalty + COMPOSED),
            "symptom", other.ids, label[:1].upper() + label[1:], match, codes=other.codes,
            entry=other.entry, term=other.term, words=words, penalty=penalty,
        )  # fmt: skip
    if other.kind == "symptom" or _elsewhere(part, other, lexicon):
        said = other.label.lower() if other.kind == "symptom" else other.term
        label = f"{part.term} {said}"
        return Candidate(
            first.start, last.end, span_score(BODY_PART, words, gap, penalty + COMPOSED),
            "body_part", part.ids, label[:1].upper() + label[1:], match, codes=part.codes,
            entry=part.entry, term=part.term, words=words, penalty=penalty,
        )  # fmt: skip
    ids, label = narrowed(other.ids, other.label, lexicon.region_of.get(part.term), lexicon)
    return Candidate(
        first.start, last.end, other.score + part.score + COHESION + GLUE * gap,
        other.kind, ids, label, other.match, codes=other.codes, entry=other.entry,
        term=other.term, words=words, penalty=penalty,
    )  # fmt: skip


def _on_the_skin(part: Candidate, symptom: Candidate, lexicon: Lexicon) -> bool:
    """A rash or bumps on a limb or the back ("rash on my arm", "bumps on my back"): on
    the skin there. An itchy eye or throat stays the eye's or the throat's."""
    if symptom.entry is None or part.entry is None:
        return False
    if not lexicon.symptoms[symptom.entry.ref].on_the_skin:
        return False
    return lexicon.body_parts[part.entry.ref].body_system in REGIONS


def _of_the_nerves(symptom: Candidate, lexicon: Lexicon) -> bool:
    """Numbness or tingling wherever it is felt ("numbness in my hands and feet", "one side
    of my face feels numb"): the nerves' specialists, not the hand's or the face's."""
    return symptom.entry is not None and lexicon.symptoms[symptom.entry.ref].of_the_nerves


def _elsewhere(part: Candidate, other: Candidate, lexicon: Lexicon) -> bool:
    """ "eye ulcer", "mouth ulcer": a word naming a lesion by where it is ("ulcer" alone is
    a stomach ulcer, ``site_words``) beside a body part of another body system is a lesion
    of that part, not the condition the word means alone."""
    if other.kind != "condition" or other.term not in lexicon.word_set("site_words"):
        return False
    if part.entry is None:
        return False
    system = lexicon.body_parts[part.entry.ref].body_system
    concepts = lexicon.vocabulary.concepts
    return all(concepts[i].body_system != system for i in other.ids)


def _composed_term(part: Candidate, other: Candidate, lexicon: Lexicon):
    body, said = part.term, other.term
    forms = [said]
    if other.kind == "symptom" and other.entry is not None and other.entry.ref != said:
        forms.append(other.entry.ref)  # "hurts" -> "pain"
    for form in forms:
        for term in (f"{body} {form}", f"{form} {body}", f"{form} in {body}"):
            entry = lexicon.phrases.get(term)
            if entry is not None and entry.kind in TARGET_KINDS:
                return entry, term
    return None, ""


def narrowed(
    ids: tuple[str, ...], label: str, region: str | None, lexicon: Lexicon
) -> tuple[tuple[str, ...], str]:
    """Drop the ids of other regions ("cervical-herniated-disc" when the text says "lumbar"),
    keeping those that name no region."""
    if region is None or len(ids) < 2:
        return ids, label
    others = tuple(f"{r}-" for r in lexicon.data.regions if r != region)
    kept = tuple(i for i in ids if not i.startswith(others))
    if not kept or kept == ids:
        return ids, label
    if len(kept) == 1:
        return kept, lexicon.vocabulary.concepts[kept[0]].name
    return kept, label


def _doctor(
    part: Candidate,
    alternatives: list[tuple[Alternative, ...]],
    lexicon: Lexicon,
    symptom: Candidate | None = None,
) -> list[Candidate]:
    """ "knee doctor" -> the knee's specialties; "knee surgeon" -> its surgeons; with a
    symptom between ("knee pain doctor") the same, the symptom's words included."""
    end = symptom.end if symptom else part.end
    if end >= len(alternatives) or part.entry is None:
        return []
    words = {alt.word for alt in alternatives[end]}
    surgeon = bool(words & lexicon.word_set("surgeon_words"))
    if not surgeon and not words & lexicon.word_set("doctor_words"):
        return []
    body = lexicon.body_parts[part.entry.ref]
    codes = (body.surgeons if surgeon else ()) or body.specialties
    if not codes:
        return []
    expanded = lexicon.vocabulary.meant_by(codes)
    label = f"{part.term} {'surgeon' if surgeon else 'specialist'}"
    count = part.words + 1 + (symptom.words if symptom else 0)
    penalty = part.penalty + (symptom.penalty if symptom else 0.0)
    return [
        Candidate(
            part.start, end + 1, span_score(CONTENT, count, penalty=penalty + COMPOSED),
            "specialty", codes, label[:1].upper() + label[1:], "synonym", codes=expanded,
            term=part.term, words=count, penalty=penalty,
        )
    ]  # fmt: skip
