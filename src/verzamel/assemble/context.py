"""What the template of a document sees: the letter's values, and the document it writes."""

from __future__ import annotations

from ..model import Letter, SourceSpan
from ..outputs import OutputKind
from ..sources import Sources
from ..templating import Missing
from .fragments import Selection


def template_context(
    letter: Letter, output: OutputKind, sources: Sources, selection: Selection, withheld: list[dict]
) -> dict:
    """The template's variables. A value the letter leaves out is Missing (an error when printed);
    each prose field is a marker `selection.fragment` gives; `withheld` is what the document
    withholds, per ground (empty on the first pass). The fragments whose values it reads go into
    `selection.paths`: the document is made from them, inserted or not."""

    def given(key: str, value):
        return Missing(key, letter.spans.get(key, SourceSpan(letter.path))) if value is None else value

    data = {
        key: (
            {k: given(f"{key}.{k}", v) for k, v in value.items()}
            if isinstance(value, dict)
            else given(key, value)
        )
        for key, value in letter.data.items()
    }
    data["id"] = letter.id
    for dotted, uses in (
        *letter.beslisnota_fragments.items(),
        ("kamerbrief.fragments", letter.fragments),
    ):
        section, key = dotted.split(".")
        data[section][key] = list(uses)
    for dotted, prose in letter.prose.items():
        section, key = dotted.split(".")
        data[section][key] = selection.fragment(prose.id, heading=None)
    return {
        "letter": data,
        "document": output.name,
        "public": output.public,
        "appraised_reports": _appraised_reports(letter, sources, selection.paths),
        "withheld": withheld,
    }


def _appraised_reports(letter: Letter, sources: Sources, read: set[str]) -> list[str]:
    """What the kamerbrief's public fragments appraise; the files of all it looked at go into
    `read` (a fragment's `appraises:` or `public:` changes the document)."""
    fragments = [f for f in (sources.fragments.get(use.id) for use in letter.fragments) if f is not None]
    read.update(f.path for f in fragments)
    return [f.appraises for f in fragments if f.appraises and f.public]
