"""The search form: one validation for the web page and the JSON API.

Bound to ``request.args`` (GET, CSRF off) so every result list is a bookmarkable
URL. Messages are written for the person at the keyboard.
"""

from __future__ import annotations

from flask import current_app
from flask_wtf import FlaskForm
from wtforms import (
    BooleanField,
    IntegerField,
    SelectChoice,
    SelectField,
    SelectMultipleField,
    StringField,
)
from wtforms.validators import Length, NumberRange, Optional, StopValidation, ValidationError

from app.search import params as p
from app.search.filters import FILTERS, YES, YES_VALUE, YES_WORDS, Filter, Filters
from directory.geography import LocationNotFound, Place, city_places, meant_place, resolve_place
from directory.geography.states import state_code
from directory.understanding import interpret, lexicon_for
from directory.understanding.places import DOMINANT
from directory.vocabulary import default_vocabulary


def _nickname(text: str) -> Place | None:
    """The city a name people give it stands for ("NYC", "philly", "buckhead": Atlanta's,
    not the hamlet of that name 60 miles away); a key in capitals counts only so typed."""
    nicknames = lexicon_for(default_vocabulary()).data.nicknames
    words = " ".join(text.split())
    return nicknames.get(words) or nicknames.get(words.lower())


def _nicknamed(text: str) -> Place | None:
    """A name people give a city ("NYC", "philly"), or a neighbourhood we don't know with
    the city after a comma ("Pilsen, Chicago", "the Heights, Houston": the city)."""
    typed = " ".join(text.split())  # its nickname was looked up before the gazetteer
    found = _read_whole(typed)
    if found is not None:
        return found
    if "," not in typed:
        return _city_typed_last(typed)
    head, _, tail = (part.strip() for part in typed.rpartition(","))
    return _nickname(head) or _city_after(tail)  # "Koreatown, LA"; "Pilsen, Chicago"


def _city_typed_last(typed: str) -> Place | None:
    """A neighbourhood we don't know before its city, without a comma ("South End Boston"):
    the city, as "Pilsen, Chicago" is; the last one or two words must name it alone."""
    words = typed.split()
    for size in (2, 1):
        if len(words) <= size:
            continue
        tail = " ".join(words[-size:])
        if state_code(tail):  # "Fakeville LA" is no neighbourhood of Los Angeles
            return None
        if (city := _city_after(tail)) is not None:
            return city
    return None


def _city_after(tail: str) -> Place | None:
    """The city named after a neighbourhood we don't know; a state's code names none
    ("Fakeville, LA" is no neighbourhood of Los Angeles)."""
    if not tail or state_code(tail):
        return None
    try:
        return _nickname(tail) or resolve_place(tail)
    except LocationNotFound:
        return None


def _read_whole(typed: str) -> Place | None:
    """The place the search box reads in these words when they say nothing else
    ("koreatown los angeles", "back bay boston")."""
    for text in dict.fromkeys((typed, typed.lower())):  # "Koreatown Los Angeles" is no name
        reading = interpret(text, lexicon=lexicon_for(default_vocabulary()))
        where = reading.location
        others = [part for part in reading.parts if part.kind != "location"]
        if where is not None and where.place is not None and not others and not reading.unplaced:
            return where.place
    return None


class LenientBoolean(BooleanField):
    """``?telehealth=true`` and ``?telehealth=1`` both mean yes, ``false``, ``0`` or ``no``
    no filter (as an unticked box); a word that is neither ("maybe") is an error, not
    silently no filter."""

    false_values = ("false", "0", "no", "off", "n", "")

    def process_formdata(self, valuelist):
        self.typed = str(valuelist[0]).strip().lower() if valuelist else ""
        self.data = self.typed in YES_WORDS

    def pre_validate(self, form):
        if getattr(self, "typed", "") not in (*YES_WORDS, *self.false_values):
            raise ValidationError(
                f"Use true or false for {self.label.text.lower()}, not “{self.typed[:20]}”."
            )


class FreeMultiple(SelectMultipleField):
    """Facet values are data, not a fixed list: accept any short value (or one of ``allowed``)."""

    def __init__(self, label=None, allowed=(), allowed_message="", **kwargs):
        super().__init__(label, choices=[], validate_choice=False, **kwargs)
        self.allowed, self.allowed_message = allowed, allowed_message

    def process_formdata(self, valuelist):
        # Control characters dropped as from the search box ("Span\x07ish" went back out).
        super().process_formdata([v for v in map(clean_text, valuelist) if v])

    def pre_validate(self, form):
        readable(form, self)
        # Named: the error summary lists the message alone, away from the filter's fieldset.
        if len(self.data or ()) > p.MAX_FILTER_VALUES:
            raise ValidationError(
                f"Choose at most {p.MAX_FILTER_VALUES} values for {self.label.text}."
            )
        for value in self.data or ():
            if len(value) > p.MAX_SHORT_TEXT:
                raise ValidationError(f"A value for {self.label.text} is too long.")

    def post_validate(self, form, validation_stopped):
        if self.allowed and any(v not in self.allowed for v in self.data or ()):
            self.errors.append(self.allowed_message)


# A parameter whose bytes were not UTF-8 holds this character (app.request): it could not be
# read, so it is refused with this message rather than searched for as whatever is left.
UNREADABLE = "\ufffd"
UNREADABLE_MESSAGE = (
    "This text could not be read: some of its characters were garbled on the way here. "
    "Please type it again."
)


def unreadable(value: str | None) -> bool:
    return UNREADABLE in (value or "")


def readable(form, field) -> None:
    """Refuse a field whose text could not be read, before anything else checks it."""
    values = field.data if isinstance(field.data, list) else [field.data]
    if any(unreadable(value) for value in values if isinstance(value, str)):
        raise StopValidation(UNREADABLE_MESSAGE)


def printable(value) -> str:
    """``value`` without control characters (a NUL, a bell, a line break)."""
    return "".join(ch for ch in str(value) if ch.isprintable())


def clean_text(value):
    if value is None:
        return value
    # Control characters never belong in a search; drop them rather than fail.
    return " ".join(printable(value).split())


def _short_text(label: str | None = None, message: str | None = None) -> StringField:
    return StringField(
        label,
        filters=[clean_text],
        validators=[readable, Optional(), Length(max=p.MAX_SHORT_TEXT, message=message)],
    )


def filter_field(declared: Filter):
    """The form field a registry filter is chosen with."""
    if declared.kind == YES:
        return LenientBoolean(declared.label)
    return FreeMultiple(declared.label, declared.choices, declared.choices_message)


def _chosen(declared: Filter, data) -> tuple[str, ...]:
    if declared.kind == YES:
        return (YES_VALUE,) if data else ()
    return tuple(data or ())


def _fields(filters: Filters) -> dict:
    """Every field of the search form, in the order errors are listed."""
    fields = {
        "q": StringField(
            "Condition, procedure, specialty or name",
            filters=[clean_text],
            validators=[
                readable,
                Optional(),
                Length(
                    max=p.MAX_TEXT,
                    message=f"Please keep the search to {p.MAX_TEXT} characters or fewer.",
                ),
            ],
        ),
        "location": _short_text("ZIP code or city, state", "That location is too long."),
        "radius": IntegerField(
            "Within (miles)",
            default=p.RADIUS_DEFAULT,
            validators=[
                Optional(),
                NumberRange(
                    p.RADIUS_MIN,
                    p.RADIUS_MAX,
                    message=f"Choose a distance from {p.RADIUS_MIN} to {p.RADIUS_MAX} miles.",
                ),
            ],
        ),
        "sort": SelectField(
            "Sort by",
            choices=[SelectChoice(value, label) for value, label in p.SORTS.items()],
            default="relevance",
            validate_choice=False,
        ),
        # A concept id chosen explicitly (e.g. from a library page), not typed.
        "condition": _short_text(),
        "procedure": _short_text(),
    }
    fields |= {f.name: filter_field(f) for f in filters}
    fields["page"] = IntegerField(
        "Page",
        default=1,
        validators=[
            Optional(),
            NumberRange(1, p.MAX_RESULT_WINDOW, message="That page number is out of range."),
        ],
    )
    fields["per_page"] = IntegerField(
        "Results per page",
        default=p.PER_PAGE_DEFAULT,
        validators=[
            Optional(),
            NumberRange(
                1, p.PER_PAGE_MAX, message=f"Show between 1 and {p.PER_PAGE_MAX} results per page."
            ),
        ],
    )
    return fields


class _SearchFormBase(FlaskForm):
    class Meta:
        csrf = False  # GET form: results must be shareable URLs

    filters: Filters = ()
    place: Place | None = None
    location_suggestions: tuple[str, ...] = ()
    place_choices: tuple[Place, ...] = ()
    place_typed: str | None = None  # misspelled, read as the city it clearly means

    def validate_sort(self, field):
        if field.data not in p.SORTS:
            raise ValidationError("Sort by best match, distance or name.")
        if field.data == "distance" and not (self.location.data or "").strip():
            raise ValidationError("Enter a ZIP code or city to sort by distance.")

    def validate_location(self, field):
        if not field.data or field.errors:  # too long: don't geocode it or echo it back
            return
        # A neighbourhood's name is what the search box reads in it ("Buckhead": Atlanta's,
        # not Buckhead, GA, a hamlet 60 miles away); a state's code ("LA") is the state, and
        # the city it is a nickname of is offered beside it: with nobody for the search in
        # Louisiana, Los Angeles is shown instead (SearchService.search_physicians).
        a_state = state_code(field.data.strip())
        nicknamed = _nickname(field.data)
        if nicknamed is not None and not a_state:
            self.place = nicknamed
            return
        try:
            self.place = resolve_place(field.data, current_app.extensions.get("geocoder"))
            self.place_choices = same_name_places(field.data, self.place)
            if a_state and nicknamed is not None:
                self.place_choices = (self.place, nicknamed)
        except LocationNotFound as error:
            # "Chicgo", "Worchester, MA": a slip of a city that clearly means it is searched
            # near that city, and the page says so (a 400 had sent a phone back to retype).
            meant = meant_place(field.data)
            if meant is not None:  # "Springfeld": as "Springfield" reads, IL with the others
                self.place, self.place_typed = meant, field.data.strip()
                if "," not in field.data:
                    self.place_choices = same_name_places(meant.label.split(",")[0], meant)
                return
            # "NYC", "philly", "south beach": a name people give a city, read as the search
            # box reads it (it had offered Nyack, NY or Nye, MT).
            nicknamed = _nicknamed(field.data)
            if nicknamed is not None:
                self.place = nicknamed
                return
            self.location_suggestions = error.suggestions
            hint = (
                f" Did you mean {' or '.join(error.suggestions[:2])}?"
                if error.suggestions
                else " Try a 5-digit ZIP code or 'City, ST'."
            )
            raise ValidationError(f"{error}{hint}") from None

    def validate_page(self, field):
        per_page = self.per_page.data or p.PER_PAGE_DEFAULT
        if field.data and field.data * per_page > p.MAX_RESULT_WINDOW:
            raise ValidationError(
                f"We show the first {p.MAX_RESULT_WINDOW:,} results; "
                "narrow your search to see more."
            )

    def selection(self) -> dict[str, tuple[str, ...]]:
        """The chosen filter values, by filter name (a yes filter: ``("true",)``)."""
        chosen = {f.name: _chosen(f, self[f.name].data) for f in self.filters}
        return {name: values for name, values in chosen.items() if values}

    def to_params(self) -> p.SearchParams:
        return p.SearchParams(
            q=self.q.data or "",
            condition=self.condition.data or None,
            procedure=self.procedure.data or None,
            place=self.place,
            radius_miles=self.radius.data or p.RADIUS_DEFAULT,
            sort=self.sort.data if self.place or self.sort.data != "distance" else "relevance",
            filters=self.selection(),
            page=self.page.data or 1,
            per_page=self.per_page.data or p.PER_PAGE_DEFAULT,
            place_choices=self.place_choices,
            place_typed=self.place_typed,
        )

    @property
    def is_empty(self) -> bool:
        """Nothing to look for: no text, place or concept, and no filter that starts a search."""
        starting = (self[f.name].data for f in self.filters if f.starts_search)
        return not any(
            (self.q.data, self.location.data, self.condition.data, self.procedure.data, *starting)
        )

    def error_map(self) -> dict[str, list[str]]:
        return {name: list(messages) for name, messages in self.errors.items()}


def same_name_places(text: str, place: Place) -> tuple[Place, ...]:
    """A bare city name that several places share, none clearly meant ("Springfield"):
    every one of them, biggest first; () for "Springfield, MA", a ZIP or "Hartford"."""
    if place.kind != "city":
        return ()
    cities = city_places(text.strip())  # "springfield ma" names no city: the state was typed
    if len(cities) < 2 or cities[0][1] >= DOMINANT * cities[1][1]:
        return ()
    return tuple(found for found, _ in cities)


def search_form_class(filters: Filters) -> type[_SearchFormBase]:
    """A search form with one field per filter of a registry (the app's: ``SearchForm``)."""
    return type("SearchForm", (_SearchFormBase,), {"filters": filters, **_fields(filters)})


SearchForm = search_form_class(FILTERS)
