"""The dossier's own house style: its template texts and its reference Word documents.

A reference .docx that `build` could not open must fail `check` already (TPL003), so this looks
inside the file with the standard library only (zip and XML), never with python-docx. The
templates verzamel ships are tested with verzamel and not checked again here.
"""

from __future__ import annotations

import re

from ..diagnostics import Diagnostic, report
from ..messages import t
from ..model import SourceSpan
from ..project import TEMPLATE_SUFFIXES, Project
from ..sources.reading import SourceText, list_sources, read_source, refuse_path
from ..woo.marks import lookalikes

DOCUMENT_PART = "word/document.xml"
REQUIRED_PARTS = ("[Content_Types].xml", "_rels/.rels", DOCUMENT_PART, "word/styles.xml")
DOCUMENT_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
CONTENT_TYPES = "{http://schemas.openxmlformats.org/package/2006/content-types}"


def check_templates(project: Project, memo) -> list[Diagnostic]:
    """The dossier's templates/ checked; `memo` may keep a reference document's verdict."""
    found: list[Diagnostic] = []
    for suffix in TEMPLATE_SUFFIXES:
        files, _ = list_sources(project.root / "templates", suffix, recursive=False)
        for path in files:
            rel = project.relative(path)
            refused = refuse_path(path, project.root, rel)
            if refused is not None:
                found.append(refused)
            elif suffix == ".docx":
                found.extend(memo(check_reference, path.read_bytes(), rel))
            else:
                read = read_source(path, rel)
                found.extend(read.diagnostics if isinstance(read, SourceText) else [read])
                if isinstance(read, SourceText):
                    found.extend(_woo_marks(read.text, rel))
    return found


JINJA = re.compile(r"\{#.*?#\}|\{%.*?%\}|\{\{.*?\}\}", re.DOTALL)


def _woo_marks(text: str, rel: str) -> list[Diagnostic]:
    """WOO007 at every Woo mark in a template's own text (not in its Jinja tags and comments): a
    template cannot withhold anything."""
    found = []
    wording = JINJA.sub(lambda match: " " * len(match[0]), text)  # offsets stay those of `text`
    for start, end in lookalikes(wording):
        line = text.count("\n", 0, start) + 1
        column = start - (text.rfind("\n", 0, start) + 1) + 1
        span = SourceSpan(rel, line, column, line, column + end - start)
        found.append(report("WOO007", span, t("woo.not_in_template"), t("woo.not_in_template_hint")))
    return found


def check_reference(data: bytes, rel: str) -> list[Diagnostic]:
    """Why a reference document cannot serve as the house style (TPL003), if it cannot; else what
    it lacks for accessible documents (checks/accessibility.py)."""
    problem = _reference_problem(data)
    if problem is None:
        from ..archive import open_zip
        from .accessibility import check_reference_accessibility

        return check_reference_accessibility(open_zip(data), rel)
    return [
        report(
            "TPL003",
            SourceSpan(rel),
            t("templates.not_word_document_verzamel", problem=problem),
            t("templates.open_word_save_as"),
        )
    ]


def _reference_problem(data: bytes) -> str | None:
    import zipfile  # what reads a package: only when the reference changed (the memo has the rest)
    import zlib
    from xml.etree import ElementTree
    from xml.parsers import expat

    from ..archive import ArchiveRefused, open_zip, read_part

    if not data:
        return t("templates.empty")
    try:
        package = open_zip(data)
        names = set(package.namelist())
        missing = [part for part in REQUIRED_PARTS if part not in names]
        if missing:
            return t("templates.lacks", parts=", ".join(missing))
        for name in sorted(names):
            if name.endswith((".xml", ".rels")):
                try:  # well-formed is enough, and expat without a tree is fast (styles.xml is large)
                    expat.ParserCreate().Parse(read_part(package, name), True)
                except expat.ExpatError as exc:
                    return t("templates.bad_xml", part=name, error=exc)
        types = ElementTree.fromstring(read_part(package, "[Content_Types].xml"))
        if _document_type(types) != DOCUMENT_TYPE:
            return t("templates.not_a_document")
    except (
        zipfile.BadZipFile,
        zipfile.LargeZipFile,
        OSError,
        EOFError,
        KeyError,
        NotImplementedError,
        RuntimeError,
        zlib.error,
    ) as exc:
        return t("templates.not_a_package", error=exc)
    except ArchiveRefused as exc:
        return str(exc)
    return None


def _document_type(types) -> str | None:
    for override in types.iter(f"{CONTENT_TYPES}Override"):
        if override.get("PartName") == "/" + DOCUMENT_PART:
            return override.get("ContentType")
    return None
