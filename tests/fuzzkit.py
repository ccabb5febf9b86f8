"""A property-based fuzzer for the whole command line (issue #11, "never a crash").

It takes a copy of one of the examples, mutates it the way people and editors mangle YAML (types
swapped, keys dropped or duplicated, odd scalars, unicode and control characters, Markdown in names,
anchors, long paths, other encodings, unclosed quotes), runs one of kngg's commands on it and
asserts what cli.md promises whatever the input:

- the exit code is 0, 1 or 2, and there is no traceback and no "internal error";
- reading commands (check, status, render) never change a region file;
- a refusal of an editing command (sign, advance: exit 1 or 2) leaves every file byte for byte as it
  was, and so does --dry-run; a refused render writes no document.

`tests/test_fuzz.py` runs a small derandomised sample in the suite; `scripts/fuzz.py` runs it long.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from io import StringIO
from pathlib import Path
from typing import Any

from hypothesis import strategies as st

EXAMPLES_DIR = Path(__file__).resolve().parent.parent / "examples"
EXAMPLES = ("regio-drenthe", "regio-flevoland", "regio-zeeland")
TODAY = "2026-11-23"

# strings coordinators (and their editors) put where kngg expects something else
ODD_STRINGS = (
    "",
    " ",
    "0153",
    "GM0153",
    "GM9999",
    "gm0034",
    "'t Menzis",
    "@Menzis",
    "'s-Hertogenbosch",
    "**vet** _schuin_ [link](https://example.org) <b>html</b>",
    "<script>alert(1)</script>",
    "{{ 7 * 7 }} {% if true %}x{% endif %}",
    "`rm -rf /` $(whoami) ; | &&",
    "regel één\nregel twee\r\nregel drie",
    "tab\there",
    "nul\x00teken",
    "bel\x07 esc\x1b[31m rood",
    "\u202eomgekeerd\u200b\ufeff",
    "Zoë Ærø 中文 🙂 \U0001f600",
    "a" * 5000,
    "documents/" + "a" * 300 + ".pdf",
    "documents/" + "a/" * 2100 + "x.pdf",
    "/etc/passwd",
    "../../../../etc/passwd",
    "documents/",
    "documents",
    ".",
    "/dev/zero",
    "file:///etc/passwd",
    "https://",
    "http://example.org/besluit.pdf",
    "2025-02-30",
    "2025-13-01",
    "9999-12-31",
    "0001-01-01",
    "P0D",
    "P9999Y",
    "PT1H",
    "P",
    "~",
    "null",
    "yes",
    "no",
    "on",
    ".nan",
    "-.inf",
    "1e999",
    "0x1F",
    "regionale_coordinator",
    "czv",
    "centrale_zorgverlener",
    "kerngroep",
    "samenwerkingsovereenkomst",
    "gemeente",
    "A.1",
    "Z.9",
    "x-eigen",
)
ODD_KEYS = ("kind", "id", "name", "x-eigen", "notes", "onbekend", "gemeenten", "roles", "", "0", "signed")
ENCODINGS = ("utf-16", "utf-16-le", "utf-32", "latin-1", "cp1252")

scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(2**70), max_value=2**70),
    st.floats(allow_nan=True, allow_infinity=True),
    st.dates(min_value=date(1, 1, 1), max_value=date(9999, 12, 31)),
    st.sampled_from(ODD_STRINGS),
    st.text(max_size=40),
)
values = st.recursive(
    scalars,
    lambda inner: st.one_of(
        st.lists(inner, max_size=3), st.dictionaries(st.sampled_from(ODD_KEYS), inner, max_size=3)
    ),
    max_leaves=6,
)
where = st.lists(st.integers(min_value=0, max_value=1000), min_size=0, max_size=6)
line_at = st.integers(min_value=0, max_value=10_000)

mutations = st.one_of(
    st.tuples(st.just("set"), where, values),
    st.tuples(st.just("drop"), where),
    st.tuples(st.just("wrap"), where, st.booleans()),
    st.tuples(st.just("add_key"), where, st.sampled_from(ODD_KEYS), values),
    st.tuples(st.just("alias"), where, where),
    st.tuples(st.just("duplicate_line"), line_at),
    st.tuples(st.just("delete_line"), line_at),
    st.tuples(
        st.just("insert_text"),
        line_at,
        st.sampled_from(
            (
                *ODD_STRINGS,
                "&a ",
                "*a",
                "<<: *a",
                "'",
                '"',
                "\t",
                "---",
                "...",
                "%YAML 1.1",
                "! ",
                "!!python/object:os.system",
            )
        ),
    ),
    st.tuples(st.just("truncate"), line_at),
    st.tuples(st.just("encode"), st.sampled_from(ENCODINGS)),
    st.tuples(st.just("raw_bytes"), line_at, st.binary(min_size=1, max_size=8)),
)


@dataclass(frozen=True)
class Command:
    """One command line: args with {root}, {out}, {agreement}, {party} filled in at run time."""

    args: tuple[str, ...]
    kind: str  # "read" | "render" | "edit" | "dry"


COMMANDS = (
    Command(("check", "{root}"), "read"),
    Command(("check", "{root}", "--format", "json"), "read"),
    Command(("check", "{root}", "--format", "sarif", "--target", "next"), "read"),
    Command(("check", "{root}", "--format", "github", "--strict"), "read"),
    Command(("check", "{root}", "--format", "junit", "--lang", "en"), "read"),
    Command(("check", "{root}", "--format", "gitlab"), "read"),
    Command(("status", "{root}"), "read"),
    Command(("status", "{root}", "--format", "json"), "read"),
    Command(("render", "plan", "{root}", "--output", "{out}.md"), "render"),
    Command(("render", "plan", "{root}", "--format", "html", "--output", "{out}.html"), "render"),
    Command(("render", "status", "{root}", "--output", "{out}.md"), "render"),
    Command(
        ("render", "agreement", "{agreement}", "{root}", "--format", "html", "--output", "{out}.html"),
        "render",
    ),
    Command(("sign", "{agreement}", "{root}", "--party", "{party}", "--date", "2026-01-05"), "edit"),
    Command(("sign", "{agreement}", "{root}", "--party", "{party}", "--dry-run"), "dry"),
    Command(("advance", "{root}", "--date", "2026-11-01"), "edit"),
    Command(("advance", "{root}", "--dry-run"), "dry"),
    Command(("advance", "{root}", "--evidence", "documents/" + "a" * 300 + ".pdf", "--dry-run"), "dry"),
    Command(
        ("sign", "{agreement}", "{root}", "--party", "{party}", "--signatory", "**J.** <b>x</b>\x07"), "edit"
    ),
)

cases = st.fixed_dictionaries(
    {
        "example": st.sampled_from(EXAMPLES),
        "file": st.integers(min_value=0, max_value=100),
        "mutations": st.lists(mutations, min_size=1, max_size=3),
        "command": st.sampled_from(COMMANDS),
    }
)


# -- mutating a file -----------------------------------------------------------------------------


def _yaml() -> Any:
    from ruamel.yaml import YAML

    yaml = YAML(typ="rt")
    yaml.allow_duplicate_keys = True
    yaml.width = 4096
    return yaml


def _walk(node: Any, path: list[int]) -> tuple[Any, Any] | None:
    """(container, key) reached by following path's numbers (each modulo the children), or None."""
    parent: Any = None
    key: Any = None
    for step in path:
        if isinstance(node, dict) and node:
            parent, key = node, list(node)[step % len(node)]
        elif isinstance(node, list) and node:
            parent, key = node, step % len(node)
        else:
            break
        node = parent[key]
    return (parent, key) if parent is not None else None


def _structural(documents: list[Any], mutation: tuple[Any, ...]) -> None:
    if not documents:
        return
    op, path = mutation[0], mutation[1]
    document_index = path[0] % len(documents) if path else 0
    spot = _walk(documents[document_index], path[1:])
    if op == "set" and spot:
        spot[0][spot[1]] = mutation[2]
    elif op == "drop" and spot:
        del spot[0][spot[1]]
    elif op == "wrap" and spot:
        old = spot[0][spot[1]]
        spot[0][spot[1]] = [old] if mutation[2] else {"waarde": old}
    elif op == "add_key":
        target = documents[document_index] if spot is None else spot[0]
        if isinstance(target, dict):
            target[mutation[2]] = mutation[3]
    elif op == "alias" and spot:
        other = _walk(documents[document_index], mutation[2])
        if other and other != spot:
            spot[0][spot[1]] = other[0][other[1]]  # the same node twice: ruamel writes &id/*id


def mutate_text(text: str, mutation: tuple[Any, ...]) -> str | bytes:
    """One mutation of a file's text; structural ones go through ruamel (comments kept)."""
    op = mutation[0]
    lines = text.splitlines(keepends=True)
    at = (
        (mutation[1] % (len(lines) + 1))
        if op in ("duplicate_line", "delete_line", "insert_text", "truncate", "raw_bytes")
        else 0
    )
    if op == "duplicate_line" and lines:
        at = min(at, len(lines) - 1)
        return "".join(lines[: at + 1] + lines[at:])
    if op == "delete_line" and lines:
        return "".join(lines[:at] + lines[at + 1 :])
    if op == "insert_text":
        line = lines[at] if at < len(lines) else ""
        column = len(line) - len(line.lstrip(" "))
        lines[at : at + 1] = [line[:column] + mutation[2] + line[column:]] if line else [mutation[2]]
        return "".join(lines)
    if op == "truncate":
        return "".join(lines[:at])
    if op == "encode":
        return text.encode(mutation[1], errors="replace")
    if op == "raw_bytes":
        data = text.encode("utf-8")
        cut = min(len(data), sum(len(line.encode("utf-8")) for line in lines[:at]))
        return data[:cut] + mutation[2] + data[cut:]
    yaml = _yaml()
    try:
        documents = list(yaml.load_all(text))
    except Exception:
        return text  # an earlier mutation broke the YAML: leave it broken
    _structural(documents, mutation)
    stream = StringIO()
    try:
        yaml.dump_all(documents, stream)
    except Exception:
        return text  # ruamel cannot write this combination; the text mutations cover the rest
    return stream.getvalue()


def apply(root: Path, case: dict[str, Any]) -> str:
    """Mutate one YAML file of the region at root; returns its relative path."""
    files = sorted(p for p in root.rglob("*.yaml"))
    target = files[case["file"] % len(files)]
    content: str | bytes = target.read_text(encoding="utf-8")
    for mutation in case["mutations"]:
        if isinstance(content, bytes):
            break  # re-encoded or raw bytes: nothing more to do on text
        content = mutate_text(content, mutation)
    if isinstance(content, bytes):
        target.write_bytes(content)
    else:
        target.write_text(content, encoding="utf-8", newline="")
    return target.relative_to(root).as_posix()


# -- running a case ------------------------------------------------------------------------------


def snapshot(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


def _first_ids(root: Path) -> tuple[str, str]:
    """An agreement id and one of its parties, from the example before mutation."""
    yaml = _yaml()
    agreement = next(iter(sorted((root / "agreements").glob("*.yaml"))))
    data = next(iter(yaml.load_all(agreement.read_text(encoding="utf-8"))))
    unsigned = [p["organisation"] for p in data["parties"] if not p.get("signed")]
    parties = unsigned or [p["organisation"] for p in data["parties"]]
    return str(data["id"]), str(parties[0])


INVOKER: Callable[[list[str]], Any] | None = None


def _invoke(args: list[str]) -> Any:
    global INVOKER
    if INVOKER is None:
        from typer.testing import CliRunner

        from kngg_cli.cli.app import build_app

        app = build_app()
        runner = CliRunner()
        INVOKER = lambda argv: runner.invoke(app, argv, catch_exceptions=True)  # noqa: E731
    return INVOKER(args)


class Broken(AssertionError):
    """A promise of cli.md that a case broke."""


def run_case(case: dict[str, Any]) -> tuple[int, str]:
    """Run one case; raise Broken when a promise is broken. Returns (exit code, command line)."""
    with tempfile.TemporaryDirectory(prefix="kngg-fuzz-") as scratch:
        root = Path(scratch) / case["example"]
        shutil.copytree(EXAMPLES_DIR / case["example"], root)
        agreement, party = _first_ids(root)
        changed = apply(root, case)
        before = snapshot(root)
        out = Path(scratch) / "uit" / "document"
        out.parent.mkdir()
        command: Command = case["command"]
        fill = {"root": str(root), "out": str(out), "agreement": agreement, "party": party}
        args = [part.format(**fill) for part in command.args] + ["--today", TODAY]
        result = _invoke(args)
        shown = f"kngg {' '.join(command.args)} (mutated {changed})"
        output = (result.stdout or "") + (result.stderr or "")
        if result.exception is not None and not isinstance(result.exception, SystemExit):
            raise Broken(f"{shown}: {type(result.exception).__name__}: {result.exception}")
        if result.exit_code not in (0, 1, 2):
            raise Broken(f"{shown}: exit code {result.exit_code}")
        for sign in ("Traceback", "interne fout", "internal error"):
            if sign in output:
                raise Broken(f"{shown}: '{sign}' in the output:\n{output[-2000:]}")
        after = snapshot(root)
        must_keep = command.kind in ("read", "render", "dry") or result.exit_code != 0
        if must_keep and after != before:
            differ = sorted(k for k in set(before) | set(after) if before.get(k) != after.get(k))
            raise Broken(f"{shown}: exit {result.exit_code} but files changed: {differ}")
        if command.kind == "render" and result.exit_code != 0 and any(out.parent.iterdir()):
            raise Broken(f"{shown}: refused (exit {result.exit_code}) but wrote {list(out.parent.iterdir())}")
        for written in out.parent.glob("*.html"):  # region values are text, never markup
            if "<script>alert(1)</script>" in written.read_text(encoding="utf-8", errors="replace"):
                raise Broken(f"{shown}: a value's <script> reached the HTML unescaped")
        return result.exit_code, shown


def isolate_environment() -> None:
    """No user cache, colour or language settings from the machine running the fuzzer."""
    os.environ["XDG_CACHE_HOME"] = tempfile.mkdtemp(prefix="kngg-fuzz-cache-")
    for name in ("KNGG_LANG", "KNGG_TODAY", "FORCE_COLOR", "GITHUB_ACTIONS"):
        os.environ.pop(name, None)
    os.environ["NO_COLOR"] = "1"
