"""PDF: the .docx converted by LibreOffice, when it is installed (`soffice`).

One LibreOffice run converts all documents of a letter, with a profile of its own in a temporary
folder, so a LibreOffice the user has open is not disturbed. LibreOffice stamps the moment of
conversion in the PDF: unlike the .docx and .html, two PDFs of the same sources differ in bytes.

The PDF is made to be published and archived: tagged (a structure tree with the headings,
paragraphs, lists, tables and notes, and the document's language), PDF/UA-1 and PDF/A-2b, with
the title of the .docx and bookmarks from its headings. LibreOffice takes these as the options of
its export filter, written as JSON on the command line (LibreOffice 7.4 and later; an older one
ignores them, and a PDF that says it is no PDF/A is refused).
"""

from __future__ import annotations

import json
import shutil
import subprocess
import tempfile
from pathlib import Path

from ..messages import t

TIMEOUT = 300
"""Seconds one conversion may take (a letter's three documents take a few)."""

EXPORT = {
    "SelectPdfVersion": ("long", 2),  # PDF/A-2b: fonts embedded, colours defined, no encryption
    "PDFUACompliance": ("boolean", True),  # PDF/UA-1: tagged, title shown, language, alt texts
    "UseTaggedPDF": ("boolean", True),  # implied by PDF/UA: named, so no setting of a profile turns it off
    "ExportBookmarks": ("boolean", True),  # the outline a reader navigates by: the headings
}
"""The options of LibreOffice's `writer_pdf_Export` filter (the names of its FilterData)."""
FILTER = "pdf:writer_pdf_Export:" + json.dumps(
    {name: {"type": kind, "value": str(value).lower()} for name, (kind, value) in EXPORT.items()},
    separators=(",", ":"),
)
ARCHIVAL = b"<pdfaid:part>2</pdfaid:part>"
"""What the PDF's XMP metadata says when LibreOffice made it as PDF/A-2 (LibreOffice writes that
stream uncompressed, as PDF/A-1 demands: it can be seen in the bytes)."""


class PdfFailed(Exception):
    """LibreOffice is missing, or did not make the PDFs: why."""


def soffice() -> str | None:
    return shutil.which("soffice") or shutil.which("libreoffice")


def docx_to_pdf(files: list[tuple[str, bytes]]) -> list[tuple[str, bytes]]:
    """Each `name.docx` as `name.pdf`."""
    program = soffice()
    if program is None:
        raise PdfFailed("soffice")
    with tempfile.TemporaryDirectory(prefix="verzamel-pdf-") as folder:
        work = Path(folder)
        for name, data in files:
            (work / name).write_bytes(data)
        command = [
            program,
            f"-env:UserInstallation={(work / 'profile').as_uri()}",
            "--headless",
            "--convert-to",
            FILTER,
            "--outdir",
            str(work / "pdf"),
            *(str(work / name) for name, _ in files),
        ]
        try:
            done = subprocess.run(command, capture_output=True, timeout=TIMEOUT, check=False)
        except (OSError, subprocess.TimeoutExpired) as exc:
            raise PdfFailed(str(exc)) from None
        converted = []
        for name, _ in files:
            pdf = work / "pdf" / (Path(name).stem + ".pdf")
            if not pdf.is_file():
                raise PdfFailed(done.stderr.decode("utf-8", "replace").strip() or f"exit {done.returncode}")
            data = pdf.read_bytes()
            if ARCHIVAL not in data:
                raise PdfFailed(t("build.pdf_not_archival", file=pdf.name))
            converted.append((pdf.name, data))
        return converted
