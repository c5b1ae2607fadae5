"""Corpora beyond one machine: a Dask DataFrame of flat records.

Needs the ``dask`` extra (``pip install "govinfo-parse[dask]"``)::

    from dask.distributed import Client
    import govinfo_parse.dask

    client = Client("tcp://scheduler:8786")            # or Client() on one machine
    frame = govinfo_parse.dask.read_reports(["reports/**/*.pdf", "more/"])
    frame.to_parquet("reports.parquet")                 # one file per partition

Each partition parses its share of the paths on a worker with the same
function as the batch CLI (``govinfo_parse.batch.parse_record``): one row per
input, failures included with ``status``/``error_kind``/``error``, columns
and dtypes of ``govinfo_parse.export.wide_columns()``.  Paths are expanded
(folders walked, globs matched) where ``read_reports`` is called, so workers
must see the files under the same paths (a shared or object file system
mounted alike everywhere).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from govinfo_parse.batch import iter_inputs, parse_record
from govinfo_parse.errors import InputError
from govinfo_parse.export import wide_frame
from govinfo_parse.extras import require

if TYPE_CHECKING:
    from collections.abc import Iterable

    import pandas as pd

__all__ = ["parse_partition", "read_reports"]


def _dask_dataframe() -> Any:  # noqa: ANN401
    return require("dask.dataframe", extra="dask", needed_for="the Dask path")


def parse_partition(paths: list[str]) -> pd.DataFrame:
    """Parse a list of paths into the wide table (what each Dask task runs)."""
    return wide_frame(parse_record(path) for path in paths)


def read_reports(paths: Iterable[str], *, partition_size: int = 200) -> Any:  # noqa: ANN401
    """A lazy Dask DataFrame with one row per input found under ``paths``.

    ``paths`` holds files, folders (walked for report files) and globs, as for
    ``govinfo-parse parse``.  Nothing is parsed until the frame is computed
    or written; ``partition_size`` inputs make one task.
    """
    if partition_size < 1:
        msg = f"partition_size must be at least 1, not {partition_size}"
        raise ValueError(msg)
    dd = _dask_dataframe()
    inputs = list(iter_inputs(paths))
    if not inputs:
        msg = "no input files found"
        raise InputError(msg)
    partitions = [inputs[i:i + partition_size] for i in range(0, len(inputs), partition_size)]
    meta = wide_frame([]).iloc[:0]
    return dd.from_map(parse_partition, partitions, meta=meta, enforce_metadata=True,
                       label="govinfo-parse")

