"""Reading the provenance carrier of a .docx back (render/docx/provenance.py), independently of
the writer: the map of the custom XML part, the bookmarks, the custom properties."""

from __future__ import annotations

import hashlib
import re
import zipfile
from pathlib import Path

from lxml import etree

from docx_reading import W

PROVENANCE = "urn:verzamel:provenance:1"
CUSTOM = "http://schemas.openxmlformats.org/officeDocument/2006/custom-properties"
COPY_SUFFIX = re.compile(r"(_Copy_\d+| Copy \d+)$")
"""What LibreOffice appends to a bookmark in a footnote from the second footnote on."""


def carrier(path: Path) -> dict[str, dict[str, str]]:
    """The map: bookmark name -> its entry's attributes (no map: empty)."""
    with zipfile.ZipFile(path) as package:
        if "customXml/item1.xml" not in package.namelist():
            return {}
        root = etree.fromstring(package.read("customXml/item1.xml"))
    return {e.get("name"): dict(e.attrib) for e in root.iter(f"{{{PROVENANCE}}}paragraph")}


def properties(path: Path) -> dict[str, str]:
    with zipfile.ZipFile(path) as package:
        if "docProps/custom.xml" not in package.namelist():
            return {}
        root = etree.fromstring(package.read("docProps/custom.xml"))
    return {p.get("name"): "".join(p.itertext()) for p in root.iter(f"{{{CUSTOM}}}property")}


def bookmarked(path: Path, part: str) -> dict[str, str]:
    """Bookmark name (LibreOffice's copy suffix taken off) -> the text of the paragraph it is in."""
    with zipfile.ZipFile(path) as package:
        root = etree.fromstring(package.read(part))
    out = {}
    for p in root.iter(f"{{{W}}}p"):
        text = "".join(t.text or "" for t in p.iter(f"{{{W}}}t", f"{{{W}}}delText"))
        for start in p.iter(f"{{{W}}}bookmarkStart"):
            out[COPY_SUFFIX.sub("", start.get(f"{{{W}}}name"))] = text
    return out


def lines_digest(path: Path, first: int, last: int) -> str:
    """The digest a paragraph written on lines first..last of `path` should carry: its words."""
    lines = path.read_text(encoding="utf-8").split("\n")[first - 1 : last]
    return hashlib.sha256(" ".join(" ".join(lines).split()).encode("utf-8")).hexdigest()[:16]
