"""A project built from the shared Fars news file, with claims coded by two coders.

The coding is mechanical but real: actors are the first occurrences of a few names in each
article, a claim is the stretch from the first actor to the end of its sentence, linked to
its claimant, an addressee and a location where the article has them, with a position and a
topic that cycle. Most mentions are linked to entities; "روسیه" is left unlinked so that
mention nodes are exercised.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from annotator.io import entities as entity_files
from annotator.io.project import Project
from annotator.model import Status
from annotator.model.entities import Entity, EntityRegistry

SHARED_CORPORA = Path(__file__).resolve().parents[4] / "shared" / "corpora"
ACTORS = {"ایران": "e1", "آمریکا": "e2", "اسرائیل": "e3", "سازمان ملل": "e4", "روسیه": ""}
LOCATIONS = {"تهران": "e5", "سوریه": "e6"}
POSITIONS = ["supports", "opposes", "neutral", "supports", ""]
TOPICS = ["security", "diplomacy", "economy", ""]
CODED = 80  # articles coded by maryam; ali codes every fourth of them


def _code(project: Project, doc_id: str, annotator: str, n: int, registry: EntityRegistry) -> bool:
    aset = project.load_annotations(doc_id, annotator)
    text = aset.text
    found = sorted((text.find(name), name) for name in ACTORS if text.find(name) >= 0)
    if not found:
        return False
    actors = []
    for start, name in found[:3]:
        span = aset.add_span("actor", start, start + len(name))
        if ACTORS[name]:
            aset.set_entity(span.id, ACTORS[name])
        actors.append(span)
    first = actors[0]
    stops = [i for i in (text.find(".", first.end), text.find("\n", first.end)) if i >= 0]
    end = max(min([len(text), first.end + 80, *stops]), first.end)
    claim = aset.add_span("claim", first.start, max(end, first.end + 1))
    position, topic = POSITIONS[n % len(POSITIONS)], TOPICS[n % len(TOPICS)]
    if annotator == "ali" and n % 3 == 0:
        position = "opposes" if position != "opposes" else "supports"  # a disagreement
    if position:
        aset.set_attribute(claim.id, "position", position)
    if topic:
        aset.set_attribute(claim.id, "topic", topic)
    aset.add_relation("claimed_by", claim.id, first.id)
    if n % 5 == 1 and len(actors) > 1:  # a second claimant
        aset.add_relation("claimed_by", claim.id, actors[1].id)
    if len(actors) > 1:
        aset.add_relation("addressed_to", claim.id, actors[-1].id)
    for name, entity in LOCATIONS.items():
        at = text.find(name)
        if at >= 0:
            loc = aset.add_span("location", at, at + len(name))
            aset.set_entity(loc.id, entity)
            aset.add_relation("located_in", claim.id, loc.id)
            break
    if n % 7 == 0:
        aset.set_note(claim.id, f"note {n}")
    if n % 2 == 0:
        aset.set_status(Status.DONE)
    project.save_annotations(aset)
    return True


@pytest.fixture(scope="session")
def coded_fars(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The project folder, made once a session; tests copy it if they write."""
    source = SHARED_CORPORA / "news" / "fars-news-2.json"
    if not source.is_file():
        pytest.skip(f"{source} is absent (../shared sits beside the project, not in it)")
    path = tmp_path_factory.mktemp("analysis") / "fars"
    project = Project.create(path, "fars claims")
    report = project.import_sources([source])
    assert report.added, report
    registry = EntityRegistry(
        [
            Entity("e1", "ایران", "Iran", "state", ("جمهوری اسلامی",)),
            Entity("e2", "آمریکا", "United States", "state", ("واشنگتن",)),
            Entity("e3", "اسرائیل", "Israel", "state", ("رژیم صهیونیستی",)),
            Entity("e4", "سازمان ملل", "United Nations", "organisation"),
            Entity("e5", "تهران", "Tehran", "location"),
            Entity("e6", "سوریه", "Syria", "location"),
        ]
    )
    entity_files.save(registry, path / entity_files.PROJECT_FILE)
    n = 0
    for doc_id in project.document_ids():
        if n >= CODED:
            break
        if _code(project, doc_id, "maryam", n, registry):
            if n % 4 == 0:
                _code(project, doc_id, "ali", n, registry)
            n += 1
    return path


@pytest.fixture
def fars_copy(coded_fars: Path, tmp_path: Path) -> Path:
    target = tmp_path / "fars"
    # not the rebuildable cache: a test that read coded_fars may still hold its SQLite
    # index open, whose -wal/-shm files come and go while they are copied
    shutil.copytree(coded_fars, target, ignore=shutil.ignore_patterns(".cache"))
    return target
