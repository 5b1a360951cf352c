"""What the leak guard looks for: the words of each withheld passage, in one comparable form.

Text is compared in a normal form (NFKC; one form of each quote and dash; letters that only look
Latin as the Latin ones; invisible characters dropped; a figure's digits joined, so 06-12345678,
06 12345678 and 0612345678 are one word) and as words, so Word's runs, line ends and markup
between them do not matter. From each passage:

- the passage itself, however short its words (`J. Li`, `de VS`), or every run of `WINDOW` words
  of a longer one, in any case;
- in a short passage (a name, a place, an amount): each name-like word as written and in
  capitals, and a one-word passage in any case;
- in any passage: each figure of three digits or more (a year aside), and of each name written
  with initials its surname in any case, also joined to its prefixes and initials as an e-mail
  address writes it (`devries`, `jdevries`).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import cached_property

from .marks import IGNORABLE, SKELETON
from .names import PERSON
from .secrets import Secret

WINDOW = 8
"""Words per run looked for from a longer withheld passage."""
SHORT = 4
"""A passage of at most this many words (a name, a place, an amount) gives itself away by each of
its names; a longer one (a sentence) by its figures and the surnames in it."""
_COMMON = """de het een en of van in op te ten ter voor met aan door dat die deze dit er is zijn was waren
    wordt worden werd heeft hebben had niet ook als bij naar om uit tot over onder maar dan wel nog
    al zo zal zullen kan kunnen moet moeten mag wij we ik u uw hij zij ze hun haar hem mijn ons
    onze nu ja na the and of to"""
STOPWORDS = frozenset(_COMMON.split())
"""Words too common to say anything on their own, in whatever case."""
_ONE_FORM = {
    **dict.fromkeys(map(ord, "\u2010\u2011\u2012\u2013\u2014\u2015\u2212"), "-"),
    **dict.fromkeys(map(ord, "\u2018\u2019\u201a\u201b\u2032"), "'"),
    **dict.fromkeys(map(ord, "\u201c\u201d\u201e\u201f\u2033"), '"'),
}
WORD = re.compile(r"\w+")
FIGURE = re.compile(r"\d+(?:[.,\-/]\d+)*")
"""A figure as it is written: with dots, commas, dashes or slashes between its digits."""
YEAR = re.compile(r"(?:19|20)\d\d")
TITLES = frozenset(("mr", "dr", "drs", "ir", "ing", "prof"))
"""Titles before a name: no part of an e-mail address."""


def normal(text: str) -> str:
    """`text` as the guard compares it (see the module's text), before it is split into words."""
    text = unicodedata.normalize("NFKC", text).translate(_ONE_FORM).translate(SKELETON)
    text = IGNORABLE.sub("", text)
    return FIGURE.sub(lambda match: re.sub(r"\D", "", match[0]), text)


def words(text: str, fold: bool) -> list[str]:
    """The words of `text` in its normal form, casefolded when `fold`."""
    text = normal(text)
    return WORD.findall(text.casefold() if fold else text)


@dataclass(frozen=True)
class Needle:
    words: tuple[str, ...]
    """The words looked for, in a row, in their normal form: casefolded, or as written when `exact`."""
    exact: bool
    secret: Secret
    shown: str
    """The words as the secret writes them."""

    @cached_property
    def anchor(self) -> int:
        """Its longest word (most often a rare one), where looking for it starts."""
        return max(range(len(self.words)), key=lambda k: len(self.words[k]))


def needles(found: list[Secret], common: str = "") -> list[Needle]:
    """What to look for of each secret; no single word that `common` (what the templates print
    anyway: secrets.template_text) holds, such as "Ministerie" or the 2500 of a postcode."""
    out: dict[tuple, Needle] = {}
    printed_anyway = set(words(common, fold=True))

    def add(run, exact: bool, secret: Secret, shown: str) -> None:
        if run:
            out.setdefault((tuple(run), exact), Needle(tuple(run), exact, secret, shown))

    for secret in found:
        folded = words(secret.text, fold=True)
        written = words(secret.text, fold=False)
        short = len(folded) <= SHORT
        if len(folded) >= 2 or any(_telling(w) for w in written):
            for i in range(max(len(folded) - WINDOW, 0) + 1):
                shown = secret.text if len(folded) <= WINDOW else " ".join(written[i : i + WINDOW])
                add(folded[i : i + WINDOW], False, secret, shown)
        for run, exact, shown in _singles(secret, written, short):
            if run[0].casefold() not in printed_anyway:
                add(run, exact, secret, shown)
    return list(out.values())


def _telling(word: str) -> bool:
    """Whether a word on its own says something: a figure, a name, or not a common word."""
    return (
        any(c.isdigit() for c in word)
        or _name_like(word)
        or len(word) >= 3
        and word.casefold() not in STOPWORDS
    )


def _name_like(word: str) -> bool:
    return word[:1].isupper() and len(word) >= 2 and word.casefold() not in STOPWORDS


def _singles(secret: Secret, written: list[str], short: bool):
    """(words, exact, shown) for what gives the secret away on its own."""
    for match in FIGURE.finditer(secret.text):
        digits = re.sub(r"\D", "", match[0])
        if len(digits) >= 3 and not YEAR.fullmatch(digits):
            yield (digits,), False, match[0]
    for match in PERSON.finditer(secret.text):
        parts = WORD.findall(match[0])
        surname = parts[-1]
        prefixes = "".join(p for p in parts[:-1] if p.islower() and p not in TITLES)
        initials = "".join(p for p in parts[:-1] if len(p) == 1 and p.isupper())
        for joined in {surname, prefixes + surname, initials + prefixes + surname}:
            yield (joined.casefold(),), False, match[0]
    if short:
        for word in written:
            if _name_like(word) and not word.isdigit():
                yield (word,), True, word
                yield (word.upper(),), True, word
        if len(written) == 1:
            yield (written[0].casefold(),), False, written[0]
