"""What the template of a document sees: the letter's values, and the document it writes."""

from __future__ import annotations

from collections.abc import Callable

from ..model import Letter, SourceSpan
from ..outputs import OutputKind
from ..sources import Sources
from ..templating import Missing


def template_context(
    letter: Letter, output: OutputKind, sources: Sources, fragment: Callable, withheld: list[dict]
) -> dict:
    """The template's variables. A value the letter leaves out is Missing (an error when printed);
    each prose field is a marker `fragment` gives; `withheld` is what the document withholds, per
    ground (empty on the first pass)."""

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
        data[section][key] = fragment(prose.id, heading=None)
    return {
        "letter": data,
        "document": output.name,
        "public": output.public,
        "appraised_reports": _appraised_reports(letter, sources),
        "withheld": withheld,
    }


def _appraised_reports(letter: Letter, sources: Sources) -> list[str]:
    fragments = (sources.fragments.get(use.id) for use in letter.fragments)
    return [f.appraises for f in fragments if f is not None and f.appraises and f.public]
