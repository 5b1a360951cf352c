"""A review made the way Microsoft Word makes it: a built .docx edited at the XML level with Track
Changes on, by one reviewer, into what Word writes (there is no Word here to make one). The
sibling tests/libreoffice_review.py has LibreOffice itself make one.

    review_like_word(built, target, [
        replace("wanneer dat kan", "zodra dat kan"),
        delete("Ook de verkenning ... verkend. ", where="footnote"),
        insert("de stand van het terugkeerbeleid", " voor 2026"),
        move("Het rapport maakt ... Oekraïne. ", "Sindsdien is het"),
        comment("Sindsdien is ... uitgewerkt.", "Klopt dit?", replies=[reply("B. de Vries", "BV", "Ja.")]),
    ])

Each edit acts on the first paragraph (of word/document.xml, or of word/footnotes.xml for
where="footnote") whose text holds its words, in text no earlier edit touched. The runs are split
at the words' edges (each part keeps its run's w:rPr); bookmarks stay where they are, as in Word,
so the provenance bookmarks `_vzN` still enclose their paragraph's text (render/docx/provenance.py).

What Word writes, and where it was read (found with the `search` tool):
- w:ins / w:del (w:id, w:author, w:date; deleted text in w:delText); moved text as
  w:moveFrom / w:moveTo inside w:moveFromRangeStart/End and w:moveToRangeStart/End whose
  w:name links the two places, moved runs keeping w:t: ECMA-376 Part 1, 17.13.5
  (c-rex.net/samples/ooxml/e1/part4/OOXML_P4_DOCX_moveFromRangeStart_topic_ID0EOYGW.html and
  ..._moveFromRangeEnd_topic_ID0E3PFW.html, with the example `moveToRangeStart w:name="move1"`).
- comments: w:commentRangeStart before the words, w:commentRangeEnd after them, then a run with
  w:commentReference; word/comments.xml holds w:comment (w:id, w:author, w:date, w:initials)
  with its paragraphs (CommentText style, an annotationRef run first): ECMA-376 17.13.4
  (ooxml.info/docs/17/17.13/17.13.4); the part's content type and relationship: ECMA-376 Part 1
  11.3.2 (c-rex.net/samples/ooxml/e1/Part1/OOXML_P1_Fundamentals_Comments_topic_ID0ENHBI.html).
- replies (Word 2013 on): each a w:comment of its own, anchored on the same range; the comment
  paragraphs carry w14:paraId (< 0x80000000, [MS-DOCX] 2.6.2.3) and word/commentsExtended.xml
  has a w15:commentEx per comment, w15:paraId = the paraId of its last paragraph ([MS-DOCX]
  2.8.3.1 says so of the same attribute of commentsIds), a reply's w15:paraIdParent = its
  parent's, w15:done="0" (blogs.msmvps.com/wordmeister/2012/09/29/word2013comments-wordopenxml/,
  Word's own output). Content type and relationship type of that part as the Open XML SDK's
  WordprocessingCommentsExPart has them (learn.microsoft.com, documentformat.openxml.packaging).
- Word ignores commentRangeStart/End in a footnote ([MS-OI29500] 2.1.315 c), so a comment there
  is only its w:commentReference, right after the words (a point anchor). LibreOffice 7.4 does
  not load a document with a comment in a footnote ("source file could not be loaded"), and its
  own review drops one made there: keep such comments out of what LibreOffice must open.
- Every w:id of an ins, del, move range, move or comment is unique across the parts; they are
  numbered after the highest w:id the document had (its bookmarks'), so none equals one of those.
Not written: word/people.xml, commentsIds.xml, commentsExtensible.xml (Word 2016 on adds them;
a reader needs none of them), rsids and the paraIds Word puts on every paragraph.
"""

from __future__ import annotations

from copy import deepcopy
from dataclasses import dataclass
from datetime import UTC, datetime
from itertools import count
from pathlib import Path

from lxml import etree

from word_bad_input import corrupt, encrypted_like_word, other_dossier
from word_package import (
    PRESERVE,
    Note,
    add_comments,
    element,
    highest_id,
    read_parts,
    serialize,
    sub,
    track_revisions,
    w,
    write_parts,
)

__all__ = [
    "Edit",
    "Reply",
    "WordsNotFound",
    "comment",
    "corrupt",
    "delete",
    "encrypted_like_word",
    "insert",
    "move",
    "other_dossier",
    "replace",
    "reply",
    "review_like_word",
]

PARTS = {"body": "word/document.xml", "footnote": "word/footnotes.xml"}
WHEN = datetime(2025, 11, 20, 10, 0, tzinfo=UTC)
OBJECT = "\ufffc"
"""What a footnote reference (any run content but text, tab and break) or an earlier edit stands
for in a paragraph's text: no words match across it."""

CHARACTERS = {w("tab"): "\t", w("br"): "\n", w("cr"): "\n", w("noBreakHyphen"): "-", w("softHyphen"): ""}
WRAPPERS = {w(n) for n in ("ins", "del", "moveFrom", "moveTo", "hyperlink", "fldSimple", "smartTag", "sdt")}


@dataclass(frozen=True)
class Reply:
    author: str
    initials: str
    text: str


@dataclass(frozen=True)
class Edit:
    """What ("replace", "delete", "insert", "move" or "comment") is done to which words, where
    ("body" or "footnote"); value: the new words, the words a move goes before, or the comment's
    text (a line break starts a new paragraph of it)."""

    what: str
    words: str
    value: str = ""
    where: str = "body"
    replies: tuple[Reply, ...] = ()


def replace(words: str, new: str, where: str = "body") -> Edit:
    """The words struck out (w:del) and the new words inserted right after them (w:ins)."""
    return Edit("replace", words, new, where)


def delete(words: str, where: str = "body") -> Edit:
    return Edit("delete", words, "", where)


def insert(after_words: str, new: str, where: str = "body") -> Edit:
    """`new` inserted right after `after_words` (mind the spaces: insert("Het kabinet", " nu"))."""
    return Edit("insert", after_words, new, where)


def move(words: str, before_words: str) -> Edit:
    """The words moved (in the body) to just before `before_words`, in the same or another paragraph."""
    return Edit("move", words, before_words)


def reply(author: str, initials: str, text: str) -> Reply:
    return Reply(author, initials, text)


def comment(words: str, text: str, where: str = "body", replies: list[Reply] | tuple = ()) -> Edit:
    return Edit("comment", words, text, where, tuple(replies))


class WordsNotFound(LookupError):
    pass


def review_like_word(
    built: Path,
    target: Path,
    edits: list[Edit],
    author: str = "A. Jansen",
    initials: str = "AJ",
    when: datetime = WHEN,
) -> Path:
    """TARGET: BUILT as AUTHOR sends it back from Word after making EDITS at WHEN (in UTC, as
    w:date="2025-11-20T10:00:00Z"). Raises WordsNotFound before anything is written."""
    review = _Review(read_parts(built), author, initials, when.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ"))
    for edit in edits:
        getattr(review, edit.what)(edit)
    write_parts(target, review.finish())
    return target


class _Review:
    def __init__(self, parts: dict[str, bytes], author: str, initials: str, date: str):
        self.parts, self.author, self.initials, self.date = parts, author, initials, date
        self.roots: dict[str, etree._Element] = {}
        self.ids = count(highest_id(parts) + 1)
        self.moves = count(1)
        self.notes: list[Note] = []

    # -- the edits --

    def replace(self, edit: Edit) -> None:
        runs = self._words(edit)
        rpr = _text_format(runs)
        self._strike(runs)[-1].addnext(self._inserted(edit.value, rpr))

    def delete(self, edit: Edit) -> None:
        self._strike(self._words(edit))

    def insert(self, edit: Edit) -> None:
        runs = self._words(edit)
        runs[-1].addnext(self._inserted(edit.value, _text_format(runs[::-1])))

    def move(self, edit: Edit) -> None:
        """Text moved within a paragraph or between two (not whole paragraphs: Word marks those
        on the paragraph mark too)."""
        source, start, end = self._find("body", edit.words)
        goal, at, _ = self._find("body", edit.value)
        if source is goal and start <= at < end:
            raise ValueError(f"a move into the words it moves: {edit.words!r}")
        for paragraph, offset in ((source, start), (source, end), (goal, at)):
            _cut(paragraph, offset)
        runs, before = _runs(source, start, end), _runs(goal, at, at + len(edit.value))[0]
        name = f"move{next(self.moves)}"
        to_range = self._revision("moveToRangeStart", name=name)
        before.addprevious(to_range)
        moved = self._revision("moveTo")
        moved.extend(deepcopy(run) for run in runs)
        before.addprevious(moved)
        before.addprevious(element("moveToRangeEnd", id=to_range.get(w("id"))))
        from_range = self._revision("moveFromRangeStart", name=name)
        runs[0].addprevious(from_range)
        self._wrap(runs, "moveFrom")[-1].addnext(element("moveFromRangeEnd", id=from_range.get(w("id"))))

    def comment(self, edit: Edit) -> None:
        runs = self._words(edit)
        first = self._note(self.author, self.initials, edit.value, None)
        ids = [first] + [self._note(r.author, r.initials, r.text, first) for r in edit.replies]
        ranged = edit.where == "body"
        at = runs[-1]
        for number in ids:
            if ranged:
                runs[0].addprevious(element("commentRangeStart", id=number))
                at.addnext(end := element("commentRangeEnd", id=number))
                at = end
            reference = element("r")
            sub(sub(reference, "rPr"), "rStyle", val="CommentReference")
            sub(reference, "commentReference", id=number)
            at.addnext(reference)
            at = reference

    # -- the pieces --

    def _root(self, where: str) -> etree._Element:
        name = PARTS[where]
        if name not in self.roots:
            self.roots[name] = etree.fromstring(self.parts[name])
        return self.roots[name]

    def _find(self, where: str, words: str) -> tuple[etree._Element, int, int]:
        for paragraph in self._root(where).iter(w("p")):
            start = _text(paragraph).find(words)
            if start >= 0 and words:
                return paragraph, start, start + len(words)
        raise WordsNotFound(f"not found in {where}: {words}")

    def _words(self, edit: Edit) -> list[etree._Element]:
        paragraph, start, end = self._find(edit.where, edit.words)
        _cut(paragraph, start)
        _cut(paragraph, end)
        return _runs(paragraph, start, end)

    def _revision(self, tag: str, **extra: str) -> etree._Element:
        return element(tag, id=str(next(self.ids)), author=self.author, date=self.date, **extra)

    def _wrap(self, runs: list[etree._Element], tag: str) -> list[etree._Element]:
        """Runs wrapped in revision elements, one per stretch of neighbouring runs (a bookmark
        between two runs stays outside, as Word keeps it)."""
        wrappers: list[etree._Element] = []
        for run in runs:
            if wrappers and run.getprevious() is wrappers[-1]:
                wrappers[-1].append(run)
                continue
            wrapper = self._revision(tag)
            run.addprevious(wrapper)
            wrapper.append(run)
            wrappers.append(wrapper)
        return wrappers

    def _strike(self, runs: list[etree._Element]) -> list[etree._Element]:
        for run in runs:
            for text in run.findall(w("t")):
                text.tag = w("delText")
                text.set(PRESERVE, "preserve")
        return self._wrap(runs, "del")

    def _inserted(self, text: str, rpr: etree._Element | None) -> etree._Element:
        inserted = self._revision("ins")
        run = sub(inserted, "r")
        if rpr is not None:
            run.append(deepcopy(rpr))
        sub(run, "t").text = text
        run[-1].set(PRESERVE, "preserve")
        return inserted

    def _note(self, author: str, initials: str, text: str, parent: str | None) -> str:
        number = str(next(self.ids))
        self.notes.append(Note(number, author, initials, text, self.date, parent))
        return number

    def finish(self) -> dict[str, bytes]:
        for name, root in self.roots.items():
            self.parts[name] = serialize(root)
        track_revisions(self.parts)
        if self.notes:
            add_comments(self.parts, self.notes)
        return self.parts


# -- paragraphs: their text, cut at an offset, the runs between two offsets --


def _pieces(paragraph: etree._Element) -> list[tuple[etree._Element | None, etree._Element, int, str]]:
    """(run, element, offset, text) of what the paragraph shows, in order: each content element
    of its own runs, and OBJECT for each earlier edit (run None)."""
    pieces, offset = [], 0
    for child in paragraph:
        if child.tag == w("r"):
            for part in child:
                if part.tag == w("rPr"):
                    continue
                text = (part.text or "") if part.tag == w("t") else CHARACTERS.get(part.tag, OBJECT)
                pieces.append((child, part, offset, text))
                offset += len(text)
        elif child.tag in WRAPPERS:
            pieces.append((None, child, offset, OBJECT))
            offset += 1
    return pieces


def _text(paragraph: etree._Element) -> str:
    return "".join(text for *_, text in _pieces(paragraph))


def _cut(paragraph: etree._Element, offset: int) -> None:
    """Make `offset` fall between two runs: split the w:t and then the run it falls in."""
    for run, part, start, text in _pieces(paragraph):
        if start < offset < start + len(text):
            rest = element("t")
            rest.text, part.text = text[offset - start :], text[: offset - start]
            for half in (part, rest):
                half.set(PRESERVE, "preserve")
            part.addnext(rest)
            part = rest
        elif start != offset:
            continue
        content = [e for e in run if e.tag != w("rPr")] if run is not None else [part]
        if content[0] is not part:
            tail = etree.Element(run.tag, dict(run.attrib))
            if run.find(w("rPr")) is not None:
                tail.append(deepcopy(run.find(w("rPr"))))
            tail.extend(content[content.index(part) :])
            run.addnext(tail)
        return


def _runs(paragraph: etree._Element, start: int, end: int) -> list[etree._Element]:
    runs: list[etree._Element] = []
    for run, _, offset, _ in _pieces(paragraph):
        if start <= offset < end:
            if run is None:
                raise WordsNotFound(f"the words overlap an earlier edit: {_text(paragraph)[start:end]}")
            if run not in runs:
                runs.append(run)
    return runs


def _text_format(runs: list[etree._Element]) -> etree._Element | None:
    """The w:rPr new text takes: that of the first run with text among `runs` (Word types in the
    format of the text it replaces, or of the text before the cursor)."""
    for run in runs:
        if run.find(w("t")) is not None:
            return run.find(w("rPr"))
    return None
