"""The parser's readings of the texts searched last, kept in each worker's memory.

Paging through results, choosing a filter or a sort, and a hospital page's link to the same
search all send the same text again; reading it again gives the same answer as long as the
lexicon (curated terms included) and the hospitals' table are the same objects. A reading is
kept with both and used only while they are still the ones in use. Nothing is written
anywhere: the texts live only in the worker's memory, the first read dropped first.
"""

from __future__ import annotations

import threading

from directory.understanding import Hospitals, Interpretation, Lexicon, interpret

KEPT = 1024  # texts per worker; a reading is a few kilobytes


class Readings:
    def __init__(self, size: int = KEPT) -> None:
        self.size = size
        self._kept: dict[str, tuple[Lexicon, Hospitals | None, Interpretation]] = {}
        self._lock = threading.Lock()

    def read(self, text: str, lexicon: Lexicon, hospitals: Hospitals | None) -> Interpretation:
        """``interpret(text)`` with this lexicon and these hospitals, read once."""
        with self._lock:
            kept = self._kept.get(text)
        if kept is not None and kept[0] is lexicon and kept[1] is hospitals:
            return kept[2]
        reading = interpret(text, lexicon=lexicon, hospitals=hospitals)
        with self._lock:
            self._kept.pop(text, None)
            self._kept[text] = (lexicon, hospitals, reading)
            while len(self._kept) > self.size:
                del self._kept[next(iter(self._kept))]
        return reading
