"""Plain text: the form reviewers diff and tests read. Footnotes follow the body as `[n] text`
(the words themselves are the model's own text, model/text.py)."""

from __future__ import annotations

from ..model import Document
from ..model.text import document_text


def render_text(document: Document) -> bytes:
    return document_text(document).encode("utf-8")
