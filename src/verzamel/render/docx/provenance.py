"""Where each paragraph of a .docx comes from (writers of generation 3 on), carried so that it
survives a review in Word or LibreOffice and nothing a reader sees changes (issue 26):

- each paragraph made from a source gets a hidden bookmark `_vzN` around its text (hidden: the
  name starts with `_`; short: Word drops names over 40 characters). In a footnote it starts
  after the note's own number, where LibreOffice keeps it (at the start of the paragraph it
  drops it, from the second footnote on; there it renames it `_vzN_Copy_1`, which a reader
  strips);
- a custom XML part maps each bookmark to its source file (and fragment) and a digest of the
  lines it is written on as built (sources/origins.py): no line numbers and no digest of whole
  files, so a source edited where no reader sees it makes the same bytes. Text the template
  wrote is named as the template's; a footnote the house style wrote from a registry entry says so;
- custom document properties name the letter, the document and the revision of its sources (a
  digest of the paragraph digests).

What survives where was measured with LibreOffice and read from Word's documentation (the notes
of issue 26). A public document names no digest of lines that hold a Woo mark, and paragraphs
that are redaction marks carry nothing.
"""

from __future__ import annotations

import hashlib
import uuid
from itertools import count
from xml.sax.saxutils import escape, quoteattr

from docx.opc.constants import CONTENT_TYPE as CT
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.opc.part import Part
from docx.oxml import OxmlElement
from docx.oxml.ns import qn

from ...model import Document, SourceSpan

NAMESPACE = "urn:verzamel:provenance:1"
BOOKMARK_PREFIX = "_vz"
PROPERTIES_FMTID = "{D5CDD505-2E9C-101B-9397-08002B2CF9AE}"
"""The property set every custom document property is in (ECMA-376 Part 1, 22.3.2.2)."""
DECLARATION = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'


class Provenance:
    """The carrier of one document, filled paragraph by paragraph as the writer writes."""

    def __init__(self, document: Document):
        self.document = document
        self.origins = {o.path: o for o in document.origins}
        self.entries: list[str] = []
        self.used: set[str] = set()
        self._numbers = count(1)

    def mark(
        self, p, span: SourceSpan | None, note: int | None = None, after: int = 0, made: str | None = None
    ) -> None:
        """Put a bookmark around paragraph `p` (a w:p), after its first `after` runs, recorded
        with where its text comes from; `note`: the number of the footnote it is in."""
        if span is None:
            return
        if span.path.startswith("<") and span.path.endswith(">"):  # rendered template text
            where = {"template": span.path[1:-1]}
        elif span.path in self.origins:
            where = {"path": span.path}
            digest, withholds = self.origins[span.path].digests.get(span.line, ("", True))
            if digest and not (self.document.public and withholds):
                where["digest"] = digest
            self.used.add(span.path)
        else:
            return
        number = next(self._numbers)
        name = f"{BOOKMARK_PREFIX}{number}"
        start = OxmlElement("w:bookmarkStart")
        start.set(qn("w:id"), str(number))
        start.set(qn("w:name"), name)
        end = OxmlElement("w:bookmarkEnd")
        end.set(qn("w:id"), str(number))
        runs = p.findall(qn("w:r"))
        if after and len(runs) >= after:
            runs[after - 1].addnext(start)
        else:
            properties = p.find(qn("w:pPr"))
            p.insert(0 if properties is None else 1, start)
        p.append(end)
        attributes = {"name": name}
        if note is not None:
            attributes |= {"part": "footnote", "note": str(note)}
        attributes |= where
        if made:
            attributes["made"] = made
        self.entries.append(_element("paragraph", attributes))

    def attach(self, document_part) -> None:
        """The custom XML part and the custom properties added to the package."""
        package = document_part.package
        item = Part(PackURI("/customXml/item1.xml"), CT.XML, self._map(), package)
        props = Part(
            PackURI("/customXml/itemProps1.xml"), CT.OFC_CUSTOM_XML_PROPERTIES, self._item_props(), package
        )
        item.relate_to(props, RT.CUSTOM_XML_PROPS)
        document_part.relate_to(item, RT.CUSTOM_XML)
        custom = Part(PackURI("/docProps/custom.xml"), CT.OFC_CUSTOM_PROPERTIES, self._properties(), package)
        package.relate_to(custom, RT.CUSTOM_PROPERTIES)

    # -- the parts --

    def revision(self) -> str:
        """A digest of every paragraph's source and digest: the same sources, the same revision."""
        return hashlib.sha256("".join(self.entries).encode("utf-8")).hexdigest()[:16]

    def _map(self) -> bytes:
        document = self.document
        head = _element(
            "provenance",
            {"xmlns": NAMESPACE, "letter": document.letter_id, "document": document.kind},
            close=False,
        )
        sources = [_source(self.origins[path]) for path in sorted(self.used)]
        body = "".join(sources + self.entries)
        return (DECLARATION + head + body + "</provenance>").encode("utf-8")

    def _item_props(self) -> bytes:
        item_id = uuid.uuid5(
            uuid.NAMESPACE_URL, f"{NAMESPACE}:{self.document.letter_id}:{self.document.kind}"
        )
        return (
            DECLARATION + f'<ds:datastoreItem ds:itemID="{{{str(item_id).upper()}}}"'
            ' xmlns:ds="http://schemas.openxmlformats.org/officeDocument/2006/customXml">'
            f'<ds:schemaRefs><ds:schemaRef ds:uri="{NAMESPACE}"/></ds:schemaRefs></ds:datastoreItem>'
        ).encode("utf-8")

    def _properties(self) -> bytes:
        values = {
            "verzamel-brief": self.document.letter_id,
            "verzamel-document": self.document.kind,
            "verzamel-revisie": self.revision(),
        }
        properties = "".join(
            f'<property fmtid="{PROPERTIES_FMTID}" pid="{pid}" name={quoteattr(name)}>'
            f"<vt:lpwstr>{escape(value)}</vt:lpwstr></property>"
            for pid, (name, value) in enumerate(values.items(), start=2)
        )
        return (
            DECLARATION
            + '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/custom-properties"'
            ' xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">'
            f"{properties}</Properties>"
        ).encode("utf-8")


def _source(origin) -> str:
    attributes = {"path": origin.path}
    if origin.fragment:
        attributes["fragment"] = origin.fragment
    return _element("source", attributes)


def _element(tag: str, attributes: dict[str, str], close: bool = True) -> str:
    written = "".join(f" {name}={quoteattr(value)}" for name, value in attributes.items())
    return f"<{tag}{written}{'/' if close else ''}>"
