"""Reading the dossier's sources, each file once, with positions."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from ..cache.memo import Memo, no_memo
from ..cache.store import digest
from ..diagnostics import Diagnostic, report
from ..messages import t
from ..model import Fragment, Letter, NoteDef, SourceSpan
from .fragments import load_fragment
from .letters import citable_entry, load_letter, merge_defaults, written_kamerstuk_ids
from .reading import SourceText, list_sources, read_source, refuse_path
from .registry import entry_ids, load_registry_file
from .yamlfile import PositionedYaml, normalize_id, parse_yaml

if TYPE_CHECKING:
    from ..project import Project
    from .lockfile import Lock


@dataclass
class Sources:
    letters: dict[str, Letter] = field(default_factory=dict)
    fragments: dict[str, Fragment] = field(default_factory=dict)
    registry: dict[str, NoteDef] = field(default_factory=dict)
    diagnostics: list[Diagnostic] = field(default_factory=list)
    letter_files: dict[str, str] = field(default_factory=dict)
    """Every manifest found, by letter id, even when it could not be read."""
    texts: dict[str, str] = field(default_factory=dict)
    """The text of every source file read, by path: the parsers and checks work on it."""
    files: dict[str, SourceText] = field(default_factory=dict)
    """Every source file read, by path, also as its exact bytes: fixes edit those."""
    unreadable_fragments: dict[str, str] = field(default_factory=dict)
    """Fragment files that could not be read, by file name stem, with their path."""
    unreadable_notes: set[str] = field(default_factory=set)
    """Registry ids whose entry has an error reported already: not reported again as missing."""
    locks: dict[str, Lock] = field(default_factory=dict)
    """The lock of each frozen letter (letters/<id>.lock), by letter id."""
    lock_files: dict[str, str] = field(default_factory=dict)
    """Every lock file found, by letter id, even when it could not be read."""
    memo: Memo | Callable = no_memo
    """What read these sources: checks that compute from their texts may keep results with it."""

    def all_fragments(self) -> list[Fragment]:
        """The fragments in sections/ and the Markdown prose fields of every manifest."""
        prose = [f for letter in self.letters.values() for f in letter.prose.values()]
        return [*self.fragments.values(), *prose]


class UnknownLetter(Exception):
    def __init__(self, unknown: list[str], known: list[str]):
        self.unknown = unknown
        self.known = known
        super().__init__(", ".join(unknown))


def select_letters(sources: Sources, letter_ids: list[str]) -> list[str]:
    """The letters named (all when none are), in order; an unknown id raises UnknownLetter."""
    known = sorted(set(sources.letter_files))
    if not letter_ids:
        return known
    unknown = [i for i in letter_ids if i not in known]
    if unknown:
        raise UnknownLetter(unknown, known)
    return list(dict.fromkeys(letter_ids))


LETTER_ID = re.compile(r"^\w[\w.\-]*$")
"""A letter id is its manifest's file name; it names the letter's output folder."""


def _files(project: Project, sources: Sources, folder: str, suffix: str, recursive=False) -> list[Path]:
    """The source files in a folder of the dossier; a folder named like a source file is reported."""
    files, folders = list_sources(project.root / folder, suffix, recursive)
    for path in folders:
        sources.diagnostics.append(
            report(
                "SRC003",
                SourceSpan(project.relative(path)),
                t("sources.folder_named_like_source", name=path.name),
                t("sources.rename_folder_so_name", suffix=suffix),
            )
        )
    return files


def _read(path: Path, rel: str, project: Project, sources: Sources) -> str | None:
    read = refuse_path(path, project.root, rel) or read_source(path, rel)
    if not isinstance(read, SourceText):
        sources.diagnostics.append(read)
        return None
    sources.diagnostics.extend(read.diagnostics)
    sources.texts[rel] = read.text
    sources.files[rel] = read
    return read.text


def load_sources(project: Project, memo: Memo | Callable = no_memo) -> Sources:
    """Every source of the dossier, read and parsed; `memo` may keep parse results between runs."""
    sources = Sources(diagnostics=list(project.diagnostics), memo=memo)

    for path in _files(project, sources, "sections", ".md", recursive=True):
        rel = project.relative(path)
        text = _read(path, rel, project, sources)
        if text is None:
            sources.unreadable_fragments[path.stem] = rel
            continue
        fragment, diagnostics = memo(load_fragment, text, rel, path.stem)
        sources.diagnostics.extend(diagnostics)
        if fragment is None:
            sources.unreadable_fragments[path.stem] = rel
            continue
        if fragment.id in sources.fragments:
            first = sources.fragments[fragment.id]
            sources.diagnostics.append(
                report(
                    "FRAG002",
                    fragment.span,
                    t("sources.fragment_id_also_used", id=fragment.id, path=first.path),
                    t("sources.every_fragment_needs_own"),
                )
            )
            continue
        sources.fragments[fragment.id] = fragment

    for path in _files(project, sources, "footnotes", ".yaml"):
        rel = project.relative(path)
        text = _read(path, rel, project, sources)
        if text is None:
            continue
        notes, diagnostics = memo(load_registry_file, text, rel)
        sources.diagnostics.extend(diagnostics)
        if any(d.is_error for d in diagnostics):
            sources.unreadable_notes |= entry_ids(text) - set(notes)
        for label, note in notes.items():
            if label in sources.registry:
                first = sources.registry[label].span
                sources.diagnostics.append(
                    report(
                        "FN003",
                        note.span,
                        t("sources.footnote_defined_twice_also", label=label, first=first),
                        t("sources.keep_one_definition_remove"),
                    )
                )
            else:
                sources.registry[label] = note

    defaults = _letter_defaults(project)
    for path in _files(project, sources, "letters", ".yaml"):
        rel = project.relative(path)
        letter_id = normalize_id(path.stem)
        if not LETTER_ID.match(letter_id):
            sources.diagnostics.append(
                report(
                    "MAN004",
                    SourceSpan(rel),
                    t("sources.cannot_letter_id_manifest", stem=path.stem),
                    t("sources.name_file_with_letters"),
                )
            )
            continue
        sources.letter_files[letter_id] = rel
        text = _read(path, rel, project, sources)
        if text is None:
            continue
        config = digest(repr(sorted(project.texts.items())))  # verzamel.yaml: the defaults
        texts = {rel: text, **project.texts}
        letter, diagnostics = memo(_manifest, text, rel, letter_id, config, defaults=defaults, texts=texts)
        sources.diagnostics.extend(diagnostics)
        if letter is not None:
            sources.letters[letter.id] = letter
        else:  # its errors are reported; citing it is not an error as well
            sources.unreadable_notes |= written_kamerstuk_ids(text)
    from .lockfile import SUFFIX  # the lock reads YAML as the sources do

    for path in _files(project, sources, "letters", SUFFIX):
        _load_lock(path, project, sources, memo)
    for letter in sources.letters.values():  # sent letters are citable by their kamerstuk id
        entry = citable_entry(letter)
        if entry is not None and entry.label not in sources.registry:
            sources.registry[entry.label] = entry
    return sources


def read_text_as_source(project: Project, rel: str, text: str) -> tuple[list[Fragment], list[NoteDef]]:
    """The fragments and footnotes of one source file read from `text`, as load_sources reads
    it from disk: a file about to be written is read back first (`verzamel feedback --apply`)."""
    if rel.startswith("letters/") and rel.endswith(".yaml"):
        texts = {rel: text, **project.texts}
        config = digest(repr(sorted(project.texts.items())))
        letter, _ = _manifest(
            text, rel, normalize_id(Path(rel).stem), config, defaults=_letter_defaults(project), texts=texts
        )
        return (list(letter.prose.values()) if letter else []), []
    if rel.startswith("footnotes/"):
        return [], list(load_registry_file(text, rel)[0].values())
    fragment, _ = load_fragment(text, rel, Path(rel).stem)
    return ([fragment] if fragment else []), []


def _manifest(text: str, rel: str, letter_id: str, config: str, *, defaults, texts):
    """A manifest read with the defaults of verzamel.yaml (`config` is the digest of its text)."""
    manifest, diagnostics = parse_yaml(text, rel)
    if manifest is None:
        return None, diagnostics
    if isinstance(manifest.data, dict):
        manifest = merge_defaults(manifest, defaults)
    letter, more = load_letter(manifest, rel, letter_id, texts)
    return letter, diagnostics + more


def _load_lock(path: Path, project: Project, sources: Sources, memo) -> None:
    from .lockfile import read_lock

    rel = project.relative(path)
    letter_id = normalize_id(path.stem)
    sources.lock_files[letter_id] = rel
    text = _read(path, rel, project, sources)
    if text is None:
        return
    lock, diagnostics = memo(read_lock, text, rel, letter_id)
    sources.diagnostics.extend(diagnostics)
    if lock is not None:
        sources.locks[letter_id] = lock


def _letter_defaults(project: Project) -> PositionedYaml | None:
    data = project.settings.get("letter_defaults")
    if not isinstance(data, dict):
        return None
    prefix = "letter_defaults."
    spans = {k[len(prefix) :]: v for k, v in project.config.spans.items() if k.startswith(prefix)}
    refused = frozenset(k[len(prefix) :] for k in project.config.refused if k.startswith(prefix))
    return PositionedYaml(data, spans, refused)
