"""Same input, same bytes: a .docx zip written in one pass, with fixed timestamps and attributes.

The standard library's zipfile cannot take data that is already compressed, and the largest
parts of a house-style document (styles.xml above all) are the same in every document made from
it. So the zip is written here: each untouched part is compressed once per process and written
as those bytes; the rest is compressed as zipfile would, with the same headers it would write
(a test holds the two side by side).
"""

from __future__ import annotations

import struct
import zlib
from dataclasses import dataclass

FIXED_TIME = (1980, 1, 1, 0, 0, 0)
_DOS_DATE = (FIXED_TIME[0] - 1980) << 9 | FIXED_TIME[1] << 5 | FIXED_TIME[2]
_DOS_TIME = FIXED_TIME[3] << 11 | FIXED_TIME[4] << 5 | FIXED_TIME[5] // 2
_VERSION = 20  # deflate (APPNOTE 4.4.3)
_DEFLATED = 8
_EXTERNAL_ATTR = 0o644 << 16  # rw-r--r--, whoever builds
_UTF8_NAME = 0x800


@dataclass(frozen=True)
class Member:
    """One zip member, compressed: what is written for it, whatever document it is in."""

    name: str
    compressed: bytes
    crc: int
    size: int

    @classmethod
    def of(cls, name: str, data: bytes) -> Member:
        compressor = zlib.compressobj(zlib.Z_DEFAULT_COMPRESSION, zlib.DEFLATED, -15)
        return cls(name, compressor.compress(data) + compressor.flush(), zlib.crc32(data), len(data))


def write_zip(members: list[Member]) -> bytes:
    """The zip of `members` in their order, as bytes."""
    local: list[bytes] = []
    central: list[bytes] = []
    offset = 0
    for member in members:
        name, flags = _encoded(member.name)
        sizes = (member.crc, len(member.compressed), member.size, len(name))
        header = struct.pack(
            "<4s2B4HL2L2H", b"PK\003\004", _VERSION, 0, flags, _DEFLATED, _DOS_TIME, _DOS_DATE, *sizes, 0
        )
        central.append(
            struct.pack(
                "<4s4B4HL2L5H2L",
                b"PK\001\002",
                _VERSION,
                0,  # made on MS-DOS: no owner or mode bits from the machine
                _VERSION,
                0,
                flags,
                _DEFLATED,
                _DOS_TIME,
                _DOS_DATE,
                *sizes,
                0,
                0,
                0,
                0,
                _EXTERNAL_ATTR,
                offset,
            )
            + name
        )
        local.append(header + name + member.compressed)
        offset += len(local[-1])
    directory = b"".join(central)
    end = struct.pack("<4s4H2LH", b"PK\005\006", 0, 0, len(members), len(members), len(directory), offset, 0)
    return b"".join(local) + directory + end


def _encoded(name: str) -> tuple[bytes, int]:
    try:
        return name.encode("ascii"), 0
    except UnicodeEncodeError:
        return name.encode("utf-8"), _UTF8_NAME


def normalize_zip(data: bytes) -> bytes:
    """A zip rewritten so nothing in it depends on when or where it was made."""
    import io
    import zipfile

    with zipfile.ZipFile(io.BytesIO(data)) as source:
        return write_zip([Member.of(info.filename, source.read(info)) for info in source.infolist()])
