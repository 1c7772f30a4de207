"""What a location resolves to: a label to show and a point to search around."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Place:
    """A resolved location: what to show the user and where it is."""

    label: str
    lat: float
    lon: float
    kind: str  # "zip" | "city" | "latlon" | "address" | "state"

    @property
    def point(self) -> tuple[float, float]:
        return (self.lat, self.lon)
