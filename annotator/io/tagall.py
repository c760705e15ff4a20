"""What a project-wide Tag all will do, before it does it.

Of a search's hits, how many will be tagged (fresh), how many already carry the label
(same: never tagged twice) and how many carry only other labels (other: left as they are
unless the coder asks), decided as ``AnnotationSet.add_spans`` decides: by the labels of
the spans over exactly the hit, trimmed as the tagging trims it. Cheap where it can be: a
document without a saved span (most of a project) is known from the project's index to
have nothing to compare, so only the files that hold spans are read (Project.saved_spans),
and a document's text only when a hit starts or ends on a character tagging trims.

Documents the coder marked done are counted apart (``done``, from the same index, at no
extra reading): a bulk tagging leaves them as they are unless the coder asks.
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
    counts: dict[str, tuple[int, int]] = field(default_factory=dict)  # per document: (fresh, other)
    done: frozenset[str] = frozenset()  # documents with a hit that the coder marked done

    def tagged(self, also_other: bool = False, also_done: bool = False) -> tuple[int, int]:
        """(hits, documents) that tagging would tag: hits with another label only when
        `also_other`, documents marked done only when `also_done`."""
        hits = documents = 0
        for doc_id, (fresh, other) in self.counts.items():
            if doc_id in self.done and not also_done:
                continue
            here = fresh + (other if also_other else 0)
            hits += here
            documents += bool(here)
        return hits, documents

    def in_done(self, also_other: bool = False) -> tuple[int, int]:
        """(hits, documents) among the documents marked done that tagging them would tag."""
        everywhere = self.tagged(also_other, also_done=True)
        elsewhere = self.tagged(also_other, also_done=False)
        return everywhere[0] - elsewhere[0], everywhere[1] - elsewhere[1]


@dataclass(frozen=True)
class TagAllResult:
    """What a project-wide Tag all did."""

    added: int = 0  # spans added
    changed: int = 0  # documents they were added to
    left_other: int = 0  # hits left because another label covers exactly them
    left_done: int = 0  # hits left because their document is marked done
    left_done_documents: int = 0  # those documents


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
    open_done: Mapping[str, bool] | None = None,
) -> TagAllPlan:
    """Count what tagging `hits` with `label` as `annotator` does. `open_spans`, `open_done`:
    the spans and whether done of documents open in the window (their memory may be ahead
    of their files)."""
    by_document: dict[str, list[SearchHit]] = {}
    for hit in hits:
        by_document.setdefault(hit.document_id, []).append(hit)
    open_spans = open_spans or {}
    opening = project.opening_state(annotator, by_document, skip_spans=open_spans)
    saved = opening.spans
    done = {d for d in by_document if (open_done or {}).get(d, d in opening.done)}
    ranges: dict[str, list[Range]] = {}
    counts: dict[str, tuple[int, int]] = {}
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
        counts[doc_id] = (here_fresh, here_other)
        fresh += here_fresh
        other += here_other
        documents += bool(here_fresh)
        documents_other += bool(here_other and not here_fresh)
    return TagAllPlan(label, ranges, fresh, same, other, documents, documents_other, counts, frozenset(done))
