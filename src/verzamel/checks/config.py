"""Rule settings from verzamel.yaml: severities per rule, globally or per path, and the house style.

rules:
  STYLE002: off                 # everywhere
  DATE004: error
  "sections/beslisnota/*":      # only in files matching this pattern
    STYLE001: off
house_style:
  footnote_marker: after_punctuation
  quotes: typographic
publicatie:
  organisatie: https://identifier.overheid.nl/tooi/id/ministerie/mnre1162
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from fnmatch import fnmatch

from ..diagnostics import Diagnostic, Severity, report
from ..messages import LANGUAGES, t
from ..model import SourceSpan
from ..project import CONFIG_NAME, Project, usable_output
from ..rules import RULES
from ..sources.yamlfile import unknown_key
from .style import HOUSE_STYLE

CONFIG_KEYS = ("output", "letter_defaults", "rules", "house_style", "taal", "publicatie")
PUBLICATION_KEYS = ("organisatie",)
TOOI_ORGANISATION = re.compile(r"https://identifier\.overheid\.nl/tooi/id/[a-z_]+/[a-z0-9_]+")
"""An organisation in TOOI's register (ministerie/mnre1162, gemeente/gm0363, …)."""
SETTINGS = ("error", "warning", "info", "off")
RULE_ID = re.compile(r"^[A-Z]+\d+$")


@dataclass
class RuleSettings:
    everywhere: dict[str, str] = field(default_factory=dict)
    by_path: list[tuple[str, dict[str, str]]] = field(default_factory=list)
    house_style: dict[str, str] = field(default_factory=dict)
    diagnostics: list[Diagnostic] = field(default_factory=list)

    def setting(self, rule: str, path: str) -> str | None:
        value = self.everywhere.get(rule)
        for pattern, rules in self.by_path:
            if rule in rules and fnmatch(path, pattern):
                value = rules[rule]
        return value

    def apply(self, diagnostics: list[Diagnostic]) -> list[Diagnostic]:
        """Diagnostics with the configured severities; those turned off are left out."""
        out = []
        for diagnostic in diagnostics:
            value = (
                None if RULES[diagnostic.rule].locked else self.setting(diagnostic.rule, diagnostic.span.path)
            )
            if value == "off":
                continue
            out.append(replace(diagnostic, severity=Severity(value)) if value else diagnostic)
        return out


def read_settings(project: Project) -> RuleSettings:
    settings = RuleSettings()
    spans = project.config.spans
    data = project.settings

    def span(key: str) -> SourceSpan:
        return spans.get(key) or SourceSpan(CONFIG_NAME)

    if project.config.data is not None and not isinstance(project.config.data, dict):
        settings.diagnostics.append(
            report(
                "CFG002", SourceSpan(CONFIG_NAME), t("config.must_hold_key_value", config_name=CONFIG_NAME)
            )
        )
    for key in data:
        if key not in CONFIG_KEYS:
            settings.diagnostics.append(unknown_key(key, CONFIG_KEYS, span(f"{key}@key"), "CFG001"))
    output = data.get("output", "build")
    if not usable_output(output):
        settings.diagnostics.append(
            report(
                "CFG002",
                span("output"),
                t("config.output_must_name_one"),
                t("config.write_e_g_output"),
            )
        )
    taal = data.get("taal")
    if taal is not None and (not isinstance(taal, str) or taal.strip().lower() not in LANGUAGES):
        settings.diagnostics.append(report("CFG001", span("taal"), t("config.taal"), t("config.taal_hint")))
    rules = data.get("rules") or {}
    if not isinstance(rules, dict):
        settings.diagnostics.append(report("CFG001", span("rules"), t("config.rules_must_hold_rule")))
    for key, value in rules.items() if isinstance(rules, dict) else ():
        if isinstance(value, dict):
            checked = {
                rule: _setting(
                    settings, rule, v, span(f"rules.{key}.{rule}@key"), span(f"rules.{key}.{rule}")
                )
                for rule, v in value.items()
            }
            settings.by_path.append((str(key), {k: v for k, v in checked.items() if v}))
        elif setting := _setting(settings, key, value, span(f"rules.{key}@key"), span(f"rules.{key}")):
            settings.everywhere[key] = setting
    style = data.get("house_style") or {}
    if not isinstance(style, dict):
        settings.diagnostics.append(report("CFG001", span("house_style"), t("config.house_style_must_hold")))
    for key, value in style.items() if isinstance(style, dict) else ():
        if key not in HOUSE_STYLE:
            settings.diagnostics.append(
                unknown_key(key, HOUSE_STYLE, span(f"house_style.{key}@key"), "CFG001")
            )
        elif value not in HOUSE_STYLE[key]:
            settings.diagnostics.append(
                report(
                    "CFG001",
                    span(f"house_style.{key}"),
                    t("config.house_style_cannot", key=key, value=value),
                    t("config.choose_one", choices=", ".join(map(_as_yaml, HOUSE_STYLE[key]))),
                )
            )
        else:
            settings.house_style[key] = value
    settings.diagnostics += _publication(data.get("publicatie"), span)
    return settings


def publication_organisation(data: dict) -> str | None:
    """The TOOI URI of the organisation that publishes the dossier's letters, when verzamel.yaml
    gives one that is (`publicatie.organisatie`)."""
    publication = data.get("publicatie")
    value = publication.get("organisatie") if isinstance(publication, dict) else None
    return value if isinstance(value, str) and TOOI_ORGANISATION.fullmatch(value) else None


def _publication(publication, span) -> list[Diagnostic]:
    """`publicatie:`, what the publication record says of the dossier's publications."""
    if publication is None:
        return []
    if not isinstance(publication, dict):
        return [report("CFG001", span("publicatie"), t("config.publicatie_must_hold"))]
    found = [
        unknown_key(key, PUBLICATION_KEYS, span(f"publicatie.{key}@key"), "CFG001")
        for key in publication
        if key not in PUBLICATION_KEYS
    ]
    value = publication.get("organisatie")
    if value is not None and publication_organisation({"publicatie": publication}) is None:
        found.append(
            report(
                "CFG001",
                span("publicatie.organisatie"),
                t("config.organisatie_not_tooi", value=value),
                t("config.organisatie_hint"),
            )
        )
    return found


def _as_yaml(choice) -> str:
    """A setting's value as it is written in verzamel.yaml: `true`, not Python's `True`."""
    return str(choice).lower() if isinstance(choice, bool) else str(choice)


def _setting(settings: RuleSettings, rule: str, value, key_span: SourceSpan, span: SourceSpan) -> str | None:
    if rule not in RULES:
        settings.diagnostics.append(unknown_key(rule, RULES, key_span, "CFG001"))
        return None
    value = "off" if value is False else str(value).lower()
    if value not in SETTINGS:
        settings.diagnostics.append(
            report(
                "CFG001",
                span,
                t("config.not_setting_for", value=value, rule=rule),
                t("config.choose_one", choices=", ".join(SETTINGS)),
            )
        )
        return None
    if RULES[rule].locked:
        settings.diagnostics.append(
            report(
                "CFG001",
                span,
                t("config.cannot_changed", rule=rule),
                t("config.guards_confidentiality_readability_sources"),
            )
        )
        return None
    return value
