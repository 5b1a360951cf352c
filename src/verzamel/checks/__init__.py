"""The check engine: every rule over the sources and over each letter's assembled documents.

It only checks: it is given the sources (`check_dossier`) and a letter's Documents, as assembled
and as redacted (`check_letter`), and returns Diagnostic values. Making the documents is the
pipeline's job (`verzamel.pipeline`), which calls these. Rules never raise and never print. Nothing
here imports python-docx or lxml, nor the assembler, the writers, the cache, the lock or redaction
(the import contract in pyproject.toml says so).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property

from ..citations.render import DEFAULT_STYLE
from ..diagnostics import Diagnostic
from ..model import Document, Letter
from ..project import CONFIG_NAME, Project
from ..sources import Sources
from . import citations, dates, footnotes, ministerraad, references, send, status, style, woo
from .config import RuleSettings, read_settings
from .headings import HouseStyleLevels, check_document
from .regions import ProseRegions
from .templates import check_templates


@dataclass
class DossierCheck:
    """What the rules found in the sources no letter needs to be made for, and what the letters'
    own rules need of the dossier."""

    settings: RuleSettings
    regions: ProseRegions
    levels: HouseStyleLevels
    diagnostics: list[Diagnostic]
    """After the settings in verzamel.yaml."""

    @cached_property
    def shared_errors(self) -> list[Diagnostic]:
        """Errors in a source every letter depends on: they stop every letter."""
        return [d for d in self.diagnostics if is_shared(d.span.path) and d.is_error]

    def concerning(self, paths) -> list[Diagnostic]:
        """What was found in the sources at `paths`, and the shared errors."""
        return [d for d in self.diagnostics if d.span.path in paths] + self.shared_errors


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


def check_dossier(project: Project, sources: Sources, found_elsewhere=()) -> DossierCheck:
    """The rules over the sources as read; `found_elsewhere` (what the lock stage found) is put
    under the same settings."""
    settings = read_settings(project)
    regions = ProseRegions(sources)
    templates = check_templates(project, sources.memo)
    general = check_sources(sources, settings, regions) + settings.apply(templates + list(found_elsewhere))
    return DossierCheck(settings, regions, HouseStyleLevels(project, sources.memo), general)


def check_letter(
    project: Project,
    sources: Sources,
    dossier: DossierCheck,
    letter: Letter,
    made: list[tuple[object, Document, Document]],
    paths: set[str],
    *,
    judged: bool,
) -> list[Diagnostic]:
    """What only this letter's context can give, after the settings: `made` holds each output
    (outputs.OutputKind) with its document as assembled and as it goes out (redacted when public);
    `paths` the sources they were made from. A letter not `judged` is one made as it was sent,
    which the house style and the send gate do not judge again."""
    found: list[Diagnostic] = []
    for output, document, _ in made:
        if judged:
            levels = dossier.levels(output.reference)
            found.extend(check_document(document, output.reference, levels))
        if not output.withholds:
            found.extend(woo.check_public(document, letter))
    complete = [document for _, document, _ in made]
    found.extend(woo.check_letter(complete, [out for _, _, out in made if out.public]))
    strict = judged and send.judges(letter, send.MINISTERRAAD_FROM)
    found.extend(ministerraad.check_letter(letter, strict))
    found.extend(status.check_letter(letter))
    if judged and send.judges(letter, send.PLACEHOLDERS_FROM):
        texts = {**project.texts, **sources.texts}
        found.extend(send.check_letter(letter, complete, sources, texts, dossier.regions))
    for path in sorted(paths):
        for region in dossier.regions.get(path, ()):
            found.extend(dates.check_for_letter(region, letter.datum))
    return dossier.settings.apply(found)


def check_as_sent_now(letter: Letter, dossier: DossierCheck, lock_diagnostics) -> list[Diagnostic]:
    """A sent letter whose sources moved on is made from its lock: only what its manifest says now
    is checked, with what the lock stage found."""
    own = ministerraad.check_letter(letter) + status.check_letter(letter) + list(lock_diagnostics)
    return dossier.settings.apply(own)


SHARED_FOLDERS = ("footnotes/", "templates/")


def is_shared(path: str) -> bool:
    """A source every letter depends on: an error in it stops every letter."""
    return path == CONFIG_NAME or path.startswith(SHARED_FOLDERS)


def letter_paths(letter: Letter, documents: list[Document]) -> set[str]:
    """The sources a letter's documents were made from."""
    return {CONFIG_NAME, letter.path}.union(*(d.source_paths for d in documents))
