"""Writers: pure functions from a Document to bytes. They know nothing of YAML or Markdown."""

GENERATION = 3
"""The writers' generation. For the same document a writer writes the same bytes within a
generation; what it writes differently comes with the next one, behind `generation >= N`. A sent
letter is made again by the generation its lock records (the first when it records none), so a
change in what the writers write never changes a letter that was sent (docs/dev/decisions.md).

1. the first (a lock without `writer:`)
2. the .docx says its language: nl-NL in its properties (dc:language)
3. the .docx carries where each paragraph comes from: hidden bookmarks, a custom XML part that
   maps them to source files and digests of their lines, custom properties (render/docx/provenance.py)
"""
