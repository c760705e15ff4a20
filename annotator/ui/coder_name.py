"""The coder's name: the system's user name offered at the first start, and whether a
name can be a coder's. Apart from the name dialog (ui/identity.py): a start with
`--annotator NAME` checks the name before its first frame, and the dialog's widgets (and
their enums) are made only when it is asked."""

from __future__ import annotations

from ..io.names import is_reserved, safe_name


def login_name() -> str:
    """The system's user name, offered as a default (never empty)."""
    import getpass  # here: it is needed at the first start only

    try:
        name = getpass.getuser()
    except Exception:  # no user database entry (a container): any name will do
        name = ""
    return name.strip() or "anonymous"


def name_problem(name: str) -> str:
    """Why a name cannot be a coder's name, or "" when it can."""
    from PySide6.QtCore import QCoreApplication

    name = name.strip()
    if not name:
        return QCoreApplication.translate("NameDialog", "Type a name.")
    if is_reserved(name):
        return QCoreApplication.translate("NameDialog", "“%1” is reserved for annotator's own use.").replace("%1", name)
    if not safe_name(name, ""):
        return QCoreApplication.translate("NameDialog", "Use at least one letter or digit.")
    return ""
