"""What each fragment relies on, against what its front matter says it relies on.

A fragment in sections/ lists the documents it rests on in `references:`. What it really cites is
read from its text: citations written out, `[@id]`, a registry entry `[^kst-…]`, and the citations
inside a registry footnote it points to (`[^terugkeerbeleid-onderdelen]`). A document cited but not
listed, or listed but never cited, is CIT011, with a fix that writes the list as cited.
`verzamel refs --by-fragment` shows the same picture per fragment.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..citations.find import find
from ..citations.models import Citation
from ..citations.resolve import parse_id
from ..diagnostics import Diagnostic, Fix, report
from ..messages import join, t
from ..model import Fragment, NoteRef, SourceSpan, iter_inlines
from ..sources import Sources
from . import citations
from .regions import yaml_value_region


@dataclass
class Reliance:
    """One fragment and the documents it cites, by id, each with the places it cites them."""

    fragment: Fragment
    cited: dict[str, tuple[Citation, list[SourceSpan]]] = field(default_factory=dict)

    def add(self, citation: Citation | None, span: SourceSpan) -> None:
        if citation is not None and citations.registrable(citation):
            self.cited.setdefault(citation.id, (citation, []))[1].append(span)

    @property
    def unlisted(self) -> list[str]:
        return [i for i in self.cited if i not in self.fragment.references]

    @property
    def uncited(self) -> list[str]:
        return [i for i in self.fragment.references if i not in self.cited]


def reliances(sources: Sources, cited: citations.CitationIndex) -> list[Reliance]:
    uses_in: dict[str, list[citations.CitationUse]] = {}
    for use in cited.uses:
        uses_in.setdefault(use.span.path, []).append(use)
    in_note: dict[str, list[Citation]] = {}  # a registry footnote's citations, read once
    out = []
    for fragment in sorted(sources.fragments.values(), key=lambda f: f.path):
        reliance = Reliance(fragment)
        for use in uses_in.get(fragment.path, ()):
            reliance.add(cited.registered.get(use.citation.id) or use.citation, use.span)
        blocks = [fragment.blocks, *(note.blocks for note in fragment.notes.values())]
        refs = [i for b in blocks for i in iter_inlines(b) if isinstance(i, NoteRef)]
        for ref in sorted(refs, key=lambda r: (r.span.line, r.span.column)):
            if ref.cited_id:
                reliance.add(cited.registered.get(ref.cited_id) or parse_id(ref.cited_id), ref.span)
            elif ref.label in fragment.notes:
                continue  # its own footnote: its text is part of the fragment's regions
            elif ref.label in cited.registered:
                reliance.add(cited.registered[ref.label], ref.span)
            elif ref.label in sources.registry:
                if ref.label not in in_note:
                    in_note[ref.label] = _in_registry_note(sources, ref.label)
                for citation in in_note[ref.label]:
                    reliance.add(cited.registered.get(citation.id) or citation, ref.span)
        reliance.cited = dict(sorted(reliance.cited.items(), key=lambda kv: _first(kv[1][1])))
        out.append(reliance)
    return out


def _first(spans: list[SourceSpan]) -> tuple[int, int]:
    return min((s.line, s.column) for s in spans)


def _in_registry_note(sources: Sources, label: str) -> list[Citation]:
    note = sources.registry[label]
    if note.text_span is None or note.span.path not in sources.texts:
        return []
    region = yaml_value_region(note.span.path, sources.texts[note.span.path], note.text_span)
    return [c for c in sources.memo(find, region.text) if isinstance(c, Citation)] if region else []


def check(sources: Sources, cited: citations.CitationIndex) -> list[Diagnostic]:
    out = []
    for reliance in reliances(sources, cited):
        unlisted, uncited = reliance.unlisted, reliance.uncited
        if not unlisted and not uncited:
            continue
        fragment = reliance.fragment
        problems = []
        if unlisted:
            problems.append(t("references.cited_not_listed", ids=join(unlisted, "list.and")))
        if uncited:
            problems.append(t("references.listed_not_cited", ids=join(uncited, "list.and")))
        wanted = list(reliance.cited)
        fix = _fix(sources, fragment, wanted)
        where = fragment.meta_spans.get("references@key") or fragment.span
        out.append(
            report(
                "CIT011",
                where,
                "; ".join(problems),
                t("references.write", line=_line(wanted)),
                fix,
            )
        )
    return out


def _line(ids: list[str]) -> str:
    return f"references: [{', '.join(ids)}]" if ids else "references: []"


def _fix(sources: Sources, fragment: Fragment, wanted: list[str]) -> Fix | None:
    """Rewrite `references:` when it is one line; add it before the closing `---` when absent."""
    text = sources.texts.get(fragment.path)
    if text is None:
        return None
    lines = text.split("\n")
    key = fragment.meta_spans.get("references@key")
    if key is not None:
        line = lines[key.line - 1]
        following = lines[key.line] if key.line < len(lines) else ""
        if following.startswith((" ", "\t", "-")) and not following.strip().startswith("---"):
            return None  # a list written over several lines: the hint says what to write
        end = SourceSpan(fragment.path, key.line, key.column, key.line, len(line) + 1)
        return Fix(end, _line(wanted), expected=line[key.column - 1 :], reshapes=True)
    if not wanted:
        return None
    closing = next((n for n in range(1, len(lines)) if lines[n].strip() in ("---", "...")), None)
    if closing is None:
        return None
    at = SourceSpan(fragment.path, closing + 1, 1, closing + 1, 1)
    return Fix(at, _line(wanted) + "\n", expected="", reshapes=True)
