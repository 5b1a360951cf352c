"""Document -> .docx bytes, on top of a house-style reference document.

The reference .docx gives page layout, headers and footers, and every style; this writer only
adds content and names styles. Footnotes are real `w:footnote`s in a footnotes part.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime
from itertools import count
from pathlib import Path

from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.pkgwriter import PackageWriter
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Emu, RGBColor
from docx.text.paragraph import Paragraph as DocxParagraph

from ...model import (
    BlockQuote,
    Code,
    Columns,
    Deleted,
    Document,
    Emphasis,
    Heading,
    Inserted,
    LineBreak,
    Link,
    ListBlock,
    NoteRef,
    Paragraph,
    Redaction,
    Revised,
    Strong,
    Table,
    Text,
    Withheld,
    WithheldBlock,
    marked_all,
)
from ...model.text import withheld_label, woo_marks
from .. import GENERATION
from . import oxml
from .footnotes import FootnotesPart
from .package import Member, write_zip
from .provenance import Provenance
from .reference import Reference, load_reference

TABLE_TEXT = "Tabeltekst"  # paragraphs in table cells, and the blank line after a table
FOOTNOTE_TEXT = "FootnoteText"
FOOTNOTE_REFERENCE = "FootnoteReference"
HYPERLINK = "Hyperlink"
LIST_STYLE_LEVELS = 3
"""List styles of the reference documents ('List Bullet', '… 2', '… 3'); deeper items use the third."""
WITHHELD_SHADING = "D9D9D9"  # the internal beslisnota: withheld text on grey, its ground after it
REDACTION_SHADING = "000000"  # the public one: the ground in white on a black bar, as Woo officers do
LANGUAGE = "nl-NL"
"""The language of every document (they are Dutch, whatever language verzamel speaks to its user);
the reference document gives it to the styles, generation 2 on to the properties as well."""


class _NoteContainer:
    """Lets block rendering add paragraphs to a `w:footnote` as it does to the body."""

    def __init__(self, element, part):
        self._element = element
        self.part = part

    def add_paragraph(self):
        p = OxmlElement("w:p")
        self._element.append(p)
        return DocxParagraph(p, self)


class DocxWriter:
    def __init__(self, reference: Path | Reference, changes_by=None, generation: int = GENERATION):
        """`reference`: the house style's reference document, or its path; `changes_by` (author,
        when) signs the tracked changes of a merged document (a redline); `generation`: of the
        writers (render.GENERATION), the one a sent letter's lock records."""
        self.generation = generation
        self.reference = reference if isinstance(reference, Reference) else load_reference(reference)
        self.doc = self.reference.open()
        self.change_author = changes_by.author if changes_by else ""
        when = changes_by.when if changes_by else None
        if when is not None and when.tzinfo is not None:
            when = when.astimezone(UTC)
        self.change_date = when.strftime("%Y-%m-%dT%H:%M:%SZ") if when else None
        self._change_ids = count(1)
        self._block_changes: list[str] = []
        self.style_ids = self.reference.style_ids
        self.footnotes = FootnotesPart.attach(self.doc.part)
        self._withheld_depth = 0
        self.provenance: Provenance | None = None
        self._note: int | None = None

    # -- the whole document --

    def write(self, document: Document) -> bytes:
        if self.generation >= 3 and document.origins:  # a draft for review (assemble/document.py)
            self.provenance = Provenance(document)
        for block in document.blocks:
            self.block(self.doc, block, self.doc.part)
        for note in document.notes:
            self.note(note)
        self._properties(document)
        if self.provenance is not None:
            self.provenance.attach(self.doc.part)
        return self._package()

    def _package(self) -> bytes:
        """The .docx: the parts in python-docx's order, the unchanged ones as the reference has them."""
        package = self.doc.part.package
        members = _Members(self.reference.unchanged)
        for part in package.parts:
            part.before_marshal()
        PackageWriter._write_content_types_stream(members, package.parts)
        PackageWriter._write_pkg_rels(members, package.rels)
        PackageWriter._write_parts(members, package.parts)
        return write_zip(members.members)

    def _properties(self, document: Document) -> None:
        props = self.doc.core_properties
        moment = datetime(document.created.year, document.created.month, document.created.day)
        props.title = document.title
        props.subject = document.subject
        props.author = document.author
        props.keywords = document.keywords
        props.category = document.kind
        props.comments = ""
        props.last_modified_by = document.author
        props.created = moment
        props.modified = moment
        props.revision = 1
        if self.generation >= 2:
            props.language = LANGUAGE
        for part in self.doc.part.package.iter_parts():
            if part.partname == "/docProps/app.xml":
                # Only the ministry: no application, template path or user of the machine.
                part._blob = oxml.app_properties(document.author)

    # -- blocks --

    def _style(self, paragraph, name: str | None) -> None:
        style_id = self.style_ids.get(name or "")
        if style_id:
            paragraph._p.get_or_add_pPr().style = style_id

    def _paragraph(self, container, style: str | None, default: str | None):
        paragraph = container.add_paragraph()
        self._style(paragraph, style if style in self.style_ids else default)
        if self._withheld_depth:
            oxml.shading(paragraph._p.get_or_add_pPr(), WITHHELD_SHADING)
        if self._block_changes:
            oxml.mark_paragraph_mark(paragraph._p.get_or_add_pPr(), self._change(self._block_changes[-1]))
        return paragraph

    def _mark(self, paragraph, block, after: int = 0, made: str | None = None) -> None:
        """Where the paragraph's text comes from, in the carrier (generation 3 on); a redaction
        mark comes from no source a reader may know of."""
        if self.provenance is None or all(isinstance(i, Redaction) for i in block.inlines):
            return
        self.provenance.mark(paragraph._p, block.span, self._note, after, made)

    # -- tracked changes (a redline) --

    def _change(self, change: str):
        tag = "w:ins" if change == "inserted" else "w:del"
        return oxml.tracked_change(tag, next(self._change_ids), self.change_author, self.change_date)

    def _track(self, container, start: int, change: str) -> None:
        """The runs added to `container` since child `start` put inside one tracked change."""
        group = None
        for child in list(container)[start:]:
            if child.tag == qn("w:r"):
                if group is None:
                    group = self._change(change)
                    child.addprevious(group)
                group.append(child)
                if change == "deleted":
                    oxml.as_deleted_text(child)
            else:
                group = None
                if child.tag == qn("w:hyperlink"):  # a change goes inside a link, not around it
                    self._track(child, 0, change)

    def _revised(self, block: Revised, render) -> None:
        """Blocks added or removed whole: every paragraph mark and every word tracked."""
        self._block_changes.append(block.change)
        for child in marked_all(block.children, Inserted if block.change == "inserted" else Deleted):
            render(child)
        self._block_changes.pop()

    def block(self, container, block, part, default_style: str | None = None, list_level: int = 0):
        if isinstance(block, Paragraph):
            paragraph = self._paragraph(container, block.style, default_style)
            self.inlines(paragraph, block.inlines, part)
            self._mark(paragraph, block)
        elif isinstance(block, Heading):
            paragraph = self._paragraph(container, f"Heading {block.level}", default_style)
            self.inlines(paragraph, block.inlines, part)
            self._mark(paragraph, block)
        elif isinstance(block, ListBlock):
            self._list(container, block, part, list_level)
        elif isinstance(block, BlockQuote):
            for child in block.children:
                self.block(container, child, part, "Quote", list_level)
        elif isinstance(block, Table) and hasattr(container, "add_table"):
            self._table(container, block, part)
        elif isinstance(block, Columns) and hasattr(container, "add_table"):
            self._columns(container, block, part)
        elif isinstance(block, Table):  # no tables in footnotes: one paragraph per row
            for row in ((block.header,) if block.header else ()) + block.rows:
                paragraph = self._paragraph(container, default_style, default_style)
                for n, cell in enumerate(row):
                    self.inlines(paragraph, ((Text(" | "),) if n else ()) + cell, part)
        elif isinstance(block, Columns):
            for column in block.columns:
                for child in column:
                    self.block(container, child, part, default_style, list_level)
        elif isinstance(block, Revised):
            self._revised(block, lambda child: self.block(container, child, part, default_style, list_level))
        elif isinstance(block, WithheldBlock):  # the internal beslisnota: shaded, its ground first
            label = self._paragraph(container, default_style, default_style)
            self._withheld_depth += 1
            oxml.shading(label._p.get_or_add_pPr(), WITHHELD_SHADING)
            start = len(label._p)
            label.add_run(withheld_label(block.grounds)).bold = True
            if self._block_changes:
                self._track(label._p, start, self._block_changes[-1])
            for child in block.children:
                self.block(container, child, part, default_style, list_level)
            self._withheld_depth -= 1

    def _list(self, container, block: ListBlock, part, level: int) -> None:
        base = "List Number" if block.ordered else "List Bullet"
        style = base if level == 0 else f"{base} {min(level + 1, LIST_STYLE_LEVELS)}"
        num_id = self._restarted_numbering(style, block.start) if block.ordered else None
        for item in block.items:
            self._item(container, item, part, level, style, num_id)

    def _item(self, container, children, part, level: int, style: str, num_id: int | None) -> None:
        for child in children:
            if isinstance(child, Paragraph):
                paragraph = self._paragraph(container, style, None)
                if num_id is not None:
                    num_pr = paragraph._p.get_or_add_pPr().get_or_add_numPr()
                    num_pr.get_or_add_ilvl().val = 0
                    num_pr.get_or_add_numId().val = num_id
                self.inlines(paragraph, child.inlines, part)
                self._mark(paragraph, child)
            elif isinstance(child, Revised):  # an item added or removed: still an item of the list
                self._revised(child, lambda c: self._item(container, (c,), part, level, style, num_id))
            else:
                self.block(container, child, part, None, level + 1)

    def _restarted_numbering(self, style_name: str, start: int) -> int | None:
        """A fresh numbering instance, so each ordered list starts at its own first number."""
        style_id = self.style_ids.get(style_name)
        if style_id is None:
            return None
        num_id = self.reference.list_numbering.get(style_id)
        if num_id is None:
            return None
        numbering = self.doc.part.numbering_part.element
        num = numbering.num_having_numId(num_id)
        new = numbering.add_num(num.abstractNumId.val)
        new.add_lvlOverride(ilvl=0).add_startOverride(start)
        return new.numId

    def _table(self, container, block: Table, part) -> None:
        rows = ((block.header,) if block.header else ()) + block.rows
        width = max(len(r) for r in rows) if rows else 0
        if not width:
            return
        table = container.add_table(rows=len(rows), cols=width)
        if "Table Grid" in self.style_ids:
            table._tbl.tblStyle_val = self.style_ids["Table Grid"]
        for r, (row, word_row) in enumerate(zip(rows, table.rows, strict=True)):
            cells = word_row.cells  # a row's own cells: table.cell(r, c) walks the whole table each time
            for c, cell_inlines in enumerate(row):
                paragraph = cells[c].paragraphs[0]
                self._style(paragraph, TABLE_TEXT)
                inlines = (Strong(cell_inlines),) if block.header and r == 0 else cell_inlines
                self.inlines(paragraph, inlines, part)
        if block.header:
            header_row = table.rows[0]._tr.get_or_add_trPr()
            header_row.append(OxmlElement("w:tblHeader"))
        for n, row in enumerate(table.rows):
            change = block.row_changes[n] if block.row_changes else None
            change = change or (self._block_changes[-1] if self._block_changes else None)
            if change:
                oxml.mark_row(row._tr, self._change(change))
        self._paragraph(container, TABLE_TEXT, None)

    def _columns(self, container, block: Columns, part) -> None:
        table = container.add_table(rows=1, cols=len(block.columns))
        table.autofit = False
        section = self.doc.sections[-1]
        text_width = section.page_width - section.left_margin - section.right_margin
        widths = block.widths if len(block.widths) == len(block.columns) else ()
        for n, (cell, blocks) in enumerate(zip(table.rows[0].cells, block.columns, strict=True)):
            if widths:
                width = Emu(int(text_width * widths[n] / 100))
                cell.width = width
                table.columns[n].width = width
            placeholder = cell.paragraphs[0]
            for child in blocks:
                self.block(cell, child, part)
            if len(cell.paragraphs) > 1:
                placeholder._p.getparent().remove(placeholder._p)

    # -- footnotes --

    def note(self, note) -> None:
        element = self.footnotes.add_footnote(note.number)
        container = _NoteContainer(element, self.footnotes)
        self._note = note.number
        for n, block in enumerate(note.blocks):
            if n == 0 and isinstance(block, Paragraph):
                paragraph = self._paragraph(container, FOOTNOTE_TEXT, None)
                paragraph._p.append(oxml.styled_run(FOOTNOTE_REFERENCE, "w:footnoteRef"))
                paragraph.add_run(" ")
                self.inlines(paragraph, block.inlines, self.footnotes)
                if block.span is None:  # a citation the house style wrote from a registry entry
                    self._mark(paragraph, replace(block, span=note.span), 2, "citation")
                else:
                    self._mark(paragraph, block, 2)
            else:
                self.block(container, block, self.footnotes, FOOTNOTE_TEXT)
        self._note = None

    # -- inlines --

    def inlines(self, paragraph, inlines, part, bold=False, italic=False, link=None) -> None:
        for inline in inlines:
            if isinstance(inline, Text | Code):
                run = paragraph.add_run(inline.text)
                if bold:
                    run.bold = True
                if italic:
                    run.italic = True
                if isinstance(inline, Code):
                    run.font.name = "Courier New"
                if link is not None:
                    link.append(run._r)
                    run._r.get_or_add_rPr().style = self.style_ids.get(HYPERLINK)
            elif isinstance(inline, Strong):
                self.inlines(paragraph, inline.children, part, True, italic, link)
            elif isinstance(inline, Emphasis):
                self.inlines(paragraph, inline.children, part, bold, True, link)
            elif isinstance(inline, Link):
                rel_id = part.relate_to(inline.href, RT.HYPERLINK, is_external=True)
                element = oxml.hyperlink(rel_id)
                paragraph._p.append(element)
                self.inlines(paragraph, inline.children, part, bold, italic, element)
            elif isinstance(inline, Inserted | Deleted):
                holder = link if link is not None else paragraph._p
                start = len(holder)
                self.inlines(paragraph, inline.children, part, bold, italic, link)
                self._track(holder, start, "inserted" if isinstance(inline, Inserted) else "deleted")
            elif isinstance(inline, LineBreak):
                paragraph.add_run().add_break()
            elif isinstance(inline, Withheld):
                first = len(paragraph._p.r_lst)
                self.inlines(paragraph, inline.children, part, bold, italic, link)
                marker = paragraph.add_run(f" {woo_marks(inline.grounds)}")
                marker.bold = True
                for run in paragraph._p.r_lst[first:]:
                    oxml.shading(run.get_or_add_rPr(), WITHHELD_SHADING)
            elif isinstance(inline, Redaction):
                run = paragraph.add_run(woo_marks(inline.grounds))
                run.bold = True
                run.font.color.rgb = RGBColor(0xFF, 0xFF, 0xFF)
                oxml.shading(run._r.get_or_add_rPr(), REDACTION_SHADING)
            elif isinstance(inline, NoteRef) and inline.number is not None:
                paragraph._p.append(
                    oxml.styled_run(FOOTNOTE_REFERENCE, "w:footnoteReference", **{"w:id": str(inline.number)})
                )


class _Members:
    """Where python-docx's package writer writes each part; an unchanged one becomes the
    reference's bytes, compressed once."""

    def __init__(self, unchanged: dict[str, Member]):
        self.unchanged = unchanged
        self.members: list[Member] = []

    def write(self, name, blob: bytes) -> None:
        self.members.append(self.unchanged.get(name.membername) or Member.of(name.membername, blob))


def render_docx(
    document: Document, reference: Path | Reference, changes_by=None, generation: int = GENERATION
) -> bytes:
    """The document as .docx, as the writers of `generation` write it; a merged document
    (`verzamel diff`) with its changes tracked, signed by `changes_by` (anything with `author` and
    `when`)."""
    return DocxWriter(reference, changes_by, generation).write(document)
