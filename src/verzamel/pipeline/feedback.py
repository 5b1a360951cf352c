"""`verzamel feedback`: what reviewers did in Word, brought back to the source lines.

Read each reviewed .docx (feedback/reviewed.py), trace its paragraphs to where their text is
written now (feedback/trace.py), place every comment and tracked change at its file:line:column,
and with `apply` write the changes into the sources (feedback/apply.py): all files together or
none, never a commit, so that the officer reviews them with `git diff` or `verzamel diff`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from ..diagnostics import Diagnostic, report
from ..feedback.apply import NotApplied, apply_changes, place_built
from ..feedback.reviewed import NOTE, Change, Comment, NotReadable, Reviewed, read_reviewed
from ..feedback.trace import Traced, trace
from ..messages import t, tn, visible
from ..model import SourceSpan
from ..project import Project
from ..sources import Sources, load_sources
from ..sources.reading import as_written
from ..write import write_all_atomic

RULE_OF = {
    "conflict": "FEEDBACK001",
    "ambiguous": "FEEDBACK001",
    "markup": "FEEDBACK002",
    "structure": "FEEDBACK002",
    "move": "FEEDBACK002",
    "woo": "FEEDBACK002",
    "template": "FEEDBACK003",
    "value": "FEEDBACK003",
    "citation": "FEEDBACK003",
    "unmarked": "FEEDBACK003",
    "gone": "FEEDBACK004",
}


@dataclass
class Remark:
    """A comment, or a tracked change, at the place in the sources it is about."""

    span: SourceSpan
    author: str
    date: str
    comment: Comment | None = None
    change: Change | None = None
    replies: list[Comment] = field(default_factory=list)
    applied: bool = False


@dataclass
class Feedback:
    files: list[str] = field(default_factory=list)
    remarks: list[Remark] = field(default_factory=list)
    diagnostics: list[Diagnostic] = field(default_factory=list)
    written: list[str] = field(default_factory=list)
    reaches: dict[str, list[str]] = field(default_factory=dict)
    """For each fragment file written: the other letters that use it."""


def feedback(project: Project, files: list[Path], apply: bool = False) -> Feedback:
    """Raises NotReadable for a file that cannot be read as a reviewed document of this dossier."""
    sources = load_sources(project)
    result = Feedback()
    traced_all: list[Traced] = []
    letters: set[str] = set()
    for path in _once(files):
        reviewed = _read(path, sources)
        letters.add(reviewed.letter)
        traced = trace(reviewed, sources, project)
        traced_all += traced
        result.files.append(str(path))
        result.remarks += _comments(reviewed, traced)
    written = apply_changes(project, sources, traced_all)
    for _, change, span in written.applied:
        result.remarks.append(Remark(span, change.author, change.date, change=change, applied=apply))
    for refused in written.not_applied:
        result.remarks += _not_made(refused)
        result.diagnostics.append(_not_applied(refused))
    result.remarks.sort(key=lambda r: (r.span, r.comment is None))
    if apply and written.texts:
        write_all_atomic(  # into the file a link names (the sources read only links in the dossier)
            [
                ((project.root / path).resolve(), as_written(sources.files[path], text))
                for path, text in sorted(written.texts.items())
            ],
            keep_mode=True,
        )
        result.written = sorted(written.texts)
        result.reaches = _reaches(sources, result.written, letters)
    return result


def _once(files: list[Path]) -> list[Path]:
    """Each file once, in the order given: one named twice (or by two paths) is read once."""
    first: dict[Path, Path] = {}
    for path in files:
        first.setdefault(path.resolve(), path)
    return list(first.values())


def _read(path: Path, sources: Sources) -> Reviewed:
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise NotReadable(t("feedback.cannot_read", file=path, error=exc.strerror or exc)) from None
    reviewed = read_reviewed(data)
    if reviewed.letter not in sources.letters:
        raise NotReadable(t("feedback.other_dossier", file=path, letter=reviewed.letter or "?"))
    return reviewed


def _comments(reviewed: Reviewed, traced: list[Traced]) -> list[Remark]:
    """Each comment that starts a thread at its place, with its replies (`traced`: one for each
    paragraph of `reviewed`, in order)."""
    remarks: dict[str, Remark] = {}
    for comment in reviewed.comments:
        if comment.parent is not None:
            continue
        item = traced[comment.paragraph] if comment.paragraph is not None else None
        remarks[comment.id] = Remark(_where(item, comment), comment.author, comment.date, comment=comment)
    for comment in reviewed.comments:
        if comment.parent in remarks:
            remarks[comment.parent].replies.append(comment)
    return list(remarks.values())


def _where(item: Traced | None, comment: Comment) -> SourceSpan:
    if item is None:
        return SourceSpan("?")
    if item.kind != "source":
        return item.span or SourceSpan(item.path or "?")
    return place_built(item, comment.start)


def _not_made(refused: NotApplied) -> list[Remark]:
    """The change refused, and the others of its paragraph held back with it, each at its place."""
    item, change = refused.traced, refused.change
    others = [c for c in item.paragraph.changes if c is not change] if item.kind == "source" else []
    return [  # (a paragraph not from a source has each of its changes refused on its own)
        Remark(refused.span, change.author, change.date, change=change),
        *(Remark(place_built(item, c.start), c.author, c.date, change=c) for c in others),
    ]


def _not_applied(refused: NotApplied) -> Diagnostic:
    change = refused.change
    what = change_words(change)
    hint = t(f"feedback.hint_{refused.reason}", path=refused.span.path)
    if refused.others:
        hint += "; " + tn("feedback.others_kept", refused.others)
    return report(
        RULE_OF[refused.reason],
        refused.span,
        t(f"feedback.not_applied_{refused.reason}", what=what, path=refused.span.path),
        hint,
    )


def change_words(change: Change) -> str:
    """„old” → „new”, „old” geschrapt or „new” ingevoegd (a stretch too long to show in full shortened)."""
    kind = "" if change.deleted and change.inserted else ("_deleted" if change.deleted else "_inserted")
    return t(
        f"feedback.change{kind}", deleted=shown_words(change.deleted), inserted=shown_words(change.inserted)
    )


def shown_words(words: str, most: int = 120) -> str:
    """Words of the document as a line shows them: on one line, a footnote reference as `*`, a
    character that would act on the terminal by its code, spaces alone (a tab inserted) by theirs,
    and a long stretch shortened in its middle."""
    if words and not words.strip():
        return "".join(f"U+{ord(c):04X}" if c != " " else c for c in words)
    words = " ".join(visible(words.replace(NOTE, "*")).split())
    return words if len(words) <= most else f"{words[: most // 2 - 1]} … {words[-(most // 2 - 1) :]}"


def _reaches(sources: Sources, written: list[str], letters: set[str]) -> dict[str, list[str]]:
    """The letters, other than those reviewed and those frozen (made from their lock), whose
    documents use text of each written file."""
    from ..model import NoteRef, iter_inlines

    reaches = {}
    for path in written:
        labels = {label for label, note in sources.registry.items() if note.span.path == path}
        fragments = {f.id for f in sources.fragments.values() if f.path == path}
        users = []
        for letter in sources.letters.values():
            uses = letter.fragment_uses
            used = [sources.fragments[u.id] for u in uses if u.id in sources.fragments]
            cited = {
                i.label.lstrip("@") for f in used for i in iter_inlines(f.blocks) if isinstance(i, NoteRef)
            }
            if letter.id not in letters | set(sources.locks) and (
                fragments & {u.id for u in uses} or labels & cited
            ):
                users.append(letter.id)
        if users:
            reaches[path] = sorted(users)
    return reaches
