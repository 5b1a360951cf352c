"""A reviewed .docx read back: each paragraph verzamel marked (render/docx/provenance.py) with the
words as built, the reviewer's tracked changes in them, and the comments anchored on them.

Word and LibreOffice write the same things differently; what is read:
- tracked changes `w:ins`/`w:del`, and moved text (`w:moveTo`/`w:moveFrom`) as an insertion at
  its new place and a deletion at its old one, both named by the move (the `w:name` of the
  range around them) so that they go back together or not at all. Words inserted and then
  deleted again are no change. A `w:ins` that holds no text (LibreOffice wraps a comment's
  anchor in one) is none either;
- comments (`word/comments.xml`) with their range (`w:commentRangeStart/End`), author, date and
  text, and replies: Word links a reply to its comment in `word/commentsExtended.xml` through the
  `w14:paraId` of the comment's last paragraph (`w15:paraIdParent`);
- a paragraph split or joined by the reviewer (a paragraph mark inserted or deleted) is told apart,
  because it cannot be written back word by word: the mark is a change of its own (¶), so that it
  is reported also when nothing else in the paragraph changed;
- LibreOffice renames a bookmark in a footnote `_vzN_Copy_1`; the suffix is taken off.

The map is read as the document holds it, so it is checked: an entry that names anything but a
source file in sections/, footnotes/ or letters/ (a path up and out, an absolute one) or a template
verzamel writes from refuses the whole document, before any file is opened by what it names.

The bytes are read through verzamel.archive (within limits) and parsed without a DTD: Word never
writes one.
"""

from __future__ import annotations

import re
import zipfile
from dataclasses import dataclass

from lxml import etree

from ..archive import ArchiveRefused, open_zip, read_part
from ..messages import t, visible
from ..outputs import OUTPUTS

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
W14 = "http://schemas.microsoft.com/office/word/2010/wordml"
W15 = "http://schemas.microsoft.com/office/word/2012/wordml"
PROVENANCE = "urn:verzamel:provenance:1"
NOTE = "\ufffc"
"""A footnote reference in the text of a paragraph: one character no reviewer types."""
_SENTENCE_END = re.compile(r"[.!?][\"”’)]*\ufffc*\s+")
"""Where a sentence ends: its full stop, a closing quote, a footnote reference and the spaces after."""
UNNAMED_MOVE = "?"
"""The move of moved text outside a named range: all such text is taken for one move."""
PILCROW = "\u00b6"
"""A paragraph mark the reviewer inserted or deleted, shown as Word shows it."""
ENCRYPTED = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
"""An OLE compound file: what Word saves when a document has a password (and the old .doc)."""
_BOOKMARK = re.compile(r"^(_vz\d+)(?:_Copy_\d+| Copy \d+)?$")
_SOURCE = re.compile(r"sections/[^\\]+\.md|(?:footnotes|letters)/[^/\\]+\.yaml")
"""What a map entry's path may be: a fragment (in a folder of sections/ too), a registry file or a
manifest. A dossier's sources are nowhere else (sources/__init__.py)."""
TEMPLATES = frozenset(output.template for output in OUTPUTS)
_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False)


class NotReadable(Exception):
    """The file cannot be read as a reviewed document; the message says why, for the user."""

    def __init__(self, message: str, code: int = 2):
        super().__init__(message)
        self.message = message
        self.code = code


@dataclass
class Change:
    """One stretch of tracked change: the built words `deleted` at [start, end) of the built text
    replaced by `inserted` (either may be empty)."""

    start: int
    end: int
    deleted: str
    inserted: str
    author: str
    date: str
    move: str = ""
    """For moved text, the name of its move: the deletion at the old place and the insertion at
    the new one have the same."""


@dataclass
class Comment:
    id: str
    author: str
    initials: str
    date: str
    text: str
    parent: str | None = None
    """The comment a reply answers."""
    paragraph: int | None = None
    """The paragraph its range starts in, by its place in Reviewed.paragraphs (None: in none)."""
    start: int = 0
    end: int = 0
    words: str = ""
    """The built words it is anchored on."""


@dataclass
class ReviewedParagraph:
    name: str
    """The bookmark (`_vzN`) the map names it by; "" for a paragraph without one."""
    part: str
    """"body" or "footnote"."""
    built: str
    """Its text as built: the reviewer's insertions left out, the deletions kept."""
    reviewed: str
    """Its text with every change accepted."""
    changes: list[Change]
    split: bool = False
    """The reviewer split it or joined it to the next (a paragraph mark inserted or deleted: the
    last of its changes, a PILCROW inserted or deleted)."""
    after: str = ""
    """For a paragraph without a bookmark: the name of the marked paragraph before it."""


@dataclass
class Reviewed:
    letter: str
    entries: dict[str, dict[str, str]]
    """The map: bookmark name -> where its text comes from (path, digest, template, made, note)."""
    paragraphs: list[ReviewedParagraph]
    comments: list[Comment]


def read_reviewed(data: bytes) -> Reviewed:
    """The reviewed document in `data`. Raises NotReadable."""
    if data.startswith(ENCRYPTED):
        raise NotReadable(t("feedback.encrypted"))
    try:
        with open_zip(data) as package:
            names = set(package.namelist())
            if "word/document.xml" not in names:
                raise NotReadable(t("feedback.not_docx"))
            parts = {
                name: _xml(read_part(package, name), name)
                for name in (
                    "word/document.xml",
                    "word/footnotes.xml",
                    "word/comments.xml",
                    "word/commentsExtended.xml",
                    "customXml/item1.xml",
                )
                if name in names
            }
            maps = [
                n for n in names if n.startswith("customXml/item") and not n.startswith("customXml/itemProps")
            ]
            for name in sorted(maps):
                parts.setdefault(name, _xml(read_part(package, name), name))
    except ArchiveRefused as refused:
        raise NotReadable(str(refused)) from None
    except (OSError, EOFError, ValueError, KeyError, RuntimeError, NotImplementedError, zipfile.BadZipFile):
        raise NotReadable(t("feedback.not_docx")) from None
    provenance = next(
        (root for name, root in sorted(parts.items()) if root.tag == f"{{{PROVENANCE}}}provenance"), None
    )
    if provenance is None:
        raise NotReadable(t("feedback.no_provenance"))
    entries = {e.get("name", ""): dict(e.attrib) for e in provenance.iter(f"{{{PROVENANCE}}}paragraph")}
    for entry in entries.values():
        _names_a_source(entry)
    comments = _comments(parts.get("word/comments.xml"), parts.get("word/commentsExtended.xml"))
    reader = _Paragraphs(comments)
    for part, name in (("body", "word/document.xml"), ("footnote", "word/footnotes.xml")):
        if name in parts:
            reader.read(parts[name], part)
    return Reviewed(
        letter=provenance.get("letter", ""),
        entries=entries,
        paragraphs=reader.paragraphs,
        comments=list(comments.values()),
    )


def _xml(data: bytes, name: str):
    if b"<!DOCTYPE" in data[:4096].upper() or b"<!ENTITY" in data.upper():
        raise NotReadable(t("feedback.not_docx"))
    try:
        return etree.fromstring(data, _PARSER)
    except etree.XMLSyntaxError:
        raise NotReadable(t("feedback.part_broken", part=name)) from None


def _names_a_source(entry: dict[str, str]) -> None:
    """Raises NotReadable for a map entry that names no source file and no template of verzamel."""
    if "template" in entry:
        named = entry["template"]
        if named in TEMPLATES:
            return
    else:
        named = entry.get("path", "")
        steps = named.split("/")
        if _SOURCE.fullmatch(named) and not any(step in ("", ".", "..") for step in steps):
            return
    raise NotReadable(t("feedback.map_altered", name=visible(named[:120])))


def _comments(root, extended) -> dict[str, Comment]:
    if root is None:
        return {}
    comments: dict[str, Comment] = {}
    by_para_id: dict[str, str] = {}
    for element in root.iter(f"{{{W}}}comment"):
        comment_id = element.get(f"{{{W}}}id", "")
        paragraphs = list(element.iter(f"{{{W}}}p"))
        text = "\n".join("".join(n.text or "" for n in p.iter(f"{{{W}}}t")) for p in paragraphs)
        para_ids = [p.get(f"{{{W14}}}paraId", "") for p in paragraphs]
        comments[comment_id] = Comment(
            comment_id,
            element.get(f"{{{W}}}author", ""),
            element.get(f"{{{W}}}initials", ""),
            element.get(f"{{{W}}}date", ""),
            text.strip(),
        )
        if para_ids and para_ids[-1]:
            by_para_id[para_ids[-1]] = comment_id
    if extended is not None:
        for entry in extended.iter(f"{{{W15}}}commentEx"):
            own, parent = (
                by_para_id.get(entry.get(f"{{{W15}}}paraId", "")),
                entry.get(f"{{{W15}}}paraIdParent"),
            )
            if own and parent and by_para_id.get(parent) not in (None, own):
                comments[own].parent = by_para_id[parent]
    _threads(comments)
    return comments


def _threads(comments: dict[str, Comment]) -> None:
    """Each reply linked to the comment its thread starts with (Word answers a reply in the same
    thread); a comment whose parents lead back to it starts a thread of its own."""
    for comment in comments.values():
        seen, parent = {comment.id}, comment.parent
        while parent is not None and comments[parent].parent is not None and parent not in seen:
            seen.add(parent)
            parent = comments[parent].parent
        comment.parent = None if parent in seen else parent


def _mark_changed(p, at: int) -> list[Change]:
    """The paragraph mark of `p` inserted (the reviewer split the paragraph there) or deleted
    (joined it to the next), as a change of its own at the paragraph's end."""
    properties = p.find(f"{{{W}}}pPr/{{{W}}}rPr")
    for tag in ("ins", "moveTo", "del", "moveFrom"):
        found = properties.find(f"{{{W}}}{tag}") if properties is not None else None
        if found is not None:
            mark = ("", PILCROW) if tag in ("ins", "moveTo") else (PILCROW, "")
            return [Change(at, at, *mark, found.get(f"{{{W}}}author", ""), found.get(f"{{{W}}}date", ""))]
    return []


class _Paragraphs:
    """Walks the paragraphs of a part, keeping the text as built and as reviewed."""

    def __init__(self, comments: dict[str, Comment]):
        self.comments = comments
        self.paragraphs: list[ReviewedParagraph] = []
        self._last_name = ""
        self._move = ""
        """The move whose range (w:moveFromRangeStart … End, w:moveToRangeStart … End) the walk is
        in; a range may span paragraphs."""

    def read(self, root, part: str) -> None:
        for p in root.iter(f"{{{W}}}p"):
            self._paragraph(p, part)

    def _paragraph(self, p, part: str) -> None:
        self._built: list[str] = []
        self._reviewed: list[str] = []
        self._at = 0
        self._changes: list[Change] = []
        self._name = ""
        self._anchors: dict[str, list[int]] = {}
        self._walk(p, None)
        built, reviewed = "".join(self._built), "".join(self._reviewed)
        skip = 1 if part == "footnote" and built.startswith(" ") and reviewed.startswith(" ") else 0
        if skip:  # the space after the note's own number
            built, reviewed = built[1:], reviewed[1:]
            for change in self._changes:
                change.start, change.end = max(change.start - 1, 0), max(change.end - 1, 0)
        for comment_id, (start, *end) in self._anchors.items():
            comment = self.comments[comment_id]
            start, stop = max(start - skip, 0), max((end[0] if end else len(built) + skip) - skip, 0)
            comment.paragraph, comment.start, comment.end = len(self.paragraphs), start, stop
            comment.words = built[start:stop]
        mark = _mark_changed(p, len(built))
        changes = [c for c in self._changes if c.deleted or c.inserted] + mark
        if not self._name and not (changes or reviewed.strip() or built.strip() or self._anchors):
            return
        paragraph = ReviewedParagraph(self._name, part, built, reviewed, changes, bool(mark))
        if self._name:
            self._last_name = self._name
        else:
            paragraph.after = self._last_name
        self.paragraphs.append(paragraph)

    def _walk(self, element, change: tuple[str, str, str, str] | None) -> None:
        for child in element:
            tag = etree.QName(child).localname if isinstance(child.tag, str) else ""
            if tag in ("ins", "moveTo", "del", "moveFrom"):
                kind = "ins" if tag in ("ins", "moveTo") else "del"
                if change is not None and change[0] != kind:  # inserted, then deleted: no change at all
                    continue
                author, date = child.get(f"{{{W}}}author", ""), child.get(f"{{{W}}}date", "")
                move = (self._move or UNNAMED_MOVE) if tag.startswith("move") else ""
                self._walk(child, (kind, author, date, move))
            elif tag in ("moveFromRangeStart", "moveToRangeStart"):
                self._move = child.get(f"{{{W}}}name", "")
            elif tag in ("moveFromRangeEnd", "moveToRangeEnd"):
                self._move = ""
            elif tag == "bookmarkStart":
                found = _BOOKMARK.match(child.get(f"{{{W}}}name", ""))
                if found and not self._name:
                    self._name = found[1]
            elif tag == "commentRangeStart" and child.get(f"{{{W}}}id", "") in self.comments:
                self._anchors[child.get(f"{{{W}}}id", "")] = [self._at]
            elif tag == "commentRangeEnd" and child.get(f"{{{W}}}id", "") in self._anchors:
                self._anchors[child.get(f"{{{W}}}id", "")][1:] = [self._at]
            elif tag == "r":
                self._run(child, change)
            elif tag not in ("pPr", "rPr"):  # a hyperlink, a smart tag, a content control: its runs
                self._walk(child, change)

    def _run(self, run, change) -> None:
        text = []
        for node in run:
            tag = etree.QName(node).localname if isinstance(node.tag, str) else ""
            if tag in ("t", "delText"):
                text.append(node.text or "")
            elif tag == "tab":
                text.append("\t")
            elif tag in ("br", "cr"):
                text.append("\n")
            elif tag == "noBreakHyphen":
                text.append("-")
            elif tag == "footnoteReference":
                text.append(NOTE)
            elif tag == "commentReference":  # Word anchors a comment in a footnote here only
                self._point(node.get(f"{{{W}}}id", ""), len("".join(text)))
        self._add("".join(text), change)

    def _point(self, comment_id: str, offset: int) -> None:
        """A comment with no range in this paragraph or before: on the sentence before its mark."""
        comment = self.comments.get(comment_id)
        if comment is None or comment.paragraph is not None or comment_id in self._anchors:
            return
        end = self._at + offset
        before = "".join(self._built)[:end].rstrip()
        ends = [found.end() for found in _SENTENCE_END.finditer(before, 0, max(len(before) - 1, 0))]
        self._anchors[comment_id] = [ends[-1] if ends else 0, end]

    def _add(self, text: str, change) -> None:
        if not text:
            return
        if change is None:
            self._built.append(text)
            self._reviewed.append(text)
            self._at += len(text)
            return
        kind, author, date, move = change
        last = self._changes[-1] if self._changes else None
        if (
            last is None
            or last.end != self._at
            or (last.author, last.move) != (author, move)
            or (kind == "del" and last.inserted)
        ):
            last = Change(self._at, self._at, "", "", author, date, move)
            self._changes.append(last)
        if kind == "del":
            self._built.append(text)
            last.deleted += text
            last.end += len(text)
            self._at += len(text)
        else:
            self._reviewed.append(text)
            last.inserted += text
