"""What io reports of an import or an export is said in the Persian window in Persian (a
coder read an export's whole summary and an import's problems in English), translated at
the window from io's English phrases (io stays free of Qt); the English window says what
the command line says."""

from __future__ import annotations

import ast
import inspect
import re
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QInputDialog

import annotator.io.formats as formats_package
from annotator.io.formats import base
from annotator.io.formats.base import WriteReport
from annotator.ui.bidi import FSI, PDI
from annotator.ui.io_messages import IoMessages, say
from annotator.ui.theme import install_language

from .conftest import double_click_word, open_in_window, type_text
from .test_project_window import make_project

FORMATS = Path(formats_package.__file__).parent


def _template(node: ast.expr, module: Any) -> list[str]:
    """The phrase(s) an argument can be: a string, an f-string with {} for each value, a
    module constant, or either branch of a conditional."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return [node.value]
    if isinstance(node, ast.JoinedStr):
        return ["".join(v.value if isinstance(v, ast.Constant) else "{}" for v in node.values)]
    if isinstance(node, ast.Name):
        return [getattr(module, node.id)]
    if isinstance(node, ast.IfExp):
        return _template(node.body, module) + _template(node.orelse, module)
    raise AssertionError(f"{module.__name__}: cannot read the phrase {ast.unparse(node)}")


def reported_phrases() -> set[str]:
    """Every phrase io's writers can put in a WriteReport, read from their source."""
    import importlib

    found: set[str] = set()
    for path in sorted(FORMATS.glob("*.py")):
        name = "annotator.io.formats" + ("" if path.stem == "__init__" else f".{path.stem}")
        module = importlib.import_module(name)
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Call):
                continue
            name = node.func.attr if isinstance(node.func, ast.Attribute) else getattr(node.func, "id", "")
            if name in ("leave_out", "note", "change") and node.args:
                found.update(_template(node.args[0], module))
            elif name == "leave_out_entity_links" and len(node.args) == 3:  # why they were left out
                found.update(_template(node.args[2], module))
    found.add(inspect.signature(base.leave_out_entity_links).parameters["why"].default)
    return found


def test_every_phrase_an_export_can_report_is_translated(qapp: Any) -> None:
    phrases = reported_phrases()
    assert len(phrases) > 30 and "tokens split at span edges so that the spans are exact" in phrases
    known = IoMessages().phrases()
    assert not phrases - set(known), "add these to ui/io_messages.py and scripts/update_translations.py"
    install_language("fa")
    translated = IoMessages().phrases()
    assert not [p for p in phrases if translated[p] == p.replace("{}", "%1")], "untranslated"


def a_report() -> WriteReport:
    report = WriteReport(written=3)
    report.change("tokens split at span edges so that the spans are exact", 8)
    report.leave_out("span labels (the layer custom.Span has no feature)", 2)
    report.leave_out("entity links of mentions (BIO has no place for them)", 1)
    report.leave_out("a phrase a newer writer reports", 4)
    report.note("documents read in different layouts (conll2003, arman): all written in one standard layout", 2)
    return report


def test_the_english_window_says_what_the_command_line_says(qapp: Any) -> None:
    install_language("en")
    report = a_report()
    # but for "document(s)", which the command line keeps for scripts
    assert IoMessages().export_lines(report) == [
        line.replace("3 document(s)", "3 documents").replace("2 document(s)", "2 documents")
        for line in report.summary()
    ]


def test_the_persian_window_says_it_in_persian(qapp: Any) -> None:
    install_language("fa")
    assert IoMessages().export_lines(a_report()) == [
        "۳ سند نوشته شد",
        "۸ توکن در لبهٔ بازه‌ها شکسته شد تا بازه‌ها دقیق باشند",
        f"کنار ماند: ۴ {FSI}a phrase a newer writer reports{PDI}",  # as written, in its own direction
        "کنار ماند: ۱ پیوند اشاره به موجودیت (BIO جایی برای آن ندارد)",
        f"کنار ماند: ۲ برچسب بازه (لایهٔ {FSI}custom.Span{PDI} ویژگی‌ای ندارد)",
        f"یادآوری: سندها با چیدمان‌های گوناگون خوانده شده بود ({FSI}conll2003, arman{PDI}): همه با یک چیدمان"
        " استاندارد نوشته شد (۲ سند)",
    ]
    # a value that looks like a place in the translation stays a value
    assert say("%2: the file is empty") == f"{FSI}%2{PDI}: پرونده خالی است"


def latin_outside_isolates(text: str) -> list[str]:
    """Latin words of the text that are not inside an isolate (a file's name, a value)."""
    bare = re.sub(f"{FSI}[^{PDI}]*{PDI}", "", text)
    return [w for w in re.findall("[A-Za-z][A-Za-z.]*", bare) if w not in {"BIO", "CSV", "CoNLL"}]


def choose(monkeypatch: pytest.MonkeyPatch, name: str) -> None:
    """The format dialog (Export's, Import's) answered with the format `name`."""

    def pick(_parent: Any, _title: str, _label: str, items: list[str], *_args: Any) -> tuple[str, bool]:
        return next(item for item in items if item.split(": ", 1)[0] == name), True

    monkeypatch.setattr(QInputDialog, "getItem", pick)


def test_an_export_from_the_persian_window_is_summed_up_in_persian(
    qtbot: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = open_in_window(qtbot, make_project(tmp_path), size=(1366, 768))
    window.set_language("fa", save=False)
    aset = window.annotations
    assert aset is not None
    double_click_word(qtbot, window.view, aset.text.index("بغداد") + 1)
    qtbot.keyClick(window.view, Qt.Key.Key_2)
    qtbot.keyClick(window.view, Qt.Key.Key_N)  # a note, which BIO cannot hold
    type_text(window.note_edit, "پایتخت")
    qtbot.keyClick(window.note_edit, Qt.Key.Key_Return)
    out = tmp_path / "out.conll"
    choose(monkeypatch, "conll")
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *_a, **_k: (str(out), ""))
    qtbot.keyClick(window.view, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)  # File ▸ Export
    qtbot.waitUntil(out.exists)
    said = window.last_message
    assert "۳ سند نوشته شد" in said
    assert "کنار ماند: ۱ ویژگی/یادداشت بازه (BIO جایی برای آن ندارد)" in said
    assert not latin_outside_isolates(said), said
    window.close()


def test_an_imports_problems_in_the_persian_window_are_persian(
    qtbot: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = open_in_window(qtbot, make_project(tmp_path), size=(1366, 768))
    window.set_language("fa", save=False)
    empty_folder, empty_file, missing = tmp_path / "nothing", tmp_path / "empty.jsonl", tmp_path / "gone.txt"
    empty_folder.mkdir()
    empty_file.write_text("", encoding="utf-8")
    chosen = [str(empty_folder), str(empty_file), str(missing)]
    monkeypatch.setattr(QFileDialog, "getOpenFileNames", lambda *_a, **_k: (chosen, ""))
    choose(monkeypatch, "auto")
    qtbot.keyClick(window.view, Qt.Key.Key_I, Qt.KeyboardModifier.ControlModifier)  # File ▸ Import articles
    said = window.last_message
    assert f"{FSI}{empty_folder}{PDI}: در این پوشه پرونده‌ای برای درون‌ریزی نیست" in said
    assert f"{FSI}{missing}{PDI}: چنین پرونده یا پوشه‌ای نیست" in said
    assert "پرونده خالی است" in said or "چیزی برای درون‌ریزی نیست" in said, said
    assert not latin_outside_isolates(said), said
    window.close()


@pytest.mark.parametrize("language", ["fa", "en"])
def test_an_export_that_cannot_write_says_why_in_the_interfaces_language(
    qtbot: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, language: str
) -> None:
    window = open_in_window(qtbot, make_project(tmp_path), size=(1366, 768))
    window.set_language(language, save=False)
    blocker = tmp_path / "a file"
    blocker.write_text("kept", encoding="utf-8")
    out = blocker / "out.conll"  # inside a file: the system refuses (whoever runs the test)
    choose(monkeypatch, "conll")
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *_a, **_k: (str(out), ""))
    qtbot.keyClick(window.view, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)  # File ▸ Export
    qtbot.waitUntil(lambda: str(out) in window.last_message)
    if language == "fa":
        assert window.last_message == f"\u200f{FSI}{out}{PDI}: نوشته نشد: پوشه نیست"
    else:  # not "[Errno 20] Not a directory: '…/.out.conll.5fr8uuh7.tmp'" (the temporary file)
        assert window.last_message == f"{out}: cannot write: Not a directory"
    assert blocker.read_text(encoding="utf-8") == "kept"
    window.close()


def test_the_usual_problems_of_brat_and_conll_lines_are_persian(
    qtbot: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    brat, conll = tmp_path / "brat", tmp_path / "ner.conll"
    brat.mkdir()
    (brat / "a.txt").write_text("علی به تهران رفت.", encoding="utf-8")
    (brat / "a.ann").write_text(
        "T1\tactor 0 3\tعلی\n"
        "T2\tlocation 7 12\tتهرانن\n"  # not the text's word
        "R1\tRel Arg1:T1 Arg2:T2\n#1\tAnnotatorNotes R1\tیادداشت\n"  # a note on a relation
        "N1\tReference T1 Wikidata:Q1\tAli\n"  # a normalization
        "T3\tactor 0 2;4 6\tعل\n",  # discontinuous
        encoding="utf-8",
    )
    conll.write_text("علی B-PER\nبه X-LOC\nتهران I-LOC\n\n", encoding="utf-8")
    window = open_in_window(qtbot, make_project(tmp_path), size=(1366, 768))
    window.set_language("fa", save=False)
    monkeypatch.setattr(QFileDialog, "getOpenFileNames", lambda *_a, **_k: ([str(brat), str(conll)], ""))
    choose(monkeypatch, "auto")
    qtbot.keyClick(window.view, Qt.Key.Key_I, Qt.KeyboardModifier.ControlModifier)  # File ▸ Import articles
    qtbot.waitUntil(lambda: "۲ سند افزوده شد" in window.last_message)
    said = window.last_message.splitlines()
    ann, tags = f"{FSI}{brat / 'a.ann'}", f"{FSI}{conll}"
    assert f"\u200f{ann}:2{PDI}: می‌گوید {FSI}'تهرانن'{PDI} ولی متن {FSI}'تهران'{PDI} دارد (نگه داشته شد)" in said
    assert f"\u200f{ann}:4{PDI}: یادداشتِ رابطهٔ {FSI}R1{PDI} نگه داشته نمی‌شود" in said
    assert f"\u200f{ann}:5{PDI}: نرمال‌سازی‌ها (سطرهای N) خوانده نمی‌شوند" in said
    assert f"\u200f{ann}:6{PDI}: بازهٔ چندتکه پذیرفته نمی‌شود" in said
    forms = "\u2066O,\u00a0B\u2011X,\u00a0I\u2011X\u2069"  # the tag's forms, on one line
    assert f"\u200f{tags}:2{PDI}: {FSI}'X-LOC'{PDI} برچسب نیست ({forms})؛ O خوانده شد" in said
    assert f"\u200f{tags}:3{PDI}: برچسب I- بازه‌ای را آغاز می‌کند (آغازِ آن خوانده شد)" in said
    assert len([line for line in said if line.startswith("\u200f")]) == 6, said  # the six problems, translated
    window.close()
