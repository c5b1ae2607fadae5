"""Tables of many reports for analysis: wide (a row per report) and long (a row per value).

Needs the ``frames`` extra (``pip install "govinfo-parse[frames]"``: pandas and
pyarrow for Parquet).  Column order is stable and follows ``spec/fields.md``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Final

from govinfo_parse import fields
from govinfo_parse.batch import RECORD_LEADING, record_of
from govinfo_parse.errors import MissingDependencyError
from govinfo_parse.extras import require

if TYPE_CHECKING:
    from collections.abc import Iterable

    import pandas as pd

    from govinfo_parse.model import Report

__all__ = ["LONG_COLUMNS", "WIDE_LEADING", "long_frame", "wide_columns", "wide_frame", "write_frame"]

#: Columns before the field ids in the wide table: a batch record's (``batch.RECORD_LEADING``) and meta keys.
WIDE_LEADING: Final = (*RECORD_LEADING, *fields.META_KEYS)
#: Columns of the long table.  ``value`` holds every value; counts keep an integer type in ``count``.
LONG_COLUMNS: Final = (
    "path", "meta.organ", "meta.year", "field_id", "value", "count", "raw", "kind", "origin", "rule",
    "doubtful", "layout", "unit", "note", "line", "column", "offset", "page",
)
_LONG_TYPES: Final = {"meta.year": "Int64", "value": "Float64", "count": "Int64", "line": "Int64",
                      "column": "Int64", "offset": "Int64", "page": "Int64"}


def _pandas() -> Any:  # noqa: ANN401
    return require("pandas", extra="frames", needed_for="tables of reports")


def wide_columns() -> dict[str, str]:
    """The wide table's columns in their stable order, with pandas dtypes.

    Counts are nullable integers and money amounts nullable floats, so a
    value a report does not state is a missing cell (never 0) and every
    file of a multi-file export has the same schema.
    """
    columns = dict.fromkeys(WIDE_LEADING, "string")
    columns.update({"meta.year": "Int64", "warnings": "Int64"})
    for field_id in fields.all_field_ids():
        money = fields.split_field_id(field_id)[2] in fields.AMOUNT_COLUMNS
        columns[field_id] = "Float64" if money else "Int64"
    return columns


def _record(item: dict[str, Any] | Report) -> dict[str, Any]:
    return dict(item) if isinstance(item, dict) else record_of(item.source.path or "", item)


def wide_frame(records: Iterable[dict[str, Any] | Report]) -> pd.DataFrame:
    """One row per report (or batch record), one column per field id, in the stable order.

    Column dtypes are ``wide_columns()``'s whatever the records hold, so
    frames of different batches concatenate and compare.
    """
    pd = _pandas()
    columns = wide_columns()
    frame = pd.DataFrame([_record(item) for item in records], columns=list(columns))
    return frame.astype(columns)


def long_frame(reports: Iterable[Report], *, include_blank: bool = True) -> pd.DataFrame:
    """One row per table value, with its raw text, position, layout and provenance, for auditing."""
    rows = []
    for report in reports:
        doubtful = report.doubtful_fields()
        for cell in report.cells():
            if cell.value is None and not include_blank:
                continue
            span = cell.span
            rows.append((
                report.source.path, report.meta.organ, report.meta.year, cell.field_id,
                float(cell.value) if cell.value is not None else None,
                cell.value if isinstance(cell.value, int) else None, cell.raw, cell.kind.value,
                cell.origin.value, cell.rule, cell.field_id in doubtful, cell.layout, cell.unit, cell.note,
                span.line if span else None, span.column if span else None,
                span.offset if span else None, span.page if span else None,
            ))
    return _pandas().DataFrame(rows, columns=list(LONG_COLUMNS)).astype(_LONG_TYPES)


def write_frame(frame: pd.DataFrame, path: str) -> None:
    """Write a table as Parquet (``.parquet``) or CSV (anything else)."""
    if path.endswith(".parquet"):
        try:
            frame.to_parquet(path, index=False)
        except ImportError as exc:
            msg = 'Parquet needs pyarrow, in the frames extra: pip install "govinfo-parse[frames]"'
            raise MissingDependencyError(msg) from exc
    else:
        frame.to_csv(path, index=False)
