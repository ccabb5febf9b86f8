"""Generate a national-size set of region folders for the benchmark (deterministic).

All 342 gemeenten of the CBS list, grouped by province into about 25 regions (a province with
more than 16 gemeenten is split), each region complete enough for phase 2: gemeente
organisations, regional partners, people with local roles in every gemeente, bodies, a
samenwerkingsovereenkomst, one dienstverleningsovereenkomst per gemeente, a monitoring plan and
a communication plan. One document per file, so that `check-jsonschema` can read the same files.
Everything is fictional apart from the gemeenten and their CBS codes.

    python benchmarks/generate.py [--out benchmarks/national/full] [--fraction 0.5]

`--fraction` keeps that share of the regions (the first ones), for the scaling measurement.
"""

from __future__ import annotations

import argparse
import csv
import math
import random
import re
import shutil
from pathlib import Path

from kngg_cli.model.agreement import CLAUSE_KEYS

HERE = Path(__file__).resolve().parent
CSV = HERE.parent / "src" / "kngg_cli" / "data" / "gemeenten-2025.csv"
MAX_PER_REGION = 16
SEED = 20261123

FIRST = ["Anne", "Bram", "Carla", "Daan", "Eva", "Fleur", "Gijs", "Hanna", "Ilse", "Joost", "Kim", "Lars"]
FIRST += ["Mila", "Noah", "Olga", "Pim", "Roos", "Sem", "Tess", "Uri", "Vera", "Wout", "Yara", "Zeno"]
LAST = ["Bakker", "Visser", "Smit", "Meijer", "de Boer", "Mulder", "de Groot", "Bos", "Vos", "Peters"]
LAST += ["Hendriks", "van Leeuwen", "Dekker", "Brouwer", "de Wit", "Dijkstra", "Jansen", "Kok", "Prins"]

PARTNERS = [
    ("ggd", "ggd", "GGD"),
    ("jgz", "jgz", "Jeugdgezondheidszorg"),
    ("zorgverzekeraar", "zorgverzekeraar", "Zorgverzekeraar"),
    ("huisartsen", "huisartsen", "Huisartsencoöperatie"),
    ("ziekenhuis", "ziekenhuis", "Ziekenhuis"),
    ("paramedici", "paramedici", "Paramedisch netwerk"),
    ("welzijn", "welzijn", "Welzijnsorganisatie"),
    ("sport", "sportbedrijf", "Sportbedrijf"),
    ("kennis", "kennispartner", "Kenniscentrum"),
]
CLAUSES = CLAUSE_KEYS  # every clause the format knows
INDICATORS = ["A.1", "A.3", "B.2", "B.4", "C.3", "C.4", "D.1", "D.2", "D.4", "E.1", "E.2", "E.5"]


def slug(text: str) -> str:
    text = text.lower().replace("(", "").replace(")", "").replace(".", "")
    text = re.sub(r"[^a-z0-9]+", "-", text.replace("ú", "u").replace("â", "a"))
    return text.strip("-")[:50]


def quote(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def read_gemeenten() -> list[tuple[str, str, str]]:
    with CSV.open(encoding="utf-8") as handle:
        return [(row["code"], row["name"], row["province"]) for row in csv.DictReader(handle)]


def regions(gemeenten: list[tuple[str, str, str]]) -> list[tuple[str, list[tuple[str, str]]]]:
    by_province: dict[str, list[tuple[str, str]]] = {}
    for code, name, province in gemeenten:
        by_province.setdefault(province, []).append((code, name))
    result = []
    for province in sorted(by_province):
        members = by_province[province]
        parts = math.ceil(len(members) / MAX_PER_REGION)
        size = math.ceil(len(members) / parts)
        for index in range(parts):
            chunk = members[index * size : (index + 1) * size]
            label = province if parts == 1 else f"{province} {index + 1}"
            result.append((label, chunk))
    return result


class Writer:
    def __init__(self, root: Path) -> None:
        self.root = root
        self.files = 0

    def yaml(self, relative: str, text: str) -> None:
        path = self.root / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        self.files += 1

    def evidence(self, relative: str) -> str:
        path = self.root / relative
        if not path.exists():
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(f"# {relative}\n\nPlaatshouder (benchmark).\n", encoding="utf-8")
        return relative


def person_name(rng: random.Random) -> str:
    return f"{rng.choice(FIRST)} {rng.choice(LAST)}"


def write_region(out: Path, label: str, members: list[tuple[str, str]], rng: random.Random) -> int:
    region_id = slug(label)
    writer = Writer(out / f"regio-{region_id}")
    people_seen: set[str] = set()

    def person_id(name: str) -> str:
        base = slug(name)
        candidate, number = base, 2
        while candidate in people_seen:
            candidate, number = f"{base}-{number}", number + 1
        people_seen.add(candidate)
        return candidate

    # region.yaml
    lines = [
        "# Gegenereerde benchmarkregio (fictief).",
        "kngg: 1",
        "kind: Region",
        f"id: {region_id}",
        f"name: {quote('Regio ' + label)}",
        f"iza_region: {quote(label)}",
        "gemeenten:",
    ]
    for code, name in members:
        lines += [f"  - code: {code}", f"    name: {quote(name)}"]
    lines += ["progress:", "  phase: 2", "  completed:"]
    for step in range(1, 9):
        lines += [
            f"  - step: {step}",
            f"    date: 2023-{step:02d}-15",
            f"    evidence: {writer.evidence(f'documents/stap-{step}.md')}",
        ]
    lines += ["decisions:"]
    for code, _ in members:
        lines += [
            f"  - gemeente: {code}",
            "    date: 2023-05-01",
            "    outcome: positief",
            "    by: college",
            f"    reference: {quote('Collegebesluit ' + code)}",
        ]
    lines += [
        "vision: >",
        f"  Ieder kind in {label} groeit gezond op, met één centrale zorgverlener per gezin.",
        "related_approaches: [kansrijke_start, gli]",
        "",
    ]
    writer.yaml("region.yaml", "\n".join(lines))

    # organisations: one per gemeente, and the regional partners
    gemeente_orgs = []
    for code, name in members:
        org = f"gemeente-{slug(name)}"
        gemeente_orgs.append(org)
        writer.yaml(
            f"organisations/{org}.yaml",
            f"kind: Organisation\nid: {org}\nname: {quote('Gemeente ' + name)}\ntype: gemeente\n"
            f"gemeente: {code}\n",
        )
    partner_orgs = []
    for suffix, kind, title in PARTNERS:
        org = f"{suffix}-{region_id}"
        partner_orgs.append((org, kind))
        writer.yaml(
            f"organisations/{org}.yaml",
            f"kind: Organisation\nid: {org}\nname: {quote(title + ' ' + label)}\ntype: {kind}\n"
            f"website: https://{org}.example\n",
        )
    ggd, jgz = f"ggd-{region_id}", f"jgz-{region_id}"

    # people: an RC, and per gemeente a projectleider, a CZV and a beleidsadviseur
    rc = person_id(person_name(rng))
    writer.yaml(
        f"people/{rc}.yaml",
        f"kind: Person\nid: {rc}\nname: {quote(rc.replace('-', ' ').title())}\norganisation: {ggd}\n"
        f"email: {rc}@{ggd}.example\nroles:\n  - role: regionale_coordinator\n    since: 2023-06-01\n"
        f"    hours_per_week: 24\n    assignment: {writer.evidence('documents/opdracht-rc.md')}\n"
        "    tasks:\n      - description: Voorzitten van de kerngroep\n        level: strategisch\n"
        "      - description: Monitoringsgegevens verzamelen\n        level: operationeel\n"
        "    jogg_roles: [netwerker, coordinator]\n",
    )
    local_leads = []
    for (code, _), org in zip(members, gemeente_orgs, strict=True):
        for role, employer, extra in (
            ("lokale_projectleider", org, "    tasks:\n      - Lokale werkgroep trekken\n"),
            ("centrale_zorgverlener", jgz, f"    hours_per_week: 16\n    gemeenten: [{code}]\n"),
            ("beleidsadviseur", org, ""),
        ):
            pid = person_id(person_name(rng))
            if role == "lokale_projectleider":
                local_leads.append((pid, org))
            writer.yaml(
                f"people/{pid}.yaml",
                f"kind: Person\nid: {pid}\nname: {quote(pid.replace('-', ' ').title())}\n"
                f"organisation: {employer}\nemail: {pid}@{employer}.example\n"
                f"roles:\n  - role: {role}\n    since: 2024-01-01\n{extra}",
            )

    # bodies: kerngroep, stuurgroep, leernetwerk, werkgroep zorg, and a local werkgroep per gemeente
    kern = [f"  - organisation: {gemeente_orgs[0]}\n    level: management\n"]
    kern += [f"  - organisation: {org}\n    level: management\n" for org, _ in partner_orgs]
    writer.yaml(
        "governance/kerngroep.yaml",
        f"kind: Body\nid: kerngroep\nname: {quote('Kerngroep KnGG ' + label)}\ntype: kerngroep\n"
        f"mandate: besluitvormend\nreports_to: stuurgroep\nfrequency: P6W\nchair: {rc}\n"
        "tasks:\n  - Regionale besluitvorming\n  - Halfjaarlijkse evaluatie\n"
        f"work_agenda: {writer.evidence('documents/werkagenda.md')}\nmembers:\n" + "".join(kern),
    )
    writer.yaml(
        "governance/stuurgroep.yaml",
        f"kind: Body\nid: stuurgroep\nname: {quote('Stuurgroep ' + label)}\ntype: stuurgroep\n"
        "mandate: besluitvormend\nfrequency: P3M\nmembers:\n"
        + "".join(f"  - organisation: {org}\n    level: bestuurlijk\n" for org in gemeente_orgs),
    )
    writer.yaml(
        "governance/leernetwerk.yaml",
        f"kind: Body\nid: leernetwerk\nname: Leernetwerk CZV\ntype: leernetwerk\nmandate: adviserend\n"
        f"reports_to: kerngroep\nmembers:\n  - organisation: {jgz}\n    level: uitvoering\n",
    )
    for pid, org in local_leads:
        body = f"werkgroep-{org}"
        writer.yaml(
            f"governance/{body}.yaml",
            f"kind: Body\nid: {body}\nname: {quote('Lokale werkgroep ' + org)}\ntype: werkgroep\n"
            f"mandate: uitvoerend\nreports_to: kerngroep\nfrequency: P1M\nchair: {pid}\n"
            f"members:\n  - organisation: {org}\n    person: {pid}\n    level: uitvoering\n"
            f"  - organisation: {jgz}\n    level: uitvoering\n",
        )

    # agreements: the samenwerkingsovereenkomst and one dienstverleningsovereenkomst per gemeente
    parties = [*gemeente_orgs, *(org for org, _ in partner_orgs)]
    sok = [
        "kind: Agreement",
        "id: sok",
        f"title: {quote('Samenwerkingsovereenkomst KnGG ' + label)}",
        "type: samenwerkingsovereenkomst",
        "valid_from: 2024-01-01",
        "valid_until: 2030-12-31",
        f"document: {writer.evidence('documents/sok-getekend.md')}",
        "parties:",
    ]
    for org in parties:
        sok += [f"  - organisation: {org}", "    signed: 2023-12-01"]
    sok += ["clauses:"] + [f"  {c}: Afspraak over {c.replace('_', ' ')}." for c in CLAUSES]
    sok += ["responsibilities:"]
    for org in parties:
        sok += [f"  - organisation: {org}", "    tasks:", "      - Levert zijn deel van de aanpak"]
    writer.yaml("agreements/sok.yaml", "\n".join(sok) + "\n")
    for org in gemeente_orgs:
        writer.yaml(
            f"agreements/dvo-{org}.yaml",
            f"kind: Agreement\nid: dvo-{org}\ntitle: {quote('Dienstverlening CZV ' + org)}\n"
            f"type: dienstverleningsovereenkomst\nvalid_from: 2024-01-01\nvalid_until: 2028-12-31\n"
            f"parties:\n  - organisation: {org}\n    signed: 2023-12-10\n"
            f"  - organisation: {jgz}\n    signed: 2023-12-11\n"
            f"clauses:\n  financiering: {org} betaalt de uren van de CZV.\n",
        )

    # monitoring and communication
    indicators = "".join(f"  - ref: {ref}\n    owner: {ggd}\n    frequency: P6M\n" for ref in INDICATORS)
    writer.yaml(
        "monitoring.yaml",
        "kind: MonitoringPlan\nid: monitoring\nagreed_by: kerngroep\nagreed_on: 2024-06-01\n"
        f"reviewed_on: 2026-09-15\nevaluation_cycle: P6M\nindicators:\n{indicators}",
    )
    writer.yaml(
        "communication.yaml",
        f"kind: CommunicationPlan\nid: communicatie\nchannels:\n  - type: nieuwsbrief\n    owner: {rc}\n"
        f"    frequency: P1M\n  - type: website\n    owner: {ggd}\ngemeente_contact: {rc}\n",
    )
    return writer.files


def generate(out: Path, fraction: float = 1.0) -> tuple[int, int, int]:
    rng = random.Random(SEED)
    if out.exists():
        shutil.rmtree(out)
    out.mkdir(parents=True)
    all_regions = regions(read_gemeenten())
    keep = all_regions[: max(1, round(len(all_regions) * fraction))]
    files = sum(write_region(out, label, members, rng) for label, members in keep)
    return len(keep), sum(len(m) for _, m in keep), files


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=HERE / "national" / "full")
    parser.add_argument("--fraction", type=float, default=1.0)
    args = parser.parse_args()
    count, gemeenten, files = generate(args.out, args.fraction)
    print(f"{args.out}: {count} regions, {gemeenten} gemeenten, {files} YAML files")


if __name__ == "__main__":
    main()
