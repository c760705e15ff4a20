"""A coder who has not touched a document counts it as the import's annotations say,
status included, in every place the project answers from (trial: Label Studio's done)."""

from __future__ import annotations

import json
from pathlib import Path

from annotator.io.project import Project
from annotator.model import Status


def test_every_answer_reads_the_imported_status_for_a_coder_without_a_file(tmp_path: Path, corpora: Path) -> None:
    for n in range(4):
        (tmp_path / f"a{n}.txt").write_text(f"خبر شماره {n} از تهران", encoding="utf-8")
    project = Project.create(tmp_path / "p", "p")
    task = corpora / "interop" / "labelstudio" / "named_entity_task.json"
    report = project.import_sources([tmp_path / "a0.txt", task, *(tmp_path / f"a{n}.txt" for n in (1, 2, 3))])
    assert not report.problems
    a0, done, a1, *_ = project.document_ids()
    assert json.loads(project.annotation_path(done, "imported").read_text(encoding="utf-8"))["status"] == "done"

    lazy = Project.open(project.path)  # documents.json not read: the catalogue index answers
    assert lazy._loaded is None
    assert lazy.neighbour(a0, annotator="sara", unfinished=True) == a1
    assert lazy.neighbour(a1, -1, annotator="sara", unfinished=True) == a0
    assert lazy._loaded is None
    eager = Project.open(project.path)
    eager._entries  # noqa: B018 - read it
    assert eager.neighbour(a0, annotator="sara", unfinished=True) == a1
    assert (done, "done", 1) in lazy.progress_facts("sara")
    assert [s.status for s in eager.summaries("sara")] == [Status.NEW, Status.DONE, Status.NEW, Status.NEW, Status.NEW]
    assert eager.load_annotations(done, "sara").status == Status.DONE
    assert eager.stats("sara")["status"] == eager.stats()["status"] == {"new": 4, "in_progress": 0, "done": 1}

    # sara's own file takes over: not done for her, and so in the combined count
    eager.set_status(done, "sara", "in_progress")
    assert eager.neighbour(a0, annotator="sara", unfinished=True) == done
    assert Project.open(project.path).neighbour(a0, annotator="sara", unfinished=True) == done
    assert eager.stats("sara")["status"] == eager.stats()["status"] == {"new": 4, "in_progress": 1, "done": 0}
    # reza has not touched it: still done for him
    assert Project.open(project.path).neighbour(a0, annotator="reza", unfinished=True) == a1
    assert eager.stats("reza")["status"]["done"] == 1
