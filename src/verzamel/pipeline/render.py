"""The render stage: each document as the files `build` writes, in the house style of a dossier.

What a run keeps between its documents (the reference documents, prepared once) is passed down
in a `render.docx.reference.References`, never held in a module.
"""

from __future__ import annotations

from ..model import Document
from ..outputs import OUTPUTS
from ..project import Project
from ..render import GENERATION

FORMATS = ("docx", "html", "pdf")
"""What `build --format` can write; the lock of a sent letter records its .docx files."""
RECORD = "publicatie.xml"
"""A letter's publication record (render.diwoo), beside its documents. Not in a sent letter's lock:
it describes the publication, not what was sent, and it is made again from the lock's documents."""


def document_files(
    project: Project,
    documents: list[Document],
    formats: tuple[str, ...] = ("docx",),
    references=None,
    generation: int = GENERATION,
) -> list[tuple[str, bytes]]:
    """Each document as the files build writes (`kamerbrief.docx`, `kamerbrief.html`, …), in the
    house style of `project`, its reference documents prepared by `references` (one for this
    call when None), by the writers of `generation` (a sent letter: its lock's). Raises
    render.pdf.PdfFailed when a PDF cannot be made."""
    files: list[tuple[str, bytes]] = []
    docx_files: list[tuple[str, bytes]] = []
    if "docx" in formats or "pdf" in formats:
        from ..render.docx import render_docx  # python-docx and lxml: only when writing
        from ..render.docx.reference import References

        references = references or References()
        for document in documents:
            reference = references.load(project.find_template(reference_of(document.kind)))
            docx_files.append(
                (f"{document.kind}.docx", render_docx(document, reference, generation=generation))
            )
    if "docx" in formats:
        files.extend(docx_files)
    if "html" in formats:
        from ..render.html import render_html

        files.extend((f"{d.kind}.html", render_html(d)) for d in documents)
    if "pdf" in formats:
        from ..render.pdf import docx_to_pdf

        files.extend(docx_to_pdf(docx_files))
    return files


def publication_record(
    project: Project, documents: list[Document], formats: tuple[str, ...]
) -> tuple[str, bytes]:
    """The record of a letter's public documents, in the files `build` writes of them in `formats`."""
    from ..render.diwoo import render_record

    return RECORD, render_record(documents, *record_settings(project, formats))


def record_settings(project: Project, formats: tuple[str, ...]) -> tuple[list[str], str | None]:
    """What a publication record reads besides the documents it describes: the formats `build`
    writes (in their order) and the organisation that publishes (verzamel.yaml's `publicatie:`)."""
    from ..checks.config import publication_organisation

    return [f for f in FORMATS if f in formats], publication_organisation(project.settings)


def reference_of(kind: str) -> str:
    """The reference document (house style) of a kind of document."""
    return next(o.reference for o in OUTPUTS if o.name == kind)


def prepare(project: Project, references) -> None:
    """Every reference document of the house style prepared (python-docx imported with it):
    before a build's workers are forked, so they inherit it."""
    for output in OUTPUTS:
        references.load(project.find_template(output.reference))
