"""Spare each start PySide6's reading of the source of every module imported after it.

Once PySide6 is loaded, every `import` statement that brings a module PySide has not seen
makes shiboken read that module's whole source file (`inspect.getsource`) and search it
for "PySide6", to learn whether the module may select a `__feature__` such as
`snake_case` (PYSIDE-2029: shibokensupport/feature.py, `feature_imported` and
`_mod_uses_pyside`). Our start brings ~85 modules after PySide6 (our own and the standard
library's), and reading them cost ~10 ms before the first frame.

No module of ours selects a feature. PySide's table maps a module to 0 ("no feature": what
the reading gives for a file that names PySide6) or -1 ("ignore": a file that does not),
and a module missing from it is read at its first import. So we enter our own modules as
0, and the standard library's as -1 (it never names PySide6), which is what the reading
would have found, without reading. Done once, right after PySide6 is imported
(annotator/ui/__init__.py); nothing else of PySide changes. Should a later PySide6 move
or rename its table, this does nothing and the start is as before.
"""

from __future__ import annotations

import os
import sys

import annotator

NO_FEATURE = 0  # feature.py's value for a module that uses PySide6 without selecting one
IGNORE = -1  # its value for a module that does not name PySide6


def feature_table() -> dict[str, int] | None:
    """PySide's module → feature table, or None if this PySide6 has none where we look."""
    support = sys.modules.get("shibokensupport.feature")
    table = getattr(support, "pyside_feature_dict", None)
    return table if isinstance(table, dict) else None


def our_modules() -> list[str]:
    """The dotted names of every module of the `annotator` package, from its folders."""
    names = []
    for root in annotator.__path__:
        for folder, subfolders, files in os.walk(root):
            subfolders[:] = [name for name in subfolders if not name.startswith(("_", "."))]
            package = "annotator" + folder[len(root) :].replace(os.sep, ".")
            for file in files:
                if file.endswith(".py"):
                    stem = file[:-3]
                    names.append(package if stem == "__init__" else f"{package}.{stem}")
    return names


def spare_the_reading() -> int:
    """Enter our modules and the standard library's in PySide's table; how many were new."""
    table = feature_table()
    if table is None:
        return 0
    before = len(table)
    for name in our_modules():
        table.setdefault(name, NO_FEATURE)
    stdlib = sys.stdlib_module_names
    for name in stdlib:
        table.setdefault(name, IGNORE)
    for name in list(sys.modules):
        if name.partition(".")[0] in stdlib:
            table.setdefault(name, IGNORE)  # a loaded submodule (json.decoder, ...)
    return len(table) - before
