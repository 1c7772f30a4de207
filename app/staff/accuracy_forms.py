"""Staff forms for directory accuracy: correct a profile's facts, verify them today."""

from __future__ import annotations

from flask_wtf import FlaskForm
from wtforms import (
    BooleanField,
    SelectChoice,
    SelectField,
    SelectMultipleField,
    StringField,
    TextAreaField,
    ValidationError,
    widgets,
)
from wtforms.validators import DataRequired, Length, Optional

from directory import geography
from directory.accuracy import values
from directory.accuracy.facts import GROUP_LABELS

FLAG_CHOICES = [SelectChoice("", "Unknown"), SelectChoice("yes", "Yes"), SelectChoice("no", "No")]
METHODS = (
    "Phone call to the practice",
    "Practice website",
    "E-mail from the practice",
    "Roster from the practice",
)


def _phone(_form, field) -> None:
    if field.data and not values.normalise_phone(field.data):
        raise ValidationError("Enter a 10-digit US number, like 860-555-0100.")
    if values.has_extension(field.data):  # it would be dropped without a word
        raise ValidationError(
            "The directory keeps no extensions: enter the number alone, like 860-555-0100, "
            "and give the extension in the reason."
        )


def _direct(_form, field) -> None:
    if field.data and not values.direct_address(field.data):
        raise ValidationError("Enter a Direct address, like intake@direct.example.org.")


def _zip(_form, field) -> None:
    if not geography.zip_in_service(field.data or ""):  # the loader's rule too
        raise ValidationError("Enter a ZIP code in service, like 06106.")


def _state(_form, field) -> None:
    if field.data and not geography.state_code(field.data):  # the loader's rule too
        raise ValidationError("Enter a US state, like CT.")


def _text(label: str, limit: int = 200, *checks) -> StringField:
    return StringField(label, validators=[Optional(), Length(max=limit), *checks])


class CorrectionForm(FlaskForm):
    """Every fact staff may correct, filled with what the directory shows now."""

    phone = _text("Phone", 40, _phone)
    fax = _text("Fax", 40, _phone)
    address_line1 = _text("Street")
    address_line2 = _text("Suite, floor")
    city = _text("City", 100)
    state = _text("State", 2, _state)
    zip = StringField("ZIP", validators=[DataRequired("Enter the ZIP code."), _zip])
    # Offered when the ZIP's post office has another name (corrections.check_address).
    keep_city = BooleanField("Keep this city: it is right for this ZIP")
    accepting_new_patients = SelectField("Accepting new patients", choices=FLAG_CHOICES)
    insurance = TextAreaField(
        "Insurance accepted (one plan per line)", validators=[Optional(), Length(max=4000)]
    )
    ages_seen = _text("Ages seen", 200)
    conditions_not_treated = TextAreaField(
        "Conditions not treated (one per line)", validators=[Optional(), Length(max=4000)]
    )
    referral_required = SelectField("Referral required", choices=FLAG_CHOICES)
    authorization_required = SelectField("Authorisation required", choices=FLAG_CHOICES)
    intake_phone = _text("Intake phone", 40, _phone)
    intake_fax = _text("Intake fax", 40, _phone)
    direct_address = _text("Direct address", 254, _direct)
    reason = TextAreaField(
        "Why (where the correction comes from)",
        validators=[DataRequired("Say where the correction comes from."), Length(max=1000)],
    )


class VerifyForm(FlaskForm):
    groups = SelectMultipleField(
        "Facts you checked today",
        choices=[SelectChoice(group, label) for group, label in GROUP_LABELS.items()],
        option_widget=widgets.CheckboxInput(),
        widget=widgets.ListWidget(prefix_label=False),
        validators=[DataRequired("Tick the facts you checked.")],
    )
    method = SelectField("How you checked", choices=[SelectChoice(m, m) for m in METHODS])
    note = TextAreaField("Note (optional)", validators=[Optional(), Length(max=1000)])
