"""Safe by construction (issue #15): --output never renames over what is not a regular file, editing
commands lock, keep owner and mode, refuse read-only files and ambiguous agreement ids."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from edit_helpers import kngg, snapshot, write
from helpers import write_region
from test_edit_sign import AGREEMENT, FILE, ORGANISATIONS

SRC = str(Path(__file__).parent.parent / "src")


def cli(*args: str, stdout: int | None = subprocess.PIPE) -> subprocess.CompletedProcess[bytes]:
    """kngg in a real process: standard output is a real file descriptor there."""
    env = {**os.environ, "PYTHONPATH": SRC, "KNGG_TODAY": "2026-11-23"}
    return subprocess.run(
        [sys.executable, "-m", "kngg_cli", *args], stdout=stdout, stderr=subprocess.PIPE, env=env, timeout=60
    )


def schema(*args: str) -> tuple[int, str, str]:
    from typer.testing import CliRunner

    from kngg_cli.cli.app import build_app

    result = CliRunner().invoke(build_app(), ["schema", *args], catch_exceptions=False)
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture
def root(tmp_path: Path) -> Path:
    root = write_region(tmp_path / "regio", {"organisations.yaml": None})
    write(root / "organisations.yaml", ORGANISATIONS)
    write(root / FILE, AGREEMENT)
    return root


# -- --output targets ------------------------------------------------------------------------------


def test_output_to_dev_null_keeps_the_device() -> None:
    before = os.stat("/dev/null")
    code, _out, err = schema("--output", "/dev/null")
    assert code == 0, err
    after = os.stat("/dev/null")
    assert stat.S_ISCHR(after.st_mode) and after.st_ino == before.st_ino


def test_output_to_dev_stdout_prints_and_keeps_the_link() -> None:
    link = os.readlink("/dev/stdout") if os.path.islink("/dev/stdout") else None
    done = cli("schema", "--output", "/dev/stdout")
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith(b"{") and b"$schema" in done.stdout
    assert (os.readlink("/dev/stdout") if os.path.islink("/dev/stdout") else None) == link


def test_output_to_dev_stdout_redirected_to_a_file_appends_where_the_shell_says(tmp_path: Path) -> None:
    out = tmp_path / "out.txt"
    out.write_bytes(b"voor\n")
    with open(out, "ab") as stream:
        done = cli("schema", "--output", "/dev/stdout", stdout=stream.fileno())
    assert done.returncode == 0, done.stderr
    assert out.read_bytes().startswith(b"voor\n{")


def test_output_to_a_fifo_writes_into_it(tmp_path: Path) -> None:
    fifo = tmp_path / "pijp"
    os.mkfifo(fifo)
    received: list[bytes] = []

    def read() -> None:
        with open(fifo, "rb") as stream:
            received.append(stream.read())

    reader = threading.Thread(target=read, daemon=True)
    reader.start()
    code, _out, err = schema("--output", str(fifo))
    reader.join(timeout=30)
    assert code == 0, err
    assert stat.S_ISFIFO(os.lstat(fifo).st_mode)
    assert received and b"$schema" in received[0]


def test_output_through_a_symlink_writes_its_target_and_keeps_the_link(tmp_path: Path) -> None:
    target = tmp_path / "echt.json"
    target.write_text("oud", encoding="utf-8")
    link = tmp_path / "link.json"
    link.symlink_to(target.name)
    code, _out, err = schema("--output", str(link))
    assert code == 0, err
    assert link.is_symlink() and os.readlink(link) == target.name
    assert "$schema" in target.read_text(encoding="utf-8")


def test_output_through_a_dangling_symlink_creates_its_target(tmp_path: Path) -> None:
    link = tmp_path / "link.json"
    link.symlink_to("nieuw.json")
    assert schema("--output", str(link))[0] == 0
    assert link.is_symlink() and "$schema" in (tmp_path / "nieuw.json").read_text(encoding="utf-8")


def test_output_to_a_folder_is_refused_with_one_line(tmp_path: Path) -> None:
    folder = tmp_path / "map"
    folder.mkdir()
    code, _out, err = schema("--output", str(folder))
    assert code == 2 and "is een map" in err and err.count("\n") == 1
    assert folder.is_dir() and not any(folder.iterdir())


def test_check_output_to_dev_null(root: Path) -> None:
    code, _out, _err = kngg("check", str(root), "--format", "json", "--output", "/dev/null")
    assert code == 0 and stat.S_ISCHR(os.stat("/dev/null").st_mode)


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="no /dev/full")
def test_a_full_disk_is_said_in_plain_words() -> None:
    done = cli("schema", "--output", "/dev/full")
    assert done.returncode == 2
    assert b"de schijf is vol" in done.stderr and done.stderr.count(b"\n") == 1
    with open("/dev/full", "wb") as full:
        done = cli("schema", stdout=full.fileno())
    assert done.returncode == 2 and b"de schijf is vol" in done.stderr
    assert b"interne fout" not in done.stderr and b"Traceback" not in done.stderr


# -- editing: lock, owner, read-only, ambiguity ---------------------------------------------------


def test_two_signs_at_once_both_land(root: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The first run is slow between reading and writing; the second starts meanwhile. Without a
    lock the second reads the old file and refuses (or loses the first signature)."""
    from click.testing import CliRunner  # noqa: F401  (the app's Click machinery, loaded up front)

    from kngg_cli.cli.app import build_app
    from kngg_cli.edit.textedit import EditableFile

    original = EditableFile.write
    first_planned = threading.Event()
    calls: list[int] = []

    def slow_write(self: EditableFile, text: str) -> None:
        calls.append(1)
        if len(calls) == 1:
            first_planned.set()
            time.sleep(0.5)
        original(self, text)

    monkeypatch.setattr(EditableFile, "write", slow_write)
    codes: dict[str, int] = {}

    def sign(party: str) -> None:
        app = build_app()
        args = ["sign", "sok-2025", str(root), "--party", party, "--today", "2026-11-23"]
        codes[party] = app(args, standalone_mode=False) or 0

    first = threading.Thread(target=sign, args=("gemeente-almere",), daemon=True)
    first.start()
    assert first_planned.wait(30)
    second = threading.Thread(target=sign, args=("ggd-flevoland",), daemon=True)
    second.start()
    first.join(30)
    second.join(30)
    text = (root / FILE).read_text(encoding="utf-8")
    assert codes == {"gemeente-almere": 0, "ggd-flevoland": 0}
    assert text.count("2026-11-23") == 2
    assert not list(root.rglob("*.lock"))  # the lock file does not stay behind


def test_sign_refuses_a_read_only_file(root: Path) -> None:
    os.chmod(root / FILE, 0o444)
    before = snapshot(root)
    code, _out, err = kngg("sign", "sok-2025", str(root), "--party", "gemeente-almere")
    assert code == 2 and "alleen-lezen" in err
    assert snapshot(root) == before
    assert stat.S_IMODE((root / FILE).stat().st_mode) == 0o444


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() != 0, reason="only root can give files away")
def test_sign_keeps_the_owner(root: Path) -> None:
    os.chown(root / FILE, 4321, 4322)
    assert kngg("sign", "sok-2025", str(root), "--party", "gemeente-almere")[0] == 0
    info = (root / FILE).stat()
    assert (info.st_uid, info.st_gid) == (4321, 4322)


def test_sign_refuses_an_agreement_id_defined_in_two_files(root: Path) -> None:
    write(root / "agreements/kopie.yaml", AGREEMENT)
    before = snapshot(root)
    code, _out, err = kngg("sign", "sok-2025", str(root), "--party", "gemeente-almere")
    assert code == 1
    assert "meer dan één bestand" in err and "kopie.yaml" in err and "sok-2025.yaml" in err
    assert snapshot(root) == before
