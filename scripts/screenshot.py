"""Render the window on the sample article with a few spans tagged, for the README.

QT_QPA_PLATFORM=offscreen python scripts/screenshot.py [OUT.png] [--language fa|en] [--theme dark]
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("out", nargs="?", default="docs/screenshot.png")
    parser.add_argument("--language", default="fa")
    parser.add_argument("--theme", default="light")
    parser.add_argument("--width", type=int, default=1280)
    parser.add_argument("--height", type=int, default=800)
    args = parser.parse_args()
    home = tempfile.mkdtemp()
    os.environ["ANNOTATOR_DATA_DIR"] = os.path.join(home, "data")
    os.environ["ANNOTATOR_CONFIG_DIR"] = os.path.join(home, "config")

    from annotator.ui import MainWindow
    from annotator.ui.app import make_app
    from annotator.ui.theme import apply_theme

    app = make_app()
    apply_theme(args.theme)
    window = MainWindow()
    window.set_language(args.language)
    window.resize(args.width, args.height)
    window.show()
    window.open_sample()
    aset = window.annotations
    assert aset is not None
    text = aset.text

    def tag(label: str, phrase: str, nth: int = 0) -> str:
        start = -1
        for _ in range(nth + 1):
            start = text.index(phrase, start + 1)
        return aset.add_span(label, start, start + len(phrase)).id

    tag("actor", "گروه مقاومت اسلامی عراق")
    tag("location", "عراق")
    tag("location", "غزه")
    tag("actor", "نظامیان آمریکا")
    tag("location", "استان الحسکه")
    tag("location", "سوریه")
    tag("location", "پایگاه «قسرک»")
    claim = tag("claim", "این حمله را با یک پهپاد انجام داده است")
    group = tag("actor", "این گروه")
    aset.add_relation("claimed_by", claim, group)
    tag("location", "پایگاه «عین الاسد»")
    tag("location", "غرب عراق")
    tag("location", "عراق", 2)
    window.make_current(group)  # the article, the list and the inspector show it
    for _ in range(3):  # the panels take their sizes once the window is laid out
        app.processEvents()
    window.grab().save(args.out)
    window.checkpoint()
    print(args.out)
    return 0


if __name__ == "__main__":
    sys.exit(main())
