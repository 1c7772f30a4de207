"""Search text as it may be stored: normalised, with anything that looks personal removed.

People type more than conditions: an e-mail, a phone number, a date of birth, a card, a
social security, Medicare or member number, an IP address, a street address. None of it
may reach the event log, in any of the ways people write it ("4111 1111 1111 1111",
"123.45.6789", "+44 20 7946 0958", "jan 5", "1EG4-TE5-MK73"). What stays is what the
insights need: the words, ICD-10-CM codes, ages, counts and lab values ("65 yo", "PSA 8.2",
"L4-5") and valid NPIs (a physician's public number). A ZIP code keeps its first three
digits, the coarse location the events record anyway. docs/privacy.md lists every rule.

Each detector below finds spans of the folded text; an earlier detector's span wins over a
later one's, so no identifier is redacted in halves ("192.168.1.10" is an IP address, not
a date inside one). ``redaction`` also says which characters of the typed text were
replaced, so that the words the parser set aside are left out where they were part of
an identifier (app/events/documents.py).
"""

from __future__ import annotations

import ipaddress
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from directory.npi import is_valid_npi
from directory.text import compact_icd10, fold
from directory.vocabulary import default_vocabulary

EMAIL, IP, DATE, ADDRESS, PHONE, NUMBER = (
    "[email]", "[ip]", "[date]", "[address]", "[phone]", "[number]",
)  # fmt: skip
PLACEHOLDERS = (EMAIL, IP, DATE, ADDRESS, PHONE, NUMBER)
IGNORE_CASE = re.IGNORECASE

Span = tuple[int, int, str]  # start, end, what the characters become

# Anything@anything is an e-mail to us, with or without its domain ("john.smith@gmail").
_EMAIL = re.compile(r"[\w.+%'-]+@(?:[\w-]+(?:\.[\w-]+)*)?")
_IPV4 = re.compile(r"(?<![\w.])\d{1,3}(?:\.\d{1,3}){3}(?![\w]|\.\d)")
_IPV6 = re.compile(r"(?<![\w:])[0-9a-f]{0,4}(?::[0-9a-f]{0,4}){2,7}(?![\w:])", IGNORE_CASE)
# A Medicare Beneficiary Identifier (CMS's format: 11 characters, no S L O I B Z), with or
# without its dashes.
_MBI_LETTER = "[ac-hjkmnp-rt-y]"
_MBI_ANY = "[ac-hjkmnp-rt-y0-9]"
_MBI = re.compile(
    rf"(?<![a-z0-9])[1-9]{_MBI_LETTER}{_MBI_ANY}\d[\s-]?{_MBI_LETTER}{_MBI_ANY}\d[\s-]?"
    rf"{_MBI_LETTER}{{2}}\d{{2}}(?![a-z0-9])",
    IGNORE_CASE,
)

# Numeric dates. A number is never cut out of a longer one: no digit or separator before,
# none after.
_ALONE = r"(?<![\w.+/-])"
_ENDS = r"(?![\w]|[./-]\d)"
_YEAR4 = r"(?:19|20)\d\d"
_DAY_MONTH_YEAR = re.compile(rf"{_ALONE}(\d{{1,2}})([/.-]| )(\d{{1,2}})\2(\d{{2}}|{_YEAR4}){_ENDS}")
_YEAR_MONTH_DAY = re.compile(rf"{_ALONE}{_YEAR4}([/.-])(\d{{1,2}})\1(\d{{1,2}}){_ENDS}")
_MONTH_YEAR = re.compile(rf"{_ALONE}(\d{{1,2}})[/-]{_YEAR4}{_ENDS}")
_MONTH_DAY = re.compile(rf"{_ALONE}(\d{{1,2}})/(\d{{1,2}}){_ENDS}")
# "7/10" pain and "4/5" strength are scores, not July 10th and April 5th.
_SCALES = (5, 10)

# Dates with the month's name: "jan 5", "5th of January, 1975", "14-mar-1975", "mar 2023".
_MONTH = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
_DAY = r"(?:3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?"
_YEAR = rf"(?:{_YEAR4}|'\d\d)"
_SEP = r"[\s,./-]+"
_NAMED_DATE = re.compile(
    rf"\b(?:{_MONTH}{_SEP}{_DAY}(?:{_SEP}{_YEAR})?|{_DAY}{_SEP}(?:of\s+)?{_MONTH}(?:{_SEP}{_YEAR})?"
    rf"|{_MONTH}{_SEP}{_YEAR})(?!\w)",
    IGNORE_CASE,
)

_STREET = re.compile(
    r"\b\d{1,6}\s+(?:[a-z]+\s+){1,3}"
    r"(?:street|st|avenue|ave|road|rd|drive|lane|ln|boulevard|blvd|way|court|place|pl)\b\.?",
    IGNORE_CASE,
)

# One piece of a number as typed: digits joined by dashes or dots, an area code in
# brackets, a "+" before a country code ("+44", "(860)555-1234", "4111-1111", "123.45.6789").
_NUMBER_PIECE = re.compile(
    r"(?<!\w)(?<!\w[./-])\+?(?:\(\d+\)\s?\d+|\(\d+\)|\d+)(?:[.-]\d+)*(?!\w)(?![./-]\d)"
)
_DECIMAL = re.compile(r"\d{1,3}\.\d{1,2}")  # "8.2", "-3.1": a lab value, never a group
_ZIP = re.compile(r"\d{5}(?:-\d{4})?")  # a ZIP or ZIP+4, typed alone
_NON_DIGIT = re.compile(r"\D")
# Letters and digits in one word: member and record numbers ("W123456789", "123456789A").
_LETTERS_AND_DIGITS = re.compile(
    r"(?<![\w-])(?=(?:[a-z-]*\d){6})[a-z0-9]+(?:-[a-z0-9]+)*(?![\w-])", IGNORE_CASE
)

_WORTH_A_LOOK = re.compile(r"[\d@:]")  # every detector needs one of these
FEWEST_DIGITS = 6  # a number this long identifies someone; a shorter one is a count or code
# A placeholder, or a ZIP3 ("061xx"): stored text no search can use.
_PLACEHOLDER = re.compile("|".join(map(re.escape, PLACEHOLDERS)) + r"|\b\d{3}xx\b")


@dataclass(frozen=True)
class Redaction:
    text: str  # as stored: folded, lower case, single spaces, placeholders
    spans: tuple[tuple[int, int], ...]  # characters of the typed text that were replaced


def redact(text: str) -> str:
    """Normalised (accent-folded, lower case, single spaces) and redacted search text."""
    return redaction(text).text


def redaction(typed: str) -> Redaction:
    """The stored text, and which characters of ``typed`` it replaced, in text order."""
    folded, origin = _folded(typed)
    spans = _spans(folded)
    return Redaction(
        _replaced(folded, spans),
        tuple((origin[start], origin[end - 1] + 1) for start, end, _ in spans),
    )


def redact_value(text: str) -> str:
    """Redacted, single-spaced, case kept: for filter values such as "Spanish" or a NUCC code."""
    return _replaced(text, _spans(text))


def without_placeholders(text: str) -> str:
    """Stored text with its placeholders left out: what a link may search for again."""
    return " ".join(_PLACEHOLDER.sub(" ", text).split())


def _folded(typed: str) -> tuple[str, list[int]]:
    """``fold(typed)`` and, for each of its characters, the index of the typed one."""
    if typed.isascii():
        return typed.lower(), list(range(len(typed)))
    pieces = [fold(character) for character in typed]
    origin = [index for index, piece in enumerate(pieces) for _ in piece]
    return "".join(pieces), origin


def _replaced(text: str, spans: list[Span]) -> str:
    pieces, at = [], 0
    for start, end, placeholder in spans:
        pieces += [text[at:start], placeholder]
        at = end
    pieces.append(text[at:])
    return " ".join("".join(pieces).split())


def _spans(text: str) -> list[Span]:
    """Every span to replace, in text order; a detector never takes another's characters."""
    taken: list[Span] = []
    if not _WORTH_A_LOOK.search(text):
        return taken  # most searches: no digit, no "@", no ":", nothing to find
    for detector in DETECTORS:
        for span in detector(text, taken):
            if not any(span[0] < end and start < span[1] for start, end, _ in taken):
                taken.append(span)
    return sorted(taken)


def _matches(pattern: re.Pattern, placeholder: str, valid: Callable[[re.Match], bool]):
    def detect(text: str, taken: list[Span]) -> Iterator[Span]:
        for match in pattern.finditer(text):
            if valid(match):
                yield match.start(), match.end(), placeholder

    return detect


def _any(match: re.Match) -> bool:
    return True


def _ip_address(match: re.Match) -> bool:
    try:
        ipaddress.ip_address(match.group())
    except ValueError:
        return False
    return any(character.isalnum() for character in match.group())


def _month_day(month: str, day: str) -> bool:
    return 1 <= int(month) <= 12 and 1 <= int(day) <= 31


def _day_month_year(match: re.Match) -> bool:
    first, second = match.group(1), match.group(3)
    if match.group(2) == " " and len(match.group(4)) != 4:
        return False  # "12 15 18": spaced numbers are a date only with a four-digit year
    return _month_day(first, second) or _month_day(second, first)


def _year_month_day(match: re.Match) -> bool:
    return _month_day(match.group(2), match.group(3))


def _month_year(match: re.Match) -> bool:
    return 1 <= int(match.group(1)) <= 12


def _month_and_day(match: re.Match) -> bool:
    month, day = int(match.group(1)), int(match.group(2))
    if day in _SCALES and month <= day:
        return False
    return _month_day(match.group(1), match.group(2))


def _numbers(text: str, taken: list[Span]) -> Iterator[Span]:
    """Numbers, however grouped: cards, SSNs, phones, record numbers, ZIPs.

    Pieces side by side with only spaces between are one number ("4111 1111 1111 1111",
    "123 45 6789", "+44 20 7946 0958"), except a decimal ("PSA 8.2 9.1"), and a five-digit
    number, which joins a number only once it is long already ("99213 99214" are two
    codes, "06106 65 yo" a ZIP and an age; "3782 822463 10005" is one card).
    """
    run: list[re.Match] = []
    for piece in _NUMBER_PIECE.finditer(text):
        if any(piece.start() < end and start < piece.end() for start, end, _ in taken):
            yield from _number(text, run)
            run = []
        elif run and _joins(text, run, piece):
            run.append(piece)
        else:
            yield from _number(text, run)
            run = [piece]
    yield from _number(text, run)


def _joins(text: str, run: list[re.Match], piece: re.Match) -> bool:
    between = text[run[-1].end() : piece.start()]
    if not between.isspace() or any(_DECIMAL.fullmatch(p.group()) for p in (run[-1], piece)):
        return False
    if run[0].group().startswith("+"):
        return True  # an international number: everything after its country code
    digits = sum(len(_NON_DIGIT.sub("", p.group())) for p in run)
    five = [p for p in (run[-1], piece) if len(p.group()) == 5 and p.group().isdigit()]
    return not five or (digits >= FEWEST_DIGITS and five == [piece])


def _number(text: str, run: list[re.Match]) -> Iterator[Span]:
    if not run:
        return
    start, end = run[0].start(), run[-1].end()
    typed = text[start:end]
    digits = _NON_DIGIT.sub("", typed)
    if _ZIP.fullmatch(typed):
        yield start, end, f"{digits[:3]}xx"  # the coarse ZIP3 is all the events keep of a place
    elif typed.startswith("+"):
        if len(digits) >= 7:
            yield start, end, PHONE
    elif len(digits) >= FEWEST_DIGITS and not _an_npi(typed, digits):
        yield (
            start,
            end,
            PHONE if _phone_like(digits, grouped=len(run) > 1 or typed != digits) else NUMBER,
        )


def _an_npi(typed: str, digits: str) -> bool:
    """A valid NPI typed as its ten digits, or grouped ("1234-567-893") when it starts with
    1, which no US phone number does: a physician's public number, kept."""
    return is_valid_npi(digits) and (typed.isdigit() or digits[0] == "1")


def _phone_like(digits: str, grouped: bool) -> bool:
    """US numbers with and without the 1, "555-0123", and a national number with its 0."""
    if len(digits) == 10 or (len(digits) == 11 and digits[0] == "1"):
        return True
    return grouped and (len(digits) == 7 or (len(digits) == 11 and digits[0] == "0"))


def _letters_and_digits(text: str, taken: list[Span]) -> Iterator[Span]:
    for match in _LETTERS_AND_DIGITS.finditer(text):
        word = match.group()
        if not word.replace("-", "").isdigit() and not _a_public_code(word):
            yield match.start(), match.end(), NUMBER


def _a_public_code(word: str) -> bool:
    """An ICD-10-CM code without its dot ("h401131"), or a NUCC taxonomy code (a specialty
    filter's value, "207Q00000X"): only the codes the taxonomy has, so that an SSN with a
    letter after it is still a number."""
    return compact_icd10(word) is not None or word.upper() in default_vocabulary().specialties


DETECTORS = (
    _matches(_EMAIL, EMAIL, _any),
    _matches(_IPV4, IP, _ip_address),
    _matches(_IPV6, IP, _ip_address),
    _matches(_MBI, NUMBER, _any),
    _matches(_DAY_MONTH_YEAR, DATE, _day_month_year),
    _matches(_YEAR_MONTH_DAY, DATE, _year_month_day),
    _matches(_MONTH_YEAR, DATE, _month_year),
    _matches(_MONTH_DAY, DATE, _month_and_day),
    _matches(_NAMED_DATE, DATE, _any),
    _matches(_STREET, ADDRESS, _any),
    _letters_and_digits,
    _numbers,
)
