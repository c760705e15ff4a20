"""Hypothesis fuzzes every importer: random bytes and mutated samples.

Each interchange format reader and each plain-article importer gets random bytes and
small real-looking files with bytes flipped, cut, repeated or spliced. Only reported
problems may come out (a ReadResult's problems, a SourceResult's problems, or the one
documented error type with a message naming the file), and a project imported into is
byte-identical afterwards whenever the import added nothing.

The samples are made here (by the formats' own writers, from a small hand-made
document), not read from ../shared. ANNOTATOR_FUZZ_EXAMPLES sets the number of cases per
test: a few dozen in the normal run, thousands in the stress run (tests/stress/fuzz.sh).
"""

from __future__ import annotations

import tempfile
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from annotator.io import formats
from annotator.io.formats import AnnotatedDocument, RelationRecord, SpanRecord
from annotator.io.formats.base import FormatError, ReadResult
from annotator.io.importers import SourceError, SourceResult, read_source
from annotator.io.project import Project
from annotator.model import Document

from .helpers import fuzz_examples, snapshot

EXAMPLES = fuzz_examples(30)
FUZZ = settings(
    max_examples=EXAMPLES,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
    derandomize=EXAMPLES <= 100,  # the normal run is repeatable; the stress run explores
)

TEXT = "وزیر امور خارجه ایران در تهران گفت 😀 که مذاکرات ادامه دارد.\nسخنگوی دولت در مشهد."


def sample_document() -> AnnotatedDocument:
    minister = TEXT.index("وزیر")
    tehran = TEXT.index("تهران")
    claim = TEXT.index("مذاکرات")
    return AnnotatedDocument(
        Document("khabar-1", TEXT, "خبر"),
        [
            SpanRecord("s1", "actor", minister, minister + len("وزیر امور خارجه ایران")),
            SpanRecord("s2", "location", tehran, tehran + 5),
            SpanRecord("s3", "claim", claim, claim + len("مذاکرات ادامه دارد")),
        ],
        [RelationRecord("r1", "claimed_by", "s3", "s1")],
    )


# file name each reader is fed, and the writer output it is made from
READABLE = {
    "jsonl": ("x.jsonl", "out.jsonl"),
    "brat": ("x.ann", "out"),
    "conll": ("x.conll", "out.txt"),
    "doccano": ("x.jsonl", "out.jsonl"),
    "labelstudio": ("x.json", "out.json"),
    "webanno": ("x.tsv", "out"),
    "json": ("x.annotations.json", "out"),
    "spacy": ("x.jsonl", "out.jsonl"),
}


def _interchange_samples() -> dict[str, bytes]:
    found: dict[str, bytes] = {}
    with tempfile.TemporaryDirectory() as folder:
        for name, (_, out) in READABLE.items():
            target = Path(folder) / name / out
            target.parent.mkdir()
            formats.get(name).write([sample_document()], target)
            files = [target] if target.is_file() else sorted(p for p in target.rglob("*") if p.is_file())
            wanted = {"brat": ".ann"}.get(name)
            chosen = next(f for f in files if wanted is None or f.suffix == wanted)
            found[name] = chosen.read_bytes()
    return found


INTERCHANGE = _interchange_samples()

ARTICLE_SAMPLES = {
    "txt": ("x.txt", f"عنوان خبر\n{TEXT}\n".encode()),
    "json": ("x.json", f'[{{"title": "خبر", "body": "{TEXT}", "url": "http://x/1", "tags": ["a"]}}]'.encode()),
    "jsonl": ("x.jsonl", f'{{"title": "خبر", "text": "{TEXT}"}}\n{{"text": "دوم"}}\n'.encode()),
    "csv": ("x.csv", f'title,text,date\nخبر,"{TEXT}",1402/01/01\n'.encode()),
    "html": (
        "x.html",
        f"<html><head><title>خبر</title></head><body><article><p>{TEXT}</p></article></body></html>".encode(),
    ),
}


def mutated(sample: bytes) -> st.SearchStrategy[bytes]:
    """The sample with a few edits: bytes flipped, a stretch cut, repeated or replaced."""

    @st.composite
    def build(draw: st.DrawFn) -> bytes:
        raw = bytearray(sample)
        for _ in range(draw(st.integers(1, 4))):
            if not raw:
                break
            at = draw(st.integers(0, len(raw) - 1))
            kind = draw(st.sampled_from(["flip", "cut", "repeat", "insert", "truncate"]))
            if kind == "flip":
                raw[at] = draw(st.integers(0, 255))
            elif kind == "cut":
                del raw[at : at + draw(st.integers(1, 40))]
            elif kind == "repeat":
                raw[at:at] = raw[at : at + draw(st.integers(1, 40))]
            elif kind == "insert":
                raw[at:at] = draw(
                    st.sampled_from(
                        [b"\x00", b"\xff\xfe", b"{", b"]", b'"', b"\t", b"\n", b"-1", b"99999999999", b"null",
                         b"\xd9", "\u200c".encode(), b"\r\n", b"|", b"#"]
                    )
                )  # fmt: skip
            else:
                del raw[at:]
        return bytes(raw)

    return build()


def inputs(sample: bytes) -> st.SearchStrategy[bytes]:
    return st.one_of(st.binary(max_size=300), mutated(sample))


def check_read_result(result: ReadResult) -> None:
    assert isinstance(result, ReadResult)
    assert all(isinstance(p, str) and p for p in result.problems)
    for doc in result.documents:
        for span in doc.spans:
            assert 0 <= span.start <= span.end <= len(doc.text), (span, len(doc.text))


def check_source_result(result: SourceResult) -> None:
    assert isinstance(result, SourceResult)
    assert all(isinstance(p, str) and p for p in result.problems)
    assert all(a.text for a in result.articles)


class Projects:
    """A project to import into, made afresh when fuzzing has filled it a little."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.made = 0
        self.project = self.fresh()

    def fresh(self) -> Project:
        self.made += 1
        return Project.create(self.folder / f"proj{self.made}", "fuzz")

    def current(self) -> Project:
        if len(self.project) > 10:
            self.project = self.fresh()
        return self.project


@pytest.fixture(scope="module")
def projects(tmp_path_factory: pytest.TempPathFactory) -> Projects:
    return Projects(tmp_path_factory.mktemp("fuzz"))


def import_keeps_project_on_failure(projects: Projects, path: Path, fmt: str) -> None:
    """Import through the project; when nothing was added, nothing changed."""
    project = projects.current()
    before = snapshot(project.path)
    report = project.import_sources([path], fmt=fmt)
    assert all(isinstance(p, str) and p for p in report.problems)
    if not report.added:
        assert snapshot(project.path) == before
    assert not list(project.path.glob(".import-*"))  # no staging folder left behind


def fuzz_file(folder: Path, name: str, raw: bytes) -> Path:
    path = folder / name
    path.write_bytes(raw)
    return path


def make_interchange_test(name: str) -> Callable[..., None]:
    file_name, _ = READABLE[name]

    @FUZZ
    @given(raw=inputs(INTERCHANGE[name]))
    def test(projects: Projects, raw: bytes) -> None:
        with tempfile.TemporaryDirectory() as folder:
            path = fuzz_file(Path(folder), file_name, raw)
            if name == "brat":  # the .ann is fuzzed; its text sits beside it
                (Path(folder) / "x.txt").write_text(TEXT, encoding="utf-8")
            try:
                check_read_result(formats.get(name).read(path))
            except FormatError as exc:
                assert str(path) in str(exc) or path.name in str(exc)
            import_keeps_project_on_failure(projects, path, name)

    test.__name__ = f"test_fuzz_{name}_reader"
    return test


def make_article_test(name: str) -> Callable[..., None]:
    file_name, sample = ARTICLE_SAMPLES[name]

    @FUZZ
    @given(raw=inputs(sample))
    def test(projects: Projects, raw: bytes) -> None:
        with tempfile.TemporaryDirectory() as folder:
            path = fuzz_file(Path(folder), file_name, raw)
            try:
                check_source_result(read_source(path, name))
            except SourceError as exc:
                assert str(path) in str(exc)
            import_keeps_project_on_failure(projects, path, name)

    test.__name__ = f"test_fuzz_{name}_article_importer"
    return test


for _name in READABLE:
    globals()[f"test_fuzz_{_name}_reader"] = make_interchange_test(_name)
for _name in ARTICLE_SAMPLES:
    globals()[f"test_fuzz_{_name}_article_importer"] = make_article_test(_name)


def test_every_readable_format_and_importer_is_fuzzed() -> None:
    from annotator.io.importers import FORMATS as ARTICLE_FORMATS

    assert set(READABLE) == set(formats.names(readable=True))
    assert set(ARTICLE_SAMPLES) == set(ARTICLE_FORMATS)
