"""Project ▸ Analysis offers the network options of `annotator export` (--aggregation;
--window, --normalization, --min-weight for co-occurrence) with the same defaults, chosen
by keyboard, translated; the file the window writes equals the command's, byte for byte."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import networkx as nx
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialog

from annotator.analysis import networks
from annotator.cli import build_parser, main
from annotator.io.project import Project
from annotator.ui.analysis_dialog import AnalysisDialog
from annotator.ui.theme import install_language

from .conftest import open_in_window

# three paragraphs, five sentences; the same actors in many of them, so that a sentence
# window, a threshold and a normalisation each change the network
TEXT = (
    "ایران و آمریکا در بغداد گفت‌وگو کردند. روسیه در مسکو سکوت کرد.\n"
    "ایران گفت آمریکا باید از بغداد برود. آمریکا پاسخ داد.\n"
    "روسیه و ایران در مسکو دیدار کردند."
)
ACTORS = ("ایران", "آمریکا", "روسیه")
PLACES = ("بغداد", "مسکو")


def occurrences(text: str, word: str) -> list[int]:
    return [i for i in range(len(text)) if text.startswith(word, i)]


@pytest.fixture(autouse=True)
def _english_again() -> Iterator[None]:
    yield
    install_language("en")  # the translators are the application's


@pytest.fixture
def project(tmp_path: Path) -> Path:
    (tmp_path / "a.txt").write_text(TEXT, encoding="utf-8")
    (tmp_path / "b.txt").write_text(TEXT.replace("روسیه", "چین"), encoding="utf-8")
    root = tmp_path / "p"
    made = Project.create(root, "p")
    made.import_sources([tmp_path / "a.txt", tmp_path / "b.txt"], normalize=False)
    for doc in made.document_ids():
        for coder in ("Ali", "سارا"):
            aset = made.load_annotations(doc, coder)
            text = aset.text
            spans = {}
            for word in (*ACTORS, "چین"):
                for at in occurrences(text, word):
                    spans[at] = aset.add_span("actor", at, at + len(word))
            if coder == "Ali":  # Sara leaves the places out: the coder chosen matters
                for word in PLACES:
                    at = text.find(word)
                    aset.add_span("location", at, at + len(word))
            # two claims: Iran supports and America opposes on security (actor-actor conflict)
            for start, claimant, position in (
                (text.index("ایران گفت"), "ایران", "supports"),
                (text.index("آمریکا پاسخ"), "آمریکا", "opposes"),
            ):
                end = text.index(".", start)
                claim = aset.add_span("claim", start, end)
                who = next(s for s in spans.values() if s.text == claimant and start <= s.start < end)
                aset.add_relation("claimed_by", claim.id, who.id)
                aset.set_attribute(claim.id, "position", position)
                aset.set_attribute(claim.id, "topic", "security")
            made.save_annotations(aset)
    return root


def open_analysis(qtbot: Any, root: Path, language: str) -> AnalysisDialog:
    window = open_in_window(qtbot, root, "Ali", size=(1366, 768))
    window.set_language(language, save=False)
    window.act_analysis.trigger()
    dialog = window.findChild(QDialog, "analysisDialog")
    assert isinstance(dialog, AnalysisDialog)
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    return dialog


def choose(qtbot: Any, combo: Any, data: str) -> None:
    """Pick an item of a focused combo box with the keyboard, as a user would."""
    qtbot.keyClick(combo, Qt.Key.Key_Home)
    for _ in range(combo.count()):
        if combo.currentData() == data:
            return
        qtbot.keyClick(combo, Qt.Key.Key_Down)
    assert combo.currentData() == data


def tab(qtbot: Any) -> Any:
    """Press Tab where the focus is; the widget that has it then."""
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
    return QApplication.focusWidget()


def cli(root: Path, out: Path, *options: str) -> bytes:
    assert main(["export", str(root), "--annotator", "Ali", "--out", str(out), *options]) == 0
    return out.read_bytes()


def test_the_window_starts_from_the_commands_defaults(qtbot: Any, project: Path) -> None:
    dialog = open_analysis(qtbot, project, "en")
    args = build_parser().parse_args(["export", "p", "--format", "graphml", "--out", "x"])
    choice = dialog.network
    assert choice.aggregation.currentData() == args.aggregation == networks.DEFAULT_AGGREGATION
    assert choice.window.currentData() == args.window == networks.DEFAULT_WINDOW
    assert choice.normalization.currentData() == args.normalization == networks.DEFAULT_NORMALIZATION
    assert choice.min_weight.value() == args.min_weight == networks.DEFAULT_MIN_WEIGHT


def test_a_sentence_network_by_keyboard_equals_the_commands_file(qtbot: Any, project: Path, tmp_path: Path) -> None:
    dialog = open_analysis(qtbot, project, "fa")
    dialog.coder.setFocus()
    choose(qtbot, dialog.coder, "Ali")
    choice = dialog.network
    choice.kind.setFocus()
    choose(qtbot, choice.kind, "co-occurrence")
    assert not choice.aggregation.isEnabled()  # actor-actor's: Tab passes it by
    assert tab(qtbot) is choice.window
    choose(qtbot, choice.window, "sentence")
    assert tab(qtbot) is choice.normalization
    choose(qtbot, choice.normalization, "jaccard")
    assert tab(qtbot) is choice.min_weight
    qtbot.keyClick(choice.min_weight, Qt.Key.Key_Up)  # 1 -> 2
    assert choice.min_weight.value() == 2
    assert choice.min_weight.text() == "۲ جمله"  # Persian digits, and what it counts
    assert tab(qtbot) is choice.export

    options = ("--network", "co-occurrence", "--window", "sentence", "--normalization", "jaccard", "--min-weight", "2")
    for suffix, file_format in ((".graphml", "graphml"), (".gexf", "gexf")):
        ours = tmp_path / f"window{suffix}"
        assert dialog.export_graph(ours)
        theirs = cli(project, tmp_path / f"cli{suffix}", "--format", file_format, *options)
        assert ours.read_bytes() == theirs
    graph = nx.read_graphml(tmp_path / "window.graphml")
    assert graph.graph["window"] == "sentence" and graph.graph["min_weight"] == 2
    assert all(0 < w <= 1 for _a, _b, w in graph.edges(data="weight"))  # Jaccard
    assert all(c >= 2 for _a, _b, c in graph.edges(data="count"))
    # the options did shape it: by document, every pair, counts is another file
    default = cli(project, tmp_path / "default.graphml", "--format", "graphml", "--network", "co-occurrence")
    assert default != (tmp_path / "window.graphml").read_bytes()
    assert nx.read_graphml(tmp_path / "default.graphml").number_of_edges() > graph.number_of_edges()
    # the message says what the threshold left out, in Persian digits
    left = networks.build(
        "co-occurrence",
        dialog.codings,
        Project.open(project).schema,
        window="sentence",
        min_weight=2,
    )[1].below_min_weight
    assert left > 0 and "کنار گذاشته شد" in dialog.message.text()
    assert str(left).translate(str.maketrans("0123456789", "۰۱۲۳۴۵۶۷۸۹")) in dialog.message.text()


def test_actor_actor_takes_the_aggregation_and_the_rest_keep_their_defaults(
    qtbot: Any, project: Path, tmp_path: Path
) -> None:
    dialog = open_analysis(qtbot, project, "en")
    dialog.coder.setFocus()
    choose(qtbot, dialog.coder, "Ali")
    choice = dialog.network
    # chosen for co-occurrence first, then another kind: they are not carried over
    choice.set_options("co-occurrence", window="sentence", normalization="cosine", min_weight=3)
    choice.kind.setFocus()
    choose(qtbot, choice.kind, "actor-actor")
    assert choice.aggregation.isEnabled()
    assert not any(w.isEnabled() for w in (choice.window, choice.normalization, choice.min_weight))
    assert tab(qtbot) is choice.aggregation
    choose(qtbot, choice.aggregation, "conflict")
    assert tab(qtbot) is choice.export  # the co-occurrence options are skipped
    ours = tmp_path / "window.graphml"
    assert dialog.export_graph(ours)
    theirs = cli(
        project,
        tmp_path / "cli.graphml",
        "--format",
        "graphml",
        "--network",
        "actor-actor",
        "--aggregation",
        "conflict",
    )
    assert ours.read_bytes() == theirs
    graph = nx.read_graphml(ours)
    assert graph.graph["aggregation"] == "conflict" and graph.number_of_edges() == 1
    choice.kind.setFocus()
    choose(qtbot, choice.kind, "actor-topic")
    assert not choice.aggregation.isEnabled()
    assert dialog.export_graph(ours)
    assert ours.read_bytes() == cli(
        project, tmp_path / "cli2.graphml", "--format", "graphml", "--network", "actor-topic"
    )


def test_the_options_speak_the_interface_language(qtbot: Any, project: Path) -> None:
    dialog = open_analysis(qtbot, project, "fa")
    choice = dialog.network
    assert choice.title() == "شبکه"
    assert [choice.window.itemText(i) for i in range(3)] == ["یک سند", "یک بند", "یک جمله"]
    assert choice.normalization.itemText(0) == "شمار" and choice.window_label.text() == "با هم در:"
    assert choice.window_label.buddy() is choice.window and choice.min_weight_label.buddy() is choice.min_weight
    assert choice.min_weight.text() == "۱ سند"
    assert "DNA" in choice.normalization.toolTip() and choice.normalization.toolTip().startswith("هم‌آیی")
    window = dialog.parent()
    window.set_language("en", save=False)
    assert [choice.window.itemText(i) for i in range(3)] == ["a document", "a paragraph", "a sentence"]
    assert choice.min_weight.text() == "1 document"
    choice.set_options("co-occurrence", window="paragraph", min_weight=4)
    assert choice.min_weight.text() == "4 paragraphs"
    # the whole row fits the dialog at its size: nothing cut off at the side
    dialog.resize(900, 600)
    QApplication.processEvents()
    assert choice.export.geometry().right() <= choice.width() and choice.min_weight.geometry().right() <= choice.width()
