"""Rendering a known report as an HTML page, plainly or the way Word exports it.

``render_html`` draws the three tables with the official merged cells as
``rowspan``/``colspan``.  With ``word=True`` it imitates a Word "save as web
page" export and a content-management system around it: digits split over
``<span>``s, ``<o:p></o:p>`` and ``&nbsp;`` in empty cells, one glyph per
``<p>`` in narrow header cells, ``<br>`` inside long labels, inline styles,
and the report nested in a page-layout table beside a navigation menu.
"""

from __future__ import annotations

import base64
import quopri
from html import escape

from govinfo_parse.testing.render import Grid, SampleReport, merged_grids, outline

__all__ = ["grid_to_html", "render_html", "web_archive"]


def _word_cell(text: str, *, narrow: bool) -> str:
    if not text:
        return "<p class=MsoNormal>&nbsp;<o:p></o:p></p>"
    if narrow and len(text) <= 4 and not text[0].isdigit():
        return "".join(f"<p class=MsoNormal align=center>{escape(ch)}</p>" for ch in text)
    if text[0].isdigit() or text[0] in "+-":
        pieces = [text[i : i + 2] for i in range(0, len(text), 2)]
        spans = "".join(f"<span lang=EN-US style='font-size:9.0pt'>{escape(p)}</span>" for p in pieces)
        return f"<p class=MsoNormal align=center>{spans}<o:p></o:p></p>"
    if len(text) > 12:
        half = len(text) // 2
        text = f"{escape(text[:half])}<br>{escape(text[half:])}"
    else:
        text = escape(text)
    return f"<p class=MsoNormal><span style='font-family:宋体'>{text}</span><o:p></o:p></p>"


_WORD_CELL_STYLE = " width=57 valign=middle style='width:42.5pt;border:solid windowtext 1.0pt'"
_NAV = "<ul><li><a href='/'>首页</a></li><li><a href='/zwgk'>政务公开</a></li><li>政府信息公开年报</li></ul>"


def grid_to_html(grid: Grid, *, word: bool = False) -> str:
    """A ``<table>`` of ``grid`` with its merged areas as rowspan/colspan."""
    out = ["<table border=1 cellspacing=0 cellpadding=0 style='border-collapse:collapse'>"]
    for row in grid.drawn_cells():
        out.append("<tr>")
        for r, c, rowspan, colspan in row:
            text = grid.rows[r][c]
            attributes = f" rowspan={rowspan}" if rowspan > 1 else ""
            attributes += f" colspan={colspan}" if colspan > 1 else ""
            body = _word_cell(text, narrow=rowspan > 1 or r < 3) if word else escape(text)
            style = _WORD_CELL_STYLE if word else ""
            out.append(f"<td{attributes}{style}>{body}</td>")
        out.append("</tr>")
    out.append("</table>")
    return "".join(out)


def render_html(sample: SampleReport, *, word: bool = False, charset: str = "utf-8") -> str:
    """``sample`` as an HTML page; encode it with ``charset`` to get the bytes a site serves."""
    grids = merged_grids(sample)

    def para(text: str) -> str:
        return f"<p class=MsoNormal style='text-indent:21.0pt'>{escape(text)}</p>\n"

    def part(kind: str, text: str) -> str:
        if kind == "table":
            return grid_to_html(grids[text], word=word) + "\n"
        return f"<h1>{escape(text)}</h1>\n" if kind == "title" else para(text)

    body = "".join(part(kind, text) for kind, text in outline(sample))
    if word:  # a content-management page: navigation beside the report, in a layout table
        body = (f"<div class=header><a href='/'>网站首页</a> | 无障碍浏览</div>"
                f"<table width=1000><tr><td width=200>{_NAV}</td><td class=content>{body}</td></tr></table>"
                "<div class=footer>主办单位：示例县人民政府办公室 版权所有</div>")
    head = (f"<meta http-equiv=Content-Type content='text/html; charset={charset}'>"
            f"<title>{escape(sample.organ)}年报</title><style>p{{margin:0}}</style>"
            "<script>var x = '<table><tr><td>1</td></tr></table>';</script>")
    return f"<!DOCTYPE html>\n<html><head>{head}</head>\n<body>{body}</body></html>\n"


def web_archive(html: str, *, charset: str = "gb18030", transfer: str = "quoted-printable") -> bytes:
    """``html`` saved as a one-file web page (.mht), as Word and browsers write one.

    A MIME ``multipart/related`` message whose HTML part is encoded in ``charset`` and
    ``transfer`` (``quoted-printable`` or ``base64``).
    """
    boundary = "----=_NextPart_01DA0000.00000000"
    body = html.encode(charset)
    encoded = quopri.encodestring(body) if transfer == "quoted-printable" else base64.encodebytes(body)
    head = (f'MIME-Version: 1.0\r\nContent-Type: multipart/related; boundary="{boundary}"\r\n\r\n'
            f"This is a multi-part message in MIME format.\r\n\r\n--{boundary}\r\n"
            "Content-Location: file:///C:/report.htm\r\n"
            f"Content-Transfer-Encoding: {transfer}\r\n"
            f'Content-Type: text/html; charset="{charset}"\r\n\r\n')
    return head.encode("ascii") + encoded + f"\r\n\r\n--{boundary}--\r\n".encode("ascii")
