"""`verzamel new`: a new letter manifest or fragment that checks clean, from the skeletons in the
package (src/verzamel/skeletons/), never over an existing file."""

from __future__ import annotations

import json
import os
import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from string import Template

from .project import Project
from .sources.reading import unsafe_characters
from .sources.yamlfile import DATE_RANGE
from .write import write_atomic

SKELETONS = Path(__file__).parent / "skeletons"
ID = re.compile(r"[a-z0-9][a-z0-9_-]*")


class ScaffoldError(Exception):
    """Why the file cannot be made: the message key under `new.` and its values."""

    def __init__(self, key: str, **values):
        self.key = key
        self.values = values
        super().__init__(key)


@dataclass
class Made:
    path: Path
    relative: str


def _quoted(text: str) -> str:
    """A YAML scalar that reads back as exactly `text` (a JSON string is valid YAML)."""
    return json.dumps(text, ensure_ascii=False)


def _holdable(*texts: str) -> None:
    """What is written into the new file is text a document can hold (else check would refuse it)."""
    for text in texts:
        found = unsafe_characters(text)
        if found:
            raise ScaffoldError("unsafe_character", code=f"U+{ord(found[0][0]):04X}")


def _target(project: Project, folder: str, item_id: str, suffix: str) -> tuple[Path, str]:
    if not ID.fullmatch(item_id):
        raise ScaffoldError("bad_id", id=item_id)
    relative = f"{folder}/{item_id}{suffix}"
    path = project.root / relative
    if os.path.lexists(path):  # False for a name too long for the system: writing it then says so
        raise ScaffoldError("exists", path=relative)
    return path, relative


def new_letter(
    project: Project,
    letter_id: str,
    betreft: str,
    datum: date,
    kenmerk: str,
    ministerraad: date | None,
    fragments: list[str],
    known_fragments: set[str],
) -> Made:
    path, relative = _target(project, "letters", letter_id, ".yaml")
    unknown = [f for f in fragments if f not in known_fragments]
    if unknown:
        raise ScaffoldError("unknown_fragments", ids=", ".join(unknown))
    for day in (datum, ministerraad):
        if day is not None and not DATE_RANGE[0] <= day.year <= DATE_RANGE[1]:
            raise ScaffoldError("date_outside", date=day.isoformat(), first=DATE_RANGE[0], last=DATE_RANGE[1])
    _holdable(betreft, kenmerk)
    values = {
        "betreft": _quoted(betreft),
        "datum": datum.isoformat(),
        "kenmerk": _quoted(kenmerk),
        "ministerraad": f"ministerraad: {ministerraad.isoformat()}\n" if ministerraad else "",
        "fragments": "".join(f"\n    - {f}" for f in fragments) if fragments else " []",
    }
    text = Template((SKELETONS / "letter.yaml").read_text(encoding="utf-8")).substitute(values)
    write_atomic(path, text.encode("utf-8"))
    return Made(path, relative)


def new_section(project: Project, section_id: str, title: str, woo: str | None) -> Made:
    """A fragment; with `woo` (a ground such as 5.1.2i) it is not public and withheld on that ground."""
    path, relative = _target(project, "sections", section_id, ".md")
    _holdable(title)
    withheld = f"public: false\nwoo: {woo}\n" if woo else ""
    values = {"id": section_id, "title": _quoted(title), "withheld": withheld}
    text = Template((SKELETONS / "section.md").read_text(encoding="utf-8")).substitute(values)
    write_atomic(path, text.encode("utf-8"))
    return Made(path, relative)
