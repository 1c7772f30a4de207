"""What a location resolves to: a label to show and a point to search around."""

from __future__ import annotations

from dataclasses import dataclass

from directory.geography.states import state_code


@dataclass(frozen=True)
class Place:
    """A resolved location: what to show the user and where it is."""

    label: str
    lat: float
    lon: float
    kind: str  # "zip" | "city" | "county" | "latlon" | "address" | "state" | "area code"

    @property
    def point(self) -> tuple[float, float]:
        return (self.lat, self.lon)

    @property
    def whole_state(self) -> str | None:
        """The state's code when the place is a whole state ("Illinois": IL): searched as
        the state, never as a point and a radius (its middle is no one's town)."""
        return state_code(self.label) if self.kind == "state" else None

    @property
    def preposition(self) -> str:
        return "in" if self.kind in ("state", "area code") else "near"

    @property
    def where(self) -> str:
        """ "in Illinois", "near Hartford, CT", "in area code 617 (Boston, MA)"."""
        return f"{self.preposition} {self.label}"
