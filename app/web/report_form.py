"""The public "report an error" form: what is wrong, a few words, an optional contact.

A honeypot field (``leave_blank``) is hidden by CSS from people and labelled for anyone
who reads the page without CSS; form-filling bots tend to fill every field they find.
"""

from __future__ import annotations

from flask_wtf import FlaskForm
from wtforms import StringField, TextAreaField
from wtforms.validators import AnyOf, InputRequired, Length, ValidationError

from app.search.form import printable
from directory.store.error_reports import MAX_CONTACT, MAX_DETAILS, PROBLEM_LABELS


def clean_paragraphs(value: str | None) -> str:
    """Printable text with its line breaks: control characters (NUL included) are dropped."""
    if not value:
        return ""
    lines = str(value).replace("\r\n", "\n").replace("\r", "\n").split("\n")
    kept = (printable(line).strip() for line in lines)
    return "\n".join(kept).strip()


def clean_line(value: str | None) -> str:
    return " ".join(clean_paragraphs(value).split())


class ReportForm(FlaskForm):
    # Radio buttons in the template (one per PROBLEM_LABELS entry); a plain field here, so
    # the refusal is worded for people ("Not a valid choice" is not).
    problem = StringField(
        "What is wrong?",
        validators=[
            InputRequired("Choose what is wrong."),
            AnyOf(list(PROBLEM_LABELS), message="Choose what is wrong."),
        ],
    )
    details = TextAreaField(
        "What should it say?",
        filters=[clean_paragraphs],
        validators=[
            Length(max=MAX_DETAILS, message=f"Please keep it under {MAX_DETAILS:,} characters.")
        ],
    )
    contact = StringField(
        "Your phone number or e-mail (optional)",
        filters=[clean_line],
        validators=[
            Length(max=MAX_CONTACT, message=f"Please keep it under {MAX_CONTACT} characters.")
        ],
    )
    leave_blank = StringField("Leave this field empty", filters=[clean_line])

    def validate_details(self, field) -> None:
        if self.problem.data == "other" and not field.data:
            raise ValidationError("Tell us what is wrong.")

    @property
    def caught_a_bot(self) -> bool:
        return bool(self.leave_blank.data)
