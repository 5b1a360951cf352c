"""What the commands share: finding the dossier, printing diagnostics, usage errors."""

from __future__ import annotations

import functools
from pathlib import Path

import click

SEVERITY_COLOURS = {"error": "red", "warning": "yellow", "info": "cyan"}
EXIT_BUG = 3
EXIT_INTERRUPTED = 130
BUG_REPORT = (
    "This is a bug in verzamel, not a problem in your sources. Please report it to the verzamel\n"
    "maintainers (README, 'Reporting a bug') with the command you ran and the output of the same\n"
    "command with --debug after `verzamel` (verzamel --debug ...), which shows where it happened."
)


class Verzamel(click.Group):
    """The `verzamel` group: what no command should ever show a user, it turns into a message.

    An unexpected exception is a bug in verzamel: one line says so and what to do (exit 3);
    `verzamel --debug` shows the traceback instead. Ctrl-C ends with exit 130, after any
    document being written is complete. With `--format json`, errors are a JSON object on stdout.
    """

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        ctx.meta["verzamel.args"] = list(args)
        return super().parse_args(ctx, args)

    def invoke(self, ctx: click.Context):
        try:
            return super().invoke(ctx)
        except click.UsageError as exc:
            if _wants_json(ctx):
                _echo_json_error("usage", exc.format_message())
            raise
        except (click.exceptions.Exit, click.exceptions.Abort, click.ClickException, SystemExit):
            raise
        except KeyboardInterrupt:
            click.echo(
                "\nInterrupted. Documents already written are complete; the others were not written.",
                err=True,
            )
            raise SystemExit(EXIT_INTERRUPTED) from None
        except Exception as exc:
            if ctx.params.get("debug"):
                raise
            summary = f"{type(exc).__name__}: {exc}".splitlines()[0][:300]
            if _wants_json(ctx):
                _echo_json_error("bug", summary)
            click.echo(f"verzamel stopped: {summary}\n{BUG_REPORT}", err=True)
            raise SystemExit(EXIT_BUG) from None


def _wants_json(ctx: click.Context) -> bool:
    args = ctx.meta.get("verzamel.args", [])
    return any(
        a == "--format=json" or (a == "--format" and b == "json")
        for a, b in zip(args, [*args[1:], ""], strict=True)
    )


def _echo_json_error(kind: str, message: str) -> None:
    import json

    click.echo(json.dumps({"error": {"kind": kind, "message": message}}, ensure_ascii=False))


ROOT_HELP = (
    "The dossier folder (the one with verzamel.yaml). Default: the current folder "
    "or the nearest folder above it that has one."
)


def root_option(command):
    """`--root DIR` on the command (or before it: `verzamel --root DIR build`)."""

    @click.option("--root", type=click.Path(file_okay=False, path_type=Path), help=ROOT_HELP)
    @functools.wraps(command)
    def wrapper(*args, root, **kwargs):
        return command(load_project(root), *args, **kwargs)

    return wrapper


def load_project(root: Path | None):
    """The dossier at --root (of this command or of `verzamel` itself), or around the current folder."""
    from .project import ProjectNotFound, open_project

    root = root or click.get_current_context().find_root().params.get("root")
    try:
        return open_project(root)
    except ProjectNotFound as exc:
        raise click.UsageError(str(exc)) from None


def terminal_style(text: str, role: str) -> str:
    """Bold locations, coloured severities; click drops the colours when not on a terminal."""
    return click.style(text, fg=SEVERITY_COLOURS.get(role), bold=True)


def echo_diagnostics(diagnostics) -> None:
    from .diagnostics import format_text

    for diagnostic in diagnostics:
        click.echo(format_text(diagnostic, terminal_style), err=True)


def unknown_letter_error(exc) -> click.UsageError:
    known = "\n  ".join(exc.known) or "(none: letters/ has no .yaml files)"
    return click.UsageError(
        f"no letter called {', '.join(exc.unknown)}. The letters in this dossier are:\n  {known}"
    )


def require_letters(sources, letter_ids) -> list[str]:
    """The letters to work on (all when none are named); an unknown id is a usage error."""
    from .sources import UnknownLetter, select_letters

    try:
        return select_letters(sources, list(letter_ids))
    except UnknownLetter as exc:
        raise unknown_letter_error(exc) from None


def count(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"


def format_option(help_text: str):
    """`--format text|json`."""
    return click.option(
        "--format",
        "output_format",
        type=click.Choice(["text", "json"]),
        default="text",
        show_default=True,
        help=help_text,
    )
