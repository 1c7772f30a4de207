"""The index fields accuracy adds to a physician document (data; ``indexer.mapping`` uses it).

Only ``verified_on`` (the verification queue and the stale policy range over it) and the
youngest age seen (a child's search) are searchable; the rest is stored for display. The
app adds these to an index built before they existed (``put_mapping`` is additive), so a
correction can go live on it.
"""

from __future__ import annotations

from directory.accuracy.ages import YOUNGEST_FIELD
from directory.lookup import LOOKUP_PROPERTIES

STORED_ONLY = {"type": "object", "enabled": False}

ACCURACY_PROPERTIES: dict = {
    # Front-desk scheduling notes: ages seen, conditions not treated, referral, intake lines.
    "scheduling": STORED_ONLY,
    # The youngest age the "ages seen" note admits (directory.accuracy.ages): a child's
    # search ranks physicians who see only older patients last.
    YOUNGEST_FIELD: {"type": "short"},
    # Per fact group: {"last_verified": "YYYY-MM-DD", "source": "..."}.
    "freshness": STORED_ONLY,
    # The oldest of the freshness dates: the profile is only as fresh as its stalest fact.
    "verified_on": {"type": "date", "format": "strict_date"},
    # Source values and authorship of staff corrections, so a live edit can be recomputed.
    "accuracy": STORED_ONLY,
    # Phones and practice names follow the locations a correction changes (directory.lookup).
    **LOOKUP_PROPERTIES,
}
