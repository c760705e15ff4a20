"""Keep Python 3.11 alive under PySide6 6.12's lost references to None.

With PySide6 6.12.0 on Python 3.11, every call of a Qt method that returns nothing
(`widget.update()`, `cursor.setPosition()`, `color.setAlpha()`, ...) and every invalid
QVariant handed back to Python (`index.data()` with no data) returns None without taking
a reference to it, so each such call takes one reference from None. After a few thousand
calls (a window repaint makes ~200) None's count reaches zero and CPython aborts with
"Fatal Python error: none_dealloc: deallocating None". It is not our models' `data()`
returning None (that direction is fine); it is any call into the binding, so no coding
pattern of ours can avoid it. PySide6 6.11.3 does not do this; Python 3.12 made None
immortal (its count is never zero), so it cannot happen there.

The cure is what 3.12 does: give None a count no program can use up (2**60 references;
a repaint takes ~200, so more than a million years of painting). None is never freed
anyway, so nothing else changes. Done once, before the first Qt call
(annotator/ui/__init__.py); tests/gui/test_none_guard.py checks the abort is gone.
"""

from __future__ import annotations

import sys

IMMORTAL = 1 << 60


def install() -> bool:
    """Make None's reference count unreachable by leaks; True if it was changed now."""
    if sys.version_info >= (3, 12) or sys.implementation.name != "cpython":
        return False  # immortal already, or not a refcounted None
    import ctypes  # only here: 15 ms of start-up that 3.12 does not need

    refcount = ctypes.c_ssize_t.from_address(id(None))  # ob_refcnt: PyObject's first field
    if refcount.value >= IMMORTAL // 2:
        return False
    refcount.value += IMMORTAL
    return True
