"""The user guides that `verzamel help` prints: docs/*.md and the rule pages in docs/rules/, read from
the installed package (pyproject.toml packages docs/ as verzamel.docs; docs/dev/ stays out).

A guide keeps its file name (formats.md) and has Dutch names as well; the first is the one the
list shows. Every name here is a topic of `verzamel help`, and the names that messages, the starter
dossier and the skeletons point at must be among them (tests/test_guides.py).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from .project import shipped_folder

GUIDE_FOLDER = shipped_folder("docs")
RULES = "rules"
"""The guide whose page is docs/rules/README.md, and whose sub-topics are the rule families' pages."""

NAMES: dict[str, tuple[str, ...]] = {
    "formats": ("opmaak", "bestanden", "schrijven", "brief", "fragment", "voetnoten", "huisstijl"),
    "checking": ("controleren", "controle", "check"),
    "woo": ("woo", "lakken", "openbaarmaking"),
    "review": ("beoordelen", "wijzigingen", "diff"),
    "citations": ("verwijzingen", "citeren", "kamerstukken"),
    "agenda": ("agenda", "ministerraad", "status", "freeze"),
    "preview": ("voorbeeld", "browser"),
    "glossary": ("begrippen", "woordenlijst", "termen"),
    "publication": ("publicatie", "publiceren"),
    RULES: ("regels",),
}
"""guide (its file name in docs/) -> its Dutch names, the first the one `verzamel help` lists."""


@dataclass(frozen=True)
class Guide:
    name: str
    """The file name without .md (formats); `rules` for docs/rules/README.md."""
    path: Path

    @property
    def topic(self) -> str:
        """The name `verzamel help` lists: the first Dutch one."""
        return NAMES.get(self.name, (self.name,))[0]

    @property
    def names(self) -> tuple[str, ...]:
        return (self.name, *NAMES.get(self.name, ()))

    def text(self) -> str:
        return self.path.read_text(encoding="utf-8")

    def title(self) -> str:
        """The guide's first heading, as the list shows it."""
        for line in self.text().splitlines():
            if line.startswith("# "):
                return line[2:].strip()
        return ""


def guides(folder: Path = GUIDE_FOLDER) -> list[Guide]:
    """Every guide the package has, in the order of NAMES (those it does not name after them)."""
    found = {p.stem: Guide(p.stem, p) for p in folder.glob("*.md")}
    index = folder / RULES / "README.md"
    if index.is_file():
        found[RULES] = Guide(RULES, index)
    order = {name: place for place, name in enumerate(NAMES)}
    return sorted(found.values(), key=lambda g: (order.get(g.name, len(order)), g.name))


def find(topic: str, folder: Path = GUIDE_FOLDER) -> Guide | None:
    """The guide a topic names (its file name or one of its Dutch names, in any case), or None."""
    wanted = topic.strip().lower().removesuffix(".md")
    return next((g for g in guides(folder) if wanted in g.names), None)


def rule_pages(folder: Path = GUIDE_FOLDER) -> dict[str, Path]:
    """The rule families' pages in docs/rules/: family name -> page."""
    return {p.stem: p for p in sorted((folder / RULES).glob("*.md")) if p.stem != "README"}
