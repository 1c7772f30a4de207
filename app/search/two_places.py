"""Two places asked for at once: one in the location box, another in the words.

"sciatica near boston" typed while the box holds Houston, TX: the box wins, as what the
form chose always does (``understanding.apply``), and the page says so, with the place
the words name one click away. A place the search already takes in ("knee pain
hartford" within 25 miles of 06106, "in texas" around Houston) needs no word.
"""

from __future__ import annotations

from dataclasses import replace

from app.search.filters import Filters
from app.search.offers import Offer, Situation, text_without
from app.search.results import Suggestion
from app.search.suggestion_queries import count_search
from directory.geography import Place, miles_between

KIND = "place_in_text"


def place_in_the_text(situation: Situation, filters: Filters) -> list[Offer]:
    """Say that the box's place is searched, not the one typed in the words, and offer it.
    A name several places share ("springfield") is offered as typed, for the location box
    to ask which one, unless the search takes one of them in already."""
    reading, box = situation.interpretation, situation.asked.place
    typed = reading.location if reading is not None else None
    if box is None or typed is None or typed.near_me:
        return []
    places = (typed.place,) if typed.place is not None else typed.candidates
    radius = situation.params.radius_miles
    if not places or any(takes_in(box, radius, place) for place in places):
        return []
    message = f"Searching {box.where}: you also wrote “{typed.text}”"
    words = text_without(situation.asked.q, typed.span) or None
    label = typed.place.label if typed.place is not None else typed.label
    suggestion = Suggestion(KIND, message, {"q": words, "location": label}, None, label)
    if typed.place is None:
        return [Offer(suggestion, keep_empty=True)]
    params = replace(situation.params, place=typed.place, page=1)
    count = count_search(params, situation.resolution, filters, situation.stale_policy)
    return [Offer(suggestion, count, keep_empty=True)]


def takes_in(searched: Place, radius_miles: int, place: Place) -> bool:
    """Whether a search around ``searched`` (a whole state: in it) already covers ``place``."""
    if searched.whole_state:
        return state_of(place) == searched.whole_state
    if place.whole_state:  # "in texas" beside Houston, TX: the box narrows the state
        return state_of(searched) == place.whole_state
    return miles_between(searched.point, place.point) <= radius_miles


def state_of(place: Place) -> str | None:
    """The postal code a place's label ends with ("Houston, TX", "Hartford, CT 06106")."""
    if place.whole_state:
        return place.whole_state
    _, comma, rest = place.label.rpartition(", ")
    code = rest.split(" ")[0] if comma else ""
    return code if len(code) == 2 and code.isalpha() and code.isupper() else None
