"""Curation: map searched words to a concept or specialty (or noise), live at once, undoable."""

from __future__ import annotations

import json

from flask import Response, flash, redirect, render_template, request, url_for

from app.staff import vocabulary_choices as choices
from app.staff.auth import allow
from app.staff.forms import CurationForm, EmptyForm
from app.staff.publish import publish_vocabulary
from app.staff.store import changes, db
from app.staff.views import CURATORS, bp, signed_in_account
from directory.store import audit, curation
from directory.store.curation_export import export_patch


def _form() -> CurationForm:
    return CurationForm()


def _page(form: CurationForm) -> str:
    return render_template(
        "staff/curation.html",
        form=form,
        rows=curation.history(db()),
        undo_form=EmptyForm(),
        label=choices.target_label,
        target_groups=choices.target_choices(),
        noise_choice=choices.NOISE_CHOICE,
    )


@bp.get("/curation")
@allow(*CURATORS)
def curation_list():
    form = _form()
    form.term.data = request.args.get("term", "")[: curation.MAX_TERM]
    return _page(form)


@bp.post("/curation")
@allow(*CURATORS)
def curation_add():
    form = _form()
    if not form.validate_on_submit():
        return _invalid(form)
    target = choices.parse_target(form.target.data)
    meaning = choices.existing_meaning(form.term.data)
    if target is None:
        form.target.errors.append("Choose one of the listed meanings.")
    elif meaning and target[0] != "noise":
        form.term.errors.append(f"The vocabulary already maps these words to {meaning}.")
    elif meaning:  # noise cannot unmap the vocabulary's own words: it would change nothing
        form.term.errors.append(
            f"The vocabulary maps these words to {meaning}; marking them as noise would not "
            "change how they are read."
        )
    if form.errors:
        return _invalid(form)
    try:
        with changes() as session:
            row = curation.add(
                session, form.term.data, *target, form.reason.data, signed_in_account(session)
            )
    except curation.CurationError as error:
        form.term.errors.append(str(error))
        return _invalid(form)
    _publish(f"'{row.term}' now means {choices.target_label(row.kind, row.target_id)}.")
    return redirect(url_for("staff.curation_list"))


@bp.post("/curation/<row_id:curation_id>/undo")
@allow(*CURATORS)
def curation_undo(curation_id: int):
    if not EmptyForm().validate_on_submit():
        return redirect(url_for("staff.curation_list"))
    try:
        with changes() as session:
            row = curation.undo(session, curation_id, signed_in_account(session))
    except curation.CurationError as error:
        flash(str(error))
        return redirect(url_for("staff.curation_list"))
    _publish(
        f"Undone: '{row.term}' no longer means {choices.target_label(row.kind, row.target_id)}."
    )
    return redirect(url_for("staff.curation_list"))


@bp.get("/curation/export.json")
@allow(*CURATORS)
def curation_export():
    with changes() as session:
        patch = export_patch(curation.history(session))
        audit.record(
            session, signed_in_account(session), "curation.export", "", files=len(patch["files"])
        )
    body = json.dumps(patch, indent=2) + "\n"
    headers = {"Content-Disposition": "attachment; filename=curated-vocabulary.patch.json"}
    return Response(body, mimetype="application/json", headers=headers)


def _invalid(form: CurationForm):
    return _page(form), 400


def _publish(done: str) -> None:
    result = publish_vocabulary()
    if result.ok:
        flash(f"{done} Live in search now.")
    else:
        flash(f"{done} Saved, but not live yet: {result.message} It goes live with the next load.")
