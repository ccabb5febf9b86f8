"""The CI templates for region repositories in examples/ci/: valid YAML that wires kngg the documented way."""

from __future__ import annotations

import re
import shlex
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from ruamel.yaml import YAML

from kngg_cli.cli import commands
from kngg_cli.report import REPORTERS

ROOT = Path(__file__).resolve().parents[1]
CI = ROOT / "examples" / "ci"


def _load(name: str) -> Any:
    return YAML(typ="safe").load((CI / name).read_text(encoding="utf-8"))


def _kngg_commands(lines: list[str]) -> list[list[str]]:
    """Every `kngg …` command in shell lines, as words (up to a shell operator)."""
    found = []
    for line in lines:
        for part in re.split(r"\|\||&&|;", line):
            words = shlex.split(part, comments=True)
            if words[:1] == ["kngg"]:
                found.append(words)
    return found


def _check_command(words: list[str]) -> None:
    assert words[1] in commands()
    if "--format" in words:
        assert words[words.index("--format") + 1] in REPORTERS


def _option(words: list[str], name: str) -> str | None:
    return words[words.index(name) + 1] if name in words else None


def test_github_actions_workflow() -> None:
    workflow = _load("github-actions.yml")
    triggers = workflow.get("on", workflow.get(True))  # YAML 1.1 readers turn `on` into True
    assert "pull_request" in triggers and "push" in triggers
    assert workflow["permissions"]["security-events"] == "write"
    job = workflow["jobs"]["kngg"]
    steps = job["steps"]
    uses = [step.get("uses", "") for step in steps]
    assert any(u.startswith("actions/checkout@") for u in uses)
    assert any(u.startswith("actions/setup-python@") for u in uses)
    commands = _kngg_commands([step["run"] for step in steps if "run" in step])
    for words in commands:
        _check_command(words)
    sarif = next(words for words in commands if _option(words, "--format") == "sarif")
    upload = next(
        step for step in steps if step.get("uses", "").startswith("github/codeql-action/upload-sarif@")
    )
    assert upload["with"]["sarif_file"] == _option(sarif, "--output") == "kngg.sarif"
    assert ["kngg", "check"] in commands  # the plain step for the log and the annotations
    install = next(step["run"] for step in steps if "pip install" in step.get("run", ""))
    assert "KNGG_PACKAGE" in install and "kngg-cli" in workflow["env"]["KNGG_PACKAGE"]


def test_gitlab_ci_job() -> None:
    config = _load("gitlab-ci.yml")
    job = config["kngg"]
    assert job["stage"] in config["stages"]
    assert "kngg-cli" in config["variables"]["KNGG_PACKAGE"]
    assert any("pip install" in line and "KNGG_PACKAGE" in line for line in job["before_script"])
    commands = _kngg_commands(job["script"])
    for words in commands:
        _check_command(words)
    report = next(words for words in commands if _option(words, "--format") == "gitlab")
    assert job["artifacts"]["reports"]["codequality"] == _option(report, "--output")
    assert job["artifacts"]["when"] == "always"
    assert ["kngg", "check"] in commands


def test_github_pages_job_publishes_the_site_after_the_check() -> None:
    workflow = _load("github-actions.yml")
    job = workflow["jobs"]["pages"]
    assert job["needs"] == "kngg"  # only when the check passed
    assert "default_branch" in job["if"] and "pull_request" in job["if"]
    assert job["permissions"]["pages"] == "write" and job["permissions"]["id-token"] == "write"
    assert job["environment"]["name"] == "github-pages"
    steps = job["steps"]
    commands = _kngg_commands([step["run"] for step in steps if "run" in step])
    for words in commands:
        _check_command(words)
    [site] = [words for words in commands if words[1] == "site"]
    upload = next(s for s in steps if s.get("uses", "").startswith("actions/upload-pages-artifact@"))
    assert upload["with"]["path"] == _option(site, "--output") == "public"
    assert "steps.pages.outputs.base_url" in (_option(site, "--base-url") or "")
    assert any(s.get("uses", "").startswith("actions/deploy-pages@") for s in steps)
    install = next(step["run"] for step in steps if "pip install" in step.get("run", ""))
    assert "kngg-cli[docx]" in install


def test_gitlab_pages_job_publishes_the_site_after_the_check() -> None:
    config = _load("gitlab-ci.yml")
    job = config["pages"]
    assert job["needs"] == ["kngg"]
    assert config["stages"].index(job["stage"]) > config["stages"].index(config["kngg"]["stage"])
    assert job["rules"] == [{"if": "$CI_COMMIT_BRANCH == $CI_DEFAULT_BRANCH"}]
    [site] = [words for words in _kngg_commands(job["script"]) if words[1] == "site"]
    assert job["artifacts"]["paths"] == [_option(site, "--output")] == ["public"]
    assert "CI_PAGES_URL" in (_option(site, "--base-url") or "")


def test_the_install_with_word_output_names_the_docx_extra() -> None:
    """`${KNGG_PACKAGE/kngg-cli/kngg-cli[docx]}` as bash expands it, for both forms of KNGG_PACKAGE."""
    for package in ("kngg-cli @ git+https://git.example/kngg/kngg-cli.git@v0.1.0", "kngg-cli==0.1.0"):
        done = subprocess.run(
            ["bash", "-c", 'printf %s "${KNGG_PACKAGE/kngg-cli/kngg-cli[docx]}"'],
            capture_output=True,
            text=True,
            env={"KNGG_PACKAGE": package},
        )
        assert done.stdout.startswith("kngg-cli[docx] @ ") or done.stdout == "kngg-cli[docx]==0.1.0"


def test_templates_let_only_exit_code_1_through() -> None:
    """Writing the report tolerates findings (1) but not a failure to run (2)."""
    for name in ("github-actions.yml", "gitlab-ci.yml"):
        text = (CI / name).read_text(encoding="utf-8")
        report_lines = [
            line
            for line in text.splitlines()
            if "--output" in line and not line.strip().startswith("#") and "kngg site" not in line
        ]
        assert report_lines
        assert all(line.rstrip().endswith("|| [ $? -eq 1 ]") for line in report_lines), name


def test_install_placeholder_does_not_resolve() -> None:
    """The templates name no real address that could install something else: a reserved .example host."""
    for name in ("github-actions.yml", "gitlab-ci.yml"):
        hosts = re.findall(r"git\+https://([^/]+)/", (CI / name).read_text(encoding="utf-8"))
        assert hosts and all(host.endswith(".example") for host in hosts), name


@pytest.mark.parametrize(
    ("name", "schema"),
    [
        ("github-actions.yml", "vendor.github-workflows"),
        ("github-actions.yml", "custom.github-workflows-require-timeout"),
        ("gitlab-ci.yml", "vendor.gitlab-ci"),
    ],
)
def test_templates_against_the_vendors_schemas(name: str, schema: str) -> None:
    """check-jsonschema ships the GitHub and GitLab schemas: no network needed."""
    pytest.importorskip("check_jsonschema")
    command = [sys.executable, "-m", "check_jsonschema", "--builtin-schema", schema, str(CI / name)]
    outcome = subprocess.run(command, capture_output=True, text=True, timeout=60)
    assert outcome.returncode == 0, outcome.stdout + outcome.stderr
