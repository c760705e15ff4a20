"""Reading article files in the encodings Persian text comes in; articles and their
annotation files; a collection's own label set (annotator-schema.json)."""

from __future__ import annotations

import codecs
import json
import random
from pathlib import Path

import pytest

from annotator.io import jsonformat
from annotator.io.article import (
    SCHEMA_FILE,
    annotation_path_for,
    open_article,
    schema_for_folder,
)
from annotator.io.jsonformat import AnnotationFileError
from annotator.io.textfile import TextFileError, decode_text, read_text_file
from annotator.model import SchemaError, Status, default_schema

# real Persian news prose
PERSIAN = (
    "به گزارش خبرگزاری ایرنا، وزیر امور خارجه روز دوشنبه در تهران گفت که گفت\u200cوگوها "
    "با کشورهای همسایه ادامه می\u200cیابد.\n"
    "او افزود: «هیچ تصمیمی بدون مشورت گرفته نمی\u200cشود.»\n"
)
# Windows-1256 has every letter of it (ZWNJ, پ چ ژ ک گ included) except the Persian yeh ی,
# which Windows writes as the Arabic yeh ي; so does a real Windows-1256 file
PERSIAN_1256 = PERSIAN.replace("ی", "ي")


def write(tmp_path: Path, name: str, raw: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(raw)
    return path


@pytest.mark.parametrize(
    ("raw", "encoding"),
    [
        (PERSIAN.encode("utf-8"), "utf-8"),
        (codecs.BOM_UTF8 + PERSIAN.encode("utf-8"), "utf-8-sig"),
        (codecs.BOM_UTF16_LE + PERSIAN.encode("utf-16-le"), "utf-16"),
        (codecs.BOM_UTF16_BE + PERSIAN.encode("utf-16-be"), "utf-16"),
        (PERSIAN.encode("utf-16-le"), "utf-16"),
        (PERSIAN.encode("utf-16-be"), "utf-16"),
        (codecs.BOM_UTF32_LE + PERSIAN.encode("utf-32-le"), "utf-32"),
        (codecs.BOM_UTF32_BE + PERSIAN.encode("utf-32-be"), "utf-32"),
    ],
    ids=["utf8", "utf8-bom", "utf16le-bom", "utf16be-bom", "utf16le", "utf16be", "utf32le-bom",
         "utf32be-bom"],
)  # fmt: skip
def test_unicode_encodings(tmp_path: Path, raw: bytes, encoding: str) -> None:
    text, found = read_text_file(write(tmp_path, "a.txt", raw))
    assert text == PERSIAN
    assert found == encoding
    assert not text.startswith("\ufeff")


def test_windows_1256_persian() -> None:
    raw = PERSIAN_1256.encode("cp1256")
    with pytest.raises(UnicodeDecodeError):
        raw.decode("utf-8")
    text, encoding = decode_text(raw, "a.txt")
    assert text == PERSIAN_1256
    assert encoding == "cp1256"


@pytest.mark.parametrize("ending", ["\r\n", "\r"])
def test_line_endings_become_newlines(ending: str) -> None:
    for encoding in ("utf-8", "utf-16", "cp1256"):
        text, _ = decode_text(PERSIAN_1256.replace("\n", ending).encode(encoding), "a.txt")
        assert text == PERSIAN_1256


def test_empty_file_is_empty_text(tmp_path: Path) -> None:
    assert read_text_file(write(tmp_path, "a.txt", b"")) == ("", "utf-8")


@pytest.mark.parametrize(
    "raw",
    [
        b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00" + bytes(range(256)) * 4,
        b"\x7fELF\x02\x01\x01\x00" + b"\x00" * 8 + bytes(range(256)),
        random.Random(7).randbytes(4096),
        b"PK\x03\x04\x14\x00\x00\x00\x08\x00" + random.Random(8).randbytes(500),
        b"\xff\xfe\x00\xd8",  # a UTF-16 mark followed by half a surrogate pair
    ],
    ids=["png", "elf", "random", "zip", "broken-utf16"],
)
def test_binary_garbage_is_a_text_file_error_naming_the_file(tmp_path: Path, raw: bytes) -> None:
    path = write(tmp_path, "picture.txt", raw)
    with pytest.raises(TextFileError) as info:
        read_text_file(path)
    message = str(info.value)
    assert message.startswith(f"{path}: ")
    assert "\n" not in message


def test_unreadable_file_is_a_text_file_error(tmp_path: Path) -> None:
    with pytest.raises(TextFileError, match=r"missing\.txt: cannot read: No such file"):
        read_text_file(tmp_path / "missing.txt")
    with pytest.raises(TextFileError, match="cannot read"):
        read_text_file(tmp_path)  # a folder


# ---- articles and their annotation files -------------------------------------------------


def test_annotation_path_sits_beside_the_article() -> None:
    assert annotation_path_for(Path("news/a.txt")) == Path("news/a.annotations.json")
    assert annotation_path_for(Path("news/a.b.txt")) == Path("news/a.b.annotations.json")
    assert annotation_path_for(Path("news/a.annotations.json")) == Path("news/a.annotations.json")


def test_opening_a_new_article_starts_empty(tmp_path: Path) -> None:
    path = write(tmp_path, "khabar.txt", PERSIAN_1256.replace("\n", "\r\n").encode("cp1256"))
    aset = open_article(path, annotator="مریم")
    assert aset.text == PERSIAN_1256
    assert aset.document.id == "khabar" and aset.document.title == "khabar"
    assert aset.document.metadata == {"source": "khabar.txt"}
    assert aset.annotator == "مریم"
    assert aset.span_count() == 0 and aset.status is Status.NEW
    assert not (tmp_path / "khabar.annotations.json").exists()  # opening writes nothing


def test_reopening_restores_the_saved_annotations(tmp_path: Path) -> None:
    path = write(tmp_path, "khabar.txt", PERSIAN.encode("utf-8"))
    aset = open_article(path)
    aset.add_span("location", PERSIAN.index("تهران"), PERSIAN.index(" گفت"))
    jsonformat.save(aset, annotation_path_for(path))
    again = open_article(path)
    assert again.spans() == aset.spans()
    assert again.status is Status.IN_PROGRESS
    # the annotation file opens on its own too, and without the article
    assert open_article(annotation_path_for(path)).spans() == aset.spans()
    path.unlink()
    assert open_article(path).spans() == aset.spans()


def test_annotations_made_on_another_text_are_refused(tmp_path: Path) -> None:
    path = write(tmp_path, "khabar.txt", PERSIAN.encode("utf-8"))
    aset = open_article(path)
    aset.add_span("actor", 0, 2)
    jsonformat.save(aset, annotation_path_for(path))
    path.write_text(PERSIAN + "ویرایش شد.\n", encoding="utf-8")
    with pytest.raises(AnnotationFileError) as info:
        open_article(path)
    assert str(info.value) == (
        f"{annotation_path_for(path)}: $.document.text_sha256: these annotations were made on "
        "a different text than khabar.txt"
    )


def test_a_broken_sidecar_is_reported_not_overwritten(tmp_path: Path) -> None:
    path = write(tmp_path, "khabar.txt", PERSIAN.encode("utf-8"))
    sidecar = write(tmp_path, "khabar.annotations.json", b"{broken")
    with pytest.raises(AnnotationFileError, match="not valid JSON"):
        open_article(path)
    assert sidecar.read_bytes() == b"{broken"


# ---- annotator-schema.json -----------------------------------------------------------------

COLLECTION_SCHEMA = {
    "labels": [
        {"id": "person", "name_fa": "شخص", "name_en": "Person", "color": "#aa0000",
         "shortcut": "1"},
        {"id": "org", "name_fa": "سازمان", "color": "#00aa00", "shortcut": "2"},
        {"id": "quote", "kind": "claim"},
    ],
    "relation_types": [{"id": "said_by", "from_labels": ["quote"], "to_labels": ["person"]}],
    "attributes": [{"id": "stance", "labels": ["quote"], "values": ["for", "against"]}],
}  # fmt: skip


def test_without_a_schema_file_the_default_labels_apply(tmp_path: Path) -> None:
    assert schema_for_folder(tmp_path) == default_schema()


def test_a_collection_schema_file_sets_the_labels(tmp_path: Path) -> None:
    (tmp_path / SCHEMA_FILE).write_text(json.dumps(COLLECTION_SCHEMA, ensure_ascii=False), encoding="utf-8")
    schema = schema_for_folder(tmp_path)
    assert schema.label_ids == ("person", "org", "quote")
    assert schema.label("org") is not None and schema.label("org").name_en == "org"  # type: ignore[union-attr]
    assert schema.label("quote").kind == "claim"  # type: ignore[union-attr]
    assert schema.relation_type("said_by").to_labels == ("person",)  # type: ignore[union-attr]
    assert schema.attributes[0].values == ("for", "against")
    # the schema round-trips through its own JSON form
    assert type(schema).from_json(schema.to_json()) == schema

    article = write(tmp_path, "a.txt", PERSIAN.encode("utf-8"))
    aset = open_article(article)
    aset.add_span("person", 0, 2)
    with pytest.raises(ValueError, match="unknown label 'actor'"):
        aset.add_span("actor", 0, 2)


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        (b"{not json", "Expecting property name"),
        (json.dumps({"labels": "actor"}).encode(), "a schema is an object with a list of 'labels'"),
        (json.dumps({"labels": [{"name_en": "x"}]}).encode(), "malformed schema"),
        (json.dumps({"labels": [{"id": "a"}, {"id": "a"}]}).encode(), "label ids must be unique"),
        (
            json.dumps({"labels": [{"id": "a", "shortcut": "1"}, {"id": "b", "shortcut": "1"}]}).encode(),
            "share a keyboard shortcut",
        ),
        (json.dumps({"labels": [{"id": "a", "kind": "blob"}]}).encode(), "malformed schema"),
        ("نه".encode("cp1256"), "can't decode"),
    ],
)
def test_a_bad_schema_file_is_a_schema_error_naming_it(tmp_path: Path, content: bytes, reason: str) -> None:
    (tmp_path / SCHEMA_FILE).write_bytes(content)
    with pytest.raises(SchemaError) as info:
        schema_for_folder(tmp_path)
    assert str(info.value).startswith(f"{tmp_path / SCHEMA_FILE}: ")
    assert reason in str(info.value)
    with pytest.raises(SchemaError):
        open_article(write(tmp_path, "a.txt", PERSIAN.encode("utf-8")))


def test_the_editing_way_in_reanchors_where_the_strict_one_refuses(tmp_path: Path) -> None:
    from annotator.io.article import open_article_store

    path = write(tmp_path, "khabar.txt", PERSIAN.encode("utf-8"))
    store, message = open_article_store(path)
    assert message == "" and not annotation_path_for(path).exists()  # nothing written yet
    store.aset.add_span("actor", 0, 2)
    store.close()
    path.write_text("خبر. " + PERSIAN, encoding="utf-8")
    with pytest.raises(AnnotationFileError):
        open_article(path)
    store, message = open_article_store(path)
    [span] = store.aset.spans()
    assert (span.start, span.text) == (len("خبر. "), PERSIAN[:2]) and message
    store.detach()
