"""govinfo_parse.dask on a local cluster: the same rows as the batch CLI, failures included."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

import govinfo_parse
from govinfo_parse.errors import InputError
from govinfo_parse.export import wide_columns, wide_frame
from govinfo_parse.testing import SampleReport, render_canonical
from govinfo_parse.testing.html import render_html

if TYPE_CHECKING:
    from collections.abc import Iterator
    from pathlib import Path

distributed = pytest.importorskip("distributed")
gp_dask = pytest.importorskip("govinfo_parse.dask")

COUNTIES = "甲乙丙丁戊己庚辛壬癸子"
SAMPLES = [
    SampleReport(template="2019", year=2020, organ=f"{COUNTIES[i - 1]}县人民政府",
                 values={"requests.new_received.total": i, "active.government_procurement.amount": i / 4})
    for i in range(1, 12)
]


@pytest.fixture(scope="module")
def client() -> Iterator[object]:
    # Worker processes, as on a real cluster: each imports govinfo_parse itself.
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                  dashboard_address=None) as cluster, distributed.Client(cluster) as c:
        yield c


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    for i, sample in enumerate(SAMPLES):
        render = render_canonical if i % 2 else render_html
        (tmp_path / f"{i:02d}.txt").write_text(render(sample), encoding="utf-8")
    (tmp_path / "corrupt.pdf").write_bytes(b"%PDF-1.7\n" + bytes(range(256)))
    return tmp_path


def test_a_folder_on_a_local_cluster_gives_a_row_per_file(client: object, folder: Path) -> None:
    frame = gp_dask.read_reports([str(folder)], partition_size=3)
    assert frame.npartitions == 4  # 12 inputs, 3 per task
    assert list(frame.columns) == list(wide_columns())
    result = frame.compute().set_index("path")
    assert len(result) == 12
    assert result.loc[str(folder / "corrupt.pdf"), "status"] == "failed"
    for i, sample in enumerate(SAMPLES):
        row = result.loc[str(folder / f"{i:02d}.txt")]
        assert row["requests.new_received.total"] == sample.values["requests.new_received.total"]
        assert row["active.government_procurement.amount"] == sample.values["active.government_procurement.amount"]
        assert row["meta.organ"] == sample.organ


def test_rows_equal_the_local_wide_table(client: object, folder: Path) -> None:
    paths = sorted(str(p) for p in folder.glob("*.txt"))
    distributed_rows = gp_dask.read_reports(paths, partition_size=5).compute().reset_index(drop=True)
    local_rows = wide_frame(govinfo_parse.parse_file(p) for p in paths)
    local_rows["status"] = distributed_rows["status"]  # parse_record also says ok/warnings
    assert distributed_rows.drop(columns=["status"]).equals(local_rows.drop(columns=["status"]))


def test_parquet_written_by_the_workers_reads_back(client: object, folder: Path, tmp_path: Path) -> None:
    pytest.importorskip("pyarrow")
    import pandas as pd

    out = tmp_path / "out.parquet"
    gp_dask.read_reports([str(folder)], partition_size=4).to_parquet(str(out))
    frame = pd.read_parquet(out)
    assert len(frame) == 12
    assert frame["requests.new_received.total"].dropna().sort_values().tolist() == list(range(1, 12))


def test_nothing_to_read_is_an_input_error(tmp_path: Path) -> None:
    with pytest.raises(InputError):
        gp_dask.read_reports([str(tmp_path)])
    with pytest.raises(ValueError, match="partition_size"):
        gp_dask.read_reports([str(tmp_path)], partition_size=0)
