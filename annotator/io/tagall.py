"""What a project-wide Tag all will do, before it does it.

Of a search's hits, how many will be tagged (fresh), how many already carry the label
(same: never tagged twice) and how many carry only other labels (other: left as they are
unless the coder asks), decided as ``AnnotationSet.add_spans`` decides: by the labels of
the spans over exactly the hit, trimmed as the tagging trims it. Cheap where it can be: a
document without a saved span (most of a project) is known from the project's index to
have nothing to compare, so only the files that hold spans are read (Project.saved_spans),
and a document's text only when a hit starts or ends on a character tagging trims.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field

from ..persian.segment import is_trimmable, trim
from .project import Project, SearchHit

Range = tuple[int, int]


@dataclass(frozen=True)
class TagAllPlan:
    label: str
    ranges: dict[str, list[Range]] = field(default_factory=dict)  # per document: the hits, trimmed
    fresh: int = 0  # to be tagged
    same: int = 0  # already tagged with the label
    other: int = 0  # tagged only with other labels: left unless asked
    documents: int = 0  # documents with a fresh one
    documents_other: int = 0  # documents with one of `other` and no fresh one


def _trimmed(project: Project, doc_id: str, hits: Sequence[SearchHit]) -> list[Range]:
    """The hits' ranges as tagging takes them (edges trimmed, empty ones dropped, each once)."""
    edgy = any(h.match and (is_trimmable(h.match[0]) or is_trimmable(h.match[-1])) for h in hits)
    if edgy:  # the listed match folds runs of white space: trim on the stored text
        text = project.load_document(doc_id).text
        ranges = [trim(text, h.start, h.end) for h in hits]
    else:
        ranges = [(h.start, h.end) for h in hits]
    return list(dict.fromkeys(r for r in ranges if r[1] > r[0]))


def plan_tag_all(
    project: Project,
    annotator: str,
    label: str,
    hits: Iterable[SearchHit],
    open_spans: Mapping[str, Iterable[tuple[str, int, int]]] | None = None,
) -> TagAllPlan:
    """Count what tagging `hits` with `label` as `annotator` does. `open_spans`: the spans
    of documents open in the window (their memory may be ahead of their files)."""
    by_document: dict[str, list[SearchHit]] = {}
    for hit in hits:
        by_document.setdefault(hit.document_id, []).append(hit)
    open_spans = open_spans or {}
    saved = project.saved_spans(annotator, (d for d in by_document if d not in open_spans))
    ranges: dict[str, list[Range]] = {}
    fresh = same = other = documents = documents_other = 0
    for doc_id, doc_hits in by_document.items():
        ranges[doc_id] = wanted = _trimmed(project, doc_id, doc_hits)
        coded: dict[Range, set[str]] = {}
        for lb, start, end in open_spans.get(doc_id, saved.get(doc_id, ())):
            coded.setdefault((start, end), set()).add(lb)
        here_fresh = here_other = 0
        for r in wanted:
            labels = coded.get(r)
            if not labels:
                here_fresh += 1
            elif label in labels:
                same += 1
            else:
                here_other += 1
        fresh += here_fresh
        other += here_other
        documents += bool(here_fresh)
        documents_other += bool(here_other and not here_fresh)
    return TagAllPlan(label, ranges, fresh, same, other, documents, documents_other)
