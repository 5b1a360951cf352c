"""The preview keeps each letter in memory between saves (preview.state, cache.builds.LettersInMemory)
and makes again only the letters whose inputs changed. Whatever is saved, what it shows must be what
a preview started afresh shows: never a letter made from inputs that are no longer there."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import TERUGKEERBRIEF, VERZAMELBRIEF, dossier_in_git, edit
from verzamel.preview.state import PreviewState


def _write(path: Path, text: str) -> None:
    path.write_text(text, encoding="utf-8")


NEW_FRAGMENT = "---\nid: nieuw\ntitle: Nieuw\n---\nEen nieuw fragment dat geen brief gebruikt.\n"

CHANGES = {
    "a fragment of one letter": lambda root: edit(
        root / "sections" / "inleiding-terugkeer.md", "op een rij", "nog eens op een rij"
    ),
    "what a kamerbrief fragment appraises (read by the beslisnota)": lambda root: edit(
        root / "sections" / "appreciatie-clingendael.md", "appraises: Rapport", "appraises: Het rapport"
    ),
    "a template": lambda root: edit(
        root / "templates" / "beslisnota.md.j2", "De brief bevat", "De brief omvat"
    ),
    "verzamel.yaml": lambda root: edit(root / "verzamel.yaml", '"(naam minister)"', '"(de minister)"'),
    "the footnote registry": lambda root: edit(
        root / "footnotes" / "toelichtingen.yaml",
        "zoals een\n    informatiecampagne",
        "zoals een\n    voorlichtingscampagne",
    ),
    "a manifest": lambda root: edit(
        root / "letters" / f"{TERUGKEERBRIEF}.yaml", "Terugkeer van ontheemden", "Terugkeer van de ontheemden"
    ),
    "a fragment added": lambda root: _write(root / "sections" / "nieuw.md", NEW_FRAGMENT),
    "a fragment removed": lambda root: (root / "sections" / "terugkeer.md").unlink(),
    "the lock removed": lambda root: (root / "letters" / f"{VERZAMELBRIEF}.lock").unlink(),
    "a source of the sent letter": lambda root: edit(
        root / "sections" / "eu-exit-strategie.md", "In juni 2025", "In juni van 2025"
    ),
}


def shown(state: PreviewState) -> dict:
    """What the preview shows: per letter its documents made from the sources as they are (a letter
    with errors shows its last good ones, which a fresh preview has not: neither counts), whether
    they are made from the current sources of a sent letter, and its diagnostics."""
    return {
        letter_id: (view.documents if not view.outdated else {}, view.sent_moved_on, view.diagnostics)
        for letter_id, view in state.letters.items()
    } | {"": state.diagnostics}


@pytest.mark.parametrize("change", CHANGES, ids=list(CHANGES))
def test_after_a_save_the_preview_shows_what_a_fresh_one_shows(tmp_path, change):
    root = dossier_in_git(tmp_path / "dossier", frozen=True)
    kept = PreviewState(root)
    assert kept.refresh() and kept.remade == 2 and kept.failure is None
    CHANGES[change](root)
    assert kept.refresh() and kept.failure is None
    fresh = PreviewState(root)
    fresh.refresh()
    assert shown(kept) == shown(fresh)


def test_a_save_no_letter_uses_makes_no_letter_again(tmp_path):
    root = dossier_in_git(tmp_path / "dossier", frozen=True)
    state = PreviewState(root)
    state.refresh()
    before = {i: view.documents for i, view in state.letters.items()}
    _write(root / "sections" / "nieuw.md", NEW_FRAGMENT)  # a new name: every letter's key changes
    assert state.refresh() and state.remade == 2
    edit(root / "sections" / "nieuw.md", "Een nieuw", "Nog een nieuw")  # used by no letter
    # the sent letter too (its house style moved on, MOVED_ON: shown as its current sources make it)
    assert state.refresh() and state.remade == 0
    assert {i: view.documents for i, view in state.letters.items()} == before
    edit(root / "sections" / "eu-exit-strategie.md", "In juni 2025", "In juni van 2025")  # the sent letter's
    assert state.refresh() and state.remade == 1
    assert state.letters[VERZAMELBRIEF].documents != before[VERZAMELBRIEF]
    assert state.letters[TERUGKEERBRIEF].documents == before[TERUGKEERBRIEF]


@pytest.mark.parametrize("fragment", ["inleiding-terugkeer.md", "eu-exit-strategie.md"])  # sent letter's too
def test_a_source_broken_and_then_mended_shows_what_a_fresh_preview_shows(tmp_path, fragment):
    root = dossier_in_git(tmp_path / "dossier", frozen=True)
    state = PreviewState(root)
    state.refresh()
    path = root / "sections" / fragment
    good = path.read_text(encoding="utf-8")
    _write(path, good.replace("title: ", "title: [", 1))
    assert state.refresh() and any(view.outdated for view in state.letters.values())
    _write(path, good.replace("---\n", "---\n\n", 1))  # mended, and not as it was
    assert state.refresh()
    fresh = PreviewState(root)
    fresh.refresh()
    assert shown(state) == shown(fresh)
    assert not any(view.outdated for view in state.letters.values())
