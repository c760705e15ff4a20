"""model/lazy.py: a module whose code runs at its first use (the edit commands, issue 10)."""

from __future__ import annotations

import subprocess
import sys


def _run(script: str) -> str:
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True)
    return done.stdout.strip()


def test_a_lazy_module_runs_at_its_first_use_and_is_the_package_s_attribute() -> None:
    script = (
        "import sys, annotator.model as model\n"
        "commands = sys.modules['annotator.model.commands']\n"
        "before = type(commands).__name__\n"
        "added = commands.AddSpan\n"  # the first use runs it
        "import annotator.model.commands as again\n"
        "print(before, type(commands).__name__, again is commands, model.commands is commands, added.__name__)\n"
    )
    assert _run(script) == "_LazyModule module True True AddSpan"


def test_a_module_already_loaded_is_given_as_it_is() -> None:
    script = (
        "import sys, json\n"
        "from annotator.model.lazy import lazy_module\n"
        "print(lazy_module('json') is json)\n"
    )
    assert _run(script) == "True"


def test_editing_and_undoing_work_when_the_commands_come_late() -> None:
    script = (
        "import sys\n"
        "from annotator.model import AnnotationSet, Document\n"
        "aset = AnnotationSet(Document('d', 'سلام دنیا', 't'), 'ali')\n"
        "loaded = type(sys.modules['annotator.model.commands']).__name__\n"
        "aset.add_span('actor', 0, 4)\n"
        "aset.undo()\n"
        "print(loaded, aset.span_count(), aset.undo_stack.can_redo())\n"
    )
    assert _run(script) == "_LazyModule 0 True"
