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
from .model import SourceSpan
from .project import PACKAGE_TEMPLATES, Project

MARKER_RE = re.compile("\ue000(\\d+)\ue001")


def marker(index: int) -> str:
    return f"\ue000{index}\ue001"


def template_label(project: Project, path: Path) -> str:
    """How diagnostics name a template: dossier-relative, or as the packaged default."""
    if path.is_relative_to(project.root):
        return project.relative(path)
    return f"<verzamel>/templates/{path.relative_to(PACKAGE_TEMPLATES.resolve()).as_posix()}"


@cache
def _environment(template_dirs: tuple[Path, ...]):
    """One sandboxed environment per set of template folders, so templates compile once."""
    from jinja2 import FileSystemLoader, StrictUndefined
    from jinja2.sandbox import ImmutableSandboxedEnvironment

    env = ImmutableSandboxedEnvironment(
        loader=FileSystemLoader([str(p) for p in template_dirs]),
        undefined=StrictUndefined,
        autoescape=False,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters.update(
        long_date=dutch.long_date,
        day_month=dutch.day_month,
        weekday=dutch.weekday,
        join_list=dutch.join_list,
    )
    return env


def render_template(
    project: Project, name: str, context: dict, functions: dict[str, Callable]
) -> tuple[str | None, list[Diagnostic]]:
    """Render template `name` to Markdown text, or report where it failed."""
    from jinja2 import TemplateError, TemplateNotFound, TemplateSyntaxError

    env = _environment(tuple(project.template_dirs()))
    try:
        path = project.find_template(name)
    except FileNotFoundError:
        span = SourceSpan("templates/" + name)
        return None, [
            report(
                "TPL001",
                span,
                f"template '{name}' not found",
                "add it to templates/, or remove templates/ to use the defaults",
            )
        ]
    label = template_label(project, path)
    try:
        template = env.get_template(name)
        return template.render(**context, **functions), []
    except TemplateSyntaxError as exc:
        return None, [
            report("TPL001", SourceSpan(label, exc.lineno or 1, 1), f"template syntax: {exc.message}")
        ]
    except TemplateNotFound as exc:
        return None, [report("TPL001", SourceSpan(label, 1, 1), f"template '{exc.name}' not found")]
    except TemplateError as exc:
        line = _template_line(exc, path)
        return None, [
            report(
                "TPL002",
                SourceSpan(label, line, 1),
                f"template: {exc}",
                "a value the template uses is missing from the letter manifest?",
            )
        ]


def _template_line(exc: BaseException, path: Path) -> int:
    """The template line a rendering error happened on, from Jinja's rewritten traceback."""
    line = 1
    for frame in traceback.extract_tb(exc.__traceback__):
        if frame.filename and Path(frame.filename) == path and frame.lineno:
            line = frame.lineno
    return line
