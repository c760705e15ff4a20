"""Reading article text files whatever their encoding (Persian files come in several)."""

from __future__ import annotations

import codecs
from pathlib import Path

from .reading import NotRegularFile, TooLarge, read_regular


class TextFileError(Exception):
    """A file that cannot be read as text; the message names the file and the reason."""


# the largest file an import or the window reads (docs/reliability.md): a news article is
# kilobytes and a corpus tens of megabytes; anything above is refused before it is read
MAX_SOURCE_BYTES = 100 * 2**20


def too_large(path: Path, size: int) -> str:
    """The message for a file above MAX_SOURCE_BYTES."""
    return (
        f"{path}: {size / 2**20:,.0f} MB is more than the {MAX_SOURCE_BYTES // 2**20} MB "
        "annotator reads from one file; split it into smaller files"
    )


def read_limited(path: Path) -> bytes:
    """A file's bytes; OSError as from open, TextFileError for a file above the limit.

    The size is checked before reading, and the read stops one byte past the limit (a
    file that grows meanwhile, or a device that says it is empty, is caught too).
    """
    path = Path(path)
    try:
        return read_regular(path, MAX_SOURCE_BYTES)
    except TooLarge as exc:
        raise TextFileError(too_large(path, exc.size)) from None
    except NotRegularFile as exc:
        raise TextFileError(f"{path}: {exc}") from None


_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


def decode_text(raw: bytes, name: str = "the file", as_in_file: bool = False) -> tuple[str, str]:
    """Decode bytes to text and say which encoding was used.

    Order: a byte-order mark; strict UTF-8; UTF-16 without BOM (many NULs); then
    charset-normalizer's guess, accepted only for encodings that can hold Persian.
    Line endings become "\\n" so that offsets mean the same everywhere; with `as_in_file`
    they are kept, and a byte-order mark is kept as the character U+FEFF (the file's text
    as decoded, which `--original-offsets` counts in).
    """
    lines = _kept if as_in_file else _lines
    # the marks first: a UTF-32 one begins with NULs (big-endian) or with the UTF-16 one
    for bom, encoding in _BOMS:
        if raw.startswith(bom):
            try:
                decoded = raw.decode(encoding)
                return (("\ufeff" + decoded) if as_in_file else _lines(decoded)), encoding
            except UnicodeDecodeError as exc:
                raise TextFileError(f"{name}: broken {encoding} text at byte {exc.start}") from None
    if b"\x00" in raw[:4096]:
        text = _utf16_without_bom(raw)
        if text is None:
            raise TextFileError(f"{name}: binary data, not a text file")
        return lines(text), "utf-16"
    try:
        return lines(raw.decode("utf-8")), "utf-8"
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes  # imported on first use

    best = from_bytes(raw, cp_isolation=["cp1256", "iso8859_6", "cp720", "mac_arabic"]).best()
    if best is None:
        # charset-normalizer takes ZWNJ (0x9D in Windows-1256, inside Persian words) for a
        # control character and refuses the text: decide for Windows-1256 ourselves when it
        # gives Arabic-script text and nothing a text never holds
        text = raw.decode("cp1256", errors="replace")
        letters = [ch for ch in text if ch.isalpha()]
        arabic = sum(1 for ch in letters if "\u0600" <= ch <= "\u06ff")
        if (
            "\ufffd" not in text
            and letters
            and arabic >= 0.6 * len(letters)
            and _looks_like_text(text)
            and not any(ch < " " and ch not in "\t\n\r" for ch in text)
        ):
            return lines(text), "cp1256"
    if best is None:
        raise TextFileError(
            f"{name}: not readable as UTF-8, UTF-16 or Windows-1256 text; save it as UTF-8 and open it again"
        )
    return lines(str(best)), str(best.encoding)


def read_text_file(path: Path, as_in_file: bool = False) -> tuple[str, str]:
    path = Path(path)
    try:
        raw = read_limited(path)
    except OSError as exc:
        raise TextFileError(f"{path}: cannot read: {exc.strerror or exc}") from None
    return decode_text(raw, str(path), as_in_file)


def _utf16_without_bom(raw: bytes) -> str | None:
    # the side with the NULs tells the byte order: Persian and ASCII both have a zero byte
    even_zeros = raw[0::2].count(0)
    odd_zeros = raw[1::2].count(0)
    encoding = "utf-16-le" if odd_zeros > even_zeros else "utf-16-be"
    try:
        text = raw.decode(encoding)
    except UnicodeDecodeError:
        return None
    if "\x00" in text or not _looks_like_text(text):
        return None
    return text


def _looks_like_text(text: str) -> bool:
    """Whether most of a guessed decoding is Latin, Arabic-script text, marks and spaces.

    Bytes that are no text at all decode as UTF-16 into CJK, private-use and other blocks
    no Persian article is written in.
    """
    sample = text[:4096]
    if not sample:
        return True
    usual = sum(
        1
        for ch in sample
        if ch in "\t\n\r"
        or " " <= ch <= "\u024f"
        or "\u0600" <= ch <= "\u06ff"
        or "\u2000" <= ch <= "\u206f"
        or "\ufb50" <= ch <= "\ufdff"
        or "\ufe70" <= ch <= "\ufeff"
    )
    return usual >= 0.9 * len(sample)


def _kept(text: str) -> str:
    return text


def _lines(text: str) -> str:
    if "\r" not in text:  # the usual case: one scan instead of two copies (1 ms a million characters)
        return text
    return text.replace("\r\n", "\n").replace("\r", "\n")
