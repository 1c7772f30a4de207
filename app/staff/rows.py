"""Row numbers in staff URLs: only numbers a row of the store can have.

Every staff route that names a row (a report, a correction, a verification, a curated
term) takes it as ``<row_id:...>``. A number past what the id columns hold is no page
(404) before any view runs, instead of a database error: SQLite refuses ints past 2**63-1
(OverflowError), PostgreSQL's INTEGER ids stop at 2**31-1 ("integer out of range").
"""

from __future__ import annotations

from werkzeug.routing import IntegerConverter, Map

# The largest id of an Integer primary key on PostgreSQL; SQLite's count up from 1 and
# never come near it.
MAX_ROW_ID = 2**31 - 1


class RowIdConverter(IntegerConverter):
    def __init__(self, map: Map) -> None:
        super().__init__(map, min=1, max=MAX_ROW_ID)
