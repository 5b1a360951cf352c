"""Reading a source file safely: what may be read, how its bytes become text, which characters
Word cannot hold.

Every source (verzamel.yaml, manifests, fragments, the registry, templates) comes in through
`read_source`, so each check below holds for all of them:

- only plain files inside the dossier are read: a folder, a pipe, a broken or looping link, a
  link to a file outside the dossier, a file larger than MAX_FILE_BYTES or a file name that is
  not UTF-8 is reported (SRC002) and never opened;
- the bytes must be UTF-8 (SRC001 names the line and column of the first byte that is not);
  a byte-order mark at the start is dropped, and CRLF or CR line ends read as LF;
- characters Word cannot hold are reported where they stand (TXT001: control characters,
  noncharacters, the private-use characters verzamel uses as its own markers), and a vertical
  tab or form feed from pasted text is read as a space with a warning (TXT002).

The text the parsers see has exactly the lines and columns of the file, so every position in a
diagnostic points into the file as the user's editor shows it. The file's own bytes are kept
too: `check --fix` edits those, so line ends and everything else it does not mean to change stay.
"""

from __future__ import annotations

import os
import re
import stat
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from pathlib import Path

from ..diagnostics import Diagnostic, Fix, report
from ..messages import printable, t
from ..model import SourceSpan

MAX_FILE_BYTES = 2_000_000
"""No source file comes near this (the largest fragment of the example is 4 KB)."""

MARKERS = "\ue000\ue001\ue002\ue003"
"""Private-use characters verzamel puts in rendered template text; a source may not contain them."""

_ESCAPE_SEQUENCE = r"\x1b(?:\[[0-9;?]*[ -/]*[@-~]|[@-Z\\-_])?"
_REFUSED = re.compile(
    _ESCAPE_SEQUENCE + r"|[\x00-\x08\x0e-\x1a\x1c-\x1f\x7f-\x9f\ufffe\uffff\ud800-\udfff" + MARKERS + "]"
)
_SPACED = re.compile(r"[\x0b\x0c]")
_UNSAFE = re.compile(f"{_REFUSED.pattern}|{_SPACED.pattern}")
_SUSPECT = re.compile(r"[\x00-\x08\x0b-\x0c\x0e-\x1f\x7f-\x9f\ufffe\uffff\ud800-\udfff" + MARKERS + "]")
"""Any character that _REFUSED or _SPACED could match starts with one of these: one quick search
tells a clean file (nearly every one) from one that needs the line-by-line look."""
_LINE_END = re.compile(r"\r\n|\r")


@dataclass
class SourceText:
    """A source file's text as verzamel reads it, and the file exactly as it is on disk."""

    text: str
    raw: str
    diagnostics: list[Diagnostic] = field(default_factory=list)

    @property
    def bom(self) -> bool:
        return self.raw.startswith("\ufeff")


def display_name(path: str) -> str:
    """A path as it can be printed and put in JSON: bytes that are not UTF-8 shown as U+FFFD."""
    return printable(path)


def refuse_path(path: Path, root: Path, rel: str) -> Diagnostic | None:
    """Why `path` may not be read as a source (SRC002), or None when it is a plain file in the dossier."""

    def refused(message: str, hint: str) -> Diagnostic:
        return report("SRC002", SourceSpan(display_name(rel)), message, hint)

    if display_name(rel) != rel:
        return refused(t("reading.file_name_not_utf"), t("reading.rename_file"))
    try:
        info = os.lstat(path)  # the link itself: most sources are none, and need no second look
    except OSError as exc:
        return refused(t("reading.cannot_read", strerror=exc.strerror), t("reading.check_file_exists"))
    link = stat.S_ISLNK(info.st_mode)
    if link:
        try:
            info = os.stat(path)
        except OSError:
            return refused(t("reading.link_file_that_does"), t("reading.remove_link"))
    if not stat.S_ISREG(info.st_mode):
        return refused(t("reading.not_plain_file_folder"), t("reading.move_it_away"))
    if link and not path.resolve().is_relative_to(root.resolve()):
        return refused(t("reading.link_file_outside_dossier"), t("reading.copy_into_dossier"))
    if info.st_size > MAX_FILE_BYTES:
        return refused(
            t("reading.file_bytes_source_may", size=info.st_size, limit=MAX_FILE_BYTES),
            t("reading.split_it"),
        )
    return None


def read_source(path: Path, rel: str) -> SourceText | Diagnostic:
    """The text of a file already accepted by `refuse_path`, or why it cannot be read."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        return report(
            "SRC002", SourceSpan(display_name(rel)), t("reading.cannot_read", strerror=exc.strerror)
        )
    return decode_source(data, rel)


def decode_source(data: bytes, rel: str) -> SourceText | Diagnostic:
    try:
        raw = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line_start = data.rfind(b"\n", 0, exc.start) + 1
        line = data.count(b"\n", 0, exc.start) + 1
        column = len(data[line_start : exc.start].decode("utf-8", "replace")) + 1
        return report(
            "SRC001",
            SourceSpan(rel, line, column),
            t("reading.not_utf_8_text", byte=data[exc.start]),
            t("reading.save_file_as_utf"),
        )
    text = raw[1:] if raw.startswith("\ufeff") else raw
    text = _LINE_END.sub("\n", text)
    source = SourceText(text, raw)
    source.text = _characters(source, rel)
    return source


def _characters(source: SourceText, rel: str) -> str:
    """The text with refused and spaced characters replaced (one for one, so every position
    stays), reporting each where it stands; character references that write one (`&#12;`) too."""
    text = source.text
    suspect, referenced = _SUSPECT.search(text), "&#" in text
    if not suspect and not referenced:
        return text
    lines = text.split("\n")
    for number, line in enumerate(lines, start=1):
        for match in _UNSAFE.finditer(line) if suspect else ():
            span = SourceSpan(rel, number, match.start() + 1, number, match.end() + 1)
            fix = Fix(span, fix_text(match[0]))
            source.diagnostics.append(character_diagnostic(match[0], span, fix))
        for match, char in unsafe_references(line) if referenced else ():
            span = SourceSpan(rel, number, match.start() + 1, number, match.end() + 1)
            fix = Fix(span, fix_text(char), expected=match[0])
            source.diagnostics.append(character_diagnostic(char, span, fix, written=match[0]))
    return "\n".join(replace_references(replace_unsafe(line)) for line in lines)


_REFERENCE = re.compile(r"&#(?:([0-9]{1,7})|[xX]([0-9a-fA-F]{1,6}));")
"""A numeric character reference as Markdown reads it: `&#12;` or `&#xC;` is a form feed."""


def _referenced(match: re.Match) -> str | None:
    """The character a reference writes when Markdown reads it as one a document cannot hold as it
    is (a form feed, one of verzamel's markers); None for any other."""
    from markdown_it.common.utils import isValidEntityCode  # what Markdown decodes, and what not

    code = int(match[1], 10) if match[1] else int(match[2], 16)
    return chr(code) if isValidEntityCode(code) and _UNSAFE.fullmatch(chr(code)) else None


def unsafe_references(text: str) -> list[tuple[re.Match, str]]:
    """The character references in `text` that write a character a document cannot hold as it is."""
    found = ((match, _referenced(match)) for match in _REFERENCE.finditer(text))
    return [(match, char) for match, char in found if char is not None]


def replace_references(line: str) -> str:
    """`line` with each reference `_referenced` finds rewritten as a reference, in as many characters,
    to what is read in its place (a space, U+FFFD), so every position stays."""

    def instead(match: re.Match) -> str:
        char = _referenced(match)
        if char is None:
            return match[0]
        code = str(ord(replace_unsafe(char)))  # 32 or 65533: '&#12;' is 5 long, '&#xE000;' 8
        return f"&#{code.zfill(len(match[0]) - 3)};"

    return _REFERENCE.sub(instead, line) if "&#" in line else line


def fix_text(found: str) -> str | None:
    """What `--fix` writes in place of a character (or of what wrote it): a space for a spaced one,
    nothing for a refused one; None for half of a character (removing it is no fix)."""
    if "\ud800" <= found[:1] <= "\udfff":
        return None
    return " " if _SPACED.fullmatch(found) else ""


def unsafe_characters(text: str) -> list[str]:
    """Each character (or terminal code) in `text` that a document may not hold as it is, in order:
    what `character_diagnostic` reports. Empty for nearly all text, after one quick search."""
    return [match[0] for match in _UNSAFE.finditer(text)] if _SUSPECT.search(text) else []


def replace_unsafe(text: str) -> str:
    """`text` with each refused character as U+FFFD and each spaced one as a space, one for one."""
    if not _SUSPECT.search(text):
        return text
    return _SPACED.sub(" ", _REFUSED.sub(lambda m: "\ufffd" * len(m[0]), text))


def character_diagnostic(
    found: str, span: SourceSpan, fix: Fix | None, written: str | None = None
) -> Diagnostic:
    """TXT001 for a character (or terminal code) Word cannot hold, TXT002 for a vertical tab or
    form feed (read as a space); `written` is the escape or reference that wrote it, if one did."""
    no_fix = t("reading.remove_what_writes_it")  # an escape that writes an escape: a person looks
    if _SPACED.fullmatch(found):
        name = t("reading.vertical_tab") if found == "\x0b" else t("reading.form_feed")
        message = (
            t("reading.writes_space", written=written, name=name)
            if written
            else t("reading.left_over_from_copied", name=name)
        )
        return report("TXT002", span, message, t("reading.fix_writes_space_place") if fix else no_fix, fix)
    hint = t("reading.fix_removes_if_character") if fix else no_fix
    if found.startswith("\x1b") and len(found) > 1:
        what = t("reading.escape_sequence")
    elif found in MARKERS:
        what = t("reading.private_use", code=ord(found))
    elif "\x80" <= found <= "\x9f":
        what = t("reading.c1_control", code=ord(found))
    elif "\ud800" <= found <= "\udfff":  # only an escape (YAML's "\ud83d") writes one
        what, hint = t("reading.surrogate", code=ord(found)), t("reading.write_character")
    else:
        what = t("reading.control", code=ord(found))
    return report(
        "TXT001", span, t("reading.writes", written=written, what=what) if written else what, hint, fix
    )


def raw_offset(source: SourceText, line: int, column: int) -> int:
    """The offset in the file's own text of (line, column) in the text as read."""
    pieces = re.split(r"(\r\n|\r|\n)", source.raw[1:] if source.bom else source.raw)
    offset = 1 if source.bom else 0
    for index in range(line - 1):
        offset += len(pieces[2 * index]) + len(pieces[2 * index + 1])
    return offset + column - 1


def as_written(source: SourceText, text: str) -> bytes:
    """`text`, a new text of `source` as read, as the file is written: its byte-order mark kept,
    and each line end as the file has it (a line that stays keeps its own, a changed one takes
    that of the line it replaces, a new one the file's first)."""
    pieces = re.split(r"(\r\n|\r|\n)", source.raw[1:] if source.bom else source.raw)
    old, ends, new = pieces[0::2], pieces[1::2], text.split("\n")
    first = ends[0] if ends else "\n"
    out = ["\ufeff"] if source.bom else []
    for tag, i1, i2, j1, j2 in SequenceMatcher(
        None, source.text.split("\n"), new, autojunk=False
    ).get_opcodes():
        for k, j in enumerate(range(j1, j2)):
            i = i1 + k if tag == "equal" else min(i1 + k, max(i2 - 1, i1))
            out.append(old[i] if tag == "equal" else new[j])
            if j < len(new) - 1:
                out.append(ends[i] if i < len(ends) else first)
    return "".join(out).encode("utf-8")


def list_sources(folder: Path, suffix: str, recursive: bool) -> tuple[list[Path], list[Path]]:
    """The files in `folder` whose name ends in `suffix`, sorted, and the folders named like one.

    Hidden files and folders (a name that starts with '.', such as an editor's lock file) are not
    sources. Links to folders are not followed, so a loop of links cannot trap the walk.
    """
    if not folder.is_dir():
        return [], []
    files: list[str] = []
    folders: list[str] = []
    for current, dirs, names in os.walk(folder, followlinks=False):
        for name in names:  # not folders (a link to a file is here, a link to a folder is not)
            if not name.startswith(".") and name.endswith(suffix):
                files.append(os.path.join(current, name))
        for name in dirs:  # a link to a folder is read, and refused, as a file
            if not name.startswith(".") and name.endswith(suffix):
                path = os.path.join(current, name)
                (files if os.path.islink(path) else folders).append(path)
        dirs[:] = sorted(d for d in dirs if not d.startswith(".")) if recursive else []
    return _sorted_paths(files), _sorted_paths(folders)


def _sorted_paths(paths: list[str]) -> list[Path]:
    """In the order of Path objects (folder by folder), sorted as strings: far quicker."""
    return [Path(path) for path in sorted(paths, key=lambda path: path.split(os.sep))]
