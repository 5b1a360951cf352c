"""What the last build made, so the next one makes only what changed.

Three levels, keyed on the bytes of the sources and of what is made of them (never on file
times, which a git checkout changes without changing anything):

- the whole build: when no input file changed since the last build with the same letters,
  formats and output folder, and every document it wrote is still there as it was written, its
  report is given again and nothing is read, checked or written;
- each letter: its key is every input that is not a fragment (manifests, registry, templates,
  verzamel.yaml, the names of all source files) and the fragments its documents were made from.
  A letter whose key did not change, and whose documents are still there as written, is not
  assembled, rendered or written again;
- each document of a letter made again: one assembled as the last build assembled it, with the
  same inputs that are not fragments, and still there as written, is not rendered again; a
  document rendered to the bytes it already has is not written again either (it keeps its file,
  and so its inode and time).

A letter made from its lock after its sources moved on is made of what its lock names, by content
(its locked versions, from the working tree or git's object store), so its key is the lock file's
bytes and what its publication record reads besides (verzamel.yaml's `publicatie:`, the formats),
not the other inputs; its .docx files are in place when they have the bytes the lock records.
Whether git still holds those versions is part of the report (LOCK002), so a build with such a
letter is given again only while git holds the same (one `git cat-file`).
"""

from __future__ import annotations

import hashlib
import os
import time
from dataclasses import dataclass, field
from pathlib import Path
from stat import S_ISREG

from ..diagnostics import Diagnostic
from ..project import CONFIG_NAME, Project
from ..sources.reading import MAX_FILE_BYTES
from .store import CacheFolder, digest

INPUT_FOLDERS = ("sections", "footnotes", "letters", "templates")
"""Where a dossier's sources are; with verzamel.yaml (and verzamel itself) every input of a build."""
FRAGMENTS = "sections/"


SETTLED_NS = 2_000_000_000
"""A file last changed this long before its digest was taken cannot change again unseen within
the same modification time (git's 'racy' case): its digest is trusted while its stat holds."""


class InputFiles:
    """The digest of every file a build may read, by path relative to the dossier. A file whose
    size, times and inode are as when its digest was last taken, and which had settled by then,
    is not read again (as git's index does); any other file is read and digested."""

    def __init__(self, root: Path, known: dict[str, tuple] | None = None):
        self.stats: dict[str, tuple] = {}
        self.digests: dict[str, str] = {}
        known = known or {}
        now = time.time_ns()
        inside = len(os.path.join(root, ""))  # a path below root, less this, is relative to it
        for name in (CONFIG_NAME, *INPUT_FOLDERS):
            top = os.path.join(root, name)
            if os.path.isfile(top):
                self._add(name, top, known, now)
                continue
            for folder, folders, files in os.walk(top):
                folders.sort()
                for file_name in sorted(files):
                    path = os.path.join(folder, file_name)
                    self._add(path[inside:].replace(os.sep, "/"), path, known, now)

    def _add(self, name: str, path: str, known: dict[str, tuple], now: int) -> None:
        try:
            stat = os.stat(path)
        except OSError as exc:  # reported by the build itself; here it only must differ from a file
            self.digests[name] = f"unreadable:{exc.errno}"
            return
        signature = (stat.st_size, stat.st_mtime_ns, stat.st_ctime_ns, stat.st_ino)
        if not S_ISREG(stat.st_mode) or stat.st_size > MAX_FILE_BYTES:
            # never opened (a pipe would block): the build reports it (SRC002) from its stat alone
            self.digests[name] = f"not-read:{stat.st_mode}:{signature}"
            return
        seen = known.get(name)
        if seen is not None and seen[0] == signature:
            self.digests[name] = seen[1]
        else:
            try:
                with open(path, "rb") as handle:
                    self.digests[name] = digest(handle.read())
            except OSError as exc:
                self.digests[name] = f"unreadable:{exc.errno}"
                return
        if now - max(stat.st_mtime_ns, stat.st_ctime_ns) > SETTLED_NS:
            self.stats[name] = (signature, self.digests[name])


def _has(path: Path, sha256: str) -> bool:
    """Whether the file at `path` has the bytes of this SHA-256 (as a lock records a document)."""
    try:
        return hashlib.sha256(path.read_bytes()).hexdigest() == sha256
    except OSError:
        return False


def document_kind(name: str) -> str:
    """`kamerbrief` of `<letter>/kamerbrief.docx` or `kamerbrief.html`."""
    return name.rsplit("/", 1)[-1].split(".")[0]


@dataclass(frozen=True)
class Stamp:
    """A file as the build left it: when it is still so, it was not touched since."""

    digest: str
    size: int
    mtime_ns: int
    inode: int

    @classmethod
    def of(cls, path: Path, data: bytes) -> Stamp:
        stat = path.stat()
        return cls(digest(data), stat.st_size, stat.st_mtime_ns, stat.st_ino)

    def holds(self, path: Path) -> bool:
        try:
            stat = path.stat()
        except OSError:
            return False
        return (stat.st_size, stat.st_mtime_ns, stat.st_ino) == (self.size, self.mtime_ns, self.inode)


@dataclass
class LetterEntry:
    key: str
    paths: frozenset[str]
    """The sources its documents were made from (the fragments among them are part of its key)."""
    own: list[Diagnostic]
    """What the letter's own checks reported (after the settings of verzamel.yaml)."""
    outputs: dict[str, Stamp] = field(default_factory=dict)
    """Each document written, by its path in the output folder."""
    withheld: dict[str, tuple[list[str], bool]] = field(default_factory=dict)
    documents: dict[str, str] = field(default_factory=dict)
    """The key of each of its documents (kamerbrief, beslisnota, …): the document as assembled,
    and every input that is not a fragment (BuildCache.document_key)."""
    made: list = field(default_factory=list)
    """The documents themselves, when they are kept in memory (LettersInMemory); a build keeps
    its documents as files."""
    sent: dict[str, str] = field(default_factory=dict)
    """A letter made from its lock: the SHA-256 the lock records of each of its .docx files, by
    path in the output folder. Such a file is in place when it has those bytes, whatever its stamp."""

    def files_of(self, kind: str) -> dict[str, Stamp]:
        """The files of one document: `<letter>/<kind>.docx`, `.html`, …"""
        return {name: stamp for name, stamp in self.outputs.items() if document_kind(name) == kind}


@dataclass
class Record:
    """What the builds into this output folder, in these formats, left."""

    inputs: str
    files: dict[str, tuple] = field(default_factory=dict)
    """The stat and digest of each settled input file (InputFiles)."""
    letters: dict[str, LetterEntry] = field(default_factory=dict)
    """Each letter as the last build that made it left it (a build of some letters keeps the
    entries of the others)."""
    letter_ids: tuple[str, ...] = ()
    """The letters the last build was asked for (none: all)."""
    report: object = None
    """That build's whole BuildResult, when it may be given again as it was."""
    in_git: tuple[frozenset[str], frozenset[str]] = (frozenset(), frozenset())
    """The locked versions (blob ids) of sources that moved on since their letters were sent, and
    those of them git's object store held: the report holds while git holds the same."""


class InputKeys:
    """The digest of every input file, and from it each letter's key: what a letter's documents
    are made from (its fragments, and every input that is not a fragment). `salt` names anything
    else the result depends on (a build's formats and output folder)."""

    def __init__(self, root: Path, known: dict[str, tuple] | None = None, salt: tuple = ()):
        files = InputFiles(root, known)
        self.stats = files.stats
        self.digests = files.digests
        shared = {p: d for p, d in self.digests.items() if not p.startswith(FRAGMENTS)}
        self.shared = digest(repr((sorted(self.digests), sorted(shared.items()), *salt)))
        self.all = digest(repr(sorted(self.digests.items())) + self.shared)

    def key(self, paths) -> str:
        own = sorted((p, self.digests.get(p, "")) for p in paths if p.startswith(FRAGMENTS))
        return digest(repr(own) + self.shared)


class LettersInMemory:
    """Each letter as the last run made it, documents included, for as long as this process lives
    (the preview keeps one between saves): a letter whose key is the same is not made again."""

    def __init__(self):
        self.keys: InputKeys | None = None
        self.letters: dict[str, LetterEntry] = {}

    def start(self, root: Path) -> None:
        """A new run: the input files as they are now."""
        self.keys = InputKeys(root, self.keys.stats if self.keys else None)

    def reusable(self, letter_id: str) -> LetterEntry | None:
        entry = self.letters.get(letter_id)
        return entry if entry is not None and entry.key == self.keys.key(entry.paths) else None

    def remember(self, letter_id: str, paths, own, documents) -> None:
        self.letters[letter_id] = LetterEntry(self.keys.key(paths), paths, own, made=list(documents))


class BuildCache:
    def __init__(self, project: Project, out_dir: Path, formats: tuple[str, ...], letter_ids, force: bool):
        self.project = project
        self.folder = CacheFolder(out_dir)
        self.out_dir = out_dir
        self.name = "build-" + digest(",".join(formats))[:16]
        stored = None if force else self.folder.read(self.name)
        self.last: Record = stored if isinstance(stored, Record) else Record("")
        self.salt = (formats, str(out_dir))
        self.inputs = InputKeys(project.root, self.last.files, self.salt)
        self.now = Record(self.inputs.all, self.inputs.stats, letter_ids=tuple(letter_ids))

    def key(self, paths) -> str:
        return self.inputs.key(paths)

    def sent_key(self, lock, around) -> str:
        """The key of a letter made from its `lock` (a sources.lockfile.Lock): the lock file's
        bytes, which name every version it is made of by content, and `around`, what its
        publication record reads besides (pipeline.render.record_settings)."""
        return digest(repr(("sent", self.inputs.digests.get(lock.path), around, self.salt)))

    def sent_entry(self, lock, key: str) -> LetterEntry:
        """A letter made from its lock, by its `key` (sent_key), for `remember`."""
        sent = {f"{lock.letter_id}/{name}": sha256 for name, sha256 in lock.outputs.items()}
        return LetterEntry(key, frozenset(), [], sent=sent)

    def document_key(self, document) -> str:
        """What a document's files are made from: the document as assembled (its text, wherever
        that came from: a beslisnota reads what its kamerbrief's fragments appraise without
        inserting them), and every input that is not a fragment (reference documents, formats)."""
        return digest(repr(document) + self.inputs.shared)

    def unchanged(self):
        """The last build's report when nothing it read or wrote changed since; else None."""
        report = self.last.report
        if report is None or (self.last.inputs, self.last.letter_ids) != (
            self.inputs.all,
            self.now.letter_ids,
        ):
            return None
        entries = [self.last.letters.get(letter.letter_id) for letter in report.letters if not letter.failed]
        if not all(entry is not None and self._intact(entry.outputs, entry.sent) for entry in entries):
            return None
        asked, held = self.last.in_git
        if asked:  # letters made from their locks: git must hold what it held (lock.state, LOCK002)
            from ..lock.store import Store

            if Store(self.project).in_git(set(asked)) != held:
                return None
        return report

    def reusable(self, letter_id: str, key: str | None = None) -> LetterEntry | None:
        """The letter's last entry, when its inputs are the same (its `key`; by default that of
        the sources it was made from) and its documents still there."""
        entry = self.last.letters.get(letter_id)
        if entry is None or entry.key != (key or self.key(entry.paths)):
            return None
        return entry if self._intact(entry.outputs, entry.sent) else None

    def kept_documents(self, letter_id: str, documents, locked: bool) -> set[str]:
        """The kinds of a letter's documents that the last build made the same (document_key) and
        that are still in place as written: they are not rendered again. (A letter with a lock
        is always made whole: all its documents are compared with what was sent.)"""
        entry = self.last.letters.get(letter_id)
        if entry is None or locked:
            return set()
        kept = set()
        for document in documents:
            files = entry.files_of(document.kind)
            same = entry.documents.get(document.kind) == self.document_key(document)
            if same and files and self._intact(files):
                kept.add(document.kind)
        return kept

    def _intact(self, outputs: dict[str, Stamp], sent: dict[str, str] | None = None) -> bool:
        """Every one of these files is in place as the last build left it; one of `sent` (a
        letter made from its lock) when it has the bytes its lock records."""
        sent = sent or {}
        return all(
            _has(self.out_dir / name, sent[name]) if name in sent else stamp.holds(self.out_dir / name)
            for name, stamp in outputs.items()
        )

    def kept(self, path: Path, data: bytes, letter_id: str) -> bool:
        """Whether `path` already holds `data` as the last build wrote it (then it is not written)."""
        entry = self.last.letters.get(letter_id)
        stamp = entry.outputs.get(self._name(path)) if entry else None
        return stamp is not None and stamp.digest == digest(data) and stamp.holds(path)

    def remember(
        self, letter_id: str, entry: LetterEntry, files: list[tuple[Path, bytes]] = (), kept=()
    ) -> None:
        """A letter as this build leaves it: its files written or rendered now, and the documents
        of `kept` as the last build left them."""
        last = self.last.letters.get(letter_id)
        for kind in kept:
            entry.outputs.update(last.files_of(kind))
        for path, data in files:
            entry.outputs[self._name(path)] = Stamp.of(path, data)
        self.now.letters[letter_id] = entry

    def _name(self, path: Path) -> str:
        return path.relative_to(self.out_dir).as_posix()

    def save(self, report, replayable: bool, in_git=(frozenset(), frozenset())) -> None:
        """Keep this build for the next; its `report` to be given again if `replayable` (while git
        holds what it held: `in_git`, as Record.in_git)."""
        self.now.report = report if replayable else None
        self.now.in_git = in_git
        if self.now.letter_ids:  # some letters were built: the others' entries still hold
            self.now.letters = {**self.last.letters, **self.now.letters}
        self.folder.write(self.name, self.now)
