"""The labels, relation types and attributes an annotation project uses.

A schema is immutable; editing one makes a new schema (`with_*` methods below), and what an
edit means for spans already made (a label renamed, an attribute value removed) is a
`SchemaMigration` that annotation sets apply as one undoable step (see migration.py).
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from enum import StrEnum
from functools import cached_property
from typing import Any


class LabelKind(StrEnum):
    ENTITY = "entity"  # drawn as a coloured background (actor, location)
    CLAIM = "claim"  # drawn as an underline/bracket so entities inside stay readable


class AttributeType(StrEnum):
    CHOICE = "choice"  # one of `values`
    TEXT = "text"
    NUMBER = "number"
    BOOLEAN = "boolean"


@dataclass(frozen=True)
class Label:
    """A span label: its id (stored), its names in Persian and English, its colour and key."""

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
    """A kind of link between spans, and the labels it may go from and to."""

    id: str
    name_fa: str
    name_en: str
    from_labels: tuple[str, ...] = ()  # empty: any label
    to_labels: tuple[str, ...] = ()
    shortcut: str = ""  # a letter; the inspector opens the link list for it (C, A, L)

    def name(self, language: str) -> str:
        return self.name_fa if language.startswith("fa") else self.name_en

    def fits(self, source_label: str, target_label: str) -> bool:
        return (not self.from_labels or source_label in self.from_labels) and (
            not self.to_labels or target_label in self.to_labels
        )


@dataclass(frozen=True)
class Choice:
    """One allowed value of a choice attribute: the id is stored, the names are shown."""

    id: str
    name_fa: str = ""
    name_en: str = ""

    def name(self, language: str) -> str:
        return (self.name_fa if language.startswith("fa") else self.name_en) or self.id


@dataclass(frozen=True)
class AttributeDef:
    """A variable coded on spans of some labels (a claim's position, say): free text or a choice."""

    id: str
    name_fa: str
    name_en: str
    labels: tuple[str, ...] = ()  # labels it applies to; empty: all
    values: tuple[str, ...] = ()  # allowed values (choice ids); empty: free text
    type: AttributeType | None = None  # None: choice when there are values, else text
    default: Any = None  # given to a new span with one of `labels`; None: no value
    value_names: tuple[Choice, ...] = ()  # names of the values (those that have any)

    @property
    def kind(self) -> AttributeType:
        if self.type is not None:
            return self.type
        return AttributeType.CHOICE if self.values else AttributeType.TEXT

    def name(self, language: str) -> str:
        return self.name_fa if language.startswith("fa") else self.name_en

    def applies_to(self, label: str) -> bool:
        return not self.labels or label in self.labels

    @property
    def choices(self) -> tuple[Choice, ...]:
        named = {c.id: c for c in self.value_names}
        return tuple(named.get(v, Choice(v)) for v in self.values)

    def value_name(self, value: Any, language: str) -> str:
        """How a stored value is shown: a choice's name, yes/no, or the value itself."""
        if isinstance(value, bool):
            if language.startswith("fa"):
                return "بله" if value else "خیر"
            return "yes" if value else "no"
        for choice in self.value_names:
            if choice.id == value:
                return choice.name(language)
        return str(value)

    def accepts(self, value: Any) -> bool:
        """Whether a stored value fits this definition (validate reports those that do not)."""
        kind = self.kind
        if kind is AttributeType.CHOICE:
            return value in self.values
        if kind is AttributeType.NUMBER:
            return isinstance(value, int | float) and not isinstance(value, bool)
        if kind is AttributeType.BOOLEAN:
            return isinstance(value, bool)
        return isinstance(value, str)


class SchemaError(ValueError):
    """A schema description that cannot be used; the message says why."""


@dataclass(frozen=True)
class Schema:
    """What a project codes: its labels, relation types and attributes (checked when made)."""

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
        type_ids = [rt.id for rt in self.relation_types]
        if len(set(type_ids)) != len(type_ids):
            raise SchemaError("relation type ids must be unique")
        rkeys = [rt.shortcut.upper() for rt in self.relation_types if rt.shortcut]
        if len(set(rkeys)) != len(rkeys):
            raise SchemaError("two relation types share a keyboard shortcut")
        attr_keys = [(ad.id, label) for ad in self.attributes for label in (ad.labels or ("*",))]
        if len(set(attr_keys)) != len(attr_keys):
            raise SchemaError("an attribute is defined twice for the same label")
        for ad in self.attributes:
            if len(set(ad.values)) != len(ad.values):
                raise SchemaError(f"attribute {ad.id!r} lists a value twice")
            if ad.kind is AttributeType.CHOICE and not ad.values:
                raise SchemaError(f"choice attribute {ad.id!r} has no values")
            if ad.default is not None and not ad.accepts(ad.default):
                raise SchemaError(f"attribute {ad.id!r}: default {ad.default!r} is not an allowed value")

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

    def relation_type_for_key(self, key: str) -> RelationType | None:
        return next((rt for rt in self.relation_types if rt.shortcut and rt.shortcut.upper() == key.upper()), None)

    def relation_types_from(self, label: str) -> tuple[RelationType, ...]:
        return tuple(rt for rt in self.relation_types if not rt.from_labels or label in rt.from_labels)

    def attributes_for(self, label: str) -> tuple[AttributeDef, ...]:
        """The attributes a span with this label has, in schema order."""
        return tuple(ad for ad in self.attributes if ad.applies_to(label))

    def attribute(self, attribute_id: str, label: str) -> AttributeDef | None:
        return next((ad for ad in self.attributes_for(label) if ad.id == attribute_id), None)

    def defaults_for(self, label: str) -> dict[str, Any]:
        """The attribute values a new span with this label starts with."""
        return {ad.id: ad.default for ad in self.attributes_for(label) if ad.default is not None}

    @property
    def label_ids(self) -> tuple[str, ...]:
        return tuple(label.id for label in self.labels)

    # ---- editing (each returns a new schema) ----------------------------------------

    def with_label(self, label: Label, replacing: str | None = None) -> Schema:
        """Add `label`, or put it in the place of the label `replacing` (a rename keeps
        attributes and relation types pointing at it)."""
        if replacing is None:
            return replace(self, labels=(*self.labels, label))
        if self.label(replacing) is None:
            raise SchemaError(f"no label {replacing!r}")
        labels = tuple(label if lb.id == replacing else lb for lb in self.labels)
        if label.id == replacing:
            return replace(self, labels=labels)
        return Schema(
            labels,
            tuple(
                replace(
                    rt,
                    from_labels=_swap(rt.from_labels, replacing, label.id),
                    to_labels=_swap(rt.to_labels, replacing, label.id),
                )
                for rt in self.relation_types
            ),
            tuple(replace(ad, labels=_swap(ad.labels, replacing, label.id)) for ad in self.attributes),
        )

    def without_label(self, label_id: str) -> Schema:
        if self.label(label_id) is None:
            raise SchemaError(f"no label {label_id!r}")

        def keep(ad: AttributeDef) -> bool:
            return ad.labels != (label_id,)

        return Schema(
            tuple(lb for lb in self.labels if lb.id != label_id),
            tuple(
                replace(rt, from_labels=_drop(rt.from_labels, label_id), to_labels=_drop(rt.to_labels, label_id))
                for rt in self.relation_types
                if rt.from_labels != (label_id,) and rt.to_labels != (label_id,)
            ),
            tuple(replace(ad, labels=_drop(ad.labels, label_id)) for ad in self.attributes if keep(ad)),
        )

    def with_attribute(self, attribute: AttributeDef, replacing: str | None = None) -> Schema:
        if replacing is None:
            return replace(self, attributes=(*self.attributes, attribute))
        if not any(ad.id == replacing for ad in self.attributes):
            raise SchemaError(f"no attribute {replacing!r}")
        return replace(self, attributes=tuple(attribute if ad.id == replacing else ad for ad in self.attributes))

    def without_attribute(self, attribute_id: str) -> Schema:
        return replace(self, attributes=tuple(ad for ad in self.attributes if ad.id != attribute_id))

    def with_relation_type(self, relation_type: RelationType, replacing: str | None = None) -> Schema:
        if replacing is None:
            return replace(self, relation_types=(*self.relation_types, relation_type))
        return replace(
            self,
            relation_types=tuple(relation_type if rt.id == replacing else rt for rt in self.relation_types),
        )

    def without_relation_type(self, type_id: str) -> Schema:
        return replace(self, relation_types=tuple(rt for rt in self.relation_types if rt.id != type_id))

    # ---- JSON -------------------------------------------------------------------------

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
            "relation_types": [_relation_type_json(rt) for rt in self.relation_types],
            "attributes": [_attribute_json(ad) for ad in self.attributes],
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
                    from_labels=tuple(map(str, rt.get("from_labels", ()))),
                    to_labels=tuple(map(str, rt.get("to_labels", ()))),
                    shortcut=str(rt.get("shortcut", "")),
                )
                for rt in data.get("relation_types", [])
            )
            attributes = tuple(_attribute_from_json(ad) for ad in data.get("attributes", []))
        except (KeyError, TypeError, ValueError, AttributeError) as exc:
            if isinstance(exc, SchemaError):
                raise
            raise SchemaError(f"malformed schema: {exc}") from exc
        return cls(labels, relation_types, attributes)


def _swap(ids: tuple[str, ...], old: str, new: str) -> tuple[str, ...]:
    return tuple(new if i == old else i for i in ids)


def _drop(ids: tuple[str, ...], old: str) -> tuple[str, ...]:
    return tuple(i for i in ids if i != old)


def _relation_type_json(rt: RelationType) -> dict[str, Any]:
    data: dict[str, Any] = {
        "id": rt.id,
        "name_fa": rt.name_fa,
        "name_en": rt.name_en,
        "from_labels": list(rt.from_labels),
        "to_labels": list(rt.to_labels),
    }
    if rt.shortcut:
        data["shortcut"] = rt.shortcut
    return data


def _attribute_json(ad: AttributeDef) -> dict[str, Any]:
    data: dict[str, Any] = {"id": ad.id, "name_fa": ad.name_fa, "name_en": ad.name_en}
    if ad.type is not None:
        data["type"] = ad.type.value
    data["labels"] = list(ad.labels)
    named = {c.id: c for c in ad.value_names}
    # a value without names stays a plain string, as version 1 schemas wrote them
    data["values"] = [
        {"id": v, "name_fa": named[v].name_fa, "name_en": named[v].name_en} if v in named else v for v in ad.values
    ]
    if ad.default is not None:
        data["default"] = ad.default
    return data


def _attribute_from_json(ad: dict[str, Any]) -> AttributeDef:
    values: list[str] = []
    names: list[Choice] = []
    for value in ad.get("values", ()):
        if isinstance(value, dict):
            choice = Choice(str(value["id"]), str(value.get("name_fa", "")), str(value.get("name_en", "")))
            values.append(choice.id)
            names.append(choice)
        else:
            values.append(str(value))
    kind = ad.get("type")
    return AttributeDef(
        id=str(ad["id"]),
        name_fa=str(ad.get("name_fa", ad["id"])),
        name_en=str(ad.get("name_en", ad["id"])),
        labels=tuple(map(str, ad.get("labels", ()))),
        values=tuple(values),
        type=AttributeType(kind) if kind is not None else None,
        default=ad.get("default"),
        value_names=tuple(names),
    )


def _choices(*items: tuple[str, str, str]) -> tuple[tuple[str, ...], tuple[Choice, ...]]:
    return tuple(i for i, _, _ in items), tuple(Choice(i, fa, en) for i, fa, en in items)


POSITIONS = _choices(("supports", "موافق", "supports"), ("opposes", "مخالف", "opposes"), ("neutral", "خنثی", "neutral"))
TOPICS = _choices(
    ("security", "امنیت", "security"),
    ("diplomacy", "دیپلماسی", "diplomacy"),
    ("economy", "اقتصاد", "economy"),
    ("sanctions", "تحریم", "sanctions"),
    ("nuclear", "هسته‌ای", "nuclear programme"),
    ("human_rights", "حقوق بشر", "human rights"),
    ("other", "دیگر", "other"),
)
ACTOR_TYPES = _choices(
    ("state", "دولت", "state"),
    ("armed_group", "گروه مسلح", "armed group"),
    ("organisation", "سازمان", "organisation"),
    ("person", "شخص", "person"),
    ("media", "رسانه", "media"),
    ("other", "دیگر", "other"),
)


def default_schema() -> Schema:
    """The claims-analysis schema: who claims what, to whom, where, for or against.

    Its labels and `claimed_by` are those of the first version, so files made with it
    read unchanged; attributes are optional, and a span without them is still valid.
    """
    return Schema(
        labels=(
            Label("actor", "کنشگر", "Actor", "#e6194b", "1", LabelKind.ENTITY),
            Label("location", "مکان", "Location", "#3cb44b", "2", LabelKind.ENTITY),
            Label("claim", "ادعا", "Claim", "#4363d8", "3", LabelKind.CLAIM),
        ),
        relation_types=(
            RelationType("claimed_by", "ادعاکننده", "Claimed by", ("claim",), ("actor",), "C"),
            RelationType("addressed_to", "مخاطب", "Addressed to", ("claim",), ("actor",), "A"),
            RelationType("located_in", "مکان ادعا", "Located in", ("claim",), ("location",), "L"),
        ),
        attributes=(
            AttributeDef(
                "position", "موضع", "Position", ("claim",), POSITIONS[0], AttributeType.CHOICE, value_names=POSITIONS[1]
            ),
            AttributeDef("topic", "موضوع", "Topic", ("claim",), TOPICS[0], AttributeType.CHOICE, value_names=TOPICS[1]),
            AttributeDef(
                "type", "نوع", "Type", ("actor",), ACTOR_TYPES[0], AttributeType.CHOICE, value_names=ACTOR_TYPES[1]
            ),
        ),
    )
