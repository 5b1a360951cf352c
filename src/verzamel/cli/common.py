"""What the commands share: finding the dossier, printing diagnostics, usage errors, and the
language every text a command prints is in (help included: see messages/)."""

from __future__ import annotations

import functools
import gc
import os
import re
import sys
from pathlib import Path
from typing import NoReturn

import click

from .. import messages
from ..messages import printable, t, tn

SEVERITY_COLOURS = {"error": "red", "warning": "yellow", "info": "cyan"}
EXIT_USAGE = 2
EXIT_BUG = 3
EXIT_INTERRUPTED = 130


ISO_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")
"""A date as a manifest writes it; Python 3.11 reads more as ISO 8601 (20251205, 2025-W49-5)."""


class Day(click.ParamType):
    """A date on the command line: JJJJ-MM-DD, or a date written the Dutch way when it reads one
    way only (`18-12-2026`, `18 december 2026`); otherwise a Dutch usage error that suggests one."""

    name = "date"

    def convert(self, value, param, ctx):
        from datetime import date, datetime

        from ..dutch import read_date

        if isinstance(value, datetime):
            return value
        text = str(value).strip()
        if ISO_DAY.fullmatch(text):  # not all fromisoformat reads: 20251205 and 2025-W49-5 are refused
            try:
                return datetime.combine(date.fromisoformat(text), datetime.min.time())
            except ValueError:
                pass
        written = read_date(text)
        if written is not None and written.certain:
            return datetime.combine(written.meant, datetime.min.time())
        if written is not None and written.meant is not None:
            self.fail(t("cli.day_meant", value=text, iso=written.meant.isoformat()), param, ctx)
        self.fail(t("cli.day_not_a_date", value=text), param, ctx)


DAY = Day()


class LocalCommand(click.Command):
    """A command whose help text comes from the catalogue (`help.<name>`), in the run's language."""

    def get_help_option(self, ctx: click.Context):
        option = super().get_help_option(ctx)
        if option is not None:  # click keeps one per command, made in the language of its first use
            option.help = t("click.help_option")
        return option

    @property
    def options_metavar(self) -> str:
        return t("metavar.options")

    @options_metavar.setter
    def options_metavar(self, value) -> None:
        pass

    @property
    def help(self) -> str:
        return t(f"help.{self.name}")

    @help.setter
    def help(self, value) -> None:
        pass  # the docstring is for developers; users read the catalogue


class _LocalMetavar:
    """A parameter whose `metavar=` names a catalogue entry (`metavar.<key>`): FOLDER, LETTER-ID."""

    @property
    def metavar(self) -> str | None:
        return t(f"metavar.{self._metavar_key}") if self._metavar_key else None

    @metavar.setter
    def metavar(self, value) -> None:
        self._metavar_key = value


class LocalArgument(_LocalMetavar, click.Argument):
    pass


def argument(*decls, metavar: str, **attrs):
    """`click.argument` whose metavar comes from the catalogue (`metavar.<key>`)."""
    return click.argument(*decls, cls=LocalArgument, metavar=metavar, **attrs)


class LocalOption(_LocalMetavar, click.Option):
    """An option whose `help=` names a catalogue entry (`option.<key>`), and `metavar=` too."""

    @property
    def help(self) -> str | None:
        return t(f"option.{self._help_key}") if self._help_key else None

    @help.setter
    def help(self, value) -> None:
        self._help_key = value


def option(*decls, help: str, **attrs):  # noqa: A002 - click's own name for it
    """`click.option` with its help from the catalogue: `help` is the key under `option.`."""
    return click.option(*decls, cls=LocalOption, help=help, **attrs)


class LocalGroup(LocalCommand, click.Group):
    command_class = LocalCommand

    @property
    def subcommand_metavar(self) -> str:
        return t("metavar.command")

    @subcommand_metavar.setter
    def subcommand_metavar(self, value) -> None:
        pass


def _root_in(args: list[str]) -> Path | None:
    for index, arg in enumerate(args):
        if arg == "--root" and index + 1 < len(args):
            return Path(args[index + 1])
        if arg.startswith("--root="):
            return Path(arg.split("=", 1)[1])
    return None


def speak(args: list[str]) -> None:
    """Choose the language of this run and let click's own words (Usage, Options, Error) follow."""
    messages.set_language(messages.choose(_root_in(args)))
    _translate_click()


def _translate_click() -> None:
    """click words its own texts through gettext; give it the catalogue's `click.*` instead."""
    import click.core
    import click.decorators
    import click.exceptions
    import click.formatting
    import click.parser
    import click.types

    @functools.cache
    def table() -> dict[str, str]:  # only once click has something to say
        english = messages.catalogue("en")
        current = messages.catalogue(messages.language())
        return {english[k]: current[k] for k in english if k.startswith("click.")}

    def gettext(text: str) -> str:
        return table().get(text, text)

    def ngettext(one: str, many: str, n: int) -> str:
        return gettext(one if n == 1 else many)

    for module in (
        click.core,
        click.decorators,
        click.exceptions,
        click.formatting,
        click.parser,
        click.types,
    ):
        if hasattr(module, "_"):
            module._ = gettext
        if hasattr(module, "ngettext"):
            module.ngettext = ngettext


class Verzamel(LocalGroup):
    """The `verzamel` group: what no command should ever show a user, it turns into a message.

    An unexpected exception is a bug in verzamel: one line says so and what to do (exit 3);
    `verzamel --debug` shows the traceback instead. Ctrl-C ends with exit 130, after any
    document being written is complete. With `--format json`, errors are a JSON object on stdout.
    """

    def main(self, args=None, *rest, **kwargs):
        from_command_line = args is None
        args = list(sys.argv[1:] if args is None else args)
        speak(args)
        try:
            return super().main(args, *rest, **kwargs)
        finally:
            if from_command_line:
                # The process ends now: the collection Python makes on its way out need not walk
                # what is alive (a tenth of a second on a dossier of 200 letters).
                gc.freeze()

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        ctx.meta["verzamel.args"] = list(args)
        return super().parse_args(ctx, args)

    def make_context(self, *args, **kwargs) -> click.Context:
        # Ctrl-C while the command line is read (before `invoke`) is answered as in `invoke`,
        # not with click's own "Aborted!" and exit 1.
        try:
            return super().make_context(*args, **kwargs)
        except KeyboardInterrupt:
            _interrupted()

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
            _interrupted(ctx)
        except BrokenPipeError:
            # The reader went away (`verzamel refs | head`): not a bug, and nothing left to say.
            # Point stdout at nothing so Python's own flush at exit cannot fail again.
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
            raise SystemExit(0) from None
        except Exception as exc:
            from ..write import NotWritten  # not imported before a command writes

            if isinstance(exc, NotWritten):
                _not_written(ctx, exc)
            if ctx.params.get("debug"):
                raise
            summary = f"{type(exc).__name__}: {exc}".splitlines()[0][:300]
            if _wants_json(ctx):
                _echo_json_error("bug", summary)
            click.echo(t("cli.bug", summary=summary), err=True)
            raise SystemExit(EXIT_BUG) from None


def _not_written(ctx: click.Context, exc: OSError) -> NoReturn:
    """A file a command writes (--out, --docx, init's folder, a lock) that cannot be put in place:
    OUT001 with the file and the reason, and exit 2, the place being the command's, not a source's."""
    rule, path = "OUT001", printable(os.fsdecode(exc.filename or ""))
    message = t("write.cannot_write", path=path, error=exc.strerror or exc)
    if _wants_json(ctx):
        _echo_json_error("output", message, rule=rule, file=path)
    severity = click.style(t("severity.error"), fg=SEVERITY_COLOURS["error"], bold=True)
    click.echo(f"{severity} {rule} {message}", err=True)
    click.echo("    " + t("diagnostic.hint", hint=t("write.check_place")), err=True)
    raise SystemExit(EXIT_USAGE) from None


def _interrupted(ctx: click.Context | None = None) -> NoReturn:
    if ctx is not None and _wants_json(ctx):
        _echo_json_error("interrupted", t("cli.interrupted").strip())
    click.echo(t("cli.interrupted"), err=True)
    raise SystemExit(EXIT_INTERRUPTED) from None


def _wants_json(ctx: click.Context) -> bool:
    args = ctx.meta.get("verzamel.args", [])
    return any(
        a == "--format=json" or (a == "--format" and b == "json")
        for a, b in zip(args, [*args[1:], ""], strict=True)
    )


def fail(message: str, diagnostics=(), kind: str = "usage", code: int = EXIT_USAGE) -> NoReturn:
    """End a command that cannot do its work: its diagnostics and `message` on the error output,
    and with `--format json` one JSON error object (with the diagnostics) on standard output."""
    from ..diagnostics import json_rows

    if _wants_json(click.get_current_context()):
        more = {"diagnostics": json_rows(list(diagnostics))} if diagnostics else {}
        _echo_json_error(kind, message, **more)
    echo_diagnostics(diagnostics)
    click.echo(message, err=True)
    raise SystemExit(code)


def _echo_json_error(kind: str, message: str, **more) -> None:
    from ..diagnostics import to_json

    click.echo(to_json({"error": {"kind": kind, "message": message, **more}}, indent=None))


ROOT = option("--root", type=click.Path(file_okay=False, path_type=Path), help="root", metavar="folder")


def root_option(command):
    """`--root DIR` on the command (or before it: `verzamel --root DIR build`)."""

    @ROOT
    @functools.wraps(command)
    def wrapper(*args, root, **kwargs):
        return command(load_project(root), *args, **kwargs)

    return wrapper


def load_project(root: Path | None):
    """The dossier at --root (of this command or of `verzamel` itself), or around the current folder."""
    from ..project import ProjectNotFound, open_project

    root = root or click.get_current_context().find_root().params.get("root")
    try:
        return open_project(root)
    except ProjectNotFound as exc:
        raise click.UsageError(str(exc)) from None


def terminal_style(text: str, role: str) -> str:
    """Bold locations, coloured severities; click drops the colours when not on a terminal."""
    return click.style(text, fg=SEVERITY_COLOURS.get(role), bold=True)


def echo_diagnostics(diagnostics) -> None:
    from ..diagnostics import format_text

    for diagnostic in diagnostics:
        click.echo(format_text(diagnostic, terminal_style), err=True)


def unknown_letter_error(exc) -> click.UsageError:
    known = "\n  ".join(exc.known) or t("cli.no_letters_yet")
    return click.UsageError(t("cli.unknown_letter", ids=", ".join(exc.unknown), known=known))


def require_letters(sources, letter_ids) -> list[str]:
    """The letters to work on (all when none are named); an unknown id is a usage error."""
    from ..sources import UnknownLetter, select_letters

    try:
        return select_letters(sources, list(letter_ids))
    except UnknownLetter as exc:
        raise unknown_letter_error(exc) from None


def count(n: int, word: str) -> str:
    """`1 error`, `3 warnings`: `word` names a count in the catalogue (`count.<word>`)."""
    return tn(f"count.{word}", n)


def format_option(help_key: str):
    """`--format text|json`."""
    return option(
        "--format",
        "output_format",
        type=click.Choice(["text", "json"]),
        default="text",
        show_default=True,
        help=help_key,
    )
