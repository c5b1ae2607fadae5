"""The model: flat keys, lossless dict/JSON round trip, JSON Schema."""

from __future__ import annotations

import json

import jsonschema
from hypothesis import given

import govinfo_parse
from govinfo_parse import Report, fields
from govinfo_parse.testing import SampleReport, render_canonical
from govinfo_parse.testing.strategies import sample_reports


def test_flat_keys_are_field_ids() -> None:
    keys = set(fields.field_ids("2019")) | set(fields.field_ids("2021"))
    assert keys == set(fields.all_field_ids())
    assert len(fields.field_ids("2019")) == 22 + 23 * 7 + 15
    assert len(fields.field_ids("2021")) == 10 + 25 * 7 + 7 + 15


def test_empty_report_is_flat_empty() -> None:
    assert Report().to_flat() == {}


@given(sample_reports(blanks=True))
def test_dict_round_trip_through_json_is_lossless(sample: SampleReport) -> None:
    report = govinfo_parse.parse(render_canonical(sample))
    data = json.loads(json.dumps(govinfo_parse.to_dict(report), ensure_ascii=False))
    again = govinfo_parse.from_dict(data)
    assert again == report
    assert [c.span for c in again.cells()] == [c.span for c in report.cells()]
    assert again.to_flat() == report.to_flat()


@given(sample_reports(blanks=True))
def test_output_validates_against_the_json_schema(sample: SampleReport) -> None:
    report = govinfo_parse.parse(render_canonical(sample))
    schema = govinfo_parse.json_schema()
    jsonschema.Draft202012Validator.check_schema(schema)
    jsonschema.validate(govinfo_parse.to_dict(report), schema)


def test_schema_rejects_a_wrong_shape() -> None:
    bad = govinfo_parse.to_dict(Report())
    bad["meta"]["year"] = "twenty"
    validator = jsonschema.Draft202012Validator(govinfo_parse.json_schema())
    assert not validator.is_valid(bad)
