"""The Word writer. Importing it loads python-docx and lxml, so only `build` does."""

from .writer import render_docx

__all__ = ["render_docx"]
