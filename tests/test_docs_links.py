"""Every relative link in the README and in docs/ points at a file that exists, and every #anchor at a
heading that exists there, with the anchors GitHub makes (lowercase, spaces to hyphens, punctuation
dropped, a repeated heading numbered -1, -2)."""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

import pytest

from conftest import REPO

PAGES = [REPO / "README.md", *sorted((REPO / "docs").rglob("*.md"))]
FENCE = re.compile(r"^\s*(```|~~~)")
LINK = re.compile(r"(?<!!)\[(?:[^\]\\]|\\.)*\]\(([^)\s]+)(?:\s+\"[^\"]*\")?\)")
INLINE_CODE = re.compile(r"`[^`]*`")
EXTERNAL = re.compile(r"^[a-z][a-z0-9+.-]*:", re.IGNORECASE)  # https:, mailto:


def prose_lines(text: str):
    """(line number, line) outside fenced code blocks."""
    fenced = False
    for number, line in enumerate(text.splitlines(), 1):
        if FENCE.match(line):
            fenced = not fenced
            continue
        if not fenced:
            yield number, line


def slug(heading: str) -> str:
    text = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", heading.strip().lower())  # a link: its text
    return re.sub(r"[^\w\- ]", "", text).replace(" ", "-")


@cache
def anchors(page: Path) -> frozenset[str]:
    seen: dict[str, int] = {}
    found = set()
    for _, line in prose_lines(page.read_text(encoding="utf-8")):
        heading = re.match(r"^#{1,6}\s+(.*?)\s*#*\s*$", line)
        if heading:
            base = slug(heading.group(1))
            n = seen.get(base, 0)
            seen[base] = n + 1
            found.add(base if n == 0 else f"{base}-{n}")
    return frozenset(found)


def links(page: Path):
    """(line, target) of each relative link in the prose of a page."""
    for number, line in prose_lines(page.read_text(encoding="utf-8")):
        for target in LINK.findall(INLINE_CODE.sub("", line)):
            if not EXTERNAL.match(target):
                yield number, target


def broken(page: Path, target: str) -> str | None:
    """Why a link does not resolve, or None."""
    path, _, anchor = target.partition("#")
    where = (page.parent / path).resolve() if path else page
    if not where.exists():
        return "no such file"
    if REPO not in where.parents and where != REPO:
        return "outside the repository"
    if anchor and (where.suffix != ".md" or anchor not in anchors(where)):
        return "no such heading"
    return None


def test_the_slugs_are_githubs():
    assert slug("3. Een brief (`letters/<brief-id>.yaml`)") == "3-een-brief-lettersbrief-idyaml"
    assert slug("Gedeelde waarden: `verzamel.yaml`") == "gedeelde-waarden-verzamelyaml"
    assert slug("Wat `build` schrijft: `--format`") == "wat-build-schrijft---format"
    assert slug("How to add …") == "how-to-add-"
    assert slug("Één zin per regel") == "één-zin-per-regel"


def test_the_checker_sees_a_broken_link(tmp_path):
    page = REPO / "docs" / "formats.md"
    assert broken(page, "checking.md") is None
    assert broken(page, "#4-vertrouwelijke-tekst") is None
    assert broken(page, "nergens.md") == "no such file"
    assert broken(page, "checking.md#nergens") == "no such heading"
    assert broken(page, "../../../etc/passwd") in ("no such file", "outside the repository")
    text = "[a](b.md) `[c](d.md)` ![plaatje](e.png) [f](https://example.org)\n```\n[g](h.md)\n```\n"
    (tmp_path / "page.md").write_text(text, encoding="utf-8")
    assert list(links(tmp_path / "page.md")) == [(1, "b.md")]


@pytest.mark.parametrize("page", PAGES, ids=[str(p.relative_to(REPO)) for p in PAGES])
def test_every_relative_link_resolves(page):
    problems = [f"{number}: {target} ({why})" for number, target in links(page)
                if (why := broken(page, target))]  # fmt: skip
    assert problems == []
