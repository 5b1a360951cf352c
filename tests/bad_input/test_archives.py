"""Archives anyone may have made: every .docx verzamel opens is read within limits, in bounded memory.

A zip bomb is built in a few milliseconds (cases.zeros): one compressed megabyte of zeros written
3,500 times is a valid deflate stream that unpacks to 3.5 GB from 3.5 MB.
"""

from __future__ import annotations

import os
import resource
import shutil
import subprocess
import sys
import zlib

import pytest
from cases import package, zeros

from conftest import REPO, copy_dossier, run_cli
from verzamel.archive import MAX_ENTRIES, MAX_PART, MAX_TOTAL
from verzamel.render.docx.package import Member

MB = 2**20
BOMB = package(zeros(3_500))
CASES = {
    "a part that unpacks to 3.5 GB": (BOMB, "word/document.xml in the archive unpacks to more than 64 MB"),
    "more parts than any document has": (
        package(*(Member.of(f"word/media/{n}.xml", b"") for n in range(MAX_ENTRIES))),
        f"the archive holds {MAX_ENTRIES + 3:,} files",
    ),
    "a part packed a thousand times": (
        package(zeros(2, "word/footnotes.xml")),
        "word/footnotes.xml in the archive unpacks to",
    ),
    "parts that together unpack too far": (
        package(*(zeros(64, f"word/media/{n}.bin", noise=8192) for n in range(MAX_TOTAL // MAX_PART + 1))),
        "the archive unpacks to 576 MB; verzamel reads at most 512 MB",
    ),
}


def test_the_bomb_is_small_and_says_it_unpacks_to_gigabytes():
    assert len(BOMB) < 5 * MB
    assert zlib.decompressobj(-15).decompress(zeros(3).compressed) == bytes(3 * MB)


@pytest.mark.parametrize("name", CASES)
def test_textconv_and_refs_scan_refuse_an_archive_beyond_the_limits(tmp_path, name):
    data, words = CASES[name]
    path = tmp_path / "brief.docx"
    path.write_bytes(data)
    for command in (["textconv"], ["refs", "scan"]):
        result = run_cli(*command, str(path))
        assert result.exit_code == 2, result.output
        assert words in result.stderr, result.stderr
    scanned = run_cli("refs", "scan", "--format", "json", str(path))
    assert scanned.exit_code == 2 and words in scanned.stdout


def test_a_header_that_understates_the_size_is_read_no_further_than_it_says(tmp_path):
    lying = zeros(200)
    path = tmp_path / "brief.docx"
    path.write_bytes(package(Member(lying.name, lying.compressed, 0, 1000)))
    result = run_cli("textconv", str(path))
    assert result.exit_code == 2
    assert "is not a Word document" in result.stderr  # the bytes past the header's size fail the CRC


def test_textconv_of_a_zip_bomb_stays_within_a_gigabyte_of_memory(tmp_path):
    """Before, textconv unpacked the whole part: memory grew past 5 GB. Now the process may not have
    more than 1 GB of address space, and still answers with the message and exit 2."""
    path = tmp_path / "bom.docx"
    path.write_bytes(BOMB)
    limit = 2**30

    def at_most_a_gigabyte():
        resource.setrlimit(resource.RLIMIT_AS, (limit, limit))

    done = subprocess.run(
        [sys.executable, "-m", "verzamel", "textconv", str(path)],
        capture_output=True,
        text=True,
        preexec_fn=at_most_a_gigabyte,
        timeout=60,
        env={"VERZAMEL_TAAL": "en", "PATH": "/usr/bin:/bin"},
    )
    assert done.returncode == 2, done.stderr
    assert "unpacks to more than 64 MB" in done.stderr


def test_a_reference_document_that_is_a_zip_bomb_is_tpl003_at_the_file(tmp_path):
    dossier = copy_dossier(tmp_path / "dossier")
    shutil.copytree(REPO / "templates", dossier / "templates")
    bomb = package(zeros(1_500))  # a source may have 2,000,000 bytes (SRC002): this one 1.5 GB unpacked
    assert len(bomb) < 2_000_000
    (dossier / "templates" / "kamerbrief.docx").write_bytes(bomb)
    result = run_cli("check", "--root", str(dossier))
    assert result.exit_code == 1
    assert "templates/kamerbrief.docx:1:1: error TPL003" in result.stdout
    assert "word/document.xml in the archive unpacks to more than 64 MB" in result.stdout


@pytest.mark.parametrize("command", [["textconv"], ["refs", "scan"]])
def test_a_pipe_given_as_a_document_is_refused_and_never_read(tmp_path, command):
    pipe = tmp_path / "brief.docx"
    os.mkfifo(pipe)
    result = run_cli(*command, str(pipe))
    assert result.exit_code == 2
    assert "not a plain file" in result.stderr
