"""Web archives (.mht, .mhtml): a page saved as one file, as browsers and Word save "single file web pages".

Such a file is a MIME message (``multipart/related``): its first ``text/html``
part, undone from quoted-printable or base64 and decoded in the charset its
header names, is the page, converted as an HTML page is (``html_to_text``) and
read by the HTML layout.  Recognised by its MIME headers, whatever its name
(sites serve such files as .doc, too).
"""

from __future__ import annotations

import re
from typing import Final

from govinfo_parse import hookimpl
from govinfo_parse.errors import CorruptDocumentError, UnreadableDocumentError
from govinfo_parse.layout import ConvertedDocument
from govinfo_parse_layouts import html

NAME = "mht"
# The headers a web archive starts with (before the first part): a MIME version and a multipart type.
_HEADER_FIELD: Final = re.compile(rb"[A-Za-z][A-Za-z0-9-]*:")
_MIME_VERSION: Final = re.compile(rb"^MIME-Version:", re.IGNORECASE | re.MULTILINE)
_MULTIPART: Final = re.compile(rb"^Content-Type:\s*multipart/related", re.IGNORECASE | re.MULTILINE)


def is_web_archive(data: bytes) -> bool:
    """True when ``data`` starts as a MIME message of related parts (a saved web page): headers first."""
    head = data[:4096].split(b"\n\n", 1)[0].split(b"\r\n\r\n", 1)[0]
    return bool(_HEADER_FIELD.match(head) and _MIME_VERSION.search(head) and _MULTIPART.search(head))


def web_archive_page(data: bytes) -> tuple[str, str]:
    """The HTML page a web archive holds, and its encoding."""
    import email  # noqa: PLC0415 - only a web archive needs it
    import email.policy  # noqa: PLC0415

    try:
        message = email.message_from_bytes(data, policy=email.policy.compat32)
        for part in message.walk():
            if part.get_content_type() == "text/html":
                body = part.get_payload(decode=True)
                if isinstance(body, bytes):
                    return html.decode_page(body, part.get_content_charset())
    except RecursionError as exc:  # parts within parts thousands deep: no saved page is made so
        msg = "a web archive whose parts nest thousands deep; not read"
        raise CorruptDocumentError(msg) from exc
    msg = "a web archive (.mht) that holds no HTML page"
    raise UnreadableDocumentError(msg)


@hookimpl
def govinfo_convert_document(data: bytes | str) -> ConvertedDocument | None:
    if not isinstance(data, bytes) or not is_web_archive(data):
        return None
    page, encoding = web_archive_page(data)
    return ConvertedDocument(text=html.html_to_text(page), format=html.NAME, encoding=encoding)


__all__ = ["NAME", "is_web_archive", "web_archive_page"]
