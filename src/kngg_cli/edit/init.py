"""`kngg init`: a new region folder, every file commented, written whole or not at all.

The texts live in `edit/scaffold/*.yaml.j2` (Jinja2); this module only fills them in. The folder is
built in a temporary folder next to DIR and renamed into place, so a refusal or a failure leaves
nothing behind.
"""

from __future__ import annotations

import contextlib
import json
import os
import re
import shutil
import tempfile
import unicodedata
from dataclasses import dataclass
from datetime import date
from importlib import resources
from pathlib import Path
from typing import Any

from kngg_cli.edit.textedit import CannotEdit, render_scalar

SCHEMA_FILE = "kngg-schema.json"

# scaffold template -> file in the new region (the layout of format.md)
SCAFFOLD: dict[str, str] = {
    "region.yaml.j2": "region.yaml",
    "organisations.yaml.j2": "organisations.yaml",
    "people.yaml.j2": "people.yaml",
    "governance.yaml.j2": "governance.yaml",
    "agreement.yaml.j2": "agreements/{agreement_id}.yaml",
    "monitoring.yaml.j2": "monitoring.yaml",
    "communication.yaml.j2": "communication.yaml",
}
KEEP_FILES = ("documents/.gitkeep",)


@dataclass(frozen=True)
class GemeenteChoice:
    code: str
    name: str
    org_id: str


@dataclass
class InitResult:
    root: Path
    region_id: str
    files: list[str]


def slugify(text: str) -> str:
    """'Súdwest-Fryslân' → 'sudwest-fryslan'; the id pattern of format.md (at most 63 characters)."""
    plain = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii").lower()
    slug = re.sub(r"[^a-z0-9]+", "-", plain).strip("-")
    return slug[:63].rstrip("-")


def gemeenten_named_by(folder_name: str) -> list[str]:
    """Without --gemeente, a folder named after a province or a gemeente says which: `regio-flevoland`
    → the gemeenten of Flevoland, `regio-utrechtse-heuvelrug` → that one gemeente."""
    from kngg_cli.catalog.reference import gemeenten

    wanted = re.sub(r"^regio-", "", slugify(folder_name))
    provinces = {"fryslan": "Friesland"}
    province = provinces.get(wanted, wanted)
    by_province = [g.code for g in gemeenten().values() if slugify(g.province) == slugify(province)]
    if by_province:
        return by_province
    return [g.code for g in gemeenten().values() if slugify(g.name) == wanted]


def choose_gemeenten(values: list[str]) -> list[GemeenteChoice]:
    """The gemeenten named by CBS code (repeated or comma-separated), in the order given."""
    from kngg_cli.catalog.reference import GEMEENTE_LIST_LABEL, gemeente_codes_by_name, gemeenten
    from kngg_cli.suggest import did_you_mean

    written: dict[str, str] = {}  # code -> as typed
    for value in values:
        for part in value.split(","):
            code = part.strip().upper()
            if code and code not in written:
                written[code] = part.strip()
    if not written:
        raise CannotEdit("init_no_gemeente")
    known = gemeenten()
    chosen: list[GemeenteChoice] = []
    used: set[str] = set()
    for code, typed in written.items():
        if code not in known:
            by_name = gemeente_codes_by_name().get(typed.casefold())
            hint: str | None = None
            if by_name:
                hint = f"{by_name} ({known[by_name].name})"
            else:
                found = did_you_mean(code, known).get("suggestion")
                hint = f"{found} ({known[found].name})" if found else None
            raise CannotEdit(
                "init_unknown_gemeente",
                code=typed,
                list=f"CBS-lijst, {GEMEENTE_LIST_LABEL}",  # the label is Dutch in both languages
                suggestion=hint,
            )
        org_id = _unique(f"gemeente-{slugify(known[code].name)}", used)
        chosen.append(GemeenteChoice(code, known[code].name, org_id))
    return chosen


def _unique(candidate: str, used: set[str]) -> str:
    slug, number = candidate[:63], 2
    while slug in used:
        slug = f"{candidate[:60]}-{number}"
        number += 1
    used.add(slug)
    return slug


def default_name(folder: Path) -> str:
    """'regio-noord-veluwe' → 'Regio Noord Veluwe'."""
    words = re.sub(r"[-_]+", " ", folder.name).strip()
    words = re.sub(r"^regio\s+", "", words, flags=re.IGNORECASE)
    return "Regio " + " ".join(w[:1].upper() + w[1:] for w in words.split()) if words else "Regio"


def _existing_region_above(folder: Path) -> Path | None:
    from kngg_cli.loading.files import REGION_FILE

    probe = folder
    while not probe.exists() and probe != probe.parent:
        probe = probe.parent
    for candidate in (probe, *probe.parents):
        if (candidate / REGION_FILE).is_file():
            return candidate
    return None


def check_target(folder: Path) -> None:
    """Refuse anything that would overwrite or nest: a file, a non-empty folder, a region above."""
    shown = str(folder)
    if folder.exists() or folder.is_symlink():
        if not folder.is_dir():
            raise CannotEdit("init_not_dir", path=shown)
        if any(folder.iterdir()):
            raise CannotEdit("init_exists", path=shown)
    above = _existing_region_above(folder.absolute())
    if above is not None:
        raise CannotEdit("init_in_region", path=shown, root=str(above))


def render_files(
    region_id: str, region_name: str, chosen: list[GemeenteChoice], today: date
) -> dict[str, str]:
    """Relative path → text of every file of the new region (the schema included)."""
    import jinja2

    from kngg_cli.model.schema import json_schema

    environment = jinja2.Environment(
        loader=jinja2.FunctionLoader(_template_source),
        undefined=jinja2.StrictUndefined,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
        autoescape=False,
    )
    environment.filters["yaml"] = render_scalar
    agreement_id = f"sok-{today.year}"
    context: dict[str, Any] = {
        "region_id": region_id,
        "region_name": region_name,
        "gemeenten": chosen,
        "today": today.isoformat(),
        "year": today.year,
        "agreement_id": agreement_id,
    }
    files: dict[str, str] = {}
    for template, target in SCAFFOLD.items():
        relative = target.format(agreement_id=agreement_id)
        depth = relative.count("/")
        schema = ("../" * depth or "./") + SCHEMA_FILE
        files[relative] = environment.get_template(template).render(**context, schema=schema)
    files[SCHEMA_FILE] = json.dumps(json_schema(), ensure_ascii=False, indent=2) + "\n"
    for keep in KEEP_FILES:
        files[keep] = ""
    return files


def _template_source(name: str) -> str:
    return resources.files("kngg_cli.edit").joinpath("scaffold", name).read_text(encoding="utf-8")


def init_region(folder: Path, *, name: str | None, gemeente_values: list[str], today: date) -> InitResult:
    """Write a new region in folder; nothing is written when anything is refused."""
    check_target(folder)
    chosen = choose_gemeenten(gemeente_values or gemeenten_named_by(folder.absolute().name))
    region_name = (name or "").strip() or default_name(folder.absolute())
    region_id = slugify(folder.absolute().name) or slugify(region_name)
    if not region_id:
        raise CannotEdit("init_bad_id", name=folder.name)
    files = render_files(region_id, region_name, chosen, today)
    _verify(files)
    _write_folder(folder.absolute(), files)
    return InitResult(folder, region_id, sorted(files))


def _verify(files: dict[str, str]) -> None:
    from kngg_cli.loading.yamlnodes import parse_yaml

    for relative, text in files.items():
        if relative.endswith(".yaml") and parse_yaml(text).issues:
            raise CannotEdit("layout", path=relative, detail="sjabloon geeft geen geldige YAML")


def _write_folder(folder: Path, files: dict[str, str]) -> None:
    """Build the region in a temporary folder beside `folder`, then rename it into place."""
    parent = folder.parent
    try:
        parent.mkdir(parents=True, exist_ok=True)
        mode = (folder.stat().st_mode & 0o7777) if folder.is_dir() else _dir_mode()
        staging = Path(tempfile.mkdtemp(prefix=f".{folder.name}.", suffix=".tmp", dir=parent))
    except OSError as error:
        raise CannotEdit("cannot_write", path=str(folder), problem=error.strerror or str(error)) from None
    try:
        for relative, text in files.items():
            target = staging / relative
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(text, encoding="utf-8", newline="\n")
        os.chmod(staging, mode)
        os.replace(staging, folder)  # an empty folder is replaced; a non-empty one refuses
    except OSError as error:
        with contextlib.suppress(OSError):
            shutil.rmtree(staging)
        if folder.is_dir() and any(folder.iterdir()):
            raise CannotEdit("init_exists", path=str(folder)) from None
        raise CannotEdit("cannot_write", path=str(folder), problem=error.strerror or str(error)) from None


def _dir_mode() -> int:
    umask = os.umask(0)
    os.umask(umask)
    return 0o777 & ~umask
