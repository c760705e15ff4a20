"""Every interface string has its Persian translation, and the compiled file has it too."""

from __future__ import annotations

import xml.etree.ElementTree as ET  # our own resource file
from pathlib import Path

from PySide6.QtCore import QTranslator

from annotator.resources import as_file, resource

TS = Path(__file__).resolve().parents[2] / "resources" / "translations" / "annotator_fa.ts"


def test_every_string_is_translated_in_a_named_context() -> None:
    translator = QTranslator()
    with as_file(resource("translations", "annotator_fa.qm")) as qm:
        assert translator.load(str(qm))
    messages = 0
    for context in ET.parse(TS).iter("context"):
        name = context.findtext("name") or ""
        assert name, "a string outside any class: lupdate cannot tell which tr() it belongs to"
        for message in context.iter("message"):
            source = message.findtext("source") or ""
            translation = message.find("translation")
            assert translation is not None and translation.text, source
            assert translation.get("type") is None, f"unfinished: {source!r}"
            assert translator.translate(name, source) == translation.text, source
            messages += 1
    assert messages > 40
