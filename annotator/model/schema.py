"""The labels, relation types and attributes an annotation project uses."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from functools import cached_property
from typing import Any


class LabelKind(StrEnum):
    ENTITY = "entity"  # drawn as a coloured background (actor, location)
    CLAIM = "claim"  # drawn as an underline/bracket so entities inside stay readable


@dataclass(frozen=True)
class Label:
    id: str
    name_fa: str
    name_en: str
    color: str  # "#rrggbb"
    shortcut: str = ""
    kind: LabelKind = LabelKind.ENTITY

    def name(self, language: str) -> str:
        return self.name_fa if language.startswith("fa") else self.name_en


@dataclass(frozen=True)
class RelationType:
    id: str
    name_fa: str
    name_en: str
    from_labels: tuple[str, ...] = ()  # empty: any label
    to_labels: tuple[str, ...] = ()

    def name(self, language: str) -> str:
        return self.name_fa if language.startswith("fa") else self.name_en


@dataclass(frozen=True)
class AttributeDef:
    id: str
    name_fa: str
    name_en: str
    labels: tuple[str, ...] = ()  # labels it applies to; empty: all
    values: tuple[str, ...] = ()  # allowed values; empty: free text


class SchemaError(ValueError):
    """A schema description that cannot be used; the message says why."""


@dataclass(frozen=True)
class Schema:
    labels: tuple[Label, ...]
    relation_types: tuple[RelationType, ...] = ()
    attributes: tuple[AttributeDef, ...] = field(default_factory=tuple)

    def __post_init__(self) -> None:
        ids = [label.id for label in self.labels]
        if len(set(ids)) != len(ids):
            raise SchemaError("label ids must be unique")
        keys = [label.shortcut for label in self.labels if label.shortcut]
        if len(set(keys)) != len(keys):
            raise SchemaError("two labels share a keyboard shortcut")

    @cached_property
    def _labels_by_id(self) -> dict[str, Label]:
        return {label.id: label for label in self.labels}

    def label(self, label_id: str) -> Label | None:
        return self._labels_by_id.get(label_id)

    def label_name(self, label_id: str, language: str) -> str:
        """A label's name in the interface language; its id when the schema lacks it."""
        label = self.label(label_id)
        return label.name(language) if label else label_id

    def relation_type(self, type_id: str) -> RelationType | None:
        return next((rt for rt in self.relation_types if rt.id == type_id), None)

    @property
    def label_ids(self) -> tuple[str, ...]:
        return tuple(label.id for label in self.labels)

    def to_json(self) -> dict[str, Any]:
        return {
            "labels": [
                {
                    "id": lb.id,
                    "name_fa": lb.name_fa,
                    "name_en": lb.name_en,
                    "color": lb.color,
                    "shortcut": lb.shortcut,
                    "kind": lb.kind.value,
                }
                for lb in self.labels
            ],
            "relation_types": [
                {
                    "id": rt.id,
                    "name_fa": rt.name_fa,
                    "name_en": rt.name_en,
                    "from_labels": list(rt.from_labels),
                    "to_labels": list(rt.to_labels),
                }
                for rt in self.relation_types
            ],
            "attributes": [
                {
                    "id": ad.id,
                    "name_fa": ad.name_fa,
                    "name_en": ad.name_en,
                    "labels": list(ad.labels),
                    "values": list(ad.values),
                }
                for ad in self.attributes
            ],
        }

    @classmethod
    def from_json(cls, data: Any) -> Schema:
        """Build a schema from its JSON form; raises SchemaError naming the problem."""
        if not isinstance(data, dict) or not isinstance(data.get("labels"), list):
            raise SchemaError("a schema is an object with a list of 'labels'")
        try:
            labels = tuple(
                Label(
                    id=str(lb["id"]),
                    name_fa=str(lb.get("name_fa", lb["id"])),
                    name_en=str(lb.get("name_en", lb["id"])),
                    color=str(lb.get("color", "#888888")),
                    shortcut=str(lb.get("shortcut", "")),
                    kind=LabelKind(lb.get("kind", "entity")),
                )
                for lb in data["labels"]
            )
            relation_types = tuple(
                RelationType(
                    id=str(rt["id"]),
                    name_fa=str(rt.get("name_fa", rt["id"])),
                    name_en=str(rt.get("name_en", rt["id"])),
                    from_labels=tuple(rt.get("from_labels", ())),
                    to_labels=tuple(rt.get("to_labels", ())),
                )
                for rt in data.get("relation_types", [])
            )
            attributes = tuple(
                AttributeDef(
                    id=str(ad["id"]),
                    name_fa=str(ad.get("name_fa", ad["id"])),
                    name_en=str(ad.get("name_en", ad["id"])),
                    labels=tuple(ad.get("labels", ())),
                    values=tuple(ad.get("values", ())),
                )
                for ad in data.get("attributes", [])
            )
        except (KeyError, TypeError, ValueError) as exc:
            raise SchemaError(f"malformed schema: {exc}") from exc
        return cls(labels, relation_types, attributes)


def default_schema() -> Schema:
    return Schema(
        labels=(
            Label("actor", "کنشگر", "Actor", "#e6194b", "1", LabelKind.ENTITY),
            Label("location", "مکان", "Location", "#3cb44b", "2", LabelKind.ENTITY),
            Label("claim", "ادعا", "Claim", "#4363d8", "3", LabelKind.CLAIM),
        ),
        relation_types=(RelationType("claimed_by", "ادعاکننده", "Claimed by", ("claim",), ("actor",)),),
    )
