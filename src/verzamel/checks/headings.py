"""Heading levels: a heading comes out only at a level the house style has (MD004), and skips
none (ACC002), as it comes out in the document: one walk over its headings serves both.

A fragment's `#` levels become Word's `Heading N` styles (assemble/fragments.py: under the fragment's title,
or as written when it is inserted without one). The levels the house style has are read from the
reference document: the heading styles it defines and shows. The shipped ones define Heading 1-9
in the house font but show Heading 1-3 only (Word keeps the others hidden until used), so a
deeper heading would come out in a style the house style does not offer; in every status, it is
an error at the heading's line with the levels there are. The reference is read with zip and a
scan of its styles part, never python-docx.
"""

from __future__ import annotations

import re

from ..diagnostics import Diagnostic, report
from ..messages import t
from ..model import Heading, iter_blocks
from ..model.text import inline_text

STYLES_ROOT = re.compile(rb"<(\w+:)?styles\b")
ELEMENT_VAL = {
    "name": re.compile(rb"<(?:\w+:)?name\b[^>]*?\bval=([\"'])(.*?)\1"),
    "type": re.compile(rb"^[^>]*?\btype=([\"'])(.*?)\1"),
    "semiHidden": re.compile(rb"<(?:\w+:)?semiHidden\b(?:[^>]*?\bval=([\"'])(.*?)\1)?"),
}
"""In a style element (after its `<w:style`): its name, its type, and whether (and how) it is hidden."""
STYLES_PART = "word/styles.xml"
MAX_STYLES_SIZE = 32 * 1024 * 1024
"""A styles part larger than this is not read (the house style's is 350 KB)."""
HEADING_STYLE = re.compile(r"heading ([1-9])")
OFF = (b"0", b"false", b"off")


def heading_levels(data: bytes) -> tuple[int, ...] | None:
    """The heading levels a reference document's house style has: the `heading N` paragraph styles
    it defines and does not hide. None when its styles cannot be read (TPL003 says why)."""
    import zipfile  # only when the reference changed (the memo keeps the rest)
    import zlib

    from ..archive import ArchiveRefused, open_zip, read_part

    try:
        package = open_zip(data)
        if package.getinfo(STYLES_PART).file_size > MAX_STYLES_SIZE:
            return None
        styles = read_part(package, STYLES_PART)
    except (
        ArchiveRefused,
        zipfile.BadZipFile,
        KeyError,
        OSError,
        EOFError,
        RuntimeError,
        NotImplementedError,
        zlib.error,
    ):
        return None
    root = STYLES_ROOT.search(styles)
    if root is None:
        return None
    prefix = root[1] or b""
    # A scan, not a tree: styles.xml is large (350 KB), and well-formed when it is used (TPL003).
    elements = re.split(rb"<" + re.escape(prefix) + rb"style\b", styles[root.end() :])
    end = b"</" + prefix + b"style>"
    levels = {_shown_heading(e.split(end, 1)[0]) for e in elements if b"eading" in e}
    return tuple(sorted(levels - {None}))


def _shown_heading(style: bytes) -> int | None:
    """The level of a `heading N` paragraph style that is not hidden (`style`: the element after
    its `<w:style`), else None."""
    name, kind, hidden = (ELEMENT_VAL[tag].search(style) for tag in ("name", "type", "semiHidden"))
    match = HEADING_STYLE.fullmatch(name[2].decode("utf-8", "replace").strip().lower()) if name else None
    if match is None or kind is None or kind[2] != b"paragraph":
        return None
    return int(match[1]) if hidden is None or (hidden[2] or b"1").lower() in OFF else None


class HouseStyleLevels:
    """The heading levels of each reference document of a dossier, read once per run (`memo`
    keeps them by the document's bytes between runs)."""

    def __init__(self, project, memo):
        self.project = project
        self.memo = memo
        self.known: dict[str, tuple[int, ...] | None] = {}

    def __call__(self, reference: str) -> tuple[int, ...] | None:
        if reference not in self.known:
            try:
                data = self.project.find_template(reference).read_bytes()
            except OSError:  # no such reference: assembling the letter says so
                self.known[reference] = None
            else:
                self.known[reference] = self.memo(heading_levels, data)
        return self.known[reference]


def check_document(document, reference: str, levels: tuple[int, ...] | None) -> list[Diagnostic]:
    """At each heading of a source (a fragment, a manifest's prose) in `document`: MD004 when its
    reference document `reference` has no style for the level it comes out at, else ACC002 when
    it comes more than one level below the heading before it (the first: below level 1). Headings
    the template writes are the template's own, but count as the heading before."""
    found = []
    previous = 0
    for heading in iter_blocks(document.blocks):
        if not isinstance(heading, Heading):
            continue
        span = heading.span
        if span is not None and not span.path.startswith("<"):
            if levels is not None and heading.level not in levels:
                found.append(_outside_house_style(heading, reference, levels))
            elif heading.level > previous + 1:
                found.append(_skipped(heading, previous, f"{document.kind}.docx"))
        previous = heading.level
    return found


def _outside_house_style(heading: Heading, reference: str, levels: tuple[int, ...]) -> Diagnostic:
    if levels:
        shown = ", ".join(str(level) for level in levels)
        message = t(
            "markdown.heading_outside_house_style", level=heading.level, reference=reference, levels=shown
        )
    else:
        message = t("markdown.no_headings_in_house_style", level=heading.level, reference=reference)
    hint = t("markdown.heading_outside_house_style_hint", level=heading.level, reference=reference)
    return report("MD004", heading.span, message, hint)


def _skipped(heading: Heading, previous: int, document: str) -> Diagnostic:
    text = inline_text(heading.inlines)
    wanted = previous + 1
    if previous:
        message = t(
            "a11y.heading_skipped",
            text=text,
            level=heading.level,
            document=document,
            previous=previous,
            missing=wanted,
        )
    else:
        message = t("a11y.heading_first_skipped", text=text, level=heading.level, document=document)
    hint = t("a11y.heading_skipped_hint", wanted=wanted, fewer=heading.level - wanted)
    return report("ACC002", heading.span, message, hint)
