"""The one service seam: the only code that calls ``es.search``.

``SearchService`` binds a client and an alias once (in ``create_app``), turns
validated parameters into queries (``app.search.query``), runs them, and turns
hits into typed results (``app.search.results``). Transport failures become ``SearchUnavailable``
so the app can answer a friendly 503/504 instead of a stack trace.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import replace
from typing import TypeVar

from elasticsearch import Elasticsearch
from elasticsearch import exceptions as es_errors

from app.errors import SearchUnavailable
from app.search import query as q
from app.search import ranking
from app.search import suggestions as ways
from app.search.answers import (
    chosen_terms,
    claimed_concepts,
    concept_details,
    facets_from,
    hit_reader,
    how_matched,
    primary_specialty,
    resolved_term,
    sort_score,
)
from app.search.curation import CuratedTerms
from app.search.explain import profile_from_source
from app.search.filters import FILTERS, Filters
from app.search.hospitals import AffiliatedHospitals
from app.search.params import Resolution, SearchParams, next_radius
from app.search.physician_names import name_words
from app.search.readings import Readings
from app.search.results import (
    Completion,
    ConditionMatch,
    PhysicianHit,
    PhysicianProfile,
    SearchPage,
    Suggestion,
)
from app.search.suggestion_queries import count_search, msearch_body
from app.search.suggestions import name_fallback
from app.search.understanding import apply, preferred_filters, speakers_first
from directory.accuracy import freshness
from directory.indices import vocabulary_alias
from directory.understanding import Lexicon, interpret, lexicon_for
from directory.understanding.declined import declined_providers
from directory.understanding.hospitals import named_by
from directory.understanding.specialist import (
    asks_who_operates,
    declines_surgery,
    wants_a_specialist,
)
from directory.understanding.typos import english_counts
from directory.vocabulary import default_vocabulary

T = TypeVar("T")
FUZZY_KEEP_RATIO = 0.6  # keep fuzzy candidates scoring at least 60% of the best one
MAX_RESOLVED = 4


def _call(fn: Callable[..., T], **kwargs) -> T:
    try:
        return fn(**kwargs)
    except es_errors.ConnectionTimeout as error:
        raise SearchUnavailable("The search service took too long to answer.", 504) from error
    except es_errors.ConnectionError as error:
        raise SearchUnavailable("The search service is not reachable right now.") from error
    except es_errors.NotFoundError as error:
        if error.error == "index_not_found_exception":  # before the first load, or mid-restore
            raise SearchUnavailable("The physician directory is not loaded right now.") from error
        raise
    except es_errors.TransportError as error:
        if isinstance(error.status_code, int) and error.status_code in (429, 500, 502, 503, 504):
            raise SearchUnavailable("The search service is busy; please retry.") from error
        raise


def _instead(
    asked: SearchPage, shown: SearchPage, suggestions: tuple[Suggestion, ...]
) -> SearchPage:
    """The page searched instead of the one ``asked``: the reading stays the one typed (its
    chips remove words from the box as it is); the search is the one the notice names."""
    return replace(
        shown,
        interpretation=asked.interpretation,
        suggestions=suggestions,
        took_ms=asked.took_ms + shown.took_ms,
    )


class SearchService:
    """Physician search over one alias (and its vocabulary), with one client bound once.

    Built in ``create_app``; views reach it with ``app.extensions.search_service()``.
    """

    def __init__(
        self,
        es: Elasticsearch,
        alias: str,
        filters: Filters = FILTERS,
        curation: CuratedTerms | None = None,
        stale_policy: str = freshness.DEFAULT_POLICY,
    ):
        self.curation = curation
        self.stale_policy = freshness.policy(stale_policy)  # what search does with stale profiles
        self.es = es
        self.alias = alias
        self.vocabulary_alias = vocabulary_alias(alias)
        self.filters = filters
        self.hospitals = AffiliatedHospitals(es, alias)  # "cardiologist at hartford hospital"
        self.readings = Readings()  # a text paged through or filtered is read once

    # --- Resolution: what the text means ---------------------------------------------------

    def resolve(self, text: str) -> Resolution:
        """What the text means: exact names, synonyms and codes win; fuzzy only if nothing exact."""
        return self._resolve(text)[0]

    def _resolve(self, text: str) -> tuple[Resolution, int]:
        if not text.strip():
            return Resolution(text=text), 0
        response = _call(self.es.search, index=self.vocabulary_alias, **q.resolution_query(text))
        hits = response["hits"]["hits"]
        exact = [h for h in hits if how_matched(h) in ("exact", "code")]
        if exact:
            # A more specific code scores higher than its category: keep the best code only.
            best = max(h["_score"] for h in exact)
            chosen = [h for h in exact if how_matched(h) == "exact" or h["_score"] == best]
        else:
            top = hits[0]["_score"] if hits else 0
            chosen = [h for h in hits if h["_score"] >= top * FUZZY_KEEP_RATIO]
        terms = tuple(resolved_term(h) for h in chosen[:MAX_RESOLVED])
        return Resolution(text=text, terms=terms), response["took"]

    # --- Physician search --------------------------------------------------------------------

    def understand(self, params: SearchParams) -> tuple[SearchParams, Resolution, int, object]:
        """Read the box in memory; ask the vocabulary index only when nothing was understood.

        The index still answers for text the parser cannot place (curated terms go live
        there first), so a curator's mapping works without a restart.
        """
        interpretation = None
        lexicon = self._lexicon()  # one reading: the curation version checked once
        hospitals = self.hospitals.get()
        if params.q.strip():
            interpretation = self.readings.read(params.q, lexicon, hospitals)
        understood = apply(params, interpretation, default_vocabulary()) if interpretation else None
        read = interpretation
        complete = bool(read and read.understood and not read.unplaced)
        # Whom and what the words name besides the terms, whichever way the terms are read.
        said = {}
        if read:
            chosen = "hospital" in params.filters  # a hospital chosen: no word ranks another
            named = () if chosen else named_by(hospitals, [w.text for w in read.unplaced])
            said = {
                "patient_age": read.patient_age,
                "a_man": read.a_man,
                "an_adult": read.an_adult,
                "practice_text": read.core_text,
                "hospitals_named": named,
                "surgeons_first": asks_who_operates(read, lexicon),
                "surgery_declined": declines_surgery(read, lexicon),
                "declined_providers": declined_providers(read, lexicon),
                "preferred": tuple(preferred_filters(params, read).items()),
                "speakers_first": speakers_first(params, read),
                "needs_said": tuple(
                    dict.fromkeys(p.ids for p in read.parts if p.kind == "condition" and p.ids)
                ),
            }
        if understood and (understood.terms or understood.name_text or complete):
            params = understood.params
            terms = chosen_terms(params) + understood.terms
            resolution = Resolution(
                params.q,
                terms,
                name_text=understood.name_text,
                name_hint=understood.name_hint,
                specialists_first=wants_a_specialist(params.q, lexicon),
                **said,
            )
            return params, resolution, 0, interpretation
        if read and read.filler and not read.parts and not read.unplaced:
            # Only words that never say what ("the", "a", "md"): nothing to look up in the
            # vocabulary, whose phrases hold them ("lump in the armpit", "AFib").
            resolution = Resolution(params.q, chosen_terms(params), **said)
            return params, resolution, 0, interpretation
        hint = ""
        if understood:
            params = understood.params  # a place or filter typed beside unplaced words
            # The words left unplaced, when others were read as a place, a filter or words
            # that are never a name ("rabinowe phone number").
            hint = understood.name_hint if read.parts or read.filler else ""
        resolution, took = self._resolve(params.q)
        terms = chosen_terms(params) + resolution.terms
        resolution = Resolution(resolution.text, terms, name_hint=hint, **said)
        return params, resolution, took, interpretation

    def warm(self) -> None:
        """Build the parser's tables (lexicon, typo index, places, the diagnosis codes'
        descriptions) now, ~2 s of CPU, so a worker's first search does not wait for them
        (gunicorn imports wsgi.py per worker)."""
        interpret("knee pain M25.561 near Hartford, CT 06106", lexicon=self._lexicon())
        self.hospitals.get()
        english_counts()

    def _lexicon(self) -> Lexicon:
        vocabulary = default_vocabulary()
        if self.curation is None:
            return lexicon_for(vocabulary)
        return lexicon_for(vocabulary, self.curation.terms, version=self.curation.version())

    def search_physicians(self, params: SearchParams) -> SearchPage:
        """One page of physicians; when nobody matches, what was most likely meant, said so
        on the page, rather than an empty list with a link to it: a name read apart from
        its town ("dr dandrea farmington"), or the nearest broader specialty that someone
        practises ("hepatologist": gastroenterologists); and of the places a typed name
        is shared by, the only one with physicians for the search."""
        page = self._physicians(params)
        named = self._namesake_where_named(page, params)
        if named is not None:
            return named
        further = self._typed_specialist_further(page, params)
        if further is not None:
            return further
        instead = ways.stand_in(page, self._lexicon())
        if instead is None:
            return self._near_town_typed_last(page, params)
        boxed = [p for p in params.place_choices if p.label == instead.label]
        if instead.kind == "choose_place" and boxed:  # "Park Ridge" in the box: IL, not NJ
            shown = self._physicians(replace(params, place=boxed[0], page=1))
        elif instead.kind == "widen_radius":  # the specialty asked for, a little further
            shown = self._physicians(replace(params, radius_miles=instead.changes["radius"]))
            codes = frozenset(page.resolution.specialty_codes())
            if not ways.a_little_further(shown, params.radius_miles, codes):
                instead = ways.broader_instead(page)
                shown = self._physicians(replace(params, q=ways.stand_in_text(instead, params.q)))
        else:
            shown = self._physicians(replace(params, q=ways.stand_in_text(instead, params.q)))
        if not shown.total:
            return page
        return _instead(page, shown, ways.shown_instead(page, instead, shown))

    def _typed_specialist_further(
        self, page: SearchPage, params: SearchParams
    ) -> SearchPage | None:
        """The specialist typed beside a need, nobody of whom is within the radius, when a
        few are a little further (``ways.a_little_further``: "copd getting worse need a lung
        dr" near Akron, pulmonologists 26 miles out, before the family doctors near who
        also treat COPD). One more search, only for such a page."""
        unfound = ways.typed_specialist_unfound(page)
        reading = page.interpretation
        if unfound is None or params.place is None or reading is None:
            return None
        if reading.of_kind("procedure"):  # "physical therapy ... after knee surgery": the
            return None  # procedure says who is asked for, the specialty may be history
        radius = next_radius(params.radius_miles)
        if radius == params.radius_miles:
            return None
        shown = self._physicians(replace(params, radius_miles=radius))
        typed = (p for p in reading.of_kind("specialty") if not p.is_the_patient)  # not "9yo"
        codes = frozenset(code for p in typed for code in p.codes)
        if not ways.a_little_further(shown, params.radius_miles, codes):
            return None
        return _instead(page, shown, ways.reached_further(page, unfound, shown))

    def _namesake_where_named(self, page: SearchPage, params: SearchParams) -> SearchPage | None:
        """Of the places a typed town's name is shared by, the only one where a physician
        of the name typed beside it practises ("mchugh podiatrist watertown"); counted in
        one msearch, and only for a name beside such a town."""
        found = ways.named_in_a_namesake(page, params)
        if found is None:
            return None
        name, places = found
        named = replace(page.resolution, name_text=name, name_hint="")
        near = [replace(page.effective or params, place=p, page=1) for p in places]
        searches = [count_search(n, named, self.filters, self.stale_policy) for n in near]
        body = msearch_body(searches)
        responses = _call(self.es.msearch, index=self.alias, body=body)["responses"]
        counts = [r.get("hits", {}).get("total", {}).get("value", 0) for r in responses]
        where = [p for p, count in zip(places, counts, strict=True) if count]
        if len(where) != 1:
            return None
        typed = page.interpretation.location
        rest = ways.text_without(params.q, typed.span)
        shown = self._physicians(replace(params, q=f"{rest} near {where[0].label}".strip()))
        if not shown.total or shown.effective is None or shown.effective.place is None:
            return None
        return _instead(page, shown, ways.where_named(page, name, shown))

    def _near_town_typed_last(self, page: SearchPage, params: SearchParams) -> SearchPage:
        """The page near a town typed last ("pap smear providence"), when it finds someone;
        a town several places share is settled as any typed place is (the only one with
        physicians)."""
        town = ways.town_typed_last(page, self._lexicon())
        if town is None:
            return self._name_typed_with_more(page, params)
        text, typed = town
        shown = self.search_physicians(replace(params, q=text))
        if not shown.total:
            return self._name_typed_with_more(page, params)
        if shown.effective is None or shown.effective.place is None:
            # Several towns of that name have physicians: offer each, with its count.
            choices = tuple(s for s in shown.suggestions if s.kind == "choose_place")
            if not any(s.count for s in choices):  # no town of that name has them
                return self._name_typed_with_more(page, params)
            return replace(page, suggestions=choices + page.suggestions)
        return _instead(page, shown, ways.read_as_town(page, typed, shown))

    def _name_typed_with_more(self, page: SearchPage, params: SearchParams) -> SearchPage:
        """The physicians named by the first words typed, when the last ones (a hospital, a
        practice) are in nobody's name: "clayton mcdonald rush". Only when the shorter name
        picks out a few physicians who all carry it."""
        for text, left_out in ways.name_typed_with_more(page):
            shown = self._physicians(replace(params, q=text))
            kept = set(name_words(text).split())  # "Dr." is in nobody's name
            named = all(kept <= set(name_words(hit.name).split()) for hit in shown.results)
            if 0 < shown.total <= ways.MAX_NAMED and named:
                return _instead(page, shown, ways.named_without(text, left_out, shown))
        return page

    def _physicians(self, params: SearchParams) -> SearchPage:
        asked = params
        params, resolution, resolve_took, interpretation = self.understand(params)
        response, resolution = self._search(params, resolution)
        total = response["hits"]["total"]["value"]
        hits = response["hits"]["hits"]
        if window := q.diversity_window(params, resolution):
            hits = ranking.diversify(hits[:window], sort_score, primary_specialty) + hits[window:]
            hits = hits[params.offset : params.offset + params.per_page]
        read = hit_reader(params, resolution)
        results = tuple(read(h["_source"], claimed_concepts(h)) for h in hits)
        facets = facets_from(response.get("aggregations", {}), params, self.filters)
        situation = ways.Situation(
            asked, params, resolution, interpretation, facets, total, self._lexicon(),
            self.stale_policy, self.hospitals.get(),
        )  # fmt: skip
        suggestions = name_fallback(resolution, interpretation)
        suggestions += ways.others_who_treat(interpretation, results, params)
        suggestions += self._ways_forward(situation)
        if total == 0 and not resolution.understood and params.q:
            did = ways.did_you_mean(suggestions) or self._did_you_mean(params.q)
            resolution = Resolution(resolution.text, (), did)
        return SearchPage(
            total=total,
            page=params.page,
            per_page=params.per_page,
            results=results,
            facets=facets,
            resolution=resolution,
            suggestions=suggestions,
            took_ms=resolve_took + response["took"],
            interpretation=interpretation,
            effective=params,
        )

    def _search(self, params: SearchParams, resolution: Resolution) -> tuple[dict, Resolution]:
        """The search; a name beside a concept that nobody matches together ("dr farmington
        sports medicine", a town read as a name) falls back to the concept, the name ordering."""
        search = q.physician_search(params, resolution, self.filters, self.stale_policy)
        response = _call(self.es.search, index=self.alias, **search)
        if response["hits"]["total"]["value"] or not q.names_and_concepts(params, resolution):
            return response, resolution
        named = replace(resolution, concepts_rank_only=True)
        search = q.physician_search(params, named, self.filters, self.stale_policy)
        response = _call(self.es.search, index=self.alias, **search)
        if response["hits"]["total"]["value"]:
            return response, named
        resolution = replace(resolution, names_rank_only=True)
        search = q.physician_search(params, resolution, self.filters, self.stale_policy)
        return _call(self.es.search, index=self.alias, **search), resolution

    def _ways_forward(self, situation: ways.Situation) -> tuple[Suggestion, ...]:
        """What to offer next (app.search.suggestions), every count in one msearch."""
        offers = ways.plan(situation, self.filters)
        searches = [offer.search for offer in offers if offer.search is not None]
        responses = []
        if searches:
            body = msearch_body(searches)
            responses = _call(self.es.msearch, index=self.alias, body=body)["responses"]
        return ways.finish(offers, responses)

    def _did_you_mean(self, text: str) -> tuple[str, ...]:
        search = q.did_you_mean_query(text)
        response = _call(self.es.search, index=self.vocabulary_alias, **search)
        return tuple(dict.fromkeys(h["_source"]["name"] for h in response["hits"]["hits"]))

    # --- One physician, autocomplete, conditions, readiness ----------------------------------

    def get_physician(self, npi: str) -> PhysicianProfile | None:
        """The full profile for one NPI, or None."""
        try:
            doc = _call(self.es.get, index=self.alias, id=npi)
        except es_errors.NotFoundError:
            return None
        return profile_from_source(doc["_source"])

    def suggest(self, text: str, size: int = 8) -> tuple[Completion, ...]:
        """Autocomplete: conditions, procedures and specialties first, then physician names."""
        if not text.strip():
            return ()
        search = q.suggest_search(text, size)
        terms = _call(self.es.search, index=self.vocabulary_alias, **search)
        search = q.physician_name_suggest_search(text, 4, self.stale_policy)
        people = _call(self.es.search, index=self.alias, **search)
        found = [
            Completion(h["_source"]["kind"], h["_source"]["id"], h["_source"]["name"])
            for h in terms["hits"]["hits"]
        ]
        found += [
            Completion("physician", h["_source"]["npi"], h["_source"]["full_name"])
            for h in people["hits"]["hits"]
        ]
        return tuple(found[:size])

    def find_conditions(self, text: str) -> tuple[ConditionMatch, ...]:
        """What the text resolves to, with codes and the specialties that treat each concept."""
        return tuple(
            ConditionMatch(t.kind, t.id, t.name, t.how, concept_details(t.id))
            for t in self.resolve(text).terms
        )

    def cluster_ready(self) -> bool:
        """The cluster answers and the alias exists (2 s budget: it guards the home page)."""
        return bool(_call(self.es.indices.exists_alias, name=self.alias, request_timeout=2))

    # --- Exports: the whole result list, a batch at a time -----------------------------------

    def export_physicians(
        self, params: SearchParams, limit: int, batch: int = 500
    ) -> tuple[int, Iterator[PhysicianHit]]:
        """(total, up to ``limit`` hits in result order), ``batch`` per search (search_after).

        The first batch is fetched before returning, so an outage is still a proper 503;
        later batches are fetched as the caller streams, so memory stays at one batch.
        """
        # Read exactly as the results page reads it (the place and filters typed in the
        # box, a name that falls back, a broader specialty): the list sent is the list seen.
        shown = self.search_physicians(replace(params, page=1))
        if not shown.total:
            return 0, iter(())
        params, resolution = shown.effective or params, shown.resolution
        size = min(batch, limit)

        def search(count: int, after: list | None = None) -> dict:
            body = q.physician_export_search(
                params, resolution, count, after, self.filters, self.stale_policy
            )
            return _call(self.es.search, index=self.alias, **body)

        first = search(size)
        read = hit_reader(params, resolution)
        # The first pages are spread across specialties as the results page spreads them
        # (ranking.diversify over the same window): the file lists them in the order seen.
        window = q.diversity_window(replace(params, page=1), resolution)
        if window:
            top = first["hits"]["hits"]
            top[:window] = ranking.diversify(top[:window], sort_score, primary_specialty)

        def hits() -> Iterator[PhysicianHit]:
            response, sent = first, 0
            while True:
                found = response["hits"]["hits"][: limit - sent]
                for raw in found:
                    yield read(raw["_source"])
                sent += len(found)
                if sent >= limit or len(found) < size:
                    return
                response = search(min(size, limit - sent), found[-1]["sort"])

        return first["hits"]["total"]["value"], hits()
