"""Normalising what people type, so the same words meet the same keys.

Used at index time (vocabulary match keys) and at query time (resolution), so
"Post-Laminectomy  Syndrome" and "post laminectomy syndrome" are one key.
"""

from __future__ import annotations

import re
import unicodedata

_NON_ALNUM = re.compile(r"[^a-z0-9]+")
# Letters A-T and V-Z head the chapters; U heads only the codes for special purposes that
# ICD-10-CM uses, U07 (COVID-19, vaping) and U09 (post-COVID condition, "U09.9").
_ICD10 = re.compile(r"^([A-TV-Z]|U(?=0[79]))([0-9])([0-9A-Z])\.?([0-9A-Z]{0,4})$")


def fold(text: str) -> str:
    """Lower-case ASCII: accents removed ("Sjögren" → "sjogren")."""
    decomposed = unicodedata.normalize("NFKD", text)
    return decomposed.encode("ascii", "ignore").decode("ascii").lower()


def normalize_term(text: str) -> str:
    """A match key: folded, punctuation to spaces, single-spaced."""
    return _NON_ALNUM.sub(" ", fold(text)).strip()


def compact_icd10(text: str) -> str | None:
    """ "m96.1" / "M961" / " M96.1 " → "M961"; None when it is not shaped like an ICD-10-CM code."""
    candidate = text.strip().upper().replace(" ", "")
    match = _ICD10.match(candidate)
    if not match:
        return None
    return "".join(match.groups())


def icd10_prefixes(compact: str) -> list[str]:
    """ "M5416" → ["M5416", "M541", "M54"]: a specific code also means its category."""
    return [compact[:n] for n in range(len(compact), 2, -1)]


def dotted_icd10(compact: str) -> str:
    return compact if len(compact) <= 3 else f"{compact[:3]}.{compact[3:]}"
