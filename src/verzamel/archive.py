"""Opening a zip that anyone may have made (a .docx): within limits, in bounded memory.

Every archive verzamel reads comes in through `open_zip` (textconv, `refs scan`, the reference
documents of the house style), so a zip bomb (a few kilobytes that unpack to gigabytes, or
millions of entries) is refused with a message before it is unpacked, instead of filling the
memory. The limits are far above any Word document: the example's largest part is 350 KB.
"""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

from .messages import t

MAX_ENTRIES = 10_000
"""Files in one archive (a Word document has a few dozen)."""
MAX_PART = 64 * 2**20
"""Bytes one file in the archive may unpack to."""
MAX_TOTAL = 512 * 2**20
"""Bytes all files of one archive may unpack to together."""
MAX_RATIO = 200
"""How many times larger than it is packed a file of more than RATIO_FROM bytes may unpack: Word's
XML packs 5 to 20 times, a zip bomb a thousand times."""
RATIO_FROM = 2**20
_END = b"PK\x05\x06"
_END64_LOCATOR = b"PK\x06\x07"
_END64 = b"PK\x06\x06"


class ArchiveRefused(Exception):
    """An archive beyond the limits; the message says which, for the user."""


def open_zip(source: Path | bytes) -> zipfile.ZipFile:
    """The archive in `source` (a file or its bytes), once it keeps within the limits.

    Raises ArchiveRefused, zipfile.BadZipFile for what is not a zip, OSError when it cannot be read."""
    if not isinstance(source, bytes) and source.exists() and not source.is_file():
        raise ArchiveRefused(t("archive.not_plain_file"))  # a pipe would never end, a device neither
    handle = io.BytesIO(source) if isinstance(source, bytes) else open(source, "rb")  # noqa: SIM115
    try:
        entries = _entries_declared(handle)
        if entries is not None and entries > MAX_ENTRIES:  # before zipfile reads them all into memory
            raise ArchiveRefused(t("archive.too_many_entries", entries=entries, limit=MAX_ENTRIES))
        package = zipfile.ZipFile(handle)
    except BaseException:
        handle.close()
        raise
    try:
        _within_limits(package.infolist())
    except BaseException:
        package.close()
        raise
    return package


def read_part(package: zipfile.ZipFile, name: str) -> bytes:
    """One file of an archive from `open_zip`, unpacked no further than MAX_PART bytes whatever
    its header says (zipfile stops at the size the header gives, and checks the CRC)."""
    with package.open(name) as part:
        data = part.read(MAX_PART + 1)
    if len(data) > MAX_PART:
        raise ArchiveRefused(t("archive.part_too_large", part=name, limit=MAX_PART // 2**20))
    return data


def _within_limits(infos: list[zipfile.ZipInfo]) -> None:
    if len(infos) > MAX_ENTRIES:
        raise ArchiveRefused(t("archive.too_many_entries", entries=len(infos), limit=MAX_ENTRIES))
    total = 0
    for info in infos:
        if info.file_size > MAX_PART:
            raise ArchiveRefused(t("archive.part_too_large", part=info.filename, limit=MAX_PART // 2**20))
        if info.file_size > RATIO_FROM and info.file_size > MAX_RATIO * max(info.compress_size, 1):
            ratio = info.file_size // max(info.compress_size, 1)
            raise ArchiveRefused(t("archive.packed_too_tightly", part=info.filename, ratio=ratio))
        total += info.file_size
    if total > MAX_TOTAL:
        raise ArchiveRefused(t("archive.too_large", size=total // 2**20, limit=MAX_TOTAL // 2**20))


def _entries_declared(handle) -> int | None:
    """How many files the archive's end record says it holds (None when it has none: then it is no
    zip, and zipfile says so). Read from the last bytes only, as zipfile finds them."""
    handle.seek(0, io.SEEK_END)
    size = handle.tell()
    tail_size = min(size, 22 + 0xFFFF)  # the end record, and a comment of at most 64 KB
    handle.seek(size - tail_size)
    tail = handle.read(tail_size)
    at = tail.rfind(_END)
    if at < 0 or len(tail) < at + 22:
        return None
    entries = int.from_bytes(tail[at + 10 : at + 12], "little")
    if entries == 0xFFFF and at >= 20 and tail[at - 20 : at - 16] == _END64_LOCATOR:  # a zip64 archive
        offset = int.from_bytes(tail[at - 12 : at - 4], "little")
        handle.seek(offset)
        record = handle.read(56)
        if record[:4] == _END64:
            entries = int.from_bytes(record[32:40], "little")
    handle.seek(0)
    return entries
