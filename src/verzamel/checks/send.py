"""The send gate: nothing unfinished is sent.

From `akkoord` on, a letter's text may no longer hold what verzamel's starter, skeletons and
examples write to be replaced (placeholders.yaml): not in the manifest's values (nor the values of
`letter_defaults` in verzamel.yaml it takes), the fragments it uses or the registry footnotes it
cites. Its kenmerk is a real one and its signature is filled in. Each is an error at the line where
the text is written.

The gate judges a letter from `ter-besluitvorming` (the MR date, checks/ministerraad.py) and from
`akkoord` on (the rest), a sent letter included: `verzamel freeze` refuses a letter the gate stops.
A frozen letter is what was sent (its lock records it, and build makes it from there): it is never
judged again, so a letter frozen before the gate existed stays as it was sent.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from ..diagnostics import Diagnostic, report
from ..messages import t
from ..model import STATUSES, Document, Letter, SourceSpan
from ..sources.letters import FRAGMENT_LISTS, dotted_value
from .regions import Region, yaml_value_region

DATA = Path(__file__).with_name("placeholders.yaml")
PLACEHOLDERS_FROM = "akkoord"
"""From this status on, a letter's text holds nothing that is still to be replaced."""
MINISTERRAAD_FROM = "ter-besluitvorming"
"""From this status on, the MR date is one the ministerraad meets on."""
OWN_RULES = ("kenmerk", "uw_kenmerk", "signature.")
"""Manifest values judged by a rule of their own (SEND002, SEND004), not as text."""
NOT_TEXT = ("status", "kamerstuk", *FRAGMENT_LISTS)


def judges(letter: Letter, step: str) -> bool:
    """Whether the gate judges `letter` by what it needs from status `step` on. (A frozen letter is
    never given to the gate: what was sent is not judged again; pipeline.run.)"""
    status = letter.status
    if status not in STATUSES:
        return False
    return STATUSES.index(status) >= STATUSES.index(step)


@dataclass(frozen=True)
class Patterns:
    placeholder: re.Pattern
    mark: re.Pattern
    example: re.Pattern
    filler: str


def _words(text: str) -> str:
    """A pattern for `text` with any spacing between its words, and none needed after a dot
    (`A.B. Jansen`, `A. B. Jansen`, `J.de Vries`)."""
    tokens = re.findall(r"[^\s.]+\.?|\.", text.strip())
    pattern = ""
    for n, token in enumerate(tokens):
        if n:
            pattern += r"\s*" if tokens[n - 1].endswith(".") else r"\s+"
        pattern += re.escape(token)
    return pattern


@cache
def patterns() -> Patterns:
    from ruamel.yaml import YAML

    data = YAML(typ="safe").load(DATA.read_text(encoding="utf-8"))
    inner = [_words(str(p).strip()[1:-1]) for p in data["placeholders"]]
    examples = [_words(str(e)) for e in data["example_names"] + data["example_texts"]]
    return Patterns(
        placeholder=re.compile(r"\\?[(\[<{]\s*(?:" + "|".join(inner) + r")\s*\\?[)\]>}]", re.IGNORECASE),
        mark=re.compile(r"(?<!\w)(?:" + "|".join(re.escape(str(m)) for m in data["marks"]) + r")(?!\w)"),
        example=re.compile(r"(?<!\w)(?:" + "|".join(examples) + r")(?!\w)", re.IGNORECASE),
        filler=str(data["kenmerk_filler"]),
    )


def find(text: str) -> list[tuple[str, re.Match]]:
    """Every placeholder, mark and example text in `text`, in order: (SEND001 or SEND003, match)."""
    found = patterns()
    matches = [("SEND001", m) for m in found.placeholder.finditer(text)]
    matches += [("SEND001", m) for m in found.mark.finditer(text)]
    matches += [("SEND003", m) for m in found.example.finditer(text)]
    return sorted(matches, key=lambda item: item[1].start())


def is_filler(kenmerk: str) -> bool:
    """A kenmerk that only holds its place: empty, 0000000, xxxxxxx."""
    kept = re.sub(r"[\s./-]", "", kenmerk)
    return all(character in patterns().filler for character in kept)


def check_letter(letter: Letter, documents: list[Document], sources, texts: dict[str, str], regions):
    """What the gate finds in a letter at `akkoord` (or being frozen): `texts` holds the text of
    every source by path (verzamel.yaml too), `regions` the prose regions of the fragments."""
    status = letter.status
    found = _kenmerk(letter, status) + _signature(letter, status, texts)
    for dotted, span in letter.spans.items():
        if dotted.endswith("@key") or dotted.startswith(OWN_RULES + NOT_TEXT):
            continue
        value = dotted_value(letter.data, dotted)
        if isinstance(value, str):
            found.extend(_in_value(value, span, texts, status))
    used = set().union(*(d.source_paths for d in documents)) if documents else set()
    fragments = sorted({f.path for f in sources.fragments.values()} & used)
    for path in fragments:
        for region in regions.get(path, ()):
            found.extend(_in_region(region, status))
    for note in _registry_notes(documents, sources):
        region = yaml_value_region(note.span.path, texts.get(note.span.path, ""), note.text_span)
        if region is not None:
            found.extend(_in_region(region, status))
    return found


def _registry_notes(documents: list[Document], sources):
    """The registry entries whose text the documents print, each once."""
    by_span = {note.span: note for note in sources.registry.values() if note.text_span is not None}
    seen = {}
    for document in documents:
        for note in document.notes:
            entry = by_span.get(note.span)
            if entry is not None:
                seen[entry.span] = entry
    return [seen[span] for span in sorted(seen)]


def _in_region(region: Region, status: str, rule_for=None) -> list[Diagnostic]:
    return [
        _finding(rule_for or rule, region.span(match.start(), match.end()), match[0], status)
        for rule, match in find(region.text)
    ]


def _in_value(value: str, span: SourceSpan, texts: dict[str, str], status: str, rule_for=None):
    """A manifest value: at the place in its line where the text is, or (when YAML escapes make
    the file's text differ from the value) at the value."""
    region = yaml_value_region(span.path, texts.get(span.path, ""), span)
    found = _in_region(region, status, rule_for) if region is not None else []
    if not found:
        found = [_finding(rule_for or rule, span, match[0], status) for rule, match in find(value)]
    return found


def _finding(rule: str, span: SourceSpan, text: str, status: str) -> Diagnostic:
    shown = " ".join(text.split())
    if rule == "SEND003":
        return report("SEND003", span, t("send.example", text=shown, status=status), t("send.example_hint"))
    if rule == "SEND004":
        return report(
            "SEND004",
            span,
            t("send.signature_placeholder", text=shown, status=status),
            t("send.signature_hint"),
        )
    if patterns().mark.fullmatch(text):
        return report(
            "SEND001", span, t("send.mark", text=shown, status=status), t("send.mark_hint", text=shown)
        )
    return report(
        "SEND001",
        span,
        t("send.placeholder", text=shown, status=status),
        t("send.placeholder_hint", text=shown),
    )


def _kenmerk(letter: Letter, status: str) -> list[Diagnostic]:
    found = []
    for key in ("kenmerk", "uw_kenmerk"):
        value = letter.data.get(key)
        if isinstance(value, str) and (key == "kenmerk" or value) and is_filler(value):
            found.append(
                report(
                    "SEND002",
                    letter.span(key),
                    t("send.kenmerk", key=key, value=value, status=status),
                    t("send.kenmerk_hint", key=key),
                )
            )
    return found


def _signature(letter: Letter, status: str, texts: dict[str, str]) -> list[Diagnostic]:
    """Who signs: filled in, and not with a placeholder. A value the letter lacks altogether is
    MAN001 where the template prints it."""
    found = []
    signature = letter.data.get("signature")
    for part in ("function", "name"):
        value = signature.get(part) if isinstance(signature, dict) else None
        if not isinstance(value, str):
            continue
        span = letter.span(f"signature.{part}")
        if not value.strip():
            found.append(
                report(
                    "SEND004",
                    span,
                    t("send.signature_empty", part=t(f"send.signature_part.{part}"), status=status),
                    t("send.signature_hint"),
                )
            )
            continue
        found.extend(_in_value(value, span, texts, status, rule_for="SEND004"))
    return found
