"""The pre-commit hook definition (.pre-commit-hooks.yaml) and the snippet in docs/ci.md."""

from __future__ import annotations

import importlib
import re
import tomllib
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML

from kngg_cli.cli import commands

ROOT = Path(__file__).resolve().parents[1]
# the languages pre-commit knows (pre-commit 3/4)
LANGUAGES = {
    "conda", "coursier", "dart", "docker", "docker_image", "dotnet", "fail", "golang", "haskell",
    "julia", "lua", "node", "perl", "pygrep", "python", "r", "ruby", "rust", "swift", "system",
    "script", "unsupported", "unsupported_script",
}  # fmt: skip
KEYS = {
    "id", "name", "entry", "language", "files", "exclude", "types", "types_or", "exclude_types",
    "always_run", "fail_fast", "verbose", "pass_filenames", "require_serial", "description",
    "language_version", "log_file", "minimum_pre_commit_version", "args", "stages",
    "additional_dependencies",
}  # fmt: skip


def _hooks() -> list[dict[str, Any]]:
    hooks: list[dict[str, Any]] = YAML(typ="safe").load(
        (ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8")
    )
    return hooks


def test_hook_definition_is_valid() -> None:
    hooks = _hooks()
    assert isinstance(hooks, list) and len(hooks) == 1
    [hook] = hooks
    assert set(hook) <= KEYS
    assert {"id", "name", "entry", "language"} <= set(hook)
    assert hook["id"] == "kngg-check"
    assert hook["language"] == "python" and hook["language"] in LANGUAGES
    assert hook["pass_filenames"] is False
    assert hook["always_run"] is False


def test_entry_is_a_real_console_script() -> None:
    [hook] = _hooks()
    script, command = hook["entry"].split()
    scripts = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["scripts"]
    assert script in scripts
    module_name, function_name = scripts[script].split(":")
    assert callable(getattr(importlib.import_module(module_name), function_name))
    assert command in commands()


def test_files_pattern_matches_yaml_only() -> None:
    [hook] = _hooks()
    pattern = re.compile(hook["files"])
    for name in ("region.yaml", "agreements/sok-2025.yaml", "people.yml"):
        assert pattern.search(name), name
    for name in ("README.md", "documents/besluit.pdf", "kngg-schema.json", "yaml/notes.txt"):
        assert not pattern.search(name), name


def test_docs_snippet_uses_the_hook() -> None:
    text = (ROOT / "docs" / "ci.md").read_text(encoding="utf-8")
    blocks = re.findall(r"```yaml\n(.*?)```", text, flags=re.S)
    configs = [YAML(typ="safe").load(block) for block in blocks if "repos:" in block]
    hook_ids = [hook["id"] for config in configs for repo in config["repos"] for hook in repo["hooks"]]
    assert hook_ids.count("kngg-check") == 2  # from the kngg repository, and as a local hook
    remote = next(repo for config in configs for repo in config["repos"] if repo["repo"] != "local")
    assert re.fullmatch(r"[0-9a-f]{40}", remote["rev"])  # a commit: no tag exists until a release is tagged
    local = next(repo for config in configs for repo in config["repos"] if repo["repo"] == "local")
    assert local["hooks"][0]["entry"] == _hooks()[0]["entry"]
