"""Two revisions' documents compared: what changed in each, and who made the newer one.

The revisions themselves are assembled by the pipeline (`pipeline.review`, `verzamel diff`).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from ..model import Document
from .changes import Change, footnote_changes, paragraph_changes
from .compare import Merged, compare, empty_like
from .revisions import Revision


@dataclass(frozen=True)
class Stamp:
    """Who made a revision and when: the author and date of a redline's tracked changes."""

    author: str
    when: datetime


@dataclass
class DocumentDiff:
    letter_id: str
    kind: str
    status: str
    """unchanged, changed, added (the letter is new) or removed (the letter is gone)."""
    changes: list[Change] = field(default_factory=list)
    merged: Merged | None = None

    def as_json(self) -> dict:
        return {
            "letter": self.letter_id,
            "document": self.kind,
            "status": self.status,
            "changes": [change.as_json() for change in self.changes],
        }


def stamp_of(revision: Revision, document: Document) -> Stamp:
    """A commit's author and commit date; for the working tree the ministry and the letter's date."""
    if revision.author is not None and revision.when is not None:
        return Stamp(revision.author, revision.when)
    created = document.created
    return Stamp(document.author, datetime(created.year, created.month, created.day))


def compare_documents(old: Document | None, new: Document | None) -> DocumentDiff:
    some = new or old
    assert some is not None
    status = "changed" if old and new else ("added" if new else "removed")
    merged = compare(old or empty_like(some), new or empty_like(some))
    changes = paragraph_changes(merged) + footnote_changes(merged)
    if status == "changed" and not changes:
        status = "unchanged"
    return DocumentDiff(some.letter_id, some.kind, status, changes, merged)
