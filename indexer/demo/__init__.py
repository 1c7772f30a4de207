"""Deterministic synthetic physician profiles for demos, tests and benchmarks.

``python -m indexer.demo --count 5000 --seed 42 --out data/demo/physicians.jsonl``
writes canonical profiles (see docs/data-format.md) around seven real metro areas;
``--spread national`` spreads them over the country by where people live instead.
The same arguments always give byte-identical output: one seeded ``random.Random``
drives every choice, Faker contributes only its weighted name lists, and verification
dates count back from ``--as-of`` (today unless given; ``generate`` defaults to a fixed
reference date, so tests and benchmarks never depend on the day they run). Profiles
stream to disk one line at a time and NPIs come from a bijection over a counter, so
3,000,000 profiles need no more memory than 30.

The package: ``catalog`` (metros, specialties, schools, plans), ``named`` (the
hand-placed physicians), ``physicians`` (one random profile), ``areas`` and
``population`` (where they practise), ``npis`` and ``shape`` (shared pieces).
"""

from __future__ import annotations

import argparse
import json
import os
import random
import sys
from collections.abc import Iterator, Sequence
from datetime import date
from pathlib import Path
from typing import Any

from indexer.demo.areas import SPREADS, NationalSpread, metro_area
from indexer.demo.catalog import (
    INSURERS,
    METROS,
    OTHER_LANGUAGES,
    REFERENCE_DATE,
    SOURCE,
    SPECIALTIES,
)
from indexer.demo.named import NAMED_PHYSICIANS, named_profile
from indexer.demo.npis import NPI_SPACE, demo_npi, named_npi
from indexer.demo.physicians import Claims, random_profile

__all__ = [
    "INSURERS", "METROS", "NAMED_PHYSICIANS", "OTHER_LANGUAGES", "REFERENCE_DATE", "SOURCE",
    "SPECIALTIES", "claims_from_vocabulary", "demo_npi", "generate", "main", "named_npi",
    "write_jsonl",
]  # fmt: skip


CLAIMS_FILE = Path(__file__).with_name("claims.json")


def claims_from_vocabulary() -> dict[str, tuple[list[str], list[str]]]:
    """Specialty code -> (condition ids, procedure ids) its demo physicians may claim.

    Frozen in ``claims.json``: every claim draws on the one seeded generator, so a concept
    added to the vocabulary would reshuffle every physician after the first one to claim it,
    and the judged query sets name demo physicians by NPI. Ids the vocabulary no longer
    has are left out (that reshuffles too; re-judge then). ``write_claims`` refreshes it."""
    from directory.vocabulary import default_vocabulary

    known = default_vocabulary().concepts
    frozen = json.loads(CLAIMS_FILE.read_text(encoding="utf-8"))["claims"]
    return {
        code: ([c for c in conditions if c in known], [p for p in procedures if p in known])
        for code, (conditions, procedures) in frozen.items()
    }


def vocabulary_claims() -> dict[str, tuple[list[str], list[str]]]:
    """What the vocabulary ranks each demo specialty for today (what ``write_claims`` saves)."""
    from directory.vocabulary import default_vocabulary

    vocabulary = default_vocabulary()
    claims = {}
    for specialty in SPECIALTIES:
        concepts = [concept for concept, _rank in vocabulary.concepts_for_specialty(specialty.code)]
        claims[specialty.code] = (
            [c.id for c in concepts if c.kind == "condition"],
            [c.id for c in concepts if c.kind == "procedure"],
        )
    return claims


def write_claims() -> None:
    """Freeze today's vocabulary claims into ``claims.json`` (the demo then changes once)."""
    document = json.loads(CLAIMS_FILE.read_text(encoding="utf-8"))
    document["claims"] = {code: list(pair) for code, pair in vocabulary_claims().items()}
    CLAIMS_FILE.write_text(json.dumps(document, indent=1) + "\n", encoding="utf-8")


def generate(
    count: int,
    seed: int,
    claims_by_specialty: Claims,
    spread: str = "metros",
    as_of: date = REFERENCE_DATE,
) -> Iterator[dict[str, Any]]:
    """``count`` profiles: the hand-placed physicians first, then seeded random ones.

    Verification dates count back from ``as_of``: most within the 90-day rule, some not."""
    if not 0 <= count <= NPI_SPACE:
        raise ValueError(f"count must be between 0 and {NPI_SPACE:,}")
    if spread not in SPREADS:
        raise ValueError(f"spread must be one of {', '.join(SPREADS)}")
    return _generate(count, seed, claims_by_specialty, spread, as_of)


def _generate(
    count: int, seed: int, claims: Claims, spread: str, as_of: date
) -> Iterator[dict[str, Any]]:
    rng = random.Random(seed)
    shift = rng.randrange(NPI_SPACE)
    area = NationalSpread.from_offline_data() if spread == "national" else metro_area
    for index in range(count):
        if index < len(NAMED_PHYSICIANS):
            yield named_profile(index + 1, NAMED_PHYSICIANS[index], as_of)
        else:
            yield random_profile(rng, demo_npi(index, shift), claims, area(rng), as_of)


def write_jsonl(profiles: Iterator[dict[str, Any]], out: Path) -> int:
    """Write one JSON object per line via a temporary file, so ``out`` is never half-written."""
    out.parent.mkdir(parents=True, exist_ok=True)
    partial_out = out.with_name(out.name + ".partial")
    written = 0
    with open(partial_out, "w", encoding="utf-8", newline="\n") as handle:
        for profile in profiles:
            handle.write(json.dumps(profile, ensure_ascii=False, separators=(",", ":")) + "\n")
            written += 1
    os.replace(partial_out, out)
    return written


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--count", type=int, default=5000, help="profiles to write")
    parser.add_argument("--seed", type=int, default=42, help="same seed, same bytes")
    parser.add_argument("--out", type=Path, default=Path("data/demo/physicians.jsonl"))
    parser.add_argument(
        "--spread", choices=SPREADS, default="metros",
        help="seven demo metros (default) or the whole country, weighted by population",
    )  # fmt: skip
    parser.add_argument(
        "--as-of", type=date.fromisoformat, default=date.today(), metavar="YYYY-MM-DD",
        help="the day verification dates count back from (default today: a fresh-looking demo;"
        " give a fixed day for byte-identical output on any day)",
    )  # fmt: skip
    args = parser.parse_args(argv)
    profiles = generate(
        args.count, args.seed, claims_from_vocabulary(), args.spread, as_of=args.as_of
    )
    written = write_jsonl(profiles, args.out)
    where = " spread nationally" if args.spread == "national" else ""
    print(f"wrote {written:,} synthetic profiles{where} to {args.out}", file=sys.stderr)
    return 0
