"""`kngg init`: a new region folder, every file commented, written whole or not at all.

The texts live in `edit/scaffold/*.yaml.j2` (Jinja2); this module only fills them in. The folder is
built in a temporary folder next to DIR and renamed into place, so a refusal or a failure leaves
nothing behind.
"""

from __future__ import annotations

import contextlib
import errno
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

from kngg_cli.edit.textedit import CannotEdit, os_problem, render_scalar
from kngg_cli.texts import Text

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


# a fresh clone of an empty GitHub/GitLab repository holds these; kngg writes none of them
CLONE_FILES = (".git", ".gitignore", ".gitattributes", ".github", ".gitlab-ci.yml", ".pre-commit-config.yaml")
CLONE_PREFIXES = ("readme", "license", "licence")
# what people call a gemeente or province, as a loose key (see `loose`) -> its CBS code or province
SHORT_NAMES: dict[str, str] = {
    "den-haag": "GM0518",
    "the-hague": "GM0518",
    "haag": "GM0518",
    "den-bosch": "GM0796",
    "bosch": "GM0796",
    "hertogenbosch": "GM0796",
    "nuenen": "GM0820",
    "fryslan": "Friesland",
    "brabant": "Noord-Brabant",
}
FOLDER_PREFIXES = ("kngg-regio-", "regio-", "region-", "kngg-")


def loose(text: str) -> str:
    """The key under which names match loosely: no accents, case, brackets or leading `'s-`.

    'Hengelo (O.)' → 'hengelo', "'s-Gravenhage" → 'gravenhage', 'Súdwest-Fryslân' → 'sudwest-fryslan'."""
    without_brackets = re.sub(r"\([^)]*\)", " ", text)
    slug = slugify(without_brackets)
    return re.sub(r"^s-", "", slug)


def _loose_index() -> dict[str, list[str]]:
    """loose key -> the CBS codes of the gemeenten with that key (two for 'bergen')."""
    from kngg_cli.catalog.reference import gemeenten

    index: dict[str, list[str]] = {}
    for gemeente in gemeenten().values():
        index.setdefault(loose(gemeente.name), []).append(gemeente.code)
    for short, target in SHORT_NAMES.items():
        if target.startswith("GM"):
            index.setdefault(short, [target])
    return index


def _province_codes(key: str) -> list[str]:
    from kngg_cli.catalog.reference import gemeenten

    wanted = loose(SHORT_NAMES.get(key, key))
    return [g.code for g in gemeenten().values() if loose(g.province) == wanted]


def gemeenten_named_by(folder_name: str) -> list[str]:
    """Without --gemeente, a folder named after a province or a gemeente says which: `regio-flevoland`
    → the gemeenten of Flevoland, `regio-utrechtse-heuvelrug` → that one gemeente, `regio-den-haag`
    → 's-Gravenhage, `regio-hengelo` → Hengelo (O.). An ambiguous name ('bergen') names none."""
    key = loose(folder_name)
    for prefix in FOLDER_PREFIXES:
        if key.startswith(prefix):  # never the whole key: a loose key does not end in '-'
            key = key[len(prefix) :]
            break
    key = re.sub(r"^s-", "", key)
    by_province = _province_codes(key)
    if by_province:
        return by_province
    codes = _loose_index().get(key, [])
    return codes if len(codes) == 1 else []


def _resolve(typed: str) -> tuple[str | None, str | None]:
    """(code, None) for a CBS code, an exact CBS name or an unambiguous loose name; else (None, hint)."""
    from kngg_cli.catalog.reference import gemeente_codes_by_name, gemeenten
    from kngg_cli.suggest import closest

    known = gemeenten()
    code = typed.upper()
    if re.fullmatch(r"\d{1,4}", typed):
        code = f"GM{int(typed):04d}"  # '0153' or '153': the digits of a CBS code
    if code in known:
        return code, None
    by_name = gemeente_codes_by_name().get(typed.casefold())
    if by_name:
        return by_name, None
    codes = _loose_index().get(loose(typed), [])
    if len(codes) == 1:
        return codes[0], None
    if codes:
        return None, "|".join(f"{c} ({known[c].name})" for c in codes)  # worded by UnknownGemeenten
    by_code = closest(code, known) if code.startswith("GM") else None
    if by_code:
        return None, f"{by_code} ({known[by_code].name})"
    name = closest(typed, [g.name for g in known.values()])
    return None, (f"{gemeente_codes_by_name()[name.casefold()]} ({name})" if name else None)


def choose_gemeenten(values: list[str]) -> list[GemeenteChoice]:
    """The gemeenten named by CBS code or name (repeated or comma-separated), in the order given.

    Every unknown value is reported at once, each with its did-you-mean."""
    from kngg_cli.catalog.reference import GEMEENTE_LIST_LABEL, gemeenten

    typed_values = list(dict.fromkeys(part.strip() for value in values for part in value.split(",")))
    typed_values = [typed for typed in typed_values if typed]
    if not typed_values:
        raise CannotEdit("init_no_gemeente")
    known = gemeenten()
    codes: list[str] = []
    unknown: list[tuple[str, str | None]] = []
    for typed in typed_values:
        code, hint = _resolve(typed)
        if code is None:
            unknown.append((typed, hint))
        elif code not in codes:
            codes.append(code)
    if unknown:
        raise UnknownGemeenten(unknown, f"CBS-lijst, {GEMEENTE_LIST_LABEL}")  # the label is Dutch in both
    used: set[str] = set()
    return [
        GemeenteChoice(c, known[c].name, _unique(f"gemeente-{slugify(known[c].name)}", used)) for c in codes
    ]


class UnknownGemeenten(CannotEdit):
    """Every --gemeente value that names no gemeente, each with its did-you-mean, in one line."""

    def __init__(self, unknown: list[tuple[str, str | None]], listing: str) -> None:
        super().__init__("init_unknown_gemeente", list=listing)
        self.unknown = unknown

    def message(self, lang: str = "nl") -> str:
        from kngg_cli.texts import text

        def one(value: str, hint: str | None) -> str:
            if hint is None:
                return f"'{value}'"
            options = text("word.or", lang).join(f"'{option}'" for option in hint.split("|"))
            return text("edit.init_unknown_value_hint", lang, value=value, suggestion=options)

        values = text("word.and", lang).join(one(value, hint) for value, hint in self.unknown)
        return text(self.key, lang, values=values, **self.params)


def _unique(candidate: str, used: set[str]) -> str:
    slug, number = candidate[:63], 2
    while slug in used:
        slug = f"{candidate[:60]}-{number}"
        number += 1
    used.add(slug)
    return slug


def clean_name(text: str) -> str:
    """A name as one line of text: control characters, line breaks and undecodable bytes of a
    folder name dropped, runs of white space made one space (the name also stands in comments)."""
    kept = "".join(
        " " if c.isspace() else c for c in text if c.isspace() or unicodedata.category(c) not in ("Cc", "Cs")
    )
    return " ".join(kept.split())[:200]


def default_name(folder: Path) -> str:
    """'regio-noord-veluwe' → 'Regio Noord Veluwe'."""
    words = re.sub(r"[-_]+", " ", folder.name).strip()
    words = re.sub(r"^regio\s+", "", words, flags=re.IGNORECASE)
    return "Regio " + " ".join(w[:1].upper() + w[1:] for w in words.split()) if words else "Regio"


def _existing_region_above(folder: Path) -> Path | None:
    from kngg_cli.loading.files import REGION_FILE

    for candidate in (folder, *folder.parents):
        if (candidate / REGION_FILE).is_file():
            return candidate
    return None


def check_target(folder: Path, files: list[str] | None = None) -> None:
    """Refuse anything that would overwrite or nest: a file, a folder holding more than a fresh
    clone's files (or any file kngg would write), a region above."""
    shown = str(folder)
    if folder.exists() or folder.is_symlink():
        if not folder.is_dir():
            raise CannotEdit("init_not_dir", path=shown)
        written = {relative.split("/")[0] for relative in files or []}
        extra = sorted(
            entry.name for entry in folder.iterdir() if entry.name in written or not _clone_file(entry.name)
        )
        if extra:
            raise CannotEdit("init_exists", path=shown, entries=", ".join(extra[:5]))
    above = _existing_region_above(folder.absolute())
    if above is not None:
        raise CannotEdit("init_in_region", path=shown, root=str(above))


def _clone_file(name: str) -> bool:
    """A file a fresh clone of an empty repository may hold (README*, LICENSE*, .git, …)."""
    return name in CLONE_FILES or name.casefold().startswith(CLONE_PREFIXES)


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
    try:
        check_target(folder)
    except OSError as error:  # a name too long, a NUL byte: the folder cannot be made
        raise CannotEdit("cannot_write", path=str(folder), problem=os_problem(error)) from None
    folder_name = folder.absolute().name
    chosen = choose_gemeenten(gemeente_values or gemeenten_named_by(folder_name))
    region_name = clean_name(name or "") or clean_name(default_name(folder.absolute()))
    region_id = slugify(folder_name) or slugify(region_name)
    if not region_id:
        raise CannotEdit("init_bad_id", name=folder.name)
    files = render_files(region_id, region_name, chosen, today)
    _verify(files)
    check_target(folder, sorted(files))
    _write_folder(folder.absolute(), files)
    return InitResult(folder, region_id, sorted(files))


def _verify(files: dict[str, str]) -> None:
    from kngg_cli.loading.yamlnodes import parse_yaml

    for relative, text in files.items():
        if relative.endswith(".yaml") and parse_yaml(text).issues:
            raise CannotEdit("layout", path=relative, detail=Text("edit.detail_template"))


def _write_folder(folder: Path, files: dict[str, str]) -> None:
    """Build the region in a hidden staging folder inside `folder`, then move each entry into place.

    The folder itself is never replaced (a shell standing in it, `kngg init .`, stays where it is,
    and a clone's .git is kept); on any failure every entry moved so far is taken back."""
    created = not folder.exists()
    moved: list[Path] = []
    staging: Path | None = None
    try:
        folder.mkdir(parents=True, exist_ok=True)
        staging = Path(tempfile.mkdtemp(prefix=".kngg-init-", dir=folder))
        for relative, text in files.items():
            target = staging / relative
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(text, encoding="utf-8", newline="\n")
        for entry in sorted(staging.iterdir()):
            destination = folder / entry.name
            if destination.exists() or destination.is_symlink():
                raise FileExistsError(errno.EEXIST, os.strerror(errno.EEXIST), str(destination))
            os.rename(entry, destination)
            moved.append(destination)
        staging.rmdir()
    except OSError as error:
        for path in moved:
            with contextlib.suppress(OSError):
                shutil.rmtree(path) if path.is_dir() else path.unlink()  # made by us: no links
        if staging is not None:
            with contextlib.suppress(OSError):
                shutil.rmtree(staging)
        if created:
            with contextlib.suppress(OSError):
                folder.rmdir()
        if isinstance(error, FileExistsError):
            raise CannotEdit(
                "init_exists", path=str(folder), entries=Path(error.filename or "").name
            ) from None
        raise CannotEdit("cannot_write", path=str(folder), problem=os_problem(error)) from None
