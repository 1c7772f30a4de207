"""Pure query builders: validated parameters in, ``es.search`` keyword arguments out.

No Flask and no client here, so every query is unit-tested as a whole dict. The physician
search lives here; what a physician must match for the text in ``matching``, queries on the
vocabulary index in ``vocabulary_queries``, names and lookups in ``physician_names``, the
order of results in ``result_order``.
User text only ever reaches ``match``/``term`` queries: never ``query_string``,
never a wildcard field list.
"""

from __future__ import annotations

from app.search.filters import FILTERS, Filters, selected_filters
from app.search.matching import names_and_concepts, text_query
from app.search.params import Resolution, SearchParams
from app.search.physician_names import identifier_clauses, name_words
from app.search.result_order import diversity_window, sort_clause, with_distance
from app.search.vocabulary_queries import did_you_mean_query, resolution_query, suggest_search
from directory.accuracy import freshness
from directory.accuracy.ages import YOUNGEST_FIELD

# The search's query builders, including those built in the modules beside this one, which
# callers reach through here (``q.resolution_query``, ``q.name_words``, ...).
__all__ = [
    "CLAIMED_FIELDS",
    "CLAIMED_SCRIPT",
    "PHYSICIAN_SOURCE",
    "RESULT_SOURCE",
    "claimed_concepts_field",
    "did_you_mean_query",
    "diversity_window",
    "facet_aggregations",
    "facet_filters",
    "geo_filter",
    "name_words",
    "names_and_concepts",
    "physician_export_search",
    "physician_name_suggest_search",
    "physician_search",
    "public_filter",
    "resolution_query",
    "sort_clause",
    "suggest_search",
    "text_query",
]

FACET_SIZE = 25

# What a results page and the API show of each hit (app.search.explain.hit_from_source):
# every byte more is serialised by Elasticsearch and decoded here, 40 hits per page.
RESULT_SOURCE = [
    "npi",
    "full_name",
    "credentials",
    "gender",
    "specialties",
    "languages",
    "accepting_new_patients",
    "telehealth",
    "locations",
    "hospital_affiliations",  # "why this physician": the hospital name the desk typed
    "last_verified",
    "verified_on",
    # Of the fact groups' dates a list shows only the new-patient answer's ("as of"); the
    # others are about a seventh of a hit's bytes, and only the profile page shows them.
    "freshness.accepting_new_patients",
    "scheduling",
]
# An export's rows come from the source alone: claims, insurance, the source.
PHYSICIAN_SOURCE = [
    *RESULT_SOURCE,
    "conditions_claimed",
    "procedures_claimed",
    "insurance",
    "source",
]


# "Why this physician" needs to know which of the searched concepts a physician claims,
# not the whole claimed lists (~1 KB a hit): Elasticsearch picks them from doc values.
CLAIMED_FIELDS = ("conditions_claimed", "procedures_claimed")
CLAIMED_SCRIPT = """
List found = new ArrayList();
for (String field : params.fields) {
  if (doc.containsKey(field)) {
    for (def id : doc[field]) { if (params.wanted.contains(id)) { found.add(id); } }
  }
}
return found;
""".strip()


def claimed_concepts_field(resolution: Resolution) -> dict:
    """``script_fields`` returning, per hit, the searched concepts the physician claims."""
    wanted = sorted({t.id for t in resolution.terms if t.kind in ("condition", "procedure")})
    if not wanted:
        return {}
    script = {
        "source": CLAIMED_SCRIPT,
        "params": {"wanted": wanted, "fields": list(CLAIMED_FIELDS)},
    }
    return {"script_fields": {"claimed": {"script": script}}}


def geo_filter(params: SearchParams) -> list[dict]:
    # An NPI or phone number names its physicians wherever they are: the place only orders.
    if not params.place or identifier_clauses(params.q) is not None:
        return []
    if params.place.whole_state:  # a practice location in the state, however far apart
        return [{"term": {"states": params.place.whole_state}}]
    return [
        {
            "geo_distance": {
                "distance": f"{params.radius_miles}mi",
                "location_points": {"lat": params.place.lat, "lon": params.place.lon},
            }
        }
    ]


def facet_filters(params: SearchParams, filters: Filters = FILTERS) -> dict[str, dict]:
    """The user's filter selections, one clause per filter (values OR'ed within a filter)."""
    return {f.name: f.clause(values) for f, values in selected_filters(filters, params.filters)}


def facet_aggregations(selected: dict[str, dict], filters: Filters = FILTERS) -> dict:
    """Each facet counts under every *other* selection, so choosing a value keeps the rest."""
    aggs = {}
    for declared in filters:
        others = [clause for other, clause in selected.items() if other != declared.name]
        aggs[f"facet_{declared.name}"] = {
            "filter": {"bool": {"filter": others}} if others else {"match_all": {}},
            "aggs": {"values": {"terms": {"field": declared.field, "size": FACET_SIZE}}},
        }
    return aggs


def public_filter(stale_policy: str = freshness.DEFAULT_POLICY) -> list[dict]:
    """Who public search may show: active physicians, and only fresh ones when stale are hidden."""
    clauses: list[dict] = [{"term": {"active": True}}]
    if stale_policy == "hide":
        clauses.append(freshness.FRESH_CLAUSE)
    return clauses


def _with_stale_policy(query: dict, stale_policy: str) -> dict:
    """Demote: a profile not verified in 90 days keeps DEMOTE_FACTOR of its score."""
    if stale_policy != "demote":
        return query
    return {
        "function_score": {
            "query": query,
            "functions": [{"filter": freshness.STALE_CLAUSE, "weight": freshness.DEMOTE_FACTOR}],
            "boost_mode": "multiply",
        }
    }


# A child's search: a physician whose "ages seen" starts above the child's age keeps this
# share of the score, so everyone who sees children comes first.
OLDER_PATIENTS_ONLY = 0.1


def _for_the_childs_age(query: dict, age: int | None) -> dict:
    """ "my baby has a heart murmur": physicians who see only older patients ("18 and
    older") rank after those who see the child. Demoted, not hidden: the note may be out of
    date, and near a small town they may be all there is."""
    if age is None:
        return query
    older_only = {"range": {YOUNGEST_FIELD: {"gt": age}}}
    return {
        "function_score": {
            "query": query,
            "functions": [{"filter": older_only, "weight": OLDER_PATIENTS_ONLY}],
            "boost_mode": "multiply",
        }
    }


AT_THE_HOSPITAL_NAMED = 3.0


PREFERRED_FIRST = 3.0
# The language a text is written in, not asked for: enough to rank its speakers first among
# those who fit alike, not to overturn what the words ask (a surgeon declined keeps half).
SPEAKERS_FIRST = 1.2


def _preferred_first(query: dict, resolution: Resolution, filters: Filters) -> dict:
    """ "russian speaking preferred": who matches a preferred filter ranks first (times this
    weight per filter matched), and no one is hidden."""
    chosen = selected_filters(filters, dict(resolution.preferred))
    functions = [{"filter": f.clause(values), "weight": PREFERRED_FIRST} for f, values in chosen]
    if resolution.speakers_first:  # "dolor de espalda": Spanish speakers a little higher
        written = selected_filters(filters, {"language": (resolution.speakers_first,)})
        functions += [{"filter": f.clause(v), "weight": SPEAKERS_FIRST} for f, v in written]
    if not functions:
        return query
    return {
        "function_score": {
            "query": query,
            "functions": functions,
            "score_mode": "multiply",
            "boost_mode": "multiply",
        }
    }


def _at_the_hospital_named(query: dict, hospitals: tuple[str, ...]) -> dict:
    """ "oncology breast cancer Northwestern": physicians at a hospital one unread word
    names rank first. Not a filter: the word may be a surname or a town."""
    if not hospitals:
        return query
    at = {"terms": {"hospital_affiliations": list(hospitals)}}
    return {
        "function_score": {
            "query": query,
            "functions": [{"filter": at, "weight": AT_THE_HOSPITAL_NAMED}],
            "boost_mode": "multiply",
        }
    }


def physician_search(
    params: SearchParams,
    resolution: Resolution,
    filters: Filters = FILTERS,
    stale_policy: str = freshness.DEFAULT_POLICY,
) -> dict:
    """Keyword arguments for ``es.search`` on the physician alias."""
    chosen = facet_filters(params, filters)
    query = {
        "bool": {
            "must": [text_query(params, resolution)],
            "filter": public_filter(stale_policy) + geo_filter(params),
        }
    }
    search = {
        "query": _with_stale_policy(
            _for_the_childs_age(
                _preferred_first(
                    _at_the_hospital_named(
                        with_distance(query, params), resolution.hospitals_named
                    ),
                    resolution,
                    filters,
                ),
                resolution.patient_age,
            ),
            stale_policy,
        ),
        "aggs": facet_aggregations(chosen, filters),
        "sort": sort_clause(params),
        "from_": params.offset,
        "size": params.per_page,
        "track_total_hits": True,
        "_source": RESULT_SOURCE,
        **claimed_concepts_field(resolution),
    }
    window = diversity_window(params, resolution)
    if window:  # the window, and as much past it as the page reaches
        search |= {"from_": 0, "size": max(window, params.offset + params.per_page)}
    if chosen:
        search["post_filter"] = {"bool": {"filter": list(chosen.values())}}
    return search


def physician_name_suggest_search(
    text: str, size: int = 5, stale_policy: str = freshness.DEFAULT_POLICY
) -> dict:
    words = name_words(text)
    typed = {"match": {"full_name.autocomplete": {"query": words or text, "operator": "and"}}}
    lookup = identifier_clauses(text)
    if lookup is not None:  # an NPI or phone typed at the front desk: offer who it is
        typed = {"bool": {"should": lookup, "minimum_should_match": 1}}
    return {
        "query": {
            "bool": {
                "must": [typed],
                "filter": public_filter(stale_policy),
            }
        },
        "size": size,
        "_source": ["npi", "full_name", "credentials", "specialties"],
    }


def physician_export_search(
    params: SearchParams,
    resolution: Resolution,
    size: int,
    after: list | None = None,
    filters: Filters = FILTERS,
    stale_policy: str = freshness.DEFAULT_POLICY,
) -> dict:
    """The results list for an export: same query, filters and order, no facets, a batch of
    ``size`` hits after the sort values ``after`` (search_after; the sort ends in the NPI)."""
    search = physician_search(params, resolution, filters, stale_policy)
    del search["aggs"], search["from_"]
    search.pop("script_fields", None)  # an export's rows come with the claimed lists
    search |= {"size": size, "_source": PHYSICIAN_SOURCE}
    if after is not None:
        search["search_after"] = list(after)
    return search
