"""When a profile is stale, and what public search does about it (pure).

The No Surprises Act expects directory entries verified at least every 90 days. A
profile's ``verified_on`` is the oldest of its four freshness groups: it is only as
fresh as its stalest fact. ``STALE_PROFILE_POLICY`` (directory.settings) chooses what
public search does with a stale profile: ``note`` shows "not verified since <date>",
``demote`` also ranks it below fresh ones of equal fit, ``hide`` leaves it out of
search (its profile page still answers, with the note).
"""

from __future__ import annotations

from datetime import date, timedelta

from directory.settings import SettingError

STALE_AFTER_DAYS = 90
STALE_POLICIES = ("note", "demote", "hide")
DEFAULT_POLICY = "note"
# Demoted: a stale profile keeps this share of its score, so it sinks below fresh
# physicians of similar fit but still beats a poorer fit (fit steps are ~15%).
DEMOTE_FACTOR = 0.5


class PolicyError(SettingError):
    pass


def policy(value: object) -> str:
    """The configured policy, refused with a sentence when it is not one of the three."""
    chosen = str(value or DEFAULT_POLICY).strip().lower()
    if chosen not in STALE_POLICIES:
        raise PolicyError(
            f"STALE_PROFILE_POLICY must be one of {', '.join(STALE_POLICIES)}, not {value!r}"
        )
    return chosen


# A verification dated later than this after today is a typo or a bad export, not a
# clock's error (time zones, a drifting host): it would say "accepting new patients as of
# January 1, 2099" and keep the profile out of the 90-day queue for good.
CLOCK_SKEW = timedelta(days=1)


def latest_credible(today: date) -> str:
    """The latest verification date (ISO) a source can state on ``today``."""
    return (today + CLOCK_SKEW).isoformat()


def stale_before(today: date) -> date:
    """Profiles verified before this date are stale."""
    return today - timedelta(days=STALE_AFTER_DAYS)


def is_stale(verified_on: str | None, today: date) -> bool:
    if not verified_on:
        return False  # a document from before freshness existed: nothing to say yet
    return date.fromisoformat(verified_on) < stale_before(today)


# Elasticsearch date math, so the pure query builders need no clock.
FRESH_RANGE = {"range": {"verified_on": {"gte": f"now-{STALE_AFTER_DAYS}d/d"}}}
# A document indexed before the field existed counts as fresh (it has no date to judge).
NO_DATE = {"bool": {"must_not": {"exists": {"field": "verified_on"}}}}
FRESH_CLAUSE = {"bool": {"should": [FRESH_RANGE, NO_DATE], "minimum_should_match": 1}}
STALE_CLAUSE = {"range": {"verified_on": {"lt": f"now-{STALE_AFTER_DAYS}d/d"}}}
