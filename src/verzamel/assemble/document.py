"""One pass of assembly: the template rendered, its Markdown read, the fragments spliced in and
the footnotes numbered. A document that withholds text is made by a second, fresh pass."""

from __future__ import annotations

from ..diagnostics import Diagnostic
from ..model import Document, Letter
from ..model.text import title_of
from ..outputs import OutputKind
from ..project import Project
from ..sources import Sources
from ..sources.markdown import parse_markdown
from ..sources.origins import origins
from ..templating import Templates, forged_marker, written_layout
from .citations import CitationNotes
from .context import template_context
from .fragments import Selection
from .notes import number_notes
from .splice import splice


def assemble(
    project: Project, sources: Sources, letter: Letter, output: OutputKind, templates: Templates | None = None
) -> tuple[Document | None, list[Diagnostic]]:
    """The document `output` of `letter` (None when it cannot be made), and what was found wrong.
    `templates` renders the templates (None: those of `project`, keeping nothing compiled).

    When the document withholds anything, the template is rendered once more with what it
    withholds (`withheld`, per ground), so section 5.1 can name it."""
    from ..woo.passages import withheld_by_ground

    templates = templates or Templates(project)
    document, diagnostics = _one_pass(project, sources, letter, output, templates, [])
    titles = {f.path: f.title for f in sources.fragments.values() if f.title}
    withheld = withheld_by_ground(document, titles) if document is not None else []
    if withheld:
        document, diagnostics = _one_pass(project, sources, letter, output, templates, withheld)
    return document, diagnostics


def _one_pass(
    project: Project,
    sources: Sources,
    letter: Letter,
    output: OutputKind,
    templates: Templates,
    withheld: list[dict],
) -> tuple[Document | None, list[Diagnostic]]:
    selection = Selection(sources, letter)
    context = template_context(letter, output, sources, selection.fragment, withheld)
    text, diagnostics = templates.render(output.template, context, {"fragment": selection.fragment})
    forged = forged_marker(project, output.template, text, len(selection.asked)) if text else None
    if text is None or forged is not None:
        return None, diagnostics + ([forged] if forged else [])
    parsed = parse_markdown(text, f"<{output.template}>")
    diagnostics += written_layout(project, output.template, parsed.diagnostics)
    blocks = splice(parsed.blocks, selection.blocks)
    numbered = number_notes(blocks, sources, letter, CitationNotes(sources, project.house_style))
    title = title_of(numbered.blocks) or letter.betreft
    reviewed = output.reviewed and letter.is_draft  # only drafts say where their text comes from
    document = Document(
        kind=output.name,
        letter_id=letter.id,
        blocks=tuple(numbered.blocks),
        notes=tuple(numbered.notes),
        title=str(title),
        subject=letter.betreft,
        author=str(letter.data["sender"].get("ministry") or ""),
        keywords=letter.kenmerk,
        created=letter.datum,
        public=output.public,
        source_paths=tuple(sorted({letter.path} | selection.paths | numbered.paths)),
        origins=origins(sources, numbered.blocks, numbered.notes) if reviewed else (),
    )
    return document, diagnostics + selection.diagnostics + numbered.diagnostics
