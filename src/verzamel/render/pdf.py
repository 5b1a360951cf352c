"""PDF: the .docx converted by LibreOffice, when it is installed (`soffice`).

One LibreOffice run converts all documents of a letter, with a profile of its own in a temporary
folder, so a LibreOffice the user has open is not disturbed. LibreOffice stamps the moment of
conversion in the PDF: unlike the .docx and .html, two PDFs of the same sources differ in bytes.
"""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path

TIMEOUT = 300
"""Seconds one conversion may take (a letter's three documents take a few)."""


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
            "pdf",
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
            converted.append((pdf.name, pdf.read_bytes()))
        return converted
