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
from wtforms.validators import Length, NumberRange, Optional, ValidationError

from app.search import params as p
from directory.geography import LocationNotFound, Place, resolve_place

TRUE_WORDS = {"1", "true", "yes", "on", "y"}


class LenientBoolean(BooleanField):
    """``?telehealth=true`` and ``?telehealth=1`` both mean yes; anything else no."""

    false_values = ("false", "0", "no", "off", "")

    def process_formdata(self, valuelist):
        self.data = bool(valuelist) and str(valuelist[0]).strip().lower() in TRUE_WORDS


MAX_FILTER_VALUES = 50  # a facet lists 25 values; Elasticsearch refuses 65,536+ terms


class FreeMultiple(SelectMultipleField):
    """Facet values are data, not a fixed list: accept any short value."""

    def pre_validate(self, form):
        if len(self.data or ()) > MAX_FILTER_VALUES:
            raise ValidationError(f"Choose at most {MAX_FILTER_VALUES} values for this filter.")
        for value in self.data or ():
            if len(value) > 100:
                raise ValidationError("That filter value is too long.")


def clean_text(value):
    if value is None:
        return value
    # Control characters never belong in a search; drop them rather than fail.
    return " ".join("".join(ch for ch in str(value) if ch.isprintable()).split())


class SearchForm(FlaskForm):
    class Meta:
        csrf = False  # GET form: results must be shareable URLs

    q = StringField(
        "Condition, procedure, specialty or name",
        filters=[clean_text],
        validators=[
            Optional(),
            Length(
                max=p.MAX_TEXT, message=f"Please keep the search under {p.MAX_TEXT} characters."
            ),
        ],
    )
    location = StringField(
        "ZIP code or city, state",
        filters=[clean_text],
        validators=[Optional(), Length(max=100, message="That location is too long.")],
    )
    radius = IntegerField(
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
    )
    sort = SelectField(
        "Sort by",
        choices=[
            SelectChoice("relevance", "Best match"),
            SelectChoice("distance", "Distance"),
            SelectChoice("name", "Name"),
        ],
        default="relevance",
        validate_choice=False,
    )
    condition = StringField(filters=[clean_text], validators=[Optional(), Length(max=100)])
    procedure = StringField(filters=[clean_text], validators=[Optional(), Length(max=100)])
    specialty = FreeMultiple("Specialty", choices=[], validate_choice=False)
    gender = FreeMultiple("Gender", choices=[], validate_choice=False)
    language = FreeMultiple("Language", choices=[], validate_choice=False)
    insurance = FreeMultiple("Insurance", choices=[], validate_choice=False)
    hospital = FreeMultiple("Hospital", choices=[], validate_choice=False)
    accepting_new_patients = LenientBoolean("Accepting new patients")
    telehealth = LenientBoolean("Offers telehealth")
    page = IntegerField(
        "Page",
        default=1,
        validators=[
            Optional(),
            NumberRange(1, p.MAX_RESULT_WINDOW, message="That page number is out of range."),
        ],
    )
    per_page = IntegerField(
        "Results per page",
        default=p.PER_PAGE_DEFAULT,
        validators=[
            Optional(),
            NumberRange(
                1, p.PER_PAGE_MAX, message=f"Show between 1 and {p.PER_PAGE_MAX} results per page."
            ),
        ],
    )

    place: Place | None = None
    location_suggestions: tuple[str, ...] = ()

    def validate_sort(self, field):
        if field.data not in p.SORTS:
            raise ValidationError("Sort by best match, distance or name.")
        if field.data == "distance" and not (self.location.data or "").strip():
            raise ValidationError("Enter a ZIP code or city to sort by distance.")

    def validate_gender(self, field):
        if any(g not in p.GENDERS for g in field.data or ()):
            raise ValidationError("Choose female or male.")

    def validate_location(self, field):
        if not field.data or field.errors:  # too long: don't geocode it or echo it back
            return
        try:
            self.place = resolve_place(field.data, current_app.extensions.get("geocoder"))
        except LocationNotFound as error:
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

    def to_params(self) -> p.SearchParams:
        return p.SearchParams(
            q=self.q.data or "",
            condition=self.condition.data or None,
            procedure=self.procedure.data or None,
            specialties=tuple(self.specialty.data or ()),
            place=self.place,
            radius_miles=self.radius.data or p.RADIUS_DEFAULT,
            sort=self.sort.data if self.place or self.sort.data != "distance" else "relevance",
            genders=tuple(self.gender.data or ()),
            languages=tuple(self.language.data or ()),
            insurance=tuple(self.insurance.data or ()),
            hospitals=tuple(self.hospital.data or ()),
            accepting_new_patients=bool(self.accepting_new_patients.data),
            telehealth=bool(self.telehealth.data),
            page=self.page.data or 1,
            per_page=self.per_page.data or p.PER_PAGE_DEFAULT,
        )

    @property
    def is_empty(self) -> bool:
        return not any(
            (
                self.q.data,
                self.location.data,
                self.condition.data,
                self.procedure.data,
                self.specialty.data,
            )
        )

    def error_map(self) -> dict[str, list[str]]:
        return {name: list(messages) for name, messages in self.errors.items()}
