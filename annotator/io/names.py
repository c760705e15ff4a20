"""The names of files and of coders' folders: what every system can hold, and the names
no coder may take. Apart from the catalogue (io/catalog.py, which gives them too) so that
the window's start, which needs only these, does not load it."""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

DEFAULT_ANNOTATOR = "anonymous"  # the folder of an annotator with no name
IMPORT_ANNOTATOR = "imported"  # the annotations that came with imported documents
CURATED = "curated"  # the team's agreed version (docs/team.md)
RESERVED = (CURATED, IMPORT_ANNOTATOR)  # no coder may take these names

_UNSAFE = re.compile(r'[\x00-\x1f\x7f<>:"/\\|?*]')
_RESERVED = re.compile(r"^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])(\..*)?$", re.IGNORECASE)
_MAX_NAME = 120  # characters; leaves room for ".json" and a suffix under common limits
# bytes: file systems limit a name to 255 bytes (ext4, btrfs, APFS...); room is left for
# ".json", a "-NN" suffix and the ".NAME.xxxxxxxx.tmp" of an atomic write
MAX_NAME_BYTES = 200
# bidirectional controls (U+202A-202E, U+2066-2069, LRM/RLM/ALM) would make a file name
# read differently from what it is; ZWNJ/ZWJ (Cf too) are part of Persian words and stay
_BIDI_CONTROLS = frozenset("\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")


def safe_name(name: str, fallback: str = "document") -> str:
    """A file name standing for `name` on every system: no folder parts, no control or
    bidirectional-override characters, no Windows device names, no leading dot, at most
    120 characters and 200 bytes of UTF-8.

    Persian and other letters are kept; what is replaced becomes "_". A name that had to
    be shortened keeps a short hash of the whole so that different names stay different.
    """
    cleaned = unicodedata.normalize("NFC", name)
    cleaned = _UNSAFE.sub("_", cleaned)
    cleaned = "".join(
        "_" if ch in _BIDI_CONTROLS or unicodedata.category(ch) in ("Cc", "Cs", "Co", "Cn", "Zl", "Zp") else ch
        for ch in cleaned
    )
    cleaned = " ".join(cleaned.split())  # no tabs, no runs or ends of blank space
    # no hidden files, nothing that looks like an option; Windows drops trailing dots
    cleaned = cleaned.lstrip(" .-_~").rstrip(" .")
    if not cleaned or set(cleaned) <= {"_", "."}:
        cleaned = fallback
    if _RESERVED.match(cleaned):
        cleaned = f"_{cleaned}"
    return shorten(cleaned, name)


def shorten(cleaned: str, whole: str, chars: int = _MAX_NAME, limit: int = MAX_NAME_BYTES) -> str:
    """`cleaned` if within `chars` characters and `limit` bytes of UTF-8 (file systems count
    bytes: 119 emoji are 476), else cut, with a short hash of `whole` so that different
    names stay different."""
    if len(cleaned) <= chars and len(cleaned.encode("utf-8", "surrogatepass")) <= limit:
        return cleaned
    import hashlib  # here: a name this long is rare, and the start needs no hash

    digest = hashlib.sha256(whole.encode("utf-8", "surrogatepass")).hexdigest()[:10]
    head = cleaned[: chars - 11]
    while len(head.encode("utf-8", "surrogatepass")) > limit - 11:
        head = head[:-1]
    return f"{head.rstrip(' .')}-{digest}"


def is_reserved(name: str) -> bool:
    """`curated` and `imported` (in any case or spelling that makes the same folder)."""
    folder = safe_name(name.strip(), "").casefold()
    return folder in {r.casefold() for r in RESERVED}


def is_safe_name(name: str) -> bool:
    return bool(name) and safe_name(name) == name


def journal_path(path: Path) -> Path:
    """The journal beside an annotation file: the edits not yet in it (io/store.py)."""
    path = Path(path)
    return path.with_name(path.name + ".journal")


def journal_base_path(path: Path) -> Path:
    """A hard link to the annotation file a journal builds on, kept while the journal lives:
    if a synced folder replaces the file before the journal is replayed, the edits are
    merged with the new file from it (io/store.py). Hidden, and `*.journal` for git."""
    path = Path(path)
    return path.with_name(f".{path.name}.base.journal")
