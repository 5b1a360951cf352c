"""Letter + output kind -> Document, one job per module:

- context.py: what the template of a document sees of its letter;
- fragments.py: which fragment each `fragment()` of the template stands for, ready to insert;
- splice.py: the template's markers replaced by those blocks;
- citations.py: a document cited by id, as the text of its footnote;
- notes.py: the footnotes, numbered in order of reference;
- document.py: one pass through them; a second, fresh pass when the document withholds text.

What documents a letter has is verzamel.outputs (re-exported here).
"""

from __future__ import annotations

from ..outputs import OUTPUTS, OutputKind
from .document import assemble

__all__ = ["OUTPUTS", "OutputKind", "assemble"]
