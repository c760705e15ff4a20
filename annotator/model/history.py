"""Undo histories of the documents a session has left, so that coming back to one (or a
project-wide Tag all that changed it in the background) can still be undone.

A history is kept with what it ends in (a fingerprint the caller makes: the saved file's
hash, the text's, the schema) and given back only when the document reopens in exactly
that state: another coder's or program's change to the file since makes the old history
invalid, and it is dropped. Memory stays bounded: at most MAX_DOCUMENTS histories and
MAX_OPS operations in all (each op holds one span or relation), the oldest left first.
"""

from __future__ import annotations

from collections import OrderedDict

from .commands import History

MAX_DOCUMENTS = 1000  # a Tag all over a large project keeps each document's step
MAX_OPS = 50_000  # tens of MB at most, however long the day


class KeptHistories:
    def __init__(self, max_documents: int = MAX_DOCUMENTS, max_ops: int = MAX_OPS) -> None:
        self.max_documents = max_documents
        self.max_ops = max_ops
        # document id -> (history, what it ends in, its op count); oldest first
        self._kept: OrderedDict[str, tuple[History, object, int]] = OrderedDict()
        self._ops = 0

    def keep(self, doc_id: str, history: History, ends_in: object) -> None:
        """Set a document's history aside (an empty one, or one nothing can check, is not kept)."""
        self.drop(doc_id)
        if not history.commands or ends_in is None:
            return
        ops = history.op_count()
        if ops > self.max_ops:
            return  # larger than the whole allowance: not kept
        self._kept[doc_id] = (history, ends_in, ops)
        self._ops += ops
        while len(self._kept) > self.max_documents or self._ops > self.max_ops:
            _oldest, (_h, _e, dropped) = self._kept.popitem(last=False)
            self._ops -= dropped

    def take(self, doc_id: str, now: object) -> History | None:
        """The document's history if the document is now exactly what it ends in; else
        None (and a stale history is forgotten)."""
        entry = self._kept.get(doc_id)
        if entry is None:
            return None
        self.drop(doc_id)
        history, ends_in, _ops = entry
        return history if now is not None and now == ends_in else None

    def drop(self, doc_id: str) -> None:
        entry = self._kept.pop(doc_id, None)
        if entry is not None:
            self._ops -= entry[2]

    def __contains__(self, doc_id: object) -> bool:
        return doc_id in self._kept

    def __len__(self) -> int:
        return len(self._kept)

    @property
    def op_count(self) -> int:
        return self._ops
