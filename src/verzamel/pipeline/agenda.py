"""`verzamel agenda`: the letters for a ministerraad, through the pipeline, as an `agenda.Agenda`."""

from __future__ import annotations

from datetime import date

from ..agenda import Agenda, AgendaItem, decision_lines, next_mr
from ..checks.ministerraad import PAPERS_AHEAD
from ..project import Project
from ..sources import load_sources
from .run import run as run_letters
from .sent import letter_documents


def make_agenda(
    project: Project,
    mr: date | None = None,
    start: date | None = None,
    end: date | None = None,
    today: date | None = None,
) -> Agenda:
    sources = load_sources(project)
    letters = [letter for _, letter in sorted(sources.letters.items())]
    if mr is None and start is None and end is None:
        mr = next_mr(letters, today)
    if mr is not None:
        chosen = [mr]
    else:
        low, high = start or date.min, end or date.max
        chosen = sorted({x.ministerraad for x in letters if x.ministerraad and low <= x.ministerraad <= high})
    on_agenda = [letter for letter in letters if letter.ministerraad in chosen]
    agenda = Agenda(chosen)
    if not on_agenda:
        return agenda
    run = run_letters(project, sources, [letter.id for letter in on_agenda])
    for letter in on_agenda:
        check = run.letters[letter.id]
        documents, _ = letter_documents(project, check)  # a sent letter: as sent
        # the decision as published: the MR agenda is public, and its Markdown goes round by e-mail
        beslisnota = next((d for d in documents if d.kind == "beslisnota-openbaar"), None)
        ready = letter.data["beslisnota"].get("datum")
        ready = ready if isinstance(ready, date) else None
        signature = letter.data.get("signature") or {}
        minister = ", ".join(str(v) for v in (signature.get("function"), signature.get("name")) if v)
        agenda.items.append(
            AgendaItem(
                letter=letter.id,
                betreft=letter.betreft,
                minister=minister,
                status=letter.status,
                mr=letter.ministerraad,
                besluit=decision_lines(beslisnota),
                ready=ready,
                on_time=(ready <= letter.ministerraad - PAPERS_AHEAD) if ready else None,
                errors=sum(d.is_error for d in check.diagnostics),
                warnings=sum(d.severity.value == "warning" for d in check.diagnostics),
            )
        )
    return agenda
