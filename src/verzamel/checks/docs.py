"""Rule documentation from the catalogue: for `verzamel rules` and the pages in docs/rules/."""

from __future__ import annotations

from ..messages import t, using
from ..rules import FAMILIES, RULES, Rule


def rule_text(rule: Rule) -> str:
    """One rule, for the terminal, in the user's language."""
    notes = [t("rules_text.fixable")] if rule.fixable else []
    notes.append(t("rules_text.locked") if rule.locked else t("rules_text.changeable"))
    return t(
        "rules_text.rule",
        id=rule.id,
        severity=t(f"severity.{rule.severity}"),
        family=t(f"family.{rule.family}"),
        summary=rule.summary,
        bad=_indent(rule.bad),
        good=_indent(rule.good),
        notes="; ".join(notes),
    )


def family_page(family: str) -> str:
    """A Markdown page with every rule of one family."""
    lines = [
        f"# {t(f'family.{family}')}",
        "",
        "<!-- Generated from src/verzamel/rules.py by tools/make_rule_docs.py: do not edit. -->",
        "",
        "| rule | severity | what it finds |",
        "|---|---|---|",
    ]
    rules = [r for r in RULES.values() if r.family == family]
    lines += [f"| [{r.id}](#{r.id.lower()}) | {r.severity} | {r.summary} |" for r in rules]
    for rule in rules:
        lines += [
            "",
            f"## {rule.id}",
            "",
            rule.summary,
            "",
            "Wrong:",
            "",
            "```",
            rule.bad,
            "```",
            "",
            "Right:",
            "",
            "```",
            rule.good,
            "```",
            "",
        ]
        if rule.fixable:
            lines.append("`verzamel check --fix` corrects it. ")
        lines.append(
            "Its severity cannot be changed."
            if rule.locked
            else f"Default severity: {rule.severity}; change it under `rules:` in verzamel.yaml."
        )
    return "\n".join(lines) + "\n"


def index_page() -> str:
    lines = [
        "# Rules",
        "",
        "<!-- Generated from src/verzamel/rules.py by tools/make_rule_docs.py: do not edit. -->",
        "",
        "`verzamel check` and `verzamel build` report these rules as "
        "`file:line:column: severity RULE message`. `verzamel rules` lists them, "
        "`verzamel rules ID` explains one.",
        "",
        "Change a severity, or turn a rule off, in verzamel.yaml (rules marked locked cannot be changed):",
        "",
        "```yaml",
        "rules:",
        "  STYLE002: off                # everywhere",
        "  DATE004: error",
        '  "sections/beslisnota/*":     # only for files matching the pattern',
        "    STYLE001: off",
        "house_style:",
        "  citations: aanwijzingen              # or kort, or voluit",
        "  footnote_marker: after_punctuation   # or before_punctuation",
        "  quotes: typographic                  # or straight, or any",
        "```",
        "",
        "| family | rules |",
        "|---|---|",
    ]
    for family in FAMILIES:
        title = t(f"family.{family}")
        ids = ", ".join(r.id for r in RULES.values() if r.family == family)
        lines.append(f"| [{title}]({family}.md) | {ids} |")
    return "\n".join(lines) + "\n"


def pages() -> dict[str, str]:
    """File name in docs/rules/ -> content, in English as all of docs/ is."""
    with using("en"):
        return {"README.md": index_page(), **{f"{family}.md": family_page(family) for family in FAMILIES}}


def _indent(text: str) -> str:
    return "\n".join("    " + line for line in text.split("\n"))
