"""The coordinator's round of the README and the guide is a script, run here verbatim: from an empty
git clone to a region at step 6 (init, fill in, check, advance, sign). It cannot drift from kngg."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from kngg_cli.loading.yamlnodes import parse_yaml

ROOT = Path(__file__).resolve().parent.parent
SCRIPT = ROOT / "docs" / "gebruikers" / "eerste-ronde.sh"

needs_tools = pytest.mark.skipif(
    shutil.which("bash") is None or shutil.which("git") is None, reason="needs bash and git"
)


def test_the_readme_and_the_guide_show_the_script_verbatim() -> None:
    script = SCRIPT.read_text(encoding="utf-8")
    for document in (ROOT / "README.md", ROOT / "docs" / "gebruikers" / "aan-de-slag.md"):
        assert f"```bash\n{script}```" in document.read_text(encoding="utf-8"), document.name


@needs_tools
def test_the_round_runs_from_an_empty_clone_to_step_6(tmp_path: Path) -> None:
    bare, clone, tools = tmp_path / "regio-twente.git", tmp_path / "regio-twente", tmp_path / "bin"
    git = {**os.environ, "GIT_AUTHOR_NAME": "Test", "GIT_AUTHOR_EMAIL": "t@example.org"}
    subprocess.run(["git", "init", "-q", "--bare", str(bare)], check=True, env=git)
    subprocess.run(["git", "clone", "-q", str(bare), str(clone)], check=True, env=git, capture_output=True)
    (clone / "README.md").write_text("# Regio Twente\n", encoding="utf-8")
    tools.mkdir()
    kngg = tools / "kngg"  # as `pip install` would put it on PATH
    kngg.write_text(f'#!/bin/sh\nexec "{sys.executable}" -m kngg_cli "$@"\n', encoding="utf-8")
    kngg.chmod(0o755)
    env = {k: v for k, v in os.environ.items() if k not in ("KNGG_TODAY", "KNGG_LANG")}
    env["PATH"] = f"{tools}{os.pathsep}{env['PATH']}"
    env["PYTHONPATH"] = os.pathsep.join([str(ROOT / "src"), env.get("PYTHONPATH", "")])
    result = subprocess.run(
        ["bash", str(SCRIPT)], cwd=clone, env=env, capture_output=True, text=True, timeout=300
    )
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    assert "Traceback" not in result.stderr and "interne fout" not in result.stderr
    region = parse_yaml((clone / "region.yaml").read_text(encoding="utf-8")).documents[0].data
    assert region["progress"]["step"] == 6
    assert [entry["step"] for entry in region["progress"]["completed"]] == [1, 2, 3, 4, 5]
    (agreement,) = sorted((clone / "agreements").glob("*.yaml"))
    parties = parse_yaml(agreement.read_text(encoding="utf-8")).documents[0].data["parties"]
    assert all(party.get("signed") for party in parties)
    assert (clone / "README.md").read_text(encoding="utf-8") == "# Regio Twente\n"
