"""Spans and relations: the annotations themselves."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class Span:
    """A labelled stretch of a document: code points, end exclusive, over the stored text.

    `text` repeats what the span covers (as brat does) so a file can be checked against
    its document and read by a person.
    """

    id: str
    label: str
    start: int
    end: int
    text: str
    attributes: dict[str, Any] = field(default_factory=dict, compare=True, hash=False)
    note: str = ""
    # the id of the entity (model.entities) this mention refers to; "" when not linked
    entity: str = ""

    def __hash__(self) -> int:
        return hash((self.id, self.label, self.start, self.end))

    @property
    def sort_key(self) -> tuple[int, int, str]:
        """Reading order: by start, the longer (outer) span first, then id."""
        return (self.start, -self.end, self.id)


@dataclass(frozen=True)
class Relation:
    """A typed, directed link between two spans of the same set (a claim to its actor, say)."""

    id: str
    type: str
    source: str  # span id ("from" in the JSON format)
    target: str  # span id ("to" in the JSON format)
