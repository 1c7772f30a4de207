"""Curated mappings as a JSON Patch (RFC 6902) for the files under ``data/``.

Staff curation goes live at once; this export is how it reaches version control: one
patch per file (``data/vocabulary/*.json`` for conditions and procedures,
``data/specialties.json`` for specialties), appending each term to its entry's
``synonyms``. Terms the files already list are left out, so applying it twice is harmless.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from datetime import datetime
from pathlib import Path

from directory.store.models import CuratedTerm, utcnow
from directory.text import normalize_term
from directory.vocabulary import DATA_DIR, default_vocabulary

FORMAT = "RFC 6902 JSON Patch per file; paths are relative to the repository root"


def _read(path: Path) -> dict:
    with path.open(encoding="utf-8") as handle:
        return json.load(handle)


def _concept_entries(data_dir: Path) -> dict[str, tuple[str, int, set[str]]]:
    """Concept id -> (file, entry index, normalised synonyms already listed)."""
    found = {}
    for path in sorted((data_dir / "vocabulary").glob("*.json")):
        for index, entry in enumerate(_read(path)["entries"]):
            known = {normalize_term(t) for t in (entry["name"], entry["id"], *entry["synonyms"])}
            found[entry["id"]] = (f"data/vocabulary/{path.name}", index, known)
    return found


def _specialty_entries(data_dir: Path) -> dict[str, tuple[int, set[str]]]:
    entries = _read(data_dir / "specialties.json")["specialties"]
    return {
        e["code"]: (i, {normalize_term(t) for t in (e["lay_name"], *e["synonyms"])})
        for i, e in enumerate(entries)
    }


def export_patch(
    rows: Iterable[CuratedTerm], data_dir: Path = DATA_DIR, now: datetime | None = None
) -> dict:
    live = [row for row in rows if row.live]
    concepts, specialties = _concept_entries(data_dir), _specialty_entries(data_dir)
    files: dict[str, list[dict]] = {}
    new_specialties: dict[str, list[str]] = {}
    noise, already = [], []
    for row in sorted(live, key=lambda r: r.term):
        if row.kind == "noise":
            noise.append(row.term)
        elif row.kind == "specialty" and row.target_id in specialties:
            index, known = specialties[row.target_id]
            if row.term in known:
                already.append(row.term)
                continue
            files.setdefault("data/specialties.json", []).append(
                {"op": "add", "path": f"/specialties/{index}/synonyms/-", "value": row.term}
            )
        elif row.kind == "specialty":
            new_specialties.setdefault(row.target_id or "", []).append(row.term)
        elif row.target_id in concepts:
            file, index, known = concepts[row.target_id]
            if row.term in known:
                already.append(row.term)
                continue
            files.setdefault(file, []).append(
                {"op": "add", "path": f"/entries/{index}/synonyms/-", "value": row.term}
            )
    vocabulary = default_vocabulary()
    for code, terms in new_specialties.items():
        name = vocabulary.specialty_name(code)
        entry = {"code": code, "lay_name": name, "synonyms": terms}
        files.setdefault("data/specialties.json", []).append(
            {"op": "add", "path": "/specialties/-", "value": entry}
        )
    return {
        "format": FORMAT,
        "generated_at": (now or utcnow()).isoformat(timespec="seconds"),
        "files": files,
        "noise": noise,
        "already_in_files": already,
        "mappings": [_provenance(row) for row in sorted(live, key=lambda r: r.term)],
    }


def _provenance(row: CuratedTerm) -> dict:
    return {
        "term": row.term,
        "kind": row.kind,
        "id": row.target_id,
        "reason": row.reason,
        "author": row.created_by,
        "at": row.created_at.isoformat(timespec="seconds"),
    }
