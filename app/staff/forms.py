"""Staff forms: POST with CSRF, messages written for the person at the keyboard."""

from __future__ import annotations

from flask_wtf import FlaskForm
from wtforms import HiddenField, PasswordField, SelectField, StringField, TextAreaField
from wtforms.validators import DataRequired, Length, Optional

from directory.store.curation import MAX_TERM


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
