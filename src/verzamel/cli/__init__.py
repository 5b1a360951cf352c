"""The `verzamel` command: parse options, call the pipeline, print what happened, set the exit code.

Exit codes: 0 success, 1 the sources have errors, 2 the command was used wrongly, 3 a bug in
verzamel (cli.common.Verzamel), 130 interrupted with Ctrl-C.
The commands live one group per module beside this one (build.py, check.py, refs.py, review.py …);
the small ones (show, letters, templates, init) here; `help` in guides.py.
"""

from __future__ import annotations

from pathlib import Path

import click

from .. import __version__
from ..messages import t
from .agenda import agenda
from .build import build
from .check import check, rules
from .common import (
    ROOT,
    LocalCommand,
    LocalOption,
    Verzamel,
    argument,
    echo_diagnostics,
    option,
    require_letters,
    root_option,
)
from .feedback import feedback
from .freeze import freeze
from .guides import guide
from .new import new
from .preview import preview
from .refs import refs
from .review import diff, git_setup, textconv


@click.group(cls=Verzamel, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="verzamel", cls=LocalOption, help="version")
@ROOT
@option("--debug", is_flag=True, help="debug")
def main(root, debug):
    """The `verzamel` group; its help is `help.main` in the message catalogue."""


@main.command()
@root_option
def letters(project):
    """List the letters (help: `help.letters`)."""
    raise SystemExit(0 if _list_letters(project) else 1)


def _list_letters(project) -> bool:
    """Print the letters, one per line; False when a manifest could not be read."""
    from ..sources import load_sources

    sources = load_sources(project)
    readable = True
    for letter_id in sorted(sources.letter_files):
        letter = sources.letters.get(letter_id)
        if letter is None:
            readable = False
            click.echo(t("letters.broken", letter=letter_id))
            continue
        mr = t("letters.mr", date=letter.ministerraad) if letter.ministerraad else t("letters.no_mr")
        click.echo(t("letters.line", letter=letter_id, date=letter.datum, mr=mr, betreft=letter.betreft))
    if not sources.letter_files:
        click.echo(t("letters.none"))
    return readable


@main.command()
@argument("letter_id", metavar="letter_id", required=False)
@option(
    "--document",
    "kind",
    type=click.Choice(["kamerbrief", "beslisnota", "beslisnota-openbaar"]),
    default="kamerbrief",
    show_default=True,
    help="show.document",
)
@root_option
def show(project, letter_id, kind):
    """Print a document as plain text (help: `help.show`)."""
    from ..outputs import OUTPUTS
    from ..pipeline.run import run as run_letters
    from ..pipeline.sent import letter_documents
    from ..render.text import render_text
    from ..sources import load_sources

    if letter_id is None:
        click.echo(t("show.which"), err=True)
        _list_letters(project)
        raise SystemExit(2)
    sources = load_sources(project)
    require_letters(sources, [letter_id])
    output = next(o for o in OUTPUTS if o.name == kind)
    checked = run_letters(project, sources, [letter_id], outputs=[output]).letters[letter_id]
    documents, problems = letter_documents(project, checked, [output])  # a sent letter: as sent
    echo_diagnostics(checked.diagnostics + problems)
    if checked.failed or not documents:
        raise SystemExit(1)
    click.echo(render_text(documents[0]).decode("utf-8"), nl=False)


@click.command(cls=LocalCommand)
@option("--copy", is_flag=True, help="templates.copy")
@root_option
def templates(project, copy):
    """Show or copy the templates (help: `help.templates`)."""
    from ..project import shipped_template_files
    from ..write import write_atomic

    own = project.root / "templates"
    for default in shipped_template_files():
        target = own / default.name
        if copy and not target.exists():
            write_atomic(target, default.read_bytes())
            click.echo(t("templates.copied", name=default.name, path=project.relative(target)))
        elif target.exists():
            click.echo(t("templates.own", name=f"{default.name:<22}", path=project.relative(target)))
        else:
            click.echo(t("templates.default", name=f"{default.name:<22}"))


@click.command(cls=LocalCommand)
@argument(
    "folder", required=False, default=".", type=click.Path(file_okay=False, path_type=Path), metavar="dir"
)
def init(folder):
    """Start a new dossier (help: `help.init`)."""
    from datetime import date

    from ..init import DossierExists, start_dossier

    try:
        started = start_dossier(folder, date.today())
    except DossierExists as exc:
        folder = t("init.this_folder") if str(exc.folder) == "." else exc.folder
        problem = (
            t("init.is_dossier", folder=folder)
            if exc.is_dossier
            else t("init.would_overwrite", folder=folder, files=", ".join(exc.existing))
        )
        click.echo(t("init.refused", problem=problem), err=True)
        raise SystemExit(2) from None
    where = started.root
    shown = where.relative_to(Path.cwd()) if where.is_relative_to(Path.cwd()) else where
    click.echo(t("init.new", folder=shown))
    for name in started.written:
        click.echo(f"  {name:<38} {t('init.role.' + name.split('/')[0].lstrip('.').replace('.', '_'))}")
    if started.gitignore_extended:
        click.echo(f"  {'.gitignore':<38} {t('init.gitignore_extended')}")
    go = "" if where == Path.cwd().resolve() else f"cd {shown}\n  "
    click.echo(t("init.next", go=go, letter=started.letter_id))


for command in (
    build,
    check,
    rules,
    refs,
    agenda,
    diff,
    feedback,
    freeze,
    preview,
    textconv,
    git_setup,
    new,
    templates,
    init,
    guide,
):
    main.add_command(command)
