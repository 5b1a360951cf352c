"""Fragment selection: the fragment each `fragment()` call of a template stands for, found in
sections/ or among the letter's prose fields, as the blocks that go where the call's marker is."""

from __future__ import annotations

from dataclasses import dataclass, replace

from ..diagnostics import Diagnostic, close_matches, report
from ..messages import t
from ..model import Block, Fragment, FragmentUse, Heading, Letter, SourceSpan, Text, WithheldBlock
from ..sources import Sources
from ..templating import marker
from .refs import scoped


@dataclass(frozen=True)
class Insert:
    fragment_id: str
    heading: int | None
    span: SourceSpan | None


def find_fragment(sources: Sources, letter: Letter, fragment_id: str) -> Fragment | None:
    """A fragment from sections/, or a prose field of this letter's manifest."""
    fragment = sources.fragments.get(fragment_id)
    if fragment is None:
        fragment = next((f for f in letter.prose.values() if f.id == fragment_id), None)
    return fragment


class Selection:
    """The fragments one rendering of a template asks for. `fragment` is the template's
    `fragment()`: it leaves a marker; `blocks` gives what goes there. What could not be found is
    in `diagnostics`, the files of what was found in `paths`."""

    def __init__(self, sources: Sources, letter: Letter):
        self.sources = sources
        self.letter = letter
        self.asked: list[Insert] = []
        self.diagnostics: list[Diagnostic] = []
        self.paths: set[str] = set()

    def fragment(self, ref, heading: int | None = 2) -> str:
        if isinstance(ref, FragmentUse):
            insert = Insert(ref.id, heading, ref.span)
        else:
            insert = Insert(str(ref), heading, None)
        self.asked.append(insert)
        return marker(len(self.asked) - 1)

    def blocks(self, index: int) -> list[Block]:
        """The blocks of the fragment marker `index` stands for: under a title at the level asked
        for, and withheld whole when the fragment is not public."""
        insert = self.asked[index]
        fragment = self._lookup(insert)
        if fragment is None:
            return []
        shift = _heading_shift(fragment.blocks, insert.heading)
        blocks = [scoped(_shift_headings(b, shift), fragment.id) for b in fragment.blocks]
        if insert.heading and fragment.title:
            title = Heading(
                insert.heading, (Text(fragment.title),), fragment.meta_spans.get("title", fragment.span)
            )
            blocks.insert(0, title)
        if not fragment.public:  # the whole fragment, title and footnotes included (woo.redact)
            span = insert.span or fragment.span
            return [
                WithheldBlock(tuple(blocks), fragment.woo, span, fragment.title or fragment.id, fragment.id)
            ]
        return blocks

    def _lookup(self, insert: Insert) -> Fragment | None:
        fragment = find_fragment(self.sources, self.letter, insert.fragment_id)
        span = insert.span or SourceSpan(self.letter.path)
        if fragment is None:
            broken = self.sources.unreadable_fragments.get(insert.fragment_id)
            if broken:
                self.paths.add(broken)
                return None  # its own errors are reported where it is
            close = close_matches(insert.fragment_id, self.sources.fragments)
            hint = t("yaml.did_you_mean", known=close[0]) if close else t("assemble.see_sections")
            self.diagnostics.append(
                report(
                    "FRAG001",
                    span,
                    t("assemble.fragment_does_not_exist", fragment_id=insert.fragment_id),
                    hint,
                )
            )
            return None
        self.paths.add(fragment.path)
        return fragment


def _heading_shift(blocks, title_level: int | None) -> int:
    """How far a fragment's own headings move: the highest one (`#`, `##` or lower, whichever the
    fragment uses first) becomes one level under the fragment's title; the others keep their
    distance to it. A fragment inserted without a title keeps its levels as written."""
    levels = [b.level for b in blocks if isinstance(b, Heading)]
    if not title_level or not levels:
        return 0
    return title_level + 1 - min(levels)


def _shift_headings(block: Block, shift: int) -> Block:
    if isinstance(block, Heading) and shift:
        return replace(block, level=max(1, min(block.level + shift, 9)))
    return block
