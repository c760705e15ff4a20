"""Persian snippets inside interface strings: isolated, so that they keep their order in a
left-to-right line (and English keeps its order in a right-to-left one), and cut between
words, never inside one."""

from __future__ import annotations

import re

# letters written right to left (Hebrew, Arabic and Persian, their presentation forms)
_RTL_LETTER = re.compile("[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefc]")
_LATIN_LETTER = re.compile("[A-Za-z\u00c0-\u024f]")

FSI, RLI, LRI, PDI = "\u2068", "\u2067", "\u2066", "\u2069"
# a file's path in a message: from a slash (or a drive's) to the next space or colon
# (the messages say "PATH: the problem"), its last dot or bracket left outside; compiled at
# its first use (re's cache), not at every start
_PATH = r"(?<![\w/\\])(?:[A-Za-z]:)?[/\\][^\s:\u2066-\u2069«»،]*[^\s:\u2066-\u2069«»،.,;)]"


def clip(text: str, limit: int) -> str:
    """At most about `limit` characters of text, cut at a word boundary, with … when cut."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    cut = text.rfind(" ", 0, limit + 1)
    return text[: cut if cut > limit // 2 else limit].rstrip() + "…"


def reads_right_to_left(text: str) -> bool:
    """Whether text's first letter is one written right to left (Persian, Arabic...)."""
    rtl_letter, latin_letter = _RTL_LETTER.search(text), _LATIN_LETTER.search(text)
    return rtl_letter is not None and (latin_letter is None or rtl_letter.start() < latin_letter.start())


def rtl(text: str) -> str:
    """A right-to-left snippet (an article's words) isolated from what surrounds it."""
    return f"{RLI}{text}{PDI}"


def ltr(text: str) -> str:
    """A left-to-right snippet (a figure, a path) isolated from what surrounds it."""
    return f"{LRI}{text}{PDI}"


def in_reading_order(text: str, right_to_left: bool) -> str:
    """Text laid out in the interface's direction whatever its first letter: a table cell
    or header takes its direction from its first strong letter, so that "1 Ali" and
    "3 سارا" stood in opposite orders side by side in the Persian curation list."""
    return rtl(text) if right_to_left else ltr(text)


def message_in_direction(text: str, right_to_left: bool) -> str:
    """A message as a right-to-left interface shows it: a line written in English (the
    io/ modules, free of Qt, report in English) is laid out left to right as a whole, and
    in a Persian line each file path is isolated left to right. Shown as they were, a path
    read "tmp/project/…/8809120951.json: … as it is/" (its first slash at the far end)."""
    if not right_to_left:
        return text
    lines = []
    for line in text.split("\n"):
        if line.strip() and _RTL_LETTER.search(line) is None:
            lines.append(ltr(line))
        else:
            lines.append(re.sub(_PATH, lambda found: ltr(found.group()), line))
    return "\n".join(lines)


def isolated(text: str) -> str:
    """A snippet of either direction (a name, a note) isolated, its direction its own."""
    return f"{FSI}{text}{PDI}"


def wholly_latin(text: str) -> bool:
    """Whether an article is written left to right only: Latin letters and not one
    right-to-left letter (a Persian article quoting English stays right to left). A regular
    expression scan, so a long article costs a few milliseconds, once per opening."""
    return _RTL_LETTER.search(text) is None and _LATIN_LETTER.search(text) is not None
