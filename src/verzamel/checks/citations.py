"""Citations: checked against the registry, against each other, and against the house style."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..citations import models
from ..citations import vergaderjaar as vj_forms
from ..citations.find import find, missing_nr_reason
from ..citations.models import Citation, Refusal
from ..citations.render import needs_vergaderjaar, render
from ..citations.resolve import from_registry, parse_id, with_registry_facts
from ..diagnostics import Diagnostic, Fix, close_matches, report
from ..messages import join, t
from ..model import NoteRef, SourceSpan, iter_inlines
from ..sources import Sources
from .regions import ProseRegions

REGISTERED_KINDS = (models.KAMERSTUK, models.HANDELINGEN, models.AANHANGSEL, *models.BLAD_PREFIX)


def registrable(citation: Citation) -> bool:
    """A document the registry describes: a kamerstuk with its number, Handelingen, a blad."""
    return citation.kind in REGISTERED_KINDS and (citation.kind != models.KAMERSTUK or bool(citation.number))


@dataclass
class CitationUse:
    citation: Citation
    span: SourceSpan


@dataclass
class CitationIndex:
    """Every citation in the dossier's text, with where it stands; and what the registry says."""

    uses: list[CitationUse] = field(default_factory=list)
    refusals: list[tuple[Refusal, SourceSpan]] = field(default_factory=list)
    cited_by_id: list[NoteRef] = field(default_factory=list)
    """`[@id]` references, in fragments, manifest prose and registry texts."""
    registry_refs: list[NoteRef] = field(default_factory=list)
    """`[^id]` references to a registry entry that describes a cited document."""
    registered: dict[str, Citation] = field(default_factory=dict)


def index(sources: Sources, regions: ProseRegions) -> CitationIndex:
    """Every citation in the dossier's prose and registry; computed once per run (`check` and
    `references.check` share it), from the last run's reading of each text that did not change."""
    found = CitationIndex()
    for note_id, note in sources.registry.items():
        if (citation := from_registry(note_id, note.facts)) is not None:
            found.registered[note_id] = citation
    for path, places in regions.places.items():
        for item, span in sources.memo(_written_in, sources.texts[path], path, places, regions=regions):
            if isinstance(item, Refusal):
                found.refusals.append((item, span))
            else:
                found.uses.append(CitationUse(item, span))
    texts = [f.blocks for f in sources.all_fragments()] + [n.blocks for n in sources.registry.values()]
    for blocks in texts:
        for ref in (i for i in iter_inlines(blocks) if isinstance(i, NoteRef)):
            if ref.cited_id:
                found.cited_by_id.append(ref)
            elif ref.label in found.registered:
                found.registry_refs.append(ref)
    return found


def _written_in(text: str, path: str, places, *, regions) -> list[tuple[Citation | Refusal, SourceSpan]]:
    """The citations written out in a file's prose, with their places; kept by the file's `text`
    and the `places` of its prose, which decide its regions."""
    found = []
    for region in regions[path]:
        for item in find(region.text):
            if region.text[max(item.start - 2, 0) : item.start] in ("[@", "[^"):
                continue  # an id in cite or footnote syntax: checked as such
            found.append((item, region.span(item.start, item.end)))
    return found


def check(sources: Sources, cited: CitationIndex, style: str) -> list[Diagnostic]:
    out: list[Diagnostic] = [report(r.rule, span, r.reason) for r, span in cited.refusals]
    out += _registry_entries(sources)
    first_seen: dict[str, CitationUse] = {}
    shared_spans = _spans_with_several_citations(cited.uses)
    for use in cited.uses:
        c, registered = use.citation, cited.registered.get(use.citation.id)
        out += _form(use)
        out += _missing_nr(use, registered, style)
        out += _against_registry(use, registered, sources)
        if registered is None and c.id in first_seen:
            out += _against_each_other(use, first_seen[c.id])
        first_seen.setdefault(c.id, use)
        if use.span not in shared_spans:
            out += _house_style(use, registered, style)
    for ref in cited.cited_by_id:
        if ref.cited_id in sources.registry:
            continue
        if parse_id(ref.cited_id) is None:
            out.append(
                report(
                    "CIT008",
                    ref.span,
                    t("citations.not_citation_id_verzamel", cited_id=ref.cited_id),
                    t("citations.ids_look_like_kst"),
                )
            )
        else:
            out.extend(_missing(ref.cited_id, ref.span, sources))
    return out


def _spans_with_several_citations(uses: list[CitationUse]) -> set[SourceSpan]:
    seen, several = set(), set()
    for use in uses:
        (several if use.span in seen else seen).add(use.span)
    return several


def _form(use: CitationUse) -> list[Diagnostic]:
    c = use.citation
    if c.kind == models.KAMERSTUK and c.is_ek_letter and c.number_keyword:
        return [
            report(
                "CIT005",
                use.span,
                t("citations.eerste_kamer_letter_has", text=c.text, number=c.number),
                t("citations.write_2", dossier=c.dossier, number=c.number),
            )
        ]
    if c.kind == models.KAMERSTUK and c.is_ek_letter and c.chamber == "II":
        return [
            report(
                "CIT005",
                use.span,
                t("citations.letters_number_eerste_kamer", text=c.text, number=c.number),
                t("citations.write_kamerstukken_i_tweede"),
            )
        ]
    if c.kind == models.HANDELINGEN and c.item and c.vergaderjaar and c.vergaderjaar[1] <= 2010:
        return [
            report(
                "CIT006",
                use.span,
                t("citations.handelingen_have_items_only", text=c.text),
                t("citations.cite_pages_p"),
            )
        ]
    return []


def _missing_nr(use: CitationUse, registered: Citation | None, style: str) -> list[Diagnostic]:
    """`Kamerstuk 21 501-20, 2105`: read as nr. 2105, never as the whole dossier, and reported.
    The fix writes it in house style, or (without the vergaderjaar that style needs) adds `nr.`."""
    c = with_registry_facts(use.citation, registered)
    if not c.missing_nr:
        return []
    written = " ".join(c.text.split())
    if needs_vergaderjaar(style) and not c.vergaderjaar:
        wanted = re.sub(rf",\s*{c.number}\b", f", nr. {c.number}", written, count=1)
    else:
        wanted = render(c, style)
    return [
        report(
            "CIT010",
            use.span,
            missing_nr_reason(written, c.number),
            t("citations.write", wanted=wanted),
            Fix(use.span, wanted),
        )
    ]


def _against_registry(use: CitationUse, registered: Citation | None, sources: Sources) -> list[Diagnostic]:
    c = use.citation
    if registered is None:
        known = c.id in sources.registry
        wanted = registrable(c) and c.form != "id"
        return [] if known or not wanted else _missing(c.id, use.span, sources, "CIT009")
    out = []
    date = sources.registry[c.id].facts.get("date")
    if c.vergaderjaar and registered.vergaderjaar and c.vergaderjaar != registered.vergaderjaar:
        out.append(
            report(
                "CIT001",
                use.span,
                t(
                    "citations.says_but_dated_vergaderjaar",
                    text=c.text,
                    written=vj_forms.short(c.vergaderjaar),
                    id=c.id,
                    date=date,
                    right=vj_forms.short(registered.vergaderjaar),
                ),
                t("citations.vergaderjaar_starts_on_prinsjesdag"),
            )
        )
    if c.chamber and registered.chamber and c.chamber != registered.chamber:
        out.append(
            report(
                "CIT002",
                use.span,
                t(
                    "citations.says_kamerstukken_registry_says",
                    text=c.text,
                    chamber=c.chamber,
                    registered=registered.chamber,
                    id=c.id,
                ),
            )
        )
    return out


def _against_each_other(use: CitationUse, first: CitationUse) -> list[Diagnostic]:
    a, b = first.citation, use.citation
    for name, shown in (("vergaderjaar", vj_forms.short), ("chamber", str)):
        x, y = getattr(a, name), getattr(b, name)
        if x and y and x != y:
            return [
                report(
                    "CIT002",
                    use.span,
                    t(
                        "citations.cited_with_here_at",
                        id=b.id,
                        name=name,
                        value=shown(y),
                        first_value=shown(x),
                        span=first.span,
                    ),
                    t("citations.add_with_date_footnotes", id=b.id),
                )
            ]
    return []


def _house_style(use: CitationUse, registered: Citation | None, style: str) -> list[Diagnostic]:
    c = with_registry_facts(use.citation, registered)
    if c.kind != models.KAMERSTUK or c.form != "full" or c.continuation or not c.number or c.missing_nr:
        return []
    if needs_vergaderjaar(style) and not c.vergaderjaar:
        return []
    wanted = render(c, style)
    if " ".join(c.text.split()) == wanted:
        return []
    return [
        report(
            "CIT007",
            use.span,
            t("citations.not_house_style", text=" ".join(c.text.split()), style=style),
            t("citations.write", wanted=wanted),
            Fix(use.span, wanted),
        )
    ]


def _missing(identifier: str, span: SourceSpan, sources: Sources, rule: str = "CIT003") -> list[Diagnostic]:
    """CIT003 (cited by id) or CIT009 (written out), with the registry ids it may be a typing error
    for, and the entry to add if it is not."""
    if identifier in sources.unreadable_notes:
        return []  # its entry has an error of its own
    close = close_matches(identifier, sources.registry, 3, 0.75)
    add = t("citations.add_entry", id=identifier)
    hint = t("citations.did_you_mean", ids=join(close, "list.or"), add=add) if close else add
    return [report(rule, span, t("citations.not_registry_footnotes", identifier=identifier), hint)]


def _registry_entries(sources: Sources) -> list[Diagnostic]:
    """An entry's own facts must agree with its id."""
    out = []
    for note_id, note in sources.registry.items():
        citation = parse_id(note_id)
        if citation is None:
            continue
        for name in ("dossier", "number"):
            value = note.facts.get(name)
            if value is not None and str(value).replace(" ", "") != getattr(citation, name):
                out.append(
                    report(
                        "CIT002",
                        note.span,
                        t(
                            "citations.has_but_id_says",
                            note_id=note_id,
                            name=name,
                            value=value,
                            expected=getattr(citation, name),
                        ),
                    )
                )
    return out


def uses_by_id(sources: Sources, regions: ProseRegions) -> dict[str, tuple[Citation, list[SourceSpan]]]:
    """Every document cited in the dossier, by id: the citation (with registry facts) and where."""
    cited = index(sources, regions)
    out: dict[str, tuple[Citation, list[SourceSpan]]] = {}

    def add(identifier: str, citation: Citation | None, span: SourceSpan) -> None:
        if citation is None:
            return
        best = cited.registered.get(identifier) or citation
        out.setdefault(identifier, (best, []))[1].append(span)

    for use in cited.uses:
        add(use.citation.id, use.citation, use.span)
    for ref in cited.cited_by_id:
        add(ref.cited_id, parse_id(ref.cited_id), ref.span)
    for ref in cited.registry_refs:
        add(ref.label, cited.registered[ref.label], ref.span)
    return dict(sorted(out.items()))
