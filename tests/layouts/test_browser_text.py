"""A browser's innerText of a Word-export page: cells of paragraphs parted by lone tab lines."""

from __future__ import annotations

import govinfo_parse
from govinfo_parse import fields
from govinfo_parse.testing import SampleReport, render_document


def _inner_text_table(rows: list[list[str]]) -> str:
    """A table as Chromium's innerText gives it: a blank cell holds a no-break space."""
    return "\n\n\n\n".join("\n\n\t\n\n".join(c or "\xa0" for c in row) for row in rows) + "\n\n\n"


def _all_zero(template: fields.Template, *, blank: str) -> SampleReport:
    values = {f: 0 for f in fields.field_ids(template)
              if not f.startswith("active.") and not (template == "2021" and f.count(".") == 2
                                                      and f.startswith("requests.other."))}
    values.pop(blank)
    return SampleReport(template=template, values=values, placeholders={blank: ""}, unstated={blank: 0})


def test_a_row_read_cell_by_cell() -> None:
    sample = SampleReport(template="2019", values={"requests.new_received.natural_person": 5,
                                                  "requests.new_received.total": 5})
    report = govinfo_parse.parse(render_document(sample, _inner_text_table))
    assert {c.layout for c in report.cells()} == {"browser_text"}
    assert sample.wrong_values(report) == []
    assert report.value("requests.new_received.total") == 5


def test_a_blank_last_cell_of_a_row_stays_blank() -> None:
    """The last cell's no-break space is a cell: the row keeps seven cells, its total none."""
    for template, blank in (("2021", "requests.denied.query_matters.total"),
                            ("2019", "requests.carried_forward.total")):
        sample = _all_zero(template, blank=blank)
        report = govinfo_parse.parse(render_document(sample, _inner_text_table))
        assert {c.layout for c in report.cells()} == {"browser_text"}
        assert report.value(blank) is None
        assert report.cell(blank).raw == ""
        assert sample.wrong_values(report) == []
        assert report.value(blank.replace(".total", ".natural_person")) == 0
