"""Finding citations in text: `find(text)` returns typed citations and refusals, with offsets.

Several numbers ("nrs. 12 en 14") give one citation each; a bare "19637, nr. 3500" right after a
kamerstuk in the same list is a citation too. A TK zaak number written as a kamerstuk, or a
kamerstuk keyword followed by nothing readable, is refused: reported, never guessed at.
"""

from __future__ import annotations

import re

from ..messages import t
from . import models, patterns
from . import vergaderjaar as vj_forms
from .models import Citation, Refusal

BLAD_KINDS = {
    "stb": models.STAATSBLAD,
    "staatsblad": models.STAATSBLAD,
    "stcrt": models.STAATSCOURANT,
    "staatscourant": models.STAATSCOURANT,
    "trb": models.TRACTATENBLAD,
    "tractatenblad": models.TRACTATENBLAD,
}
EU_TYPES = {"richtlijn": "L", "kaderbesluit": "F", "besluit": "D", "uitvoeringsbesluit": "D"}
KEYWORD = re.compile(r"\b[Kk]amerstuk(?:ken)?\b")


def _dossier(text: str) -> str:
    return re.sub(r"[ .\u00a0]", "", text)


def _numbers(text: str) -> list[str]:
    """`12 en 14`, `12, 13 en 14`, `12-14` -> ['12', '13', '14'] (ranges up to 20 long)."""
    parts = re.split(r"\s*(?:,|en|&)\s*", text.strip())
    out: list[str] = []
    for part in parts:
        low, _, high = [p.strip() for p in re.split(r"([-–])", part, maxsplit=1) + ["", ""]][:3]
        if high and low.isdigit() and high.isdigit() and 0 < int(high) - int(low) <= 20:
            out.extend(str(n) for n in range(int(low), int(high) + 1))
        else:
            out.extend(p for p in (low, high) if p)
    return out


def _vergaderjaar(match) -> tuple[int, int] | None:
    if not match.groupdict().get("vj1"):
        return None
    return vj_forms.parse(match["vj1"], match["vj2"])


def find(text: str) -> list[Citation | Refusal]:
    """Every citation and refusal in `text`, in order of position; overlapping finds are resolved
    in favour of the one that starts first and is longest."""
    found: list[Citation | Refusal] = []
    found += _zaak_numbers(text)
    found += _kamerstukken(text)
    found += _simple_forms(text)
    found += _unreadable_kamerstukken(text, found)
    found.sort(key=lambda f: (f.start, -(f.end - f.start)))
    kept: list[Citation | Refusal] = []
    taken_until = -1
    for item in found:
        if item.start >= taken_until or _same_span_family(item, kept):
            kept.append(item)
            taken_until = max(taken_until, item.end)
    return kept


def _same_span_family(item, kept) -> bool:
    """Several numbers of one written citation share its span: keep them all."""
    return (
        bool(kept)
        and isinstance(item, Citation)
        and isinstance(kept[-1], Citation)
        and ((kept[-1].start, kept[-1].end) == (item.start, item.end))
    )


def _zaak_numbers(text: str) -> list[Refusal]:
    return [
        Refusal(
            "CIT004",
            t("citations.zaak_number", zaak=m["zaak"]),
            m[0],
            m.start(),
            m.end(),
            {"zaak": m["zaak"]},
        )
        for m in patterns.ZAAK.finditer(text)
    ]


def _kamerstukken(text: str) -> list[Citation]:
    found: list[Citation] = []
    for pattern, form in ((patterns.TITLE_FORM, "title"), (patterns.ID_FORM, "id")):
        for match in pattern.finditer(text):
            found.append(
                Citation(
                    models.KAMERSTUK,
                    match[0],
                    match.start(),
                    match.end(),
                    dossier=match["dossier"],
                    suffix=match["suffix"],
                    number=match["nr"],
                    form=form,
                )
            )
    for match in patterns.KAMERSTUK.finditer(text):
        if any(f.start <= match.start() < f.end for f in found):
            continue
        base = dict(
            chamber=match["chamber"],
            vergaderjaar=_vergaderjaar(match),
            dossier=_dossier(match["dossier"]),
            suffix=match["sfxh"] or match["sfxs"],
            co_dossiers=tuple(_dossier(d) for d in re.findall(patterns.DOSSIER, match["co"] or "")),
            page=match["page"],
            attachment=bool(match["bijlage"]),
        )
        start = match.start("bijlage") if match["bijlage"] else match.start("kw")
        numbers = _numbers(match["nrs"]) if match["nrs"] else _numbers(match["letter"] or "")
        for number in numbers or [None]:
            found.append(
                Citation(
                    models.KAMERSTUK,
                    text[start : match.end()],
                    start,
                    match.end(),
                    number=number,
                    number_keyword=bool(match["nrkw"]),
                    **base,
                )
            )
        end = match.end()
        while numbers and (more := patterns.CONTINUATION.match(text, end)):
            inherited = dict(
                base,
                dossier=_dossier(more["dossier"]),
                suffix=more["sfxh"] or more["sfxs"],
                co_dossiers=(),
                page=more["page"],
                attachment=False,
            )
            first = more.start("dossier")
            for number in _numbers(more["nrs"]):
                found.append(
                    Citation(
                        models.KAMERSTUK,
                        text[first : more.end()],
                        first,
                        more.end(),
                        number=number,
                        number_keyword=True,
                        continuation=True,
                        form="bare",
                        **inherited,
                    )
                )
            end = more.end()
    return found


def _simple_forms(text: str) -> list[Citation]:
    found: list[Citation] = []
    for m in patterns.HANDELINGEN.finditer(text):
        kind = models.AANHANGSEL if m["aanhangsel"] else models.HANDELINGEN
        start = m.start("aanhangsel") if m["aanhangsel"] else m.start("kw")
        found.append(
            Citation(
                kind,
                text[start : m.end()],
                start,
                m.end(),
                chamber=m["chamber"],
                vergaderjaar=_vergaderjaar(m),
                number=m["nr"],
                item=m["item"],
                page=m["page"],
            )
        )
    for m in patterns.HANDELINGEN_ID.finditer(text):
        kind = models.AANHANGSEL if m["prefix"] == "ah" else models.HANDELINGEN
        vj = (int(m["vj"][:4]), int(m["vj"][4:]))
        found.append(
            Citation(
                kind,
                m[0],
                m.start(),
                m.end(),
                chamber="I" if m["house"] == "ek" else "II",
                vergaderjaar=vj,
                number=m["nr"],
                item=m["item"],
                form="id",
            )
        )
    for m in patterns.BLAD.finditer(text):
        found.append(
            Citation(
                BLAD_KINDS[m["blad"].lower()], m[0], m.start(), m.end(), year=int(m["year"]), number=m["nr"]
            )
        )
    for m in patterns.BLAD_ID.finditer(text):
        found.append(
            Citation(
                BLAD_KINDS[m["prefix"]],
                m[0],
                m.start(),
                m.end(),
                year=int(m["year"]),
                number=m["nr"],
                form="id",
            )
        )
    for m in patterns.EU_ACT.finditer(text):
        found.append(_eu_act(m))
    for m in patterns.PUBLICATIEBLAD.finditer(text):
        found.append(
            Citation(
                models.PUBLICATIEBLAD,
                m[0],
                m.start(),
                m.end(),
                year=int(m["year"]),
                series=m["series"],
                number=m["nr"],
            )
        )
    for m in patterns.ECLI.finditer(text):
        found.append(Citation(models.ECLI, m[0], m.start(), m.end(), ecli=m[0].upper()))
    return found


def _eu_act(m) -> Citation:
    """EU acts: year/number since 2015 and for directives; number/year for older regulations
    written with `nr.` (Verordening (EG) nr. 343/2003)."""
    a, b = m["a"], m["b"]
    kind = m["type"].lower()
    series = EU_TYPES.get(kind, "R")
    year_first = not (m["nrkw"] or (len(b) == 4 and not (len(a) == 4 and 1950 < int(a) < 2100)))
    year, number = (a, b) if year_first else (b, a)
    year_int = int(year) + (1900 if len(year) == 2 and int(year) > 50 else 2000 if len(year) == 2 else 0)
    return Citation(
        models.EU_ACT, m[0], m.start(), m.end(), year=year_int, number=str(int(number)), series=series
    )


def _unreadable_kamerstukken(text: str, found) -> list[Refusal]:
    """A kamerstuk keyword that no pattern could read further: report it, never guess."""
    refusals = []
    for m in KEYWORD.finditer(text):
        if any(f.start <= m.start() < f.end for f in found):
            continue
        after = text[m.end() : m.end() + 40]
        if re.match(r"\s*(?:II|I)?\s*,?\s*(?:\d|nr)", after):
            refusals.append(
                Refusal(
                    "CIT008",
                    t("citations.unreadable"),
                    text[m.start() : m.end() + len(after.split("\n")[0])].strip(),
                    m.start(),
                    m.end(),
                )
            )
    return refusals
