"""Every rule verzamel reports: id, family, default severity, whether --fix corrects it.

This table is the one place rules are listed. What a rule finds and its wrong and right examples
are in the message catalogue (`rules.<ID>.summary`, `.bad`, `.good`), in Dutch and English.
`verzamel rules` shows them in the user's language, the pages in docs/rules/ are generated from
them in Dutch, with the words around them from `rules_page.*` (tools/make_rule_docs.py; a test
keeps them equal), and a diagnostic's default severity comes from here.
"""

from __future__ import annotations

from dataclasses import dataclass

from .messages import t


@dataclass(frozen=True)
class Rule:
    id: str
    family: str
    severity: str
    fixable: bool = False
    locked: bool = False
    """A locked rule's severity cannot be changed in verzamel.yaml (confidentiality, unreadable files)."""

    @property
    def summary(self) -> str:
        return t(f"rules.{self.id}.summary")

    @property
    def bad(self) -> str:
        return t(f"rules.{self.id}.bad")

    @property
    def good(self) -> str:
        return t(f"rules.{self.id}.good")


FAMILIES = (
    "sources",
    "structure",
    "status",
    "send",
    "lock",
    "footnotes",
    "dates",
    "ministerraad",
    "citations",
    "style",
    "woo",
    "a11y",
    "feedback",
)
"""The families of rules, in the order they are listed; `family.<name>` is each one's title."""

# fmt: off
_RULES = (
    # -- sources --------------------------------------------------------------------------------------
    Rule("YAML001", "sources", "error", fixable=True, locked=True),
    Rule("SRC001", "sources", "error", locked=True),
    Rule("YAML002", "sources", "error", locked=True),
    Rule("SRC002", "sources", "error", locked=True),
    Rule("SRC003", "sources", "warning"),
    Rule("TXT001", "sources", "error", fixable=True, locked=True),
    Rule("TXT002", "sources", "warning", fixable=True),
    Rule("CFG001", "sources", "warning"),
    Rule("CFG002", "sources", "error", locked=True),
    # -- structure ------------------------------------------------------------------------------------
    Rule("FM001", "structure", "error", locked=True),
    Rule("FM002", "structure", "error"),
    Rule("FM003", "structure", "error", locked=True),
    Rule("FM004", "structure", "warning"),
    Rule("FM005", "structure", "error", fixable=True, locked=True),
    Rule("FRAG001", "structure", "error", locked=True),
    Rule("FRAG002", "structure", "error", locked=True),
    Rule("MAN001", "structure", "error", locked=True),
    Rule("MAN002", "structure", "error", fixable=True, locked=True),
    Rule("MAN004", "structure", "error", locked=True),
    Rule("KEY001", "structure", "error", fixable=True),
    Rule("MAN003", "structure", "warning"),
    Rule("TPL001", "structure", "error", locked=True),
    Rule("TPL002", "structure", "error", locked=True),
    Rule("TPL003", "structure", "error", locked=True),
    Rule("OUT001", "structure", "error", locked=True),
    Rule("MD003", "structure", "error", locked=True),
    Rule("MD002", "structure", "error"),
    Rule("MD004", "structure", "error"),
    # -- status ---------------------------------------------------------------------------------------
    Rule("STATUS001", "status", "error", fixable=True),
    Rule("STATUS002", "status", "error"),
    Rule("STATUS003", "status", "error"),
    Rule("STATUS004", "status", "warning"),
    Rule("STATUS005", "status", "error"),
    # -- send -----------------------------------------------------------------------------------------
    Rule("SEND001", "send", "error", locked=True),
    Rule("SEND002", "send", "error", locked=True),
    Rule("SEND003", "send", "error"),  # a real J. de Vries exists: a dossier may turn it off
    Rule("SEND004", "send", "error", locked=True),
    # -- lock -----------------------------------------------------------------------------------------
    Rule("LOCK001", "lock", "error", locked=True),
    Rule("LOCK002", "lock", "error", locked=True),
    Rule("LOCK003", "lock", "error", locked=True),
    Rule("LOCK004", "lock", "info"),
    Rule("LOCK005", "lock", "warning"),
    Rule("LOCK006", "lock", "warning"),
    # -- footnotes ------------------------------------------------------------------------------------
    Rule("FN001", "footnotes", "error", locked=True),
    Rule("FN002", "footnotes", "warning"),
    Rule("FN003", "footnotes", "error", locked=True),
    Rule("FN005", "footnotes", "warning"),
    Rule("FN006", "footnotes", "error", locked=True),
    Rule("FN007", "footnotes", "error", fixable=True, locked=True),
    Rule("FN004", "footnotes", "error"),
    # -- dates ----------------------------------------------------------------------------------------
    Rule("DATE001", "dates", "error"),
    Rule("DATE002", "dates", "error"),
    Rule("DATE003", "dates", "warning", fixable=True),
    Rule("DATE004", "dates", "warning", fixable=True),
    Rule("DATE005", "dates", "error"),
    # -- ministerraad ---------------------------------------------------------------------------------
    Rule("MR001", "ministerraad", "warning"),
    Rule("MR002", "ministerraad", "error"),
    Rule("MR003", "ministerraad", "info"),
    Rule("MR004", "ministerraad", "error", locked=True),
    Rule("MR005", "ministerraad", "warning"),
    # -- citations ------------------------------------------------------------------------------------
    Rule("CIT001", "citations", "error"),
    Rule("CIT002", "citations", "error"),
    Rule("CIT003", "citations", "error"),
    Rule("CIT009", "citations", "warning"),
    Rule("CIT004", "citations", "error"),
    Rule("CIT005", "citations", "error"),
    Rule("CIT006", "citations", "error"),
    Rule("CIT007", "citations", "warning", fixable=True),
    Rule("CIT008", "citations", "error"),
    Rule("CIT010", "citations", "warning", fixable=True),
    Rule("CIT011", "citations", "warning", fixable=True),
    # the registry against the official metadata: only `verzamel refs verify` reports these
    Rule("REF001", "citations", "error"),
    Rule("REF002", "citations", "warning"),
    Rule("REF003", "citations", "error"),
    Rule("REF004", "citations", "warning"),
    # -- what reviewers did in Word: only `verzamel feedback` reports these ---------------------------
    Rule("FEEDBACK001", "feedback", "error"),
    Rule("FEEDBACK002", "feedback", "error"),
    Rule("FEEDBACK003", "feedback", "warning"),
    Rule("FEEDBACK004", "feedback", "error"),
    # -- style ----------------------------------------------------------------------------------------
    Rule("STYLE001", "style", "warning", fixable=True),
    Rule("STYLE002", "style", "warning", fixable=True),
    Rule("STYLE003", "style", "warning", fixable=True),
    Rule("STYLE004", "style", "warning", fixable=True),
    # -- woo ------------------------------------------------------------------------------------------
    Rule("CONF001", "woo", "error", locked=True),
    Rule("WOO001", "woo", "error", locked=True),
    Rule("WOO002", "woo", "error", locked=True),
    Rule("WOO003", "woo", "warning"),
    Rule("WOO004", "woo", "error", locked=True),
    Rule("WOO005", "woo", "info"),
    Rule("WOO006", "woo", "error", locked=True),
    Rule("WOO007", "woo", "error", locked=True),
    Rule("WOO008", "woo", "error", locked=True),
    Rule("WOO009", "woo", "error", locked=True),
    # -- a11y: what makes a published document less accessible ----------------------------------------
    Rule("ACC001", "a11y", "warning"),
    Rule("ACC002", "a11y", "warning"),
    Rule("ACC003", "a11y", "warning"),
    Rule("ACC004", "a11y", "warning"),
    Rule("ACC005", "a11y", "warning"),
    Rule("ACC006", "a11y", "warning"),
)
# fmt: on

RULES: dict[str, Rule] = {rule.id: rule for rule in _RULES}
