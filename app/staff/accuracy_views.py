"""Verifiers correct a profile's facts and verify them; each change is live in search at once.

A correction is stored as an override (``directory.store.overrides``) and audited in the
same transaction; then the live document is recomputed from the store and updated in
place through the alias (``directory.accuracy.live``), so search shows it without a load.
"""

from __future__ import annotations

from elasticsearch import ElasticsearchException
from flask import abort, current_app, flash, redirect, render_template, url_for

from app.extensions import elasticsearch, physician_alias
from app.staff.accuracy_forms import CorrectionForm, VerifyForm
from app.staff.auth import allow
from app.staff.corrections import check_address, form_data, proposed_changes
from app.staff.forms import EmptyForm
from app.staff.store import changes, db
from app.staff.views import bp, signed_in_account
from directory.accuracy import facts, live
from directory.accuracy.overlay import source_profile
from directory.npi import is_valid_npi
from directory.store import overrides, verifications

VERIFIERS = ("verifier", "admin")


def _document(npi: str) -> dict:
    if not is_valid_npi(npi):
        abort(404, description="That is not an NPI.")
    try:
        return live.live_document(elasticsearch(), physician_alias(), npi)
    except live.NotInIndex:
        abort(404, description="No physician with that NPI is in the directory.")


def _page(
    npi: str,
    document: dict,
    form=None,
    verify_form=None,
    status: int = 200,
    offer_keep_city: bool = False,
):
    session = db()
    page = render_template(
        "staff/profile_facts.html",
        npi=npi,
        doc=document,
        source=source_profile(document),
        form=form or CorrectionForm(data=form_data(document)),
        offer_keep_city=offer_keep_city,
        verify_form=verify_form or VerifyForm(),
        corrections=overrides.history(session, npi),
        checks=verifications.history(session, npi),
        undo_form=EmptyForm(),
        facts=facts,
    )
    return page, status


@bp.get("/profiles/<npi>")
@allow(*VERIFIERS)
def profile_facts(npi: str):
    return _page(npi, _document(npi))


@bp.post("/profiles/<npi>")
@allow(*VERIFIERS)
def profile_correct(npi: str):
    document = _document(npi)
    form = CorrectionForm()
    if not form.validate_on_submit():
        return _page(npi, document, form=form, status=400)
    if refused := _refused_address(npi, document, form):
        return refused
    changed = proposed_changes(form.data, document)
    if not changed:
        flash("Nothing changed: every fact already says that.")
        return redirect(url_for("staff.profile_facts", npi=npi))
    try:
        with changes() as session:
            author = signed_in_account(session)
            for fact, (value, source_value) in changed.items():
                overrides.correct(session, npi, fact, value, source_value, form.reason.data, author)
    except overrides.OverrideError as error:
        form.reason.errors.append(str(error))
        return _page(npi, document, form=form, status=400)
    labels = ", ".join(facts.FACTS[fact].label.lower() for fact in changed)
    _go_live(npi, f"Corrected {labels}.")
    return redirect(url_for("staff.profile_facts", npi=npi))


def _refused_address(npi: str, document: dict, form: CorrectionForm):
    """The form again (400) when the city or state disagrees with the ZIP; None when fine."""
    address = check_address(form.data, facts.read(document, "address"))
    if address.state:
        form.state.errors.append(address.state)
    if address.city and not form.keep_city.data:
        form.city.errors.append(address.city)
    if not (form.state.errors or form.city.errors):
        return None
    return _page(npi, document, form=form, status=400, offer_keep_city=bool(address.city))


@bp.post("/profiles/<npi>/verify")
@allow(*VERIFIERS)
def profile_verify(npi: str):
    document = _document(npi)
    form = VerifyForm()
    if not form.validate_on_submit():
        return _page(npi, document, verify_form=form, status=400)
    try:
        with changes() as session:
            verifications.verify(
                session, npi, form.groups.data, form.method.data, form.note.data or "",
                signed_in_account(session),
            )  # fmt: skip
    except verifications.VerificationError as error:
        form.groups.errors.append(str(error))
        return _page(npi, document, verify_form=form, status=400)
    _go_live(npi, "Marked verified today.")
    return redirect(url_for("staff.profile_facts", npi=npi))


@bp.post("/corrections/<row_id:override_id>/undo")
@allow(*VERIFIERS)
def correction_undo(override_id: int):
    return _undo(overrides.undo, overrides.OverrideError, override_id, "Correction undone.")


@bp.post("/verifications/<row_id:verification_id>/undo")
@allow(*VERIFIERS)
def verification_undo(verification_id: int):
    return _undo(
        verifications.undo, verifications.VerificationError, verification_id, "Verification undone."
    )


def _undo(undo, refused: type[Exception], row_id: int, done: str):
    if not EmptyForm().validate_on_submit():
        abort(400, description="The form expired; reload the page and try again.")
    try:
        with changes() as session:
            row = undo(session, row_id, signed_in_account(session))
    except refused as error:
        flash(str(error))
        return redirect(url_for("staff.verification_queue_page"))
    _go_live(row.npi, done)
    return redirect(url_for("staff.profile_facts", npi=row.npi))


def _go_live(npi: str, done: str) -> None:
    """Recompute the live document from the store; the store change stands either way."""
    try:
        result = live.refresh(elasticsearch(), physician_alias(), npi, db())
    except (ElasticsearchException, live.NotInIndex) as error:
        current_app.logger.error("correction not live for %s: %s", npi, type(error).__name__)
        flash(f"{done} Saved, but not live yet: the search index did not take it. "
              "It goes live with the next load.")  # fmt: skip
        return
    if result.retired:  # the source already agreed (a load changed it meanwhile)
        with changes() as session:
            overrides.retire(session, result.retired, signed_in_account(session), "seen on save")
    flash(f"{done} Live in search now.")
