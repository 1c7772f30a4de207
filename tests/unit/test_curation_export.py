"""Curated terms reach the index documents and, as a JSON Patch, the vocabulary files."""

from __future__ import annotations

import json
import shutil
from datetime import UTC, datetime

import jsonpatch

from directory.store.curation import merge_curated
from directory.store.curation_export import export_patch
from directory.store.models import CuratedTerm
from directory.vocabulary import DATA_DIR, load_vocabulary

AT = datetime(2026, 3, 2, 10, tzinfo=UTC)


def _row(term, kind, target, undone=False) -> CuratedTerm:
    return CuratedTerm(
        term=term,
        kind=kind,
        target_id=target,
        reason="patients say it",
        created_by="cur@example.org",
        created_at=AT,
        undone_at=AT if undone else None,
    )


def test_merge_adds_curated_terms_to_their_target_document_only():
    documents = [
        {"kind": "condition", "id": "sciatica", "match_keys": ["sciatica"]},
        {"kind": "specialty", "id": "207X00000X", "match_keys": ["orthopaedic surgery"]},
    ]
    curated = {
        "nerve pain down my leg": ("condition", "sciatica"),
        "bone doc": ("specialty", "207X00000X"),
        "please": ("noise", None),
        "ghost": ("condition", "not-in-vocabulary"),
    }
    merged = list(merge_curated(documents, curated))
    assert merged[0]["match_keys"] == ["nerve pain down my leg", "sciatica"]
    assert merged[1]["match_keys"] == ["bone doc", "orthopaedic surgery"]
    assert documents[0]["match_keys"] == ["sciatica"]  # the input is not modified


def test_the_exported_patch_applies_to_the_files_and_the_vocabulary_then_knows_the_words(tmp_path):
    data = tmp_path / "data"
    shutil.copytree(DATA_DIR, data, ignore=shutil.ignore_patterns("samples", "demo"))
    vocabulary = load_vocabulary(data)
    condition = next(iter(vocabulary.conditions()))
    rows = [
        _row("my sore thing", "condition", condition.id),
        _row("bone doc", "specialty", "207X00000X"),
        _row("please help", "noise", None),
        _row("taken back", "condition", condition.id, undone=True),
    ]
    export = export_patch(rows, data, now=AT)
    assert export["noise"] == ["please help"]
    assert [m["term"] for m in export["mappings"]] == ["bone doc", "my sore thing", "please help"]
    for relative, operations in export["files"].items():
        path = tmp_path / relative
        patched = jsonpatch.apply_patch(json.loads(path.read_text()), operations)
        path.write_text(json.dumps(patched))
    patched_vocabulary = load_vocabulary(data)
    assert [c.id for c in patched_vocabulary.lookup("my sore thing")] == [condition.id]
    assert "bone doc" in patched_vocabulary.specialties["207X00000X"].synonyms
    assert patched_vocabulary.lookup("taken back") == []
    # Once the files list the words, exporting again patches nothing.
    again = export_patch(rows, data, now=AT)
    assert again["files"] == {} and again["already_in_files"] == ["bone doc", "my sore thing"]
