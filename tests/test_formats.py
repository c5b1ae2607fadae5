"""The two editions of the tables as records: rows, columns, the evidence naming each, the fields expected."""

from __future__ import annotations

import pytest

from govinfo_parse import fields
from govinfo_parse.fields import FORMATS, format_named_by


def test_one_record_per_edition_gives_every_field_id() -> None:
    assert set(FORMATS) == set(fields.TEMPLATES)
    for name, fmt in FORMATS.items():
        assert fmt.name == name
        assert fields.field_ids(name) == fmt.field_ids()
        assert len(set(fmt.field_ids())) == len(fmt.field_ids())
        assert fields.ACTIVE_ROWS[name] == fmt.active_rows
        assert fields.REQUESTS_ROWS[name] == fmt.requests_rows


@pytest.mark.parametrize("name", fields.TEMPLATES)
@pytest.mark.parametrize("alternative", [False, True])
def test_the_fields_a_complete_report_states_are_the_editions_own(name: fields.Template, alternative: bool) -> None:
    fmt = FORMATS[name]
    expected = [f for table in ("active", "requests", "appeals")
                for f in fmt.expected_fields(table, alternative=alternative)]
    assert set(expected) <= set(fmt.field_ids())
    assert all(fields.table_of(f) == t for t in ("active", "requests", "appeals")
               for f in fmt.expected_fields(t, alternative=alternative))
    # Every field of the edition is expected of some report in it, and none twice.
    both = {*fmt.expected_fields("requests"), *fmt.expected_fields("requests", alternative=True)}
    assert both | {f for f in expected if not f.startswith("requests.")} == set(fmt.field_ids())
    assert len(expected) == len(set(expected))


def test_a_2021_report_with_the_single_other_row_is_expected_to_state_it_not_the_sub_rows() -> None:
    single = FORMATS["2021"].expected_fields("requests", alternative=True)
    assert "requests.other.total" in single
    assert not any(f.startswith("requests.other.no_correction.") for f in single)
    own = FORMATS["2021"].expected_fields("requests")
    assert "requests.other.other.total" in own
    assert "requests.other.total" not in own
    assert FORMATS["2019"].expected_fields("requests", alternative=True) == FORMATS["2019"].expected_fields("requests")


def test_the_rows_that_name_an_edition_are_printed_by_its_reports_alone() -> None:
    assert format_named_by("active", "government_procurement") == "2019"
    assert format_named_by("active", "other_external_services") == "2019"
    assert format_named_by("requests", "other.unpaid_fee") == "2021"
    # Both print these; 2021 reports may print the single (六) row too.
    for table, row in (("active", "regulations"), ("requests", "granted"), ("requests", "other"),
                       ("requests", "total")):
        assert format_named_by(table, row) is None
    for name, fmt in FORMATS.items():
        rows = {("active", r) for r in fmt.active_rows} | {("requests", r) for r in fmt.requests_rows}
        for table, row in rows:
            named = format_named_by(table, row)
            assert named in (None, name)
