"""Footnote numbering: one note per reference, numbered in order of reference in the document."""

from __future__ import annotations

from dataclasses import dataclass, replace

from ..diagnostics import Diagnostic, report
from ..messages import t
from ..model import Block, Letter, Note, NoteRef
from ..sources import Sources
from .citations import CitationNotes
from .fragments import find_fragment
from .refs import map_refs


@dataclass
class Numbered:
    blocks: list[Block]
    notes: list[Note]
    diagnostics: list[Diagnostic]
    paths: set[str]
    """The files the notes' texts come from."""


def number_notes(blocks: list[Block], sources: Sources, letter: Letter, citations: CitationNotes) -> Numbered:
    """`blocks` with every footnote reference numbered, and the notes in that order. A reference
    finds its text in its fragment's notes, else in the registry; a citation by id is written by
    `citations`."""
    notes: list[Note] = []
    diagnostics: list[Diagnostic] = []
    paths: set[str] = set()

    def number(ref: NoteRef) -> NoteRef:
        if ref.cited_id:
            body, span = citations.note(ref)
        else:
            scope = find_fragment(sources, letter, ref.scope) if ref.scope else None
            definition = scope.notes.get(ref.label) if scope else None
            definition = definition or sources.registry.get(ref.label)
            if definition is None:
                if ref.scope is None and ref.label not in sources.unreadable_notes:
                    # written in a template; fragments are checked in checks.footnotes
                    diagnostics.append(
                        report(
                            "FN001",
                            ref.span,
                            t("assemble.footnote_not_defined", label=ref.label),
                            t("assemble.templates_can_only_use"),
                        )
                    )
                return ref
            body, span = citations.body(definition), definition.span
        paths.add(span.path)
        notes.append(Note(len(notes) + 1, ref.label, body, span))
        return replace(ref, number=len(notes))

    return Numbered([map_refs(b, number) for b in blocks], notes, diagnostics, paths)
