"""The footnotes part (`word/footnotes.xml`): its relationship, content type and settings."""

from __future__ import annotations

from docx.opc.constants import CONTENT_TYPE as CT
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.opc.part import XmlPart
from docx.oxml.ns import qn

from . import oxml


class FootnotesPart(XmlPart):
    """Holds one `w:footnote` per note; hyperlinks in notes are related from this part."""

    @classmethod
    def attach(cls, document_part) -> FootnotesPart:
        """Replace any footnotes part of the reference document with a fresh, empty one."""
        for rel_id, rel in list(document_part.rels.items()):
            if rel.reltype == RT.FOOTNOTES:
                del document_part.rels[rel_id]
        part = cls(
            PackURI("/word/footnotes.xml"), CT.WML_FOOTNOTES, oxml.footnotes_root(), document_part.package
        )
        document_part.relate_to(part, RT.FOOTNOTES)
        settings = document_part._settings_part.element
        if settings.find(qn("w:footnotePr")) is None:
            settings.insert_element_before(oxml.footnote_settings(), *oxml.SETTINGS_AFTER_FOOTNOTEPR)
        return part

    def add_footnote(self, note_id: int):
        element = oxml.footnote(note_id)
        self.element.append(element)
        return element
