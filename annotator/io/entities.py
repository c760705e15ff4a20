"""The entity registry on disk: `entities.json` in a project folder (or
`annotator-entities.json` beside single articles), and relinking mentions across files.

    {"format": "annotator/entities", "version": 1,
     "entities": [
       {"id": "e1", "name_fa": "آمریکا", "name_en": "United States", "type": "state",
        "aliases": ["ایالات متحده", "واشنگتن"], "note": ""},
       ...]}

One entity a line (readable, and a git diff shows the entity that changed). Checked
against resources/schemas/entities-v1.schema.json and for duplicate ids.

Several writers share the file (two coders' windows on one folder, and git clones whose
files meet on a pull): `RegistryFile.save` re-reads it under a lock and merges by id
(model.entities.merge_entities) before writing, so nobody's entity is ever dropped, and
new ids are random (`e-k3q9x2mf`), so two writers never make the same one.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from ..model.entities import Entity, EntityError, EntityRegistry, merge_entities
from ..resources import read_json_resource
from . import jsonformat
from .atomic import exclusive, file_signature, write_atomic

FORMAT = "annotator/entities"
VERSION = 1
PROJECT_FILE = "entities.json"
FOLDER_FILE = "annotator-entities.json"


class EntityFileError(ValueError):
    """An entities file that cannot be used; the message names the file and the place."""


def entity_to_json(entity: Entity) -> dict[str, Any]:
    data: dict[str, Any] = {"id": entity.id, "name_fa": entity.name_fa, "name_en": entity.name_en}
    data["type"] = entity.type
    data["aliases"] = list(entity.aliases)
    if entity.note:
        data["note"] = entity.note
    return data


def registry_to_json(registry: EntityRegistry) -> dict[str, Any]:
    return {"format": FORMAT, "version": VERSION, "entities": [entity_to_json(e) for e in registry.entities()]}


def dumps(registry: EntityRegistry) -> bytes:
    return jsonformat.format_json(registry_to_json(registry)).encode("utf-8")


def save(registry: EntityRegistry, path: Path) -> None:
    """Write atomically and mark the registry saved. Raises OSError when the disk refuses."""
    write_atomic(Path(path), dumps(registry))
    registry.set_clean()


@cache
def _validator() -> Any:
    from jsonschema import Draft202012Validator

    return Draft202012Validator(read_json_resource("schemas", "entities-v1.schema.json"))


def check(data: Any) -> list[jsonformat.Problem]:
    """Every problem with an entities file's parsed JSON; [] when it is valid."""
    if isinstance(data, dict) and isinstance(data.get("version"), int) and data["version"] > VERSION:
        return [jsonformat.Problem("$.version", f"written by a newer annotator (version {data['version']})")]
    problems = [
        jsonformat.Problem(_path(err.absolute_path), str(err.message)[:200])
        for err in sorted(_validator().iter_errors(data), key=lambda e: list(map(str, e.absolute_path)))
    ]
    if problems:
        return problems
    seen: set[str] = set()
    for i, item in enumerate(data["entities"]):
        if item["id"] in seen:
            problems.append(jsonformat.Problem(f"$.entities[{i}].id", f"duplicate entity id {item['id']!r}"))
        seen.add(item["id"])
    return problems


def _path(parts: Iterable[Any]) -> str:
    return "$" + "".join(f"[{p}]" if isinstance(p, int) else f".{p}" for p in parts)


def from_json(data: Any, file: Path | None = None) -> EntityRegistry:
    problems = check(data)
    if problems:
        raise EntityFileError("\n".join(p.line(file) for p in problems))
    entities = [
        Entity(
            str(item["id"]),
            str(item.get("name_fa", "")),
            str(item.get("name_en", "")),
            str(item.get("type", "")),
            tuple(str(a) for a in item.get("aliases", ())),
            str(item.get("note", "")),
        )
        for item in data["entities"]
    ]
    try:
        return EntityRegistry(entities)
    except EntityError as exc:
        raise EntityFileError(f"{file}: {exc}") from None


def load(path: Path) -> EntityRegistry:
    """The registry in `path`, with the entities of sync clients' conflicted copies of it
    that it lacks (conflict_copies); an empty one when neither exists.

    Raises EntityFileError naming the file and what is wrong with it.
    """
    path = Path(path)
    registry = _load_one(path) if path.exists() else EntityRegistry()
    copies = conflict_copies(path)
    if copies:
        entities = registry.snapshot()
        for copy in copies:
            try:
                theirs = _load_one(copy).snapshot()
            except EntityFileError:
                continue  # not a registry after all (or half-synced): left as it is
            for entity_id, entity in theirs.items():
                entities.setdefault(entity_id, entity)
        registry = EntityRegistry(entities.values())
    return registry


def _load_one(path: Path) -> EntityRegistry:
    try:
        data = jsonformat.parse(jsonformat.read_bytes(path), path)
    except jsonformat.AnnotationFileError as exc:
        raise EntityFileError(str(exc)) from None
    return from_json(data, path)


def conflict_copies(path: Path) -> list[Path]:
    """The copies a sync client made of the registry file when two computers saved it at
    once: Dropbox and Nextcloud `entities (… conflicted copy …).json`, Syncthing
    `entities.sync-conflict-….json`, Google Drive `entities (1).json`, OneDrive
    `entities-COMPUTER.json`. The whole team writes one registry, so on a synced folder
    this happens; the copy holds the entities one computer made, which its coder's
    mentions link to (trial 5, item 5: they were read nowhere, and `validate` said "no
    entity … in the registry"). Their entities are read with the file's (load); once
    entities.json holds them (the next entity edit writes the merge), the copy can go."""
    stem = re.escape(Path(path).stem)
    pattern = re.compile(
        rf"^{stem}(?: \([^)]*conflict[^)]*\)| \(\d+\)|\.sync-conflict-[^/]*|-[^./ ]+)\.json$", re.IGNORECASE
    )
    try:
        names = sorted(os.listdir(Path(path).parent))
    except OSError:
        return []
    return [Path(path).parent / name for name in names if pattern.match(name)]


def lock_path(path: Path) -> Path:
    """`.entities.json.lock` beside the registry (kept out of git by `.*.lock`)."""
    return path.parent / f".{path.name}.lock"


class RegistryFile:
    """One writer's view of a registry file: what it last read or wrote (`base`), so its
    own edits and other writers' can be told apart and merged."""

    def __init__(self, path: Path) -> None:
        self.path = Path(path)
        self.base: dict[str, Entity] = {}
        self._signature: tuple[int, int, int] | None = None

    def load(self) -> EntityRegistry:
        """Raises EntityFileError naming the file and what is wrong with it."""
        signature = file_signature(self.path)
        registry = load(self.path)
        self.base, self._signature = registry.snapshot(), signature
        return registry

    def _disk(self) -> dict[str, Entity]:
        if not self.path.exists():
            # a missing file (deleted, or a git checkout in progress) removes nothing
            return dict(self.base)
        return load(self.path).snapshot()

    def refresh(self, registry: EntityRegistry) -> bool:
        """Take in what other writers saved since (no write); True if the registry changed.
        Raises EntityFileError when the file is now damaged (the registry stays as it was)."""
        signature = file_signature(self.path)
        if signature == self._signature:
            return False
        with exclusive(lock_path(self.path)):
            signature = file_signature(self.path)
            disk = self._disk()
        merged, _clashes = merge_entities(self.base, disk, registry.snapshot())
        self.base, self._signature = disk, signature
        return registry.absorb(merged)

    def save(self, registry: EntityRegistry) -> list[str]:
        """Merge the registry's edits with what other writers saved, write the result
        atomically, and take theirs into the registry; the ids both sides changed
        differently (this writer's version is kept). Raises OSError when the disk refuses,
        EntityFileError when the file on disk is damaged (then it is not overwritten)."""
        with exclusive(lock_path(self.path)):
            disk = self._disk()
            merged, clashes = merge_entities(self.base, disk, registry.snapshot())
            if merged != disk or not self.path.exists():
                write_atomic(self.path, dumps(EntityRegistry(merged.values())))
            self.base, self._signature = merged, file_signature(self.path)
        registry.absorb(merged)
        registry.set_clean()
        return clashes


def check_references(data: Any, registry: EntityRegistry) -> list[jsonformat.Problem]:
    """Spans of an (already checked) annotation file that link to entities the registry lacks."""
    problems: list[jsonformat.Problem] = []
    for i, span in enumerate(data.get("spans", [])):
        entity = span.get("entity") if isinstance(span, dict) else None
        if entity and entity not in registry:
            problems.append(jsonformat.Problem(f"$.spans[{i}].entity", f"no entity {entity!r} in the registry"))
    return problems


@dataclass(frozen=True)
class Relink:
    """One mention moved from one entity to another, where it was (for undo)."""

    doc_id: str
    annotator: str
    span_id: str
    old: str
    new: str
