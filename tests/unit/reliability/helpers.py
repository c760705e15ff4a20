"""Shared bits of the reliability tests."""

from __future__ import annotations

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
