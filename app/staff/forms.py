"""Staff forms: POST with CSRF, messages written for the person at the keyboard."""

from __future__ import annotations

from flask_wtf import FlaskForm
from wtforms import (
    HiddenField,
    IntegerField,
    PasswordField,
    SelectField,
    StringField,
    TextAreaField,
)
from wtforms.validators import DataRequired, InputRequired, Length, Optional

from directory.store.curation import MAX_TERM
from directory.store.error_reports import MAX_OUTCOME


class LoginForm(FlaskForm):
    email = StringField(
        "E-mail", validators=[DataRequired("Enter your e-mail address."), Length(max=254)]
    )
    password = PasswordField(
        "Password", validators=[DataRequired("Enter your password."), Length(max=1024)]
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


class AssignForm(FlaskForm):
    """Who handles an error report (the select lists active verifiers and admins)."""

    assignee = IntegerField(
        "Assign to", validators=[InputRequired("Choose who handles this report.")]
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
