"""Persian snippets inside interface strings: isolated, so that they keep their order in a
left-to-right line (and English keeps its order in a right-to-left one), and cut between
words, never inside one."""

from __future__ import annotations

FSI, RLI, PDI = "\u2068", "\u2067", "\u2069"


def clip(text: str, limit: int) -> str:
    """At most about `limit` characters of text, cut at a word boundary, with … when cut."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    cut = text.rfind(" ", 0, limit + 1)
    return text[: cut if cut > limit // 2 else limit].rstrip() + "…"


def rtl(text: str) -> str:
    """A right-to-left snippet (an article's words) isolated from what surrounds it."""
    return f"{RLI}{text}{PDI}"


def isolated(text: str) -> str:
    """A snippet of either direction (a name, a note) isolated, its direction its own."""
    return f"{FSI}{text}{PDI}"
