"""A review made by LibreOffice itself: a built .docx edited in Writer, run headless, with change
recording on, and saved as .docx ("MS Word 2007 XML"), as a reviewer without git would.

The edits are a Basic macro (tests/libreoffice_review.bas) in a throwaway user profile. What it
takes to make `soffice --headless "macro:///..."` run one (docs in /work/notes/i26.md):
- the profile must have started once (`--terminate_after_init`) before the module is written: the
  first start lays down the user's Basic libraries (user/basic/*.xlc, Standard/*.xlb) and writes
  an empty Module1.xba over one put there before;
- every Basic error, a compile error too, opens a dialog that a headless soffice waits on for
  ever: the macro catches its errors and writes them to a status file, and soffice runs under a
  timeout, its process group killed when it passes;
- the document is opened as a model without a view, and the source is a copy (LibreOffice leaves
  a lock file beside what it opened).
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from xml.sax.saxutils import escape

MACRO = Path(__file__).with_name("libreoffice_review.bas")
TIMEOUT = 180


@dataclass(frozen=True)
class Edit:
    """One edit: where ("body" or "footnote"), what ("replace", "delete" or "comment"), the words
    it acts on (the first paragraph that holds them), and the new words or the comment's text."""

    where: str
    what: str
    words: str
    value: str = ""


def replace(words: str, new: str) -> Edit:
    return Edit("body", "replace", words, new)


def delete_in_footnote(words: str) -> Edit:
    return Edit("footnote", "delete", words)


def comment(words: str, text: str, where: str = "body") -> Edit:
    return Edit(where, "comment", words, text)


class ReviewFailed(Exception):
    pass


def review(
    soffice: str,
    source: Path,
    target: Path,
    edits: list[Edit],
    work: Path,
    author: tuple[str, str] = ("A.", "Jansen"),
    when: date = date(2025, 11, 20),
) -> None:
    """Edit SOURCE in LibreOffice with tracked changes and comments by AUTHOR; write TARGET."""
    profile = work / "profile"
    status = work / "status.txt"
    copy = work / "in.docx"
    shutil.copyfile(source, copy)
    profile_option = f"-env:UserInstallation={profile.as_uri()}"
    run_soffice([soffice, profile_option, "--headless", "--terminate_after_init"])
    given, surname = author
    values = {
        "STATUS": str(status),
        "SOURCE": copy.as_uri(),
        "TARGET": target.resolve().as_uri(),
        "GIVEN": given,
        "SURNAME": surname,
        "AUTHOR": f"{given} {surname}",
        "INITIALS": given[:1] + surname[:1],
        "YEAR": str(when.year),
        "MONTH": str(when.month),
        "DAY": str(when.day),
    }
    module = profile / "user" / "basic" / "Standard" / "Module1.xba"
    module.write_text(_module(values, edits), encoding="utf-8")
    run_soffice(
        [
            soffice,
            profile_option,
            "--headless",
            "macro:///Standard.Module1.Review",
        ]
    )
    said = status.read_text(encoding="utf-8", errors="replace").strip() if status.exists() else "no status"
    if said != "ok" or not target.exists():
        raise ReviewFailed(said)


def _module(values: dict[str, str], edits: list[Edit]) -> str:
    source = MACRO.read_text(encoding="utf-8")
    for name, value in values.items():
        source = source.replace(f"@{name}@", _literal_body(value))
    calls = "\n".join(f"  If Not Edit(oDoc, {_arguments(e)}) Then GoTo Failed" for e in edits)
    source = source.replace("  REM EDITS", calls)
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<!DOCTYPE script:module PUBLIC "-//OpenOffice.org//DTD OfficeDocument 1.0//EN" "module.dtd">\n'
        '<script:module xmlns:script="http://openoffice.org/2000/script" script:name="Module1"'
        f' script:language="StarBasic">{escape(source)}</script:module>\n'
    )


def _arguments(edit: Edit) -> str:
    return ", ".join(_literal(value) for value in (edit.where, edit.what, edit.words, edit.value))


def _literal_body(value: str) -> str:
    if "\n" in value or "\r" in value:
        raise ValueError(f"a Basic string holds no line break: {value!r}")
    return value.replace('"', '""')


def _literal(value: str) -> str:
    return f'"{_literal_body(value)}"'


def run_soffice(command: list[str], timeout: int = TIMEOUT) -> None:
    """Run soffice in a process group of its own; past `timeout` seconds the group is killed
    (soffice is a script that starts soffice.bin, which a plain kill of the child would leave
    running). soffice exits 0 even when it could not load a document: look for what it wrote."""
    process = subprocess.Popen(
        command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True
    )
    try:
        process.wait(timeout=timeout)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        process.wait()
        raise ReviewFailed(f"soffice did not finish in {timeout} s: {' '.join(command[2:])}") from None
