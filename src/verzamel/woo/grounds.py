"""The Woo grounds (package data in gronden.yaml) and the ways people write them.

`5.1.2e`, `5.1.2.e`, `5.1.2 e`, `art. 5.1 lid 2 sub e` and `artikel 5.1, tweede lid, onder e`
are one ground, written `5.1.2e`; several are separated by spaces, commas, `;` or `en`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from ..messages import t

DATA = Path(__file__).with_name("gronden.yaml")
PERSONAL_POLICY_OPINIONS = "5.2"
ATTRIBUTE = re.compile(r"\{\s*woo\s*=\s*(?:\"(?P<quoted>[^\"\n]*)\"|(?P<bare>[^}\n]*?))\s*\}")
"""The `{woo=5.1.2e}` (or `{woo="5.1.2e 5.1.2i"}`) that marks what is withheld."""

_PARAGRAPH_WORDS = {"eerste": "1", "tweede": "2", "vijfde": "5"}
_ONE = re.compile(
    r"(?:art(?:ikel)?\.?\s*)?5\.(?P<article>[12])"
    r"(?:\.(?P<lid>\d)|\s*,?\s*lid\s*(?P<lid2>\d)|\s*,\s*(?P<lidword>eerste|tweede|vijfde)\s+lid)?"
    r"(?:\s*,?\s*(?:\.|sub\b|onder(?:deel)?\b)?\s*(?P<letter>[a-z])\b)?"
    r"(?:\s*,?\s*Woo\b)?",
    re.IGNORECASE,
)
_SEPARATOR = re.compile(r"\s*(?:[,;]|\ben\b)?\s*", re.IGNORECASE)


@dataclass(frozen=True)
class Ground:
    code: str
    article: str
    description: str
    absolute: bool = False


@cache
def grounds() -> dict[str, Ground]:
    from ruamel.yaml import YAML

    data = YAML(typ="safe").load(DATA.read_text(encoding="utf-8"))
    return {
        str(code): Ground(str(code), entry["article"], entry["description"], bool(entry.get("absolute")))
        for code, entry in data.items()
    }


def _code(match: re.Match) -> str:
    if match["article"] == "2":
        return PERSONAL_POLICY_OPINIONS
    lid = match["lid"] or match["lid2"] or _PARAGRAPH_WORDS.get((match["lidword"] or "").lower(), "")
    return f"5.1.{lid}{(match['letter'] or '').lower()}"


def attribute_value(match: re.Match) -> str:
    """What an ATTRIBUTE match says the grounds are."""
    return match["quoted"] if match["quoted"] is not None else match["bare"]


def read_grounds(value: object, span):
    """(the grounds in `value` as codes, the WOO002 diagnostics for what is no ground)."""
    from ..diagnostics import report

    known, unknown = parse_grounds(value if value is not None else "")
    if known and not unknown:
        return tuple(known), []
    what = ", ".join(repr(u) for u in unknown) if unknown else t("grounds.no_ground")
    return tuple(known), [report("WOO002", span, t("grounds.not_ground_woo", what=what), t("grounds.hint"))]


def parse_grounds(value: object) -> tuple[list[str], list[str]]:
    """(the grounds in `value`, written as codes; the parts that are no known ground).

    `value` is a string or a list of strings (front matter may give either)."""
    texts = value if isinstance(value, list | tuple) else [value]
    known, unknown = [], []
    for text in texts:
        text = str(text).strip()
        position = 0
        while position < len(text):
            match = _ONE.match(text, position)
            code = _code(match) if match and match.end() > position else None
            if code in grounds():
                known.append(code)
                position = match.end()
            else:
                rest = re.split(r"[,;]", text[position:], maxsplit=1)[0].strip()
                unknown.append(rest or text[position:])
                position += max(len(rest), 1)
            separator = _SEPARATOR.match(text, position)
            position = separator.end() if separator else position
    return list(dict.fromkeys(known)), unknown
