"""What a new user meets in the first hour: clear refusals, no tracebacks, one record shape."""

from __future__ import annotations

import csv
import importlib.util
import io
import json
from pathlib import Path

import jsonschema
import pytest

import govinfo_parse
from govinfo_parse import batch, cli
from govinfo_parse.testing import SampleReport, render_canonical, render_narrative

SAMPLE = SampleReport(template="2019", values={"requests.new_received.total": 5, "requests.granted.total": 2})
PNG = b"\x89PNG\r\n\x1a\n" + bytes(64)


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    root = tmp_path / "in"
    root.mkdir()
    (root / "a.txt").write_text(render_canonical(SAMPLE), encoding="utf-8")
    (root / "b.html").write_text("<html><body><p>只有文字。</p></body></html>", encoding="utf-8")
    (root / "c.txt").write_bytes(bytes(range(256)) * 4)  # not text: a failed record
    (root / "notes.py").write_text("print('not a report')", encoding="utf-8")
    return root


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = cli.main(list(args))
    out, err = capsys.readouterr()
    assert "Traceback" not in out + err
    return code, out, err


@pytest.mark.parametrize("args", [
    ["--timeout", "-1"], ["--max-bytes", "-1"], ["--plugin-timeout", "-1"], ["--max-pages", "-5"],
    ["-j", "0"], ["-j", "-1"], ["--timeout", "nan"], ["--max-bytes", "many"],
])
def test_impossible_numbers_are_usage_errors(args: list[str], capsys: pytest.CaptureFixture[str],
                                             folder: Path) -> None:
    with pytest.raises(SystemExit) as exit_:
        cli.main(["parse", *args, str(folder / "a.txt")])
    assert exit_.value.code == cli.EXIT_USAGE
    assert "error: argument" in capsys.readouterr().err


@pytest.mark.parametrize(("output", "message"), [
    ("nodir/x.jsonl", "does not exist"), (".", "is a folder"), ("x.xlsx", "unknown output extension"),
    ("out.txt", "unknown output extension"),
])
def test_an_output_that_cannot_be_written_is_refused_before_parsing(
    output: str, message: str, folder: Path, capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.chdir(folder.parent)
    code, _, err = run(capsys, "parse", "-o", output, str(folder / "a.txt"))
    assert code == cli.EXIT_USAGE
    assert message in err
    assert "a.txt" not in err  # nothing was parsed


def test_resume_with_parquet_is_refused(folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "parse", "--resume", "-o", str(folder.parent / "x.parquet"), str(folder))
    assert code == cli.EXIT_USAGE
    assert "--resume" in err


def test_parquet_without_the_frames_extra_names_the_install_command(
    folder: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch,
) -> None:
    real = importlib.util.find_spec
    monkeypatch.setattr(importlib.util, "find_spec", lambda name, *a: None if name == "pyarrow" else real(name, *a))
    code, _, err = run(capsys, "parse", "-o", str(folder.parent / "x.parquet"), str(folder))
    assert code == cli.EXIT_USAGE
    assert 'pip install "govinfo-parse[frames]"' in err
    assert 'pip install ".[frames]"' in err
    assert not (folder.parent / "x.parquet").exists()


def test_version_help_and_layout_choices(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        cli.main(["--version"])
    assert capsys.readouterr().out.strip() == f"govinfo-parse {govinfo_parse.__version__}"
    for command in ([], ["parse"], ["validate"], ["compare"], ["plugins"], ["schema"]):
        with pytest.raises(SystemExit):
            cli.main([*command, "--help"])
        text = capsys.readouterr().out
        assert "exit codes" in text
        assert "130" in text
    with pytest.raises(SystemExit):
        cli.main(["parse", "--help"])
    text = " ".join(capsys.readouterr().out.split())
    assert "canonical, tabular, pdf_text" in text
    # every argument has its help
    parser = cli._build_parser()  # noqa: SLF001
    for sub in parser._subparsers._group_actions[0].choices.values():  # type: ignore[union-attr]  # noqa: SLF001
        for action in sub._actions:  # noqa: SLF001
            assert action.help, (sub.prog, action.dest)


def test_compare_one_file_says_it_needs_two(folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "compare", str(folder / "a.txt"))
    assert code == cli.EXIT_USAGE
    assert "needs two" in err


def test_compare_takes_the_limit_options(folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, _ = run(capsys, "compare", str(folder), "--timeout", "10", "--max-bytes", "1000000")
    assert code == cli.EXIT_UNREADABLE  # c.txt cannot be decoded; the others are compared


def test_every_route_gives_the_same_record(folder: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    pd = pytest.importorskip("pandas")
    pytest.importorskip("pyarrow")
    paths = [str(folder)]
    code, out, _ = run(capsys, "parse", "-f", "jsonl", *paths)
    stdout_jsonl = [json.loads(line) for line in out.splitlines()]
    _, out, _ = run(capsys, "parse", "-f", "csv", *paths)
    stdout_csv = list(csv.DictReader(io.StringIO(out)))
    run(capsys, "parse", "-o", str(tmp_path / "o.jsonl"), "--no-progress", "-j", "1", *paths)
    file_jsonl = [json.loads(line) for line in (tmp_path / "o.jsonl").read_text(encoding="utf-8").splitlines()]
    run(capsys, "parse", "-o", str(tmp_path / "o.csv"), "--no-progress", "-j", "1", *paths)
    raw_csv = (tmp_path / "o.csv").read_bytes()
    assert raw_csv.startswith(b"\xef\xbb\xbf")  # a BOM: Excel shows the Chinese
    file_csv = list(csv.DictReader(io.StringIO(raw_csv.decode("utf-8-sig"))))
    run(capsys, "parse", "-o", str(tmp_path / "o.parquet"), "--no-progress", "-j", "1", *paths)
    parquet = pd.read_parquet(tmp_path / "o.parquet")

    assert code == cli.EXIT_UNREADABLE
    columns = list(batch.record_columns())
    assert list(stdout_csv[0]) == list(file_csv[0]) == columns
    assert list(parquet.columns) == columns
    assert stdout_jsonl == file_jsonl
    assert [r["path"] for r in file_jsonl] == [str(folder / n) for n in ("a.txt", "b.html", "c.txt")]
    assert [r["status"] for r in file_jsonl][1:] == ["no_tables", "failed"]
    first = file_jsonl[0]
    assert (first["meta.title"], first["source.format"], first["meta.year"]) == (
        "示例县人民政府2020年政府信息公开工作年度报告", "text", 2020)
    assert stdout_csv == file_csv
    assert parquet["meta.year"].tolist()[0] == 2020
    assert file_jsonl[1]["source.format"] == "html"


def test_no_bom_and_glob(folder: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "o.csv"
    run(capsys, "parse", "-o", str(out), "--no-bom", "--glob", "*.py", "--no-progress", str(folder))
    rows = list(csv.DictReader(io.StringIO(out.read_text(encoding="utf-8"))))
    assert [Path(r["path"]).name for r in rows] == ["notes.py"]
    assert not out.read_bytes().startswith(b"\xef\xbb\xbf")


def test_json_of_an_unreadable_file_fits_the_schema(folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    schema = govinfo_parse.json_schema()
    code, out, _ = run(capsys, "parse", "-f", "json", str(folder / "c.txt"))
    assert code == cli.EXIT_UNREADABLE
    error = json.loads(out)
    jsonschema.validate(error, schema)
    assert error["status"] == "failed"
    assert error["error_kind"] == "DecodingError"
    _, out, _ = run(capsys, "parse", "-f", "json", str(folder / "a.txt"), str(folder / "c.txt"))
    jsonschema.validate(json.loads(out), schema)


def test_values_from_prose_are_marked_on_every_route(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "prose.txt"
    path.write_text(render_narrative(SAMPLE), encoding="utf-8")
    _, out, _ = run(capsys, "parse", "-f", "jsonl", str(path))
    assert "requests.new_received.total" not in json.loads(out)
    _, out, _ = run(capsys, "parse", "-f", "jsonl", "--include-narrative", str(path))
    assert json.loads(out)["narrative.requests.new_received.total"] == 5
    _, out, _ = run(capsys, "parse", "-f", "csv", "--include-narrative", str(path))
    assert next(csv.DictReader(io.StringIO(out)))["narrative.requests.new_received.total"] == "5"
    _, out, _ = run(capsys, "parse", "-f", "flat", "--include-narrative", str(path))
    assert json.loads(out)["requests.new_received.total"] == 5
    _, out, _ = run(capsys, "parse", "--include-narrative", str(path))
    assert "(from a sentence)" in out


def test_validate_takes_a_folder(folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "validate", str(folder))
    assert "a.txt: ok" in out
    assert "notes.py" not in out + err
    assert code == cli.EXIT_UNREADABLE


@pytest.mark.parametrize(("name", "data", "message", "code"), [
    ("scan.txt", PNG, "an image (PNG), not a report; OCR it first", cli.EXIT_UNREADABLE),
    ("photo.jpg", b"\xff\xd8\xff\xe0" + bytes(32), "an image (JPEG), not a report", cli.EXIT_UNREADABLE),
    ("empty.txt", b"", "empty file", cli.EXIT_NO_TABLES),
    ("fake.docx", b"PK\x03\x04" + bytes(40), "damaged", cli.EXIT_UNREADABLE),
])
def test_clear_errors_naming_the_file(name: str, data: bytes, message: str, code: int, tmp_path: Path,
                                      capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / name
    path.write_bytes(data)
    got, _, err = run(capsys, "parse", str(path))
    assert got == code
    assert message in err
    assert str(path) in err


def test_a_missing_file_is_reported_once(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    missing = str(tmp_path / "missing.txt")
    code, out, err = run(capsys, "parse", missing)
    assert code == cli.EXIT_UNREADABLE
    assert (out + err).count("no such file") == 1


def test_api_conventions(folder: Path) -> None:
    report = govinfo_parse.parse_file(folder / "a.txt")
    assert report.value("requests.new_received.total") == 5
    assert report.value("requests.denied.state_secret.total") is None  # a field, not stated
    assert report.value("meta.year") is None  # a key of meta: report.meta.year holds it
    assert report.meta.year == 2020
    with pytest.raises(KeyError, match="requests.granted.total"):
        report.value("requests.granted.totl")
    with pytest.raises(KeyError):
        report.cell("no.such.field")
    with pytest.raises(FileNotFoundError):
        govinfo_parse.parse_file(folder / "missing.txt")
    with pytest.raises(OSError):  # noqa: PT011 - the builtin a caller catches
        govinfo_parse.parse_file(folder / "missing.txt")
    with (folder / "a.txt").open("rb") as fh:
        from_stream = govinfo_parse.parse_file(fh)
    assert from_stream.to_flat() == report.to_flat()
    assert from_stream.source.path == str(folder / "a.txt")
    with pytest.raises(govinfo_parse.NoTextLayerError, match="OCR it first"):
        govinfo_parse.parse(PNG)


def test_plugins_name_layouts_checks_and_versions(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "plugins")
    assert code == cli.EXIT_OK
    assert "layout canonical" in out
    assert "checks [govinfo_parse.checks" in out
    assert f"govinfo-parse {govinfo_parse.__version__}" in out
    assert "what a plugin may import" in out


def test_long_frame_keeps_counts_whole_and_names_the_body(folder: Path) -> None:
    pytest.importorskip("pandas")
    from govinfo_parse import export  # noqa: PLC0415

    frame = export.long_frame([govinfo_parse.parse_file(folder / "a.txt")], include_blank=False)
    assert str(frame["count"].dtype) == "Int64"
    row = frame[frame.field_id == "requests.new_received.total"].iloc[0]
    assert (row["count"], row["meta.organ"], row["meta.year"]) == (5, "示例县人民政府", 2020)
