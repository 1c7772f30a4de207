"""Staff forms: POST with CSRF, messages written for the person at the keyboard."""

from __future__ import annotations

from collections.abc import Iterable

from flask_wtf import FlaskForm
from wtforms import (
    HiddenField,
    PasswordField,
    SelectField,
    StringField,
    TextAreaField,
    ValidationError,
)
from wtforms.validators import DataRequired, InputRequired, Length, Optional

from directory.store.curation import MAX_TERM
from directory.store.error_reports import MAX_OUTCOME
from directory.store.models import StaffAccount
from directory.store.passwords import PASSWORD_MAX_LENGTH


class LoginForm(FlaskForm):
    email = StringField(
        "E-mail", validators=[DataRequired("Enter your e-mail address."), Length(max=254)]
    )
    password = PasswordField(
        "Password",
        validators=[DataRequired("Enter your password."), Length(max=PASSWORD_MAX_LENGTH)],
    )
    next = HiddenField()


class EmptyForm(FlaskForm):
    """A button that changes something (sign out, undo): only the CSRF token."""


class CurationForm(FlaskForm):
    term = StringField(
        "Words people searched for",
        validators=[DataRequired("Type the words to map."), Length(max=MAX_TERM)],
    )
    target = SelectField(
        "What they mean",
        validators=[DataRequired("Choose what the words mean, or noise.")],
        validate_choice=False,
    )
    reason = TextAreaField(
        "Why",
        validators=[DataRequired("Say why, so the next curator knows."), Length(max=1000)],
    )
    back = HiddenField(validators=[Optional()])


def _account_id(value: object) -> int | None:
    """The select's value as an account id; anything else is no account (a form error)."""
    try:
        return int(str(value))
    except ValueError:
        return None


class AssignForm(FlaskForm):
    """Who handles an error report: one of ``verifiers``, the active verifiers and admins."""

    assignee = SelectField(
        "Assign to",
        coerce=_account_id,
        validate_choice=False,  # validate_assignee says it in the verifier's words
        validators=[InputRequired("Choose who handles this report.")],
    )

    def __init__(self, *args, verifiers: Iterable[StaffAccount] = (), **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.assignee.choices = [(account.id, account.name) for account in verifiers]

    def validate_assignee(self, field: SelectField) -> None:
        if field.data not in {account_id for account_id, _ in field.choices}:
            raise ValidationError(
                "Choose an active verifier or admin from the list: reports go to them only."
            )


class ResolveForm(FlaskForm):
    note = TextAreaField(
        "What was corrected",
        validators=[
            DataRequired("Say what was corrected, so the next verifier knows."),
            Length(max=MAX_OUTCOME, message=f"Keep it under {MAX_OUTCOME:,} characters."),
        ],
    )


class RejectForm(FlaskForm):
    reason = TextAreaField(
        "Why the report is rejected",
        validators=[
            DataRequired("Say why the report is rejected."),
            Length(max=MAX_OUTCOME, message=f"Keep it under {MAX_OUTCOME:,} characters."),
        ],
    )
