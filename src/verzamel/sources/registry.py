"""The footnote registry: `footnotes/*.yaml`, shared footnotes by id.

Each entry is `id: text`, or a mapping. For a document with a citation id (`kst-19637-3451`), the
mapping may hold its facts (`date`, `title`, `chamber`, `co_dossiers`) instead of a text: the
footnote is then written from the id and the facts, in the dossier's house style.
"""

from __future__ import annotations

import re
from datetime import date

from ..citations.resolve import REGISTRY_FACTS, parse_id
from ..diagnostics import Diagnostic, report
from ..messages import t
from ..model import NoteDef, SourceSpan
from .datevalues import advise
from .letters import yaml_kind
from .markdown import parse_markdown_lines
from .yamlfile import parse_yaml, unknown_key
from .yamltext import value_lines

FACT_TYPES = {"date": date, "title": str, "chamber": str, "dossier": str | int, "number": str | int,
              "co_dossiers": list}  # fmt: skip


_ENTRY_KEY = re.compile(r"^(?P<quote>[\"']?)(?P<id>[^\s#:\"'-][^:\"']*)(?P=quote)\s*:", re.M)


def entry_ids(text: str) -> set[str]:
    """The ids a registry file defines, read from its top-level keys without parsing the YAML: for
    a file that cannot be read, so the footnotes it holds are not also reported as missing."""
    return {match["id"].strip() for match in _ENTRY_KEY.finditer(text)}


def load_registry_file(text: str, path: str) -> tuple[dict[str, NoteDef], list[Diagnostic]]:
    parsed, diagnostics = parse_yaml(text, path)
    notes: dict[str, NoteDef] = {}
    if parsed is None or parsed.data is None:
        return notes, diagnostics
    if not isinstance(parsed.data, dict):
        diagnostics.append(report("FN006", SourceSpan(path), t("registry.footnote_file_list_id")))
        return notes, diagnostics
    for label, entry in parsed.data.items():
        key_span = parsed.spans[f"{label}@key"]
        text_key = label if isinstance(entry, str) else f"{label}.text"
        note_text = (
            entry if isinstance(entry, str) else entry.get("text") if isinstance(entry, dict) else None
        )
        if entry is not None and not isinstance(entry, str | dict):
            diagnostics.append(
                report(
                    "FN007",
                    parsed.spans.get(label, key_span),
                    t("registry.footnote_not_text", label=label, found=yaml_kind(entry)),
                    t("registry.write_text_quotes_when", label=label),
                )
            )
            continue
        facts = {k: v for k, v in entry.items() if k != "text"} if isinstance(entry, dict) else {}
        for key, value in facts.items():
            if key not in REGISTRY_FACTS:
                diagnostics.append(
                    unknown_key(key, ("text", *REGISTRY_FACTS), parsed.spans[f"{label}.{key}@key"], "FN005")
                )
            elif value is not None and not isinstance(value, FACT_TYPES[key]):
                diagnostics.append(_wrong_fact(key, value, label, parsed.spans[f"{label}.{key}"], text))
        if (not isinstance(note_text, str) or not note_text.strip()) and parse_id(str(label)) and facts:
            notes[label] = NoteDef(label, (), key_span, None, facts)  # rendered in the house style
            continue
        if not isinstance(note_text, str) or not note_text.strip():
            diagnostics.append(
                report(
                    "FN004",
                    key_span,
                    t("registry.footnote_has_no_text", label=label),
                    t("registry.write_text_give_text", label=label),
                )
            )
            continue
        value_span = parsed.spans.get(text_key, key_span)
        body = parse_markdown_lines(value_lines(text, value_span), path)
        diagnostics.extend(body.diagnostics)
        notes[label] = NoteDef(label, body.blocks, key_span, value_span, facts)
    return notes, diagnostics


def _wrong_fact(key: str, value, label: str, span: SourceSpan, text: str) -> Diagnostic:
    """A registry fact of the wrong kind; a date written the Dutch way gets the date meant."""
    advice = advise(key, value, span, text) if key == "date" and isinstance(value, str) else None
    if advice is not None:
        message = t("registry.fact_problem", key=key, label=label, problem=advice.problem)
        return report("FN007", span, message, advice.hint, advice.fix)
    wanted, found = t(f"registry.fact_kind.{key}"), yaml_kind(value)
    message = t("registry.must_not", key=key, label=label, wanted=wanted, found=found)
    hint = t("yaml.write_date_as_yyyy") if key == "date" else t("registry.quote_it")
    return report("FN007", span, message, hint)
