"""Words that say someone may be in danger now, and who to call (``data/crisis.json``).

A directory search is where some people type "i want to kill myself", "overdose" or "chest
pain". The physicians listed for it are not what they need first: the 988 Suicide & Crisis
Lifeline, 911 and Poison Help are. The results page and the API put these notices above everything
else; the search itself still runs (a psychiatrist is a right answer too).

Phrases are matched as whole words on the folded text (``directory.text.normalize_term``),
so "Self-harm", "self harm" and "SELF HARM" are one phrase, and "can't" with any apostrophe
is "cant". A Spanish phrase also brings the
Spanish wording, with the Lifeline's Spanish option.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache

from directory.text import normalize_term
from directory.vocabulary import DATA_DIR

CRISIS_FILE = DATA_DIR / "crisis.json"


@dataclass(frozen=True)
class Contact:
    label: str  # "Call or text 988, the Suicide & Crisis Lifeline"
    phone: str  # what to dial: "988", "1-800-222-1222"
    text: bool  # the number also takes text messages


@dataclass(frozen=True)
class Notice:
    kind: str  # suicide_crisis | overdose | medical_emergency
    message: str
    contacts: tuple[Contact, ...]
    message_es: str = ""  # set when the words that matched were Spanish

    def as_dict(self) -> dict:
        return {
            "kind": self.kind,
            "message": self.message,
            "message_es": self.message_es or None,
            "contacts": [vars(contact) for contact in self.contacts],
        }


@dataclass(frozen=True)
class _Rule:
    notice: Notice
    message_es: str
    phrases: frozenset[str]
    phrases_es: frozenset[str]
    unless: frozenset[str]  # words that say it is past or not urgent ("heart attack recovery")


@lru_cache(maxsize=1)
def _rules() -> tuple[_Rule, ...]:
    with CRISIS_FILE.open(encoding="utf-8") as handle:
        data = json.load(handle)
    rules = []
    for entry in data["notices"]:
        contacts = tuple(Contact(c["label"], c["phone"], c["text"]) for c in entry["contacts"])
        notice = Notice(entry["kind"], entry["message"], contacts)
        phrases = frozenset(normalize_term(p) for p in entry["phrases"])
        spanish = frozenset(normalize_term(p) for p in entry.get("phrases_es", ()))
        unless = frozenset(normalize_term(p) for p in entry.get("unless", ()))
        rules.append(_Rule(notice, entry.get("message_es", ""), phrases, spanish, unless))
    return tuple(rules)


# "can't", "won’t", "don`t": the apostrophe inside a word is dropped, not read as a space,
# so the phrases are written once ("cant breathe") for every keyboard.
_APOSTROPHE = re.compile(r"(?<=\w)['’‘`´](?=\w)")


def notices_for(text: str | None) -> tuple[Notice, ...]:
    """The notices ``text`` calls for, in the file's order; () for almost every search."""
    words = normalize_term(_APOSTROPHE.sub("", text or ""))
    if not words:
        return ()
    padded = f" {words} "
    found = []
    for rule in _rules():
        if any(f" {phrase} " in padded for phrase in rule.unless):
            continue
        if any(f" {phrase} " in padded for phrase in rule.phrases_es):
            found.append(Notice(**(vars(rule.notice) | {"message_es": rule.message_es})))
        elif any(f" {phrase} " in padded for phrase in rule.phrases):
            found.append(rule.notice)
    return tuple(found)
