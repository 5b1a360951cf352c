"""Reading what a service sends: XML and JSON that may be anything, never trusted to be well-formed."""

from __future__ import annotations

import json
import re
from datetime import date
from xml.etree import ElementTree

from ..messages import t


class Malformed(Exception):
    """An answer that is not what the service documents: why, in Dutch."""


def xml(body: bytes) -> ElementTree.Element:
    """The root element; a document type declaration (the way to entity bombs) is refused:
    none of the services sends one."""
    if b"<!DOCTYPE" in body[:4096].upper() or b"<!ENTITY" in body.upper():
        raise Malformed(t("official.malformed_doctype"))
    try:
        return ElementTree.fromstring(body)
    except ElementTree.ParseError as error:
        raise Malformed(t("official.malformed_xml", error=str(error))) from None


def json_object(body: bytes) -> dict:
    try:
        data = json.loads(body.decode("utf-8"))
    except (UnicodeDecodeError, ValueError, RecursionError) as error:  # RecursionError: nested too deep
        raise Malformed(t("official.malformed_json", error=str(error))) from None
    if not isinstance(data, dict):
        raise Malformed(t("official.malformed_shape"))
    return data


def text(element: ElementTree.Element | None) -> str | None:
    """The text of an element, its whitespace made single spaces; None when there is none."""
    if element is None:
        return None
    value = re.sub(r"\s+", " ", "".join(element.itertext())).strip()
    return value or None


def iso_date(value: object) -> date | None:
    """`2025-07-04`, `2025-07-04T00:00:00+02:00` -> the date; anything else -> None."""
    if not isinstance(value, str) or not re.match(r"\d{4}-\d{2}-\d{2}", value):
        return None
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return None
