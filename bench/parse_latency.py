"""Parse latency: what one call of directory.understanding.interpret costs.

    .venv/bin/python bench/parse_latency.py --rounds 50

Builds the lexicon once (reported separately), then parses a fixed mix of everyday
queries (patients, referral coordinators, front-desk staff: filler, typos, places, names,
codes, filters; up to 12 words) in shuffled order, passing the ~2,000 surnames and first
names the demo data draws from as ``known_names``, as the search service would. The first
round runs with an empty typo memo ("cold"); later rounds show the steady state. Both wall
time and the thread's CPU time are shown: on a busy machine the gap is time spent waiting
for a core, not parsing. No Elasticsearch needed.
"""

from __future__ import annotations

import argparse
import random
import time

from common import percentile
from faker.providers.person.en_US import Provider as FakerPerson

from directory.understanding import interpret, lexicon_for
from directory.vocabulary import default_vocabulary

QUERIES = [
    "who treats sciatica",
    "knee doctor",
    "spine surgeon hartford ct",
    "bad pain in my lower back since my fusion",
    "acne",
    "carpal tunnel",
    "pain doctor near me",
    "back doctor accepting new patients",
    "spine dr near 06106 taking new patients",
    "spanish speaking pediatrician",
    "female cardiologist in cleveland",
    "telehealth psychiatrist",
    "M54.16",
    "m96.1 near 44106",
    "Dr. Soucier",
    "dr smith cardiology",
    "pediatrician springfield",
    "siatica",
    "carpel tunel surgery",
    "rhuematologist that takes medicare",
    "pinched nerve in my neck",
    "my knee hurts when i walk",
    "arthritis in my knee",
    "herniated disc lumbar",
    "epidural for back pain within 10 miles of 06106",
    "interventional pain M54.16 hartford",
    "ortho spine 06106",
    "PM&R Hartford CT",
    "neurosurgery referral cleveland ohio",
    "pain mgmt accepting medicaid",
    "obgyn accepting new patients atlanta",
    "who speaks Mandarin family doctor",
    "habla español dentist",
    "lady doctor for my daughter",
    "best orthopedic surgeon near me",
    "numbness in my feet and hands",
    "spinal cord stimulator trial",
    "back surgery didn't help",
    "RFA lumbar facet",
    "physical therapy for knee",
    "chiropractor near 60611",
    "hip replacement surgeon houston tx",
    "sports medicine doctor for my son",
    "is dr patel accepting new patients",
    "heart palpitations",
    "stomach pain after eating",
    "ringing in my ears",
    "gi doctor blue cross",
    "ENT pediatric boston ma",
    "derm near me virtual visit",
    "chronic lower back pain 30303",
    "neck pain after car accident",
    "migraines female neurologist",
    "foot doctor that takes aetna",
    "depression therapist telehealth",
    "diabetes doctor in houston",
    "shoulder hurts cant lift arm",
    "tailbone pain when sitting",
    "back pain Sterling",
    "John Kowalski",
]


def _known_names() -> frozenset[str]:
    names = (*FakerPerson.last_names, *FakerPerson.first_names)
    return frozenset(name.casefold() for name in names)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rounds", type=int, default=50)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()

    started = time.perf_counter()
    lexicon = lexicon_for(default_vocabulary())
    build_ms = (time.perf_counter() - started) * 1000
    known = _known_names()
    order = list(QUERIES)
    rng = random.Random(args.seed)
    wall: dict[str, list[float]] = {"cold": [], "warm": []}
    cpu: dict[str, list[float]] = {"cold": [], "warm": []}
    for round_ in range(args.rounds + 1):
        rng.shuffle(order)
        phase = "cold" if round_ == 0 else "warm"
        for text in order:
            begun, begun_cpu = time.perf_counter_ns(), time.thread_time_ns()
            interpret(text, lexicon=lexicon, known_names=known)
            cpu[phase].append((time.thread_time_ns() - begun_cpu) / 1e6)
            wall[phase].append((time.perf_counter_ns() - begun) / 1e6)
    words = [len(q.split()) for q in QUERIES]
    print(
        f"lexicon build (with place tables) {build_ms:,.0f} ms; {len(QUERIES)} queries of "
        f"{min(words)}-{max(words)} words, {args.rounds} rounds"
    )
    # Wall time includes waiting for a CPU on a busy machine; thread CPU time does not.
    for phase in ("cold", "warm"):
        for clock, values in (("wall", wall[phase]), ("cpu", cpu[phase])):
            print(
                f"{phase:>5} {clock:>4}: p50 {percentile(values, 50):.3f} ms  "
                f"p95 {percentile(values, 95):.3f} ms  p99 {percentile(values, 99):.3f} ms  "
                f"max {max(values):.3f} ms"
            )


if __name__ == "__main__":
    main()
