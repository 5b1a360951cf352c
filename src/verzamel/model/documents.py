"""The sources as read (fragments, footnote definitions, letters) and the assembled Document."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from .nodes import Block, SourceSpan

# ---- sources ---------------------------------------------------------------------------------

STATUSES = ("concept", "ter-besluitvorming", "akkoord", "verzonden")
"""A letter's statuses, in the order it goes through them."""
DRAFTS = STATUSES[:2]
"""Before `akkoord`: the letter still goes up the line for review."""


@dataclass(frozen=True)
class NoteDef:
    """A footnote definition: in a fragment (`[^id]: text`) or in the registry (`footnotes/`)."""

    label: str
    blocks: tuple[Block, ...]
    span: SourceSpan
    text_span: SourceSpan | None = None
    """Registry entries: where the YAML value holding the text starts."""
    facts: dict[str, Any] = field(default_factory=dict)
    """Registry entries: what is known of the cited document (date, title, chamber, …)."""


@dataclass(frozen=True)
class Fragment:
    """A reusable piece of text: a file in `sections/`, or a prose field of a letter manifest."""

    id: str
    path: str
    blocks: tuple[Block, ...]
    notes: dict[str, NoteDef]
    span: SourceSpan
    title: str | None = None
    topic: str | None = None
    public: bool = True
    woo: tuple[str, ...] = ()
    """The Woo grounds on which a fragment that is not public is withheld (`woo: 5.1.2i`)."""
    appraises: str | None = None
    references: tuple[str, ...] = ()
    meta: dict[str, Any] = field(default_factory=dict)
    body_line: int = 1
    """The line of the file the Markdown body starts on."""
    meta_spans: dict[str, SourceSpan] = field(default_factory=dict)
    """Where each front-matter value is written."""


@dataclass(frozen=True)
class FragmentUse:
    """A fragment id named in a manifest, with the place it is named."""

    id: str
    span: SourceSpan


@dataclass(frozen=True)
class Letter:
    """One letter manifest (`letters/<id>.yaml`)."""

    id: str
    path: str
    betreft: str
    datum: date
    kenmerk: str
    fragments: tuple[FragmentUse, ...]
    data: dict[str, Any]
    """The whole manifest as plain values, for templates (optional keys present as None)."""
    spans: dict[str, SourceSpan]
    """Where each manifest key (dotted path, e.g. `beslisnota.aan`) is written."""
    ministerraad: date | None = None
    beslisnota_fragments: dict[str, tuple[FragmentUse, ...]] = field(default_factory=dict)
    prose: dict[str, Fragment] = field(default_factory=dict)
    """Markdown prose fields of the manifest (e.g. `beslisnota.aanleiding`), parsed as fragments."""

    def span(self, key: str) -> SourceSpan:
        return self.spans.get(key) or SourceSpan(self.path)

    @property
    def fragment_uses(self) -> list[FragmentUse]:
        """Every fragment the manifest names, for the Kamerbrief and for the beslisnota."""
        return [*self.fragments, *(use for uses in self.beslisnota_fragments.values() for use in uses)]

    @property
    def status(self) -> str:
        return str(self.data.get("status") or "concept")

    @property
    def is_draft(self) -> bool:
        """Still a draft for review (an unknown status is not: it may have been sent)."""
        return self.status in DRAFTS


# ---- the assembled document ------------------------------------------------------------------


@dataclass(frozen=True)
class Note:
    number: int
    label: str
    blocks: tuple[Block, ...]
    span: SourceSpan


@dataclass(frozen=True)
class Origin:
    """A source file a document's text comes from, and a digest of each of its paragraphs as built."""

    path: str
    fragment: str | None = None
    """The fragment it is, for a file in sections/."""
    digests: dict[int, tuple[str, bool]] = field(default_factory=dict)
    """By the line a paragraph or heading starts on: a digest of the lines it is written on
    (whitespace runs as one space), and whether those lines hold a Woo mark (then a public
    document names no digest: with the rest of the words public, it would let one test guesses
    of the withheld ones)."""


@dataclass(frozen=True)
class Document:
    """One output (a Kamerbrief, a beslisnota, the public beslisnota) of one letter."""

    kind: str
    letter_id: str
    blocks: tuple[Block, ...]
    notes: tuple[Note, ...]
    title: str
    subject: str
    author: str
    keywords: str
    created: date
    public: bool
    source_paths: tuple[str, ...] = ()
    """Every source file that fed this document (manifest, fragments, registry, template)."""
    origins: tuple[Origin, ...] = ()
    """The source files its text comes from, as built: what the .docx carries (render.docx.provenance)."""
