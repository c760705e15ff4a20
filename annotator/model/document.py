"""A document: the text being annotated and what is known about it."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


def text_sha256(text: str) -> str:
    """The fingerprint annotation files keep of the text they were made on.

    The last text hashed is remembered (by identity: strings never change), so opening a
    file hashes its text once however many steps ask (1 M characters take a few ms)."""
    global _last_hashed
    last = _last_hashed  # one read: another thread may replace it meanwhile
    if last is not None and last[0] is text:
        return last[1]
    import hashlib  # here: OpenSSL's bindings load in ~3 ms, and the first frame needs none

    digest = hashlib.sha256(text.encode("utf-8")).hexdigest()
    _last_hashed = (text, digest)
    return digest


_last_hashed: tuple[str, str] | None = None  # the last text hashed and its sha256


@dataclass
class Document:
    """An article: its id, its stored (normalized) text, its title and what importers found."""

    id: str
    text: str
    title: str = ""
    # source, url, date, tags and whatever else an importer found
    metadata: dict[str, Any] = field(default_factory=dict)

    @property
    def sha256(self) -> str:
        # asked several times while a file opens; 1 M characters take a few ms to hash
        cached = self.__dict__.get("_sha")
        if cached is None or cached[0] is not self.text:
            cached = (self.text, text_sha256(self.text))
            self.__dict__["_sha"] = cached
        return cached[1]
