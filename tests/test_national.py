"""Checking many regions: each is kept slim once checked, and the reports do not change."""

from __future__ import annotations

import gc
import os
import sys
from pathlib import Path

import pytest

from helpers import MINIMAL_REGION, TODAY, write_region
from kngg_cli.engine import CheckOptions, check_roots, default_jobs
from kngg_cli.report import ReportContext, get_reporter


def _two_regions(tmp_path: Path) -> list[Path]:
    people = "kind: Person\nid: sanne\nname: Sanne\norganisation: gemeente-almer\n"
    first = write_region(tmp_path / "a", {"people.yaml": people})
    second_region = MINIMAL_REGION["region.yaml"].replace("testregio", "tweede").replace("GM0034", "GM0050")
    second_org = MINIMAL_REGION["organisations.yaml"].replace("GM0034", "GM0050")
    second = write_region(tmp_path / "b", {"region.yaml": second_region, "organisations.yaml": second_org})
    return [first, second]


def test_a_slim_result_reports_the_same(tmp_path: Path) -> None:
    roots = _two_regions(tmp_path)
    options = CheckOptions(today=TODAY)
    full, slim = check_roots(roots, options), check_roots(roots, options, slim=True)
    for name in ("text", "json", "junit", "sarif", "gitlab", "github"):
        context = ReportContext(str(tmp_path), False, "nl", "0")
        assert get_reporter(name)(slim, context) == get_reporter(name)(full, context), name


def test_a_slim_region_keeps_only_the_files_its_findings_point_into(tmp_path: Path) -> None:
    result = check_roots(_two_regions(tmp_path), CheckOptions(today=TODAY), slim=True)
    pointed = {f.location.path for f in result.findings}
    for region in result.regions:
        assert region.view.documents == []
        assert {source.path for source in region.view.files} <= pointed
        for source in region.view.files:
            assert source.documents == [] and source.text == "" and source.lines
        assert len(region.file_names) == region.files  # junit still lists every file


def test_the_collector_is_on_again_afterwards(tmp_path: Path) -> None:
    check_roots(_two_regions(tmp_path), CheckOptions(today=TODAY), slim=True)
    assert gc.isenabled()


def _four_regions(tmp_path: Path) -> list[Path]:
    roots = _two_regions(tmp_path)
    for name, code in (("c", "GM0059"), ("d", "GM0060")):
        region = MINIMAL_REGION["region.yaml"].replace("testregio", f"regio-{name}").replace("GM0034", code)
        organisations = MINIMAL_REGION["organisations.yaml"].replace("GM0034", code)
        files = {"region.yaml": region, "organisations.yaml": organisations}
        roots.append(write_region(tmp_path / name, files))
    return roots


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="worker processes are forked on Linux only")
def test_regions_checked_by_workers_report_what_one_process_reports(tmp_path: Path) -> None:
    roots = _four_regions(tmp_path)
    options = CheckOptions(today=TODAY)
    alone = check_roots(roots, options, slim=True)
    side_by_side = check_roots(roots, options, slim=True, jobs=2)
    assert [r.root for r in side_by_side.regions] == roots
    for name in ("text", "json", "sarif", "github"):
        context = ReportContext(str(tmp_path), False, "nl", "0")
        assert get_reporter(name)(side_by_side, context) == get_reporter(name)(alone, context), name
    assert gc.isenabled()


def test_workers_only_for_a_folder_of_several_regions(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("KNGG_JOBS", raising=False)
    assert default_jobs(1) == 1 and default_jobs(3) == 1
    if sys.platform.startswith("linux") and len(os.sched_getaffinity(0)) > 1:
        assert default_jobs(27) > 1
    monkeypatch.setenv("KNGG_JOBS", "1")
    assert default_jobs(27) == 1
    monkeypatch.setenv("KNGG_JOBS", "3")
    assert default_jobs(2) == 3
    monkeypatch.setenv("KNGG_JOBS", "veel")  # not a number: as if unset
    assert default_jobs(1) == 1


class _PoolInThisProcess:
    """Stands in for ProcessPoolExecutor: runs the tasks here and counts that it was used."""

    used = 0

    def __init__(self, max_workers: int, mp_context: object) -> None:
        type(self).used += 1
        self.max_workers = max_workers

    def __enter__(self) -> _PoolInThisProcess:
        return self

    def __exit__(self, *exc: object) -> None:
        return None

    def map(self, function, items, chunksize=1):  # type: ignore[no-untyped-def]
        return map(function, items)


@pytest.fixture
def pool(monkeypatch: pytest.MonkeyPatch) -> type[_PoolInThisProcess]:
    import concurrent.futures

    _PoolInThisProcess.used = 0
    monkeypatch.setattr(concurrent.futures, "ProcessPoolExecutor", _PoolInThisProcess)
    return _PoolInThisProcess


def test_one_job_checks_in_this_process(tmp_path: Path, pool: type[_PoolInThisProcess]) -> None:
    check_roots(_four_regions(tmp_path), CheckOptions(today=TODAY), slim=True, jobs=1)
    assert pool.used == 0


def test_two_regions_are_checked_here_whatever_the_jobs(
    tmp_path: Path, pool: type[_PoolInThisProcess]
) -> None:
    check_roots(_two_regions(tmp_path), CheckOptions(today=TODAY), slim=True, jobs=2)
    assert pool.used == 0


def test_status_keeps_its_models_so_it_checks_here(tmp_path: Path, pool: type[_PoolInThisProcess]) -> None:
    result = check_roots(_four_regions(tmp_path), CheckOptions(today=TODAY), jobs=2)
    assert pool.used == 0
    assert all(region.view.documents for region in result.regions)


def test_the_first_region_here_the_others_in_workers(tmp_path: Path, pool: type[_PoolInThisProcess]) -> None:
    roots = _four_regions(tmp_path)
    result = check_roots(roots, CheckOptions(today=TODAY), slim=True, jobs=2)
    assert pool.used == 1
    assert [r.root for r in result.regions] == roots


def test_workers_start_at_four_regions_on_linux(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("KNGG_JOBS", raising=False)
    monkeypatch.setattr(os, "sched_getaffinity", lambda _pid: {0, 1, 2}, raising=False)
    monkeypatch.setattr(sys, "platform", "linux")
    assert (default_jobs(3), default_jobs(4)) == (1, 3)
    monkeypatch.setenv("KNGG_JOBS", "0")  # no number of workers: as if unset
    assert (default_jobs(3), default_jobs(4)) == (1, 3)
    monkeypatch.setattr(sys, "platform", "darwin")  # no fork there: one process
    monkeypatch.delenv("KNGG_JOBS")
    assert default_jobs(40) == 1
