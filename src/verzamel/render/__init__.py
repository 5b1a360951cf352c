"""Writers: pure functions from a Document to bytes. They know nothing of YAML or Markdown."""
