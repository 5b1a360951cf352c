"""A house-style reference document, read once per process however many documents are made from it.

Reading the reference is most of the work of a small document: its styles.xml alone is 350 KB.
So it is read, cleaned (no body, no Word editing-session ids) and indexed once; each document
then opens a *skeleton* of it, in which the parts the writer never changes (styles, theme, fonts,
headers and footers) are empty stand-ins, and those parts are written back as the bytes prepared
here, compressed once.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import docx
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.part import XmlPart
from docx.oxml.ns import qn

from . import oxml
from .package import Member

CHANGED_PARTS = frozenset(
    (
        "word/document.xml",
        "word/settings.xml",  # the footnote separators are declared here
        "word/numbering.xml",  # each ordered list gets its own numbering instance
        "word/footnotes.xml",
        "docProps/core.xml",
        "docProps/app.xml",
    )
)
"""The parts a document changes; every other part is written as the reference has it."""


@dataclass(frozen=True)
class Reference:
    skeleton: bytes
    """The reference as a package whose unchanged parts are empty stand-ins: quick to open."""
    unchanged: dict[str, Member]
    """Each unchanged part by its name in the zip, cleaned and compressed once."""
    style_ids: dict[str, str]
    """Style id by style id and by style name."""
    list_numbering: dict[str, str]
    """The numbering (w:numId) of each paragraph style that has one, by style id."""

    def open(self):
        """A python-docx Document to fill, with no body but the section properties."""
        return docx.Document(io.BytesIO(self.skeleton))


class References:
    """The reference documents prepared for one run (a build, a preview session), kept in a
    build's cache folder (cache.store.CacheFolder) between runs when one is given. A run that
    prepares one before its cache folder can be written (a first build makes its output folder
    only when it writes its documents) keeps it there at `keep()`."""

    def __init__(self, folder=None):
        self.folder = folder
        self._prepared: dict[tuple, Reference] = {}
        self._waiting: dict[str, Reference] = {}

    def load(self, path: Path) -> Reference:
        """The reference document at `path`, prepared once (again when the file changes)."""
        stat = path.stat()
        key = (str(path), stat.st_mtime_ns, stat.st_size)
        if key not in self._prepared:
            self._prepared[key] = self._kept_or_prepared(*key)
        return self._prepared[key]

    def _kept_or_prepared(self, path: str, mtime_ns: int, size: int) -> Reference:
        if self.folder is None:
            return _prepared(path, mtime_ns, size)
        from ...cache.store import digest

        name = f"reference-{digest(Path(path).read_bytes())}"
        kept = self.folder.read(name)
        if isinstance(kept, Reference):
            return kept
        prepared = _prepared(path, mtime_ns, size)
        if not self.folder.write(name, prepared):
            self._waiting[name] = prepared
        return prepared

    def keep(self) -> None:
        """Keep in the cache folder what could not be kept there when it was prepared."""
        for name, prepared in self._waiting.items():
            self.folder.write(name, prepared)
        self._waiting.clear()


def load_reference(path: Path) -> Reference:
    """The reference document at `path`, prepared once per process (again when the file changes)."""
    stat = path.stat()
    return _prepared(str(path), stat.st_mtime_ns, stat.st_size)


@lru_cache(maxsize=8)
def _prepared(path: str, mtime_ns: int, size: int) -> Reference:
    """A pure function of the file (its path, time and size name its bytes): kept per process."""
    return _prepare(Path(path).read_bytes())


NOT_PUBLISHED = frozenset(
    (
        RT.CUSTOM_PROPERTIES,  # docProps/custom.xml: whatever a ministry's template carries
        RT.CUSTOM_XML,  # customXml/item*.xml: a document system's metadata (owners, case numbers)
        RT.THUMBNAIL,  # a picture of the reference's first page
    )
)
"""Parts of a reference document no output takes over: every file's properties name the ministry
and nothing else (docs/woo.md)."""


def _prepare(data: bytes) -> Reference:
    document = docx.Document(io.BytesIO(data))
    for source in (document.part.package, document.part):
        for rel_id, rel in list(source.rels.items()):
            if rel.reltype in NOT_PUBLISHED:
                source.rels.pop(rel_id)
                source.rels._target_parts_by_rId.pop(rel_id, None)
    body = document.element.body
    for child in list(body):
        if child.tag != qn("w:sectPr"):
            body.remove(child)
    style_ids: dict[str, str] = {}
    list_numbering: dict[str, str] = {}
    for style in document.styles:
        style_ids[style.style_id] = style.style_id
        style_ids.setdefault(style.name, style.style_id)
        properties = style.element.pPr
        if properties is not None and properties.numPr is not None and properties.numPr.numId is not None:
            list_numbering[style.style_id] = properties.numPr.numId.val
    unchanged: dict[str, Member] = {}
    for part in document.part.package.iter_parts():
        if isinstance(part, XmlPart):
            oxml.strip_revision_ids(part._element)
        name = part.partname.membername
        if name not in CHANGED_PARTS:
            unchanged[name] = Member.of(name, part.blob)
            if isinstance(part, XmlPart):  # an empty stand-in: nothing to parse per document
                part._element = part._element.makeelement(part._element.tag, nsmap=part._element.nsmap)
            else:
                part._blob = b""
    skeleton = io.BytesIO()
    document.save(skeleton)
    return Reference(skeleton.getvalue(), unchanged, style_ids, list_numbering)
