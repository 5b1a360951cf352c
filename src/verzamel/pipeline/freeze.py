"""`verzamel freeze LETTER`: record what a sent letter was made from, in `letters/<id>.lock`.

The letter is checked and made from the dossier as it is; every source, template and reference
document it used is recorded by git blob id (and put in git's object store), every document by
SHA-256. Before the lock is written the letter is made once more from the lock alone: a lock that
would not give the same bytes is never written.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from .. import __version__
from ..diagnostics import Diagnostic
from ..lock.store import Store
from ..messages import dossier_setting, t
from ..project import Project
from ..render import GENERATION
from ..sources.lockfile import SUFFIX, Lock, differing_outputs, lock_text, output_hash
from ..templating import template_label


class FreezeRefused(Exception):
    """The letter cannot be frozen as asked: why, and what to do."""

    def __init__(self, message: str, hint: str | None = None):
        self.message = message
        self.hint = hint
        super().__init__(message)


@dataclass
class Frozen:
    path: Path
    lock: Lock | None = None
    outcome: str = "written"
    """written (new), refreshed (other sources, the same documents), unchanged, or failed."""
    in_git: bool = False
    """Whether the locked versions are in git's object store (else only the files themselves)."""
    diagnostics: list[Diagnostic] = field(default_factory=list)


def freeze(project: Project, letter_id: str, force: bool = False) -> Frozen:
    """Freeze a sent letter; raises FreezeRefused, or sources.UnknownLetter for an unknown id."""
    from ..checks import letter_paths
    from ..lock.state import SENT, LockState
    from ..sources import load_sources, select_letters
    from ..write import write_atomic
    from .render import document_files
    from .run import run
    from .sent import remake

    sources = load_sources(project)
    select_letters(sources, [letter_id])
    path = project.root / "letters" / f"{letter_id}{SUFFIX}"
    letter = sources.letters.get(letter_id)
    if letter is not None and letter.status != SENT:
        raise FreezeRefused(
            t("freeze.not_sent", letter=letter_id, status=letter.status),
            t("freeze.not_sent_hint", path=letter.path),
        )
    # Made from the dossier as it is now: the lock there is (even a broken one) is what is replaced.
    before = sources.locks.pop(letter_id, None)
    lock_file = sources.lock_files.pop(letter_id, None)
    sources.diagnostics = [d for d in sources.diagnostics if d.span.path != lock_file]
    if lock_file and before is None and not force:
        raise FreezeRefused(t("freeze.broken_lock", path=lock_file), t("freeze.force_hint", letter=letter_id))
    made = run(project, sources, [letter_id])
    check = made.letters[letter_id]
    if letter is None or check.failed:
        return Frozen(path, outcome="failed", diagnostics=made.diagnostics)
    # a letter frozen again keeps the writers it was sent by; a new lock (or --force) takes today's
    generation = before.writer if before is not None and not force else GENERATION
    files = document_files(project, check.documents, generation=generation)
    store = Store(project)
    names = sorted(p for p in letter_paths(letter, check.documents) if not p.startswith("<"))
    names += [template_label(project, p) for p in _templates(project, {d.kind for d in check.documents})]
    lock = Lock(
        letter_id,
        project.relative(path),
        __version__,
        {name: store.current(name) or "" for name in names},
        {name: output_hash(data) for name, data in files},
        generation,
    )
    if not all(lock.sources.values()):
        gone = next(name for name, blob in lock.sources.items() if not blob)
        raise FreezeRefused(t("freeze.unreadable", name=gone))
    remade = remake(project, LockState(lock, store, moved=tuple(names)), formats=("docx",))
    if remade.diagnostics or sorted(remade.files) != sorted(files):
        raise FreezeRefused(t("freeze.not_reproduced", letter=letter_id), t("freeze.report_it"))
    outcome = "written"
    if before is not None:
        changed = differing_outputs(before.outputs, lock.outputs)
        if changed and not force:
            raise FreezeRefused(
                t("freeze.would_change", letter=letter_id, documents=", ".join(changed)),
                t("freeze.force_hint", letter=letter_id),
            )
        outcome = "unchanged" if before == lock else ("written" if changed else "refreshed")
    in_git = store.keep([n for n in names if not n.startswith("<")])
    text = lock_text(lock, dossier_setting(project.root))
    if not path.exists() or path.read_text(encoding="utf-8") != text:
        write_atomic(path, text.encode("utf-8"))
    kept = [d for d in made.diagnostics if d.rule != "LOCK005"]  # not frozen: now it is
    return Frozen(path, lock, outcome, in_git, kept)


def _templates(project: Project, kinds: set[str]) -> list[Path]:
    """The templates and reference documents the letter's documents are made with, and the
    templates those include, import or extend."""
    from jinja2 import Environment, meta

    from ..outputs import OUTPUTS

    outputs = [o for o in OUTPUTS if o.name in kinds]
    queue = [o.template for o in outputs] + [o.reference for o in outputs]
    found: dict[str, Path] = {}
    parser = Environment()
    while queue:
        name = queue.pop()
        if name in found:
            continue
        found[name] = project.find_template(name)
        if name.endswith(".j2"):
            source = found[name].read_text(encoding="utf-8")
            referenced = list(meta.find_referenced_templates(parser.parse(source)))
            if None in referenced:  # a name computed at run time: every template may be used
                referenced = [p.name for folder in project.template_dirs() for p in folder.glob("*.j2")]
            queue.extend(r for r in referenced if r)
    return sorted(set(found.values()))
