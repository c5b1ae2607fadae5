"""Printing a known report as a real PDF, and taking its text out again.

``render_pdf`` draws the three tables with the official merged cells (group
labels spanning their rows, 法人或其他组织 over five columns, 行政诉讼 over
ten), narrow label columns so long labels wrap, the requests table broken
across pages, and a ``- N -`` footer on every page: the shapes real report
PDFs give text extractors.  It needs reportlab (``pip install reportlab``);
``extract_text`` needs pypdfium2 or poppler's ``pdftotext``.
"""

from __future__ import annotations

import io
import shutil
import subprocess
from typing import Any, Final

from govinfo_parse import fields
from govinfo_parse.testing.render import ACTIVE_BLOCKS, REQUESTS_ROW_LABELS, SampleReport, format_value

__all__ = ["EXTRACTORS", "available_extractors", "extract_text", "render_pdf"]

#: Text extractors ``extract_text`` knows, by name.
EXTRACTORS: Final = ("pypdfium2", "pdftotext-layout", "pdftotext-raw")
_FONT: Final = "STSong-Light"  # a CID font every PDF reader has; no font file is embedded


def available_extractors() -> list[str]:
    """The extractors installed here."""
    found = []
    try:
        import pypdfium2  # noqa: F401, PLC0415
    except ImportError:
        pass
    else:
        found.append("pypdfium2")
    if shutil.which("pdftotext"):
        found += ["pdftotext-layout", "pdftotext-raw"]
    return found


def extract_text(pdf: bytes, extractor: str) -> str:
    """The text of ``pdf`` as ``extractor`` prints it (pages separated by form feeds)."""
    if extractor == "pypdfium2":
        import pypdfium2  # noqa: PLC0415

        document = pypdfium2.PdfDocument(pdf)
        return "\f".join(page.get_textpage().get_text_range() for page in document)
    if extractor in ("pdftotext-layout", "pdftotext-raw"):
        mode = "-layout" if extractor.endswith("layout") else "-raw"
        done = subprocess.run(  # noqa: S603 - fixed arguments, no shell
            ["pdftotext", mode, "-enc", "UTF-8", "-", "-"],  # noqa: S607
            input=pdf, capture_output=True, check=True,
        )
        return done.stdout.decode("utf-8")
    msg = f"unknown extractor {extractor!r}; known: {', '.join(EXTRACTORS)}"
    raise ValueError(msg)


def _value(sample: SampleReport, field_id: str) -> str:
    if field_id in sample.values:
        column = fields.split_field_id(field_id)[2]
        return format_value(sample.values[field_id], column=column, thousands=sample.thousands)
    return sample.placeholders.get(field_id, "")


def _active_table(sample: SampleReport) -> tuple[list[list[str]], list[tuple[Any, ...]]]:
    rows: list[list[str]] = []
    spans: list[tuple[Any, ...]] = []
    for caption, headers, labelled in ACTIVE_BLOCKS[sample.template]:
        spans.append(("SPAN", (0, len(rows)), (3, len(rows))))
        rows.append([caption, "", "", ""])
        wide = len(headers) == 1
        rows.append(["信息内容", *(h.replace("\n", "") for h in headers), *[""] * (3 - len(headers))])
        block_rows = [len(rows) - 1]
        for label, key in labelled:
            columns = fields.ACTIVE_ROWS[sample.template][key]
            cells = [_value(sample, f"active.{key}.{c}") for c in columns]
            rows.append([label, *cells, *[""] * (3 - len(cells))])
            block_rows.append(len(rows) - 1)
        for r in block_rows:
            if wide:
                spans.append(("SPAN", (1, r), (3, r)))
            elif len(headers) == 2:
                spans.append(("SPAN", (2, r), (3, r)))
    return rows, spans


def _requests_table(sample: SampleReport) -> tuple[list[list[str]], list[tuple[Any, ...]]]:
    note = "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）"
    rows = [
        [note, "", "", "申请人情况", "", "", "", "", "", ""],
        ["", "", "", "自然人", "法人或其他组织", "", "", "", "", "总计"],
        ["", "", "", "", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他", ""],
    ]
    spans: list[tuple[Any, ...]] = [
        ("SPAN", (0, 0), (2, 2)), ("SPAN", (3, 0), (9, 0)), ("SPAN", (3, 1), (3, 2)),
        ("SPAN", (4, 1), (8, 1)), ("SPAN", (9, 1), (9, 2)),
    ]
    groups: dict[str, list[int]] = {}  # group → the table rows of its sub-rows
    first_result = None
    for row in fields.REQUESTS_ROWS[sample.template]:
        label = REQUESTS_ROW_LABELS[row][-1]
        values = [_value(sample, f"requests.{row}.{c}") for c in fields.REQUESTS_COLUMNS]
        r = len(rows)
        if row in ("new_received", "carried_over", "carried_forward"):
            rows.append([label, "", "", *values])
            spans.append(("SPAN", (0, r), (2, r)))
        elif "." in row:  # a sub-row under its group cell
            groups.setdefault(row.split(".")[0], []).append(r)
            rows.append(["", "", label, *values])
        else:  # 予以公开, 部分公开, the 2019 (六), 总计: the label spans two columns
            rows.append(["", label, "", *values])
            spans.append(("SPAN", (1, r), (2, r)))
        if row not in {"new_received", "carried_over"} and first_result is None:
            first_result = r
        if row == "total" and first_result is not None:
            rows[first_result][0] = "三、本年度办理结果"
            spans.append(("SPAN", (0, first_result), (0, r)))
    for group, members in groups.items():
        rows[members[0]][1] = _GROUP_LABELS[group]
        spans.append(("SPAN", (1, members[0]), (1, members[-1])))
    return rows, spans


_GROUP_LABELS: Final = {"denied": "（三）不予公开", "unable": "（四）无法提供",
                        "not_processed": "（五）不予处理", "other": "（六）其他处理"}


def _appeals_table(sample: SampleReport) -> tuple[list[list[str]], list[tuple[Any, ...]]]:
    results = ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"]
    values = [
        _value(sample, f"appeals.{g}.{c}") for g in fields.APPEALS_GROUPS for c in fields.APPEALS_COLUMNS
    ]
    rows = [
        ["行政复议", "", "", "", "", "行政诉讼", *[""] * 9],
        [*results, "未经复议直接起诉", "", "", "", "", "复议后起诉", "", "", "", ""],
        ["", "", "", "", "", *results, *results],
        values,
    ]
    spans: list[tuple[Any, ...]] = [
        ("SPAN", (0, 0), (4, 0)), ("SPAN", (5, 0), (14, 0)),
        ("SPAN", (5, 1), (9, 1)), ("SPAN", (10, 1), (14, 1)),
        *[("SPAN", (c, 1), (c, 2)) for c in range(5)],
    ]
    return rows, spans


def render_pdf(sample: SampleReport) -> bytes:
    """``sample`` as a PDF report: headings, prose and the three bordered tables."""
    from reportlab.lib.pagesizes import A4  # noqa: PLC0415
    from reportlab.lib.styles import ParagraphStyle  # noqa: PLC0415
    from reportlab.lib.units import mm  # noqa: PLC0415
    from reportlab.pdfbase import pdfmetrics  # noqa: PLC0415
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont  # noqa: PLC0415
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle  # noqa: PLC0415

    pdfmetrics.registerFont(UnicodeCIDFont(_FONT))
    body = ParagraphStyle("body", fontName=_FONT, fontSize=10.5, leading=16)
    cell = ParagraphStyle("cell", fontName=_FONT, fontSize=7.5, leading=9)

    def table(rows: list[list[str]], spans: list[tuple[Any, ...]], widths: list[float]) -> Table:
        data = [[Paragraph(c, cell) if c else "" for c in row] for row in rows]
        drawn = Table(data, colWidths=widths, repeatRows=0)
        drawn.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.5, "black"),
                                   ("VALIGN", (0, 0), (-1, -1), "MIDDLE"), *spans]))
        return drawn

    def footer(canvas: Any, doc: Any) -> None:  # noqa: ANN401
        canvas.setFont(_FONT, 9)
        canvas.drawCentredString(A4[0] / 2, 12 * mm, f"- {doc.page} -")

    prose = (f"{sample.year}年，{sample.organ}认真贯彻落实《中华人民共和国政府信息公开条例》，"
             "全面推进政务公开工作，不断提升政务公开质量。" * 6)
    story = [
        Paragraph(f"{sample.organ}{sample.year}年政府信息公开工作年度报告", body),
        Paragraph("一、总体情况", body), Paragraph(prose, body),
        Paragraph("二、主动公开政府信息情况", body),
        table(*_active_table(sample), [40 * mm, 35 * mm, 35 * mm, 35 * mm]),
        Paragraph("三、收到和处理政府信息公开申请情况", body),
        table(*_requests_table(sample), [12 * mm, 18 * mm, 34 * mm, *[13 * mm] * 7]),
        Spacer(1, 4 * mm),
        Paragraph("四、政府信息公开行政复议、行政诉讼情况", body),
        table(*_appeals_table(sample), [11 * mm] * 15),
        Paragraph("五、存在的主要问题及改进情况", body),
        Paragraph("一是公开内容不够全面；二是解读形式较为单一。下一步将加强培训，完善制度。", body),
        Paragraph("六、其他需要报告的事项", body), Paragraph("无。", body),
    ]
    out = io.BytesIO()
    SimpleDocTemplate(out, pagesize=A4, topMargin=20 * mm, bottomMargin=22 * mm).build(
        story, onFirstPage=footer, onLaterPages=footer)
    return out.getvalue()
