"""What a user reads, in Dutch or English, from one catalogue: `nl.toml` and `en.toml` beside this file.

Code names a message by its key and gives the values: `t("build.written", path=...)`. The
wording lives in the catalogue, never in the code; both languages have the same keys and the same
`{placeholders}` (a test holds them to it). Rule ids, JSON keys and source quotations stay as they
are in both languages.

The language is chosen once per run (`choose`): `VERZAMEL_TAAL`, else `taal:` in the dossier's
verzamel.yaml, else the user's locale (`LANGUAGE`, `LC_ALL`, `LC_MESSAGES`, `LANG`) when it is
English, else Dutch.
"""

from __future__ import annotations

import marshal
import os
import re
import sys
from contextlib import contextmanager, suppress
from datetime import date
from functools import cache
from pathlib import Path

LANGUAGES = ("nl", "en")
DEFAULT = "nl"
ENV = "VERZAMEL_TAAL"
_FOLDER = Path(__file__).parent
_current: str | None = None


@cache
def catalogue(language: str) -> dict[str, str | list[str]]:
    """The messages of `language`, flat: 'section.key' -> text (or [one, many] for counts).

    Parsing the TOML file takes longer than many a command's own work, so the flat catalogue is
    also kept compiled (marshal) in __pycache__ beside it, as Python keeps its bytecode, and taken
    from there while the TOML file has the same size and time. When that folder cannot be
    written, or PYTHONDONTWRITEBYTECODE is set, the file is parsed every run."""
    source = _FOLDER / f"{language}.toml"
    info = source.stat()
    stamp = (info.st_mtime_ns, info.st_size)
    compiled = _FOLDER / "__pycache__" / f"{language}.{sys.implementation.cache_tag}.catalogue"
    try:
        kept_stamp, flat = marshal.loads(compiled.read_bytes())
        if tuple(kept_stamp) == stamp and isinstance(flat, dict):
            return flat
    except Exception:  # noqa: BLE001 - absent, damaged or from another Python: parse the TOML
        pass
    flat = _parse(source)
    if not sys.dont_write_bytecode:
        _keep(compiled, marshal.dumps((stamp, flat)))
    return flat


def _parse(source: Path) -> dict[str, str | list[str]]:
    import tomllib

    with open(source, "rb") as file:
        data = tomllib.load(file)
    flat: dict[str, str | list[str]] = {}

    def walk(prefix: str, table: dict) -> None:
        for key, value in table.items():
            if isinstance(value, dict):
                walk(f"{prefix}{key}.", value)
            else:
                flat[f"{prefix}{key}"] = value

    walk("", data)
    return flat


def _keep(path: Path, data: bytes) -> None:
    """Write `path` whole or not at all; a folder that cannot be written only costs time. (A cache
    of this module's own: not through write.py, which words its errors with this module.)"""
    import tempfile

    temp = None
    try:
        path.parent.mkdir(exist_ok=True)
        fd, temp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        os.replace(temp, path)
    except OSError:
        if temp is not None:
            with suppress(OSError):
                os.unlink(temp)


def language() -> str:
    """The language of this run; from the environment alone until `choose` or `set_language`."""
    return _current or choose(None)


def set_language(code: str | None) -> None:
    """The language of this run; None: choose again from the environment on the next message."""
    global _current
    _current = None if code is None else code if code in LANGUAGES else DEFAULT


@contextmanager
def using(code: str):
    """Messages in `code` for the duration (docs/rules/ is generated in Dutch whatever the user reads)."""
    global _current
    before = _current
    set_language(code)
    try:
        yield
    finally:
        _current = before


def choose(root: Path | None, setting: object = None) -> str:
    """The language for a dossier at `root` (or around the current folder), see the module doc."""
    wanted = os.environ.get(ENV, "").strip().lower()
    if wanted in LANGUAGES:
        return wanted
    if setting is None:
        setting = dossier_setting(root)
    if isinstance(setting, str) and setting.strip().lower() in LANGUAGES:
        return setting.strip().lower()
    for name in ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"):
        value = os.environ.get(name, "")
        if value:
            return "en" if value.lower().startswith("en") else DEFAULT
    return DEFAULT


_SETTING = re.compile(r"^taal:[ \t]*[\"']?(?P<code>[A-Za-z]+)", re.M)


def dossier_setting(root: Path | None) -> str | None:
    """`taal:` in the verzamel.yaml at `root` or the nearest folder above the current one, read
    without parsing the YAML (the help must come fast); checks.config checks the value."""
    start = Path(root) if root else Path.cwd()
    for folder in (start, *start.resolve().parents) if root is None else (start,):
        config = folder / "verzamel.yaml"
        if os.path.isfile(config):  # False for a name the system refuses, too long
            try:
                match = _SETTING.search(config.read_text(encoding="utf-8", errors="replace")[:100_000])
            except OSError:
                return None
            return match["code"] if match else None
    return None


def t(key: str, /, **values) -> str:
    """The message `key` in the language of this run, with `values` filled in (dates as that
    language writes them), printable whatever the values hold."""
    text = catalogue(language())[key]
    if isinstance(text, list):
        raise TypeError(f"{key} is a count: use tn()")
    if not values:
        return text
    return printable(text.format(**{name: _shown(value) for name, value in values.items()}))


def tn(key: str, n: int, /, **values) -> str:
    """A message about `n` things: the catalogue gives [one, many]."""
    one, many = catalogue(language())[key]
    return printable((one if n == 1 else many).format(n=n, **{name: _shown(v) for name, v in values.items()}))


_SURROGATE = re.compile("[\ud800-\udfff]")


def printable(text: str) -> str:
    """`text` as it can be printed and put in JSON whatever the terminal's encoding: a byte of a
    file name that is not UTF-8 (Python holds it as a lone surrogate, U+DC80-U+DCFF) and any other
    lone surrogate shown as U+FFFD."""
    return text if text.isascii() else _SURROGATE.sub("\ufffd", text)


_UNSHOWN = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069]")
"""Control characters (a tab and a line end aside) and the marks that turn text around: printed
as they are, they move the cursor, colour the terminal or make a line read otherwise than it is."""


def visible(text: str) -> str:
    """Text from elsewhere (a reviewer's comment, a name in a document) as it can be printed: each
    character that would act on the terminal instead of being shown, as its code (U+001B)."""
    return _UNSHOWN.sub(lambda found: f"U+{ord(found[0]):04X}", text)


def _shown(value):
    if isinstance(value, date):
        return long_date(value)
    return value


def long_date(day: date) -> str:
    """`28 november 2025` in Dutch, `28 November 2025` in English."""
    return f"{day.day} {month(day.month)} {day.year}"


def weekday(day: date) -> str:
    """`vrijdag` in Dutch, `Friday` in English."""
    return catalogue(language())["calendar.weekdays"][day.weekday()]


def month(number: int) -> str:
    """`december` in Dutch, `December` in English (1 is January)."""
    return catalogue(language())["calendar.months"][number - 1]


def join(items, conjunction_key: str = "list.and") -> str:
    """`a`, `a and b`, `a, b and c` in the language of this run."""
    items = [str(i) for i in items]
    if len(items) < 2:
        return "".join(items)
    return f"{', '.join(items[:-1])} {t(conjunction_key)} {items[-1]}"
