"""The bodies ``/api/v1`` answers with, as JSON Schema: a page of physicians (hits,
facets, the interpretation of the text, ways forward) and RFC 9457 problem details.

A public contract (``app/search/serialize.py`` builds the JSON): add properties, never
rename them.
"""

from __future__ import annotations

from app.search.suggestions import SUGGESTION_KINDS
from directory.understanding.model import MATCHES, PART_KINDS

LOCATION = {
    "type": "object",
    "properties": {
        "name": {"type": "string"},
        "address_line1": {"type": "string"},
        "address_line2": {"type": "string"},
        "city": {"type": "string"},
        "state": {"type": "string"},
        "zip": {"type": "string"},
        "phone": {"type": "string"},
        "fax": {"type": "string"},
        "lat": {"type": "number"},
        "lon": {"type": "number"},
        "distance_miles": {"type": ["number", "null"]},
    },
}
SPECIALTY = {
    "type": "object",
    "required": ["code", "name", "primary"],
    "properties": {
        "code": {"type": "string"},
        "name": {"type": "string"},
        "primary": {"type": "boolean"},
    },
}
PHYSICIAN_HIT = {
    "type": "object",
    "required": [
        "npi",
        "name",
        "credentials",
        "specialties",
        "distance_miles",
        "nearest_location",
        "accepting_new_patients",
        "telehealth",
        "languages",
        "matched",
    ],
    "properties": {
        "npi": {"type": "string", "pattern": "^[0-9]{10}$"},
        "name": {"type": "string"},
        "credentials": {"type": "array", "items": {"type": "string"}},
        "specialties": {"type": "array", "items": SPECIALTY},
        "distance_miles": {"type": ["number", "null"]},
        "nearest_location": LOCATION,
        "accepting_new_patients": {"type": ["boolean", "null"]},
        "telehealth": {"type": ["boolean", "null"]},
        "languages": {"type": "array", "items": {"type": "string"}},
        "new_patients_as_of": {
            "type": ["string", "null"],
            "format": "date",
            "description": "When 'accepting new patients' was last verified.",
        },
        "verified_on": {
            "type": ["string", "null"],
            "format": "date",
            "description": "The oldest verification date of the profile's facts.",
        },
        "scheduling": {
            "type": "object",
            "description": "Ages seen, conditions not treated, referral or authorisation "
            "required, intake phone and fax, Direct address (blank when not known).",
        },
        "matched": {
            "type": "array",
            "items": {
                "type": "object",
                "required": ["kind", "id", "name", "via"],
                "properties": {
                    "kind": {
                        "enum": [
                            "condition",
                            "procedure",
                            "specialty",
                            "name",
                            "npi",
                            "phone",
                            "practice",
                        ]
                    },
                    "id": {"type": "string"},
                    "name": {"type": "string"},
                    "via": {"enum": ["profile", "specialty"]},
                },
            },
        },
    },
}
SUGGESTIONS = {
    "description": "Ways forward, each a changed search and how many physicians it finds. "
    "Offered when nothing was found, when a place name is ambiguous (choose_place, the "
    "places with physicians first) and when a condition search has no location "
    "(add_location). Apply `changes` to this request's parameters (null removes one).",
    "type": "array",
    "items": {
        "type": "object",
        "required": ["kind", "message", "changes", "count"],
        "properties": {
            "kind": {
                "type": "string",
                "enum": list(SUGGESTION_KINDS),
                "description": "; ".join(f"{k}: {v}" for k, v in SUGGESTION_KINDS.items()),
            },
            "message": {"type": "string", "description": "A sentence to show as the link."},
            "changes": {
                "type": "object",
                "description": "Parameter name → new value; null removes the parameter.",
                "additionalProperties": {"type": ["string", "integer", "null"]},
            },
            "count": {
                "type": ["integer", "null"],
                "minimum": 0,
                "description": "Physicians the changed search finds.",
            },
            "label": {
                "type": "string",
                "description": "Short text for a chip: a place, a radius, a concept.",
            },
        },
    },
}
# One understood part of the text (the API's interpretation.parts and .alternatives).
PART = {
    "type": "object",
    "required": ["kind", "ids", "label", "span", "text", "match"],
    "properties": {
        "kind": {
            "type": "string",
            "enum": list(PART_KINDS),
        },
        "ids": {"type": "array", "items": {"type": "string"}},
        "label": {"type": "string"},
        "span": {
            "type": "array",
            "items": {"type": "integer"},
            "minItems": 2,
            "maxItems": 2,
        },
        "text": {"type": "string"},
        "match": {"type": "string", "enum": list(MATCHES)},
        "treats": {
            "type": "object",
            "description": 'A specialty named by a condition ("sleep apnea doctor"): that '
            "condition or procedure, read from the same words and searched too.",
        },
        "preferred": {
            "type": "boolean",
            "description": 'A filter the words only prefer ("russian speaking preferred"): '
            "those who match rank first and no one is hidden; absent for a filter applied.",
        },
    },
}


# Help to show before any result when the words say someone may be in danger now.
NOTICES = {
    "type": "array",
    "description": 'Empty for almost every search. For words such as "suicidal" or '
    '"overdose" (data/crisis.json): who to call now (988, 911, Poison Help), to show above '
    "the results. `message_es` is set when the words were Spanish.",
    "items": {
        "type": "object",
        "required": ["kind", "message", "contacts"],
        "properties": {
            "kind": {"type": "string", "enum": ["suicide_crisis", "overdose", "medical_emergency"]},
            "message": {"type": "string"},
            "message_es": {"type": ["string", "null"]},
            "contacts": {
                "type": "array",
                "items": {
                    "type": "object",
                    "required": ["label", "phone", "text"],
                    "properties": {
                        "label": {"type": "string"},
                        "phone": {"type": "string", "description": "What to dial."},
                        "text": {"type": "boolean", "description": "Takes text messages too."},
                    },
                },
            },
        },
    },
}


SEARCH_PAGE = {
    "type": "object",
    "required": ["total", "page", "per_page", "results", "facets", "resolved", "suggestions"],
    "properties": {
        "total": {"type": "integer", "minimum": 0},
        "page": {"type": "integer"},
        "per_page": {"type": "integer"},
        "results": {"type": "array", "items": PHYSICIAN_HIT},
        "facets": {"type": "object"},
        "resolved": {"type": "object"},
        "interpretation": {
            "description": "How the text was read (null without text): each part with its "
            "kind, ids, label, the [start, end) span of the text it came from and how it "
            "matched; words left unplaced; the typed place; typed filter phrases; a sentence.",
            "oneOf": [
                {"type": "null"},
                {
                    "type": "object",
                    "required": ["text", "description", "parts", "unplaced", "filters"],
                    "properties": {
                        "text": {"type": "string"},
                        "description": {"type": "string"},
                        "parts": {"type": "array", "items": PART},
                        "alternatives": {
                            "type": "array",
                            "items": PART,
                            "description": "Readings not taken of a word people use two ways "
                            '("endo", "therapist"), same span; the `other_reading` suggestion '
                            "counts each. Empty when the rest of the text settles it.",
                        },
                        "unplaced": {"type": "array", "items": {"type": "object"}},
                        "filler": {"type": "array", "items": {"type": "object"}},
                        "location": {"type": ["object", "null"]},
                        "filters": {
                            "type": "object",
                            "description": "The filters the words apply, not those they only "
                            "prefer (parts with `preferred`).",
                        },
                        "written_in": {
                            "type": ["string", "null"],
                            "description": "The language the text is written in when not "
                            "English (e.g. `Spanish`): unless a language was asked for, its "
                            "speakers rank first and no one is hidden.",
                        },
                    },
                },
            ],
        },
        "suggestions": SUGGESTIONS,
        "notices": NOTICES,
    },
}


PROBLEM_CONTENT = {
    "application/problem+json": {
        "schema": {
            "type": "object",
            "required": ["title", "status", "detail"],
            "properties": {
                "type": {"type": "string"},
                "title": {"type": "string"},
                "status": {"type": "integer"},
                "detail": {"type": "string"},
                "errors": {
                    "type": "object",
                    "description": "Parameter name → what is wrong with it (on a 400).",
                    "additionalProperties": {"type": "array", "items": {"type": "string"}},
                },
            },
        }
    }
}
