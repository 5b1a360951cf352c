"""The footnote registry: `footnotes/*.yaml`, shared footnotes by id.

Each entry is `id: text`, or a mapping. For a document with a citation id (`kst-19637-3451`), the
mapping may hold its facts (`date`, `title`, `chamber`, `co_dossiers`) instead of a text: the
footnote is then written from the id and the facts, in the dossier's house style.
"""

from __future__ import annotations

from ..citations.resolve import REGISTRY_FACTS, parse_id
from ..diagnostics import Diagnostic, report
from ..model import NoteDef, SourceSpan
from .markdown import parse_markdown
from .yamlfile import parse_yaml, unknown_key


def load_registry_file(text: str, path: str) -> tuple[dict[str, NoteDef], list[Diagnostic]]:
    parsed, diagnostics = parse_yaml(text, path)
    notes: dict[str, NoteDef] = {}
    if parsed is None or parsed.data is None:
        return notes, diagnostics
    if not isinstance(parsed.data, dict):
        diagnostics.append(
            report("FN010", SourceSpan(path), "a footnote file is a list of 'id: text' entries")
        )
        return notes, diagnostics
    for label, entry in parsed.data.items():
        key_span = parsed.spans[f"{label}@key"]
        text_key = label if isinstance(entry, str) else f"{label}.text"
        note_text = entry if isinstance(entry, str) else (entry or {}).get("text")
        facts = {k: v for k, v in entry.items() if k != "text"} if isinstance(entry, dict) else {}
        for key in facts:
            if key not in REGISTRY_FACTS:
                diagnostics.append(
                    unknown_key(key, ("text", *REGISTRY_FACTS), parsed.spans[f"{label}.{key}@key"], "FN005")
                )
        if (not isinstance(note_text, str) or not note_text.strip()) and parse_id(str(label)) and facts:
            notes[label] = NoteDef(label, (), key_span, None, facts)  # rendered in the house style
            continue
        if not isinstance(note_text, str) or not note_text.strip():
            diagnostics.append(
                report(
                    "FN004",
                    key_span,
                    f"footnote [^{label}] has no text",
                    f"write '{label}: <text>', give it a 'text:' line, or (for a kamerstuk) its 'date:'",
                )
            )
            continue
        value_span = parsed.spans.get(text_key, key_span)
        column = value_span.column + (1 if _is_quoted(text, value_span) else 0)
        line_offset = value_span.line - 1
        if text_key in parsed.block_scalars:
            line_offset += 1
            column = key_span.column + 2
        body = parse_markdown(note_text.strip("\n"), path, line_offset, column - 1)
        diagnostics.extend(body.diagnostics)
        notes[label] = NoteDef(label, body.blocks, key_span, value_span, facts)
    return notes, diagnostics


def _is_quoted(text: str, span: SourceSpan) -> bool:
    lines = text.split("\n")
    if span.line - 1 >= len(lines):
        return False
    line = lines[span.line - 1]
    return len(line) >= span.column and line[span.column - 1] in "'\""
