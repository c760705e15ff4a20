"""A single article file and the annotation file kept beside it.

`ARTICLE.txt` is annotated into `ARTICLE.annotations.json` (the text embedded, so the
annotation file stands alone). The labels of a folder of articles come from an optional
`annotator-schema.json` in that folder, so a collection can change them without code.
"""

from __future__ import annotations

import json
import mmap
import os
import stat
from pathlib import Path
from typing import TYPE_CHECKING

from ..model import AnnotationSet, Document, Schema, SchemaError, Span, default_schema
from .first_frame import spans_before
from .names import journal_path
from .reading import MAX_FILE_BYTES, read_regular
from .textfile import TextFileError, read_text_file

if TYPE_CHECKING:
    from .store import AnnotationStore

SCHEMA_FILE = "annotator-schema.json"
MAX_SCHEMA_BYTES = 4 * 2**20  # a label set is kilobytes
SUFFIX = ".annotations.json"


def annotation_path_for(article: Path) -> Path:
    article = Path(article)
    if article.name.endswith(SUFFIX):
        return article
    return article.with_name(article.stem + SUFFIX)


def schema_for_folder(folder: Path) -> Schema:
    """The folder's annotator-schema.json, or the default labels. Raises SchemaError."""
    path = Path(folder) / SCHEMA_FILE
    if not path.exists():
        return default_schema()
    try:
        data = json.loads(read_regular(path, MAX_SCHEMA_BYTES).decode("utf-8-sig"))
    except RecursionError:
        raise SchemaError(f"{path}: unreadable JSON: nested too deeply") from None
    except (OSError, UnicodeDecodeError, ValueError) as exc:
        # ValueError: malformed JSON, an integer of thousands of digits, not a regular file
        reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc).split(";")[0]
        raise SchemaError(f"{path}: {reason}") from None
    try:
        return Schema.from_json(data)
    except SchemaError as exc:
        raise SchemaError(f"{path}: {exc}") from None
    except (TypeError, ValueError, OverflowError, RecursionError, AttributeError, KeyError) as exc:
        raise SchemaError(f"{path}: not a label set ({type(exc).__name__})") from None


def article_document(path: Path) -> Document:
    """The Document of an article file (id and title from its name). Raises TextFileError."""
    path = Path(path)
    text, _encoding = read_text_file(path)
    return Document(id=path.stem, title=path.stem, text=text, metadata={"source": path.name})


def article_to_annotate(path: Path) -> Document:
    """The Document of an article file with text to annotate. Raises TextFileError (the
    file missing, unreadable, binary, or empty: a blank page with no word to tag would only
    puzzle)."""
    document = article_document(path)
    if not document.text.strip():
        raise TextFileError(f"{path}: empty file, no text to annotate")
    return document


def open_article_store(path: Path, annotator: str = "", schema: Schema | None = None) -> tuple[AnnotationStore, str]:
    """Open an article or an annotation file for editing, as the window does: the journal
    replayed, spans re-anchored if the article's text changed. Returns the store and what
    opening recovered or moved ("" when nothing).

    Raises TextFileError, SchemaError, jsonformat.AnnotationFileError or StoreError.
    """
    return ArticleOpening.start(path, schema).finish(annotator)


class ArticleOpening:
    """Opening an article in two steps, so that the window can show its first screen
    before the slow part: `start` reads the article's text, `first_spans` the spans at the
    start of its annotation file without checking them (for that first frame only), and
    `finish` parses, checks and replays everything, as `open_article_store` does. Nothing
    is written before `finish`, and nothing from `first_spans` ever is."""

    def __init__(self, path: Path, schema: Schema, document: Document | None) -> None:
        self.path = path
        self.schema = schema
        self.document = document  # the article's text; None when `path` is an annotation file

    @classmethod
    def start(cls, path: Path, schema: Schema | None = None) -> ArticleOpening:
        """Raises TextFileError (the article cannot be read) or SchemaError."""
        path = Path(path)
        schema = schema or schema_for_folder(path.parent)
        document = None if path.name.endswith(SUFFIX) else article_to_annotate(path)
        return cls(path, schema, document)

    def first_spans(self, end: int) -> list[Span]:
        """The annotation file's spans that start before code point `end`, unchecked, as
        far as a quick look finds them (first_frame.spans_before); [] when there is no
        file, or a journal whose edits would change them. The file is looked at through a
        memory map, not copied: `finish` reads it, after the first frame."""
        sidecar = annotation_path_for(self.path)
        if self.document is None or journal_path(sidecar).exists():
            return []
        try:  # without blocking: a FIFO named like the file must not hang the window
            fd = os.open(sidecar, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
        except OSError:  # no file yet, or one `finish` will report
            return []
        try:
            st = os.fstat(fd)
            if not stat.S_ISREG(st.st_mode) or not 0 < st.st_size <= MAX_FILE_BYTES:
                return []  # `finish` says what is wrong with it
            with mmap.mmap(fd, 0, access=mmap.ACCESS_READ) as raw:
                return spans_before(raw, self.document.text, end)
        except (OSError, ValueError):
            return []
        finally:
            os.close(fd)

    def finish(self, annotator: str = "", foreign: str = "") -> tuple[AnnotationStore, str]:
        """The document opened for editing: the whole file parsed and checked, the journal
        replayed. Raises jsonformat.AnnotationFileError or StoreError (ForeignFileError: the
        annotation file beside the article is another's, unless `foreign="reanchor"`)."""
        # here, after the first frame: the store's module (its journal, its records) is
        # not needed to show the article
        from .store import AnnotationStore

        if self.document is None:
            store, recovery = AnnotationStore.open(self.path, self.schema)
            return store, recovery.message
        document, schema = self.document, self.schema
        return AnnotationStore.open_or_start(
            annotation_path_for(self.path),
            schema,
            document,
            lambda: AnnotationSet(document, annotator, schema),
            foreign=foreign,
        )


def open_article(path: Path, annotator: str = "", schema: Schema | None = None) -> AnnotationSet:
    """Read an article's annotations without opening them for editing (scripts, checks).

    Strict: annotations made on a text other than the article's are refused, not moved
    (open_article_store, the window's way in, re-anchors them).
    Raises TextFileError, SchemaError or jsonformat.AnnotationFileError with a clear message.
    """
    from . import jsonformat  # here: the window's first frame needs none of it

    path = Path(path)
    schema = schema or schema_for_folder(path.parent)
    sidecar = annotation_path_for(path)
    if path.name.endswith(SUFFIX) or (sidecar.exists() and not path.exists()):
        return jsonformat.load(sidecar, schema)
    document = article_document(path)
    if sidecar.exists():
        aset = jsonformat.load(sidecar, schema)
        if aset.document.text != document.text:
            raise jsonformat.AnnotationFileError(
                sidecar,
                [
                    jsonformat.Problem(
                        "$.document.text_sha256",
                        f"these annotations were made on a different text than {path.name}",
                    )
                ],
            )
        return aset
    return AnnotationSet(document, annotator, schema)
