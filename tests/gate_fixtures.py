"""A complete region that passes every gate, and small tools to break one thing at a time.

`complete_region(step=7)` returns {relative path: text} for a region at phase 1, step 7 (or
`phase=2`) in which every G rule is satisfied. Tests change one thing with `edit(files, file, old,
new)` (the old text must be there: a fixture change cannot silently make a test pass) and ask
where a finding should point with `line_of(files, file, snippet)`.
"""

from __future__ import annotations

import textwrap
from pathlib import Path

from helpers import check, write_region
from kngg_cli.engine import CheckResult
from kngg_cli.findings import Finding

ORGANISATIONS = [
    ("gemeente-almere", "Gemeente Almere", "gemeente", "GM0034"),
    ("gemeente-lelystad", "Gemeente Lelystad", "gemeente", "GM0995"),
    ("ggd-flevoland", "GGD Flevoland", "ggd", None),
    ("jgz-flevoland", "JGZ Flevoland", "jgz", None),
    ("zorgverzekeraar-noord", "Zorgverzekeraar Noord", "zorgverzekeraar", None),
    ("huisartsen-flevoland", "Huisartsenkring Flevoland", "huisartsen", None),
    ("ziekenhuis-flevoland", "Ziekenhuis Flevoland", "ziekenhuis", None),
    ("fysio-flevoland", "Fysiotherapie Flevoland", "paramedici", None),
    ("welzijn-flevoland", "Welzijn Flevoland", "welzijn", None),  # G807: the sociaal domein
]


def _organisations() -> str:
    docs = []
    for identifier, name, kind, gemeente in ORGANISATIONS:
        text = f"kind: Organisation\nid: {identifier}\nname: {name}\ntype: {kind}\n"
        if gemeente:
            text += f"gemeente: {gemeente}\n"
        docs.append(text)
    return "---\n".join(docs)


def _progress(step: int | None, phase: int) -> str:
    if phase == 2:
        return "progress:\n  phase: 2\n"
    return f"progress:\n  phase: 1\n  step: {step}\n"


def _agreement() -> str:
    parties = "".join(
        f"  - organisation: {identifier}\n    signed: 2025-03-{10 + index:02d}\n"
        for index, (identifier, *_rest) in enumerate(ORGANISATIONS)
    )
    responsibilities = "".join(
        f"  - organisation: {identifier}\n    tasks:\n      - Levert inzet voor de aanpak\n"
        for identifier, *_rest in ORGANISATIONS
    )
    return (
        "kind: Agreement\n"
        "id: sok-2025\n"
        "title: Samenwerkingsovereenkomst KnGG Test 2025-2027\n"
        "type: samenwerkingsovereenkomst\n"
        "valid_from: 2025-04-01\n"
        "valid_until: 2027-12-31\n"
        "parties:\n" + parties + "clauses:\n"
        "  financiering: Gemeenten dragen naar rato bij.\n"
        "  mandaat: De kerngroep besluit binnen de begroting.\n"
        "  besluitvorming: Besluiten bij meerderheid in de kerngroep.\n"
        "  monitoring: Halfjaarlijks de indicatoren uit het monitoringplan.\n"
        "  rol_rc: De RC coördineert de kerngroep.\n"
        "  rol_projectleider: Elke gemeente wijst een projectleider aan.\n"
        "  opleiding: Alle CZV's volgen de landelijke scholing.\n"
        "  communicatie: Maandelijkse nieuwsbrief.\n"
        "  indirecte_uren_czv: Vier uur per week per CZV.\n"
        "responsibilities:\n" + responsibilities
    )


PEOPLE = """\
kind: Person
id: sanne-de-vries
name: Sanne de Vries
organisation: ggd-flevoland
roles:
  - role: regionale_coordinator
    since: 2025-01-01
    hours_per_week: 24
    assignment: https://example.org/opdracht-rc.pdf
    jogg_roles: [netwerker, coordinator]
    tasks:
      - description: Coördinatie van de kerngroep
        level: strategisch
      - description: Organiseren van de overleggen
        level: operationeel
---
kind: Person
id: pieter-bakker
name: Pieter Bakker
organisation: gemeente-almere
roles:
  - role: lokale_projectleider
    since: 2025-05-01
    tasks:
      - Lokale borging en verwijzing
---
kind: Person
id: lotte-smit
name: Lotte Smit
organisation: gemeente-lelystad
roles:
  - role: lokale_projectleider
    since: 2025-05-01
    tasks:
      - Lokale borging en verwijzing
---
kind: Person
id: eva-jansen
name: Eva Jansen
organisation: jgz-flevoland
roles:
  - role: centrale_zorgverlener
    since: 2025-05-01
    gemeenten: [GM0034, GM0995]
"""

GOVERNANCE = """\
kind: Body
id: kerngroep
name: Kerngroep KnGG Test
type: kerngroep
mandate: besluitvormend
frequency: P6W
chair: sanne-de-vries
work_agenda: https://example.org/werkagenda
tasks:
  - Regionale besluitvorming over inzet en financiering
members:
  - organisation: gemeente-almere
    level: management
  - organisation: gemeente-lelystad
    level: bestuurlijk
  - organisation: ggd-flevoland
    level: management
  - organisation: jgz-flevoland
    level: management
  - organisation: zorgverzekeraar-noord
    level: management
  - organisation: huisartsen-flevoland
    level: uitvoering
  - organisation: ziekenhuis-flevoland
    level: management
  - organisation: fysio-flevoland
    level: uitvoering
  - organisation: welzijn-flevoland
    level: uitvoering
---
kind: Body
id: intervisie-czv
name: Intervisie centrale zorgverleners
type: intervisie
frequency: P2M
members:
  - organisation: jgz-flevoland
"""

MONITORING = """\
kind: MonitoringPlan
id: monitoring-2025
agreed_by: kerngroep
agreed_on: 2025-06-01
reviewed_on: 2026-05-15
evaluation_cycle: P6M
indicators:
  - ref: A.1
    frequency: P6M
  - ref: B.2
    frequency: P6M
  - ref: C.3
    frequency: P6M
  - ref: D.1
    frequency: P6M
  - ref: E.1
    frequency: P12M
"""

COMMUNICATION = """\
kind: CommunicationPlan
id: communicatie
channels:
  - type: nieuwsbrief
    audience: Alle netwerkpartners
    owner: sanne-de-vries
  - type: netwerkbijeenkomst
    audience: Professionals en netwerkpartners
    frequency: P3M
gemeente_contact: sanne-de-vries
"""


def complete_region(step: int | None = 8, phase: int = 1) -> dict[str, str]:
    """A region that meets every gate (and every piece of advice) at the given step or in phase 2."""
    region = (
        "kngg: 1\n"
        "kind: Region\n"
        "id: testregio\n"
        "name: Regio Test\n"
        "iza_region: Flevoland\n"
        "gemeenten:\n"
        "  - code: GM0034\n"
        "    name: Almere\n"
        "  - code: GM0995\n"
        "    name: Lelystad\n" + _progress(step, phase) + "decisions:\n"
        "  - gemeente: GM0034\n"
        "    date: 2024-10-01\n"
        "    outcome: positief\n"
        "    by: college\n"
        "  - gemeente: GM0995\n"
        "    date: 2024-10-08\n"
        "    outcome: positief\n"
        "    by: raad\n"
        "vision: |\n"
        "  Samen zorgen we dat ieder kind in de regio gezond kan opgroeien.\n"
        "related_approaches: [kansrijke_start, gli]\n"
    )
    return {
        "region.yaml": region,
        "organisations.yaml": _organisations(),
        "people.yaml": PEOPLE,
        "governance.yaml": GOVERNANCE,
        "agreements/sok-2025.yaml": _agreement(),
        "monitoring.yaml": MONITORING,
        "communication.yaml": COMMUNICATION,
    }


ELSEWHERE = (
    {"GM0034": "GM0363", "Almere": "Amsterdam", "GM0995": "GM0344", "Lelystad": "Utrecht"},
    {"GM0034": "GM0014", "Almere": "Groningen", "GM0995": "GM0080", "Lelystad": "Leeuwarden"},
)


def elsewhere(files: dict[str, str], which: int = 0) -> dict[str, str]:
    """The same region with two other gemeenten: for a folder of regions without R012 between them."""
    moved = {}
    for name, text in files.items():
        for old, new in ELSEWHERE[which].items():
            text = text.replace(old, new)
        moved[name] = text
    return moved


def edit(files: dict[str, str], name: str, old: str, new: str) -> dict[str, str]:
    """A copy of files with `old` replaced by `new` (once) in one file; `old` must be there."""
    text = files[name]
    assert text.count(old) >= 1, f"{old!r} not in {name}"
    return {**files, name: text.replace(old, new, 1)}


def line_of(files: dict[str, str], name: str, snippet: str, occurrence: int = 1) -> int:
    """The 1-based line of the n-th line of `name` that contains `snippet`."""
    seen = 0
    for number, line in enumerate(textwrap.dedent(files[name]).splitlines(), start=1):
        if snippet in line:
            seen += 1
            if seen == occurrence:
                return number
    raise AssertionError(f"{snippet!r} not in {name}")


def run(tmp_path: Path, files: dict[str, str], **options: object) -> CheckResult:
    root = write_region(tmp_path / "regio", dict(files), base={})
    return check(root, **options)


def found(result: CheckResult, code: str) -> list[Finding]:
    return [f for f in result.findings if f.code == code]


def at(finding: Finding) -> tuple[str, int]:
    """(path relative to the region root, line)."""
    parts = finding.location.path.parts
    index = len(parts) - 1 - parts[::-1].index("regio")
    return ("/".join(parts[index + 1 :]), finding.location.span.line)


# -- one broken thing, checked where its gate applies and where it does not ------------------------
Edit = tuple[str, str, str]  # (file, old, new); new None-like "" removes


class Case:
    """A region that breaks one rule: the edits, and where the finding must point.

    `where` is (file, snippet, occurrence): the finding's line is the line of the n-th occurrence of
    the snippet in the edited file.
    """

    def __init__(
        self,
        code: str,
        edits: list[Edit],
        where: tuple[str, str] | tuple[str, str, int],
        severity: str,
        message: str = "",
        remove: tuple[str, ...] = (),
    ) -> None:
        self.code, self.edits, self.where, self.severity = code, edits, where, severity
        self.message, self.remove = message, remove

    def __repr__(self) -> str:
        return f"{self.code}:{self.where[1].strip()[:24]}"

    def files(self, step: int | None = 8, phase: int = 1) -> dict[str, str]:
        files = complete_region(step, phase)
        for name, old, new in self.edits:
            files = edit(files, name, old, new)
        for name in self.remove:
            files = {k: v for k, v in files.items() if k != name}
        return files

    def expected(self, files: dict[str, str]) -> tuple[str, int]:
        name, snippet, *rest = self.where
        return name, line_of(files, name, snippet, rest[0] if rest else 1)


def check_case(tmp_path: Path, case: Case, step: int | None = 8, phase: int = 1, **options: object) -> None:
    """The case's finding is there, where it should be, with its severity."""
    files = case.files(step, phase)
    result = run(tmp_path, files, **options)
    findings = found(result, case.code)
    expected = case.expected(files)
    assert expected in [at(f) for f in findings], (expected, [(at(f), f.message) for f in findings])
    finding = next(f for f in findings if at(f) == expected)
    assert finding.severity.value == case.severity, finding
    assert case.message in finding.message, finding.message
    assert "{" not in finding.message and "{" not in (finding.hint or ""), finding
