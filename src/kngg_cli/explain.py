"""The catalogue as people and tools read it: `kngg rules` and `kngg explain CODE`."""

from __future__ import annotations

import textwrap
from typing import Any

from kngg_cli.catalog import catalogue, localized, step_plan
from kngg_cli.texts import has_text, text


def _basis_text(code: str, lang: str) -> str:
    """Whose numbers these are, and for kngg's own numbers the threshold and how to change it."""
    from kngg_cli.model.region import THRESHOLD_RULES, Thresholds

    info = catalogue()[code]
    lines = [text(f"explain.basis_{info.basis}", lang)] if has_text(f"explain.basis_{info.basis}") else []
    defaults = Thresholds()
    for name, rule_code in THRESHOLD_RULES.items():
        if rule_code == code:
            lines.append(text("explain.threshold", lang, name=name, value=getattr(defaults, name)))
    return "\n\n".join(lines)


def rules_as_data() -> list[dict[str, Any]]:
    return [
        {
            "code": info.code,
            "name": info.name,
            "family": info.family,
            "severity": info.severity,
            "step": info.step,
            "phase": info.phase,
            "summary": info.summary,
            "what": info.what,
            "why": info.why,
            "source": info.source,
            "basis": info.basis,
            "example": example_of(code),
        }
        for code, info in catalogue().items()
    ]


def example_of(code: str) -> dict[str, Any]:
    """A rule's example as `kngg rules --format json` gives it: its contract (the runnable pair that
    the tests run), without what only the test harness needs (replace, step, phase)."""
    contract = catalogue()[code].contract
    example: dict[str, Any] = {"file": _example_file(contract)}
    for key in ("bad", "good"):
        example[key] = contract[key]
    for key in ("bad_encoding", "note"):
        if key in contract:
            example[key] = contract[key]
    return example


def _example_file(contract: dict[str, Any]) -> str:
    """The file of the pair, relative to the region checked (a second region's folder first)."""
    region = contract.get("region")
    return f"{region}/{contract['file']}" if region else str(contract["file"])


def _applies(code: str, lang: str) -> str:
    info = catalogue()[code]
    if info.step is not None:
        return text("explain.gate", lang, step=info.step)
    if info.phase == 2:
        return text("where.phase_2", lang)
    return text("explain.always", lang)


def _family(family: str, lang: str) -> str:
    return text(f"family.{family}", lang)


def _step_name(code: str, lang: str) -> str:
    step = catalogue()[code].step
    return f" ({localized(step_plan().step(step).name, lang)})" if step is not None else ""


def rules_as_text(lang: str) -> str:
    rules = catalogue()
    lines: list[str] = []
    family = ""
    for code, info in rules.items():
        if info.family != family:
            family = info.family
            lines.append(("" if not lines else "\n") + f"{family}: {_family(family, lang)}")
        applies, summary = _applies(code, lang), localized(info.summary, lang)
        severity = text(f"severity.{info.severity}", lang)
        lines.append(f"  {code}  {info.name:<26} {severity:<12} {applies:<16} {summary}")
    return "\n".join(lines) + "\n"


def explain_text(code: str, lang: str) -> str:
    info = catalogue()[code]
    words = {key: text(f"explain.{key}", lang) for key in ("what", "why", "source", "basis", "example")}
    severity = text(f"severity.{info.severity}", lang)
    out = [
        f"{code} {info.name}",
        text("explain.header", lang, family=_family(info.family, lang), severity=severity)
        + f"; {_applies(code, lang)}{_step_name(code, lang)}",
        "",
        localized(info.summary, lang),
        "",
        f"## {words['what']}",
        localized(info.what, lang),
        "",
        f"## {words['why']}",
        localized(info.why, lang),
    ]
    if info.source:
        out += ["", f"## {words['source']}", localized(info.source, lang)]
    basis = _basis_text(code, lang)
    if basis:
        out += ["", f"## {words['basis']}", basis]
    out += ["", f"## {words['example']}", *_example_lines(code, info.contract, lang)]
    if info.family != "S":
        out += ["", f"## {text('explain.suppress', lang)}", text("explain.suppress_tip", lang, code=code)]
    return "\n".join(out) + "\n"


def _example_lines(code: str, contract: dict[str, Any], lang: str) -> list[str]:
    """The example: its note, then the runnable pair (the one tests/test_catalogue_examples.py
    runs) as Fout / Goed."""
    note = localized(contract.get("note"), lang)
    bad = textwrap.dedent(contract["bad"]).rstrip() or text("explain.bad_missing", lang)
    good = textwrap.dedent(contract["good"]).rstrip()
    file = _example_file(contract)
    if "bad_encoding" in contract:
        bad_title = text("explain.bad_encoded", lang, file=file, code=code, encoding=contract["bad_encoding"])
        good_title = text("explain.good_encoded", lang)
    else:
        bad_title, good_title = text("explain.bad", lang, file=file, code=code), text("explain.good", lang)
    return [
        *([note, ""] if note else []),
        bad_title,
        *("    " + line for line in bad.splitlines()),
        good_title,
        *("    " + line for line in good.splitlines()),
    ]


def indicators_as_data(level: str | None = None) -> list[dict[str, str]]:
    """The indicators of the M&E matrix that `ref:` can name (all, or one level's), for --format json."""
    from kngg_cli.catalog.reference import me_matrix

    matrix = me_matrix()
    return [
        {
            "code": indicator.ref,
            "name": indicator.name,
            "level": indicator.level,
            "level_name": matrix.levels[indicator.level],
            "type": indicator.type,
        }
        for indicator in matrix.indicators.values()
        if level is None or indicator.level == level
    ]


def indicators_as_text(level: str | None, lang: str) -> str:
    """One block per level: the level's name, then each indicator's code, type and name."""
    from kngg_cli.catalog.reference import me_matrix

    matrix = me_matrix()
    from kngg_cli.texts import text

    blocks: list[str] = []
    for code, name in matrix.levels.items():
        if level is not None and code != level:
            continue
        rows = [text("indicators.level", lang, level=code, name=name)]
        rows += [f"  {i.ref:<5} {i.type:<10} {i.name}" for i in matrix.indicators.values() if i.level == code]
        blocks.append("\n".join(rows))
    return "\n\n".join(blocks) + "\n\n" + text("indicators.footer", lang) + "\n"
