"""Fragments: `sections/**/*.md` files with YAML front matter and a Markdown body."""

from __future__ import annotations

from ..diagnostics import Diagnostic, report
from ..messages import t
from ..model import Fragment, SourceSpan
from .letters import TEXT, check_types
from .markdown import parse_markdown
from .yamlfile import normalize_id, parse_yaml, unknown_key

FRONT_MATTER_KEYS = ("id", "title", "topic", "references", "public", "woo", "appraises")
FRONT_MATTER_TYPES = {"id": TEXT, "title": TEXT, "topic": TEXT, "appraises": TEXT}


def split_front_matter(text: str) -> tuple[str | None, str, int]:
    """Return (front matter or None, body, number of lines before the body); -1 lines when the
    front matter opens with '---' and is never closed."""
    lines = text.split("\n")
    if not lines or lines[0].strip() != "---":
        return None, text, 0
    for index in range(1, len(lines)):
        if lines[index].strip() in ("---", "..."):
            return "\n".join(lines[1:index]), "\n".join(lines[index + 1 :]), index + 1
    return None, text, -1


def load_fragment(text: str, path: str, default_id: str) -> tuple[Fragment | None, list[Diagnostic]]:
    front, body, body_offset = split_front_matter(text)
    top = SourceSpan(path, 1, 1)
    if front is None and body_offset == -1:
        return None, [
            report(
                "FM001",
                top,
                t("fragment.front_matter_opens_with"),
                t("fragment.end_front_matter_with"),
            )
        ]
    if front is None:
        return None, [
            report(
                "FM001",
                top,
                t("fragment.fragment_has_no_front"),
                t("fragment.start_file_with_line"),
            )
        ]
    meta_yaml, diagnostics = parse_yaml(front, path, line_offset=1)
    if meta_yaml is None:
        return None, diagnostics
    meta = meta_yaml.data if isinstance(meta_yaml.data, dict) else {}
    if not isinstance(meta_yaml.data, dict):
        diagnostics.append(report("FM001", top, t("fragment.front_matter_must_list")))
        return None, diagnostics

    def span(key: str) -> SourceSpan:
        return meta_yaml.spans.get(key, top)

    for key in meta:
        if key not in FRONT_MATTER_KEYS:
            diagnostics.append(unknown_key(key, FRONT_MATTER_KEYS, span(f"{key}@key"), "FM004"))
    typed = check_types(meta, meta_yaml.spans, {path: text}, FRONT_MATTER_TYPES, "FM005")
    diagnostics.extend(typed)
    if typed:
        return None, diagnostics

    fragment_id = normalize_id(meta.get("id") or default_id)
    title = meta.get("title")
    if not title:
        diagnostics.append(
            report(
                "FM002",
                top,
                t("fragment.fragment_has_no_title"),
                t("fragment.add_line_such_as"),
            )
        )
    public = meta.get("public", "woo" not in meta)  # a Woo ground says the fragment is withheld
    if not isinstance(public, bool):
        diagnostics.append(report("FM003", span("public"), t("fragment.public_must_true_false")))
        public = False  # when in doubt, keep it out of public documents
    woo = _fragment_grounds(meta, public, span, diagnostics)
    references = meta.get("references") or []
    if not isinstance(references, list):
        references = [references]

    parsed = parse_markdown(body, path, line_offset=body_offset)
    diagnostics.extend(parsed.diagnostics)
    fragment = Fragment(
        id=fragment_id,
        path=path,
        blocks=parsed.blocks,
        notes=parsed.notes,
        span=span("id") if "id" in meta else top,
        title=str(title) if title else None,
        topic=str(meta["topic"]) if meta.get("topic") else None,
        public=public,
        woo=woo,
        appraises=str(meta["appraises"]) if meta.get("appraises") else None,
        references=tuple(str(r) for r in references),
        meta=meta,
        body_line=body_offset + 1,
        meta_spans=dict(meta_yaml.spans),
    )
    return fragment, diagnostics


def _fragment_grounds(meta: dict, public: bool, span, diagnostics: list[Diagnostic]) -> tuple[str, ...]:
    """The Woo grounds of a fragment (`woo:`), which a fragment that is not public must give."""
    from ..woo.grounds import read_grounds

    if "woo" not in meta:
        if not public:
            diagnostics.append(
                report(
                    "WOO001",
                    span("public"),
                    t("fragment.fragment_that_not_public"),
                    t("fragment.add_line_such_as_2"),
                )
            )
        return ()
    codes, unreadable = read_grounds(meta["woo"], span("woo"))
    diagnostics.extend(unreadable)
    if public:
        diagnostics.append(
            report(
                "WOO001",
                span("woo"),
                t("fragment.fragment_gives_woo_ground"),
                t("fragment.withhold_with_public_false"),
            )
        )
    return codes
