"""Finding citations in text: `find(text)` returns typed citations and refusals, with offsets.

Kamerstukken are read here; the other kinds in their own modules (handelingen.py, journals.py,
eu.py, courts.py). Several numbers ("nrs. 12 en 14") give one citation each. Kamerstukken are also
read without the word kamerstuk, as committee reports, the Eerste Kamer and the Handelingen write
them ("(36410, nr. 12)", "(EK 36 410 VII, B)", "(35788, letter D)", "29911-226; 21501-08-765");
a zaak number (2025Z01234) is its own kind. A TK zaak number written as a kamerstuk, or a
kamerstuk keyword followed by nothing readable, is refused: reported, never guessed at. A number
without `nr.` is read and marked (`missing_nr`), for the checks to report.
"""

from __future__ import annotations

import re

from ..messages import t
from . import models, patterns
from . import vergaderjaar as vj_forms
from .courts import find_rulings
from .eu import find_eu
from .handelingen import find_handelingen
from .journals import find_journals
from .models import Citation, Refusal

KEYWORD = re.compile(r"\b[Kk]amerstuk(?:ken)?\b")


def missing_nr_reason(text: str, number: str | None) -> str:
    """Why a number written without `nr.` is reported (CIT010), for `check` and `refs scan`."""
    return t("citations.missing_nr", text=text, number=number)


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
    found += _without_keyword(text)
    found += _eerste_kamer(text)
    for other_kinds in (find_handelingen, find_journals, find_eu, find_rulings):
        found += other_kinds(text)
    found += _unreadable_kamerstukken(text, found)
    found.sort(key=lambda f: (f.start, -(f.end - f.start)))
    kept: list[Citation | Refusal] = []
    taken_until = -1
    seen: set[tuple] = set()
    for item in found:
        key = (item.start, item.end, item.id if isinstance(item, Citation) else item.rule)
        if key in seen:
            continue  # read by two forms ("…, nr. 3346 en 19637, nr. 3500"): the first one counts
        seen.add(key)
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


def _page_title(match, form: str) -> Citation:
    """A kamerstuk written as its page title or id (`19637-3100`, `kst-19637-3100`, `21501-08-765`)."""
    return Citation(
        models.KAMERSTUK,
        match[0],
        match.start(),
        match.end(),
        dossier=match["dossier"],
        suffix=match["suffix"],
        number=match["nr"],
        form=form,
    )


def _kamerstukken(text: str) -> list[Citation]:
    found: list[Citation] = []
    for pattern, form in ((patterns.TITLE_FORM, "title"), (patterns.ID_FORM, "id")):
        found += [_page_title(match, form) for match in pattern.finditer(text)]
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
        after_letters = _numbers(match["nrs2"] or "")  # "Kamerstuk 29 277, A en nr. 1"
        numbers = _numbers(match["nrs"] or match["letter"] or match["barenr"] or "") + after_letters
        for number in numbers or [None]:
            found.append(
                Citation(
                    models.KAMERSTUK,
                    text[start : match.end()],
                    start,
                    match.end(),
                    number=number,
                    number_keyword=bool(match["nrkw"]) or number in after_letters,
                    missing_nr=bool(match["barenr"]),
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


def _without_keyword(text: str) -> list[Citation]:
    """Kamerstukken cited without the word kamerstuk: `(36410, nr. 12)`, `(EK 36 410 VII, B)`,
    a semicolon list of page-title ids as the Handelingen write them, and zaak numbers."""
    found: list[Citation] = []
    for m in patterns.BARE.finditer(text):
        if _is_year(m["dossier"]):
            continue  # "2024, nr. 5": a year, not a dossier
        co = tuple(_dossier(d) for d in re.findall(patterns.DOSSIER, m["co"] or ""))
        for number in _numbers(m["nrs"]):
            found.append(_bare(m, co_dossiers=co, number=number, number_keyword=True, page=m["page"]))
    for m in patterns.EK_LETTER.finditer(text):
        if _is_year(m["dossier"]):
            continue  # "(2024, A)" is no Eerste Kamer document
        if "." in m["dossier"] and len(m["letter"]) > 1:
            continue  # "(21.501-20, BZ)": the EK's EU pages name the ministry so, not a letter
        found.append(_bare(m, chamber="I", number=m["letter"]))
    for run in patterns.ID_LIST.finditer(text):
        items = patterns.ID_LIST_ITEM.finditer(text, run.start(), run.end())
        found += [_page_title(item, "list") for item in items]
    for m in patterns.BIJLAGE_ID.finditer(text):
        found.append(Citation(models.BIJLAGE, m[0], m.start(), m.end(), number=m["nr"], form="id"))
    for m in patterns.ZAAK_NUMBER.finditer(text):
        found.append(Citation(models.ZAAK, m[0], m.start(), m.end(), zaak=m["zaak"], form="id"))
    return found


def _bare(m, **facts) -> Citation:
    """A kamerstuk written without the word kamerstuk: its dossier and suffix, and `facts`."""
    groups = m.groupdict()
    return Citation(
        models.KAMERSTUK,
        m[0],
        m.start(),
        m.end(),
        dossier=_dossier(m["dossier"]),
        suffix=groups.get("sfxh") or groups.get("sfxs"),
        form="bare",
        **facts,
    )


def _is_year(dossier: str) -> bool:
    return len(dossier) == 4 and dossier.isdigit() and 1800 <= int(dossier) < 2200


def _eerste_kamer(text: str) -> list[Citation]:
    """Documents as the EK's reports and EU pages cite them: `(35788, letter D)`, `motie CLVI,
    letter M`, `(36350-IX, 36350-XV, letter F)`, and `(21.501-33, 875)`."""
    found = []
    for m in patterns.EK_LETTER_WORD.finditer(text):
        co = tuple(d.strip() for d in m["co"].split(",") if d.strip())
        found.append(_bare(m, chamber="I", number=m["letter"], co_dossiers=co))
    for m in patterns.EK_DOTTED.finditer(text):
        found.append(_bare(m, number=m["nr"]))
    return found


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
