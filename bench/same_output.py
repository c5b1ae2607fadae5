"""Check that a change made parsing faster, not different: the whole model of many inputs, before and after.

``python bench/same_output.py inputs DIR [--reports N]``
    writes the inputs: the files of ``examples/``, ``tests/data/`` and
    ``../shared`` (seeds, findings, corpus), and ``N`` generated reports of each
    kind (full, sparse, blank, rule-breaking, damaged) in every built-in
    rendering, printed to PDF and read back where reportlab is installed.

``python bench/same_output.py dump DIR OUT``
    parses each input with the ``govinfo_parse`` this interpreter imports and
    writes ``to_dict(report)`` (or the error) per input as JSON lines.

``python bench/same_output.py compare A B``
    names every input whose model differs; exit status 1 if any does.

Run ``inputs`` once, ``dump`` with the code before and after the change (a
worktree of the earlier commit installed in its own virtualenv), then ``compare``.
"""

from __future__ import annotations

import argparse
import json
import shutil
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
KINDS = ("full", "sparse", "blanks", "rule broken", "damaged")


def write_inputs(folder: Path, reports: int) -> int:
    """Every input of the comparison, as files in ``folder``; how many."""
    folder.mkdir(parents=True, exist_ok=True)
    n = 0
    sources = [ROOT / "examples", ROOT / "tests" / "data", SHARED / "seeds", SHARED / "findings",
               SHARED / "corpus"]
    for source in sources:
        for path in sorted(source.rglob("*")) if source.is_dir() else []:
            if path.is_file() and path.suffix.lower() in (".txt", ".html", ".htm", ".md", ".pdf", ".docx", ".doc"):
                shutil.copyfile(path, folder / f"{n:04d}-{path.name}")
                n += 1
    for name, data in _generated(reports):
        (folder / f"{n:04d}-{name}").write_bytes(data)
        n += 1
    return n


def _generated(reports: int) -> list[tuple[str, bytes]]:
    """``reports`` generated reports of each kind, in every built-in rendering (and PDF text)."""
    from hypothesis import strategies as st  # noqa: PLC0415

    from govinfo_parse.testing.strategies import (  # noqa: PLC0415
        RENDERINGS,
        _renderers,
        damaged,
        rule_breaking_reports,
        sample_reports,
    )

    renderers = _renderers()
    out: list[tuple[str, bytes]] = []
    strategies = {
        "full": sample_reports().map(lambda s: (s, None)),
        "sparse": sample_reports(sparse=True).map(lambda s: (s, None)),
        "blanks": sample_reports(blanks=True).map(lambda s: (s, None)),
        "rule broken": rule_breaking_reports(),
        "damaged": st.tuples(sample_reports(), st.just("damage")),
    }
    for kind, strategy in strategies.items():
        for i, (sample, damage) in enumerate(_draw(strategy, reports, renderers["canonical"], damaged)):
            if damage is not None:
                out.append((f"{kind}-{i}-canonical.txt", str(damage).encode()))
                continue
            for rendering in RENDERINGS:
                text = renderers[rendering](sample)  # type: ignore[arg-type]
                suffix = {"docx": ".docx", "html": ".html", "html-word": ".html"}.get(rendering, ".txt")
                data = text if isinstance(text, bytes) else text.encode()
                out.append((f"{kind}-{i}-{rendering}{suffix}", data))
            out.extend(_pdf_texts(sample, f"{kind}-{i}"))
    return out


def _draw(strategy: object, reports: int, canonical: object, damaged: object) -> list[tuple[object, object]]:
    """``reports`` cases of ``strategy``, the same on every run; a damaged one as its damaged text."""
    from hypothesis import HealthCheck, given, settings  # noqa: PLC0415
    from hypothesis import strategies as st  # noqa: PLC0415

    drawn: list[tuple[object, object]] = []

    @settings(max_examples=reports, derandomize=True, database=None, suppress_health_check=list(HealthCheck))
    @given(case=strategy, data=st.data())
    def collect(case: tuple[object, object], data: st.DataObject) -> None:
        if len(drawn) < reports:
            sample, extra = case
            damage = data.draw(damaged(canonical(sample))) if extra == "damage" else None  # type: ignore[operator]
            drawn.append((sample, damage))

    collect()
    return drawn


def _pdf_texts(sample: object, stem: str) -> list[tuple[str, bytes]]:
    try:
        from govinfo_parse.testing.pdf import available_extractors, extract_text, render_pdf  # noqa: PLC0415
    except ImportError:
        return []
    pdf = render_pdf(sample)  # type: ignore[arg-type]
    return [(f"{stem}-pdf.pdf", pdf)] + [
        (f"{stem}-pdf-{name}.txt", extract_text(pdf, name).encode()) for name in available_extractors()]


def dump(folder: Path, out: Path) -> None:
    """``to_dict`` of each input's report (or its error), one JSON line per input."""
    import govinfo_parse  # noqa: PLC0415

    with out.open("w", encoding="utf-8") as f:
        for path in sorted(folder.iterdir()):
            try:
                model: object = govinfo_parse.to_dict(govinfo_parse.parse_file(path))
            except govinfo_parse.GovinfoParseError as exc:
                model = {"error": type(exc).__name__, "message": str(exc)}
            f.write(json.dumps({"input": path.name, "model": model}, ensure_ascii=False, sort_keys=True,
                               default=str) + "\n")


def compare(a: Path, b: Path) -> int:
    """How many inputs' models differ between two dumps (each named)."""
    before = {r["input"]: r["model"] for r in map(json.loads, a.read_text(encoding="utf-8").splitlines())}
    after = {r["input"]: r["model"] for r in map(json.loads, b.read_text(encoding="utf-8").splitlines())}
    differ = sorted(k for k in before.keys() | after.keys() if before.get(k) != after.get(k))
    for name in differ:
        print(f"differs: {name}")
    print(f"{len(before)} inputs, {len(differ)} differ")
    return len(differ)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = parser.add_subparsers(dest="command", required=True)
    p = sub.add_parser("inputs")
    p.add_argument("folder", type=Path)
    p.add_argument("--reports", type=int, default=6, help="generated reports of each kind")
    p = sub.add_parser("dump")
    p.add_argument("folder", type=Path)
    p.add_argument("out", type=Path)
    p = sub.add_parser("compare")
    p.add_argument("a", type=Path)
    p.add_argument("b", type=Path)
    args = parser.parse_args()
    if args.command == "inputs":
        print(f"{write_inputs(args.folder, args.reports)} inputs written to {args.folder}")
    elif args.command == "dump":
        dump(args.folder, args.out)
    else:
        sys.exit(1 if compare(args.a, args.b) else 0)


if __name__ == "__main__":
    main()
