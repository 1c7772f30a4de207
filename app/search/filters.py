"""The search filters, each declared once: everything else is generated from here.

A filter is one entry in ``FILTERS``. From it come the search form's field
(``app.search.form``), the selection in ``SearchParams``, the query clause and the
facet count (``app.search.query``), the facet values the service returns, the
filter panel and chips on the results page (``app.web.facets``), the API's known
parameters and the OpenAPI document (``app.openapi``). Adding a filter means
adding an entry here and indexing its field (``indexer/mapping.py``); see
``docs/architecture.md`` for a worked example.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Literal

from app.search.params import MAX_SHORT_TEXT
from directory.vocabulary import default_vocabulary

ANY_OF = "any_of"  # several values, OR'ed: physicians with any of them
YES = "yes"  # a yes/no fact where only "yes" is a useful filter
YES_VALUE = "true"  # how a yes filter's selection is held, and its facet bucket's key
# Lenient on purpose (links and bookmarks): true/1/yes/on/y mean yes, any other value no.
YES_WORDS = ("1", "true", "yes", "on", "y")


def _same(value: str) -> str:
    return value


@dataclass(frozen=True)
class Filter:
    name: str  # the URL and API parameter, the form field and the facet's name
    label: str  # the form field's label and the legend (or option) on the results page
    field: str  # the indexed field it filters on and counts (indexer/mapping.py)
    description: str  # what the API parameter means (OpenAPI)
    kind: Literal["any_of", "yes"] = ANY_OF
    choices: tuple[str, ...] = ()  # a closed set of values; empty: any short value
    choices_message: str = ""  # said when a value is not one of ``choices``
    starts_search: bool = False  # on its own enough to search (no text or location needed)
    value_label: Callable[[str], str] = _same  # a value's label in facet counts (page and API)
    display: Callable[[str], str] = _same  # a value label as the results page shows it

    def clause(self, values: tuple[str, ...]) -> dict:
        """The Elasticsearch filter for a selection (values OR'ed within one filter)."""
        if self.kind == YES:
            return {"term": {self.field: True}}
        return {"terms": {self.field: list(values)}}

    @property
    def noun(self) -> str:
        """How the filter is named in "Remove the … filter"."""
        return self.name.replace("_", " ")

    def openapi_schema(self) -> dict:
        if self.kind == YES:
            return {
                "type": "string",
                "enum": ["true", "1", "yes", "y", "on", "false", "0", "no", "n", "off", ""],
                "description": "true, 1 or yes: only those who do; false, 0 or no: no filter "
                "(as an unticked box, never 'only those who do not'). Anything else is a 400.",
            }
        if self.choices:
            return {"type": "array", "items": {"type": "string", "enum": list(self.choices)}}
        return {"type": "array", "items": {"type": "string", "maxLength": MAX_SHORT_TEXT}}


def _specialty_name(code: str) -> str:
    return default_vocabulary().specialty_name(code)


def _specialty_display(label: str) -> str:
    # Facet labels are already names; a chosen code with no results left is still a code.
    return _specialty_name(label) if label[:1].isdigit() else label


def _capitalized(label: str) -> str:
    return label.capitalize()


def _clinician_display(value: str) -> str:
    return "Physicians (MD/DO)" if value == "Physician" else f"{value}s"


Filters = tuple[Filter, ...]
GENDERS = ("female", "male")

# The order is the order of the filter panel, the API parameters and the facet counts.
FILTERS: Filters = (
    Filter(
        "specialty",
        "Specialty",
        "specialty_codes",
        "NUCC taxonomy codes (any of).",
        starts_search=True,
        value_label=_specialty_name,
        display=_specialty_display,
    ),
    Filter(
        "clinician_type",
        "Type of clinician",
        "clinician_type",
        "Physician (MD/DO), or another clinician's NUCC classification such as "
        "Physical Therapist or Chiropractor (any of).",
        value_label=_clinician_display,  # already the page's words: no display of its own
    ),
    Filter("language", "Languages spoken", "languages", "Languages spoken (any of)."),
    Filter(
        "gender",
        "Physician's gender",
        "gender",
        "Physician gender (any of).",
        choices=GENDERS,
        choices_message="Choose female or male.",
        display=_capitalized,
    ),
    Filter("insurance", "Insurance accepted", "insurance", "Insurance plans accepted (any of)."),
    Filter(
        "hospital",
        "Hospital affiliation",
        "hospital_affiliations",
        "Hospital affiliations (any of).",
    ),
    Filter(
        "accepting_new_patients",
        "Accepting new patients",
        "accepting_new_patients",
        "Only physicians accepting new patients when true, 1, yes, on or y.",
        kind=YES,
    ),
    Filter(
        "telehealth",
        "Offers telehealth visits",
        "telehealth",
        "Only physicians offering telehealth when true, 1, yes, on or y.",
        kind=YES,
    ),
)


def selected_filters(filters: Filters, selection: Mapping[str, tuple[str, ...]]):
    """(filter, values) for each filter with a selection, in registry order."""
    return [(f, selection[f.name]) for f in filters if selection.get(f.name)]
