"""Letter manifests: `letters/<letter-id>.yaml`, one per letter, merged over `letter_defaults`."""

from __future__ import annotations

from datetime import date

from ..diagnostics import Diagnostic, report
from ..model import Fragment, FragmentUse, Letter, SourceSpan
from .markdown import parse_markdown_lines
from .yamlfile import PositionedYaml, unknown_key, value_lines

REQUIRED = {
    "betreft": "the subject line, e.g. 'betreft: Verzamelbrief opvang ontheemden uit Oekraïne'",
    "datum": "the letter's date as YYYY-MM-DD, e.g. 'datum: 2025-11-28'",
    "kenmerk": "the letter's reference number, e.g. 'kenmerk: \"6001234\"'",
}
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
    return PositionedYaml(data, spans)


def load_letter(
    manifest: PositionedYaml, path: str, letter_id: str, texts: dict[str, str]
) -> tuple[Letter | None, list[Diagnostic]]:
    """A letter from its manifest (merged over the defaults); `texts` holds the files' text by path,
    so prose fields keep the place of every character."""
    top = SourceSpan(path, 1, 1)
    if not isinstance(manifest.data, dict):
        return None, [report("MAN002", top, "a letter manifest is a list of 'key: value' lines")]
    data = manifest.data
    diagnostics: list[Diagnostic] = []

    def span(key: str) -> SourceSpan:
        return manifest.spans.get(key, top)

    for key, hint in REQUIRED.items():
        if data.get(key) in (None, ""):
            diagnostics.append(report("MAN001", top, f"the manifest has no '{key}:'", hint))
    if data.get("datum") is not None and not isinstance(data["datum"], date):
        diagnostics.append(report("MAN002", span("datum"), "'datum:' is not a date", REQUIRED["datum"]))
    mr = data.get("ministerraad")
    if mr is not None and not isinstance(mr, date):
        diagnostics.append(
            report(
                "MAN002",
                span("ministerraad"),
                "'ministerraad:' is not a date",
                "write the date of the MR as YYYY-MM-DD, or leave the line out",
            )
        )
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
    if any(d.is_error for d in diagnostics):
        return None, diagnostics

    plain = {key: data.get(key, default) for key, default in OPTIONAL.items()}
    plain.update({key: data[key] for key in data if key not in plain})
    for section, keys in SECTION_DEFAULTS.items():
        value = plain.get(section) or {}
        if not isinstance(value, dict):
            diagnostics.append(report("MAN002", span(section), f"'{section}:' must hold 'key: value' lines"))
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
                    f"'{key}:' must be a list of fragment ids",
                    "write one '- fragment-id' line per fragment",
                )
            )
            ids = []
        uses[dotted] = tuple(FragmentUse(str(i), span(f"{dotted}.{n}")) for n, i in enumerate(ids))

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
