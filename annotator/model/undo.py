"""The undo stack: what holds the edit commands (commands.py, with History, the stack set
aside), without needing them (a new, unedited document has none)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .commands import Command, History, Op


class UndoStack:
    """Linear undo/redo history with a clean (saved) marker."""

    def __init__(self, apply: Callable[[Sequence[Op]], None]) -> None:
        self._apply = apply
        self._commands: list[Command] = []
        self._index = 0  # commands[:index] are done
        self._clean_index: int | None = 0

    def push(self, command: Command) -> None:
        # the history is updated before the operations apply, so that listeners told of
        # the change already see it as undoable (commands are checked before they are made)
        del self._commands[self._index :]
        if self._clean_index is not None and self._clean_index > self._index:
            self._clean_index = None  # the saved state can no longer be reached
        self._commands.append(command)
        self._index += 1
        self._apply(command.ops)

    def can_undo(self) -> bool:
        return self._index > 0

    def can_redo(self) -> bool:
        return self._index < len(self._commands)

    def undo_name(self) -> str:
        command = self.peek_undo()
        return command.name if command else ""

    def redo_name(self) -> str:
        command = self.peek_redo()
        return command.name if command else ""

    def peek_undo(self) -> Command | None:
        return self._commands[self._index - 1] if self.can_undo() else None

    def peek_redo(self) -> Command | None:
        return self._commands[self._index] if self.can_redo() else None

    def undo(self) -> Command | None:
        if not self.can_undo():
            return None
        self._index -= 1
        command = self._commands[self._index]
        self._apply(command.inverse_ops())
        return command

    def redo(self) -> Command | None:
        if not self.can_redo():
            return None
        command = self._commands[self._index]
        self._index += 1
        self._apply(command.ops)
        return command

    def history(self) -> History:
        from .commands import History  # with the commands it holds (loaded at the first edit)

        return History(tuple(self._commands), self._index)

    def restore(self, history: History) -> None:
        """Take back a history set aside. The caller guarantees that the annotations are
        exactly the state it ends in (what was saved then is still what is on disk);
        that state is the saved one."""
        self._commands = list(history.commands)
        self._index = history.index
        self._clean_index = history.index

    def set_clean(self) -> None:
        self._clean_index = self._index

    def is_clean(self) -> bool:
        return self._clean_index == self._index

    def __len__(self) -> int:
        return len(self._commands)
