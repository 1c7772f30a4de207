"""Identifiers typed into the search box: an NPI, or a practice's phone or fax number.

Front-desk staff look a physician up by what the referral or the fax header carries. A
10-digit NPI ("1234567893", "npi 1234-567-893") finds that physician; a US phone or fax
number in any common format ("(860) 555-0123", "860.555.0123", "+1 860 555 0123",
"8605550123") finds the physicians at a location with that number.

The area code is required: a 7-digit local number is shared by hundreds of area codes,
and a referral, a fax header or a caller ID always shows all ten digits.

Telling the two apart: an NPI starts with 1 or 2 and its last digit is a Luhn check
digit (``directory.npi``); a US number's area code starts with 2-9. So a bare 10-digit
number starting with 1 is an NPI (with a wrong check digit it is a mistyped NPI, which
the search says rather than "check the spelling"); 3-9 is a phone; 2 with a valid check
digit may be either, and both are searched. "npi" before the number makes it an NPI;
"phone", "fax", "tel" or a phone's punctuation ("(203) 555-0123") make it a phone.
Pure, no I/O.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from directory.npi import is_valid_npi
from directory.understanding.candidates import Candidate
from directory.understanding.model import Part
from directory.understanding.tokens import Token

# Ten or eleven digits, optionally grouped by spaces, dots, dashes or an area code in
# brackets; never part of a longer run of digits or letters.
_NUMBER = re.compile(
    r"(?<![\w+])(?:\+?\s*1[\s.-]*)?(?:\(\s*\d{3}\s*\)|\d{3})[\s.-]*\d{3}[\s.-]*\d{4}(?![\w-])"
    r"|(?<![\w+])\d(?:[\s-]?\d){9}(?![\w-])"
)
_NON_DIGIT = re.compile(r"\D")
NPI_WORDS = frozenset({"npi", "npis", "npi#", "npi:"})
PHONE_WORDS = frozenset({"phone", "tel", "telephone", "fax", "ph", "call", "cell", "office"})
# Words that only say which number it is ("npi #", "phone no."): part of the identifier.
_NUMBER_WORDS = frozenset({"no", "number", "num", "nbr", "is", "of"})
_WORD_BEFORE = re.compile(r"([A-Za-z#]+)[\s:#.]*$")
# Two five-digit numbers side by side are two numbers (a procedure code, a ZIP): no phone
# or NPI is written 5 + 5, unless a word before says which it is ("npi 12345 67893").
_TWO_FIVES = re.compile(r"\d{5}[\s-]+\d{5}")


@dataclass(frozen=True)
class Identifier:
    """One number typed in the box, with every reading of it.

    ``npi`` is the number read as an NPI (valid check digit), ``phone`` as a US phone or
    fax (``NNN-NNN-NNNN``, the stored form); ``invalid_npi`` is a number that can only be
    an NPI and whose check digit is wrong.
    """

    span: tuple[int, int]  # characters of the text, including "npi"/"phone" before it
    typed: str
    npi: str = ""
    phone: str = ""
    invalid_npi: str = ""

    @property
    def kind(self) -> str:
        return "npi" if self.npi or self.invalid_npi else "phone"

    @property
    def label(self) -> str:
        if self.invalid_npi:
            return f"{self.invalid_npi} (not a valid NPI)"
        if self.npi and self.phone:
            return f"NPI {self.npi} or phone {self.phone}"
        if self.npi:
            return f"NPI {self.npi}"
        return f"phone {self.phone}"


def read_identifiers(text: str) -> tuple[Identifier, ...]:
    """Every NPI or phone number in ``text``, in text order (none: an ordinary search)."""
    found = []
    for match in _NUMBER.finditer(text):
        start = match.start()
        keyword = _WORD_BEFORE.search(text, 0, start)
        word = keyword.group(1).casefold() if keyword else ""
        if word in _NUMBER_WORDS and keyword is not None:  # "npi no. 1234567893"
            earlier = _WORD_BEFORE.search(text, 0, keyword.start())
            if earlier and earlier.group(1).casefold() in NPI_WORDS | PHONE_WORDS:
                keyword, word = earlier, earlier.group(1).casefold()
        if keyword and word in NPI_WORDS | PHONE_WORDS:
            start = keyword.start()
        else:
            word = ""
        if not word and _TWO_FIVES.fullmatch(match.group()):
            continue  # "cpt 99213 06106": a code and a ZIP, not one phone number
        reading = _reading(match.group(), word)
        if reading:
            found.append(Identifier((start, match.end()), text[start : match.end()], **reading))
    return tuple(found)


def _reading(typed: str, word: str) -> dict[str, str]:
    digits = _NON_DIGIT.sub("", typed)
    phone_like = any(mark in typed for mark in "().+") or word in PHONE_WORDS
    if len(digits) == 11:
        return {"phone": _phone(digits[1:])} if digits[0] == "1" and _phone(digits[1:]) else {}
    if word in NPI_WORDS:
        return {"npi": digits} if is_valid_npi(digits) else {"invalid_npi": digits}
    phone = _phone(digits)
    if phone_like:
        return {"phone": phone} if phone else {}
    reading = {"npi": digits} if digits[0] in "12" and is_valid_npi(digits) else {}
    if phone:
        reading["phone"] = phone
    if not reading and digits[0] == "1":
        reading["invalid_npi"] = digits
    return reading


def _phone(digits: str) -> str:
    """ "8605550123" -> "860-555-0123"; "" when it cannot be a US number."""
    if len(digits) != 10 or digits[0] in "01":  # the loader's rule (accuracy.values)
        return ""
    return f"{digits[:3]}-{digits[3:6]}-{digits[6:]}"


# A number is read as an identifier before anything else: its digits mean nothing to the
# other readings (a ZIP, a code), and each of its tokens would otherwise be unplaced.
IDENTIFIER = 10.0


def identifier_candidates(text: str, tokens: list[Token]) -> list[Candidate]:
    """One candidate per identifier, over the tokens its characters cover."""
    found = []
    for identifier in read_identifiers(text):
        low, high = identifier.span
        covered = [i for i, t in enumerate(tokens) if t.start >= low and t.end <= high]
        if not covered:
            continue
        # A mistyped NPI has nothing to look up: no ids, and its label says why.
        values = tuple(v for v in (identifier.npi, identifier.phone) if v)
        score = IDENTIFIER * len(covered)
        end = covered[-1] + 1
        found.append(
            Candidate(covered[0], end, score, identifier.kind, values, identifier.label, "exact")
        )
    return found


def describe_lookup(parts: tuple[Part, ...]) -> str:
    """The heading of a lookup by identifier ("" when the search has none)."""
    lookups = [p for p in parts if p.kind in ("npi", "phone")]
    if not lookups:
        return ""
    invalid = [p.text for p in lookups if not p.ids]
    if invalid:
        number = _digits(invalid[0])
        return f"NPI {number}, which is not valid (its last digit is wrong: check the number)"
    said = [
        ("NPI " + " or phone ".join(p.ids) if p.kind == "npi" else f"phone or fax {p.ids[0]}")
        for p in lookups
    ]
    return f"Physicians with {' or '.join(said)}"


def _digits(text: str) -> str:
    return _NON_DIGIT.sub("", text)
