"""Shared bits of the reliability tests."""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

from annotator.model import AnnotationSet

TEXT = (
    "به گزارش خبرگزاری، وزیر امور خارجه در تهران گفت که مذاکرات ادامه دارد.\n"
    "سخنگوی دولت در مشهد اعلام کرد که تصمیم نهایی هفته آینده گرفته می‌شود."
)


def state(aset: AnnotationSet) -> tuple[object, ...]:
    return (
        aset.status,
        tuple(
            (s.id, s.label, s.start, s.end, s.text, tuple(sorted(s.attributes.items())), s.note) for s in aset.spans()
        ),
        tuple(aset.relations()),
    )


def snapshot(folder: Path) -> dict[str, str]:
    """Every file and folder under `folder` with a hash of its bytes, except the search
    and catalogue indexes (.cache/search.sqlite*, .cache/catalog.sqlite*): caches whose bytes
    SQLite may change on any use, and whose rows past the catalogue's end are never read
    (tests check their contents)."""
    found: dict[str, str] = {}
    for path in sorted(folder.rglob("*")):
        rel = path.relative_to(folder).as_posix()
        if rel == ".cache" or rel.startswith((".cache/search.sqlite", ".cache/catalog.sqlite")):
            continue
        found[rel + "/" if path.is_dir() else rel] = (
            "" if path.is_dir() else hashlib.sha256(path.read_bytes()).hexdigest()
        )
    return found


def fuzz_examples(default: int) -> int:
    """Hypothesis cases per fuzz test: ANNOTATOR_FUZZ_EXAMPLES (the stress run sets
    thousands, tests/stress/fuzz.sh), else the normal run's small default."""
    return int(os.environ.get("ANNOTATOR_FUZZ_EXAMPLES", default))
