"""Jinja2 templates give each document its wording and structure; they render to Markdown.

Templates run sandboxed, with undefined variables as errors. Fragments are not pasted into the
template output as text (that would lose their source positions): `fragment(...)` leaves a
marker that assembly replaces with the fragment's parsed blocks.
"""

from __future__ import annotations

import re
import traceback
from collections.abc import Callable
from functools import cache
from pathlib import Path

from . import dutch
from .diagnostics import Diagnostic, report
from .messages import t
from .model import SourceSpan
from .project import PACKAGE_TEMPLATES, Project
from .sources.reading import MARKERS, unsafe_references

MARKER_RE = re.compile("\ue000(\\d+)\ue001")
_UNHOLDABLE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")


def marker(index: int) -> str:
    return f"\ue000{index}\ue001"


SHIPPED = "<verzamel>/templates/"
"""How a template of the house style verzamel ships is named where the dossier's would be a path."""


def template_label(project: Project, path: Path) -> str:
    """How diagnostics name a template: dossier-relative, or as the packaged default."""
    if path.is_relative_to(project.root):
        return project.relative(path)
    return SHIPPED + path.relative_to(PACKAGE_TEMPLATES.resolve()).as_posix()


MAX_OUTPUT = 2_000_000
"""Characters a template may write for one document (the example's longest writes 14,000)."""
MAX_LOOP = 100_000
"""Numbers all `range()` calls of one rendering may give together, nested loops included."""


class MissingValue(Exception):
    """A template printed a value the letter does not have."""

    def __init__(self, missing: Missing):
        self.missing = missing
        super().__init__(missing.name)


class Missing:
    """A value the letter leaves out, as templates see it: false in `{% if %}`, an error when printed
    (so an empty `signature.name:` never prints as 'None')."""

    def __init__(self, name: str, span: SourceSpan):
        self.name = name
        self.span = span

    def __bool__(self) -> bool:
        return False

    def __str__(self) -> str:
        raise MissingValue(self)

    __iter__ = __len__ = __str__


class TemplateLimit(Exception):
    """A template that would run too long or write too much (a loop or a product gone wild)."""


class _Budget:
    """`range()` for templates: counts what every call gives, so nested loops stay bounded too."""

    def __init__(self):
        self.left = MAX_LOOP

    def range(self, *args):
        numbers = range(*args)
        self.left -= len(numbers)
        if self.left < 0:
            raise TemplateLimit(t("template.too_many_loops", limit=MAX_LOOP))
        return numbers


class Templates:
    """The templates of one project, rendered in one sandboxed environment, so each compiles once.

    `compiled_in` (a build's cache.store.CacheFolder): what is compiled is read from there and
    `keep()` writes what was compiled anew, for the next run (Jinja checks each template's source
    before it uses what was kept). Without it, the environment is the one every Templates of the
    same template folders shares in this process. Jinja is imported at the first rendering."""

    def __init__(self, project: Project, compiled_in=None):
        self.project = project
        self.compiled_in = compiled_in
        self._env = None

    def environment(self):
        if self._env is None:
            folders = tuple(self.project.template_dirs())
            if self.compiled_in is None:
                self._env = _shared_environment(folders)
            else:
                self._env = _environment(folders, _compiled_in(self.compiled_in))
        return self._env

    def keep(self) -> None:
        """Write what was compiled to `compiled_in` (nothing when none was given or nothing is new)."""
        if self._env is not None and self._env.bytecode_cache is not None:
            self._env.bytecode_cache.keep()

    def render(
        self, name: str, context: dict, functions: dict[str, Callable]
    ) -> tuple[str | None, list[Diagnostic]]:
        """Render template `name` to Markdown text, or report where it failed."""
        return _render(self.project, self.environment(), name, context, functions)


@cache
def _shared_environment(template_dirs: tuple[Path, ...]):
    return _environment(template_dirs)


def _environment(template_dirs: tuple[Path, ...], compiled=None):
    """A sandboxed environment that loads templates from `template_dirs`, keeping what it
    compiles in `compiled` (a Jinja BytecodeCache) when given."""
    from jinja2 import FileSystemLoader, StrictUndefined
    from jinja2.sandbox import ImmutableSandboxedEnvironment

    class Environment(ImmutableSandboxedEnvironment):
        """The sandbox, with `*` and `**` kept to sizes a letter can need."""

        intercepted_binops = frozenset({"*", "**"})

        def call_binop(self, context, operator, left, right):
            if operator == "**" and isinstance(left, int) and isinstance(right, int):
                if abs(right) > 64 and abs(left) > 1:
                    raise TemplateLimit(t("template.too_large_power", left=left, right=right))
            elif operator == "*" and _product_length(left, right) > MAX_OUTPUT:
                raise TemplateLimit(t("template.too_large_product"))
            return super().call_binop(context, operator, left, right)

    env = Environment(
        loader=FileSystemLoader([str(p) for p in template_dirs]),
        undefined=StrictUndefined,
        autoescape=False,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
        bytecode_cache=compiled,
    )
    env.filters.update(
        long_date=dutch.long_date,
        day_month=dutch.day_month,
        weekday=dutch.weekday,
        join_list=dutch.join_list,
    )
    return env


def _compiled_in(folder):
    from jinja2 import BytecodeCache

    class Compiled(BytecodeCache):
        """Compiled templates in one entry of a build's cache, written when the build ends."""

        name = "compiled-templates"

        def __init__(self, folder):
            self.folder = folder
            kept = folder.read(self.name)
            self.compiled: dict[str, bytes] = kept if isinstance(kept, dict) else {}
            self.changed = False

        def load_bytecode(self, bucket) -> None:
            if bucket.key in self.compiled:
                bucket.bytecode_from_string(self.compiled[bucket.key])  # stale or foreign: reset

        def dump_bytecode(self, bucket) -> None:
            self.compiled[bucket.key] = bucket.bytecode_to_string()
            self.changed = True

        def keep(self) -> None:
            if self.changed and self.folder.write(self.name, self.compiled):
                self.changed = False

    return Compiled(folder)


def _product_length(left, right) -> int:
    for sequence, times in ((left, right), (right, left)):
        if isinstance(sequence, str | list | tuple) and isinstance(times, int):
            return len(sequence) * times
    return 0


def _render(
    project: Project, env, name: str, context: dict, functions: dict[str, Callable]
) -> tuple[str | None, list[Diagnostic]]:
    from jinja2 import TemplateError, TemplateNotFound, TemplateSyntaxError

    try:
        path = project.find_template(name)
    except FileNotFoundError:
        span = SourceSpan("templates/" + name)
        return None, [
            report(
                "TPL001",
                span,
                t("template.template_not_found", name=name),
                t("template.add_templates_remove_templates"),
            )
        ]
    label = template_label(project, path)
    try:
        template = env.get_template(name)
        text = _render_bounded(template, {**context, **functions, "range": _Budget().range})
    except TemplateSyntaxError as exc:
        return None, [
            report(
                "TPL001",
                SourceSpan(label, exc.lineno or 1, 1),
                t("template.template_syntax", message=exc.message),
            )
        ]
    except TemplateNotFound as exc:
        return None, [
            report("TPL001", SourceSpan(label, 1, 1), t("template.template_not_found", name=exc.name))
        ]
    except UnicodeDecodeError:
        return None, [report("SRC001", SourceSpan(label, 1, 1), t("template.template_not_utf_8"))]
    except MissingValue as exc:
        name = exc.missing.name
        return None, [
            report(
                "MAN001",
                exc.missing.span,
                t("template.letter_has_no_which", name=name, label=label, line=_template_line(exc, path)),
                t("template.write_manifest_for_every", name=name),
            )
        ]
    except TemplateError as exc:
        line = _template_line(exc, path)
        return None, [
            report(
                "TPL002",
                SourceSpan(label, line, 1),
                t("template.template", exc=exc),
                t("template.value_template_uses_missing"),
            )
        ]
    except (TemplateLimit, ArithmeticError, RecursionError, MemoryError, TypeError, ValueError) as exc:
        # What a template's own expressions can raise at run time: its error, not verzamel's.
        what = t("template.recursion") if isinstance(exc, RecursionError) else exc
        return None, [
            report(
                "TPL002",
                SourceSpan(label, _template_line(exc, path), 1),
                t("template.template_failed", error=what or type(exc).__name__),
                t("template.correct_template_at_this"),
            )
        ]
    unholdable = _UNHOLDABLE.search(text)
    if unholdable:
        return None, [
            report(
                "TPL002",
                SourceSpan(label, 1, 1),
                t("template.template_writes_control_character", code=ord(unholdable[0])),
                t("template.remove_from_template_look"),
            )
        ]
    referenced = unsafe_references(text) if "&#" in text else []
    if referenced:  # `&#12;` is read as a form feed once the Markdown is parsed
        reference, char = referenced[0]
        return None, [
            report(
                "TPL002",
                SourceSpan(label, 1, 1),
                t("template.template_writes_reference", reference=reference[0], code=ord(char)),
                t("template.remove_from_template_look"),
            )
        ]
    return text, []


def forged_marker(project: Project, name: str, text: str, issued: int) -> Diagnostic | None:
    """TPL002 when the output of template `name` holds one of verzamel's markers that `fragment()`
    did not write (`issued` is how many it wrote): a template that prints U+E000 itself."""
    if not any(char in text for char in MARKERS):
        return None
    rest = MARKER_RE.sub(lambda m: "" if int(m[1]) < issued else m[0], text)
    forged = next((char for char in rest if char in MARKERS), None)
    if forged is None:
        return None
    label = template_label(project, project.find_template(name))
    return report(
        "TPL002",
        SourceSpan(label, 1, 1),
        t("template.template_writes_marker", code=ord(forged)),
        t("template.remove_from_template_look"),
    )


def written_layout(project: Project, name: str, found: list[Diagnostic]) -> list[Diagnostic]:
    """What the Markdown parser refused in the output of template `name` (MD002 widths a template
    wrote, MD003 a table too wide), as TPL002 at the template: its place in the output is no line
    of any file."""
    label = template_label(project, project.find_template(name)) if found else ""
    return [
        report("TPL002", SourceSpan(label, 1, 1), t("template.writes_markdown", problem=d.message), d.hint)
        for d in found
        if d.rule.startswith("MD")
    ]


def _render_bounded(template, context: dict) -> str:
    """The template's output, stopped as soon as it grows past MAX_OUTPUT."""
    pieces: list[str] = []
    size = 0
    for piece in template.generate(**context):
        size += len(piece)
        if size > MAX_OUTPUT:
            raise TemplateLimit(t("template.too_much_output", limit=MAX_OUTPUT))
        pieces.append(piece)
    return "".join(pieces)


def _template_line(exc: BaseException, path: Path) -> int:
    """The template line a rendering error happened on, from Jinja's rewritten traceback."""
    line = 1
    for frame in traceback.extract_tb(exc.__traceback__):
        if frame.filename and Path(frame.filename) == path and frame.lineno:
            line = frame.lineno
    return line
