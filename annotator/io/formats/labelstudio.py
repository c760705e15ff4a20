"""Label Studio JSON: a list of tasks, `data.text` and `annotations[].result[]`.

Offsets in a Text region's `value` count code points, like ours (Label Studio's own
test web/libs/editor/tests/integration/e2e/ner/emoji.cy.ts expects `test` in
"🐱 Warning: This is a test text" at 21-25; docs/formats.md). A region whose `value.text`
does not match the text there is reported; when it matches only if the offsets are read
as UTF-16 units (files written by annotator before issue 9), they are read so and said.

Mapping: a `labels` region <-> a span (a region with several labels gives a span per
label); a `relation` result (`from_id`, `to_id`, `labels[0]`, `direction`) <-> a relation
(an unlabelled one gets type "related"); a per-region `choices`/`textarea` result <-> a
span attribute named after its `from_name`; a region's `meta.text` <-> the span's note.
Each annotation of a task becomes a document record of its own (its `completed_by` as the
annotator); a task with no annotation uses its first prediction. `from_name`/`to_name`
and the text key are kept from the file read, so a round trip writes them back.

What is not read is said, naming the task, annotation and result by their place in the
file: results of other types, a `meta` or a list entry that is not an object, unsubmitted
`drafts`. A region's `labels` given as one name is that one label.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from ...model import Document
from ._text import utf16_map
from .base import (
    AnnotatedDocument,
    FormatError,
    Progress,
    ReadResult,
    RelationRecord,
    SpanRecord,
    WriteReport,
    atomic_text_writer,
    damaged_file,
    leave_out_entity_links,
    problem,
    read_utf8,
)


def _annotator(value: Any) -> str:
    if isinstance(value, dict):
        return str(value.get("email") or value.get("id") or "")
    return "" if value is None else str(value)


def _listed(data: dict[str, Any], number: int) -> str:
    """The name annotator's export gives annotation `number` in `data.annotators` (written
    when a task has several coders and not every completed_by is known)."""
    names = data.get("annotators")
    if isinstance(names, list) and 0 < number <= len(names) and isinstance(names[number - 1], str):
        return str(names[number - 1])
    return ""


def _objects(value: Any, what: str, where: str, problems: list[str]) -> list[tuple[int, dict[str, Any]]]:
    """The objects of a JSON list with their numbers in the file; anything else is reported."""
    if value is None:
        return []
    if not isinstance(value, list):
        problems.append(f"{where}: {what}s are not a list (not read)")
        return []
    found: list[tuple[int, dict[str, Any]]] = []
    for number, item in enumerate(value, 1):
        if isinstance(item, dict):
            found.append((number, item))
        else:
            problems.append(f"{where}, {what} {number}: not an object (not read)")
    return found


def _read_task(task: Any, where: str, problems: list[str], text_key: str | None) -> list[AnnotatedDocument]:
    if not isinstance(task, dict) or not isinstance(task.get("data"), dict):
        problems.append(f"{where}: not a Label Studio task (no data)")
        return []
    data: dict[str, Any] = task["data"]
    key = text_key or ("text" if isinstance(data.get("text"), str) else "")
    if not key:
        key = next((k for k, v in data.items() if isinstance(v, str)), "")
    text = data.get(key)
    if not isinstance(text, str):
        problems.append(f"{where}: the task has no text in data.{key or 'text'}")
        return []
    ident = data.get("doc_id", task.get("id"))
    doc_id = where if ident is None else str(ident)
    title = str(data.get("title", ""))
    meta = task.get("meta")
    metadata = dict(meta) if isinstance(meta, dict) else {}
    if meta is not None and not isinstance(meta, dict):
        problems.append(f"{where}: meta is not an object (not read)")
    for extra, extra_value in data.items():
        if extra not in (key, "doc_id", "title", "annotator", "annotators"):
            metadata.setdefault(extra, extra_value)
    annotations = _objects(task.get("annotations"), "annotation", where, problems)
    kind_of_record, status = "annotation", "done"
    if not annotations:
        annotations = _objects(task.get("predictions"), "prediction", where, problems)[:1]
        kind_of_record, status = "prediction", "new"
    if not annotations:
        annotations = [(1, {"result": []})]
    drafts = _objects(task.get("drafts"), "draft", where, problems)
    if drafts:
        problems.append(f"{where}: {len(drafts)} draft(s) (unsubmitted annotations) are not read")
    umap = utf16_map(text)
    docs: list[AnnotatedDocument] = []
    for a_number, annotation in annotations:
        record = f"{where}, {kind_of_record} {a_number}"
        doc = AnnotatedDocument(
            Document(doc_id, text, title, dict(metadata)),
            status="new" if annotation.get("was_cancelled") else status,
            annotator=_annotator(annotation.get("completed_by"))
            or _listed(data, a_number)
            or str(data.get("annotator", "")),
        )
        layout: dict[str, Any] = {"text_key": key}
        spans_of: dict[str, list[SpanRecord]] = {}
        results = _objects(annotation.get("result"), "result", record, problems)
        for r_number, result in results:
            here = f"{record}, result {r_number}"
            value: dict[str, Any] = result["value"] if isinstance(result.get("value"), dict) else {}
            kind = str(result.get("type", ""))
            # only <Labels> over <Text> counts characters: <ParagraphLabels> counts paragraphs,
            # <TimeSeriesLabels> time, <HyperTextLabels> XPaths (labelstud.io/tags/*)
            if kind == "labels":
                layout.setdefault("from_name", result.get("from_name", "label"))
                layout.setdefault("to_name", result.get("to_name", "text"))
                try:
                    start, end = int(value["start"]), int(value["end"])
                except (KeyError, TypeError, ValueError) as exc:
                    problems.append(f"{here}: unusable offsets ({exc})")
                    continue
                said = value.get("text")
                if isinstance(said, str) and said != text[start:end]:
                    try:
                        u_start, u_end = umap.to_codepoint(start), umap.to_codepoint(end)
                    except ValueError:
                        u_start = u_end = -1
                    if 0 <= u_start < u_end and text[u_start:u_end] == said:
                        problems.append(f"{here}: offsets {start}-{end} count UTF-16 units, not code points (read so)")
                        start, end = u_start, u_end
                if not 0 <= start < end <= len(text):
                    problems.append(f"{here}: offsets {value.get('start')}-{value.get('end')} are outside the text")
                    continue
                if "text" in value and value["text"] != text[start:end]:
                    problems.append(
                        f"{here}: says {str(value['text'])[:40]!r} but the text has {text[start:end][:40]!r} (kept)"
                    )
                region = str(result.get("id", f"r{r_number}"))
                named = value.get("labels") or []
                if isinstance(named, str):  # one name, not a list of its letters
                    named = [named]
                if not isinstance(named, list):
                    problems.append(f"{here}: labels {named!r} are not a list of names")
                    continue
                labels = [str(x) for x in named]
                if not labels:
                    problems.append(f"{here}: a region with no label")
                    continue
                meta = result.get("meta")
                note = ""
                if isinstance(meta, dict) and meta.get("text"):
                    note_value = meta["text"]
                    note = "\n".join(map(str, note_value)) if isinstance(note_value, list) else str(note_value)
                for n, label in enumerate(labels):
                    span = SpanRecord(region if n == 0 else f"{region}-{n}", label, start, end, note=note)
                    spans_of.setdefault(region, []).append(span)
                    doc.spans.append(span)
        for r_number, result in results:
            here = f"{record}, result {r_number}"
            kind = str(result.get("type", ""))
            value = result["value"] if isinstance(result.get("value"), dict) else {}
            if kind == "relation":
                source, target = str(result.get("from_id")), str(result.get("to_id"))
                if source not in spans_of or target not in spans_of:
                    problems.append(f"{here}: a relation to a missing region")
                    continue
                if result.get("direction") == "left":
                    source, target = target, source
                elif result.get("direction") == "bi":
                    problems.append(f"{here}: a two-way relation (kept as from -> to)")
                named = result.get("labels") or ["related"]
                label = str(named[0]) if isinstance(named, list) else str(named)
                doc.relations.append(
                    RelationRecord(f"r{r_number}", label, spans_of[source][0].id, spans_of[target][0].id)
                )
            elif kind in ("choices", "textarea", "rating", "number", "taxonomy"):
                region = str(result.get("id"))
                if region not in spans_of:
                    problems.append(f"{here}: a {kind} result outside any region is not read")
                    continue
                raw = value.get("choices" if kind == "choices" else "text", value.get(kind))
                if isinstance(raw, list) and len(raw) == 1:
                    raw = raw[0]
                for span in spans_of[region]:
                    span.attributes[str(result.get("from_name", kind))] = raw
            elif kind != "labels":
                problems.append(
                    f"{here}: " + (f"a {kind} result" if kind else "a result with no type") + " is not read"
                )
        doc.layout = {"labelstudio": layout}
        docs.append(doc)
    if not docs:
        return docs
    # one document, each annotation its coder's set (docs/team.md): the task's id and each
    # coder's completed_by as written, so that an export gives them back
    first = docs[0]
    kept: dict[str, Any] = first.layout["labelstudio"]
    for other in docs[1:]:
        for key, value in other.layout["labelstudio"].items():
            kept.setdefault(key, value)
    if task.get("id") is not None:
        kept["task_id"] = task["id"]
    completed = {
        doc.annotator: annotation["completed_by"]
        for doc, (_, annotation) in zip(docs, annotations, strict=True)
        if doc.annotator and _annotator(annotation.get("completed_by")) == doc.annotator
    }
    if completed:
        kept["completed_by"] = completed
    first.more_coders = docs[1:]
    return [first]


def _results(doc: AnnotatedDocument, from_name: str, to_name: str, report: WriteReport) -> list[dict[str, Any]]:
    text = doc.text
    results: list[dict[str, Any]] = []
    for span in sorted(doc.spans, key=lambda s: (s.start, -s.end, s.id)):
        value: dict[str, Any] = {
            "start": span.start,
            "end": span.end,
            "text": text[span.start : span.end],
            "labels": [span.label],
        }
        region: dict[str, Any] = {
            "id": span.id,
            "from_name": from_name,
            "to_name": to_name,
            "type": "labels",
            "value": value,
        }
        if span.note:
            region["meta"] = {"text": [span.note]}
        results.append(region)
        for key, attr in sorted(span.attributes.items()):
            choice = {"start": value["start"], "end": value["end"], "choices": [attr]}
            results.append({"id": span.id, "from_name": key, "to_name": to_name, "type": "choices", "value": choice})
    span_ids = {s.id for s in doc.spans}
    for rel in doc.relations:
        if rel.source not in span_ids or rel.target not in span_ids:
            report.leave_out("relations to missing spans")
            continue
        results.append(
            {
                "from_id": rel.source,
                "to_id": rel.target,
                "type": "relation",
                "direction": "right",
                "labels": [rel.type],
            }
        )
    return results


def task_to_json(doc: AnnotatedDocument, number: int | str, report: WriteReport) -> dict[str, Any]:
    """One task: `doc` and its `more_coders`, an `annotations` entry each, with the
    completed_by the import read for that coder (Label Studio's own: a user id or an object
    with `email`); a coder not from Label Studio is named in `data.annotator` (one coder)
    or `data.annotators` (several, in the order of the annotations)."""
    text = doc.text
    kept = doc.layout.get("labelstudio", {})
    from_name = str(kept.get("from_name", "label"))
    to_name = str(kept.get("to_name", "text"))
    completed = kept.get("completed_by")
    completed = completed if isinstance(completed, dict) else {}
    coders = [doc, *doc.more_coders]
    annotations: list[dict[str, Any]] = []
    unknown = False
    for coder in coders:
        annotation: dict[str, Any] = {"result": _results(coder, from_name, to_name, report)}
        if coder.annotator in completed:
            annotation["completed_by"] = completed[coder.annotator]
        elif coder.annotator:
            unknown = True
        annotations.append(annotation)
    data: dict[str, Any] = {str(kept.get("text_key", "text")): text, "doc_id": doc.document.id}
    if doc.document.title:
        data["title"] = doc.document.title
    if unknown and len(coders) == 1:
        data["annotator"] = doc.annotator
    elif unknown:
        data["annotators"] = [coder.annotator for coder in coders]
    task: dict[str, Any] = {"id": number, "data": data, "annotations": annotations}
    if doc.document.metadata:
        task["meta"] = doc.document.metadata
    return task


class LabelStudio:
    name = "labelstudio"
    description = "Label Studio JSON tasks (offsets in code points)"
    extensions: tuple[str, ...] = (".json",)
    can_read = True
    can_write = True

    def read(self, path: Path, options: dict[str, Any] | None = None) -> ReadResult:
        path = Path(path)
        try:
            data = json.loads(read_utf8(path))
        except FormatError as exc:
            return ReadResult([], [str(exc)])
        except json.JSONDecodeError as exc:
            return ReadResult([], [damaged_file(path, exc)])
        except RecursionError:
            return ReadResult([], [problem(path, None, "JSON nested too deeply; nothing was imported from this file")])
        text_key = (options or {}).get("text_key")
        result = ReadResult([])
        tasks = data if isinstance(data, list) else [data]
        for n, task in enumerate(tasks, 1):
            ident = task.get("id") if isinstance(task, dict) else None
            where = f"{path}: task {n}" + (f" (id {ident})" if ident is not None else "")
            result.documents += _read_task(task, where, result.problems, text_key)
        return result

    def write(
        self,
        docs: Iterable[AnnotatedDocument],
        out: Path,
        options: dict[str, Any] | None = None,
        progress: Progress | None = None,
    ) -> WriteReport:
        report = WriteReport()
        with atomic_text_writer(Path(out)) as handle:
            handle.write("[")
            used: set[Any] = set()
            for doc in docs:
                # the task's id as imported (Label Studio's own), else its place in the file
                ident = doc.layout.get("labelstudio", {}).get("task_id")
                if not isinstance(ident, (int, str)) or isinstance(ident, bool) or ident in used:
                    ident = report.written + 1
                    while ident in used:
                        ident += 1
                used.add(ident)
                task = task_to_json(doc, ident, report)
                for coder in [doc, *doc.more_coders]:
                    leave_out_entity_links(coder, report)
                handle.write(("\n" if not report.written else ",\n") + json.dumps(task, ensure_ascii=False))
                report.written += 1
                if progress:
                    progress(report.written)
            handle.write("\n]\n")
        return report


PROVIDES = (LabelStudio(),)
