"""The result cache of `check` and `status`: a hit is the same output byte for byte, any change misses."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

import kngg_cli.engine
from helpers import write_region


@pytest.fixture
def broken(tmp_path: Path) -> Path:
    """One error (R001) and one warning (P002)."""
    people = """
        kind: Person
        id: sanne
        name: Sanne
        organisation: gemeente-almer
        email: sanne@gmail.com
    """
    return write_region(tmp_path / "regio", {"people.yaml": people})


@pytest.fixture
def no_checking(monkeypatch: pytest.MonkeyPatch):  # type: ignore[no-untyped-def]
    """From now on, checking raises: whatever still comes out came from the cache."""

    def turn_off() -> None:
        def refuse(*_args: object, **_kwargs: object) -> None:
            raise AssertionError("checked again instead of using the cache")

        monkeypatch.setattr(kngg_cli.engine, "check_roots", refuse)

    return turn_off


def _cache_files(folder: Path) -> list[Path]:
    return sorted(folder.rglob("*.json"))


def _checked_again(result) -> bool:  # type: ignore[no-untyped-def]
    """The refusing checker ran: an internal error, exit 2."""
    return bool(result.exit_code == 2 and "checked again" in result.output)


def _touch_later(path: Path) -> None:
    """Same content, a later modification time."""
    status = path.stat()
    os.utime(path, ns=(status.st_atime_ns, status.st_mtime_ns + 5_000_000_000))


@pytest.mark.parametrize("command", [["check"], ["check", "--format", "json"], ["status"]])
def test_a_hit_is_the_same_output_byte_for_byte(invoke, broken: Path, no_checking, command) -> None:  # type: ignore[no-untyped-def]
    first = invoke(*command, str(broken))
    no_checking()
    second = invoke(*command, str(broken))
    assert second.stdout_bytes == first.stdout_bytes
    assert second.exit_code == first.exit_code
    assert first.stdout


def test_the_cache_is_in_the_cache_folder_not_in_the_region(invoke, broken: Path, _own_cache: Path) -> None:  # type: ignore[no-untyped-def]
    invoke("check", str(broken))
    assert _cache_files(_own_cache)
    assert not [p for p in broken.rglob("*") if "cache" in p.name.lower()]


def test_a_changed_file_misses(invoke, broken: Path) -> None:  # type: ignore[no-untyped-def]
    first = invoke("check", str(broken))
    people = broken / "people.yaml"
    people.write_text(people.read_text(encoding="utf-8").replace("almer", "almere"), encoding="utf-8")
    second = invoke("check", str(broken))
    assert "R001" in first.stdout and "R001" not in second.stdout


def test_an_edit_that_keeps_size_and_time_still_misses(invoke, broken: Path) -> None:  # type: ignore[no-untyped-def]
    """A coarse clock (or a quick edit) keeps the modification time: the content hash decides."""
    people = broken / "people.yaml"
    before = people.stat()
    assert "gemeente-almer" in invoke("check", str(broken)).stdout
    people.write_text(people.read_text(encoding="utf-8").replace("almer", "almxr"), encoding="utf-8")
    os.utime(people, ns=(before.st_atime_ns, before.st_mtime_ns))
    assert people.stat().st_size == before.st_size
    assert "gemeente-almxr" in invoke("check", str(broken)).stdout


def test_a_new_or_removed_file_misses(invoke, broken: Path) -> None:  # type: ignore[no-untyped-def]
    region_yaml = broken / "region.yaml"
    evidence = "progress:\n  phase: 1\n  step: 2\n  completed:\n    - step: 1\n      date: 2026-01-05\n"
    evidence += "      evidence: documents/besluit.pdf\n"
    text = region_yaml.read_text(encoding="utf-8").replace("progress:\n  phase: 1\n  step: 1\n", evidence)
    region_yaml.write_text(text, encoding="utf-8")
    missing = invoke("check", "--select", "R008", str(broken))
    assert "R008" in missing.stdout
    (broken / "documents").mkdir()
    (broken / "documents" / "besluit.pdf").write_bytes(b"%PDF-1.4\n")
    assert "R008" not in invoke("check", "--select", "R008", str(broken)).stdout
    (broken / "documents" / "besluit.pdf").unlink()
    assert "R008" in invoke("check", "--select", "R008", str(broken)).stdout


@pytest.mark.parametrize(
    ("option", "other"),
    [
        (["--today", "2026-11-23"], ["--today", "2027-11-23"]),
        (["--lang", "nl"], ["--lang", "en"]),
        (["--select", "R"], ["--select", "P"]),
        (["--ignore", "P002"], ["--ignore", "R001"]),
        (["--format", "text"], ["--format", "json"]),
        ([], ["--strict"]),
    ],
)
def test_a_changed_option_misses(
    invoke, broken: Path, no_checking, option: list[str], other: list[str]
) -> None:  # type: ignore[no-untyped-def]
    invoke("check", *option, str(broken))
    no_checking()
    assert invoke("check", *option, str(broken)).exit_code == 1  # the same options: a hit
    assert _checked_again(invoke("check", *other, str(broken)))


def test_no_cache_neither_reads_nor_writes(invoke, broken: Path, _own_cache: Path, no_checking) -> None:  # type: ignore[no-untyped-def]
    invoke("check", "--no-cache", str(broken))
    assert not _cache_files(_own_cache)
    invoke("check", str(broken))
    no_checking()
    assert _checked_again(invoke("check", "--no-cache", str(broken)))


@pytest.mark.parametrize("content", [b"{not json", b"\xff\xfe\x00", b'{"format": "iets anders"}', b"[]"])
def test_a_corrupt_or_foreign_cache_file_is_ignored(
    invoke, broken: Path, _own_cache: Path, content: bytes
) -> None:  # type: ignore[no-untyped-def]
    first = invoke("check", str(broken))
    for path in _cache_files(_own_cache):
        path.write_bytes(content)
    again = invoke("check", str(broken))
    assert (again.stdout, again.exit_code) == (first.stdout, first.exit_code)
    _touch_later(broken / "people.yaml")
    assert invoke("check", str(broken)).stdout == first.stdout


def test_an_unwritable_cache_folder_is_not_fatal(invoke, broken: Path, monkeypatch, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    blocked = tmp_path / "geen-map"
    blocked.write_text("een bestand, geen map", encoding="utf-8")
    monkeypatch.setenv("KNGG_CACHE_DIR", str(blocked / "kngg"))
    result = invoke("check", str(broken))
    assert result.exit_code == 1 and "R001" in result.stdout


def test_a_cache_folder_inside_the_region_is_not_used(invoke, broken: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setenv("KNGG_CACHE_DIR", str(broken / ".cache"))
    invoke("check", str(broken))
    assert not (broken / ".cache").exists()


def test_another_build_of_kngg_misses(invoke, broken: Path, no_checking, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """Two builds with the same version number (a development install, a newer commit from git)
    share the user's cache folder but never a result."""
    import kngg_cli.cache

    invoke("check", str(broken))
    no_checking()
    monkeypatch.setattr(kngg_cli.cache, "_code_fingerprint", lambda: [["another build", 1, 2]])
    assert _checked_again(invoke("check", str(broken)))
