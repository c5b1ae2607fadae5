"""Output formats: JSON-compatible dicts (lossless), flat records, CSV rows, JSON Schema.

The only module that knows about cattrs and output shapes.  Decimals are
written as strings in ``to_dict`` output so that a round trip through JSON
loses nothing; flat records write them as JSON numbers.
"""

from __future__ import annotations

import csv
import enum
import io
import json
import types
import typing
from decimal import Decimal
from functools import cache
from typing import TYPE_CHECKING, Any, Final, Union

import attrs

from govinfo_parse import fields
from govinfo_parse.model import Number, Report

if TYPE_CHECKING:
    import cattrs

__all__ = [
    "SCHEMA_VERSION",
    "dumps_json",
    "flat_columns",
    "flat_to_jsonable",
    "from_dict",
    "json_schema",
    "reports_to_csv",
    "to_dict",
]

SCHEMA_VERSION = 1
_OPTIONAL_NUMBER = Union[Number, None]  # noqa: UP007 - the runtime type cattrs sees


def _structure_number(value: object, _type: object) -> Number | None:
    if value is None or isinstance(value, int):
        return value
    if isinstance(value, str):
        return Decimal(value)
    msg = f"expected an integer, a decimal string or null, got {value!r}"
    raise TypeError(msg)


def _unstructure_number(value: Number | None) -> int | str | None:
    return str(value) if isinstance(value, Decimal) else value


@cache
def _converter() -> cattrs.Converter:
    import cattrs  # noqa: PLC0415 - only the whole model needs it, not a record or a CSV row

    conv = cattrs.Converter(forbid_extra_keys=True)
    number_types = {Number, _OPTIONAL_NUMBER}

    def is_number(tp: object) -> bool:
        return tp in number_types

    conv.register_structure_hook_func(is_number, _structure_number)
    conv.register_unstructure_hook_func(is_number, _unstructure_number)
    return conv


def to_dict(report: Report) -> dict[str, Any]:
    """The whole report as JSON-compatible data (decimals as strings); ``from_dict`` reverses it."""
    data: dict[str, Any] = _converter().unstructure(report, Report)
    data["schema_version"] = SCHEMA_VERSION
    return data


def from_dict(data: dict[str, Any]) -> Report:
    """Rebuild a report from ``to_dict`` output."""
    payload = {k: v for k, v in data.items() if k != "schema_version"}
    return _converter().structure(payload, Report)


def _jsonable_number(value: object) -> object:
    if isinstance(value, Decimal):
        return int(value) if value == value.to_integral_value() else float(value)
    return value


def flat_to_jsonable(flat: dict[str, Any]) -> dict[str, Any]:
    """A flat record with decimals turned into JSON numbers."""
    return {k: _jsonable_number(v) for k, v in flat.items()}


def dumps_json(data: object, *, indent: int | None = 2) -> str:
    """JSON text with Chinese kept readable."""
    return json.dumps(data, ensure_ascii=False, indent=indent, default=_jsonable_number)


def flat_columns() -> tuple[str, ...]:
    """Stable column order of every tabular export: meta keys, then field ids."""
    return (*fields.META_KEYS, *fields.all_field_ids())


def reports_to_csv(rows: list[dict[str, Any]], *, extra: tuple[str, ...] = ("path",)) -> str:
    """One CSV row per flat record, columns in ``flat_columns()`` order."""
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=[*extra, *flat_columns()], extrasaction="ignore")
    writer.writeheader()
    for row in rows:
        writer.writerow(flat_to_jsonable(row))
    return out.getvalue()


# --- JSON Schema, generated from the attrs classes so it cannot drift -----------------

_SCALARS: dict[object, dict[str, Any]] = {
    str: {"type": "string"},
    int: {"type": "integer"},
    float: {"type": "number"},
    bool: {"type": "boolean"},
    Decimal: {"type": "string", "pattern": r"^-?\d+(\.\d+)?$"},
}


def _schema_for(tp: Any, defs: dict[str, Any]) -> dict[str, Any]:  # noqa: ANN401, PLR0911
    if tp in _SCALARS:
        return dict(_SCALARS[tp])
    if tp is type(None):
        return {"type": "null"}
    origin = typing.get_origin(tp)
    if origin in (Union, types.UnionType):
        return {"anyOf": [_schema_for(a, defs) for a in typing.get_args(tp)]}
    if origin is typing.Literal:
        return {"enum": list(typing.get_args(tp))}
    if origin is tuple:
        return {"type": "array", "items": _schema_for(typing.get_args(tp)[0], defs)}
    if isinstance(tp, type) and issubclass(tp, enum.Enum):
        return {"enum": [m.value for m in tp]}
    if attrs.has(tp):
        name = tp.__name__
        if name not in defs:
            defs[name] = {}  # placeholder against recursion
            hints = typing.get_type_hints(tp)
            public = [a for a in attrs.fields(tp) if a.init]
            props = {a.name: _schema_for(hints[a.name], defs) for a in public}
            required = [a.name for a in public if a.default is attrs.NOTHING]
            doc = (tp.__doc__ or "").strip().splitlines()
            defs[name] = {
                "type": "object",
                "description": doc[0] if doc else name,
                "properties": props,
                "required": required,
                "additionalProperties": False,
            }
        return {"$ref": f"#/$defs/{name}"}
    msg = f"no JSON Schema mapping for {tp!r}"
    raise TypeError(msg)


#: What ``govinfo-parse parse -f json`` writes for an input that could not be read.
_PARSE_ERROR: Final = {
    "type": "object",
    "description": "An input that could not be read: its path, and the error (error_kind: the exception).",
    "properties": {"path": {"type": "string"}, "status": {"const": "failed"},
                   "error_kind": {"type": "string"}, "error": {"type": "string"}},
    "required": ["path", "status", "error_kind", "error"],
    "additionalProperties": False,
}


def json_schema() -> dict[str, Any]:
    """JSON Schema (2020-12) of ``Report.to_dict()`` output, and of ``govinfo-parse parse -f json``.

    That is one report, one ``ParseError`` (an input that could not be read),
    or a list of them.
    """
    defs: dict[str, Any] = {}
    report = _schema_for(Report, defs)
    defs["Report"]["properties"]["schema_version"] = {"const": SCHEMA_VERSION}
    defs["ParseError"] = _PARSE_ERROR
    either = [report, {"$ref": "#/$defs/ParseError"}]
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": "https://govinfo-parse.invalid/schema/report.json",
        "title": "govinfo_parse report",
        "oneOf": [*either, {"type": "array", "items": {"oneOf": either}}],
        "$defs": defs,
    }
