"""Coverage-guided fuzzing of the whole parse with atheris.

    pip install ".[fuzz]"
    python fuzz/fuzz_parse.py fuzz/corpus -max_total_time=3600     # an hour
    python fuzz/fuzz_parse.py -atheris_runs=100000                  # a number of inputs

Each input is parsed as bytes and, decoded, as text, with time limits off
(libFuzzer's -timeout catches hangs instead).  A finding is any exception
that is not one of the library's documented errors, or a report that does
not survive its own round trip through ``to_dict``/``from_dict``.  The
corpus folder is seeded with the bundled example, the hostile inputs of
``govinfo_parse.testing.hostile`` and the table-shaped texts of the test
suite when it is empty.
"""

from __future__ import annotations

import sys
from pathlib import Path

import atheris

with atheris.instrument_imports(include=["govinfo_parse", "govinfo_parse_layouts"]):
    import govinfo_parse
    from govinfo_parse import Limits
    from govinfo_parse.testing import SampleReport, render_canonical, render_markdown, render_tabular
    from govinfo_parse.testing.hostile import HOSTILE

DOCUMENTED = (
    govinfo_parse.DecodingError,
    govinfo_parse.UnreadableDocumentError,
    govinfo_parse.ResourceLimitError,
    govinfo_parse.MissingDependencyError,
)
LIMITS = Limits(timeout=None, plugin_timeout=None, max_bytes=1 << 20)
ROOT = Path(__file__).resolve().parents[1]


def _check(document: bytes | str) -> None:
    try:
        report = govinfo_parse.parse(document, limits=LIMITS)
    except DOCUMENTED:
        return
    if govinfo_parse.from_dict(govinfo_parse.to_dict(report)).to_flat() != report.to_flat():
        msg = "the report does not survive its JSON round trip"
        raise AssertionError(msg)


def test_one_input(data: bytes) -> None:
    _check(data)
    _check(data.decode("utf-8", "surrogatepass") if _utf8(data) else data.decode("latin-1"))


def _utf8(data: bytes) -> bool:
    try:
        data.decode("utf-8", "surrogatepass")
    except UnicodeDecodeError:
        return False
    return True


def _seed(corpus: Path) -> None:
    """Starting inputs: every layout of a sample report, and every hostile input that is small."""
    corpus.mkdir(parents=True, exist_ok=True)
    if any(corpus.iterdir()):
        return
    sample = SampleReport(template="2021", values={"requests.new_received.total": 3, "appeals.review.total": 1})
    seeds = {"canonical": render_canonical(sample).encode(), "tabular": render_tabular(sample).encode(),
             "markdown": render_markdown(sample).encode(),
             "example": (ROOT / "examples" / "example-report-2020.txt").read_bytes()}
    seeds.update((name, case.build()) for name, case in HOSTILE.items()
                 if name in ("empty", "nul-text", "pdf-truncated", "pdf-no-text", "docx-entities", "html-entities"))
    for name, data in seeds.items():
        (corpus / name).write_bytes(data)


def main() -> None:
    folders = [Path(a) for a in sys.argv[1:] if not a.startswith("-")]
    for folder in folders:
        _seed(folder)
    atheris.Setup(sys.argv, test_one_input)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
