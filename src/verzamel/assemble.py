"""Letter + output kind -> Document: template, fragment selection, classification, footnote numbers."""

from __future__ import annotations

from dataclasses import dataclass, replace

from .citations.render import DEFAULT_STYLE, STYLES, render, sent_letter
from .citations.resolve import from_registry, parse_id
from .diagnostics import Diagnostic, close_matches, report
from .dutch import long_date
from .messages import t
from .model import (
    Block,
    BlockQuote,
    Columns,
    Document,
    Fragment,
    FragmentUse,
    Heading,
    Inline,
    Letter,
    Link,
    ListBlock,
    Note,
    NoteRef,
    Paragraph,
    SourceSpan,
    Text,
    Withheld,
    WithheldBlock,
    iter_inlines,
    map_block,
    merge_texts,
)
from .model_text import inline_text, title_of
from .outputs import OUTPUTS, OutputKind
from .project import Project
from .sources import Sources
from .sources.markdown import parse_markdown
from .templating import MARKER_RE, Missing, Templates, forged_marker, marker, written_layout

__all__ = ["OUTPUTS", "OutputKind", "assemble"]


@dataclass(frozen=True)
class _Insert:
    fragment_id: str
    heading: int | None
    span: SourceSpan | None


class Assembler:
    """Builds one Document; collects diagnostics instead of raising."""

    def __init__(
        self, project: Project, sources: Sources, letter: Letter, output: OutputKind, templates: Templates
    ):
        self.project = project
        self.templates = templates
        self.sources = sources
        self.letter = letter
        self.output = output
        self.inserts: list[_Insert] = []
        self.diagnostics: list[Diagnostic] = []
        self.used_paths: set[str] = {letter.path}

    # -- template side --

    def _fragment_function(self, ref, heading: int | None = 2) -> str:
        if isinstance(ref, FragmentUse):
            insert = _Insert(ref.id, heading, ref.span)
        else:
            insert = _Insert(str(ref), heading, None)
        self.inserts.append(insert)
        return marker(len(self.inserts) - 1)

    def _context(self, withheld: list[dict]) -> dict:
        letter = self.letter

        def given(key: str, value):
            return Missing(key, letter.spans.get(key, SourceSpan(letter.path))) if value is None else value

        data = {
            key: (
                {k: given(f"{key}.{k}", v) for k, v in value.items()}
                if isinstance(value, dict)
                else given(key, value)
            )
            for key, value in letter.data.items()
        }
        data["id"] = self.letter.id
        for dotted, uses in (
            *self.letter.beslisnota_fragments.items(),
            ("kamerbrief.fragments", self.letter.fragments),
        ):
            section, key = dotted.split(".")
            data[section][key] = list(uses)
        for dotted, fragment in self.letter.prose.items():
            section, key = dotted.split(".")
            data[section][key] = self._fragment_function(fragment.id, heading=None)
        return {
            "letter": data,
            "document": self.output.name,
            "public": self.output.public,
            "appraised_reports": self._appraised_reports(),
            "withheld": withheld,
        }

    def _appraised_reports(self) -> list[str]:
        fragments = (self.sources.fragments.get(use.id) for use in self.letter.fragments)
        return [f.appraises for f in fragments if f is not None and f.appraises and f.public]

    # -- assembly --

    def assemble(self) -> Document | None:
        """The complete document. When it withholds anything, the template is rendered once more
        with what it withholds (`withheld`, per ground), so section 5.1 can name it."""
        from .woo.redact import withheld_by_ground

        document = self._assemble([])
        titles = {f.path: f.title for f in self.sources.fragments.values() if f.title}
        withheld = withheld_by_ground(document, titles) if document is not None else []
        if withheld:
            self.inserts, self.diagnostics, self.used_paths = [], [], {self.letter.path}
            document = self._assemble(withheld)
        return document

    def _assemble(self, withheld: list[dict]) -> Document | None:
        context = self._context(withheld)
        text, diagnostics = self.templates.render(
            self.output.template, context, {"fragment": self._fragment_function}
        )
        self.diagnostics.extend(diagnostics)
        forged = forged_marker(self.project, self.output.template, text, len(self.inserts)) if text else None
        if text is None or forged is not None:
            self.diagnostics.extend([forged] if forged else [])
            return None
        parsed = parse_markdown(text, f"<{self.output.template}>")
        self.diagnostics.extend(written_layout(self.project, self.output.template, parsed.diagnostics))
        blocks = self._splice_all(parsed.blocks)
        blocks, notes = self._number_notes(blocks)
        letter = self.letter
        title = title_of(blocks) or letter.betreft
        return Document(
            kind=self.output.name,
            letter_id=letter.id,
            blocks=tuple(blocks),
            notes=tuple(notes),
            title=str(title),
            subject=letter.betreft,
            author=str(letter.data["sender"].get("ministry") or ""),
            keywords=letter.kenmerk,
            created=letter.datum,
            public=self.output.public,
            source_paths=tuple(sorted(self.used_paths)),
        )

    def _fragment(self, fragment_id: str) -> Fragment | None:
        """A fragment from sections/, or a prose field of this letter's manifest."""
        fragment = self.sources.fragments.get(fragment_id)
        if fragment is None:
            fragment = next((f for f in self.letter.prose.values() if f.id == fragment_id), None)
        return fragment

    def _lookup(self, insert: _Insert) -> Fragment | None:
        fragment = self._fragment(insert.fragment_id)
        span = insert.span or SourceSpan(self.letter.path)
        if fragment is None:
            broken = self.sources.unreadable_fragments.get(insert.fragment_id)
            if broken:
                self.used_paths.add(broken)
                return None  # its own errors are reported where it is
            close = close_matches(insert.fragment_id, self.sources.fragments)
            hint = t("yaml.did_you_mean", known=close[0]) if close else t("assemble.see_sections")
            self.diagnostics.append(
                report(
                    "FRAG001",
                    span,
                    t("assemble.fragment_does_not_exist", fragment_id=insert.fragment_id),
                    hint,
                )
            )
            return None
        self.used_paths.add(fragment.path)
        return fragment

    def _fragment_blocks(self, insert: _Insert) -> list[Block]:
        fragment = self._lookup(insert)
        if fragment is None:
            return []
        shift = _heading_shift(fragment.blocks, insert.heading)
        blocks = [_scoped(_shift_headings(b, shift), fragment.id) for b in fragment.blocks]
        if insert.heading and fragment.title:
            title = Heading(insert.heading, (Text(fragment.title),), fragment.span)
            blocks.insert(0, title)
        if not fragment.public:  # the whole fragment, title and footnotes included (woo.redact)
            span = insert.span or fragment.span
            return [
                WithheldBlock(tuple(blocks), fragment.woo, span, fragment.title or fragment.id, fragment.id)
            ]
        return blocks

    def _splice_all(self, blocks) -> list[Block]:
        out: list[Block] = []
        for block in blocks:
            out.extend(self._splice(block))
        return out

    def _splice(self, block: Block) -> list[Block]:
        if isinstance(block, Paragraph):
            return self._splice_paragraph(block)
        if isinstance(block, Columns):
            return [replace(block, columns=tuple(tuple(self._splice_all(c)) for c in block.columns))]
        if isinstance(block, ListBlock):
            return [replace(block, items=tuple(tuple(self._splice_all(i)) for i in block.items))]
        if isinstance(block, BlockQuote):
            return [replace(block, children=tuple(self._splice_all(block.children)))]
        return [block]

    def _splice_paragraph(self, paragraph: Paragraph) -> list[Block]:
        """Replace fragment markers; text around a marker joins the fragment's first/last paragraph."""
        out: list[Block] = []
        current: list[Inline] = []
        style, span = paragraph.style, paragraph.span

        def flush():
            nonlocal current
            if any(not isinstance(i, Text) or i.text.strip() for i in current):
                out.append(Paragraph(tuple(_strip_ends(current)), style, span))
            current = []

        for inline in paragraph.inlines:
            if not (isinstance(inline, Text) and MARKER_RE.search(inline.text)):
                current.append(inline)
                continue
            for n, part in enumerate(MARKER_RE.split(inline.text)):
                if n % 2 == 0:
                    if part:
                        current.append(Text(part))
                    continue
                inserted = self._fragment_blocks(self.inserts[int(part)])
                if inserted and isinstance(inserted[0], Paragraph) and current:
                    first = inserted.pop(0)
                    current.extend(first.inlines)
                    if inserted:
                        flush()
                elif inserted:
                    flush()
                if inserted and isinstance(inserted[-1], Paragraph):
                    last = inserted.pop()
                    out.extend(inserted)
                    current, style, span = list(last.inlines), last.style or style, last.span
                else:
                    out.extend(inserted)
        flush()
        return out

    # -- citations --

    def _citation_style(self) -> str:
        style = self.project.house_style.get("citations")
        return style if style in STYLES else DEFAULT_STYLE

    def _citation_inlines(self, identifier: str, locator: str | None = None) -> list[Inline]:
        """A document cited by id, as the house style writes it (the registry's own text if it has
        one, as plain text in which only what it withholds stays withheld)."""
        entry = self.sources.registry.get(identifier)
        if entry is not None and entry.blocks:
            parts: list[Inline] = []
            for n, block in enumerate(b for b in entry.blocks if hasattr(b, "inlines")):
                parts.extend([Text(" ")] * bool(n) + _plain_keeping_withheld(block.inlines))
        else:
            citation = from_registry(identifier, entry.facts) if entry else parse_id(identifier)
            text = render(citation, self._citation_style()) if citation else identifier
            if entry is not None and citation and entry.facts.get("letter"):  # a sent letter of the dossier
                text = sent_letter(entry.facts["title"], long_date(entry.facts["date"]), text)
            parts = [Text(text)]
        return merge_texts(parts + [Text(f", {locator}")] * bool(locator))

    def _whole_note(self, citation: list[Inline]) -> list[Inline]:
        """A footnote that is only a citation ends with a full stop, as a written one does
        (`house_style.footnote_full_stop`, on unless set to false)."""
        if self.project.house_style.get("footnote_full_stop") is False or inline_text(citation).endswith("."):
            return citation
        return merge_texts([*citation, Text(".")])

    def _citation_note(self, ref: NoteRef) -> tuple[tuple[Block, ...], SourceSpan]:
        entry = self.sources.registry.get(ref.cited_id)
        if entry is not None and entry.blocks and not ref.locator:
            return self._note_body(entry), entry.span
        inlines = tuple(self._whole_note(self._citation_inlines(ref.cited_id, ref.locator)))
        citation = parse_id(ref.cited_id)
        if citation and citation.url and self.project.house_style.get("citation_links") is True:
            inlines = (Link(citation.url, inlines),)
        return (Paragraph(inlines),), entry.span if entry else ref.span

    def _note_body(self, definition) -> tuple[Block, ...]:
        """A footnote's text: citations by id written out, other footnote marks dropped (a note
        cannot have notes); a registry entry with only facts is written in the house style."""
        if not definition.blocks:
            return (Paragraph(tuple(self._whole_note(self._citation_inlines(definition.label)))),)

        def inline(ref: NoteRef):
            if not ref.cited_id:
                return Text("")
            parts = self._citation_inlines(ref.cited_id, ref.locator)
            if not any(isinstance(part, Withheld) for part in parts):
                return Text(inline_text(parts))
            # a cited entry that withholds words, inside a note's text: withheld whole, never shown
            grounds = tuple(dict.fromkeys(g for p in parts if isinstance(p, Withheld) for g in p.grounds))
            return Withheld((Text(inline_text(parts, mark=_unmarked)),), grounds, ref.span)

        return tuple(_map_refs(b, inline) for b in definition.blocks)

    def _number_notes(self, blocks: list[Block]) -> tuple[list[Block], list[Note]]:
        """Number footnotes in order of reference within this document: one note per reference."""
        notes: list[Note] = []

        def number(ref: NoteRef) -> NoteRef:
            if ref.cited_id:
                body, span = self._citation_note(ref)
            else:
                scope = self._fragment(ref.scope) if ref.scope else None
                definition = scope.notes.get(ref.label) if scope else None
                definition = definition or self.sources.registry.get(ref.label)
                if definition is None:
                    if ref.scope is None and ref.label not in self.sources.unreadable_notes:
                        # written in a template; fragments are checked in checks.footnotes
                        self.diagnostics.append(
                            report(
                                "FN001",
                                ref.span,
                                t("assemble.footnote_not_defined", label=ref.label),
                                t("assemble.templates_can_only_use"),
                            )
                        )
                    return ref
                body, span = self._note_body(definition), definition.span
            self.used_paths.add(span.path)
            notes.append(Note(len(notes) + 1, ref.label, body, span))
            return replace(ref, number=len(notes))

        return [_map_refs(b, number) for b in blocks], notes


def _unmarked(text: str, change: str) -> str:
    return text


def _plain_keeping_withheld(inlines) -> list[Inline]:
    """`inlines` as plain text, except that withheld words stay a Withheld (of plain text)."""
    out: list[Inline] = []
    for inline in inlines:
        if isinstance(inline, Withheld):
            out.append(replace(inline, children=tuple(merge_texts(_plain_keeping_withheld(inline.children)))))
        elif any(isinstance(i, Withheld) for i in iter_inlines((Paragraph((inline,)),))):
            out.extend(_plain_keeping_withheld(inline.children))
        else:
            out.append(Text(inline_text((inline,))))
    return out


def _strip_ends(inlines: list[Inline]) -> list[Inline]:
    if inlines and isinstance(inlines[0], Text):
        inlines[0] = Text(inlines[0].text.lstrip())
    if inlines and isinstance(inlines[-1], Text):
        inlines[-1] = Text(inlines[-1].text.rstrip())
    return [i for i in inlines if not (isinstance(i, Text) and not i.text)]


# -- walking the block tree ---------------------------------------------------------------------


def _map_refs(block: Block, fn) -> Block:
    """Apply `fn` to every NoteRef in `block`, in reading order."""
    return map_block(block, lambda inline: fn(inline) if isinstance(inline, NoteRef) else inline)


def _scoped(block: Block, fragment_id: str) -> Block:
    return _map_refs(block, lambda ref: replace(ref, scope=fragment_id))


def _heading_shift(blocks, title_level: int | None) -> int:
    """How far a fragment's own headings move: the highest one (`#`, `##` or lower, whichever the
    fragment uses first) becomes one level under the fragment's title; the others keep their
    distance to it. A fragment inserted without a title keeps its levels as written."""
    levels = [b.level for b in blocks if isinstance(b, Heading)]
    if not title_level or not levels:
        return 0
    return title_level + 1 - min(levels)


def _shift_headings(block: Block, shift: int) -> Block:
    if isinstance(block, Heading) and shift:
        return replace(block, level=max(1, min(block.level + shift, 9)))
    return block


def assemble(
    project: Project, sources: Sources, letter: Letter, output: OutputKind, templates: Templates | None = None
):
    """The document `output` of `letter`, or None, and what was found wrong on the way; `templates`
    renders the templates (None: those of `project`, without keeping what is compiled)."""
    assembler = Assembler(project, sources, letter, output, templates or Templates(project))
    document = assembler.assemble()
    return document, assembler.diagnostics
