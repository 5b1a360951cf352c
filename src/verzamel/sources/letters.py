"""Letter manifests: `letters/<letter-id>.yaml`, one per letter, merged over `letter_defaults`."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date

from ..diagnostics import Diagnostic, Fix, report
from ..messages import t
from ..model import Fragment, FragmentUse, Letter, NoteDef, SourceSpan
from .datevalues import advise
from .markdown import parse_markdown_lines
from .yamlfile import PositionedYaml, normalize_id, unknown_key
from .yamltext import value_lines

KAMERSTUK_ID = re.compile(r"kst-\d{4,6}(-[0-9A-Z]{1,6})?-\d+")
"""A sent letter's own id (`kamerstuk:`), as the registry writes kamerstukken."""
REQUIRED = ("betreft", "datum", "kenmerk")
"""The manifest keys a letter cannot do without; `manifest.required.<key>` says what each holds."""
FRAGMENT_LISTS = ("kamerbrief.fragments", "beslisnota.topics", "beslisnota.niet_openbaar")
PROSE_FIELDS = (
    "beslisnota.contactpersoon",
    "beslisnota.aanleiding",
    "beslisnota.kernpunten",
    "beslisnota.toelichting",
)
OPTIONAL = {
    "uw_kenmerk": None,
    "bijlagen": 0,
    "status": "concept",
    "ministerraad": None,
    "akkoord_op": None,
    "verzonden_op": None,
    "kamerstuk": None,
    "sender": {},
    "signature": {},
    "kamerbrief": {},
    "beslisnota": {},
}
SECTION_DEFAULTS = {
    "sender": ("ministry", "directorate", "return_address", "website"),
    "signature": ("function", "name"),
    "kamerbrief": ("fragments",),
    "beslisnota": (
        "title",
        "aan",
        "van",
        "contactpersoon",
        "datum",
        "letter_reference",
        "aanleiding",
        "kernpunten",
        "toelichting",
        "topics",
        "niet_openbaar",
    ),
}


TEXT = "text"
DATE = "date"
ATTACHMENTS = "attachments"
IDS = "ids"
FIELD_TYPES = {
    "betreft": TEXT, "kenmerk": TEXT, "uw_kenmerk": TEXT, "status": TEXT,
    "datum": DATE, "ministerraad": DATE, "bijlagen": ATTACHMENTS,
    "akkoord_op": DATE, "verzonden_op": DATE, "kamerstuk": TEXT,
    **{f"sender.{key}": TEXT for key in SECTION_DEFAULTS["sender"]},
    **{f"signature.{key}": TEXT for key in SECTION_DEFAULTS["signature"]},
    **{f"beslisnota.{key}": TEXT for key in ("title", "aan", "van", "letter_reference")},
    **{field: TEXT for field in PROSE_FIELDS},
    "beslisnota.datum": DATE,
    **{field: IDS for field in FRAGMENT_LISTS},
}  # fmt: skip
"""What each manifest value must be; YAML reads `0000123` as a number and `2025-11-28` as a date."""

YAML_KINDS = ((bool, "boolean"), (int, "number"), (float, "number"), (date, "date"), (list, "list"),
              (dict, "mapping"), (str, "text"))  # fmt: skip


def yaml_kind(value) -> str:
    """What YAML read a value as, in words ('a number')."""
    return t("kind." + next(name for kind, name in YAML_KINDS if isinstance(value, kind)))


def check_types(
    data: dict, spans: dict[str, SourceSpan], texts: dict[str, str], types=None, rule: str = "MAN002"
) -> list[Diagnostic]:
    """A value of the wrong kind is named at its line, never turned into text (`rule`: MAN002 in a
    manifest, FM005 in front matter); a number or date where text belongs gets the quoted form as
    its fix, a date written the Dutch way where a date belongs the date meant (sources.datevalues)."""
    found = []
    for dotted, kind in (types or FIELD_TYPES).items():
        key = dotted.rpartition(".")[2]
        value = dotted_value(data, dotted)
        span = spans.get(dotted)
        if value is None or span is None:
            continue
        problem = _type_problem(value, kind)
        if problem is None:
            continue
        dutch_date = kind == DATE and isinstance(value, str)
        advice = advise(key, value, span, texts.get(span.path, "")) if dutch_date else None
        if advice is not None:  # a date written the Dutch way: the date meant, and the fix when certain
            message = t("manifest.message", key=key, problem=advice.problem)
            found.append(report(rule, span, message, advice.hint, advice.fix))
            continue
        fix = None
        lines = value_lines(texts.get(span.path, ""), span) if kind == TEXT else []
        if len(lines) == 1 and not isinstance(value, list | dict):  # a number or date: always unquoted
            raw = lines[0][2]
            fix = Fix(replace(span, end_line=span.line, end_column=span.column + len(raw)), f'"{raw}"')
        hint = (
            t("manifest.quote_it", key=key, quoted=fix.replacement)
            if fix
            else t(f"manifest.type_hint.{kind}")
        )
        found.append(report(rule, span, t("manifest.message", key=key, problem=problem), hint, fix))
    return found


def dotted_value(data: dict, dotted: str):
    """The manifest value at a dotted key (`beslisnota.datum`, `bijlagen.0`), or None."""
    value = data
    for part in dotted.split("."):
        if isinstance(value, dict):
            value = value.get(part)
        elif isinstance(value, list) and part.isdigit() and int(part) < len(value):
            value = value[int(part)]
        else:
            return None
    return value


def _type_problem(value, kind: str) -> str | None:
    if kind == TEXT and not isinstance(value, str):
        return (
            t("manifest.type.text_read_as", found=yaml_kind(value), value=repr(value))
            if not isinstance(value, list | dict)
            else t("manifest.type.text", found=yaml_kind(value))
        )
    if kind == DATE and (not isinstance(value, date) or isinstance(value, bool)):
        return t("manifest.type.date", found=yaml_kind(value))
    if kind == ATTACHMENTS:
        if isinstance(value, bool) or not isinstance(value, int | list):
            return t("manifest.type.attachments", found=yaml_kind(value))
        if isinstance(value, int) and value < 0:
            return t("manifest.type.below_zero")
        if isinstance(value, list) and not all(isinstance(item, str) for item in value):
            return t("manifest.type.titles")
    if kind == IDS and not isinstance(value, list):
        return t("manifest.type.ids", found=yaml_kind(value))
    if kind == IDS and not all(isinstance(item, str | int) and not isinstance(item, bool) for item in value):
        return t("manifest.type.one_id_per_line")
    return None


def merge_defaults(manifest: PositionedYaml, defaults: PositionedYaml | None) -> PositionedYaml:
    """The manifest over the project's `letter_defaults` (one level deep, manifest wins)."""
    if defaults is None or not isinstance(defaults.data, dict):
        return manifest
    data = dict(defaults.data)
    for key, value in manifest.data.items():
        if isinstance(value, dict) and isinstance(data.get(key), dict):
            data[key] = {**data[key], **value}
        else:
            data[key] = value
    spans = {**defaults.spans, **manifest.spans}
    return PositionedYaml(data, spans, defaults.refused | manifest.refused)


def load_letter(
    manifest: PositionedYaml, path: str, letter_id: str, texts: dict[str, str]
) -> tuple[Letter | None, list[Diagnostic]]:
    """A letter from its manifest (merged over the defaults); `texts` holds the files' text by path,
    so prose fields keep the place of every character."""
    top = SourceSpan(path, 1, 1)
    if not isinstance(manifest.data, dict):
        return None, [report("MAN002", top, t("manifest.letter_manifest_list_key"))]
    data = manifest.data
    diagnostics: list[Diagnostic] = []

    def span(key: str) -> SourceSpan:
        return manifest.spans.get(key, top)

    missing = [key for key in REQUIRED if data.get(key) in (None, "")]
    for key in missing:
        if key not in manifest.refused:  # a refused value is reported already (YAML002)
            where = span(key) if key in data else top
            hint = t(f"manifest.required.{key}")
            diagnostics.append(report("MAN001", where, t("manifest.manifest_has_no", key=key), hint))
    diagnostics.extend(check_types(data, manifest.spans, texts))
    mr = data.get("ministerraad")
    for key in data:
        if key not in REQUIRED and key not in OPTIONAL:
            diagnostics.append(unknown_key(key, [*REQUIRED, *OPTIONAL], span(f"{key}@key"), "MAN003"))
        elif isinstance(data[key], dict) and key in SECTION_DEFAULTS:
            known = SECTION_DEFAULTS[key]
            diagnostics.extend(
                unknown_key(sub, known, span(f"{key}.{sub}@key"), "MAN003")
                for sub in data[key]
                if sub not in known
            )
    if missing or any(d.is_error for d in diagnostics):
        return None, diagnostics

    plain = {key: data.get(key, default) for key, default in OPTIONAL.items()}
    plain.update({key: data[key] for key in data if key not in plain})
    for section, keys in SECTION_DEFAULTS.items():
        value = plain.get(section) or {}
        if not isinstance(value, dict):
            diagnostics.append(
                report("MAN002", span(section), t("manifest.must_hold_key_value", section=section))
            )
            value = {}
        plain[section] = {key: value.get(key) for key in keys} | value

    uses: dict[str, tuple[FragmentUse, ...]] = {}
    for dotted in FRAGMENT_LISTS:
        section, key = dotted.split(".")
        ids = plain[section].get(key) or []
        if not isinstance(ids, list):
            diagnostics.append(
                report(
                    "MAN002",
                    span(dotted),
                    t("manifest.must_list_fragment_ids", key=key),
                    t("manifest.write_one_fragment_id"),
                )
            )
            ids = []
        uses[dotted] = tuple(FragmentUse(normalize_id(i), span(f"{dotted}.{n}")) for n, i in enumerate(ids))

    prose: dict[str, Fragment] = {}
    for dotted in PROSE_FIELDS:
        section, key = dotted.split(".")
        text = plain[section].get(key)
        if text is None:
            continue
        value = span(dotted)
        parsed = parse_markdown_lines(value_lines(texts.get(value.path, ""), value), value.path)
        diagnostics.extend(parsed.diagnostics)
        prose[dotted] = Fragment(f"{letter_id}:{dotted}", value.path, parsed.blocks, parsed.notes, value)

    letter = Letter(
        id=letter_id,
        path=path,
        betreft=str(data["betreft"]),
        datum=data["datum"],
        kenmerk=str(data["kenmerk"]),
        fragments=uses["kamerbrief.fragments"],
        data=plain,
        spans=dict(manifest.spans),
        ministerraad=mr,
        beslisnota_fragments={k: v for k, v in uses.items() if k.startswith("beslisnota.")},
        prose=prose,
    )
    return letter, diagnostics


def written_kamerstuk_ids(text: str) -> set[str]:
    """The `kamerstuk:` ids written in a manifest's text, found even when it cannot be read as
    YAML: the letters citing it are then not told the id is unknown as well."""
    return {match[1] for match in re.finditer(r"^kamerstuk:\s*[\"']?(kst-[\w-]+)", text, re.M)}


def citable_entry(letter: Letter) -> NoteDef | None:
    """A sent letter with its own kamerstuk id, as the registry entry the next letter cites it by:
    `[@kst-19637-3480]` is then written with the sent letter's date and betreft, never retyped."""
    kamerstuk = letter.data.get("kamerstuk")
    if letter.data.get("status") != "verzonden" or not isinstance(kamerstuk, str):
        return None
    if not KAMERSTUK_ID.fullmatch(kamerstuk):
        return None
    sent = letter.data.get("verzonden_op")
    facts = {
        "date": sent if isinstance(sent, date) else letter.datum,
        "title": letter.betreft,
        "letter": letter.id,
    }
    return NoteDef(kamerstuk, (), letter.span("kamerstuk"), None, facts)
