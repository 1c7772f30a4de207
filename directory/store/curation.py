"""Curated vocabulary: words people searched for, mapped by staff to a concept or specialty.

``curated_terms`` is the one accessor every reader uses (the loader when it builds the
vocabulary index, the in-memory query parser): a pure read of the live mappings.
``merge_curated`` folds them into vocabulary-index documents as extra match keys.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping

from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from directory.store import audit
from directory.store.models import CURATION_KINDS, CuratedTerm, StaffAccount, utcnow
from directory.text import compact_icd10, normalize_term

NOISE = "noise"
MAX_TERM = 200

# term -> (kind, id); id is a concept id, a NUCC code, or None for noise.
CuratedTerms = dict[str, tuple[str, str | None]]


class CurationError(ValueError):
    """A refused mapping, worded for the curator."""


def curated_terms(session: Session) -> CuratedTerms:
    """The live mappings, keyed by the normalised term (``directory.text.normalize_term``)."""
    rows = session.execute(
        select(CuratedTerm.term, CuratedTerm.kind, CuratedTerm.target_id)
        .where(CuratedTerm.undone_at.is_(None))
        .order_by(CuratedTerm.term)
    )
    return {term: (kind, target) for term, kind, target in rows}


def curation_version(session: Session) -> int:
    """Grows with every mapping and every undo: readers cache ``curated_terms`` by it."""
    added = session.scalar(select(func.count(CuratedTerm.id))) or 0
    undone = session.scalar(select(func.count(CuratedTerm.undone_at))) or 0
    return added + undone


def history(session: Session) -> list[CuratedTerm]:
    return list(session.scalars(select(CuratedTerm).order_by(CuratedTerm.created_at.desc())))


def get(session: Session, curation_id: int) -> CuratedTerm | None:
    return session.get(CuratedTerm, curation_id)


def clean_term(text: str) -> str:
    term = normalize_term(text)
    if not term:
        raise CurationError("Type the words to map.")
    if len(term) > MAX_TERM:
        raise CurationError(f"Keep the words under {MAX_TERM} characters.")
    return term


def _too_common(term: str) -> str | None:
    """Words a meaning would take from every search that holds them: 'a' mapped to
    cardiologists turned "vitamin a" and "hepatitis a" into cardiologists. A place or a
    code is read as one already, so a mapping of it would never be used."""
    from directory.understanding.typos import commonest_words  # the parser's English list

    if compact_icd10(term) or (term.isdigit() and len(term) == 5):
        return "A ZIP code or an ICD-10 code is read as one already; map words people typed."
    if len(term.replace(" ", "")) < 3 or all(w in commonest_words() for w in term.split()):
        return f"'{term}' is in too many searches to mean one thing; map a longer phrase."
    return None


def add(
    session: Session,
    term: str,
    kind: str,
    target_id: str | None,
    reason: str,
    author: StaffAccount | str,
) -> CuratedTerm:
    """Store a live mapping (the caller checks that the target exists in the vocabulary)."""
    term = clean_term(term)
    if kind not in CURATION_KINDS:
        raise CurationError(f"Map to one of: {', '.join(CURATION_KINDS)}.")
    if (kind == NOISE) != (target_id is None):
        raise CurationError("Choose what the words mean, or mark them as noise.")
    refused = None if kind == NOISE else _too_common(term)  # "please help" is noise indeed
    if refused:
        raise CurationError(refused)
    if not reason.strip():
        raise CurationError("Say why, so the next curator knows.")
    if term in curated_terms(session):
        raise CurationError(f"'{term}' is already mapped; undo that mapping first.")
    name = author.email if isinstance(author, StaffAccount) else author
    row = CuratedTerm(
        term=term,
        kind=kind,
        target_id=target_id,
        reason=reason.strip(),
        created_by_id=author.id if isinstance(author, StaffAccount) else None,
        created_by=name,
    )
    session.add(row)
    try:
        session.flush()
    except IntegrityError as error:  # another curator mapped the same words a moment ago
        raise CurationError(f"'{term}' is already mapped; undo that mapping first.") from error
    audit.record(session, author, "curation.add", term, kind=kind, mapped_to=target_id)
    return row


def undo(session: Session, curation_id: int, actor: StaffAccount | str) -> CuratedTerm:
    row = get(session, curation_id)
    if row is None or not row.live:
        raise CurationError("That mapping is not live (already undone?).")
    row.undone_at = utcnow()
    row.undone_by = actor.email if isinstance(actor, StaffAccount) else actor
    audit.record(session, actor, "curation.undo", row.term, kind=row.kind, mapped_to=row.target_id)
    return row


def merge_curated(documents: Iterable[dict], curated: Mapping[str, tuple]) -> Iterator[dict]:
    """Vocabulary-index documents with each curated term added to its target's match keys.

    Noise has no document: it tells the parser and the insights pages to ignore the words.
    """
    keys: dict[tuple[str, str], set[str]] = {}
    for term, (kind, target) in curated.items():
        if kind != NOISE and target:
            keys.setdefault((kind, target), set()).add(term)
    for document in documents:
        extra = keys.get((document["kind"], document["id"]))
        if extra:
            document = {**document, "match_keys": sorted(set(document["match_keys"]) | extra)}
        yield document
