"""Documents a reviewer may send back that `verzamel feedback` cannot read as a review: an
encrypted one, a broken one, one made in another dossier (re-exported by tests/word_review.py)."""

from __future__ import annotations

import struct
from pathlib import Path

from lxml import etree

from word_package import read_parts, serialize, write_parts

FREE, END_OF_CHAIN, FAT_SECTOR, NO_STREAM = 0xFFFFFFFF, 0xFFFFFFFE, 0xFFFFFFFD, 0xFFFFFFFF
OLE_MAGIC = bytes.fromhex("D0CF11E0A1B11AE1")


def encrypted_like_word(target: Path) -> Path:
    """What Word saves when the reviewer protects the document with a password: not a zip but an
    OLE compound file ([MS-CFB]) holding the streams EncryptionInfo and EncryptedPackage
    ([MS-OFFCRYPTO] 2.3.4, ECMA-376 document encryption; 2.3.4.4: the package's size in 8 bytes,
    then the encrypted bytes). This is a well-formed compound file (version 3, 512-byte sectors:
    the FAT, the directory, each stream 4096 bytes so that none is in the mini stream) with those
    two streams, which `file` calls "CDFV2 Encrypted"; what is in them is no real encryption
    (version 4.4, agile, and no key), and the \\x06DataSpaces storage Word also writes is left out."""
    info = (b"\x04\x00\x04\x00\x40\x00\x00\x00" + b'<?xml version="1.0"?><encryption/>').ljust(4096, b"\0")
    package = struct.pack("<Q", 4088) + bytes(range(256)) * 15 + bytes(248)
    chains = list(range(3, 10)) + [END_OF_CHAIN] + list(range(11, 18)) + [END_OF_CHAIN]
    fat = [FAT_SECTOR, END_OF_CHAIN] + chains  # sector 0 the FAT, 1 the directory, 2-9 and 10-17
    fat_sector = struct.pack("<128I", *(fat + [FREE] * (128 - len(fat))))
    directory = b"".join(
        (
            _directory_entry("Root Entry", 5, child=1, start=END_OF_CHAIN, size=0),
            _directory_entry("EncryptionInfo", 2, right=2, start=2, size=len(info)),
            _directory_entry("EncryptedPackage", 2, start=10, size=len(package)),
            bytes(64) + struct.pack("<HBB3I", 0, 0, 0, NO_STREAM, NO_STREAM, NO_STREAM) + bytes(48),
        )
    )
    header = (
        OLE_MAGIC
        + bytes(16)
        + struct.pack("<5H", 0x3E, 3, 0xFFFE, 9, 6)
        + bytes(6)
        + struct.pack("<9I", 0, 1, 1, 0, 4096, END_OF_CHAIN, 0, END_OF_CHAIN, 0)
        + struct.pack("<109I", 0, *[FREE] * 108)
    )
    target.write_bytes(header + fat_sector + directory + info + package)
    return target


def _directory_entry(
    name: str, kind: int, start: int, size: int, child: int = NO_STREAM, right: int = NO_STREAM
) -> bytes:
    encoded = (name + "\0").encode("utf-16-le")
    return (
        encoded.ljust(64, b"\0")
        + struct.pack("<HBB3I", len(encoded), kind, 1, NO_STREAM, right, child)
        + bytes(16 + 4 + 16)
        + struct.pack("<IQ", start, size)
    )


def corrupt(built: Path, target: Path) -> Path:
    """The document cut off halfway, as a broken download or a full disk leaves it: no zip
    directory at the end."""
    data = built.read_bytes()
    target.write_bytes(data[: len(data) // 2])
    return target


def other_dossier(built: Path, target: Path, letter: str = "2099-01-01-brief-van-elders") -> Path:
    """The same document as made for a letter this dossier has not: the custom property
    `verzamel-brief` and the map's `letter` say `letter` (all else, the revision too, as built)."""
    parts = read_parts(built)
    properties = etree.fromstring(parts["docProps/custom.xml"])
    for prop in properties:
        if prop.get("name") == "verzamel-brief":
            prop[0].text = letter
    parts["docProps/custom.xml"] = serialize(properties)
    provenance = etree.fromstring(parts["customXml/item1.xml"])
    provenance.set("letter", letter)
    parts["customXml/item1.xml"] = serialize(provenance)
    write_parts(target, parts)
    return target
