"""The `annotator` command: --version, --help, validate; never a traceback."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

import annotator
from annotator.cli import main
from annotator.io import jsonformat
from annotator.model import AnnotationSet, Document, default_schema

ROOT = Path(__file__).resolve().parents[2]
TEXT = "سخنگوی دولت در تهران گفت که قیمت\u200cها کاهش می\u200cیابد."
# a place inside the file ($.spans[1].end), or none when the problem is the whole file
LINE = re.compile(r"^(?P<file>.+?\.json): (?:(?P<path>\$[^ ]*): )?(?P<message>\S.*)$")


def write_valid(path: Path) -> Path:
    aset = AnnotationSet(Document("d", TEXT, "خبر"), "tester", default_schema())
    claim = aset.add_span("claim", TEXT.index("قیمت"), len(TEXT) - 1)
    actor = aset.add_span("actor", 0, TEXT.index(" در"))
    aset.add_relation("claimed_by", claim.id, actor.id)
    jsonformat.save(aset, path)
    return path


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    try:
        code = main(list(argv))
    except SystemExit as exc:  # argparse's own exits (--help, --version, usage errors)
        code = exc.code if isinstance(exc.code, int) else 1
    out, err = capsys.readouterr()
    return code, out, err


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "--version")
    assert code == 0 and err == ""
    assert out == f"annotator {annotator.__version__}\n"
    assert re.fullmatch(r"\d+\.\d+\.\d+\S*", annotator.__version__)


def test_help_lists_the_commands(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "--help")
    assert code == 0
    assert out.startswith("usage: annotator")
    assert "validate" in out and "right-to-left" in out
    code, out, _ = run(capsys, "validate", "--help")
    assert code == 0 and "PATH" in out


def test_validate_accepts_valid_files(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    a = write_valid(tmp_path / "a.annotations.json")
    b = write_valid(tmp_path / "b.annotations.json")
    code, out, err = run(capsys, "validate", str(a), str(b))
    assert (code, out, err) == (0, "2 file(s) valid\n", "")


def test_validate_reports_one_line_per_problem(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    good = write_valid(tmp_path / "good.json")
    data = json.loads(good.read_text(encoding="utf-8"))
    data["spans"][0]["label"] = "city"
    data["spans"][1]["end"] = len(TEXT) + 3
    data["relations"][0]["to"] = "s9"
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    broken = tmp_path / "broken.json"
    broken.write_text('{"format": ', encoding="utf-8")

    code, out, err = run(capsys, "validate", str(good), str(bad), str(broken), "missing.json")
    assert code == 1
    assert out == ""
    lines = err.splitlines()
    assert lines == [
        f"{bad}: $.spans[0].label: unknown label 'city' (known: actor, location, claim)",
        f"{bad}: $.spans[1].end: end {len(TEXT) + 3} is beyond the text ({len(TEXT)} characters)",
        f"{bad}: $.relations[0].to: points to a missing span 's9'",
        f"{broken}: not valid JSON (line 1, column 12: expecting value); the file is damaged and was left as it is",
        "missing.json: no such file or folder",
    ]
    for line in lines:
        match = LINE.match(line)
        assert match, line


def test_validate_refuses_a_future_version_in_one_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = write_valid(tmp_path / "new.json")
    data = json.loads(path.read_text(encoding="utf-8"))
    data["version"] = 3
    data["spans"] = {"a": "v3 keeps spans differently"}
    path.write_text(json.dumps(data), encoding="utf-8")
    code, _, err = run(capsys, "validate", str(path))
    assert code == 1
    assert err.splitlines() == [
        f"{path}: $.version: written by a newer annotator (format version 3); this program "
        "reads version 1 and will not change the file"
    ]


def test_validate_a_folder_uses_its_schema_and_skips_the_schema_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    write_valid(tmp_path / "one.annotations.json")
    (tmp_path / "sub").mkdir()
    write_valid(tmp_path / "sub" / "two.annotations.json")
    (tmp_path / "annotator-schema.json").write_text(
        json.dumps(default_schema().to_json(), ensure_ascii=False), encoding="utf-8"
    )
    assert run(capsys, "validate", str(tmp_path)) == (0, "2 file(s) valid\n", "")

    # a label set without "claim" makes the files in that folder (not the subfolder) wrong
    (tmp_path / "annotator-schema.json").write_text(
        json.dumps({"labels": [{"id": "actor"}, {"id": "location"}]}), encoding="utf-8"
    )
    code, _, err = run(capsys, "validate", str(tmp_path))
    assert code == 1
    assert [LINE.match(line)["path"] for line in err.splitlines()] == [  # type: ignore[index]
        "$.spans[1].label",
        "$.relations[0].type",
    ]
    assert all(line.startswith(str(tmp_path / "one.annotations.json")) for line in err.splitlines())


def test_a_broken_folder_schema_is_reported_once(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    write_valid(tmp_path / "one.json")
    write_valid(tmp_path / "two.json")
    (tmp_path / "annotator-schema.json").write_text("{", encoding="utf-8")
    code, _, err = run(capsys, "validate", str(tmp_path))
    assert code == 1
    assert len(err.splitlines()) == 1
    assert err.startswith(f"{tmp_path / 'annotator-schema.json'}: ")


HOSTILE: dict[str, bytes] = {
    "empty": b"",
    "binary": bytes(range(256)),
    "utf16": '{"a": "ب"}'.encode("utf-16"),
    "array": b"[1, 2]",
    "null": b"null",
    "deep": b"[" * 50_000,
    "huge number": b'{"version": 1' + b"0" * 6000 + b"}",
    "lone surrogate": b'{"format": "annotator/annotations", "annotator": "\\udc00"}',
    "float offsets": json.dumps(
        {
            "format": "annotator/annotations",
            "version": 1,
            "document": {"id": "d", "title": "", "text_sha256": "0" * 64, "text": "abc"},
            "annotator": "",
            "status": "new",
            "spans": [{"id": "s1", "label": "actor", "start": 0.0, "end": 1e400, "text": "a"}],
            "relations": [{"id": "r1", "type": "claimed_by", "from": "s1", "to": "s1"}],
        }
    ).encode(),
    "wrong everything": json.dumps(
        {"format": 1, "version": "1", "document": [], "spans": None, "relations": "x"}
    ).encode(),
    "nan": b'{"version": NaN, "format": "annotator/annotations"}',
}


@pytest.mark.parametrize("raw", HOSTILE.values(), ids=HOSTILE.keys())
def test_hostile_files_get_lines_not_tracebacks(tmp_path: Path, capsys: pytest.CaptureFixture[str], raw: bytes) -> None:
    path = tmp_path / "x.json"
    path.write_bytes(raw)
    code, out, err = run(capsys, "validate", str(path))
    assert code == 1
    assert out == ""
    assert err
    for line in err.splitlines():
        match = LINE.match(line)
        assert match and match["file"] == str(path), line


def test_validate_a_folder_named_like_a_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "dir.json").mkdir()
    code, _, err = run(capsys, "validate", str(tmp_path))
    assert code == 1
    assert err.startswith(f"{tmp_path / 'dir.json'}: cannot read: ")


def test_usage_errors_exit_2_without_a_traceback(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "validate")
    assert code == 2
    assert "usage: annotator validate" in err and "Traceback" not in err


def _subprocess(*argv: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, PYTHONIOENCODING="utf-8")
    return subprocess.run(
        [sys.executable, "-m", "annotator.cli", *argv],
        capture_output=True,
        text=True,
        encoding="utf-8",
        cwd=cwd,
        env=env,
        timeout=60,
        check=False,
    )


def test_as_a_program(tmp_path: Path) -> None:
    version = _subprocess("--version", cwd=tmp_path)
    assert (version.returncode, version.stdout) == (0, f"annotator {annotator.__version__}\n")
    good = write_valid(tmp_path / "good.json")
    bad = tmp_path / "bad.json"
    bad.write_bytes(b"\x00\xff{")
    result = _subprocess("validate", str(good), str(bad), cwd=tmp_path)
    assert result.returncode == 1
    assert result.stdout == ""
    assert result.stderr == f"{bad}: not UTF-8 text (byte 1)\n"
    assert "Traceback" not in result.stderr
    ok = _subprocess("validate", str(good), cwd=tmp_path)
    assert (ok.returncode, ok.stdout, ok.stderr) == (0, "1 file(s) valid\n", "")


def test_every_package_folder_is_listed_in_pyproject() -> None:
    """[tool.setuptools] packages is kept by hand: a forgotten folder is missing when installed."""
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    listed = set(config["tool"]["setuptools"]["packages"])
    found = {
        ".".join(init.parent.relative_to(ROOT).parts)
        for init in (ROOT / "annotator").rglob("__init__.py")
        if "__pycache__" not in init.parts
    }
    assert "annotator.model" in found
    assert found - listed == set(), "add these to [tool.setuptools] packages in pyproject.toml"
    package_dir = config["tool"]["setuptools"]["package-dir"]
    for name in listed - found:  # the bundled-data packages live in other folders
        assert (ROOT / package_dir[name] / "__init__.py").is_file(), name


def test_a_closed_pipe_is_not_an_error(tmp_path: Path) -> None:
    """`annotator stats P --json | head -1` must not end in a traceback."""
    import subprocess
    import sys

    from annotator.io.project import Project

    Project.create(tmp_path / "p", "p")
    command = f"{sys.executable} -m annotator.cli stats {tmp_path / 'p'} --json | head -c 1"
    done = subprocess.run(["bash", "-c", command], capture_output=True, text=True, timeout=60)
    assert done.stdout == "{"
    assert "Traceback" not in done.stderr


def test_an_unexpected_error_is_one_line(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    import annotator.clicmds.validate as validate

    def boom(_args: object) -> int:
        raise RuntimeError("something broke")

    monkeypatch.setattr(validate, "run", boom)
    monkeypatch.delenv("ANNOTATOR_DEBUG", raising=False)
    from annotator.cli import main

    assert main(["validate", "x.json"]) == 70
    err = capsys.readouterr().err
    assert err.strip() == "annotator validate: unexpected error: RuntimeError: something broke"


def test_desktop_puts_the_entry_and_icon_in_the_users_menu(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from annotator.cli import main

    assert main(["desktop", "--data-home", str(tmp_path)]) == 0
    entry = (tmp_path / "applications" / "annotator.desktop").read_text(encoding="utf-8")
    assert "Icon=annotator" in entry
    exec_line = next(line for line in entry.splitlines() if line.startswith("Exec="))
    assert exec_line.endswith(" %f") and "annotator" in exec_line
    assert (tmp_path / "icons" / "hicolor" / "scalable" / "apps" / "annotator.svg").read_bytes().startswith(b"<?xml")
    assert "annotator.desktop" in capsys.readouterr().out


def test_help_names_the_window_options(capsys: pytest.CaptureFixture[str]) -> None:
    """--language and --annotator are options of the window, not of a subcommand: the main
    help names them (a new user found them only in a usage error)."""
    with pytest.raises(SystemExit) as exit_:
        main(["--help"])
    assert exit_.value.code == 0
    out = capsys.readouterr().out
    assert "--language fa|en" in out and "--annotator NAME" in out
