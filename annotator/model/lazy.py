"""A module loaded at its first use, not where it is imported (importlib.util.LazyLoader).

Python runs a lazily loaded module's code when one of its attributes is first read. The
standard library's loader is not safe when two threads read first at the same time before
Python 3.12.3: whoever imports one this way makes sure its first use is on one thread
(annotation_set.py's commands: the window's first edit or build_rest, the commands' first
load)."""

from __future__ import annotations

import importlib.util
import sys
from types import ModuleType


def lazy_module(name: str) -> ModuleType:
    """The module `name`: the loaded one if it is, else one whose code runs at its first use."""
    if name in sys.modules:
        return sys.modules[name]
    spec = importlib.util.find_spec(name)
    if spec is None or spec.loader is None:
        raise ModuleNotFoundError(f"no module named {name!r}", name=name)
    loader = importlib.util.LazyLoader(spec.loader)
    spec.loader = loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    loader.exec_module(module)
    parent, _, child = name.rpartition(".")
    if parent:
        setattr(sys.modules[parent], child, module)  # as an import would (`package.child`)
    return module
