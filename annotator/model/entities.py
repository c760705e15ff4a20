"""Entities: one actor (or place), many mentions.

A project keeps one registry of entities (stored as `entities.json`, see io/entities.py);
a span links to one by id (`Span.entity`). Each change to the registry is a command on
its own undo stack, so a rename or a merge can be undone. A merge also relinks the
mentions: the registry says which ids were merged into which (`merged_into`), and the
project rewrites the spans of every document as part of the same step (io/entities.py).
"""

from __future__ import annotations

import re
import secrets
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, replace

from ..persian.match import fold


@dataclass(frozen=True)
class Entity:
    id: str
    name_fa: str
    name_en: str = ""
    type: str = ""  # the actor types of the schema (state, person ...), or "location"
    aliases: tuple[str, ...] = ()  # other ways it is written (واشنگتن for آمریکا)
    note: str = ""

    def name(self, language: str) -> str:
        if language.startswith("fa"):
            return self.name_fa or self.name_en or self.id
        return self.name_en or self.name_fa or self.id

    @property
    def spellings(self) -> tuple[str, ...]:
        return tuple(s for s in (self.name_fa, self.name_en, *self.aliases) if s)


@dataclass(frozen=True)
class PutEntity:
    """One entity appears, changes or goes (old/new None)."""

    old: Entity | None
    new: Entity | None


@dataclass(frozen=True)
class EntityCommand:
    name: str
    ops: tuple[PutEntity, ...]
    kind: str = ""
    # merges: entity id -> the id its mentions now point to (relinked in every document)
    relinks: tuple[tuple[str, str], ...] = ()

    def inverse_ops(self) -> tuple[PutEntity, ...]:
        return tuple(PutEntity(op.new, op.old) for op in reversed(self.ops))


class EntityError(ValueError):
    """An entity edit the registry refuses (unknown id, empty name ...)."""


_ID = re.compile(r"^e(\d+)$")  # the ids older versions made
_ID_LETTERS = "abcdefghijkmnpqrstuvwxyz23456789"  # no 0/o, 1/l: read aloud or copied by hand
Listener = Callable[[EntityCommand, bool], None]  # (command, undone)


class EntityRegistry:
    def __init__(self, entities: Iterable[Entity] = ()) -> None:
        self._entities: dict[str, Entity] = {}
        for entity in entities:
            if entity.id in self._entities:
                raise EntityError(f"duplicate entity id {entity.id!r}")
            self._entities[entity.id] = entity
        self._listeners: list[Listener] = []
        self._keys: dict[str, list[str]] | None = None  # folded spelling -> entity ids
        self.revision = 0
        self._history: list[EntityCommand] = []
        self._index = 0  # history[:index] is done
        self._clean: int | None = 0  # the index the file on disk matches

    # ---- reading ---------------------------------------------------------------------

    def __len__(self) -> int:
        return len(self._entities)

    def __contains__(self, entity_id: object) -> bool:
        return entity_id in self._entities

    def get(self, entity_id: str) -> Entity | None:
        return self._entities.get(entity_id)

    def entities(self) -> list[Entity]:
        return sorted(self._entities.values(), key=lambda e: _id_key(e.id))

    def find(self, query: str, types: Sequence[str] = ()) -> list[Entity]:
        """Entities whose name or an alias contains the query, Persian-aware (ي=ی, ZWNJ =
        space, any digits); those that start with it first, then by name."""
        key = fold(query).strip()
        found: list[tuple[int, str, Entity]] = []
        for entity in self._entities.values():
            if types and entity.type not in types:
                continue
            folded = [fold(s) for s in entity.spellings]
            if not key:
                rank = 2
            elif any(f == key for f in folded):
                rank = 0
            elif any(f.startswith(key) for f in folded):
                rank = 1
            elif any(key in f for f in folded):
                rank = 2
            else:
                continue
            found.append((rank, fold(entity.name_fa or entity.name_en), entity))
        return [e for _, _, e in sorted(found, key=lambda t: (t[0], t[1], _id_key(t[2].id)))]

    def matches(self, mention: str) -> list[Entity]:
        """The entities a mention's text names exactly: its folded text equals a name or an
        alias, folded (ي=ی, ك=ک, ZWNJ = space, diacritics ignored). Containing it, or
        sharing a first letter, is not naming it."""
        ids = self._spelling_index().get(fold(mention).strip(), []) if fold(mention).strip() else []
        return [self._entities[i] for i in ids]

    def suggest(self, mention: str) -> Entity | None:
        """The entity a mention's text names exactly (a spelling, folded), if only one does."""
        found = self.matches(mention)
        return found[0] if len(found) == 1 else None

    def _spelling_index(self) -> dict[str, list[str]]:
        if self._keys is None:
            keys: dict[str, list[str]] = {}
            for entity in self._entities.values():
                for spelling in dict.fromkeys(fold(s).strip() for s in entity.spellings):
                    keys.setdefault(spelling, []).append(entity.id)
            self._keys = keys
        return self._keys

    def new_id(self) -> str:
        """`e-` and eight random letters or digits (`e-k3q9x2mf`): two coders, or two git
        clones, making an entity at the same moment never make the same id (the old
        `e1`, `e2` ... did, and one coder's entity took the other's name). Old ids stay
        valid as they are."""
        while True:
            entity_id = "e-" + "".join(secrets.choice(_ID_LETTERS) for _ in range(8))
            if entity_id not in self._entities:
                return entity_id

    # ---- listening -------------------------------------------------------------------

    def subscribe(self, listener: Listener) -> None:
        self._listeners.append(listener)

    def unsubscribe(self, listener: Listener) -> None:
        self._listeners.remove(listener)

    # ---- editing (each one undoable command) ----------------------------------------

    def add(self, name_fa: str, name_en: str = "", type: str = "", aliases: Sequence[str] = ()) -> Entity:
        if not (name_fa.strip() or name_en.strip()):
            raise EntityError("an entity needs a name")
        entity = Entity(self.new_id(), name_fa.strip(), name_en.strip(), type, _unique(aliases, name_fa, name_en))
        self._push(EntityCommand(f"New entity {entity.name('fa')}", (PutEntity(None, entity),), "add"))
        return entity

    def update(self, entity: Entity, name: str = "") -> Entity:
        """Replace an entity's names, type, aliases or note (a rename)."""
        old = self._require(entity.id)
        if not (entity.name_fa.strip() or entity.name_en.strip()):
            raise EntityError("an entity needs a name")
        entity = replace(entity, aliases=_unique(entity.aliases, entity.name_fa, entity.name_en))
        if entity != old:
            self._push(EntityCommand(name or f"Rename {old.name('fa')}", (PutEntity(old, entity),), "update"))
        return entity

    def rename(self, entity_id: str, name_fa: str, name_en: str | None = None) -> Entity:
        """Give an entity a new canonical name; the old one stays as an alias, so mentions
        written the old way are still suggested."""
        old = self._require(entity_id)
        name_en = old.name_en if name_en is None else name_en
        aliases = (*old.aliases, old.name_fa, old.name_en)
        return self.update(replace(old, name_fa=name_fa, name_en=name_en, aliases=aliases))

    def add_alias(self, entity_id: str, alias: str) -> Entity:
        old = self._require(entity_id)
        return self.update(replace(old, aliases=(*old.aliases, alias)), f"Add alias {alias}")

    def merge(self, keep_id: str, merged_ids: Sequence[str]) -> Entity:
        """Fold entities into one: their names become aliases of the kept one, and every
        mention of them is relinked to it (by the project, in the same step)."""
        keep = self._require(keep_id)
        others = [self._require(i) for i in dict.fromkeys(merged_ids) if i != keep_id]
        if not others:
            raise EntityError("choose at least one other entity to merge")
        spellings = [s for other in others for s in other.spellings]
        merged = replace(
            keep,
            aliases=_unique((*keep.aliases, *spellings), keep.name_fa, keep.name_en),
            type=keep.type or next((o.type for o in others if o.type), ""),
        )
        ops = (PutEntity(keep, merged), *(PutEntity(o, None) for o in others))
        relinks = tuple((o.id, keep_id) for o in others)
        self._push(EntityCommand(f"Merge into {keep.name('fa')}", ops, "merge", relinks))
        return merged

    def remove(self, entity_id: str) -> None:
        """Delete an entity (callers unlink its mentions in the same step, see relinks)."""
        old = self._require(entity_id)
        self._push(EntityCommand(f"Delete {old.name('fa')}", (PutEntity(old, None),), "delete", ((old.id, ""),)))

    # ---- other writers (not commands: nothing to undo) ---------------------------------

    def snapshot(self) -> dict[str, Entity]:
        return dict(self._entities)

    def absorb(self, entities: Mapping[str, Entity]) -> bool:
        """Take the registry as merged with what other writers saved (their new entities,
        their edits); no command, no listener: the caller refreshes. True if it changed."""
        if dict(entities) == self._entities:
            return False
        self._entities = dict(entities)
        self._keys = None
        self.revision += 1
        return True

    def discard(self, entity_id: str) -> Entity | None:
        """Remove an entity nothing links to (one a tag made, and the tag was undone),
        outside the undo history; the listeners hear a "discard" command."""
        old = self._entities.get(entity_id)
        if old is not None:
            command = EntityCommand(f"Delete {old.name('fa')}", (PutEntity(old, None),), "discard")
            self._apply(command, command.ops, undone=False)
        return old

    def restore(self, entity: Entity) -> None:
        """Put back a discarded entity (the tag that made it was redone)."""
        if entity.id not in self._entities:
            command = EntityCommand(f"New entity {entity.name('fa')}", (PutEntity(None, entity),), "restore")
            self._apply(command, command.ops, undone=False)

    def can_undo(self) -> bool:
        return self._index > 0

    def can_redo(self) -> bool:
        return self._index < len(self._history)

    def peek_undo(self) -> EntityCommand | None:
        return self._history[self._index - 1] if self.can_undo() else None

    def peek_redo(self) -> EntityCommand | None:
        return self._history[self._index] if self.can_redo() else None

    def undo(self) -> EntityCommand | None:
        command = self.peek_undo()
        if command is not None:
            self._index -= 1
            self._apply(command, command.inverse_ops(), undone=True)
        return command

    def redo(self) -> EntityCommand | None:
        command = self.peek_redo()
        if command is not None:
            self._index += 1
            self._apply(command, command.ops, undone=False)
        return command

    def set_clean(self) -> None:
        self._clean = self._index

    def is_clean(self) -> bool:
        return self._clean == self._index

    # ---- internals -------------------------------------------------------------------

    def _push(self, command: EntityCommand) -> None:
        del self._history[self._index :]
        if self._clean is not None and self._clean > self._index:
            self._clean = None
        self._history.append(command)
        self._index += 1
        self._apply(command, command.ops, undone=False)

    def _apply(self, command: EntityCommand, ops: Sequence[PutEntity], undone: bool) -> None:
        for op in ops:
            if op.old is not None and op.new is None:
                # tolerant: another coder's write (absorb) may have removed it already
                self._entities.pop(op.old.id, None)
            elif op.new is not None:
                self._entities[op.new.id] = op.new
        self._keys = None
        self.revision += 1
        for listener in list(self._listeners):
            listener(command, undone)

    def _require(self, entity_id: str) -> Entity:
        entity = self._entities.get(entity_id)
        if entity is None:
            raise EntityError(f"no entity {entity_id!r}")
        return entity


def _unique(spellings: Iterable[str], *names: str) -> tuple[str, ...]:
    """Aliases without blanks, repeats or the canonical names themselves (compared folded)."""
    taken = {fold(n).strip() for n in names if n}
    result: list[str] = []
    for spelling in spellings:
        spelling = spelling.strip()
        key = fold(spelling).strip()
        if spelling and key not in taken:
            taken.add(key)
            result.append(spelling)
    return tuple(result)


def _id_key(entity_id: str) -> tuple[int, str]:
    match = _ID.match(entity_id)
    return (int(match.group(1)) if match else 1 << 60, entity_id)


def merge_entities(
    base: Mapping[str, Entity], theirs: Mapping[str, Entity], mine: Mapping[str, Entity]
) -> tuple[dict[str, Entity], list[str]]:
    """Three-way merge of two registries by id: `base` is what both started from (the file
    as last read), `theirs` what another writer saved since, `mine` this one's. Each side's
    new, changed and removed entities are kept; when both changed one id differently, mine
    wins and the id is reported (the second list)."""
    merged: dict[str, Entity] = {}
    clashes: list[str] = []
    for entity_id in dict.fromkeys([*theirs, *mine, *base]):
        b, t, m = base.get(entity_id), theirs.get(entity_id), mine.get(entity_id)
        if m == b:
            result = t
        elif t in (b, m):
            result = m
        elif m is None or t is None:
            result = m or t  # removed on one side, changed on the other: the change stays
        else:
            result = m
            clashes.append(entity_id)
        if result is not None:
            merged[entity_id] = result
    return merged, clashes


def mention_counts(entity_ids: Iterable[str]) -> dict[str, int]:
    counts: dict[str, int] = {}
    for entity_id in entity_ids:
        if entity_id:
            counts[entity_id] = counts.get(entity_id, 0) + 1
    return counts


__all__ = [
    "Entity",
    "EntityCommand",
    "EntityError",
    "EntityRegistry",
    "PutEntity",
    "mention_counts",
    "merge_entities",
]
