"""Query understanding: one free-text search box read as parts a person can check.

"bad pain in my lower back since my fusion, spanish speaking, near 06106" becomes an
:class:`Interpretation` whose parts are a condition (chronic low back pain), a condition
the context implies (failed back surgery syndrome), a language filter and a place, each
with the character span it came from; "bad" is reported as filler. Everything is in
memory and pure: the web app and the API call :func:`interpret` before searching, show
:meth:`Interpretation.describe` and the parts as chips, and use :func:`closest_concepts`
to offer a way forward when nothing parsed.

Modules, in reading order: ``lexicon_file`` (data/lexicon.json); ``entries``,
``term_table`` and ``lexicon`` (the in-memory tables, cached per vocabulary and version of
curated terms); ``tokens`` and ``typos`` (words and spellings); ``candidates``,
``compose``, ``children``, ``places``, ``hospitals``, ``nicknames`` and ``names`` (readings
of spans);
``scoring`` (why one reading beats another); ``parse`` (the best cover); ``model`` and
``describe`` (the result); ``suggest`` (did you mean).
"""

from directory.understanding.describe import people_called
from directory.understanding.hospitals import Hospitals
from directory.understanding.lexicon import ExtraTerms, Lexicon, lexicon_for
from directory.understanding.model import Interpretation, Part, Word
from directory.understanding.parse import interpret
from directory.understanding.suggest import Suggestion, closest_concepts

__all__ = [
    "ExtraTerms",
    "Hospitals",
    "Interpretation",
    "Lexicon",
    "Part",
    "Suggestion",
    "Word",
    "closest_concepts",
    "interpret",
    "lexicon_for",
    "people_called",
]
