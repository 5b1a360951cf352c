"""`verzamel build`: the whole pipeline, then render and write the letters that passed.

The build cache wraps the stages: a build with nothing changed since the last is answered from it
before anything heavy is imported (the checks, the assembler and the writers load only when there
is work for them), and a letter whose inputs are the same is neither made nor written again.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING

from .. import collector
from ..diagnostics import Diagnostic, has_errors, report
from ..messages import t
from ..model import SourceSpan
from ..project import Project
from .render import document_files, publication_record, record_settings

if TYPE_CHECKING:
    from .run import LetterRun


@dataclass
class LetterResult:
    letter_id: str
    written: list[Path] = field(default_factory=list)
    failed: bool = False
    as_sent: bool = False
    """A sent letter, made from its lock: the same bytes as when it was frozen."""
    withheld: dict[str, tuple[list[str], bool]] = field(default_factory=dict)
    """Per document written that withholds something: the Woo grounds, and whether it is public
    (redaction marks) or internal (the withheld text marked)."""
    unchanged: list[Path] = field(default_factory=list)
    """Documents already in place as this build would write them: not written again."""
    problems: list[Diagnostic] = field(default_factory=list)
    """Why its documents could not be made or written, when that is why it failed."""


@dataclass
class BuildResult:
    letters: list[LetterResult] = field(default_factory=list)
    diagnostics: list[Diagnostic] = field(default_factory=list)

    @property
    def failed(self) -> bool:
        return has_errors(self.diagnostics)

    def as_replayed(self) -> BuildResult:
        """This build as a later one with the same inputs reports it: every document in place."""
        return BuildResult(
            [replace(one, written=[], unchanged=one.written + one.unchanged) for one in self.letters],
            self.diagnostics,
        )


def build(
    project: Project,
    letter_ids: list[str],
    out_dir: Path,
    on_checked: Callable[[list[Diagnostic]], None] = lambda diagnostics: None,
    on_written: Callable[[Path], None] = lambda path: None,
    formats: tuple[str, ...] = ("docx",),
    on_letter: Callable[[str, int, int], None] = lambda letter_id, position, total: None,
    force: bool = False,
    jobs: int = 1,
) -> BuildResult:
    """Check, then write the documents of every letter without errors, in each of `formats`.

    A sent letter with a lock is made from its locked sources and written only when it gives the
    recorded bytes. `on_checked` gets the diagnostics once the checks are done, before anything is
    written (and later any problem found while writing); `on_letter` gets each letter as it is made
    (id, how many were made before it, how many will be), `on_written` each file once in place.
    What the last build made and still stands is not made again (cache.builds) unless `force`;
    letters are made on `jobs` processes, with the same files and reports as on one."""
    from ..cache.builds import BuildCache
    from ..cache.memo import Memo

    cache = BuildCache(project, out_dir, formats, letter_ids, force)
    replayed = cache.unchanged()
    if replayed is not None:
        on_checked(replayed.diagnostics)
        return replayed
    from ..sources import load_sources
    from ..templating import Templates
    from .run import run

    templates = Templates(project, compiled_in=cache.folder)  # compiled templates kept for the next build
    try:
        with collector.paused():
            memo = Memo(cache.folder)
            sources = load_sources(project, memo)
            checked = run(project, sources, letter_ids, reuse=cache.reusable, templates=templates)
        with collector.set_aside():
            on_checked(checked.diagnostics)
            events = Events(on_checked, on_written, on_letter)
            result = _make_letters(project, checked, sources, out_dir, formats, cache, jobs, events)
    finally:
        templates.keep()
    memo.save()
    troubled = any(letter.problems for letter in result.letters)  # not made (LOCK003, WOO008) or written
    cache.save(result.as_replayed(), not troubled, _in_git(checked))
    return result


def _in_git(checked) -> tuple[frozenset[str], frozenset[str]]:
    """The locked versions of the sent letters' moved sources, and those git's object store
    holds: what the report depends on besides the input files (cache.builds.Record.in_git)."""
    states = [c.lock for c in checked.letters.values() if c.lock is not None]
    moved = {state.lock.sources[name] for state in states for name in state.moved}
    lost = {state.lock.sources[name] for state in states for name in state.missing}
    return frozenset(moved), frozenset(moved - lost)


@dataclass
class Events:
    """What build tells its caller as it goes."""

    checked: Callable[[list[Diagnostic]], None]
    written: Callable[[Path], None]
    letter: Callable[[str, int, int], None]


def _make_letters(project, checked, sources, out_dir: Path, formats, cache, jobs, events) -> BuildResult:
    """Render and put in place the letters that passed their checks and changed since the last
    build, in the order of the letters however many processes make them."""
    from ..jobs import map_in_order

    result = BuildResult(diagnostics=checked.diagnostics)
    around = record_settings(project, formats)  # what a sent letter's record reads besides its lock
    sent_keys = {i: cache.sent_key(c.lock.lock, around) for i, c in checked.letters.items() if c.from_lock}
    for letter_id, key in sent_keys.items():  # made from its lock: kept while the lock is the same
        if not checked.letters[letter_id].failed:
            checked.letters[letter_id].reused = cache.reusable(letter_id, key)
    to_make = [c for c in checked.letters.values() if not (c.failed or c.reused)]
    references = None
    if to_make and {"docx", "pdf"} & set(formats):
        from ..render.docx.reference import References
        from .render import prepare

        references = References(cache.folder)  # kept there for the next build
        prepare(project, references)  # before workers are forked: they inherit it
    letter_spans = {i: SourceSpan(path) for i, path in sources.letter_files.items()}
    kept = {c.letter_id: cache.kept_documents(c.letter_id, c.documents, c.lock is not None) for c in to_make}
    made = map_in_order(
        lambda c: _made(project, c, formats, letter_spans[c.letter_id], kept[c.letter_id], references),
        to_make,
        jobs,
    )
    position = {check.letter_id: n for n, check in enumerate(to_make)}
    try:
        for letter_id, check in checked.letters.items():
            outcome = LetterResult(letter_id, failed=check.failed, as_sent=check.lock is not None)
            result.letters.append(outcome)
            if check.failed:
                continue
            if check.reused is not None:
                outcome.unchanged = [out_dir / name for name in check.reused.outputs]
                outcome.withheld = check.reused.withheld
                cache.remember(letter_id, check.reused)
                continue
            events.letter(letter_id, position[letter_id], len(to_make))
            span, key = letter_spans[letter_id], sent_keys.get(letter_id)
            if _put(check, next(made), kept[letter_id], out_dir, cache, outcome, span, key):
                for path in outcome.written:
                    events.written(path)
            else:
                result.diagnostics.extend(outcome.problems)
                events.checked(outcome.problems)
    finally:
        made.close()  # the workers stop here, not whenever the garbage is collected
        if references is not None:
            references.keep()
    return result


def _entry(check: LetterRun, cache, sent_key: str | None):
    """How the build cache will know the letter again (without its files and what it withholds):
    a letter made from its lock by its `sent_key`, any other by its sources and its documents."""
    from ..cache.builds import LetterEntry

    if check.from_lock:
        return cache.sent_entry(check.lock.lock, sent_key)
    keys = {document.kind: cache.document_key(document) for document in check.documents}
    return LetterEntry(cache.key(check.paths), check.paths, check.own, documents=keys)


def _put(
    check: LetterRun, made, kept: set[str], out_dir: Path, cache, outcome, letter: SourceSpan, sent_key=None
) -> bool:
    """Put what changed of a letter's documents in place (those of `kept` are, as the last build
    left them) and remember them for the next build (one made from its lock by its `sent_key`);
    False (with `outcome.problems`) if they could not be made or written."""
    from ..cache.builds import document_kind

    withheld, files, problems = made
    rendered = [(out_dir / check.letter_id / name, data) for name, data in files]
    changed = [(path, data) for path, data in rendered if not cache.kept(path, data, check.letter_id)]
    if not problems:
        problem = _write(changed, out_dir, letter)
        problems = [problem] if problem else []
    if problems:
        outcome.failed = True
        outcome.problems = problems
        return False
    last = cache.last.letters.get(check.letter_id) if kept else None
    kept_files = [out_dir / name for kind in kept for name in last.files_of(kind)] if last else []
    if last:  # in the order of the documents, as a build that made them all says it
        both = withheld | {name: v for name, v in last.withheld.items() if document_kind(name) in kept}
        withheld = {n: both[n] for d in check.documents for n in both if document_kind(n) == d.kind}
    outcome.withheld = withheld
    outcome.written = [path for path, _ in changed]
    outcome.unchanged = [path for path, _ in rendered if path not in outcome.written] + kept_files
    entry = _entry(check, cache, sent_key)
    entry.withheld = withheld
    cache.remember(check.letter_id, entry, rendered, kept)
    return True


def _made(
    project: Project, check: LetterRun, formats: tuple[str, ...], letter: SourceSpan, kept=(), references=None
):
    """A letter's files (its publication record among them), what they withhold, and why they
    cannot be made if they cannot; a sent one from its lock, and only with its recorded bytes (its
    .docx files are made to compare, asked for or not). The documents of `kept` are in place
    already and not made, but the record describes them. Runs in a worker process when the build
    has more than one job."""
    from ..render import GENERATION
    from ..render.pdf import PdfFailed
    from ..sources.lockfile import differs_from_lock
    from ..woo.guard import guard
    from ..woo.passages import grounds_withheld

    needed = formats if check.lock is None else tuple(dict.fromkeys(("docx", *formats)))
    try:
        if check.from_lock:
            from .sent import remake

            remade = remake(project, check.lock, formats=needed, references=references)
            if remade.diagnostics:
                return {}, [], remade.diagnostics
            documents, files = remade.documents, remade.files
        else:
            documents = [d for d in check.documents if d.kind not in kept]
            generation = check.lock.lock.writer if check.lock is not None else GENERATION  # sent as it was
            files = document_files(project, documents, needed, references, generation)
    except PdfFailed as exc:
        return {}, [], [report("OUT001", letter, t("build.pdf_failed", error=exc))]
    everything = remade.documents if check.from_lock else check.documents
    record = publication_record(project, everything, formats)  # of all its documents, made or kept
    # the leak guard: the bytes of every public file, against everything the letter withholds
    public = {d.kind for d in everything if d.public}
    published = [(n, data) for n, data in files if n.rsplit(".", 1)[0] in public] + [record]
    problems = guard(everything, published, letter)
    if check.lock is not None and not problems:  # the lock records the .docx files: not the record
        problems = differs_from_lock(check.lock.lock, [f for f in files if f[0].endswith(".docx")])
    withheld = {}
    for document in documents:
        grounds = grounds_withheld(document)
        if grounds:
            withheld[f"{document.kind}.{formats[0]}"] = (grounds, document.public)
    return withheld, [f for f in files if f[0].rsplit(".", 1)[-1] in formats] + [record], problems


def _write(files: list[tuple[Path, bytes]], out_dir: Path, letter: SourceSpan) -> Diagnostic | None:
    """Put a letter's documents in place, all or none; why they could not be, if they could not."""
    from ..write import write_all_atomic

    for path, _ in files:
        if not path.resolve().is_relative_to(out_dir.resolve()):
            return report(
                "OUT001", letter, t("build.would_written_outside_output", path=path, out_dir=out_dir)
            )
    try:
        write_all_atomic(files)
    except OSError as exc:
        where = exc.filename or (files[0][0].parent if files else out_dir)
        return report(
            "OUT001",
            letter,
            t("build.cannot_write_letter_s", where=where, error=exc.strerror or exc),
            t("build.check_that_output_folder"),
        )
    return None
