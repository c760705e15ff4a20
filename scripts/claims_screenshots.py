"""Render the claims parts (inspector, claims by actor, entities, schema editor, document
details) on the sample article, in Persian or English, for looking at.

QT_QPA_PLATFORM=offscreen python scripts/claims_screenshots.py OUT_FOLDER [--language fa|en] [--theme dark]
"""

from __future__ import annotations

import argparse
import os
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("out", type=Path)
    parser.add_argument("--language", default="fa")
    parser.add_argument("--theme", default="light")
    args = parser.parse_args()
    home = tempfile.mkdtemp()
    os.environ["ANNOTATOR_DATA_DIR"] = os.path.join(home, "data")
    os.environ["ANNOTATOR_CONFIG_DIR"] = os.path.join(home, "config")

    from PySide6.QtWidgets import QApplication

    from annotator.ui import MainWindow
    from annotator.ui.app import make_app
    from annotator.ui.theme import apply_theme

    app = make_app()
    apply_theme(args.theme)
    window = MainWindow()
    window.set_language(args.language)
    window.resize(1400, 860)
    window.show()
    window.open_sample()
    aset = window.annotations
    assert aset is not None
    text = aset.text
    claims = window.claims

    def tag(label: str, phrase: str) -> str:
        start = text.index(phrase)
        return aset.add_span(label, start, start + len(phrase)).id

    group = tag("actor", "گروه مقاومت اسلامی عراق")
    us = tag("actor", "نظامیان آمریکا")
    base = tag("location", "پایگاه «قسرک»")
    claim = tag("claim", "این حمله را با یک پهپاد انجام داده است")
    aset.add_relation("claimed_by", claim, group)
    aset.add_relation("addressed_to", claim, us)
    aset.add_relation("located_in", claim, base)
    aset.set_attribute(claim, "position", "opposes")
    aset.set_attribute(claim, "topic", "security")
    aset.set_attribute(group, "type", "armed_group")
    claims.link_entity(group, "")
    claims.link_entity(us, "")
    claims.registry.update(
        claims.registry.get(aset.span(us).entity).__class__(
            aset.span(us).entity, "ایالات متحده", "United States", "state", ("آمریکا", "واشنگتن")
        )
    )
    aset.set_document_info("حمله به پایگاه‌های آمریکا در عراق و سوریه", {
        "date": "۱۴۰۲/۰۸/۰۱", "date_gregorian": "2023-10-23", "source": "جام جم آنلاین",
        "url": "https://jamejamonline.ir/fa/news/000",
    })  # fmt: skip
    claims.entities_dock.show()
    claims.claims_dock.show()
    window.reveal_span(claim)
    for _ in range(5):
        app.processEvents()
    args.out.mkdir(parents=True, exist_ok=True)
    suffix = f"{args.language}-{args.theme}"
    window.grab().save(str(args.out / f"window-{suffix}.png"))
    claims.edit_schema()
    for _ in range(5):
        app.processEvents()
    claims.schema_dialog.tabs.setCurrentIndex(1)
    for _ in range(3):
        app.processEvents()
    claims.schema_dialog.grab().save(str(args.out / f"schema-{suffix}.png"))
    claims.schema_dialog.close()
    claims.header.edit()
    for _ in range(3):
        app.processEvents()
    claims.header.dialog.grab().save(str(args.out / f"details-{suffix}.png"))
    claims.header.dialog.close()
    window.close()
    QApplication.processEvents()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
