"""The check engine: every rule over the sources and over each letter's assembled documents.

`verzamel check` prints what it finds; `verzamel build` runs the same and writes only the letters
without errors. Rules never raise and never print: they return Diagnostic values. Nothing here
imports python-docx or lxml.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from ..assemble import OUTPUTS, assemble
from ..citations.render import DEFAULT_STYLE
from ..diagnostics import Diagnostic, has_errors
from ..lock.store import Store
from ..model import Document, Letter
from ..project import CONFIG_NAME, Project
from ..sources import Sources, select_letters
from . import citations, dates, footnotes, ministerraad, references, send, status, style, woo
from .config import RuleSettings, read_settings
from .headings import HouseStyleLevels, check_document
from .lock import LockState, check_locks
from .regions import ProseRegions
from .templates import check_templates

if TYPE_CHECKING:
    from ..cache.builds import LetterEntry


@dataclass
class LetterCheck:
    letter_id: str
    documents: list[Document] = field(default_factory=list)
    diagnostics: list[Diagnostic] = field(default_factory=list)
    lock: LockState | None = None
    """A sent letter's lock. When its sources moved on, `documents` is empty: the letter is made
    from its locked sources (lock.restore), not from the files as they are now."""
    paths: frozenset[str] = frozenset()
    """The sources its documents were made from."""
    own: list[Diagnostic] = field(default_factory=list)
    """What only this letter's context gives (after the settings), not what its sources give."""
    reused: LetterEntry | None = None
    """Taken from the last build (cache.builds): its inputs are the same and its documents are
    still in place, so it has no documents and needs none."""

    @property
    def from_lock(self) -> bool:
        """Made from its locked sources, not from the files as they are now."""
        return self.lock is not None and bool(self.lock.moved)

    @property
    def failed(self) -> bool:
        return has_errors(self.diagnostics) or not (self.documents or self.from_lock or self.reused)


@dataclass
class CheckRun:
    letters: dict[str, LetterCheck]
    diagnostics: list[Diagnostic]
    """Everything reported, after the settings in verzamel.yaml, sorted by place."""

    @property
    def failed(self) -> bool:
        return has_errors(self.diagnostics)


def unique(diagnostics) -> list[Diagnostic]:
    return sorted(dict.fromkeys(diagnostics), key=Diagnostic.sort_key)


def check_sources(sources: Sources, settings: RuleSettings, regions: ProseRegions):
    """The rules that need no letter: loading problems, footnotes, text rules."""
    found = list(sources.diagnostics) + settings.diagnostics
    for fragment in sources.all_fragments():
        found.extend(footnotes.check_fragment(fragment, sources.registry, sources.unreadable_notes))
    withheld_files = {f.path for f in sources.fragments.values() if not f.public}
    house_style = repr(settings.house_style)
    for path, places in regions.places.items():
        public = path not in withheld_files
        # kept by the file's text and where its prose is in it, which decide its regions
        text = sources.texts[path]
        context = {"regions": regions, "settings": settings}
        found.extend(sources.memo(_text_rules, text, path, places, public, house_style, **context))
    found.extend(woo.check_plain_values(sources))
    cited = citations.index(sources, regions)
    found.extend(citations.check(sources, cited, settings.house_style.get("citations", DEFAULT_STYLE)))
    found.extend(references.check(sources, cited))
    return settings.apply(found)


def _text_rules(text: str, path: str, places, public: bool, house_style: str, *, regions, settings) -> list:
    """The rules over a file's running text (its regions): dates, house style, Woo marks. The
    memo keeps the result by the file's `text`, the `places` of its prose and `house_style` (the
    repr of the settings' house style)."""
    found = []
    for region in regions[path]:
        found.extend(dates.check_text(region))
        found.extend(style.check_text(region, settings.house_style))
        found.extend(woo.check_text(region, public=public))
    return found


def check_letter(
    project: Project,
    sources: Sources,
    letter: Letter,
    regions,
    outputs=OUTPUTS,
    *,
    levels: HouseStyleLevels | None,
    templates=None,
):
    """Assemble a letter's outputs; the diagnostics that only this letter's context can give.

    `levels` gives the heading levels of each reference document (None: a letter made as it was
    sent, which the house style and the send gate do not judge again)."""
    from ..woo.redact import redact

    documents: list[Document] = []
    complete: list[Document] = []
    found: list[Diagnostic] = []
    for output in outputs:
        document, diagnostics = assemble(project, sources, letter, output, templates)
        found.extend(diagnostics)
        if document is None:
            continue
        complete.append(document)
        if levels is not None:
            found.extend(check_document(document, output.reference, levels(output.reference)))
        if not output.withholds:
            found.extend(woo.check_public(document, letter))
        # The public documents are what remains after redaction: a stage of its own.
        documents.append(redact(document) if output.public else document)
    found.extend(woo.check_letter(complete, [d for d in documents if d.public]))
    paths = letter_paths(letter, documents)
    judged = levels is not None
    strict = judged and send.judges(letter, send.MINISTERRAAD_FROM)
    found.extend(ministerraad.check_letter(letter, strict))
    found.extend(status.check_letter(letter))
    if judged and send.judges(letter, send.PLACEHOLDERS_FROM):
        texts = {**project.texts, **sources.texts}
        found.extend(send.check_letter(letter, complete, sources, texts, regions))
    for path in sorted(paths):
        for region in regions.get(path, ()):
            found.extend(dates.check_for_letter(region, letter.datum))
    return documents, paths, found


SHARED_FOLDERS = ("footnotes/", "templates/")


def is_shared(path: str) -> bool:
    """A source every letter depends on: an error in it stops every letter."""
    return path == CONFIG_NAME or path.startswith(SHARED_FOLDERS)


def letter_paths(letter: Letter, documents: list[Document]) -> set[str]:
    """The sources a letter's documents were made from."""
    return {CONFIG_NAME, letter.path}.union(*(d.source_paths for d in documents))


def run_checks(
    project: Project,
    sources: Sources,
    letter_ids: list[str] | None = None,
    outputs=OUTPUTS,
    reuse: Callable[[str], LetterEntry | None] = lambda letter_id: None,
    *,
    as_sent: bool = False,
    templates=None,
):
    """Check the named letters (all when none are named) and the sources they use.

    With no letters named, problems in sources no letter uses are reported too. `reuse` gives a
    letter's entry from the last build when its inputs did not change: then it is not assembled.
    A frozen letter is what was sent, and so is every letter `as_sent` (made again from its lock):
    the send gate and the house style's heading levels do not judge them again (`freeze` takes
    the lock out of `sources`, so the letter it freezes is judged).
    """
    settings = read_settings(project)
    regions = ProseRegions(sources)
    locks, stray = check_locks(Store(project), sources)
    template_problems = check_templates(project, sources.memo)
    general = check_sources(sources, settings, regions) + settings.apply(template_problems + stray)
    levels = HouseStyleLevels(project, sources.memo)
    shared = [d for d in general if is_shared(d.span.path) and d.is_error]
    letters: dict[str, LetterCheck] = {}
    for letter_id in select_letters(sources, letter_ids or []):
        letter = sources.letters.get(letter_id)
        if letter is None:
            path = sources.letter_files[letter_id]
            own = [d for d in general if d.span.path == path]
            letters[letter_id] = LetterCheck(letter_id, [], unique(own + shared))
            continue
        lock = locks.get(letter_id)
        lock_file = {sources.lock_files[letter_id]} if letter_id in sources.lock_files else set()
        if lock is not None and lock.moved:
            # Sent with other versions of its sources: only what the manifest says now is checked.
            own = ministerraad.check_letter(letter) + status.check_letter(letter) + lock.diagnostics
            paths = {letter.path} | lock_file
            relevant = [d for d in general if d.span.path in paths] + shared + settings.apply(own)
            letters[letter_id] = LetterCheck(letter_id, [], unique(relevant), lock)
            continue
        entry = reuse(letter_id)
        if entry is not None:
            documents, paths, own = [], entry.paths, entry.own
        else:
            judged = None if as_sent or lock is not None else levels
            documents, paths, own = check_letter(
                project, sources, letter, regions, outputs, levels=judged, templates=templates
            )
            own = settings.apply(own)
        paths = frozenset(paths | lock_file)
        relevant = [d for d in general if d.span.path in paths] + shared + own
        letters[letter_id] = LetterCheck(letter_id, documents, unique(relevant), lock, paths, own, entry)
    reported = [d for check in letters.values() for d in check.diagnostics]
    if not letter_ids:
        reported.extend(general)
    return CheckRun(letters, unique(reported))
