"""Sharing a project through git (File ▸ Synchronise; docs/team.md).

Each coder writes only `annotations/<their name>/`, so coders never change the same file.
Synchronising, with the git command-line program:

1. make sure the project's .gitignore keeps caches, locks and journals out of git;
2. commit the coder's own folder and the project's entity registry (entities.json: E
   makes entities as coders work, so it travels with their work), nothing else;
3. `git pull --rebase --autostash` (their commit goes on top of what others pushed); when
   entities.json changed on both sides, the two are merged by id (entity ids are random,
   so two clones' entities never clash) and the rebase goes on;
4. `git push`;
5. report what arrived: new documents, other coders' files, project changes.

Nothing is ever lost: the coder's work is committed before anything else happens; a
rebase that stops on a conflict is aborted (the local commit stays, the message says
which files), and a push that fails leaves the commit for the next time. git never
asks for a password here (GIT_TERMINAL_PROMPT=0): a remote that needs one fails with its
message instead of a window waiting forever.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from ..model.entities import Entity, EntityRegistry, merge_entities
from . import entities as entity_files
from .atomic import write_atomic
from .catalog import ANNOTATIONS_DIR, DOCUMENTS_DIR, GITIGNORE, GITIGNORE_LINES, PROJECT_FILE
from .project import DEFAULT_ANNOTATOR, safe_name

TIMEOUT = 300.0  # seconds for one git command (a slow network), then it is stopped


class SyncError(Exception):
    """Synchronising could not be done or finished; the message says why and what to do.
    Whatever the coder did is committed or untouched: nothing is lost."""


@dataclass
class SyncReport:
    committed: int = 0  # files of the coder's own folder in the new commit
    pulled: bool = False
    pushed: bool = False
    new_documents: list[str] = field(default_factory=list)
    changed_documents: list[str] = field(default_factory=list)
    others: dict[str, int] = field(default_factory=dict)  # folder -> annotation files that arrived
    project_changed: bool = False  # project.json (schema, settings) came with the pull
    entities_changed: bool = False  # entities.json came with the pull (or was merged with it)
    notes: list[str] = field(default_factory=list)

    @property
    def arrived(self) -> bool:
        return bool(
            self.new_documents or self.changed_documents or self.others or self.project_changed or self.entities_changed
        )

    def lines(self) -> list[str]:
        lines = [
            f"your work: {self.committed} file(s) committed" if self.committed else "your work: nothing new to commit"
        ]
        if self.pulled:
            if not self.arrived:
                lines.append("nothing new arrived")
            if self.new_documents:
                lines.append(f"{len(self.new_documents)} new document(s)")
            if self.changed_documents:
                lines.append(f"{len(self.changed_documents)} document(s) changed")
            for folder, n in sorted(self.others.items()):
                lines.append(f"{folder}: {n} annotation file(s) new or changed")
            if self.project_changed:
                lines.append("the project's labels or settings changed")
            if self.entities_changed:
                lines.append("the others' new or changed entities arrived")
        if self.pushed:
            lines.append("sent")
        return lines + self.notes


def git_program() -> str | None:
    return shutil.which("git")


def _env() -> dict[str, str]:
    env = dict(os.environ)
    env.update({"GIT_TERMINAL_PROMPT": "0", "GIT_EDITOR": "true", "GIT_MERGE_AUTOEDIT": "no", "LC_ALL": "C"})
    env.pop("GIT_DIR", None)
    env.pop("GIT_WORK_TREE", None)
    return env


def _git(folder: Path, *args: str, check: bool = True, config: Sequence[str] = ()) -> subprocess.CompletedProcess[str]:
    git = git_program()
    if git is None:
        raise SyncError("git is not installed (no `git` command found): install git to share a project")
    try:
        done = subprocess.run(
            [git, "-c", "core.quotepath=false", *config, *args],
            cwd=folder,
            env=_env(),
            capture_output=True,
            text=True,
            encoding="utf-8",
            errors="replace",
            timeout=TIMEOUT,
            stdin=subprocess.DEVNULL,
        )
    except subprocess.TimeoutExpired:
        raise SyncError(f"git {args[0]} took more than {int(TIMEOUT)} s and was stopped") from None
    except OSError as exc:
        raise SyncError(f"cannot run git: {exc.strerror or exc}") from None
    if check and done.returncode != 0:
        raise SyncError(f"git {args[0]}: {_first_line(done)}")
    return done


def _first_line(done: subprocess.CompletedProcess[str]) -> str:
    for text in (done.stderr, done.stdout):
        for line in text.splitlines():
            line = line.strip()
            # fetch's progress ("From URL", " * branch ...") is not the reason
            if line and not line.startswith(("hint:", "From ", "* ", "+ ", "- ")) and " -> " not in line:
                return line.removeprefix("fatal: ").removeprefix("error: ")
    return f"exit status {done.returncode}"


def is_work_tree(folder: Path) -> bool:
    """Whether the folder is inside a git work tree (False when git is missing)."""
    if git_program() is None:
        return False
    try:
        done = _git(Path(folder), "rev-parse", "--is-inside-work-tree", check=False)
    except SyncError:
        return False
    return done.returncode == 0 and done.stdout.strip() == "true"


def ensure_gitignore(folder: Path) -> bool:
    """Add what the project's .gitignore lacks of annotator's lines; True if it changed."""
    path = Path(folder) / ".gitignore"
    try:
        text = path.read_text(encoding="utf-8") if path.exists() else ""
    except (OSError, UnicodeDecodeError) as exc:
        raise SyncError(f"{path}: cannot read: {exc}") from None
    if not text:
        write_atomic(path, GITIGNORE.encode("utf-8"))
        return True
    have = {line.strip() for line in text.splitlines()}
    missing = [line for line in GITIGNORE_LINES if line not in have]
    if not missing:
        return False
    addition = "# added by annotator\n" + "".join(f"{line}\n" for line in missing)
    write_atomic(path, (text if text.endswith("\n") else text + "\n").encode("utf-8") + addition.encode("utf-8"))
    return True


def _status_paths(folder: Path, paths: Sequence[str]) -> list[str]:
    """Changed and untracked files under `paths`, relative to `folder` (porcelain output
    names them from the repository's top, which may be above the project)."""
    prefix = _git(folder, "rev-parse", "--show-prefix").stdout.strip()
    done = _git(folder, "status", "--porcelain", "-z", "--untracked-files=all", "--", *paths)
    found: list[str] = []
    entries = done.stdout.split("\0")
    i = 0
    while i < len(entries):
        entry = entries[i]
        i += 1
        if len(entry) < 4:
            continue
        if entry[0] in "RC":
            i += 1  # the name it had follows
        path = entry[3:]
        found.append(path[len(prefix) :] if prefix and path.startswith(prefix) else path)
    return found


def synchronise(folder: Path | str, annotator: str) -> SyncReport:
    """Commit the coder's own files, pull with rebase, push; report what arrived.
    Raises SyncError (with a message for the coder) when it cannot go on."""
    folder = Path(folder)
    if git_program() is None:
        raise SyncError("git is not installed (no `git` command found): install git to share a project")
    if not is_work_tree(folder):
        raise SyncError(
            f"{folder} is not a git work tree: to share it, make it one (`git init`, or clone the team's "
            "repository) as docs/team.md says"
        )
    report = SyncReport()
    own = f"{ANNOTATIONS_DIR}/{safe_name(annotator or DEFAULT_ANNOTATOR, DEFAULT_ANNOTATOR)}"
    paths = [own]
    if _status_paths(folder, [entity_files.PROJECT_FILE]):
        paths.append(entity_files.PROJECT_FILE)
    if ensure_gitignore(folder) or _status_paths(folder, [".gitignore"]):
        paths.append(".gitignore")
    changed = _status_paths(folder, paths)
    identity: list[str] = []
    if not _git(folder, "config", "user.email", check=False).stdout.strip():
        # no git identity on this machine (committing and rebasing need one): the coder's
        # name and an address that goes nowhere
        who = annotator or DEFAULT_ANNOTATOR
        address = f"{safe_name(who).replace(' ', '.')}@annotator.invalid"
        identity = ["-c", f"user.name={who}", "-c", f"user.email={address}"]
    if changed:
        # only the paths with changes (the coder's folder may not exist yet when only
        # entities.json changed): git refuses a path that matches nothing
        paths = [p for p in paths if any(c == p or c.startswith(p + "/") for c in changed)]
        _git(folder, "add", "-A", "--", *paths)
        message = f"annotator: {annotator or DEFAULT_ANNOTATOR}'s annotations ({len(changed)} file(s))"
        if entity_files.PROJECT_FILE in changed:
            message += " and entities"
        _git(folder, "commit", "-q", "-m", message, "--", *paths, config=identity)
        report.committed = len([p for p in changed if p.startswith(own + "/")])
    left = [p for p in _status_paths(folder, ["."]) if not p.startswith(f"{ANNOTATIONS_DIR}/")]
    if left:
        report.notes.append(
            "not sent, because synchronising sends only your own annotations: "
            + ", ".join(left[:5])
            + (" …" if len(left) > 5 else "")
            + " (commit them with git if the team should have them)"
        )
    remotes = _git(folder, "remote").stdout.split()
    if not remotes:
        report.notes.append(
            "no remote to exchange with: your work is committed here; add the team's repository with "
            "`git remote add origin URL` (docs/team.md)"
        )
        return report
    upstream = _git(folder, "rev-parse", "--abbrev-ref", "--symbolic-full-name", "@{u}", check=False)
    if upstream.returncode != 0:
        branch = _git(folder, "rev-parse", "--abbrev-ref", "HEAD").stdout.strip()
        raise SyncError(
            f"your work is committed, but the branch {branch} follows no remote branch: run "
            f"`git push -u {remotes[0]} {branch}` once"
        )
    before = _git(folder, "rev-parse", "HEAD").stdout.strip()
    pull = _git(folder, "pull", "--rebase", "--autostash", "--no-edit", check=False, config=identity)
    if pull.returncode != 0 and _merge_entity_conflicts(folder, identity, report):
        report.entities_changed = True
    elif pull.returncode != 0:
        conflicts = _git(folder, "diff", "--name-only", "--diff-filter=U", check=False).stdout.split()
        if _rebasing(folder):
            _git(folder, "rebase", "--abort", check=False)
        if conflicts:
            raise SyncError(
                "your work is committed here, but it conflicts with what others sent in "
                + ", ".join(conflicts[:5])
                + ": nothing was changed; resolve it with git (docs/team.md)"
            )
        raise SyncError(f"your work is committed here, but fetching the others' failed: {_first_line(pull)}")
    report.pulled = True
    _arrivals(folder, before, own, report)
    push = _git(folder, "push", check=False)
    if push.returncode != 0:
        report.notes.append(f"not sent (your work stays committed here, try again later): {_first_line(push)}")
    else:
        report.pushed = True
    return report


def _merge_entity_conflicts(folder: Path, identity: Sequence[str], report: SyncReport) -> bool:
    """While the rebase stops on entities.json alone, merge the two registries by id (the
    others' and this coder's, against their common base), and go on. True when the rebase
    finished; False when it stopped on anything else (the caller aborts it)."""
    for _ in range(1000):  # one stop per local commit at most
        if not _rebasing(folder):
            return True
        conflicts = _git(folder, "diff", "--name-only", "--diff-filter=U", "--relative", check=False).stdout.split()
        if conflicts != [entity_files.PROJECT_FILE]:
            return False
        try:
            # in a rebase, stage 2 is the upstream's (the others'), stage 3 this coder's commit
            base, theirs, mine = (_staged_entities(folder, stage) for stage in (1, 2, 3))
        except entity_files.EntityFileError:
            return False
        merged, clashes = merge_entities(base, theirs, mine)
        write_atomic(folder / entity_files.PROJECT_FILE, entity_files.dumps(EntityRegistry(merged.values())))
        for entity_id in clashes:
            report.notes.append(
                f"{entity_files.PROJECT_FILE}: entity {entity_id} was changed both here and by others; "
                "yours was kept (check it in the Entities panel)"
            )
        _git(folder, "add", "--", entity_files.PROJECT_FILE)
        _git(folder, "rebase", "--continue", check=False, config=identity)
    return False


def _staged_entities(folder: Path, stage: int) -> dict[str, Entity]:
    """The registry in a conflict's stage; empty when that side has no such file."""
    done = _git(folder, "show", f":{stage}:./{entity_files.PROJECT_FILE}", check=False)
    if done.returncode != 0:
        return {}
    try:
        data = json.loads(done.stdout)
    except ValueError as exc:
        raise entity_files.EntityFileError(f"{entity_files.PROJECT_FILE}: {exc}") from None
    return entity_files.from_json(data).snapshot()


def _rebasing(folder: Path) -> bool:
    git_dir = Path(_git(folder, "rev-parse", "--absolute-git-dir").stdout.strip())
    return (git_dir / "rebase-merge").exists() or (git_dir / "rebase-apply").exists()


def _arrivals(folder: Path, before: str, own: str, report: SyncReport) -> None:
    """What the pull brought: the upstream's changes since it and our commit parted."""
    base = _git(folder, "merge-base", before, "@{u}", check=False).stdout.strip()
    if not base:
        return
    done = _git(folder, "diff", "--name-status", "-z", "--relative", base, "@{u}", "--", ".")
    fields = done.stdout.split("\0")
    i = 0
    while i + 1 < len(fields):
        status, path = fields[i], fields[i + 1]
        i += 2
        if status.startswith(("R", "C")):  # renames and copies name two paths
            path = fields[i] if i < len(fields) else path
            i += 1
        parts = path.split("/")
        if len(parts) == 2 and parts[0] == DOCUMENTS_DIR and parts[1].endswith(".json"):
            target = report.new_documents if status.startswith("A") else report.changed_documents
            target.append(parts[1][: -len(".json")])
        elif len(parts) == 3 and parts[0] == ANNOTATIONS_DIR and f"{parts[0]}/{parts[1]}" != own:
            report.others[parts[1]] = report.others.get(parts[1], 0) + 1
        elif path == PROJECT_FILE:
            report.project_changed = True
        elif path == entity_files.PROJECT_FILE:
            report.entities_changed = True
