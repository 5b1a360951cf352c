"""The one pipeline every command goes through: read → assemble → redact → check → render → write.

    sources.load_sources      read       every source file once, with positions (a sent letter's
                                         locked versions through the same reader: `sent`)
    assemble.assemble         assemble   a letter + a kind of document → Document
    woo.redact.redact         redact     Document → Document, for the public ones
    checks                    check      sources and Documents → Diagnostics, nothing else
    render                    render     Document → bytes (.docx, .html, .pdf), per writer
    write                     write      a letter's files all or none

`run.run` takes the letters asked for up to their checked Documents; `build` renders and writes
them, with the build cache around the stages; `review` (diff), `agenda` and `freeze` take the
Documents from `run` as well. The commands in `cli/` call these and nothing below them that
assembles or redacts.
"""
