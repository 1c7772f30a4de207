"""Every scrolling table in every template is a named region a keyboard can reach.

axe-core's ``scrollable-region-focusable`` (WCAG 2.1.1): a wide table inside
``.table-scroll`` scrolls sideways, and a keyboard user can only scroll what can take focus.
"""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SCROLL_REGION = re.compile(r"<div\b[^>]*\bclass=\"table-scroll\"[^>]*>")


def _regions() -> list[tuple[str, str]]:
    return [
        (str(path.relative_to(ROOT)), tag)
        for path in sorted((ROOT / "templates").rglob("*.html"))
        for tag in SCROLL_REGION.findall(path.read_text(encoding="utf-8"))
    ]


def test_every_table_scroll_is_focusable_and_named():
    regions = _regions()
    assert len(regions) >= 10  # staff accounts, audit, reports, curation, insights, ...
    missing = [
        (template, tag)
        for template, tag in regions
        if 'tabindex="0"' not in tag
        or 'role="region"' not in tag
        or not re.search(r'aria-label(ledby)?="[^"]+"', tag)
    ]
    assert missing == []


def test_no_scroll_region_is_written_another_way():
    """A class list or single quotes would slip past the check above."""
    for path in (ROOT / "templates").rglob("*.html"):
        text = path.read_text(encoding="utf-8")
        assert text.count("table-scroll") == len(SCROLL_REGION.findall(text)), path
