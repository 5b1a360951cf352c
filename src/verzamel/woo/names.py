"""Names as civil servants' names are written in Dutch government texts: initials, then a surname
with its prefixes (`J. de Vries`, `mr. A.B. Jansen`)."""

from __future__ import annotations

import re

PERSON = re.compile(
    r"(?<![\w.])(?:(?:mr|dr|drs|ir|ing|prof)\.\s*)*"
    r"(?:[A-Z]\.\s?){1,4}"
    r"(?:(?:van|de|der|den|ten|ter|te|in ['’]t|van de|van der|van den)\s+)*"
    r"[A-Z][a-zà-ÿ]+(?:-[A-Z][a-zà-ÿ]+)?"
)
