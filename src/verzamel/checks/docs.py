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
        notes=_sentence("; ".join(notes)),
    )


def family_page(family: str) -> str:
    """A Markdown page with every rule of one family: the Markdown is here, every word in the catalogue."""
    rules = [r for r in RULES.values() if r.family == family]
    lines = [
        f"# {t(f'family.{family}')}",
        "",
        t("rules_page.generated"),
        "",
        f"| {t('rules_page.rule')} | {t('rules_page.severity')} | {t('rules_page.finds')} |",
        "|---|---|---|",
    ]
    lines += [f"| [{r.id}](#{r.id.lower()}) | {t(f'severity.{r.severity}')} | {r.summary} |" for r in rules]
    for rule in rules:
        lines += ["", f"## {rule.id}", "", rule.summary, ""]
        lines += [t("rules_page.bad"), "", "```", rule.bad, "```", ""]
        lines += [t("rules_page.good"), "", "```", rule.good, "```", ""]
        if rule.fixable:
            lines.append(t("rules_page.fixable") + " ")
        lines.append(
            t("rules_page.locked")
            if rule.locked
            else t("rules_page.changeable", severity=t(f"severity.{rule.severity}"), setting=rule.severity)
        )
    return "\n".join(lines) + "\n"


def index_page() -> str:
    lines = [
        f"# {t('rules_page.title')}",
        "",
        t("rules_page.generated"),
        "",
        t("rules_page.intro"),
        "",
        f"| {t('rules_page.family')} | {t('rules_page.rules')} |",
        "|---|---|",
    ]
    for family in FAMILIES:
        title = t(f"family.{family}")
        ids = ", ".join(r.id for r in RULES.values() if r.family == family)
        lines.append(f"| [{title}]({family}.md) | {ids} |")
    return "\n".join(lines) + "\n"


def pages(language: str = "nl") -> dict[str, str]:
    """File name in docs/rules/ -> content; in Dutch, as all user guides in docs/ are."""
    with using(language):
        return {"README.md": index_page(), **{f"{family}.md": family_page(family) for family in FAMILIES}}


def _indent(text: str) -> str:
    return "\n".join("    " + line for line in text.split("\n"))


def _sentence(text: str) -> str:
    """`text` begun with a capital, as the sentence it is."""
    return text[:1].upper() + text[1:]
