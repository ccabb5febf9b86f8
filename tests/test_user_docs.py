"""The user guide (docs/gebruikers/) cannot drift: its generated pages equal what the script writes
from the models, the step plan and the M&E matrix, and its links lead to files that exist."""

from __future__ import annotations

import importlib.util
import re
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).resolve().parent.parent
GUIDE = ROOT / "docs" / "gebruikers"


def _generator() -> ModuleType:
    spec = importlib.util.spec_from_file_location("gen_user_docs", ROOT / "scripts" / "gen_user_docs.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.parametrize("page", ["formaat.md", "indicatoren.md", "stappen.md"])
def test_the_generated_page_is_up_to_date(page: str) -> None:
    written = _generator().PAGES[page]()
    committed = (GUIDE / page).read_text(encoding="utf-8")
    assert committed == written, f"docs/gebruikers/{page} is verouderd: python scripts/gen_user_docs.py"


def test_the_format_reference_names_every_kind_and_field() -> None:
    from pydantic import BaseModel

    from kngg_cli.model import KIND_MODELS

    text = (GUIDE / "formaat.md").read_text(encoding="utf-8")
    seen: set[type[BaseModel]] = set()

    def fields_of(model: type[BaseModel]) -> None:
        if model in seen:
            return
        seen.add(model)
        section = text.split(f"## {model.__name__}\n", 1)[1] if f"## {model.__name__}\n" in text else ""
        for name, field in model.model_fields.items():
            assert f"| `{field.alias or name}` |" in section, (model.__name__, name)
            for inner in _models_in(field.annotation):
                fields_of(inner)

    for model in KIND_MODELS.values():
        fields_of(model)


def _models_in(annotation: object) -> list[type]:
    import typing

    from pydantic import BaseModel

    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return [annotation]
    return [m for arg in typing.get_args(annotation) for m in _models_in(arg)]


def test_every_indicator_is_listed() -> None:
    from kngg_cli.catalog.reference import me_matrix

    text = (GUIDE / "indicatoren.md").read_text(encoding="utf-8")
    assert all(f"| `{ref}` |" in text for ref in me_matrix().indicators)


@pytest.mark.parametrize("page", sorted(p.name for p in GUIDE.glob("*.md")))
def test_relative_links_lead_to_files_that_exist(page: str) -> None:
    text = (GUIDE / page).read_text(encoding="utf-8")
    for target in re.findall(r"\]\(([^)#]+)(?:#[^)]*)?\)", text):
        if "://" not in target:
            assert (GUIDE / target).exists(), (page, target)


def test_the_readme_points_users_at_the_guide_not_the_spec() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "docs/gebruikers/aan-de-slag.md" in readme and "docs/gebruikers/formaat.md" in readme
    assert "shared/spec" not in readme
