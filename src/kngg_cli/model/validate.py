"""Validate one document's plain data against its model; turn Pydantic's errors into S-issues."""

from __future__ import annotations

import types
import typing
from dataclasses import dataclass, field
from typing import Any

from pydantic import BaseModel, ValidationError

from kngg_cli.durations import DURATION_PATTERN
from kngg_cli.loading.positions import NodePath
from kngg_cli.model import KIND_MODELS, SUPPORTED_FORMAT_VERSIONS
from kngg_cli.model.common import (
    DATE_WITH_TIME,
    EMAIL_PATTERN,
    GEMEENTE_CODE_PATTERN,
    KVK_PATTERN,
    NO_SUCH_DATE,
    NOT_A_DATE,
)


@dataclass(slots=True)
class ModelIssue:
    code: str
    message_key: str
    path: NodePath
    params: dict[str, Any] = field(default_factory=dict)
    at_key: bool = False  # point at the key (unknown field) instead of the value


@dataclass(slots=True)
class Validated:
    kind: str | None
    model: BaseModel | None
    issues: list[ModelIssue]


def validate_document(data: Any) -> Validated:
    if not isinstance(data, dict):
        return Validated(None, None, [ModelIssue("S003", "not_mapping", ())])
    kind = data.get("kind")
    if kind is None:
        return Validated(None, None, [ModelIssue("S003", "missing", ())])
    if not isinstance(kind, str) or kind not in KIND_MODELS:
        return Validated(
            None,
            None,
            [
                ModelIssue(
                    "S003",
                    "default",
                    ("kind",),
                    {"kind": str(kind), "input": str(kind), "choices": list(KIND_MODELS)},
                )
            ],
        )
    model_class = KIND_MODELS[kind]
    issues = _version_issues(data) if kind == "Region" else []
    if issues:
        data = {**data, "kngg": 1}
    issues.extend(_conditional_issues(kind, data))
    try:
        model = model_class.model_validate(data)
    except ValidationError as error:
        return Validated(kind, None, issues + [_issue(model_class, e, data) for e in error.errors()])
    return Validated(kind, model if not issues else None, issues)


def _version_issues(data: dict[str, Any]) -> list[ModelIssue]:
    version = data.get("kngg")
    if "kngg" not in data or isinstance(version, bool) or not isinstance(version, int):
        return []  # missing or mistyped: the schema reports it
    if version in SUPPORTED_FORMAT_VERSIONS:
        return []
    supported = ", ".join(str(v) for v in SUPPORTED_FORMAT_VERSIONS)
    return [ModelIssue("S008", "default", ("kngg",), {"version": version, "supported": supported})]


def _conditional_issues(kind: str, data: dict[str, Any]) -> list[ModelIssue]:
    """Requirements that depend on another field's value (format.md, 'Required fields')."""
    issues: list[ModelIssue] = []
    if kind == "Organisation" and data.get("type") == "gemeente" and data.get("gemeente") is None:
        issues.append(ModelIssue("S004", "missing_gemeente", ("gemeente",), {"field": "gemeente"}))
    if kind == "Region":
        progress = data.get("progress")
        if isinstance(progress, dict) and progress.get("phase") == 1 and progress.get("step") is None:
            issues.append(ModelIssue("S004", "missing", ("progress", "step"), {"field": "step"}))
    if kind == "MonitoringPlan":
        indicators = data.get("indicators")
        for index, indicator in enumerate(indicators if isinstance(indicators, list) else []):
            if isinstance(indicator, dict) and indicator.get("ref") is None and indicator.get("id") is None:
                issues.append(ModelIssue("S004", "indicator_identity", ("indicators", index)))
    return issues


def _issue(model_class: type[BaseModel], error: Any, data: Any) -> ModelIssue:
    loc = _data_path(error["loc"], data)
    kind = error["type"]
    if kind == "extra_forbidden":
        name = str(loc[-1])
        allowed = _allowed_fields(model_class, loc[:-1])
        return ModelIssue("S005", "default", loc, {"field": name, "choices": allowed}, at_key=True)
    if kind == "missing":
        return ModelIssue("S004", "missing", loc, {"field": str(loc[-1]) if loc else ""})
    given = error.get("input")
    params: dict[str, Any] = {"field": _field_name(loc), "input": _short(given)}
    if kind == "literal_error":
        params["choices"] = _literal_choices(error)
        return ModelIssue("S004", "choice", loc, params)
    if kind == "string_pattern_mismatch":
        pattern = str((error.get("ctx") or {}).get("pattern", ""))
        return ModelIssue("S004", _pattern_key(pattern), loc, params)
    if kind == "too_short":
        return ModelIssue("S004", "empty_list", loc, params)
    if kind in ("string_type",):
        if params["field"] in GEMEENTE_CODE_FIELDS and _is_code_digits(given):
            # `code: 0153` reads as the number 153: the fix is the CBS code, not quotes
            return ModelIssue("S004", "gemeente_code_number", loc, {**params, "code": f"GM{int(given):04d}"})
        return ModelIssue("S004", "expected_text", loc, params)
    if kind in ("int_type", "int_parsing", "int_from_float"):
        return ModelIssue("S004", "expected_integer", loc, params)
    if kind in ("float_type", "float_parsing"):
        return ModelIssue("S004", "expected_number", loc, params)
    if kind in ("list_type",):
        return ModelIssue("S004", "expected_list", loc, params)
    if kind in ("model_type", "dict_type", "model_attributes_type"):
        return ModelIssue("S004", "expected_mapping", loc, params)
    if kind in ("greater_than_equal", "less_than_equal"):
        params["limit"] = (error.get("ctx") or {}).get("ge", (error.get("ctx") or {}).get("le"))
        return ModelIssue("S004", "out_of_range", loc, params)
    if kind == "value_error":  # only dates raise it; the error names the message key
        problem = str((error.get("ctx") or {}).get("error", error.get("msg", "")))
        date_keys = (DATE_WITH_TIME, NO_SUCH_DATE)
        return ModelIssue("S004", problem if problem in date_keys else NOT_A_DATE, loc, params)
    params["problem"] = error.get("msg", "")
    return ModelIssue("S004", "default", loc, params)


# the fields whose values are CBS codes (GemeenteCode in the models)
GEMEENTE_CODE_FIELDS = frozenset({"code", "gemeente", "gemeenten", "on_behalf_of"})


def _is_code_digits(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and 0 < value <= 9999


def _data_path(loc: tuple[Any, ...], data: Any) -> tuple[Any, ...]:
    """Pydantic's error location as a path in the data: the tags it adds for unions and validators
    (`function-after[...]`, `list[str]`) dropped, but a key of the region's that looks like one
    (`foo[bar`, `function-x`) kept, because it is found in the data."""
    path: list[Any] = []
    current = data
    for part in loc:
        in_data = isinstance(current, dict) and part in current
        in_list = isinstance(current, list) and isinstance(part, int) and 0 <= part < len(current)
        if in_data or in_list:
            path.append(part)
            current = current[part]
        elif not _is_function_tag(part):
            path.append(part)  # beyond the data (a missing field): as pydantic names it
            current = None
    return tuple(path)


def _is_function_tag(part: Any) -> bool:
    return isinstance(part, str) and ("[" in part or part.startswith("function-"))


def _field_name(loc: tuple[Any, ...]) -> str:
    for part in reversed(loc):
        if isinstance(part, str):
            return part
    return ""


def _short(value: Any) -> str:
    """The value as the region wrote it (`null`, not `None`), cut to 60 characters."""
    from kngg_cli.catalog import yaml_word

    if isinstance(value, int) and not isinstance(value, bool) and value.bit_length() > 10_000:
        return "…"  # too many digits to write out
    text = str(yaml_word(value))
    return text if len(text) <= 60 else text[:57] + "..."


def _literal_choices(error: Any) -> list[str]:
    expected = str((error.get("ctx") or {}).get("expected", ""))
    return [
        choice.strip().strip("'") for choice in expected.replace(" or ", ", ").split(",") if choice.strip()
    ]


_PATTERN_KEYS = {
    GEMEENTE_CODE_PATTERN: "gemeente_code",
    DURATION_PATTERN: "duration",
    KVK_PATTERN: "kvk",
    EMAIL_PATTERN: "email",
}


def _pattern_key(pattern: str) -> str:
    return _PATTERN_KEYS.get(pattern, "slug")


def _allowed_fields(model_class: type[BaseModel], loc: tuple[Any, ...]) -> list[str]:
    target = _model_at(model_class, loc)
    return list(target.model_fields) if target is not None else []


def _model_at(model_class: type[BaseModel], loc: tuple[Any, ...]) -> type[BaseModel] | None:
    current: Any = model_class
    for part in loc:
        if isinstance(part, int):
            continue
        if (
            not (isinstance(current, type) and issubclass(current, BaseModel))
            or part not in current.model_fields
        ):
            return None
        current = _inner_model(current.model_fields[part].annotation)
    return current if isinstance(current, type) and issubclass(current, BaseModel) else None


def _inner_model(annotation: Any) -> Any:
    """Unwrap Optional[...], list[...] and Annotated[...] down to a model class."""
    seen = 0
    while seen < 6:
        seen += 1
        if isinstance(annotation, type) and issubclass(annotation, BaseModel):
            return annotation
        origin = typing.get_origin(annotation)
        args = typing.get_args(annotation)
        if origin is typing.Annotated:
            annotation = args[0]
        elif origin in (list, typing.Union, types.UnionType):
            candidates = [a for a in args if a is not type(None)]
            annotation = candidates[0] if candidates else None
        else:
            return None
    return None
